"""Bring any database to the current schema, programmatically, from the packaged migrations.

No ``alembic.ini`` is needed at the working directory: the script location is the
``migrations`` folder inside this package. Two processes opening a fresh database at once must
not both try to create it, so the upgrade runs under a lock: SQLite's write lock (the begin
hook in ``connect.py`` issues ``BEGIN IMMEDIATE`` for write connections), a transaction-scoped
advisory lock on PostgreSQL.

Alembic is imported only when a database actually needs upgrading: every CLI command opens the
store, and checking one row against ``HEAD_REVISION`` is much cheaper than loading Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from storyline.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
#: The newest migration in ``migrations/versions`` (a test checks it against Alembic's head).
HEAD_REVISION = "0009"
_ADVISORY_LOCK = 0x5354_4F52  # "STOR": any constant shared by every Storyline process


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate filter: the full-text index is hand-written per dialect, not in ``schema.py``."""
    if type_ == "table" and name is not None and name.startswith("articles_fts"):
        return False
    return not (reflected and name in ("search", "ix_articles_search"))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (and at ``connection`` if given)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """Alembic's own idea of the head, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Upgrade to head; a no-op (one query) when the database is already current."""
    with engine.connect() as conn:
        if current_revision(conn) == HEAD_REVISION:
            return
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    with engine.connect() as conn:
        conn.execution_options(storyline_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
            current = current_revision(conn)
            if current == HEAD_REVISION:
                return
            script = ScriptDirectory.from_config(alembic_config())
            try:
                known = current is None or script.get_revision(current) is not None
            except (CommandError, RevisionError):
                known = False
            if not known:
                raise StoreError(
                    f"the database schema is at revision {current}, which this version of Storyline "
                    f"does not know (its newest is {HEAD_REVISION}); upgrade Storyline"
                )
            try:
                command.upgrade(alembic_config(conn), "head")
            except CommandError as exc:
                raise StoreError(f"cannot upgrade the database schema: {exc}") from exc
