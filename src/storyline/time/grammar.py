"""Detection grammar: regular patterns for English time expressions, in TimeML extents.

Each rule is a named regular expression over the raw text; every match becomes a candidate with
its rule name and groups, and overlapping candidates are settled longest-first. Month and weekday
names are matched case-sensitively (``May`` the month, not ``may`` the verb; the part-of-speech
check against the parse happens later, in the tagger). The extents follow TimeBank: determiners
and modifiers are inside ("the past two months", "late 2024", "about three years ago"),
prepositions are outside.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from storyline.lowered import FOLDS_TO_ASCII, LOWER_ASCII, LoweredScan
from storyline.time.lexicon import NUMBER_WORDS

MON_FULL = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
MON_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{MON_FULL}|{MON_ABBR})"
WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WD_ABBR = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\."
WD_ANY = rf"(?:{WD}|{WD_ABBR})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\w$£€.,/:])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d|-\d|:\d)"
YEAR2 = r"['’]\d\d(?![\w'’])"
#: "fall" is a season only where a season is expected ("in the fall", "last fall", "fall 2030"),
#: not the noun of a downfall or a drop ("the minister's fall", "a fall in prices", "the fall of
#: the regime").
_FALL_CUES = ("in", "during", "by", "until", "till", "through", "since", "before", "after", "over", "this", "that",
              "last", "next", "early", "late", "mid")
_FALL_AFTER = "|".join([*(rf"(?<=\b{w}\s)" for w in _FALL_CUES), *(rf"(?<=\b{w}\sthe\s)" for w in _FALL_CUES[:10])])
SEASON = (r"(?:spring|summer|autumn|winter|fall(?=\s+(?:of\s+)?(?:1[5-9]|20)\d\d)"
          rf"|(?:{_FALL_AFTER})fall(?!\s+of\s+(?!(?:1[5-9]|20)\d\d)))")
POD = r"(?:morning|afternoon|evening|night)"
NW = "|".join(w for w in NUMBER_WORDS if w not in ("a", "an"))
NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|(?:{NW})(?:(?:\s+|-)(?:and\s+)?(?:{NW}))*"
    r"|several|a\s+few|few|many|a\s+couple\s+of|a\s+couple|couple\s+of|numerous|a\s+number\s+of"
    r"|a\s+dozen|dozens\s+of)"
)
A = r"(?:a|an|one)"
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
    r"|decades?|centur(?:y|ies)|millenni(?:um|a)|yrs?|hrs?|mins?)"
)
UNIT_SG = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
UNIT_PL = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
APPROX = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|some|well\s+over|just\s+over"
    r"|just\s+under|upwards\s+of)\s+)"
)
# position modifiers: "early", "mid-", "the end of"...
POS = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|mid|late|earlier|later)(?:\s+|-)|mid-?"
    r"|the\s+(?:very\s+)?(?:beginning|start|middle|end|close|turn|first\s+half|second\s+half|last\s+half"
    r"|latter\s+half|first\s+part|latter\s+part|last\s+part)\s+of\s+(?:the\s+)?)"
)
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|past|previous|coming|current|that|the\s+same|the\s+very\s+same"
    r"|the\s+(?:past|last|previous|preceding|coming|next|current|following|same|latest|prior|subsequent)"
    r"|the)"
)
YEAR_REL = r"(?:this|last|next|that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+next|the\s+prior)"
TZ = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|local\s+time|Moscow\s+time))"
CLOCK = (
    # "9 a.m.", "9:40pm", and the British "5.40am" (a dot before the minutes only with am/pm: a bare
    # "07.40" reads as well as a decimal)
    r"(?:(?<![\d:.,$])(?:2[0-3]|[01]?\d)(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|(?-i:am|pm|AM|PM)\b)"
    r"|(?<![\d:.,$])(?:2[0-3]|[01]?\d):[0-5]\d(?!\d|:\d)(?:\s*(?-i:GMT|UTC|hrs|h)\b)?"
    r"|noon|midnight|midday|(?:[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock)"
)
#: The day a clock time is on, written after it ("at 07:10 this morning", "at 14:20 on Wednesday 12 August").
DAYREF = (rf"(?:(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?|(?:{WD},?\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?"
          rf"|(?:(?:this\s+coming|this|next|last|coming)\s+)?{WD}(?:\s+{POD})?|today|yesterday|tomorrow|tonight|last\s+night"
          rf"|this\s+{POD})")
HOLIDAY = (
    r"(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday|\s+Monday)?|Independence\s+Day|Labor\s+Day|Labour\s+Day|Memorial\s+Day"
    r"|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Good\s+Friday|Veterans\s+Day|May\s+Day"
    r"|Victory\s+Day|Armistice\s+Day|Remembrance\s+Day|Columbus\s+Day)"
)

RULES: list[tuple[str, str]] = [
    ("rate", rf"(?<=\d\s)(?:a|an|per)\s+(?:{UNIT_SG})|(?:(?<=dollars\s)|(?<=cents\s)|(?<=percent\s)|(?<=barrels\s)|(?<=tons\s)|(?<=million\s)|(?<=billion\s))(?:a|an|per)\s+(?:{UNIT_SG})"),
    ("iso", r"(?<![\w-])(?:1[5-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?(?![\w-])"),
    ("numeric", r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d)(?![\w/])"),
    (
        "time",
        rf"(?:{POS})?(?:(?:{WD}|today|yesterday|tomorrow),?\s+(?:at\s+)?)?{CLOCK}{TZ}?"
        rf"(?:\s+(?:in\s+the\s+{POD}|at\s+night))?(?:,?\s+(?:on\s+)?{DAYREF})?",
    ),
    (
        "date",
        rf"(?:{WD_ANY},?\s+)?(?:{POS})?(?:{MON}\s+{DAY}|(?:the\s+)?{DAY}(?:\s+of)?\s+{MON})"
        rf"(?:(?:,\s*|\s+){YEAR}|\s+{YEAR2})?(?:,?\s+{WD}(?!\w))?(?:\s+{POD})?",
    ),
    ("month_year", rf"(?:{POS})?{MON}(?:,|\s+of)?\s+(?:{YEAR}|{YEAR2})"),
    (
        "month",
        rf"(?:{POS})?(?:(?:this\s+past|this\s+coming|this|last|next|past|coming|that|early|late|mid)[\s-]+)?"
        rf"{MON_FULL}(?:\s+{YEAR_REL}\s+year|\s+of\s+{YEAR_REL}\s+year|\s+of\s+the\s+year)?",
    ),
    (
        "season",
        rf"(?:{POS})?(?:{REL}\s+)?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR}|{YEAR2})|\s+(?:of\s+)?{YEAR_REL}\s+year)?",
    ),
    ("season_year", rf"(?:{POS})?(?:{YEAR})\s+{SEASON}"),
    (
        "decade",
        rf"(?:the\s+)?(?:{POS})?(?:(?:1[5-9]|20)\d0['’]?s|['’]\d0s|the\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?:the\s+)?(?:nineteen|twenty)[\s-]+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
    ),
    (
        "century",
        r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
        r"|twentieth|twenty[\s-]first|twenty[\s-]second)[\s-]+century|this\s+century|the\s+last\s+century",
    ),
    (
        "half",
        r"(?:the\s+)?(?:first|second|last|latter|back|front)[\s-]+half"
        rf"(?=\s+of\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|next\s+year|last\s+year|the\s+year))(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|next\s+year|last\s+year|the\s+year))"
        rf"|(?:the\s+)?(?:first|second)[\s-]+half(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?year)?(?=\s+(?:results|earnings|profits?|sales|revenues?|growth|losses?)\b)",
    ),
    ("year", rf"(?:{POS})?(?:(?:fiscal|calendar|financial|model|the\s+year|the\s+fiscal\s+year)(?:\s+year)?\s+)?(?:{YEAR}|FY\s*\d\d(?:\d\d)?)(?:['’]s(?!\w))?"),
    (
        "quarter",
        r"(?:the\s+)?(?:(?:this|last|next)\s+year['’]s\s+)?(?:(?:fiscal|calendar|latest|current|last|past|previous|preceding|same|comparable|year-earlier"
        r"|year-ago|year\s+earlier|year\s+ago|first|second|third|fourth|1st|2nd|3rd|4th|final|next|coming|recent"
        r"|most\s+recent|june|september|december|march|corresponding|(?:1[5-9]|20)\d\d)(?:\s+|-)){1,3}quarters?"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:{YEAR}|{YEAR2})|\s+of\s+(?:this|last|next|the)\s+(?:fiscal\s+)?year|\s+a\s+year\s+(?:ago|earlier))?"
        r"|(?<![\w-])[Qq][1-4](?:\s+(?:of\s+)?(?:fiscal\s+)?" + YEAR + r")?|the\s+quarter(?:\s+a\s+year\s+(?:ago|earlier))?",
    ),
    ("year_ended", r"the\s+(?:fiscal\s+|financial\s+)?year(?=\s+(?:ended|ending|that\s+ended|through|to\s+(?-i:[A-Z])))"),
    ("full_year", r"the\s+(?:full|whole|entire)\s+(?:fiscal\s+|calendar\s+)?year(?!\s+(?:ended|ending))"),
    ("period", r"the\s+(?:latest|most\s+recent|comparable|same|current)\s+period"),
    ("recent_unit", rf"(?:recent|coming|upcoming|the\s+coming|the\s+upcoming)\s+{UNIT_PL}"),
    ("few_unit", rf"(?:the\s+)?(?:past|last|next|coming|previous|first|final|latest)\s+(?:few|several|many|couple\s+of)\s+{UNIT_PL}"),
    (
        "rel_unit",
        rf"(?:{POS})?(?:(?:earlier|later)\s+(?:in\s+)?)?(?:{REL})\s+(?:fiscal\s+|calendar\s+|financial\s+|very\s+)?"
        rf"(?:{UNIT_SG}|{POD})(?!\s*-)",
    ),
    # a day counted from a happening the text told ("the day after the shelling"): eventrel.py
    (
        "event_rel",
        # whole days told in hours too ("forty-eight hours after the vote"); a possessive may
        # stand before the happening ("the bank's slide")
        rf"(?:(?:the|an?|one)\s+(?:day|morning|evening|night|week)|(?:\d{{1,3}}|(?:{NW})(?:-(?:{NW}))?)\s+(?:days|nights|weeks|hours))\s+"
        r"(?:after|before)\s+(?:the|its|their|his|her|this|that)\s+(?:(?-i:[a-z][\w\-]*)['’]s\s+)?"
        r"(?-i:[a-z][\w\-]*)(?:\s+(?-i:[a-z][\w\-]*)){0,2}?"
        r"(?:\s+(?:was|were|had\s+been)\s+(?-i:[a-z]+ed))?(?=[\s,.;:)]|$)",
    ),
    # a weekday of the narrated week ("at 7.40 on the Tuesday morning"); the tagger vetoes a name
    # ("The Sunday Standard") and a noun's modifier ("the Friday summit": the summit's day)
    ("narrated_weekday", rf"(?:{POS})?the\s+{WD}(?:\s+{POD})?"),
    # a weekday of a named week ("on Thursday last week", "Friday of next week", "next week on Monday")
    ("rel_weekday", rf"(?:{POS})?(?:(?:last|next|this|this\s+past|this\s+coming|coming|past|that|the\s+following|the\s+previous|the\s+next|the\s+same|(?:last|next)\s+week\s+on)\s+)?{WD}(?:\s+{POD})?(?:\s+(?:of\s+)?(?:last|next)\s+week\b)?(?:,\s+{MON}\s+{DAY}(?:,?\s+{YEAR})?)?"),
    (
        "deictic",
        rf"(?:{POS})?(?:today|yesterday|tomorrow|tonight|overnight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        rf"|this\s+{POD}|last\s+night|(?:yesterday|tomorrow)\s+{POD})",
    ),
    (
        "ref",
        r"(?:(?<![\w-])now(?![\w-])|currently|recently|lately|nowadays|these\s+days|the\s+present|at\s+present|presently"
        r"|the\s+past(?!\s+(?:-|\d|few|several|many|decade|year|month|week|day|hour|quarter|century|spring|summer|fall|winter|weekend|night))"
        r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|formerly|the\s+time\s+being"
        r"|the\s+(?:near|short)[\s-]+term)",
    ),
    ("ago", rf"(?:{APPROX})?(?:{NUM}|{A})\s+(?:more\s+)?{UNIT}(?:\s+or\s+so)?\s+ago(?:\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)))?|(?:{UNIT_PL}|long|some\s+time|a\s+while)\s+ago"),
    (
        "later",
        rf"(?:{APPROX})?(?:{NUM}|{A})\s+{UNIT}(?:\s+or\s+so)?\s+(?:later|earlier|afterwards?|previously|prior|before(?=\s*[,.;:!?)]))",
    ),
    # ... ended there, or by a conjunction opening the next clause ("had opened the day before and
    # lasted a day"), not by the event it counts from ("the day before the vote": event_rel)
    ("anaphor_day", r"the\s+(?:day|night|week|month|year)\s+(?:before|after)(?=\s*[,.;:!?)]|\s*$|\s+(?:that|last|next|and|but|when|while)\b)"),
    (
        "duration",
        rf"(?:{APPROX})?(?:the\s+(?:past|last|next|first|final|coming|previous|latest|following|remaining|same|better\s+part\s+of\s+the|entire|full|whole)\s+|the\s+)?"
        rf"(?:{NUM}|{A})(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight|consecutive|long))?(?:\s+|-)(?:{UNIT})"
        rf"(?:\s+and\s+(?:a\s+half|{NUM}\s+{UNIT}))?(?:-long|-old|\s+old)?",
    ),
    ("half_unit", rf"(?:{APPROX})?(?:half\s+(?:a|an)\s+(?:hour|day|year|month|century|decade)|(?:a|an)\s+(?:hour|day|week|month|year|decade)\s+and\s+a\s+half)"),
    ("vague_unit", r"(?:(?<=\bfor\s)|(?<=within\s)|(?<=\bover\s)|(?<=\b[Ii]n\s))(?:years|months|weeks|days|decades|hours|minutes|centuries|ages)(?!\s+(?:of|ago|later|earlier|old))"),
    ("ahead", rf"the\s+(?:{UNIT_PL})\s+ahead"),
    ("units_long", r"(?:years|months|weeks|days|decades|hours)-long|decades-old|centuries-old"),
    ("set", r"(?<![\w-])(?:hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|bimonthly|annually|yearly|biannually|semiannually|semi-annually)(?![\w-])"),
    (
        "every",
        rf"(?:(?:once|twice|thrice|(?:{NUM})\s+times)\s+)?(?:every|each|per)\s+(?:other\s+|single\s+)?(?:(?:{NUM})\s+)?"
        rf"(?:{UNIT}|{WD}|{MON_FULL}|{SEASON}|{POD})",
    ),
    ("times_a", rf"(?:once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per)\s+{UNIT_SG}"),
    ("weekdays_pl", r"(?<=\b[Oo]n\s)(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"),
    (
        "year_ago_adj",
        r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:year-earlier|year-ago)(?:\s+(?:period|quarter|months?|levels?))?",
    ),
    (
        "spoken_year",
        r"(?:the\s+year\s+)?nineteen[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        r"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?",
    ),
    ("holiday", rf"(?:(?:last|next|this|this\s+past)\s+)?{HOLIDAY}(?:,?\s+{YEAR})?"),
    ("year2", rf"(?<=\b[Ii]n\s){YEAR2}"),
]

PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}

_UNITS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year", "decade",
          "centur", "millenni", "yr", "hr", "min")
_PODS = ("morning", "afternoon", "evening", "night")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "JANUARY", "FEBRUARY",
           "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
#: Per rule, what every match of it holds: a digit (``True``), one of the words in lower case (any
#: case in the text), or one of the cased words. A text with none of them is not scanned by the
#: rule: most rules need a word few texts have ("century", "ago", "year-earlier").
NEEDS: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {
    "rate": (False, _UNITS, ()),
    "iso": (True, (), ()),
    "numeric": (False, ("/",), ()),
    "time": (True, ("noon", "midnight", "midday", "clock"), ()),
    "date": (False, (), _MONTHS),
    "month_year": (False, (), _MONTHS),
    "month": (False, (), _MONTHS),
    "season": (False, _SEASONS, ()),
    "season_year": (False, _SEASONS, ()),
    "decade": (True, ("ties",), ()),
    "century": (False, ("century",), ()),
    "half": (False, ("half",), ()),
    "year": (True, (), ()),
    "quarter": (True, ("quarter",), ()),
    "year_ended": (False, ("year",), ()),
    "full_year": (False, ("year",), ()),
    "period": (False, ("period",), ()),
    "recent_unit": (False, _UNITS, ()),
    "few_unit": (False, _UNITS, ()),
    "rel_unit": (False, _UNITS + _PODS, ()),
    "event_rel": (False, ("after", "before"), ()),
    "rel_weekday": (False, (), _WEEKDAYS),
    "narrated_weekday": (False, (), _WEEKDAYS),
    "deictic": (False, ("today", "yesterday", "tomorrow", *_PODS), ()),
    "ref": (False, ("now", "current", "recent", "lately", "days", "present", "past", "future", "formerly", "being",
                    "term"), ()),
    "ago": (False, ("ago",), ()),
    "later": (False, ("later", "earlier", "afterward", "previously", "prior", "before"), ()),
    "anaphor_day": (False, ("before", "after"), ()),
    "duration": (False, _UNITS, ()),
    "half_unit": (False, ("half",), ()),
    "vague_unit": (False, (*_UNITS, "ages"), ()),
    "ahead": (False, ("ahead",), ()),
    "units_long": (False, ("long", "old"), ()),
    "set": (False, ("hourly", "daily", "nightly", "weekly", "monthly", "annually", "yearly"), ()),
    "every": (False, ("every", "each", "per"), ()),
    "times_a": (False, ("once", "twice", "thrice", "times"), ()),
    "weekdays_pl": (False, (), _WEEKDAYS),
    "year_ago_adj": (False, ("year-",), ()),
    "spoken_year": (False, ("nineteen", "thousand"), ()),
    "holiday": (False, (), ("Christmas", "New", "Thanksgiving", "Easter", "Day", "Halloween", "Valentine",
                            "Friday")),
    "year2": (True, (), ()),
}
_DIGIT = re.compile(r"\d")


def _rules_for(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The rules that may match somewhere in ``text`` (``NEEDS``); all of them for a text with a
    letter beyond ASCII that ignoring case takes for an ASCII one (``storyline.lowered``)."""
    if any(c in text for c in FOLDS_TO_ASCII):
        return _compiled()
    lowered = text.translate(LOWER_ASCII)
    digit = _DIGIT.search(text) is not None
    return [(name, rx) for name, rx in _compiled() if (NEEDS[name][0] and digit)
            or any(w in lowered for w in NEEDS[name][1]) or any(w in text for w in NEEDS[name][2])]


