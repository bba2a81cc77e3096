"""Ages outlets give one person, read beside the name (an invented story, real extraction)."""

from __future__ import annotations

from storyline.model import Article, PublishedDate, content_hash
from storyline.pipeline import analyze_articles
from storyline.reconcile.attributes import attributes


def _article(name: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate("2031-05-06", "metadata", "2031-05-06", "2031-05-06"))


def test_ages_that_differ_between_articles_contradict_and_one_article_never_contradicts_itself() -> None:
    a1 = _article("k01_wire", "Orla Brennick, 52, a ferry pilot, was rescued on Tuesday. Tomas Velde, 40, was not.")
    a2 = _article("k02_paper", "The pilot, Orla Brennick, aged of 54 years, was taken to hospital on Tuesday. "
                               "Tomas Velde (40) stayed at the harbour.")
    a3 = _article("k03_radio", "The 52-year-old Orla Brennick thanked the crew on Wednesday.")
    report = analyze_articles([a1, a2, a3])
    aged = [c for c in report.conflicts if c.slot.startswith("quantity: age")]
    assert len(aged) == 1, [(c.slot, [v.value for v in c.values]) for c in report.conflicts]
    (conflict,) = aged
    assert conflict.kind == "contradiction"
    assert [v.value for v in conflict.values] == ["52", "54"]
    assert set(conflict.values[0].article_ids) == {a1.id, a3.id} and conflict.values[1].article_ids == [a2.id]
    assert conflict.best_supported == "52"
    for v in conflict.values:  # each age points at the figure in its article
        for aid, (s, e) in zip(v.article_ids, v.spans, strict=False):
            body = next(a.body for a in (a1, a2, a3) if a.id == aid)
            assert body[s:e] == v.value


def test_a_number_after_a_name_that_is_not_an_age_is_not_read_as_one() -> None:
    from storyline.extract import analyze_articles as extract

    a = _article("k04_wire", "Orla Brennick, 2021 winner of the pilots' prize, sailed on Tuesday with 300 passengers.")
    (analysis,) = extract([a])
    assert attributes(a, analysis) == []


def test_sizes_beside_a_name_contradict_beyond_rounding() -> None:
    a1 = _article("s01_wire", "The ferry struck the pier after the Vellmar Star, a 948-foot-long cargo ship, lost power.")
    a2 = _article("s02_paper", "The 947-foot-long Vellmar Star lost power before it struck the pier in Orrin.")
    a3 = _article("s03_blog", "The pier was struck by the Vellmar Star, a 984-foot-long vessel, on Tuesday.")
    report = analyze_articles([a1, a2, a3])
    sized = [c for c in report.conflicts if c.slot == "quantity: length in foot"]
    assert len(sized) == 1, [(c.slot, [v.value for v in c.values]) for c in report.conflicts]
    values = sized[0].values
    assert [v.value for v in values] == ["947", "984"] or [v.value for v in values] == ["948", "984"]
    assert set(values[0].article_ids) == {a1.id, a2.id}  # 947 and 948 feet: one length, rounded
    assert values[1].article_ids == [a3.id]


def test_how_long_a_happening_lasted_contradicts_beyond_vague_wording() -> None:
    from storyline.reconcile.durations import hours

    assert (hours("PT3H30M"), hours("P12D"), hours("PXD")) == (3.5, 288.0, None)
    a1 = _article("d01_wire", "The fire that had burned for about four hours was brought under control on Tuesday.")
    a2 = _article("d02_paper", "The fire at the depot burned for nearly six hours before crews put it out.")
    a3 = _article("d03_radio", "The fire burned for about four and a half hours. Crews stayed at the depot for two days.")
    a4 = _article("d04_blog", "The blackout lasted 12 days. Patients went to hospitals an hour away.")
    a5 = _article("d05_wire", "The blackout ended on Friday after nine days, and the crash site was cleared in two weeks.")
    report = analyze_articles([a1, a2, a3, a4, a5])
    lasted = {c.slot: [v.value for v in c.values] for c in report.conflicts if "duration" in c.slot}
    # about four (and a half) against nearly six hours, and nine against twelve exact days, contradict;
    # "an hour away", "in two weeks" and the crews' "two days" measure no happening
    assert lasted == {"quantity: duration of the fire": ["about four hours", "nearly six hours"],
                      "quantity: duration of the blackout": ["nine days", "12 days"]}, lasted


