"""A real Dask cluster on loopback for the scale-out tests: a ``dask scheduler`` and two
``dask worker`` processes (one thread each), started once per module on free ports and stopped
by their process ids. Every server, the HTTP ones included, listens on 127.0.0.1 only. The PostgreSQL fixtures are the store tests' own (tests/store/conftest.py).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("storyline_store_fixtures", Path(__file__).parent.parent / "store" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
postgres_server = _store_fixtures.postgres_server
postgres_admin = _store_fixtures.postgres_admin
postgres_url = _store_fixtures.postgres_url
free_port = _store_fixtures.free_port

DASK = str(Path(sys.executable).parent / "dask")
WORKERS = 2
STARTUP = 180.0  # seconds for the scheduler and the workers (each loads spaCy) on a loaded machine


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for p in reversed(processes):
        if p.poll() is None:
            p.terminate()
    for p in reversed(processes):
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address (tcp://127.0.0.1:PORT) of a scheduler with two workers connected."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    logs = [(folder / f"{name}.log").open("wb") for name in ("scheduler", "worker-1", "worker-2")]
    processes = [subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(free_port()), "--no-dashboard",
         "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(info)], stdout=logs[0], stderr=subprocess.STDOUT, cwd=folder)]
    try:
        deadline = time.monotonic() + STARTUP
        while not info.exists() and time.monotonic() < deadline:
            if processes[0].poll() is not None:
                pytest.fail(f"dask scheduler exited: {(folder / 'scheduler.log').read_text()[-2000:]}")
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for n in range(1, WORKERS + 1):
            processes.append(subprocess.Popen(
                [DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                 "--dashboard-address", "127.0.0.1:0", "--host", "127.0.0.1", "--name", f"w{n}", "--memory-limit", "0"],
                stdout=logs[n], stderr=subprocess.STDOUT, cwd=folder))
        with Client(address, timeout=STARTUP) as client:
            client.wait_for_workers(WORKERS, timeout=STARTUP)
        yield address
    finally:
        _stop(processes)
        for log in logs:
            log.close()
