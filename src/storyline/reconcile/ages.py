"""A person's age as outlets give it: "Teodor Lind, 52," here and "aged 54" there contradict.

News writes a person's age in a few fixed shapes next to the name (the appositive "Name, 52,",
"Name, aged 52", "Name (52)", "the 52-year-old Name"). An age belongs to the canonical person
the mention resolves to, so two articles that spell the name differently still meet. Ages of one
person that differ between articles are a contradiction; within one article they are not (a
story may give a birthday, and one text does not contradict itself). Pure functions over the
extraction; ``reconcile`` adds the conflicts to the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article, ArticleAnalysis, Conflict, ConflictValue, Sentence

#: The age right after a name: ", 52," / ", 52." / ", aged 52" / ", aged of 54 years" / " (52)".
_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+(?:of\s+)?)?(\d{1,3})(?:\s+years?(?:\s+old)?)?\s*"
                    r"(?=[,.;)]|\s+(?:and|who|was|is|from|of)\b)|\s*\((\d{1,3})\))")
#: The age right before a name: "52-year-old Name", "the 52-year-old shift supervisor Name".
_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}$")
OLDEST = 120


@dataclass(frozen=True)
class AgeSeen:
    entity_id: str
    age: int
    article_id: str
    span: tuple[int, int]  # the age as written, in the article's body
    sentence: str


def _sentence(analysis: ArticleAnalysis, at: int) -> Sentence | None:
    return next((s for s in analysis.sentences if s.start <= at < s.end), None)


def ages(article: Article, analysis: ArticleAnalysis) -> list[AgeSeen]:
    """Every age the article writes beside a person's name, once per person and value."""
    body = article.body
    out: dict[tuple[str, int], AgeSeen] = {}
    for m in analysis.mentions:
        if m.label != "PERSON" or not m.entity_id:
            continue
        after = _AFTER.match(body, m.end)
        found: list[tuple[int, int, int]] = []
        if after is not None:
            g = 1 if after.group(1) else 2
            found.append((int(after.group(g)), after.start(g), after.end(g)))
        before = _BEFORE.search(body, max(0, m.start - 60), m.start)
        if before is not None and before.end() == m.start:
            found.append((int(before.group(1)), before.start(1), before.end(1)))
        for age, s, e in found:
            if not 0 < age < OLDEST or (m.entity_id, age) in out:
                continue
            sent = _sentence(analysis, s)
            out[(m.entity_id, age)] = AgeSeen(m.entity_id, age, article.id, (s, e), sent.text if sent else body[s:e])
    return list(out.values())


def age_conflicts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                  names: dict[str, str]) -> list[Conflict]:
    """One contradiction per person whose age differs between articles."""
    by_article = {an.article_id: an for an in analyses}
    seen: dict[str, list[AgeSeen]] = defaultdict(list)
    for a in articles:
        an = by_article.get(a.id)
        if an is not None:
            for s in ages(a, an):
                seen[s.entity_id].append(s)
    conflicts: list[Conflict] = []
    for entity, found in sorted(seen.items()):
        values: dict[int, list[AgeSeen]] = defaultdict(list)
        for s in found:
            values[s.age].append(s)
        articles_of = {age: {s.article_id for s in group} for age, group in values.items()}
        if len(values) < 2 or len(set().union(*articles_of.values())) < 2:
            continue
        if all(articles_of[x] == articles_of[y] for x in values for y in values):
            continue  # only one article gives both: no outlet contradicts another
        order = sorted(values, key=lambda age: (-len(articles_of[age]), age))
        cvalues = [
            ConflictValue(value=str(age), article_ids=sorted(articles_of[age]), claim_ids=[],
                          texts=[s.sentence for s in values[age]], sources=sorted(articles_of[age]),
                          spans=[s.span for s in values[age]])
            for age in order
        ]
        counts = [len(articles_of[age]) for age in order]
        best = str(order[0]) if counts[0] > counts[1] else None
        name = names.get(entity, entity)
        listing = "; ".join(f"{v.value} ({len(v.article_ids)} article(s))" for v in cvalues)
        conflicts.append(Conflict(
            id="", slot="quantity: age", kind="contradiction", values=cvalues,
            explanation=f"{name}'s age differs between articles: {listing}. "
                        + (f"{best} is given by more articles." if best else "No age has more independent support."),
            best_supported=best,
        ))
    return conflicts
