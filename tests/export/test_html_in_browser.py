"""The interactive HTML page in a real browser (Debian's chromium, driven by selenium), opened from a
file as a client opens an e-mail attachment: every card is there, a click shows its details, the heat
map tints and "show only" fades the cards, the zoom buttons work, a Russian map speaks Russian, and
the page asks the network for nothing."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from cjm_designer.io import load
from cjm_designer.layout import palette
from cjm_designer.map_export import export_map
from cjm_designer.model.analytics import heat_values
from cjm_designer.paths import templates_dir
from tests.browser import headless_chromium

DESKTOP = (1280, 800)
WAIT = 10


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module."""
    driver = headless_chromium(tmp_path_factory.mktemp("chromium-profile"), DESKTOP)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    made = {}
    for language in ("en", "ru"):
        doc = load(templates_dir() / f"window-installation.{language}.cjm")
        export_map(doc, "html", folder / f"{language}.html")
        made[language] = doc, folder / f"{language}.html"
    return made


def open_page(browser, path):
    browser.get_log("browser")  # what earlier tests left in the log
    browser.get(path.as_uri())
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#hits rect"))


def cards(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#hits rect")


def test_every_card_is_on_the_page_and_a_click_shows_its_details(browser, pages):
    doc, path = pages["en"]
    open_page(browser, path)
    assert browser.execute_script("return [...document.querySelectorAll('#hits rect')].map(r => r.dataset.id)") \
        == [card.id for card in doc.cards]
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#hits rect')].map(r => { r.dispatchEvent(new MouseEvent('click'));"
        " return document.querySelector('#tab-details .card-title').textContent; })")
    assert titles == [card.title or card.id for card in doc.cards]
    card = next(c for c in doc.cards if c.channel == "phone")
    target = next(r for r in cards(browser) if r.get_attribute("data-id") == card.id)
    browser.find_element(By.ID, "zoom-fit").click()  # the whole map in sight: the clicks above moved it
    target.click()
    details = browser.find_element(By.ID, "tab-details")
    assert details.is_displayed() and card.title in details.text and "Phone call" in details.text
    stage = next(s.name for s in doc.stages if s.id == card.stage)
    assert f"Stage\n{stage}" in details.text
    assert "selected" in target.get_attribute("class")


def test_heat_map_tints_the_cards_and_show_only_fades_the_rest(browser, pages):
    doc, path = pages["en"]
    open_page(browser, path)
    Select(browser.find_element(By.ID, "heat")).select_by_value("quality")
    assert browser.find_element(By.ID, "legend").is_displayed()
    fills = browser.execute_script("return [...document.querySelectorAll('#hits rect')].map(r => r.style.fill)")
    measured = heat_values(doc, "quality")
    for card, fill in zip(doc.cards, fills):
        if card.id in measured:
            colour = palette.heat_color(measured[card.id], 0.55)
            assert fill == "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))
    Select(browser.find_element(By.ID, "filter-field")).select_by_value("channel")
    Select(browser.find_element(By.ID, "filter-value")).select_by_visible_text("Phone call")
    phoned = sum(card.channel == "phone" for card in doc.cards)
    faded = browser.execute_script("return document.querySelectorAll('#hits rect.faded').length")
    assert faded == len(doc.cards) - phoned
    assert browser.find_element(By.ID, "filter-count").text == f"{phoned} of {len(doc.cards)} cards"


def test_zoom_buttons_change_the_view(browser, pages):
    open_page(browser, pages["en"][1])

    def scale():
        return browser.execute_script("const board = document.getElementById('board');"
                                      "return new DOMMatrix(getComputedStyle(board).transform).a")

    start = scale()
    browser.find_element(By.ID, "zoom-in").click()
    assert scale() == pytest.approx(start * 1.25, rel=1e-4)
    browser.find_element(By.ID, "zoom-out").click()
    browser.find_element(By.ID, "zoom-out").click()
    assert scale() == pytest.approx(start / 1.25, rel=1e-4)
    browser.find_element(By.ID, "zoom-fit").click()
    assert browser.execute_script("const [board, view] = ['board', 'viewport'].map(i => document.getElementById(i));"
                                  "return board.getBoundingClientRect().width <= view.clientWidth")


def test_a_russian_map_gives_a_russian_page(browser, pages):
    doc, path = pages["ru"]
    open_page(browser, path)
    tabs = [tab.text for tab in browser.find_elements(By.CSS_SELECTOR, "[data-tab]")]
    assert tabs == ["Карточка", "Воронка", "Персоны", "Этапы"]
    options = [o.text for o in Select(browser.find_element(By.ID, "heat")).options]
    assert options[:2] == ["Выкл.", "Качество контакта"]
    assert browser.find_element(By.ID, "map-title").text == doc.meta.title
    browser.find_element(By.CSS_SELECTOR, "[data-tab=funnel]").click()
    assert doc.stages[0].name in browser.find_element(By.ID, "tab-funnel").text


def test_a_large_maps_packed_drawing_is_unpacked_by_the_page(browser, pages, tmp_path):
    from cjm_designer.export.html_page import to_html

    doc, _ = pages["en"]
    path = tmp_path / "packed.html"
    path.write_bytes(to_html(doc, inline_limit=0)[0])
    open_page(browser, path)
    WebDriverWait(browser, WAIT).until(lambda b: b.execute_script("return !!document.querySelector('#drawing svg')"))
    assert browser.execute_script("return document.querySelector('#drawing svg').getBBox().width") > 100
    assert doc.cards[0].title.split()[0] in browser.find_element(By.ID, "drawing").get_attribute("textContent")


def test_the_page_asks_the_network_for_nothing_and_logs_no_error(browser, pages):
    open_page(browser, pages["en"][1])
    browser.find_element(By.CSS_SELECTOR, "[data-tab=personas]").click()
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")] == []


def test_hostile_map_text_stays_text_and_enter_opens_a_focused_card(browser, tmp_path):
    from selenium.webdriver.common.keys import Keys

    from .test_html_page import HOSTILE, hostile_map

    doc = hostile_map()
    path = tmp_path / "hostile.html"
    export_map(doc, "html", path)
    open_page(browser, path)
    assert browser.find_element(By.ID, "map-title").text.startswith(HOSTILE)
    first = cards(browser)[0]
    browser.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.ENTER)
    details = browser.find_element(By.ID, "tab-details")
    assert details.find_element(By.CSS_SELECTOR, ".card-title").text == HOSTILE
    assert "https://example.com/?a=1&b=<i>" in details.text and "[U+202E]evil" in details.text
    assert browser.execute_script("return document.querySelectorAll('a, img, iframe, #tab-details script').length") \
        == 0
    assert browser.execute_script("return document.scripts.length") == 3  # the data, the page's own, the map
