"""The map a PDF, PNG, SVG or HTML export carries (io/embedding.py), read back: `import` and File → Open of
such a picture give the editable map, and say whether the picture was changed after export.

The kind of file is told by its first bytes, not its name. Everything is read with limits: the file
at most 64 MiB, the map unpacked to at most the size of a `.cjm`, and the map itself through
`io.cjm.loads` with every check a `.cjm` gets. Each failure is one `InvalidFormatError` naming the file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
import zlib
from pathlib import Path

from ..model import JourneyMap, Problem
from .cjm import MAX_FILE_BYTES, loads
from .embedding import (
    DIGEST_PREFIX,
    HTML_MAP_TYPE,
    MAP_FILE,
    PDF_DIGEST_KEY,
    PDF_LENGTH_KEY,
    PNG_DIGEST_KEY,
    PNG_MAP_KEY,
    SVG_NAMESPACE,
    digest,
)
from .errors import InvalidFormatError
from .reading import read_limited

MAX_EXPORT_BYTES = 64 * 2**20
NO_MAP = "no map embedded: exported without it, by an older version or by another program"
CHANGED_AFTER_EXPORT = ("the picture was changed after it was exported; the map is as it was exported, not as the "
                        "picture shows it now")
EXPORT_SUFFIXES = (".pdf", ".png", ".svg", ".html")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_MAP = re.compile(rb'<metadata>\s*<map xmlns="' + re.escape(SVG_NAMESPACE.encode())
                      + rb'" rendering="([^"]*)" encoding="zlib base64">([A-Za-z0-9+/=\s]*)</map></metadata>\n?')
_HTML = re.compile(rb"(\xef\xbb\xbf)?\s*<!doctype html", re.I)
_HTML_MAP = re.compile(rb'<script type="' + re.escape(HTML_MAP_TYPE.encode()) + rb'" id="cjm-map" '
                       rb'data-rendering="([^"]*)" data-encoding="zlib base64">([A-Za-z0-9+/=\s]*)</script>\n?')


def embedded_map(path: str | Path) -> tuple[JourneyMap, bool]:
    """The map embedded in the PDF, PNG, SVG or HTML export `path`, and whether the picture was changed after
    export (the map is then as it was exported, not as the picture now shows)."""
    return map_in_export(read_limited(path, MAX_EXPORT_BYTES), str(path))


def map_in_export(data: bytes, name: str) -> tuple[JourneyMap, bool]:
    """`embedded_map` of a file's bytes; `name` is the file named in errors."""
    if data.startswith(b"%PDF-"):
        cjm, changed = _from_pdf(data, name)
    elif data.startswith(PNG_SIGNATURE):
        cjm, changed = _from_png(data, name)
    elif _HTML.match(data):
        cjm, changed = _from_markup(data, name, _HTML_MAP)
    elif re.match(rb"(\xef\xbb\xbf)?\s*<", data) and b"<svg" in data:
        cjm, changed = _from_markup(data, name, _SVG_MAP)
    else:
        raise InvalidFormatError(name, [Problem("", "not a PDF, PNG, SVG or HTML file")])
    return loads(cjm, f"{name} ({MAP_FILE} inside)"), changed


def _fail(name: str, what: str) -> InvalidFormatError:
    return InvalidFormatError(name, [Problem("", what)])


def _unpacked(packed: bytes, name: str) -> bytes:
    """zlib data unpacked to at most one byte more than a map may have (then loads refuses it)."""
    unpacker = zlib.decompressobj()
    try:
        data = unpacker.decompress(packed, MAX_FILE_BYTES + 1)
    except zlib.error:
        raise _fail(name, f"the embedded map is damaged ({MAP_FILE} cannot be unpacked)") from None
    if not unpacker.eof and len(data) <= MAX_FILE_BYTES:
        raise _fail(name, f"the embedded map is cut short ({MAP_FILE} ends early)")
    return data


# -- PDF ------------------------------------------------------------------------------------------


