"""The store's contract, run against SQLite and a real PostgreSQL alike (fixture ``store_url``)."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
import string
import threading
from pathlib import Path

import pytest
from article_factory import make_article, marker
from sqlalchemy import create_engine, text

from storyline import model
from storyline.store import (
    AmbiguousId,
    ArticleNotFound,
    DatabaseUnavailable,
    InvalidArticle,
    SearchError,
    Store,
    StoreError,
    resolve_url,
)
from storyline.store.migrate import HEAD_REVISION, head_revision


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    with Store(store_url) as s:
        yield s


def article(body: str, **kw: object) -> model.Article:
    digest = model.content_hash(body)
    return model.Article(id=digest[:16], body=body, content_hash=digest, **kw)  # type: ignore[arg-type]


def test_round_trip_keeps_every_field(store: Store) -> None:
    originals = [make_article(n) for n in range(12)]
    assert store.add_articles(originals).added == [a.id for a in originals]
    for original in originals:
        assert store.get(original.id) == original
    assert store.articles() == originals
    unicode = article("Ünïcødé — «quotes», 한국어 텍스트\n\nsecond paragraph\twith a tab.", title="Ω")
    store.add_articles([unicode])
    assert store.get(unicode.id) == unicode


def test_same_article_is_stored_once(store: Store) -> None:
    batch = [make_article(n) for n in range(5)]
    first = store.add_articles([*batch, batch[0]])
    assert first.added == [a.id for a in batch]
    assert first.skipped == [batch[0].id]
    again = store.add_articles(batch)
    assert again.added == []
    assert again.skipped == [a.id for a in batch]
    assert store.count() == 5
    # whitespace-only differences hash the same: still one article
    respaced = article(batch[1].body.replace(" ", "  ", 3))
    assert respaced.id == batch[1].id
    assert store.add_articles([respaced]).skipped == [batch[1].id]


def test_a_failing_call_stores_nothing(store: Store) -> None:
    good = [make_article(n) for n in range(3)]
    broken = make_article(3)
    broken.teasers = [model.Teaser(None)]  # type: ignore[arg-type]  # headline NOT NULL
    with pytest.raises(StoreError):
        store.add_articles([*good, broken])
    assert store.count() == 0
    assert store.search(marker(0)) == []  # no full-text row survived the rollback either
    assert store.add_articles(good).added == [a.id for a in good]


def test_id_must_match_content_hash(store: Store) -> None:
    bad = dataclasses.replace(make_article(1), id="0" * 16)
    with pytest.raises(StoreError, match="content hash"):
        store.add_articles([bad])


def test_get_by_unique_prefix_and_clear_errors(store: Store) -> None:
    batch = [make_article(n) for n in range(40)]  # 40 ids over 16 first digits: some share one
    store.add_articles(batch)
    target = batch[7]
    prefix = next(
        target.id[:k] for k in range(1, 17) if sum(a.id.startswith(target.id[:k]) for a in batch) == 1
    )
    assert store.get(prefix) == target
    assert store.get(target.id.upper()) == target
    shared = next(a.id[0] for a in batch if sum(b.id[0] == a.id[0] for b in batch) > 1)
    with pytest.raises(AmbiguousId, match="ambiguous") as ambiguous:
        store.get(shared)
    assert len(ambiguous.value.candidates) > 1
    with pytest.raises(ArticleNotFound, match="no article"):
        store.get("f" * 16 if not any(a.id == "f" * 16 for a in batch) else "e" * 16)
    with pytest.raises(ArticleNotFound, match="hexadecimal"):
        store.get("not-an-id")
    with pytest.raises(ArticleNotFound):
        store.get("%")


def test_search_ranks_snippets_and_syntax(store: Store) -> None:
    batch = [make_article(n) for n in range(6)]
    strong = article(
        "The glacier retreated again. Scientists measured the glacier twice; the glacier lost mass.",
        title="Glacier retreat measured",
    )
    weak = article("A long report on budgets and ports mentions a glacier once among many other topics.")
    store.add_articles([*batch, strong, weak])

    hits = store.search("glacier")
    assert [h.article.id for h in hits] == [strong.id, weak.id]
    assert hits[0].score > hits[1].score
    assert "[glacier]" in hits[0].snippet.lower()
    assert hits[0].article == strong

    only = store.search(marker(3))
    assert [h.article.id for h in only] == [batch[3].id]
    assert [h.article.id for h in store.search("glaciers")] == [strong.id, weak.id]  # stemming
    assert [h.article.id for h in store.search('"lost mass"')] == [strong.id]
    assert [h.article.id for h in store.search('"mass lost"')] == []
    assert {h.article.id for h in store.search(f"{marker(1)} OR {marker(2)}")} == {batch[1].id, batch[2].id}
    assert [h.article.id for h in store.search("glacier -scientists")] == [weak.id]
    assert len(store.search("dispatch", limit=2)) == 2
    assert store.search("nothingmatchesthisword") == []
    # punctuation is text, never query syntax
    assert [h.article.id for h in store.search("glacier: (retreat) AND* NEAR")] == []
    assert store.search("retreat,") and store.search("glacier-retreat")


@pytest.mark.parametrize("query", ['"unclosed phrase', "-only -exclusions", "  ", "!!! ..."])
def test_bad_queries_raise_search_error(store: Store, query: str) -> None:
    with pytest.raises(SearchError):
        store.search(query)


def test_malformed_raw_query_is_a_clear_error(store: Store) -> None:
    store.add_articles([make_article(1)])
    with pytest.raises(SearchError, match="cannot run search query"):
        store.search("dispatch & | (", raw=True)
    raw = "Dispatch" if store.dialect == "sqlite" else "dispatch & !nothing"
    assert store.search(raw, raw=True)


def _report(articles: list[model.Article], label: str) -> model.Report:
    a, b = articles
    time = model.TimeExpr(
        "on Friday",
        10,
        19,
        "DATE",
        "2024-03-08",
        "2024-03-08",
        "2024-03-08",
        anchor="2024-03-05",
        anchor_kind="document",
    )
    claims = [
        model.Claim(
            id="c1",
            article_id=a.id,
            sentence=0,
            text=a.body[:20],
            span=(0, 20),
            predicate="open",
            agents=["e1"],
            time=time,
            place="Harbour",
            attribution="the council",
            quantities=[model.Quantity("about 300", 3, 12, 250.0, 350.0, "boats", approximate=True)],
            hedged=True,
            modality="may",
            event_type="opening",
            checkworthiness=0.7,
            entity_ids=["e1"],
        ),
        model.Claim(
            id="c2",
            article_id=b.id,
            sentence=1,
            text=b.body[5:30],
            span=(5, 30),
            quantities=[model.Quantity("over 12", 0, 7, 12.0, None, None)],
            section="teaser",
        ),
    ]
    return model.Report(
        articles=articles,
        claims=claims,
        entities=[
            model.Entity("e1", "Harbour Council", "ORG", aliases=["the council"], country="NZ", geonames_id=7)
        ],
        events=[
            model.Event(
                "ev1",
                label,
                model.EventTime("2024-03", "2024-03-01", "2024-03-31", "c1"),
                claim_ids=["c1", "c2"],
                article_ids=[a.id, b.id],
                participants=["e1"],
            )
        ],
        conflicts=[
            model.Conflict(
                "k1",
                "quantity",
                "attributed_estimates",
                [
                    model.ConflictValue("300", [a.id], ["c1"], ["about 300"], ["the council"], [(3, 12)]),
                    model.ConflictValue(">12", [b.id], ["c2"], ["over 12"], [], [(0, 7)]),
                ],
                "Two figures credited to different sources.",
                event_id="ev1",
                best_supported="300",
            )
        ],
        sources=[
            model.SourceProfile(a.id, "news.example.org", 1, 0, 1.0, ["exclamation"]),
            model.SourceProfile(b.id, None, 1, 1, 0.0),
        ],
    )


def test_report_round_trip_and_replacement(store: Store, store_url: str) -> None:
    pair = [make_article(1), make_article(2)]
    first = _report(pair, "first run")
    first_id = store.save_report(first)
    assert store.count() == 2  # the report's articles are stored with it
    assert store.load_report([a.id for a in reversed(pair)]) == first
    second = _report(pair, "second run")
    second_id = store.save_report(second)
    assert store.load_report() == second
    assert second_id != first_id
    other = _report([make_article(3), make_article(4)], "other articles")
    store.save_report(other)
    assert store.load_report() == other
    assert store.load_report([a.id for a in pair]) == second
    assert store.load_report(["0" * 16]) is None

    engine = create_engine(Store(store_url).url)  # count rows directly: nothing duplicated
    with engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("analyses", "claims", "events", "conflicts", "sources", "entities", "articles")
        }
    engine.dispose()
    assert counts == {
        "analyses": 2,
        "claims": 4,
        "events": 2,
        "conflicts": 2,
        "sources": 4,
        "entities": 2,
        "articles": 4,
    }


def test_reopen_is_current_and_keeps_data(store_url: str) -> None:
    with Store(store_url) as s:
        s.add_articles([make_article(1)])
    with Store(store_url) as s:
        assert s.count() == 1
        with s.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
            )


def test_concurrent_writers_on_a_fresh_database(store_url: str) -> None:
    """Four threads open a new store at once (one migration wins) and ingest overlapping batches."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(k: int) -> None:
        try:
            barrier.wait()
            with Store(store_url) as s:
                for start in range(0, 20, 5):
                    s.add_articles([make_article(n) for n in range(start + k, start + k + 5)])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    with Store(store_url) as s:
        assert sorted(a.id for a in s.articles()) == sorted(make_article(n).id for n in range(23))


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_plain_path_sqlite_url_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        s.add_articles([make_article(1)])
    with Store(str(tmp_path / "u.db")) as s:
        assert s.count() == 1
    monkeypatch.chdir(tmp_path)
    with Store() as s:
        assert s.count() == 0
    assert (tmp_path / "storyline.db").exists()
    assert sqlite3.connect(tmp_path / "storyline.db").execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@localhost/db", "unsupported database 'mysql'"),
        ("nosuchdb://x/y", "unsupported database"),
        ("postgresql://nobody:secret@127.0.0.1:9/db", "cannot open database"),
        ("sqlite:////nonexistent-dir/deeper/x.db", "cannot open database"),
    ],
)
def test_bad_database_urls_are_one_line_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        Store(url)
    assert "\n" not in str(caught.value)
    assert "secret" not in str(caught.value)


