"""Long bodies are parsed in paragraph-aligned pieces and joined back into one Doc: the text and
every offset stay the original's, so claims' spans still index the body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import nlp as nlp_module
from storyline.extract import analyze_articles
from storyline.model import Article, content_hash
from storyline.nlp import chunks, parse


@given(text=st.text(alphabet=st.sampled_from("ab \n"), max_size=400), size=st.integers(1, 60))
@settings(max_examples=300, deadline=None)
def test_pieces_join_back_and_keep_their_size(text: str, size: int) -> None:
    pieces = chunks(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert all(p.endswith(("\n", " ")) for p in pieces[:-1] if "\n" in p or " " in p)  # cut after a break


def test_a_long_body_parsed_in_pieces_is_the_same_text(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 300)
    body = "".join(f"In meeting {i} the harbour council voted on Tuesday to close pier {i}, officials said.\n\n"
                   for i in range(40))
    doc, short = list(parse(nlp, [body, "A short one."]))
    assert doc.text == body and short.text == "A short one."
    assert len(chunks(body)) > 10
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    mains = [c for c in analysis.claims if c.parent is None]
    assert len(mains) == 40
    for c in analysis.claims:
        assert body[c.span[0]:c.span[1]] == c.text
    assert all(c.time is not None and c.time.text == "Tuesday" for c in mains)
