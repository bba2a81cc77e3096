"""The article store: SQLite by default, any PostgreSQL for teams, through SQLAlchemy Core.

Ingest is transactional and idempotent: ``add_articles`` writes a whole call in one transaction
(an article row, its teasers, highlights, removed parts and full-text entry commit together or
not at all), and an article whose content hash is already stored is skipped, so re-ingesting a
batch, or finishing one that a killed process left half done, stores each article exactly once.

Opening the database (the URL, SQLite's set-up, a failed write as our error) is in
:mod:`storyline.store.connect`, rows to and from the model in :mod:`storyline.store.rows`, and
stories and stored extractions in :mod:`storyline.store.stories` (a mixin of ``Store``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Row,
    create_engine,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    SQLAlchemyError,
)

from storyline import model
from storyline.store import migrate
from storyline.store import schema as t
from storyline.store.connect import _configure_sqlite, _one_line, _safe, _write_errors, resolve_url
from storyline.store.errors import (
    AmbiguousId,
    ArticleNotFound,
    InvalidArticle,
    SearchError,
    StoreError,
)
from storyline.store.query import parse, to_fts5, to_websearch
from storyline.store.rows import (
    _article_row,
    _build,
    _chunks,
    _claim,
    _claim_row,
    _conflict,
    _dump,
    _event,
    _insert_many,
    _insert_rows,
    _load_articles,
)
from storyline.store.stories import StoryStore

_HEX = set("0123456789abcdef")


@dataclass
class AddResult:
    """Ids of the articles a call stored, and of those already present (or repeated in the call)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class SearchHit:
    """A matching article; ``snippet`` marks matched words, ``score`` is higher for better hits."""

    article: model.Article
    snippet: str
    score: float


