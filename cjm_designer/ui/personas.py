"""The Personas panel: the buyers the map is drawn for, with photo, demographics, habits, interests,
goals, pains and a typical quote. Every edit is an undo command."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..canvas.persona_photo import decoded_photo, read_image
from ..editor import Change, DocumentSession
from ..layout.palette import PERSONA_CURVES
from ..model import Persona, Photo
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from .field_form import Field, FieldForm
from .messages import show_as_problem

PHOTO_SIDE = 512  # photos are stored at most this many pixels on a side, as JPEG
LIST_ROWS = 3  # the list of personas shows this many before it scrolls


def tr(text: str) -> str:
    return QCoreApplication.translate("Personas", text)  # a context of its own: a persona's "Name" is "Имя"


def persona_fields() -> list[Field]:
    return [
        Field("name", tr("Name"), "line"),
        Field("gender", tr("Gender"), "line"),
        Field("age", tr("Age"), "int"),
        Field("geography", tr("Geography"), "line"),
        Field("occupation", tr("Occupation"), "line"),
        Field("habits", tr("Habits"), "text"),
        Field("interests", tr("Interests"), "text"),
        Field("goals", tr("Goals"), "text"),
        Field("pains", tr("Pains"), "text"),
        Field("quote", tr("Quote"), "text"),
        Field("color", tr("Curve colour"), "color", [(colour, colour) for colour in PERSONA_CURVES], "#rrggbb"),
    ]


def photo_from_image(image: QImage) -> Photo:
    """A photo for the file: scaled down to PHOTO_SIDE and stored as JPEG, whatever it was."""
    if max(image.width(), image.height()) > PHOTO_SIDE:
        image = image.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", 85)
    return Photo(media_type="image/jpeg", data=base64.b64encode(bytes(data)).decode("ascii"))


def photo_pixmap(photo: Photo | None, side: int) -> QPixmap:
    """The photo drawn `side` pixels at most; a null pixmap when there is none that can be shown."""
    image = None if photo is None else decoded_photo(photo)
    if image is None:
        return QPixmap()
    return QPixmap.fromImage(image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class PersonasPanel(QWidget):
    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.list = QListWidget()
        self.list.setIconSize(QSize(40, 40))
        self.list.currentRowChanged.connect(lambda _row: self._bind())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_persona)
        self.remove = QPushButton()
        self.remove.clicked.connect(self.remove_persona)
        self.photo = QLabel()
        self.photo.setFixedSize(96, 96)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #CFD8DC")
        self.choose_photo = QPushButton()
        self.choose_photo.clicked.connect(self.pick_photo)
        self.clear_photo = QPushButton()
        self.clear_photo.clicked.connect(lambda: self.set_photo(None))
        self.error = QLabel()
        show_as_problem(self.error)
        self.error.setWordWrap(True)
        self.form = FieldForm(session, self.error)
        self.empty_note = QLabel()  # instead of the list and the form while the map has no persona
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.choose_photo)
        photo_buttons.addWidget(self.clear_photo)
        photo_buttons.addStretch()
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo)
        photo_row.addLayout(photo_buttons)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.addLayout(photo_row)
        details.addWidget(self.form)
        details.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_note, 1)
        layout.addWidget(self.scroll)
        layout.addWidget(self.error)
        self.drawn: dict[str, tuple[Photo | None, QIcon, QPixmap]] = {}  # each persona's photo, decoded
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons, labels and list again, in the language now installed."""
        self.add_button.setText(tr("Add persona"))
        self.remove.setText(tr("Remove"))
        self.choose_photo.setText(tr("Choose photo…"))
        self.clear_photo.setText(tr("Remove photo"))
        self.empty_note.setText(tr("No personas yet. A persona is the customer whose journey the map follows: "
                                   "name, age, goals, pains, a typical quote, a photo. Add one to put a face on "
                                   "the map; the map's title shows it."))
        self.form.forget_fields()
        self.refresh()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_changed(self, change: Change) -> None:
        if change.touches(ElementKind.PERSONA):
            self.refresh()

    def _drawn(self, persona: Persona) -> tuple[QIcon, QPixmap]:
        """The list's icon and the large picture of `persona`'s photo, decoded again only when the
        photo changed."""
        drawn = self.drawn.get(persona.id)
        if drawn is None or drawn[0] is not persona.photo:
            drawn = self.drawn[persona.id] = (persona.photo, QIcon(photo_pixmap(persona.photo, 40)),
                                              photo_pixmap(persona.photo, 96))
        return drawn[1], drawn[2]

    def refresh(self) -> None:
        """The list follows the model; the chosen persona stays chosen while it exists."""
        chosen = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        personas = self.session.doc.personas
        ids = {persona.id for persona in personas}
        self.drawn = {key: value for key, value in self.drawn.items() if key in ids}
        for persona in personas:
            item = QListWidgetItem(self._drawn(persona)[0],
                                   visible_bidi(persona.name) or tr("(no name)"))
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            self.list.addItem(item)
            if persona.id == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        rows = self.list.sizeHintForRow(0) * min(max(self.list.count(), 1), LIST_ROWS) if personas else 0
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)  # the personas, not an empty box below
        for widget in (self.list, self.remove, self.scroll):
            widget.setVisible(bool(personas))
        self.empty_note.setVisible(not personas)
        self._bind()

    def _bind(self) -> None:
        persona_id = self.current_id()
        self.details.setEnabled(persona_id is not None)
        self.remove.setEnabled(persona_id is not None)
        doc = self.session.doc
        self.form.bind(ElementKind.PERSONA, persona_fields(), lambda: [p for p in doc.personas if p.id == persona_id])
        persona = next((p for p in doc.personas if p.id == persona_id), None)
        pixmap = self._drawn(persona)[1] if persona else QPixmap()
        self.photo.setPixmap(pixmap)
        self.photo.setText("" if not pixmap.isNull() else tr("no photo"))
        self.clear_photo.setEnabled(persona is not None and persona.photo is not None)

    def add_persona(self) -> None:
        self.form.edits.add_persona(tr("New persona"), tr("Add persona"))
        self.list.setCurrentRow(self.list.count() - 1)

    def remove_persona(self) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self.form.edits.remove_part(ElementKind.PERSONA, persona_id, tr("Remove persona"))

    def pick_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose photo"), "",
                                              tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"))
        if not name:
            return
        image = read_image(name) if Path(name).is_file() else QImage()  # a named pipe would never end
        if image.isNull():
            self.error.setText(tr("This file is not an image that can be read."))
            return
        self.set_photo(photo_from_image(image))

    def set_photo(self, photo: Photo | None) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self.error.clear()
            self.form.edits.set_fields(ElementKind.PERSONA, {persona_id: {"photo": photo}}, tr("Photo"))