def test_a_reported_clauses_noun_is_what_lasts_not_the_hearing_that_heard_it() -> None:
    """"Judge X told a preliminary hearing that the trial would open on 14 September and was
    expected to last six weeks" measures the trial, as "The trial is expected to run for four
    weeks" does: a dispute of the trial's length, not the hearing's."""
    a1 = _article("j01_wire", "Judge Brennal Haakon told a preliminary hearing at Ulvar District Court that the trial "
                              "would open on 14 September and was expected to last six weeks.")
    a2 = _article("j02_paper", "The trial is expected to run for four weeks.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert lasted == {"quantity: duration of the trial": ["four weeks", "six weeks"]}, lasted


def test_the_time_between_two_happenings_is_compared_by_what_is_measured_and_from_what() -> None:
    """'issued 12 minutes before the flood reached' and 'sounded, five minutes before the flood
    reached' measure one warning's lead; the sirens' two minutes measure another thing."""
    a1 = _article("w01_wire", "The flood warning for Dunmere was issued 12 minutes before the flood reached the town.")
    a2 = _article("w02_paper", "The warning for Dunmere went out at 04:10, five minutes before the flood reached the first streets.")
    a3 = _article("w03_radio", "The sirens sounded two minutes before the flood reached the square.")
    a4 = _article("w04_blog", "The warning came about 11 minutes before the flood reached Dunmere.")
    report = analyze_articles([a1, a2, a3, a4])
    gaps = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "time of the" in c.slot}
    # twelve and "about 11" minutes agree; five do not
    assert list(gaps) == ["quantity: time of the warning before the flood"], gaps
    assert gaps["quantity: time of the warning before the flood"] in (["12 minutes", "five minutes"],
                                                                      ["about 11 minutes", "five minutes"]), gaps


def test_how_long_a_person_was_in_a_state_is_compared_per_person() -> None:
    a1 = _article("r01_wire", "Police caught Ivo Stranne in a barn on Friday. He had been on the run for 12 days.")
    a2 = _article("r02_portal", "Ivo Stranne, 41, had been on the run for nine days.")
    a3 = _article("r03_recap", "Ivo Stranne was caught after nearly two weeks at large. "
                               "Dara Keel was found after five days on the run.")
    report = analyze_articles([a1, a2, a3])
    lasted = {c.slot: [v.value for v in c.values] for c in report.conflicts if "duration" in c.slot}
    # twelve days and "nearly two weeks" agree; nine days does not; Keel's five days are his own
    assert list(lasted.values()) == [["nine days", "12 days"]], lasted


