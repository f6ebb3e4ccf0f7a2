"""File → Export, PDF: the orientation is chosen in the dialog, and the preview draws the sheets as
they will be printed (portrait sheets upright), in the plan's grid, with the page count."""

import pytest
from PySide6.QtCore import QRectF

from cjm_designer.export.pdf_pages import Orientation, Pages, percent, plan_pages
from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui.export_dialog import ExportDialog
from cjm_designer.ui.settings import Settings

TALL = templates_dir() / "five-stages.ru.cjm"


@pytest.fixture
def dialog(qtbot):
    box = ExportDialog(load(TALL), TALL, Settings())
    qtbot.addWidget(box)
    box.resize(900, 600)
    box.show()
    qtbot.waitExposed(box)
    box.format.setCurrentIndex(box.format.findData("pdf"))
    return box


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def sheets(dialog):
    return dialog.preview._sheets


def test_fit_turns_the_tall_map_upright_and_the_preview_shows_it(dialog):
    choose(dialog.pages, Pages.FIT)
    choose(dialog.orientation, Orientation.AUTO)
    plan = plan_pages(dialog.layout_, dialog.pdf_options())
    assert plan.orientation == Orientation.PORTRAIT
    ((paper, part, _, number),) = sheets(dialog)
    assert paper.height() > paper.width() and number == ""
    assert paper.contains(part) and part.height() == pytest.approx(paper.height() * plan.printable.h
                                                                   / plan.page_size[1], rel=1e-3)
    assert f"A4 portrait, the map at {percent(plan.scale)}" == dialog.sheets.text()
    choose(dialog.orientation, Orientation.LANDSCAPE)
    ((paper, _, _, _),) = sheets(dialog)
    assert paper.width() > paper.height()
    assert "landscape" in dialog.sheets.text()


@pytest.mark.parametrize("orientation", [Orientation.PORTRAIT, Orientation.LANDSCAPE, Orientation.AUTO])
def test_the_preview_draws_each_tile_as_its_sheet_in_the_plans_grid(dialog, orientation):
    choose(dialog.pages, Pages.TILES)
    choose(dialog.paper, "A3")
    choose(dialog.orientation, orientation)
    plan = plan_pages(dialog.layout_, dialog.pdf_options())
    if orientation != Orientation.AUTO:
        assert plan.orientation == orientation
    drawn = sheets(dialog)
    assert [number for *_, number in drawn] == [str(tile.number) for tile in plan.tiles]
    upright = plan.orientation == Orientation.PORTRAIT
    assert all((paper.height() > paper.width()) == upright for paper, *_ in drawn)
    lefts = sorted({round(paper.x()) for paper, *_ in drawn})
    tops = sorted({round(paper.y()) for paper, *_ in drawn})
    assert (len(tops), len(lefts)) == (plan.rows, plan.columns)
    for (paper, part, to_widget, _), tile in zip(drawn, plan.tiles):
        assert paper.contains(part)
        shown = to_widget.mapRect(QRectF(*tile.source))
        assert (shown.x(), shown.y(), shown.width(), shown.height()) == pytest.approx(
            (part.x(), part.y(), part.width(), part.height()), abs=1e-6)
    assert str(len(plan.tiles) + 1) in dialog.page_count.text()  # the sheets and their index
    turned = "portrait" if upright else "landscape"
    assert dialog.sheets.text() == (f"A3 {turned}, {plan.columns} × {plan.rows} sheets, "
                                    f"the map at {percent(plan.scale)}")
    assert not dialog.preview.grab().isNull()


def test_the_orientation_is_idle_for_a_poster_alone_and_reaches_the_export(dialog):
    choose(dialog.pages, Pages.POSTER)
    assert not dialog.orientation.isEnabled() and dialog.sheets.text() == ""
    dialog.legend.setChecked(True)
    assert dialog.orientation.isEnabled()
    choose(dialog.orientation, Orientation.PORTRAIT)
    assert dialog.pdf_options().orientation == Orientation.PORTRAIT
