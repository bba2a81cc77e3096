"""Figures told in a clause of their own, currencies written as words, and a named speaker the
parser lost after a long clause (texts written for the test)."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, PublishedDate, content_hash


def _all_claims(nlp, body: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate(value="2031-05-17", source="metadata"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return analysis.claims


def test_a_figure_in_a_relative_clause_is_that_clause_events(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, "Ostrelia, which pledged 40 million crowns last week, has said part of the aid "
                              "could go to rebuilding schools before next winter.")
    main = next(c for c in claims if c.parent is None)
    pledge = next(c for c in claims if c.predicate == "pledge")
    assert pledge.parent == main.id
    assert [q.text for q in pledge.quantities] == ["40 million"]  # held at the pledge's date
    assert pledge.time is not None and "W" in pledge.time.value
    assert not main.quantities


def test_a_figure_of_what_is_said_stays_with_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, "The agency estimated that losses ran into the thousands, and earlier this year "
                              "it said the toll alone could be approaching 900.")
    assert not any(c.quantities for c in claims if c.parent is not None and c.predicate == "say")


def test_currency_words_are_money_with_their_measure(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, "Ostrelia pledged 40 million crowns in aid on Friday. The insurer paid 2 billion "
                              "yen to the operator. The plant employs 4,000 workers.")
    figures = {q.text: q for c in claims for q in c.quantities}
    assert figures["40 million"].unit == "CROWN"
    assert figures["40 million"].qualifier == "ostrelia: donation"
    assert figures["2 billion"].unit == "JPY"
    assert all(q.unit != "CROWN" for t, q in figures.items() if t != "40 million")


def test_a_named_speaker_after_a_long_clause_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, "A total of 163 people have been rescued alive since the ferry overturned on "
                              "Saturday evening in gale-force winds roughly nine kilometres from Cape Dunmere, "
                              "Commander Nadia Orsell of the Kestrian Coastguard said.")
    main = next(c for c in claims if c.parent is None)
    assert main.attribution is not None and "Nadia Orsell" in main.attribution


def test_a_quote_closed_by_an_inverted_attribution_is_its_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, '"He was talking to us for the whole last hour. He asked for water and for his '
                              'brother," a rescue source told the Courier. Crews said the road was open.')
    main = [c for c in claims if c.parent is None]
    assert [c.attribution for c in main[:2]] == ["a rescue source", "a rescue source"]
    assert main[2].attribution == "Crews"


def test_a_sum_moved_is_a_transfer_whichever_voice(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, "About $38 million of depositors' money was moved to the holding company. "
                              "She moved $83 million of customer money into his company.")
    figures = {q.text: q.qualifier for c in claims for q in c.quantities}
    assert figures["About $38 million"].endswith("transfer")  # type: ignore[union-attr]
    assert figures["$83 million"].endswith("transfer")  # type: ignore[union-attr]


def test_a_colon_speaker_owns_the_quote_even_behind_a_live_stamp(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _all_claims(nlp, '11:05 Hanna Veltrup, chief executive of Vandrel Chemie: "Our engineers estimate '
                              'that about 12 cubic metres of the solution left the site."')
    assert {c.attribution for c in claims} == {"Hanna Veltrup"}  # not "Our engineers", whom the quote cites


def test_a_name_before_a_colon_that_the_article_names_elsewhere_owns_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    """The tagger may miss a name; one the article writes elsewhere too is still a speaker, while
    a heading written once ('Key points: "..."') is not."""
    body = ("Interim chief executive Orla Mennick has been speaking on a call with analysts.\n\n"
            'Orla Mennick: "My job is to keep 14 ferries sailing on time, and that is what I will do."\n\n'
            'Quiet Harbours: "A guide to the coast" is out this week.')
    claims = _all_claims(nlp, body)
    ferries = next(c for c in claims if "14 ferries" in c.text)
    assert ferries.attribution == "Orla Mennick", ferries.attribution
    guide = next(c for c in claims if "A guide to the coast" in c.text)
    assert guide.attribution != "Quiet Harbours"


def test_a_name_written_once_before_a_colon_owns_the_quote_when_every_word_is_a_proper_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    """A live entry's speaker the tagger does not take for a person, named only there, is still the
    speaker when each word is a singular proper noun; a heading's plural is not ("Key Points")."""
    body = ("06:40\nThe rescue agency has set up a command post at the Orvik service area.\n\n"
            'Brenna Holt: "We have teams going from car to car. Please stay in your vehicle."\n\n'
            'Key Points: "Stay in your vehicle" is the advice.')
    claims = _all_claims(nlp, body)
    teams = next(c for c in claims if "car to car" in c.text)
    assert teams.attribution == "Brenna Holt", teams.attribution
    advice = next(c for c in claims if "is the advice" in c.text)
    assert advice.attribution != "Key Points"
