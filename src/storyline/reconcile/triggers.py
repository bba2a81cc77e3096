"""Event trigger words, and what the words around one tell about its event.

A news sentence names its events with trigger words (a verb or event noun of a small lexicon of
news event families, ``data/lexicon/frames.json``). This module reads them: one scan of a
sentence finds every trigger and its family (``FAMILIES``, ``family_of``), and the words around a
trigger tell the document a signing or ratifying acts on (``document_reference``), a once-only
event ("the first troops left", ``once_only``), a negation (``negated_trigger``), what a movement
verb reports, a participle that only describes a noun. It is the lexicon-driven reading of a
sentence's words, apart from the assembly of frames (``frames.py``: binding times and figures to
triggers), which imports these names and re-exports the public ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storyline import lexicon
from storyline.lowered import LoweredScan
from storyline.model import Mention

# family -> (PLOVER type, trigger regex). Families are finer than PLOVER types on purpose:
# "signed" and "ratified" are both AGREE but are different events on the timeline.
FAMILIES: dict[str, tuple[str, str]] = {
    fam: (spec["type"], spec["pattern"]) for fam, spec in lexicon.table("frames", "families").items()}
UNIQUE_FAMILIES = lexicon.words("frames", "unique_families")
# families whose first occurrence is a once-only event ("the first troops left", "began arriving")
ONCE_FAMILIES = lexicon.words("frames", "once_families")
ONCE = "#first"  # the descriptor once-only events of a family share: they join on it like a named document
_ONCE_ONLY = frozenset({ONCE})
_UNITS = re.compile(rf"\b(?:{lexicon.alternation('frames', 'unit_nouns')})\b", re.IGNORECASE)
_FIRST_BEFORE = re.compile(r"\b(?:first|initial)\b(?:\W+\w+){0,5}?\W+$", re.IGNORECASE)
_FIRST_AFTER = re.compile(r"^\W+(?:\w+\W+){0,1}(?:first|initial)\b", re.IGNORECASE)
_BEGAN = re.compile(r"\b(?:began|begun|begins?|start(?:ed|s)?)\s+(?:to\s+)?$", re.IGNORECASE)
_FIRST_REPORT = re.compile(r"\bfirst\s+(?:surfaced|emerged|appeared|came\s+to\s+light)\b", re.IGNORECASE)
_THE_NOUN = re.compile(r"\bthe\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOT_ONCE = re.compile(rf"\b(?:{lexicon.alternation('frames', 'not_once_words')})\b", re.IGNORECASE)
# a negation right before the trigger, in its own clause: "was not under attack", "had no reason to send"
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no|nor|without|n't)\b(?:\s+(?!and\b|but\b)[\w\-]+){0,3}\s+$|n't\s+(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
_SIGN_NOUN = re.compile(r"signs?\s+(?:of|that)\b", re.IGNORECASE)
_SINCE = re.compile(r"^[^,;.]{0,60}\bsince\b", re.IGNORECASE)  # "the first units sent openly since ..."
# one alternation with a named group per family: a single scan of the sentence finds every trigger,
# and at one position the family listed first wins
_TRIGGER = re.compile(lexicon.named_alternation("frames", "families"), re.IGNORECASE)
_TRIGGERS = LoweredScan(_TRIGGER, unless=("left",))  # cased but for "left (?-i:[A-Z])"

DOC_NOUNS = lexicon.alternation("frames", "document_nouns")
_DOC_PHRASE = re.compile(
    rf"((?:[\w\-\"“”']+\s+){{0,5}}?)\b((?i:{DOC_NOUNS}))\b"
    r"((?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w\-]*(?:(?:,\s*|\s+)(?:and\s+)?[A-Z][\w\-]*)*)?)"
    # a lower-case subject: "an agreement on economic cooperation" names its document too
    r"((?:\s+(?:on|for)\s+(?!the\b|a\b|an\b)[a-z][\w\-]+(?:\s+(?!and\b|in\b|with\b|between\b|to\b)[a-z][\w\-]+)?)?)",
)
_SPELLING: dict[str, str] = lexicon.table("frames", "spellings")
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "said"})
_STOP = lexicon.words("frames", "document_stop_words")


_EMPTY: frozenset[str] = frozenset()


def _frozen(items: Iterable[str]) -> frozenset[str]:
    """``frozenset(items)``, the one empty frozenset when there are none: ``frozenset()`` makes a
    new 216-byte object on every call (Python 3.11 keeps no empty singleton), and a story's
    frames hold several each."""
    out = frozenset(items)
    return out if out else _EMPTY


def _descriptor_words(phrase_mods: str, noun: str, of_part: str, entity_words: set[str]) -> set[str]:
    mods = re.findall(r"[\w\-]+", phrase_mods)
    # keep only the run of modifiers right before the noun, stopping at a function word
    kept: list[str] = []
    for w in reversed(mods):
        if w.lower() in _STOP:
            break
        kept.append(w)
    words = [*kept, *re.findall(r"[\w\-]+", of_part)]
    out = set()
    for w in words:
        lw = w.lower().strip("-")
        lw = _SPELLING.get(lw, lw)
        if not lw or lw in _STOP or lw in entity_words or lw.isdigit() or len(lw) < 3:
            continue
        out.add(lw)
    return out


def _definite(mods: str) -> bool:
    """Whether the phrase before the document noun starts with a definite determiner."""
    words = [w.lower() for w in re.findall(r"[\w\-]+", mods)]
    for w in reversed(words):
        if w in _STOP:
            return w in _DEFINITE
    return False


def document_reference(text: str, t_start: int, t_end: int, entity_words: set[str]) -> tuple[frozenset[str], bool]:
    """The document a signing/ratifying trigger acts on: its naming words, and whether it is
    referred to definitely ("the treaty", an anaphor that may name a known document) or not
    ("an agreement", a new one)."""
    words, definite = _document_reference(text, t_start, t_end, entity_words)
    return _frozen(words), definite


def document_descriptors(text: str, t_start: int, t_end: int, entity_words: set[str]) -> frozenset[str]:
    """Words naming the document a signing/ratifying trigger acts on (its modifiers and name)."""
    return document_reference(text, t_start, t_end, entity_words)[0]


def _document_reference(text: str, t_start: int, t_end: int, entity_words: set[str]) -> tuple[set[str], bool]:
    before = text[max(0, t_start - 120) : t_start]
    after = text[t_end : t_end + 140]
    words: set[str] = set()
    # passive or participial use: "the X agreement signed in ..."; the phrase ends just before
    last = None
    for m in _DOC_PHRASE.finditer(before):
        last = m
    if last is not None and len(before) - last.end() <= 45 and re.fullmatch(
        r"[\s,]*(?:(?:which|that)\s+(?:[\w\-]+\s+){0,3}?)?(?:was\s+|were\s+|is\s+|has\s+been\s+|had\s+been\s+|have\s+)?",
        before[last.end():],
    ):
        words |= _descriptor_words(last.group(1), last.group(2), last.group(3) + last.group(4), entity_words)
        return words, _definite(last.group(1)) or bool(words)
    found = _DOC_PHRASE.search(after)
    definite = False
    if found is not None and found.start() <= 40:
        m = found
        words |= _descriptor_words(m.group(1), m.group(2), m.group(3) + m.group(4), entity_words)
        definite = _definite(after[: m.start()] + " " + m.group(1))
        rest = after[m.end() :]
        app = re.match(rf",\s*(?:an?|the)\s+((?:[\w\-]+\s+){{0,4}}?)((?i:{DOC_NOUNS}))\b", rest)
        if app:  # an appositive renaming the same document: ", a mutual defense pact"
            words |= _descriptor_words(app.group(1), app.group(2), "", entity_words)
    return words, definite


def has_document(text: str, t_start: int, t_end: int) -> bool:
    near = text[max(0, t_start - 60) : t_end + 80]
    return re.search(rf"\b({DOC_NOUNS})\b", near, re.IGNORECASE) is not None


def _attributive(text: str, s: int, e: int) -> bool:
    """The trigger at ``text[s:e]`` is a participle before a noun, after a determiner ("the
    collapsed airline's administrators", "the stranded passengers", "the first confirmed fragment"):
    it describes a thing, and the sentence's time is not its own."""
    return bool(_PARTICIPLE.fullmatch(text[s:e]) and _DETERMINER_BEFORE.search(text[max(0, s - 24):s])
                and (after := _WORD_AFTER.match(text, e)) is not None and after.group(1).lower() not in _NOT_A_HEAD)


#: A participle form, a determiner or possessive right before a word, the word right after one.
_PARTICIPLE = re.compile(r"\w+(?:ed|en)", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+"
    r"(?:(?:first|second|third|last|only|newly|recently|officially|already)\s+)?$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w\-]*)")


def _modifies_object(text: str, s: int, e: int, patients: Sequence[str]) -> bool:
    """The trigger word at ``text[s:e]`` only modifies the head noun after it in the predicate's
    object ("filed an election contest on December 2": the contest is filed; no election takes
    the date), where a head ("the collapse of the bridge") is followed by nothing or a function
    word."""
    for _, end in _objects_holding(text, s, e, patients):
        rest = text[e:end].split()
        if rest and rest[0].isalpha() and rest[0].lower() not in _NOT_A_HEAD:
            return True
    return False


def _objects_holding(text: str, s: int, e: int, patients: Sequence[str]) -> list[tuple[int, int]]:
    """Where in ``text`` each of the predicate's objects that holds ``text[s:e]`` stands."""
    spans = ((at, at + len(phrase)) for phrase in patients if (at := text.find(phrase)) >= 0)
    return [(at, end) for at, end in spans if at <= s < e <= end]


def heads_object(text: str, s: int, e: int, patients: Sequence[str]) -> bool:
    """The trigger word at ``text[s:e]`` is a noun of the predicate's object phrase, before any
    clause of its own ("filed a claim for damages against X at the court yesterday": the claim
    and the damages are what was filed): the time the parse hangs on the predicate after its
    object is still the predicate's. A verb of a clause inside the object ("the accord, which they
    signed in 2019") is another event."""
    return any(not _OWN_CLAUSE.search(text, at, s) for at, _ in _objects_holding(text, s, e, patients))


#: What opens a clause inside a noun phrase ("the accord, which they signed").
_OWN_CLAUSE = re.compile(r",|\b(?:which|that|who|whom|whose|where|when)\b", re.IGNORECASE)


#: Words after an event noun that show it heads its phrase ("the collapse of the bridge").
_NOT_A_HEAD = frozenset({"of", "in", "on", "at", "by", "for", "from", "to", "with", "that", "which", "who", "and", "or",
                         "over", "after", "before", "against", "into", "as"})


def family_of(word: str, predicate: str | None) -> str:
    """The family a lone trigger word belongs to ("collapsed" -> collapse), else other:<lemma>."""
    for fam, (_, rx) in FAMILIES.items():
        if fam != "move" and re.fullmatch(rx, word, re.IGNORECASE):
            return fam
    return f"other:{(predicate or 'state').lower()}"


def negated_trigger(text: str, s: int) -> bool:
    """Whether the trigger starting at ``s`` is negated within its clause ("not under attack",
    "had no reason to send"): a denied event is no evidence that it happened, nor of its date."""
    clause = re.split(r"[,;:]|\b(?:and|but|while|when)\b", text[max(0, s - 40) : s])[-1]
    return bool(_NEGATION_BEFORE.search(" " + clause))


def _movement(text: str, s: int, e: int, mentions: Sequence[Mention], base: int) -> str | None:
    """What a movement verb reports: units moving are a deployment, a person arriving a visit."""
    near = text[max(0, s - 90) : e + 40]
    person_before = any(m.label == "PERSON" and s - 60 <= m.start - base < s for m in mentions)
    if _UNITS.search(near) or (not person_before and re.search(r"\bfirst\s+of\s+them\b", text[max(0, s - 40) : s])):
        return "deploy"
    if re.match(r"arriv", text[s:e], re.IGNORECASE):
        return "visit"
    return None


def once_only(text: str, s: int, e: int) -> bool:
    """A deployment reported as its first occurrence: "the first troops left", "sent its first
    troops", "began arriving", "reports first surfaced that ... were operating", "the deployment
    of X to Y". Such an event happens once, so two outlets dating it differently contradict each
    other; "the first units sent openly since ...", "a second contingent", "could send" do not."""
    before = text[max(0, s - 60) : s]
    after = text[e : e + 30]
    clause = re.split(r"[,;:]", text[max(0, s - 60) : s])[-1] + text[s : e + 40].split(",")[0]
    if _NOT_ONCE.search(clause) or _SINCE.search(text[e:]):
        return False
    if _FIRST_BEFORE.search(before) or _FIRST_AFTER.match(after) or _BEGAN.search(before):
        return True
    if _FIRST_REPORT.search(text[:s]):
        return True
    word = text[s:e].lower()
    return word.startswith("deployment") and bool(_THE_NOUN.search(before)) and bool(
        re.match(r"\s+of\s+[^,.;]{1,60}?\s+to\s+", after + text[e + 30 : e + 80]))
