"""Slot checks that do not need an event cluster: a person's office and a city's country.

- Roles: one person given two different offices by different articles for overlapping times is a
  conflict ("Defense Minister" in one outlet, "top security official" in another). Titles that
  only differ in wording or precision ("Minister" / "Defense Minister") agree; generic descriptors
  ("leader", "official") say nothing about the office and are never compared.
- Places: "the <Adjective> capital of <City>" is checked against the gazetteer; when the
  gazetteer says the city is the capital of another country, the sentence is flagged, with the
  gazetteer and any article that places the city in the right country as the competing value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from storyline import lexicon
from storyline.model import Article, ArticleAnalysis, Conflict, ConflictValue, Sentence
from storyline.reconcile import memo
from storyline.reconcile.memo import Memo, digest
from storyline.reconcile.timeslot import parse_day

_OFFICE_HEADS = lexicon.words("entities", "office_heads")
_GENERIC = lexicon.words("entities", "generic_office_heads")
_DOMAIN_STOP = lexicon.words("entities", "office_domain_stop")
_NOT_CURRENT = lexicon.words("entities", "not_current_office_words")


@dataclass(frozen=True)
class Office:
    head: str
    domain: frozenset[str]
    deputy: bool
    text: str


@memo.pure(16384)
def office(title: str) -> Office | None:
    """Parse a title into head noun and domain words; None for generic or former titles. Kept
    per title (a pure function of it; ``Office`` is frozen): a story gives its people the same
    titles in article after article."""
    try:
        from storyline.extract.entities import normalize_title

        t = normalize_title(title)
    except ImportError:  # pragma: no cover - extraction not installed
        t = title.lower()
    t = t.lower().replace("defence", "defense")
    words = re.findall(r"[a-z][a-z'\-]*", t)
    if not words or any(w in _NOT_CURRENT for w in words):
        return None
    heads = [w for w in words if w in _OFFICE_HEADS]
    if not heads:
        return None
    head = heads[-1] if "of" not in words else heads[0]
    domain = frozenset(w for w in words if w not in _DOMAIN_STOP and w not in _OFFICE_HEADS)
    if head in _GENERIC and not domain:
        return None
    return Office(head, domain, "deputy" in words or "vice" in words, t)


def offices_differ(a: Office, b: Office) -> bool:
    """Different offices: different rank, or different heads and domains with no inclusion."""
    if a.deputy != b.deputy:
        return True
    if a.head == b.head:
        return bool(a.domain and b.domain and not (a.domain <= b.domain or b.domain <= a.domain))
    if not a.domain or not b.domain:
        return False  # "minister" vs "official": one is vaguer, not another office
    return not (a.domain & b.domain)


@dataclass
class _RoleSeen:
    entity: str
    name: str
    title: str
    office: Office
    article_id: str
    sentence: int
    text: str
    span: tuple[int, int]
    when: tuple[str | None, str | None] = (None, None)


def _sentence_times(analysis: ArticleAnalysis) -> dict[int, tuple[str | None, str | None]]:
    """The interval each claim sentence's own time denotes, where the text gives its year."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for c in analysis.claims:
        t = c.time
        if t is None or not t.earliest or not t.latest or not t.value[:4].isdigit():
            continue
        if t.type not in ("DATE", "TIME") or c.sentence in out:
            continue
        out[c.sentence] = (t.earliest, t.latest)
    return out


def sentence_at(analysis: ArticleAnalysis, index: int | None, start: int) -> Sentence | None:
    for s in analysis.sentences:
        if (index is not None and s.index == index) or (index is None and s.start <= start < s.end):
            return s
    return None


