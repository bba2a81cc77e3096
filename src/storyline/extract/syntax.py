"""What the dependency parse says about a word, shared by claims, attribution and told events.

Noun phrases cut to their core, the verb a word hangs on, coordinated verbs, what a relative
pronoun stands for, and the grammatical flags of a verb (negation, modality): small readings of
the tree that every part of claim building needs, kept apart so those parts need not import
one another.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline import lexicon
from storyline.extract import plover


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


def descriptive_participle(tok: Token) -> bool:
    """A noun's present participle of no event type ("the bridge spanning the river"): it
    describes the noun and tells no event."""
    return tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBG" and plover.event_type(tok.lemma_) is None


def closed_clause(verb: Token, child: Token) -> bool:
    """A subordinate clause ("after the dam collapsed") ends at its comma: a phrase the parser
    hangs on its verb after that comma ("..., on Thursday in the trees") modifies the clause
    above it, not the subordinate one."""
    return (verb.dep_ == "advcl" and child.i > verb.i and any(c.dep_ == "mark" for c in verb.children)
            and any(c.dep_ == "punct" and c.text == "," and verb.i < c.i < child.i for c in verb.children))


def habit_around(tok: Token, verb: Token) -> bool:
    """A bare time phrase the parser hung on a plain noun ("raided the offices of the firm that
    looks after the pipes yesterday": "yesterday" on "pipes") that lands, climbing, in a relative
    clause in the simple present: that clause tells what holds, not an act of a day, so the time
    is the verb's above it. A time hung on the clause's verb itself ("the shop that opens Monday")
    stays the clause's."""
    return tok.dep_ == "npadvmod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != verb.i \
        and not plover.is_event_noun(tok.head.lemma_) and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _verbal_ancestor(tok: Token) -> Token | None:
    """The verb above a word; a noun's descriptive present participle ("the bridge spanning the
    river") is passed over, it tells no event, and so is a subordinate clause the word follows
    past its comma (``closed_clause``)."""
    child = tok
    for a in tok.ancestors:
        if descriptive_participle(a) or closed_clause(a, child):
            child = a
            continue
        if (a.pos_ in ("VERB", "AUX") or a.dep_ == "ROOT") and not habit_around(tok, a):
            return a
        child = a
    return None


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


def finite_tense(verb: Token) -> str:
    """The tense its finite word shows: its first auxiliary's ("is said", "has opened") else its
    own as a finite verb ("underwent"); "" when none shows one (a bare participle or infinitive)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if aux:
        return "".join(aux[0].morph.get("Tense", []))
    return "".join(verb.morph.get("Tense", [])) if verb.tag_ in ("VBD", "VBZ", "VBP") else ""


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on ("the bridge, which fell": the
    bridge); any other word stands for itself."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    return tok


_SCHEDULE_VERBS = lexicon.words("hedges", "schedule_verbs")
_PREDICTION_VERBS = lexicon.words("hedges", "prediction_verbs")
_FORESEEN_RETURNS = lexicon.words("hedges", "foreseen_returns")
#: Modals that with a perfect ("should have called", "could have saved") tell what did not happen.
_COUNTERFACTUAL = frozenset({"should", "could", "would", "might", "ought"})


_PROPOSAL_NOUNS = lexicon.words("hedges", "proposal_nouns")


def _proposal_subject(pred: Token) -> bool:
    """The verb's subject is a proposal ("the plan", "the bill") and no condition opens the
    sentence: "would" tells what the proposal holds, not a what-if."""
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in _PROPOSAL_NOUNS and not any(
        t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in pred.sent)


def _modality(pred: Token, reported: bool) -> str | None:
    auxes = [c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")]
    if "have" in auxes and any(a in _COUNTERFACTUAL for a in auxes):
        return "conditional"  # "the warden should have called the police": he did not
    if any(a in ("will", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if any(a == "would" for a in auxes):
        if not reported and _proposal_subject(pred):
            return "plan"  # "the administrator's plan would axe 221 jobs": what the plan holds
        return "future" if reported else "conditional"
    if any(a in ("may", "might", "could") for a in auxes):
        return "possible"
    if any(a in ("must", "should") for a in auxes):
        return "obligation"
    if pred.lemma_.lower() in _SCHEDULE_VERBS and any(c.dep_ == "auxpass" for c in pred.children) and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in pred.children):
        return "plan"  # "her funeral is set for Saturday", "the vote is scheduled for May"
    if pred.lemma_.lower() in _PREDICTION_VERBS and any(c.dep_ == "auxpass" for c in pred.children) and any(
            c.dep_ == "xcomp" for c in pred.children):
        return "future"  # "temperatures were forecast to fall": foreseen, not done
    if pred.lemma_.lower() in _PREDICTION_VERBS and any(c.dep_ == "auxpass" for c in pred.children) and any(
            c.dep_ in ("advmod", "prt") and c.lower_ in _FORESEEN_RETURNS for c in pred.children):
        return "future"  # "the minister was expected back on Thursday": his return was foreseen
    if "going" in [c.lower_ for c in pred.children] or (
        pred.head.lower_ == "going" and pred.dep_ == "xcomp"
    ):
        return "future"
    return None


def _negated(pred: Token, chain: Sequence[Token]) -> bool:
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children) and not _not_until(t):
            return True
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in s.children) or s.lower_ in (
        "nobody", "nothing", "none") for s in subj)


def _not_until(verb: Token) -> bool:
    """"did not reopen until 16:40": the negation holds only before the time; the act happened
    then."""
    return any(c.dep_ == "prep" and c.lower_ in ("until", "till") and any(
        g.ent_type_ in ("DATE", "TIME") or g.like_num or g.pos_ == "NUM" for g in c.subtree)  # "until 11:05"
        for c in verb.children)


def reduced_relative(pred: Token) -> bool:
    """A past participle the parser took for the main verb: "The fourth body recovered from the
    site belonged to X" (a subject cannot take two finite verbs with no conjunction; the second,
    hung as an unmarked adverbial clause with no subject, is the real one). Its subject is then
    what the participle's act was done to."""
    if pred.tag_ != "VBD" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass") for c in pred.children):
        return False
    if not any(c.dep_ == "nsubj" for c in pred.children):
        return False
    coordinated = any(c.dep_ == "cc" for c in pred.children)

    def second_verb(c: Token) -> bool:
        if c.dep_ == "advcl":
            return True
        # a conjunct with no conjunction and no comma before it: the parser's other reading
        return c.dep_ == "conj" and not coordinated and not any(t.is_punct for t in pred.doc[pred.i + 1:c.i])

    return any(second_verb(c) and c.i > pred.i and c.tag_ in ("VBD", "VBZ")
               and not any(x.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for x in c.children)
               and not any(x.tag_ in ("WRB", "WDT", "WP") for x in c.children)
               for c in pred.children)


