"""Who says it: the source of a sentence's claim, read off the dependency parse.

The main clause is checked first for a reporting frame ("X said that ...", "... , stated X",
"according to X, ...", "X estimates that ..."): its subject becomes the attribution and its
complement clause the content. Pronoun and definite-description sources ("He said", "the
official added", "the station said") are resolved to the person or organisation the previous
sentences were about, and attribution carries over to a sentence that continues a quote or
opens with a connective ("Moreover", "He added"). Sources outside the main frame count too: a
relative clause on the source ("X, who said that ..."), a reporting verb coordinated with the
main verb ("X arrived ... and told reporters that ..."), "X put the dead at N", the owner of an
estimate ("its previous count" -> the agency just quoted) and a trailing "..., X said Monday."
A sentence wholly inside a quote is the quoted speaker's, whoever it mentions; a speaker named
before a colon ('X: "..."') is read in ``storyline.extract.colon_speakers``. The words these
rules read are data: ``data/lexicon/reporting.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract.entities import TITLE_WORDS, is_pronoun
from storyline.extract.syntax import _conjuncts, _has_subject, _np
from storyline.model import Claim, Mention, Sentence, TimeExpr

# The word lists are data (data/lexicon/reporting.json), each with a line saying what it is for.
#: Verbs that introduce what someone says, thinks or reports.
REPORTING = lexicon.words("reporting", "reporting_verbs")
#: Reporting verbs whose object is still what was said ("explained the decision", "confirmed the attack").
SPEECH_ACTS = lexicon.words("reporting", "speech_acts")
#: Reporting verbs whose source asserts the negation of their clause.
DENIALS = lexicon.words("reporting", "denials")
#: Modifiers of a "version" that tells what the outlet withdrew ("an earlier version of this article said").
WITHDRAWN_VERSIONS = lexicon.words("reporting", "withdrawn_versions")


def withdrawn_teller(reporter: Token) -> bool:
    """The reporting verb's subject is an earlier version of the page: a correction note, whose
    reported content the outlet no longer asserts. The version may stand in apposition to the
    subject ("Correction (28/02): An earlier version of this article said ...")."""
    subjects = [c for c in reporter.children if c.dep_ == "nsubj"]
    return any(v.lemma_.lower() in ("version", "edition") and any(m.lower_ in WITHDRAWN_VERSIONS for m in v.children)
               for c in subjects for v in (c, *(a for a in c.children if a.dep_ == "appos")))


#: Verbs whose participle clause quotes what the main clause's subject called something.
NAMING_VERBS = lexicon.words("reporting", "naming_verbs")


def naming_subject(sent: Span) -> Token | None:
    """The subject of a sentence whose participle clause quotes what that subject called
    something ("X rejected the report, calling the files "partly fabricated""): a free participle
    is its main clause subject's, wherever the parser hangs it."""
    for tok in sent:
        if tok.tag_ == "VBG" and tok.lemma_.lower() in NAMING_VERBS and tok.dep_ in ("advcl", "xcomp", "conj") \
                and any(w.text in QUOTES or w.text in ("``", "''") for w in tok.subtree):
            return next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    return None


