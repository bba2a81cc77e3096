"""What a duration is the length of when it is a state: a person's (on the run, in custody, a
mandate), a group's, a thing's (out of service, dark) or a supply's endurance (hours of air).

Each reader takes a sentence and a duration in it and gives (key, what) or None; the key names
the state and whose it is, so that two outlets' durations of one state are compared and two
people's are not. Read by storyline.reconcile.durations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline import lexicon
from storyline.model import ArticleAnalysis, Claim, Mention, Sentence, TimeExpr
from storyline.reconcile.roles import head_word
from storyline.time.lexicon import VAGUE_LEAD

_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
#: States a person is in for a while ("on the run", "at large"), each with the state it names.
_STATES: dict[str, str] = lexicon.table("attributes", "lasting_states")
_STATE_ALT = "|".join(re.escape(p) for p in sorted(_STATES, key=len, reverse=True))
# "had been on the run for 19 days", "banned from athletics for four years", "sentenced to six years"
_STATE_BEFORE = re.compile(rf"\b({_STATE_ALT})(?:\s+(?:from|in|by|at)\s+[\w\s'-]{{1,40}}?)?\s+(?:for|to)"
                           rf"(?:\s+(?:a|the)\s+(?:period|term)\s+of)?\s*$", re.I)  # "serve for a period of 18 months"
_STATE_AFTER = re.compile(rf"^\s+({_STATE_ALT})\b", re.I)  # "after nearly three weeks at large"
#: "suspended its rider, X, on Monday for 45 days": a state verb with its object between it
#: and the duration
_STATE_PARTICIPLES = sorted(p for p in _STATES if " " not in p and p.endswith("ed"))
_STATE_VERB_GAP = re.compile(
    rf"\b({'|'.join(_STATE_PARTICIPLES)})\b(?:(?!\b(?:was|were|is|are|been|being|has|have|had)\b)[^.;:!?]){{1,70}}?\s+for\s*$",
    re.I)  # ... with no other verb's auxiliary between ("Suspended governor X was questioned for")
#: "ordered the two owners held for 60 days", "ordered to be held for six months": a custody order's
#: length, whatever verb of keeping it uses (data/lexicon/attributes.json).
_ORDER_WORDS: dict[str, list[str]] = lexicon.table("attributes", "custody_order_words")
_KEEP_ALT = "|".join(w.replace(" ", r"\s+") for w in sorted(_ORDER_WORDS["keep"], key=len, reverse=True))
_ORDERED_HELD = re.compile(
    rf"\b(?:{'|'.join(_ORDER_WORDS['order'])})\b"
    r"(?:(?!\b(?:was|were|is|are|been|has|have|had)\b)[^.;:!?]){0,60}?\s(?:to\s+be\s+)?"
    rf"(?:{_KEEP_ALT})"
    rf"(?:\s+in\s+[\w\s'-]{{1,30}}?)?\s+for\s+{VAGUE_LEAD}$", re.I)
#: Nouns of a person's lasting state a duration modifies ("a 30-day suspension"): the state.
STATE_NOUNS: dict[str, str] = lexicon.table("attributes", "lasting_state_nouns")
_AFTER_OR_SPENT = re.compile(r"\b(?:after|spent|spending)\s*$", re.I)
#: "was found alive in the basement after nearly 30 hours": the time trapped
_RESCUED_AFTER = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'rescued_alive_verbs')))})"
                            r"\s+(?:out\s+)?alive\b[^.;]{0,80}?\bafter\s*$", re.I)
#: "after 15 hours under a tangle of steel": a person under something (data/lexicon/attributes.json).
_UNDER_AFTER = re.compile(rf"^\s+(?:{'|'.join(sorted(lexicon.words('attributes', 'trapped_under_words')))})\s+(?:the|a|an)\b",
                          re.I)
#: Supplies a duration measures the endurance of ("40 hours of air", "life support for 50 hours").
_SUPPLIES: dict[str, str] = lexicon.table("attributes", "supplies")
_SUPPLY_ALT = "|".join(re.escape(p) for p in sorted(_SUPPLIES, key=len, reverse=True))
_SUPPLY_AFTER = re.compile(rf"^\s+(?:worth\s+)?of\s+({_SUPPLY_ALT})\b", re.I)
#: What is left of a supply ("ten hours of air left", "the remaining ten hours"): data/lexicon/attributes.json.
_REMAINING: dict[str, list[str]] = lexicon.table("attributes", "remaining_words")
_LEFT = re.compile(rf"^\s+(?:{'|'.join(map(re.escape, _REMAINING['after']))})\b", re.I)
_BEFORE_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _REMAINING["before"])
_LEFT_BEFORE = re.compile(rf"\b(?:{_BEFORE_WORDS})\s+(?:\w+\s+){{0,2}}$", re.I)
_SUPPLY_BEFORE = re.compile(rf"\b({_SUPPLY_ALT})\s+(?:\w+\s+){{0,3}}?(?:for|to\s+last)\s*$", re.I)


def state_of_person(sentence: Sentence, t: TimeExpr, analysis: ArticleAnalysis,
                     noun: str | None, title: str | None = None) -> tuple[str, str] | None:
    """A duration of a person's state ("Vardeckel had been on the run for 19 days", "after nearly
    three weeks at large", "was pulled out alive after 30 hours": trapped): (key, what). The person is the last one the article named before the
    duration ("He had been on the run ..." is the man of the sentence before); the key holds both,
    since two people on the run are two durations. ``noun`` is what a duration written as a
    modifier measures (``_modified``): a state noun of lasting_state_nouns ("a 30-day
    suspension") is the person's state."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    after = sentence.text[max(0, t.end - sentence.start):]
    m = _STATE_BEFORE.search(before) or _STATE_VERB_GAP.search(before)
    if m is None and _AFTER_OR_SPENT.search(before):
        m = _STATE_AFTER.match(after)
    ordered = m is None and _ORDERED_HELD.search(before) is not None
    # "brought out after more than 15 hours under a tangle of steel tubes": the time trapped
    under = m is None and _AFTER_OR_SPENT.search(before) is not None and _UNDER_AFTER.match(after) is not None
    if m is None and not ordered and not under and not _RESCUED_AFTER.search(before) \
            and (noun is None or noun not in STATE_NOUNS):
        return None
    state = _STATES[m.group(1).lower()] if m is not None else _STATES["in custody"] if ordered \
        else STATE_NOUNS[noun] if noun in STATE_NOUNS else _STATES["trapped"]
    if _SPENT.search(before):
        # "spent 15 days in a cell before he was bailed": the time served, another measure than the
        # term set ("remanded in custody for 11 days")
        state = f"{state} served"
    named = [x for x in analysis.mentions if x.label == "PERSON" and sentence.start <= x.start and x.end <= t.start]
    if _PLURAL_PRONOUN.search(_CLAUSE_START.split(before)[-1]) or _NAME_LIST.search(before) or (
            len(named) >= 2 and _LISTED.fullmatch(_between(sentence, named[-2].end, named[-1].start))):
        # "A, B and C are remanded for 14 days", "remanded them for 21 days": the group's state,
        # one duration however its members are named
        return f"state:{state}:group", f"time {state}"
    person = next((x for x in reversed(analysis.mentions) if x.label == "PERSON" and x.end <= t.start), None)
    if m is None and noun is not None:
        # "A B, named by minister C D, will have a two-year mandate": a state noun's holder is the
        # sentence's subject, not the last name before the duration; "a 10-year ban handed to
        # coach X": the one it is handed to
        person = _given_to(sentence, t, analysis, noun) or _subject_person(sentence, analysis) or person
    if person is not None and person.start >= sentence.start \
            and _OBJECT_PRONOUN.search(_between(sentence, person.end, t.start)):
        # "Judge X granted the request to hold her in detention for 30 days": an object pronoun
        # is not its own clause's subject; the person is the one the text has named most before
        person = _most_named(analysis, sentence.start, title)
    if person is None:
        # "ordered both owners held for 30 days" in a text that names no one: whose state it is
        # the sentence's own words tell, as when the text had named someone else before
        # (a state told by its noun alone, "an eight-week suspension", is keyed by that noun instead)
        return (f"state:{state}:unnamed", f"time {state}") \
            if (m is not None or ordered) and names_no_person(sentence, analysis) else None
    who = person.entity_id or person.text.split()[-1].lower()
    return f"state:{state}:{who}", f"time {state}"


#: Personal pronouns (not "they": a group is no guess of one person): a sentence using one tells
#: of someone the text named before, or of the speaker and whom they speak for.
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")  # not "US"


def names_no_person(sentence: Sentence, analysis: ArticleAnalysis) -> bool:
    """Whether a sentence names no person and points to none with a pronoun ("the three masters
    are barred ...", "the board suspended the quarry's licence ..."): a person's state it tells
    falls on whom its own words say, not on the last person the text named."""
    return not _PERSONAL.search(sentence.text) and not any(
        x.label == "PERSON" and sentence.start <= x.start < sentence.end for x in analysis.mentions)


#: What follows a state noun to name whom it falls on ("a ban handed to", "a suspension imposed on").
_GIVEN_TO = re.compile(r"^[\w-]*\s+(?:[a-z]+\s+)?(?:(?:handed|given|issued|imposed|served)\s+(?:down\s+)?(?:to|on)|on|for|against)"
                       r"\s+[^.;:!?]{0,40}?$")


def _given_to(sentence: Sentence, t: TimeExpr, analysis: ArticleAnalysis, noun: str) -> Mention | None:
    """The person a state noun is handed to, named just after it ("a 10-year ban handed to head
    coach X", "a two-year suspension for X")."""
    after = t.end
    for x in analysis.mentions:
        if x.label == "PERSON" and after <= x.start < sentence.end:
            words = sentence.text[after - sentence.start: x.start - sentence.start]
            if noun in words.lower().split()[:2] and _GIVEN_TO.match(words.lstrip()):
                return x
            return None
    return None


def _subject_person(sentence: Sentence, analysis: ArticleAnalysis) -> Mention | None:
    """The person the sentence's own claim names as its doer, when one does."""
    own = next((c for c in analysis.claims if c.sentence == sentence.index and c.parent is None), None)
    if own is None or not own.agents:
        return None
    return next((x for x in analysis.mentions if x.label == "PERSON" and sentence.start <= x.start < sentence.end
                 and x.text in own.agents[0]), None)


def _most_named(analysis: ArticleAnalysis, before: int, title: str | None) -> Mention | None:
    """The person an article has named most often before an offset, the one its headline names
    first (the latest mention of them): whom a pronoun there most likely means when its own clause
    names someone else."""
    seen = [x for x in analysis.mentions if x.label == "PERSON" and x.end <= before]
    if not seen:
        return None
    counts = Counter(x.entity_id or x.text.split()[-1].lower() for x in seen)
    headline = (title or "").lower()

    def weight(x: Mention) -> tuple[bool, int]:
        last = x.text.split()[-1].lower()
        return bool(re.search(rf"\b{re.escape(last)}\b", headline)), counts[x.entity_id or last]

    return max(reversed(seen), key=weight)


#: A pronoun between a named person and the duration ("held her", "his sister, A B, said he had
#: been held"): someone else than the person just named.
_OBJECT_PRONOUN = re.compile(r"\b(?:her|him|them|he|she)\b", re.I)
_SPENT = re.compile(rf"\bspen(?:t|ds?|ding)\s+{VAGUE_LEAD}$", re.I)
_PLURAL_PRONOUN = re.compile(r"\b(?:they|them)\b", re.I)
#: A list of names as the subject of the clause that runs on to the duration ("Tolbrin, Aurick and
#: Pendry were remanded in custody for").
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_NAME_LIST = re.compile(rf"(?<![\w'’-]){_NAME}(?:,\s+{_NAME})*,?\s+(?:and|&)\s+{_NAME}\s+[a-z][^,.;:!?]*$")
#: Between the last two names of a list ("Tolbrin, Aurick and Pendry").
_LISTED = re.compile(r"\s*(?:,|,?\s+and|&)\s*")


def _between(sentence: Sentence, start: int, end: int) -> str:
    """The sentence's text between two offsets of the article."""
    return sentence.text[max(0, start - sentence.start): max(0, end - sentence.start)]


#: States a thing is in for a while ("out of action for 70 hours"): data/lexicon/attributes.json.
_SERVICE: dict[str, str] = lexicon.table("attributes", "service_states")
_SERVICE_ALT = "|".join(re.escape(p) for p in sorted(_SERVICE, key=len, reverse=True))
_SERVICE_BEFORE = re.compile(rf"\b(?:been|being|was|were|is|are|remained|remains|stayed|stays|went|goes|gone|going"
                             r"|stood|stands|sat|lay|left)"
                             rf"\s+({_SERVICE_ALT})\s+for\s+{VAGUE_LEAD}$", re.I)


#: "sewage flowed into the lake for 19 hours": how long the subject ran out (data/lexicon/attributes.json).
_FLOW_BEFORE = re.compile(rf"\b({'|'.join(sorted(lexicon.words('attributes', 'flow_verbs')))})\b"
                          rf"(?:\s+[\w'’-]+){{0,6}}?\s+for\s+{VAGUE_LEAD}$", re.I)


#: Where a clause starts, so the words after it up to a verb are its subject.
_CLAUSE_START = re.compile(r"[,;:(]|\b(?:that|why|how|when|whether|after|before|because|as|while|where|which|"
                           r"who|and|but|since|until|if)\b", re.I)
_AUX_END = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|will|would|could|may|might|must|should|not|also|"
                      r"still|then|reportedly|briefly|only|n't))+\s*$", re.I)


