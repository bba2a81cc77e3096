"""The self-contained HTML dossier: timeline, conflicts with highlighted evidence, sources table.

One file, inline CSS, no scripts or external assets, so it can be mailed, archived or opened
offline; every value is escaped because article text is untrusted input.
"""

from __future__ import annotations

from html import escape

from storyline.model import Claim, Conflict, ConflictValue, Report
from storyline.report.common import (
    article_name,
    articles_by_id,
    background,
    claims_by_id,
    event_date,
    time_precision,
    timeline,
)

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d3557;color:#fff;padding:1.2rem 2rem}
header h1{margin:0;font-size:1.5rem}
main{max-width:70rem;margin:0 auto;padding:1rem 2rem 3rem}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:1rem 1.5rem;margin:1.2rem 0}
h2{margin-top:.3rem;border-bottom:2px solid #e1e5ea;padding-bottom:.3rem}
ol.timeline{list-style:none;padding-left:0;border-left:3px solid #457b9d;margin-left:.5rem}
ol.timeline li{position:relative;padding:.4rem 0 .6rem 1.2rem}
ol.timeline li::before{content:"";position:absolute;left:-.5rem;top:.8rem;width:.7rem;height:.7rem;border-radius:50%;background:#457b9d}
ol.timeline li.contested::before{background:#e63946}
.date{font-weight:700;font-variant-numeric:tabular-nums;margin-right:.5rem}
.precision,.kind,.slot{font-size:.75rem;border-radius:4px;padding:.05rem .35rem;background:#e1e5ea;margin-right:.3rem}
.kind.contradiction{background:#e63946;color:#fff}
.kind.attributed_estimates{background:#f4a261}
.kind.changed_over_time{background:#a8dadc}
.meta{color:#5c6670;font-size:.85rem}
blockquote{margin:.3rem 0 .3rem .5rem;padding:.2rem .6rem;border-left:3px solid #ccd3da;color:#333}
mark{background:#ffe066;padding:0 .1rem}
.conflict{border:1px solid #e1e5ea;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
.value{margin:.5rem 0}
.value .v{font-weight:700}
.best{color:#2a9d8f;font-weight:700}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e1e5ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
"""


def _highlight(sentence: str, needles: list[str]) -> str:
    """Escape ``sentence`` and wrap the first occurrence of each needle in <mark>."""
    marks: list[tuple[int, int]] = []
    low = sentence.lower()
    for n in needles:
        if not n:
            continue
        i = low.find(n.lower())
        if i >= 0 and all(i >= e or i + len(n) <= s for s, e in marks):
            marks.append((i, i + len(n)))
    marks.sort()
    out: list[str] = []
    pos = 0
    for s, e in marks:
        out.append(escape(sentence[pos:s]))
        out.append(f"<mark>{escape(sentence[s:e])}</mark>")
        pos = e
    out.append(escape(sentence[pos:]))
    return "".join(out)


def _needles(conflict: Conflict, value: ConflictValue, claim: Claim | None) -> list[str]:
    """The words in the evidence sentence that carry the contested value."""
    if claim is None:
        return [value.value]
    lo, hi = claim.span
    inside = [claim.text[s - lo : e - lo] for s, e in value.spans if lo <= s and e <= hi and (s, e) != (lo, hi)]
    if inside:  # the value's evidence spans, when the stage recorded the exact words
        return inside
    if conflict.slot in ("time", "date") and claim.time is not None:
        return [claim.time.text]
    if conflict.slot == "quantity":
        return [q.text for q in claim.quantities]
    if conflict.slot in ("place", "role"):
        return [value.value, *([claim.place] if claim.place else [])]
    return [value.value]


def _value_html(conflict: Conflict, v: ConflictValue, report_claims: dict[str, Claim], names: dict[str, str]) -> str:
    parts = [f'<div class="value"><span class="v">{escape(v.value)}</span>']
    who = ", ".join(names.get(a, a) for a in v.article_ids)
    parts.append(f' <span class="meta">in {escape(who)}</span>')
    credited = [names.get(s, s) for s in v.sources if names.get(s, s) not in who]
    if credited:
        parts.append(f' <span class="meta">· according to {escape(", ".join(credited))}</span>')
    shown = 0
    for cid, text in zip(v.claim_ids, v.texts, strict=False):
        parts.append(f"<blockquote>{_highlight(text, _needles(conflict, v, report_claims.get(cid)))}</blockquote>")
        shown += 1
    for text in v.texts[shown:]:
        parts.append(f"<blockquote>{_highlight(text, [v.value])}</blockquote>")
    parts.append("</div>")
    return "".join(parts)


def render_html(report: Report) -> str:
    arts = articles_by_id(report)
    claims = claims_by_id(report)
    names = {a.id: article_name(a) for a in report.articles}
    contested = {c.event_id for c in report.conflicts if c.event_id}
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Storyline dossier</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>Storyline dossier</h1>",
        f'<div>{len(report.articles)} articles · {len(report.claims)} claims · {len(report.events)} events · '
        f"{len(report.conflicts)} conflicts</div></header><main>",
    ]

    out.append('<section id="timeline"><h2>Timeline</h2><ol class="timeline">')
    for e in timeline(report):
        cls = ' class="contested"' if e.id in contested else ""
        srcs = ", ".join(names.get(a, a) for a in e.article_ids)
        out.append(
            f'<li id="event-{escape(e.id)}"{cls} data-date="{escape(e.time.value or "")}">'
            f'<span class="date">{escape(event_date(e))}</span>'
            f'<span class="precision">{escape(time_precision(e.time.value))}</span>'
            f"{escape(e.label)} <span class=\"meta\">({escape(srcs)})</span>"
        )
        if e.time.evidence:
            out.append(f'<div class="meta">date: {escape(e.time.evidence)}</div>')
        for cid in e.claim_ids[:3]:
            c = claims.get(cid)
            if c is not None:
                needles = [c.time.text] if c.time is not None else []
                who = f' <span class="meta">— {escape(c.attribution)}</span>' if c.attribution else ""
                out.append(f"<blockquote>{_highlight(c.text, needles)}{who}</blockquote>")
        out.append("</li>")
    out.append("</ol></section>")
    rest = background(report)
    if rest:
        out.append(f'<section id="background"><details><summary>Background ({len(rest)} mentions that are not '
                   "happenings of the story's own period)</summary><ul>")
        for e in rest:
            srcs = ", ".join(names.get(a, a) for a in e.article_ids)
            why = f" · {e.placement}" if e.placement else ""
            out.append(f'<li id="event-{escape(e.id)}"><span class="date">{escape(event_date(e))}</span>'
                       f"{escape(e.label)} <span class=\"meta\">({escape(srcs)}{escape(why)})</span></li>")
        out.append("</ul></details></section>")

    out.append('<section id="conflicts"><h2>Conflicts</h2>')
    if not report.conflicts:
        out.append("<p>No conflicts found.</p>")
    for k in report.conflicts:
        out.append(
            f'<div class="conflict" id="conflict-{escape(k.id)}" data-slot="{escape(k.slot)}" '
            f'data-kind="{escape(k.kind)}"><h3><span class="slot">{escape(k.slot)}</span>'
            f'<span class="kind {escape(k.kind)}">{escape(k.kind.replace("_", " "))}</span></h3>'
            f"<p>{escape(k.explanation)}</p>"
        )
        if k.best_supported:
            out.append(f'<p>Best supported: <span class="best">{escape(k.best_supported)}</span></p>')
        for v in k.values:
            out.append(_value_html(k, v, claims, names))
        out.append("</div>")
    out.append("</section>")

    out.append('<section id="sources"><h2>Sources</h2><table><thead><tr><th>Article</th><th>Outlet</th>'
               "<th>Published</th><th>Claims</th><th>Conflicts with consensus</th><th>Attribution rate</th>"
               "<th>Headline signals</th></tr></thead><tbody>")
    for s in report.sources:
        a = arts.get(s.article_id)
        pub = (a.published.value or "unknown") + (f" ({a.published.source})" if a.published.source else "") if a else ""
        out.append(
            f"<tr><td>{escape(names.get(s.article_id, s.article_id))}</td><td>{escape(s.outlet or '')}</td>"
            f"<td>{escape(pub)}</td><td class=\"num\">{s.claims}</td>"
            f'<td class="num">{s.conflicts_with_consensus}</td><td class="num">{s.attribution_rate:.0%}</td>'
            f"<td>{escape('; '.join(s.sensational_signals))}</td></tr>"
        )
    out.append("</tbody></table></section></main></body></html>")
    return "\n".join(out) + "\n"
