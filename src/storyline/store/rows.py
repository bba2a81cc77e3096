"""Rows and model objects, each way: an article or an analysis's items as table rows, and the
rows read back as ``storyline.model`` objects.

Why a module of its own: this is where the article and analysis tables of ``schema`` meet the
model's dataclasses, for ``Store`` (ingest, ``save_report``, ``load_report``) and for
``report_rows`` (an analysis rewritten in place) alike; a report's rows are made and inserted a
chunk at a time, so that a large story's analysis is never held as rows all at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, insert, select

from storyline import codec, model
from storyline.store import schema as t

_CHUNK = 500  # ids per IN (...) list, far below every backend's bound-parameter limit

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


ROWS_AT_ONCE = 500
"""Rows of a report made and inserted per statement (``_insert_rows``)."""


def _insert_rows(conn: Connection, table: Any, items: Sequence[Any], row: Callable[[int, Any], dict[str, Any]]) -> None:
    """Insert ``row(position, item)`` for every item, ``ROWS_AT_ONCE`` rows made at a time."""
    for start in range(0, len(items), ROWS_AT_ONCE):
        _insert_many(conn, table, [row(start + i, x) for i, x in enumerate(items[start:start + ROWS_AT_ONCE])])


def _article_row(a: model.Article) -> dict[str, Any]:
    p = a.published
    return {
        "id": a.id,
        "content_hash": a.content_hash,
        "path": a.path,
        "url": a.url,
        "title": a.title,
        "raw_title": a.raw_title,
        "author": a.author,
        "site": a.site,
        "format": a.format,
        "body": a.body,
        "published_value": p.value,
        "published_source": p.source,
        "published_earliest": p.earliest,
        "published_latest": p.latest,
        "published_note": p.note,
        "published_portal": p.portal,
        "published_month_day": p.month_day,
        "ingested_at": datetime.now(UTC),
    }


def _children(conn: Connection, table: Any, ids: Sequence[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for part in _chunks(ids):
        query = (
            select(table).where(table.c.article_id.in_(part)).order_by(table.c.article_id, table.c.position)
        )
        for row in conn.execute(query):
            out.setdefault(row.article_id, []).append(row)
    return out


def _load_articles(conn: Connection, rows: Sequence[Row[Any]]) -> list[model.Article]:
    ids = [r.id for r in rows]
    teasers = _children(conn, t.teasers, ids)
    highlights = _children(conn, t.highlights, ids)
    removed = _children(conn, t.removed_parts, ids)
    return [
        model.Article(
            id=r.id,
            body=r.body,
            content_hash=r.content_hash,
            path=r.path,
            url=r.url,
            title=r.title,
            author=r.author,
            site=r.site,
            format=r.format,
            raw_title=r.raw_title,
            published=model.PublishedDate(
                value=r.published_value,
                source=r.published_source,
                earliest=r.published_earliest,
                latest=r.published_latest,
                note=r.published_note,
                portal=bool(r.published_portal),
                month_day=r.published_month_day,
            ),
            teasers=[model.Teaser(x.headline, x.summary) for x in teasers.get(r.id, [])],
            highlights=[x.text for x in highlights.get(r.id, [])],
            removed=[model.RemovedPart(x.text, x.reason, x.line) for x in removed.get(r.id, [])],
        )
        for r in rows
    ]


def _dump(obj: Any) -> dict[str, Any]:
    """A dataclass as a row: nested dataclasses/lists become JSON-ready values, and a non-finite
    float becomes null (PostgreSQL's JSON refuses ``Infinity``; SQLite would store invalid JSON)."""
    return json.loads(json.dumps(codec.dump(obj), allow_nan=False))


_build = codec.build


def _claim_row(analysis_id: int, position: int, c: model.Claim) -> dict[str, Any]:
    row = _dump(c)
    start, end = row.pop("span")
    return {"analysis_id": analysis_id, "position": position, "span_start": start, "span_end": end, **row}


def _claim(row: dict[str, Any]) -> model.Claim:
    data = dict(row)
    data["span"] = (data.pop("span_start"), data.pop("span_end"))
    return codec.claim(data)


def _event(row: dict[str, Any]) -> model.Event:
    data = dict(row)
    data["time"] = _build(model.EventTime, data.get("time") or {})
    return _build(model.Event, data)


def _conflict(row: dict[str, Any]) -> model.Conflict:
    data = dict(row)
    values = []
    for v in data.get("values") or []:
        value = _build(model.ConflictValue, v)
        value.spans = [(int(s), int(e)) for s, e in value.spans]
        values.append(value)
    data["values"] = values
    return _build(model.Conflict, data)
