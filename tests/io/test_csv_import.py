"""CSV import: what `to_csv` writes comes back card for card, hand-made sheets are read, and bad cells
are refused with their row and column."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.io import InvalidFormatError, load
from cjm_designer.io.csv_export import to_csv
from cjm_designer.io.csv_import import from_csv
from cjm_designer.io.errors import MAX_PROBLEMS
from cjm_designer.io.sheet_words import join_tags, split_tags, value_key
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, LaneKind, Metrics, Stage, check_references
from cjm_designer.paths import templates_dir
from tests.io.test_csv import sample
from tests.strategies import cards

TEMPLATES = sorted(templates_dir().glob("*.cjm"))


def cells(doc: JourneyMap) -> list[tuple[str, str, dict]]:
    """Every card as (stage name, lane name, every other field but its A/B variants and its persona, which
    CSV does not carry), stage by stage, lane by lane, in cell order."""
    stages = {s.id: s.name for s in doc.stages}
    lanes = {lane.id: lane.name for lane in doc.lanes}
    return [(stages[c.stage], lanes[c.lane], c.model_dump(exclude={"stage", "lane", "variants", "persona"}))
            for s in doc.stages for lane in doc.lanes for c in doc.cards_in(s.id, lane.id)]


def used_stages_and_lanes(doc: JourneyMap) -> tuple[list[str], list[tuple[str, LaneKind]]]:
    """The stages and lanes that hold cards (CSV has no row for the others), in the map's order."""
    stages = {c.stage for c in doc.cards}
    lanes = {c.lane for c in doc.cards}
    return ([s.name for s in doc.stages if s.id in stages],
            [(lane.name, lane.kind) for lane in doc.lanes if lane.id in lanes])


def read(text: str, name: str = "map.csv", bom: bool = False) -> tuple[JourneyMap, list[str]]:
    return from_csv((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), name)


def refusal(raw: bytes | str, name: str = "map.csv") -> InvalidFormatError:
    with pytest.raises(InvalidFormatError) as refused:
        from_csv(raw.encode() if isinstance(raw, str) else raw, name)
    return refused.value


# -- round trips --------------------------------------------------------------------------------


def test_the_templates_are_there():
    assert len(TEMPLATES) >= 10


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_template_comes_back_from_its_csv(path: Path, excel: bool):
    doc = load(path)
    back, warnings = from_csv(to_csv(doc, excel=excel), path.name)
    assert warnings == []
    assert check_references(back) == []
    stages, lanes = used_stages_and_lanes(doc)
    assert [s.name for s in back.stages] == stages
    assert [s.goal for s in back.stages] == [s.goal for s in doc.stages if s.name in stages]
    assert [(lane.name, lane.kind) for lane in back.lanes] == lanes
    assert cells(back) == cells(doc)
    assert len(back.cards) == len(doc.cards)
    if doc.cards:  # the language is guessed from the names of stages and lanes
        assert back.meta.language == ("ru" if ".ru." in path.name else "en")


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_every_field_comes_back_including_formulas_and_line_breaks(excel):
    doc = sample()
    back, warnings = from_csv(to_csv(doc, excel=excel))
    assert warnings == []
    assert cells(back) == cells(doc)
    first = back.card("a")
    assert first.title == "=SUM(A1)" and first.text == "строка 1\nстрока 2; с точкой, запятой"
    assert first.kpi == Kpi(name="CR", target=12.5, actual=3.0, unit="%")
    assert first.metrics == Metrics(clicks=1200, conversion=2.75, time_on_site=95.0)
    assert first.tags == ["акция, весна", "до 1,5 млн"] and first.url == "utm_campaign=spring"
    assert back.stages[0].goal == "Понять, что окна пора менять"


def test_lanes_keep_the_map_order_even_when_the_first_stage_lacks_a_lane():
    doc = JourneyMap()
    for i in range(3):
        doc.add_stage(Stage(id=f"s{i}", name=f"Stage {i}"))
    for name in "ABCD":
        doc.add_lane(Lane(id=f"l{name}", name=name))
    for stage, lanes in (("s0", "AD"), ("s1", "BC"), ("s2", "CD")):
        for lane in lanes:
            doc.add_card(Card(id=f"{stage}-{lane}", stage=stage, lane=f"l{lane}", title=lane))
    # Rows come stage by stage, so D is named before B and C; the stages' own orders put it last.
    assert [row.split(",")[3] for row in to_csv(doc).decode().split("\r\n")[1:-1]] == list("ADBCCD")
    back, _ = from_csv(to_csv(doc))
    assert [lane.name for lane in back.lanes] == ["A", "B", "C", "D"]


