"""Tense of the clause a time expression sits in: it decides whether "Friday" is past or coming."""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Span, Token

from storyline import lexicon
from storyline.time.lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS

Tense = Literal["past", "present", "future"] | None

_FUTURE_CUES = re.compile(
    r"(?:\bahead\s+of|\bupcoming|\bleading\s+up\s+to|\bscheduled\s+(?:for|on)|\bset\s+for|\bplanned\s+for"
    r"|\bexpected\s+(?:on|by|in)|\bdue\s+(?:on|by|in)|\bas\s+(?:soon|early)\s+as|\bstarting|\bnext)\s+(?:the\s+)?$",
    re.I,
)
#: The scheduling words (data/lexicon/events.json, beside the adjectives extract.event_time reads).
_FUTURE_LEMMAS = lexicon.words("events", "future_words")
#: The auxiliaries of the future ("will", "'ll", "shall"; "wo" of "won't" where the verb's own).
_WILL = frozenset({"will", "'ll", "shall"})
_SCHEDULING = lexicon.words("events", "scheduling_verbs")
#: Verbs of beginning, going on or ending: "due to begin examining the boiler on Tuesday" is
#: the beginning's day, so the tense is the beginning's.
_ASPECT = lexicon.words("events", "aspect_verbs")
_SETTING_VERBS = lexicon.words("events", "setting_verbs")
_REPORTING = lexicon.words("reporting", "reporting_verbs")
#: "... for 2 October" right before the expression
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
#: A bare weekday, maybe with its part of the day ("Friday", "Tuesday evening"), not a dated day
#: (the time lexicon's names)
_WEEKDAY = re.compile(r"(?:(?:\d{1,2}[:.]\d{2}|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|midnight|noon|midday)\s+(?:on\s+)?)?"  # "from 10:00 on Tuesday", "9 a.m. on Thursday"
                      rf"(?:{'|'.join(w for w in WEEKDAYS if w.endswith('day'))})"
                      rf"(?:\s+(?:{'|'.join(PARTS_OF_DAY)}))?", re.I)
_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
_PRESENT_MODALS = {"may", "should", "must", "can", "ca"}


def before_complement_subject(tok: Token) -> Token | None:
    """The verb a time phrase modifies when the parser hangs it on that verb's complement clause
    but it is written before the clause's subject ("said on Monday it would close": the saying
    is dated, not the closing). A clause opened by "that" before the phrase owns it ("said that
    on Monday it would close")."""
    phrase = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    verb = phrase.head
    if phrase is verb or verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX"):
        return None
    outer = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or not outer.i < phrase.left_edge.i <= phrase.right_edge.i < subject.left_edge.i:
        return None
    if any(c.dep_ == "mark" and c.i < phrase.left_edge.i for c in verb.children):
        return None
    return outer


def _on_reporting_verb(tok: Token) -> tuple[Token, Token] | None:
    """(the time phrase, the reporting verb it hangs on) for a time token the parser attached to a
    reporting verb, directly or through a preposition ("said Friday", "said on Friday"); else None."""
    phrase = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    verb = phrase.head
    if phrase is verb or verb.lemma_.lower() not in _REPORTING or verb.pos_ not in ("VERB", "AUX"):
        return None
    return phrase, verb


def before_teller(tok: Token) -> Token | None:
    """The complement's verb when the parser hangs a time phrase on a reporting verb that comes
    after its complement but the phrase ends the complement, before the teller ("He is due in
    court Friday, Brommvar said": the appearing is dated, not the saying; "..., police said Monday"
    dates the saying)."""
    found = _on_reporting_verb(tok)
    if found is None:
        return None
    phrase, verb = found
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < phrase.i), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if comp is None or subject is None or not comp.right_edge.i < phrase.left_edge.i <= phrase.right_edge.i < subject.left_edge.i < verb.i:
        return None
    between = tok.doc[comp.right_edge.i + 1: phrase.left_edge.i]
    return comp if not any(t.is_punct for t in between) else None


