"""Cased scans over lowered text find what the ignore-case patterns find (``storyline.lowered``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = ["left", "Left", "LEFT", "Paris", "signed", "SIGNS", "killed", "arrived in", "ſigned", "\u212ailled",
         "ıt", "İn", "were loaded onto", "met", "visited", "2024", "the", ",", " ", "\n"]


@given(st.lists(st.sampled_from(WORDS), max_size=30))
@settings(max_examples=300, deadline=None)
def test_frame_triggers_are_the_ignore_case_ones(words: list[str]) -> None:
    """Same offsets and families, also where the pattern reads a capital cased ("left Paris")."""
    from storyline.reconcile.frames import _TRIGGER, _TRIGGERS

    text = " ".join(words)
    assert [(m.span(), m.lastgroup) for m in _TRIGGERS.finditer(text)] == [
        (m.span(), m.lastgroup) for m in _TRIGGER.finditer(text)]
