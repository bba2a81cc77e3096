"""Figures across articles: the same count (same counted thing, same population) compared by bounds.

A count is often reported at several moments ("at least 23 dead", "the toll rose to 29", "41
confirmed dead"), so figures are grouped by what they count rather than by event time. Casualty
counts are typed by the count word nearest the figure: the dead, the wounded, casualties (killed
or wounded) and prisoners are four counts, never compared with each other; they link through
their population (a nationality counts as its country). Other figures group by event family and
counted noun, linked through shared participants (a figure naming no participant joins the
largest group of its kind, the usual case in a one-story corpus). A part of a group of known size
("three of its 20 pumps failed") is compared only with parts of that size told in that role;
other parts ("8,000 of them", "two engineers and their interpreter", "900 still there, out of
the 1,500 deployed") and an order of magnitude ("dozens") are not compared.
Within a group, figures whose bounds overlap agree ("over 11,000" and "more than 10,000").
Disagreeing figures are judged pairwise (``figure_pairs.pair_kind``), dates before sources, with
sources under their canonical name (``sources.SourceNames``: "the NIS" is the National
Intelligence Service):

- ``changed_over_time``: the two figures hold at different dates (the date the sentence gives,
  or the date of a dated article);
- ``attributed_estimates``: different sources about the same moment (within a week), when either
  figure is an estimate (approximate, bounded, hedged, "estimated") or a running toll; two
  sources' exact counts of one thing contradict;
- ``contradiction``: the same or unknown sources about the same moment, or two sources' exact
  counts of one done act, each dated only by its article, a few days apart.

Figures that agree but are credited to different sources, at least one a closed estimate ("about
5,200" against "more than 4,000"), are a spread of ``attributed_estimates`` too; two open bounds
("over 11,000", "more than 10,000") and unattributed figures never start one.
Increments ("an additional 300") are never compared with totals (more sent, "deployed 1,500
additional officers", is that sending's size and is compared); a price's move over one whole
day ("closed 14.2 percent lower on Monday") is compared with other outlets' moves of that thing
that day only (``figure_pairs.pair_kind``).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import pairwise

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import REPORTING
from storyline.extract.measures import CHANGE_VERBS, CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT, told_from
from storyline.extract.numbers import TENS, UNITS, parse_number
from storyline.extract.plover import STATE_VERBS
from storyline.extract.quantities import DIFFERENCE, GENERIC_COUNTED
from storyline.model import Article, Conflict, ConflictValue, Quantity, TimeExpr
from storyline.reconcile.figure_echoes import add_echoes
from storyline.reconcile.figure_pairs import REASONS, Figure, measure, misprinted, pair_kind
from storyline.reconcile.figure_series import FROM, FigureClass, odd_between, passed_points, revisions
from storyline.reconcile.figure_slots import (
    Groups,
    join_alike_measures,
    join_beside,
    join_events,
    join_misprints,
    join_named,
    join_roles,
    join_wholes,
    unit_class_of,
)
from storyline.reconcile.frames import Frame
from storyline.reconcile.memo import Memo, digest
from storyline.reconcile.roles import head_word
from storyline.reconcile.timeslot import bounds, comparable_value, is_portal, year_of
from storyline.reconcile.triggers import family_of

SourceKey = Callable[[Frame], str]


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else 0.0), (q.high if q.high is not None else math.inf)


#: A whole number as written: its significant digits and the zeros after them ("23,700").
_WRITTEN = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d|\s*(?:million|billion|thousand|m|bn)\b)")
#: Significant digits from which an approximate figure is read to its last digit.
_PRECISE_DIGITS = 3


def _told_bounds(q: Quantity) -> tuple[float, float]:
    """The bounds a figure is compared with: "about 23,700" is known to the hundred, so it is
    23,700 give or take a hundred, not give or take a tenth; a rounder approximation ("about
    23,000", "some 300") keeps the figure's own tenth either side."""
    lo, hi = _bounds(q)
    if not q.approximate or hi == math.inf or lo == 0.0:
        return lo, hi
    found = _WRITTEN.findall(q.text)
    if len(found) != 1:
        return lo, hi
    digits = found[0].replace(",", "")
    significant = digits.rstrip("0")
    if len(significant) < _PRECISE_DIGITS or not lo < int(digits) < hi:
        return lo, hi
    step = 10 ** (len(digits) - len(significant))
    return int(digits) - step, int(digits) + step


def _stated_as_of(f: Frame, article: Article, told: Sequence[TimeExpr]) -> str | None:
    """The date a sentence says its figures hold at ("counted 187 homes destroyed as of Thursday
    evening", "as of the evening of 20 August"), whichever of its events the parse hung it on."""
    for t in [f.claim.time, *told]:
        if t is not None and re.search(rf"\bas\s+of\s+(?:\w+\s+){{0,4}}{re.escape(t.text)}", f.claim.text, re.IGNORECASE):
            value = comparable_value(t, article.published)
            if year_of(value):  # a year the text settles ("XXXX-..." has none)
                return value
    return None


#: Between a figure and the act that modifies its noun: the noun's words ("2.9% raise tabled")
_TO_MODIFIER = re.compile(r"(?:\s+[\w%-]+){0,3}\s+")


def _act_as_of(q: Quantity, body: str, article: Article, acts: Sequence[tuple[int, TimeExpr]]) -> str | None:
    """The date of the act that a figure's noun phrase names ("the 2.9% raise tabled on
    Monday", "the 75 engineers sent in on Monday"): the figure is that act's, whatever the
    sentence goes on to say of it and whenever the article repeats it. A date after the
    writing is not when a told act's figure held."""
    for start, t in acts:
        if start > q.end and _TO_MODIFIER.fullmatch(body[q.end : start]):
            value = comparable_value(t, article.published)
            if year_of(value) and not _after_writing(value, article):
                return value
    return None


#: Verbs of making a document public ("the audit, released on 3 June, put ..."): data/lexicon/figures.json.
_PUBLISHING = lexicon.words("figures", "publishing_verbs")


def _issued_as_of(f: Frame, article: Article, issued: tuple[int, TimeExpr] | None) -> str | None:
    """The day the document a sentence's subject names was made public ("the council's audit,
    released on 3 June, put the overspend at ..."; "the review, issued on Monday, found ..."):
    its figures hold then, whenever an article repeats them. Only a publishing told before the
    sentence's own verb, in its subject."""
    if issued is None or f.claim.trigger is None or issued[0] >= f.claim.trigger[0]:
        return None
    value = comparable_value(issued[1], article.published)
    return value if year_of(value) and not _after_writing(value, article) else None


def _planned_as_of(f: Frame, article: Article, said: Mapping[str, TimeExpr]) -> str | None:
    """A plan's figure holds when the plan was told ("on 3 May the receivers said 40 depots
    would shut by the end of August, with the loss of 900 jobs": as of 3 May), not at the plan's
    date; without a dated statement the article's day stands ("": the caller's fallback). None
    for a sentence that tells no plan."""
    if (f.claim.modality or "") not in ("future", "plan"):
        return None
    t = said.get(f.claim.id)
    value = comparable_value(t, article.published) if t is not None else None
    return value if year_of(value) else ""


#: The word before a time that starts the period a figure runs over.
_SINCE = re.compile(r"\bsince\s+(?:(?:the\s+)?(?:early|small|first)\s+hours\s+of\s+|(?:late|early)\s+"
                    r"|the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$", re.IGNORECASE)
#: Words that tell a figure as run up to the time of telling (a time after "since" then only starts it).
_SO_FAR = re.compile(r"\b(?:already|so\s+far|to\s+date|thus\s+far)\b", re.IGNORECASE)
#: Verbs of a state a count of things has been in since a day ("eight schools have been closed
#: since Monday" is Monday's count too); a count of what acts were done to since a day ("214
#: people have been detained since Sunday") is run up to the telling: data/lexicon/figures.json.
_STATE_SINCE = lexicon.words("figures", "state_since_verbs")


def _sentence_as_of(f: Frame, article: Article, q: Quantity | None = None) -> str | None:
    """The date a figure holds at: its sentence claim's date (the event's own, else the date of
    the statement that gives it: "said on Tuesday that 4,000 have been killed since October"),
    else its frame's (the caller falls back on the article's date). A figure of another event than a
    planned one ("the motion, signed by 67 deputies, will be put to a vote next Tuesday") does
    not hold at the plan's date, nor does a told act's at a day after the writing."""
    own = _of_the_claim(f, q)
    if f.claim.time is not None and _SINCE.search(article.body[max(0, f.claim.time.start - 40) : f.claim.time.start]) \
            and (_SO_FAR.search(f.claim.text) or (_done_to(f, q) and (f.claim.predicate or "").lower() not in _STATE_SINCE)):
        return None  # "has already burned 11,200 hectares since Wednesday": a running figure, as of the writing
    said = comparable_value(f.claim.time, article.published) if f.claim.time is not None and own else None
    for value in (said, f.value if own else None):
        # a date after the writing is not when a told act's figure held: "offered a raise of 2.5%
        # from 1 July" on 3 May was offered then, and holds from a day to come
        if year_of(value) and not _after_writing(value, article):
            return value
    return None


def _done_to(f: Frame, q: Quantity | None) -> bool:
    """The figure counts what the claim's own act was done to ("214 people have been detained
    since Sunday": run up since), not its doers ("4,200 soldiers have been working since
    Wednesday": as many since then), nor what another verb of the sentence does ("had chaired the
    club since 2012 and put 11 million into it")."""
    if q is None or q.role is None or " " not in q.role:
        return False
    role, kind = q.role.split(" ", 1)
    predicate = (f.claim.predicate or "").lower()
    return role == "patient" and kind in (predicate, plover.event_type(predicate) or predicate)


def _after_writing(value: str | None, article: Article) -> bool:
    """Whether a date begins after the day its (dated) article was written."""
    written = _written(article)
    start = bounds(value)[0]
    return bool(written and start and start[:10] > written)


def _written(article: Article) -> str | None:
    """The day a dated (non-portal) article was written."""
    p = article.published
    if p.value and (p.source == "metadata" or (p.source == "dateline" and not is_portal(p))):
        return p.value[:10]
    return None


def _of_the_claim(f: Frame, q: Quantity | None) -> bool:
    """The claim's date is the figure's too: the figure is of the claim's own event (or says
    nothing of its event), or the claim tells what happened (a figure of an act told beside it
    held by then); not when the claim is a plan and the figure another act's."""
    if q is None or q.role is None or f.claim.modality not in ("future", "plan"):
        return True
    kind = q.role.split(" ", 1)[1]
    return kind in (f.claim.event_type, (f.claim.predicate or "").lower())


def _norm_attr(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"^(the|a|an)\s+", "", text.lower().strip())
    return re.sub(r"[^a-z0-9 ]+", "", t).strip() or None


_CASUALTY_WORDS = lexicon.pairs("figures", "casualty_words")
#: Counts of casualties, which their source updates as bodies are found and the wounded counted:
#: one source's two figures of one day are an update, not a contradiction.
RUNNING_COUNTS = frozenset(kind for kind, _ in _CASUALTY_WORDS)
_COUNT_WORD = re.compile("|".join(f"(?P<{name}{i}>\\b(?:{rx})\\b)" for i, (name, rx) in enumerate(_CASUALTY_WORDS)),
                         re.IGNORECASE)
CASUALTY_FAMILIES = lexicon.words("figures", "casualty_families")
_VAGUE = re.compile(rf"\b(?:{lexicon.alternation('figures', 'vague_amounts')})\b", re.IGNORECASE)
_SUBSET = re.compile(r"^\s*(?:of\s+(?:them|those|these|whom|which)|of\s+the\s+\w+)\b", re.IGNORECASE)
#: A partitive's part and whole: "three of its 20 pumps", "900 of the firm's 6,000 jobs"
_NUMERAL = rf"\d[\d,.]*\d|\d|{'|'.join(sorted({*UNITS, *TENS} - {'zero'}, key=len, reverse=True))}"
_OF_WHOLE = r"\s*of\s+(?:(?:the|its|their|our|his|her|this|these|those)\s+)?(?:[\w-]+(?:'s|’s)\s+)?"
_PART_OF = re.compile(rf"{_OF_WHOLE}(?P<whole>{_NUMERAL})\b", re.IGNORECASE)
_WHOLE_AFTER = re.compile(rf"\b(?:{_NUMERAL}){_OF_WHOLE}$", re.IGNORECASE)
#: "about 900 officers were still there, out of the 1,500 deployed": a part of the figure after it
#: "all 30 of the ward's beds": the figure before "of the" is the whole group, not a part of it
_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+)?$", re.IGNORECASE)
_OUT_OF = re.compile(r"^[^.;:]{0,80}?\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?\d", re.IGNORECASE)
#: "two engineers and their interpreter": the figure counts part of the group the sentence tells
#: (its own noun phrase coordinated, not one after a preposition: "5 million for the victims and
#: their families" is the whole sum)
_WITH_THEIR = re.compile(r"^(?:\s+(?!(?:for|to|of|in|on|at|by|with|from|among)\b)[\w-]+){1,3}?\s+and\s+(?:their|his|her)\s+(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+\b(?![^.;]{0,3}\d)",
                         re.IGNORECASE)
