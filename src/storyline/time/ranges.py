"""A range's start named by its weekday: "will be closed from 08:00 on Tuesday until 18:00 on
Wednesday", told on a Thursday of a closure ahead. Read alone, the start is the nearest Tuesday
(the tagger leaves a future range's start without a tense: its opening day may have passed when
the plan is told), the one just past, before an end that is ahead; the range's start is the last
such weekday on or before its end. Applied wherever days are resolved: after tagging
(``tagger.tag_doc``) and after a page's days are resolved again once its writing date is known
(``rewrite``, read by ``reconcile.documents.reresolve_times``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from storyline.model import TimeExpr
from storyline.time.lexicon import MONTHS, WEEKDAYS

#: What opens a range before its start ("from", "between") and what joins its ends.
RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
RANGE_TO = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*", re.IGNORECASE)
_WEEKDAY_NAME = re.compile(rf"\b(?:{'|'.join(w for w in WEEKDAYS if w.endswith('day'))})\b", re.IGNORECASE)
#: A start that names its month or its date in figures is dated by them, not by its weekday.
_DATED = re.compile(rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b|\d{{4}}-\d\d|\d/\d", re.IGNORECASE)


def weekday_range_starts(times: Sequence[TimeExpr], text: str) -> list[TimeExpr]:
    """``times`` (in text order) with each weekday-named range start moved by whole weeks to
    the last such weekday on or before its end; ``text`` is what their offsets index."""
    out = list(times)
    for k in range(len(out) - 1):
        start, end = out[k], out[k + 1]
        if not RANGE_OPEN.search(text, max(0, start.start - 10), start.start) \
                or RANGE_TO.fullmatch(text, start.end, end.start) is None \
                or not _WEEKDAY_NAME.search(start.text) or _DATED.search(start.text):
            continue
        try:
            first, last = date.fromisoformat((start.value or "")[:10]), date.fromisoformat((end.value or "")[:10])
        except ValueError:
            continue
        gap = (last - first).days
        if gap < 7:
            continue  # a start within a week before its end; or an end read before its start, the end's doubt
        shift = timedelta(days=7 * (gap // 7))
        out[k] = replace(start, value=_moved(start.value, shift) or start.value,
                         earliest=_moved(start.earliest, shift), latest=_moved(start.latest, shift))
    return out


def _moved(value: str | None, shift: timedelta) -> str | None:
    """An ISO value's day moved by ``shift``, its clock time kept."""
    try:
        return (date.fromisoformat(value[:10]) + shift).isoformat() + value[10:] if value else value
    except ValueError:
        return value
