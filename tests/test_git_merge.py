"""Teams on git, with real git: `cjm-designer git-setup`, then two branches that edit one map are merged
by `git merge` through the driver, and `git diff` shows a map as lines of text."""

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from cjm_designer.io import dumps, load
from cjm_designer.model import Card, JourneyMap, Lane, Link, Persona, Snapshot, Stage

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


class Repo:
    """A git repository in a temporary folder, whose git reads no configuration of the user's."""

    def __init__(self, path):
        self.path = path
        self.env = {**os.environ, "HOME": str(path.parent), "GIT_CONFIG_NOSYSTEM": "1",
                    "XDG_CONFIG_HOME": str(path.parent / "xdg"), "GIT_TERMINAL_PROMPT": "0"}
        path.mkdir()
        self.git("init", "-q", "-b", "main")

    def git(self, *args, check=True) -> subprocess.CompletedProcess:
        done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=self.path,
                              env=self.env, capture_output=True, text=True, timeout=120)
        assert not check or done.returncode == 0, done.stderr
        return done

    def cli(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "cjm_designer", *args], cwd=self.path, env=self.env,
                              capture_output=True, text=True, timeout=120)

    def commit(self, doc: JourneyMap, message: str) -> None:
        (self.path / "map.cjm").write_bytes(dumps(doc))
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def map(self) -> JourneyMap:
        return load(self.path / "map.cjm")


def base_map() -> JourneyMap:
    doc = JourneyMap()
    doc.meta.title = "Windows"
    for i in range(2):
        doc.add_persona(Persona(id=f"p{i}", name=f"Persona {i}"))
        doc.add_stage(Stage(id=f"s{i}", name=f"Stage {i}"))
        doc.add_lane(Lane(id=f"l{i}", name=f"Lane {i}"))
    for i in range(4):
        doc.add_card(Card(id=f"c{i}", stage=f"s{i % 2}", lane="l0", title=f"Card {i}"))
    doc.add_link(Link(id="k0", source="c0", target="c1"))
    return doc


def snapshot(snapshot_id: str, name: str) -> Snapshot:
    return Snapshot(id=snapshot_id, name=name, created=datetime(2026, 5, 1, tzinfo=UTC), map={})


def branches(repo: Repo, same_field: bool) -> None:
    """main and `theirs` edit different cards, fields, stages, lanes, links, personas and snapshots;
    with `same_field`, both change card c3's title too."""
    repo.commit(base_map(), "base")
    setup = repo.cli("git-setup")
    assert setup.returncode == 0, setup.stderr
    repo.git("add", ".gitattributes")
    repo.git("commit", "-q", "-m", "merge .cjm files by id")
    repo.git("checkout", "-q", "-b", "theirs")
    theirs = repo.map()
    theirs.card("c1").text = "theirs' text"
    theirs.stage("s1").goal = "theirs' goal"
    theirs.lane("l0").name = "Buyer"
    theirs.add_link(Link(id="k9", source="c2", target="c3"))
    theirs.persona("p1").quote = "Quick!"
    theirs.add_snapshot(snapshot("snap-t", "Theirs"))
    if same_field:
        theirs.card("c3").title = "Title by theirs"
    repo.commit(theirs, "theirs")
    repo.git("checkout", "-q", "main")
    ours = repo.map()
    ours.card("c0").title = "Ours' title"
    ours.card("c1").emotion = 2
    ours.stage("s0").name = "Search"
    ours.add_lane(Lane(id="l9", name="Pains"))
    ours.remove_link("k0")
    ours.persona("p0").age = 34
    ours.add_snapshot(snapshot("snap-o", "Ours"))
    if same_field:
        ours.card("c3").title = "Title by ours"
    repo.commit(ours, "ours")


def check_both_sides(doc: JourneyMap) -> None:
    assert (doc.card("c0").title, doc.card("c1").emotion, doc.card("c1").text) == ("Ours' title", 2, "theirs' text")
    assert (doc.stage("s0").name, doc.stage("s1").goal) == ("Search", "theirs' goal")
    assert [lane.id for lane in doc.lanes] == ["l0", "l1", "l9"] and doc.lane("l0").name == "Buyer"
    assert [k.id for k in doc.links] == ["k9"]
    assert (doc.persona("p0").age, doc.persona("p1").quote) == (34, "Quick!")
    assert [s.id for s in doc.snapshots] == ["snap-o", "snap-t"]


def test_git_setup_registers_the_driver_and_the_textconv(tmp_path):
    repo = Repo(tmp_path / "repo")
    done = repo.cli("git-setup")
    assert done.returncode == 0, done.stderr
    assert (repo.path / ".gitattributes").read_text() == "*.cjm merge=cjm diff=cjm\n"
    driver = repo.git("config", "merge.cjm.driver").stdout.strip()
    assert driver.endswith("-m cjm_designer merge %O %A %B") and sys.executable in driver
    assert repo.git("config", "diff.cjm.textconv").stdout.strip().endswith("-m cjm_designer text")
    assert repo.cli("git-setup").returncode == 0  # again: nothing added twice
    assert (repo.path / ".gitattributes").read_text() == "*.cjm merge=cjm diff=cjm\n"


def test_git_setup_outside_a_work_tree_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "cjm_designer", "git-setup", str(tmp_path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert done.returncode == 1 and "not a git work tree" in done.stderr and len(done.stderr.splitlines()) == 1


def test_git_merges_edits_of_both_branches_cleanly(tmp_path):
    repo = Repo(tmp_path / "repo")
    branches(repo, same_field=False)
    done = repo.git("merge", "-q", "--no-edit", "theirs", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 conflicts" in done.stderr  # the driver's own line: the merge was by id, not by lines
    doc = repo.map()
    check_both_sides(doc)
    assert doc.card("c3").title == "Card 3" and doc.conflicts == []
    assert repo.git("status", "--porcelain").stdout == ""


def test_the_same_field_changed_on_both_branches_is_a_conflict_git_reports(tmp_path):
    repo = Repo(tmp_path / "repo")
    branches(repo, same_field=True)
    done = repo.git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0 and "CONFLICT" in done.stdout
    assert "1 conflict" in done.stdout + done.stderr  # the driver's own line
    assert repo.git("status", "--porcelain").stdout.startswith("UU map.cjm")
    doc = repo.map()  # a valid map holding both values
    check_both_sides(doc)
    assert doc.card("c3").title == "Title by ours"
    [conflict] = doc.conflicts
    assert (conflict.kind, conflict.element, conflict.field) == ("card", "c3", "title")
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Card 3", "Title by ours", "Title by theirs")


def test_git_diff_shows_the_map_as_text(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit(base_map(), "base")
    assert repo.cli("git-setup").returncode == 0
    doc = repo.map()
    doc.card("c2").title = "Retitled"
    doc.card("c2").emotion = -1
    (repo.path / "map.cjm").write_bytes(dumps(doc))
    diff = repo.git("diff", "map.cjm").stdout
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ['-  title: "Card 2"', '+  title: "Retitled"', "+  emotion: -1"]
