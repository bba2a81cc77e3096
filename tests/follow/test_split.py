"""Stories found in a mixed pile: the real spaCy model and embedding table on invented articles."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from storyline.cli.main import app
from storyline.evaluation import ecb_topics
from storyline.follow import split as splitter
from storyline.ingest import ingest
from storyline.model import Article, PublishedDate, content_hash

ROOT = Path(__file__).resolve().parents[1] / "data" / "stories"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


def _article(title: str, body: str, day: str | None = None) -> Article:
    return Article(id=content_hash(title + body)[:16], body=body, content_hash=content_hash(title + body),
                   title=title, published=PublishedDate(value=day, source="metadata" if day else None))


def test_three_invented_stories_are_found_and_named() -> None:
    corpora = {"blast": ROOT / "brackenford-blast-2025" / "corpus",
               "ransomware": ROOT / "greywater-ransomware-2025" / "corpus", "dam": EXAMPLES}
    articles, errors = ingest([str(p) for p in corpora.values()])
    assert not errors
    origin = {a.id: next(k for k, p in corpora.items() if a.path and a.path.startswith(str(p))) for a in articles}
    stories = splitter.split(articles)
    assert sorted(Counter(origin[i] for i in s.article_ids).most_common(1)[0][1] == len(s.article_ids)
                  for s in stories) == [True] * len(stories)
    assert len(stories) == 3
    names = {origin[s.article_ids[0]]: s.name for s in stories}
    assert "Kelterra" in names["blast"] or "Brackenford" in names["blast"]
    assert "Greywater" in names["ransomware"]
    assert "Halvor" in names["dam"] or "Marenland" in names["dam"] or "Valdoria" in names["dam"]
    assert sorted(i for s in stories for i in s.article_ids) == sorted(a.id for a in articles)


def test_the_same_story_told_months_apart_is_two_stories() -> None:
    body = ("The harbour council of Lindqvist Bay voted to close the old ferry pier after an inspection found "
            "cracks in its pilings. Mayor Orsolya Brandt said repairs would begin next week.")
    near = [_article("Lindqvist Bay closes ferry pier", body, "2031-04-02"),
            _article("Ferry pier in Lindqvist Bay shut", body + " Ferries will dock at the north quay.", "2031-04-05")]
    far = _article("Lindqvist Bay pier closed again", body + " It is the second closure.", "2031-11-20")
    stories = splitter.split([*near, far])
    assert sorted(len(s.article_ids) for s in stories) == [1, 2]
    undated = [_article(a.title or "", a.body) for a in [*near, far]]
    assert len(splitter.split(undated)) == 1


def test_time_factor_is_one_within_the_window_and_decays_beyond() -> None:
    days = [date(2030, 1, 1), date(2030, 1, 10), date(2030, 6, 1), None]
    factor = splitter.time_factor(days)
    assert factor[0, 1] == 1.0 and factor[0, 3] == 1.0 and factor[2, 3] == 1.0
    gap = (date(2030, 6, 1) - date(2030, 1, 1)).days
    assert factor[0, 2] == pytest.approx(np.exp(-(gap - splitter.DEFAULT.window_days) / splitter.DEFAULT.decay_days))
    assert np.allclose(factor, factor.T)


def test_empty_and_single_piles() -> None:
    assert splitter.split([]) == []
    one = _article("Quarry reopens", "The Velmar quarry reopened on Monday after a safety review by inspectors.")
    [story] = splitter.split([one])
    assert story.article_ids == (one.id,) and story.name


@given(st.lists(st.lists(st.integers(0, 4), min_size=2, max_size=2), min_size=2, max_size=30))
def test_adjusted_rand_is_one_for_the_same_partition_and_symmetric(pairs: list[list[int]]) -> None:
    gold = {i: a for i, (a, _) in enumerate(pairs)}
    other = {i: b for i, (_, b) in enumerate(pairs)}
    assert ecb_topics.adjusted_rand(gold, gold) == pytest.approx(1.0)
    assert ecb_topics.adjusted_rand(gold, other) == pytest.approx(ecb_topics.adjusted_rand(other, gold))
    assert ecb_topics.adjusted_rand(gold, other) <= 1.0 + 1e-9


def test_adjusted_rand_known_value() -> None:
    # two gold classes of 3; the response moves one item into the other class
    gold = dict(enumerate("aaabbb"))
    response = dict(enumerate("xxyyyy"))
    # contingency [[2,1],[0,3]]: index = 1 + 3 = 4; sums a = 3+3 = 6, b = 1+6 = 7; expected = 42/15 = 2.8
    # max = 6.5, ARI = (4 - 2.8) / (6.5 - 2.8)
    assert ecb_topics.adjusted_rand(gold, response) == pytest.approx(1.2 / 3.7)


def test_ecb_topics_prints_baselines_and_the_split(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = data_dir / "ecbplus"
    if not (directory / "ECB+").is_dir():
        pytest.skip("ECB+ is not unpacked")
    assert ecb_topics.main(directory, topics="36,37,38") == 0
    out = capsys.readouterr().out
    for name in ("all in one group", "one group per document", "TF-IDF cosine", "storyline split"):
        assert name in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("B-cubed F1: ")
    assert float(last.split()[2]) > 60.0  # three topics: far above all-in-one (about 35)


def test_cli_split_writes_json_and_reports_a_bad_input(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.txt"
    out = tmp_path / "stories.json"
    result = runner.invoke(app, ["split", str(ROOT / "greywater-ransomware-2025" / "corpus"), str(EXAMPLES),
                                 str(missing), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "nothing-here.txt" in errors[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["stories"]) == 2
    assert all(a["id"] and (a["title"] or a["path"]) for s in data["stories"] for a in s["articles"])
    assert "story 1: " in result.stdout
