"""How two disagreeing figures of one slot relate: changed over time, attributed estimates, or a
contradiction (``reconcile.quantities`` groups the figures into slots and calls :func:`pair_kind`).

Dates are read before sources. An estimate (approximate, bounded, hedged, "estimated", a poll)
credited to another source than a differing figure is one of a spread of attributed estimates;
two sources' exact counts of one thing at one moment contradict, and so do two undated exact
counts of a done act a few days apart (each holds when the act was done, not on the day an
article repeats it), unless the sentence tells a running total ("now has 16 cases").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from storyline import lexicon
from storyline.extract.measures import CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT
from storyline.extract.quantities import GENERIC_COUNTED, TALLY_AGAINST, TALLY_FOR
from storyline.model import Quantity
from storyline.reconcile.compare import unit_class
from storyline.reconcile.frames import Frame
from storyline.reconcile.timeslot import bounds, parse_day
from storyline.time import compatible
from storyline.time.lexicon import WEEKDAYS

#: Words that make a figure an estimate ("estimated", "a poll"), or tell it as a running total
#: ("now has 16 cases"): data/lexicon/figures.json.
_ESTIMATE = re.compile(rf"\b(?:{lexicon.alternation('figures', 'estimate_words')})\b", re.IGNORECASE)
_RUNNING = re.compile(rf"\b(?:{lexicon.alternation('figures', 'running_words')})\b", re.IGNORECASE)
#: A clause told in the perfect ("212 people have been arrested", "had taken in 300"): a total as
#: of the time of telling, which the same source may raise the next day.
_PERFECT = re.compile(r"\b(?:has|have|had|'ve)\s+(?:\w+\s+){0,2}?(?:been|\w+(?:ed|en|wn|t))\b", re.IGNORECASE)
#: A total over several days ("over Monday and Tuesday combined", "over three days"): data/lexicon/figures.json.
_PERIOD = re.compile(rf"\b(?:{lexicon.alternation('figures', 'period_total_words')})\b", re.IGNORECASE)
#: A sum of figures told for two different days ("1.9 billion on Monday and 1.5 billion on Tuesday,
#: together about 16 percent of deposits"): the figure right after "together" totals both days. (A
#: day's parts summed, "12 by the lifeboat, 9 by the trawler, together 21", name no two days.)
_TOGETHER = re.compile(r"\btogether\s+(?:\w+\s+)?$", re.IGNORECASE)
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(w for w in WEEKDAYS if w.endswith('day'))})\b", re.IGNORECASE)
#: "taken out 3.4 billion in two days": a total over the days when told of what was done, a
#: deadline when told of what is to be done ("must pay in ten days"): data/lexicon/figures.json.
_IN_DAYS = re.compile(rf"(?:{lexicon.alternation('figures', 'done_span_words')})\b", re.IGNORECASE)
#: ... or in the present ("412,000 customers are without power"): a state as of its telling
#: (data/lexicon/figures.json).
_PRESENT = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('figures', 'present_state_forms')))})\b", re.IGNORECASE)


#: A revision verb and "to" right before a figure: the value it was changed to ("raised the fund
#: to", "cut its forecast to"): data/lexicon/figures.json revision_verbs.
_REVISED_TO = re.compile(rf"\b(?:{lexicon.alternation('figures', 'revision_verbs')})\b[^.;,]{{0,35}}\bto\s+(?:about\s+|some\s+)?$",
                         re.IGNORECASE)


@dataclass(slots=True)
class Figure:
    """One figure of a slot, with the date it holds at and its canonical source. ``estimate``: given
    as an estimate (approximate or bounded: "about 300", "between $1bn and $3bn"; or told in a
    hedged sentence, or one that says it is estimated, projected or polled), else a count somebody
    states as exact; ``running_told``: its sentence tells it as a running total."""

    frame: Frame
    quantity: Quantity
    as_of: str | None
    attribution: str | None
    written: bool = False  # ``as_of`` is only the date of the article that tells the figure
    move: bool = False  # a change over one day ("closed 14.2 percent lower"), not a level
    told_on: str | None = None  # the day of the dated statement that tells it ("..., police said Monday")
    writing: str | None = None  # the day its article was written, when the page says
    estimate: bool = field(init=False)  # read once here, not on every pair the figure is judged in
    running_told: bool = field(init=False)
    standing: bool = field(init=False)  # told in the perfect or the present: a total as it stands when told
    period: bool = field(init=False)  # a total over several days, not one day's figure
    revised: bool = field(init=False)  # the new value a revision verb gives ("raised the fund to €40 million")

    def __post_init__(self) -> None:
        q, claim = self.quantity, self.frame.claim
        at = q.start - claim.span[0]
        self.revised = 0 <= at <= len(claim.text) and bool(_REVISED_TO.search(claim.text[max(0, at - 50):at]))
        self.estimate = q.approximate or q.low != q.high or claim.hedged or bool(_ESTIMATE.search(claim.text))
        self.running_told = bool(_RUNNING.search(claim.text))
        self.standing = bool(_PERFECT.search(claim.text) or _PRESENT.search(claim.text))
        self.period = bool(_PERIOD.search(claim.text)) or (claim.modality is None and bool(_IN_DAYS.search(claim.text))) \
            or (0 <= at <= len(claim.text) and bool(_TOGETHER.search(claim.text[max(0, at - 20):at]))
                and len({d.lower() for d in _WEEKDAY.findall(claim.text)}) > 1)


def value_bounds(q: Quantity) -> tuple[float, float]:
    """A figure's bounds, an open side as 0 or infinity ("more than 300": 300 to infinity)."""
    return (q.low if q.low is not None else 0.0), (q.high if q.high is not None else math.inf)


