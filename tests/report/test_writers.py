from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.model import Report
from storyline.report import render, report_to_json, write_report


def test_json_follows_the_contract(report: Report) -> None:
    data = report_to_json(report)
    art = data["articles"][0]
    assert set(art) >= {"id", "path", "url", "title", "teasers", "body", "published"}
    assert art["teasers"] == ["SHOCKING: ten other bridges!"]
    assert art["published"] == {
        "value": "2021-03-04",
        "source": "metadata",
        "earliest": "2021-03-04",
        "latest": "2021-03-04",
        "note": None,
    }
    assert data["articles"][1]["published"]["source"] is None
    claim = data["claims"][0]
    assert claim["span"] == [0, 69]
    assert claim["time"]["value"] == "2021-03-03"
    assert {k: claim["time"][k] for k in ("text", "earliest", "latest")} == {
        "text": "March 3, 2021",
        "earliest": "2021-03-03",
        "latest": "2021-03-03",
    }
    assert data["claims"][1]["time"] is None
    q = data["claims"][1]["quantities"][0]
    assert (q["low"], q["high"], q["unit"], q["text"]) == (360, 440, "people", "About 400 people")
    for key in ("place", "attribution", "hedged", "negated", "event_type"):
        assert key in claim
    ev = data["events"][0]
    assert ev["time"]["value"] == "2021-03-03" and ev["claim_ids"] == ["c1", "c3"]
    conflict = data["conflicts"][0]
    assert conflict["kind"] == "contradiction" and conflict["event_id"] == "e1"
    assert [v["value"] for v in conflict["values"]] == ["2021-03-03", "2020-03"]
    assert conflict["values"][0]["texts"] == [report.claims[0].text]
    json.dumps(data)  # serialisable as is


@pytest.mark.parametrize("ext", [".json", ".md", ".html", ".csv"])
def test_write_report_chooses_format_by_extension(report: Report, tmp_path: Path, ext: str) -> None:
    path = write_report(report, tmp_path / f"out{ext}")
    text = path.read_bytes().decode("utf-8")
    assert text == render(report, ext)
    if ext == ".json":
        assert json.loads(text)["claims"][0]["id"] == "c1"
    elif ext == ".md":
        assert "## Timeline" in text and "**2021-03-03** bridge opened" in text and "2020-03" in text
    elif ext == ".html":
        assert text.startswith("<!DOCTYPE html>")
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["event_date"] == "2021-03-03" and rows[0]["time_precision"] == "day"
        assert "time contradiction: 2021-03-03 vs 2020-03" in rows[0]["notes"]


def test_unknown_extension_is_an_error(report: Report, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(report, tmp_path / "out.docx")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_mark = tag == "mark"
        for k, v in attrs:
            if k in ("src", "href") and v:
                self.links.append(v)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks.append(data)


def test_html_is_self_contained_escaped_and_highlights_evidence(report: Report) -> None:
    text = render(report, "html")
    parser = _Collect()
    parser.feed(text)
    assert parser.links == []  # no external assets
    assert "script" not in parser.tags  # the article's markup is escaped, not executed
    assert "&lt;script&gt;" in text
    assert {"March 3, 2021", "March 2020"} <= set(parser.marks)
    assert 'id="timeline"' in text and 'id="conflicts"' in text and 'id="sources"' in text


def test_the_timeline_comes_first_and_background_apart(report: Report) -> None:
    import dataclasses

    history = dataclasses.replace(report.events[0], id="ev-history", label="the old bridge was built",
                                  timeline=False, salience=0.2, placement="before or after the story's own period")
    both = dataclasses.replace(report, events=[history, *report.events])
    md = render(both, "md")
    assert md.index("## Timeline") < md.index("bridge opened") < md.index("## Background") < md.index("the old bridge")
    assert "before or after the story's own period" in md
    html = render(both, "html")
    assert html.index('id="timeline"') < html.index('id="background"') < html.index("the old bridge")
    rows = list(csv.DictReader(io.StringIO(render(both, "csv"))))
    assert [(r["label"], r["timeline"]) for r in rows] == [("bridge opened", "yes"), ("the old bridge was built", "no")]
    data = report_to_json(both)
    first = data["events"][0]
    assert (first["timeline"], first["placement"]) == (False, "before or after the story's own period")
