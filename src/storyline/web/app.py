"""The ASGI app of ``storyline serve``: one store, one job queue, pages and a JSON API.

Reports are read from the store once per story version (its last update time) and kept with
their lookups, so browsing a story does not reload it for every page.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.templating import Jinja2Templates

from storyline.store import Store
from storyline.store.errors import StoreError
from storyline.store.stories import StoryNotFound
from storyline.web.jobs import Jobs
from storyline.web.security import Access, Guard
from storyline.web.views import Index

HERE = Path(__file__).parent


@dataclass
class State:
    """What every route needs: the store, the jobs, the cached analyses."""

    store: Store
    jobs: Jobs
    access: Access
    _cache: dict[str, tuple[Any, Index]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, story: str) -> bool:
        """Whether the story's report is held (as of some update)."""
        with self._lock:
            return story in self._cache

    def index(self, story: str) -> Index:
        """The story's analysis with its lookups; 404 for an unknown story or one not analysed."""
        from storyline.stories import story_report

        version = next((s.updated_at for s in self.store.stories() if s.name == story), None)
        with self._lock:
            hit = self._cache.get(story)
        if hit is not None and hit[0] == version and version is not None:
            return hit[1]
        try:
            ix = Index.of(story_report(self.store, story))
        except StoryNotFound:
            raise HTTPException(404, f"no story named {story!r}") from None
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
        with self._lock:
            self._cache[story] = (version, ix)
        return ix


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    return Jinja2Templates(env=env)


def create_app(db: str | None = None, *, token: str | None = None, public_read: bool = False,
               allow_private: bool = False) -> FastAPI:
    """The app over the store at ``db``; ``token`` guards it as ``storyline.web.security`` says."""
    from storyline.web import api, pages

    store = Store(db)
    access = Access(token, public_read)
    state = State(store, Jobs(store, allow_private=allow_private), access)
    state.jobs.on_update = state.index  # a story's new report is read by the job, not the next page

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.jobs.shutdown()
        store.close()

    app = FastAPI(lifespan=lifespan, title="Storyline", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Stories, their reconciled timelines and conflicts, and adding articles.")
    app.state.storyline = state
    app.state.templates = templates()
    app.add_middleware(Guard, access=access)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    return app
