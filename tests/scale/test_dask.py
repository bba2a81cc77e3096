"""Scale-out: the per-article stage on a real Dask cluster (and on local processes) gives the
report one process gives, and the cluster, not the client, did the parsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli.main import app
from storyline.executor import VersionMismatch, from_wire, to_wire
from storyline.extraction import extract_batch, extraction_version
from storyline.model import Article, content_hash

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()


def analyze(out: Path, *options: str) -> str:
    done = runner.invoke(app, ["analyze", str(CORPUS), "--out", str(out), *options])
    assert done.exit_code == 0, done.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The single-process report of the example corpus: what every executor must reproduce."""
    report = analyze(tmp_path_factory.mktemp("one") / "report.json")
    assert '"events"' in report
    return report


def worker_stats(address: str) -> list[dict[str, float]]:
    """What each of the cluster's workers has done so far (``DaskExecutor.worker_stats``)."""
    from distributed import Client

    from storyline.dask_executor import _stats

    with Client(address) as client:
        return list(client.run(_stats).values())


def test_analyze_on_a_dask_scheduler_with_two_workers_equals_one_process(
    dask_scheduler: str, one_process: str, tmp_path: Path
) -> None:
    before = sum(s["articles"] for s in worker_stats(dask_scheduler))
    assert analyze(tmp_path / "report.json", "--dask", dask_scheduler) == one_process
    after = worker_stats(dask_scheduler)
    assert sum(s["articles"] for s in after) - before == len(json.loads(one_process)["articles"])
    assert [s["model_loads"] for s in after] == [1, 1]  # every worker loaded it, once, not per batch


@pytest.mark.postgres
def test_add_on_a_dask_cluster_into_a_shared_postgres_store(
    dask_scheduler: str, postgres_url: str, tmp_path: Path
) -> None:
    sqlite = str(tmp_path / "one.db")
    alone = runner.invoke(app, ["add", str(CORPUS), "--story", "s", "--db", sqlite])
    assert alone.exit_code == 0, alone.output
    shared = runner.invoke(app, ["add", str(CORPUS), "--story", "s", "--db", postgres_url, "--dask", dask_scheduler])
    assert shared.exit_code == 0, shared.output
    assert shared.stdout == alone.stdout
    reports = []
    for db, name in ((sqlite, "one.json"), (postgres_url, "shared.json")):
        done = runner.invoke(app, ["report", "--story", "s", "--db", db, "--out", str(tmp_path / name)])
        assert done.exit_code == 0, done.output
        reports.append((tmp_path / name).read_text(encoding="utf-8"))
    assert reports[0] == reports[1]
    # the store holds the extractions: adding again parses nothing, on the cluster or here
    again = runner.invoke(app, ["add", str(CORPUS), "--story", "s", "--db", postgres_url, "--dask", dask_scheduler])
    assert again.exit_code == 0 and "nothing new" in again.stdout


def test_a_local_dask_cluster_of_two_workers_equals_one_process(one_process: str, tmp_path: Path) -> None:
    assert analyze(tmp_path / "report.json", "--workers", "2") == one_process


def test_two_local_processes_equal_one_process(one_process: str, tmp_path: Path) -> None:
    assert analyze(tmp_path / "report.json", "-j", "2") == one_process


def test_one_place_at_a_time(tmp_path: Path) -> None:
    done = runner.invoke(app, ["analyze", str(CORPUS), "--out", str(tmp_path / "r.json"), "-j", "2",
                               "--dask", "tcp://127.0.0.1:1"])
    assert done.exit_code == 1
    assert "give one of -j, --dask, --workers (got -j, --dask)" in done.stderr
    assert not (tmp_path / "r.json").exists()


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", 2.0)
    port = free_port()
    done = runner.invoke(app, ["analyze", str(CORPUS), "--out", str(tmp_path / "r.json"),
                               "--dask", f"tcp://127.0.0.1:{port}"])
    assert done.exit_code == 1
    assert done.stderr.startswith(f"error: cannot use the Dask cluster at tcp://127.0.0.1:{port}")
    assert "Traceback" not in done.output


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_results_travel_whole_and_other_code_is_refused() -> None:
    text = "The mayor said on Tuesday that the ferry would resume on 4 May.\nMore boats followed."
    article = Article(id="a1", body=text, content_hash=content_hash(text))
    (made,) = extract_batch([article])
    back = from_wire(to_wire(made), article, extraction_version())
    assert back == made
    with pytest.raises(VersionMismatch, match="install the same storyline"):
        from_wire({**to_wire(made), "version": "other"}, article, extraction_version())
