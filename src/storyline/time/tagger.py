"""The tagger: grammar candidates, checked against the parse, normalised in text order.

Text order matters because anaphors ("a month later", "in October of the same year") count from
the last calendar time the discourse resolved, which is updated as the tagger goes. A day named
without its year or week ("on Nov. 13", "on Thursday") is kept too: day arithmetic ("the previous
day") counts from it, year anaphora ("the same year") from the last time with a known year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from storyline.model import TimeExpr
from storyline.time import calendar_math as cm
from storyline.time import eventrel
from storyline.time.grammar import Candidate, find_candidates, settle
from storyline.time.lexicon import CHRONOLOGY_LABEL, MONTHS, VAGUE_LEAD, WEEKDAYS
from storyline.time.ranges import RANGE_OPEN, RANGE_TO, weekday_range_starts
from storyline.time.resolve import Anchor, Context, Norm, Partial, normalise
from storyline.time.tense import Tense, clause_tense, relative_clause_end, settled, tail_report_day
from storyline.time.values import interval

_TIME_NOUNS = {
    "year", "month", "week", "day", "quarter", "season", "period", "time", "summer", "winter", "spring",
    "fall", "autumn", "decade", "century", "election", "budget", "model", "census", "olympics",
}  # fmt: skip
_DISCOURSE_ONLY = {"period", "event_rel"}  # rules that only the discourse can confirm, decided when normalising
_REJECT_ENTS = {"MONEY", "PERCENT", "QUANTITY"}
_MONTH_WORDS = {"may", "march", "june", "august", "april"}
_CUE = re.compile(r"\b([A-Za-z]+)\s+$")
#: What may stand before a live entry's clock time on its line: a bullet, a dash, a bold marker.
_LINE_LEAD = re.compile(r"[^\w\n]{0,3}")
#: Words a day line may carry besides its date ("Live coverage, Thursday 14 May 2026", "Updated").
DAY_LINE_WORDS = 3


#: A day told as the one just named, right after a clock time ("at 21:14 that evening"): the clock
#: time is of the day the text told before, even in a new paragraph.
_THAT_DAY = re.compile(r"\s+(?:on\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b", re.IGNORECASE)


def _day_line(text: str, c: Candidate) -> bool:
    """The date stands alone on its line, give or take ``DAY_LINE_WORDS`` words: a live page's day
    header, under which the entries' bare clock times fall."""
    start = text.rfind("\n", 0, c.start) + 1
    end = text.find("\n", c.end)
    rest = text[start:c.start] + " " + text[c.end:end if end >= 0 else len(text)]
    return len(re.findall(r"\w+", rest)) <= DAY_LINE_WORDS


#: A live entry's clock stamp opening its line ("01:20", "- 9.05 pm").
_STAMP_LINE = re.compile(r"^[^\w\n]{0,3}(\d{1,2})[:.](\d{2})(?![\d:.]\d)(?:\s*([ap])\.?\s?m\b\.?)?", re.MULTILINE | re.IGNORECASE)
#: A day or a month named on a line: a live page's day line ends the run of stamps before it.
_ANY_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_WORD = re.compile(rf"\b(?:{'|'.join(w for w in WEEKDAYS if w.endswith('day'))})\b|\b(?:{_ANY_MONTH})\.?\s+\d|"
                       rf"\d\s+(?:{_ANY_MONTH})\b", re.IGNORECASE)
#: Stamps a run needs before its order (newest first or last) is read from them.
MIN_RUN = 3
#: A fall of the clock this large between two entries in the page's order is a night that passed.
_MIDNIGHT_FALL = 12 * 60


_CLOCK_LED = re.compile(r"[^\w\n]{0,3}\d{1,2}[:.h]\d{2}\b")


@lru_cache(maxsize=8)
def _chronology_lines(text: str) -> frozenset[int]:
    """The starts of the lines that are items of a chronology (under "Timeline of the response"),
    whose clock times fall on the day the text told, not on the page's day: each line is ruled by
    the nearest line above it that is neither blank nor clock-led. One pass per text (a live page
    asks for every entry)."""
    items: set[int] = set()
    under_label = False
    start = 0
    for line in text.split("\n"):
        if under_label:
            items.add(start)
        body = line.strip()
        if body and not _CLOCK_LED.match(body):
            under_label = bool(CHRONOLOGY_LABEL.match(body))
        start += len(line) + 1
    return frozenset(items)


