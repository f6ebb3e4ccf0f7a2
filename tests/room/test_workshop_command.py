"""`cjm-designer workshop FILE` as a real process: the URL first, what participants send saved into
FILE as it arrives, SIGTERM a clean exit 0 with the file valid; and what it refuses, in one line."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from cjm_designer.cli import main
from cjm_designer.io import load, save
from cjm_designer.model import Comment
from cjm_designer.room.file_room import FileRoom

from .rooms import call, workshop_map


def saved(path: Path, check, seconds: float = 10):
    """The map in `path` once `check` holds of it (the room saves just after answering)."""
    deadline = time.monotonic() + seconds
    while True:
        doc = load(path)
        if check(doc) or time.monotonic() > deadline:
            return doc
        time.sleep(0.05)


def test_the_room_saves_what_participants_send_and_exits_0_on_sigterm(tmp_path):
    path = tmp_path / "workshop.cjm"
    save(workshop_map(), path)
    room = subprocess.Popen([sys.executable, "-m", "cjm_designer", "workshop", str(path), "--host", "127.0.0.1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = room.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/") and len(url.split("/")[3]) == 16
        card = {"stage": "st-2", "lane": "ln-2", "title": "Курьер не позвонил", "author": "Оля"}
        status, _, body = call(url + "api/cards", card)
        assert status == 201
        card_id = json.loads(body)["id"]
        assert call(url + "api/comments", {"card": "c-1", "author": "Ира", "text": "Да!"})[0] == 201
        assert call(url + "api/votes", {"vote": "vote-1", "voter": "a1", "counts": {"c-1": 2, "c-2": 1}})[0] == 200
        assert call(url + "api/votes", {"vote": "vote-1", "voter": "b2", "counts": {"c-1": 1}})[0] == 200
        doc = saved(path, lambda d: d.inbox and d.card("c-1").comments and d.vote("vote-1").voters == 2)
        assert [(c.id, c.stage, c.lane, c.title, c.author) for c in doc.inbox] == \
            [(card_id, "st-2", "ln-2", "Курьер не позвонил", "Оля")]
        assert [(c.author, c.text) for c in doc.card("c-1").comments] == [("Ира", "Да!")]
        assert (doc.vote("vote-1").counts, doc.vote("vote-1").voters) == ({"c-1": 3, "c-2": 1}, 2)
        board = json.loads(call(url + "api/map")[2])
        assert board["cards"][0]["comments"] == 1  # the page sees the new comment
    finally:
        room.send_signal(signal.SIGTERM)
        out, err = room.communicate(timeout=10)
    assert room.returncode == 0, err
    assert (out, err) == ("", "")
    assert len(load(path).inbox) == 1
    assert Path(f"{path}~").exists()  # the map as it was before the room's first save


def test_a_map_that_cannot_be_read_is_one_line_and_exit_1(tmp_path, capsys):
    path = tmp_path / "broken.cjm"
    path.write_text("{not json")
    assert main(["workshop", str(path), "--host", "127.0.0.1"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and str(path) in err


def test_a_taken_port_is_one_line_and_exit_1_and_a_bad_port_exit_2(tmp_path, capsys):
    path = tmp_path / "m.cjm"
    save(workshop_map(), path)
    before = path.read_bytes()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert main(["workshop", str(path), "--host", "127.0.0.1", "--port", port]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("cjm-designer: cannot open a room on 127.0.0.1, port")
    assert len(err.splitlines()) == 1
    for bad in ("70000", "-1", "80.5", "http"):
        assert main(["workshop", str(path), "--port", bad]) == 2, bad
        assert len(capsys.readouterr().err.splitlines()) == 1
    assert path.read_bytes() == before


def test_a_failed_save_is_said_and_tried_again(tmp_path, capsys):
    path = tmp_path / "later" / "m.cjm"
    room = FileRoom(workshop_map(), path)
    room.comment_added("c-1", Comment(id="comment-1", text="Да!", created=datetime.now(UTC)))
    deadline = time.monotonic() + 5
    while not room.failed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert room.failed and "cannot save" in capsys.readouterr().err
    path.parent.mkdir()
    room.close()  # the last try, on closing, finds the folder
    assert not room.failed and load(path).card("c-1").comments[0].text == "Да!"


def test_the_default_address_is_the_local_networks_and_the_others_are_named(tmp_path, capsys, monkeypatch):
    """The system's route goes through the VPN here; the room listens on the Wi-Fi's address instead, and
    names the others, for a restart with --host."""
    import signal

    from cjm_designer.room import addresses, server
    from cjm_designer.room.addresses import Address, offered

    class Server:
        def __init__(self, board, events, host, port):
            self.host = host

        def start(self):
            return f"http://{self.host}:8080/token/"

        def publish(self, *_):
            pass

        def stop(self):
            pass

    monkeypatch.setattr(server, "lan_address", lambda: "10.8.0.5")
    monkeypatch.setattr(server, "RoomServer", Server)
    monkeypatch.setattr(addresses, "system_addresses", lambda route: offered(
        [Address(route, "tun0", virtual=True), Address("192.168.1.20", "wlp2s0"), Address("172.17.0.1", "docker0")]))
    monkeypatch.setattr(signal, "signal", lambda number, handler: handler())  # stopped as soon as it starts
    path = tmp_path / "m.cjm"
    save(workshop_map(), path)
    assert main(["workshop", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "http://192.168.1.20:8080/token/",
        "The room listens on 192.168.1.20. Other addresses of this computer: 10.8.0.5 (tun0), 172.17.0.1 (docker0); "
        "if the phones cannot open the link, restart with --host ADDRESS."] and err == ""
