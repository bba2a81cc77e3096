"""Which clause a time expression and a modality belong to, on invented sentences: a later
conjunct with a subject of its own keeps its date, a verb of aspect passes to its complement."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, PublishedDate, content_hash


def _claims(body: str, nlp, day: str = "2031-05-06", *, told: bool = False) -> list[Claim]:  # type: ignore[no-untyped-def]
    """The sentence claims of one dated article (with ``told``, the events the sentences tell too)."""
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="x01_wire.txt",
                      published=PublishedDate(day, "metadata", day, day))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return [c for c in analysis.claims if told or c.parent is None]


def test_a_later_conjunct_with_its_own_subject_keeps_its_date_to_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    """"set up a fund, and its portal opened on 30 March": the opening is dated, not the setting up."""
    claims = _claims("The Pellvane operator later set up a relief fund, and its claims portal opened on 30 April.",
                     nlp, told=True)
    by_pred = {c.predicate: c for c in claims}
    assert by_pred["set"].time is None, by_pred["set"].time
    assert by_pred["open"].time is not None and by_pred["open"].time.value == "2031-04-30"
    # a conjunct without a subject of its own still shares the date
    claims = _claims("The ferry struck the pier and sank on 30 April.", nlp)
    assert all(c.time is not None and c.time.value == "2031-04-30" for c in claims), [(c.predicate, c.time) for c in claims]
    # a time written before the second subject, which the parser hangs on the second verb, is
    # still the first verb's too
    claims = _claims("By the time the pump was coaxed back into service, at low power, in the early hours of the "
                     "next Tuesday, more than 300 homes had been flooded and some 2,000 cars abandoned.", nlp, told=True)
    coaxed = next(c for c in claims if c.predicate == "coax")
    assert coaxed.time is not None and coaxed.time.value == "2031-05-13", coaxed.time

