"""A per-user cache of data that is slow to build and depends only on the installed code.

The gazetteer index took about a second to build from the packaged GeoNames data, paid again by
every process (each CLI call, each worker of ``-j N``). It is built once, written here in
``marshal`` format (plain tuples and dicts, several times faster to load than pickled objects),
and keyed by a hash of the code that builds it and the data package's version, so that a change
to either builds it afresh. Any failure to read or write the cache falls back to building.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$STORYLINE_CACHE``, else ``$XDG_CACHE_HOME/storyline``, else ``~/.cache/storyline``."""
    explicit = os.environ.get("STORYLINE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline"


def code_key(*parts: str | Path) -> str:
    """A short key over source files (their bytes) and version strings, plus Python's version
    (marshal's format is only guaranteed within one)."""
    digest = hashlib.sha256(sys.version.encode())
    for part in parts:
        digest.update(Path(part).read_bytes() if isinstance(part, Path) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value (builtin types only), from the cache when it holds this key."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as tmp:
            tmp.write(marshal.dumps(value))
        os.replace(tmp.name, path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        pass  # a read-only home still works, building every time
    return value
