"""Attributed claims: one record per sentence that asserts an event or a state.

A claim is read off the dependency parse: the sentence's reporting frame gives its source and
hands the claim over to the reported clause (``storyline.extract.attribution``), whose
predicate, participants, time, place and figures the claim records; the other events the
sentence dates become claims of their own (``storyline.extract.told``; which word's event a
time dates is ``storyline.extract.event_time``). Hedges, negation and
modality are flags, because a reconciler must weigh "may have sent" differently from "sent"; a
hedge counts only when it scopes over the claim (not inside a conditional, relative or
adverbial clause), and a negated reporting verb ("never confirmed that") leaves its clause
unasserted. The word lists are data: ``data/lexicon/`` (hedges.json, events.json, places.json).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import (
    CONNECTIVES,
    DENIALS,
    ESTIMATE_NOUNS,
    ESTIMATE_VERBS,
    ORG_NOUNS,
    ORG_REACH,
    QUOTES,
    REFUSALS,
    REPORT_NOUNS,
    REPORTING,
    SPEECH_ACTS,
    ClaimInputs,
    SentenceContext,
    _according_source,
    _attribute_quotes_backwards,
    _content_predicate,
    _figure_report,
    _is_subject,
    _mention_name,
    _owner_source,
    _possessor,
    _puts_figure_at,
    _resolve_source,
    _secondary_reporter,
    _speaker_subject,
    counts_figure,
    naming_subject,
    withdrawn_teller,
)
from storyline.extract.colon_speakers import (
    clause_colon_speaker,
    colon_speaker,
    owned_utterance_speaker,
    wholly_quoted,
)
from storyline.extract.entities import PLACE_LABELS
from storyline.extract.entries import date_entries
from storyline.extract.event_time import time_for, time_owner, trigger_span
from storyline.extract.measures import CHANGE_VERBS
from storyline.extract.named_tellers import name_collective_tellers
from storyline.extract.quantities import attach_units, bare_tallies, find_quantities, voters_sides
from storyline.extract.syntax import (
    _conjuncts,
    _modality,
    _negated,
    _np,
    _verbal_ancestor,
    complement_type,
    finite_tense,
    object_lemma,
    reduced_relative,
)
from storyline.extract.tail_tellers import parenthetical_source, trailing_source, trailing_teller
from storyline.extract.told import second_sources, told_events
from storyline.model import Claim, Mention, Quantity

__all__ = [
    "CONNECTIVES", "DENIALS", "DISTANCING", "ESTIMATE_NOUNS", "ESTIMATE_VERBS", "HEDGE_WORDS", "MOTION_PREPS",
    "ORG_NOUNS", "ORG_REACH", "PLACE_PREPS", "PLAN_VERBS", "QUOTES", "REFUSALS", "REPORTING", "REPORT_NOUNS",
    "SPEECH_ACTS", "UNCERTAIN_NOUNS", "ClaimInputs", "SentenceContext", "build_claims", "time_owner",
]

# The word lists are data (data/lexicon/hedges.json, events.json, places.json), each with a line
# saying what it is for.
#: Reporting verbs that distance the writer from the content.
DISTANCING = lexicon.words("hedges", "distancing_verbs")
#: Verbs whose infinitive complement is the real event ("decided to send", "is preparing to triple").
PLAN_VERBS = lexicon.words("events", "plan_verbs")
#: "is due to rule", "are set to appear": adjectives whose infinitive is the event planned.
_SCHEDULING_ADJECTIVES = lexicon.words("events", "scheduling_adjectives")
#: Verbs of aspect whose complement is the real event, as real as they are ("began dredging").
ASPECT_VERBS = lexicon.words("events", "aspect_verbs")
HEDGE_WORDS = lexicon.words("hedges", "hedge_words")
PLACE_PREPS = lexicon.ordered("places", "place_preps")
MOTION_PREPS = lexicon.ordered("places", "motion_preps")
_OPINION = lexicon.words("hedges", "opinion_words")
_AREA_NOUNS_OF = lexicon.words("places", "area_nouns_of")
_AREA_NOUNS_COMPOUND = lexicon.words("places", "area_nouns_compound")
UNCERTAIN_NOUNS = lexicon.words("hedges", "uncertain_nouns")
_HEDGE_ADJECTIVES = lexicon.words("hedges", "hedge_adjectives")
#: Hedge words that are verbs: a hedge only with a complement ("appeared to be", "seems ready").
_HEDGE_VERBS = lexicon.words("hedges", "hedge_verbs")
#: "could not be traced": a negated modal of ability states a fact, not a guess
_INABILITY = lexicon.words("hedges", "inability_modals")
_OPEN_POSSIBILITY = lexicon.words("hedges", "open_possibility_verbs")  # "could not rule out": a hedge still
#: Passive verbs of belief with an infinitive: nobody vouches for the content ("is believed to").
_BELIEF_VERBS = lexicon.words("hedges", "belief_verbs")
#: "is widely expected to": a consensus guess; a bare "is expected to" is usually a schedule.
_BROADLY = lexicon.words("hedges", "consensus_adverbs")
_SCOPE_DEPS = frozenset({"advmod", "aux", "auxpass", "acomp", "npadvmod", "amod", "det", "attr", "prep", "neg"})


def _descend_plan(pred: Token) -> tuple[Token, str | None, Token]:
    """The real event under verbs of planning and aspect ("decided to send", "began dredging"),
    the claim's modality when a plan verb was passed, and the outermost verb, whose auxiliaries
    say whether a begun act happened ("began dredging") or is ahead ("will begin dredging")."""
    modality = None
    outer = pred
    for _ in range(3):
        lemma = pred.lemma_.lower()
        if lemma in PLAN_VERBS or lemma in ASPECT_VERBS:
            x = [c for c in pred.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if x:
                if lemma in PLAN_VERBS:
                    modality = "plan"
                pred = x[0]
                continue
        if lemma == "be":
            # "the accused are due to appear in court on Thursday": the appearance is the event
            x = [c for a in pred.children if a.dep_ == "acomp" and a.lower_ in _SCHEDULING_ADJECTIVES
                 for c in a.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if x:
                pred = x[0]  # its tense says it is ahead; the event is told as the outlets tell it done
                continue
        break
    return pred, modality, outer


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


def _is_assertion(toks: Sequence[Token], text: str, marks: Sequence[bool] | None = None,
                  verbal: bool | None = None) -> bool:
    """Questions, verbless headings and fragments assert nothing. ``marks`` (each token is
    punctuation or space) and ``verbal`` (a token is a verb or an auxiliary) are read off the
    tokens when the caller has not (``_Columns``)."""
    if text.rstrip(QUOTES + " ").endswith("?") and not _states_then_asks(text):
        return False
    if marks is None:
        marks = [t.is_punct or t.is_space for t in toks]
    words = [t for t, mark in zip(toks, marks, strict=True) if not mark]
    if len(words) < 4:
        return False
    if not (any(t.pos_ in ("VERB", "AUX") for t in toks) if verbal is None else verbal):
        return False
    ends = text.rstrip(QUOTES + " )")
    # a title-case heading without final punctuation is not a sentence
    return not (ends and ends[-1] not in ".!;:" and sum(w.text[:1].isupper() for w in words) > 0.6 * len(words))


#: Words that open a question ("Who ...", "May a mayor ...").
_QUESTION_OPENERS = lexicon.words("hedges", "question_openers")


def _states_then_asks(text: str) -> bool:
    """"The petition lodged last week asks the board one thing: may a mayor serve twice ...?": a
    statement that introduces a question after a colon asserts what it tells."""
    head, colon, _ = text.partition(":")
    words = head.split()
    return bool(colon) and len(words) >= 4 and "?" not in head and words[0].lower().strip(QUOTES) not in _QUESTION_OPENERS


def _name_set_off_before(reporter: Token, mentions: Sequence[Mention], body: str) -> str | None:
    """A person's name set off by commas right before the reporting verb ("The hut warden, Ulvar
    Maelstrand, denied that ..."): the speaker, whatever the parser made of the words before it
    (here "warden" a verb whose subject is "the hut"). ``body`` is the doc's text, read once by
    the caller (spaCy joins every token again on each ``doc.text``: 1,000 calls on the bench's
    pages were some 0.3 s)."""
    before = body[max(0, reporter.idx - 4):reporter.idx]
    if not re.search(r",\s*$", before):
        return None
    end = reporter.idx - len(before) + before.rfind(",")
    m = next((m for m in mentions if m.label == "PERSON" and m.end == end), None)
    if m is None or not re.search(r",\s*$", body[max(0, m.start - 3):m.start]):
        return None
    return m.text


def _done_to_a_person(pred: Token) -> bool:
    """What the predicate is done to is a person: its object, or a passive's subject, is a name
    of a person or a personal pronoun."""
    target = next((c for c in pred.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return target is not None and (target.ent_type_ == "PERSON" or target.lower_ in ("him", "her", "them", "he", "she"))


def _one_person_doer(pred: Token) -> bool:
    """The predicate's subject is one person: a singular name or "he", "she"."""
    subject = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return False
    return subject.lower_ in ("he", "she") or (subject.ent_type_ == "PERSON" and subject.tag_ == "NNP")


