"""The learned coreference model (``coref``, trained on ECB+) asked about two clusters.

Clustering joins mentions of one trigger family; whether two clusters of different families tell
the same happening ("the blast occurred late on March 10" / "an explosion tore through the plant
late Monday") is a question of meaning that the pairwise model answers: it sees the triggers'
lemmas and static MiniLM vectors, the sentences' vectors, shared participants and arguments,
places and time intervals. A cluster is represented by its most telling mentions (the sentences'
own predicates first), and two clusters corefer when their best-scored pair of representatives
reaches the model's threshold (cross-validated on the ECB+ training and dev topics).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from storyline.extract import plover
from storyline.model import Mention
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.coref import CorefMention, pair_probabilities, shipped_threshold
from storyline.reconcile.frames import Frame

#: Mentions that stand for a cluster when it is compared with another one.
REPRESENTATIVES = 4
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _head(phrase: str) -> str:
    words = re.findall(r"[\w\-']+", phrase.lower())
    return words[-1] if words else ""


def coref_mention(f: Frame, mentions: Sequence[Mention], context: np.ndarray | None = None) -> CorefMention:
    """The model's view of one frame: trigger, sentence, participants as head words.
    ``context`` is the sentence's embedding when the caller already has it."""
    from storyline.extract.embed import embed, word_vector

    own = f.own
    word = f.trigger.lower()
    lemma = word if word in plover.NOUN_TYPE or not own or not f.claim.predicate else f.claim.predicate.lower()
    pos = "NOUN" if lemma in plover.NOUN_TYPE and lemma not in plover.VERB_TYPE else "VERB"
    args = {_head(a) for a in (f.claim.agents + f.claim.patients if own else [])} - {""}
    people = {_head(m.text) for m in mentions if m.label not in _PLACES | _NOT_PARTICIPANTS} - {""}
    places = {" ".join(m.text.lower().split()) for m in mentions if m.label in _PLACES}
    t = f.time
    return CorefMention(
        id=f.id, doc=f.article_id, lemma=lemma, pos=pos, text=f.trigger, sentence=f.claim.text,
        vector=word_vector(lemma), participants=frozenset(people | args), places=frozenset(places),
        interval=(t.earliest, t.latest) if t is not None and (t.earliest or t.latest) else None,
        context=embed([f.claim.text])[0] if context is None else context, arguments=frozenset(args),
        sentence_index=f.claim.sentence,
    )


def corefer(mentions_of: Callable[[Frame], Sequence[Mention]], threshold: float | None = None
            ) -> Callable[[Cluster, Cluster], bool]:
    """A test of whether two clusters tell one happening, with the frames' mentions looked up by
    ``mentions_of``; model views are built once per frame. ``threshold``: the shipped model's
    unless given."""
    cache: dict[str, CorefMention] = {}
    sentences: dict[str, np.ndarray] = {}  # one embedding per sentence, shared by its frames

    def view(f: Frame) -> CorefMention:
        if f.id not in cache:
            cache[f.id] = coref_mention(f, mentions_of(f), sentences.get(f.claim.parent or f.claim.id))
            sentences.setdefault(f.claim.parent or f.claim.id, cache[f.id].context)  # type: ignore[arg-type]
        return cache[f.id]

    def representatives(c: Cluster) -> list[Frame]:
        return sorted(c.frames, key=lambda f: (not f.own, f.id))[:REPRESENTATIVES]

    def test(a: Cluster, b: Cluster) -> bool:
        ra, rb = representatives(a), representatives(b)
        views = [view(f) for f in ra + rb]
        pairs = [(i, len(ra) + j) for i in range(len(ra)) for j in range(len(rb))
                 if views[i].doc != views[len(ra) + j].doc or views[i].sentence != views[len(ra) + j].sentence]
        if not pairs:
            return False
        return float(pair_probabilities(views, pairs).max()) >= (shipped_threshold() if threshold is None else threshold)

    return test
