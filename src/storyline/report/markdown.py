"""The Markdown report: the timeline, the conflicts with their evidence, and the sources table."""

from __future__ import annotations

from storyline.model import Report
from storyline.report.common import article_name, articles_by_id, claims_by_id, event_date, timeline


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


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
        names = ", ".join(article_name(arts[a]) for a in e.article_ids if a in arts)
        out.append(f"- **{_cell(event_date(e))}** {_cell(e.label)} _({names})_")
        if e.time.evidence:
            out.append(f"  - date: {_cell(e.time.evidence)}")
        for cid in e.claim_ids[:3]:
            c = claims.get(cid)
            if c is not None:
                who = f" (according to {c.attribution})" if c.attribution else ""
                out.append(f"  - > {_cell(c.text)}{who}")
    if not report.events:
        out.append("No events found.")
    out += ["", "## Conflicts", ""]
    if not report.conflicts:
        out += ["No conflicts found.", ""]
    for c in report.conflicts:
        out.append(f"### {_cell(c.slot)}: {_cell(c.kind)} ({c.id})")
        out.append("")
        out.append(_cell(c.explanation))
        if c.best_supported:
            out.append(f"\nBest supported: **{_cell(c.best_supported)}**")
        out.append("")
        for v in c.values:
            names = ", ".join(article_name(arts[a]) for a in v.article_ids if a in arts)
            credited = [article_name(arts[x]) if x in arts else x for x in v.sources]
            credited = [x for x in credited if x not in names]
            src = f"; according to {', '.join(credited)}" if credited else ""
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