def measure(qualifier: str) -> tuple[str, str]:
    """A sum of money's slot from its qualifier ("pelverin: offer per share", ``extract.measures``):
    the holder and the measured noun; the rate is left out, since "raised its offer to $15.60"
    and "$15.60 a share" are one price (a total is kept apart by its size, ``quantities._magnitudes``)."""
    holder, _, measured = qualifier.rpartition(": ")
    return holder, measured.split(" per ")[0]


SAME_TIME_DAYS = 7  # two sources' running totals a few days apart describe the same moment


_WEEK = re.compile(r"^\d{4}-W\d\d$")


def _close(a: str | None, b: str | None) -> bool | None:
    """Whether two as-of dates describe the same moment: True, False, or None when one is unknown."""
    if not a or not b:
        return None
    if compatible(a, b):
        # a year alone does not say when in it the figure was given
        return None if len(a) < 7 or len(b) < 7 else True
    if (len(a) < 10 or len(b) < 10) and not (_WEEK.match(a) or _WEEK.match(b)):
        return False  # different months: a month apart at least (a week is read by its days below)
    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    da, db = parse_day(hi_a), parse_day(lo_b)
    dc, dd = parse_day(hi_b), parse_day(lo_a)
    if None in (da, db, dc, dd):
        return False
    gap = max((db - da).days, (dd - dc).days)  # type: ignore[operator]
    return gap <= SAME_TIME_DAYS


def _same_day(a: str | None, b: str | None) -> bool:
    """Two as-of dates that name the same day (or the same coarser period, written alike):
    "2031-04-13" and "2031-04-13T09:00" are one day; "2031-04-13" and "2031-04-17" are not."""
    return bool(a and b and a[:10] == b[:10])


def _within_week(a: str | None, b: str | None) -> bool:
    """A day and the week that holds it ("2031-W13", "2031-03-26"): one moment as far as two
    dates can tell, when one outlet dates a figure "last week" and another by its day."""
    return bool(a and b and (_WEEK.match(a) or _WEEK.match(b)) and compatible(a, b))


_FIXED = lexicon.words("figures", "fixed_measures")


_TALLY = (TALLY_FOR, TALLY_AGAINST)


def _other_side(it: Figure) -> float | None:
    """The other count of a tally's figure ("120 votes to 35": 35 for the 120, 120 for the 35)."""
    q = it.quantity
    other = TALLY_AGAINST if q.qualifier == TALLY_FOR else TALLY_FOR
    sides = [x for x in it.frame.quantities if x.qualifier == other]
    return min(sides, key=lambda x: abs(x.start - q.start)).low if sides else None


