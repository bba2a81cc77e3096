"""Ingest: read what the user has (files, folders, URLs, feeds, web archives, JSONL) and clean it.

``read_inputs`` is lazy and never raises for bad input: every problem becomes a one-line
``IngestError`` naming the input, and the rest of the batch goes through. ``ingest`` adds the
batch-level cleaner (``storyline.ingest.clean``), which needs every page of a run at once to spot
lines a site repeats on all its pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.context import DEFAULT_MAX_BYTES, ReadContext
from storyline.ingest.files import read_path
from storyline.ingest.url import is_url, read_url
from storyline.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "RawDocument", "ingest", "read_inputs"]


def read_inputs(
    inputs: Sequence[str],
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[RawDocument | IngestError]:
    """Documents and errors, in input order (folders in sorted order)."""
    ctx = ReadContext(allow_private=allow_private, max_bytes=max_bytes)
    for value in inputs:
        if is_url(value):
            yield from read_url(value.strip(), ctx)
        else:
            yield from read_path(value, ctx)


def ingest(
    inputs: Sequence[str],
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[RawDocument | IngestError], None] | None = None,
) -> tuple[list[Article], list[IngestError]]:
    """Read and clean a batch; ``progress`` is called once per document read (for a progress bar)."""
    from storyline.ingest.clean import clean_documents

    raws: list[RawDocument] = []
    errors: list[IngestError] = []
    for item in read_inputs(inputs, allow_private=allow_private, max_bytes=max_bytes):
        if progress is not None:
            progress(item)
        if isinstance(item, IngestError):
            errors.append(item)
        else:
            raws.append(item)
    articles: list[Article] = []
    for result in clean_documents(raws):
        if isinstance(result, IngestError):
            errors.append(result)
        else:
            articles.append(result)
    return articles, errors