# one stage and one lane, so that only the cards' own fields are compared
one_cell_cards = st.lists(st.integers(0, 10**6), min_size=1, max_size=5, unique=True).flatmap(
    lambda ids: st.tuples(*[cards(f"card-{i}", "s", "l") for i in ids]))


def expected(card: Card, excel: bool) -> dict:
    """What CSV keeps of a card: spaces around tokens and tags go, a blank tag goes, a channel or owner that is
    a known one's label is its key, and an empty KPI or metrics is none. In the Excel flavour a text starting
    with an apostrophe and a formula sign comes back whole: the export guards it like a formula, and the import
    drops only that guard."""
    data = card.model_dump(exclude={"stage", "lane"})
    data["channel"] = value_key("channel", card.channel) or card.channel.strip() if card.channel.strip() else ""
    data["owner"] = value_key("owner", card.owner) or card.owner.strip() if card.owner.strip() else ""
    data["tags"] = split_tags(join_tags(card.tags))
    kpi = card.kpi
    if kpi is not None:
        data["kpi"]["unit"] = kpi.unit.strip()
        if (not kpi.name.strip() and kpi.target is None and kpi.actual is None and not kpi.unit.strip()
                and not kpi.lower_is_better):
            data["kpi"] = None
    if card.metrics == Metrics():
        data["metrics"] = None
    return data


@given(one_cell_cards, st.booleans())
def test_any_card_comes_back_with_every_field(generated, excel):
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Этап"))
    doc.add_lane(Lane(id="l", name="Lane", kind="emotions"))
    for card in generated:
        doc.add_card(card)
    back, warnings = from_csv(to_csv(doc, excel=excel))
    assert warnings == []
    assert [s.name for s in back.stages] == ["Этап"]
    assert [(lane.name, lane.kind) for lane in back.lanes] == [("Lane", LaneKind.EMOTIONS)]
    assert [c.model_dump(exclude={"stage", "lane"}) for c in back.cards] == [expected(c, excel) for c in generated]


# -- hand-made sheets ---------------------------------------------------------------------------


def test_a_hand_made_russian_sheet_from_excel():
    text = ("Этап;Дорожка; ЗАГОЛОВОК ;Описание;Канал;Устройство;Владелец;Эмоция;Качество;Боль;Теги;Заметка\r\n"
            "Поиск;Действия покупателя;Ищет в Яндексе;;search_ads;Смартфон;marketer;1;4;нет;весна, акция;\r\n"
            "Поиск;Эмоции;Сомневается;долго выбирает;;;;-2;;да;;перезвонить\r\n"
            "Покупка;Действия покупателя;Оформляет заказ;;website;desktop;Менеджер;+2;5;0;;\r\n")
    doc, warnings = read(text, bom=True)
    assert warnings == []
    assert doc.meta.language == "ru"
    assert [s.name for s in doc.stages] == ["Поиск", "Покупка"]
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [
        ("Действия покупателя", LaneKind.BUYER_ACTIONS), ("Эмоции", LaneKind.EMOTIONS)]
    first, doubt, order = doc.cards
    assert (first.title, first.channel, first.device, first.owner, first.emotion, first.quality, first.pain,
            first.tags) == ("Ищет в Яндексе", "search_ads", "mobile", "marketer", 1, 4, False, ["весна", "акция"])
    assert (doubt.text, doubt.emotion, doubt.pain, doubt.note, doubt.device) == (
        "долго выбирает", -2, True, "перезвонить", None)
    assert (order.emotion, order.owner, order.device) == (2, "manager", "desktop")  # a label reads as its key
    assert check_references(doc) == []


def test_tab_separated_with_english_headers_in_any_case():
    doc, warnings = read(" Stage \tLANE\tTitle\tKPI name\tKPI target\tTime on site\n"
                         "One\tActions\tCall\tCalls\t1 200,5\t30\n")
    assert warnings == []
    card = doc.cards[0]
    assert (card.title, card.kpi, card.metrics) == ("Call", Kpi(name="Calls", target=1200.5),
                                                     Metrics(time_on_site=30.0))
    assert doc.meta.language == "en"


