"""Reconciliation on an invented story: Freedonia and Sylvania sign the Harbour Accord."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.model import PublishedDate
from storyline.reconcile import reconcile
from storyline.reconcile.sources import SourceNames, headline_signals

from .conftest import Builder, by_slot, parties

META = PublishedDate("2031-09-10", "metadata", "2031-09-10", "2031-09-10")


def test_treaty_date_conflict_and_yearless_completion(make: Builder) -> None:
    a1 = make(
        "Freedonia and Sylvania signed the Harbour Cooperation Accord in May 2030. Trade grew quickly.",
        name="a1", published=META, times=[("May 2030", "2030-05", "absolute")], mentions=parties(),
    )
    a2 = make(
        "Rufus Firefly met Trentino on May 12 and signed a Harbour Cooperation Accord for Freedonia.",
        name="a2", published=PublishedDate("2033-01-02", "dateline", None, "2033-01-02", portal=True),
        times=[("May 12", "XXXX-05-12", "none")], mentions=parties(),
    )
    a3 = make(
        "The two countries have traded since signing the harbour cooperation accord in May 2029.",
        name="a3", published=META, times=[("May 2029", "2029-05", "absolute")], mentions=parties(),
    )
    a4 = make(
        "Freedonia signed the Harbour Cooperation Accord with Sylvania in May 2030, officials said.",
        name="a4", published=META, times=[("May 2030", "2030-05", "absolute")], mentions=parties(),
    )
    arts, ans = zip(a1, a2, a3, a4, strict=True)
    report = reconcile(list(arts), list(ans))
    times = by_slot(report, "time")
    assert len(times) == 1
    k = times[0]
    values = {v.value: set(v.article_ids) for v in k.values}
    assert values["2029-05"] == {a3[0].id}
    best = next(v for v in k.values if v.value.startswith("2030-05"))
    assert a2[0].id in best.article_ids  # the year-less May 12 agrees, it is not a conflict
    assert k.best_supported == "2030-05"
    assert "best supported" in k.explanation
    ev = next(e for e in report.events if e.id == k.event_id)
    assert ev.time.value == "2030-05-12"
    assert "completed" in (ev.time.evidence or "")


def test_differently_named_documents_are_different_events(make: Builder) -> None:
    a1 = make(
        "The Treaty of Friendship and Mutual Assistance was signed in 1950 and abolished in 1990. "
        "Freedonia signed the Harbour Cooperation Accord in 2030.",
        name="b1", published=META,
        times=[("1950", "1950", "absolute"), ("1990", "1990", "absolute"), ("2030", "2030", "absolute")],
        mentions=parties(),
    )
    report = reconcile([a1[0]], [a1[1]])
    assert by_slot(report, "time") == []
    dated = sorted(e.time.value for e in report.events if e.time.value)
    assert dated == ["1950", "1990", "2030"]


def test_month_and_day_agree_and_visits_in_other_months_stay_apart(make: Builder) -> None:
    a1 = make(
        "Rufus Firefly visited Sylvania on June 4. He returned home.",
        name="c1", published=META, times=[("June 4", "2031-06-04", "document")], mentions=parties(),
    )
    a2 = make(
        "Firefly made a trip to Sylvania in June. Firefly visited Sylvania again in August 2031.",
        name="c2", published=META,
        times=[("June", "2031-06", "document"), ("August 2031", "2031-08", "absolute")], mentions=parties(),
    )
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    assert by_slot(report, "time") == []
    visits = [e for e in report.events if e.time.value and e.time.value.startswith("2031-0")]
    june = [e for e in visits if e.time.value.startswith("2031-06")]
    assert len(june) == 1 and set(june[0].article_ids) == {a1[0].id, a2[0].id}
    assert any(e.time.value == "2031-08" for e in visits)


def test_document_year_is_narrowed_and_this_year_resolved(make: Builder) -> None:
    dated = make(
        "Freedonia and Sylvania signed the Harbour Cooperation Accord in May 2030.",
        name="d1", published=META, times=[("May 2030", "2030-05", "absolute")], mentions=parties(),
    )
    undated = make(
        "The Harbour Cooperation Accord was signed by Freedonia and Sylvania last year. "
        "Firefly visited Sylvania in March this year.",
        name="d2", times=[("last year", "XXXX", "none"), ("March this year", "XXXX-03", "none")],
        mentions=parties(),
    )
    report = reconcile([dated[0], undated[0]], [dated[1], undated[1]])
    art = next(a for a in report.articles if a.id == undated[0].id)
    assert art.published.earliest == "2031-01-01" and art.published.latest == "2031-12-31"
    assert art.published.source == "inferred" and "narrowed" in (art.published.note or "")
    assert any(e.time.value == "2031-03" and undated[0].id in e.article_ids for e in report.events)
    march = next(c for c in report.claims if c.article_id == undated[0].id and "March" in c.text)
    assert march.time is not None and march.time.value == "2031-03"


def test_quantities_bounds_increments_and_attributed_estimates(make: Builder) -> None:
    a1 = make(
        "Freedonia deployed over 11,000 soldiers to Sylvania. It will send 3,000 additional troops.",
        name="q1", published=META, mentions=parties(),
        quantities=[("over 11,000 soldiers", 11000, None, "soldiers", False),
                    ("3,000 additional troops", 3000, 3000, "troops", True)],
    )
    a2 = make(
        "More than 10,000 troops from Freedonia were deployed in Sylvania.",
        name="q2", published=META, mentions=parties(),
        quantities=[("More than 10,000 troops", 10000, None, "troops", False)],
    )
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    assert by_slot(report, "quantity") == []

    b1 = make(
        "Freedonia deployed about 10,000 troops to Sylvania, Sylvania said.",
        name="q3", published=META, mentions=parties(), attributions={0: "Sylvania's defence ministry"},
        quantities=[("about 10,000 troops", 9500, 10500, "troops", False)],
    )
    b2 = make(
        "Freedonia deployed up to 14,000 troops to Sylvania, according to Ruritania's intelligence agency.",
        name="q4", published=META, mentions=parties(), attributions={0: "Ruritania's intelligence agency"},
        quantities=[("up to 14,000 troops", 12000, 14000, "troops", False)],
    )
    report = reconcile([b1[0], b2[0]], [b1[1], b2[1]])
    q = by_slot(report, "quantity")
    assert len(q) == 1 and q[0].kind == "attributed_estimates"


def test_role_conflict_between_articles(make: Builder) -> None:
    a1 = make("Defence Minister Rufus Firefly arrived in Sylvania.", name="r1", published=META,
              mentions=parties(), titles=[("Rufus Firefly", "Defence Minister", "firefly")])
    a2 = make("Freedonia's top security official, Rufus Firefly, met Trentino.", name="r2", published=META,
              mentions=parties(), titles=[("Rufus Firefly", "Freedonia's top security official", "firefly")])
    a3 = make("Minister Firefly spoke.", name="r3", published=META,
              mentions=parties(), titles=[("Firefly", "Minister", "firefly")])
    report = reconcile([a1[0], a2[0], a3[0]], [a1[1], a2[1], a3[1]])
    roles = by_slot(report, "role")
    assert len(roles) == 1
    assert {v.value for v in roles[0].values} == {"defense minister", "top security official"}
    assert "Firefly" in roles[0].explanation and roles[0].best_supported == "defense minister"


def test_place_conflict_from_gazetteer(make: Builder) -> None:
    wrong = make("The delegates met in the Italian capital of Madrid on Monday.", name="p1", published=META)
    right = make("Talks resumed in Madrid, Spain, the next week.", name="p2", published=META)
    fine = make("Later they flew to the Spanish capital of Madrid.", name="p3", published=META)
    report = reconcile([wrong[0], right[0], fine[0]], [wrong[1], right[1], fine[1]])
    places = by_slot(report, "place")
    assert len(places) == 1
    k = places[0]
    assert k.values[0].article_ids == [wrong[0].id]
    assert "Spain" in k.best_supported and right[0].id in k.values[1].article_ids


def test_sources_profile_and_sensational_headline(make: Builder) -> None:
    a, an = make("Freedonia signed the Harbour Accord, officials said. Trade grew.", name="s1",
                 published=META, attributions={0: "officials"}, mentions=parties())
    a.title = "TOTAL HUMILIATION! Sylvania Destroyed In Port Deal"
    report = reconcile([a], [an])
    prof = report.sources[0]
    assert prof.claims == 2 and prof.attribution_rate == 0.5
    sig = " ".join(prof.sensational_signals)
    assert "all-caps" in sig and "exclamation" in sig and "humiliation" in sig


@pytest.mark.parametrize(
    "headline",
    [
        "NATO: Freedonian troops seen near the Sylvanian border",
        "US, UK condemn deployment as UNSC meets",
        "Drones destroyed artillery, Freedonia's army says",
        "Flood disaster kills 40 in the capital",
        "Leader visits KCNA HQ on anniversary",
    ],
)
def test_plain_headlines_with_acronyms_or_event_words_are_not_sensational(headline: str) -> None:
    assert headline_signals(headline) == []


@pytest.mark.parametrize(
    "headline",
    [
        "THE GREAT BETRAYAL: How the Accord Fell Apart",
        "SHAMEFUL: Ministers Flee the Port",
        "You Won't Believe What Happened Next!",
        "Bombshell report on the harbour deal",
    ],
)
def test_shouting_exclamations_and_loaded_words_are_sensational(headline: str) -> None:
    assert headline_signals(headline)


def test_changed_over_time_figure(make: Builder) -> None:
    a1 = make(
        "In March 2031 Freedonia had deployed 2,000 troops in Sylvania.", name="t1", published=META,
        mentions=parties(), times=[("March 2031", "2031-03", "absolute")],
        quantities=[("2,000 troops", 2000, 2000, "troops", False)],
    )
    a2 = make(
        "In March 2031 Freedonia had deployed 6,000 troops in Sylvania by July 2031.", name="t2",
        published=META, mentions=parties(), times=[("March 2031", "2031-03", "absolute")],
        quantities=[("6,000 troops", 6000, 6000, "troops", False)],
    )
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    q = by_slot(report, "quantity")
    assert len(q) == 1 and q[0].kind == "contradiction"  # same time, same kind of source

    b1 = make("Freedonia deployed 2,000 troops to Sylvania in 2030.", name="t3", published=META,
              mentions=parties(), times=[("2030", "2030", "absolute")],
              quantities=[("2,000 troops", 2000, 2000, "troops", False)])
    b2 = make("Freedonia deployed 6,000 troops to Sylvania, Firefly said.", name="t4", published=META,
              mentions=parties(), quantities=[("6,000 troops", 6000, 6000, "troops", False)])
    b3 = make("By 2031 Freedonia had deployed 6,000 troops to Sylvania.", name="t5", published=META,
              mentions=parties(), times=[("2031", "2031", "absolute")],
              quantities=[("6,000 troops", 6000, 6000, "troops", False)])
    dated = reconcile([b1[0], b3[0]], [b1[1], b3[1]])
    # the same count given for two different years: it changed, nobody contradicts anybody
    q = by_slot(dated, "quantity")
    assert [k.kind for k in q] == ["changed_over_time"] and q[0].best_supported == "6,000 troops"
    # an undated figure holds at its article's (metadata) date
    undated = reconcile([b1[0], b2[0]], [b1[1], b2[1]])
    assert [k.kind for k in by_slot(undated, "quantity")] == ["changed_over_time"]


def test_one_article_never_contradicts_itself(make: Builder) -> None:
    """A breakdown in one article (by region, by age) is scopes of one count, not a dispute; the
    same figures from two outlets at one time are."""
    text = "In March 2031 Freedonia had deployed 2,000 troops in the north and 6,000 troops in the south of Sylvania."
    one = make(text, name="s1", published=META, mentions=parties(),
               times=[("March 2031", "2031-03", "absolute")],
               quantities=[("2,000 troops", 2000, 2000, "troops", False), ("6,000 troops", 6000, 6000, "troops", False)])
    assert by_slot(reconcile([one[0]], [one[1]]), "quantity") == []


def test_clustering_compares_a_bounded_number_of_candidates(make: Builder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Blocking: every frame is scored against at most MAX_PER_KEY clusters per blocking key."""
    from storyline.reconcile import cluster

    calls = 0
    real = cluster._score

    def counting(f, c):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(f, c)

    monkeypatch.setattr(cluster, "_score", counting)
    arts, ans = [], []
    for i in range(150):
        a, an = make(
            f"Freedonia and Sylvania signed the Harbour Cooperation Accord in May {1800 + i}.",
            name=f"x{i}", published=META, times=[(f"May {1800 + i}", f"{1800 + i}-05", "absolute")],
            mentions=[("Freedonia", "GPE", f"f{i}"), ("Sylvania", "GPE", f"s{i}")],  # other parties each time
        )
        arts.append(a)
        ans.append(an)
    report = reconcile(arts, ans)
    frames = 150
    assert len(report.events) == frames  # same accord name, different parties: different events
    # both document words index the same clusters, so a frame meets at most MAX_PER_KEY of them
    assert calls <= frames * cluster.MAX_PER_KEY
    assert calls < frames * (frames - 1) / 2  # far fewer than all pairs


