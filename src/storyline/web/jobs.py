"""Background jobs: adding articles to a story takes seconds to minutes (parsing), so a request
starts a job and returns at once; the page polls the job's JSON until it is done.

One worker thread runs the jobs in order: the analysis is CPU-bound and a story's update
replaces its one analysis, so two updates at once would only compete and race.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from storyline.store import Store

State = Literal["queued", "running", "done", "failed"]
MAX_KEPT = 200
"""Finished jobs remembered (the oldest are forgotten first)."""

# Rough share of the work each stage takes, for the progress bar.
_STAGES = (("reading", 0.05), ("stored", 0.2), ("parsing", 0.3), ("reconciling", 0.8))


@dataclass
class Job:
    """One request to add articles to a story, as the API shows it."""

    id: str
    story: str
    state: State = "queued"
    progress: float = 0.0
    message: str = "waiting for the worker"
    inputs: int = 0
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    finished_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def say(self, message: str) -> None:
        """The analysis's progress line, mapped onto a fraction by the stage it names."""
        self.message = message
        for word, share in _STAGES:
            if message.startswith(word) or word in message.split()[:2]:
                self.progress = max(self.progress, share)


class Jobs:
    """The job queue of one app: submit work, look jobs up by id."""

    def __init__(self, store: Store, *, allow_private: bool = False,
                 on_update: Callable[[str], object] | None = None) -> None:
        self.store = store
        self.allow_private = allow_private
        self.on_update = on_update
        """Called with a story's name once its analysis changed, before its job says done: the
        app reads the new report then, in this worker, so the first page view after an update
        does not (on a 2,000-article story the read takes seconds; a page from it, 0.05 s)."""
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-job")

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def submit(self, story: str, inputs: Sequence[str], workdir: Path | None = None,
               errors: Sequence[tuple[str, str]] = ()) -> Job:
        """Queue ``inputs`` (paths in ``workdir``, which the job deletes, or URLs) for ``story``;
        ``errors`` are inputs refused before the job (too large, too many), reported with it."""
        job = Job(uuid.uuid4().hex, story, inputs=len(inputs) + len(errors))
        job.errors = [{"input": name, "reason": reason} for name, reason in errors]
        with self._lock:
            self._jobs[job.id] = job
            done = [j for j in self._jobs.values() if j.state in ("done", "failed")]
            for old in done[: max(0, len(done) - MAX_KEPT)]:
                del self._jobs[old.id]
        self._pool.submit(self._run, job, list(inputs), workdir)
        return job

    def _run(self, job: Job, inputs: list[str], workdir: Path | None) -> None:
        from storyline.ingest import ingest
        from storyline.stories import add_articles

        job.state = "running"
        try:
            job.say("reading inputs")
            articles, errors = ingest(inputs, allow_private=self.allow_private)
            for a in articles:  # an upload's path is a temporary file: keep only its name
                if a.path and workdir is not None and a.path.startswith(str(workdir)):
                    a.path = Path(a.path).name
            update = add_articles(self.store, job.story, articles, progress=job.say, errors=errors)
            job.added, job.already = update.added, update.already
            job.errors += [{"input": _shown(e.source, workdir), "reason": e.message} for e in update.errors]
            job.changes = update.describe()
            if update.analysed and self.on_update is not None:
                job.message = "preparing the story's pages"
                with contextlib.suppress(Exception):  # only a head start: a page reads it itself
                    self.on_update(job.story)
            job.state, job.progress, job.message = "done", 1.0, "done"
        except Exception as exc:  # a job must end, and say why
            job.state, job.message = "failed", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
        finally:
            job.finished_at = datetime.now(UTC).isoformat()
            if workdir is not None:
                shutil.rmtree(workdir, ignore_errors=True)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _shown(source: str, workdir: Path | None) -> str:
    """An input's name as the user gave it (an upload's temporary folder cut off)."""
    if workdir is not None and source.startswith(str(workdir)):
        return Path(source).name
    return source


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="storyline-upload-"))


def text_input(workdir: Path, text: str, title: str | None, published: str | None) -> str:
    """Pasted text as a one-line JSONL file, so it goes through the same reader and cleaner as
    every other input."""
    path = workdir / "pasted.jsonl"
    row = {"text": text, "title": title or None, "published": published or None}
    path.write_text(json.dumps({k: v for k, v in row.items() if v is not None}) + "\n", encoding="utf-8")
    return str(path)
