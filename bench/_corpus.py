"""Bench corpora built at bench time from the real pages of ../shared/data/article-extraction.

Nothing third-party is committed: the bodies are read from the shared folder and varied per
copy (paragraphs rotated, a numbered line added) so that every copy has its own content hash
and is analysed, not deduplicated.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction"


def bodies(data: Path = DATA) -> list[str]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return [b for b in ((truth[k].get("articleBody") or "").strip() for k in sorted(truth)) if len(b) > 200]


def variant(body: str, copy: int) -> str:
    """Copy number ``copy`` of a body: paragraphs rotated by the copy number, plus a line."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    turn = copy % max(1, len(paragraphs))
    return "\n".join(paragraphs[turn:] + paragraphs[:turn] + [f"Bench edition {copy}."])


def texts(n: int, data: Path = DATA) -> list[str]:
    """``n`` distinct article texts cycling over the real bodies."""
    real = bodies(data)
    return [variant(real[i % len(real)], i // len(real)) for i in range(n)]


def write(folder: Path, n: int, data: Path = DATA) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts(n, data)):
        (folder / f"a{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder
