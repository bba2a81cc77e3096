"""The word lists and word patterns extraction and reconciliation read, kept as data in one place.

Every list lives in a JSON file under ``data/lexicon/`` (one file per concern), so that adding a
word means editing data, not hunting through code; the event type taxonomy has its own file,
``data/event_types.json`` (see ``storyline.extract.plover``), and ``storyline.time`` keeps its
own tables. Each file maps an entry name to ``{"about": ..., "words": [...]}`` (a list of
lower-case words or lemmas), ``{"about": ..., "alternatives": [...]}`` (regular-expression
alternatives the code joins with ``|`` inside the pattern it builds around them), ``{"about": ...,
"table": {...}}`` (a mapping, in the file's order) or ``{"about": ..., "pairs": [[a, b], ...]}``
(an ordered list of pairs where a key may repeat).

Where the lists are used:

- ``reporting.json`` (who says it): ``extract/attribution.py`` (reporting verbs, speech acts,
  denials, refusals, estimate verbs and nouns, media nouns, non-sources, authoring participles,
  connectives, the words after a trailing reporting verb), through it ``extract/claims.py`` and
  ``extract/told.py``, and ``extract/quantities.py`` (estimate verbs).
- ``hedges.json`` (how sure it is): ``extract/claims.py`` (hedge words, hedge verbs, belief
  verbs, consensus adverbs, hedge adjectives, distancing verbs, unnamed-source nouns, opinion)
  and ``time/tense.py`` (implicative verbs, whose infinitive tells a done act).
- ``events.json`` (which event a clause tells): ``extract/claims.py``, ``extract/event_time.py``
  and ``extract/told.py`` (plan verbs, state verbs, descriptive participles, the nouns a date is cast as, scheduling
  adjectives) and ``time/tense.py`` (the other scheduling words: future words, scheduling and
  setting verbs).
- ``places.json`` (where): ``extract/claims.py`` (place and motion prepositions, area nouns),
  ``extract/gazetteer.py`` (region and state words, irregular demonyms, country aliases) and
  ``extract/mentions.py`` (region words).
- ``entities.json`` (people and organisations): ``extract/names.py`` (title words, organisation
  head nouns, role nouns), ``extract/attribution.py`` (a title as a source), ``reconcile/facts.py``
  (office heads, generic heads, words that are no office domain, past or future offices).
- ``sources.json`` (outlets): ``reconcile/sources.py`` (agency words, sensational words, generic
  words of source names) and ``extract/attribution.py`` (heads of an unnamed teller).
- ``frames.json`` (event families): ``reconcile/triggers.py`` (the families' trigger patterns,
  once-only families, unit nouns, document nouns and stop words, spellings),
  ``reconcile/frames.py`` (counting families) and ``reconcile/__init__.py`` (later-stage
  families).
- ``figures.json`` (figures): ``extract/numbers.py`` (bounds, approximations, increments,
  vague scales), ``extract/quantities.py`` (time units, state words), ``reconcile/quantities.py``
  (casualty count words and families, vague amounts, negation words), ``reconcile/figure_pairs.py``
  (estimate, running, present-state and period words) and ``reconcile/compare.py`` (classes of
  counted units).
- ``attributes.json`` (what is written beside a name): ``reconcile/attributes.py`` (the words
  around an age, the units and dimensions of a size) and ``reconcile/durations.py`` (what a
  duration follows, lasting states, supplies and what is left of them).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

#: The files this module serves (their entries all have the shape above); the test checks each.
FILES = ("reporting", "hedges", "events", "places", "entities", "sources", "frames", "figures", "attributes")


@cache
def _file(name: str) -> dict[str, Any]:
    text = resources.files("storyline").joinpath(f"data/lexicon/{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _entry(file: str, name: str, kind: str) -> list[str]:
    entry = _file(file).get(name)
    if not isinstance(entry, dict) or kind not in entry:
        raise KeyError(f"lexicon {file}.json has no {kind!r} entry {name!r}")
    values: list[str] = entry[kind]
    return values


@cache
def words(file: str, name: str) -> frozenset[str]:
    """The words of an entry, for membership tests."""
    return frozenset(_entry(file, name, "words"))


@cache
def ordered(file: str, name: str) -> tuple[str, ...]:
    """The words of an entry in the order the file gives them (where order decides, or for a tuple)."""
    return tuple(_entry(file, name, "words"))


@cache
def alternation(file: str, name: str) -> str:
    """The regular-expression alternatives of an entry joined with ``|``, to build a pattern around."""
    return "|".join(_entry(file, name, "alternatives"))


def table(file: str, name: str) -> dict[str, Any]:
    """The mapping of a ``table`` entry, in the file's order (where order decides, as for families);
    a copy, so that a caller cannot change what the next one reads."""
    entry = _file(file).get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("table"), dict):
        raise KeyError(f"lexicon {file}.json has no 'table' entry {name!r}")
    return dict(entry["table"])


@cache
def named_alternation(file: str, name: str) -> str:
    """A ``table`` entry whose values carry a ``pattern`` as one alternation with a named group per
    key (``\b(?P<key>pattern)\b``, in the file's order): one scan finds every key's matches, and
    at one position the key listed first wins (the event families of frames.json)."""
    return "|".join(rf"\b(?P<{key}>{spec['pattern']})\b" for key, spec in table(file, name).items())


@cache
def pairs(file: str, name: str) -> tuple[tuple[str, str], ...]:
    """The ordered pairs of a ``pairs`` entry."""
    entry = _file(file).get(name)
    if not isinstance(entry, dict) or "pairs" not in entry:
        raise KeyError(f"lexicon {file}.json has no 'pairs' entry {name!r}")
    return tuple((str(a), str(b)) for a, b in entry["pairs"])


def entries(file: str) -> dict[str, dict[str, Any]]:
    """All entries of a file (for tests and documentation)."""
    return {k: v for k, v in _file(file).items() if k != "about"}
