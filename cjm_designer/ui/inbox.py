"""The Inbox dock: the cards participants of a workshop sent from their phones, waiting for the
facilitator to accept each (it becomes a card at the end of its cell), edit it first, or discard it.
Accepting or discarding any number is one undo step; arrivals are none (editor/inbox.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, DocumentSession, Editor
from ..model import InboxCard, JourneyMap, ModelError
from ..model.document import ElementKind
from ..model.plain import one_line, visible_bidi
from .messages import plain_tooltip, warning
from .retranslated import Retranslated

FLASH = QColor("#FFF59D")  # a new arrival's row, for FLASH_MS
FLASH_MS = 2500
SHORT = 80  # characters of a title in the list; the tooltip holds it whole


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Inbox", text, None, n)


def where(doc: JourneyMap, card: InboxCard) -> str:
    """The card's cell as "Stage / Lane", or what of it is gone."""
    stages, lanes = {s.id: s.name for s in doc.stages}, {k.id: k.name for k in doc.lanes}
    if card.stage not in stages:
        return tr("(stage removed)")
    if card.lane not in lanes:
        return tr("(lane removed)")
    return f"{one_line(stages[card.stage], 40)} / {one_line(lanes[card.lane], 40)}"


class InboxPanel(Retranslated, QWidget):
    """The waiting cards, oldest first, and what the facilitator does with them."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.edits = Editor(session)
        self.shown: list[str] | None = None  # the Inbox ids of the rows (None before the first listing)
        self.flashing: set[str] = set()  # new arrivals, marked for a while
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.list = QListWidget()  # two lines a card: its title; who sent it, where to and when
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(2)
        self.list.setItemDelegate(InboxRow(self.list))
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.itemSelectionChanged.connect(self._enable)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, lambda: self.discard(self.selected()),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.list, lambda: self.accept(self.selected()),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.accept_button, self.edit_button = QPushButton(), QPushButton()
        self.discard_button, self.accept_all_button = QPushButton(), QPushButton()
        self.accept_button.clicked.connect(lambda: self.accept(self.selected()))
        self.edit_button.clicked.connect(lambda: self.edit_and_accept(self.selected()[0]))
        self.discard_button.clicked.connect(lambda: self.discard(self.selected()))
        self.accept_all_button.clicked.connect(lambda: self.accept(list(self.shown)))
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.edit_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.accept_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._unflash = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._unflash.timeout.connect(self._end_flash)
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in ((self.accept_button, tr("&Accept")), (self.edit_button, tr("&Edit…")),
                             (self.discard_button, tr("&Discard")), (self.accept_all_button, tr("Accept a&ll"))):
            button.setText(text)
        self.accept_button.setToolTip(tr("Put the chosen cards on the map, each at the end of its cell (Enter, "
                                         "or a double-click)"))
        self.discard_button.setToolTip(tr("Throw the chosen cards away (Delete)"))
        self.refresh()

    # -- the list -----------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change.kinds == {ElementKind.INBOX}:
            self.refresh(arrivals_only=True)
        elif (change.touches(ElementKind.INBOX) or change.touches(ElementKind.STAGE, ("name",))
              or change.touches(ElementKind.LANE, ("name",))):
            self.refresh()

    def refresh(self, arrivals_only: bool = False) -> None:
        """List the Inbox. When only the Inbox changed and only by cards added at its end (the room's
        arrivals), just those are listed, at the end: a burst costs its own cards, not the whole list."""
        doc = self.session.doc
        ids = [c.id for c in doc.inbox]
        known = set(self.shown or ())
        arrived = [] if self.shown is None else [i for i in ids if i not in known]
        self.flashing = (self.flashing | set(arrived)) & set(ids)
        homeless = set(self.edits.homeless_inbox(ids))
        appending = arrivals_only and self.shown is not None and ids[:len(self.shown)] == self.shown
        self.list.setUpdatesEnabled(False)
        if appending:
            for card in doc.inbox[len(self.shown):]:
                self.list.addItem(self._item(doc, card, card.id in homeless))
        else:
            selected = set(self.selected())
            self.list.clear()
            for card in doc.inbox:
                self.list.addItem(self._item(doc, card, card.id in homeless))
                self.list.item(self.list.count() - 1).setSelected(card.id in selected)
        self.shown = ids
        self.list.setUpdatesEnabled(True)
        if arrived:
            self.list.scrollToItem(self.list.item(ids.index(arrived[-1])))
            self._unflash.start()
        self.hint.setText(tr("Cards the room sent wait here. Accept puts each at the end of its cell; "
                             "Edit changes its text first.") if doc.inbox else
                          tr("No cards from the room yet. Workshop → Invite participants lets people send "
                             "cards from their phones."))
        self.accept_all_button.setEnabled(bool(doc.inbox))
        self._enable()

    def _item(self, doc: JourneyMap, card: InboxCard, homeless: bool) -> QListWidgetItem:
        about = " · ".join((card.author or tr("anonymous"), where(doc, card), _time(card.received)))
        item = QListWidgetItem(visible_bidi(one_line(card.title, SHORT)) + "\n" + visible_bidi(about))
        item.setToolTip(plain_tooltip(f"{card.title}\n\n{about}"))
        if card.id in self.flashing:
            item.setBackground(QBrush(FLASH))
        if homeless:
            item.setForeground(QBrush(QColor("#D32F2F")))
        return item

    def _end_flash(self) -> None:
        self.flashing = set()
        for row in range(self.list.count()):
            self.list.item(row).setBackground(QBrush())

    def _double_clicked(self, item: QListWidgetItem) -> None:
        """Accept the card, once the list is done with the click: accepting lists the Inbox anew, which
        deletes the item the list is still handling."""
        inbox_id = self.shown[self.list.row(item)]
        QTimer.singleShot(0, self, lambda: self.accept([inbox_id])
                          if any(c.id == inbox_id for c in self.session.doc.inbox) else None)

    def _enable(self) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(bool(chosen))
        self.discard_button.setEnabled(bool(chosen))
        self.edit_button.setEnabled(len(chosen) == 1)

    def selected(self) -> list[str]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self.shown[row] for row in rows if 0 <= row < len(self.shown or ())]

    # -- what the facilitator does ------------------------------------------------------------------

    def accept(self, inbox_ids: list[str]) -> list[str]:
        """Accept cards as one undo step; a card whose cell is gone goes where the facilitator says
        (asked once for them all; nothing happens when they cancel). The new cards' ids."""
        asked, cell = self._cell_for(inbox_ids)
        if not inbox_ids or not asked:
            return []
        try:
            return self.edits.accept_inbox(inbox_ids, cell)
        except ModelError as problem:  # the map reached its limit of cards
            warning(self, tr("Inbox"), tr("The cards cannot be accepted: %1").replace("%1", str(problem)))
            return []

    def _cell_for(self, inbox_ids: list[str]) -> tuple[bool, tuple[str, str] | None]:
        """Whether to go on, and the cell for those of the cards whose own is gone (None: none is)."""
        homeless = self.edits.homeless_inbox(inbox_ids)
        if not homeless:
            return True, None
        cell = choose_cell(self.session.doc, self.session.doc.inbox_card(homeless[0]), self)
        return cell is not None, cell

    def edit_and_accept(self, inbox_id: str) -> str | None:
        """The card's text edited, then accepted with it: one undo step. None when cancelled."""
        card = self.session.doc.inbox_card(inbox_id)
        typed, ok = QInputDialog.getMultiLineText(self, tr("Edit card"),
                                                  tr("The first line is the card's title, the rest its text:"),
                                                  card.title)
        if not ok or not typed.strip():
            return None
        asked, cell = self._cell_for([inbox_id])
        if not asked:
            return None
        [accepted] = self.edits.accept_inbox([inbox_id], cell, edited={inbox_id: typed})
        return accepted

    def discard(self, inbox_ids: list[str]) -> None:
        self.edits.discard_inbox(inbox_ids)


