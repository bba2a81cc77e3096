"""What a figure counts and what it is to its clause: the part of a quantity read off the parse.

:mod:`storyline.extract.numbers` finds each figure in a sentence's text with the bounds its
wording implies (``find_quantities``, ``parse_number``). Here :func:`attach_units` gives each one
what needs the dependency parse: the noun it counts (``unit_of``: the noun's lemma, a state word
as written ("100 dead"), a pronoun's antecedent ("8,000 of them"), "<Nationality> people" for a
nationality plural), the participle or difference that says which of those things it counts
(``qualifier``), the other side of a tally and its role in the event of its clause; figures of
time or of nothing are dropped. The grammar's public names are importable from here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract import gazetteer, plover
from storyline.extract.measures import (
    CHANGE_VERBS,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    MEASUREMENT_UNITS,
    PERCENT,
    code_before,
    measured_of,
    money_of,
    percent_of,
    rate_unit,
    relation_of,
)
from storyline.extract.numbers import (
    APPROX_SHARE,
    HYPHENED_UNITS,
    MAX_FIGURE,
    QUANTITY_RE,
    SCALE_WORDS,
    SCALES,
    SUM_SCALES,
    TENS,
    UNITS,
    find_quantities,
    parse_number,
)
from storyline.extract.syntax import complement_type, object_lemma
from storyline.model import Quantity

__all__ = [
    "APPROX_SHARE",
    "DIFFERENCE",
    "GENERIC_COUNTED",
    "MAX_FIGURE",
    "QUANTITY_RE",
    "SCALES",
    "STATE_WORDS",
    "TALLY_AGAINST",
    "TALLY_FOR",
    "TENS",
    "UNITS",
    "attach_units",
    "find_quantities",
    "parse_number",
    "unit_of",
]


_TIME_UNITS = lexicon.words("figures", "time_units")


#: Participles and adjectives of state that name what a bare figure counts ("about 100 dead").
STATE_WORDS = lexicon.words("figures", "state_words")
_PUT_VERBS = lexicon.words("reporting", "estimate_verbs")
_PRONOUN_UNITS = frozenset({"they", "them", "these", "those", "we", "us", "which", "whom"})


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a figure counts: its syntactic head if that is a noun, else the next noun phrase head.

    A state word right after the figure with no noun after it ("about 100 dead", "some 2,700
    wounded") is what is counted, whatever its part of speech.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    if last.lower_ in ("of",):
        last = span[-2] if len(span) > 1 else last
    # "thousands of workers": the figure is a noun whose "of" object is what is counted.
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if last.dep_ == "pobj" and last.head.lower_ == "at" and last.head.head.lemma_.lower() in _PUT_VERBS:
        # "put the dead at about 300": the figure counts the verb's object
        obj = next((c for c in last.head.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in STATE_WORDS and not nxt.is_sent_start:
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return nxt
    i = last.i + 1
    noun: Token | None = None
    while i < len(doc) and i <= last.i + 6:
        tok = doc[i]
        if tok.is_sent_start:
            break
        # ... or a lower-case plural the small model took for a name right after the figure: an
        # unknown unit, often a currency ("0.48 selvos a share"; not "Route 14 overlook")
        if tok.pos_ in ("NOUN",) or (tok.pos_ == "PROPN" and (tok.tag_ == "NNPS" or (
                tok.is_lower and tok.lower_.endswith("s") and i == last.i + 1))):
            noun = tok
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and not nxt.is_sent_start:
                i += 1
                continue
            if nxt is not None and nxt.text == "-" and not tok.whitespace_ and last.dep_ == "nummod" \
                    and last.head.i > nxt.i:
                return last.head  # "8,400 colony-forming units": the noun opens a hyphened modifier
            return noun
        if tok.pos_ in ("ADJ", "PROPN", "NUM", "ADV", "CCONJ", "DET", "PART") or tok.text in ("-", "of"):
            if tok.lower_ in ("than", "per"):
                break
            i += 1
            continue
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and i == last.i + 1:
            after = doc[i + 1] if i + 1 < len(doc) else None
            if after is None or after.is_sent_start or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return tok  # "9,000 kellen in cash": a word the tagger did not know, read as a participle
            i += 1  # "2,000 armed men"
            continue
        break
    if last.dep_ == "nummod" and last.head.i > last.i and (last.head.pos_ == "NOUN" or last.head.i == last.i + 1):
        return last.head  # the word the figure modifies, whatever the tagger made of it
    if noun is None and last.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "Of the 63 whales that beached, 35 died": a bare figure counts the fronted whole's noun
        fronted = next((c for c in last.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < last.i), None)
        whole = next((c for c in fronted.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) \
            if fronted is not None else None
        if whole is not None:
            return whole
    if noun is None and last.dep_ in ("nsubj", "nsubjpass"):
        return _gapped_noun(last)
    return noun


def _gapped_noun(figure: Token) -> Token | None:
    """The noun a bare figure subject leaves out, told before it by the subject of a verb
    conjoined with its own ("Two people died and 71 were injured", "three men were held and 12
    questioned"): that subject, when a figure counts it. A noun told only after the figure ("40
    were missing and three firefighters were hurt") is not the gapped one."""
    verb = figure.head
    kin = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    for other in kin:
        if other.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in other.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i < figure.i and subject.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in subject.children):
            return subject
    return None