def test_how_long_a_person_was_buried_is_one_state_however_it_is_written() -> None:
    a1 = _article("b01_wire", "Ilse Varrow was pulled out alive on Wednesday after 14 hours under the snow.")
    a2 = _article("b02_portal", "Ilse Varrow, who was buried for 19 hours, left hospital on Friday.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["14 hours", "19 hours"]], lasted


def test_found_alive_after_a_while_is_how_long_the_person_was_trapped() -> None:
    """"was found alive in the shaft after nearly 30 hours" measures the time trapped that
    "had been trapped for some 41 hours" gives; found alive after no time in a place is nothing."""
    a1 = _article("t01_wire", "The miner Olek Varnby had been trapped for some 41 hours in the shaft.")
    a2 = _article("t02_paper", "The miner Olek Varnby was found alive in the shaft of the old pit after nearly "
                               "30 hours, having survived on rainwater.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["nearly 30 hours", "some 41 hours"]], lasted


def test_after_a_while_under_something_is_how_long_the_person_was_trapped() -> None:
    """"was brought out at about 3:10 a.m. after more than 15 hours under a tangle of steel
    tubes" measures the time "trapped for 11 hours" gives, though no list names the tangle."""
    a1 = _article("q01_wire", "Hanne Rosvik, 34, was brought out at about 3:10 a.m. after more than 15 hours under "
                              "a tangle of steel tubes and boards.")
    a2 = _article("q02_paper", "Hanne Rosvik was trapped for 11 hours before firefighters reached her.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["11 hours", "more than 15 hours"]], lasted


def test_how_long_a_liquid_ran_out_is_compared_per_thing() -> None:
    """"untreated sewage flowed into the lake for 19 hours" and "raw sewage gushed into the lake
    for nine hours" time one spill; the oil that leaked for two days is another thing's."""
    a1 = _article("c01_wire", "The utility admitted on Wednesday that untreated sewage flowed into Lake Orm for "
                              "19 hours after a pump failed.")
    a2 = _article("c02_tabloid", "Swimmers fell ill after raw sewage gushed into the lake for nine hours. "
                                 "Oil leaked from a barge nearby for two days.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["19 hours", "nine hours"]], lasted


def test_how_long_a_thing_was_out_of_action_is_compared_per_thing() -> None:
    """"the ticket machine had been out of action for 70 hours" and "the machine ... after being
    down for 48 hours" are one outage told two ways; the lift's ten hours are its own."""
    a1 = _article("s01_wire", "The ticket machine had been out of action for 70 hours, the operator said.")
    a2 = _article("s02_paper", "The machine was partially restarted on Tuesday, after being down for 48 hours. "
                               "The lift in the car park had been out of service for ten hours.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["48 hours", "70 hours"]], lasted


def test_how_long_a_screen_went_dark_is_the_subject_of_its_own_clause() -> None:
    """"viewers noticed that the broadcast went dark for nine seconds" and "an inquiry into why the
    broadcast went black for 19 seconds" time one blackout; the thing is the clause's subject,
    not the sentence's (the viewers, the inquiry)."""
    a1 = _article("d01_wire", "A watchdog has asked for an inquiry after viewers noticed that the live broadcast "
                              "of the jackpot draw went dark for nine seconds.")
    a2 = _article("d02_paper", "The raid follows a referral from the regulator, which has been investigating why the "
                               "live broadcast of the jackpot draw went black for 19 seconds.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["19 seconds", "nine seconds"]], lasted


def test_how_long_a_supply_lasts_is_one_measure_under_its_synonyms_and_what_is_left_another() -> None:
    """"had 72 hours of oxygen" and "carried life support for 80 hours" give one supply two ways;
    "about 24 hours of oxygen left" on a later day is what remained, not the supply."""
    a1 = _article("s01_wire", "The crew of the Vessa IV had 72 hours of oxygen when they dived on Tuesday.")
    a2 = _article("s02_portal", "The operator said the Vessa IV carried life support for 80 hours.")
    a3 = _article("s03_live", "The coastguard said the crew have about 24 hours of oxygen left.")
    report = analyze_articles([a1, a2, a3])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["72 hours", "80 hours"]], lasted


def test_how_long_an_adjournment_holds_is_compared_whatever_its_object_names() -> None:
    """"adjourned the fight over the estate on Tuesday for three weeks" and "adjourned the case for
    two weeks": one adjournment's length told two ways; a year naming which will ("the disputed
    2024 will") makes the sentence no history."""
    a1 = _article("a01_paper", "A judge adjourned the fight over Orwin Mellish's fortune on Tuesday for three weeks, "
                               "so that an expert can examine the signature on the disputed 2024 will.")
    a2 = _article("a02_radio", "Judge Idony Wynn adjourned the case for two weeks when it first came before her.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["three weeks", "two weeks"]], lasted


def test_time_held_in_a_cell_is_custody_and_time_served_is_another_measure() -> None:
    """"his sister, A B, said he had been held for more than 11 hours" (the pronoun is the man, not
    the sister) and "was kept in a cell at the station for 16 hours" are one custody told two ways;
    "spent 38 days in custody" is time served, no rival of a court's "held in custody for two
    months"."""
    a1 = _article("h01_paper", "Police arrested Corwen Wynn on Friday. His sister, Idony Wynn, said he had been held "
                               "for more than 11 hours.")
    a2 = _article("h02_paper", "Corwen Wynn, who was kept in a cell at the central station for 16 hours, was released.")
    a3 = _article("h03_wire", "The court ordered that Ysolt Quellmar be held in custody for two months.")
    a4 = _article("h04_paper", "Ysolt Quellmar said she had spent 38 days in custody before her release.")
    report = analyze_articles([a1, a2, a3, a4])
    lasted = sorted(sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot)
    assert lasted == [["16 hours", "more than 11 hours"]], lasted


def test_a_supply_worked_on_for_years_is_no_supply() -> None:
    """"worked on the station's life-support system for nine years" is a career, not how long the
    oxygen lasts; "carried life support for 80 hours" is."""
    from storyline.extract import analyze_articles as analyses
    from storyline.reconcile.durations import durations
    a1 = _article("w01_paper", "Corwen Wynn, who worked on the station's life-support system for nine years before "
                               "retiring, said the leak was serious. The capsule carried life support for 80 hours.")
    (an,) = analyses([a1])
    assert [(d.key, d.time.text) for d in durations(a1, an)] == [("supply:oxygen", "80 hours")]


def test_how_long_a_person_is_banned_or_jailed_is_compared_per_person() -> None:
    a1 = _article("b01_wire", "Idris Halloran has been banned from racing for four years after a tribunal ruling.")
    a2 = _article("b02_portal", "Idris Halloran was banned for two years on Tuesday.")
    a3 = _article("b03_paper", "Mara Quist was jailed for six years. Idris Halloran was banned for 48 months.")
    report = analyze_articles([a1, a2, a3])
    lasted = {c.slot: [v.value for v in c.values] for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["two years", "four years"]], lasted  # 48 months agree with four years


def test_how_long_a_group_is_held_is_one_state_however_its_members_are_named() -> None:
    """"Tolbrin, Aurick and Pendry were remanded for 14 days" and "the magistrate ... remanded them
    for 21 days" time one remand of the group, not the last name's or the magistrate's."""
    a1 = _article("r01_live", "Police charged Idony Tolbrin, Corwen Aurick and Wynn Pendry on Tuesday. Tolbrin, Aurick "
                              "and Pendry were remanded in custody for 14 days.")
    a2 = _article("r02_paper", "The three appeared in court on Wednesday. Magistrate Nimmo Crennick refused them bail "
                               "and remanded them in custody for 21 days.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["14 days", "21 days"]], lasted


def test_a_mandate_is_its_holders_state_however_it_is_written() -> None:
    """"will serve for a period of 18 months" and "will have a two-year mandate" are one term; the
    holder is the sentence's subject, not the minister named before the duration."""
    a1 = _article("m01_release", "The minister appointed Hild Saffron, a former auditor, as administrator on Wednesday. "
                                 "Ms Saffron will take up the post on Monday and will serve for a period of 18 months.")
    a2 = _article("m02_paper", "Hild Saffron, the former auditor named by minister Orwin Mellish on Wednesday, will "
                               "have a two-year mandate.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["18 months", "two-year"]], lasted


def test_a_length_up_to_a_happening_does_not_grow_with_the_day_of_writing() -> None:
    """Told ten days apart, "dark for 17 days before the crash" and "dark for 27 days when the crash
    happened" measure one fixed span, not one still running."""
    def dated(name: str, day: str, body: str) -> Article:
        return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                       published=PublishedDate(day, "metadata", day, day))

    a1 = dated("s01_wire", "2031-05-06", "The warning signs were dark for 17 days before the crash.")
    a2 = dated("s02_paper", "2031-05-16", "The warning signs had been dark for 27 days when the crash happened.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["17 days", "27 days"]], lasted


def test_durations_an_order_of_magnitude_apart_measure_different_things() -> None:
    a1 = _article("d01_wire", "The blackout lasted almost six hours before power came back.")
    a2 = _article("d02_paper", "The blackout lasted two years and three months in the outlying villages.")
    a3 = _article("d03_radio", "The blackout lasted nearly nine hours, officials said.")
    report = analyze_articles([a1, a2, a3])
    lasted = [[v.value for v in c.values] for c in report.conflicts if "duration" in c.slot]
    assert lasted == [["almost six hours", "nearly nine hours"]], lasted  # months apart: another measure


def test_durations_written_as_modifiers_are_compared_by_the_noun_they_measure() -> None:
    """"a two-day inquiry" / "a five-day inquiry": one happening's length told two ways."""
    a = _article("x01_wire", "The harbour board in Vantrix held a two-day inquiry into the fire on the Pellvane ferry.")
    b = _article("x02_post", "The board reported after a five-day inquiry in which the Pellvane's crew gave evidence.")
    lasted = [c for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert len(lasted) == 1 and lasted[0].kind == "contradiction", [(c.slot, c.kind) for c in lasted]
    assert sorted(v.value for v in lasted[0].values) == ["five-day", "two-day"]


def test_a_period_no_event_names_is_measured_as_a_modifier_of_its_phrase_and_after_its_declaration() -> None:
    """"declared a state of emergency ..., initially for 30 days" / "the 60-day state of emergency":
    one emergency's length told two ways (the modifier stands before "state of")."""
    a = _article("x01_wire", "The cabinet of Vantrix declared a state of emergency in 23 districts on Tuesday, "
                             "initially for 30 days.")
    b = _article("x02_post", "Together with the 60-day state of emergency declared on Tuesday, the fund will keep "
                             "many farms afloat.")
    lasted = [c for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert len(lasted) == 1 and lasted[0].kind == "contradiction", [(c.slot, c.kind) for c in lasted]
    assert sorted(v.value for v in lasted[0].values) == ["30 days", "60-day"]


def test_a_shutdowns_length_told_two_ways_is_a_dispute() -> None:
    """"ending a 19-day shutdown of the ministries" / "a shutdown that lasted 16 days": one
    shutdown, a period no event type names, measured two ways."""
    a = _article("x01_wire", "Parliament passed the budget on Tuesday, ending a 19-day shutdown of the ministries.")
    b = _article("x02_post", "What did the country gain from a shutdown that lasted 16 days?")
    lasted = [c for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert len(lasted) == 1 and lasted[0].kind == "contradiction", [(c.slot, c.kind) for c in lasted]
    assert sorted(v.value for v in lasted[0].values) == ["16 days", "19-day"]


def test_an_extensions_length_is_its_own_measure_not_the_periods() -> None:
    """"voted to extend the curfew by 45 days" / "extended the curfew by 60 days": one extension's
    length told two ways; the curfew's own first "30 days" is another measure."""
    a = _article("x01_wire", "The cabinet of Vantrix imposed a curfew for 30 days on 9 March. Parliament voted on "
                             "Tuesday to extend the curfew by 45 days.")
    b = _article("x02_post", "On 7 April parliament extended the curfew for another 60 days.")
    lasted = [(c.kind, sorted(v.value for v in c.values)) for c in analyze_articles([a, b]).conflicts
              if "duration" in c.slot]
    assert lasted == [("contradiction", ["45 days", "60 days"])], lasted


def test_a_persons_state_told_as_a_verb_and_as_a_modified_noun_is_compared_per_person() -> None:
    """"suspended its rider, X, on Monday for 45 days" / "X, serving a 30-day suspension": one
    person's suspension, told as a verb with its object between and as a noun's modifier."""
    a = _article("x01_wire", "The cycling union of Vantrix suspended its rider, Olek Varnby, on Monday for 45 days.")
    b = _article("x02_post", "Olek Varnby, who is serving a 30-day suspension, has appealed.")
    lasted = [sorted(v.value for v in c.values) for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert lasted == [["30-day", "45 days"]], lasted


def test_durations_of_history_and_of_two_peoples_terms_are_not_compared() -> None:
    """A walkout of years ago is not the story's, and two people's terms are two durations."""
    a = _article("x01_wire", "Dockers in Vantrix walked out at dawn, the start of a 24-hour walkout over pay. "
                             "They last walked out in 2009, when a six-day walkout shut the port.")
    b = _article("x02_post", "Ada Quesk was given a seven-year term. Olek Varnby was given a nine-year term.")
    lasted = [c for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert not lasted, [(c.slot, [v.value for v in c.values]) for c in lasted]


def test_a_duration_a_correction_withdraws_is_no_outlets_figure() -> None:
    a = _article("x01_wire", "Olek Varnby was jailed for seven years on Monday after a trial in Vantrix.")
    b = _article("x02_post", "Olek Varnby was jailed for seven years on Monday. An earlier version of this article "
                             "said Olek Varnby was jailed for nine years.")
    lasted = [c for c in analyze_articles([a, b]).conflicts if "duration" in c.slot]
    assert not lasted, [(c.slot, [v.value for v in c.values]) for c in lasted]


def test_a_duration_right_after_its_act_measures_that_act() -> None:
    """"was questioned for nine hours" / "was questioned for 11 hours last week": no event noun,
    the act just before the duration is what lasted; an adjective of state far before it
    ("Suspended harbour master X was questioned for") is no state the duration measures."""
    a = _article("x01_wire", "Suspended harbour master Olek Varnby was questioned for nine hours on Thursday by "
                             "prosecutors in Vantrix, and left without being charged.")
    b = _article("x02_post", "Olek Varnby was questioned for 11 hours last week by prosecutors over the ferry fire.")
    lasted = [(c.kind, sorted(v.value for v in c.values)) for c in analyze_articles([a, b]).conflicts
              if "duration" in c.slot]
    assert lasted == [("contradiction", ["11 hours", "nine hours"])], lasted


def test_a_custody_ordered_by_a_judge_is_the_held_persons_not_the_judges() -> None:
    """"Judge X granted the request to hold her in pre-trial detention for 30 days": the object
    pronoun is not the judge, so the custody is that of the woman named before; "was remanded
    for 60 days" of her is the same state, told differently: disputed."""
    a1 = _article("c01_paper", "Police arrested the clerk Mara Kossow at her flat on Thursday. The following day, "
                               "Judge Aurel Menk granted the prosecution's request to hold her in pre-trial detention "
                               "for 30 days.")
    a2 = _article("c02_wire", "Mara Kossow, 34, was remanded for 60 days on Friday by a district court.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["30 days", "60 days"]], lasted


def test_days_of_a_happening_measure_that_happening() -> None:
    """"after six days of negotiations" and "after four days of negotiations": how long the
    negotiations lasted, told two ways; "two days of rain" measures the rain, not the talks."""
    a1 = _article("n01_release", "The accord was signed on Friday after six days of negotiations in the capital.")
    a2 = _article("n02_recap", "Signed on Friday after four days of negotiations, the accord ended the standoff. "
                               "The talks had been delayed by two days of rain.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["four days", "six days"]], lasted


def test_an_ongoing_happening_measured_on_later_days_and_time_spent_so_far_are_no_dispute() -> None:
    """"after three days of protests" on the 7th and "after a fortnight of protests" on the 18th
    measure one ongoing happening eleven days further on; "had spent 13 days in custody since her
    arrest" is time served, no rival of the term of 60 days she was remanded for."""
    a1 = Article(id=Article.make_id("p1"), body="The government imposed a curfew on Saturday, after three days of "
                 "protests over fuel prices.", content_hash="p1", path="p01_wire.txt",
                 published=PublishedDate("2031-03-07", "metadata", "2031-03-07", "2031-03-07"))
    a2 = Article(id=Article.make_id("p2"), body="After a fortnight of protests over fuel prices, the minister "
                 "resigned on Wednesday.", content_hash="p2", path="p02_paper.txt",
                 published=PublishedDate("2031-03-18", "metadata", "2031-03-18", "2031-03-18"))
    a3 = _article("c01_paper", "Mara Kossow, 34, had spent 13 days in custody since her arrest on 19 February.")
    a4 = _article("c02_wire", "Mara Kossow, 34, was remanded for 60 days on Friday by a district court.")
    report = analyze_articles([a1, a2, a3, a4])
    assert not [c for c in report.conflicts if "duration" in c.slot], report.conflicts


def test_whom_an_object_pronoun_means_is_the_person_the_headline_names() -> None:
    """The feature's headline names Mara Kossow; her former boss is named twice before the
    sentence, she once: "hold her in pre-trial detention for 30 days" is still her custody,
    disputed by "was remanded for 60 days"."""
    body = ("Mara Kossow joined the ministry in 2017. Her former boss, Ivo Brandt, praised her work. Ivo Brandt "
            "said she was careful. Officers detained her on Thursday. The following day, Judge Aurel Menk granted "
            "the request to hold her in pre-trial detention for 30 days.")
    a1 = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="c01_feature.txt",
                 title="The analyst who knew too much: who is Mara Kossow?",
                 published=PublishedDate("2031-05-06", "metadata", "2031-05-06", "2031-05-06"))
    a2 = _article("c02_wire", "Mara Kossow, 34, was remanded for 60 days on Friday by a district court.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["30 days", "60 days"]], lasted


def test_how_long_a_happening_took_to_end_is_how_long_it_lasted() -> None:
    """"The fire, which took 26 hours to extinguish" measures the fire that "burned for about 16
    hours" elsewhere: disputed; "rescuers took two hours to reach the site" measures no happening."""
    a1 = _article("f01_wire", "The fire on the frigate burned for about 16 hours before it was put out.")
    a2 = _article("f02_feature", "The fire, which took 26 hours to extinguish, destroyed the frigate's engine room. "
                                 "Rescuers took two hours to reach the site.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["26 hours", "about 16 hours"]], lasted


def test_an_age_before_a_role_the_story_gives_one_person_is_that_persons() -> None:
    """"Orla Brennick, 52, a retired schoolteacher" and, in another outlet, "the 57-year-old retired
    teacher, who ...": the story calls one person a (school)teacher, so the age is hers; "Relling,
    the 18-year-old cadet" is Relling's. An age before a role anyone may hold ("the 57-year-old
    passenger") is no one person's."""
    a1 = _article("k01_wire", "The passenger has been named by her family as Orla Brennick, 52, a retired "
                              "schoolteacher from Tarn who was travelling to see her son.")
    a2 = _article("k02_paper", "The 57-year-old retired teacher, who died aboard the ferry last week, was on her way "
                               "to meet her first grandchild.")
    report = analyze_articles([a1, a2])
    aged = [sorted(v.value for v in c.values) for c in report.conflicts if c.slot.startswith("quantity: age")]
    assert aged == [["52", "57"]], aged
    a3 = _article("k03_paper", "The 57-year-old passenger, who died aboard the ferry last week, was on her way home.")
    report = analyze_articles([a1, a3])
    assert not [c for c in report.conflicts if c.slot.startswith("quantity: age")]
    b1 = _article("c01_wire", "The cadet, named by his family as Tomas Relling, 19, from Vessin, died on Monday.")
    b2 = _article("c02_paper", "The lawyer said the figure in the video was Relling, the 18-year-old first-year cadet "
                               "who died in hospital on Monday.")
    report = analyze_articles([b1, b2])
    aged = [sorted(v.value for v in c.values) for c in report.conflicts if c.slot.startswith("quantity: age")]
    assert aged == [["18", "19"]], aged


def test_a_ledes_age_before_a_role_the_story_gives_one_person_is_that_persons() -> None:
    """A lede's "A 64-year-old chemistry teacher was killed" and another outlet's "Karsvell Oddrun,
    46, a chemistry teacher from Brannet": the story calls one person a teacher, so the lede's age
    is his; "a 64-year-old man" (a role anyone may hold) is no one person's."""
    a1 = _article("b01_wire", "A 64-year-old chemistry teacher was killed on Saturday when a bear attacked a group "
                              "of hikers in Ulmara National Park, police said.")
    a2 = _article("b02_paper", "The bear killed Karsvell Oddrun, 46, a chemistry teacher from Brannet, and injured "
                               "his wife.")
    report = analyze_articles([a1, a2])
    aged = [sorted(v.value for v in c.values) for c in report.conflicts if c.slot.startswith("quantity: age")]
    assert aged == [["46", "64"]], aged
    a3 = _article("b03_wire", "A 64-year-old man was killed on Saturday when a bear attacked a group of hikers in "
                              "Ulmara National Park, police said.")
    report = analyze_articles([a3, a2])
    assert not [c for c in report.conflicts if c.slot.startswith("quantity: age")]


def test_how_long_a_thing_stood_empty_or_without_water_is_one_state_of_that_thing() -> None:
    """"the stall at the 30-kilometre mark was without water for about 35 minutes" and "the stall at
    kilometre 30 stood empty for 80 minutes" tell one state of one thing; the tent's wait is its own."""
    a1 = _article("w01_wire", "The stall at the 30-kilometre mark was without water for about 35 minutes, organisers said.")
    a2 = _article("w02_paper", "The stall at kilometre 30 stood empty for 80 minutes before a van arrived. "
                               "The first-aid tent stood empty for ten minutes.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["80 minutes", "about 35 minutes"]], lasted


def test_lasted_from_one_end_to_the_other_measures_the_happening() -> None:
    """"The blackout, which lasted 61 hours from the first failures on Monday to ..." measures the
    blackout, whatever "from" follows the duration; "a town an hour from the coast" measures nothing."""
    a1 = _article("o01_wire", "The blackout, which lasted 61 hours from the first failures on Monday morning to the "
                              "return of power on Wednesday evening, hit farms hardest.")
    a2 = _article("o02_paper", "The blackout, which stretched over 16 hours, left the valley cold. "
                               "Velm is a town an hour from the coast.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["16 hours", "61 hours"]], lasted


def test_a_ban_handed_to_someone_is_theirs_not_the_subjects() -> None:
    """"Sollo's resignation followed a six-year ban handed to coach Anton Wrelk" is Wrelk's ban,
    compared with "Anton Wrelk was banned for eight years"; not Sollo's."""
    a1 = _article("d01_wire", "Irmgard Sollo's resignation followed a six-year ban handed to coach Anton Wrelk on Monday.")
    a2 = _article("d02_paper", "Anton Wrelk was banned for eight years by the panel on Monday.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["eight years", "six-year"]], lasted


def test_how_long_a_thing_was_used_is_compared_per_thing_and_a_sources_noun_is_no_measure() -> None:
    """"the radar was used for 14 hours" (a commander told reporters) and "According to the navy's
    statement, the radar was used for 24 hours" tell one use of one thing: the statement lasted
    nothing; "the pumps were used for two hours" is another thing's."""
    a1 = _article("r01_wire", "Commander Ivo Maren told reporters that the radar was used for 14 hours in total.")
    a2 = _article("r02_paper", "According to the navy's statement, the radar was used for 24 hours over two days. "
                               "The pumps were used for two hours.")
    report = analyze_articles([a1, a2])
    lasted = {c.slot: sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot}
    assert list(lasted.values()) == [["14 hours", "24 hours"]], lasted


def test_time_on_duty_and_time_trapped_beneath_the_rubble_are_a_persons_states() -> None:
    """"Pavel Dunsk had been on duty for 13 hours" and "had been at work for 18 hours" are one state of
    one driver; "was lifted out after 20 hours beneath the slabs" is how long the child was trapped,
    as "had been trapped for some 34 hours" is."""
    a1 = _article("d01_wire", "Pavel Dunsk had been on duty for 13 hours when the coach left the road. "
                              "Mara Lintz had been trapped for some 34 hours under a fallen wall.")
    a2 = _article("d02_paper", "The driver, Pavel Dunsk, had been at work for 18 hours by the time of the crash. "
                               "The crowd cheered as Mara Lintz was lifted out after 20 hours beneath the slabs.")
    report = analyze_articles([a1, a2])
    lasted = sorted(sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot)
    assert lasted == [["13 hours", "18 hours"], ["20 hours", "some 34 hours"]], lasted


def test_a_length_its_words_do_not_key_is_compared_within_the_event_its_clause_tells() -> None:
    """"spent more than five hours in the witness box" names no event noun the duration measures;
    the outlets' sentences tell one joined event, so their lengths of it are compared there. The
    inquiry's 40 days, another event's, are not."""
    a1 = _article("v01_wire", "The former harbour minister Ilse Dorran spent more than five hours in the witness box on "
                              "Wednesday, answering questions about the dredging payments.")
    a2 = _article("v02_paper", "On Wednesday Ilse Dorran, the former harbour minister, spent nearly three hours in the "
                               "witness box at the inquiry into the dredging payments.")
    a3 = _article("v03_radio", "Ilse Dorran spent about five and a half hours in the witness box on Wednesday. "
                               "The inquiry sat for 40 days in all.")
    report = analyze_articles([a1, a2, a3])
    lasted = [c for c in report.conflicts if "duration" in c.slot]
    assert [sorted(v.value for v in c.values) for c in lasted] == [["more than five hours", "nearly three hours"]]
    (conflict,) = lasted
    sides = {v.value: set(v.article_ids) for v in conflict.values}
    assert sides == {"more than five hours": {a1.id, a3.id}, "nearly three hours": {a2.id}}, sides


def test_a_persons_state_told_by_sentences_that_name_no_person_is_compared_whoever_was_named_before() -> None:
    """"The three masters are barred ... for two years" and "banned the three skippers ... for three
    years" tell one ban, whichever person each article happened to name in the sentences before; a
    sentence naming its holder ("Mara Quist was banned for five years") keeps its own."""
    a1 = _article("t01_release", "The court heard the case of Oskar Vellmund on Monday. The three masters are barred "
                                 "from fishing in the zone for two years.")
    a2 = _article("t02_paper", "Prosecutor Hedda Maranova spoke for an hour. The court fined the owners and banned the "
                               "three skippers from fishing in those waters for three years.")
    a3 = _article("t03_wire", "Mara Quist was banned from racing for five years on Monday.")
    report = analyze_articles([a1, a2, a3])
    lasted = [sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot]
    assert lasted == [["three years", "two years"]], lasted


def test_a_custody_order_is_custody_whatever_verb_of_keeping_it_uses() -> None:
    """"ordered the two owners held for 60 days" and "ordered both owners held in pre-trial
    detention for 30 days" are one custody order's length, told two ways."""
    a1 = _article("o01_release", "The judge of the district court ordered both owners held in pre-trial detention for "
                                 "30 days.")
    a2 = _article("o02_paper", "On Wednesday a judge ordered the two owners held for 60 days pending the inquiry.")
    report = analyze_articles([a1, a2])
    lasted = [sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot]
    assert lasted == [["30 days", "60 days"]], lasted


def test_a_state_told_by_its_noun_alone_in_a_sentence_naming_no_one_is_keyed_by_its_noun() -> None:
    """"The suspension, for 12 weeks, stops ..." / "an eight-week suspension that bars it ...": one
    suspension's length, keyed by its noun in both, though neither sentence names whose it is."""
    a1 = _article("q01_release", "The authority suspended the clinic's licence on 21 April. The suspension, for 12 "
                                 "weeks, stops any new treatment.")
    a2 = _article("q02_paper", "The clinic has been closed to new patients since its licence was suspended last month, "
                               "an eight-week suspension that bars it from starting any new treatment.")
    report = analyze_articles([a1, a2])
    lasted = [sorted(v.value for v in c.values) for c in report.conflicts if "duration" in c.slot]
    assert lasted == [["12 weeks", "eight-week"]], lasted

def test_sizes_of_a_thing_named_by_its_noun_only_contradict_between_articles() -> None:
    """"the 516-space car park" / "the 561-space car park": one thing's size told two ways; an
    article sizing two car parks tells of two, and none of its sizes is compared."""
    a1 = _article("p01_release", "The 516-space car park opened in 1974 and was shut on Tuesday.")
    a2 = _article("p02_paper", "Engineers said part of the 561-space car park gave way on Tuesday.")
    a3 = _article("p03_blog", "The 300-space car park by the station and the 800-space car park by the bridge stayed "
                              "open on Tuesday.")
    report = analyze_articles([a1, a2, a3])
    sized = [sorted(v.value for v in c.values) for c in report.conflicts if c.slot == "quantity: size in space"]
    assert sized == [["516", "561"]], [(c.slot, [v.value for v in c.values]) for c in report.conflicts]


def _ages(articles: list[Article]) -> list[list[str]]:
    return [sorted(v.value for v in k.values) for k in analyze_articles(articles).conflicts
            if k.slot == "quantity: age" and k.kind == "contradiction"]


def test_an_unnamed_persons_age_told_two_ways_in_like_sentences_is_a_contradiction() -> None:
    """"A seven-year-old girl was pulled alive from the rubble" in one wire, "pulled a nine-year-old
    girl alive from the rubble" in two papers: one girl, no name to link the ages."""
    found = _ages([
        _article("r01_wire", "A seven-year-old girl was pulled alive from the rubble of her grandmother's house on "
                             "Thursday, the only person rescued alive since the first morning."),
        _article("r02_live", "Rescuers have pulled a nine-year-old girl alive from the rubble of a house in the old "
                             "quarter, some 38 hours after the slide."),
        _article("r03_paper", "A nine-year-old girl was pulled alive from the rubble of a house in the old quarter on "
                              "Thursday after 38 hours."),
    ])
    assert ["nine", "seven"] in found, found


def test_unnamed_ages_of_two_sexes_or_beside_a_name_are_two_people() -> None:
    """"a nine-year-old girl" rescued and "an eight-year-old boy" rescued are two children; "Ada
    Renk, a 19-year-old student" has a name, and "the 20-year-old student" is another."""
    found = _ages([
        _article("c01_wire", "Rescuers pulled a nine-year-old girl alive from the rubble of a house on Thursday."),
        _article("c02_paper", "Rescuers pulled an eight-year-old boy alive from the rubble of a house on Thursday."),
        _article("s01_wire", "Ada Renk, a 19-year-old student, died in hospital on Thursday after falling ill."),
        _article("s02_paper", "The 20-year-old student died in hospital on Thursday after falling ill at the hall."),
    ])
    assert found == [], found


def test_an_unnamed_age_told_like_a_named_persons_joins_that_side_of_the_dispute() -> None:
    """"A 17-year-old boy died after an officer opened fire on the car he was driving" (a lede that
    names no one) tells the 17 that two pages give "Pell Ostrand" against a third page's 16."""
    lede = _article("p01_paper", "A 17-year-old boy died last night after a police officer opened fire on the car he "
                                 "was driving during a traffic stop in the harbour district.")
    found = analyze_articles([
        lede,
        _article("p02_wire", "17-year-old Pell Ostrand was shot dead by a police officer during a traffic stop in the "
                             "harbour district on Monday night."),
        _article("p03_paper", "Pell Ostrand, 17, was shot by a police officer who had stopped his car in the harbour "
                              "district."),
        _article("p04_print", "Pell Ostrand, 16, was laid to rest on Saturday in the cemetery behind the chapel."),
    ]).conflicts
    aged = [k for k in found if k.slot == "quantity: age" and k.kind == "contradiction"]
    assert aged and any(lede.id in v.article_ids for k in aged for v in k.values if v.value == "17"), \
        [(v.value, v.article_ids) for k in aged for v in k.values]
