"""Budgets for the fuzz tests: bounded and reproducible in ``make test``, long in ``make fuzz``."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from hypothesis import settings

LONG = os.environ.get("STORYLINE_FUZZ") == "long"
#: Examples per budget unit: ``make fuzz`` runs 25 times the examples of ``make test``.
SCALE = int(os.environ.get("STORYLINE_FUZZ_SCALE", "25")) if LONG else 1
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def budget(examples: int, **kw: Any) -> Callable[[Any], Any]:
    """``examples`` per test under ``make test`` (same examples every run), ``SCALE`` times as many
    fresh ones under ``make fuzz``. No per-example deadline: the suite timeout catches hangs."""
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=not LONG, database=None, **kw)


def checked_line(line: str) -> None:
    """An error as the user sees it: one line, nothing a terminal would act on."""
    assert not _UNSAFE.search(line), repr(line)
    line.encode("utf-8")
