"""The parts of a journey map: meta, personas, stages, lanes, cards and links.

Each part checks its own fields (ranges, lengths, formats) as it is built and whenever a field is
assigned; what spans parts (unique ids, references) is checked in `validation`.

Without `from __future__ import annotations`: pydantic takes the fields' types as they are instead of
evaluating each from its text (114 fields, 1.4 ms of every start).
"""

import ast
import base64
import binascii
import inspect
import re
import textwrap
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

from .vocab import Device, LaneKind, LinkKind

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
NAME_LENGTH = 200  # characters a name or a label holds (what a typed one is cut to: editor.edits.typed_name)
Name = Annotated[str, StringConstraints(max_length=NAME_LENGTH)]
Line = Annotated[str, StringConstraints(max_length=1000)]
Text = Annotated[str, StringConstraints(max_length=10_000)]
Token = Annotated[str, StringConstraints(max_length=60)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


ISO_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)")


def _iso_text(value: object) -> object:
    """Timestamps in a file are ISO 8601 text with a time zone, never a number of seconds."""
    if isinstance(value, str) and not ISO_TIMESTAMP.fullmatch(value):
        raise ValueError("must be an ISO 8601 date and time with a time zone, such as 2026-11-26T09:30:00+03:00")
    if isinstance(value, (int, float)):
        raise ValueError("must be an ISO 8601 date and time text, not a number")
    return value


IsoDatetime = Annotated[AwareDatetime, BeforeValidator(_iso_text)]

MAX_PHOTO_BASE64 = 4 * 1024 * 1024
PHOTO_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
MAX_PHOTO_PIXELS = 40_000_000  # a few kilobytes may claim gigapixels: a larger photo is never decoded


def _describe_fields(schema: dict, model: type) -> None:
    """The JSON schema's description of each field is the docstring under it. Read from the source
    only when a schema is made: pydantic's `use_attribute_docstrings` reads it as each class is built,
    a tenth of the window's start."""
    properties = schema.get("properties", {})
    body = ast.parse(textwrap.dedent(inspect.getsource(model))).body[0].body
    for field, after in zip(body, body[1:]):
        if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)
                and field.target.id in properties):
            properties[field.target.id]["description"] = inspect.cleandoc(after.value.value)


def empty_list() -> list:
    """The default of the list fields. A function of ours rather than the builtin `list`: pydantic reads
    the signature of each default factory, and a builtin's is parsed from its text with the tokenizer,
    whose first use compiles a large regular expression: 2.5 ms of every start, where calling this
    function instead of `list` for each default costs 0.7 ms of reading a 5,000-card map."""
    return []


def _repeated(values: Iterable[str]) -> str | None:
    """The first value that comes a second time, or None when each comes once."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


class Part(BaseModel):
    """Common settings: unknown fields are errors, assignments are validated like input, and numbers
    and flags must have their JSON type (no "2" for 2, no 1 for true)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, json_schema_extra=_describe_fields)


class Photo(Part):
    """An image embedded in the file as base64, never a path or a URL to load."""

    media_type: Literal["image/png", "image/jpeg"]
    """The image type; the data must start with that type's signature."""

    data: Annotated[str, StringConstraints(max_length=MAX_PHOTO_BASE64)]
    """The image bytes, base64-encoded (at most 4 MiB of base64)."""


    @field_validator("data")
    @classmethod
    def _decodes(cls, value: str) -> str:
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("is not valid base64") from None
        return value

    def image_bytes(self) -> bytes:
        return base64.b64decode(self.data)

    @model_validator(mode="after")
    def _is_image(self) -> Self:
        if not self.image_bytes().startswith(PHOTO_MAGIC[self.media_type]):
            raise ValueError(f"data is not a {self.media_type.removeprefix('image/').upper()} image")
        return self


class Meta(Part):
    title: Name = ""
    """The map's title, shown above the map and on the PDF cover."""

    description: Text = ""
    """What the map is about: product, research, workshop."""

    author: Name = ""
    """Who drew the map."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    """Language of the map's text, as a BCP 47 tag such as `ru` or `en`."""

    created: IsoDatetime | None = None
    """When the map was created (ISO 8601 with time zone)."""

    modified: IsoDatetime | None = None
    """When the map was last saved from the program (ISO 8601 with time zone)."""


class Kpi(Part):
    """A key performance indicator: what is measured, the goal and what was reached."""

    name: Name = ""
    """What is measured, e.g. "Conversion to order"."""

    target: StrictFloat | None = Field(default=None, allow_inf_nan=False)
    """The goal."""

    actual: StrictFloat | None = Field(default=None, allow_inf_nan=False)
    """What was reached."""

    unit: Token = ""
    """Unit of target and actual, e.g. `%`, `₽`, `calls`."""

    lower_is_better: StrictBool = False
    """The goal is to stay at or under the target (response time, cost per lead, abandonment rate)."""


