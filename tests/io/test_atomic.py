"""Saving never truncates or loses the user's file."""

import os
import stat
import time

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


def test_a_named_pipe_is_never_replaced_by_a_file(tmp_path):
    pipe = tmp_path / "pipe.cjm"
    os.mkfifo(pipe)
    link = tmp_path / "link.cjm"
    link.symlink_to(pipe)
    for target in (pipe, link):
        with pytest.raises(SaveError, match=r"cannot save: this is a named pipe \(FIFO\), not a regular file"):
            write_atomic(target, b"x", keep_backup=True)
    assert stat.S_ISFIFO(pipe.stat().st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.cjm", "pipe.cjm"]


def test_a_loop_of_symbolic_links_is_refused_and_kept(tmp_path):
    loop = tmp_path / "loop.cjm"
    loop.symlink_to(tmp_path / "loop.cjm")
    with pytest.raises(SaveError, match="loop.cjm: cannot save: Too many levels of symbolic links"):
        write_atomic(loop, b"x")
    assert loop.is_symlink() and os.readlink(loop) == str(loop)


def test_what_a_killed_save_left_is_removed_by_the_next_save(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes(b"old")
    stale = [tmp_path / ".map.cjm.k1ll3d_1.tmp", tmp_path / ".map.cjm.abcdefgh.bak"]
    running = tmp_path / ".map.cjm.st1llrun.tmp"  # another save writing right now
    others = [tmp_path / ".other.cjm.abcdefgh.tmp", tmp_path / ".map.cjm.notes.tmp", tmp_path / "map.cjm.tmp"]
    hour_ago = time.time() - 3600
    for leftover in stale + [running] + others:
        leftover.write_bytes(b"partial")
        if leftover is not running:
            os.utime(leftover, (hour_ago, hour_ago))
    save(generate_map(3), path)
    assert load(path) == generate_map(3) and backup_path(path).read_bytes() == b"old"
    assert not any(p.exists() for p in stale)
    assert running.exists() and all(p.exists() for p in others)
