"""Advance widths of a TrueType font's characters, read straight from its `head`, `hhea`, `maxp`,
`hmtx` and `cmap` tables.

Text is measured for the window's first frame, so this reads only what measuring needs, with
`struct`, instead of importing a PDF library's font machinery at start. The widths are those the
PDF export's reportlab reads from the same file (a test compares every character).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple


class FontFileError(ValueError):
    """The file is not a TrueType font this reader understands."""


class FontWidths(NamedTuple):
    """`widths`: each character the font maps, to its advance in thousandths of the font size;
    `default`: the advance of the font's missing-glyph box (glyph 0). (A named tuple: its class is
    made at every start, ten times quicker than a dataclass's.)"""

    widths: dict[str, float]
    default: float


def read_widths(path: Path) -> FontWidths:
    data = Path(path).read_bytes()
    tables = _tables(data)
    units_per_em = _read(">H", data, tables["head"] + 18)
    metric_count = _read(">H", data, tables["hhea"] + 34)
    glyph_count = _read(">H", data, tables["maxp"] + 4)
    advances = list(struct.unpack_from(f">{2 * metric_count}H", data, tables["hmtx"])[::2])  # (advance, bearing) pairs
    advances += advances[-1:] * (glyph_count - metric_count)  # the last advance holds for the rest
    if units_per_em != 1000:  # PT Sans has 1000 units to the em: its widths stay whole numbers
        advances = [advance * 1000 / units_per_em for advance in advances]
    chars = {chr(code): advances[glyph] for code, glyph in _char_glyphs(data, tables["cmap"]).items()
             if glyph < glyph_count}
    return FontWidths(chars, advances[0])


def _read(fmt: str, data: bytes, offset: int) -> int:
    return struct.unpack_from(fmt, data, offset)[0]


def _tables(data: bytes) -> dict[str, int]:
    """Where each table starts."""
    version, count = struct.unpack_from(">IH", data)
    if version not in (0x00010000, 0x74727565):  # TrueType outlines ("true" on old Macs)
        raise FontFileError("not a TrueType font")
    tables = {}
    for i in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = offset
    missing = {"head", "hhea", "maxp", "hmtx", "cmap"} - tables.keys()
    if missing:
        raise FontFileError(f"no {', '.join(sorted(missing))} table")
    return tables


def _char_glyphs(data: bytes, cmap: int) -> dict[int, int]:
    """Character code to glyph, from the font's full Unicode map (format 12, which emoji and CJK fonts
    have for the planes beyond the first) or else its map of the Basic Multilingual Plane (format 4,
    the one every TrueType font for Windows has)."""
    _version, count = struct.unpack_from(">HH", data, cmap)
    maps = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if (platform, encoding) in ((3, 1), (0, 3), (3, 10), (0, 4), (0, 6)):
            maps.setdefault(_read(">H", data, cmap + offset), cmap + offset)
    if 12 in maps:
        return _format_12(data, maps[12])
    if 4 in maps:
        return _format_4(data, maps[4])
    raise FontFileError("no Unicode character map of format 4 or 12")


def _format_12(data: bytes, start: int) -> dict[int, int]:
    groups = _read(">I", data, start + 12)
    glyphs = {}
    for first, last, glyph in struct.iter_unpack(">III", data[start + 16:start + 16 + 12 * groups]):
        glyphs.update(zip(range(first, min(last, 0x10FFFF) + 1), range(glyph, glyph + last - first + 1)))
    return glyphs


def _format_4(data: bytes, start: int) -> dict[int, int]:
    length, _language, doubled = struct.unpack_from(">HHH", data, start + 2)
    segments = doubled // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_at = start + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_at)
    glyphs = {}
    for n, (first, last, delta, range_offset) in enumerate(zip(starts, ends, deltas, range_offsets)):
        for code in range(first, last + 1):
            if range_offset == 0:
                glyphs[code] = (code + delta) & 0xFFFF
                continue
            at = range_at + 2 * n + range_offset + 2 * (code - first)
            glyph = _read(">H", data, at) if at < start + length else 0  # past the table: a broken font
            glyphs[code] = (glyph + delta) & 0xFFFF if glyph else 0
    return glyphs
