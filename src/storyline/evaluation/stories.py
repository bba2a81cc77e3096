"""`storyline eval stories DIR`: analyse every story folder under DIR and score it against its gold.

A story folder holds ``corpus/`` (the articles, named like ``s03_outlet.html``: a letter, two
digits, ``_``) and ``gold.json`` (``{"checks": [...], "timeline": [...]}``), the format of the
project's development stories. The checks and the timeline figures are defined as in the story
scorer the stories ship with:

- ``event_date``: an event whose time value starts with ``value`` and whose articles include
  every one of ``articles``;
- ``relative_date``: a claim of ``article`` containing ``needle`` has a time value starting with
  ``value``;
- ``attributed``: a claim of ``article`` containing ``needle`` is attributed to a source whose
  name contains one of ``who``;
- ``no_invented_date``: ``article`` gets no publication date, or one marked inferred;
- ``no_contradiction`` / ``contradiction``: no conflict of kind contradiction in ``slot`` sets
  these articles' ``values`` against each other / one does, each value from its own article;
- timeline figures over the events with ``timeline`` true: recall (share of gold events matched:
  same date prefix, a shared article, a keyword in the label or a claim), fragmentation (report
  events per matched gold event), merge (share of a gold event's articles its best event joins),
  size (timeline events per gold event).

The scoring works on the JSON report, so it measures exactly what a user gets.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QTY_SLOTS = ("quantity", "number", "count", "figure", "toll")
TIME_SLOTS = ("time", "date")
_KEY = re.compile(r"(?:^|[^A-Za-z0-9])([a-z]\d\d)_")
#: The bars a story must reach (issue: events that hold on stories never seen).
BARS = {"recall": (">=", 0.85), "fragmentation": ("<=", 1.3), "merge": (">=", 0.75), "size": ("<=", 2.5)}


def _norm(t: object) -> str:
    t = str(t or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t).strip().lower()


def _numnorm(t: object) -> str:
    return re.sub(r"(?<=\d)[,.:](?=\d)", "", _norm(t))


def mentions(hay: str, needle: str) -> bool:
    """Whole-token match of ``needle`` in ``hay``, digit separators ignored ('3,408' = '3408')."""
    n = _numnorm(needle)
    if not n:
        return False
    left = r"(?<!\d)" if n[0].isdigit() else r"(?<![a-z0-9])"
    right = r"(?!\d)" if n[-1].isdigit() else r"(?![a-z0-9])"
    return re.search(left + re.escape(n) + right, _numnorm(hay)) is not None


def _slot_is(slot: object, aliases: tuple[str, ...]) -> bool:
    s = _norm(slot)
    return any(s == a or s.startswith(a) for a in aliases)


class _Index:
    """The report's articles by story key ('b03'), claims by id."""

    def __init__(self, rep: dict[str, Any]) -> None:
        self.articles = {str(a.get("id")): a for a in rep.get("articles") or []}
        self.key: dict[str, str] = {}
        for i, a in self.articles.items():
            for name in (Path(str(a.get(f) or "").rstrip("/")).name for f in ("path", "url")):
                m = _KEY.search(name)
                if m:
                    self.key[i] = m.group(1)
                    break
        self.by_key = {k: i for i, k in self.key.items()}
        self.claims = {str(c.get("id")): c for c in rep.get("claims") or []}
        self.events: list[dict[str, Any]] = rep.get("events") or []
        self.conflicts: list[dict[str, Any]] = rep.get("conflicts") or []

    def event_keys(self, e: dict[str, Any]) -> set[str]:
        ids = set(map(str, e.get("article_ids") or []))
        ids |= {str(self.claims[x].get("article_id")) for x in map(str, e.get("claim_ids") or []) if x in self.claims}
        return {self.key[i] for i in ids if i in self.key}

    def event_texts(self, e: dict[str, Any]) -> list[str]:
        return [str(e.get("label") or "")] + [
            str(self.claims[x].get("text") or "") for x in map(str, e.get("claim_ids") or []) if x in self.claims]

    def groups(self, conf: dict[str, Any]) -> list[tuple[list[str], set[str]]]:
        out = []
        for v in conf.get("values") or []:
            ids = set(map(str, v.get("article_ids") or []))
            cl = [self.claims[x] for x in map(str, v.get("claim_ids") or []) if x in self.claims]
            ids |= {str(c.get("article_id")) for c in cl}
            strings = [str(v.get("value") or "")] + [str(t) for t in v.get("texts") or []]
            if not any(s.strip() for s in strings[1:]):
                strings += [str(c.get("text") or "") for c in cl]
            out.append((strings, {self.key[i] for i in ids if i in self.key}))
        return out


def _matches(strings: list[str], entry: object) -> bool:
    alts = entry if isinstance(entry, list) else [entry]
    return any(mentions(s, str(a)) for s in strings for a in alts)


