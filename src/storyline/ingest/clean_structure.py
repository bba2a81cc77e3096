"""The top of a text page: its main headline, standfirst, highlights and teasers of other stories.

The headline is confirmed when something points at it (a breadcrumb glued to it, the title given
with the document, a byline or dateline under it); otherwise the reading order of the page's head
decides: (teaser headline, summary) pairs, then the headline, maybe a standfirst, then the
article. Teasers left above the headline make the page a portal, whose dateline is the page's.
"""

from __future__ import annotations

import re

from storyline.ingest.clean_layout import (
    MAX_SUMMARY_WORDS,
    Unit,
    bullet_text,
    is_dek,
    is_highlights_label,
    is_paragraph,
)
from storyline.ingest.clean_state import _body_start, _headline_like, _Page, _previous_live
from storyline.ingest.furniture import ends_sentence, furniture_reason, norm_key
from storyline.model import Teaser

_GLUE_PREFIX_MAX_CHARS = 30
GLUE_DISTANCE = 3
# An unbulleted highlights list: this many short sentences at most.
HIGHLIGHT_MAX_WORDS = 35
HIGHLIGHTS_MAX_UNBULLETED = 6
#: Paragraphs of prose above a highlights label that make it a section heading of the article.
_SECTION_AFTER = 2
# A short line between the headline and the article: the outlet's name, a byline, a label.
SOURCE_LINE_MAX_WORDS = 4
SOURCE_LINE = "short line under the headline (outlet, byline or label)"
# A headline-like line without a summary this short, printed above the page's first teaser with
# a summary, is the outlet's name, its tagline or a kicker, not the headline of another story.
MASTHEAD_MAX_WORDS = 5
MASTHEAD = "masthead, tagline or label above the headline (not part of the article)"
_LIST_LABEL = re.compile(
    r"^\W*(?:latest(?:\s+(?:news|stories|headlines))?|breaking(?:\s+news)?|trending(?:\s+now)?|top\s+(?:stories|news)|"
    r"just\s+in|most\s+(?:read|popular|viewed)|popular|editor'?s\s+picks?|more\s+(?:news|stories)|news\s+in\s+brief)\W*$",
    re.I,
)


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


def _find_given_title(page: _Page, title: str) -> int | None:
    key = norm_key(title)
    for index, unit in enumerate(page.units):
        if unit.reason is None and key and unit.key == key:
            return index
    return None


def _inside_article(units: list[Unit], label: int, last: Unit) -> bool:
    """A list with the article's prose above its label and below its last item."""
    above = sum(1 for u in units[:label] if u.reason is None and is_paragraph(u))
    below = any(u.reason is None and is_paragraph(u) for u in units[units.index(last) + 1:])
    return above >= _SECTION_AFTER and below


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
        # Without bullets, a run of short lines longer than any summary list is the article itself;
        # so is a list between the article's paragraphs ("Main findings" in a release, its prose
        # going on below): a section of the article, not an outlet's summary of it
        if not items or (not bulleted and len(items) > HIGHLIGHTS_MAX_UNBULLETED) or _inside_article(units, index, items[-1]):
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
    masthead = _mastheads(units, pairs)
    kept = [pair for pair in pairs if pair[0] not in masthead]
    if title_index is not None and len(kept) == 1 and not extras_above:
        # One (headline, sentence) pair above another headline, under the outlet's masthead at
        # most, is as likely the article's own headline, lead and first subheading as a teaser:
        # keep it as the article.
        for h in masthead:
            units[h].reason = MASTHEAD
        _set_title(page, kept[0][0], [])
        return False
    _set_title(page, title_index, deks)
    return _keep_teasers(page, pairs, extras + extras_above)


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
    listed = _listed(units, pairs)
    masthead = _mastheads(units, pairs)
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


def _listed(units: list[Unit], pairs: list[tuple[int, int | None]]) -> set[int]:
    """Headlines under a list's label ("Latest:")."""
    return {h for h, _ in pairs if h > 0 and _LIST_LABEL.match(units[h - 1].text)}


def _mastheads(units: list[Unit], pairs: list[tuple[int, int | None]]) -> list[int]:
    """Short summary-less lines above the first summarised pair: the outlet's masthead, tagline
    or a kicker, not headlines of other stories."""
    listed = _listed(units, pairs)
    first_summary = next((k for k, (_, s) in enumerate(pairs) if s is not None), len(pairs))
    return [h for k, (h, s) in enumerate(pairs)
            if s is None and k < first_summary and units[h].n_words <= MASTHEAD_MAX_WORDS and h not in listed]


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
