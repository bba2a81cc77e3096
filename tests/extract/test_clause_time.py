"""Which clause a time expression and a modality belong to, on invented sentences: a later
conjunct with a subject of its own keeps its date, a verb of aspect passes to its complement."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, PublishedDate, content_hash


def _claims(body: str, nlp, day: str = "2031-05-06", *, told: bool = False) -> list[Claim]:  # type: ignore[no-untyped-def]
    """The sentence claims of one dated article (with ``told``, the events the sentences tell too)."""
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="x01_wire.txt",
                      published=PublishedDate(day, "metadata", day, day))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return [c for c in analysis.claims if told or c.parent is None]


def test_a_later_conjunct_with_its_own_subject_keeps_its_date_to_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    """"set up a fund, and its form went live on 30 April": the form is dated, not the fund."""
    claims = _claims("The Pellvane ferry company later set up a hardship fund, and its online form went live on 30 April.",
                     nlp, told=True)
    by_pred = {c.predicate: c for c in claims}
    assert by_pred["set"].time is None, by_pred["set"].time
    assert by_pred["go"].time is not None and by_pred["go"].time.value == "2031-04-30"
    # a conjunct without a subject of its own still shares the date
    claims = _claims("The ferry struck the pier and sank on 30 April.", nlp)
    assert all(c.time is not None and c.time.value == "2031-04-30" for c in claims), [(c.predicate, c.time) for c in claims]
    # a time written before the second subject, which the parser hangs on the second verb, is
    # still the first verb's too
    claims = _claims("By the time the pump was brought back into service, at low power, in the early hours of the "
                     "next Tuesday, more than 300 homes had been flooded and some 2,000 cars abandoned.", nlp, told=True)
    brought = next(c for c in claims if c.predicate == "bring")
    assert brought.time is not None and brought.time.value == "2031-05-13", brought.time


def test_a_begun_act_is_real_and_a_begun_act_ahead_is_future(nlp) -> None:  # type: ignore[no-untyped-def]
    """Verbs of aspect ("began dredging") pass to their complement without making it a plan."""
    began = next(c for c in _claims("Divers began dredging the Quesk channel on 7 April.", nlp))
    assert began.modality is None and began.time is not None and began.time.value == "2031-04-07"
    ahead = next(c for c in _claims("Divers will begin dredging the Quesk channel on Tuesday.", nlp))
    assert ahead.modality == "future"
    planned = next(c for c in _claims("The council decided to close the Quesk channel on Tuesday.", nlp))
    assert planned.modality == "plan"


def test_a_present_state_takes_its_coordinated_clauses_time_when_it_has_none(nlp) -> None:  # type: ignore[no-untyped-def]
    """"500 divers are searching the lake, and a few dozen of them went home this month": the
    state holds now, and the nearest time the sentence gives is the coordinated clause's."""
    claims = _claims("At least 500 divers are searching the Quesk lake, and a few dozen of them went home this "
                     "month, officials said.", nlp)
    searching = next(c for c in claims if c.predicate == "search")
    assert searching.time is not None and searching.time.value == "2031-05", searching.time


