"""Who and what an event mention names: its doers' and patients' words, whether two clusters'
doers or places differ, whether an undated mention refers to a happening.

Pure functions over clusters of frames (``cluster.py``); the timeline's join rules
(``timeline.py``) ask them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline import lexicon
from storyline.extract import plover
from storyline.reconcile import memo
from storyline.reconcile.frames import Frame

if TYPE_CHECKING:  # a type only: cluster reads compare, which reads the doer's head here
    from storyline.reconcile.cluster import Cluster


def type_of(f: Frame) -> str | None:
    """The taxonomy type of a frame: its family's, else its predicate's. A light verb's own
    mention takes its object's type, as the parse gave it ("opened an inquiry" is an
    investigation, not an opening)."""
    if f.own and f.claim.event_type and (f.claim.predicate or "") in plover.LIGHT_VERBS:
        return f.claim.event_type
    if f.event_type and f.event_type != "OTHER":
        return f.event_type
    if f.claim.event_type:
        return f.claim.event_type
    return _predicate_type(f.claim.predicate)


_predicate_type = lru_cache(maxsize=8192)(plover.event_type)
"""``plover.event_type`` of a predicate, kept per word (a pure function of it): every rule asks
each frame's type."""
memo.on_clear(_predicate_type.cache_clear)


def type_class(t: str | None) -> str | None:
    """The class a type belongs to (types of one class can tell one happening)."""
    if t is None:
        return None
    return plover.TYPE_CLASS.get(t, t)


_DEFINITE = re.compile(r"\b(?:the|this|that|its|their|his|her|last\s+\w+'s)\s+(?:[\w\-]+\s+){0,5}$", re.IGNORECASE)


def refers_to(c: Cluster, target: Sequence[Cluster]) -> bool:
    """Whether an undated cluster can be read as a reference to the target happening: it names
    no other person than the target's, and it either shares a name that is not one of the
    story's protagonists or refers back with a definite noun ("the collapse", "its crash")."""
    people = set().union(*(t.persons for t in target))
    mine = c.persons - c.common
    if mine and (people - c.common) and not mine & people:
        return False
    names = set().union(*(set(t.participants) | t.canon for t in target))
    if (set(c.participants) | c.canon) & names - c.common:
        return True
    return all(
        f.trigger.lower() in plover.NOUN_TYPE and _DEFINITE.search(f.claim.text[: f.start - f.claim.span[0]])
        for f in c.frames
    )


ROLE_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
_FUNCTION_WORDS = frozenset({"the", "and", "its", "his", "her", "their", "for", "with", "from", "into", "this", "that",
                             "who", "which", "after", "before", "over", "under", "about"})


def role_words(f: Frame) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of a frame's own subject and object phrases (not its trigger's)."""
    if not f.own:
        return frozenset(), frozenset()
    return _phrase_words(f.trigger, tuple(f.claim.agents), tuple(f.claim.patients))


@lru_cache(maxsize=65536)
def _phrase_words(trigger: str, agents: tuple[str, ...], patients: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    own = {w.lower() for w in ROLE_WORD.findall(trigger)}

    def words(phrases: Sequence[str]) -> frozenset[str]:
        return frozenset(w for p in phrases for x in ROLE_WORD.findall(p)
                         if (w := x.lower()) not in _FUNCTION_WORDS and w not in own)
    return words(agents), words(patients)


HEAD_CUT = re.compile(r",|\s(?:of|in|at|on|from|for|with|who|which|that|after|before|between|near|along|across|outside|within)\s", re.IGNORECASE)


def doer_heads(c: Cluster) -> set[str]:
    """The head words of a cluster's doers: the last word of each subject phrase's first part
    ("the country's whole cabinet" -> cabinet; "Ada Crennick, the governor" -> crennick)."""
    heads: set[str] = set()
    for f in c.frames:
        if not f.own:
            continue
        heads.update(h for phrase in f.claim.agents if (h := head_word(phrase)))
    return heads


#: Nouns that count or gather the doers named after them ("a group of residents").
COLLECTIVE_HEADS = lexicon.words("events", "collective_heads")
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _doer_part(phrase: str) -> str:
    """The part of a subject phrase that names the doer: before any comma or preposition, or the
    noun after "of" when the head only counts or gathers ("a group of residents" -> residents)."""
    cut = HEAD_CUT.search(phrase)
    first = phrase[: cut.start()] if cut else phrase
    words = ROLE_WORD.findall(first)
    if cut and words and words[-1].lower() in COLLECTIVE_HEADS and _OF.fullmatch(cut.group()):
        return _doer_part(phrase[cut.end():])
    return first


@lru_cache(maxsize=65536)
def head_word(phrase: str) -> str | None:
    """The last word of the part of a phrase that names who acted ("Ada Crennick, the governor" ->
    crennick), or the name a side's noun stands for ("the Yes side" -> yes; "the other side" stays side)."""
    words = ROLE_WORD.findall(_doer_part(phrase))
    if len(words) >= 3 and words[-1].lower() in SIDE_HEADS and words[-2][:1].isupper():
        return words[-2].lower()  # ... named by a capitalised word after its determiner
    return words[-1].lower() if words else None


#: Nouns that stand for the side named before them ("the Yes side"): data/lexicon/events.json.
SIDE_HEADS = lexicon.words("events", "side_heads")


