"""Line-level features of scraped pages: what site furniture, captions and bylines look like.

Nothing here knows any site. The rules describe how navigation, prompts, labels, credits and
timestamps look on news portals and aggregators in general: short, no sentence-final
punctuation, title case or capitals, navigational vocabulary, a trailing colon, a credit glued
to the end. Every function is pure and works on one line (or two, for captions), so the cleaner
can record exactly which rule removed what.
"""

from __future__ import annotations

import re
import unicodedata

from storyline import lexicon
from storyline.ingest.dateline import MONTHS, WEEKDAYS

# Lengths (characters) above which a line cannot be a label, a credit or a caption.
SHORT_LINE = 80
LONG_LINE = 400
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…。]['\"’”»)\]]*\s*$")
_CLOSING = "'\"’”»)]"


def clean_line(text: str) -> str:
    """Whitespace normalised, invisible characters dropped; words untouched."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def norm_key(text: str) -> str:
    """A comparison key that survives quote styles, escaping, case and punctuation differences.

    Two copies of one caption scraped from different markup ("Korea\\'s" and "Korea’s") get the
    same key.
    """
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).translate(_QUOTES).replace("\\", "")
    return " ".join(_WORD.findall(text.lower().replace("'", "").replace("-", " ")))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def title_case_ratio(text: str) -> float:
    """Share of the longer words that start with a capital: high for headlines and menus."""
    long_words = [w for w in words(text) if len(w) > 3 and w[0].isalpha()]
    if not long_words:
        return 1.0 if any(w[:1].isupper() for w in words(text)) else 0.0
    return sum(w[0].isupper() for w in long_words) / len(long_words)


def is_caps(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


# --- Site furniture -------------------------------------------------------------------------

# Whole-line shapes that are furniture at any length (comment forms, legal lines, prompts).
_ALWAYS = re.compile(
    r"""^\W*(?:
        (?:leave|post|add|write)\s+a\s+(?:reply|comment)|cancel\s+reply|
        your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|
        save\s+my\s+name|notify\s+me\s+of|
        all\s+rights\s+reserved|©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|
        we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|by\s+(?:continuing|using)\s+(?:to\s+use\s+)?this\s+(?:web)?site|
        accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences)|
        (?:sign\s+up|subscribe|register)\s+(?:for|to)\s+(?:our|the|free|a)\b|
        (?:tags?|tagged|topics|categories|filed\s+under|posted\s+in)\s*:|
        (?:(?:additional\s+)?reporting|writing|editing|compiled|translated|translation)\s+by\b|
        (?:follow|like|join)\s+us\s+on|
        (?:share|tweet|email|print)\s+(?:this|on)\b|share\s+(?:via|to)\b|
        click\s+here|tap\s+here|click\s+to\s+(?:share|print|email|copy|open)|.{0,40}\(opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)|
        .{0,80}[,(]\s*opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:window|tab)\)?\s*$|
        unauthori[sz]ed\s+(?:reproduction|redistribution|copying|use)|(?:reproduction|redistribution)\s+(?:is\s+)?(?:strictly\s+)?prohibited|
        (?:read|see|watch|listen)\s+(?:more|also|next|the\s+full|the\s+latest)\b|continue\s+reading|
        skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|
        listen\s+to\s+(?:this\s+|the\s+)?(?:article|story|report|piece)\b|
        (?:this\s+(?:article|story)\s+(?:was|is|has\s+been)\s+(?:originally\s+)?(?:published|translated|produced|written))|
        originally\s+(?:published|appeared)\s+(?:on|in|at|by)\b|
        (?:.{0,100}\s)?contributed\s+(?:(?:additional\s+)?reporting|to\s+this\s+(?:report|story|article))|(?:©\s*)?provided\s+by\b|
        (?:the\s+views?\s+(?:and\s+opinions\s+)?expressed)
    )""",
    re.I | re.X,
)
# Prompts that are furniture only as short lines of their own ("Advertisement", "Powered by X"):
# the same words can open a sentence of the article.
_SHORT_PROMPT = re.compile(
    r"""^\W*(?:
        (?:advertisement|sponsored(?:\s+content)?|promoted(?:\s+content)?|ad\s+feedback)\W*$|
        (?:proudly\s+)?powered\s+by\b|theme\s*:|join\s+(?:our|us)\b|(?:follow|find)\s+us\b|
        (?:download|get)\s+(?:our|the)\s+app\b
    )""",
    re.I | re.X,
)
SHORT_PROMPT_MAX_WORDS = 10
# Legal notices wherever they stand in a short line ("Example Media. All rights reserved.").
_LEGAL = re.compile(r"all\s+rights\s+reserved|©|\bcopyright\s+(?:©|\(c\)|\d{4})", re.I)

# Vocabulary of navigation and prompts: a short caption-less line made of these is furniture.
_NAV_VOCAB = re.compile(
    r"""\b(?:
        share[sd]?|sharing|tweet|subscribe[sd]?|subscription|newsletters?|sign\s+(?:up|in)|log\s*(?:in|out)|
        login|register|follow|followers|download|app|advertisements?|advert|ads?|sponsored|promoted|
        cookies?|privacy|terms|copyright|rights\s+reserved|
        read\s+more|read\s+also|read\s+next|continue\s+reading|see\s+also|see\s+more|more\s+from|
        more\s+(?:stories|news|articles|videos|posts|for\s+you|in)|related|recommended|trending|
        popular|most\s+(?:read|viewed|shared|commented)|latest|top\s+stories|headlines|
        you\s+(?:may|might)\s+(?:also\s+)?like|don'?t\s+miss|check\s+out|
        repl(?:y|ies)|comments?|tags?|tagged|filed\s+under|categor(?:y|ies)|posted\s+in|topics?|
        home|homepage|menu|search|navigation|skip|back\s+to|print|e-?mail|
        facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|instagram|youtube|tiktok|
        copy\s+link|link\s+copied|listen|audio|podcast|min(?:ute)?s?\s+read|\d+\s*min(?:ute)?s?|
        updated|published|posted|edited|
        photos?|videos?|gallery|slideshow|images?|credits?|getty|shutterstock|
        click|tap|watch|load\s+more|show\s+more|view\s+(?:all|more|comments)|next|previous|prev|
        about\s+us|contact(?:\s+us)?|editorial|editor'?s\s+picks?|opinion|exclusive|breaking|live|
        story\s+continues|continues\s+below|more\s+for\s+you|for\s+you|feedback|
        fullscreen|full\s+screen|close|open|toggle|expand|collapse
    )\b""",
    re.I | re.X,
)

# Timestamps, reading times and counters standing on their own line.
_STAMP = re.compile(
    r"""^\W*(?:
        \d+\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|
        \d+\s*(?:s|m|h|d|w|mo|y)|
        (?:just\s+now|yesterday|today)|
        \d+\s*min(?:ute)?s?\s+(?:read|listen)|
        \d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|
        [\d\s.,:/|•·()+-]*
    )\W*$""",
    re.I | re.X,
)

# Words that carry no story of their own in a navigation line ("Check out our content").
_FILLER = frozenset(
    re.findall(
        r"\S+",
        "a an the this that these our your my all any more other others to on in of for with from by at "
        "and or us you we here now today article articles story stories content news post posts page "
        "pages site website world section sections item items it its is are be",
    )
)


def _mostly_navigation(line: str) -> bool:
    """At least one navigation term, and at most one word that is neither that nor filler."""
    covered = 0
    for match in _NAV_VOCAB.finditer(line):
        covered += len(words(match.group(0)))
    if not covered:
        return False
    rest = [w for w in words(line.lower()) if w not in _FILLER]
    return len(rest) - covered <= 1


_ADDRESS_ONLY = re.compile(r"^\W*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)\W*$", re.I)
# "World > Korean Peninsula": short title-case parts joined by arrows (two parts are enough).
_BREADCRUMB = re.compile(r"^[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,2}(?:\s*[>»›]\s*[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,2})+$")
_LABEL_END = re.compile(r"[:»›>|]\s*$")
#: "Minister X said:" over a quote in the next paragraph: the quote's attribution, no label
#: (data/lexicon/reporting.json speech_lead_forms).
_SPEECH_LEAD = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('reporting', 'speech_lead_forms')))})\s*:\s*$", re.IGNORECASE)
_MENU_SEPARATOR = re.compile(r"\s*(?:[|»›>•·/\\]|\s-\s|::)\s*")
_BYLINE = re.compile(
    r"^\W*(?i:by|story\s+by|written\s+by|words\s+by|author|reporter|reported\s+by|posted\s+by|"
    r"(?:opinion|analysis|commentary|column|interview|photos?|text)\s+by)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin|and|&)){0,6})"
    # then a role, an outlet, a section or a comment count, in up to three parts
    # ("Posted by Jane Doe in Analysis | 6 comments").
    r"(?:\s*(?:[,|•·/-]|\b(?:and|in|for|at)\b)\s*[\w .,'’&@-]{0,60}){0,3}(?:\s+[\w.+-]+@[\w.-]+)?\W*$",
)


def byline_author(text: str) -> str | None:
    """The name on a byline line ("By Jane Doe, Staff Writer"), or None when it is not one.

    "By Tuesday, the crews had left." has the shape of a byline: a time word is no name, and a
    line that ends as a sentence after several more words is prose.
    """
    line = clean_line(text)
    match = _BYLINE.match(line)
    if not match or len(words(text)) > 14:
        return None
    name = match.group("name").strip()
    first = name.split()[0].lower().rstrip(".")
    if first in _NOT_A_NAME or (first in _TIME_WORDS and len(name.split()) == 1):  # "By May Lin" is a name
        return None
    if ends_sentence(line) and len(words(line[match.end("name"):])) >= 4:
        return None
    return name


_SITE_AFTER_BYLINE = re.compile(r"\s[·•]\s+(?P<site>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*$")
_ROLE_WORDS = re.compile(r"\b(?:writer|correspondent|reporter|editor|staff|columnist|contributor|bureau|chief|desk)\b", re.I)


def is_role(text: str) -> bool:
    """A job title on a byline ("Staff Writer", "Velmont correspondent"), not an outlet's name."""
    return bool(_ROLE_WORDS.search(text))


