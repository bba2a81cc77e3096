"""TempEval-3 Task A (time expressions) on a folder of TimeML files.

Each ``.tml`` file's ``<TEXT>`` is stripped of its markup to the raw text the system sees; the gold
TIMEX3 spans are kept as character offsets into it. The creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) is the anchor and is not scored, as in TempEval-3.
Figures, as the TempEval-3 scorer defines them: strict (exact extent) and relaxed (any overlap)
span precision/recall/F1; type F1 and value F1 = relaxed F1 x the share of relaxed matches whose
attribute is exactly equal.

Measured on TBAQ-cleaned (TimeBank + AQUAINT, 256 documents, 1822 timexes), ``storyline eval
timeml ../shared/data/tempeval3/TBAQ-cleaned``: strict P/R/F1 86.5/88.7/87.6, relaxed P/R/F1
93.1/95.2/94.1, type F1 90.6, value F1 80.8 (AQUAINT alone: relaxed 93.6, value 77.6). HeidelTime's
published TempEval-3 result, the bar: relaxed F1 90.3, value F1 77.6.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.model import TimeExpr

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    path: Path
    text: str
    dct: str | None
    gold: list[GoldTimex] = field(default_factory=list)
    unscored: list[tuple[int, int]] = field(default_factory=list)  # the creation time, when printed in TEXT


def parse_tml(path: Path) -> TimeMLDoc:
    """Raw text, gold TIMEX3 spans and creation time of one TimeML file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m[1]))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    inner = body[1] if body else ""
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[GoldTimex] = []
    unscored: list[tuple[int, int]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m[1] == "/", m[2]
        if name != "TIMEX3":
            continue
        if not closing and not m[4]:
            open_timex = (length, dict(_ATTR.findall(m[3])))
        elif closing and open_timex is not None:
            s, attrs = open_timex
            open_timex = None
            if attrs.get("functionInDocument") == "CREATION_TIME":
                unscored.append((s, length))
                continue
            text = "".join(out)[s:length]
            gold.append(GoldTimex(s, length, text, attrs.get("type", ""), attrs.get("value", "")))
    tail = html.unescape(inner[pos:])
    out.append(tail)
    return TimeMLDoc(path, "".join(out), dct, gold, unscored)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    type_ok: int = 0
    value_ok: int = 0
    matched: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class DocResult:
    counts: Counts
    errors: list[str]


def score_doc(gold: list[GoldTimex], system: list[TimeExpr]) -> DocResult:
    """Counts for one document; relaxed matches pair each gold span with its best-overlapping system span."""
    c = Counts(gold=len(gold), system=len(system))
    errors: list[str] = []
    gold_spans = {(g.start, g.end) for g in gold}
    c.strict = sum(1 for s in system if (s.start, s.end) in gold_spans)
    used: set[int] = set()
    sys_matched: set[int] = set()
    for g in gold:
        best, best_ov = None, 0
        for i, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0 and ov > best_ov and i not in used:
                best, best_ov = i, ov
        if best is None:
            errors.append(f"  missed   {g.text!r} {g.type} {g.value}")
            continue
        used.add(best)
        s = system[best]
        c.matched += 1
        c.type_ok += s.type == g.type
        c.value_ok += s.value == g.value
        if s.value != g.value or s.type != g.type:
            errors.append(f"  value    {g.text!r} gold {g.type} {g.value} | sys {s.text!r} {s.type} {s.value}")
        elif (s.start, s.end) != (g.start, g.end):
            errors.append(f"  extent   {g.text!r} | sys {s.text!r}")
    for i, s in enumerate(system):
        if any(min(g.end, s.end) - max(g.start, s.start) > 0 for g in gold):
            sys_matched.add(i)
        else:
            errors.append(f"  spurious {s.text!r} {s.type} {s.value}")
    c.relaxed_gold = c.matched
    c.relaxed_system = len(sys_matched)
    return DocResult(c, errors)


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(c: Counts) -> dict[str, float]:
    """TempEval-3 Task A figures (percentages) from summed counts."""
    sp, sr, sf = _prf(c.strict, c.system, c.strict, c.gold)
    rp, rr, rf = _prf(c.relaxed_system, c.system, c.relaxed_gold, c.gold)
    type_acc = c.type_ok / c.matched if c.matched else 0.0
    value_acc = c.value_ok / c.matched if c.matched else 0.0
    return {
        "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * sf,
        "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * rf,
        "type_f1": 100 * rf * type_acc, "value_f1": 100 * rf * value_acc,
        "type_acc": 100 * type_acc, "value_acc": 100 * value_acc,
    }  # fmt: skip


def find_tml(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).rglob("*.tml") if p.is_file())


def evaluate(docs: Iterable[TimeMLDoc], *, nlp=None) -> tuple[Counts, list[tuple[TimeMLDoc, DocResult]]]:  # type: ignore[no-untyped-def]
    """Tag every document against its creation time and sum the counts."""
    from storyline.time import tag_doc
    from storyline.time.resolve import Anchor

    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    docs = list(docs)
    total = Counts()
    results: list[tuple[TimeMLDoc, DocResult]] = []
    for d, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        anchor = Anchor.parse(d.dct[:10]) if d.dct else None
        system = [
            t.expr
            for t in tag_doc(parsed, anchor)
            if not any(t.expr.start < e and s < t.expr.end for s, e in d.unscored)
        ]
        res = score_doc(d.gold, system)
        total.add(res.counts)
        results.append((d, res))
    return total, results


def main(directory: Path, verbose: bool = False) -> int:
    """Print TempEval-3 Task A figures for every .tml under ``directory``; last line ``value F1: N``."""
    paths = find_tml(Path(directory))
    if not paths:
        print(f"{directory}: no .tml files found", file=sys.stderr)
        return 2
    docs = []
    for p in paths:
        try:
            docs.append(parse_tml(p))
        except (OSError, UnicodeError) as exc:
            print(f"{p}: cannot read ({exc})", file=sys.stderr)
    total, results = evaluate(docs)
    if verbose:
        for d, res in results:
            if res.errors:
                print(f"{d.path.name} (DCT {d.dct}):")
                for e in res.errors:
                    print(e)
    f = figures(total)
    print(f"documents: {len(docs)}  gold timexes: {total.gold}  system timexes: {total.system}")
    print(f"strict   P {f['strict_p']:.2f}  R {f['strict_r']:.2f}  F1 {f['strict_f1']:.2f}")
    print(f"relaxed  P {f['relaxed_p']:.2f}  R {f['relaxed_r']:.2f}  F1 {f['relaxed_f1']:.2f}")
    print(f"type accuracy {f['type_acc']:.2f}  value accuracy {f['value_acc']:.2f}")
    print(f"type F1: {f['type_f1']:.2f}")
    print(f"value F1: {f['value_f1']:.2f}")
    return 0