def _antecedent(doc: Doc, pronoun: Token) -> Token | None:
    """What "of them" counts: the nearest counted or subject plural noun in this or the previous sentence.

    A noun that carries a figure or is a clause's subject is what a later "N of them" picks out
    ("10,000 soldiers ... 8,000 of them"); a plain object in between ("clearing mines") is not.
    """
    sent = pronoun.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(pronoun.i - 1, first - 1, -1):
        tok = doc[i]
        if tok.tag_ not in ("NNS", "NNPS") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "nummod" for c in tok.children):
            return tok
    return None


def _nationality(noun: Token) -> str | None:
    """'Kenyans', 'Chileans': people of a nationality, written '<Nationality> people'."""
    if noun.tag_ not in ("NNS", "NNPS") or not noun.text.endswith("s"):
        return None
    words = [c.text for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.text[:1].isupper()]
    name = " ".join([*words, noun.text[:-1]])
    if noun.ent_type_ != "NORP" and not gazetteer.country_from_adjective(name):
        return None
    return f"{name} people"


def _token_at(doc: Doc, idx: int) -> Token | None:
    """The token that starts at character ``idx``, if one does (no walk over the whole text)."""
    span = doc.char_span(idx, idx + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == idx else None


def unit_of(doc: Doc, q: Quantity) -> tuple[str | None, Token | None]:
    """The unit a figure counts and the token it was read from (None when nothing is counted).

    Pronouns ("8,000 of them") take their antecedent or stay None; a nationality plural counts
    people of that nationality; a state word ("dead", "wounded") is kept as written.
    """
    scaled = _SCALE_HYPHENED.match(doc.text, q.end) if q.unit is None and _SCALE_END.search(q.text) else None
    span = doc.char_span(scaled.start(1), scaled.end(1), alignment_mode="expand") if scaled is not None else None
    token = span[0] if span else None
    if scaled is not None and token is not None and token.lower_ != "strong" and token.pos_ in ("NOUN", "PROPN", "ADJ"):
        # "a 2.4 million-solde contract": the noun hyphened to the scale is what is counted (a
        # currency the lexicon need not know), not the noun the sum describes ("a 1.5
        # million-strong crowd" counts the crowd)
        word = scaled.group(1).lower()
        return CURRENCY_WORDS.get(word) or word, token
    hyphened = _HYPHENED_UNIT.match(doc.text, q.end) if q.unit is None else None
    if hyphened is not None:
        # "a 312-metre bulk carrier": the figure is the ship's measure in metres, whatever noun follows
        return hyphened.group(1).lower(), _token_at(doc, hyphened.start(1))
    spaced = _SPACED_UNIT.match(doc.text, q.end) if q.unit is None else None
    if spaced is not None:
        # "a 2,350 kg communications satellite", "a 40 km stretch": the unit written apart before
        # the noun it measures is the figure's unit, as a hyphened one is
        return spaced.group(1).lower(), _token_at(doc, spaced.start(1))
    noun = _counted_noun(doc, q.start, q.end)
    if q.unit is not None or noun is None:
        return q.unit, noun
    if noun.lower_ in _PRONOUN_UNITS or noun.pos_ == "PRON":
        noun = _antecedent(doc, noun)
        if noun is None:
            return None, None
    if noun.lower_ in STATE_WORDS:
        return noun.lower_, noun
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "non":
        return "non-" + noun.lemma_.lower(), noun  # "19 non-passengers" count others than passengers
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PROPN" and noun.is_lower and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]  # an unknown plural the small model took for a name ("varos"): its singular
    if lemma in GENERIC_COUNTED:
        # "17 crew members", "40 union members": the noun before the generic head says who
        whose = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1]
        if whose:
            return f"{whose[0].lemma_.lower()} {lemma}", noun
    currency = next((c for t in doc[max(0, noun.i - 4) : noun.i] if t.idx >= q.end
                     and (c := CURRENCY_WORDS.get(t.lower_) or CURRENCY_WORDS.get(t.lemma_.lower()))), None)
    if currency is not None:
        return currency, noun  # "a 40 million euro relief fund": a sum, of a fund
    return _nationality(noun) or CURRENCY_WORDS.get(lemma) or CURRENCY_WORDS.get(noun.lower_) or lemma, noun


