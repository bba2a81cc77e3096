"""The story page of a 2,000-article story, as a ratio to reading that story's report from the
store, in the same run.

    .venv/bin/python bench/web.py [--articles 2000] [--rounds 7]

SYNTHETIC SCALE-UP OF A REAL ANALYSIS. Analysing 2,000 articles takes most of an hour here, so
the story is built honestly but not fully: the bundled example corpus (examples/corpus, ours) is
analysed by the real pipeline into a temporary store, then its stored report is replicated
until it holds ``--articles`` articles. Each copy gets fresh ids: every article (its body plus
a line naming the copy, so its content hash and id are its own), and every claim, event,
conflict and source profile pointing at it. Entities stay shared. So events and conflicts grow
with the articles (about 15 events per article here), more than a real story's would, where a
new article mostly joins events already told: the page gets a heavier timeline than a real
2,000-article story would give it. The copies are saved as the story's one analysis and the
story's update recorded, as ``storyline add`` does.

Timed, in interleaved rounds, median of each (this process's CPU time, which covers the app's
threads, so other processes on a shared machine skew neither side; wall time printed too):
- reading the report from the store (``storyline.stories.story_report``), the baseline;
- the story page through the ASGI app (Starlette's TestClient): once cold (a fresh app, so the
  report is read and indexed), then warm (the app keeps a story's report per update).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from timeit import default_timer as wall_clock
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
STORY = "big story"


def analysed(db: str) -> Any:
    """The example corpus analysed by the real pipeline, as a stored story; its report."""
    from storyline.stories import Stories

    with Stories(db) as stories:
        update = stories.add("seed", [str(CORPUS)])
        if update.errors or not update.added:
            raise SystemExit(f"cannot analyse {CORPUS}: {update.errors}")
        return stories.report("seed")


def scaled(report: Any, articles: int) -> Any:
    """``report`` replicated with fresh ids until it holds ``articles`` articles."""
    from storyline.model import Report, content_hash

    out = Report(entities=list(report.entities))
    copies = -(-articles // len(report.articles))
    for n in range(copies):
        ids: dict[str, str] = {}
        for a in report.articles:
            if len(out.articles) == articles:
                break
            body = f"{a.body}\n\n(Synthetic copy {n} of this article, for bench/web.py.)"
            digest = content_hash(body)
            ids[a.id] = digest[:16]
            out.articles.append(replace(a, id=digest[:16], body=body, content_hash=digest))
        claim = {c.id: f"{c.id}~{n}" for c in report.claims if c.article_id in ids}
        out.claims += [replace(c, id=claim[c.id], article_id=ids[c.article_id],
                               parent=claim.get(c.parent or "", c.parent)) for c in report.claims if c.id in claim]
        event = {}
        for e in report.events:
            kept = [claim[i] for i in e.claim_ids if i in claim]
            if kept:
                event[e.id] = f"{e.id}~{n}"
                out.events.append(replace(e, id=event[e.id], claim_ids=kept,
                                          article_ids=[ids[i] for i in e.article_ids if i in ids]))
        for c in report.conflicts:
            values = [replace(v, claim_ids=[claim[i] for i in v.claim_ids if i in claim],
                              article_ids=[ids[i] for i in v.article_ids if i in ids]) for v in c.values]
            if all(v.claim_ids for v in values):
                out.conflicts.append(replace(c, id=f"{c.id}~{n}", values=values,
                                             event_id=event.get(c.event_id or "", c.event_id)))
        out.sources += [replace(s, article_id=ids[s.article_id]) for s in report.sources if s.article_id in ids]
    return out


def store_story(db: str, report: Any) -> None:
    """Save ``report`` as the analysis of the story STORY, as an update by ``storyline add`` does."""
    from storyline.extraction import extraction_version
    from storyline.store import Store
    from storyline.store.stories import story_key
    from storyline.stories import summary

    store = Store(db)
    try:
        store.add_articles(report.articles)
        store.add_to_story(STORY, [a.id for a in report.articles])
        store.save_report(report, key=story_key(STORY), then=lambda conn: store.record_update(
            conn, STORY, summary(report, extraction_version()), {"synthetic": True}))
    finally:
        store.close()


def cpu_clock() -> float:
    """This process's CPU time, every thread's (``time`` is not imported: bench/time.py is)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(work: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = cpu_clock(), wall_clock()
    work()
    return cpu_clock() - cpu, wall_clock() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from storyline.store import Store
    from storyline.stories import story_report
    from storyline.web import create_app

    with tempfile.TemporaryDirectory(prefix="storyline-web-bench-") as tmp:
        db = f"sqlite:///{Path(tmp) / 'web.db'}"
        seed = analysed(db)
        big = scaled(seed, args.articles)
        store_story(db, big)
        print(f"SYNTHETIC scale-up of a real analysis: {len(seed.articles)} articles of examples/corpus analysed "
              f"({len(seed.claims)} claims, {len(seed.events)} events, {len(seed.conflicts)} conflicts), "
              f"replicated with fresh ids to {len(big.articles)} articles, {len(big.claims)} claims, "
              f"{len(big.events)} events, {len(big.conflicts)} conflicts")

        url = "/stories/" + STORY.replace(" ", "%20")
        store = Store(db)

        def read() -> None:
            assert len(story_report(store, STORY).articles) == len(big.articles)

        def page(client: TestClient) -> Callable[[], None]:
            def get() -> None:
                r = client.get(url)
                assert r.status_code == 200 and 'id="timeline"' in r.text, r.status_code
                sizes.append(len(r.content))
            return get

        sizes: list[int] = []
        reads, cold, warm = [], [], []
        read()  # warm-up: imports, the connection pool
        for _ in range(args.rounds):
            reads.append(timed(read))
            with TestClient(create_app(db)) as client:
                get = page(client)
                cold.append(timed(get))
                warm += [timed(get), timed(get)]
        store.close()

    def med(values: list[tuple[float, float]], i: int) -> float:
        return statistics.median(v[i] for v in values)

    base = med(reads, 0)
    print(f"median of {args.rounds} rounds, CPU s (wall s); page {max(sizes) / 1e6:.2f} MB of HTML")
    print(f"  read the report from the store: {base:.3f} ({med(reads, 1):.3f})")
    print(f"  story page, cold (read + index + render): {med(cold, 0):.3f} ({med(cold, 1):.3f})  "
          f"{med(cold, 0) / base:.2f}x the read")
    print(f"  story page, warm (report kept per update): {med(warm, 0):.3f} ({med(warm, 1):.3f})  "
          f"{med(warm, 0) / base:.2f}x the read")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
