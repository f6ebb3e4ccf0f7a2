"""Workshop → Invite participants in a window: a real room server on loopback, its QR code, cards,
comments and ballots sent over HTTP arriving through the bridge into the map, the map's changes
published to the room, and the room closing with Stop and with the window."""

import json
import socket
import threading
import urllib.error
import urllib.request
from datetime import UTC, datetime

import pytest
import zxingcpp
from PySide6.QtGui import QImage, QPixmap

from cjm_designer.io import dumps, load
from cjm_designer.model import InboxCard, Vote
from cjm_designer.room.addresses import Address
from cjm_designer.ui import workshop
from cjm_designer.ui.main_window import MainWindow
from cjm_designer.ui.workshop import arrival_message, qr_pixmap

from .conftest import small_map


def call(url: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode())
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def window(qtbot, tmp_path):
    doc = small_map()
    doc.add_vote(Vote(id="vote-1", name="Что мешает?", lanes=["buyer"], dots=3,
                      started=datetime(2026, 12, 2, 10, 0, tzinfo=UTC)))
    path = tmp_path / "map.cjm"
    path.write_bytes(dumps(doc))
    window = MainWindow(load(path), path, remember_layout=False)
    qtbot.addWidget(window)
    window.settings.set_value("workshop/host", "127.0.0.1")  # loopback, not the LAN, in tests
    window.show()
    yield window
    window.settings.set_value("workshop/host", "")
    window.stop_room()


def test_invite_opens_a_room_with_a_qr_code_and_cards_sent_arrive_in_the_inbox(window, qtbot, monkeypatch):
    monkeypatch.setattr(workshop, "AUTOSAVE_MS", 50)  # not 2 s
    window.invite_action.trigger()
    room, dialog = window.workshop.room, window.workshop.dialog
    assert room.is_open() and room.url.startswith("http://127.0.0.1:") and dialog.isVisible()
    assert read_qr(dialog.code.pixmap()) == [room.url] and dialog.code.pixmap().width() >= 250
    assert dialog.address.text() == room.url
    assert window.docks[5].isVisible()  # the Inbox, in front
    sent = []
    thread = threading.Thread(target=lambda: sent.extend(
        call(room.url + "api/cards", {"stage": "s1", "lane": "seller", "title": f"Card {i}", "author": "Оля"})[0]
        for i in range(5)))
    thread.start()
    qtbot.waitUntil(lambda: len(window.session.doc.inbox) == 5, timeout=5000)
    thread.join()
    assert sent == [201] * 5 and [c.title for c in window.session.doc.inbox] == [f"Card {i}" for i in range(5)]
    assert window.session.undo_stack.count() == 0 and window.inbox.list.count() == 5
    assert window.docks[5].windowTitle() == "Inbox (5)"
    said = window.statusBar().currentMessage()  # of the last burst: one card, or several
    assert said == arrival_message(["Оля"]) == "New card from Оля" or said.endswith(" new cards in the Inbox")
    qtbot.waitUntil(lambda: dialog.count.text() == "5 cards received", timeout=2000)
    copy = window.files.autosaver.copy  # autosaved soon after they came, a crash would not lose them
    qtbot.waitUntil(lambda: copy.exists() and len(load(copy).inbox) == 5, timeout=3000)


def test_the_map_changes_reach_the_room_and_comments_and_ballots_reach_the_map(window, qtbot):
    window.invite_participants()
    room, doc = window.workshop.room, window.session.doc
    window.scene.edits.set_fields("stage", {"s0": {"name": "Поиск"}})
    qtbot.waitUntil(lambda: call(room.url + "api/map")[1]["stages"][0]["name"] == "Поиск", timeout=3000)
    assert call(room.url + "api/comments", {"card": "a", "author": "Оля", "text": "И у меня"})[0] == 201
    qtbot.waitUntil(lambda: [c.text for c in doc.card("a").comments] == ["И у меня"], timeout=3000)
    status, totals = call(room.url + "api/votes", {"vote": "vote-1", "voter": "v1", "counts": {"a": 2, "c": 1}})
    assert status == 200 and totals["counts"] == {"a": 2, "c": 1}
    qtbot.waitUntil(lambda: doc.vote("vote-1").counts == {"a": 2, "c": 1}, timeout=3000)
    assert doc.vote("vote-1").voters == 1 and window.session.undo_stack.count() == 1  # the rename alone
    qtbot.waitUntil(lambda: call(room.url + "api/map")[1]["cards"][0]["comments"] == 1, timeout=3000)


