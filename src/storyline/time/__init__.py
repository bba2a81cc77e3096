"""Time: find English time expressions, normalise them to TIMEX3, and date the document.

Public API:
- :func:`analyze_times` dates a parsed article and tags its time expressions (offsets into
  ``doc.text``), resolving relative ones only against an anchor that can be trusted;
- :func:`tag_text` tags a text against a trusted creation time (the TimeML evaluation);
- :func:`interval` and :func:`compatible` are the interval logic reconciliation compares with.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from storyline.model import PublishedDate, TimeExpr
from storyline.time.docdate import anchor_of, bound_dateline, dateline_is_safe, infer_published
from storyline.time.resolve import Anchor
from storyline.time.tagger import Tagged, select, tag_doc
from storyline.time.values import compatible, interval, precision

__all__ = ["analyze_times", "compatible", "interval", "precision", "tag_doc", "tag_text"]


def analyze_times(doc: Doc, published: PublishedDate, text: str | None = None) -> tuple[PublishedDate, list[TimeExpr]]:
    """Date the document, then tag and resolve its time expressions.

    A metadata date anchors everything. A dateline anchors only when the text agrees with it (see
    :mod:`storyline.time.docdate`); otherwise relative expressions stay underspecified (``XXXX``)
    and the dateline only bounds the writing date from above. Without a date, a range is inferred
    from the text and its year (when the text supports one) anchors year-level expressions.
    ``text`` is ``doc.text`` when the caller has it (the article body), not rebuilt from the tokens.
    """
    published = published or PublishedDate()
    selection = select(doc, text)
    if published.source == "metadata" and published.value:
        anchor = anchor_of(published)
        tagged = tag_doc(doc, anchor, selection)
        if published.earliest is None and anchor is not None:
            lo, hi = interval(anchor.value)
            published = replace(published, earliest=lo, latest=hi)
        return published, [t.expr for t in tagged]
    bare: list[Tagged] = tag_doc(doc, None, selection)
    if published.source == "dateline" and published.value:
        if dateline_is_safe(published, bare):
            tagged = tag_doc(doc, anchor_of(published), selection)
            return bound_dateline(published, bare), [t.expr for t in tagged]
        return bound_dateline(published, bare), [t.expr for t in bare]
    inferred = infer_published(bare)
    if inferred.value is None or published.month_day:
        # a year-less dateline's day ("QUARNFELL, Oct. 8") stays beside the bounds the text gives;
        # a writing year assumed from the text's latest date is no evidence beside it (the
        # story's other pages give the year: reconcile)
        if inferred.source and inferred.value is not None:
            kept_notes = [n for n in (inferred.note or "").split("; ") if not n.startswith("writing year assumed")]
            inferred = replace(inferred, value=None, note="; ".join(
                [*kept_notes, "writing year not assumed beside the dateline's day (the story's dated pages give it)"]))
        kept = replace(inferred, month_day=published.month_day) if inferred.source else published
        return kept, [t.expr for t in bare]
    tagged = tag_doc(doc, Anchor(int(inferred.value[:4])), selection)
    return inferred, [t.expr for t in tagged]


def tag_text(text: str, dct: str | None, nlp: Language | None = None) -> list[TimeExpr]:
    """Time expressions of ``text`` resolved against a trusted creation time ``dct`` (or none)."""
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    doc = nlp(text)
    return [t.expr for t in tag_doc(doc, Anchor.parse(dct[:10]) if dct else None)]
