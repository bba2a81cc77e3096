"""Persistence: articles and analyses in SQLite (default) or PostgreSQL, with full-text search."""

from storyline.store.errors import (
    AmbiguousId,
    ArticleNotFound,
    DatabaseUnavailable,
    InvalidArticle,
    SearchError,
    StoreError,
)
from storyline.store.store import DEFAULT_PATH, AddResult, SearchHit, Store, resolve_url

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
