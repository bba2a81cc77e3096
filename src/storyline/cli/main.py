"""The ``storyline`` command line: ingest, browse, search, analyse, evaluate.

User errors (a bad ``--db``, an unknown article id, an unreadable input) are one line on stderr,
``error: ...``, and a non-zero exit status; tracebacks are for bugs only. Results go to stdout,
progress and errors to stderr, so output can be piped.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from storyline import __version__, model
from storyline.cli import split as split_cli
from storyline.cli import watch as watch_cli
from storyline.cli.eval import eval_app
from storyline.cli.scale import DaskAddress, Jobs, Workers, executor_for
from storyline.store.errors import DatabaseUnavailable, InvalidArticle, StoreError

if TYPE_CHECKING:  # the store and the readers load on first use: `--help` imports neither
    from storyline.ingest.base import IngestError
    from storyline.store import AddResult, Store

app = typer.Typer(
    name="storyline",
    help="Turn news articles about one story into a sourced, reconciled timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.add_typer(eval_app, name="eval")
app.command("split")(split_cli.split)
app.command("watch")(watch_cli.watch)

STORE_CHUNK = 100  # articles per transaction: a killed ingest keeps every finished chunk
_MARK = ("\x02", "\x03")  # snippet markers that cannot occur in stored text

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STORYLINE_DB",
        help="SQLite file path or database URL (sqlite:///file.db, postgresql://user@host/db). "
        "Default: ./storyline.db.",
        show_default=False,
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching URLs on loopback or private networks."),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table, for scripts.")]
Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH|URL...", help="Files, folders, URLs, feeds, WARC or JSONL files.", show_default=False
    ),
]


def stdout() -> Console:
    """Results console: terminal width on a terminal; piped, wide enough for one line per row."""
    width = None if sys.stdout.isatty() else 240
    return Console(highlight=False, soft_wrap=False, width=width)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


_BLOCK_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str | None) -> str:
    """Article text for one terminal line: escape sequences, newlines and bidi overrides escaped,
    so that a title or file name can neither drive the terminal nor forge another line."""
    from storyline.ingest.base import printable

    return printable(text or "")


def safe_block(text: str) -> str:
    """Like ``safe`` for multi-line text (a body): newlines and tabs are kept."""
    from storyline.ingest.base import printable

    return _BLOCK_UNSAFE.sub(lambda m: printable(m.group()), text)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {safe(message)}", err=True)
    raise typer.Exit(code)


def open_store(db: str | None) -> Store:
    from storyline.store import Store

    try:
        return Store(db)
    except StoreError as exc:
        fail(str(exc))


def progress_bar() -> Progress:
    """A transient progress display on stderr, shown only when stderr is a terminal."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr(),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles about one story into a sourced, reconciled timeline."""


# -- ingest ----------------------------------------------------------------------------------


@app.command()
def ingest(inputs: Inputs, db: Db = None, allow_private: AllowPrivate = False) -> None:
    """Read, clean and store articles; each bad input is reported and the rest go through."""
    from storyline.ingest import ingest as read_and_clean

    store = open_store(db)
    try:
        with progress_bar() as bar:
            reading = bar.add_task("reading", total=None)
            seen = 0

            def one_read(_item: object) -> None:
                nonlocal seen
                seen += 1
                bar.advance(reading)

            articles, errors = read_and_clean(list(inputs), allow_private=allow_private, progress=one_read)
            bar.update(reading, total=seen, description="read")
            storing = bar.add_task("storing", total=len(articles))
            added = skipped = 0
            for start in range(0, len(articles), STORE_CHUNK):
                chunk = articles[start : start + STORE_CHUNK]
                result, failed = _store_chunk(store, chunk)
                added += len(result.added)
                skipped += len(result.skipped)
                errors.extend(failed)
                bar.advance(storing, len(chunk))
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    for error in errors:
        _echo_error(error)
    typer.echo(
        f"added {added}, skipped {skipped} (already stored), failed {len(errors)}"
        + (" (see errors above)" if errors else "")
    )
    if errors:
        raise typer.Exit(1)


