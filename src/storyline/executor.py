"""Where the per-article stage runs: this process, local worker processes, or a Dask cluster.

One abstraction, three places, the same task. ``run_batch`` parses and extracts a batch of
articles and returns each extraction in its *wire* form (builtins and the compressed parse, no
article text: ``to_wire``/``from_wire``); the client turns results back into ``Extraction``
objects, in input order, and writes them to the store itself. Why the client writes, even when
the store is a PostgreSQL server every worker could reach: the client needs each extraction's
sentences, times and mentions in memory anyway to reconcile the story, SQLite must have a
single writer, and the write is a small fraction of the parse (``bench/dask.py`` prints it), so
one writer keeps one code path for both databases and the store's fall-back-to-memory in one
place.

Workers keep the spaCy model and the gazetteer loaded between batches (``load_nlp`` is cached
per process; ``warm`` runs once when a worker starts: the pool's initializer, or the Dask
worker plugin), and tasks are batches, so a worker pays the model load once, not per call.
Which executor ``storyline.extraction.extract_stream`` uses is set for a block with
``using(executor)`` (the CLI's ``-j``, ``--workers`` and ``--dask``), so the story code in
between needs no parameter for it.
"""

from __future__ import annotations

import gc
import itertools
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

from storyline import codec, extraction
from storyline.extraction import BATCH, Extraction, extract_batch, extraction_version
from storyline.model import Article

#: Batches a slot (a worker process or thread) may have queued beyond the one it runs: enough to
#: keep it busy while the client collects results, few enough that memory stays bounded.
AHEAD = 2
MIN_BATCH = 2
#: A sentence to warm a worker on: loads the model and the gazetteer, compiles lazy patterns.
WARM_TEXT = "On Monday the council said the bridge would reopen on 3 March, officials reported."

_LOCK = threading.Lock()  # spaCy's pipeline is not thread-safe: one batch at a time per process
STATS: dict[str, float] = {"batches": 0, "articles": 0, "cpu": 0.0}
"""What this process ran as a worker (read by tests and benches through ``Client.run``)."""


class VersionMismatch(RuntimeError):
    """A worker runs other extraction code than the client: its results would not be comparable."""


@dataclass
class BatchResult:
    extractions: list[dict[str, Any]]
    cpu: float
    """CPU seconds the worker process spent on the batch (for benches and sizing)."""
    worker: int = field(default_factory=os.getpid)


def slim(article: Article) -> Article:
    """What the per-article stage reads of an article (id, body, hash, date): less to ship."""
    return Article(id=article.id, body=article.body, content_hash=article.content_hash,
                   published=article.published)


def to_wire(e: Extraction) -> dict[str, Any]:
    """An extraction as builtins and bytes (the store's row form): cheap to serialise anywhere."""
    return {"article_id": e.article_id, "content_hash": e.content_hash, "version": e.version,
            "published": codec.dump(e.published), "sentences": codec.sentences_dump(e.sentences),
            "times": codec.dump(e.times), "raw": e.raw, "doc": e.doc}


def from_wire(wire: dict[str, Any], article: Article, version: str) -> Extraction:
    """The extraction back from its wire form; refuses one made by other extraction code."""
    if wire["version"] != version:
        raise VersionMismatch(
            f"a worker runs extraction version {wire['version']}, this client {version}: "
            "install the same storyline on the client and every worker")
    if wire["content_hash"] != article.content_hash:
        raise ValueError(f"result for {wire['article_id']} does not match article {article.id}")
    published = codec.published(wire["published"])
    assert published is not None
    return Extraction(article_id=wire["article_id"], content_hash=wire["content_hash"], version=wire["version"],
                      published=published, sentences=codec.sentences(wire["sentences"], article.body),
                      times=codec.times(wire["times"]), raw=wire["raw"], doc=wire["doc"])


