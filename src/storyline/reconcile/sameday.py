"""One happening told as several events of one day: joined by a learned pairwise model.

The rules of ``timeline.happenings`` join what they can name (a shared class and participant, the
day's one incident, a statement and its act); what is left on a day is often still one happening
told in other words by other outlets ("the party set out before dawn" / "five people walked out of
the hut in the dark"), or twice by one article. Whether two events of one day are one happening is
learned from the gold timelines of annotated stories (``scripts/train_sameday.py``: logistic
regression; two events are one when they match one gold happening, two when they match different
ones; the threshold chosen with each story held out), not set by hand. The features say how alike
the two tellings are (type, participants, place, the words and meaning of their sentences and
labels) and how crowded the day is. The coefficients are data: ``data/sameday_model.json``.

The model is asked about every pair of a day, also those whose doers or places the rules read as
different: that veto kept out as many pairs of one happening as of two (on 33 stories' gold,
201 of 358 labelled pairs it vetoed were one happening), and with the veto as a feature the model
gave it no weight, so it is gone.

Contract: ``join_same_day(events, claims)`` returns the events with each group the model joins
replaced by one event (claims, articles and participants united; the best-told member's label,
time, type and place), in the input order of each group's first member, plus the map from every
joined event's id to its new id (the caller re-points conflicts). Only timeline events dated to
a day take part; at most ``MAX_PER_DAY`` of a day's events (the most widely told) are compared, so
the work per day is bounded.

``absorb_statements(events, claims)`` runs once the timeline is settled: a statement of a day left
in the background ("the results of the ballot were announced on Monday") that a model of its own
(the same features, fitted by ``scripts/train_absorb.py`` on statement-happening pairs:
``data/absorb_model.json``) reads as a telling of a timeline happening of that day joins it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from hashlib import sha1

import numpy as np

from storyline import lexicon
from storyline.model import Claim, Event
from storyline.reconcile.coref import CorefMention, pair_probabilities
from storyline.reconcile.logistic import Model, load, probability
from storyline.reconcile.placement import STATEMENT

#: The features, in the model's order (the training script reads this tuple).
FEATURES = (
    "bias", "same_type", "types_differ", "shares_article", "both_multi", "log_min_articles",
    "shares_participant", "participants_differ", "same_place", "places_differ", "label_cosine",
    "sentence_cosine", "shares_predicate", "label_word_overlap", "shares_sentence", "log_day_events",
    "ecb_coref", "trigger_cosine", "shares_event_noun",
)  # fmt: skip
#: Claims of an event read by the ECB+ pairwise model (``coref``) against the other event's.
MAX_COREF = 3
#: Events of one day compared pairwise, the most widely told first.
MAX_PER_DAY = 40
#: Sentences of an event whose meaning is compared (its first ones: the best-told come first).
MAX_SENTENCES = 6
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[a-z][a-z'\-]+")


def model() -> Model:
    """The shipped coefficients, ``data/sameday_model.json``."""
    return load("sameday_model.json")


@dataclass(frozen=True)
class _View:
    """What the features read of one event, computed once per event."""

    articles: frozenset[str]
    participants: frozenset[str]
    place: str | None
    event_type: str | None
    predicates: frozenset[str]
    words: frozenset[str]
    sentences: frozenset[tuple[str, int]]
    label_vector: np.ndarray
    sentence_vectors: np.ndarray
    trigger_vectors: np.ndarray
    coref: tuple[CorefMention, ...]
    event_nouns: frozenset[str]


def _words(text: str) -> frozenset[str]:
    stop = lexicon.words("frames", "label_stop_words")
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in stop)


def _event_nouns(texts: Sequence[str]) -> frozenset[str]:
    """The event nouns the sentences name ("the inspection", "the recall", "its report"): two
    events of one day told around the same event noun are likely one happening."""
    from storyline.extract import plover

    found = set()
    for w in {w for t in texts for w in _WORD.findall(t.lower())}:
        for form in (w, w[:-1] if w.endswith("s") else w):
            if plover.is_event_noun(form):
                found.add(form)
                break
    return frozenset(found)


def _head(phrase: str) -> str:
    words = re.findall(r"[\w\-']+", phrase.lower())
    return words[-1] if words else ""


def _coref_view(c: Claim, context: np.ndarray) -> CorefMention:
    """The ECB+ model's view of a claim: its predicate, sentence, arguments, place and time."""
    from storyline.extract.embed import word_vector

    lemma = (c.predicate or "").lower()
    args = frozenset({_head(a) for a in c.agents + c.patients} - {""})
    t = c.time
    return CorefMention(
        id=c.id, doc=c.article_id, lemma=lemma, pos="VERB", text=lemma, sentence=c.text,
        vector=word_vector(lemma) if lemma else None, participants=args | frozenset(c.entity_ids),
        places=frozenset({c.place.lower()}) if c.place else frozenset(),
        interval=(t.earliest, t.latest) if t is not None and (t.earliest or t.latest) else None,
        context=context, arguments=args, sentence_index=c.sentence,
    )


