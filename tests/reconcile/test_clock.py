"""Times of day of one act compared across articles (invented texts through the whole pipeline)."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Report
from storyline.pipeline import analyze


def _report(tmp_path: Path, *bodies: tuple[str, str]) -> Report:
    for name, (date, body) in zip(("a01_wire.txt", "a02_herald.txt", "a03_post.txt"), bodies, strict=False):
        (tmp_path / name).write_text(f"Ferry news\n\nDate: {date}\n\n{body}\n", encoding="utf-8")
    report, errors = analyze([str(tmp_path)])
    assert not errors
    return report


def _clock_conflicts(report: Report) -> list[list[str]]:
    return [[v.value for v in c.values] for c in report.conflicts
            if c.slot == "time" and any("T" in v.value for v in c.values)]


def test_two_sources_give_one_departure_different_times(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        ("2031-05-13", "The ferry Alda left Brask harbour at 07:10 on Monday, the operator said in a statement."),
        ("2031-05-14", "The ferry Alda cast off from Brask harbour at 07:52 on Monday, according to tracking data "
                       "seen by the Herald."),
    )
    assert _clock_conflicts(report) == [["2031-05-12T07:10", "2031-05-12T07:52"]]


def test_rough_times_bounds_and_other_days_agree(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        ("2031-05-13", "The ferry Alda left Brask harbour at about 07:00 on Monday, the operator said."),
        ("2031-05-14", "The ferry Alda left Brask harbour at 07:20 on Monday, according to tracking data. "
                       "It stayed at the quay until 07:52 on Monday, the data show."),
        ("2031-05-15", "The ferry Alda left Brask harbour at 09:40 on Tuesday, a day later than planned."),
    )
    assert _clock_conflicts(report) == []


def test_a_second_time_only_one_article_binds_is_no_dispute(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        ("2031-05-13", "The agency confirmed in its 06:00 bulletin that the storm made landfall at 23:40 on Monday "
                       "near Kessa Point."),
        ("2031-05-14", "The storm made landfall at 23:40 on Monday near Kessa Point, according to the agency."),
    )
    assert _clock_conflicts(report) == []


def test_an_act_done_by_an_event_is_timed_as_that_event(tmp_path: Path) -> None:
    """"The blast, at 20:40 on Thursday, killed two workers": the killing's doer is the blast, so
    its time is the blast's, to compare with "the first explosion tore through the depot at
    21:40", once the learned join has made the two tellings one happening."""
    report = _report(
        tmp_path,
        ("2031-05-16", "The first and biggest explosion tore through the Harl Road fuel depot at 21:40 on Thursday, "
                       "the fire chief said, and was followed by dozens of smaller blasts."),
        ("2031-05-17", "The blast, at 20:40 on Thursday 15 May, killed two workers at the Harl Road fuel depot, and a "
                       "driver is still in hospital."),
    )
    assert _clock_conflicts(report) == [["2031-05-15T20:40", "2031-05-15T21:40"]]
