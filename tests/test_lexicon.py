"""The lexicon files are well-formed data: every entry says what it is for, and a list holds words."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from storyline import lexicon

FILES = lexicon.FILES


def test_files_found() -> None:
    shipped = {p.name for p in resources.files("storyline").joinpath("data/lexicon").iterdir()}
    assert {f"{name}.json" for name in FILES} <= shipped


@pytest.mark.parametrize("name", FILES)
def test_entries_are_documented_lists(name: str) -> None:
    entries = lexicon.entries(name)
    assert entries
    for key, entry in entries.items():
        assert isinstance(entry.get("about"), str) and entry["about"].strip(), f"{name}.{key} needs an 'about'"
        kinds = [k for k in ("words", "alternatives", "table", "pairs") if k in entry]
        assert len(kinds) == 1, f"{name}.{key}: one of 'words', 'alternatives', 'table' or 'pairs'"
        if kinds[0] == "table":
            assert entry["table"] and isinstance(entry["table"], dict), f"{name}.{key}"
            continue
        if kinds[0] == "pairs":
            assert all(len(p) == 2 and all(isinstance(x, str) for x in p) for p in entry["pairs"]), f"{name}.{key}"
            continue
        values = entry[kinds[0]]
        assert values and all(isinstance(v, str) and v for v in values), f"{name}.{key}"
        assert len(values) == len(set(values)), f"{name}.{key} lists a word twice"
        if kinds[0] == "alternatives":
            re.compile("|".join(values))


@pytest.mark.parametrize("name", FILES)
def test_file_is_described_and_keys_are_unique(name: str) -> None:
    def unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), f"{name}.json repeats a key: {keys}"
        return dict(pairs)

    text = resources.files("storyline").joinpath(f"data/lexicon/{name}.json").read_text(encoding="utf-8")
    data = json.loads(text, object_pairs_hook=unique)
    assert isinstance(data.get("about"), str), f"{name}.json needs a top-level 'about' line"


def test_missing_entry_is_an_error() -> None:
    with pytest.raises(KeyError):
        lexicon.words("reporting", "no_such_list")
