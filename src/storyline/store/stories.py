"""The store's side of stories and stored extractions (a mixin of ``Store``).

Adding articles to a story is idempotent like ingest: an article already in the story is
skipped and said so, never added twice (a primary key on (story, article), and ON CONFLICT DO
NOTHING against a concurrent writer). Extractions are written once per (content hash, version);
one of an older version is replaced when its article is extracted again.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update

from storyline import codec
from storyline.model import Article, Claim
from storyline.store import schema as t
from storyline.store.errors import StoreError

if TYPE_CHECKING:
    from storyline.extraction import Extraction

_CHUNK = 500
_CLAIM_SETS = 50
"""Claim sets made into rows and inserted per statement (each some 20 KB of JSON)."""
DECODED_MEMO = 4096
"""Decoded extractions and claim sets a store keeps in memory (see ``_Decoded``): about 12 KB
each pickled, so at most some 50 MB."""
_MEMO_LOCK = threading.Lock()


class _Decoded:
    """Stored extractions and claim sets as this process last decoded them, by their key in the
    store ((content hash, version) and (content hash, version, context)): a row under one key is
    written once and never changed, so bringing a story up to date again decodes only what is
    new. Values are kept pickled and every read unpickles fresh objects (the story stage
    rewrites what it is given), which costs a fraction of decoding the JSON rows again."""

    def __init__(self, most: int = DECODED_MEMO) -> None:
        self.most = most
        self.items: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self.lock = threading.Lock()  # a store may serve several threads (the web app's jobs)

    def get(self, key: tuple[str, ...]) -> Any:
        with self.lock:
            found = self.items.get(key)
            if found is None:
                return None
            self.items.move_to_end(key)
        return pickle.loads(found)

    def put(self, key: tuple[str, ...], value: Any) -> None:
        kept = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with self.lock:
            self.items[key] = kept
            self.items.move_to_end(key)
            while len(self.items) > self.most:
                self.items.popitem(last=False)


class StoryNotFound(StoreError, LookupError):
    """No story has this name."""


@dataclass
class StoryInfo:
    """A story as ``storyline stories`` lists it."""

    name: str
    articles: int
    first: str | None
    last: str | None
    updated_at: datetime | None
    created_at: datetime


@dataclass
class StoryAdd:
    """Which articles a call added to a story, and which it already had."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def story_key(name: str) -> str:
    """The key of a story's one analysis in ``analyses`` (replaced in place by each update)."""
    return hashlib.sha256(b"story\0" + name.encode()).hexdigest()


