"""A figure printed with its digits swapped in one outlet's copy, found whatever noun or slot
tells it (reconcile.figure_misprints), and the pairs of look-alike figures that are two things.

Each test is invented text, analysed by the real pipeline (the spaCy model included)."""

from __future__ import annotations

from storyline.model import Article, PublishedDate, content_hash
from storyline.pipeline import analyze_articles


def _article(name: str, day: str, body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path=f"{name}.txt",
                   published=PublishedDate(day, "metadata", day, day))


def _disputes(articles: list[Article], slot: str = "quantity") -> list[tuple[str, list[str]]]:
    """The conflicts of a slot a report of ``articles`` gives: (kind, the values in order)."""
    return [(k.kind, sorted(v.value for v in k.values)) for k in analyze_articles(articles).conflicts
            if k.slot == slot]


def test_a_crew_counted_with_another_noun_and_its_digits_swapped_is_one_figure_misprinted() -> None:
    """"all 26 crew members of the Quellmar Tide" (three wires) and "its 62 sailors" (a column): one
    crew, its digits swapped in one copy and its noun worded otherwise, so no slot holds both."""
    found = _disputes([
        _article("m01_wire", "2031-05-12", "All 26 crew members of the cargo ship Quellmar Tide were lifted to safety "
                 "on Monday after a fire broke out in its engine room off Cape Varrel."),
        _article("m02_wire", "2031-05-12", "Coastguard helicopters winched all 26 crew members off the burning cargo "
                 "ship Quellmar Tide off Cape Varrel on Monday."),
        _article("m03_paper", "2031-05-13", "The 26 crew members of the Quellmar Tide were taken to Harlow Bay, where "
                 "two were treated for smoke inhalation."),
        _article("m04_column", "2031-05-20", "When fire broke out aboard the cargo ship Quellmar Tide off Cape Varrel, "
                 "its 62 sailors were lucky that coastguard helicopters were within reach."),
    ])
    assert any(kind == "contradiction" and values == ["26", "62"] for kind, values in found), found


def test_two_parts_of_one_whole_with_their_digits_swapped_are_two_counts() -> None:
    """"78 of the 91 members have voted" and "87 of the party's 91 members signed a nomination":
    parts of one whole that count two acts, not one figure misprinted."""
    found = _disputes([
        _article("p01_live", "2031-06-03", "15:10 Turnout update: 78 of the 91 members of the Ossvik caucus have "
                 "now voted, the returning officer said."),
        _article("p02_wire", "2031-06-04", "In all, 87 of the 91 members of the Ossvik caucus signed a nomination "
                 "for one of the candidates."),
    ])
    assert not any(kind == "contradiction" and values == ["78", "87"] for kind, values in found), found


