"""What relative expressions count from, and the intervals modifiers leave (red-team findings 6-8).

Every sentence here is written for the test; none comes from a real article.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import PublishedDate, TimeExpr
from storyline.time import analyze_times, interval, tag_text
from storyline.time.lexicon import CHRONOLOGY_LABEL
from storyline.time.resolve import Partial, _thirds
from storyline.time.tagger import _CLOCK_LED, _in_chronology


def by_text(nlp, text: str, dct: str | None) -> dict[str, TimeExpr]:  # type: ignore[no-untyped-def]
    return {t.text: t for t in tag_text(text, dct, nlp)}


# ---- anaphora count from the latest day named, even without its year -------------------------


def test_previous_day_counts_from_a_yearless_date_not_an_older_full_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ferry line opened on March 2, 2019. Its last crossing left on Nov. 13; the previous day, "
        "the crew had been told. Two days later the port closed."
    )
    found = by_text(nlp, text, None)
    assert found["Nov. 13"].value == "XXXX-11-13"
    assert found["the previous day"].value == "XXXX-11-12"
    assert found["the previous day"].anchor == "XXXX-11-13"
    assert found["the previous day"].anchor_kind == "discourse"
    assert found["Two days later"].value == "XXXX-11-14"


def test_a_dated_section_heading_not_the_reports_lede_rules_its_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    """An explainer opens on its latest news ("was sentenced on Friday afternoon") and then tells
    the story by dated sections ("Thursday 17 September: arrests"): a clock time and "48 hours
    later" in the paragraphs under a heading count from the heading's day, not the lede's."""
    text = ("Tomas Brell was sentenced to life on Friday afternoon.\n\n"
            "Thursday 17 September: arrests\n\n"
            "Brell was arrested at his flat shortly after 6am.\n\n"
            "The charge\n\n"
            "48 hours later he was charged with murder.")
    found = by_text(nlp, text, "2031-11-15")
    assert found["Friday afternoon"].value == "2031-11-14TAF"
    assert found["6am"].value == "2031-09-17T06:00"
    assert found["48 hours later"].value == "2031-09-19"


def test_a_narrated_evening_and_the_day_after_it_count_from_the_day_told_not_the_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    """A court report (its lede on the trial's Monday) retells the night of the crime: "at 21:14 that
    evening" in a new paragraph is that night's, and "the following evening" the day after it."""
    text = ("The trial of Tomas Brell opened on Monday.\n\n"
            "The prosecutor said Ms Lind got into his van at 18:52 on Friday 12 September.\n\n"
            "His phone connected to a mast near the reservoir at 21:14 that evening.\n\n"
            "Her mother reported her missing the following evening.")
    found = by_text(nlp, text, "2031-10-13")
    assert found["21:14"].value == "2031-09-12T21:14"
    assert found["the following evening"].value == "2031-09-13TEV"


def test_previous_day_after_a_bare_weekday_stays_a_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The bridge was finished on May 5, 2021. On Thursday the mayor opened it; the previous day, engineers tested it."
    found = by_text(nlp, text, None)
    assert found["Thursday"].value == "XXXX-WXX-4"
    assert found["the previous day"].value == "XXXX-WXX-3"
    assert found["the previous day"].earliest is None


def test_previous_day_after_a_weekday_in_a_known_year(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "On Thursday the festival opened; the following day it rained.", "2023")
    assert found["Thursday"].value == "2023-WXX-4"
    assert found["the following day"].value == "2023-WXX-5"


def test_a_full_date_after_the_yearless_one_takes_over(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The fair opened on Nov. 13. It closed on December 2, 2022, and the next day the tents came down."
    found = by_text(nlp, text, None)
    assert found["the next day"].value == "2022-12-03"


def test_same_year_skips_a_yearless_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The museum was founded in June 2010. On Wednesday its director spoke; it expanded in October of the same year."
    found = by_text(nlp, text, None)
    assert found["October of the same year"].value == "2010-10"


def test_partial_anchor_masks_what_the_text_never_gave() -> None:
    md = Partial.parse("XXXX-12-31")
    assert md is not None and md.mask("2002-01-01") == "XXXX-01-01"
    assert md.mask("2001-W52") == "XXXX-WXX" and md.mask("2002") == "XXXX"
    wd = Partial.parse("XXXX-WXX-7T10:00")
    assert wd is not None and wd.weekday_only
    assert wd.mask("2001-06-11") == "XXXX-WXX-1"
    assert Partial.parse("2024-06-19") is None and Partial.parse("XXXX-XX") is None


# ---- "a week later" after a day is a day --------------------------------------------------------


def test_weeks_and_days_later_from_a_day_give_a_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The strike began on April 15, 2025. A week later the union met. Two days later it voted, "
        "and a month later the strike ended."
    )
    found = by_text(nlp, text, "2025-07-01")
    week = found["A week later"]
    assert (week.value, week.earliest, week.latest) == ("2025-04-22", "2025-04-22", "2025-04-22")
    assert found["Two days later"].value == "2025-04-24"
    month = found["a month later"]
    assert (month.value, month.earliest, month.latest) == ("2025-05", "2025-05-01", "2025-05-31")


def test_weeks_later_from_a_month_stays_coarse(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "The levee broke in March 2021. Three weeks later the water receded.", "2025-07-01")
    assert found["Three weeks later"].value == "XXXX-WXX"


# ---- seasons and position modifiers ---------------------------------------------------------------


