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
_NEUTER_PRONOUNS = {"it", "its", "itself"}
_RELATIVE_PRONOUNS = {"who", "whom", "whose", "which", "that"}
_PRONOUNS = _PERSON_PRONOUNS | _NEUTER_PRONOUNS | _RELATIVE_PRONOUNS | {
    "they", "them", "their", "themselves", "i", "me", "my", "myself", "we", "us", "our", "ourselves", "you",
    "your", "there", "here"}
_PRONOUN_GROUP = {"them": "they", "their": "they", "themselves": "they", "me": "i", "my": "i", "myself": "i",
                  "us": "we", "our": "we", "ourselves": "we", "your": "you"}


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


def _antecedent_label(parsed: ParsedDoc, start: int, labels: dict[str, str]) -> str | None:
    """A relative pronoun corefers with the noun its clause modifies ("the man who ...")."""
    assert parsed.doc is not None
    span = parsed.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    clause = tok.head
    if clause.dep_ not in ("relcl", "acl") or clause.head.i >= tok.i:
        return None
    noun = clause.head
    for other in parsed.document.mentions:
        if other.id in labels and other.token_ids:
            s0 = parsed.offsets[other.token_ids[0]][0]
            e0 = parsed.offsets[other.token_ids[-1]][1]
            if s0 <= noun.idx < e0:
                return labels[other.id]
    return None


def _head_offset(parsed: ParsedDoc, start: int, end: int) -> int:
    assert parsed.doc is not None
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else start


def _modifier(parsed: ParsedDoc, named: tuple[int, int, str, str]) -> bool:
    """Is this named span a possessor or adjective inside a larger phrase ("X's", "Xian")?"""
    assert parsed.doc is not None
    span = parsed.doc.char_span(named[0], named[1], alignment_mode="expand")
    if span is None:
        return True
    return span.root.dep_ in ("poss", "amod") or named[3] == "NORP"


def cluster_head_lemma(parsed: Sequence[ParsedDoc], within: str = "topic") -> list[set[str]]:
    """Baseline: mentions of a scope with the same head lemma corefer."""
    groups: dict[tuple[str, str], set[str]] = {}
    for p in parsed:
        for m in p.document.mentions:
            if m.category in ENTITY_CATEGORIES:
                _, _, lemma, _ = _head(p, m)
                groups.setdefault((_scope(p.document, within), lemma), set()).add(m.id)
    return list(groups.values())


def _scope(document: Document, within: str) -> str:
    return f"{document.topic}/{document.subtopic}" if within == "subtopic" else str(document.topic)


def cluster_storyline(parsed: Sequence[ParsedDoc], within: str = "topic") -> list[set[str]]:
    """Storyline's canonicalisation, run per scope (gold subtopic or topic) over its documents."""
    labels: dict[str, str] = {}
    scopes = sorted({_scope(p.document, within) for p in parsed})
    for topic in scopes:
        members = [p for p in parsed if _scope(p.document, within) == topic]
        raw: list[RawMention] = []
        for n, p in enumerate(members):
            assert p.doc is not None
            sentence_of = [0] * len(p.doc)
            raw.extend(doc_mentions(p.doc, n, sentence_of))
        ids = {i: f"{topic}|{eid}" for i, eid in resolve(raw).items()}
        named_by_doc: dict[int, list[tuple[int, int, str, str]]] = {}
        by_title: dict[str, Counter[str]] = defaultdict(Counter)
        for i, r in enumerate(raw):
            for title, _, _ in r.title_spans:
                words = title.lower().replace(",", " ").split()
                if words:
                    by_title[words[-1]][ids[i]] += 1
            named_by_doc.setdefault(r.article, []).append((r.mention.start, r.mention.end, ids[i], r.mention.label))
        by_head: dict[str, Counter[str]] = defaultdict(Counter)
        pending: list[tuple[str, str]] = []
        heads: dict[str, str] = {}
        relatives: list[tuple[ParsedDoc, Mention, int]] = []
        for n, p in enumerate(members):
            named = sorted(named_by_doc.get(n, []))
            for m in p.document.mentions:
                if m.category not in ENTITY_CATEGORIES:
                    continue
                start, end, lemma, head = _head(p, m)
                head_at = _head_offset(p, start, end)
                # the name must be the mention's head ("Aceh" in "the province of Aceh"), not a
                # modifier of another head ("Oklahoma" in "an Oklahoma man")
                overlapping = [x for x in named if x[0] <= head_at < x[1]]
                if not overlapping and m.category == "LOC":
                    overlapping = [x for x in named if x[0] < end and start < x[1]]
                if overlapping:
                    # the name the mention is about, not its owner or nationality: "X's Y province" is Y
                    labels[m.id] = min(overlapping, key=lambda x: (_modifier(p, x), -x[0]))[2]
                    by_head[lemma][labels[m.id]] += 1
                elif head in _PERSON_PRONOUNS:
                    before = [x for x in named if x[1] <= start and x[3] == "PERSON"]
                    labels[m.id] = before[-1][2] if before else f"{topic}/pron/{m.id}"
                elif head in _NEUTER_PRONOUNS:
                    before = [x for x in named if x[1] <= start and x[3] in ("ORG", "GPE", "FAC")]
                    labels[m.id] = before[-1][2] if before else f"{topic}/pron/{p.document.name}/it"
                elif head in _RELATIVE_PRONOUNS:
                    relatives.append((p, m, start))
                elif head in _PRONOUNS:
                    # same pronoun, same document: usually the same speaker or group
                    labels[m.id] = f"{topic}/pron/{p.document.name}/{_PRONOUN_GROUP.get(head, head)}"
                else:
                    pending.append((m.id, lemma))
                    heads[m.id] = head
        for mid, lemma in pending:
            # a name the NER missed ("lohan") joins the entity whose named mentions share its head
            # "the leader": whoever the topic calls so (a singular head only: "leaders" are a group)
            named_ids = by_head.get(lemma) or (by_title.get(lemma) if heads[mid] == lemma else None)
            labels[mid] = named_ids.most_common(1)[0][0] if named_ids else f"{topic}/nominal/{lemma}"
        for p, m, start in relatives:
            labels[m.id] = _antecedent_label(p, start, labels) or f"{topic}/pron/{m.id}"
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


def evaluate(docs: Sequence[Document], nlp: Language | None = None, within: str = "topic",
             parsed: Sequence[ParsedDoc] | None = None) -> dict[str, CorefScores]:
    parsed = parse_documents(docs, nlp) if parsed is None else parsed
    key = gold_clusters(entity_mentions(docs))
    return {
        "same-head-lemma baseline": conll(key, cluster_head_lemma(parsed, within)),
        "storyline canonicalisation": conll(key, cluster_storyline(parsed, within)),
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
    parsed = parse_documents(docs)
    scores = evaluate(docs, parsed=parsed)
    for name, s in scores.items():
        print("\n".join(_lines(name, s)))
    if verbose:
        for name, s in evaluate(docs, parsed=parsed, within="subtopic").items():
            print("\n".join(_lines(f"{name} (within gold subtopics)", s)))
    print(f"CoNLL F1: {scores['storyline canonicalisation'].conll_f1 * 100:.1f}")
    return 0
