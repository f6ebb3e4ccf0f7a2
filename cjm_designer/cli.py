"""The `cjm-designer` command: open a map, or create, check and convert maps without a display.

Exit codes: 0 done, 1 bad input (a file that cannot be read or written), 2 bad usage.
"""

from __future__ import annotations

import argparse
import gc
import json
import locale
import math
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, app, templates
from .io import CjmError, SaveError, dumps, load, save, write_atomic
from .io.atomic import same_file
from .io.cjm import MAX_FILE_BYTES
from .io.disk_state import load_with_state, read_with_state
from .io.embedded import CHANGED_AFTER_EXPORT, EXPORT_SUFFIXES, embedded_map, map_in_export
from .io.reading import read_limited
from .io.schema import json_schema
from .io.snapshots import MAX_NAME, MAX_NOTE, UNKNOWN_TIME, damaged_snapshots, snapshot_into_file, snapshot_map
from .model import JourneyMap, Problem
from .model.plain import one_line

if TYPE_CHECKING:
    from .map_export import ExportResult

IMPORT_FORMATS = {"csv": ".csv", "mermaid": ".mmd", "pdf": ".pdf", "png": ".png", "svg": ".svg",
                  "xlsx": ".xlsx", "html": ".html"}
LANGUAGES = ("ru", "en")
MAX_SCALE = 1000  # PNG pixels a point; what a given map allows is checked against the image's size
MAX_MM = 50  # PDF margin and overlap: a quarter of an A4 sheet's height, as the export dialog allows
NO_DISPLAY = ("cjm-designer: no display to open a window on; use --screenshot OUT.png to render one, "
              "or the commands in --help")


class UsageError(Exception):
    """Bad usage found after parsing (exit 2)."""


def entry() -> None:
    """The `cjm-designer` command and `python -m cjm_designer`: `main`, then the end of the process
    without a last full collection walking every object of the map (65-113 ms at 5,000 cards)."""
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0] in _COMMANDS:
            args = _command_parser().parse_args(argv)
        else:
            args = _open_parser().parse_args(argv)
        return args.run(args)
    except SystemExit as done:  # argparse: --help, --version, bad usage
        return done.code if isinstance(done.code, int) else 2
    except UsageError as error:
        print(f"cjm-designer: {error}", file=sys.stderr)
        return 2
    except CjmError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stdout = None
        return 0


