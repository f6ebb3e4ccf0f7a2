"""Presentation mode (issue 15): F5 shows the map alone, full screen, stage by stage (lane by lane on
L), with a spotlight on a card and a countdown; no key or click changes the map meanwhile; Escape gives
the window back exactly as it was. Driven with real keys and clicks on the window's canvas."""

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QToolBar

from cjm_designer.canvas import presentation_steps as S
from cjm_designer.cli import main
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.paths import templates_dir
from cjm_designer.ui.dialogs import Preferences, shortcuts_table
from cjm_designer.ui.presentation import SCREEN_SETTING, presentation_screen, screen_key
from cjm_designer.ui.presentation_overlay import AMBER, RED

NONE = Qt.KeyboardModifier.NoModifier
TEMPLATE = templates_dir() / "window-installation.en.cjm"


@pytest.fixture
def window(open_window, qtbot):
    window = open_window(load(TEMPLATE))
    window.remember_layout = False  # the docks hidden and the sizes set here stay out of the next tests' windows
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    window.presentation.duration = 0  # moves are jumps, but where the test says otherwise
    return window


def key(window, which, modifiers=NONE) -> None:
    QTest.keyClick(window.focusWidget() or window.view, which, modifiers)


def shows(window, area: QRectF) -> bool:
    """Whether the view shows all of `area` (to a pixel's rounding)."""
    pixel = 1.5 / window.view.zoom()
    return window.view.visible_scene_rect().adjusted(-pixel, -pixel, pixel, pixel).contains(area)


def present(window, qtbot) -> None:
    key(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    viewport = window.view.viewport()
    qtbot.waitUntil(lambda: window.presentation.overlay.geometry() == viewport.geometry())  # framed for the screen


def on_screen(window, scene_point: QPointF):
    return window.view.mapFromScene(scene_point)


def test_f5_shows_the_map_alone_full_screen(window, qtbot):
    bound = [a for a in window.findChildren(QAction) if QKeySequence("F5") in a.shortcuts()]
    assert bound == [window.present_action] and not window.present_action.icon().isNull()
    assert window.present_action in window.toolbar.actions()
    present(window, qtbot)
    assert window.presentation.active and window.isFullScreen()
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    assert not any(w.isVisible() for w in window.findChildren(QToolBar) + window.findChildren(QDockWidget))
    assert not window.view.horizontalScrollBar().isVisible() and not window.view.verticalScrollBar().isVisible()
    overlay = window.presentation.overlay
    assert overlay.isVisible() and overlay.geometry() == window.view.viewport().geometry()
    assert overlay.position == "1 / 7" and overlay.caption == "Window installation: every call and message"
    layout = window.scene.layout
    assert shows(window, QRectF(0, 0, layout.width, layout.height))  # the whole map first


def test_the_keys_step_through_every_stage_each_shown_whole(window, qtbot):
    present(window, qtbot)
    layout, doc = window.scene.layout, window.session.doc
    overlay = window.presentation.overlay
    for number, stage in enumerate(doc.stages, 2):
        key(window, Qt.Key.Key_PageDown)
        box = layout.stages[stage.id]
        assert shows(window, QRectF(*box.header).united(QRectF(*box.column)))
        assert (overlay.caption, overlay.position) == (stage.name, f"{number} / 7")
        assert overlay.veil == 1.0 and overlay.lit == window.presentation.steps[number - 1].lit
    zoom = window.view.zoom()
    key(window, Qt.Key.Key_Space)  # past the last step: it stays
    assert overlay.position == "7 / 7" and window.view.zoom() == zoom
    for back in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
        key(window, back)
    assert overlay.position == "3 / 7"
    key(window, Qt.Key.Key_Home)
    assert overlay.position == "1 / 7" and overlay.veil == 0.0
    key(window, Qt.Key.Key_End)
    assert overlay.caption == doc.stages[-1].name
    for forward in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Down):
        key(window, forward)
    assert overlay.position == "3 / 7"
    key(window, Qt.Key.Key_5)  # a stage by its number
    assert overlay.caption == doc.stages[4].name
    key(window, Qt.Key.Key_9)  # there is no ninth: it stays
    assert overlay.caption == doc.stages[4].name
    key(window, Qt.Key.Key_3)
    key(window, Qt.Key.Key_B)  # a black screen, to turn the room's eyes away from the map
    assert overlay.blank and overlay.grab().toImage().pixelColor(300, 300) == QColor("#000000")
    key(window, Qt.Key.Key_B)
    assert not overlay.blank


