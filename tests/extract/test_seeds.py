"""Extraction on the five real seed articles, checked by the shared scorer's attribution checks."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from storyline.extract import analyze_articles, collect_entities
from storyline.ingest.base import RawDocument
from storyline.ingest.clean import clean_documents
from storyline.model import Article, ArticleAnalysis, to_dict


def _scorer(seeds_dir: Path) -> ModuleType:
    path = seeds_dir.parent / "eval" / "score_seeds.py"
    spec = importlib.util.spec_from_file_location("score_seeds", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, nlp) -> tuple[list[Article], list[ArticleAnalysis]]:  # type: ignore[no-untyped-def]
    paths = sorted(seeds_dir.glob("*.txt"))
    raws = [RawDocument(source=str(p), format="text", text=p.read_text(encoding="utf-8"), path=str(p))
            for p in paths]
    articles = [a for a in clean_documents(raws) if isinstance(a, Article)]
    assert len(articles) == len(paths)
    return articles, analyze_articles(articles, nlp=nlp)


def test_every_claim_slices_back_from_the_body(seeds) -> None:  # type: ignore[no-untyped-def]
    articles, analyses = seeds
    for article, analysis in zip(articles, analyses, strict=True):
        assert analysis.article_id == article.id
        assert analysis.claims
        for claim in analysis.claims:
            assert claim.section == "body"
            assert article.body[claim.span[0]:claim.span[1]] == claim.text
            sentence = analysis.sentences[claim.sentence]
            assert (sentence.start, sentence.end) == claim.span
            for q in claim.quantities:
                assert article.body[q.start:q.end] == q.text
            if claim.time is not None:
                assert claim.span[0] <= claim.time.start < claim.time.end <= claim.span[1]
        for m in analysis.mentions:
            assert article.body[m.start:m.end] == m.text
        paragraphs = [s.paragraph for s in analysis.sentences]
        assert paragraphs == sorted(paragraphs)
        for s in analysis.sentences:
            assert "\n" not in s.text  # no sentence crosses a paragraph break


def test_attribution_checks_pass(seeds, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    articles, analyses = seeds
    scorer = _scorer(seeds_dir)
    report = scorer.Report({
        "articles": [{"id": a.id, "path": a.path} for a in articles],
        "claims": [to_dict(c) for an in analyses for c in an.claims],
    })
    results: list[tuple[str, str, bool, str]] = []
    scorer.attribution_checks(report, results)
    assert results
    failed = [name for level, name, ok, _ in results if not ok]
    assert not failed, failed


def test_entities_are_shared_across_articles(seeds) -> None:  # type: ignore[no-untyped-def]
    _articles, analyses = seeds
    entities = collect_entities(analyses)
    ids = {e.id for e in entities}
    for analysis in analyses:
        for m in analysis.mentions:
            assert m.entity_id in ids
        for r in analysis.roles:
            assert r.entity_id in ids
    spread = {e.id: {an.article_id for an in analyses for m in an.mentions if m.entity_id == e.id}
              for e in entities if e.kind == "PERSON"}
    # the story's protagonists are one entity each across at least four of the five articles
    assert max(len(v) for v in spread.values()) >= 4
    # the same person is given different titles by different articles (a role check for reconcile)
    titles_by_person: dict[str, set[tuple[str, str]]] = {}
    for an in analyses:
        for r in an.roles:
            titles_by_person.setdefault(r.entity_id, set()).add((r.article_id, r.title))
    assert any(len({a for a, _ in v}) >= 2 and len({t for _, t in v}) >= 2 for v in titles_by_person.values())
