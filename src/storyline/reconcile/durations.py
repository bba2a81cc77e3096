"""How long a happening lasted, as outlets tell it: "the fire burned for about four hours" here,
"for nearly six hours" there.

A duration expression (the time stage's DURATION) measures the happening its sentence is about:
the first event noun of the sentence before it ("the fire that had burned for about four hours",
"the declaration was rescinded after six hours in force"); a sentence that opens with a pronoun
("It lasted three and a half hours") measures the event of the sentence before, named by its
main verb ("declared a curfew": the declaration). Event nouns and verbs meet through their
derivational stem (``plover.stem``). Durations of one happening from different articles that
differ by more than a quarter (vague words like "about" and "nearly" allow that much) are a
contradiction; one article never contradicts itself. "after six days of negotiations" measures
the negotiations. A happening still going on, measured again by a later article about as much
longer as the days between the two ("three days of protests", a fortnight later "a fortnight"),
is no dispute, nor is time served so far ("had spent 15 days in custody since") beside a term set
("remanded for 11 days"). A person's state told by sentences that name no person ("the three
masters are barred ... for two years" / "banned the three skippers ... for three years") is
compared across those sentences whoever the text named before them. The time between two
happenings is compared the same way ("the warning was issued 14 minutes before the storm reached the town" /
"went out ... seven minutes before the storm reached the first houses"): keyed by the happening
measured (the first event noun of the sentence, else its main verb), the direction and the noun
of the happening it is counted from. A passive act naming no event ("the sonar was used for 18
hours") is keyed by its verb and the thing it was done to. A state's length (a person's, a
group's, a thing's, a supply's endurance) is read by ``duration_states``; the durations of one
thing are compared by ``duration_disputes``. Pure functions over the extraction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.numbers import TENS, UNITS
from storyline.model import (
    Article,
    ArticleAnalysis,
    Claim,
    Conflict,
    Sentence,
    TimeExpr,
)
from storyline.reconcile.duration_disputes import (
    DurationSeen,
    close,
    conflict_values,
    disputes,
    hours,
    listing,
    new_disputes,
)
from storyline.reconcile.duration_states import (
    STATE_NOUNS,
    names_no_person,
    state_named,
    state_of_person,
    state_of_thing,
    supply,
)
from storyline.reconcile.facts import sentence_at
from storyline.reconcile.figure_misprints import swapped_durations
from storyline.reconcile.roles import head_word
from storyline.reconcile.timeslot import parse_day
from storyline.time.lexicon import VAGUE_LEAD

#: What a duration of a happening follows ("burned for", "ended after"), and what makes it a
#: distance instead ("an hour away"): data/lexicon/attributes.json.
_LASTING = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'duration_lead_words')))})\s*$", re.I)
_DISTANCE = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, sorted(lexicon.words('attributes', 'distance_words'))))})\b",
                       re.I)
_PRONOUN_START = re.compile(r"^\W*(?:it|this|that)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
#: Words that may follow a noun that heads its phrase ("the fire that ...", "the declaration was").
_AFTER_HEAD = lexicon.words("attributes", "after_head_noun")
#: Periods that are no event of the taxonomy ("a state of emergency", "mourning"): data/lexicon/attributes.json.
_LASTING_NOUNS = lexicon.words("attributes", "lasting_nouns")


def _lasts(word: str) -> bool:
    """A noun a duration may measure: an event noun, or a period named by no event type."""
    return plover.is_event_noun(word) or plover.is_event_noun(word.rstrip("s")) or word in _LASTING_NOUNS


#: "an earlier version of this article" (the modifiers of a withdrawn version: data/lexicon/reporting.json)
_WITHDRAWN = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('reporting', 'withdrawn_versions')))})\s+"
                        r"(?:version|edition)\b", re.IGNORECASE)
#: An explicit year in a sentence, read by its digits: the time stage's dates would do, but it
#: still reads a date a verb sets in an infinitive ("set their trial to begin on Nov. 2") as past.
_YEAR = re.compile(r"(?<![\d])(?<!\d[.,])(1[89]\d\d|20\d\d)(?!\d|[.,]\d)")
#: "... before the storm reached", "... after the collapse": the happening a gap is counted from.
_GAP = re.compile(r"^\s+(before|after)\s+(?:the|a|an|its|their|his|her)\s+([a-z]+)\b", re.I)
#: A duration written as a modifier ("a two-day inquiry", "a 15-minute halt"): the words
#: after it, the first of them the noun it measures or a modifier of that noun.
_MODIFIER = re.compile(r"[\w.]+-(?:second|minute|hour|day|night|week|month|year)$", re.I)
_NEXT_WORDS = re.compile(r"^\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?", re.I)


def _main_event(claims: Sequence[Claim], index: int) -> str | None:
    """The word naming the main event of sentence ``index`` (its claim's predicate)."""
    own = next((c for c in claims if c.sentence == index and c.parent is None), None)
    if own is None or own.predicate is None or plover.event_type(own.predicate) in (None, "STATEMENT"):
        return None
    return own.predicate


def _measured(sentence: Sentence, t: TimeExpr, claims: Sequence[Claim]) -> str | None:
    """The word naming what the duration measures, or None when the sentence does not say."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    after = sentence.text[max(0, t.end - sentence.start):]
    lead = _LASTING.search(before)
    if lead is None or (_DISTANCE.match(after) and not lead.group(0).lower().startswith("last")):
        # "identified in two weeks", "hospitals an hour away": not how long it lasted; but "lasted
        # 103 hours from the first failure to ..." measures from one end to the other
        return None
    of = _OF_NOUN.match(after)
    if of is not None and _lasts(of.group(1).lower()):
        return of.group(1).lower()  # "after six days of negotiations": the negotiations lasted
    own = next((c for c in claims if c.sentence == sentence.index and c.parent is None), None)
    if own is not None and (own.predicate or "") in _PUT_OFF and own.trigger is not None \
            and 0 <= t.start - own.trigger[1] <= _PUT_OFF_REACH and _FOR_BEFORE.search(before):
        # a verb of putting off or halting ("adjourned the fight over the estate on Tuesday for
        # three weeks") measures how long its act holds, whatever event nouns its object names
        return own.predicate
    scan = _ACCORDING.sub("", before)
    # a reported clause's own noun first ("told a preliminary hearing that the trial would open ...
    # and was expected to last six weeks": the trial), then the sentence's
    told = _REPORTED.search(scan)
    for part in ([scan[told.end():]] if told is not None else []) + [scan]:
        for m in _WORD.finditer(part):
            word = m.group(0).lower()
            nxt = re.match(r"\s+([a-z]+)", part[m.end():])
            # "the fire that burned", "the fire burned": the thing; "the crash site": a modifier of another
            head = nxt is None or nxt.group(1) in _AFTER_HEAD or nxt.group(1).endswith("ed")
            if head and _lasts(word):
                return word
    if _PRONOUN_START.match(before):
        return _main_event(claims, sentence.index - 1)
    # "was questioned for nine hours", "had been held for 40 days": no event noun, the verb just
    # before the duration is what lasted (the sentence's own event, not a statement)
    # ... after "for" only: "rescued after a night in the cabin" is how long they waited, not the rescue
    if own is not None and own.trigger is not None and 0 <= t.start - own.trigger[1] <= _VERB_REACH \
            and _FOR_BEFORE.search(before) \
            and _main_event(claims, sentence.index) is not None:
        return own.predicate
    return None


#: The complementiser of a reported clause ("told the hearing that the trial ..."), its last one.
_REPORTED = re.compile(r"^.*\bthat\s+(?=(?:the|a|an|its|his|her|their)\b)", re.I | re.S)
#: A source phrase opening the sentence ("According to the navy's statement, the sonar was used
#: for 28 hours"): its noun names who tells, not what lasted.
_ACCORDING = re.compile(r"^\W*according\s+to\s+[^,]{1,80},", re.I)
_OF_NOUN = re.compile(r"\s+of\s+(?:the\s+)?([A-Za-z][A-Za-z-]+)")
#: How far before a duration the verb it measures may end ("questioned by prosecutors for").
_VERB_REACH = 40
#: Verbs of putting off or halting an act, whose "for" tells how long it holds: data/lexicon/attributes.json.
_PUT_OFF = lexicon.words("attributes", "put_off_verbs")
_PUT_OFF_REACH = 80
_FOR_BEFORE = re.compile(rf"\bfor\s+{VAGUE_LEAD}$", re.I)


_PASSIVE_FOR = re.compile(rf"\b(?:was|were|is|are|been|being)\s+[a-z]+ed\s+for\s+{VAGUE_LEAD}$", re.I)


def _passive_act(sentence: Sentence, t: TimeExpr, claims: Sequence[Claim]) -> tuple[str, str] | None:
    """How long something was done to a thing, told with a passive naming no event ("the sonar was
    used for 18 hours"): (key, what), keyed by the verb and the head word of what it was done to,
    since "the sonar was used" and "the pumps were used" are two acts."""
    own = next((c for c in claims if c.sentence == sentence.index and c.parent is None), None)
    before = sentence.text[: max(0, t.start - sentence.start)]
    if own is None or own.trigger is None or not own.patients or not _PASSIVE_FOR.search(before) \
            or not 0 <= t.start - own.trigger[1] <= _VERB_REACH:
        return None
    thing = head_word(own.patients[0])
    if thing is None or not own.predicate:
        return None
    return f"act:{plover.stem(own.predicate)}:{thing}", f"{thing} {own.predicate}"


def _modified(sentence: Sentence, t: TimeExpr) -> str | None:
    """The event noun a duration written as its modifier measures ("a two-day inquiry", "the
    15-minute halt", "a 30-day suspension"); None for a thing ("a 12-hour shift pattern"
    names no event) or a modifier of something else."""
    if not _MODIFIER.search(t.text):
        return None
    m = _NEXT_WORDS.match(sentence.text[max(0, t.end - sentence.start):])
    if m is None:
        return None
    first, second = m.group(1).lower(), (m.group(2) or "").lower()

    def measured(word: str) -> bool:
        return _lasts(word) or word in STATE_NOUNS

    if measured(first) and not measured(second):
        return first
    if second and measured(second):
        return second  # "a two-day harbour inquiry"
    third = (m.group(3) or "").lower()
    if second == "of" and measured(third):
        return third  # "the 60-day state of emergency", "a three-day period of mourning"
    return None


def _gap(sentence: Sentence, t: TimeExpr, claims: Sequence[Claim]) -> tuple[str, str] | None:
    """The time between two happenings ("issued 14 minutes before the storm reached"): (key,
    what). The measured happening is the sentence's first event noun that heads its phrase (not
    "storm" in "a storm warning"), else its main verb; the other is the noun after "before" or
    "after"."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    m = _GAP.match(sentence.text[max(0, t.end - sentence.start):])
    if m is None or _LASTING.search(before):
        return None
    words = [w.group(0).lower() for w in _WORD.finditer(before)]
    main = next((w for i, w in enumerate(words) if plover.is_event_noun(w)
                 and not (i + 1 < len(words) and plover.is_event_noun(words[i + 1]))), None)
    main = main or _main_event(claims, sentence.index)
    if main is None:
        return None
    direction, other = m.group(1).lower(), m.group(2).lower()
    return f"gap:{plover.stem(main)}:{direction}:{other}", f"{main} {direction} the {other}"



def durations(article: Article, analysis: ArticleAnalysis,
              told: Sequence[tuple[TimeExpr, Sentence]] | None = None) -> list[DurationSeen]:
    """Every duration the article gives of a happening it names, of a person's state, or of a
    supply's endurance. ``told``: the article's story durations (``_story_durations``), when the
    caller has read them."""
    out = []
    written = parse_day((article.published.value or "")[:10]) if article.published else None
    for t, sent in _story_durations(article, analysis) if told is None else told:
        if (n := hours(t.value)) is None:
            continue
        ext = _extension(sent, t)
        if ext is not None:  # "extended the state of siege by 45 days": the extension's length
            out.append(DurationSeen(f"extension:{ext}", f"extension of the {ext}", n, t, article.id, sent.text, written))
            continue
        noun = _modified(sent, t)  # "a 30-day suspension": a person's state or a happening's length
        personal = state_of_person(sent, t, analysis, noun, article.title)
        state = personal or state_of_thing(sent, t, analysis.claims) or state_named(sent, noun, analysis.claims) \
            or supply(sent, t)
        if state is not None:
            unnamed = personal is not None and not personal[0].endswith(":group") and names_no_person(sent, analysis)
            out.append(DurationSeen(state[0], state[1], n, t, article.id, sent.text, written, unnamed))
            continue
        what = _measured(sent, t, analysis.claims) or noun
        if what is None and (act := _passive_act(sent, t, analysis.claims)) is not None:
            out.append(DurationSeen(act[0], act[1], n, t, article.id, sent.text, written))
        elif what is not None:
            out.append(DurationSeen(plover.stem(what), what, n, t, article.id, sent.text, written))
        elif (gap := _gap(sent, t, analysis.claims)) is not None:
            out.append(DurationSeen(gap[0], gap[1], n, t, article.id, sent.text, written))
    return out


#: "extended the state of siege by 45 days", "to extend the curfew for another week": the verb,
#: what it extends, and the words that make the duration the extension's.
_EXTENDED = re.compile(r"\bextend(?:s|ed|ing)?\s+(?P<what>[^.;:!?]{1,60}?)\s+"
                       r"(?:by|for\s+(?:another|a\s+further|an\s+additional|an\s+extra))\s+"
                       r"(?:about\s+|nearly\s+|almost\s+|some\s+)?$", re.I)


def _extension(sentence: Sentence, t: TimeExpr) -> str | None:
    """What a duration extends ("extended the state of siege by 45 days": the siege, whose
    extension lasts 45 days, not the siege itself): the last word of the extended thing."""
    m = _EXTENDED.search(sentence.text[: max(0, t.start - sentence.start)])
    if m is None:
        return None
    words = _WORD.findall(m.group("what"))
    return words[-1].lower() if words else None


_SPENT_BEFORE = re.compile(rf"\bspent\s+{VAGUE_LEAD}$", re.I)
_SINCE_AFTER = re.compile(r"^[^.;:!?]{0,40}?\bsince\b", re.I)


def _served_so_far(sentence: Sentence, t: TimeExpr) -> bool:
    """Time spent in a state from a day up to the telling ("had spent 15 days in custody since the
    boarding"): counted from another start than the term a court set ("remanded for 11 days"),
    so it is no rival of it."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    return bool(_SPENT_BEFORE.search(before) and _SINCE_AFTER.match(sentence.text[max(0, t.end - sentence.start):]))


def _withdrawn(sentence: Sentence) -> bool:
    """A correction note's sentence ("An earlier version of this article said he was jailed for
    12 years"): the outlet withdrew what it tells, and no one asserts its duration."""
    return bool(_WITHDRAWN.search(sentence.text))


def _history(sentence: Sentence, article: Article) -> bool:
    """The sentence names a year before the article's ("last walked out in 2009, when a six-day
    walkout ..."): what it measures is history's, not the story's."""
    written = (article.published.value or "")[:4] if article.published else ""
    # a year that names which thing ("the disputed 2024 will", "its 2019 bonds") dates no happening
    told = _NAMING_YEAR.sub(" ", sentence.text)
    return written.isdigit() and any(y < written for y in _YEAR.findall(told))


_NAMING_YEAR = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that|[\w-]+(?:'s|’s))\s+(?:[a-z-]+\s+)?"
                          r"(?:1[89]\d\d|20\d\d)(?=\s+[a-z])")


def duration_conflicts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                       event_of: Mapping[str, str] | None = None) -> list[Conflict]:
    """One contradiction per happening whose durations differ between articles. ``event_of`` (a
    claim's event, as the events were joined across articles) keys the durations whose words name
    no measured thing by the event their clause tells (``_by_event``)."""
    by_article = {an.article_id: an for an in analyses}
    seen: dict[str, list[DurationSeen]] = defaultdict(list)
    swappable: list[tuple[str, TimeExpr, str]] = []
    in_events: dict[str, list[tuple[DurationSeen, str | None]]] = defaultdict(list)
    for a in articles:
        an = by_article.get(a.id)
        if an is not None:
            told = _story_durations(a, an)
            keyed = durations(a, an, told)
            for d in keyed:
                seen[d.key].append(d)
            if event_of:
                for eid, d, named in _by_event(a, an, told, keyed, event_of):
                    in_events[eid].append((d, named))
            # any of them may be one outlet's copy with the digits swapped ... but a range's end
            # ("within 10 to 12 days")
            swappable += [(a.id, t, sent.text) for t, sent in told
                          if not _RANGE_END.search(sent.text[: max(0, t.start - sent.start)])]
    conflicts: list[Conflict] = []
    for _key, found in sorted(seen.items()):
        conflicts += disputes(found)
    conflicts += _unnamed_conflicts(seen, conflicts)
    conflicts += _event_conflicts(in_events, conflicts)
    # one outlet's copy with the digits swapped, whatever each is read as the length of
    disputed = [{n for v in k.values for n in _NUMBER.findall(v.value)} for k in conflicts]
    for pair in swapped_durations(swappable, lambda x, y: any({x, y} <= ns for ns in disputed)):
        values = conflict_values(list(pair))
        conflicts.append(Conflict(
            id="", slot="quantity: duration", kind="contradiction", values=values,
            explanation=f"One duration told with its digits swapped in one outlet's copy: {listing(values)}."))
    return conflicts