def state_of_thing(sentence: Sentence, t: TimeExpr, claims: Sequence[Claim]) -> tuple[str, str] | None:
    """A duration of a thing's state ("the pump had been out of action for 70 hours", "after
    being down for 48 hours") or of its running out ("sewage flowed into the lake for 19 hours"):
    (key, what), keyed by the head word of the sentence's subject, since two things shut are two
    durations."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    m = _SERVICE_BEFORE.search(before)
    flowing = m is None and (m := _FLOW_BEFORE.search(before)) is not None
    if m is None:
        return None
    # the subject of the clause holding the state: the words between the last clause boundary and
    # the verb ("the inquiry into why the broadcast went dark": the broadcast, not the inquiry)
    clause = _AUX_END.sub("", _CLAUSE_START.split(before[: m.start()])[-1])
    phrase: str | None = clause if _WORD.search(clause) else None
    if phrase is None:
        own = next((c for c in claims if c.sentence == sentence.index and c.parent is None), None)
        phrase = next(iter(own.agents or own.patients), None) if own is not None else None
    thing = head_word(phrase) if phrase is not None else None
    if thing is None:
        return None
    state = "flowing" if flowing else _SERVICE[m.group(1).lower()]
    return f"state:{state}:{thing}", f"time {state}"


#: A thing's state named by a noun a duration modifies ("a 15-hour closure"): data/lexicon/attributes.json.
_SERVICE_NOUNS: dict[str, str] = lexicon.table("attributes", "service_state_nouns")


def state_named(sentence: Sentence, noun: str | None, claims: Sequence[Claim]) -> tuple[str, str] | None:
    """A thing's state a duration measures as the modifier of its noun ("the airport was back in
    business after a 15-hour closure"): keyed as ``state_of_thing`` keys the state told with a verb
    ("the airport had been shut for 51 hours"), by the clause subject's head word."""
    state = _SERVICE_NOUNS.get((noun or "").lower())
    if state is None:
        return None
    own = next((c for c in claims if c.sentence == sentence.index and c.parent is None), None)
    phrase = next(iter(own.agents), None) if own is not None else None
    thing = head_word(phrase) if phrase is not None else None
    if thing is None:
        return None
    return f"state:{state}:{thing}", f"time {state}"