#: ... unless the sentence dates it ("from 40 on Sunday to 85 on Monday"): then it is a point of a series
_DATED_AFTER = re.compile(r"^(?:\s+[a-z]+){0,2}\s+(?:(?:on|in|at|by|as\s+of)\s+(?:[A-Z]\w+|\d)|last\s+\w+|yesterday|today)")


#: "from 10,000 to 25,000": a value "from" opens that another value "to" closes shortly after
_TO_VALUE = re.compile(r"^[^.;]{0,50}?\bto\s+(?:[a-z]+\s+){0,2}?[$€£]?\d", re.IGNORECASE)
#: "up from 31", "revised it from 412 million": a change told before the "from"
_CHANGE_BEFORE = re.compile(rf"\b(?:up|down|{lexicon.alternation('figures', 'revision_verbs')})\b[^.;]{{0,40}}$",
                            re.IGNORECASE)


def _value_before_change(q: Quantity, body: str) -> bool:
    """"raised the fee from 10,000 crowns to 25,000", "up from 31": the figure after "from" held
    before the change the sentence tells; "envoys from 19 countries" names where they came from."""
    if not FROM.search(body[max(0, q.start - 16) : q.start]):
        return False
    return bool(_TO_VALUE.match(body[q.end : q.end + 80]) or _CHANGE_BEFORE.search(body[max(0, q.start - 60) : q.start]))


