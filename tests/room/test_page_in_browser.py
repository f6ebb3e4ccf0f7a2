"""The participant's page in a real browser (Debian's chromium, driven by selenium through chromedriver)
against a real room server on loopback: what a phone in the workshop sees and sends."""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from cjm_designer.io.cjm import load
from cjm_designer.model import Comment, LaneKind
from cjm_designer.paths import templates_dir
from cjm_designer.room.board import board_of
from cjm_designer.room.rate_limit import RateLimit
from cjm_designer.room.server import RoomServer
from tests.browser import headless_chromium

from .rooms import STARTED, Recorder, call, workshop_map

PHONE = (390, 844)
WAIT = 5  # seconds: everything here happens on loopback


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module, phone-sized."""
    driver = headless_chromium(tmp_path_factory.mktemp("chromium-profile"), PHONE)
    yield driver
    driver.quit()


@pytest.fixture
def open_room(browser):
    """Opens a room for a map on 127.0.0.1 and the page in the browser; each room has its own port,
    so its own origin and a fresh localStorage: every test is a participant's first visit."""
    rooms = []

    def open_(doc):
        recorder = Recorder()
        room = RoomServer(board_of(doc), recorder, host="127.0.0.1", rate=RateLimit(requests=1000))
        rooms.append(room)
        room.start()
        browser.get_log("browser")  # what earlier tests left in the log
        browser.get(room.url)
        return room, recorder

    yield open_
    browser.set_window_size(*PHONE)
    browser.get("about:blank")
    for room in rooms:
        room.stop()


def english_map():
    return load(templates_dir() / "five-stages.en.cjm")


def until(browser, condition, message=""):
    """Waits for `condition`; a live update may draw the page anew between finding an element and reading it."""
    return WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda _: condition(), message)


def text(browser, selector):
    """The text of the element `selector` as seen now, read in one step (no element kept to go stale)."""
    return browser.execute_script("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''",
                                  selector)


def tap(browser, selector):
    """Clicks the element `selector` where a finger would: scrolled to the middle first (the stage bar
    sticks to the top), found again if a live update drew it anew meanwhile."""

    def once():
        element = browser.find_element(By.CSS_SELECTOR, selector)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        return True

    until(browser, once, f"could not tap {selector}")


def texts(browser, selector):
    return browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", selector)


def by_id(browser, id_):
    return browser.find_element(By.ID, id_)


def visible_text(browser, id_):
    element = by_id(browser, id_)
    return element.text if element.is_displayed() else ""


def enter_name(browser, name):
    until(browser, lambda: by_id(browser, "name-input").is_displayed(), "the page never asked for a name")
    by_id(browser, "name-input").send_keys(name)
    tap(browser, "#name-form button[type=submit]")
    until(browser, lambda: by_id(browser, "workspace").is_displayed(), "the name did not lead to the map")


def press(browser, card_id, which):
    """One dot on (`plus`) or off (`minus`) a card of the vote: the row is drawn anew after each press."""
    tap(browser, f'#vote-cards [data-card="{card_id}"] .{which}')


def settle(recorder):
    """A moment for a duplicate send to arrive, if the page made one."""
    time.sleep(0.3)
    with recorder.lock:
        return list(recorder.cards), list(recorder.ballots), list(recorder.comments)


def test_the_page_shows_the_stages_and_a_card_sent_arrives_once(open_room, browser):
    doc = english_map()
    room, recorder = open_room(doc)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    enter_name(browser, "Olga")
    assert texts(browser, "#stage-list .stage-name") == [s.name for s in doc.stages]
    assert by_id(browser, "map-title").text == doc.meta.title

    decision, pains = doc.stages[2], next(lane for lane in doc.lanes if lane.kind == LaneKind.PAIN_POINTS)
    tap(browser, f'#stage-list [data-stage="{decision.id}"]')
    assert texts(browser, '#stage-list [aria-checked="true"] .stage-name') == [decision.name]
    assert decision.name in by_id(browser, "add-heading").text
    assert "Emotions" not in texts(browser, "#lane-list .lane-chip")  # a score on a curve, not a text
    tap(browser, f'#lane-list .lane-chip:has(input[value="{pains.id}"])')
    by_id(browser, "card-text").send_keys("The delivery price shows only at checkout")
    assert by_id(browser, "card-counter").text == "41 / 500"
    tap(browser, "#send-card")
    until(browser, lambda: "Sent!" in by_id(browser, "card-status").text, "no confirmation")

    cards, _, _ = settle(recorder)
    assert [(c.stage, c.lane, c.title, c.author) for c in cards] == [
        (decision.id, pains.id, "The delivery price shows only at checkout", "Olga")]
    assert by_id(browser, "card-text").get_attribute("value") == ""
    mine = by_id(browser, "mine-list").text
    assert "The delivery price shows only at checkout" in mine and "waiting for the facilitator" in mine


