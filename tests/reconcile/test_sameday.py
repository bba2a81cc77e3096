"""The learned same-day join (``reconcile/sameday.py``) on invented events, with the shipped model."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest

from storyline.model import Claim, Event, EventTime
from storyline.reconcile import sameday
from storyline.reconcile.placement import STATEMENT


def _event(i: int, article: str, text: str, predicate: str, event_type: str | None = None,
           participants: tuple[str, ...] = (), day: str | None = "2031-05-12", timeline: bool = True,
           articles: int = 1) -> tuple[Event, Claim]:
    claim = Claim(id=f"c{i}", article_id=article, sentence=i, text=text, span=(0, len(text)), predicate=predicate)
    return Event(id=f"e{i}", label=text, time=EventTime(day, day, day), claim_ids=[claim.id],
                 article_ids=[article, *(f"{article}{k}" for k in range(1, articles))], event_type=event_type,
                 participants=list(participants), timeline=timeline), claim


def _split(items: list[tuple[Event, Claim]]) -> tuple[list[Event], list[Claim]]:
    return [e for e, _ in items], [c for _, c in items]


@pytest.mark.xfail(strict=True, reason="known weakness: retrained on 131 stories, the join reads a road's "
                   "reopening and a resignation on a day of three events as one (p = 0.75-0.78, threshold 0.65)")
def test_one_happening_told_in_other_words_by_two_outlets_is_one_event() -> None:
    events, claims = _split([
        _event(1, "a", "Crews reopened the coastal road to traffic on Monday", "reopen", "RESTORE",
               ("org:road-crews",), articles=2),
        _event(2, "b", "The coastal road was reopened to traffic on Monday afternoon", "reopen", "RESTORE"),
        _event(3, "c", "The harbour master resigned on Monday over the delays", "resign", "RESIGN",
               ("person:harbour-master",)),
    ])
    out, renamed = sameday.join_same_day(events, claims)
    assert len(out) == 2
    joined = out[0]
    assert joined.label == events[0].label  # the best-told member (two articles) gives the words
    assert joined.claim_ids == ["c1", "c2"] and set(joined.article_ids) == {"a", "a1", "b"}
    assert joined.participants == ["org:road-crews"]
    assert renamed == {"e1": joined.id, "e2": joined.id}
    assert out[1] is events[2]  # the resignation is another happening, left as it was


def test_only_timeline_events_dated_to_one_day_are_compared() -> None:
    text = "Crews reopened the coastal road to traffic"
    events, claims = _split([
        _event(1, "a", text + " on Monday", "reopen", "RESTORE"),
        _event(2, "b", text, "reopen", "RESTORE", day=None),
        _event(3, "c", text + " on Monday", "reopen", "RESTORE", timeline=False),
        _event(4, "d", text + " on Tuesday", "reopen", "RESTORE", day="2031-05-13"),
        _event(5, "e", text + " in May", "reopen", "RESTORE", day="2031-05"),
    ])
    assert sameday.day_pairs(events, {c.id: c for c in claims}) == []
    out, renamed = sameday.join_same_day(events, claims)
    assert out == events and renamed == {}


def test_a_busy_day_is_compared_in_bounded_pairs() -> None:
    events, claims = _split([_event(i, f"a{i}", f"Event number {i} happened on Monday", "happen")
                             for i in range(3 * sameday.MAX_PER_DAY)])
    pairs = sameday.day_pairs(events, {c.id: c for c in claims})
    assert len(pairs) == sameday.MAX_PER_DAY * (sameday.MAX_PER_DAY - 1) // 2
    assert all(len(x) == len(sameday.FEATURES) for _, _, x in pairs)


def test_the_shipped_model_matches_the_features_and_records_its_held_out_figures() -> None:
    raw = json.loads(resources.files("storyline").joinpath("data/sameday_model.json").read_text())
    m = sameday.model()
    assert m.features == sameday.FEATURES and len(m.weights) == len(m.features)
    assert len(m.mean) == len(m.scale) == len(m.features) - 1
    assert 0.0 < m.threshold < 1.0
    held = raw["held_out_at_threshold"]
    assert set(held) == set(raw["stories"]) and all(0.0 <= f["recall"] <= 1.0 for f in held.values())


def test_a_statement_left_in_the_background_joins_the_happening_of_its_day_it_tells() -> None:
    """``absorb_statements``: the outlet telling a ballot's result as an announcement is one more
    telling of the vote (its claim and article join the vote's event, which keeps its id, label
    and time); a statement about something else that day stays apart, and statements are never
    joined with each other or with a happening of another day."""
    items = [
        _event(1, "a", "Members of the rowing club rejected the merger in a ballot on Friday", "reject", "REJECT",
               ("org:rowing-club",), articles=2),
        _event(2, "b", "The rowing club announced the result of its ballot on Friday", "announce", "STATEMENT",
               ("org:rowing-club",), timeline=False),
        _event(3, "c", "The harbour master resigned on Friday over the delays", "resign", "RESIGN",
               ("person:harbour-master",)),
        _event(4, "d", "The mayor announced a new budget for the harbour on Friday", "announce", "STATEMENT",
               ("person:mayor",), timeline=False),
        _event(5, "e", "The rowing club announced the result of its ballot on Saturday", "announce", "STATEMENT",
               ("org:rowing-club",), day="2031-05-13", timeline=False),
    ]
    events, claims = _split(items)
    events = [e if e.timeline else replace(e, placement=STATEMENT) for e in events]
    pairs = sameday.day_pairs(events, {c.id: c for c in claims}, statements=True)
    assert {(i, j) for i, j, _ in pairs} == {(0, 1), (0, 3), (2, 1), (2, 3)}  # each happening with each statement of its day
    out, absorbed = sameday.absorb_statements(events, claims)
    assert absorbed == {"e2": "e1"}
    vote = out[0]
    assert (vote.id, vote.label, vote.time, vote.timeline) == ("e1", events[0].label, events[0].time, True)
    assert vote.claim_ids == ["c1", "c2"] and set(vote.article_ids) == {"a", "a1", "b"}
    assert out[1:] == [events[2], events[3], events[4]]


def test_the_statement_model_ships_its_features_and_threshold() -> None:
    raw = json.loads(resources.files("storyline").joinpath("data/absorb_model.json").read_text())
    assert tuple(raw["features"]) == sameday.FEATURES and len(raw["weights"]) == len(sameday.FEATURES)
    assert 0 < raw["threshold"] < 1 and len(raw["stories"]) >= 100
