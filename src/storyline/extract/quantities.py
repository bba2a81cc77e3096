"""The quantity grammar: numbers in digits or words, with the bounds their wording implies.

A figure in the news is rarely exact: "more than 10,000" is a lower bound, "up to 12,000" an
upper bound, "around 2,000" an interval, "thousands of" a vague lower bound, and "another 5,000"
an increment rather than a total. Reconciling figures across outlets needs those bounds, so the
grammar turns each expression into ``low``/``high`` (``None`` = open) plus ``approximate`` and
``increment`` flags. The counted noun (``unit``) needs the parse and is attached in
:func:`attach_units`; everything else here is plain text processing so it can be property-tested.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline import lexicon
from storyline.extract import gazetteer, plover
from storyline.extract.measures import (
    CURRENCIES,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    MEASUREMENT_UNITS,
    PERCENT,
    measured_of,
    money_of,
    percent_of,
)
from storyline.extract.syntax import complement_type, object_lemma
from storyline.lowered import FOLDS_TO_ASCII, LOWER_ASCII, LoweredScan
from storyline.model import Quantity

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_ABBREV_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

#: Largest figure kept as a number: beyond it a float loses the digits (and past ~1e308 overflows),
#: and no count in the news is that large, so such a figure is kept as text and flagged instead.
MAX_FIGURE = 1e18

#: ±share of the value an "about N" interval covers.
APPROX_SHARE = 0.1

_W = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_S = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ATOM = rf"(?:{_DIGITS})(?:\s*(?:{_S}|k|m|mn|bn)\b)?|(?:{_W}|{_S}|dozen)\b"
_NUM = (
    rf"(?:(?:an?\s+)(?=(?:{_S}|dozen)\b))?(?:{_ATOM})"
    rf"(?:(?:[\s-]+|\s+and\s+(?=(?:{_W})\b))(?:(?:{_W}|{_S}|dozen)\b))*"
)
#: Verbs that put a figure below the true value ("the toll topped 4,700"): a lower bound, as "more than".
_PASSED = lexicon.alternation("figures", "passed_verbs")
_LOWER = lexicon.alternation("figures", "lower_bounds") + "|" + _PASSED
_UPPER = lexicon.alternation("figures", "upper_bounds")
#: Just below the figure: an upper bound with an approximate interval under it ("approaching 2,000").
_NEARLY = lexicon.alternation("figures", "nearly")
_ABOUT = lexicon.alternation("figures", "approximations")
_INCR = lexicon.alternation("figures", "increments")
_VAGUE = lexicon.alternation("figures", "vague_scales")
_FEW = lexicon.alternation("figures", "few")

QUANTITY_RE = re.compile(
    rf"""
    (?<![\w.,/-])
    (?:(?P<incr>{_INCR})\s+)?
    (?:(?P<pre>{_LOWER}|{_UPPER}|{_NEARLY}|{_ABOUT})\s+)?
    (?:(?P<incr2>{_INCR})\s+)?
    (?P<cur>[$€£])?
    (?:
        (?P<vtens>tens|hundreds)\s+of\s+(?P<vscale2>thousands|millions)(?=\s+of\b|\s*[,.;]|\s*$)
      | (?P<vscale>{_VAGUE})(?=\s+of\b|\s+(?:more|additional|extra)\b)
      | (?P<few>{_FEW})\s+(?P<fscale>hundred|thousand|million|billion|dozen)\b
      | between\s+(?P<n1>{_NUM})\s+and\s+(?P<cur2>[$€£])?(?P<n2>{_NUM})
      | (?:from\s+)?(?P<n3>{_NUM})(?:\s+(?:to|or)\s+|(?<=\d)\s*[-–]\s*)(?P<cur3>[$€£])?(?P<n4>{_NUM})
      | (?P<n>{_NUM})
    )
    (?P<pct>\s*(?:%|percent\b|per\s+cent\b))?
    (?P<orso>\s+or\s+so\b)?
    (?:\s+(?P<post>more|additional|extra)\b)?
    (?![\w%]|[.,]\d|-(?!strong\b)[A-Za-z])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_BEFORE_DATE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(rf"^\s*(?:(?:st|nd|rd|th)\b|(?:of\s+)?(?:{_MONTHS})\b)", re.IGNORECASE)
