"""A canvas on a small map, and helpers that drive it with real mouse and key events."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from cjm_designer.canvas import MapScene, MapView
from cjm_designer.editor import DocumentSession
from cjm_designer.model import Card, JourneyMap, Lane, Stage


def small_map() -> JourneyMap:
    doc = JourneyMap()
    for i, name in enumerate(["Осознание", "Изучение", "Решение"]):
        doc.add_stage(Stage(id=f"s{i}", name=name))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="seller", name="Продавец", kind="seller_actions"))
    doc.add_lane(Lane(id="mood", name="Эмоции", kind="emotions"))
    for card_id, stage, lane, title in [("a", "s0", "buyer", "Болит горло"), ("b", "s0", "buyer", "Ищет в сети"),
                                        ("c", "s1", "buyer", "Читает отзывы"), ("d", "s1", "seller", "Звонит")]:
        doc.add_card(Card(id=card_id, stage=stage, lane=lane, title=title))
    return doc


class Canvas:
    def __init__(self, qtbot, doc: JourneyMap):
        self.session = DocumentSession(doc)
        self.scene = MapScene(self.session)
        self.view = MapView(self.scene)
        # the scene ends with the test, as the program's own scenes end (MapScene.dispose): left to Python's
        # cyclic collector, it and its session's undo commands would be freed in the middle of a later test
        qtbot.addWidget(self.view, before_close_func=lambda _view: self.scene.dispose())
        self.view.resize(1400, 900)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.zoom_actual()
        self.view.setFocus()

    @property
    def doc(self) -> JourneyMap:
        return self.session.doc

    def at(self, x: float, y: float) -> QPoint:
        return self.view.mapFromScene(QPointF(x, y))

    def card_center(self, card_id: str) -> QPoint:
        c = self.scene.layout.cards[card_id].rect.center
        return self.at(c.x, c.y)

    def cell_point(self, stage: str, lane: str, dy: float = -10) -> QPoint:
        """A point in the empty lower part of a cell."""
        r = self.scene.layout.cells[(stage, lane)]
        return self.at(r.x + r.w / 2, r.bottom + dy)

    def click(self, point: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton, modifiers, point)

    def double_click(self, point: QPoint) -> None:
        QTest.mouseDClick(self.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        # QTest's widget double-click ends on the button held: let it go, or every later move in
        # any test is a drag and hovers nothing
        QTest.mouseRelease(self.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def drag(self, start: QPoint, end: QPoint, button=Qt.MouseButton.LeftButton, steps: int = 6) -> None:
        viewport = self.view.viewport()
        QTest.mousePress(viewport, button, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, steps + 1):
            p = start + (end - start) * i / steps
            _send_move(viewport, p, button)
        QTest.mouseRelease(viewport, button, Qt.KeyboardModifier.NoModifier, end)

    def keys(self, text: str) -> None:
        """Type text, Cyrillic included (QTest.keyClicks takes ASCII only)."""
        for ch in text:
            key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(self.view, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.view, key, modifiers)

    def cell_titles(self, stage: str, lane: str) -> list[str]:
        return [c.title for c in self.doc.cards_in(stage, lane)]


def _send_move(widget, point: QPoint, button) -> None:
    event = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(point), QPointF(widget.mapToGlobal(point)),
                        Qt.MouseButton.NoButton, button, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def canvas(qtbot):
    return Canvas(qtbot, small_map())


class Boxes:
    """Every message box the code under test shows, answered without a user: with the next of
    `answers` (a standard button, or the text of a button of the box's own), else Discard, No or the
    box's escape button, as a user who wants nothing changed would."""

    def __init__(self):
        self.shown: list[QMessageBox] = []
        self.answers: list = []

    @property
    def texts(self) -> list[str]:
        return [box.text() for box in self.shown]

    def exec(self, box: QMessageBox) -> int:
        self.shown.append(box)
        button = self._button(box, self.answers.pop(0)) if self.answers else self._cautious(box)
        if button is not None:
            button.click()
        return int(box.standardButton(button)) if button is not None else 0

    @staticmethod
    def _button(box: QMessageBox, answer):
        if isinstance(answer, str):
            found = [b for b in box.buttons() if b.text().replace("&", "") == answer]
            assert found, f"the box {box.text()!r} has no button {answer!r}"
            return found[0]
        assert box.button(answer) is not None, f"the box {box.text()!r} has no button {answer!r}"
        return box.button(answer)

    @staticmethod
    def _cautious(box: QMessageBox):
        buttons = QMessageBox.StandardButton
        for standard in (buttons.Discard, buttons.No, buttons.Cancel, buttons.Ok):
            if box.button(standard) is not None:
                return box.button(standard)
        return box.escapeButton() or (box.buttons()[0] if box.buttons() else None)


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    """No message box waits for a user in the GUI tests; the boxes shown are kept for the asserts."""
    answered = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answered.exec(box))
    return answered


@pytest.fixture
def full_layouts(monkeypatch) -> list:
    """One entry for each full layout the scene runs (from when the test clears it): an edit laid out in
    part runs none."""
    from cjm_designer.canvas import scene as scene_module

    calls: list = []
    layout = scene_module.compute_layout
    monkeypatch.setattr(scene_module, "compute_layout", lambda *a, **k: (calls.append(1), layout(*a, **k))[1])
    return calls


@pytest.fixture
def open_window(qtbot):
    """Opens main windows on maps. The windows, those opened by the program too (File → New), are closed
    and forgotten afterwards, saved or not: one left shown stays the active window, and the pointer
    tests after it would hover it."""
    from cjm_designer.ui import main_window as mw

    def open_(doc, path=None):
        window = mw.MainWindow(doc, path)
        qtbot.addWidget(window)
        window.show()
        return window

    yield open_
    for window in list(mw.WINDOWS):
        window.session.undo_stack.setClean()
        window.close()
        if window in mw.WINDOWS:
            mw.WINDOWS.remove(window)