def test_a_russian_map_gets_a_russian_page_and_the_name_is_kept(open_room, browser):
    room, recorder = open_room(workshop_map())
    until(browser, lambda: by_id(browser, "name-heading").text == "Добро пожаловать на воркшоп")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    enter_name(browser, "Оля")
    assert by_id(browser, "send-card").text == "Отправить"
    assert by_id(browser, "whoami-text").text == "Вы — Оля."
    browser.refresh()  # the second visit of the same phone: no question
    until(browser, lambda: by_id(browser, "workspace").is_displayed())
    assert not by_id(browser, "name-step").is_displayed()
    assert by_id(browser, "add-heading").text == "Добавить карточку в этап «Поиск»"


def test_map_text_is_shown_as_text_never_as_markup(open_room, browser):
    doc = workshop_map()
    doc.meta.title = "<i>Карта</i>"
    doc.stages[0].name = "<b>Поиск</b>"
    doc.cards[2].title = '<img src="x" onerror="document.title=1">Ищет'
    room, _ = open_room(doc)
    enter_name(browser, "<script>x</script>")
    assert by_id(browser, "map-title").text == "<i>Карта</i>"
    assert texts(browser, "#stage-list .stage-name")[0] == "<b>Поиск</b>"
    assert text(browser, '#board-lanes [data-card="c-3"] .card-title') == '<img src="x" onerror="document.title=1">Ищет'
    assert by_id(browser, "whoami-text").text == "Вы — <script>x</script>."
    assert browser.execute_script("return document.body.querySelectorAll('img, b, i, script').length") == 0


def test_dots_are_allocated_and_the_ballot_arrives_and_can_be_changed(open_room, browser):
    room, recorder = open_room(workshop_map())
    enter_name(browser, "Оля")
    until(browser, lambda: by_id(browser, "vote").is_displayed(), "the running vote is not shown")
    assert "Что болит?" in by_id(browser, "vote-heading").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#vote-cards .vote-row")
    assert [row.get_attribute("data-card") for row in rows] == ["c-1", "c-2"]  # the voted lane's cards only
    # Under their stages' names, each said once, as on the map; the stage is in the row for a screen reader.
    # Under their stages' names, each said once, as on the map; the stage is in the row for a screen reader.
    assert [line.split("\n")[:2] for line in texts(browser, "#vote-cards > li")] == \
        [["ПОИСК"], ["Долго грузится", "Поиск"], ["ВЫБОР"], ["Нет доставки", "Выбор"]]
    assert browser.execute_script("return document.querySelector('#vote-cards .vote-group').ariaHidden") == "true"
    assert by_id(browser, "dots-left").text == "Осталось точек: 3"

    press(browser, "c-1", "plus")
    press(browser, "c-1", "plus")
    press(browser, "c-2", "plus")
    assert by_id(browser, "dots-left").text == "Точек не осталось"
    assert all(not button.is_enabled() for button in browser.find_elements(By.CSS_SELECTOR, "#vote-cards .plus"))
    browser.execute_script("document.querySelector('#vote-cards .plus').click()")  # a disabled button does nothing
    assert text(browser, '#vote-cards [data-card="c-2"] .dot-count') == "1"

    tap(browser, "#send-ballot")
    until(browser, lambda: "учтены" in by_id(browser, "vote-status").text, "no confirmation of the ballot")
    _, ballots, _ = settle(recorder)
    assert len(ballots) == 1
    vote_id, voter, counts = ballots[0]
    assert (vote_id, counts) == ("vote-1", {"c-1": 2, "c-2": 1})
    assert "всего 2" in text(browser, '#vote-cards [data-card="c-1"]')

    press(browser, "c-1", "minus")  # moving a dot, and sending again, replaces the ballot
    tap(browser, "#send-ballot")
    until(browser, lambda: len(recorder.ballots) == 2)
    assert recorder.ballots[1] == ("vote-1", voter, {"c-1": 1, "c-2": 1})
    until(browser, lambda: "всего 1" in text(browser, '#vote-cards [data-card="c-1"]'))

    # Another participant votes: the totals change on this phone without a reload (the WebSocket).
    status, _, _ = call(room.url + "api/votes", {"vote": "vote-1", "voter": "someone-else", "counts": {"c-1": 3}})
    assert status == 200
    until(browser, lambda: "всего 4" in text(browser, '#vote-cards [data-card="c-1"]'), "live totals did not arrive")
    assert "Уже проголосовали: 2" in text(browser, "#vote")


