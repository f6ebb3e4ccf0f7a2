"""The interactive HTML page, read as text: one self-contained file with a strict Content Security
Policy, nothing it would fetch, the map's text only as escaped data, the cards' hit areas from the
drawing's own layout, the heat-map colours and filters the window uses, and the map inside it for
`import` and File → Open."""

import base64
import hashlib
import json
import re
import zlib

import pytest

from cjm_designer.cli import main
from cjm_designer.export.html_page import to_html
from cjm_designer.io import InvalidFormatError, dumps, load
from cjm_designer.io.embedded import CHANGED_AFTER_EXPORT, NO_MAP, embedded_map
from cjm_designer.layout import compute_layout, palette
from cjm_designer.map_export import HtmlOptions, export_map
from cjm_designer.model import Card, Metrics, Photo, Variant
from cjm_designer.model.analytics import HEAT_MEASURES, CardFilter, filter_choices, heat_values
from cjm_designer.paths import templates_dir
from tests.photos import png_header

DEMO = templates_dir() / "window-installation.en.cjm"
HOSTILE = "</script><script>alert(1)</script>"
RLO = "\u202e"


def data_of(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
    return json.loads(found[1])


def hostile_map():
    doc = load(DEMO)
    doc.meta.title = HOSTILE + " <!-- &amp; " + RLO + "gnp.exe\u2028"
    first = doc.cards[0]
    doc.cards[0] = first.model_copy(update={
        "title": HOSTILE, "text": f"{RLO}evil\u2029", "url": "https://example.com/?a=1&b=<i>",
        "note": "</SCRIPT ><img src=x onerror=alert(2)>", "metrics": Metrics(clicks=1200, conversion=3.5,
                                                                             time_on_site=95.0),
        "variants": [Variant(name="A", metrics=Metrics(conversion=2.0)), Variant(name="B", metrics=Metrics(
            conversion=3.0))]})
    return doc


@pytest.fixture(scope="module")
def demo_page():
    doc = load(DEMO)
    page, drawn = to_html(doc)
    return doc, page.decode("utf-8"), drawn


@pytest.fixture(scope="module")
def hostile_page():
    doc = hostile_map()
    return doc, to_html(doc)[0].decode("utf-8")


def test_the_page_is_one_file_with_a_strict_policy_allowing_only_its_own_script(demo_page):
    _, page, _ = demo_page
    assert page.startswith("<!DOCTYPE html>")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)[1]
    assert policy.startswith("default-src 'none'; style-src 'unsafe-inline'; ")
    assert "img-src data:" in policy and "unsafe-eval" not in policy and "connect-src" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1  # the page's script; the rest are data blocks the browser never runs
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert not re.search(r"<(link|iframe|object|embed|base)\b|@import|url\(|src=|href=\"?http", page)


def test_the_hit_areas_are_the_drawings_card_boxes(demo_page):
    doc, page, drawn = demo_page
    cards = data_of(page)["cards"]
    assert [c["id"] for c in cards] == [c.id for c in doc.cards]
    assert {c["id"]: c["box"] for c in cards} == {
        i: [round(v, 2) for v in box.rect] for i, box in drawn.layout.cards.items()}
    assert drawn.layout.cards.keys() == compute_layout(doc).cards.keys()
    assert "<?xml" not in page and page.count("<svg") == 2  # the drawing inlined, and the hit layer


def test_heat_colours_and_filters_are_the_windows(demo_page):
    doc, page, _ = demo_page
    data = data_of(page)
    index = {card["id"]: i for i, card in enumerate(data["cards"])}
    points = {card_id for card_id, box in compute_layout(doc).cards.items() if box.compact}
    assert points  # the emotion curve's points: drawn without a card, so not tinted
    for measure in HEAT_MEASURES:
        for card_id, value in heat_values(doc, measure).items():
            tint = "" if card_id in points else palette.heat_color(value, 0.55)
            assert data["heat"][measure][index[card_id]] == tint
    channels = data["filters"]["channel"]
    assert len(channels) == len(filter_choices(doc, "channel"))
    first = filter_choices(doc, "channel")[0]
    assert channels[0]["cards"] == [i for i, c in enumerate(doc.cards) if CardFilter("channel", first).matches(c)]
    assert channels[0]["label"] != first  # the channel's label in the map's language, not its key
    steps = data["funnel"]["steps"]
    assert [s["stage"] for s in steps] == [s.name for s in doc.stages] and any(s["drop"] for s in steps)