def system_language() -> str:
    """`ru` when the user's locale is Russian, otherwise `en`."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    code = locale.getlocale()[0] or ""
    return "ru" if code.lower().startswith("ru") else "en"


# -- commands -----------------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> int:
    if args.demo and args.file:
        raise UsageError("give a FILE or --demo, not both")
    size = _size(args.size)
    if args.file and args.screenshot and same_file(args.file, args.screenshot):
        from .map_export import refuse_own_input  # only to refuse: opening the window needs nothing of exporting

        refuse_own_input(args.file, args.screenshot)
    state = None
    with app.kept_from_the_collector():  # the map lives as long as the window, like what the window makes
        if args.demo:
            doc, path, name = templates.new_map(templates.DEMO_TEMPLATE, app.interface_language()), None, "demo.cjm"
        elif args.file and Path(args.file).suffix.lower() in EXPORT_SUFFIXES:  # the map an export carries, untitled
            (doc, changed), path, name = embedded_map(args.file), None, None
            if changed:
                print(f"{_shown(Path(args.file))}: {CHANGED_AFTER_EXPORT}", file=sys.stderr)
        elif args.file:
            (doc, state), path, name = load_with_state(args.file), Path(args.file), Path(args.file).name
        else:
            doc, path, name = templates.new_map(_preferred_template(), app.interface_language()), None, None
    if args.screenshot is None and not app.has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    return app.run(doc, path, name, Path(args.screenshot) if args.screenshot else None, size, state)


def _present(args: argparse.Namespace) -> int:
    """The map read-only (no lock taken, nothing autosaved), full screen in presentation mode; Escape
    leaves it for the window."""
    size = _size(args.size)
    if args.screenshot and same_file(args.file, args.screenshot):
        from .map_export import refuse_own_input  # only to refuse, as `_open` does

        refuse_own_input(args.file, args.screenshot)
    with app.kept_from_the_collector():
        doc, state = load_with_state(args.file)
    if args.screenshot is None and not app.has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    return app.run(doc, Path(args.file), Path(args.file).name, Path(args.screenshot) if args.screenshot else None,
                   size, state, present=True)


def _preferred_template() -> str:
    """The template the user chose for new maps in Preferences (blank when none or gone)."""
    from .ui.settings import Settings  # here, not at the top: the other commands run without Qt

    name = Settings().default_template()
    return name if any(t.name == name for t in templates.available("en")) else templates.DEFAULT_TEMPLATE


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 200 <= int(width) <= 8000 and 200 <= int(height) <= 8000):
        raise UsageError(f"--size takes WIDTHxHEIGHT in pixels, such as 1600x1000 (got {text!r})")
    return int(width), int(height)


def _new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _refuse_existing(out, args.force)
    try:
        doc = templates.new_map(args.template, args.lang or system_language(), structure=args.structure_only)
    except KeyError:
        names = ", ".join(t.name for t in templates.available("en"))
        raise UsageError(f"there is no template {_quoted(args.template)}; the templates are: {names}") from None
    write_atomic(out, dumps(doc))
    print(f"{_shown(out)}: new map from the template {_quoted(args.template)} ({_summary(doc)})")
    return 0


def _templates(args: argparse.Namespace) -> int:
    skipped: list[CjmError] = []
    found = templates.available(args.lang or system_language(), skipped)
    width = max(len(t.name) for t in found)
    for template in found:
        mine = f"  [user template, {template.language}]" if template.user else ""
        print(f"{template.name:<{width}}  {template.title}{mine}")
    for error in skipped:
        print(f"note: not listed: {error}", file=sys.stderr)
    return 0


def _template_save(args: argparse.Namespace) -> int:
    doc = load(args.file)
    try:
        path = templates.save_user_template(doc, doc.meta.title if args.name is None else args.name)
    except ValueError:
        raise UsageError("a template needs a name: give --name NAME (the map has no title)") from None
    print(f"{_shown(path)}: the user template {_quoted(path.stem)}; "
          f"use it with `cjm-designer new --template {one_line(path.stem)}`")
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for file in args.files:
        try:
            doc = load(file)
        except CjmError as error:
            failed = True
            for line in error.lines():
                print(line, file=sys.stderr)
        else:
            damaged = damaged_snapshots(doc, file)
            failed = failed or bool(damaged)
            for error in damaged.values():
                print(str(error), file=sys.stderr)
            hurt = f"; {len(damaged)} damaged snapshot{'' if len(damaged) == 1 else 's'}" if damaged else ""
            print(f"{_shown(file)}: valid ({_summary(doc)}){hurt}")
    return 1 if failed else 0


def _export(args: argparse.Namespace) -> int:
    from .map_export import EXTENSIONS, MAP_CARRIERS, CannotExport, export_map, refuse_own_input

    out = Path(args.output)
    fmt = args.format or _format_of(out, EXTENSIONS)
    only = {"--excel": ("csv", args.excel), "--pages": ("pdf", args.pages), "--paper": ("pdf", args.paper),
            "--orientation": ("pdf", args.orientation),
            "--cover": ("pdf", args.cover), "--personas": ("pdf", args.personas), "--legend": ("pdf", args.legend),
            "--report": ("pdf", args.report),
            "--no-header": ("pdf", args.no_header), "--scale": ("png", args.scale), "--dpi": ("png", args.dpi),
            "--transparent": ("png or svg", args.transparent), "--no-map": (" or ".join(MAP_CARRIERS), args.no_map)}
    for flag, (formats, given) in only.items():
        if given and fmt not in formats.split(" or "):
            raise UsageError(f"{flag} goes with --format {formats}")
    if args.scale is not None and args.dpi is not None:
        raise UsageError("give --scale or --dpi, not both")
    refuse_own_input(args.file, out)  # checked again by the export; told here before the map is read
    _refuse_existing(out, args.force)
    doc = load(args.file)
    try:
        result = export_map(doc, fmt, out, _export_options(fmt, args), source=args.file)
    except CannotExport as error:
        print(f"{_shown(out)}: {error}", file=sys.stderr)
        return 1
    print(f"{_shown(out)}: {_made(result)}, {result.size:,} bytes")
    for note in result.notes:
        print(f"note: {one_line(note, 500)}", file=sys.stderr)
    for part in result.missing:  # one line a card (or header): its characters no font has
        who = f"{part.kind} “{one_line(part.name, 80)}”" + (f" ({part.part_id})" if part.part_id else "")
        print(f"warning: {who}: no font has {part.codes}: shown as a blank or an empty box", file=sys.stderr)
    return 0


def _export_options(fmt: str, args: argparse.Namespace):
    """The options of the format, from the command line."""
    from .map_export import CsvOptions, HtmlOptions, PngOptions, SvgOptions

    if fmt == "pdf":
        from .export.pdf import PdfOptions  # reportlab is loaded only when a PDF is asked for
        from .export.pdf_pages import MM, Orientation, Pages

        return PdfOptions(pages=Pages(args.pages or "poster"), paper=args.paper or "A4",
                          orientation=Orientation(args.orientation or "auto"), margin=args.margin * MM,
                          overlap=args.overlap * MM, header=not args.no_header, cover=args.cover,
                          personas=args.personas, legend=args.legend, report=args.report, embed_map=not args.no_map)
    options = {"png": lambda: PngOptions(scale=args.scale or PngOptions.scale, dpi=args.dpi,
                                         transparent=args.transparent, embed_map=not args.no_map),
               "svg": lambda: SvgOptions(transparent=args.transparent, embed_map=not args.no_map),
               "html": lambda: HtmlOptions(embed_map=not args.no_map),
               "csv": lambda: CsvOptions(excel=args.excel)}
    return options[fmt]() if fmt in options else None


def _made(result: ExportResult) -> str:
    """What an export made, as its output line says it: the format, and a PDF's pages, a deck's slides
    or a PNG's pixels."""
    if result.slides is not None:
        return f"pptx, {result.slides} slide{'' if result.slides == 1 else 's'}"
    if result.pages is not None:
        return f"pdf, {result.pages} page{'' if result.pages == 1 else 's'}"
    if result.pixels is not None:
        return f"png, {result.pixels[0]} × {result.pixels[1]} pixels"
    return result.format


