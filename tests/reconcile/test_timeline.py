"""The story's timeline from real extraction (an invented story): one entry per happening, dated
and merged across outlets; history, plans and statements in the background, with why."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.model import Article, Claim, PublishedDate, Quantity, TimeExpr, content_hash
from storyline.pipeline import analyze_articles
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.disputes import odd_outlets_days
from storyline.reconcile.frames import Frame
from storyline.reconcile.quantities import figure_groups


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


#: Retrained on 51 stories (session 14), whose days are crowded, the join reads two acts of other kinds
#: on a day a tiny corpus tells nothing else as one (p = 0.75 against its threshold 0.7; retrained on
#: 131 stories in session 24, threshold 0.65, still). A veto of pairs whose types and doers both
#: differ keeps these apart but undoes most of what the retraining gained on the stories
#: (fragmentation 1.147 -> 1.222 over 51 stories, one must check lost).
_SPARSE_DAY = "known weakness: the same-day join joins acts of other kinds on a day a tiny corpus tells little else"


def test_one_happening_told_by_two_outlets_is_one_timeline_entry() -> None:
    a1 = _article("t01_wire", "2031-05-06", (
        "A cargo ship struck the Orrin Bridge in Vellmar early on Tuesday, and the bridge collapsed into the river.\n\n"
        "Divers recovered two bodies on Tuesday at the collapse site, police said.\n\n"
        "The Orrin Bridge first opened in 1962.\n\n"
        "The mayor said the city would rebuild the bridge within five years."))
    a2 = _article("t02_paper", "2031-05-07", (
        "The Orrin Bridge in Vellmar collapsed on Tuesday after a cargo ship hit one of its supports, "
        "officials said.\n\n"
        "The harbour authority will reopen the shipping channel next month, a spokesman said."))
    report = analyze_articles([a1, a2])
    on = [e for e in report.events if e.timeline]
    collapse = [e for e in on if e.time.value == "2031-05-06"]
    assert len(collapse) == 1, [(e.label, e.time.value) for e in on]
    assert set(collapse[0].article_ids) == {a1.id, a2.id}
    texts = " ".join(c.text for c in report.claims if c.id in collapse[0].claim_ids)
    assert "recovered two bodies" in texts  # the same day's recovery at the site is part of it
    assert 0 < collapse[0].salience <= 1

    history = [e for e in report.events if (e.time.value or "").startswith("1962")]
    assert history and not any(e.timeline for e in history)
    assert all(e.placement for e in report.events)
    assert not any(e.timeline for e in report.events if "rebuild" in e.label or "reopen" in e.label)
    # the timeline comes first in the report, in date order
    assert [e.timeline for e in report.events] == sorted((e.timeline for e in report.events), reverse=True)


def test_an_undated_retelling_joins_its_happening_by_what_was_done_not_by_the_protagonist() -> None:
    # the governor is in every article: his name alone identifies none of his acts, but an undated
    # "declared a curfew" is the one curfew the other outlets date
    a1 = _article("g01_wire", "2031-05-10", "Governor Halvard Ostrin declared a curfew in Dremmel on Friday after riots.")
    a2 = _article("g02_paper", "2031-05-10", "Governor Halvard Ostrin declared a curfew on Friday night, officials said.")
    a3 = _article("g03_radio", "2031-05-11", "Governor Halvard Ostrin declared a curfew across the province. "
                                             "Shops in the old town stayed shut.")
    a4 = _article("g04_blog", "2031-05-11", "Governor Halvard Ostrin toured the harbour in Dremmel.")
    report = analyze_articles([a1, a2, a3, a4])
    curfew = [e for e in report.events if e.timeline and e.time.value == "2031-05-09"]
    assert len(curfew) == 1, [(e.label, e.time.value, e.timeline) for e in report.events]
    assert set(curfew[0].article_ids) == {a1.id, a2.id, a3.id}


@pytest.mark.xfail(strict=True, reason=_SPARSE_DAY)
def test_one_article_telling_one_act_twice_on_a_day_is_one_entry_unless_the_doers_differ() -> None:
    a1 = _article("r01_wire", "2031-06-04", (
        "The council lifted the fishing ban on 3 June 2031 after a long session.\n\n"
        "The ban was formally revoked on 3 June 2031, the clerk's office said."))
    a2 = _article("r02_paper", "2031-06-04", (
        "The harbour board resigned on 3 June 2031.\n\n"
        "Mayor Tilda Brannock lifted the parking ban on 3 June 2031."))
    report = analyze_articles([a1, a2])
    june3 = [e for e in report.events if e.timeline and e.time.value == "2031-06-03"]
    one = [e for e in june3 if a1.id in e.article_ids]
    assert len(one) == 1, [(e.label, e.article_ids) for e in june3]
    two = [e for e in june3 if a2.id in e.article_ids]
    assert len(two) == 2, [(e.label, e.article_ids) for e in june3]


def test_an_announced_act_is_the_act() -> None:
    a1 = _article("p01_wire", "2031-06-04", "The governor announced the evacuation of the valley on 3 June 2031.")
    report = analyze_articles([a1])
    (claim,) = [c for c in report.claims if c.parent is None]
    assert claim.trigger is not None
    assert a1.body[claim.trigger[0]:claim.trigger[1]] == "evacuation"
    assert claim.event_type == "RETREAT"


def test_a_label_keeps_the_verbs_particle_and_complement_up_to_the_clauses_end() -> None:
    from storyline.reconcile import _clause_tail

    for rest, kept in ((" out early Tuesday, officials said.", " out early Tuesday"),
                       (" on Sept. 7 and took the network down.", " on Sept. 7 and took the"),  # six words at most
                       (" about 1,600 homes.", " about 1,600 homes"),
                       (" for by 3 a.m. Tuesday.", " for by 3 a.m."),
                       (", the mayor said.", "")):
        assert rest[:_clause_tail(rest)] == kept


def test_a_relative_pronoun_doer_is_its_noun() -> None:
    a1 = _article("q01_wire", "2031-05-06", "Divers searched the river near the old span, which fell on 3 May 2031.")
    report = analyze_articles([a1])
    fell = [c for c in report.claims if c.parent is not None and c.predicate == "fall"]
    assert fell and fell[0].agents == ["the old span"]


def test_an_undated_telling_written_that_day_is_news_of_the_one_dated_act_of_the_same_thing() -> None:
    a1 = _article("n01_wire", "2031-07-12", (
        "The safety board has released its preliminary report into the ferry fire.\n\n"
        "The board's inspectors were discharged from duty in June."))
    a2 = _article("n02_paper", "2031-07-14", (
        "The preliminary report, released on Saturday, found no fault with the ferry's engines.\n\n"
        "Two crew members were released from hospital on 18 June 2031."))
    report = analyze_articles([a1, a2])
    released = [e for e in report.events if e.time.value == "2031-07-12"]
    assert len(released) == 1, [(e.label, e.time.value) for e in report.events]
    assert set(released[0].article_ids) == {a1.id, a2.id}


def test_the_occasion_of_an_act_told_alone_joins_the_act_told_in_it() -> None:
    a1 = _article("o01_wire", "2031-03-05", "Governor Halvard Ostrin declared a curfew on Tuesday during a televised "
                                            "address, officials said.")
    a2 = _article("o02_paper", "2031-03-05", "Governor Halvard Ostrin declared a curfew on Tuesday night.")
    a3 = _article("o03_radio", "2031-03-06", "The curfew was needed to stop the looting, Governor Halvard Ostrin "
                                             "claimed in a televised address on 4 March 2031.")
    report = analyze_articles([a1, a2, a3])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-03-04"]
    assert len(day) == 1, [(e.label, e.time.value, e.article_ids) for e in report.events]
    assert set(day[0].article_ids) == {a1.id, a2.id, a3.id}


def test_an_undated_act_of_a_named_doer_is_the_news_of_its_articles_day_with_the_doubt_shown() -> None:
    a1 = _article("d01_wire", "2031-08-14", (
        "A tanker ran aground off Kessport on Wednesday, spilling oil along the coast.\n\n"
        "Transport Minister Ilse Varnholt visited the harbour and met the crews.\n\n"
        "The regulator MARSAFE ordered inspections of every tanker of the same class.\n\n"
        "Volunteers had cleaned the beaches after an earlier spill.\n\n"
        "Fishermen gather at the quay every morning."))
    report = analyze_articles([a1])
    visit = [e for e in report.events if e.timeline and "visited" in e.label]
    assert len(visit) == 1, [(e.label, e.time) for e in report.events]
    # the article's day, with the day before as the doubt and the reason given
    assert visit[0].time.value == "2031-08-14"
    assert (visit[0].time.earliest, visit[0].time.latest) == ("2031-08-13", "2031-08-14")
    assert "not dated in the text" in (visit[0].time.evidence or "")
    assert any(e.timeline and e.time.value == "2031-08-14" and "inspections" in e.label for e in report.events)
    # a past perfect, a scene in the present, an unnamed doer: not the news of the day
    for word in ("cleaned", "gather"):
        assert not any(e.timeline for e in report.events if word in e.label), [(e.label, e.time) for e in report.events]


def test_one_doer_named_two_ways_in_one_article_is_one_doer() -> None:
    a1 = _article("w01_wire", "2031-04-02", (
        "Ada Brannock Velle, the governor, declared a curfew on 1 April 2031.\n\n"
        "Speaking on the radio on 1 April 2031, Governor Velle announced the curfew for the whole province."))
    report = analyze_articles([a1])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-04-01"]
    assert len(day) == 1, [(e.label, e.time.value) for e in report.events]


def test_an_act_performed_in_its_occasion_has_the_occasions_time_and_is_one_happening() -> None:
    a1 = _article("v01_wire", "2031-09-09", (
        "In a televised statement late Monday, Governor Halvard Ostrin accused the harbour board of negligence."))
    report = analyze_articles([a1])
    day = [e for e in report.events if e.time.value and e.time.value.startswith("2031-09-08")]
    assert len(day) == 1, [(e.label, e.time.value) for e in report.events]
    # the accusation (the sentence's claim) and the statement (told in it) are one happening
    told = {c.parent is None for c in report.claims if c.id in day[0].claim_ids}
    assert told == {True, False}, [(c.predicate, c.parent) for c in report.claims if c.id in day[0].claim_ids]
    assert not any(e.time.value and e.time.value.startswith("2031-09-09") for e in report.events)


def test_an_undated_mention_is_not_read_as_an_older_happening_when_a_newer_one_of_its_kind_just_happened() -> None:
    june = [_article(f"k0{i}_wire", "2031-06-11", f"Six miners were killed in a blast at the Harrow pit on 10 June 2031, "
                                                   f"officials said (report {i}).") for i in range(1, 4)]
    august = _article("k05_paper", "2031-08-21", "A bus crashed near Dellam on 20 August 2031, killing four passengers.")
    late = _article("k06_radio", "2031-08-23", "The identities of all the dead were established by genetic tests.")
    report = analyze_articles([*june, august, late])
    old = [e for e in report.events if (e.time.value or "").startswith("2031-06-10")]
    assert old and not any(late.id in e.article_ids for e in old), [(e.label, e.time.value, e.article_ids) for e in old]


def test_one_persons_body_recovered_on_two_dates_by_two_outlets_is_one_recovery_with_a_disputed_date() -> None:
    a1 = _article("p01_wire", "2031-04-17", (
        "The third body recovered from the collapse site belonged to Ilario Benedek Szalai, officials said.\n\n"
        "Divers spotted a van underwater and found the body inside on Sunday, the harbour police said."))
    a2 = _article("p02_paper", "2031-05-07", "Crews pulled Szalai's body out of the debris on 15 April 2031, the paper said.")
    report = analyze_articles([a1, a2])
    both = [e for e in report.events if {a1.id, a2.id} <= set(e.article_ids) and e.event_type == "RESCUE"]
    assert len(both) == 1, [(e.label, e.time.value, e.article_ids) for e in report.events]
    dispute = [k for k in report.conflicts if k.slot == "time" and k.event_id == both[0].id]
    assert dispute and {v.value[:10] for v in dispute[0].values} >= {"2031-04-13", "2031-04-15"}, dispute


def test_a_doer_that_names_no_one_in_particular_is_nobody_elses() -> None:
    a1 = _article("g01_wire", "2031-05-08", (
        "Authorities recovered the last missing worker on 6 May 2031 at the quarry.\n\n"
        "Rescue divers found Oskar Lindqvist on 6 May 2031 in a flooded gallery of the quarry."))
    report = analyze_articles([a1])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-05-06"]
    assert len(day) == 1, [(e.label, e.time.value) for e in report.events]


def test_a_storys_incidents_of_one_day_are_one_incident_unless_told_in_other_places() -> None:
    a1 = _article("i01_wire", "2031-10-06", "Hackers knocked the Lorvale council's network offline early on 5 October 2031.")
    a2 = _article("i02_paper", "2031-10-07", "Lorvale council staff detected the intrusion on 5 October 2031 and shut every server.")
    a3 = _article("i03_radio", "2031-10-08", "The attackers encrypted the council's files in the early hours of 5 October 2031, "
                                             "investigators said.")
    report = analyze_articles([a1, a2, a3])
    day = [e for e in report.events if e.timeline and (e.time.value or "").startswith("2031-10-05")]
    assert len(day) == 1, [(e.label, e.time.value, e.event_type) for e in report.events]
    assert set(day[0].article_ids) == {a1.id, a2.id, a3.id}


def test_a_statement_that_tells_an_act_the_same_day_is_one_happening_with_it() -> None:
    a1 = _article("s01_wire", "2031-11-12", "The Tarrow Emergency Agency confirmed on 11 November 2031 that it was "
                                            "assisting the flooded villages.")
    report = analyze_articles([a1])
    day = [e for e in report.events if e.timeline and (e.time.value or "").startswith("2031-11-11")]
    assert len(day) == 1, [(e.label, e.time.value, e.event_type) for e in report.events]


def test_one_act_told_a_day_apart_by_two_outlets_is_one_act_with_a_disputed_date() -> None:
    a1 = _article("f01_wire", "2031-03-20", "The tenants' lawsuit, filed on 12 March 2031, now has 30 named plaintiffs.")
    a2 = _article("f02_paper", "2031-03-21", "A class-action suit filed against the landlord on 13 March 2031 seeks damages.")
    report = analyze_articles([a1, a2])
    filed = [e for e in report.events if {a1.id, a2.id} <= set(e.article_ids)]
    assert len(filed) == 1, [(e.label, e.time.value, e.article_ids) for e in report.events]
    dispute = [k for k in report.conflicts if k.slot == "time" and k.event_id == filed[0].id]
    assert dispute and dispute[0].kind == "contradiction"


def test_two_outlets_telling_one_kind_of_act_on_one_day_tell_one_act() -> None:
    a1 = _article("l01_wire", "2031-06-04", "The airline's licence was suspended on 3 June 2031 after the inspection.")
    a2 = _article("l02_paper", "2031-06-05", "The airline's operating licence was frozen on 3 June 2031, a spokesman said.")
    report = analyze_articles([a1, a2])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-06-03"]
    assert len(day) == 1 and set(day[0].article_ids) == {a1.id, a2.id}, [(e.label, e.time.value) for e in report.events]


#: Why the two tests below fail: the same-day join (reconcile/sameday.py) no longer vetoes pairs
#: whose doers or places differ, because on 33 stories' gold that veto kept apart as many pairs of
#: one happening as of two (201 against 157). In a two-article corpus, where a day holds two
#: events, the learned join then reads two acts of other doers as one.
_DOERS_NOT_WEIGHED = "known weakness: the learned same-day join does not weigh different doers in a tiny corpus"


@pytest.mark.xfail(strict=True, reason=_DOERS_NOT_WEIGHED)
def test_two_outlets_telling_acts_of_other_doers_in_other_places_on_one_day_tell_two() -> None:
    b1 = _article("l03_wire", "2031-06-04", "Regulators in Osterholm suspended the airline's licence on 3 June 2031.")
    b2 = _article("l04_paper", "2031-06-05", "Prosecutors in Velmora froze the carrier's accounts on 3 June 2031.")
    report = analyze_articles([b1, b2])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-06-03"]
    assert len(day) == 2, [(e.label, e.time.value) for e in report.events]


def _levee() -> tuple[Article, Article, Article, list[Article]]:
    a1 = _article("n01_wire", "2031-07-02", "Crews shored up the Harnell levee on 1 July 2031 as the river rose.")
    a2 = _article("n02_paper", "2031-07-03", "Sandbags were stacked along the Harnell levee on 1 July 2031, the county said.")
    a3 = _article("n03_radio", "2031-07-03", "Governor Ilse Varnholt toured the Harnell levee on 1 July 2031.")
    # other news of the story, so that the levee is not a name every article gives
    others = [_article(f"n0{i}_blog", "2031-07-04", f"The Dellam school reopened on {i - 1} July 2031.") for i in range(4, 8)]
    return a1, a2, a3, others


def test_two_outlets_naming_the_same_participant_on_one_day_tell_one_happening() -> None:
    a1, a2, _, others = _levee()
    report = analyze_articles([a1, a2, *others])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-07-01"]
    assert len(day) == 1 and set(day[0].article_ids) == {a1.id, a2.id}, [(e.label, e.article_ids) for e in day]


@pytest.mark.xfail(strict=True, reason=_DOERS_NOT_WEIGHED)
def test_an_act_of_another_doer_on_the_same_participant_is_another_happening() -> None:
    a1, a2, a3, others = _levee()
    # beside two others whose doers differ, the mention naming no doer could be either: it joins neither
    report = analyze_articles([a1, a2, a3, *others])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-07-01"]
    assert len(day) == 3, [(e.label, e.article_ids) for e in day]


def test_in_a_story_told_by_the_day_a_happening_one_article_dates_only_to_a_month_is_background() -> None:
    a1 = _article("m01_wire", "2031-09-20", (
        "The Orlin mill laid off forty workers in August 2031.\n\n"
        "A fire destroyed the Orlin mill's warehouse on 18 September 2031.\n\n"
        "Firefighters rescued two guards on 18 September 2031.\n\n"
        "The county evacuated the Marl district on 19 September 2031.\n\n"
        "Inspectors closed the mill's second site on 20 September 2031."))
    report = analyze_articles([a1])
    month = [e for e in report.events if (e.time.value or "") == "2031-08"]
    assert month and not any(e.timeline for e in month), [(e.label, e.time.value, e.timeline) for e in report.events]
    assert "told by the day" in (month[0].placement or "")
    assert any(e.timeline and e.time.value == "2031-09-18" for e in report.events)


def _one_entry(day: str, *articles: Article) -> None:
    """The articles tell one timeline entry on ``day``, and it joins all of them."""
    report = analyze_articles(list(articles))
    on = [e for e in report.events if e.timeline and e.time.value == day]
    assert len(on) == 1 and set(on[0].article_ids) == {a.id for a in articles}, [(e.label, e.article_ids) for e in on]


def test_a_group_of_people_is_those_people_as_a_doer() -> None:
    # "a group of residents" and "residents of Lower Vell" are one doer: the collective noun only counts them
    a1 = _article("g01_wire", "2031-04-22", "Residents of Lower Vell filed a lawsuit against the water board on 21 April 2031.")
    a2 = _article("g02_paper", "2031-04-23", "A group of residents sued the water board on 21 April 2031 in the county court.")
    _one_entry("2031-04-21", a1, a2)


def test_a_word_that_only_modifies_the_object_takes_no_date_from_the_verb() -> None:
    # "filed an election contest on 1 December": the filing is dated, not an election
    a1 = _article("e01_wire", "2031-12-02", "The mayor filed an election contest on 1 December 2031 in the county court.")
    report = analyze_articles([a1])
    dated = [e for e in report.events if e.time.value == "2031-12-01"]
    assert dated and all(e.event_type == "LEGAL" for e in dated), [(e.label, e.event_type) for e in dated]


def test_one_outlets_date_a_day_off_the_others_for_one_act_of_no_type_is_a_disputed_date() -> None:
    # two outlets tell the press's act on the 30th; a recap says the 29th: one act, its date disputed
    body = "Calloway Presses relabelled its apple juice on 30 September 2031, the company said."
    a1 = _article("r01_wire", "2031-10-01", body)
    a2 = _article("r02_paper", "2031-10-02", "Calloway Presses relabelled its apple juice on 30 September 2031.")
    a3 = _article("r03_recap", "2031-10-20", "Calloway Presses relabelled its apple juice on 29 September 2031.")
    report = analyze_articles([a1, a2, a3])
    told = [e for e in report.events if a3.id in e.article_ids and e.time.value]
    assert len(told) == 1 and {a1.id, a2.id, a3.id} <= set(told[0].article_ids), \
        [(e.label, e.time.value, e.article_ids) for e in report.events]
    dispute = [k for k in report.conflicts if k.slot == "time" and k.event_id == told[0].id]
    assert dispute and dispute[0].kind == "contradiction"


def test_one_doer_acting_on_one_thing_the_same_day_is_one_happening_whatever_the_verb() -> None:
    a1 = _article("d01_paper", "2031-11-18", "Mayor Ivo Brannick filed a request on 17 November 2031 for a hand recount.")
    a2 = _article("d02_recap", "2031-12-09", "Brannick asked for a hand recount on 17 November 2031.")
    _one_entry("2031-11-17", a1, a2)


def _figure_disputes(articles: list[Article]) -> list[tuple[str, list[str]]]:
    """The figure conflicts a report of ``articles`` gives: (kind, the values in order)."""
    return [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
            if k.slot == "quantity"]


def _clusters(*articles: Article):  # type: ignore[no-untyped-def]
    """The clusters reconciliation reads, from real extraction of ``articles``."""
    from dataclasses import replace

    from storyline.extract import analyze_articles as extract
    from storyline.reconcile import _run
    from storyline.reconcile.documents import prepare_docs, reresolve_times

    analyses = extract(list(articles))
    arts = [replace(a, published=x.published) if x.published else a for a, x in zip(articles, analyses, strict=True)]
    docs = prepare_docs(arts, analyses)
    reresolve_times(docs)
    return _run(docs)[1]


def test_a_mention_that_is_an_argument_of_another_in_its_sentence_tells_one_happening_with_it() -> None:
    from storyline.reconcile.join_checks import _one_sentence

    clusters = _clusters(_article("s01_wire", "2031-03-05", "Oskar Lenne skipped a court hearing on 4 March 2031."))
    hearing = next(c for c in clusters if any(f.trigger == "hearing" for f in c.frames))
    skipped = next(c for c in clusters if any(f.trigger == "skipped" for f in c.frames))
    assert _one_sentence(hearing, skipped) and _one_sentence(skipped, hearing)
    clusters = _clusters(_article("s02_wire", "2031-03-05", (
        "The county ordered Lower Vell evacuated at 4:30 a.m. on 4 March 2031, and the weir gave way at 9:40 a.m.")))
    evacuated = next(c for c in clusters if any(f.trigger == "evacuated" for f in c.frames))
    gave = next(c for c in clusters if any(f.trigger == "gave" for f in c.frames))
    assert not _one_sentence(evacuated, gave)


def test_a_running_count_given_days_apart_changed_and_one_given_the_same_day_is_disputed() -> None:
    a1 = _article("n01_wire", "2031-04-13", "About 340 homes in Lower Vell were damaged by the flood.")
    a2 = _article("n02_paper", "2031-04-17", "More than 400 homes in Lower Vell were damaged by the flood.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["changed_over_time"], kinds
    a3 = _article("n03_radio", "2031-04-13", "Some 520 homes in Lower Vell were damaged by the flood.")
    kinds = [k.kind for k in analyze_articles([a1, a3]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds


def test_a_verb_of_no_type_whose_doer_is_the_days_incident_thing_tells_the_incident() -> None:
    a1 = _article("i01_wire", "2031-04-13", "An earthen weir holding back Lake Vell gave way on 12 April 2031, flooding the town.")
    a2 = _article("i02_column", "2031-04-19", "On 12 April 2031 the Vell weir split down the middle and emptied the lake.")
    _one_entry("2031-04-12", a1, a2)


@pytest.mark.xfail(strict=True, reason=_SPARSE_DAY)
def test_a_day_the_story_tells_one_thing_about_is_one_happening_told_in_other_words() -> None:
    a1 = _article("q01_tv", "2031-11-07", "Ilse Marrow pulled ahead of Mayor Piet Oberlin on 6 November 2031 as mail ballots came in.")
    a2 = _article("q02_recap", "2031-12-09", "Marrow overtook Oberlin on 6 November 2031 as the count went on.")
    _one_entry("2031-11-06", a1, a2)
    # two acts of different kinds, one told by several outlets, stay two
    b1 = _article("q03_wire", "2031-12-08", "Oberlin apologized to the nation on 7 December 2031 in a short address.")
    b2 = _article("q04_paper", "2031-12-08", "Oberlin apologized on 7 December 2031 for the decree.")
    b3 = _article("q05_tv", "2031-12-08", "Parliament rejected the impeachment motion against Oberlin on 7 December 2031.")
    report = analyze_articles([b1, b2, b3])
    day = [e for e in report.events if e.timeline and e.time.value == "2031-12-07"]
    assert len(day) == 2, [(e.label, e.article_ids) for e in day]


def test_figures_of_who_did_one_kind_of_act_count_the_same_thing_whatever_the_noun() -> None:
    """'1,400 members walked out' and '1,900 bakery workers downed tools' the same day count the
    strikers: a contradiction; a figure of another role or another kind of act is not compared."""
    a1 = _article("b01_live", "2031-06-02", "About 1,400 members of the bakers' union have walked out, the branch secretary said.")
    a2 = _article("b02_tv", "2031-06-02", "Some 1,900 bakery workers downed tools on 2 June 2031 in a row over pay.")
    a3 = _article("b03_wire", "2031-06-02", "The bakeries delivered 600 loaves to hospitals on 2 June 2031.")
    conflicts = [k for k in analyze_articles([a1, a2, a3]).conflicts if k.slot == "quantity"]
    assert [k.kind for k in conflicts] == ["contradiction"], [(k.kind, [v.value for v in k.values]) for k in conflicts]
    assert {v.value for v in conflicts[0].values} == {"About 1,400", "Some 1,900"}


def test_a_year_less_wires_figure_is_compared_on_the_day_the_story_gives_it() -> None:
    """A wire dated only 'May 14' tells a figure the story's dated page gives otherwise that day:
    the wire's figure holds on 14 May 2031 and the two are set against each other, not left
    undated (and so never compared)."""
    dated = _article("w01_paper", "2031-05-14", "The fire service says 53 people were on the Brask Lines coach.")
    body = "There were 51 people on the Brask Lines coach, police said."
    wire = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w02_wire.txt",
                   published=PublishedDate(note="wire dateline gives --05-14 without a year", month_day="--05-14"))
    conflicts = [k for k in analyze_articles([dated, wire]).conflicts if k.slot == "quantity"]
    assert [sorted(v.value for v in k.values) for k in conflicts] == [["51", "53"]], conflicts
    # without the story's dated page the wire's figure has no day and nothing is compared
    other = _article("w03_paper", "2031-05-14", "The bus company runs 40 coaches, its chief executive said.")
    assert not [k for k in analyze_articles([other, wire]).conflicts if k.slot == "quantity"]


def test_one_outlets_count_between_the_others_same_count_is_disputed_not_a_change() -> None:
    """'All 21 crew members are safe' on the 10th, the 20th and in April, 'its 24 crew remain on
    board' in one paper on the 13th: the crew did not grow and shrink back, the paper's figure
    disputes the others'. A count that fell and stayed (21, then 20 twice) changed over time."""
    told = [("c01_owner", "2031-03-10", "All 21 crew members are safe, the owner said on 10 March 2031."),
            ("c02_paper", "2031-03-13", "Its 24 crew remain on board."),
            ("c03_wire", "2031-03-20", "All 21 crew members are safe and remain on board."),
            ("c04_tv", "2031-04-03", "All 21 crew members remain on board.")]
    conflicts = [k for k in analyze_articles([_article(*t) for t in told]).conflicts if k.slot == "quantity"]
    assert [(k.kind, sorted(v.value for v in k.values)) for k in conflicts] == [("contradiction", ["21", "24"])], \
        [(k.kind, [v.value for v in k.values]) for k in conflicts]
    told = [("c01_owner", "2031-03-10", "All 21 crew members are safe, the owner said on 10 March 2031."),
            ("c02_paper", "2031-03-24", "Its 20 crew remain on board after the cook was freed."),
            ("c03_wire", "2031-04-03", "All 20 crew members remain on board.")]
    conflicts = [k for k in analyze_articles([_article(*t) for t in told]).conflicts if k.slot == "quantity"]
    assert [k.kind for k in conflicts] == ["changed_over_time"], [(k.kind, [v.value for v in k.values]) for k in conflicts]
    # a recap's past retelling of the first figure is no later reading of it
    told = [("c01_board", "2031-10-08", "The Brask Power Board says 412,000 customers are without power."),
            ("c02_wire", "2031-10-09", "The Brask Power Board says 268,000 customers are without power."),
            ("c03_recap", "2031-10-20", "At the peak of the outage, 412,000 customers were without power, the Brask Power Board said.")]
    conflicts = [k for k in analyze_articles([_article(*t) for t in told]).conflicts if k.slot == "quantity"]
    assert "contradiction" not in [k.kind for k in conflicts], [(k.kind, [v.value for v in k.values]) for k in conflicts]


