"""When, and which events: the time of a sentence's claim, and the other events it tells.

An event's time is the expression that syntactically governs its trigger (``time_owner``); a
reporting verb's time ("police said Monday") dates the statement, not the reported event. A
sentence that dates more than its main event ("workers missing since the bridge collapsed
Tuesday are presumed dead") tells those events too, one claim each tied to the sentence's claim.
The trigger span names the word of the claim's event (the predicate, or the event noun a light
verb takes). The verb lists these rules read are data: ``data/lexicon/events.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import REPORTING, ClaimInputs
from storyline.extract.entities import is_pronoun
from storyline.extract.entries import AFTER_STAMP
from storyline.extract.measures import PUTTING_VERBS
from storyline.extract.syntax import (
    _antecedent,
    _conjuncts,
    _has_subject,
    _modality,
    _negated,
    _np,
    _verbal_ancestor,
    closed_clause,
    complement_type,
    descriptive_participle,
    object_lemma,
)
from storyline.model import Claim, Quantity, TimeExpr
from storyline.time.tense import before_complement_subject

#: Verbs of state, whose claim may take the time of its argument's participle (data/lexicon/events.json).
_STATE_VERBS = lexicon.words("events", "state_verbs")
#: Verbs of state only with a predicative complement: bare ("the video appeared on Tuesday") an event.
_COMPLEMENT_STATES = lexicon.words("events", "complement_states")
#: The relations of a predicative complement ("appeared calm", "appeared to be", "appeared a winner").
_PREDICATIVE = frozenset({"acomp", "attr", "xcomp", "oprd", "ccomp"})
#: Participles that describe an argument rather than narrate an event of their own ("a delegation
#: led by X"): a time the parser hangs on them belongs to the main verb.
_DESCRIPTIVE_PARTICIPLES = lexicon.words("events", "descriptive_participles")
#: Participles that open or close a period: their time bounds it and does not date the act before them.
_PERIOD_PARTICIPLES = lexicon.words("events", "period_participles")
#: Nouns a verb casts a bare date as ("named Friday as a day of mourning"): data/lexicon/events.json.
_DAY_ROLES = lexicon.words("events", "day_roles")
#: Dependency relations by which a time expression modifies an event noun ("the March 26
#: collision", "last month's collapse", "Monday's vote", "the crash on Thursday").
_NOUN_TIME_DEPS = frozenset({"compound", "poss", "npadvmod", "nmod", "amod", "nummod", "prep", "pobj"})
#: A noun's slots: a word the tagger calls a verb there is a noun it missed ("in a hay barn").
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound", "poss", "appos", "attr"})
#: Prepositions of a time phrase that may date the event noun just before it ("a trip in June").
_TIME_PREPS = frozenset({"in", "on", "at", "during"})


#: Adjectives that schedule their subject's event ("the ruling is due Monday").
_SCHEDULED = lexicon.words("events", "scheduling_adjectives")


def _schedules(verb: Token) -> bool:
    """A copula with a scheduling adjective ("is due", "was set")."""
    return verb.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lower_ in _SCHEDULED for c in verb.children)


def _scheduled_event(verb: Token) -> Token | None:
    """"the ruling is due Monday": the time dates the ruling, an event noun, not the state of
    being due."""
    if not _schedules(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ == "NOUN" and plover.is_event_noun(subject.lemma_) else None


def _due(verb: Token) -> bool:
    """A relative clause that schedules its noun ("an account from the bank, which is due Friday"):
    the day is when the noun is due, an event of its own even when the noun names no event."""
    return verb.dep_ == "relcl" and _schedules(verb)


def _defers(noun: Token) -> bool:
    """An event noun right before a time phrase is what it dates unless the noun is the object of
    an event verb ("signing a treaty in June": the signing is dated); a relational verb defers to
    it ("followed a trip in June")."""
    verb = noun.head if noun.dep_ in ("dobj", "pobj") else None
    return verb is None or verb.pos_ != "VERB" or plover.event_type(verb.lemma_) is None


def time_owner(tok: Token) -> Token | None:
    """The event word a time expression (its root token ``tok``) dates: the nearest verb above it,
    or an event noun it modifies on the way there. A reporting verb owns its own time ("police
    said Monday"): it dates the statement, not the event reported, and so does a time written
    before the reported clause's subject ("said on Monday it would close")."""
    outer = before_complement_subject(tok)
    if outer is not None:
        return outer
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _TIME_PREPS and head.i > 0:
        # "another trip in June by X": the parser hangs the phrase on the verb, but an event noun
        # right before it is what it dates (the attachment the parser most often gets wrong)
        prev = tok.doc[head.i - 1]
        if prev.pos_ == "NOUN" and plover.is_event_noun(prev.lemma_) and head.head.i != prev.i and _defers(prev):
            return prev
    if tok.dep_ == "npadvmod" and tok.left_edge.i > 0:
        # "linked to the declaration last Tuesday": a bare time phrase right after an event noun
        # that is a verb's object dates the noun, however the parser hung it
        prev = tok.doc[tok.left_edge.i - 1]
        if prev.pos_ in ("NOUN", "PROPN") and (plover.is_event_noun(prev.lemma_) or plover.is_event_noun(prev.lower_)) \
                and prev.dep_ in ("dobj", "pobj") and _defers(prev):
            return prev
    child = tok
    for a in tok.ancestors:
        if descriptive_participle(a) or closed_clause(a, child):
            child = a  # "the bridge spanning the river": a noun's description, not an event;
            continue  # "found X, missing since the dam collapsed, on Thursday": the clause has ended
        if a.pos_ == "VERB" and a.dep_ in _NOMINAL_DEPS and a.tag_ != "VBG" \
                and any(c.dep_ in ("det", "poss", "compound") for c in a.children):
            # "in a hay barn late on Wednesday" with "barn" tagged a verb: a word with a determiner
            # in a noun's slot is a noun the tagger missed, and no event unless it names one
            if plover.is_event_noun(a.lemma_) and child.dep_ in _NOUN_TIME_DEPS:
                return a
            child = a
            continue
        if a.pos_ == "VERB" or (a.pos_ == "AUX" and a.dep_ not in ("aux", "auxpass")):
            return _fronted_clause(tok, a) or a
        if a.pos_ == "NOUN" and plover.is_event_noun(a.lemma_) and child.dep_ in _NOUN_TIME_DEPS:
            return a
        child = a
    return tok if tok.pos_ == "VERB" else None


#: A time that names a year alone ("in 2011").
_YEAR_ONLY = re.compile(r"\d{4}")


def when_clauses(tok: Token) -> list[Token]:
    """The verbs of relative clauses opened by "when" on a time phrase (its root ``tok`` or an
    apposition to it): "since Monday, 30 March, when she was moved from the prison" tells the
    moving on that day, whatever verb the phrase itself dates."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    return [c for h in heads for c in h.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")
            and any(x.dep_ == "advmod" and x.lower_ == "when" for x in c.children)]


def _fronted_clause(tok: Token, verb: Token) -> Token | None:
    """The verb of a clause opened by a subordinator before ``verb``'s own clause, when the time
    phrase (root ``tok``) stands inside it, before the comma that closes it ("When the chief
    relieved Captain Merle of command on Sunday 4 May, he did what ...": the parser hangs the phrase on
    "did", but the comma has not yet closed the "when" clause)."""
    doc = tok.doc
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < tok.left_edge.i):
        opener = doc[clause.left_edge.i]
        if not (opener.dep_ == "mark" or (opener.dep_ == "advmod" and opener.tag_ == "WRB")) or opener.head.i != clause.i:
            continue
        if any(t.text == "," for t in doc[clause.left_edge.i : tok.left_edge.i]):
            continue  # the clause closed before the phrase
        if any(t.text == "," for t in doc[tok.right_edge.i + 1 : verb.i]):
            return clause
    return None


#: A value that names a day ("2031-05-06", "XXXX-WXX-7"), not a month or a year.
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)")


#: Subordinators of a clause that happens at the same time as the one it modifies.
_AT_THE_SAME_TIME = frozenset({"when", "as", "while"})


def _simultaneous(pred: Token) -> list[int]:
    """Clauses that happen when the predicate (or a verb coordinated with it) does: a present
    participle with no subject of its own, or a clause opened by "when", "as", "while" ("apologised
    ... when he appeared before the committee on Tuesday": he apologised on Tuesday)."""
    out = []
    for v in [pred, *_conjuncts(pred)]:
        for c in v.children:
            if c.dep_ != "advcl":
                continue
            # the subordinator: a "mark", or a "when" the parser hangs as an adverb
            marks = {ch.lower_ for ch in c.children if ch.dep_ == "mark" or (ch.dep_ == "advmod" and ch.tag_ == "WRB")}
            bare = c.tag_ == "VBG" and not any(ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in c.children) \
                and c.lemma_.lower() not in _PERIOD_PARTICIPLES  # "imposed, commencing on 1 May": a period's start
            # a state ("the only surprise was that ...") is no act the clause could date: its
            # "when" clause is the sentence's event, with a claim of its own
            if bare or (marks & _AT_THE_SAME_TIME and pred.lemma_.lower() not in _STATE_VERBS):
                out.append(c.i)
    return out


#: Prepositions that place an event relative to another ("after the vote on Dec. 3"): the other's
#: time does not date it.
_RELATIVE_PREPS = frozenset({"after", "before", "since", "until", "following", "amid"})


#: A preposition right before a time expression that makes it a bound, not the event's time.
#: "shortly after 2am", "just before noon" are about that time, not bounds.
_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|(?<!shortly )(?<!just )(?<!soon )(?<!right )(?<!immediately )"
                           r"(?:before|after))\s+$", re.IGNORECASE)


def _relative_to(noun: Token) -> bool:
    """The event noun hangs, on the way up to its verb, from a preposition of relative time."""
    for a in [noun, *noun.ancestors]:
        if a.pos_ in ("VERB", "AUX"):
            return False
        if a.dep_ == "pobj" and a.head.lower_ in _RELATIVE_PREPS:
            return True
    return False


def _participle_modifiers(pred: Token) -> set[int]:
    """Reduced participial modifiers of the predicate's arguments ("the estimate, given in May").

    Their time is the argument's own event, which is the closest thing the claim has to a time
    when its predicate has none ("the prisoners taken last week", "was about 100 dead").
    """
    verbs = [pred]
    for v in verbs:  # "was ready to exchange the prisoners taken ...": complements share the claim
        if len(verbs) < 4:
            verbs.extend(c for c in v.children if c.dep_ in ("xcomp", "acomp"))
    args = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj")]
    args += [p for v in verbs for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    found: set[int] = set()
    for arg in args:
        for c in arg.children:
            if c.dep_ == "acl" or (c.dep_ == "prep" and c.tag_ == "VBN"):
                found.add(c.i)
                found.update(x.i for x in c.subtree if x.pos_ in ("VERB", "AUX"))
    return found


def _present(verb: Token) -> bool:
    """The verb tells what holds now: a present tense ("clears", "are clearing")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBP", "VBZ") or (verb.tag_ == "VBG" and any(a.tag_ in ("VBP", "VBZ") for a in auxes))


def _subject_start(verb: Token) -> int:
    """Where the verb's subject phrase begins (a character offset)."""
    subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj"))
    return subject.left_edge.idx


#: A wire dateline opening a sentence: the place in capitals before the date ("QUARVIK, April 9
#: (NPA) - ..."), and the agency and the dash after it.
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3},\s+(?:[A-Z][a-z]+\s+)?$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,9}\))?\s*[-–—]\s")


