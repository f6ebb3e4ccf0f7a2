"""Mermaid `journey` diagrams: export a map's buyer actions as one, and import one as a map.

A Mermaid journey is a title, sections, and in each section tasks with a score and actors:

    journey
        title My working day
        section Go to work
          Make tea: 5: Me
          Go upstairs: 3: Me, Cat

The mapping:

- **Title** is `meta.title`; **`accDescr`** is `meta.description`; `accTitle` is read and ignored.
- **Sections** are stages, one a `section` line, in order; a repeated name is another stage (Mermaid
  draws each section on its own). Tasks written before any section go to a stage named "—".
- **Tasks** are the cards of the buyer-actions lanes (kind `buyer_actions`), stage by stage, the lanes
  top to bottom and the cards in their cell order; a map with no such lane exports the cards of its
  first lane that has cards. Import makes one lane of kind `buyer_actions`, named by the kind's label
  in the map's language ("Действия покупателя", "Buyer actions"). Cards show their emotion as a marker
  in any lane, so no `emotions` lane is made (its curve would need a copy of every card).
- **Score ↔ emotion.** Mermaid scores run 1..5, emotions -2..+2: score = emotion + 3 and
  emotion = score - 3. A card without an emotion of its own takes the emotion the map's curve (the
  points of its emotions lanes not tied to a persona) has in the card's stage, their mean rounded;
  with no curve there, it exports as 3.
- **Actors** (who takes part in the task) are the card's tags that start with `actor:` (`ACTOR_TAG`),
  in order: `Me, Cat` is the tags `actor:Me`, `actor:Cat`. Other tags stay out of the diagram. Mermaid
  sets no limit on them, a tag holds 60 characters and a card 50 tags: a task whose actors do not all
  fit as tags (one longer than 54 characters, or more than 50) keeps them whole in the card's text
  instead, one `actor:NAME` line each (a line break inside such a name becomes a space).
- **Line breaks.** Mermaid draws `<br>` in a name as a line break: import reads `<br>`, `<br/>` and
  `<br />` as one, and export writes a line break in a section, task or actor name as `<br>`.
- **Language.** The map's language is Russian when the diagram's text has Cyrillic letters, else
  English, unless the caller says which.

Escaping. Mermaid reads `#` as a comment, `;` as an error, `:` as the end of a task or section name
and `,` as the end of an actor, and ends a statement at a line break. So these are written as the
entity codes Mermaid shows as the character: `#35;` `#59;` `#58;` `#44;`, `#13;` for a carriage
return, and in the title and the description `#10;` for a line break; `%%` (a comment) becomes
`#37;%`, and a `<br>` that is text, not a line break, `#60;br>`. In the title and the description a
`:` followed by a space is left as it is. A task name Mermaid would read as a keyword or a comment
(`journey …`, `title …`, `section …`, `accTitle`, `accDescr {…`, or starting with `%`) gets its first
character as an entity code, such as `#116;itle page`. Import decodes every `#123;` and `#name;`
entity code (an unknown name reads `&name;`, as a browser shows it). Spaces around names are dropped
both ways, and an empty section or task name is written as "—", since Mermaid cannot hold one. So
export then import gives back the same stages, task names, scores and actors, and import → export →
import gives back the same map.

Import accepts what Mermaid draws (checked against Mermaid 11): YAML front matter (its `title`; a
`title` line wins), `%%` comments, `%%{init: …}%%` directives, `#` comments to the end of a line,
`accTitle:`, `accDescr:` and `accDescr { … }` (an empty `accTitle:` or `accDescr:` takes the next
line, as in Mermaid), spaces and tabs anywhere, CRLF, blank lines, and tasks with no actors. Like
Mermaid, it reads only the first list of actors (`Task: 5: A: B` has the actor A). Where Mermaid
would take the next line as the name of a bare `title` or `section`, import reads an empty title or
a section named "—". Mermaid draws a task line whatever its score (JavaScript's `Number` of it: 7,
-3, 4.5, nothing, "five"): a score outside 1..5 is read as the nearest of them and a fraction
rounded, and a score that is not a number (or none, as in `Task: ` or `Task:: Me`) gives a task with
no emotion, each with a warning naming the line (`line 5: the score 7 is outside 1 to 5, read as 5:
"Make tea: 7: Me"`). What Mermaid refuses the whole diagram for is refused, naming the line: a line
that is not a title, section or task (`Make tea`), a task with no name, a `;`, a `:` in a section
name, a second `journey`, another kind of diagram; and a directive `%%{` left open (Mermaid would
drop the rest of the text). Personas, links, lanes other than the task lanes, and every card field
but the title, emotion and actors are not carried.
"""

