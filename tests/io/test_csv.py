"""CSV export: one row a card in map order, every field, and the Russian Excel flavour."""

import csv
import io

from cjm_designer.io.csv_export import COLUMNS, to_csv
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, Metrics, Stage


def sample() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s1", name="Осознание"))
    doc.add_stage(Stage(id="s2", name="Решение"))
    doc.add_lane(Lane(id="l1", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="l2", name="Продавец", kind="seller_actions"))
    doc.add_card(Card(id="late", stage="s2", lane="l1", title="Пойду к терапевту!"))
    doc.add_card(Card(id="b", stage="s1", lane="l2", title="Звонок", channel="phone", owner="seller"))
    doc.add_card(Card(
        id="a", stage="s1", lane="l1", title="=SUM(A1)", text="строка 1\nстрока 2; с точкой, запятой",
        channel="search_ads", device="mobile", owner="marketer", emotion=-1, quality=4, pain=True,
        kpi=Kpi(name="CR", target=12.5, actual=3, unit="%"),
        metrics=Metrics(clicks=1200, conversion=2.75, time_on_site=95), tags=["акция", "весна"],
        color="#ffeeaa", note="проверить"))
    doc.move_card("a", "s1", "l1", 0)
    return doc


def rows(data: bytes, delimiter=","):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_one_row_a_card_in_map_order_with_every_field():
    data = to_csv(sample())
    assert not data.startswith(b"\xef\xbb\xbf")
    table = rows(data)
    assert [r["id"] for r in table] == ["a", "b", "late"]
    assert list(table[0]) == list(COLUMNS)
    first = table[0]
    assert first == {
        "id": "a", "stage": "Осознание", "lane": "Покупатель", "lane_kind": "buyer_actions", "position": "1",
        "title": "=SUM(A1)", "text": "строка 1\nстрока 2; с точкой, запятой", "channel": "search_ads",
        "device": "mobile", "owner": "marketer", "emotion": "-1", "quality": "4", "pain": "1",
        "kpi_name": "CR", "kpi_target": "12.5", "kpi_actual": "3", "kpi_unit": "%", "kpi_lower_is_better": "",
        "clicks": "1200",
        "conversion": "2.75", "time_on_site": "95", "tags": "акция, весна", "color": "#ffeeaa", "note": "проверить",
    }
    assert table[1]["emotion"] == "" and table[1]["pain"] == "0" and table[1]["kpi_name"] == ""


def test_excel_flavour_bom_semicolons_decimal_commas_and_no_formulas():
    data = to_csv(sample(), excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0] == b"\xef\xbb\xbf" + ";".join(COLUMNS).encode()
    first = rows(data, ";")[0]
    assert first["kpi_target"] == "12,5" and first["conversion"] == "2,75" and first["emotion"] == "-1"
    assert first["title"] == "'=SUM(A1)"
    assert first["text"] == "строка 1\nстрока 2; с точкой, запятой"


def test_an_empty_map_has_only_the_header():
    assert to_csv(JourneyMap()).decode() == ",".join(COLUMNS) + "\r\n"
