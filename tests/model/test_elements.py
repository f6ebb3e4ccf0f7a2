"""Each field rule of the parts of a map, with a value it accepts and one it refuses."""

import math

import pytest
from pydantic import ValidationError

from cjm_designer.model import Card, Kpi, Lane, Link, Meta, Metrics, Persona, Photo, Stage
from tests.strategies import PNG_1PX

BASE = {
    Card: {"id": "c1", "stage": "s1", "lane": "l1"},
    Stage: {"id": "s1", "name": "Осознание"},
    Lane: {"id": "l1", "name": "Действия покупателя"},
    Link: {"id": "k1", "source": "c1", "target": "c2"},
    Persona: {"id": "p1", "name": "Анна"},
    Meta: {},
    Kpi: {},
    Metrics: {},
    Photo: {"media_type": "image/png", "data": PNG_1PX},
}

RULES = [
    # (part, field, accepted, refused)
    (Card, "id", "card-3f.9:a_b", "has space"),
    (Card, "id", "x" * 64, "x" * 65),
    (Card, "id", "c1", "-starts-with-dash"),
    (Card, "stage", "s1", ""),
    (Card, "title", "Заявка на сайте", "x" * 501),
    (Card, "text", "a" * 10_000, "a" * 10_001),
    (Card, "emotion", -2, -3),
    (Card, "emotion", 2, 3),
    (Card, "emotion", 0, "1"),
    (Card, "emotion", 1, 1.0),
    (Card, "quality", 1, 0),
    (Card, "quality", 5, 6),
    (Card, "pain", True, "yes"),
    (Card, "pain", False, 0),
    (Card, "device", "mobile", "phone"),
    (Card, "channel", "Авито", "x" * 61),
    (Card, "owner", "marketer", "x" * 61),
    (Card, "color", "#A0b1C2", "red"),
    (Card, "color", None, "#12345"),
    (Card, "tags", ["акция"] * 50, ["акция"] * 51),
    (Card, "tags", ["t"], ["x" * 61]),
    (Card, "note", "", 5),
    (Card, "metrics", {"clicks": 1}, {"clicks": -1}),
    (Metrics, "clicks", 0, -1),
    (Metrics, "clicks", 10, 10.5),
    (Metrics, "conversion", 100, 100.01),
    (Metrics, "conversion", 0, -0.1),
    (Metrics, "time_on_site", 35.5, -1),
    (Kpi, "target", 12.5, math.nan),
    (Kpi, "actual", -3, math.inf),
    (Kpi, "target", 1, "1"),
    (Kpi, "unit", "%", "x" * 61),
    (Stage, "name", "x" * 200, "x" * 201),
    (Stage, "width", 40, 39.9),
    (Stage, "width", 10_000, 10_001),
    (Stage, "entering", 0, -1),
    (Stage, "questions", ["Как оплатить?"] * 100, ["?"] * 101),
    (Stage, "questions", ["x" * 1000], ["x" * 1001]),
    (Stage, "business", ["Ввести систему лояльности"], "not a list"),
    (Stage, "kpi", {"name": "CR", "target": 5}, {"name": "CR", "bogus": 1}),
    (Lane, "kind", "seller_actions", "sellers"),
    (Lane, "height", 20, 19),
    (Link, "kind", "call", "fax"),
    (Link, "label", "перезвонить", "x" * 201),
    (Persona, "age", 150, 151),
    (Persona, "age", 0, -1),
    (Persona, "quote", "«Хочу быстро»", "x" * 10_001),
    (Meta, "language", "pt-BR", "Russian"),
    (Meta, "created", "2026-11-26T12:00:00Z", "2026-11-26T12:00:00"),
    (Meta, "title", "Карта", ["not", "text"]),
    (Photo, "media_type", "image/png", "image/svg+xml"),
    (Photo, "data", PNG_1PX, "not base64!"),
]


@pytest.mark.parametrize(("part", "field", "good", "bad"), RULES, ids=lambda v: getattr(v, "__name__", None))
def test_field_rule_accepts_and_refuses(part, field, good, bad):
    part.model_validate({**BASE[part], field: good})
    with pytest.raises(ValidationError) as refused:
        part.model_validate({**BASE[part], field: bad})
    assert refused.value.errors()[0]["loc"][0] == field


@pytest.mark.parametrize("part", [Card, Stage, Lane, Link, Persona, Meta, Kpi, Metrics, Photo])
def test_unknown_fields_are_refused(part):
    with pytest.raises(ValidationError, match="Extra inputs"):
        part.model_validate({**BASE[part], "colour": "#ffffff"})


@pytest.mark.parametrize(("part", "field"), [(Card, "id"), (Stage, "name"), (Lane, "name"), (Link, "source")])
def test_required_fields(part, field):
    data = dict(BASE[part])
    data.pop(field)
    with pytest.raises(ValidationError, match="Field required"):
        part.model_validate(data)


def test_photo_must_be_the_image_it_claims():
    jpeg = Photo.model_validate({"media_type": "image/jpeg", "data": "/9j/4AAQ"})
    assert jpeg.image_bytes().startswith(b"\xff\xd8\xff")
    with pytest.raises(ValidationError, match="not a JPEG image"):
        Photo(media_type="image/jpeg", data=PNG_1PX)


def test_assignment_is_validated_like_input():
    card = Card.model_validate(BASE[Card])
    card.emotion = 2
    with pytest.raises(ValidationError):
        card.emotion = 5
    assert card.emotion == 2
