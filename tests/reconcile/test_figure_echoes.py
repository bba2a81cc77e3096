"""Who tells each side of a disputed figure: a list of several holders' sums, a later telling of one
side of a same-day dispute, the same value told in other words.

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from storyline.model import Article, Claim, Conflict, PublishedDate, Quantity, TimeExpr, content_hash
from storyline.pipeline import analyze_articles
from storyline.reconcile.frames import Frame
from storyline.reconcile.quantities import quantity_conflicts


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def _figure_conflicts(articles: list[Article]) -> list[Conflict]:
    return [k for k in analyze_articles(articles).conflicts if k.slot == "quantity"]


def _sides(conflict: Conflict, names: dict[str, str]) -> dict[str, set[str]]:
    """Each value of a conflict with the names of the articles that tell it."""
    return {v.value: {names[a] for a in v.article_ids} for v in conflict.values}


def test_sums_of_several_holders_in_one_sentence_are_a_list_not_a_series() -> None:
    """"Arden was fined €140 million, Belco €95 million and Corvin €65 million": three holders'
    fines, each the latest of its own, not one fine raised twice; a paper giving Belco's as €59
    million disputes it."""
    found = _figure_conflicts([
        _article("f01_wire", "2031-03-18", "The competition authority on Tuesday fined three bakery chains: Arden "
                 "was fined €140 million, Belco €95 million and Corvin €65 million."),
        _article("f02_paper", "2031-03-19", "The competition authority fined Arden €140 million on Tuesday, Belco "
                 "€59 million and Corvin €65 million for fixing bread prices."),
    ])
    values = [sorted(v.value for v in k.values) for k in found if k.kind == "contradiction"]
    assert any({"€59 million", "€95 million"} <= set(v) for v in values), values


def test_a_later_telling_of_one_side_of_a_same_day_dispute_is_no_change() -> None:
    """Two outlets give the depth a wreck was found at on one day, 98 and 112 metres: a dispute. A
    week later a third writes that it lies at 112 metres: that side told again, not the depth
    changing from 98 to 112."""
    articles = [
        _article("w01_paper", "2031-05-15", "The wreck of the trawler Morna was found on Wednesday lying 98 metres "
                 "down on the seabed off Kessel Point, the coastguard said."),
        _article("w02_wire", "2031-05-15", "A navy survey ship located the wreck of the Morna off Kessel Point on "
                 "Wednesday at a depth of 112 metres, the coastguard said."),
        _article("w03_weekly", "2031-05-22", "Divers reached the wreck of the Morna off Kessel Point on Monday. It "
                 "lies at a depth of 112 metres."),
    ]
    names = {a.id: (a.path or "")[:3] for a in articles}
    found = [k for k in _figure_conflicts(articles) if {"98", "112"} <= {v.value for v in k.values}]
    assert found and all(k.kind == "contradiction" for k in found), [(k.kind, _sides(k, names)) for k in found]
    assert {"w02", "w03"} <= _sides(found[0], names)["112"], _sides(found[0], names)


def _figure_frame(name: str, day: str, text: str, number: str, value: float, verb: str,
                  participants: frozenset[str]) -> tuple[Frame, Article]:
    """A frame of one sentence with one count of passengers, its verb untyped (its own family) and
    dated ``day``."""
    article = _article(name, day, text)
    at = text.index(number)
    q = Quantity(number, at, at + len(number), value, value, "passenger")
    t = TimeExpr(text=day, value=day, start=0, end=0, type="DATE")
    claim = Claim(id=f"{article.id}:0", article_id=article.id, sentence=0, text=text, span=(0, len(text)),
                  predicate=verb, time=t, quantities=[q])
    return Frame(id=f"{article.id}:f0", claim=claim, family=f"other:{verb}", event_type="", trigger=verb,
                 start=0, end=0, unique=False, participants=participants, time=t, value=day,
                 quantities=[q]), article


def test_a_disputed_value_told_in_other_words_joins_its_side() -> None:
    """A wire's "the coach carried 68 passengers when it crashed" and a column's "74 passengers
    were on the coach when it crashed" tell one happening, a dispute; the operator's own "68
    passengers were on board the coach at Harl when it crashed", slotted apart (another verb, a
    named place, another event), is the wire's side told again: the dispute names it."""
    f1, a1 = _figure_frame("c01_release", "2031-04-21", "The operator said 68 passengers were on board the coach at "
                           "Harl when it crashed.", "68", 68, "board", frozenset({"place:harl"}))
    f2, a2 = _figure_frame("c02_wire", "2031-04-21", "The coach carried 68 passengers when it crashed, the "
                           "operator said.", "68", 68, "carry", frozenset())
    f3, a3 = _figure_frame("c03_column", "2031-04-21", "The operator said 74 passengers were on the coach when it "
                           "crashed.", "74", 74, "be", frozenset())
    articles = {a.id: a for a in (a1, a2, a3)}
    names = {a.id: (a.path or "")[:3] for a in articles.values()}
    event_of = {f2.claim.id: "ev-crash", f3.claim.id: "ev-crash", f1.claim.id: "ev-report"}
    found = [k for k in quantity_conflicts([f1, f2, f3], articles, key=lambda f: f.article_id, event_of=event_of)
             if k.kind == "contradiction"]
    assert len(found) == 1, found
    assert _sides(found[0], names) == {"68": {"c01", "c02"}, "74": {"c03"}}, _sides(found[0], names)


