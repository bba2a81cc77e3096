"""Ingest: read what the user has (files, folders, URLs, feeds, web archives, JSONL) and clean it.

``read_inputs`` is lazy and never raises for bad input: every problem becomes a one-line
``IngestError`` naming the input, and the rest of the batch goes through. ``ingest`` adds the
batch-level cleaner (``storyline.ingest.clean``), which needs every page of a run at once to spot
lines a site repeats on all its pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from storyline.ingest.base import IngestError, RawDocument, invalid_text, is_url, path_name, printable
from storyline.ingest.context import DEFAULT_MAX_BYTES, ReadContext
from storyline.ingest.files import read_path
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
            from storyline.ingest.url import read_url  # httpx and its kin load only when a URL is read

            items = read_url(value.strip(), ctx)
        else:
            items = read_path(value, ctx)
        yield from _guarded(path_name(value), items)


def _guarded(name: str, items: Iterator[RawDocument | IngestError]) -> Iterator[RawDocument | IngestError]:
    """The last line of defence: a reader bug on one input (an exception the readers do not yet
    turn into an error themselves) costs that input's remaining documents, never the batch; and a
    document whose text is not valid Unicode is refused here, before hashing and storing need it."""
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as err:  # the batch must survive any one input
            logging.getLogger(__name__).debug("reader failed on %s", printable(name), exc_info=True)
            reason = " ".join(str(err).split())[:200]
            yield IngestError(name, f"could not be read ({type(err).__name__}{': ' + reason if reason else ''})")
            return
        if isinstance(item, RawDocument):
            item = invalid_text(item) or item
        yield item


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
    for result in clean_documents(raws):  # never raises for one document: see clean_documents
        if isinstance(result, IngestError):
            errors.append(result)
        else:
            articles.append(result)
    return articles, errors