def tail_report_day(span: Span) -> bool:
    """A day told on a reporting verb that follows what it reports ("two men were arrested on
    Thursday, police said Friday"): the day of the telling, not of the story the text narrates, so
    a later "the following day" counts from the reported act's day, not from it. A teller that
    leads ("Police said on Friday that ...") may open a narrative of its own and is not one."""
    tok = span.root
    if before_teller(tok) is not None:
        return False  # the phrase ends the complement: the reported act's own day
    found = _on_reporting_verb(tok)
    if found is None:
        return False
    phrase, verb = found
    return phrase.i > verb.i and any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)


def _governing_verb(span: Span) -> Token | None:
    """The verb whose clause a time expression is in. A gerund in a prepositional phrase ("intends
    to go back to canvassing on Friday") is a noun there: the clause is the verb above it; so is a
    verb the parser made a preposition's object ("due to be heard on Monday fail": "Monday fail"
    read as a noun phrase), a misparse of the next clause's verb."""
    tok = before_complement_subject(span.root) or before_teller(span.root) or span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "pobj") \
                and not (tok.tag_ == "VBG" and tok.dep_ == "pcomp"):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def relative_clause_end(span: Span) -> int | None:
    """Where the restrictive relative clause ends whose act a time expression dates, when the
    clause is on a thing done to ("the papers that the paper published on 10 February"), else
    None. Such a clause tells which thing and does not move the narrative on: a later "the
    following day" counts from the sentence's own time, though a time inside the clause still
    counts from its day ("the recall that it launched on 15 January and widened four days
    later"). A clause set off by a comma or on an apposition narrates ("Smith, who was detained
    on 8 May, was brought before a judge the following day"), and so does one whose noun does the
    act ("the explosion that tore open the pipeline on Monday night").
    """
    verb = _governing_verb(span)
    if verb is None or verb.dep_ != "relcl" or verb.head.dep_ == "appos":
        return None
    before = verb.left_edge.i - 1
    if before >= 0 and verb.doc[before].text in (",", "(", "\u2014", "-"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"
               for c in verb.children):
        return None
    last = verb.right_edge
    return last.idx + len(last)


#: Words whose infinitive tells a done act (lexicon hedges.implicative_verbs)
_IMPLICATIVE = lexicon.words("hedges", "implicative_verbs")


def _to_infinitive(verb: Token) -> bool:
    """A bare verb with its "to" ("to begin", "to meet")."""
    return verb.tag_ == "VB" and any(c.tag_ == "TO" for c in verb.children)


def settled(span: Span) -> bool:
    """Whether the act a time expression dates is told as done or as now, not still to come from
    where its clause stands. An infinitive complement is not ("reserves enough to keep the mill
    running into 2030", "agreed to pay by 2029"): its date may lie after the text was written, so it bounds no
    writing date either way."""
    verb = _governing_verb(span)
    return verb is None or not (_to_infinitive(verb) and verb.dep_ in ("xcomp", "acl")
                                and verb.head.lemma_.lower() not in _IMPLICATIVE)


def _state_verbs() -> frozenset[str]:
    """The taxonomy's verbs of state (read late: the extract package imports this module)."""
    from storyline.extract.plover import STATE_VERBS
    return STATE_VERBS


def _set_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is an infinitive telling when a setting verb's object is to happen ("set
    the retrial to begin on ...", "fixed the inquest to open on ...": the parser hangs it on the
    verb or on its object). A setting verb without an object ("moved to shut") sets no date, nor does
    one moving a thing from one value to another."""
    if not _to_infinitive(verb):
        return False
    if verb.dep_ in ("xcomp", "advcl"):
        setter = verb.head
    elif verb.dep_ in ("relcl", "acl") and verb.head.dep_ in ("dobj", "nsubjpass"):
        setter = verb.head.head
    else:
        return False
    # "moved the alert from green to yellow": a change of value the parser may read as an infinitive
    return setter.lemma_.lower() in _SETTING_VERBS and any(c.dep_ in ("dobj", "nsubjpass") for c in setter.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "from" for c in setter.children)


def _month_read_infinitive(span: Span) -> bool:
    """"called supporters to march on Sunday": the parser reads the verb "march" as the month, the
    object of a preposition "to"; after a setting verb with an object it is the act set ahead."""
    for tok in [span.root, *span.root.ancestors][:5]:
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.is_lower and tok.lower_ in MONTHS:
            setter = tok.head.head
            return setter.lemma_.lower() in _SETTING_VERBS and any(c.dep_ == "dobj" for c in setter.children)
    return False


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present, active or passive ("remains", "is required")."""
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children) and not any(
        c.dep_ == "aux" for c in verb.children))