def warm() -> None:
    """Load the model and the gazetteer and run one tiny extraction, once per worker process."""
    from storyline.extract.gazetteer import lookup
    from storyline.model import content_hash

    with _LOCK:
        extract_batch([Article(id="warm", body=WARM_TEXT, content_hash=content_hash(WARM_TEXT))])
        # the warm text names no place, so its extraction never read the gazetteer: without this
        # every forked parse child loaded the index again (0.13 s of CPU each)
        lookup("Paris")


def run_batch(articles: Sequence[Article]) -> BatchResult:
    """The task every remote executor runs: parse and extract a batch in this worker process."""
    with _LOCK:
        start = time.process_time()
        done = [to_wire(e) for e in extract_batch(articles)]
        cpu = time.process_time() - start
        STATS["batches"] += 1
        STATS["articles"] += len(articles)
        STATS["cpu"] += cpu
    return BatchResult(done, cpu)


def batch_size(n_articles: int | None, slots: int) -> int:
    """Articles per task: at most ``BATCH`` (spaCy's batch), and small enough that a short run
    still gives every slot about three tasks (48 articles on 2 workers: 6 tasks of 8, not 3 of
    16, where one worker would parse two batches while the other idles)."""
    if n_articles is None or slots <= 1:
        return BATCH
    return max(MIN_BATCH, min(BATCH, math.ceil(n_articles / (3 * slots))))


#: Characters of body a batch of the default path takes at most (``Recycled``; a longer article
#: is a batch alone): the parse's working memory grows with a batch's characters (some 3.5 KiB a
#: character on the bench's pages: 107,000 characters of 16 articles took a child from 125 to
#: 519 MiB), so a batch of long articles made the peak, not their number. 16 articles of 4,000
#: characters, a typical batch, fit.
BATCH_CHARS = 64_000