def test_one_act_a_later_outlet_tells_in_other_words_a_day_off_is_one_disputed_event() -> None:
    """Two outlets tell an evacuation order lifted on Friday 14 March 2031; a later one has the
    residents return home 'on 15 March, after the lifting of the order'. No rule names these words
    as one act; the same-day model, asked at a stricter threshold across two days, reads them as
    one: one event on the day the two outlets give, its date disputed. Acts the model reads alike
    but typed as two kinds (a ship stormed, its crew freed) are left apart."""
    a1 = _article("a01_wire", "2031-03-14", "The county lifted the evacuation order for Brask at 6 p.m. on Friday "
                  "14 March 2031, officials said.")
    a2 = _article("a02_paper", "2031-03-15", "The evacuation order for Brask was lifted on Friday 14 March 2031 after "
                  "four days of air tests.")
    a3 = _article("a03_recap", "2031-04-02", "The evacuated residents of Brask were able to return to their homes on "
                  "15 March, after the lifting of the order.")
    report = analyze_articles([a1, a2, a3])
    told = [e for e in report.events if e.timeline and (e.time.value or "").startswith("2031-03-1")]
    assert len(told) == 1 and len(told[0].article_ids) == 3, [(e.time.value, e.label) for e in told]
    assert told[0].time.value.startswith("2031-03-14")  # the day the two outlets give
    assert [[v.value for v in k.values] for k in report.conflicts if k.slot == "time"] == [["2031-03-14", "2031-03-15"]]
    a1 = _article("b01_wire", "2031-04-03", "Navy special forces stormed the cargo ship Alda before dawn on 3 April "
                  "2031 and freed its 20 crew, the defence ministry said.")
    a2 = _article("b02_paper", "2031-04-04", "Commandos stormed the Alda at 03:40 on Friday 3 April 2031 and freed "
                  "all 20 crew members.")
    a3 = _article("b03_recap", "2031-04-12", "Navy commandos raided the Alda on April 2, freeing the 20 crew after "
                  "a month in captivity.")
    assert not [k for k in analyze_articles([a1, a2, a3]).conflicts if k.slot == "time"]


