"""Starting the program's window on a map, or rendering that window to a PNG (`--screenshot`)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .bulk import collector_paused
from .io import write_atomic
from .io.disk_state import DiskState
from .model import JourneyMap
from .paths import bundled


def has_display() -> bool:
    """False on a Linux machine with no screen, where Qt would abort; other platforms always have one."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def interface_language() -> str:
    """The interface's language: the one chosen in Preferences, or the system's. New maps start in it."""
    from .i18n import SETTING, resolve
    from .ui.settings import Settings

    return resolve(Settings().value(SETTING, ""))


def run(doc: JourneyMap, path: Path | None, name: str, screenshot: Path | None = None,
        size: tuple[int, int] = (1600, 1000), disk_state: DiskState | None = None, present: bool = False) -> int:
    """Show `doc` in the main window until it is closed; with `screenshot`, save the window as a PNG
    instead and return at once (no screen is needed for that). `disk_state`: the fingerprint of the
    bytes `doc` was read from, so the window need not read its file again to know it. `present`: the
    map read-only in presentation mode (full screen, but in the window's size for a screenshot); its
    window's layout is not remembered."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with kept_from_the_collector():
        # The layout's pure-Python modules first: PySide, once imported, reads the source of every module
        # imported after it (looking for `from __feature__ import`), 3-5 ms for these alone.
        from . import layout  # noqa: F401
        # isort: split
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from .i18n import SETTING, install_translators, remove_translators
        from .ui.main_window import MainWindow
        from .ui.open_files import how_to_open
        from .ui.recovery import offer_recovery
        from .ui.settings import Settings

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("CJM Designer")
        app.setOrganizationName("CJM Designer")
        app.setWindowIcon(QIcon(str(bundled("resources") / "desktop" / "cjm-designer.svg")))
        install_translators(app, Settings().value(SETTING, ""))  # before any window: they are built translated
        mode = how_to_open(None, path) if path is not None and screenshot is None and not present else "edit"
        if mode is None:  # already open in another instance, and the user chose not to open it again
            return 0
        window = MainWindow(doc, path, name, remember_layout=screenshot is None and not present,
                            disk_state=disk_state, read_only=present or mode == "read-only")
        window.resize(*size)
        window.show()
        window.view.zoom_actual()
        window.view.ensureVisible(0, 0, 1, 1)
        if present:
            window.presentation.enter(full_screen=screenshot is None)
    if screenshot is None:
        if not present:  # no question on the projector: a presentation changes nothing to recover
            offer_recovery(window)
        return app.exec()
    app.sendPostedEvents()  # layouts and pending updates, not the expose: grab() paints the window once
    try:
        write_atomic(screenshot, png_bytes(window.grab()))
    finally:
        window.session.mark_saved()  # nothing to ask on closing: the picture is all that was wanted
        window.close()
        remove_translators(app)  # nothing left behind for a caller in the same process (the tests)
        gc.unfreeze()  # nor frozen objects
    return 0


@contextmanager
def kept_from_the_collector() -> Iterator[None]:
    """The start (the map read, Qt and the window's modules imported, the window, its items and a big
    map's layout made) makes tens of thousands of objects that live as long as the window: the
    collector pauses meanwhile, and they are then frozen out of its generations (`gc.freeze`), so that
    no collection walks them again (at start, measured 30-60 ms; later, every full collection). Frozen,
    the count of new objects starts again from zero: the first allocation after the block does not
    set off a collection of everything the block made (16 ms after reading a 5,000-card map)."""
    with collector_paused():
        yield
        gc.freeze()


def png_bytes(pixmap) -> bytes:
    """The picture as the bytes of a PNG file, to be written like any other file (atomically)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data)
