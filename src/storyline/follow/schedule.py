"""When each watched feed is due: the pure core of `storyline watch`, with no I/O and no clock.

Every function takes the time as a number (seconds on any monotonic clock), so that the policy is
tested by stepping a number, not by waiting: a feed polled successfully is due again one interval
later; a feed that fails is retried sooner than a whole interval at first and then later and later
(exponential back-off, capped), so that a feed that is down is neither hammered nor forgotten.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*(ms|s|m|h|d)", re.IGNORECASE)
FIRST_RETRY = 60.0  # seconds: the first retry of a failed feed waits at most this long


def parse_interval(text: str) -> float:
    """'15m', '1h30m', '0.2s', '500ms', '2d' or a bare number of seconds -> seconds (> 0).

    Raises ValueError naming the text for anything else (a negative, zero or unit-less mix)."""
    value = text.strip().lower()
    if not value:
        raise ValueError("empty interval")
    try:
        seconds = float(value)
    except ValueError:
        position = 0
        seconds = 0.0
        for match in _PART.finditer(value):
            if value[position:match.start()].strip():
                break
            seconds += float(match.group(1)) * UNITS[match.group(2).lower()]
            position = match.end()
        if position == 0 or value[position:].strip():
            raise ValueError(
                f"bad interval {text!r}: use a number with a unit, e.g. 15m, 1h30m, 0.2s, 500ms, 2d"
            ) from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"bad interval {text!r}: it must be more than zero")
    return seconds


def format_interval(seconds: float) -> str:
    """The shortest of '1h30m', '15m', '0.2s' that :func:`parse_interval` reads back exactly
    (to the millisecond)."""
    ms = round(seconds * 1000)
    if ms % 1000:
        if ms < 1000 and ms % 100:
            return f"{ms}ms"
        return f"{ms // 1000}.{ms % 1000:03d}".rstrip("0") + "s"
    rest = ms // 1000
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0s"


def backoff(failures: int, every: float, cap: float) -> float:
    """Seconds until a feed that failed ``failures`` times in a row is tried again: the first
    retry after min(interval, FIRST_RETRY), doubling each time, never more than ``cap``."""
    base = min(every, FIRST_RETRY)
    return float(min(cap, base * 2 ** max(failures - 1, 0)))


@dataclass
class Schedule:
    """Which feed is due when. ``every`` and ``cap`` in seconds; times on the caller's clock."""

    feeds: list[str]
    every: float
    cap: float
    due_at: dict[str, float] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    @classmethod
    def start(cls, feeds: Iterable[str], every: float, now: float, cap: float | None = None) -> Schedule:
        """Every feed due at once. The default cap is the larger of an hour and the interval."""
        unique = list(dict.fromkeys(feeds))
        return cls(unique, every, cap if cap is not None else max(every, 3600.0), dict.fromkeys(unique, now),
                   dict.fromkeys(unique, 0))

    def due(self, now: float) -> list[str]:
        """Feeds due at ``now``, in the order they were given."""
        return [f for f in self.feeds if self.due_at[f] <= now]

    def next_due(self) -> float:
        return min(self.due_at.values()) if self.due_at else math.inf

    def succeeded(self, feed: str, now: float) -> None:
        self.failures[feed] = 0
        self.due_at[feed] = now + self.every

    def failed(self, feed: str, now: float) -> float:
        """Record a failure; returns the delay until the feed is tried again."""
        self.failures[feed] += 1
        delay = backoff(self.failures[feed], self.every, self.cap)
        self.due_at[feed] = now + delay
        return delay
