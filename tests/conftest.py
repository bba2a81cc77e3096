"""Fixtures every test area shares: the seed articles, the shared data, the real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    return DATA


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.nlp import load_nlp

    return load_nlp()
