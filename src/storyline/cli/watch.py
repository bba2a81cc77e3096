"""`storyline watch FEED... --story NAME [--every 15m]`: poll feeds, store new entries, print what
changed, until SIGINT or SIGTERM.

The first signal lets the feed being polled finish (its articles stored, its state written) and
then exits 0; a second one abandons at once (what was written stays consistent: articles are
stored before the state that says they were read). Heavy imports happen inside the command.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Annotated, Any

import typer


def _interval(value: str) -> float:
    from storyline.follow.schedule import parse_interval

    try:
        return parse_interval(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED...", help="RSS or Atom feed URLs.",
                                                show_default=False)],
    story: Annotated[str, typer.Option("--story", help="The story these feeds follow.", show_default=False)],
    every: Annotated[str, typer.Option("--every", help="Poll interval: 15m, 1h, 30s, 0.2s...")] = "15m",
    max_backoff: Annotated[
        str | None,
        typer.Option("--max-backoff", help="Longest wait before retrying a failing feed (default: the larger "
                                           "of 1h and --every).", show_default=False),
    ] = None,
    timeout: Annotated[str, typer.Option("--timeout", help="Limit for one feed download.")] = "60s",
    cycles: Annotated[
        int | None,
        typer.Option("--cycles", min=1, help="Stop after this many passes over the due feeds (default: never).",
                     show_default=False),
    ] = None,
    analyse: Annotated[
        bool, typer.Option("--analyse/--no-analyse", help="Analyse the story again after new articles.")
    ] = True,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="STORYLINE_DB", show_default=False,
                     help="SQLite file path or database URL. Default: ./storyline.db."),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow feeds and pages on loopback or private networks.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also say when a feed is unchanged.")] = False,
) -> None:
    """Watch RSS/Atom feeds: add new entries to the store and print what changed in the story."""
    from storyline.cli.main import fail, open_store, safe
    from storyline.follow.feedstate import FeedStates
    from storyline.follow.watch import StoreSink, Watcher
    from storyline.ingest.base import is_url

    seconds, limit = _interval(every), _interval(timeout)
    cap = _interval(max_backoff) if max_backoff else None
    good = []
    for feed in dict.fromkeys(f.strip() for f in feeds):
        if is_url(feed) and feed.lower().startswith(("http://", "https://")):
            good.append(feed)
        else:
            typer.echo(f"error: {safe(feed)}: not an http(s) feed URL; not watched", err=True)
    if not good:
        fail("no feed to watch")
    if not story.strip():
        fail("--story needs a name")

    stop = threading.Event()
    previous: dict[signal.Signals, Any] = {}

    def on_signal(number: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        typer.echo(f"{signal.Signals(number).name}: stopping after the current feed", err=True)

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, on_signal)

    def say(line: str) -> None:
        typer.echo(line)

    def warn(line: str) -> None:
        typer.echo(line, err=True)

    store = open_store(db)
    try:
        states = FeedStates(store)
        sink = StoreSink(store, states, story.strip(), analyse=analyse, say=say, warn=warn)
        watcher = Watcher(story.strip(), good, states, sink, seconds, cap=cap, allow_private=allow_private,
                          timeout=limit, say=say, warn=warn, verbose=verbose)
        from storyline.follow.schedule import format_interval

        warn(f"watching {len(good)} feed(s) for story {safe(story.strip())} every {format_interval(seconds)}; "
             "Ctrl-C stops")
        passes = watcher.run(stop, cycles=cycles)
    except KeyboardInterrupt:
        warn("stopped at once")
        raise typer.Exit(130) from None
    finally:
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    warn(f"stopped after {passes} pass(es)")
