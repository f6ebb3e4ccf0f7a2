"""The interface in Russian and English through Qt translation: every string has its Russian
translation, the compiled files match their sources, the Russian window shows no English, and the
language changes at once with the map kept."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QMenu, QToolBar

from cjm_designer import i18n
from cjm_designer.canvas.items import HeaderItem
from cjm_designer.canvas.texts import ui_language
from cjm_designer.io import load
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui.dialogs import Preferences
from cjm_designer.ui.settings import Settings
from cjm_designer.ui.template_gallery import TemplateGallery

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
tool = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tool  # dataclasses look their module up
_spec.loader.exec_module(tool)

# Names and abbreviations that stay as they are in a Russian interface; nothing else may be Latin only.
KEPT = {"CJM Designer", "KPI", "PDF", "PNG", "SVG", "CSV", "CRM", "Mermaid", "SEO", "E-mail", "A4", "A3",
        "English"}
CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN = re.compile("[A-Za-z]")


@pytest.fixture(scope="module")
def extracted():
    messages, problems = tool.extract()
    return messages, problems


@pytest.fixture
def language(qapp):
    """Installs the translators of a language; afterwards none, and the windows back in English."""

    def install(setting: str) -> str:
        chosen = i18n.install_translators(qapp, setting)
        qapp.processEvents()  # the windows' LanguageChange
        return chosen

    yield install
    i18n.remove_translators(qapp)
    qapp.processEvents()
    Settings().set_value(i18n.SETTING, "")


# -- the .ts and .qm files ------------------------------------------------------------------------------


def test_the_extractor_finds_the_strings_of_every_context(extracted):
    messages, problems = extracted
    assert problems == []  # a tr() call on a variable could never be translated
    contexts = {m.context for m in messages}
    assert {"MainWindow", "Inspector", "Personas", "Dialogs", "Recovery", "TemplateGallery", "ExportDialog",
            "commands", "canvas"} <= contexts
    found = {(m.context, m.source): m for m in messages}
    assert ("MainWindow", "&File") in found and ("canvas", "Insert stage after") in found
    assert found[("ExportDialog", "%n page(s)")].numerus and found[("commands", "Add %n cards")].numerus
    assert not found[("MainWindow", "&File")].numerus


def test_every_string_in_the_code_has_a_russian_translation(extracted):
    messages, _ = extracted
    entries = tool.read_ts(tool.ts_path("ru"))
    missing = [f"{m.context}: {m.source!r}" for m in messages
               if (m.context, m.source) not in entries or entries[(m.context, m.source)].state
               or not tool._finished(entries[(m.context, m.source)].translation)]
    assert missing == [], f"translate these in {tool.ts_path('ru').name} (see resources/translations/README.md)"
    for message in messages:
        entry = entries[(message.context, message.source)]
        assert entry.numerus == message.numerus, message.source
        if message.numerus:
            assert len(entry.translation) == 3, message.source  # 1 карточка, 2 карточки, 5 карточек


def test_english_has_the_plural_forms(extracted):
    messages, _ = extracted
    entries = tool.read_ts(tool.ts_path("en"))
    for message in (m for m in messages if m.numerus):
        entry = entries[(message.context, message.source)]
        assert entry.state == "" and len(entry.translation) == 2 and all(entry.translation), message.source


def test_translations_keep_placeholders_accelerators_and_spacing():
    def markers(text: str):
        return (sorted(re.findall(r"\{\w*\}", text)), sorted(re.findall(r"%\d", text)), text.count("\n"),
                text.replace("&&", "").count("&"), text.endswith("…"), text[:1].isspace(), text[-1:].isspace())

    for entry in tool.read_ts(tool.ts_path("ru")).values():
        if entry.state == "vanished":
            continue
        forms = entry.translation if entry.numerus else [entry.translation]
        for form in forms:
            assert markers(form) == markers(entry.source), (entry.context, entry.source, form)
            assert ("%n" in form) == ("%n" in entry.source), (entry.source, form)
            if not entry.numerus and LATIN.search(entry.source) and entry.source not in KEPT:
                assert CYRILLIC.search(form) or form == entry.source, (entry.source, form)


def test_committed_qm_files_are_built_from_the_ts_files(tmp_path):
    for language in ("ru", "en"):
        fresh = tmp_path / f"{language}.qm"
        tool.compile_qm(tool.ts_path(language), fresh)
        assert fresh.read_bytes() == tool.qm_path(language).read_bytes(), (
            f"{tool.qm_path(language).name} is stale: run .venv/bin/python tools/update_translations.py")


def test_ts_files_are_up_to_date_with_the_code(extracted, tmp_path):
    """What the update command would write is what is committed (every string, with its files)."""
    messages, _ = extracted
    for language in ("ru", "en"):
        entries = tool.merge(messages, tool.read_ts(tool.ts_path(language)), language)
        text = tool.write_ts(tmp_path / f"{language}.ts", entries, language)
        assert text == tool.ts_path(language).read_text("utf-8"), "run .venv/bin/python tools/update_translations.py"


# -- installing a language ------------------------------------------------------------------------------


def test_russian_and_english_translators(language):
    translate = QCoreApplication.translate
    assert language("ru") == "ru" and ui_language() == "ru"
    assert translate("MainWindow", "&File") == "&Файл"
    assert [translate("ExportDialog", "%n page(s)", None, n) for n in (1, 3, 5, 21)] == [
        "1 страница", "3 страницы", "5 страниц", "21 страница"]
    assert translate("QPlatformTheme", "Cancel") == "Отмена"  # Qt's own buttons, from qtbase_ru.qm
    assert any(name.endswith("cjm_designer_ru.qm") for name in i18n.installed_files())
    assert language("en") == "en" and ui_language() == "en"
    assert translate("MainWindow", "&File") == "&File"
    assert [translate("ExportDialog", "%n page(s)", None, n) for n in (1, 3)] == ["1 page", "3 pages"]
    i18n.remove_translators()
    assert translate("MainWindow", "&File") == "&File" and i18n.installed_files() == []


@pytest.mark.parametrize(("system", "expected"), [("ru_RU", "ru"), ("en_GB", "en"), ("de_DE", "en")])
def test_no_setting_follows_the_system_language(language, monkeypatch, system, expected):
    class SystemLocale(QLocale):
        @staticmethod
        def system():
            return QLocale(system)

    monkeypatch.setattr(i18n, "QLocale", SystemLocale)
    assert i18n.resolve("") == expected and i18n.resolve(None) == expected
    assert language("") == expected and ui_language() == expected
    assert i18n.resolve("ru") == "ru" and i18n.resolve("en") == "en"
    if expected == "ru":
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"


# -- the window in Russian ------------------------------------------------------------------------------


def menu_texts(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()  # Open Recent fills itself when opened
    texts = [menu.title()]
    for action in menu.actions():
        if action.menu():
            texts += menu_texts(action.menu())
        elif action.text() and not Path(action.text()).is_absolute():  # Open Recent: the files themselves
            texts.append(action.text())
    return texts


def window_texts(window) -> dict[str, list[str]]:
    for dock in window.docks:  # the docks behind the Inspector's tab are made as they are first shown
        dock.content()
    texts = {"menus": [t for action in window.menuBar().actions() for t in menu_texts(action.menu())]}
    bars = window.findChildren(QToolBar)
    texts["toolbars"] = [a.toolTip() for bar in bars for a in bar.actions() if a.text()] + [
        bar.windowTitle() for bar in bars]
    texts["docks"] = [dock.windowTitle() for dock in window.docks]
    texts["dock contents"] = [w.text() for dock in window.docks for w in dock.findChildren(QLabel)
                              + dock.findChildren(QAbstractButton) if w.text()]
    texts["status bar"] = [w.text() for w in window.statusBar().findChildren(QLabel)]
    return texts


def inspector_texts(window) -> list[str]:
    inspector = window.inspector
    labels = [w.text() for w in inspector.findChildren(QLabel) if w.text()]
    choices = [box.itemText(i) for box in inspector.findChildren(QComboBox) for i in range(box.count())]
    return labels + choices


def untranslated(texts: list[str]) -> list[str]:
    """The texts with Latin letters and no Cyrillic, other than the names kept as they are."""
    found = []
    for text in texts:
        plain = re.sub(r"\s*\(.*\)$", "", text.replace("&", "")).strip()  # "Сохранить (Ctrl+S)": the name
        if LATIN.search(plain) and not CYRILLIC.search(plain) and plain not in KEPT:
            found.append(text)
    return found


def select_each_kind(window):
    """Select a card, a stage, a lane, a link and nothing, yielding the Inspector's heading each time."""
    scene, doc = window.scene, window.session.doc
    scene.select_cards([doc.cards[0].id])
    yield "card"
    for items in (scene.stage_items, scene.lane_items):
        scene.select_only([next(iter(items.values()))])
        yield "header"
    if doc.links:
        scene.select_only([scene.link_items[doc.links[0].id]])
        yield "link"
    scene.clearSelection()
    yield "map"


