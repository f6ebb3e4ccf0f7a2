"""A colour field's swatch button: it shows the colour, and its menu offers the map's pastels (the
map's stage colours, then the fills of layout/palette.py), any other colour through QColorDialog,
or no colour. The hex text box beside it stays for typing; a pick is one value, one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRect, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QToolButton, QWidget, QWidgetAction

from ..layout.palette import LANE_FILL, PAIN

SWATCH = QSize(18, 18)
COLUMNS = 6
MAX_PASTELS = 18


def tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


def pastels(map_colours: list[str]) -> list[str]:
    """The map's own colours first, then the palette's tinted lane fills (greys and white left
    out), each once (case aside), at most MAX_PASTELS."""
    tinted = [fill for fill in LANE_FILL.values() if len({fill[1:3], fill[3:5], fill[5:7]}) > 1]
    chosen: list[str] = []
    for colour in [*map_colours, *tinted]:
        if colour.lower() not in chosen:
            chosen.append(colour.lower())
    return chosen[:MAX_PASTELS]


def swatch_icon(colour: str | None) -> QIcon:
    """A square of `colour` with a thin frame; no colour is a white square struck through."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(QColor(colour or "#FFFFFF"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRect(0, 0, SWATCH.width() - 1, SWATCH.height() - 1)
    if colour is None:
        painter.setPen(QPen(QColor(PAIN), 1.5))
        painter.drawLine(frame.bottomLeft(), frame.topRight())
    painter.setPen(QPen(QColor("#90A4AE"), 1))
    painter.drawRect(frame)
    painter.end()
    return QIcon(pixmap)


class ColourSwatch(QToolButton):
    """The swatch of a colour field; `picked` gives a "#rrggbb" or None (no colour). `map_colours()`
    is read as the menu opens, so the palette follows the map; a field of strong colours (a persona's
    curve) offers its own instead, the `offered` ones."""

    picked = Signal(object)

    def __init__(self, map_colours: Callable[[], list[str]], parent=None, offered: list[str] = ()):
        super().__init__(parent)
        self.map_colours = map_colours
        self.offered = list(offered)
        self.colour: str | None = None
        self.setIconSize(SWATCH)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(tr("Choose a colour"))
        self.setAccessibleName(tr("Choose a colour"))
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill_menu)
        self.show_colour(None)

    def show_colour(self, colour: str | None) -> None:
        self.colour = colour
        self.setIcon(swatch_icon(colour))

    def _fill_menu(self) -> None:
        from PySide6.QtWidgets import QGridLayout  # here: the start opens no menu

        menu = self.menu()
        menu.clear()
        grid_host = QWidget(menu)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setSpacing(3)
        for index, colour in enumerate(self.offered or pastels(self.map_colours())):
            button = QToolButton(grid_host)
            button.setIcon(swatch_icon(colour))
            button.setIconSize(SWATCH)
            button.setAutoRaise(True)
            button.setToolTip(colour)
            button.setAccessibleName(colour)
            button.clicked.connect(lambda _=False, c=colour: self._pick(c))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        pastel_row = QWidgetAction(menu)
        pastel_row.setDefaultWidget(grid_host)
        menu.addAction(pastel_row)
        menu.addSeparator()
        menu.addAction(tr("Other colour…")).triggered.connect(self.choose_other)
        menu.addAction(swatch_icon(None), tr("No colour")).triggered.connect(lambda: self._pick(None))

    def choose_other(self) -> None:
        """Any colour, in Qt's colour dialog (the menu gone first), starting from the one shown."""
        from PySide6.QtWidgets import QColorDialog

        self.menu().hide()
        chosen = QColorDialog.getColor(QColor(self.colour or "#FFFFFF"), self.window(), tr("Choose a colour"))
        if chosen.isValid():
            self._pick(chosen.name())

    def _pick(self, colour: str | None) -> None:
        self.menu().hide()
        self.picked.emit(colour)
