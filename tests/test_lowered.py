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
    from storyline.reconcile.triggers import _TRIGGER, _TRIGGERS

    text = " ".join(words)
    assert [(m.span(), m.lastgroup) for m in _TRIGGERS.finditer(text)] == [
        (m.span(), m.lastgroup) for m in _TRIGGER.finditer(text)]


QUANTITY_WORDS = ["About", "ABOUT", "more than", "Some", "2,000", "3", "-", "to", "Twenty", "THOUSAND", "thouſand",
                  "hundreds", "Hundreds", "of", "Tens", "Millions", "a Few", "Dozen", "one", "Ten", "often", "%",
                  "$", "5bn", "2.5M", "or so", "more", "İn", "\u212a", "troops", ",", ".", "\n"]


@given(st.lists(st.sampled_from(QUANTITY_WORDS), max_size=25))
@settings(max_examples=300, deadline=None)
def test_quantity_scan_finds_the_ignore_case_matches(words: list[str]) -> None:
    """The lowered scan and the match taken again on the text give ``QUANTITY_RE.finditer``'s
    matches, groups and all; a text the pre-check turns away holds none."""
    from storyline.extract.numbers import QUANTITY_RE, _may_hold_quantity, _quantity_matches

    text = " ".join(words)
    expected = [(m.span(), m.groupdict()) for m in QUANTITY_RE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _quantity_matches(text)] == expected
    assert _may_hold_quantity(text) or not expected


TIME_WORDS = ["May", "may", "MAY", "March", "march", "Monday", "mon.", "Mon.", "3", "2024", "the", "day", "after",
              "two", "days", "later", "ago", "last", "week", "at", "10", "a.m.", "AM", "GMT", "gmt", "Christmas",
              "christmas", "every", "Friday", "fridays", "on", "Fridays", "year", "ended", "To", "June", "İ", "ſ",
              "\u212a", "shelling", "quarter", ",", ".", "\n", "x" * 60]


@given(st.lists(st.sampled_from(TIME_WORDS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_time_rules_over_the_lowered_text_find_the_ignore_case_candidates(words: list[str]) -> None:
    """Rules run cased over the lowered text, and only over the windows holding their words, find
    what every rule the text's words allow finds ignoring case over every trigger window."""
    from storyline.time.grammar import PRIORITY, Candidate, _rules_for, _windows, find_candidates

    text = " ".join(words)
    windows = _windows(text)
    if sum(e - s for s, e in windows) > 0.8 * len(text):
        windows = [(0, len(text))]
    expected: set[Candidate] = set()
    for name, rx in _rules_for(text):
        for ws, we in windows:
            for m in rx.finditer(text, ws, we):
                s, e = m.span()
                while e > s and text[e - 1] in " ,-":
                    e -= 1
                if e > s:
                    expected.add(Candidate(s, e, name, text[s:e]))
    ordered = sorted(expected, key=lambda c: (-(c.end - c.start), PRIORITY[c.rule], c.start))
    assert find_candidates(text) == ordered
