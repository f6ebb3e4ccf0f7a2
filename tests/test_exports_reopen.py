"""Exports that reopen as the map: a PDF, PNG or SVG written by File → Export or `cjm-designer export`
carries the canonical `.cjm`, `import` gives it back byte for byte, and a picture changed after export
still gives its map, with a note that it was changed."""

import io
import struct
import zlib

import pytest
from pypdf import PdfReader, PdfWriter

from cjm_designer.cli import main
from cjm_designer.export.pdf import to_pdf
from cjm_designer.io import InvalidFormatError, dumps, load
from cjm_designer.io.embedded import CHANGED_AFTER_EXPORT, NO_MAP, embedded_map
from cjm_designer.io.embedding import PNG_MAP_KEY, PngWithMap
from cjm_designer.map_export import PngOptions, export_map
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
FORMATS = ("pdf", "png", "svg")


def exported(doc, fmt, folder):
    target = folder / f"map.{fmt}"
    export_map(doc, fmt, target, PngOptions(scale=0.5) if fmt == "png" else None)
    return target


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_every_template_comes_back_byte_for_byte_from_each_export(template, tmp_path):
    doc = load(template)
    for fmt in FORMATS:
        back, changed = embedded_map(exported(doc, fmt, tmp_path))
        assert (fmt, dumps(back), changed) == (fmt, dumps(doc), False)


def test_the_pdf_carries_map_cjm_as_an_attachment_viewers_show(tmp_path):
    doc = load(TEMPLATES[0])
    reader = PdfReader(exported(doc, "pdf", tmp_path))
    assert reader.attachments["map.cjm"] == [dumps(doc)]
    assert len(reader.pages) == len(PdfReader(io.BytesIO(to_pdf(doc).data)).pages)


def test_svg_and_png_exports_stay_the_same_bytes_each_time(tmp_path):
    doc = load(TEMPLATES[-1])
    for fmt in ("png", "svg"):
        first = exported(doc, fmt, tmp_path).read_bytes()
        assert exported(doc, fmt, tmp_path).read_bytes() == first


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append((kind, data[at + 8:at + 8 + length]))
        at += 12 + length
    return chunks


def png_from(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(body, zlib.crc32(kind)))
        for kind, body in chunks)


