"""Attributed claims: one record per sentence that asserts an event or a state.

A claim is read off the dependency parse. The main clause is checked first for a reporting
frame ("X said that ...", "... , stated X", "according to X, ...", "X estimates that ..."): its
subject becomes the attribution and its complement clause becomes the content whose predicate,
participants, time, place and figures the claim records. Pronoun and definite-description
sources ("He said", "the official added") are resolved to the person the previous sentences
were about, and attribution carries over to a sentence that continues a quote or opens with a
connective ("Moreover", "He added"). Sources outside the main frame count too: a relative
clause on the source ("X, who said that ..."), a reporting verb coordinated with the main verb
("X arrived ... and told reporters that ..."), "X put the dead at N", and the owner of an
estimate ("its previous count" -> the agency just quoted). A sentence wholly inside a quote is
the quoted speaker's, whoever it mentions. Hedges, negation and modality are flags, because a
reconciler must weigh "may have sent" differently from "sent"; a hedge counts only when it
scopes over the claim (not inside a conditional, relative or adverbial clause), and a negated
reporting verb ("never confirmed that") leaves its clause unasserted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.entities import PLACE_LABELS, TITLE_WORDS, is_pronoun
from storyline.extract.quantities import attach_units, find_quantities
from storyline.model import Claim, Mention, Quantity, Sentence, TimeExpr

#: Verbs that introduce what someone says, thinks or reports.
REPORTING = lexicon.words("reporting", "reporting_verbs")
#: Reporting verbs whose object is still what was said ("explained the decision", "confirmed the attack").
SPEECH_ACTS = lexicon.words("reporting", "speech_acts")
#: Reporting verbs whose source asserts the negation of their clause.
DENIALS = lexicon.words("reporting", "denials")
#: Verbs that negate the reporting verb they govern ("refused to confirm that ...").
REFUSALS = lexicon.words("reporting", "refusals")
#: Verbs that state an estimate as "X put the dead at 300".
ESTIMATE_VERBS = lexicon.words("reporting", "estimate_verbs")
#: Nouns for a figure someone gave; their possessor is its source ("the agency's previous count").
ESTIMATE_NOUNS = lexicon.words("reporting", "estimate_nouns")
#: Nouns by which a text refers back to a news organisation it has just named ("KXYZ reported ...
#: The station said"): as a source, "the station" is that organisation. Only media nouns: "the
#: company" or "the agency" after a sentence naming another organisation is too often not it.
ORG_NOUNS = lexicon.words("reporting", "media_nouns")
#: How many sentences back "the station" may look for the organisation it means.
ORG_REACH = 2
#: Reporting verbs that distance the writer from the content.
DISTANCING = lexicon.words("hedges", "distancing_verbs")
#: Verbs whose infinitive complement is the real event ("decided to send", "is preparing to triple").
PLAN_VERBS = lexicon.words("events", "plan_verbs")
HEDGE_WORDS = lexicon.words("hedges", "hedge_words")
CONNECTIVES = re.compile(rf"^\W*({lexicon.alternation('reporting', 'connectives')})\b", re.IGNORECASE)
PLACE_PREPS = lexicon.ordered("places", "place_preps")
MOTION_PREPS = lexicon.ordered("places", "motion_preps")
QUOTES = "\"“”«»„"
_OPINION = lexicon.words("hedges", "opinion_words")
_AREA_NOUNS_OF = lexicon.words("places", "area_nouns_of")
_AREA_NOUNS_COMPOUND = lexicon.words("places", "area_nouns_compound")
_DESCRIBED_SOURCES = lexicon.words("reporting", "described_sources")
_ACCORDING_FIGURE_NOUNS = lexicon.words("reporting", "according_figure_nouns")
_QUOTING_VERBS = lexicon.words("reporting", "quoting_verbs")
_HEDGE_ADJECTIVES = lexicon.words("hedges", "hedge_adjectives")


@dataclass
class SentenceContext:
    """What the previous sentences leave behind for the next one (speakers, subjects, quotes)."""

    attribution: str | None = None
    attribution_sentence: int = -10
    last_person: str | None = None
    last_subject_person: str | None = None
    last_org: str | None = None
    last_org_sentence: int = -10
    sentence: int = 0
    open_quote: bool = False
    paragraph: int = -1
    people_titles: dict[str, list[str]] = field(default_factory=dict)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _phrase(tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    s, e = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while s < e and (doc[s].is_punct or doc[s].is_space) and doc[s].text not in ("$",):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    if e <= s:
        return ""
    text = doc[s:e].text
    if "(" in text and text.count("(") > text.count(")") and e < len(doc) and doc[e].text == ")":
        text += ")"  # keep the bracket a name is written with: "the military intelligence (HUR)"
    return text.strip()


def _np(tok: Token, limit: int = 12, appos: bool = False) -> str:
    """The noun phrase a token heads, without relative clauses and long trailing modifiers."""
    drop = {"relcl", "acl", "advcl", "punct", "cc", "parataxis"} | (set() if appos else {"appos"})
    keep: list[Token] = [tok]
    stack = [c for c in tok.children if c.dep_ not in drop]
    while stack:
        c = stack.pop()
        keep.append(c)
        stack.extend(x for x in c.children if x.dep_ not in {"relcl", "acl", "advcl", "parataxis"})
    keep.sort(key=lambda t: t.i)
    # keep the contiguous block around the head
    block = [t for t in keep if abs(t.i - tok.i) <= limit]
    return _phrase(block)


def _verbal_ancestor(tok: Token) -> Token | None:
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX") or a.dep_ == "ROOT":
            return a
    return None


_NON_SOURCES = lexicon.words("reporting", "non_sources")


#: Nouns that stand for an unnamed source ("reports", "claims", "evidence").
REPORT_NOUNS = lexicon.words("reporting", "report_nouns")
UNCERTAIN_NOUNS = lexicon.words("hedges", "uncertain_nouns")


def _report_noun(tok: Token) -> bool:
    word = tok.lower_
    return word in REPORT_NOUNS or (word.endswith("s") and word[:-1] in REPORT_NOUNS)


def _has_source(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _NON_SOURCES for c in verb.children)


def _content_predicate(root: Token) -> tuple[Token, Token | None, Token | None, bool]:
    """(predicate, reporting verb, inverted source token, reported?) for a sentence root.

    A reporting verb with a clausal complement hands the claim over to the complement; a quote
    placed before the verb with the source after it ("..., stated the agency") is inverted; a
    reporting verb the parser hung under the quote ('X explained, "..."') still names the source;
    an expletive frame ("It is worth recalling that ...") hands over to its clause.
    """
    if root.pos_ in ("NOUN", "PROPN"):
        # "The agency estimated that ..." parsed as a noun phrase with the verb as its modifier
        for c in root.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REPORTING and any(
                    x.dep_ == "ccomp" for x in c.children):
                comp = next(x for x in c.children if x.dep_ == "ccomp")
                return comp, c, root, True
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and _report_noun(subject) and root.lemma_.lower() not in REPORTING:
        # "Reports surfaced that ...", "Evidence emerged that ...": the clause is what is reported
        comps = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if comps:
            return comps[0], root, None, True
    if root.lemma_.lower() not in REPORTING:
        for c in root.children:
            if (c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING and _has_source(c)
                    and not any(x.dep_ in ("ccomp", "dobj") for x in c.children)):
                return root, c, None, True
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subj and subj[0].lower_ == "it":
            # "It is worth recalling that ...", "It can be inferred that ...": the clause is the claim
            frontier = [root]
            for _ in range(3):
                comps = [c for h in frontier for c in h.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
                if comps:
                    return comps[0], None, None, False
                frontier = [c for h in frontier for c in h.children
                            if c.dep_ in ("acomp", "attr", "xcomp", "pcomp", "prep", "advcl")]
    if root.lemma_.lower() in REPORTING:
        comps = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if not comps:
            comps = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX", "NOUN")]
        if not comps:
            # a clause the parser headed with a non-verb ("One man about to be caught shouted ...,
            # X said": ccomp "about" with the verbs as its conjuncts): its first verbal conjunct
            comps = [x for c in root.children if c.dep_ == "ccomp" and any(y.dep_ == "nsubj" for y in c.children)
                     for x in c.children if x.dep_ == "conj" and x.pos_ == "VERB"][:1]
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if comps:
            # a clause after the verb is what it reports; one before it with a subject between is a
            # misparsed coordination ("X called it a crime, and Y said that ...")
            comp = min(comps, key=lambda c: (c.i < root.i, c.i))
            inverted = None
            if comp.i < root.i:
                after = [c for c in root.children if c.i > root.i and c.dep_ in ("nsubj", "dobj", "attr")]
                if after and not [s for s in subj if s.i < root.i]:
                    inverted = after[0]
            return comp, root, inverted, True
        direct_object = any(c.dep_ == "dobj" for c in root.children)
        if subj and _has_source(root) and (not direct_object or root.lemma_.lower() in SPEECH_ACTS):
            return root, root, None, True
    return root, None, None, False


def _descend_plan(pred: Token) -> tuple[Token, str | None]:
    modality = None
    for _ in range(3):
        if pred.lemma_.lower() in PLAN_VERBS:
            x = [c for c in pred.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if x:
                modality = "plan"
                pred = x[0]
                continue
        break
    return pred, modality


def _modality(pred: Token, reported: bool) -> str | None:
    auxes = [c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if any(a == "would" for a in auxes):
        return "future" if reported else "conditional"
    if any(a in ("may", "might", "could") for a in auxes):
        return "possible"
    if any(a in ("must", "should") for a in auxes):
        return "obligation"
    if "going" in [c.lower_ for c in pred.children] or (
        pred.head.lower_ == "going" and pred.dep_ == "xcomp"
    ):
        return "future"
    return None


def _negated(pred: Token, chain: Sequence[Token]) -> bool:
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children):
            return True
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in s.children) or s.lower_ in (
        "nobody", "nothing", "none") for s in subj)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated with this one ("knelt ... and pinned ..."), however deep the chain."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX"))
    return out


_STATE_VERBS = lexicon.words("events", "state_verbs")
#: Participles that describe an argument rather than narrate an event of their own ("a delegation
#: led by X"): a time the parser hangs on them belongs to the main verb.
_DESCRIPTIVE_PARTICIPLES = lexicon.words("events", "descriptive_participles")


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


#: Dependency relations by which a time expression modifies an event noun ("the March 26
#: collision", "last month's collapse", "Monday's vote", "the crash on Thursday").
_NOUN_TIME_DEPS = frozenset({"compound", "poss", "npadvmod", "nmod", "amod", "nummod", "prep", "pobj"})
_TIME_PREPS = frozenset({"in", "on", "at", "during"})


def time_owner(tok: Token) -> Token | None:
    """The event word a time expression (its root token ``tok``) dates: the nearest verb above it,
    or an event noun it modifies on the way there. A reporting verb owns its own time ("police
    said Monday"): it dates the statement, not the event reported."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _TIME_PREPS and head.i > 0:
        # "another trip in June by X": the parser hangs the phrase on the verb, but an event noun
        # right before it is what it dates (the attachment the parser most often gets wrong)
        prev = tok.doc[head.i - 1]
        verb = prev.head if prev.dep_ in ("dobj", "pobj") else None
        # ... unless the noun is the object of an event verb ("signing a treaty in June": the
        # signing is dated); a relational verb defers to it ("followed a trip in June")
        deferring = verb is None or verb.pos_ != "VERB" or plover.event_type(verb.lemma_) is None
        if prev.pos_ == "NOUN" and plover.is_event_noun(prev.lemma_) and head.head.i != prev.i and deferring:
            return prev
    child = tok
    for a in tok.ancestors:
        if a.pos_ == "VERB" or (a.pos_ == "AUX" and a.dep_ not in ("aux", "auxpass")):
            return a
        if a.pos_ == "NOUN" and plover.is_event_noun(a.lemma_) and child.dep_ in _NOUN_TIME_DEPS:
            return a
        child = a
    return tok if tok.pos_ == "VERB" else None


def _time_for(doc: Doc, sent: Span, pred: Token, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The claim's time: one that modifies the predicate or a verb above it, best; else one on a
    coordinated verb or an infinitive complement; else, for a state ("was", "remained"), one
    inside a participial modifier of an argument. A relative or adverbial clause's time belongs
    to that clause's own event and is never taken. The event's own time beats the reporting
    verb's ("found Sunday, police said Monday"); the reporting verb's dates a claim that has
    none (a figure is as of when it was given)."""
    inside = [t for t in times if t.start >= sent.start_char and t.end <= sent.end_char]
    if not inside:
        return None
    above = {pred.i, *(a.i for a in pred.ancestors)}
    # the sentence's dated times ("now" in a clause of comment does not date a second event)
    dated = [t for t in inside if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
    governing = [pred, *(a for a in pred.ancestors if a.i >= sent.start)]
    conj = {c.i for v in governing for c in _conjuncts(v)}
    # the verb an infinitive complement names is part of the claim ("about to be caught last week")
    conj |= {x.i for v in governing for x in v.children if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")}
    modifiers: set[int] | None = None
    best: tuple[tuple[int, int, int, int], TimeExpr] | None = None
    for t in inside:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        verb = _verbal_ancestor(tok)
        outer = verb
        while outer is not None and outer.dep_ == "pcomp" and not _has_subject(outer):
            outer = _verbal_ancestor(outer)  # "pinned medals on returning commanders on Monday"
        if verb is None or verb.i in above:
            tier = 0
        elif verb.i in conj:
            tier = 1
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
            tier = 3
        else:
            continue
        anc = {a.i: d for d, a in enumerate([tok, *tok.ancestors])}
        d = 99
        for depth, a in enumerate([pred, *pred.ancestors]):
            if a.i in anc:
                d = anc[a.i] + depth
                break
        direct = 0 if verb is not None and verb.i == pred.i else 1
        weak = 1 if t.type in ("DURATION", "SET") or t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") else 0
        key = (tier, weak, direct, d)
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def _place_for(sent: Span, pred: Token, mentions: Sequence[Mention]) -> str | None:
    doc = sent.doc
    best: tuple[int, int, str] | None = None
    for m in mentions:
        if m.label not in PLACE_LABELS or m.start < sent.start_char or m.end > sent.end_char:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        head = tok.head
        # "the region of X" / "the X region": climb to the phrase the preposition governs
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _AREA_NOUNS_OF:
            tok = head.head
            head = tok.head
        elif tok.dep_ == "compound" and tok.head.lemma_.lower() in _AREA_NOUNS_COMPOUND:
            tok = tok.head
            head = tok.head
        if tok.dep_ != "pobj" or head.pos_ != "ADP":
            continue
        prep = head.lower_
        if prep in PLACE_PREPS:
            rank = 0
        elif prep in MOTION_PREPS:
            rank = 1
        else:
            continue
        anc = _verbal_ancestor(head)
        if anc is None or anc.i != pred.i:
            continue  # the place of another clause's event
        cand = (rank, m.start, m.text)
        if best is None or cand < best:
            best = cand
    return best[2] if best else None


def _is_assertion(toks: Sequence[Token], text: str) -> bool:
    """Questions, verbless headings and fragments assert nothing."""
    if text.rstrip(QUOTES + " ").endswith("?"):
        return False
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    if len(words) < 4:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    ends = text.rstrip(QUOTES + " )")
    # a title-case heading without final punctuation is not a sentence
    return not (ends and ends[-1] not in ".!;:" and sum(w.text[:1].isupper() for w in words) > 0.6 * len(words))


def _checkworthiness(claim: Claim, sent: Span, opinionated: bool) -> float:
    """Rank for fact-checking: specific, attributable, quantified events high; opinion low."""
    score = 0.15
    if claim.quantities:
        score += 0.25
    if claim.time is not None:
        score += 0.15
    named = {eid for eid in claim.entity_ids if not eid.startswith("group:")}
    score += min(0.2, 0.07 * len(named))
    if claim.event_type:
        score += 0.15
    if claim.place:
        score += 0.05
    if claim.attribution:
        score += 0.05
    if claim.hedged:
        score -= 0.1
    if claim.modality in ("possible", "conditional"):
        score -= 0.1
    if opinionated:
        score -= 0.2
    return round(max(0.0, min(1.0, score)), 3)


@dataclass
class ClaimInputs:
    """One parsed article with everything claims are read from."""

    article_id: str
    doc: Doc
    sentences: Sequence[Sentence]
    spans: Sequence[Span]
    times: Sequence[TimeExpr]
    mentions: Sequence[Mention]
    names: dict[str, str]


def _mention_name(m: Mention, names: dict[str, str]) -> str:
    return names.get(m.entity_id or "", m.text) if m.label == "PERSON" else m.text


def _resolve_source(tok: Token, inp: ClaimInputs, ctx: SentenceContext,
                    sent_mentions: Sequence[Mention]) -> str | None:
    """The source a subject names; pronouns and bare descriptions go back to recent people."""
    if is_pronoun(tok) and tok.lower_ in ("he", "she", "him", "her"):
        return ctx.last_subject_person or ctx.last_person or tok.text
    if is_pronoun(tok) and tok.lower_ in ("they", "it") and ctx.attribution:
        return ctx.attribution
    owner = _possessor(tok)
    if owner is not None:
        return _owner_source(owner, inp, ctx, sent_mentions)
    np_text = _np(tok, appos=True)
    sub = list(tok.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    # a person named in the subject phrase, the name itself included ("Minister A B": the head is B)
    inside = [m for m in sent_mentions if m.label == "PERSON" and lo <= m.start and m.end <= hi
              and m.start < tok.idx + 1 + len(np_text) + 40]
    # the name the head word is part of first; a possessor before it ("A's spokesman B") is not the source
    inside = [m for m in inside if m.start <= tok.idx < m.end] or [m for m in inside if m.start >= tok.idx]
    if inside:
        return _mention_name(inside[0], inp.names)
    propn = any(t.pos_ == "PROPN" for t in tok.subtree)
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if not propn and det and det[0] in ("the", "this", "that") and tok.lemma_.lower() in TITLE_WORDS | _DESCRIBED_SOURCES:
        head = tok.lemma_.lower()
        for person, titles in reversed(list(ctx.people_titles.items())):
            if any(head in t.lower() for t in titles):
                return person
        if ctx.attribution and head in ctx.attribution.lower():
            return ctx.attribution
    if (not propn and det and det[0] in ("the", "this") and tok.lemma_.lower() in ORG_NOUNS and ctx.last_org
            and ctx.sentence - ctx.last_org_sentence <= ORG_REACH):
        return ctx.last_org
    return np_text


#: Participles that make their agent the author of a figure ("estimates published by A").
_AUTHORING = lexicon.words("reporting", "authoring_participles")


def _according_source(obj: Token, according: Token, sent: Span, inp: ClaimInputs, ctx: SentenceContext,
                      sent_mentions: Sequence[Mention]) -> str | None:
    """The source of "according to X": the agent of a published figure ("estimates published by
    A and B" -> A and B), and, when the phrase opens the sentence, only up to its comma."""
    if obj.lemma_.lower() in ESTIMATE_NOUNS | _ACCORDING_FIGURE_NOUNS:
        agents = [p for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents:
            obj = agents[0]
    source = _resolve_source(obj, inp, ctx, sent_mentions)
    if all(t.is_space or t.is_punct for t in sent.doc[sent.start:according.i]):
        comma = next((t for t in sent if t.i > obj.i and t.text == ","), None)
        if comma is not None:
            head = sent.doc[according.i + 2:comma.i].text.strip()
            if head and source and source.startswith(head) and len(source) > len(head):
                source = head
    return source


def _possessor(tok: Token) -> Token | None:
    """The owner of an estimate noun ("its previous count", "the agency's estimate"), if any."""
    if tok.lemma_.lower() not in ESTIMATE_NOUNS:
        return None
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def _owner_source(owner: Token, inp: ClaimInputs, ctx: SentenceContext, sent_mentions: Sequence[Mention]) -> str | None:
    """The source an estimate's owner names: "its"/"their" go back to the agency just quoted."""
    if owner.lower_ in ("its", "their"):
        recent = ctx.attribution if ctx.sentence - ctx.attribution_sentence <= 3 else None
        return recent or ctx.last_org
    if owner.lower_ in ("his", "her"):
        return ctx.last_subject_person or ctx.last_person
    if owner.pos_ == "PRON":
        return None
    resolved = _resolve_source(owner, inp, ctx, sent_mentions)
    return re.sub(r"\s*['\u2019]s?$", "", resolved) if resolved else None


def _speaker_subject(reporter: Token) -> tuple[Token | None, bool]:
    """(the source token of a reporting verb, is the report unattributed passive?).

    The subject of a passive reporting verb is what is reported on ("Several were reported to
    have been killed"), not who reported it: the source is then the "by" agent, or nobody.
    An infinitive reporting verb takes its governor's subject ("refused to confirm").
    """
    verb = reporter
    for _ in range(3):  # "declined to confirm or deny that": deny -> confirm -> declined
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _NON_SOURCES]
        # two subjects are a misparsed coordination ("X called it a crime, and Y said that ..."):
        # the one nearest before the verb is its own
        subj.sort(key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i))
        passive = verb.lemma_.lower() not in _QUOTING_VERBS and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)  # "X was quoted as saying": X speaks
        if passive:
            agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return (agent[0], False) if agent else (None, True)
        if subj:
            return subj[0], False
        if verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    return None, False


def _secondary_reporter(toks: Sequence[Token], root: Token) -> Token | None:
    """The source token of a reporting verb outside the main frame.

    "X, who said on Saturday that ..." (a relative clause on the source) and "X arrived ... and
    told reporters that ..." (a reporting verb coordinated with the main one, sharing its subject).
    """
    for t in toks:
        lemma = t.lemma_.lower()
        if lemma not in REPORTING or not any(c.dep_ == "ccomp" for c in t.children):
            continue
        if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in t.children):
            return t.head
        if t.dep_ == "conj" and not _has_subject(t) and t.head.i == root.i:
            subj, passive = _speaker_subject(root)
            if subj is not None and not passive:
                return subj
    return None


