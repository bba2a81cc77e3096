"""The pairwise model: standardised features into an average of small MLPs, loaded from JSON.

Run time needs numpy only; the networks are trained by ``scripts/train_coref.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storyline.reconcile.coref.features import FEATURES, Lexicon, pair_feature_matrix, pair_features
from storyline.reconcile.coref.mention import CorefMention

MODEL_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "coref_model.json"


Net = tuple[tuple[np.ndarray, np.ndarray], ...]


@dataclass(frozen=True)
class Model:
    """Standardisation, then an average over a few small networks (dense layers with tanh
    between them and a logistic output; trained from different seeds, so that the clustering
    threshold does not ride on one seed's quirks)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    nets: tuple[Net, ...]
    threshold: float
    info: dict[str, Any]
    lexicon: Lexicon | None = None

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        out = np.zeros(z.shape[0])
        for net in self.nets:
            h = z
            for i, (w, b) in enumerate(net):
                h = h @ w + b
                if i < len(net) - 1:
                    h = np.tanh(h)
            out += 1.0 / (1.0 + np.exp(-h[:, 0]))
        return out / len(self.nets)

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "nets": [[{"w": np.round(w, 6).tolist(), "b": np.round(b, 6).tolist()} for w, b in net] for net in self.nets],
            "threshold": self.threshold,
            "info": self.info,
            "lexicon": {k: list(v) for k, v in sorted((self.lexicon.pairs if self.lexicon else {}).items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            tuple(
                tuple(
                    (np.asarray(layer["w"], dtype=np.float64), np.asarray(layer["b"], dtype=np.float64))
                    for layer in net
                )
                for net in data["nets"]
            ),
            float(data["threshold"]),
            dict(data.get("info", {})),
            Lexicon.from_pairs({k: (int(v[0]), int(v[1])) for k, v in data.get("lexicon", {}).items()}),
        )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The shipped model; its feature list must be the one this module computes."""
    model = Model.from_json(json.loads(path.read_text(encoding="utf-8")))
    if model.features != FEATURES:
        raise ValueError(f"{path}: trained on features {model.features}, this code computes {FEATURES}")
    return model


@lru_cache(maxsize=1)
def shipped_threshold() -> float:
    """The shipped model's threshold, read with the model itself (parsed once per process, and
    only when a run compares mentions: a one-article run never does, and parsing it at import
    was 50 ms of every start)."""
    try:
        return load_model(MODEL_PATH).threshold
    except (OSError, ValueError, KeyError):
        return 0.5  # no model shipped yet (while training the first one)


def __getattr__(name: str) -> float:
    """``THRESHOLD``, read on first use (see :func:`shipped_threshold`)."""
    if name == "THRESHOLD":
        return shipped_threshold()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pair_probability(a: CorefMention, b: CorefMention) -> float:
    """P(a and b mention the same happening) under the shipped model."""
    model = load_model()
    return float(model.probabilities(pair_features(a, b, model.lexicon))[0])


def pair_probabilities(
    mentions: Sequence[CorefMention], pairs: Sequence[tuple[int, int]], model: Model | None = None
) -> np.ndarray:
    """Probabilities of many pairs in one matrix pass."""
    if not pairs:
        return np.zeros(0)
    model = model or load_model()
    x = pair_feature_matrix(mentions, pairs, model.lexicon)
    return model.probabilities(x)
