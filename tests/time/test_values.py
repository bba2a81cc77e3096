"""Interval logic on TIMEX3 values: what reconciliation compares dates with."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import compatible, interval, precision


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-19", ("2024-06-19", "2024-06-19")),
        ("2024-06", ("2024-06-01", "2024-06-30")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-W01", ("2024-01-01", "2024-01-07")),
        ("2024-W23-WE", ("2024-06-08", "2024-06-09")),
        ("2024-Q3", ("2024-07-01", "2024-09-30")),
        ("2024-H1", ("2024-01-01", "2024-06-30")),
        ("2024-SU", ("2024-06-01", "2024-08-31")),
        ("2024-WI", ("2024-12-01", "2025-02-28")),
        ("199", ("1990-01-01", "1999-12-31")),
        ("19", ("1900-01-01", "1999-12-31")),
        ("2024-06-19T14:00", ("2024-06-19", "2024-06-19")),
        ("XXXX-06-19", (None, None)),
        ("P1M", (None, None)),
        ("PRESENT_REF", (None, None)),
        (None, (None, None)),
    ],
)
def test_interval(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert interval(value) == expected


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("XXXX-06-19", "2024-06-19", True),
        ("XXXX-06-19", "2024-06", True),
        ("XXXX-06-19", "2024-07", False),
        ("2024-06", "2024-06-19", True),
        ("2024-06", "2023-06", False),
        ("2024", "2024-11", True),
        ("2024-11", "2024-06", False),
        ("2024-Q2", "2024-06-19", True),
        ("2024-Q3", "2024-06-19", False),
        ("2024-SU", "2024-07", True),
        ("199", "1996", True),
        ("199", "2001", False),
        ("P1M", "2024-06", True),
        ("PAST_REF", "2024", True),
        (None, "2024", True),
    ],
)
def test_compatible(a: str | None, b: str | None, ok: bool) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_precision() -> None:
    assert precision("2024-06-19") == "day"
    assert precision("2024-06") == "month"
    assert precision("2024") == "year"
    assert precision("2024-Q1") == "quarter"
    assert precision("2024-W02") == "week"
    assert precision("199") == "decade"


values = st.one_of(
    st.dates(date(1600, 1, 1), date(2099, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(date(1600, 1, 1), date(2099, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.integers(1600, 2099).map(str),
    st.tuples(st.integers(1600, 2099), st.integers(1, 52)).map(lambda t: f"{t[0]}-W{t[1]:02d}"),
    st.tuples(st.integers(1600, 2099), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(st.integers(1600, 2099), st.sampled_from(["SP", "SU", "FA", "WI"])).map(lambda t: f"{t[0]}-{t[1]}"),
    st.integers(160, 209).map(str),
)


@given(values)
def test_no_interval_is_empty(value: str) -> None:
    lo, hi = interval(value)
    assert lo is not None and hi is not None
    assert lo <= hi


@given(values, values)
def test_compatible_agrees_with_overlap_for_known_values(a: str, b: str) -> None:
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    assert alo and ahi and blo and bhi
    overlap = alo <= bhi and blo <= ahi
    if compatible(a, b):
        assert overlap
