"""Workshop → Invite participants: the room's server (room/server.py) beside the window, its
invitation (a QR code and the short address), and the bridge that brings what the room sends into
the map through the editor.

The server calls `RoomEvents` on its own thread; the bridge only queues what arrived and wakes the
window's thread, which takes in everything that came in the last BURST_MS at once (one notification,
one look at the Inbox), so fifty phones sending at once never stall the window. The other way, every
change of what participants see (stages, lanes, cards, votes, the title) is published to them, at most
once per PUBLISH_MS."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

import segno
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, DocumentSession, Editor
from ..model import Comment, InboxCard
from ..model.document import ElementKind
from ..room.addresses import LOOPBACK, Address, chosen, offered
from ..room.board import board_of
from ..room.rate_limit import RateLimit
from ..room.server import RoomServer
from .document_files import DocumentFiles
from .messages import critical
from .retranslated import Retranslated
from .settings import Settings

BURST_MS = 50
BURST_CARDS = 100  # taken in at once at most; more wait for the next turn of the event loop
PUBLISH_MS = 150
AUTOSAVE_MS = 2000
# what the board shows of the map
SHOWN = (ElementKind.STAGE, ElementKind.LANE, ElementKind.CARD, ElementKind.VOTE, ElementKind.META)
QR_SIZE = 320  # pixels, about: big enough for a phone across a table
WIFI, ETHERNET = "wifi", "ethernet"  # an Address's kind, named in the interface's language when shown


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Workshop", text, None, n)


class RoomBridge(QObject):
    """`RoomEvents` for the window: called on the server's thread, it keeps what arrived under a lock
    and signals the window's thread (queued) the first time something waits."""

    waiting = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._cards: list[InboxCard] = []
        self._comments: list[tuple[str, Comment]] = []
        self._votes: set[str] = set()

    def _add(self, put) -> None:
        with self._lock:
            was_empty = not (self._cards or self._comments or self._votes)
            put()
        if was_empty:
            self.waiting.emit()

    def card_received(self, card: InboxCard) -> None:
        self._add(lambda: self._cards.append(card))

    def ballot_cast(self, vote_id: str, voter: str, counts: dict[str, int]) -> None:
        self._add(lambda: self._votes.add(vote_id))  # the server keeps the ballots; the totals are asked for

    def comment_added(self, card_id: str, comment: Comment) -> None:
        self._add(lambda: self._comments.append((card_id, comment)))

    def take(self, cards: int | None = None) -> tuple[list[InboxCard], list[tuple[str, Comment]], set[str], bool]:
        """What arrived since the last take: the first `cards` cards (all when None), every comment and
        ballot, and whether cards are left."""
        with self._lock:
            taken = self._cards[:cards], self._comments, self._votes
            self._cards, self._comments, self._votes = self._cards[len(taken[0]):], [], set()
            return *taken, bool(self._cards)


