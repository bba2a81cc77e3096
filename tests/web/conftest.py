"""Fixtures of the web tests: a real SQLite store with a story analysed by the real pipeline,
and (for the browser tests) a real uvicorn server and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
STORY_FILES = ["02_castrel_herald.txt", "03_marenland_tribune.html", "04_northern_ledger.html"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the story 'flood' (three articles of our invented example corpus)."""
    from storyline.stories import Stories

    url = f"sqlite:///{tmp_path_factory.mktemp('web-store') / 'web.db'}"
    with Stories(url) as db:
        update = db.add("flood", [str(CORPUS / name) for name in STORY_FILES])
    assert not update.errors and len(update.added) == 3
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store under the module's server (a test may write to it directly)."""
    return f"sqlite:///{tmp_path_factory.mktemp('served') / 'served.db'}"


@pytest.fixture(scope="module")
def server(served_db: str) -> Iterator[str]:
    """A real uvicorn server on a random free port over a fresh store; yields its base URL."""
    import uvicorn

    from storyline.web import create_app

    db = served_db
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1600", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $STORYLINE_SCREENSHOTS (e.g. out/screenshots) or a tmp folder."""
    where = os.environ.get("STORYLINE_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
