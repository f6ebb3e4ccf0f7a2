"""The sheets of a tiled or fitted PDF: for every bundled template (ru and en, the demo among them) on
A4 and A3, the fewest sheets over both orientations and the scales allowed, none under a quarter
full, all of the map on them; fit turned for the larger scale; the orientation asked for kept."""

import io
import math

import pytest
from pypdf import PdfReader

from cjm_designer.cli import main
from cjm_designer.export.pdf import PdfOptions, to_pdf
from cjm_designer.export.pdf_pages import (
    LEAST_FILL,
    LEAST_SCALE,
    MM,
    PAPERS,
    Orientation,
    PageOptions,
    Pages,
    plan_pages,
    sheet_size,
)
from cjm_designer.export.pdf_sheet_cuts import cut
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from cjm_designer.templates import DEMO_TEMPLATE

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
DEMO = templates_dir() / f"{DEMO_TEMPLATE}.en.cjm"
TALL = templates_dir() / "five-stages.ru.cjm"


@pytest.fixture(scope="module")
def layouts():
    return {path.name: compute_layout(load(path)) for path in TEMPLATES}


def sheets_for(layout, paper: str, orientation: Orientation, scale: float, options: PageOptions) -> int:
    """How many sheets a plain grid of full sheets needs, counted sheet by sheet."""
    width, height = sheet_size(paper, orientation)
    room_x = width - 2 * options.margin
    room_y = height - 2 * options.margin - 2 * 22.0
    overlap = min(options.overlap, room_x / 3, room_y / 3)

    def along(length: float, room: float) -> int:
        count = 1
        while count * room - (count - 1) * overlap < length * scale - 1e-6:
            count += 1
        return count

    return along(layout.width, room_x) * along(layout.height, room_y)


def covered(plan, x: float, y: float) -> bool:
    return any(t.source.x - 1e-6 <= x <= t.source.right + 1e-6 and t.source.y - 1e-6 <= y <= t.source.bottom + 1e-6
               for t in plan.tiles)


@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("name", [path.name for path in TEMPLATES])
def test_tiles_use_the_fewest_sheets_none_under_a_quarter_full_covering_the_map(layouts, name, paper):
    layout = layouts[name]
    options = PageOptions(pages=Pages.TILES, paper=paper)
    plan = plan_pages(layout, options)
    fills = [plan.fill(tile) for tile in plan.tiles]
    assert min(fills) >= LEAST_FILL, fills
    # no fewer sheets at any scale allowed (the fewest is at the smallest), in either orientation
    fewest = min(sheets_for(layout, paper, turn, LEAST_SCALE, options) for turn in (Orientation.LANDSCAPE,
                                                                                   Orientation.PORTRAIT))
    assert len(plan.tiles) == plan.rows * plan.columns == fewest
    assert LEAST_SCALE <= plan.scale <= 1.0
    if plan.scale < 1.0:  # shrunk no more than needed: a little larger takes more sheets either way
        assert all(sheets_for(layout, paper, turn, plan.scale * 1.002, options) > fewest
                   for turn in (Orientation.LANDSCAPE, Orientation.PORTRAIT))
        assert f"printed at {round(plan.scale * 100)}%" in plan.notes[0]
    assert plan.page_size in (PAPERS[paper], PAPERS[paper][::-1])
    steps = 24
    assert all(covered(plan, layout.width * i / steps, layout.height * j / steps)
               for i in range(steps + 1) for j in range(steps + 1))
    area = plan.printable
    for tile in plan.tiles:
        assert tile.target.w == pytest.approx(tile.source.w * plan.scale)
        assert tile.target.h == pytest.approx(tile.source.h * plan.scale)
        assert area.x - 1e-6 <= tile.target.x and tile.target.right <= area.right + 1e-6
        assert area.y - 1e-6 <= tile.target.y and tile.target.bottom <= area.bottom + 1e-6


