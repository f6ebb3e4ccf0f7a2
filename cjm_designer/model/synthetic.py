"""Large generated maps of realistic shape, for benchmarks and tests of big documents."""

from __future__ import annotations

import random

from .document import JourneyMap
from .elements import Card, Kpi, Lane, Link, Meta, Metrics, Stage
from .vocab import CHANNEL_LABELS, OWNER_LABELS, Device, LaneKind, LinkKind

_WORDS = ("заявка звонок сайт отзыв скидка доставка оплата менеджер консультация реклама поиск "
          "сравнение гарантия замер договор монтаж бонус рассылка чат корзина").split()


def generate_map(cards: int, stages: int = 10, lanes: int = 10, links: int | None = None,
                 seed: int = 1) -> JourneyMap:
    """A map of `cards` cards spread over a stages × lanes grid, with Cyrillic text, every card field
    in use and `links` links (a tenth of the cards by default). The same arguments give the same map."""
    rng = random.Random(seed)
    kinds = list(LaneKind)
    doc = JourneyMap(meta=Meta(title=f"Синтетическая карта на {cards} карточек", language="ru"))
    for s in range(stages):
        doc.stages.append(Stage(id=f"s{s}", name=f"Этап {s + 1}", goal=_phrase(rng, 6),
                                questions=[_phrase(rng, 4) + "?"], entering=10_000 // (s + 1)))
    for lane in range(lanes):
        doc.lanes.append(Lane(id=f"l{lane}", name=f"Дорожка {lane + 1}", kind=kinds[lane % len(kinds)]))
    channels, owners = list(CHANNEL_LABELS), list(OWNER_LABELS)
    for i in range(cards):
        doc.cards.append(Card(
            id=f"c{i}", stage=f"s{i % stages}", lane=f"l{(i // stages) % lanes}",
            title=_phrase(rng, 3).capitalize(), text=_phrase(rng, rng.randint(0, 20)),
            channel=rng.choice(channels), device=rng.choice(list(Device)), owner=rng.choice(owners),
            emotion=rng.randint(-2, 2), quality=rng.randint(1, 5), pain=rng.random() < 0.1,
            kpi=Kpi(name="CR", target=float(rng.randint(1, 50)), actual=float(rng.randint(0, 50)), unit="%")
            if rng.random() < 0.2 else None,
            metrics=Metrics(clicks=rng.randint(0, 5000), conversion=round(rng.random() * 100, 2),
                            time_on_site=float(rng.randint(5, 600))) if rng.random() < 0.3 else None,
            tags=[rng.choice(_WORDS)] if rng.random() < 0.3 else []))
    for i in range(cards // 10 if links is None else links):
        source, target = rng.sample(range(cards), 2)
        doc.links.append(Link(id=f"k{i}", source=f"c{source}", target=f"c{target}",
                              kind=rng.choice(list(LinkKind)), label=rng.choice(_WORDS)))
    return doc


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))
