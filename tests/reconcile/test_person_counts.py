"""Counts of persons a family counts whatever noun it uses (the arrested), and a count told as still
running below a fuller one (reconcile.quantities, reconcile.figure_pairs).

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from storyline.model import Article, PublishedDate, content_hash
from storyline.pipeline import analyze_articles


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def _disputes(articles: list[Article]) -> list[tuple[str, list[str]]]:
    return [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
            if k.slot == "quantity"]


def test_the_arrested_told_with_other_nouns_are_one_count() -> None:
    """"Police detained two people" (police, two outlets) and "Three men were arrested" (a tabloid):
    one raid's arrests, told with another verb and another noun."""
    found = _disputes([
        _article("r01_wire", "2031-04-07", "Police detained two people on Monday in connection with the fire at the "
                 "Harl Road depot, a spokesman said."),
        _article("r02_paper", "2031-04-07", "Officers detained two people on Monday over the Harl Road depot fire, "
                 "police said."),
        _article("r03_tabloid", "2031-04-08", "Three men were arrested in dawn raids on Monday over the Harl Road "
                 "depot fire."),
    ])
    assert ("contradiction", ["Three", "two"]) in found or ("contradiction", ["three", "two"]) in found, found


def test_a_count_told_as_running_below_a_fuller_one_is_no_rival() -> None:
    """"27 people have been detained so far" (a live page that evening) and "the police detained
    34 people at the march" (a column): arrests are no running count, but the count told as still
    running is the count as it stood then, not a rival of the fuller one."""
    found = _disputes([
        _article("d01_live", "2031-03-15", "19:30 Police say 27 people have been detained so far at the march on "
                 "Justice Street."),
        _article("d02_column", "2031-03-15", "The police detained 34 people at the march on Justice Street, when "
                 "officers met the crowd with tear gas."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found
