"""The HTML pages. Routes only gather values; the templates (autoescaped) write them, and the
highlighting in ``views`` hands them text segments, never markup."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyline.report.common import article_name, event_date
from storyline.store.errors import SearchError, StoreError
from storyline.web import views
from storyline.web.api import start_job, state, submission
from storyline.web.security import TOKEN_COOKIE, csrf_token

router = APIRouter(include_in_schema=False)
PAGE = 100
_MARKS = ("\x02", "\x03")
EXPORTS = {"json": "application/json", "md": "text/markdown", "html": "text/html", "csv": "text/csv"}


def story_url(story: str, *rest: str) -> str:
    """A story's URL; the name is quoted whole, so any name (slashes, '?', '#') round-trips."""
    return "/stories/" + "/".join([_quoted(story), *(_quoted(r) for r in rest)])


@lru_cache(maxsize=65536)
def _quoted(part: str) -> str:
    """``quote`` costs ~10 µs a call; a large story's page makes thousands with the same parts."""
    return quote(part, safe="")


def render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    values.update(request=request, csrf=csrf_token(request), story_url=story_url, article_name=article_name,
                  event_date=event_date)
    out: HTMLResponse = request.app.state.templates.TemplateResponse(request, name, values, status_code=status)
    return out


@router.get("/", response_class=HTMLResponse)
def stories(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    found = state(request).store.stories()
    return render(request, "stories.html", stories=found[offset: offset + PAGE], total=len(found),
                  offset=offset, page=PAGE)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html")


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=5)
    token = form.get("token")
    access = state(request).access
    if not isinstance(token, str) or access.token is None or token != access.token:
        return render(request, "login.html", status=401, wrong=True)
    response = RedirectResponse("/", 303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    hits: list[tuple[Any, list[views.Segment]]] = []
    error = None
    if q.strip():
        try:
            found = state(request).store.search(q[:500], limit=50, mark=_MARKS)
            hits = [(h.article, views.snippet(h.snippet, _MARKS)) for h in found]
        except (SearchError, StoreError) as exc:
            error = str(exc)
    return render(request, "search.html", q=q, hits=hits, error=error)


@router.get("/add", response_class=HTMLResponse)
def add_form(request: Request, story: str = "") -> HTMLResponse:
    return render(request, "add.html", story=story)


@router.post("/add")
async def add(request: Request) -> Response:
    sub = await submission(request)
    form = await request.form()
    story = form.get("story")
    if not isinstance(story, str) or not story.strip():
        raise HTTPException(400, "name the story")
    job = start_job(request, story, sub)
    return RedirectResponse(f"/jobs/{job.id}", 303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return render(request, "job.html", job=job)


@router.get("/stories/{story:path}/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, story: str, event_id: str) -> HTMLResponse:
    ix = state(request).index(story)
    e = ix.events.get(event_id) or _missing("event")
    mentions = [(c, ix.articles[c.article_id], views.context(ix.articles[c.article_id], c.span))
                for i in e.claim_ids if (c := ix.claims.get(i)) and c.article_id in ix.articles]
    return render(request, "event.html", story=story, ix=ix, e=e, mentions=mentions,
                  conflicts=ix.conflicts_of.get(e.id, []))


@router.get("/stories/{story:path}/conflicts/{conflict_id}", response_class=HTMLResponse)
def conflict(request: Request, story: str, conflict_id: str) -> HTMLResponse:
    ix = state(request).index(story)
    c = ix.conflicts.get(conflict_id) or _missing("conflict")
    columns = []
    for v in c.values:
        rows = []
        for n, cid in enumerate(v.claim_ids):
            claim = ix.claims.get(cid)
            article = ix.articles.get(claim.article_id) if claim else None
            if claim is None or article is None:
                continue
            span = v.spans[n] if n < len(v.spans) else claim.span
            rows.append((claim, article, views.context(article, span)))
        columns.append((v, rows))
    return render(request, "conflict.html", story=story, ix=ix, c=c, columns=columns,
                  event=ix.events.get(c.event_id or ""))


@router.get("/stories/{story:path}/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, story: str, article_id: str, claim: str = "") -> HTMLResponse:
    ix = state(request).index(story)
    a = ix.articles.get(article_id) or _missing("article")
    chosen = claim if claim in ix.claims else None
    return render(request, "article.html", story=story, ix=ix, a=a, body=views.article_marks(ix, a, chosen),
                  chosen=ix.claims.get(chosen or ""))


@router.get("/stories/{story:path}/export/{fmt}")
def export(request: Request, story: str, fmt: str) -> Response:
    from storyline.report import render as render_report

    if fmt not in EXPORTS:
        raise HTTPException(404, f"unknown format {fmt!r}")
    text = render_report(state(request).index(story).report, fmt)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in story)[:60] or "story"
    headers = {"Content-Disposition": f'attachment; filename="{safe}.{fmt}"'}
    return Response(text, media_type=EXPORTS[fmt] + "; charset=utf-8", headers=headers)


@router.get("/stories/{story:path}", response_class=HTMLResponse)
def story_page(request: Request, story: str, start: str = "", end: str = "", type: str = "",
               outlet: str = "", source: str = "", offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    ix = state(request).index(story)
    f = views.Filters(start[:10], end[:10], type, outlet, source)
    line = ix.timeline(f)
    return render(request, "story.html", story=story, ix=ix, f=f, timeline=line[offset: offset + PAGE],
                  total=len(line), offset=offset, page=PAGE, background=ix.background(f),
                  charts=ix.charts(), history=None)


def _missing(what: str) -> Any:
    raise HTTPException(404, f"no such {what} in this story")
