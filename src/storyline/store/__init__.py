"""Persistence: articles, extractions, stories and analyses in SQLite (default) or PostgreSQL.

The errors are plain exceptions and load at once; everything else (SQLAlchemy and the store
itself) loads on first use, so that light commands (``storyline --help``) never import a
database driver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from storyline.store.errors import (
    AmbiguousId,
    ArticleNotFound,
    DatabaseUnavailable,
    InvalidArticle,
    SearchError,
    StoreError,
)

if TYPE_CHECKING:
    from storyline.store.connect import DEFAULT_PATH, resolve_url
    from storyline.store.store import AddResult, SearchHit, Store

#: Each lazily loaded name and the module that defines it.
_LAZY = {
    "DEFAULT_PATH": "storyline.store.connect",
    "AddResult": "storyline.store.store",
    "SearchHit": "storyline.store.store",
    "Store": "storyline.store.store",
    "resolve_url": "storyline.store.connect",
}

__all__ = [
    "DEFAULT_PATH",
    "AddResult",
    "AmbiguousId",
    "ArticleNotFound",
    "DatabaseUnavailable",
    "InvalidArticle",
    "SearchError",
    "SearchHit",
    "Store",
    "StoreError",
    "resolve_url",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storyline.store' has no attribute {name!r}")
