"""File → Export: the format and its options, a preview of how a PDF is split into pages, a progress
bar that can cancel a long export, and the result opened on request. The export itself is
`map_export.export_map`, as on the command line: it writes through a temporary file, so a failed or
cancelled export leaves no partial file, and never over the map's own file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..export import Cancelled
from ..export.image import pixel_size, pixels_per_point
from ..export.pdf import PdfOptions, pages_before_map
from ..export.pdf_pages import MM, Orientation, PagePlan, Pages, percent, plan_pages
from ..layout import MapLayout, compute_layout, palette
from ..layout.missing_glyphs import MissingGlyphs, PartKind
from ..map_export import (
    EXTENSIONS,
    MAP_CARRIERS,
    CsvOptions,
    ExportResult,
    HtmlOptions,
    OwnInputError,
    PngOptions,
    PptxOptions,
    SvgOptions,
    export_map,
    refuse_own_input,
)
from ..model import JourneyMap
from ..model.plain import one_line
from .file_names import documents_folder, safe_file_name
from .messages import information, warning
from .settings import Settings


def tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("ExportDialog", text, None, count)


FORMATS = ("pdf", "png", "svg", "html", "pptx", "xlsx", "csv", "mermaid", "cjm")  # as the menu lists them
RESOLUTIONS = (("1x", 1.0, None), ("2x", 2.0, None), ("300dpi", None, 300.0))
DEFAULT_RESOLUTION = next(name for name, scale, _dpi in RESOLUTIONS if scale == PngOptions.scale)  # the CLI's too


class ExportDialog(QDialog):
    """Choose what to export and how; `export_to(path)` does it (the Export button asks for a path)."""

    def __init__(self, doc: JourneyMap, source: Path | None, settings: Settings, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export map"))
        self.doc, self.source, self.settings = doc, source, settings
        self.layout_ = compute_layout(doc)
        self.result: ExportResult | None = None

        self.format = QComboBox()
        names = {"pdf": tr("PDF document"), "png": tr("PNG image"), "svg": tr("SVG drawing"),
                 "csv": tr("CSV table (one row a card)"), "mermaid": tr("Mermaid journey diagram"),
                 "cjm": tr("CJM Designer map"), "pptx": tr("PowerPoint presentation"),
                 "xlsx": tr("Excel workbook (cards, stages, lanes, links, personas)"),
                 "html": tr("Interactive web page (one file, works offline)")}
        for key in FORMATS:
            self.format.addItem(names[key], key)
        self.pages = _combo([(tr("One poster page the size of the map"), Pages.POSTER),
                             (tr("Tiles: full size over several sheets"), Pages.TILES),
                             (tr("Fit the whole map on one sheet"), Pages.FIT)])
        self.paper = _combo([("A4", "A4"), ("A3", "A3")])
        self.orientation = _combo([(tr("Automatic: the fewest sheets, the larger scale"), Orientation.AUTO),
                                   (tr("Landscape"), Orientation.LANDSCAPE), (tr("Portrait"), Orientation.PORTRAIT)])
        self.margin = _millimetres(10)
        self.overlap = _millimetres(10)
        self.header = QCheckBox(tr("Title, date and page numbers on each sheet"))
        self.header.setChecked(True)
        self.cover = QCheckBox(tr("Cover page"))
        self.personas = QCheckBox(tr("Personas"))
        self.legend = QCheckBox(tr("Legend"))
        self.report = QCheckBox(tr("Analytics: funnel, touchpoints, pain points, missed KPIs"))
        self.preview = PagePreview()
        self.page_count = QLabel()
        self.sheets = QLabel()  # how the map's sheets are turned, their grid and the map's scale on them
        self.resolution = _combo([(tr("1× (72 dpi)"), "1x"), (tr("2× (144 dpi)"), "2x"), (tr("300 dpi for print"),
                                                                                          "300dpi")])
        self.resolution.setCurrentIndex(self.resolution.findData(DEFAULT_RESOLUTION))
        self.transparent = QCheckBox(tr("Transparent background"))
        self.image_size = QLabel()
        self.excel = QCheckBox(tr("For Excel in Russian (semicolons, decimal commas)"))
        self.map_picture = QCheckBox(tr("A slide with the whole map as a picture"))
        self.map_picture.setChecked(True)
        self.embed_map = QCheckBox(tr("Include the editable map"))
        self.embed_map.setChecked(True)  # asked each time: leaving it out is for one client, not a habit
        self.embed_map.setToolTip(tr("Turn off for a client who should get the picture only, not the map to edit."))
        self.map_note = QLabel()
        self.map_note.setWordWrap(True)
        self.map_note.setTextFormat(Qt.TextFormat.PlainText)
        self.open_after = QCheckBox(tr("Open the file when done"))
        self.open_after.setChecked(bool(int(settings.value("export/open_after", 1) or 0)))

        self.options = QStackedWidget()
        self.options.addWidget(self._pdf_options())
        self.options.addWidget(self._png_options())
        self.options.addWidget(_note(tr("A vector drawing that looks the same in every viewer: text is drawn in the "
                                        "map's font and can still be searched and copied.")))
        self.options.addWidget(_note(tr("Every card with its stage, lane and fields."), self.excel))
        self.options.addWidget(_note(tr("Stages become sections; the cards of the buyer-actions lane become tasks, "
                                        "their emotion a score from 1 to 5.")))
        self.options.addWidget(_note(tr("The map itself, in its canonical form.")))
        self.options.addWidget(_note(tr("A 16:9 deck to present: the title, the personas, a slide for each stage with "
                                        "its cards as shapes you can edit, the emotion curve, the funnel as a chart "
                                        "and the analytics."), self.map_picture))
        self.options.addWidget(_note(tr("A sheet each for the cards, stages, lanes, links, personas and A/B variants, "
                                        "headers in the map's language, figures as numbers, text as text. "
                                        "Edited, it becomes a map again: cjm-designer import FILE.xlsx -o MAP.cjm")))
        self.options.addWidget(_note(tr("One page to send to a client: it opens in any browser without the internet. "
                                        "The map zooms and pans, a click on a card shows all its fields, and the heat "
                                        "map, “show only”, the funnel and the personas are a click away.")))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._choose_and_export)
        buttons.rejected.connect(self.reject)
        form = self.form = QFormLayout()
        form.addRow(tr("Format:"), self.format)
        form.addRow("", self.map_note)
        form.addRow("", self.embed_map)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.options, 1)
        layout.addWidget(self.open_after)
        layout.addWidget(buttons)

        for signal in (self.format.currentIndexChanged, self.pages.currentIndexChanged,
                       self.paper.currentIndexChanged, self.orientation.currentIndexChanged,
                       self.margin.valueChanged, self.overlap.valueChanged, self.header.toggled,
                       self.cover.toggled, self.personas.toggled, self.legend.toggled, self.report.toggled,
                       self.resolution.currentIndexChanged, self.embed_map.toggled):
            signal.connect(self._refresh)
        last = str(settings.value("export/format", "pdf"))
        self.format.setCurrentIndex(max(0, FORMATS.index(last) if last in FORMATS else 0))
        self._refresh()
        self.resize(720, 560)

    # -- option pages ---------------------------------------------------------------------------

    def _pdf_options(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.addRow(tr("Pages:"), self.pages)
        form.addRow(tr("Paper:"), self.paper)
        form.addRow(tr("Orientation:"), self.orientation)
        form.addRow(tr("Margins:"), self.margin)
        form.addRow(tr("Overlap of tiles:"), self.overlap)
        extras = QVBoxLayout()
        for box in (self.header, self.cover, self.personas, self.legend, self.report):
            extras.addWidget(box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(extras)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.page_count)
        right.addWidget(self.sheets)
        row = QHBoxLayout(page)
        row.addLayout(left)
        row.addLayout(right, 1)
        return page

    def _png_options(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("Resolution:"), self.resolution)
        form.addRow("", self.transparent)
        form.addRow(tr("Size:"), self.image_size)
        return page

    # -- state ----------------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return self.format.currentData()

    def pdf_options(self) -> PdfOptions:
        return PdfOptions(pages=self.pages.currentData(), paper=self.paper.currentData(),
                          orientation=self.orientation.currentData(), margin=self.margin.value() * MM,
                          overlap=self.overlap.value() * MM, header=self.header.isChecked(),
                          cover=self.cover.isChecked(),
                          personas=self.personas.isChecked() and bool(self.doc.personas),
                          legend=self.legend.isChecked(), report=self.report.isChecked(),
                          embed_map=self.embed_map.isChecked())

    def image_scale(self) -> tuple[float, float | None]:
        key = self.resolution.currentData()
        return next((scale or PngOptions.scale, dpi) for name, scale, dpi in RESOLUTIONS if name == key)

    def export_options(self) -> PdfOptions | PngOptions | SvgOptions | CsvOptions | None:
        """The chosen format's options, for `export_map` (an SVG is always drawn on white here)."""
        fmt = self.chosen_format()
        if fmt == "pdf":
            return self.pdf_options()
        if fmt == "png":
            scale, dpi = self.image_scale()
            return PngOptions(scale=scale, dpi=dpi, transparent=self.transparent.isChecked(),
                              embed_map=self.embed_map.isChecked())
        if fmt == "pptx":
            return PptxOptions(picture=self.map_picture.isChecked())
        return {"svg": SvgOptions(embed_map=self.embed_map.isChecked()),
                "html": HtmlOptions(embed_map=self.embed_map.isChecked()),
                "csv": CsvOptions(excel=self.excel.isChecked())}.get(fmt)

    def _refresh(self) -> None:
        fmt = self.chosen_format()
        self.options.setCurrentIndex({"pdf": 0, "png": 1, "svg": 2, "csv": 3, "mermaid": 4, "cjm": 5, "pptx": 6,
                                    "xlsx": 7, "html": 8}[fmt])
        carries = fmt in MAP_CARRIERS
        self.form.setRowVisible(self.map_note, carries)
        self.form.setRowVisible(self.embed_map, carries)
        self.map_note.setText(tr("The file carries the editable map: File → Open or cjm-designer import of it "
                                 "gives the map back.") if self.embed_map.isChecked()
                              else tr("The picture only: the file does not carry the map."))
        options = self.pdf_options()
        self.paper.setEnabled(options.pages != Pages.POSTER or options.cover or options.personas or options.legend)
        self.orientation.setEnabled(self.paper.isEnabled())
        self.overlap.setEnabled(options.pages == Pages.TILES)
        self.margin.setEnabled(options.pages != Pages.POSTER)
        self.personas.setEnabled(bool(self.doc.personas))
        plan = plan_pages(self.layout_, options)
        self.preview.show_plan(self.layout_, plan)
        pages = len(pages_before_map(self.doc, options, self.layout_, plan)) + len(plan.tiles)
        self.page_count.setText(tr("%n page(s)", pages))
        self.sheets.setText(_sheets_text(options, plan))
        width, height = pixel_size(self.layout_, pixels_per_point(*self.image_scale()))
        self.image_size.setText(tr("{w} × {h} pixels").format(w=width, h=height))

    # -- exporting ------------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        """The map's file name, else its title as a file name, with the format's extension; in the
        map's folder, else the last export's, else the user's Documents."""
        folder = self.source.parent if self.source else self.settings.export_folder() or documents_folder()
        stem = self.source.stem if self.source else safe_file_name(self.doc.meta.title, tr("Untitled"))
        return folder / (stem + EXTENSIONS[self.chosen_format()])

    def _choose_and_export(self) -> None:
        fmt = self.chosen_format()
        pattern = f"*{EXTENSIONS[fmt]}"
        name, _ = QFileDialog.getSaveFileName(self, tr("Export map"), str(self.suggested_path()),
                                              f"{self.format.currentText()} ({pattern})")
        if not name:
            return
        path = Path(name if name.lower().endswith(EXTENSIONS[fmt]) else name + EXTENSIONS[fmt])
        if self.export_to(path):
            self.accept()

    def export_to(self, path: Path) -> bool:
        """Export to `path` with a progress dialog; False when cancelled or failed (the user is told).
        Never over the map's own file; the file dialog has already asked about replacing another."""
        fmt = self.chosen_format()
        try:
            if self.source is not None:
                refuse_own_input(self.source, path)  # told at once; `export_map` holds to it as well
        except OwnInputError:
            warning(self, tr("Export failed"), tr("{path} is the map's own file; an export never replaces it. "
                                                  "Choose another name.").format(path=path))
            return False
        progress = QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def report(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            result = export_map(self.doc, fmt, path, self.export_options(), source=self.source, progress=report)
        except Cancelled:
            return False
        except Exception as error:  # a file error, a map too large for a PNG, whatever a writer raises
            warning(self, tr("Export failed"), tr("The map could not be exported to {path}:\n{error}")
                    .format(path=path, error=error))
            return False
        finally:
            progress.close()
        self.result = result
        self.settings.set_value("export/format", fmt)
        self.settings.set_value("export/folder", str(path.parent))
        self.settings.set_value("export/open_after", int(self.open_after.isChecked()))
        if result.notes:
            information(self, tr("Exported"), "\n".join(result.notes))
        if result.missing:
            warning(self, tr("Characters no font has"),
                    tr("No font has these characters: they show as blanks or empty boxes.") + "\n"
                    + "\n".join(_missing_line(part) for part in result.missing))
        if self.open_after.isChecked() and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            warning(self, tr("Cannot open the file"), tr("The map is exported to {path}, but no program opened it. "
                                                         "Open it from its folder.").format(path=path))
        return True


def _missing_line(part: MissingGlyphs) -> str:
    """Where characters no font has are, and their code points (the characters cannot be shown)."""
    where = {PartKind.CARD: tr("Card “{name}”"), PartKind.STAGE: tr("Stage “{name}”"),
             PartKind.LANE: tr("Lane “{name}”"), PartKind.TITLE: tr("Map title “{name}”")}
    return f"{where[part.kind].format(name=one_line(part.name, 80))}: {part.codes}"


class PagePreview(QWidget):
    """The PDF's map sheets side by side as they will be printed, landscape or portrait, each with
    its part of the map in miniature (cells and cards as plain shapes) and its number, so the user
    sees how the map is cut and how full each sheet is. A poster is the one page of the map."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(320, 220)
        self._layout: MapLayout | None = None
        self._plan: PagePlan | None = None
        self._sheets: list[tuple[QRectF, QRectF, QTransform, str]] = []  # paper, map's part, map to widget, number

    def show_plan(self, layout: MapLayout, plan: PagePlan) -> None:
        """Preview `plan`'s sheets of `layout`, in the fills the layout gives the headers and cells."""
        self._layout, self._plan = layout, plan
        self._place()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """Where each sheet goes in the widget: the plan's grid with a gap between sheets, as large as fits."""
        if self._plan is None:
            return
        plan = self._plan
        width, height = plan.page_size
        gap = 0.06 * min(width, height) if len(plan.tiles) > 1 else 0.0
        across, down = plan.columns * width + (plan.columns - 1) * gap, plan.rows * height + (plan.rows - 1) * gap
        scale = min((self.width() - 16) / across, (self.height() - 16) / down)
        left, top = (self.width() - across * scale) / 2, (self.height() - down * scale) / 2
        self._sheets = []
        for tile in plan.tiles:
            x, y = left + tile.column * (width + gap) * scale, top + tile.row * (height + gap) * scale
            target = tile.target
            part = QRectF(x + target.x * scale, y + target.y * scale, target.w * scale, target.h * scale)
            to_widget = QTransform(plan.scale * scale, 0, 0, plan.scale * scale,
                                   part.x() - tile.source.x * plan.scale * scale,
                                   part.y() - tile.source.y * plan.scale * scale)
            number = str(tile.number) if len(plan.tiles) > 1 else ""
            self._sheets.append((QRectF(x, y, width * scale, height * scale), part, to_widget, number))

    def paintEvent(self, event) -> None:
        if self._layout is None:
            return
        layout = self._layout
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ECEFF1"))
        font = painter.font()
        for paper, part, to_widget, number in self._sheets:
            painter.setPen(QPen(QColor("#90A4AE"), 1))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawRect(paper)
            painter.save()
            painter.setClipRect(part)
            painter.setTransform(to_widget)
            for box in layout.stages.values():
                painter.fillRect(QRectF(*box.header), QColor(box.fill))
            for box in layout.lanes.values():
                painter.fillRect(QRectF(*box.row), QColor(box.cell_fill))
            for card in layout.cards.values():
                painter.fillRect(QRectF(*card.rect), QColor("#B0BEC5"))
            painter.restore()
            if number:
                font.setPixelSize(max(8, int(min(paper.width(), paper.height()) * 0.3)))
                painter.setFont(font)
                painter.setPen(QColor(palette.CURVE))
                painter.drawText(paper, Qt.AlignmentFlag.AlignCenter, number)
        painter.end()


def _sheets_text(options: PdfOptions, plan: PagePlan) -> str:
    """How the map's sheets are turned, how many across and down, and the map's scale on them."""
    if options.pages == Pages.POSTER:
        return ""
    turned = tr("portrait") if plan.orientation == Orientation.PORTRAIT else tr("landscape")
    if options.pages == Pages.FIT:
        return tr("{paper} {orientation}, the map at {scale}").format(paper=options.paper, orientation=turned,
                                                                      scale=percent(plan.scale))
    return tr("{paper} {orientation}, {columns} × {rows} sheets, the map at {scale}").format(
        paper=options.paper, orientation=turned, columns=plan.columns, rows=plan.rows, scale=percent(plan.scale))


def _note(text: str, *widgets: QWidget) -> QWidget:
    """An option page that only explains the format (and holds its few widgets)."""
    page = QWidget()
    box = QVBoxLayout(page)
    label = QLabel(text)
    label.setWordWrap(True)
    box.addWidget(label)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch()
    return page


def _combo(items) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _millimetres(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 50)
    spin.setDecimals(0)
    spin.setSuffix(" " + tr("mm"))
    spin.setValue(value)
    return spin