def test_a_day_an_outlet_says_something_is_due_on_is_the_coming_one(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Tuesday 6 May: "are due to appear in court on Thursday" dates the appearance,
    the coming Thursday; so does "are due in court on Thursday"."""
    (claim,) = _claims("The seven accused are due to appear before the district court on Thursday.", nlp)
    assert (claim.predicate, claim.time.value if claim.time else None) == ("appear", "2031-05-08"), claim
    (claim,) = _claims("The seven accused are due in court on Thursday.", nlp)
    assert claim.time is not None and claim.time.value == "2031-05-08", claim.time


def test_a_planned_range_under_way_when_told_starts_this_year(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on 6 May: "are due to run from 2 May until 16 May" is a range under way, its start
    a few days back, not next year's 2 May; a range wholly ahead keeps its coming year."""
    (claim,) = _claims("The hearings are due to run from 2 May until 16 May.", nlp)
    assert claim.time is not None and claim.time.value.startswith("2031-05-02"), claim.time
    (claim,) = _claims("The fair will run from 2 February until 9 February.", nlp, day="2031-12-04")
    assert claim.time is not None and claim.time.value.startswith("2032-02-02"), claim.time


def test_a_time_inside_a_fronted_clause_dates_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """"When the chief relieved Captain Merle of command on Sunday 4 May, he did what ...": the
    comma has not yet closed the "when" clause, so the day is the relieving's, however the parser
    hangs the phrase on the main verb; a time after the comma stays the main verb's."""
    claims = _claims("When the Chief of the Harbour Board relieved Captain Anna Merle of command on Sunday 4 May, he did "
                     "what boards always do: he removed the person standing nearest to the problem.", nlp, told=True)
    relieved = next(c for c in claims if c.predicate == "relieve")
    assert relieved.time is not None and relieved.time.value == "2031-05-04", [(c.predicate, c.time) for c in claims]
    claims = _claims("When the minister resigned, the party split on Friday.", nlp, told=True)
    split = next(c for c in claims if c.predicate == "split")
    assert split.time is not None and split.time.value == "2031-05-02", [(c.predicate, c.time) for c in claims]


def test_a_verb_the_parser_makes_a_prepositions_object_does_not_set_the_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Tuesday 6 May: "If the appeals due to be heard on Monday fail, ..." (the parser
    reads "Monday fail" as a noun phrase under "on"): the hearing is due, the coming Monday, not
    the last one; so is a vote "due to be voted" however the parser hangs "due"."""
    for body in ("If the appeals due to be heard on Monday fail, as seems likely, the ban will stand.",
                 "If the two censure motions due to be voted on Monday fail, the levy takes effect."):
        claims = _claims(body, nlp, told=True)
        dated = [c.time.value for c in claims if c.time is not None]
        assert dated and all(v == "2031-05-12" for v in dated), (body, [(c.predicate, c.time) for c in claims])


def test_a_coordinated_verb_names_the_infinitive_that_is_dated(nlp) -> None:  # type: ignore[no-untyped-def]
    """"was released on bail and is due to appear in court on Friday": the day is the appearance's,
    which the claim holds (its second verb names it through "due")."""
    (claim, *_) = _claims("He has been released on conditional bail and is due to appear at Harnfold Magistrates "
                          "Court on Friday.", nlp, day="2031-05-07")
    assert claim.time is not None and claim.time.value == "2031-05-09", claim.time


def test_a_present_perfect_leaves_a_day_after_a_happening_it_follows_to_that_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    """"has opened proceedings ... following the abandonment of the match on 14 March": a present
    perfect takes no past day of its own, the day is the abandonment's; "since" a day is where the
    perfect runs from, and a simple past keeps its day."""
    claims = _claims("The league's disciplinary panel has opened proceedings against Tarn Rovers following the "
                     "abandonment of the cup match between Tarn Rovers and Oskby on 2 May 2031.", nlp)
    assert claims[0].predicate == "open" and claims[0].time is None, claims[0].time
    claims = _claims("The club has been under a transfer ban since 2 May 2031.", nlp)
    assert claims[0].time is not None and claims[0].time.value == "2031-05-02", claims[0].time
    claims = _claims("The panel opened proceedings against Tarn Rovers following the abandonment of the match on 2 May 2031.", nlp)
    assert claims[0].time is not None and claims[0].time.value == "2031-05-02", claims[0].time


def test_a_beginning_due_ahead_dates_the_begun_act_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Tuesday 6 May: "are due to begin examining the boiler on Thursday" is the
    coming Thursday (the gerund's time is the beginning's, which "due" puts ahead); a beginning
    told in the past keeps the last one."""
    (claim,) = _claims("Inspectors from the Tarrow gas board are due to begin examining the boiler on Thursday.", nlp)
    assert claim.time is not None and claim.time.value == "2031-05-08", claim.time
    (claim,) = _claims("Inspectors from the Tarrow gas board began examining the boiler on Thursday.", nlp)
    assert claim.time is not None and claim.time.value == "2031-05-01", claim.time


def test_a_tellers_expectation_told_in_the_past_is_of_what_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Tuesday 6 May: "told reporters that it expected supply to be restored by
    Thursday evening" (the parser hangs "expected" on "cordon") is this week's Thursday; an
    expectation in a past perfect, not told by anyone, may have passed."""
    claims = _claims("The company's spokesperson, Ivo Marrant, told reporters at the cordon that it expected "
                     "supply to be restored by Thursday evening.", nlp, told=True)
    restored = next(c for c in claims if c.predicate == "restore")
    assert restored.time is not None and restored.time.value.startswith("2031-05-08"), restored.time
    claims = _claims("Officials had expected the road to reopen by Monday.", nlp, told=True)
    assert all(c.time is None or not c.time.value.startswith("2031-05-12") for c in claims), claims


def test_a_bare_appearance_in_a_since_clause_is_an_event_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    """"had barely slept since the video appeared on Tuesday": "appear" is a state only with a
    complement ("appeared tired"); bare, the video's appearing is told, dated Tuesday."""
    claims = _claims("She told reporters she had barely slept since the video appeared on Tuesday.", nlp, told=True)
    appeared = [c for c in claims if c.predicate == "appear"]
    assert appeared and appeared[0].time is not None and appeared[0].time.value == "2031-05-06", claims
    claims = _claims("She told reporters the minister had looked calm since the vote, and appeared tired on Tuesday.",
                     nlp, told=True)
    assert not any(c.predicate == "appear" and c.parent is not None for c in claims), claims


def test_a_wire_datelines_date_is_no_claims_time(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Thursday 9 April, after a headline: "QUARVIK, April 9 (NPA) - Employers tabled an
    offer Wednesday evening, the union said Thursday": the dateline's day is the filing's; the
    offer is Wednesday evening's."""
    claims = _claims("Universities table improved 3.8 pct pay offer as conciliation talks go on\n\nQUARVIK, April 9 (NPA) - University "
                     "employers tabled an improved pay offer of 3.8 per cent Wednesday evening, the lecturers' union "
                     "said Thursday, as talks at the National Conciliation Office went into a third day.", nlp, day="2026-04-09")
    tabled = next(c for c in claims if c.predicate == "table")
    assert tabled.time is not None and tabled.time.value.startswith("2026-04-08"), tabled.time


def test_what_a_teller_said_would_happen_and_a_call_to_act_are_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Friday 9 May: "said the recount ... would be held on Monday" is the coming
    Monday (a future in the past of the saying); "today calls on every worker to stop work from
    06:00 on Monday" too (what a present call asks); "would have voted on Monday" stays past."""
    claims = _claims("Speaker Ivo Drach said the recount would take the form of a roll-call vote, with every deputy "
                     "called by name, and would be held on Monday.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value == "2031-05-12" for c in claims), claims
    claims = _claims("The Workers' Federation of Tarn (WFT) today calls on every worker in the country to stop work "
                     "from 06:00 on Monday in a one-day national strike.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value.startswith("2031-05-12") for c in claims), claims
    claims = _claims("She said she would have voted on Monday.", nlp, day="2031-05-09", told=True)
    assert all(c.time is None or c.time.value == "2031-05-05" for c in claims), claims


def test_a_relative_clause_that_schedules_its_noun_and_a_past_due_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Friday 9 May: "a report from the agency, which is due Tuesday" tells the coming
    Tuesday (a claim of its own); "the payment, which was due on Monday, never came" the Monday
    past; "said the report was due Tuesday" looks ahead from the saying."""
    claims = _claims("Drummet said he expected a full report from the agency, which is due Tuesday, and that he would "
                     "publish it.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value == "2031-05-13" for c in claims), claims
    claims = _claims("The payment, which was due on Monday, never came.", nlp, day="2031-05-09", told=True)
    assert all(c.time is None or c.time.value == "2031-05-05" for c in claims), claims
    claims = _claims("Drummet said the report was due Tuesday.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value == "2031-05-13" for c in claims), claims


def test_a_call_told_in_the_progressive_asks_ahead_through_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Friday 9 May: "is calling on all members who are not on shift to gather ... from
    08:00 on Monday": the parser hangs the infinitive on the relative clause's "are"; what the
    present call asks is ahead."""
    claims = _claims("The union is calling on all members who are not on shift to gather outside the ministry "
                     "from 08:00 on Monday.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value.startswith("2031-05-12") for c in claims), claims


def test_a_noun_the_tagger_takes_for_a_verb_does_not_take_the_verbs_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"shot her with a dart in a hay barn late on Wednesday": the small model tags "barn" a verb;
    the day is the shooting's, not an event of the barn."""
    claims = _claims("The lynx is back in its pen after a marksman shot her with a tranquilliser dart in a hay barn "
                     "late on Wednesday, ending ten days of searching.", nlp, day="2031-05-09", told=True)
    dated = {c.predicate for c in claims if c.time is not None and c.time.value.startswith("2031-05-07")}
    assert "shoot" in dated and "barn" not in dated, [(c.predicate, c.time) for c in claims]


def test_an_instruction_an_attempt_willed_and_a_deadline_at_midnight_are_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """Written on Friday 9 May: "Register at the website, or by calling the line from 08:00 on
    Monday" tells a reader what to do, ahead; "crews will attempt to lift the wreck on Tuesday" has
    the attempt's "will"; "the ultimatum expires at midnight on Wednesday" is a booked act's day."""
    claims = _claims("Register for a refund at the website, or by calling the free line from 08:00 on Monday.", nlp,
                     day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value.startswith("2031-05-12") for c in claims), claims
    claims = _claims("Remember that the council voted the mayor out on 6 May.", nlp, day="2031-05-09", told=True)
    assert all(c.time is None or c.time.value == "2031-05-06" for c in claims), claims  # an instruction's past clause
    claims = _claims("Salvage crews will attempt to lift the wreck on Tuesday, weather permitting.", nlp,
                     day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value == "2031-05-13" for c in claims), claims
    claims = _claims("The ultimatum on the group's page expires at midnight on Wednesday.", nlp, day="2031-05-09", told=True)
    assert any(c.time is not None and c.time.value.startswith("2031-05-14") for c in claims), claims


def test_a_when_clause_on_a_time_phrase_tells_its_own_event_then(nlp) -> None:  # type: ignore[no-untyped-def]
    """"has been in hospital since Monday, 4 May, when she was moved from the prison": the moving
    happened that Monday, the phrase itself dating only a state; a figure in such a clause on a
    bare year stays the sentence's ("empty since 2019, when police removed about 40 people":
    history, not an event of the story's with its count). An act's own "when" clause ("opened on
    Monday, when the mayor cut the ribbon") retells the act and is no event of its own."""
    claims = _claims("Ulmara Karsvell has been in Oddrun General Hospital since Monday, 4 May, when she was moved "
                     "from the prison after collapsing in her cell.", nlp, told=True)
    moved = [c for c in claims if c.predicate == "move"]
    assert moved and moved[0].time is not None and moved[0].time.value == "2031-05-04", [(c.predicate, c.time) for c in claims]
    claims = _claims("The hall has been empty since 2019, when police removed about 40 people from it.",
                     nlp, told=True)
    removed = [c for c in claims if c.predicate == "remove"]
    assert removed and removed[0].time is not None and removed[0].time.value == "2019", [(c.predicate, c.time) for c in claims]
    assert not removed[0].quantities
    claims = _claims("The bridge opened on Monday, when the mayor cut the ribbon.", nlp, told=True)
    assert not [c for c in claims if c.predicate == "cut"], [(c.predicate, c.time) for c in claims]


def test_a_part_of_the_day_still_dates_the_act_before_the_teller(nlp) -> None:  # type: ignore[no-untyped-def]
    """"was found burned out late Wednesday ..., police said Thursday": the finding is Wednesday's
    (late in it); the Thursday is when police said so."""
    claims = _claims("A white van that investigators believe carried the museum thieves out of Brellen was found burned "
                     "out late Wednesday on a forest track near Oldmere, about 30 kilometres north of the capital, "
                     "police said Thursday.", nlp, "2031-03-14")  # a Friday
    found = next(c for c in claims if c.predicate != "say")  # the finding (or its burning out, as parsed)
    assert found.time is not None and found.time.value == "2031-03-12", (found.predicate, found.time)


def test_a_perfects_day_after_an_event_noun_dates_that_event(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Six people have died after a crowd surge at the exit of a concert late on Sunday, 13 July":
    the perfect takes no past day of its own, and the day is not lost: it dates the surge, an
    event of its own."""
    claims = _claims("Six people have died after a crowd surge at the exit of an open-air concert in Velmark late on "
                     "Sunday, 13 July, and the government has ordered an independent inquiry.", nlp, "2031-07-15", told=True)
    surge = next((c for c in claims if c.predicate == "surge"), None)
    assert surge is not None and surge.time is not None and surge.time.value == "2031-07-13", \
        [(c.predicate, c.time.value if c.time else None) for c in claims]
    died = next(c for c in claims if c.predicate == "die")
    assert died.time is None or not died.time.value.startswith("2031-07-13"), died.time


def test_a_day_the_parser_hangs_on_a_noun_in_a_present_relative_clause_dates_the_main_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    """"raided the offices of the firm that looks after the pipes yesterday": the parser hangs
    "yesterday" on "pipes", inside a relative clause that tells what holds; the raid is dated. A
    day on the relative clause's own verb ("the shop that opens Monday") stays that clause's."""
    claims = _claims("Detectives raided the offices of the firm that looks after the oxygen pipes at the hospital "
                     "yesterday, carting away boxes of files.", nlp)
    raid = next(c for c in claims if c.predicate == "raid")
    assert raid.time is not None and raid.time.value == "2031-05-05", raid.time
    claims = _claims("The bakery that opens Monday sells bread.", nlp, told=True)
    assert next(c for c in claims if c.predicate == "sell").time is None


def test_a_time_that_says_what_kind_of_thing_an_argument_is_does_not_date_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    """"A late-spring blizzard swept over the pass on Saturday": the season qualifies the
    blizzard, the day on the verb dates the act; with no other time the qualifier still dates it
    ("The 2024 election was annulled")."""
    claims = _claims("A late-spring blizzard swept over the Kvarn pass on Saturday, killing two runners.", nlp, "2031-05-17")
    swept = next(c for c in claims if c.predicate == "sweep")
    assert swept.time is not None and swept.time.value == "2031-05-17", swept.time
    claims = _claims("The 2024 election was annulled.", nlp)
    assert claims[0].time is not None and claims[0].time.value == "2024"


def test_a_passive_reporting_verb_with_nothing_told_is_no_report(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Fourteen runners were admitted to hospital": "admit" may report ("he admitted that ..."),
    but in the passive with no clause and no teller nobody said anything: no hedge, no source."""
    (claim,) = _claims("Fourteen runners were admitted to hospital, most of them with hypothermia.", nlp)
    assert not claim.hedged and claim.attribution is None, (claim.hedged, claim.attribution)
    (claim,) = _claims("The results were announced by the electoral commission.", nlp)
    assert claim.attribution == "the electoral commission"


def test_getting_people_out_alive_or_to_safety_is_a_rescue(nlp) -> None:  # type: ignore[no-untyped-def]
    """"pulled six people alive from under the wreckage", "dragged nine people out alive", "were
    plucked to safety": whatever the verb of moving them, a rescue; "pulled out of the talks" is not."""
    for text in ("Firefighters pulled six people alive from under the wreckage.",
                 "Shoppers dragged nine people out alive from the heap.",
                 "Nine of them were plucked to safety by firefighters on a ladder."):
        (claim,) = _claims(text, nlp)
        assert claim.event_type == "RESCUE", (text, claim.event_type)
    (claim,) = _claims("The union pulled out of the talks on Monday.", nlp)
    assert claim.event_type != "RESCUE"