#: A sum's scale word hyphened to what it counts ("2.4 million-solde"): the word after the hyphen.
_SCALE_END = re.compile(rf"\b(?:{'|'.join(SUM_SCALES)})$", re.IGNORECASE)
_SCALE_HYPHENED = re.compile(r"-([a-z]+)\b(?!-)", re.IGNORECASE)
#: A unit of measurement hyphened to its figure ("312-metre"; ``extract.numbers`` reads the figure).
_HYPHENED_UNIT = re.compile(rf"-({HYPHENED_UNITS})\b(?!-)", re.IGNORECASE)
#: A unit of measurement written apart after its figure and before another word ("2,350 kg
#: satellite"; not "m", which may be a million).
_SPACED_UNIT = re.compile(rf"\s+({'|'.join(u for u in HYPHENED_UNITS.split('|') if u != 'm')})(?=\s+[a-z])",
                          re.IGNORECASE)
#: Units of a concentration written after the figure ("0.84 per mille"): data/lexicon/figures.json.
_RATIO_UNITS = [(unit, re.compile(rf"\s*(?:{rx})", re.IGNORECASE)) for unit, rx in lexicon.pairs("figures", "ratio_units")]
#: What a concentration is of, after its unit ("0.84 per mille of alcohol").
_RATIO_OF = re.compile(r"\s+of\s+(?:the\s+)?([a-z]+)", re.IGNORECASE)


#: The unit of a count of how often an act was done ("watched 2.3 million times").
FREQUENCY = "times"
#: Words after "N times" that make it a multiple, not a count of acts ("three times the size",
#: "four times as many", "two times higher").
_MULTIPLE_AFTER = re.compile(r"\s+(?:the|as|more|less|fewer|that|what|its|their|his|her|over|[a-z]+er)\b", re.IGNORECASE)


def _frequency(doc: Doc, times: Token) -> bool:
    """"N times" as how often a verb's act was done: "times" modifies a verb (the parser makes it
    an adverbial or an object) and no comparison follows."""
    if times.head.pos_ not in ("VERB", "AUX") or times.dep_ not in ("npadvmod", "dobj", "advmod", "obl"):
        return False
    return _MULTIPLE_AFTER.match(doc.text, times.idx + len(times)) is None


def _ratio_unit(doc: Doc, q: Quantity) -> tuple[str, str | None] | None:
    """The concentration unit written after a figure and what it is of ("0.84 per mille of
    alcohol": per mille, alcohol); None when none follows."""
    for unit, rx in _RATIO_UNITS:
        m = rx.match(doc.text, q.end)
        if m is not None:
            of = _RATIO_OF.match(doc.text, m.end())
            return unit, of.group(1).lower() if of else None
    return None


