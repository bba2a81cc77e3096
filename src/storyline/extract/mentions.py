"""Entity mentions in one parsed article, and the mentions of a story's names the NER missed.

Why a module of its own: this is the part that reads spaCy's output. Mentions come from the NER,
corrected where general evidence is strong: the gazetteer turns a known country/region/capital
tagged PRODUCT, ORG or PERSON into a place, and a "person" whose name is preceded by an
organisation noun ("the newspaper X") becomes an organisation. Titles are read off the parse
(title compounds before the name, appositions either side of it) and kept on the mention as
written. Each mention is a :class:`RawMention` with its folded key and kind, for
:func:`storyline.extract.entities.resolve` to link across the corpus.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.tokens import Doc, Span

from storyline.extract import gazetteer
from storyline.extract.names import (
    ORG_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    _strip_leading_titles,
    fold,
    is_acronym,
    person_key,
    strip_titles,
)
from storyline.model import Mention, Sentence
from storyline.time.lexicon import MONTHS, WEEKDAYS

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass(slots=True)
class RawMention:
    """A mention before corpus-level resolution, with what resolution needs to know (slots: a
    story of 3,000 articles holds some 150,000 of them while its claims are built)."""

    article: int
    mention: Mention
    key: str
    kind: str
    title_spans: list[tuple[str, int, int]] = field(default_factory=list)
    #: for a bracketed acronym after a name ("National Intelligence Service (NIS)"): that name's key
    expands_to: str | None = None


def _extend_name(doc: Doc, span: Span) -> Span:
    """Keep a three-part name whole: the NER often stops one syllable short ("A B" of "A B C").

    The next token joins when it is the name's own head (the name is its compound), is a short
    capitalised word the NER left untagged, and is neither a title, an organisation noun nor a place.
    """
    end = span.end
    if end >= len(doc) or span.root.dep_ != "compound" or span.root.head.i != end:
        return span
    nxt = doc[end]
    word = nxt.text
    if (nxt.ent_iob_ != "O" or nxt.pos_ != "PROPN" or not word.isalpha() or not word[:1].isupper()
            or word.isupper() or len(word) > 5 or word.lower() in TITLE_WORDS or word.lower() in ORG_NOUNS
            or word.lower() in ROLE_NOUNS or gazetteer.lookup(word) is not None):
        return span
    return doc[span.start:end + 1]


def _trim_possessive(doc: Doc, span: Span) -> Span:
    """Drop a trailing possessive and leading determiner so the mention is just the name."""
    start, end = span.start, span.end
    while end > start + 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    while end - start > 1 and doc[start].lower_ in _DETERMINERS:
        start += 1
    return doc[start:end]


def _relabel(span: Span) -> str | None:
    """The label a span should carry, after the gazetteer and simple syntax have had their say."""
    label = span.label_
    text = span.text
    if is_acronym(text) and label in ("GPE", "LOC", "FAC", "PRODUCT", "ORG"):
        # an acronym is a place only when it abbreviates a country ("US", "UAE"); "NIS" is no city
        place = gazetteer.lookup(text)
        if place is None or place.kind != "country":
            return "ORG"
    if label in ("PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "EVENT", "LOC", "GPE") and gazetteer.is_sure_place(text):
        place = gazetteer.lookup(text)
        if place is not None:
            if label == "LOC" and place.kind == "city":
                return "LOC"
            return "GPE" if label != "FAC" else label
    if label == "PERSON":
        root = span.root
        left = [t for t in span.doc[max(0, span.start - 3):span.start] if t.head.i in range(span.start, span.end)]
        if any(t.lemma_.lower() in ORG_NOUNS for t in left) or any(
            t.lemma_.lower() in ORG_NOUNS for t in span
        ) or (root.dep_ == "compound" and root.head.lemma_.lower() in ORG_NOUNS):
            return "ORG"
    if label in ("ORG", "GPE", "PRODUCT", "WORK_OF_ART", "NORP") and _holds_office(span):
        return "PERSON"
    if label in ENTITY_LABELS:
        return label
    return None


def _holds_office(span: Span) -> bool:
    """A name in apposition with an office ("X, the ambassador" / "the official, X") or right after a
    capitalised office word ("Minister X") names a person, whatever the NER said."""
    root = span.root
    if gazetteer.lookup(span.text) is not None or len(span) > 4:
        return False
    if root.dep_ == "appos" and root.head.i < span.start and root.head.lemma_.lower() in ROLE_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.i >= span.end and c.lemma_.lower() in ROLE_NOUNS for c in root.children):
        return True
    if span.start > 0:
        prev = span.doc[span.start - 1]
        return prev.text[:1].isupper() and prev.lower_ in ROLE_NOUNS and prev.head.i in range(span.start, span.end)
    return False


def _title_prefix(doc: Doc, span: Span) -> Span | None:
    """Title words written in front of a name ("Freedonian Defense Minister" X, "leader" X)."""
    i = span.start - 1
    first = None
    while i >= 0:
        tok = doc[i]
        if tok.is_space or (tok.is_punct and tok.text not in ("-", ".")):
            break
        outside = tok.head.i < span.start or tok.head.i >= span.end + 1
        # a prefix word must depend on the name or on another prefix word
        if outside and not (first is not None and first.i > tok.i and tok.i <= tok.head.i < span.end):
            break
        if tok.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "DET", "NUM") or tok.tag_ == "POS":
            break
        first = tok
        i -= 1
    if first is None:
        return None
    prefix = doc[first.i:span.start]
    if not any(t.lower_.rstrip(".") in TITLE_WORDS or t.pos_ == "NOUN" for t in prefix):
        return None
    return prefix


def _appositive_titles(doc: Doc, span: Span) -> list[Span]:
    """Titles in apposition: "X, the ambassador to Y" and "Y's top security official, X"."""
    out: list[Span] = []
    root = span.root
    ent_ids = {t.i for t in span}
    for child in root.children:
        if child.dep_ == "appos" and child.i not in ent_ids and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ != "PERSON":
            inside = {x.i for x in child.subtree}
            toks = [t for t in child.subtree
                    if t.dep_ != "relcl" and not any(a.dep_ == "relcl" for a in t.ancestors if a.i in inside)]
            if toks:
                s, e = toks[0].i, toks[-1].i + 1
                while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                    e -= 1
                if e > s and e - s <= 14:
                    out.append(doc[s:e])
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
        head = root.head
        sub = [t for t in head.subtree if t.i < span.start and t.i <= head.i]
        if sub:
            s, e = sub[0].i, head.i + 1
            if e - s <= 10:
                out.append(doc[s:e])
    return out


#: "X province" / "province of X": the region word a place's key drops (compiled once, not per name).
_REGION_TAIL = re.compile(r"\s+(" + "|".join(sorted(gazetteer.REGION_WORDS)) + r")$")
_REGION_HEAD = re.compile(r"^(" + "|".join(sorted(gazetteer.REGION_WORDS)) + r")\s+of\s+")


def doc_mentions(doc: Doc, article: int, sentence_of: Sequence[int], text: str | None = None) -> list[RawMention]:
    """Named mentions of people, organisations, places and groups in one parsed article.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds that string on every access).
    """
    body = doc.text if text is None else text
    out: list[RawMention] = []
    for ent in doc.ents:
        label = _relabel(ent)
        if label is None:
            continue
        span = _trim_possessive(doc, _extend_name(doc, ent) if label == "PERSON" else ent)
        text = span.text.strip()
        if not text or not any(c.isalpha() for c in text):
            continue
        titles: list[tuple[str, int, int]] = []
        if label == "PERSON":
            prefix = _title_prefix(doc, span)
            if prefix is not None:
                titles.append((prefix.text, prefix.start_char, prefix.end_char))
            for app in _appositive_titles(doc, span):
                titles.append((app.text, app.start_char, app.end_char))
            # a title the NER swallowed into the name ("President Ulmar Quarrick")
            words = span.text.split()
            lead = len(words) - len(_strip_leading_titles([w.lower() for w in words]))
            if lead:
                inner = doc[span.start:span.start + lead]
                titles.append((inner.text, inner.start_char, inner.end_char))
            key = person_key(text)
        elif label in PLACE_LABELS:
            place = gazetteer.lookup(text) if label == "GPE" or gazetteer.is_sure_place(text) else None
            key = fold(place.name) if place is not None else fold(text)
            # "X province" and "X" are one place for coreference ("the province of X" too)
            key = _REGION_TAIL.sub("", key)
            key = _REGION_HEAD.sub("", key)
        elif label == "NORP":
            key = fold(text)
            key = key[:-1] if key.endswith("s") and gazetteer.country_from_adjective(key[:-1]) else key
        else:
            key = fold(text)
        if not key:
            continue
        mention = Mention(
            text=text, start=span.start_char, end=span.end_char, label=label,
            titles=[t[0] for t in titles], sentence=sentence_of[span.start],
        )
        out.append(RawMention(article, mention, key, _kind(label), titles))
    _bracketed_acronyms(doc, body, article, sentence_of, out)
    return out


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
#: Labels of names a story's other articles teach (multi-word names only: a lone word is too often
#: something else).
_TAUGHT_LABELS = ("PERSON", "ORG")


def recover_missed(per_article: Sequence[list[RawMention]], bodies: Sequence[str],
                   sentences: Sequence[Sequence[Sentence]]) -> None:
    """Add the mentions the NER missed of names it found elsewhere in the story.

    The model misses a name now and then (at the start of a wire's first sentence, in a caption);
    a person or organisation named in full ("Aurick Vardeckel") in one article is that name wherever
    the story writes it. Each article's list gains a mention at every whole-word occurrence of
    such a name that no mention of its own covers, labelled as the name was elsewhere."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for mine in per_article:
        for r in mine:
            labels[r.mention.text][r.mention.label] += 1
            seen.setdefault((r.mention.text, r.mention.label), (r.key, r.kind))
    # each name's label as the model gives it more often than all others together ("Corrib
    # County" a place nine times and a person once is not a person)
    usual = {name: (label, n) for name, counts in labels.items()
             for (label, n) in counts.most_common(1) if 2 * n > sum(counts.values())}
    taught: dict[str, tuple[str, str, str]] = {}
    for name, (label, _n) in usual.items():
        # written in full, with no title in it
        if (label in _TAUGHT_LABELS and len(name.split()) >= 2 and name[:1].isupper()
                and (label != "PERSON" or strip_titles(name) == name)):
            taught[name] = (label, *seen[(name, label)])
    # ... and a person's surname alone ("Vardeckel has walked out"), when the story's model reads that
    # word as a person at least twice and it ends the full name of a person it teaches
    surnames = {n.split()[-1] for n, (label, _, _) in taught.items() if label == "PERSON"}
    for name, (label, n) in usual.items():
        if " " not in name and name in surnames and label == "PERSON" and n >= 2 and name.lower() not in _CALENDAR_WORDS:
            taught[name] = (label, *seen[(name, label)])
    if not taught:
        return
    by_lead: dict[str, list[str]] = defaultdict(list)  # names by their first run of word characters
    for name in sorted(taught, key=len, reverse=True):
        lead = _WORD_RUN.match(name)
        if lead is not None:
            by_lead[lead.group(0)].append(name)
    for article, (mine, sents, found) in enumerate(zip(per_article, sentences, _scan(bodies, by_lead), strict=True)):
        if found:
            # the article's own mentions by start, with the furthest end reached so far: an
            # occurrence is covered when one starting before its end reaches past its start (the
            # occurrences added here never cover one another: they do not overlap)
            spans = sorted((r.mention.start, r.mention.end) for r in mine)
            starts = [s for s, _e in spans]
            reach = list(accumulate((e for _s, e in spans), max))
            sentence_starts = [x.start for x in sents]
            for start, end, name in found:
                before = bisect.bisect_left(starts, end)
                if before and reach[before - 1] > start:
                    continue
                label, key, kind = taught[name]
                index = bisect.bisect_right(sentence_starts, start) - 1
                sentence = sents[index].index if index >= 0 else None
                mention = Mention(text=name, start=start, end=end, label=label, sentence=sentence)
                mine.append(RawMention(article, mention, key, kind))
        mine.sort(key=lambda r: r.mention.start)


_WORD_RUN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w-])\w+")
_WORD_GOES_ON = re.compile(r"[\w-]")


