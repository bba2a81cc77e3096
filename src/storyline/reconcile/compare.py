"""Slot comparison inside one event: times by interval logic, numbers by their bounds.

Values are grouped into agreement classes: a value joins a class when it is compatible with
everything already in it ("June 4" with "in June", "XXXX-06-19" with "2024-06", "over 11,000"
with "more than 10,000"). Two or more classes on one event are a conflict; the class with the
most independent sources is the consensus, stated with its reason.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline import lexicon
from storyline.extract.plover import ASPECT_VERBS, event_type, is_event_noun
from storyline.extract.quantities import GENERIC_COUNTED
from storyline.model import Conflict, ConflictValue
from storyline.reconcile.frames import Frame
from storyline.reconcile.roles import head_word
from storyline.reconcile.timeslot import completes, intersect, is_calendar, precision_rank, year_of
from storyline.time import compatible

SourceKey = Callable[[Frame], str]
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@dataclass
class TimeClass:
    value: str  # the intersection of the members that state a year (or of all, if none does)
    full_value: str  # including the members completed from it
    frames: list[Frame] = field(default_factory=list)
    completed: list[Frame] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    partial: set[str] = field(default_factory=set)  # sources that agree but state no year

    @property
    def support(self) -> float:
        """Independent sources; one that agrees without stating the year counts half."""
        return len(self.sources) + 0.5 * len(self.partial - self.sources)

    def support_text(self) -> str:
        extra = len(self.partial - self.sources)
        return f"{len(self.sources)} independent source(s)" + (
            f" and {extra} more that agree without stating the year" if extra else ""
        )

    @property
    def explicit(self) -> int:
        """Members whose text writes the year: on a tie, a stated date beats a computed one
        ("October 2024" against "October of the same year")."""
        return sum(1 for f in self.frames if f.time is not None and _YEAR.search(f.time.text))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(f.article_id for f in [*self.frames, *self.completed]))

    def evidence(self, name: Callable[[str], str] = str) -> str | None:
        """How the date was settled, in words; None when one article simply states it."""
        parts = []
        if len(self.sources | self.partial) > 1:
            parts.append(f"{self.support_text()}, {len(self.articles)} article(s)")
        if self.completed and self.frames:
            src = max(self.frames, key=lambda f: precision_rank(f.value))
            for f in self.completed:
                if f.time is not None and src.time is not None:
                    parts.append(
                        f"'{f.time.text}' ({f.value}) in {name(f.article_id)} completed to "
                        f"{intersect(self.value, f.value or '')} from '{src.time.text}' in {name(src.article_id)}"
                    )
        return "; ".join(parts) or None


def time_classes(frames: Sequence[Frame], *, docs_key: SourceKey) -> list[TimeClass]:
    """Agreement classes of the frames' times, best-supported first."""
    dated = [f for f in frames if f.value and is_calendar(f.value)]
    known = sorted((f for f in dated if year_of(f.value)), key=lambda f: (-precision_rank(f.value), f.id))
    yearless = sorted((f for f in dated if not year_of(f.value)), key=lambda f: (-precision_rank(f.value), f.id))
    classes: list[TimeClass] = []
    for f in known:
        fits = [c for c in classes if compatible(c.value, f.value)]
        if fits:
            c = max(fits, key=lambda c: (c.support, len(c.frames)))
            c.frames.append(f)
            c.value = intersect(c.value, f.value or "")
            c.full_value = c.value
            c.sources.add(docs_key(f))
        else:
            classes.append(TimeClass(f.value or "", f.value or "", [f], [], {docs_key(f)}))
    for f in yearless:
        fits = [c for c in classes if compatible(c.full_value, f.value) and completes(c.value, f.value or "")]
        if fits:
            c = max(fits, key=lambda c: (c.support, len(c.frames)))
            if year_of(c.value):
                c.completed.append(f)
                c.partial.add(docs_key(f))
            else:
                c.frames.append(f)
                c.value = intersect(c.value, f.value or "")
                c.sources.add(docs_key(f))
            c.full_value = intersect(c.full_value, f.value or "")
        else:
            classes.append(TimeClass(f.value or "", f.value or "", [f], [], {docs_key(f)}))
    classes.sort(key=lambda c: (-c.support, -len(c.articles), -c.explicit, 0 if year_of(c.value) else 1,
                                -precision_rank(c.value), c.value))
    return classes