def in_dateline(text: str, start: int, t: TimeExpr) -> bool:
    """The time is the date of a wire dateline the sentence opens with: the day of the filing,
    not of the sentence's event, however the parser hangs it."""
    return bool(_DATELINE_BEFORE.fullmatch(text, start, t.start)) and _DATELINE_AFTER.match(text, t.end) is not None


def _time_for(doc: Doc, sent: Span, pred: Token, times: Sequence[TimeExpr], text: str) -> TimeExpr | None:
    """The claim's time: one that modifies the predicate or a verb above it, best; else one on a
    coordinated verb or an infinitive complement; else, for a state ("was", "remained"), one
    inside a participial modifier of an argument. A relative or adverbial clause's time belongs
    to that clause's own event and is never taken. The event's own time beats the reporting
    verb's ("found Sunday, police said Monday"); the reporting verb's dates a claim that has
    none (a figure is as of when it was given). ``text`` is ``doc.text``, which spaCy rebuilds
    token by token on every access."""
    inside = [t for t in times if t.start >= sent.start_char and t.end <= sent.end_char
              and not in_dateline(text, sent.start_char, t)]
    if not inside:
        return None
    above = {pred.i, *(a.i for a in pred.ancestors)}
    # the sentence's dated times ("now" in a clause of comment does not date a second event)
    dated = [t for t in inside if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
    governing = [pred, *(a for a in pred.ancestors if a.i >= sent.start)]
    # a verb coordinated after it shares its time, unless it has a subject of its own and the time
    # is told after that subject: "set up a fund, and its form went live on 30 April" dates the
    # form, not the fund ("..., in the early hours of Tuesday, 300 homes had been flooded": a
    # time before the subject the parser hung on the second verb is still shared)
    coordinated = [c for v in governing for c in _conjuncts(v)]
    own_clause = {c.i: _subject_start(c) for c in coordinated if c.i > pred.i and _has_subject(c)}
    conj = {c.i for c in coordinated} - set(own_clause)
    # the verb an infinitive complement names is part of the claim ("about to be caught last week")
    # ... and so is one a coordinated verb names ("was released and is due to appear on Friday")
    sharing = [*governing, *(c for c in coordinated if c.i in conj)]
    conj |= {x.i for v in sharing for x in (*v.children, *(y for a in v.children if a.dep_ == "acomp" for y in a.children))
             if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")}
    conj |= set(_simultaneous(pred))
    purpose = {x.i for v in governing for x in v.children if _purpose_clause(x)}
    modifiers: set[int] | None = None
    own_trigger = _trigger_span(pred)[0]
    cands: list[tuple[tuple[int, int, int, int], TimeExpr, bool]] = []
    for t in inside:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        if t.type in ("DURATION", "SET") and t.text.lower().startswith("per "):
            continue  # "0.5 millisieverts per hour", "110 km per hour": a rate's unit, no event's time
        if t.type == "DURATION" and tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "a 12-hour standoff", "the two-day strike": how long a thing lasted, no event's time
        owner = time_owner(tok)
        if owner is not None and owner.pos_ == "NOUN" and owner.idx != own_trigger and _relative_to(owner):
            continue  # "slipped after his declaration on Dec. 3": the noun's event is dated, not this one
        if (tok.head.i == pred.i or (tok.head.dep_ == "prep" and tok.head.head.i == pred.i)) \
                and _perfect_past_day(pred, tok, t):
            continue  # "has opened proceedings following the abandonment of the match on 14 March"
        verb = _verbal_ancestor(tok)
        outer = verb
        while outer is not None and outer.dep_ == "pcomp" and not _has_subject(outer):
            outer = _verbal_ancestor(outer)  # "pinned medals on returning commanders on Monday"
        reporting = verb is not None and verb.i != pred.i and verb.i in above and verb.lemma_.lower() in REPORTING
        if verb is None or verb.i in above:
            tier = 0
        elif verb.i in conj or verb.i in purpose or (verb.i in own_clause and t.start < own_clause[verb.i]):
            tier = 1
        elif verb.i in own_clause and _present(pred):
            # "500 divers are searching the lake, and a few dozen went home this month": a
            # present state has no time of its own; its coordinated clause's is the nearest
            tier = 3
        elif outer is not None and (outer.i in above or outer.i in conj):
            tier = 2
        elif pred.lemma_.lower() in _STATE_VERBS or (
                len(dated) == 1 and verb.lemma_.lower() in _DESCRIPTIVE_PARTICIPLES and verb.tag_ == "VBN"):
            # "the estimate, given in May, was 200": a state described by its argument's event
            # (an event verb's own time is unknown instead: "the treaty, signed in 2019, was ratified");
            # but "received a delegation led by X on Friday": a descriptive participle, the only
            # time in the sentence, is the main verb's time the parser misattached
            if modifiers is None:
                modifiers = _participle_modifiers(pred)
            if verb.i not in modifiers:
                continue
            tier = 4
        else:
            continue
        anc = {a.i: d for d, a in enumerate([tok, *tok.ancestors])}
        d = 99
        for depth, a in enumerate([pred, *pred.ancestors]):
            if a.i in anc:
                d = anc[a.i] + depth
                break
        direct = 0 if verb is not None and verb.i == pred.i else 1
        # a bound ("missing since the weekend", "before dawn") says when the event was not yet or
        # no longer: the event's own time, when the sentence gives one, beats it
        bound = _BOUND_BEFORE.search(text, max(0, t.start - 20), t.start) is not None
        weak = 1 if bound or _given_a_role(tok) or t.type in ("DURATION", "SET") \
            or t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or _stamp(t, sent, text) or _WEEKS_AGO.search(t.text) else 0
        if verb is not None and verb.i in purpose and tier == 1 and not _before_the_report(t, inside, above, doc, pred):
            continue
        cands.append(((tier, weak, direct, d), t, reporting))
    # the statement's time ("said in a release Monday") dates the event only when the event has no
    # day of its own ("found the body Sunday"); a figure's "since October" is no day of the event
    own_day = any(not rep and key[0] <= 2 and not key[1] and t.mod is None and _DAY_VALUE.match(t.value)
                  for key, t, rep in cands)
    ranked = [((3 if rep and own_day else key[0], *key[1:]), t) for key, t, rep in cands]
    return min(ranked, key=lambda kt: kt[0])[1] if ranked else None


def _perfect_past_day(pred: Token, tok: Token, t: TimeExpr) -> bool:
    """A present perfect takes no past day of its own ("has opened proceedings against the club
    following the abandonment of the match on 14 March"): a day the parser hangs on it after a
    phrase of an event noun ("following the abandonment", "after the vote") is that event's. A
    day after "since" is where the perfect runs from, and may be its own."""
    perfect = pred.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in pred.children)
    if not perfect or t.type != "DATE" or not _DAY_VALUE.match(t.value) or tok.i < pred.i:
        return False
    if tok.head.dep_ == "prep" and tok.head.lower_ in ("since", "until", "till", "from", "by"):
        return False  # "has been in custody since 3 March": where the perfect runs from or to
    return any(x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.head.i == pred.i and pred.i < x.i < tok.i
               and x.head.lower_ != "since" and (x.head.lower_ in _SEQUENCE_PREPOSITIONS or plover.is_event_noun(x.lower_))
               for x in pred.doc[pred.i:tok.i])


#: Prepositions whose object is a happening the act follows or precedes ("following the abandonment"):
#: the lexicon's anchoring words (events.json), but "since" and "until": a perfect may run from or to a
#: day ("has grown since the crash on 21 February").
_SEQUENCE_PREPOSITIONS = lexicon.words("events", "anchoring_words") - {"since", "until"}


#: A count of weeks back ("six weeks ago"): a day, but a round count, which a day the sentence
#: names beside it ("six weeks ago, on Sunday 14 March") settles.
_WEEKS_AGO = re.compile(r"\b(?:weeks?|fortnight)\s+ago\b(?!\s+(?:today|tonight|this))", re.IGNORECASE)



def _stamp(t: TimeExpr, sent: Span, text: str) -> bool:
    """The clock time opening the sentence, a live entry's stamp: when the entry was written, which
    dates the sentence only when it gives no time of its own (``entries.date_entries``)."""
    return t.type == "TIME" and t.start == sent.start_char and AFTER_STAMP.match(text, t.end) is not None


def _purpose_clause(tok: Token) -> bool:
    """An infinitive of purpose hung on a verb ("pulled out of talks to invest in X")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) \
        and not _has_subject(tok)


def _before_the_report(t: TimeExpr, inside: Sequence[TimeExpr], above: set[int], doc: Doc, pred: Token) -> bool:
    """A day the parser hung on an infinitive of purpose dates the verb it serves when the day is
    before the statement that reports it ("pulled out of talks to invest in X late on Tuesday, the
    airline said on Wednesday"), or, with no dated report, before the writing: what was only
    intended had no day of its own by then. A later day ("flew in to sign the deal on Friday",
    said on Monday) is the plan's, not the act's."""
    if not _DAY_VALUE.match(t.value) or t.value.startswith("XXXX"):
        return False
    for r in inside:
        if r is t or not _DAY_VALUE.match(r.value) or r.value.startswith("XXXX"):
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        verb = _verbal_ancestor(span.root) if span is not None and len(span) else None
        if verb is not None and verb.i in above and verb.i != pred.i and verb.lemma_.lower() in REPORTING:
            return t.value[:10] < r.value[:10]
    # no dated report: the writing is the statement ("left the talks to join a rival bid late on
    # Sunday", on a Monday's page)
    return bool(t.anchor and _DAY_VALUE.fullmatch(t.anchor[:10])) and t.value[:10] < (t.anchor or "")[:10]


def _given_a_role(tok: Token) -> bool:
    """A bare date the verb gives a role ("set 14 September as the opening day", "named Friday as a
    day of mourning"): what was decided, not when; a time phrase beside it dates the verb. The
    role must name a day (``_DAY_ROLES``): "stepped down Friday as treasurer" is the doer's role."""
    verb = tok.head
    return tok.dep_ in ("dobj", "npadvmod") and verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i
        and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() in _DAY_ROLES for g in c.children)
        for c in verb.children)


def _trigger_span(pred: Token) -> tuple[int, int]:
    """The word that names the claim's event: the predicate, the event noun a light verb takes
    ("held talks": the talks) or a performative verb performs ("announced its lifting"), or the event noun subject of a verb that only tells how it
    happened ("the explosion occurred", "a blast ripped through the plant": the explosion)."""
    lemma = pred.lemma_.lower()
    if (lemma in plover.LIGHT_VERBS and lemma not in plover.VERB_TYPE) or lemma in plover.PERFORMATIVE_VERBS:
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None and plover.is_event_noun(obj.lemma_):
            return obj.idx, obj.idx + len(obj)
    if lemma in plover.OCCUR_VERBS or (lemma not in plover.VERB_TYPE and lemma not in plover.STATE_VERBS):
        # "the explosion occurred", "a blast ripped through the plant": the subject is the event
        subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and plover.is_event_noun(subj.lemma_):
            return subj.idx, subj.idx + len(subj)
    return pred.idx, pred.idx + len(pred)


def _told_events(claim: Claim, sent: Span, pred: Token, reporter: Token | None, inp: ClaimInputs,
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
    shared |= {i for i in _simultaneous(pred) if not _has_subject(doc[i])}
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
    stamp = next((t for t, _ in governed if t.start == sent.start_char and _stamp(t, sent, doc.text)), None)
    governed.sort(key=lambda g: g[0] is stamp or bool(_WEEKS_AGO.search(g[0].text)))
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
        owner = _scheduled_event(owner) or owner
        if owner.pos_ != "NOUN" and owner.lemma_.lower() in plover.STATE_VERBS - {"say"} and not _due(owner) \
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
        own = [] if lemma in REPORTING or (owner.i in whens_at and _YEAR_ONLY.fullmatch(t.value)) \
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
