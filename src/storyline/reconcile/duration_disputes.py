"""When durations of one thing disagree: what a duration an article gives is (``DurationSeen``,
its length in hours), when two agree (vague wording by a quarter, exact ones by rounding), and
the contradiction of those that do not, unless one ongoing happening was measured again later
or the lengths are too far apart to be one thing misreported. ``durations`` reads what each
duration measures; this module only compares. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from storyline import lexicon
from storyline.model import Conflict, ConflictValue, TimeExpr

#: Two durations of one happening this close (relative to the longer) agree: vague ones
#: ("about four hours", "nearly six") by a quarter, exact ones ("12 days", "nine days") by rounding.
TOLERANCE = 0.25
EXACT_TOLERANCE = 0.05
#: Durations this many times apart are not one happening's length misreported but two measures
#: ("debated for almost six hours" / "a government that lasted two years and three months").
MAX_RATIO = 8.0
_UNIT_HOURS = {"Y": 8766.0, "M": 730.5, "W": 168.0, "D": 24.0}
_CLOCK_HOURS = {"H": 1.0, "M": 1 / 60, "S": 1 / 3600}
#: Words that make a duration vague ("some", "nearly"): data/lexicon/attributes.json.
_VAGUE = lexicon.words("attributes", "vague_duration_words")


def hours(value: str) -> float | None:
    """Hours in an ISO 8601 duration ("PT3H30M" 3.5, "P12D" 288); None for vague ones ("PXD")."""
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                     r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?", value)
    if m is None or not any(m.groups()):
        return None
    parts = dict(zip(("Y", "M", "W", "D", "h", "m", "s"), m.groups(), strict=True))
    total = sum(float(v) * _UNIT_HOURS[k] for k, v in parts.items() if v and k in _UNIT_HOURS)
    total += sum(float(v) * _CLOCK_HOURS[k.upper()] for k, v in parts.items() if v and k in "hms")
    return total or None


@dataclass(frozen=True)
class DurationSeen:
    """One duration an article gives, keyed by what it measures (``durations`` reads the key)."""

    key: str  # the derivational stem of what lasted
    what: str  # the word that names it
    hours: float
    time: TimeExpr
    article_id: str
    sentence: str
    written: date | None = None  # the day the article was written, when known
    #: a person's state whose sentence names no person ("the three skippers were banned for three
    #: years"): its holder was only guessed from the sentences before
    unnamed: bool = False


def _grown(a: DurationSeen, b: DurationSeen) -> bool:
    """Two readings of an ongoing happening told on different days ("after three days of
    protests" on the 7th, "a fortnight" on the 18th): the later one is longer by about the days
    between the articles, so it measures the same happening further on, not another length."""
    if a.written is None or b.written is None or a.written == b.written or _to_a_happening(a) or _to_a_happening(b):
        return False
    first, later = (a, b) if a.written < b.written else (b, a)
    grew = later.hours - first.hours
    apart = (later.written - first.written).days * 24.0  # type: ignore[operator]
    return grew > 0 and abs(grew - apart) <= max(24.0, TOLERANCE * apart)


#: A length measured up to a happening ("dark for 17 days before the pile-up", "for 27 days when
#: the crash happened"): fixed, not growing with the day of writing.
_UP_TO = re.compile(r"^\s*(?:before|when|until|till|by\s+the\s+time|prior\s+to|ahead\s+of)\b", re.I)


def _to_a_happening(d: DurationSeen) -> bool:
    """Whether the duration is measured up to a happening (``_UP_TO`` right after it)."""
    at = d.sentence.find(d.time.text)
    return at >= 0 and bool(_UP_TO.match(d.sentence[at + len(d.time.text):]))


def _vague(d: DurationSeen) -> bool:
    first = d.time.text.split()[0].lower() if d.time.text.split() else ""
    return d.time.mod is not None or first in _VAGUE


def close(a: DurationSeen, b: DurationSeen) -> bool:
    tolerance = TOLERANCE if _vague(a) or _vague(b) else EXACT_TOLERANCE
    return abs(a.hours - b.hours) <= tolerance * max(a.hours, b.hours)


def new_disputes(groups: Mapping[str, Sequence[DurationSeen]], keyed: Sequence[Conflict]) -> list[Conflict]:
    """The disputes of each group of durations that the ``keyed`` conflicts do not already tell."""
    told = {x for k in keyed for v in k.values for x in zip(v.texts, v.spans, strict=True)}
    return [k for _key, found in sorted(groups.items()) for k in disputes(found)
            if not all(x in told for v in k.values for x in zip(v.texts, v.spans, strict=True))]


def disputes(found: Sequence[DurationSeen]) -> list[Conflict]:
    """The contradictions among one happening's durations: agreeing ones grouped, groups more
    than ``MAX_RATIO`` apart taken for two measures, not one misreported."""
    groups: list[list[DurationSeen]] = []
    for d in sorted(found, key=lambda d: d.hours):
        if groups and close(groups[-1][0], d):
            groups[-1].append(d)
        else:
            groups.append([d])
    chains: list[list[list[DurationSeen]]] = []
    for g in groups:
        if chains and g[0].hours <= MAX_RATIO * chains[-1][-1][-1].hours:
            chains[-1].append(g)
        else:
            chains.append([g])
    return [k for chain in chains if (k := _conflict(chain)) is not None]


def conflict_values(sides: list[list[tuple[str, TimeExpr, str]]]) -> list[ConflictValue]:
    """One value per side of a duration dispute, each side's (article id, expression, sentence)s."""
    return [ConflictValue(value=side[0][1].text, article_ids=sorted({d[0] for d in side}), claim_ids=[],
                          texts=[d[2] for d in side], sources=sorted({d[0] for d in side}),
                          spans=[(d[1].start, d[1].end) for d in side]) for side in sides]


def listing(values: Sequence[ConflictValue]) -> str:
    return "; ".join(f"{v.value} ({len(v.article_ids)} article(s))" for v in values)


def _conflict(groups: list[list[DurationSeen]]) -> Conflict | None:
    """The contradiction of a happening's differing durations (groups that agree within), if two
    articles differ."""
    arts = [{d.article_id for d in g} for g in groups]
    if len(groups) < 2 or all(x == y for x in arts for y in arts):
        return None
    if all(_grown(a, b) for x, g in enumerate(groups) for h in groups[x + 1:] for a in g for b in h
           if a.article_id != b.article_id):
        return None  # one ongoing happening measured on later days
    values = conflict_values([[(d.article_id, d.time, d.sentence) for d in g] for g in groups])
    what = groups[0][0].what
    told_values = listing(values)
    if groups[0][0].key.startswith("gap:"):
        slot, told = f"quantity: time of the {what}", f"The time of the {what}"
    else:
        slot, told = f"quantity: duration of the {what}", f"How long the {what} lasted"
    return Conflict(
        id="", slot=slot, kind="contradiction", values=values,
        explanation=f"{told} differs between articles by more than vague wording allows: {told_values}.",
    )
