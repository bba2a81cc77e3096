"""Opening the database: the URL ``--db`` names, SQLite's connection set-up, and what a failed
write becomes.

Why a module of its own: everything here is about reaching a database and reporting on it, not
about what is stored in it. ``resolve_url`` turns a path or URL into the SQLAlchemy URL (and
refuses what Storyline cannot store into), ``_configure_sqlite`` sets the pragmas and takes
BEGIN under our control on every SQLite connection, and ``_write_errors`` turns a driver's
failure into a ``StoreError`` (the data's fault) or ``DatabaseUnavailable`` (the database's).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)

from storyline.store.errors import DatabaseUnavailable, StoreError

DEFAULT_PATH = "storyline.db"
BUSY_TIMEOUT_MS = 30_000


def resolve_url(url: str | Path | None) -> URL:
    """The SQLAlchemy URL for ``--db``: a URL, or a plain path meaning an SQLite file."""
    if url is None:
        url = DEFAULT_PATH
    if isinstance(url, str) and not url.strip():
        raise StoreError("the database is empty: give an SQLite file path or a database URL")
    if url == ":memory:":
        return URL.create("sqlite+pysqlite")  # a private in-memory database, gone on close
    if isinstance(url, Path) or "://" not in url:
        path = Path(url).expanduser()
        if path.is_dir():
            raise StoreError(
                f"{path} is a folder: give the database's file name (for example {path / DEFAULT_PATH})"
            )
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"not a database URL or path: {url!r} ({_one_line(exc)})") from None
    backend = parsed.get_backend_name()
    if backend == "postgres":
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        # psycopg 3 is the driver Storyline ships; psycopg2 is not installed.
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r} in {_safe(parsed)}: "
            "Storyline stores into SQLite (a path or sqlite:///path) or PostgreSQL (postgresql://...)"
        )
    return parsed


def _safe(url: URL) -> str:
    """How to name a database in a message: the file for SQLite, the URL without password else."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def _database_fault(exc: DBAPIError) -> bool:
    """Whether a failed write is the database's fault (down, locked, full) rather than the data's.

    PostgreSQL says so in its SQLSTATE class: connection (08), resources (53), operator
    intervention (57), system (58), internal (XX). SQLite only has OperationalError, which is
    about the database except for a value that is too big.
    """
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate:
        return str(sqlstate)[:2] in {"08", "53", "57", "58", "XX"}
    return isinstance(exc, (OperationalError, InterfaceError)) and "too big" not in str(exc.orig)


@contextmanager
def _write_errors(what: str, url: URL) -> Iterator[None]:
    """A failed write as one of our errors: the data's fault is a ``StoreError`` ("cannot store
    <what>"), the database's (down, locked, read-only, full) is ``DatabaseUnavailable``."""
    try:
        yield
    except (IntegrityError, DataError) as exc:
        raise StoreError(f"cannot store {what}: {_one_line(exc)}") from None
    except DBAPIError as exc:
        if not _database_fault(exc):
            raise StoreError(f"cannot store {what}: {_one_line(exc)}") from None
        raise DatabaseUnavailable(f"cannot write to {_safe(url)}: {_one_line(exc)}") from None


def _set_wal(cursor: Any) -> None:
    """Switch to WAL, waiting for other openers: SQLite answers this pragma with "database is
    locked" at once, without its busy handler, while another connection creates the file."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _configure_sqlite(engine: Engine) -> None:
    """Pragmas on every connection, and BEGIN under our control.

    Python 3.11's sqlite3 defers BEGIN until the first write, which makes reads in a transaction
    see no snapshot and lets two writers both read then fail to upgrade their lock. Emitting
    BEGIN ourselves fixes that; write transactions take the write lock up front
    (``BEGIN IMMEDIATE``), so they queue on the busy timeout instead of failing.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _set_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("storyline_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
