"""The news of the day: an undated act of a named doer, told as the main event of a sentence in
the past tense, is read as the news of its article's day (value that day, the day before as the
doubt)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from storyline.reconcile.frames import Frame
from storyline.reconcile.roles import HEAD_CUT, ROLE_WORD, type_of


def news_day(frames: Sequence[Frame], doc_dates: dict[str, tuple[date | None, date | None]]) -> str | None:
    """The day of the article that tells an undated happening as its news: an act of a named doer
    ("the regulator ordered inspections"), asserted as the main event of a sentence with no time
    expression of its own, in an article written on a known day is (as news writing reads) that
    day's or the day before's news. The value is the article's day; the interval, one day back,
    says the doubt."""
    days = []
    for f in frames:
        if (f.claim.parent is None and f.own
                and not f.unreal and not f.claim.hedged and not f.claim.negated and f.claim.modality is None
                and type_of(f) not in (None, "STATEMENT") and _named_doer(f) and not _before_its_telling(f)):
            lo, hi = doc_dates.get(f.article_id, (None, None))
            if lo is not None and lo == hi:
                days.append(lo)
    return min(days).isoformat() if days else None


_PLUPERFECT = re.compile(r"\b(?:had|'d)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)


def _before_its_telling(f: Frame) -> bool:
    """A past perfect ("had declared"), a participle ("visiting") or a present ("crowds gather",
    a caption's or a live page's tense): told as before the news, as a circumstance or as a scene,
    not as the news of the day in the past tense."""
    before = f.claim.text[: f.start - f.claim.span[0]]
    word, lemma = f.trigger.lower(), (f.claim.predicate or "").lower()
    present = bool(lemma) and word in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies")
    return bool(_PLUPERFECT.search(before)) or word.endswith("ing") or present


def _named_doer(f: Frame) -> bool:
    """The mention's subject is headed by a name (a capitalised head word that does not merely
    open the sentence): "the regulator DGCA", "Prime Minister X", not "rescue crews"."""
    for phrase in f.claim.agents:
        words = ROLE_WORD.findall(HEAD_CUT.split(phrase, maxsplit=1)[0])
        if not words or not words[-1][:1].isupper():
            continue
        if len(words) > 1 or not f.claim.text.lstrip().startswith(words[-1]):
            return True
    return False