def batches_by_chars(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and ``chars`` characters of body (an article longer
    than that is a batch of its own), in order."""
    batch: list[Article] = []
    held = 0
    for article in articles:
        if batch and (len(batch) == size or held + len(article.body) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.body)
    if batch:
        yield batch


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Handle(Protocol):
    def result(self) -> BatchResult: ...


class Executor:
    """Runs ``run_batch`` over batches somewhere; subclasses say where (``submit``, ``slots``)."""

    name = "remote"
    cpu = 0.0
    """Worker CPU seconds reported by the batches run so far (0 for the in-process executor)."""

    def slots(self) -> int:
        return 1

    def submit(self, batch: list[Article]) -> Handle:
        raise NotImplementedError

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions of ``articles`` in order, at most ``AHEAD`` + 1 batches per slot in flight."""
        n = len(articles) if isinstance(articles, Sequence) else None
        slots = self.slots()
        version = extraction_version()
        pending: list[tuple[list[Article], Handle]] = []

        def collect() -> Iterator[Extraction]:
            batch, handle = pending.pop(0)
            result = handle.result()
            self.cpu += result.cpu
            for article, wire in zip(batch, result.extractions, strict=True):
                yield from_wire(wire, article, version)

        for batch in batches(articles, batch_size(n, slots)):
            pending.append((batch, self.submit([slim(a) for a in batch])))
            if len(pending) > slots * AHEAD:
                yield from collect()
        while pending:
            yield from collect()

    def close(self) -> None:
        """Release workers; the in-process executor holds none."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class InProcess(Executor):
    """This process, batch after batch, no serialisation: the default."""

    name = "in-process"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for batch in batches(articles, BATCH):
            yield from extract_batch(batch)


#: Batches one forked parse child runs before it exits and a fresh one takes over (``Recycled``).
#: A child's start costs its fresh memory's page faults (on the bench's 181 pages, 8 batches a
#: child took 31.0 s of CPU against 29.2 s with 16, one child instead of two); its peak does not
#: grow with more batches enough to matter (bench/memory.py: 1.26x with 8, 1.24x with 16).
RECYCLE = 16


class Recycled(Executor):
    """The default (``-j 1``): batches parsed one at a time, each run of ``RECYCLE`` batches in a
    child process forked from this one, which then exits.

    Why: the parse's working memory (spaCy's and thinc's arrays for a batch, some 300 MiB on the
    bench's pages) stays in the heap of the process that parsed, and grows with the number of
    batches parsed (fragmentation, the longest batch so far): it made the peak of
    ``storyline analyze`` grow from 565 MiB at 300 articles to 745 at 3,000. A child takes it
    with it when it exits. The model and the gazetteer are loaded here first (the story stage
    needs them anyway), so a forked child shares them and pays no load: a fork, and the results
    sent back in their wire form (what ``-j N`` sends), are the whole cost. The child's CPU time
    is this process's children's (``resource.RUSAGE_CHILDREN``) once it is joined. Batches are
    bounded in characters too (``BATCH_CHARS``): what one batch's parse takes is then bounded
    whatever articles the corpus holds. Where fork
    is not available (not POSIX), or this process may not start any, batches run here."""

    name = "forked parse processes"

    def __init__(self, recycle: int = RECYCLE) -> None:
        self.recycle = recycle

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
            yield from InProcess().extract(articles)  # a daemonic process may not start children
            return
        context = multiprocessing.get_context("fork")
        # read through the module, as ``extract`` does in the child (a test may stand in another)
        version = extraction.extraction_version()
        warm()  # the model, the gazetteer and lazy patterns, loaded once here and shared by every child
        split = batches_by_chars(articles, BATCH, BATCH_CHARS)
        first = next(split, None)
        if first is None:
            return
        second = next(split, None)
        if second is None:
            # one batch is all: its parse's working memory is the peak whichever process holds
            # it, and a child would only add its fork and the results' round trip (0.2 s)
            yield from extract_batch(first)
            return
        group: list[list[Article]] = []
        for batch in itertools.chain((first, second), split):
            group.append(batch)
            if len(group) == self.recycle:
                yield from self._run(context, group, version)
                group = []
        if group:
            yield from self._run(context, group, version)

    @staticmethod
    def _run(context: Any, group: list[list[Article]], version: str) -> Iterator[Extraction]:
        """Extractions of ``group``'s batches, parsed in one forked child, in order.

        What exists is set aside from the cyclic collector (``gc.freeze``) while the child lives:
        a collection walks every object and writes to it, which would copy the pages the two
        processes share (in the child, or in this process, whose copy then leaves the old page
        to the child alone): the child's memory would grow with this process's heap."""
        reader, writer = context.Pipe(duplex=False)
        thawed = gc.get_freeze_count() == 0  # else an enclosing block froze and will thaw
        gc.freeze()
        child = context.Process(target=_parse_batches, args=(group, writer))
        try:
            child.start()
        except BaseException:
            if thawed:
                gc.unfreeze()
            raise
        writer.close()
        try:
            for batch in group:
                try:
                    sent = reader.recv()
                except EOFError:
                    raise RuntimeError(f"the parse process stopped (exit code {child.exitcode})") from None
                if isinstance(sent, str):
                    raise RuntimeError(f"the parse process failed: {sent}")
                sent, learnt = sent
                _learn_lemmas(learnt)
                for article, wire in zip(batch, sent, strict=True):
                    yield from_wire(wire, article, version)
        finally:
            reader.close()
            if child.is_alive() and child.exitcode is None:
                child.join(timeout=60)
            if child.is_alive():
                child.kill()
            child.join()
            if thawed:
                gc.unfreeze()


def _parse_batches(group: list[list[Article]], writer: Any) -> None:
    """A forked child's work: each batch's extractions sent back in wire form, as soon as made;
    a failure is sent as its traceback (an exception object may not pickle)."""
    import traceback

    from storyline.nlp import lemma_cache, load_nlp

    _keep_heap()
    cache = lemma_cache(load_nlp())
    try:
        for batch in group:
            known = len(cache) if cache is not None else 0
            done = [to_wire(e) for e in extract_batch(batch)]
            # what the lemmatizer learnt here goes back with the batch (a dict keeps its order and
            # the memo only grows): the parent keeps it for the children it forks next
            writer.send((done, list(cache.items())[known:] if cache is not None else []))
    except BaseException:  # whatever it is, the parent must hear of it
        writer.send(traceback.format_exc())
    finally:
        writer.close()


def _learn_lemmas(learnt: list[tuple[Any, Any]]) -> None:
    """Keep what a parse child's lemmatizer worked out (``storyline.nlp.lemma_cache``), so that
    the next child, forked from this process, starts with it instead of working it out again as
    every child did: the rules ran for every word of every child (some 1.5 s of a child's CPU on
    the bench's pages, which a parse in one long-lived process, the bench's baseline, pays once).
    The memo is a pure function of its key, so no lemma changes; it grows with the vocabulary
    parsed (some 6,000 entries on the bench's 181 pages)."""
    from storyline.nlp import lemma_cache, load_nlp

    cache = lemma_cache(load_nlp())
    if cache is not None:
        for key, forms in learnt:
            cache.setdefault(key, forms)


#: glibc's ``mallopt`` option for the free space at the top of the heap it keeps, not trims.
M_TRIM_THRESHOLD = -1
KEEP_HEAP = 1 << 30


def _keep_heap() -> None:
    """Let a parse child keep its freed heap until it exits, instead of handing it back to the
    system after each article and faulting it in again for the next (glibc trims the heap's
    top once its free space passes a threshold, and the parse's arrays freed at the top did):
    250,000 page faults, some 1.2 s of system CPU on the bench's 181 pages, down to 70,000. The
    child's peak is unchanged (387-412 MiB either way): it only stops shrinking between articles
    it will grow back for, and the whole heap goes when it exits. Elsewhere than glibc, nothing."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    except OSError:
        return
    if mallopt is not None:
        mallopt(M_TRIM_THRESHOLD, KEEP_HEAP)


class ProcessPool(Executor):
    """``-j N``: N local worker processes that live as long as this object and load the model once
    each, when they start (so a pool made before reading the inputs loads it while they are read)."""

    def __init__(self, n: int) -> None:
        import multiprocessing

        self.n = n
        self.name = f"{n} local processes"
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":  # each worker forks with spaCy and the stages already imported
            context.set_forkserver_preload(["storyline.executor", "storyline.extract.analyze", "storyline.nlp"])
        self.pool = ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=warm)
        for _ in range(n):  # start every worker now: the model loads while the caller reads inputs
            self.pool.submit(int)

    def slots(self) -> int:
        return self.n

    def submit(self, batch: list[Article]) -> Future[BatchResult]:
        return self.pool.submit(run_batch, batch)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


_CURRENT: ContextVar[Executor | None] = ContextVar("storyline_executor", default=None)


def current() -> Executor | None:
    """The executor set by the innermost ``using`` block, if any."""
    return _CURRENT.get()


@contextmanager
def using(executor: Executor) -> Iterator[Executor]:
    """Run the per-article stage of everything in this block on ``executor`` (not closed here)."""
    token = _CURRENT.set(executor)
    try:
        yield executor
    finally:
        _CURRENT.reset(token)


def make(jobs: int = 1, *, dask: str | None = None, workers: int | None = None,
         on_start: Callable[[str], None] | None = None) -> Executor:
    """The executor for the CLI's options: ``--dask ADDRESS``, ``--workers N`` (a local Dask
    cluster), ``-j N`` (local processes), else children forked from this process (``Recycled``).
    At most one may be given."""
    given = [name for name, value in (("-j", jobs > 1), ("--dask", dask), ("--workers", workers)) if value]
    if len(given) > 1:
        raise ValueError(f"give one of -j, --dask, --workers (got {', '.join(given)})")
    if dask or workers:
        from storyline.dask_executor import DaskExecutor

        return DaskExecutor(dask, workers=workers, on_start=on_start)
    return ProcessPool(jobs) if jobs > 1 else Recycled()