def _told(tok: Token) -> bool:
    """A reporting verb stands above the word: its clause is told, in the teller's time."""
    return any(a.lemma_.lower() in _REPORTING and a.pos_ == "VERB" for a in tok.ancestors)


def _asker(verb: Token) -> Token:
    """The verb an infinitive of purpose or request hangs on; the parser often hangs it on the
    copula of a relative clause of the asked ("calling on all members who are not on duty to
    gather"): then the verb governing that clause's noun asks."""
    head = verb.head
    if head.lemma_ == "be" and head.dep_ == "relcl":
        return next((a for a in head.head.ancestors if a.pos_ in ("VERB", "AUX")), head)
    return head


def _present_call(verb: Token) -> bool:
    """A present act that asks or plans ("calls on", "is calling on", "are urged"), not a verb
    whose infinitive tells what was done ("managed to") nor a statement."""
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return (_simple_present(verb) or progressive) and verb.lemma_.lower() not in _IMPLICATIVE | _REPORTING


def _imperative(verb: Token) -> bool:
    """The verb is, or hangs in the clause of, a sentence opening with a bare verb without a
    subject ("Register at ... or call the line from 08:00 on Friday"): an instruction."""
    root = verb.sent.root
    first = next((t for t in verb.sent if not t.is_punct and not t.is_space), None)
    if root.tag_ != "VB" or first is None or first.i != root.i or root.lower_ == "be" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children):
        return False
    # ... and the verb is the instruction's or a non-finite verb under it without a subject of its
    # own ("Remember that the council voted him out on 26 March" tells a past act)
    chain = [verb, *(a for a in verb.ancestors if a.i != root.i and a.pos_ in ("VERB", "AUX"))]
    return verb.i == root.i or (root in verb.ancestors and all(
        v.tag_ in ("VB", "VBG") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in chain))