def _partitive(q: Quantity, body: str) -> tuple[bool, float | None]:
    """Whether a figure is the part of a partitive, and the whole's size; or the whole (True,
    None). The part ("three" of "three of its 20 pumps failed") counts what the verb did to
    some of a group, and is compared only with parts of a group of that size in that role
    ("six of the plant's 20 pumps had failed"), not with a total nor with other parts ("12 of
    the party's 30 members backed the bill" is not the bill's 96 votes). The whole is the
    group's size, not what the verb did: another slot, unless its own words say what it counts
    ("of the 12,000 tenants covered by the scheme")."""
    m = _PART_OF.match(body, q.end)
    if m is not None:
        return True, parse_number(m.group("whole"))
    if _ALL_BEFORE.search(body[max(0, q.start - 12) : q.start]) and _SUBSET.match(body[q.end : q.end + 25]):
        return True, None  # "all 30 of the ward's beds": every one of them, the group's size
    return bool(_WHOLE_AFTER.search(body[max(0, q.start - 50) : q.start])), None


def count_type(f: Frame, q: Quantity, body: str) -> str | None:
    """What a figure counts. The dead, the wounded, casualties (killed or wounded) and prisoners
    are different counts and never compared; the count word nearest the figure decides ("about
    300 killed and some 2,700 wounded, a toll of roughly 3,000"). Other figures count their noun,
    and a sum of money, a share or a measurement never counts people ("fined EUR 2 million over the
    leak that killed 300 fish")."""
    if q.unit in CURRENCY_CODES or q.unit == PERCENT or (q.unit or "").lower() in MEASUREMENT_UNITS:
        return unit_class_of(q.unit)
    lo, hi = max(0, q.start - 45), min(len(body), q.end + 80)
    best: tuple[int, int, str] | None = None  # (rank, distance, count type)
    for m in _COUNT_WORD.finditer(body, lo, hi):
        before = m.end() <= q.start
        d = q.start - m.end() if before else max(0, m.start() - q.end)
        rank = d
        if not before and _OWN_COUNT_WORD.fullmatch(body, q.end, m.start()):
            rank = 0  # the figure's own clause: "12 people were injured", "27 missing"
        elif before and _CLAUSE_BREAK.search(body, m.end(), q.start):
            rank += 30  # another clause's word: "two were killed and 12 people were injured"
        name = re.sub(r"\d+$", "", m.lastgroup or "")
        if d <= (25 if before else 45) and (best is None or rank < best[0]):
            best = (rank, d, name)
    if best is not None and (f.family in CASUALTY_FAMILIES or best[1] <= 12):
        return best[2]
    return unit_class_of(q.unit)


