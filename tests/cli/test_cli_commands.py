"""The ``storyline`` commands on real files and real SQLite stores (CliRunner), plus the installed script."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline import model
from storyline.cli.main import app
from storyline.store import Store

runner = CliRunner()
SCRIPT = Path(sys.executable).parent / "storyline"

GOOD = (
    "Harbour council approves ferry budget\n\n"
    "The harbour council voted on Tuesday to fund a second ferry. The mayor said the vote was close, "
    "with seven members in favour and five against.\n\n"
    "Work on the new landing stage is due to start next spring.\n"
)
OTHER = (
    "Wildfire crews contain blaze near village\n\n"
    "Firefighters contained a wildfire on the hills above the village after two days. No homes were lost, "
    "the regional coastguard said, and the road has reopened.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "ferry.txt",
        "other": tmp_path / "wildfire.txt",
        "binary": tmp_path / "image.txt",
        "empty": tmp_path / "empty.txt",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["other"].write_text(OTHER, encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    files["empty"].write_bytes(b"")
    return files


def run(*args: str | Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], env=env)


def no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_ingest_reports_bad_inputs_and_is_idempotent(corpus: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = run("ingest", corpus["good"], corpus["binary"], corpus["other"], corpus["empty"], "--db", db)
    assert first.exit_code == 1
    no_traceback(first)
    errors = first.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {corpus['binary']}: ")
    assert errors[1].startswith(f"error: {corpus['empty']}: ")
    assert "added 2, skipped 0 (already stored), failed 2" in first.stdout

    again = run("ingest", corpus["good"], corpus["other"], "--db", db)
    assert again.exit_code == 0, again.output
    assert "added 0, skipped 2 (already stored), failed 0" in again.stdout
    assert again.stderr == ""
    with Store(db) as store:
        assert store.count() == 2


def test_articles_show_and_search(corpus: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    empty = run("articles", "--db", db)
    assert empty.exit_code == 0 and "no articles stored yet" in empty.stdout
    assert run("ingest", corpus["good"], corpus["other"], "--db", db).exit_code == 0
    with Store(db) as store:
        ferry = next(a for a in store.articles() if "ferry" in a.body)

    listing = run("articles", "--db", db)
    assert listing.exit_code == 0
    assert ferry.id in listing.stdout
    assert "ferry.txt" in listing.stdout and "2 article(s)" in listing.stdout

    shown = run("show", ferry.id[:6], "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "Harbour council approves ferry budget" in shown.stdout
    assert "second ferry" in shown.stdout and "removed by the cleaner" in shown.stdout

    hits = run("search", "ferry vote", "--db", db)
    assert hits.exit_code == 0
    assert ferry.id in hits.stdout and "1 match(es)" in hits.stdout
    none = run("search", "glacier", "--db", db)
    assert none.exit_code == 0 and "no article matches" in none.stdout
    either = run("search", "ferry OR wildfire", "--db", db, "--limit", "1")
    assert either.exit_code == 0 and "1 match(es)" in either.stdout


def test_show_prints_dates_teasers_highlights_and_the_audit_of_the_cut(tmp_path: Path) -> None:
    body = "Officials confirmed the bridge will reopen.\n\nRepairs took three weeks."
    digest = model.content_hash(body)
    article = model.Article(
        id=digest[:16],
        body=body,
        content_hash=digest,
        title="Bridge to reopen",
        url="https://example.org/b",
        site="example.org",
        published=model.PublishedDate(
            "2024-05-02", "dateline", note="portal page date, not the article's", portal=True
        ),
        teasers=[model.Teaser("Market hall gets a new roof", "Council signs off the plan.")],
        highlights=["The bridge reopens on Monday"],
        removed=[
            model.RemovedPart("Leave a Reply", "site furniture", 14),
            model.RemovedPart("Share", "prompt"),
        ],
    )
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add_articles([article])
    shown = run("show", article.id, "--db", db)
    assert shown.exit_code == 0, shown.output
    out = shown.stdout
    for expected in (
        "Bridge to reopen",
        "2024-05-02 (source: dateline)",
        "portal page date, not the article's",
        "portal page: yes",
        "Market hall gets a new roof",
        "Council signs off the plan.",
        "The bridge reopens on Monday",
        "Repairs took three weeks.",
        "line 14 [site furniture] Leave a Reply",
        "[prompt] Share",
    ):
        assert expected in out
    assert out.index("Repairs took three weeks.") < out.index("Leave a Reply")  # body, then the cut


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "0123456789abcdef"], "no article with id '0123456789abcdef'"),
        (["show", "not-hex"], "hexadecimal"),
        (["articles", "--db", "mysql://u@h/db"], "unsupported database 'mysql'"),
        (["articles", "--db", "/nonexistent-dir/x/s.db"], "cannot open database /nonexistent-dir/x/s.db"),
        (["articles", "--db", "postgresql://u@h:notaport/db"], "not a database URL or path"),
        (["articles", "--db", ""], "the database is empty"),
        (["articles", "--db", "."], "is a folder"),
        (["search", '"unbalanced'], "unbalanced double quote"),
        (["search", "a AND (", "--raw"], "cannot run search query"),
        (["analyze", "x.txt", "--out", "report.pdf"], "unknown report format '.pdf'"),
        (["analyze", "x.txt", "--out", "r.json", "--db", "oracle://u@h/db"], "unsupported database 'oracle'"),
    ],
)
def test_user_errors_are_one_line(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    no_traceback(result)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr


def test_ambiguous_prefix_lists_candidates(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    articles = []
    for n in range(40):
        body = f"Note {n} about the harbour."
        digest = model.content_hash(body)
        articles.append(model.Article(id=digest[:16], body=body, content_hash=digest))
    with Store(db) as store:
        store.add_articles(articles)
    shared = next(a.id[0] for a in articles if sum(b.id[0] == a.id[0] for b in articles) > 1)
    result = run("show", shared, "--db", db)
    assert result.exit_code == 1
    assert re.match(rf"error: article id prefix '{shared}' is ambiguous: it matches {shared}", result.stderr)


def test_db_from_environment(corpus: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    assert run("ingest", corpus["good"], env={"STORYLINE_DB": str(db)}).exit_code == 0
    with Store(db) as store:
        assert store.count() == 1


def test_eval_is_mounted_and_version() -> None:
    helped = run("eval", "--help")
    assert helped.exit_code == 0 and "extraction" in helped.stdout
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("storyline ")


def test_analyze_writes_reports_and_reports_bad_inputs(corpus: dict[str, Path], tmp_path: Path) -> None:
    out_json, out_md = tmp_path / "out" / "r.json", tmp_path / "out" / "r.md"
    db = tmp_path / "a.db"
    result = run(
        "analyze",
        corpus["good"],
        corpus["other"],
        corpus["binary"],
        "--out",
        out_json,
        "--out",
        out_md,
        "--db",
        db,
    )
    assert result.exit_code == 1, result.output
    no_traceback(result)
    assert result.stdout.split() == [str(out_json), str(out_md)]
    assert f"error: {corpus['binary']}: " in result.stderr
    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert sorted(Path(a["path"]).name for a in report["articles"]) == ["ferry.txt", "wildfire.txt"]
    assert out_md.read_text(encoding="utf-8").strip()
    with Store(db) as store:  # --db keeps the articles and the analysis
        assert store.count() == 2
        saved = store.load_report()
        assert saved is not None and len(saved.articles) == 2

    again = tmp_path / "again.json"  # the stored analysis, written again without recomputing
    rerun = run("report", "--out", again, "--db", db)
    assert rerun.exit_code == 0, rerun.output
    assert json.loads(again.read_text(encoding="utf-8")) == report
    ids = [a["id"] for a in report["articles"]]
    picked = run("report", "--out", again, "--db", db, "--article", ids[0][:8], "--article", ids[1])
    assert picked.exit_code == 0, picked.output
    missing = run("report", "--out", again, "--db", db, "--article", ids[0])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no stored analysis of these articles")
    empty = run("report", "--out", again, "--db", tmp_path / "none.db")
    assert empty.exit_code == 1 and "no analysis stored yet" in empty.stderr


def test_installed_script_runs(corpus: dict[str, Path], tmp_path: Path) -> None:
    assert SCRIPT.exists(), f"the storyline entry point is not installed at {SCRIPT}"
    db = tmp_path / "script.db"
    ingest = subprocess.run(
        [SCRIPT, "ingest", corpus["good"], corpus["empty"], "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ingest.returncode == 1
    assert ingest.stderr.strip() == f"error: {corpus['empty']}: " + ingest.stderr.split(": ", 2)[2].strip()
    assert "added 1" in ingest.stdout
    listing = subprocess.run([SCRIPT, "articles", "--db", db], capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and "Harbour council approves" in listing.stdout.replace("\n", " ")
    missing = subprocess.run([SCRIPT, "show", "abc", "--db", db], capture_output=True, text=True, timeout=60)
    assert (
        missing.returncode == 1
        and missing.stderr.startswith("error: no article")
        and "Traceback" not in missing.stderr
    )


def test_progress_bar_only_on_a_terminal(corpus: dict[str, Path], tmp_path: Path) -> None:
    """With stderr on a pseudo-terminal the progress display is drawn; piped, stderr stays clean."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [SCRIPT, "ingest", corpus["good"], corpus["other"], "--db", tmp_path / "p.db"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    assert proc.wait(timeout=120) == 0
    os.close(master)
    assert b"storing" in drawn or b"reading" in drawn
    piped = subprocess.run(
        [SCRIPT, "ingest", corpus["good"], "--db", tmp_path / "q.db"], capture_output=True, timeout=120
    )
    assert piped.returncode == 0 and piped.stderr == b""


