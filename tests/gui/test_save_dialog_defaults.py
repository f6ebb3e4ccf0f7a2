"""Where Save As, Open and Export start: a new map's title as the file name (made safe), in the
folder maps were last saved in, else the user's Documents; an export beside the map or in the last
export's folder."""

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from cjm_designer.model import JourneyMap, Meta
from cjm_designer.ui.export_dialog import ExportDialog
from cjm_designer.ui.file_names import MAX_NAME_BYTES, safe_file_name
from cjm_designer.ui.settings import Settings


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's Documents folder, in the test's own place; no folder remembered from before."""
    folder = tmp_path / "Документы"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def writable(location):
        return str(folder) if location == QStandardPaths.StandardLocation.DocumentsLocation else real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", writable)
    settings = Settings()
    for key in ("files/folder", "export/folder"):
        settings.set_value(key, "")
    yield folder
    for key in ("files/folder", "export/folder"):
        settings.set_value(key, "")


class Dialogs:
    """QFileDialog's static calls, answered with `answer` (cancel when empty); the folder or path each proposed."""

    def __init__(self, monkeypatch):
        self.proposed: list[str] = []
        self.answer = ""
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, self._ask)

    def _ask(self, parent, caption, start, *rest, **options):
        self.proposed.append(start)
        return self.answer, ""


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


def titled(title: str) -> JourneyMap:
    return JourneyMap(meta=Meta(title=title))


def test_a_new_map_is_proposed_under_its_title_in_documents(open_window, documents, dialogs):
    window = open_window(titled("Путь клиента: онлайн/офлайн?"))
    assert window.files.save_as() is False  # cancelled: nothing written, nothing remembered
    assert dialogs.proposed == [str(documents / "Путь клиента онлайн-офлайн.cjm")]
    assert Settings().maps_folder() is None


def test_the_folder_a_map_was_saved_in_is_proposed_next_time(open_window, documents, dialogs, tmp_path):
    folder = tmp_path / "карты"
    folder.mkdir()
    dialogs.answer = str(folder / "первая")
    first = open_window(titled("Первая"))
    assert first.files.save_as() and (folder / "первая.cjm").is_file()
    second = open_window(titled("Вторая 🚀"))
    second.files.save_as()
    assert dialogs.proposed[-1] == str(folder / "Вторая 🚀.cjm")
    second.files.choose_and_open()  # Open starts there too
    assert dialogs.proposed[-1] == str(folder)
    first.files.save_as()  # a map with a file: its own name
    assert dialogs.proposed[-1] == str(folder / "первая.cjm")


def test_a_folder_gone_since_gives_way_to_documents(open_window, documents, dialogs, tmp_path):
    gone = tmp_path / "gone"
    Settings().set_maps_folder(gone)  # never made
    window = open_window(JourneyMap())  # no title: the window's name for it
    window.files.save_as()
    assert dialogs.proposed == [str(documents / "Untitled.cjm")]
    window.files.choose_and_open()
    assert dialogs.proposed[-1] == str(documents)


@pytest.mark.parametrize(("title", "name"), [
    ("Карта", "Карта"),
    ('  ..Карта?* "новая" <v2>\n2026.  ', "Карта новая v2 2026"),
    ("a\\b|c/d", "a-b-c-d"),
    ("\u202eevil\u202c.txt", "evil.txt"),  # no bidi override to disguise the name
    ("👨\u200d👩\u200d👧 семья", "👨\u200d👩\u200d👧 семья"),  # the emoji's joiners kept
    ("con", "con_"),
    ("?:*", "fallback"),
])
def test_titles_become_names_every_file_system_takes(title, name):
    assert safe_file_name(title, "fallback") == name


def test_a_long_title_is_cut_to_what_a_file_system_takes():
    name = safe_file_name("Путь " * 100, "fallback")
    assert len(name.encode()) <= MAX_NAME_BYTES and name.startswith("Путь Путь") and not name.endswith(" ")


def test_an_export_is_proposed_beside_the_map_else_in_the_last_export_folder(qtbot, documents, tmp_path):
    settings = Settings()
    unsaved = ExportDialog(titled("Отчёт: май"), None, settings)
    qtbot.addWidget(unsaved)
    unsaved.format.setCurrentIndex(unsaved.format.findData("pdf"))
    assert unsaved.suggested_path() == documents / "Отчёт май.pdf"
    exports = tmp_path / "выгрузки"
    exports.mkdir()
    settings.set_value("export/folder", str(exports))
    unsaved.format.setCurrentIndex(unsaved.format.findData("png"))
    assert unsaved.suggested_path() == exports / "Отчёт май.png"
    source = tmp_path / "maps" / "путь.cjm"
    saved = ExportDialog(titled("Отчёт"), source, settings)
    qtbot.addWidget(saved)
    saved.format.setCurrentIndex(saved.format.findData("svg"))
    assert saved.suggested_path() == source.parent / "путь.svg"
