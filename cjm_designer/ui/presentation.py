"""Presentation mode (F5): the map alone, full screen on the projector, shown stage by stage (and lane
by lane when asked) with a smooth move between steps, a spotlight on a card, a countdown for a
time-boxed exercise; Escape gives the window back exactly as it was.

While it lasts the presentation hears every key and click of the map before anything else does, and
takes them all: no shortcut fires and no typing starts a card, so nothing a stray key or a clicker
sends changes the map. The steps and their framing are canvas/presentation_steps.py; what is drawn
over the map, presentation_overlay.py."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QDockWidget, QFrame, QGraphicsItem, QMainWindow, QToolBar, QWidget

from ..canvas import presentation_steps as S
from ..canvas.items import CardItem
from ..canvas.pinned_headers import pins_for
from ..model.plain import one_line
from .presentation_overlay import Countdown, Overlay


def tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


MOVE_MS = 350  # a move from step to step
CURSOR_IDLE_MS = 2000  # the pointer hides when still this long
SCREEN_SETTING = "presentation/screen"  # a screen's name, or "" for the automatic choice

NEXT = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
         QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.ToolTip,
         QEvent.Type.Gesture, QEvent.Type.NativeGesture, QEvent.Type.KeyRelease, QEvent.Type.DragEnter,
         QEvent.Type.DragMove, QEvent.Type.Drop, QEvent.Type.HoverMove, QEvent.Type.HoverEnter}


def presentation_keys() -> list[tuple[str, str]]:
    """(what it does, the keys) while presenting, for Help → Keyboard shortcuts."""

    def keys(*names: str) -> str:
        return ", ".join(QKeySequence(name).toString(QKeySequence.SequenceFormat.NativeText) for name in names)

    return [
        (tr("Presentation: next step"), keys("PgDown", "Right", "Down", "Space")),
        (tr("Presentation: previous step"), keys("PgUp", "Left", "Up", "Backspace")),
        (tr("Presentation: first or last step"), keys("Home", "End")),
        (tr("Presentation: stage 1 to 9"), keys("1") + " … " + keys("9")),
        (tr("Presentation: lane by lane on or off"), keys("L")),
        (tr("Presentation: spotlight on the card, or off"), tr("a click, %1").replace("%1", keys("Enter"))),
        (tr("Presentation: spotlight on the next or previous card"), keys("Tab", "Shift+Tab")),
        (tr("Presentation: timer start or stop"), keys("T")),
        (tr("Presentation: timer a minute more or less"), keys("+", "-")),
        (tr("Presentation: black screen on or off"), keys("B")),
        (tr("Presentation: leave"), keys("Esc")),
    ]


def presentation_screen(window: QWidget, chosen: str = "") -> QScreen:
    """The screen named `chosen` (Preferences) while it is connected; else, with two screens, the one
    the window is not on (the projector beside the laptop); else the window's own."""
    screens = QGuiApplication.screens()
    named = [screen for index, screen in enumerate(screens) if chosen and screen_key(screen, index) == chosen]
    if named:
        return named[0]
    own = window.screen()
    others = [screen for screen in screens if screen is not own]
    return others[0] if len(screens) == 2 and others else own


def screen_key(screen: QScreen, index: int) -> str:
    """How the setting names a screen: by its name ("HDMI-1"), or by its place where it has none."""
    return screen.name() or f"#{index + 1}"


@dataclass
class _Before:
    """The window as the presentation found it, to give back on leaving."""

    screen: QScreen
    geometry: QRect  # the window's when neither maximized nor full screen
    state: Qt.WindowState
    full_screen: bool  # whether the presentation asked for full screen (and must undo it)
    shown: list[QWidget]  # the menu, status and tool bars and docks that were not hidden
    raised: list[QDockWidget]  # of those, the docks on screen (a tabbed dock's tab in front)
    zoom: float
    scroll: tuple[int, int]
    viewport: QSize
    frame: QFrame.Shape
    bars: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy]
    cards: list[str]  # selected
    items: list[QGraphicsItem]  # selected, besides the cards
    current_frame: bool
    focus: QWidget | None


