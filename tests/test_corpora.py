"""The whole job on our own corpora, scored by their scorers: every 'must' check passes.

``examples/corpus`` (an invented story) and ``tests/data/redteam/corpus`` (our own articles on the
seeds' story, written to probe rules the seeds do not exercise) guard the generality of the rules;
the seeds themselves are scored in ``tests/report/test_seeds_report.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storyline.pipeline import analyze
from storyline.report import write_report

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "examples": (ROOT / "examples" / "corpus", ROOT / "examples" / "score_examples.py"),
    "redteam": (ROOT / "tests" / "data" / "redteam" / "corpus", ROOT / "tests" / "data" / "redteam" / "score_redteam.py"),
}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_corpus_report_passes_every_must_check(name: str, tmp_path: Path) -> None:
    corpus, scorer = CORPORA[name]
    report, errors = analyze([str(corpus)])
    assert not errors, [str(e) for e in errors]
    assert report.articles and report.claims and report.events
    for article in report.articles:
        for claim in (c for c in report.claims if c.article_id == article.id):
            assert article.body[claim.span[0] : claim.span[1]] == claim.text
    path = write_report(report, tmp_path / "report.json")
    run = subprocess.run([sys.executable, str(scorer), str(path)], capture_output=True, text=True, check=False)
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAIL [must]")]
    assert run.returncode == 0 and "must: 0 failed" in run.stdout, "\n".join(failed) or run.stderr


def test_an_over_long_article_is_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    """A body past the NLP limit gets a one-line error naming it; the other article still goes through."""
    from storyline.pipeline import MAX_BODY_CHARS

    (tmp_path / "short.txt").write_text(
        "Officials in the port city said on Monday that 40 ships had been held at anchor.\n", encoding="utf-8"
    )
    paragraph = "At its meeting number {} the committee heard the chair read the minutes of the previous one aloud.\n\n"
    count = MAX_BODY_CHARS // len(paragraph) + 10
    (tmp_path / "huge.txt").write_text("".join(paragraph.format(i) for i in range(count)), encoding="utf-8")
    report, errors = analyze([str(tmp_path)])
    assert [e.source.endswith("huge.txt") for e in errors] == [True]
    assert "characters" in errors[0].message
    assert [a.path for a in report.articles] == [str(tmp_path / "short.txt")]