def _in_chronology(text: str, line: int) -> bool:
    """The clock-led line starting at ``line`` is an item of a chronology."""
    return line in _chronology_lines(text)


def stamp_days(text: str) -> list[tuple[int, int]]:
    """(line start, days after the page's day) of a live page's entries, in text order: a live
    page's clock stamps run one way (newest first or last), and where, read in time order, the
    clock falls by more than half a day ("23:10" then "00:40"), midnight has passed. A run of
    stamps ends at a day line ("Friday 10 April" alone on its line, listed with 0 days: its own
    date says which day it is); a run shorter than ``MIN_RUN`` says nothing."""
    runs: list[list[tuple[int, int]]] = [[]]
    breaks: list[int] = []
    for line_start, line in _lines(text):
        m = _STAMP_LINE.match(line)
        if m is None:
            if _DAY_WORD.search(line) and len(re.findall(r"\w+", line)) <= 8:
                runs.append([])
                breaks.append(line_start)
            continue
        hour, minute = int(m[1]), int(m[2])
        if hour > 23 or minute > 59 or (m[3] and hour > 12):
            continue
        if m[3]:
            hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
        runs[-1].append((line_start, hour * 60 + minute))
    out: list[tuple[int, int]] = [(b, 0) for b in breaks]
    for run in runs:
        if len(run) < MIN_RUN:
            continue
        falls = sum(1 for (_, a), (_, b) in pairwise(run) if b < a)
        ordered = run[::-1] if falls * 2 > len(run) - 1 else run  # newest first: read it bottom up
        days = 0
        out.append((ordered[0][0], 0))
        for (_, before), (start, clock) in pairwise(ordered):
            if before - clock > _MIDNIGHT_FALL:
                days += 1
            out.append((start, days))
    return sorted(out)


def _lines(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, line))
        at += len(line) + 1
    return out


def _days_later(a: Anchor | None, days: int) -> Anchor | None:
    if a is None or a.date is None or not days:
        return a
    d = cm.shift_day(a.date, days)
    return Anchor(d.year, d.month, d.day)


@dataclass
class Tagged:
    """A time expression with the tense of its clause (document dating uses the tense)."""

    expr: TimeExpr
    tense: Tense
    #: told as done or as now (``tense.settled``); a date that is not bounds no writing date
    settled: bool = True


