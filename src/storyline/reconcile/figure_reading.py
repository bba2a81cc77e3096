"""How one figure reads in its sentence: what it counts (``count_type``), whether it is a part of a
group (``partitive``), a day's move of a price (``day_move``) or no total to compare at all
(``not_compared``), and the event family its verb puts it in (``act_family``, ``change_family``).
``reconcile.quantities`` groups the figures by these readings; the words are data
(data/lexicon/figures.json)."""
from __future__ import annotations

import re
from functools import partial

from storyline import lexicon
from storyline.extract.measures import CHANGE_VERBS, CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT
from storyline.extract.numbers import TENS, UNITS, parse_number
from storyline.extract.plover import STATE_VERBS
from storyline.model import Quantity
from storyline.reconcile.figure_series import FROM
from storyline.reconcile.figure_slots import unit_class_of
from storyline.reconcile.frames import Frame
from storyline.reconcile.memo import Memo
from storyline.reconcile.roles import head_word
from storyline.reconcile.triggers import family_of

_CASUALTY_WORDS = lexicon.pairs("figures", "casualty_words")
#: Counts of casualties, which their source updates as bodies are found and the wounded counted:
#: one source's two figures of one day are an update, not a contradiction.
RUNNING_COUNTS = frozenset(kind for kind, _ in _CASUALTY_WORDS)
_COUNT_WORD = re.compile("|".join(f"(?P<{name}{i}>\\b(?:{rx})\\b)" for i, (name, rx) in enumerate(_CASUALTY_WORDS)),
                         re.IGNORECASE)
CASUALTY_FAMILIES = lexicon.words("figures", "casualty_families")
_VAGUE = re.compile(rf"\b(?:{lexicon.alternation('figures', 'vague_amounts')})\b", re.IGNORECASE)
_SUBSET = re.compile(r"^\s*(?:of\s+(?:them|those|these|whom|which)|of\s+the\s+\w+)\b", re.IGNORECASE)
#: A partitive's part and whole: "three of its 20 pumps", "900 of the firm's 6,000 jobs"
_NUMERAL = rf"\d[\d,.]*\d|\d|{'|'.join(sorted({*UNITS, *TENS} - {'zero'}, key=len, reverse=True))}"
#: What stands between "of" and a whole's size ("of the", "of its", "of the firm's").
_DETERMINED = r"\s+(?:(?:the|its|their|our|his|her|this|these|those)\s+)?(?:[\w-]+(?:'s|’s)\s+)?"
_OF_WHOLE = rf"\s*of{_DETERMINED}"
_PART_OF = re.compile(rf"{_OF_WHOLE}(?P<whole>{_NUMERAL})\b", re.IGNORECASE)
_WHOLE_AFTER = re.compile(rf"\b(?:{_NUMERAL}){_OF_WHOLE}$", re.IGNORECASE)
#: A whole fronted before its part's clause: "Of the 63 whales that beached on 8 March, 35 died".
_FRONTED_WHOLE = re.compile(rf"(?:^|[.!?\n]\s*)Of{_DETERMINED}(?P<whole>{_NUMERAL})\b[^.;:!?]{{0,160}},\s*$")
#: "about 900 officers were still there, out of the 1,500 deployed": a part of the figure after it
#: "all 30 of the ward's beds": the figure before "of the" is the whole group, not a part of it
_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+)?$", re.IGNORECASE)
_OUT_OF = re.compile(r"^[^.;:]{0,80}?\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?\d", re.IGNORECASE)
#: "two engineers and their interpreter": the figure counts part of the group the sentence tells
#: (its own noun phrase coordinated, not one after a preposition: "5 million for the victims and
#: their families" is the whole sum)
_WITH_THEIR = re.compile(r"^(?:\s+(?!(?:for|to|of|in|on|at|by|with|from|among)\b)[\w-]+){1,3}?\s+and\s+(?:their|his|her)\s+(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+\b(?![^.;]{0,3}\d)",
                         re.IGNORECASE)
#: ... unless the sentence dates it ("from 40 on Sunday to 85 on Monday"): then it is a point of a series
_DATED_AFTER = re.compile(r"^(?:\s+[a-z]+){0,2}\s+(?:(?:on|in|at|by|as\s+of)\s+(?:[A-Z]\w+|\d)|last\s+\w+|yesterday|today)")


#: "from 10,000 to 25,000": a value "from" opens that another value "to" closes shortly after
_TO_VALUE = re.compile(r"^[^.;]{0,50}?\bto\s+(?:[a-z]+\s+){0,2}?[$€£]?\d", re.IGNORECASE)
#: "up from 31", "revised it from 412 million": a change told before the "from"
_CHANGE_BEFORE = re.compile(rf"\b(?:up|down|{lexicon.alternation('figures', 'revision_verbs')})\b[^.;]{{0,40}}$",
                            re.IGNORECASE)


