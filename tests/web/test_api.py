"""The JSON API and the pages through Starlette's TestClient, over a real store and pipeline."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from storyline.web import create_app

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def client(story_db: str) -> Any:
    with TestClient(create_app(story_db)) as c:
        yield c


def wait(client: TestClient, job: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
    """Poll a job until it ends (a job that never ends fails the test by the suite's timeout)."""
    while job["state"] not in ("done", "failed"):
        time.sleep(0.2)
        job = client.get(f"/api/jobs/{job['id']}", headers=headers or {}).json()
    return job


def test_stories_are_listed_with_pagination(client: TestClient) -> None:
    page = client.get("/api/stories", params={"limit": 1}).json()
    assert page["total"] >= 1 and page["limit"] == 1 and len(page["items"]) == 1
    flood = next(s for s in client.get("/api/stories").json()["items"] if s["name"] == "flood")
    assert flood["articles"] == 3
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_report_is_the_cli_report(client: TestClient, story_db: str, tmp_path: Path) -> None:
    from storyline.cli.main import app

    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["report", "--story", "flood", "--db", story_db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    api = client.get("/api/stories/flood/report")
    assert api.status_code == 200
    assert api.json() == json.loads(out.read_text())
    assert {"articles", "claims", "events", "conflicts"} <= set(api.json())
    events = client.get("/api/stories/flood/events", params={"limit": 2}).json()
    assert events["total"] == len(api.json()["events"]) and len(events["items"]) == 2
    assert client.get("/api/stories/no-such-story/report").status_code == 404


def test_pasted_text_creates_a_story_through_a_job(client: TestClient) -> None:
    text = ("CASTREL, March 3 - Rescue teams reached the village of Dunmere on Monday after the river "
            "broke its banks, the regional fire service said. At least 14 people were evacuated.")
    r = client.post("/api/stories/pasted story/articles",
                    json={"text": text, "title": "Teams reach Dunmere", "published": "2031-03-03"})
    assert r.status_code == 202
    job = wait(client, r.json())
    assert job["state"] == "done", job
    assert len(job["added"]) == 1 and not job["errors"]
    assert client.app.state.storyline.cached("pasted story")  # read by the job: the first view is warm
    report = client.get("/api/stories/pasted story/report").json()
    assert report["articles"][0]["title"] == "Teams reach Dunmere"


def test_bad_inputs_are_listed_and_the_rest_goes_through(client: TestClient) -> None:
    page = client.get("/add")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    files = [("files", ("good.txt", (CORPUS / "06_riverwatch_blog.txt").read_bytes(), "text/plain")),
             ("files", ("blob.txt", b"\x00\x01\x02binary" * 50, "application/octet-stream"))]
    r = client.post("/api/stories/mixed/articles", files=files,
                    data={"csrf_token": token.group(1), "urls": "ftp://example.invalid/x\nhttp://127.0.0.1:9/x"})
    assert r.status_code == 202, r.text
    job = wait(client, r.json())
    assert job["state"] == "done" and len(job["added"]) == 1
    reasons = {e["input"]: e["reason"] for e in job["errors"]}
    assert set(reasons) == {"blob.txt", "ftp://example.invalid/x", "http://127.0.0.1:9/x"}, reasons
    assert "private" in reasons["http://127.0.0.1:9/x"] or "loopback" in reasons["http://127.0.0.1:9/x"]


def test_forms_need_their_csrf_token(client: TestClient) -> None:
    files = [("files", ("a.txt", b"Some text about the flood on Monday.", "text/plain"))]
    assert client.post("/api/stories/x/articles", files=files).status_code == 403
    assert client.post("/api/stories/x/articles", files=files, data={"csrf_token": "forged"}).status_code == 403
    cross = client.post("/api/stories/x/articles", json={"urls": []}, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403


def test_every_response_forbids_inline_script(client: TestClient) -> None:
    for url in ("/", "/stories/flood", "/api/stories", "/search?q=river"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_pages_render_and_evidence_links_highlight(client: TestClient) -> None:
    story = client.get("/stories/flood")
    assert story.status_code == 200 and 'id="timeline"' in story.text
    conflict = re.search(r'href="(/stories/flood/conflicts/[^"]+)"', story.text)
    assert conflict is not None
    page = client.get(conflict.group(1))
    link = re.search(r'class="evidence-link" href="([^"]+)"', page.text)
    assert link is not None
    article = client.get(link.group(1).replace("&amp;", "&"))
    assert article.status_code == 200 and '<mark class="evidence" id="hl">' in article.text
    for fmt in ("json", "md", "html", "csv"):
        r = client.get(f"/stories/flood/export/{fmt}")
        assert r.status_code == 200 and r.text and "attachment" in r.headers["content-disposition"]
    assert client.get("/search", params={"q": "river"}).status_code == 200


def test_a_token_guards_writes_and_reads(story_db: str) -> None:
    with TestClient(create_app(story_db, token="s3cret")) as c:
        assert c.get("/api/stories").status_code == 401
        assert c.get("/", follow_redirects=False).status_code == 303
        assert c.get("/api/stories", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.post("/login", data={"token": "wrong"}).status_code == 401
        assert c.post("/login", data={"token": "s3cret"}).status_code == 200  # redirected home, cookie set
        assert c.get("/stories/flood").status_code == 200
    with TestClient(create_app(story_db, token="s3cret", public_read=True)) as c:
        assert c.get("/api/stories").status_code == 200
        assert c.post("/api/stories/x/articles", json={"urls": []}).status_code == 401


def test_serve_refuses_a_network_host_without_a_token(story_db: str) -> None:
    from storyline.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--db", story_db, "--host", "0.0.0.0"], env={"STORYLINE_TOKEN": ""})
    assert result.exit_code == 1 and "--token" in result.output
