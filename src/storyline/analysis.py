"""One story's analysis from stored extractions: parse only what is not stored, finish, reconcile.

Shared by the one-shot ``storyline analyze`` (a temporary store unless ``--db``) and by stories
(``storyline.stories``). Articles stream through the per-article stage in bounded batches and
each batch's extractions go to the store at once, so no process holds every parse. The store is
a cache here, never a requirement: when the database fails mid-run (restarted, locked, full)
the extractions are kept in memory instead and the analysis finishes all the same.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from storyline import extraction as extraction_module
from storyline.extraction import Extraction, Finished, MemoryCache, extract_stream, finish, pack, unpack
from storyline.model import Article, Claim, Report
from storyline.store.errors import StoreError, database_errors

if TYPE_CHECKING:
    from storyline.reconcile.memo import Memo
    from storyline.store import Store

Progress = Callable[[str], None]
SAVE_EVERY = 32
"""Extractions written per transaction: a killed run keeps every finished group."""


class _Cache:
    """The store as ``ClaimCache``, falling back to memory for whatever the database refuses."""

    def __init__(self, store: Store | None, keep_claims: bool = True) -> None:
        self.store = store
        self.keep_claims = keep_claims
        self.memory = MemoryCache()

    def _failed(self, _exc: Exception) -> None:
        self.store = None  # one failure is enough: the rest of the run keeps to memory

    def keep(self, extractions: list[Extraction]) -> None:
        if self.store is not None:
            try:
                self.store.put_extractions(extractions)
                return
            except database_errors() as exc:
                self._failed(exc)
        for e in extractions:
            self.memory.docs[(e.content_hash, e.version)] = e.doc or b""

    def stored(self, articles: Sequence[Article], version: str) -> dict[str, Extraction]:
        if self.store is None:
            return {}
        try:
            return self.store.extractions(articles, version)
        except database_errors() as exc:
            self._failed(exc)
            return {}

    def get_claims(self, wanted: Sequence[tuple[Extraction, str]]) -> list[list[Claim] | None]:
        if self.store is not None:
            try:
                return self.store.get_claims(wanted)
            except database_errors() as exc:
                self._failed(exc)
        return self.memory.get_claims(wanted)

    def put_claims(self, built: Sequence[tuple[Extraction, str, list[Claim]]]) -> None:
        if self.store is not None and self.keep_claims:
            try:
                self.store.put_claims(built)
                return
            except database_errors() as exc:
                self._failed(exc)

    def parse_of(self, extraction: Extraction) -> bytes:
        key = (extraction.content_hash, extraction.version)
        if key in self.memory.docs:
            return self.memory.docs[key]
        if self.store is None:
            raise StoreError(f"the parse of article {extraction.article_id} is not available")
        return self.store.parse_of(extraction)


@dataclass
class Outcome:
    report: Report
    parsed: int
    """Articles parsed in this run (the others' extractions were stored)."""
    rebuilt: int
    """Articles whose claims were rebuilt from their stored parse (their story context changed)."""
    known: dict[int, tuple[object, str]] = field(default_factory=dict)
    """Row fingerprints already known of items of the report, by their id (with the item itself):
    see ``claim_fingerprints``."""


def analyze_stored(
    articles: Sequence[Article], store: Store | None, *, n_process: int = 1, progress: Progress | None = None,
    remember: bool = True, keep_claims: bool = True,
) -> Outcome:
    """The report of ``articles`` (unique, in order), parsing only those without an extraction.

    ``remember=False`` (a one-off analysis: ``storyline analyze``) keeps nothing in reconciliation's
    memos (``storyline.reconcile.memo``): nothing would ask for it again in this process, and the
    remembered frames of every document were memory that grew with the number of articles.
    ``keep_claims=False`` (a temporary store) does not write the claims built to the store:
    nothing would read them again."""
    from storyline.reconcile import memo, reconcile

    say = progress or (lambda _msg: None)
    version = extraction_module.extraction_version()
    cache = _Cache(store, keep_claims)
    with collector_paused():
        have = cache.stored(articles, version)
    missing = [a for a in articles if a.content_hash not in have]
    if missing:
        say(f"parsing {len(missing)} new article(s)")
    # what the parse phase holds of the articles already parsed is packed (``pack``): the peak
    # of a large run is a batch's parse on top of it
    packed: dict[str, bytes] = {}
    group: list[Extraction] = []
    for extraction in extract_stream(missing, n_process=n_process):
        group.append(extraction)
        if len(group) >= SAVE_EVERY:
            cache.keep(group)
            packed.update((e.content_hash, pack(e)) for e in group)
            group = []
    cache.keep(group)
    packed.update((e.content_hash, pack(e)) for e in group)
    del group

    def one_by_one() -> Iterator[Extraction]:
        """Each extraction unpacked (or taken from ``have``) only when ``finish`` reaches it, and
        let go: its raw mention rows (some 50 KB an article as objects) die as soon as ``finish``
        has made its mentions from them, instead of all of them living through the story stage."""
        for a in articles:
            h = a.content_hash
            yield have.pop(h) if h in have else unpack(packed.pop(h), a.body)

    say("reconciling")
    with collector_paused():
        done = finish(articles, one_by_one(), cache)
    _trim_heap()
    dated = [replace(a, published=x.published) if x.published is not None else a
             for a, x in zip(articles, done.analyses, strict=True)]
    with collector_paused(), (nullcontext() if remember else memo.forgetting()):
        report = reconcile(dated, done.analyses, sources=done.sources)
        known = claim_fingerprints(done) if remember else {}
    return Outcome(report, len(missing), done.rebuilt, known)


_claim_prints: list[Memo[tuple[str, ...]]] = []  # made on first use: the memo module imports reconcile's
_claim_prints_lock = threading.Lock()


def claim_fingerprints(done: Finished) -> dict[int, tuple[object, str]]:
    """The stored analysis's row fingerprints (``report_rows.fingerprint``) of the claims that
    were decoded from a stored claim set, remembered per claim set: a claim set is written once
    under its key and never changed, so its claims have the same fingerprints on every update
    (fingerprinting every claim of a story again was 0.3 s of adding one article to 1,000). A
    claim that reconciliation replaced (its time re-resolved) is not among them, nor are claims
    built in this run: those are fingerprinted as they are."""
    from storyline.reconcile.memo import Memo
    from storyline.store.report_rows import fingerprint

    with _claim_prints_lock:
        if not _claim_prints:
            _claim_prints.append(Memo())
    kept = _claim_prints[0]
    known: dict[int, tuple[object, str]] = {}
    for analysis, source, stored in zip(done.analyses, done.sources, done.stored, strict=True):
        if not stored:
            continue
        claims = analysis.claims

        def made(claims: list[Claim] = claims) -> tuple[str, ...]:
            return tuple(fingerprint(c) for c in claims)

        prints = kept.get(source, made)
        known.update((id(c), (c, p)) for c, p in zip(claims, prints, strict=True))
    return known


def _trim_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``; elsewhere
    nothing). ``finish`` loads every article's parse in turn, and what each one's arrays took,
    freed between long-lived claims, stayed resident: 8 of the 50 MiB it added on the bench's
    181 pages, before reconciliation's own peak came on top."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        trim = getattr(libc, "malloc_trim", None)
    except OSError:
        return
    if trim is not None:
        trim(0)


