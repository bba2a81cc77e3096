"""A small hand-built report (our own invented story) the writer tests share."""

from __future__ import annotations

import pytest

from storyline.model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Event,
    EventTime,
    PublishedDate,
    Quantity,
    Report,
    SourceProfile,
    Teaser,
    TimeExpr,
)


def make_report() -> Report:
    body_a = "The bridge over the Elm river opened on March 3, 2021, officials said. About 400 people came."
    body_b = "The Elm bridge opened in March 2020 according to the county. <script>x</script>"
    a = Article(
        id="a" * 16,
        body=body_a,
        content_hash="a" * 64,
        path="corpus/a.txt",
        title="Bridge opens",
        published=PublishedDate("2021-03-04", "metadata", "2021-03-04", "2021-03-04"),
        teasers=[Teaser("SHOCKING: ten other bridges!", None)],
    )
    b = Article(
        id="b" * 16,
        body=body_b,
        content_hash="b" * 64,
        path="corpus/b.txt",
        title=None,
        published=PublishedDate(None, None),
    )
    t_a = TimeExpr("March 3, 2021", 35, 48, "DATE", "2021-03-03", "2021-03-03", "2021-03-03")
    t_b = TimeExpr("March 2020", 30, 40, "DATE", "2020-03", "2020-03-01", "2020-03-31")
    c1 = Claim(
        id="c1",
        article_id=a.id,
        sentence=0,
        text=body_a[:69],
        span=(0, 69),
        predicate="open",
        time=t_a,
        attribution="officials",
        event_type="OPEN",
    )
    c2 = Claim(
        id="c2",
        article_id=a.id,
        sentence=1,
        text="About 400 people came.",
        span=(70, 92),
        quantities=[Quantity("About 400 people", 70, 86, 360, 440, "people", approximate=True)],
    )
    c3 = Claim(
        id="c3",
        article_id=b.id,
        sentence=0,
        text=body_b,
        span=(0, len(body_b)),
        predicate="open",
        time=t_b,
        attribution="the county",
        event_type="OPEN",
    )
    ev = Event(
        id="e1",
        label="bridge opened",
        time=EventTime("2021-03-03", "2021-03-03", "2021-03-03", "best supported"),
        claim_ids=["c1", "c3"],
        article_ids=[a.id, b.id],
        event_type="OPEN",
    )
    conflict = Conflict(
        id="k1",
        slot="time",
        kind="contradiction",
        values=[
            ConflictValue("2021-03-03", [a.id], ["c1"], [c1.text], ["officials"], [c1.span]),
            ConflictValue("2020-03", [b.id], ["c3"], [c3.text], ["the county"], [c3.span]),
        ],
        explanation="The years differ.",
        event_id="e1",
        best_supported="2021-03-03",
    )
    sources = [
        SourceProfile(a.id, None, 2, 0, 0.5, ["all-caps word in a teaser: SHOCKING"]),
        SourceProfile(b.id, None, 1, 1, 1.0, []),
    ]
    return Report([a, b], [c1, c2, c3], [], [ev], [conflict], sources)


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture(scope="session")
def seeds_report(seeds_dir):  # type: ignore[no-untyped-def]
    """The full pipeline's report of the seed articles (computed once for the area)."""
    from pathlib import Path

    from storyline.pipeline import analyze

    report, errors = analyze(sorted(str(p) for p in Path(seeds_dir).glob("*.txt")))
    assert not errors
    return report