class WorkshopRoom(QObject):
    """The room of one window: its server, open from `open()` until `close()` (Stop, or the window
    closing). `arrived` tells the window of new cards (their authors), for its status bar."""

    arrived = Signal(list)
    closed = Signal()
    moved = Signal(str)  # the new invitation URL

    def __init__(self, session: DocumentSession, host: str | None = None, rate: RateLimit | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.edits = Editor(session)
        self.bridge = RoomBridge()
        self.bridge.waiting.connect(self._wait_for_burst, Qt.ConnectionType.QueuedConnection)
        self.server = RoomServer(board_of(session.doc), self.bridge, host=host, rate=rate)
        self.received = 0  # cards, since the room opened
        self._open = False
        self._burst = QTimer(self, singleShot=True)
        self._burst.timeout.connect(self._take_in)
        self._publish = QTimer(self, singleShot=True, interval=PUBLISH_MS)
        self._publish.timeout.connect(lambda: self.server.publish(board_of(self.session.doc)))

    @property
    def url(self) -> str:
        return self.server.url

    def open(self) -> str:
        """Start listening; the invitation URL. OSError when the address cannot be had."""
        url = self.server.start()
        self._open = True
        self.session.changed.connect(self._on_changed)
        return url

    def move(self, host: str) -> str:
        """Listen on another of the laptop's addresses: the new URL. OSError when it cannot be had, and the
        room stays where it was."""
        try:
            return self.server.move(host)
        finally:
            self.moved.emit(self.server.url)

    def close(self) -> None:
        """Stop the server (it answers no one after this) and take in what came before."""
        if not self._open:
            return
        self._open = False
        self.session.changed.disconnect(self._on_changed)
        self.server.stop()
        self._publish.stop()
        self._take_in(everything=True)
        self.closed.emit()

    def is_open(self) -> bool:
        return self._open

    def _on_changed(self, change: Change) -> None:
        """Publish what participants see, once a while; not a vote's new totals, which the server sent
        them itself as the ballots came."""
        if change.kinds == {ElementKind.VOTE} and change.fields and change.fields <= {"counts", "voters"}:
            return
        if any(change.touches(kind) for kind in SHOWN) and not self._publish.isActive():
            self._publish.start()

    def _wait_for_burst(self) -> None:
        if not self._burst.isActive():
            self._burst.start(BURST_MS)

    def _take_in(self, everything: bool = False) -> None:
        """What the room sent since the last time, into the map as one notification; at most BURST_CARDS
        cards, the rest at the next turn of the event loop, so that the window answers in between."""
        self._burst.stop()
        cards, comments, votes, more = self.bridge.take(None if everything else BURST_CARDS)
        if more:
            self._burst.start(0)
        kept = self.edits.take_in_room(cards, comments, {vote_id: self.server.totals(vote_id) for vote_id in votes})
        self.received += len(kept)
        if kept:
            self.arrived.emit([c.author for c in self.session.doc.inbox[-len(kept):]])  # kept go last


def arrival_message(authors: list[str]) -> str:
    """The status bar's word on new cards in the Inbox."""
    if len(authors) == 1:
        return tr("New card from %1").replace("%1", authors[0]) if authors[0] else tr("New card from the room")
    return tr("%n new cards in the Inbox", n=len(authors))


def qr_pixmap(url: str, size: int = QR_SIZE) -> QPixmap:
    """The URL as a QR code about `size` pixels wide: black on white with the quiet zone around it,
    whole modules (no blur), so a phone reads it off a laptop's screen."""
    code = segno.make(url, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(size // modules, 1), border=4, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def laptop_addresses() -> list[Address]:
    """The laptop's IPv4 addresses, best first (room/addresses.py), with their interfaces' names and
    kinds as Qt knows them."""
    types, flags = QNetworkInterface.InterfaceType, QNetworkInterface.InterfaceFlag
    kinds = {types.Wifi: WIFI, types.Ethernet: ETHERNET}
    found = []
    for interface in QNetworkInterface.allInterfaces():
        running = bool(interface.flags() & flags.IsUp) and bool(interface.flags() & flags.IsRunning)
        virtual = interface.type() in (types.Virtual, types.Ppp)
        for entry in interface.addressEntries():
            if entry.ip().protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append(Address(entry.ip().toString(), interface.humanReadableName() or interface.name(),
                                     running, virtual, kinds.get(interface.type(), "")))
    return offered(found)


def address_text(address: Address) -> str:
    """A network as the facilitator picks it: "192.168.1.23 — Wi-Fi (wlp2s0)"."""
    kinds = {WIFI: tr("Wi-Fi"), ETHERNET: tr("Ethernet")}
    kind = tr("VPN or virtual") if address.tunnel else kinds.get(address.kind, "")
    where = f"{kind} ({address.interface})" if kind and address.interface else kind or address.interface
    text = f"{address.ip} — {where}" if where else address.ip
    return text if address.running else tr("%1, not connected").replace("%1", text)


class InviteDialog(Retranslated, QDialog):
    """The invitation, beside the map while the room is open: the network the room is on (the laptop's
    addresses; changing it moves the room), the QR code, the address in big type (copied with one
    click), how many cards came, and Stop. `choose` is called with the address the facilitator picks."""

    def __init__(self, room: WorkshopRoom, addresses: list[Address], choose: Callable[[str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.room, self.addresses, self.choose = room, addresses, choose
        self.network_label = QLabel()
        self.network = QComboBox()
        self.network.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.network.activated.connect(self._network_chosen)
        self.network_label.setBuddy(self.network)
        self.network_hint = plain_label(wrap=True)
        self.network_hint.setStyleSheet("color: palette(placeholder-text)")
        self.how = plain_label(wrap=True)
        self.how.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = plain_label()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.address.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.address.setFont(font)
        self.moved_note = plain_label(wrap=True)
        self.moved_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.moved_note.setStyleSheet("color: #B26A00; font-weight: bold")
        self.moved_note.hide()
        self.count = plain_label()
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button, self.stop_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.hide)
        network = QFormLayout()
        network.addRow(self.network_label, self.network)
        network.addRow(self.network_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch()
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(network)
        layout.addSpacing(6)
        layout.addWidget(self.how)
        layout.addWidget(self.code)
        layout.addWidget(self.address)
        layout.addWidget(self.moved_note)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        room.arrived.connect(self._count)
        room.closed.connect(self.close)
        room.moved.connect(self._moved)
        self.retranslate()
        self._show_address()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Invite participants"))
        self.network_label.setText(tr("&Network:"))
        self.network_hint.setText(tr("Pick the network the participants' phones are on. Changing it restarts the "
                                     "room at a new address: the link and the QR code change."))
        self.moved_note.setText(tr("The address changed: people already in the room need to scan the new code."))
        self.copy_button.setText(tr("&Copy address"))
        self.stop_button.setText(tr("&Stop the room"))
        self.close_button.setText(tr("&Hide"))
        self.close_button.setToolTip(tr("The room stays open; Workshop → Invite participants shows this again"))
        self.set_addresses(self.addresses)
        self._show_how()
        self._count()

    def set_addresses(self, addresses: list[Address]) -> None:
        """The laptop's networks to choose from (asked again each time the invitation shows)."""
        self.addresses = addresses
        self.network.clear()
        for address in addresses:
            self.network.addItem(address_text(address), address.ip)
        self.network.addItem(tr("This laptop only (127.0.0.1) — for a rehearsal"), LOOPBACK)
        self._select_host()

    def _select_host(self) -> None:
        host = self.room.server.host
        if self.network.findData(host) < 0:  # the laptop has left the room's network since
            self.network.addItem(host, host)
        self.network.setCurrentIndex(self.network.findData(host))

    def _network_chosen(self, index: int) -> None:
        host = self.network.itemData(index)
        if host != self.room.server.host:
            self.choose(host)

    def _moved(self, url: str) -> None:
        if url != self.address.text():
            self.moved_note.show()
        self._show_address()
        self._select_host()

    def _show_address(self) -> None:
        self.code.setPixmap(qr_pixmap(self.room.url))
        self.address.setText(self.room.url)
        self._show_how()

    def _show_how(self) -> None:
        local = self.room.server.host == LOOPBACK
        self.how.setStyleSheet("color: #D32F2F; font-weight: bold" if local else "")  # phones cannot come in
        self.how.setText(tr("This laptop only: a browser on this laptop can open the room, phones cannot.") if local
                         else tr("Participants on this network scan the code or type the address in a browser. "
                                 "Cards they send arrive in the Inbox."))

    def _count(self, _authors: list[str] | None = None) -> None:
        received = self.room.received
        self.count.setText(tr("%n cards received", n=received) if received else tr("Waiting for cards…"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.room.url)

    def stop(self) -> None:
        self.room.close()


def plain_label(wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class Workshop(QObject):
    """A window's workshop: Invite participants opens its room (never on by itself) and shows the
    invitation; Stop, or the window closing, closes it. It listens on the address picked in the
    invitation (kept in the setting `workshop/host`; "127.0.0.1" in tests), else the laptop's best.
    Cards that arrive are autosaved within AUTOSAVE_MS, not at the next minute's autosave: they are
    other people's work, which a crash must not lose."""

    def __init__(self, files: DocumentFiles, settings: Settings, status_bar: QStatusBar,
                 show_inbox: Callable[[], None], parent: QWidget):
        super().__init__(parent)
        self.session, self.settings, self.status_bar, self.show_inbox = files.session, settings, status_bar, show_inbox
        self.room: WorkshopRoom | None = None
        self.dialog: InviteDialog | None = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(files.autosaver.save_if_needed)

    def invite(self, rate: RateLimit | None = None) -> WorkshopRoom | None:
        """Open the room, unless it is open, and show its invitation; the room, or None when it could
        not open (the user is told why). `rate`: the limit per client address (the server's default)."""
        window = self.parent()
        addresses = laptop_addresses()
        if self.room is None or not self.room.is_open():
            host = chosen(addresses, str(self.settings.value("workshop/host", "")))
            room = WorkshopRoom(self.session, host, rate, self)
            try:
                room.open()
            except OSError as problem:
                critical(window, tr("Invite participants"), tr("The room cannot open: %1").replace("%1", str(problem)))
                return None
            room.arrived.connect(self._announce)
            if self.dialog is not None:
                self.dialog.deleteLater()  # the closed room's
            self.room, self.dialog = room, InviteDialog(room, addresses, self.move, window)
            self.show_inbox()
        else:
            self.dialog.set_addresses(addresses)  # the laptop may have joined or left a network since
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.room

    def move(self, host: str) -> None:
        """The facilitator picked another network: the room moves there, and it is remembered for the next
        rooms (once the room could move)."""
        try:
            self.room.move(host)
        except OSError as problem:
            critical(self.dialog, tr("Invite participants"),
                     tr("The room cannot move to %1: %2").replace("%1", host).replace("%2", str(problem)))
            return
        self.settings.set_value("workshop/host", host)

    def _announce(self, authors: list[str]) -> None:
        self.status_bar.showMessage(arrival_message(authors), 8000)
        if not self._autosave.isActive():
            self._autosave.start()

    def stop(self) -> None:
        """Close the room, if open (Workshop → Stop the room; the window closing)."""
        if self.room is not None:
            self.room.close()

    def is_open(self) -> bool:
        return self.room is not None and self.room.is_open()
