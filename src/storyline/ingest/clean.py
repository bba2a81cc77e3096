"""Turning raw documents into clean, dated articles.

Plain-text scrapes get the full treatment: dateline, furniture, captions, duplicate lines,
lines repeated on other pages of the same site, teasers of other stories, the main headline
(also when a breadcrumb is glued to it), the outlet's own highlights, and the body. Documents
whose text came out of trafilatura (HTML, WARC, RSS, URL) are already main text, so they only
lose duplicate and furniture lines. Every cut is recorded as a ``RemovedPart`` so that a user
can audit it, and the body keeps the page's words unchanged (later stages slice it by span).

Dates: metadata first; then a date under the headline, a wire dateline opening the article
("SEOUL, Jan. 13, 2025 (Agency) —", set apart as its own paragraph), a date at the top of the
page. A date printed above a list of other stories (a portal page) is the page's: it only bounds
the article's date from above (``PublishedDate.portal``). An outlet's own chronology box is
article text, never a list of other stories.

Pure functions: no I/O. The batch is cleaned together because a line printed on several pages of
one site (a footer, a menu) is furniture even when it looks like prose.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.clean_layout import (
    MAX_HEADLINE_WORDS,
    MAX_SUMMARY_WORDS,
    Unit,
    bullet_text,
    is_dek,
    is_highlights_label,
    is_paragraph,
    split_units,
)
from storyline.ingest.dateline import Dateline, WireDateline, dated_fact, find_dateline, find_wire_dateline
from storyline.ingest.furniture import (
    byline_author,
    byline_site,
    caption_credit,
    clean_line,
    ends_sentence,
    furniture_reason,
    glued_credit,
    is_caps,
    is_comments_marker,
    is_credit_only,
    is_end_marker,
    is_labelled_caption,
    is_role,
    looks_like_caption,
    norm_key,
    title_case_ratio,
    words,
)
from storyline.model import Article, PublishedDate, RemovedPart, Teaser, content_hash

K = TypeVar("K", bound=Hashable)

TEXT_FORMATS = frozenset({"text", "jsonl"})
NO_TEXT = "no article text left after cleaning"
PORTAL_NOTE = (
    "portal page (it lists other stories): the dateline is the page's date, not necessarily the "
    "article's; the article may be older"
)
# How far down a page a dateline may stand (units), and how short a line repeated across pages
# of one folder must be to count as furniture (files in one folder may be from different sites).
DATELINE_WINDOW = 30
FOLDER_REPEAT_MAX_WORDS = 12
# Share of lines two pages must have in common to be copies of one article, not one site.
COPY_OVERLAP = 0.5
COPY_EVIDENCE_MAX_PAGES = 50
_INLINE_TEASER = re.compile(
    r"^\W*(?:related(?:\s+(?:story|stories|article|articles|coverage|video|videos|content|link|links|post|posts))?|read\s+more|read\s+also|also\s+read|see\s+also|"
    r"more\s+on\s+this|recommended|must\s+read|don'?t\s+miss)\s*:\s*(?P<headline>.+)$",
    re.I,
)
_GLUE_PREFIX_MAX_CHARS = 30
GLUE_DISTANCE = 3
LIGHT_DUPLICATE_MIN_WORDS = 6
LIGHT_TITLE_WINDOW = 3
# Fewer words than this below the article are tags or topics, not headlines of other stories.
TEASER_MIN_WORDS = 4
# An unbulleted highlights list: this many short sentences at most.
HIGHLIGHT_MAX_WORDS = 35
HIGHLIGHTS_MAX_UNBULLETED = 6
# A short line between the headline and the article: the outlet's name, a byline, a label.
SOURCE_LINE_MAX_WORDS = 4
SOURCE_LINE = "short line under the headline (outlet, byline or label)"
# A headline-like line without a summary this short, printed above the page's first teaser with
# a summary, is the outlet's name, its tagline or a kicker, not the headline of another story.
MASTHEAD_MAX_WORDS = 5
MASTHEAD = "masthead, tagline or label above the headline (not part of the article)"
WIRE_DATELINE = "wire dateline"  # the role of a wire dateline's own paragraph (kept in the body)
_BODY_ROLES = ("body", "fact", WIRE_DATELINE)
# A label over a box of dated facts (the outlet's own chronology), which stays in the body.
_FACT_BOX_LABEL = re.compile(
    r"^\W*(?:timeline|chronology|key\s+(?:dates|events|moments)|fact\s*box|fast\s+facts|the\s+facts|"
    r"how\s+it\s+(?:unfolded|happened)|dates\s+to\s+know|in\s+dates|what\s+happened\s+when)\W*$",
    re.I,
)
_LIST_LABEL = re.compile(
    r"^\W*(?:latest(?:\s+(?:news|stories|headlines))?|breaking(?:\s+news)?|trending(?:\s+now)?|top\s+(?:stories|news)|"
    r"just\s+in|most\s+(?:read|popular|viewed)|popular|editor'?s\s+picks?|more\s+(?:news|stories)|news\s+in\s+brief)\W*$",
    re.I,
)
_AUTHOR_SITE = re.compile(r"\s+[·•|]\s+|\s+[—–]\s+")


@dataclass
class _Page:
    """Working state of one text page while it is cleaned."""

    units: list[Unit]
    title: Unit | None = None
    raw_title: str | None = None
    author: str | None = None
    site: str | None = None
    datelines: list[tuple[int, Dateline]] = field(default_factory=list)
    teasers: list[tuple[int, Teaser]] = field(default_factory=list)  # (line, teaser)
    highlights: list[str] = field(default_factory=list)
    standfirsts: int = 0
    wire: WireDateline | None = None
    first_teaser: int | None = None  # unit index of the first teaser above the headline

    def live(self) -> list[int]:
        return [i for i, u in enumerate(self.units) if u.live]


def clean_documents(raws: Sequence[RawDocument]) -> list[Article | IngestError]:
    """Clean a batch, keeping its order; a document with nothing left becomes an IngestError."""
    unit_lists = [split_units(raw.text or "") for raw in raws]
    repeats = _site_repeats(raws, unit_lists)
    return [clean_page(raw, units, repeated) for raw, units, repeated in zip(raws, unit_lists, repeats, strict=True)]


def clean_page(raw: RawDocument, units: list[Unit], repeated: dict[str, int]) -> Article | IngestError:
    """One page of a batch, given the lines other pages of its site repeat (``repeated_lines``)."""
    try:
        if _is_html_derived(raw):
            return _clean_light(raw, units, repeated)
        return _clean_text(raw, units, repeated)
    except Exception as err:  # a cleaner bug on one odd page must not cost the batch
        return IngestError(raw.source, f"cleaning failed ({type(err).__name__}: {err})")


def clean_document(raw: RawDocument) -> Article | IngestError:
    """One document on its own (no cross-page evidence)."""
    return clean_documents([raw])[0]


def _is_html_derived(raw: RawDocument) -> bool:
    return raw.format not in TEXT_FORMATS or raw.html is not None


# --- Batch level: lines repeated on several pages of one site --------------------------------


def _site_of(raw: RawDocument) -> tuple[str, bool] | None:
    """(site key, is-a-web-host) for grouping pages; a folder stands in for a site for files."""
    if raw.url:
        host = urlsplit(raw.url).hostname
        if host:
            return (host.removeprefix("www."), True)
    if raw.path:
        return (os.path.dirname(os.path.abspath(raw.path)), False)
    return None


def _site_repeats(raws: Sequence[RawDocument], unit_lists: list[list[Unit]]) -> list[dict[str, int]]:
    """For each document, its line keys that other pages of the same site print too (-> count)."""
    return repeated_lines([page_lines(raw, units, str) for raw, units in zip(raws, unit_lists, strict=True)])


@dataclass
class PageLines(Generic[K]):
    """What the batch-level cleaner needs of one page: its site and its line keys (as given by
    ``key``: the keys themselves, or short hashes when pages stream and only these are kept)."""

    site: tuple[str, bool] | None
    every: set[K]
    judged: set[K]
    """The keys whose repetition may mark furniture (on a folder of files: not prose)."""


def page_lines(raw: RawDocument, units: Sequence[Unit], key: Callable[[str], K]) -> PageLines[K]:
    site = _site_of(raw)
    is_host = site is not None and site[1]
    return PageLines(site, {key(u.key) for u in units if u.key},
                     {key(u.key) for u in units if u.key and (is_host or _not_prose(u))})


def repeated_lines(pages: Sequence[PageLines[K]]) -> list[dict[K, int]]:
    """For each page, its judged keys that other pages of the same site print too (-> count).

    Pages that share most of their lines are copies of one article (a re-post, the same wire
    story), so they count once: only lines seen on distinct articles of a site are furniture.
    """
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        if page.site is not None:
            groups[page.site].append(index)
    result: list[dict[K, int]] = [{} for _ in pages]
    for members in groups.values():
        if len(members) < 2:
            continue
        every = {m: pages[m].every for m in members}
        cluster = {m: m for m in members}
        for (a, b), n_shared in _shared_lines(every).items():
            if n_shared / min(len(every[a]), len(every[b])) > COPY_OVERLAP:
                cluster[_root(cluster, b)] = _root(cluster, a)
        seen: dict[K, set[int]] = defaultdict(set)
        for m in members:
            for key in pages[m].judged:
                seen[key].add(_root(cluster, m))
        for m in members:
            result[m] = {key: len(seen[key]) for key in pages[m].judged if len(seen[key]) >= 2}
    return result


def _shared_lines(every: dict[int, set[K]]) -> Counter[tuple[int, int]]:
    """How many lines each pair of pages shares, through an index of lines (not all pairs).

    A line printed on very many pages is site furniture, not evidence that two pages are copies,
    so it is left out of the count (and keeps the index small on big folders).
    """
    postings: dict[K, list[int]] = defaultdict(list)
    for member, keys in every.items():
        for key in keys:
            postings[key].append(member)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 2 <= len(members) <= COPY_EVIDENCE_MAX_PAGES:
            shared.update(itertools.combinations(sorted(members), 2))
    return shared


def _not_prose(unit: Unit) -> bool:
    """Files in one folder may come from different outlets that share wire copy: only lines that
    are not sentences of prose may be judged by their repetition there."""
    return unit.n_words <= FOLDER_REPEAT_MAX_WORDS and (not ends_sentence(unit.text) or unit.n_words <= 6)


def _root(cluster: dict[int, int], member: int) -> int:
    while cluster[member] != member:
        member = cluster[member]
    return member


# --- Plain-text scrapes ----------------------------------------------------------------------


def _clean_text(raw: RawDocument, units: list[Unit], repeated: dict[str, int]) -> Article | IngestError:
    page = _Page(units)
    _mark_datelines(page, window=DATELINE_WINDOW)
    _mark_fact_box(page)
    _mark_furniture(page)
    _mark_tail(page)
    _mark_duplicates(page)
    _mark_captions(page)
    confirmed = _mark_glued_headline(page)
    if confirmed is None and raw.title:
        confirmed = _find_given_title(page, raw.title)
    if confirmed is None:
        confirmed = _title_above_byline(page)
    _mark_highlights(page)
    portal = _mark_structure(page, confirmed)
    _mark_standfirst_above_caption(page)
    _mark_trailing_list(page)
    _mark_repeats(page, repeated)
    _mark_wire_dateline(page)
    # A title given with the document (JSONL metadata) wins over the one read off the page.
    title = clean_line(raw.title) if raw.title else (clean_line(page.title.text) if page.title else None)
    return _build(raw, page, title=title, portal=portal)


def _mark_datelines(page: _Page, *, window: int) -> None:
    """Datelines above the article: among the first units, before the first long paragraph."""
    units = page.units
    for index, unit in enumerate(units[:window]):
        # The article has begun at two paragraphs in a row (a teaser's summary stands alone).
        followed_by_prose = index + 1 < len(units) and is_paragraph(units[index + 1])
        if is_paragraph(unit) and (unit.n_words > MAX_SUMMARY_WORDS or followed_by_prose):
            break
        found = find_dateline(unit.text)
        if found is not None and unit.reason is None:
            unit.reason = "dateline"
            page.datelines.append((index, found))
            if found.author and not page.author:
                page.author = found.author


def _mark_fact_box(page: _Page) -> None:
    """The outlet's own chronology ("TIMELINE" over "2024-06-19 - Treaty signed" lines) is article
    content: its lines stay in the body (role ``fact``, out of reach of the teaser and list rules)
    and do not make the page a portal. Two dated lines in a row, or one under a fact-box label;
    dated lines under a list label ("Latest news"), in title case, or above the article without a
    label are headlines of other stories."""
    units = page.units
    body_start = _body_start(units, [i for i, u in enumerate(units) if u.reason is None])
    index = 0
    while index < len(units):
        if units[index].reason is not None or not dated_fact(bullet_text(units[index].text) or units[index].text):
            index += 1
            continue
        end = index
        while end < len(units) and units[end].reason is None and dated_fact(bullet_text(units[end].text) or units[end].text):
            end += 1
        label = units[index - 1] if index > 0 and units[index - 1].reason is None else None
        labelled = label is not None and bool(_FACT_BOX_LABEL.match(label.text))
        listed = label is not None and is_end_marker(label.text)
        headlines = sum(title_case_ratio(u.text) >= 0.6 for u in units[index:end]) * 2 > end - index
        inside = body_start is not None and index > body_start
        if labelled or (end - index >= 2 and inside and not listed and not headlines):
            for unit in units[index:end]:
                unit.role = "fact"
            if label is not None and labelled:
                label.reason = "fact box label (its dated lines are kept in the body)"
        index = end


#: A line that is only a clock time ("07:05", "9:52 a.m.").
_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?", re.IGNORECASE)
#: Clock lines each heading a paragraph that make a page a live blog's entries (as
#: ``storyline.extract.entries.MIN_STAMPS``), and the words the paragraph under one needs.
ENTRY_STAMPS, ENTRY_MIN_WORDS = 2, 4


def _entry_stamps(units: Sequence[Unit]) -> set[int]:
    """Indexes of the clock-time lines that head a live page's entries ("07:05" above "Good
    morning and welcome back..."): a stamp, not furniture, when the page has several."""
    stamps = {i for i, u in enumerate(units[:-1]) if u.reason is None and _CLOCK_LINE.fullmatch(u.text.strip())
              and units[i + 1].n_words >= ENTRY_MIN_WORDS and not _CLOCK_LINE.fullmatch(units[i + 1].text.strip())}
    return stamps if len(stamps) >= ENTRY_STAMPS else set()