def _store_chunk(store: Store, chunk: Sequence[model.Article]) -> tuple[AddResult, list[IngestError]]:
    """Store a chunk in one transaction; if that fails, article by article, so that one bad
    article costs only itself and is reported like any other bad input."""
    from storyline.ingest.base import IngestError
    from storyline.store import AddResult

    try:
        return store.add_articles(chunk), []
    except DatabaseUnavailable:
        raise  # not the articles' fault: stop, keeping the chunks already committed
    except StoreError:
        pass
    result, failed = AddResult(), []
    for article in chunk:
        try:
            one = store.add_articles([article])
        except DatabaseUnavailable:
            raise
        except StoreError as exc:
            reason = exc.reason if isinstance(exc, InvalidArticle) else f"cannot store: {exc}"
            failed.append(IngestError(article.path or article.url or article.id, reason))
            continue
        result.added += one.added
        result.skipped += one.skipped
    return result, failed


def _echo_error(error: object) -> None:
    source = str(getattr(error, "source", "?"))
    message = " ".join(str(getattr(error, "message", error)).split())
    typer.echo(f"error: {safe(source)}: {safe(message)}", err=True)


# -- browse ----------------------------------------------------------------------------------


def _print_json(value: object) -> None:
    """JSON escapes C0 controls itself; C1 controls (``\\x9b`` is a CSI) and bidi overrides are
    escaped here too, so that piping to a terminal is as safe as the tables."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    typer.echo(_BLOCK_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _summary(a: model.Article) -> dict[str, object]:
    """An article without its body and audit, as listings show it."""
    return {
        "id": a.id,
        "title": a.title,
        "published": dataclasses.asdict(a.published),
        "site": a.site,
        "url": a.url,
        "path": a.path,
        "format": a.format,
    }


def _date(published: model.PublishedDate) -> str:
    if published.value:
        source = f"{published.source}, portal page" if published.portal else published.source
        return f"{published.value} ({source})" if source else published.value
    if published.earliest or published.latest:
        return f"{published.earliest or '?'}..{published.latest or '?'} ({published.source or 'range'})"
    return "undated"


@app.command()
def articles(db: Db = None, as_json: Json = False) -> None:
    """List the stored articles: id, date and where it came from, title, site or path."""
    store = open_store(db)
    try:
        stored = store.articles()
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    if as_json:
        _print_json([_summary(a) for a in stored])
        return
    out = stdout()
    if not stored:
        out.print("no articles stored yet; add some with `storyline ingest PATH|URL...`", markup=False)
        return
    table = Table(show_lines=False, pad_edge=False)
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("date (source)", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("site / path", overflow="fold")
    for a in stored:
        table.add_row(
            a.id,
            escape(safe(_date(a.published))),
            escape(safe(a.title or "(no title)")),
            escape(safe(a.site or a.url or a.path or "")),
        )
    out.print(table)
    out.print(f"{len(stored)} article(s)", markup=False)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id or a unique prefix of it.")],
    db: Db = None,
    as_json: Json = False,
) -> None:
    """One article: title, dates and their source, teasers, highlights, clean body, removed parts."""
    store = open_store(db)
    try:
        a = store.get(article_id)
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    if as_json:
        _print_json(dataclasses.asdict(a))
        return
    out = stdout()
    out.print(Text(safe(a.title or "(no title)"), style="bold"))
    facts = [
        ("id", a.id),
        ("source", a.url or a.path or ""),
        ("site", a.site or ""),
        ("author", a.author or ""),
        ("format", a.format),
        ("raw title", a.raw_title if a.raw_title and a.raw_title != a.title else ""),
    ]
    p = a.published
    facts.append(("published", f"{p.value or 'unknown'}" + (f" (source: {p.source})" if p.source else "")))
    if p.earliest or p.latest:
        facts.append(("date range", f"{p.earliest or '?'} .. {p.latest or '?'}"))
    if p.portal:
        facts.append(
            ("portal page", "yes: the dateline is the page's date, so the article is that old or older")
        )
    if p.note:
        facts.append(("date note", p.note))
    for label, value in facts:
        if value:
            out.print(Text.assemble((f"{label:>11}: ", "dim"), safe(value)))
    if a.teasers:
        out.print(Rule(f"teasers of other stories ({len(a.teasers)})", align="left"))
        for teaser in a.teasers:
            out.print(
                Text.assemble(
                    "• ", (safe(teaser.headline), "bold"), f" — {safe(teaser.summary)}" if teaser.summary else ""
                )
            )
    if a.highlights:
        out.print(Rule(f"highlights ({len(a.highlights)})", align="left"))
        for highlight in a.highlights:
            out.print(Text("• " + safe(highlight)))
    out.print(Rule("body", align="left"))
    out.print(Text(safe_block(a.body)), soft_wrap=True)
    out.print(Rule(f"removed by the cleaner ({len(a.removed)})", align="left"))
    if not a.removed:
        out.print(Text("nothing was removed", style="dim"))
    for part in a.removed:
        where = f"line {part.line}" if part.line is not None else "line ?"
        out.print(
            Text.assemble((f"{where:>9} ", "dim"), (f"[{safe(part.reason)}] ", "yellow"), safe(part.text)),
            soft_wrap=True,
        )


def _snippet(snippet: str, brackets: tuple[str, str] = ("", "")) -> Text:
    """Rich text with the matched words (between the private markers) highlighted and bracketed."""
    text = Text()
    rest = " ".join(snippet.split())
    while _MARK[0] in rest:
        before, _, tail = rest.partition(_MARK[0])
        word, _, rest = tail.partition(_MARK[1])
        text.append(safe(before))
        text.append(brackets[0] + safe(word) + brackets[1], style="bold reverse")
    text.append(safe(rest))
    return text


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find (all of them), "a phrase", a OR b, -excluded.', show_default=False
        ),
    ],
    db: Db = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 20,
    raw: Annotated[
        bool, typer.Option("--raw", help="Pass the query to the database as is (FTS5 / to_tsquery syntax).")
    ] = False,
    as_json: Json = False,
) -> None:
    """Full-text search over article bodies and titles, best matches first."""
    store = open_store(db)
    try:
        hits = store.search(query, limit=limit, raw=raw, mark=_MARK)
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    if as_json:
        _print_json(
            [
                {**_summary(h.article), "score": h.score, "snippet": _snippet(h.snippet, ("[", "]")).plain}
                for h in hits
            ]
        )
        return
    out = stdout()
    if not hits:
        out.print(f"no article matches {safe(repr(query))}", markup=False)
        return
    for hit in hits:
        a = hit.article
        out.print(
            Text.assemble(
                (a.id, "cyan"),
                "  ",
                (safe(a.title or "(no title)"), "bold"),
                ("  " + " · ".join(safe(x) for x in (a.site or a.url or a.path, _date(a.published)) if x), "dim"),
            )
        )
        out.print(Text("    ").append_text(_snippet(hit.snippet)), soft_wrap=True)
    out.print(f"{len(hits)} match(es)", markup=False)


# -- analyze ---------------------------------------------------------------------------------


@contextmanager
def _status() -> Iterator[Callable[[str], None]]:
    """A spinner line on stderr for the pipeline's progress messages, only on a terminal."""
    if not sys.stderr.isatty():
        yield lambda _message: None
        return
    with stderr().status("starting") as status:
        yield lambda message: status.update(escape(message))