def _unnamed_conflicts(seen: Mapping[str, Sequence[DurationSeen]], keyed: Sequence[Conflict]) -> list[Conflict]:
    """Durations of one person's state told by sentences that name no person ("the three masters
    are barred from fishing ... for two years" / "banned the three skippers ... for three years"),
    compared with each other whoever the sentences before them named: that guess of a holder is
    what sets them apart, and the holder these sentences tell is the same. A dispute already found
    is not told twice."""
    pools: dict[str, list[DurationSeen]] = defaultdict(list)
    for key, found in seen.items():
        pools[":".join(key.split(":")[:2])] += [d for d in found if d.unnamed]
    return new_disputes(pools, keyed)


def _claim_of(claims: Sequence[Claim], t: TimeExpr) -> Claim | None:
    """The claim whose clause a duration sits in: of the claims spanning it, the one whose trigger
    ends nearest before it (a participle's or a relative clause's own event before the sentence's)."""
    around = [c for c in claims if c.span[0] <= t.start < c.span[1]]
    before = [c for c in around if c.trigger is not None and c.trigger[1] <= t.start]
    if before:
        return max(before, key=lambda c: c.trigger[1] if c.trigger else -1)
    return next((c for c in around if c.parent is None), around[0] if around else None)


#: How an event's own length is told ("lasted about six hours", "took 26 hours", "spent 64 hours
#: alone", "held for 40 days"), right after its verb: data/lexicon/attributes.json.
_OWN_LENGTH = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('attributes', 'own_length_words')))})\s+{VAGUE_LEAD}$",
                         re.I)