@dataclass(frozen=True)
class Candidate:
    """One matched span before normalisation."""

    start: int
    end: int
    rule: str
    text: str


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(rf"(?<![\w-])(?:{pat})(?![\w])", re.I)) for name, pat in RULES]


# Words (or word starts) without which no rule can match: the rules only run near them, which
# keeps the tagger cheap next to the parse. Kept deliberately broad; a miss here is a missed timex.
_TRIGGER = re.compile(
    r"\d|\b(?:"
    # whole words (abbreviations, short words that begin many unrelated words)
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs|fri|sat|sun|hrs?|yrs?"
    r"|mins?|secs?|fy|q[1-4]|now|per|each|every|once|twice|thrice|ages|term|half|past|present|time|later"
    r"|earlier|first|third|fourth|final|fall|spring)\b"
    # word starts (inflected or compounded forms)
    r"|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|second|minute|hour|day|night|week|fortnight|month|quarter"
    r"|year|decade|centur|millenni|current|recent|future|ago|daily|annual|hourly|nightly|biweekly"
    r"|bimonthly|semiannual|noon|midnight|midday|tonight|overnight|today|yesterday|tomorrow|morning"
    r"|afternoon|evening|summer|autumn|winter|christmas|thanksgiving|easter|new\s+year|halloween"
    r"|valentine|independence|labou?r\s+day|memorial|boxing|veterans|victory|armistice|remembrance"
    r"|columbus|nineteen|twent|thirties|forties|fifties|sixties|seventies|eighties|nineties|fiscal"
    r"|formerly|lately|presently|nowadays|o['’]clock)",
    re.I,
)
_MARGIN = 45
_TRIGGERS = LoweredScan(_TRIGGER)
"""``_TRIGGER``'s words are lower case: scanned cased over the lowered text (0.30 -> 0.15 s on the
bench's 181 pages)."""


