"""HTML reader: the article's main text and metadata through trafilatura, its date through htmldate.

Options were chosen on the article-extraction benchmark (``storyline eval extraction``):
``favor_precision`` keeps related-story lists and footers out, which matters more to us than a
stray lost paragraph, because every later stage would read furniture as claims. Comments are
never article text. The date comes from markup only (``extensive_search=False``): a date guessed
from free text would be a date we invented.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.dateline import MONTHS, PUBLISHED_WORDS, SET_APART, WEEKDAYS, days_date, find_dateline
from storyline.ingest.encoding import DecodeError, decode_noted

EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}
# htmldate drops any date after today's clock by default: a page's markup date must not depend on
# when the analysis runs (a corpus read again later, a machine whose clock is behind), so the
# ceiling is fixed far ahead; dates from markup only, never guessed from free text.
DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}
MIN_WORDS = 10

# Our IngestError already says what went wrong with a page; without a handler of their own these
# libraries' log records would reach stderr through logging's last-resort handler.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def extract_document(
    source: str,
    data: bytes | str,
    *,
    url: str | None = None,
    path: str | None = None,
    charset: str | None = None,
) -> RawDocument | IngestError:
    """One page to one document, or an error saying why the page has no article in it."""
    note = None
    if isinstance(data, bytes):
        try:
            html, _codec, note = decode_noted(data, declared=charset)
        except DecodeError as err:
            return IngestError(source, str(err))
    else:
        html = data
    if not html.strip():
        return IngestError(source, "empty HTML page")
    one_day = entries_day(html)  # read before the entries' stamps are kept as text
    html = keep_entry_times(html)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS
        )
    except Exception as err:  # a library bug on one odd page must not stop the batch
        return IngestError(source, f"HTML extraction failed ({type(err).__name__}: {err})")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if doc is None and load_html(html) is None:  # parsed again only to say why it failed
        return IngestError(source, "not parseable as HTML (no markup found)")
    if not text:
        return IngestError(source, "no article text found in the HTML (empty, script-only or malformed page)")
    words = len(text.split())
    if words < MIN_WORDS:
        return IngestError(source, f"only {words} words of article text found (truncated or malformed HTML?)")
    extra: dict[str, str] = {}
    date = getattr(doc, "date", None)
    if isinstance(date, str) and _ISO_DATE.match(date):
        date = _four_digit_year(date, html)
    labelled = published_time(html)
    if labelled is not None:
        date = labelled  # the page says which of its dates is the publication's
    if not date:
        date = one_day  # a live page whose every time element is of one day
    if not date:
        # no date in the markup: a date line under the headline that the extractor dropped as
        # page furniture ("<p class=meta>A B, Correspondent · Thursday 21 May 2026</p>") is read
        # as a text page's dateline is, strictly (``dateline.find_dateline``)
        tree = load_html(html)
        line = _headline_dateline(tree) if tree is not None else None
        if line is not None:
            # kept for the cleaner, which looks for datelines only before the first long paragraph:
            # a long standfirst may stand between the headline and this line
            extra["dateline_line"] = line
            extra["dateline_place"] = f"under the headline ('{line}')"
        from_prose = False
        if line is None and tree is not None:
            # an edition's masthead above the headline, else a column's sign-off, else an
            # explainer's "as of" note: set before the text like a dateline, with where it stands
            # kept for the date's evidence note; a line read out of a paragraph's prose is set
            # before the text even when the text holds it (it stays where it stands too)
            site = _clean(getattr(doc, "sitename", None))
            readers: tuple[tuple[Callable[[Any], str | None], str, bool], ...] = (
                (lambda t: _masthead_dateline(t, site), "in the edition's masthead above the headline", False),
                (_signoff_dateline, "in the writer's sign-off at the foot of the article", True),
                (_as_of_dateline, "in the article's note of the day it is up to date on", True),
                (_shown_day_dateline, SHOWN_DAY, False))
            for read_line, where, in_prose in readers:
                line = read_line(tree)
                if line is not None:
                    extra["dateline_place"] = f"{where} ('{line}')"
                    extra["dateline_line"] = line
                    if where == SHOWN_DAY:
                        extra["dateline_bounds_only"] = "1"
                    from_prose = in_prose
                    break
        if line is not None and (line not in text[:2000] or from_prose):
            text = f"{line}\n\n{text}"
    return RawDocument(
        source=source,
        format="html",
        text=text,
        html=html,
        url=url or getattr(doc, "url", None),
        path=path,
        title=_clean(getattr(doc, "title", None)),
        author=_clean(getattr(doc, "author", None)),
        site=_clean(getattr(doc, "sitename", None)),
        published=date[:10] if isinstance(date, str) and _ISO_DATE.match(date) else None,
        extra={**({"encoding_note": note} if note else {}), **extra},
    )


_ENTRY_TIME = re.compile(
    r"(<(?:p|li)\b[^>]*>\s*(?:<(?:b|strong|em|span)\b[^>]*>\s*)?)<time\b[^>]*>([^<]{1,40})</time>", re.IGNORECASE)


#: A live entry's stamp in an element of its own right before the entry's paragraph
#: ("<span class="ts">18:12</span> <p>Vardeckel has walked out ...</p>"): a clock time and nothing else.
_STAMP_BEFORE_P = re.compile(
    r"<(span|time|strong|b|div|h[2-6])\b[^>]*>\s*(\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)\s*</\1>(\s*)(?=<p\b)",
    re.IGNORECASE)


#: A ``<time>``'s text that names a day ("Friday 9 May", "9/5/2032"), not an entry's clock time.
_NAMES_A_DAY = re.compile(rf"\b(?:{WEEKDAYS}|{'|'.join(m for m in MONTHS if m.isascii() and len(m) > 2)})\b|\d{{1,2}}/\d{{1,2}}", re.IGNORECASE)


def _entry_stamp(m: re.Match[str]) -> str:
    """A live entry's stamp kept as text; a day's ``<time>`` opening the page's date line
    ("<p class="day"><time datetime="2032-05-09">Friday 9 May</time>") is left as it is,
    for the date extraction to read its ``datetime``."""
    if _NAMES_A_DAY.search(m.group(2)) and not re.search(r"\d{1,2}[:.]\d{2}", m.group(2)):
        return m.group(0)
    return m.group(1) + m.group(2)


def keep_entry_times(html: str) -> str:
    """A ``<time>`` that opens a paragraph ("<p><time>14:31</time> Dalquist is on his feet.") is
    the stamp of a live entry: text the reader sees, which the extractor drops with the element.
    It is kept as plain text; a ``<time>`` elsewhere (a byline's publication date) is left to the
    date extraction. A stamp in an element of its own right before the entry's paragraph becomes
    a paragraph of its own, which the extractor keeps (it drops text outside paragraphs)."""
    if "<time" in html or "<TIME" in html:
        html = _ENTRY_TIME.sub(_entry_stamp, html)
    return _STAMP_BEFORE_P.sub(r"<p>\2</p>\3", html)


#: Elements between the headline and the article's first long paragraph looked at for a date line.
_HEADER_TAGS = frozenset({"p", "div", "span", "time", "li", "small", "address"})
_LONG_PARAGRAPH_WORDS = 40


def headline_dateline(html: str) -> str | None:
    """The first element after the page's ``<h1>`` and before its first long paragraph whose
    whole text is a dateline (``find_dateline``: a date and only furniture beside it), or None."""
    tree = load_html(html)
    return _headline_dateline(tree) if tree is not None else None


def _headline_dateline(tree: Any) -> str | None:
    seen_headline = False
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "h1":
            seen_headline = True
            continue
        if not seen_headline or tag not in _HEADER_TAGS:
            continue
        words = " ".join(el.text_content().split())
        if tag == "p" and len(words.split()) > _LONG_PARAGRAPH_WORDS:
            return None
        if words and len(words.split()) <= 20 and find_dateline(words) is not None:
            return words
    return None


#: An edition's mark beside a masthead's date ("Issue 1,184", "No. 412", "Vol. 9").
_EDITION = re.compile(r"\b(?:issue|edition|vol\.?|volume|no\.)\s*\d", re.IGNORECASE)


def masthead_dateline(html: str, site: str | None) -> str | None:
    """A masthead above the headline that dates an edition: the outlet's name (or an issue's
    number) and a date, set apart as a stamp ("The Weekly Ledger · Friday 3 April 2026 · Issue
    1,184"), or a date labelled as the publication's ("Long read | Published 17 November 2026").
    A date alone at the top of a page is not taken: a website's masthead may show the day
    it is read, not the day the article was written."""
    tree = load_html(html)
    return _masthead_dateline(tree, site) if tree is not None else None


def _above_headline(tree: Any) -> Iterator[str]:
    """The text of each short element above the page's ``<h1>`` (a masthead's, a bar's)."""
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "h1":
            return
        if tag in _HEADER_TAGS:
            yield " ".join(el.text_content().split())


def _masthead_dateline(tree: Any, site: str | None) -> str | None:
    for words in _above_headline(tree):
        if not words or len(words.split()) > 20 or find_dateline(words) is None:
            continue
        if (site and site.lower() in words.lower()) or _EDITION.search(words) or _PUBLISHED_MARK.search(words):
            return words  # an edition's stamp, or a date the page labels as its publication's
    return None


#: Where a page shows the day's date: the last place looked at, and it only bounds the article's date.
SHOWN_DAY = "as the day's date in the page's top bar; the article may be older"


def _shown_day_dateline(tree: Any) -> str | None:
    """A site's bar above the headline showing the day's date, its weekday and date agreeing
    ("Saturday 5 April 2031  Dunfair 14C, cloudy"; ``dateline.days_date``): the day the page was
    shown, so the article's date is on or before it. Read only when the page has no other date."""
    for words in _above_headline(tree):
        # the whole bar, else its first field set apart ("Thursday 12 March 2026 · Weekly, every
        # Thursday · Serving the valley since 1921")
        for bar in (words, SET_APART.split(words, maxsplit=1)[0]):
            if bar and sum(any(ch.isalnum() for ch in w) for w in bar.split()) <= 12 \
                    and (found := find_dateline(bar)) is not None and days_date(found):
                return bar
    return None


#: A place and a date closing a paragraph, the writer's sign-off ("... He writes every fortnight.
#: Swanmere, 15 June 2031.").
_SIGNOFF = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2},\s+[^.!?]{6,40}?)\.?$")


