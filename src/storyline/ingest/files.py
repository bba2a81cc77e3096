"""Local inputs: walk folders, read files under a size cap, undo gzip, pick the reader.

Folders are walked recursively in sorted order (runs are reproducible) and hidden files and
folders are skipped (editor backups, ``.git``). The size cap is checked on ``stat`` before a byte
is read, and again while decompressing, so a huge file or a gzip bomb costs nothing.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.base import IngestError, path_name
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.formats import kind_for_file, read_as


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def walk(root: Path) -> Iterator[Path | IngestError]:
    """Files under ``root`` in path order (``a.txt``, ``b/c.txt``, ``d.txt``), hidden ones skipped.

    A folder that cannot be listed, and a symbolic link to a folder (not followed: it could loop,
    or lead out of the tree the user named), is an error naming it rather than a silent gap.
    """
    found: list[tuple[tuple[str, ...], Path | IngestError]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else root
        found.append((where.relative_to(root).parts,
                      IngestError(path_name(where), f"cannot read folder ({err.strerror or err})")))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        kept = []
        for name in dirnames:
            if name.startswith("."):
                continue
            if (here / name).is_symlink():
                found.append(((here / name).relative_to(root).parts, IngestError(
                    path_name(here / name),
                    "symbolic link to a folder, not followed (name the folder itself to read it)")))
            else:
                kept.append(name)
        dirnames[:] = kept
        found.extend(((here / n).relative_to(root).parts, here / n) for n in filenames if not n.startswith("."))
    for _key, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress with the cap applied to the output, not the input."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, max_bytes + 1)
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise ValueError(f"decompresses to more than the {_mb(max_bytes)} limit")
    return out


def read_file(path: Path, ctx: ReadContext) -> Iterator[Item]:
    """One file through the reader its name or content calls for."""
    source = path_name(path)
    try:
        size = path.stat().st_size
        if size > ctx.max_bytes:
            yield IngestError(source, f"file is {_mb(size)}, over the {_mb(ctx.max_bytes)} limit")
            return
        if size == 0:
            yield IngestError(source, "empty file (0 bytes)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestError(source, f"cannot read file ({err.strerror or err})")
        return
    name = path.name.lower()
    if name.endswith(".gz") and not name.endswith((".warc.gz", ".arc.gz")):
        try:
            data = _gunzip(data, ctx.max_bytes)
        except (zlib.error, ValueError) as err:
            yield IngestError(source, f"bad gzip file ({err})")
            return
        if not data:
            yield IngestError(source, "empty file (0 bytes after gunzip)")
            return
    yield from read_as(kind_for_file(name, data), source, data, ctx.at(path=source))


def read_path(value: str, ctx: ReadContext) -> Iterator[Item]:
    """A file, or every file in a folder."""
    path = Path(value).expanduser()
    if path.is_dir():
        found = False
        for file in walk(path):
            found = True
            if isinstance(file, IngestError):
                yield file
            else:
                yield from read_file(file, ctx)
        if not found:
            yield IngestError(path_name(value), "folder has no (non-hidden) files")
    elif path.exists():
        yield from read_file(path, ctx)
    else:
        yield IngestError(path_name(value), "no such file or directory")