def test_a_stage_is_framed_larger_than_the_whole_map_and_a_cell_larger_still(window, qtbot):
    present(window, qtbot)
    whole = window.view.zoom()
    key(window, Qt.Key.Key_PageDown)
    stage = window.view.zoom()
    key(window, Qt.Key.Key_L)
    key(window, Qt.Key.Key_PageDown)
    assert whole < stage < window.view.zoom() <= S.MAX_ZOOM


def test_a_stage_too_tall_to_read_whole_is_shown_in_parts_of_readable_size(open_window, qtbot):
    window = open_window(load(templates_dir() / "five-stages.ru.cjm"))  # nine lanes
    window.remember_layout = False
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    window.presentation.duration = 0
    layout, doc = window.scene.layout, window.session.doc
    screen = QSizeF(1920, 1080)
    found = S.steps(layout, screen)
    lanes = tuple(lane.id for lane in doc.lanes)
    for stage in doc.stages:
        parts = [step for step in found if step.stage_id == stage.id]
        assert len(parts) >= 2 and [p.part for p in parts] == [(n, len(parts)) for n in range(1, len(parts) + 1)]
        assert sum((p.lanes for p in parts), ()) == lanes  # every lane once, in order
        for part in parts:
            zoom = screen.width() / S.framing(part, screen).width()
            assert zoom >= S.READABLE and shows_on(part, screen)
    four_lanes = S.steps(compute_layout(load(TEMPLATE)), screen)  # short enough: each stage whole
    assert len(four_lanes) == 7 and all(s.part == (1, 1) for s in four_lanes)

    card = next(c for c in doc.cards if c.lane == lanes[-1] and c.stage == doc.stages[1].id)
    window.scene.select_cards([card.id])
    qtbot.waitUntil(lambda: window.scene.current.card == card.id)
    key(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # from the current stage: its part
    presentation = window.presentation
    step = presentation.steps[presentation.index]
    assert step.stage_id == doc.stages[1].id and lanes[-1] in step.lanes and step.part[0] == step.part[1] > 1
    assert presentation.overlay.caption.startswith(doc.stages[1].name)
    key(window, Qt.Key.Key_L)  # lane by lane: the same part, then its cells
    assert presentation.steps[presentation.index] == step
    key(window, Qt.Key.Key_PageDown)
    assert presentation.steps[presentation.index].lane_id == step.lanes[0]


def shows_on(step, screen) -> bool:
    area = S.framing(step, screen)
    return area.adjusted(-1, -1, 1, 1).contains(step.lit)


def test_the_move_between_steps_is_animated_and_ends_on_the_step(window, qtbot):
    present(window, qtbot)
    presentation = window.presentation
    presentation.duration = 150
    zooms = []
    window.view.zoomChanged.connect(zooms.append)
    key(window, Qt.Key.Key_PageDown)
    box = window.scene.layout.stages[window.session.doc.stages[0].id]
    target = QRectF(*box.header).united(QRectF(*box.column))
    assert not shows(window, target) or len(zooms) < 3  # under way
    qtbot.waitUntil(lambda: presentation._animation.state() != presentation._animation.State.Running)
    assert shows(window, target) and len(zooms) > 3  # through frames between, not a jump


def test_l_adds_each_lane_of_a_stage_as_a_step_of_its_own(window, qtbot):
    present(window, qtbot)
    layout, doc = window.scene.layout, window.session.doc
    overlay = window.presentation.overlay
    key(window, Qt.Key.Key_PageDown)
    key(window, Qt.Key.Key_PageDown)  # the second stage
    key(window, Qt.Key.Key_L)
    total = 1 + len(doc.stages) * (1 + len(doc.lanes))
    second = doc.stages[1]
    assert overlay.caption == second.name and overlay.position == f"{3 + len(doc.lanes)} / {total}"
    for lane in doc.lanes:
        key(window, Qt.Key.Key_PageDown)
        assert overlay.caption == f"{second.name} · {lane.name}"
        assert shows(window, QRectF(*layout.cells[(second.id, lane.id)]))
    key(window, Qt.Key.Key_PageDown)
    assert overlay.caption == doc.stages[2].name
    key(window, Qt.Key.Key_L)  # off again: the same stage
    assert (overlay.caption, overlay.position) == (doc.stages[2].name, "4 / 7")


def test_a_spotlight_on_a_card_by_click_enter_and_tab(window, qtbot):
    presentation, overlay, layout = window.presentation, window.presentation.overlay, window.scene.layout
    stage = window.session.doc.stages[0].id
    cards = S.cards_in(layout, QRectF(*layout.stages[stage].column))
    assert len(cards) >= 3
    window.scene.select_cards([cards[1]])
    qtbot.waitUntil(lambda: window.scene.current.card == cards[1])
    present(window, qtbot)
    key(window, Qt.Key.Key_PageDown)
    key(window, Qt.Key.Key_Return)  # the current card, in this stage
    assert presentation.spotlit == cards[1] and overlay.spot == QRectF(*layout.cards[cards[1]].rect)
    key(window, Qt.Key.Key_Tab)
    assert presentation.spotlit == cards[2]
    key(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    key(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    key(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert presentation.spotlit == cards[-1]  # round to the last
    key(window, Qt.Key.Key_Return)
    assert presentation.spotlit is None
    key(window, Qt.Key.Key_End)
    key(window, Qt.Key.Key_Return)  # the current card is not in this stage: its first card
    last = layout.stages[window.session.doc.stages[-1].id]
    assert presentation.spotlit == S.cards_in(layout, QRectF(*last.column))[0]
    key(window, Qt.Key.Key_Home)
    key(window, Qt.Key.Key_PageDown)
    assert presentation.spotlit is None and overlay.spot is None
    viewport = window.view.viewport()
    third = layout.cards[cards[2]].rect
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, on_screen(window, QPointF(*third.center)))
    assert presentation.spotlit == cards[2]
    cell = layout.cells[(stage, window.session.doc.lanes[0].id)]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE,
                     on_screen(window, QPointF(cell.x + cell.w / 2, cell.bottom - 4)))  # no card there
    assert presentation.spotlit is None
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, on_screen(window, QPointF(*third.center)))
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, on_screen(window, QPointF(*third.center)))
    assert presentation.spotlit is None  # the same card again: off
    key(window, Qt.Key.Key_Return)
    key(window, Qt.Key.Key_PageDown)  # the next step lights the step again
    assert presentation.spotlit is None and overlay.spot is None
    assert window.scene.selectedItems() == []  # the clicks selected nothing