def signoff_dateline(html: str) -> str | None:
    """The sign-off of a column or a letter after the headline: a paragraph whose last sentence is
    only a place and a date ("Swanmere, 15 June 2031."), as a printed column closes; the last such
    on the page. A date in the article's prose is never taken."""
    tree = load_html(html)
    return _signoff_dateline(tree) if tree is not None else None


def _paragraphs_after_headline(tree: Any) -> Iterator[str]:
    """The text of each paragraph after the page's first headline, its spaces collapsed: where a
    sign-off or a note of the day a text is up to date on stands."""
    seen_headline = False
    for el in tree.iter("h1", "p"):
        if el.tag == "h1":
            seen_headline = True
        elif seen_headline:
            yield " ".join(el.text_content().split())


def _signoff_dateline(tree: Any) -> str | None:
    found = None
    for text in _paragraphs_after_headline(tree):
        m = _SIGNOFF.search(text)
        if m is not None and find_dateline(m.group(1)) is not None:
            found = m.group(1)
    return found


#: A note saying which day a text is up to date on ("the story so far, as of Wednesday 15 April
#: 2026", "This explainer reflects information available on 15 April 2026", "Correct as of ..."):
#: the words that say so, and the text's own noun the note must name.
_AS_OF = re.compile(r"\b(?:as\s+of|correct\s+(?:as\s+of|at)|available\s+(?:on|as\s+of)|up\s+to\s+date\s+(?:on|as\s+of))\s+"
                    r"([^.!?;()]{6,40}?\d{4})\b", re.IGNORECASE)
