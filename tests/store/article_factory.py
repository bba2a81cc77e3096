"""Deterministic synthetic articles for store tests (our own words, no seed text).

Also importable by the subprocesses of the kill test, so it has no pytest dependency.
"""

from __future__ import annotations

import random

from storyline.model import Article, PublishedDate, RemovedPart, Teaser, content_hash

VOCABULARY = [
    "council",
    "harbour",
    "bridge",
    "ferry",
    "storm",
    "minister",
    "budget",
    "vote",
    "river",
    "festival",
    "school",
    "rail",
    "strike",
    "museum",
    "drought",
    "flood",
    "mayor",
    "court",
    "ruling",
    "inquiry",
    "report",
    "hospital",
    "airport",
    "tunnel",
    "market",
    "farmers",
    "harvest",
    "wildfire",
    "coastguard",
    "rescue",
    "village",
    "election",
    "turnout",
    "protest",
    "treaty",
]


def marker(n: int) -> str:
    """A token that occurs in article ``n`` only, so a search can find exactly that article."""
    return f"zq{n:06d}marker"


def make_article(n: int, *, words: int = 80) -> Article:
    rng = random.Random(n)
    sentences = []
    for _ in range(max(1, words // 10)):
        sentences.append(" ".join(rng.choice(VOCABULARY) for _ in range(10)).capitalize() + ".")
    body = f"Dispatch {n}: {marker(n)} — the café reopened.\n\n" + " ".join(sentences)
    digest = content_hash(body)
    published = [
        PublishedDate(),
        PublishedDate(value=f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}", source="metadata"),
        PublishedDate(
            value="2024-02",
            source="dateline",
            earliest="2024-02-01",
            latest="2024-02-29",
            note="portal page date, not necessarily the article's",
        ),
    ][n % 3]
    return Article(
        id=digest[:16],
        body=body,
        content_hash=digest,
        path=f"/corpus/dispatch-{n}.txt" if n % 2 else None,
        url=None if n % 2 else f"https://news.example.org/{n}",
        title=f"Dispatch number {n}",
        raw_title=f"NEWS | Dispatch number {n}" if n % 5 == 0 else None,
        author="Desk writer" if n % 4 == 0 else None,
        site="news.example.org" if n % 2 == 0 else None,
        published=published,
        teasers=[Teaser(f"Other story {n}.{i}", None if i % 2 else f"Summary {i}") for i in range(n % 3)],
        highlights=[f"Highlight {n}.{i}" for i in range(n % 2)],
        removed=[
            RemovedPart(f"Share this page {i}", "furniture", i + 1 if i % 2 else None) for i in range(n % 4)
        ],
        format=["text", "html", "jsonl"][n % 3],
    )