#: Verbs that negate the reporting verb they govern ("refused to confirm that ...").
REFUSALS = lexicon.words("reporting", "refusals")
#: Verbs that state an estimate as "X put the dead at 300".
ESTIMATE_VERBS = lexicon.words("reporting", "estimate_verbs")
#: Verbs of counting whose subject is the source of the figure counted ("police counted 61,000").
COUNTING_VERBS = lexicon.words("reporting", "counting_verbs")
#: Nouns for a figure someone gave; their possessor is its source ("the agency's previous count").
ESTIMATE_NOUNS = lexicon.words("reporting", "estimate_nouns")
#: Nouns by which a text refers back to a news organisation it has just named ("KXYZ reported ...
#: The station said"): as a source, "the station" is that organisation. Only media nouns: "the
#: company" or "the agency" after a sentence naming another organisation is too often not it.
ORG_NOUNS = lexicon.words("reporting", "media_nouns")
#: How many sentences back "the station" may look for the organisation it means.
ORG_REACH = 2
CONNECTIVES = re.compile(rf"^\W*({lexicon.alternation('reporting', 'connectives')})\b", re.IGNORECASE)
QUOTES = "\"“”«»„"
_NON_SOURCES = lexicon.words("reporting", "non_sources")
#: Nouns after "according to" that are a norm, not a source (data/lexicon/reporting.json).
_ACCORDANCE = lexicon.words("reporting", "accordance_nouns")
#: Nouns that stand for an unnamed source ("reports", "claims", "evidence").
REPORT_NOUNS = lexicon.words("reporting", "report_nouns")
_DESCRIBED_SOURCES = lexicon.words("reporting", "described_sources")
_SPEAKER_NOUNS = lexicon.words("reporting", "speaker_nouns")
_ACCORDING_FIGURE_NOUNS = lexicon.words("reporting", "according_figure_nouns")
_QUOTING_VERBS = lexicon.words("reporting", "quoting_verbs")
_ADDRESSEE_VERBS = lexicon.words("reporting", "addressee_verbs")
_AUDIENCE_PREPOSITIONS = lexicon.words("reporting", "audience_prepositions")
#: Participles that make their agent the author of a figure ("estimates published by A").
_AUTHORING = lexicon.words("reporting", "authoring_participles")
#: Words that may follow a sentence-final reporting verb besides its time ("said late Wednesday").
_TIME_TAIL = lexicon.words("reporting", "time_tail")
_SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Heads of an unnamed teller ("a person close to the inquiry"): data/lexicon/sources.json.
_UNNAMED_SOURCES = lexicon.words("sources", "unnamed_source_nouns")
_OPENING = "“\"«„"
_CLOSING = "”\"»"
#: Single quote marks open a quote at the start of a sentence; inside a word they are apostrophes,
#: so they close one only after punctuation ("... staying,' said X").
_SINGLE = "'‘"
_SINGLE_CLOSE = re.compile(r"[,.!?;:]['’](?:\s|$)")


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
    text: str | None = None
    """``doc.text`` when the caller has it (the article body), so that it is not rebuilt."""


def _mention_name(m: Mention, names: dict[str, str]) -> str:
    return names.get(m.entity_id or "", m.text) if m.label == "PERSON" else m.text


def _report_noun(tok: Token) -> bool:
    word = tok.lower_
    return word in REPORT_NOUNS or (word.endswith("s") and word[:-1] in REPORT_NOUNS)


def _has_source(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _NON_SOURCES for c in verb.children)


def _trailing_teller(root: Token) -> Token | None:
    """A reporting verb set off by a comma after its clause, with a subject of its own and nothing
    it reports but what came before ("The operation cost about 18 million crowns, including ...,
    the interior ministry estimated in a written answer"), which the parser hung on a noun of the
    clause as a modifier: it tells the clause."""
    doc = root.doc
    for tok in root.subtree:
        if tok.i <= root.i or tok.dep_ not in ("acl", "relcl") or tok.lemma_.lower() not in REPORTING:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ in ("WDT", "WP", "PRP") or subject.lower_ in _NON_SOURCES:
            continue
        start = min(t.i for t in subject.subtree)
        if start == 0 or doc[start - 1].text != "," or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.i > tok.i and t.head.i != tok.i and t.dep_ != "amod"
               for t in doc[tok.i + 1 : root.sent.end]):
            continue  # more clauses after it: not the sentence's closing teller
        return tok
    return None


