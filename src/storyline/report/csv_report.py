"""CSV of events with ACLED-like columns, so the timeline drops into a spreadsheet or GIS tool.

Cells carry article text, and a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula: ``=HYPERLINK(...)`` in a headline
would become a live link, ``-2+3+cmd|...`` a command. Such cells get a leading apostrophe, as the
OWASP CSV-injection guidance says; the apostrophe is not shown, the text stays readable.
"""

from __future__ import annotations

import csv
import io

from storyline.model import Report
from storyline.report.common import article_name, articles_by_id, background, time_precision, timeline

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A cell a spreadsheet will show as text, never evaluate (numbers are left alone)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


COLUMNS = [
    "event_id",
    "event_date",
    "earliest",
    "latest",
    "time_precision",
    "event_type",
    "label",
    "actors",
    "location",
    "source_articles",
    "sources",
    "claims",
    "conflicts",
    "notes",
    "timeline",
    "salience",
]


def render_csv(report: Report) -> str:
    """One row per event in timeline order; conflicts on the event are summarised in ``notes``."""
    arts = articles_by_id(report)
    conflicts_of: dict[str, list[str]] = {}
    for c in report.conflicts:
        if c.event_id:
            conflicts_of.setdefault(c.event_id, []).append(
                f"{c.slot} {c.kind}: " + " vs ".join(v.value for v in c.values)
            )
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in [*timeline(report), *background(report)]:
        notes = list(conflicts_of.get(e.id, []))
        if e.time.evidence:
            notes.append(f"date: {e.time.evidence}")
        row: list[object] = [
            e.id,
            e.time.value or "",
            e.time.earliest or "",
            e.time.latest or "",
            time_precision(e.time.value),
            e.event_type or "",
            e.label,
            "; ".join(e.participants),
            e.place or "",
            "; ".join(e.article_ids),
            "; ".join(article_name(arts[a]) for a in e.article_ids if a in arts),
            len(e.claim_ids),
            len(conflicts_of.get(e.id, [])),
            " | ".join(notes),
            "yes" if e.timeline else "no",
            f"{e.salience:.3f}",
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return buf.getvalue()