def object_lemma(verb: Token, deps: tuple[str, ...] = ("dobj", "attr")) -> str | None:
    """The lemma of a verb's object, or of the event noun that modifies it ("handed in his
    resignation letter": resignation), since a light verb takes its type from it."""
    obj = next((c for c in verb.children if c.dep_ in deps), None)
    if obj is None:
        return None
    if not plover.is_event_noun(obj.lemma_):
        named = next((c.lemma_ for c in obj.children if c.dep_ == "compound" and plover.is_event_noun(c.lemma_)), None)
        if named is not None:
            return named
    return obj.lemma_


def complement_type(verb: Token) -> str | None:
    """The type a verb takes from its prepositional object, its particle or its predicative
    adjective ("went up in flames", "knocked the network offline", "found him guilty"), as
    ``verb_object`` in the taxonomy lists them."""
    by_word = plover.VERB_OBJECT.get(verb.lemma_.lower(), {})
    if not by_word:
        return None
    words = [x for c in verb.children
             for x in ([c] if c.dep_ in ("prt", "advmod", "oprd", "acomp")
                       or (c.dep_ in ("ccomp", "xcomp", "advcl") and c.pos_ == "ADJ")  # "found him guilty", "dragged out alive"
                       else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])]
    return next((by_word[w] for x in words for w in (x.lower_, x.lemma_.lower()) if w in by_word), None)