def _mark_furniture(page: _Page, *, strict: bool = False) -> None:
    """Bylines, links to other stories and furniture lines (``strict``: only certain prompts). A
    live page's entry stamps on lines of their own open their entries: they date them
    (``storyline.extract.entries``)."""
    for k in sorted(_entry_stamps(page.units)):
        # the stamp opens its entry's paragraph, as live pages that write "9:52 a.m. The county..." do
        stamp, entry = page.units[k], page.units[k + 1]
        entry.text = f"{stamp.text.strip()} {entry.text}"
        entry.n_words = len(words(entry.text))
        stamp.reason = "entry stamp (opens the entry below it)"
    for unit in page.units:
        if unit.reason is not None or is_highlights_label(unit.text):
            continue
        author = byline_author(unit.text)
        if author:
            unit.reason = "byline"
            page.author = page.author or author
            page.site = page.site or byline_site(unit.text)
            continue
        inline = _INLINE_TEASER.match(unit.text)
        if inline and len(words(inline.group("headline"))) >= 3:
            unit.reason = "link to another story"
            page.teasers.append((unit.line, Teaser(clean_line(inline.group("headline")))))
            continue
        reason = furniture_reason(unit.text, strict=strict)
        if reason:
            unit.reason = reason
        elif unit.role not in ("fact", WIRE_DATELINE) and find_dateline(unit.text) is not None:
            unit.reason = "date stamp"  # "Published : Dec. 4, 2024 - 03:50" below the headline or the article