def test_stop_and_closing_the_window_close_the_room(window, qtbot):
    window.invite_participants()
    room = window.workshop.room
    port = room.server.port
    window.workshop.dialog.stop_button.click()
    assert not room.is_open() and not listening(port) and not window.workshop.dialog.isVisible()
    window.invite_participants()  # a new room, with a new address
    assert window.workshop.room is not room and window.workshop.room.url != room.url
    port = window.workshop.room.server.port
    assert listening(port)
    window.session.undo_stack.setClean()  # nothing to ask about on closing
    assert window.close()
    assert not listening(port)


def read_qr(pixmap: QPixmap) -> list[str]:
    """What a QR reader (zxing-cpp, as in phones' scanners) reads off the picture."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(image.constBits())[:image.bytesPerLine() * image.height()]
    view = zxingcpp.ImageView(data, image.width(), image.height(), zxingcpp.ImageFormat.Lum, image.bytesPerLine())
    return [code.text for code in zxingcpp.read_barcodes(view)]


def test_qr_code_is_plain_black_and_white_large_and_reads_as_the_address():
    url = "http://192.168.1.23:54321/Xq2v9hT0aB_k3LmN/"
    image = qr_pixmap(url).toImage()
    assert 280 <= image.width() <= 340 and image.width() == image.height()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert colours == {"#000000", "#ffffff"}
    assert read_qr(qr_pixmap(url)) == [url]


def test_a_crowd_of_cards_is_taken_in_by_bursts_each_one_notification(window, qtbot):
    window.invite_participants()
    room = window.workshop.room
    notified = []
    window.session.changed.connect(lambda change: notified.append(change.kinds))
    received = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    crowd = threading.Thread(target=lambda: [room.bridge.card_received(InboxCard(
        id=f"inbox-{i}", stage="s0", lane="buyer", title=f"Card {i}", received=received)) for i in range(250)])
    crowd.start()
    crowd.join()  # all waiting at once: 100 a turn of the event loop
    qtbot.waitUntil(lambda: len(window.session.doc.inbox) == 250, timeout=5000)
    assert notified == [{"inbox"}] * 3 and room.received == 250


def test_the_network_is_picked_in_the_invitation_remembered_and_the_room_moves_there(window, qtbot, monkeypatch):
    wifi = Address("127.0.0.2", "wlp2s0", kind=workshop.WIFI)  # a loopback address stands in for the Wi-Fi's
    vpn = Address("127.0.0.3", "tun0")
    monkeypatch.setattr(workshop, "laptop_addresses", lambda: [wifi, vpn])
    window.invite_participants()
    room, dialog = window.workshop.room, window.workshop.dialog
    combo = dialog.network
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "127.0.0.2 — Wi-Fi (wlp2s0)", "127.0.0.3 — VPN or virtual (tun0)",
        "This laptop only (127.0.0.1) — for a rehearsal"]
    assert combo.currentData() == "127.0.0.1" and room.url.startswith("http://127.0.0.1:")  # the setting
    assert "This laptop only" in dialog.how.text() and dialog.moved_note.isHidden()
    old_url, port = room.url, room.server.port
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert room.is_open() and room.url == old_url.replace("127.0.0.1", "127.0.0.2")
    assert window.settings.value("workshop/host") == "127.0.0.2"
    assert dialog.address.text() == room.url and read_qr(dialog.code.pixmap()) == [room.url]
    assert not dialog.moved_note.isHidden() and "scan the code" in dialog.how.text()
    assert not listening(port) and call(room.url + "api/map")[0] == 200
    window.stop_room()
    window.invite_participants()  # the next room opens where the last one was moved to
    assert window.workshop.room.url.startswith("http://127.0.0.2:")
    assert window.workshop.dialog.network.currentData() == "127.0.0.2"


def test_a_network_the_room_cannot_move_to_is_said_and_the_room_stays(window, qtbot, monkeypatch, boxes):
    monkeypatch.setattr(workshop, "laptop_addresses", lambda: [Address("192.0.2.254", "eth9")])  # not this machine's
    window.invite_participants()
    room, dialog = window.workshop.room, window.workshop.dialog
    url = room.url
    dialog.network.activated.emit(0)
    assert len(boxes.shown) == 1 and "192.0.2.254" in boxes.shown[0].text()
    assert room.url == url and call(url + "api/map")[0] == 200
    assert dialog.network.currentData() == "127.0.0.1" and dialog.moved_note.isHidden()
    assert window.settings.value("workshop/host") == "127.0.0.1"  # not remembered


def test_the_laptop_s_addresses_are_ipv4_without_loopback_each_with_its_interface():
    addresses = workshop.laptop_addresses()
    for address in addresses:
        socket.inet_aton(address.ip)
        assert not address.ip.startswith("127.") and address.interface
    assert len({a.ip for a in addresses}) == len(addresses)