def test_seed_pages_ingest_list_and_show(seeds_dir: Path, tmp_path: Path) -> None:
    """The real scraped pages go in once each, and every one can be shown with its audit."""
    db = tmp_path / "seeds.db"
    first = run("ingest", seeds_dir, "--db", db)
    assert first.exit_code == 0, first.output
    pages = [p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith(".")]
    assert f"added {len(pages)}, skipped 0" in first.stdout
    assert f"added 0, skipped {len(pages)}" in run("ingest", seeds_dir, "--db", db).stdout
    with Store(db) as store:
        stored = store.articles()
    for article in stored:
        shown = run("show", article.id, "--db", db)
        assert shown.exit_code == 0
        assert article.body.splitlines()[0] in shown.stdout
        assert f"removed by the cleaner ({len(article.removed)})" in shown.stdout
        word = max((w for w in (article.title or article.body).split() if w.isalpha()), key=len)
        assert article.id in run("search", word, "--db", db, "--limit", "50").stdout


def test_urls_on_loopback_need_allow_private(tmp_path: Path) -> None:
    """A real HTTP server on 127.0.0.1: refused by default, fetched with --allow-private."""
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<html><head><title>Ferry service resumes</title>"
        '<meta property="article:published_time" content="2024-04-03T08:00:00Z"></head><body><article>'
        "<h1>Ferry service resumes</h1>"
        "<p>The island ferry resumed its regular crossings on Wednesday after a week of storms kept the "
        "boats in harbour. Operators said every sailing was full and extra crossings were added.</p>"
        "<p>Islanders had relied on a single supply boat during the closure, the harbour master said, and "
        "shops ran short of fresh food by the weekend.</p></article></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *_args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        db = tmp_path / "u.db"
        refused = run("ingest", url, "--db", db)
        assert refused.exit_code == 1
        assert refused.stderr.startswith(f"error: {url}: ")
        allowed = run("ingest", url, "--db", db, "--allow-private")
        assert allowed.exit_code == 0, allowed.output
        assert "added 1" in allowed.stdout
        with Store(db) as store:
            (article,) = store.articles()
        assert article.url == url and "island ferry resumed" in article.body
    finally:
        server.shutdown()
        server.server_close()


