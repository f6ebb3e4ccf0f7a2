"""Mermaid journeys: what Mermaid draws is read (what a map holds otherwise with a warning naming the
line), what makes a diagram wrong is refused by line number, and export then import gives back the
same sections, tasks, scores and actors."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.cli import main
from cjm_designer.io import InvalidFormatError, load
from cjm_designer.io.mermaid import ACTOR_TAG, SPACES, actors_of, from_mermaid, to_mermaid
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Meta, Persona, Stage, check_references
from cjm_designer.paths import templates_dir

MERMAID_EXAMPLE = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def journey(doc: JourneyMap) -> tuple[str, list[tuple[str, list[tuple[str, int | None, list[str]]]]]]:
    """The title and, per stage, its tasks as (name, score, actors): what a Mermaid journey holds (a
    score None for a task with no emotion)."""
    return doc.meta.title, [
        (stage.name, [(c.title, None if c.emotion is None else c.emotion + 3, actors_of(c))
                      for c in doc.cards if c.stage == stage.id])
        for stage in doc.stages]


def imported(text: str, name: str = "map.mmd", language: str | None = None) -> JourneyMap:
    """The map read from `text`, which Mermaid draws as a map holds it: with no warning."""
    doc, warnings = from_mermaid(text, name, language)
    assert warnings == []
    return doc


def refusal(text: str) -> InvalidFormatError:
    with pytest.raises(InvalidFormatError) as refused:
        from_mermaid(text, "map.mmd")
    return refused.value


# -- import -------------------------------------------------------------------------------------


def test_the_example_from_mermaids_documentation():
    doc = imported(MERMAID_EXAMPLE)
    assert journey(doc) == ("My working day", [
        ("Go to work", [("Make tea", 5, ["Me"]), ("Go upstairs", 3, ["Me"]), ("Do work", 1, ["Me", "Cat"])]),
        ("Go home", [("Go downstairs", 5, ["Me"]), ("Sit down", 5, ["Me"])]),
    ])
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [("Buyer actions", LaneKind.BUYER_ACTIONS)]
    assert [c.emotion for c in doc.cards] == [2, 0, -2, 2, 2]
    assert doc.cards[2].tags == ["actor:Me", "actor:Cat"]
    assert doc.meta.language == "en"
    assert check_references(doc) == []


def test_the_lane_is_named_in_the_maps_language():
    doc = imported(MERMAID_EXAMPLE, language="ru")
    assert (doc.meta.language, doc.lanes[0].name) == ("ru", "Действия покупателя")
    assert imported(MERMAID_EXAMPLE, language="pt-BR").lanes[0].name == "Buyer actions"


@pytest.mark.parametrize("text, language", [
    (MERMAID_EXAMPLE, "en"),
    ("journey\n  title Покупка чайника\n  section Search\n    Compare: 4\n", "ru"),
    ("journey\n  section Search\n    Compare: 4: Аня\n", "ru"),
    ("%% комментарий не в счёт\njourney\n  section Поиск\n", "ru"),
    ("%% a comment in Russian is not the map: чайник\njourney\n  section Search\n", "en"),
])
def test_the_maps_language_comes_from_the_diagram_not_the_computer(text, language, monkeypatch):
    monkeypatch.setenv("LANG", "ru_RU.UTF-8" if language == "en" else "en_US.UTF-8")
    doc = imported(text)
    assert (doc.meta.language, doc.lanes[0].name) == (language, "Buyer actions" if language == "en" else
                                                      "Действия покупателя")


ACCEPTED = {
    "front matter": ("---\ntitle: From front matter\nconfig:\n  theme: forest\n---\njourney\nsection S\n  A: 4\n",
                     ("From front matter", [("S", [("A", 4, [])])])),
    "front matter quoted, title line wins": (
        '---\ntitle: "Quoted: yes"\n---\njourney\n  title Line wins\n  section S\n',
        ("Line wins", [("S", [])])),
    "comments": ("%% before\njourney\n%% inside\n  %% indented\n  section S %% not a comment here\n"
                 "    A: 2: Me # to the end of the line\n    # a whole line\n",
                 ("", [("S %% not a comment here", [("A", 2, ["Me"])])])),
    "directives": ('%%{init: {"theme": "forest"}}%%\njourney\n  %%{init: {\n    "journey": {}\n  }}%%\n'
                   "  section S\n    A: 1\n",
                   ("", [("S", [("A", 1, [])])])),
    "accessibility": ("journey\n  accTitle: For screen readers\n  accDescr: One line\n  title T\n  section S\n",
                      ("T", [("S", [])])),
    "spaces, tabs and CRLF": ("journey\r\n\ttitle   Spaced out  \r\n\tsection\t  S  \r\n"
                              "\t\tA task   :   3   :   Me ,  Cat  \r\n",
                              ("Spaced out", [("S", [("A task", 3, ["Me", "Cat"])])])),
    "a task with no actors": ("journey\n  section S\n    A: 5\n    B: 4:\n",
                              ("", [("S", [("A", 5, []), ("B", 4, [])])])),
    "repeated sections stay apart": ("journey\n  section S\n    A: 1\n  section S\n    B: 2\n",
                                     ("", [("S", [("A", 1, [])]), ("S", [("B", 2, [])])])),
    "tasks before any section": ("journey\n  title T\n  A: 3: Me\n  section S\n    B: 4\n",
                                 ("T", [("—", [("A", 3, ["Me"])]), ("S", [("B", 4, [])])])),
    "blank lines": ("\n\njourney\n\n  title T\n\n\n  section S\n\n    A: 2\n\n", ("T", [("S", [("A", 2, [])])])),
    "keywords in any case": ("JOURNEY\n  Title T\n  SECTION S\n    A: 2\n", ("T", [("S", [("A", 2, [])])])),
    "entity codes": ("journey\n  title Q#58;A\n  section Sec#35;1\n    Say #quot;hi#quot;#59; go: 3: A#44;B, C\n",
                     ("Q:A", [("Sec#1", [('Say "hi"; go', 3, ["A,B", "C"])])])),
    "only the first list of actors": ("journey\n  section S\n    A: 3: Me: You\n", ("", [("S", [("A", 3, ["Me"])])])),
    "Cyrillic": ("journey\n  title Покупка чайника\n  section Поиск\n    Ищет в Яндексе: 4: Анна, Муж\n",
                 ("Покупка чайника", [("Поиск", [("Ищет в Яндексе", 4, ["Анна", "Муж"])])])),
    "journey and a statement on one line": ("journey title T\nsection S\n", ("T", [("S", [])])),
}


@pytest.mark.parametrize("text, expected", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_mermaid_accepts_is_read(text, expected):
    doc = imported(text)
    assert journey(doc) == expected
    assert check_references(doc) == []


def test_the_accessibility_description_is_the_maps_description():
    assert imported("journey\n  accDescr: One line #35;1\n").meta.description == "One line #1"
    block = imported("journey\n  accDescr {\n    First line\n    %% dropped\n    second line\n  }\n  section S\n")
    assert (block.meta.description, [s.name for s in block.stages]) == ("First line\nsecond line", ["S"])
    same_line = imported("journey\naccDescr { short } title After\n")
    assert (same_line.meta.description, same_line.meta.title) == ("short", "After")


def test_an_empty_acc_value_takes_the_next_line_as_mermaid_does():
    doc = imported("journey\n  accDescr:\n\n  %% comment\n  Swallowed: 3\n  section S\n")
    assert (doc.meta.description, [s.name for s in doc.stages], doc.cards) == ("Swallowed: 3", ["S"], [])


REFUSED = {
    "a task without a score": ("journey\n  section S\n    Make tea\n",
                               'map.mmd: line 3: not a title, section or task (a task is "Name: score" or '
                               '"Name: score: actor, actor"): "Make tea"'),
    "an unknown keyword": ("journey\n  actor Me\n",
                           'map.mmd: line 2: not a title, section or task (a task is "Name: score" or '
                           '"Name: score: actor, actor"): "actor Me"'),
    "a task without a name": ("journey\nsection S\n  : 3\n",
                              'map.mmd: line 3: a task needs a name before ":" (a task is "Name: score" or '
                              '"Name: score: actor, actor"): ": 3"'),
    "a semicolon": ("journey\nsection S\nA: 3; B: 4\n",
                    'map.mmd: line 3: ";" cannot be used here (write #59; for a semicolon): "A: 3; B: 4"'),
    "a colon in a section name": ("journey\nsection Step: one\n",
                                  'map.mmd: line 2: a section name cannot hold ":" (write #58; for a colon): '
                                  '"section Step: one"'),
    "journey twice": ("journey\njourney\n", 'map.mmd: line 2: "journey" may only start the diagram: "journey"'),
    "another diagram": ("%% comment\n\nflowchart LR\n  A --> B\n",
                        'map.mmd: line 3: a Mermaid journey starts with the line "journey": "flowchart LR"'),
    "a hash comment before journey": ("# note\njourney\n",
                                      'map.mmd: line 1: a Mermaid journey starts with the line "journey": "# note"'),
    "nothing": ("  \n%% only a comment\n", 'map.mmd: there is no diagram: a Mermaid journey starts with "journey"'),
    "open front matter": ("---\ntitle: x\njourney\n", 'map.mmd: line 1: the front matter is not closed with "---"'),
    "open directive": ("journey\n%%{init: {}\nsection S\n",
                       'map.mmd: line 2: the directive "%%{" is not closed with "}%%"'),
    "open description": ("journey\n  accDescr {\n  text\n",
                         'map.mmd: line 2: the description "accDescr {" is not closed with "}"'),
    "a title too long": ("journey\ntitle " + "x" * 201 + "\n",
                         "map.mmd: line 2: the title: string should have at most 200 characters"),
    "a task name too long": ("journey\nsection S\n" + "x" * 501 + ": 3\n",
                             "map.mmd: line 3: the task name: string should have at most 500 characters"),
}


@pytest.mark.parametrize("text, message", REFUSED.values(), ids=REFUSED.keys())
def test_a_bad_line_is_refused_with_its_number(text, message):
    assert refusal(text).lines() == [message]


def test_line_numbers_count_the_front_matter_and_crlf_lines():
    error = refusal("---\r\ntitle: T\r\n---\r\njourney\r\n  section S\r\n    A: 3; B\r\n")
    assert error.lines() == ['map.mmd: line 6: ";" cannot be used here (write #59; for a semicolon): "A: 3; B"']
    _, warnings = from_mermaid("---\r\ntitle: T\r\n---\r\njourney\r\n  section S\r\n    A: 9\r\n")
    assert warnings == ['line 6: the score 9 is outside 1 to 5, read as 5: "A: 9"']


def test_every_bad_line_is_reported():
    error = refusal("journey\n  section S: 1\n    A: 3;\n    B\n    C: 3\n    D: 0\n    E;\n")
    assert [p.where for p in error.problems] == ["line 2", "line 3", "line 4", "line 7"]
    assert str(error).endswith("(and 3 more problems)")


# What Mermaid 11 draws (checked with its parser), though not as a map holds it: read, each with a warning
# naming its line.
TOLERATED = {
    "a score above 5": ("journey\n  title T\n  section S\n    Boil water: 4\n    Make tea: 7: Me\n",
                        [("Boil water", 4, []), ("Make tea", 5, ["Me"])],
                        ['line 5: the score 7 is outside 1 to 5, read as 5: "Make tea: 7: Me"']),
    "a score of zero and one below": ("journey\nsection S\nA: 0\nB: -3: Me\n", [("A", 1, []), ("B", 1, ["Me"])],
                                      ['line 3: the score 0 is outside 1 to 5, read as 1: "A: 0"',
                                       'line 4: the score -3 is outside 1 to 5, read as 1: "B: -3: Me"']),
    "a huge score": ("journey\nsection S\nA: 1e999\n", [("A", 5, [])],
                     ['line 3: the score 1e999 is outside 1 to 5, read as 5: "A: 1e999"']),
    "fractions": ("journey\nsection S\nA: 4.5\nB: 2.4\nC: 3.0\n", [("A", 5, []), ("B", 2, []), ("C", 3, [])],
                  ['line 3: the score 4.5 is not a whole number, read as 5: "A: 4.5"',
                   'line 4: the score 2.4 is not a whole number, read as 2: "B: 2.4"']),
    "a score that is not a number": ("journey\nsection S\nA: five: Me\n", [("A", None, ["Me"])],
                                     ['line 3: the score is not a number, so the task has no emotion: '
                                      '"A: five: Me"']),
    "no score": ("journey\nsection S\nA: \nB:: Me\n", [("A", None, []), ("B", None, ["Me"])],
                 ['line 3: the task has no score, so no emotion: "A:"',
                  'line 4: the task has no score, so no emotion: "B:: Me"']),
}


@pytest.mark.parametrize("text, tasks, warned", TOLERATED.values(), ids=TOLERATED.keys())
def test_what_mermaid_draws_is_read_with_a_warning_naming_the_line(text, tasks, warned):
    doc, warnings = from_mermaid(text, "map.mmd")
    assert journey(doc)[1][-1][1] == tasks
    assert warnings == warned


def test_warnings_stop_at_twenty_and_say_how_many_more():
    _, warnings = from_mermaid("journey\nsection S\n" + "A: 9\n" * 25)
    assert len(warnings) == 21 and warnings[-1] == "and 5 more warnings"


def test_actors_longer_than_a_tag_are_kept_whole_in_the_cards_text():
    long = "Менеджер отдела продаж который перезванивает на следующий день и уточняет замер"
    many = ", ".join(f"A{i}" for i in range(51))
    doc = imported(f"journey\nsection S\nЗвонок: 4: Анна, {long}\nСобрание: 3: {many}\nКоротко: 2: Я\n")
    call, meeting, short = doc.cards
    assert len(long) > 54 and call.tags == [] and call.text == f"actor:Анна\nactor:{long}"
    assert actors_of(call) == ["Анна", long] and actors_of(meeting) == [f"A{i}" for i in range(51)]
    assert short.tags == ["actor:Я"] and short.text == ""
    assert f"Звонок: 4: Анна, {long}" in to_mermaid(doc)
    assert journey(imported(to_mermaid(doc))) == journey(doc)


def test_the_command_prints_each_warning_with_the_file_and_line(tmp_path, capsys):
    diagram = tmp_path / "day.mmd"
    diagram.write_text("journey\n  section Утро\n    Чай: 7: Я\n    Опоздал: сорок\n", "utf-8")
    assert main(["import", str(diagram), "-o", str(tmp_path / "day.cjm")]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f'{diagram}: line 3: the score 7 is outside 1 to 5, read as 5: "Чай: 7: Я"',
        f'{diagram}: line 4: the score is not a number, so the task has no emotion: "Опоздал: сорок"']
    doc = load(tmp_path / "day.cjm")
    assert (doc.meta.language, journey(doc)) == ("ru", ("", [("Утро", [("Чай", 5, ["Я"]), ("Опоздал", None, [])])]))


def test_br_in_names_is_a_line_break_and_a_line_break_is_written_as_br():
    doc = imported("journey\n  title Два<br>ряда\n  section Поиск<br/>и выбор\n"
                   "    Ищет<BR />в сети: 4: Анна<br>Петровна\n    Пишет #60;br> буквально: 3\n")
    assert journey(doc) == ("Два\nряда", [("Поиск\nи выбор", [("Ищет\nв сети", 4, ["Анна\nПетровна"]),
                                                               ("Пишет <br> буквально", 3, [])])])
    text = to_mermaid(doc)
    assert "    section Поиск<br>и выбор\n" in text
    assert "      Ищет<br>в сети: 4: Анна<br>Петровна\n" in text
    assert "      Пишет #60;br> буквально: 3\n" in text
    assert journey(imported(text)) == journey(doc)


# -- export -------------------------------------------------------------------------------------


def sample() -> JourneyMap:
    doc = JourneyMap(meta=Meta(title="Покупка: чайник", description="Для семинара\nвторая строка", language="ru"))
    doc.add_stage(Stage(id="s1", name="Поиск"))
    doc.add_stage(Stage(id="s2", name="  "))
    doc.add_lane(Lane(id="l0", name="Мысли", kind="thoughts"))
    doc.add_lane(Lane(id="l1", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="l2", name="Ещё покупатель", kind="buyer_actions"))
    doc.add_card(Card(id="t", stage="s1", lane="l0", title="Не экспортируется", emotion=2))
    doc.add_card(Card(id="b", stage="s1", lane="l2", title="Второй ряд", emotion=1))
    doc.add_card(Card(id="a", stage="s1", lane="l1", title="Ищет: #1; дёшево", emotion=-2,
                      tags=["весна", "actor:Анна", "actor: Муж, жена ", "actor:  "]))
    doc.add_card(Card(id="c", stage="s2", lane="l1", title="Title page\nи ещё", tags=["actor:%%x"]))
    doc.add_card(Card(id="d", stage="s2", lane="l1", title=""))
    return doc


def test_export_writes_sections_tasks_scores_and_actors():
    assert to_mermaid(sample()) == (
        "journey\n"
        "    title Покупка: чайник\n"
        "    accDescr: Для семинара#10;вторая строка\n"
        "    section Поиск\n"
        "      Ищет#58; #35;1#59; дёшево: 1: Анна, Муж#44; жена\n"
        "      Второй ряд: 4\n"
        "    section —\n"
        "      #84;itle page<br>и ещё: 3: #37;%x\n"
        "      —: 3\n"
    )


def test_export_comes_back_as_the_same_journey():
    doc = sample()
    back = imported(to_mermaid(doc), language="ru")
    assert journey(back) == ("Покупка: чайник", [
        ("Поиск", [("Ищет: #1; дёшево", 1, ["Анна", "Муж, жена"]), ("Второй ряд", 4, [])]),
        ("—", [("Title page\nи ещё", 3, ["%%x"]), ("—", 3, [])]),
    ])
    assert back.meta.description == "Для семинара\nвторая строка"
    assert back.cards[0].tags == ["actor:Анна", "actor:Муж, жена"]


def test_without_a_buyer_actions_lane_the_first_lane_with_cards_is_exported():
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="S"))
    for i in range(3):
        doc.add_lane(Lane(id=f"l{i}", name=f"L{i}", kind="text"))
    doc.add_card(Card(id="c2", stage="s", lane="l2", title="third lane"))
    doc.add_card(Card(id="c1", stage="s", lane="l1", title="second lane", emotion=-1))
    assert to_mermaid(doc) == "journey\n    section S\n      second lane: 2\n"
    assert to_mermaid(JourneyMap()) == "journey\n"


@pytest.mark.parametrize("name, written", [
    ("journey", "#106;ourney"), ("Journey planning", "#74;ourney planning"), ("Journeyman", "Journeyman"),
    ("title page", "#116;itle page"), ("Titles", "Titles"), ("Section 2", "#83;ection 2"), ("accTitle", "#97;ccTitle"),
    ("accDescr {x}", "#97;ccDescr {x}"), ("%x", "#37;x"), ("a%%b", "a#37;%b"), ("50% off", "50% off"),
])
def test_task_names_mermaid_would_misread_are_escaped(name, written):
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="S"))
    doc.add_lane(Lane(id="l", name="L", kind="buyer_actions"))
    doc.add_card(Card(id="c", stage="s", lane="l", title=name))
    text = to_mermaid(doc)
    assert text.splitlines()[-1] == f"      {written}: 3"
    assert journey(imported(text)) == ("", [("S", [(name, 3, [])])])


def curve_or_own(doc: JourneyMap, card: Card) -> int:
    """The card's emotion, or else the map's curve's in its stage: its points' mean, rounded half up."""
    if card.emotion is not None:
        return card.emotion
    emotions = {lane.id for lane in doc.lanes if lane.kind == LaneKind.EMOTIONS}
    points = [c.emotion or 0 for c in doc.cards if c.lane in emotions and c.stage == card.stage and c.persona is None]
    return math.floor(sum(points) / len(points) + 0.5) if points else 0


def test_a_task_with_no_emotion_scores_as_the_curve_in_its_stage():
    doc = JourneyMap()
    for stage in ("s1", "s2", "s3"):
        doc.add_stage(Stage(id=stage, name=stage))
    doc.add_lane(Lane(id="acts", name="Acts", kind="buyer_actions"))
    doc.add_lane(Lane(id="feel", name="Feel", kind="emotions"))
    doc.add_persona(Persona(id="p", name="Anna"))
    doc.add_card(Card(id="a1", stage="s1", lane="acts", title="Own", emotion=2))
    doc.add_card(Card(id="a2", stage="s1", lane="acts", title="From the curve"))
    doc.add_card(Card(id="a3", stage="s2", lane="acts", title="Mean of two"))
    doc.add_card(Card(id="a4", stage="s3", lane="acts", title="No curve here"))
    doc.add_card(Card(id="e1", stage="s1", lane="feel", title="Bad", emotion=-2))
    doc.add_card(Card(id="e2", stage="s2", lane="feel", title="Fine", emotion=1))
    doc.add_card(Card(id="e3", stage="s2", lane="feel", title="Zero"))
    doc.add_card(Card(id="e4", stage="s3", lane="feel", title="Anna's own", emotion=-2, persona="p"))
    tasks = [line.strip() for line in to_mermaid(doc).splitlines() if line.startswith("      ")]
    assert tasks == ["Own: 5", "From the curve: 1", "Mean of two: 4", "No curve here: 3"]


@pytest.mark.parametrize("path", sorted(templates_dir().glob("*.cjm")), ids=lambda p: p.name)
def test_every_template_exports_its_buyer_actions(path):
    doc = load(path)
    back = imported(to_mermaid(doc), path.name, doc.meta.language)
    lanes = [lane for lane in doc.lanes if lane.kind == LaneKind.BUYER_ACTIONS] or [
        next(lane for lane in doc.lanes if doc.cards and any(c.lane == lane.id for c in doc.cards))]
    exported = [c for s in doc.stages for lane in lanes for c in doc.cards_in(s.id, lane.id)]
    assert exported or not doc.cards
    assert [s.name for s in back.stages] == [s.name.strip() or "—" for s in doc.stages]
    assert [(c.title, c.emotion) for c in back.cards] == [(c.title.strip(SPACES) or "—", curve_or_own(doc, c))
                                                          for c in exported]
    assert back.meta.title == doc.meta.title.strip()
    assert to_mermaid(back) == to_mermaid(doc)


# -- round trips --------------------------------------------------------------------------------

HAND_WRITTEN = [
    MERMAID_EXAMPLE,
    "journey\n  title Покупка окна: замер и монтаж\n  section Поиск\n    Смотрит отзывы: 2: Ирина\n"
    "    Звонит #quot;Окна 24#quot;: 4: Ирина, Менеджер\n  section Поиск\n    Снова ищет: 1\n",
    "---\ntitle: Только во front matter\n---\njourney\n  Задача до секций: 3: Я\n  section Ж\n",
]


@pytest.mark.parametrize("text", HAND_WRITTEN)
def test_import_export_import_gives_the_same_journey(text):
    first = imported(text)
    exported = to_mermaid(first)
    second = imported(exported)
    assert journey(second) == journey(first)
    assert to_mermaid(second) == exported


# Any text, with a good share of what Mermaid reads specially: separators, comments, keywords, entity codes.
names = st.lists(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    list(":#;,%{}<\n\r\t \xa0\ufeff") + ["#35;", "#quot;", "%%", "title ", "section ", "journey", "accDescr {",
                                        "<br>", "<BR />", "br>"]),
    max_size=12).map("".join)
tasks = st.tuples(names, st.integers(1, 5), st.lists(names.map(lambda n: n[:54]), max_size=3))
journeys = st.tuples(names, st.lists(st.tuples(names, st.lists(tasks, max_size=4)), max_size=4))


def build(title: str, sections: list) -> JourneyMap:
    doc = JourneyMap(meta=Meta(title=title))
    doc.add_lane(Lane(id="lane", name="Buyer", kind="buyer_actions"))
    for i, (section, section_tasks) in enumerate(sections):
        doc.add_stage(Stage(id=f"s{i}", name=section))
        for j, (task, score, actors) in enumerate(section_tasks):
            doc.add_card(Card(id=f"c{i}-{j}", stage=f"s{i}", lane="lane", title=task, emotion=score - 3,
                              tags=[ACTOR_TAG + actor for actor in actors]))
    return doc


@given(journeys)
def test_any_journey_survives_export_and_import(generated):
    title, sections = generated
    exported = to_mermaid(build(title, sections))
    back = imported(exported, "generated.mmd")
    assert journey(back) == (title.strip(SPACES), [
        (section.strip(SPACES) or "—",
         [(task.strip(SPACES) or "—", score, [a.strip(SPACES) for a in actors if a.strip(SPACES)])
          for task, score, actors in section_tasks])
        for section, section_tasks in sections])
    again = imported(to_mermaid(back))
    assert journey(again) == journey(back)
    assert to_mermaid(again) == exported