def test_this_spring_in_january_is_the_coming_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert by_text(nlp, "The new line will open this spring.", "2025-01-20")["this spring"].value == "2025-SP"
    assert by_text(nlp, "The new line is due this spring.", "2025-01-20")["this spring"].value == "2025-SP"


def test_this_spring_in_a_past_clause_is_the_latest_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert by_text(nlp, "The line opened this spring.", "2025-01-20")["this spring"].value == "2024-SP"
    assert by_text(nlp, "The line opened this spring.", "2025-06-20")["this spring"].value == "2025-SP"
    assert by_text(nlp, "The lake froze this winter.", "2025-03-10")["this winter"].value == "2024-WI"


def test_early_mid_late_narrow_the_interval(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The dam was planned in late 2024, its design fixed in early 2023 and its funds voted in mid-June."
    found = by_text(nlp, text, "2025-07-01")
    late = found["late 2024"]
    assert (late.value, late.mod, late.earliest, late.latest) == ("2024", "END", "2024-09-01", "2024-12-31")
    assert (found["early 2023"].earliest, found["early 2023"].latest) == ("2023-01-01", "2023-04-30")
    assert (found["mid-June"].earliest, found["mid-June"].latest) == ("2025-06-11", "2025-06-20")


def test_earlier_this_year_and_month_end_at_the_document_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rents rose earlier this year, fell earlier this month and will rise again later this year."
    found = by_text(nlp, text, "2025-05-14")
    assert (found["earlier this year"].earliest, found["earlier this year"].latest) == ("2025-01-01", "2025-05-14")
    assert (found["earlier this month"].earliest, found["earlier this month"].latest) == ("2025-05-01", "2025-05-14")
    assert (found["later this year"].earliest, found["later this year"].latest) == ("2025-05-14", "2025-12-31")
    assert found["earlier this year"].value == "2025"


@given(
    st.dates(date(1900, 1, 1), date(2099, 12, 31)),
    st.integers(0, 400),
    st.sampled_from(["START", "MID", "END"]),
)
def test_thirds_are_inside_and_never_empty(lo: date, span: int, mod: str) -> None:
    from datetime import timedelta

    hi = lo + timedelta(days=span + 2)
    a, b = _thirds(lo, hi, mod)
    assert lo <= a <= b <= hi


# ---- undated texts: the writing year only on evidence ---------------------------------------------


def test_undated_text_that_goes_past_its_dates_leaves_the_year_open(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The canal company was founded in June 2019. Two months later, its first barge sailed. "
        "Earlier this year it said the canal could close."
    )
    pub, times = analyze_times(doc, PublishedDate())
    assert (pub.value, pub.source, pub.earliest) == (None, "inferred", "2019-08-01")
    found = {t.text: t.value for t in times}
    assert found["Two months later"] == "2019-08"
    assert found["Earlier this year"] == "XXXX"


def test_undated_text_assumed_year_is_said_in_the_note(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The orchestra toured in May 2021 and recorded in September 2022. Its director left earlier this year.")
    pub, times = analyze_times(doc, PublishedDate())
    assert (pub.value, pub.earliest) == ("2022", "2022-09-01")
    assert pub.note is not None and "assumed" in pub.note
    assert {t.text: t.value for t in times}["earlier this year"] == "2022"


def test_a_date_ahead_in_an_infinitive_bounds_no_writing_date(nlp) -> None:  # type: ignore[no-untyped-def]
    """"cash enough to fund the work into 2034" and "agreed to repay it by 2033" may lie after the
    writing: the text's own dates bound it (May 2030), and no upper bound is set either."""
    doc = nlp("The mill opened in May 2030. It reported cash of 40 million crowns, enough by its own estimate to "
              "fund the work into 2034. The owners agreed to repay the loan by 2033.")
    pub, _ = analyze_times(doc, PublishedDate())
    assert (pub.value, pub.earliest, pub.latest) == ("2030", "2030-05-01", None), pub
    # ... while a done act in an infinitive ("managed to reopen the mill in June 2031") bounds it
    doc = nlp("The mill opened in May 2030. The owners managed to reopen it in June 2031.")
    assert analyze_times(doc, PublishedDate())[0].earliest == "2031-06-01"


def test_a_bare_year_of_a_present_tense_clause_bounds_no_writing_date(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Its lease runs until 2047" and "the register lists nothing until 1962" say nothing of
    when the text was written: the mill's May 2030 bounds it, not 2047."""
    doc = nlp("The mill opened in May 2030. Its lease on the site runs until 2047.")
    pub, _ = analyze_times(doc, PublishedDate())
    assert (pub.value, pub.earliest) == ("2030", "2030-05-01"), pub
    doc = nlp("The mill opened in May 2030. The register lists an owner in 1931 and then nothing until 1962.")
    assert analyze_times(doc, PublishedDate())[0].earliest == "2030-05-01"


def test_the_period_a_plan_covers_bounds_no_writing_date(nlp) -> None:  # type: ignore[no-untyped-def]
    """"will examine every contract from the start of 2026 to the end of 2033" says what the
    plan covers, not when it is done: the text is not dated before 2033 by it."""
    doc = nlp("The board met in May 2030. It will examine every contract from the start of 2026 to the end of 2033.")
    pub, _ = analyze_times(doc, PublishedDate())
    assert (pub.earliest, pub.latest) == ("2030-05-01", None), pub
    # a plan's own date still bounds it
    doc = nlp("The board met in May 2030. It will meet again in March 2033.")
    assert analyze_times(doc, PublishedDate())[0].latest is not None


def test_what_a_plan_counts_from_bounds_the_writing_date_from_below(nlp) -> None:  # type: ignore[no-untyped-def]
    """"would examine every login since January 2029": what a plan counts from has begun, and
    bounds the writing date from below, not from above."""
    doc = nlp("The scanners were installed in May 2027. The auditors would examine every login since January 2029.")
    pub, _ = analyze_times(doc, PublishedDate())
    assert pub.earliest == "2029-01-01" and pub.latest is None, pub


def test_dated_intervals_are_ordered(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In late 2023, early this month, later in the year and in mid-2020 the plans changed."
    for t in tag_text(text, "2024-06-19", nlp):
        lo, hi = interval(t.value)
        if t.earliest and t.latest and lo and hi:
            assert lo <= t.earliest <= t.latest <= hi


def test_a_deadline_just_ahead_is_the_coming_month_even_in_a_past_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    assert by_text(nlp, "The regulator gave the bidder until mid-November to reply.", "2024-10-05")["mid-November"].value == "2024-11"
    assert by_text(nlp, "The bank extended its credit line through January.", "2024-11-20")["January"].value == "2025-01"
    assert by_text(nlp, "The firm changed its fiscal year in December.", "2024-10-05")["December"].value == "2023-12"


def test_until_a_weekday_is_the_coming_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2024-06-17 is a Monday
    found = by_text(nlp, "The agency gave the owners until 9 a.m. Tuesday to sign the paper.", "2024-06-17")
    assert found["9 a.m. Tuesday"].value == "2024-06-18T09:00"
    assert by_text(nlp, "The council met on Tuesday.", "2024-06-17")["Tuesday"].value == "2024-06-11"


def test_since_looks_back(nlp) -> None:  # type: ignore[no-untyped-def]
    assert by_text(nlp, "Prices have doubled since December.", "2024-10-05")["December"].value == "2023-12"
    assert by_text(nlp, "The road has been shut since Nov. 20.", "2024-10-05")["Nov. 20"].value == "2023-11-20"
    assert by_text(nlp, "The road has been shut since Sept. 20.", "2024-10-05")["Sept. 20"].value == "2024-09-20"


def test_a_year_in_passing_does_not_anchor_the_following_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The levee failed on Tuesday. It had been built in 1998. The following day, crews arrived."
    assert by_text(nlp, text, None)["The following day"].value == "XXXX-WXX-3"
    text = "The levee failed on March 4, 2025. It had been built in 1998. The following day, crews arrived."
    assert by_text(nlp, text, None)["The following day"].value == "2025-03-05"


def test_until_opening_a_sentence_bounds_a_past_state(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2024-06-21 is a Friday
    found = by_text(nlp, "Until Thursday, the police had not named him.", "2024-06-21")
    assert found["Thursday"].value == "2024-06-20"


def test_the_tense_of_scheduling_words_and_past_inability(nlp) -> None:  # type: ignore[no-untyped-def]
    """'is due Friday' and 'is expected Saturday' look ahead; 'found they could not log in ... on
    Sunday' looks back (a negated 'could' under a past verb is past inability, not a plan)."""
    wed, mon = "2031-07-09", "2031-09-08"  # a Wednesday, a Monday
    assert by_text(nlp, "The report is due Friday, officials said.", wed)["Friday"].value == "2031-07-11"
    assert by_text(nlp, "The vote is expected Saturday.", wed)["Saturday"].value == "2031-07-12"
    found = by_text(nlp, "Staff found they could not log in to the network at about 3:15 a.m. on Sunday.", mon)
    assert found["3:15 a.m. on Sunday"].value == "2031-09-07T03:15"
    assert by_text(nlp, "He said talks could resume on Sunday.", mon)["Sunday"].value == "2031-09-14"
    # "is unlikely to ... before Friday": the infinitive under "likely" / "unlikely" looks ahead
    assert by_text(nlp, "If it goes to trial, it is unlikely to do so before Friday.", wed)["Friday"].value == "2031-07-11"
    # a gerund in a prepositional phrase is no clause of its own: "intends to go back to canvassing
    # on Sunday" is the plan's coming Sunday, not the last one
    said = "She intends to go back to canvassing on Sunday in the docks, her office said on Wednesday."
    assert by_text(nlp, said, wed)["Sunday"].value == "2031-07-13"
    assert by_text(nlp, "He died after collapsing on Sunday.", wed)["Sunday"].value == "2031-07-06"
    # a date a past act sets ("fixed the hearing for 2 October") is ahead of it
    fixed = "On Friday a judge fixed the hearing for 2 October."
    assert by_text(nlp, fixed, wed)["2 October"].value == "2031-10-02"
    # and so is the date of an infinitive the setting verb governs ("set the trial to begin on ..."),
    # even seven months ahead; an infinitive after "moved to" (took steps) sets nothing
    for begin in ("A judge set their trial to begin on Feb. 3.", "The panel fixed the inquest to open on Feb. 3."):
        assert by_text(nlp, begin, wed)["Feb. 3"].value == "2032-02-03", begin
    moved = "The council moved to shut the depot on Feb. 3."
    assert by_text(nlp, moved, wed)["Feb. 3"].value == "2031-02-03"
    moved = "The agency moved the warning from amber to red on Feb. 3."
    assert by_text(nlp, moved, wed)["Feb. 3"].value == "2031-02-03"
    # a simple present act on a bare weekday is booked ahead ("face a magistrate on Friday"); a
    # reporting verb's or a state's present is not, nor is a dated day's ("follows a visit on
    # Friday 4 July": the tense only picks the year of a day and month)
    assert by_text(nlp, "The two men face a magistrate on Friday.", wed)["Friday"].value == "2031-07-11"
    assert by_text(nlp, "The union says on Friday it was never consulted.", wed)["Friday"].value == "2031-07-04"
    assert by_text(nlp, "The ruling follows a visit on Friday 4 July.", wed)["Friday 4 July"].value == "2031-07-04"
    # "is to meet on Friday" is an arrangement ahead; "the aim was to meet on Friday" is not read so
    assert by_text(nlp, "The union is to meet the minister on Friday.", wed)["Friday"].value == "2031-07-11"
    assert by_text(nlp, "The aim was to meet the minister on Friday.", wed)["Friday"].value == "2031-07-04"
    # what a speaker said it expected is ahead of the saying; a past expectation is not
    expected = "The ministry said it expected a full audit from the operator on Monday."
    assert by_text(nlp, expected, wed)["Monday"].value == "2031-07-14"
    assert by_text(nlp, "Police had expected trouble on Monday.", wed)["Monday"].value == "2031-07-07"
    # a participle's clause has its governor's tense
    ferry = "The council confirms that a shuttle bus will start running from Monday, replacing the tram."
    assert by_text(nlp, ferry, wed)["Monday"].value == "2031-07-14"


# ---- a bare clock time: the page's day by convention, the day before in doubt -------------------


def test_a_bare_clock_time_in_a_past_clause_may_be_the_night_before(nlp) -> None:  # type: ignore[no-untyped-def]
    signed = by_text(nlp, "The governor signed the order at 10:40 p.m.", "2030-04-08")["10:40 p.m."]
    assert signed.value == "2030-04-08T22:40"  # TimeML's value: the document's day
    assert (signed.earliest, signed.latest) == ("2030-04-07", "2030-04-08")
    meet = by_text(nlp, "The council will meet at 9 a.m.", "2030-04-08")["9 a.m."]
    assert (meet.earliest, meet.latest) == ("2030-04-08", "2030-04-09")


def test_a_clock_time_with_its_day_keeps_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "The governor signed the order at 10:40 p.m. Tuesday.", "2030-04-10")
    t = next(v for k, v in found.items() if "10:40" in k)
    assert t.earliest == t.latest == "2030-04-09"


def test_a_clock_time_takes_the_day_written_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """Not the day the previous sentence was on: "at 07:10 this morning", "14:20 on Wednesday 12 August"."""
    text = ("Gales kept the ferries in port from Sunday morning. The first boat sailed at 07:10 this morning. "
            "The alarm was raised at 14:20 on Wednesday 12 August 2030.")
    found = by_text(nlp, text, "2030-11-12")
    morning = next(v for k, v in found.items() if "07:10" in k)
    assert morning.value == "2030-11-12T07:10", found
    assert found["14:20 on Wednesday 12 August 2030"].value == "2030-08-12T14:20"


def test_a_number_and_a_half_of_a_unit_is_one_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "The outage ran on for around three and a half hours; the search took two and a half days.",
                    "2030-04-08")
    assert found["around three and a half hours"].value == "PT3H30M"
    assert found["around three and a half hours"].mod == "APPROX"
    assert found["two and a half days"].value == "P2DT12H"


def test_a_bare_clock_time_in_a_new_paragraph_is_on_the_day_the_report_opened_with(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Varrow weir gave way on Sunday morning after days of rain.\n\n"
            "Crews had found water seeping through its face on Saturday evening.\n\n"
            "The weir failed at about 9:40 a.m., the county said.")
    found = by_text(nlp, text, "2031-04-13")
    assert found["Saturday evening"].value.startswith("2031-04-12")
    assert found["9:40 a.m."].value.startswith("2031-04-13T09:40"), found["9:40 a.m."]
    # in the same paragraph the narrative is still on the day just named
    text = "Crews found water seeping through the weir on Saturday evening and called engineers at 9:40 p.m."
    assert by_text(nlp, text, "2031-04-13")["9:40 p.m."].value.startswith("2031-04-12T21:40")
    # a report that opens on the writing day's act about an earlier happening ("has today opened an
    # inquiry into the fire on Tuesday 10 March") opens on that happening: its clock times are its
    text = ("The Board has today opened an inquiry into the fire in the Varn Tunnel on Tuesday 10 March 2031.\n\n"
            "- At 10:47 a lorry stopped in the tunnel after smoke was seen coming from its engine.")
    assert by_text(nlp, text, "2031-03-12")["10:47"].value == "2031-03-10T10:47"


def test_last_monday_in_a_sunday_column_is_six_days_back(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2031-11-30 is a Sunday: the calendar's week begins that day, so Monday the 24th is last week's
    found = by_text(nlp, "The last ballots were counted last Monday.", "2031-11-30")
    assert found["last Monday"].value == "2031-11-24"
    # on a Wednesday this week's Monday would be named bare: "last Monday" is the week before
    assert by_text(nlp, "The last ballots were counted last Monday.", "2031-11-26")["last Monday"].value == "2031-11-17"


def test_last_weekday_three_days_back_or_more_is_the_one_just_past(nlp) -> None:  # type: ignore[no-untyped-def]
    """"last Wednesday" on a Saturday page is the Wednesday three days back, though it is of the
    same calendar week: a day one or two back would be named bare or as "yesterday"."""
    # 2031-11-29 is a Saturday
    found = by_text(nlp, "The committee questioned him last Wednesday.", "2031-11-29")
    assert found["last Wednesday"].value == "2031-11-26"
    assert by_text(nlp, "The committee questioned him last Thursday.", "2031-11-29")["last Thursday"].value == "2031-11-20"


def test_the_following_day_counts_from_the_act_a_teller_after_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Two men were arrested on Thursday, police said Friday. ... Both were released on bail the
    following day": the day after the arrests, not after the police spoke."""
    text = ("Two engineers were arrested on Thursday on suspicion of manslaughter, police said Friday. "
            "A detective said the men had been questioned at length. Both were released on bail the following day.")
    assert by_text(nlp, text, "2031-11-29")["the following day"].value == "2031-11-28"
    # a teller who leads may open a narrative of his own
    text = "Police said on Friday that two men had been arrested. The following day, both were released."
    assert by_text(nlp, text, "2031-11-29")["The following day"].value == "2031-11-29"


def test_units_ago_today_and_weeks_ago_name_a_day(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "A week ago today, the weir gave way. Two years ago today, the plant opened.", "2031-04-20")
    assert found["A week ago today"].value == "2031-04-13"
    assert found["Two years ago today"].value == "2029-04-20"
    assert by_text(nlp, "A fortnight ago today, the weir gave way.", "2031-04-20")["A fortnight ago today"].value == "2031-04-06"
    # a week ago names that day too; a loose count of weeks names the week
    assert by_text(nlp, "A week ago, the weir gave way.", "2031-04-20")["A week ago"].value == "2031-04-13"
    assert by_text(nlp, "Four weeks ago, the weir gave way.", "2031-04-20")["Four weeks ago"].value == "2031-03-23"
    assert by_text(nlp, "Nearly three weeks ago, the weir gave way.", "2031-04-20")["Nearly three weeks ago"].value.startswith("2031-W")
    # a column's "tonight" or "this morning" names that day too
    assert by_text(nlp, "Four weeks ago tonight, the weir gave way.", "2031-04-20")["Four weeks ago tonight"].value == "2031-03-23"
    assert by_text(nlp, "Two weeks ago this morning, the weir gave way.", "2031-04-20")["Two weeks ago this morning"].value == "2031-04-06"


def test_a_live_entrys_clock_time_is_on_the_pages_day_not_the_day_an_entry_talked_about(nlp) -> None:  # type: ignore[no-untyped-def]
    """A clock time opening its line stamps a live entry: it falls under the page's latest day
    line, else the page's date, even when an earlier entry told what happened yesterday."""
    text = ("Saturday 9 August 2031\n\n"
            "06:30 Good morning. The Tessel dyke broke shortly after 2am yesterday.\n\n"
            "08:15 Pumps have arrived from the coast.\n\n"
            "Sunday 10 August 2031\n\n"
            "07:05 The water has begun to fall.")
    found = by_text(nlp, text, "2031-08-09")
    assert found["2am yesterday"].value.startswith("2031-08-08")
    assert found["08:15"].value == "2031-08-09T08:15", found["08:15"]
    assert found["07:05"].value == "2031-08-10T07:05", found["07:05"]
    # without day lines, the page's own date
    found = by_text(nlp, "06:30 The dyke broke at 2am yesterday.\n\n08:15 Pumps have arrived.", "2031-08-09")
    assert found["08:15"].value == "2031-08-09T08:15"


def test_a_chronologys_clock_times_are_on_the_day_the_text_told(nlp) -> None:  # type: ignore[no-untyped-def]
    """A release's "Timeline of the response (all times UTC)" lists clock times of the day it told
    before the list, not entries written on the page's day as a live page's are."""
    text = ("The port authority today publishes an account of its response to the fire aboard a ferry on "
            "Monday 4 August 2031.\n\nTimeline of the response (all times UTC)\n\n"
            "01:50 - The bridge reports smoke in the car deck.\n\n03:15 - The last passenger is taken off.")
    found = by_text(nlp, text, "2031-08-08")
    assert found["01:50"].value == "2031-08-04T01:50", found["01:50"]
    assert found["03:15"].value == "2031-08-04T03:15", found["03:15"]


def _walk_back(text: str, line: int) -> bool:
    """The plain reading of a chronology item: walk up past blank and clock-led lines; the first
    other line decides (a label such as "Timeline" or not)."""
    end = line
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        above = text[start:end].strip()
        if above and not _CLOCK_LED.match(above):
            return bool(CHRONOLOGY_LABEL.match(above))
        end = start
    return False


_LINES = st.sampled_from(["", "  ", "Timeline", "Key dates:", "The crew left.", "09:40 Smoke seen.",
                          " 23.15 - Doors shut", "Chronology (all times local)", "Update"])


@given(st.lists(_LINES, max_size=12))
def test_chronology_items_read_in_one_pass_as_by_walking_back(lines: list[str]) -> None:
    """The one-pass reading of which lines are chronology items agrees with walking back from each."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for start in starts:
        assert _in_chronology(text, start) == _walk_back(text, start), (text, start)


def test_a_live_entry_written_after_midnight_is_on_the_next_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """Newest entries on top: read bottom up, the clock falls from 23:10 to 00:40, so the two
    top entries were written on the day after the page's day line, and their own "on Friday" and
    "tomorrow" count from that day."""
    text = ("Live coverage, Thursday 9 April 2037\n\n"
            "01:20 The jet touched down at the capital at 1:20 on Friday morning.\n\n"
            "00:40 The minister has arrived at the airfield. The talks resume tomorrow.\n\n"
            "23:10 The jet has taken off.\n\n"
            "21:30 The ministry has published its statement.\n\n"
            "19:05 The prisoners have crossed the apron.")
    found = by_text(nlp, text, "2037-04-09")
    assert found["01:20"].value == "2037-04-10T01:20", found["01:20"]
    assert found["1:20 on Friday morning"].value == "2037-04-10T01:20", found["1:20 on Friday morning"]
    assert found["tomorrow"].value == "2037-04-11"
    assert found["23:10"].value == "2037-04-09T23:10"
    assert found["19:05"].value == "2037-04-09T19:05"
    # oldest first, the same: the clock falls from 23:50 to 00:15
    found = by_text(nlp, "21:00 Crowds gather.\n\n23:50 The gates close.\n\n00:15 The count begins.\n\n"
                         "01:05 The first result is in.", "2037-04-09")
    assert found["23:50"].value == "2037-04-09T23:50"
    assert found["00:15"].value == "2037-04-10T00:15" and found["01:05"].value == "2037-04-10T01:05"


def test_stamp_days_reads_the_pages_order_and_ends_a_run_at_a_day_line() -> None:
    from storyline.time.tagger import stamp_days

    text = "09:00 A.\n10:30 B.\n09:45 C, a late entry out of order.\n11:00 D.\nFriday 10 April\n00:10 E.\n08:00 F."
    days = dict(stamp_days(text))
    assert set(days.values()) == {0}  # a small fall is an entry out of order, not a night
    # two stamps are too few to say which way a page runs
    assert stamp_days("23:10 A.\n00:40 B.") == []


def test_a_clock_time_last_night_is_on_the_day_before_the_page(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "07:20 The storm came ashore at 23:40 last night near the point.", "2031-10-08")
    assert found["23:40 last night"].value == "2031-10-07T23:40", found



def test_a_british_clock_time_with_a_dot_keeps_its_minutes_and_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"at 5.40am this morning", "at around 2.10am last Sunday": the dotted minutes of British copy
    are a clock time; a bare "07.40" or a decimal is not."""
    found = by_text(nlp, "A patrol found the van at 5.40am this morning. The fire broke out at around 2.10am last "
                         "Sunday. Shares closed 12.45 higher, and the ferry left at 07.40 on Monday.", "2031-10-08")
    assert found["5.40am this morning"].value == "2031-10-08T05:40", found
    assert found["2.10am last Sunday"].value == "2031-10-05T02:10", found
    assert not any("12.45" in text or "07.40" in text for text in found), found


def test_a_small_hours_clock_time_after_an_evening_one_is_on_the_next_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"at 6.40pm on Monday ... at 2.12am": the night ran on past midnight; a morning clock time
    after a morning one stays on its day."""
    found = by_text(nlp, "At about 6.40pm on Monday 6 October, a keeper locked the pen. A camera filmed the animal "
                         "at 2.12am, a mile away. On Tuesday 7 October the vet arrived at 09:00 and left by 11:30.",
                    "2031-10-08")
    assert found["2.12am"].value == "2031-10-07T02:12", found
    assert found["11:30"].value == "2031-10-07T11:30", found


def test_the_day_before_ended_by_the_next_clause_counts_from_the_day_told(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_text(nlp, "She was jailed yesterday. Her trial had opened the day before and lasted a day and a half.",
                    "2031-04-01")
    assert found["the day before"].value == "2031-03-30", found


def test_a_clock_time_before_the_day_it_falls_on_is_on_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"did not take off until 05:40 the following day": the clock is on the day after the one told
    before it, not on that day."""
    found = by_text(nlp, "The crew was called out on Friday 9 May 2031. The boat was launched at 22:10 but did "
                         "not reach the island until 04:50 the following day.", "2031-05-20")
    assert found["22:10"].value == "2031-05-09T22:10"
    assert found["04:50"].value == "2031-05-10T04:50"


def test_the_year_at_the_end_of_a_range_is_its_starts_too(nlp) -> None:  # type: ignore[no-untyped-def]
    """"from 18 January until 26 February 2032" on a summer page: the start is in 2032 too, and
    "from 12 December to 4 January 2032" starts the December before; two dates that are no range
    ("on 18 January and on 26 February 2032") keep their own readings."""
    summer = "2031-07-30"
    hearing = by_text(nlp, "The court has reserved hearing days from 18 January until 26 February 2032.", summer)
    assert hearing["18 January"].value == "2032-01-18"
    works = by_text(nlp, "The line is closed from 12 December to 4 January 2032.", summer)
    assert works["12 December"].value == "2031-12-12"
    met = by_text(nlp, "The panel met on 18 January and on 26 February 2032.", summer)
    assert met["18 January"].value == "2031-01-18"


def test_a_present_modal_passive_on_a_weekday_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Monday: what "can be lodged" or "must be paid" on a weekday is ahead; what
    # "could be seen" then is not
    found = by_text(nlp, "Claims can be lodged from 08:00 on Tuesday. The fee must be paid by Friday.", "2031-06-30")
    assert found["08:00 on Tuesday"].value == "2031-07-01T08:00"
    assert found["Friday"].value == "2031-07-04"
    assert by_text(nlp, "The ship could be seen on Tuesday, a witness said.", "2031-06-30")["Tuesday"].value == "2031-06-24"


def test_a_weekday_ending_the_complement_before_its_teller_dates_the_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Thursday: "is due in court Friday, X said" is the coming Friday (the parser hangs
    # the day on "said"); a day after the teller dates the saying
    assert by_text(nlp, "She is due to appear in court Friday, Mellish said.", "2031-06-26")["Friday"].value == "2031-06-27"
    found = by_text(nlp, "The boat was found Sunday, the coastguard said Monday.", "2031-06-26")
    assert (found["Sunday"].value, found["Monday"].value) == ("2031-06-22", "2031-06-23")


def test_a_participle_of_the_object_has_the_clause_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Friday: "will scan every crate arriving ... from 08:00 on Tuesday" is ahead
    s = "The airport will put every cargo consignment arriving from Norlandia through a new scanner from 08:00 on Tuesday, the operator has said."
    assert by_text(nlp, s, "2031-06-27")["08:00 on Tuesday"].value == "2031-07-01T08:00"


def test_a_clock_time_on_a_relative_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Wednesday
    found = by_text(nlp, "Staff walk out from 06:00 next Wednesday. The vote closed at 17:00 last Friday.", "2031-06-25")
    assert found["06:00 next Wednesday"].value == "2031-07-02T06:00"
    assert found["17:00 last Friday"].value == "2031-06-20T17:00"


def test_for_some_days_before_a_happening_is_a_length_not_a_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # the outbreak's day is known, but "for 19 days before the outbreak" says how long, not when
    found = by_text(nlp, "The outbreak began on 10 March. The chiller had been out of service for 19 days before "
                         "the outbreak. It was repaired 19 days after the outbreak.", "2031-04-02")
    lengths = [t for t in found.values() if t.type == "DURATION"]
    assert [t.text for t in lengths] == ["19 days"], found
    assert any(t.type == "DATE" and t.text.startswith("19 days after") for t in found.values()), found


def test_a_present_act_at_a_clock_time_on_a_bare_weekday_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Monday: "meets from 10:00 on Tuesday" is booked; "met at 10:00 on Tuesday" was
    assert by_text(nlp, "The board meets from 10:00 on Tuesday to decide.", "2031-06-30")["10:00 on Tuesday"].value == "2031-07-01T10:00"
    assert by_text(nlp, "The board met at 10:00 on Tuesday.", "2031-06-30")["10:00 on Tuesday"].value == "2031-06-24T10:00"


def test_an_infinitive_of_a_present_clause_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Friday: "remains on track to lift off on Saturday" is the coming Saturday
    s = "The uncrewed freighter remains on track to lift off from the spaceport on Saturday, with the window opening at 08:00."
    assert by_text(nlp, s, "2031-06-27")["Saturday"].value == "2031-06-28"


def test_a_call_to_march_on_a_weekday_is_ahead_though_the_parser_reads_a_month(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Saturday: "called supporters to march ... on Sunday" sets the march ahead
    s = ("Meanwhile, the Green Square coalition has called supporters to march from Harbour Square to the Supreme "
         "Court building on Sunday, eight days after a rally.")
    assert by_text(nlp, s, "2031-06-28")["Sunday"].value == "2031-06-29"
    assert by_text(nlp, "The coalition marched to the court on Sunday.", "2031-06-28")["Sunday"].value == "2031-06-22"


def test_a_present_passive_infinitive_and_a_present_orders_subjunctive_are_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Monday: what a club "is required to" do and what an order says "be played" are to come
    s = "The club is required to stop all ticket sales for the fixture from 08:00 on Tuesday."
    assert by_text(nlp, s, "2031-06-30")["08:00 on Tuesday"].value == "2031-07-01T08:00"
    s = "The panel orders that the club's next home game, against a rival on Saturday, be played behind closed doors."
    assert by_text(nlp, s, "2031-06-30")["Saturday"].value == "2031-07-05"
    # ... a past order's subjunctive may be past, a past requirement is
    assert by_text(nlp, "The club was required to stop ticket sales on Tuesday.", "2031-06-30")["Tuesday"].value == "2031-06-24"


def test_what_a_present_perfect_agreed_to_and_a_day_set_as_a_start_are_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Thursday: the court "has agreed to hear" the case next Tuesday; "has managed to"
    # tells a done act
    s = "The court has agreed to hear the case on Tuesday, an unusually fast timetable."
    assert by_text(nlp, s, "2031-01-23")["Tuesday"].value == "2031-01-28"
    s = "The board has managed to reopen the mine on Tuesday."
    assert by_text(nlp, s, "2031-01-23")["Tuesday"].value == "2031-01-21"
    # a day a setting verb names as something is what it set, however the parser hangs it
    s = "At a review hearing on Friday, the coroner set 14 September as the start of the full inquest."
    assert by_text(nlp, s, "2031-04-19")["14 September"].value == "2031-09-14"
    assert by_text(nlp, "The judge set bail on Monday as the lawyers watched.", "2031-04-19")["Monday"].value == "2031-04-14"
    # ... but a deadline a past perfect "had set" may have passed: the resolver reads it
    s = "The agency had ruled that the boy must go home, and set Friday as the deadline for his return."
    assert by_text(nlp, s, "2031-04-19")["Friday"].value == "2031-04-18"


def test_a_thing_set_on_fire_is_past_and_a_when_clause_under_should_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Tuesday: a mast "was set on fire Sunday, police said Monday" burned last Sunday;
    # "set for Thursday" is still ahead
    s = "A mobile mast was set on fire Sunday, police said Monday, adding that they were looking for three men."
    assert by_text(nlp, s, "2031-03-11")["Sunday"].value == "2031-03-09"
    assert by_text(nlp, "The vote was set for Thursday, officials said.", "2031-03-11")["Thursday"].value == "2031-03-13"
    # written on a Monday: a simple present in a "when" clause under "should" is the coming day
    s = "When the minister appears before the health committee on Tuesday, members should ask him three things."
    assert by_text(nlp, s, "2031-03-24")["Tuesday"].value == "2031-03-25"
    s = "When the minister appeared before the health committee on Tuesday, members asked him three things."
    assert by_text(nlp, s, "2031-03-24")["Tuesday"].value == "2031-03-18"


def test_what_is_expected_now_and_a_day_with_its_booking_in_a_when_clause_are_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # written on a Wednesday: "we expect most customers to be reconnected by Friday" is the coming
    # Friday (the parser makes the infinitive with its own subject a clausal complement); "expected
    # ... by Friday" told in the past is the resolver's to read
    s = '"We expect most customers to be reconnected by Friday, but some rural lines may take longer."'
    assert by_text(nlp, s, "2031-03-12")["Friday"].value == "2031-03-14"
    # written on a Tuesday: hearings "continue on Wednesday, when the chief executive is due to give
    # evidence": the day's own clause books it; without it the present is the resolver's
    s = "Hearings continue on Wednesday, when the company's chief executive is due to give evidence."
    assert by_text(nlp, s, "2031-04-15")["Wednesday"].value == "2031-04-16"
    s = "The hearing opened on Wednesday, when the chief executive was due to give evidence."
    assert by_text(nlp, s, "2031-04-15")["Wednesday"].value == "2031-04-09"


def test_a_participle_under_a_future_attempt_looks_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Crews will attempt to lift the first of the containers carrying resin on Thursday": the
    participle's clause is the lift's, whose "will" is the attempt's; so is a clause under "will
    be able to" ("depositors will be able to withdraw ... from 08:00 on Tuesday")."""
    found = by_text(nlp, "Salvage crews will attempt to lift the first of the three containers carrying resin pellets "
                         "on Thursday, weather permitting.", "2031-03-18")  # a Tuesday
    assert found["Thursday"].value == "2031-03-20"
    found = by_text(nlp, "During the freeze, savers will be able to withdraw up to 400 crowns per week for living costs "
                         "from 08:00 on Tuesday.", "2031-03-07")  # a Friday
    assert found["08:00 on Tuesday"].value == "2031-03-11T08:00"


def test_a_day_after_a_preposition_read_as_a_particle_is_when_the_act_was_done(nlp) -> None:  # type: ignore[no-untyped-def]
    """"The charges, brought on 19 March against ...": the parser reads "brought on" as a phrasal
    verb and the day as its object, but the day is when the charges were brought, not a day the
    verb sets ahead ("brought the vote forward to 2 April" still does)."""
    found = by_text(nlp, "The charges, brought on 19 March against the harbour company and its owner, were heard for "
                         "the first time in the district court this week.", "2031-03-27")
    assert found["19 March"].value == "2031-03-19"


def test_the_following_day_counts_from_the_narrative_not_a_restrictive_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """A restrictive relative clause on a thing ("the files that the Gazette published on 10 February")
    tells which thing, not what happened next: "the following day" counts from the sentence's own
    day. A clause set off by commas on a person does narrate ("Brask, who was detained on 8 May,
    was brought before a judge the following day"), and so does one whose noun does the act ("the
    blast that tore open the main on Monday night. The following day, ...")."""
    text = ("On Thursday she became the best-known clerk in the country. Officers detained her on suspicion of "
            "leaking the files that the Gazette first published on 10 February. The following day, a judge ordered "
            "her held for 30 days.")
    assert by_text(nlp, text, "2031-02-22")["The following day"].value == "2031-02-21"  # Thursday 20 February
    found = by_text(nlp, "Brask, who was detained on 8 May, was brought before a judge the following day.", "2031-05-18")
    assert found["the following day"].value == "2031-05-09"
    found = by_text(nlp, "Inspectors opened an inquiry on Wednesday into the blast that tore open the gas main on Monday "
                         "night. The following day, the ministry ordered factories to cut their use.", "2031-03-14")
    assert found["The following day"].value == "2031-03-11"
    # inside the clause, its own day is the one to count from
    found = by_text(nlp, "It replaces the voluntary recall that the maker launched on 15 January and widened four days "
                         "later.", "2031-02-02")
    assert found["four days later"].value == "2031-01-19"
    # ... and a report may open on it: a clock time of a later paragraph is of that day
    found = by_text(nlp, "I have never seen the race the way it was on Sunday. It was never properly stopped.\n\n"
                         "At 12:05 the runners behind the 30-kilometre mark were told to get on buses.", "2031-05-23")
    assert found["12:05"].value == "2031-05-18T12:05"


def test_a_possessed_last_day_is_no_time_of_the_page(nlp) -> None:  # type: ignore[no-untyped-def]
    """"the fair's last day was called off the following day": the fair's last day is a noun
    phrase, not the day before the page; "the following day" counts from the date told before it.
    A place's possessive before "the following day" possesses nothing of it."""
    found = by_text(nlp, "The stand collapsed on 11 July, and the fair's last day was called off the following day.",
                    "2031-07-14")
    assert "last day" not in found
    assert found["the following day"].value == "2031-07-12"
    found = by_text(nlp, "The board met on 11 March, and the last of the pupils came home from St Ebba's the "
                         "following day.", "2031-03-20")
    assert found["the following day"].value == "2031-03-12"