from __future__ import annotations

import html.entities
import json
import math
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..model import Card, JourneyMap, Lane, LaneKind, Meta, Problem, Stage, check_references
from ..model.document import MAX_CARDS, MAX_STAGES, fresh_id
from ..model.vocab import LANE_KIND_LABELS, label
from .errors import MAX_PROBLEMS, InvalidFormatError

ACTOR_TAG = "actor:"
EMPTY_NAME = "—"
MAX_WARNINGS = 20
MAX_TAG = 60  # a tag's characters (model: Token)
MAX_TAGS = 50  # a card's tags

# Whitespace as Mermaid's lexer sees it (JavaScript's \s), and with Python's str.strip's added: names
# lose both kinds around them.
JS_SPACES = "\t\n\v\f\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
SPACES = JS_SPACES + "\x1c\x1d\x1e\x1f\x85"
_SPACE = f"[{re.escape(SPACES)}]"
_RAW_SPACE = "[" + re.escape(JS_SPACES.replace("\n", "").replace("\r", "")) + "]"  # a space that is written as is

_ENTITY = re.compile(r"#(\w+);", re.ASCII)
_DIRECTIVE = re.compile(r"%%\{.*?\}%%", re.DOTALL)
_FLAGS = re.IGNORECASE | re.ASCII
# A task name Mermaid would read as a keyword or a comment (its ":" being escaped, "accTitle" must be the
# whole name). Mermaid's lexer takes "journey" as a word, and "%" not followed by "{" as a comment.
_KEYWORD_START = re.compile(
    rf"journey\b|(?:title|section){_SPACE}|acc(?:title|descr){_SPACE}*$|accdescr{_SPACE}*\{{|%", _FLAGS)
_JOURNEY = re.compile(r"journey\b", _FLAGS)
_TITLE = re.compile(rf"title(?:{_SPACE}|$)", _FLAGS)
_SECTION = re.compile(rf"section{_SPACE}[^#:;]+", _FLAGS)  # on the masked line, as Mermaid's lexer reads it
_BLANK_SECTION = re.compile(rf"section{_SPACE}*", _FLAGS)
_ACC_TITLE = re.compile(rf"acctitle{_SPACE}*:", _FLAGS)
_ACC_DESCR = re.compile(rf"accdescr{_SPACE}*:", _FLAGS)
_ACC_DESCR_BLOCK = re.compile(rf"accdescr{_SPACE}*\{{", _FLAGS)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE)  # what JavaScript's Number reads
_BREAK = re.compile(rf"<br{_SPACE}*/?>", _FLAGS)  # how Mermaid finds a line break in a name
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_TASK_FORM = '(a task is "Name: score" or "Name: score: actor, actor")'


# -- export -------------------------------------------------------------------------------------


def to_mermaid(doc: JourneyMap) -> str:
    """The map as a Mermaid `journey` diagram (text ending with a newline)."""
    lines = ["journey"]
    title = doc.meta.title.strip(SPACES)
    if title:
        lines.append(f"    title {_escape(title, prose=True)}")
    description = doc.meta.description.strip(SPACES)
    if description:
        lines.append(f"    accDescr: {_escape(description, prose=True)}")
    task_lanes = _task_lanes(doc)
    curve = _curve_emotions(doc)
    cells: dict[tuple[str, str], list[Card]] = {}
    for card in doc.cards:
        cells.setdefault((card.stage, card.lane), []).append(card)
    for stage in doc.stages:
        lines.append(f"    section {_name(stage.name)}")
        for lane in task_lanes:
            for card in cells.get((stage.id, lane.id), []):
                lines.append(f"      {_task(card, curve.get(stage.id, 0))}")
    return "\n".join(lines) + "\n"


