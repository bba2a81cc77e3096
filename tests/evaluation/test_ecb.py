from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from storyline.evaluation import ecb


@pytest.fixture(scope="module")
def ecb_dir(data_dir: Path) -> Path:
    path = data_dir / "ecbplus"
    if not (path / "ECB+").is_dir():
        pytest.skip("ECB+ is not unpacked in ../shared/data/ecbplus")
    return path


def test_parse_topics() -> None:
    assert ecb.parse_topics("36-38,40") == (36, 37, 38, 40)
    assert ecb.parse_topics(None) == tuple(range(36, 46))
    with pytest.raises(ValueError, match="bad topic list"):
        ecb.parse_topics("36-x")


def test_reader_restricts_to_selected_sentences(ecb_dir: Path) -> None:
    docs = ecb.load_corpus(ecb_dir, "36")
    selected = ecb.read_selected_sentences(ecb_dir / "ECBplus_coreference_sentences.csv")
    assert docs and all(d.topic == 36 for d in docs)
    assert {d.subtopic for d in docs} == {"ecb", "ecbplus"}
    for d in docs:
        assert {m.sentence for m in d.mentions} <= selected.get(d.name, set())
    full = ecb.load_corpus(ecb_dir, "36", selected_only=False)
    assert sum(len(d.mentions) for d in full) > sum(len(d.mentions) for d in docs)


def test_mentions_carry_types_text_and_cross_document_chains(ecb_dir: Path) -> None:
    docs = ecb.load_corpus(ecb_dir, "36")
    mentions = [m for d in docs for m in d.mentions]
    cats = Counter(m.category for m in mentions)
    assert cats["ACTION"] > 0 and cats["HUMAN"] > 0 and cats["LOC"] > 0 and cats["TIME"] > 0
    for m in mentions[:50]:
        doc = next(d for d in docs if d.name == m.doc)
        words = doc.sentence_text(m.sentence).split(" ")
        assert all(w in words for w in m.text.split(" "))
    docs_of_chain: dict[str, set[str]] = {}
    for m in mentions:
        docs_of_chain.setdefault(m.chain, set()).add(m.doc)
    assert any(len(v) > 1 for v in docs_of_chain.values())  # cross-document chains exist
    assert len({m.id for m in mentions}) == len(mentions)


def test_main_prints_scores_and_conll_last(ecb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ecb.main(ecb_dir, topics="36") == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert any("within gold subtopics" in line for line in out)
    assert any("within whole gold topics" in line for line in out)
    assert any(line.startswith("learned model CoNLL F1 within subtopics") for line in out)
    assert any(line.strip().startswith("MUC") for line in out)
    m = re.fullmatch(r"CoNLL F1: (\d+\.\d)", out[-1])
    assert m and 0 < float(m.group(1)) <= 100


def test_main_reports_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ecb.main(tmp_path) == 2
    assert "ECBplus_coreference_sentences.csv not found" in capsys.readouterr().err
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text("Topic,File,Sentence Number\n", encoding="utf-8")
    (tmp_path / "ECB+").mkdir()
    assert ecb.main(tmp_path, topics="36-45") == 2
    assert "no topic folder of 36-45" in capsys.readouterr().err


def test_shipped_model_beats_the_same_lemma_baseline_on_dev_topics(ecb_dir: Path) -> None:
    """A slice of the dev topics (where the threshold was chosen; the test topics stay unseen)."""
    docs = ecb.load_corpus(ecb_dir, "2,5,12,18")
    scores = ecb.evaluate(docs)
    for scope in ("subtopic", "topic"):
        learned = scores[scope][ecb.MODEL_NAME].conll_f1
        assert learned > scores[scope]["same-lemma baseline"].conll_f1 + 0.01, scope


def test_ecb_mentions_get_pipeline_features(ecb_dir: Path) -> None:
    docs = ecb.load_corpus(ecb_dir, "1")
    parsed = ecb.parse_sentences(docs)
    mentions = ecb.event_mentions(docs, parsed)
    corefs = ecb.coref_mentions(docs, mentions, parsed)
    assert len(corefs) == len(mentions) > 100
    assert all(c.vector is not None and c.context is not None for c in corefs)
    assert sum(bool(c.participants) for c in corefs) > len(corefs) / 2
    assert sum(bool(c.places) for c in corefs) > 10
    assert {c.pos for c in corefs} >= {"VERB", "NOUN"}