def byline_site(text: str) -> str | None:
    """The outlet printed after the name on a byline ("By Jane Doe · Example Times"), not a role."""
    line = clean_line(text)
    match = _SITE_AFTER_BYLINE.search(line)
    if not match or not byline_author(line) or _ROLE_WORDS.search(match.group("site")):
        return None
    return match.group("site")


_TIME_WORDS = frozenset([*MONTHS, *WEEKDAYS.split("|")])
_NOT_A_NAME = frozenset(
    ["the", "then", "now", "far", "contrast", "comparison", "law", "noon", "midnight", "dawn", "nightfall", "morning",
     "evening", "night", "late", "early", "mid", "next", "last", "this", "that", "all", "today", "tomorrow", "tonight"]
)


def furniture_reason(text: str, *, strict: bool = False) -> str | None:
    """Why a line is site furniture, or None when it may be article text.

    The checks go from certain to looser: known whole-line prompts at any length; bare
    timestamps and counters; then short lines without sentence-final punctuation that read like
    navigation (their vocabulary, a trailing colon on a title-cased label, one or two words, or a
    short line in capitals). ``strict`` keeps only the first, certain check.
    """
    line = clean_line(text)
    if not line:
        return None
    if len(line) > LONG_LINE:
        certain = _ALWAYS.match(line) and (not ends_sentence(line) or line.lower().startswith(("©", "copyright")))
        return "site furniture" if certain else None
    n_words = len(words(line))
    if _ALWAYS.match(line) and (n_words <= 25 or not ends_sentence(line) or line.lower().startswith(("©", "copyright"))):
        return "site furniture"
    if n_words <= SHORT_PROMPT_MAX_WORDS and _SHORT_PROMPT.match(line):
        return "site furniture"
    if n_words <= 20 and _LEGAL.search(line):
        return "site furniture (copyright)"
    if strict:
        return None
    if n_words <= 2 and line.endswith(("...", "…")):
        return "site furniture"
    if _ADDRESS_ONLY.match(line):
        return "site furniture (address or link)"
    segments = [seg for seg in _MENU_SEPARATOR.split(line) if seg.strip()]
    if n_words == 0 or all(_STAMP.match(seg) for seg in segments):
        return "site furniture (timestamp or counter)"
    if len(segments) >= 3 and all(len(words(seg)) <= 3 for seg in segments) and not ends_sentence(line):
        return "navigation menu or breadcrumb"
    if _BREADCRUMB.match(line):
        return "navigation menu or breadcrumb"
    if ends_sentence(line) and not line.rstrip(_CLOSING).endswith(("!", "?")) and n_words > 3:
        return None
    if _SPEECH_LEAD.search(line):
        return None
    if n_words <= 8 and _LABEL_END.search(line) and title_case_ratio(line) >= 0.6:
        return "section label"
    if n_words == 1 and not ends_sentence(line):
        return "section label"
    if n_words == 2 and not ends_sentence(line) and (title_case_ratio(line) >= 0.5 or is_caps(line)):
        return "section label"
    if all(token.startswith("#") for token in line.split()):
        return "tags"
    if n_words <= 6 and _mostly_navigation(line):
        return "site furniture"
    if n_words <= 4 and is_caps(line) and not ends_sentence(line):
        return "section label"
    return None