def test_a_page_without_a_site_is_named_by_its_file_as_a_source() -> None:
    """A text file with no site or address is a source a reader can find: its file name, not its id."""
    a1 = _article("t01_wire", "2031-02-23", "The Brask Assembly voted by 93 votes to 41 to set up an inquiry on 23 February 2031.")
    a2 = _article("t02_herald", "2031-02-23", "The Brask Assembly voted by 98 votes to 41 to set up an inquiry on 23 February 2031.")
    (k,) = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert sorted(s for v in k.values for s in v.sources) == ["t01_wire.txt", "t02_herald.txt"]


def test_two_tallies_of_one_vote_contradict_a_vote_weeks_later_does_not() -> None:
    """'By 93 votes to 41, the Brask Assembly set up an inquiry' / 'the Brask Assembly voted by 98
    votes to 41' the same day: the votes for are disputed, the votes against agree. An undated
    page's tally of that vote is disputed too; the Assembly's vote of six weeks later is another."""
    a1 = _article("v01_paper", "2031-02-23", "By 93 votes to 41, the Brask Assembly set up an inquiry on 23 February 2031.")
    a2 = _article("v02_wire", "2031-02-23", "The Brask Assembly voted by 98 votes to 41 to set up an inquiry on 23 February 2031.")
    body = "The Brask Assembly set up the inquiry by 93 votes to 44 after a long debate."
    undated = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="v03_blog.txt",
                      published=PublishedDate())
    later = _article("v04_paper", "2031-04-08", "The Brask Assembly passed the budget by 80 votes to 60 on 7 April 2031.")
    conflicts = [k for k in analyze_articles([a1, a2, undated, later]).conflicts if k.slot == "quantity"]
    values = sorted(sorted(v.value for v in k.values) for k in conflicts if k.kind == "contradiction")
    assert values == [["41", "44"], ["93", "98"]], [(k.kind, [v.value for v in k.values]) for k in conflicts]
    assert not [k for k in conflicts if {v.value for v in k.values} & {"80", "60"}]


def test_a_time_told_from_another_on_a_year_less_wire_counts_from_its_day_once_known() -> None:
    """A wire dated only 'May 17': 'struck on Thursday and died the following day'. Once the story
    gives the page its year, Thursday is 15 May 2031 and the death 16 May, not a year-less Friday."""
    dated = _article("w01_paper", "2031-05-15", "A jury convicted the banker Lena Varga of fraud on 14 May 2031.")
    body = "A guard was struck by a stone on Thursday and died in hospital the following day, his union said."
    wire = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w02_wire.txt",
                   published=PublishedDate(note="wire dateline gives --05-17 without a year", month_day="--05-17"))
    times = {c.time.text: c.time.value for c in analyze_articles([dated, wire]).claims if c.time is not None}
    assert (times["Thursday"], times["the following day"]) == ("2031-05-15", "2031-05-16"), times


def test_a_page_dated_by_a_wire_dateline_without_its_year_takes_the_storys_year() -> None:
    """'PORTVALE, May 14 (Coast Wire) -' and nothing else: the story's other pages are of May 2031,
    so the page is of 14 May 2031 (the evidence says so) and its 'on Wednesday' is that day."""
    dated = _article("w01_paper", "2031-05-15", "A jury convicted the banker Lena Varga of fraud on 14 May 2031.")
    body = "A jury convicted the banker Lena Varga of fraud on Wednesday after three days of deliberation."
    wire = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w02_wire.txt",
                   published=PublishedDate(note="wire dateline gives --05-14 without a year", month_day="--05-14"))
    report = analyze_articles([dated, wire])
    page = next(a for a in report.articles if a.path == "w02_wire.txt")
    assert (page.published.earliest, page.published.latest) == ("2031-05-14", "2031-05-14")
    assert "year of the story" in (page.published.note or "")
    _one_entry("2031-05-14", dated, wire)
    # a bare year in the text ("the worst since 2011") only bounds the page from below: its
    # dateline's day still takes the story's year
    body = ("A jury convicted the banker Lena Varga of fraud on Wednesday, the biggest such verdict since 2011.")
    wire2 = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w04_wire.txt",
                    published=PublishedDate(note="wire dateline gives --05-14 without a year", month_day="--05-14"))
    page = next(a for a in analyze_articles([dated, wire2]).articles if a.path == "w04_wire.txt")
    assert (page.published.earliest, page.published.latest) == ("2031-05-14", "2031-05-14"), page.published
    # a month and year in the text ("a record set in March 2029") is no writing year beside the
    # dateline's day: the story's dated pages give it
    body = "A jury convicted the banker Lena Varga of fraud on Wednesday, beating a record set in March 2029."
    wire3 = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w05_wire.txt",
                    published=PublishedDate(note="wire dateline gives --05-14 without a year", month_day="--05-14"))
    page = next(a for a in analyze_articles([dated, wire3]).articles if a.path == "w05_wire.txt")
    assert (page.published.earliest, page.published.latest) == ("2031-05-14", "2031-05-14"), page.published
    # far from every dated page of the story, the year stays unknown
    far = _article("w03_paper", "2031-01-20", "A jury convicted the banker Lena Varga of fraud on 19 January 2031.")
    page = next(a for a in analyze_articles([far, wire]).articles if a.path == "w02_wire.txt")
    assert page.published.earliest is None


def test_two_outlets_giving_the_same_uncommon_figures_on_one_day_tell_one_happening() -> None:
    a1 = _article("o01_tv", "2031-06-05", "A second offer of 6.4 per cent, with a one-off payment of £900, came on 3 June 2031.")
    a2 = _article("o02_wire", "2031-06-12", (
        "The bakeries raised their offer to 5.5 per cent in late May 2031, and to 6.4 per cent, plus a one-off "
        "payment of £900, on 3 June 2031."))
    _one_entry("2031-06-03", a1, a2)


def test_a_predicates_time_is_not_lent_across_a_coordinated_clause_with_its_own_subject() -> None:
    a1 = _article("p01_tv", "2031-06-05", (
        "The queue of lorries peaked at 41 on 2 June 2031, the police said, and drivers missed dozens of calls."))
    a2 = _article("p02_wire", "2031-06-03", "The queue of lorries at the border peaked at 41 on 2 June 2031.")
    _one_entry("2031-06-02", a1, a2)


def test_unnamed_rescuers_are_nobody_elses_doer_so_one_outlets_day_off_is_a_disputed_date() -> None:
    a1 = _article("r01_wire", "2031-05-11", "A ground team of the valley rescue service reached the snow cave on 10 May 2031.")
    a2 = _article("r02_tv", "2031-05-11", "A ground team of the rescue service reached the snow cave on 10 May 2031 at noon.")
    a3 = _article("r03_weekly", "2031-05-20", "Rescuers finally reached the snow cave on the morning of 11 May 2031.")
    report = analyze_articles([a1, a2, a3])
    reach = [e for e in report.events if e.timeline and {a3.id, a1.id} <= set(e.article_ids)]
    assert len(reach) == 1 and reach[0].time.value == "2031-05-10", [(e.label, e.time.value) for e in report.events]
    dispute = [k for k in report.conflicts if k.slot == "time" and k.kind == "contradiction"]
    assert dispute and {v.value[:10] for v in dispute[0].values} >= {"2031-05-10", "2031-05-11"}, dispute


def test_the_outlet_telling_about_its_own_coverage_is_not_a_happening() -> None:
    body = ("09:10\n\nThe bakers' union says 900 members walked out at dawn.\n\n"
            "21:45\n\nWe are closing this blog for tonight. Our live coverage resumes at 7am.")
    live = _article("l01_live", "2031-06-02", body)
    report = analyze_articles([live])
    on = [e.label for e in report.events if e.timeline]
    assert not any("blog" in label or "coverage" in label for label in on), on
    background = {e.label: e.placement for e in report.events if not e.timeline}
    assert any("own coverage" in (why or "") for why in background.values()), background


