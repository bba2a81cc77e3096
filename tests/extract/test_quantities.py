"""The quantity grammar: every documented form, plus numbers hypothesis writes in digits and words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline import lexicon
from storyline.extract.quantities import attach_units, find_quantities, parse_number


def one(text: str):  # type: ignore[no-untyped-def]
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate", "increment"),
    [
        ("more than 10,000 troops", 10000, None, False, False),
        ("over 11,000 soldiers", 11000, None, False, False),
        ("at least 300 people", 300, None, False, False),
        ("between 25,000 and 30,000 additional troops", 25000, 30000, False, True),
        ("25,000-30,000 troops", 25000, 30000, False, False),
        ("from 10 to 20 drones", 10, 20, False, False),
        ("around 2,000 troops", 1800, 2200, True, False),
        ("about five thousand construction workers", 4500, 5500, True, False),
        ("nearly 3,000 civilians", 2700, 3000, True, False),
        ("thousands of workers", 2000, None, True, False),
        ("tens of thousands of refugees", 20000, None, True, False),
        ("hundreds of buildings", 200, None, True, False),
        ("several thousand protesters", 3000, 9000, True, False),
        ("one thousand sappers", 1000, 1000, False, False),
        ("up to 12,000 fighters", None, 12000, False, False),
        ("fewer than 50 tanks", None, 50, False, False),
        ("another 5,000 soldiers", 5000, 5000, False, True),
        ("an additional 800 engineers", 800, 800, False, True),
        ("10,000 more troops", 10000, 10000, False, True),
        ("a dozen drones", 12, 12, False, False),
        ("two to three thousand men", 2000, 3000, False, False),
        ("2.5 million people", 2_500_000, 2_500_000, False, False),
        ("approaching 2,000 arrivals", 1800, 2000, True, False),
        ("almost 600 ferries", 540, 600, True, False),
        ("just under 90 trucks", 81, 90, True, False),
        ("topped 4,700 claims", 4700, None, False, False),
        ("exceeded 12,000 votes", 12000, None, False, False),
        ("surpassing 300 flights", 300, None, False, False),
        ("2,000 or so nurses", 1800, 2200, True, False),
        ("an additional 40 or so ferries", 36, 44, True, True),
        # a sum written as one modifier, its scale and currency hyphened on
        ("a 45 million-crown relief fund", 45_000_000, 45_000_000, False, False),
        ("a 30-million-euro relief fund", 30_000_000, 30_000_000, False, False),
    ],
)
def test_forms(text: str, low: float | None, high: float | None, approximate: bool, increment: bool) -> None:
    q = one(text)
    assert (q.low, q.high, q.approximate, q.increment) == (low, high, approximate, increment)
    assert text.startswith(q.text) or q.text in text


@pytest.mark.parametrize(
    "text",
    ["On June 19 they met", "signed in 1961 and abolished in 1996", "a 25-year-old soldier", "at 10:30 am",
     "the F-16 and COVID-19", "in the 1990s", "a one-on-one meeting",
     # a clock time's minutes and a phone number's groups count nothing
     "in its 15:00 bulletin", "As of 08:00 today", "call 0800 414 2290 for help", "on +44 20 7946 0000",
     "shortly before 11 o'clock"],
)
def test_dates_ages_codes_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


@given(st.integers(0, 23), st.integers(0, 59), st.integers(2, 999))
def test_a_figure_after_a_clock_time_is_read_and_the_minutes_are_not(hour: int, minute: int, count: int) -> None:
    found = [q.text for q in find_quantities(f"At {hour:02d}:{minute:02d} the agency said {count} homes were hit.")]
    assert found == [str(count)], found


def test_percent_and_money_are_typed() -> None:
    assert one("unemployment rose 4.5 percent").unit == "percent"
    q = one("a $5 million grant")
    assert (q.low, q.unit) == (5_000_000, "USD")


def test_offsets_index_the_text() -> None:
    text = "Officials said more than 10,000 troops arrived."
    q = one(text)
    assert text[q.start:q.end] == q.text == "more than 10,000"
    shifted = find_quantities(text, offset=100)[0]
    assert (shifted.start, shifted.end) == (q.start + 100, q.end + 100)


def test_units_are_counted_noun_lemmas(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The ministry said more than 4,000 Freedonian soldiers crossed the river, and thousands of "
            "volunteers followed; the two countries met for three days.")
    doc = nlp(text)
    units = {q.text: q.unit for q in attach_units(doc, find_quantities(text))}
    assert units["more than 4,000"] == "soldier"
    assert units["thousands"] == "volunteer"
    assert "two" not in units  # an anaphoric "the two countries" is not a count
    assert "three" not in units  # durations belong to the time engine


def test_a_word_hyphened_to_a_sums_scale_is_what_it_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    """"a 2.4 million-solde contract": a currency the lexicon does not know, hyphened to the scale,
    is the sum's unit (as "4.2 million soldes" is), not the contract; "a 1.5 million-strong crowd"
    still counts the crowd."""
    text = "The ministry signed a 2.4 million-solde contract; it paid 4.2 million soldes; a 1.5 million-strong crowd marched."
    units = {q.text: q.unit for q in attach_units(nlp(text), find_quantities(text))}
    assert units == {"2.4 million": "solde", "4.2 million": "solde", "1.5 million": "crowd"}, units


def test_units_of_state_words_pronouns_and_nationalities(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The ministry's earlier tally, released in March, was about 40 dead and some 120 wounded. "
            "About 5,000 Chileans now live in the province, and as many as 900 of them work in the mines. "
            "Some 600 engineers are repairing roads under a new contract, and a few hundred of them went home. "
            "Officials expect 7,000 to 8,000 volunteers.")
    doc = nlp(text)
    units = {q.text: q.unit for q in attach_units(doc, find_quantities(text))}
    assert units["about 40"] == "dead"
    assert units["some 120"] == "wounded"
    assert units["About 5,000"] == "Chilean people"
    assert units["as many as 900"] == "Chilean people"  # 'of them': the counted subject before it
    assert units["a few hundred"] == "engineer"  # not 'roads', the object in between
    assert units["7,000 to 8,000"] == "volunteer"


def test_pronoun_without_antecedent_has_no_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The storm passed quickly. As many as 3,000 of them lost power."
    doc = nlp(text)
    (q,) = attach_units(doc, find_quantities(text))
    assert (q.high, q.unit) == (3000, None)


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, hyphen: bool, use_and: bool) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_UNITS[n // 100], "hundred"]
        n %= 100
        if n and use_and:
            words.append("and")
    if n >= 20:
        tens = _TENS[n // 10]
        if n % 10:
            words += [f"{tens}-{_UNITS[n % 10]}"] if hyphen else [tens, _UNITS[n % 10]]
        else:
            words.append(tens)
    elif n:
        words.append(_UNITS[n])
    return words


def to_words(n: int, hyphen: bool = True, use_and: bool = False) -> str:
    """An independent English spelling of n (the oracle the parser is checked against)."""
    if n == 0:
        return "zero"
    words: list[str] = []
    for scale, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (1, "")):
        chunk = (n // scale) % 1000
        if chunk:
            words += _below_thousand(chunk, hyphen, use_and)
            if name:
                words.append(name)
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999_999_999_999), st.booleans())
def test_digits_parse(n: int, commas: bool) -> None:
    text = f"{n:,}" if commas else str(n)
    assert parse_number(text) == n


@given(st.integers(min_value=0, max_value=999_999_999_999), st.booleans(), st.booleans())
def test_words_parse(n: int, hyphen: bool, use_and: bool) -> None:
    assert parse_number(to_words(n, hyphen, use_and)) == n


@given(st.integers(min_value=2200, max_value=999_999_999), st.sampled_from(["more than", "over", "at least"]))
def test_lower_bounds_in_running_text(n: int, modifier: str) -> None:
    q = one(f"Officials counted {modifier} {n:,} troops there.")
    assert (q.low, q.high) == (n, None)


@given(st.integers(min_value=21, max_value=999_999), st.sampled_from(["about", "around", "roughly"]))
def test_approximate_words_in_running_text(n: int, modifier: str) -> None:
    q = one(f"They sent {modifier} {to_words(n)} engineers.")
    assert q.approximate
    assert q.low is not None and q.high is not None
    assert q.low < n < q.high


def test_a_figure_hyphened_to_a_unit_of_measurement_is_that_measure(nlp) -> None:  # type: ignore[no-untyped-def]
    """"a 312-metre bulk carrier", "a 3.5-kilometre tunnel": the figure measures the thing in that
    unit; a count noun so hyphened ("a four-lane road", "a 16-page report") names a kind of thing,
    and an age or a time ("a 30-year-old", "a 40-hour week") is no figure here."""
    text = "A 312-metre bulk carrier entered the 3.5-kilometre channel behind a 12-tonne barge."
    found = [(q.text, q.unit) for q in attach_units(nlp(text), find_quantities(text))]
    assert found == [("312", "metre"), ("3.5", "kilometre"), ("12", "tonne")], found
    for text in ("They widened it to a four-lane road.", "She wrote a 16-page report.",
                 "A 30-year-old man worked a 40-hour week.", "The five-mile-long queue moved."):
        assert find_quantities(text) == [], text


@given(st.integers(1, 99_999), st.sampled_from(sorted(u for u in lexicon.words("figures", "measurement_units") if u.isalpha())))
def test_any_figure_hyphened_to_any_unit_reads_back(n: int, unit: str) -> None:
    (q,) = find_quantities(f"It was a {n:,}-{unit} span.")
    assert (q.low, q.high, q.text) == (n, n, f"{n:,}")


def test_put_at_counts_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The coastguard put the missing at about 40."
    doc = nlp(text)
    (q,) = attach_units(doc, find_quantities(text))
    assert (q.text, q.unit) == ("about 40", "missing")


def test_a_negated_noun_counts_something_else(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The dead include 240 passengers and 19 non-passengers on the ground."
    units = {q.text: q.unit for q in attach_units(nlp(text), find_quantities(text))}
    assert units["240"] == "passenger"
    assert units["19"] == "non-passenger"


def test_over_after_a_noun_is_a_preposition_not_a_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A judge heard the lawsuit over 137 rejected mail ballots. Over 100 people were evacuated."
    found = {q.text: q for q in attach_units(nlp(text), find_quantities(text))}
    assert (found["137"].low, found["137"].high) == (137, 137), found
    assert found["137"].qualifier == "reject"  # which ballots: the rejected ones
    assert (found["Over 100"].low, found["Over 100"].high) == (100, None)


def test_over_after_a_verb_it_is_the_particle_of_is_not_a_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Parents allegedly handed over 2.1 million dorins to buy places. The storm destroyed over 300 homes."
    found = {q.text: q for q in attach_units(nlp(text), find_quantities(text))}
    assert (found["2.1 million"].low, found["2.1 million"].high) == (2_100_000, 2_100_000), found
    assert (found["over 300"].low, found["over 300"].high) == (300, None)


def test_a_tally_is_not_a_range() -> None:
    # a descending pair is a vote or a score: never "between 0 and 3"
    assert find_quantities("The board certified the results by a 3-0 vote.") == []
    assert find_quantities("Vashti won 29,118 to 29,057.") == []
    assert [(q.low, q.high) for q in find_quantities("Between 3-5 people were hurt.")] == [(3, 5)]


def test_a_difference_is_qualified_as_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.extract.quantities import DIFFERENCE

    for text in ("Kessling led by 398 votes.", "She had a lead of 87 votes.", "The margin shrank to 150 votes."):
        (q,) = attach_units(nlp(text), find_quantities(text))
        assert q.qualifier == DIFFERENCE, (text, q)
    (q,) = attach_units(nlp("Vashti received 29,118 votes."), find_quantities("Vashti received 29,118 votes."))
    assert q.qualifier is None


def test_a_tallys_two_sides_count_the_votes_for_and_against(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.extract.quantities import DIFFERENCE, TALLY_AGAINST, TALLY_FOR

    for text in ("The chamber voted by 93 votes to 41 to open an inquiry.",
                 "By 93 votes to 41, members opened an inquiry.",
                 "The minister survived the vote 93 votes to 41 on Tuesday."):
        found = [(q.text, q.unit, q.qualifier) for q in attach_units(nlp(text), find_quantities(text))]
        assert found == [("93", "vote", TALLY_FOR), ("41", "vote", TALLY_AGAINST)], (text, found)
    # a bare pair after a vote word, a few words on or at the sentence's end, is a tally too
    from storyline.extract.quantities import bare_tallies
    for text in ("The assembly approved the harbour resolution law by 94 to 17 on Thursday.",
                 "The motion was carried 94-17."):
        assert [(q.text, q.qualifier) for q in bare_tallies(text, 0)] == [("94", TALLY_FOR), ("17", TALLY_AGAINST)], text
    assert bare_tallies("The board voted 12 to 3.5 percent growth.", 0) == []  # a decimal is no side
    # a change's end and a margin are no tally
    text = "Support rose from 10 votes to 41 in a week."
    assert [q.qualifier for q in attach_units(nlp(text), find_quantities(text))] == [None]
    text = "She won by 61 votes to the surprise of her rivals."
    assert [q.qualifier for q in attach_units(nlp(text), find_quantities(text))] == [DIFFERENCE]


def test_a_figure_carries_its_role_in_the_clauses_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("About 1,400 members of the bakers' union walked out on Monday. "
            "Some 1,900 bakery workers downed tools at dawn. "
            "The auditor said $12 million was moved to an offshore account. "
            "The toll is 29.")
    doc = nlp(text)
    roles = {q.text: q.role for q in attach_units(doc, find_quantities(text))}
    assert roles["About 1,400"] == "agent PROTEST"  # the counted noun is the subject of 'walked out'
    assert roles["Some 1,900"] == "agent PROTEST"  # 'downed tools': the verb typed by its object
    assert roles["$12 million"] == "patient move"  # a passive subject is what was done to
    assert roles.get("29") is None  # a state verb's figure has no role


def test_a_passives_doer_is_the_agent_not_a_margin(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The petition, signed by 412 nurses, will be debated next week. The mayor won by 61 votes."
    found = {q.text: q for q in attach_units(nlp(text), find_quantities(text))}
    assert found["412"].role == "agent AGREE" and found["412"].qualifier is None
    assert found["61"].qualifier == "difference"


@pytest.mark.parametrize(("text", "qualifier", "change"), [
    ("Holmfirth Mills owns 6.2 per cent of Larkspur, a stake built up in May.", "holmfirth: larkspur", False),
    ("Its stake is 6.2 per cent.", "stake", False),
    ("The offer is a 28% premium to the last close.", "premium", False),
    ("That is a premium of 28 per cent to the last close.", "premium", False),
    ("Larkspur shares jumped 19% in early trading.", None, True),
    ("Larkspur shares closed 12 per cent higher.", None, True),
    ("Sales were flat, up 2 per cent on the year.", None, True),
    ("Some 71 per cent of the ballots cast backed the deal.", "ballot", False),
    # a fall of the doer's own value, not a share of it; a share won is a share
    ("Larkspur shares lost 46 percent of their value by the close.", None, True),
    ("The party gained 12 percent of the vote.", "party: vote", False),
])
def test_a_percentage_says_what_it_is_a_share_of_or_that_it_is_a_change(
        nlp, text: str, qualifier: str | None, change: bool) -> None:  # type: ignore[no-untyped-def]
    (q,) = [q for q in attach_units(nlp(text), find_quantities(text)) if q.unit == "percent"]
    assert (q.qualifier, q.increment) == (qualifier, change), q


def test_an_unknown_plural_the_model_takes_for_a_name_is_the_counted_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    """"for 0.48 selvos a share": the small model tags the unknown currency a name; the figure
    counts selvos (singular, as the plural noun elsewhere), not shares."""
    text = "The bank was sold last night for 0.48 selvos a share, the paper understands."
    (q,) = [q for q in attach_units(nlp(text), find_quantities(text)) if q.text == "0.48"]
    assert q.unit == "selvo", q


@pytest.mark.parametrize(("text", "figure", "qualifier"), [
    ("The board rejected a cash offer of $9.40 a share from Kettering Holdings.", "$9.40", "kettering: offer per share"),
    ("Kettering raised its bid to $9.40 on Monday.", "$9.40", "kettering: offer"),
    ("Kettering Holdings first offered $8.10 a share.", "$8.10", "kettering: offer per share"),
    ("The deal values Brantwood at $1.2 billion.", "$1.2 billion", "deal: brantwood"),
    # a held sum told with "with", "worth" or an endowment is its size
    ("On 9 May the government created the Orle Relief Fund with 45 million euros.", "45 million", "fund"),
    ("The relief fund for growers, worth 45 million euros, has had 1,300 applications.", "45 million", "fund"),
    ("The Orle Relief Fund, announced on 9 May with 45 million euros, pays 900 euros a hectare.", "45 million",
     "fund"),
    ("The cabinet set up the fund with an initial endowment of 45 million euros.", "45 million", "fund"),
    ("The 45 million-crown relief fund the minister announced has had 212 claims.", "45 million", "fund"),
    ("A 30-million-euro relief fund was set up on Monday.", "30-million", "fund"),
    # each item of a list of names and sums is that name's sum of the list's act
    ("The regulator fined the five chains €412 million: Vantro €168 million, Kessel €121 million and "
     "Orbe €74 million.", "€121 million", "kessel: fine"),
    ("Vantro was fined €168 million, Kessel €112 million and Orbe €74 million.", "€112 million", "kessel: fine"),
    # what a sum comes to is its subject's measure; the parser may hang "at" on the object
    ("Insured losses from the storm will reach about 186 million euros, the industry said.", "about 186 million",
     "loss"),
    ("The federation estimates insured losses at EUR 186 million.", "186 million", "loss"),
    # a sum paid to each of several receivers is a share per receiver, told any way round; another
    # sum of the clause is not
    ("Vantrix will pay 540,000 euros to each family of the four crew members.", "540,000", "per family"),
    ("The package gives each bereaved family €450,000 and Sergeant Orle €180,000.", "€450,000", "per family"),
    ("The package gives each bereaved family €450,000 and Sergeant Orle €180,000.", "€180,000", "sergeant: donation"),
    ("It announced €450,000 for each of the four bereaved families.", "€450,000", "per family"),
    ("Each of the four bereaved families will receive €450,000.", "€450,000", "per family"),
])
def test_a_sum_of_money_says_what_it_is_and_whose(nlp, text: str, figure: str, qualifier: str) -> None:  # type: ignore[no-untyped-def]
    (q,) = [q for q in attach_units(nlp(text), find_quantities(text)) if q.text == figure]
    assert q.qualifier == qualifier, q


def test_voters_counted_by_their_side_are_votes_of_that_side() -> None:
    from storyline.extract.quantities import voters_sides

    def sides(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(q.text, q.unit, q.qualifier) for q in voters_sides(text, 0)]

    assert sides("312 senators voted in favour, 97 against and 14 abstained.") == [
        ("312", "vote", "for"), ("97", "vote", "against")]
    assert sides("The motion was backed by 105 deputies on Thursday evening, with 93 against.") == [
        ("105", "vote", "for"), ("93", "vote", "against")]
    assert sides("The plan was rejected by 41 councillors.") == [("41", "vote", "against")]
    # a partitive's whole is the group's size, not its votes; a tally with its noun is read elsewhere
    assert sides("Eight of the party's 25 members voted for impeachment.") == []
    assert sides("The bill was carried by 104 votes to 93.") == []


def test_a_rate_at_a_percentage_is_of_the_noun_it_is_at(nlp) -> None:  # type: ignore[no-untyped-def]
    """"interest at 8 percent a year" is the interest's rate; "putting final turnout at 63.4 percent"
    is the turnout a verb of putting sets at it; "0.84 per mille of alcohol" is a concentration of
    alcohol; "watched 2.3 million times" counts how often, "three times the size" nothing."""
    def read(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(q.text, q.unit, q.qualifier) for q in attach_units(nlp(text), find_quantities(text))]

    assert read("Each refund will include interest at 8 percent a year.") == [("8 percent", "percent", "interest")]
    assert ("63.4 percent", "percent", "final turnout") in read(
        "The commission certified the result, putting final turnout at 63.4 percent.")
    assert read("The captain had 0.84 per mille of alcohol in his blood.") == [("0.84", "per mille", "alcohol")]
    assert read("The clip had been watched 2.3 million times.") == [("2.3 million", "times", None)]
    assert read("The new hall is three times the size of the old one.") == []
    # a share coordinated with a part of a whole is a share of that whole
    assert ("94 per cent", "percent", "tablet") in read("The drug was detected in 47 of the 50 tablets analysed, or 94 per "
                                                         "cent, according to the institute.")


def test_a_bare_figure_subject_counts_the_noun_of_the_clause_before(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Two people died and 71 were injured": the second clause leaves its noun out, the first
    says it. A noun told only after the figure is not the one left out."""
    text = "Two people died and 71 were injured when the fire spread. Three men were held and 12 were questioned."
    units = {q.text: q.unit for q in attach_units(nlp(text), find_quantities(text))}
    assert units.get("71") == "people" and units.get("12") == "man", units
    text = "The company said 40 were missing and three firefighters were hurt."
    assert "40" not in {q.text for q in attach_units(nlp(text), find_quantities(text))}


