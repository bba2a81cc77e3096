"""The one data model every stage shares.

Plain dataclasses, so that the NLP stages stay pure functions over values and the store and the
report writers (the I/O edges) are the only places that know about persistence or formats.
Every fact that reaches a report carries its evidence: the article, the sentence and a character
span into the article's cleaned ``body``. The classes are slotted: a large story holds hundreds
of thousands of these small objects through reconciliation, and a per-instance ``__dict__`` was a
large share of each one's size (no code may add attributes to them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DateSource = Literal["metadata", "dateline", "inferred"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Section = Literal["body", "headline", "teaser", "highlight"]
ConflictKind = Literal["contradiction", "attributed_estimates", "changed_over_time"]


def content_hash(text: str) -> str:
    """Hash of the whitespace-normalised text: the identity that makes ingest idempotent."""
    norm = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class PublishedDate:
    """When a document was written, with where that knowledge came from.

    ``source`` is ``metadata`` (trusted), ``dateline`` (a date printed at the top of a text page:
    on a portal page it is the page's date, not necessarily the article's, so it is a weak
    anchor) or ``inferred`` (a range read off the text). ``None`` everywhere means unknown: a
    date is never invented.
    """

    value: str | None = None
    source: DateSource | None = None
    earliest: str | None = None
    latest: str | None = None
    note: str | None = None
    portal: bool = False
    """True when a dateline belongs to a portal page listing other stories: then it bounds the
    article's date from above only (``latest``), and the article may be older."""
    month_day: str | None = None
    """A date printed without its year ("--05-14", from a wire dateline "May 14"): the value stays
    unknown here; reconciliation may take the year from the story's other articles."""

    @property
    def is_strong(self) -> bool:
        return self.source == "metadata" and self.value is not None


@dataclass(slots=True)
class RemovedPart:
    """A piece of the raw page the cleaner dropped, kept so that a user can audit the cut."""

    text: str
    reason: str
    line: int | None = None


@dataclass(slots=True)
class Teaser:
    """A headline (and summary) of another story printed on the same page."""

    headline: str
    summary: str | None = None


@dataclass(slots=True)
class Article:
    """One cleaned, dated article. ``body`` is the text every span in every later stage indexes."""

    id: str
    body: str
    content_hash: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: PublishedDate = field(default_factory=PublishedDate)
    teasers: list[Teaser] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    removed: list[RemovedPart] = field(default_factory=list)
    format: str = "text"
    raw_title: str | None = None

    @staticmethod
    def make_id(body: str) -> str:
        return content_hash(body)[:16]


@dataclass(slots=True)
class TimeExpr:
    """A time expression normalised to TIMEX3, with the interval it can denote.

    ``value`` is a TIMEX3 value (``2024-06-19``, ``XXXX-06-19``, ``2024-W23``, ``P1M``,
    ``PRESENT_REF``...). ``earliest``/``latest`` are ISO dates bounding the interval after
    resolution, ``None`` where it stays open. ``anchor`` is the value it was resolved against and
    ``anchor_kind`` says which anchor that was.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None
    anchor: str | None = None
    anchor_kind: Literal["absolute", "document", "discourse", "none"] = "absolute"
    quant: str | None = None
    freq: str | None = None
    tense: Literal["past", "present", "future"] | None = None
    """The tense of the clause it stands in: a weekday or a month resolved again once the writing
    date is known ("on Tuesday", "by September" in a page dated only later) needs its direction."""


@dataclass(slots=True)
class Quantity:
    """A number with its counted noun and its bounds. ``high`` None means unbounded above."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None = None
    approximate: bool = False
    increment: bool = False
    out_of_range: bool = False  # a figure too large to hold as a number: text kept, no bounds
    qualifier: str | None = None  # the participle that says which of the noun's things ("rejected ballots")
    role: str | None = None  # what the counted things are to the clause's event: "agent PROTEST", "patient move"


@dataclass(slots=True)
class Mention:
    """An entity mention in an article, with the titles/roles the article gives it there."""

    text: str
    start: int
    end: int
    label: str
    entity_id: str | None = None
    titles: list[str] = field(default_factory=list)
    sentence: int | None = None


@dataclass(slots=True)
class Entity:
    """A canonical entity across articles."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class RoleMention:
    """A title held by an entity according to one article, at the time that article describes."""

    entity_id: str
    title: str
    article_id: str
    sentence: int
    start: int
    end: int
    time: TimeExpr | None = None


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(slots=True)
class Claim:
    """An attributed assertion from one sentence; ``span`` slices ``Article.body`` to ``text``."""

    id: str
    article_id: str
    sentence: int
    text: str
    span: tuple[int, int]
    predicate: str | None = None
    agents: list[str] = field(default_factory=list)
    patients: list[str] = field(default_factory=list)
    time: TimeExpr | None = None
    place: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    attribution: str | None = None
    hedged: bool = False
    negated: bool = False
    modality: str | None = None
    event_type: str | None = None
    section: Section = "body"
    checkworthiness: float = 0.0
    entity_ids: list[str] = field(default_factory=list)
    trigger: tuple[int, int] | None = None
    """Span (into the body) of the word that names the event: the predicate or event noun."""
    parent: str | None = None
    """For an event told inside another claim's sentence (a relative or adverbial clause, a
    participle, a dated event noun, the reporting verb itself), the id of that sentence's claim."""


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the NLP stages found in one article."""

    article_id: str
    published: PublishedDate | None = None
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)


@dataclass(slots=True)
class EventTime:
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    evidence: str | None = None


@dataclass(slots=True)
class Event:
    """Claims about one real-world event, across articles."""

    id: str
    label: str
    time: EventTime = field(default_factory=EventTime)
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    event_type: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    timeline: bool = True
    """On the story's timeline (a happening of the story's own period), or background: history,
    generic statements, undated scene-setting, opinion, plans."""
    salience: float = 0.0
    """0-1: how central the event is to the story (sources telling it, precision of its date,
    its type, its participants), the order a reader scans the timeline in."""
    placement: str | None = None
    """Why the event is on the timeline or in the background, in words."""


@dataclass(slots=True)
class ConflictValue:
    value: str
    article_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    id: str
    slot: str
    kind: ConflictKind
    values: list[ConflictValue]
    explanation: str
    event_id: str | None = None
    best_supported: str | None = None


@dataclass(slots=True)
class SourceProfile:
    """What one outlet/article contributed, and how it behaves."""

    article_id: str
    outlet: str | None
    claims: int
    conflicts_with_consensus: int
    attribution_rate: float
    sensational_signals: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    sources: list[SourceProfile] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """JSON-ready dict of any model object (tuples become lists)."""
    return asdict(obj) if hasattr(obj, "__dataclass_fields__") else obj
