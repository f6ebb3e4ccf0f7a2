"""The chain of fonts a map's text is drawn in, the same for the layout's measuring, the PDF, the canvas,
PNG and SVG: PT Sans, then the bundled Noto Emoji (monochrome outlines, SIL Open Font License) for the
emoji and symbols PT Sans lacks, then the fonts the system has for the rest (Arabic, Hebrew, Chinese,
Japanese...). Each character is drawn in the first font that has it; a character no font has is
reported, never dropped unseen.

The system is asked (fontconfig's `fc-match`, which Qt's own fallback also asks, or the usual font
folders where there is no fontconfig) only for a character neither bundled font has, and each font
file is read once: a map in Russian or English never pays for it. What was found is held by the
`FontChain` and `SystemFonts` objects their owner keeps, not by this module.
"""

from __future__ import annotations

import re
import shutil
import sys
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..paths import bundled
from .font_file import FontFileError, read_widths

FAMILY = "PT Sans"
REGULAR_FILE = "PTS55F.ttf"
BOLD_FILE = "PTS75F.ttf"
EMOJI_FAMILY = "Noto Emoji"
EMOJI_FILE = "NotoEmoji-Regular.ttf"

# Drawn as nothing (joiners, variation selectors, bidi marks): never a run's font's concern, never missing;
# the first and last code points of each range (bisected: a pattern would be compiled at every start)
_IGNORABLE_FIRST = (0x00AD, 0x034F, 0x061C, 0x180B, 0x200B, 0x202A, 0x2060, 0xFE00, 0xFEFF, 0xE0000)
_IGNORABLE_LAST = (0x00AD, 0x034F, 0x061C, 0x180F, 0x200F, 0x202E, 0x206F, 0xFE0F, 0xFEFF, 0xE0FFF)


def font_path(bold: bool = False) -> Path:
    """The bundled PT Sans, regular or bold."""
    return bundled("resources") / "fonts" / (BOLD_FILE if bold else REGULAR_FILE)


def emoji_path() -> Path:
    return bundled("resources") / "fonts" / EMOJI_FILE


def ignorable(char: str) -> bool:
    code = ord(char)
    at = bisect_right(_IGNORABLE_FIRST, code) - 1
    return at >= 0 and code <= _IGNORABLE_LAST[at]


def _not_text(char: str) -> bool:
    """Not text anyone means to show (control characters, surrogates, noncharacters): drawn as a box or
    nothing, never reported as a character a font should have. (Compared as numbers: a pattern would be
    compiled at every start.)"""
    code = ord(char)
    return (code <= 0x1F or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF
            or code & 0xFFFE == 0xFFFE)  # U+FFFE, U+1FFFF...


class Face:
    """One font file of the chain: `widths` of the characters it maps, in thousandths of the size;
    `name` a name for it that is unique in a PDF (letters and digits). Compared by identity. (A plain
    class, and `Run` a named tuple: their classes are made at every start, and making a dataclass's
    compiles each of its methods, 0.3 ms a class.)"""

    __slots__ = ("path", "name", "widths", "default")

    def __init__(self, path: Path, name: str, widths: dict[str, float], default: float):
        self.path, self.name, self.widths, self.default = path, name, widths, default

    @classmethod
    def read(cls, path: Path) -> Face:
        """Raises FontFileError for a file that is not a TrueType font."""
        found = read_widths(path)
        return cls(Path(path), re.sub(r"[^A-Za-z0-9]", "", Path(path).stem), found.widths, found.default)


class Run(NamedTuple):
    """Characters drawn in one font, `face` None for those no font has."""

    face: Face | None
    text: str


Match = Callable[[str, bool], "list[Path]"]  # (character, bold) -> font files that may have it, best first


class SystemFonts:
    """The system's fonts for what the bundled ones lack. The font found for a character serves the
    rest of its block of the alphabet (`script_block`), so one look-up serves a whole script, and a
    character is never drawn in a font found for another script (after a symbol that only a monospaced
    font has, Arabic would be measured in that font while Qt draws it in the system's sans-serif one);
    `match` is asked for a new block, and the first of its files that is a TrueType font (the PDF
    embeds only those) and has the character is taken. Each file is read once."""

    def __init__(self, match: Match | None = None):
        self._match = match or system_match()
        self._read: dict[Path, Face | None] = {}
        self._blocks: dict[tuple[bool, int], Face] = {}

    def face(self, char: str, bold: bool) -> Face | None:
        block = (bold, script_block(char))
        known = self._blocks.get(block)
        if known is not None and char in known.widths:
            return known
        for path in self._match(char, bold):
            face = self._face(path)
            if face is not None and char in face.widths:
                self._blocks.setdefault(block, face)
                return face
        return None

    def _face(self, path: Path) -> Face | None:
        if path not in self._read:
            try:
                self._read[path] = Face.read(path)
            except (OSError, FontFileError, ValueError):  # PostScript outlines, a collection, a broken file
                self._read[path] = None
        return self._read[path]