def _refuse_existing(out: Path, force: bool) -> None:
    if not force and os.path.lexists(out):
        raise SaveError(out, [Problem("", "already exists; use --force to replace it")])


def _shown(path: str | Path) -> str:
    """A file name in an output line, its control and bidi characters made visible."""
    return one_line(str(path), 300)


def _quoted(text: str) -> str:
    """A name or value the user gave, quoted and cut short, its control characters made visible."""
    return one_line(repr(text), 80)


def _format_of(path: Path, formats: dict[str, str]) -> str:
    fmt = next((f for f, ext in formats.items() if path.suffix.lower() == ext), None)
    if fmt is None:
        raise UsageError(f"cannot tell the format from {_quoted(path.name)}; give --format ({', '.join(formats)})")
    return fmt


def _import(args: argparse.Namespace) -> int:
    source, out = Path(args.file), Path(args.output)
    fmt = args.format or _format_of(source, IMPORT_FORMATS)
    _refuse_existing(out, args.force)
    raw = read_limited(source, MAX_FILE_BYTES)
    if fmt == "csv":
        from .io.csv_import import from_csv

        doc, warnings = from_csv(raw, str(source))
    elif fmt == "xlsx":
        from .io.xlsx_import import from_xlsx

        doc, warnings = from_xlsx(raw, str(source))
    elif fmt in ("pdf", "png", "svg", "html"):  # an export of this program: the map it carries
        doc, changed = map_in_export(raw, str(source))
        warnings = [CHANGED_AFTER_EXPORT] if changed else []
    else:
        from .io.mermaid import from_mermaid

        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            print(f"{_shown(source)}: byte {error.start}: the text is not UTF-8", file=sys.stderr)
            return 1
        doc, warnings = from_mermaid(text, str(source), args.lang)
    for warning in warnings:
        print(f"{_shown(source)}: {one_line(warning, 500)}", file=sys.stderr)
    write_atomic(out, dumps(doc))
    print(f"{_shown(out)}: imported from {fmt} ({_summary(doc)})")
    return 0


def _import_metrics(args: argparse.Namespace) -> int:
    """Print what the report changes, then (asked, or with --yes) save the map in place, unless another
    program changed the file meanwhile."""
    from .io.metrics_report import read_report
    from .io.metrics_summary import plan_text
    from .model.metrics_match import MatchBy, plan_import, write_figures

    doc, state = load_with_state(args.file)
    report = read_report(args.report)
    plan = plan_import(doc, report, MatchBy(args.match))
    for line in plan_text(doc, report, plan, _shown(args.report)):
        print(line)
    changes = len(plan.changed)
    if not changes or args.dry_run:
        print(f"{_shown(args.file)}: {'nothing to change' if not changes else 'not written (--dry-run)'}")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("add --yes to write the figures without asking, or --dry-run to only see them")
        answer = input(f"Write the figures of {changes} card{'' if changes == 1 else 's'} into {_shown(args.file)}? "
                       "[y/N] ")
        if answer.strip().casefold() not in ("y", "yes", "д", "да"):
            print(f"{_shown(args.file)}: not written")
            return 0
    if read_with_state(args.file)[1].sha256 != state.sha256:
        raise CjmError(args.file, [Problem("", "another program changed the file while the report was read; "
                                               "nothing written, run the command again")])
    write_figures(doc, plan)
    save(doc, args.file)
    print(f"{_shown(args.file)}: figures of {changes} card{'' if changes == 1 else 's'} written")
    return 0


