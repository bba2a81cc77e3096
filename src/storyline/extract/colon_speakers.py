"""Who speaks before a colon: a live page's 'X: "..."', a heading that is no speaker, a clause that
names its speaker before a colon, "Her words: ..." (the owner of an utterance noun), and whether a
sentence is wholly inside a quotation. Split from ``storyline.extract.attribution``, whose
source resolution these readings use; the words they read are data
(``data/lexicon/reporting.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from storyline import lexicon
from storyline.extract.attribution import (
    _CLOSING,
    _DESCRIBED_SOURCES,
    _OPENING,
    _SINGLE,
    _SPEAKER_NOUNS,
    QUOTES,
    REPORT_NOUNS,
    ClaimInputs,
    SentenceContext,
    _mention_name,
    _resolve_source,
)
from storyline.extract.entities import TITLE_WORDS
from storyline.model import Mention

#: Speech verbs right after a surname that make it a speaker's ("Quellmar says", "Quellmar told").
_SPEAKS = "says|said|told|tells|added|adds|answered|answers|explained|explains|testified|testifies"
#: Capitalised words that may stand before a surname without being a first name.
_NOT_FIRST_NAMES = frozenset({"The", "When", "But", "And", "As", "If", "Then", "While", "After", "Before", "Since"})


def colon_speaker(text: str, start: int, mentions: Sequence[Mention], names: dict[str, str],
                  body: str | None = None, toks: Sequence[Token] = (), *, label: bool = False) -> str | None:
    """The speaker of a quote introduced by a name and a colon, as live blogs and transcripts
    write it ('Ada Pellicott, the port's director: "We have closed two berths."'): the person named
    before the colon, else the organisation, else a described speaker ("A police spokesman"), else
    a name the article (``body``) writes elsewhere too or the tagger reads as one person's
    (``toks``, the sentence's tokens: every word a singular proper noun). With ``label`` the text
    is a line that ends at its colon, over a quote in the next paragraph ("Words from the
    director, A B:")."""
    m = (_COLON_LABEL if label else _COLON_QUOTE).match(text)
    if m is None or len(m.group(1).split()) > _COLON_SPEAKER_WORDS:
        return None
    end = start + m.end(1)
    inside = [x for x in mentions if start <= x.start and x.end <= end]
    described = m.group(1).split(",", 1)
    if len(described) == 2 and _CAPITALISED_NAME.fullmatch(described[0].strip()) and not any(
            x.label == "PERSON" and x.start < start + m.start(1) + len(described[0]) for x in inside):
        return described[0].strip()  # 'Mirelle Ostergrave, chief executive of X:' a name the tagger missed, then its role
    person = next((x for x in inside if x.label == "PERSON"), None)
    phrase = m.group(1).strip()
    if person is not None and person.text != phrase and person.text in phrase and _CAPITALISED_NAME.fullmatch(phrase):
        return phrase  # 'Ivo Quandt: "..."' where the tagger saw only "Ivo": the whole name speaks
    if person is not None:
        return _mention_name(person, names)
    role_first = m.group(1).rsplit(",", 1)
    if len(role_first) == 2 and _CAPITALISED_NAME.fullmatch(role_first[1].strip()) \
            and any(w.islower() for w in role_first[0].split()) and not any(
            x.label == "ORG" and x.start >= start + m.start(1) + len(role_first[0]) for x in inside):
        return role_first[1].strip()  # 'Words from the director of X, Ada Quesk:' the role, then the name
    org = next((x for x in inside if x.label == "ORG"), None)
    if org is not None:
        return org.text
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1))}
    if words & (_SPEAKER_NOUNS | _DESCRIBED_SOURCES):
        return m.group(1).strip()
    # a name the tagger missed here, which the article names elsewhere too ("Interim chief Ada
    # Pellicott has been speaking to analysts." ... 'Ada Pellicott: "My job is ..."'): a heading ('Key
    # points: "..."') is written once
    if _CAPITALISED_NAME.fullmatch(phrase) and (
            phrase in names.values() or (body is not None and body.count(phrase) > 1) or _proper_name(phrase, start + m.start(1), toks)):
        return phrase
    # ... or before a comma and how they spoke ('Preskov, close to tears: "..."')
    alone = described[0].strip() if len(described) == 2 and described[1].strip()[:1].islower() else phrase
    if re.fullmatch(r"[A-Z][\w'’\-]+", alone):
        # a surname alone, as a live page writes a speaker it has named in full ("Interior
        # Minister Ada Preskov has given ..." / 'Preskov: "The zone stays closed ..."'): the one
        # person the article names so
        bearers = {n for n in names.values() if n.split()[-1] == alone and len(n.split()) > 1}
        if len(bearers) == 1:
            return bearers.pop()
        if body is not None and re.search(rf"\b{re.escape(alone)}\s+(?:{_SPEAKS})\b", body):
            # ... or one the article has speak by that word ("Quellmar says she found ...") when the
            # tagger took the name for a place or a firm: in full where it writes it so
            full = {f.group(0) for f in re.finditer(rf"\b[A-Z][a-z]+\s+{re.escape(alone)}\b", body)
                    if f.group(0).split()[0] not in _NOT_FIRST_NAMES and f.group(0).split()[0].lower() not in TITLE_WORDS}
            return full.pop() if len(full) == 1 else alone
        if len(alone) > 2 and alone[1:].islower() and alone.lower() not in _COLON_HEADINGS and not any(
                x.label in ("GPE", "LOC", "DATE", "TIME") and x.start < start + len(alone) for x in inside):
            # ... or one it names only so: a live entry's 'Zelquist: "We stay."' is a speaker's line
            # whatever the tagger made of the surname; a heading word ('Letters: "..."') is not
            return alone
    # a title and a name the tagger did not see ("Mayor Nimmo Quarnhoff: ...")
    titled = _TITLED_NAME.match(phrase)
    return titled.group(0) if titled and titled.group(1).lower() in TITLE_WORDS else None


