"""Issue 9, a finished analysis is never thrown away: PostgreSQL restarted or stopped while the
NLP stages run. A private server (not the session's shared one) is stopped under the pipeline."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import free_port, postgres_bindir, server_user_and_home, unavailable
from hostile_inputs import story_text
from storyline.pipeline import SaveFailed, analyze
from storyline.store import Store

pytestmark = pytest.mark.postgres


class Server:
    """``pg_ctl`` on a throwaway cluster, runnable as root through the ``postgres`` user."""

    def __init__(self) -> None:
        bindir = postgres_bindir()
        if bindir is None:
            unavailable("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bindir = bindir
        self.prefix, self.base = server_user_and_home("storyline-pg-restart-")
        self.port = free_port()
        self.data = self.base / "data"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self.prefix, str(self.bindir / tool), *args], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.base} -c fsync=off -c max_connections=20"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    pg = Server()
    pg.start()
    try:
        yield pg
    finally:
        pg.remove()


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    for n in range(3):
        (tmp_path / f"story{n}.txt").write_text(story_text(n), encoding="utf-8")
    return [str(tmp_path)]


def test_a_restart_during_the_nlp_stage_still_saves(server: Server, inputs: list[str]) -> None:
    def say(message: str) -> None:
        if message.startswith("analysing"):
            server.stop()  # every pooled connection dies with the server
            server.start()

    report, errors = analyze(inputs, db_url=server.url, progress=say)
    assert not errors and len(report.articles) == 3
    with Store(server.url) as store:
        assert store.load_report([a.id for a in report.articles]) is not None


def test_a_server_down_at_save_time_keeps_the_finished_report(server: Server, inputs: list[str]) -> None:
    def say(message: str) -> None:
        if message.startswith("analysing"):
            server.stop()

    try:
        with pytest.raises(SaveFailed) as caught:
            analyze(inputs, db_url=server.url, progress=say)
    finally:
        server.start()
    assert len(caught.value.report.articles) == 3 and caught.value.report.claims
    assert "the analysis was not saved to the database: cannot write to" in str(caught.value)
    assert "\n" not in str(caught.value)