def test_definite_reference_joins_a_named_document_and_indefinite_does_not(make: Builder) -> None:
    named = make("Freedonia and Sylvania signed the Harbour Cooperation Accord in May 2030.", name="g1",
                 published=META, times=[("May 2030", "2030-05", "absolute")], mentions=parties())
    anaphor = make("The treaty was signed by Freedonia and Sylvania in May 2029.", name="g2",
                   published=META, times=[("May 2029", "2029-05", "absolute")], mentions=parties())
    other = make("Freedonia and Sylvania signed an agreement on fishing quotas in 2019.", name="g3",
                 published=META, times=[("2019", "2019", "absolute")], mentions=parties())
    report = reconcile([named[0], anaphor[0], other[0]], [named[1], anaphor[1], other[1]])
    times = by_slot(report, "time")
    assert len(times) == 1
    values = {v.value for v in times[0].values}
    assert values == {"2030-05", "2029-05"}  # the fishing agreement of 2019 is another document


def test_posts_one_article_gives_together_do_not_conflict(make: Builder) -> None:
    a1 = make("Deputy Defence Minister Rufus Firefly, head of the Harbour Directorate, arrived.", name="h1",
              published=META, mentions=parties(),
              titles=[("Rufus Firefly", "Deputy Defence Minister", "firefly"),
                      ("Rufus Firefly", "head of the Harbour Directorate", "firefly")])
    a2 = make("Rufus Firefly, head of the Harbour Directorate, spoke.", name="h2", published=META,
              mentions=parties(), titles=[("Rufus Firefly", "head of the Harbour Directorate", "firefly")])
    a3 = make("Deputy Defence Minister Rufus Firefly left.", name="h3", published=META, mentions=parties(),
              titles=[("Rufus Firefly", "Deputy Defence Minister", "firefly")])
    report = reconcile([a1[0], a2[0], a3[0]], [a1[1], a2[1], a3[1]])
    assert by_slot(report, "role") == []