class Metrics(Part):
    """Web-analytics figures of a touchpoint."""

    clicks: StrictInt | None = Field(default=None, ge=0)
    """Total clicks at this touchpoint."""

    conversion: StrictFloat | None = Field(default=None, ge=0, le=100, allow_inf_nan=False)
    """Conversion rate at this touchpoint, in per cent (0..100)."""

    time_on_site: StrictFloat | None = Field(default=None, ge=0, allow_inf_nan=False)
    """Time on site (or in the shop), in seconds."""


class Variant(Part):
    """One version of a touchpoint in an A/B test ("A", "B" …), with the figures it reached."""

    name: Annotated[Token, StringConstraints(min_length=1)]
    """The variant's short name, e.g. `A`; unique among the card's variants."""

    description: Line = ""
    """What this version does differently, e.g. "Green button"."""

    metrics: Metrics | None = None
    """The figures this version reached."""


class Persona(Part):
    """The buyer the map is drawn for."""

    id: Id
    """Unique id in the map."""

    name: Name
    """The persona's name, e.g. "Анна, 34"."""

    photo: Photo | None = None
    """An optional embedded photo."""

    gender: Token = ""
    """Gender, as free text."""

    age: StrictInt | None = Field(default=None, ge=0, le=150)
    """Age in years."""

    geography: Name = ""
    """Where the persona lives."""

    occupation: Name = ""
    """Job or occupation."""

    habits: Text = ""
    """Habits relevant to the purchase."""

    interests: Text = ""
    """Interests."""

    goals: Text = ""
    """What the persona wants to achieve."""

    pains: Text = ""
    """What bothers the persona."""

    quote: Text = ""
    """A typical phrase of the persona."""

    color: Color | None = None
    """Colour of the persona's emotion curve as `#rrggbb`; none for one from the palette."""


class Stage(Part):
    """A column: one step of the journey, with what the customer wants and asks there."""

    id: Id
    """Unique id in the map."""

    name: Name
    """The stage's name, e.g. "Awareness"."""

    goal: Text = ""
    """The customer's goal at this stage."""

    questions: list[Line] = Field(default_factory=empty_list, max_length=100)
    """The customer's questions at this stage, one a line."""

    business: list[Line] = Field(default_factory=empty_list, max_length=100)
    """What the business does at this stage, one action a line."""

    color: Color | None = None
    """Header colour as `#rrggbb`; none for the default."""

    width: StrictFloat | None = Field(default=None, ge=40, le=10_000, allow_inf_nan=False)
    """Minimum column width in points, set by the user; none for automatic."""

    entering: StrictInt | None = Field(default=None, ge=0)
    """Funnel figure: how many people enter this stage."""

    kpi: Kpi | None = None
    """The stage's key performance indicator."""


class Lane(Part):
    """A row of one kind (buyer actions, emotions, pain points...)."""

    id: Id
    """Unique id in the map."""

    name: Name
    """The lane's name, shown in its header."""

    kind: LaneKind = LaneKind.TEXT
    """What the lane holds; decides how its cards are drawn (e.g. `emotions` as a curve)."""

    height: StrictFloat | None = Field(default=None, ge=20, le=10_000, allow_inf_nan=False)
    """Minimum row height in points, set by the user; none for automatic."""


class Comment(Part):
    """A remark on a card, made in the window or from a participant's phone in a workshop."""

    id: Id
    """Unique among the card's comments."""

    author: Name = ""
    """Who wrote it (a participant's chosen name)."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    """The comment, plain text."""

    created: IsoDatetime
    """When it was written (ISO 8601 with time zone)."""

    resolved: StrictBool = False
    """Settled: hidden unless asked for."""


class Card(Part):
    """A touchpoint or action in the cell of one stage and one lane."""

    id: Id
    """Unique id in the map."""

    stage: Id
    """Id of the stage (column) the card is in."""

    lane: Id
    """Id of the lane (row) the card is in."""

    title: Annotated[str, StringConstraints(max_length=500)] = ""
    """The card's title."""

    text: Text = ""
    """Longer plain text."""

    channel: Token = ""
    """Channel: a known key such as `search_ads`, `website`, `phone`, or any other name."""

    device: Device | None = None
    """Device the customer uses."""

    owner: Token = ""
    """Who is responsible: a known key such as `marketer`, `seo_specialist`, `seller`, `manager`, or any other name."""

    emotion: StrictInt | None = Field(default=None, ge=-2, le=2)
    """The customer's emotion, from -2 (very negative) to +2 (very positive)."""

    quality: StrictInt | None = Field(default=None, ge=1, le=5)
    """Quality of the contact, from 1 (poor) to 5 (excellent)."""

    pain: StrictBool = False
    """Marks a pain point."""

    kpi: Kpi | None = None
    """The touchpoint's key performance indicator."""

    metrics: Metrics | None = None
    """Web-analytics figures."""

    tags: list[Token] = Field(default_factory=empty_list, max_length=50)
    """Free tags for filtering."""

    color: Color | None = None
    """Card colour as `#rrggbb`; none for the lane's default."""

    note: Text = ""
    """A private note, not drawn on the map."""

    persona: Id | None = None
    """In an emotions lane: the id of the persona whose emotion this is (their own curve); none for
    the map's one curve."""

    variants: list[Variant] = Field(default_factory=empty_list, max_length=26)
    """A/B test: the versions of this touchpoint, each with its own figures."""

    url: Line = ""
    """The touchpoint's page address or UTM tag, by which figures of a web-analytics report are matched."""

    comments: list[Comment] = Field(default_factory=empty_list, max_length=1000)
    """The comment thread, oldest first."""

    @field_validator("variants")
    @classmethod
    def _variant_names_unique(cls, variants: list[Variant]) -> list[Variant]:
        twice = _repeated(v.name for v in variants)
        if twice is not None:
            raise ValueError(f"two variants are named {twice!r}")
        return variants

    @field_validator("comments")
    @classmethod
    def _comment_ids_unique(cls, comments: list[Comment]) -> list[Comment]:
        twice = _repeated(c.id for c in comments)
        if twice is not None:
            raise ValueError(f"two comments have the id {twice!r}")
        return comments