class Presentation(QObject):
    """The presentation of one main window's map (`window`: its view, scene and bars)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window, self.view, self.scene = window, window.view, window.scene
        self.duration = MOVE_MS  # 0: moves are jumps (the tests)
        self.by_lane = False
        self.steps: list[S.Step] = []
        self.index = 0
        self.spotlit: str | None = None
        self.countdown = Countdown(self)
        self.overlay = Overlay(self.view, self.countdown)
        self.overlay.hide()
        self._before: _Before | None = None
        self._returning: _Before | None = None  # the view's place, given back once the window has its size
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._frame)
        self._move: tuple[QRectF, QRectF, QRectF, QRectF, float, float] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(CURSOR_IDLE_MS)
        self._idle.timeout.connect(lambda: self.view.viewport().setCursor(Qt.CursorShape.BlankCursor))
        self._return_deadline = QTimer(self)
        self._return_deadline.setSingleShot(True)
        self._return_deadline.setInterval(1500)
        self._return_deadline.timeout.connect(self._stop_returning)
        self.scene.laidOut.connect(self._relaid)

    @property
    def active(self) -> bool:
        return self._before is not None

    # -- entering and leaving -------------------------------------------------------------------

    def enter(self, full_screen: bool = True, from_here: bool = False) -> None:
        """Start presenting: from the whole map, or (`from_here`) from the current cell's stage.
        Without `full_screen` the window keeps its size (a screenshot of a presentation)."""
        if self.active or self.scene.layout is None:
            return
        if self.scene.interaction is not None:  # a text being typed is kept, a drag is dropped
            self.scene.interaction.interrupt()
        self._stop_returning()
        window, view = self.window, self.view
        self._before = before = self._take(full_screen)
        self._listen(True)
        for widget in before.shown:
            widget.hide()
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scene.clearSelection()
        self.scene.current.frame.hide()
        if full_screen:
            screen = presentation_screen(window, str(window.settings.value(SCREEN_SETTING, "") or ""))
            if screen is not window.screen():
                window.setScreen(screen)
                window.move(screen.availableGeometry().topLeft())
            window.showFullScreen()
        self.overlay.follow_viewport()
        self.overlay.show()
        self.overlay.show_hint()
        self._lay_out()
        spot = self.scene.current.spot
        start = S.index_near(self.steps, spot.stage, part_of=spot.lane) if from_here and spot is not None else 0
        view.setFocus()
        self._idle.start()
        self.go(start, animate=False)

    def leave(self) -> None:
        """Stop presenting: the window, its bars and docks, the map's zoom, scroll and selection, and the
        focus, as they were."""
        before = self._before
        if before is None:
            return
        self._before = None
        self._animation.stop()
        self._move = None
        self.countdown.stop()
        self.overlay.hide()
        self._idle.stop()
        window, view, scene = self.window, self.view, self.scene
        view.viewport().unsetCursor()
        if before.full_screen:
            if shiboken6.isValid(before.screen) and before.screen in QGuiApplication.screens():
                window.setScreen(before.screen)  # back from the projector
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.setGeometry(before.geometry)  # as it was, even larger than the screen
            if before.state != Qt.WindowState.WindowNoState:
                window.setWindowState(before.state)
        for widget in before.shown:
            widget.show()
        for dock in before.raised:
            dock.raise_()
        view.setFrameShape(before.frame)
        view.setHorizontalScrollBarPolicy(before.bars[0])
        view.setVerticalScrollBarPolicy(before.bars[1])
        view.setSceneRect(QRectF())  # the scene's again
        scene.select_cards(before.cards)
        for item in before.items:
            if shiboken6.isValid(item) and item.scene() is scene:  # not one the map's reload removed
                item.setSelected(True)
        scene.current.frame.setVisible(before.current_frame)
        self._returning = before
        self._return_deadline.start()
        self._put_back()
        if before.focus is not None and shiboken6.isValid(before.focus):
            before.focus.setFocus()

    def _take(self, full_screen: bool) -> _Before:
        window, view, scene = self.window, self.view, self.scene
        bars = [window.menuBar(), window.statusBar(), *(w for w in window.findChildren(QToolBar)
                                                         if w.parentWidget() is window)]
        docks = [w for w in window.findChildren(QDockWidget) if w.parentWidget() is window]
        selected = scene.selectedItems()
        return _Before(window.screen(), window.normalGeometry(), window.windowState(), full_screen,
                       [w for w in bars + docks if not w.isHidden()], [d for d in docks if d.isVisible()],
                       view.zoom(), (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
                       view.viewport().size(), view.frameShape(),
                       (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()),
                       scene.selected_card_ids(), [i for i in selected if not isinstance(i, CardItem)],
                       scene.current.frame.isVisible(), window.focusWidget())

    def _put_back(self) -> None:
        """The view's zoom and scroll as they were; again after each resize while the window returns
        to its size (a window manager resizes it after the call), until the viewport has it."""
        before, view = self._returning, self.view
        if before is None:
            return
        view.set_zoom(before.zoom)
        view.horizontalScrollBar().setValue(before.scroll[0])
        view.verticalScrollBar().setValue(before.scroll[1])
        if view.viewport().size() == before.viewport:
            self._stop_returning()

    def _stop_returning(self) -> None:
        self._returning = None
        self._return_deadline.stop()
        if not self.active:
            self._listen(False)

    def _listen(self, on: bool) -> None:
        """Hear the view's events first, while presenting and returning: not otherwise, where it
        would cost every paint and pointer move of the editor a call."""
        for widget in (self.view, self.view.viewport()):
            if on:
                widget.installEventFilter(self)
            else:
                widget.removeEventFilter(self)

    # -- steps ----------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """The steps of the map as it is laid out now, and room to frame them anywhere."""
        layout = self.scene.layout
        self.steps = S.steps(layout, QSizeF(self.view.viewport().size()), self.by_lane)
        viewport = self.view.viewport().size()
        room = 2 * max(layout.width, layout.height) + max(viewport.width(), viewport.height())
        self.view.setSceneRect(QRectF(-room, -room, layout.width + 2 * room, layout.height + 2 * room))

    def go(self, index: int, animate: bool = True) -> None:
        """Show step `index` (kept within the steps), moving there smoothly when `animate`."""
        if not self.active or not self.steps:
            return
        self.index = min(max(index, 0), len(self.steps) - 1)
        self.spotlit = None
        self.overlay.set_spot(None)
        self.overlay.blank = False
        step = self.steps[self.index]
        self._set_caption()
        target = S.framing(step, QSizeF(self.view.viewport().size()))
        overlay = self.overlay
        self._animation.stop()
        start_lit = overlay.lit if overlay.lit is not None else step.lit
        self._move = (self.view.visible_scene_rect(), target, start_lit, step.lit, overlay.veil,
                      1.0 if step.veiled else 0.0)
        if animate and self.duration > 0:
            self._animation.setDuration(self.duration)
            self._animation.start()
        else:
            self._frame(1.0)

    def _frame(self, t) -> None:
        """One frame of the move: the view and the veil's light part between where they were and
        where the step puts them."""
        if self._move is None:
            return
        start, end, lit_from, lit_to, veil_from, veil_to = self._move
        t = float(t)
        self.view.show_area(S.between(start, end, t))
        self.overlay.lit = S.between(lit_from, lit_to, t)
        self.overlay.veil = veil_from + (veil_to - veil_from) * t
        self.overlay.update()

    def _set_caption(self) -> None:
        """The step's name and number in the corner: the map's title, a stage's name (with its part),
        or a stage's and a lane's."""
        step, doc = self.steps[self.index], self.scene.session.doc
        if step.stage_id is None:
            caption = one_line(doc.meta.title, 200) or tr("The whole map")
        else:
            caption = one_line(doc.stage(step.stage_id).name, 200)
            if step.lane_id is not None:
                caption = f"{caption} · {one_line(doc.lane(step.lane_id).name, 200)}"
            elif step.part[1] > 1:
                caption = tr("%1, part %2 of %3").replace("%1", caption).replace("%2", str(step.part[0])) \
                    .replace("%3", str(step.part[1]))
        self.overlay.caption, self.overlay.position = caption, f"{self.index + 1} / {len(self.steps)}"
        self.overlay.update()

    def _reframe(self) -> None:
        """The steps made anew for the view's new size (a stage's parts depend on it), the same place
        framed: at once, or as the end of the move under way."""
        if not self.active or not self.steps:
            return
        self.overlay.follow_viewport()
        if self._animation.state() != QVariantAnimation.State.Running or self._move is None:
            self._relaid()
            return
        going = self.steps[self.index]
        self._lay_out()
        self.index = self._find(going)
        self._set_caption()
        self._move = (self._move[0], S.framing(self.steps[self.index], QSizeF(self.view.viewport().size())),
                      *self._move[2:])

    def _relaid(self) -> None:
        """The map laid out anew (it changed on disk and was read again), or the screen's size changed:
        the same stage and lane."""
        if not self.active:
            return
        self.scene.current.frame.hide()
        here = self.steps[self.index] if self.steps else None
        self._lay_out()
        self.go(self._find(here), animate=False)

    def _find(self, here: S.Step | None) -> int:
        """The step now showing what `here` showed (of the steps before they were made anew)."""
        if here is None:
            return 0
        layout = self.scene.layout
        stage = here.stage_id if here.stage_id in layout.stages else None
        lanes = [lane for lane in here.lanes if lane in layout.lanes]
        lane = here.lane_id if here.lane_id in layout.lanes else None
        return S.index_near(self.steps, stage, lane, lanes[0] if lanes else None)

    def _go_to_stage(self, number: int) -> None:
        """A digit: the stage of that number (from 0), when the map has it."""
        stages = list(self.scene.layout.stages)
        if number < len(stages):
            self.go(S.index_near(self.steps, stages[number]))

    def toggle_lanes(self) -> None:
        """Lane by lane on or off, staying at the same stage (its part showing the same lanes)."""
        here = self.steps[self.index]
        self.by_lane = not self.by_lane
        self._lay_out()
        self.go(S.index_near(self.steps, here.stage_id, part_of=here.lanes[0] if here.lanes else None))

    # -- the spotlight --------------------------------------------------------------------------

    def spotlight(self, card_id: str | None) -> None:
        """Light `card_id` alone and dim the rest of the screen; None: light the step again."""
        layout = self.scene.layout
        self.spotlit = card_id if card_id in layout.cards else None
        box = layout.cards.get(self.spotlit) if self.spotlit is not None else None
        self.overlay.set_spot(QRectF(*box.rect) if box is not None else None, self.duration * 2 // 3)

    def _step_cards(self) -> list[str]:
        return S.cards_in(self.scene.layout, self.view.visible_scene_rect().intersected(self.steps[self.index].cards))

    def _spotlight_current(self) -> None:
        """Enter: off when on; else on the current cell's card when it is in the step, else on the step's first."""
        if self.spotlit is not None:
            self.spotlight(None)
            return
        cards = self._step_cards()
        current = self.scene.current.card
        self.spotlight(current if current in cards else cards[0] if cards else None)

    def _spotlight_next(self, forward: bool) -> None:
        cards = self._step_cards()
        if not cards:
            return
        if self.spotlit in cards:
            at = cards.index(self.spotlit) + (1 if forward else -1)
            self.spotlight(cards[at % len(cards)])
        else:
            self.spotlight(cards[0] if forward else cards[-1])

    def _click(self, event) -> None:
        layout = self.scene.layout
        point = self.view.mapToScene(event.position().toPoint())
        pins = pins_for(layout, self.view.visible_scene_rect())
        card = None if pins is not None and pins.covers(point) else S.card_at(layout, point.x(), point.y())
        self.spotlight(None if card is None or card == self.spotlit else card)

    # -- input: all of it is the presentation's -------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            if self.active:
                QTimer.singleShot(0, self, self._reframe)
            elif self._returning is not None:
                QTimer.singleShot(0, self, self._put_back)
            return False
        if not self.active:
            return False
        if kind == QEvent.Type.ShortcutOverride:  # no shortcut: the key comes here as a key press
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress:
            self._key(event)
            return True
        if kind == QEvent.Type.MouseMove:
            self.view.viewport().unsetCursor()
            self._idle.start()
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._click(event)
        return kind in INPUT

    def _key(self, event) -> None:
        key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif key == Qt.Key.Key_B:
            self.overlay.blank = not self.overlay.blank
            self.overlay.update()
        elif key in NEXT:
            self.go(self.index + 1)
        elif key in PREVIOUS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.steps) - 1)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self._go_to_stage(key - Qt.Key.Key_1)
        elif key == Qt.Key.Key_L:
            self.toggle_lanes()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._spotlight_current()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._spotlight_next(key == Qt.Key.Key_Tab and not shift)
        elif key == Qt.Key.Key_T:
            self.countdown.toggle()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.countdown.adjust(1 if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) else -1)


