"""One search syntax for both databases.

Users type web-search style queries: words (all must match), ``"quoted phrases"``, ``OR``
between alternatives and ``-word`` to exclude. PostgreSQL reads that syntax natively
(``websearch_to_tsquery``); for SQLite it is translated to an FTS5 expression in which every
word is a quoted string, so punctuation such as ``north-west`` or ``U.S.`` can never become FTS5
operators or column filters. Queries that make no sense on either backend (an unbalanced quote,
nothing but exclusions) are rejected here with the same message for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.store.errors import SearchError

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Term:
    text: str
    negated: bool = False


OR = "OR"


def parse(query: str) -> list[Term | str]:
    """Terms and ``OR`` markers of a web-search style query, in order."""
    if query.count('"') % 2:
        raise SearchError(f"unbalanced double quote in search query {query!r}")
    items: list[Term | str] = []
    for match in _TOKEN.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or":
                items.append(OR)
                continue
            negated = bare.startswith("-") and len(bare) > 1
            text = bare[1:] if negated else bare
        else:
            negated, text = bool(minus), phrase
        if _WORD.search(text):
            items.append(Term(text.strip(), negated))
    positives = [t for t in items if isinstance(t, Term) and not t.negated]
    if not positives:
        if any(isinstance(t, Term) for t in items):
            raise SearchError(f"search query {query!r} only excludes words; add a word to look for")
        raise SearchError(f"search query {query!r} has no words to look for")
    return items


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts5(query: str) -> str:
    """The FTS5 MATCH expression for a web-search style query."""
    expr = ""
    pending_or = False
    excluded: list[str] = []
    for item in parse(query):
        if item == OR:
            pending_or = bool(expr)
            continue
        assert isinstance(item, Term)
        if item.negated:
            excluded.append(_quote(item.text))
            continue
        if expr:
            expr += " OR " if pending_or else " AND "
        expr += _quote(item.text)
        pending_or = False
    if excluded:
        expr = f"({expr}) NOT ({' OR '.join(excluded)})"
    return expr


def _websearch_phrase(text: str) -> str:
    # Inside quotes PostgreSQL makes a phrase of the words; punctuation between words (a hyphen
    # in "north-west") would otherwise become a compound lexeme that the other spelling misses.
    return '"' + " ".join(re.sub(r"[^\w\s]+", " ", text).split()) + '"'


def to_websearch(query: str) -> tuple[str, str | None]:
    """Two ``websearch_to_tsquery`` inputs: what to look for, and what to exclude (or None).

    Exclusions are applied to the whole query, as in ``to_fts5``, so both backends agree.
    """
    wanted: list[str] = []
    excluded: list[str] = []
    for item in parse(query):
        if item == OR:
            if wanted and wanted[-1] != "or":
                wanted.append("or")
            continue
        assert isinstance(item, Term)
        (excluded if item.negated else wanted).append(_websearch_phrase(item.text))
    if wanted and wanted[-1] == "or":
        wanted.pop()
    return " ".join(wanted), (" or ".join(excluded) if excluded else None)
