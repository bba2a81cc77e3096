"""What the timeline's join rules ask of two clusters, or of an undated one and a dated happening.

``timeline.happenings`` holds the join rules; the small pure tests they put to the pairs they may
join are kept here, so that the rules' module holds the rules: whether two clusters share a
participant (``_shares``) or a name that is not one of the story's protagonists
(``_shares_name``), whether one's mention is an argument of the other's in one sentence
(``_one_sentence``), the words of what a cluster's mentions were done to (``_patient_words``), a
sentence's words read once (``_sentence_words``); and, for an undated mention, whether its
articles were written in time to be news of a dated happening (``_written_days_after``,
``_before_documents``) or a newer happening of its kind is the likelier (``_newer_option``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from storyline.reconcile.cluster import Cluster
from storyline.reconcile.frames import Frame
from storyline.reconcile.roles import role_words
from storyline.reconcile.timeslot import day_of, parse_day


@lru_cache(maxsize=65536)
def _sentence_words(text: str) -> frozenset[str]:
    """A sentence's lower-case words, read once however many rules ask."""
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def _shares(a: Cluster, b: Cluster) -> bool:
    return bool(set(a.participants) & set(b.participants)) or bool(a.canon & b.canon)


def _patient_words(c: Cluster) -> set[str]:
    """Every word of what a cluster's own mentions were done to."""
    return set().union(*(role_words(f)[1] for f in c.frames))


def _one_sentence(a: Cluster, b: Cluster) -> bool:
    """One cluster's mention is an argument of the other's in one sentence ("Kim skipped a court
    hearing on Tuesday": the hearing is what was skipped), so they tell one happening."""
    def argument_of(x: Frame, y: Frame) -> bool:
        if not y.own or x.article_id != y.article_id or x.claim.sentence != y.claim.sentence:
            return False
        word = x.trigger.lower()
        return any(word in phrase.lower().split() for phrase in y.claim.patients + y.claim.agents)
    return any(argument_of(x, y) or argument_of(y, x) for x in a.frames for y in b.frames)


def _shares_name(a: Cluster, b: Cluster) -> bool:
    """A participant both name that is not one of the story's protagonists."""
    return bool((set(a.participants) & set(b.participants)) - a.common - b.common)


#: How many days after a happening an undated retelling may be written to be read as news of it.
NEWS_DAYS = 2


def _written_days_after(c: Cluster, target: Sequence[Cluster], values: dict[int, str | None],
                        doc_dates: dict[str, tuple[date | None, date | None]]) -> bool:
    """Every article of ``c`` was written on the target's day or within ``NEWS_DAYS`` after it."""
    day = parse_day(next((d for m in target if (d := day_of(values[m.id]))), None))
    if day is None:
        return False
    for a in c.articles:
        lo, hi = doc_dates.get(a, (None, None))
        if lo is None or hi is None or lo < day or (hi - day).days > NEWS_DAYS:
            return False
    return True


#: An undated mention is read as the most recent happening of its family when one happened this
#: many days before its article was written.
RECENT_DAYS = 7


def _newer_option(c: Cluster, best: int, options: set[int], members: dict[int, list[Cluster]],
                  values: dict[int, str | None], doc_dates: dict[str, tuple[date | None, date | None]]) -> bool:
    """Another happening of its family or class, later than the best supported, happened within
    ``RECENT_DAYS`` before the mention's articles were written (two crashes two months apart: a
    page written the week of the second means the second): the mention is ambiguous."""
    def day(root: int) -> date | None:
        return parse_day(next((d for m in members.get(root, []) if (d := day_of(values[m.id]))), None))

    first = day(best)
    written = [hi for a in c.articles if (hi := doc_dates.get(a, (None, None))[1]) is not None]
    if first is None or not written:
        return False
    when = min(written)
    for root in options:
        other = day(root)
        if root != best and other is not None and first < other <= when and (when - other).days <= RECENT_DAYS:
            return True
    return False


def _before_documents(c: Cluster, day: str | None, doc_dates: dict[str, tuple[date | None, date | None]]) -> bool:
    """The undated mention's articles were not written before the happening it would join."""
    when = parse_day(day)
    if when is None:
        return True
    return all(doc_dates.get(a, (None, None))[1] is None or doc_dates[a][1] >= when for a in c.articles)  # type: ignore[operator]
