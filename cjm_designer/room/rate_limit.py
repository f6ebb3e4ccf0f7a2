"""At most so many requests in a sliding window from one client address: a phone stuck in a loop,
or someone guessing the token, cannot flood the room."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class RateLimit:
    requests: int = 30
    seconds: float = 10.0
    _seen: dict[str, deque[float]] = field(default_factory=dict, repr=False)

    def retry_after(self, address: str, now: float | None = None) -> float:
        """0 when a request from `address` may pass now (and counts it), otherwise seconds to wait."""
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(address, deque())
        while times and times[0] <= now - self.seconds:
            times.popleft()
        if len(times) >= self.requests:
            return times[0] + self.seconds - now
        times.append(now)
        if len(self._seen) > 10_000:  # addresses gone quiet are forgotten
            for quiet in [a for a, t in self._seen.items() if not t or t[-1] <= now - self.seconds]:
                del self._seen[quiet]
        return 0.0