def _windows(text: str, lowered: str | None = None) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, each ending at a word boundary. ``lowered``:
    ``text.translate(LOWER_ASCII)`` when the caller has it and ``text`` has no letter of
    ``FOLDS_TO_ASCII`` (the trigger scan then reads it as ``LoweredScan`` would)."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in _TRIGGERS.finditer(text) if lowered is None else _TRIGGERS.cased.finditer(lowered):
        s, e = max(0, m.start() - _MARGIN), min(n, m.end() + _MARGIN)
        while e < n and (text[e].isalnum() or text[e] in "'’."):
            e += 1
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


_Scan = tuple[str, re.Pattern[str], str, list[tuple[int, int]] | None]
"""A rule, its pattern, the text it scans, and the windows it scans (None: all of them)."""


def find_candidates(text: str, *, everywhere: bool = False) -> list[Candidate]:
    """All rule matches, longest first (then by rule order); the tagger settles overlaps.

    Rules run only in windows around trigger words, and only those whose words the text has
    (``NEEDS``), unless ``everywhere`` (they agree; the full scan is there to check that they do).
    A rule skips a window without its words too (a match lies inside its window, so it holds them
    there), and rules scan the lowered text cased (``_lowered_rules``).
    """
    found: list[Candidate] = []
    scans: list[_Scan]
    if everywhere:
        windows = [(0, len(text))]
        scans = [(name, rx, text, None) for name, rx in _compiled()]
    elif any(c in text for c in FOLDS_TO_ASCII):  # the ignore-case way (``storyline.lowered``)
        windows = _windows(text)
        if sum(e - s for s, e in windows) > 0.8 * len(text):
            windows = [(0, len(text))]
        scans = [(name, rx, text, None) for name, rx in _rules_for(text)]
    else:
        lowered = text.translate(LOWER_ASCII)
        windows = _windows(text, lowered)
        if sum(e - s for s, e in windows) > 0.8 * len(text):
            windows = [(0, len(text))]
        scans = _scans_for(text, lowered, windows)
    seen: set[tuple[int, int, str]] = set()
    for name, rx, scanned, where in scans:
        exact = _EXACT.get(rx)
        for ws, we in windows if where is None else where:
            for s, e in (_verified(rx, exact, text, scanned, ws, we) if exact is not None
                         else (m.span() for m in rx.finditer(scanned, ws, we))):
                while e > s and text[e - 1] in " ,-":
                    e -= 1
                if e > s and (s, e, name) not in seen:
                    seen.add((s, e, name))
                    found.append(Candidate(s, e, name, text[s:e]))
    found.sort(key=lambda c: (-(c.end - c.start), PRIORITY[c.rule], c.start))
    return found