# Lists below the article: once one of these labels appears, what follows is other content.
_END_MARKER = re.compile(
    r"""^\W*(?:
        (?:leave|post|add|write)\s+a\s+(?:reply|comment)|\d*\s*comments?|
        related(?:\s+(?:articles?|posts?|stories|news|content|coverage|reading|topics))?|
        more\s+(?:stories|news|articles|from\b.*|for\s+you|in\b.*|to\s+read|on\s+this)|
        most\s+(?:popular|read|viewed|shared|commented)(?:\s+\w+)?|
        (?:you\s+(?:may|might)\s+(?:also\s+)?like|recommended(?:\s+for\s+you)?|read\s+next|up\s+next|
        trending(?:\s+now)?|popular\s+(?:posts|articles|stories|now)|latest\s+(?:news|stories|articles|posts)|
        top\s+stories|editor'?s\s+picks?|don'?t\s+miss|check\s+out\b.*|
        post\s+navigation|about\s+the\s+author|other\s+tags|tags|keywords|topics|you\s+missed|
        read\s+(?:also|more|next)|see\s+also|also\s+read|more\s+on\s+(?:this|the)\s+(?:topic|story|subject)|
        most\s+(?:liked|watched|recent))
    )\W*$""",
    re.I | re.X,
)


_COMMENTS_MARKER = re.compile(
    r"^\W*(?:(?:leave|post|add|write)\s+a\s+(?:reply|comment)|\d*\s*comments?|\d*\s*responses?|"
    r"join\s+the\s+(?:conversation|discussion)|discussion)\b",
    re.I,
)


