"""The article-extraction scorer reproduces the benchmark's published table, and our HTML path
scores well on the benchmark's pages."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from storyline.evaluation import extraction as ev

# Published in the benchmark's README (F1, precision, recall) for the outputs it ships.
PUBLISHED = {
    "html-text.json": (0.665, 0.500, 0.994),
    "newspaper.json": (0.949, 0.964, 0.934),  # unversioned file: newspaper4k 0.9.3.1's row
    "readability.json": (0.922, 0.913, 0.931),
    "trafilatura.json": (0.958, 0.938, 0.978),
}


@pytest.fixture(scope="module")
def bench(data_dir: Path) -> Path:
    path = data_dir / "article-extraction"
    if not (path / "ground-truth.json").is_file():
        pytest.skip("article-extraction benchmark not available")
    return path


def test_tokens_and_shingles_follow_the_benchmark() -> None:
    assert ev.tokenize("Don't stop—it's 3.5%!") == ["Don", "t", "stop", "it", "s", "3", "5"]
    # Fewer than four tokens: one shingle made of all of them; nothing for an empty text.
    assert ev.shingles("two words") == {("two", "words"): 1}
    assert not ev.shingles("  ... ")
    # A multiset: a repeated passage counts twice.
    assert ev.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_page_score_counts_a_duplicated_body_as_false_positives() -> None:
    body = "one two three four five six"  # three shingles
    score = ev.score_page(body, body + " " + body)  # 9 shingles predicted, 3 true
    assert (score.tp, score.fp, score.fn) == pytest.approx((3 / 9, 6 / 9, 0.0))
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1.0)
    assert not score.exact


def test_empty_pages_drop_out_of_the_averages() -> None:
    nothing = ev.score_page("", "")
    assert nothing.precision is None and nothing.recall is None and nothing.exact
    missed = ev.score_page("the gold body has words", "")
    assert missed.precision is None and missed.recall == 0.0
    perfect = ev.score_page("alpha beta gamma delta epsilon", "alpha beta gamma delta epsilon")
    m = ev.metrics([nothing, missed, perfect], n_bootstrap=0)
    assert m.precision == pytest.approx(1.0)  # only the perfect page predicted anything
    assert m.recall == pytest.approx(0.5)
    assert m.f1 == pytest.approx(2 / 3)
    assert m.accuracy == pytest.approx(2 / 3)


def test_keys_must_match() -> None:
    gold = {"a": {"articleBody": "x"}, "b": {"articleBody": "y"}}
    with pytest.raises(ValueError, match="1 missing"):
        ev.evaluate(gold, {"a": {"articleBody": "x"}}, n_bootstrap=0)


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_scorer_reproduces_published_figures(bench: Path, name: str) -> None:
    path = bench / "output" / name
    if not path.is_file():
        pytest.skip(f"{name} not shipped")
    m = ev.score_predictions_file(bench, path, n_bootstrap=0)
    f1, precision, recall = PUBLISHED[name]
    assert m.f1 == pytest.approx(f1, abs=0.005)
    assert m.precision == pytest.approx(precision, abs=0.005)
    assert m.recall == pytest.approx(recall, abs=0.005)
    assert m.pages == 181


def test_wrapped_and_bare_prediction_files_load_alike(bench: Path, tmp_path: Path) -> None:
    output, version = ev.load_predictions(bench / "output" / "trafilatura.json")
    assert version == "2.0.0"
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(output), encoding="utf-8")
    again, none = ev.load_predictions(bare)
    assert none is None and again == output


def test_bootstrap_spread_matches_published(bench: Path) -> None:
    m = ev.score_predictions_file(bench, bench / "output" / "trafilatura.json", n_bootstrap=300)
    assert m.f1_std == pytest.approx(0.006, abs=0.002)
    assert m.accuracy == pytest.approx(0.293, abs=0.005)


def _subset(bench: Path, dest: Path, n: int) -> list[str]:
    """The first n pages in id order, laid out like the benchmark folder."""
    ids = ev.page_ids(bench)[:n]
    gold = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    (dest / "html").mkdir(parents=True)
    for item_id in ids:
        shutil.copy(bench / "html" / f"{item_id}.html.gz", dest / "html" / f"{item_id}.html.gz")
    (dest / "ground-truth.json").write_text(json.dumps({i: gold[i] for i in ids}), encoding="utf-8")
    return ids


def test_our_html_path_on_benchmark_pages(bench: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _subset(bench, tmp_path, 20)
    assert ev.main(tmp_path) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("F1: ")
    assert float(lines[-1].removeprefix("F1: ")) >= 0.93
    assert "pages: 20" in lines


def test_a_page_we_reject_scores_as_an_empty_prediction(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    page = "<html><body><script>render()</script></body></html>"
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": "A body that the page did not contain at all."}}), encoding="utf-8"
    )
    errors: list[str] = []
    m, per_page = ev.score_ours(tmp_path, n_bootstrap=0, on_error=lambda i, msg: errors.append(i))
    assert errors == ["p1"]
    assert per_page["p1"].recall == 0.0 and m.recall == 0.0


def test_main_scores_a_predictions_file(bench: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(bench, predictions=bench / "output" / "trafilatura.json") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "system: trafilatura 2.0.0"
    assert lines[-1] == "F1: 0.958"


def test_main_refuses_a_folder_without_the_layout(tmp_path: Path) -> None:
    assert ev.main(tmp_path) == 2