def _fixed(it: Figure) -> bool:
    """A sum of a one-time act ("sold for €46 million"), or a measurement of a named thing ("the
    strongest gust, 196 km/h", "a gust of 212 km/h"): it does not change with the date."""
    q = it.quantity
    if q.qualifier and (q.unit or "").lower() in MEASUREMENT_UNITS:
        return True
    return bool(q.qualifier) and q.unit in CURRENCY_CODES and measure(q.qualifier or "")[1] in _FIXED


def _done(a: Figure, b: Figure) -> bool:
    """Two figures of a done act, each dated only by the article that tells it: the same counted
    noun ("shots", "dollars"), neither told as a running total ("now has 16 cases")."""
    return a.written and b.written and (a.quantity.unit or "").lower() == (b.quantity.unit or "").lower() \
        and not a.running_told and not b.running_told


def digits(q: Quantity) -> tuple[int, str] | None:
    """A figure's digits as written out, with its integer part's length ("2,400" -> (4, "2400"),
    "about 16.4" -> (2, "164"), "0.38" -> (0, "38")); None for a range, an unbounded figure, a
    share, or a figure written in words (a swap of digits is a slip of the keyboard)."""
    if q.low is None or q.high is None or (q.high != q.low and not q.approximate) or q.low <= 0 \
            or q.unit == PERCENT or not any(ch.isdigit() for ch in q.text):
        return None
    value = round((q.low + q.high) / 2, 6)  # "about 2,400" is read as a band around what is written
    whole, _, frac = f"{value:.6f}".rstrip("0").rstrip(".").partition(".")
    whole = whole.lstrip("0")
    return len(whole), (whole + frac).lstrip("0")


def misprinted(a: Quantity, b: Quantity) -> bool:
    """Two figures of one noun whose digits are the same, reordered, at the same magnitude
    ("2,400" / "4,200", "16.4" / "14.6", "1,184,600" / "1,148,600"): one figure with its digits
    transposed in one telling. A count does not move by a swap of its digits; an outlet's copy
    does. Shares stay out: what a share is of is too often another thing ("14.6 percent of the
    capital", "61.4 percent of the votes")."""
    da, db = digits(a), digits(b)
    # ... a count of "people" is one of whoever the other names ("412 inhabitants" / "a village of 421 people")
    alike = unit_class(a.unit) == unit_class(b.unit) or (a.unit or "").lower() in GENERIC_COUNTED \
        or (b.unit or "").lower() in GENERIC_COUNTED
    return da is not None and db is not None and da != db and da[0] == db[0] and sorted(da[1]) == sorted(db[1]) and alike


#: Nouns that count people of some role: data/lexicon/figures.json person_nouns.
PERSON_NOUNS = lexicon.words("figures", "person_nouns")


def counts_people(unit: str | None) -> bool:
    """The unit's head word is one of ``PERSON_NOUNS`` (or its plural)."""
    words = (unit or "").lower().split()
    head = words[-1] if words else ""
    return head in PERSON_NOUNS or head.rstrip("s") in PERSON_NOUNS or (
        head.endswith("ies") and head[:-3] + "y" in PERSON_NOUNS)


def _plain_people(f: Figure) -> bool:
    """A count of people with no qualifier (no margin, share or sum of someone's)."""
    return counts_people(f.quantity.unit) and not f.quantity.qualifier


#: Predicates of a state, not an act ("three people are aboard"): data/lexicon/events.json.
_STATE_PREDICATES = lexicon.words("events", "state_verbs")
#: A part told of a whole right after it ("three of the six crew members", "two of its nine").
_PART_OF = re.compile(r"^\s+of\s+(?:the|its|their|his|her|our|all|\d)", re.IGNORECASE)


