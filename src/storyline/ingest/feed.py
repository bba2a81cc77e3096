"""RSS/Atom reader (feedparser): one document per entry.

An entry that carries its full text (``content:encoded``, Atom ``content``, or a long summary) is
read from the feed itself; one that carries only a teaser is fetched from its link through the
URL reader, with the same address checks and size cap as a URL the user typed. The entry's own
title, link and publication date win over what the fetched page says, because the feed is the
publisher's structured statement about the entry.
"""

from __future__ import annotations

import email.utils
import hashlib
import html as html_lib
import io
import re
from collections.abc import Container, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.context import MAX_FETCH_DEPTH, Item, ReadContext
from storyline.ingest.encoding import DecodeError, decode
from storyline.ingest.html import extract_document
from storyline.ingest.text import normalise

SUBSTANTIAL_CHARS = 500
# A numeric character reference to a code point XML forbids (a surrogate, a C0 control, beyond
# U+10FFFF) crashes feedparser's fallback parser. It is swapped for a noncharacter before parsing,
# and an entry that holds one is refused by name, so the other entries still go through.
_CHAR_REF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));")
_BAD_REF_MARK = "\ufdd0"


def entry_date(entry: Any) -> str | None:
    """The entry's publication date as written (its own calendar day, not shifted to UTC)."""
    raw = dict.get(entry, "published")  # dict.get: feedparser would answer with 'updated'
    if not raw:
        return None
    raw = str(raw).strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    st = dict.get(entry, "published_parsed")
    return f"{st.tm_year:04d}-{st.tm_mon:02d}-{st.tm_mday:02d}" if st else None


def _content(entry: Any) -> tuple[str, str] | None:
    """The longest body the entry carries, as ``(value, mime type)``."""
    candidates: list[tuple[str, str]] = []
    for part in entry.get("content") or []:
        if part.get("value"):
            candidates.append((part["value"], part.get("type") or "text/html"))
    summary = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], summary.get("type") or "text/html"))
    if not candidates:
        return None
    return max(candidates, key=lambda c: len(c[0]))


def _plain(value: str, mime: str) -> str:
    """Text of an entry body: feeds mix HTML fragments and bare text under the same label."""
    if "html" not in mime or "<" not in value:
        return normalise(html_lib.unescape(value)) if "<" not in value else value.strip()
    try:
        fragment = lxml.html.fragment_fromstring(value, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for block in fragment.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    return normalise(re.sub(r"\n{3,}", "\n\n", fragment.text_content())).strip()


def _from_content(source: str, value: str, mime: str, link: str | None) -> RawDocument | IngestError:
    plain = _plain(value, mime)
    if "html" not in mime or "<" not in value:
        return RawDocument(source=source, format="rss", text=plain, url=link)
    doc = extract_document(source, f"<html><body><article>{value}</article></body></html>", url=link)
    if isinstance(doc, IngestError):
        # The feed already isolates the article, so a fragment too plain for trafilatura's
        # boilerplate model is still the article text.
        if not plain:
            return doc
        return RawDocument(source=source, format="rss", text=plain, html=value, url=link)
    doc.format = "rss"
    return doc


def _illegal(code: int) -> bool:
    return 0xD800 <= code <= 0xDFFF or code > 0x10FFFF or (code < 0x20 and code not in (0x9, 0xA, 0xD))


def _mark_bad_refs(data: bytes) -> bytes:
    def swap(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        return b"&#xFDD0;" if _illegal(code) else match.group()

    return _CHAR_REF.sub(swap, data)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _site_is_fallback(doc: RawDocument) -> bool:
    """trafilatura names the site after the host when a page has no site name of its own."""
    host = urlsplit(doc.url).hostname if doc.url else None
    return not doc.site or (host is not None and doc.site.lower() in {host, host.removeprefix("www.")})


def entry_key(entry: Any) -> str:
    """What identifies an entry across fetches of its feed: its id (RSS guid, Atom id), else its
    link, else a hash of its title and summary."""
    for field in ("id", "link"):
        value = entry.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    text = f"{entry.get('title') or ''}\n{entry.get('summary') or ''}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read(source: str, data: bytes, ctx: ReadContext, *, skip: Container[str] = frozenset()) -> Iterator[Item]:
    """Each entry of an RSS or Atom feed, except those whose :func:`entry_key` is in ``skip`` (a
    watcher's entries already read). Every document carries its entry's key in ``extra["entry"]``."""
    try:
        decode(data, declared=ctx.charset)
    except DecodeError as err:
        yield IngestError(source, str(err))
        return
    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    # The headers give feedparser the charset and, for a fetched feed, the base for relative links.
    headers = {"content-type": ctx.content_type} if ctx.content_type else {}
    if ctx.url:
        headers["content-location"] = ctx.url
    parsed = feedparser.parse(io.BytesIO(_mark_bad_refs(data)), response_headers=headers or None)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f" ({reason})" if reason else ""
        if parsed.get("version"):
            yield IngestError(source, f"feed has no entries{detail}")
        else:
            yield IngestError(source, f"not an RSS/Atom feed{detail}")
        return
    site = (parsed.feed.get("title") or "").replace(_BAD_REF_MARK, "\ufffd").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        if skip and entry_key(entry) in skip:
            continue
        name = _entry_name(source, number, entry)
        if any(_BAD_REF_MARK in text for text in _strings(dict(entry))):
            yield IngestError(name, "feed entry holds a character reference to a code point XML forbids "
                                    "(a surrogate or control character), not valid text")
            continue
        try:
            yield from _entry(source, number, entry, site, ctx)
        except Exception as err:  # a library bug on one entry must not cost the rest of the feed
            yield IngestError(name, f"feed entry could not be read ({type(err).__name__}: {err})")


def _entry_name(source: str, number: int, entry: Any) -> str:
    link = entry.get("link")
    return link.strip() if isinstance(link, str) and link.strip() else f"{source}#entry-{number}"


def _entry(source: str, number: int, entry: Any, site: str | None, ctx: ReadContext) -> Iterator[Item]:
    link = (entry.get("link") or "").strip() or None
    name = link or f"{source}#entry-{number}"
    title = " ".join((entry.get("title") or "").split()) or None
    published = entry_date(entry)
    extra = {"feed": source, "entry": entry_key(entry)}
    updated = dict.get(entry, "updated")
    if updated:
        extra["updated"] = str(updated)
    content = _content(entry)
    docs: list[Item]
    if content is not None and len(_plain(*content)) > SUBSTANTIAL_CHARS:
        docs = [_from_content(name, content[0], content[1], link)]
    elif link is not None and ctx.depth < MAX_FETCH_DEPTH:
        from storyline.ingest.url import read_url

        docs = list(read_url(link, ctx.at(depth=ctx.depth + 1)))
    elif content is not None and _plain(*content):
        docs = [_from_content(name, content[0], content[1], link)]
    else:
        docs = [IngestError(name, "feed entry has neither substantial content nor a link to fetch")]
    for doc in docs:
        if isinstance(doc, RawDocument):
            doc.format = "rss"
            doc.url = link or doc.url
            doc.title = title or doc.title
            doc.published = published or doc.published
            doc.site = site if site and _site_is_fallback(doc) else doc.site or site
            doc.path = ctx.path
            doc.extra = {**doc.extra, **extra}
        yield doc
