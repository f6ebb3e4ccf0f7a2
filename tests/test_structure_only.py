"""Structure-only maps (issue 13): a template's stages and lanes, with their goals and questions,
and none of its example cards, links, personas or figures; from the command line too."""

import pytest

from cjm_designer.cli import main
from cjm_designer.io import load
from cjm_designer.model import JourneyMap, Kpi, Link
from cjm_designer.model.structure import structure_only
from cjm_designer.paths import templates_dir
from cjm_designer.templates import available, new_map


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_bundled_template_keeps_its_structure_and_loses_its_examples(language):
    for template in available(language):
        full = load(template.path)
        clean = new_map(template.name, language, structure=True)
        assert not clean.cards and not clean.links and not clean.personas
        assert [s.name for s in clean.stages] == [s.name for s in full.stages]
        assert [s.goal for s in clean.stages] == [s.goal for s in full.stages]
        assert [s.questions for s in clean.stages] == [s.questions for s in full.stages]
        assert [(lane.id, lane.name, lane.kind) for lane in clean.lanes] == [(x.id, x.name, x.kind) for x in full.lanes]
        assert all(s.entering is None and s.kpi is None for s in clean.stages)
        assert clean.meta.title == full.meta.title and clean.meta.created is not None


def test_the_five_stage_template_has_examples_to_drop_and_none_survive_in_the_file(tmp_path, capsys):
    full = load(templates_dir() / "five-stages.ru.cjm")
    assert full.cards and full.personas and any(s.entering for s in full.stages)
    out = tmp_path / "workshop.cjm"
    assert main(["new", "--template", "five-stages", "--lang", "ru", "--structure-only", "-o", str(out)]) == 0
    assert "0 cards, 0 links" in capsys.readouterr().out
    text = out.read_text("utf-8")
    assert "Осведомлённость" in text and "Действия покупателя" in text and "Какую проблему решает" in text
    assert "10000" not in text and "Анна" not in text and '"entering"' not in text and '"kpi"' not in text


def test_the_original_is_left_as_it_is():
    doc = load(templates_dir() / "five-stages.en.cjm")
    doc.stages[0].kpi = Kpi(name="Reach", target=5.0)
    doc.links.append(Link(id="x", source=doc.cards[0].id, target=doc.cards[1].id))
    before = doc.model_dump()
    clean = structure_only(doc)
    assert doc.model_dump() == before
    clean.stages[0].questions.append("A new question 😊")
    clean.lanes[0].name = "Другое имя"
    assert doc.model_dump() == before


def test_an_empty_map_stays_empty():
    assert structure_only(JourneyMap()) == JourneyMap()