@pytest.mark.parametrize("orientation", [Orientation.LANDSCAPE, Orientation.PORTRAIT])
def test_tiles_turned_as_asked_share_the_map_out_instead_of_leaving_a_sliver(layouts, orientation):
    """The blank map on landscape A4 used to take four sheets, two of them 3 % full."""
    for name, layout in layouts.items():
        plan = plan_pages(layout, PageOptions(pages=Pages.TILES, paper="A4", orientation=orientation))
        assert plan.orientation == orientation
        assert (plan.page_size[1] > plan.page_size[0]) == (orientation == Orientation.PORTRAIT)
        assert min(map(plan.fill, plan.tiles)) >= LEAST_FILL, name
        assert len(plan.tiles) == sheets_for(layout, "A4", orientation, LEAST_SCALE, PageOptions()), name
        assert LEAST_SCALE <= plan.scale <= 1.0


def test_the_demo_needs_no_sheet_for_its_kpi_row_alone(layouts):
    layout = layouts[DEMO.name]
    full_size = sheets_for(layout, "A4", Orientation.LANDSCAPE, 1.0, PageOptions())
    plan = plan_pages(layout, PageOptions(pages=Pages.TILES, paper="A4"))
    assert len(plan.tiles) < full_size
    assert plan.notes == [f"the map is printed at {round(plan.scale * 100)}% of the size asked for, on "
                          f"{len(plan.tiles)} sheets instead of {full_size}"]
    kpis = max(layout.lanes.values(), key=lambda lane: lane.row.y)
    assert all(tile.source.y < kpis.row.y for tile in plan.tiles)  # every sheet shows more than the KPI row


def test_sheets_begin_on_the_line_between_two_stages_where_they_can(layouts):
    """The next sheet begins with a whole stage, and the dashed line to glue along is that line."""
    for name in (DEMO.name, TALL.name, "blank.en.cjm"):
        layout = layouts[name]
        plan = plan_pages(layout, PageOptions(pages=Pages.TILES, paper="A4"))
        edges = {box.column.x for box in layout.stages.values()}
        starts = {tile.source.x for tile in plan.tiles if tile.column > 0}
        assert starts and starts <= edges, name
        ends = {tile.source.right for tile in plan.tiles if tile.column < plan.columns - 1}
        assert ends == {start + plan.overlap / plan.scale for start in starts}


def test_cuts_prefer_the_given_lines_and_otherwise_share_evenly():
    assert cut(1000, 600, 20, 2, [], 300) == [(0, pytest.approx(510)), (pytest.approx(490), 1000)]
    assert cut(1000, 600, 20, 2, [450, 700], 300) == [(0, 470), (450, 1000)]  # from 700: 720 on the first
    spans = cut(1000, 600, 20, 2, [120], 300)  # a first sheet 140 long would be too empty: not taken
    assert spans == [(0, pytest.approx(510)), (pytest.approx(490), 1000)]
    assert cut(1000, 600, 20, 1, [500], 300) == [(0, 1000)]
    for count in range(2, 6):
        length = count * 400.0 - 50
        spans = cut(length, 420, 30, count, [], 0)
        assert spans[0][0] == 0 and spans[-1][1] == length
        assert all(b[0] == pytest.approx(a[1] - 30) for a, b in zip(spans, spans[1:]))
        assert max(end - start for start, end in spans) == pytest.approx(min(end - start for start, end in spans))


def test_fit_turns_the_sheet_for_the_larger_scale(layouts):
    for name, turn in ((TALL.name, Orientation.PORTRAIT), (DEMO.name, Orientation.LANDSCAPE),
                       ("live-chat.ru.cjm", Orientation.LANDSCAPE)):
        layout = layouts[name]
        plans = {o: plan_pages(layout, PageOptions(pages=Pages.FIT, paper="A4", orientation=o))
                 for o in Orientation}
        assert plans[Orientation.AUTO].orientation == turn
        other = Orientation.LANDSCAPE if turn == Orientation.PORTRAIT else Orientation.PORTRAIT
        assert plans[Orientation.AUTO].scale == plans[turn].scale > plans[other].scale
        assert plans[other].orientation == other
        assert plans[other].page_size == sheet_size("A4", other)
    tall = plan_pages(layouts[TALL.name], PageOptions(pages=Pages.FIT, paper="A4"))
    landscape = plan_pages(layouts[TALL.name], PageOptions(pages=Pages.FIT, paper="A4",
                                                           orientation=Orientation.LANDSCAPE))
    assert tall.scale > 1.4 * landscape.scale  # the tall map no longer a third of the sheet
    assert tall.tiles[0].target.h == pytest.approx(tall.printable.h)