def _untimed(text: str, stamps: set[str]) -> str:
    """The text without its events' time expressions: the events compared are of one day already,
    and in short sentences a shared date phrase ("on 3 June 2031") made any two alike."""
    for t in sorted(stamps, key=len, reverse=True):
        text = text.replace(t, " ")
    return re.sub(r"\s+", " ", text).strip()


def event_views(events: Sequence[Event], claims: dict[str, Claim]) -> list[_View]:
    """What the features read of each event (``pair_features``), computed once per event."""
    from storyline.extract.embed import embed, word_vector

    told = [[claims[c] for c in e.claim_ids if c in claims][:MAX_SENTENCES] for e in events]
    stamps = [{c.time.text for c in cs if c.time is not None and c.time.text} for cs in told]
    labels = embed([_untimed(e.label, ts) for e, ts in zip(events, stamps, strict=True)]) \
        if events else np.zeros((0, 1))
    texts = [_untimed(c.text, ts) for cs, ts in zip(told, stamps, strict=True) for c in cs]
    vectors = embed(texts) if texts else np.zeros((0, labels.shape[1]))
    out, at = [], 0
    for e, cs, lv in zip(events, told, labels, strict=True):
        lemmas = sorted({c.predicate.lower() for c in cs if c.predicate})
        out.append(_View(
            articles=frozenset(e.article_ids), participants=frozenset(e.participants), place=e.place,
            event_type=e.event_type, predicates=frozenset(c.predicate.lower() for c in cs if c.predicate),
            words=_words(e.label), sentences=frozenset((c.article_id, c.sentence) for c in cs),
            label_vector=lv, sentence_vectors=vectors[at:at + len(cs)],
            trigger_vectors=np.array([word_vector(w) for w in lemmas]) if lemmas else np.zeros((0, lv.shape[0])),
            coref=tuple(_coref_view(c, v) for c, v in zip(cs[:MAX_COREF], vectors[at:at + MAX_COREF], strict=False)),
            event_nouns=_event_nouns([c.text for c in cs]),
        ))
        at += len(cs)
    return out


def pair_features(a: _View, b: _View, day_events: int) -> list[float]:
    """The model's inputs for two events of one day (symmetric in ``a`` and ``b``)."""
    typed = bool(a.event_type and b.event_type)
    both_people = bool(a.participants and b.participants)
    shared_people = bool(a.participants & b.participants)
    both_places = bool(a.place and b.place)
    sentence_cos = float((a.sentence_vectors @ b.sentence_vectors.T).max()) \
        if len(a.sentence_vectors) and len(b.sentence_vectors) else 0.0
    union = a.words | b.words
    cross = [(i, len(a.coref) + j) for i in range(len(a.coref)) for j in range(len(b.coref))
                                if a.coref[i].sentence != b.coref[j].sentence]
    coref = float(pair_probabilities([*a.coref, *b.coref], cross).max()) if cross else 0.0
    trigger_cos = float((a.trigger_vectors @ b.trigger_vectors.T).max()) \
        if len(a.trigger_vectors) and len(b.trigger_vectors) else 0.0
    return [
        1.0,
        float(typed and a.event_type == b.event_type),
        float(typed and a.event_type != b.event_type),
        float(bool(a.articles & b.articles)),
        float(len(a.articles) > 1 and len(b.articles) > 1),
        math.log1p(min(len(a.articles), len(b.articles))),
        float(shared_people),
        float(both_people and not shared_people),
        float(both_places and a.place == b.place),
        float(both_places and a.place != b.place),
        float(a.label_vector @ b.label_vector),
        sentence_cos,
        float(bool(a.predicates & b.predicates)),
        len(a.words & b.words) / len(union) if union else 0.0,
        float(bool(a.sentences & b.sentences)),
        math.log(max(day_events, 1)),
        coref,
        trigger_cos,
        float(bool(a.event_nouns & b.event_nouns)),
    ]