def test_place_conflict_with_the_country_by_name(make: Builder) -> None:
    for text in (
        "The envoys landed in Lisbon, the capital of Brazil, on Monday.",
        "The envoys landed in Brazil's capital, Lisbon, on Monday.",
    ):
        wrong = make(text, name="n1", published=META)
        right = make("Lisbon, Portugal, hosted the talks.", name="n2", published=META)
        ok = make("They went on to Portugal's capital, Lisbon.", name="n3", published=META)
        report = reconcile([wrong[0], right[0], ok[0]], [wrong[1], right[1], ok[1]])
        places = by_slot(report, "place")
        assert len(places) == 1 and places[0].values[0].article_ids == [wrong[0].id]
        assert "Portugal" in (places[0].best_supported or "")


def test_overlapping_estimates_from_two_governments_are_a_spread(make: Builder) -> None:
    a1 = make("Freedonia deployed about 10,000 troops to Sylvania, Ruritania said.", name="e1", published=META,
              mentions=parties(), attributions={0: "Ruritania"},
              quantities=[("about 10,000 troops", 9000, 11000, "troops", False)])
    a2 = make("Freedonia deployed about 11,500 troops to Sylvania, Sylvania said.", name="e2", published=META,
              mentions=parties(), attributions={0: "Sylvania"},
              quantities=[("about 11,500 troops", 10350, 12650, "troops", False)])
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    q = by_slot(report, "quantity")
    assert [k.kind for k in q] == ["attributed_estimates"]
    assert {tuple(v.sources) for v in q[0].values} == {("Ruritania",), ("Sylvania",)}  # as the articles name them