_TEXT_ITSELF = re.compile(r"\b(?:story|explainer|article|information|report|guide|page|piece|timeline|summary)\b",
                          re.IGNORECASE)


def as_of_dateline(html: str) -> str | None:
    """The day an explainer says it is up to date on, in a paragraph after the headline that names
    the text itself ("Here is the story so far, as of Wednesday 15 April 2026."): the last such
    date on the page. A law's or a figure's "as of" date ("as of 1 January the tax rises") names
    no text and is never taken."""
    tree = load_html(html)
    return _as_of_dateline(tree) if tree is not None else None


def _as_of_dateline(tree: Any) -> str | None:
    found = None
    for text in _paragraphs_after_headline(tree):
        for m in _AS_OF.finditer(text):
            if _TEXT_ITSELF.search(text) and find_dateline(m.group(1)) is not None:
                found = m.group(1)
    return found


_TIME_ELEMENT = re.compile(r"<time\b(?P<attrs>[^>]*)>(?P<text>[^<]{0,80})</time>", re.IGNORECASE)
_DATETIME = re.compile(r"""\bdatetime\s*=\s*["']?(\d{4}-\d{2}-\d{2})""", re.IGNORECASE)
_PUBLISHED_MARK = re.compile(rf"\b(?:{PUBLISHED_WORDS}|datePublished)\b", re.IGNORECASE)