def role_conflicts(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    doc_ranges: dict[str, tuple[str | None, str | None]],
    names: dict[str, str],
) -> list[Conflict]:
    """Different offices for one person in different articles whose times overlap."""
    seen: dict[str, list[_RoleSeen]] = defaultdict(list)
    for an in analyses:
        own = _sentence_times(an)
        doc = doc_ranges.get(an.article_id, (None, None))
        pairs: list[tuple[str, str, int | None, int, int]] = [
            (r.entity_id, r.title, r.sentence, r.start, r.end) for r in an.roles
        ]
        for m in an.mentions:
            if m.entity_id and m.label == "PERSON":
                for t in m.titles:
                    pairs.append((m.entity_id, t, m.sentence, m.start, m.end))
        done: set[tuple[str, str]] = set()
        for entity, title, sent, start, _end in pairs:
            off = office(title)
            if off is None or (entity, off.text) in done:
                continue
            done.add((entity, off.text))
            s = sentence_at(an, sent, start)
            text = s.text if s else title
            span = (s.start, s.end) if s else (start, _end)
            seen[entity].append(
                _RoleSeen(entity, names.get(entity, entity), title, off, an.article_id, s.index if s else -1, text, span,
                          _within(own.get(s.index), doc) if s else doc)
            )
    conflicts: list[Conflict] = []
    for roles in seen.values():
        groups: list[list[_RoleSeen]] = []
        for r in roles:
            for g in groups:
                if not offices_differ(g[0].office, r.office):
                    g.append(r)
                    break
            else:
                groups.append([r])
        # posts that one article gives the same person are held together ("Deputy Minister of
        # Defense and head of the Directorate"): merge such groups, they do not contradict
        merged = True
        while merged and len(groups) > 1:
            merged = False
            for i in range(len(groups)):
                for j in range(i + 1, len(groups)):
                    if {r.article_id for r in groups[i]} & {r.article_id for r in groups[j]}:
                        groups[i].extend(groups.pop(j))
                        merged = True
                        break
                if merged:
                    break
        if len(groups) < 2:
            continue
        def meets(i: int, j: int, groups: list[list[_RoleSeen]] = groups) -> bool:
            return any(
                a.article_id != b.article_id and _times_overlap([a.when, b.when])
                for a in groups[i] for b in groups[j]
            )

        keep = [i for i in range(len(groups)) if any(meets(i, j) for j in range(len(groups)) if j != i)]
        groups = [groups[i] for i in keep]
        if len(groups) < 2:
            continue  # the offices belong to different periods: a change of post, not a conflict
        name = roles[0].name
        values = [
            ConflictValue(
                value=g[0].office.text,
                article_ids=sorted({r.article_id for r in g}),
                claim_ids=[],
                texts=[r.text for r in g],
                sources=sorted({r.article_id for r in g}),
                spans=[r.span for r in g],
            )
            for g in groups
        ]
        counts = sorted(((len(v.article_ids), v.value) for v in values), reverse=True)
        best = counts[0][1] if counts[0][0] > counts[1][0] else None
        listing = "; ".join(f"'{v.value}' ({len(v.article_ids)} article(s))" for v in values)
        conflicts.append(
            Conflict(
                id="",
                slot="role",
                kind="contradiction",
                values=values,
                explanation=(
                    f"{name} is given different offices for the same period: {listing}. "
                    + (f"'{best}' is named by more articles." if best else "No office has more independent support.")
                ),
                best_supported=best,
            )
        )
    return conflicts


ROLE_SLACK_DAYS = 92  # an office is held for months: reports a season apart describe the same tenure


