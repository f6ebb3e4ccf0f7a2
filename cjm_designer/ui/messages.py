"""Message boxes and tooltips that show their text as plain text.

QMessageBox and tooltips guess whether a text is rich text (`<img src=…>` looks like it); a map's or
a file's text must never be read as markup, so every message of the program is made here, with the
format fixed to plain text and bidi controls made visible. Tests answer a box by patching
`QMessageBox.exec`, the one place every box waits for the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ..model.plain import visible_bidi

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    Icon = QMessageBox.Icon
    Role = QMessageBox.ButtonRole


def _box_class() -> type[QMessageBox]:
    """QMessageBox, imported when first used: PySide makes it and QDialog with their enums when first
    touched (about 1 ms), and a start shows no box."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def __getattr__(name: str):
    """`Button`, `Icon` and `Role`: QMessageBox's StandardButton, Icon and ButtonRole (see `_box_class`;
    an import asks for other names, such as `__path__`, without needing the class)."""
    if name not in ("Button", "Icon", "Role"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    box = _box_class()
    return {"Button": box.StandardButton, "Icon": box.Icon, "Role": box.ButtonRole}[name]


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str, details: str = "",
                buttons: Button | None = None, default: Button | None = None) -> QMessageBox:
    """A box ready to `exec()`, its text and details shown as written; an OK button unless `buttons`
    says otherwise."""
    box_class = _box_class()
    box = box_class(icon, visible_bidi(title), visible_bidi(text),
                    box_class.StandardButton.Ok if buttons is None else buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(visible_bidi(details))  # the details pane is always plain text
    if default is not None:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, text: str, buttons: Button | None = None,
        default: Button | None = None) -> Button:
    """A question, Yes or No unless `buttons` says otherwise; the button the user chose (Escape gives
    the box's escape button)."""
    box_class = _box_class()
    button = box_class.StandardButton
    box = message_box(parent, box_class.Icon.Question, title, text, "",
                      button.Yes | button.No if buttons is None else buttons, default)
    return button(box.exec())


def critical(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, _box_class().Icon.Critical, title, text, details).exec()


def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, _box_class().Icon.Warning, title, text, details).exec()


def information(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, _box_class().Icon.Information, title, text, details).exec()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: escaped and wrapped as rich text, so that Qt's guess
    can only find our markup (an empty text gives no tooltip)."""
    if not text:
        return ""
    import html  # here: the first frame shows no tooltip

    return "<p style='white-space:pre-wrap'>" + html.escape(visible_bidi(text), quote=False) + "</p>"


def problem_colour(background: QColor) -> QColor:
    """The red of a problem's text on `background`: dark on a light theme, light on a dark one, where the
    dark red would hardly read."""
    return QColor("#C62828" if background.lightness() >= 128 else "#EF9A9A")


def show_as_problem(label: QLabel) -> None:
    """`label`'s text in the problem red of its window's theme."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, problem_colour(palette.color(QPalette.ColorRole.Window)))
    label.setPalette(palette)
