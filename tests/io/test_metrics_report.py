"""Reading web-analytics reports: each sample with the real column layout of Яндекс.Метрика or GA4 gives
its keys and figures exactly; other encodings and delimiters read the same; hostile files give one
line naming the file (and the row and column), and a workbook's formulas are never evaluated."""

import codecs
import io
import zipfile
from datetime import time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from cjm_designer.io import InvalidFormatError, xlsx_import
from cjm_designer.io.metrics_report import MAX_REPORT_BYTES, duration, parse_report, read_report
from cjm_designer.model.metrics_match import SOURCE_MEDIUM, KeyKind

DATA = Path(__file__).parent.parent / "data" / "metrics"


def rows(report):
    return [(r.key, r.number, r.clicks, r.conversion, r.time_on_site) for r in report.rows]


def test_metrica_landing_pages_csv():
    report = read_report(DATA / "metrica_landing_pages.csv")
    assert (report.key_kind, report.key_column, report.figures) == (
        KeyKind.URL, "Страница входа", ("clicks", "conversion", "time_on_site"))
    assert rows(report) == [  # "Итого и средние" (row 2) is left out
        ("https://okna.example/zayavka/", 3, 2340, 8.52, 134.0),
        ("https://okna.example/", 4, 1862, 2.01, 91.0),
        ("https://www.okna.example/oplata", 5, 415, 61.7, 185.0),
        ("https://okna.example/otzyvy/?from=mail", 6, 264, 0.4, 58.0),
        ("https://okna.example/otzyvy/", 7, 1122, 1.2, 80.0),
        ("https://okna.example/blog/uteplenie-balkona/", 8, 212, 0.0, 41.0)]


def test_metrica_utm_workbook_with_lines_above_the_table():
    report = read_report(DATA / "metrica_utm_campaigns.xlsx")
    assert (report.key_kind, report.parameter, report.key_column) == (KeyKind.UTM, "utm_campaign", "UTM Campaign")
    assert rows(report) == [("offer", 8, 620, 7.74, 125.0), ("spring-sale", 9, 1822, 4.1, 96.0),
                            ("service", 10, 938, 1.2, 100.0)]  # per-cent cells hold fractions


def test_ga4_pages_csv_with_its_comment_block_and_grand_total():
    report = read_report(DATA / "ga4_pages.csv")
    assert (report.key_kind, report.key_column, report.figures) == (
        KeyKind.URL, "Page path and screen class", ("clicks", "time_on_site"))
    assert rows(report) == [("/zayavka/", 11, 4102, None, 95.25), ("/", 12, 3655, None, 40.1),
                            ("/oplata/", 13, 918, None, 188.0), ("/otzyvy/", 14, 1334, None, 63.4),
                            ("/contacts/", 15, 2471, None, 22.0)]


def test_ga4_landing_pages_in_russian():
    report = read_report(DATA / "ga4_landing_pages_ru.csv")
    assert report.key_column == "Страница входа + строка запроса"
    assert rows(report) == [  # "1 506" grouped by a space; the key event rate a fraction
        ("/zayavka/?utm_source=yandex&utm_medium=cpc", 11, 1506, 10.62, 88.42),
        ("/zayavka/?utm_source=vk&utm_medium=social", 12, 498, 8.23, 70.0),
        ("/oplata/", 13, 301, 26.58, 190.6), ("/", 14, 2207, 0.27, 35.1), ("/akcii/", 15, 500, 0.0, 12.0)]


def test_ga4_traffic_acquisition_by_source_and_medium():
    report = read_report(DATA / "ga4_traffic_acquisition.csv")
    assert (report.key_kind, report.parameter) == (KeyKind.UTM, SOURCE_MEDIUM)
    assert rows(report)[0] == ("yandex / cpc", 11, 2950, 4.81, 71.25)
    assert [r.key for r in report.rows] == ["yandex / cpc", "google / organic", "(direct) / (none)", "email / kp",
                                            "vk / social"]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251", "utf-8"])
@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_other_encodings_and_delimiters_read_the_same(encoding, delimiter):
    text = (DATA / "metrica_landing_pages.csv").read_bytes().decode("utf-8-sig")
    raw = text.replace(",", delimiter).encode(encoding)
    assert rows(parse_report(raw, "r.csv")) == rows(read_report(DATA / "metrica_landing_pages.csv"))