def _from_pdf(data: bytes, name: str) -> tuple[bytes, bool]:
    """The attachment `map.cjm`, read with pypdf (so a PDF another program saved anew is read too).
    Unchanged: the bytes before the update that added it have the digest it records, and no later
    update follows."""
    import io
    import logging

    from pypdf import PdfReader  # loaded with the first PDF read

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # the repairs pypdf makes to a damaged PDF are not the user's business
    try:  # pypdf raises many kinds of errors on a damaged file; each means the same here
        entry = next((e for e in PdfReader(io.BytesIO(data), strict=False).attachment_list if e.name == MAP_FILE),
                     None)
        if entry is None:
            raise _fail(name, NO_MAP)
        cjm = entry.content
        recorded, length = entry.pdf_object.get(PDF_DIGEST_KEY), entry.pdf_object.get(PDF_LENGTH_KEY)
    except InvalidFormatError:
        raise
    except Exception as error:  # noqa: BLE001
        raise _fail(name, f"cannot read the PDF: {error}") from None
    finally:
        log.setLevel(level)
    if len(cjm) > MAX_FILE_BYTES:
        raise _fail(name, f"the embedded map is larger than {MAX_FILE_BYTES // 2**20} MiB, the most a map may be")
    unchanged = (isinstance(length, int) and 0 < length <= len(data) and str(recorded) == digest(data[:length])
                 and data.count(b"startxref", length) == 1)
    return cjm, not unchanged


# -- PNG ------------------------------------------------------------------------------------------


def _from_png(data: bytes, name: str) -> tuple[bytes, bool]:
    """The `cjm-designer-map` text chunk; unchanged when the IDAT chunks have the recorded digest."""
    at, cjm, recorded = len(PNG_SIGNATURE), None, None
    idat = hashlib.sha256()
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        end = at + 12 + length
        if end > len(data):
            raise _fail(name, f"the PNG is cut short (its {kind.decode('latin-1')!r} chunk ends early)")
        body = data[at + 8:end - 4]
        if kind == b"IDAT":
            idat.update(data[at:end])
        elif kind == b"iTXt" and body.startswith(PNG_MAP_KEY + b"\0") and cjm is None:
            cjm = _png_text(body, data[end - 4:end], name)
        elif kind == b"iTXt" and body.startswith(PNG_DIGEST_KEY + b"\0"):
            recorded = _png_text(body, data[end - 4:end], name)
        elif kind == b"IEND":
            break
        at = end
    if cjm is None:
        raise _fail(name, NO_MAP)
    return cjm, recorded != (DIGEST_PREFIX + idat.hexdigest()).encode()


def _png_text(body: bytes, crc: bytes, name: str) -> bytes:
    """An iTXt chunk's text (compressed or not); a chunk whose CRC is wrong is damaged."""
    if struct.unpack(">I", crc)[0] != zlib.crc32(body, zlib.crc32(b"iTXt")):
        raise _fail(name, "the embedded map is damaged (its PNG chunk fails its checksum)")
    keyword, _, rest = body.partition(b"\0")
    if len(rest) < 2:
        raise _fail(name, "the embedded map is damaged (its PNG chunk is too short)")
    compressed, rest = rest[0], rest[2:]
    text = rest.split(b"\0", 2)[-1]  # after the language tag and the translated keyword
    return _unpacked(text, name) if compressed else text


# -- SVG and HTML ---------------------------------------------------------------------------------


def _from_markup(data: bytes, name: str, element: re.Pattern) -> tuple[bytes, bool]:
    """The map in the element the export put in (the SVG's `<metadata>`, the HTML page's `<script>`);
    unchanged when the file without it has the recorded digest."""
    found = element.search(data)
    if found is None:
        raise _fail(name, NO_MAP)
    try:
        packed = base64.b64decode(re.sub(rb"\s+", b"", found.group(2)), validate=True)
    except binascii.Error:
        raise _fail(name, "the embedded map is damaged (its base64 text is broken)") from None
    rest = data[:found.start()] + data[found.end():]
    return _unpacked(packed, name), found.group(1).decode("ascii", "replace") != digest(rest)