def test_a_unit_written_apart_before_the_noun_it_measures_is_the_figures_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    """"a 2,350 kg communications satellite", "a 40 km stretch": the unit, not the noun after it,
    as in "a 2,530-kilogram satellite"; "2 m" may be a million, and a plural unit is read as before."""
    text = "Orvel-5, a 2,350 kg communications satellite, fell on a 40 km stretch of coast. He ran 10 miles home."
    units = {q.text: q.unit for q in attach_units(nlp(text), find_quantities(text))}
    assert units.get("2,350") == "kg" and units.get("40") == "km" and units.get("10") == "mile", units


def test_a_definite_count_the_sentence_defines_is_a_count(nlp) -> None:  # type: ignore[no-untyped-def]
    """"All four crew members survived", "sealed the three diversion tunnels that had carried the
    river": the sentence gives the group's size. "The two countries signed" and "the three other
    officers who took part" refer back to things named before."""
    text = ("All four crew members survived the crash. Engineers sealed the three diversion tunnels that had "
            "carried the river. The two countries signed the deal. The three other officers who took part will "
            "not be charged.")
    found = [(q.text, q.unit) for q in attach_units(nlp(text), find_quantities(text))]
    assert found == [("four", "crew member"), ("three", "tunnel")], found


def test_a_noun_opening_a_hyphened_modifier_is_not_what_is_counted(nlp) -> None:  # type: ignore[no-untyped-def]
    """"8,400 E. coli colony-forming units": the units are counted, not the colony."""
    text = "The worst sample held 8,400 E. coli colony-forming units per 100 millilitres."
    units = {q.text: q.unit for q in attach_units(nlp(text), find_quantities(text))}
    assert units.get("8,400") == "unit", units
