"""A file's fingerprint, taken from the bytes read or written, tells when another program changed it."""

import os

import pytest

from cjm_designer.io import InvalidFormatError, dumps, load
from cjm_designer.io.disk_state import (
    changed_since,
    current_state,
    load_with_state,
    looks_unchanged,
    read_with_state,
    written_state,
)
from cjm_designer.paths import templates_dir


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "blank.en.cjm").read_bytes())
    return path


def test_the_fingerprint_is_of_the_bytes_read(map_file):
    data, state = read_with_state(map_file)
    assert data == map_file.read_bytes() and state.size == len(data)
    assert state.mtime_ns == os.stat(map_file).st_mtime_ns
    doc, same = load_with_state(map_file)
    assert doc == load(map_file) and same == state
    assert not changed_since(state, current_state(map_file))


@pytest.mark.parametrize("size", [0, 1, 3 * 2**20 + 5])
def test_a_file_of_any_size_is_read_whole(tmp_path, size):
    path = tmp_path / "big.cjm"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    data, state = read_with_state(path)
    assert data == path.read_bytes() and state.size == size == len(data)


def test_other_bytes_are_a_change_a_touch_is_not(map_file):
    data, state = read_with_state(map_file)
    os.utime(map_file, ns=(10**18, 10**18))
    assert not changed_since(state, current_state(map_file))  # touched, or written again as it was
    at = data.index(b"e")
    map_file.write_bytes(data[:at] + b"E" + data[at + 1:])  # the same size, one byte other
    os.utime(map_file, ns=(10**18, 10**18))
    assert changed_since(state, current_state(map_file))
    map_file.write_bytes(data + b"\n")
    assert changed_since(state, current_state(map_file))


def test_a_deleted_or_new_file_is_a_change(map_file, tmp_path):
    _, state = read_with_state(map_file)
    map_file.unlink()
    assert current_state(map_file) is None and changed_since(state, None)
    assert not changed_since(None, None) and changed_since(None, state)


def test_the_state_of_bytes_just_written(map_file, tmp_path):
    data = dumps(load(map_file))
    map_file.write_bytes(data)
    assert written_state(map_file, data) == current_state(map_file)
    assert written_state(tmp_path / "missing.cjm", data) is None


def test_an_unreadable_file_is_the_loaders_error(tmp_path):
    with pytest.raises(InvalidFormatError, match="cannot read"):
        load_with_state(tmp_path / "missing.cjm")


def test_the_first_look_compares_size_and_write_time(map_file):
    _, state = read_with_state(map_file)
    assert looks_unchanged(state, map_file) and not looks_unchanged(None, map_file)
    os.utime(map_file, ns=(10**18, 10**18))
    assert not looks_unchanged(state, map_file)
    map_file.unlink()
    assert not looks_unchanged(state, map_file)
