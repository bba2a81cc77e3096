"""Entity mentions, the titles articles give people, and canonical entities across articles.

Mentions come from spaCy's NER, corrected where general evidence is strong: the gazetteer turns
a known country/region/capital tagged PRODUCT, ORG or PERSON into a place, and a "person" whose
name is preceded by an organisation noun ("the newspaper X") becomes an organisation. Titles are
read off the parse (title compounds before the name, appositions either side of it) and kept
twice: as written on the mention, and normalised on a :class:`RoleMention` so that reconciliation
can compare what two outlets call the same person at the same time.

Canonicalisation is corpus-level and deterministic: names are folded (case, accents, hyphens,
possessives, leading titles), a surname or given-name-only mention is linked to a full name that
contains it (the most recent in the same article first, then the most frequent in the corpus),
an acronym to the organisation whose initials it spells, and places to their gazetteer name.
Entity ids are derived from the canonical name, so the same corpus always gets the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import threading
import unicodedata
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import gazetteer
from storyline.model import ArticleAnalysis, Entity, Mention, Sentence
from storyline.time.lexicon import MONTHS, WEEKDAYS

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Words that make up titles and offices; used to strip titles off names and to find title prefixes.
TITLE_WORDS = lexicon.words("entities", "title_words")
#: Head nouns that mark the name after them as an organisation, not a person.
ORG_NOUNS = lexicon.words("entities", "org_head_nouns")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "i"}


#: Nouns that name an office or role (as opposed to the modifiers in TITLE_WORDS).
ROLE_NOUNS = lexicon.words("entities", "role_nouns")
#: Words that make a name an organisation's, not a person's, whatever the model tagged it.
_ORG_NAME_WORDS = lexicon.words("entities", "organisation_name_words")


def is_title(text: str) -> bool:
    """Does this text name an office held by one person (not "the two leaders", not "late")?"""
    words = [w.strip(".,").lower() for w in text.replace("-", " ").split()]
    if not words or words[0] in ("two", "three", "both", "all", "several", "many"):
        return False
    return any(w in ROLE_NOUNS for w in words) and not any(
        w.endswith("s") and w[:-1] in ROLE_NOUNS and w not in ("ss",) for w in words[-1:]
    )


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent-, hyphen- and possessive-insensitive key for a name (remembered: a story
    folds the same few thousand names tens of thousands of times, four regex passes each)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s?$|'s\b", "", text.strip())
    text = re.sub(r"[\s\-\u2010-\u2015_]+", " ", text.lower())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[^\w\s.&]", "", text).strip(" .")


def _strip_leading_titles(words: list[str]) -> list[str]:
    """'President Vladimir Putin' -> ['vladimir', 'putin'] (keeps at least one word)."""
    i = 0
    while i < len(words) - 1 and (words[i].rstrip(".") in TITLE_WORDS or gazetteer.country_from_adjective(words[i])):
        i += 1
    return words[i:]


@lru_cache(maxsize=16384)
def strip_titles(text: str) -> str:
    """The name as written, minus the titles and nationality words in front of it (remembered:
    a story's every person mention asks it on each update)."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and len(_strip_leading_titles([w.lower() for w in words[i:]])) < len(words) - i:
        i += 1
    return " ".join(words[i:])


def person_key(text: str) -> str:
    """Fold a person's name and drop the titles and nationality adjectives in front of it."""
    return " ".join(_strip_leading_titles(fold(text).split()))


def _is_country(text: str) -> bool:
    place = gazetteer.lookup(text)
    return place is not None and place.kind == "country"


def normalize_title(text: str) -> str:
    """A title in comparable form: lower case, no article, owner or nationality, one spelling.

    "Russia's top security official" -> "top security official"; "the Russian Defence Minister" ->
    "defense minister"; "Minister of Defense" -> "defense minister".
    """
    t = text.replace("\u2019", "'").replace("\u2018", "'").strip(" ,;:-\"'")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(the|a|an)\s+", "", t, flags=re.IGNORECASE)
    # owner in front: "Russia's", "the country's"
    t = re.sub(r"^(?:[\w.\- ]+?)'s?\s+", "", t) if re.match(r"^[\w.\- ]+?'s?\s", t) else t
    words = t.split()
    while len(words) > 1:
        two = " ".join(words[:2])
        if len(words) > 2 and (gazetteer.country_from_adjective(two) or _is_country(two)):
            words = words[2:]
        elif gazetteer.country_from_adjective(words[0]) or _is_country(words[0]):
            words = words[1:]
        else:
            break
    t = " ".join(words).lower()
    t = re.sub(r"\bdefence\b", "defense", t)
    t = re.sub(r"\bprogramme\b", "program", t)
    m = re.fullmatch(r"(.*?)\b(minister|secretary|ministry)\s+(?:of|for)\s+(?:the\s+)?([a-z]+)(.*)", t)
    if m and m.group(3) not in ("state",):
        t = f"{m.group(1)}{m.group(3)} {m.group(2)}{m.group(4)}"
    return re.sub(r"\s+", " ", t).strip(" ,")


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


def is_acronym(text: str) -> bool:
    """'NIS', 'HUR', 'U.N.': an all-capital abbreviation of two to six letters."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


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
    """Title words written in front of a name ("Russian Defense Minister" X, "leader" X)."""
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
            # a title the NER swallowed into the name ("President Vladimir Putin")
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
    a person or organisation named in full ("Marek Vollan") in one article is that name wherever
    the story writes it. Each article's list gains a mention at every whole-word occurrence of
    such a name that no mention of its own covers, labelled as the name was elsewhere."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for mine in per_article:
        for r in mine:
            labels[r.mention.text][r.mention.label] += 1
            seen.setdefault((r.mention.text, r.mention.label), (r.key, r.kind))
    # each name's label as the model gives it more often than all others together ("Tamber
    # County" a place nine times and a person once is not a person)
    usual = {name: (label, n) for name, counts in labels.items()
             for (label, n) in counts.most_common(1) if 2 * n > sum(counts.values())}
    taught: dict[str, tuple[str, str, str]] = {}
    for name, (label, _n) in usual.items():
        # written in full, with no title in it
        if (label in _TAUGHT_LABELS and len(name.split()) >= 2 and name[:1].isupper()
                and (label != "PERSON" or strip_titles(name) == name)):
            taught[name] = (label, *seen[(name, label)])
    # ... and a person's surname alone ("Vollan has walked out"), when the story's model reads that
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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "the", "and", "for", "&")]
    return "".join(w[0] for w in words if w)


def resolve(raw: Sequence[RawMention]) -> dict[int, str]:
    """Assign an entity id to every raw mention (keyed by position); deterministic for a corpus.

    Full names first define entities; then short forms (one name word, or initial + surname) link to
    a full name containing them, preferring the latest such name earlier in the same article, else
    the corpus's most frequent; acronyms link to an organisation with those initials.
    """
    ids: dict[int, str] = {}
    # "Name (ACRONYM)" anywhere in the corpus: the acronym means that name everywhere
    expansions: dict[str, str] = {}
    for r in raw:
        if r.expands_to:
            expansions.setdefault(r.key, r.expands_to)
    for r in raw:
        if r.key in expansions and r.kind in ("org", "place") and is_acronym(r.mention.text):
            r.kind, r.mention.label, r.key = "org", "ORG", expansions[r.key]
    name_words: set[str] = set()
    for r in raw:
        if r.kind == "person" and len(r.key.split()) >= 2:
            parts = r.key.split()
            name_words |= {parts[0], parts[-1], r.key}
    for r in raw:
        if (r.kind in ("place", "org") and r.key in name_words
                and not gazetteer.is_sure_place(r.mention.text)):
            # "Scholz" tagged as a place, "Olaf Scholz" as an organisation, next to the person "Olaf Scholz"
            r.kind, r.mention.label, r.key = "person", "PERSON", person_key(r.mention.text)
    # "Rony Canales-Orbe" tagged an organisation, next to the person "Orbe": a personal name
    surnames = {r.key for r in raw if r.kind == "person" and len(r.key.split()) == 1}
    for r in raw:
        if r.kind != "org":
            continue
        words = r.key.split()
        if (2 <= len(words) <= 5 and words[-1] in surnames and all(w.isalpha() for w in words)
                and not set(words) & _ORG_NAME_WORDS and not is_acronym(r.mention.text)):
            r.kind, r.mention.label, r.key = "person", "PERSON", person_key(r.mention.text)
    # one key, one kind: the NER may call the same name an organisation here and a place there
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in Counter((r.key, r.kind) for r in raw).items():
        kinds[key][kind] = n
    for r in raw:
        if len(kinds[r.key]) > 1 and r.kind != "person":
            best = max(kinds[r.key], key=lambda k: (kinds[r.key][k], k == "person", k))
            if best != r.kind and best != "person":
                r.kind = best
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(raw):
        by_kind[r.kind].append(i)
    for kind, idxs in by_kind.items():
        counts = Counter(raw[i].key for i in idxs)
        keys = set(counts)
        canonical: dict[str, str] = {k: k for k in keys}
        by_word: dict[str, list[str]] = defaultdict(list)  # first or last name word -> full names
        if kind == "person":
            split = {k: k.split() for k in keys}
            full = sorted(k for k in keys if len(split[k]) >= 2)
            by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
            by_prefix: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for f in full:
                parts = split[f]
                by_word[parts[0]].append(f)
                if parts[-1] != parts[0]:
                    by_word[parts[-1]].append(f)
                if len(parts) > 2:
                    by_ends[(parts[0], parts[-1])].append(f)
                for j in range(2, len(parts)):
                    by_prefix[tuple(parts[:j])].append(f)
            for k in full:
                parts = split[k]
                # a name with an unknown word in front ("polygamist A B") is the known name "A B"
                known = [x for x in (" ".join(parts[j:]) for j in range(1, len(parts) - 1)) if x in keys]
                if known:
                    canonical[k] = known[0]
                    continue
                # "A B" is "A X B" when only one such longer name is known (a middle name left out)
                if len(parts) == 2 and len(by_ends.get((parts[0], parts[-1]), [])) == 1:
                    canonical[k] = by_ends[(parts[0], parts[-1])][0]
                    continue
                # a truncated name ("A B" of "A B C", e.g. a cut caption) is the longer name if unique
                longer = by_prefix.get(tuple(parts), [])
                if len(longer) == 1:
                    canonical[k] = longer[0]

            for k in keys:
                words = split[k]
                short_surname = len(words) == 2 and len(words[0].rstrip(".")) == 1
                if (len(words) == 1 or short_surname) and [f for f in _containing(by_word, words) if f != k]:
                    canonical[k] = "?"  # decided per mention below
        elif kind == "org":
            by_initials: dict[str, list[str]] = defaultdict(list)
            for m in keys:
                if " " in m:
                    by_initials[_initials(m)].append(m)
            by_first: dict[str, list[str]] = defaultdict(list)  # a longer name by its first word
            for m in keys:
                if " " in m:
                    by_first[m.split()[0]].append(m)
            for k in keys:
                bare = k.replace(".", "")
                if " " not in k and bare.isalpha() and len(k) >= 2 and by_initials.get(bare):
                    canonical[k] = max(by_initials[bare], key=lambda m: (counts[m], m))
                elif " " not in k and len(by_first.get(k, [])) == 1:
                    # "Orvane" of "Orvane Group", when the story names one organisation so
                    canonical[k] = by_first[k][0]
        # per-mention resolution of ambiguous short person names
        last_full: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for i in idxs:
            r = raw[i]
            if canonical.get(r.key) == r.key and kind == "person" and " " in r.key:
                last_full[r.article].append((r.mention.start, r.key))
        # a short name's full names in its article, and each key's id, found once (a story's
        # mentions repeat a few thousand names)
        locals_of: dict[tuple[int, str], list[tuple[int, str]]] = {}
        id_of: dict[str, str] = {}
        for i in idxs:
            r = raw[i]
            key = canonical[r.key]
            if key == "?":
                words = r.key.split()
                local = locals_of.get((r.article, r.key))
                if local is None:  # the article's full names that contain it (``_person_contains``)
                    if len(words) == 1:
                        w = words[0]
                        local = [(pos, f) for pos, f in last_full[r.article] if w in (split[f][0], split[f][-1])]
                    else:
                        initial, surname = words[0].rstrip("."), words[-1]
                        local = [(pos, f) for pos, f in last_full[r.article]
                                 if split[f][-1] == surname and split[f][0].startswith(initial)]
                    locals_of[(r.article, r.key)] = local
                before = [x for x in local if x[0] < r.mention.start]
                if before:
                    key = max(before)[1]
                elif local:
                    key = min(local)[1]
                else:
                    key = max(_containing(by_word, words), key=lambda f: (counts[f], f))
                key = canonical.get(key, key) if canonical.get(key) != "?" else key
            made = id_of.get(key)
            if made is None:
                made = id_of[key] = f"{kind}:{_slug(key)}"
            ids[i] = made
    return ids


def _containing(by_word: dict[str, list[str]], words: list[str]) -> list[str]:
    """Full names that contain a short form, looked up by its last word. A lone name word is a
    surname first: the names it ends are preferred to those it begins ("Hernandez" is "Carlos
    Daniel Hernandez" rather than "Hernandez Fuentes")."""
    found = [f for f in by_word.get(words[-1], []) if _person_contains(f, words)]
    if len(words) == 1 and len(found) > 1:
        ending = [f for f in found if f.split()[-1] == words[0]]
        return ending or found
    return found


def _person_contains(full: str, words: list[str]) -> bool:
    """Does a full name contain this short form (a name word, or "V. Surname")?"""
    parts = full.split()
    if len(words) == 1:
        w = words[0]
        return w in (parts[0], parts[-1]) or (len(parts) >= 3 and w == parts[1] and False)
    initial, surname = words[0].rstrip("."), words[-1]
    return parts[-1] == surname and parts[0].startswith(initial)


def collect_entities(analyses: Iterable[ArticleAnalysis]) -> list[Entity]:
    """The canonical entities behind the mentions of a set of analyses, with their aliases."""
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for m in analysis.mentions:
            if m.entity_id:
                texts[m.entity_id][m.text] += 1
                labels[m.entity_id][m.label] += 1
    out: list[Entity] = []
    for eid in sorted(texts):
        variants = texts[eid]
        label = labels[eid].most_common(1)[0][0]
        kind = eid.split(":", 1)[0]
        if kind == "person":
            name = max(variants, key=lambda v: (len(person_key(v).split()), variants[v], v))
            name = " ".join(name.split()[len(name.split()) - len(person_key(name).split()):])
        else:
            name = max(variants, key=lambda v: (variants[v], len(v), v))
        country: str | None = None
        geonames_id: int | None = None
        if label in PLACE_LABELS:
            place = gazetteer.lookup(name)
            if place is not None:
                name, country, geonames_id = place.name, place.country, place.geonames_id
        elif label == "NORP":
            country = gazetteer.country_from_adjective(name)
        out.append(Entity(id=eid, name=name, kind=label, aliases=sorted(set(variants) - {name}),
                          country=country, geonames_id=geonames_id))
    return out


def token_is_person_pronoun(tok: Token) -> bool:
    return tok.lower_ in ("he", "she", "him", "her") and tok.pos_ == "PRON"


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PRONOUNS and tok.pos_ == "PRON"