def test_hostile_text_cannot_leave_its_data_block_and_bidi_is_shown(hostile_page):
    doc, page = hostile_page
    assert HOSTILE not in page and "</SCRIPT >" not in page and "<img" not in page
    assert len(re.findall(r"<script\b", page, re.I)) == 2 and len(re.findall(r"</script", page, re.I)) == 2
    block = re.search(r'id="map-data">(.*?)</script>', page, re.S)[1]
    assert "\u2028" not in block and "\u2029" not in block and "<" not in block  # JSON, and no script breaks
    data = data_of(page)
    assert data["title"].startswith(HOSTILE) and "[U+202E]gnp.exe" in data["title"]
    card = data["cards"][0]
    assert card["title"] == HOSTILE
    rows = dict(card["rows"])
    assert rows["text"] == "[U+202E]evil\u2029" and rows["url"] == "https://example.com/?a=1&b=<i>"
    assert rows["metrics"] == "1,200 clicks · CR 3.5% · 1\u00a0min\u00a035\u00a0s"
    assert card["ab"]["winner"] == "B" and card["ab"]["lift"] == "+50%"
    title = re.search(r"<title>(.*?)</title>", page)[1]
    assert title.startswith("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp;amp; [U+202E]")


def test_no_web_address_but_in_the_maps_own_text(hostile_page):
    _, page = hostile_page
    without_text = re.sub(r'<script type="application/json" id="map-data">.*?</script>', "", page, flags=re.S)
    without_text = re.sub(r"<(text|title|desc)\b[^>]*>.*?</\1>", "", without_text, flags=re.S)
    assert "https://" in page and not re.search(r"https?://", without_text)


def test_a_large_drawing_is_deflated_into_the_page(demo_page):
    doc, inline, _ = demo_page
    page = to_html(doc, inline_limit=1000)[0].decode("utf-8")
    packed = re.search(r'<script type="application/octet-stream" id="map-packed" '
                       r'data-encoding="deflate base64">([A-Za-z0-9+/=]+)</script>', page)[1]
    svg = zlib.decompress(base64.b64decode(packed))
    assert svg.startswith(b"<svg") and b'xmlns="http://www.w3.org/2000/svg"' in svg  # parsed as XML by the page
    assert len(page) < len(inline) / 2 and data_of(page) == data_of(inline)


def test_the_page_gives_back_its_map_and_says_when_it_was_edited(tmp_path):
    doc = hostile_map()
    target = tmp_path / "map.html"
    export_map(doc, "html", target)
    back, changed = embedded_map(target)
    assert (dumps(back), changed) == (dumps(doc), False)
    target.write_bytes(target.read_bytes().replace(b"<footer", b"<footer data-x='edited'"))
    back, changed = embedded_map(target)
    assert (dumps(back), changed) == (dumps(doc), True)
    export_map(doc, "html", tmp_path / "bare.html", HtmlOptions(embed_map=False))
    with pytest.raises(InvalidFormatError, match=NO_MAP):
        embedded_map(tmp_path / "bare.html")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_and_import_from_the_command_line(tmp_path, capsys):
    page = tmp_path / "client.html"
    code, out, err = run(capsys, "export", DEMO, "-o", page)
    assert (code, err) == (0, "") and out.startswith(f"{page}: html, ")
    code, out, err = run(capsys, "import", page, "-o", tmp_path / "back.cjm")
    assert (code, err) == (0, "") and "imported from html" in out
    assert (tmp_path / "back.cjm").read_bytes() == dumps(load(DEMO))
    page.write_bytes(page.read_bytes().replace(b"</footer>", b"<p>note</p></footer>"))
    code, _, err = run(capsys, "import", page, "-o", tmp_path / "again.cjm")
    assert (code, err) == (0, f"{page}: {CHANGED_AFTER_EXPORT}\n")


