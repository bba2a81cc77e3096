"""Times counted from an event the text told before: "the day after the shelling", "two days
after the theft was discovered", "the morning after the vote", "forty-eight hours after the vote"
(whole days told in hours).

The expression names no date; its anchor is the day of the happening it names. That day is the
latest day the text gave earlier in a sentence telling the same happening: the same event word
family ("shelling" and "struck" are both attacks, ``data/lexicon/frames.json``) or, for a word no
family lists, the same word stem ("discovered" / "was discovered"). With a verb after the noun
("after the theft was discovered") the verb names the happening (the discovery, not the theft).
When no earlier sentence tells it, the expression stays unresolved: no date is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from storyline import lexicon
from storyline.time import calendar_math as cm
from storyline.time.lexicon import words_to_number
from storyline.time.resolve import Anchor, Norm

_PARTS = re.compile(
    r"^(?P<n>\S+)\s+(?P<unit>\w+)\s+(?P<dir>after|before)\s+\S+\s+(?P<what>.+?)"
    r"(?:\s+(?:was|were|had\s+been)\s+(?P<verb>[a-z]+ed))?$",
    re.IGNORECASE,
)
_FAMILY = re.compile(lexicon.named_alternation("frames", "families"), re.IGNORECASE)  # as reconcile/triggers.py reads them
#: Characters of a word that stand for its stem when no family lists it ("discover-ed").
_STEM = 5
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _keys(word: str) -> set[str]:
    """What identifies the happening a word names: its event family, else its stem."""
    m = _FAMILY.fullmatch(word)
    if m is not None and m.lastgroup:
        return {f"family:{m.lastgroup}"}
    return {f"stem:{word[:_STEM].lower()}"} if len(word) >= _STEM else set()


def _sentence_keys(sentence: str) -> set[str]:
    """The happenings a sentence tells on its day: not those it names only to place its day
    ("less than two weeks after the dam collapsed", "since the flood"), which are of other days."""
    told = _RELATIVE_CLAUSE.sub(" ", sentence)
    keys = {f"family:{m.lastgroup}" for m in _FAMILY.finditer(told) if m.lastgroup}
    keys |= {f"stem:{w[:_STEM].lower()}" for w in re.findall(r"[A-Za-z][\w\-]*", told) if len(w) >= _STEM}
    return keys


#: A happening named to place another in time: the connective and the few words after it.
_RELATIVE_CLAUSE = re.compile(r"\b(?:after|before|since|until|following|ahead\s+of)\s+(?:[\w'’\-]+\s+){0,5}[\w\-]+",
                              re.IGNORECASE)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, without that expression's own words (the day
    "the day after the vote" resolves to is not a day the vote was told on)."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - _REACH), start)), default=0)
    after = _SENTENCE_END.search(text, end, end + _REACH)
    return text[before:start] + " " + text[end : after.start() if after else min(len(text), end + _REACH)]


#: How far a sentence is read around a day on either side.
_REACH = 400


#: "in the 36 hours before the storm": the span up to the happening, not a day before it
_SPAN_BEFORE = re.compile(r"\b(?:in|during|over|within|for|throughout)\s+the\s+$", re.IGNORECASE)
#: Words that may follow the expression's last word inside the happening's noun phrase ("after
#: the three-day| slide", "after the night| raids", "after the revised| flood estimate").
_PHRASE_RUN = re.compile(r"^(?:\s+(?!(?:the|a|an|of|in|on|at|by|to|and|or|was|were|is|are|had|has|have|that|which|"
                         r"who|when|it|its|their|his|her)\b)(?-i:[a-z][\w\-]*)){0,2}")


def _happening(what: str, rest: str) -> list[set[str]]:
    """What identifies the happening a noun phrase names, in the order to try: its head word's
    event family, else its stem. The expression stops lazily, so the phrase may run on in the
    text ("the bank's three-day| slide", "the revised| flood estimate": the estimate, not
    the flood)."""
    words = [re.sub(r"['’]s$", "", w) for w in what.split()]
    lazy = _keys(words[-1])
    if any(k.startswith("family:") for k in lazy):
        return [lazy]  # a family's word heads it already
    run = [w for w in _PHRASE_RUN.match(rest)[0].split() if not w.endswith("ed")][:2]  # type: ignore[index]
    # the head first; else the word the expression stopped at ("the transfer| ruling": the
    # transfer the text told, when no sentence before tells a ruling)
    return [_keys(run[-1]), lazy] if run else [lazy]


_CLAUSE_VERB = re.compile(r"^\s+([a-z]+ed)\b")


def _whole(n: float | None) -> int | None:
    return int(n) if n is not None and n == int(n) else None


def resolve(expr: str, text: str, start: int, days: Sequence[tuple[int, int, Anchor]]) -> Norm | None:
    """The value of ``expr`` (found at ``text[start:]``) counted from the day of the happening it
    names, among ``days``: (start, end, day) of the days the text resolved before it."""
    parts = _PARTS.match(expr.strip())
    if parts is None or _SPAN_BEFORE.search(text[max(0, start - 16):start]):
        return None
    verb = parts.group("verb")
    rest = text[start + len(expr.strip()):]
    # "two days after his coach plunged into the gorge": a clause whose past verb names the
    # happening (the plunge), not the noun before it (the coach)
    verb = verb or ((m := _CLAUSE_VERB.match(rest)) and m.group(1))
    tries = [_keys(verb)] if verb else _happening(parts.group("what"), rest)
    if not any(tries):
        return None
    word = parts.group("n")
    n = 1 if word.lower() == "the" else _whole(words_to_number(word))  # "the day after", "a week", "forty-eight hours"
    if n is None:
        return None
    if parts.group("unit").lower() == "hours":  # "forty-eight hours after": whole days only
        if n % 24:
            return None
        n //= 24
    sign = 1 if parts.group("dir").lower() == "after" else -1
    day = next((day for wanted in tries if wanted for s, e, day in reversed(days)
                if s < start and day.date is not None and wanted & _sentence_keys(_sentence_around(text, s, e))), None)
    if day is None or day.date is None:
        return None
    if parts.group("unit").lower().startswith("week"):
        return Norm("DATE", cm.week_value(cm.shift_day(day.date, sign * 7 * n)), None, day.value, "discourse")
    return Norm("DATE", (day.date + timedelta(days=sign * n)).isoformat(), None, day.value, "discourse")