def test_a_towns_size_is_no_count_of_its_evacuees() -> None:
    """"Pellsby, a town of about 3,500 people" and "about 5,300 people have been evacuated": the
    town's size, not a count the story's outlets dispute."""
    found = _disputes([
        _article("t01_wire", "2031-02-03", "Residents of Pellsby, a town of about 3,500 people downstream of the "
                 "dam, were told on Monday to be ready to leave."),
        _article("t02_paper", "2031-02-05", "In total, about 5,300 people have been evacuated from Pellsby and "
                 "Brannet since the dam began to leak on Monday."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_a_duration_with_its_digits_swapped_is_one_duration_misprinted() -> None:
    """"the longest cut lasted 142 hours" (the operator's report) and "the hardest-hit homes had gone
    124 hours without power" (a paper): whatever each is read as the length of, one duration with
    its digits swapped in one copy."""
    found = _disputes([
        _article("d01_report", "2031-11-20", "The longest interruption any household on Tessivar suffered was 142 "
                 "hours, counted from the loss of supply on 10 November."),
        _article("d02_wire", "2031-11-18", "Power returned to the last homes on Tessivar on Sunday, after the longest "
                 "interruption on the island had lasted 142 hours."),
        _article("d03_paper", "2031-11-21", "Power came back to the last homes on Tessivar on Sunday, after the "
                 "hardest-hit households on the island had gone 124 hours without electricity."),
    ], slot="quantity: duration")
    assert ("contradiction", ["124 hours", "142 hours"]) in found, found


def test_one_measure_set_before_one_noun_with_its_digits_swapped_is_one_figure_misprinted() -> None:
    """"the 412-km line" (three outlets) and "the 421-kilometre Harl-Vens line" (one): one line's
    length, its digits swapped in one copy, however unalike the sentences that tell it read."""
    found = _disputes([
        _article("p01_wire", "2031-03-20", "Pumping on the 412-km line resumed on 17 March at reduced pressure, the "
                 "operator said."),
        _article("p02_paper", "2031-03-05", "The 412-kilometre pipeline carries about 90,000 barrels of crude a day."),
        _article("p03_radio", "2031-03-05", "The 412-km pipeline was built in 1987 and is one of three crude lines."),
        _article("p04_column", "2031-03-09", "On Tuesday the 421-kilometre Harl-Vens line split open under a wheat field "
                 "outside Drask, and crude ran through the furrows for hours."),
    ])
    assert any(kind == "contradiction" and values == ["412", "421"] for kind, values in found), found


def test_counts_of_one_specific_noun_with_their_digits_swapped_are_one_figure_misprinted() -> None:
    """"The block held 48 flats on nine floors" / "The block ... contained 84 flats": a thing rarer
    than people, counted in sentences that read only somewhat alike, is one count misprinted."""
    found = _disputes([
        _article("f01_wire", "2031-05-12", "The block at 22 Corlan Street held 48 flats on nine floors, and all were "
                 "evacuated on Monday after the blast."),
        _article("f02_paper", "2031-05-13", "The gas explosion tore through the block at 22 Corlan Street, which had "
                 "48 flats served by one stairwell."),
        _article("f03_column", "2031-05-20", "The block, one of the oldest on the estate, contained 84 flats."),
    ])
    assert any(kind == "contradiction" and values == ["48", "84"] for kind, values in found), found


def test_a_measure_before_a_noun_with_other_modifiers_is_one_thing_misprinted() -> None:
    """"the 274-metre mast" (three pages) and "a 247-metre guyed steel lattice mast" (a feature):
    one mast's height, its digits swapped, the noun three modifiers away from the unit."""
    found = _disputes([
        _article("h01_wire", "2031-02-11", "The 274-metre mast on Corrin Hill came down in the early hours of "
                 "Tuesday as a gale swept the coast."),
        _article("h02_paper", "2031-02-11", "The 274-metre mast folded shortly before dawn, cutting television "
                 "signals across the valley."),
        _article("h03_radio", "2031-02-12", "Engineers were still clearing the wreck of the 274-metre mast on "
                 "Wednesday."),
        _article("h04_feature", "2031-03-02", "The fallen structure, a 247-metre guyed steel lattice mast with an "
                 "antenna section at the top, had stood on Corrin Hill since 1969."),
    ])
    assert any(kind == "contradiction" and values == ["247", "274"] for kind, values in found), found


def test_two_shares_told_in_one_way_with_their_digits_swapped_are_one_share_misprinted() -> None:
    """"turnout at 43.7 per cent" and "Turnout was 47.3 percent": one by-election's turnout, neither
    saying what it is a share of."""
    found = _disputes([
        _article("v01_live", "2031-04-17", "23:15 The returning officer, Ada Quell, gives turnout at 43.7 per cent."),
        _article("v02_wire", "2031-04-18", "Turnout was 47.3 percent, down from 58.1 percent at the last general "
                 "election."),
    ])
    assert any(kind == "contradiction" and values == ["43.7 per cent", "47.3 percent"] for kind, values in found), found


def test_diplomats_and_people_are_both_people_so_a_swapped_count_of_them_is_one_figure() -> None:
    """"38 people" flown home (four pages) and "83 diplomats and family members" (one): one
    airlift counted with two nouns of people, its digits swapped."""
    found = _disputes([
        _article("d01_release", "2031-03-09", "The foreign ministry confirmed there were 38 people on board the "
                 "flight from Varnholt: 26 embassy staff and 12 family members."),
        _article("d02_wire", "2031-03-09", "An air force plane carried 38 people from Varnholt to the capital "
                 "on Sunday."),
        _article("d03_paper", "2031-03-10", "The ministry flew its diplomats home on Sunday, 38 people in all."),
        _article("d04_column", "2031-03-12", "With its embassy in Varnholt standing empty since 83 diplomats and "
                 "family members were airlifted out on Sunday, the ministry has little left to bargain with."),
    ])
    assert any(kind == "contradiction" and values == ["38", "83"] for kind, values in found), found


def test_a_whole_told_as_all_n_with_two_sizes_is_a_contradiction() -> None:
    """"close all 17 of the country's commercial banks" and "All the country's 19 banks threw open
    their branches": one set of banks sized two ways, whatever each sentence's verb."""
    found = _disputes([
        _article("b01_wire", "2031-03-01", "Officials were drafting a decree that would close all 17 of the country's "
                 "commercial banks for three days, two officials said."),
        _article("b02_paper", "2031-03-04", "All the country's 19 banks threw open their branches at nine on Wednesday, "
                 "but nobody could take out more than 400 marks."),
    ])
    assert any(kind == "contradiction" and values == ["17", "19"] for kind, values in found), found


def test_wholes_of_two_kinds_or_weeks_apart_are_two_sets() -> None:
    """"all 268 primary schools" and "all 412 state schools" are two sets; "all 21 crew members"
    one week and "All 20 crew members on board" a month later may both be right."""
    found = _disputes([
        _article("s01_paper", "2031-01-12", "All 268 primary schools in the city will stay closed this week, the "
                 "education ministry said."),
        _article("s02_wire", "2031-01-13", "The closure covers all 412 state schools in the city, the ministry said "
                 "in a statement."),
        _article("c01_wire", "2031-03-04", "The captain told the owner that all 21 crew members were alive and unhurt."),
        _article("c02_paper", "2031-04-06", "All 20 crew members on board were reported safe after the navy boarded "
                 "the ship."),
    ])
    assert not any(kind == "contradiction" for kind, _ in found), found


def test_a_swapped_count_on_an_undated_page_is_one_figure_misprinted() -> None:
    """Two dated reports count 17 injured; a page with no date of its own says 71 were injured:
    its moment is unknown, but a swap of digits is one outlet's copy of the same count, not a
    count of another day."""
    undated = ("Two people died and 71 were injured when the fire spread through the lower decks of the Orla, "
               "which has been laid up in dry dock since the start of the year.")
    found = _disputes([
        _article("h01_wire", "2031-03-10", "The health ministry said 17 people had been injured in Monday's blaze "
                 "aboard the Orla."),
        _article("h02_paper", "2031-03-11", "Hospitals in Varne treated 17 people injured in the blaze, the health "
                 "ministry said on Tuesday."),
        Article(id=Article.make_id(undated), body=undated, content_hash=content_hash(undated), path="h03_column.txt",
                published=PublishedDate(None, None, None, None)),
    ])
    assert any(kind == "contradiction" and "71" in values for kind, values in found), found


def test_kids_and_pupils_are_both_people_so_a_swapped_count_of_them_is_one_figure() -> None:
    """"the school's 1,140 pupils" (two outlets) and a tabloid's "1,410 kids were sent home": one
    roll, its digits swapped and its people named with a word of their own."""
    found = _disputes([
        _article("k01_paper", "2031-02-09", "Harwick Secondary School, which has 1,140 pupils, shut its gates on "
                 "Monday after asbestos was found in a ceiling."),
        _article("k02_wire", "2031-02-09", "The council said the school's 1,140 pupils would be taught remotely "
                 "while contractors seal off the ceiling."),
        _article("k03_tabloid", "2031-02-10", "At Harwick Secondary, 1,410 kids were sent home after asbestos was "
                 "found in a ceiling."),
    ])
    assert any(kind == "contradiction" and values == ["1,140", "1,410"] for kind, values in found), found


def test_a_settled_part_with_its_digits_swapped_is_one_figure_misprinted() -> None:
    """"lowered 83,700 of the 212,400 grades" (two outlets) and "lowered 87,300 grades" (one): a
    part told as settled is one figure an outlet may print with its digits swapped; a part still
    moving ("78 of the 91 have now voted") is not (``test_two_parts_of_one_whole_...``)."""
    found = _disputes([
        _article("g01_wire", "2031-08-11", "The authority lowered 83,700 of the 212,400 grades that teachers had "
                 "estimated, about 39 percent, the qualifications authority said."),
        _article("g02_paper", "2031-08-12", "In all, the authority lowered 83,700 of the 212,400 grades teachers "
                 "had submitted."),
        _article("g03_column", "2031-08-13", "The authority's model lowered 87,300 grades that teachers had "
                 "estimated."),
    ])
    assert any(kind == "contradiction" and values == ["83,700", "87,300"] for kind, values in found), found


def test_a_count_of_people_of_three_digits_told_with_its_digits_swapped_is_one_misprint() -> None:
    """"sent 421 runners up the mountain" (a tabloid) and "the 412 starters left the square at 5
    a.m." (the wire, a daily): one field of a race, its digits swapped in one copy and told in
    other words; a round count ("120,000 visitors" / "210,000") is no such sign."""
    found = _disputes([
        _article("r01_wire", "2031-05-17", "The 412 starters left the market square at Ostvik at 5 a.m. on Saturday "
                 "under a clear sky."),
        _article("r02_daily", "2031-05-18", "Organisers halted the Kvarn 90 race at 14:40, nine hours after the 412 "
                 "starters had set off from Ostvik."),
        _article("r03_tabloid", "2031-05-19", "And the Sun can reveal that organisers sent 421 runners up the mountain "
                 "even though a storm warning had already been issued."),
    ])
    assert any(kind == "contradiction" and values == ["412", "421"] for kind, values in found), found