def clause_colon_speaker(toks: Sequence[Token], inp: ClaimInputs, ctx: SentenceContext,
                         sent_mentions: Sequence[Mention]) -> str | None:
    """'Ada Pellicott was blunt: "..."', 'She put it plainly: "..."', 'The firm's head of sales, A B,
    spoke to the radio after the vote: "..."': a clause, a colon, then a quote. The quote is the
    clause's subject's, whatever its verb, when that subject is someone who can speak (a person, a
    pronoun for one, a speaker or a title, an organisation); "The result was clear: ..." has none."""
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or colon + 1 >= len(toks) or toks[colon + 1].text[:1] not in _OPENING + _SINGLE:
        return None
    before = toks[:colon]
    if any(t.text[:1] in QUOTES for t in before):
        return None
    if _CAPITALISED_NAME.fullmatch(before[0].doc[before[0].i: before[-1].i + 1].text if before else ""):
        return None  # 'Ivo Quandt: "..."' is a name before a quote (``colon_speaker``), whatever verb the tagger saw in it
    inside = {t.i for t in before}
    verb = next((t for t in before if t.pos_ in ("VERB", "AUX") and (t.head.i not in inside or t.head.i == t.i)), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is None:
        return None
    lo = subject.left_edge.idx
    hi = subject.right_edge.idx + len(subject.right_edge)
    named = any(m.label in ("PERSON", "ORG") and lo <= m.start < hi for m in sent_mentions)
    if not named and subject.text[:1].isupper() and lo == subject.idx:
        # a surname alone the tagger did not read as a name ("Brommvar was blunt:"), of a person the
        # article has named in full
        full = next((n for n in inp.names.values() if len(n.split()) > 1 and n.split()[-1] == subject.text), None)
        if full is not None:
            return full
    speaker_like = subject.lemma_.lower() in _SPEAKER_NOUNS | _DESCRIBED_SOURCES | TITLE_WORDS
    if not (named or speaker_like or subject.lower_ in ("he", "she")):
        return None
    named_subject = any(m.label == "PERSON" and m.start <= subject.idx < m.end for m in sent_mentions)
    for appos in (c for c in subject.children if c.dep_ == "appos" and not named_subject):
        # "A's lawyer, B C, was blunt": the name set off after the role speaks, not the role's owner
        # (a named subject speaks itself: "B C, A's chief executive, told the committee:")
        a_lo, a_hi = appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge)
        person = next((m for m in sent_mentions if m.label == "PERSON" and a_lo <= m.start < a_hi), None)
        if person is not None:
            return _mention_name(person, inp.names)
    return _resolve_source(subject, inp, ctx, sent_mentions)


