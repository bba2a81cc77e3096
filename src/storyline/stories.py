"""Stories: a store holds many, each with its articles and one analysis kept up to date.

The Python API the CLI mirrors::

    from storyline.stories import Stories

    with Stories("news.db") as db:
        update = db.add("harbour-fire", ["new/", "https://example.org/feed.xml"])
        print(update.describe())          # what changed: new events, conflicts, consensus
        db.stories()                      # StoryInfo rows
        report = db.report("harbour-fire")

Adding articles stores them (idempotent by content hash), puts them in the story (adding one
twice is a no-op, and says so), then brings the story's analysis up to date: only articles
without a stored extraction are parsed (``storyline.analysis``), the story's one analysis is
replaced in place, and what changed is recorded in its history and returned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.model import Article, Report
from storyline.store.errors import StoreError
from storyline.store.stories import StoryInfo, check_name, story_key

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from storyline.ingest.base import IngestError
    from storyline.store import Store

Progress = Callable[[str], None]
MAX_LINES = 25
"""Changes printed by ``describe`` (the history keeps them all)."""


@dataclass
class Update:
    """What one ``add`` did to a story."""

    story: str
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    parsed: int = 0
    rebuilt: int = 0
    analysed: bool = False
    new_events: list[dict[str, Any]] = field(default_factory=list)
    gone_events: list[dict[str, Any]] = field(default_factory=list)
    new_conflicts: list[dict[str, Any]] = field(default_factory=list)
    changed_consensus: list[dict[str, Any]] = field(default_factory=list)
    report: Report | None = None
    written: dict[str, int] = field(default_factory=dict)
    """Rows of the stored analysis written by this update, per table (the rest were unchanged)."""

    def change(self) -> dict[str, Any]:
        """The history entry (JSON-ready)."""
        return {"added": self.added, "already": self.already, "parsed": self.parsed, "rebuilt": self.rebuilt,
                "new_events": self.new_events, "gone_events": self.gone_events,
                "new_conflicts": self.new_conflicts, "changed_consensus": self.changed_consensus}

    def describe(self) -> list[str]:
        """Lines for a person: what was added and what the analysis now says differently."""
        lines = [f"story {self.story!r}: added {len(self.added)} article(s), "
                 f"{len(self.already)} already in the story, {len(self.errors)} input(s) failed"]
        if not self.analysed:
            lines.append("nothing new: the analysis is unchanged")
            return lines
        lines.append(f"parsed {self.parsed} article(s); claims of {self.rebuilt} rebuilt for the new context")
        shown = [
            *(f"+ event {e['time'] or 'undated'}: {e['label']}" for e in self.new_events),
            *(f"- event {e['time'] or 'undated'}: {e['label']} (merged into another)" for e in self.gone_events),
            *(f"! conflict on {c['slot']}: {c['explanation']}" for c in self.new_conflicts),
            *(f"~ {c['what']}: {c['before']} -> {c['after']}" for c in self.changed_consensus),
        ]
        lines.append(f"{len(self.new_events)} new event(s), {len(self.gone_events)} merged, "
                     f"{len(self.new_conflicts)} new conflict(s), {len(self.changed_consensus)} change(s) of consensus")
        lines += shown[:MAX_LINES] + ([f"... and {len(shown) - MAX_LINES} more"] if len(shown) > MAX_LINES else [])
        return lines


def summary(report: Report, version: str) -> dict[str, Any]:
    """What the next update is compared against: events and conflicts with the claims they rest
    on (their ids change when a cluster grows; their claims stay), and each one's consensus."""
    return {
        "version": version,
        "events": [{"label": e.label, "time": e.time.value, "claims": e.claim_ids} for e in report.events],
        "conflicts": [{"slot": c.slot, "explanation": c.explanation, "best": c.best_supported,
                       "claims": sorted({i for v in c.values for i in v.claim_ids})} for c in report.conflicts],
    }


class _Index:
    """Earlier items by the claims they rest on, so that matching an item looks only at those
    sharing a claim with it (a scan of every earlier item per item was quadratic: most of an
    update's time on a story of a few hundred articles)."""

    def __init__(self, old: list[dict[str, Any]]) -> None:
        self.old = old
        self.sets = [set(o["claims"]) for o in old]
        self.by_claim: dict[Any, list[int]] = defaultdict(list)
        for i, claims in enumerate(self.sets):
            for c in claims:
                self.by_claim[c].append(i)

    def match(self, item: dict[str, Any], same: Callable[[dict[str, Any]], bool],
              taken: set[int]) -> dict[str, Any] | None:
        """The earlier item whose claims overlap ``item``'s most (Jaccard: a claim can belong to
        two events, and an unchanged event must find itself), among those where ``same`` holds
        and not ``taken`` by an earlier match (two events resting on the same claims stay two);
        on a tie, the earliest."""
        mine = set(item["claims"])
        shared: Counter[int] = Counter(i for c in mine for i in self.by_claim.get(c, ()))
        best, score = None, 0.0
        for i in sorted(shared):
            o = self.old[i]
            n = shared[i]
            if same(o) and id(o) not in taken:
                jaccard = n / len(mine.union(self.sets[i]))
                if jaccard > score:
                    best, score = o, jaccard
        return best


def _brief(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "claims"}


