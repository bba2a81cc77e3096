"""Watch RSS/Atom feeds for new entries of a story (`storyline watch`).

Each poll of a feed is one conditional GET through the ingest fetcher (the same private-address
guard, size cap and overall deadline as any URL): a 304 costs nothing more; a changed feed is read
skipping the entries already read, so only new entries' pages are fetched. The new articles go to
a :class:`Sink` first and the feed's state (:mod:`.feedstate`) is written after, so a watcher
stopped in between reads those entries again and the store, keyed by content, skips them: nothing
is lost and nothing is added twice.

A feed that fails (network, HTTP error, not a feed, the store refusing its articles) is reported
in one line and retried with back-off (:mod:`.schedule`); the other feeds go on. ``run`` stops
between two feeds when ``stop`` is set (the CLI sets it on SIGINT/SIGTERM), so the feed being
polled is finished and no state is half written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from storyline.follow.feedstate import FeedState, FeedStates
from storyline.follow.schedule import Schedule, format_interval
from storyline.ingest.base import IngestError, RawDocument, printable
from storyline.ingest.context import DEFAULT_MAX_BYTES, ReadContext
from storyline.model import Article
from storyline.store import DatabaseUnavailable, InvalidArticle, Store, StoreError
from storyline.store.stories import StoryNotFound

Say = Callable[[str], None]


@dataclass
class Poll:
    """What one poll of one feed gave."""

    feed: str
    status: Literal["new", "not-modified", "failed"]
    articles: list[Article] = field(default_factory=list)
    entries: dict[str, str] = field(default_factory=dict)  # entry key -> article id
    errors: list[IngestError] = field(default_factory=list)  # entries that could not be read
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def poll_feed(state: FeedState, *, allow_private: bool = False, timeout: float = 60.0,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Poll:
    """One conditional GET of ``state.feed`` and the entries not in ``state.seen``, cleaned."""
    from storyline.ingest import _guarded
    from storyline.ingest import feed as feed_reader
    from storyline.ingest.clean import clean_documents
    from storyline.ingest.encoding import charset_from_content_type
    from storyline.ingest.url import FetchError, fetch

    url = state.feed
    try:
        fetched = fetch(url, allow_private=allow_private, max_bytes=max_bytes,
                        headers=state.conditional_headers(), total_seconds=timeout)
    except FetchError as err:
        return Poll(url, "failed", error=str(err))
    if fetched.status == 304:
        return Poll(url, "not-modified", etag=state.etag, last_modified=state.last_modified)
    ctx = ReadContext(url=fetched.url, charset=charset_from_content_type(fetched.content_type),
                      content_type=fetched.content_type, allow_private=allow_private, max_bytes=max_bytes)
    raws: list[RawDocument] = []
    errors: list[IngestError] = []
    for item in _guarded(url, feed_reader.read(url, fetched.data, ctx, skip=state.seen.keys())):
        if isinstance(item, RawDocument):
            raws.append(item)
        elif item.source == url:  # the feed itself is unreadable, not one of its entries
            return Poll(url, "failed", error=item.message)
        else:
            errors.append(item)
    poll = Poll(url, "new", errors=errors, etag=fetched.etag, last_modified=fetched.last_modified)
    for raw, result in zip(raws, clean_documents(raws), strict=True):
        if isinstance(result, IngestError):
            poll.errors.append(result)
        else:
            poll.articles.append(result)
            poll.entries[raw.extra.get("entry", raw.url or raw.source)] = result.id
    return poll


class Sink(Protocol):
    """Where new articles go. ``add`` must have kept them durably when it returns (the feed's state
    is written next); ``cycle_done`` runs after each pass over the due feeds."""

    def add(self, feed: str, articles: Sequence[Article]) -> None: ...

    def cycle_done(self) -> None: ...


@dataclass
class Watcher:
    """Polls ``feeds`` for ``story`` every ``every`` seconds until stopped."""

    story: str
    feeds: list[str]
    states: FeedStates
    sink: Sink
    every: float
    cap: float | None = None
    allow_private: bool = False
    timeout: float = 60.0
    say: Say = print
    warn: Say = print
    verbose: bool = False
    clock: Callable[[], float] = time.monotonic

    def poll(self, feed: str, schedule: Schedule) -> int:
        """Poll one feed, hand its new articles to the sink, then save its state. Returns the
        number of new articles; a failure is reported and rescheduled, never raised."""
        try:
            state = self.states.load(self.story, feed)
            result = poll_feed(state, allow_private=self.allow_private, timeout=self.timeout)
            if result.status == "new" and result.articles:
                self.sink.add(feed, result.articles)
        except StoreError as exc:
            result = Poll(feed, "failed", error=f"cannot store: {exc}")
        except Exception as exc:  # a bug on one feed must not stop the others
            result = Poll(feed, "failed", error=f"{type(exc).__name__}: {exc}")
        if result.status == "failed":
            delay = schedule.failed(feed, self.clock())
            self.warn(f"error: {printable(feed)}: {printable(result.error or 'failed')}; retry in "
                      f"{format_interval(delay)} (failure {schedule.failures[feed]} in a row)")
            try:
                state = self.states.load(self.story, feed)
                state.failures, state.last_error = schedule.failures[feed], result.error
                self.states.save(state)
            except StoreError:
                pass  # the failure line is said; the count is only for the record
            return 0
        schedule.succeeded(feed, self.clock())
        for error in result.errors:
            self.warn(f"error: {error}")
        if result.status == "not-modified":
            if self.verbose:
                self.say(f"{printable(feed)}: not modified")
        else:
            state.etag, state.last_modified = result.etag, result.last_modified
        state.seen.update(result.entries)
        state.failures, state.last_error = 0, None
        self.states.save(state)
        if result.articles:
            self.say(f"{printable(feed)}: {len(result.articles)} new article(s)")
            for a in result.articles:
                self.say(f"  + {a.id}  {printable(a.title or a.url or '(no title)')}")
        return len(result.articles)

    def run(self, stop: threading.Event, cycles: int | None = None) -> int:
        """Poll due feeds until ``stop`` is set (or ``cycles`` passes are done); returns passes."""
        schedule = Schedule.start(self.feeds, self.every, self.clock(), self.cap)
        done = 0
        while not stop.is_set():
            due = schedule.due(self.clock())
            if due:
                new = failed = 0
                for feed in due:
                    if stop.is_set():
                        break
                    before = schedule.failures[feed]
                    new += self.poll(feed, schedule)
                    failed += schedule.failures[feed] > before
                done += 1
                self.say(f"pass {done}: {len(due)} feed(s) due, {new} new article(s), {failed} failed")
                if not stop.is_set():
                    self.sink.cycle_done()
                if cycles is not None and done >= cycles:
                    break
            stop.wait(max(0.0, schedule.next_due() - self.clock()))
        return done


class StoreSink:
    """New articles go into the store; after a pass those read from the story's feeds that the
    story does not hold yet join it through the Stories API (``storyline.stories.add_articles``),
    which brings its stored analysis up to date incrementally and says what changed."""

    def __init__(self, store: Store, states: FeedStates, story: str, *, analyse: bool = True,
                 say: Say = print, warn: Say = print) -> None:
        self.store, self.states, self.story = store, states, story
        self.analyse, self.say, self.warn = analyse, say, warn

    def add(self, feed: str, articles: Sequence[Article]) -> None:
        try:
            self.store.add_articles(articles)
            return
        except DatabaseUnavailable:
            raise
        except StoreError:
            pass
        for article in articles:  # one bad article costs only itself
            try:
                self.store.add_articles([article])
            except InvalidArticle as exc:
                self.warn(f"error: {printable(article.url or article.id)}: {printable(exc.reason)}")

    def cycle_done(self) -> None:
        if not self.analyse:
            return
        ids = self.states.story_articles(self.story)
        if not ids:
            return
        from storyline.stories import add_articles

        try:
            held = set(self.store.story_article_ids(self.story))
        except StoryNotFound:
            held = set()
        wanted = [i for i in ids if i not in held]  # also what a watcher stopped before its analysis read
        if not wanted:
            return
        articles = self.store.articles_by_id(wanted)
        update = add_articles(self.store, self.story, articles)
        for line in update.describe():
            self.say(line)
        for error in update.errors:
            self.warn(f"error: {printable(error.source)}: {printable(error.message)}")
