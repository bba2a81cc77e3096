"""The cleaner on the five real seed scrapes, scored by the shared seed scorer's article checks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.ingest.base import RawDocument
from storyline.ingest.clean import clean_documents
from storyline.model import Article, to_dict

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score_seeds.py"
CHECK = re.compile(r"^(PASS|FAIL) \[(must|should)\] (.*?)(?: -- (.*))?$")


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> list[Article]:
    paths = sorted(seeds_dir.glob("*.txt"))
    raws = [RawDocument(source=str(p), format="text", text=p.read_text(encoding="utf-8"), path=str(p)) for p in paths]
    cleaned = clean_documents(raws)
    articles = [a for a in cleaned if isinstance(a, Article)]
    assert len(articles) == len(paths), [str(e) for e in cleaned if not isinstance(e, Article)]
    return articles


def _report(articles: list[Article]) -> dict[str, object]:
    return {
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "url": a.url,
                "title": a.title,
                "teasers": [t.headline for t in a.teasers],
                "body": a.body,
                "published": to_dict(a.published),
            }
            for a in articles
        ]
    }


def test_scorer_article_checks_pass(seed_articles: list[Article], tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_seeds.py is not beside the checkout")
    report = tmp_path / "report.json"
    report.write_text(json.dumps(_report(seed_articles)), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), str(report)], capture_output=True, text=True, check=False)
    checks = [m.groups() for m in map(CHECK.match, run.stdout.splitlines()) if m]
    article_checks = [c for c in checks if c[2].startswith("article ")]
    failed = [f"{name} -- {why}" for verdict, _, name, why in article_checks if verdict == "FAIL"]
    # 5 bodies, 6 boilerplate, 6 teasers, 5 dates, 1 caption, 5 starts, 3 headlines
    assert len(article_checks) >= 31, run.stdout
    assert not failed, "\n".join(failed)


def test_every_cut_is_recorded_and_body_text_is_unchanged(seed_articles: list[Article], seeds_dir: Path) -> None:
    for article in seed_articles:
        raw = re.sub(r"\s+", " ", Path(article.path or "").read_text(encoding="utf-8"))
        assert article.id == Article.make_id(article.body)
        for paragraph in article.body.split("\n\n"):
            assert paragraph and paragraph == paragraph.strip()
            assert paragraph in raw  # words never rewritten, only whitespace normalised
        for part in article.removed:
            assert part.reason and part.line is not None and part.line >= 1


def test_portal_pages_say_the_dateline_is_the_page_date(seed_articles: list[Article]) -> None:
    portal = [a for a in seed_articles if a.teasers]
    assert len(portal) >= 2
    for article in portal:
        published = article.published
        assert published.source == "dateline"
        assert published.note and "page" in published.note
        assert any(part.reason == "dateline" for part in article.removed)
        # The page's date bounds the article's from above only: it may be older.
        assert published.portal and published.earliest is None and published.latest == published.value
    for article in seed_articles:
        if not article.teasers:
            assert not article.published.portal


def test_outlet_highlights_kept_apart(seed_articles: list[Article]) -> None:
    with_list = [a for a in seed_articles if len(a.highlights) >= 3]
    assert with_list
    for article in with_list:
        for item in article.highlights:
            assert item not in article.body