_AFTER_AGE = re.compile(r"^\s*-?\s*(?:years?|months?)[\s-]*old\b|^-year-old", re.IGNORECASE)
_AFTER_CLOCK = re.compile(r"^\s*(?::\d|a\.?m\b|p\.?m\b|GMT|UTC|hrs\b)", re.IGNORECASE)
_BEFORE_NONCOUNT = re.compile(r"(?:\bpage|\bno\.|\bnumber|\barticle|\bresolution|\broom|#)\s*$", re.IGNORECASE)
_BEFORE_YEARISH = re.compile(r"\b(?:in|since|of|by|until|till|from|before|after|during|early|late|mid)\s*$",
                             re.IGNORECASE)
_TIME_UNITS = lexicon.words("figures", "time_units")


def parse_number(text: str) -> float | None:
    """Value of a number written in digits, words or both ("10,000", "twenty-five thousand", "2.5m").

    Returns None for text that is not a number, and ``math.inf`` for one above ``MAX_FIGURE``
    (a 400-digit figure, "one hundred" written 160 times). Words are summed scale by scale, the
    way English composes them: "two hundred and five thousand" = (2*100+5)*1000.
    """
    words = re.findall(r"[a-z]+|\d[\d,]*(?:\.\d+)?", text.lower().replace("-", " "))
    if not words:
        return None
    total = 0.0
    current: float | None = None
    seen = False
    for i, w in enumerate(words):
        if w[0].isdigit():
            if current is not None and current != 0 and not (i > 0 and words[i - 1] == "and"):
                return None  # two bare figures in a row is not one number
            try:
                current = (current or 0) + float(w.replace(",", ""))
            except ValueError:
                return None
            seen = True
        elif w in UNITS or w in TENS:
            current = (current or 0) + UNITS.get(w, TENS.get(w, 0))
            seen = True
        elif w == "hundred":
            current = (current if current else 1) * 100
            seen = True
        elif w in SCALES or w in _ABBREV_SCALES:
            scale = SCALES.get(w) or _ABBREV_SCALES[w]
            total += (current if current else 1) * scale
            current = None
            seen = True
        elif w == "dozen":
            current = (current if current else 1) * 12
            seen = True
        elif w in ("a", "an", "and"):
            continue
        else:
            return None
        if total > MAX_FIGURE or (current or 0) > MAX_FIGURE:
            return math.inf  # checked per word: Python ints never overflow, the float sum would
    if not seen:
        return None
    value = total + (current or 0)
    return value if value <= MAX_FIGURE else math.inf


def _plain(value: float) -> float:
    return float(round(value, 6))


def _bounds(pre: str | None, value: float) -> tuple[float | None, float | None, bool]:
    """(low, high, approximate) for a single figure under its modifier."""
    p = re.sub(r"\s+", " ", (pre or "").lower())
    if not p:
        return value, value, False
    if re.fullmatch(_LOWER, p, re.IGNORECASE):
        return value, None, False
    if re.fullmatch(_NEARLY, p, re.IGNORECASE):
        return _plain(value * (1 - APPROX_SHARE)), value, True
    if re.fullmatch(_UPPER, p, re.IGNORECASE):
        return None, value, False
    return _plain(value * (1 - APPROX_SHARE)), _plain(value * (1 + APPROX_SHARE)), True


def _excluded(text: str, m: re.Match[str]) -> bool:
    """Dates, years, ages, clock times and reference numbers are not counts."""
    before = text[max(0, m.start() - 16):m.start()]
    after = text[m.end():m.end() + 14]
    if m.group("n") and not (m.group("pre") or m.group("cur") or m.group("pct")):
        raw = m.group("n")
        if re.fullmatch(r"\d{4}", raw) and 1000 <= int(raw) <= 2199:
            return True  # a bare four-digit number in that range is a year
        if re.fullmatch(r"\d{1,2}", raw) and (_BEFORE_DATE.search(before) or _AFTER_DATE.match(after)):
            return True
        if re.fullmatch(r"\d{2}|'\d{2}", raw) and _BEFORE_YEARISH.search(before) and after[:1] == "s":
            return True
    first = m.group("n1") or m.group("n3") or ""
    if re.fullmatch(r"\d{4}", first) and 1000 <= int(first) <= 2199:
        return True
    if _AFTER_AGE.match(after) or _AFTER_CLOCK.match(after) or _BEFORE_NONCOUNT.search(before):
        return True
    return bool(re.fullmatch(r"\d+", m.group("n") or "") and _BEFORE_DATE.search(before))


_QUANTITIES = LoweredScan(QUANTITY_RE)
"""``QUANTITY_RE`` read cased over the lowered text (its letters are lower case but the named
groups' ``P`` and a class's ``A-Z``, which read the lowered text alike): the same spans, the scan
in half the time (0.34 -> 0.17 s of CPU on the bench's pages)."""


