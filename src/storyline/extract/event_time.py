"""When: the time of a sentence's claim, and which word's event a time expression dates.

An event's time is the expression that syntactically governs its trigger (``time_owner``); a
reporting verb's time ("police said Monday") dates the statement, not the reported event. The
trigger span names the word of the claim's event (the predicate, or the event noun a light verb
takes). The other events a sentence dates are told in ``storyline.extract.told``. The verb lists
these rules read are data: ``data/lexicon/events.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import REPORTING
from storyline.extract.entries import AFTER_STAMP
from storyline.extract.syntax import (
    _conjuncts,
    _has_subject,
    _verbal_ancestor,
    closed_clause,
    descriptive_participle,
    habit_around,
)
from storyline.model import TimeExpr
from storyline.time.tense import before_complement_subject

#: Verbs of state, whose claim may take the time of its argument's participle (data/lexicon/events.json).
_STATE_VERBS = lexicon.words("events", "state_verbs")
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


def scheduled_event(verb: Token) -> Token | None:
    """"the ruling is due Monday": the time dates the ruling, an event noun, not the state of
    being due."""
    if not _schedules(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ == "NOUN" and plover.is_event_noun(subject.lemma_) else None


def is_due(verb: Token) -> bool:
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
        if (a.pos_ == "VERB" or (a.pos_ == "AUX" and a.dep_ not in ("aux", "auxpass"))) \
                and not habit_around(tok, a):
            return _fronted_clause(tok, a) or a
        if a.pos_ == "NOUN" and plover.is_event_noun(a.lemma_) and child.dep_ in _NOUN_TIME_DEPS:
            return a
        child = a
    return tok if tok.pos_ == "VERB" else None


#: A time that names a year alone ("in 2011").
YEAR_ONLY = re.compile(r"\d{4}")


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


def simultaneous(pred: Token) -> list[int]:
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


#: The mods of a day told with its part ("late Wednesday", "mid-Thursday"): still that day.
_PART_OF_DAY_MODS = frozenset({None, "START", "MID", "END"})


def time_for(doc: Doc, sent: Span, pred: Token, times: Sequence[TimeExpr], text: str) -> TimeExpr | None:
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
    conj |= set(simultaneous(pred))
    purpose = {x.i for v in governing for x in v.children if _purpose_clause(x)}
    modifiers: set[int] | None = None
    own_trigger = trigger_span(pred)[0]
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
        if perfect_day_event(pred, tok, t) is not None:
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
            or t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or live_stamp(t, sent, text) or WEEKS_AGO.search(t.text) \
            or _describes_argument(tok, pred) else 0
        if verb is not None and verb.i in purpose and tier == 1 and not _before_the_report(t, inside, above, doc, pred):
            continue
        cands.append(((tier, weak, direct, d), t, reporting))
    # the statement's time ("said in a release Monday") dates the event only when the event has no
    # day of its own ("found the body Sunday"); a figure's "since October" is no day of the event
    # ... a part of the day ("found burned out late Wednesday") still names the day
    own_day = any(not rep and key[0] <= 2 and not key[1] and t.mod in _PART_OF_DAY_MODS and _DAY_VALUE.match(t.value)
                  for key, t, rep in cands)
    ranked = [((3 if rep and own_day else key[0], *key[1:]), t) for key, t, rep in cands]
    if not ranked:
        return None
    key, best = min(ranked, key=lambda kt: kt[0])
    # "detained on Wednesday at about 6.15 a.m.": the clock time of that day, told apart from it,
    # is the same time told more finely
    finer = [t for k, t in ranked if k[:2] == key[:2] and t.type == "TIME" and t.value.startswith(f"{best.value}T")]
    return finer[0] if best.type == "DATE" and finer else best


def _describes_argument(tok: Token, pred: Token) -> bool:
    """"A late-spring blizzard swept over the pass on Saturday": a time that qualifies an argument
    noun says what kind of thing it is; a time told on the verb, when there is one, is the act's."""
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != pred.i


def perfect_day_event(pred: Token, tok: Token, t: TimeExpr) -> Token | None:
    """A present perfect takes no past day of its own ("has opened proceedings against the club
    following the abandonment of the match on 14 March"): a day the parser hangs on it (``tok``,
    on the verb or its preposition) after a phrase of an event noun ("following the abandonment",
    "after a crowd surge") is that noun's event's. Returns the noun, or None. A day after "since"
    is where the perfect runs from, and may be its own."""
    if not (tok.head.i == pred.i or (tok.head.dep_ == "prep" and tok.head.head.i == pred.i)):
        return None
    perfect = pred.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in pred.children)
    if not perfect or t.type != "DATE" or not _DAY_VALUE.match(t.value) or tok.i < pred.i:
        return None
    if tok.head.dep_ == "prep" and tok.head.lower_ in ("since", "until", "till", "from", "by"):
        return None  # "has been in custody since 3 March": where the perfect runs from or to
    return next((x for x in pred.doc[pred.i:tok.i]
                 if x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.head.i == pred.i and pred.i < x.i < tok.i
                 and x.head.lower_ != "since" and (x.head.lower_ in _SEQUENCE_PREPOSITIONS or plover.is_event_noun(x.lower_))),
                None)


#: Prepositions whose object is a happening the act follows or precedes ("following the abandonment"):
#: the lexicon's anchoring words (events.json), but "since" and "until": a perfect may run from or to a
#: day ("has grown since the crash on 21 February").
_SEQUENCE_PREPOSITIONS = lexicon.words("events", "anchoring_words") - {"since", "until"}


#: A count of weeks back ("six weeks ago"): a day, but a round count, which a day the sentence
#: names beside it ("six weeks ago, on Sunday 14 March") settles.
WEEKS_AGO = re.compile(r"\b(?:weeks?|fortnight)\s+ago\b(?!\s+(?:today|tonight|this))", re.IGNORECASE)


def live_stamp(t: TimeExpr, sent: Span, text: str) -> bool:
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


def trigger_span(pred: Token) -> tuple[int, int]:
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