def _mark_tail(page: _Page) -> None:
    """What follows a 'related / most popular / leave a reply' label is not the article.

    The label must come after most of the prose, so a label high on the page does not cut the
    story. Below a comments label everything goes; below a list label only the list goes (its
    headlines, with their one-sentence summaries, are kept as teasers): a paragraph that is not
    a summary means the article goes on (a "Read also:" link inside the story).
    """
    units = page.units
    prose = [u.n_words if u.reason is None and is_paragraph(u) else 0 for u in units]
    total = sum(prose)
    seen = 0
    index = 0
    while index < len(units):
        unit = units[index]
        seen += prose[index]
        if not is_end_marker(unit.text) or seen == 0 or seen < total - seen:
            index += 1
            continue
        label = clean_line(unit.text)
        unit.reason = unit.reason or "site furniture"
        if is_comments_marker(unit.text):
            for item in units[index + 1:]:
                item.reason = item.reason or f"comments below the article (after '{label}')"
            return
        index = _take_listing(page, index + 1, label)


def _take_listing(page: _Page, start: int, label: str) -> int:
    """Mark the story list that starts at ``start``; return where the list ends."""
    units = page.units
    j = start
    while j < len(units):
        item = units[j]
        if item.reason is not None:
            j += 1
            continue
        if item.role == "fact" or is_end_marker(item.text):
            return j  # the outlet's chronology, or the label of the next list
        if find_dateline(item.text) is not None:
            item.reason = f"date of a story listed below the article (after '{label}')"
            j += 1
            continue
        if not is_paragraph(item) and item.n_words < TEASER_MIN_WORDS:
            item.reason = f"list item below the article (after '{label}')"  # a tag, a topic
            j += 1
            continue
        if not _headline_like(item):
            return j
        nxt = units[j + 1] if j + 1 < len(units) else None
        after = next((u for u in units[j + 2:] if u.reason is None), None)
        summary = None
        # A summary is followed by the next listed headline or by nothing; a paragraph followed by
        # more prose is the article going on after a single link.
        if (
            nxt is not None
            and nxt.reason is None
            and is_paragraph(nxt)
            and nxt.n_words <= MAX_SUMMARY_WORDS
            and (after is None or _headline_like(after))
        ):
            summary = nxt
        page.teasers.append((item.line, Teaser(item.text, summary.text if summary else None)))
        item.reason = f"teaser below the article (after '{label}')"
        if summary is not None:
            summary.reason = f"teaser summary below the article (after '{label}')"
            j += 1
        j += 1
    return j


