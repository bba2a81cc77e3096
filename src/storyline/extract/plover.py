"""Event types from trigger lemmas: the one taxonomy, kept as data in ``data/event_types.json``.

PLOVER (the successor of CAMEO) gives political events a small type set; news stories need more
(disasters, accidents, casualties, rescues, legal steps, investigation findings, economic figures,
publications, statements), so the taxonomy extends it. The types are what lets reconciliation
keep "met" apart from "attacked" and tell a happening from a statement about it. A light verb
("hold", "make", "launch") is typed by its object ("held a summit" -> CONSULT).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def taxonomy() -> dict[str, Any]:
    """The parsed taxonomy file (types with their verbs and nouns, and the verb classes)."""
    text = resources.files("storyline").joinpath("data/event_types.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _index(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, spec in taxonomy()["types"].items():
        for lemma in spec[kind]:
            out.setdefault(lemma, name)
    return out


VERB_TYPE: dict[str, str] = _index("verbs")
NOUN_TYPE: dict[str, str] = _index("nouns")
LIGHT_VERBS = frozenset(taxonomy()["light_verbs"])
#: Verbs whose subject is the event itself ("the meeting took place", "the attack occurred").
OCCUR_VERBS = frozenset(taxonomy()["occur_verbs"])
#: Verbs of state, which describe rather than narrate ("was", "remained", "includes").
STATE_VERBS = frozenset(taxonomy()["state_verbs"])
#: Types whose mentions are happenings that may stand on a timeline by themselves.
TIMELINE_TYPES = frozenset(n for n, spec in taxonomy()["types"].items() if spec.get("timeline"))
#: Type -> the class of types that can tell one happening together ("incident": a collapse,
#: a strike, deaths); a type not in any class is its own.
TYPE_CLASS: dict[str, str] = {t: name for name, types in taxonomy()["classes"].items() if name != "about"
                              for t in types}


def event_type(predicate: str | None, object_lemma: str | None = None) -> str | None:
    """Type of a predicate; light verbs take the type of their object noun."""
    if predicate is None:
        return None
    p = predicate.lower()
    if p in LIGHT_VERBS and object_lemma and object_lemma.lower() in NOUN_TYPE:
        return NOUN_TYPE[object_lemma.lower()]
    return VERB_TYPE.get(p) or NOUN_TYPE.get(p)


def is_event_noun(lemma: str) -> bool:
    """A noun that names a happening ("the collapse", "the vote"): a nominal event trigger."""
    return lemma.lower() in NOUN_TYPE