def test_a_map_smaller_than_a_quarter_sheet_is_one_sheet_with_a_note():
    layout = compute_layout(generate_map(1, stages=1, lanes=1))
    plan = plan_pages(layout, PageOptions(pages=Pages.TILES, paper="A3"))
    assert len(plan.tiles) == 1 and plan.scale == 1.0
    assert plan.fill(plan.tiles[0]) < LEAST_FILL
    assert plan.notes == [f"the map fills {round(plan.fill(plan.tiles[0]) * 100)}% of the sheet; fit prints it larger"]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_pdfs_pages_are_the_sheets_turned_as_planned():
    doc = load(TALL)
    layout = compute_layout(doc)
    for pages, orientation in ((Pages.TILES, Orientation.AUTO), (Pages.TILES, Orientation.PORTRAIT),
                               (Pages.FIT, Orientation.AUTO), (Pages.FIT, Orientation.LANDSCAPE)):
        options = PdfOptions(pages=pages, paper="A4", orientation=orientation, cover=True)
        plan = plan_pages(layout, options)
        sizes = page_sizes(to_pdf(doc, options).data)
        assert sizes == [pytest.approx(plan.page_size)] * len(sizes)  # the cover and index turned alike
        if orientation != Orientation.AUTO:
            assert plan.orientation == orientation
    assert page_sizes(to_pdf(doc, PdfOptions(pages=Pages.FIT, paper="A4")).data) == [
        pytest.approx(PAPERS["A4"][::-1])]
    poster = PdfOptions(orientation=Orientation.PORTRAIT, legend=True)
    legend, map_page = page_sizes(to_pdf(doc, poster).data)
    assert legend == pytest.approx(PAPERS["A4"][::-1]) and map_page == pytest.approx((layout.width, layout.height))


def test_the_command_line_takes_the_orientation(tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(DEMO), "-o", str(out), "--pages", "tiles", "--orientation", "portrait"]) == 0
    sizes = page_sizes(out.read_bytes())
    assert len(sizes) > 2 and sizes == [pytest.approx(PAPERS["A4"][::-1])] * len(sizes)
    assert main(["export", str(TALL), "-o", str(out), "--pages", "fit", "--force"]) == 0
    assert page_sizes(out.read_bytes()) == [pytest.approx(PAPERS["A4"][::-1])]
    capsys.readouterr()


@pytest.mark.parametrize("argv, message", [
    (["--orientation", "sideways"], "argument --orientation: invalid choice: 'sideways'"),
    (["--orientation", "portrait", "--format", "png"], "--orientation goes with --format pdf"),
])
def test_a_bad_orientation_is_one_line_and_exit_2(tmp_path, capsys, argv, message):
    code = main(["export", str(DEMO), "-o", str(tmp_path / "map.pdf"), *argv])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1, err
    assert not (tmp_path / "map.pdf").exists()


def test_margins_and_overlap_in_millimetres_reach_the_plan():
    layout = compute_layout(load(DEMO))
    plan = plan_pages(layout, PageOptions(pages=Pages.TILES, paper="A4", margin=5 * MM, overlap=20 * MM))
    assert plan.printable.x == pytest.approx(5 * MM) and plan.overlap == pytest.approx(20 * MM)
    by_place = {(t.row, t.column): t for t in plan.tiles}
    for (row, column), tile in by_place.items():
        if (row, column + 1) in by_place:
            assert tile.source.right - by_place[(row, column + 1)].source.x == pytest.approx(20 * MM / plan.scale)
    assert math.isclose(max(t.source.right for t in plan.tiles), layout.width)