def _xlsx_template(args: argparse.Namespace) -> int:
    from .io.xlsx_template import xlsx_template  # openpyxl loads only for this command

    out = Path(args.output)
    _refuse_existing(out, args.force)
    data = xlsx_template(args.lang or system_language())
    write_atomic(out, data)
    print(f"{_shown(out)}: an empty workbook to fill in, then: cjm-designer import {_shown(out.name)} -o MAP.cjm")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .io.report import report_markdown

    sys.stdout.write(report_markdown(load(args.file)))
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _snapshot(args: argparse.Namespace) -> int:
    name, note = args.name.strip(), args.note.strip()  # as the window's dialog takes them
    if not name:
        raise UsageError("--name: a snapshot needs a name")
    if len(name) > MAX_NAME or len(note) > MAX_NOTE:
        raise UsageError(f"--name takes at most {MAX_NAME} characters, --note at most {MAX_NOTE}")
    now = datetime.now().astimezone().replace(microsecond=0)
    doc = snapshot_into_file(args.file, name, now, note)
    count = f"{len(doc.snapshots)} snapshot{'' if len(doc.snapshots) == 1 else 's'}"
    print(f"{_shown(args.file)}: snapshot “{one_line(name, 80)}” taken ({count})")
    return 0


def _snapshots(args: argparse.Namespace) -> int:
    doc = load(args.file)
    if not doc.snapshots:
        print(f"{_shown(args.file)}: no snapshots")
    damaged = False
    for snapshot in doc.snapshots:
        taken = snapshot.created.astimezone().strftime("%Y-%m-%d %H:%M") if snapshot.created != UNKNOWN_TIME else "?"
        who = f"  {one_line(snapshot.author, 60)}" if snapshot.author else ""
        try:
            cards = len(snapshot_map(snapshot, args.file).cards)
        except CjmError as error:
            damaged = True
            print(f"{taken}  “{one_line(snapshot.name, 80)}”{who}  damaged")
            print(str(error), file=sys.stderr)
        else:
            print(f"{taken}  “{one_line(snapshot.name, 80)}”{who}  {cards} card{'' if cards == 1 else 's'}")
    return 1 if damaged else 0


def _diff(args: argparse.Namespace) -> int:
    """Exit 0 the maps are the same, 1 they differ, 2 when a map cannot be read or the comparison cannot
    be written (as `diff` and `cmp` do, so scripts and git tell "different" from "failed")."""
    from .io.diff_report import diff_markdown, diff_text
    from .io.map_refs import load_ref, ref_file
    from .model.captions import map_language
    from .model.compare import compare

    if args.format in ("pdf", "png") and not args.output:
        raise UsageError(f"--format {args.format} draws a map: give -o OUT")
    out = Path(args.output) if args.output else None
    try:
        if out is not None:
            for ref in (args.before, args.after):
                if same_file(ref_file(ref), out):
                    raise SaveError(out, [Problem("", "is a map being compared; give another output file")])
            _refuse_existing(out, args.force)
        (before, before_name), (after, after_name) = load_ref(args.before), load_ref(args.after)
        diff = compare(before, after)
        if args.format in ("pdf", "png"):
            from .map_export import CannotExport, export_comparison

            try:
                result = export_comparison(diff, args.format, out, names=(before_name, after_name))
            except CannotExport as error:
                print(f"{_shown(out)}: {error}", file=sys.stderr)
                return 2
            print(f"{_shown(out)}: {_made(result)}, {result.size:,} bytes")
        else:
            write = diff_text if args.format == "text" else diff_markdown
            text = write(diff, map_language(after), before_name, after_name)
            if out is None:
                sys.stdout.write(text)
            else:
                write_atomic(out, text.encode("utf-8"))
                print(f"{_shown(out)}: {args.format}, {len(text.encode('utf-8')):,} bytes")
    except CjmError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 2
    return 0 if diff.equal else 1


def _merge(args: argparse.Namespace) -> int:
    """Exit 0 merged cleanly, 1 merged with conflicts (git then reports the file as conflicted), 2 when an
    input cannot be read or the result cannot be written."""
    from .model.merge import merge

    out = Path(args.output) if args.output else Path(args.ours)
    try:
        if args.output and not same_file(out, args.ours):
            _refuse_existing(out, args.force)
        base, ours, theirs = (load(file) for file in (args.base, args.ours, args.theirs))
        merged = merge(base, ours, theirs)
        write_atomic(out, dumps(merged.doc))
    except CjmError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 2
    conflicts = len(merged.conflicts)
    settle = " — resolve them in Map → Conflicts" if conflicts else ""
    print(f"{_shown(out)}: merged: {merged.from_ours} change{'' if merged.from_ours == 1 else 's'} from ours, "
          f"{merged.from_theirs} from theirs, {conflicts} conflict{'' if conflicts == 1 else 's'}{settle}",
          file=sys.stderr)
    return 1 if conflicts else 0