def test_a_swapped_digits_value_told_again_later_in_other_words_joins_its_side() -> None:
    """The guild's fine was 6.8 million crowns (the regulator, two papers) and one outlet printed
    8.6 million: a swap of digits. A feature three weeks later that says "the 6.8 million crowns
    the guild must pay" in words of its own tells that side too: the exact value of a swapped pair
    is that side however and whenever it is told."""
    a1 = _article("g01_wire", "2031-03-03", "The data regulator on Monday fined the Harl Guild 6.8 million crowns "
                  "for leaking the records of its members.")
    a2 = _article("g02_paper", "2031-03-04", "The Harl Guild was fined 6.8 million crowns by the data regulator on "
                  "Monday over the leak of its members' records.")
    a3 = _article("g03_column", "2031-03-05", "The regulator fined the Harl Guild 8.6 million crowns on Monday for "
                  "the leak of its members' records.")
    a4 = _article("g04_feature", "2031-03-24", "Members are angry that the 6.8 million crowns the guild must pay "
                  "will come out of their annual dues.")
    names = {a.id: a.path.split("_")[0] for a in (a1, a2, a3, a4) if a.path}
    found = [k for k in _figure_conflicts([a1, a2, a3, a4]) if k.kind == "contradiction"]
    sides = [_sides(k, names) for k in found if {"8.6 million crowns", "8.6 million"} & {v.value for v in k.values}]
    assert sides and any("g04" in told for side in sides for told in side.values()), (found, sides)


def test_a_swapped_value_told_beside_a_running_count_joins_its_side() -> None:
    """"Of the 3,412 people evacuated, 1,150 are still in shelters": the still-running 1,150 does
    not make the 3,412 a count that may move; a swapped value of three digits is that side
    however it is told."""
    a1 = _article("e01_release", "2031-03-05", "In all, 3,412 people were taken off the island of Skarvel on Tuesday, "
                  "the civil protection agency said.")
    a2 = _article("e02_column", "2031-03-06", "In all, 3,142 islanders were taken to the mainland on Tuesday, the "
                  "civil protection agency has said.")
    a3 = _article("e03_feature", "2031-03-20", "Of the 3,412 people evacuated, 1,150 are still living in public "
                  "shelters on the mainland.")
    names = {a.id: a.path.split("_")[0] for a in (a1, a2, a3) if a.path}
    found = [k for k in _figure_conflicts([a1, a2, a3]) if k.kind == "contradiction"]
    sides = [_sides(k, names) for k in found if "3,142" in {v.value for v in k.values}]
    assert sides and any("e03" in side.get("3,412", set()) for side in sides), (found, sides)
