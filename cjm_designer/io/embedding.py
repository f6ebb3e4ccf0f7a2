"""The map carried inside its own PDF, PNG and SVG exports, so that the picture someone was sent opens
again as the editable map (io/embedded.py reads it back).

Each export carries the canonical `.cjm` bytes and a SHA-256 digest of the rendering as it was
written, so that a reader can tell a picture changed after export from one as exported:

- PDF: an embedded file `map.cjm` (shown in a viewer's attachments), added as an incremental update
  after the bytes reportlab wrote, which stay as they were; the digest covers those bytes.
- PNG: an iTXt chunk `cjm-designer-map` (UTF-8, compressed) after the header, and after the image
  data an iTXt chunk `cjm-designer-rendering` with the digest of the IDAT chunks.
- SVG: a `<metadata>` element right after the root's start tag holding a `map` element (namespace
  `urn:cjm-designer:map`) with the digest and the map, zlib-compressed and in base64; the digest
  covers the file without that element.
- HTML (the interactive page): a `<script type="application/x-cjm">` element before `</body>` with
  the digest and the map, zlib-compressed and in base64; the digest covers the page without it.

Adding them is deterministic: the same map and rendering give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from typing import BinaryIO

MAP_FILE = "map.cjm"
PNG_MAP_KEY = b"cjm-designer-map"
PNG_DIGEST_KEY = b"cjm-designer-rendering"
SVG_NAMESPACE = "urn:cjm-designer:map"
PDF_DIGEST_KEY = "/CJMDesignerRendering"  # in the file specification: the digest of the PDF before the update
PDF_LENGTH_KEY = "/CJMDesignerRenderingBytes"  # and the length of those bytes
DIGEST_PREFIX = "sha256:"
HTML_MAP_TYPE = "application/x-cjm"


def digest(data: bytes) -> str:
    return DIGEST_PREFIX + hashlib.sha256(data).hexdigest()


# -- PDF ------------------------------------------------------------------------------------------


def pdf_with_map(pdf: bytes, cjm: bytes) -> bytes:
    """`pdf` with `cjm` attached as `map.cjm`, by an incremental update appended to it: the embedded
    file, its file specification (with the digest of `pdf`), and the catalog again with /Names and /AF.
    `pdf` is as reportlab writes it: one classic cross-reference table of 20-byte entries from object
    0, and a catalog without /Names."""
    tail = pdf[pdf.rindex(b"trailer"):]
    previous = int(re.search(rb"startxref\s+(\d+)", tail).group(1))
    size = int(re.search(rb"/Size (\d+)", tail).group(1))
    root = int(re.search(rb"/Root (\d+) 0 R", tail).group(1))
    info = re.search(rb"/Info \d+ 0 R", tail)
    ids = re.search(rb"/ID\s*(\[<[0-9a-fA-F]*>\s*<[0-9a-fA-F]*>\])", tail)
    table = previous + re.match(rb"xref\s+0 \d+\s+", pdf[previous:previous + 40]).end()
    start = int(pdf[table + 20 * root:table + 20 * root + 10])  # the catalog, where the table says it is
    catalog = pdf[pdf.index(b"<<", start) + 2:pdf.index(b"endobj", start)].rstrip()[:-2].strip()
    stream, spec = size, size + 1
    packed = zlib.compress(cjm)
    checksum = hashlib.md5(cjm, usedforsecurity=False).hexdigest().encode()  # /CheckSum is MD5 by the standard
    objects = {
        stream: (b"<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode /Length %d "
                 b"/Params << /Size %d /CheckSum <%s> >> >>\nstream\n"
                 % (len(packed), len(cjm), checksum)) + packed + b"\nendstream",
        spec: (b"<< /Type /Filespec /F (%s) /UF (%s) /Desc (The editable map: open this PDF in CJM Designer) "
               b"/AFRelationship /Source /EF << /F %d 0 R /UF %d 0 R >> %s (%s) %s %d >>"
               % (MAP_FILE.encode(), MAP_FILE.encode(), stream, stream, PDF_DIGEST_KEY.encode(),
                  digest(pdf).encode(), PDF_LENGTH_KEY.encode(), len(pdf))),
        root: b"<< %s /Names << /EmbeddedFiles << /Names [(%s) %d 0 R] >> >> /AF [%d 0 R] >>"
              % (catalog, MAP_FILE.encode(), spec, spec),
    }
    update = bytearray(b"" if pdf.endswith(b"\n") else b"\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(pdf) + len(update)
        update += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(pdf) + len(update)
    # the free list's head first, as a full table has it: readers that guess at tables not starting at 0 stay quiet
    update += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n%d 2\n" % (root, offsets[root], stream)
    update += b"".join(b"%010d 00000 n \n" % offsets[number] for number in (stream, spec))
    update += b"trailer\n<< /Size %d /Root %d 0 R %s %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        spec + 1, root, info.group() if info else b"", b"/ID " + ids.group(1) if ids else b"", previous, xref)
    return pdf + bytes(update)


# -- PNG ------------------------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def png_text(keyword: bytes, text: bytes, compressed: bool) -> bytes:
    """An iTXt chunk: UTF-8 text, no language."""
    body = zlib.compress(text) if compressed else text
    return png_chunk(b"iTXt", keyword + b"\0" + (b"\1\0" if compressed else b"\0\0") + b"\0\0" + body)


class PngWithMap:
    """A binary file to write a PNG into that passes it on to `out` with the map `cjm` added: its chunk
    after IHDR, and before IEND the digest of the IDAT chunks (each whole: length, type, data, CRC).
    The PNG may come in pieces of any size (the export writes it band by band), so only chunk headers
    are held, never the image."""

    def __init__(self, out: BinaryIO, cjm: bytes):
        self.out = out
        self._map = png_text(PNG_MAP_KEY, cjm, compressed=True)
        self._head = bytearray()  # the signature, then each chunk's length and type, as they come
        self._signature = True
        self._kind = b""
        self._left = 0  # bytes of the current chunk's data and CRC still to pass on
        self._idat = hashlib.sha256()

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        while view:
            if self._left:
                part = view[:self._left]
                self.out.write(part)
                if self._kind == b"IDAT":
                    self._idat.update(part)
                self._left -= len(part)
                view = view[len(part):]
                if not self._left and self._kind == b"IHDR":
                    self.out.write(self._map)
                continue
            want = 8
            taken = view[:want - len(self._head)]
            self._head += taken
            view = view[len(taken):]
            if len(self._head) < want:
                continue
            if self._signature:
                self.out.write(self._head)
                self._signature = False
            else:
                length, self._kind = struct.unpack(">I4s", self._head)
                if self._kind == b"IEND":
                    rendering = DIGEST_PREFIX + self._idat.hexdigest()
                    self.out.write(png_text(PNG_DIGEST_KEY, rendering.encode(), compressed=False))
                self.out.write(self._head)
                if self._kind == b"IDAT":
                    self._idat.update(self._head)
                self._left = length + 4
            self._head.clear()
        return len(data)

    def tell(self) -> int:
        return self.out.tell()


# -- SVG ------------------------------------------------------------------------------------------


def svg_metadata(cjm: bytes, rendering: str) -> bytes:
    """The `<metadata>` element carrying `cjm`, with the digest `rendering` of the SVG without it."""
    packed = base64.encodebytes(zlib.compress(cjm)).decode("ascii")
    return (f'<metadata><map xmlns="{SVG_NAMESPACE}" rendering="{rendering}" encoding="zlib base64">\n'
            f"{packed}</map></metadata>\n").encode("ascii")


def svg_with_map(svg: bytes, cjm: bytes) -> bytes:
    """`svg` with the map in a `<metadata>` element right after the root's start tag."""
    root = svg.index(b"<svg")
    end = svg.index(b">", root) + 1
    end += svg[end:end + 1] == b"\n"
    return svg[:end] + svg_metadata(cjm, digest(svg)) + svg[end:]


# -- HTML -----------------------------------------------------------------------------------------


def html_with_map(html: bytes, cjm: bytes) -> bytes:
    """`html` with the map in a `<script type="application/x-cjm">` element (a data block the browser
    never runs) just before the last `</body>`; base64 holds no `<`, so it cannot end the element."""
    end = html.rindex(b"</body>")
    packed = base64.encodebytes(zlib.compress(cjm)).decode("ascii")
    element = (f'<script type="{HTML_MAP_TYPE}" id="cjm-map" data-rendering="{digest(html)}" '
               f'data-encoding="zlib base64">\n{packed}</script>\n').encode("ascii")
    return html[:end] + element + html[end:]
