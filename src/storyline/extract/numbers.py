"""The quantity grammar: numbers in digits or words, with the bounds their wording implies.

A figure in the news is rarely exact: "more than 10,000" is a lower bound, "up to 12,000" an
upper bound, "around 2,000" an interval, "thousands of" a vague lower bound, and "another 5,000"
an increment rather than a total. Reconciling figures across outlets needs those bounds, so the
grammar turns each expression into ``low``/``high`` (``None`` = open) plus ``approximate`` and
``increment`` flags. This module is the plain text processing of figures, kept apart from the
parse so that it can be property-tested: the counted noun (``unit``), a figure's qualifier and
role need the parse and are attached in :mod:`storyline.extract.quantities`
(:func:`~storyline.extract.quantities.attach_units`), which re-exports the public names here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

from storyline import lexicon
from storyline.extract.measures import CURRENCIES, PERCENT
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
#: The scales of a large sum, which a word may be hyphened to ("a 2.4 million-solde contract": the
#: word is the unit, not another figure's start).
SUM_SCALES = tuple(word for word, size in SCALES.items() if size >= 1_000_000)
_ABBREV_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
#: Words that only scale a figure ("1.86 million", "40m"): the unit reader's noun when nothing is counted.
SCALE_WORDS = frozenset(SCALES) | frozenset(_ABBREV_SCALES)

#: Largest figure kept as a number: beyond it a float loses the digits (and past ~1e308 overflows),
#: and no count in the news is that large, so such a figure is kept as text and flagged instead.
MAX_FIGURE = 1e18

#: ±share of the value an "about N" interval covers.
APPROX_SHARE = 0.1

_W = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_S = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "45 million", "40m", and a sum written as one modifier: "a 30-million-euro fund"
_ATOM = rf"(?:{_DIGITS})(?:\s*(?:{_S}|k|m|mn|bn)\b|-(?:{_S})\b)?|(?:{_W}|{_S}|dozen)\b"
#: Currency words a figure may be hyphened to ("a 45 million-crown fund"): data/lexicon/figures.json.
_HYPHENED_CURRENCY = "|".join(sorted(lexicon.table("figures", "currency_words"), key=len, reverse=True))
#: Units of measurement a figure may be hyphened to ("a 312-metre bulk carrier", "a 12-tonne load"): the
#: figure is the thing's measure. A count noun so hyphened ("a four-lane road", "a 10-point plan")
#: names a kind of thing, not a count to compare.
HYPHENED_UNITS = "|".join(sorted((re.escape(u) for u in lexicon.words("figures", "measurement_units") if u.isalpha()),
                                 key=len, reverse=True))
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

_NOT_AFTER_SUM_SCALE = "".join(f"(?<!{word})" for word in SUM_SCALES)
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
      | (?:from\s+)?(?P<n3>{_NUM})(?:\s+(?:to|or)\s+|(?<=\d)\s*[-–]\s*(?!(?:{_S})\b))(?P<cur3>[$€£])?(?P<n4>{_NUM})
      | (?P<n>{_NUM})
    )
    (?P<pct>\s*(?:%|percent\b|per\s+cent\b))?
    (?P<orso>\s+or\s+so\b)?
    (?:\s+(?P<post>more|additional|extra)\b)?
    (?![\w%]|[.,]\d|{_NOT_AFTER_SUM_SCALE}-(?!strong\b|(?:{_HYPHENED_CURRENCY})s?\b|(?:{HYPHENED_UNITS})\b(?!-))[A-Za-z])
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
_AFTER_CLOCK = re.compile(r"^\s*(?::\d|a\.?m\b|p\.?m\b|GMT|UTC|hrs\b|o['’]clock\b)", re.IGNORECASE)
_BEFORE_NONCOUNT = re.compile(r"(?:\bpage|\bno\.|\bnumber|\barticle|\bresolution|\broom|#)\s*$", re.IGNORECASE)
#: The minutes of a clock time ("the 15:00 bulletin": its "00"): no count ("4.10am" never
#: matches: ``QUANTITY_RE`` starts no figure after a dot).
_BEFORE_DIGITS = re.compile(r"\d:$")
_GROUPS_BEFORE = re.compile(r"(?:\+?\d+ )+$")
_GROUPS_AFTER = re.compile(r"(?: \d+)+")


def _phone_number(text: str, m: re.Match[str]) -> bool:
    """A group of a phone number ("0800 414 2290", "+44 20 7946 0000", "on 80 121 121"): digit
    groups side by side, three or more of them, or opening with 0 or +."""
    if not m.group(0).isdigit():
        return False
    left = _GROUPS_BEFORE.search(text, max(0, m.start() - 30), m.start())
    right = _GROUPS_AFTER.match(text, m.end(), m.end() + 30)
    groups = (left.group(0).split() if left else []) + [m.group(0)] + (right.group(0).split() if right else [])
    return len(groups) >= 3 or (len(groups) >= 2 and groups[0][:1] in ("0", "+"))
_BEFORE_YEARISH = re.compile(r"\b(?:in|since|of|by|until|till|from|before|after|during|early|late|mid)\s*$",
                             re.IGNORECASE)


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
    if _AFTER_AGE.match(after) or _AFTER_CLOCK.match(after) or _BEFORE_NONCOUNT.search(before) \
            or _BEFORE_DIGITS.search(before) or _phone_number(text, m):
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