class _TokenIndex:
    """Char offset -> token, for looking up the parse under a regex match."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []

    def span(self, start: int, end: int) -> Span | None:
        if not self.starts:
            return None
        i = max(bisect_right(self.starts, start) - 1, 0)
        j = max(bisect_right(self.starts, end - 1) - 1, i)
        return self.doc[i : j + 1]


#: Day words that end a name when capitalised after a capitalised word ("Harbour Today").
_DEICTIC_NAME_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday"})


def _rejected(c: Candidate, span: Span | None, text: str) -> bool:
    """Parse-based vetoes: "may" the modal, "March" the verb, "fall" the verb, numbers that are not years."""
    low = c.text.lower()
    if span is None:
        return False
    first = span[0]
    if c.rule == "month" and low.split()[-1] in _MONTH_WORDS and len(span) == 1:
        if first.tag_ == "MD" or first.pos_ in ("VERB", "AUX"):
            return True
        if low == "may" and (first.is_sent_start or (first.i + 1 < len(first.doc) and first.nbor(1).pos_ in ("VERB", "AUX", "PRON"))):
            return True
    if c.rule == "season" and low in ("fall", "spring") and first.pos_ in ("VERB", "AUX"):
        return True
    if c.rule == "year" and re.fullmatch(r"\d{4}", c.text):
        tok = first
        if tok.ent_type_ in _REJECT_ENTS:
            return True
        counts = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lemma_ not in _TIME_NOUNS
        # "2000 troops" counts; "1990 BellSouth earnings", "its 1989 operating results" are years
        if counts and (tok.head.i == tok.i + 1 or tok.ent_type_ != "DATE"):
            return True
        if c.start > 0 and text[max(0, c.start - 4) : c.start].rstrip().endswith(("No.", "#", "No")):
            return True
    if c.rule in ("narrated_weekday", "rel_weekday") and re.match(r"\s+[A-Z]", text[c.end : c.end + 3]) and (
            low.startswith("the ") or re.search(r"\b[Tt]he\s+$", text[max(0, c.start - 5) : c.start])):
        return True  # "The Sunday Standard", "the Monday Club": a name
    if c.rule == "narrated_weekday" and span.end < len(span.doc) and span.doc[span.end].pos_ in ("NOUN", "PROPN"):
        return True  # "the Friday summit": the summit's day, counted as a bare weekday
    if low in _DEICTIC_NAME_WORDS and c.text[:1].isupper() and not first.is_sent_start and first.i > 0 \
            and first.nbor(-1).text[:1].isupper() and first.nbor(-1).is_alpha:
        return True  # "told Kestral Today", "on Channel Tonight": a capitalised word of a name
    if c.rule == "rel_unit" and first.tag_ != "DT" and any(x.dep_ == "poss" and x.i < first.i for x in span.root.children):
        return True  # "the festival's last day was called off", "his last week in office": a possessed period, not the page's
    if c.rule == "later" and re.match(r"\s+than\b", text[c.end : c.end + 6], re.IGNORECASE):
        return True  # "a day later than the service had hoped": a gap from an unknown date, not a date
    if c.rule == "ref" and low == "now" and first.is_sent_start and text[c.end : c.end + 1] == ",":
        return True
    # "three-quarters of the vote", "a quarter of the population": fractions, not periods
    fraction = re.search(r"\w-quarters?$", low) or re.match(r"\s+of\b", text[c.end : c.end + 5])
    if c.rule == "duration" and re.search(r"quarters?$", low) and fraction:
        return True
    if c.rule == "duration" and re.match(r"^(?:a|an|one)\s+second$", low):
        nxt = text[c.end : c.end + 12].lower()
        if not re.match(r"^\s*(?:later|ago|earlier|or|[,.;)])", nxt):
            return True
    return False


def _backward(c: Candidate) -> bool:
    """A flashback ("a year earlier", "two weeks ago", "the year-ago quarter") that the narrative
    does not move to, so it must not become the anchor of the next anaphor."""
    return c.rule in ("ago", "year_ago_adj") or (
        c.rule == "later" and not re.search(r"(?:later|after|afterwards?)$", c.text, re.I)
    )


def _to_expr(c: Candidate, norm: Norm, tense: Tense = None) -> TimeExpr:
    text, start, end = c.text, c.start, c.end
    if c.rule == "duration" and text.lower().startswith("the ") and re.search(r"\d-[a-z]", text):
        start += 4
        text = text[4:]
    if norm.type in ("DATE", "TIME"):
        lo, hi = interval(norm.value)
        if norm.earliest and norm.latest:
            lo, hi = norm.earliest, norm.latest
    else:
        lo, hi = None, None
    return TimeExpr(
        text=text,
        start=start,
        end=end,
        type=norm.type,
        value=norm.value,
        earliest=lo,
        latest=hi,
        mod=norm.mod,
        anchor=norm.anchor,
        anchor_kind=norm.anchor_kind,
        quant=norm.quant,
        freq=norm.freq,
        tense=tense,
    )


def _model_spans(doc: Doc, chosen: list[Candidate], probe: Context, text: str) -> list[Candidate]:
    """spaCy DATE/TIME entities the grammar did not cover, when the fallback normaliser takes them.

    ``text`` is ``doc.text`` read once: spaCy rebuilds it on every access, which made this loop
    quadratic on long articles.
    """
    extra: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < c.end and c.start < e for c in chosen):
            continue
        cand = Candidate(s, e, "spacy", text[s:e])
        if normalise("spacy", cand.text, probe) is not None:
            extra.append(cand)
    return extra


@dataclass
class Selection:
    """The spans a text's time expressions occupy, with the clause tense of each.

    Which spans are time expressions does not depend on the anchor, so a document that is
    normalised twice (once without an anchor to date it, once against that date) is scanned once.
    """

    spans: list[tuple[Candidate, Tense, bool]]
    text: str = ""
    #: index of each span that dates a restrictive relative clause -> where the clause ends: it does
    #: not move the narrative's day (``tense.relative_clause_end``)
    asides: dict[int, int] = field(default_factory=dict)
    #: index of each span that dates a teller after what it tells ("..., police said Friday"):
    #: it does not move the narrative's day either (``tense.tail_report_day``)
    reports: set[int] = field(default_factory=set)


def select(doc: Doc, text: str | None = None) -> Selection:
    """Grammar candidates vetted by the parse, overlaps settled, plus model-only spans. ``text``
    is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on every access)."""
    text = doc.text if text is None else text
    index = _TokenIndex(doc)
    probe = Context(None)

    def accept(c: Candidate) -> bool:
        if _rejected(c, index.span(c.start, c.end), text):
            return False
        return c.rule in _DISCOURSE_ONLY or normalise(c.rule, c.text, probe) is not None

    chosen = settle(find_candidates(text), accept)
    chosen = sorted(chosen + _model_spans(doc, chosen, probe, text), key=lambda c: c.start)
    spans: list[tuple[Candidate, Tense, bool]] = []
    asides: dict[int, int] = {}
    reports: set[int] = set()
    for c in chosen:
        span = index.span(c.start, c.end)
        tense = clause_tense(span, text[max(0, c.start - 40) : c.start]) if span is not None else None
        if span is not None and (end := relative_clause_end(span)) is not None:
            asides[len(spans)] = end
        elif span is not None and tail_report_day(span):
            reports.add(len(spans))
        spans.append((c, tense, span is None or settled(span)))
    # a period a plan covers ("will audit every contract from 2031 to 2035")
    # is what it covers, not when it is done: neither end bounds the writing
    opens = {i for i, (a, b) in enumerate(pairwise(spans))
             if a[1] == b[1] == "future" and RANGE_OPEN.search(text, max(0, a[0].start - 10), a[0].start)
             and RANGE_TO.fullmatch(text, a[0].end, b[0].start)}
    ends = opens | {i + 1 for i in opens}
    # ... and its opening day may have passed when the plan is told ("are due to run from 2 March
    # until 13 March", written on 4 March): the range's end is ahead, its start the nearest of its name
    return Selection([(c, None if i in opens else tense, done and i not in ends)
                      for i, (c, tense, done) in enumerate(spans)], text, asides, reports)


#: "for" right before an expression: what follows is a length ("for 19 days before the outbreak").
_FOR_BEFORE = re.compile(rf"\bfor\s+{VAGUE_LEAD}$", re.IGNORECASE)


def _words_alone(c: Candidate, ctx: Context) -> tuple[Candidate, Norm | None]:
    """The expression an unresolved event-relative span begins with ("90 days" of "90 days after
    their issue"), normalised on its own, or None."""
    for sub in find_candidates(c.text, everywhere=True):
        if sub.start == 0 and sub.rule != "event_rel" and (norm := normalise(sub.rule, sub.text, ctx)) is not None:
            return Candidate(c.start, c.start + sub.end, sub.rule, sub.text), norm
    return c, None


def tag_doc(doc: Doc, anchor: Anchor | None, selection: Selection | None = None) -> list[Tagged]:
    """Tag and normalise every time expression of a parsed text against a document anchor."""
    if selection is None:
        selection = select(doc)
    discourse: Anchor | None = None
    partial: Partial | None = None  # a later day named without its year or week
    day: Anchor | Partial | None = None  # the latest day named, with or without its year
    discourse_at = 0
    dated = anchor is not None and anchor.date is not None
    lede: Anchor | None = None  # the first day the text tells a past event on: the day its report opens on
    lede_at = 0
    header: Anchor | None = None  # the latest day line ("Thursday 14 May 2026" alone on its line)
    header_at = -1
    out: list[Tagged] = []
    days: list[tuple[int, int, Anchor]] = []  # the days resolved so far, for "the day after the vote"
    later = stamp_days(selection.text) if dated else []  # live entries, some written after midnight
    later_at = [start for start, _ in later]
    inner: tuple[Anchor, int, int] | None = None  # a restrictive relative clause's day, where it is, where the clause ends
    for k, (c, tense, done) in enumerate(selection.spans):
        # a bare clock time looks back for its day only within its paragraph: a new paragraph of
        # a dated report returns to the day its lede told ("gave way on Sunday morning." / "found
        # seepage on Saturday evening." / "The embankment failed at about 9:40 a.m.")
        new_paragraph = dated and "\n" in selection.text[discourse_at:c.start]
        # "at 21:14 that evening": the clock time is of the latest day told, however far back
        that_day = discourse if discourse is not None and discourse.day is not None \
            and _THAT_DAY.match(selection.text, c.end) else None
        distance = c.start - discourse_at if (discourse or partial) is not None and not new_paragraph else None
        narrative = discourse
        if inner is not None and c.start < inner[2]:  # inside the clause, its own day is the one to count from
            narrative, distance = inner[0], c.start - inner[1]
        cue = _CUE.search(selection.text[max(0, c.start - 12) : c.start])
        line = selection.text.rfind("\n", 0, c.start) + 1
        # a clock time that opens its line stamps a live entry: the entry was written on the page's
        # day (its latest day line), whatever day the entries before it talked about
        led = dated and bool(_LINE_LEAD.fullmatch(selection.text[line:c.start]))
        # ... unless the line is an item of a chronology ("Timeline of the response"), whose clock times
        # fall on the day the text told before it
        told = discourse if led and discourse is not None and discourse.day is not None \
            and _in_chronology(selection.text, line) else None
        stamp = (header or anchor) if led and told is None else None
        # ... and an entry written after midnight, on the next day: its "today" is that day too
        entry = bisect_right(later_at, c.start) - 1
        shift = later[entry][1] if entry >= 0 else 0
        stamp = _days_later(stamp, shift)
        ctx = Context(_days_later(anchor, shift), narrative, tense, distance, partial, cue[1] if cue else None, day,
                      stamp or told or that_day or ((header if header_at > lede_at else lede) if new_paragraph else None),
                      possessive=selection.text[c.end : c.end + 2] in ("'s", "\u2019s"))
        if c.rule == "event_rel":  # "the day after the shelling": from the day the text told it
            # ... but "had been shut for 19 days before the outbreak" is how long, up to that day
            lasting = _FOR_BEFORE.search(selection.text, max(0, c.start - 12), c.start) is not None
            norm = None if lasting else eventrel.resolve(c.text, selection.text, c.start, days)
            if norm is None:  # no earlier day of that happening: what the words alone say ("90 days")
                c, norm = _words_alone(c, ctx)
                if norm is None:
                    continue
        else:
            norm = normalise(c.rule, c.text, ctx)
        if norm is None:
            continue
        expr = _to_expr(c, norm, tense)
        if shift and expr.anchor_kind == "document":
            # counted from the entry's day, not the page's: no later writing date re-reads it
            expr = replace(expr, anchor_kind="discourse")
        # "would review every contract since March 2029": what a clause of any tense counts from
        # has begun, and bounds the writing date from below, never from above
        out.append(Tagged(expr, "past" if cue and cue[1].lower() == "since" and tense == "future" else tense, done))
        if norm.type not in ("DATE", "TIME") or _backward(c):
            continue
        if k in selection.asides and (parsed := Anchor.parse(norm.value)) is not None and parsed.day is not None:
            # a restrictive relative clause's day does not move the narrative, but counts inside
            # its clause, may open the report's story and may be named again ("the day after the vote")
            inner = (parsed, c.end, selection.asides[k])
            days.append((c.start, c.end, parsed))
            if lede is None and tense == "past":
                lede, lede_at = parsed, c.end
            continue
        if k in selection.reports and (parsed := Anchor.parse(norm.value)) is not None and parsed.day is not None:
            # a teller's day does not move the narrative, but may be named again ("the day after
            # the statement") and may open the report ("..., its director said on Wednesday")
            days.append((c.start, c.end, parsed))
            if lede is None and tense == "past":
                lede, lede_at = parsed, c.end
            continue
        if re.match(r"^\d{4}", norm.value) and (parsed := Anchor.parse(norm.value)) is not None:
            discourse, discourse_at = parsed, c.end
            # "Thursday" in a year known but not its week ("2025-WXX-4") is still a day to count from
            partial = Partial.parse(norm.value) if parsed.day is None else None
            if parsed.day is not None or partial is not None:
                day = partial or parsed
            if parsed.day is not None:
                days.append((c.start, c.end, parsed))
            if lede is None and parsed.day is not None and tense == "past":  # a dateline has no tense
                lede, lede_at = parsed, c.end
            elif lede is not None and anchor is not None and parsed.day is not None and tense == "past" \
                    and lede.date == anchor.date and parsed.date != anchor.date \
                    and "\n" not in selection.text[lede_at:c.start]:
                # "has today opened an inquiry into the fire on Tuesday 10 March": the report opens
                # on the happening it is about, not on the writing day's act about it
                lede = parsed
            if parsed.day is not None and _day_line(selection.text, c) and not _STAMP_LINE.match(selection.text, line):
                header, header_at = parsed, c.end
        elif (named := Partial.parse(norm.value)) is not None:
            partial, day, discourse_at = named, named, c.end
    out = _range_start_year(_small_hours_after_evening(_clock_on_next_day(out, selection.text)), selection.text)
    starts = weekday_range_starts([t.expr for t in out], selection.text)
    return [replace(t, expr=e) if e is not t.expr else t for t, e in zip(out, starts, strict=True)]


_DATE_PARTS = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?$")


def _range_start_year(out: list[Tagged], text: str) -> list[Tagged]:
    """The year written once at the end of a range is its start's too ("from 18 January until 26
    February 2027"): a start without a year of its own, read against the writing date, takes the
    end's year, or the year before when its month comes after the end's ("from 12 December to
    4 January 2027")."""
    for k in range(len(out) - 1):
        start, end = out[k].expr, out[k + 1].expr
        a, b = _DATE_PARTS.match(start.value or ""), _DATE_PARTS.match(end.value or "")
        if a is None or b is None or start.type != "DATE" or end.type != "DATE" or start.anchor_kind != "document" \
                or not re.search(r"\d{4}", end.text) or re.search(r"\d{4}", start.text) \
                or not RANGE_OPEN.search(text, max(0, start.start - 10), start.start) \
                or RANGE_TO.fullmatch(text, start.end, end.start) is None:
            continue
        year = int(b.group(1)) - ((a.group(2), a.group(3) or "01") > (b.group(2), b.group(3) or "31"))
        if year == int(a.group(1)):
            continue
        was = a.group(1)
        out[k] = replace(out[k], expr=replace(start, value=_with_year(start.value, was, year) or start.value,
                                                  earliest=_with_year(start.earliest, was, year),
                                                  latest=_with_year(start.latest, was, year)))
    return out


def _with_year(value: str | None, was: str, year: int) -> str | None:
    return f"{year:04d}{value[4:]}" if value and value[:4] == was else value


#: Between a clock time and the day phrase after it that it falls on ("05:40 the following day").
_CLOCK_THEN_DAY = re.compile(r"\s*(?:on\s+)?")
_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
_CLOCK_VALUE = re.compile(r"^\d{4}-\d\d-\d\dT(\d\d:\d\d)$")


#: A clock time's day and hour ("2031-04-13T18:40").
_DAY_CLOCK = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):\d\d")
#: The evening hours after which a small-hours clock time of the same narrative day is the next morning's.
_EVENING, _SMALL_HOURS = 18, 6


