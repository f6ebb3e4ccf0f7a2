"""Message boxes and tooltips that show their text as plain text.

QMessageBox and tooltips guess whether a text is rich text (`<img src=…>` looks like it); a map's or
a file's text must never be read as markup, so every message of the program is made here, with the
format fixed to plain text and bidi controls made visible. Tests answer a box by patching
`QMessageBox.exec`, the one place every box waits for the user.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..model.plain import visible_bidi

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str, details: str = "",
                buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """A box ready to `exec()`, its text and details shown as written."""
    box = QMessageBox(icon, visible_bidi(title), visible_bidi(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(visible_bidi(details))  # the details pane is always plain text
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Yes | Button.No,
        default: Button = Button.NoButton) -> Button:
    """A question; the button the user chose (Escape gives the box's escape button)."""
    return Button(message_box(parent, Icon.Question, title, text, "", buttons, default).exec())


def critical(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, Icon.Critical, title, text, details).exec()


def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, Icon.Warning, title, text, details).exec()


def information(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    message_box(parent, Icon.Information, title, text, details).exec()


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