#: Counted nouns that say nothing of who is counted ("members", "people"; figures lexicon): read
#: here, by ``reconcile.compare.unit_class`` and by the figure slots.
GENERIC_COUNTED = lexicon.words("figures", "generic_counted")


def _anaphoric(doc: Doc, q: Quantity) -> bool:
    """'the two countries', 'our two nations', 'one side': a reference, not a count; but 'All four
    crew members survived' and 'the three tunnels that had carried the river', of a noun new to
    the text, give the count (``_first_told``, ``_defined_here``)."""
    if q.low != q.high or q.low is None or q.low > 10 or q.approximate or re.search(r"\d", q.text):
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return q.low == 1
    prev = doc[span.start - 1]
    partitive_whole = span.start > 1 and doc[span.start - 2].lower_ == "of"  # "none of the four officers on duty"
    if q.low != 1 and _first_told(span) and (
            prev.lower_ == "all" or (prev.lower_ == "the" and not partitive_whole and _defined_here(span))):
        return False
    return q.low == 1 or prev.pos_ == "DET" or prev.tag_ == "PRP$" or prev.lower_ in ("both", "all", "the")


def _first_told(span: Span) -> bool:
    """The counted noun is new to the text ("the four satellites it carried" in a report's first
    lines): its count is told here. Named before ("the three crew members who died", after the
    crash's dead were counted), it is a reference back."""
    noun = span[-1].head
    lemma = noun.lemma_.lower()
    return not any(t.lemma_.lower() == lemma for t in noun.doc[: span.start])


#: What tells, after a counted noun, which things these are ("the four satellites it carried",
#: "the three crew members of the flight", "the two men detained").
_DEFINING = frozenset({"relcl", "acl", "prep"})


def _defined_here(span: Span) -> bool:
    """'the three tunnels that carried the river', 'the three crew members of the flight': a count
    of things the sentence itself defines, not a reference back to ones named before ('the two
    countries'); things set apart from others ('the three other officers who ...') are such a
    reference."""
    noun = span[-1].head
    return span[-1].dep_ == "nummod" and noun.pos_ in ("NOUN", "PROPN") and noun.i > span[-1].i \
        and any(c.dep_ in _DEFINING and c.i > noun.i for c in noun.children) \
        and not any(c.lower_ in _SET_APART for c in noun.children)  # "the three other officers who ..."


#: Words that make a definite count a reference to things set apart from ones named before: data/lexicon/figures.json.
_SET_APART = lexicon.words("figures", "set_apart_words")


#: Words that bound a figure ("over 100 people") or open a phrase ("a lawsuit over 137 ballots").
_BOUND_OR_PREPOSITION = frozenset({"over", "under", "above", "below"})
#: Verbs whose "over" is a particle before their object ("handed over", "signed over"), never a
#: bound of the figure after it: data/lexicon/figures.json.
_OVER_PARTICLE_VERBS = lexicon.words("figures", "over_particle_verbs")