#: A supply's name as the object of a preposition ("worked on its life-support system", "an
#: expert in life support"): the thing talked of, not a supply that lasts.
_WORKED_ON = re.compile(r"\b(?:on|in|about|with|into)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w-]+(?:'s|’s)\s+)?$")


def supply(sentence: Sentence, t: TimeExpr) -> tuple[str, str] | None:
    """How long a supply lasts ("had 40 hours of air", "carried life support for 50 hours"):
    (key, what). Synonyms name one supply (``_SUPPLIES``), so two outlets' "air" and "life
    support" are compared; a story tells one vessel's or one group's supply."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    after = sentence.text[max(0, t.end - sentence.start):]
    m = _SUPPLY_AFTER.match(after) or _SUPPLY_BEFORE.search(before)
    if m is None or _LEFT.match(after[m.end():] if m.re is _SUPPLY_AFTER else after) or _LEFT_BEFORE.search(before):
        return None  # "ten hours of air left", "the remaining ten hours": what is left, not the supply
    if m.re is _SUPPLY_BEFORE and _WORKED_ON.search(before[: m.start()]):
        return None  # "worked on the life-support system for nine years": a thing worked on, not a supply
    supply = _SUPPLIES[m.group(1).lower()]
    return f"supply:{supply}", f"supply of {supply}"