def _text(args: argparse.Namespace) -> int:
    from .io.map_text import map_text

    sys.stdout.write(map_text(load(args.file)))
    return 0


def _git_setup(args: argparse.Namespace) -> int:
    from .io.git_setup import GitSetupError, git_setup

    try:
        done = git_setup(args.repo)
    except GitSetupError as error:
        print(f"cjm-designer: {one_line(str(error), 500)}", file=sys.stderr)
        return 1
    attributes = done.top / ".gitattributes"
    added = "added to" if done.attributes_added else "already in"
    print(f"{_shown(attributes)}: “*.cjm merge=cjm diff=cjm” {added} it (commit it to share it with the team)")
    for key, value in done.config.items():
        print(f"git config {key} {one_line(repr(value), 500)}")
    print("git merge now merges .cjm files by element id, and git diff shows them as text")
    return 0


def _workshop(args: argparse.Namespace) -> int:
    """A room for the map without a window, until Ctrl+C or SIGTERM (then exit 0): the URL is the first
    line, for a script to read; what arrives is saved into FILE by the room (room/file_room.py)."""
    from .room.file_room import FileBusy, take_file

    if args.port != int(args.port):
        raise UsageError(f"--port takes a whole number, not {args.port:g}")
    doc = load(args.file)
    try:
        lock = take_file(Path(args.file))  # two writers of one file would overwrite each other's work
    except FileBusy as busy:
        print(f"{_shown(args.file)}: {busy}", file=sys.stderr)
        return 1
    try:
        return _serve_room(doc, args)
    finally:
        if lock is not None:
            lock.release(remove=True)


def _serve_room(doc: JourneyMap, args: argparse.Namespace) -> int:
    """The room itself: its URL printed, what arrives saved into FILE, until a signal stops it."""
    import signal
    import threading

    from .room.addresses import chosen, system_addresses
    from .room.board import board_of
    from .room.file_room import FileRoom
    from .room.server import RoomServer, lan_address  # here: aiohttp loads for this command only

    offers = system_addresses(lan_address()) if args.host is None else []  # Wi-Fi and office networks first
    host = chosen(offers, "") if args.host is None else args.host
    room = FileRoom(doc, Path(args.file))
    server = RoomServer(board_of(doc), room, host=host, port=int(args.port))
    try:
        url = server.start()
    except OSError as error:
        room.close()
        where = f"{args.host or 'the local network'}, port {int(args.port)}"
        print(f"cjm-designer: cannot open a room on {where}: {one_line(error.strerror or str(error), 200)}",
              file=sys.stderr)
        return 1
    room.published = server.publish
    stopped = threading.Event()  # heard before the URL is out: a script that reads it may stop the room at once
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopped.set())
    print(url, flush=True)
    others = [f"{a.ip} ({a.interface})" if a.interface else a.ip for a in offers if a.ip != host]
    if others:  # the phones may be on another of the laptop's networks than the one guessed
        print(f"The room listens on {host}. Other addresses of this computer: {', '.join(others)}; "
              "if the phones cannot open the link, restart with --host ADDRESS.", flush=True)
    while not stopped.wait(0.5):
        pass
    server.stop()
    room.close()
    return 1 if room.failed else 0


def _summary(doc: JourneyMap) -> str:
    counts = (len(doc.stages), "stage"), (len(doc.lanes), "lane"), (len(doc.cards), "card"), (len(doc.links), "link")
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)


# -- parsers ------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, its usage errors given as one line (the usage itself is in --help)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {one_line(message, 300)} (see {self.prog} --help)\n")


def _number(low: float, high: float, *, above_low: bool = False):
    """An argparse type: a number from `low` (or above it, with `above_low`) to `high`."""
    lower = f"more than {low:g}" if above_low else f"from {low:g}"

    def number(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and (value > low if above_low else value >= low) and value <= high):
            raise argparse.ArgumentTypeError(f"takes a number {lower} to {high:g}, not {_quoted(text)}")
        return value

    return number


_COMMANDS = ("new", "templates", "template", "validate", "export", "import", "report", "schema",
             "snapshot", "snapshots", "diff", "merge", "git-setup", "text", "present", "workshop",
             "xlsx-template", "import-metrics")

