"""The watcher's pure core: the interval parser and which feed is due when (a number for a clock)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.follow.schedule import UNITS, Schedule, backoff, format_interval, parse_interval

units = st.sampled_from(sorted(UNITS))


@given(st.integers(1, 10**6), units)
def test_a_number_with_a_unit_is_that_many_units(n: int, unit: str) -> None:
    assert parse_interval(f"{n}{unit}") == pytest.approx(n * UNITS[unit])
    assert parse_interval(f" {n} {unit.upper()} ") == pytest.approx(n * UNITS[unit])


@given(st.lists(st.tuples(st.integers(1, 1000), units), min_size=1, max_size=4))
def test_parts_add_up(parts: list[tuple[int, str]]) -> None:
    text = "".join(f"{n}{u}" for n, u in parts)
    assert parse_interval(text) == pytest.approx(sum(n * UNITS[u] for n, u in parts))


@given(st.integers(1, 10**9))
def test_format_reads_back_to_the_millisecond(ms: int) -> None:
    text = format_interval(ms / 1000)
    assert round(parse_interval(text) * 1000) == ms
    assert " " not in text


@given(st.text(max_size=12).filter(lambda s: not any(c.isdigit() for c in s)))
def test_text_without_a_number_is_refused_by_name(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_interval(text)
    assert "interval" in str(info.value)


@pytest.mark.parametrize("bad", ["-5m", "0s", "0", "5 minutes", "m5", "1.5.5m", "inf", "nan", "5m-", "3x"])
def test_bad_intervals_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="interval"):
        parse_interval(bad)


def test_plain_seconds_and_fractions() -> None:
    assert parse_interval("90") == 90.0
    assert parse_interval("0.2s") == pytest.approx(0.2)
    assert parse_interval(".5s") == pytest.approx(0.5)
    assert parse_interval("1h30m") == 5400.0
    assert format_interval(900) == "15m" and format_interval(0.2) == "0.2s" and format_interval(5400) == "1h30m"


def test_due_feeds_success_and_back_off_with_a_cap() -> None:
    s = Schedule.start(["a", "b", "a"], every=900.0, now=0.0, cap=3600.0)
    assert s.feeds == ["a", "b"] and s.due(0.0) == ["a", "b"]
    s.succeeded("a", 0.0)
    assert s.failed("b", 0.0) == 60.0  # first retry after a minute, not a whole interval
    assert s.due(59.0) == [] and s.due(60.0) == ["b"] and s.next_due() == 60.0
    delays = [s.failed("b", 60.0 * k) for k in range(1, 8)]
    assert delays == [120.0, 240.0, 480.0, 960.0, 1920.0, 3600.0, 3600.0]
    s.succeeded("b", 10_000.0)
    assert s.failures["b"] == 0 and s.due_at["b"] == 10_900.0
    assert s.due(900.0) == ["a"]


@given(st.integers(1, 60), st.floats(0.01, 10_000), st.floats(0.01, 100_000))
def test_backoff_never_shrinks_and_never_passes_the_cap(failures: int, every: float, cap: float) -> None:
    assert backoff(failures, every, cap) <= cap
    assert backoff(failures + 1, every, cap) >= backoff(failures, every, cap)