def test_report_keeps_the_dates_the_analysis_settled_on(store: Store) -> None:
    pair = [make_article(0), make_article(3)]  # both undated at ingest
    store.add_articles(pair)
    inferred = model.PublishedDate(None, "inferred", "2023-05-01", "2023-06-30", "read off the text")
    dated = [dataclasses.replace(pair[0], published=inferred), pair[1]]
    report = _report(dated, "dated")
    store.save_report(report)
    assert store.load_report() == report
    assert store.get(pair[0].id).published == model.PublishedDate()  # the ingested article is untouched


def test_upgrade_from_the_first_schema_keeps_data(store_url: str) -> None:
    from alembic import command

    from storyline.store.migrate import alembic_config

    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO articles (id, content_hash, format, body, ingested_at) "
                "VALUES ('00aa', 'h00aa', 'text', 'An older harbour record.', CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()
    with Store(store_url) as s:
        assert s.get("00aa").body == "An older harbour record."
        assert [h.article.id for h in s.search("harbour")] == ["00aa"]
        with s.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
            )


def test_head_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == HEAD_REVISION


def test_a_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with Store(db):
        pass
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"revision 9999.*upgrade Storyline"):
        Store(db)


def test_nul_characters_are_refused_on_both_backends(store: Store) -> None:
    good = make_article(1)
    bad = article("A line with a \x00 inside.", title="nul")
    with pytest.raises(InvalidArticle, match="NUL character") as caught:
        store.add_articles([good, bad])
    assert caught.value.name == bad.id
    assert store.count() == 0
    teaser = make_article(2)
    teaser.teasers = [model.Teaser("Head\x00line")]
    with pytest.raises(InvalidArticle):
        store.add_articles([teaser])


