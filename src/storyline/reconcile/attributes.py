"""Attributes outlets write beside a name: a person's age, a ship's or a building's size.

News gives them in a few fixed shapes next to the name: "Dr Blasko, 52," / "aged 54" / "(52)"
/ "the 52-year-old Blasko"; "the ship, a 948-foot-long container vessel" / "the 947-foot-long
ship" / "a 412-bed hospital". An attribute belongs to the canonical entity the mention resolves
to, so two articles that spell the name differently still meet; an age written before a role with
no name ("the 71-year-old retired teacher") is the one person the story gives that role as a
title, and a size before a noun with no name ("the 516-space car park") is the size of that noun's
one thing. Values of one attribute that differ between articles are a contradiction (sizes within rounding, half a percent, agree); one
article never contradicts itself. The words are data (``data/lexicon/attributes.json``, read through
``storyline.lexicon``). Pure
functions over the extraction; ``reconcile`` adds the conflicts to the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline import lexicon
from storyline.model import Article, ArticleAnalysis, Conflict, ConflictValue
from storyline.reconcile.facts import sentence_at
from storyline.reconcile.memo import Memo, digest

OLDEST = 120
#: Sizes this close (relative) are one value rounded differently: 947 and 948 feet agree.
ROUNDING = 0.005


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    before = _alternation(sorted(lexicon.words("attributes", "age_before_number")))
    after = _alternation(sorted(lexicon.words("attributes", "age_after_number")))
    units = _alternation(list(lexicon.table("attributes", "size_units")))
    dims = _alternation(list(lexicon.table("attributes", "size_dimensions")))
    age_after = re.compile(rf"\s*(?:,\s*(?:(?:{before})\s+)?(\d{{1,3}})(?:\s+(?:{after}))?\s*"
                           rf"(?=[,.;)]|\s+(?:and|who|was|is|from|of)\b)|\s*\((\d{{1,3}})\))", re.I)
    age_before = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}$")
    size = rf"(\d[\d,]*(?:\.\d+)?)-({units})(?:-({dims}))?"
    size_after = re.compile(rf",\s*an?\s+{size}\b", re.I)
    size_before = re.compile(rf"\b{size}\s+(?:[a-z][\w-]*\s+){{0,2}}$", re.I)
    return age_after, age_before, size_after, size_before


@dataclass(frozen=True)
class Seen:
    """One attribute value as one article writes it."""

    entity_id: str
    attribute: str  # "age", "length in foot", "size in bed"
    value: float
    written: str
    article_id: str
    span: tuple[int, int]  # the number as written, in the article's body
    sentence: str


def _size_attribute(unit: str, dimension: str | None) -> str:
    what = lexicon.table("attributes", "size_dimensions").get((dimension or "long").lower(), "length")
    base = lexicon.table("attributes", "size_units")[unit.lower()]
    return f"{what} in {base}" if base in ("foot", "metre", "kilometre", "mile") else f"size in {base}"


def _found(body: str, label: str, start: int, end: int) -> list[tuple[str, float, str, int, int]]:
    """(attribute, value, written, start, end) written beside one mention (its label and offsets)."""
    age_after, age_before, size_after, size_before = _patterns()
    out: list[tuple[str, float, str, int, int]] = []
    if label == "PERSON":
        after = age_after.match(body, end)
        if after is not None:
            g = 1 if after.group(1) else 2
            out.append(("age", float(after.group(g)), after.group(g), after.start(g), after.end(g)))
        before = age_before.search(body, max(0, start - 60), start)
        if before is not None and before.end() == start:
            out.append(("age", float(before.group(1)), before.group(1), before.start(1), before.end(1)))
        described = _AGE_DESCRIBED.match(body, end)  # "Tobbin, the 18-year-old first-year cadet"
        if described is not None:
            out.append(("age", float(described.group(1)), described.group(1), described.start(1), described.end(1)))
        out = [x for x in out if 0 < x[1] < OLDEST]
    sized = size_after.match(body, end)
    if sized is None:
        sized = size_before.search(body, max(0, start - 60), start)
        if sized is not None and sized.end() != start:
            sized = None
    if sized is not None:
        number = sized.group(1).replace(",", "")
        out.append((_size_attribute(sized.group(2), sized.group(3)), float(number), sized.group(1),
                    sized.start(1), sized.end(1)))
    return out


#: An age in the description set off after a name (", the 18-year-old first-year cadet").
_AGE_DESCRIBED = re.compile(r"\s*,\s*(?:the|a|an)\s+(\d{1,3})-year-old\b", re.I)
#: An age before a role with no name after it ("the 71-year-old retired teacher, who died ...",
#: a lede's "A 54-year-old teacher was killed"): the role's last word, for ``_role_ages``.
_AGE_OF_ROLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}([a-z][\w-]*)"
                          r"(?=\s*[,.;:)]|\s+(?:who|which|that|was|is|has|had|and|of|at|in)\b)")
#: A title's head noun: its last word before a preposition, comma or relative word.
_TITLE_HEAD = re.compile(r"^(.*?)(?:\s+(?:of|from|at|in|for|with|who|whose|and)\b.*)?$", re.I)
GENERIC_ROLES = lexicon.words("attributes", "age_generic_roles")


def _title_head(title: str) -> str | None:
    m = _TITLE_HEAD.match(title.strip())
    words = re.findall(r"[a-z][\w-]*", (m.group(1) if m else title).lower())
    return words[-1] if words and not words[-1].endswith("'s") else None


def role_holders(analyses: Sequence[ArticleAnalysis]) -> dict[str, set[str]]:
    """The people each role names across the story, by the titles the articles give them
    ("President Ostrelund": president; "Ada Kaddery, a retired schoolteacher": schoolteacher)."""
    out: dict[str, set[str]] = defaultdict(set)
    for an in analyses:
        for m in an.mentions:
            if m.label == "PERSON" and m.entity_id:
                for t in m.titles:
                    if (head := _title_head(t)) is not None and head not in GENERIC_ROLES:
                        out[head].add(m.entity_id)
    return out


def _role_ages(article: Article, analysis: ArticleAnalysis, holders: dict[str, set[str]]) -> list[Seen]:
    """Ages written before a role the story gives one person alone ("the 69-year-old president":
    the one the story calls president; "the 71-year-old retired teacher": the schoolteacher)."""
    out = []
    for m in _AGE_OF_ROLE.finditer(article.body):
        role = m.group(2).lower()
        if role in GENERIC_ROLES:
            continue
        people = set().union(*(ids for head, ids in holders.items() if head == role or head.endswith(role)), set())
        if len(people) != 1 or not 0 < int(m.group(1)) < OLDEST:
            continue
        sent = sentence_at(analysis, None, m.start(1))
        out.append(Seen(next(iter(people)), "age", float(m.group(1)), m.group(1), article.id, (m.start(1), m.end(1)),
                        sent.text if sent else m.group(0)))
    return out


_Value = tuple[str, str, float, str, int, int]
_values: Memo[tuple[_Value, ...]] = Memo()
"""Per body and mentions: the attribute values written beside them (``_values_beside``)."""


def _values_beside(body: str, mentions: Sequence[tuple[str | None, str, int, int]]) -> tuple[_Value, ...]:
    """(entity, attribute, value, written, start, end) once per (entity, attribute, value), in
    the order the mentions (entity id, label, start, end) find them."""
    out: dict[tuple[str, str, float], _Value] = {}
    for entity_id, label, start, end in mentions:
        if not entity_id or label in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        for attribute, value, written, s, e in _found(body, label, start, end):
            # a size belongs to the name whatever the model calls it (a ship tagged a facility
            # here and a person there); an age to the person
            entity = entity_id if attribute == "age" else entity_id.split(":", 1)[-1]
            key = (entity, attribute, value)
            if key not in out:
                out[key] = (entity, attribute, value, written, s, e)
    return tuple(out.values())


#: Words after a noun that end its phrase ("the 16-bed unit was", "the 516-space car park
#: opened"): data/lexicon/attributes.json after_head_noun.
_AFTER_HEAD = lexicon.words("attributes", "after_head_noun")


@lru_cache(maxsize=1)
def _thing_size() -> re.Pattern[str]:
    """A size written before the noun of a thing no name follows ("the 516-space car park", "a
    16-bed unit"): the size, then up to two lower-case words (the noun, or its modifier and it)."""
    units = _alternation(list(lexicon.table("attributes", "size_units")))
    dims = _alternation(list(lexicon.table("attributes", "size_dimensions")))
    return re.compile(rf"\b(?:the|a|an|its|their|his|her)\s+(\d[\d,]*(?:\.\d+)?)-({units})(?:-({dims}))?"
                      r"\s+(?-i:([a-z][a-z-]*))(?:\s+(?-i:([a-z][a-z-]*)))?\b", re.I)


def _things_sized(body: str) -> list[_Value]:
    """Sizes of things the text names by a noun only ("the 516-space car park" here, "the
    561-space car park" there): the thing is ``thing:<head noun>``. Counts of a unit only, not
    lengths. An article giving one noun two sizes tells of two such things, so its sizes of that
    noun are left out."""
    found: dict[tuple[str, str], list[_Value]] = defaultdict(list)
    for m in _thing_size().finditer(body):
        first, second = m.group(4), m.group(5)
        head = first if not second or second in _AFTER_HEAD or second.endswith("ed") else second
        attribute = _size_attribute(m.group(2), m.group(3))
        if not attribute.startswith("size in"):
            continue  # a length by a noun alone ("the 30-km mark", "the 42-km course") is too often another's
        found[(head, attribute)].append((f"thing:{head}", attribute, float(m.group(1).replace(",", "")), m.group(1),
                                         m.start(1), m.end(1)))
    return [v[0] for v in found.values() if len({x[2] for x in v}) == 1]


def attributes(article: Article, analysis: ArticleAnalysis) -> list[Seen]:
    """Every age or size the article writes beside an entity's name, once per value. What is
    found depends on the body and on each mention's entity id, label and offsets alone: it is
    kept per digest of those (a story's every article is read again on each update)."""
    mentions = [(m.entity_id, m.label, m.start, m.end) for m in analysis.mentions]
    out = []
    for entity, attribute, value, written, s, e in _values.get(
            digest(article.body, mentions), lambda: _values_beside(article.body, mentions)
            + tuple(_things_sized(article.body))):
        sent = sentence_at(analysis, None, s)
        out.append(Seen(entity, attribute, value, written, article.id, (s, e), sent.text if sent else article.body[s:e]))
    return out


def _groups(found: Sequence[Seen]) -> list[list[Seen]]:
    """Values of one attribute grouped by agreement: equal ages, sizes within rounding."""
    groups: list[list[Seen]] = []
    for s in sorted(found, key=lambda s: s.value):
        last = groups[-1][0].value if groups else None
        tolerance = 0.0 if s.attribute == "age" else ROUNDING * s.value
        if last is not None and abs(s.value - last) <= tolerance:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def attribute_conflicts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                        names: dict[str, str]) -> list[Conflict]:
    """One contradiction per entity and attribute whose values differ between articles."""
    by_article = {an.article_id: an for an in analyses}
    seen: dict[tuple[str, str], list[Seen]] = defaultdict(list)
    holders = role_holders(analyses)
    for a in articles:
        an = by_article.get(a.id)
        if an is not None:
            found = attributes(a, an)
            named = {s.span for s in found}
            for s in found + [r for r in _role_ages(a, an, holders) if r.span not in named]:
                seen[(s.entity_id, s.attribute)].append(s)
    conflicts: list[Conflict] = []
    for (entity, attribute), found in sorted(seen.items()):
        groups = _groups(found)
        arts = [{s.article_id for s in g} for g in groups]
        if len(groups) < 2 or all(x == y for x in arts for y in arts):
            continue  # one value, or only one article gives them all: no outlet contradicts another
        order = sorted(range(len(groups)), key=lambda i: (-len(arts[i]), groups[i][0].value))
        values = [
            ConflictValue(value=groups[i][0].written, article_ids=sorted(arts[i]), claim_ids=[],
                          texts=[s.sentence for s in groups[i]], sources=sorted(arts[i]),
                          spans=[s.span for s in groups[i]])
            for i in order
        ]
        best = values[0].value if len(arts[order[0]]) > len(arts[order[1]]) else None
        name = names.get(entity) or next((n for k, n in names.items() if k.split(":", 1)[-1] == entity), entity)
        listing = "; ".join(f"{v.value} ({len(v.article_ids)} article(s))" for v in values)
        conflicts.append(Conflict(
            id="", slot=f"quantity: {attribute}", kind="contradiction", values=values,
            explanation=f"The {attribute} of {name} differs between articles: {listing}. "
                        + (f"{best} is given by more articles." if best else "No value has more independent support."),
            best_supported=best,
        ))
    return conflicts