def _scans_for(text: str, lowered: str, windows: list[tuple[int, int]]) -> list[_Scan]:
    """Each rule that may match in ``text`` (``NEEDS``, as ``_rules_for``), with its pattern over
    the lowered text (``_lowered_rules``) and the windows holding its words (None: all).

    Same matches as every such rule over every window: a match lies inside its window (the scan
    stops at the window's end), and it holds one of its rule's words, so a window without them
    has none; and lowering ASCII capitals changes no span (``_lowered_rules``; a text with a
    letter beyond ASCII that ignoring case takes for an ASCII one does not come here). Some 40
    rules over every window were most of the tagger's CPU time. ``lowered`` is
    ``text.translate(LOWER_ASCII)``."""
    digit = _DIGIT.search(text) is not None
    words = [w for w in _LOWER_WORDS if w in lowered]
    cased = [w for w in _CASED_WORDS if w in text]
    may = _rules_holding(digit, words, cased)
    whole = len(windows) == 1 and windows[0] == (0, len(text))
    # the rules each window may hold a match of, worked out from the words the text has
    held: list[frozenset[str]] = []
    if not whole:
        for ws, we in windows:
            low, raw = lowered[ws:we], text[ws:we]
            held.append(_rules_holding(digit and _DIGIT.search(raw) is not None,
                                       [w for w in words if w in low], [w for w in cased if w in raw]))
    out: list[_Scan] = []
    for (name, _rx), lowered_rx in zip(_compiled(), _lowered_rules(), strict=True):
        if name not in may:
            continue
        where = None
        if not whole:
            keep = [w for w, rules in zip(windows, held, strict=True) if name in rules]
            if not keep:
                continue
            where = keep if len(keep) < len(windows) else None
        out.append((name, lowered_rx, lowered, where))
    return out


