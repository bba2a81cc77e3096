"""Times of day of one act compared across articles (invented texts through the whole pipeline)."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Claim, Report, TimeExpr
from storyline.pipeline import analyze
from storyline.reconcile.compare import clock_conflict, slips_across
from storyline.reconcile.frames import Frame


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


def _timed(article: str, text: str, clock: str, predicate: str) -> Frame:
    """A frame of one sentence whose act is at ``clock`` on 12 May 2031 (an untyped verb)."""
    at = text.index(clock)
    claim = Claim(id=f"{article}:0", article_id=article, text=text, span=(0, len(text)), sentence=0, predicate=predicate)
    time = TimeExpr(clock, at, at + len(clock), "TIME", f"2031-05-12T{clock}")
    return Frame(id=f"{article}:0", claim=claim, family=f"other:{predicate}", event_type="OTHER", trigger=predicate,
                 start=0, end=1, unique=False, time=time, value=time.value)


def test_one_acts_times_whole_hours_apart_with_the_same_minutes_are_a_slip() -> None:
    """In a happening the learned join made of several tellings, "its last report reached
    headquarters at 22:10" / "was logged at 23:10" are one outlet's slip of the hour; times with
    other minutes ("the search began at 08:05", "the ship arrived at 12:40") or round ones ("at
    10:00" / "at 13:00") are other acts of the day."""
    bodies = {"a1": "", "a2": "", "a3": ""}
    def slip(*frames: Frame) -> list[str] | None:
        k = clock_conflict(frames, bodies.__getitem__, lambda f: f.article_id, slips_only=True)
        return None if k is None else [v.value for v in k.values]

    reached = _timed("a1", "Its last report reached headquarters at 22:10.", "22:10", "reach")
    logged = _timed("a2", "The final transmission was logged at 23:10.", "23:10", "log")
    began = _timed("a3", "The search began at 08:05.", "08:05", "begin")
    assert slip(reached, logged, began) == ["2031-05-12T22:10", "2031-05-12T23:10"]
    assert slip(began, _timed("a1", "The ship arrived at 12:40.", "12:40", "arrive")) is None
    assert slip(_timed("a1", "Talks opened at 10:00.", "10:00", "open"),
                _timed("a2", "Talks resumed at 13:00.", "13:00", "resume")) is None


def test_a_clock_time_told_apart_from_its_day_dates_the_act_finely(tmp_path: Path) -> None:
    """"detained at his flat on Wednesday at about 6.15 a.m.": the clock time, written apart
    from its day, is the act's time, to compare with another outlet's "arrested at 7.15 a.m."."""
    report = _report(
        tmp_path,
        ("2031-05-15", "Emil Varo, 41, was detained at his flat on Wednesday at about 6.15 a.m., Inspector Bertil "
                       "Graam told a news conference."),
        ("2031-05-16", "Varo was arrested at his flat at 7.15 a.m. on 14 May and later released on bail."),
    )
    assert _clock_conflicts(report) == [["2031-05-14T06:15", "2031-05-14T07:15"]]


def test_a_slip_of_the_hour_is_one_written_digit() -> None:
    """"22:10" / "23:10", "04:20" / "14:20" and "18:42" / "20:42" (6.42 / 8.42 pm) are one digit
    apart; "08:40" / "11:40" are two moments of a day."""
    bodies = {"a1": "", "a2": ""}
    def slip(a: str, b: str) -> bool:
        return clock_conflict([_timed("a1", f"It happened at {a}.", a, "happen"),
                               _timed("a2", f"It happened at {b}.", b, "happen")],
                              bodies.__getitem__, lambda f: f.article_id, slips_only=True) is not None

    assert slip("22:10", "23:10") and slip("04:20", "14:20") and slip("18:42", "20:42")
    assert not slip("08:40", "11:40")


def test_a_slip_of_the_hour_is_read_whatever_the_verb_and_roughly_told() -> None:
    """"The car dropped at 18:40" / "it plummeted just after 8.40pm": one fall, the verbs of two
    families and the second time told roughly ("just after" is when it was, not a bound); a time
    that opens its line stamps a live entry ("13:40 Death toll rises"), not an act."""
    dropped = "The car dropped to the foot of the shaft at 18:40, the fire service said."
    plummeted = "It plummeted just after 20:40 as residents waited for the door to open."
    stamp = "Live updates\n13:40 Death toll rises to three\n"
    bodies = {"a1": dropped, "a2": plummeted, "a3": stamp}
    frames = [_timed("a1", dropped, "18:40", "drop"), _timed("a2", plummeted, "20:40", "plummet")]
    k = clock_conflict(frames, bodies.__getitem__, lambda f: f.article_id, slips_only=True)
    assert k is not None and [v.value for v in k.values] == ["2031-05-12T18:40", "2031-05-12T20:40"]
    at = stamp.index("13:40")
    entry = Frame(id="a3:0", claim=Claim(id="a3:0", article_id="a3", text=stamp.strip(), span=(0, len(stamp)), sentence=0,
                                         predicate="rise"),
                  family="other:rise", event_type="OTHER", trigger="rise", start=0, end=1, unique=False,
                  time=TimeExpr("13:40", at, at + 5, "TIME", "2031-05-12T13:40"), value="2031-05-12T13:40")
    morning = "The lorry was found at 07:40 near the lay-by."
    bodies["a4"] = morning
    assert clock_conflict([entry, _timed("a4", morning, "07:40", "find")], bodies.__getitem__,
                          lambda f: f.article_id, slips_only=True) is None


def test_a_slip_of_the_hour_between_tellings_of_one_verb_no_join_made_one() -> None:
    """"The dam burst at about 04:40" / "The dam burst at 05:40 on Tuesday" in two happenings the
    join left apart: one verb, one day, the same minutes, hours one digit apart; "did not resume
    until 14:15" is when it resumed, not a bound. Two verbs of no shared type stay apart."""
    bodies = {"a1": "The tailings dam burst at about 04:40, the mine said.",
              "a2": "The dam burst at 05:40 on Tuesday, when the town was asleep.",
              "a3": "Trading did not resume until 14:15.", "a4": "Trading resumed at 13:15.",
              "a5": "The first crews arrived at 06:40."}
    frames = [_timed("a1", bodies["a1"], "04:40", "burst"), _timed("a2", bodies["a2"], "05:40", "burst"),
              _timed("a3", bodies["a3"], "14:15", "resume"), _timed("a4", bodies["a4"], "13:15", "resume"),
              _timed("a5", bodies["a5"], "06:40", "arrive")]
    found = sorted(sorted(v.value for v in k.values) for k in slips_across(frames, bodies.__getitem__, lambda f: f.article_id))
    assert found == [["2031-05-12T04:40", "2031-05-12T05:40"], ["2031-05-12T13:15", "2031-05-12T14:15"]], found