def _figure_report(root: Token) -> Token | None:
    """"X called it a crime, and Y said that 600 died": a reporting verb coordinated with a
    non-reporting root, with its own subject and a figure in its clause, frames the sentence."""
    if root.lemma_.lower() in REPORTING:
        return None
    for c in _conjuncts(root):
        comps = [x for x in c.children if x.dep_ == "ccomp"]
        if c.lemma_.lower() in REPORTING and _has_source(c) and comps and any(
                t.like_num for x in comps for t in x.subtree):
            return c
    return None


def _puts_figure_at(verb: Token) -> bool:
    """"X put/pegged the dead at 300": an object and an "at" phrase holding a number."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(x.like_num for x in c.subtree) for c in verb.children)


def _wholly_quoted(text: str, open_quote: bool) -> bool:
    """Is the sentence all inside a quotation (no attribution written outside the quote marks)?"""
    if text[:1] in _OPENING:
        rest = text[1:]
    elif open_quote:
        rest = text
    else:
        return False
    close = min((i for i in (rest.find(q) for q in _CLOSING) if i >= 0), default=-1)
    return close < 0 or not rest[close + 1:].strip(" .,;:!?" + QUOTES)


#: Hedge words that are verbs: a hedge only with a complement ("appeared to be", "seems ready").
_HEDGE_VERBS = lexicon.words("hedges", "hedge_verbs")
#: Passive verbs of belief with an infinitive: nobody vouches for the content ("is believed to").
_BELIEF_VERBS = lexicon.words("hedges", "belief_verbs")
#: "is widely expected to": a consensus guess; a bare "is expected to" is usually a schedule.
_BROADLY = lexicon.words("hedges", "consensus_adverbs")
_SCOPE_DEPS = frozenset({"advmod", "aux", "auxpass", "acomp", "npadvmod", "amod", "det", "attr", "prep", "neg"})


def _hedged(pred: Token, reporter: Token | None, sent: Span) -> bool:
    """A hedge counts when it scopes over the claim: on the predicate or a verb governing it.

    "may"/"could" in a conditional or relative clause, "suggests" in a clause about something
    else, and "appeared" meaning "showed up" (no complement) do not hedge the main claim.
    """
    chain = [pred, *[a for a in pred.ancestors if a.i >= sent.start]]
    if reporter is not None and reporter not in chain:
        chain.append(reporter)
    # a coordinated clause is part of the claim (its figures are): "..., and it said the toll could be N"
    for v in list(chain):
        for c in _conjuncts(v):
            chain.append(c)
            if c.lemma_.lower() in REPORTING:
                chain.extend(x for x in c.children if x.dep_ == "ccomp")
    for v in chain:
        lemma = v.lemma_.lower()
        if lemma in _HEDGE_VERBS and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in v.children):
            return True
        if lemma in _HEDGE_ADJECTIVES and v.pos_ == "ADJ":
            return True
        if lemma in _BELIEF_VERBS and any(c.dep_ == "auxpass" for c in v.children) and any(
                c.dep_ == "xcomp" for c in v.children) and (lemma != "expect" or any(
                c.lower_ in _BROADLY for c in v.children if c.dep_ == "advmod")):
            return True  # "are believed to have died", "is widely expected to invite"
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                # "unconfirmed reports", "perhaps 200 fighters": a hedge on an argument or its figure
                near = [x for x in c.children if x.dep_ in ("amod", "advmod", "nummod")]
                near += [y for x in near if x.dep_ == "nummod" for y in x.children if y.dep_ == "advmod"]
                if any(x.lower_ in HEDGE_WORDS for x in near if x.dep_ != "nummod") or (
                        c.dep_ != "dobj" and _uncertain_noun(c)):
                    return True
            elif c.dep_ in _SCOPE_DEPS and (c.lemma_.lower() in HEDGE_WORDS or c.lower_ in HEDGE_WORDS):
                if c.lemma_.lower() in _HEDGE_VERBS:
                    continue
                return True
    return False


def _uncertain_noun(tok: Token) -> bool:
    return tok.lower_.rstrip("s") in UNCERTAIN_NOUNS and not any(c.dep_ == "poss" for c in tok.children)


def build_claims(inp: ClaimInputs) -> list[Claim]:
    """Claims of one article's body, in sentence order."""
    doc = inp.doc
    claims: list[Claim] = []
    ctx = SentenceContext()
    by_sentence: dict[int, list[Mention]] = {}
    for m in inp.mentions:
        by_sentence.setdefault(m.sentence if m.sentence is not None else -1, []).append(m)
    times = sorted(inp.times, key=lambda t: t.start)
    starts = [t.start for t in times]
    for sent_model, sent in zip(inp.sentences, inp.spans, strict=True):
        # the sentence's own times, found once (scanning the article's for every sentence was
        # quadratic on long bodies)
        sent_times = times[bisect.bisect_left(starts, sent.start_char):bisect.bisect_left(starts, sent.end_char)]
        idx = sent_model.index
        ctx.sentence = idx
        text = sent_model.text
        mentions = by_sentence.get(idx, [])
        persons = [m for m in mentions if m.label == "PERSON"]
        for m in persons:
            if m.titles:
                ctx.people_titles.setdefault(_mention_name(m, inp.names), []).extend(m.titles)
        if sent_model.paragraph != ctx.paragraph:
            ctx.open_quote = False
        starts_quoted = text[:1] in QUOTES
        quote_balance = sum(text.count(q) for q in "\"") % 2 + text.count("“") - text.count("”")
        toks = list(sent)  # one pass over the tokens: Span iteration builds Token objects each time
        asserted = _is_assertion(toks, text)
        root = sent.root
        attribution: str | None = None
        refused = None
        if root.lemma_.lower() in REFUSALS:
            # "declined to confirm or deny that ...": the clause may hang on the coordinated verb
            refused = next((v for c in root.children if c.dep_ == "xcomp" for v in [c, *_conjuncts(c)]
                            if v.lemma_.lower() in REPORTING and any(x.dep_ == "ccomp" for x in v.children)), None)
        frame = refused or _figure_report(root) or root
        pred, reporter, inverted, reported = _content_predicate(frame)
        if reporter is None and root.lemma_.lower() in ESTIMATE_VERBS and _puts_figure_at(root):
            reporter, reported = root, True  # "the agency put the dead at about 300"
        quoted = _wholly_quoted(text, ctx.open_quote)
        # "according to X"
        according: str | None = None
        for t in toks:
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if objs:
                    according = _according_source(objs[0], t, sent, inp, ctx, mentions)
                    break
        speaker: str | None = None
        unattributed_report = False
        if reporter is not None and not quoted:
            if inverted is not None:
                speaker = _resolve_source(inverted, inp, ctx, mentions)
            else:
                source, unattributed_report = _speaker_subject(reporter)
                if source is not None:
                    speaker = _resolve_source(source, inp, ctx, mentions)
        if speaker is None and not quoted:
            source = _secondary_reporter(toks, root)
            if source is None:
                subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                owner = _possessor(subj) if subj is not None else None
                if owner is not None:  # "The agency's previous estimate ... was about 100 dead."
                    speaker = _owner_source(owner, inp, ctx, mentions)
            else:
                speaker = _resolve_source(source, inp, ctx, mentions)
        citing: str | None = None
        for t in toks:
            if t.lemma_.lower() == "cite" and t.tag_ == "VBG" and (reporter is None or t.i != reporter.i):
                objs = [c for c in t.children if c.dep_ == "dobj"]
                if objs:
                    citing = _np(objs[0], appos=True)
                    break
        if citing and (speaker or according):
            according = f"{according}, citing {citing}" if according else None
            speaker = f"{speaker}, citing {citing}" if speaker else None
        elif citing:
            according = citing
        if speaker and according and speaker.lower() in according.lower():
            speaker = None  # "according to A, the directorate, which said ...": one source, once
        elif speaker and according and according.lower() in speaker.lower():
            according = None
        if speaker and according and speaker.lower() != according.lower():
            attribution = f"{speaker}, according to {according}"
        else:
            attribution = speaker or according
        if attribution is None and not quoted:
            attribution = _trailing_source(toks)
        carried = False
        if attribution is None and ctx.attribution and idx - ctx.attribution_sentence <= 2:
            # a quote that goes on after its attribution, in the same or the next paragraph
            continuing_quote = (starts_quoted and not ctx.open_quote and idx - ctx.attribution_sentence == 1
                                and sent_model.paragraph - ctx.paragraph <= 1) or ctx.open_quote
            if continuing_quote or CONNECTIVES.match(text):
                attribution = ctx.attribution
                carried = True
        for _ in range(2):  # "was quoted as saying that ...", "went on to say that ..."
            around = [*pred.children, *(g for c in pred.children if c.dep_ == "prep" for g in c.children)]
            nested = [c for c in around if c.dep_ in ("advcl", "xcomp", "ccomp", "pcomp")
                      and c.lemma_.lower() in REPORTING and any(x.dep_ == "ccomp" for x in c.children)]
            if reporter is not None and pred.i == reporter.i and nested:
                reporter = nested[0]
                pred = next(x for x in reporter.children if x.dep_ == "ccomp")
            elif reporter is not None and pred.lemma_.lower() in REPORTING and pred.i != reporter.i and any(
                    x.dep_ == "ccomp" for x in pred.children):
                pred = next(x for x in pred.children if x.dep_ == "ccomp")
            else:
                break
        pred, plan = _descend_plan(pred)
        chain = [pred, *[a for a in pred.ancestors if a.i >= sent.start and (reporter is None or a.i != reporter.i)]][:3]
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "csubj")]
        if not subjects and pred.dep_ == "xcomp":
            subjects = [c for c in pred.head.children if c.dep_ == "nsubj"]
        agents = [_resolve_source(s, inp, ctx, mentions) if s.lower_ in ("he", "she") else _np(s) for s in subjects]
        agents += [_np(p) for c in pred.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        patients = [_np(c) for c in pred.children if c.dep_ in ("dobj", "attr", "dative", "nsubjpass", "oprd")]
        obj_lemma = next((c.lemma_ for c in pred.children if c.dep_ in ("dobj", "attr")), None)
        for prep in (c for c in pred.children if c.dep_ == "prep"):
            for p in prep.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    patients.append(f"{prep.lower_} {_np(p)}")
        time = _time_for(doc, sent, pred, sent_times)
        place = _place_for(sent, pred, mentions)
        quantities: list[Quantity] = attach_units(doc, find_quantities(text, sent_model.start))
        lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
        hedged = (_hedged(pred, reporter, sent) or unattributed_report
                  or bool(reporter is not None and reporter.lemma_.lower() in DISTANCING))
        if reporter is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_.rstrip("s") in UNCERTAIN_NOUNS
                                        for c in reporter.children):
            hedged = True  # unnamed "reports" or "claims" as the only source
        modality = plan or _modality(pred, reported)
        negated = _negated(pred, chain)
        if reporter is not None and reporter.lemma_.lower() in DENIALS and pred.i != reporter.i:
            negated = not negated  # "X denied that troops crossed": the source asserts the opposite
        if reporter is not None and pred.i != reporter.i and (
                refused is not None or any(c.dep_ == "neg" for c in reporter.children)):
            negated = True  # "X never confirmed / refused to confirm that ...": nobody asserts it
        etype = plover.event_type(pred.lemma_, obj_lemma)
        if pred.lemma_.lower() in plover.OCCUR_VERBS or (pred.lemma_.lower() == "take" and obj_lemma == "place"):
            # "the visit took place", "the attack happened": the subject noun is the event
            subj_noun = next((c.lemma_ for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            etype = plover.event_type(subj_noun) if subj_noun else None
        opinionated = bool(lemmas & _OPINION) or bool(re.search(r"\b(I|we|our|us)\b", text) and not starts_quoted)
        if asserted:
            claim = Claim(
                id=f"{inp.article_id}:{idx}", article_id=inp.article_id, sentence=idx, text=text,
                span=(sent_model.start, sent_model.end), predicate=pred.lemma_.lower(),
                agents=[a for a in agents if a], patients=[p for p in patients if p][:6], time=time,
                place=place, quantities=quantities, attribution=attribution, hedged=hedged,
                negated=negated, modality=modality, event_type=etype, section="body",
                entity_ids=sorted({m.entity_id for m in mentions if m.entity_id}),
            )
            claim.checkworthiness = _checkworthiness(claim, sent, opinionated)
            claim.trigger = _trigger_span(pred)
            claims.append(claim)
            claims.extend(_told_events(claim, sent, pred, reporter, inp, reported, sent_times))
        # what this sentence leaves for the next ones
        if attribution and not carried:
            ctx.attribution, ctx.attribution_sentence = attribution, idx
        elif carried:
            ctx.attribution_sentence = idx
        orgs = [m for m in mentions if m.label == "ORG"]
        if orgs:
            ctx.last_org, ctx.last_org_sentence = orgs[-1].text, idx
        else:
            # a call sign or a title the model tags as nothing ("KXYZ 8 was first with it"): a
            # proper-noun subject that names no person stands for an organisation too
            named = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            if named is not None and not any(m.label == "PERSON" and m.start <= named.idx < m.end for m in mentions):
                ctx.last_org, ctx.last_org_sentence = _np(named), idx
        if persons:
            ctx.last_person = _mention_name(persons[-1], inp.names)
            subj_persons = [m for m in persons if _is_subject(doc, m)]
            if subj_persons:
                ctx.last_subject_person = _mention_name(subj_persons[0], inp.names)
        ctx.open_quote = (ctx.open_quote if sent_model.paragraph == ctx.paragraph else False) ^ bool(quote_balance % 2)
        ctx.paragraph = sent_model.paragraph
    _attribute_quotes_backwards(claims, inp.sentences)
    return claims


_OPENING = "“\"«„"
_CLOSING = "”\"»"


def _attribute_quotes_backwards(claims: list[Claim], sentences: Sequence[Sentence]) -> None:
    """'"A. B," she said.': A is hers too. A quote opened without attribution takes the one of
    the sentence (same paragraph) in which it closes."""
    by_index = {c.sentence: c for c in claims if c.parent is None}
    told: dict[str, list[Claim]] = {}
    for c in claims:
        if c.parent is not None:
            told.setdefault(c.parent, []).append(c)
    for claim in claims:
        opening = claim.text[:1]
        if claim.attribution or opening not in _OPENING + _SINGLE:
            continue
        if _closes(claim.text[1:], opening):
            continue  # the quote closes in this very sentence
        para = sentences[claim.sentence].paragraph
        for j in range(claim.sentence + 1, min(len(sentences), claim.sentence + 6)):
            if sentences[j].paragraph != para:
                break
            if _closes(sentences[j].text, opening):
                later = by_index.get(j)
                if later is not None and later.attribution:
                    claim.attribution = later.attribution
                    for inner in told.get(claim.id, []):  # the events told inside it are the speaker's too
                        inner.attribution = inner.attribution or later.attribution
                break


#: Single quote marks open a quote at the start of a sentence; inside a word they are apostrophes,
#: so they close one only after punctuation ("... staying,' said X").
_SINGLE = "'‘"
_SINGLE_CLOSE = re.compile(r"[,.!?;:]['’](?:\s|$)")


def _closes(text: str, opening: str) -> bool:
    if opening in _SINGLE:
        return _SINGLE_CLOSE.search(text) is not None
    return any(q in text for q in _CLOSING)


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "appos", "conj", "flat"):
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


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


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on ("the bridge, which fell": the
    bridge); any other word stands for itself."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    return tok


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
    governed: list[tuple[TimeExpr, Token | None]] = []
    for t in times:
        if t.end > sent.end_char:
            continue
        if t.type not in ("DATE", "TIME") or t.value.endswith("_REF"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        governed.append((t, time_owner(span.root)))
    # ... unless the coordinated verb has a day of its own beside the predicate's ("flew there on
    # March 12 and met the families the following day"): two events, each dated
    own_days = {t.value[:10] for t, o in governed if o is not None and o.i == pred.i}
    if own_days:  # the same day's "suffered a stroke in the morning and died that night" stays one
        shared -= {o.i for t, o in governed if o is not None and o.i != pred.i and t.value[:10] not in own_days}
    owners: dict[int, tuple[Token, TimeExpr]] = {}
    for t, owner in governed:
        if owner is None or owner.i in shared or owner.i in owners:
            continue
        if owner.pos_ != "NOUN" and owner.lemma_.lower() in plover.STATE_VERBS - {"say"}:
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
        obj = next((c.lemma_ for c in owner.children if c.dep_ in ("dobj", "attr")), None)
        etype = "STATEMENT" if statement else plover.event_type(lemma, obj)
        agents = [_np(_antecedent(c)) for c in owner.children if c.dep_ in ("nsubj", "csubj")]
        patients = [_np(_antecedent(c)) for c in owner.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        said_by = claim.attribution
        speaker = next((c for c in owner.children if c.dep_ == "nsubj" and not is_pronoun(c)), None)
        if not statement and lemma in REPORTING and speaker is not None and any(
                c.dep_ == "ccomp" for c in owner.children):
            # "..., whereas B said Friday that ...": a second statement in the sentence is B's
            said_by = _np(speaker, appos=True)
            etype = "STATEMENT"
        sub = Claim(
            id=f"{claim.id}.{k + 1}", article_id=claim.article_id, sentence=claim.sentence, text=claim.text,
            span=claim.span, predicate=lemma, agents=[a for a in agents if a], patients=[p for p in patients if p],
            time=t, place=claim.place if owner.pos_ == "NOUN" else None, quantities=[],
            attribution=said_by, hedged=claim.hedged and not statement,
            negated=_negated(owner, [owner]), modality=_modality(owner, reported) if owner.pos_ != "NOUN" else None,
            event_type=etype, section=claim.section, entity_ids=list(claim.entity_ids),
            trigger=(owner.idx, owner.idx + len(owner)), parent=claim.id,
        )
        sub.checkworthiness = round(max(0.0, claim.checkworthiness - 0.1), 3)
        out.append(sub)
    return out


#: Words that may follow a sentence-final reporting verb besides its time ("said late Wednesday").
_TIME_TAIL = lexicon.words("reporting", "time_tail")
_SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _trailing_source(toks: Sequence[Token]) -> str | None:
    """The source of a sentence that ends "..., <source>, said Wednesday." or "..., <source>
    reported Saturday evening." when the parser did not make the source the verb's subject (a long
    clause before it, an appositive after the name). The source is the comma-delimited phrase just
    before the verb; an appositive description there ("the state police superintendent") gives way
    to the name before it."""
    words = [t for t in toks if not t.is_space]
    verb_at = next((k for k in range(len(words) - 1, 2, -1) if words[k].lemma_.lower() in REPORTING
                    and words[k].pos_ == "VERB"), None)
    if verb_at is None:
        return None
    verb = words[verb_at]
    if any(c.dep_ in ("dobj", "xcomp", "nsubj", "nsubjpass") for c in verb.children):
        return None  # an object is what is said; a subject is the source the frame already read
    tail = words[verb_at + 1:]
    if not all(t.is_punct or t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_TAIL for t in tail):
        return None
    commas = [k for k in range(verb_at) if words[k].text == ","]
    if not commas:
        return None
    last = commas[-1]
    if last == verb_at - 1 and len(commas) >= 2:  # ", X, the superintendent, said": skip the closing comma
        commas, last = commas[:-1], commas[-2]
    chunk = [t for t in words[last + 1:verb_at] if t.text != ","]
    if not chunk or len(chunk) > 12 or any(t.pos_ in ("VERB", "AUX") for t in chunk):
        return None
    described = chunk[0].lower_ in ("the", "a", "an") and not any(t.ent_type_ == "PERSON" for t in chunk)
    if described and len(commas) >= 2:
        before = list(words[commas[-2] + 1:last])
        if 0 < len(before) <= 6 and all(t.pos_ == "PROPN" or t.is_punct for t in before) and any(
                t.ent_type_ == "PERSON" for t in before):
            chunk = [*before, words[last], *chunk]
    if not any(t.ent_type_ in _SOURCE_LABELS or t.pos_ in ("NOUN", "PROPN") for t in chunk):
        return None
    return chunk[0].doc[chunk[0].i : chunk[-1].i + 1].text
