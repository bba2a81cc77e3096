"""A real PostgreSQL server for the store tests, and a store URL fixture over both backends.

The server is started once per session on 127.0.0.1 (a free port) in a fresh data directory,
and every test gets its own database on it. PostgreSQL refuses to run as root, so when the
tests run as root the server runs as the ``postgres`` system user that the Debian package
creates. Without the binaries the PostgreSQL variants are skipped locally, but fail when the
``CI`` environment variable is set: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

# the tests (and the kill test's child processes) import article_factory from this folder,
# whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).resolve().parent))


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(reason)


def postgres_bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True)
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def server_user_and_home(prefix: str) -> tuple[list[str], Path]:
    """The command prefix that runs the server tools as the ``postgres`` user when the tests run as
    root (initdb refuses root), and a fresh folder that user owns."""
    command: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' user to run the server as")
        command = ["runuser", "-u", "postgres", "--"]
    # /tmp, not $TMPDIR: the server user must be able to reach the folder
    base = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp" if owner is not None else None))
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    return command, base


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of the ``postgres`` database on a private server (superuser, trust auth)."""
    bindir = postgres_bindir()
    if bindir is None:
        unavailable("PostgreSQL server binaries not found (apt-get install postgresql)")
        raise AssertionError("unreachable")
    prefix, base = server_user_and_home("storyline-pg-")
    data = base / "data"
    port = free_port()
    log = base / "server.log"

    def run(*args: str) -> None:
        done = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")

    run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    )
    options = (
        f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=60"
    )
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_admin(postgres_server: str) -> Iterator[Engine]:
    engine = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: str, postgres_admin: Engine) -> Iterator[str]:
    """A fresh, empty schema on the session's server (first on the search path), dropped after.

    A schema per test instead of a database per test: CREATE DATABASE checkpoints and copies a
    template, which costs seconds on a loaded machine; CREATE SCHEMA is instant and isolates
    every table, index and the Alembic version row just as well.
    """
    name = f"t_{uuid.uuid4().hex[:12]}"
    with postgres_admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield f"{postgres_server}?options=-csearch_path%3D{name}"
    finally:
        with postgres_admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    "AND datname = current_database() AND backend_type = 'client backend'"
                )
            )
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same store tests run on an SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("postgres_url"))