_USAGE = """cjm-designer [FILE | --demo] [--screenshot OUT.png [--size WxH]]
       cjm-designer present FILE [--screenshot OUT.png [--size WxH]]
       cjm-designer new [--template NAME] [--lang ru|en] [--structure-only] -o FILE
       cjm-designer templates [--lang ru|en]
       cjm-designer template save FILE [--name NAME]
       cjm-designer validate FILE...
       cjm-designer export FILE -o OUT [--format pdf|png|svg|csv|mermaid|cjm|pptx|html] [options]
       cjm-designer import FILE.csv|FILE.xlsx|FILE.mmd|FILE.pdf|FILE.png|FILE.svg|FILE.html -o OUT.cjm
       cjm-designer xlsx-template [--lang ru|en] -o FILE.xlsx
       cjm-designer import-metrics FILE REPORT.csv|REPORT.xlsx [--match auto|url|utm|tag] [--dry-run] [--yes]
       cjm-designer report FILE
       cjm-designer schema
       cjm-designer snapshot FILE --name NAME [--note TEXT]
       cjm-designer snapshots FILE
       cjm-designer diff A B [--format text|md|pdf|png] [-o OUT]
       cjm-designer merge BASE OURS THEIRS [-o OUT [--force]]
       cjm-designer git-setup [REPO]
       cjm-designer text FILE
       cjm-designer workshop FILE [--host ADDR] [--port N]"""