#: Nouns of what a person says ("her answer"), owned by a pronoun before a colon and a quote.
_UTTERANCES = lexicon.words("reporting", "utterance_nouns")
#: Lone words that head a line before a colon and a quote without being its speaker ("Letters",
#: "Verdict", "Report").
_COLON_HEADINGS = lexicon.words("reporting", "colon_headings") | _UTTERANCES | REPORT_NOUNS
_OWNED_UTTERANCE = re.compile(r"^(?P<owner>Her|His|Their)\s+(?:\w+\s+){0,2}?(?P<noun>[a-z]+)\b[^:\"“”\n]{0,160}:\s*[\"“„«]")


def owned_utterance_speaker(text: str, ctx: SentenceContext) -> str | None:
    """'Her answer was blunt: "..."': the quote is the person the pronoun stands for, the one
    the text was just about (a person for "her"/"his", the last source for "their")."""
    m = _OWNED_UTTERANCE.match(text)
    if m is None or m.group("noun") not in _UTTERANCES:
        return None
    if m.group("owner") == "Their":
        return ctx.attribution
    return ctx.last_subject_person or ctx.last_person


def _proper_name(phrase: str, at: int, toks: Sequence[Token]) -> bool:
    """Every word of the phrase at ``at`` tagged a singular proper noun ("Ada Pellicott", not the
    heading "Key Points", whose plural the tagger marks)."""
    words = [t for t in toks if at <= t.idx < at + len(phrase)]
    return len(words) == len(phrase.split()) and all(t.tag_ == "NNP" for t in words)


#: A short phrase, a colon and an opening quote mark at the start of a sentence.
_COLON_QUOTE = re.compile(r"^(?:[-–•*]\s+)?(?:\d{1,2}[:.]\d{2}\s+)?([^:\"“”\n]{2,120}?)\s*:\s*[\"“„«]")  # a live entry's bullet and stamp first
_COLON_LABEL = re.compile(r"^(?:[-–•*]\s+)?(?:\d{1,2}[:.]\d{2}\s+)?([^:\"“”\n]{2,120}?)\s*:\s*$")
#: A title word and one to three capitalised words, nothing else.
_TITLED_NAME = re.compile(r"^([A-Z][a-z]+\.?)(?:\s+[A-Z][\w'’\-]+){1,3}$")
#: Two or three capitalised words: a name.
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2}")
#: The longest phrase read as a speaker before a colon ("Lt. Col. Ann Pollvane, defence ministry").
_COLON_SPEAKER_WORDS = 12


def wholly_quoted(text: str, open_quote: bool) -> bool:
    """Is the sentence all inside a quotation (no attribution written outside the quote marks)?"""
    if text[:1] in _OPENING:
        rest = text[1:]
    elif open_quote:
        rest = text
    else:
        return False
    close = min((i for i in (rest.find(q) for q in _CLOSING) if i >= 0), default=-1)
    return close < 0 or not rest[close + 1:].strip(" .,;:!?" + QUOTES)