def test_an_unstorable_article_costs_only_itself(tmp_path: Path) -> None:
    """A JSONL line whose text holds a NUL cannot be stored; the other lines of its chunk are."""
    lines = [
        {
            "text": f"Story {n} about the harbour ferry timetable, which changes again next month.",
            "title": f"T{n}",
        }
        for n in range(3)
    ]
    lines[1]["text"] = "A story with a \u0000 inside it, about the river crossing and the flood barrier."
    feed = tmp_path / "batch.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = run("ingest", feed, "--db", tmp_path / "n.db")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    # refused at ingest, naming the line (the store refuses it too, for other callers)
    assert line == f"error: {feed}:2: field 'text' holds a NUL character, which no store keeps"
    assert "added 2, skipped 0 (already stored), failed 1" in result.stdout


def test_a_database_that_refuses_writes_stops_the_run_with_one_line(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "ro.db"
    assert run("ingest", corpus["good"], "--db", db).exit_code == 0
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = run("ingest", corpus["other"], corpus["good"], "--db", read_only)
    assert result.exit_code == 1
    no_traceback(result)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot write to ") and "readonly" in line
    listing = run("articles", "--db", read_only)  # reading still works
    assert listing.exit_code == 0 and "1 article(s)" in listing.stdout


def test_json_output_for_scripts(corpus: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert run("ingest", corpus["good"], corpus["other"], "--db", db).exit_code == 0
    listed = json.loads(run("articles", "--db", db, "--json").stdout)
    assert sorted(Path(a["path"]).name for a in listed) == ["ferry.txt", "wildfire.txt"]
    assert all("body" not in a and "published" in a for a in listed)
    hits = json.loads(run("search", "wildfire", "--db", db, "--json").stdout)
    assert [Path(h["path"]).name for h in hits] == ["wildfire.txt"]
    assert "[wildfire]" in hits[0]["snippet"].lower() and hits[0]["score"] > 0
    shown = json.loads(run("show", hits[0]["id"], "--db", db, "--json").stdout)
    assert shown["id"] == hits[0]["id"] and "contained a wildfire" in shown["body"]
    assert isinstance(shown["removed"], list)
