"""Every command of the command line on a corpus of bad inputs: broken, hostile and huge maps, photos
that are not what they claim, control characters and bidi controls in texts and in file names,
files that are not files (a named pipe, a device, a folder, a loop of links, nothing), and absurd
options. Each run ends with exit 0, 1 or 2 — a failure with one line on stderr, never a traceback —
within a few seconds, and leaves every file that was in the folder as it was, with no stray
temporary file; what a success writes is well-formed."""

import base64
import io
import os
import signal
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from cjm_designer.cli import main
from cjm_designer.io import dumps, load
from cjm_designer.model import JourneyMap, Persona, Photo
from cjm_designer.paths import templates_dir
from tests.export.test_export_safety import png_header

SOURCE = templates_dir() / "three-stages.en.cjm"
NASTY = "\x00\x07\x1b[2J\x1b]0;owned\x07\u202egnp.exe\u2066\n\r\t<img src=/dev/zero>&\ufffe"
SECONDS = 20  # a case that takes longer hangs


def photo(media_type: str, data: bytes) -> Photo:
    return Photo(media_type=media_type, data=base64.b64encode(data).decode())


def nasty_map() -> bytes:
    doc = load(SOURCE)
    doc.meta.title, doc.meta.description, doc.meta.author = NASTY, NASTY, NASTY
    for element in doc.stages + doc.lanes:
        element.name = NASTY + element.name
    for card in doc.cards:
        card.title, card.text, card.note, card.owner, card.channel = NASTY, NASTY, NASTY, NASTY, NASTY
    doc.personas = [Persona(id="p1", name=NASTY, quote=NASTY, goals=NASTY)]
    return dumps(doc)