def test_a_figure_of_a_done_act_told_beside_a_plan_holds_when_it_is_written_not_at_the_plans_date() -> None:
    a1 = _article("m01_tv", "2031-03-10", "The petition, signed by 412 nurses, will be debated on 17 March 2031, the clerk said.")
    a2 = _article("m02_recap", "2031-03-28", "On 10 March 2031 the union handed in a petition signed by 398 nurses.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds  # both hold on 10 March: not a count that changed by the 17th


def test_one_outlets_day_off_for_an_act_others_tell_in_other_words_is_a_disputed_date() -> None:
    """A wire written that day, two papers and an explainer weeks later: the explainer's day is
    the odd one even though the wire's telling is the only one in its words."""
    wire = _article("i01_wire", "2031-03-06", "The standards commissioner opened a formal inquiry on 6 March 2031 into the minister.")
    p1 = _article("i02_paper", "2031-03-09", "Commissioner Hedda Brunn, who opened an inquiry into the minister on 6 March 2031, asked for papers.")
    p2 = _article("i03_recap", "2031-03-28", "On 6 March 2031 Commissioner Hedda Brunn opens an inquiry into the minister.")
    late = _article("i04_explainer", "2031-03-24", "Commissioner Hedda Brunn opened her inquiry on 7 March 2031.")
    report = analyze_articles([wire, p1, p2, late])
    events = [e for e in report.events if e.timeline and late.id in e.article_ids]
    assert len(events) == 1 and events[0].time.value == "2031-03-06", [(e.label, e.time.value, e.article_ids) for e in report.events]
    assert any(k.slot == "time" and k.kind == "contradiction" for k in report.conflicts)
    assert events[0].event_type == "INVESTIGATE"


def test_a_live_entry_told_in_the_present_is_dated_for_the_reader_but_does_not_date_the_act() -> None:
    body = ("09:10\n\nThe session opens with a minute's silence for the flood victims.\n\n"
            "09:40\n\nThe minister rises and tells the chamber that the dam inspection was skipped in 2029.\n\n"
            "10:05\n\nThe speaker adjourned the session after a shouting match.")
    live = _article("e01_live", "2031-06-02", body)
    report = analyze_articles([live])
    rises = next(c for c in report.claims if "rises" in c.text)
    assert rises.time is not None and rises.time.value.startswith("2031-06-02")  # the reader sees the entry's day
    adjourned = next(c for c in report.claims if "adjourned" in c.text)
    assert adjourned.time is not None and adjourned.time.value.startswith("2031-06-02")
    on = [e.label for e in report.events if e.timeline]
    assert not any("rises" in label for label in on), on  # the present does not date the act


def test_homes_destroyed_as_of_one_evening_given_two_ways_is_a_contradiction() -> None:
    a1 = _article("h01_tv", "2031-08-20", "The county fire service said on 20 August 2031 that 212 homes had been destroyed.")
    a2 = _article("h02_paper", "2031-08-21",
                  "Its assessment teams had counted 187 homes destroyed as of the evening of 20 August 2031.")
    conflicts = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert [k.kind for k in conflicts] == ["contradiction"], [(k.kind, k.explanation) for k in conflicts]


def test_a_swearing_in_is_one_legal_step_however_it_is_told() -> None:
    a1 = _article("s01_recap", "2031-03-28", "- 13 March 2031 - Ines Vall, until then deputy minister, is sworn in as transport minister.")
    a2 = _article("s02_column", "2031-03-15", "Ines Vall, who was sworn in as transport minister on 13 March 2031, is a careful speaker.")
    _one_entry("2031-03-13", a1, a2)


def test_the_dates_of_a_series_of_figures_are_not_acts_of_their_own() -> None:
    """"grew from 40 on Sunday to 85 on Monday and 120 today": one sentence, one entry at most."""
    body = "The number of volunteers on the dunes has grown from 40 on Sunday to 85 on Monday and 120 today."
    report = analyze_articles([_article("v01_release", "2031-11-11", body)])
    dated = sorted({e.time.value for e in report.events if e.time is not None and e.time.value})
    assert len(dated) <= 1, [(e.label, e.time) for e in report.events]


def test_what_is_foreseen_or_should_have_happened_is_not_on_the_timeline() -> None:
    body = ("Forecasters expect more sleet on Friday. Temperatures on the moor were forecast to fall to minus 9 "
            "degrees on Thursday night. The keeper should have called the coastguard on Monday night. "
            "The ferry sank on Monday night off the point.")
    report = analyze_articles([_article("f01_paper", "2031-11-13", body)])  # a Thursday
    on = [e.label for e in report.events if e.timeline]
    assert any("sank" in label for label in on), on
    assert not any(w in label for label in on for w in ("sleet", "forecast", "called")), on


def test_the_value_before_a_change_and_a_withdrawn_figure_are_not_compared() -> None:
    a1 = _article("r01_police", "2031-05-12", "The reward for information was raised today from 5,000 crowns to 15,000 crowns.")
    a2 = _article("r02_paper", "2031-05-13", "Police raised the reward to 15,000 crowns on Monday. "
                  "Correction: An earlier version of this article said the reward had been raised to 12,000 crowns.")
    conflicts = [(k.kind, [v.value for v in k.values]) for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert not conflicts, conflicts


def test_two_holders_shares_of_one_company_are_different_figures() -> None:
    a1 = _article("h01_wire", "2031-06-02", "Holmfirth Mills, which owns 6.2 per cent of Larkspur, rejected the plan.")
    a2 = _article("h02_paper", "2031-06-02", "Tarn Capital, which owns 9.5 per cent of Larkspur, backed the plan.")
    conflicts = [(k.kind, [v.value for v in k.values]) for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert not conflicts, conflicts


def test_one_bidders_offer_given_two_ways_the_same_day_is_a_contradiction_and_totals_stay_apart() -> None:
    a1 = _article("b01_tv", "2031-06-10", "Kettering Holdings on Monday lifted its offer to $9.90 a share, "
                  "up from the $8.10 it put on the table last week.")
    a2 = _article("b02_recap", "2031-06-20", "June 9, 2031: Kettering raised its offer to $9.40.")
    a3 = _article("b03_wire", "2031-06-09", "Kettering Holdings raised its offer for Brantwood to $9.40 a share on "
                  "Monday, lifting the value of the bid to about $1.2 billion.")
    conflicts = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, a2, a3]).conflicts
                 if k.slot == "quantity"]
    assert ("contradiction", ["$9.40", "$9.90"]) in conflicts, conflicts
    assert not any("$8.10" in values or "about $1.2 billion" in values for _, values in conflicts), conflicts


def test_a_walkout_told_in_other_words_by_two_outlets_on_its_day_is_one_entry() -> None:
    a1 = _article("w01_tv", "2031-05-20", "Some 1,400 bakery workers downed tools on Tuesday morning in a row over pay.")
    a2 = _article("w02_paper", "2031-05-21", "Bakers represented by the Flour Workers' Union walked out on Tuesday at the "
                  "start of the early shift.")
    _one_entry("2031-05-20", a1, a2)


def test_a_later_explainers_day_off_for_the_storys_walkout_is_a_disputed_date() -> None:
    a1 = _article("s01_tv", "2031-05-20", "Some 1,400 bakery workers downed tools on Tuesday morning in a row over pay.")
    a2 = _article("s02_paper", "2031-05-21", "Bakers walked out on Tuesday at the start of the early shift.")
    late = _article("s03_explainer", "2031-06-15", "The stoppage started at 6 a.m. on 21 May 2031.")
    report = analyze_articles([a1, a2, late])
    on = [e for e in report.events if e.timeline and late.id in e.article_ids]
    assert len(on) == 1 and on[0].time.value == "2031-05-20" and {a1.id, a2.id} <= set(on[0].article_ids), \
        [(e.label, e.time.value, e.article_ids) for e in report.events if e.timeline]
    assert any(k.slot == "time" and k.kind == "contradiction" for k in report.conflicts)


def test_a_count_told_with_two_verbs_joins_the_outlets_named_count_of_it() -> None:
    """"Police say 38 people were arrested" and a review's "removed them ..., arresting 38 people" (one
    happening told with two verbs, naming no place) join the count the paper and the tabloid give
    of the arrests at the hall: every outlet that gives 38 stands on its side of the dispute."""
    a1 = _article("o01_tv", "2031-03-11", "Police say 38 people were arrested inside the building, 31 of them students.")
    a2 = _article("o02_paper", "2031-03-12", "A total of 38 people were arrested when officers cleared Tarn Hall "
                  "early Tuesday, police said Wednesday.")
    a3 = _article("o03_tabloid", "2031-03-12", "A total of 83 people were arrested as officers in helmets swept "
                  "through Tarn Hall floor by floor.")
    a4 = _article("o04_review", "2031-04-02", "The students ended their occupation only when police removed them "
                  "on 11 March, arresting 38 people.")
    report = analyze_articles([a1, a2, a3, a4])
    sides = {v.value: set(v.article_ids) for k in report.conflicts if k.slot == "quantity" and k.kind == "contradiction"
             for v in k.values}
    assert sides.get("83") == {a3.id} and {a1.id, a2.id, a4.id} <= sides.get("38", set()), sides


def test_a_share_of_one_whole_from_one_report_told_two_ways_is_a_contradiction() -> None:
    """"about 40 per cent of a steel bolt" and "roughly 60 per cent of the carrier bolt", both from the
    inspectorate's preliminary report ("according to the preliminary report of the X" is the X
    speaking): one share of one whole, told two ways. "60 per cent of the bolt" names the share's
    whole, not a count it is part of."""
    b1 = _article("b01_wire", "2031-06-03", "A fatigue crack that had spread across about 40 per cent of a steel bolt "
                  "caused the car to break away, the Devices Inspectorate said in a preliminary report published on Tuesday.")
    b2 = _article("b02_column", "2031-06-20", "According to the preliminary report of the Devices Inspectorate, "
                  "published on 3 June, a fatigue crack had spread across roughly 60 per cent of the carrier bolt "
                  "before it snapped.")
    assert ("contradiction", ["about 40 per cent", "roughly 60 per cent"]) in _figure_disputes([b1, b2])


def test_a_share_told_two_ways_whoever_its_clause_names_and_a_two_days_sum_apart() -> None:
    """"ordered the Courier to pay 80 percent of the singer's legal costs" / "60 percent of the
    singer's legal costs": the subject of "ordered" holds no share (only a verb of holding makes
    its subject the share's holder), so the two are one share told two ways. "1.9 billion on
    Monday and 1.5 billion on Tuesday, together about 16 percent of deposits" totals two days: no
    rival of Monday's "about 9 percent"."""
    a1 = _article("c01_wire", "2031-04-11", "A judge on Friday ordered the Tarn Courier to pay 80 percent of the "
                  "singer's legal costs after he won his libel action against the paper.")
    a2 = _article("c02_weekly", "2031-04-17", "Last Friday Judge Orrel ordered the Courier to pay 60 percent of the "
                  "singer's legal costs, on top of the damages.")
    assert ("contradiction", ["60 percent", "80 percent"]) in _figure_disputes([a1, a2])
    w1 = _article("w01_wire", "2031-03-10", "Savers pulled 1.9 billion marks out of the bank on Monday, about 9 percent "
                  "of its deposits.")
    w2 = _article("w02_paper", "2031-03-12", "Customers withdrew 1.9 billion marks on Monday and a further 1.5 billion "
                  "marks on Tuesday, together about 16 percent of the deposits the bank held.")
    assert not [d for d in _figure_disputes([w1, w2]) if d[0] == "contradiction"]


def test_talks_between_two_sides_that_ended_after_hours_are_measured() -> None:
    """"The first round of talks between the engineers and the port authority ended ... after seven
    hours" measures the talks ("talks between", "talks ... ended": the noun heads its phrase), as
    "ended their talks ... after nearly 11 hours" does: one length told two ways."""
    b1 = _article("d01_wire", "2031-03-05", "Engineers ended their talks with the port authority on Wednesday after "
                  "nearly 11 hours without an agreement.")
    b2 = _article("d02_paper", "2031-03-06", "The first round of talks between the engineers and the port authority "
                  "ended on Wednesday after seven hours without an agreement.")
    report = analyze_articles([b1, b2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if "duration" in k.slot] == [
        ("contradiction", ["nearly 11 hours", "seven hours"])]


def test_a_three_digit_count_with_its_digits_swapped_by_one_outlet_is_a_contradiction_in_other_words() -> None:
    """The city's "removed a total of 412 structures" (told by two outlets) and a column's "crews tore
    down 421 structures": other verbs, sentences that read only somewhat alike, but a swap of three
    digits of one counted noun by one outlet is one figure misprinted."""
    a1 = _article("k01_city", "2031-03-27", "Over the two days of work, on 24 and 25 March, contractors removed a total "
                  "of 412 structures from the northern half of the settlement, the city said.")
    a2 = _article("k02_paper", "2031-03-28", "The city says its contractors removed 412 structures over two days.")
    a3 = _article("k03_column", "2031-04-02", "In two days, crews tore down 421 structures before the court stepped in.")
    assert ("contradiction", ["412", "421"]) in _figure_disputes([a1, a2, a3])


def test_a_things_state_told_with_a_verb_and_with_a_noun_is_one_length() -> None:
    """"The airport had been shut for 51 hours" and "the airport was back in business after a 15-hour
    closure": the closure is the airport's state of being shut, measured two ways."""
    a1 = _article("a01_wire", "2031-03-05", "The airport had been shut for 51 hours when the first flight landed on "
                  "Thursday morning.")
    a2 = _article("a02_column", "2031-03-09", "Yes, the airport was back in business after a 15-hour closure, and "
                  "the booms on the brook caught most of the fuel.")
    report = analyze_articles([a1, a2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if "duration" in k.slot] == [
        ("contradiction", ["15-hour", "51 hours"])]


def test_the_price_of_a_sale_given_two_ways_is_a_contradiction_even_from_an_undated_page() -> None:
    a1 = _article("p01_wire", "2031-02-05", "The administrators agreed on Wednesday to sell the bankrupt carrier's 38 pairs "
                  "of take-off and landing slots at Wexby International to Harrowgate Air for €46 million.")
    undated = Article(id=Article.make_id("x"), body="The biggest sale so far is of its slots at Wexby to Harrowgate Air, "
                      "for €64 million, but the money goes first to the banks.", content_hash=content_hash("x"),
                      path="p02_guide.txt")
    kinds = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, undated]).conflicts
             if k.slot == "quantity"]
    assert kinds == [("contradiction", ["€46 million", "€64 million"])], kinds