def _value_before_change(q: Quantity, body: str) -> bool:
    """"raised the fee from 10,000 crowns to 25,000", "up from 31": the figure after "from" held
    before the change the sentence tells; "envoys from 19 countries" names where they came from."""
    if not FROM.search(body[max(0, q.start - 16) : q.start]):
        return False
    return bool(_TO_VALUE.match(body[q.end : q.end + 80]) or _CHANGE_BEFORE.search(body[max(0, q.start - 60) : q.start]))


def partitive(q: Quantity, body: str) -> tuple[bool, float | None]:
    """Whether a figure is the part of a partitive, and the whole's size; or the whole (True,
    None). The part ("three" of "three of its 20 pumps failed") counts what the verb did to
    some of a group, and is compared only with parts of a group of that size in that role
    ("six of the plant's 20 pumps had failed"), not with a total nor with other parts ("12 of
    the party's 30 members backed the bill" is not the bill's 96 votes). The whole is the
    group's size, not what the verb did: another slot, unless its own words say what it counts
    ("of the 12,000 tenants covered by the scheme")."""
    m = _PART_OF.match(body, q.end)
    if m is not None:
        return True, parse_number(m.group("whole"))
    m = _FRONTED_WHOLE.search(body[max(0, q.start - 200): q.start])
    if m is not None:
        return True, parse_number(m.group("whole"))  # "Of the 63 whales that beached, 35 died"
    if _ALL_BEFORE.search(body[max(0, q.start - 12) : q.start]) and _SUBSET.match(body[q.end : q.end + 25]):
        return True, None  # "all 30 of the ward's beds": every one of them, the group's size
    return bool(_WHOLE_AFTER.search(body[max(0, q.start - 50) : q.start])), None


def count_type(f: Frame, q: Quantity, body: str) -> str | None:
    """What a figure counts. The dead, the wounded, casualties (killed or wounded) and prisoners
    are different counts and never compared; the count word nearest the figure decides ("about
    300 killed and some 2,700 wounded, a toll of roughly 3,000"). Other figures count their noun,
    and a sum of money, a share or a measurement never counts people ("fined EUR 2 million over the
    leak that killed 300 fish")."""
    if q.unit in CURRENCY_CODES or q.unit == PERCENT or (q.unit or "").lower() in MEASUREMENT_UNITS:
        return unit_class_of(q.unit)
    lo, hi = max(0, q.start - 45), min(len(body), q.end + 80)
    best: tuple[int, int, str] | None = None  # (rank, distance, count type)
    own_verb = _OWN_VERB.match(body, q.end) is not None
    for m in _COUNT_WORD.finditer(body, lo, hi):
        before = m.end() <= q.start
        d = q.start - m.end() if before else max(0, m.start() - q.end)
        rank = d
        if not before and _OWN_COUNT_WORD.fullmatch(body, q.end, m.start()):
            rank = 0  # the figure's own clause: "12 people were injured", "27 missing"
        elif before and _CLAUSE_BREAK.search(body, m.end(), q.start):
            if own_verb:
                continue  # "four were killed and three were detained": the figure's own verb says
            rank += 30  # another clause's word: "two were killed and 12 people were injured"
        name = re.sub(r"\d+$", "", m.lastgroup or "")
        if d <= (25 if before else 45) and (best is None or rank < best[0]):
            best = (rank, d, name)
    if best is not None and (f.family in CASUALTY_FAMILIES or best[1] <= 12):
        return best[2]
    return unit_class_of(q.unit)


#: Between a figure and a count word after it, in the figure's own clause: its noun and the verb's
#: auxiliaries ("12 people were injured", "19 have been wounded", "27 missing").
_OWN_COUNT_WORD = re.compile(r"\s+(?:[a-z]+\s+)?(?:(?:were|was|are|is|have|has|had|been|being|reported|now|still)\s+){0,3}",
                             re.IGNORECASE)
#: A figure's own clause's verb right after it ("three were detained", "12 have been questioned"):
#: a count word of the clause before is not what it counts ("12 were children" is no verb).
_OWN_VERB = re.compile(r"\s+(?:[a-z]+\s+)?(?:were|was|are|is|have|has|had)\s+(?:been\s+|being\s+)?"
                       r"(?!(?:wo)?men\b|children\b|then\b|even\b|often\b)[a-z]+(?:ed|en)\b", re.IGNORECASE)
