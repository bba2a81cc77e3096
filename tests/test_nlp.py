"""Sentence boundaries the pipeline enforces on the parser (texts written for the test)."""

from __future__ import annotations

from storyline.nlp import load_nlp


def test_a_paragraph_starts_a_sentence_and_its_first_word_is_never_one_alone() -> None:
    nlp = load_nlp()
    doc = nlp("The board said that a vote was likely.\n\nWho said what\n\nBrannock said Thursday that she "
              "would vote against it. But on Friday she said no.\n\nAdvertisement\n\nThe vote is on Monday.")
    sents = [s.text.strip() for s in doc.sents]
    assert "Brannock said Thursday that she would vote against it." in sents
    assert "Who said what" in sents and "Advertisement" in sents
    assert not any(len(s.split()) == 1 and s not in ("Advertisement",) for s in sents)