_sparing = threading.local()
_paused = threading.Lock()
_pausing = 0
"""``collector_paused`` blocks running now (in any thread), and the thresholds they replaced."""
_thresholds = gc.get_threshold()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The story stage builds one large graph of small objects that all stay alive until the
    report is made (claims, frames, clusters), with no cycles to free: the cyclic collector's
    full passes over it midway only cost time (a quarter of an update's CPU time on a story of
    200 articles). It runs again afterwards, as it was; inside ``collector_sparing`` what was
    built meanwhile is set aside first (``gc.freeze``), so that the collector's next passes do not
    walk it either. The first threshold is zero meanwhile too: loading a stored parse (srsly's
    msgpack) turns the collector back on, and its first pass then walked everything the block
    had built (0.14 s of adding one article to a story of 1,000)."""
    global _pausing, _thresholds
    with _paused:
        if _pausing == 0:
            _thresholds = gc.get_threshold()
            gc.set_threshold(0, *_thresholds[1:])
        _pausing += 1
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if getattr(_sparing, "on", False):
            gc.freeze()
        with _paused:
            _pausing -= 1
            if _pausing == 0:
                gc.set_threshold(*_thresholds)
        if was:
            gc.enable()
        else:
            gc.disable()  # as it was, even if a library turned it on inside


@contextmanager
def collector_sparing() -> Iterator[None]:
    """Bringing a story up to date keeps a large graph alive (the story's stored extractions,
    claims, the report) while it parses the new article and writes the changed rows: each pass
    of the cyclic collector then walked all of it (about 1.1 s of CPU, a sixth of adding one
    article to a story of 1,000). Here what exists is set aside (``gc.freeze``: the collector's
    passes skip it; nothing is freed or kept alive by it), and so is what ``collector_paused``
    blocks build; at the end it is all handed back (``gc.unfreeze``), so that a cycle that
    became garbage meanwhile is still collected later. Freezing is process-wide: another
    thread's objects may be skipped for a while too, which delays their collection, never
    changes what is alive."""
    outer = getattr(_sparing, "on", False)
    _sparing.on = True
    gc.freeze()
    try:
        yield
    finally:
        _sparing.on = outer
        if not outer:
            gc.unfreeze()