@pytest.fixture
def russian_map():
    return load(templates_dir() / "window-installation.ru.cjm")


def test_russian_window_shows_no_english_in_menus_toolbars_docks_and_inspector(language, open_window, russian_map):
    language("ru")
    window = open_window(russian_map)
    texts = window_texts(window)
    assert [a.text() for a in window.menuBar().actions()] == ["&Файл", "&Правка", "&Вид", "Вст&авка", "&Карта",
                                                            "&Воркшоп", "&Справка"]
    for part, shown in texts.items():
        assert shown and untranslated(shown) == [], part
    english = {m.source.replace("&", "") for m in tool.extract()[0]} - KEPT
    every = [t.replace("&", "") for shown in texts.values() for t in shown]
    for _kind in select_each_kind(window):
        every += inspector_texts(window)
        assert not untranslated(inspector_texts(window)), (_kind, untranslated(inspector_texts(window)))
        assert CYRILLIC.search(window.inspector.heading.text())
    assert not english & set(every)
    assert window.windowTitle().endswith("— CJM Designer")


def test_channels_lane_kinds_and_templates_follow_the_language(language, open_window, russian_map):
    language("en")
    window = open_window(russian_map)
    window.scene.select_cards([window.session.doc.cards[0].id])
    assert window.inspector.editors["channel"].itemText(0) == "Search ads"
    assert gallery_titles()[0] == "Blank map"
    language("ru")
    assert window.inspector.editors["channel"].itemText(0) == "Контекстная реклама"
    lane = next(iter(window.scene.lane_items.values()))
    window.scene.select_only([lane])
    kinds = window.inspector.editors["kind"]
    assert "Точки контакта" in [kinds.itemText(i) for i in range(kinds.count())]
    menu = window.scene.context_menus.menu(lane, lane.pos())
    lane_kinds = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Тип дорожки")
    assert "Действия покупателя" in [a.text() for a in lane_kinds.actions()]
    assert isinstance(lane, HeaderItem)
    assert gallery_titles()[0] == "Пустая карта"