def test_a_png_whose_pixels_were_changed_gives_its_map_and_says_so(tmp_path):
    doc = load(TEMPLATES[0])
    path = exported(doc, "png", tmp_path)
    chunks = png_chunks(path.read_bytes())
    assert [kind for kind, _ in chunks][:3] == [b"IHDR", b"iTXt", b"pHYs"]
    assert chunks[1][1].startswith(PNG_MAP_KEY + b"\0\1\0")  # compressed iTXt
    pixels = bytearray(zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT")))
    pixels[len(pixels) // 2:len(pixels) // 2 + 300] = b"\x01" * 300  # someone painted over the middle
    edited = [c for c in chunks if c[0] != b"IDAT"]
    edited.insert(-2, (b"IDAT", zlib.compress(bytes(pixels))))  # before the digest and IEND, as an editor keeps them
    path.write_bytes(png_from(edited))
    back, changed = embedded_map(path)
    assert (dumps(back), changed) == (dumps(doc), True)


def test_a_pdf_or_svg_changed_after_export_gives_its_map_and_says_so(tmp_path):
    doc = load(TEMPLATES[2])
    pdf = exported(doc, "pdf", tmp_path)
    writer = PdfWriter(clone_from=PdfReader(pdf))  # saved anew by another program, the attachment kept
    writer.add_metadata({"/Title": "Edited"})
    with open(pdf, "wb") as out:
        writer.write(out)
    svg = exported(doc, "svg", tmp_path)
    svg.write_bytes(svg.read_bytes().replace(b"#ffffff", b"#fffffe"))
    for path in (pdf, svg):
        back, changed = embedded_map(path)
        assert (path.suffix, dumps(back), changed) == (path.suffix, dumps(doc), True)


def test_a_pdf_with_another_update_appended_is_changed(tmp_path):
    doc = load(TEMPLATES[0])
    pdf = exported(doc, "pdf", tmp_path)
    writer = PdfWriter(pdf, incremental=True)
    writer.add_metadata({"/Title": "Annotated"})
    with open(pdf, "wb") as out:
        writer.write(out)
    assert embedded_map(pdf)[1] is True


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_writes_the_map_and_warns_when_the_picture_was_changed(tmp_path, capsys):
    doc = load(TEMPLATES[1])
    svg = exported(doc, "svg", tmp_path)
    code, out, err = run(capsys, "import", svg, "-o", tmp_path / "back.cjm")
    assert (code, err) == (0, "") and "imported from svg" in out
    assert (tmp_path / "back.cjm").read_bytes() == dumps(doc)
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<rect width='1' height='1'/></svg>"))
    code, _, err = run(capsys, "import", svg, "-o", tmp_path / "again.cjm")
    assert (code, err) == (0, f"{svg}: {CHANGED_AFTER_EXPORT}\n")
    assert (tmp_path / "again.cjm").read_bytes() == dumps(doc)


def test_a_pdf_with_no_map_is_one_line_and_exit_1(tmp_path, capsys):
    plain = tmp_path / "other.pdf"
    plain.write_bytes(to_pdf(load(TEMPLATES[0])).data)  # reportlab's PDF, nothing attached
    code, out, err = run(capsys, "import", plain, "-o", tmp_path / "out.cjm")
    assert (code, out, err) == (1, "", f"{plain}: {NO_MAP}\n")
    assert not (tmp_path / "out.cjm").exists()


DAMAGED = {
    "not a picture": (b"just text\n", "not a PDF, PNG, SVG or HTML file"),
    "an svg without a map": (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', NO_MAP),
    "a broken pdf": (b"%PDF-1.4\n1 0 obj\n<<", "cannot read the PDF"),
    "a png cut short": (png_from([(b"IHDR", b"\0" * 13)])[:20], "the PNG is cut short"),
}


@pytest.mark.parametrize("data, message", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_pictures_are_one_line_errors_naming_the_file(tmp_path, data, message):
    path = tmp_path / "pic.bin"
    path.write_bytes(data)
    with pytest.raises(InvalidFormatError) as refused:
        embedded_map(path)
    assert str(refused.value).startswith(f"{path}: {message}")


def test_a_damaged_map_chunk_is_refused_and_a_bad_map_names_its_place(tmp_path):
    doc = load(TEMPLATES[0])
    path = exported(doc, "png", tmp_path)
    chunks = png_chunks(path.read_bytes())
    data = bytearray(png_from(chunks))
    at = data.index(PNG_MAP_KEY) + len(PNG_MAP_KEY) + 10
    data[at] ^= 0xFF  # the chunk's CRC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(InvalidFormatError, match="fails its checksum"):
        embedded_map(path)
    bad_map = b'{"format": "cjm", "version": 3, "meta": {"title": 5}}'
    chunks[1] = (b"iTXt", PNG_MAP_KEY + b"\0\1\0\0\0" + zlib.compress(bad_map))
    path.write_bytes(png_from(chunks))
    with pytest.raises(InvalidFormatError) as refused:
        embedded_map(path)
    assert str(refused.value).startswith(f"{path} (map.cjm inside): ")


def test_a_map_chunk_that_unpacks_past_the_limit_is_refused_without_holding_more(tmp_path):
    doc = load(TEMPLATES[0])
    path = exported(doc, "png", tmp_path)
    chunks = png_chunks(path.read_bytes())
    chunks[1] = (b"iTXt", PNG_MAP_KEY + b"\0\1\0\0\0" + zlib.compress(b" " * (65 * 2**20)))
    path.write_bytes(png_from(chunks))
    with pytest.raises(InvalidFormatError, match="larger than 64 MiB"):
        embedded_map(path)


def test_the_window_opens_on_an_exports_map_from_the_command_line(tmp_path, capsys, qapp):
    from PySide6.QtGui import QImage

    doc = load(TEMPLATES[-1])
    svg = exported(doc, "svg", tmp_path)
    shot = tmp_path / "window.png"
    code, _, err = run(capsys, svg, "--screenshot", shot, "--size", "900x600")
    assert (code, err) == (0, "") and QImage(str(shot)).width() == 900
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<g/></svg>"))
    code, _, err = run(capsys, svg, "--screenshot", shot, "--size", "900x600")
    assert (code, err) == (0, f"{svg}: {CHANGED_AFTER_EXPORT}\n")


def test_the_png_stream_adds_the_same_chunks_whatever_pieces_the_png_comes_in():
    png = png_from([(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)),
                    (b"IDAT", zlib.compress(b"\0" + b"\x10\x20\x30" * 2)), (b"IEND", b"")])
    whole, pieces = io.BytesIO(), io.BytesIO()
    PngWithMap(whole, b"{}").write(png)
    stream = PngWithMap(pieces, b"{}")
    for at in range(len(png)):  # a byte at a time
        stream.write(png[at:at + 1])
    assert pieces.getvalue() == whole.getvalue()
    assert [kind for kind, _ in png_chunks(whole.getvalue())] == [b"IHDR", b"iTXt", b"IDAT", b"iTXt", b"IEND"]