#: Between a count word and a figure after it, the mark of a new clause ("killed and 12", "dead, 19").
_CLAUSE_BREAK = re.compile(r"\band\b|[,;]")


_counted: Memo[str | None] = Memo(65536)
"""``count_type`` per figure, by a digest of its article's body, its frame's family and its
offsets and unit (all it reads): most of ``figure_groups``'s time on a large story."""


def counted(f: Frame, q: Quantity, body: str, body_digest: bytes) -> str | None:
    """``count_type``, remembered by ``body_digest`` (a digest of ``body``) and all else it reads."""
    return _counted.get((body_digest, f.family, q.start, q.end, q.unit), partial(count_type, f, q, body))


_MOVE_PERIOD = re.compile(rf"\b(?:{lexicon.alternation('figures', 'move_periods')})\b", re.IGNORECASE)


def day_move(f: Frame, q: Quantity, body: str) -> bool:
    """A percentage by which a named thing's value moved over one whole day ("Lundry shares closed
    14.2 percent lower on Monday", "the stock crashed 17 percent"): two outlets' differing moves
    of one thing on one day are one figure told two ways. Other increments ("another 300"), moves
    within a day ("fell 16 percent in the first minutes", "as much as 27 percent") or over many
    ("down 31 percent since the recall") are no figure to compare."""
    if q.unit != PERCENT or not doers(f):
        return False
    return not _MOVE_PERIOD.search(body, max(0, q.start - 30), min(len(body), q.end + 40))


def _sent(q: Quantity) -> bool:
    """"deployed 1,500 additional officers": the figure of more sent is what that sending moved
    (one act's size, as "sent 1,500 officers" tells it), not an addition to a total."""
    return q.role == "patient MOBILIZE"


def doers(f: Frame) -> tuple[str, ...]:
    """The head words of who a figure's sentence says acted ("Ardelle led by 312 votes")."""
    return tuple(sorted({h for phrase in f.claim.agents if (h := head_word(phrase))}))


_FALLING_VERBS = lexicon.words("figures", "falling_verbs")


def act_family(qualifier: str) -> str | None:
    """The event family of an act that qualifies a count ("the 9,300 people who were evacuated":
    displacement), so that it counts what a figure told by a verb of that family does ("forced
    the evacuation of 9,800 people"); None for other qualifiers."""
    family = family_of(qualifier, None)
    return None if family.startswith("other:") else family


def change_family(family: str) -> str:
    """A verb of a value moving is told with many words: "lost 40 metres" and "dropped 44
    metres" are one figure of a fall, which a rise's figure is not; a state verb's figure ("are",
    "remain", "has") is the count of what is, whichever verb tells it."""
    verb = family.removeprefix("other:")
    if family.startswith("other:") and verb in STATE_VERBS:
        return "state"  # "all 17 crew are safe" / "its 19 crew remain on board": a count of what is
    if verb not in CHANGE_VERBS:
        return family
    return "change:down" if verb in _FALLING_VERBS else "change:up"


_NEGATION = re.compile(rf"(?:\b(?:{lexicon.alternation('figures', 'negation_words')})\b|n't)", re.IGNORECASE)


def _before_negation(f: Frame, q: Quantity, body: str) -> bool:
    """A negated sentence's figure that stands before every negation word, the subject of the
    negated predicate ("3,200 parcels could not be traced", "three of the 12 did not
    survive"): the count is asserted, of the things the negation holds for. One after a negation
    ("did not confirm that 300 died"), or in a denial or a withdrawn version, which name no
    negation word, is nobody's figure."""
    start, end = f.claim.span
    if not start <= q.start < end:
        return False
    return not _NEGATION.search(body[start:q.start]) and bool(_NEGATION.search(body[q.end:end]))


