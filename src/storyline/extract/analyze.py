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
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from storyline.extract.claims import ClaimInputs, build_claims
from storyline.extract.entities import (
    RawMention,
    doc_mentions,
    is_title,
    normalize_title,
    person_key,
    recover_missed,
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
    """Sentence number of every token (whitespace between sentences goes to the previous one).

    Read off the tokens' offsets as one array: a Token object per token was some 0.1 s of CPU
    on the bench's pages."""
    starts = numpy.array([s.start for s in sentences], dtype=numpy.int64)
    at = numpy.searchsorted(starts, doc.to_array(IDX).astype(numpy.int64), side="right") - 1
    return numpy.maximum(at, 0).tolist()


def _display_names(raw: Sequence[RawMention], ids: dict[int, str]) -> dict[str, str]:
    """The name to print for each entity: the fullest form a person is written under."""
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    for i, r in enumerate(raw):
        if r.mention.label == "PERSON":
            variants[ids[i]][strip_titles(r.mention.text)] += 1
    return {eid: max(c, key=lambda k: (len(person_key(k).split()), c[k], k)) for eid, c in variants.items()}


@dataclass
class ArticleStage:
    """What one article's parse gives before corpus-level resolution: everything but the claims
    and roles, which depend on the entity ids and person names the whole story settles."""

    sentences: list[Sentence]
    spans: list[Any]
    times: list[TimeExpr]
    published: PublishedDate | None
    raw: list[RawMention]


def article_stage(article: Article, doc: Doc, index: int = 0) -> ArticleStage:
    """The per-article half of extraction: a pure function of the article and its parse."""
    sentences, spans = sentences_of(doc, article.body)
    published, times = analyze_times(doc, article.published, article.body)
    raw = doc_mentions(doc, index, _sentence_index(doc, sentences), article.body)
    return ArticleStage(sentences, spans, times, published, raw)


def resolve_story(raw: Sequence[RawMention]) -> tuple[dict[int, str], dict[str, str]]:
    """Entity ids of every raw mention (by position) and display names of people, over a story.

    Resolution rewrites the mentions' kinds and labels in place, so pass fresh copies when the
    same mentions must be resolved again within another set of articles.
    """
    ids = resolve(raw)
    for i, r in enumerate(raw):
        r.mention.entity_id = ids[i]
    return ids, _display_names(raw, ids)


def names_for(mentions: Sequence[Mention], names: dict[str, str]) -> dict[str, str]:
    """The display names one article's claims can use: those of its own mentions' entities."""
    return {m.entity_id: names[m.entity_id] for m in mentions if m.entity_id in names}


def claims_stage(
    article: Article, doc: Doc, stage: ArticleStage, raw: Sequence[RawMention], names: dict[str, str]
) -> tuple[list[Claim], list[RoleMention]]:
    """Claims and roles of one article once its mentions carry story-level ids."""
    mentions = [r.mention for r in raw]
    claims = build_claims(ClaimInputs(article.id, doc, stage.sentences, stage.spans, stage.times, mentions,
                                      names_for(mentions, names), article.body))
    return claims, _roles(article.id, raw, claims)


def analyze_articles(
    articles: Sequence[Article], *, nlp: Language | None = None, n_process: int = 1, batch_size: int = 16
) -> list[ArticleAnalysis]:
    """Analyse article bodies: sentences, times, mentions with canonical entity ids, roles, claims.

    Entity ids are resolved over the whole batch, so pass every article of a story together.
    (``storyline.extraction`` runs the same three stages with the per-article one stored.)
    """
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    docs = parse(nlp, (a.body for a in articles), n_process=n_process, batch_size=batch_size)
    per_article: list[tuple[Doc, ArticleStage]] = []
    raw: list[RawMention] = []
    for n, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        stage = article_stage(article, doc, n)
        per_article.append((doc, stage))
    recover_missed([s.raw for _, s in per_article], [a.body for a in articles], [s.sentences for _, s in per_article])
    raw = [r for _, s in per_article for r in s.raw]
    _ids, names = resolve_story(raw)
    results: list[ArticleAnalysis] = []
    for article, (doc, stage) in zip(articles, per_article, strict=True):
        claims, roles = claims_stage(article, doc, stage, stage.raw, names)
        results.append(ArticleAnalysis(article_id=article.id, published=stage.published, sentences=stage.sentences,
                                       times=stage.times, mentions=[r.mention for r in stage.raw], claims=claims,
                                       roles=roles))
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