def _mark_duplicates(page: _Page, *, min_words: int = 1) -> None:
    """Later copies of a line go; ``min_words`` spares short list items and table cells."""
    first: dict[str, Unit] = {}
    for unit in page.units:
        if not unit.key or unit.n_words < min_words or bullet_text(unit.text) is not None or unit.text.startswith("|"):
            continue
        if unit.key in first:
            if unit.reason is None:
                unit.reason = "duplicate line"
        else:
            first[unit.key] = unit


def _mark_captions(page: _Page) -> None:
    """Photo captions: a credit glued to a repeated caption, a trailing '/ Source', credit lines."""
    units = page.units
    for i, unit in enumerate(units):
        for j in range(i + 1, min(i + 4, len(units))):
            other = units[j]
            for short, long_ in ((unit, other), (other, unit)):
                if len(long_.text) <= len(short.text) or not long_.text.startswith(short.text[:20]):
                    continue
                credit = glued_credit(short.text, long_.text)
                if credit:
                    short.reason = "photo caption"
                    long_.reason = f"photo caption (credit '{credit}' glued on)"
    by_key = defaultdict(list)
    for unit in units:
        by_key[unit.key].append(unit)
    for i, unit in enumerate(units):
        if unit.reason not in (None, "duplicate line"):
            continue
        credit = None if ends_sentence(unit.text) or unit.n_words < 6 else caption_credit(unit.text)
        if credit:
            copies = by_key[unit.key]
            for copy in copies:
                copy.reason = f"photo caption (printed {len(copies)} times)" if len(copies) > 1 else "photo caption"
            continue
        if is_credit_only(unit.text):
            unit.reason = "photo credit"
            prev = _previous_live(units, i)
            if prev is not None and not ends_sentence(prev.text) and prev.n_words <= 40:
                prev.reason = "photo caption"
            continue
        if unit.reason is None and looks_like_caption(unit.text):
            unit.reason = "photo caption"