def test_a_masthead_dateline_anchors_relative_dates_and_each_date_is_an_event(make: Builder) -> None:
    masthead = PublishedDate("2031-04-16", "dateline", "2031-04-16", "2031-04-16", "dateline printed at the top")
    a = make(
        "The ministry wrote to the harbour board last month, and parliament cut its budget in February.",
        name="m1", published=masthead, times=[("last month", "XXXX-XX", "none"), ("February", "XXXX-02", "none")],
    )
    report = reconcile([a[0]], [a[1]])
    assert sorted(e.time.value for e in report.events if e.time.value) == ["2031-02", "2031-03"]
    portal = replace(masthead, earliest=None, portal=True)
    b = make("The board met in February.", name="m2", published=portal, times=[("February", "XXXX-02", "none")])
    report = reconcile([b[0]], [b[1]])
    assert [e.time.value for e in report.events] == ["XXXX-02"]  # a portal page's date anchors nothing
    # the cleaner's flag decides, not the wording of the note
    worded = replace(masthead, note="dateline of a portal-style masthead")
    c = make("The board met in February.", name="m3", published=worded, times=[("February", "XXXX-02", "none")])
    assert [e.time.value for e in reconcile([c[0]], [c[1]]).events] == ["2031-02"]


def test_casualties_are_not_compared_with_the_dead(make: Builder) -> None:
    a1 = make("About 2,000 Freedonian troops were killed in Sylvania.", name="k1", published=META,
              mentions=parties(), quantities=[("About 2,000 Freedonian troops", 1800, 2200, "troops", False)])
    a2 = make("Freedonia suffered about 4,700 casualties in Sylvania, killed or wounded.", name="k2",
              published=META, mentions=parties(), quantities=[("about 4,700 casualties", 4230, 5170, "troops", False)])
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    assert by_slot(report, "quantity") == []


def test_outlets_relaying_one_agency_are_one_source(make: Builder) -> None:
    def art(name: str, site: str, year: int, attribution: str | None) -> tuple:
        return make(
            f"Freedonia and Sylvania signed the Harbour Cooperation Accord in May {year}, {site} reports.",
            name=name, site=site, published=META, times=[(f"May {year}", f"{year}-05", "absolute")],
            mentions=parties(), attributions={0: attribution} if attribution else None,
        )

    relays = [art("i1", "Daily One", 2030, "the state news agency"), art("i2", "Daily Two", 2030, "the state news agency")]
    other = art("i3", "Weekly Three", 2029, None)
    report = reconcile([a for a, _ in [*relays, other]], [an for _, an in [*relays, other]])
    k = by_slot(report, "time")[0]
    assert k.best_supported is None  # one relayed agency against one outlet: a tie
    assert "No value has more independent sources" in k.explanation
    third = art("i4", "Evening Four", 2030, None)
    report = reconcile([a for a, _ in [*relays, other, third]], [an for _, an in [*relays, other, third]])
    assert by_slot(report, "time")[0].best_supported == "2030-05"


def test_a_week_and_a_day_in_the_same_place_make_one_meeting(make: Builder) -> None:
    day = make("The envoys met in Lisbon on 22 April 2031.", name="w1", published=META,
               times=[("22 April 2031", "2031-04-22", "absolute")], mentions=[("Lisbon", "GPE", "lisbon")])
    week = make("A week later Freedonia and Sylvania held talks in Lisbon.", name="w2", published=META,
                times=[("A week later", "2031-W17", "discourse")],
                mentions=[*parties(), ("Lisbon", "GPE", "lisbon")])
    report = reconcile([day[0], week[0]], [day[1], week[1]])
    meetings = [e for e in report.events if e.event_type == "CONSULT"]
    assert len(meetings) == 1 and meetings[0].time.value == "2031-04-22"
    assert set(meetings[0].article_ids) == {day[0].id, week[0].id}


