"""The packaged gazetteer: places, capitals, countries, demonyms."""

from __future__ import annotations

from storyline.extract import gazetteer


def test_countries_capitals_and_cities() -> None:
    france = gazetteer.lookup("France")
    assert france is not None and france.kind == "country" and france.country_code == "FR"
    paris = gazetteer.lookup("Paris")
    assert paris is not None and paris.kind == "capital" and paris.country == "France"
    assert gazetteer.capital_of("Kenya") == "Nairobi"
    assert gazetteer.capital_of("Kenyan") == "Nairobi"
    assert gazetteer.capital_of("DE") == "Berlin"
    assert gazetteer.country_of("Lyon") == "France"
    assert gazetteer.country_of("Germany") == "Germany"


def test_spelling_variants_and_abbreviations() -> None:
    assert gazetteer.lookup("Kiev") == gazetteer.lookup("Kyiv")
    assert gazetteer.country_of("U.S.") == gazetteer.country_of("United States") == "United States"
    assert gazetteer.country_of("UK") == "United Kingdom"
    assert gazetteer.lookup("North") is None  # a bare word is not a nickname of some town


def test_admin_regions() -> None:
    region = gazetteer.lookup("Bavaria region") or gazetteer.lookup("Lyon region")
    assert region is not None and region.kind == "admin"
    texas = gazetteer.lookup("Texas")
    assert texas is not None and texas.kind == "admin" and texas.country_code == "US"


def test_demonyms() -> None:
    cases = {"French": "France", "Brazilian": "Brazil", "South African": "South Africa", "Chinese": "China",
             "Ukrainian": "Ukraine", "Ukrainians": "Ukraine", "German": "Germany", "Italian": "Italy",
             "Japanese": "Japan", "Mexican": "Mexico", "Iraqi": "Iraq", "American": "United States",
             "South Korean": "South Korea", "North Korean": "North Korea"}
    for adjective, country in cases.items():
        assert gazetteer.country_from_adjective(adjective) == country, adjective
    assert gazetteer.country_from_adjective("Martian") is None


def test_sure_places_only_where_unambiguous() -> None:
    assert gazetteer.is_sure_place("Nairobi")
    assert gazetteer.is_sure_place("Chile")
    assert not gazetteer.is_sure_place("Smallville Heights")


def test_formal_state_names() -> None:
    assert gazetteer.country_of("French Republic") == "France"
    assert gazetteer.country_of("Islamic Republic of Iran") == "Iran"
    assert gazetteer.country_of("Federal Republic of Germany") == "Germany"
    assert gazetteer.lookup("Republic of Nowhere") is None


def test_formal_state_acronyms_are_countries() -> None:
    from storyline.extract import gazetteer

    for acronym, country in (("DPRK", "North Korea"), ("PRC", "China"), ("ROK", "South Korea")):
        place = gazetteer.lookup(acronym)
        assert place is not None and (place.kind, place.name) == ("country", country)
