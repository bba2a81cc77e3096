"""The minor-detail model: once-told happenings it finds minor go to the background, with why;
happenings several articles tell never do; the shipped coefficients match the features."""

from __future__ import annotations

from storyline.model import Article, Claim, Event, EventTime, PublishedDate, content_hash
from storyline.reconcile import detail


def _article(n: int) -> Article:
    body = f"Body {n}."
    return Article(id=f"a{n}", body=body, content_hash=content_hash(body),
                   published=PublishedDate("2031-05-10", "metadata", "2031-05-10", "2031-05-10"))


def _claims(article: str, count: int) -> list[Claim]:
    return [Claim(id=f"{article}:{i}", article_id=article, sentence=i, text=f"Sentence {i}.", span=(i, i + 1))
            for i in range(count)]


def test_the_shipped_model_reads_the_features_the_code_computes() -> None:
    m = detail.model()
    assert m.features == detail.FEATURES
    assert len(m.weights) == len(detail.FEATURES) == len(m.mean) + 1 == len(m.scale) + 1
    assert 0.0 < m.threshold < 0.5
    assert all(s > 0 for s in m.scale)


def test_a_detail_told_once_deep_in_an_article_goes_to_the_background_a_shared_happening_stays() -> None:
    claims = _claims("a1", 40) + _claims("a2", 40)
    articles = [_article(1), _article(2)]
    # told once, in the 35th sentence, attributed, hedged, on the article's own day: minor
    claims[35].attribution, claims[35].hedged = "a resident", True
    minor = Event("ev-minor", "a resident saw smoke", EventTime("2031-05-10"), ["a1:35"], ["a1"], salience=0.4)
    # the same kind of telling, but by both articles: never demoted
    shared = Event("ev-shared", "the bridge closed", EventTime("2031-05-10"), ["a1:35", "a2:35"], ["a1", "a2"],
                   salience=0.4)
    # told once in the lede, with its participants, days before the article: kept
    lede = Event("ev-lede", "the dam gave way", EventTime("2031-04-20"), ["a2:0"], ["a2"],
                 event_type="DISASTER", participants=["Orrin dam"], salience=0.6)
    out = detail.demote_minor_details([minor, shared, lede], claims, articles)
    by_id = {e.id: e for e in out}
    assert not by_id["ev-minor"].timeline
    assert (by_id["ev-minor"].placement or "").startswith(detail.MINOR)
    assert by_id["ev-shared"].timeline and by_id["ev-lede"].timeline
    assert [e.timeline for e in out] == [True, True, False]  # the timeline first, its order kept
    assert [e.id for e in out][:2] == ["ev-shared", "ev-lede"]