def _diff(update: Update, before: dict[str, Any] | None, after: dict[str, Any]) -> None:
    old_events: list[dict[str, Any]] = (before or {}).get("events", [])
    old_conflicts: list[dict[str, Any]] = (before or {}).get("conflicts", [])
    seen: set[int] = set()
    events = _Index(old_events)
    for e in after["events"]:
        was = events.match(e, lambda _o: True, seen)
        if was is None:
            update.new_events.append(_brief(e))
            continue
        seen.add(id(was))
        if was["time"] != e["time"]:
            update.changed_consensus.append({"what": f"date of {e['label']!r}", "before": was["time"],
                                             "after": e["time"]})
    update.gone_events = [_brief(o) for o in old_events if id(o) not in seen]
    matched: set[int] = set()
    conflicts = _Index(old_conflicts)
    for c in after["conflicts"]:
        slot = c["slot"]

        def same_slot(o: dict[str, Any], slot: str = slot) -> bool:
            return bool(o["slot"] == slot)

        was = conflicts.match(c, same_slot, matched)
        if was is not None:
            matched.add(id(was))
        if was is None:
            update.new_conflicts.append(_brief(c))
        elif was["best"] != c["best"]:
            update.changed_consensus.append({"what": f"best supported {c['slot']}", "before": was["best"],
                                             "after": c["best"]})


def add_articles(store: Store, story: str, articles: Sequence[Article], *, n_process: int = 1,
                 progress: Progress | None = None, errors: Sequence[IngestError] = ()) -> Update:
    """Store ``articles``, put them in ``story`` and bring its analysis up to date."""
    from storyline.ingest.base import IngestError as Error
    from storyline.pipeline import MAX_BODY_CHARS

    story = check_name(story)
    update = Update(story, errors=list(errors))
    fit = []
    for a in articles:
        if len(a.body) > MAX_BODY_CHARS:
            update.errors.append(Error(a.path or a.url or a.id, f"body has {len(a.body):,} characters; "
                                       f"analysis takes at most {MAX_BODY_CHARS:,}"))
        else:
            fit.append(a)
    store.add_articles(fit)
    result = store.add_to_story(story, [a.id for a in fit])
    update.added, update.already = result.added, result.already
    return bring_up_to_date(store, story, update, n_process=n_process, progress=progress)


def bring_up_to_date(store: Store, story: str, update: Update | None = None, *, n_process: int = 1,
                     progress: Progress | None = None) -> Update:
    """Analyse the story again if anything changed (new articles, a new extraction version)."""
    from storyline.analysis import analyze_stored, collector_sparing
    from storyline.extraction import extraction_version
    from storyline.store.report_rows import update_report

    update = update or Update(story)
    version = extraction_version()
    before = store.story_summary(story)
    if not update.added and before is not None and before.get("version") == version:
        return update  # nothing new, and the stored analysis is of this version of the code
    with collector_sparing():
        articles = store.story_articles(story)
        outcome = analyze_stored(articles, store, n_process=n_process, progress=progress)
        update.analysed, update.parsed, update.rebuilt = True, outcome.parsed, outcome.rebuilt
        update.report = outcome.report
        after = summary(outcome.report, version)
        _diff(update, before, after)

        def record(conn: Connection, stored: dict[str, Any]) -> None:
            update.written = stored.get("written", {})
            store.record_update(conn, story, {**after, "stored": {k: v for k, v in stored.items() if k != "written"}},
                                update.change())

        update_report(store, outcome.report, story_key(story), (before or {}).get("stored"), record, outcome.known)
    return update


def add(store: Store, story: str, inputs: Sequence[str], *, allow_private: bool = False, n_process: int = 1,
        progress: Progress | None = None) -> Update:
    """Read and clean ``inputs`` (paths, URLs, feeds...), then ``add_articles``; a bad input is an
    error in the result, and the rest goes through."""
    from storyline.ingest import ingest

    articles, errors = ingest(list(inputs), allow_private=allow_private)
    return add_articles(store, story, articles, n_process=n_process, progress=progress, errors=errors)


def story_report(store: Store, story: str) -> Report:
    report = store.load_report(key=story_key(check_name(story)))
    if report is None:
        store.story_articles(story)  # raises StoryNotFound for an unknown name
        raise StoreError(f"story {story!r} has no analysis yet; add articles with `storyline add`")
    return report


class Stories:
    """A store of stories, for Python callers: the same operations as the CLI."""

    def __init__(self, db: str | None = None) -> None:
        from storyline.store import Store

        self.store = Store(db)

    def add(self, story: str, inputs: Sequence[str], *, allow_private: bool = False, jobs: int = 1) -> Update:
        return add(self.store, story, inputs, allow_private=allow_private, n_process=jobs)

    def add_articles(self, story: str, articles: Sequence[Article], *, jobs: int = 1) -> Update:
        return add_articles(self.store, story, articles, n_process=jobs)

    def stories(self) -> list[StoryInfo]:
        return self.store.stories()

    def report(self, story: str) -> Report:
        return story_report(self.store, story)

    def articles(self, story: str) -> list[Article]:
        return self.store.story_articles(story)

    def history(self, story: str) -> list[tuple[Any, dict[str, Any]]]:
        return self.store.story_history(story)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Stories:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