def is_comments_marker(text: str) -> bool:
    """A label that opens the comments: nothing below it is the article."""
    if len(text) > SHORT_LINE:
        return False
    line = clean_line(text)
    return len(words(line)) <= 6 and bool(_COMMENTS_MARKER.match(line))


def is_end_marker(text: str) -> bool:
    """A label after which a page lists other stories, comments or tags, not the article."""
    if len(text) > SHORT_LINE:
        return False
    line = clean_line(text)
    return len(words(line)) <= 6 and bool(_END_MARKER.match(line))


# --- Photo captions and credits --------------------------------------------------------------

_CREDIT_ONLY = re.compile(
    r"""^\W*(?:
        (?:photo|photograph|image|picture|pic|video|illustration|graphic|file\s+photo|source|credit)s?
            (?:\s+(?:by|credit|credits|courtesy|source))?\s*[:/|©=-]\s*.{1,60}|
        \(?(?:[A-Z][\w.&'-]*\s+){0,4}(?:photo|images?|pictures?)(?:\s*/\s*.{1,50})?\)?|
        .{0,40}\bvia\s+getty\s+images\)?|
        getty\s+images.{0,40}|
        ©\s*.{1,60}|
        \(?(?:ap|afp|reuters|epa|efe|ani|pti|yonhap|xinhua|tass|ria\s+novosti|kcna|upi)(?:\s+photo)?(?:\s*/\s*.{1,40})?\)?
    )\W*$""",
    re.I | re.X,
)
# A credit at the end of a caption: "... on Wednesday / Agency", "... town. Photo: Outlet/Name",
# "... (AP Photo/Name)", "... AFP via Getty Images".
_SLASH_CREDIT = re.compile(r"\s/\s*(?P<credit>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*\)?$")
_TRAILING_CREDIT = re.compile(
    r"""(?:
        \b(?:photo|photograph|image|picture|pic|foto|credit|source|illustration)s?(?:\s+(?:by|credit|courtesy))?
            \s*[:©|]\s*(?P<a>[\w.&'’/ -]{1,60})|
        \((?P<b>(?:[\w.&'’-]+\s+){0,3}(?:photo|images?|pictures?)\b[^()]{0,60})\)|
        (?P<c>(?:[\w.&'’-]+\s+){1,3}via\s+getty\s+images)|
        ©\s*(?P<d>[\w.&'’/ -]{1,60})
    )\W*$""",
    re.I | re.X,
)
_POSITION_CUE = re.compile(
    r"(?:,\s*(?:left|right|center|centre|second\s+(?:left|right)|top|bottom|front|back)\s*,|"
    r"\((?:left|right|center|centre|l|r|c|pictured|file)\)|\bpictured\b|\bfile\s+photo\b)",
    re.I,
)
# Wording only captions use: "... in this undated photo released by ...", "a handout picture".
_CAPTION_WORDING = re.compile(
    r"\b(?:in\s+(?:this|an?|the)\s+(?:(?!(?:is|are|was|were|has|have|had)\b)\w+\s+){0,2}"
    r"(?:photo|picture|image|handout|screengrab|screenshot|still(?=\s+(?:from|of|taken|released|provided|image)\b|\s*[,.;)]|$))"
    r"|(?:photo|picture|image)\s+(?:released|provided|distributed|taken|obtained)\s+by"
    r"|handout\s+(?:photo|picture|image))\b",
    re.I,
)
# A caption's credit glued to its last word by the scraper: "...the harbourAP",
# "...in Quarnfell.OPA VIA WIREPIX".
# A line labelled as a caption: "(Photo: ... via ...)", "[Photo caption] ...", "Pictured: ...".
_CAPTION_LABEL = re.compile(
    r"^[(\[]?\s*(?:(?:photo|image|picture)\s+(?:caption|source|credit)\s*[:,\]]|"
    r"(?:caption|photo|photograph|picture|image|pictured|file\s+photo)\s*[:\]])",
    re.I,
)
_GLUED_CAPS_CREDIT = re.compile(r"(?<=[a-z.)’'\]])(?P<credit>[A-Z]{2,}(?:(?:\s+(?:via\s+)?|\s*/\s*)[A-Z]{2,}){0,5})$")
_BRACKET_AGENCY = re.compile(
    r"[\[(](?P<credit>[^\])]{0,40}\b(?:photo|yonhap|kcna|kcna\s+watch|reuters|afp|ap|epa|efe|getty|newsis|news1|"
    r"tass|ria\s+novosti|sputnik|xinhua|kyodo|anadolu|dpa|ansa|upi)\b[^\])]{0,40})[\])]$",
    re.I,
)
_GLUED_CREDIT_MAX = 30


