"""Properties over arbitrary input: any article round-trips, any query is either run or refused."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy import text as sql

from storyline import model
from storyline.store import SearchError, Store

text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=200)
maybe = st.none() | text


SAMPLES = [("Flood barrier closed at the river mouth.", "Barrier"), ("Ferry: late again.", None)]


def _drop(admin: Engine) -> None:
    with admin.connect() as conn:
        conn.execute(sql("DROP SCHEMA props CASCADE"))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """One store per backend for the whole module (a schema of its own on PostgreSQL)."""
    with tempfile.TemporaryDirectory() as tmp:
        if request.param == "sqlite":
            url = str(Path(tmp) / "p.db")
        else:
            server: str = request.getfixturevalue("postgres_server")
            admin = request.getfixturevalue("postgres_admin")
            with admin.connect() as conn:
                conn.execute(sql("CREATE SCHEMA props"))
            request.addfinalizer(lambda: _drop(admin))
            url = f"{server}?options=-csearch_path%3Dprops"
        with Store(url) as store:
            store.add_articles(
                [
                    model.Article(
                        id=model.content_hash(b)[:16], body=b, content_hash=model.content_hash(b), title=t
                    )
                    for b, t in SAMPLES
                ]
            )
            yield store


@st.composite
def articles(draw: st.DrawFn) -> model.Article:
    body = draw(text.filter(lambda s: s.strip() != ""))
    digest = model.content_hash(body)
    return model.Article(
        id=digest[:16],
        body=body,
        content_hash=digest,
        path=draw(maybe),
        url=draw(maybe),
        title=draw(maybe),
        raw_title=draw(maybe),
        author=draw(maybe),
        site=draw(maybe),
        format=draw(st.sampled_from(["text", "html"])),
        published=model.PublishedDate(
            draw(maybe),
            draw(st.sampled_from([None, "metadata", "dateline", "inferred"])),
            draw(maybe),
            draw(maybe),
            draw(maybe),
        ),
        teasers=draw(st.lists(st.builds(model.Teaser, text, maybe), max_size=3)),
        highlights=draw(st.lists(text, max_size=3)),
        removed=draw(
            st.lists(st.builds(model.RemovedPart, text, text, st.none() | st.integers(0, 10**6)), max_size=3)
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_any_article_round_trips(any_store: Store, article: model.Article) -> None:
    result = any_store.add_articles([article])
    if result.added:
        assert any_store.get(article.id) == article


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.lists(
        st.sampled_from(
            [
                "a",
                "b",
                "-",
                '"',
                "(",
                ")",
                "*",
                ":",
                "^",
                "+",
                ".",
                ",",
                " ",
                "OR",
                "or",
                "AND",
                "NOT",
                "NEAR",
                "NEAR/2",
                "{",
                "}",
                "é",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_any_query_runs_or_is_refused_clearly(any_store: Store, query: str) -> None:
    try:
        hits = any_store.search(query)
    except SearchError as exc:
        assert "cannot run" not in str(exc)  # refused by our parser, never a database syntax error
    else:
        assert all(isinstance(h.score, float) for h in hits)
