"""The tagger on sentences written for each kind of expression, against a known creation time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.model import PublishedDate
from storyline.time import analyze_times, tag_text
from storyline.time.resolve import Anchor, Context, normalise

# 2024-06-19 is a Wednesday.
DCT = "2024-06-19"


def values(nlp, text: str, dct: str | None = DCT) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.text: t.value for t in tag_text(text, dct, nlp)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # absolute and partial
        ("The treaty was signed on June 19, 2024 in the capital.", "June 19, 2024", "2024-06-19"),
        ("The talks began in October 2024.", "October 2024", "2024-10"),
        ("The pact dates from 1961.", "1961", "1961"),
        ("Analysts expect 1990 BellSouth earnings to rise.", "1990", "1990"),
        ("It was agreed on 19 June 2024.", "19 June 2024", "2024-06-19"),
        ("Prices peaked in the 1990s.", "the 1990s", "199"),
        ("The boom of the nineties ended.", "the nineties", "199"),
        ("He was born in the 20th century.", "the 20th century", "19"),
        ("Shops will close on Christmas Day.", "Christmas Day", "2024-12-25"),
        ("Sales fell in the first half of 2023.", "the first half of 2023", "2023-H1"),
        ("Results for the third quarter of 2023 were weak.", "the third quarter of 2023", "2023-Q3"),
        ("The vote is set for 2024-07-01.", "2024-07-01", "2024-07-01"),
        # relative to the document
        ("The minister said on Monday that talks had failed.", "Monday", "2024-06-17"),
        # written before the reported clause's subject, the day is the saying's, not the plan's
        ("The firm said on Monday it would close the depot.", "Monday", "2024-06-17"),
        ("The firm said that on Monday it would close the depot.", "Monday", "2024-06-24"),
        # "last Tuesday" written on a Wednesday: news names this week's days bare, so last week's
        ("The vote took place last Tuesday.", "last Tuesday", "2024-06-11"),
        ("The vote took place last Saturday.", "last Saturday", "2024-06-15"),
        ("The vote took place last Sunday.", "last Sunday", "2024-06-16"),
        ("The ministers will meet on Friday.", "Friday", "2024-06-21"),
        # a state that has held since a time is past ("has been safe to drink from"), a rule that
        # applies from a time on a weekday ahead (the clock in a.m./p.m. too)
        ("Tap water has been safe to drink from 16:00 on Monday.", "16:00 on Monday", "2024-06-17T16:00"),
        ("The limit applies from 9 a.m. on Friday and covers cash machines.", "9 a.m. on Friday", "2024-06-21T09:00"),
        # a range's start named by its weekday is the last such day before its end, which is ahead
        ("The bridge will be closed for an inspection from 08:00 on Monday until 18:00 on Tuesday.",
         "08:00 on Monday", "2024-06-24T08:00"),
        # a weekday of a named week is that day of the calendar week before or after the page's
        ("The jury convicted him on Thursday last week.", "Thursday last week", "2024-06-13"),
        ("He will be sentenced on Friday next week.", "Friday next week", "2024-06-28"),
        ("The board meets on Tuesday of next week.", "Tuesday of next week", "2024-06-25"),
        ("Last week on Monday the plant closed.", "Last week on Monday", "2024-06-10"),
        # a possessive day names its noun's event, done by then whatever the clause's tense
        ("Monday's decision will be greeted with relief.", "Monday", "2024-06-17"),
        ("Friday's ruling will be appealed.", "Friday", "2024-06-14"),
        ("Sales fell last month.", "last month", "2024-05"),
        ("Sales fell earlier this month.", "earlier this month", "2024-06"),
        ("The plant closed last year.", "last year", "2023"),
        ("The deal was reached in March this year.", "March this year", "2024-03"),
        ("He visited the region last July.", "last July", "2023-07"),
        ("He visited the region last April.", "last April", "2024-04"),
        ("The building was finished in late 2023.", "late 2023", "2023"),
        ("A report was published earlier this summer.", "earlier this summer", "2024-SU"),
        ("Prices will rise in the coming months.", "the coming months", "FUTURE_REF"),
        ("The company reported a loss yesterday.", "yesterday", "2024-06-18"),
        ("The index rose today.", "today", "2024-06-19"),
        ("The shares traded at 3 p.m. on Tuesday.", "3 p.m. on Tuesday", "2024-06-18T15:00"),
        ("Traders are nervous now, analysts said.", "now", "PRESENT_REF"),
        ("The firm was founded five years ago.", "five years ago", "2019"),
        ("The office moved a couple of weeks ago.", "a couple of weeks ago", "2024-W23"),
        ("Prices rose sharply in June.", "June", "2024-06"),
        ("The firm expects growth next year.", "next year", "2025"),
        ("The office opens next week.", "next week", "2024-W26"),
        # future reading of a weekday in a noun phrase
        ("Leaders prepared ahead of the Friday summit.", "Friday", "2024-06-21"),
        # durations and sets
        ("The strike lasted three days.", "three days", "P3D"),
        ("He served two years in prison.", "two years", "P2Y"),
        ("Talks went on for months.", "months", "PXM"),
        ("The paper is published weekly.", "weekly", "P1W"),
        ("The committee meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The fee is charged twice a year.", "twice a year", "P1Y"),
        ("Half an hour passed.", "Half an hour", "PT30M"),
        ("Net income for the year ended March 31 rose.", "the year", "P1Y"),
        ("Shares hit a high for the year on Monday.", "the year", "2024"),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("It took a year and a half.", "a year and a half", "P1Y6M"),
        # spans only the statistical model finds, normalised by the fallback
        ("Stocks climbed for eight trading days.", "eight trading days", "P8D"),
        ("The plan will be finalised at a later date.", "a later date", "FUTURE_REF"),
    ],
)
def test_kinds(nlp, text: str, expr: str, value: str) -> None:  # type: ignore[no-untyped-def]
    found = values(nlp, text)
    assert found.get(expr) == value, found


def test_types(nlp) -> None:  # type: ignore[no-untyped-def]
    got = {t.text: t for t in tag_text("The fund pays out weekly and the loan runs for two years from March 2024.", DCT, nlp)}
    assert got["weekly"].type == "SET"
    assert got["two years"].type == "DURATION"
    assert got["March 2024"].type == "DATE"
    assert got["March 2024"].earliest == "2024-03-01" and got["March 2024"].latest == "2024-03-31"


def test_reporting_periods_follow_the_quarter_in_discussion(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Profit rose in the third quarter. Sales for the full year are expected to grow, and the "
        "comparable period of 2023 was weaker. In the year-ago quarter the firm lost money."
    )
    found = values(nlp, text, "2024-10-25")
    assert found["the third quarter"] == "2024-Q3"
    assert found["the full year"] == "2024"
    assert found["the year-ago quarter"] == "2023-Q3"
    assert "the comparable period" not in values(nlp, "The comparable period was weaker.", "2024-10-25")


def test_anaphora_follow_the_discourse_not_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Troops first arrived in October 2022. A month later, the two sides signed a pact. "
        "The treaty of June 2019 was ratified in October of the same year. "
        "The flood hit on March 3, 2020. The following day, rescuers arrived."
    )
    found = {t.text: t for t in tag_text(text, DCT, nlp)}
    assert found["A month later"].value == "2022-11"
    assert found["A month later"].anchor_kind == "discourse"
    assert found["A month later"].anchor == "2022-10"
    assert found["October of the same year"].value == "2019-10"
    assert found["The following day"].value == "2020-03-04"


def test_the_weekday_is_a_day_of_the_narrated_week_not_a_name_nor_a_nouns_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "She set out on Saturday 2 March 2024. The following day she fell into a gully. "
        "Her mother called the rescue service at 7.40 on the Tuesday morning. "
        "The Sunday Courier printed her photograph. Leaders prepared ahead of the Friday summit."
    )
    found = {t.text: t for t in tag_text(text, DCT, nlp)}
    assert found["the Tuesday morning"].value == "2024-03-05TMO"  # the week she was lost in, not June's
    assert found["the Tuesday morning"].anchor_kind == "discourse"
    assert "The Sunday" not in found and "Sunday" not in found  # a newspaper's name
    assert found["Friday"].value == "2024-06-21"  # the summit's day, counted from the writing


def test_clock_time_takes_the_day_of_the_narrative(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(nlp, "The blast happened on Saturday, June 15: police arrived at 10:35 a.m. and left.")
    assert found["Saturday, June 15"] == "2024-06-15"
    assert found["10:35 a.m."] == "2024-06-15T10:35"


def test_evening_clock_times_are_read(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(nlp, "The blast happened on Saturday, June 15: police arrived at 21:40 and left at 23:05.")
    assert found["21:40"] == "2024-06-15T21:40"
    assert found["23:05"] == "2024-06-15T23:05"


def test_clock_time_on_a_day_without_a_year_keeps_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t.value for t in tag_text("The storm came ashore at 23:40 on Wednesday 7 October.", None, nlp)}
    assert found["23:40 on Wednesday 7 October"] == "XXXX-10-07T23:40"


def test_false_hits_avoided(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials may delay the vote. They held a one-on-one meeting. Now, the question is open. "
        "Protesters march to the square. He finished second. A second round is planned. "
        "The army sent 2000 troops. Leaves fall in the park. About three-quarters of voters agreed, "
        "and a quarter of them left. A source told Harbour Today about it."  # a programme's name
    )
    found = tag_text(text, DCT, nlp)
    assert found == [], [(t.text, t.value) for t in found]


def test_may_the_month_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(nlp, "The election took place in May 2019, and the count ended on May 3.")
    assert found["May 2019"] == "2019-05"
    assert found["May 3"] == "2024-05-03"


def test_offsets_slice_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Tuesday night, after three weeks of talks, the deal of 12 March 2024 was finally signed."
    for t in tag_text(text, DCT, nlp):
        assert text[t.start : t.end] == t.text
        if t.earliest and t.latest:
            assert t.earliest <= t.latest


def test_without_anchor_values_stay_underspecified(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in tag_text("On June 19 the leaders met, and last month they spoke on Thursday.", None, nlp)}
    assert found["June 19"].value == "XXXX-06-19"
    assert found["June 19"].earliest is None and found["June 19"].latest is None
    assert found["June 19"].anchor_kind == "none"
    assert found["last month"].value == "XXXX-XX"
    assert found["Thursday"].value == "XXXX-WXX-4"


def test_portal_dateline_far_from_the_text_is_not_an_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The pact was signed in 1961. On June 19, the two leaders met again, officials said on Thursday.")
    pub, times = analyze_times(doc, PublishedDate("2026-01-31", "dateline", None, "2026-01-31", portal=True))
    found = {t.text: t.value for t in times}
    assert found["June 19"] == "XXXX-06-19"
    assert found["Thursday"] == "XXXX-WXX-4"
    assert pub.value == "2026-01-31" and pub.source == "dateline"
    assert pub.latest == "2026-01-31"


def test_portal_dateline_agreeing_with_the_text_anchors(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The storm reached the coast on January 12, 2026. On Thursday, rescuers found survivors.")
    _, times = analyze_times(doc, PublishedDate("2026-01-17", "dateline", None, "2026-01-17", portal=True))
    found = {t.text: t.value for t in times}
    assert found["Thursday"] == "2026-01-15"


def test_an_articles_own_dateline_anchors(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The pact was signed in 1961. Officials met on Thursday and will meet again on Friday.")
    _, times = analyze_times(doc, PublishedDate("2026-01-14", "dateline", "2026-01-14", "2026-01-14"))
    found = {t.text: t.value for t in times}
    assert found["Thursday"] == "2026-01-08"
    assert found["Friday"] == "2026-01-16"


def test_metadata_date_is_trusted(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister resigned on Tuesday.")
    pub, times = analyze_times(doc, PublishedDate("2024-06-19", "metadata"))
    assert [t.value for t in times] == ["2024-06-18"]
    assert pub.source == "metadata" and pub.value == "2024-06-19"


def test_inferred_date_from_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The accord was signed in March 2023. Inspectors reported in September 2024 that the plan "
        "had stalled, and in October the ministers met again."
    )
    pub, times = analyze_times(doc, PublishedDate())
    assert pub.source == "inferred"
    assert pub.value == "2024"
    assert pub.earliest == "2024-09-01"
    found = {t.text: t.value for t in times}
    assert found["October"] == "2024-10"


def test_inferred_year_after_last_year(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The treaty signed last year is in force. It was signed in June 2023 by both leaders.")
    pub, _ = analyze_times(doc, PublishedDate())
    assert pub.value == "2024"
    assert pub.source == "inferred"


def test_no_date_in_text_gives_no_invented_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministers met in June this year and again in November.")
    pub, times = analyze_times(doc, PublishedDate())
    assert pub.value is None
    assert {t.text: t.value for t in times} == {"June this year": "XXXX-06", "November": "XXXX-11"}


# ---- property tests ---------------------------------------------------------------------------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]  # fmt: skip
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

FORMATS = [
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{ABBR[d.month - 1]} {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{WEEKDAY_NAMES[d.weekday()]}, {MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"the {d.day}th of {MONTH_NAMES[d.month - 1]} {d.year}",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.sampled_from(range(len(FORMATS))), st.sampled_from([None, DCT]))
def test_any_written_date_normalises_to_itself(nlp, d: date, fmt: int, dct: str | None) -> None:  # type: ignore[no-untyped-def]
    written = FORMATS[fmt](d)
    found = tag_text(f"The agreement was signed on {written} in the capital.", dct, nlp)
    assert [(t.text, t.value) for t in found] == [(written, d.isoformat())]
    assert found[0].earliest == found[0].latest == d.isoformat()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
def test_month_year_normalises_to_itself(nlp, d: date, month: int) -> None:  # type: ignore[no-untyped-def]
    written = f"{MONTH_NAMES[month - 1]} {d.year}"
    found = tag_text(f"Prices rose in {written}.", None, nlp)
    assert [(t.text, t.value) for t in found] == [(written, f"{d.year:04d}-{month:02d}")]


RELATIVE = [
    ("rel_unit", "last month"), ("rel_unit", "next year"), ("rel_unit", "this week"), ("deictic", "yesterday"),
    ("rel_weekday", "Friday"), ("month", "last July"), ("season", "earlier this summer"), ("ago", "two years ago"),
    ("later", "a month later"), ("quarter", "the third quarter"), ("date", "June 19"),
]  # fmt: skip


@given(
    st.dates(date(1900, 1, 1), date(2099, 12, 31)),
    st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2099, 12, 31))),
    st.sampled_from(RELATIVE),
    st.sampled_from([None, "past", "present", "future"]),
)
def test_resolution_is_deterministic_and_never_empty(anchor_day: date, disc_day: date | None, rule_text, tense) -> None:  # type: ignore[no-untyped-def]
    rule, text = rule_text
    doc = Anchor(anchor_day.year, anchor_day.month, anchor_day.day)
    disc = Anchor(disc_day.year, disc_day.month, disc_day.day) if disc_day else None
    ctx = Context(doc, disc, tense)
    first = normalise(rule, text, ctx)
    second = normalise(rule, text, Context(doc, disc, tense))
    assert first is not None and first == second
    from storyline.time import interval

    lo, hi = interval(first.value)
    if lo is not None and hi is not None:
        assert lo <= hi


@given(st.dates(date(1900, 1, 8), date(2099, 12, 24)))
def test_yesterday_and_tomorrow_move_one_day(d: date) -> None:
    ctx = Context(Anchor(d.year, d.month, d.day))
    y = normalise("deictic", "yesterday", ctx)
    t = normalise("deictic", "tomorrow", ctx)
    assert y is not None and y.value == (d - timedelta(days=1)).isoformat()
    assert t is not None and t.value == (d + timedelta(days=1)).isoformat()


def test_trigger_windows_lose_no_candidate(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    from storyline.time.grammar import find_candidates

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts.append(
        "Nowadays the shop opens at three o'clock, closes at noon on Good Friday, and during the "
        "nineties it was open for two and a half years. At least the past 18 months were hard; "
        "no more than sixty days remain, about two and a half years ago it was worse."
    )
    for text in texts:
        assert find_candidates(text) == find_candidates(text, everywhere=True)


def test_a_bare_old_year_does_not_date_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The treaty of 1961 was abolished in 1996. On June 19, the two leaders met and signed a pact.")
    pub, times = analyze_times(doc, PublishedDate())
    assert pub.value is None
    assert pub.source == "inferred" and pub.earliest == "1996-01-01"
    assert {t.text: t.value for t in times}["June 19"] == "XXXX-06-19"


def test_a_gap_from_a_hoped_or_planned_date_is_not_a_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The ferry left on Monday. It arrived two days later than planned. "
            "The dig resumed on Friday, a day later than the crews had hoped.")
    found = values(nlp, text)
    assert "two days later" not in found and "a day later" not in found, found
    assert found["Friday"].startswith("2024-06-")
    # without "than" it counts from the day before it
    assert values(nlp, "The ferry left on Monday. It arrived two days later.")["two days later"] == "2024-06-19"


def test_a_day_counted_from_a_happening_the_text_told_takes_that_happenings_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Before dawn on 13 May 2024, artillery fire struck the market town. Two weeks after the "
        "flood of 2019, nobody came.\n\n"
        "The day after the shelling, the government expelled the envoy. The theft was discovered "
        "on 20 May 2024 by a guard. Police released pictures the day after the theft was discovered. "
        "The assembly met three days after the vote. Bonds can be sold until 90 days after their issue date."
    )
    got = {t.text: t.value for t in tag_text(text, DCT, nlp)}
    assert got["The day after the shelling"] == "2024-05-14", got  # "struck" and "shelling" are one family
    assert got["the day after the theft was discovered"] == "2024-05-21", got  # the discovery, not the theft
    assert "three days after the vote" not in got, got  # no vote was told: nothing guessed
    assert got.get("90 days") == "P90D", got  # unresolved: what the words alone say


def test_a_clause_after_the_count_names_its_happening_by_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    """"less than two days after his coach plunged into the gorge": the plunge is the happening
    counted from, not the coach an earlier sentence named ("the coach driver was remanded on
    Tuesday"); no earlier sentence tells a plunge, so nothing is guessed from the remand's day."""
    text = ("The coach driver was remanded in custody on Tuesday 17 March 2026. He was arrested on Monday "
            "morning, less than two days after his coach plunged into the gorge on Saturday night.")
    got = {t.text: t.value for t in tag_text(text, "2026-03-18", nlp)}
    assert not any(v == "2026-03-19" for v in got.values()), got
    assert got["Saturday night"] == "2026-03-14TNI", got


def test_whole_days_told_in_hours_count_from_the_day_before_them(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Forty-eight hours after the bank's three-day slump" and "48 hours later" are two days on
    from the day told before; 36 hours, or hours with no day before them, stay a span, and so do
    "the 36 hours before" it."""
    text = ("Shares in Vantrix slumped on Tuesday 14 May 2024. Forty-eight hours after the bank's "
            "three-day slump, the regulator opened an inquiry. The board met on 20 May. 48 hours later, "
            "it resigned. The vote came on 27 May. 36 hours after the vote the result was annulled. In the 36 "
            "hours before the slump, brokers had sold. Police arrested two brokers on 28 May. The board quit 48 hours after "
            "the night arrests.")
    got = {t.text: t.value for t in tag_text(text, DCT, nlp)}
    assert got.get("36 hours") == "PT36H", got  # the span up to the slump, not a day before it
    assert got["48 hours after the night"] == "2024-05-30", got  # the arrests, a family the next word names
    assert got["Forty-eight hours after the bank's three-day"] == "2024-05-16", got
    assert got["48 hours later"] == "2024-05-22", got
    assert got.get("36 hours") == "PT36H", got


@given(st.text(alphabet=st.sampled_from(list("aAjJnNuUsSeEkKıİſ\u212a 0123456789-.’'\nMondayMarch")), max_size=80))
@settings(max_examples=200, deadline=None)
def test_cased_trigger_scan_finds_the_ignore_case_spans(text: str) -> None:
    """The trigger words are found on the text's ASCII letters lowered: the same spans as ignoring
    case, also with the letters beyond ASCII that ignoring case takes for ASCII ones."""
    from storyline.time.grammar import _TRIGGER, _TRIGGERS

    assert [m.span() for m in _TRIGGERS.finditer(text)] == [m.span() for m in _TRIGGER.finditer(text)]


def test_every_rule_says_what_its_matches_need() -> None:
    """A rule missing from ``NEEDS`` would stop the scan (KeyError), one left there would linger."""
    from storyline.time.grammar import NEEDS, RULES

    assert set(NEEDS) == {name for name, _ in RULES}


def test_fall_is_a_season_only_where_a_season_is_expected(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Varnby's fall", "a fall in prices", "the fall of the regime" name no season; "in the fall",
    "last fall", "fall 2029" and "the fall of 2029" do."""
    text = ("Varnby's fall: how it happened. A fall in prices followed. The fall of the regime was sudden. "
            "Elections are due in the fall. He left last fall. It opened in fall 2029. The fall of 2029 was wet.")
    found = {t.text: t.value for t in tag_text(text, "2031-03-20", nlp)}
    assert found == {"the fall": "2031-FA", "last fall": "2030-FA", "fall 2029": "2029-FA",
                     "The fall of 2029": "2029-FA"}, found
