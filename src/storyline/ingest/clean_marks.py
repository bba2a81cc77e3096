"""Marking passes over a text page: the lines that are not the article's own text.

Live-blog entry stamps, bylines, links to other stories and furniture lines; the lists and
comments below the article (their headlines kept as teasers); duplicate lines; photo captions and
credits; lines other pages of the same site print. The outlet's own chronology box is marked as
article content (role ``fact``) so that these passes leave it in the body. Each pass records why a
unit is cut in its ``reason``, which the audit shows as a ``RemovedPart``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.ingest.clean_dates import WIRE_DATELINE
from storyline.ingest.clean_layout import (
    MAX_SUMMARY_WORDS,
    Unit,
    bullet_text,
    is_highlights_label,
    is_paragraph,
)
from storyline.ingest.clean_state import _body_start, _headline_like, _Page, _previous_live
from storyline.ingest.dateline import dated_fact, find_dateline
from storyline.ingest.furniture import (
    byline_author,
    byline_site,
    caption_credit,
    clean_line,
    ends_sentence,
    furniture_reason,
    glued_credit,
    is_comments_marker,
    is_credit_only,
    is_end_marker,
    looks_like_caption,
    title_case_ratio,
    words,
)
from storyline.model import Teaser
from storyline.time.lexicon import CHRONOLOGY_LABEL

_INLINE_TEASER = re.compile(
    r"^\W*(?:related(?:\s+(?:story|stories|article|articles|coverage|video|videos|content|link|links|post|posts))?|read\s+more|read\s+also|also\s+read|see\s+also|"
    r"more\s+on\s+this|recommended|must\s+read|don'?t\s+miss)\s*:\s*(?P<headline>.+)$",
    re.I,
)
# Fewer words than this below the article are tags or topics, not headlines of other stories.
TEASER_MIN_WORDS = 4
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
        labelled = label is not None and bool(CHRONOLOGY_LABEL.match(label.text))
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


def _mark_repeats(page: _Page, repeated: dict[str, int]) -> None:
    for unit in page.units:
        if unit.live and unit.key in repeated:
            unit.reason = f"repeated on {repeated[unit.key]} pages of the same site"