def _previous_live(units: list[Unit], index: int) -> Unit | None:
    for unit in reversed(units[:index]):
        if unit.reason is None:
            return unit
    return None


def _mark_glued_headline(page: _Page) -> int | None:
    """Find a line that is a short breadcrumb/section token glued to another line (a headline).

    "SectionHeadline of the story" printed next to "Headline of the story" marks the latter as
    the main headline. Returns the index of the clean headline.
    """
    units = page.units
    candidates = [
        (i, u) for i, u in enumerate(units)
        if u.reason is None and u.n_words >= 4 and _headline_like(u) and len(u.key) >= 15
    ]
    for li, line in enumerate(units):
        if line.reason is not None or not line.key or is_paragraph(line):
            continue
        for hi, head in candidates:
            # The two copies are printed together; far apart, a line ending with another is prose.
            if abs(hi - li) > GLUE_DISTANCE or line.key == head.key or not line.key.endswith(head.key):
                continue
            prefix = line.key[: -len(head.key)].strip()
            if not prefix or len(prefix) > _GLUE_PREFIX_MAX_CHARS or len(prefix.split()) > 3:
                continue
            line.reason = "breadcrumb glued to headline"
            page.raw_title = line.text
            return hi
    return None


def _title_above_byline(page: _Page) -> int | None:
    """A headline-like line with a byline or dateline under it (furniture aside): the article's.

    When several lines qualify (a list of dated stories above the article), the last one before
    the first paragraph is the main headline.
    """
    units = page.units
    found = None
    for index, unit in enumerate(units):
        if unit.live and is_paragraph(unit):
            break
        if not unit.live or not _headline_like(unit) or unit.n_words <= SOURCE_LINE_MAX_WORDS:
            continue
        for below in units[index + 1:]:
            if below.reason in ("byline", "dateline"):
                found = index
                break
            if below.reason is None and (is_paragraph(below) or below.n_words > SOURCE_LINE_MAX_WORDS):
                break  # an outlet's name between headline and date is passed over
    if found is not None and is_dek(units[found]):
        # A longer sentence-case line right under a headline is its standfirst, printed above the byline.
        above = _previous_live(units, found)
        if (
            above is not None
            and _headline_like(above)
            and SOURCE_LINE_MAX_WORDS < above.n_words < units[found].n_words
        ):
            return units.index(above)
    return found


def _headline_like(unit: Unit) -> bool:
    """Short, not a finished sentence, and not a line that introduces the next one."""
    return (
        not is_paragraph(unit)
        and 3 <= unit.n_words <= MAX_HEADLINE_WORDS
        and not unit.text.rstrip().endswith((":", ",", ";"))
    )


def _find_given_title(page: _Page, title: str) -> int | None:
    key = norm_key(title)
    for index, unit in enumerate(page.units):
        if unit.reason is None and key and unit.key == key:
            return index
    return None


def _mark_highlights(page: _Page) -> None:
    """An outlet's own 'Key highlights' list: kept in Article.highlights, out of the body."""
    units = page.units
    for index, unit in enumerate(units):
        if unit.reason is not None or not is_highlights_label(unit.text):
            continue
        items: list[Unit] = []
        following = [u for u in units[index + 1:] if u.reason is None]
        bulleted = bool(following) and bullet_text(following[0].text) is not None
        for item in following:
            if bulleted:
                if bullet_text(item.text) is None:
                    break
            elif item.n_words > HIGHLIGHT_MAX_WORDS or not ends_sentence(item.text):
                break
            items.append(item)
        # Without bullets, a run of short lines longer than any summary list is the article itself.
        if not items or (not bulleted and len(items) > HIGHLIGHTS_MAX_UNBULLETED):
            unit.reason = furniture_reason(unit.text)  # a bare label over the article
            continue
        unit.reason = "highlights label"
        for item in items:
            text = bullet_text(item.text) if bulleted else item.text
            page.highlights.append(text or item.text)
            item.reason = "outlet's highlights (kept in highlights)"
        return