class Store(StoryStore):
    """Articles and analyses in one database; see the module docstring for the guarantees."""

    def __init__(self, url: str | Path | None = None) -> None:
        self.url = resolve_url(url)
        self.dialect = self.url.get_backend_name()
        kwargs: dict[str, Any] = {}
        if self.dialect == "postgresql":
            kwargs["connect_args"] = {"connect_timeout": 10}
            # a server restarted while the NLP stages ran leaves dead pooled connections: test each
            # one before use, so that the final save reconnects instead of failing
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = create_engine(self.url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot use database {_safe(self.url)}: {_one_line(exc)}") from None
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        try:
            migrate.upgrade(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {_safe(self.url)}: {_one_line(exc)}") from None

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({_safe(self.url)!r})"

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(storyline_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # -- articles ----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[model.Article]) -> AddResult:
        """Store the articles not yet stored, all in one transaction."""
        batch = list(articles)
        for article in batch:
            check_article(article)
        # the database itself failing (down, locked, read-only, full): no article can go in now
        with _write_errors("the articles", self.url), self._write() as conn:
            return self._add(conn, batch)

    def _insert(self, table: Any) -> Any:
        return pg.insert(table) if self.dialect == "postgresql" else sqlite_dialect.insert(table)

    def _add(self, conn: Connection, batch: Sequence[model.Article]) -> AddResult:
        """Insert the new articles of ``batch`` and their child rows: a few statements per call."""
        first: dict[str, model.Article] = {}
        for article in batch:
            first.setdefault(article.id, article)
        inserted: set[str] = set()
        present: set[str] = set()
        for ids in _chunks(list(first)):  # cheap pre-check, so known bodies are not sent again
            present.update(conn.execute(select(t.articles.c.id).where(t.articles.c.id.in_(ids))).scalars())
        unique = [a for a in first.values() if a.id not in present]
        rows = [_article_row(a) for a in unique]
        if self.dialect == "sqlite" and rows:
            # SQLite write transactions are serialised, so max + 1 cannot race (PostgreSQL: a sequence)
            last = conn.execute(select(func.coalesce(func.max(t.articles.c.seq), 0))).scalar_one()
            for number, row in enumerate(rows, start=last + 1):
                row["seq"] = number
        for part in _chunks(rows):
            # ON CONFLICT DO NOTHING makes the skip race-free when two processes ingest at once;
            # RETURNING says which rows this call actually wrote.
            statement = self._insert(t.articles).on_conflict_do_nothing().returning(t.articles.c.id)
            inserted.update(conn.execute(statement, list(part)).scalars())
        new = [a for a in unique if a.id in inserted]
        _insert_many(
            conn,
            t.teasers,
            [
                {"article_id": a.id, "position": i, "headline": x.headline, "summary": x.summary}
                for a in new
                for i, x in enumerate(a.teasers)
            ],
        )
        _insert_many(
            conn,
            t.highlights,
            [{"article_id": a.id, "position": i, "text": x} for a in new for i, x in enumerate(a.highlights)],
        )
        _insert_many(
            conn,
            t.removed_parts,
            [
                {"article_id": a.id, "position": i, "text": x.text, "reason": x.reason, "line": x.line}
                for a in new
                for i, x in enumerate(a.removed)
            ],
        )
        result = AddResult()
        for article in batch:
            if article.id in inserted:
                inserted.discard(article.id)  # a repeat later in the batch is a skip
                result.added.append(article.id)
            else:
                result.skipped.append(article.id)
        return result

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()

    def articles(self) -> list[model.Article]:
        """Every stored article, in the order it was ingested."""
        with self._read() as conn:
            rows = conn.execute(select(t.articles).order_by(t.articles.c.seq, t.articles.c.id)).all()
            return _load_articles(conn, rows)

    def get(self, id_or_prefix: str) -> model.Article:
        """The article with this id, or the only one whose id starts with this prefix."""
        key = id_or_prefix.strip().lower()
        if not key or not set(key) <= _HEX or len(key) > 16:
            raise ArticleNotFound(f"no article {id_or_prefix!r}: ids are up to 16 hexadecimal digits")
        with self._read() as conn:
            rows = conn.execute(
                select(t.articles)
                # a range on the primary key (every id is lowercase hex, and "g" sorts after
                # "f"), which both databases answer from the index, unlike LIKE 'prefix%'
                .where(t.articles.c.id >= key, t.articles.c.id < key + "g")
                .order_by(t.articles.c.id)
                .limit(21)
            ).all()
            exact = [r for r in rows if r.id == key]
            if exact:
                rows = exact
            if not rows:
                raise ArticleNotFound(f"no article with id {id_or_prefix!r} (see `storyline articles`)")
            if len(rows) > 1:
                raise AmbiguousId(id_or_prefix, [r.id for r in rows])
            return _load_articles(conn, rows)[0]

    def _get_many(self, conn: Connection, ids: Sequence[str]) -> dict[str, model.Article]:
        rows: list[Row[Any]] = []
        for part in _chunks(ids):
            rows += conn.execute(select(t.articles).where(t.articles.c.id.in_(part))).all()
        return {a.id: a for a in _load_articles(conn, rows)}

    # -- search ------------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, *, raw: bool = False, mark: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Articles matching a web-search style query, best first.

        With ``raw=True`` the query goes to the database's own syntax untouched (FTS5 MATCH on
        SQLite, ``to_tsquery`` on PostgreSQL); a malformed one raises ``SearchError``.
        """
        if limit < 1:
            raise SearchError(f"the search limit must be at least 1, not {limit}")
        if any('"' in m for m in mark):
            raise ValueError(
                "snippet marks cannot contain a double quote (PostgreSQL's ts_headline option syntax)"
            )
        if not raw:
            parse(query)  # same validation and messages on both backends
        try:
            with self._read() as conn:
                if self.dialect == "postgresql":
                    found = self._search_postgres(conn, query, limit, raw, mark)
                else:
                    found = self._search_sqlite(conn, query, limit, raw, mark)
                articles = self._get_many(conn, [f[0] for f in found])
        except DBAPIError as exc:
            raise SearchError(f"cannot run search query {query!r}: {_one_line(exc)}") from None
        return [SearchHit(articles[i], snippet, float(score)) for i, snippet, score in found]

    def _search_sqlite(
        self, conn: Connection, query: str, limit: int, raw: bool, mark: tuple[str, str]
    ) -> list[tuple[str, str, float]]:
        # bm25 is lower for better matches; titles weigh twice as much as bodies.
        sql = text(
            "SELECT article_id, snippet(articles_fts, 2, :open, :close, '…', 16) AS snip, "
            "-bm25(articles_fts, 0.0, 2.0, 1.0) AS score "
            "FROM articles_fts WHERE articles_fts MATCH :q ORDER BY score DESC, article_id LIMIT :limit"
        )
        match = query if raw else to_fts5(query)
        rows = conn.execute(sql, {"q": match, "limit": limit, "open": mark[0], "close": mark[1]}).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def _search_postgres(
        self, conn: Connection, query: str, limit: int, raw: bool, mark: tuple[str, str]
    ) -> list[tuple[str, str, float]]:
        params: dict[str, Any] = {"limit": limit}
        if raw:
            tsquery = "to_tsquery('english', :q)"
            params["q"] = query
        else:
            params["q"], params["exclude"] = to_websearch(query)
            tsquery = "websearch_to_tsquery('english', :q)"
            if params["exclude"] is not None:
                tsquery = f"({tsquery} && !!websearch_to_tsquery('english', :exclude))"
        params["options"] = (
            f'StartSel="{mark[0]}", StopSel="{mark[1]}", MaxWords=24, MinWords=10, '
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        # ts_headline is costly, so it runs only on the rows that survive the LIMIT.
        sql = text(
            "SELECT hit.id, ts_headline('english', hit.body, hit.q, :options) AS snip, hit.score FROM ("
            "  SELECT a.id, a.body, q.q, ts_rank(a.search, q.q) AS score"
            f"  FROM articles a, (SELECT {tsquery} AS q) AS q"
            "  WHERE a.search @@ q.q ORDER BY score DESC, a.id LIMIT :limit"
            ") AS hit ORDER BY hit.score DESC, hit.id"
        )
        rows = conn.execute(sql, params).all()
        return [(r[0], r[1], r[2]) for r in rows]

    # -- analyses ----------------------------------------------------------------------------

    def save_report(
        self, report: model.Report, *, key: str | None = None, then: Callable[[Connection], None] | None = None
    ) -> int:
        """Store an analysis (and its articles), replacing an earlier one of the same articles
        (or of the same ``key``: a story's one analysis). ``then`` runs in the same transaction.

        Returns the analysis id. Everything commits in one transaction.
        """
        if key is None:
            article_ids = sorted({a.id for a in report.articles} | {c.article_id for c in report.claims})
            key = hashlib.sha256(",".join(article_ids).encode()).hexdigest()
        with _write_errors("the analysis", self.url), self._write() as conn:
            self._add(conn, report.articles)
            conn.execute(delete(t.analyses).where(t.analyses.c.key == key))
            analysis_id: int = conn.execute(
                insert(t.analyses)
                .values(
                    key=key,
                    article_ids=[a.id for a in report.articles],
                    published=[_dump(a.published) for a in report.articles],
                    created_at=datetime.now(UTC),
                )
                .returning(t.analyses.c.id)
            ).scalar_one()
            # rows are made and sent a chunk at a time: all of a large story's rows at once
            # were some 180 MB on 1,000 articles, a peak of ``storyline analyze``
            _insert_rows(conn, t.claims, report.claims, lambda i, c: _claim_row(analysis_id, i, c))
            for table, items in (
                (t.entities, report.entities),
                (t.events, report.events),
                (t.conflicts, report.conflicts),
                (t.sources, report.sources),
            ):
                _insert_rows(conn, table, items,
                             lambda i, x: {"analysis_id": analysis_id, "position": i, **_dump(x)})
            if then is not None:
                then(conn)
            return analysis_id

    def load_report(
        self, article_ids: Iterable[str] | None = None, *, key: str | None = None
    ) -> model.Report | None:
        """The stored analysis of exactly these articles, or of ``key`` (default: the latest)."""
        with self._read() as conn:
            query = select(t.analyses)
            if key is not None:
                query = query.where(t.analyses.c.key == key)
            elif article_ids is None:
                query = query.order_by(t.analyses.c.created_at.desc(), t.analyses.c.id.desc()).limit(1)
            else:
                key = hashlib.sha256(",".join(sorted(set(article_ids))).encode()).hexdigest()
                query = query.where(t.analyses.c.key == key)
            analysis = conn.execute(query).first()
            if analysis is None:
                return None
            ids: list[str] = list(analysis.article_ids)
            by_id = self._get_many(conn, ids)

            def rows(table: Any) -> list[dict[str, Any]]:
                found = conn.execute(
                    select(table).where(table.c.analysis_id == analysis.id).order_by(table.c.position)
                ).mappings()
                return [{k: v for k, v in r.items() if k not in ("analysis_id", "position")} for r in found]

            # the dates the analysis used, which may be better than the ingested ones
            dates = [_build(model.PublishedDate, d) for d in analysis.published or []]
            articles = [by_id[i] for i in ids if i in by_id]
            if len(dates) == len(ids):
                articles = [
                    dataclasses.replace(by_id[i], published=d)
                    for i, d in zip(ids, dates, strict=True)
                    if i in by_id
                ]
            return model.Report(
                articles=articles,
                claims=[_claim(r) for r in rows(t.claims)],
                entities=[_build(model.Entity, r) for r in rows(t.entities)],
                events=[_event(r) for r in rows(t.events)],
                conflicts=[_conflict(r) for r in rows(t.conflicts)],
                sources=[_build(model.SourceProfile, r) for r in rows(t.sources)],
            )


def _strings(article: model.Article) -> Iterator[str | None]:
    yield from (article.body, article.path, article.url, article.title, article.raw_title, article.author)
    yield from (article.site, article.published.note)
    for teaser in article.teasers:
        yield from (teaser.headline, teaser.summary)
    yield from article.highlights
    for part in article.removed:
        yield from (part.text, part.reason)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_article(article: model.Article) -> None:
    """Refuse, before writing anything, what would fail (or differ) in the database.

    The id must be the content hash's prefix (idempotence depends on it), and no text may hold a
    NUL character: PostgreSQL cannot store one, so SQLite refuses it too, to behave the same.
    """
    name = article.path or article.url or article.id
    if article.id != article.content_hash[:16]:
        raise InvalidArticle(name, f"id {article.id!r} does not match its content hash")
    if any(value is not None and "\x00" in value for value in _strings(article)):
        raise InvalidArticle(name, "its text contains a NUL character, which cannot be stored")
    for value in _strings(article):
        if value is not None and not _encodable(value):
            raise InvalidArticle(name, "its text holds a lone surrogate (not valid Unicode), which cannot be stored")