def _other_tense(one: Token, other: Token) -> bool:
    """Both verbs show a tense and not the same one."""
    a, b = finite_tense(one), finite_tense(other)
    return bool(a and b and a != b)


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


_VALUE_NOUNS = lexicon.words("figures", "value_nouns")


def _moving_value(pred: Token) -> bool:
    """The change verb's subject is a value ("shares", "the currency", "the Harnfold index") or the
    verb moves by a percentage ("fell 3.1 percent")."""
    for c in pred.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _VALUE_NOUNS:
            return True
        if c.dep_ in ("npadvmod", "dobj", "advmod") and any(x.lower_ in ("percent", "%", "pc") for x in c.subtree):
            return True
    return False


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
                if c.lower_ in _INABILITY and any(x.dep_ == "neg" for x in v.children) \
                        and v.lemma_.lower() not in _OPEN_POSSIBILITY:
                    continue  # "could not be traced": what did not happen, not a guess
                return True
    return False


def _uncertain_noun(tok: Token) -> bool:
    return tok.lower_.rstrip("s") in UNCERTAIN_NOUNS and not any(c.dep_ == "poss" for c in tok.children)


class _Columns:
    """What ``build_claims`` reads of every token, by token index, read off the parse's arrays in
    one pass (``Doc.to_array``) instead of a Token object and a string look-up per read: each
    token's lower-cased form, its lemma lower-cased, whether it is punctuation or space, whether
    it is a verb or an auxiliary."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        array = doc.to_array([LOWER, LEMMA, IS_PUNCT, IS_SPACE, POS]).reshape(len(doc), 5)
        lower, lemma = array[:, 0].tolist(), array[:, 1].tolist()
        lowered = {h: strings[h] for h in set(lower)}
        lemmas = {h: strings[h].lower() for h in set(lemma)}
        self.lowers = [lowered[h] for h in lower]
        self.lemmas = [lemmas[h] for h in lemma]
        self.marks: list[bool] = ((array[:, 2] != 0) | (array[:, 3] != 0)).tolist()
        self.verbal: list[bool] = ((array[:, 4] == VERB) | (array[:, 4] == AUX)).tolist()


def build_claims(inp: ClaimInputs) -> list[Claim]:
    """Claims of one article's body, in sentence order."""
    doc = inp.doc
    # once: spaCy joins the tokens again on every access (~7 times an article here); the caller
    # usually has it already (the article's body)
    body = doc.text if inp.text is None else inp.text
    claims: list[Claim] = []
    carried_in: set[int] = set()  # sentences whose attribution was carried from an earlier one
    tellers: set[int] = set()  # sentences that are nothing but a teller ("X, chair of Y, told reporters.")
    ctx = SentenceContext()
    columns = _Columns(doc)
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
        # each token's lower-cased form and lemma, read once for the article (``_Columns``)
        first, last = sent.start, sent.end
        lowers = columns.lowers[first:last]
        lemmas_of = columns.lemmas[first:last]
        asserted = _is_assertion(toks, text, columns.marks[first:last], any(columns.verbal[first:last]))
        root = sent.root
        if not starts_quoted and _bare_teller(root):
            tellers.add(idx)
        attribution: str | None = None
        refused = None
        if root.lemma_.lower() in REFUSALS:
            # "declined to confirm or deny that ...": the clause may hang on the coordinated verb
            refused = next((v for c in root.children if c.dep_ == "xcomp" for v in [c, *_conjuncts(c)]
                            if v.lemma_.lower() in REPORTING and any(x.dep_ == "ccomp" for x in v.children)), None)
        frame = refused or _figure_report(root) or root
        pred, reporter, inverted, reported = _content_predicate(frame)
        if reporter is None and ((root.lemma_.lower() in ESTIMATE_VERBS and _puts_figure_at(root)) or counts_figure(root)):
            reporter, reported = root, True  # "the agency put the dead at about 300", "police counted 61,000 marchers"
        quoted = wholly_quoted(text, ctx.open_quote)
        # "according to X"
        according: str | None = None
        for t in (toks[j] for j, w in enumerate(lowers) if w == "according"):
            if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
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
        if speaker is None and not quoted and according is None:
            # "smaller than Saturday's rally, which police put at about 6,000": the sentence's
            # figure is whoever puts it there, in a clause of its own
            placed = next((t for t in toks if t.dep_ in ("relcl", "acl", "advcl") and t.lemma_.lower() in ESTIMATE_VERBS
                           and _puts_figure_at(t)), None)
            placer = next((c for c in placed.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None) \
                if placed is not None else None
            if placer is not None:
                speaker = _resolve_source(placer, inp, ctx, mentions)
        if speaker is None and not quoted and according is None:
            speaker = _tagged_as_noun_teller(toks, root)
        if speaker is None and not quoted:
            source = _secondary_reporter(toks, root)
            if source is None:
                subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                owner = _possessor(subj) if subj is not None else None
                if owner is not None:  # "The agency's previous estimate ... was about 100 dead."
                    speaker = _owner_source(owner, inp, ctx, mentions)
            else:
                speaker = _resolve_source(source, inp, ctx, mentions)
        if not quoted and inverted is None:
            # a name set off by commas right before a reporting verb is its speaker
            at = reporter.i if reporter is not None else -1
            set_off = next((n for t in (toks[j] for j, w in enumerate(lemmas_of) if w in REPORTING) if (
                t.i == at or (t.dep_ == "conj" and any(c.dep_ == "ccomp" for c in t.children)))
                and (n := _name_set_off_before(t, mentions, body))), None)
            if set_off is not None and (speaker is None or speaker.split()[-1] not in set_off):
                speaker = set_off
        citing: str | None = None
        for t in (toks[j] for j, w in enumerate(lemmas_of) if w == "cite"):
            if t.tag_ == "VBG" and (reporter is None or t.i != reporter.i):
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
        # a clause before the colon names its speaker by its subject; a bare phrase is a label
        colon = (clause_colon_speaker(toks, inp, ctx, mentions)
                 or colon_speaker(text, sent_model.start, mentions, inp.names, body, toks)
                 or owned_utterance_speaker(text, ctx)) if not quoted else None
        if colon is None and not quoted and not asserted and text.rstrip().endswith(":") \
                and not any(q in text for q in QUOTES):
            # a label over the quote in the next paragraph ("Words from the director, A B:"): the
            # quote is A B's (carried to it as a quote that goes on after its attribution)
            colon = colon_speaker(text, sent_model.start, mentions, inp.names, body, toks, label=True)
        if colon is not None:
            attribution = colon  # 'A B, chief of X: "Our engineers estimate ..."': the quote is A B's, whatever it reports
        elif attribution is None and not quoted:
            attribution = trailing_source(toks) or parenthetical_source(toks)
            if attribution is None and pred.i == root.i and (namer := naming_subject(sent)) is not None:
                attribution = _resolve_source(namer, inp, ctx, mentions)  # "..., calling the files "fabricated""
        elif attribution is not None and not quoted and reporter is not None and not according \
                and (outer := trailing_teller(toks)) is not None and outer[1] > reporter.i \
                and outer[0].lower() not in attribution.lower():
            # "Investigators believe X, a person close to the inquiry told the Gazette": the teller
            # at the end tells the outlet what the first source holds; inside a quote ('"He thought
            # he had hidden the keys," a source told the Gazette') the thinker is the quote's, and
            # the teller its source
            attribution = outer[0] if _opens_quoted(toks, reporter) else f"{outer[0]}, citing {attribution}"
        carried = False
        if attribution is None and ctx.attribution and idx - ctx.attribution_sentence <= 2:
            # a quote that goes on after its attribution, in the same or the next paragraph
            continuing_quote = (starts_quoted and not ctx.open_quote and idx - ctx.attribution_sentence == 1
                                and sent_model.paragraph - ctx.paragraph <= 1) or ctx.open_quote
            if continuing_quote or CONNECTIVES.match(text):
                attribution = ctx.attribution
                carried = True
                carried_in.add(idx)
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
        pred, plan, outer_verb = _descend_plan(pred)
        chain = [pred, *[a for a in pred.ancestors if a.i >= sent.start and (reporter is None or a.i != reporter.i)]][:3]
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "csubj")]
        if not subjects and pred.dep_ == "xcomp":
            subjects = [c for c in pred.head.children if c.dep_ == "nsubj"]
        agents = [_resolve_source(s, inp, ctx, mentions) if s.lower_ in ("he", "she") else _np(s) for s in subjects]
        agents += [_np(p) for c in pred.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        patients = [_np(c) for c in pred.children if c.dep_ in ("dobj", "attr", "dative", "nsubjpass", "oprd")]
        if reduced_relative(pred):  # "the body recovered from the site belonged to X": done to the body
            patients, agents = [_np(s) for s in subjects], []
        # the thing done to: the object, else a passive's subject ("the case was archived")
        obj_lemma = object_lemma(pred) or next(
            (c.lemma_ for c in pred.children if c.dep_ == "nsubjpass"), None)
        for prep in (c for c in pred.children if c.dep_ == "prep"):
            for p in prep.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    patients.append(f"{prep.lower_} {_np(p)}")
        time = time_for(doc, sent, pred, sent_times, body)
        place = _place_for(sent, pred, mentions)
        quantities: list[Quantity] = attach_units(doc, find_quantities(text, sent_model.start))
        quantities += [t for t in bare_tallies(text, sent_model.start)
                       if not any(q.start < t.end and t.start < q.end for q in quantities)]
        if sides := voters_sides(text, sent_model.start):  # "312 senators voted in favour": votes, not senators
            quantities = [q for q in quantities if not any(q.start < t.end and t.start < q.end for t in sides)] + sides
        lemmas = set(lemmas_of) | set(lowers)
        hedged = (_hedged(pred, reporter, sent) or unattributed_report
                  or bool(reporter is not None and reporter.lemma_.lower() in DISTANCING))
        if reporter is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_.rstrip("s") in UNCERTAIN_NOUNS
                                        for c in reporter.children):
            hedged = True  # unnamed "reports" or "claims" as the only source
        modality = plan or _modality(pred, reported) or (_modality(outer_verb, reported) if outer_verb is not pred else None)
        negated = _negated(pred, chain)
        if reporter is not None and reporter.lemma_.lower() in DENIALS and pred.i != reporter.i:
            negated = not negated  # "X denied that troops crossed": the source asserts the opposite
        if reporter is not None and pred.i != reporter.i and (
                refused is not None or any(c.dep_ == "neg" for c in reporter.children)):
            negated = True  # "X never confirmed / refused to confirm that ...": nobody asserts it
        if (reporter is not None and pred.i != reporter.i and withdrawn_teller(reporter)) or withdrawn_teller(pred):
            negated = True  # "an earlier version of this article said X" / "gave the fine as X": withdrawn by a correction
        # the complement first: "found him guilty" is a verdict, whatever "find" is alone
        etype = complement_type(pred) or plover.event_type(pred.lemma_, obj_lemma)
        if etype is None:
            # "spotted a truck underwater and found the body inside": the coordinated verb of the
            # same subject names what happened
            # ... not one in another tense, another predication ("underwent surgery and is said
            # to be recovering")
            etype = next((kind for cv in sorted(_conjuncts(pred), key=lambda v: v.i)
                          if not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in cv.children)
                          and not _other_tense(cv, pred)
                          and (kind := plover.event_type(cv.lemma_, next((x.lemma_ for x in cv.children if x.dep_ == "dobj"), None)))),
                         None)
        if pred.lemma_.lower() in CHANGE_VERBS and _moving_value(pred):
            etype = "ECONOMIC"  # "shares fell 3.1 percent": a value's move, not a fall
        if pred.lemma_.lower() in plover.PERSON_OBJECT_TYPES and _done_to_a_person(pred):
            etype = plover.PERSON_OBJECT_TYPES[pred.lemma_.lower()]  # "Vardeckel was recaptured": arrested
        if etype in plover.ONE_PERSON_TYPES and _one_person_doer(pred):
            etype = plover.ONE_PERSON_TYPES[etype]  # "she walked out": not a protest, her leaving
        if pred.lemma_.lower() in plover.OCCUR_VERBS or (pred.lemma_.lower() == "take" and obj_lemma == "place"):
            # "the visit took place", "the attack happened": the subject noun is the event
            subj_noun = next((c.lemma_ for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            etype = plover.event_type(subj_noun) if subj_noun else None
        elif pred.lemma_.lower() in plover.ASPECT_VERBS and obj_lemma is None:
            # "the stoppage started at 6 a.m.": an event noun beginning or ending is that event
            subj_noun = next((c.lemma_ for c in pred.children if c.dep_ == "nsubj"), None)
            etype = (plover.noun_type(subj_noun) if subj_noun else None) or etype
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
            claim.trigger = trigger_span(pred)
            claims.append(claim)
            claims.extend(told_events(claim, sent, pred, reporter, inp, reported, sent_times))
            claims.extend(second_sources(claim, sent, pred, reporter))
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
    _attribute_quotes_backwards(claims, inp.sentences, carried_in, tellers)
    name_collective_tellers(claims, inp.sentences, inp.mentions)
    return date_entries(claims, inp.sentences, inp.times, inp.doc)


#: What a closing teller's words are made of ("the anti-corruption prosecutor's office").
_TELLER_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART"})


def _tagged_as_noun_teller(toks: Sequence[Token], root: Token) -> str | None:
    """A closing teller whose verb the tagger read as a plural noun: "The rulings cost the state at
    least €41 million, the prosecutor's office estimates, a figure that ..." ("estimates" tagged a
    noun, the object of "cost"): the noun phrase set off by commas before a reporting or estimating
    word in the third person, after the main verb, is the sentence's teller."""
    for k, t in enumerate(toks):
        if t.pos_ != "NOUN" or not t.lower_.endswith("s") or t.i <= root.i or k + 1 >= len(toks) \
                or toks[k + 1].text not in (",", ".") or t.lemma_.lower() not in REPORTING | ESTIMATE_VERBS:
            continue
        start = next((j for j in range(k - 1, -1, -1) if toks[j].text == ","), None)
        if start is None or toks[start].i <= root.i:
            continue
        words = toks[start + 1:k]
        if words and all(w.pos_ in _TELLER_POS or w.text in ("-", "'s", "’s") for w in words) \
                and any(w.pos_ in ("NOUN", "PROPN") for w in words):
            return " ".join(w.text for w in words).replace(" 's", "'s").replace(" - ", "-")
    return None


def _opens_quoted(toks: Sequence[Token], reporter: Token) -> bool:
    """Whether the reporting verb stands inside a quotation the sentence opens with."""
    first = next((t for t in toks if not t.is_space), None)
    if first is None or first.text[:1] not in QUOTES:
        return False
    closing = next((t for t in toks if t.i > first.i and t.text[:1] in QUOTES), None)
    return closing is not None and first.i < reporter.i < closing.i


def _bare_teller(root: Token) -> bool:
    """A sentence that tells who spoke and nothing said ("X, chair of Y, told reporters."): a
    reporting verb with a subject and no clause or complement of what was said."""
    return root.lemma_.lower() in REPORTING and root.pos_ == "VERB" \
        and any(c.dep_ == "nsubj" for c in root.children) \
        and not any(c.dep_ in ("ccomp", "xcomp", "csubj", "nsubjpass", "parataxis") for c in root.children)