def check(r: _Index, g: dict[str, Any]) -> tuple[bool, str]:
    """One gold check: (passed, why not)."""
    kind = g["kind"]
    if kind == "event_date":
        want = set(g["articles"])
        for e in r.events:
            v = str((e.get("time") or {}).get("value") or "")
            if v.startswith(g["value"]) and want <= r.event_keys(e):
                return True, ""
        return False, "no event with that date joins all these articles"
    if kind in ("relative_date", "attributed"):
        hits = [c for c in r.claims.values() if r.key.get(str(c.get("article_id"))) == g["article"]
                and (_norm(g["needle"]) in _norm(c.get("text")) or (kind == "attributed" and mentions(
                    str(c.get("text") or ""), g["needle"])))]
        if kind == "relative_date":
            vals = [str((c.get("time") or {}).get("value") or "") for c in hits]
            ok = any(v.startswith(g["value"]) for v in vals)
            return ok, "" if ok else f"time values: {vals[:5]}"
        atts = [_norm(c.get("attribution")) for c in hits]
        ok = any(any(w in a for w in g["who"]) for a in atts)
        return ok, "" if ok else f"attributions: {[c.get('attribution') for c in hits][:5]}"
    if kind == "no_invented_date":
        pub = r.articles[r.by_key[g["article"]]].get("published") or {}
        ok = pub.get("value") in (None, "", "null") or _norm(pub.get("source")) == "inferred"
        return ok, "" if ok else f"published = {pub}"
    if kind in ("no_contradiction", "contradiction"):
        return _conflict_check(r, g)
    return False, f"unknown check kind {kind!r}"


def _conflict_check(r: _Index, g: dict[str, Any]) -> tuple[bool, str]:
    aliases = QTY_SLOTS if g["slot"] == "quantity" else TIME_SLOTS
    confs = [c for c in r.conflicts if _slot_is(c.get("slot"), aliases)]
    arts, vals = set(g["articles"]), g.get("values")
    if g["kind"] == "no_contradiction":
        for c in confs:
            if _norm(c.get("kind")) not in ("contradiction", ""):
                continue
            gs = r.groups(c)
            for i, (si, ki) in enumerate(gs):
                for j, (sj, kj) in enumerate(gs):
                    if i == j or not (ki & arts and kj & arts):
                        continue
                    if vals:
                        bad = any(_matches(si, vals[x]) and _matches(sj, vals[y])
                                  for x in range(len(vals)) for y in range(len(vals)) if x != y)
                    else:
                        bad = len((ki | kj) & arts) >= 2 or len(arts) == 1
                    if bad:
                        return False, f"reported as a contradiction: {c.get('id')}"
        return True, ""
    order = g["articles"]
    for c in confs:
        if _norm(c.get("kind")) != "contradiction":
            continue
        gs = r.groups(c)
        used: list[int] = []
        for idx, v in enumerate(vals or []):
            art = order[idx] if len(order) == len(vals or []) else None
            pick = next((n for n, (s, k) in enumerate(gs) if n not in used and _matches(s, v)
                         and (art is None or art in k)), None)
            if pick is None:
                break
            used.append(pick)
        else:
            covered = set().union(*[gs[n][1] for n in used]) if used else set()
            if set(order) <= covered:
                return True, ""
    return False, f"no contradiction with {vals}"


def timeline_figures(r: _Index, gold: list[dict[str, Any]]) -> dict[str, float]:
    """recall, fragmentation, merge and size of the report's timeline against the gold timeline."""
    shown = [e for e in r.events if e.get("timeline", True) is not False]
    matched, frag, merge = 0, [], []
    for g in gold:
        arts = set(g["articles"])
        hits = []
        for e in shown:
            v = str((e.get("time") or {}).get("value") or "")
            ks = r.event_keys(e)
            if v.startswith(g["date"]) and ks & arts and any(
                    mentions(t, k) for t in r.event_texts(e) for k in g["keywords"]):
                hits.append(ks & arts)
        if hits:
            matched += 1
            frag.append(len(hits))
            merge.append(max(len(h) for h in hits) / len(arts))
    n = max(len(gold), 1)
    return {"recall": matched / n, "fragmentation": sum(frag) / len(frag) if frag else 0.0,
            "merge": sum(merge) / len(merge) if merge else 0.0, "size": len(shown) / n,
            "gold_events": float(len(gold)), "timeline_events": float(len(shown))}


@dataclass
class StoryScore:
    name: str
    checks: list[tuple[str, str, bool, str]] = field(default_factory=list)  # (level, id, ok, why)
    figures: dict[str, float] = field(default_factory=dict)

    @property
    def must_failed(self) -> int:
        return sum(1 for level, _, ok, _ in self.checks if level == "must" and not ok)

    def below_bar(self) -> list[str]:
        """The figures that miss their bar."""
        out = []
        for name, (op, bar) in BARS.items():
            v = self.figures.get(name)
            if v is not None and not (v >= bar if op == ">=" else v <= bar):
                out.append(f"{name} {v:.2f} (bar {op} {bar})")
        return out


