"""Undated mentions join an event only on names that identify it; denied or hypothetical events
never support an event nor date it (an invented story)."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import PublishedDate
from storyline.reconcile import reconcile
from storyline.reconcile.frames import negated_trigger

from .conftest import Builder, parties

META = PublishedDate("2031-09-10", "metadata", "2031-09-10", "2031-09-10")
CAST = [*parties(), ("Minister Groucho", "PERSON", "groucho"), ("Groucho", "PERSON", "groucho")]


def _meetings(report, claim_prefix: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in report.events if any(c.startswith(claim_prefix) for c in e.claim_ids)]


def test_an_undated_visit_by_another_envoy_or_by_the_host_alone_stays_apart(make: Builder) -> None:
    # the host leader and his capital appear in every article: they identify no single meeting
    dated = make("Ambassador Trentino held talks with Rufus Firefly in Freedonia on 4 May 2031.", name="u1",
                 site="One", published=META, mentions=CAST, times=[("4 May 2031", "2031-05-04", "absolute")])
    other = make("Minister Groucho held talks with Rufus Firefly in Freedonia.", name="u2", site="Two",
                 published=META, mentions=CAST)
    host = make("Rufus Firefly held talks in Freedonia.", name="u3", site="Three", published=META, mentions=CAST)
    same = make("Trentino's talks with Firefly in Freedonia were cordial.", name="u4", site="Four",
                published=META, mentions=CAST)
    arts = [dated, other, host, same]
    report = reconcile([a for a, _ in arts], [an for _, an in arts])
    may = [e for e in report.events if e.time.value == "2031-05-04"]
    assert len(may) == 1
    assert set(may[0].article_ids) == {dated[0].id, same[0].id}  # the same envoy's talks join
    for a, _ in (other, host):
        assert a.id not in may[0].article_ids


def test_denied_and_hypothetical_events_neither_join_nor_date_an_event(make: Builder) -> None:
    real = make("Freedonia deployed troops to Sylvania on 3 May 2031.", name="n1", site="One", published=META,
                mentions=parties(), times=[("3 May 2031", "2031-05-03", "absolute")])
    denied = make("Sylvania was not under attack, and Freedonia had no reason to send troops to Sylvania "
                  "in June 2031.", name="n2", site="Two", published=META, mentions=parties(),
                  times=[("June 2031", "2031-06", "absolute")])
    maybe = make("Freedonia would deploy troops to Sylvania in July 2031.", name="n3", site="Three",
                 published=META, mentions=parties(), times=[("July 2031", "2031-07", "absolute")])
    maybe[1].claims[0] = replace(maybe[1].claims[0], modality="conditional")
    arts = [real, denied, maybe]
    report = reconcile([a for a, _ in arts], [an for _, an in arts])
    moves = [e for e in report.events if e.event_type == "MOBILIZE"]
    assert len(moves) == 1 and moves[0].article_ids == [real[0].id]
    assert moves[0].time.value == "2031-05-03"
    assert not any((e.time.value or "").startswith(("2031-06", "2031-07")) for e in report.events)


def test_negation_is_read_in_the_trigger_own_clause() -> None:
    cases = {
        "Sylvania was not under attack": ("attack", True),
        "Freedonia had no reason to send its people": ("send", True),
        "Freedonia didn't send troops": ("send", True),
        "There is no doubt that troops were sent": ("sent", False),
        "Talks did not succeed, and troops were sent": ("sent", False),
        "Troops were sent to Sylvania": ("sent", False),
    }
    for text, (word, expected) in cases.items():
        assert negated_trigger(text, text.index(word)) is expected, text


def test_the_noun_sign_takes_no_date_from_the_sentence_event(make: Builder) -> None:
    a = make("Rufus Firefly received Ambassador Trentino in Freedonia on 4 May 2031, in the latest sign that "
             "the two countries are close.", name="s1", published=META, mentions=parties(),
             times=[("4 May 2031", "2031-05-04", "absolute")])
    report = reconcile([a[0]], [a[1]])
    assert [e.time.value for e in report.events] == ["2031-05-04"]



def test_a_week_stays_a_week_and_a_day_inside_it_refines_it(make: Builder) -> None:
    week = make("Ambassador Trentino held talks with Rufus Firefly in Freedonia last week.", name="k1",
                published=META, mentions=parties(), times=[("last week", "2031-W48", "document")])
    report = reconcile([week[0]], [week[1]])
    assert [e.time.value for e in report.events] == ["2031-W48"]  # not coarsened to 2031
    day = make("Trentino held talks with Firefly in Freedonia on 26 November 2031.", name="k2", published=META,
               mentions=parties(), times=[("26 November 2031", "2031-11-26", "absolute")])
    report = reconcile([week[0], day[0]], [week[1], day[1]])
    assert [e.time.value for e in report.events] == ["2031-11-26"]