#: Between a figure and a count word after it, in the figure's own clause: its noun and the verb's
#: auxiliaries ("12 people were injured", "19 have been wounded", "27 missing").
_OWN_COUNT_WORD = re.compile(r"\s+(?:[a-z]+\s+)?(?:(?:were|was|are|is|have|has|had|been|being|reported|now|still)\s+){0,3}",
                             re.IGNORECASE)
#: Between a count word and a figure after it, the mark of a new clause ("killed and 12", "dead, 19").
_CLAUSE_BREAK = re.compile(r"\band\b|[,;]")


_counted: Memo[str | None] = Memo(65536)
"""``count_type`` per figure, by a digest of its article's body, its frame's family and its
offsets and unit (all it reads): most of ``figure_groups``'s time on a large story."""


_MOVE_PERIOD = re.compile(rf"\b(?:{lexicon.alternation('figures', 'move_periods')})\b", re.IGNORECASE)


def _day_move(f: Frame, q: Quantity, body: str) -> bool:
    """A percentage by which a named thing's value moved over one whole day ("Orvik shares closed
    14.2 percent lower on Monday", "the stock crashed 17 percent"): two outlets' differing moves
    of one thing on one day are one figure told two ways. Other increments ("another 300"), moves
    within a day ("fell 16 percent in the first minutes", "as much as 27 percent") or over many
    ("down 31 percent since the recall") are no figure to compare."""
    if q.unit != PERCENT or not _doers(f):
        return False
    return not _MOVE_PERIOD.search(body, max(0, q.start - 30), min(len(body), q.end + 40))


def _sent(q: Quantity) -> bool:
    """"deployed 1,500 additional officers": the figure of more sent is what that sending moved
    (one act's size, as "sent 1,500 officers" tells it), not an addition to a total."""
    return q.role == "patient MOBILIZE"


def _doers(f: Frame) -> tuple[str, ...]:
    """The head words of who a figure's sentence says acted ("Kessling led by 398 votes")."""
    return tuple(sorted({h for phrase in f.claim.agents if (h := head_word(phrase))}))


_FALLING_VERBS = lexicon.words("figures", "falling_verbs")


def _act_family(qualifier: str) -> str | None:
    """The event family of an act that qualifies a count ("the 9,300 people who were evacuated":
    displacement), so that it counts what a figure told by a verb of that family does ("forced
    the evacuation of 9,800 people"); None for other qualifiers."""
    family = family_of(qualifier, None)
    return None if family.startswith("other:") else family


def _change_family(family: str) -> str:
    """A verb of a value moving is told with many words: "lost 40 metres" and "dropped 44
    metres" are one figure of a fall, which a rise's figure is not; a state verb's figure ("are",
    "remain", "has") is the count of what is, whichever verb tells it."""
    verb = family.removeprefix("other:")
    if family.startswith("other:") and verb in STATE_VERBS:
        return "state"  # "all 17 crew are safe" / "its 19 crew remain on board": a count of what is
    if verb not in CHANGE_VERBS:
        return family
    return "change:down" if verb in _FALLING_VERBS else "change:up"


_NEGATION = re.compile(rf"(?:\b(?:{lexicon.alternation('figures', 'negation_words')})\b|n't)", re.IGNORECASE)


def _before_negation(f: Frame, q: Quantity, body: str) -> bool:
    """A negated sentence's figure that stands before every negation word, the subject of the
    negated predicate ("3,200 parcels could not be traced", "three of the 12 did not
    survive"): the count is asserted, of the things the negation holds for. One after a negation
    ("did not confirm that 300 died"), or in a denial or a withdrawn version, which name no
    negation word, is nobody's figure."""
    start, end = f.claim.span
    if not start <= q.start < end:
        return False
    return not _NEGATION.search(body[start:q.start]) and bool(_NEGATION.search(body[q.end:end]))