def _task_lanes(doc: JourneyMap) -> list[Lane]:
    buyer = [lane for lane in doc.lanes if lane.kind == LaneKind.BUYER_ACTIONS]
    if buyer:
        return buyer
    used = {card.lane for card in doc.cards}
    return [lane for lane in doc.lanes if lane.id in used][:1]


def _curve_emotions(doc: JourneyMap) -> dict[str, int]:
    """The emotion of the map's curve in each stage that has points on it: the mean of the points of
    its emotions lanes not tied to a persona (a point with no emotion sits at 0, as it is drawn),
    rounded half up."""
    emotions = {lane.id for lane in doc.lanes if lane.kind == LaneKind.EMOTIONS}
    points: dict[str, list[int]] = {}
    for card in doc.cards:
        if card.lane in emotions and card.persona is None:
            points.setdefault(card.stage, []).append(card.emotion or 0)
    return {stage: math.floor(sum(values) / len(values) + 0.5) for stage, values in points.items()}


def _task(card: Card, curve: int) -> str:
    """The card as a task; `curve` is the emotion of the map's curve in its stage, for a card with none."""
    name = _name(card.title)
    if _KEYWORD_START.match(name):
        name = f"#{ord(name[0])};{name[1:]}"
    score = (card.emotion if card.emotion is not None else curve) + 3
    actors = [_escape(a, actor=True) for a in actors_of(card)]
    return f"{name}: {score}" + (f": {', '.join(actors)}" if actors else "")


def actors_of(card: Card) -> list[str]:
    """The card's actors: its `actor:` tags, then its text's `actor:` lines, without the prefix, spaces
    around dropped, empty ones left out."""
    lines = [line for line in card.text.split("\n") if line.startswith(ACTOR_TAG)] if ACTOR_TAG in card.text else []
    names = (tag[len(ACTOR_TAG):].strip(SPACES) for tag in [*card.tags, *lines] if tag.startswith(ACTOR_TAG))
    return [name for name in names if name]


def _name(text: str) -> str:
    return _escape(text.strip(SPACES)) or EMPTY_NAME


_ALWAYS = {"#": "#35;", ";": "#59;", "\n": "#10;", "\r": "#13;", "%": "#37;"}


def _escape(text: str, prose: bool = False, actor: bool = False) -> str:
    """`text` with what Mermaid cannot hold written as entity codes, and in a name (not `prose`) a
    line break as `<br>` (see the module's docstring)."""
    colon = rf":(?!{_RAW_SPACE}|$)" if prose else ":"
    pattern = rf"[#;\n\r]|%(?=%)|<(?=br{_SPACE}*/?>)|{colon}" + ("|," if actor else "")

    def written(found: re.Match) -> str:
        character = found.group()
        if character == "\n" and not prose:
            return "<br>"
        return _ALWAYS.get(character, f"#{ord(character)};")
    return re.compile(pattern, re.IGNORECASE).sub(written, text)


# -- import -------------------------------------------------------------------------------------


@dataclass
class _Task:
    line: int
    name: str
    score: int | None  # None: not a number, so no emotion
    actors: list[str]


@dataclass
class _Section:
    line: int
    name: str
    tasks: list[_Task] = field(default_factory=list)


@dataclass
class _Parse:
    name: str
    lines: list[str]
    first: int  # the number of lines[0] in the text
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unsaid: int = 0  # warnings past MAX_WARNINGS, counted
    title: tuple[int, str] | None = None
    description: tuple[int, str] | None = None
    sections: list[_Section] = field(default_factory=list)
    started: bool = False

    def problem(self, line: int, what: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(f"line {line}", what))

    def warn(self, line: int, what: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"line {line}: {what}")
        else:
            self.unsaid += 1

    def fail_if_any(self) -> None:
        if self.problems:
            raise InvalidFormatError(self.name, self.problems)


