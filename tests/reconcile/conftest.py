"""Build hand-made articles and analyses (an invented story) for the reconcile tests.

The builder finds each given substring in the text, so the tests state facts in words and the
offsets stay right.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from storyline.model import (
    Article,
    ArticleAnalysis,
    Claim,
    Mention,
    PublishedDate,
    Quantity,
    RoleMention,
    Sentence,
    TimeExpr,
)
from storyline.time.values import interval

Builder = Callable[..., tuple[Article, ArticleAnalysis]]


def build(
    text: str,
    *,
    name: str,
    published: PublishedDate | None = None,
    times: list[tuple[str, str, str]] | None = None,
    mentions: list[tuple[str, str, str]] | None = None,
    titles: list[tuple[str, str, str]] | None = None,
    quantities: list[tuple[str, float | None, float | None, str, bool]] | None = None,
    attributions: dict[int, str] | None = None,
    site: str | None = None,
) -> tuple[Article, ArticleAnalysis]:
    """``times``: (text, value, anchor_kind); ``mentions``: (text, label, entity_id);
    ``titles``: (person text, title, entity_id); ``quantities``: (text, low, high, unit, increment)."""
    aid = Article.make_id(text)
    article = Article(
        id=aid, body=text, content_hash=aid * 4, path=f"{name}.txt", site=site,
        published=published or PublishedDate(),
    )
    sentences = []
    for i, m in enumerate(re.finditer(r"[^.!?]+[.!?]", text)):
        s, e = m.start(), m.end()
        while text[s] == " ":
            s += 1
        sentences.append(Sentence(i, s, e, 0, text[s:e]))
    tex: list[TimeExpr] = []
    for t, value, kind in times or []:
        s = text.index(t)
        lo, hi = interval(value)
        tex.append(TimeExpr(t, s, s + len(t), "DATE", value, lo, hi, anchor_kind=kind))  # type: ignore[arg-type]
    men: list[Mention] = []
    for t, label, eid in mentions or []:
        for m in re.finditer(re.escape(t), text):
            sent = next(x.index for x in sentences if x.start <= m.start() < x.end)
            men.append(Mention(t, m.start(), m.end(), label, eid, sentence=sent))
    roles: list[RoleMention] = []
    for person, title, eid in titles or []:
        s = text.index(person)
        sent = next(x.index for x in sentences if x.start <= s < x.end)
        roles.append(RoleMention(eid, title, aid, sent, s, s + len(person)))
    qs: list[Quantity] = []
    for t, lo, hi, unit, inc in quantities or []:
        s = text.index(t)
        qs.append(Quantity(t, s, s + len(t), lo, hi, unit, increment=inc))
    claims = []
    for sent in sentences:
        st = [t for t in tex if sent.start <= t.start < sent.end]
        claims.append(
            Claim(
                id=f"{aid[:6]}-c{sent.index}",
                article_id=aid,
                sentence=sent.index,
                text=sent.text,
                span=(sent.start, sent.end),
                time=st[0] if st else None,
                quantities=[q for q in qs if sent.start <= q.start < sent.end],
                attribution=(attributions or {}).get(sent.index),
                entity_ids=[m.entity_id for m in men if m.entity_id and sent.start <= m.start < sent.end],
            )
        )
    analysis = ArticleAnalysis(aid, article.published, sentences, tex, men, claims, roles)
    return article, analysis


@pytest.fixture
def make() -> Builder:
    return build


def parties() -> list[tuple[str, str, str]]:
    return [
        ("Freedonia", "GPE", "freedonia"),
        ("Sylvania", "GPE", "sylvania"),
        ("Rufus Firefly", "PERSON", "firefly"),
        ("Firefly", "PERSON", "firefly"),
        ("Ambassador Trentino", "PERSON", "trentino"),
        ("Trentino", "PERSON", "trentino"),
    ]


@pytest.fixture
def story_parties() -> list[tuple[str, str, str]]:
    return parties()


def by_slot(report: Any, slot: str) -> list[Any]:
    return [c for c in report.conflicts if c.slot == slot]
