"""The feed watcher against a real HTTP server on loopback and a real SQLite store: new entries,
304 Not Modified, feeds that fail (500, a deadline passed), back-off, resuming, and a real
`storyline watch` process stopped by SIGINT or SIGTERM."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedSite, serving

from storyline.follow.feedstate import FeedStates
from storyline.follow.watch import StoreSink, Watcher
from storyline.store import Store
from storyline.stories import story_report

SCRIPT = Path(sys.executable).parent / "storyline"
WAIT = 120  # seconds: a safety bound on waiting for a child process, never a measured time


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serving(FeedSite()) as served:
        yield served


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "watch.db") as opened:
        yield opened


def _watch(store: Store, feeds: list[str], *, cycles: int, analyse: bool = False, every: float = 0.01,
           cap: float = 0.05) -> tuple[list[str], list[str], int]:
    said: list[str] = []
    warned: list[str] = []
    states = FeedStates(store)
    sink = StoreSink(store, states, "ferry strike", analyse=analyse, say=said.append, warn=warned.append)
    watcher = Watcher("ferry strike", feeds, states, sink, every, cap=cap, allow_private=True, timeout=0.5,
                      say=said.append, warn=warned.append)
    passes = watcher.run(threading.Event(), cycles=cycles)
    return said, warned, passes


def test_new_entries_then_304_then_only_the_new_entry(site: FeedSite, store: Store) -> None:
    site.teasers = {1}  # entry 1 carries a teaser only: its page is fetched
    feed = f"{site.base}/feed.xml"
    said, warned, _ = _watch(store, [feed], cycles=1)
    assert warned == []
    assert f"{feed}: 2 new article(s)" in said
    assert store.count() == 2 and site.requests["/page/1.html"] == 1
    state = FeedStates(store).load("ferry strike", feed)
    assert state.etag and state.last_modified and sorted(state.seen) == ["strike-0", "strike-1"]

    said, warned, _ = _watch(store, [feed], cycles=1)  # a new watcher: resumes from the stored state
    assert site.not_modified == 1 and store.count() == 2 and warned == []
    assert not any("new article(s)" in line and ": 0 new" not in line for line in said if line.startswith(feed))

    site.entries.append(2)
    said, _, _ = _watch(store, [feed], cycles=1)
    assert f"{feed}: 1 new article(s)" in said
    assert store.count() == 3 and site.requests["/page/1.html"] == 1  # entry 1 is not read again
    assert sorted(FeedStates(store).load("ferry strike", feed).seen) == ["strike-0", "strike-1", "strike-2"]


def test_a_failing_feed_backs_off_and_never_stops_the_others(site: FeedSite, store: Store) -> None:
    broken, slow, feed = (f"{site.base}/{name}" for name in ("broken.xml", "slow.xml", "feed.xml"))
    said, warned, passes = _watch(store, [broken, slow, feed], cycles=4)
    assert passes == 4
    assert store.count() == 2 and f"{feed}: 2 new article(s)" in said  # the good feed, listed last, went through
    broken_lines = [w for w in warned if w.startswith(f"error: {broken}: HTTP 500")]
    assert broken_lines and "failure 1 in a row" in broken_lines[0]
    assert any("failure 2 in a row" in w for w in broken_lines)
    assert any(w.startswith(f"error: {slow}: ") and "limit" in w for w in warned)
    assert all("\n" not in w for w in warned)
    state = FeedStates(store).load("ferry strike", broken)
    assert state.failures >= 2 and state.last_error and "500" in state.last_error and state.seen == {}


def test_a_feed_that_fails_twice_then_recovers_is_read_and_its_count_reset(site: FeedSite, store: Store) -> None:
    flaky = f"{site.base}/flaky.xml"
    said, warned, passes = _watch(store, [flaky], cycles=3)
    assert passes == 3 and site.requests["/flaky.xml"] == 3
    assert [w.split("; ")[-1] for w in warned] == ["retry in 10ms (failure 1 in a row)",
                                                   "retry in 20ms (failure 2 in a row)"]
    assert f"{flaky}: 2 new article(s)" in said and store.count() == 2
    state = FeedStates(store).load("ferry strike", flaky)
    assert state.failures == 0 and state.last_error is None and len(state.seen) == 2


def test_the_story_is_analysed_and_changes_are_printed(site: FeedSite, store: Store) -> None:
    feed = f"{site.base}/feed.xml"
    said, _, _ = _watch(store, [feed], cycles=1, analyse=True)
    assert "story 'ferry strike': added 2 article(s), 0 already in the story, 0 input(s) failed" in said
    assert any("new event(s)" in line for line in said)
    assert len(story_report(store, "ferry strike").articles) == 2

    site.entries.append(3)
    said, _, _ = _watch(store, [feed], cycles=1, analyse=True)
    # only the new entry is added and analysed; the story's stored analysis is brought up to date
    assert "story 'ferry strike': added 1 article(s), 0 already in the story, 0 input(s) failed" in said
    assert any(line.startswith("parsed 1 article(s)") for line in said)
    assert len(story_report(store, "ferry strike").articles) == 3
    said, _, _ = _watch(store, [feed], cycles=1, analyse=True)
    assert not any(line.startswith("story 'ferry strike'") for line in said)  # nothing new: nothing said


# -- a real `storyline watch` process ---------------------------------------------------------


class Child:
    """A `storyline watch` process whose output lines are read as they come."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([str(SCRIPT), "watch", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, start: str) -> str:
        while True:
            line = self.lines.get(timeout=WAIT)
            self.seen.append(line)
            if line.startswith(start):
                return line

    def finish(self) -> int:
        code = self.proc.wait(timeout=WAIT)
        self.reader.join(WAIT)  # the pipe is at its end: every line is queued
        while not self.lines.empty():
            self.seen.append(self.lines.get_nowait())
        return code


