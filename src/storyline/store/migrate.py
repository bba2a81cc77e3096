"""Bring any database to the current schema, programmatically, from the packaged migrations.

No ``alembic.ini`` is needed at the working directory: the script location is the
``migrations`` folder inside this package. Two processes opening a fresh database at once must
not both try to create it, so the upgrade runs under a lock: SQLite's write lock (the begin
hook in ``store.py`` issues ``BEGIN IMMEDIATE`` for write connections), a transaction-scoped
advisory lock on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, text

from storyline.store.errors import StoreError

SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
_ADVISORY_LOCK = 0x5354_4F52  # "STOR": any constant shared by every Storyline process


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (and at ``connection`` if given)."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except (CommandError, RevisionError):
        return False


def upgrade(engine: Engine) -> None:
    """Upgrade to head; a no-op (one query) when the database is already current."""
    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with engine.connect() as conn:
        conn.execution_options(storyline_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
            current = current_revision(conn)
            if current == head:
                return
            script = ScriptDirectory.from_config(alembic_config())
            if current is not None and not _known(script, current):
                raise StoreError(
                    f"the database schema is at revision {current}, which this version of Storyline "
                    f"does not know (its newest is {head}); upgrade Storyline"
                )
            try:
                command.upgrade(alembic_config(conn), "head")
            except CommandError as exc:
                raise StoreError(f"cannot upgrade the database schema: {exc}") from exc
