"""The learned event coreference model (storyline.reconcile.coref) and its static embeddings."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from storyline.extract import embed
from storyline.reconcile import coref
from storyline.reconcile.coref import CorefMention


def _m(id: str, lemma: str, sentence: str, doc: str = "d1", pos: str = "VERB", **kw: Any) -> CorefMention:
    return CorefMention(
        id=id,
        doc=doc,
        lemma=lemma,
        pos=pos,
        text=lemma,
        sentence=sentence,
        vector=embed.word_vector(lemma),
        context=embed.embed([sentence])[0],
        **kw,
    )


def test_static_embeddings_are_unit_offline_and_semantic() -> None:
    vecs = embed.embed(["The earthquake hit the coast.", "A quake struck the shore.", "The team won the final.", ""])
    assert vecs.shape == (4, embed.dim())
    assert np.allclose(np.linalg.norm(vecs[:3], axis=1), 1.0, atol=1e-5)
    assert not vecs[3].any()
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    shoot, shot, elect = (embed.word_vector(w) for w in ("shooting", "shot", "election"))
    assert shoot @ shot > shoot @ elect + 0.3


def test_basic_tokens_follow_minilm_tokenizer() -> None:
    assert embed.basic_tokens("Café-owner's U.S. deal!") == ["cafe", "-", "owner", "'", "s", "u", ".", "s", ".", "deal", "!"]


def test_pair_features_lexical_sets_and_time() -> None:
    a = _m("a", "arrest", "Police arrested Smith in Paris in 2008.", participants=frozenset({"smith"}),
           places=frozenset({"paris"}), interval=("2008-01-01", "2008-12-31"), arguments=frozenset({"smith"}))
    b = _m("b", "arrest", "Smith was arrested in Paris.", doc="d2", participants=frozenset({"smith", "police"}),
           places=frozenset({"paris"}), interval=("2008-03-01", "2008-03-01"), arguments=frozenset({"smith"}))
    c = _m("c", "arrest", "Jones was arrested in Lyon in 2011.", doc="d3", participants=frozenset({"jones"}),
           places=frozenset({"lyon"}), interval=("2011-01-01", "2011-12-31"), arguments=frozenset({"jones"}))
    f = dict(zip(coref.FEATURES, coref.pair_features(a, b), strict=True))
    assert f["same_lemma"] == f["same_stem"] == 1.0
    assert f["participants_jaccard"] == 0.5 and f["participants_shared"] == 1.0 and f["arguments_shared"] == 1.0
    assert f["places_shared"] == 1.0 and f["time_compatible"] == 1.0 and f["same_doc"] == 0.0
    g = dict(zip(coref.FEATURES, coref.pair_features(a, c), strict=True))
    assert g["participants_disjoint"] == g["places_disjoint"] == g["time_incompatible"] == 1.0
    assert coref.pair_probability(a, b) > coref.pair_probability(a, c)
    assert np.allclose(coref.pair_features(a, b), coref.pair_features(b, a))
    assert coref.lemma_key("election") == coref.lemma_key("elect")


def test_average_link_merges_by_mean_and_leaves_unscored_apart() -> None:
    scored = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.1, (3, 4): 0.3}
    # {0,1} first; then {0,1}-2 has mean (0.1 + 0.8) / 2 = 0.45 < 0.5: stays apart
    assert coref.average_link(5, scored, 0.5) == [0, 0, 1, 2, 3]
    assert coref.average_link(5, scored, 0.4) == [0, 0, 0, 1, 2]
    assert coref.average_link(5, scored, 0.25) == [0, 0, 0, 1, 1]
    assert coref.average_link(0, {}, 0.5) == []


def test_blocking_finds_synonyms_without_all_pairs() -> None:
    words = ["quake", "earthquake", "quake", "election", "vote", "shooting", "shot"] + [f"w{i}" for i in range(30)]
    ms = [_m(str(i), w, f"Something about {w}.") for i, w in enumerate(words)]
    pairs = set(coref.candidate_pairs(ms, neighbours=3))
    assert (0, 2) in pairs and (0, 1) in pairs and (5, 6) in pairs
    assert len(pairs) < len(ms) * (len(ms) - 1) // 2 // 2


def test_cluster_groups_one_story(nlp: Any) -> None:
    texts = [
        ("d1", "A powerful earthquake struck northern Peru on Tuesday, killing 12 people."),
        ("d2", "The quake hit northern Peru on Tuesday and killed at least 12 people."),
        ("d3", "Voters in Chile went to the polls on Sunday in a tight presidential election."),
    ]
    mentions: list[CorefMention] = []
    for doc_id, text in texts:
        sent = next(iter(nlp(text).sents))
        for t in sent:
            if t.lemma_ in ("earthquake", "quake", "kill", "election"):
                mentions.append(coref.mention_from_span(t, sent, id=f"{doc_id}/{t.i}", doc=doc_id))
    by = {m.id.split("/")[0] + ":" + m.lemma: i for i, m in enumerate(mentions)}
    assert "peru" in mentions[by["d1:kill"]].places
    labels = coref.cluster(mentions)
    assert labels[by["d1:earthquake"]] == labels[by["d2:quake"]]
    assert labels[by["d1:kill"]] == labels[by["d2:kill"]]
    assert labels[by["d3:election"]] not in {labels[by["d1:earthquake"]], labels[by["d1:kill"]]}
    assert coref.cluster([]) == []


def test_mention_from_span_reads_arguments_entities_and_places(nlp: Any) -> None:
    sent = next(iter(nlp("Police arrested Marcus Delaney in Toronto after the robbery.").sents))
    trigger = next(t for t in sent if t.lemma_ == "arrest")
    m = coref.mention_from_span(trigger, sent, id="x", doc="d")
    assert {"police", "delaney"} <= m.arguments
    assert "delaney" in m.participants and "toronto" in m.places
    assert m.vector is not None and abs(float(np.linalg.norm(m.vector)) - 1) < 1e-5
    assert m.lemma == "arrest" and m.pos == "VERB"


def test_shipped_model_loads_with_numpy_only() -> None:
    model = coref.load_model()
    assert model.features == coref.FEATURES
    assert 0.0 < coref.THRESHOLD < 1.0 and model.threshold == coref.THRESHOLD
    assert "chosen_on" in model.info and "dev" in model.info["chosen_on"]


@pytest.mark.parametrize("bad", ["features"])
def test_model_rejects_a_feature_mismatch(tmp_path: Any, bad: str) -> None:
    import json

    data = json.loads(coref.MODEL_PATH.read_text(encoding="utf-8"))
    data[bad] = data[bad][:-1]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="trained on features"):
        coref.load_model.__wrapped__(path)


def test_entities_by_sentence_matches_span_ents(nlp: Any) -> None:
    doc = nlp("Police in Toronto arrested Marcus Delaney. Later, officials in Ottawa charged him.")
    entities = coref.entities_by_sentence(doc)
    for sent in doc.sents:
        assert [e.text for e in entities[sent.start]] == [e.text for e in sent.ents]
        trigger = next(t for t in sent if t.pos_ == "VERB")
        shared = coref.mention_from_span(trigger, sent, id="a", doc="d", entities=entities[sent.start])
        own = coref.mention_from_span(trigger, sent, id="a", doc="d")
        assert (shared.participants, shared.places) == (own.participants, own.places)


def test_feature_matrix_matches_single_pairs_and_cluster_is_order_free() -> None:
    ms = [
        _m("a", "quake", "A quake hit Peru.", places=frozenset({"peru"}), arguments=frozenset({"peru"})),
        _m("b", "earthquake", "The earthquake struck Peru.", doc="d2", places=frozenset({"peru"})),
        _m("c", "vote", "Chile votes.", doc="d3", participants=frozenset({"chile"}), arguments=frozenset({"chile"})),
    ]
    pairs = [(0, 1), (0, 2), (1, 2)]
    lex = coref.load_model().lexicon
    matrix = coref.pair_feature_matrix(ms, pairs, lex)
    for row, (i, j) in zip(matrix, pairs, strict=True):
        assert np.allclose(row, coref.pair_features(ms[i], ms[j], lex))
    labels = coref.cluster(ms)
    reordered = coref.cluster([ms[2], ms[0], ms[1]])
    assert (labels[0] == labels[1]) == (reordered[1] == reordered[2])


def test_package_reexports_its_modules_public_names() -> None:
    """Callers import from ``storyline.reconcile.coref``; the split modules must stay behind it."""
    from storyline.reconcile.coref import clustering, features, mention, model

    for module in (mention, features, model, clustering):
        for name in dir(module):
            obj = getattr(module, name)
            if not name.startswith("_") and callable(obj) and getattr(obj, "__module__", "") == module.__name__:
                assert getattr(coref, name) is obj, f"{module.__name__}.{name} is not re-exported"
    assert coref.FEATURES is features.FEATURES and coref.THRESHOLD == model.THRESHOLD
    assert set(coref.__all__) <= set(dir(coref))
    assert coref.MODEL_PATH.is_file() and coref.MODEL_PATH.name == "coref_model.json"