def gallery_titles() -> list[str]:
    gallery = TemplateGallery()
    titles = [gallery.list.item(i).text() for i in range(gallery.list.count())]
    gallery.deleteLater()
    return titles


def test_switching_the_language_in_preferences_retranslates_the_open_window_and_keeps_its_map(
        language, open_window, russian_map, qapp):
    language("ru")
    window = open_window(russian_map)
    doc, scene, stack = window.session.doc, window.scene, window.session.undo_stack
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Своя карта"}})
    window.scene.select_cards([doc.cards[0].id])
    russian = window_texts(window)
    inbox, votes, analytics = window._named("inbox").content(), window._named("votes").content(), window.analytics
    assert inbox.accept_button.text() == "&Принять"

    def choose(setting: str) -> None:
        dialog = Preferences(window.settings, window)
        dialog.language.setCurrentIndex(dialog.language.findData(setting))
        dialog.accept()
        qapp.processEvents()

    choose("en")
    assert Settings().value(i18n.SETTING) == "en" and ui_language() == "en"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Insert", "&Map",
                                                              "&Workshop", "&Help"]
    assert window.docks[0].windowTitle() == "Inspector" and window.inspector.heading.text() == "Card"
    assert window.actions_.undo.text().startswith("Undo ") and "Save (" in window.save_action.toolTip()
    assert window.personas.add_button.text() == "Add persona"
    assert window.counts_label.text().endswith("cards")
    assert inbox.accept_button.text() == "&Accept" and votes.ranking.headerItem().text(1) == "Dots"
    assert analytics.funnel_title.text() == "Funnel"  # the panels made in Russian follow the change
    english = window_texts(window)
    steps = {window.actions_.undo.text(), window.actions_.redo.text()}  # "Undo Изменить": the step's own name
    assert not any(CYRILLIC.search(t) for t in english["menus"] + english["docks"] if t not in steps)
    choose("ru")
    assert window_texts(window) == russian
    assert window.inspector.heading.text() == "Карточка" and window.actions_.undo.text() == "Отменить: Изменить"
    # a step keeps the name it was given: made in Russian, it is "Undo Изменить" in English meanwhile
    assert window.session.doc is doc and window.scene is scene and window.session.undo_stack is stack
    assert stack.count() == 1 and doc.meta.title == "Своя карта" and window.isWindowModified()
    stack.undo()
    assert doc.meta.title != "Своя карта"


def test_a_first_look_in_russian_empty_states_and_a_load_error(language, open_window, tmp_path, monkeypatch):
    from cjm_designer.io import CjmError
    from cjm_designer.model import JourneyMap
    from cjm_designer.ui import main_window as mw
    from cjm_designer.ui.document_files import load_error_text

    monkeypatch.setattr(mw.MainWindow, "_restore_layout", lambda self: None)
    language("ru")
    window = open_window(JourneyMap())
    assert window.view.empty_hint.text() == "На карте пока нет этапов.\nДобавьте первый: Вставка → Добавить этап."
    assert "Воркшоп → Начать голосование точками…" in window.votes.empty_note.text()
    history = next(d for d in window.docks if d.objectName() == "dock-history")
    history.show()
    history.raise_()
    QCoreApplication.processEvents()
    assert history.widget().undo_view.emptyLabel() == "Карта открыта"
    broken = tmp_path / "broken.cjm"
    broken.write_text("{")
    with pytest.raises(CjmError) as raised:
        load(broken)
    said, line = load_error_text(raised.value).split("\n\n")
    assert said.startswith("Файл «broken.cjm» не открылся: в нём ошибка.") and line.startswith(f"{broken}: line 1")
