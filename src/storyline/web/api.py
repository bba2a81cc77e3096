"""The JSON API under ``/api``: stories, a story's report (the JSON contract of the CLI's
``report --story NAME --out r.json``), its events and conflicts, search, and adding articles
as a background job. Every list is paginated with ``offset`` and ``limit``."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from storyline.store.errors import SearchError, StoreError
from storyline.store.stories import check_name
from storyline.web.app import State
from storyline.web.security import csrf_ok
from storyline.web.uploads import Submission, add_files, add_text, add_urls

router = APIRouter(prefix="/api", tags=["api"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such story or no analysis"}}
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=500)]


class StoryOut(BaseModel):
    name: str
    articles: int
    first: str | None
    last: str | None
    updated_at: str | None


class Page(BaseModel):
    total: int
    offset: int
    limit: int


class StoriesPage(Page):
    items: list[StoryOut]


class ItemsPage(Page):
    items: list[dict[str, Any]]


class JobOut(BaseModel):
    id: str
    story: str
    state: str
    progress: float
    message: str
    inputs: int
    added: list[str]
    already: list[str]
    errors: list[dict[str, str]]
    changes: list[str]
    created_at: str
    finished_at: str | None


class TextIn(BaseModel):
    text: str = Field(max_length=500_000)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)


class UrlsIn(BaseModel):
    urls: list[str] = Field(max_length=100)


def state(request: Request) -> State:
    s: State = request.app.state.storyline
    return s


@router.get("/stories", response_model=StoriesPage)
def list_stories(request: Request, offset: Offset = 0, limit: Limit = 50) -> StoriesPage:
    found = state(request).store.stories()
    items = [StoryOut(name=s.name, articles=s.articles, first=s.first, last=s.last,
                      updated_at=s.updated_at.isoformat() if s.updated_at else None)
             for s in found[offset: offset + limit]]
    return StoriesPage(total=len(found), offset=offset, limit=limit, items=items)


@router.get("/stories/{story:path}/report", responses=NOT_FOUND)
def story_report(request: Request, story: str) -> JSONResponse:
    """The story's report, as ``storyline report --story NAME --out r.json`` writes it."""
    from storyline.report import report_to_json

    return JSONResponse(report_to_json(state(request).index(story).report))


@router.get("/stories/{story:path}/events", response_model=ItemsPage, responses=NOT_FOUND)
def story_events(request: Request, story: str, offset: Offset = 0, limit: Limit = 100) -> ItemsPage:
    from storyline.report import report_to_json

    items = report_to_json(state(request).index(story).report)["events"]
    return ItemsPage(total=len(items), offset=offset, limit=limit, items=items[offset: offset + limit])


@router.get("/stories/{story:path}/conflicts", response_model=ItemsPage, responses=NOT_FOUND)
def story_conflicts(request: Request, story: str, offset: Offset = 0, limit: Limit = 100) -> ItemsPage:
    from storyline.report import report_to_json

    items = report_to_json(state(request).index(story).report)["conflicts"]
    return ItemsPage(total=len(items), offset=offset, limit=limit, items=items[offset: offset + limit])


@router.get("/search", response_model=ItemsPage,
            responses={400: {"description": "a query the full-text index cannot read"}})
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
           offset: Offset = 0, limit: Limit = 20) -> ItemsPage:
    try:
        hits = state(request).store.search(q, limit=min(offset + limit, 1000))
    except (SearchError, StoreError) as exc:
        raise HTTPException(400, str(exc)) from None
    items = [{"id": h.article.id, "title": h.article.title, "snippet": h.snippet, "score": h.score}
             for h in hits[offset: offset + limit]]
    return ItemsPage(total=len(hits), offset=offset, limit=limit, items=items)


_ADD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [UrlsIn.model_json_schema(), TextIn.model_json_schema()]}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "urls": {"type": "string", "description": "one URL a line"},
                "csrf_token": {"type": "string"}}}},
        },
    }
}


@router.post("/stories/{story:path}/articles", status_code=202, response_model=JobOut, openapi_extra=_ADD_BODY,
             responses={400: {"description": "nothing to add, or a bad request"}, 403: {"description": "CSRF"},
                        415: {"description": "neither JSON nor multipart"}})
async def add_articles(request: Request, story: str) -> JobOut:
    """Add files, URLs (fetched through the private-address guard) or a pasted text to the story
    (created by its first article); returns the job that reads and analyses them."""
    sub = await submission(request)
    return JobOut(**start_job(request, story, sub).to_json())


async def submission(request: Request) -> Submission:
    """The inputs of a JSON or multipart request, capped; 400 when it names nothing to add."""
    sub = Submission()
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(400, "the body is not JSON") from None
        except RecursionError:  # json.loads recurses per nesting level: "[[[[..." would be a 500
            raise HTTPException(400, "the body's JSON is nested too deeply") from None
        if isinstance(body, dict) and "urls" in body:
            add_urls(sub, _valid(UrlsIn, body).urls)
        elif isinstance(body, dict) and "text" in body:
            t = _valid(TextIn, body)
            add_text(sub, t.text, t.title, t.published)
        else:
            raise HTTPException(400, 'send {"urls": [...]} or {"text": ..., "title": ..., "published": ...}')
    elif ctype == "multipart/form-data":
        try:
            form = await request.form(max_files=100, max_fields=20, max_part_size=1024 * 1024)
        except Exception as exc:  # the multipart parser's own refusals (too many parts, malformed)
            raise HTTPException(400, f"bad form: {exc}") from None
        if not csrf_ok(request, form.get("csrf_token")):
            raise HTTPException(403, "missing or wrong CSRF token")
        files = [f for f in form.getlist("files") if not isinstance(f, str) and f.filename]
        await add_files(sub, files)  # type: ignore[arg-type]
        urls = form.get("urls")
        if isinstance(urls, str):
            add_urls(sub, urls.splitlines())
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            title, published = form.get("title"), form.get("published")
            add_text(sub, text, title if isinstance(title, str) else None,
                     published if isinstance(published, str) else None)
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    if not sub.inputs and not sub.refused:
        raise HTTPException(400, "nothing to add: no files, URLs or text")
    return sub


def _valid(model: type[BaseModel], body: dict[str, Any]) -> Any:
    """The body as ``model``; a 422 in FastAPI's own shape (a list of errors), as documented."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_input=False)) from None


def start_job(request: Request, story: str, sub: Submission) -> Any:
    try:
        name = check_name(story)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    return state(request).jobs.submit(name, sub.inputs, sub.workdir, sub.refused)


@router.get("/jobs/{job_id}", response_model=JobOut, responses={404: {"description": "no such job"}})
def get_job(request: Request, job_id: str) -> JobOut:
    job = state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return JobOut(**job.to_json())
