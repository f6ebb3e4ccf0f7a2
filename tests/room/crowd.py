"""A room full of participants over loopback: each on a connection of their own, all at once, each
sending their cards one after another as a phone does."""

from __future__ import annotations

import asyncio

import aiohttp


async def send_cards(url: str, participants: int, cards: int, board: dict) -> list[tuple[int, str]]:
    """(status, title) of every card sent; titles are unique (`p7-c13`), in a cell chosen by turns."""
    cells = [(s["id"], k["id"]) for s in board["stages"] for k in board["lanes"]]

    async def participant(number: int) -> list[tuple[int, str]]:
        sent = []
        async with aiohttp.ClientSession() as session:
            for card in range(cards):
                stage, lane = cells[(number + card) % len(cells)]
                title = f"p{number}-c{card}"
                body = {"stage": stage, "lane": lane, "title": title, "author": f"Участник {number}"}
                async with session.post(url + "api/cards", json=body) as answer:
                    sent.append((answer.status, title))
        return sent

    done = await asyncio.gather(*(participant(n) for n in range(participants)))
    return [one for sent in done for one in sent]
