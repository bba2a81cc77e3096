"""Canonical entities across articles: which mentions name the same person, organisation or place.

Canonicalisation is corpus-level and deterministic: names are folded (case, accents, hyphens,
possessives, leading titles), a surname or given-name-only mention is linked to a full name that
contains it (the most recent in the same article first, then the most frequent in the corpus),
an acronym to the organisation whose initials it spells, and places to their gazetteer name.
Entity ids are derived from the canonical name, so the same corpus always gets the same ids.

The mentions themselves are found in :mod:`storyline.extract.mentions` and the name and title
words in :mod:`storyline.extract.names`; their public names are importable from here too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from storyline import lexicon
from storyline.extract import gazetteer
from storyline.extract.mentions import (
    ENTITY_LABELS,
    MOST_CHANGED,
    PLACE_LABELS,
    SCANS_KEPT,
    RawMention,
    doc_mentions,
    recover_missed,
)
from storyline.extract.names import (
    ORG_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    fold,
    is_acronym,
    is_pronoun,
    is_title,
    normalize_title,
    person_key,
    strip_titles,
    token_is_person_pronoun,
)
from storyline.model import ArticleAnalysis, Entity

__all__ = [
    "ENTITY_LABELS",
    "MOST_CHANGED",
    "ORG_NOUNS",
    "PLACE_LABELS",
    "ROLE_NOUNS",
    "SCANS_KEPT",
    "TITLE_WORDS",
    "RawMention",
    "collect_entities",
    "doc_mentions",
    "fold",
    "is_acronym",
    "is_pronoun",
    "is_title",
    "normalize_title",
    "person_key",
    "recover_missed",
    "resolve",
    "strip_titles",
    "token_is_person_pronoun",
]

#: Words that make a name an organisation's, not a person's, whatever the model tagged it.
_ORG_NAME_WORDS = lexicon.words("entities", "organisation_name_words")
#: Words that open a place's name ("Mount X"), whatever person's surname ends it.
_PLACE_NAME_WORDS = lexicon.words("entities", "place_name_words")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "the", "and", "for", "&")]
    return "".join(w[0] for w in words if w)


def resolve(raw: Sequence[RawMention]) -> dict[int, str]:
    """Assign an entity id to every raw mention (keyed by position); deterministic for a corpus.

    Full names first define entities; then short forms (one name word, or initial + surname) link to
    a full name containing them, preferring the latest such name earlier in the same article, else
    the corpus's most frequent; acronyms link to an organisation with those initials.
    """
    ids: dict[int, str] = {}
    # "Name (ACRONYM)" anywhere in the corpus: the acronym means that name everywhere
    expansions: dict[str, str] = {}
    for r in raw:
        if r.expands_to:
            expansions.setdefault(r.key, r.expands_to)
    for r in raw:
        if r.key in expansions and r.kind in ("org", "place") and is_acronym(r.mention.text):
            r.kind, r.mention.label, r.key = "org", "ORG", expansions[r.key]
    name_words: set[str] = set()
    for r in raw:
        if r.kind == "person" and len(r.key.split()) >= 2:
            parts = r.key.split()
            name_words |= {parts[0], parts[-1], r.key}
    for r in raw:
        if (r.kind in ("place", "org", "group") and r.key in name_words
                and not gazetteer.is_sure_place(r.mention.text)
                and not (r.kind == "group" and gazetteer.country_from_adjective(r.mention.text))):
            # "Scarrance" tagged as a place (or a nationality: "Scarrance: '...'" heading a live
            # entry), "Ulric Scarrance" as an organisation, next to the person "Ulric Scarrance"
            r.kind, r.mention.label, r.key = "person", "PERSON", person_key(r.mention.text)
    # "Rony Canales-Orbe" tagged an organisation, next to the person "Orbe": a personal name;
    # so is "Nimmo Marrend" tagged a place or a building, next to "Marrend" (not "Mount Marrend")
    surnames = {r.key for r in raw if r.kind == "person" and len(r.key.split()) == 1}
    for r in raw:
        if r.kind not in ("org", "place", "facility"):
            continue
        words = r.key.split()
        if r.kind != "org" and (len(words) > 3 or words[0] in _PLACE_NAME_WORDS or gazetteer.is_sure_place(r.mention.text)):
            continue
        if (2 <= len(words) <= 5 and words[-1] in surnames and all(w.isalpha() for w in words)
                and not set(words) & _ORG_NAME_WORDS and not is_acronym(r.mention.text)):
            r.kind, r.mention.label, r.key = "person", "PERSON", person_key(r.mention.text)
    # one key, one kind: the NER may call the same name an organisation here and a place there.
    # A name it also calls a person keeps its person mentions (a surname and a village may
    # share a word); its other mentions still take one kind among themselves
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in Counter((r.key, r.kind) for r in raw).items():
        if kind != "person":
            kinds[key][kind] = n
    for r in raw:
        if len(kinds[r.key]) > 1 and r.kind != "person":
            r.kind = max(kinds[r.key], key=lambda k: (kinds[r.key][k], k))
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(raw):
        by_kind[r.kind].append(i)
    for kind, idxs in by_kind.items():
        counts = Counter(raw[i].key for i in idxs)
        keys = set(counts)
        canonical: dict[str, str] = {k: k for k in keys}
        by_word: dict[str, list[str]] = defaultdict(list)  # first or last name word -> full names
        if kind == "person":
            split = {k: k.split() for k in keys}
            full = sorted(k for k in keys if len(split[k]) >= 2)
            by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
            by_prefix: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for f in full:
                parts = split[f]
                by_word[parts[0]].append(f)
                if parts[-1] != parts[0]:
                    by_word[parts[-1]].append(f)
                if len(parts) > 2:
                    by_ends[(parts[0], parts[-1])].append(f)
                for j in range(2, len(parts)):
                    by_prefix[tuple(parts[:j])].append(f)
            for k in full:
                parts = split[k]
                # a name with an unknown word in front ("polygamist A B") is the known name "A B"
                known = [x for x in (" ".join(parts[j:]) for j in range(1, len(parts) - 1)) if x in keys]
                if known:
                    canonical[k] = known[0]
                    continue
                # "A B" is "A X B" when only one such longer name is known (a middle name left out)
                if len(parts) == 2 and len(by_ends.get((parts[0], parts[-1]), [])) == 1:
                    canonical[k] = by_ends[(parts[0], parts[-1])][0]
                    continue
                # a truncated name ("A B" of "A B C", e.g. a cut caption) is the longer name if unique
                longer = by_prefix.get(tuple(parts), [])
                if len(longer) == 1:
                    canonical[k] = longer[0]

            for k in keys:
                words = split[k]
                short_surname = len(words) == 2 and len(words[0].rstrip(".")) == 1
                if (len(words) == 1 or short_surname) and [f for f in _containing(by_word, words) if f != k]:
                    canonical[k] = "?"  # decided per mention below
        elif kind == "org":
            by_initials: dict[str, list[str]] = defaultdict(list)
            for m in keys:
                if " " in m:
                    by_initials[_initials(m)].append(m)
            by_first: dict[str, list[str]] = defaultdict(list)  # a longer name by its first word
            for m in keys:
                if " " in m:
                    by_first[m.split()[0]].append(m)
            for k in keys:
                bare = k.replace(".", "")
                if " " not in k and bare.isalpha() and len(k) >= 2 and by_initials.get(bare):
                    canonical[k] = max(by_initials[bare], key=lambda m: (counts[m], m))
                elif " " not in k and len(by_first.get(k, [])) == 1:
                    # "Pelverin" of "Pelverin Group", when the story names one organisation so
                    canonical[k] = by_first[k][0]
        # per-mention resolution of ambiguous short person names
        last_full: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for i in idxs:
            r = raw[i]
            if canonical.get(r.key) == r.key and kind == "person" and " " in r.key:
                last_full[r.article].append((r.mention.start, r.key))
        # a short name's full names in its article, and each key's id, found once (a story's
        # mentions repeat a few thousand names)
        locals_of: dict[tuple[int, str], list[tuple[int, str]]] = {}
        id_of: dict[str, str] = {}
        for i in idxs:
            r = raw[i]
            key = canonical[r.key]
            if key == "?":
                words = r.key.split()
                local = locals_of.get((r.article, r.key))
                if local is None:  # the article's full names that contain it (``_person_contains``)
                    if len(words) == 1:
                        w = words[0]
                        local = [(pos, f) for pos, f in last_full[r.article] if w in (split[f][0], split[f][-1])]
                    else:
                        initial, surname = words[0].rstrip("."), words[-1]
                        local = [(pos, f) for pos, f in last_full[r.article]
                                 if split[f][-1] == surname and split[f][0].startswith(initial)]
                    locals_of[(r.article, r.key)] = local
                before = [x for x in local if x[0] < r.mention.start]
                if before:
                    key = max(before)[1]
                elif local:
                    key = min(local)[1]
                else:
                    key = max(_containing(by_word, words), key=lambda f: (counts[f], f))
                key = canonical.get(key, key) if canonical.get(key) != "?" else key
            made = id_of.get(key)
            if made is None:
                made = id_of[key] = f"{kind}:{_slug(key)}"
            ids[i] = made
    return ids


def _containing(by_word: dict[str, list[str]], words: list[str]) -> list[str]:
    """Full names that contain a short form, looked up by its last word. A lone name word is a
    surname first: the names it ends are preferred to those it begins ("Marrend" is "Ludo
    Elio Marrend" rather than "Marrend Oskarvel")."""
    found = [f for f in by_word.get(words[-1], []) if _person_contains(f, words)]
    if len(words) == 1 and len(found) > 1:
        ending = [f for f in found if f.split()[-1] == words[0]]
        return ending or found
    return found


def _person_contains(full: str, words: list[str]) -> bool:
    """Does a full name contain this short form (a name word, or "V. Surname")?"""
    parts = full.split()
    if len(words) == 1:
        w = words[0]
        return w in (parts[0], parts[-1]) or (len(parts) >= 3 and w == parts[1] and False)
    initial, surname = words[0].rstrip("."), words[-1]
    return parts[-1] == surname and parts[0].startswith(initial)


def collect_entities(analyses: Iterable[ArticleAnalysis]) -> list[Entity]:
    """The canonical entities behind the mentions of a set of analyses, with their aliases."""
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for m in analysis.mentions:
            if m.entity_id:
                texts[m.entity_id][m.text] += 1
                labels[m.entity_id][m.label] += 1
    out: list[Entity] = []
    for eid in sorted(texts):
        variants = texts[eid]
        label = labels[eid].most_common(1)[0][0]
        kind = eid.split(":", 1)[0]
        if kind == "person":
            name = max(variants, key=lambda v: (len(person_key(v).split()), variants[v], v))
            name = " ".join(name.split()[len(name.split()) - len(person_key(name).split()):])
        else:
            name = max(variants, key=lambda v: (variants[v], len(v), v))
        country: str | None = None
        geonames_id: int | None = None
        if label in PLACE_LABELS:
            place = gazetteer.lookup(name)
            if place is not None:
                name, country, geonames_id = place.name, place.country, place.geonames_id
        elif label == "NORP":
            country = gazetteer.country_from_adjective(name)
        out.append(Entity(id=eid, name=name, kind=label, aliases=sorted(set(variants) - {name}),
                          country=country, geonames_id=geonames_id))
    return out
