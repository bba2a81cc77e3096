"""Cross-document entity coreference on ECB+ (`storyline eval ecb DIR --what entities`).

Gold HUMAN and LOC mentions of the test topics (36-45 by default), in the sentences whose
annotation is complete, are clustered within each topic by Storyline's own canonicalisation
(:mod:`storyline.extract.entities`): the NER span under a mention is folded, linked by name
variants (surname to full name, acronym to organisation, gazetteer spelling variants); personal
pronouns go to the latest person named before them in the document; other nominals cluster by
head lemma. Scores are MUC, B-cubed and CEAF-e with their mean (CoNLL F1), next to the usual
same-head-lemma baseline, so the figure can be read against it.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storyline.evaluation.conll import CorefScores, conll
from storyline.evaluation.ecb import Document, Mention, load_corpus
from storyline.extract.entities import RawMention, doc_mentions, resolve

ENTITY_CATEGORIES = ("HUMAN", "LOC")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_PRONOUNS = _PERSON_PRONOUNS | {"they", "them", "their", "it", "its", "who", "whom", "whose", "i", "me", "my",
                                "we", "us", "our", "you", "your", "there", "here", "which", "that"}


@dataclass
class ParsedDoc:
    """An ECB+ document's selected sentences as one text, with token offsets and its parse."""

    document: Document
    text: str
    offsets: dict[int, tuple[int, int]]
    doc: Doc | None = None


def _as_text(document: Document) -> ParsedDoc:
    """Selected sentences only, one per line, tokens joined by spaces (offsets kept per token)."""
    wanted = sorted({m.sentence for m in document.mentions})
    parts: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    pos = 0
    for s in wanted:
        for i, tok in enumerate(document.sentences.get(s, [])):
            if i:
                parts.append(" ")
                pos += 1
            offsets[tok.t_id] = (pos, pos + len(tok.text))
            parts.append(tok.text)
            pos += len(tok.text)
        parts.append("\n")
        pos += 1
    return ParsedDoc(document, "".join(parts), offsets)


def entity_mentions(docs: Sequence[Document]) -> list[Mention]:
    return [m for d in docs for m in d.mentions if m.category in ENTITY_CATEGORIES]


