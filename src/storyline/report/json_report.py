"""The JSON report: the contract in ../shared/eval/README.md, plus every other field we know.

The contract fields come first and keep their exact shapes (teasers are a list of headline
strings, spans are lists, missing values are ``null``); richer detail (entities, sources, removed
parts, highlights, evidence spans) is added beside them so that consumers of the contract never
see a shape change.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any

from storyline.model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Event,
    PublishedDate,
    Quantity,
    Report,
    SourceProfile,
    TimeExpr,
)

SCHEMA_VERSION = 1


def _published(p: PublishedDate | None) -> dict[str, Any]:
    p = p or PublishedDate()
    return {"value": p.value, "source": p.source, "earliest": p.earliest, "latest": p.latest, "note": p.note}


def article_to_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "url": a.url,
        "title": a.title,
        "teasers": [t.headline for t in a.teasers],
        "body": a.body,
        "published": _published(a.published),
        "author": a.author,
        "site": a.site,
        "format": a.format,
        "raw_title": a.raw_title,
        "content_hash": a.content_hash,
        "teaser_details": [{"headline": t.headline, "summary": t.summary} for t in a.teasers],
        "highlights": list(a.highlights),
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in a.removed],
    }


def time_to_json(t: TimeExpr | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "text": t.text,
        "value": t.value,
        "earliest": t.earliest,
        "latest": t.latest,
        "type": t.type,
        "start": t.start,
        "end": t.end,
        "mod": t.mod,
        "anchor": t.anchor,
        "anchor_kind": t.anchor_kind,
    }


def quantity_to_json(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "approximate": q.approximate,
        "increment": q.increment,
        "start": q.start,
        "end": q.end,
        "out_of_range": q.out_of_range,
        "qualifier": q.qualifier,
    }


def claim_to_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "text": c.text,
        "span": [c.span[0], c.span[1]],
        "time": time_to_json(c.time),
        "place": c.place,
        "quantities": [quantity_to_json(q) for q in c.quantities],
        "attribution": c.attribution,
        "hedged": c.hedged,
        "negated": c.negated,
        "event_type": c.event_type,
        "sentence": c.sentence,
        "predicate": c.predicate,
        "agents": list(c.agents),
        "patients": list(c.patients),
        "modality": c.modality,
        "section": c.section,
        "checkworthiness": c.checkworthiness,
        "entity_ids": list(c.entity_ids),
        "trigger": list(c.trigger) if c.trigger is not None else None,
        "parent": c.parent,
    }


def event_to_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "label": e.label,
        "time": {
            "value": e.time.value,
            "earliest": e.time.earliest,
            "latest": e.time.latest,
            "evidence": e.time.evidence,
        },
        "claim_ids": list(e.claim_ids),
        "article_ids": list(e.article_ids),
        "event_type": e.event_type,
        "place": e.place,
        "participants": list(e.participants),
        "timeline": e.timeline,
        "salience": e.salience,
        "placement": e.placement,
    }


def _value_to_json(v: ConflictValue) -> dict[str, Any]:
    return {
        "value": v.value,
        "article_ids": list(v.article_ids),
        "claim_ids": list(v.claim_ids),
        "texts": list(v.texts),
        "sources": list(v.sources),
        "spans": [[s, e] for s, e in v.spans],
    }


def conflict_to_json(c: Conflict) -> dict[str, Any]:
    return {
        "id": c.id,
        "event_id": c.event_id,
        "slot": c.slot,
        "kind": c.kind,
        "values": [_value_to_json(v) for v in c.values],
        "best_supported": c.best_supported,
        "explanation": c.explanation,
    }


def entity_to_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": list(e.aliases),
        "country": e.country,
        "geonames_id": e.geonames_id,
    }


def source_to_json(s: SourceProfile) -> dict[str, Any]:
    return {
        "article_id": s.article_id,
        "outlet": s.outlet,
        "claims": s.claims,
        "conflicts_with_consensus": s.conflicts_with_consensus,
        "attribution_rate": s.attribution_rate,
        "sensational_signals": list(s.sensational_signals),
    }


def _strict(value: Any) -> Any:
    """Strict JSON: a non-finite float (which ``json`` writes as the invalid ``Infinity``/``NaN``)
    becomes null; the quantity grammar already keeps out-of-range figures as flagged text."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strict(v) for v in value]
    return value


_PARTS: tuple[tuple[str, Callable[[Any], dict[str, Any]]], ...] = ()  # set below, after the converters


def report_json_chunks(report: Report) -> Iterator[str]:
    """``json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"`` in pieces, one
    item at a time: the text is the same, but neither the whole dict tree nor the whole text is
    ever held (on 1,000 articles they were some 380 MB at once, the peak of ``storyline analyze``)."""
    def dumps(value: Any, depth: int) -> str:
        return json.dumps(_strict(value), ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)

    yield "{\n  " + dumps("schema_version", 1) + ": " + dumps(SCHEMA_VERSION, 1)
    for name, convert in _PARTS:
        items = getattr(report, name)
        yield ",\n  " + dumps(name, 1) + ": ["
        if not items:
            yield "]"
            continue
        for i, item in enumerate(items):
            yield ("\n    " if i == 0 else ",\n    ") + dumps(convert(item), 2)
        yield "\n  ]"
    yield "\n}\n"


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict following the shared contract (plus extra fields)."""
    return _strict({
        "schema_version": SCHEMA_VERSION,
        "articles": [article_to_json(a) for a in report.articles],
        "claims": [claim_to_json(c) for c in report.claims],
        "events": [event_to_json(e) for e in report.events],
        "conflicts": [conflict_to_json(c) for c in report.conflicts],
        "entities": [entity_to_json(e) for e in report.entities],
        "sources": [source_to_json(s) for s in report.sources],
    })


_PARTS = (("articles", article_to_json), ("claims", claim_to_json), ("events", event_to_json),
          ("conflicts", conflict_to_json), ("entities", entity_to_json), ("sources", source_to_json))