def _check_outputs(outputs: Sequence[Path]) -> None:
    from storyline.report import FORMATS

    for out in outputs:
        if out.suffix.lower() not in FORMATS:
            known = ", ".join(sorted(FORMATS))
            fail(f"{out}: unknown report format {out.suffix or '(no extension)'!r}; use one of {known}")
        if out.exists() and out.is_dir():
            fail(f"{out}: is a directory")


@app.command()
def analyze(
    inputs: Inputs,
    out: Annotated[
        list[Path],
        typer.Option(
            "--out",
            "-o",
            help="Report file; the extension picks the format (.json .md .html .csv). Repeat for several.",
            show_default=False,
        ),
    ],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="STORYLINE_DB",
            show_default=False,
            help="Keep the articles and the analysis in this database (default: a temporary one).",
        ),
    ] = None,
    allow_private: AllowPrivate = False,
    jobs: Jobs = 1,
    dask: DaskAddress = None,
    workers: Workers = None,
) -> None:
    """Ingest, analyse and reconcile articles, then write the report(s)."""
    from storyline.pipeline import SaveFailed
    from storyline.pipeline import analyze as run_pipeline
    from storyline.report import write_report

    _check_outputs(out)
    if db is not None:
        from storyline.store import resolve_url  # SQLAlchemy: a run without --db may need none

        try:
            resolve_url(db)
        except StoreError as exc:
            fail(str(exc))
    save_error: SaveFailed | None = None
    try:
        with _status() as say, executor_for(jobs, dask, workers, fail, say):
            report, errors = run_pipeline(list(inputs), db_url=db, allow_private=allow_private, progress=say)
    except SaveFailed as exc:  # the reports are still written: they do not need the database
        report, errors, save_error = exc.report, exc.errors, exc
    except StoreError as exc:
        fail(str(exc))
    for error in errors:
        _echo_error(error)
    failed_writes = 0
    for path in out:
        try:
            written = write_report(report, path)
        except OSError as exc:
            typer.echo(f"error: cannot write {safe(str(path))}: {safe(str(exc.strerror or exc))}", err=True)
            failed_writes += 1
            continue
        typer.echo(safe(str(written)))
    typer.echo(
        f"{len(report.articles)} article(s), {len(report.claims)} claim(s), {len(report.events)} event(s), "
        f"{len(report.conflicts)} conflict(s); {len(errors)} input(s) failed",
        err=True,
    )
    if save_error is not None:
        typer.echo(f"error: {safe(str(save_error))}", err=True)
    if errors or failed_writes or save_error is not None:
        raise typer.Exit(1)


