"""The HTML dossier of the seed articles, opened in headless Chromium: the timeline and the
treaty-date conflict must be visible, checked through the DOM and on a screenshot."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

from storyline.report import write_report

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and raw scanlines of a PNG (enough to tell a blank page from a drawn one)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.fixture(scope="module")
def dossier(seeds_report, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    return write_report(seeds_report, tmp_path_factory.mktemp("dossier") / "seeds.html")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,2000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


def test_dossier_shows_timeline_and_treaty_date_conflict(dossier: Path, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(dossier.as_uri())
    assert browser.title == "Storyline dossier"

    items = browser.find_elements(By.CSS_SELECTOR, "#timeline ol.timeline > li")
    dated = [li.get_attribute("data-date") for li in items if li.get_attribute("data-date")]
    assert len(items) >= 5 and all(li.is_displayed() for li in items[:5])
    years = [d[:4] for d in dated if d[:4].isdigit()]
    assert years == sorted(years)  # chronological
    assert "2024" in years and "1961" not in years  # the 1961 treaty is history, not the story's timeline
    fold = browser.find_element(By.CSS_SELECTOR, "#background details")
    assert not fold.get_attribute("open")  # background is folded away
    fold.find_element(By.TAG_NAME, "summary").click()
    history = fold.find_elements(By.CSS_SELECTOR, "li")
    assert any(li.is_displayed() and "1961" in li.text for li in history)

    time_conflicts = browser.find_elements(By.CSS_SELECTOR, "#conflicts .conflict[data-slot='time']")
    treaty = [k for k in time_conflicts if "2023-06" in k.text and "2024-06" in k.text]
    assert treaty, "the treaty-date conflict is not shown"
    box = treaty[0]
    assert box.is_displayed() and box.size["height"] > 50
    marks = box.find_elements(By.TAG_NAME, "mark")
    assert any("June 2023" in m.text for m in marks)  # the evidence sentence is highlighted
    best = box.find_element(By.CSS_SELECTOR, ".best")
    assert best.text.startswith("2024-06")

    sources = browser.find_elements(By.CSS_SELECTOR, "#sources tbody tr")
    assert len(sources) == 5

    browser.execute_script("arguments[0].scrollIntoView()", box)
    shot = tmp_path / "conflict.png"
    assert box.screenshot(str(shot))
    width, height, raw = _png_pixels(shot.read_bytes())
    assert width > 300 and height > 50
    assert len(set(raw)) > 20  # text and colour were drawn, not a blank box
    page = tmp_path / "page.png"
    browser.save_screenshot(str(page))
    assert _png_pixels(page.read_bytes())[0] > 0