def _within(own: tuple[str | None, str | None] | None, doc: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The time a title is given for: its sentence's own date when the text states one (a report
    looks back, so the article's date would be wrong), else the article's writing-date range. A
    portal page gives only an upper bound there (``lo`` None)."""
    return own if own is not None else doc


def _times_overlap(ranges: list[tuple[str | None, str | None]]) -> bool:
    """True unless two times lie more than a season apart; an open side is unbounded."""
    known = []
    for lo, hi in ranges:
        a, b = parse_day(lo), parse_day(hi)
        if a or b:
            known.append((a - timedelta(days=ROLE_SLACK_DAYS) if a else date.min,
                          b + timedelta(days=ROLE_SLACK_DAYS) if b else date.max))
    return all(a_lo <= b_hi and b_lo <= a_hi for a_lo, a_hi in known for b_lo, b_hi in known)


_CAPITAL = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+capital(?:\s+city)?,?\s+(?:of\s+)?([A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?)"
)
_CAPITAL_AFTER = re.compile(
    r"\b([A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?),\s+the\s+((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+capital\b"
)
_COUNTRY = r"((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)"
_CITY = r"([A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?)"
# the country by name: "City, the capital of Country"; "Country's capital(,) City"; "the capital of Country, City";
# "City, Country's capital"
_CAPITAL_NAMED = (
    (re.compile(rf"\b{_CITY},\s+the\s+capital\s+(?:city\s+)?of\s+{_COUNTRY}\b"), 2, 1),
    (re.compile(rf"\b{_COUNTRY}(?:'s|’s)\s+capital(?:\s+city)?,?\s+{_CITY}"), 1, 2),
    (re.compile(rf"\bthe\s+capital\s+(?:city\s+)?of\s+{_COUNTRY},\s+{_CITY}"), 1, 2),
    # the appositive after the city: "City, Country's capital"
    (re.compile(rf"\b{_CITY},\s+(?:the\s+)?{_COUNTRY}(?:'s|’s)\s+capital\b"), 2, 1),
)


def _gazetteer():  # type: ignore[no-untyped-def]
    from storyline.extract import gazetteer

    return gazetteer


def place_conflicts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> list[Conflict]:
    """'the <Adjective> capital of <City>' where the gazetteer says the city is another country's capital."""
    gz = _gazetteer()
    out: list[Conflict] = []
    placing: dict[tuple[str, str], list[tuple[Article, str]]] = {}
    by_article = {an.article_id: an for an in analyses}
    for a in articles:
        for (start, end, written), said, city, true_country in _miscalled.get(
                digest(a.body), partial(_capitals_miscalled, gz, a.body)):
            an = by_article.get(a.id)
            sent = sentence_at(an, None, start) if an else None
            text = sent.text if sent else a.body[max(0, start - 80) : end + 80]
            span = (sent.start, sent.end) if sent else (start, end)
            if (city, true_country) not in placing:  # one scan per city, not per conflict
                placing[(city, true_country)] = _placing_articles(articles, city, true_country, limit=5)
            support = [(x, t) for x, t in placing[(city, true_country)] if x.id != a.id]
            right = ConflictValue(
                value=f"{city} is the capital of {true_country}",
                article_ids=[x.id for x, _ in support],
                texts=["GeoNames gazetteer: capital of " + true_country, *[t for _, t in support]],
                sources=["gazetteer", *[x.id for x, _ in support]],
            )
            wrong = ConflictValue(
                value=f"{city} called the capital of {said}",
                article_ids=[a.id],
                texts=[text],
                sources=[a.id],
                spans=[span],
            )
            out.append(
                Conflict(
                    id="",
                    slot="place",
                    kind="contradiction",
                    values=[wrong, right],
                    explanation=(
                        f"The article calls {city} '{written.strip()}', but the gazetteer lists {city} as "
                        f"the capital of {true_country}, not of {said}"
                        + (f"; {len(support)} other article(s) also place it in {true_country}." if support else ".")
                    ),
                    best_supported=right.value,
                )
            )
    return out


_Miscalled = tuple[tuple[tuple[int, int, str], str, str, str], ...]
_miscalled: Memo[_Miscalled] = Memo()
"""Per body: its capital phrases that name the wrong country (the regular expressions over every
body were most of ``place_conflicts``); a pure function of the body and the gazetteer."""


def _capitals_miscalled(gz, body: str) -> _Miscalled:  # type: ignore[no-untyped-def]
    """((start, end, phrase), country said, city, the city's true country) for each phrase of the
    body that calls a capital city the capital of another country, in the order they are found.
    Every pattern needs the word itself, so a body without it is not scanned six times for it."""
    if "capital" not in body:
        return ()
    found: list[tuple[re.Match[str], str | None, str]] = []
    for m in _CAPITAL.finditer(body):
        found.append((m, gz.country_from_adjective(m.group(1)), m.group(2)))
    for m in _CAPITAL_AFTER.finditer(body):
        found.append((m, gz.country_from_adjective(m.group(2)), m.group(1)))
    for rx, country_group, city_group in _CAPITAL_NAMED:
        for m in rx.finditer(body):
            name = m.group(country_group)
            found.append((m, name if gz.capital_of(name) else None, m.group(city_group)))
    out = []
    for m, said, city in found:
        if said is None:
            continue
        true_country = _capital_country(gz, city)
        if true_country is None or true_country == said:
            continue
        out.append(((m.start(), m.end(), m.group(0)), said, city, true_country))
    return tuple(out)


def _capital_country(gz, city: str) -> str | None:  # type: ignore[no-untyped-def]
    place = gz.lookup(city)
    if place is None:
        return None
    country = gz.country_of(city)
    if country and gz.capital_of(country) and gz.capital_of(country).lower() == city.lower():
        return country
    return None


def _placing_articles(articles: Sequence[Article], city: str, country: str, limit: int) -> list[tuple[Article, str]]:
    """Other articles that write the city together with its true country ("<City>, <Country>")."""
    pat = re.compile(rf"{re.escape(city)}[^.\n]{{0,80}}\b{re.escape(country)}\b|\b{re.escape(country)}\b[^.\n]{{0,80}}{re.escape(city)}")
    out: list[tuple[Article, str]] = []
    for a in articles:
        if len(out) > limit:
            break
        m = pat.search(a.body)
        if m:
            start = a.body.rfind(".", 0, m.start()) + 1
            end = a.body.find(".", m.end())
            out.append((a, a.body[start : end + 1 if end >= 0 else len(a.body)].strip()))
    return out