def _value(label: str, frames: Sequence[Frame], sources: set[str]) -> ConflictValue:
    return ConflictValue(
        value=label,
        article_ids=list(dict.fromkeys(f.article_id for f in frames)),
        claim_ids=list(dict.fromkeys(f.claim.id for f in frames)),
        texts=list(dict.fromkeys(f.claim.text for f in frames)),
        sources=sorted(s.split(":", 1)[-1] for s in sources),
        # the exact words that carry each value (the time expression), else the sentence
        spans=list(dict.fromkeys((f.time.start, f.time.end) if f.time is not None else f.claim.span for f in frames)),
    )


def time_conflict(classes: Sequence[TimeClass], docs: Any) -> Conflict | None:
    """A conflict when an event's times fall into two or more incompatible classes."""
    real = [c for c in classes if year_of(c.value)]
    if len(real) < 2:
        return None
    if len({a for c in classes for a in c.articles}) < 2:
        return None
    best, second = classes[0], classes[1]
    winner = best.value if best.support > second.support and year_of(best.value) else None
    values = [_value(c.value, [*c.frames, *c.completed], c.sources | c.partial) for c in classes]
    listing = "; ".join(f"{c.value} ({c.support_text()})" for c in classes)
    if winner:
        why = (
            f"{winner} is best supported: {best.support_text()}, against {second.support_text()} at most for any "
            "other value. Values that differ only in precision or in an unstated "
            "year count as agreeing."
        )
    else:
        why = "No value has more independent sources than the others."
    return Conflict(
        id="",
        slot="time",
        kind="contradiction",
        values=values,
        explanation=f"The articles date this event differently: {listing}. {why}",
        best_supported=winner,
    )


#: A clock time in a TIMEX3 value ("2031-03-07T18:05").
_CLOCK = re.compile(r"T(\d\d):(\d\d)")
#: Words before a clock time that make it a bound or an estimate, not the moment itself:
#: data/lexicon/attributes.json.
_BOUND_CLOCK = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'clock_bounds')))})\s+$", re.IGNORECASE)
#: "trading did not resume until 14:15": the time the act was done, not a bound of it.
_NOT_UNTIL = re.compile(r"\b(?:not|n't|never)\b[^.;:]{0,40}\b(?:until|till)\s+$", re.IGNORECASE)
_ROUGH_CLOCK = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'clock_rough')))})\s+(?:after\s+|before\s+)?$", re.IGNORECASE)
#: Minutes two clock times of one act may differ by and still agree (exact, rough).
CLOCK_MINUTES = (10, 30)


def event_doer(f: Frame) -> str | None:
    """The type of the event noun that does an act ("the blast, at 20:40 on Thursday, killed three
    people": DISASTER): the act's time is that event's, the happening itself, whatever family its
    verb is of. None for other doers; a count or a telling as the doer ("the death toll has
    risen", "the report found") is no such happening."""
    if (f.claim.predicate or "").lower() in ASPECT_VERBS - _STARTS:
        return None  # a later phase of it ("trading resumed at 13:15") is not when it happened
    phrase = f.claim.agents[0] if f.claim.agents else ""
    noun = head_word(phrase) if phrase else None
    if noun is None or not is_event_noun(noun) or _ANOTHER.search(phrase) \
            or re.search(rf"\b{re.escape(noun.capitalize())}\b", phrase[1:]):
        # "a second, weaker tornado struck" is another happening; "the Stock Exchange" a name
        return None
    kind = event_type(noun)
    return None if kind in _NO_HAPPENING else kind


_STARTS = frozenset({"begin", "start"})
#: Words that make an event noun another happening of its kind ("a second, weaker tornado"):
#: data/lexicon/attributes.json.
_ANOTHER = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'another_happening_words')))})\b", re.IGNORECASE)


#: Event types of nouns that name a count or a telling, not a happening with a time of its own.
_NO_HAPPENING = ("CASUALTY", "STATEMENT", "PUBLISH")