@pytest.mark.parametrize("url", [":memory:", "sqlite://"])
def test_in_memory_store(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store(url) as s:
        s.add_articles([make_article(1)])
        assert [h.article.id for h in s.search(marker(1))] == [make_article(1).id]
    assert list(tmp_path.iterdir()) == []  # nothing written to disk


def test_write_refused_by_the_database_is_database_unavailable(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    with Store(db) as s:
        s.add_articles([make_article(1)])
    with Store(f"sqlite:///file:{db}?mode=ro&uri=true") as s:
        with pytest.raises(DatabaseUnavailable, match="readonly"):
            s.add_articles([make_article(2)])
        assert s.count() == 1


def test_a_huge_body_is_stored_and_searchable(store: Store) -> None:
    """Far beyond any article (PostgreSQL indexes its first 250,000 characters)."""
    rng = random.Random(7)
    tokens = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 10))) for _ in range(150_000)
    ]
    huge = article("Opening words about the lighthouse. " + " ".join(tokens))
    assert store.add_articles([huge]).added == [huge.id]
    assert store.get(huge.id) == huge
    assert [h.article.id for h in store.search("lighthouse")] == [huge.id]


def test_migrations_build_exactly_the_declared_schema(store: Store) -> None:
    """schema.py (what queries use) and the migrations (what builds databases) never drift apart."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storyline.store.migrate import include_object
    from storyline.store.schema import metadata

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, metadata) == []


def _non_default(cls: type, salt: str) -> object:
    """An instance of a model dataclass with every field set away from its default."""
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        kind = str(f.type)
        if kind.startswith("bool"):
            values[f.name] = True
        elif kind.startswith("int"):
            values[f.name] = 7
        elif kind.startswith("list[str]"):
            values[f.name] = [f"{f.name} {salt} 1", f"{f.name} {salt} 2"]
        elif kind.startswith("list[Teaser]"):
            values[f.name] = [_non_default(model.Teaser, salt)]
        elif kind.startswith("list[RemovedPart]"):
            values[f.name] = [_non_default(model.RemovedPart, salt)]
        elif kind.startswith("PublishedDate"):
            values[f.name] = _non_default(model.PublishedDate, salt)
        elif "Literal" in kind or kind.startswith(("DateSource", "Section")):
            continue  # set below where the model constrains the value
        elif "str" in kind:
            values[f.name] = f"{f.name} {salt}"
        else:
            raise AssertionError(f"add a value for {cls.__name__}.{f.name}: {kind}")
    return cls(**values)


def test_every_model_field_survives_the_store(store: Store) -> None:
    """Fails when a field is added to Article or its parts and the store does not keep it."""
    body = "Every field of this article is set."
    digest = model.content_hash(body)
    full = _non_default(model.Article, "x")
    assert isinstance(full, model.Article)
    full = dataclasses.replace(full, id=digest[:16], body=body, content_hash=digest, format="html")
    full.published.source = "dateline"
    for f in dataclasses.fields(model.Article):
        assert getattr(full, f.name) != f.default or f.name == "format", f.name
    store.add_articles([full])
    assert store.get(full.id) == full
