"""The store's tables, as SQLAlchemy Core metadata.

The queries in ``storyline.store.store`` are built from these objects; the schema itself is
created by the Alembic migrations in ``storyline/store/migrations`` (which are frozen copies, so
that an old database can be upgraded step by step). The full-text index is dialect-specific and
lives only in the migrations: an FTS5 table ``articles_fts`` on SQLite, a generated ``search``
tsvector column on PostgreSQL.

Child rows (teasers, removed parts, analysis results) reference their parent with
``ON DELETE CASCADE`` so that replacing a parent never leaves orphans.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

#: JSON on SQLite, JSONB (indexable, compact) on PostgreSQL.
Json = JSON().with_variant(JSONB(), "postgresql")

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("path", Text),
    Column("url", Text),
    Column("title", Text),
    Column("raw_title", Text),
    Column("author", Text),
    Column("site", Text),
    Column("format", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("published_value", Text),
    Column("published_source", Text),
    Column("published_earliest", Text),
    Column("published_latest", Text),
    Column("published_note", Text),
    Column("published_portal", Boolean, nullable=False, server_default=false()),
    Column("published_month_day", Text),  # migration 0009
    Column("ingested_at", DateTime(timezone=True), nullable=False, index=True),
    # insertion order (migration 0005): a sequence default on PostgreSQL, set by the store on SQLite
    Column("seq", BigInteger, index=True),
)


def _article_fk() -> Column[str]:
    return Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


teasers = Table(
    "teasers",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True),
    Column("headline", Text, nullable=False),
    Column("summary", Text),
)

highlights = Table(
    "highlights",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)

removed_parts = Table(
    "removed_parts",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("line", Integer),
)

# One analysis run over a set of articles. ``key`` is derived from the sorted article ids, so a
# second analysis of the same articles replaces the first instead of piling up next to it.
analyses = Table(
    "analyses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("article_ids", Json, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # the PublishedDate the analysis used for each article (aligned with article_ids), since the
    # time stage may date what ingest could not; the ingested article itself stays as read
    Column("published", Json),
    sqlite_autoincrement=True,
)


def _analysis_fk() -> Column[int]:
    return Column("analysis_id", Integer, ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True)


claims = Table(
    "claims",
    metadata,
    _analysis_fk(),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("predicate", Text),
    Column("agents", Json, nullable=False),
    Column("patients", Json, nullable=False),
    Column("time", Json),
    Column("place", Text),
    Column("quantities", Json, nullable=False),
    Column("attribution", Text),
    Column("hedged", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", Text),
    Column("event_type", Text),
    Column("section", Text, nullable=False),
    Column("checkworthiness", Float, nullable=False),
    Column("entity_ids", Json, nullable=False),
    Column("trigger", Json),
    Column("parent", Text),
)

entities = Table(
    "entities",
    metadata,
    _analysis_fk(),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("aliases", Json, nullable=False),
    Column("country", Text),
    Column("geonames_id", Integer),
)

events = Table(
    "events",
    metadata,
    _analysis_fk(),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("time", Json, nullable=False),
    Column("claim_ids", Json, nullable=False),
    Column("article_ids", Json, nullable=False),
    Column("event_type", Text),
    Column("place", Text),
    Column("participants", Json, nullable=False),
    Column("timeline", Boolean, nullable=False, server_default=true()),
    Column("salience", Float, nullable=False, server_default="0"),
    Column("placement", Text),
)

conflicts = Table(
    "conflicts",
    metadata,
    _analysis_fk(),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("slot", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("values", Json, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("event_id", Text),
    Column("best_supported", Text),
)

sources = Table(
    "sources",
    metadata,
    _analysis_fk(),
    Column("position", Integer, primary_key=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("outlet", Text),
    Column("claims", Integer, nullable=False),
    Column("conflicts_with_consensus", Integer, nullable=False),
    Column("attribution_rate", Float, nullable=False),
    Column("sensational_signals", Json, nullable=False),
)

# -- stories and stored extractions (migration 0007) ---------------------------------------------

# One article's per-article extraction (``storyline.extraction``): kept once per content hash and
# extraction version, so that no article is parsed twice; another version re-extracts lazily.
extractions = Table(
    "extractions",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("version", String(16), primary_key=True),
    Column("article_id", String(16), nullable=False, index=True),
    Column("published", Json, nullable=False),
    Column("sentences", Json, nullable=False),
    Column("times", Json, nullable=False),
    Column("mentions", Json, nullable=False),
    Column("doc", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Claims of one extraction built under one story context (``extraction.context_key``).
claim_sets = Table(
    "claim_sets",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("version", String(16), primary_key=True),
    Column("context", String(32), primary_key=True),
    Column("claims", Json, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True)),
    # what the last analysis said, for telling what the next one changed (event and conflict ids)
    Column("summary", Json),
    sqlite_autoincrement=True,
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

# What each update of a story changed: new articles, new events, new conflicts, changed consensus.
story_changes = Table(
    "story_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("change", Json, nullable=False),
    sqlite_autoincrement=True,
)

# What `storyline watch` knows of each feed of a story (migration 0008): the last response's
# validators for conditional requests, and the entries already read (entry key -> article id).
feed_state = Table(
    "feed_state",
    metadata,
    Column("story", Text, primary_key=True),
    Column("feed", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("seen", Json, nullable=False),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("polled_at", DateTime(timezone=True)),
)
