"""Report writers: the I/O edge that turns a ``Report`` into JSON, Markdown, HTML or CSV.

``write_report`` chooses the format from the file extension so that the CLI's ``--out`` is the
only switch a user needs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from storyline.model import Report
from storyline.report.json_report import report_json_chunks, report_to_json

__all__ = ["FORMATS", "render", "report_to_json", "write_report"]


def _json_text(report: Report) -> str:
    return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"


def _markdown_text(report: Report) -> str:
    from storyline.report.markdown import render_markdown

    return render_markdown(report)


def _html_text(report: Report) -> str:
    from storyline.report.html import render_html

    return render_html(report)


def _csv_text(report: Report) -> str:
    from storyline.report.csv_report import render_csv

    return render_csv(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    ".json": _json_text,
    ".md": _markdown_text,
    ".markdown": _markdown_text,
    ".html": _html_text,
    ".htm": _html_text,
    ".csv": _csv_text,
}


def render(report: Report, fmt: str) -> str:
    """The report as text in ``fmt`` (an extension such as ``.json`` or a name such as ``md``)."""
    key = fmt.lower() if fmt.startswith(".") else "." + fmt.lower()
    try:
        return FORMATS[key](report)
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown report format {fmt!r} (known: {known})") from None


def write_report(report: Report, path: Path) -> Path:
    """Write ``report`` to ``path`` in the format its extension names; returns the path. JSON is
    written item by item (``report_json_chunks``: the same text, never held whole)."""
    path = Path(path)
    fmt = (path.suffix or ".json").lower()
    if fmt == ".json":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for chunk in report_json_chunks(report):
                out.write(chunk)
        return path
    text = render(report, path.suffix or ".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n" if path.suffix.lower() != ".csv" else "")
    return path