def _mark_structure(page: _Page, confirmed: int | None) -> bool:
    """Split the top of the page into teasers, main headline and standfirst; True for a portal.

    Reading order on a portal page: pairs of (teaser headline, one-sentence summary), the main
    headline, maybe a standfirst, then the article's paragraphs. Without a confirmed headline the
    article starts at the first two consecutive paragraphs (or one long one).
    """
    live = page.live()
    if not live:
        return False
    units = page.units
    if confirmed is not None and units[confirmed].live:
        head = [i for i in live if i < confirmed]
        title_index: int | None = confirmed
        deks: list[int] = []
        for i in [i for i in live if i > confirmed][:3]:
            if is_paragraph(units[i]):
                break
            if units[i].n_words <= SOURCE_LINE_MAX_WORDS:
                units[i].reason = SOURCE_LINE
            elif len(deks) < 2 and (is_dek(units[i]) or (units[i].n_words >= 8 and not deks)):
                deks.append(i)
            else:
                break
        pairs, extras = _pairs(units, head)
        _set_title(page, title_index, deks)
        return _keep_teasers(page, pairs, extras)

    start = _body_start(units, live)
    if start is None:
        return False
    head = [i for i in live if i < start]
    if not head:
        return False
    trailing: list[int] = []
    for i in reversed(head):
        if is_paragraph(units[i]):
            break
        trailing.insert(0, i)
    rest = head[: len(head) - len(trailing)]
    deks = []
    if len(trailing) >= 2 and is_dek(units[trailing[-1]]):
        deks = [trailing[-1]]
        trailing = trailing[:-1]
    while (
        len(trailing) >= 2
        and units[trailing[-1]].n_words <= SOURCE_LINE_MAX_WORDS
        and units[trailing[-2]].n_words > SOURCE_LINE_MAX_WORDS
    ):
        units[trailing.pop()].reason = SOURCE_LINE
    title_index = trailing[-1] if trailing else None
    extras_above = trailing[:-1]
    pairs, extras = _pairs(units, rest)
    if not pairs and any(is_paragraph(units[i]) for i in extras):
        return False  # the page opens with prose: there is no headline block to split
    if title_index is not None and not _headline_like(units[title_index]):
        return False
    if title_index is not None and len(pairs) == 1 and not extras_above:
        # One (headline, sentence) pair above another headline is as likely the article's own
        # headline, lead and first subheading as a teaser: keep it as the article.
        _set_title(page, pairs[0][0], [])
        return False
    _set_title(page, title_index, deks)
    return _keep_teasers(page, pairs, extras + extras_above)


def _body_start(units: list[Unit], live: list[int]) -> int | None:
    for pos, i in enumerate(live):
        if not is_paragraph(units[i]):
            continue
        nxt = live[pos + 1] if pos + 1 < len(live) else None
        if units[i].n_words > MAX_SUMMARY_WORDS or nxt is None or is_paragraph(units[nxt]):
            return i
    return None


def _pairs(units: list[Unit], head: list[int]) -> tuple[list[tuple[int, int | None]], list[int]]:
    """(headline, summary) pairs in the head of a page, and what fits no pair."""
    pairs: list[tuple[int, int | None]] = []
    extras: list[int] = []
    pos = 0
    while pos < len(head):
        i = head[pos]
        nxt = head[pos + 1] if pos + 1 < len(head) else None
        if _headline_like(units[i]):
            if nxt is not None and is_paragraph(units[nxt]) and units[nxt].n_words <= MAX_SUMMARY_WORDS:
                pairs.append((i, nxt))
                pos += 2
                continue
            pairs.append((i, None))
        else:
            extras.append(i)
        pos += 1
    return pairs, extras


def _set_title(page: _Page, title_index: int | None, deks: list[int]) -> None:
    if title_index is not None:
        unit = page.units[title_index]
        unit.role = "title"
        unit.reason = "headline (kept as title)"
        page.title = unit
    elif page.title is None:
        return
    for i in deks:
        dek = page.units[i]
        dek.role = "highlight"
        dek.reason = "standfirst under the headline (kept in highlights)"
        page.highlights.insert(page.standfirsts, dek.text)
        page.standfirsts += 1


def _keep_teasers(page: _Page, pairs: list[tuple[int, int | None]], extras: list[int]) -> bool:
    """Keep the head's (headline, summary) pairs as teasers; True when any are left (a portal).

    A short summary-less line above the first summarised teaser is the outlet's masthead, tagline
    or a kicker; a single summary-less line left over is a label, not a list of other stories.
    """
    units = page.units
    listed = {h for h, _ in pairs if h > 0 and _LIST_LABEL.match(units[h - 1].text)}  # "Latest:" over a headline
    first_summary = next((k for k, (_, s) in enumerate(pairs) if s is not None), len(pairs))
    masthead = [
        h for k, (h, s) in enumerate(pairs)
        if s is None and k < first_summary and units[h].n_words <= MASTHEAD_MAX_WORDS and h not in listed
    ]
    pairs = [(h, s) for h, s in pairs if h not in masthead]
    if len(pairs) == 1 and pairs[0][1] is None and pairs[0][0] not in listed:
        masthead.append(pairs[0][0])
        pairs = []
    for h in masthead:
        units[h].reason = MASTHEAD
    if pairs:
        page.first_teaser = min(h for h, _ in pairs)
    for h, s in pairs:
        units[h].role = "teaser"
        units[h].reason = "teaser: headline of another story"
        summary = None
        if s is not None:
            units[s].role = "teaser"
            units[s].reason = "teaser: summary of another story"
            summary = units[s].text
        page.teasers.append((units[h].line, Teaser(units[h].text, summary)))
    for i in extras:
        units[i].reason = "text above the headline (not part of the article)"
    return bool(pairs)


def _mark_standfirst_above_caption(page: _Page) -> None:
    """A one-paragraph summary between the headline and the lead photo is the standfirst.

    Pages print headline, standfirst, picture, article: a short paragraph cut off from the rest
    of the text by a caption is not the article's first paragraph, even when it ends in a period.
    """
    if page.title is None:
        return
    units = page.units
    start = units.index(page.title) + 1
    first = next((i for i in range(start, len(units)) if units[i].live), None)
    if first is None or not is_paragraph(units[first]) or units[first].n_words > MAX_SUMMARY_WORDS:
        return
    following = next((i for i in range(first + 1, len(units)) if units[i].live), None)
    between = units[first + 1: following if following is not None else len(units)]
    if following is not None and any("caption" in (u.reason or "") for u in between):
        _set_title(page, None, [first])


