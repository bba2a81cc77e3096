#!/usr/bin/env python3
"""Score a Storyline JSON report of the red-team corpus (corpus/) against expected.json.

Usage: score_redteam.py REPORT.json [--expected expected.json] [--quiet]
Run:   .venv/bin/storyline analyze tests/data/redteam/corpus --out /tmp/redteam.json
       .venv/bin/python tests/data/redteam/score_redteam.py /tmp/redteam.json

Prints one PASS/FAIL line per check (with what was produced) and 'N passed, M failed'.
Exit status 0 when every 'must' check passes, 1 otherwise, 2 on unreadable input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def norm(text: Any) -> str:
    t = str(text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u2014", "-")
    return re.sub(r"\s+", " ", t).strip().lower()


def key_of(article: dict[str, Any]) -> str:
    """File name of the article, with ':N' for a JSONL line."""
    return re.split(r"[\\/]", str(article.get("path") or article.get("id")))[-1]


class Report:
    def __init__(self, data: dict[str, Any]) -> None:
        self.articles = [a for a in data.get("articles") or [] if isinstance(a, dict)]
        self.claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
        self.conflicts = [c for c in data.get("conflicts") or [] if isinstance(c, dict)]
        self.events = [e for e in data.get("events") or [] if isinstance(e, dict)]
        self.key = {str(a.get("id")): key_of(a) for a in self.articles}
        self.claim_article = {str(c.get("id")): str(c.get("article_id")) for c in self.claims}

    def article(self, key: str) -> dict[str, Any] | None:
        return next((a for a in self.articles if key_of(a).startswith(key)), None)

    def claim(self, key: str, needle: str) -> dict[str, Any] | None:
        for c in self.claims:
            if self.key.get(str(c.get("article_id")), "").startswith(key) and norm(needle) in norm(
                c.get("text")
            ):
                return c
        return None

    def conflict_keys(self, conflict: dict[str, Any]) -> list[tuple[str, set[str], str]]:
        """(value, article keys, texts) for each value group of a conflict."""
        out = []
        for v in conflict.get("values") or []:
            if not isinstance(v, dict):
                continue
            ids = {str(i) for i in v.get("article_ids") or []}
            ids |= {self.claim_article.get(str(c), "") for c in v.get("claim_ids") or []}
            keys = {self.key[i] for i in ids if i in self.key}
            out.append((str(v.get("value") or ""), keys, norm(" ".join(map(str, v.get("texts") or [])))))
        return out


def qty_matches(q: dict[str, Any], lo: float | None, hi: float | None) -> bool:
    """A quantity matches expected bounds: an open side needs the other side exact, two sides within 10%."""
    qlo, qhi = q.get("low"), q.get("high")
    if lo is None and hi is not None:
        return qhi == hi
    if hi is None and lo is not None:
        return qlo == lo and qhi is None
    if lo is None or hi is None or qlo is None or qhi is None:
        return False
    return bool(qlo >= lo * 0.9 and qhi <= hi * 1.1 and qlo <= qhi)


def has(keys: set[str], prefix: str) -> bool:
    return any(k.startswith(prefix) for k in keys)


def article_checks(rep: Report, exp: dict[str, Any], out: list[tuple[str, str, bool, str]]) -> None:
    for e in exp["articles"]:
        k = e["key"]
        a = rep.article(k)
        if a is None:
            out.append(("must", f"{k}: article present", False, "missing"))
            continue
        out.append(
            (
                "should",
                f"{k}: title",
                norm(a.get("title")) == norm(e["title"]),
                f"title is {a.get('title')!r}",
            )
        )
        pub = a.get("published") or {}
        want = e["published"]
        sources = want["source"] if isinstance(want["source"], list) else [want["source"]]
        source_ok = (pub.get("source") or None) in sources
        if want["value"] is None:  # no date in the text: nothing but an inferred range may be reported
            ok = source_ok
        else:
            ok = source_ok and str(pub.get("value") or "").startswith(want["value"])
        out.append(
            (
                "must",
                f"{k}: published {want['value']} ({'/'.join(map(str, sources))})",
                ok,
                f"published is {pub.get('value')!r} ({pub.get('source')})",
            )
        )
        teasers = [norm(t) for t in a.get("teasers") or []]
        for t in e.get("teasers_include", []):
            out.append(("must", f"{k}: teaser '{t[:40]}'", norm(t) in teasers, f"teasers {a.get('teasers')}"))
        for t in e.get("teasers_exclude", []):
            out.append(("should", f"{k}: not a teaser: '{t}'", norm(t) not in teasers, "listed as a teaser"))
        for p in e.get("teasers_exclude_prefix", []):
            bad = [t for t in a.get("teasers") or [] if t.startswith(p)]
            out.append(("should", f"{k}: teasers without list marker '{p}'", not bad, str(bad)))
        body = norm(a.get("body"))
        if e.get("body_starts_with"):
            out.append(
                (
                    "should",
                    f"{k}: body starts at the article",
                    body.startswith(norm(e["body_starts_with"])),
                    body[:50],
                )
            )
        for s in e.get("body_excludes", []):
            out.append(("must", f"{k}: furniture '{s}' removed", norm(s) not in body, "still in body"))
        for s in e.get("body_includes", []):
            out.append(("should", f"{k}: own content '{s}' kept", norm(s) in body, "removed from body"))


def claim_checks(rep: Report, exp: dict[str, Any], out: list[tuple[str, str, bool, str]]) -> None:
    for e in exp["claims"]:
        name = f"{e['key']}: '{e['needle'][:40]}'"
        c = rep.claim(e["key"], e["needle"])
        if c is None:
            out.append((e["level"], name + " claim found", False, "no claim with this text"))
            continue
        t = c.get("time") or {}
        value = str(t.get("value") or "")
        attr = norm(c.get("attribution"))
        qs = c.get("quantities") or []
        got = f"time={value!r} attr={c.get('attribution')!r} hedged={c.get('hedged')} neg={c.get('negated')} q={[(q.get('text'), q.get('low'), q.get('high')) for q in qs]}"
        checks: list[bool] = []
        if "time" in e:
            checks.append(value == e["time"])
        if "time_any" in e:
            checks.append(value in e["time_any"])
        if "time_not" in e:
            checks.append(value not in e["time_not"])
        if "attr_any" in e:
            checks.append(any(w in attr for w in e["attr_any"]))
        if "attr_not" in e:
            checks.append(not any(w in attr for w in e["attr_not"]))
        if "hedged" in e:
            checks.append(bool(c.get("hedged")) == e["hedged"])
        if "negated" in e:
            checks.append(bool(c.get("negated")) == e["negated"])
        if "qty" in e:
            checks.append(any(qty_matches(q, *e["qty"]) for q in qs))
        if "qty_high_lt_or_eq" in e:
            checks.append(
                any(
                    q.get("high") is not None
                    and q["high"] <= e["qty_high_lt_or_eq"]
                    and (
                        q.get("low") is None or not e.get("qty_low_null") or q["low"] < e["qty_high_lt_or_eq"]
                    )
                    for q in qs
                )
            )
        out.append((e["level"], name, all(checks), got))


def conflict_checks(rep: Report, exp: dict[str, Any], out: list[tuple[str, str, bool, str]]) -> None:
    for e in exp["conflicts"]:
        found = False
        for c in rep.conflicts:
            if norm(c.get("slot")) != e["slot"] or ("kind" in e and c.get("kind") != e["kind"]):
                continue
            groups = rep.conflict_keys(c)
            allkeys = set().union(*[g[1] for g in groups]) if groups else set()
            dump = norm(json.dumps(c))
            if "groups" in e:
                found |= all(any(has(g[1], k) and g[0].startswith(v) for g in groups) for k, v in e["groups"])
            else:
                ok = all(has(allkeys, k) for k in e["articles"])
                ok &= e.get("mentions", "") in dump
                ok &= all(any(v in norm(g[0]) for g in groups) for v in e.get("values_include", []))
                found |= ok
        out.append(
            (
                e["level"],
                f"conflict {e['id']} ({e['slot']}{', ' + e['kind'] if 'kind' in e else ''})",
                found,
                f"conflicts: {[(c.get('slot'), c.get('kind'), [g[0] for g in rep.conflict_keys(c)]) for c in rep.conflicts]}",
            )
        )
    for e in exp["no_conflict"]:
        bad = []
        for c in rep.conflicts:
            if norm(c.get("slot")) != e["slot"]:
                continue
            allkeys = set().union(*[g[1] for g in rep.conflict_keys(c)] or [set()])
            if all(has(allkeys, k) for k in e["articles"]):
                bad.append(c.get("id"))
        out.append((e["level"], f"no false conflict: {e['id']}", not bad, str(bad)))


def timeline_checks(rep: Report, exp: dict[str, Any], out: list[tuple[str, str, bool, str]]) -> None:
    for e in exp.get("timeline", []):
        ok = False
        for ev in rep.events:
            value = str((ev.get("time") or {}).get("value") or "")
            keys = {rep.key.get(str(i), "") for i in ev.get("article_ids") or []}
            if value.startswith(e["value"]) and all(has(keys, k) for k in e["keys"]):
                ok = True
        out.append(
            (e["level"], f"timeline {e['value']} {'+'.join(e['keys'])}: {e['event']}", ok, "no such event")
        )
    for e in exp.get("timeline_not", []):
        bad = []
        for ev in rep.events:
            value = str((ev.get("time") or {}).get("value") or "")
            keys = {rep.key.get(str(i), "") for i in ev.get("article_ids") or []}
            if (
                value == e["value"]
                and has(keys, e["key"])
                and norm(e["label_contains"]) in norm(ev.get("label"))
            ):
                bad.append(str(ev.get("label"))[:60])
        out.append((e["level"], f"no event {e['value']} from {e['key']}: {e['why']}", not bad, str(bad)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--expected", default=str(HERE / "expected.json"))
    ap.add_argument("--quiet", action="store_true", help="print failures only")
    args = ap.parse_args()
    try:
        rep = Report(json.loads(Path(args.report).read_text(encoding="utf-8")))
        exp = json.loads(Path(args.expected).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        print(f"cannot read input: {err}", file=sys.stderr)
        return 2
    out: list[tuple[str, str, bool, str]] = []
    article_checks(rep, exp, out)
    claim_checks(rep, exp, out)
    conflict_checks(rep, exp, out)
    timeline_checks(rep, exp, out)
    for level, name, ok, why in out:
        if not (ok and args.quiet):
            print(f"{'PASS' if ok else 'FAIL'} [{level}] {name}" + ("" if ok else f" -- {why}"))
    must = sum(1 for lv, _, ok, _ in out if lv == "must" and not ok)
    should = sum(1 for lv, _, ok, _ in out if lv == "should" and not ok)
    passed = sum(ok for _, _, ok, _ in out)
    print(f"must: {must} failed; should: {should} failed")
    print(f"{passed} passed, {len(out) - passed} failed")
    return 0 if must == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
