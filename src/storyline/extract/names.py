"""Names and titles as words: the keys a name is compared by, and the words that make a title.

Why a module of its own: folding a name (case, accents, hyphens, possessives), stripping the
titles and nationality words in front of it, telling an office from a name and normalising a
title are asked by the mention finder (:mod:`storyline.extract.mentions`), by canonicalisation
(:mod:`storyline.extract.entities`), by attribution and by reconciliation alike; none of them
needs a parse beyond a token's word and part of speech.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Token

from storyline import lexicon
from storyline.extract import gazetteer

#: Words that make up titles and offices; used to strip titles off names and to find title prefixes.
TITLE_WORDS = lexicon.words("entities", "title_words")
#: Head nouns that mark the name after them as an organisation, not a person.
ORG_NOUNS = lexicon.words("entities", "org_head_nouns")
_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "i"}


#: Nouns that name an office or role (as opposed to the modifiers in TITLE_WORDS).
ROLE_NOUNS = lexicon.words("entities", "role_nouns")


def is_title(text: str) -> bool:
    """Does this text name an office held by one person (not "the two leaders", not "late")?"""
    words = [w.strip(".,").lower() for w in text.replace("-", " ").split()]
    if not words or words[0] in ("two", "three", "both", "all", "several", "many"):
        return False
    return any(w in ROLE_NOUNS for w in words) and not any(
        w.endswith("s") and w[:-1] in ROLE_NOUNS and w not in ("ss",) for w in words[-1:]
    )


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent-, hyphen- and possessive-insensitive key for a name (remembered: a story
    folds the same few thousand names tens of thousands of times, four regex passes each)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s?$|'s\b", "", text.strip())
    text = re.sub(r"[\s\-\u2010-\u2015_]+", " ", text.lower())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[^\w\s.&]", "", text).strip(" .")


def _strip_leading_titles(words: list[str]) -> list[str]:
    """'President Ulmar Quarrick' -> ['ulmar', 'quarrick'] (keeps at least one word)."""
    i = 0
    while i < len(words) - 1 and (words[i].rstrip(".") in TITLE_WORDS or gazetteer.country_from_adjective(words[i])):
        i += 1
    return words[i:]


@lru_cache(maxsize=16384)
def strip_titles(text: str) -> str:
    """The name as written, minus the titles and nationality words in front of it (remembered:
    a story's every person mention asks it on each update)."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and len(_strip_leading_titles([w.lower() for w in words[i:]])) < len(words) - i:
        i += 1
    return " ".join(words[i:])


def person_key(text: str) -> str:
    """Fold a person's name and drop the titles and nationality adjectives in front of it."""
    return " ".join(_strip_leading_titles(fold(text).split()))


def _is_country(text: str) -> bool:
    place = gazetteer.lookup(text)
    return place is not None and place.kind == "country"


def normalize_title(text: str) -> str:
    """A title in comparable form: lower case, no article, owner or nationality, one spelling.

    "Freedonia's top security official" -> "top security official"; "the Freedonian Defence Minister" ->
    "defense minister"; "Minister of Defense" -> "defense minister".
    """
    t = text.replace("\u2019", "'").replace("\u2018", "'").strip(" ,;:-\"'")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(the|a|an)\s+", "", t, flags=re.IGNORECASE)
    # owner in front: "Freedonia's", "the country's"
    t = re.sub(r"^(?:[\w.\- ]+?)'s?\s+", "", t) if re.match(r"^[\w.\- ]+?'s?\s", t) else t
    words = t.split()
    while len(words) > 1:
        two = " ".join(words[:2])
        if len(words) > 2 and (gazetteer.country_from_adjective(two) or _is_country(two)):
            words = words[2:]
        elif gazetteer.country_from_adjective(words[0]) or _is_country(words[0]):
            words = words[1:]
        else:
            break
    t = " ".join(words).lower()
    t = re.sub(r"\bdefence\b", "defense", t)
    t = re.sub(r"\bprogramme\b", "program", t)
    m = re.fullmatch(r"(.*?)\b(minister|secretary|ministry)\s+(?:of|for)\s+(?:the\s+)?([a-z]+)(.*)", t)
    if m and m.group(3) not in ("state",):
        t = f"{m.group(1)}{m.group(3)} {m.group(2)}{m.group(4)}"
    return re.sub(r"\s+", " ", t).strip(" ,")


def is_acronym(text: str) -> bool:
    """'NIS', 'HUR', 'U.N.': an all-capital abbreviation of two to six letters."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


def token_is_person_pronoun(tok: Token) -> bool:
    return tok.lower_ in ("he", "she", "him", "her") and tok.pos_ == "PRON"


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PRONOUNS and tok.pos_ == "PRON"