CJK = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))  # one script for fonts
HANGUL = (0xAC00, 0xD7AF)


def script_block(char: str) -> int:
    """Which block of the alphabet a character is in, for choosing its font: the ideographs (and kana,
    and full-width forms) as one block, the Hangul syllables as another, else its 128 code points."""
    code = ord(char)
    if any(low <= code <= high for low, high in CJK):
        return -1
    if HANGUL[0] <= code <= HANGUL[1]:
        return -2
    return code >> 7


class FontChain:
    """The fonts of one weight, in order, and which one draws each character (remembered)."""

    def __init__(self, bold: bool = False, system: SystemFonts | None = None):
        self.bold = bold
        self.first = Face.read(font_path(bold))
        self._foreign = re.compile(f"[^{re.escape(''.join(self.first.widths))}]")  # what PT Sans lacks
        self._system = system
        self._emoji: Face | None = None
        self._faces: dict[str, Face | None] = {}

    def face(self, char: str) -> Face | None:
        """The font that draws `char`, None when no font has it (or it is drawn as nothing)."""
        if char in self.first.widths:
            return self.first
        try:
            return self._faces[char]
        except KeyError:
            face = self._faces[char] = self._find(char)
            return face

    def _find(self, char: str) -> Face | None:
        if ignorable(char):  # drawn as nothing, in no font: never a reason to ask the system
            return None
        if self._emoji is None:
            self._emoji = Face.read(emoji_path())
        if char in self._emoji.widths:
            return self._emoji
        if self._system is None:
            self._system = SystemFonts()
        return self._system.face(char, self.bold)

    def covers(self, text: str) -> bool:
        """Whether PT Sans alone draws `text` (as nearly every line is)."""
        return self._foreign.search(text) is None

    def runs(self, text: str) -> list[Run]:
        """`text` cut where its font changes; ignorable characters (joiners, variation selectors) left out."""
        runs: list[Run] = []
        face, kept = self.first, []
        for char in text:
            if ignorable(char) and char not in self.first.widths:
                continue
            drawn_in = self.face(char)
            if drawn_in is not face and kept:
                runs.append(Run(face, "".join(kept)))
                kept = []
            face = drawn_in
            kept.append(char)
        if kept:
            runs.append(Run(face, "".join(kept)))
        return runs

    def missing(self, text: str) -> str:
        """The characters of `text` no font has, each once, in order (control characters and
        noncharacters are not text: never among them)."""
        return "".join(dict.fromkeys(char for char in text
                                     if not ignorable(char) and not _not_text(char) and self.face(char) is None))

    def units(self, text: str) -> float:
        """The width of `text`, in thousandths of the size: each character in its font, one no font
        has as PT Sans's missing-glyph box, as the PDF and Qt draw it."""
        first = self.first.widths
        total = 0.0
        for char in text:
            width = first.get(char)
            if width is None:
                face = self.face(char)
                width = face.widths[char] if face else 0.0 if ignorable(char) else self.first.default
            total += width
        return total


def system_match() -> Match:
    """fontconfig's choice where it is installed (Linux, BSD), else the TrueType files of the usual font
    folders."""
    if shutil.which("fc-match"):
        return _fontconfig
    return _FolderFonts().match


def _fontconfig(char: str, bold: bool) -> list[Path]:
    """The fonts fontconfig sorts first for the character (those that have it lead), TrueType ones only."""
    import subprocess  # only once a character needs the system's fonts, never at start

    pattern = f"sans-serif:charset={ord(char):x}" + (":weight=bold" if bold else "")
    try:
        done = subprocess.run(["fc-match", "--sort", "--format=%{fontformat}|%{file}\n", pattern],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return []
    found = (line.split("|", 1) for line in done.stdout.splitlines() if "|" in line)
    return [Path(file) for kind, file in found if kind == "TrueType"] if done.returncode == 0 else []


class _FolderFonts:
    """The TrueType files of the usual font folders, listed when first asked for, the bold ones first for
    bold text and last for the rest."""

    def __init__(self):
        self._files: list[Path] | None = None

    def match(self, char: str, bold: bool) -> list[Path]:
        if self._files is None:
            self._files = sorted(path for folder in _folders() if folder.is_dir() for path in folder.rglob("*")
                                 if path.suffix.lower() == ".ttf")
        return sorted(self._files, key=lambda path: ("bold" in path.name.lower()) != bold)


def _folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        return [Path("C:/Windows/Fonts"), home / "AppData/Local/Microsoft/Windows/Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