def test_google_sheets_commas_with_quoted_cells():
    doc, _ = read('stage,lane,title,text,conversion\n'
                  'Awareness,Actions,"Sees an ad, clicks","Line 1\nLine 2 ""quoted""",12.5\n')
    card = doc.cards[0]
    assert (card.title, card.text, card.metrics.conversion) == ("Sees an ad, clicks", 'Line 1\nLine 2 "quoted"', 12.5)


def test_the_excel_flavour_with_decimal_commas_and_formula_guards():
    text = ("\ufeffid;stage;lane;title;kpi_target;conversion;tags\r\n"
            "c1;S;L;'=1+1;12,5;2,75;'-минус, плюс\r\n"
            "c2;S;L;'обычный апостроф;-3;0;\r\n")
    doc, warnings = from_csv(text.encode("utf-8"))
    assert warnings == []
    one, two = doc.cards
    assert (one.title, one.kpi.target, one.metrics.conversion, one.tags) == ("=1+1", 12.5, 2.75, ["-минус", "плюс"])
    assert (two.title, two.kpi.target) == ("'обычный апостроф", -3.0)


def test_figures_as_the_program_writes_them_in_either_language():
    """Counts grouped by no-break spaces or English commas, a Russian minus, a percentage with its sign."""
    doc, warnings = read("stage;lane;clicks;kpi_target;kpi_actual;conversion;time_on_site\n"
                         "S;L;10\u00a0000;\u22122,5;1,234,567.5;28,1\u00a0%;1\u202f200\n"
                         "S;L;1,234;1,234;—;12.5%;\n")
    assert warnings == []
    one, two = doc.cards
    assert (one.metrics, one.kpi.target, one.kpi.actual) == (
        Metrics(clicks=10_000, conversion=28.1, time_on_site=1200.0), -2.5, 1_234_567.5)
    assert (two.metrics.clicks, two.kpi.target, two.kpi.actual, two.metrics.conversion) == (1234, 1.234, None, 12.5)


def test_a_figure_with_anything_else_is_refused():
    error = refusal("stage,lane,clicks,kpi_target,time_on_site\nS,L,10 000 apples,1 23,5%\n")
    assert error.lines() == [
        'map.csv: row 2, column "clicks": must be a whole number, 0 or more',
        'map.csv: row 2, column "kpi_target": must be a number',
        'map.csv: row 2, column "time_on_site": must be a number of seconds, 0 or more',
    ]


def test_a_plain_file_keeps_a_leading_apostrophe():
    doc, _ = read("stage,lane,title\nS,L,'=x\n")
    assert doc.cards[0].title == "'=x"


def test_every_unknown_column_gets_one_warning_and_unnamed_data_another():
    doc, warnings = read("stage;lane;title;Бюджет;Priority;;\n"
                         "S;L;A;100;high;;\n"
                         "S;L;B;200;low;x;\n")
    assert len(doc.cards) == 2
    assert warnings == [
        'column "Бюджет" is not a card field and was not imported',
        'column "Priority" is not a card field and was not imported',
        "column 6 has no name in the first row and was not imported",
    ]


def test_cells_past_the_header_are_reported_once():
    _, warnings = read("stage,lane,title\nS,L,A,extra\nS,L,B\nS,L,C,,more\n")
    assert warnings == ["row 2 and 1 other rows have cells past the last named column; those cells were not imported"]


def test_unknown_lane_kind_warns_and_gives_text_and_labels_are_kinds():
    doc, warnings = read("stage,lane,lane_kind,title\n"
                         "S,Mood,Эмоции,a\n"
                         "S,Free,whatever,b\n"
                         "S,Free,emotions,c\n"
                         "S,Pain points,,d\n")
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [
        ("Mood", LaneKind.EMOTIONS), ("Free", LaneKind.TEXT), ("Pain points", LaneKind.PAIN_POINTS)]
    assert warnings[0].startswith('row 3, column "lane_kind": "whatever" is not a lane kind (buyer_actions, ')
    assert warnings[0].endswith('the lane "Free" is of kind text')
    assert warnings[1] == ('row 4, column "lane_kind": the lane "Free" is already of kind text (row 3); '
                           '"emotions" was ignored')


