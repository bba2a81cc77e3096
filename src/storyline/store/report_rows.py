"""A story's one analysis rewritten in place: only the rows that changed are written.

A story of a thousand articles holds tens of thousands of claim rows; an update that adds one
article changes a few of them. ``save_report`` deletes the analysis and writes every row again
(each one turned into JSON through ``dataclasses.asdict``), which cost more than the rest of an
update. Here each row of the stored analysis has a fingerprint (a short hash of the item's
``repr``, far cheaper than its JSON form) kept with the story's summary; an update writes only
the items whose fingerprint is new, deletes the rows of items gone, and moves the rows of the
others to their new positions (no JSON made for them). What is stored is what ``save_report``
would have written: a row is kept only when its item's ``repr`` (every field value) is unchanged.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from storyline.model import Report
from storyline.store import schema as t

if TYPE_CHECKING:
    from storyline.store import Store

TABLES: dict[str, Any] = {"claims": t.claims, "entities": t.entities, "events": t.events,
                          "conflicts": t.conflicts, "sources": t.sources}


def fingerprint(item: object) -> str:
    return hashlib.blake2b(repr(item).encode(), digest_size=8).hexdigest()


def fingerprints(report: Report, known: Mapping[int, tuple[object, str]] | None = None) -> dict[str, list[str]]:
    """Per table, the fingerprint of each row in position order. ``known`` holds fingerprints
    already made of some of the items, by their id (with the item, so that an id is only taken
    for the object it was given for)."""
    if not known:
        return {name: [fingerprint(x) for x in getattr(report, name)] for name in TABLES}
    out: dict[str, list[str]] = {}
    for name in TABLES:
        prints = []
        for x in getattr(report, name):
            had = known.get(id(x))
            prints.append(had[1] if had is not None and had[0] is x else fingerprint(x))
        out[name] = prints
    return out


ROWS_AT_ONCE = 500


def _row(name: str, analysis_id: int, position: int, item: Any) -> dict[str, Any]:
    from storyline.store.rows import _claim_row, _dump

    if name == "claims":
        return _claim_row(analysis_id, position, item)
    return {"analysis_id": analysis_id, "position": position, **_dump(item)}


def _write_table(conn: Connection, name: str, analysis_id: int, items: Sequence[Any],
                 old: Sequence[str], new: Sequence[str]) -> int:
    """Bring one table to ``items``: a row whose item is unchanged is kept (moved to its new
    position if the list shifted: events and entities are sorted, so one new item moves those
    after it), the others are deleted and the new ones written. Returns the rows written."""
    table = TABLES[name]
    # a row whose item is unchanged at the same position stays where it is (most rows: a new
    # article's claims come last); only the others are matched by fingerprint
    stays = [i < len(new) and old[i] == new[i] for i in range(len(old))]
    free: dict[str, list[int]] = defaultdict(list)
    for i in reversed(range(len(old))):
        if not stays[i]:
            free[old[i]].append(i)  # popped from the end: the earliest old position first
    moves: list[tuple[int, int]] = []
    fresh: list[int] = []
    for j, fp in enumerate(new):
        if j < len(stays) and stays[j]:
            continue
        if free.get(fp):
            i = free[fp].pop()
            if i != j:
                moves.append((i, j))
        else:
            fresh.append(j)
    gone = sorted(i for positions in free.values() for i in positions)
    mine = table.c.analysis_id == analysis_id
    for part in range(0, len(gone), 500):
        conn.execute(delete(table).where(mine, table.c.position.in_(gone[part:part + 500])))
    if moves:  # through negative positions, so that no two rows hold one position on the way
        # a row is found by its primary key: the item's id (position is not indexed there)
        keyed = "id" in table.c and table.c.id.primary_key
        column = table.c.id if keyed else table.c.position
        conn.execute(update(table).where(mine, column == bindparam("old")).values(position=bindparam("new")),
                     [{"old": items[j].id if keyed else i, "new": -1 - j} for i, j in moves])
        conn.execute(update(table).where(mine, table.c.position < 0).values(position=-table.c.position - 1))
    for part in range(0, len(fresh), ROWS_AT_ONCE):  # rows made a chunk at a time
        conn.execute(insert(table), [_row(name, analysis_id, j, items[j]) for j in fresh[part:part + ROWS_AT_ONCE]])
    return len(fresh)


def update_report(store: Store, report: Report, key: str, previous: dict[str, Any] | None,
                  then: Callable[[Connection, dict[str, Any]], None],
                  known: Mapping[int, tuple[object, str]] | None = None) -> dict[str, Any]:
    """Bring the analysis stored under ``key`` to ``report``, in one transaction with ``then``.

    ``previous`` is what the last call returned (the analysis id and row fingerprints); without
    it, or when the stored analysis is not the one it describes, everything is written afresh
    (``save_report``). Returns the new state, also passed to ``then`` for keeping. ``known``:
    fingerprints already made of some items (``fingerprints``)."""
    from storyline.store.connect import _write_errors
    from storyline.store.rows import _dump

    new = fingerprints(report, known)
    if previous is None or set(previous.get("rows") or {}) != set(TABLES):
        return _save_all(store, report, key, new, then)
    try:
        with _write_errors("the analysis", store.url), store._write() as conn:
            found = conn.execute(select(t.analyses.c.id).where(t.analyses.c.key == key)).scalar()
            if found is None or int(found) != previous.get("analysis_id"):
                raise _Stale
            analysis_id = int(found)
            conn.execute(update(t.analyses).where(t.analyses.c.id == analysis_id).values(
                article_ids=[a.id for a in report.articles],
                published=[_dump(a.published) for a in report.articles],
                created_at=datetime.now(UTC),
            ))
            written = {name: _write_table(conn, name, analysis_id, getattr(report, name),
                                          previous["rows"][name], new[name]) for name in TABLES}
            state = {"analysis_id": analysis_id, "rows": new, "written": written}
            then(conn, state)
            return state
    except _Stale:
        return _save_all(store, report, key, new, then)


class _Stale(Exception):
    """The stored analysis is not the one the fingerprints describe."""


def _save_all(store: Store, report: Report, key: str, new: dict[str, list[str]],
              then: Callable[[Connection, dict[str, Any]], None]) -> dict[str, Any]:
    state: dict[str, Any] = {"rows": new, "written": {name: len(new[name]) for name in TABLES}}

    def record(conn: Connection) -> None:
        state["analysis_id"] = int(conn.execute(select(t.analyses.c.id).where(t.analyses.c.key == key)).scalar_one())
        then(conn, state)

    store.save_report(report, key=key, then=record)
    return state
