"""An export for a client who must not get the raw map: `--no-map` (File → Export: "Include the
editable map" off) writes the PDF, PNG or SVG without it, and `import` of that file says there is
no map in it; without the option the map is carried, as before."""

import pytest

from cjm_designer.cli import main
from cjm_designer.io import dumps, load
from cjm_designer.io.embedded import NO_MAP
from cjm_designer.map_export import MAP_CARRIERS
from cjm_designer.paths import templates_dir

MAP = templates_dir() / "three-stages.ru.cjm"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys, fmt, folder, *flags):
    target = folder / f"for-client.{fmt}"
    scale = ("--scale", "0.5") if fmt == "png" else ()
    code, _, err = run(capsys, "export", MAP, "-o", target, *scale, *flags)
    assert (code, err) == (0, "")
    return target


@pytest.mark.parametrize("fmt", MAP_CARRIERS)
def test_an_export_without_the_map_gives_none_back(capsys, tmp_path, fmt):
    target = export(capsys, fmt, tmp_path, "--no-map")
    code, out, err = run(capsys, "import", target, "-o", tmp_path / "back.cjm")
    assert (code, out, err) == (1, "", f"{target}: {NO_MAP}\n")
    assert not (tmp_path / "back.cjm").exists()


@pytest.mark.parametrize("fmt", MAP_CARRIERS)
def test_by_default_the_export_carries_the_map(capsys, tmp_path, fmt):
    target = export(capsys, fmt, tmp_path)
    code, _, err = run(capsys, "import", target, "-o", tmp_path / "back.cjm")
    assert (code, err) == (0, "")
    assert (tmp_path / "back.cjm").read_bytes() == dumps(load(MAP))


def test_no_map_goes_only_with_the_formats_that_carry_it(capsys, tmp_path):
    code, _, err = run(capsys, "export", MAP, "-o", tmp_path / "cards.csv", "--no-map")
    assert (code, err) == (2, f"cjm-designer: --no-map goes with --format {' or '.join(MAP_CARRIERS)}\n")
    assert list(tmp_path.iterdir()) == []