@app.command()
def report(
    out: Annotated[
        list[Path],
        typer.Option(
            "--out",
            "-o",
            help="Report file; the extension picks the format. Repeat for several.",
            show_default=False,
        ),
    ],
    db: Db = None,
    article_ids: Annotated[
        list[str] | None,
        typer.Option(
            "--article",
            "-a",
            metavar="ID",
            help="The analysis of exactly these articles (default: the latest).",
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option("--story", "-s", help="The analysis of this story (see `storyline stories`).", show_default=False),
    ] = None,
) -> None:
    """Write a stored analysis (of a story, or from `storyline analyze --db`) without recomputing it."""
    from storyline.report import write_report

    _check_outputs(out)
    if story is not None and article_ids:
        fail("give either --story or --article, not both")
    store = open_store(db)
    try:
        if story is not None:
            from storyline.stories import story_report

            saved: model.Report | None = story_report(store, story)
            ids = None
        else:
            ids = [store.get(i).id for i in article_ids] if article_ids else None
            saved = store.load_report(ids)
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    if saved is None:
        fail(
            "no stored analysis of these articles"
            if ids
            else "no analysis stored yet; run `storyline analyze --db`"
        )
    for path in out:
        try:
            typer.echo(safe(str(write_report(saved, path))))
        except OSError as exc:
            fail(f"cannot write {path}: {exc.strerror or exc}")


from storyline.cli.serve import register as register_serve  # noqa: E402
from storyline.cli.stories import register  # noqa: E402  (the story commands need the helpers above)

register(app)
register_serve(app)

if __name__ == "__main__":  # pragma: no cover
    app()