_EPILOG = """commands:
  new        create a map from a template
  templates  list the templates, the bundled ones and your own
  template   save FILE as a template of your own (in the user's data folder)
  validate   check maps; one line a problem on stderr, exit 1 if any
  export     write a map in another format: pdf (vector, text selectable; --pages poster|tiles|fit,
             --paper A4|A3, --orientation auto|landscape|portrait, --cover, --personas, --legend),
             png (--scale or --dpi, --transparent), svg, csv (one row a card; --excel), mermaid (a journey
             diagram), cjm (canonical form), pptx (a PowerPoint deck: title, personas, the map, a slide
             a stage with editable cards, the funnel chart and analytics), html (one offline page to send:
             the map to zoom, a card's details on a click, heat map, show only, funnel, personas); a PDF,
             PNG, SVG or HTML page carries the editable map, which `import` and opening the file give back
             (--no-map: it does not)
  import     make a map from a CSV table (stage and lane columns) or a Mermaid journey diagram
  xlsx-template  write an empty Excel workbook to fill in (sheets, headers, drop-down lists,
             instructions); `import FILE.xlsx` makes a map of it, or of an exported workbook
  import-metrics  fill the cards' visits, conversion and time on site from a Яндекс.Метрика or GA4
             report (CSV or XLSX), matched by the cards' page address, UTM tag or tag
  report     print the funnel, touchpoints, channels, owners, pain points and missed KPIs (Markdown)
  schema     print the JSON Schema of the .cjm format
  snapshot   keep the map's present state inside the file under a name ("As-is", "After workshop 1")
  snapshots  list the snapshots kept in a map, with their dates and authors; exit 1 if one is damaged
  diff       compare two maps (a file, or FILE@SNAPSHOT): exit 0 when equal, 1 when different, 2 on error
  merge      merge two versions of a map with their common ancestor by element id (git's merge driver);
             exit 1 when some changes conflict: the result holds both sides, see Map → Conflicts;
             2 when a file cannot be read or written
  git-setup  make git merge and diff .cjm files with these commands in a repository
  text       print a map as plain text, one field a line (what git diff shows of a .cjm file)
  present    show a map full screen and read-only, stage by stage: PgDn/PgUp move, L lane by lane,
             Enter or a click a spotlight on a card, T a countdown (+/- minutes), Esc back to the window
  workshop   open a workshop room without a window: prints the invitation URL (http://HOST:PORT/TOKEN/)
             for participants' phones, saves each card, comment and dot vote they send into FILE,
             until Ctrl+C; see docs/workshop-api.md

exit codes: 0 done, 1 bad input, 2 bad usage"""


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cjm-designer", usage=_USAGE, epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="CJM Designer: draw customer journey maps offline.")
    parser.add_argument("--version", action="version", version=f"cjm-designer {__version__}")
    parser.add_argument("file", nargs="?", metavar="FILE", help="the .cjm map to open, or a PDF, PNG or SVG export "
                                                                 "for the map it carries (opened untitled)")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo map")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window to a PNG and exit (no display needed)")
    parser.add_argument("--size", default="1600x1000", metavar="WxH", help="window size for --screenshot")
    parser.set_defaults(run=_open)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    from .map_export import EXTENSIONS as EXPORT_FORMATS  # here: opening the window needs nothing of exporting

    parser = _Parser(prog="cjm-designer", usage=_USAGE)
    commands = parser.add_subparsers(dest="command", required=True, prog="cjm-designer")

    new = commands.add_parser("new", help="create a map from a template")
    new.add_argument("--template", default=templates.DEFAULT_TEMPLATE, metavar="NAME",
                     help=f"template name, see `cjm-designer templates` (default: {templates.DEFAULT_TEMPLATE})")
    new.add_argument("--lang", choices=LANGUAGES, help="language of the template (default: the system's)")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="the new .cjm file")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")
    new.add_argument("--structure-only", action="store_true",
                     help="only the stages (goals, questions) and lanes: no example cards, links, personas or figures")
    new.set_defaults(run=_new)

    listing = commands.add_parser("templates", help="list the templates")
    listing.add_argument("--lang", choices=LANGUAGES, help="language of the titles (default: the system's)")
    listing.set_defaults(run=_templates)

    present = commands.add_parser("present", help="show a map full screen, read-only, stage by stage")
    present.add_argument("file", metavar="FILE", help="the .cjm map to show")
    present.add_argument("--screenshot", metavar="OUT.png", help="render the first step to a PNG and exit")
    present.add_argument("--size", default="1600x1000", metavar="WxH", help="window size for --screenshot")
    present.set_defaults(run=_present)

    template = commands.add_parser("template", help="manage your own templates")
    template_actions = template.add_subparsers(dest="action", required=True, prog="cjm-designer template")
    template_save = template_actions.add_parser("save", help="save a map as a template of your own")
    template_save.add_argument("file", metavar="FILE", help="the .cjm map to copy")
    template_save.add_argument("--name", metavar="NAME", help="the template's title (default: the map's title)")
    template_save.set_defaults(run=_template_save)

    validate = commands.add_parser("validate", help="check maps")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", help="write a map in another format")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--format", choices=tuple(EXPORT_FORMATS), help="default: from OUT's extension (.mmd for "
                                                                        "mermaid)")
    export.add_argument("--excel", action="store_true", help="CSV for Russian Excel: BOM, ';', decimal commas")
    export.add_argument("--force", action="store_true", help="replace OUT if it exists")
    export.add_argument("--no-map", action="store_true",
                        help="PDF, PNG, SVG, HTML: leave out the editable map these carry (for a client who must "
                             "not get it)")
    image = export.add_argument_group("PNG and SVG")
    image.add_argument("--scale", type=_number(0, MAX_SCALE, above_low=True),
                       help="PNG pixels per point of the map (default 2, sharp on any screen; 1 for the map's "
                            "size in points)")
    image.add_argument("--dpi", type=_number(0, MAX_SCALE * 72, above_low=True),
                       help="PNG resolution for print, e.g. 300: 300/72 pixels a point, recorded in the file "
                            "(instead of --scale)")
    image.add_argument("--transparent", action="store_true", help="no white background")
    pdf = export.add_argument_group("PDF")
    pdf.add_argument("--pages", choices=("poster", "tiles", "fit"),
                     help="poster: one page the size of the map (default); tiles: full size over A4/A3 sheets; "
                          "fit: the whole map on one sheet")
    pdf.add_argument("--paper", choices=("A4", "A3"), help="sheet for tiles, fit and extra pages (default A4)")
    pdf.add_argument("--orientation", choices=("auto", "landscape", "portrait"),
                     help="how the sheets are turned; auto (default): tiles on the fewest, fullest sheets, fit at "
                          "the larger scale, other pages landscape")
    pdf.add_argument("--margin", type=_number(0, MAX_MM), default=10.0, metavar="MM",
                     help=f"sheet margin, 0 to {MAX_MM} (default 10 mm)")
    pdf.add_argument("--overlap", type=_number(0, MAX_MM), default=10.0, metavar="MM",
                     help="what neighbouring tiles both show, for gluing (default 10 mm)")
    pdf.add_argument("--no-header", action="store_true", help="no title, date and page number on the sheets")
    pdf.add_argument("--cover", action="store_true", help="a cover page first")
    pdf.add_argument("--personas", action="store_true", help="pages describing the personas")
    pdf.add_argument("--legend", action="store_true", help="a page explaining colours, icons and marks")
    pdf.add_argument("--report", action="store_true", help="a page of analytics: funnel, touchpoints, owners, "
                                                          "pain points, missed KPIs")
    export.set_defaults(run=_export)

    importer = commands.add_parser("import", help="make a map from a CSV table or a Mermaid journey, or take the map "
                                                  "out of a PDF, PNG or SVG exported by CJM Designer")
    importer.add_argument("file", metavar="FILE")
    importer.add_argument("-o", "--output", required=True, metavar="OUT.cjm")
    importer.add_argument("--format", choices=tuple(IMPORT_FORMATS), help="default: from FILE's extension")
    importer.add_argument("--lang", choices=LANGUAGES, help="Mermaid: the map's language (default: Russian when "
                                                            "the diagram has Cyrillic letters, else English)")
    importer.add_argument("--force", action="store_true", help="replace OUT if it exists")
    importer.set_defaults(run=_import)

    report = commands.add_parser("report", help="print the map's analytics as Markdown")
    report.add_argument("file", metavar="FILE")
    report.set_defaults(run=_report)

    schema = commands.add_parser("schema", help="print the JSON Schema of the .cjm format")
    schema.set_defaults(run=_schema)

    snapshot = commands.add_parser("snapshot", help="keep the map's present state inside the file under a name")
    snapshot.add_argument("file", metavar="FILE")
    snapshot.add_argument("--name", required=True, metavar="NAME", help="the snapshot's name, e.g. \"As-is\"")
    snapshot.add_argument("--note", default="", metavar="TEXT", help="why the snapshot is taken")
    snapshot.set_defaults(run=_snapshot)

    snapshots = commands.add_parser(
        "snapshots", help="list the snapshots kept in a map",
        description="One line a snapshot: when it was taken (local time), its name, its author and its cards. "
                    "A damaged snapshot is listed as damaged, its problem on stderr, and the exit code is 1.")
    snapshots.add_argument("file", metavar="FILE")
    snapshots.set_defaults(run=_snapshots)

    diff = commands.add_parser("diff", help="compare two maps")
    diff.add_argument("before", metavar="A", help="a .cjm file, or FILE@SNAPSHOT for a snapshot kept in it")
    diff.add_argument("after", metavar="B", help="a .cjm file, or FILE@SNAPSHOT")
    diff.add_argument("--format", choices=("text", "md", "pdf", "png"), default="text",
                      help="text (default) or md on stdout or into OUT; pdf or png: the map with the differences "
                           "marked (needs -o)")
    diff.add_argument("-o", "--output", metavar="OUT", help="write the comparison here instead of stdout")
    diff.add_argument("--force", action="store_true", help="replace OUT if it exists")
    diff.set_defaults(run=_diff)

    merge = commands.add_parser("merge", help="merge two versions of a map with their common ancestor")
    merge.add_argument("base", metavar="BASE", help="the common ancestor")
    merge.add_argument("ours", metavar="OURS", help="our version; the result replaces it unless -o is given")
    merge.add_argument("theirs", metavar="THEIRS", help="their version")
    merge.add_argument("-o", "--output", metavar="OUT", help="write the merged map here instead of over OURS")
    merge.add_argument("--force", action="store_true", help="replace OUT if it exists")
    merge.set_defaults(run=_merge)

    git_setup = commands.add_parser("git-setup", help="make git merge and diff .cjm files with these commands")
    git_setup.add_argument("repo", nargs="?", default=".", metavar="REPO", help="the repository (default: here)")
    git_setup.set_defaults(run=_git_setup)

    text = commands.add_parser("text", help="print a map as plain text, one field a line (git diff's textconv)")
    text.add_argument("file", metavar="FILE")
    text.set_defaults(run=_text)

    workshop = commands.add_parser("workshop", help="open a workshop room for a map without a window")
    workshop.add_argument("file", metavar="FILE", help="the .cjm map; what participants send is saved into it "
                          "(not while a window has it open)")
    workshop.add_argument("--host", metavar="ADDR",
                          help="the address to listen on (default: this computer's address on the local network)")
    workshop.add_argument("--port", type=_number(0, 65535), default=0, metavar="N",
                          help="the port to listen on (default: a free one)")
    workshop.set_defaults(run=_workshop)

    xlsx_template = commands.add_parser("xlsx-template", help="write an empty Excel workbook to fill in")
    xlsx_template.add_argument("--lang", choices=LANGUAGES, help="language of the headers (default: the system's)")
    xlsx_template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    xlsx_template.add_argument("--force", action="store_true", help="replace FILE if it exists")
    xlsx_template.set_defaults(run=_xlsx_template)

    metrics = commands.add_parser("import-metrics", help="fill the cards' figures from a Яндекс.Метрика or GA4 report")
    metrics.add_argument("file", metavar="FILE", help="the .cjm map; its cards get the figures")
    metrics.add_argument("report", metavar="REPORT", help="the report exported as CSV or XLSX")
    metrics.add_argument("--match", choices=("auto", "url", "utm", "tag"), default="auto",
                         help="the card field rows are matched by: url (page address), utm (a UTM tag in the url), "
                              "tag; auto (default): url, or utm for a report of UTM tags, when cards have one, "
                              "else tag")
    metrics.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    metrics.add_argument("--yes", action="store_true", help="write without asking")
    metrics.set_defaults(run=_import_metrics)
    return parser
