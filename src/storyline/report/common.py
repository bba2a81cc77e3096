"""Helpers the text formats share: ordering the timeline, naming articles, finding evidence."""

from __future__ import annotations

from pathlib import PurePath

from storyline.model import Article, Claim, Event, Report


def article_name(article: Article) -> str:
    """A short human name for an article: its site, title or file name, never empty."""
    if article.site:
        return article.site
    if article.title:
        return article.title if len(article.title) <= 60 else article.title[:57] + "..."
    if article.path:
        return PurePath(article.path).name
    if article.url:
        return article.url
    return article.id


def _chronological(e: Event) -> tuple[int, str, str, str]:
    start = e.time.earliest or e.time.value or ""
    if not start or start.startswith("X"):
        return (1, "", "", e.id)
    return (0, start, e.time.latest or "", e.id)


def timeline(report: Report) -> list[Event]:
    """The story's timeline: events placed on it, in chronological order (by the interval's
    start, coarser first), undated last."""
    return sorted((e for e in report.events if e.timeline), key=_chronological)


def background(report: Report) -> list[Event]:
    """Everything else (history, scene-setting, undated or generic mentions), most salient first."""
    return sorted((e for e in report.events if not e.timeline), key=lambda e: (-e.salience, _chronological(e)))


def claims_by_id(report: Report) -> dict[str, Claim]:
    return {c.id: c for c in report.claims}


def articles_by_id(report: Report) -> dict[str, Article]:
    return {a.id: a for a in report.articles}


def event_date(e: Event) -> str:
    return e.time.value or "undated"


def time_precision(value: str | None) -> str:
    """ACLED-like precision of a TIMEX value: day, month, year, or a coarser/unknown marker."""
    if not value:
        return "unknown"
    parts = value.split("-")
    if len(parts) >= 3 and parts[2][:2].isdigit():
        return "day"
    if len(parts) == 2 and parts[1][:1] == "W":
        return "week"
    if len(parts) == 2 and parts[1].isdigit():
        return "month"
    if len(parts) == 2:
        return "season/quarter"
    if parts[0].isdigit() and len(parts[0]) == 4:
        return "year"
    if parts[0].isdigit():
        return "decade/century"
    return "unknown"