def test_a_participle_describing_a_thing_takes_no_date_from_the_sentence() -> None:
    # "the collapsed ferry line's receivers": the collapse is an earlier state of the firm named,
    # not an act of the sentence's Monday; the layoffs are
    a1 = _article("f01_wire", "2031-03-11", (
        "About 1,900 Dunmere Ferries staff were laid off on Monday, the collapsed ferry line's receivers said."))
    report = analyze_articles([a1])
    monday = [e for e in report.events if e.time.value == "2031-03-10"]
    assert monday, [(e.label, e.time.value) for e in report.events]
    for e in monday:
        texts = [c for c in report.claims if c.id in e.claim_ids]
        assert e.event_type != "DISASTER", (e.label, e.event_type, [c.text for c in texts])


def test_one_sources_two_tolls_of_one_day_are_an_update_not_a_contradiction() -> None:
    a1 = _article("k01_live", "2031-09-13", "Seven people were killed in the shelling of Dorrin on 13 September 2031, "
                                             "the health ministry said.")
    a2 = _article("k02_wire", "2031-09-14", "Nine people were killed in the shelling of Dorrin on 13 September 2031, "
                                             "the health ministry said.")
    conflicts = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert conflicts and all(k.kind != "contradiction" for k in conflicts), [
        (k.kind, [v.value for v in k.values]) for k in conflicts]


def test_the_day_a_period_ends_is_no_happening() -> None:
    a1 = _article("u01_release", "2031-11-05", (
        "On 3 November 2031 parliament extended the state of emergency in Kessel province until 7 December 2031."))
    events = analyze_articles([a1]).events
    assert any(e.time.value == "2031-11-03" for e in events)
    assert not any((e.time.value or "").startswith("2031-12-07") for e in events), [(e.label, e.time.value) for e in events]


def test_a_return_that_was_expected_is_foreseen_not_done() -> None:
    a1 = _article("x01_paper", "2031-10-09", (
        "The minister was abroad when the storm hit and was expected back on Thursday."))
    events = analyze_articles([a1]).events
    assert not any(e.timeline and e.time.value == "2031-10-08" for e in events), [
        (e.label, e.time.value, e.timeline) for e in events]


def test_a_measurement_is_of_what_it_measures_and_two_outlets_giving_it_two_ways_contradict() -> None:
    a1 = _article("g01_wire", "2031-10-08", (
        "The strongest gust, 196 km/h, was measured at the Orrin Head lighthouse, the weather service said."))
    a2 = _article("g02_paper", "2031-10-09", (
        "The station at the Orrin Head lighthouse recorded a gust of 212 km/h shortly before landfall. "
        "Sustained winds of 160 km/h battered the coast."))
    conflicts = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    kinds = {frozenset(v.value for v in k.values): k.kind for k in conflicts}
    assert kinds.get(frozenset({"196", "212"})) == "contradiction", kinds
    assert not any("160" in vs for vs in kinds), kinds  # a sustained wind is not a gust
    # "a peak wind speed of": the speed is the wind's, as "winds of" is
    b1 = _article("s01_wire", "2031-10-08", "The storm was rated severe, with a peak wind speed of 240 km/h.")
    b2 = _article("s02_paper", "2031-10-08", "The storm was rated severe, with peak winds of 270 km/h.")
    conflicts = [k for k in analyze_articles([b1, b2]).conflicts if k.slot == "quantity"]
    assert [sorted(v.value for v in k.values) for k in conflicts] == [["240", "270"]], conflicts


def test_a_participle_describing_a_thing_takes_no_date_and_leaves_it_to_the_verb() -> None:
    """'The first confirmed fragment reached land on 15 April': the reaching is dated, not the
    confirming (a participle before a noun after a determiner, an ordinal between them)."""
    from storyline.reconcile.triggers import _attributive

    text = "The first confirmed fragment of the hull reached land on 15 April 2031."
    s = text.index("confirmed")
    assert _attributive(text, s, s + len("confirmed"))
    text = "The collapsed bridge's owners said on 2 May 2031 that they were sorry."
    s = text.index("collapsed")
    assert _attributive(text, s, s + len("collapsed"))
    text = "Investigators confirmed the cause on 2 May 2031."
    s = text.index("confirmed")
    assert not _attributive(text, s, s + len("confirmed"))


def test_figures_of_one_happening_told_with_other_verbs_are_compared() -> None:
    """'fined it 5.9 million' and 'ordered it to pay 9.5 million' the same day are one penalty
    (the same-day join makes them one happening): its two sums are one slot, a contradiction."""
    a1 = _article("f01_wire", "2031-03-20", "The market authority fined the Harwick exchange 5.9 million marks on 19 March 2031 over the theft.")
    a2 = _article("f02_paper", "2031-03-20", "The market authority ordered the Harwick exchange to pay 9.5 million marks on 19 March 2031 over the theft.")
    conflicts = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert [k.kind for k in conflicts] == ["contradiction"], [(k.kind, [v.value for v in k.values]) for k in conflicts]


def test_casualty_counts_of_different_people_are_not_compared() -> None:
    """Two soldiers and six gunmen killed in one raid are two counts, not a dispute over the dead."""
    a1 = _article("k01_wire", "2031-03-29", "Two soldiers were killed in the raid on the farm at Harsk on 28 March 2031, the army said.")
    a2 = _article("k02_paper", "2031-03-29", "Six gunmen were killed in the raid on the farm at Harsk on 28 March 2031, the army said.")
    conflicts = [k for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert conflicts == [], [(k.kind, [v.value for v in k.values]) for k in conflicts]


def test_a_count_a_sentence_tells_as_revised_is_a_change_not_a_dispute() -> None:
    """'raised the number from four to six': one outlet's four and another's six of that count
    the same day are the count before and after; without that sentence they are a dispute."""
    a1 = _article("r01_wire", "2031-03-28", "Four attackers were killed in the raid at Dunhollow on 28 March 2031.")
    a2 = _article("r02_paper", "2031-03-28", "Six attackers were killed in the raid at Dunhollow on 28 March 2031.")
    a3 = _article("r03_live", "2031-03-28", "The ministry raised the number of attackers killed in the raid from four to six on 28 March 2031.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds
    kinds = [k.kind for k in analyze_articles([a1, a2, a3]).conflicts if k.slot == "quantity"]
    assert "contradiction" not in kinds, kinds


def test_two_sources_exact_counts_contradict_and_their_estimates_are_a_spread() -> None:
    """'the clerk said 212 deputies signed' and 'the speaker's office said 188 signed' the same day
    are one count stated two ways: a contradiction; two sources' 'about' figures are estimates."""
    a1 = _article("s01_wire", "2031-03-10", "The petition was signed by 212 deputies on 9 March 2031, the Norland clerk's office said.")
    a2 = _article("s02_paper", "2031-03-10", "The petition was signed by 188 deputies on 9 March 2031, the Vell speaker said.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds
    b1 = _article("s03_wire", "2031-03-10", "The petition was signed by about 2,100 residents on 9 March 2031, the Norland clerk's office said.")
    b2 = _article("s04_paper", "2031-03-10", "The petition was signed by about 3,400 residents on 9 March 2031, the Vell speaker said.")
    kinds = [k.kind for k in analyze_articles([b1, b2]).conflicts if k.slot == "quantity"]
    assert kinds == ["attributed_estimates"], kinds


def test_two_sources_undated_exact_counts_days_apart_contradict() -> None:
    """Neither sentence dates its figure, so each holds only at its article's day; two sources'
    exact counts of one demand a day apart are one fact told two ways, not a change."""
    a1 = _article("d01_wire", "2031-03-09", "The gunmen demanded $4 million for the release of the Norland engineers, two officials said.")
    a2 = _article("d02_paper", "2031-03-10", "The gunmen demanded $7 million for the release of the Norland engineers, a Vell security source said.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds


def test_two_outlets_own_undated_exact_counts_of_a_done_act_days_apart_contradict() -> None:
    """No source named and no date in either sentence: each outlet states the count itself, of an
    act already done, two days apart; one fact told two ways. Told as a running count ("now"),
    the two figures are a change."""
    a1 = _article("b01_wire", "2031-05-08", "The Norland ferry had 43 passengers on board when it struck the pier.")
    a2 = _article("b02_paper", "2031-05-10", "There were 34 passengers on board the Norland ferry when it struck the pier.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert kinds == ["contradiction"], kinds
    c1 = _article("c01_wire", "2031-05-08", "The Norland clinic now has 43 patients.")
    c2 = _article("c02_paper", "2031-05-10", "The Norland clinic now has 34 patients.")
    kinds = [k.kind for k in analyze_articles([c1, c2]).conflicts if k.slot == "quantity"]
    assert "contradiction" not in kinds, kinds


def test_a_figure_dated_by_its_day_and_one_dated_last_week_are_one_moment() -> None:
    """'paused ... on Thursday' and, the week after, 'last week ... suspended': one court order
    told with two verbs, its guarantee given as two sums; the week holds the day, so the two
    exact sums are a dispute, not a change."""
    a1 = _article("g01_wire", "2031-03-28", "The court in Vell on Thursday suspended the fine, provided the Orvik firm "
                  "lodges a bank guarantee of 120 million euros.")
    a2 = _article("g02_paper", "2031-04-02", "Last week the court in Vell paused the fine, provided the Orvik firm lodges "
                  "a bank guarantee of 210 million euros.")
    found = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert found == [("contradiction", ["120 million", "210 million"])], found


def test_an_offers_figure_holds_when_it_was_made_not_when_it_takes_effect() -> None:
    """"offered a rise of 3.5% from 1 June" on 6 March holds on 6 March (the rise starts later), and
    "the 3.8% rise tabled on Thursday" in the next day's paper holds on Thursday, the day its own
    noun phrase names: one offer told two ways, disputed, not a figure that changed."""
    arts = [
        _article("o01_wire", "2031-03-06", "The Brask Port Authority offered dockers a rise of 3.5% from 1 June 2031, "
                 "the union said."),
        _article("o02_paper", "2031-03-07", "The 3.8% rise tabled by the authority on Thursday, together with a one-off "
                 "payment, falls far short, the union's leader said."),
    ]
    found = _figure_disputes(arts)
    assert found == [("contradiction", ["3.5%", "3.8%"])], found


def test_fined_and_a_fine_of_are_one_measure() -> None:
    """"fined Ordo 62 million crowns" and "imposed a fine of 72 million crowns" are one fine told
    with a verb and a noun (the small model's lemma of "fined" is "fin"): disputed."""
    found = _figure_disputes([
        _article("a01_wire", "2031-03-19", "The regulator fined Ordo 62 million crowns on Wednesday."),
        _article("a02_paper", "2031-03-20", "The regulator imposed a fine of 72 million crowns on Ordo on Wednesday."),
    ])
    assert found == [("contradiction", ["62 million", "72 million"])], found


def test_homes_and_properties_count_the_same_things() -> None:
    """"leaving some 9,000 homes without water" and "restored to the 6,000 properties affected by
    the burst" count one thing in two words (lexicon figures.unit_classes): disputed. Households,
    a count of families, are not among them."""
    arts = [
        _article("w01_wire", "2031-03-12", "A water main burst on Tuesday under Kell Road, leaving some 9,000 homes in "
                 "Eastgate without water, the Eastgate Water Company said."),
        _article("w02_release", "2031-03-12", "The Eastgate Water Company said on Wednesday that supplies had been "
                 "restored to the 6,000 properties affected by the burst of the Kell Road main on Tuesday."),
    ]
    found = _figure_disputes(arts)
    assert found == [("contradiction", ["6,000", "some 9,000"])], found
    from storyline.reconcile.figure_slots import unit_class_of
    assert unit_class_of("property") == unit_class_of("home") != unit_class_of("household")
    # one unit of measure however it is spelt (lexicon figures.unit_spellings): "2,150 kg" / "2,510 kilograms"
    from storyline.reconcile.compare import unit_class
    assert unit_class("kg") == unit_class("kilograms") == unit_class("kilogram")
    assert unit_class("km") == unit_class("kilometres") != unit_class("metres") == unit_class("m")


def test_parts_of_one_group_are_compared_and_a_part_is_no_rival_of_a_total() -> None:
    """"eight of the fair's 20 stalls closed early" and "five of its 20 stalls closed early" count
    one thing differently; "22 of the union's 30 delegates backed the deal" is a part of the
    deal's 105 votes, not a rival figure, and the whole (30) is the group's size."""
    arts = [
        _article("f01_wire", "2031-03-10", "Organisers said on Monday that eight of the fair's 20 food stalls closed "
                 "early on Sunday."),
        _article("f02_paper", "2031-03-10", "Five of its 20 food stalls closed early on Sunday, the organisers said."),
        _article("f03_site", "2031-03-10", "The deal was backed by 105 delegates on Sunday, after 22 of the union's 30 "
                 "delegates sided with the leadership."),
        _article("f04_wire", "2031-03-11", "On Sunday 105 delegates backed the deal."),
    ]
    found = _figure_disputes(arts)
    assert ("contradiction", ["Five", "eight"]) in found, found
    assert all("22" not in values and "30" not in values for _, values in found), found


def test_the_whole_of_a_group_told_with_other_verbs_the_same_day_is_one_figure() -> None:
    """'took all 31 crew members off' and 'plucked all 34 crew members from the trawler', both of
    that Tuesday: one crew has one size, whichever verb tells the rescue; 'all 12 schools' of
    another article that day counts other things, and an article giving two wholes of one noun
    tells two groups."""
    from types import SimpleNamespace

    from storyline.model import Quantity
    from storyline.reconcile.figure_pairs import Figure
    from storyline.reconcile.figure_slots import Groups, join_wholes

    def figure(article: str, text: str, number: str, unit: str, day: str = "2031-03-10") -> Figure:
        start = text.index(number)
        claim = SimpleNamespace(text=text, span=(0, len(text)), article_id=article, hedged=False, modality=None)
        q = Quantity(text=number, start=start, end=start + len(number), low=float(number), high=float(number), unit=unit)
        return Figure(SimpleNamespace(claim=claim, article_id=article), q, day, None)  # type: ignore[arg-type]

    items = [figure("a1", "Helicopters took all 31 crew members off the trawler.", "31", "crew member"),
             figure("a2", "Coastguards plucked all 34 crew members from the ship.", "34", "crew member"),
             figure("a3", "All 12 schools in the valley were shut.", "12", "school"),
             figure("a4", "Rescuers lifted 31 crew members off the ship.", "31", "crew member"),
             figure("a5", "All 9 crew of the tug and all 14 crew of the barge were saved.", "9", "crew"),
             figure("a5", "All 9 crew of the tug and all 14 crew of the barge were saved.", "14", "crew")]
    keys = [("other:" + x, "crew") for x in ("take", "pluck", "shut", "lift", "save", "save")]
    uf = Groups()
    for _ in items:
        uf.add()
    join_wholes(uf, items, keys)  # type: ignore[arg-type]
    assert uf.find(0) == uf.find(1)
    assert len({uf.find(i) for i in (0, 2, 3, 4, 5)}) == 5


def test_more_sent_is_what_the_sending_moved_and_a_part_out_of_it_is_no_rival_figure() -> None:
    """'decided to deploy 1,500 additional officers' is the size of that sending, as another
    outlet's 'sends 2,500 officers' tells it: one act, two figures; 'about 900 were still there,
    out of the 1,500 deployed' is a part of it, not a third figure."""
    a1 = _article("o01_gov", "2031-05-19", "The Government has decided to deploy 1,500 additional officers of the "
                  "Public Order Reserve to Vell with immediate effect.")
    a2 = _article("o02_paper", "2031-05-20", "The Prime Minister sends 2,500 reserve officers to Vell.")
    a3 = _article("o03_site", "2031-05-26", "A spokesman said about 900 reserve officers were still in Vell, out of "
                  "the 1,500 deployed to the three cities.")
    found = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, a2, a3]).conflicts
             if k.slot == "quantity"]
    assert any(kind == "contradiction" and "2,500" in " ".join(vs) and any(v.startswith("1,500") for v in vs)
               for kind, vs in found), found
    assert not any("900" in " ".join(vs) for _, vs in found), found


def test_running_totals_and_part_of_a_group_are_not_one_fact_told_two_ways() -> None:
    """'now has 16 cases' and 'now stands at 31 cases' from two sources days apart are a running
    total; 'two engineers and their interpreter' counts part of the three held."""
    a1 = _article("r01_wire", "2031-03-09", "The Norland clinic now has 16 confirmed cases, its director said.")
    a2 = _article("r02_paper", "2031-03-11", "The count now stands at 31 confirmed cases, the Vell county said.")
    kinds = [k.kind for k in analyze_articles([a1, a2]).conflicts if k.slot == "quantity"]
    assert "contradiction" not in kinds, kinds
    b1 = _article("h01_wire", "2031-03-09", "Gunmen are holding two Norland engineers and their interpreter near Vell, two officials said.")
    b2 = _article("h02_paper", "2031-03-10", "Gunmen are holding three Norland engineers near Vell, a security source said.")
    kinds = [k.kind for k in analyze_articles([b1, b2]).conflicts if k.slot == "quantity"]
    assert "contradiction" not in kinds, kinds


def test_two_outlets_moves_of_one_price_on_one_day_contradict_other_days_and_intraday_do_not() -> None:
    """'closed 14.2 percent lower on Monday' and 'crashed 17.2 percent on Monday' are one day's
    move told two ways; Tuesday's rise is another move, and 'at one point down 19 percent' is a
    move within the day, not the day's."""
    a1 = _article("m01_wire", "2031-03-10", "Shares in Orvik Group closed 14.2 percent lower on Monday after the board "
                  "dismissed its chief executive. At one point they were down 19 percent.")
    a2 = _article("m02_paper", "2031-03-16", "Orvik shares crashed 17.2 percent on Monday, the day the chief executive was sacked.")
    a3 = _article("m03_site", "2031-03-11", "Orvik shares rose 2.3 percent on Tuesday as investors returned.")
    # a move by midday is part of the day, not the day's close
    a4 = _article("m04_desk", "2031-03-10", "Orvik shares were down 8 percent by midday on Monday before recovering slightly.")
    found = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, a2, a3, a4]).conflicts
             if k.slot == "quantity"]
    assert found == [("contradiction", ["14.2 percent", "17.2 percent"])], found



