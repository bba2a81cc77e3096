"""`storyline eval ecb --what entities` on real ECB+ topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluation import ecb_entities
from storyline.evaluation.ecb import load_corpus


def test_main_prints_conll_f1_last(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = ecb_entities.main(data_dir / "ecbplus", topics="36")
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert out[-1].startswith("CoNLL F1: ")
    figure = float(out[-1].split(":")[1])
    assert 30.0 < figure <= 100.0


def test_clusters_cover_every_gold_mention_once(data_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    docs = load_corpus(data_dir / "ecbplus", "37")
    parsed = ecb_entities.parse_documents(docs, nlp)
    clusters = ecb_entities.cluster_storyline(parsed)
    ids = [m for c in clusters for m in c]
    gold = {m.id for m in ecb_entities.entity_mentions(docs)}
    assert len(ids) == len(set(ids)) and set(ids) == gold
    # surname and full-name mentions of one person end up together at least once
    texts = {m.id: m.text for m in ecb_entities.entity_mentions(docs)}
    assert any(len({texts[i] for i in c}) >= 3 for c in clusters)


def test_bad_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ecb_entities.main(tmp_path, topics="36") == 2
    assert "error" in capsys.readouterr().err