SCANS_KEPT = 8192
"""Bodies whose occurrences of the taught names this process remembers (``_scan``)."""
_scans: OrderedDict[bytes, tuple[frozenset[str], tuple[tuple[int, int, str], ...]]] = OrderedDict()
_scans_lock = threading.Lock()  # the web app's jobs may analyse stories in threads
MOST_CHANGED = 256
"""More names changed than this (another story's body) and the body is scanned again."""


def _scan(bodies: Sequence[str], by_lead: dict[str, list[str]]) -> Iterator[tuple[tuple[int, int, str], ...]]:
    """``_occurrences`` of the names in each body, remembered per body with the names it was
    scanned for. A story brought up to date after one more article teaches a few names more or
    fewer; a body none of those is written in (not even inside a word) has the same
    occurrences as before, found by a substring search per changed name instead of a walk over
    every word of every article (1.1 s of adding one article to a story of 1,000)."""
    names = frozenset(n for group in by_lead.values() for n in group)
    changed: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # by id of the earlier names
    for body in bodies:
        key = hashlib.blake2b(body.encode(), digest_size=16).digest()
        with _scans_lock:
            known = _scans.get(key)
        found = None
        if known is not None:
            earlier, found = known
            if earlier is not names:
                if id(earlier) not in changed:  # the earlier names are held here: their id is theirs
                    changed[id(earlier)] = (earlier, earlier ^ names)
                differ = changed[id(earlier)][1]
                if len(differ) > MOST_CHANGED or any(n in body for n in differ):
                    found = None
        if found is None:
            found = tuple(_occurrences(body, by_lead))
        with _scans_lock:
            _scans[key] = (names, found)
            _scans.move_to_end(key)
            while len(_scans) > SCANS_KEPT:
                _scans.popitem(last=False)
        yield found


