"""The canvas's key contract (issue 13), driven with real key events on the window's canvas: the
current cell, the arrows, typing cards, and a whole stage-by-stage capture with no mouse at all."""

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from cjm_designer.canvas import painting as P
from cjm_designer.canvas.items import CardItem
from cjm_designer.canvas.navigation import Spot
from cjm_designer.canvas.pinned_headers import pins_for
from cjm_designer.model import JourneyMap, Lane, LaneKind, Stage
from cjm_designer.templates import new_map

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier

# Five stages of five buyer actions each, as a facilitator types them while the client talks.
ACTIONS = [
    ["Увидел рекламу", "Зашёл на сайт", "Посмотрел цены", "Прочитал отзывы 😊", "Сохранил в закладки"],
    ["Сравнил с конкурентами", "Спросил друзей", "Написал в чат", "Получил ответ", "Отложил решение"],
    ["Вернулся на сайт", "Выбрал тариф", "Открыл корзину", "Ввёл промокод", "Нажал «Оплатить»"],
    ["Оплатил картой", "Получил письмо", "Скачал приложение", "Вошёл в кабинет", "Настроил профиль"],
    ["Пользуется каждый день", "Оставил отзыв", "Позвал коллегу", "Продлил подписку", "Рекомендует друзьям"],
]


def structure_only_five_stages() -> JourneyMap:
    """The Russian five-stage template's stages and lanes, without its example cards, with a
    buyer-actions lane (third, when the template has none)."""
    template = new_map("five-stages", "ru")
    doc = JourneyMap()
    doc.meta.title = template.meta.title
    for stage in template.stages:
        doc.add_stage(Stage(id=stage.id, name=stage.name))
    for lane in template.lanes:
        doc.add_lane(Lane(id=lane.id, name=lane.name, kind=lane.kind))
    if not any(lane.kind == LaneKind.BUYER_ACTIONS for lane in doc.lanes):
        doc.add_lane(Lane(id="buyer", name="Действия покупателя", kind=LaneKind.BUYER_ACTIONS), 2)
    return doc


class Keys:
    """Real key events on the window's focused widget (through Qt's shortcut handling), counting the
    keys that are not text."""

    def __init__(self, window):
        self.window = window
        self.count = 0

    def press(self, key, modifiers=NONE) -> None:
        self.count += 1
        QTest.keyClick(self.window.focusWidget() or self.window.view, key, modifiers)

    def type(self, text: str) -> None:
        """Each character as a key with its text (QTest.keyClicks speaks ASCII only)."""
        for ch in text:
            key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.window.focusWidget() or self.window.view, key, ch, NONE)


@pytest.fixture
def window(open_window, qtbot):
    window = open_window(structure_only_five_stages())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is window.view)
    return window


def spot(window) -> Spot:
    return window.scene.current.spot


def test_a_new_map_opens_with_the_canvas_focused_on_its_first_card_lane(window):
    doc = window.session.doc
    first_card_lane = next(lane for lane in doc.lanes if lane.kind != LaneKind.EMOTIONS)
    assert window.view.hasFocus()
    assert spot(window) == Spot(doc.stages[0].id, first_card_lane.id)
    frame = window.scene.current.frame
    cell = QRectF(*window.scene.layout.cells[spot(window).cell])
    assert frame.isVisible() and frame.sceneBoundingRect().contains(cell.adjusted(3, 3, -3, -3))
    assert cell.contains(frame.sceneBoundingRect())


