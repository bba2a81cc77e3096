"""Turning raw documents into clean, dated articles.

Plain-text scrapes get the full treatment: dateline, furniture, captions, duplicate lines,
lines repeated on other pages of the same site, teasers of other stories, the main headline
(also when a breadcrumb is glued to it), the outlet's own highlights, and the body. Documents
whose text came out of trafilatura (HTML, WARC, RSS, URL) are already main text, so they only
lose duplicate and furniture lines. Every cut is recorded as a ``RemovedPart`` so that a user
can audit it, and the body keeps the page's words unchanged (later stages slice it by span).

Dates: metadata first; then a date under the headline, a wire dateline opening the article
("VELMONT, Jan. 13, 2025 (Agency) —", set apart as its own paragraph), a date at the top of the
page. A date printed above a list of other stories (a portal page) is the page's: it only bounds
the article's date from above (``PublishedDate.portal``). An outlet's own chronology box is
article text, never a list of other stories.

Pure functions: no I/O. The batch is cleaned together because a line printed on several pages of
one site (a footer, a menu) is furniture even when it looks like prose.

This module is the batch driver: the lines repeated across a site's pages, the order of the passes
over a page and the assembly of the ``Article``. The passes live in ``clean_marks`` (furniture,
duplicates, captions, lists below the article), ``clean_structure`` (headline, standfirst,
teasers) and ``clean_dates`` (datelines, publication date), over the page state of
``clean_state``; what other modules import (``clean_documents``, ``clean_page``, ``page_lines``,
``repeated_lines``, ...) stays here.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.clean_dates import WIRE_DATELINE, _mark_datelines, _mark_wire_dateline, _published
from storyline.ingest.clean_layout import Unit, bullet_text, split_units
from storyline.ingest.clean_marks import (
    _mark_captions,
    _mark_duplicates,
    _mark_fact_box,
    _mark_furniture,
    _mark_repeats,
    _mark_tail,
    _mark_trailing_list,
)
from storyline.ingest.clean_state import _Page
from storyline.ingest.clean_structure import (
    _find_given_title,
    _mark_glued_headline,
    _mark_highlights,
    _mark_standfirst_above_caption,
    _mark_structure,
    _title_above_byline,
)
from storyline.ingest.furniture import (
    clean_line,
    ends_sentence,
    is_credit_only,
    is_labelled_caption,
    is_role,
    norm_key,
)
from storyline.model import Article, RemovedPart, Teaser, content_hash

K = TypeVar("K", bound=Hashable)

TEXT_FORMATS = frozenset({"text", "jsonl"})
NO_TEXT = "no article text left after cleaning"
# How far down a page a dateline may stand (units), and how short a line repeated across pages
# of one folder must be to count as furniture (files in one folder may be from different sites).
DATELINE_WINDOW = 30
FOLDER_REPEAT_MAX_WORDS = 12
# Share of lines two pages must have in common to be copies of one article, not one site.
COPY_OVERLAP = 0.5
COPY_EVIDENCE_MAX_PAGES = 50
LIGHT_DUPLICATE_MIN_WORDS = 6
LIGHT_TITLE_WINDOW = 3
_BODY_ROLES = ("body", "fact", WIRE_DATELINE)
_AUTHOR_SITE = re.compile(r"\s+[·•|]\s+|\s+[—–]\s+")


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