#: Any element schema.org microdata marks as the publication ("<span itemprop="datePublished"
#: content="2031-03-30">Monday 30 March</span>"): its machine-readable day.
_ITEMPROP_PUBLISHED = re.compile(r"<[a-z]+\b[^>]*\bitemprop\s*=\s*[\"']?datePublished\b[^>]*>", re.IGNORECASE)
_CONTENT_DAY = re.compile(r"""\b(?:content|datetime)\s*=\s*["']?(\d{4}-\d{2}-\d{2})""", re.IGNORECASE)


def published_time(html: str) -> str | None:
    """The day of the page's one ``<time datetime>`` marked as its publication ("<time
    datetime='2031-06-14T09:10'>Published: 14/06/2031 09:10</time>", itemprop="datePublished"),
    or of the element its microdata marks so ("<span itemprop='datePublished'
    content='2031-03-30'>"), else None. htmldate may take an update's or a correction's later
    day on such a page, and does not read microdata on an element other than ``<meta>``."""
    days = set()
    for m in _TIME_ELEMENT.finditer(html):
        day = _DATETIME.search(m.group("attrs"))
        if day and (_PUBLISHED_MARK.search(m.group("text")) or _PUBLISHED_MARK.search(m.group("attrs"))):
            days.add(day.group(1))
    for m in _ITEMPROP_PUBLISHED.finditer(html):
        if (day := _CONTENT_DAY.search(m.group(0))) is not None:
            days.add(day.group(1))
    return days.pop() if len(days) == 1 else None


def entries_day(html: str) -> str | None:
    """The one day of every ``<time datetime>`` a page holds when there are two or more (a live
    page's entries, stamped "19:05", "18:40" ...): it was written that day. None otherwise."""
    days = [day.group(1) for m in _TIME_ELEMENT.finditer(html) if (day := _DATETIME.search(m.group("attrs")))]
    return days[0] if len(days) >= 2 and len(set(days)) == 1 else None


def _four_digit_year(date: str, html: str) -> str:
    """htmldate reads a numeric date "01/04/2026" or "17.04.2031" on some pages as its first eight
    characters, 01/04/20 (2020-04-01): when the page spells the same day and month only with
    one other four-digit year whose first two digits are the year read, that year is the page's."""
    day, month = int(date[8:10]), int(date[5:7])
    years = {m.group(1) for m in re.finditer(rf"(?<![\d./])0?{day}[./]0?{month}[./](\d{{4}})\b", html)}
    if len(years) == 1 and date[:4] not in years:
        (year,) = years
        if date[:4] == f"20{year[:2]}":
            return f"{year}{date[4:]}"
    return date


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """The reader interface over ``extract_document``."""
    yield extract_document(source, data, url=ctx.url, path=ctx.path, charset=ctx.charset)
