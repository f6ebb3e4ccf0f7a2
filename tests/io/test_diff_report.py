"""A comparison written out as text, one line a difference, and as Markdown; map text stays data in both."""

from cjm_designer.io.diff_report import diff_markdown, diff_text
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, Link, Meta, Persona, Stage
from cjm_designer.model.compare import compare

from .test_report import HOSTILE, cells, literal, tables_in


def small(language: str = "en") -> JourneyMap:
    doc = JourneyMap(meta=Meta(title="Windows", language=language))
    for i, (name, entering) in enumerate((("Research", 1000), ("Quotation", 400), ("Contract", 300))):
        doc.add_stage(Stage(id=f"s{i}", name=name, entering=entering))
    doc.add_lane(Lane(id="actions", name="Actions"))
    doc.add_lane(Lane(id="touch", name="Touchpoints", kind="touchpoints"))
    doc.add_card(Card(id="c0", stage="s0", lane="actions", title="Asks", kpi=Kpi(name="CR", target=10.0, actual=3.0)))
    doc.add_card(Card(id="c1", stage="s1", lane="actions", title="Visit"))
    doc.add_card(Card(id="c2", stage="s2", lane="touch"))
    doc.add_link(Link(id="k0", source="c0", target="c1", label="calls"))
    return doc


def edited(language: str = "en") -> JourneyMap:
    doc = small(language)
    doc.add_card(Card(id="new", stage="s0", lane="touch", title="Звонок"))
    doc.remove_cards(["c2"])
    doc.card("c0").title = "Asks twice"
    doc.card("c0").kpi = Kpi(name="CR", target=10.0, actual=5.0)
    doc.move_card("c1", "s2", "touch")
    doc.stage("s1").entering = 500
    doc.add_persona(Persona(id="anna", name="Anna"))
    doc.meta.title = "Windows 2"
    return doc


def test_text_one_line_a_difference_after_the_summary():
    text = diff_text(compare(small(), edited()), "en", "a.cjm", "b.cjm@As-is")
    assert text.splitlines() == [
        "--- a.cjm",
        "+++ b.cjm@As-is",
        "1 card added, 1 removed, 1 changed, 1 moved; 1 stage changed; 1 persona added; the map's details changed.",
        "",
        "~ map: title “Windows” → “Windows 2”",
        "+ persona “Anna”",
        "~ stage “Quotation”: entering 400 → 500",
        "~ card “Asks twice” (Research / Actions): title “Asks” → “Asks twice”; kpi.actual 3.0 → 5.0",
        "+ card “Звонок” (Research / Touchpoints)",
        "→ card “Visit” moved from Quotation / Actions to Contract / Touchpoints",
        "- card c2 (Contract / Touchpoints)",
    ]


def test_text_of_equal_maps_is_the_summary_alone():
    assert diff_text(compare(small("ru"), small("ru")), "ru") == "Карты совпадают.\n"


def test_text_shows_control_and_bidi_characters_and_cuts_long_values():
    after = small()
    after.card("c1").title = "a\nb\u202egnp.exe"
    after.card("c0").text = "x" * 500
    lines = diff_text(compare(small(), after), "en").splitlines()
    assert "~ card “a\\nb[U+202E]gnp.exe” (Quotation / Actions): title “Visit” → “a\\nb[U+202E]gnp.exe”" in lines
    assert len(lines) == 4 and all(len(line) < 300 for line in lines)


def test_markdown_sections_in_the_maps_language():
    markdown = diff_markdown(compare(small("ru"), edited("ru")), "ru", "a.cjm", "b.cjm")
    lines = markdown.splitlines()
    assert lines[0] == "# Сравнение карт: Windows 2"
    assert "Было: a.cjm. Стало: b.cjm." in lines
    headings = [line for line in lines if line.startswith("#")]
    assert headings == ["# Сравнение карт: Windows 2", "## Сведения о карте", "## Карточки", "### Добавленные",
                        "### Удалённые", "### Изменённые", "### Перемещённые в другую ячейку", "## Этапы",
                        "### Изменённые", "## Персоны", "### Добавленные", "## Воронка", "## KPI"]
    assert "- «Asks twice» (Research / Actions): `title` «Asks» → «Asks twice»; `kpi.actual` 3 → 5" in lines
    assert "- «Visit»: Quotation / Actions → Contract / Touchpoints" in lines
    funnel, kpis = tables_in(lines)
    assert [cells(row) for row in funnel[2:]] == [
        [" Research ", " 1\u00a0000 ", " 40\u00a0% → 50\u00a0% "],
        [" Quotation ", " 400 → 500 ", " 75\u00a0% → 60\u00a0% "],
        [" Contract ", " 300 ", " — "]]
    assert [cells(row) for row in kpis[2:]] == [[" CR ", " «Asks twice» (Research) ", " 30\u00a0% → 50\u00a0% "]]


def test_markdown_of_equal_maps_says_so_and_has_no_sections():
    markdown = diff_markdown(compare(small(), small()), "en")
    assert markdown == "# Map comparison: Windows\n\nThe maps are the same.\n"


def test_markdown_escapes_map_text():
    before, after = small(), small()
    after.meta.title = HOSTILE
    after.card("c1").title = HOSTILE
    after.stage("s0").name = HOSTILE
    after.stage("s1").entering = 10
    markdown = diff_markdown(compare(before, after), "en", "a.cjm", HOSTILE)
    for line in markdown.splitlines():
        assert "\x00" not in line and "\u202e" not in line and "<img" not in line.replace("\\<img", "")
    funnel = tables_in(markdown.splitlines())[0]
    assert all(len(cells(row)) == 3 for row in funnel)
    assert literal(cells(funnel[2])[0].strip()).startswith("<img src=x> a|b *bold*")


def test_a_removed_cards_kpi_is_placed_in_the_map_that_had_it():
    before, after = small(), small()
    before.card("c2").kpi = Kpi(target=4.0, actual=1.0)
    after.remove_stage("s2")
    kpis = tables_in(diff_markdown(compare(before, after), "en").splitlines())[-1]
    assert [cells(row) for row in kpis[2:]] == [[" c2 ", " c2 (Contract) ", " 25% → — "]]
