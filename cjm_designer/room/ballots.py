"""The ballots of one dot vote: each participant's latest ballot replaces their previous one, so the
totals are always of one ballot a voter, however often they move their dots."""

from __future__ import annotations

from collections import Counter


class Ballots:
    def __init__(self) -> None:
        self._by_voter: dict[str, dict[str, int]] = {}

    def cast(self, voter: str, counts: dict[str, int]) -> None:
        self._by_voter[voter] = dict(counts)

    @property
    def voters(self) -> int:
        """Participants who cast a ballot with at least one dot."""
        return sum(1 for counts in self._by_voter.values() if counts)

    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for counts in self._by_voter.values():
            total.update(counts)
        return dict(sorted(total.items()))