def figure_groups(frames: Sequence[Frame], articles: dict[str, Article],
                  canon: Callable[[str | None], str | None] | None = None,
                  event_of: Mapping[str, str] | None = None,
                  every: list[Figure] | None = None) -> list[list[Figure]]:
    """Figures grouped by what they count; near-linear (one representative per key). ``every``,
    when given, receives every figure read, grouped or not.

    Casualty counts (the dead, the wounded, casualties, prisoners) form one slot per count type:
    a running total reported on different days is the same quantity at another date. Other
    figures join through a shared participant, and one naming no participant joins the largest
    group of its kind. Figures of one happening (``event_of``: a claim's event) that count the
    same noun are one slot whatever verb tells them ("61 members backed the bill" / "60
    members voted for it"; "the lake peaked at 3.40 metres" / "reached 3.10 metres")."""
    items: list[Figure] = []
    keys: list[tuple[str, ...]] = []
    seen: set[tuple[str, int, int]] = set()
    bodies: dict[str, bytes] = {}  # a digest of each article's body, made once
    told: dict[str, list[TimeExpr]] = defaultdict(list)  # the times of the events a sentence tells
    said: dict[str, TimeExpr] = {}  # the time of the statement that tells a sentence's plan
    dated_acts: dict[str, list[tuple[int, TimeExpr]]] = defaultdict(list)  # where each dated act is named
    issued: dict[str, tuple[int, TimeExpr]] = {}  # the dated publishing of what a sentence's subject is
    for f in frames:
        if f.claim.parent is not None and f.claim.time is not None:
            told[f.claim.parent].append(f.claim.time)
            if f.claim.trigger is not None:
                dated_acts[f.claim.parent].append((f.claim.trigger[0], f.claim.time))
            if (f.claim.predicate or "").lower() in REPORTING:
                said.setdefault(f.claim.parent, f.claim.time)
            if (f.claim.predicate or "").lower() in _PUBLISHING and f.claim.trigger is not None:
                issued.setdefault(f.claim.parent, (f.claim.trigger[0], f.claim.time))
    for f in frames:
        if not f.quantities:
            continue
        body = articles[f.article_id].body
        if f.article_id not in bodies:
            bodies[f.article_id] = digest(body)
        for q in f.quantities:
            part, whole_of = _partitive(q, body)
            if f.claim.negated and not _before_negation(f, q, body):
                continue  # a figure nobody asserts ("did not confirm that 300 died", a withdrawn version's)
            move = q.increment and _day_move(f, q, body)
            if (q.increment and not move and not _sent(q)) or (q.low is None and q.high is None):
                continue
            if (not part and _SUBSET.match(body[q.end : q.end + 25])) or _WITH_THEIR.match(body[q.end : q.end + 60]) \
                    or _OUT_OF.match(body[q.end : q.end + 100]):
                continue  # "as many as 8,000 of them": a part of another count, not a total
            if _value_before_change(q, body) and not _DATED_AFTER.match(body[q.end : q.end + 30]):
                continue  # the value before the change, undated
            if _VAGUE.search(q.text) and not re.search(r"\d", q.text):
                continue  # "dozens", "thousands": an order of magnitude, not an estimate to compare
            u = _counted.get((bodies[f.article_id], f.family, q.start, q.end, q.unit), partial(count_type, f, q, body))
            if u is None or (f.claim.id, q.start, q.end) in seen or (whole_of is not None and u in _COUNT_TYPES):
                continue  # a casualty count's part ("30 of the injured") is told under another predicate
            seen.add((f.claim.id, q.start, q.end))
            attr = canon(f.claim.attribution) if canon is not None else _norm_attr(f.claim.attribution)
            article = articles[f.article_id]
            planned = _planned_as_of(f, article, said)
            dated = _stated_as_of(f, article, told.get(f.claim.id, ())) \
                or _act_as_of(q, body, article, dated_acts.get(f.claim.id, ())) \
                or _issued_as_of(f, article, issued.get(f.claim.id) or issued.get(f.claim.parent or "")) or (
                (planned or None) if planned is not None else _sentence_as_of(f, article, q))
            as_of = dated or _written(article)
            items.append(Figure(f, q, as_of, attr, written=dated is None and as_of is not None, move=bool(move)))
            # a qualified noun ("173 rejected ballots") counts the same things whichever event
            # tells it; an unqualified one is read with its event's family
            # ... and a difference ("led by 398 votes") is the gap in its doer's favour: one
            # candidate's lead is not the other's; so is a share held by its doer ("Orvane owns 4.8
            # per cent of X" is not what another holder owns)
            keys.append(("whole", u) if part and whole_of is None and not q.qualifier else
                        ("part", (q.role or "").rpartition(" ")[2] or _change_family(f.family), u, str(whole_of))
                        if part and whole_of is not None else
                        ("move", *(unit_class_of(d) or d for d in _doers(f))) if move else
                        ("casualty", u) if u in _COUNT_TYPES else
                        ("qualified", f"{q.qualifier} {u}", *_doers(f)) if q.qualifier == DIFFERENCE or (q.qualifier and u == PERCENT) else
                        ("measured", *_holder(measure(q.qualifier), f.participants), u)
                        if q.qualifier and q.unit in CURRENCY_CODES else
                        (_change_family(f.family), u, q.qualifier or "") if told_from(q) else
                        (fam, u) if q.qualifier and (fam := _act_family(q.qualifier)) else
                        ("qualified", f"{q.qualifier} {u}") if q.qualifier else (_change_family(f.family), u))
    items, keys = _last_of_a_series(items, keys)
    if every is not None:
        every.extend(items)
    uf = Groups()
    for _ in items:
        uf.add()
    join_roles(uf, items, keys)
    if event_of:
        join_events(uf, items, keys, event_of)
    join_named(uf, items, keys)
    join_beside(uf, items, keys)
    join_wholes(uf, items, keys)
    join_misprints(uf, items, keys)
    join_alike_measures(uf, items, keys)
    first: dict[tuple[str, ...], int] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        # a casualty count links through its population (nationalities as their country), so
        # running totals from different days and outlets meet; a sum with its holder and measure
        # ("orvane: offer") is its own slot; other counts link through any participant
        links = [("",)] if key[0] == "measured" and key[1] else \
            [(p,) for p in (it.frame.canon if key[0] == "casualty" else it.frame.participants)]
        for p in links:
            k = (*key, *p)
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i
    _join_unowned_sums(uf, keys)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        comps[uf.find(i)].append(i)
    # figures naming no participant join the largest group of their kind
    largest: dict[tuple[str, ...], int] = {}
    def named(i: int) -> bool:
        if keys[i][0] == "measured" and keys[i][1]:
            return True
        return bool(items[i].frame.canon if keys[i][0] == "casualty" else items[i].frame.participants)

    for root, members in comps.items():
        if named(members[0]):
            key = keys[members[0]]
            if key not in largest or len(members) > len(comps[largest[key]]):
                largest[key] = root
    out: dict[int, list[Figure]] = defaultdict(list)
    alone: dict[tuple[str, ...], int] = {}  # the first group naming nobody, per key with no named group
    for root, members in comps.items():
        key = keys[members[0]]
        target = root
        if not named(members[0]) and key in largest:
            target = largest[key]
        elif not named(members[0]) and _counts_things(items[members[0]], key):
            # figures of one verb's family and one noun that name nobody ("its 19 crew remain on
            # board" / "all 17 crew members remain on board") count one thing
            target = alone.setdefault(key, root)
        out[target].extend(items[i] for i in members)
    holder = _payers(items, keys)
    groups = [part for root, g in out.items()
              for part in (_by_whom(g) if keys[root][0] == "casualty" else _by_holder(g, holder))]
    return [g for g in groups if len({i.frame.claim.id for i in g}) >= 2]