def test_a_portal_page_date_bounds_a_figure_only_from_above(make: Builder) -> None:
    """A figure on a portal page holds at an unknown date before the page's: it is not dated by the
    page, so a different unattributed count elsewhere is neither a change nor a contradiction."""
    page = PublishedDate("2031-09-01", "dateline", None, "2031-09-01", "top of the page", portal=True)
    a1 = make("About 2,000 Freedonian troops were killed in Sylvania.", name="pq1", published=page,
              mentions=parties(), quantities=[("About 2,000 Freedonian troops", 1800, 2200, "troops", False)])
    a2 = make("About 5,000 Freedonian troops were killed in Sylvania.", name="pq2", published=META,
              mentions=parties(), quantities=[("About 5,000 Freedonian troops", 4500, 5500, "troops", False)])
    assert by_slot(reconcile([a1[0], a2[0]], [a1[1], a2[1]]), "quantity") == []
    dated = replace(page, portal=False, earliest="2031-09-01")
    a1 = make("About 2,000 Freedonian troops were killed in Sylvania.", name="pq1", published=dated,
              mentions=parties(), quantities=[("About 2,000 Freedonian troops", 1800, 2200, "troops", False)])
    q = by_slot(reconcile([a1[0], a2[0]], [a1[1], a2[1]]), "quantity")
    assert [k.kind for k in q] == ["changed_over_time"]


def test_role_on_a_portal_page_meets_a_dated_meeting(make: Builder) -> None:
    """A portal page's date is only an upper bound: its title can belong to any earlier meeting."""
    page = PublishedDate("2033-03-03", "dateline", None, "2033-03-03", "top of the page", portal=True)
    a1 = make("Foreign Minister Trentino met Firefly on Monday.", name="r1", published=page,
              mentions=parties(), titles=[("Trentino", "Foreign Minister", "trentino")])
    a2 = make("First Vice Foreign Minister Trentino met Firefly in Freedonia on 4 November 2031.", name="r2",
              published=META, mentions=parties(), times=[("4 November 2031", "2031-11-04", "absolute")],
              titles=[("Trentino", "First Vice Foreign Minister", "trentino")])
    roles = by_slot(reconcile([a1[0], a2[0]], [a1[1], a2[1]]), "role")
    assert len(roles) == 1
    assert {v.value for v in roles[0].values} == {"foreign minister", "first vice foreign minister"}


def test_role_uses_the_sentence_own_date_not_the_article_date(make: Builder) -> None:
    """Both articles are from 2031, but one gives the title for a meeting six years earlier."""
    a1 = make("In March 2025 Deputy Foreign Minister Trentino visited Freedonia.", name="r3", published=META,
              mentions=parties(), times=[("March 2025", "2025-03", "absolute")],
              titles=[("Trentino", "Deputy Foreign Minister", "trentino")])
    a2 = make("Foreign Minister Trentino met Firefly in Freedonia.", name="r4", published=META,
              mentions=parties(), titles=[("Trentino", "Foreign Minister", "trentino")])
    assert by_slot(reconcile([a1[0], a2[0]], [a1[1], a2[1]]), "role") == []
    a1 = make("In August 2031 Deputy Foreign Minister Trentino visited Freedonia.", name="r5", published=META,
              mentions=parties(), times=[("August 2031", "2031-08", "absolute")],
              titles=[("Trentino", "Deputy Foreign Minister", "trentino")])
    assert len(by_slot(reconcile([a1[0], a2[0]], [a1[1], a2[1]]), "role")) == 1


def _deployment_story(make: Builder) -> list[tuple]:
    return [
        make("The first troops from Freedonia left for Sylvania in October 2030, officials said.", name="d1",
             site="One", published=META, mentions=parties(), times=[("October 2030", "2030-10", "absolute")]),
        make("Freedonia sent its first troops to Sylvania in August 2030.", name="d2", site="Two", published=META,
             mentions=parties(), times=[("August 2030", "2030-08", "absolute")]),
        make("Freedonia began sending troops to Sylvania in the autumn of 2030.", name="d3", site="Three",
             published=META, mentions=parties(), times=[("the autumn of 2030", "2030-FA", "absolute")]),
        make("Freedonia could send more troops to Sylvania in March 2031.", name="d4", site="Four",
             published=META, mentions=parties(), times=[("March 2031", "2031-03", "absolute")]),
    ]


def test_a_first_deployment_dated_differently_is_one_event_with_a_time_conflict(make: Builder) -> None:
    story = _deployment_story(make)
    report = reconcile([a for a, _ in story], [an for _, an in story])
    times = by_slot(report, "time")
    assert len(times) == 1
    values = {v.value: set(v.article_ids) for v in times[0].values}
    assert values == {"2030-10": {story[0][0].id, story[2][0].id}, "2030-08": {story[1][0].id}}
    assert times[0].best_supported == "2030-10"
    # the planned further deployment is another event, not a rival date
    assert story[3][0].id not in {a for v in times[0].values for a in v.article_ids}


def test_repeated_deployments_on_different_dates_are_two_events(make: Builder) -> None:
    a1 = make("Freedonia deployed troops to Sylvania in May 2030.", name="d5", published=META, mentions=parties(),
              times=[("May 2030", "2030-05", "absolute")])
    a2 = make("Freedonia deployed troops to Sylvania in July 2031.", name="d6", published=META, mentions=parties(),
              times=[("July 2031", "2031-07", "absolute")])
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    assert by_slot(report, "time") == []
    assert {e.time.value for e in report.events if e.event_type == "MOBILIZE"} == {"2030-05", "2031-07"}


