"""Exporting a map to a file: the one way the command line and File → Export do it, so both make the
same file from the same options, write it through the atomic writer (a failed or cancelled export
leaves the target as it was) and never over the map's own file.

export/ holds the exporters; this module chooses one by format and writes what it makes. Each
exporter is imported when its format is first exported (reportlab for the PDF, the canvas scene for
PNG and SVG), never when this module is, so the window starts without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .io import SaveError, dumps, write_atomic
from .io.atomic import same_file, writing_atomically
from .io.csv_export import to_csv
from .io.embedding import PngWithMap, html_with_map, pdf_with_map, svg_with_map
from .model import JourneyMap, Problem
from .model.compare import MapDiff

if TYPE_CHECKING:
    from .export.pdf import MissingGlyphs, PdfOptions

EXTENSIONS = {"cjm": ".cjm", "csv": ".csv", "pdf": ".pdf", "png": ".png", "svg": ".svg", "mermaid": ".mmd",
              "xlsx": ".xlsx", "pptx": ".pptx", "html": ".html"}
MAP_CARRIERS = ("pdf", "png", "svg", "html")  # the formats that carry the editable map unless asked not to (embed_map)

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


@dataclass(frozen=True)
class PngOptions:
    scale: float = 2.0  # pixels a point of the map: 2 is sharp on high-density screens and when zoomed in
    dpi: float | None = None  # instead of `scale`: dpi/72 pixels a point, recorded in the file for print (300)
    transparent: bool = False
    embed_map: bool = True  # the editable map rides along (io/embedding.py); off for a client who must not get it


@dataclass(frozen=True)
class SvgOptions:
    transparent: bool = False
    embed_map: bool = True


@dataclass(frozen=True)
class HtmlOptions:
    embed_map: bool = True


@dataclass(frozen=True)
class PptxOptions:
    picture: bool = True  # a slide of the whole map as a picture (drawn by the canvas scene, as the PNG is)


@dataclass(frozen=True)
class CsvOptions:
    excel: bool = False  # for Excel in Russian: a BOM, semicolons, decimal commas


@dataclass
class ExportResult:
    path: Path
    format: str
    size: int  # bytes written
    pages: int | None = None  # a PDF's pages
    slides: int | None = None  # a PowerPoint deck's slides
    pixels: tuple[int, int] | None = None  # a PNG's width and height
    notes: list[str] = field(default_factory=list)  # what was left out and why, for the user
    missing: list[MissingGlyphs] = field(default_factory=list)  # characters no font has, by card


class OwnInputError(SaveError):
    """The target is the map's own file, by its name or through a symbolic or hard link."""


class CannotExport(ValueError):
    """The map cannot be exported with these options (a PNG larger than one image may be); the
    message says what would fit. Nothing was written."""


def refuse_own_input(source: str | Path, target: str | Path) -> None:
    """An export writes a new file, never over the map it reads: not by its name, nor through a
    symbolic or hard link to it. Raises OwnInputError."""
    if same_file(source, target):
        raise OwnInputError(target, [Problem("", "is the map being exported; an export never replaces its own "
                                                 "input, give another output file")])


def export_map(doc: JourneyMap, fmt: str, target: str | Path,
               options: PdfOptions | PngOptions | SvgOptions | CsvOptions | None = None, *,
               source: str | Path | None = None, progress: Progress | None = None) -> ExportResult:
    """Write `doc` to `target` in the format `fmt` (a key of EXTENSIONS), with `options` of the
    format's type (PdfOptions, PngOptions, SvgOptions, CsvOptions; None for their defaults, and for
    Mermaid and .cjm, which have none). `source`, the file the map was read from, is never written
    over (OwnInputError). `progress(done, total)` is told as a PDF, PNG or SVG is drawn; returning
    False stops with `export.Cancelled`. A file that cannot be written raises SaveError; options
    the map cannot be exported with, CannotExport. In every failure `target` is left as it was."""
    if fmt not in EXTENSIONS:
        raise ValueError(f"there is no export format {fmt!r}; the formats are: {', '.join(EXTENSIONS)}")
    target = Path(target)
    if source is not None:
        refuse_own_input(source, target)
    return _WRITERS[fmt](doc, target, options, progress)


