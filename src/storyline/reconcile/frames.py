"""Event frames: the event mentions inside a claim sentence, each with its own time and object.

A claim is a sentence, and a news sentence often reports several events ("held a summit on
June 19 and signed an agreement"; "a treaty signed in 1961 and abolished in 1996"). Clustering
whole sentences would mix their dates, so each sentence is split into frames: one per event
trigger (a verb or event noun from a small lexicon of news event families), with the time
expressions bound to the trigger they modify and, for once-only events on a named document
(signing, ratifying, abolishing a treaty), the words that name the document.

The triggers and what the words around them tell (family, document, once-only, negation) are
read in :mod:`storyline.reconcile.triggers`; their public names are importable from here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline import lexicon
from storyline.model import Article, ArticleAnalysis, Claim, Mention, Quantity, TimeExpr
from storyline.reconcile.timeslot import comparable_value, is_calendar
from storyline.reconcile.triggers import (
    _EMPTY,
    _ONCE_ONLY,
    _SIGN_NOUN,
    _TRIGGERS,
    DOC_NOUNS,
    FAMILIES,
    ONCE,
    ONCE_FAMILIES,
    UNIQUE_FAMILIES,
    _attributive,
    _frozen,
    _modifies_object,
    _movement,
    document_descriptors,
    document_reference,
    family_of,
    has_document,
    heads_object,
    negated_trigger,
    once_only,
)

__all__ = [
    "COUNTING",
    "DOC_NOUNS",
    "FAMILIES",
    "ONCE",
    "ONCE_FAMILIES",
    "UNIQUE_FAMILIES",
    "UNREAL_MODALITIES",
    "Frame",
    "document_descriptors",
    "document_reference",
    "family_of",
    "frames_of_claim",
    "frames_of_told_event",
    "has_document",
    "is_calendar_like",
    "negated_trigger",
    "once_only",
]


#: A coordinated clause with its own subject begins here (", and carriers diverted"): what follows
#: is another act, which a predicate's time is not lent to.
_COORDINATED = re.compile(r"[,;]\s*(?:and|but|while|whereas)\s+(?!then\b)\w[\w'-]*\s+\w+", re.IGNORECASE)
UNREAL_MODALITIES = frozenset({"conditional", "hypothetical"})
#: Between a predicate and an event noun it was done in ("arrested in dawn raids", "killed in an
#: attack", "hurt during the protest"): the act happened within that event, so a time after the
#: noun dates both.
WITHIN = re.compile(r"\s+(?:in|during)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: A word that makes what follows the anchor of a time ("after tests found", "since the
#: explosion"): a happening before or after the act, not the act itself.
_ANCHORING = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(
    lexicon.words("events", "anchoring_words"), key=len, reverse=True)) + r")\b", re.IGNORECASE)


@dataclass(slots=True)
class Frame:
    """One event mention: a trigger in a claim with its slots (slotted: a story holds one or more
    per claim, and each instance's dict was most of its size)."""

    id: str
    claim: Claim
    family: str
    event_type: str
    trigger: str
    start: int  # into the article body
    end: int
    unique: bool
    descriptors: frozenset[str] = frozenset()
    participants: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    time: TimeExpr | None = None
    value: str | None = None  # comparable calendar value (a weak-anchor year is XXXX)
    place: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    definite: bool = False  # "the treaty": may refer to a document named elsewhere
    actors: frozenset[str] = frozenset()  # people and organisations: specific participants
    canon: frozenset[str] = frozenset()  # participants with nationalities and capitals as their country
    completed_from: str | None = None  # how a year-less value got its year from another event
    unreal: bool = False  # negated or hypothetical: "was not under attack", "had no reason to send"

    @property
    def article_id(self) -> str:
        return self.claim.article_id

    @property
    def own(self) -> bool:
        """The frame is its claim's own event word (the sentence's predicate or the told event's
        trigger), not another event word the sentence holds."""
        t = self.claim.trigger
        return t is not None and t[0] <= self.start < t[1]


def _bind_times(
    triggers: list[tuple[int, int, str]], times: list[TimeExpr], text: str, offset: int,
    fixed: dict[int, TimeExpr] | None = None, shared: Sequence[TimeExpr] = (),
) -> dict[int, TimeExpr]:
    """Bind each time expression to the trigger it modifies; returns trigger index -> time.
    ``fixed`` are bindings the parse already made (the predicate's own time): they stand, and
    their times are not bound again by distance."""
    bound: dict[int, TimeExpr] = dict(fixed or {})
    taken = {(t.start, t.end) for t in bound.values()}
    attributive = {i for i, (s, e, _) in enumerate(triggers) if _attributive(text, s, e)}
    for t in times:
        if (t.start, t.end) in taken:
            continue
        ts, te = t.start - offset, t.end - offset
        before = [i for i, (s, e, _) in enumerate(triggers) if e <= ts and ts - e <= 70 and i not in attributive]
        after = [i for i, (s, e, _) in enumerate(triggers) if s >= te and s - te <= 90 and i not in attributive]
        choice = None
        if before:
            i = before[-1]
            between = text[triggers[i][1] : ts]
            # a sentence-initial "In April 2025, X did" belongs to what follows, not to a previous clause
            if "," not in between or not after:
                choice = i
        if choice is None and after:
            choice = after[0]
        if choice is not None and choice not in bound:
            bound[choice] = t
    if len(triggers) == 1 and not bound:  # a lone trigger takes a far time only if none is near
        far = [t for t in times if t.start - offset >= 0]
        if far:
            bound[0] = far[0]
    # coordination: "... on June 19 and signed X" shares the date of the first verb (also when
    # that date is a told event's own: "a meeting with X on June 19 and signed")
    for i, (s, _, _) in enumerate(triggers):
        if i in bound:
            continue
        for t in [*times, *shared]:
            te = t.end - offset
            if te <= s and re.fullmatch(r"\s*,?\s*and\s+(?:then\s+)?", text[te:s]):
                bound[i] = t
    return bound


def frames_of_claim(
    claim: Claim,
    article: Article,
    analysis: ArticleAnalysis,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    told: Sequence[tuple[int, int]] = (),
    told_times: Sequence[TimeExpr] = (),
) -> list[Frame]:
    """Split one claim into frames. ``mentions``/``times`` are those inside the claim span;
    ``told`` are the trigger spans of events the sentence tells with their own claim (they get
    their own frame from ``frames_of_told_event``)."""
    base = claim.span[0]
    text = claim.text
    # "the latest sign that": a noun, not a signing; dropped before binding so it takes no date
    triggers: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.lastgroup or "") for m in _TRIGGERS.finditer(text)
        if not (m.lastgroup == "sign" and _SIGN_NOUN.match(text, m.start()))
        and not any(s < base + m.end() and base + m.start() < e for s, e in told)
    ]
    usable_times = [t for t in times if t.type in ("DATE", "TIME") and is_calendar_like(t)]
    # the parties' names are not part of a document's name ("Joint Declaration of X and Y")
    entity_words, participants, persons, actors = _names(mentions)
    places = [m.text for m in mentions if m.label in ("GPE", "LOC", "FAC")]
    frames: list[Frame] = []
    # the claim's own negation or mood is about its main verb: it speaks for a lone trigger only
    claim_unreal = claim.negated or (claim.modality or "") in UNREAL_MODALITIES
    if not triggers:
        happening = claim.trigger is not None and claim.event_type not in (None, "STATEMENT")
        if claim.time is None and not usable_times and not claim.quantities and not happening:
            return []  # nothing to place on a timeline or to compare
        fam = (claim.predicate or claim.event_type or "state").lower()
        # one frame per date the sentence gives ("wrote last month ... and cut the budget in February")
        # ... but the dates of a series of figures ("grew from 40 on Sunday to 85 on Monday and
        # 120 today") date the figures, not acts: the sentence is one act at its predicate's time
        acts = [t for t in usable_times if not _dates_a_figure(text, t, base) and not _ends_a_period(text, t, base)]
        if len(acts) < len(usable_times):
            own = _current_time(claim, usable_times)
            acts = acts or ([own] if own is not None else usable_times[-1:])
        dated: list[TimeExpr | None] = list(acts[:3]) or [claim.time]
        for i, t in enumerate(dated):
            begin = t.start if t is not None and i > 0 else base
            word, end = claim.predicate or "", begin
            if i == 0 and claim.trigger is not None:  # the event word itself: "the explosion occurred"
                begin, end = claim.trigger
                word = text[begin - base : end - base]
            frames.append(
                Frame(f"{claim.id}#{i}", claim, f"other:{fam}", claim.event_type or "OTHER", word,
                      begin, end, False, _EMPTY, participants, persons, t,
                      comparable_value(t, article.published) if t else None,
                      claim.place or (places[0] if places else None),
                      list(claim.quantities) if i == 0 else [], actors=actors,
                      unreal=_unreal_date(claim, t, base))
            )
        return frames
    canon = _frozen(_once_parties(mentions, claim.attribution))
    # the sentence's own predicate is an event mention too, dated by the parse, not by distance
    fixed: dict[int, TimeExpr] = {}
    at: int | None = None
    if claim.trigger is not None:
        ps, pe = claim.trigger[0] - base, claim.trigger[1] - base
        at = next((i for i, (s, e, _) in enumerate(triggers) if s < pe and ps < e), None)
        if at is None:
            triggers.append((ps, pe, family_of(text[ps:pe], claim.predicate)))
            triggers.sort()
            at = next(i for i, (s, _, _) in enumerate(triggers) if s == ps)
        current = _current_time(claim, usable_times)
        if current is not None:
            ts, te = current.start - base, current.end - base
            lo, hi = (pe, ts) if ts >= pe else (te, ps)
            # the parse's attachment is trusted unless another trigger stands between the
            # predicate and the expression ("put a spotlight on the accord, which they signed
            # in the capital in March 2019": the parser's most frequent error hangs it on "put")
            if not any(lo <= s and e <= hi and not _modifies_object(text, s, e, claim.patients)
                       and not heads_object(text, s, e, claim.patients) for s, e, _ in triggers):
                fixed[at] = current
            # ... within its own clause: not across ", and carriers diverted dozens of calls"
            typed = [i for i, (s, e, fam) in enumerate(triggers) if i != at and not fam.startswith("other:")
                     and not _COORDINATED.search(text[min(te, e):max(ts, s)]) and not _attributive(text, s, e)]
            if at in fixed and triggers[at][2].startswith("other:") and claim.event_type is None and typed:
                # a predicate that names no event ("rolled out the red carpet on Monday for X, who
                # met Y after two days of talks") lends its time to the nearest event the sentence tells
                # ... not to one told as the act's anchor ("shut down on 15 July after tests
                # found ...", "began flowing on 8 April, thirty days after the explosion that
                # injured nine"): that is another act, dated by its own words
                typed = [i for i in typed if not _ANCHORING.search(text[te:triggers[i][0]])]
                if typed:
                    near = min(typed, key=lambda i: min(abs(triggers[i][0] - te), abs(ts - triggers[i][1])))
                    fixed = {near: fixed[at]}
    bound = _bind_times(triggers, usable_times, text, base, fixed, told_times)
    owner = _bind_quantities(triggers, claim.quantities, base, text, at)
    for i, (s, e, fam) in enumerate(triggers):
        once_parties = participants
        if fam == "move":
            moved = _movement(text, s, e, mentions, base)
            if moved is None and i != at:
                continue
            fam = moved or f"other:{(claim.predicate or 'state').lower()}"
        unique = fam in UNIQUE_FAMILIES and has_document(text, s, e)
        desc, definite = document_reference(text, s, e, entity_words) if unique else (_EMPTY, False)
        if not unique and fam in ONCE_FAMILIES and claim.modality not in ("future", "plan") and once_only(text, s, e):
            unique, desc, definite = True, _ONCE_ONLY, True
            once_parties = canon
        t = bound.get(i)
        frames.append(
            Frame(
                id=f"{claim.id}#{i}",
                claim=claim,
                family=fam,
                event_type=FAMILIES[fam][0] if fam in FAMILIES else (claim.event_type or "OTHER"),
                trigger=text[s:e],
                start=base + s,
                end=base + e,
                unique=unique,
                descriptors=desc,
                definite=definite,
                actors=actors,
                participants=once_parties if desc == {ONCE} else participants,
                persons=persons,
                time=t,
                value=comparable_value(t, article.published) if t else None,
                place=claim.place or (places[0] if places else None),
                quantities=[q for q in claim.quantities if owner.get(id(q)) == i],
                canon=canon,
                unreal=(claim_unreal and (len(triggers) == 1 or i == at)) or negated_trigger(text, s),
            )
        )
    # a date no trigger took belongs to the sentence's own verb ("announced on Saturday that ...
    # had taken two soldiers, ... since they began arriving last October"): it stays on the timeline
    taken = {id(t) for t in bound.values()}
    fam = (claim.predicate or claim.event_type or "state").lower()
    for j, t in enumerate(usable_times[:3]):
        if id(t) in taken or _dates_a_figure(text, t, base) or _ends_a_period(text, t, base) or any(
                f.family == f"other:{fam}" for f in frames):
            continue
        frames.append(
            Frame(f"{claim.id}#t{j}", claim, f"other:{fam}", claim.event_type or "OTHER", claim.predicate or "",
                  t.start, t.end, False, _EMPTY, participants, persons, t,
                  comparable_value(t, article.published), claim.place or (places[0] if places else None), [],
                  actors=actors)
        )
    return frames