#: Penalties, whose sum is who pays it (data/lexicon/figures.json): the one measure whose holder
#: ``extract.measures`` reads as the payer; another sum's holder may be who estimates it ("the
#: prosecutor puts the losses at").
_PENALTIES = lexicon.words("figures", "penalty_verbs")


def _payers(items: list[Figure], keys: list[tuple[str, ...]]) -> dict[int, str]:
    """Each penalty's payer, by the figure's id (only a penalty's holder is its payer for sure)."""
    return {id(it): key[1] for it, key in zip(items, keys, strict=True)
            if key[0] == "measured" and key[1] and key[2] in _PENALTIES}


def _by_holder(group: list[Figure], holder: Mapping[int, str]) -> list[list[Figure]]:
    """A penalty's slot is also whose it is: "fined Keln €240,000 and Ferro €150,000" tells two fines
    of one happening, which the joins of a happening's figures put together. A sum naming no holder
    stays with the holder whose value it gives (or gives with two digits swapped: "the club, fined
    108,000 euros" beside Vellin's €180,000), else apart from them all."""
    names = {holder[id(it)] for it in group if id(it) in holder}
    # a holder one outlet names by one word ("davor") and another in full ("davor-keln") is one
    full = {h: next(iter(fit)) for h in names if len(fit := {g for g in names if h != g and h in g.split("-")}) == 1}
    by: dict[str, list[Figure]] = defaultdict(list)
    loose: list[Figure] = []
    for it in group:
        (by[full.get(holder[id(it)], holder[id(it)])] if id(it) in holder else loose).append(it)
    if len(by) < 2:
        return [group]
    rest: list[Figure] = []
    for it in loose:
        same = [h for h, its in by.items() if any(_bounds(i.quantity) == _bounds(it.quantity) for i in its)] or \
            [h for h, its in by.items() if any(misprinted(i.quantity, it.quantity) for i in its)]
        (by[same[0]] if len(same) == 1 else rest).append(it)
    return [*by.values(), *([rest] if rest else [])]


def _holder(measured: tuple[str, str], participants: frozenset[str]) -> tuple[str, str]:
    """A sum's holder as the entity the sentence names ("VTA", "Vantrix" and "Vantrix Transit
    Authority" are one holder): the participant whose name the holder word begins, is a word
    of, or is the initials of."""
    holder, noun = measured
    if not holder:
        return measured
    for p in sorted(participants):
        words = p.partition(":")[2].split("-")
        if holder in words or holder == "".join(w[:1] for w in words):
            return p.partition(":")[2], noun
    return measured


def _join_unowned_sums(uf: Groups, keys: list[tuple[str, ...]]) -> None:
    """A sum whose holder the sentence does not name ("a relief fund of €7.1 million") is
    the one holder's the story names for that measure ("the ferry company set up a €7.9 million
    fund"), when it names only one."""
    holders: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for i, key in enumerate(keys):
        if key[0] == "measured" and key[1]:
            holders[key[2:]].setdefault(key[1], i)
    for i, key in enumerate(keys):
        if key[0] == "measured" and not key[1] and len(named := holders.get(key[2:], {})) == 1:
            uf.union(next(iter(named.values())), i)


def _counts_things(it: Figure, key: tuple[str, ...]) -> bool:
    """A plain count of a noun that says who or what is counted ("crew", "schools"): not a
    casualty count (slotted by its population), a qualified figure, a share, a sum, a reading in
    a unit of measurement, or a noun that says nothing of who ("people", "members")."""
    q = it.quantity
    unit = (q.unit or "").lower()
    return key[0] not in ("casualty", "qualified", "measured", "move") and bool(unit) and unit != PERCENT.lower() \
        and q.unit not in CURRENCY_CODES and unit not in MEASUREMENT_UNITS and unit not in GENERIC_COUNTED


#: Nouns that name the casualties themselves, not who they were ("the dead", "victims").
_CASUALTY_NOUNS = lexicon.words("figures", "casualty_nouns")


def _by_whom(group: list[Figure]) -> list[list[Figure]]:
    """A casualty count's slot is also whom it counts: "three guards were killed" and "five
    attackers were killed" in one raid are two counts. Figures of a noun that says nothing of
    who ("people", "the dead") stay with the noun most figures give."""
    by: dict[str | None, list[Figure]] = defaultdict(list)
    loose: list[Figure] = []
    for it in group:
        unit = (it.quantity.unit or "").lower()
        if not unit or unit in GENERIC_COUNTED or unit in RUNNING_COUNTS or unit in _CASUALTY_NOUNS:
            loose.append(it)
        else:
            by[unit_class_of(unit)].append(it)
    if len(by) < 2:
        return [group]
    parts = sorted(by.values(), key=len, reverse=True)
    parts[0].extend(loose)
    return parts


_COUNT_TYPES = frozenset(name for name, _ in _CASUALTY_WORDS)


_RANGE_BETWEEN = re.compile(r"\s*(?:and|to|or|-|–)\s*")


def _last_of_a_series(items: list[Figure], keys: list[tuple[str, ...]]) -> tuple[list[Figure], list[tuple[str, ...]]]:
    """One sentence giving several sums of money of one size ("first offered $14.20 a share and
    raised that to $15.60 on June 8"; "$14.20, then $15.60, before its final offer of $17.10")
    tells a series, and its date is the last one's: the earlier ones held before, at a time it
    does not say. A sum of another size in the sentence ("valuing the company at $2.3 billion")
    is another measure, and so are the penalties of several payers ("Vestra was fined €168 million,
    Korlo €121 million"): a list, each the latest of its own. (Only a penalty's holder is its payer
    for sure; another sum's may be who estimates it.)"""
    by_claim: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    holder = _payers(items, keys)
    for it in items:
        if it.quantity.unit in CURRENCY_CODES:
            by_claim[(it.frame.claim.id, it.quantity.unit or "")].append(it)
    earlier: set[int] = set()
    for told in by_claim.values():
        for band in _magnitudes(told, keep_single=True):
            if len({holder[id(i)] for i in band if id(i) in holder}) > 1:
                continue
            ordered = sorted(band, key=lambda i: i.quantity.start)
            text = ordered[0].frame.claim.text
            base = ordered[0].frame.claim.span[0]
            if any(_RANGE_BETWEEN.fullmatch(text[a.quantity.end - base : b.quantity.start - base])
                   for a, b in pairwise(ordered)):
                continue  # "between $1bn and $3bn": one range the extraction read as two figures
            earlier |= {id(i) for i in ordered[:-1]}
    kept = [(it, key) for it, key in zip(items, keys, strict=True) if id(it) not in earlier]
    return [it for it, _ in kept], [key for _, key in kept]


