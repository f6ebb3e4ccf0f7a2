"""CSV export: one row a card in map order, every field, and the Russian Excel flavour."""

import csv
import io

from cjm_designer.io.csv_export import COLUMNS, headers, to_csv
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, Metrics, Stage


def sample() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s1", name="Осознание", goal="Понять, что окна пора менять"))
    doc.add_stage(Stage(id="s2", name="Решение"))
    doc.add_lane(Lane(id="l1", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="l2", name="Продавец", kind="seller_actions"))
    doc.add_card(Card(id="late", stage="s2", lane="l1", title="Пойду к терапевту!"))
    doc.add_card(Card(id="b", stage="s1", lane="l2", title="Звонок", channel="phone", owner="seller"))
    doc.add_card(Card(
        id="a", stage="s1", lane="l1", title="=SUM(A1)", text="строка 1\nстрока 2; с точкой, запятой",
        channel="search_ads", device="mobile", owner="marketer", emotion=-1, quality=4, pain=True,
        kpi=Kpi(name="CR", target=12.5, actual=3, unit="%"),
        metrics=Metrics(clicks=1200, conversion=2.75, time_on_site=95), tags=["акция, весна", "до 1,5 млн"],
        color="#ffeeaa", note="проверить", url="utm_campaign=spring"))
    doc.move_card("a", "s1", "l1", 0)
    return doc


def rows(data: bytes, delimiter=","):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def keyed(data: bytes, delimiter=",") -> list[dict[str, str]]:
    """The rows by column key (the header row says them in the map's language)."""
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    return [dict(zip(COLUMNS, row)) for row in table[1:]]


def test_one_row_a_card_in_map_order_with_every_field():
    data = to_csv(sample())
    assert not data.startswith(b"\xef\xbb\xbf")
    table = keyed(data)
    assert [r["id"] for r in table] == ["a", "b", "late"]
    assert next(csv.reader(io.StringIO(data.decode()))) == headers("en")
    first = table[0]
    assert first == {
        "id": "a", "stage": "Осознание", "stage_goal": "Понять, что окна пора менять", "lane": "Покупатель",
        "lane_kind": "Buyer actions", "position": "1",
        "title": "=SUM(A1)", "text": "строка 1\nстрока 2; с точкой, запятой", "channel": "Search ads",
        "device": "Mobile", "owner": "Marketer", "emotion": "-1", "quality": "4", "pain": "1",
        "kpi_name": "CR", "kpi_target": "12.5", "kpi_actual": "3", "kpi_unit": "%", "kpi_lower_is_better": "",
        "clicks": "1200", "conversion": "2.75", "time_on_site": "95", "tags": "акция, весна\nдо 1,5 млн",
        "color": "#ffeeaa", "note": "проверить", "url": "utm_campaign=spring",
    }
    assert table[1]["emotion"] == "" and table[1]["pain"] == "0" and table[1]["kpi_name"] == ""


def test_a_russian_map_speaks_russian():
    doc = sample()
    doc.meta.language = "ru"
    data = to_csv(doc)
    assert data.decode().split("\r\n")[0].startswith("ID карточки,Этап,Цель этапа,Дорожка,Вид дорожки,Позиция,"
                                                      "Заголовок,Текст,Канал,Устройство,Ответственный,Эмоция")
    first = keyed(data)[0]
    assert (first["channel"], first["device"], first["owner"], first["lane_kind"]) == \
           ("Контекстная реклама", "Смартфон", "Маркетолог", "Действия покупателя")
    assert keyed(data)[1]["channel"] == "Телефонный звонок"


def test_a_single_tag_with_a_comma_is_kept_whole():
    doc = sample()
    doc.card("a").tags = ["до 1,5 млн"]
    assert keyed(to_csv(doc))[0]["tags"] == "до 1,5 млн\n"


def test_excel_flavour_bom_semicolons_decimal_commas_and_no_formulas():
    data = to_csv(sample(), excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")) == headers("en")
    first = keyed(data, ";")[0]
    assert first["kpi_target"] == "12,5" and first["conversion"] == "2,75" and first["emotion"] == "-1"
    assert first["title"] == "'=SUM(A1)"
    assert first["text"] == "строка 1\nстрока 2; с точкой, запятой"


def test_excel_flavour_keeps_digits_and_dates_as_text():
    doc = sample()
    doc.card("b").title, doc.card("b").note, doc.card("late").title = "0012345", "2024-03-01", "1/2"
    table = keyed(to_csv(doc, excel=True), ";")
    assert (table[1]["title"], table[1]["note"], table[2]["title"]) == ('="0012345"', '="2024-03-01"', '="1/2"')
    assert table[1]["quality"] == "" and table[0]["clicks"] == "1200"  # figures stay figures
    assert keyed(to_csv(doc), ",")[1]["title"] == "0012345"  # only for Excel


def test_an_empty_map_has_only_the_header():
    data = to_csv(JourneyMap()).decode()
    assert data.count("\r\n") == 1 and next(csv.reader(io.StringIO(data))) == headers("en")
