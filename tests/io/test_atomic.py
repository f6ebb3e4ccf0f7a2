"""Saving never truncates or loses the user's file."""

import os
import stat

import pytest

from cjm_designer.io import SaveError, dumps, load, save, write_atomic
from cjm_designer.io.atomic import backup_path
from cjm_designer.model.synthetic import generate_map


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".bak")))


def test_save_replaces_and_keeps_one_backup(tmp_path):
    path = tmp_path / "карта.cjm"
    first, second, third = generate_map(3, seed=1), generate_map(4, seed=2), generate_map(5, seed=3)
    save(first, path)
    assert not backup_path(path).exists()
    save(second, path)
    assert backup_path(path).read_bytes() == dumps(first)
    save(third, path)
    assert load(path) == third
    assert backup_path(path).read_bytes() == dumps(second)
    assert leftovers(tmp_path) == []


def test_a_failed_replace_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "map.cjm"
    save(generate_map(10), path)
    original = path.read_bytes()

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(SaveError, match=r"map\.cjm: cannot save: No space left on device"):
        save(generate_map(20), path)
    assert path.read_bytes() == original
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "map.cjm"
    path.write_bytes(b"original")

    def failing_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(SaveError, match="Input/output error"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_an_interrupted_save_cleans_up_and_lets_the_interrupt_through(tmp_path, monkeypatch):
    path = tmp_path / "map.cjm"
    path.write_bytes(b"original")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="the folder .* does not exist"):
        write_atomic(tmp_path / "nowhere" / "map.cjm", b"x")


def test_saving_onto_a_folder_is_refused(tmp_path):
    with pytest.raises(SaveError, match="this is a folder"):
        write_atomic(tmp_path, b"x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "map.cjm").write_bytes(b"original")
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="Permission denied"):
            write_atomic(folder / "map.cjm", b"new")
        assert (folder / "map.cjm").read_bytes() == b"original"
    finally:
        folder.chmod(0o700)


def test_read_only_place_is_a_clear_error(tmp_path, monkeypatch):
    """The same as above for a root user, whom the kernel lets write anywhere: the temporary file
    cannot be created."""
    import tempfile

    def denied(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    (tmp_path / "map.cjm").write_bytes(b"original")
    with pytest.raises(SaveError, match=r"map\.cjm: cannot save in .*: Permission denied"):
        write_atomic(tmp_path / "map.cjm", b"new")
    assert (tmp_path / "map.cjm").read_bytes() == b"original"


def test_permissions_are_kept(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlink_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.cjm"
    real.write_bytes(b"old")
    link = tmp_path / "link.cjm"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