def _present_perfect(verb: Token) -> bool:
    """A participle with a present "has"/"have" ("has agreed", "have promised")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)


#: Subordinators of a time or condition clause, whose simple present tells what is to come when
#: the clause it hangs on is ahead ("when he appears on Tuesday, members should ask")
_TEMPORAL_MARKS = lexicon.words("events", "temporal_marks")


def _present_for_future(verb: Token, auxes: list[Token]) -> bool:
    """A simple present in a time or condition clause under a clause that is ahead (a "will",
    "should", "must", "can" or "may" on its head)."""
    if verb.tag_ not in ("VBZ", "VBP") or auxes or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in verb.children):
        return False
    head_aux = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    return bool(head_aux & (_WILL | _PRESENT_MODALS))


def _done_to(verb: Token) -> bool:
    """A past passive with neither an infinitive nor a "for" after it: something done to its
    subject ("a mast was set on fire Sunday, police said"), not what was set for a day ("was set
    for Thursday", "was set to open")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children) \
        and not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)


def _day_booked(span: Span) -> bool:
    """The day's own "when" clause says what is booked for it ("on Wednesday, when X is due to give
    evidence", "on Friday, when the board will vote")."""
    for rel in span.root.children:
        if rel.dep_ != "relcl" or not any(c.lower_ == "when" for c in rel.children):
            continue
        if any(c.lower_ in _WILL and c.dep_ in ("aux", "auxpass") for c in rel.children) or any(
                c.dep_ == "acomp" and c.lemma_.lower() in _FUTURE_LEMMAS for c in rel.children):
            return True
    return False


def _misread_particle(span: Span) -> bool:
    """A day the parser made a verb's object after a preposition it read as the verb's particle
    ("the charges, brought on 19 March against ...": "brought on" taken for a phrasal verb): the
    day is when the act was done, not a day the verb sets."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.dep_ == "prt" and before.lower_ in ("on", "in", "at", "by") and before.head.i == span.root.head.i


def clause_tense(span: Span, left_text: str = "") -> Tense:
    """Past, present or future for the clause governing ``span``; ``None`` when nothing tells.

    A cue just before the expression ("ahead of", "until", "scheduled for") says future whatever
    the verb's tense; otherwise the verb and its auxiliaries decide ("will", "is going to",
    "expects to" -> future; a past form or a present perfect -> past).
    """
    verb = _governing_verb(span)
    # a past copula sets what was due in the past when nobody tells it then ("the payment, which
    # was due on Monday, never came"; but "said the report was due Friday" looks ahead from the saying)
    told_past = verb is not None and verb.lemma_ == "be" and verb.tag_ == "VBD" and not _told(verb)
    cue = _FUTURE_CUES.search(left_text[-40:]) if left_text else None
    if cue is not None and not (told_past and cue.group(0).lower().startswith(("due", "expected"))):
        return "future"
    if verb is None:
        return None
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _ASPECT:
        verb = verb.head
    if verb.lemma_.lower() in _SETTING_VERBS and (
            (left_text and _FOR_BEFORE.search(left_text[-12:])) or (span.root.dep_ == "dobj" and not _misread_particle(span))
            or (span.end < len(span.doc) and span.doc[span.end].lower_ == "as" and span.doc[span.end].dep_ == "prep"
                and not any(c.dep_ == "aux" and c.lower_ == "had" for v in [verb, *verb.ancestors][:4] for c in v.children))):
        # "fixed the hearing for 2 October", "set 2 October as the date" (however the parser
        # hangs the day named "as" something; a day a past perfect "had set" as a deadline may
        # have passed since)
        return "future"
    if _set_infinitive(verb) or _month_read_infinitive(span):
        return "future"  # "fixed the audit to start on 9 May": what is set is ahead of the setting
    # "is due Friday", "expected Monday": a scheduling word between the expression and its verb
    # ... unless a past copula sets it in the past (``told_past``)
    for tok in span.root.ancestors:
        if tok.i == verb.i or told_past:
            break
        if tok.lemma_.lower() in _FUTURE_LEMMAS and tok.pos_ in ("ADJ", "VERB"):
            return "future"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _FUTURE_LEMMAS for c in verb.children):
        return "future"  # "the seven are due in court on Thursday": the day the word schedules
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & (_WILL | {"wo"}):
        return "future"
    if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
        return "future"
    to = next((a for a in auxes if a.tag_ == "TO"), None)
    if to is not None and to.i > 0 and (word := to.doc[to.i - 1]).lemma_.lower() in _FUTURE_LEMMAS \
            and not any(t.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in t.children)
                        for t in (word, *word.ancestors) if t.pos_ in ("VERB", "AUX")):
        # "if the appeals due to be heard on Monday fail, ...", however the parser hangs "due"; a
        # plan told in the past ("the ferry, due to sail on Monday, stayed in port") may have passed
        return "future"
    able = verb.head.head if verb.head.dep_ == "acomp" and verb.head.pos_ == "ADJ" else verb.head
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in _WILL for c in (*verb.head.children, *able.children)):
        # "crews will attempt to lift the container on Thursday": the attempt's "will" is the
        # lift's; "depositors will be able to withdraw ... from 08:00 on Tuesday": so is the being able's
        return "future"
    if _imperative(verb):
        return "future"  # "Register ... or call the line from 08:00 on Friday": what a reader is told to do is ahead
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_LEMMAS:
        return "future"
    if verb.dep_ == "ccomp" and to is not None and verb.head.lemma_ in _FUTURE_LEMMAS and (
            verb.head.tag_ in ("VBZ", "VBP") or (
                verb.head.tag_ == "VBD" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.head.children)
                and _told(verb.head))):
        # "we expect most customers to be reconnected by Friday": what is expected now is ahead; so
        # is a teller's own expectation told in the past by the sequence of tenses ("told reporters
        # that it expected supply to be restored by Thursday")
        return "future"
    if verb.dep_ == "advcl" and _to_infinitive(verb) and _present_call(_asker(verb)):
        return "future"  # "today calls on every worker to stop work from 06:00 on Monday": what it asks is ahead
    if verb.dep_ == "xcomp" and _to_infinitive(verb) and (
            _simple_present(verb.head) or (_present_perfect(verb.head) and verb.head.lemma_ != "be")) \
            and (verb.head.lemma_ == "be" or verb.head.lemma_.lower() not in _IMPLICATIVE):
        # "the union is to meet the minister on Friday", "remains on track to lift off on
        # Saturday", "the club is required to stop ticket sales from 08:00 on Tuesday", "the court
        # has agreed to hear the case on Tuesday": what a present clause has to come is ahead
        # (not a state that has held since: "the water has been safe to drink from 16:00 on Thursday")
        return "future"
    if [a.tag_ for a in auxes] == ["VB"] and auxes[0].lemma_ == "be" and any(c.lower_ == "that" and c.dep_ == "mark" for c in verb.children) \
            and verb.head.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in verb.head.children if a.dep_ in ("aux", "auxpass")):
        # a subjunctive under a present order: "orders that the next match, on Saturday, be
        # played behind closed doors" (the parser may take "orders" for a noun)
        return "future"
    if verb.lemma_ in _FUTURE_LEMMAS and (verb.tag_ in ("VBZ", "VBP", "VBG") or (
            verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes))):
        return "future"  # "expects", "is expected Saturday", "are scheduled"
    if verb.lemma_ in _SCHEDULING:
        return "future"
    if verb.lemma_ in _FUTURE_LEMMAS and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING \
            and not _done_to(verb):
        return "future"  # "said it expected a full audit on Thursday": ahead of the saying
    if "would" in words and "have" not in {a.lemma_ for a in auxes} and (verb.tag_ == "VB" or (
            verb.tag_ == "VBN" and "be" in words)) and any(
            a.lemma_.lower() in _REPORTING and a.tag_ == "VBD" for a in verb.ancestors):
        return "future"  # "said the recount ... would be held on Monday": ahead of the saying
    if "could" in words and any(c.dep_ == "neg" for c in verb.children) and any(
            a.tag_ == "VBD" for a in verb.ancestors):
        return "past"  # "found they could not log in on Sunday": inability in the past, not a plan
    if ((words & _MODALS and verb.tag_ in ("VB", "VBG")) or (words & _PRESENT_MODALS and verb.tag_ == "VBN" and "be" in words)) \
            and "have" not in {a.lemma_ for a in auxes}:
        return "future"  # "can return on Tuesday", "can be lodged from 08:00 on Tuesday" (not "could be seen")
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    # a participle's clause has its governor's tense: "had found water seeping through on
    # Saturday" is past, "will start sailing from Thursday" future, "will scan every crate arriving
    # from 08:00 on Tuesday" (a participle of the object) future
    governor = verb.head if verb.dep_ != "acl" else next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
    if verb.tag_ == "VBG" and not auxes and governor.i != verb.i and governor.pos_ in ("VERB", "AUX"):
        head_auxes = {a.lower_: a.tag_ for a in governor.children if a.dep_ in ("aux", "auxpass")}
        if head_auxes.keys() & _WILL:
            return "future"
        if governor.tag_ in ("VBD", "VBN") or "VBD" in head_auxes.values():
            return "past"
        # ... and a governor that has its tense from its own governor: "will attempt to lift the
        # containers carrying pellets on Thursday" (the lift is the attempt's, which "will" sets)
        if (ahead := clause_tense(governor.doc[governor.i : governor.i + 1])) in ("future", "past"):
            return ahead
    if verb.tag_ in ("VBZ", "VBP") and _day_booked(span):
        return "future"  # "hearings continue on Wednesday, when the chief executive is due to give evidence"
    if _present_for_future(verb, auxes):
        return "future"  # "when he appears before the committee on Tuesday, members should ask him"
    if (verb.tag_ in ("VBZ", "VBP") and not auxes and _WEEKDAY.fullmatch(span.text)
            and verb.lemma_.lower() not in _state_verbs() and verb.lemma_.lower() not in _REPORTING):
        return "future"  # a simple present act on a bare weekday is booked: "the pair face a judge on Friday"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None