def test_ids_are_kept_when_valid_and_unused():
    doc, warnings = read("id,stage,lane,title\n"
                         "keep-me,S,L,a\n"
                         "keep-me,S,L,b\n"
                         "not valid,S,L,c\n"
                         ",S,L,d\n")
    ids = [c.id for c in doc.cards]
    assert ids[0] == "keep-me"
    assert len(set(ids)) == 4 and all(i.startswith("card-") for i in ids[1:])
    assert warnings == ['row 3: the id "keep-me" is already used above; the card got a new one',
                        'row 4: "not valid" is not a valid id; the card got a new one']
    assert check_references(doc) == []


def test_a_row_without_card_fields_declares_its_stage_and_lane():
    doc, _ = read("stage,lane,title\nFirst,A,card\nEmpty stage,,\n,Empty lane,\n")
    assert [s.name for s in doc.stages] == ["First", "Empty stage"]
    assert [lane.name for lane in doc.lanes] == ["A", "Empty lane"]
    assert len(doc.cards) == 1


def test_a_card_without_a_stage_goes_to_an_unnamed_stage_with_a_warning():
    doc, warnings = read("stage,lane,title\n,L,a\n,L,b\n")
    assert [s.name for s in doc.stages] == [""]
    assert warnings == ["row 2 and 1 other rows: the stage is empty; their cards are in a stage with no name"]


def test_blank_rows_are_skipped_and_row_numbers_stay_true():
    doc, _ = read("stage,lane,title\n\n,,\nS,L,a\n")
    assert len(doc.cards) == 1
    error = refusal("stage,lane,emotion\n\n,,\nS,L,9\n")
    assert error.lines() == ['map.csv: row 4, column "emotion": must be a whole number from -2 to 2']


def test_a_header_alone_is_an_empty_map():
    doc, warnings = read("stage,lane,title\r\n")
    assert (doc.stages, doc.lanes, doc.cards, warnings) == ([], [], [], [])


# -- refusals -----------------------------------------------------------------------------------


def test_a_bad_value_names_its_row_and_column():
    rows = "".join(f"S,L,{i}\n" for i in (-2, -1, 0, 1, 2))
    error = refusal("stage,lane,emotion\n" + rows + "S,L,3\n")
    assert str(error) == 'map.csv: row 7, column "emotion": must be a whole number from -2 to 2'


def test_every_bad_value_is_reported():
    error = refusal("Этап;Дорожка;Качество;Боль;device;clicks;conversion;color;kpi_target;time_on_site;title\n"
                    f"S;L;0;может быть;phone;-1;150;red;abc;-5;{'x' * 501}\n"
                    "S;L;1,5;да;desktop;12,5;1;#ffffff;1;1;ok\n")
    assert error.lines() == [
        'map.csv: row 2, column "Качество": must be a whole number from 1 to 5',
        'map.csv: row 2, column "Боль": must be 1 or 0 (or true/false, yes/no, да/нет)',
        'map.csv: row 2, column "device": must be one of desktop, mobile, tablet, offline',
        'map.csv: row 2, column "clicks": must be a whole number, 0 or more',
        'map.csv: row 2, column "conversion": must be a number from 0 to 100 (per cent)',
        'map.csv: row 2, column "kpi_target": must be a number',
        'map.csv: row 2, column "time_on_site": must be a number of seconds, 0 or more',
        'map.csv: row 3, column "Качество": must be a whole number from 1 to 5',
        'map.csv: row 3, column "clicks": must be a whole number, 0 or more',
    ]


def test_model_limits_are_reported_with_row_and_column():
    error = refusal(f"stage,lane,title,color,tags\nS,L,{'x' * 501},red,{'t' * 61}\n{'s' * 201},L,a,,\n")
    assert error.lines() == [
        'map.csv: row 3, column "stage": string should have at most 200 characters',
        'map.csv: row 2, column "title": string should have at most 500 characters',
        'map.csv: row 2, column "tags": string should have at most 60 characters',
        'map.csv: row 2, column "color": must be a colour written #rrggbb, such as #ffeeaa',
    ]


def test_problems_stop_at_the_limit():
    error = refusal("stage,lane,emotion\n" + "S,L,9\n" * 50)
    assert len(error.problems) == MAX_PROBLEMS
    assert str(error).endswith(f"(and {MAX_PROBLEMS - 1} more problems)")