def _content_predicate(root: Token) -> tuple[Token, Token | None, Token | None, bool]:
    """(predicate, reporting verb, inverted source token, reported?) for a sentence root.

    A reporting verb with a clausal complement hands the claim over to the complement; a quote
    placed before the verb with the source after it ("..., stated the agency") is inverted; a
    reporting verb the parser hung under the quote ('X explained, "..."') still names the source;
    an expletive frame ("It is worth recalling that ...") hands over to its clause.
    """
    quoted = _quote_then_teller(root)
    if quoted is not None:
        return quoted[0], quoted[1], quoted[2], True
    if root.pos_ in ("NOUN", "PROPN"):
        # "The agency estimated that ..." parsed as a noun phrase with the verb as its modifier
        for c in root.children:
            # ... not a participle set off by a comma after a clause the parser read as a noun
            # phrase ("X cut production by 30% on Monday, saying ..."; a past verb, a day or a
            # share in it): that phrase is no speaker
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REPORTING and any(
                    x.dep_ == "ccomp" for x in c.children) and not (
                    c.tag_ == "VBG" and root.doc[c.i - 1].text == "," and any(
                        t.tag_ == "VBD" or t.ent_type_ in ("DATE", "TIME", "PERCENT") for t in root.subtree if t.i < c.i)):
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
        teller = _trailing_teller(root)
        if teller is not None:
            return root, teller, None, True
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
    if root.lemma_.lower() in REPORTING and (told_before := _comment_on_what_was_told(root)) is not None:
        return _content_predicate(told_before)
    if root.lemma_.lower() in REPORTING:
        told = not any(c.dep_ == "ccomp" for c in root.children)  # a speech act, not a clause reported
        for c in root.children:
            if told and c.dep_ == "parataxis" and c.i > root.i and c.lemma_.lower() in REPORTING and _has_source(c) \
                    and not any(x.dep_ in ("ccomp", "dobj") for x in c.children):
                # "A former instructor warned the academy in writing, a source close to the inquiry
                # said, and ...": the warning is what the source tells, not what the instructor says
                return root, c, None, True
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
                # ("..., stated the agency"); the object of "told the Courier" is whom it was told to
                objects = ("nsubj", "attr") if root.lemma_.lower() in _ADDRESSEE_VERBS else ("nsubj", "dobj", "attr")
                after = [c for c in root.children if c.i > root.i and c.dep_ in objects]
                if after and not [s for s in subj if s.i < root.i]:
                    inverted = after[0]
            return comp, root, inverted, True
        direct_object = any(c.dep_ == "dobj" for c in root.children)
        passive_unsaid = any(c.dep_ == "nsubjpass" for c in subj) and not any(c.dep_ == "agent" for c in root.children) \
            and root.lemma_.lower() not in _QUOTING_VERBS  # "X was quoted as saying ...": X speaks
        if subj and _has_source(root) and (not direct_object or root.lemma_.lower() in SPEECH_ACTS) \
                and not passive_unsaid:  # "were admitted to hospital": nobody told anything
            return root, root, None, True
    return root, None, None, False