def _rules_holding(digit: bool, lower: list[str], cased: list[str]) -> frozenset[str]:
    """The rules whose ``NEEDS`` a stretch of text with a digit (or not) and these words meets."""
    found = set(_DIGIT_RULES) if digit else set()
    for w in lower:
        found |= _RULES_BY_LOWER[w]
    for w in cased:
        found |= _RULES_BY_CASED[w]
    return frozenset(found)


_LOWER_WORDS = sorted({w for _digit, lower, _cased in NEEDS.values() for w in lower})
_CASED_WORDS = sorted({w for _digit, _lower, cased in NEEDS.values() for w in cased})
_DIGIT_RULES = frozenset(name for name, (digit, _lower, _cased) in NEEDS.items() if digit)
_RULES_BY_LOWER = {w: frozenset(name for name, (_d, lower, _c) in NEEDS.items() if w in lower) for w in _LOWER_WORDS}
_RULES_BY_CASED = {w: frozenset(name for name, (_d, _l, cased) in NEEDS.items() if w in cased) for w in _CASED_WORDS}


def _verified(wide: re.Pattern[str], exact: re.Pattern[str], text: str, lowered: str, start: int,
              end: int) -> Iterator[tuple[int, int]]:
    """The spans of ``exact.finditer(text, start, end)``, found by ``wide`` (``_lowered_rules``: it
    matches the lowered text wherever ``exact`` matches the text, and sometimes elsewhere): each
    place ``wide`` finds is tried with ``exact``, and the scan goes on after its match, else one
    character on. Every place before the one ``wide`` finds holds no match of ``exact`` either,
    so this is finditer's leftmost match each time."""
    pos = start
    while pos < end and (m := wide.search(lowered, pos, end)) is not None:
        hit = exact.match(text, m.start(), end)
        if hit is None:
            pos = m.start() + 1
            continue
        s, e = hit.span()
        if e == s:  # no rule matches nothing; finditer's rule for empty matches is not needed here
            pos = e + 1
            continue
        yield s, e
        pos = e


