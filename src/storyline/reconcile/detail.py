"""Minor details: a dated happening one article tells in passing is background, by a learned model.

A story's coverage dates many small things once each ("hospitals ran on generators on Thursday",
"the ferry operator suspended crossings from noon"): on the timeline they bury the happenings an
analyst lists. Whether a once-told happening is one of those is learned from the gold timelines
of annotated stories (``scripts/train_timeline.py``: logistic regression, stories held out one at a
time to choose the threshold), not set by hand: the features say where and how the article tells
it (how deep in the article, attributed, hedged, typed, with figures or participants, dated how
long before the article was written) and the salience the timeline gave it. Happenings told by
two articles or more are never demoted. The coefficients are data: ``data/timeline_model.json``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storyline.model import Article, Claim, Event
from storyline.reconcile.logistic import Model, load, probability

#: The features, in the model's order (the training script reads this tuple).
FEATURES = (
    "bias", "log_sentence", "relative_position", "attributed", "log_claims", "has_figures", "typed",
    "no_lag", "lag_at_most_1_day", "lag_over_7_days", "hedged", "has_participants", "salience",
)  # fmt: skip
#: The placement note of a demoted happening (the training script recognises it by this start).
MINOR = "a minor detail"


def model() -> Model:
    """The shipped coefficients, ``data/timeline_model.json``."""
    return load("timeline_model.json")


def features(event: Event, claims: dict[str, Claim], published: dict[str, str | None],
             sentences: Counter[str]) -> list[float] | None:
    """The model's inputs for one event (None when it has no claim): ``published`` is each
    article's earliest writing day, ``sentences`` the number of sentence claims per article."""
    told = [claims[c] for c in event.claim_ids if c in claims]
    if not told:
        return None
    first = told[0]
    value = event.time.value or ""
    written = published.get(first.article_id)
    lag = None
    if written and len(value) >= 10 and value[:4].isdigit():
        try:
            lag = (date.fromisoformat(written[:10]) - date.fromisoformat(value[:10])).days
        except ValueError:
            lag = None
    return [
        1.0,
        math.log1p(first.sentence),
        first.sentence / max(sentences[first.article_id], 1),
        float(bool(first.attribution)),
        math.log(len(told)),
        float(bool(first.quantities)),
        float(event.event_type not in (None, "OTHER")),
        float(lag is None),
        float(lag is not None and lag <= 1),
        float(lag is not None and lag > 7),
        float(bool(first.hedged)),
        float(bool(event.participants)),
        event.salience,
    ]


def demote_minor_details(events: list[Event], claims: Sequence[Claim], articles: Sequence[Article]) -> list[Event]:
    """``events`` with each once-told timeline happening the model finds minor moved to the
    background (its placement says why and with what probability), timeline first as before."""
    m = model()
    by_id = {c.id: c for c in claims}
    published = {a.id: a.published.earliest for a in articles}
    sentences = Counter(c.article_id for c in claims if c.parent is None)
    out = []
    for e in events:
        if e.timeline and len(e.article_ids) == 1 and (x := features(e, by_id, published, sentences)) is not None:
            p = probability(x, m)
            if p < m.threshold:
                e = replace(e, timeline=False, placement=f"{MINOR}: told once, in passing (p={p:.2f} < {m.threshold:.2f})")
        out.append(e)
    return sorted(out, key=lambda e: not e.timeline)  # stable: the timeline's order stands