def test_figures_orders_of_magnitude_apart_are_two_measures_not_a_dispute() -> None:
    """Of a currency the lexicon does not know, 3,140 against 3,410 dalen is one figure told two
    ways, but 3.14 (a price per kilowatt-hour beside one per megawatt-hour) is another measure: a
    misreported figure changes a digit, not its order of magnitude."""
    texts = [("p01_wire", "The record price of 3,140 dalen was paid for power on Wednesday, the Norland exchange said."),
             ("p02_paper", "The record price of 3.14 dalen was paid for power on Wednesday, the Norland exchange said."),
             ("p03_site", "The record price of 3,410 dalen was paid for power on Wednesday, the Norland exchange said.")]
    found = [(k.kind, sorted(v.value for v in k.values)) for k in
             analyze_articles([_article(n, "2031-07-09", t) for n, t in texts]).conflicts if k.slot == "quantity"]
    assert found == [("contradiction", ["3,140", "3,410"])], found



def _figure_frame(name: str, day: str, text: str, number: str, value: float, unit: str, verb: str,
                  participants: frozenset[str]) -> tuple[Frame, Article]:
    """A frame of one sentence with one figure, its verb untyped (its own family) and dated ``day``."""
    article = _article(name, day, text)
    at = text.index(number)
    q = Quantity(number, at, at + len(number), value, value, unit, role=f"patient {verb}")
    t = TimeExpr(text=day, value=day, start=0, end=0, type="DATE")
    claim = Claim(id=f"{article.id}:0", article_id=article.id, sentence=0, text=text, span=(0, len(text)),
                  predicate=verb, time=t, quantities=[q])
    return Frame(id=f"{article.id}:f0", claim=claim, family=f"other:{verb}", event_type="", trigger=verb,
                 start=0, end=0, unique=False, participants=participants, time=t, value=day,
                 quantities=[q]), article


def test_one_act_told_with_two_verbs_about_one_named_place_is_one_figure() -> None:
    """'38 patients were wheeled out of Vell General Hospital on Friday' and '52 patients were
    evacuated from Vell General Hospital' that day count one group whatever the verbs (the same-day
    join had not made them one event); patients it discharged another day, or two figures of
    patients one article gives that day (parts), are not that figure."""
    hospital = frozenset({"org:vell-general-hospital"})
    f1, a1 = _figure_frame("p01_wire", "2031-03-07", "Thirty-eight patients were wheeled out of Vell General Hospital.",
                           "Thirty-eight", 38, "patient", "wheel", hospital)
    f2, a2 = _figure_frame("p02_paper", "2031-03-07", "A total of 52 patients were evacuated from Vell General Hospital.",
                           "52", 52, "patient", "evacuate", hospital)
    f3, a3 = _figure_frame("p03_site", "2031-03-09", "Vell General Hospital discharged 12 patients.",
                           "12", 12, "patient", "discharge", hospital)
    articles = {a.id: a for a in (a1, a2, a3)}
    groups = [sorted(i.quantity.low or 0 for i in g) for g in figure_groups([f1, f2, f3], articles)]
    assert groups == [[38, 52]], groups
    f4, a4 = _figure_frame("p02_paper", "2031-03-07", "Another 9 patients were evacuated from Vell General Hospital.",
                           "9", 9, "patient", "evacuate", hospital)
    articles[a4.id] = a4
    f4.id, f4.claim.id = "p02:f1", "p02:1"
    groups = [sorted(i.quantity.low or 0 for i in g) for g in figure_groups([f1, f2, f3, f4], articles)]
    assert [38, 52] not in groups, groups


def test_a_sum_told_without_its_holder_is_the_only_holders() -> None:
    """'The Tessel Port Authority will seek $684 million' and, in another outlet, 'the authority
    said it would seek $648 million' are one claim told with and without its owner: a dispute."""
    a1 = _article("c01_wire", "2031-03-26", "The Tessel Port Authority will seek $684 million in compensation from the "
                  "owner of the grounded ship, its chairman said on Wednesday.")
    a2 = _article("c02_paper", "2031-03-27", "The Tessel Port Authority said on Wednesday it would seek $648 million in "
                  "compensation from the owner of the grounded ship.")
    found = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles([a1, a2]).conflicts
             if k.slot == "quantity"]
    assert ("contradiction", ["$648 million", "$684 million"]) in found, found



def _act_cluster(n: int, article: str, verb: str, doer: str, thing: str) -> Cluster:
    """A cluster of one telling: "<doer> <verb> <thing>" in ``article``, an act of the legal kind."""
    text = f"{doer} {verb} {thing}."
    at = len(doer) + 1
    claim = Claim(id=f"{article}:0", article_id=article, sentence=0, text=text, span=(0, len(text)),
                  predicate=verb, agents=[doer], patients=[thing], event_type="LEGAL", trigger=(at, at + len(verb)))
    frame = Frame(id=f"{article}:f0", claim=claim, family=f"other:{verb}", event_type="LEGAL", trigger=verb,
                  start=at, end=at + len(verb), unique=False)
    cluster = Cluster(id=n, family=frame.family, unique=False)
    cluster.add(frame)
    return cluster


def test_one_outlets_day_off_for_one_act_is_a_date_dispute() -> None:
    """Two outlets' tellings that the learned same-day join made one happening ("lodged" and
    "filed" the union's appeal on 10 March), and one explainer, written ten days later, that says
    it lodged it on 11 March: one act whose date is disputed. Not when the explainer was written
    before the 11th (it could not have known the others' day), nor when it names another doer."""
    monday, tuesday = date(2031, 3, 10), date(2031, 3, 11)
    established = (monday, {"u01", "u02"}, [_act_cluster(1, "u01", "lodge", "the dockers' union", "its appeal"),
                                            _act_cluster(2, "u02", "file", "the dockers' union", "an appeal")])
    odd = (tuesday, {"u03"}, [_act_cluster(3, "u03", "lodge", "the dockers' union", "its appeal")])
    written = {"u01": (monday, monday), "u02": (tuesday, tuesday), "u03": (date(2031, 3, 20), date(2031, 3, 20))}
    assert odd_outlets_days([established, odd], written) == [(0, 1)]
    assert odd_outlets_days([established, odd], {**written, "u03": (monday, monday)}) == []
    other = (tuesday, {"u03"}, [_act_cluster(3, "u03", "lodge", "the ferry operators' guild", "its appeal")])
    assert odd_outlets_days([established, other], written) == []



def test_a_body_and_its_chief_acting_are_one_doer_and_a_side_is_the_name_before_it() -> None:
    """"The Chief of the Navy relieved the commander" and "the Navy relieved the commander" name one
    doer (the body the chief heads), so one outlet's day off for it is a dispute; "the Chief of
    the Air Staff" is another body's. "The Yes side" is the doer "Yes" ("the Yes side won by
    ..." / "Yes won by ..."), as "the Remain camp" is "Remain"; "the other side" names no one."""
    from storyline.reconcile.roles import head_word, other_doers

    navy = _act_cluster(1, "n01", "relieve", "the Navy", "the commander")
    chief = _act_cluster(2, "n02", "relieve", "the Chief of the Navy", "the commander")
    air = _act_cluster(3, "n03", "relieve", "the Chief of the Air Staff", "the commander")
    assert not other_doers(navy, chief) and not other_doers(chief, navy)
    assert other_doers(navy, air)
    assert other_doers(navy, _act_cluster(4, "n04", "relieve", "a group of admirals", "the commander"))
    assert head_word("the Yes side") == head_word("Yes") == "yes"
    assert head_word("the Remain camp") == "remain" and head_word("the other side") == "side"


