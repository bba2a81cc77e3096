"""Event mentions as the coreference model sees them, and how they are built from a spaCy parse.

No spaCy import happens at module load: :func:`mention_from_span` takes already parsed tokens, and
the numpy-only :mod:`storyline.extract.embed` is imported lazily.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUFFIXES = ("ation", "ition", "ment", "ing", "ion", "al", "ure", "er", "ed", "s", "e")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "attr", "poss", "compound"})


def lemma_key(lemma: str) -> str:
    """A crude derivational stem so that 'arrest'/'arrests', 'elect'/'election' meet."""
    w = lemma.lower()
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


@dataclass(frozen=True)
class CorefMention:
    """An event mention as the pairwise model sees it (see the module docstring)."""

    id: str
    doc: str
    lemma: str
    pos: str
    text: str
    sentence: str
    vector: np.ndarray | None = None
    participants: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    interval: tuple[str | None, str | None] | None = None
    context: np.ndarray | None = None
    arguments: frozenset[str] = frozenset()
    sentence_index: int | None = None


def entities_by_sentence(doc: Doc) -> dict[int, tuple[Span, ...]]:
    """The named entities of each sentence (keyed by the sentence's first token index), read
    from ``doc.ents`` once: spaCy rebuilds the entity list on every ``Span.ents`` access, which
    made per-sentence access quadratic in a long article."""
    starts = [sent.start for sent in doc.sents]
    out: dict[int, list[Span]] = {start: [] for start in starts}
    for ent in doc.ents:
        out[starts[bisect.bisect_right(starts, ent.start) - 1]].append(ent)
    return {k: tuple(v) for k, v in out.items()}


def _canonical(text: str) -> str:
    words = [w for w in text.lower().replace("'s", "").split() if w not in ("the", "a", "an")]
    return " ".join(words)


def mention_from_span(
    trigger: Token,
    sentence: Span,
    *,
    id: str,
    doc: str,
    interval: tuple[str | None, str | None] | None = None,
    entities: Sequence[Span] | None = None,
    text: str | None = None,
    lemma: str | None = None,
    context: np.ndarray | None = None,
    sentence_index: int | None = None,
) -> CorefMention:
    """A :class:`CorefMention` for a trigger token in a parsed sentence.

    Participants: the sentence's named entities (people, organisations, groups, ...) by the
    lemma of their head word ('Ada Quesk' and 'Quesk' meet) plus the lemmas of the trigger's argument heads (subject, object, agent and
    prepositional objects); places: its GPE/LOC/FAC entities. ``entities`` (the sentence's
    ``ents``, computed once per sentence: spaCy rebuilds them on every access) and ``context``
    (default: the static embedding of the sentence's words) let a caller share them between the
    triggers of one sentence.
    """
    from storyline.extract.embed import embed_words, word_vector

    lem = (lemma or trigger.lemma_).lower()
    args: set[str] = set()
    for child in trigger.children:
        if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN", "NUM"):
            args.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            args.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj" and g.pos_ != "PRON")
    if trigger.dep_ in ("amod", "acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        args.add(trigger.head.lemma_.lower())
    ents = sentence.ents if entities is None else entities
    participants = {e.root.lemma_.lower() for e in ents if e.label_ in _PARTICIPANT_LABELS}
    places = {_canonical(e.text) for e in ents if e.label_ in _PLACE_LABELS}
    if context is None:
        context = embed_words([[t.text for t in sentence if not t.is_space]])[0]
    return CorefMention(
        id=id,
        doc=doc,
        lemma=lem,
        pos=trigger.pos_,
        text=text or trigger.text,
        sentence=sentence.text,
        vector=word_vector(lem),
        participants=frozenset(p for p in participants | args if p),
        places=frozenset(p for p in places if p),
        interval=interval,
        context=context,
        arguments=frozenset(args),
        sentence_index=sentence_index,
    )
