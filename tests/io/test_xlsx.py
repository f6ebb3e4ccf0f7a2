"""Excel in and out: every template comes back from its workbook, cells are typed (text stays text,
per cents are percentages), headers and values speak the map's language, the filled-in template
imports, and a bad or hostile workbook gives one line naming its sheet and cell."""

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from cjm_designer.io import InvalidFormatError, load
from cjm_designer.io.sheet_words import join_tags, split_tags, value_key
from cjm_designer.io.xlsx_export import _cards_in_order, fraction, to_xlsx
from cjm_designer.io.xlsx_import import MAX_ROWS, from_xlsx, per_cent_of
from cjm_designer.io.xlsx_template import xlsx_template
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, Link, Metrics, Persona, Photo, Stage, Variant
from cjm_designer.paths import templates_dir
from tests.strategies import PNG_1PX, journey_maps

NOT_IN_WORKBOOK = {"snapshots", "conflicts", "inbox", "votes"}


def carried(doc: JourneyMap) -> dict:
    """What the workbook carries of a map: all but photos, comments and the workshop's parts, the
    cards in the order the Cards sheet lists them."""
    copy = doc.model_copy(deep=True)
    copy.cards = _cards_in_order(copy)
    data = copy.model_dump(exclude=NOT_IN_WORKBOOK)
    for persona in data["personas"]:
        persona["photo"] = None
    for card in data["cards"]:
        card["comments"] = []
    return data