def test_a_season_keeps_its_value_and_movement_verbs_are_deployments(make: Builder) -> None:
    a = make("The first Freedonian battalions were loaded onto ships in the autumn of 2030.", name="d7",
             published=META, mentions=parties(), times=[("the autumn of 2030", "2030-FA", "absolute")])
    report = reconcile([a[0]], [a[1]])
    assert [(e.event_type, e.time.value) for e in report.events] == [("MOBILIZE", "2030-FA")]
    b = make("Rufus Firefly arrived in Sylvania on 3 May 2031.", name="d8", published=META, mentions=parties(),
             times=[("3 May 2031", "2031-05-03", "absolute")])
    assert [e.event_type for e in reconcile([b[0]], [b[1]]).events] == ["CONSULT"]  # a person's arrival: a visit


def _count(make: Builder, name: str, text: str, figure: str, low: float, high: float | None, *, site: str,
           day: str, said: str | None, unit: str | None = "soldiers") -> tuple:
    pub = PublishedDate(day, "metadata", day, day)
    return make(text, name=name, site=site, published=pub, mentions=parties(),
                attributions={0: said} if said else None, quantities=[(figure, low, high, unit, False)])


def test_killed_wounded_and_casualties_are_different_counts(make: Builder) -> None:
    a = _count(make, "u1", "About 300 Freedonian soldiers were killed in Sylvania.", "About 300", 270, 330,
               site="One", day="2031-01-13", said="the Defence Intelligence Bureau")
    b = _count(make, "u2", "Some 2,700 Freedonian soldiers were wounded in Sylvania.", "Some 2,700", 2430, 2970,
               site="Two", day="2031-01-13", said="the Defence Intelligence Bureau")
    c = _count(make, "u3", "Freedonia has suffered a toll of roughly 3,000 in Sylvania, killed or wounded.",
               "roughly 3,000", 2700, 3300, site="Three", day="2031-01-13", said="the Defence Intelligence Bureau",
               unit=None)
    report = reconcile([x for x, _ in (a, b, c)], [y for _, y in (a, b, c)])
    assert by_slot(report, "quantity") == []


def test_one_agency_under_several_names_and_running_totals(make: Builder) -> None:
    """'the DIB', 'Defence Intelligence Bureau' and 'Sylvanian intelligence' are one agency: its
    rising count is a change over time; another agency's figure a day later is an estimate."""
    jan = _count(make, "v1", "About 300 Freedonian soldiers were killed, Sylvanian intelligence said.", "About 300",
                 270, 330, site="One", day="2031-01-13", said="Sylvanian intelligence")
    apr = _count(make, "v2", "Some 600 Freedonian soldiers were killed, the DIB said.", "Some 600", 540, 660,
                 site="Two", day="2031-04-30", said="the DIB")
    names = make("The Defence Intelligence Bureau briefed Sylvanian intelligence officials.", name="v3",
                 site="Three", published=META, mentions=[("Defence Intelligence Bureau", "ORG", "dib")],
                 attributions={0: "Sylvanian intelligence"})
    other = _count(make, "v4", "Close to 900 Freedonian soldiers were killed, the Ruritanian Monitor said.",
                   "Close to 900", 810, 900, site="Four", day="2031-01-14", said="the Ruritanian Monitor")
    docs = [jan, apr, names, other]
    report = reconcile([x for x, _ in docs], [y for _, y in docs])
    kinds = {k.kind: k for k in by_slot(report, "quantity")}
    changed = kinds["changed_over_time"]
    assert changed.best_supported == "Some 600"
    assert {"About 300", "Some 600"} <= {v.value for v in changed.values}
    spread = kinds["attributed_estimates"]
    assert {v.value for v in spread.values} == {"About 300", "Close to 900"}
    assert "contradiction" not in kinds


def test_a_closed_estimate_against_a_lower_bound_from_another_source_is_a_spread(make: Builder) -> None:
    a = _count(make, "x1", "About 5,200 people were displaced in Sylvania, the interior ministry said.",
               "About 5,200", 4680, 5720, site="One", day="2031-04-16", said="the interior ministry", unit="people")
    b = _count(make, "x2", "More than 4,000 people were displaced in Sylvania, the relief office said.",
               "More than 4,000", 4000, None, site="Two", day="2031-04-16", said="the relief office", unit="people")
    q = by_slot(reconcile([a[0], b[0]], [a[1], b[1]]), "quantity")
    assert [k.kind for k in q] == ["attributed_estimates"]
    # two open lower bounds from two sources agree: nothing to report
    c = _count(make, "x3", "More than 5,000 people were displaced in Sylvania, the interior ministry said.",
               "More than 5,000", 5000, None, site="One", day="2031-04-16", said="the interior ministry", unit="people")
    assert by_slot(reconcile([b[0], c[0]], [b[1], c[1]]), "quantity") == []


