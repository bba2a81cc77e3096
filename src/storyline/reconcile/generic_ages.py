"""Ages of someone the text does not name: "A seven-year-old girl was pulled alive from the
rubble" here, "Rescuers have pulled a nine-year-old girl alive from the rubble" there.

A lede often gives the person of the story by age and a word anyone may be called ("girl",
"man", "hiker": ``attributes.GENERIC_ROLES``), or by the age alone ("The eight-year-old died on
Tuesday"); no name or title links two such ages, so ``attributes`` leaves them out. Two of them
in two articles are one person's when the sentences read alike (static MiniLM vectors,
``AGE_LIKENESS``), the ages are near (``AGE_GAP`` years, or digits swapped) and the words
may name one person (the same word, or the age alone; never a man and a woman): the same
happening told of the same someone. An age with a name beside it, or inside a quotation, is not
such a one; nor are two ages each told by several articles (two people, each aged alike
everywhere): one side is one outlet's slip, as with a figure's swapped digits. A sentence that
gives two different ages tells of two people and takes no part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storyline.model import Article, ArticleAnalysis, Conflict, ConflictValue
from storyline.reconcile.attributes import GENERIC_ROLES, OLDEST
from storyline.reconcile.facts import sentence_at
from storyline.reconcile.figure_slots import sentence_vectors
from storyline.time.lexicon import words_to_number

#: "a seven-year-old girl", "The 78-year-old retired man", "the eight-year-old" and what follows.
_AGE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b(?P<after>[^.;:!?]{0,40})")
_AGE_WORDS = re.compile(r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|,\s*\d{1,3}\s*,")
#: Words right after the age that make it stand alone for the person ("The eight-year-old died").
_BARE_AFTER = re.compile(r"^\s*(?:,|who\b|was\b|is\b|had\b|has\b|died\b|and\b|[a-z]+ed\b)")
#: How alike two sentences must read for two unnamed ages to be one person's: set, not learned.
AGE_LIKENESS = 0.72


#: Ages further apart than this (and not one another's digits swapped) are two people's.
AGE_GAP = 3


def _near(a: int, b: int) -> bool:
    """Two ages one person may be given by two outlets: a few years apart, or digits swapped (78 / 87)."""
    return abs(a - b) <= AGE_GAP or (a >= 10 and b >= 10 and sorted(str(a)) == sorted(str(b)))


def _role(m: re.Match[str], body: str) -> str | None:
    """The word anyone may be called that the age stands before ("girl"), "" for an age alone
    before a verb or a comma ("The eight-year-old died"), None when a name goes with it ("the
    17-year-old Ivo Quandt", "Xeni Zolvey, a 19-year-old student", "a passenger, Oda Prenn,")
    or the word is a role of one person (``attributes`` reads those)."""
    after = m.group("after")
    if _NAMED_BEFORE.search(body[max(0, m.start() - 40): m.start()]) or _NAMED_AFTER.match(after):
        return None
    words = re.findall(r"[A-Za-z][\w-]*", after)[:4]
    if words and words[0][0].isupper():
        return None
    role = next((w.lower() for w in words[:3] if w.lower() in GENERIC_ROLES), None)
    if role is not None:
        return role
    return "" if _BARE_AFTER.match(after) else None


#: A name set off before the age ("Xeni Zolvey, a 19-year-old ...") or after its role ("a
#: sixteen-year-old passenger, Oda Prenn,").
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_NAMED_AFTER = re.compile(r"^(?:\s+[a-z][\w-]*){1,3},\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])")
#: Words anyone may be called that say the person is male or female: two such of the two sexes
#: are two people.
_MALE = frozenset({"man", "boy", "son", "father", "brother", "husband"})
_FEMALE = frozenset({"woman", "girl", "daughter", "mother", "sister", "wife"})


def _one_someone(a: str, b: str) -> bool:
    """Two words (or "" for an age alone) that may name one person: the same word, or an age
    alone beside a word; never the two sexes."""
    if {a, b} & _MALE and {a, b} & _FEMALE:
        return False
    return a == b or not a or not b


def _seen(article: Article, analysis: ArticleAnalysis) -> list[tuple[int, str, str, tuple[int, int], str]]:
    """(age, role word, as written, span, sentence) of each unnamed age the article gives."""
    out = []
    for m in _AGE.finditer(article.body):
        value = words_to_number(m.group(1))  # "78", "seven", "twenty-four"
        years = int(value) if value is not None and value == int(value) else None
        role = _role(m, article.body)
        if years is None or not 0 < years < OLDEST or role is None:
            continue
        sent = sentence_at(analysis, None, m.start(1))
        if sent is None or len({a.group(0) for a in _AGE_WORDS.finditer(sent.text)}) > 1:
            continue  # two ages in one sentence tell of two people
        opened = sent.text[: max(0, m.start() - sent.start)]
        if (opened.count('"') + opened.count("“") - opened.count("”")) % 2:
            continue  # inside a quotation ("a long time in the life of a seven-year-old"): anyone of that age
        out.append((years, role, m.group(1), (m.start(1), m.end(1)), sent.text))
    return out


def generic_age_conflicts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                          named: Sequence[Conflict] = ()) -> list[Conflict]:
    """One contradiction per pair of unnamed ages two articles give one someone (an age beside a
    name or a title is ``attributes``' to compare). ``named``: the contradictions of named
    people's ages, whose sides take the unnamed ages told alike (``_joined_to_named``)."""
    by_article = {an.article_id: an for an in analyses}
    told = []
    for a in articles:
        an = by_article.get(a.id)
        if an is not None:
            told += [(a.id, *x) for x in _seen(a, an)]
    if not told:
        return []
    vectors = sentence_vectors({x[5] for x in told} | {t for k in named for v in k.values for t in v.texts})
    _joined_to_named(told, named, vectors)
    if len(told) < 2:
        return []
    out: list[Conflict] = []
    done: set[frozenset[tuple[str, tuple[int, int]]]] = set()
    tellers: dict[int, set[str]] = {}
    for x in told:
        tellers.setdefault(x[1], set()).add(x[0])
    for i, (aid, years, role, written, span, sentence) in enumerate(told):
        for bid, other, role_b, written_b, span_b, sentence_b in told[i + 1:]:
            if aid == bid or years == other or not _near(years, other) or not _one_someone(role, role_b) \
                    or min(len(tellers[years]), len(tellers[other])) > 1 \
                    or float(vectors[sentence] @ vectors[sentence_b]) < AGE_LIKENESS:
                continue  # ... two ages each told by several articles are two people's
            key = frozenset({(aid, span), (bid, span_b)})
            if key in done:
                continue
            done.add(key)
            values = [ConflictValue(value=w, article_ids=[x], claim_ids=[], texts=[s], sources=[x], spans=[sp])
                      for w, x, s, sp in ((written, aid, sentence, span), (written_b, bid, sentence_b, span_b))]
            out.append(Conflict(
                id="", slot="quantity: age", kind="contradiction", values=values, best_supported=None,
                explanation=f"Two articles give one unnamed person, told of in like words, two ages: "
                            f"{written} and {written_b}."))
    return out


def _joined_to_named(told: list[tuple[str, int, str, str, tuple[int, int], str]], named: Sequence[Conflict],
                     vectors: dict[str, np.ndarray]) -> None:
    """An unnamed age ("A 17-year-old boy died last night after an officer opened fire") told
    like a named person's ("17-year-old A B was shot dead by an officer") by an article that gives
    that person no age is one more telling of that side of the person's dispute: added to it, and
    no longer compared as someone else's."""
    for k in named:
        if k.slot != "quantity: age":
            continue
        given = {a for v in k.values for a in v.article_ids}
        for v in k.values:
            for x in list(told):
                aid, years, _role, _written, span, sentence = x
                if aid in given or words_to_number(v.value) != years or not any(
                        float(vectors[sentence] @ vectors[t]) >= AGE_LIKENESS for t in v.texts if t in vectors):
                    continue
                v.article_ids.append(aid)
                v.sources.append(aid)
                v.texts.append(sentence)
                v.spans.append(span)
                given.add(aid)
                told.remove(x)