class Link(Part):
    """An arrow from one card to another: a call, a message, an e-mail or a plain flow."""

    id: Id
    """Unique id in the map."""

    source: Id
    """Id of the card the arrow starts at."""

    target: Id
    """Id of the card the arrow points to (another card)."""

    kind: LinkKind = LinkKind.FLOW
    """What passes along the link."""

    label: Name = ""
    """Text drawn on the arrow."""


class Snapshot(Part):
    """A named state of the map kept inside the file ("As-is", "After workshop 1").

    `map` holds the map as it was, in the file's own form (the body of a `.cjm` file without its
    header, snapshots and conflicts); it is checked when the snapshot is read, apart from the map, so
    that a damaged snapshot never keeps the map itself from opening, and it is written back as it was
    read, so that a snapshot that did not change does not change a byte."""

    id: Id
    """Unique id in the map."""

    name: Name
    """The snapshot's name."""

    created: IsoDatetime
    """When the snapshot was taken (ISO 8601 with time zone)."""

    author: Name = ""
    """Who took it."""

    note: Text = ""
    """Why it was taken."""

    map: dict[str, Any]
    """The map as it was: `meta`, `personas`, `stages`, `lanes`, `cards` and `links`."""


class InboxCard(Part):
    """A card sent by a participant of a workshop, waiting in the Inbox for the facilitator to accept
    (it becomes a card of its cell), edit or discard it."""

    id: Id
    """Unique id in the map."""

    stage: Id
    """The stage the participant chose."""

    lane: Id
    """The lane the participant chose."""

    title: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    """What the participant typed."""

    author: Annotated[str, StringConstraints(max_length=40)] = ""
    """The participant's chosen name."""

    received: IsoDatetime
    """When it arrived (ISO 8601 with time zone)."""


class Vote(Part):
    """A dot vote of a workshop: each participant had `dots` dots for the cards of `lanes`; `counts`
    keeps the dots each card got. A card removed later keeps its count here, as history."""

    id: Id
    """Unique id in the map."""

    name: Name = ""
    """What was voted on, e.g. "Which pains hurt most?"."""

    lanes: list[Id] = Field(min_length=1, max_length=200)
    """The lanes whose cards could be voted for (pain points, opportunities)."""

    dots: StrictInt = Field(ge=1, le=20)
    """Dots each participant has."""

    started: IsoDatetime
    """When the vote started."""

    ends: IsoDatetime | None = None
    """When voting closes (none: until the facilitator ends it)."""

    ended: IsoDatetime | None = None
    """When it ended; none while it runs."""

    voters: StrictInt = Field(default=0, ge=0)
    """How many participants voted."""

    counts: dict[Annotated[str, StringConstraints(pattern=ID_PATTERN)], Annotated[int, Field(strict=True, ge=0)]] = \
        Field(default_factory=dict, max_length=100_000)
    """Dots received, by card id."""


ConflictKind = Literal["meta", "persona", "stage", "lane", "card", "link"]


class Conflict(Part):
    """What a three-way merge could not settle: both sides changed one field of an element to
    different values (the element holds ours; `theirs` keeps the other), or one side removed an
    element the other changed (the element is kept, `removed_by` names the side that removed it)."""

    id: Id
    """Unique id in the map."""

    kind: ConflictKind
    """The kind of element in conflict."""

    element: Annotated[str, StringConstraints(max_length=64)] = ""
    """The id of the element in conflict (empty for the map's meta)."""

    field: Annotated[str, StringConstraints(max_length=200)] = ""
    """The field both sides changed, as a path such as `title` or `kpi.target`; empty for a removal."""

    base: Any = None
    """The field's value in the common ancestor."""

    ours: Any = None
    """The field's value on our side (the one the element holds)."""

    theirs: Any = None
    """The field's value on their side."""

    removed_by: Literal["", "ours", "theirs"] = ""
    """For a removal conflict: the side that removed the element the other side changed."""