def clock_conflict(frames: Sequence[Frame], bodies: Callable[[str], str], docs_key: SourceKey, *,
                   event_doers_only: bool = False, slips_only: bool = False) -> Conflict | None:
    """Two times of day for one act on one day ("left at 18:05", "cast off at 18:41"): the day
    agrees, so the date classes see no dispute, but the sources do not agree on when.

    Only frames of one event family are compared (a happening may join acts of several families:
    an attack and the arrests that followed), the acts no family names counting as one, and so
    do the acts an event noun does (``event_doer``); a bound ("until 18:41", "before 18:30") is
    not the act's time; rough times ("about 18:00") agree within half an hour. With
    ``event_doers_only`` (the tellings of a day the learned join made one happening), only the
    acts an event noun does are compared, by the noun's type ("the explosion tore through ... at
    21:40" / "the blast, at 20:40, killed ...").

    With ``slips_only`` (the same tellings, whatever does the act and whatever its verb's family:
    "dropped at 18:40" / "plummeted just after 8.40pm"), only times with the same
    minutes whose hours are one written digit apart are compared ("its last report reached
    headquarters at 22:10" / "was logged at 23:10", "04:20" / "14:20"): one outlet's slip of the
    hour. A day's acts are many, and a joined happening may hold several of them at other times
    ("blasting at 08:40", "the slab broke away at 11:40"); a round time (on the hour or the half
    hour) is no slip's sign."""
    by_family: dict[tuple[str, str], list[tuple[int, bool, Frame]]] = {}
    for f in frames:
        t = f.time
        if t is None:
            continue
        # a frame the story left undated still has its own time's day ("burst at about 04:40" in a
        # page of that day) for a slip of the hour
        value = t.value if f.value is None and slips_only else f.value
        if value is None or not year_of(value) or (t.mod is not None and not (slips_only and t.mod == "APPROX")):
            continue  # a bound ("before 18:30") is no act's time; "about 04:40" may still be a slip
        m = _CLOCK.search(t.value)
        if m is None or not f.claim.span[0] <= t.start < f.claim.span[1]:
            continue  # a live entry's stamp dates when it was written, not the act (it may be later)
        doer = event_doer(f)  # only for a time of day: most frames have none
        if event_doers_only and doer is None:
            continue
        body = bodies(f.article_id)
        before = body[max(0, t.start - 24):t.start]
        if body[t.start:t.end] == t.text and not body[body.rfind("\n", 0, t.start) + 1:t.start].strip():
            continue  # a time opening its line stamps a live entry: when it was written, not the act
        if _BOUND_CLOCK.search(before) and not (slips_only and (
                _ROUGH_CLOCK.search(before) or _NOT_UNTIL.search(body, max(0, t.start - 60), t.start))):
            continue  # "until 18:41" bounds the act; a slip of the hour is still one ("just after 8.40pm")
        minutes = int(m[1]) * 60 + int(m[2])
        if slips_only and minutes % 30 == 0:
            continue
        # the typed families keep their acts apart; the acts no family names ("left", "cast off",
        # "sailed") are one act of the happening, but for a phase of it ("reopened at 16:40" is
        # not when it "stopped")
        family = doer if event_doers_only and doer is not None else "" if slips_only or doer is not None or (
            f.family.startswith("other:") and f.family[6:] not in ASPECT_VERBS) else f.family
        by_family.setdefault((family, value[:10]), []).append((minutes, bool(_ROUGH_CLOCK.search(before)), f))
    for (_, day), told in sorted(by_family.items()):
        groups: list[tuple[int, bool, list[Frame]]] = []
        for minutes, rough, f in sorted(told, key=lambda x: x[0]):
            for k, (at, was_rough, fs) in enumerate(groups):
                if abs(minutes - at) <= CLOCK_MINUTES[1 if rough or was_rough else 0]:
                    fs.append(f)
                    groups[k] = (at, was_rough and rough, fs)
                    break
            else:
                groups.append((minutes, rough, [f]))
        if slips_only:
            # only the times another time shares its minutes with ("04:50", "06:12", "08:12": the
            # last two)
            shared = Counter(at % 60 for at, _, _ in groups)
            groups = [g for g in groups if shared[g[0] % 60] > 1]
        if len(groups) < 2 or (slips_only and (len({at % 60 for at, _, _ in groups}) > 1 or not all(
                _hour_slip(a // 60, b // 60) for x, (a, _, _) in enumerate(groups) for b, _, _ in groups[x + 1:]))):
            continue
        sources = [{docs_key(f) for f in fs} for _, _, fs in groups]
        articles = [{f.article_id for f in fs} for _, _, fs in groups]
        only = [a - set().union(*(b for k, b in enumerate(articles) if k != j)) for j, a in enumerate(articles)]
        if sum(1 for o in only if o) < 2 or all(s == sources[0] for s in sources):
            continue  # unless two articles each give only one of the times, the parse bound one wrongly
        values = [_value(f"{day}T{at // 60:02d}:{at % 60:02d}", fs, src) for (at, _, fs), src in zip(groups, sources, strict=True)]
        listing = "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in values)
        return Conflict(id="", slot="time", kind="contradiction", values=values, best_supported=None,
                        explanation=f"The articles give this act different times of day on {day}: {listing}.")
    return None


def slips_across(frames: Sequence[Frame], bodies: Callable[[str], str], docs_key: SourceKey) -> list[Conflict]:
    """Slips of the hour between tellings no join made one happening, when both name the act with
    one verb or one event type ("the tailings dam burst at about 04:40" / "the dam burst at 05:40
    on Tuesday", "trading resumed at 13:15" / "resumed at 14:15"): the same minutes, not on the
    hour or half hour, hours one written digit apart, told by different articles
    (``clock_conflict`` with ``slips_only``). Two acts of one verb a day apart are two days' acts."""
    groups: dict[str, list[Frame]] = defaultdict(list)
    for f in frames:
        if f.time is None or _CLOCK.search(f.time.value) is None:
            continue
        if f.claim.predicate:
            groups[f"verb:{f.claim.predicate.lower()}"].append(f)
        if f.event_type and f.event_type != "OTHER":
            groups[f"type:{f.event_type}"].append(f)
    out: list[Conflict] = []
    seen: set[frozenset[str]] = set()
    for key in sorted(groups):
        found = clock_conflict(groups[key], bodies, docs_key, slips_only=True)
        if found is not None and (told := frozenset(v.value for v in found.values)) not in seen:
            seen.add(told)
            out.append(found)
    return out


def _hour_slip(a: int, b: int) -> bool:
    """Two hours one written digit apart, on the 24-hour clock ("22" / "23", "04" / "14") or the
    12-hour one ("6.42 pm" / "8.42 pm"): how a slip of the hour is made. "08:40" / "11:40" are two
    moments."""
    def one_apart(x: str, y: str) -> bool:
        return len(x) == len(y) and sum(c != d for c, d in zip(x, y, strict=True)) == 1
    return one_apart(f"{a:02d}", f"{b:02d}") or one_apart(str(a % 12 or 12), str(b % 12 or 12))


# ---------------------------------------------------------------------------------------------
# quantities (compared in quantities.py): what a number counts

_UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    name: tuple(forms) for name, forms in lexicon.table("figures", "unit_classes").items()}
#: One name for each unit of measure's spellings ("kg", "kilograms"): data/lexicon/figures.json.
_SPELLINGS: dict[str, str] = dict(lexicon.table("figures", "unit_spellings"))


def unit_class(unit: str | None) -> str | None:
    if not unit:
        return None
    u = re.sub(r"[^a-z ]", "", unit.lower()).strip()
    words = u.split()
    head = words[-1] if words else u
    if len(words) > 1 and head in GENERIC_COUNTED:
        head = words[-2]  # "crew member": a crew is counted, as "17 crew" counts it
    head = _SPELLINGS.get(head) or _SPELLINGS.get(head.rstrip("s")) or head  # "kg", "kilograms": one unit
    for name, forms in _UNIT_CLASSES.items():
        if any(head.startswith(f) for f in forms):
            return name
    return head.rstrip("s") or None


