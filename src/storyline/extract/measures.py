"""What a percentage or a sum of money measures: the slot a figure is compared in.

A percentage counts nothing by itself and a sum of money is money of something: "owns 4.8 per
cent of X" is X's share held by its owner, "a 31% premium" a premium, "raised its offer to $15.60
a share" the bidder's offer per share. Figures are only compared within one such slot
(``reconcile.quantities``), so the measured noun, its holder and its rate are part of the figure
(``Quantity.qualifier``: "holder: noun per rate"). Pure functions over the parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline import lexicon
from storyline.extract.syntax import _antecedent
from storyline.model import Quantity

#: Sums that hold what is paid into them ("pay €30 million into a fund"), among the measures of
#: one-time acts: data/lexicon/figures.json.
_HELD_SUMS = lexicon.words("figures", "fixed_measures")
#: Nouns naming one measure ("bid" and "offer"): data/lexicon/figures.json.
_MEASURES: dict[str, str] = lexicon.table("figures", "measure_classes")
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
#: Currencies written as words ("30 million crowns"): data/lexicon/figures.json.
CURRENCY_WORDS: dict[str, str] = lexicon.table("figures", "currency_words")
#: ISO codes written before a figure ("EUR 1.86 million"): those above and data/lexicon/figures.json.
ISO_CODES = frozenset(c for c in (*CURRENCIES.values(), *CURRENCY_WORDS.values()) if re.fullmatch(r"[A-Z]{3}", c)) \
    | frozenset(lexicon.words("figures", "currency_codes"))
CURRENCY_CODES = frozenset(CURRENCIES.values()) | frozenset(CURRENCY_WORDS.values()) | ISO_CODES


_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s+$")


def code_before(text: str, start: int) -> str | None:
    """The ISO currency code written right before a figure ("EUR 1.86 million"), if any."""
    m = _CODE_BEFORE.search(text[max(0, start - 6) : start])
    return m.group(1) if m is not None and m.group(1) in ISO_CODES else None


PERCENT = "percent"
#: Units of physical measurements: data/lexicon/figures.json.
MEASUREMENT_UNITS = lexicon.words("figures", "measurement_units")
#: Verbs that put their object at a figure ("putting turnout at 63.4 percent", "the coalition put the
#: number at 40,000"): data/lexicon/figures.json.
PUTTING_VERBS = lexicon.words("figures", "putting_verbs")


def _holder(share: Token) -> str | None:
    """Whose share it is: the subject of the verb a share is the object of ("Pelverin, which owns
    4.8 per cent of X": pelverin), a relative pronoun standing for its noun. Another holder's share
    of the same whole is another figure."""
    verb = share.head
    if share.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subject = _subject(verb)
    return _name(subject) if subject is not None else None


def _with_modifiers(noun: Token, skip: Token | None = None) -> str:
    """A noun's lemma with the words that say which of its kind ("approval rating", "negative
    rating"): its compound and adjective modifiers written before it."""
    mods = [c.lemma_.lower() for c in noun.children
            if c.dep_ in ("compound", "amod") and c.i < noun.i and (skip is None or c.i != skip.i)
            and c.pos_ in ("NOUN", "ADJ", "PROPN")]
    return " ".join([*mods, noun.lemma_.lower()])


#: Verbs of a value moving: a percentage as their object is a change ("shares crashed 17 percent").
CHANGE_VERBS = lexicon.words("figures", "change_verbs")


def percent_of(doc: Doc, q: Quantity) -> tuple[str | None, bool]:
    """What a percentage is a share of, and whether it is a change rather than a level.

    A percentage counts nothing by itself: "owns 4.8 per cent of X" is a share of X, "a 31%
    premium" and "a premium of 31 per cent" a premium, "its stake is 4.8 per cent" a stake,
    "turnout rose to 64 per cent" a turnout. Said of a verb or a comparative ("shares jumped
    27%", "closed 26 per cent higher", "up 9 per cent"), it is a change, which like an increment
    is no total to compare. Returns (the lemma of what it measures or None, change)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, False
    if re.search(r"\b(?:more|fewer|less|higher|lower)$", span.text) or (
            span.end < len(doc) and doc[span.end].lower_ in ("more", "fewer", "less", "higher", "lower")):
        return None, True  # "40 percent more patients": a comparison, no level
    tok = _head_of(span)
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in CHANGE_VERBS \
            and any(c.dep_ == "poss" for c in whole.children):
        return None, True  # "the shares lost 30 percent of their value": a fall of their own, no share of it
    if whole is not None:
        holder = _holder(tok)
        return (f"{holder}: " if holder else "") + _with_modifiers(whole), False
    head = tok.head
    if tok.dep_ in ("conj", "appos") and head.pos_ == "NUM":
        # "in 47 of the 50 tablets analysed, or 94 per cent": the share of the part's whole
        part_of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole_of = next((c for c in part_of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if part_of else None
        if whole_of is not None:
            return _with_modifiers(whole_of), False
    if tok.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN":
        return _with_modifiers(head, skip=tok), False
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return _with_modifiers(head.head), False
    if tok.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ == "NOUN" and not head.head.ent_type_:
        return _with_modifiers(head.head), False  # "interest at 8 percent a year": the interest's rate
    if tok.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in PUTTING_VERBS:
        put = next((c for c in head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if put is not None:
            return _with_modifiers(put), False  # "putting final turnout at 63.4 percent": the turnout
    if tok.dep_ == "npadvmod" and (head.tag_ in ("VBN", "JJ") and head.lower_ not in ("up", "down")):
        return _with_modifiers(head), False  # "the fire was 60 per cent contained": a degree of a state
    if (tok.dep_ == "npadvmod" and head.pos_ in ("VERB", "ADJ", "ADV")) or (
            tok.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB") or (
            tok.dep_ == "dobj" and head.lemma_.lower() in CHANGE_VERBS):
        return None, True  # "jumped 27%", "closed 26 per cent higher", "up 9 per cent", "rose by 3 percent", "crashed 17%"
    # the level a clause gives its subject: "its stake is 4.8 per cent", "turnout rose to 64 per cent"
    verb = head if tok.dep_ == "attr" else \
        head.head if tok.dep_ == "pobj" and head.lower_ in ("to", "at") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and not subject.ent_type_:
            return _with_modifiers(subject), False
    return None, False


def _head_of(span: Span) -> Token:
    """The figure phrase's own head: the word that hangs outside it ("4.8 per cent" may be parsed
    as a number with "per" + object under it, or as "cent" with the number under it)."""
    return next((t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i), span[-1])


def _root(doc: Doc, q: Quantity) -> Token | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return _head_of(span) if span is not None and len(span) else None


def _owner(noun: Token) -> Token | None:
    """Whose a noun is: its possessor ("Pelverin's latest bid"), else what it is from or by ("an
    offer of $15.60 from Pelverin Group")."""
    poss = _possessor(noun)
    if poss is not None:
        return poss
    for prep in noun.subtree:  # "an offer of $15.60 a share from X": the parser may hang it lower
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    return None


def _possessor(noun: Token) -> Token | None:
    """A noun's possessor ("the insurers' losses"), not what it comes from ("losses from the storm")."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)


def _subject(verb: Token) -> Token | None:
    """The verb's subject noun, a relative pronoun read as the noun it stands for."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    subject = _antecedent(subject) if subject is not None else None
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def money_of(doc: Doc, q: Quantity) -> str | None:
    """What a sum of money is, and whose: "an offer of $15.60 a share from Pelverin", "Pelverin
    raised its offer to $15.60", "Pelverin first offered $14.20 a share" are all Pelverin's offer per
    share ("pelverin: offer per share"); a total ("lifting the value of the bid to $2.31 billion")
    is another slot than a price per share. None when the parse does not say."""
    tok = _root(doc, q)
    if tok is None:
        return None
    if tok.dep_ == "nummod" and (tok.head.lemma_.lower() in CURRENCY_WORDS or tok.head.lower_ in CURRENCY_WORDS):
        tok = tok.head  # "30 million crowns": the sum is the currency word's phrase, as "$" heads "$30 million"
    elif tok.dep_ in ("nummod", "appos") and tok.head.text in ISO_CODES and tok.head.i < tok.i:
        tok = tok.head  # "EUR 1.86 million": the code heads the sum
    rate = ""
    after = doc[tok.i + 1 : tok.i + 3] if tok.i + 1 < len(doc) else None
    if after is not None and len(after) == 2 and after[0].lower_ in ("a", "per", "an", "each"):
        rate = f" per {after[1].lemma_.lower()}"
    share = _each_receiver(tok)
    if share is not None:
        return f"per {share}"  # "€450,000 for each of the families", "gives each family €450,000"
    if tok.dep_ == "appos" and tok.head.dep_ in ("dative", "dobj") and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "fined the company EUR 1.86 million": the sum is what the verb measures
        s = _named(tok.head) if _penalty(verb) else _named(_subject(verb))
        return _held(s, _measure(verb) + rate)
    if tok.dep_ == "appos" and tok.head.dep_ == "conj" and tok.head.head.pos_ == "VERB" and _penalty(tok.head.head):
        # "fined the skipper A €240,000 and the skipper B €150,000": the second object, its name beside it
        named = [c for c in tok.head.children if c.dep_ in ("appos", "compound") and c.i < tok.i and _named(c) is not None]
        s = named[0] if named else _named(tok.head)
        return _held(s, _measure(tok.head.head) + rate)
    if tok.dep_ == "conj" and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB" and _penalty(tok.head.head):
        # "fined Tobrek €230,000 and Nastrel €140,000": the second sum is the name's before it
        verb, before = tok.head.head, doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        s = _named(before) if before is not None and before.dep_ == "conj" else None
        return _held(s, _measure(verb) + rate)
    head = tok.head
    noun: Token | None = None
    owner: Token | None = None
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        noun = head.head  # "an offer of $15.60", "the value of $2.3 billion"
        owner = _owner(noun)
        if _MEASURES.get(noun.lemma_.lower()) == "fine":
            # "imposed a penalty of 9.5 million on X": a penalty is its payer's, named after "on"
            payer = next((p for t in (tok, noun, noun.head) for c in t.children if c.dep_ == "prep" and c.lower_ == "on"
                          for p in c.children if p.dep_ == "pobj"), None)
            owner = _named(payer) or owner
        if owner is None and noun.head.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass"):
            owner = _named(_subject(noun.head)) if noun.dep_ == "dobj" else None
    elif tok.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        verb = head.head  # "raised its offer to $15.60": the offer, the raiser's
        measured = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None
        if measured is not None and measured.pos_ == "VERB":  # "sets the bill [for rebuilding X] at ..."
            measured = next((c for c in measured.children if c.dep_ == "dobj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if measured is not None and measured.pos_ == "NOUN" and measured.lemma_.lower() in _MEASURES:
            # "set the bill for rebuilding the pier at $9 million": the parser may hang the sum on
            # the gerund; it is the bill's, not the pier's
            noun = measured
            owner = _owner(noun) or (_named(_subject(noun.head)) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None)
        elif obj is None and (said := _amounting_subject(verb)) is not None:
            noun = said  # "insured losses amount to EUR 168 million": the losses' sum
            owner = _possessor(noun)
        elif obj is not None:
            # the subject holds a measure it sets ("Vantrix raised its offer", "the estimate puts the
            # bill at"), when named; a valuation's subject says what values its object ("the deal values X at")
            subject = _subject(verb)
            noun, owner = obj, _owner(obj) or (_named(subject) if obj.lemma_.lower() in _MEASURES else subject)
    elif tok.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ == "NOUN" and head.head.dep_ == "dobj" \
            and head.head.head.pos_ == "VERB":
        # "estimates insured losses at EUR 186 million": the parser hangs the sum on the object
        noun = head.head
        owner = _possessor(noun) or (_named(_subject(noun.head)) if noun.lemma_.lower() in _MEASURES else None)
    elif tok.dep_ == "pobj" and head.lower_ == "with" and (held := _held_with(head.head)) is not None:
        # "created the relief fund with €45 million", "the fund starts with €45 million": its size
        noun, owner = held, _owner(held)
    elif tok.dep_ in ("npadvmod", "pobj") and head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head  # "the relief fund, worth €45 million": what the fund is worth
        owner = _owner(noun)
    elif tok.dep_ == "dobj" and head.pos_ == "VERB" and (said := _amounting_subject(head)) is not None:
        noun = said  # "insured losses will reach about 186 million euros": the losses' sum
        owner = _possessor(noun)
    elif tok.dep_ == "dobj" and head.pos_ == "VERB":
        # "will pay €30 million into a relief fund", "spent, or promised, €60 million on its relief
        # fund": the sum is the fund's
        verbs = [head, *([head.head] if head.dep_ == "conj" else [])]
        into = next((p for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("into", "on")
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _HELD_SUMS), None)
        s = _penalised(head, tok) if _penalty(head) else _named(_subject(head))
        return _held(s, _measure(into or head) + rate)
    elif tok.dep_ == "nsubjpass" and head.pos_ == "VERB" and _MEASURES.get(head.lemma_.lower()):
        return _measure(head) + rate  # "$38 million was moved": the sum of a transfer
    elif tok.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ in ("VERB", "AUX"):
        # a price: "agreed to sell the slots to X for €46 million", "the sale is of its slots, for
        # €64 million": the sale of that thing
        verb = head.head
        subject = _subject(verb) if verb.pos_ == "AUX" else None
        deal = subject if subject is not None and subject.pos_ == "NOUN" else verb
        thing = next((c for c in verb.children if c.dep_ == "dobj"), None) or _of(deal) or _of(verb)
        if thing is not None:
            thing = _of(thing) or thing  # "38 pairs of slots": the slots
            return f"{thing.lemma_.lower()}: {_measure(deal)}"
        return None
    elif tok.dep_ == "attr" and head.pos_ == "AUX":
        noun = _subject(head)  # "the offer is $15.60"
        owner = _owner(noun) if noun is not None else None
    elif tok.dep_ in ("nummod", "appos") and head.pos_ == "PROPN" and head.i < tok.i and (
            act := _list_verb(head)) is not None:
        # "Tallask was fined €150 million, Jorvane €95 million, ...": each name's sum of the list's act
        return f"{_name(head)}: {_measure(act)}{rate}"
    elif tok.dep_ in ("nummod", "compound", "nmod", "amod") and head.pos_ == "NOUN" and head.i > tok.i:
        noun = head  # "a €9.2 million relief fund": the sum is the fund's size
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "a 30-million-euro relief fund" parsed with the sum on "relief"
        owner = _owner(noun) or (_named(_subject(noun.head)) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None)
    if noun is None:
        return None
    return (f"{_name(owner)}: " if owner is not None else "") + _measure(noun) + rate


#: Verbs that say what a sum comes to, the measure their subject ("losses amount to"): data/lexicon/figures.json.
_AMOUNTING = lexicon.words("figures", "amounting_verbs")


def _amounting_subject(verb: Token) -> Token | None:
    """The common noun whose sum an amounting verb gives ("insured losses amount to", "the bill
    will reach"); None for another verb or a named subject (whose sum is its own act's)."""
    if verb.lemma_.lower() not in _AMOUNTING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _each_noun(tok: Token) -> str | None:
    """The noun "each" distributes over: "each family", "each of the four families"."""
    if tok.lower_ == "each":
        of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        return of.lemma_.lower() if of is not None else None
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "each" for c in tok.children):
        return tok.lemma_.lower()
    return None


def _each_receiver(tok: Token) -> str | None:
    """Whom a sum is paid to, one each ("pay 540,000 euros to each family", "gives each bereaved
    family €450,000", "€450,000 for each of the four families", "each of the families will receive
    €450,000"): the sum is a share per receiver, not a total. Read only where the receiver stands
    by the sum, so that another sum of the same clause ("and Corporal B €180,000") is not one."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            found = next((n for p in c.children if p.dep_ == "pobj" and (n := _each_noun(p))), None)
            if found:
                return found  # "€450,000 for each of the families"
    verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and c.i == tok.right_edge.i + 1:
            found = next((n for p in c.children if p.dep_ == "pobj" and (n := _each_noun(p))), None)
            if found:
                return found  # "will pay 540,000 euros to each family"
        if c.dep_ in ("dative", "iobj") and c.right_edge.i + 1 == tok.left_edge.i and (found := _each_noun(c)):
            return found  # "gives each bereaved family €450,000"
        if c.dep_ == "nsubj" and verb.lemma_.lower() in _RECEIVING and (found := _each_noun(c)):
            return found  # "each of the families will receive €450,000"
    return None


#: Verbs whose subject is who gets a sum ("each family will receive"): data/lexicon/figures.json.
_RECEIVING = lexicon.words("figures", "receiving_verbs")


def _list_verb(name: Token) -> Token | None:
    """The act of a list whose items are a name and its sum ("fined the firms €300 million: Tallask
    €150 million, Jorvane €95 million"): the verb the name's item hangs on through the list, when the
    verb names a measure (a fine, a sale, a donation)."""
    tok = name
    for _ in range(4):
        if tok.dep_ not in ("appos", "conj", "npadvmod", "dep", "dobj", "nsubjpass", "dative") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok if tok.lemma_.lower() in _MEASURES else None
    return None


def _held_with(governor: Token) -> Token | None:
    """The held sum ("fund", "contract") a "with" phrase gives the amount of: the noun it hangs on,
    else the object or subject of the verb it hangs on, or the noun that verb describes ("the
    fund, announced on 19 June with ...")."""
    if governor.pos_ == "NOUN":
        return governor if governor.lemma_.lower() in _HELD_SUMS else None
    if governor.pos_ != "VERB":
        return None
    candidates = [c for c in governor.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if governor.dep_ in ("acl", "relcl"):
        candidates.append(governor.head)
    return next((c for c in candidates if c.lemma_.lower() in _HELD_SUMS), None)


#: Verbs of a penalty: the sum is who is penalised's (data/lexicon/figures.json).
_PENALTY_VERBS = lexicon.words("figures", "penalty_verbs")


def _held(holder: Token | None, measured: str) -> str:
    """A sum's qualifier, "holder: measure", or the measure alone when no holder is named."""
    return (f"{_name(holder)}: " if holder is not None else "") + measured


def _penalty(verb: Token) -> bool:
    return verb.lemma_.lower() in _PENALTY_VERBS or verb.lower_ in _PENALTY_VERBS


def _penalised(verb: Token, tok: Token) -> Token | None:
    """Who pays a penalty's sum, whoever imposes it: the passive's subject ("Tobrek was fined
    €230,000"), a name the parser hangs on the sum ("fined Tobrek €230,000") or the verb's other
    object ("fined Tallask €150 million"), when named."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return _named(passive)
    hung = next((c for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i and c.text[:1].isalpha()
                 and _named(c) is not None), None)  # a name, not the sum's currency sign
    if hung is not None:
        return hung
    return next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < tok.i and _named(c) is not None), None)


#: Entity types a sum's holder may be: who bids, pays or is fined, not when or how much.
_HOLDER_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC"})


def _named(tok: Token | None) -> Token | None:
    """A verb's subject holds its sum only when it is named ("Vantrix offered $9"): a common noun
    ("the repair will cost $9 million") says nothing that another outlet's telling of the sum shares."""
    if tok is None:
        return None
    return tok if tok.pos_ == "PROPN" or tok.ent_type_ in _HOLDER_ENTITIES else None


#: Nouns that name only a unit's dimension ("wind speed"): data/lexicon/figures.json.
_DIMENSIONS = lexicon.words("figures", "dimension_nouns")


#: The time a rate is per ("km/h", "m/s"): data/lexicon/figures.json.
_PER_TIME = lexicon.words("figures", "rate_time_units")


def rate_unit(doc: Doc, noun: Token | None, unit: str | None) -> str | None:
    """A speed written "96 km/h" is one unit, km/h, which the tokenizer splits into "km", "/" and
    "h": a gust's speed is not a distance. Other units are returned as they are."""
    if noun is None or unit is None or unit.lower() not in MEASUREMENT_UNITS or noun.i + 2 >= len(doc):
        return unit
    slash, per = doc[noun.i + 1], doc[noun.i + 2]
    if slash.text == "/" and _per(per) and not slash.whitespace_ and not noun.whitespace_:
        return f"{noun.text.lower()}/{_per(per)}"
    return unit


def _per(tok: Token) -> str | None:
    """The time a rate is per ("h" of "km/h", also "h." when the tokenizer keeps the full stop)."""
    word = tok.lower_.rstrip(".,;:)")
    return word if word in _PER_TIME else None


def _rate_head(tok: Token) -> Token:
    """The token a rate unit hangs on the sentence by ("km" of "km/h" is the parser's modifier of "h")."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "/" and _per(doc[tok.i + 2]) and tok.head.i == tok.i + 2:
        return doc[tok.i + 2]
    return tok


def measured_of(doc: Doc, q: Quantity) -> str | None:
    """What a physical measurement measures: "a gust of 130 km/h" and "the strongest gust, 125
    km/h" are gusts, "sustained winds of 90 km/h" winds: a gust and a sustained wind are two
    figures, not one told two ways. A dimension noun ("a peak wind speed of 290 km/h") says only
    what the unit measures: the noun before it is the measured thing (the wind). None when the
    parse does not say."""
    tok = _root(doc, q)
    if tok is None:
        return None
    if tok.dep_ == "nummod":
        tok = _rate_head(tok.head)  # the unit: "96 km/h" hangs on "km", which hangs on "h"
    head = tok.head
    noun: Token | None = None
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        noun = head.head
    elif tok.dep_ == "appos" and head.pos_ == "NOUN":
        noun = head
    elif tok.dep_ == "attr" and head.pos_ == "AUX":
        noun = _subject(head)  # "the highest gust was 130 km/h"
    if noun is None or (_per(noun) and noun.i > 0 and doc[noun.i - 1].text == "/"):
        return None  # "96 km/h (about 60 mph)": the rate's "h" is no thing measured
    if noun.lemma_.lower() in _DIMENSIONS:
        before = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.pos_ == "NOUN"), None)
        if before is not None:
            return before.lemma_.lower()
    return noun.lemma_.lower()


#: Words after a measurement that say what it is measured between: data/lexicon/figures.json.
_RELATIONS = lexicon.words("figures", "relation_words")


def told_from(q: Quantity) -> bool:
    """Whether a figure's qualifier is what a measurement is told from (``relation_of``: "from
    harbour"), not a noun it measures: a position of what its event found or moved."""
    return bool(q.qualifier) and (q.unit or "").lower() in MEASUREMENT_UNITS \
        and (q.qualifier or "").split()[0] in _RELATIONS


def relation_of(doc: Doc, q: Quantity) -> str | None:
    """What a measurement is measured from when no noun says what it measures ("8 metres above
    the road": above road; "50 metres beyond the fence": beyond fence; "2 km from the harbour":
    from harbour); None when the word after the figure's unit is none of these."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    after = span.end
    if after < len(doc) and doc[after].lower_ not in _RELATIONS \
            and (doc[after].lemma_.lower() in MEASUREMENT_UNITS or doc[after].lower_ in MEASUREMENT_UNITS):
        after += 1  # the unit written after the figure's own span
    if after >= len(doc) or doc[after].lower_ not in _RELATIONS:
        return None
    word = doc[after]
    place = next((c for c in word.children if c.dep_ == "pobj"), None) or next(
        (o for c in word.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"), None)  # "east of X"
    # the thing it is measured from ("2 km from the harbour" is not "40 km from the border")
    return f"{word.lower_} {place.lemma_.lower()}" if place is not None else word.lower_


def _of(word: Token) -> Token | None:
    """The noun after a word's "of" ("pairs of slots", "the sale of its slots")."""
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _measure(word: Token) -> str:
    lemma = word.lemma_.lower()
    return _MEASURES.get(lemma, lemma)


def _name(tok: Token) -> str:
    """A holder as a key that outlets naming it differently share: a person's surname ("Corwin
    Astleigh", "Astleigh"), an organisation's first word ("Pelverin Group", "Pelverin"), lower case."""
    if tok.ent_type_ == "PERSON":
        return tok.text.lower()
    # a name's first word, not a common noun before it ("the skipper Sveinn Tobrek": sveinn)
    words = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.ent_type_ not in ("DATE", "TIME")
             and (c.pos_ == "PROPN" or tok.pos_ != "PROPN")]
    return (words[0] if words else tok.text).lower()
