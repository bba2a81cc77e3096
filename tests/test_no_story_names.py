"""No name of a story's people, places or outlets in the code under src/ (comments included).

Rules written for one story fail on the next; so do examples that name it, which invite them.
A capitalised word of src/ that the corpora (ours, the shared stories, the seeds) use only
capitalised is taken for a name there, unless it is a word of the calendar or of general
geography listed below. A failure names the word and where src/ has it: give the example an
invented name no corpus uses.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: Capitalised words every story may share: the calendar, general geography and terms of art.
GENERAL = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Sept", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
    "Saturdays", "Sundays", "Easter", "Christmas", "Moscow", "American", "British", "Dutch",
    "Britain", "Atom", "Rand", "Fold", "Dask", "Pictured", "Selection", "Moreover", "Synonyms",
    "Python", "United", "Gazette", "Herald", "Bugle", "Ctrl", "Metrics",
})

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_LOWER = re.compile(r"(?<![\w/.-])[a-z]{4,}(?![\w/.-])")  # a word of running text, not of a URL or a slug
_CAPITALS = re.compile(r"\b[A-Z]{4,}\b")  # a dateline's place ("QUARNFELL, May 14")


def _corpus_files() -> list[Path]:
    roots = [ROOT / "tests" / "data", ROOT / "examples", SHARED / "data" / "stories", SHARED / "seeds"]
    return [p for r in roots if r.exists() for p in r.rglob("*")
            if p.is_file() and p.suffix in (".html", ".htm", ".txt", ".md", "")]


def test_src_names_no_person_place_or_outlet_of_a_story() -> None:
    names: set[str] = set()
    lower: set[str] = set()
    for p in _corpus_files():
        text = p.read_text(encoding="utf-8", errors="ignore")
        names.update(_CAPITALISED.findall(text))
        lower.update(_LOWER.findall(text))
    assert len(names) > 1000, "the corpora were not found"
    found: dict[str, list[str]] = {}
    for p in sorted((ROOT / "src").rglob("*")):
        if p.suffix not in (".py", ".json", ".txt") or not p.is_file():
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            words = set(_CAPITALISED.findall(line)) | {w.capitalize() for w in _CAPITALS.findall(line)}
            for word in words:
                if word in names and word.lower() not in lower and word not in GENERAL:
                    found.setdefault(word, []).append(f"{p.relative_to(ROOT)}:{n}")
    assert not found, f"story names in src/: {found}"
