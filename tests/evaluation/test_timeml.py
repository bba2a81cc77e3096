"""TempEval-3 Task A scorer: TimeML parsing, span matching, figures, and the command's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluation.timeml import Counts, evaluate, figures, main, parse_tml, score_doc
from storyline.model import TimeExpr

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">19980206</TIMEX3></DCT>
<TEXT>
The company &amp; its bank <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Thursday</TIMEX3> that profits fell for <TIMEX3 tid="t2" type="DURATION" value="P3M" temporalFunction="false" functionInDocument="NONE">the past three months</TIMEX3>.
Shares will trade again <TIMEX3 tid="t3" type="DATE" value="1998-02-09" temporalFunction="true" functionInDocument="NONE">next Monday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, name: str = "doc.tml", body: str = TML) -> Path:
    p = tmp_path / "sub" / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(body, encoding="utf-8")
    return p


def test_parse_tml_strips_markup_and_keeps_offsets(tmp_path: Path) -> None:
    doc = parse_tml(_write(tmp_path))
    assert doc.dct == "1998-02-06"
    assert "&amp;" not in doc.text and "The company & its bank said Thursday" in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Thursday", "DATE", "1998-02-05"),
        ("the past three months", "DURATION", "P3M"),
        ("next Monday", "DATE", "1998-02-09"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def _t(text: str, start: int, end: int, type_: str, value: str) -> TimeExpr:
    return TimeExpr(text=text, start=start, end=end, type=type_, value=value)  # type: ignore[arg-type]


def test_score_doc_strict_relaxed_and_values(tmp_path: Path) -> None:
    doc = parse_tml(_write(tmp_path))
    g = {x.text: x for x in doc.gold}
    th, past, mon = g["Thursday"], g["the past three months"], g["next Monday"]
    system = [
        _t("Thursday", th.start, th.end, "DATE", "1998-02-05"),  # exact, right value
        _t("three months", past.start + 9, past.end, "DURATION", "P3M"),  # relaxed only
        _t("Monday", mon.start + 5, mon.end, "DATE", "1998-02-16"),  # relaxed, wrong value
        _t("profits", 0, 3, "DATE", "PAST_REF"),  # spurious
    ]
    res = score_doc(doc.gold, system)
    c = res.counts
    assert (c.gold, c.system, c.strict, c.relaxed_gold, c.relaxed_system) == (3, 4, 1, 3, 3)
    assert (c.type_ok, c.value_ok) == (3, 2)
    f = figures(c)
    assert f["strict_p"] == pytest.approx(25.0) and f["strict_r"] == pytest.approx(100 / 3)
    assert f["relaxed_p"] == pytest.approx(75.0) and f["relaxed_r"] == pytest.approx(100.0)
    rf = 2 * 0.75 * 1.0 / 1.75
    assert f["relaxed_f1"] == pytest.approx(100 * rf)
    assert f["value_f1"] == pytest.approx(100 * rf * 2 / 3)
    assert f["type_f1"] == pytest.approx(100 * rf)
    kinds = {e.split()[0] for e in res.errors}
    assert kinds == {"extent", "value", "spurious"}


def test_creation_time_printed_in_text_is_not_scored(tmp_path: Path) -> None:
    body = TML.replace(
        "<TEXT>\n",
        '<TEXT>\n<TIMEX3 tid="t9" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">Feb. 6, 1998</TIMEX3>\n',
    )
    doc = parse_tml(_write(tmp_path, "dct.tml", body))
    assert [g.text for g in doc.gold] == ["Thursday", "the past three months", "next Monday"]
    assert [doc.text[s:e] for s, e in doc.unscored] == ["Feb. 6, 1998"]
    counts, _ = evaluate([doc])
    assert counts.gold == 3 and counts.system == 3


def test_empty_counts_give_zero() -> None:
    assert figures(Counts())["value_f1"] == 0.0


def test_main_prints_figures_with_value_f1_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path)
    assert main(tmp_path, verbose=True) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("value F1: ")
    assert float(out[-1].split(": ")[1]) > 50.0
    assert any(line.startswith("relaxed  P") for line in out)


def test_main_on_empty_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path) == 2
    assert "no .tml files" in capsys.readouterr().err


def test_tbaq_slice_regression_guard(data_dir: Path) -> None:
    """Every 8th TBAQ document (32 files): a guard against regressions, not the bar.

    The bar (HeidelTime's TempEval-3 relaxed F1 90.3 / value F1 77.6) is measured on the whole
    folder with ``storyline eval timeml``; this slice measured relaxed 90.6 / value 74.1 when the
    whole folder gave 93.5 / 78.9.
    """
    from storyline.evaluation.timeml import find_tml

    folder = data_dir / "tempeval3" / "TBAQ-cleaned"
    if not folder.is_dir():
        pytest.skip("TBAQ not present")
    paths = find_tml(folder)[::8]
    counts, _ = evaluate([parse_tml(p) for p in paths])
    f = figures(counts)
    assert f["relaxed_f1"] > 88.0
    assert f["value_f1"] > 71.0