def score_report(story: Path, report: dict[str, Any]) -> StoryScore:
    """Score one JSON report of ``story/corpus`` against ``story/gold.json``."""
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    checks = gold if isinstance(gold, list) else gold.get("checks", [])
    timeline = [] if isinstance(gold, list) else gold.get("timeline", [])
    r = _Index(report)
    out = StoryScore(story.name)
    for g in checks:
        need = list(g.get("articles") or []) + ([g["article"]] if g.get("article") else [])
        missing = [a for a in need if a not in r.by_key]
        ok, why = (False, f"article(s) {missing} not in the report") if missing else check(r, g)
        out.checks.append((g["level"], g["id"], ok, why))
    out.figures = timeline_figures(r, timeline) if timeline else {}
    return out


def stories_in(directory: Path) -> list[Path]:
    """Story folders under ``directory`` (or ``directory`` itself when it is one)."""
    if (directory / "gold.json").is_file() and (directory / "corpus").is_dir():
        return [directory]
    return sorted(p for p in directory.iterdir() if (p / "gold.json").is_file() and (p / "corpus").is_dir())


def score_story(story: Path) -> StoryScore:
    """Analyse ``story/corpus`` with the whole pipeline (a temporary store) and score it."""
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        return _report_story(story, Path(tmp))[1]


def _report_story(story: Path, out_dir: Path) -> tuple[Path, StoryScore, list[str]]:
    """Analyse ``story/corpus``, keep its JSON report in ``out_dir/<story>/report.json`` and score
    it: (the report's path, the score, the inputs that failed to read)."""
    from storyline.pipeline import analyze
    from storyline.report import write_report

    report, errors = analyze([str(story / "corpus")])
    path = Path(write_report(report, out_dir / story.name / "report.json"))
    return path, score_report(story, json.loads(path.read_text(encoding="utf-8"))), [str(e) for e in errors]


def report_stories(stories: Sequence[Path], out_dir: Path, *, jobs: int = 1
                   ) -> list[tuple[Path, StoryScore, list[str]]]:
    """``_report_story`` for each story, in order; with ``jobs`` > 1 in that many spawned
    processes, each loading the model once (the stories are independent analyses)."""
    if jobs <= 1 or len(stories) <= 1:
        return [_report_story(s, out_dir) for s in stories]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(_report_story, stories, itertools.repeat(out_dir)))


def format_scores(scores: Iterable[StoryScore], *, verbose: bool = False) -> list[str]:
    """One block per story, then the totals."""
    lines: list[str] = []
    scores = list(scores)
    for s in scores:
        passed = sum(1 for *_, ok, _ in s.checks if ok)
        f = s.figures
        lines.append(f"{s.name}: checks {passed}/{len(s.checks)} passed, must failed {s.must_failed}; "
                     f"recall {f.get('recall', 0):.2f}, fragmentation {f.get('fragmentation', 0):.2f}, "
                     f"merge {f.get('merge', 0):.2f}, size {f.get('size', 0):.2f} "
                     f"({int(f.get('timeline_events', 0))} timeline events for {int(f.get('gold_events', 0))} gold)")
        for level, gid, ok, why in s.checks:
            if verbose or (not ok and level == "must"):
                lines.append(f"  {'PASS' if ok else 'FAIL'} [{level}] {gid}" + (f" -- {why}" if why and not ok else ""))
        below = s.below_bar()
        if below:
            lines.append("  below the bar: " + "; ".join(below))
    n = max(1, len(scores))
    mean = {k: sum(s.figures.get(k, 0.0) for s in scores) / n for k in BARS}
    lines.append(f"total: {len(scores)} stories, must failed {sum(s.must_failed for s in scores)}, "
                 f"checks {sum(1 for s in scores for *_, ok, _ in s.checks if ok)}/"
                 f"{sum(len(s.checks) for s in scores)} passed; mean recall {mean['recall']:.2f}, "
                 f"fragmentation {mean['fragmentation']:.2f}, merge {mean['merge']:.2f}, size {mean['size']:.2f}")
    return lines


def main(directory: Path | str, *, verbose: bool = False, jobs: int = 1, reports: Path | str | None = None) -> int:
    """Print every story's checks and figures; exit status 1 when a must check fails or a figure
    misses its bar. ``jobs`` stories are analysed at once (one spawned process each); ``reports``
    keeps each story's JSON report as ``reports/<story>/report.json`` (a temporary folder otherwise)."""
    stories = stories_in(Path(directory))
    if not stories:
        print(f"error: {directory}: no story folders (each needs corpus/ and gold.json)")
        return 2
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        done = report_stories(stories, Path(reports) if reports else Path(tmp), jobs=jobs)
    for _, _, errors in done:
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
    scores = [score for _, score, _ in done]
    for line in format_scores(scores, verbose=verbose):
        print(line)
    return 0 if all(s.must_failed == 0 and not s.below_bar() for s in scores) else 1
