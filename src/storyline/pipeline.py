"""The main job, end to end: read -> clean -> store -> date, tag, extract -> reconcile.

This is the one place that sequences the stages; each stage stays a function of values, and the
store is touched only here and in the CLI.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from storyline.ingest.base import IngestError
from storyline.model import Article, Report
from storyline.store.errors import StoreError, database_errors

Progress = Callable[[str], None]


class SaveFailed(StoreError):
    """The analysis finished but the database would not keep it. It carries the report (which
    does not depend on the database) so that the caller still writes it, then says this."""

    def __init__(self, report: Report, errors: list[IngestError], cause: Exception) -> None:
        super().__init__(f"the analysis was not saved to the database: {cause}")
        self.report = report
        self.errors = errors

MAX_BODY_CHARS = 1_000_000
"""Longest body the NLP stages take (spaCy's own limit); a longer one is stored, not analysed."""


def _unique(articles: Sequence[Article]) -> list[Article]:
    """The same article given twice (same content hash) is analysed once."""
    seen: set[str] = set()
    out: list[Article] = []
    for article in articles:
        if article.content_hash not in seen:
            seen.add(article.content_hash)
            out.append(article)
    return out


def analyze_articles(articles: Sequence[Article], *, n_process: int = 1) -> Report:
    """Run the NLP stages and reconciliation over already-clean articles (no I/O, every parse
    in memory at once: for a few articles; ``storyline.analysis`` streams through a store)."""
    from storyline.extract import analyze_articles as extract_all
    from storyline.reconcile import reconcile

    articles = _unique(articles)
    analyses = extract_all(articles, n_process=n_process)
    dated = [
        replace(article, published=analysis.published) if analysis.published is not None else article
        for article, analysis in zip(articles, analyses, strict=True)
    ]
    return reconcile(dated, analyses)


def _one_batch(articles: Sequence[Article]) -> bool:
    """Whether ``articles`` make one parse batch, as the executor cuts them."""
    from storyline.executor import BATCH_CHARS, batches_by_chars
    from storyline.extraction import BATCH

    return next(itertools.islice(batches_by_chars(articles, BATCH, BATCH_CHARS), 1, None), None) is None


def analyze(
    inputs: Sequence[str],
    *,
    db_url: str | None = None,
    allow_private: bool = False,
    n_process: int = 1,
    progress: Progress | None = None,
) -> tuple[Report, list[IngestError]]:
    """Ingest ``inputs`` into a store (a temporary SQLite file unless ``db_url``), analyse, and
    save the report into ``db_url`` (a temporary store keeps it nowhere: it is deleted at the end;
    without ``db_url``, articles that make one parse batch need no store at all).

    Each article's extraction is stored (``storyline.analysis``): a later run over the same
    ``db_url`` parses only the articles it has not seen. Bad inputs come back as errors; the
    report covers every input that could be read. A database
    that fails once the analysis is running (locked, restarted) does not stop it: the store is
    tried again at the end, and if that fails too, ``SaveFailed`` carries the finished report.
    """
    from storyline.analysis import analyze_stored
    from storyline.ingest.stream import ingest_stream

    say = progress or (lambda _msg: None)
    say(f"reading {len(inputs)} input(s)")
    # read and cleaned one document at a time (no page's HTML outlives its cleaning); the clean
    # articles are kept, since reconciliation reads every body
    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in ingest_stream(list(inputs), allow_private=allow_private):
        if isinstance(item, IngestError):
            errors.append(item)
        else:
            articles.append(item)
    too_long = [a for a in articles if len(a.body) > MAX_BODY_CHARS]
    errors += [
        IngestError(a.path or a.url or a.id, f"body has {len(a.body):,} characters; analysis takes at most {MAX_BODY_CHARS:,}")
        for a in too_long
    ]

    analysed = _unique([a for a in articles if a not in too_long])
    if db_url is None and _one_batch(analysed):
        # a temporary store keeps the parses off the heap between the parse and reconciliation;
        # the parses of one batch fit in memory, and the store would be made, written and deleted
        # unread (0.4 s of a small run: its schema and SQLAlchemy's import)
        say(f"analysing {len(analysed)} article(s)")
        report = analyze_stored(analysed, None, n_process=n_process, progress=say, remember=False).report
        return report, errors
    from storyline.store import Store

    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'storyline.db'}"
        store = Store(url)
        try:
            try:
                result = store.add_articles(articles)
                say(f"stored {len(result.added)} new article(s), {len(result.skipped)} already known")
            except StoreError as exc:  # the analysis does not need the database; saving retries it
                say(f"cannot store the articles yet ({exc}); analysing anyway")
            say(f"analysing {len(analysed)} article(s)")
            report = analyze_stored(
                analysed, store, n_process=n_process, progress=say,
                remember=False,  # a one-off analysis: nothing in this process asks for its frames again
                keep_claims=db_url is not None,  # a temporary store is deleted below, unread
            ).report
            if db_url is not None:  # a temporary store is deleted below: saving into it was 2% of the CPU time
                try:
                    store.save_report(report)
                except database_errors() as exc:
                    raise SaveFailed(report, errors, exc) from None
        finally:
            store.close()
    return report, errors