def test_a_telling_within_a_week_does_not_establish_an_outlets_odd_day() -> None:
    """The explainer's "lodged on 11 March" joined by the same-day join with another outlet's
    "filed last week" (a week holding both days) is still one outlet's odd day: only the articles
    that give the day itself count."""
    from dataclasses import replace

    monday, tuesday = date(2031, 3, 10), date(2031, 3, 11)
    established = (monday, {"u01", "u02"}, [_act_cluster(1, "u01", "lodge", "the dockers' union", "its appeal"),
                                            _act_cluster(2, "u02", "file", "the dockers' union", "an appeal")])
    for c, day in zip(established[2], ("2031-03-10", "2031-03-10"), strict=True):
        c.frames[0] = replace(c.frames[0], value=day)
    odd_day = _act_cluster(3, "u03", "lodge", "the dockers' union", "its appeal")
    odd_day.frames[0] = replace(odd_day.frames[0], value="2031-03-11")
    week = _act_cluster(4, "u04", "file", "the dockers' union", "an appeal")
    week.frames[0] = replace(week.frames[0], value="2031-W11")
    odd = (tuesday, {"u03", "u04"}, [odd_day, week])
    later = (date(2031, 3, 20), date(2031, 3, 20))
    written = {"u01": (monday, monday), "u02": (tuesday, tuesday), "u03": later, "u04": later}
    assert odd_outlets_days([established, odd], written) == [(0, 1)]


def test_one_outlets_day_off_is_read_from_the_odd_telling_which_may_name_less() -> None:
    """Two outlets: "the M7 between Orvik and Brask reopened" on the 15th; a review written days
    later: "the motorway reopened" on the 14th. The odd telling names nothing the established one
    does not: one act, its date disputed, whichever of the two the story told first."""
    from storyline.reconcile.disputes import join_one_act_a_day_apart

    for odd_first in (False, True):
        est = [_act_cluster(1, "m01", "reopen", "the M7 motorway between Orvik and Brask", "the road"),
               _act_cluster(2, "m02", "reopen", "the M7 motorway between Orvik and Brask", "the road")]
        for c in est:  # the established telling names the places the odd one does not
            c.persons |= {"place:orvik", "place:brask"}
        odd = _act_cluster(3, "m03", "reopen", "the motorway", "the road")
        clusters = [odd, *est] if odd_first else [*est, odd]
        values: dict[int, str | None] = {1: "2031-03-15", 2: "2031-03-15", 3: "2031-03-14"}
        parent = {1: 1, 2: 1, 3: 3}

        def find(x: int, parent: dict[int, int] = parent) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        def union(x: int, y: int, parent: dict[int, int] = parent) -> None:
            parent[find(y)] = find(x)

        members = {1: est, 3: [odd]}
        written = {"m01": (date(2031, 3, 15),) * 2, "m02": (date(2031, 3, 16),) * 2, "m03": (date(2031, 3, 20),) * 2}
        join_one_act_a_day_apart(clusters, values, dict.fromkeys(values, False), dict.fromkeys(values, False),
                                 find, union, written, limit=10, members=members)  # type: ignore[arg-type]
        assert find(3) == find(1), odd_first


def test_an_event_joined_of_several_happenings_carries_one_date_dispute() -> None:
    """Three outlets date the Vell dockers' walkout 19 May, an explainer 20 May; in another part
    of the telling one outlet says 20 May and another 19 May. The joined event carries one
    dispute over every outlet's date, not one per part that each saw only some of them."""
    arts = [
        _article("h01_wire", "2031-05-19", "About 3,200 dock workers at the port of Vell downed tools on Monday 19 May "
                 "2031, halting all container traffic."),
        _article("h02_paper", "2031-05-20", "Dockers at the port of Vell walked out on 19 May 2031 over pay. The strike "
                 "began on 20 May 2031, the employers said."),
        _article("h03_site", "2031-05-21", "The dockers' walkout at the port of Vell began on Monday 19 May 2031, the "
                 "union said."),
        _article("h04_explainer", "2031-06-10", "The stoppage at the port of Vell started at 6 a.m. on 20 May 2031, when "
                 "about 2,300 dockers stopped work."),
        _article("h05_weekly", "2031-06-12", "The strike began on 19 May 2031, after the employers refused to raise "
                 "their pay offer."),
    ]
    report = analyze_articles(arts)
    disputes = [k for k in report.conflicts if k.slot == "time" and k.kind == "contradiction"]
    assert len(disputes) == 1, [[(v.value, v.article_ids) for v in k.values] for k in disputes]
    told = {v.value: set(v.article_ids) for v in disputes[0].values}
    assert {arts[0].id, arts[2].id, arts[4].id} <= told["2031-05-19"] and arts[3].id in told["2031-05-20"], told


def test_figures_of_one_noun_beside_the_same_other_figure_are_one_slot() -> None:
    """'two holdalls containing 62,000 marks were found' and 'had packed about 26,000 marks into two
    holdalls', told with other verbs and no name, count one sum: the two holdalls beside them
    say so. A sum told beside other things ('three vans') is not that slot."""
    def frame(name: str, text: str, figures: list[tuple[str, float, str]], verb: str) -> tuple[Frame, Article]:
        f, article = _figure_frame(name, "2031-03-12", text, figures[0][0], figures[0][1], figures[0][2], verb, frozenset())
        for number, value, unit in figures[1:]:
            at = text.index(number)
            q = Quantity(number, at, at + len(number), value, value, unit)
            f.quantities.append(q)
            f.claim.quantities.append(q)
        return f, article
    f1, a1 = frame("b01_wire", "Two holdalls containing 62,000 marks were found in the vault.",
                   [("62,000", 62000, "mark"), ("Two", 2, "holdall")], "find")
    f2, a2 = frame("b02_paper", "The robbers had packed about 26,000 marks into two holdalls.",
                   [("26,000", 26000, "mark"), ("two", 2, "holdall")], "pack")
    f3, a3 = frame("b03_site", "Police said 9,000 marks were left in three vans.",
                   [("9,000", 9000, "mark"), ("three", 3, "van")], "leave")
    groups = [sorted(i.quantity.low or 0 for i in g) for g in figure_groups([f1, f2, f3], {a.id: a for a in (a1, a2, a3)})]
    assert [26000, 62000] in groups and not any(9000 in g for g in groups), groups


def test_figures_told_with_two_verbs_of_a_fall_are_one_slot_and_a_rises_is_not() -> None:
    """'the jet lost 56 metres of height' and 'the jet dropped 65 metres' count one fall; 'the
    river rose 3 metres' counts something else."""
    jet = frozenset({"org:tarrow-air"})
    f1, a1 = _figure_frame("j01_release", "2031-05-13", "The Tarrow Air jet lost 56 metres of height.", "56", 56, "metre",
                           "lose", jet)
    f2, a2 = _figure_frame("j02_paper", "2031-05-13", "The Tarrow Air jet dropped 65 metres in five seconds.", "65", 65,
                           "metre", "drop", jet)
    f3, a3 = _figure_frame("j03_site", "2031-05-13", "The Tarrow Air jet rose 3 metres before the drop.", "3", 3, "metre",
                           "rise", jet)
    groups = [sorted(i.quantity.low or 0 for i in g) for g in figure_groups([f1, f2, f3], {a.id: a for a in (a1, a2, a3)})]
    assert [56, 65] in groups and not any(3 in g for g in groups), groups


def test_a_figure_of_last_week_and_one_of_two_days_later_describe_the_same_moment() -> None:
    from storyline.reconcile.figure_pairs import _close

    # "shut 16 schools for four days last week" (week 16) against "11 schools" on the Tuesday after
    assert _close("2031-W16", "2031-04-22") is True
    assert _close("2031-W16", "2031-05-20") is False
    assert _close("2031-04", "2031-05-02") is False  # another month: a month apart at least


def test_a_denied_sentences_figure_before_its_negation_is_compared() -> None:
    """"4,310 ballot papers could not be accounted for, the tribunal found" and another outlet's
    "the tribunal found that 3,410 ... could not be accounted for" the next day: one finding told
    two ways (neither in the perfect, neither an estimate: "polling stations" are no poll), a
    contradiction. A figure after the negation ("did not confirm that 9,000 ... had been forged")
    is nobody's and stays out."""
    arts = [
        _article("v01_wire", "2031-06-02", "After the audit, 4,310 ballot papers from the Dunmore district could not "
                 "be accounted for, the tribunal found."),
        _article("v02_paper", "2031-06-03", "The tribunal found that 3,410 ballot papers from the Dunmore district's "
                 "polling stations could not be accounted for."),
        _article("v03_site", "2031-06-03", "The tribunal did not confirm that 9,000 ballot papers from the Dunmore "
                 "district had been forged."),
    ]
    found = _figure_disputes(arts)
    assert found == [("contradiction", ["3,410", "4,310"])], found


def test_one_sources_total_told_in_the_perfect_may_have_grown() -> None:
    """"The ministry said 212 people had been arrested" and, the next day, "... 260 people had been
    arrested": a total as of each telling, which the ministry raised, not one finding told two ways."""
    arts = [
        _article("m01_wire", "2031-02-05", "The interior ministry said 212 people had been arrested in Dravel."),
        _article("m02_paper", "2031-02-06", "The interior ministry said 260 people had been arrested in Dravel."),
    ]
    kinds = {k.kind for k in analyze_articles(arts).conflicts if k.slot == "quantity"}
    assert "contradiction" not in kinds, kinds


def test_an_outlets_day_off_for_an_alert_told_with_another_verb_is_a_date_dispute() -> None:
    """Two outlets: the federation "received the alert" from the monitor on 9 March; a weekly
    written two weeks later: the monitor's alert "reached the federation on March 10". The
    untyped "reached" is not an act of another kind than "received": one act, its date disputed."""
    arts = [
        _article("p01_wire", "2031-03-10", "The football federation received an alert from the betting monitor "
                 "Fairline Integrity on 9 March 2031 about suspicious bets on the Dunmore match."),
        _article("p02_paper", "2031-03-11", "The federation said it received the alert from Fairline Integrity on "
                 "9 March 2031, two days after the Dunmore match."),
        _article("p03_weekly", "2031-03-25", "Fairline Integrity's formal alert about the Dunmore match reached the "
                 "football federation on March 10, 2031, three days after the game."),
    ]
    report = analyze_articles(arts)
    disputes = [sorted(v.value for v in k.values) for k in report.conflicts
                if k.slot == "time" and k.kind == "contradiction"]
    assert ["2031-03-09", "2031-03-10"] in disputes, disputes


def test_a_plans_figure_holds_when_the_plan_was_told() -> None:
    """"On 9 April the administrators said 96 stores would shut by the end of June, with the loss
    of 2,800 jobs" is the administrators' figure of 9 April, not of June: against another outlet's
    2,300 from the same statement it is a contradiction, not a count that changed by June."""
    arts = [
        _article("a01_wire", "2031-04-09", "The administrators of the Brell chain said on Wednesday that 96 stores "
                 "would close, with the loss of 2,300 jobs."),
        _article("a02_recap", "2031-04-20", "On 9 April the administrators of the Brell chain said 96 stores would "
                 "shut by the end of June, with the loss of 2,800 jobs."),
    ]
    found = _figure_disputes(arts)
    assert found == [("contradiction", ["2,300", "2,800"])], found


def test_a_total_over_several_days_is_no_rival_of_one_days_figure() -> None:
    """"Savers withdrew 1.9 billion crowns on Monday", the bank said; its spokesman the next day:
    "3.4 billion over Monday and Tuesday combined". Two scopes, not a dispute; another outlet's 2.6
    billion "on Monday alone" is one."""
    arts = [
        _article("b01_wire", "2031-03-10", "The Tessel Savings Bank said savers withdrew 1.9 billion crowns on Monday."),
        _article("b02_paper", "2031-03-11", "Savers have withdrawn 3.4 billion crowns from the Tessel Savings Bank over "
                 "Monday and Tuesday combined, its spokesman said."),
        _article("b03_site", "2031-03-11", "Savers withdrew 2.6 billion crowns from the Tessel Savings Bank on Monday "
                 "alone, the bank said."),
    ]
    disputed = [sorted(v.value for v in k.values) for k in analyze_articles(arts).conflicts
                if k.slot == "quantity" and k.kind == "contradiction"]
    assert all("3.4 billion" not in values for values in disputed), disputed
    # a deadline ("within 10 days") makes no total over days: the two guarantees are one, disputed
    arts = [
        _article("g01_wire", "2031-03-27", "The court on Thursday suspended the fine on condition that the company "
                 "provides a bank guarantee of 120 million crowns within 10 days."),
        _article("g02_paper", "2031-04-02", "Last week the court paused the fine, provided the company put up a bank "
                 "guarantee of 210 million crowns."),
    ]
    found = _figure_disputes(arts)
    assert found == [("contradiction", ["120 million", "210 million"])], found


def test_a_telling_dated_only_to_its_month_joins_the_one_happening_of_that_month_it_names() -> None:
    """"The audit ordered by the minister earlier this month": the order two outlets date to the
    day, not a happening of its own dated to the month."""
    a = _article("x01_wire", "2031-05-07", "VANTRIX, May 7 (Pellvane Wire) - Finance Minister Ada Quesk "
                 "ordered an audit of the port scanners on Wednesday.")
    b = _article("x02_post", "2031-05-08", "Finance Minister Ada Quesk ordered an independent audit of the "
                 "scanners at the port of Vantrix on Wednesday.")
    c = _article("x03_daily", "2031-05-20", "The audit ordered by the finance minister earlier this month will "
                 "examine every scan at Terminal 3 going back to 2029.")
    report = analyze_articles([a, b, c])
    ordered = [e for e in report.events if any(x.id in e.article_ids for x in (a, b, c)) and "order" in e.label]
    joined = [e for e in ordered if set(e.article_ids) == {a.id, b.id, c.id}]
    assert joined and joined[0].time is not None and joined[0].time.value == "2031-05-07", \
        [(e.label, e.time.value if e.time else None, len(e.article_ids)) for e in ordered]


