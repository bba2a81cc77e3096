"""The seed articles: every time expression the gold names gets its value or stays underspecified.

The articles are read from ../shared/seeds; the dateline (when a page prints one) is taken from
the first line, as the cleaner does, and is a weak anchor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.ingest.base import RawDocument
from storyline.ingest.clean import clean_documents
from storyline.model import Article, PublishedDate, TimeExpr
from storyline.time import analyze_times, compatible

_VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-\d\d(?:-\d\d)?)?$")


def _clean(path: Path) -> Article:
    """The article as the cleaner gives it (a portal page's dateline is marked so)."""
    raw = RawDocument(source=str(path), format="text", text=path.read_text(encoding="utf-8"), path=str(path))
    (article,) = clean_documents([raw])
    assert isinstance(article, Article), article
    return article


def _analyse(nlp, path: Path) -> tuple[PublishedDate, list[TimeExpr]]:  # type: ignore[no-untyped-def]
    article = _clean(path)
    return analyze_times(nlp(article.body), article.published)


@pytest.fixture(scope="module")
def analysed(nlp, seeds_dir: Path) -> dict[str, tuple[PublishedDate, list[TimeExpr]]]:  # type: ignore[no-untyped-def]
    return {p.name[:3]: _analyse(nlp, p) for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="module")
def gold(seeds_dir: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((seeds_dir.parent / "eval" / "seeds-gold.json").read_text(encoding="utf-8"))


def _by_text(times: list[TimeExpr]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for t in times:
        out.setdefault(t.text, []).append(t.value)
    return out


def test_conflict_mentions_get_their_gold_values(analysed, gold) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for conflict in gold["conflicts"]:
        for mention in conflict["mentions"]:
            value = str(mention.get("value", "")).split(" ")[0]
            if not _VALUE.match(value):
                continue
            _, times = analysed[mention["file"][:3]]
            last_part = mention["text"].split("...")[-1]
            inside = [t for t in times if t.text in last_part]
            assert inside, f"{mention['file']}: nothing tagged in {last_part!r}"
            assert value in {t.value for t in inside}, (mention["text"], [(t.text, t.value) for t in inside])
            checked += 1
    assert checked >= 5


def test_timeline_values_found_or_honestly_underspecified(analysed, gold) -> None:  # type: ignore[no-untyped-def]
    for row in gold["timeline"]:
        if row["level"] == "needs_outside_knowledge" or (len(row["files"]) > 1 and row.get("note") == "the conflicts above"):
            continue
        for f in row["files"]:
            values = [t.value for t in analysed[f][1] if t.type in ("DATE", "TIME")]
            exact = row["value"] in values
            honest = any("X" in v and compatible(v, row["value"]) for v in values)
            assert exact or honest, (f, row["value"], values)


def test_portal_pages_do_not_resolve_against_the_page_date(analysed) -> None:  # type: ignore[no-untyped-def]
    pub0, times0 = analysed["000"]
    assert pub0.source == "dateline" and pub0.value == "2026-01-31"
    assert set(_by_text(times0)["June 19"]) == {"XXXX-06-19"}
    pub1, times1 = analysed["001"]
    by = _by_text(times1)
    assert set(by["Wednesday"]) == {"XXXX-WXX-3"}
    assert by["last month"] == ["XXXX-XX"]
    assert by["October of the same year"] == ["2023-10"]
    assert pub1.latest == "2026-01-30"


def test_no_writing_year_no_guess(analysed) -> None:  # type: ignore[no-untyped-def]
    pub, times = analysed["002"]
    assert pub.value is None
    by = _by_text(times)
    assert by["June this year"] == ["XXXX-06"]
    assert by["June 4"] == ["XXXX-06-04"]


def test_inferred_writing_year_resolves_relative_expressions(analysed) -> None:  # type: ignore[no-untyped-def]
    pub3, times3 = analysed["003"]
    assert (pub3.source, pub3.value) == ("inferred", "2025")
    by3 = _by_text(times3)
    assert by3["last year"] == ["2024"]
    assert by3["last July"] == ["2025-07"]
    assert by3["earlier this summer"] == ["2025-SU"]
    assert by3["the coming months"] == ["FUTURE_REF"]
    assert by3["June 2024"] == ["2024-06"]
    pub4, times4 = analysed["004"]
    assert (pub4.source, pub4.value, pub4.earliest) == ("inferred", "2025", "2025-09-01")
    by4 = _by_text(times4)
    assert by4["A month later"] == ["2024-11"]
    assert by4["October"] == ["2025-10"]
    late = next(t for t in times4 if t.text == "late 2024")
    assert (late.value, late.mod) == ("2024", "END")


def test_every_interval_is_ordered_and_offsets_slice_the_body(analysed, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for key, (_, times) in analysed.items():
        text = _clean(next(seeds_dir.glob(f"{key}_*.txt"))).body
        for t in times:
            assert text[t.start : t.end] == t.text
            if t.earliest and t.latest:
                assert t.earliest <= t.latest