def _small_hours_after_evening(out: list[Tagged]) -> list[Tagged]:
    """A bare clock time in the small hours told after an evening clock time of the day the
    narrative is on ("At 6.40pm on Monday the keeper finished the feed ... a camera caught him at
    2.12am") is on the next day: the night ran on past midnight."""
    prev: tuple[str, int] | None = None  # the day and hour of the latest time of day told
    for k, tagged in enumerate(out):
        expr = tagged.expr
        m = _DAY_CLOCK.match(expr.value or "") if expr.type == "TIME" else None
        if m is None:
            if expr.type == "DATE" and _DAY_VALUE.match(expr.value or ""):
                prev = None  # another day told: the night is no longer running on
            continue
        day, hour = m.group(1), int(m.group(2))
        if prev is not None and expr.anchor_kind == "discourse" and prev[0] == day and _EVENING <= prev[1] < 24 \
                and hour < _SMALL_HOURS:  # ("midnight" is T24:00: the night has turned already)
            nxt = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
            out[k] = replace(tagged, expr=replace(expr, value=nxt + expr.value[10:], earliest=nxt, latest=nxt))
            day = nxt
        prev = (day, hour)
    return out


def _clock_on_next_day(out: list[Tagged], text: str) -> list[Tagged]:
    """A clock time written right before the day it falls on ("did not take off until 05:40 the
    following day", "at 9:15 the next morning") is on that day: the tagger read the clock first,
    against the day told before it."""
    for k in range(len(out) - 1):
        clock, day = out[k].expr, out[k + 1].expr
        m, d = _CLOCK_VALUE.match(clock.value or ""), _DAY_VALUE.match(day.value or "")
        if m is None or d is None or clock.type != "TIME" or day.anchor_kind != "discourse" \
                or _CLOCK_THEN_DAY.fullmatch(text[clock.end : day.start]) is None or clock.value[:10] == d.group(1):
            continue
        value = f"{d.group(1)}T{m.group(1)}"
        out[k] = replace(out[k], expr=replace(clock, value=value, earliest=d.group(1), latest=d.group(1)))
    return out
