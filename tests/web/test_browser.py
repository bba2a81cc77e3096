"""The app in headless Chromium against a real uvicorn server: upload a small story through the
page, wait for its job, read the timeline, filter by outlet, open a conflict and an event,
follow an evidence link to its sentence; and hostile articles that must not run anything."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from tests.web.conftest import CORPUS

pytestmark = pytest.mark.browser
UPLOAD = ["02_castrel_herald.txt", "03_marenland_tribune.html", "04_northern_ledger.html"]
# the payloads build their title out of two halves, so the page's own (escaped) text never holds it
FLAG = "window.__pwned === undefined && document.title.indexOf('owned') < 0"


def _wait(browser, condition, seconds: float = 300):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds, poll_frequency=0.3).until(condition)


def test_upload_a_story_and_follow_its_evidence(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/add")
    browser.find_element(By.ID, "story").send_keys("river flood")
    browser.find_element(By.ID, "files").send_keys("\n".join(str(CORPUS / n) for n in UPLOAD))
    browser.find_element(By.ID, "add-submit").click()
    _wait(browser, lambda b: b.find_element(By.ID, "job").get_attribute("data-state") in ("done", "failed"))
    assert browser.find_element(By.ID, "job").get_attribute("data-state") == "done"
    assert float(browser.find_element(By.ID, "job-progress").get_attribute("value")) == 1.0
    browser.find_element(By.CSS_SELECTOR, "#job-done a").click()

    rows = browser.find_elements(By.CSS_SELECTOR, "#timeline > ol.timeline > li.event")
    assert rows, "the timeline is empty"
    browser.save_screenshot(str(shots / "story.png"))

    outlets = [o.get_attribute("value") for o in Select(browser.find_element(By.ID, "filter-outlet")).options][1:]
    assert len(outlets) >= 2
    Select(browser.find_element(By.ID, "filter-outlet")).select_by_index(1)
    browser.find_element(By.ID, "filter-apply").click()
    _wait(browser, lambda b: "outlet=" in b.current_url)  # the filtered page has loaded
    kept = browser.find_elements(By.CSS_SELECTOR, "#timeline > ol.timeline > li.event")
    assert kept and len(kept) < len(rows)
    assert all(outlets[0] in li.find_element(By.CLASS_NAME, "sources").text for li in kept)

    browser.get(server + "/stories/" + quote("river flood", safe=""))
    browser.find_element(By.CSS_SELECTOR, "#conflicts li.conflict a").click()
    assert browser.find_element(By.ID, "explanation").text
    values = browser.find_elements(By.CSS_SELECTOR, ".columns .value")
    assert len(values) >= 2
    browser.save_screenshot(str(shots / "conflict.png"))
    quoted = values[0].find_element(By.CSS_SELECTOR, "blockquote mark.evidence").text
    values[0].find_element(By.CLASS_NAME, "evidence-link").click()
    mark = browser.find_element(By.ID, "hl")
    assert quoted in mark.text and "evidence" in mark.get_attribute("class")
    assert browser.execute_script("return location.hash") == "#hl"

    browser.get(server + "/stories/" + quote("river flood", safe=""))
    browser.find_element(By.CSS_SELECTOR, "#timeline li.event a.label").click()
    assert browser.find_element(By.ID, "event-label").text
    assert browser.find_elements(By.CSS_SELECTOR, ".mentions blockquote mark.evidence")
    browser.save_screenshot(str(shots / "event.png"))
    assert all((shots / f"{n}.png").stat().st_size > 10_000 for n in ("story", "conflict", "event"))


PAYLOADS = [
    "<script>window.__pwned=1;document.title='ow'+'ned'</script>",
    '<img src=x onerror="window.__pwned=1;document.title=\'ow\'+\'ned\'">',
    '"><svg onload="window.__pwned=1">',
    "'); window.__pwned=1; ('",
    "javascript:window.__pwned=1",
]


def test_hostile_articles_run_nothing(server: str, served_db: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    from storyline.model import Article, PublishedDate
    from storyline.stories import Stories

    evil = " ".join(PAYLOADS)
    articles = []
    for n in range(2):
        body = (f"CASTREL, March {3 + n} - {evil} Rescue teams reached Dunmere on Monday after the river "
                f"rose, the fire service said. At least {12 + n} people were evacuated. {evil}\n")
        articles.append(Article(id=Article.make_id(body), body=body, content_hash="", title=f"Flood {n} {evil}",
                                author=evil, site=f"Outlet {n} {PAYLOADS[2]}", url="javascript:window.__pwned=1",
                                path=f"{PAYLOADS[1]}.txt", published=PublishedDate(f"2031-03-0{3 + n}", "metadata")))
    for a in articles:
        from storyline.model import content_hash

        a.content_hash = content_hash(a.body)
    story = f"evil {PAYLOADS[0]} {PAYLOADS[2]}"
    with Stories(served_db) as stories:
        update = stories.add_articles(story, articles)
    assert update.added

    base = server + "/stories/" + quote(story, safe="")
    browser.get(server + "/")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#stories a") if "evil" in a.text)
    assert link.text == story  # shown as text, not parsed
    link.click()
    assert browser.execute_script("return " + FLAG)
    pages = [base, server + "/search?q=" + quote("Dunmere")]
    pages += [e.get_attribute("href") for e in browser.find_elements(By.CSS_SELECTOR, "#timeline a.label")][:1]
    pages += [e.get_attribute("href") for e in browser.find_elements(By.CSS_SELECTOR, "#sources a")][:1]
    pages += [e.get_attribute("href") for e in browser.find_elements(By.CSS_SELECTOR, "#conflicts a")][:1]
    assert len(pages) >= 4
    for url in pages:
        browser.get(url)
        assert browser.execute_script("return " + FLAG), url
        assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main svg[onload], [onerror]"), url
        assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']"), url
        assert "<script>" in browser.find_element(By.TAG_NAME, "main").text, url  # shown literally
    browser.get(pages[-1])
    for a in browser.find_elements(By.CSS_SELECTOR, "a.evidence-link, #sources a"):
        a.click()
        assert browser.execute_script("return " + FLAG)
        browser.back()
        break