def test_bad_output_is_one_line_and_leaves_nothing(tmp_path, capsys):
    page = tmp_path / "client.html"
    page.write_text("mine")
    code, out, err = run(capsys, "export", DEMO, "-o", page)
    assert (code, out, page.read_text()) == (1, "", "mine") and err.count("\n") == 1 and "--force" in err
    missing = tmp_path / "no-such-folder" / "client.html"
    code, out, err = run(capsys, "export", DEMO, "-o", missing)
    assert (code, out) == (1, "") and err.startswith(str(missing)) and err.count("\n") == 1
    assert not missing.parent.exists()
    own = tmp_path / "map.cjm"
    own.write_bytes(DEMO.read_bytes())
    code, _, err = run(capsys, "export", own, "-o", own, "--format", "html", "--force")
    assert code == 1 and "never replaces its own input" in err and own.read_bytes() == DEMO.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.html", "map.cjm"]


DAMAGED = {
    "a page without a map": (b"<!DOCTYPE html><html><body><p>hello</p></body></html>", NO_MAP),
    "broken base64": (b'<!doctype html><script type="application/x-cjm" id="cjm-map" data-rendering="sha256:0" '
                      b'data-encoding="zlib base64">QQ=Q</script>', "its base64 text is broken"),
    "a map that is not zlib": (b'<!DOCTYPE html><script type="application/x-cjm" id="cjm-map" data-rendering="x" '
                               b'data-encoding="zlib base64">' + base64.b64encode(b"plain") + b"</script>",
                               "cannot be unpacked"),
}


@pytest.mark.parametrize("data, message", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_page_is_a_one_line_error_naming_the_file(tmp_path, capsys, data, message):
    page = tmp_path / "client.html"
    page.write_bytes(data)
    code, out, err = run(capsys, "import", page, "-o", tmp_path / "out.cjm")
    assert (code, out) == (1, "") and err.startswith(f"{page}: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "out.cjm").exists()


def test_a_card_of_each_kind_of_detail_reaches_the_page():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    card = next(c for c in doc.cards if c.channel)
    doc.cards[doc.cards.index(card)] = Card.model_validate({**card.model_dump(), "tags": ["b2b", "vip"],
                                                            "pain": True, "quality": 2, "emotion": -1})
    data = data_of(to_html(doc)[0].decode("utf-8"))
    assert data["language"] == "ru"
    rows = dict(next(c for c in data["cards"] if c["id"] == card.id)["rows"])
    assert rows["tags"] == "b2b, vip" and rows["pain"] == "✓" and rows["quality"] == "2 / 5"
    assert rows["emotion"] == "-1" and rows["stage"] == next(s.name for s in doc.stages if s.id == card.stage)
    assert rows["channel"] in {"Телефонный звонок", "SMS / мессенджер", "Сайт", "E-mail", "Отзывы", "Рекомендации"}


def test_the_window_opens_on_a_pages_map(tmp_path, capsys, qapp):
    page = tmp_path / "client.html"
    export_map(load(DEMO), "html", page)
    code, _, err = run(capsys, page, "--screenshot", tmp_path / "window.png", "--size", "900x600")
    assert (code, err) == (0, "") and (tmp_path / "window.png").stat().st_size > 0


def test_personas_come_with_their_photo_as_a_data_uri_and_their_fields():
    doc = load(DEMO)
    data64 = base64.b64encode(png_header(2, 1)).decode()
    doc.personas[0].photo = Photo(media_type="image/png", data=data64)
    personas = data_of(to_html(doc)[0].decode("utf-8"))["personas"]
    assert personas[0]["photo"] == f"data:image/png;base64,{data64}" and personas[1]["photo"] == ""
    assert personas[0]["name"] == doc.personas[0].name
    assert ["age", str(doc.personas[0].age)] in personas[0]["rows"]
