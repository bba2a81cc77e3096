"""Store errors. Each ``str()`` is one line a user can act on; the CLI prints it as is."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database or a request to it that is the user's to fix."""


def database_errors() -> tuple[type[Exception], ...]:
    """``StoreError`` and SQLAlchemy's errors, for an ``except`` clause (evaluated only when an
    exception reaches it): code that may run without a store then imports no SQLAlchemy (0.2 s of
    a new process's start)."""
    from sqlalchemy.exc import SQLAlchemyError

    return (StoreError, SQLAlchemyError)


class ArticleNotFound(StoreError, LookupError):
    """No stored article has this id or id prefix."""


class AmbiguousId(StoreError, LookupError):
    """An id prefix matches more than one article."""

    def __init__(self, prefix: str, candidates: list[str]) -> None:
        shown = ", ".join(candidates[:5]) + (", ..." if len(candidates) > 5 else "")
        super().__init__(f"article id prefix {prefix!r} is ambiguous: it matches {shown}")
        self.prefix = prefix
        self.candidates = candidates


class SearchError(StoreError, ValueError):
    """A full-text query the database cannot run."""


class InvalidArticle(StoreError, ValueError):
    """An article the store refuses before writing anything; ``reason`` omits the article's name."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"article {name}: {reason}")
        self.name = name
        self.reason = reason


class DatabaseUnavailable(StoreError):
    """The database refused a write for reasons of its own (down, locked, full), not the data's."""
