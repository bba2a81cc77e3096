"""The small logistic models of the timeline (``detail``: minor details; ``sameday``: one
happening told as several events of a day): their shipped coefficients, read once, and their
probability; ``fit`` is what the training scripts (``scripts/train_timeline.py``,
``scripts/train_sameday.py``) share. Full-batch gradient descent, L2 on every weight but the bias,
features standardised: deterministic, numpy only."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np


@dataclass(frozen=True)
class Model:
    """Shipped coefficients (a ``data/*.json`` file, which also records how they were measured):
    the features' names, weights (bias first), standardisation and threshold."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float


@cache
def load(name: str) -> Model:
    """The model of ``storyline/data/<name>``."""
    raw = json.loads(resources.files("storyline").joinpath(f"data/{name}").read_text())
    def floats(key: str) -> tuple[float, ...]:
        return tuple(float(v) for v in raw[key])
    return Model(tuple(raw["features"]), floats("weights"), floats("mean"), floats("scale"), float(raw["threshold"]))


def probability(x: Sequence[float], m: Model) -> float:
    """P(positive) for one input row (bias first, the rest standardised by the model)."""
    z = m.weights[0] * x[0] + sum(w * (v - mu) / s for w, v, mu, s in zip(m.weights[1:], x[1:], m.mean, m.scale,
                                                                          strict=True))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-2, steps: int = 3000, rate: float = 0.1
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(weights, mean, scale) fitted on rows ``x`` (bias column first) and labels ``y`` in {0, 1}."""
    mean, std = x[:, 1:].mean(0), x[:, 1:].std(0)
    scale = np.where(std < 1e-6, 1.0, std)  # a feature constant in training carries no weight
    z = np.hstack([x[:, :1], (x[:, 1:] - mean) / scale])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]])
    return w, mean, scale


def as_model(fitted: tuple[np.ndarray, np.ndarray, np.ndarray], features: Sequence[str], threshold: float) -> Model:
    w, mean, scale = fitted
    return Model(tuple(features), tuple(map(float, w)), tuple(map(float, mean)), tuple(map(float, scale)), threshold)
