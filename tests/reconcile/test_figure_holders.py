"""What a figure counts and whose it is: the count word of the figure's own clause, a penalty's
sum held by who pays it, one reading of a unit told two ways on one day.

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from types import SimpleNamespace

from storyline.model import Article, Claim, PublishedDate, Quantity, TimeExpr, content_hash
from storyline.pipeline import analyze_articles
from storyline.reconcile.figure_reading import count_type
from storyline.reconcile.frames import Frame
from storyline.reconcile.quantities import quantity_conflicts


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def _figure_disputes(articles: list[Article]) -> list[tuple[str, list[str]]]:
    return [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
            if k.slot == "quantity"]


def test_a_count_word_in_the_figures_own_clause_says_what_it_counts() -> None:
    """"Two soldiers were killed and 12 people were injured": the 12 are the injured, whatever the
    "killed" just before them; so are the 19 of "two soldiers are dead, 19 people have been
    injured"; "118 confirmed dead and 27 missing" counts 27 missing."""
    for body, number, counted in [
        ("Two soldiers on guard duty were killed and 12 people were injured, the ministry said.", "12", "wounded"),
        ("Here is where things stand: two soldiers are dead, 19 people have been injured.", "19", "wounded"),
        ("The search ended on Wednesday with 118 confirmed dead and 27 missing.", "27", "missing"),
        ("The blasts killed three soldiers and injured 19 people.", "three", "dead"),
        # the figure's own clause has a verb of its own that is no count word: the "killed" of the
        # clause before is not what it counts
        ("Four members of the group were killed and three were detained.", "three", "people"),
    ]:
        at = body.index(number)
        q = Quantity(number, at, at + len(number), 1, 1, "people")
        frame = SimpleNamespace(family="kill")
        assert count_type(frame, q, body) == counted, (body, count_type(frame, q, body))  # type: ignore[arg-type]


def test_a_fine_is_held_by_who_is_fined() -> None:
    """"The court fined the skipper Davor Keln €240,000 and the skipper Ilan Ferro €150,000": two
    fines; a paper's "Davor Keln ... was fined €260,000" disputes Keln's, never Ferro's."""
    found = _figure_disputes([
        _article("f01_wire", "2031-10-24", "The Orlen district court on Friday fined the skipper Davor Keln €240,000 "
                 "and the skipper Ilan Ferro €150,000 for fishing in closed waters."),
        _article("f02_paper", "2031-10-25", "Davor Keln, the skipper of the trawler Sunn, was fined €260,000 by the "
                 "Orlen district court on Friday."),
        _article("f03_site", "2031-10-25", "Ilan Ferro, who skippered the trawler Kestrel, was fined €150,000 on Friday."),
    ])
    assert ("contradiction", ["€240,000", "€260,000"]) in found, found
    assert not any("€150,000" in values for _, values in found), found


def _speed_frame(name: str, text: str, number: str, verb: str, participants: frozenset[str]) -> tuple[Frame, Article]:
    """A frame of one sentence with one speed, its verb untyped (its own family), dated 14 May."""
    day = "2031-05-14"
    article = _article(name, day, text)
    at = text.index(number)
    q = Quantity(number, at, at + len(number), float(number), float(number), "km/h")
    t = TimeExpr(text=day, value=day, start=0, end=0, type="DATE")
    claim = Claim(id=f"{article.id}:0", article_id=article.id, sentence=0, text=text, span=(0, len(text)),
                  predicate=verb, time=t, quantities=[q])
    return Frame(id=f"{article.id}:f0", claim=claim, family=f"other:{verb}", event_type="", trigger=verb,
                 start=0, end=0, unique=False, participants=participants, time=t, value=day,
                 quantities=[q]), article


def test_one_reading_of_a_unit_told_two_ways_on_one_day_is_disputed() -> None:
    """"The tornado was rated EF4, with an estimated peak wind speed of 290 km/h" (the service and a
    wire) and "the survey teams found that the tornado reached 320 km/h at its peak" (one paper),
    all of one day, other verbs, other names: one reading, two values, disputed."""
    f1, a1 = _speed_frame("w01_service", "The tornado was rated EF4, with an estimated peak wind speed of 290 km/h.",
                          "290", "rate", frozenset())
    f2, a2 = _speed_frame("w02_wire", "The tornado has been rated EF4, with a peak wind speed of 290 km/h.",
                          "290", "rate", frozenset())
    f3, a3 = _speed_frame("w03_paper", "The survey teams found that the tornado reached 320 km/h at its peak.",
                          "320", "reach", frozenset({"org:weather-service"}))
    articles = {a.id: a for a in (a1, a2, a3)}
    found = [(k.kind, sorted(v.value for v in k.values))
             for k in quantity_conflicts([f1, f2, f3], articles, key=lambda f: f.article_id)]
    assert ("contradiction", ["290", "320"]) in found, found
