"""Map → Import figures…: the dialog previews what a report changes (changed figures coloured, the rows and
cards left over listed, ambiguity explained), Import is one undo step that undo takes back and redo
does again, and a bad report is said in the dialog, in plain text, with nothing to import."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cjm_designer.io import load
from cjm_designer.model import Metrics
from cjm_designer.model.metrics_match import MatchBy
from cjm_designer.paths import templates_dir
from cjm_designer.ui.import_metrics_dialog import CHANGED, CHANGED_DARK, ImportMetricsDialog
from cjm_designer.ui.messages import problem_colour

DATA = Path(__file__).parent.parent / "data" / "metrics"


@pytest.fixture
def window(open_window):
    path = templates_dir() / "window-installation.ru.cjm"
    return open_window(load(path))


def test_the_menu_imports_the_figures_as_one_undo_step(window, monkeypatch):
    seen = {}

    def run(dialog):
        assert dialog.load_report(DATA / "metrica_landing_pages.csv")
        seen["rows"] = dialog.table.rowCount()
        seen["unmatched"] = [dialog.unmatched_rows.item(i).text() for i in range(dialog.unmatched_rows.count())]
        seen["colour"] = dialog.table.item(0, 2).background().color()
        seen["notes"] = dialog.notes.text()
        dialog.accept()
        return 1

    monkeypatch.setattr(ImportMetricsDialog, "exec", run)
    assert window.import_metrics_action in window.map_menu.actions()
    session = window.session
    before = {card.id: card.metrics for card in session.doc.cards}
    notified = []
    session.changed.connect(notified.append)
    window.import_metrics_action.trigger()
    assert seen["rows"] == 3 and seen["colour"] == CHANGED
    assert seen["unmatched"] == ["row 4: https://okna.example/", "row 8: https://okna.example/blog/uteplenie-balkona/"]
    assert "rows 6, 7" in seen["notes"]
    assert session.undo_stack.count() == 1 and len(notified) == 1
    assert session.undo_stack.text(0) == "Import figures from metrica_landing_pages.csv"
    assert session.doc.card("card-rq-1").metrics == Metrics(clicks=2340, conversion=8.52, time_on_site=134.0)
    session.undo_stack.undo()
    assert {card.id: card.metrics for card in session.doc.cards} == before
    session.undo_stack.redo()
    assert session.doc.card("card-af-4").metrics == Metrics(clicks=1386, conversion=1.05, time_on_site=75.8)


def test_the_match_field_changes_the_preview(window, qtbot):
    dialog = ImportMetricsDialog(window, window.scene.edits)
    qtbot.addWidget(dialog)
    assert dialog.load_report(DATA / "metrica_utm_campaigns.xlsx")
    assert dialog.table.rowCount() == 1 and dialog.import_button.isEnabled()
    assert dialog.table.item(0, 1).text() == "offer"  # the UTM value of the card's address
    dialog.match_field.setCurrentIndex(dialog.match_field.findData(MatchBy.TAG))
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert dialog.unmatched_rows.count() == 3


def test_a_bad_report_is_said_in_plain_text(window, qtbot, tmp_path):
    report = tmp_path / "<b>report<i>.csv"
    report.write_bytes(b"\x00\x01garbage" * 50)
    dialog = ImportMetricsDialog(window, window.scene.edits)
    qtbot.addWidget(dialog)
    assert not dialog.load_report(report)
    assert dialog.problem.textFormat() == Qt.TextFormat.PlainText
    assert dialog.problem.text().startswith("<b>report<i>.csv: is not a report")
    assert not dialog.import_button.isEnabled() and dialog.table.rowCount() == 0
    dialog.accept()  # nothing to import: nothing changes
    assert window.session.undo_stack.count() == 0



def test_before_a_report_is_chosen_only_the_hint_shows(window, qtbot):
    dialog = ImportMetricsDialog(window, window.scene.edits)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.isVisible() and "Яндекс.Метрика" in dialog.summary.text()
    assert not dialog.preview.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.load_report(DATA / "metrica_landing_pages_tree.csv")
    assert dialog.preview.isVisible()
    assert dialog.summary.text().startswith("metrica_landing_pages_tree.csv: 6 row(s) by “Страница входа”, cards "
                                            "matched by page address. A tree report: 3 subtotal row(s)")
    assert dialog.summary.text().endswith("Import gives 3 card(s) new figures.")
    assert not dialog.load_report(DATA / "missing.csv")
    assert not dialog.preview.isVisible() and not dialog.summary.isVisible() and dialog.problem.isVisible()


def test_the_preview_shows_the_tag_that_matched_and_whole_texts_in_tooltips(open_window, qtbot):
    doc = load(templates_dir() / "window-installation.ru.cjm")
    long_title = "Оставляет заявку на сайте, " + "очень длинное название карточки " * 4
    doc.card("card-rq-1").title = long_title
    doc.card("card-rq-1").tags = ["первый тег", "yandex / cpc"]
    window = open_window(doc)
    dialog = ImportMetricsDialog(window, window.scene.edits)
    qtbot.addWidget(dialog)
    dialog.match_field.setCurrentIndex(dialog.match_field.findData(MatchBy.TAG))
    assert dialog.load_report(DATA / "ga4_traffic_acquisition.csv")
    assert dialog.table.item(0, 1).text() == "yandex / cpc"  # not the card's first tag
    assert long_title.strip() in dialog.table.item(0, 0).toolTip()
    assert dialog.table.columnWidth(0) <= 320
    assert dialog.unmatched_rows.item(0).toolTip()
    assert dialog.unmatched_rows.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_problems_and_changed_figures_read_in_a_dark_theme(window, qtbot):
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#2B2B2B"), (QPalette.ColorRole.Base, "#1E1E1E"),
                         (QPalette.ColorRole.WindowText, "#EEEEEE"), (QPalette.ColorRole.Text, "#EEEEEE")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        dialog = ImportMetricsDialog(window, window.scene.edits)
        qtbot.addWidget(dialog)
        assert dialog.problem.styleSheet() == ""
        assert dialog.problem.palette().color(QPalette.ColorRole.WindowText) == problem_colour(QColor("#2B2B2B"))
        assert dialog.load_report(DATA / "metrica_landing_pages.csv")
        assert dialog.table.item(0, 2).background().color() == CHANGED_DARK
    finally:
        app.setPalette(light)