def _comment_on_what_was_told(root: Token) -> Token | None:
    """The clause a closing comment on its figure or claim follows ("X told LPA that 3,000 tractors
    were on the road, a figure police did not confirm"), which the parser may hang under the
    comment's verb as its complement: the comment's subject phrase, set off by a comma, opens
    with a noun naming what was told; the clause before it tells the claim, with its own teller."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if subject is None or comp is None:
        return None
    start = min(t.i for t in subject.subtree)
    if start == 0 or root.doc[start - 1].text != "," or not any(
            t.i != subject.i and t.lemma_.lower() in _TOLD_THING_NOUNS for t in subject.subtree):
        return None
    return comp


#: Nouns naming what was told ("a figure", "a claim", "an estimate"): data/lexicon/reporting.json.
_TOLD_THING_NOUNS = ESTIMATE_NOUNS | REPORT_NOUNS | _ACCORDING_FIGURE_NOUNS


def _quote_then_teller(root: Token) -> tuple[Token, Token, Token] | None:
    """(the quote's own verb, the reporting verb, the speaker) of a sentence that opens with a
    quotation closed right before "said A B" ('"...," said A B, campaigns director of X'), however
    the parser hangs the words after the verb (it may read "campaigns" as a verb with the name
    its subject, and make that the root)."""
    sent = root.sent
    if sent[0].text[:1] not in _OPENING:
        return None
    close = next((t for t in sent if t.i > sent[0].i and t.text[:1] in _CLOSING), None)
    if close is None or close.i + 1 >= sent.end:
        return None
    verb = sent.doc[close.i + 1]
    if verb.lemma_.lower() not in REPORTING or verb.pos_ != "VERB":
        return None
    # the quote's own verb: one whose head lies outside the quote (or is itself)
    heads = [t for t in sent if sent[0].i < t.i < close.i and t.pos_ in ("VERB", "AUX")
             and (t.head.i == t.i or not sent[0].i < t.head.i < close.i)]
    # the speaker: a subject among the few words after the verb, of the verb or of a word there
    name = sent.doc[verb.i + 1: min(sent.end, verb.i + 5)]
    speaker = next((t for t in name if t.dep_ == "nsubj" and (t.head.i == verb.i or t.head in name)), None)
    if not heads or speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
        return None
    return heads[0], verb, speaker


def _resolve_source(tok: Token, inp: ClaimInputs, ctx: SentenceContext,
                    sent_mentions: Sequence[Mention]) -> str | None:
    """The source a subject names; pronouns and bare descriptions go back to recent people."""
    close = _close_to_speaker(tok)
    if close is not None:
        return close.text
    if is_pronoun(tok) and tok.lower_ in ("he", "she", "him", "her"):
        # a pronoun never stands for a person its own clause names otherwise ("She overtook
        # Ardelle": she is not Ardelle)
        verb = tok.head
        others = {w.lower_ for w in verb.subtree if w.i != tok.i and w.pos_ == "PROPN"}
        for name in (ctx.last_subject_person, ctx.last_person):
            if name and name.split()[-1].lower() not in others:
                return name
        return tok.text
    if is_pronoun(tok) and tok.lower_ in ("they", "it") and ctx.attribution:
        return ctx.attribution
    owner = _possessor(tok)
    if owner is not None:
        return _owner_source(owner, inp, ctx, sent_mentions)
    np_text = _np(tok, appos=True)
    sub = list(tok.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    # names inside the subject's modifiers ("men led by X", "the convoy X commands") are not its
    # speaker; an indefinite speaker description there is ("men led by X, a source close to the
    # leadership, said": the parser took the men for the subject)
    modifiers = [c for c in tok.children if c.dep_ in ("acl", "relcl", "agent")]
    for mod in modifiers:
        for t in mod.subtree:
            det = [c.lower_ for c in t.children if c.dep_ == "det"]
            if t.dep_ == "appos" and t.lemma_.lower() in _SPEAKER_NOUNS and det and det[0] in ("a", "an"):
                return _np(t)
    # ... nor is whom a named speaker works for ("Chief Officer A B of the Fire Service"), nor
    # whom an unnamed one is close to ("a source close to the Dalquist campaign")
    if tok.pos_ == "PROPN":
        modifiers += [c for c in tok.children if c.dep_ == "prep"]
    modifiers += [c for c in tok.children if c.dep_ == "amod" and any(g.dep_ == "prep" for g in c.children)]
    spans = [(min(x.idx for x in m.subtree), max(x.idx + len(x) for x in m.subtree)) for m in modifiers]
    # a person named in the subject phrase, the name itself included ("Minister A B": the head is B)
    inside = [m for m in sent_mentions if m.label == "PERSON" and lo <= m.start and m.end <= hi
              and m.start < tok.idx + 1 + len(np_text) + 40
              and not any(a <= m.start < b for a, b in spans)]
    # the name the head word is part of first; a possessor before it ("A's spokesman B") is not the source
    inside = [m for m in inside if m.start <= tok.idx < m.end] or [m for m in inside if m.start >= tok.idx]
    # whom the speaker speaks for ("a spokesperson for Mr Dalquist, Holbeck Garrowby") is not the speaker
    # when the phrase names the speaker too: the name set off after it (the parser hangs that
    # appositive on the nearer name)
    if tok.lemma_.lower() in _SPEAKER_NOUNS | TITLE_WORDS:
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                named = [m for m in inside for a in obj.children if a.dep_ == "appos" and m.start <= a.idx < m.end]
                if named:
                    inside = named
                elif tok.pos_ != "PROPN":
                    # ... and without such a name, whose role it is ("the head of Gessling's health
                    # service", "the mother of A B") names the body or person it is held for
                    lo_p, hi_p = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
                    inside = [m for m in inside if not lo_p <= m.start < hi_p]
    if inside:
        return _mention_name(inside[0], inp.names)
    propn = any(t.pos_ == "PROPN" for t in tok.subtree)
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if not propn and det and det[0] in ("the", "this", "that") and tok.lemma_.lower() in TITLE_WORDS | _DESCRIBED_SOURCES:
        head = tok.lemma_.lower()
        for person, titles in reversed(list(ctx.people_titles.items())):
            if any(head in t.lower() for t in titles):
                return person
        last = ctx.last_subject_person
        if head in TITLE_WORDS and last and not ctx.people_titles.get(last) and re.search(
                rf"\b{re.escape(head)}\b", (inp.text or inp.doc.text)[:tok.sent.start_char], re.IGNORECASE):
            # wire style: "the country's fisheries minister on Monday ordered ..." then "A B told
            # parliament ...": the role was written before without a name, the untitled person who
            # has acted since is who "the minister" is
            return last
        if ctx.attribution and head in ctx.attribution.lower():
            return ctx.attribution
    if (not propn and det and det[0] in ("the", "this") and tok.lemma_.lower() in ORG_NOUNS and ctx.last_org
            and ctx.sentence - ctx.last_org_sentence <= ORG_REACH):
        return ctx.last_org
    return np_text


def _close_to_speaker(tok: Token) -> Span | None:
    """"a source close to Prime Minister A B said": the parser takes the name for the verb's
    subject and leaves "to" without its object; the speaker is the unnamed source the phrase
    begins with, not the person it is close to."""
    at = tok.left_edge.i
    if at == 0:
        return None
    prep = tok.doc[at - 1]
    if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children):
        return None
    noun = prep.head if prep.head.pos_ == "NOUN" else prep.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SPEAKER_NOUNS | _UNNAMED_SOURCES:
        return None
    return tok.doc[noun.left_edge.i : tok.i + 1]


def _according_source(obj: Token, according: Token, sent: Span, inp: ClaimInputs, ctx: SentenceContext,
                      sent_mentions: Sequence[Mention]) -> str | None:
    """The source of "according to X": the agent of a published figure ("estimates published by
    A and B" -> A and B), and, when the phrase opens the sentence, only up to its comma."""
    if obj.lemma_.lower() in _ACCORDANCE:
        return None  # "according to their number plates": in accordance with, nobody's word
    if obj.lemma_.lower() in ESTIMATE_NOUNS | _ACCORDING_FIGURE_NOUNS:
        agents = [p for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        # "according to a statement posted on the ministry's website": whose page carries it states it
        owners = [o for c in obj.children if c.dep_ == "acl" for pr in c.children if pr.dep_ == "prep"
                  for p in pr.children if p.dep_ == "pobj" for o in p.children if o.dep_ == "poss" and o.pos_ != "PRON"]
        if agents:
            obj = agents[0]
        elif owners and not any(c.dep_ == "poss" for c in obj.children):
            resolved = _resolve_source(owners[0], inp, ctx, sent_mentions)
            return re.sub(r"\s*['\u2019]s?$", "", resolved) if resolved else None
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
    # "The Farnholt Airline Operators' Association estimate": the parser makes the plural possessive
    # "Operators'" the owner; the named organisation it opens is the source
    named = next((m for m in sent_mentions if m.start <= owner.idx < m.end and m.end > owner.idx + len(owner.text) + 2
                  and m.label in ("ORG", "GPE", "NORP", "FAC")), None)
    if named is not None:
        return named.text
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
        # ... unless a quote closes between it and the verb: '"... Nothing at all," said a
        # worker' - the quote's last words are no speaker, the subject after the verb is
        after = [c for c in subj if c.i > verb.i]
        if after and subj[0].i < verb.i and any(t.text in QUOTES for t in verb.doc[subj[0].i:verb.i]):
            subj = after + [c for c in subj if c.i < verb.i]
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
    return _fronted_apposition(reporter), False


def _trailing_apposition(verb: Token) -> Token | None:
    """A reporting verb the parser left without a subject after a speaker it hung as an
    apposition on the clause before ("... published in the Official Gazette, his lawyer, Y Z,
    told the Courier"): the outermost apposition whose phrase ends at the comma before the verb."""
    doc = verb.doc
    if verb.dep_ not in ("conj", "ROOT") or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    end = verb.i - 2
    found = [t for t in doc[max(0, end - 12) : end + 1]
             if t.dep_ == "appos" and t.head.i < t.i and t.right_edge.i == end and t.pos_ in ("NOUN", "PROPN")]
    if not found:
        return None
    speaker = min(found, key=lambda t: t.left_edge.i)
    head = speaker.head
    if head.pos_ in ("NOUN", "PROPN") and head.left_edge.i > 0 and doc[head.left_edge.i - 1].text == ",":
        return head  # "..., Col. X, the state police superintendent, said": the name the role is apposed to
    return speaker


def _tail_phrase(verb: Token) -> Token | None:
    """A reporting verb the parser left without a subject after a speaker it made a conjunct of
    the clause before ("... would fail a strict inspection, analyst X Y of Z Partners wrote in a
    note"): the one noun of the words between the last comma and the verb whose head lies outside
    them, when those words are a phrase of their own."""
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, max(verb.sent.start, verb.i - 14), -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    span = range(comma + 1, verb.i)
    outside = [doc[i] for i in span if doc[i].head.i not in span]
    if len(outside) != 1 or outside[0].pos_ not in ("PROPN", "NOUN") or outside[0].dep_ not in ("conj", "appos", "npadvmod"):
        return None
    return outside[0]


def _fronted_apposition(verb: Token) -> Token | None:
    """A finite verb the parser left without a subject, whose speaker it hung as an apposition on
    a fronted phrase ("Outside the council chamber, Dr X, president of Y, told reporters that
    ..."): the first proper name apposed to a fronted preposition's object."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            name = next((a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i < verb.i), None)
            if name is not None:
                return name
    return None


def _secondary_reporter(toks: Sequence[Token], root: Token) -> Token | None:
    """The source token of a reporting verb outside the main frame.

    "X, who said on Saturday that ..." (a relative clause on the source), "X arrived ... and
    told reporters that ..." (a reporting verb coordinated with the main one, sharing its subject)
    and "X offered another version, saying that ..." (a participle on an act of telling).
    """
    for t in toks:
        lemma = t.lemma_.lower()
        edge = t.left_edge
        if lemma in REPORTING and (t.head.i == root.i or t.head in _conjuncts(root)) and t.i > root.i \
                and t.dep_ in ("ccomp", "parataxis", "conj") \
                and (edge.text in QUOTES or (edge.i > 0 and edge.doc[edge.i - 1].text in QUOTES)):
            # '... for her mother," a rescue source told the Bugle.': the parser made the closing
            # attribution a complement (or a conjunct) of the quote's verb; its subject speaks the quote
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if subj is not None:
                return subj
        if lemma in REPORTING and t.dep_ in ("conj", "parataxis") and t.head.i == root.i and t.i > root.i \
                and not any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children) \
                and all(x.is_punct or x.is_space for x in t.doc[t.right_edge.i + 1: t.sent.end]):
            # "Documents were seized at both sites, and no arrests have been made, prosecutors
            # said.": a tail "X said" (or "X told the Courier by telephone") the parser
            # coordinated with the first clause speaks it all
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if subj is not None and subj.left_edge.i > 0 and t.doc[subj.left_edge.i - 1].text == ",":
                return subj
            if subj is None and (speaker := _trailing_apposition(t) or _tail_phrase(t)) is not None:
                return speaker  # "..., his lawyer, Y Z, told the Courier": hung on the clause before
        if lemma not in REPORTING or not any(c.dep_ == "ccomp" for c in t.children):
            continue
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.i == root.i and any(
                o.dep_ == "dobj" and (_report_noun(o) or o.lemma_.lower() in ESTIMATE_NOUNS) for o in root.children):
            # "X offered another version, saying that ...": who offered the version says it
            subj, passive = _speaker_subject(root)
            if subj is not None and not passive:
                return subj
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


def counts_figure(verb: Token) -> bool:
    """"police counted 61,000 marchers", "the organisers tallied 90,000": a verb of counting
    (lexicon reporting.counting_verbs) whose object is a figure; its subject is the figure's source,
    unless a pronoun owns it ("its teams counted"), which is the source already being quoted."""
    if verb.lemma_.lower() not in COUNTING_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return False  # "its assessment teams counted 187": the source the text was already quoting
    return any(c.dep_ == "dobj" and any(x.like_num and not _a_time(x) for x in c.subtree) for c in verb.children)


def _puts_figure_at(verb: Token) -> bool:
    """"X put/pegged the dead at 300", "put the number closer to 6,000": an object and a phrase
    placing it at a number ("at", "near", "around", "closer to", "nearer")."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # ... the phrase may hang on a conjunct the parser made of the object's own words ("put the
    # cost, including fees and lost business over the next year, at 62 million")
    # ... or on the object's own words ("put the total cost of restoring the road at about 9 million")
    heads = [verb, *(c for c in _conjuncts(verb) if not _has_subject(c)),
             *(x for o in verb.children if o.dep_ == "dobj" for x in o.subtree if x.pos_ in ("VERB", "NOUN"))]
    return any(((c.dep_ == "prep" and c.lower_ in ("at", "near", "around"))
                or (c.dep_ == "advmod" and c.lower_ in ("closer", "nearer", "near", "around", "higher", "lower")))
               and any(x.like_num and not _a_time(x) for x in c.subtree) for h in heads for c in h.children) or any(
        # "put the likely re-entry between 11 and 14 March": a span of values, days included
        c.dep_ == "prep" and c.lower_ == "between" and any(x.like_num for x in c.subtree)
        for h in heads for c in h.children)


def _a_time(tok: Token) -> bool:
    """The number is part of a date or a clock time ("at 10:30", "at 3 p.m.", "on 31 May"); a bare
    number the tagger took for a day ("put the stoppages at 27") is not."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is None or any(":" in t.text or any(ch.isalpha() for ch in t.text) for t in ent)


def _attribute_quotes_backwards(claims: list[Claim], sentences: Sequence[Sentence],
                                carried: set[int] | frozenset[int] = frozenset(),
                                tellers: set[int] | frozenset[int] = frozenset()) -> None:
    """'"A. B," she said.': A is hers too. A quote opened without attribution takes the one of
    the sentence (same paragraph) in which it closes, and so do the sentences inside it; so does a quote whose attribution was only
    carried from an earlier speaker (``carried``: sentence indexes): '"A. B," a police source
    said' after a paragraph quoting someone else is the source's. A quote that closes at the end
    of a sentence ending in "?" or "!" is told by the sentence after it when that one is nothing
    but its teller ('"... A? " X, chair of Y, told reporters.': ``tellers``, sentence indexes)."""
    by_index = {c.sentence: c for c in claims if c.parent is None}
    told: dict[str, list[Claim]] = {}
    for c in claims:
        if c.parent is not None:
            told.setdefault(c.parent, []).append(c)
    for claim in claims:
        opening = claim.text[:1]
        if (claim.attribution and claim.sentence not in carried) or opening not in _OPENING + _SINGLE:
            continue
        if _closes(claim.text[1:], opening):
            continue  # the quote closes in this very sentence
        para = sentences[claim.sentence].paragraph
        for j in range(claim.sentence + 1, min(len(sentences), claim.sentence + 6)):
            if sentences[j].paragraph != para:
                break
            if _closes(sentences[j].text, opening):
                later, end = by_index.get(j), j
                if (later is None or not later.attribution) and j + 1 in tellers \
                        and sentences[j].text.rstrip()[-1:] in _CLOSING and sentences[j + 1].paragraph == para:
                    later, end = by_index.get(j + 1), j + 1  # the teller closes the quote's sentence
                if later is not None and later.attribution and later.sentence not in carried:
                    # the sentence that opens the quote and those inside it, before the one closing it
                    inside = [claim]
                    for k in range(claim.sentence + 1, end):
                        mid = by_index.get(k)
                        if mid is not None and (mid.attribution is None or k in carried):
                            inside.append(mid)
                    for quoted in inside:
                        was, quoted.attribution = quoted.attribution, later.attribution
                        for inner in told.get(quoted.id, []):  # the events told inside it are the speaker's too
                            if inner.attribution is None or inner.attribution == was:
                                inner.attribution = later.attribution
                break


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