def pair_kind(a: Figure, b: Figure, running: bool = False) -> str | None:
    """How two disagreeing figures of one count relate: dates are checked before source names.

    The same source at two different dates: the count changed. Different sources about the same
    moment: attributed estimates when either is an estimate (or the count is a running toll,
    which each source counts its own way); two exact counts ("the ministry said 214 signed", "the
    clerk said 241 signed") contradict, at one date or, when neither sentence dates its figure, a
    few days apart: an undated figure of a done act holds when the act was done, not on the day an
    article repeats it; so do two outlets' own exact counts (no source named) of a done act
    ("16 people were on board" / "14 people on board" two days later), a credited count of people
    against an outlet's own, and one source's finding of a done act told two ways ("the auditors
    found that 3,200 ..." / "... 2,300 ..."), unless told as a total that stands when told ("212
    people have been arrested"). One source's count of
    a past day told two ways, each by a statement of one later day, contradicts (``_one_statement``);
    a running count told higher by a page written later rose (``_rose_since``); a done act's count
    retold lower, undated, by a later page contradicts (``_retold_lower``). Different sources far
    apart in time: changed too. Unknown sources at the same moment (for two exact figures, a day
    and the week that holds it are one moment): a contradiction; at an unknown moment: nothing. A
    total over several days ("3.4 billion over Monday and Tuesday combined") and one day's figure
    count different scopes: nothing. One article
    never contradicts itself: its differing figures for one time count different scopes ("by age
    group, 86 percent ... 82 percent"; "241 on board, 19 on the ground")."""
    if _fixed(a) and _fixed(b) and a.frame.article_id != b.frame.article_id and not (a.revised or b.revised):
        # the price of a sale is what it was, whenever an article writes; a sum a revision verb
        # gives ("raised the fund to €40 million") is a new value, read by its date below
        return "contradiction"
    if a.quantity.qualifier in _TALLY and b.quantity.qualifier in _TALLY:
        # one vote's tally is what it was: told differently at about its time it is disputed; a
        # tally of weeks later is another vote; one a page tells undated is that vote when its
        # other side agrees ("80 votes to 52" / "80 votes to 57")
        close = _close(a.as_of, b.as_of)
        if a.frame.article_id == b.frame.article_id or close is False:
            return None
        if close is None and ((side := _other_side(a)) is None or side != _other_side(b)):
            return None
        return "contradiction"
    if a.period != b.period:
        return None  # a total over several days and one day's figure count different scopes
    if (a.move or b.move) and not _same_day(a.as_of, b.as_of):
        return None  # two days' moves of a price are two moves, not one figure that changed
    close = _close(a.as_of, b.as_of)
    same = a.attribution is not None and a.attribution == b.attribution
    if close is False and not running and a.frame.article_id != b.frame.article_id \
            and (_retold_lower(a, b) or _retold_lower(b, a)):
        return "contradiction"
    if close is False:
        return "changed_over_time"
    if a.frame.article_id == b.frame.article_id:
        return None  # one article's different figures at one time are scopes (a breakdown), not a dispute
    if a.attribution and b.attribution and not same:
        if running or a.estimate or b.estimate:
            return "attributed_estimates"
        if close and _done(a, b):
            return "contradiction"  # two sources' exact counts, undated but for the articles' days
    own = a if a.attribution is None else b
    if close and (a.attribution is None) != (b.attribution is None) and a.frame.article_id != b.frame.article_id \
            and (own.quantity.low is None or own.quantity.high is None):
        # an outlet's own open bound against a credited figure ("more than a million marched" in a
        # union's release, the ministry's 412,000): its own estimate, not the credited fact told wrong
        return "attributed_estimates"
    if close is None:
        return None  # an unknown source at an unknown moment: nothing to say
    if close and not running and not a.attribution and not b.attribution and not a.estimate and not b.estimate \
            and _done(a, b):
        return "contradiction"  # two outlets' own exact counts of a done act, a few days apart
    if close and same and not running and not a.estimate and not b.estimate and not a.standing and not b.standing \
            and _done(a, b):
        return "contradiction"  # one source's finding of a done act ("the auditors found that 3,200 ...") told two ways
    if close and (a.attribution is None) != (b.attribution is None) and not running and not a.estimate \
            and not b.estimate and not a.standing and not b.standing and _done(a, b) \
            and _plain_people(a) and _plain_people(b):
        # a credited exact count of people and an outlet's own of one done act ("pulled six people
        # alive ..., the fire chief said" / two days later "dragged nine people out alive"); a
        # tally or a sum may have been revised in between
        return "contradiction"
    if not _same_day(a.as_of, b.as_of) and (running or a.estimate or b.estimate or a.running_told or b.running_told
                                             or not _within_week(a.as_of, b.as_of)):
        # a running count given days apart by unknown sources grew or fell; one told as running
        # ("six are still missing") is not the same moment as the week that holds its day
        return "changed_over_time"
    if running and same and not _one_statement(a, b):
        return "changed_over_time"  # one source's toll updated within the day (seven at dawn, nine by noon)
    if (running or _earlier_running(a, b)) and _rose_since(a, b) and not _one_statement(a, b):
        # the day's toll as told that evening, and as counted days later; so is any count an earlier
        # page told as running ("27 people have been detained so far") and a later one told higher
        return "changed_over_time"
    if _partial_below(a, b) or _partial_below(b, a):
        return "changed_over_time"  # "27 detained so far" below another's 34: the count as it stood then
    return "contradiction"


