"""The Markdown report: the timeline, the conflicts with their evidence, and the sources table.

Every piece of article text goes through ``_cell``: Markdown renderers pass raw HTML through
(an article's ``<script>`` or ``<img onerror=...>`` would run in whoever views the report), and
Markdown's own syntax in a title would make links, images or emphasis the article chose. So HTML
is entity-escaped and Markdown punctuation backslash-escaped; the reader sees the text as written.
"""

from __future__ import annotations

import re

from storyline.model import Report
from storyline.report.common import (
    article_name,
    articles_by_id,
    background,
    claims_by_id,
    event_date,
    timeline,
)

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")  # inline syntax: links, images, code, emphasis, tables
_BLOCK_START = re.compile(r"^(\s*)[#+=-]|^(\s*\d+)[.)]")  # a cell opening a line must not open a block
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _cell(text: object) -> str:
    """Article text as inert Markdown on one line (also safe inside a table cell)."""
    value = _CONTROL.sub(" ", str(text))
    value = "".join(_HTML.get(ch, ch) for ch in value)
    value = _MARKDOWN.sub(r"\\\1", value)
    return _BLOCK_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], value)


def render_markdown(report: Report) -> str:
    arts = articles_by_id(report)
    claims = claims_by_id(report)
    out: list[str] = ["# Storyline report", ""]
    out.append(
        f"{len(report.articles)} article(s), {len(report.claims)} claim(s), "
        f"{len(report.events)} event(s), {len(report.conflicts)} conflict(s)."
    )
    out += ["", "## Timeline", ""]
    for e in timeline(report):
        names = ", ".join(_cell(article_name(arts[a])) for a in e.article_ids if a in arts)
        out.append(f"- **{_cell(event_date(e))}** {_cell(e.label)} _({names})_")
        if e.time.evidence:
            out.append(f"  - date: {_cell(e.time.evidence)}")
        for cid in e.claim_ids[:3]:
            c = claims.get(cid)
            if c is not None:
                who = f" (according to {_cell(c.attribution)})" if c.attribution else ""
                out.append(f"  - > {_cell(c.text)}{who}")
    if not report.events:
        out.append("No events found.")
    rest = background(report)
    if rest:
        out += ["", "## Background", "", "Mentions that are not happenings of the story's own period, with why.", ""]
        for e in rest:
            names = ", ".join(_cell(article_name(arts[a])) for a in e.article_ids if a in arts)
            why = f"; {_cell(e.placement)}" if e.placement else ""
            out.append(f"- **{_cell(event_date(e))}** {_cell(e.label)} _({names}{why})_")
    out += ["", "## Conflicts", ""]
    if not report.conflicts:
        out += ["No conflicts found.", ""]
    for k in report.conflicts:
        out.append(f"### {_cell(k.slot)}: {_cell(k.kind)} ({_cell(k.id)})")
        out.append("")
        out.append(_cell(k.explanation))
        if k.best_supported:
            out.append(f"\nBest supported: **{_cell(k.best_supported)}**")
        out.append("")
        for v in k.values:
            named = [article_name(arts[a]) for a in v.article_ids if a in arts]
            credited = [article_name(arts[x]) if x in arts else x for x in v.sources]
            credited = [x for x in credited if x not in named]
            names = ", ".join(_cell(x) for x in named)
            src = f"; according to {', '.join(_cell(x) for x in credited)}" if credited else ""
            out.append(f"- **{_cell(v.value)}** ({names}{src})")
            for t in v.texts:
                out.append(f"  - > {_cell(t)}")
        out.append("")
    out += ["## Sources", ""]
    out.append("| article | outlet | claims | conflicts with consensus | attribution rate | headline signals |")
    out.append("|---|---|---:|---:|---:|---|")
    for s in report.sources:
        name = article_name(arts[s.article_id]) if s.article_id in arts else s.article_id
        out.append(
            f"| {_cell(name)} | {_cell(s.outlet or '')} | {s.claims} | {s.conflicts_with_consensus} | "
            f"{s.attribution_rate:.0%} | {_cell('; '.join(s.sensational_signals))} |"
        )
    return "\n".join(out) + "\n"
