"""Article-body extraction scored the way the article-extraction benchmark scores it.

The benchmark (scrapinghub/article-extraction-benchmark, ``evaluate.py``) compares the predicted
and the gold body of each page as multisets of 4-word shingles (``\\w+`` tokens, case kept),
normalises each page's TP/FP/FN to sum to one so that long pages do not weigh more, averages
precision over the pages with something predicted and recall over the pages with something to
find, and takes F1 from those two averages. The "±" it prints is the standard deviation of each
figure over 1000 bootstrap resamples of the pages. We re-implement that exactly so that our
figures are comparable with its published table, and run our own HTML reader (the code path
``storyline ingest`` uses) over its pages.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP = 1000


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens, case kept: the benchmark's tokeniser (its IGNORECASE flag has no effect on ``\\w``)."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle of all its tokens."""
    tokens = tokenize(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """One page's TP/FP/FN as shares of their sum (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: such pages do not count towards mean precision."""
        if self.tp + self.fp <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when there was nothing to find: such pages do not count towards mean recall."""
        if self.tp + self.fn <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


def score_page(true: str | None, pred: str | None) -> PageScore:
    """Shingle TP/FP/FN of one page, normalised by their sum, plus exact token equality."""
    gold, got = shingles(true), shingles(pred)
    tp = float(sum((gold & got).values()))
    fp = float(sum((got - gold).values()))
    fn = float(sum((gold - got).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, tokenize(true) == tokenize(pred))


@dataclass(frozen=True)
class Metrics:
    """Averaged figures and their bootstrap standard deviations."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float
    pages: int


def _aggregate(scores: Sequence[PageScore]) -> tuple[float, float, float, float]:
    precisions = [p for p in (s.precision for s in scores) if p is not None]
    recalls = [r for r in (s.recall for s in scores) if r is not None]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    accuracy = statistics.mean(float(s.exact) for s in scores) if scores else 0.0
    return precision, recall, f1, accuracy


def metrics(scores: Sequence[PageScore], *, n_bootstrap: int = BOOTSTRAP, seed: int = 0) -> Metrics:
    """Mean figures plus the std over bootstrap resamples (seeded, so reruns print the same)."""
    precision, recall, f1, accuracy = _aggregate(scores)
    rng = random.Random(seed)
    samples: list[tuple[float, float, float, float]] = []
    n = len(scores)
    for _ in range(n_bootstrap if n > 1 else 0):
        samples.append(_aggregate([scores[rng.randrange(n)] for _ in range(n)]))
    stds = [statistics.stdev(col) if len(col) > 1 else 0.0 for col in zip(*samples, strict=False)] or [0.0] * 4
    return Metrics(precision, recall, f1, accuracy, stds[0], stds[1], stds[2], stds[3], n)


def evaluate(
    ground_truth: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]],
    *,
    n_bootstrap: int = BOOTSTRAP,
) -> Metrics:
    """Score predictions against gold; like the benchmark, the key sets must match exactly."""
    if set(ground_truth) != set(predictions):
        missing = len(set(ground_truth) - set(predictions))
        extra = len(set(predictions) - set(ground_truth))
        raise ValueError(f"prediction keys do not match ground truth ({missing} missing, {extra} extra)")
    scores = [
        score_page(ground_truth[key].get("articleBody") or "", predictions[key].get("articleBody") or "")
        for key in ground_truth
    ]
    return metrics(scores, n_bootstrap=n_bootstrap)