def test_twenty_five_cards_in_five_stages_with_no_mouse_and_few_keys(window):
    doc, keys = window.session.doc, Keys(window)
    buyer = next(lane.id for lane in doc.lanes if lane.kind == LaneKind.BUYER_ACTIONS)
    lanes = [lane.id for lane in doc.lanes]
    for _ in range(lanes.index(buyer) - lanes.index(spot(window).lane)):
        keys.press(Qt.Key.Key_Down, CTRL)
    for s, titles in enumerate(ACTIONS):
        if s:
            keys.press(Qt.Key.Key_Right)
        for i, title in enumerate(titles):
            keys.type(title)
            keys.press(Qt.Key.Key_Tab if i < len(titles) - 1 else Qt.Key.Key_Return)

    for stage, titles in zip(doc.stages, ACTIONS, strict=True):
        assert [c.title for c in doc.cards_in(stage.id, buyer)] == titles
    assert len(doc.cards) == 25
    stack = window.session.undo_stack
    assert stack.count() == 25
    assert stack.text(1) == "Add card “Зашёл на сайт”"
    assert keys.count <= 35, keys.count
    last = doc.cards_in(doc.stages[-1].id, buyer)[-1].id
    selected = [item.card_id for item in window.scene.items() if isinstance(item, CardItem) and item.isSelected()]
    assert selected == [last] and spot(window) == Spot(doc.stages[-1].id, buyer, last)


def test_typing_on_a_card_starts_the_next_card_after_it_and_escape_leaves_nothing(window):
    doc, keys = window.session.doc, Keys(window)
    here = spot(window)
    keys.type("Первая")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Третья")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Up)  # on the first card
    keys.type("Вторая")  # typed with a card selected: a new card after it
    keys.press(Qt.Key.Key_Return)
    assert [c.title for c in doc.cards_in(*here.cell)] == ["Первая", "Вторая", "Третья"]
    assert window.session.undo_stack.count() == 3
    keys.type("Лишняя")
    keys.press(Qt.Key.Key_Escape)
    assert window.scene.editor is None and len(doc.cards) == 3 and window.session.undo_stack.count() == 3
    keys.press(Qt.Key.Key_F2)
    keys.type(" карточка")
    keys.press(Qt.Key.Key_Return)
    assert [c.title for c in doc.cards_in(*here.cell)] == ["Первая", "Вторая карточка", "Третья"]


def test_arrows_move_the_current_cell_and_select_what_it_lands_on(window):
    doc, keys = window.session.doc, Keys(window)
    here = spot(window)
    keys.type("Карточка")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_End)
    assert spot(window) == Spot(doc.stages[-1].id, here.lane)
    assert window.scene.selected_cell() == spot(window).cell
    keys.press(Qt.Key.Key_Home)
    card = doc.cards[0].id
    assert spot(window) == Spot(here.stage, here.lane, card) and window.scene.selected_card_ids() == [card]
    keys.press(Qt.Key.Key_Down)
    lanes = [lane.id for lane in doc.lanes]
    assert spot(window) == Spot(here.stage, lanes[lanes.index(here.lane) + 1])
    frame = window.scene.current.frame
    assert frame.sceneBoundingRect().center() == window.scene.cell_items[spot(window).cell].sceneBoundingRect().center()


def test_keys_set_emotion_quality_and_pain_of_the_current_card(window):
    doc, keys = window.session.doc, Keys(window)
    keys.type("Ждёт звонка")
    keys.press(Qt.Key.Key_Return)
    card = doc.cards[0]
    keys.press(Qt.Key.Key_1, ALT)
    keys.press(Qt.Key.Key_4, CTRL | ALT)
    keys.press(Qt.Key.Key_P, ALT)
    card = doc.card(card.id)
    assert (card.emotion, card.quality, card.pain) == (-2, 4, True)
    keys.press(Qt.Key.Key_5, ALT)
    keys.press(Qt.Key.Key_0, CTRL | ALT)
    keys.press(Qt.Key.Key_P, ALT)
    card = doc.card(card.id)
    assert (card.emotion, card.quality, card.pain) == (2, None, False)
    assert window.session.undo_stack.count() == 7  # the card and one step a key


def test_a_deleted_card_gives_the_current_place_to_its_neighbour(window):
    doc, keys = window.session.doc, Keys(window)
    keys.type("Один")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Два")
    keys.press(Qt.Key.Key_Return)
    first, second = (c.id for c in doc.cards)
    keys.press(Qt.Key.Key_Delete)
    assert spot(window).card == first
    window.session.undo_stack.undo()
    window.scene.select_cards([first])
    keys.press(Qt.Key.Key_Delete)
    assert spot(window).card == second