def _mark_trailing_list(page: _Page) -> None:
    """Headlines left after the last paragraph, cut off from it by furniture: a list of stories."""
    units = page.units
    live = page.live()
    last_prose = max((i for i in live if is_paragraph(units[i])), default=None)
    if last_prose is None:
        return
    trailing = [i for i in live if i > last_prose]
    if not trailing or not all(_headline_like(units[i]) for i in trailing):
        return
    if not any(units[i].reason is not None for i in range(last_prose + 1, trailing[0])):
        return
    for i in trailing:
        units[i].reason = "headline of another story listed below the article"
        units[i].role = "teaser"
        page.teasers.append((units[i].line, Teaser(units[i].text)))


def _slug_like(text: str) -> bool:
    """A wire's slug line: a few words in capitals with slashes or hyphens, maybe "(UPDATE 2)"."""
    return len(text) <= 80 and bool(re.fullmatch(r"[A-Z0-9][A-Z0-9/\-_ ]*(?:\([A-Z]+\s*\d*\))?\s*", text.strip() + " "))


def _mark_wire_dateline(page: _Page) -> None:
    """Set a wire dateline ("SEOUL, Jan. 13 (Yonhap) --") apart from the first paragraph.

    It becomes a paragraph of its own (a sentence boundary for later stages, so the place is
    never read as the first sentence's speaker) and its date may date the article; its words stay
    in the body, which keeps the page's text. Taken when it carries a date or an agency, or when
    the place is in capitals (the wire convention); a mixed-case place alone ("Harbourtown,
    Region —") may be a name opening a sentence, so that paragraph is left whole.
    """
    # the first paragraph of the body; a wire's slug line ("HARBOUR-STRIKE/ (UPDATE 2)") or a
    # deck under the headline above it is not one and is passed over
    body = [i for i, u in enumerate(page.units) if u.reason is None and u.role in ("body", "fact")][:2]
    at = next((i for i in body if is_paragraph(page.units[i])), None)
    if at is None or (at != body[0] and not (_slug_like(page.units[body[0]].text)
                                             or _headline_like(page.units[body[0]]))):
        return
    first = page.units[at]
    wire = find_wire_dateline(first.text)
    if wire is None or (wire.place_only and not is_caps(wire.place)):
        return
    page.wire = wire
    page.units.insert(at, Unit(wire.text, first.line, norm_key(wire.text), role=WIRE_DATELINE))
    page.datelines = [(i + (i >= at), d) for i, d in page.datelines]
    if page.first_teaser is not None and page.first_teaser >= at:
        page.first_teaser += 1
    first.text = first.text[wire.end:]


def _mark_repeats(page: _Page, repeated: dict[str, int]) -> None:
    for unit in page.units:
        if unit.live and unit.key in repeated:
            unit.reason = f"repeated on {repeated[unit.key]} pages of the same site"


def _published(raw: RawDocument, page: _Page, *, portal: bool) -> PublishedDate:
    """Metadata first; else the dateline (its publication date before an 'updated' one)."""
    bounds = _metadata_bounds(raw.published)
    wire = page.wire
    if bounds is not None:
        value, earliest, latest = bounds
        printed = [f"page also prints the dateline {_chosen_dateline(page)[0][1].date.isoformat()}"] if page.datelines else []
        if wire is not None and wire.date is not None and wire.date.isoformat() != value:
            printed.append(f"the wire dateline says {wire.date.isoformat()}")
        note = "; ".join(printed) or None
        return PublishedDate(value=value, source="metadata", earliest=earliest, latest=latest, note=note)
    (at, chosen), under_headline = _chosen_dateline(page) if page.datelines else ((-1, None), False)
    if wire is not None and wire.date is not None and not under_headline:
        # The article's own date, printed by the agency: better than a date at the top of the page.
        value = wire.date.isoformat()
        notes = [f"wire dateline at the start of the article ('{wire.text}')"]
        others = sorted({d.date.isoformat() for _, d in page.datelines} - {value})
        if others:
            notes.append("the page also prints " + ", ".join(others))
        return PublishedDate(value=value, source="dateline", earliest=value, latest=value, note="; ".join(notes))
    if chosen is None:
        if wire is not None and wire.month_day is not None:
            month, day = wire.month_day
            return PublishedDate(note=f"wire dateline '{wire.text}' gives --{month:02d}-{day:02d} without a year",
                                 month_day=f"--{month:02d}-{day:02d}")
        return PublishedDate()
    value = chosen.date.isoformat()
    notes = ["dateline printed under the headline" if under_headline else "dateline printed at the top of the page"]
    others = sorted({d.date.isoformat() for _, d in page.datelines} - {value})
    if others:
        notes.append("the page also prints " + ", ".join(others))
    if chosen.updated:
        notes.append("it is an 'updated' date; the first publication may be earlier")
    if portal and not under_headline and page.first_teaser is not None and at < page.first_teaser:
        # The date above the list of stories is the page's: an upper bound, the article may be older.
        notes.append(PORTAL_NOTE)
        return PublishedDate(value=value, source="dateline", earliest=None, latest=value, note="; ".join(notes), portal=True)
    return PublishedDate(value=value, source="dateline", earliest=value, latest=value, note="; ".join(notes))


