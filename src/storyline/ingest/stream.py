"""Read and clean a batch without holding it: two passes over a spool on disk.

The batch-level cleaner needs every page of a site before it can tell furniture (lines the site
prints on many pages) from text, so ``ingest`` keeps every document read, with its HTML, until
the last is read. Here the first pass keeps of each page only its site and 8-byte hashes of its
line keys, and writes the document itself to a temporary spool file; the second reads the spool
back one document at a time and cleans it with the repeated lines the first pass found. Memory
holds one document plus a few integers per line of each page, whatever the size of the batch.
The result is ``ingest``'s, in the same order (up to a 64-bit hash collision between two lines).
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterator, Sequence

from storyline.ingest import DEFAULT_MAX_BYTES, read_inputs
from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.clean import PageLines, clean_page, page_lines, repeated_lines
from storyline.ingest.clean_layout import Unit, split_units
from storyline.model import Article


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def ingest_stream(
    inputs: Sequence[str], *, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | IngestError]:
    """Clean articles and errors, articles in input order (errors as soon as they are found)."""
    pages: list[PageLines[int]] = []
    with tempfile.TemporaryFile(prefix="storyline-spool-") as spool:
        for item in read_inputs(list(inputs), allow_private=allow_private, max_bytes=max_bytes):
            if isinstance(item, IngestError):
                yield item
                continue
            units = split_units(item.text or "")
            pages.append(page_lines(item, units, _hash))
            # the units go with the document: split again they were a sixth of the cleaning's CPU
            pickle.dump((item, units), spool, protocol=pickle.HIGHEST_PROTOCOL)
        repeats = repeated_lines(pages)
        del pages
        spool.seek(0)
        for counts in repeats:
            kept: tuple[RawDocument, list[Unit]] = pickle.load(spool)
            raw, units = kept
            repeated = {u.key: counts[h] for u in units if u.key and (h := _hash(u.key)) in counts}
            yield clean_page(raw, units, repeated)