def _quantity_matches(text: str) -> Iterator[re.Match[str]]:
    """``QUANTITY_RE.finditer(text)``: the lowered scan finds where each match starts, and the
    pattern matched there again on ``text`` gives that very match with its groups in the text's
    case (a few per sentence, against a scan of every position)."""
    for found in _QUANTITIES.finditer(text):
        if found.string is text:  # scanned the ignore-case way (``LoweredScan``): the match itself
            yield found
            continue
        m = QUANTITY_RE.match(text, found.start())
        assert m is not None and m.end() == found.end()
        yield m


_VAGUE_WORDS = _VAGUE.split("|")
#: What every match of ``QUANTITY_RE`` without a digit holds: a number word, a scale, "dozen" or a
#: vague scale ("hundreds"); None if the lexicon's vague scales were more than plain words.
_NUMBER_WORDS: tuple[str, ...] | None = (
    (*UNITS, *TENS, *SCALES, "dozen", *_VAGUE_WORDS) if all(re.fullmatch(r"[a-z]+", w) for w in _VAGUE_WORDS) else None
)
_DIGIT = re.compile(r"\d")


def _may_hold_quantity(text: str) -> bool:
    """False when ``QUANTITY_RE`` cannot match in ``text``: no digit and none of ``_NUMBER_WORDS``
    in its lowered letters (a text with a letter beyond ASCII that ignoring case takes for an
    ASCII one is always scanned). Most sentences of news hold no figure (4 in 7 of the bench's)."""
    if _NUMBER_WORDS is None or any(c in text for c in FOLDS_TO_ASCII) or _DIGIT.search(text):
        return True
    lowered = text.translate(LOWER_ASCII)
    return any(w in lowered for w in _NUMBER_WORDS)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity expression in ``text`` with its bounds (no unit yet); offsets are + ``offset``."""
    found: list[Quantity] = []
    if not _may_hold_quantity(text):
        return found
    for m in _quantity_matches(text):
        if _excluded(text, m):
            continue
        q = _from_match(m)
        if q is None:
            continue
        start, end = m.start(), m.end()
        found.append(replace(q, text=text[start:end], start=start + offset, end=end + offset))
    return found


def _from_match(m: re.Match[str]) -> Quantity | None:
    low: float | None  # a bound: None is open
    high: float | None
    increment = bool(m.group("incr") or m.group("incr2") or m.group("post"))
    pre = m.group("pre")
    if m.group("orso") and not pre:
        pre = "about"  # "3,000 or so": a round figure, hedged after it
    unit = PERCENT if m.group("pct") else None
    cur = m.group("cur") or m.group("cur2") or m.group("cur3")
    if cur:
        unit = CURRENCIES[cur]
    if m.group("vscale2"):
        base = SCALES[m.group("vscale2").lower()[:-1]]
        low = (20 if m.group("vtens").lower() == "tens" else 200) * base
        return Quantity("", 0, 0, float(low), None, unit, True, increment)
    if m.group("vscale"):
        word = m.group("vscale").lower()
        base = {"dozens": 12, "scores": 20}.get(word) or SCALES[word[:-1]]
        if pre and re.fullmatch(_UPPER, pre, re.IGNORECASE):
            return Quantity("", 0, 0, None, None, unit, True, increment)
        return Quantity("", 0, 0, float(2 * base), None, unit, True, increment)
    if m.group("few"):
        base = 12 if m.group("fscale").lower() == "dozen" else SCALES[m.group("fscale").lower()]
        few = re.sub(r"\s+", " ", m.group("few").lower())
        low = 3 if few == "several" else 2
        return Quantity("", 0, 0, float(low * base), float(9 * base), unit, True, increment)
    if m.group("n1") or m.group("n3"):
        first, second = (m.group("n1"), m.group("n2")) if m.group("n1") else (m.group("n3"), m.group("n4"))
        a, b = parse_number(first), parse_number(second)
        if a is None or b is None:
            return None
        if math.isinf(a) or math.isinf(b):
            return _out_of_range(unit, increment)
        scale_b = re.search(rf"({_S}|k|m|bn)\s*$", second, re.IGNORECASE)
        if scale_b and a < b and not re.search(rf"({_S})", first, re.IGNORECASE) and a * 1000 <= b:
            a = parse_number(f"{first} {scale_b.group(1)}") or a  # "two to three thousand"
            if math.isinf(a):
                return _out_of_range(unit, increment)
        if a > b:
            return None  # "a 3-0 vote", "won 29,118 to 29,057": a tally (or a fall), never a range
        low, high = a, b
        approx = bool(pre)
        if pre and re.fullmatch(_LOWER, pre, re.IGNORECASE):
            high = None
        elif pre and re.fullmatch(_UPPER, pre, re.IGNORECASE):
            low = None
        return Quantity("", 0, 0, low, high, unit, approx, increment)
    value = parse_number(m.group("n"))
    if value is None:
        return None
    if math.isinf(value):
        return _out_of_range(unit, increment)
    low, high, approx = _bounds(pre, value)
    return Quantity("", 0, 0, low, high, unit, approx, increment)


def _out_of_range(unit: str | None, increment: bool) -> Quantity:
    """A figure too large to hold: no bounds (nothing to reconcile), its text kept, and flagged."""
    return Quantity("", 0, 0, None, None, unit, False, increment, out_of_range=True)


#: Participles and adjectives of state that name what a bare figure counts ("about 100 dead").
STATE_WORDS = lexicon.words("figures", "state_words")
_PUT_VERBS = lexicon.words("reporting", "estimate_verbs")
_PRONOUN_UNITS = frozenset({"they", "them", "these", "those", "we", "us", "which", "whom"})


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a figure counts: its syntactic head if that is a noun, else the next noun phrase head.

    A state word right after the figure with no noun after it ("about 100 dead", "some 2,700
    wounded") is what is counted, whatever its part of speech.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    if last.lower_ in ("of",):
        last = span[-2] if len(span) > 1 else last
    # "thousands of workers": the figure is a noun whose "of" object is what is counted.
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if last.dep_ == "pobj" and last.head.lower_ == "at" and last.head.head.lemma_.lower() in _PUT_VERBS:
        # "put the dead at about 300": the figure counts the verb's object
        obj = next((c for c in last.head.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in STATE_WORDS and not nxt.is_sent_start:
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return nxt
    i = last.i + 1
    noun: Token | None = None
    while i < len(doc) and i <= last.i + 6:
        tok = doc[i]
        if tok.is_sent_start:
            break
        if tok.pos_ in ("NOUN",) or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS"):
            noun = tok
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and not nxt.is_sent_start:
                i += 1
                continue
            return noun
        if tok.pos_ in ("ADJ", "PROPN", "NUM", "ADV", "CCONJ", "DET", "PART") or tok.text in ("-", "of"):
            if tok.lower_ in ("than", "per"):
                break
            i += 1
            continue
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and i == last.i + 1:
            after = doc[i + 1] if i + 1 < len(doc) else None
            if after is None or after.is_sent_start or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return tok  # "9,000 kellen in cash": a word the tagger did not know, read as a participle
            i += 1  # "2,000 armed men"
            continue
        break
    if last.dep_ == "nummod" and last.head.i > last.i and (last.head.pos_ == "NOUN" or last.head.i == last.i + 1):
        return last.head  # the word the figure modifies, whatever the tagger made of it
    return noun


def _antecedent(doc: Doc, pronoun: Token) -> Token | None:
    """What "of them" counts: the nearest counted or subject plural noun in this or the previous sentence.

    A noun that carries a figure or is a clause's subject is what a later "N of them" picks out
    ("10,000 soldiers ... 8,000 of them"); a plain object in between ("clearing mines") is not.
    """
    sent = pronoun.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(pronoun.i - 1, first - 1, -1):
        tok = doc[i]
        if tok.tag_ not in ("NNS", "NNPS") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "nummod" for c in tok.children):
            return tok
    return None


def _nationality(noun: Token) -> str | None:
    """'North Koreans', 'Chileans': people of a nationality, written '<Nationality> people'."""
    if noun.tag_ not in ("NNS", "NNPS") or not noun.text.endswith("s"):
        return None
    words = [c.text for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.text[:1].isupper()]
    name = " ".join([*words, noun.text[:-1]])
    if noun.ent_type_ != "NORP" and not gazetteer.country_from_adjective(name):
        return None
    return f"{name} people"


def unit_of(doc: Doc, q: Quantity) -> tuple[str | None, Token | None]:
    """The unit a figure counts and the token it was read from (None when nothing is counted).

    Pronouns ("8,000 of them") take their antecedent or stay None; a nationality plural counts
    people of that nationality; a state word ("dead", "wounded") is kept as written.
    """
    noun = _counted_noun(doc, q.start, q.end)
    if q.unit is not None or noun is None:
        return q.unit, noun
    if noun.lower_ in _PRONOUN_UNITS or noun.pos_ == "PRON":
        noun = _antecedent(doc, noun)
        if noun is None:
            return None, None
    if noun.lower_ in STATE_WORDS:
        return noun.lower_, noun
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "non":
        return "non-" + noun.lemma_.lower(), noun  # "19 non-passengers" count others than passengers
    lemma = noun.lemma_.lower()
    if lemma in GENERIC_COUNTED:
        # "17 crew members", "40 union members": the noun before the generic head says who
        whose = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1]
        if whose:
            return f"{whose[0].lemma_.lower()} {lemma}", noun
    return _nationality(noun) or CURRENCY_WORDS.get(lemma) or CURRENCY_WORDS.get(noun.lower_) or lemma, noun


#: Counted nouns that say nothing of who is counted ("members", "people"; figures lexicon): read
#: here, by ``reconcile.compare.unit_class`` and by the figure slots.
GENERIC_COUNTED = lexicon.words("figures", "generic_counted")


def _anaphoric(doc: Doc, q: Quantity) -> bool:
    """'the two countries', 'our two nations', 'one side': a reference, not a count."""
    if q.low != q.high or q.low is None or q.low > 10 or q.approximate or re.search(r"\d", q.text):
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return q.low == 1
    prev = doc[span.start - 1]
    return q.low == 1 or prev.pos_ == "DET" or prev.tag_ == "PRP$" or prev.lower_ in ("both", "all", "the")


#: Words that bound a figure ("over 100 people") or open a phrase ("a lawsuit over 137 ballots").
_BOUND_OR_PREPOSITION = frozenset({"over", "under", "above", "below"})


def _preposition_not_bound(doc: Doc, q: Quantity) -> Quantity:
    """"a lawsuit over 137 rejected ballots": the parser makes "over" a preposition of the noun
    before it (a bound is the number's ``quantmod``), so the figure is exact, not "more than 137"."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return q
    first = span[0]
    if first.lower_ not in _BOUND_OR_PREPOSITION or first.dep_ != "prep" or first.head.pos_ not in ("NOUN", "PROPN"):
        return q
    value = q.low if q.low is not None else q.high
    rest = span[1]
    start = rest.idx
    return replace(q, text=doc.text[start:q.end], start=start, low=value, high=value, approximate=False)


def attach_units(doc: Doc, quantities: Iterable[Quantity]) -> list[Quantity]:
    """Give each quantity its counted noun's lemma; drop figures that count time or nothing at all.

    Time spans ("three years") are the time engine's business, and a bare small word number with
    nothing counted ("one of them") is not a figure worth reconciling.
    """
    out: list[Quantity] = []
    for q in quantities:
        if _anaphoric(doc, q):
            continue
        q = _preposition_not_bound(doc, q)
        unit, noun = unit_of(doc, q)
        if unit in _TIME_UNITS or (noun is not None and noun.lemma_.lower() in _TIME_UNITS and unit is None):
            continue
        if unit is None:
            small = (q.low if q.low is not None else q.high or 0) < 100
            if small or not re.search(r"\d|thousand|million|billion|hundred", q.text, re.IGNORECASE):
                continue
        qualifier = _qualifier(noun) if noun is not None else None
        increment = q.increment
        if unit == PERCENT:
            qualifier, change = percent_of(doc, q)
            increment = increment or change
        elif unit in CURRENCY_CODES:
            qualifier = money_of(doc, q) or qualifier
        elif unit is not None and unit.lower() in MEASUREMENT_UNITS:
            qualifier = measured_of(doc, q) or qualifier
        tally = _tally(doc, q, noun) if unit is not None and qualifier in (None, DIFFERENCE) else None
        if tally is not None:
            qualifier = TALLY_FOR  # "by 120 votes to 35": the votes for, not a margin
        out.append(replace(q, unit=unit, qualifier=qualifier, increment=increment, role=_role(doc, q, noun)))
        if tally is not None:
            out.append(replace(tally, unit=unit, qualifier=TALLY_AGAINST))
    return out


#: The two sides of a tally ("by 120 votes to 35"): what the first figure and the second count.
TALLY_FOR = "for"
TALLY_AGAINST = "against"
_TALLY = re.compile(r"\s+to\s+(?P<n>[\w,-]+)")


def _tally(doc: Doc, q: Quantity, noun: Token | None) -> Quantity | None:
    """The other side of a tally whose first figure is ``q`` ("voted by 120 votes to 35", "won 80
    votes to 52"): the count after "to" right behind the counted noun. Not the end of a change
    ("rose from 10 votes to 41"), whose first figure is the value before it."""
    if noun is None or doc.text[q.end:noun.idx].strip() or re.search(r"\bfrom\s+$", doc.text[max(0, q.start - 8):q.start]):
        return None  # the noun right after the figure ("120 votes to 35"); not a change's start
    m = _TALLY.match(doc.text, noun.idx + len(noun.text))
    if m is None:
        return None
    value = parse_number(m.group("n").rstrip(",-"))
    if value is None:
        return None
    text = m.group("n").rstrip(",-")
    return Quantity(text=text, start=m.start("n"), end=m.start("n") + len(text), low=value, high=value)


_COLLECTIVE_HEADS = lexicon.words("events", "collective_heads")
_STATE_VERBS = frozenset(plover.taxonomy()["state_verbs"])


def _passive_doer(t: Token) -> bool:
    """The object of a passive's "by" ("signed by 67 deputies", "was struck by two ships"); the
    parser also calls "led by 398 votes" an agent, but an active verb has its own subject."""
    if t.dep_ != "pobj" or t.head.dep_ != "agent":
        return False
    verb = t.head.head
    passive = verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "nsubj" for c in verb.children)