#: A requirement, not a count of what happened: "an absolute majority of 101 votes", "the
#: required 101", "far above the 101 needed to win" (the words: data/lexicon/figures.json). After
#: the figure, only with "the" before it and nothing the verb takes after ("14 people needed
#: treatment" is a count).
_REQUIRED_BEFORE = re.compile(rf"\b(?:{lexicon.alternation('figures', 'requirement_before')})\s+(?:the\s+)?$",
                              re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_REQUIRED_AFTER = re.compile(rf"^(?:\s+[a-z][\w-]*)?\s+(?:{lexicon.alternation('figures', 'requirement_after')})"
                             r"(?=\s+(?:to(?!\s+be\b)|for|by|under)\b|\s*[,.;:)]|\s*$)", re.IGNORECASE)


def _requirement(q: Quantity, body: str) -> bool:
    """The figure is what a rule or a goal requires ("a majority of 101 votes")."""
    before = body[max(0, q.start - 30) : q.start]
    return bool(_REQUIRED_BEFORE.search(before)
                or (_THE_BEFORE.search(before) and _REQUIRED_AFTER.match(body[q.end : q.end + 40])))


def not_compared(f: Frame, q: Quantity, body: str, *, part: bool, move: bool) -> bool:
    """Whether a figure is no total to compare with others: one nobody asserts, an increment, a
    part of another count, the value before a change, a requirement or an order of magnitude.
    ``part`` is whether it is a partitive's part, ``move`` whether it is a day's move (``day_move``)."""
    if f.claim.negated and not _before_negation(f, q, body):
        return True  # a figure nobody asserts ("did not confirm that 300 died", a withdrawn version's)
    if _requirement(q, body):
        return True
    if (q.increment and not move and not _sent(q)) or (q.low is None and q.high is None):
        return True
    # ... a share's "of the" names its whole ("60 per cent of the bolt"), not a count it is part of
    if (not part and q.unit != PERCENT and _SUBSET.match(body[q.end : q.end + 25])) or _WITH_THEIR.match(body[q.end : q.end + 60]) \
            or _OUT_OF.match(body[q.end : q.end + 100]):
        return True  # "as many as 8,000 of them": a part of another count, not a total
    if _value_before_change(q, body) and not _DATED_AFTER.match(body[q.end : q.end + 30]):
        return True  # the value before the change, undated
    # "dozens", "thousands": an order of magnitude, not an estimate to compare
    return bool(_VAGUE.search(q.text) and not re.search(r"\d", q.text))


#: Words that make a figure the whole country's ("1.2 million marched nationwide"): data/lexicon/figures.json.
_NATIONAL = re.compile(rf"\b(?:{lexicon.alternation('figures', 'national_words')})\b", re.IGNORECASE)
#: A place a figure is told of: "in Quarnby", "across Yselmark", at most a few words from it.
_PLACE_PHRASE = re.compile(r"\b(?P<prep>(?i:in|across|throughout))\s+(?:the\s+(?:city|town|region|province|capital)\s+of\s+)?"
                           r"(?P<place>[A-Z][\w'’-]+)")
#: How far from a figure, in characters, its clause's place phrase is looked for.
_SCOPE_REACH = 80


def place_scope(f: Frame, q: Quantity, body: str) -> str | None:
    """Where a figure counts: "national" for the whole country ("nationwide", "across the
    country", "across Yselmark"), a place's name for a local count ("61,000 in Quarnby", "In
    Quarnby, police counted 61,000", "counted 21,000 people there"), else None. The nearest such
    phrase in the figure's clause decides (a list's "1.2 million nationwide, including 150,000 in
    Quarnby" gives each its own)."""
    start, end = f.claim.span
    after = re.split(r"[,;:(]|\bincluding\b", body[q.end : min(end, q.end + _SCOPE_REACH)], maxsplit=1)[0]
    before = re.split(r"[,;:(]", body[max(start, q.start - _SCOPE_REACH) : q.start])[-1]
    if (fronted := _FRONTED_PLACE.match(body, start, q.start)) is not None:
        before = f"{fronted.group(0)} {before}"  # "In Quarnby, police counted 61,000": the clause's place
    found = [(m.start(), "there") for m in re.finditer(r"\bthere\b", after)]
    for text, far in ((after, lambda m: m.start()), (before, lambda m: len(before) - m.end())):
        found += [(far(m), "national") for m in _NATIONAL.finditer(text)]
        found += [(far(m), m.group("place").lower() if m.group("prep").lower() == "in" else "national")
                  for m in _PLACE_PHRASE.finditer(text)]
    return min(found)[1] if found else None


#: A place phrase opening a sentence, set off by a comma ("In Quarnby, ...").
_FRONTED_PLACE = re.compile(r"\W*(?:In|Across|Throughout)\s+[A-Z][\w'’-]+,")


#: A count told as what stays as it was ("seven libraries will stay open", "1,600 of its staff
#: stayed at work", "three lines remain in service"): the rest of a whole, never a rival of a count
#: of what changed ("close four libraries"). Lexicon figures.staying_phrases.
_STAYING = re.compile(rf"^(?:\s+[\w-]+){{0,3}}?\s+(?:will\s+|would\s+|to\s+|are\s+to\s+)?"
                      rf"(?:{lexicon.alternation('figures', 'staying_phrases')})\b", re.IGNORECASE)


def staying(q: Quantity, body: str) -> bool:
    """Whether a figure counts what stays as it was (``_STAYING``)."""
    return bool(_STAYING.match(body[q.end : q.end + 80]))
