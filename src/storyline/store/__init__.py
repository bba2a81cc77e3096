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
    from storyline.store.store import DEFAULT_PATH, AddResult, SearchHit, Store, resolve_url

_LAZY = {"DEFAULT_PATH", "AddResult", "SearchHit", "Store", "resolve_url"}

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
        return getattr(importlib.import_module("storyline.store.store"), name)
    raise AttributeError(f"module 'storyline.store' has no attribute {name!r}")