def book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def saved(workbook: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def refusal(data: bytes, name: str = "map.xlsx") -> str:
    with pytest.raises(InvalidFormatError) as caught:
        from_xlsx(data, name)
    return str(caught.value)


def sample() -> JourneyMap:
    doc = JourneyMap()
    doc.meta.language = "ru"
    doc.meta.title = "Окна"
    doc.add_persona(Persona(id="anna", name="Анна, 34", age=34, photo=Photo(media_type="image/png", data=PNG_1PX)))
    doc.add_stage(Stage(id="s1", name="Осознание", goal="Понять", questions=["Сколько?", "Когда?"], entering=1000,
                        kpi=Kpi(name="CR", target=0.3, actual=0.25, unit="%")))
    doc.add_stage(Stage(id="s2", name="2024", width=300.0))
    doc.add_lane(Lane(id="l1", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="l2", name="Эмоции", kind="emotions", height=80.0))
    doc.add_card(Card(id="a", stage="s1", lane="l1", title="0012345", text="=1+1", note="2024-03-01",
                      channel="website", device="mobile", owner="marketer", quality=4, pain=True,
                      kpi=Kpi(name="Заявки", target=100.0, actual=97.5, lower_is_better=True),
                      metrics=Metrics(clicks=1200, conversion=2.75, time_on_site=95.5),
                      tags=["акция, весна", "+7 (495)"], color="#ffeeaa", url="utm_source=yandex"))
    doc.add_card(Card(id="b", stage="s2", lane="l2", title="Рада", emotion=2, persona="anna", channel="Авито",
                      variants=[Variant(name="A", metrics=Metrics(conversion=12.5)),
                                Variant(name="B", description="Зелёная кнопка", metrics=Metrics(clicks=3))]))
    doc.add_link(Link(id="k", source="a", target="b", kind="call", label="звонок"))
    return doc


def templates() -> list[Path]:
    return sorted(templates_dir().glob("*.cjm"))


@pytest.mark.parametrize("path", templates(), ids=lambda p: p.name)
def test_every_template_comes_back_from_its_workbook(path):
    doc = load(path)
    data, notes = to_xlsx(doc)
    back, warnings = from_xlsx(data, path.name)
    assert carried(back) == carried(doc)
    assert warnings == [] and notes == []


def test_every_part_comes_back_and_photos_are_noted():
    doc = sample()
    data, notes = to_xlsx(doc)
    back, warnings = from_xlsx(data)
    assert carried(back) == carried(doc) and warnings == []
    assert notes == ["personas' photos are not in the workbook (1); the .cjm file keeps them"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps(max_cards=6))
def test_any_map_comes_back_in_what_a_workbook_holds(doc):
    expected = carried(doc)
    back, _ = from_xlsx(to_xlsx(doc)[0])
    _written_as_a_workbook_holds(expected)
    assert carried(back) == expected


def _written_as_a_workbook_holds(data) -> None:
    """What a workbook cannot keep as it was: a KPI or figures with nothing in them; digits past the 16
    significant ones the file keeps; characters XML has no room for; a blank tag, question or action; an
    own channel or owner that is another language's label of a known one."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("kpi", "metrics") and value is not None and all(v is None or v == "" or v is False
                                                                        for v in value.values()):
                value = None  # nothing in it: no cell to write
            elif isinstance(value, float):  # the file keeps 16 significant digits, a per cent as a fraction
                value = per_cent_of(float(f"{fraction(value):.16g}")) if key == "conversion" else float(f"{value:.16g}")
            elif key in ("channel", "owner") and value:
                value = value_key(key, value) or ILLEGAL_CHARACTERS_RE.sub("", value)
            elif key == "tags":
                value = split_tags(join_tags([ILLEGAL_CHARACTERS_RE.sub("", tag) for tag in value]))
            elif key in ("questions", "business"):
                value = [line.strip() for text in value for line in ILLEGAL_CHARACTERS_RE.sub("", text)
                         .replace("\r\n", "\n").split("\n") if line.strip()]
            elif isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            else:
                _written_as_a_workbook_holds(value)
            data[key] = value
    elif isinstance(data, list):
        for item in data:
            _written_as_a_workbook_holds(item)


def test_cells_are_typed_and_text_stays_text():
    workbook = book(to_xlsx(sample())[0])
    assert workbook.sheetnames == ["Карточки", "Этапы", "Дорожки", "Связи", "Персоны", "A-B варианты", "Карта"]
    cards = workbook["Карточки"]
    header = [cell.value for cell in cards[1]]
    assert header[:6] == ["ID карточки", "Этап", "Дорожка", "Заголовок", "Текст", "Канал"]
    row = {name: cell for name, cell in zip(header, cards[2])}
    for name, value in (("Заголовок", "0012345"), ("Текст", "=1+1"), ("Заметка", "2024-03-01")):
        assert row[name].value == value and row[name].data_type == "s" and row[name].number_format == "@"
    assert row["Канал"].value == "Сайт" and row["Устройство"].value == "Смартфон"
    assert row["Ответственный"].value == "Маркетолог" and row["Боль"].value == 1
    assert row["Клики"].value == 1200 and row["Клики"].data_type == "n"
    assert row["Конверсия (%)"].value == pytest.approx(0.0275) and row["Конверсия (%)"].number_format == "0.00%"
    assert row["Теги"].value == "акция, весна\n+7 (495)" and row["Теги"].alignment.wrap_text
    assert workbook["Этапы"]["B3"].value == "2024" and workbook["Этапы"]["B3"].data_type == "s"
    assert workbook["Дорожки"]["C3"].value == "Эмоции" and workbook["Связи"]["D2"].value == "Звонок"
    other = {name: cell for name, cell in zip(header, cards[3])}
    assert other["Канал"].value == "Авито" and other["Персона"].value == "Анна, 34"


def test_every_sheet_has_a_frozen_filtered_header_and_fitting_widths():
    workbook = book(to_xlsx(sample())[0])
    for sheet in workbook:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.bold
        widths = [dimension.width for dimension in sheet.column_dimensions.values()]
        assert widths and all(6 <= width <= 60 for width in widths)
    cards = workbook["Карточки"]
    assert cards.column_dimensions["D"].width >= len("Заголовок")


def test_wrapped_headers_and_cells_of_several_lines_get_rows_that_show_them_all():
    workbook = book(to_xlsx(sample())[0])
    cards, stages = workbook["Карточки"], workbook["Этапы"]
    time_column = next(cell.column_letter for cell in cards[1] if cell.value == "Время на сайте (с)")
    assert cards.column_dimensions[time_column].width < len("Время на сайте (с)")  # so the header wraps
    assert cards.row_dimensions[1].height >= 30  # and its row has room for both lines
    questions = next(row for row in stages.iter_rows(min_row=2) if row[0].value == "s1")
    assert "Сколько?\nКогда?" in [cell.value for cell in questions]
    assert stages.row_dimensions[questions[0].row].height == 30
    assert {str(sheet.page_setup.paperSize) for sheet in workbook} == {workbook.active.PAPERSIZE_A4}


def test_an_english_map_speaks_english():
    doc = sample()
    doc.meta.language = "en"
    workbook = book(to_xlsx(doc)[0])
    assert workbook.sheetnames[0] == "Cards"
    row = {cell.value: below.value for cell, below in zip(workbook["Cards"][1], workbook["Cards"][2])}
    assert row["Channel"] == "Website" and row["Device"] == "Mobile" and row["Owner"] == "Marketer"


def test_percentages_come_back_exactly():
    for value in (0.0, 2.75, 12.5, 33.333, 99.99, 100.0, 0.1, 1e-7, 57.123456789):
        assert per_cent_of(fraction(value)) == value


def test_a_formula_gives_its_saved_value_and_is_never_evaluated():
    workbook = book(to_xlsx(sample())[0])
    workbook["Карточки"]["D2"] = "=1+1"  # a formula Excel would have saved a value for; openpyxl saves none
    back, _ = from_xlsx(saved(workbook))
    assert back.card("a").title == ""


def test_the_filled_in_template_is_a_valid_map():
    workbook = book(xlsx_template("ru"))
    assert workbook.sheetnames[0] == "Как заполнять"
    workbook["Этапы"].append([None, "Поиск", "Найти окна", "Сколько стоит?\nКогда?"])
    workbook["Этапы"].append([None, "Покупка"])
    workbook["Дорожки"].append([None, "Что делает", "Действия покупателя"])
    workbook["Дорожки"].append([None, "Эмоции"])
    cards = workbook["Карточки"]
    cards.append([None, "Поиск", "Что делает", "0012345", None, "Сайт", "Смартфон", "Маркетолог", None, 4, 1])
    cards.append(["c2", "Покупка", "Эмоции", "Рада", None, "Своя соцсеть", None, None, 2])
    cards.append(["c3", "Доставка", "Что делает", "Ждёт"])
    workbook["Связи"].append([None, "c2", "c3", "Звонок"])
    doc, warnings = from_xlsx(saved(workbook), "filled.xlsx")
    assert [s.name for s in doc.stages] == ["Поиск", "Покупка", "Доставка"]
    assert doc.stages[0].questions == ["Сколько стоит?", "Когда?"]
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [("Что делает", "buyer_actions"), ("Эмоции", "emotions")]
    first = doc.cards[0]
    assert (first.title, first.channel, first.device, first.owner, first.quality, first.pain) == \
           ("0012345", "website", "mobile", "marketer", 4, True)
    assert doc.card("c2").channel == "Своя соцсеть" and doc.card("c2").emotion == 2
    assert doc.links[0].kind == "call" and doc.meta.language == "ru"
    assert warnings == ['Карточки!B4: the stage "Доставка" is not on the Stages sheet; it was added']


def test_the_template_has_lists_and_instructions():
    workbook = book(xlsx_template("en"))
    assert workbook.sheetnames == ["How to fill in", "Cards", "Stages", "Lanes", "Links", "Personas", "A-B variants",
                                   "Map"]
    assert "cjm-designer import" in workbook["How to fill in"]["A1"].value
    rules = {str(rule.sqref).split(":")[0]: rule for rule in workbook["Cards"].data_validations.dataValidation}
    assert rules["B2"].formula1 == "='Stages'!$B$2:$B$500" and rules["C2"].formula1 == "='Lanes'!$B$2:$B$500"
    assert rules["I2"].type == "whole" and (rules["I2"].formula1, rules["I2"].formula2) == ("-2", "2")
    channels = rules["F2"].formula1.split("!")[1].replace("$", "").split(":")
    listed = [cell.value for (cell,) in workbook["How to fill in"][f"{channels[0]}:{channels[1]}"]]
    assert "Website" in listed and "Phone call" in listed
    assert workbook["Cards"].column_dimensions["D"].number_format == "@"


def test_a_bad_cell_is_named_by_sheet_and_cell():
    workbook = book(to_xlsx(sample())[0])
    workbook["Карточки"]["I2"] = 7
    workbook["Карточки"]["G3"] = "Телевизор"
    message = refusal(saved(workbook))
    assert message.startswith('map.xlsx: Карточки!I2: "Эмоция" must be from -2 to 2 (and 1 more problem)')
    workbook["Карточки"]["I2"] = None
    assert 'Карточки!G3: "Устройство" must be one of: Desktop' in refusal(saved(workbook))


def test_a_link_to_a_missing_card_and_a_missing_cards_sheet():
    workbook = book(to_xlsx(sample())[0])
    workbook["Связи"]["C2"] = "nowhere"
    assert refusal(saved(workbook)) == 'map.xlsx: Связи!C2: there is no card with the id "nowhere" on the Cards sheet'
    del workbook["Карточки"]
    assert "there is no \"Cards\" (or \"Карточки\") sheet" in refusal(saved(workbook))


def test_not_a_workbook_and_a_zip_bomb_are_refused_before_parsing():
    assert refusal(b"not a zip") == "map.xlsx: is not an Excel workbook (.xlsx)"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    assert "more than the 268,435,456 a workbook may hold" in refusal(bomb.getvalue())
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<broken")
    assert refusal(damaged.getvalue()).startswith("map.xlsx: is not a readable Excel workbook")


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr("cjm_designer.io.xlsx_import.MAX_ROWS", 3)
    workbook = book(to_xlsx(sample())[0])
    workbook["Карточки"].append(["c9", "Осознание", "Покупатель", "ещё"])
    assert refusal(saved(workbook)) == "map.xlsx: Карточки!A4: a sheet may hold at most 2 rows"
    assert MAX_ROWS > 100_000


def test_a_workbook_saved_again_by_calc_gives_the_same_map(tmp_path):
    """Opened and saved by a spreadsheet (LibreOffice Calc, headless), the typed cells stay as they
    were: "0012345", "2024-03-01" and "=1+1" text, per cents per cents, the map the same."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `python3 tools/install_debian_packages.py` (libreoffice-calc)"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "map.xlsx").write_bytes(to_xlsx(sample())[0])
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path),
                    str(tmp_path / "in" / "map.xlsx")], check=True, timeout=120, capture_output=True)
    back, warnings = from_xlsx((tmp_path / "map.xlsx").read_bytes())
    assert carried(back) == carried(sample()) and warnings == []


def test_an_entity_bomb_in_a_sheet_is_refused_at_once():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a0 "lol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)) + b"]>"
    source = zipfile.ZipFile(io.BytesIO(to_xlsx(sample())[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = bomb + body[body.index(b"<worksheet"):].replace(b"<t>", b"<t>&a9;", 1)
            archive.writestr(info, body)
    assert refusal(out.getvalue()) == "map.xlsx: is not a readable Excel workbook (ParseError)"