def test_no_key_or_click_changes_the_map_while_presenting(window, qtbot):
    doc = window.session.doc
    before, steps = doc.model_dump(), window.session.undo_stack.count()
    present(window, qtbot)
    key(window, Qt.Key.Key_PageDown)
    QTest.keyClicks(window.view, "ahoj")
    ctrl, alt, shift = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                        Qt.KeyboardModifier.ShiftModifier)
    for chord in ((Qt.Key.Key_Delete, NONE), (Qt.Key.Key_F2, NONE), (Qt.Key.Key_Insert, NONE), (Qt.Key.Key_V, ctrl),
                  (Qt.Key.Key_D, ctrl), (Qt.Key.Key_1, alt), (Qt.Key.Key_T, ctrl | shift), (Qt.Key.Key_Z, ctrl)):
        key(window, *chord)
    box = window.scene.layout.cards[doc.cards[0].id].rect
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, NONE,
                      on_screen(window, QPointF(*box.center)))
    assert window.scene.interaction is None and window.scene.editor is None
    assert window.presentation.active and window.session.undo_stack.count() == steps
    assert doc.model_dump() == before


def test_the_countdown_counts_down_turns_amber_then_red_and_stays_across_steps(window, qtbot):
    present(window, qtbot)
    countdown, overlay = window.presentation.countdown, window.presentation.overlay
    now = [1000.0]
    countdown.clock = lambda: now[0]
    key(window, Qt.Key.Key_Minus)  # 5 minutes → 3, shown, not started
    assert countdown.shown and not countdown.running and countdown.text() == "03:00"
    key(window, Qt.Key.Key_Plus)
    key(window, Qt.Key.Key_T)
    assert countdown.running and countdown.text() == "05:00"

    def badge() -> QColor:
        rect = overlay._badge_rect()
        return overlay.grab().toImage().pixelColor(rect.left() + rect.height() // 2, rect.top() + 4)

    dark = badge()
    now[0] += 4 * 60 + 1
    countdown.tick()
    key(window, Qt.Key.Key_PageDown)
    assert countdown.running and countdown.text() == "00:59" and badge() == AMBER
    key(window, Qt.Key.Key_Plus)
    assert countdown.text() == "01:59"
    now[0] += 119.1
    countdown.tick()
    assert countdown.text() == "00:00" and countdown.flashing() and badge() != dark
    now[0] += 0.3
    assert not countdown.flashing() and badge() == RED
    key(window, Qt.Key.Key_T)
    assert not countdown.shown and not countdown.running


def test_the_countdown_runs_on_the_clock(window, qtbot):
    present(window, qtbot)
    countdown = window.presentation.countdown
    with qtbot.waitSignal(countdown.changed):
        countdown.start(0.4)
    assert countdown.text() == "00:01"
    qtbot.waitUntil(lambda: countdown.text() == "00:00", timeout=3000)


def test_escape_gives_back_the_window_exactly_as_it_was(window, qtbot):
    view, scene, doc = window.view, window.scene, window.session.doc
    window.resize(1300, 850)
    window._named("overview").hide()
    window._named("personas").raise_()
    view.set_zoom(0.8)
    view.horizontalScrollBar().setValue(137)
    view.verticalScrollBar().setValue(91)
    scene.select_cards([doc.cards[3].id, doc.cards[5].id])
    qtbot.wait(20)
    before = {"zoom": view.zoom(), "scroll": (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
              "selected": set(scene.selectedItems()), "spot": scene.current.spot, "size": window.size(),
              "docks": {d.name: (d.isVisible(), d.isHidden()) for d in window.docks}, "focus": window.focusWidget(),
              "scene rect": view.sceneRect(), "frame": scene.current.frame.isVisible()}
    assert before["scroll"] == (137, 91) and len(before["selected"]) == 2

    def now():
        return {"zoom": view.zoom(), "scroll": (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
                "selected": set(scene.selectedItems()), "spot": scene.current.spot, "size": window.size(),
                "docks": {d.name: (d.isVisible(), d.isHidden()) for d in window.docks}, "focus": window.focusWidget(),
                "scene rect": view.sceneRect(), "frame": scene.current.frame.isVisible()}

    present(window, qtbot)
    assert scene.selectedItems() == [] and not scene.current.frame.isVisible()
    for step in (Qt.Key.Key_PageDown, Qt.Key.Key_L, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_T):
        key(window, step)
    key(window, Qt.Key.Key_Escape)
    assert not window.presentation.active and not window.isFullScreen()
    qtbot.waitUntil(lambda: now() == before)
    assert not window.menuBar().isHidden() and not window.statusBar().isHidden() and window.toolbar.isVisible()
    assert not window.presentation.overlay.isVisible() and not window.presentation.countdown.running
    key(window, Qt.Key.Key_Right)  # the keys are the map's again
    assert scene.current.spot != before["spot"]


def test_a_maximized_window_is_maximized_again(window, qtbot):
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    size = window.size()
    present(window, qtbot)
    key(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.isMaximized() and not window.isFullScreen() and window.size() == size)


def test_shift_f5_starts_at_the_current_cells_stage(window, qtbot):
    doc, scene = window.session.doc, window.scene
    card = next(c for c in doc.cards if c.stage == doc.stages[2].id)
    scene.select_cards([card.id])
    qtbot.waitUntil(lambda: scene.current.card == card.id)
    key(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.presentation.overlay.caption == doc.stages[2].name


def test_closing_the_window_while_presenting_remembers_its_own_layout(window, qtbot, open_window):
    window.remember_layout = True
    present(window, qtbot)
    window.close()
    assert not window.presentation.active
    assert not window.menuBar().isHidden() and not window._named("inspector").isHidden()
    again = open_window(load(TEMPLATE))  # laid out as the last window was left
    qtbot.waitExposed(again)
    assert again.toolbar.isVisible() and again._named("inspector").isVisible() and not again.isFullScreen()


def test_present_command_opens_the_map_read_only_in_presentation(tmp_path, capsys, qapp):
    shot = tmp_path / "present.png"
    assert main(["present", str(TEMPLATE), "--screenshot", str(shot), "--size", "1280x720"]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)
    corner = image.pixelColor(640, 2)  # the map's margin above the whole map, where the menu bar would be
    assert corner == QColor("#FFFFFF")
    broken = tmp_path / "broken.cjm"
    broken.write_text("{", encoding="utf-8")
    code = main(["present", str(broken)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith(f"{broken}: line ") and len(err.splitlines()) == 1
    assert main(["present"]) == 2


def test_present_command_without_a_display_says_so(monkeypatch, capsys):
    monkeypatch.setattr("sys.platform", "linux")
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    assert main(["present", str(TEMPLATE)]) == 1
    assert "no display" in capsys.readouterr().err


class FakeScreen:
    def __init__(self, name: str):
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_presentation_goes_to_the_projector_or_the_screen_chosen(monkeypatch):
    laptop, projector, third = FakeScreen("eDP-1"), FakeScreen("HDMI-1"), FakeScreen("")

    class Window:
        def screen(self):
            return laptop

    screens = [laptop]
    monkeypatch.setattr(QGuiApplication, "screens", lambda: screens)
    assert presentation_screen(Window()) is laptop
    screens.append(projector)
    assert presentation_screen(Window()) is projector  # two screens: the one the window is not on
    assert presentation_screen(Window(), "eDP-1") is laptop
    assert presentation_screen(Window(), "gone") is projector
    screens.append(third)
    assert presentation_screen(Window()) is laptop and presentation_screen(Window(), "#3") is third


def test_preferences_choose_the_screen_and_help_lists_the_keys(window):
    dialog = Preferences(window.settings, window)
    screens = QGuiApplication.screens()
    assert dialog.present_on.count() == 1 + len(screens) and dialog.present_on.currentData() == ""
    dialog.present_on.setCurrentIndex(1)
    dialog.accept()
    assert window.settings.value(SCREEN_SETTING) == screen_key(screens[0], 0)
    assert Preferences(window.settings, window).present_on.currentIndex() == 1
    assert presentation_screen(window, screen_key(screens[0], 0)) is screens[0]
    window.settings.set_value(SCREEN_SETTING, "")
    table = shortcuts_table(window.findChildren(QAction))
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Presentation: lane by lane on or off"] == "L" and rows["Present"] == "F5"