def export_comparison(diff: MapDiff, fmt: str, target: str | Path, options: PdfOptions | PngOptions | None = None,
                      *, names: tuple[str, str] = ("", ""), progress: Progress | None = None) -> ExportResult:
    """Write the comparison `diff` to `target` as the comparison window shows it: the later map with the
    differences marked, the summary under its title; `fmt` is "pdf" or "png", `names` what the two
    maps are called. Failures are those of `export_map`, and leave `target` as it was."""
    target = Path(target)
    if fmt == "pdf":
        from .export.pdf import PdfOptions, comparison_to_pdf  # reportlab loads with the first PDF

        made = comparison_to_pdf(diff, names, _options(options, PdfOptions), progress)
        write_atomic(target, made.data)
        return ExportResult(target, "pdf", len(made.data), pages=made.pages, notes=made.notes, missing=made.missing)
    if fmt != "png":
        raise ValueError(f"a comparison is exported as pdf or png, not {fmt!r}")
    from .export.image import write_comparison_png  # the canvas scene and Qt's painting load with the first image

    options = _options(options, PngOptions)
    try:
        with writing_atomically(target) as out:
            drawn = write_comparison_png(diff, names, out, scale=options.scale, dpi=options.dpi,
                                         transparent=options.transparent, progress=progress)
            size = out.tell()
    except ValueError as error:
        raise CannotExport(str(error)) from None
    return ExportResult(target, "png", size, pixels=drawn.pixels)


def _pdf(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .export.pdf import PdfOptions, to_pdf  # reportlab loads with the first PDF

    options = _options(options, PdfOptions)
    made = to_pdf(doc, options, progress=progress)
    # the map rides along: File → Open of the PDF gives it back
    data = pdf_with_map(made.data, dumps(doc)) if options.embed_map else made.data
    write_atomic(target, data)
    return ExportResult(target, "pdf", len(data), pages=made.pages, notes=made.notes, missing=made.missing)


def _png(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .export.image import write_png  # the canvas scene and Qt's painting load with the first image

    options = _options(options, PngOptions)
    try:
        with writing_atomically(target) as file:  # drawn in bands straight into the file: memory stays bounded
            out = PngWithMap(file, dumps(doc)) if options.embed_map else file  # the map rides in a text chunk
            drawn = write_png(doc, out, scale=options.scale, dpi=options.dpi, transparent=options.transparent,
                              progress=progress)
            size = out.tell()
    except ValueError as error:  # too large for one image: the message says what scale fits
        raise CannotExport(str(error)) from None
    return ExportResult(target, "png", size, pixels=drawn.pixels, missing=drawn.missing())


def _svg(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .export.image import draw_svg

    options = _options(options, SvgOptions)
    data, drawn = draw_svg(doc, transparent=options.transparent, progress=progress)
    if options.embed_map:
        data = svg_with_map(data, dumps(doc))  # the map rides along in the SVG's metadata
    write_atomic(target, data)
    return ExportResult(target, "svg", len(data), missing=drawn.missing())


def _csv(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    data = to_csv(doc, excel=_options(options, CsvOptions).excel)
    write_atomic(target, data)
    return ExportResult(target, "csv", len(data))


def _pptx(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .export.pptx_deck import to_pptx  # python-pptx loads with the first deck

    made = to_pptx(doc, picture=_options(options, PptxOptions).picture, progress=progress)
    write_atomic(target, made.data)
    return ExportResult(target, "pptx", len(made.data), slides=made.slides, notes=made.notes)


def _html(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .export.html_page import to_html  # the canvas scene draws the page's map, as it draws the SVG

    data, drawn = to_html(doc, progress=progress)
    if _options(options, HtmlOptions).embed_map:
        data = html_with_map(data, dumps(doc))  # the map rides along in the page
    write_atomic(target, data)
    return ExportResult(target, "html", len(data), missing=drawn.missing())


def _mermaid(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .io.mermaid import to_mermaid

    _no_options(options)
    data = to_mermaid(doc).encode("utf-8")
    write_atomic(target, data)
    return ExportResult(target, "mermaid", len(data))


def _xlsx(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    from .io.xlsx_export import to_xlsx  # openpyxl loads with the first workbook

    _no_options(options)
    data, notes = to_xlsx(doc)
    write_atomic(target, data)
    return ExportResult(target, "xlsx", len(data), notes=notes)


def _cjm(doc: JourneyMap, target: Path, options, progress: Progress | None) -> ExportResult:
    _no_options(options)
    data = dumps(doc)
    write_atomic(target, data)
    return ExportResult(target, "cjm", len(data))


def _options(options, kind: type):
    """The options given, or the format's defaults; options of another format are a caller's bug."""
    if options is None:
        return kind()
    if not isinstance(options, kind):
        raise TypeError(f"{kind.__name__} expected, not {type(options).__name__}")
    return options


def _no_options(options) -> None:
    if options is not None:
        raise TypeError(f"this format takes no options, not {type(options).__name__}")


_WRITERS = {"cjm": _cjm, "csv": _csv, "pdf": _pdf, "png": _png, "svg": _svg, "mermaid": _mermaid,
            "xlsx": _xlsx, "pptx": _pptx, "html": _html}