def _occurrences(body: str, by_lead: dict[str, list[str]]) -> Iterator[tuple[int, int, str]]:
    """Whole-word occurrences of the names, left to right, the longest at a place first, none
    overlapping: what one regular expression of every name finds, without trying each name at
    every character (a story teaches a few thousand names: that was 6 s on 1,000 articles)."""
    after = 0
    for word in _WORD_START.finditer(body):
        start = word.start()
        if start < after:
            continue
        for name in by_lead.get(word.group(0), ()):
            end = start + len(name)
            if body.startswith(name, start) and not _WORD_GOES_ON.match(body, end):
                yield start, end, name
                after = end
                break


def _bracketed_acronyms(doc: Doc, text: str, article: int, sentence_of: Sequence[int], out: list[RawMention]) -> None:
    """"Name (ACRONYM)": the acronym is an organisation, and it stands for the name before it.

    The NER often misses such acronyms ("HUR") or calls them places; the bracket is the article
    telling us what they mean, so the pair is linked for the whole corpus (see :func:`resolve`).
    """
    if "(" not in text:
        return
    by_start = {r.mention.start: r for r in out}
    orgs_by_end = {r.mention.end: r for r in out if r.kind == "org"}
    for m in re.finditer(r"\(([A-Z][A-Z.]{1,7})\)", text):
        acronym = m.group(1)
        if not is_acronym(acronym):
            continue
        start, end = m.start(1), m.end(1)
        before = text[:m.start()].rstrip()
        long_form = orgs_by_end.get(len(before))
        existing = by_start.get(start)
        if existing is not None:
            if long_form is not None and existing.kind == "org":
                existing.expands_to = long_form.key
            continue
        tok = doc.char_span(start, end, alignment_mode="expand")
        if tok is None:
            continue
        mention = Mention(text=acronym, start=start, end=end, label="ORG", sentence=sentence_of[tok.start])
        raw = RawMention(article, mention, fold(acronym), "org")
        raw.expands_to = long_form.key if long_form is not None else None
        out.append(raw)
    out.sort(key=lambda r: r.mention.start)


def _kind(label: str) -> str:
    return {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility",
            "NORP": "group"}[label]