#: Sums of one slot this many times apart are not one figure misreported but two measures (a
#: price per share and the bid's total value).
MAGNITUDE = 20.0


#: Other figures of one slot this many times apart are two measures too: a misreported count changes
#: a digit, not its order of magnitude ("3.14 tarins a kilowatt-hour" and "3,140 tarins a
#: megawatt-hour", a currency the lexicon does not know, are one price in two units).
COUNT_MAGNITUDE = 100.0


def _magnitudes(group: list[Figure], *, keep_single: bool = False) -> list[list[Figure]]:
    """A group split where values jump by more than ``MAGNITUDE`` (sums of money) or
    ``COUNT_MAGNITUDE`` (other figures): parts of one sentence's figures only, unless ``keep_single``."""
    if not group:
        return [group]
    factor = MAGNITUDE if group[0].quantity.unit in CURRENCY_CODES else COUNT_MAGNITUDE
    ordered = sorted(group, key=lambda i: _bounds(i.quantity)[0])
    out: list[list[Figure]] = [[ordered[0]]]
    for it in ordered[1:]:
        lo = max(_bounds(out[-1][-1].quantity)[1], 1e-9)
        if _bounds(it.quantity)[0] > factor * lo:
            out.append([it])
        else:
            out[-1].append(it)
    return out if keep_single else [g for g in out if len({i.frame.claim.id for i in g}) >= 2]


def _classes(items: list[Figure]) -> list[FigureClass]:
    """Figures whose bounds overlap, narrowest first. An open bound ("up to 120", "at least 80")
    overlaps many values: it joins the one it names when another figure gives that value ("up to
    120" beside an exact 120), else the first it overlaps."""
    classes: list[FigureClass] = []
    bounded = sorted(((_told_bounds(x.quantity), x) for x in items), key=lambda b: (b[0][1] - b[0][0], b[1].frame.id))
    for (lo, hi), it in bounded:
        overlapping = [c for c in classes if lo <= c.hi and c.lo <= hi]
        named = lo if hi == math.inf else hi if lo == 0.0 else None
        c = next((c for c in overlapping if named is not None and c.lo <= named <= c.hi), None) \
            or (overlapping[0] if overlapping else None)
        if c is not None:
            c.lo, c.hi = max(c.lo, lo), min(c.hi, hi)
            c.items.append(it)
        else:
            classes.append(FigureClass(lo, hi, [it]))
    return classes


def _pairwise(values: list[set[str]], differ: Callable[[str, str], bool]) -> bool:
    """Every pair of groups differs in every pair of their members (and none is empty)."""
    if any(not v for v in values):
        return False
    return all(
        differ(a, b) for i in range(len(values)) for j in range(i + 1, len(values)) for a in values[i] for b in values[j]
    )


def _value(label: str, items: Sequence[Figure], key: SourceKey) -> ConflictValue:
    frames = [i.frame for i in items]
    return ConflictValue(
        value=label,
        article_ids=list(dict.fromkeys(f.article_id for f in frames)),
        claim_ids=list(dict.fromkeys(f.claim.id for f in frames)),
        texts=list(dict.fromkeys(f.claim.text for f in frames)),
        sources=sorted({i.frame.claim.attribution or key(i.frame).split(":", 1)[-1] for i in items}),
        spans=list(dict.fromkeys((i.quantity.start, i.quantity.end) for i in items)),  # the figures themselves
    )


