"""What the pages show, computed from a ``Report``: filtered timelines, highlighted passages.

Highlighting returns segments (text, mark or None), never HTML: the templates escape every
segment, so article text can never become markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.model import Article, Claim, Conflict, Event, Report
from storyline.report.common import article_name, background, timeline

if TYPE_CHECKING:
    from storyline.web.charts import Chart

T = TypeVar("T")
Segment = tuple[str, str | None]
"""A piece of text and the kind of mark on it (``None``: plain)."""


@dataclass
class Filters:
    """The story page's filters, as query parameters give them (empty: no filter)."""

    start: str = ""
    end: str = ""
    type: str = ""
    outlet: str = ""
    source: str = ""

    @property
    def active(self) -> bool:
        return any((self.start, self.end, self.type, self.outlet, self.source))


@dataclass
class Index:
    """Lookups over one report, built once per report version and shared by every page.

    What the story page needs whatever its filters (the sorted timeline and background, each
    event's outlets and sources, the filter choices, the charts) is computed on first use and
    kept, so a page of a large story renders without walking every claim again."""

    report: Report
    claims: dict[str, Claim] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    conflicts_of: dict[str, list[Conflict]] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)
    _kept: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, report: Report) -> Index:
        ix = cls(report, {c.id: c for c in report.claims}, {a.id: a for a in report.articles},
                 {e.id: e for e in report.events}, {c.id: c for c in report.conflicts})
        for c in report.conflicts:
            if c.event_id:
                ix.conflicts_of.setdefault(c.event_id, []).append(c)
        ix.entity_names = {e.id: e.name for e in report.entities}
        return ix

    def _keep(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per index (a race computes it twice, harmlessly)."""
        if key not in self._kept:
            self._kept[key] = make()
        value: T = self._kept[key]
        return value

    def outlet(self, article_id: str) -> str:
        a = self.articles.get(article_id)
        return article_name(a) if a else article_id

    def outlets(self) -> list[str]:
        return self._keep("outlets", lambda: sorted({article_name(a) for a in self.report.articles}))

    def sources(self) -> list[str]:
        return self._keep("sources", lambda: sorted({c.attribution for c in self.report.claims if c.attribution}))

    def types(self) -> list[str]:
        return self._keep("types", lambda: sorted({e.event_type for e in self.report.events if e.event_type}))

    def event_sources(self, e: Event) -> list[str]:
        by_event: dict[str, list[str]] = self._keep("event_sources", dict)
        if e.id not in by_event:
            by_event[e.id] = sorted({c.attribution for i in e.claim_ids
                                     if (c := self.claims.get(i)) and c.attribution})
        return by_event[e.id]

    def event_outlets(self, e: Event) -> list[str]:
        by_event: dict[str, list[str]] = self._keep("event_outlets", dict)
        if e.id not in by_event:
            by_event[e.id] = sorted({self.outlet(a) for a in e.article_ids})
        return by_event[e.id]

    def charts(self) -> list[Chart]:
        from storyline.web.charts import charts

        return self._keep("charts", lambda: charts(self))

    def participant(self, ref: str) -> str:
        return self.entity_names.get(ref, ref)

    def keep(self, e: Event, f: Filters) -> bool:
        """Whether the event passes the filters; a date filter drops undated events."""
        if f.type and e.event_type != f.type:
            return False
        if f.outlet and f.outlet not in self.event_outlets(e):
            return False
        if f.source and f.source not in self.event_sources(e):
            return False
        if f.start or f.end:
            first = e.time.earliest or _iso(e.time.value)
            last = e.time.latest or _iso(e.time.value)
            if not first or not last:
                return False
            if f.start and last < f.start:
                return False
            if f.end and first > f.end:
                return False
        return True

    def timeline(self, f: Filters) -> list[Event]:
        every = self._keep("timeline", lambda: timeline(self.report))
        return [e for e in every if self.keep(e, f)] if f.active else every

    def background(self, f: Filters) -> list[Event]:
        every = self._keep("background", lambda: background(self.report))
        return [e for e in every if self.keep(e, f)] if f.active else every


def _iso(value: str | None) -> str | None:
    """A TIMEX value usable as a date bound, or None (``XXXX-06-19``, ``PRESENT_REF``...)."""
    if not value or not value[:4].isdigit():
        return None
    return value


def segments(text: str, marks: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """``text`` cut into plain and marked pieces; overlapping marks: the earlier one wins."""
    out: list[Segment] = []
    pos = 0
    for start, end, kind in sorted(marks, key=lambda m: (m[0], -m[1])):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], kind))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def context(article: Article, span: tuple[int, int], width: int = 280) -> list[Segment]:
    """The sentence at ``span`` marked, with up to ``width`` characters either side (cut at a
    word boundary) so a reader sees what it says in its place."""
    body = article.body
    start, end = max(0, span[0]), min(len(body), span[1])
    left = max(0, start - width)
    if left:
        left = body.find(" ", left, start) + 1 or left
    right = min(len(body), end + width)
    if right < len(body):
        cut = body.rfind(" ", end, right)
        right = cut if cut > 0 else right
    pieces = segments(body[left:right], [(start - left, end - left, "evidence")])
    if left:
        pieces.insert(0, ("… ", None))
    if right < len(body):
        pieces.append((" …", None))
    return pieces


def article_marks(ix: Index, article: Article, chosen: str | None) -> list[Segment]:
    """The article's body with the chosen claim as evidence, time expressions and the other
    claims' sentences marked."""
    marks: list[tuple[int, int, str]] = []
    own = [c for c in ix.report.claims if c.article_id == article.id and c.section == "body"]
    for c in own:
        if c.time is not None and 0 <= c.time.start < c.time.end <= len(article.body):
            marks.append((c.time.start, c.time.end, "time"))
    for c in own:
        marks.append((c.span[0], c.span[1], "evidence" if c.id == chosen else "claim"))
    # a chosen claim's span wins over the marks inside it; time marks win over plain claims
    order = {"evidence": 0, "time": 1, "claim": 2}
    chosen_marks = [m for m in marks if m[2] == "evidence"]
    if chosen_marks:
        s, e, _ = chosen_marks[0]
        marks = [m for m in marks if m[2] == "evidence" or m[1] <= s or m[0] >= e]
    return _layered(article.body, marks, order)


def _layered(text: str, marks: list[tuple[int, int, str]], order: dict[str, int]) -> list[Segment]:
    """Like ``segments``, but a higher-priority mark cuts a lower one instead of losing to it."""
    kind_at: list[str | None] = [None] * len(text)
    for start, end, kind in sorted(marks, key=lambda m: -order[m[2]]):
        for i in range(max(0, start), min(end, len(text))):
            kind_at[i] = kind
    out: list[Segment] = []
    pos = 0
    while pos < len(text):
        here = kind_at[pos]
        stop = pos
        while stop < len(text) and kind_at[stop] == here:
            stop += 1
        out.append((text[pos:stop], here))
        pos = stop
    return out


def snippet(text: str, marks: tuple[str, str]) -> list[Segment]:
    """A search snippet whose matches are wrapped in ``marks`` (characters no body holds)."""
    out: list[Segment] = []
    for i, part in enumerate(text.split(marks[0])):
        if i == 0:
            out.append((part.replace(marks[1], ""), None))
            continue
        hit, _, rest = part.partition(marks[1])
        out += [(hit, "hit"), (rest, None)]
    return [s for s in out if s[0]]


def page(items: list[object], offset: int, limit: int) -> list[object]:
    return items[max(0, offset): max(0, offset) + max(1, limit)]
