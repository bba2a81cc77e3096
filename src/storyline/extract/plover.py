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
#: Verbs of an event's beginning or end ("the stoppage started", "the count began"): with no object
#: the act is their subject's (``aspect_verbs``).
ASPECT_VERBS = frozenset(taxonomy()["aspect_verbs"])
#: Verbs whose saying is the act ("announced its lifting", "ordered an evacuation"): the event is their object.
PERFORMATIVE_VERBS = frozenset(taxonomy()["performative_verbs"])
#: Verb -> object lemma -> type, where the object decides ("lost their lives": a death; "lost
#: contact": None, no type at all).
VERB_OBJECT: dict[str, dict[str, str | None]] = {
    v: objs for v, objs in taxonomy()["verb_object"].items() if isinstance(objs, dict)}
#: Verbs of state, which describe rather than narrate ("was", "remained", "includes").
STATE_VERBS = frozenset(taxonomy()["state_verbs"])
#: Group acts and what they are when one person does them ("she walked out": she left).
ONE_PERSON_TYPES: dict[str, str] = dict(taxonomy()["one_person_types"])
#: Verbs whose act, done to a person, is of another type ("the escapee was recaptured": an arrest).
PERSON_OBJECT_TYPES: dict[str, str] = dict(taxonomy()["person_object_types"])
#: Types whose mentions are happenings that may stand on a timeline by themselves.
TIMELINE_TYPES = frozenset(n for n, spec in taxonomy()["types"].items() if spec.get("timeline"))
#: Type -> the class of types that can tell one happening together ("incident": a collapse,
#: a strike, deaths); a type not in any class is its own.
TYPE_CLASS: dict[str, str] = {t: name for name, types in taxonomy()["classes"].items() if name != "about"
                              for t in types}


_SUFFIXES: tuple[str, ...] = tuple(taxonomy()["nominal_suffixes"]["suffixes"])


def stem(lemma: str) -> str:
    """A crude derivational stem: 'declaration' and 'declare' both give 'declar'."""
    w = lemma.lower()
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


_VERB_BY_STEM: dict[str, str] = {}
for _verb, _type in VERB_TYPE.items():
    _VERB_BY_STEM.setdefault(stem(_verb), _type)


def noun_type(lemma: str) -> str | None:
    """The type of an event noun: listed, or the nominalisation of a typed verb ('imposition')."""
    w = lemma.lower()
    if w in NOUN_TYPE:
        return NOUN_TYPE[w]
    if w in VERB_TYPE or w.endswith(("er", "or", "ist", "ant", "ent")):
        return None  # a bare verb form, or an agent noun ("protester" is listed where it counts)
    s = stem(w)
    return _VERB_BY_STEM.get(s) if s != w else None


def event_type(predicate: str | None, object_lemma: str | None = None) -> str | None:
    """Type of a predicate; light verbs take the type of their object noun."""
    if predicate is None:
        return None
    p = predicate.lower()
    if object_lemma and object_lemma.lower() in VERB_OBJECT.get(p, {}):
        return VERB_OBJECT[p][object_lemma.lower()]
    if (p in LIGHT_VERBS or p in PERFORMATIVE_VERBS) and object_lemma and noun_type(object_lemma):
        return noun_type(object_lemma)
    return VERB_TYPE.get(p) or noun_type(p)


def is_event_noun(lemma: str) -> bool:
    """A noun that names a happening ("the collapse", "the vote", "the declaration"): a nominal
    event trigger."""
    return noun_type(lemma) is not None