def _args(db: Path, *feeds: str) -> list[str]:
    return [*feeds, "--story", "ferry strike", "--every", "0.2s", "--db", str(db), "--allow-private",
            "--no-analyse", "--timeout", "5s"]


def test_sigint_stops_cleanly_and_a_restart_adds_nothing_twice(site: FeedSite, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    feed = f"{site.base}/feed.xml"
    child = Child(*_args(db, feed))
    assert child.until("pass 1:") == "pass 1: 1 feed(s) due, 2 new article(s), 0 failed"
    child.proc.send_signal(signal.SIGINT)
    assert child.finish() == 0, child.seen
    assert any(line.startswith("SIGINT: stopping") for line in child.seen)

    again = Child(*_args(db, feed), "--cycles", "1")
    assert again.until("pass 1:") == "pass 1: 1 feed(s) due, 0 new article(s), 0 failed"
    assert again.finish() == 0
    assert site.not_modified >= 1
    with Store(db) as store:
        assert store.count() == 2


def test_sigterm_mid_poll_loses_and_duplicates_nothing(site: FeedSite, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    feed = f"{site.base}/feed.xml"
    site.entries = [0, 1, 2]
    site.teasers = site.gated = {1}  # the watcher waits on entry 1's page, mid-poll
    child = Child(*_args(db, f"{site.base}/broken.xml", feed))
    assert site.reached.wait(WAIT)
    child.proc.send_signal(signal.SIGTERM)
    child.until("SIGTERM: stopping")
    site.gate.set()  # the page comes; the feed's poll finishes and the watcher stops
    assert child.finish() == 0, child.seen
    assert any(line.startswith(f"error: {site.base}/broken.xml: HTTP 500") for line in child.seen)
    with Store(db) as store:
        assert store.count() == 3
        assert sorted(FeedStates(store).load("ferry strike", feed).seen) == ["strike-0", "strike-1", "strike-2"]

    site.entries.append(3)
    again = Child(*_args(db, feed), "--cycles", "1")
    assert again.until(f"{feed}:") == f"{feed}: 1 new article(s)"
    assert again.finish() == 0
    with Store(db) as store:
        assert store.count() == 4
    assert site.requests["/gated/1.html"] == 1  # entry 1 was read once, before the stop


def test_a_bad_feed_argument_is_one_line_and_the_rest_is_watched(site: FeedSite, tmp_path: Path) -> None:
    child = Child(*_args(tmp_path / "w.db", "ftp://example.invalid/feed", f"{site.base}/feed.xml"), "--cycles", "1")
    assert child.finish() == 0
    errors = [line for line in child.seen if line.startswith("error:")]
    assert errors == ["error: ftp://example.invalid/feed: not an http(s) feed URL; not watched"]
    assert "pass 1: 1 feed(s) due, 2 new article(s), 0 failed" in child.seen
