"""Stories over a real store (SQLite and PostgreSQL) with the real spaCy model: an incrementally
updated story equals a from-scratch analysis; adding twice is a no-op; a new extraction version
re-extracts lazily; parallel extraction gives the same extractions."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline import extraction, reconcile
from storyline.cli.main import app
from storyline.ingest import ingest
from storyline.model import Article
from storyline.pipeline import analyze_articles
from storyline.reconcile import attributes, facts, figure_reading
from storyline.reconcile import memo as per_article
from storyline.report import render
from storyline.store import Store
from storyline.stories import Stories, add_articles, bring_up_to_date, story_report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    """Our own invented stories (examples and red-team corpora), read and cleaned once."""
    found, errors = ingest([str(ROOT / "examples" / "corpus"), str(ROOT / "tests" / "data" / "redteam" / "corpus")])
    assert not errors
    unique = list({a.id: a for a in found}.values())
    return unique[:8]


def test_a_story_updated_article_by_article_equals_a_from_scratch_analysis(
    store_url: str, articles: list[Article]
) -> None:
    with Store(store_url) as store:
        first = add_articles(store, "dam", articles[:5])
        assert first.parsed == 5 and first.analysed and first.new_events
        for n, article in enumerate(articles[5:], start=6):
            update = add_articles(store, "dam", [article])
            assert update.added == [article.id] and update.parsed == 1  # only the new one is parsed
            assert update.report is not None
            assert len(update.report.articles) == n
            # the stored analysis was changed in place: the new article's claims, not every claim
            assert 0 < update.written["claims"] < len(update.report.claims)
        scratch = analyze_articles(articles)
        assert update.report is not None
        assert render(update.report, "json") == render(scratch, "json")
        # the stored analysis is the one updated in place, equal to the from-scratch one stored
        stored = story_report(store, "dam")
        store.save_report(scratch)
        assert render(stored, "json") == render(store.load_report([a.id for a in articles]), "json")  # type: ignore[arg-type]
        assert len(store.story_history("dam")) == 1 + len(articles[5:])


class _Forgetful(dict):  # type: ignore[type-arg]
    """A frame memo that keeps nothing: every document's frames are computed."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def test_remembered_frames_and_decoded_rows_give_what_computing_them_afresh_gives(
    store_url: str, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update reuses the frames of unchanged documents (``reconcile``), the per-article results
    of the conflict checks (``reconcile.memo``) and the store's decoded extractions and claim
    sets; its report equals one computed with none of them, from scratch."""
    reconcile._frame_memo.clear()
    per_article.clear_all()
    hits: list[bool] = []
    fingerprint = reconcile._fingerprint

    def counted(d: object) -> bytes:
        key = fingerprint(d)  # type: ignore[arg-type]
        hits.append(key in reconcile._frame_memo)
        return key

    monkeypatch.setattr(reconcile, "_fingerprint", counted)
    with Store(store_url) as store:
        add_articles(store, "dam", articles[:6])
        # the first update sees claims decoded from the store, no longer those just built (the
        # same values, other objects shared between them): a memo miss, never a wrong hit
        add_articles(store, "dam", articles[6:7])
        hits.clear()
        update = add_articles(store, "dam", articles[7:8])
        assert update.report is not None and update.parsed == 1
        assert sum(hits) >= max(1, 7 - update.rebuilt)  # the unchanged documents' frames were not computed again
        memo = store._decoded()
        assert any(k[0] == "x" for k in memo.items) and any(k[0] == "c" for k in memo.items)
        # what the memo gives is fresh objects equal to what the rows decode to
        first = store.extractions(articles[:8], extraction.extraction_version())
        again = store.extractions(articles[:8], extraction.extraction_version())
        assert first == again and all(first[h] is not again[h] for h in first)
        with Store(store_url) as cold:  # its memo is empty: it decodes the rows
            assert cold.extractions(articles[:8], extraction.extraction_version()) == first
        # the collector is handed back as it was: nothing left frozen, collection on
        assert gc.isenabled() and gc.get_freeze_count() == 0
    # the per-article memos of the conflict checks were used by the update...
    assert len(facts._miscalled) and len(attributes._values) and len(figure_reading._counted)
    # ... and the analysis from scratch remembers nothing at all
    monkeypatch.setattr(reconcile, "_frame_memo", _Forgetful())
    with per_article.forgetting():
        scratch = analyze_articles(articles)
    assert render(update.report, "json") == render(scratch, "json")


def test_adding_an_article_twice_is_a_no_op_that_says_so(store_url: str, articles: list[Article]) -> None:
    with Store(store_url) as store:
        add_articles(store, "dam", articles[:2])
        again = add_articles(store, "dam", [articles[1], articles[1]])
        assert again.added == [] and again.already == [articles[1].id, articles[1].id]
        assert not again.analysed and "nothing new" in " ".join(again.describe())
        assert [a.id for a in store.story_articles("dam")] == [a.id for a in articles[:2]]
        assert len(store.story_history("dam")) == 1
        # the same article in another story is stored once and parsed once
        other = add_articles(store, "other", [articles[1]])
        assert other.added == [articles[1].id] and other.parsed == 0
        listed = {s.name: s.articles for s in store.stories()}
        assert listed == {"dam": 2, "other": 1}


def test_a_new_extraction_version_re_extracts_lazily(
    store_url: str, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(store_url) as store:
        add_articles(store, "dam", articles[:2])
        before = render(story_report(store, "dam"), "json")
        monkeypatch.setattr(extraction, "extraction_version", lambda: "changed-version")  # as if the code changed
        update = bring_up_to_date(store, "dam")
        assert update.analysed and update.parsed == 2
        assert set(store.extractions(articles[:2], "changed-version")) == {a.content_hash for a in articles[:2]}
        assert render(story_report(store, "dam"), "json") == before
        assert not (update.new_events or update.gone_events or update.new_conflicts or update.changed_consensus)
        assert not bring_up_to_date(store, "dam").analysed  # now current: nothing to do


def test_parallel_extraction_gives_the_same_extractions(articles: list[Article]) -> None:
    one = list(extraction.extract_stream(articles[:4], n_process=1))
    two = list(extraction.extract_stream(articles[:4], n_process=2))
    assert [(e.article_id, e.raw, e.sentences, e.times, e.published) for e in one] == [
        (e.article_id, e.raw, e.sentences, e.times, e.published) for e in two
    ]


def test_the_cli_adds_lists_and_reports_a_story(tmp_path: Path) -> None:
    corpus = ROOT / "examples" / "corpus"
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    first = runner.invoke(app, ["add", str(corpus / "01_continental_today_portal.txt"), "--story", "dam", "--db", db])
    assert first.exit_code == 0, first.output
    assert "added 1 article(s)" in first.stdout and "new event(s)" in first.stdout
    bad = runner.invoke(app, ["add", str(tmp_path / "missing.txt"), str(corpus / "01_continental_today_portal.txt"),
                              str(corpus / "02_castrel_herald.txt"), "--story", "dam", "--db", db])
    assert bad.exit_code == 1
    errors = [line for line in bad.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "missing.txt" in errors[0]
    assert "already in story dam; not added again" in bad.stderr
    assert "added 1 article(s), 1 already in the story, 1 input(s) failed" in bad.stdout
    listing = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listing.exit_code == 0 and '"articles": 2' in listing.stdout
    out = tmp_path / "r.md"
    report = runner.invoke(app, ["report", "--story", "dam", "--db", db, "--out", str(out)])
    assert report.exit_code == 0 and out.read_text(encoding="utf-8").strip()
    unknown = runner.invoke(app, ["report", "--story", "nope", "--db", db, "--out", str(out)])
    assert unknown.exit_code == 1 and "no story named 'nope'" in unknown.stderr


def test_the_python_api_mirrors_the_cli(tmp_path: Path) -> None:
    corpus = ROOT / "examples" / "corpus"
    with Stories(str(tmp_path / "api.db")) as db:
        update = db.add("dam", [str(corpus / "02_castrel_herald.txt")])
        assert update.added and db.stories()[0].articles == 1
        assert db.report("dam").articles[0].id == update.added[0]
        assert db.history("dam")[0][1]["added"] == update.added


def test_the_collector_pause_survives_a_library_turning_it_on_and_everything_is_handed_back() -> None:
    """Loading a stored parse (srsly's msgpack) calls ``gc.enable()``: inside ``collector_paused``
    no automatic pass runs all the same; thresholds, the enabled flag and frozen objects are as
    they were afterwards, also when blocks nest."""
    from storyline import analysis

    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    with analysis.collector_paused():
        gc.enable()  # what the library does
        assert gc.get_threshold()[0] == 0
        with analysis.collector_paused():
            assert not gc.isenabled() and gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == thresholds and gc.isenabled() == enabled
    with analysis.collector_sparing():
        with analysis.collector_paused():
            kept = [[] for _ in range(1000)]
        assert gc.get_freeze_count() >= len(kept)  # set aside: the collector's passes skip them
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds and gc.isenabled() == enabled


def test_the_json_report_written_item_by_item_is_the_rendered_text(articles: list[Article], tmp_path: Path) -> None:
    """``write_report`` streams JSON (``storyline analyze``'s peak was the whole text and its dict
    tree at once): the file holds exactly what ``render`` gives, for a report and an empty one."""
    from storyline.model import Report
    from storyline.report import write_report

    for report in (analyze_articles(articles[:3]), Report()):
        path = write_report(report, tmp_path / "r.json")
        assert path.read_text(encoding="utf-8") == render(report, "json")