def test_numbers_as_the_tools_write_them():
    raw = ("Адрес страницы;Визиты;Конверсия;Время на сайте\n"
           "/a;1 234;12,5 %;1 мин 23 с\n/b;1\u00a0234;12.5%;1m 23s\n/c;\"1,234\";12,5;1:23\n/d;1234;12.5;83\n"
           "/e;0;0 %;00:01:23\n").encode()
    report = parse_report(raw, "r.csv")
    assert [(r.clicks, r.conversion) for r in report.rows] == [(1234, 12.5)] * 4 + [(0, 0.0)]
    assert {r.time_on_site for r in report.rows} == {83.0}


@pytest.mark.parametrize("text, seconds", [("00:01:23", 83), ("1:23", 83), ("83", 83), ("83,5", 83.5),
                                           ("1 мин 23 с", 83), ("1m 23s", 83), ("2 ч 5 мин", 7500), ("45 сек", 45),
                                           ("1:00:00", 3600), ("", None)])
def test_durations(text, seconds):
    assert duration(text) == seconds


def test_a_bad_cell_names_the_file_row_and_column():
    raw = b"Landing page,Sessions,Conversion rate\n/a,ten,5%\n/b,3,250%\n"
    with pytest.raises(InvalidFormatError) as caught:
        parse_report(raw, "report.csv")
    assert caught.value.lines() == [
        'report.csv: row 2, column "Sessions": must be a whole number of visits, 0 or more',
        'report.csv: row 3, column "Conversion rate": must be a conversion rate: 12.5%, 12,5 % or a fraction '
        'such as 0.125']


