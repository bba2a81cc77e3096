"""JSON-ready values of the extraction model and back, for what the store keeps per article.

Tuples become lists in JSON; decoding turns them back into tuples, so that a decoded value
compares equal to the one encoded (the incremental-vs-from-scratch test relies on it). A
sentence's text is not stored: it is the body's slice, rebuilt from the article.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.model import Claim, Mention, PublishedDate, Quantity, Sentence, TimeExpr

if TYPE_CHECKING:  # the store reads this module too: no spaCy import on its path
    from storyline.extract.entities import RawMention

T = TypeVar("T")


def finite(value: Any) -> Any:
    """A non-finite float becomes null: PostgreSQL's JSON refuses ``Infinity``."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(obj: Any) -> Any:
    """``dataclasses.asdict(obj)``, equal value for value, without its per-value ``deepcopy``
    calls on strings and numbers: a whole story's claims, times and mentions go through here
    on their way to the store, and ``asdict`` was about 4% of ``storyline analyze``'s CPU
    time on the bench's real pages (cProfile)."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: plain(getattr(obj, name)) for name in names}
    if kind is list:
        return [plain(v) for v in obj]
    if kind is tuple:
        return tuple(plain(v) for v in obj)
    if kind is dict:
        return {plain(k): plain(v) for k, v in obj.items()}
    return _asdict_rest(obj)


def _asdict_rest(obj: Any) -> Any:
    """What ``asdict`` does with anything else (namedtuples, subclasses, other objects)."""
    return dataclasses.asdict(_Box(obj))["value"]


@dataclasses.dataclass
class _Box:
    value: Any


def dump(obj: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready builtins: ``finite(plain(obj))``, in one walk
    (the second walk over a story's claims was some 3% of ``storyline analyze``'s CPU time)."""
    if isinstance(obj, list):
        return [dump(x) for x in obj]
    return _finite_plain(obj)


def _finite_plain(obj: Any) -> Any:
    """``finite(plain(obj))``, equal value for value: exact builtin types and dataclasses take the
    fast paths, anything else (subclasses, namedtuples) goes the two-walk way."""
    kind = type(obj)
    if kind is float:
        return obj if math.isfinite(obj) else None
    if kind in _ATOMS:
        return obj
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: _finite_plain(getattr(obj, name)) for name in names}
    if kind is list or kind is tuple:
        return [_finite_plain(v) for v in obj]
    if kind is dict:
        return {plain(k): _finite_plain(v) for k, v in obj.items()}
    return finite(plain(obj))


_FIELD_SETS: dict[type, frozenset[str]] = {}


def build(cls: type[T], data: dict[str, Any]) -> T:
    """A dataclass from stored JSON, ignoring keys the model no longer has (a story's every
    mention is built on each update: the field names are read once per class)."""
    names = _FIELD_SETS.get(cls)
    if names is None:
        names = _FIELD_SETS[cls] = frozenset(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    if names.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in names})


def published(data: dict[str, Any] | None) -> PublishedDate | None:
    return None if data is None else build(PublishedDate, data)


def sentences_dump(sentences: list[Sentence]) -> list[list[int]]:
    return [[s.index, s.start, s.end, s.paragraph] for s in sentences]


def sentences(rows: list[list[int]], body: str) -> list[Sentence]:
    return [Sentence(index=i, start=s, end=e, paragraph=p, text=body[s:e]) for i, s, e, p in rows]


def times(rows: list[dict[str, Any]]) -> list[TimeExpr]:
    return [build(TimeExpr, r) for r in rows]


def raw_dump(raw: list[RawMention]) -> list[dict[str, Any]]:
    """Raw mentions without their article number (a position in one batch, set again on load)."""
    return [
        {"mention": plain(r.mention), "key": r.key, "kind": r.kind,
         "title_spans": [list(t) for t in r.title_spans], "expands_to": r.expands_to}
        for r in raw
    ]


def raw_mentions(rows: list[dict[str, Any]], article: int) -> list[RawMention]:
    from storyline.extract.entities import RawMention

    return [
        RawMention(article, build(Mention, r["mention"]), r["key"], r["kind"],
                   [(str(t), int(s), int(e)) for t, s, e in r["title_spans"]], r.get("expands_to"))
        for r in rows
    ]


def claim(data: dict[str, Any]) -> Claim:
    data = dict(data)
    data["span"] = tuple(data["span"])
    data["time"] = build(TimeExpr, data["time"]) if data.get("time") else None
    data["quantities"] = [build(Quantity, q) for q in data.get("quantities") or []]
    data["trigger"] = tuple(data["trigger"]) if data.get("trigger") else None
    return build(Claim, data)


def claims(rows: list[dict[str, Any]]) -> list[Claim]:
    return [claim(r) for r in rows]