def test_source_names_acronyms_and_national_intelligence() -> None:
    names = SourceNames({
        "a": ["Lisbon's spy agency", "Defence Intelligence Bureau", "the DIB", "the agency"],
        "b": ["the DIB", "Portuguese intelligence"],
        "c": ["Madrid's military intelligence (CIMS)", "CIMS", "Lisbon's intelligence service"],
        "d": ["the regional civil protection service", "civil protection officials", "officials"],
    })
    dib = names.canonical("the DIB")
    assert dib is not None
    for alias in ["Defence Intelligence Bureau", "Lisbon's spy agency", "Portuguese intelligence",
                  "Lisbon's intelligence service"]:
        assert names.canonical(alias) == dib, alias
    assert names.canonical("CIMS") == names.canonical("Madrid's military intelligence (CIMS)") != dib
    assert names.canonical("civil protection officials") == names.canonical("the regional civil protection service")
    assert names.canonical("officials") is None and names.canonical("the agency") is None


def test_a_short_name_is_the_only_organisation_whose_names_hold_its_words() -> None:
    """"The directorate" and "the civil protection directorate" are the story's one directorate;
    a story with two directorates leaves "the directorate" apart."""
    names = SourceNames({"a": ["the National Civil Protection Directorate", "the directorate"],
                         "b": ["the civil protection directorate"]})
    full = names.canonical("the National Civil Protection Directorate")
    assert names.canonical("the directorate") == names.canonical("the civil protection directorate") == full
    two = SourceNames({"a": ["the National Civil Protection Directorate", "the directorate"],
                       "b": ["the Vell Mines Directorate"]})
    assert two.canonical("the directorate") not in (two.canonical("the National Civil Protection Directorate"),
                                                    two.canonical("the Vell Mines Directorate"))


def test_two_outlets_signings_at_compatible_dates_are_one_event(make: Builder) -> None:
    a1 = make("Firefly flew to Sylvania in May 2030 and signed a treaty with Trentino.", name="g1", site="One",
              published=META, mentions=parties(), times=[("May 2030", "2030-05", "absolute")])
    a2 = make("The partnership treaty Firefly and Trentino signed in Sylvania on 12 May 2030 took effect.", name="g2",
              site="Two", published=META, mentions=parties(), times=[("12 May 2030", "2030-05-12", "absolute")])
    a3 = make("Firefly and Trentino signed a fisheries treaty in Sylvania in March 2031.", name="g3", site="Three",
              published=META, mentions=parties(), times=[("March 2031", "2031-03", "absolute")])
    report = reconcile([a1[0], a2[0], a3[0]], [a1[1], a2[1], a3[1]])
    signings = sorted((e.time.value, len(e.article_ids)) for e in report.events if e.event_type == "AGREE")
    assert signings == [("2030-05-12", 2), ("2031-03", 1)]
    assert by_slot(report, "time") == []
    # "the most visible sign of" is a noun, not a signing
    b = make("The visit is a sign of the treaty Firefly and Trentino want.", name="g4", published=META,
             mentions=parties())
    assert [e for e in reconcile([b[0]], [b[1]]).events if e.event_type == "AGREE"] == []


def test_an_undated_mention_joins_the_event_of_the_same_parties(make: Builder) -> None:
    a1 = make("Freedonia deployed troops to Sylvania on 3 May 2031.", name="h1", site="One", published=META,
              mentions=parties(), times=[("3 May 2031", "2031-05-03", "absolute")])
    a2 = make("Freedonia's troop deployment in Sylvania drew criticism.", name="h2", site="Two", published=META,
              mentions=parties())
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    moves = [e for e in report.events if e.event_type == "MOBILIZE"]
    assert len(moves) == 1 and set(moves[0].article_ids) == {a1[0].id, a2[0].id}
    assert moves[0].time.value == "2031-05-03"


def test_capital_appositive_after_the_city(make: Builder) -> None:
    wrong = make("The envoys met in Madrid, Italy's capital, on Monday.", name="p4", published=META)
    right = make("The envoys met in Madrid, Spain's capital, on Monday.", name="p5", published=META)
    report = reconcile([wrong[0], right[0]], [wrong[1], right[1]])
    places = by_slot(report, "place")
    assert len(places) == 1 and places[0].values[0].article_ids == [wrong[0].id]
    assert "Spain" in (places[0].best_supported or "")


def test_one_agency_under_two_names_is_one_independent_source(make: Builder) -> None:
    def art(name: str, site: str, year: int, attribution: str | None) -> tuple:
        return make(
            f"Freedonia and Sylvania signed the Harbour Cooperation Accord in May {year}, {site} reports.",
            name=name, site=site, published=META, times=[(f"May {year}", f"{year}-05", "absolute")],
            mentions=[*parties(), ("Harbour Survey Office", "ORG", "hso")],
            attributions={0: attribution} if attribution else None,
        )

    relays = [art("n1", "Daily One", 2030, "the Harbour Survey Office"), art("n2", "Daily Two", 2030, "the HSO")]
    other = art("n3", "Weekly Three", 2029, None)
    report = reconcile([a for a, _ in [*relays, other]], [an for _, an in [*relays, other]])
    k = by_slot(report, "time")[0]
    assert k.best_supported is None  # "the HSO" is the Harbour Survey Office: one source against one