#: A count of units ("64 hours", "nine days", "a 14-day"), not a bare unit ("a day", "the week", "one week").
_COUNTED = re.compile(rf"\d|\b(?:{'|'.join(w for w in (*UNITS, *TENS, 'hundred') if w not in ('zero', 'one'))})\b", re.I)
#: A length counted to or from another happening ("42 minutes later", "90 minutes into the descent"):
#: data/lexicon/attributes.json.
_COUNTED_FROM = re.compile(rf"^\s*(?:{'|'.join(sorted(lexicon.words('attributes', 'counted_from_words')))})\b", re.I)


def _measures_its_clause(sentence: Sentence, t: TimeExpr, claim: Claim) -> bool:
    """Whether a duration is the length of its clause's own event: a count of units, told right
    after the event's verb ("the discharge lasted about six hours") or as a modifier of an event
    noun ("the 14-day freeze"), and not counted to or from another happening."""
    before = sentence.text[: max(0, t.start - sentence.start)]
    after = sentence.text[max(0, t.end - sentence.start):]
    if not _COUNTED.search(t.text) or _COUNTED_FROM.match(after):
        return False
    if _modified(sentence, t) is not None:
        return True
    return claim.trigger is not None and 0 <= t.start - claim.trigger[1] <= _VERB_REACH \
        and bool(_OWN_LENGTH.search(before))