def workbook(fill) -> bytes:
    book = Workbook()
    fill(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_formula_gives_its_cached_value_and_is_never_evaluated():
    def fill(sheet):
        sheet.append(["Landing page", "Sessions", "Time on site"])
        sheet.append(["/a", "=1+1", 60])  # saved by openpyxl: a formula with no cached value
        sheet.append(["/b", 5, "=HYPERLINK(\"http://evil.example\")"])

    report = parse_report(workbook(fill), "r.xlsx")
    assert [(r.key, r.clicks, r.time_on_site) for r in report.rows] == [("/a", None, 60.0), ("/b", 5, None)]


def test_a_bad_workbook_cell_is_named_by_its_sheet_and_address():
    def fill(sheet):
        sheet.title = "Отчет"
        sheet.append(["Отчет по страницам"])
        sheet.append(["Страница входа", "Визиты"])
        sheet.append(["/a", -3])

    with pytest.raises(InvalidFormatError) as caught:
        parse_report(workbook(fill), "r.xlsx")
    assert str(caught.value) == "r.xlsx: Отчет!B3: must be a whole number of visits, 0 or more"


def test_a_huge_file_stops_at_the_limit(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(b"Landing page,Sessions\n")
        out.truncate(MAX_REPORT_BYTES + 10)
    with pytest.raises(InvalidFormatError) as caught:
        read_report(path)
    assert str(caught.value) == f"{path}: the file is larger than 32 MiB, the most a report may be"


@pytest.mark.parametrize("raw, what", [
    (bytes(range(256)) * 40, "is not a report: neither a text table (CSV) nor an Excel workbook (.xlsx)"),
    (b"PK\x03\x04garbage", "is not an Excel workbook (.xlsx)"),
    (b"", "the report is empty"),
    (b"\xef\xbb\xbf  \r\n", "the report is empty"),
    ("Страница входа,Визиты\n".encode(), None),
    ("Город,Визиты\nМосква,3\n".encode(), "no table of a web-analytics report"),
])
def test_hostile_and_empty_reports_give_one_line(raw, what):
    if what is None:  # a header and no rows is an empty report, not an error
        assert parse_report(raw, "r.csv").rows == ()
        return
    with pytest.raises(InvalidFormatError) as caught:
        parse_report(raw, "r.csv")
    line = str(caught.value)
    assert "\n" not in line and line.startswith("r.csv: ") and what in line


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(xlsx_import, "MAX_UNCOMPRESSED", 1024 * 1024)  # the limit every workbook reader keeps
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(InvalidFormatError, match="unpacks to"):
        parse_report(out.getvalue(), "bomb.xlsx")


def test_a_utf16_report_without_a_bom():
    raw = "Landing page\tSessions\n/a\t7\n".encode("utf-16-le")
    assert rows(parse_report(raw, "r.csv")) == [("/a", 2, 7, None, None)]


def test_the_table_ends_where_the_next_ga4_section_begins():
    raw = (b"# Pages\nPage path and screen class,Views\n/a,1\n/b,2\n\n# Date range\nCity,Active users\nMoscow,5\n"
)
    assert [r.key for r in parse_report(raw, "r.csv").rows] == ["/a", "/b"]


def test_bom_inside_the_text_is_not_part_of_the_header():
    raw = codecs.BOM_UTF8 + "Страница входа;Визиты\n/a;1\n".encode()
    assert parse_report(raw, "r.csv").key_column == "Страница входа"


def test_metrica_lines_above_a_csv_table_and_excel_russian_numbers():
    raw = ("Страницы входа\nПериод: 01.11.2026 – 30.11.2026\nАтрибуция: последний значимый переход\n\n"
           "Страница входа;Визиты;Время на сайте;Конверсия\nИтого и средние;3 000;0:01:30;5,5\n"
           "https://okna.example/a;1 500;0:02:00;10,25\n").encode("cp1251")
    assert rows(parse_report(raw, "r.csv")) == [("https://okna.example/a", 7, 1500, 10.25, 120.0)]


def test_excel_times_and_durations():
    def fill(sheet):
        sheet.append(["Landing page", "Sessions", "Time on site"])
        sheet.append(["/a", 1, time(0, 1, 23)])
        sheet.append(["/b", 2, timedelta(minutes=2, seconds=5)])
        sheet.append(["/c", 3, 83 / 86400])
        sheet["C4"].number_format = "[h]:mm:ss"

    report = parse_report(workbook(fill), "r.xlsx")
    assert [r.time_on_site for r in report.rows] == [83.0, 125.0, 83.0]


def test_metrica_tree_report_with_a_column_a_level():
    report = read_report(DATA / "metrica_landing_pages_tree.csv")
    assert (report.key_kind, report.key_column) == (KeyKind.URL, "Страница входа")
    assert rows(report) == [  # each row keyed by its deepest level; the upper levels' subtotals left out
        ("https://okna.example/zayavka/", 4, 2340, 8.52, 134.0),
        ("https://okna.example/", 5, 1862, 2.01, 91.0),  # the home page, the level-1 row's own child
        ("https://okna.example/otzyvy/?from=mail", 7, 264, 0.4, 58.0),
        ("https://okna.example/otzyvy/", 8, 1122, 1.2, 80.0),
        ("https://okna.example/oplata/", 9, 415, 61.7, 185.0),  # no deeper row: its level-2 row is read
        ("https://okna.example/blog/uteplenie-balkona/", 11, 212, 0.0, 41.0)]
    assert report.subtotals == (3, 6, 10)


def test_metrica_tree_report_with_indented_rows_in_english():
    report = read_report(DATA / "metrica_landing_pages_tree_en.csv")
    assert report.key_column == "Landing page"
    assert [(key, number) for key, number, *_ in rows(report)] == [
        ("https://okna.example/zayavka/", 4), ("https://okna.example/otzyvy/?from=mail", 6),
        ("https://okna.example/otzyvy/", 7), ("https://okna.example/oplata/", 8)]
    assert report.subtotals == (3, 5)


def test_a_tree_whose_last_level_is_the_whole_address():
    raw = ('"Страница входа, ур. 1";"Страница входа, ур. 2";Страница входа;Визиты\n'
           "Итого и средние;;;30\n"
           "https://a.ru/;;;30\n"
           "https://a.ru/;https://a.ru/shop/;;20\n"
           "https://a.ru/;https://a.ru/shop/;https://a.ru/shop/item?id=7;20\n"
           "https://a.ru/;https://a.ru/faq/;;10\n").encode()
    report = parse_report(raw)
    assert [(r.key, r.clicks) for r in report.rows] == [("https://a.ru/shop/item?id=7", 20), ("https://a.ru/faq/", 10)]
    assert report.subtotals == (3, 4)
