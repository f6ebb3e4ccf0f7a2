"""Test setup: headless Qt, and every per-user folder (settings, autosave, recent files) in a
temporary place, set before anything of the program is imported."""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="cjm-tests-home-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# CI explores the same examples every run (a landing never hangs on luck); local runs explore anew.
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """pytest-qt closes every widget a test registered once the test is done; a main window the test closed
    is deleted by Qt by then (MainWindow._end), and pytest-qt would call close() on what is left of it."""
    if getattr(item, "qt_widgets", None):
        import shiboken6
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        item.qt_widgets = [(ref, before_close) for ref, before_close in item.qt_widgets
                           if ref() is None or shiboken6.isValid(ref())]
    return (yield)


@pytest.fixture
def user_folder():
    """The user's templates folder, gone before and after the test, inside the tests' own home."""
    from cjm_designer.templates import user_templates_dir

    folder = user_templates_dir()
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert folder.is_relative_to(data_home) and data_home.parent.name.startswith("cjm-tests-home-")
    shutil.rmtree(folder, ignore_errors=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def png_disk_full(monkeypatch):
    """The disk fills up when a PNG's first pixels are written (its header has gone out already)."""
    import errno

    from cjm_designer.export import image

    real_chunk = image._PngStream._chunk

    def full(stream, kind, data):
        if kind == b"IDAT":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_chunk(stream, kind, data)

    monkeypatch.setattr(image._PngStream, "_chunk", full)