def _unique_teasers(found: list[tuple[int, Teaser]]) -> list[Teaser]:
    """Teasers in page order, list markers ("1. ", "- ", "> ") off, each headline once (with the
    summary of whichever copy has one)."""
    teasers: dict[str, Teaser] = {}
    for _, teaser in sorted(found, key=lambda item: item[0]):
        headline = clean_line(bullet_text(teaser.headline) or teaser.headline)
        key = norm_key(headline)
        if not key:
            continue
        if key not in teasers:
            teasers[key] = Teaser(headline, teaser.summary)
        elif teasers[key].summary is None and teaser.summary:
            teasers[key].summary = teaser.summary
    return list(teasers.values())


def _split_author(author: str | None) -> tuple[str | None, str | None]:
    """("Jane Doe", "Outlet") from "Jane Doe · Outlet": a byline with the site glued on."""
    if not author:
        return None, None
    parts = _AUTHOR_SITE.split(clean_line(author), maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], None if is_role(parts[1]) else parts[1]
    return clean_line(author), None


def _metadata_bounds(published: str | None) -> tuple[str, str, str] | None:
    """(value, earliest, latest) of a metadata date at its own precision (day, month or year)."""
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (published or "").strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            value = date(int(year), int(month), int(day)).isoformat()
            return value, value, value
        if month:
            first = date(int(year), int(month), 1)
            last = date(int(year) + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
            return f"{year}-{month}", first.isoformat(), last.isoformat()
    except ValueError:
        return None
    return year, f"{year}-01-01", f"{year}-12-31"


def _chosen_dateline(page: _Page) -> tuple[tuple[int, Dateline], bool]:
    """The article's own date line when one stands under the headline, else the page's first.

    A site header often prints today's date above everything; the date printed right under the
    headline (with the byline) is the article's. Publication dates win over 'updated' ones.
    Returns the dateline with its unit index, and whether it stands under the headline.
    """
    candidates = page.datelines
    under = False
    if page.title is not None:
        title_index = page.units.index(page.title)
        below = [(i, d) for i, d in candidates if i > title_index]
        if below:
            candidates, under = below, True
    return next(((i, d) for i, d in candidates if not d.updated), candidates[0]), under


def _build(raw: RawDocument, page: _Page, *, title: str | None, portal: bool) -> Article | IngestError:
    body_units = [u for u in page.units if u.reason is None and u.role in _BODY_ROLES]
    body = "\n\n".join(u.text for u in body_units if u.text)
    if not body.strip():
        return IngestError(raw.source, NO_TEXT)
    removed = [RemovedPart(u.text, u.reason, u.line) for u in page.units if u.reason is not None and u.text]
    if raw.extra.get("encoding_note"):  # the audit says when the body is not exactly the bytes read
        removed.insert(0, RemovedPart("(encoding)", f"decoding: {raw.extra['encoding_note']}", None))
    site = raw.site or (urlsplit(raw.url).hostname if raw.url else None)
    author, author_site = _split_author(raw.author or page.author)
    site = site or author_site or page.site
    digest = content_hash(body)  # Article.make_id(body) is its first 16 hex digits: hash once
    return Article(
        id=digest[:16],
        body=body,
        content_hash=digest,
        path=raw.path,
        url=raw.url,
        title=title,
        author=author,
        site=site,
        published=_published(raw, page, portal=portal),
        teasers=_unique_teasers(page.teasers),
        highlights=page.highlights,
        removed=removed,
        format=raw.format,
        raw_title=page.raw_title,
    )


# --- Documents already extracted from HTML ----------------------------------------------------


def _clean_light(raw: RawDocument, units: list[Unit], repeated: dict[str, int]) -> Article | IngestError:
    """Main text from trafilatura: drop only duplicates, certain furniture and the title line.

    Trafilatura already cut the page down to its main text, in which short lines are mostly
    subheadings, list items and table rows, so the looser text-scrape rules would cut content.
    """
    page = _Page(units)
    if not raw.published:
        _mark_datelines(page, window=3)
    _mark_furniture(page, strict=True)
    _mark_duplicates(page, min_words=LIGHT_DUPLICATE_MIN_WORDS)
    title_key = norm_key(raw.title or "")
    top = [u for u in page.units if u.reason is None][:LIGHT_TITLE_WINDOW]
    at = next((n for n, u in enumerate(top) if title_key and u.key == title_key), None)
    if at is not None:
        top[at].reason = "headline (kept as title)"
        for unit in top[:at]:  # a kicker or section name printed above the headline
            unit.reason = "text above the headline (not part of the article)"
    for unit in page.units:
        if unit.reason is None and is_credit_only(unit.text):
            unit.reason = "photo credit"
        elif unit.reason is None and is_labelled_caption(unit.text):
            unit.reason = "photo caption"
    _mark_repeats(page, repeated)
    _mark_wire_dateline(page)
    title = clean_line(raw.title) if raw.title else None
    return _build(raw, page, title=title, portal=False)