def doer_words(c: Cluster) -> set[str]:
    """Every word of a cluster's doers' names ("Lee Jae Sun, the president" -> lee, jae, sun), and
    of the body a doer heads or serves ("the Chief of the Navy" -> navy too: the navy acted)."""
    words: set[str] = set()
    for f in c.frames:
        if not f.own:
            continue
        for phrase in f.claim.agents:
            words.update(w.lower() for w in ROLE_WORD.findall(_doer_part(phrase) + " " + _owner_part(phrase)))
    return words


@lru_cache(maxsize=65536)
def _owner_part(phrase: str) -> str:
    """The body a doer's head belongs to, named after "of" ("the chief of the navy" -> the navy);
    empty when the head is followed by anything else or counts its doers ("a group of residents")."""
    cut = HEAD_CUT.search(phrase)
    if cut is None or not _OF.fullmatch(cut.group()):
        return ""
    words = ROLE_WORD.findall(phrase[: cut.start()])
    if words and words[-1].lower() in COLLECTIVE_HEADS:
        return ""
    rest = phrase[cut.end():]
    stop = HEAD_CUT.search(rest)
    return rest[: stop.start()] if stop else rest


#: Doers that name no one in particular ("authorities recovered the body").
GENERIC_DOERS = lexicon.words("events", "generic_doers")


def other_named_doers(a: Cluster, b: Cluster) -> bool:
    """Both clusters name who did it by name ("Ferrival", "the Lorvale council"), and no name is the
    same; "hackers" and "attackers" name no one."""
    def named(c: Cluster) -> set[str]:
        out: set[str] = set()
        for f in c.frames:
            if not f.own:
                continue
            opening = f.claim.text.lstrip()[:40].split(" ", 1)[0]  # capitalised only as the sentence's first word
            out.update(w.lower() for phrase in f.claim.agents for w in ROLE_WORD.findall(phrase)
                       if w[:1].isupper() and w != opening and w.lower() not in _FUNCTION_WORDS)
        return out
    na, nb = named(a), named(b)
    return bool(na and nb and not na & nb)


#: Who did it (doer head words, bar the generic ones), every word of the doers' names, and where.
Profile = tuple[set[str], set[str], set[str]]


def profile(c: Cluster) -> Profile:
    """What ``other_doers`` and ``other_places`` compare, read once (a caller asking for many
    pairs keeps it per cluster)."""
    return doer_heads(c) - GENERIC_DOERS, doer_words(c), {f.place for f in c.frames if f.place}


def profiles_differ(a: Profile, b: Profile) -> bool:
    """Different doers (no head word of one is a word of the other's doer: "President Lee" and
    "Lee Jae Sun, the president" are one doer; "authorities" is nobody else's) or different
    places, both sides naming them."""
    (ha, wa, pa), (hb, wb, pb) = a, b
    return bool((ha and hb and not ha & wb and not hb & wa) or (pa and pb and not pa & pb))


def other_places(a: Cluster, b: Cluster) -> bool:
    """Both clusters say where it happened, and no place is the same."""
    pa, pb = {f.place for f in a.frames if f.place}, {f.place for f in b.frames if f.place}
    return bool(pa and pb and not pa & pb)


def other_doers(a: Cluster, b: Cluster) -> bool:
    """Both clusters name who did it, and no doer is the same (``profiles_differ``)."""
    empty: set[str] = set()
    return profiles_differ((doer_heads(a) - GENERIC_DOERS, doer_words(a), empty),
                           (doer_heads(b) - GENERIC_DOERS, doer_words(b), empty))


def same_doer_and_thing(a: Cluster, b: Cluster) -> bool:
    """Both clusters tell one doer acting on one thing, in the same words for each ("Ardelle filed
    a request for a hand recount" / "Ardelle asked for a hand recount"), whatever the verb."""
    ours = [r for f in a.frames if all(r := role_words(f))]
    if not ours:
        return False
    return any(agents & x and patients & y for f in b.frames for agents, patients in [role_words(f)]
               for x, y in ours)


def no_stranger(c: Cluster, target: Sequence[Cluster]) -> bool:
    """The mention names no person (beyond the protagonists) that the target does not."""
    mine = c.persons - c.common
    return not mine or bool(mine & set().union(*(t.persons for t in target)))


def same_roles(c: Cluster, target: Sequence[Cluster]) -> bool:
    """The undated mention tells its family's happening of the same doer or the same thing done
    to ("declared a curfew" / "declared a curfew on Tuesday"): when the only names it
    shares are the story's protagonists, this is what identifies it. It must not name another
    person than the target's."""
    if not no_stranger(c, target):
        return False
    theirs = [role_words(f) for t in target for f in t.frames]
    for f in c.frames:
        agents, patients = role_words(f)
        if any(agents & a or patients & p for a, p in theirs):
            return True
    return False


#: Currencies and percentages: a figure of them is telling whatever its size ("5.2 per cent").
_TELLING_UNITS = re.compile(r"^(?:[A-Z]{3}|percent|per cent|%)$")


def figures_told(c: Cluster) -> frozenset[tuple[str, float]]:
    """The exact figures a cluster's sentences give, with their counted thing: two outlets'
    sentences of one day that give the same uncommon figure ("a second offer of 5.2 per cent, with
    a one-off payment of £800, came on June 3" / "raised it to 5.2 per cent, plus a one-off
    payment of £800, on June 3") tell one happening. Small counts ("two ships") are too common
    to tell anything."""
    out = set()
    for f in c.frames:
        for q in f.claim.quantities:
            if q.unit is None or q.low is None or q.low != q.high or q.increment:
                continue
            if q.low >= 10 or q.low != int(q.low) or _TELLING_UNITS.match(q.unit):
                out.add((q.unit.lower(), q.low))
    return frozenset(out)