def _by_event(article: Article, analysis: ArticleAnalysis, told: Sequence[tuple[TimeExpr, Sentence]],
              keyed: Sequence[DurationSeen], event_of: Mapping[str, str]) -> list[tuple[str, DurationSeen, str | None]]:
    """The article's story durations by the event their clause tells: (event id, duration, the key
    its words gave it, if any). An article giving two lengths in one event does not say which is
    the event's, and gives none."""
    written = parse_day((article.published.value or "")[:10]) if article.published else None
    named = {id(d.time): d for d in keyed}
    per_event: dict[str, list[tuple[DurationSeen, str | None]]] = defaultdict(list)
    for t, sent in told:
        if (n := hours(t.value)) is None or (c := _claim_of(analysis.claims, t)) is None:
            continue
        eid = event_of.get(c.id)
        if eid is None or not _measures_its_clause(sent, t, c):
            continue
        d = named.get(id(t))
        per_event[eid].append((DurationSeen(f"event:{eid}", d.what if d else "happening", n, t, article.id, sent.text,
                                            written), d.key if d else None))
    out = []
    for eid, found in per_event.items():
        if all(close(found[0][0], d) for d, _ in found):
            out += [(eid, found[0][0], found[0][1])]
    return out


def _event_conflicts(in_events: Mapping[str, Sequence[tuple[DurationSeen, str | None]]],
                     keyed: Sequence[Conflict]) -> list[Conflict]:
    """Durations of one event whose words do not say what they measure ("spent more than five
    hours in the witness box", "spent some 64 hours alone") or that were keyed apart by a holder
    the words name loosely ("the 21-day ban" on a village, "a 14-day ban" on its wells), compared
    with the event's other durations as long as those name one measured thing only (an event with
    a fire's length and a road's closure holds two measures). A dispute the keyed durations
    already found is not told twice."""
    groups = {}
    for eid, found in in_events.items():
        whats = {d.what for d, named in found if named}
        if len(whats) > 1 or (all(named for _, named in found) and len({named for _, named in found}) == 1):
            continue
        groups[eid] = [d for d, _ in found]
    return new_disputes(groups, keyed)


_NUMBER = re.compile(r"\d+")
_RANGE_END = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:to|or|-|–)\s*$",
                        re.I)


def _story_durations(article: Article, analysis: ArticleAnalysis) -> list[tuple[TimeExpr, Sentence]]:
    """Every duration the article tells of the story, with its sentence: not its history, a
    withdrawn version or the time served so far. Read once per article for both the keyed
    durations and the swapped digits."""
    out = []
    for t in analysis.times:
        if t.type != "DURATION":
            continue
        sent = sentence_at(analysis, None, t.start)
        if sent is not None and not (_history(sent, article) or _withdrawn(sent) or _served_so_far(sent, t)):
            out.append((t, sent))
    return out