def check_name(name: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > 200 or any(ord(c) < 32 or c == "\x7f" for c in clean):
        raise StoreError(f"not a usable story name: {name!r} (1-200 printable characters)")
    return clean


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class StoryStore:
    """Stories, their articles and history, extractions and claim sets."""

    if TYPE_CHECKING:
        dialect: str

        def _write(self) -> AbstractContextManager[Connection]: ...
        def _read(self) -> AbstractContextManager[Connection]: ...
        def _insert(self, table: Any) -> Any: ...
        def _get_many(self, conn: Connection, ids: Sequence[str]) -> dict[str, Article]: ...

    # -- stories -----------------------------------------------------------------------------

    def _story_id(self, conn: Connection, name: str, *, create: bool = False) -> int:
        found = conn.execute(select(t.stories.c.id).where(t.stories.c.name == name)).scalar()
        if found is not None:
            return int(found)
        if not create:
            raise StoryNotFound(f"no story named {name!r} (see `storyline stories`)")
        conn.execute(
            self._insert(t.stories).values(name=name, created_at=datetime.now(UTC)).on_conflict_do_nothing()
        )
        return int(conn.execute(select(t.stories.c.id).where(t.stories.c.name == name)).scalar_one())

    def add_to_story(self, name: str, article_ids: Sequence[str]) -> StoryAdd:
        """Put stored articles into a story (created on first use), in the order given."""
        name = check_name(name)
        result = StoryAdd()
        with self._write() as conn:
            story = self._story_id(conn, name, create=True)
            present: set[str] = set()
            for part in _chunks(list(dict.fromkeys(article_ids))):
                present.update(conn.execute(
                    select(t.story_articles.c.article_id)
                    .where(t.story_articles.c.story_id == story, t.story_articles.c.article_id.in_(part))
                ).scalars())
            last = conn.execute(
                select(func.coalesce(func.max(t.story_articles.c.position), -1))
                .where(t.story_articles.c.story_id == story)
            ).scalar_one()
            now = datetime.now(UTC)
            for article_id in article_ids:
                if article_id in present:
                    result.already.append(article_id)
                    continue
                present.add(article_id)
                last += 1
                written = conn.execute(
                    self._insert(t.story_articles)
                    .values(story_id=story, article_id=article_id, position=last, added_at=now)
                    .on_conflict_do_nothing()
                    .returning(t.story_articles.c.article_id)
                ).scalar()
                (result.added if written else result.already).append(article_id)
        return result

    def _story_article_ids(self, conn: Connection, name: str) -> list[str]:
        story = self._story_id(conn, name)
        return list(conn.execute(
            select(t.story_articles.c.article_id)
            .where(t.story_articles.c.story_id == story)
            .order_by(t.story_articles.c.position)
        ).scalars())

    def story_article_ids(self, name: str) -> list[str]:
        """The ids of a story's articles in the order they were added (no bodies read)."""
        with self._read() as conn:
            return self._story_article_ids(conn, name)

    def story_articles(self, name: str) -> list[Article]:
        """A story's articles in the order they were added."""
        with self._read() as conn:
            ids = self._story_article_ids(conn, name)
            by_id = self._get_many(conn, ids)
        return [by_id[i] for i in ids if i in by_id]

    def articles_by_id(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in that order (unknown ids left out)."""
        with self._read() as conn:
            by_id = self._get_many(conn, ids)
        return [by_id[i] for i in ids if i in by_id]

    def stories(self) -> list[StoryInfo]:
        """Every story with its article count, the span of its articles' dates, its last update."""
        with self._read() as conn:
            dates = func.coalesce(t.articles.c.published_value, t.articles.c.published_latest)
            rows = conn.execute(
                select(
                    t.stories.c.name, t.stories.c.created_at, t.stories.c.updated_at,
                    func.count(t.story_articles.c.article_id), func.min(dates), func.max(dates),
                )
                .select_from(t.stories)
                .outerjoin(t.story_articles, t.story_articles.c.story_id == t.stories.c.id)
                .outerjoin(t.articles, t.articles.c.id == t.story_articles.c.article_id)
                .group_by(t.stories.c.id, t.stories.c.name, t.stories.c.created_at, t.stories.c.updated_at)
                .order_by(t.stories.c.name)
            ).all()
        return [StoryInfo(r[0], int(r[3]), r[4], r[5], r[2], r[1]) for r in rows]

    def story_summary(self, name: str) -> dict[str, Any] | None:
        with self._read() as conn:
            return conn.execute(select(t.stories.c.summary).where(t.stories.c.name == name)).scalar()

    def record_update(self, conn: Connection, name: str, summary: dict[str, Any], change: dict[str, Any]) -> None:
        """Within the transaction that saved the story's analysis: its summary and history."""
        story = self._story_id(conn, name, create=True)
        now = datetime.now(UTC)
        conn.execute(update(t.stories).where(t.stories.c.id == story).values(summary=summary, updated_at=now))
        conn.execute(insert(t.story_changes).values(story_id=story, at=now, change=change))

    def story_history(self, name: str) -> list[tuple[datetime, dict[str, Any]]]:
        with self._read() as conn:
            story = self._story_id(conn, name)
            rows = conn.execute(
                select(t.story_changes.c.at, t.story_changes.c.change)
                .where(t.story_changes.c.story_id == story).order_by(t.story_changes.c.id)
            ).all()
        return [(r[0], r[1]) for r in rows]

    # -- extractions -------------------------------------------------------------------------

    def extractions(self, articles: Sequence[Article], version: str) -> dict[str, Extraction]:
        """The stored extractions of these articles at ``version`` (without their parses)."""
        from storyline.extraction import Extraction

        cols = [c for c in t.extractions.c if c.name != "doc"]
        by_hash = {a.content_hash: a for a in articles}
        out: dict[str, Extraction] = {}
        memo = self._decoded()
        for h in by_hash:
            known = memo.get(("x", h, version))
            if known is not None:
                out[h] = known
        with self._read() as conn:
            for part in _chunks([h for h in by_hash if h not in out]):
                for r in conn.execute(select(*cols).where(
                    t.extractions.c.version == version, t.extractions.c.content_hash.in_(part)
                )).mappings():
                    article = by_hash[r["content_hash"]]
                    published = codec.published(r["published"])
                    assert published is not None
                    out[r["content_hash"]] = Extraction(
                        article_id=r["article_id"], content_hash=r["content_hash"], version=version,
                        published=published, sentences=codec.sentences(r["sentences"], article.body),
                        times=codec.times(r["times"]), raw=r["mentions"],
                    )
                    memo.put(("x", r["content_hash"], version), out[r["content_hash"]])
        return out

    def _decoded(self) -> _Decoded:
        memo: _Decoded | None = getattr(self, "_decoded_memo", None)
        if memo is None:
            with _MEMO_LOCK:
                memo = getattr(self, "_decoded_memo", None)
                if memo is None:
                    memo = self._decoded_memo = _Decoded()
        return memo

    def put_extractions(self, extractions: Iterable[Extraction]) -> None:
        """Keep extractions (one transaction); an older version of the same article is dropped."""
        rows = [
            {"content_hash": e.content_hash, "version": e.version, "article_id": e.article_id,
             "published": codec.dump(e.published), "sentences": codec.sentences_dump(e.sentences),
             "times": codec.dump(e.times), "mentions": e.raw, "doc": e.doc, "created_at": datetime.now(UTC)}
            for e in extractions
        ]
        if not rows:
            return
        with self._write() as conn:
            for row in rows:
                conn.execute(delete(t.extractions).where(
                    t.extractions.c.content_hash == row["content_hash"], t.extractions.c.version != row["version"]
                ))
                conn.execute(delete(t.claim_sets).where(
                    t.claim_sets.c.content_hash == row["content_hash"], t.claim_sets.c.version != row["version"]
                ))
            conn.execute(self._insert(t.extractions).on_conflict_do_nothing(), rows)

    # -- the ClaimCache protocol (storyline.extraction) ---------------------------------------

    def parse_of(self, extraction: Extraction) -> bytes:
        if extraction.doc is not None:
            return extraction.doc
        with self._read() as conn:
            doc = conn.execute(select(t.extractions.c.doc).where(
                t.extractions.c.content_hash == extraction.content_hash,
                t.extractions.c.version == extraction.version,
            )).scalar()
        if doc is None:
            raise StoreError(f"the stored extraction of article {extraction.article_id} has gone")
        return bytes(doc)

    def get_claims(self, wanted: Sequence[tuple[Extraction, str]]) -> list[list[Claim] | None]:
        """Claims stored for each (extraction, context), None where there are none."""
        keys = [(e.content_hash, e.version, context) for e, context in wanted]
        memo = self._decoded()
        out: dict[tuple[str, str, str], list[Claim]] = {}
        for k in keys:
            known = memo.get(("c", *k))
            if known is not None:
                out[k] = known
        rest = [k for k in keys if k not in out]
        wanted_keys = set(rest)
        c = t.claim_sets.c
        with self._read() as conn:
            for part in _chunks(sorted({k[0] for k in rest})):
                # only the wanted contexts: an article keeps the claims of every context it had
                contexts = sorted({k[2] for k in rest if k[0] in part})
                for r in conn.execute(select(c.content_hash, c.version, c.context, c.claims).where(
                        c.content_hash.in_(part), c.context.in_(contexts))):
                    k = (r[0], r[1], r[2])
                    if k in out or k not in wanted_keys:
                        continue
                    out[k] = codec.claims(r[3])
                    memo.put(("c", *k), out[k])
        return [out.get(k) for k in keys]

    def put_claims(self, built: Sequence[tuple[Extraction, str, list[Claim]]]) -> None:
        """Keep claim sets (one transaction); their rows are made a chunk at a time (a whole
        story's at once were some 50 MB on 1,000 articles)."""
        if built:
            with self._write() as conn:
                for part in _chunks(built, _CLAIM_SETS):
                    rows = [{"content_hash": e.content_hash, "version": e.version, "context": context,
                             "claims": codec.dump(claims)} for e, context, claims in part]
                    conn.execute(self._insert(t.claim_sets).on_conflict_do_nothing(), rows)