def is_credit_only(text: str) -> bool:
    """A line that only credits a picture ("AP Photo/Jane Doe", "Photo: Agency")."""
    if len(text) > SHORT_LINE * 2:
        return False
    line = clean_line(text)
    return len(words(line)) <= 10 and not ends_sentence(line.rstrip(")")) and bool(_CREDIT_ONLY.match(line))


def is_labelled_caption(text: str) -> bool:
    """A line that says it is a caption ("(Photo: ... via ...)", "[Photo caption] ...")."""
    line = clean_line(text)
    return len(words(line)) <= 60 and bool(_CAPTION_LABEL.match(line))


def slash_credit(text: str) -> str | None:
    """The credit after a trailing "/ Source", the mark of a caption line."""
    match = _SLASH_CREDIT.search(clean_line(text))
    return match.group("credit") if match else None


def caption_credit(text: str) -> str | None:
    """The picture credit a caption line ends with ("/ Agency", "Photo: X", "(AP Photo/X)")."""
    line = clean_line(text)
    for pattern in (_TRAILING_CREDIT, _BRACKET_AGENCY, _GLUED_CAPS_CREDIT):
        match = pattern.search(line)
        if match and len(words(line[: match.start()])) >= 4:
            return next(g for g in match.groups() if g).strip()
    return slash_credit(line)


def strip_slash_credit(text: str) -> str:
    line = clean_line(text)
    match = _SLASH_CREDIT.search(line)
    return line[: match.start()].rstrip() if match else line


def looks_like_caption(text: str) -> bool:
    """Caption wording: a position cue ("X, left, and Y") on a line that is not a sentence, or
    what only captions say ("in this undated photo released by ...")."""
    if len(text) > LONG_LINE:
        return False
    line = clean_line(text)
    if len(words(line)) > 40:
        return False
    if _CAPTION_WORDING.search(line) or _CAPTION_LABEL.match(line):
        return True
    return not ends_sentence(line) and bool(_POSITION_CUE.search(line))


def glued_credit(shorter: str, longer: str) -> str | None:
    """The credit when ``longer`` is ``shorter`` with a short credit glued on ("...KimAP").

    Scrapers flatten a caption and its credit element into one string, so the same caption
    appears once bare and once with the agency name stuck to its last word.
    """
    a, b = clean_line(shorter), clean_line(longer)
    if len(a) < 20 or not b.startswith(a) or b == a:
        return None
    rest = b[len(a):].strip()
    if not rest or len(rest) > _GLUED_CREDIT_MAX or len(words(rest)) > 4 or ends_sentence(rest):
        return None
    return rest