def load_predictions(path: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    """Read a benchmark ``output/*.json`` file, bare or wrapped as ``{"version", "output"}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("output"), dict) and "version" in data:
        return data["output"], str(data["version"])
    return data, None


def score_predictions_file(directory: Path, predictions: Path, *, n_bootstrap: int = BOOTSTRAP) -> Metrics:
    """Score a published system output against ``DIR/ground-truth.json`` (checks our scorer)."""
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    output, _version = load_predictions(predictions)
    return evaluate(gold, output, n_bootstrap=n_bootstrap)


def page_ids(directory: Path) -> list[str]:
    """Ids of the benchmark pages, ``html/<id>.html.gz``, sorted."""
    return sorted(p.name.split(".")[0] for p in (directory / "html").glob("*.html.gz"))


def load_page(directory: Path, item_id: str) -> bytes:
    """The page bytes as stored (gzip-compressed, UTF-8)."""
    return gzip.decompress((directory / "html" / f"{item_id}.html.gz").read_bytes())


def our_bodies(
    directory: Path,
    ids: Iterable[str],
    *,
    on_error: Callable[[str, str], None] | None = None,
) -> dict[str, dict[str, str]]:
    """Run our HTML reader on each page; a page it rejects scores as an empty prediction."""
    from storyline.ingest.base import IngestError
    from storyline.ingest.html import extract_document

    gold_urls = _gold_urls(directory)
    out: dict[str, dict[str, str]] = {}
    for item_id in ids:
        doc = extract_document(
            f"html/{item_id}.html.gz", load_page(directory, item_id), url=gold_urls.get(item_id)
        )
        if isinstance(doc, IngestError):
            if on_error is not None:
                on_error(item_id, doc.message)
            out[item_id] = {"articleBody": ""}
        else:
            out[item_id] = {"articleBody": doc.text or ""}
    return out


def _gold_urls(directory: Path) -> dict[str, str]:
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v["url"] for k, v in gold.items() if isinstance(v, dict) and v.get("url")}


def score_ours(
    directory: Path,
    ids: Sequence[str] | None = None,
    *,
    n_bootstrap: int = BOOTSTRAP,
    on_error: Callable[[str, str], None] | None = None,
) -> tuple[Metrics, dict[str, PageScore]]:
    """Our HTML path scored on the benchmark (or on a subset of its pages)."""
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = list(ids) if ids is not None else page_ids(directory)
    missing = [i for i in chosen if i not in gold]
    if missing:
        raise ValueError(f"{len(missing)} pages have no ground truth, e.g. {missing[0]}")
    preds = our_bodies(directory, chosen, on_error=on_error)
    per_page = {i: score_page(gold[i].get("articleBody") or "", preds[i]["articleBody"]) for i in chosen}
    return metrics(list(per_page.values()), n_bootstrap=n_bootstrap), per_page


def format_metrics(m: Metrics) -> list[str]:
    """Lines as the CLI prints them; F1 last so that scripts can read the headline figure."""
    return [
        f"pages: {m.pages}",
        f"precision: {m.precision:.3f} ± {m.precision_std:.3f}",
        f"recall: {m.recall:.3f} ± {m.recall_std:.3f}",
        f"accuracy: {m.accuracy:.3f} ± {m.accuracy_std:.3f}",
        f"F1: {m.f1:.3f}",
    ]


def main(directory: Path, verbose: bool = False, predictions: Path | None = None) -> int:
    """Score our HTML path on DIR (``html/*.html.gz`` + ``ground-truth.json``); F1 printed last.

    With ``predictions`` (a benchmark ``output/*.json`` file) score that file instead: this is
    how the scorer is checked against the benchmark's published table.
    """
    if not (directory / "ground-truth.json").is_file() or not (directory / "html").is_dir():
        print(f"{directory}: expected ground-truth.json and html/*.html.gz", file=sys.stderr)
        return 2

    if predictions is not None:
        try:
            _output, version = load_predictions(predictions)
            result = score_predictions_file(directory, predictions)
        except (OSError, ValueError) as err:
            print(f"{predictions}: {err}", file=sys.stderr)
            return 2
        print(f"system: {predictions.stem} {version or '(no version)'}")
        for line in format_metrics(result):
            print(line)
        return 0

    def report_error(item_id: str, message: str) -> None:
        if verbose:
            print(f"{item_id}: {message}", file=sys.stderr)

    result, per_page = score_ours(directory, on_error=report_error)
    if verbose:
        for item_id, s in sorted(per_page.items(), key=lambda kv: (kv[1].precision or 0) + (kv[1].recall or 0)):
            p = "-" if s.precision is None else f"{s.precision:.3f}"
            r = "-" if s.recall is None else f"{s.recall:.3f}"
            print(f"{item_id[:16]}  precision {p}  recall {r}")
    for line in format_metrics(result):
        print(line)
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Score article-body extraction like the benchmark does.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--predictions", type=Path, help="score this output/*.json file instead of our reader")
    parser.add_argument("-v", "--verbose", action="store_true")
    cli = parser.parse_args()
    sys.exit(main(cli.directory, verbose=cli.verbose, predictions=cli.predictions))
