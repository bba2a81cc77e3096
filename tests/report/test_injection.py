"""Issue 9, reports: article text cannot become a spreadsheet formula, live Markdown/HTML, or a
non-standard JSON number. Each test failed before the fix."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math

from markdown_it import MarkdownIt

from storyline.model import Quantity, Report
from storyline.report import render

FORMULAS = ["=HYPERLINK(\"http://evil.test\",\"x\")", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "+1+1", "\t=1+1", "\r=1+1"]


def hostile(report: Report) -> Report:
    a, b = report.articles
    event = dataclasses.replace(report.events[0], label=FORMULAS[0], participants=[FORMULAS[1]], place=FORMULAS[2])
    event.time = dataclasses.replace(event.time, evidence=FORMULAS[3])
    a = dataclasses.replace(a, site=FORMULAS[4], title="<script>alert('title')</script>")
    b = dataclasses.replace(b, title="[click me](javascript:alert(1)) ![beacon](http://evil.test/p.png)")
    claims = [dataclasses.replace(c, text=c.text + " <img src=x onerror=alert(1)>", attribution="<b>x</b>")
              for c in report.claims]
    conflicts = [dataclasses.replace(report.conflicts[0], explanation="# <iframe src=http://evil.test>")]
    return dataclasses.replace(report, articles=[a, b], events=[event], claims=claims, conflicts=conflicts)


def test_csv_cells_cannot_start_a_formula(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(render(hostile(report), "csv"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["label"] == "'" + FORMULAS[0]  # neutralised, not altered: the text is all there
    assert row["actors"] == "'" + FORMULAS[1]
    assert row["location"] == "'" + FORMULAS[2]
    assert row["sources"].startswith("'\t=1+1")


def test_markdown_renders_article_html_and_links_as_text(report: Report) -> None:
    text = render(hostile(report), "md")
    html = MarkdownIt("commonmark", {"html": True}).render(text)  # a renderer that passes raw HTML
    for live in ("<script", "<img", "<iframe", "<b>", 'href="javascript', "<a "):
        assert live not in html, live
    assert "&lt;script&gt;x&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "[click me](javascript:alert(1))" in html  # the reader still sees what the article said
    assert html.count("<h1>") == 1 and html.count("<h3>") == len(report.conflicts)  # "#" opened no heading


def test_json_is_strict_and_an_out_of_range_figure_is_flagged(report: Report) -> None:
    claims = list(report.claims)
    claims[1] = dataclasses.replace(
        claims[1],
        quantities=[Quantity("9" * 400, 0, 400, None, None, "loaf", out_of_range=True),
                    Quantity("12", 0, 2, math.inf, math.nan, "loaf")],
    )
    text = render(dataclasses.replace(report, claims=claims), "json")

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    data = json.loads(text, parse_constant=refuse)
    huge, broken = data["claims"][1]["quantities"]
    assert huge["text"] == "9" * 400 and huge["out_of_range"] is True and huge["low"] is None
    assert broken["low"] is None and broken["high"] is None