def quantity_conflicts(frames: Sequence[Frame], articles: dict[str, Article], *, key: SourceKey,
                       canon: Callable[[str | None], str | None] | None = None,
                       event_of: Mapping[str, str] | None = None) -> list[Conflict]:
    out: list[Conflict] = []
    revised = revisions(frames, articles)
    every: list[Figure] = []
    for group in (part for whole in figure_groups(frames, articles, canon, event_of, every)
                  for part in _magnitudes(whole)):
        what = count_type(group[0].frame, group[0].quantity, articles[group[0].frame.article_id].body) or "figures"
        classes = _classes(group)
        if len(classes) == 1:
            spread = _spread(group, what, key)
            if spread is not None:
                out.append(spread)
            continue
        # pairs are judged per (class, source, date) bucket, not per figure: the work grows with
        # the number of distinct readings, not with the square of the figures
        buckets: dict[tuple[int, str | None, str | None], list[Figure]] = defaultdict(list)
        for n, c in enumerate(classes):
            for i in c.items:
                buckets[(n, i.attribution, i.as_of)].append(i)
        blist = list(buckets.items())
        passed = passed_points(group)
        odd = set() if what in RUNNING_COUNTS else odd_between(classes)
        # who gives each class's value, when: an article that gives both values of a pair on its
        # own word at one time tells parts and their whole ("12 rescued by the lifeboat, 9 by the
        # trawler, 21 in all"), so its part set against another outlet's whole is no dispute
        giving = [{(i.frame.article_id, i.attribution, i.as_of) for i in c.items} for c in classes]
        tellers = [{i.frame.article_id for i in c.items} for c in classes]
        pairs: dict[str, set[int]] = defaultdict(set)
        judged: list[tuple[str, int, int, set[int], bool]] = []
        disputed: set[frozenset[int]] = set()  # classes told differently for one same day
        for x in range(len(blist)):
            for y in range(x + 1, len(blist)):
                (ca, _, _), ia = blist[x]
                (cb, _, _), ib = blist[y]
                if ca == cb or {i.frame.claim.id for i in ia} == {i.frame.claim.id for i in ib}:
                    continue
                kind = pair_kind(ia[0], ib[0], running=what in RUNNING_COUNTS)
                if kind in ("changed_over_time", "attributed_estimates") and misprinted(ia[0].quantity, ib[0].quantity) \
                        and min(len(tellers[ca]), len(tellers[cb])) == 1 and not tellers[ca] & tellers[cb] \
                        and not (ia[0].running_told and ib[0].running_told):
                    # one outlet's copy with two digits swapped: no change, no estimate; a count both
                    # tell as running ("now has 43 patients", two days later "now has 34") may move so
                    kind = "contradiction"
                if kind == "changed_over_time" and ((ca, cb) in odd or (cb, ca) in odd):
                    kind = "contradiction"  # one outlet's figure between the others' same one: no change
                if kind == "contradiction" and frozenset((ia[0].quantity.low, ib[0].quantity.low)) in revised:
                    kind = "changed_over_time"  # a sentence tells the one revised into the other
                if kind == "contradiction" and (all(id(i) in passed for i in ia) or all(id(i) in passed for i in ib)):
                    continue  # a point its own article later updated is no one's last word
                if kind == "contradiction" and (_part_beside(ia, classes[ca], giving[cb], classes[cb])
                                                or _part_beside(ib, classes[cb], giving[ca], classes[ca])):
                    continue  # a part beside its whole in one article
                if kind is not None:
                    judged.append((kind, ca, cb, {id(i) for i in (*ia, *ib)}, ia[0].estimate or ib[0].estimate))
                if kind == "contradiction" and ia[0].as_of == ib[0].as_of and len(ia[0].as_of or "") == 10 \
                        and not (ia[0].written or ib[0].written or ia[0].running_told or ib[0].running_told):
                    disputed.add(frozenset((ca, cb)))
        for kind, ca, cb, ids, estimated in judged:
            if kind == "changed_over_time" and what not in RUNNING_COUNTS and not estimated \
                    and frozenset((ca, cb)) in disputed:
                # two exact values that contradict each other on one day are not a change at
                # another: a later telling of either repeats its side ("98 metres down" / "a depth
                # of 112 metres" on one day, "lies at 112 metres" a week later); a running count
                # or an estimate ("around 800", later "about 1,100") may move
                kind = "contradiction"
            pairs[kind] |= ids
        for kind in ("contradiction", "attributed_estimates", "changed_over_time"):
            if kind not in pairs:
                continue
            involved = [c for c in ([FigureClass(c.lo, c.hi, [i for i in c.items if id(i) in pairs[kind]])
                                      for c in classes]) if c.items]
            if len(involved) < 2:
                continue
            if kind == "contradiction" and what not in RUNNING_COUNTS:
                add_echoes(involved, every)
            out.append(_conflict(kind, involved, what, key))
    return out


def _part_beside(bucket: list[Figure], own: FigureClass, giving: set[tuple[str, str | None, str | None]],
                 whole: FigureClass) -> bool:
    """The bucket's figures are smaller than the other class's and an article of theirs gives
    that other value too, on the same word and at the same time: a part told beside its whole."""
    return own.hi < whole.lo and any((i.frame.article_id, i.attribution, i.as_of) in giving for i in bucket)


def _conflict(kind: str, classes: list[FigureClass], what: str, key: SourceKey) -> Conflict:
    classes = sorted(classes, key=lambda c: (-len({i.frame.article_id for i in c.items}), c.lo))
    if kind == "changed_over_time":
        classes.sort(key=lambda c: min(i.as_of or "9999" for i in c.items))
    values = [_value(c.label(), c.items, key) for c in classes]
    winner = None
    if kind == "contradiction":
        counts = [len({key(i.frame) for i in c.items}) for c in classes]
        winner = values[0].value if counts[0] > counts[1] else None
    elif kind == "changed_over_time":
        winner = max(classes, key=lambda c: max(i.as_of or "" for i in c.items)).label()
    return Conflict(
        id="", slot="quantity", kind=kind,  # type: ignore[arg-type]
        values=values,
        explanation=f"Different counts of {what}: " + "; ".join(
            f"{v.value} ({', '.join(v.sources)})" for v in values) + f" — {REASONS[kind]}."
        + (f" The latest figure is {winner}." if kind == "changed_over_time" and winner else ""),
        best_supported=winner,
    )


def _spread(group: list[Figure], what: str, key: SourceKey) -> Conflict | None:
    """Agreeing figures from different sources that still differ: a spread of estimates when at
    least one is a closed estimate ("about 5,200" against "more than 4,000"). Two open bounds
    ("over 11,000", "more than 10,000") or an unattributed figure never start one."""
    attrs = {i.attribution for i in group}
    if None in attrs or len(attrs) < 2:
        return None
    if not any(i.quantity.low is not None and i.quantity.high is not None for i in group):
        return None
    if len({(i.quantity.low, i.quantity.high) for i in group}) < 2:
        return None
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for i in group:
        by_source[i.attribution or ""].append(i)
    values = [_value(" / ".join(dict.fromkeys(i.quantity.text for i in its)), its, key)
              for _, its in sorted(by_source.items())]
    return Conflict(
        id="", slot="quantity", kind="attributed_estimates", values=values,
        explanation=(f"Estimates of {what} from {len(by_source)} sources differ but their ranges overlap: "
                     + "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in values)
                     + ". A spread of attributed estimates, not a contradiction."),
        best_supported=None,
    )