def gold_clusters(mentions: Sequence[Mention]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for m in mentions:
        groups.setdefault(m.chain, set()).add(m.id)
    return list(groups.values())


def _head(parsed: ParsedDoc, m: Mention) -> tuple[int, int, str, str]:
    """(start, end, head lemma, head text) of a gold mention in the parsed text."""
    start = parsed.offsets[m.token_ids[0]][0]
    end = parsed.offsets[m.token_ids[-1]][1]
    assert parsed.doc is not None
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end, m.text.lower(), m.text.lower()
    return start, end, span.root.lemma_.lower(), span.root.lower_


def _modifier(parsed: ParsedDoc, named: tuple[int, int, str, str]) -> bool:
    """Is this named span a possessor or adjective inside a larger phrase ("X's", "Xian")?"""
    assert parsed.doc is not None
    span = parsed.doc.char_span(named[0], named[1], alignment_mode="expand")
    if span is None:
        return True
    return span.root.dep_ in ("poss", "amod") or named[3] == "NORP"


def cluster_head_lemma(parsed: Sequence[ParsedDoc]) -> list[set[str]]:
    """Baseline: mentions of a topic with the same head lemma corefer."""
    groups: dict[tuple[int, str], set[str]] = {}
    for p in parsed:
        for m in p.document.mentions:
            if m.category in ENTITY_CATEGORIES:
                _, _, lemma, _ = _head(p, m)
                groups.setdefault((p.document.topic, lemma), set()).add(m.id)
    return list(groups.values())


def cluster_storyline(parsed: Sequence[ParsedDoc]) -> list[set[str]]:
    """Storyline's canonicalisation, run per topic over the topic's documents."""
    labels: dict[str, str] = {}
    topics = sorted({p.document.topic for p in parsed})
    for topic in topics:
        members = [p for p in parsed if p.document.topic == topic]
        raw: list[RawMention] = []
        for n, p in enumerate(members):
            assert p.doc is not None
            sentence_of = [0] * len(p.doc)
            raw.extend(doc_mentions(p.doc, n, sentence_of))
        ids = resolve(raw)
        named_by_doc: dict[int, list[tuple[int, int, str, str]]] = {}
        for i, r in enumerate(raw):
            named_by_doc.setdefault(r.article, []).append((r.mention.start, r.mention.end, ids[i], r.mention.label))
        by_head: dict[str, Counter[str]] = defaultdict(Counter)
        pending: list[tuple[str, str]] = []
        for n, p in enumerate(members):
            named = sorted(named_by_doc.get(n, []))
            for m in p.document.mentions:
                if m.category not in ENTITY_CATEGORIES:
                    continue
                start, end, lemma, head = _head(p, m)
                overlapping = [x for x in named if x[0] < end and start < x[1]]
                if overlapping:
                    # the name the mention is about, not its owner or nationality: "X's Y province" is Y
                    labels[m.id] = min(overlapping, key=lambda x: (_modifier(p, x), -x[0]))[2]
                    by_head[lemma][labels[m.id]] += 1
                elif head in _PERSON_PRONOUNS:
                    before = [x for x in named if x[1] <= start and x[3] == "PERSON"]
                    labels[m.id] = before[-1][2] if before else f"{topic}/pron/{m.id}"
                elif head in _PRONOUNS:
                    labels[m.id] = f"{topic}/pron/{m.id}"
                else:
                    pending.append((m.id, lemma))
        for mid, lemma in pending:
            # a name the NER missed ("lohan") joins the entity whose named mentions share its head
            named_ids = by_head.get(lemma)
            labels[mid] = named_ids.most_common(1)[0][0] if named_ids else f"{topic}/nominal/{lemma}"
    groups: dict[str, set[str]] = {}
    for mid, label in labels.items():
        groups.setdefault(label, set()).add(mid)
    return list(groups.values())


def parse_documents(docs: Sequence[Document], nlp: Language | None = None) -> list[ParsedDoc]:
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    parsed = [_as_text(d) for d in docs]
    for p, doc in zip(parsed, nlp.pipe(p.text for p in parsed), strict=True):
        p.doc = doc
    return parsed


def evaluate(docs: Sequence[Document], nlp: Language | None = None) -> dict[str, CorefScores]:
    parsed = parse_documents(docs, nlp)
    key = gold_clusters(entity_mentions(docs))
    return {
        "same-head-lemma baseline": conll(key, cluster_head_lemma(parsed)),
        "storyline canonicalisation": conll(key, cluster_storyline(parsed)),
    }


def _lines(name: str, s: CorefScores) -> list[str]:
    rows = [f"{name}:"]
    for label, sc in (("MUC", s.muc), ("B3", s.b_cubed), ("CEAF-e", s.ceaf_e)):
        rows.append(f"  {label:<7} R {sc.recall * 100:5.1f}  P {sc.precision * 100:5.1f}  F1 {sc.f1 * 100:5.1f}")
    rows.append(f"  CoNLL F1 {s.conll_f1 * 100:.1f}")
    return rows


def main(directory: Path | str, *, topics: str | None = None, verbose: bool = False) -> int:
    """Print entity coreference scores on ``topics`` (default 36-45); last line ``CoNLL F1: N``."""
    try:
        docs = load_corpus(directory, topics)
    except (OSError, ValueError, ET.ParseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    mentions = entity_mentions(docs)
    topic_list = sorted({d.topic for d in docs})
    print(f"ECB+ topics {topic_list[0]}-{topic_list[-1]}: {len(docs)} documents, {len(mentions)} gold HUMAN/LOC "
          "mentions (selected sentences only), clustered within each topic, singletons included")
    scores = evaluate(docs)
    for name, s in scores.items():
        print("\n".join(_lines(name, s)))
    if verbose:
        for topic in topic_list:
            sub = [d for d in docs if d.topic == topic]
            per = evaluate(sub)["storyline canonicalisation"]
            print(f"  topic {topic}: {len(entity_mentions(sub))} mentions, CoNLL F1 {per.conll_f1 * 100:.1f}")
    print(f"CoNLL F1: {scores['storyline canonicalisation'].conll_f1 * 100:.1f}")
    return 0