def _role(doc: Doc, q: Quantity, noun: Token | None) -> str | None:
    """What a figure's things are to the event of its clause ("agent PROTEST", "patient move").

    "1,400 members have walked out", "some 1,900 bakery workers downed tools": the figure counts who
    did the event ("agent" and the event's type, else its verb); "$38 million was moved", "deployed
    10,000 troops": what it was done to ("patient"). "a group of six climbers was caught": the
    group's members. Two figures in the same role of one kind of event count the same thing,
    whatever noun each outlet chose. A state verb ("the toll is 29") gives no role."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    t = span.root
    for _ in range(4):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and t.head.i != t.i:
            t = t.head
        elif (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _COLLECTIVE_HEADS
              and t.head.head.i != t.i):
            t = t.head.head  # "a group of six climbers": the group is the clause's argument
        else:
            break
    if noun is not None and t.i < noun.i and noun.head.i == t.i and t.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        t = noun  # "about 1,400 members": the counted noun carries the figure's role
    if _passive_doer(t):
        t = t.head  # "signed by 67 deputies": the passive's doer
    if t.dep_ in ("nsubj", "agent"):
        role = "agent"
    elif t.dep_ in ("nsubjpass", "dobj"):
        role = "patient"
    else:
        return None
    verb = t.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _STATE_VERBS:
        return None
    obj = object_lemma(verb, ("dobj",))
    kind = complement_type(verb) or plover.event_type(lemma, obj) or lemma
    return f"{role} {kind}"


#: Nouns that name a gap between two counts ("a lead of 87 votes").
_DIFFERENCE_NOUNS = lexicon.words("figures", "difference_nouns")
#: The qualifier of a figure that counts a difference, not a total.
DIFFERENCE = "difference"


def _qualifier(noun: Token) -> str | None:
    """The participle that picks out which of the noun's things a figure counts: "173 rejected
    ballots", "the ballots that were rejected", "homes damaged by the flood" -> "reject", "damage".
    A difference ("won by 61 votes", "a lead of 87 votes", "the margin shrank to 150 votes") is
    ``DIFFERENCE``. Figures of one noun with different qualifiers count different things."""
    if noun.dep_ == "pobj":
        prep, governor = noun.head, noun.head.head
        if prep.lower_ == "by" and not _passive_doer(noun) and governor.pos_ in ("VERB", "AUX"):
            return DIFFERENCE  # "won by 61 votes"; "signed by 67 deputies" is the passive's doer
        if prep.lower_ == "of" and governor.lemma_.lower() in _DIFFERENCE_NOUNS:
            return DIFFERENCE
        if prep.lower_ in ("to", "at") and any(c.dep_ == "nsubj" and c.lemma_.lower() in _DIFFERENCE_NOUNS
                                               for c in governor.children):
            return DIFFERENCE
    for c in noun.children:
        if (c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")) or (c.dep_ == "acl" and c.tag_ == "VBN"):
            return c.lemma_.lower()
        if c.dep_ == "relcl" and any(x.dep_ == "auxpass" for x in c.children):
            return c.lemma_.lower()
    return None