def _retold_lower(early: Figure, late: Figure) -> bool:
    """A done act's count of people that a later page retells, undated and lower ("Nineteen
    runners were admitted to hospital over the weekend" / weeks later "Fourteen runners were
    admitted to hospital"): the act's count does not shrink, and the retelling holds when the act
    was done, not on its page's day. A count told as standing ("have been admitted"), running or
    estimated may have moved; a higher one may count later acts too."""
    if not (_plain_people(early) and _plain_people(late)) \
            or any(_PART_OF.match(f.frame.claim.text[max(0, f.quantity.end - f.frame.claim.span[0]):])
                   for f in (early, late)):
        return False  # a margin, a price or a part ("three of the six") moves or counts another thing
    if late.frame.claim.modality or late.frame.claim.predicate in _STATE_PREDICATES:
        return False  # "with three people aboard instead of six, the station will ...": no done act
    told_by, retold_from = bounds(early.as_of)[1], bounds(late.as_of)[0]
    return late.written and not early.written and told_by is not None and retold_from is not None \
        and told_by < retold_from and not (late.running_told or late.standing or late.estimate) \
        and not (early.running_told or early.estimate) \
        and (early.quantity.unit or "").lower() == (late.quantity.unit or "").lower() \
        and late.quantity.high is not None and early.quantity.low is not None and late.quantity.high < early.quantity.low


def _partial_below(a: Figure, b: Figure) -> bool:
    """``a`` is told as a count still running ("27 people have been detained so far") and is below
    ``b``: a count as it stood when told, which a fuller count passes, not a rival of it."""
    return a.running_told and a.quantity.high is not None and b.quantity.low is not None \
        and a.quantity.high < b.quantity.low


def _earlier_running(a: Figure, b: Figure) -> bool:
    """The figure of the earlier-written page is told as a running total ("so far")."""
    if not a.writing or not b.writing or a.writing == b.writing:
        return False
    return (a if a.writing < b.writing else b).running_told


def _rose_since(a: Figure, b: Figure) -> bool:
    """A running count of a day told higher by a page written on a later day ("24 injured" that
    evening, "injured 31 people" two days on): counted again since, not told wrong."""
    if not a.writing or not b.writing or a.writing == b.writing:
        return False
    early, late = (a, b) if a.writing < b.writing else (b, a)
    told = early.quantity.high if early.quantity.high is not None else early.quantity.low  # "at least seven": seven
    return late.quantity.low is not None and told is not None and told < late.quantity.low


def _one_statement(a: Figure, b: Figure) -> bool:
    """Two figures of one source that hold on a past day, each told by a statement of one later
    day ("four swans died Sunday, the wildlife office said Monday" / "the office said on Monday that five
    swans died on Sunday"): one statement of a closed day's count, told two ways, not a count
    updated as the day went on."""
    return (a.told_on is not None and a.told_on == b.told_on and not a.written and not b.written
            and a.as_of is not None and a.as_of == b.as_of and len(a.as_of) == 10 and a.as_of < a.told_on)


REASONS = {
    "changed_over_time": "each figure holds at a different date, so the count changed",
    "attributed_estimates": "the figures are credited to different sources for the same time",
    "contradiction": "the ranges do not overlap for the same date and source type",
}
