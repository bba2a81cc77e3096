"""Fuzzing the number and date grammars (issue 9): generated figures and dates in words and digits.

Properties: the number grammar returns a finite value, ``inf`` for a figure beyond
``MAX_FIGURE``, or None, and never raises; every quantity it finds is a slice of its input with
finite bounds or is flagged out of range; dates are ISO or rejected with ValueError only; the time
tagger (with the real spaCy model) never raises and its values are ASCII TIMEX strings.
"""

from __future__ import annotations

import math

import pytest
from fuzz_settings import budget
from hypothesis import HealthCheck, example, given
from hypothesis import strategies as st

from storyline.extract.quantities import MAX_FIGURE, SCALES, TENS, UNITS, find_quantities, parse_number
from storyline.ingest.jsonl import iso_date
from storyline.time.lexicon import words_to_number

NUMBER_TOKENS = [*UNITS, *TENS, *SCALES, "dozen", "a", "an", "and", "-", ",", "k", "m", "bn", "percent", "%",
                 "more than", "up to", "about", "between", "to", "or so", "another", "thousands of", "$", "€"]
digits = st.integers(0, 10**30).map(str) | st.from_regex(r"\d{1,3}(,\d{3}){0,12}(\.\d{1,4})?", fullmatch=True)
number_text = st.lists(st.one_of(st.sampled_from(NUMBER_TOKENS), digits, st.text(max_size=4)), max_size=30).map(
    " ".join
)
HEALTH = [HealthCheck.too_slow, HealthCheck.filter_too_much]


@given(text=number_text | st.text(max_size=200) | st.integers(1, 400).map(lambda n: " ".join(["one hundred"] * n)))
@example(text="1000001 to trillion")  # found by make fuzz: a range's rescaled end overflowed
@budget(600, suppress_health_check=HEALTH)
def test_number_grammar(text: str) -> None:
    value = parse_number(text)
    assert value is None or (value >= 0 and ((math.isfinite(value) and value <= MAX_FIGURE) or value == math.inf))
    for q in find_quantities(text + " soldiers"):
        assert q.text == (text + " soldiers")[q.start : q.end]
        for bound in (q.low, q.high):
            assert bound is None or math.isfinite(bound)
        if q.out_of_range:
            assert q.low is None and q.high is None


def test_time_lexicon_number_words_overflow() -> None:
    """A run of scale words is no count (it overflowed a float before)."""
    assert words_to_number(" ".join(["one hundred"] * 160)) is None
    assert words_to_number("two hundred and forty-two") == 242


MONTHS = ["January", "Feb.", "March", "Sept", "december", "Mayo"]
date_text = st.lists(
    st.one_of(st.sampled_from([*MONTHS, "on", "Tuesday", "last", "next", "week", "year", "ago", "this", "the",
                               "early", "mid-", "1990s", "BC", "Q3", "W53", "T25:61", "Z", "+99:00", "/", "-"]),
              st.integers(-5, 100000).map(str)),
    max_size=12,
).map(" ".join)


@given(text=date_text | st.text(max_size=40) | st.from_regex(r"-?\d{1,6}-\d{1,3}-\d{1,3}(T\d\d:\d\d(:\d\d)?)?Z?",
                                                           fullmatch=True))
@budget(400, suppress_health_check=HEALTH)
def test_iso_dates_are_iso_or_value_error(text: str) -> None:
    try:
        value = iso_date(text)
    except ValueError:
        return
    assert len(value) == 10 and value[4] == "-" and value[7] == "-"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.nlp import load_nlp

    return load_nlp()


@given(text=date_text, dct=st.sampled_from([None, "2024-06-19", "0001-01-01", "9999-12-31", "2024-02-29"]))
@budget(80, suppress_health_check=[*HEALTH, HealthCheck.function_scoped_fixture])
def test_time_tagger(nlp, text: str, dct: str | None) -> None:  # type: ignore[no-untyped-def]
    from storyline.time import tag_text

    for expr in tag_text(f"The ferry sailed {text}.", dct, nlp):
        for value in (expr.value, expr.earliest, expr.latest):
            assert value is None or value.isascii()