def test_a_missing_stage_column_is_refused():
    error = refusal("lane,title\nL,a\n")
    assert error.lines() == ['map.csv: row 1: there is no "stage" column (or "этап"); '
                             'a map from CSV needs the columns "stage" and "lane"']
    both = refusal("Заголовок;Эмоция\nA;1\n")
    assert [p.what.split(";")[0] for p in both.problems] == ['there is no "stage" column (or "этап")',
                                                             'there is no "lane" column (or "дорожка")']


def test_a_repeated_column_is_refused():
    error = refusal("stage,lane,title,Заголовок\nS,L,a,b\n")
    assert error.lines() == ['map.csv: row 1: column "Заголовок" repeats column "title"']


def test_text_that_is_not_utf8_is_refused_with_its_byte():
    raw = "stage;lane;title\r\nЭтап;Дорожка;Заголовок\r\n".encode("cp1251")
    error = refusal(raw)
    assert error.lines() == ['map.csv: byte 19 (line 2): the text is not UTF-8; save the sheet as "CSV UTF-8"']
    with_bom = refusal(b"\xef\xbb\xbfstage,lane\n\xff\n")
    assert with_bom.lines()[0].startswith("map.csv: byte 15 (line 2): ")


@pytest.mark.parametrize("raw", [b"", b"\xef\xbb\xbf", b"\r\n  \n"], ids=["nothing", "bom", "blank"])
def test_an_empty_file_is_refused(raw):
    assert str(refusal(raw)) == ("map.csv: the file is empty; its first row must name the columns, "
                                 "such as stage, lane, title")


@given(st.binary(max_size=200) | st.text(alphabet=st.sampled_from(list(',;\t"\n\r\'=-1aЖ')), max_size=80).map(
    lambda t: ("stage,lane,title,emotion\n" + t).encode()))
def test_any_bytes_give_a_map_or_a_clear_error(raw):
    try:
        doc, warnings = from_csv(raw, "fuzz.csv")
    except InvalidFormatError as error:
        assert error.lines() and all(line.startswith("fuzz.csv: ") for line in error.lines())
    else:
        assert check_references(doc) == [] and all(isinstance(w, str) for w in warnings)


def test_an_unclosed_quote_is_refused_with_its_row_and_what_it_took_in():
    text = "stage,lane,title\nПоиск,Покупатель,\"Ищет окна\n" + "Поиск,Покупатель,Звонит\n" * 59
    with pytest.raises(InvalidFormatError) as caught:
        read(text)
    assert str(caught.value) == ("map.csv: row 2, line 2: a quoted cell starts in this row and its closing quote is "
                                 "missing, so it took in 59 lines after it, to the end of the file; close the quote "
                                 "or remove it")
    with pytest.raises(InvalidFormatError, match="row 3, line 4: .* took in 1 line after it"):
        read('stage;lane;note\nA;B;"two\nlines"\nA;B;"open\nend')
    doc, _ = read('stage,lane,note\nA,B,"two\nlines"\n')  # a quoted cell over two lines, closed: one card
    assert [card.note for card in doc.cards] == ["two\nlines"]


def test_digits_dates_and_commas_in_tags_come_back_from_the_excel_flavour():
    doc = sample()
    doc.meta.language = "ru"
    doc.card("b").title, doc.card("b").note, doc.card("b").tags = "0012345", "2024-03-01", ["до 1,5 млн"]
    back, warnings = from_csv(to_csv(doc, excel=True))
    card = back.cards[1]
    assert warnings == [] and (card.title, card.note, card.tags) == ("0012345", "2024-03-01", ["до 1,5 млн"])
    assert (card.channel, card.owner) == ("phone", "seller")  # written Телефонный звонок, Продавец


def test_an_old_csv_with_english_keys_still_imports():
    doc, warnings = read("stage,lane,lane_kind,title,channel,device,owner,tags\r\n"
                         "Search,Buyer,buyer_actions,Finds us,website,mobile,marketer,\"spring, sale\"\r\n")
    card = doc.cards[0]
    assert warnings == [] and (card.channel, card.device, card.owner, card.tags) == \
        ("website", "mobile", "marketer", ["spring", "sale"])
    assert doc.lanes[0].kind == "buyer_actions"