def _current_time(claim: Claim, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The claim's time as the document now reads it (re-resolved once its writing date is known)."""
    if claim.time is None:
        return None
    return next((t for t in times if (t.start, t.end) == (claim.time.start, claim.time.end)), None)


_FIGURE_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:%|per\s*cent|percent)?\s+(?:on\s+|by\s+|as\s+of\s+)?$", re.IGNORECASE)


def _ends_a_period(text: str, t: TimeExpr, base: int) -> bool:
    """A time after "until" ("extended the emergency until 7 December") is when a state ends,
    not a day anything is done on."""
    return bool(_UNTIL_BEFORE.search(text[max(0, t.start - base - 12) : t.start - base]))


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)


def _dates_a_figure(text: str, t: TimeExpr, base: int) -> bool:
    """A time written right after a number ("85 on Monday", "120 today") is when the figure stood."""
    return bool(_FIGURE_BEFORE.search(text[max(0, t.start - base - 24) : t.start - base]))


def _names(mentions: Sequence[Mention]) -> tuple[set[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(the words of parties' names, participants, persons, actors) of a sentence's mentions; the
    parties' names are not part of a document's name ("Joint Declaration of X and Y")."""
    words = {w.lower() for m in mentions if m.label in ("PERSON", "GPE", "NORP") for w in re.findall(r"[\w\-]+", m.text)}
    participants = _frozen(_entity_key(m) for m in mentions if m.label not in ("DATE", "TIME", "CARDINAL"))
    persons = _frozen(_entity_key(m) for m in mentions if m.label == "PERSON")
    actors = _frozen(_entity_key(m) for m in mentions if m.label in ("PERSON", "ORG"))
    # one object where two are equal (a sentence whose parties are all people)
    actors = persons if actors == persons else participants if actors == participants else actors
    persons = participants if persons == participants else persons
    return words, participants, persons, actors


def frames_of_told_event(claim: Claim, article: Article, mentions: Sequence[Mention]) -> list[Frame]:
    """The one frame of an event told inside a sentence (``Claim.parent`` set): its trigger and
    the time the parse gave it, nothing bound by distance."""
    if claim.trigger is None:
        return []
    s, e = claim.trigger
    base = claim.span[0]
    text = claim.text
    fam = family_of(text[s - base : e - base], claim.predicate)
    entity_words, participants, persons, actors = _names(mentions)
    unique = fam in UNIQUE_FAMILIES and has_document(text, s - base, e - base)
    desc, definite = document_reference(text, s - base, e - base, entity_words) if unique else (_EMPTY, False)
    canon = _frozen(_once_parties(mentions, claim.attribution))
    if not unique and fam in ONCE_FAMILIES and claim.modality not in ("future", "plan") and once_only(
            text, s - base, e - base):
        unique, desc, definite, participants = True, _ONCE_ONLY, True, canon
    t = claim.time
    return [Frame(
        id=f"{claim.id}#0", claim=claim, family=fam,
        event_type=FAMILIES[fam][0] if fam in FAMILIES else (claim.event_type or "OTHER"),
        trigger=text[s - base : e - base], start=s, end=e, unique=unique, descriptors=desc, definite=definite,
        actors=actors, participants=participants, persons=persons, time=t,
        value=comparable_value(t, article.published) if t is not None else None,
        place=claim.place, quantities=list(claim.quantities), canon=canon,  # its clause's own figures
        unreal=claim.negated or (claim.modality or "") in UNREAL_MODALITIES,
    )]


def _unreal_date(claim: Claim, t: TimeExpr | None, base: int) -> bool:
    """A sentence without a trigger is unreal when its mood is, or when its negation sits in the
    clause of its date ("had not explained why ..., a dam completed in 2014" keeps 2014)."""
    if (claim.modality or "") in UNREAL_MODALITIES:
        return True
    if not claim.negated:
        return False
    if t is None:
        return True
    lo, hi = t.start - base, t.end - base
    cuts = [m.end() for m in re.finditer(r"[,;:]", claim.text[:lo])]
    end = re.search(r"[,;:]", claim.text[hi:])
    clause = claim.text[cuts[-1] if cuts else 0 : hi + end.start() if end else len(claim.text)]
    return re.search(r"\b(?:not|never|no|nor|without)\b|n't", clause, re.IGNORECASE) is not None


def _once_parties(mentions: Sequence[Mention], attribution: str | None) -> set[str]:
    """Participants of a once-only event, canonical: a nationality is its country and a capital its
    country's government ("Freedonian troops", "Freedonia", "its capital"); the source that
    reports it ("according to <Country> intelligence") is not a participant."""
    gz = _gazetteer()
    out: set[str] = set()
    for m in mentions:
        if m.label in ("DATE", "TIME", "CARDINAL") or (attribution and m.text in attribution):
            continue
        country = None
        if gz is not None and m.label == "NORP":
            country = gz.country_from_adjective(m.text)
        elif gz is not None and m.label == "GPE":
            home = gz.country_of(m.text)
            cap = gz.capital_of(home) if home else None
            country = home if cap and cap.lower() == m.text.lower() else None
        out.add("place:" + re.sub(r"\W+", "-", country.lower()).strip("-") if country else _entity_key(m))
    return out


def _gazetteer():  # type: ignore[no-untyped-def]
    try:
        from storyline.extract import gazetteer
    except ImportError:  # pragma: no cover - extraction not installed
        return None
    return gazetteer


COUNTING = lexicon.words("frames", "counting_families")


#: What may stand between a fronted phrase's figure and the clause it belongs to: the rest of the
#: phrase, one comma, the clause's subject ("... votes to 41, members set").
_FRONTED = re.compile(r"[^,;:]*,[^,;:]*")
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:since|while|whereas|but|because|after|before|when|until)\b|"
    r"\b(?:is|are|was|were|has|have|had)\b.*\band\b",
    re.IGNORECASE,
)


def _bind_quantities(
    triggers: list[tuple[int, int, str]], quantities: Sequence[Quantity], offset: int, text: str = "",
    own: int | None = None,
) -> dict[int, int]:
    """Each figure goes to the one trigger it counts for: the nearest in its own clause, with a
    head start for families that count things ("41 people had been confirmed dead" counts the
    dead). A trigger in a later clause does not count it ("taken two soldiers, the first since
    they began arriving"; "10,000 are in X and 8,000 of them were moved"). A figure no trigger is
    near is the sentence's own predicate's (``own``): "agreed to sell the carrier's 38 pairs of
    slots at X to Y for €46 million" is the sale's price, however long its object."""
    owner: dict[int, int] = {}
    for q in quantities:
        qs, qe = q.start - offset, q.end - offset
        best, best_d = None, 10**9
        # a figure in a phrase fronted before the first trigger ("By 98 votes to 41, members set
        # up an inquiry") is the next clause's, across the comma that sets the phrase apart
        fronted = all(s >= qe for s, _, _ in triggers) and not _CLAUSE_BREAK.search(text[:qs])
        for i, (s, e, fam) in enumerate(triggers):
            if s >= qe and _CLAUSE_BREAK.search(text[qe:s]) and not (fronted and _FRONTED.fullmatch(text[qe:s])):
                continue
            d = s - qe if s >= qe else (qs - e if qs >= e else 0)
            d -= 15 if fam in COUNTING else 0
            if d < best_d and d <= 90:
                best, best_d = i, d
        if best is None and own is not None and own < len(triggers) and triggers[own][0] < qs:
            best = own
        if best is not None:
            owner[id(q)] = best
    return owner


def is_calendar_like(t: TimeExpr) -> bool:
    return is_calendar(t.value) or bool(t.earliest and t.latest)


def _entity_key(m: Mention) -> str:
    return m.entity_id or re.sub(r"\W+", " ", m.text.lower()).strip()