def _lower_letters(pattern: str) -> str:
    """``pattern`` with its letters in lower case, escapes (``\\d``, ``\\S``) left as they are."""
    return re.sub(r"\\.|[A-Z]+", lambda m: m[0] if m[0].startswith("\\") else m[0].lower(), pattern)


@lru_cache(maxsize=1)
def _lowered_rules() -> list[re.Pattern[str]]:
    """Per rule, a cased pattern over the lowered text: a rule that reads no letter cased finds its
    very spans there (its letters in lower case); one that reads some cased (``(?-i:...)``: month
    and weekday names, which no negative lookaround holds) finds them and more (those parts in
    lower case too: "may" where the rule wants "May"), and each place it finds is tried with the
    rule itself (``_EXACT``, ``_verified``)."""
    out: list[re.Pattern[str]] = []
    for rx in (rx for _name, rx in _compiled()):
        if "(?-i:" in rx.pattern:
            wide = re.compile(_lower_letters(rx.pattern.replace("(?-i:", "(?:")))
            _EXACT[wide] = rx
            out.append(wide)
        else:
            out.append(re.compile(_lower_letters(rx.pattern)))
    return out


_EXACT: dict[re.Pattern[str], re.Pattern[str]] = {}
"""A wider lowered pattern (``_lowered_rules``) -> the rule it finds the places of."""


def settle(found: list[Candidate], accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, each kept only if ``accept`` takes it; in text order."""
    taken: list[Candidate] = []
    used: list[tuple[int, int]] = []
    for c in found:
        if any(c.start < e and s < c.end for s, e in used) or not accept(c):
            continue
        taken.append(c)
        used.append((c.start, c.end))
    taken.sort(key=lambda c: c.start)
    return taken