def day_pairs(events: Sequence[Event], claims: dict[str, Claim], *, statements: bool = False
              ) -> list[tuple[int, int, list[float]]]:
    """(i, j, features) for the compared pairs of timeline events of one day (indexes into
    ``events``): the training script and :func:`join_same_day` read the same pairs. With
    ``statements``: instead, each statement of a day left in the background with each timeline
    event of that day (``j`` the statement)."""
    by_day: dict[str, list[int]] = defaultdict(list)
    said: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.time.value and _DAY.match(e.time.value):
            if e.timeline:
                by_day[e.time.value[:10]].append(i)
            elif statements and e.placement == STATEMENT:
                said[e.time.value[:10]].append(i)
    out: list[tuple[int, int, list[float]]] = []
    for day in sorted(by_day):
        members = sorted(by_day[day], key=lambda i: (-len(events[i].article_ids), i))[:MAX_PER_DAY]
        if statements:
            told = sorted(said.get(day, ()), key=lambda i: (-len(events[i].article_ids), i))[:MAX_PER_DAY]
            if not told:
                continue
            views = event_views([events[i] for i in members + told], claims)
            out.extend((members[x], told[y], pair_features(views[x], views[len(members) + y], len(by_day[day])))
                       for x in range(len(members)) for y in range(len(told)))
            continue
        if len(members) < 2:
            continue
        views = event_views([events[i] for i in members], claims)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = sorted((members[x], members[y]))
                out.append((i, j, pair_features(views[x], views[y], len(by_day[day]))))
    return out


def merge_events(group: Sequence[Event]) -> Event:
    """One event of a group: the best-told member (most articles, then claims) gives its words."""
    best = min(group, key=lambda e: (-len(e.article_ids), -len(e.claim_ids), e.id))
    ids = sorted(e.id for e in group)
    return replace(
        best,
        id="ev-" + sha1("\x1f".join(ids).encode()).hexdigest()[:10],  # as reconcile._stable_id
        claim_ids=list(dict.fromkeys(c for e in group for c in e.claim_ids)),
        article_ids=list(dict.fromkeys(a for e in group for a in e.article_ids)),
        event_type=best.event_type or next((e.event_type for e in group if e.event_type), None),
        place=best.place or next((e.place for e in group if e.place), None),
        participants=sorted({p for e in group for p in e.participants}),
        salience=max(e.salience for e in group),
        placement=best.placement,
    )


def join_same_day(events: list[Event], claims: Sequence[Claim], m: Model | None = None
                  ) -> tuple[list[Event], dict[str, str]]:
    """Join the events of one day that the model reads as one happening (average linkage: two
    groups join when their pairs' mean probability reaches the threshold, best pairs first; a
    pair never compared counts as 0)."""
    m = m or model()
    by_id = {c.id: c for c in claims}
    scored = [(probability(x, m), i, j) for i, j, x in day_pairs(events, by_id)]
    prob = {(i, j): p for p, i, j in scored}
    group = {i: i for i in range(len(events))}
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    for p, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if p < m.threshold:
            break
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        cross = [prob.get((min(x, y), max(x, y)), 0.0) for x in members[gi] for y in members[gj]]
        if sum(cross) / len(cross) < m.threshold:
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for x in members[gone]:
            group[x] = keep
        members[keep].extend(members.pop(gone))
    out: list[Event] = []
    renamed: dict[str, str] = {}
    for i, e in enumerate(events):
        if group[i] != i:
            continue
        if len(members[i]) == 1:
            out.append(e)
            continue
        joined = merge_events([events[x] for x in sorted(members[i])])
        renamed.update({events[x].id: joined.id for x in members[i]})
        out.append(joined)
    return out, renamed


def absorb_statements(events: list[Event], claims: Sequence[Claim], m: Model | None = None
                      ) -> tuple[list[Event], dict[str, str]]:
    """Each statement of a day left in the background ("the results of the ballot were announced
    on Monday", "told the jury on Monday") that the statement model reads as the telling of a
    timeline happening of that day becomes part of it (its claims and article added; the
    happening keeps its id, label, time and place). Done after the timeline is settled (minor
    details demoted, figures compared): an outlet's telling joins the happening without turning a
    detail told once into one told twice. Returns the events and the map from each absorbed
    statement's id to its happening's."""
    m = m or load("absorb_model.json")
    by_id = {c.id: c for c in claims}
    best: dict[int, tuple[float, int]] = {}
    for i, j, x in day_pairs(events, by_id, statements=True):
        p = probability(x, m)
        if p >= m.threshold and (j not in best or p > best[j][0]):
            best[j] = (p, i)
    into: dict[int, list[int]] = defaultdict(list)
    for j, (_, i) in best.items():
        into[i].append(j)
    out: list[Event] = []
    renamed: dict[str, str] = {}
    for i, e in enumerate(events):
        if i in best:
            continue
        if i in into:
            told = [events[j] for j in sorted(into[i])]
            e = replace(e, claim_ids=list(dict.fromkeys([*e.claim_ids, *(c for s in told for c in s.claim_ids)])),
                        article_ids=list(dict.fromkeys([*e.article_ids, *(a for s in told for a in s.article_ids)])),
                        participants=sorted({*e.participants, *(p for s in told for p in s.participants)}))
            renamed.update({s.id: e.id for s in told})
        out.append(e)
    return out, renamed