def accent_pixels(window, card_id: str) -> int:
    """How many pixels of the accent colour the window shows on the card's left edge: a selected card
    is outlined in it."""
    view = window.view
    r = window.scene.layout.cards[card_id].rect
    top_left = view.viewport().mapTo(window, view.mapFromScene(r.x, r.y))
    bottom = view.viewport().mapTo(window, view.mapFromScene(r.x, r.y + r.h))
    image = window.screen().grabWindow(window.winId()).toImage()
    return sum(1 for x in range(top_left.x() - 2, top_left.x() + 4) for y in range(top_left.y() + 6, bottom.y() - 6)
               if image.pixelColor(x, y) == P.ACCENT)


def test_cards_typed_one_after_another_do_not_keep_the_selected_look(window, qtbot):
    """The Overview's view on the same scene once left the canvas showing every card typed with Tab as
    selected: each view keeps its own picture of a card."""
    assert window.docks[3].isVisible()
    keys = Keys(window)
    for title in ("Один", "Два", "Три"):
        keys.type(title)
        qtbot.wait(20)
        keys.press(Qt.Key.Key_Tab)
        qtbot.wait(20)
    keys.press(Qt.Key.Key_Escape)
    qtbot.wait(20)
    first, second, third = (c.id for c in window.session.doc.cards)
    assert window.scene.selected_card_ids() == [third]
    assert accent_pixels(window, third) > 10
    assert accent_pixels(window, first) == accent_pixels(window, second) == 0


def test_a_character_typed_with_altgr_goes_into_the_text_not_to_a_shortcut(window):
    """AltGr is Ctrl+Alt on Windows: AltGr+0 types "}" on a German keyboard, and Ctrl+Alt+0 also
    clears a card's contact quality. While a text is open, the character wins."""
    keys = Keys(window)
    keys.type("Цена")
    QTest.sendKeyEvent(QTest.KeyAction.Click, window.focusWidget(), Qt.Key.Key_0, "}", CTRL | ALT)
    keys.press(Qt.Key.Key_Return)
    card = window.session.doc.cards[0]
    assert card.title == "Цена}" and window.session.undo_stack.count() == 1
    keys.press(Qt.Key.Key_3, CTRL | ALT)  # no text open: the shortcut
    assert window.session.doc.card(card.id).quality == 3


def test_each_typed_card_is_one_undo_step_named_after_it(window):
    keys = Keys(window)
    long_title = "Позвонил в колл-центр и долго ждал ответа оператора, потом бросил трубку"
    for title in ("Зашёл на сайт", long_title):
        keys.type(title)
        keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Escape)
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add card “Зашёл на сайт”", f"Add card “{long_title[:39]}…”"]
    assert window.actions_.undo.text() == f"Undo Add card “{long_title[:39]}…”"


def test_new_card_from_the_menu_goes_to_the_current_cell_not_the_first(window):
    doc, keys = window.session.doc, Keys(window)
    keys.press(Qt.Key.Key_End)
    keys.press(Qt.Key.Key_Escape)  # nothing selected: the current cell still counts
    keys.press(Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    keys.type("Из меню")
    keys.press(Qt.Key.Key_Return)
    assert [(c.stage, c.lane, c.title) for c in doc.cards] == [(doc.stages[-1].id, spot(window).lane, "Из меню")]


def test_a_card_reached_by_the_keys_is_shown_clear_of_the_pinned_headers(window):
    doc, keys = window.session.doc, Keys(window)
    for s in range(len(doc.stages)):
        if s:
            keys.press(Qt.Key.Key_Right)
        keys.type(f"Карточка {s + 1}")
        keys.press(Qt.Key.Key_Return)
    view = window.view
    assert pins_for(window.scene.layout, view.visible_scene_rect()) is not None  # scrolled: headers pinned
    for _ in range(len(doc.stages) - 2):
        keys.press(Qt.Key.Key_Left)
        r = window.scene.layout.cards[spot(window).card].rect
        pins = pins_for(window.scene.layout, view.visible_scene_rect())
        corners = (QPointF(r.x, r.y), QPointF(r.x + r.w, r.y + r.h))
        assert view.visible_scene_rect().contains(corners[0]) and view.visible_scene_rect().contains(corners[1])
        assert pins is None or not any(pins.covers(corner) for corner in corners)