def test_a_statement_two_outlets_date_to_the_day_is_on_the_timeline_one_outlet_alone_is_not() -> None:
    # what a mayor told reporters is news when two outlets date it; a statement one page tells stays background
    a1 = _article("d01_wire", "2031-05-07", "Mayor Anna Brell, who told reporters on Tuesday that she had known "
                                            "nothing of the payments, was not in court.")
    a2 = _article("d02_paper", "2031-05-08", "Mayor Anna Brell told reporters on Tuesday that she had known nothing "
                                             "of the payments to the contractor.")
    a3 = _article("d03_radio", "2031-05-09", "The harbour master of Orrin told reporters on Thursday that he had "
                                             "known nothing of the new ferry timetable.")
    report = analyze_articles([a1, a2, a3])
    told = [e for e in report.events if e.time.value == "2031-05-06" and e.event_type == "STATEMENT"]
    assert len(told) == 1 and told[0].timeline and set(told[0].article_ids) == {a1.id, a2.id}, \
        [(e.label, e.time.value, e.timeline, e.placement) for e in report.events]
    alone = [e for e in report.events if a3.id in e.article_ids]
    assert alone and not any(e.timeline for e in alone), [(e.label, e.placement) for e in alone]


def test_a_telling_a_day_off_by_another_doer_is_another_act_not_an_outlets_odd_date() -> None:
    # two outlets date the mayor's statement to Tuesday; a third page tells the harbour master's, on
    # Wednesday: two acts of two doers, not one outlet's wrong day for the mayor's
    a1 = _article("d01_wire", "2031-05-07", "Mayor Anna Brell, who told reporters on Tuesday that she had known "
                                            "nothing of the payments, was not in court.")
    a2 = _article("d02_paper", "2031-05-08", "Mayor Anna Brell told reporters on Tuesday that she had known nothing "
                                             "of the payments to the contractor.")
    a3 = _article("d03_radio", "2031-05-09", "The harbour master of Orrin told reporters on Wednesday that he had "
                                             "known nothing of the new ferry timetable.")
    report = analyze_articles([a1, a2, a3])
    assert not [c for c in report.conflicts if c.slot == "time"], [(c.kind, [v.value for v in c.values])
                                                                     for c in report.conflicts]
    mayor = [e for e in report.events if a1.id in e.article_ids and e.event_type == "STATEMENT"]
    assert mayor and all(a3.id not in e.article_ids for e in mayor)


def test_testimony_to_a_court_is_a_step_of_the_trial_on_the_timeline() -> None:
    """"The presenter told the court on Tuesday that ..." in a libel trial is the day's testimony, a
    happening of the story; what a spokesman told reporters the same day is a statement."""
    report = analyze_articles([_article("t01_wire", "2031-05-07", (
        "Television presenter Olek Brandt told the court on Tuesday that the reports had cost him his show. "
        "A spokesman for the newspaper told reporters on Tuesday that it stood by its reporting."))])
    testimony = [e for e in report.events if e.event_type == "LEGAL"]
    assert any(e.timeline and e.time.value == "2031-05-06" for e in testimony), \
        [(e.label, e.event_type, e.time.value, e.timeline, e.placement) for e in report.events]
    assert not any("reporters" in e.label for e in testimony)



def test_testimony_to_a_committee_and_an_announced_inquiry_are_happenings_on_the_timeline() -> None:
    """"The minister told the committee on Wednesday that ..." is a hearing and "on Thursday she
    announced an inquiry into the voyage, to be led by a retired judge" opens the inquiry: both
    happenings of the story, not statements to the press."""
    report = analyze_articles([_article("t01_wire", "2031-05-09", (
        "Minister Ada Quell told the committee on Wednesday that the fleet was too old. "
        "On Thursday she announced an independent inquiry into the voyage, to be led by a retired judge."))])
    types = {c.id: c.event_type for c in report.claims}
    kinds = {(t, e.time.value if e.time else None, e.timeline) for e in report.events for t in
             {e.event_type, *(types.get(c) for c in e.claim_ids)}}
    assert ("CONSULT", "2031-05-07", True) in kinds and ("INVESTIGATE", "2031-05-08", True) in kinds, \
        [(e.label, e.event_type, e.time, e.timeline, e.placement) for e in report.events]

def test_a_time_after_the_object_dates_the_verb_whatever_event_nouns_the_object_holds() -> None:
    """"filed a claim for damages against X at the court yesterday": the claim and the damages
    are what was filed; "yesterday" dates the filing, on the timeline."""
    report = analyze_articles([_article("c01_paper", "2031-04-02", (
        "Twelve passengers who were hurt in the lift collapse filed a claim for damages against the "
        "operator and its contractor at the district court yesterday."))])
    filed = [e for e in report.events if e.event_type == "LEGAL"]
    assert any(e.timeline and e.time and e.time.value == "2031-04-01" for e in filed), \
        [(e.label, e.event_type, e.time, e.timeline) for e in report.events]

def test_an_undated_page_naming_days_of_the_storys_weeks_is_of_the_storys_year() -> None:
    """A column with no date that names "9 February" and "20 February": the story's dated pages
    are of February 2031, so its days are of 2031 (its writing day stays unknown, inferred within
    the year); a page naming a day far from every dated page keeps its year unknown."""
    dated = _article("w01_paper", "2031-02-12", "A student was admitted to the city hospital on 9 February 2031.")
    dated2 = _article("w02_paper", "2031-02-21", "The health agency declared an outbreak on 20 February 2031.")
    body = "The first student fell ill on 9 February. The agency declared an outbreak on 20 February."
    column = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w03_column.html",
                     published=PublishedDate())
    report = analyze_articles([dated, dated2, column])
    page = next(a for a in report.articles if a.path == "w03_column.html")
    assert page.published.value is None and page.published.source == "inferred", page.published
    days = sorted(c.time.value for c in report.claims if c.article_id == page.id and c.time is not None)
    assert days == ["2031-02-09", "2031-02-20"], days
    body = "The hall first opened its doors on 3 October."
    far = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="w04_column.html",
                  published=PublishedDate())
    report = analyze_articles([dated, dated2, far])
    page = next(a for a in report.articles if a.path == "w04_column.html")
    assert page.published.earliest is None
    assert [c.time.value for c in report.claims if c.article_id == page.id and c.time is not None] == ["XXXX-10-03"]


def test_an_undated_page_that_writes_out_an_earlier_years_month_takes_its_days_from_the_story() -> None:
    """A feature with no date names "November 2030" with its year and "12 March" and "30 March"
    without: news writes the year of a date in another year, so its year-less days are not
    assumed to be of 2030 (which would put them before the November it names); the story's dated
    pages of March 2031 give them their year."""
    dated = _article("y01_paper", "2031-03-13", "Engineers closed the Tarn depot on 12 March 2031 after a fire.")
    dated2 = _article("y02_paper", "2031-03-31", "The defence minister resigned on 30 March 2031 over the fire.")
    body = ("Inspectors warned about the depot in a report written in November 2030. "
            "The depot was closed on 12 March after the fire. The minister resigned on 30 March.")
    feature = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="y03_feature.html",
                      published=PublishedDate())
    report = analyze_articles([dated, dated2, feature])
    page = next(a for a in report.articles if a.path == "y03_feature.html")
    days = sorted(c.time.value for c in report.claims if c.article_id == page.id and c.time is not None
                  and len(c.time.value) == 10)
    assert days == ["2031-03-12", "2031-03-30"], days


def _labels_on(day: str, article: Article) -> list[str]:
    """The labels of the events a report of ``article`` dates ``day``."""
    return [e.label for e in analyze_articles([article]).events if e.time.value == day]


def test_an_untyped_act_keeps_its_date_from_an_act_its_sentence_names_as_its_anchor() -> None:
    # the date stands beside "shut down"; the finding it came "after" and the confirming, in a
    # clause begun by a hyphenated word, are other acts, so the shutting is not left undated
    labels = _labels_on("2031-08-12", _article("s01_wire", "2031-08-20", (
        "The well was shut down on 12 August 2031 after field tests found traces of solvent in its water, "
        "and lab-based sequencing later confirmed it as the source.")))
    assert any("shut" in label for label in labels), labels
    assert not any("confirm" in label for label in labels)
    # "thirty days after the explosion that injured nine": the explosion anchors the date, the
    # flowing is what it dates
    labels = _labels_on("2031-04-08", _article("s02_wire", "2031-04-10", (
        "Gas began flowing again through the repaired line on Wednesday 8 April 2031, thirty days after the "
        "explosion near Tarn that tore out 240 metres of pipe and injured nine contractors.")))
    assert any("flow" in label for label in labels), labels


def test_a_coordinated_verb_in_another_tense_does_not_type_the_act() -> None:
    # "underwent surgery ... and is said to be recovering": a statement about now, not the act's kind
    text = ("The governor of Pellar underwent heart surgery on 6 June 2031 and is said by his doctors "
            "to be recovering well.")
    claims = analyze_articles([_article("h01_paper", "2031-06-09", text)]).claims
    (surgery,) = [c for c in claims if c.predicate == "undergo"]
    assert surgery.event_type != "STATEMENT"


def test_a_thing_switched_off_is_out_of_service_however_it_is_told() -> None:
    """"the gas detector had been switched off for 11 weeks" and "the plant-room gas detector had
    been out of action for seven weeks": one detector's time out of service, told two ways; so are
    "disconnected for about three weeks" and "switched off for nearly three months"."""
    a1 = _article("q01_wire", "2031-04-02", "Inspectors found that a chlorine gas detector at the Tarnby pool had been "
                  "switched off for 11 weeks before the leak.")
    a2 = _article("q02_paper", "2031-04-03", "The safety board's report said the plant-room gas detector had been out "
                  "of action for seven weeks because of false alarms.")
    report = analyze_articles([a1, a2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if "duration" in k.slot] == [
        ("contradiction", ["11 weeks", "seven weeks"])]
    a1 = _article("s01_wire", "2031-04-02", "Investigators found that the smoke alarms in the east wing had been "
                  "disconnected for about three weeks before the fire, the prosecutor said.")
    a2 = _article("s02_letter", "2031-04-09", "According to the charge sheet, the smoke alarms in the east wing had "
                  "been switched off for nearly three months before the fire.")
    report = analyze_articles([a1, a2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if "duration" in k.slot] == [
        ("contradiction", ["nearly three months", "three weeks"])]


def test_an_act_done_in_an_event_has_the_events_time() -> None:
    """"Two men were arrested in dawn raids on Sunday 16 March": the arrests happened in the raids,
    so the raids' day dates them too; one outlet's Saturday 15 March for the arrest of the two men
    is a day off, disputed."""
    a1 = _article("r01_wire", "2031-03-16", "Officers arrested two men at two addresses in Brookside on Saturday "
                  "15 March, police said.")
    a2 = _article("r02_paper", "2031-04-03", "Two men were arrested in dawn raids on Sunday 16 March, when officers "
                  "seized 1,620 tablets from a garage in Brookside.")
    report = analyze_articles([a1, a2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if k.slot in ("time", "date")] == [
        ("contradiction", ["2031-03-15", "2031-03-16"])], report.conflicts


def test_a_line_closed_and_a_line_gone_dark_are_one_time_out_of_service() -> None:
    """"The Northern Line between Tarn and Oskby reopened ..., after being closed for almost 26
    hours" and "The Northern Line, the spine of the country, was dark for 36 hours": one line's
    time out of service (the places after "between" are not the thing), told two ways."""
    a1 = _article("f01_wire", "2031-04-16", "The Northern Line between Tarn and Oskby reopened at 05:40 on Wednesday, "
                  "after being closed for almost 26 hours.")
    a2 = _article("f02_column", "2031-04-20", "The Northern Line, the spine of the country, was dark for 36 hours.")
    report = analyze_articles([a1, a2])
    assert [(k.kind, sorted(v.value for v in k.values)) for k in report.conflicts if "duration" in k.slot] == [
        ("contradiction", ["36 hours", "almost 26 hours"])], report.conflicts


def test_a_wire_datelines_date_dates_no_happening() -> None:
    """"QUARVIK, April 9 (NPA) - University employers tabled an improved pay offer of 3.8 per cent
    Wednesday evening, the union said Thursday": April 9 is the filing's day; no happening of the
    sentence but the union's telling is dated that day."""
    body = ("Universities table improved 3.8 pct pay offer as conciliation talks go on\n\nQUARVIK, April 9 (NPA) - "
            "University employers tabled an improved pay offer of 3.8 per cent Wednesday evening, the lecturers' "
            "union said Thursday, as talks at the National Conciliation Office went into a third day.")
    report = analyze_articles([_article("e01_wire", "2026-04-09", body)])
    on_the_ninth = [e for e in report.events if (e.time.value or "").startswith("2026-04-09")]
    assert all(e.event_type == "STATEMENT" or "said" in e.label for e in on_the_ninth), [
        (e.label, e.event_type) for e in on_the_ninth]