def _preposition_not_bound(doc: Doc, q: Quantity) -> Quantity:
    """"a lawsuit over 137 rejected ballots": the parser makes "over" a preposition of the noun
    before it (a bound is the number's ``quantmod``), so the figure is exact, not "more than 137";
    so is one after a verb whose "over" is a particle ("handed over 2.1 million"), however parsed."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return q
    first = span[0]
    before = doc[first.i - 1] if first.i > 0 else None
    particle = first.lower_ == "over" and before is not None and before.pos_ == "VERB" \
        and before.lemma_.lower() in _OVER_PARTICLE_VERBS  # "handed over 2.1 million": what was handed
    if not particle and (first.lower_ not in _BOUND_OR_PREPOSITION or first.dep_ != "prep"
                         or first.head.pos_ not in ("NOUN", "PROPN")):
        return q
    value = q.low if q.low is not None else q.high
    rest = span[1]
    start = rest.idx
    return replace(q, text=doc.text[start:q.end], start=start, low=value, high=value, approximate=False)


def _fronted(noun: Token, q: Quantity) -> bool:
    """The counted noun is a fronted whole's ("Of the 52 people taken to hospital, 24 remain"):
    what qualifies the whole ("taken") does not say what the part did."""
    return noun.idx < q.start and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.i < noun.i


def attach_units(doc: Doc, quantities: Iterable[Quantity]) -> list[Quantity]:
    """Give each quantity its counted noun's lemma; drop figures that count time or nothing at all.

    Time spans ("three years") are the time engine's business, and a bare small word number with
    nothing counted ("one of them") is not a figure worth reconciling.
    """
    out: list[Quantity] = []
    for q in quantities:
        if _anaphoric(doc, q):
            continue
        q = _preposition_not_bound(doc, q)
        if q.unit is None and (ratio := _ratio_unit(doc, q)) is not None:
            out.append(replace(q, unit=ratio[0], qualifier=ratio[1], role=_role(doc, q, None)))
            continue
        unit, noun = unit_of(doc, q)
        unit = rate_unit(doc, noun, unit)
        if unit is None or unit in SCALE_WORDS:
            unit = code_before(doc.text, q.start) or unit  # "EUR 1.86 million"
        if noun is not None and noun.lower_ == "times" and _frequency(doc, noun):
            # "was watched 2.3 million times", "stabbed three times": how often the act was done
            out.append(replace(q, unit=FREQUENCY, role=_role(doc, q, noun)))
            continue
        if unit in _TIME_UNITS or (noun is not None and noun.lemma_.lower() in _TIME_UNITS and unit is None):
            continue
        if unit is None:
            small = (q.low if q.low is not None else q.high or 0) < 100
            if small or not re.search(r"\d|thousand|million|billion|hundred", q.text, re.IGNORECASE):
                continue
        qualifier = _qualifier(noun) if noun is not None and not _fronted(noun, q) else None
        increment = q.increment
        if unit == PERCENT:
            qualifier, change = percent_of(doc, q)
            increment = increment or change
        elif unit in CURRENCY_CODES:
            qualifier = money_of(doc, q) or qualifier
        elif unit is not None and unit.lower() in MEASUREMENT_UNITS:
            qualifier = measured_of(doc, q) or relation_of(doc, q) or qualifier
        tally = _tally(doc, q, noun) if unit is not None and qualifier in (None, DIFFERENCE) else None
        if tally is not None:
            qualifier = TALLY_FOR  # "by 120 votes to 35": the votes for, not a margin
        out.append(replace(q, unit=unit, qualifier=qualifier, increment=increment, role=_role(doc, q, noun)))
        if tally is not None:
            out.append(replace(tally, unit=unit, qualifier=TALLY_AGAINST))
    return out


#: The two sides of a tally ("by 120 votes to 35"): what the first figure and the second count.
TALLY_FOR = "for"
TALLY_AGAINST = "against"
_TALLY = re.compile(r"\s+to\s+(?P<n>[\w,-]+)")


def _tally(doc: Doc, q: Quantity, noun: Token | None) -> Quantity | None:
    """The other side of a tally whose first figure is ``q`` ("voted by 120 votes to 35", "won 80
    votes to 52"): the count after "to" right behind the counted noun. Not the end of a change
    ("rose from 10 votes to 41"), whose first figure is the value before it."""
    if noun is None or doc.text[q.end:noun.idx].strip() or re.search(r"\bfrom\s+$", doc.text[max(0, q.start - 8):q.start]):
        return None  # the noun right after the figure ("120 votes to 35"); not a change's start
    m = _TALLY.match(doc.text, noun.idx + len(noun.text))
    if m is None:
        return None
    value = parse_number(m.group("n").rstrip(",-"))
    if value is None:
        return None
    text = m.group("n").rstrip(",-")
    return Quantity(text=text, start=m.start("n"), end=m.start("n") + len(text), low=value, high=value)


#: "voted 54 to 9", "votes 64-9", "approved the resolution law by 94 to 17": a vote word, then a
#: bare pair of counts, the larger first (data/lexicon/figures.json); the sentence's full stop may
#: follow, a decimal may not, nor a comma (a pair before a comma is as often another body's vote
#: told in passing: "impeached him in February, by a vote of 44 to 15, a comfortable margin").
_BARE_TALLY = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.words('figures', 'tally_words')))})\b[^\d.;:]{{0,45}}?"
    r"(?<![\d.,])(?P<yes>\d{1,4})\s*(?:-|\u2013|to)\s*(?P<no>\d{1,4})(?![\d%,]|\.\d)", re.IGNORECASE)


def bare_tallies(text: str, base: int) -> list[Quantity]:
    """The sides of a vote told as a bare pair of counts ("the council voted 54 to 9", "votes
    64-9"; a pair with its noun, "by 120 votes to 35", is ``attach_units``'): the votes for and
    against, each a figure of the "vote" unit with its side as qualifier. ``base`` is where
    ``text`` starts in the body."""
    out: list[Quantity] = []
    for m in _BARE_TALLY.finditer(text):
        yes, no = int(m.group("yes")), int(m.group("no"))
        if yes < no:
            continue  # a range ("voted in 10 to 20 seats"), not a tally
        for side, qualifier in (("yes", TALLY_FOR), ("no", TALLY_AGAINST)):
            start = base + m.start(side)
            value = float(m.group(side))
            out.append(Quantity(m.group(side), start, start + len(m.group(side)), value, value, unit="vote",
                                qualifier=qualifier))
    return out


#: A whole count as written ("312", "1,015").
_COUNT = r"\d{1,3}(?:,\d{3})*|\d+"
#: Voters counted by their side ("312 senators voted in favour, 97 against and 14 abstained",
#: "41 members voted against"): the figure counts votes of that side, as a tally's does.
_VOTERS_SIDE = re.compile(
    rf"(?<![\d.,])(?P<n>{_COUNT})\s+(?:[A-Za-z-]+\s+){{0,2}}?vot(?:ed|e|es)\s+"
    r"(?P<side>in\s+favou?r|for|against)\b"
    rf"(?:(?:\s+of\s+[^,;.]{{1,60}}?)?,\s*(?P<m>{_COUNT})\s+(?P<other>against|in\s+favou?r|for)\b)?", re.IGNORECASE)


#: Backers counted after a passive ("the motion was backed by 105 deputies, with 93 against").
_BACKED_BY = re.compile(
    rf"\b(?P<verb>backed|supported|approved|carried|opposed|rejected)\s+by\s+(?P<n>{_COUNT})\s+"
    rf"(?!votes?\b)[A-Za-z-]+(?P<tail>[^.;]{{0,40}}?\bwith\s+(?P<m>{_COUNT})\s+against\b)?", re.IGNORECASE)
#: The words before a figure that make it a partitive's whole ("eight of the party's 25 members").
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:(?:the|its|their|his|her|our)\s+)?(?:[\w-]+(?:'s|’s)\s+)?$", re.IGNORECASE)


def voters_sides(text: str, base: int) -> list[Quantity]:
    """The votes of each side a sentence counts by its voters ("312 senators voted in favour, 97
    against", "the motion was backed by 105 deputies, with 93 against"): figures of the "vote"
    unit with their side as qualifier, so that they meet a tally told as "voted 312 to 97".
    ``base`` is where ``text`` starts in the body."""
    out: list[Quantity] = []
    for m in _VOTERS_SIDE.finditer(text):
        if _WHOLE_BEFORE.search(text, 0, m.start("n")):
            continue  # "eight of the party's 25 members voted for": the party's size
        for num, side in (("n", "side"), ("m", "other")):
            if m.group(num) is None:
                continue
            value = parse_number(m.group(num))
            if value is None:
                continue
            start = base + m.start(num)
            qualifier = TALLY_AGAINST if m.group(side).lower() == "against" else TALLY_FOR
            out.append(Quantity(m.group(num), start, start + len(m.group(num)), value, value, unit="vote",
                                qualifier=qualifier))
    for m in _BACKED_BY.finditer(text):
        against = m.group("verb").lower() in ("opposed", "rejected")
        for num, qualifier in (("n", TALLY_AGAINST if against else TALLY_FOR), ("m", TALLY_AGAINST)):
            if m.group(num) is None or (num == "m" and against) or (value := parse_number(m.group(num))) is None:
                continue
            start = base + m.start(num)
            out.append(Quantity(m.group(num), start, start + len(m.group(num)), value, value, unit="vote",
                                qualifier=qualifier))
    return out


_COLLECTIVE_HEADS = lexicon.words("events", "collective_heads")
_STATE_VERBS = frozenset(plover.taxonomy()["state_verbs"])


def _passive_doer(t: Token) -> bool:
    """The object of a passive's "by" ("signed by 67 deputies", "was struck by two ships"); the
    parser also calls "led by 312 votes" an agent, but an active verb has its own subject."""
    if t.dep_ != "pobj" or t.head.dep_ != "agent":
        return False
    verb = t.head.head
    passive = verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "nsubj" for c in verb.children)


def _role(doc: Doc, q: Quantity, noun: Token | None) -> str | None:
    """What a figure's things are to the event of its clause ("agent PROTEST", "patient move").

    "1,400 members have walked out", "some 1,900 bakery workers downed tools": the figure counts who
    did the event ("agent" and the event's type, else its verb); "$38 million was moved", "deployed
    10,000 troops": what it was done to ("patient"). "a group of six climbers was caught": the
    group's members. Two figures in the same role of one kind of event count the same thing,
    whatever noun each outlet chose. A state verb ("the toll is 29") gives no role."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    t = span.root
    for _ in range(4):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and t.head.i != t.i:
            t = t.head
        elif (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _COLLECTIVE_HEADS
              and t.head.head.i != t.i):
            t = t.head.head  # "a group of six climbers": the group is the clause's argument
        else:
            break
    if noun is not None and t.i < noun.i and noun.head.i == t.i and t.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        t = noun  # "about 1,400 members": the counted noun carries the figure's role
    if _passive_doer(t):
        t = t.head  # "signed by 67 deputies": the passive's doer
    if t.dep_ in ("nsubj", "agent"):
        role = "agent"
    elif t.dep_ in ("nsubjpass", "dobj"):
        role = "patient"
    else:
        return None
    verb = t.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _STATE_VERBS:
        return None
    obj = object_lemma(verb, ("dobj",))
    kind = complement_type(verb) or plover.event_type(lemma, obj) or lemma
    return f"{role} {kind}"


#: Nouns that name a gap between two counts ("a lead of 87 votes").
_DIFFERENCE_NOUNS = lexicon.words("figures", "difference_nouns")
_MARGIN_VERBS = lexicon.words("figures", "margin_verbs")
#: The qualifier of a figure that counts a difference, not a total.
DIFFERENCE = "difference"


def _qualifier(noun: Token) -> str | None:
    """The participle that picks out which of the noun's things a figure counts: "173 rejected
    ballots", "the ballots that were rejected", "homes damaged by the flood" -> "reject", "damage".
    A difference ("won by 61 votes", "a lead of 87 votes", "the margin shrank to 150 votes") is
    ``DIFFERENCE``. Figures of one noun with different qualifiers count different things."""
    if noun.dep_ == "pobj":
        prep, governor = noun.head, noun.head.head
        if prep.lower_ == "by" and not _passive_doer(noun) and governor.pos_ in ("VERB", "AUX") and (
                prep.dep_ != "agent" or governor.lemma_.lower() in _MARGIN_VERBS | CHANGE_VERBS):
            # "won by 61 votes"; "signed by 67 deputies" is the passive's doer, and so is a "by"
            # the parser calls the doer of a verb that has no margin ("attended by 31 envoys")
            return DIFFERENCE
        if prep.lower_ == "of" and governor.lemma_.lower() in _DIFFERENCE_NOUNS:
            return DIFFERENCE
        if prep.lower_ in ("to", "at") and any(c.dep_ == "nsubj" and c.lemma_.lower() in _DIFFERENCE_NOUNS
                                               for c in governor.children):
            return DIFFERENCE
    for c in noun.children:
        if (c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")) or (c.dep_ == "acl" and c.tag_ == "VBN"):
            return c.lemma_.lower()
        if c.dep_ == "relcl" and any(x.dep_ == "auxpass" for x in c.children):
            return c.lemma_.lower()
    return None