def photos_map() -> bytes:
    good = png_header(40, 30)
    doc = JourneyMap(personas=[
        Persona(id="huge", name="Huge", photo=photo("image/png", png_header(12000, 12000))),
        Persona(id="bomb", name="Bomb", photo=photo("image/png", png_header(60000, 60000))),
        Persona(id="cut", name="Cut", photo=photo("image/png", good[:40])),
        Persona(id="lie", name="Lie", photo=photo("image/jpeg", b"\xff\xd8\xff" + good)),
    ])
    return dumps(load(SOURCE).model_copy(update={"personas": doc.personas}))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    files = {
        "good.cjm": SOURCE.read_bytes(),
        "nasty.cjm": nasty_map(),
        "photos.cjm": photos_map(),
        "evil\x1b[31m\u202egnp.cjm": SOURCE.read_bytes(),
        "broken.cjm": b'{"format": "cjm", "version": 1, "meta": {"title": "\x00',
        "version.cjm": b'{"format": "cjm", "version": ' + b"9" * 4000 + b"}",
        "digits.cjm": b'{"format": "cjm", "version": 1, "stages": [{"id": "s", "entering": ' + b"1" * 5000 + b"}]}",
        "nul.cjm": b"\x00" * 5000,
        "good.csv": b"stage,lane,title\nA,B,x\n",
        "unclosed.csv": b'stage,lane,title\nA,B,"open\n' + b"A,B,x\n" * 59,
        "binary.csv": b"stage,lane\n\xff\xfe\x00",
        "nasty.csv": ("stage,lane,title\nA,B," + NASTY.replace("\n", " ").replace("\r", " ") + "\n").encode(),
        "good.mmd": b"journey\n  title T\n  section S\n    Task: 3: Me\n",
        "bad.mmd": b"journey\n  section S\n    Task: 3; Me\n",
        "latin1.mmd": b"journey\n  title \xe9\n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    os.mkfifo(folder / "fifo.cjm")
    (folder / "loop.cjm").symlink_to(folder / "loop.cjm")
    (folder / "folder.cjm").mkdir()
    return folder


def snapshot(folder) -> dict:
    found = {}
    for entry in os.scandir(folder):
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            found[entry.name] = ("link", os.readlink(entry.path))
        elif stat.S_ISREG(info.st_mode):
            found[entry.name] = ("file", open(entry.path, "rb").read())
        else:
            found[entry.name] = ("kind", stat.S_IFMT(info.st_mode))
    return found


@pytest.fixture
def deadline():
    """A case that blocks (a pipe opened for reading, an endless read) fails instead of hanging."""
    def expired(signum, frame):
        raise TimeoutError(f"the command took more than {SECONDS} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def run(capsys, corpus, argv: list[str], output: str | None = None) -> tuple[int, str]:
    """Run a command in the corpus folder; check that it ended cleanly and changed no file but
    `output`, and remove that output. Returns the exit code and stderr."""
    before = snapshot(corpus)
    code = main([str(corpus / a) if a in before or a in ("missing.cjm", output) else a for a in argv])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    shown = err + (out if argv[0] != "report" else "")  # a report's Markdown is the map's text, not a message
    assert "Traceback" not in err and "\x1b" not in shown and "\u202e" not in shown
    failures = [line for line in err.splitlines() if not line.startswith("note: ")]
    assert len(failures) <= (0 if code == 0 else 1), err
    after = snapshot(corpus)
    written = after.pop(output, None) if output and output not in before else None
    assert after == before
    if code == 0 and written is not None:
        well_formed(output, written[1])
    if written is not None:
        os.unlink(corpus / output)
    return code, err


def well_formed(name: str, data: bytes) -> None:
    kind = name.rsplit(".", 1)[1]
    if kind == "pdf":
        assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    elif kind == "svg":
        ET.fromstring(data)
    elif kind == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    elif kind == "cjm":
        from cjm_designer.io import loads
        loads(data)
    else:
        data.decode("utf-8")


MAPS = {  # input: exit code of `validate`
    "good.cjm": 0, "nasty.cjm": 0, "photos.cjm": 0, "evil\x1b[31m\u202egnp.cjm": 0, "broken.cjm": 1,
    "version.cjm": 1, "digits.cjm": 1, "nul.cjm": 1, "fifo.cjm": 1, "loop.cjm": 1, "folder.cjm": 1,
    "missing.cjm": 1, "/dev/zero": 1,
}
EXPORTS = [
    ["-o", "out.pdf", "--cover", "--personas", "--legend", "--report"],
    ["-o", "out.pdf", "--pages", "tiles", "--paper", "A3", "--overlap", "0", "--margin", "50", "--no-header"],
    ["-o", "out.png", "--scale", "0.2", "--transparent"],
    ["-o", "out.svg"],
    ["-o", "out.csv", "--excel"],
    ["-o", "out.mmd"],
    ["-o", "out.cjm"],
]


@pytest.mark.parametrize("source", MAPS, ids=ascii)
def test_map_commands_on_every_input(capsys, corpus, deadline, qapp, user_folder, source):
    expected = MAPS[source]
    assert run(capsys, corpus, ["validate", source])[0] == expected
    assert run(capsys, corpus, ["report", source])[0] == expected
    assert run(capsys, corpus, ["template", "save", source, "--name", NASTY])[0] == expected
    for options in EXPORTS:
        code, err = run(capsys, corpus, ["export", source, *options], options[1])
        assert code == expected, err
        if source == "photos.cjm" and "--personas" in options:
            assert [line.split(" is ")[0].split(" has ")[0] for line in err.splitlines()] == [
                f"note: the photo of the persona '{name}'" for name in ("Huge", "Bomb", "Cut", "Lie")]


@pytest.mark.parametrize("source, options, expected", [
    ("good.csv", [], 0), ("nasty.csv", [], 0), ("unclosed.csv", [], 1), ("binary.csv", [], 1),
    ("good.mmd", [], 0), ("bad.mmd", [], 1), ("latin1.mmd", [], 1), ("fifo.cjm", ["--format", "csv"], 1),
    ("/dev/zero", ["--format", "mermaid"], 1), ("folder.cjm", ["--format", "csv"], 1),
    ("loop.cjm", ["--format", "csv"], 1), ("missing.cjm", ["--format", "mermaid"], 1),
    ("evil\x1b[31m\u202egnp.cjm", [], 2), ("good.csv", ["-o", "good.cjm"], 1),
    ("good.csv", ["-o", "fifo.cjm", "--force"], 1), ("good.csv", ["-o", "folder.cjm", "--force"], 1),
    ("good.csv", ["-o", "loop.cjm", "--force"], 1),
], ids=ascii)
def test_import_on_every_input(capsys, corpus, deadline, source, options, expected):
    output = options[options.index("-o") + 1] if "-o" in options else "out.cjm"
    argv = ["import", source, *options] + ([] if "-o" in options else ["-o", output])
    assert run(capsys, corpus, argv, output)[0] == expected


@pytest.mark.parametrize("argv, expected", [
    (["export", "good.cjm", "-o", "good.cjm", "--format", "pdf", "--force"], 1),
    (["export", "good.cjm", "-o", "nasty.cjm"], 1),
    (["export", "good.cjm", "-o", "fifo.cjm", "--format", "csv", "--force"], 1),
    (["export", "good.cjm", "-o", "/dev/full", "--format", "csv", "--force"], 1),
    (["export", "good.cjm", "-o", "folder.cjm", "--force"], 1),
    (["export", "good.cjm", "-o", "loop.cjm", "--format", "svg", "--force"], 1),
    (["export", "good.cjm", "-o", "missing-folder/out.png"], 1),
    (["export", "good.cjm", "-o", "out.png", "--scale", "1000"], 1),
    *[(["export", "good.cjm", "-o", "out.png", option, value], 2)
      for option in ("--scale", "--dpi") for value in ("nan", "inf", "-1", "0", "1e308", "x")],
    *[(["export", "good.cjm", "-o", "out.pdf", "--pages", "tiles", option, value], 2)
      for option in ("--margin", "--overlap") for value in ("nan", "-inf", "-100", "1e9")],
    (["export", "good.cjm", "-o", "out.pdf", "--scale", "2"], 2),
    (["export", "good.cjm", "-o", "out\x1b[2J.dat"], 2),
    (["new", "-o", "good.cjm"], 1), (["new", "-o", "fifo.cjm", "--force"], 1),
    (["new", "-o", "folder.cjm", "--force"], 1), (["new", "-o", "out.cjm", "--template", NASTY], 2),
    (["new", "-o", "out\x1b[2J\u202e.cjm", "--lang", "en"], 0), ([NASTY], 1),
    (["good.cjm", "--screenshot", "out.png", "--size", "0x0"], 2), (["validate"], 2), (["bogus\x1b"], 1),
], ids=ascii)
def test_outputs_and_options(capsys, corpus, deadline, argv, expected):
    output = argv[argv.index("-o") + 1] if "-o" in argv else None
    if output and "/" in output and not output.startswith("/"):
        output = None  # inside a folder that is not there: nothing may appear
    assert run(capsys, corpus, argv, output)[0] == expected


@pytest.mark.parametrize("argv, expected, message", [
    (["validate", "fifo.cjm"], 1, "fifo.cjm: cannot read: this is a named pipe (FIFO), not a regular file"),
    (["import", "/dev/zero", "-o", "out.cjm", "--format", "csv"], 1, "/dev/zero: cannot read: this is a device"),
    (["export", "good.cjm", "-o", "good.cjm", "--format", "pdf", "--force"], 1, "is the map being exported"),
    (["export", "photos.cjm", "-o", "out.png", "--scale", "nan"], 2, "--scale: takes a number more than 0"),
    (["export", "evil\x1b[31m\u202egnp.cjm", "-o", "/dev/full", "--format", "csv", "--force"], 1,
     "/dev/full: cannot save: this is a device, not a regular file"),
], ids=ascii)
def test_the_real_program_gives_one_line(corpus, argv, expected, message):
    before = snapshot(corpus)
    done = subprocess.run([sys.executable, "-m", "cjm_designer", *argv], cwd=corpus, capture_output=True,
                          timeout=SECONDS, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    err = done.stderr.decode()
    assert done.returncode == expected and len(err.splitlines()) == 1 and message in err, err
    assert b"\x1b" not in done.stderr and snapshot(corpus) == before