def test_a_vote_whose_time_is_up_takes_no_more_dots(open_room, browser):
    room, _ = open_room(workshop_map(vote_ends=STARTED))
    enter_name(browser, "Оля")
    until(browser, lambda: by_id(browser, "vote").is_displayed())
    assert by_id(browser, "vote-ends").text == "Голосование закончилось."
    buttons = browser.find_elements(By.CSS_SELECTOR, "#vote-cards button, #send-ballot")
    assert buttons and not any(button.is_enabled() for button in buttons)


def test_a_comment_on_a_card_arrives_and_a_live_update_does_not_interrupt_typing(open_room, browser):
    doc = workshop_map()
    room, recorder = open_room(doc)
    enter_name(browser, "Оля")
    card = '#board-lanes [data-card="c-3"]'
    assert text(browser, card).startswith("Ищет в поиске")
    tap(browser, card + " .card-button")
    box = browser.find_element(By.CSS_SELECTOR, card + " textarea")
    box.send_keys("У меня так")
    doc.cards[2].comments.append(Comment(id="k-1", author="Ведущий", text="Часто", created=STARTED))
    room.publish(board_of(doc))  # someone else's comment arrives while this one is typed
    time.sleep(0.3)
    ActionChains(browser).send_keys(" же").perform()  # typed on: into what has the focus, still the box
    assert box.get_attribute("value") == "У меня так же"
    tap(browser, card + " button[type=submit]")
    until(browser, lambda: "Комментарий отправлен" in text(browser, card + " .status"))
    _, _, comments = settle(recorder)
    assert [(card_id, c.author, c.text) for card_id, c in comments] == [("c-3", "Оля", "У меня так же")]
    tap(browser, "#add-heading")  # leaving the comment box shows what waited
    until(browser, lambda: "1 комментарий" in text(browser, card + " .card-comments"))


def test_the_map_changes_live_and_an_offline_send_keeps_the_text(open_room, browser):
    doc = workshop_map()
    room, recorder = open_room(doc)
    enter_name(browser, "Оля")
    until(browser, lambda: by_id(browser, "connection").get_attribute("data-state") == "live")
    doc.stages[0].name = "Поиск в интернете"
    room.publish(board_of(doc))
    until(browser, lambda: "Поиск в интернете" in by_id(browser, "stage-list").text, "the board was not pushed")

    room.stop()  # the facilitator's laptop went away
    by_id(browser, "card-text").send_keys("Не нашёл доставку")
    tap(browser, "#send-card")
    until(browser, lambda: "Нет связи с ноутбуком ведущего" in visible_text(browser, "problem"))
    assert by_id(browser, "card-text").get_attribute("value") == "Не нашёл доставку"
    assert recorder.cards == []


def test_without_a_websocket_the_page_keeps_up_by_asking_every_few_seconds(open_room, browser):
    hidden = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                     {"source": "window.WebSocket = undefined;"})  # a proxy that refuses them
    try:
        doc = workshop_map()
        room, _ = open_room(doc)
        enter_name(browser, "Оля")
        until(browser, lambda: by_id(browser, "connection").get_attribute("data-state") == "polling")
        doc.stages[1].name = "Сравнение"
        room.publish(board_of(doc))
        WebDriverWait(browser, 8).until(lambda _: "Сравнение" in text(browser, "#stage-list"), "no polling")
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", hidden)


def test_the_page_asks_nothing_of_any_other_origin(open_room, browser):
    room, recorder = open_room(english_map())
    enter_name(browser, "Olga")
    by_id(browser, "card-text").send_keys("Too many forms")
    tap(browser, "#send-card")
    tap(browser, "#board-lanes .card-button")
    until(browser, lambda: len(recorder.cards) == 1)

    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat(performance.getEntriesByType('navigation').map(e => e.name))")
    assert resources and all(name.startswith(room.url) for name in resources), resources
    problems = [entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert problems == []  # no refused request, no CSP violation, no script error
    status, headers, _ = call(room.url)
    assert status == 200 and "default-src 'self'" in headers["Content-Security-Policy"]


def test_a_wrong_token_gets_no_page(open_room, browser):
    room, _ = open_room(english_map())
    wrong = room.url.replace(room.token, "not-the-token-1")
    browser.get(wrong)
    assert browser.find_elements(By.ID, "card-form") == []
    assert "403" in browser.find_element(By.TAG_NAME, "body").text  # Chromium's own error page
    assert call(wrong)[0] == 403 and call(wrong)[2] == b""


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)])
def test_the_page_fits_the_screen_with_large_tap_targets(open_room, browser, size):
    browser.set_window_size(*size)
    room, _ = open_room(english_map())
    enter_name(browser, "Olga")
    width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways at {size}"
    small = browser.execute_script("""
        return [...document.querySelectorAll('button, .lane-chip, input[type=text], textarea')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.id || e.className, e.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)""")
    assert small == []
