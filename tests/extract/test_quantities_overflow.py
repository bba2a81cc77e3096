"""Issue 9, the number grammar: figures too large to hold are kept as flagged text, never a crash
(an OverflowError stopped ``analyze``) and never ``Infinity`` in a report."""

from __future__ import annotations

import math

from storyline.extract.quantities import MAX_FIGURE, find_quantities, parse_number


def test_number_words_that_overflow_a_float_do_not_crash() -> None:
    text = " ".join(["one hundred"] * 160)
    assert parse_number(text) == math.inf
    (q,) = find_quantities(f"The choir counted {text} singers.")
    assert q.out_of_range and q.low is None and q.high is None and q.text == text


def test_a_400_digit_figure_is_flagged_text() -> None:
    (q,) = find_quantities(f"They baked {'9' * 400} loaves.")
    assert (q.text, q.low, q.high, q.out_of_range) == ("9" * 400, None, None, True)
    (r,) = find_quantities(f"between 5 and {'9' * 30} loaves")
    assert r.out_of_range and r.low is None
    (s,) = find_quantities("1000001 to trillion loaves")  # found by make fuzz: the rescaled end overflowed
    assert s.out_of_range and s.low is None


def test_large_but_real_figures_are_unchanged() -> None:
    assert parse_number("3 trillion") == 3e12
    assert parse_number("two hundred and five thousand") == 205_000
    (q,) = find_quantities("a budget of $1.5 trillion")
    assert (q.low, q.high, q.out_of_range) == (1.5e12, 1.5e12, False)
    assert parse_number(str(int(MAX_FIGURE))) == MAX_FIGURE
