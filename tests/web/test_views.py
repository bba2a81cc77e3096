"""What the story page computes from a report: kept per report version, and charts that draw a
figure repeated by one outlet on one day once (a large story repeats figures by the hundred)."""

from __future__ import annotations

from storyline.model import Article, Claim, Event, EventTime, PublishedDate, Quantity, Report, content_hash
from storyline.web.views import Filters, Index


def _article(text: str, site: str) -> Article:
    digest = content_hash(text)
    return Article(id=digest[:16], body=text, content_hash=digest, site=site,
                   published=PublishedDate(value="2031-03-03"))


def _claim(n: int, article: Article, value: float) -> Claim:
    return Claim(id=f"c{n}", article_id=article.id, sentence=0, text=f"{value:g} people were evacuated.",
                 span=(0, 10), quantities=[Quantity(text=f"{value:g} people", start=0, end=5, low=value,
                                                    high=value, unit="people")])


def test_a_repeated_figure_is_one_point_and_charts_are_kept() -> None:
    a, b = _article("One text.", "Herald"), _article("Another text.", "Herald")
    claims = [_claim(1, a, 14), _claim(2, b, 14), _claim(3, a, 20)]
    ix = Index.of(Report(articles=[a, b], claims=claims))
    (chart,) = ix.charts()
    (line,) = chart.lines
    assert [(p.day, p.value) for p in line.points] == [("2031-03-03", 14), ("2031-03-03", 20)]
    assert ix.charts() is ix.charts()


def test_unfiltered_lists_are_kept_and_filters_still_apply() -> None:
    a = _article("One text.", "Herald")
    events = [Event(id="e1", label="flood", time=EventTime(value="2031-03-02"), article_ids=[a.id]),
              Event(id="e2", label="rescue", time=EventTime(value="2031-03-04"), article_ids=[a.id]),
              Event(id="e3", label="history", timeline=False, article_ids=[a.id])]
    ix = Index.of(Report(articles=[a], events=events))
    assert [e.id for e in ix.timeline(Filters())] == ["e1", "e2"]
    assert ix.timeline(Filters()) is ix.timeline(Filters())
    assert [e.id for e in ix.timeline(Filters(start="2031-03-03"))] == ["e2"]
    assert [e.id for e in ix.timeline(Filters(outlet="Other"))] == []
    assert [e.id for e in ix.background(Filters())] == ["e3"]
