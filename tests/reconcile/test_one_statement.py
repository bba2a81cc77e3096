"""One source's statement of a closed day's count, told two ways by two outlets, is a dispute, not
a count that rose within the day.

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from storyline.model import Article, PublishedDate, content_hash
from storyline.pipeline import analyze_articles


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def test_one_statement_of_a_past_days_toll_told_two_ways_is_a_contradiction() -> None:
    """"Four swans died Sunday, the wildlife office said Monday" / "the wildlife office said on
    Monday that five swans died on Sunday": one statement, two values. The same office's toll
    told on two days ("said Monday" / "said Wednesday") may have risen."""
    articles = [
        _article("s01_wire", "2031-07-14", "Four swans died Sunday near the weir at Brindle, the wildlife office said Monday."),
        _article("s02_paper", "2031-07-15", "The wildlife office said on Monday that five swans died near the weir at "
                 "Brindle on Sunday."),
    ]
    kinds = {k.kind for k in analyze_articles(articles).conflicts if k.slot == "quantity"
             and {v.value.lower() for v in k.values} == {"four", "five"}}
    assert kinds == {"contradiction"}, kinds
    articles[1] = _article("s02_paper", "2031-07-17", "The wildlife office said on Wednesday that five swans died near "
                           "the weir at Brindle on Sunday.")
    kinds = {k.kind for k in analyze_articles(articles).conflicts if k.slot == "quantity"
             and {v.value.lower() for v in k.values} == {"four", "five"}}
    assert "contradiction" not in kinds, kinds


def test_a_live_entrys_stamp_does_not_date_the_happening_its_sentence_dates() -> None:
    """"12:15 The wildlife office said on Monday that five swans died near the weir on Sunday":
    the entry was written on Tuesday, the statement made on Monday, the swans died on Sunday."""
    body = ("09:05 Crews are on the shore at Brindle.\n\n12:15 Some context on the birds: the wildlife office said "
            "on Monday that five swans died near the weir on Sunday.\n\n13:40 The beach at Brindle is closed.")
    report = analyze_articles([_article("s03_live", "2031-07-15", body)])
    dying = {c.id for c in report.claims if c.predicate == "die"}
    days = {e.time.value if e.time else None for e in report.events if dying & set(e.claim_ids)}
    assert days == {"2031-07-13"}, days


def test_a_days_toll_told_higher_by_a_later_page_was_counted_again_not_told_wrong() -> None:
    """The fire service's "24 injured" on the evening of the collapse, and "the collapse on
    Tuesday injured 31 people" two days on: the toll of that day rose as it was counted; at
    noon "at least 18" overlaps both and sides with neither."""
    articles = [
        _article("i01_live", "2031-03-11", "At least 18 people were injured when the lift collapsed, the fire service said at noon."),
        _article("i02_wire", "2031-03-11", "The 24 injured were treated at the scene or taken to hospital, the fire service "
                 "said in its latest update on the lift collapse."),
        _article("i03_paper", "2031-03-13", "The lift collapse on Tuesday injured 31 people."),
    ]
    found = [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
             if k.slot == "quantity"]
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_a_done_acts_count_retold_lower_weeks_later_is_a_contradiction() -> None:
    """"Nineteen runners were admitted to Ostvik hospital over the weekend, the hospital said"
    and, weeks later, "Fourteen runners were admitted to hospital": the admissions were done by
    then and their count does not shrink. Retold higher, it may count later admissions too."""
    def kinds(later: str) -> set[str]:
        articles = [
            _article("h01_wire", "2031-05-19", "Nineteen runners were admitted to Ostvik hospital with hypothermia "
                     "over the weekend, the hospital said on Sunday."),
            _article("h02_review", "2031-06-06", later),
        ]
        return {k.kind for k in analyze_articles(articles).conflicts if k.slot == "quantity"
                and {v.value.lower() for v in k.values} >= {"nineteen"}}
    assert kinds("Fourteen runners were admitted to hospital, most of them with hypothermia.") == {"contradiction"}
    assert "contradiction" not in kinds("Twenty-three runners were admitted to hospital, most of them with hypothermia.")


def test_a_credited_count_of_people_against_an_outlets_own_of_one_done_act_is_a_contradiction() -> None:
    """"In all, firefighters pulled six people alive from under the wreckage, fire chief Ruta Vell
    told reporters" and, two days later, "firefighters and shoppers dragged nine people out alive
    from the heap": one rescue's count, credited on one side, the outlet's own on the other."""
    articles = [
        _article("e01_wire", "2031-03-08", "In all, firefighters pulled six people alive from under the wreckage of "
                 "the scaffold, fire chief Ruta Vell told reporters."),
        _article("e02_tabloid", "2031-03-10", "Heroic firefighters and shoppers dragged nine people out alive from the "
                 "mangled heap of the scaffold."),
    ]
    kinds = {k.kind for k in analyze_articles(articles).conflicts if k.slot == "quantity"
             and {v.value.lower() for v in k.values} == {"six", "nine"}}
    assert kinds == {"contradiction"}, kinds
