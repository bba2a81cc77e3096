"""The JSON API fuzzed from its own OpenAPI document (schemathesis): whatever a client sends, the
app answers with a 4xx or a 2xx, never a 5xx, and what the document says of a response (status
code, content type, body schema) holds.

The app is called in-process (ASGI, no network) over a copy of the test store holding the story
'flood' (three articles analysed by the real pipeline): half the cases of an operation on a
story address 'flood', so real reports are fuzzed, not only 404s; writes land in the copy, never
in the store other tests read. Every operation is fuzzed, writes included: they carry the CSRF
cookie and its ``X-CSRF-Token`` header (the double submit this app's own scripts use), so cases
reach the handlers rather than stopping at the CSRF guard (tested in test_api.py). A fuzzed
write that names something to add starts a real background job; those left queued when a test
ends are cancelled with its app.

Bounded and reproducible in ``make test`` (derandomized, ``EXAMPLES`` per operation and mode);
``STORYLINE_FUZZ=long`` runs ``STORYLINE_FUZZ_SCALE`` (25) times as many fresh ones.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import get_client
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from starlette.testclient import TestClient
from tests.fuzz.fuzz_settings import LONG, SCALE

from storyline.web import create_app
from storyline.web.security import CSRF_COOKIE

CSRF = "fuzz-csrf-token"
EXAMPLES = 40
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Every operation of the document (a test checks the list is complete, so none goes unfuzzed).
OPERATIONS = [
    "GET /api/stories",
    "GET /api/stories/{story}/report",
    "GET /api/stories/{story}/events",
    "GET /api/stories/{story}/conflicts",
    "GET /api/search",
    "POST /api/stories/{story}/articles",
    "GET /api/jobs/{job_id}",
]
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
# Negative cases need something to break; these take only a path string, which any value fits.
NOTHING_TO_NEGATE = {"GET /api/stories/{story}/report", "GET /api/jobs/{job_id}"}
CASES = [(label, POSITIVE) for label in OPERATIONS] + [(label, NEGATIVE) for label in OPERATIONS
                                                        if label not in NOTHING_TO_NEGATE]


@pytest.fixture(scope="module")
def fuzz_db(story_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the story store, which the fuzzed writes may change."""
    copy = tmp_path_factory.mktemp("fuzz-store") / "fuzz.db"
    shutil.copyfile(Path(story_db.removeprefix("sqlite:///")), copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def api_schema(fuzz_db: str) -> Any:
    """The app's OpenAPI document, loaded from the app. One app per test: schemathesis's pytest
    plugin ends the app's lifespan (closing its store and job queue) after every test."""
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(fuzz_db))


def known_values(schema: Any, label: str) -> dict[str, str]:
    """Path parameters naming things that exist: the story 'flood', a job of this app."""
    if "{story}" in label:
        return {"story": "flood"}
    if "{job_id}" in label:  # a job whose one input is refused: it ends at once, parsing nothing
        client = get_client(schema.app)
        job = client.post("/api/stories/flood/articles", json={"urls": ["ftp://example.invalid/refused"]})
        assert job.status_code == 202, job.text
        return {"job_id": job.json()["id"]}
    return {}


def routable(case: schemathesis.Case) -> bool:
    """Whether the case's URL reaches its operation rather than the router's own 404. Not when a
    path parameter is "." or ".." (a dot segment, removed by the client before sending, RFC 3986
    5.2.4, so the URL names another path) or holds a newline (Starlette's ``{name:path}`` matches
    ``.*``, which stops at a newline). Both still get a 4xx; only the status-code check would
    count that 404 against the operation."""
    values = [unquote(str(v)) for v in (case.path_parameters or {}).values()]  # kept quoted in the case
    return not any(v in (".", "..") or "\n" in v for v in values)


def test_every_operation_is_fuzzed(api_schema: Any) -> None:
    assert sorted(r.ok().label for r in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label} {mode}" for label, mode in CASES])
def test_api_never_answers_5xx(api_schema: Any, label: str, mode: schemathesis.GenerationMode) -> None:
    """Valid (positive) and invalid (negative) requests from the document."""
    operation = api_schema.find_operation_by_label(label)
    strategy = operation.as_strategy(generation_mode=mode)
    known = known_values(api_schema, label)
    if known:
        strategy = st.one_of(strategy, operation.as_strategy(generation_mode=mode, path_parameters=known))

    @given(case=strategy.filter(routable))
    @settings(max_examples=EXAMPLES * SCALE, derandomize=not LONG, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"X-CSRF-Token": CSRF}, cookies={CSRF_COOKIE: CSRF}, checks=CHECKS)

    run()


# What fuzzing (schemathesis and probes beside it) found, each kept as a regression test.

@pytest.fixture(scope="module")
def client(fuzz_db: str) -> Any:
    with TestClient(create_app(fuzz_db), raise_server_exceptions=False) as c:
        yield c


def test_deeply_nested_json_is_a_400_not_a_500(client: TestClient) -> None:
    # json.loads recursed past Python's limit: RecursionError, a 500
    for body in (b"[" * 100_000, b'{"urls": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"):
        r = client.post("/api/stories/x/articles", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400 and "nested" in r.json()["detail"]


def test_an_invalid_body_gets_the_documented_422(client: TestClient) -> None:
    # the 422 carried one string where the document (FastAPI's HTTPValidationError) says a list
    r = client.post("/api/stories/x/articles", json={"text": "Some text.", "title": False, "published": [1]})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, list) and {tuple(e["loc"]) for e in detail} == {("title",), ("published",)}
    assert client.post("/api/stories/x/articles", json={"urls": "http://a.example/"}).json()["detail"][0]["loc"] == [
        "urls"]


def test_the_statuses_the_api_answers_are_documented(client: TestClient) -> None:
    # a story's events and conflicts answered 404 and a bad search 400, undocumented
    paths = client.get("/openapi.json").json()["paths"]
    assert client.get("/api/stories/no-such-story/events").status_code == 404
    assert client.get("/api/stories/no-such-story/conflicts").status_code == 404
    assert client.get("/api/search", params={"q": '"'}).status_code == 400
    assert "404" in paths["/api/stories/{story}/events"]["get"]["responses"]
    assert "404" in paths["/api/stories/{story}/conflicts"]["get"]["responses"]
    assert "400" in paths["/api/search"]["get"]["responses"]
    assert client.post("/api/stories/x/articles", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
    assert "415" in paths["/api/stories/{story}/articles"]["post"]["responses"]