def from_mermaid(text: str, name: str = "<mermaid>", language: str | None = None) -> tuple[JourneyMap, list[str]]:
    """A map from the text of a Mermaid `journey` diagram, and warnings about what Mermaid draws but a
    map holds otherwise (each naming its line); `name` is the file named in errors, `language` the map's
    language (it names the lane; when None, Russian if the diagram has Cyrillic letters, else English).
    Raises `InvalidFormatError` naming each bad line."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first, front_title = _front_matter(lines, name)
    body = _without_directives("\n".join(lines[first:]), name, first + 1)
    job = _Parse(name, body.split("\n"), first + 1)
    _parse(job)
    job.fail_if_any()
    if not job.started:
        raise InvalidFormatError(name, [Problem("", 'there is no diagram: a Mermaid journey starts with "journey"')])
    doc = _build(job, front_title, language or _language_of(job, front_title))
    job.fail_if_any()
    problems = check_references(doc)
    if problems:  # cannot happen: every id is made here; kept as a guard
        raise InvalidFormatError(name, problems)
    if job.unsaid:
        job.warnings.append(f"and {job.unsaid} more warning{'s' if job.unsaid > 1 else ''}")
    return doc, job.warnings


def _language_of(job: _Parse, front_title: tuple[int, str] | None) -> str:
    """Russian when the diagram's words have Cyrillic letters, else English: the diagram says, not the
    computer it is imported on."""
    texts = [found[1] for found in (job.title, job.description, front_title) if found is not None]
    for section in job.sections:
        texts.append(section.name)
        texts.extend(text for task in section.tasks for text in (task.name, *task.actors))
    return "ru" if any(_CYRILLIC.search(text) for text in texts) else "en"


def _front_matter(lines: list[str], name: str) -> tuple[int, tuple[int, str] | None]:
    """The index of the first line after the front matter (0 if none), and the front matter's title with
    its line number."""
    start = next((i for i, line in enumerate(lines) if line.strip(SPACES)), len(lines))
    if start == len(lines) or lines[start].strip(SPACES) != "---":
        return 0, None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip(SPACES) == "---"), None)
    if end is None:
        raise InvalidFormatError(name, [Problem(f"line {start + 1}", 'the front matter is not closed with "---"')])
    title = None
    for index in range(start + 1, end):
        found = re.match(r"title[ \t]*:(.*)", lines[index])
        if found:
            title = (index + 1, _yaml_scalar(found.group(1).strip(SPACES)))
    return end + 1, title


def _yaml_scalar(value: str) -> str:
    """A one-line YAML scalar: double-quoted (JSON-like escapes), single-quoted ('' for '), or plain."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.split(r"\s#", value, maxsplit=1)[0].strip(SPACES)


def _without_directives(body: str, name: str, first: int) -> str:
    """`body` with `%%{ … }%%` directives taken out, keeping the lines where they were."""
    body = _DIRECTIVE.sub(lambda m: "\n" * m.group().count("\n"), body)
    opened = body.find("%%{")
    if opened >= 0:
        line = first + body.count("\n", 0, opened)
        raise InvalidFormatError(name, [Problem(f"line {line}", 'the directive "%%{" is not closed with "}%%"')])
    return body


def _parse(job: _Parse) -> None:
    index = 0
    while index < len(job.lines) and len(job.problems) < MAX_PROBLEMS:
        number = job.first + index
        line = job.lines[index].strip(SPACES)
        index += 1
        if not line or _is_comment(line):
            continue
        if not job.started:
            if not _JOURNEY.match(line):
                job.problem(number, f'a Mermaid journey starts with the line "journey": {_quoted(line)}')
                return
            job.started = True
            line = line[7:].strip(SPACES)
            if not line:
                continue
        if _ACC_DESCR_BLOCK.match(line):
            index = _description_block(job, line, number, index)
            continue
        if (_ACC_TITLE.fullmatch(line) or _ACC_DESCR.fullmatch(line)) and index < len(job.lines):
            # Mermaid's lexer reads the spaces after "accTitle:" across line ends, so an empty value
            # takes the next line that is not blank or a comment; do the same.
            while index < len(job.lines) and (not job.lines[index].strip(SPACES)
                                              or job.lines[index].strip(SPACES).startswith("%%")):
                index += 1
            if index < len(job.lines):
                line += " " + job.lines[index]
                index += 1
        _statement(job, line, number)


def _is_comment(line: str) -> bool:
    """A comment as Mermaid's lexer reads one: `%` not followed by `{` at the start, or `%%` after the
    first character (`x%%…`)."""
    return (line[0] == "%" and line[1:2] != "{") or (line[0] != "}" and line[1:3] == "%%")


def _description_block(job: _Parse, line: str, number: int, index: int) -> int:
    """Read `accDescr { … }` from `line` on; returns the index of the line after the block."""
    rest = line[line.index("{") + 1:]
    parts: list[str] = []
    while "}" not in rest:
        parts.append(rest)
        if index >= len(job.lines):
            job.problem(number, 'the description "accDescr {" is not closed with "}"')
            return index
        rest = job.lines[index]
        index += 1
        if rest.strip(SPACES).startswith("%%"):
            rest = ""
    parts.append(rest[:rest.index("}")])
    text = re.sub(rf"\n{_SPACE}+", "\n", "\n".join(parts).strip(SPACES))
    job.description = (number, _decode(text))
    after = rest[rest.index("}") + 1:].strip(SPACES)
    if after and not _is_comment(after):
        _statement(job, after, job.first + index - 1)
    return index


def _statement(job: _Parse, line: str, number: int) -> None:
    if _ACC_TITLE.match(line):
        return
    if _ACC_DESCR.match(line):
        job.description = (number, _decode(line[line.index(":") + 1:]).strip(SPACES))
        return
    masked = _ENTITY.sub(lambda m: "_" * len(m.group()), line)  # entity codes hide their # and ;
    if "#" in masked:
        line, masked = line[:masked.index("#")].strip(SPACES), masked[:masked.index("#")].strip(SPACES)
        if not line:
            return
    if ";" in masked:
        job.problem(number, f'";" cannot be used here (write #59; for a semicolon): {_quoted(line)}')
    elif _JOURNEY.match(line):
        job.problem(number, f'"journey" may only start the diagram: {_quoted(line)}')
    elif _TITLE.match(line):
        job.title = (number, _decode(line[5:]).strip(SPACES))
    elif _SECTION.match(masked) or _BLANK_SECTION.fullmatch(line):
        _section(job, line, masked, number)
    else:
        _task_line(job, line, masked, number)


def _section(job: _Parse, line: str, masked: str, number: int) -> None:
    if ":" in masked:
        job.problem(number, f'a section name cannot hold ":" (write #58; for a colon): {_quoted(line)}')
    else:
        job.sections.append(_Section(number, _decode(line[7:]).strip(SPACES) or EMPTY_NAME))


def _task_line(job: _Parse, line: str, masked: str, number: int) -> None:
    if ":" not in masked:
        job.problem(number, f"not a title, section or task {_TASK_FORM}: {_quoted(line)}")
        return
    cuts = [i for i, c in enumerate(masked) if c == ":"]
    name = line[:cuts[0]].strip(SPACES)
    score = line[cuts[0] + 1:cuts[1] if len(cuts) > 1 else len(line)].strip(SPACES)
    actors = line[cuts[1] + 1:cuts[2] if len(cuts) > 2 else len(line)] if len(cuts) > 1 else ""
    if not name:
        job.problem(number, f'a task needs a name before ":" {_TASK_FORM}: {_quoted(line)}')
        return
    value, doubt = _score(score)
    if doubt:
        job.warn(number, f"{doubt}: {_quoted(line)}")
    if not job.sections:
        job.sections.append(_Section(number, EMPTY_NAME))
    names = (_decode(actor).strip(SPACES) for actor in actors.split(","))
    job.sections[-1].tasks.append(_Task(number, _decode(name).strip(SPACES) or EMPTY_NAME, value,
                                        [actor for actor in names if actor]))


def _score(text: str) -> tuple[int | None, str]:
    """The score Mermaid would draw for `text`, as a whole number 1..5 (None when it is not a number),
    and what was made of it when that is not `text` as written ("" when it is)."""
    if not _NUMBER.fullmatch(text):
        return None, "the task has no score, so no emotion" if not text else \
            "the score is not a number, so the task has no emotion"
    value = float(text)
    near = min(5.0, max(1.0, value))
    score = math.floor(near + 0.5)
    if near != value:
        return score, f"the score {text} is outside 1 to 5, read as {score}"
    return score, "" if score == value else f"the score {text} is not a whole number, read as {score}"


def _decode(text: str) -> str:
    """`<br>` to a line break, then Mermaid's entity codes to characters: `#58;` is `:`, `#quot;` is `"`,
    `#nonsense;` is `&nonsense;` (so `#60;br>` stays the text `<br>`)."""
    def character(found: re.Match) -> str:
        code = found.group(1)
        if code.isdigit():
            return html.unescape(f"&#{code};") if len(code) <= 8 else "\ufffd"
        return html.entities.html5.get(f"{code};", f"&{code};")  # a browser shows an unknown one as is
    return _ENTITY.sub(character, _BREAK.sub("\n", text))


def _quoted(line: str) -> str:
    text = json.dumps(line, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + '..."'


def _build(job: _Parse, front_title: tuple[int, str] | None, language: str) -> JourneyMap:
    meta = Meta(language=language)
    title_line, title = job.title or front_title or (job.first, "")
    description_line, description = job.description if job.description else (job.first, "")
    for line, field_name, value in ((title_line, "title", title), (description_line, "description", description)):
        try:
            setattr(meta, field_name, value)
        except ValidationError as error:
            job.problem(line, f"the {field_name}: {_message(error)}")
    taken: set[str] = set()
    kind = LaneKind.BUYER_ACTIONS
    lane = Lane(id=fresh_id("lane", taken), name=label(LANE_KIND_LABELS, kind, language.split("-")[0]), kind=kind)
    stages: list[Stage] = []
    cards: list[Card] = []
    for section in job.sections:
        if len(stages) >= MAX_STAGES:
            job.problem(section.line, f"a map holds at most {MAX_STAGES} stages (sections)")
            break
        try:
            stage = Stage(id=fresh_id("stage", taken), name=section.name)
        except ValidationError as error:
            job.problem(section.line, f"the section name: {_message(error)}")
            continue
        stages.append(stage)
        for task in section.tasks:
            if len(cards) >= MAX_CARDS:
                job.problem(task.line, f"a map holds at most {MAX_CARDS} cards (tasks)")
                break
            as_tags = len(task.actors) <= MAX_TAGS and all(len(ACTOR_TAG + a) <= MAX_TAG for a in task.actors)
            try:
                cards.append(Card(id=fresh_id("card", taken), stage=stage.id, lane=lane.id, title=task.name,
                                  emotion=None if task.score is None else task.score - 3,
                                  tags=[ACTOR_TAG + actor for actor in task.actors] if as_tags else [],
                                  text="" if as_tags else "\n".join(ACTOR_TAG + re.sub(r"[\r\n]+", " ", actor)
                                                                    for actor in task.actors)))
            except ValidationError as error:
                what = "the actors" if any(e["loc"][0] == "text" for e in error.errors()) else "the task name"
                job.problem(task.line, f"{what}: {_message(error)}")
    return JourneyMap(meta=meta, stages=stages, lanes=[lane], cards=cards)


def _message(error: ValidationError) -> str:
    message = error.errors()[0]["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:]
