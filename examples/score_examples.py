#!/usr/bin/env python3
"""Score a Storyline JSON report of examples/corpus against examples/expected.json.

Usage: score_examples.py REPORT.json [--expected expected.json] [--quiet]

The example corpus is ours and independent of the seed articles, so it doubles as a check that
the rules generalise. Prints one line per check and ends with 'N passed, M failed'; exit status 0
when every 'must' check passes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def norm(text: object) -> str:
    text = str(text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def key_of(item: dict) -> str:
    """'02' or '05#1' for an expected item naming a file (and a JSONL line)."""
    stem = item["file"][:2]
    return f"{stem}#{item['line']}" if item.get("line") else stem


class Report:
    def __init__(self, data: dict) -> None:
        self.articles = [a for a in data.get("articles") or [] if isinstance(a, dict)]
        self.claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
        self.events = [e for e in data.get("events") or [] if isinstance(e, dict)]
        self.conflicts = [c for c in data.get("conflicts") or [] if isinstance(c, dict)]
        self.key: dict[str, str] = {}
        for a in self.articles:
            m = re.search(r"(\d\d)_[a-z_]+\.\w+(?::(\d+))?", str(a.get("path") or ""))
            if m:
                self.key[str(a.get("id"))] = m.group(1) + (f"#{m.group(2)}" if m.group(2) else "")
        self.claim_article = {str(c.get("id")): str(c.get("article_id")) for c in self.claims}

    def article(self, key: str) -> dict | None:
        return next((a for a in self.articles if self.key.get(str(a.get("id"))) == key), None)

    def keys(self, article_ids: list, claim_ids: list | None = None) -> set[str]:
        ids = [str(i) for i in article_ids or []]
        ids += [self.claim_article.get(str(c), "") for c in claim_ids or []]
        return {self.key[i] for i in ids if i in self.key}

    def groups(self, conflict: dict) -> list[tuple[str, set[str], str]]:
        out = []
        for v in conflict.get("values") or []:
            if isinstance(v, dict):
                out.append((str(v.get("value") or ""), self.keys(v.get("article_ids"), v.get("claim_ids")),
                            norm(" ".join(map(str, v.get("texts") or [])))))
        return out


def time_compatible(a: str, b: str) -> bool:
    for x, y in zip(a.split("-"), b.split("-"), strict=False):
        if "X" in x or "X" in y:
            continue
        if x != y:
            return False
    return True


def run(rep: Report, exp: dict) -> list[tuple[str, str, bool, str]]:
    results: list[tuple[str, str, bool, str]] = []

    def check(level: str, name: str, ok: object, why: str = "") -> None:
        results.append((level, name, bool(ok), why))

    for art in exp["articles"]:
        k = key_of(art)
        a = rep.article(k)
        if a is None:
            check("must", f"article {k} present", False)
            continue
        body = norm(a.get("body"))
        pub = a.get("published") or {}
        if art.get("page_date"):
            check("must", f"article {k}: date {art['page_date']} ({art.get('published_source')})",
                  str(pub.get("value") or "").startswith(art["page_date"])
                  and pub.get("source") == art.get("published_source"), f"published is {pub}")
        else:
            check("must", f"article {k}: no date invented", pub.get("source") in (None, "inferred"), f"{pub}")
        for t in art.get("teaser_headlines") or []:
            check("must", f"article {k}: teaser out of the body: {t[:40]}", norm(t) not in body)
        if art.get("main_headline"):
            check("should", f"article {k}: headline", norm(a.get("title")) == norm(art["main_headline"]),
                  f"title is {a.get('title')!r}")
        if art.get("body_starts_with"):
            check("should", f"article {k}: body starts at the article",
                  body.startswith(norm(art["body_starts_with"])[:40]), f"body starts {body[:50]!r}")
        if art.get("repeated_caption"):
            cap = norm(art["repeated_caption"])[:60]
            check("must", f"article {k}: caption at most once", body.count(cap) <= 1)

    by_id = {c["id"]: c for c in exp["conflicts"]}
    # An outlet's wrong year is flagged against the consensus.
    acc = by_id.get("accord-signing-date")
    if acc:
        wrong = [m for m in acc["mentions"] if str(m.get("stance", "")).startswith("conflicts")]
        ok = False
        for c in rep.conflicts:
            if norm(c.get("slot")) not in ("time", "date"):
                continue
            groups = rep.groups(c)
            right = any(v.startswith(acc["best_supported"]) for v, _, _ in groups)
            for m in wrong:
                if right and any(key_of(m) in ks and v.startswith(m["value"]) for v, ks, _ in groups):
                    ok = True
        check(acc["level"], "accord date: the wrong year is flagged against the consensus", ok)
    place = by_id.get("accord-place-capital")
    if place:
        bad = key_of(place["mentions"][0])
        good = key_of(place["mentions"][1])
        flagged = [c for c in rep.conflicts if norm(c.get("slot")) in ("place", "location", "gazetteer", "fact")]
        check(place["level"], "place: a city called the capital of the wrong country is flagged",
              any(bad in ks for c in flagged for _, ks, _ in rep.groups(c)))
        check(place["level"], "place: the correct capital phrase is not flagged",
              not any(good in ks for c in flagged for v, ks, _ in rep.groups(c) if "capital of" in norm(v)))
    role = by_id.get("koric-title")
    if role:
        files = {key_of(m) for m in role["mentions"] if str(m.get("stance", "")).startswith("conflicts")}
        ok = any(norm(c.get("slot")) in ("role", "title") and files <= set().union(*[ks for _, ks, _ in rep.groups(c)] or [set()])
                 for c in rep.conflicts)
        check(role["level"], "role: one person given two offices at the same time is flagged", ok)
    for cid, kind in (("displaced-count", "attributed_estimates"), ("death-toll", "changed_over_time")):
        item = by_id.get(cid)
        if not item:
            continue
        files = {key_of(m) for m in item["mentions"]}
        quantity = [c for c in rep.conflicts if norm(c.get("slot")) in ("quantity", "number", "count")]
        touching = [c for c in quantity if len(files & set().union(*[ks for _, ks, _ in rep.groups(c)] or [set()])) >= 2]
        check(item["level"], f"{cid}: never reported as a contradiction",
              not any(c.get("kind") == "contradiction" for c in touching), str([c.get("id") for c in touching]))
        check("should", f"{cid}: reported as {kind}", any(c.get("kind") == kind for c in touching))

    hollow = []
    for c in rep.conflicts:
        if norm(c.get("slot")) not in ("time", "date"):
            continue
        values = [v for v, _, _ in rep.groups(c) if re.fullmatch(r"[0-9X]{4}(-[0-9X]{2}){0,2}", v)]
        if len(values) >= 2 and all(time_compatible(a, b) for i, a in enumerate(values) for b in values[i + 1:]):
            hollow.append(c.get("id"))
    check("must", "no time conflict whose values are all compatible", not hollow, str(hollow))
    for comp in exp.get("compatible") or []:
        files = {key_of(m) for m in comp["mentions"]}
        if len(files) < 2:
            continue
        false = [c.get("id") for c in rep.conflicts if c.get("kind") == "contradiction"
                 and files <= set().union(*[ks for _, ks, _ in rep.groups(c)] or [set()])
                 and norm(c.get("slot")) in ("quantity", "number") and comp["id"].endswith(("destroyed", "increment"))]
        check("must", f"compatible: no false conflict for {comp['id']}", not false, str(false))

    for h in exp.get("hedged") or []:
        k = key_of(h)
        words = norm(h["text"]).split()[:4]
        hit = [c for c in rep.claims if rep.key.get(str(c.get("article_id"))) == k
               and all(w in norm(c.get("text")) for w in words)]
        check("should", f"hedged: {h['text'][:40]}", any(c.get("hedged") for c in hit))

    for t in exp["timeline"]:
        want = t["value"]
        first = t["files"][0]
        ok = any(str((e.get("time") or {}).get("value") or "").startswith(want) and first in rep.keys(e.get("article_ids"))
                 for e in rep.events)
        check(t["level"], f"timeline: {want} {t['event'][:50]}", ok)
    return results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--expected", default=str(HERE / "expected.json"))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    rep = Report(json.loads(Path(args.report).read_text(encoding="utf-8")))
    results = run(rep, json.loads(Path(args.expected).read_text(encoding="utf-8")))
    for level, name, ok, why in results:
        if not (ok and args.quiet):
            print(f"{'PASS' if ok else 'FAIL'} [{level}] {name}" + (f" -- {why}" if why and not ok else ""))
    must_failed = sum(1 for level, _, ok, _ in results if level == "must" and not ok)
    passed = sum(ok for *_, ok, _ in results)
    print(f"must: {must_failed} failed; should: {sum(1 for lv, _, ok, _ in results if lv == 'should' and not ok)} failed")
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if must_failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
