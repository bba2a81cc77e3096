"""The extraction stage: one spaCy pass per article body, then entities, times, roles and claims.

Only the body is analysed. Headlines, teasers and highlights are not turned into claims: their
wording is editorial (often sensational, sometimes about other stories), and a claim must carry a
span into ``Article.body``. They stay on the Article for the report to show as what they are.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyline.extract.claims import ClaimInputs, build_claims
from storyline.extract.entities import (
    RawMention,
    doc_mentions,
    is_title,
    normalize_title,
    person_key,
    resolve,
    strip_titles,
)
from storyline.model import (
    Article,
    ArticleAnalysis,
    Claim,
    Mention,
    PublishedDate,
    RoleMention,
    Sentence,
    TimeExpr,
)
from storyline.nlp import parse
from storyline.time import analyze_times


def sentences_of(doc: Doc, text: str | None = None) -> tuple[list[Sentence], list[Any]]:
    """Sentences trimmed of surrounding whitespace, numbered, with their paragraph index.

    Every line break is a paragraph break (the shared pipeline makes it a sentence boundary too),
    so the paragraph index is the number of line breaks before the sentence.
    """
    text = doc.text if text is None else text  # spaCy rebuilds doc.text on every access
    breaks = [m.end() for m in re.finditer(r"\n\s*", text)]
    out: list[Sentence] = []
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        paragraph = bisect.bisect_right(breaks, start)
        out.append(Sentence(index=len(out), start=start, end=end, paragraph=paragraph, text=text[start:end]))
        spans.append(sent)
    return out, spans


def _sentence_index(doc: Doc, sentences: Sequence[Sentence]) -> list[int]:
    """Sentence number of every token (whitespace between sentences goes to the previous one)."""
    starts = [s.start for s in sentences]
    return [max(0, bisect.bisect_right(starts, tok.idx) - 1) for tok in doc]


def _display_names(raw: Sequence[RawMention], ids: dict[int, str]) -> dict[str, str]:
    """The name to print for each entity: the fullest form a person is written under."""
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    for i, r in enumerate(raw):
        if r.mention.label == "PERSON":
            variants[ids[i]][strip_titles(r.mention.text)] += 1
    return {eid: max(c, key=lambda k: (len(person_key(k).split()), c[k], k)) for eid, c in variants.items()}


def analyze_articles(
    articles: Sequence[Article], *, nlp: Language | None = None, n_process: int = 1, batch_size: int = 16
) -> list[ArticleAnalysis]:
    """Analyse article bodies: sentences, times, mentions with canonical entity ids, roles, claims.

    Entity ids are resolved over the whole batch, so pass every article of a story together.
    """
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    docs = parse(nlp, (a.body for a in articles), n_process=n_process, batch_size=batch_size)
    per_article: list[tuple[Doc, list[Sentence], list[Any], list[TimeExpr], PublishedDate | None]] = []
    raw: list[RawMention] = []
    for n, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        sentences, spans = sentences_of(doc, article.body)
        published: PublishedDate | None = article.published
        published, times = analyze_times(doc, article.published)
        raw.extend(doc_mentions(doc, n, _sentence_index(doc, sentences), article.body))
        per_article.append((doc, sentences, spans, times, published))
    ids = resolve(raw)
    mentions_of: dict[int, list[Mention]] = defaultdict(list)
    raw_of: dict[int, list[RawMention]] = defaultdict(list)
    for i, r in enumerate(raw):
        r.mention.entity_id = ids[i]
        mentions_of[r.article].append(r.mention)
        raw_of[r.article].append(r)
    names = _display_names(raw, ids)
    results: list[ArticleAnalysis] = []
    for n, (article, (doc, sentences, spans, times, published)) in enumerate(zip(articles, per_article, strict=True)):
        claims = build_claims(ClaimInputs(article.id, doc, sentences, spans, times, mentions_of[n], names))
        roles = _roles(article.id, raw_of[n], claims)
        results.append(ArticleAnalysis(article_id=article.id, published=published, sentences=sentences,
                                       times=times, mentions=mentions_of[n], claims=claims, roles=roles))
    return results


def _roles(article_id: str, raw: Sequence[RawMention], claims: Sequence[Claim]) -> list[RoleMention]:
    """Titles given to people, normalised, dated by the time of the sentence they appear in."""
    time_of = {c.sentence: c.time for c in claims if c.parent is None}
    roles: list[RoleMention] = []
    seen: set[tuple[str, str, int]] = set()
    for r in raw:
        if r.mention.label != "PERSON" or r.mention.entity_id is None or r.mention.sentence is None:
            continue
        for text, start, end in r.title_spans:
            title = normalize_title(text)
            if not title or not is_title(title):
                continue
            key = (r.mention.entity_id, title, r.mention.sentence)
            if key in seen:
                continue
            seen.add(key)
            roles.append(RoleMention(entity_id=r.mention.entity_id, title=title, article_id=article_id,
                                     sentence=r.mention.sentence, start=start, end=end,
                                     time=time_of.get(r.mention.sentence)))
    return roles
