"""Which other events a sentence tells: one claim each for the events it dates besides its main one.

A sentence often dates more than its main event ("workers missing since the bridge collapsed
Tuesday are presumed dead"): each time expression goes to the event word that governs it
(``event_time.time_owner``), and each such word tells a claim tied to the sentence's claim. A
clause set against the sentence's statement with a second source's figures ("..., while the
organisers put the number at 40,000") is that source's claim. The verb lists are data:
``data/lexicon/events.json``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import REPORTING, ClaimInputs
from storyline.extract.entities import is_pronoun
from storyline.extract.event_time import (
    WEEKS_AGO,
    YEAR_ONLY,
    is_due,
    live_stamp,
    perfect_day_event,
    scheduled_event,
    simultaneous,
    time_owner,
    when_clauses,
)
from storyline.extract.measures import PUTTING_VERBS
from storyline.extract.syntax import (
    _antecedent,
    _conjuncts,
    _has_subject,
    _modality,
    _negated,
    _np,
    complement_type,
    object_lemma,
)
from storyline.model import Claim, Quantity, TimeExpr

#: Verbs of state only with a predicative complement: bare ("the video appeared on Tuesday") an event.
_COMPLEMENT_STATES = lexicon.words("events", "complement_states")
#: The relations of a predicative complement ("appeared calm", "appeared to be", "appeared a winner").
_PREDICATIVE = frozenset({"acomp", "attr", "xcomp", "oprd", "ccomp"})


def told_events(claim: Claim, sent: Span, pred: Token, reporter: Token | None, inp: ClaimInputs,
                 reported: bool, times: Sequence[TimeExpr]) -> list[Claim]:
    """The other events a sentence tells with their own time: one claim each, tied to the
    sentence's claim by ``parent``.

    A sentence often dates more than its main event: "workers missing since the bridge collapsed
    Tuesday are presumed dead", "the body was found Sunday, police said Monday", "the March 26
    collision". Each time expression goes to the event word that governs it (``time_owner``); one
    on the predicate, a verb coordinated with it or a state verb tells no event of its own. The
    sentence's claim may still carry such a time as its own when it has none (a figure is as of
    the statement that gives it); its event is then dated by the told event, not by it.
    """
    doc = inp.doc
    # coordinated verbs ("killed or wounded since October") are the sentence claim's own events;
    # a coordinated clause with its own subject ("X declared it, and then the legislature
    # overturned it") tells another event
    shared = {pred.i, *(c.i for c in _conjuncts(pred)
                        if not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.children))}
    # an infinitive complement is the content of the predicate's act ("ordered residents to leave
    # early Tuesday", "agreed to halt the march"): one event, dated together
    shared |= {c.i for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"}
    # a present participle clause without a subject happens with its verb ("Speaking on the radio
    # at 11 p.m., the governor announced a curfew"): its time is the act's
    # ... but a clause opened by "when" with a subject of its own tells its own event at that time
    # ("residents were allowed home when the zone was lifted on March 13": the lifting)
    shared |= {i for i in simultaneous(pred) if not _has_subject(doc[i])}
    governed: list[tuple[TimeExpr, Token | None]] = []
    whens: list[tuple[TimeExpr, Token | None]] = []
    for t in times:
        if t.end > sent.end_char:
            continue
        if t.type not in ("DATE", "TIME") or t.value.endswith("_REF"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        owner = time_owner(span.root)
        if owner is not None and owner.i == pred.i:
            # "have died after a crowd surge ... late on Sunday": the perfect takes no past day of
            # its own (``event_time.time_for``), the day is the surge's
            owner = perfect_day_event(pred, span.root, t) or owner
        governed.append((t, owner))
        if owner is None or owner.pos_ != "VERB" or owner.lemma_.lower() in plover.STATE_VERBS:
            # ... only where the phrase dates no act of its own: an act's "when" clause tells
            # the same happening again ("started at 01:35, when the agency suspended ...")
            whens.extend((t, v) for v in when_clauses(span.root))
    # ... after the others: a "when" clause with a time of its own is dated by that time
    governed.extend(whens)
    whens_at = {v.i for _, v in whens if v is not None}
    # a live entry's stamp is when the entry was written: an event the sentence dates itself
    # ("the office said on Monday") keeps its own time, the stamp dates only one that has none
    # ... and "six weeks ago, on Sunday 14 March" is dated by the day it names, the count of weeks
    # being a round one
    stamp = next((t for t, _ in governed if t.start == sent.start_char and live_stamp(t, sent, doc.text)), None)
    governed.sort(key=lambda g: g[0] is stamp or bool(WEEKS_AGO.search(g[0].text)))
    # ... unless the coordinated verb has a day of its own beside the predicate's ("flew there on
    # March 12 and met the families the following day"): two events, each dated
    own_days = {t.value[:10] for t, o in governed if o is not None and o.i == pred.i}
    apart: set[int] = set()
    if own_days:  # the same day's "suffered a stroke in the morning and died that night" stays one
        apart = {o.i for t, o in governed if o is not None and o.i != pred.i and t.value[:10] not in own_days}
        shared -= apart
    owners: dict[int, tuple[Token, TimeExpr]] = {}
    for t, owner in governed:
        if owner is None or owner.i in shared or owner.i in owners:
            continue
        owner = scheduled_event(owner) or owner
        if owner.pos_ != "NOUN" and owner.lemma_.lower() in plover.STATE_VERBS - {"say"} and not is_due(owner) \
                and not (owner.dep_ == "conj" and owner.i in apart) and not (
                    owner.lemma_.lower() in _COMPLEMENT_STATES and not any(c.dep_ in _PREDICATIVE for c in owner.children)):
            # ... but a state coordinated with the predicate on a day of its own is told with that
            # day ("fell to 4% on Sunday 8 March and stayed below 6% throughout the following day")
            continue
        if owner.dep_ == "relcl" and owner.head.pos_ == "NOUN" and plover.is_event_noun(owner.head.lemma_):
            # "an explosion that ripped through the plant late Monday": the clause tells how the
            # noun's event happened; the event is the noun's
            owner = owner.head
            if owner.i in shared or owner.i in owners:
                continue
        owners[owner.i] = (owner, t)
    out: list[Claim] = []
    for k, (owner, t) in enumerate(sorted(owners.values(), key=lambda x: x[0].i)):
        lemma = owner.lemma_.lower()
        statement = reporter is not None and owner.i == reporter.i
        obj = object_lemma(owner) or next(
            (c.lemma_ for c in owner.children if c.dep_ == "nsubjpass"), None)
        etype = "STATEMENT" if statement else (
            complement_type(owner) if owner.pos_ == "VERB" else None) or plover.event_type(lemma, obj)
        if statement and (act := plover.event_type(lemma, obj)) in ("LEGAL", "CONSULT"):
            etype = act  # "told the court on Tuesday that ...": testimony, a step of the trial; "told the committee": a hearing
        elif statement and lemma in plover.PERFORMATIVE_VERBS and obj is not None and plover.noun_type(obj):
            etype = plover.noun_type(obj)  # "announced an inquiry on Wednesday": the inquiry is opened
        agents = [_np(_antecedent(c)) for c in owner.children if c.dep_ in ("nsubj", "csubj")]
        patients = [_np(_antecedent(c)) for c in owner.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if owner.dep_ == "acl" and owner.tag_ == "VBN" and owner.head.pos_ in ("NOUN", "PROPN"):
            patients.insert(0, _np(owner.head))  # "the report, released on Saturday": the report was released
        said_by = claim.attribution
        speaker = next((c for c in owner.children if c.dep_ == "nsubj" and not is_pronoun(c)), None)
        if not statement and lemma in REPORTING and speaker is not None and any(
                c.dep_ == "ccomp" for c in owner.children):
            # "..., whereas B said Friday that ...": a second statement in the sentence is B's
            said_by = _np(speaker, appos=True)
            etype = "STATEMENT"
        # what is said stays the claim's, and so do the figures of a "when" clause on a bare
        # year: history retold that way ("in 2011, when police removed about 60 people") is no
        # event of the story's with a count of its own
        own = [] if lemma in REPORTING or (owner.i in whens_at and YEAR_ONLY.fullmatch(t.value)) \
            else _clause_figures(claim, owner, pred)
        sub = Claim(
            id=f"{claim.id}.{k + 1}", article_id=claim.article_id, sentence=claim.sentence, text=claim.text,
            span=claim.span, predicate=lemma, agents=[a for a in agents if a], patients=[p for p in patients if p],
            time=t, place=claim.place if owner.pos_ == "NOUN" else None, quantities=own,
            attribution=said_by, hedged=claim.hedged and not statement,
            negated=_negated(owner, [owner]), modality=_modality(owner, reported) if owner.pos_ != "NOUN" else None,
            event_type=etype, section=claim.section, entity_ids=list(claim.entity_ids),
            trigger=(owner.idx, owner.idx + len(owner)), parent=claim.id,
        )
        sub.checkworthiness = round(max(0.0, claim.checkworthiness - 0.1), 3)
        out.append(sub)
    return out


#: Marks of a clause set against the sentence's main statement ("..., while X put it at 40,000"):
#: data/lexicon/events.json contrast_marks.
_CONTRAST = lexicon.words("events", "contrast_marks")


def second_sources(claim: Claim, sent: Span, pred: Token, reporter: Token | None) -> list[Claim]:
    """A second source's figures in a clause set against the sentence's statement ("Police said
    about 18,000 took part, while the coalition, which organised the march, put the number at
    40,000"): one claim of that source, tied to the sentence's by ``parent``, with its clause's
    figures moved off the sentence's claim, so that each source is credited with its own."""
    out: list[Claim] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i == pred.i or (reporter is not None and verb.i == reporter.i) \
                or verb.dep_ not in ("advcl", "conj"):
            continue
        lemma = verb.lemma_.lower()
        if lemma not in REPORTING and lemma not in PUTTING_VERBS:  # "said", "put the number at"
            continue
        contrast = any(c.dep_ in ("mark", "cc") and c.lower_ in _CONTRAST for c in verb.children) or (
            verb.left_edge.i > sent.start and verb.doc[verb.left_edge.i - 1].lower_ in _CONTRAST)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and not is_pronoun(c)), None)
        if not contrast or subject is None:
            continue
        own = _clause_figures(claim, verb, pred)
        if not own:
            continue
        sub = Claim(
            id=f"{claim.id}.s{len(out) + 1}", article_id=claim.article_id, sentence=claim.sentence, text=claim.text,
            span=claim.span, predicate=lemma, agents=[_np(subject)], patients=[], time=claim.time, place=None,
            quantities=own, attribution=_np(subject), hedged=claim.hedged, negated=_negated(verb, [verb]),
            modality=claim.modality, event_type="STATEMENT", section=claim.section, entity_ids=list(claim.entity_ids),
            trigger=(verb.idx, verb.idx + len(verb)), parent=claim.id,
        )
        sub.checkworthiness = claim.checkworthiness
        out.append(sub)
    return out


def _clause_figures(claim: Claim, owner: Token, pred: Token) -> list[Quantity]:
    """The figures of a told event's own clause, moved off the sentence's claim: "X, which pledged
    30 million last week, has said ...": the sum is the pledge's, held at the pledge's date, not
    the statement's. Only a verb's clause that does not hold the predicate (a reporting verb's
    "said Monday" holds the whole sentence) and only figures inside it."""
    if owner.pos_ != "VERB" or not claim.quantities or owner.left_edge.i <= pred.i <= owner.right_edge.i:
        return []
    inside = {t.idx for t in owner.subtree}
    doc = owner.doc
    own = []
    for q in claim.quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.idx in inside:
            own.append(q)
    if own:
        claim.quantities = [q for q in claim.quantities if q not in own]
    return own