def test_a_ratification_in_the_signing_sentence_takes_the_signing_year(make: Builder) -> None:
    a1 = make("Freedonia and Sylvania signed the Harbour Cooperation Accord in May 2030.", name="l1", site="One",
              published=META, mentions=parties(), times=[("May 2030", "2030-05", "absolute")])
    a2 = make("Freedonia and Sylvania later signed the Harbour Cooperation Accord, which was ratified in "
              "November of the same year.", name="l2", site="Two", published=PublishedDate(),
              mentions=parties(), times=[("November of the same year", "XXXX-11", "discourse")])
    report = reconcile([a1[0], a2[0]], [a1[1], a2[1]])
    ratified = [e for e in report.events if "ratified" in e.label]
    assert [e.time.value for e in ratified] == ["2030-11"]
    assert "completed to 2030-11" in (ratified[0].time.evidence or "")


def _memo_corpus(make: Builder) -> list[tuple]:
    """Articles that give every per-article memo something to keep: a capital called another
    country's, two offices of one person, figures of one count from two agencies under several
    names, two ages of one person."""
    return [
        make("The delegates met in the Italian capital of Madrid on Monday.", name="m1", published=META),
        make("Talks resumed in Madrid, Spain, the next week.", name="m2", published=META),
        make("Defence Minister Rufus Firefly arrived in Sylvania.", name="m3", published=META,
             mentions=parties(), titles=[("Rufus Firefly", "Defence Minister", "firefly")]),
        make("Freedonia's top security official, Rufus Firefly, met Trentino.", name="m4", published=META,
             mentions=parties(), titles=[("Rufus Firefly", "Freedonia's top security official", "firefly")]),
        _count(make, "m5", "About 300 Freedonian soldiers were killed, Sylvanian intelligence said.", "About 300",
               270, 330, site="One", day="2031-01-13", said="Sylvanian intelligence"),
        _count(make, "m6", "Some 600 Freedonian soldiers were killed, the DIB said.", "Some 600", 540, 660,
               site="Two", day="2031-04-30", said="the DIB"),
        make("The Defence Intelligence Bureau briefed Sylvanian intelligence officials.", name="m7", site="Three",
             published=META, mentions=[("Defence Intelligence Bureau", "ORG", "dib")],
             attributions={0: "Sylvanian intelligence"}),
        _count(make, "m8", "Close to 900 Freedonian soldiers were killed, the Ruritanian Monitor said.",
               "Close to 900", 810, 900, site="Four", day="2031-01-14", said="the Ruritanian Monitor"),
        make("Rufus Firefly, 52, signed for Freedonia.", name="m9", published=META, mentions=parties()),
        make("The 54-year-old Rufus Firefly signed in Sylvania.", name="m10", published=META, mentions=parties()),
    ]


def test_what_reconcile_remembers_per_article_is_what_it_computes_afresh(make: Builder) -> None:
    """Per-article results kept between reconciliations (capital phrases, attribute values,
    figure counts, source and office names, frames) give the report computed with nothing kept;
    the memos stay within their bounds."""
    from storyline import reconcile as package
    from storyline.reconcile import attributes, facts, figure_reading, memo

    docs = _memo_corpus(make)
    arts, ans = [x for x, _ in docs], [y for _, y in docs]
    memo.clear_all()
    package._frame_memo.clear()
    first = reconcile(arts, ans)
    assert len(facts._miscalled) == len(docs) and len(attributes._values) == len(docs)
    assert len(figure_reading._counted) >= 3
    again = reconcile(arts, ans)  # every per-article result from the memos now
    with memo.forgetting():
        package._frame_memo.clear()
        fresh = reconcile(arts, ans)
    assert first == again == fresh
    slots = {k.slot for k in fresh.conflicts}
    assert {"place", "role", "quantity", "quantity: age"} <= slots, slots
    # a changed article is a miss, never another article's result
    moved = make("The delegates met in the Spanish capital of Madrid on Monday.", name="m1", published=META)
    changed = reconcile([moved[0], *arts[1:]], [moved[1], *ans[1:]])
    assert "place" not in {k.slot for k in changed.conflicts}


def test_a_memo_is_bounded_least_recent_first_and_safe_across_threads() -> None:
    import threading

    from storyline.reconcile.memo import Memo

    m: Memo[int] = Memo(most=3)
    for k in range(5):
        assert m.get(k, lambda k=k: k * 10) == k * 10
    assert len(m) == 3 and list(m.items) == [2, 3, 4]
    assert m.get(2, lambda: -1) == 20  # a hit: not computed, and now the most recent
    m.get(5, lambda: 50)
    assert list(m.items) == [4, 2, 5]

    shared: Memo[int] = Memo(most=64)
    wrong: list[tuple[int, int]] = []

    def work(seed: int) -> None:
        for i in range(3000):
            k = (i * 7 + seed) % 100
            got = shared.get(k, lambda k=k: k * k)
            if got != k * k:
                wrong.append((k, got))

    threads = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong and len(shared) <= 64


def test_a_week_or_a_month_is_no_day() -> None:
    """``date.fromisoformat`` reads "2031-W20" as that week's Monday: a week is an interval, and a
    figure or an event of it is never put on one of its days."""
    from storyline.reconcile.timeslot import parse_day

    assert parse_day("2031-W20") is None and parse_day("2031-05") is None and parse_day("XXXX-05-14") is None
    assert str(parse_day("2031-05-14")) == str(parse_day("2031-05-14T09:00")) == "2031-05-14"
    assert str(parse_day("2031-05-14TEV")) == "2031-05-14"
