"""Live-blog entries: a paragraph opening with a clock time dates the done acts it reports."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, PublishedDate, content_hash

BLOG = ("Live updates from the Vell Courier newsroom.\n\n"
        "7:20 a.m. Traffic is backed up on the hill road. Crews are loading residents into buses.\n\n"
        "9:52 a.m. The county reports that the weir has failed. A section of the bank washed out.\n\n"
        "1:15 p.m. A shelter is open at the high school.")


def _claims(body: str, nlp):  # type: ignore[no-untyped-def]
    day = "2031-04-13"
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="l01_blog.txt",
                      published=PublishedDate(day, "metadata", day, day))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return analysis.claims


def test_a_live_entrys_stamp_dates_the_done_acts_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = {c.text: c for c in _claims(BLOG, nlp) if c.parent is None}
    failed = next(c for t, c in claims.items() if "has failed" in t)
    assert failed.time is not None and failed.time.value.startswith("2031-04-13T09:52"), failed.time
    washed = next(c for t, c in claims.items() if "washed out" in t)
    assert washed.time is not None and washed.time.value.startswith("2031-04-13T09:52")
    # an ongoing scene was true at the stamp, not done then: no time
    assert next(c for t, c in claims.items() if "backed up" in t).time is None
    assert next(c for t, c in claims.items() if "are loading" in t).time is None


def test_one_paragraph_opening_with_a_clock_time_is_not_a_live_page(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The weir gave way on Sunday.\n\n10 a.m. came and went. Crews evacuated the school."
    claims = [c for c in _claims(body, nlp) if c.parent is None and "evacuated" in c.text]
    assert claims and claims[0].time is None


def test_a_stamp_on_its_own_line_dates_the_entry_below_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Updates from Court 3. Newest first.\n\n16:32\n\nThat is all from court for today.\n\n"
            "14:05\n\nThe witness told the jury that the money was moved to a holding company.\n\n"
            "She said the transfers were booked as loans.")
    claims = [c for c in _claims(body, nlp) if c.parent is None]
    moved = next(c for c in claims if "was moved" in c.text)
    assert moved.time is not None and moved.time.value.startswith("2031-04-13T14:05"), moved.time
    booked = next(c for c in claims if "were booked" in c.text)  # the entry runs on to the next stamp
    assert booked.time is not None and booked.time.value.startswith("2031-04-13T14:05"), booked.time


def _claims_on(body: str, nlp, day: str):  # type: ignore[no-untyped-def]
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="l01_recap.txt",
                      published=PublishedDate(day, "metadata", day, day))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return analysis.claims


def test_a_chronology_under_dated_headings_dates_its_sections_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Prosecutors in Vantrix charged the former league president on Thursday. Here is how the affair "
            "unfolded over the past weeks, from the first report to the charges.\n\n"
            "THE REPORT - 10 February\n\nThe Pellvane Herald publishes a leaked audit of the league's accounts.\n\n"
            "THE RAIDS - 16 February\n\nPolice raids on four addresses take in the league's headquarters.\n\n"
            "THE ARREST - 18 February\n\nThe finance director is detained at the prosecutor's office. "
            "A judge releases him on bail two days later.")
    claims = [c for c in _claims_on(body, nlp, "2031-03-27") if c.parent is None]
    dated = {c.text.split()[1]: c.time.value if c.time else None for c in claims}
    assert dated["Pellvane"] == "2031-02-10", dated
    assert dated["raids"] == "2031-02-16", dated
    assert dated["finance"] == "2031-02-18", dated
    assert dated["judge"] == "2031-02-20", dated

