"""`cjm-designer import-metrics FILE REPORT`: what matched, what did not and what changed, printed; the
map written in place (its previous file kept), never over a change another program made meanwhile;
--dry-run writes nothing; a bad report or map is one line and exit 1, bad usage exit 2."""

from pathlib import Path

import pytest

from cjm_designer.cli import main
from cjm_designer.io import load
from cjm_designer.model import Metrics, metrics_match
from cjm_designer.paths import templates_dir

DATA = Path(__file__).parent / "data" / "metrics"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.cjm"
    path.write_bytes((templates_dir() / "window-installation.ru.cjm").read_bytes())
    return path


def test_import_prints_the_plan_and_writes_the_figures(capsys, demo):
    code, out, err = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages.csv"), "--yes")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith("metrica_landing_pages.csv: 6 rows by “Страница входа” (visits, conversion, time on "
                             "site); cards matched by page address (url)")
    assert "changed, 3 cards:" in lines
    assert "  “Оставляет заявку на сайте”: visits 1 500 → 2 340, conversion 8 % → 8,52 %, time on site 3:30 → " \
           "2:14" in [line.replace("\u00a0", " ") for line in lines]
    assert "report rows that matched no card, 2:" in lines and "  row 4 https://okna.example/" in lines
    assert any(line.startswith("  “Отправляет КП с тремя вариантами” https://okna.example/kp/") for line in lines)
    assert "  “Оставляет отзыв на сайте” ← rows 6, 7" in lines
    assert lines[-1] == f"{demo}: figures of 3 cards written"
    cards = {card.id: card for card in load(demo).cards}
    assert cards["card-rq-1"].metrics == Metrics(clicks=2340, conversion=8.52, time_on_site=134.0)
    assert cards["card-af-4"].metrics == Metrics(clicks=1386, conversion=1.05, time_on_site=75.8)
    assert Path(f"{demo}~").exists()


def test_dry_run_writes_nothing(capsys, demo):
    before = demo.read_bytes()
    code, out, _ = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_utm_campaigns.xlsx"), "--dry-run")
    assert code == 0
    assert "  “Отправляет КП с тремя вариантами”: visits — → 620, conversion — → 7,74 %, time on site — → 2:05" \
        in [line.replace("\u00a0", " ") for line in out.splitlines()]
    assert out.splitlines()[-1] == f"{demo}: not written (--dry-run)"
    assert demo.read_bytes() == before


def test_a_second_import_of_the_same_report_changes_nothing(capsys, demo):
    report = str(DATA / "ga4_traffic_acquisition.csv")
    assert run(capsys, "import-metrics", str(demo), report, "--yes")[0] == 0
    before = demo.read_bytes()
    code, out, _ = run(capsys, "import-metrics", str(demo), report, "--yes")
    assert code == 0 and out.splitlines()[-1] == f"{demo}: nothing to change"
    assert demo.read_bytes() == before


def test_match_by_tag(capsys, demo):
    code, out, _ = run(capsys, "import-metrics", str(demo), str(DATA / "ga4_pages.csv"), "--match", "tag", "--yes")
    assert code == 0 and "cards matched by tag" in out.splitlines()[0]
    assert out.splitlines()[-1] == f"{demo}: nothing to change"  # the demo's cards have no tags


def test_without_yes_and_no_terminal_it_asks_for_yes(capsys, demo, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    before = demo.read_bytes()
    code, _, err = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages.csv"))
    assert code == 2 and "add --yes" in err
    assert demo.read_bytes() == before


def test_asked_on_a_terminal(capsys, demo, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    before = demo.read_bytes()
    code, out, _ = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages.csv"))
    assert code == 0 and out.splitlines()[-1] == f"{demo}: not written" and demo.read_bytes() == before
    monkeypatch.setattr("builtins.input", lambda prompt: "да")
    assert run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages.csv"))[0] == 0
    assert demo.read_bytes() != before


def test_never_over_a_change_another_program_made_meanwhile(capsys, demo, monkeypatch):
    real = metrics_match.plan_import

    def meanwhile(doc, report, by):  # another program saves the map while the report is matched
        demo.write_bytes(demo.read_bytes() + b"\n")
        return real(doc, report, by)

    monkeypatch.setattr(metrics_match, "plan_import", meanwhile)
    code, _, err = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages.csv"), "--yes")
    assert code == 1
    assert err == f"{demo}: another program changed the file while the report was read; nothing written, run the " \
                  "command again\n"
    assert load(demo).cards == load(templates_dir() / "window-installation.ru.cjm").cards


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02garbage" * 100, "is not a report"),
    (b"", "the report is empty"),
    ("Город,Визиты\nМосква,3\n".encode(), "no table of a web-analytics report"),
    (b"Landing page,Sessions\n/a,many\n", 'row 2, column "Sessions": must be a whole number'),
])
def test_a_bad_report_is_one_line_and_exit_1(capsys, demo, tmp_path, content, message):
    report = tmp_path / "report.csv"
    report.write_bytes(content)
    before = demo.read_bytes()
    code, out, err = run(capsys, "import-metrics", str(demo), str(report), "--yes")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"{report}: ") and message in err
    assert demo.read_bytes() == before


def test_a_bad_map_or_a_missing_report_is_exit_1(capsys, demo, tmp_path):
    broken = tmp_path / "broken.cjm"
    broken.write_text("{")
    code, _, err = run(capsys, "import-metrics", str(broken), str(DATA / "ga4_pages.csv"))
    assert code == 1 and err.startswith(f"{broken}: ") and err.count("\n") == 1
    code, _, err = run(capsys, "import-metrics", str(demo), str(tmp_path / "none.csv"))
    assert code == 1 and err.startswith(f"{tmp_path / 'none.csv'}: cannot read")


def test_bad_usage_is_exit_2(capsys, demo):
    assert run(capsys, "import-metrics", str(demo))[0] == 2
    assert run(capsys, "import-metrics", str(demo), str(DATA / "ga4_pages.csv"), "--match", "title")[0] == 2


def test_a_tree_report_says_which_subtotals_it_left_out(capsys, demo):
    code, out, _ = run(capsys, "import-metrics", str(demo), str(DATA / "metrica_landing_pages_tree.csv"), "--dry-run")
    lines = [line.replace("\u00a0", " ") for line in out.splitlines()]
    assert code == 0 and lines[0].endswith("metrica_landing_pages_tree.csv: 6 rows by “Страница входа” (visits, "
                                           "conversion, time on site); cards matched by page address (url)")
    assert lines[1] == "a tree report: 3 subtotal rows of upper levels left out (rows 3, 6, 10), only the deepest " \
                       "rows are read"
    assert "  “Оставляет заявку на сайте”: visits 1 500 → 2 340, conversion 8 % → 8,52 %, time on site 3:30 → " \
           "2:14" in lines
