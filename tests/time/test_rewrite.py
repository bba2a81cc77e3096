"""Document-relative expressions resolved again by the one resolver once the writing date is
narrowed (``storyline.time.rewrite``); the expressions are written for the test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import TimeExpr
from storyline.time.rewrite import names_month, reresolve, reresolve_from, resolve_at, year_offset


def _expr(text: str, value: str = "XXXX", anchor_kind: str = "none") -> TimeExpr:
    return TimeExpr(text=text, start=0, end=len(text), type="DATE", value=value, anchor_kind=anchor_kind)  # type: ignore[arg-type]


def test_what_an_expression_says_about_the_writing_date() -> None:
    assert year_offset("last year") == -1
    assert year_offset("this year") == 0
    assert year_offset("since last year") == -1
    assert year_offset("June 4") is None
    assert names_month("June 4") and names_month("last June") and names_month("in June")
    assert not names_month("last month")  # counts from the writing month: no month of its own
    assert not names_month("autumn")


def test_anaphora_are_left_to_the_text() -> None:
    for text in ("the next day", "November of the same year", "that year", "the following month", "the day before"):
        assert resolve_at(text, date(2030, 5, 1)) is None, text
        assert reresolve(_expr(text), date(2030, 5, 1), date(2030, 5, 1)) is None


def test_a_range_that_settles_the_value_and_one_that_does_not() -> None:
    june = reresolve(_expr("June 4", "XXXX-06-04"), date(2030, 7, 1), date(2030, 12, 31))
    assert june is not None and june.value == "2030-06-04" and (june.earliest, june.latest) == ("2030-06-04",) * 2
    assert june.anchor_kind == "document" and june.anchor == "2030-07-01/2030-12-31"
    # written between January and December: the last June may be either year's
    assert reresolve(_expr("June 4", "XXXX-06-04"), date(2030, 1, 10), date(2030, 12, 31)) is None
    assert reresolve(_expr("last month"), date(2030, 1, 10), date(2030, 12, 31)) is None
    assert reresolve(_expr("last year"), date(2030, 1, 10), date(2030, 12, 31)).value == "2029"  # type: ignore[union-attr]
    # a week counted from a writing day the story gave later ("filed last week" in a year-less wire)
    week = reresolve(_expr("last week", "XXXX-WXX"), date(2030, 3, 5), date(2030, 3, 5))
    assert week is not None and week.value == "2030-W09" and (week.earliest, week.latest) == ("2030-02-25", "2030-03-03")
    assert not names_month("last week")
    # a date that counts from another date of the text is never re-anchored on the writing date
    assert reresolve(_expr("June 4", "XXXX-06-04", "discourse"), date(2030, 7, 1), date(2030, 7, 1)) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 400))
def test_a_settled_value_is_what_every_writing_date_in_the_range_gives(start: date, days: int) -> None:
    end = start + timedelta(days=days)
    for text in ("last year", "this year", "June 4", "last June", "March", "next year"):
        got = reresolve(_expr(text), start, end)
        if got is None:
            continue
        for d in (start, end):
            norm = resolve_at(text, d)
            assert norm is not None and norm.value == got.value, (text, d, got.value)


def test_a_month_is_read_in_its_clauses_tense_as_the_tagger_reads_it() -> None:
    """'would close by the end of September', written in February: the coming September."""
    coming = replace(_expr("the end of September", "XXXX-09"), tense="future")
    got = reresolve(coming, date(2030, 2, 3), date(2030, 2, 3))
    assert got is not None and got.value == "2030-09"
    got = reresolve(_expr("the end of September", "XXXX-09"), date(2030, 2, 3), date(2030, 2, 3))
    assert got is not None and got.value == "2029-09"


def test_a_weekday_is_settled_only_by_a_known_day_and_read_in_its_clauses_tense() -> None:
    wednesday = date(2030, 5, 15)
    past = reresolve(replace(_expr("on Tuesday", "XXXX-WXX-2"), tense="past"), wednesday, wednesday)
    assert past is not None and past.value == "2030-05-14"
    future = reresolve(replace(_expr("on Tuesday", "XXXX-WXX-2"), tense="future"), wednesday, wednesday)
    assert future is not None and future.value == "2030-05-21"  # "the jury will return on Tuesday"
    # a page known only to a week or a year: which Tuesday is not settled
    assert reresolve(_expr("on Tuesday", "XXXX-WXX-2"), date(2030, 5, 11), wednesday) is None


def test_a_day_part_yesterday_and_a_clock_on_a_weekday_are_settled_by_a_known_day() -> None:
    wednesday = date(2030, 5, 15)
    for text, value in [("Tuesday morning", "2030-05-14TMO"), ("yesterday", "2030-05-14"),
                        ("6:30 a.m. on Monday", "2030-05-13T06:30"),
                        # two rules match "last night" whole (a unit counted back, a deictic word): the one that resolves it
                        ("last night", "2030-05-14TNI")]:
        found = reresolve(replace(_expr(text), tense="past"), wednesday, wednesday)
        assert found is not None and found.value == value, (text, found)


def test_a_time_told_from_another_is_counted_from_that_ones_day() -> None:
    """'the following day', 'two days later', 'the day before' after a day the text named: counted
    from that day once it is known; a time told from the writing date is not this function's."""
    thursday = date(2030, 5, 16)
    for text, value in [("the following day", "2030-05-17"), ("two days later", "2030-05-18"),
                        ("the day before", "2030-05-15"), ("that night", "2030-05-16TNI")]:
        found = reresolve_from(replace(_expr(text), anchor="XXXX-WXX-4", anchor_kind="discourse"), thursday)
        assert found is not None and found.value == value, (text, found)
    assert reresolve_from(replace(_expr("yesterday"), anchor_kind="document"), thursday) is None


def test_units_ago_are_counted_again_from_a_narrowed_writing_date() -> None:
    """"opened a review three weeks ago" on a wire whose dateline gave no year: once the story
    dates the page, the expression is counted from that day."""
    found = reresolve(_expr("three weeks ago", "XXXX-WXX"), date(2031, 3, 5), date(2031, 3, 5))
    assert found is not None and found.value == "2031-02-12", found