class InboxRow(QStyledItemDelegate):
    """A waiting card drawn as two lines, so that the facilitator reads the cards, not the senders: its
    text in bold, and who sent it, where to and when in the quieter colour below. The item's own text
    holds both lines (for the tooltip, the accessibility tree and tests)."""

    PAD = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        title, _, about = str(index.data(Qt.ItemDataRole.DisplayRole)).partition("\n")
        view.text = ""
        style = view.widget.style() if view.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)  # background
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if view.state & QStyle.StateFlag.State_Active else \
            QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        colour = view.palette.color(group, role) if selected or foreground is None else foreground.color()
        quiet = QColor(colour)
        quiet.setAlphaF(0.7)
        rect = view.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        bold = QFont(view.font)
        bold.setBold(True)
        painter.save()
        for font, pen, text, top in ((bold, colour, title, rect.top()),
                                     (view.font, quiet, about, rect.top() + QFontMetrics(bold).lineSpacing())):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(rect.left(), top + metrics.ascent(),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(bold).lineSpacing() + QFontMetrics(option.font).lineSpacing() + 2 * self.PAD
        return QSize(1, height)  # as wide as the list: the lines are elided to it


class CellDialog(QDialog):
    """Where a card whose stage or lane is gone should go: a stage and a lane of the map."""

    def __init__(self, doc: JourneyMap, card: InboxCard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Where should it go?"))
        text = QLabel(tr("The stage or lane “%1” was sent to is no longer on the map. Choose a cell for it:")
                      .replace("%1", visible_bidi(one_line(card.title, 60))))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.stage, self.lane = QComboBox(), QComboBox()
        for box, parts, kept in ((self.stage, doc.stages, card.stage), (self.lane, doc.lanes, card.lane)):
            for part in parts:
                box.addItem(visible_bidi(one_line(part.name, 60)), part.id)
            box.setCurrentIndex(max(box.findData(kept), 0))
        form = QFormLayout()
        form.addRow(tr("Stage:"), self.stage)
        form.addRow(tr("Lane:"), self.lane)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def cell(self) -> tuple[str, str]:
        return self.stage.currentData(), self.lane.currentData()


def choose_cell(doc: JourneyMap, card: InboxCard, parent: QWidget) -> tuple[str, str] | None:
    """The cell the facilitator chose for a card whose own is gone; None when cancelled or the map has
    no cell at all."""
    if not doc.stages or not doc.lanes:
        warning(parent, tr("Inbox"), tr("The map has no stage or no lane to put the card in."))
        return None
    dialog = CellDialog(doc, card, parent)
    return dialog.cell() if dialog.exec() else None


def _time(received: datetime) -> str:
    """When a card arrived, in local time: the hour today, else the date too."""
    local = received.astimezone()
    return local.strftime("%H:%M") if local.date() == datetime.now().astimezone().date() else \
        local.strftime("%d.%m %H:%M")
