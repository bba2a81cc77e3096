"""What `storyline watch` remembers of each feed, in the store's own database (table
``feed_state``, migration 0008), so that a stopped watcher resumes where it stopped.

One row per (story, feed): the validators of the last full response (ETag, Last-Modified) for the
next conditional request, the entries already read (entry key -> article id), and the failures in
a row. A row is written in one transaction after the feed's new articles are stored, never
before: a watcher stopped between the two reads the same entries again, and the store, keyed by
content, skips them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from storyline.store import Store
from storyline.store import schema as t


@dataclass
class FeedState:
    story: str
    feed: str
    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, str] = field(default_factory=dict)
    failures: int = 0
    last_error: str | None = None
    polled_at: datetime | None = None

    def conditional_headers(self) -> dict[str, str]:
        """If-None-Match / If-Modified-Since from the last full response (none before the first)."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def _row(state: FeedState) -> dict[str, Any]:
    return {
        "story": state.story,
        "feed": state.feed,
        "etag": state.etag,
        "last_modified": state.last_modified,
        "seen": state.seen,
        "failures": state.failures,
        "last_error": state.last_error,
        "polled_at": state.polled_at,
    }


class FeedStates:
    """Reads and writes ``feed_state`` rows through a store's engine."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    def load(self, story: str, feed: str) -> FeedState:
        """The feed's state, or a fresh one if it was never polled for this story."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.feed_state).where(t.feed_state.c.story == story, t.feed_state.c.feed == feed)
            ).mappings().first()
        if row is None:
            return FeedState(story, feed)
        return FeedState(story, feed, row["etag"], row["last_modified"], dict(row["seen"] or {}),
                         row["failures"], row["last_error"], row["polled_at"])

    def save(self, state: FeedState) -> None:
        """Replace the row in one write transaction (``BEGIN IMMEDIATE`` on SQLite)."""
        state.polled_at = datetime.now(UTC)
        with self.engine.connect() as conn:
            conn.execution_options(storyline_write=True)
            with conn.begin():
                conn.execute(delete(t.feed_state).where(t.feed_state.c.story == state.story,
                                                        t.feed_state.c.feed == state.feed))
                conn.execute(insert(t.feed_state).values(**_row(state)))

    def story_articles(self, story: str) -> list[str]:
        """Ids of the articles read from any feed of ``story``, each once, feed by feed."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.feed_state.c.seen).where(t.feed_state.c.story == story).order_by(t.feed_state.c.feed)
            ).scalars()
            return list(dict.fromkeys(i for seen in rows for i in (seen or {}).values()))
