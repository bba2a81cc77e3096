"""The per-user cache: the gazetteer index read back from it is the index built from the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import cache, gazetteer_cache
from storyline.extract import gazetteer


def test_cached_gazetteer_index_equals_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    built = gazetteer._Index()
    first = gazetteer_cache.load_index()  # builds and writes the cache
    assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
    second = gazetteer_cache.load_index()  # reads it
    for index in (first, second):
        assert index.places == built.places
        assert index.countries == built.countries
        assert index.country_by_key == built.country_by_key
        assert index.demonyms == built.demonyms


def test_a_corrupt_or_unwritable_cache_falls_back_to_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    (tmp_path / "thing-k.marshal").write_bytes(b"\x00garbage")
    assert cache.cached("thing", "k", lambda: {"a": (1, 2)}) == {"a": (1, 2)}
    assert cache.cached("thing", "k", lambda: {"b": 0}) == {"a": (1, 2)}  # rewritten, then read
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("STORYLINE_CACHE", str(blocked))
    assert cache.cached("thing", "k", lambda: [3]) == [3]
