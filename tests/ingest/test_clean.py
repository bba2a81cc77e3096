"""Unit tests of the cleaner and the dateline parser on small pages written for these tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.clean import NO_TEXT, clean_documents
from storyline.ingest.dateline import find_dateline, find_wire_dateline, parse_date
from storyline.model import Article, PublishedDate

LEAD = (
    "The harbour authority of Portvale closed the northern quay on Monday after a crane collapsed "
    "onto a cargo ship during a storm, officials said."
)
SECOND = (
    "No one was hurt, but the ship's owner said repairs could take several weeks and that the "
    "cargo of timber would be moved to another port."
)
THIRD = (
    "Dock workers have complained for years that the cranes on the northern quay were too old to "
    "work safely in high winds, their union said in a statement."
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def clean_one(text: str, **kw: str | None) -> Article:
    raw = RawDocument(source=kw.pop("source", None) or "page.txt", format="text", text=text, **kw)  # type: ignore[arg-type]
    [result] = clean_documents([raw])
    assert isinstance(result, Article), result
    return result


def reasons(article: Article) -> dict[str, str]:
    return {part.text: part.reason for part in article.removed}


# --- furniture --------------------------------------------------------------------------------


def test_site_furniture_is_removed_and_recorded() -> None:
    text = page(
        "Skip to content",
        "Home » World » Europe",
        "Crane Collapse Shuts Northern Quay in Portvale",
        "By Mara Lind",
        "Share on Facebook",
        LEAD,
        "Advertisement",
        SECOND,
        "We use cookies to improve your experience on our site.",
        THIRD,
        "Subscribe to our newsletter",
        "© 2025 Portvale Post. All rights reserved.",
    )
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND, THIRD)
    assert article.title == "Crane Collapse Shuts Northern Quay in Portvale"
    assert article.author == "Mara Lind"
    cut = reasons(article)
    for line in ("Skip to content", "Home » World » Europe", "Share on Facebook", "Advertisement",
                 "Subscribe to our newsletter", "© 2025 Portvale Post. All rights reserved.",
                 "We use cookies to improve your experience on our site."):
        assert cut.get(line), line
    assert cut["By Mara Lind"] == "byline"
    lines = {part.text: part.line for part in article.removed}
    assert lines["Skip to content"] == 1 and lines["Advertisement"] == 13


def test_labels_and_lists_below_the_article_are_cut_and_their_headlines_kept_as_teasers() -> None:
    text = page(
        LEAD, SECOND, THIRD,
        "Related Articles",
        "Fishing Fleet Returns Early as Storm Season Begins",
        "Portvale Council Approves New Ferry Terminal After Long Dispute",
        "Tags:",
        "Leave a Reply",
    )
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND, THIRD)
    headlines = [t.headline for t in article.teasers]
    assert "Fishing Fleet Returns Early as Storm Season Begins" in headlines
    assert "Portvale Council Approves New Ferry Terminal After Long Dispute" in headlines
    assert "Leave a Reply" in reasons(article)


def test_quote_introduction_ending_in_colon_is_not_furniture() -> None:
    article = clean_one(page(LEAD, "The statement read:", SECOND, THIRD))
    assert "The statement read:" in article.body


# --- lines repeated on other pages of the same site -------------------------------------------

FOOTER = "The Portvale Post is an independent newsroom funded by its readers and members."


def test_line_repeated_on_pages_of_one_site_is_removed() -> None:
    other = (
        "A second storm is expected to reach the coast on Thursday, forecasters said, with gusts of "
        "up to 110 kilometres an hour along the northern shore."
    )
    third = "Schools in the lower town will stay closed until the flood water has been pumped away."
    raws = [
        RawDocument("a", "text", text=page(LEAD, SECOND, FOOTER), url="https://www.portvalepost.example/a"),
        RawDocument("b", "text", text=page(other, third, FOOTER), url="https://portvalepost.example/b"),
        RawDocument("c", "text", text=page(THIRD, SECOND, FOOTER), url="https://another.example/c"),
    ]
    a, b, c = clean_documents(raws)
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert FOOTER not in a.body and FOOTER not in b.body
    assert reasons(a)[FOOTER] == "repeated on 2 pages of the same site"
    assert FOOTER in c.body  # another site


def test_files_in_one_folder_count_as_one_site(tmp_path) -> None:  # type: ignore[no-untyped-def]
    label = "Read our coverage of the coast"
    other = "Ferry services between the islands were suspended for a second day, the operator said."
    raws = [
        RawDocument("1", "text", text=page(LEAD, SECOND, label), path=str(tmp_path / "1.txt")),
        RawDocument("2", "text", text=page(other, THIRD, label), path=str(tmp_path / "2.txt")),
    ]
    first, second = clean_documents(raws)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert label not in first.body and label not in second.body


def test_copies_of_one_article_on_one_site_keep_their_text() -> None:
    body = page(LEAD, SECOND, THIRD)
    raws = [
        RawDocument("a", "text", text=body, url="https://news.example/story"),
        RawDocument("b", "text", text=body + "\n\nPrint", url="https://news.example/story?print=1"),
    ]
    a, b = clean_documents(raws)
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.body == body and b.body == body and a.id == b.id


# --- duplicate lines and captions -------------------------------------------------------------


def test_caption_printed_twice_with_slash_credit_is_removed() -> None:
    caption = "\u00a0Rescue crews inspect the fallen crane on the northern quay on Monday / Portvale Post"
    article = clean_one(page("Crane Collapse Shuts Northern Quay", caption, caption.replace("'", "\\'"), LEAD, SECOND))
    assert article.body.startswith(LEAD)
    assert "Rescue crews" not in article.body
    assert sum("photo caption" in part.reason for part in article.removed) == 2


def test_caption_with_glued_agency_credit_is_removed() -> None:
    caption = "The harbour master, left, and the mayor of Portvale walk along the quay"
    article = clean_one("\n".join(["Crane Collapse Shuts Northern Quay", "", caption, caption + "AFP", "", LEAD, SECOND]))
    assert article.body == page(LEAD, SECOND)
    cut = reasons(article)
    assert cut[caption] == "photo caption"
    assert cut[caption + "AFP"] == "photo caption (credit 'AFP' glued on)"


def test_repeated_body_line_kept_once() -> None:
    article = clean_one(page(LEAD, SECOND, SECOND, THIRD))
    assert article.body == page(LEAD, SECOND, THIRD)
    assert [p.reason for p in article.removed] == ["duplicate line"]
    assert article.removed[0].line == 5


def test_credit_line_and_its_caption_are_removed() -> None:
    article = clean_one("\n".join([LEAD, "Workers clear debris from the quay", "(AP Photo/Jon Vass)", SECOND]))
    assert article.body == page(LEAD, SECOND)


# --- portal pages: teasers, headline, breadcrumb ----------------------------------------------

PORTAL = [
    "Tuesday, March 4, 2025",
    "Lighthouse Keepers Return to Three Islands After Decades Away",
    "The coast guard says staffed lighthouses are cheaper to run than the automated beacons they replaced.",
    "WATCH: Seals Take Over Abandoned Ferry Pier in Stunning Footage",
    "Residents have started charging visitors to watch the colony from a fishing boat.",
    "Shipyard Orders Surge as Owners Replace Ageing Fleets",
    "Order books at the two largest yards are full until the end of the decade, managers say.",
    "Crane Collapse Shuts Northern Quay in Portvale",
]


def test_portal_page_is_split_into_teasers_headline_and_article() -> None:
    article = clean_one(page(*PORTAL, "HarbourCrane Collapse Shuts Northern Quay in Portvale", LEAD, SECOND, THIRD))
    assert article.title == "Crane Collapse Shuts Northern Quay in Portvale"
    assert article.raw_title == "HarbourCrane Collapse Shuts Northern Quay in Portvale"
    assert [t.headline for t in article.teasers] == [PORTAL[1], PORTAL[3], PORTAL[5]]
    assert article.teasers[0].summary == PORTAL[2]
    assert article.body == page(LEAD, SECOND, THIRD)
    cut = reasons(article)
    assert cut["HarbourCrane Collapse Shuts Northern Quay in Portvale"] == "breadcrumb glued to headline"
    assert cut[PORTAL[1]].startswith("teaser") and cut[PORTAL[2]].startswith("teaser")
    published = article.published
    # A portal's dateline is the page's date: an upper bound only, the article may be older.
    assert (published.value, published.source, published.earliest, published.latest, published.portal) == (
        "2025-03-04", "dateline", None, "2025-03-04", True)
    assert published.note and "page's date" in published.note


def test_portal_page_without_glued_headline_still_finds_teasers() -> None:
    article = clean_one(page(*PORTAL, LEAD, SECOND, THIRD))
    assert article.title == PORTAL[-1]
    assert len(article.teasers) == 3
    assert article.body == page(LEAD, SECOND, THIRD)


def test_breadcrumb_glued_with_a_space_and_headline_in_capitals() -> None:
    headline = "CRANE COLLAPSE SHUTS NORTHERN QUAY"
    article = clean_one(page(headline, "Local News " + headline, LEAD, SECOND))
    assert article.title == headline
    assert article.body == page(LEAD, SECOND)


def test_headline_lead_and_subheading_are_not_mistaken_for_a_teaser() -> None:
    article = clean_one(page("Crane Collapse Shuts Northern Quay", LEAD, "Years of Warnings", SECOND, THIRD))
    assert article.title == "Crane Collapse Shuts Northern Quay"
    assert article.body == page(LEAD, "Years of Warnings", SECOND, THIRD)
    assert not article.teasers


def test_standfirst_under_headline_goes_to_highlights() -> None:
    dek = "Dock workers say the accident was a warning that the port authority chose to ignore"
    article = clean_one(page("NEWS", "Crane collapse shuts the northern quay in Portvale", "Updated", dek, LEAD, SECOND))
    assert article.title == "Crane collapse shuts the northern quay in Portvale"
    assert article.highlights == [dek]
    assert article.body == page(LEAD, SECOND)


def test_short_line_between_headline_and_standfirst_is_not_the_title() -> None:
    dek = "Dock workers say the accident was a warning that the port authority chose to ignore"
    article = clean_one(page("NEWS", "Crane collapse shuts the northern quay in Portvale", "Correspondent in Portvale",
                             dek, LEAD, SECOND))
    assert article.title == "Crane collapse shuts the northern quay in Portvale"
    assert article.highlights == [dek] and article.body == page(LEAD, SECOND)


def test_key_highlights_list_is_kept_apart() -> None:
    text = "\n".join([
        LEAD, SECOND, THIRD,
        "🔑 Key Takeaways:",
        "- A crane fell onto a cargo ship in a storm.",
        "- The northern quay is closed for weeks.",
        "",
        "Leave a Reply",
    ])
    article = clean_one(text)
    assert article.highlights == ["A crane fell onto a cargo ship in a storm.", "The northern quay is closed for weeks."]
    assert article.body == page(LEAD, SECOND, THIRD)
    assert "🔑 Key Takeaways:" in reasons(article)



def test_a_list_between_the_articles_paragraphs_is_the_articles_text() -> None:
    """A release's "Main findings" with its prose going on below is a section of the article: its
    items stay in the body (an outlet's summary list is kept apart, as above)."""
    items = ["1. The quay's only crane had been out of service for 19 days before the collapse.",
             "2. Its load records for the week had been filled in before the loads were lifted."]
    article = clean_one(page(LEAD, SECOND, "Main findings", *items, "Measures", THIRD))
    assert all(item in article.body for item in items), article.body
    assert article.highlights == []


# --- document dates ---------------------------------------------------------------------------


def test_dateline_forms_at_the_top_are_read_and_removed() -> None:
    for line, expected in [
        ("Jan. 5, 2025", "2025-01-05"),
        ("2025-03-04", "2025-03-04"),
        ("5 March 2025 | 10:32", "2025-03-05"),
        ("Published: 04.03.2025 14:05 MSK", "2025-03-04"),
        ("Posted : 2025.03.04 09:15 KST | Updated : 2025.03.05 10:00 KST", "2025-03-04"),
        ("March 4, 2025 10:32 AM GMT+9Updated 2 hours ago", "2025-03-04"),
    ]:
        article = clean_one(page("Crane Collapse Shuts Northern Quay", line, LEAD, SECOND))
        assert article.published.value == expected, line
        assert article.published.source == "dateline"
        assert article.published.earliest == article.published.latest == expected
        assert "portal" not in (article.published.note or "")
        assert reasons(article)[line] == "dateline"
        assert article.title == "Crane Collapse Shuts Northern Quay"
        assert article.body == page(LEAD, SECOND)


def test_byline_with_date_gives_author_and_date() -> None:
    article = clean_one(page("Crane Collapse Shuts Northern Quay", "By Mara Lind | March 3, 2025 4:12 PM ET", LEAD))
    assert article.author == "Mara Lind"
    assert article.published.value == "2025-03-03"


def test_byline_with_a_role_and_a_date() -> None:
    for line in ("By Mara Lind, Northern correspondent \u00b7 Monday 3 March 2025",
                 "By Mara Lind, Staff Writer | March 3, 2025"):
        article = clean_one(page("Crane Collapse Shuts Northern Quay", line, LEAD))
        assert (article.author, article.published.value) == ("Mara Lind", "2025-03-03"), line
    # a sentence that names a correspondent beside a date is prose, not a byline
    prose = "By then, a correspondent said, the quay had been shut since 3 March 2025."
    assert clean_one(page(LEAD, prose, SECOND)).published.value is None


def test_live_entry_stamps_on_their_own_lines_open_their_entries() -> None:
    text = ("LIVE: storm day two\n\nAll times local.\n\n07:05\nGood morning and welcome back to our coverage of "
            "the storm.\n\n07:40\nThe county has not issued a new figure overnight.\n\n08:55\nSchools stay shut today.\n")
    body = clean_one(text).body
    assert "07:05 Good morning and welcome back" in body
    assert "07:40 The county has not issued" in body
    # a lone clock line on an ordinary page is still furniture
    assert "09:12" not in clean_one(page(LEAD, "09:12", SECOND)).body


def test_a_place_before_the_date_and_a_local_time_make_datelines() -> None:
    from storyline.ingest.dateline import find_dateline

    for line, day in (("Brask, 13 February 2026", "2026-02-13"),
                      ("Ostrel Press Agency | Thursday, April 2, 2026 | 16:05 local", "2026-04-02"),
                      ("Live coverage, Friday 11 September 2026", "2026-09-11"),
                      ("Live blog: Saturday 3 March 2026", "2026-03-03"),
                      ("28/03/2026 10:41 | Domestic news | 2nd version", "2026-03-28"),
                      ("KPA | Filed 2026-03-11 16:42 | Security / Dravosk | Priority: urgent", "2026-03-11"),
                      ("TNA | 29.07.2026 | 11:42 | TELMARK-WEATHER/HEAT (UPDATE 2)", "2026-07-29"),
                      ("Monday 9 March 2026 | Last update 17:44 | Prices delayed by 15 minutes", "2026-03-09"),
                      ("Date of decision: 14 October 2031", "2031-10-14"), ("Release date: 3 May 2031", "2031-05-03"),
                      ("Filed: 25/03/2031 16:40 (GMT+2)", "2031-03-25"),
                      ("Live coverage from the National Chamber, Thursday 12 February 2031", "2031-02-12"),
                      # a bare date opening the line sets a longer label apart
                      ("18/04/2031 | Live updates from the Radio Dunmere newsroom, oldest first", "2031-04-18"),
                      # dashes between the fields are no words
                      ("Sunday 7 September 2031 - Live coverage by Ann Vell and Tom Brask - Last updated 18:40", "2031-09-07"),
                      # a place's local time beside the clock
                      ("Issued: Monday 9 March 2031, 11:00 Brask time", "2031-03-09"),
                      # a header's dated first sentence, then short notes
                      ("Live page started Friday 3 April 2031. All times are Brask time. Newest entries first.", "2031-04-03"),
                      # a venue set apart by a bar: a room's number and a comma in the place
                      ("Court 3, Orlesk | Tuesday 24 February 2031", "2031-02-24"),
                      # a broadcaster's web copy of a bulletin
                      ("Saturday 4 April 2031 - 15:00 bulletin, web version", "2031-04-04"),
                      # a brief's header: labels set apart by dashes, the date alone in its field
                      ("VANTRIX POST - Money in brief - 2 May 2031", "2031-05-02"),
                      # a wire's stamp, its month in letters between dashes
                      ("04-Mar-2026 16:22 GMT", "2026-03-04"),
                      # a print page's header: the paper, the date, the page, the section
                      ("HARBOUR HERALD -- Friday 3 April 2026 -- Page 3 -- CITY HALL", "2026-04-03"),
                      ("Harbour Herald - 3 April 2026 - Page 12", "2026-04-03"),
                      # a bulletin's number beside its name, a double dash before the date
                      ("STAFF UNION BULLETIN No. 4 -- 9 May 2031", "2031-05-09"),
                      # a masthead: the outlet's name in capitals, a dash, the date alone
                      ("NORTH SHORE ECHO - Friday 27 February 2031", "2031-02-27"),
                      # or in capitalised words, the date with its clock time
                      ("Radio Harbour News - 02.05.2031, 08:00", "2031-05-02"),
                      ("RADIO HARBOUR NEWS - 28.09.2031, 14:20", "2031-09-28"),
                      # a release's header
                      ("For immediate release - 13 March 2031", "2031-03-13"),
                      ("Embargoed until 00:01 on Friday 14 March 2031", "2031-03-14")):
        found = find_dateline(line)
        assert found is not None and found.date.isoformat() == day, line
    for prose in ("Brask, the capital, voted on 13 February 2026", "Talks resumed in Brask on 13 February 2026",
                  "Coverage of the floods resumed on 3 March 2026",
                  "12 March 2026 | The council voted. Then it left | Politics",
                  "18/04/2031 | The minister said that the talks would resume after the holiday weekend.",
                  "News | Talks resumed in Brask on 13 February 2026 | World", "Date of birth: 3 May 1980",
                  "The claim was filed on 25 March 2031", "Live music from the Old Town, Thursday 12 February 2031 and after",
                  "Talks resumed at the same time 3 May 2031",
                  # a dated first sentence followed by prose, not by a header's notes
                  "Published 3 March 2031. The minister resigned on Friday after a long row over the budget.",
                  "Live page started Friday 3 April 2031. The ferry sank. Nine people died. Rescuers were there.",
                  "Police said 300 people | 24 February 2031",
                  # a related story's headline with its date
                  "Ferry fares rise - 2 May 2031", "North Shore Echo - Friday 27 February 2031",
                  "Ferry fares rise - 2 May 2031, 14:20", "Radio Harbour News - 02.05.2031 after 08:00",
                  "The web version of 4 April 2031 was pulled after the broadcast",
                  "Police say 14 of 19 - 3 March 2031 - Brask", "The plan - announced 3 March 2031 - was dropped"):
        assert find_dateline(prose) is None, prose


def test_a_pages_note_of_when_it_ran_dates_it() -> None:
    """"This article appeared in the Harbour Post's Sunday edition of 9 May 2032." at the foot of
    a page with no other date is its publication date; a page whose notes name two dates has none."""
    note = "This article appeared in the Harbour Post's Sunday edition of 9 May 2032."
    article = clean_one(page(LEAD, SECOND, note))
    assert article.published.value == "2032-05-09" and article.published.source == "dateline", article.published
    other = "A version of this article appeared in print on 16 May 2032."
    assert clean_one(page(LEAD, SECOND, note, other)).published.value is None


def test_no_date_is_invented() -> None:
    text = page("On March 5, 2025, the quay reopened.", LEAD, "The storm of 12 February 2024 was worse.", SECOND)
    article = clean_one(text)
    published = article.published
    assert (published.value, published.source, published.earliest, published.latest) == (None, None, None, None)
    assert article.body.startswith("On March 5, 2025")


def test_ambiguous_numeric_date_is_not_guessed() -> None:
    assert find_dateline("03/04/2025") is None
    assert find_dateline("23/04/2025") is not None and find_dateline("23/04/2025").date == date(2025, 4, 23)  # type: ignore[union-attr]


def test_metadata_date_wins_over_a_dateline() -> None:
    article = clean_one(page("March 9, 2025", LEAD, SECOND), published="2025-03-08")
    assert (article.published.value, article.published.source) == ("2025-03-08", "metadata")
    assert article.body == page(LEAD, SECOND)


MONTHS_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
MONTHS_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

RENDERERS = {
    "weekday month day, year": lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS_FULL[d.month - 1]} {d.day}, {d.year}",
    "abbreviated month": lambda d: f"{MONTHS_ABBR[d.month - 1]} {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
    "day month year": lambda d: f"{d.day} {MONTHS_FULL[d.month - 1]} {d.year}",
    "weekday day month year": lambda d: f"{WEEKDAYS[d.weekday()][:3]} {d.day:02d} {MONTHS_FULL[d.month - 1][:3]} {d.year}",
    "dotted day first": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "dotted year first": lambda d: f"{d.year}. {d.month}. {d.day}.",
    "slashed year first": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "korean": lambda d: f"{d.year}년 {d.month}월 {d.day}일",
    "compact abbreviated": lambda d: f"{MONTHS_FULL[d.month - 1][:3]}.{d.day},{d.year}",
    "spanish": lambda d: f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}",
    "russian": lambda d: f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} г.",
}
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(dates, st.sampled_from(sorted(RENDERERS)))
def test_every_supported_format_parses_back(day: date, name: str) -> None:
    written = RENDERERS[name](day)
    assert parse_date(written) == day, written
    found = find_dateline(written)
    assert found is not None and found.date == day


@given(dates, st.sampled_from(sorted(RENDERERS)), st.sampled_from(["", " | 10:32", " 09:05 AM EST", ", 23:59 KST"]),
       st.sampled_from(["", "Published: ", "Updated ", "Posted on "]))
def test_datelines_with_times_and_labels_parse_back(day: date, name: str, time: str, label: str) -> None:
    found = find_dateline(label + RENDERERS[name](day) + time)
    assert found is not None and found.date == day
    assert found.updated == label.startswith("Updated")


@given(dates)
def test_unambiguous_slashed_dates_parse_back(day: date) -> None:
    assume(day.day > 12)
    assert parse_date(f"{day.month}/{day.day}/{day.year}") == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day


@given(dates, st.sampled_from(sorted(RENDERERS)))
def test_a_sentence_mentioning_a_date_is_not_a_dateline(day: date, name: str) -> None:
    assert find_dateline(f"The ministry said the ferry would sail again on {RENDERERS[name](day)}.") is None


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)))
def test_iso_timestamps_parse_back(moment: datetime) -> None:
    stamp = moment.replace(microsecond=0).isoformat() + "+09:00"
    found = find_dateline(stamp)
    assert found is not None and found.date == moment.date()
    assert find_dateline((moment + timedelta(days=1)).strftime("%Y-%m-%d")) is not None


# --- HTML-derived documents, errors, order, text unchanged -------------------------------------


def test_html_derived_text_gets_light_cleaning_only() -> None:
    raw = RawDocument(
        source="page.html", format="html", html="<html></html>", title="Crane Collapse Shuts Northern Quay",
        published="2025-03-04T10:00:00", site="Portvale Post",
        text="\n".join(["Crane Collapse Shuts Northern Quay", LEAD, "Why it matters now", SECOND, SECOND,
                        "Share this article", THIRD]),
    )
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert article.title == "Crane Collapse Shuts Northern Quay"
    assert article.body == page(LEAD, "Why it matters now", SECOND, THIRD)
    assert (article.published.value, article.published.source) == ("2025-03-04", "metadata")
    assert article.site == "Portvale Post" and not article.teasers


def test_empty_after_cleaning_is_an_error_and_batch_order_is_kept() -> None:
    raws = [
        RawDocument("one.txt", "text", text=page(LEAD, SECOND)),
        RawDocument("menu.txt", "text", text=page("Home", "Share this article", "Subscribe", "Leave a Reply")),
        RawDocument("none.txt", "text", text=None),
        RawDocument("three.txt", "text", text=THIRD),
    ]
    out = clean_documents(raws)
    assert isinstance(out[0], Article) and isinstance(out[3], Article)
    assert out[1] == IngestError("menu.txt", NO_TEXT)
    assert out[2] == IngestError("none.txt", NO_TEXT)
    assert out[3].body == THIRD


def test_whitespace_normalised_words_unchanged_and_id_from_body() -> None:
    messy = "The  harbour\tauthority\u00a0closed the quay , officials said  ."
    article = clean_one(page(messy, SECOND))
    assert article.body == "The harbour authority closed the quay , officials said .\n\n" + SECOND
    assert article.id == Article.make_id(article.body) and len(article.id) == 16


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The harbour authority of Portvale closed the northern quay on Monday\n"
        "after a crane collapsed onto a cargo ship during a storm, officials\n"
        "said on Tuesday morning.\n\n"
        "No one was hurt, but the ship's owner said repairs could take several\n"
        "weeks and that the cargo would be moved to another port nearby.\n"
    )
    article = clean_one(wrapped)
    assert article.body.split("\n\n") == [
        "The harbour authority of Portvale closed the northern quay on Monday after a crane collapsed onto "
        "a cargo ship during a storm, officials said on Tuesday morning.",
        "No one was hurt, but the ship's owner said repairs could take several weeks and that the cargo "
        "would be moved to another port nearby.",
    ]


def test_date_under_the_headline_wins_over_the_site_header_date() -> None:
    text = "\n".join([
        "Skip to content", "Friday, March 7, 2025", "Latest:", "Ferry Route Reopens After Winter Pause",
        "Home", "World", "Crane Collapse Shuts Northern Quay", "admin", "March 6, 2025", "Share on Facebook",
        LEAD, SECOND, THIRD,
    ])
    article = clean_one(text)
    assert article.title == "Crane Collapse Shuts Northern Quay"
    assert [t.headline for t in article.teasers] == ["Ferry Route Reopens After Winter Pause"]  # under "Latest:"
    assert article.published.value == "2025-03-06"
    assert article.published.note and "under the headline" in article.published.note
    assert "2025-03-07" in article.published.note
    assert article.body == page(LEAD, SECOND, THIRD)


def test_headlines_listed_after_the_article_behind_furniture_are_teasers() -> None:
    text = "\n".join([LEAD, SECOND, "(END)", "#harbour #storm", "Fishing Fleet Returns Early as Storm Season Begins"])
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND)
    assert [t.headline for t in article.teasers] == ["Fishing Fleet Returns Early as Storm Season Begins"]


def test_shared_wire_copy_in_one_folder_is_not_taken_for_furniture(tmp_path) -> None:  # type: ignore[no-untyped-def]
    wire = "The port will stay closed until engineers have checked every crane, the harbour master said."
    raws = [
        RawDocument("1", "text", text=page("Quay Closed After Crane Falls", "Harbour News", LEAD, wire), path=str(tmp_path / "1.txt")),
        RawDocument("2", "text", text=page("Cranes To Be Checked", "Harbour News", THIRD, wire), path=str(tmp_path / "2.txt")),
    ]
    first, second = clean_documents(raws)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert wire in first.body and wire in second.body
    assert "Harbour News" not in first.body


def test_a_read_also_link_inside_the_story_does_not_cut_the_rest() -> None:
    fourth = "The harbour master said the quay would reopen once every crane had been inspected by engineers."
    fifth = "Insurers have sent their own team of assessors, and the port expects a report by the end of the month."
    text = "\n".join([LEAD, SECOND, THIRD, "Read also:", "Port Strike Talks Resume as Deadline Nears", fourth, fifth])
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND, THIRD, fourth, fifth)
    assert [t.headline for t in article.teasers] == ["Port Strike Talks Resume as Deadline Nears"]


def test_everything_below_a_comments_label_is_cut() -> None:
    comment = "Great reporting, I have worked on that quay for twenty years and nobody ever listened to us."
    article = clean_one("\n".join([LEAD, SECOND, "3 Comments", "Jon Harbor", comment]))
    assert article.body == page(LEAD, SECOND)
    assert reasons(article)[comment].startswith("comments below the article")


def test_light_path_keeps_short_lines_list_items_and_tables() -> None:
    text = "\n".join(["Season Standings", "| Pos | Team | Points |", "| 1 | Harbour FC | 40 |", "- Yes", "- Yes",
                      LEAD, "Click here to subscribe to our newsletter."])
    raw = RawDocument(source="t.html", format="html", html="<p></p>", text=text, title="Standings")
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert article.body.split("\n\n") == text.split("\n")[:-1]


def test_aggregator_page_outlet_line_under_headline_is_not_the_title() -> None:
    text = "\n".join(["Crane Collapse Shuts Northern Quay in Portvale", "The Coastal Courier", "Follow", "2 days ago",
                      LEAD, SECOND, THIRD])
    article = clean_one(text)
    assert article.title == "Crane Collapse Shuts Northern Quay in Portvale"
    assert article.body == page(LEAD, SECOND, THIRD)
    assert (article.published.value, article.published.source) == (None, None)  # "2 days ago" is no date


def test_single_captions_recognised_by_their_credit_or_wording() -> None:
    captions = [
        "The harbour master inspects the fallen crane in Portvale.PORT AUTHORITY VIA REUTERS",
        "Workers gather on the quay after the accident. (Portvale Post/Yonhap)",
        "A crane lies across the deck of a cargo ship in this handout photo released by the port authority.",
    ]
    article = clean_one(page("Crane Collapse Shuts Northern Quay", *captions, LEAD, SECOND))
    assert article.body == page(LEAD, SECOND)
    cut = reasons(article)
    assert all("caption" in cut[c] for c in captions)


def test_a_sentence_saying_talk_is_still_about_something_is_no_caption() -> None:
    """"in the corridors is still about ..." is a sentence, not "in this still from video"."""
    line = "Talk in the corridors is still about the night's debate in Orvik, where the two rivals clashed."
    article = clean_one(page("Crane Collapse Shuts Northern Quay", LEAD, line, SECOND))
    assert line in article.body, reasons(article)
    still = "The harbour master speaks in this still from video released by the port authority"
    article = clean_one(page("Crane Collapse Shuts Northern Quay", still, LEAD, SECOND))
    assert "caption" in reasons(article)[still]


def test_wordpress_posted_on_line_with_lowercase_author() -> None:
    article = clean_one(page("Crane Collapse Shuts Northern Quay", "Posted on March 3, 2025 by admin", LEAD, SECOND))
    assert article.published.value == "2025-03-03"
    assert article.body == page(LEAD, SECOND)


def test_portal_with_the_article_date_under_its_headline() -> None:
    article = clean_one(page(*PORTAL, "March 2, 2025", LEAD, SECOND, THIRD))
    assert article.title == PORTAL[-1]
    assert len(article.teasers) == 3
    assert article.published.value == "2025-03-02"
    assert article.published.note and "under the headline" in article.published.note
    assert "portal" not in article.published.note and "2025-03-04" in article.published.note


def test_wordpress_and_news_agency_furniture() -> None:
    junk = [
        "Share this:", "Click to share on X (Opens in new window)", "Like this:", "Like Loading...",
        "Reporter Jon Vass jvass@portvale.example", "Join our Telegram channel for more updates!",
        "Unauthorized reproduction and redistribution prohibited", "Powered by WordPress",
        "Our Standards: The Portvale Post Trust Principles., opens new tab",
    ]
    article = clean_one("\n".join([LEAD, SECOND, *junk, THIRD]))
    assert article.body == page(LEAD, SECOND, THIRD)
    assert article.author == "Jon Vass"
    assert set(junk) <= set(reasons(article))


def test_byline_rule_does_not_take_a_sentence_starting_with_by() -> None:
    for line in ["By Tuesday the crews had cleared the wreckage from the quay",
                 "By Tuesday, the crews had cleared the wreckage.", "By March 3, the quay had reopened"]:
        article = clean_one(page(LEAD, line, SECOND))
        assert line in article.body and article.author is None, line
    assert clean_one(page("Crane Collapse Shuts Northern Quay", "By May Lin", LEAD, SECOND)).author == "May Lin"


def test_standfirst_ending_in_a_period_above_the_photo_is_not_the_lead() -> None:
    dek = "Dock workers say the accident was a warning that the port authority chose to ignore."
    caption = "The harbour master, right, and the mayor of Portvale on the quay"
    article = clean_one(page("Crane collapse shuts the northern quay in Portvale", "Updated", dek, caption, LEAD, SECOND))
    assert article.highlights == [dek]
    assert article.body == page(LEAD, SECOND)


def test_metadata_dates_keep_their_precision() -> None:
    for published, expected in [
        ("2025-03-04T10:00:00+09:00", ("2025-03-04", "2025-03-04", "2025-03-04")),
        ("2024-02", ("2024-02", "2024-02-01", "2024-02-29")),
        ("2024-12", ("2024-12", "2024-12-01", "2024-12-31")),
        ("2023", ("2023", "2023-01-01", "2023-12-31")),
    ]:
        p = clean_one(page(LEAD, SECOND), published=published).published
        assert (p.value, p.earliest, p.latest) == expected and p.source == "metadata"
    assert clean_one(page(LEAD, SECOND), published="not a date").published.source is None


def test_prompt_words_opening_a_sentence_of_the_article_are_kept() -> None:
    lines = [
        "Advertisement spending by the port authority rose by a fifth last year, the auditors said.",
        "Powered by two new diesel engines, the replacement crane can lift forty tonnes.",
        "Copyright law does not cover the port's safety reports, a court ruled in May.",
    ]
    article = clean_one(page(LEAD, *lines, SECOND))
    assert article.body == page(LEAD, *lines, SECOND)


def test_light_path_drops_a_kicker_printed_above_the_title_line() -> None:
    raw = RawDocument(source="k.html", format="html", html="<p></p>", title="Crane Collapse Shuts Northern Quay",
                      text="\n".join(["Harbour news", "Crane Collapse Shuts Northern Quay", LEAD, SECOND]))
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert article.body == page(LEAD, SECOND)
    assert reasons(article)["Harbour news"].startswith("text above the headline")


def test_tags_below_the_article_are_not_teasers_and_teasers_keep_page_order() -> None:
    text = page(*PORTAL, LEAD, SECOND, THIRD, "Check Out Other Tags:", "Portvale", "Harbour Safety",
                "Most Popular Articles", "Fishing Fleet Returns Early as Storm Season Begins",
                "Skippers say the catch has been the smallest in a decade.")
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND, THIRD)
    assert [t.headline for t in article.teasers] == [PORTAL[1], PORTAL[3], PORTAL[5],
                                                     "Fishing Fleet Returns Early as Storm Season Begins"]
    assert article.teasers[-1].summary == "Skippers say the catch has been the smallest in a decade."


def test_unbulleted_summary_list_is_taken_but_not_the_article_after_a_summary_label() -> None:
    items = ["A crane fell onto a cargo ship in a storm.", "The northern quay is closed for weeks."]
    article = clean_one("\n".join([LEAD, SECOND, "Summary", *items]))
    assert article.highlights == items and article.body == page(LEAD, SECOND)
    short = [f"Crane number {n} was inspected on the quay today." for n in range(1, 9)]
    article = clean_one("\n".join(["Summary", *short]))
    assert article.highlights == [] and article.body == page(*short)


def test_title_given_with_a_text_document_is_used_and_its_line_removed() -> None:
    article = clean_one(page("Crane Collapse Shuts Northern Quay", LEAD, SECOND), title="Crane collapse shuts northern quay")
    assert article.title == "Crane collapse shuts northern quay"
    assert article.body == page(LEAD, SECOND)


def test_a_sentence_broken_over_two_lines_is_one_paragraph() -> None:
    article = clean_one("\n".join([LEAD, "The owner said repairs could take", "several weeks, and the cargo would move.", SECOND]))
    assert article.body == page(LEAD, "The owner said repairs could take several weeks, and the cargo would move.", SECOND)


def test_aggregator_outlet_and_date_under_the_headline() -> None:
    text = "\n".join(["Crane Collapse Shuts Northern Quay in Portvale", "The Coastal Courier", "Mar 6, 2025",
                      LEAD, SECOND, "Read the full story on The Coastal Courier"])
    article = clean_one(text)
    assert article.title == "Crane Collapse Shuts Northern Quay in Portvale"
    assert article.published.value == "2025-03-06"
    assert article.body == page(LEAD, SECOND)


# --- generated pages: any mix of the page parts above must come apart the same way -------------

BODY_POOL = [
    LEAD, SECOND, THIRD,
    "Engineers from the national rail company were called in to check the tracks that run along the quay, "
    "which carry grain trains to the silos at the end of the harbour.",
    "The mayor of Portvale said the city would ask the government for emergency funds to replace the oldest "
    "cranes before the autumn storms arrive.",
]
TEASER_POOL = [
    ("Lighthouse Keepers Return to Three Islands After Decades Away",
     "The coast guard says staffed lighthouses are cheaper to run than the automated beacons they replaced."),
    ("Shipyard Orders Surge as Owners Replace Ageing Fleets",
     "Order books at the two largest yards are full until the end of the decade, managers say."),
    ("Ferry Fares to Rise for Second Time This Year",
     "The island operator blames fuel costs and a shortage of qualified deckhands for the increase."),
]
TOP_FURNITURE = ["Skip to content", "Home » Region » Coast", "NEWS", "Share on Facebook", "Subscribe"]
BOTTOM_FURNITURE = ["Share this article", "Leave a Reply", "Most Popular Articles", "© 2025 Portvale Post"]


@given(
    dated=st.booleans(),
    top=st.lists(st.sampled_from(TOP_FURNITURE), max_size=2, unique=True),
    n_teasers=st.sampled_from([0, 2, 3]),
    glued=st.booleans(),
    caption=st.booleans(),
    body=st.lists(st.sampled_from(BODY_POOL), min_size=2, max_size=5, unique=True),
    bottom=st.lists(st.sampled_from(BOTTOM_FURNITURE), max_size=3, unique=True),
    blank_lines=st.booleans(),
    under=st.lists(st.sampled_from(["By Mara Lind", "Updated", "5 min read"]), max_size=2, unique=True),
    dek=st.booleans(),
    highlights=st.booleans(),
    related=st.booleans(),
)
def test_generated_pages_come_apart(dated: bool, top: list[str], n_teasers: int, glued: bool, caption: bool,
                                    body: list[str], bottom: list[str], blank_lines: bool, under: list[str],
                                    dek: bool, highlights: bool, related: bool) -> None:
    headline = "Crane Collapse Shuts Northern Quay in Portvale"
    standfirst = "Dock workers say the accident was a warning that the port authority chose to ignore"
    lines = ["Tuesday, March 4, 2025"] if dated else []
    lines += top
    for teaser_headline, summary in TEASER_POOL[:n_teasers]:
        lines += [teaser_headline, summary]
    lines.append(headline)
    if glued:
        lines.append("Harbour" + headline)
    lines += under
    if dek:
        lines.append(standfirst)
    if caption:
        text = "The fallen crane lies across the deck of the cargo ship on Monday / Portvale Post"
        lines += [text, text]
    lines += body
    if highlights:
        lines += ["Key Highlights", "- A crane fell onto a ship.", "- The quay is closed."]
    if related:
        lines += ["Related Articles", *TEASER_POOL[2]]
    lines += bottom
    article = clean_one(("\n\n" if blank_lines else "\n").join(lines))
    assert article.body == page(*body)
    assert article.title == headline
    assert [t.headline for t in article.teasers][:n_teasers] == [h for h, _ in TEASER_POOL[:n_teasers]]
    assert (article.published.value == "2025-03-04") == dated
    if not dated:
        assert article.published.source is None
    assert (standfirst in article.highlights) == dek
    assert ("The quay is closed." in article.highlights) == highlights
    assert (article.author == "Mara Lind") == ("By Mara Lind" in under)


def test_glued_copy_found_despite_dash_and_quote_differences() -> None:
    clean = "Port Chief’s Warning Ignored—Crane Falls on Ship"
    glued = "HarbourPort Chief's Warning Ignored - Crane Falls on Ship"
    article = clean_one(page(*PORTAL[:7], clean, glued, LEAD, SECOND))
    assert article.title == clean and article.raw_title == glued
    assert article.body == page(LEAD, SECOND)


# --- portal or not: whose date is the dateline ------------------------------------------------


def test_dateline_of_a_page_without_teasers_is_the_articles_date() -> None:
    text = page("The Portvale Post", "Independent news from the coast", "2025-03-04 11:32",
                "Crane Collapse Shuts Northern Quay in Portvale", "Author: Mara Lind", LEAD, SECOND, THIRD)
    article = clean_one(text)
    published = article.published
    assert (published.value, published.earliest, published.latest, published.portal) == (
        "2025-03-04", "2025-03-04", "2025-03-04", False)
    assert "portal" not in (published.note or "")
    assert article.teasers == []  # a masthead and a tagline are not headlines of other stories
    cut = reasons(article)
    assert cut["The Portvale Post"].startswith("masthead") and cut["Independent news from the coast"].startswith("masthead")
    assert article.title == "Crane Collapse Shuts Northern Quay in Portvale"
    assert article.body == page(LEAD, SECOND, THIRD)


def test_explainer_with_dated_section_headings_is_no_portal() -> None:
    """A masthead, the page's date, the headline and its standfirst, then sections headed
    "The vote - 3 March": the headline and standfirst are the article's, not a teaser, so the
    dateline is the article's date and not only an upper bound."""
    headline = "How the quay was lost: the crane collapse in five steps"
    standfirst = "A month on, this is what happened at the northern quay, and what comes next for the port."
    text = page("Coast Radio - Explainer", "4 April 2025", headline, standfirst, "The collapse - 3 March", LEAD, SECOND,
                "The inquiry - 10 March", THIRD)
    article = clean_one(text)
    assert article.teasers == [] and article.title == headline
    published = article.published
    assert (published.value, published.earliest, published.portal) == ("2025-04-04", "2025-04-04", False)
    assert "Coast Radio - Explainer" not in article.body and "The collapse - 3 March" in article.body


def test_masthead_and_breadcrumb_above_a_portal_are_not_teasers() -> None:
    text = page("The Portvale Post", "World > Coast", *PORTAL, LEAD, SECOND)
    article = clean_one(text)
    assert [t.headline for t in article.teasers] == [PORTAL[1], PORTAL[3], PORTAL[5]]
    assert reasons(article)["World > Coast"] == "navigation menu or breadcrumb"
    assert article.published.portal and article.published.earliest is None


# --- wire datelines ---------------------------------------------------------------------------

WIRE_SENTENCE = "Harbour officials closed the northern quay on Monday after a crane collapsed onto a ship."


def test_wire_dateline_with_a_full_date_dates_the_article_and_stands_apart() -> None:
    for opening, expected in [
        ("PORTVALE, March 3, 2025 (Coast Wire) —", "2025-03-03"),
        ("Portvale, 3 March 2025 (Reuters) -", "2025-03-03"),
        ("PORTVALE, Northland, Mar. 3, 2025 (AP) --", "2025-03-03"),
        ("PORTVALE, Monday 3 March 2025 (Coast Wire) -", "2025-03-03"),
    ]:
        article = clean_one(page("Crane Collapse Shuts Northern Quay", f"{opening} {WIRE_SENTENCE}", SECOND))
        # Its own paragraph (a sentence boundary: the place is no speaker); no word is lost.
        assert article.body == page(opening, WIRE_SENTENCE, SECOND), opening
        published = article.published
        assert (published.value, published.source, published.earliest, published.latest, published.portal) == (
            expected, "dateline", expected, expected, False)
        assert published.note and "wire dateline" in published.note


def test_wire_dateline_without_a_year_or_date_stands_apart_but_dates_nothing() -> None:
    for opening in ["PORTVALE, March 3 (Coast Wire) -", "PORTVALE (AP) —", "PORTVALE —", "PORTVALE, Northland —",
                    "PORTVALE/NEW HARBOUR, Mar 3 (Coast Wire) -", "(Coast Wire) —"]:
        article = clean_one(page(f"{opening} {WIRE_SENTENCE}", SECOND))
        assert article.body == page(opening, WIRE_SENTENCE, SECOND), opening
        assert article.published.value is None and article.published.source is None
    yearless = clean_one(page(f"PORTVALE, March 3 (AP) - {WIRE_SENTENCE}")).published
    assert "without a year" in (yearless.note or "") and yearless.month_day == "--03-03"
    weekday = clean_one(page(f"PORTVALE, Monday 3 March (AP) - {WIRE_SENTENCE}")).published
    assert weekday.value is None and weekday.month_day == "--03-03"


def test_a_wire_dateline_reads_the_way_round_of_a_numeric_header_date() -> None:
    # "07/04/2031" is 7 April or July 4; the dateline's "April 7" says which
    for header, day in [("FILED: 07/04/2031 13:05", "2031-04-07"), ("FILED: 04/07/2031 13:05", "2031-04-07")]:
        published = clean_one(page("PORTVALE NEWS AGENCY", header, "SLUG: HARBOUR-CRANE",
                                   f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}", SECOND)).published
        assert (published.value, published.source) == (day, "dateline"), header
    # a numeric date that fits neither reading leaves the year open
    other = clean_one(page("FILED: 08/04/2031 13:05", f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert other.value is None and other.month_day == "--04-07"
    # an ISO header date gives the year of the dateline's day, when its month and day are the same
    iso = clean_one(page("PORTVALE NEWS AGENCY - GENERAL SERVICE",
                         "Transmitted: 2031-04-07 12:48 CET | Category: Business / Ports | Priority: urgent | 398 words",
                         f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}",
                         SECOND)).published
    assert (iso.value, iso.source) == ("2031-04-07", "dateline")
    other = clean_one(page("Transmitted: 2031-04-08 12:48 CET", f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert other.value is None and other.month_day == "--04-07"


def test_a_wire_dateline_under_a_slug_line_or_a_deck_is_found() -> None:
    def published(*lines: str) -> PublishedDate:
        raw = RawDocument(source="w.html", format="html", html="<p></p>", title="Crane Collapse Shuts Northern Quay",
                          text=page(*lines))
        [article] = clean_documents([raw])
        assert isinstance(article, Article)
        return article.published

    dateline = f"PORTVALE, March 3 (Coast Wire) - {WIRE_SENTENCE}"
    for above in ["HARBOUR-CRANE/ACCIDENT (UPDATE 2)", "Quay shut as crane falls onto timber ship"]:
        assert published(above, dateline, SECOND).month_day == "--03-03", above
    # a first paragraph of prose is the first paragraph: a dateline-like opening further down is not read
    prose = "Harbour officials said on Monday that the quay would stay shut while the crane is lifted away."
    assert published(prose, dateline, SECOND).month_day is None


def test_an_outlets_name_beside_the_date_at_the_top_is_a_dateline() -> None:
    published = clean_one(page("Quay shut after crane falls", "Coast Radio News | Saturday 14 March 2026, 08:00",
                               WIRE_SENTENCE, SECOND)).published
    assert published.value == "2026-03-14" and published.source == "dateline"
    assert find_dateline("Officials said on 14 March 2026 | the quay") is None  # prose beside the date


def test_a_releases_mixed_case_place_and_full_date_under_its_kind_label_dates_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Portvale, 3 March 2031 – The ministry today ordered ...": a release's place in mixed case
    and its full date open the first paragraph under the page's "Press release" label; the date
    is the release's, as a place in capitals would give it."""
    from storyline.ingest import ingest

    (tmp_path / "x01_ministry.html").write_text(
        "<html><head><title>Crane inspections ordered - Ministry of Ports</title></head><body>"
        "<header><a href='/'>Ministry of Ports</a><nav><a href='/press'>Press office</a></nav></header>"
        "<main><p>Home &gt; Press office &gt; Press releases</p><h1>Crane inspections ordered</h1>"
        "<p>Press release</p><p><strong>Portvale, 3 March 2031</strong> &ndash; The Ministry of Ports today ordered "
        "inspections of every crane on the northern quay after a crane collapsed onto a timber ship.</p>"
        f"<p>{SECOND}</p><p>Inspectors will visit the other quays on Wednesday, the ministry said.</p></main>"
        "</body></html>")
    [article], errors = ingest([str(tmp_path)])
    assert not errors and (article.published.value, article.published.source) == ("2031-03-03", "dateline")


def test_mixed_case_place_alone_stays_in_the_body() -> None:
    for first in [f"Portvale, Northland — {WIRE_SENTENCE}", f"Mara Lind — {WIRE_SENTENCE}"]:
        article = clean_one(page(first, SECOND))
        assert article.body == page(first, SECOND)


def test_metadata_date_wins_over_a_wire_date_and_the_wire_date_beats_a_portal_date() -> None:
    text = page(f"PORTVALE, March 3, 2025 (AP) — {WIRE_SENTENCE}", SECOND)
    published = clean_one(text, published="2025-03-04").published
    assert (published.value, published.source) == ("2025-03-04", "metadata")
    assert published.note and "2025-03-03" in published.note
    portal = clean_one(page(*PORTAL, f"PORTVALE, March 2, 2025 (AP) — {WIRE_SENTENCE}", SECOND, THIRD)).published
    assert (portal.value, portal.earliest, portal.portal) == ("2025-03-02", "2025-03-02", False)
    assert portal.note and "2025-03-04" in portal.note


def test_light_path_sets_a_wire_dateline_apart_too() -> None:
    raw = RawDocument(source="w.html", format="html", html="<p></p>", title="Crane Collapse Shuts Northern Quay",
                      text=page(f"PORTVALE (Coast Wire) — {WIRE_SENTENCE}", "Listen to this article",
                                "(Photo: The fallen crane. Port Authority via Portvale Post)", SECOND))
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert article.body == page("PORTVALE (Coast Wire) —", WIRE_SENTENCE, SECOND)


@given(dates, st.sampled_from(["PORTVALE", "Port Vale", "NEW HARBOUR"]), st.sampled_from(["", ", Northland"]),
       st.sampled_from(["", " (AP)", " (Coast Wire)"]), st.sampled_from([" —", " -", " --", " –"]),
       st.sampled_from(["abbreviated month", "day month year", "iso"]))
def test_wire_datelines_parse_back(day: date, place: str, region: str, agency: str, dash: str, name: str) -> None:
    opening = f"{place}{region}, {RENDERERS[name](day)}{agency}{dash}"
    found = find_wire_dateline(f"{opening} {WIRE_SENTENCE}")
    assert found is not None and found.date == day and found.place == place, opening
    assert found.text == opening and found.agency == (agency.strip(" ()") or None)


def test_a_sentence_is_not_a_wire_dateline() -> None:
    for sentence in [WIRE_SENTENCE, "UPDATE — The quay has reopened to ships this morning.",
                     "The 2024 storm - the worst in decades - wrecked the pier."]:
        assert find_wire_dateline(sentence) is None, sentence


# --- blogs, fact boxes, captions, teaser lists, bylines ---------------------------------------


def test_posted_by_line_is_a_byline_and_the_headline_above_it_is_the_title() -> None:
    text = page("Harbour Notes", "Home  About  Archive", "Why the Northern Quay Cranes Failed, and What Comes Next",
                "Posted by Harbour Notes in Analysis | 6 comments", LEAD, SECOND, "Filed under: Ports", "6 comments",
                "Leave a comment")
    article = clean_one(text)
    assert article.title == "Why the Northern Quay Cranes Failed, and What Comes Next"
    assert article.author == "Harbour Notes"
    assert article.body == page(LEAD, SECOND)
    assert reasons(article)["Posted by Harbour Notes in Analysis | 6 comments"] == "byline"


def test_outlets_own_timeline_stays_in_the_body_and_makes_no_portal() -> None:
    box = ["2024-10-02 - Inspectors record seepage under the quay", "2025-03-03 - Crane collapses onto a cargo ship"]
    text = page("2025-03-04", "Crane Collapse Shuts Northern Quay", LEAD, SECOND, "Advertisement", "TIMELINE", *box,
                "Read more:", "Port Strike Talks Resume as Deadline Nears", "Comments (3)")
    article = clean_one(text)
    assert article.body == page(LEAD, SECOND, *box)
    assert [t.headline for t in article.teasers] == ["Port Strike Talks Resume as Deadline Nears"]
    assert not article.published.portal and article.published.earliest == "2025-03-04"
    key_dates = clean_one(page(LEAD, SECOND, "Key dates", "Oct. 2, 2024: Inspectors record seepage under the quay"))
    assert key_dates.body == page(LEAD, SECOND, "Oct. 2, 2024: Inspectors record seepage under the quay")


def test_listen_prompt_and_labelled_photo_captions_are_removed() -> None:
    captions = ["(Photo: The fallen crane on the quay. Port Authority via Portvale Post)",
                "[Photo caption] Workers look at the fallen crane on the northern quay on Monday.",
                "Image source, Portvale Post", "Image caption, Workers look at the fallen crane on the quay"]
    prompts = ["Listen to this article - 5 min", "Listen · 4 min", "Listen to article"]
    article = clean_one(page("Crane Collapse Shuts Northern Quay", *prompts, LEAD, SECOND, *captions, THIRD))
    assert article.body == page(LEAD, SECOND, THIRD)
    cut = reasons(article)
    assert all(cut[p] == "site furniture" for p in prompts)
    assert all("caption" in cut[c] for c in captions)


def test_teaser_list_markers_are_stripped_and_teasers_listed_twice_kept_once() -> None:
    text = page(*PORTAL, LEAD, SECOND, THIRD, "Most Read", f"1. {PORTAL[3]}", f"2. {PORTAL[5]}",
                "More on this story", "> Port Strike Talks Resume as Deadline Nears",
                "- Ferry Fares to Rise for Second Time This Year")
    article = clean_one(text)
    assert [t.headline for t in article.teasers] == [PORTAL[1], PORTAL[3], PORTAL[5],
                                                     "Port Strike Talks Resume as Deadline Nears",
                                                     "Ferry Fares to Rise for Second Time This Year"]
    assert article.teasers[1].summary == PORTAL[4]


def test_site_glued_to_the_author_goes_to_the_site() -> None:
    raw = RawDocument(source="a.html", format="html", html="<p></p>", text=page(LEAD, SECOND),
                      author="Mara Lind · Portvale Post")
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert (article.author, article.site) == ("Mara Lind", "Portvale Post")
    raw = RawDocument(source="c.html", format="html", html="<p></p>", text=page(LEAD, SECOND),
                      author="Mara Lind — Staff Writer")
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert (article.author, article.site) == ("Mara Lind", None)
    raw = RawDocument(source="b.html", format="html", html="<p></p>", text=page(LEAD, SECOND),
                      author="Mara Lind | Portvale Post", site="The Portvale Post")
    [article] = clean_documents([raw])
    assert isinstance(article, Article)
    assert (article.author, article.site) == ("Mara Lind", "The Portvale Post")


def test_date_between_the_teasers_and_the_headline_is_the_articles() -> None:
    article = clean_one(page(*PORTAL[1:-1], "March 2, 2025", PORTAL[-1], LEAD, SECOND, THIRD))
    assert len(article.teasers) == 3
    published = article.published
    assert (published.value, published.earliest, published.portal) == ("2025-03-02", "2025-03-02", False)


def test_dated_headlines_of_a_story_list_are_not_a_fact_box() -> None:
    listed = ["2025-03-03 - Port Strike Talks Resume as Deadline Nears", "2025-03-02 - Ferry Fares to Rise Again"]
    article = clean_one(page(LEAD, SECOND, THIRD, "Latest news", *listed))
    assert article.body == page(LEAD, SECOND, THIRD)
    article = clean_one(page(LEAD, SECOND, THIRD, "Share this article", *listed))
    assert article.body == page(LEAD, SECOND, THIRD)
    above = ["2025-03-03 - Port strike talks resume as the deadline nears", "2025-03-02 - Ferry fares rise again"]
    article = clean_one(page("Tuesday, March 4, 2025", *above, "Crane Collapse Shuts Northern Quay", LEAD, SECOND))
    assert article.body == page(LEAD, SECOND)


def test_blog_meta_lines_with_a_date_are_datelines() -> None:
    headline = "Why the Northern Quay Cranes Failed, and What Comes Next"
    for meta, author in [("Posted by admin on March 3, 2025 in News | 2 comments", "admin"),
                         ("Posted on March 3, 2025 by Mara Lind | Leave a comment", "Mara Lind"),
                         ("March 3, 2025 by Mara Lind in Analysis · 4 min read", "Mara Lind")]:
        article = clean_one(page("Harbour Notes", headline, meta, LEAD, SECOND, THIRD))
        assert (article.title, article.author, article.published.value) == (headline, author, "2025-03-03"), meta
        assert article.body == page(LEAD, SECOND, THIRD)
    assert find_dateline("The quay reopened on March 3, 2025 in Portvale") is None


def test_standfirst_printed_above_the_byline_is_not_the_title() -> None:
    headline = "Crane collapse shuts the northern quay in Portvale"
    dek = "Dock workers say the accident was a warning that the port authority chose to ignore"
    text = page("Your harbour, your news", "Home > Coast", headline, dek, "By Mara Lind · The Portvale Post", LEAD,
                SECOND, "Coast Wire writer Jon Vass contributed to this report.")
    article = clean_one(text)
    assert article.title == headline and article.highlights == [dek]
    assert (article.author, article.site) == ("Mara Lind", "The Portvale Post")
    assert article.body == page(LEAD, SECOND) and article.teasers == []


def test_a_date_stamp_inside_the_article_is_furniture_not_a_sentence() -> None:
    text = page("Crane Collapse Shuts Northern Quay in Portvale", LEAD, SECOND,
                "Published : Mar. 4, 2025 - 03:50", THIRD)
    article = clean_one(text)
    assert "Published" not in article.body
    assert reasons(article)["Published : Mar. 4, 2025 - 03:50"] == "date stamp"
    # a sentence that mentions a date is prose
    prose = "The quay reopened on Mar. 4, 2025 after repairs to the crane and its rails."
    assert prose in clean_one(page("Crane Collapse Shuts Northern Quay in Portvale", LEAD, prose, SECOND)).body


def test_a_live_page_header_and_a_list_of_editors_beside_the_date_are_furniture() -> None:
    found = find_dateline("Live page started 07:45, 4 June 2031. Latest entries first. Editors: Ann Voss, Per Lund")
    assert found is not None and found.date == date(2031, 6, 4) and found.author == "Ann Voss"
    assert find_dateline("The page started on 4 June 2031 with a warning about the storm.") is None


def test_a_date_line_under_the_headline_is_found_where_the_extractor_drops_it() -> None:
    from storyline.ingest.html import headline_dateline

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    head = "<html><body><nav>Home | News</nav><article><h1>Quay closes for repairs</h1>"
    meta = "<p class=\"byline\">Ada Brenn, Harbour Reporter &middot; Thursday 5 June 2031 &middot; 3 min read</p>"
    tail = f"<div><p>{body}</p><p>{body}</p></div></article><aside><p>Published 1 January 2030</p></aside></body></html>"
    assert headline_dateline(head + meta + tail) == "Ada Brenn, Harbour Reporter · Thursday 5 June 2031 · 3 min read"
    # a date after the article's first long paragraph, or prose with a date, is not the page's
    assert headline_dateline(head + tail) is None
    assert headline_dateline(head + "<p>The quay was built on 5 June 1931.</p>" + tail) is None


def test_a_section_label_beside_a_date_labelled_as_published_is_a_dateline() -> None:
    """"Long read | Published 17 November 2031" dates the page; a label and a bare date, two
    fields only, stay prose ("The quay opened | 17 November 2031")."""
    found = find_dateline("Long read | Published 17 November 2031")
    assert found is not None and found.date == date(2031, 11, 17)
    assert find_dateline("The quay opened | 17 November 2031") is None


def test_an_editions_masthead_or_a_labelled_date_above_the_headline_dates_the_page() -> None:
    """"The Harbour Weekly · Friday 3 April 2031 · Issue 1,184" above the headline dates the
    edition, and so does "Long read | Published 17 November 2031"; a bare date at the top of a
    web page (the day it is read) does not."""
    from storyline.ingest.html import masthead_dateline

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    tail = f"<h1>Quay closes for repairs</h1><div><p>{body}</p></div></article></body></html>"
    head = "<html><body><nav>Home | News</nav><article>"
    edition = "<div class=\"mast\">The Harbour Weekly &middot; Friday 3 April 2031 &middot; Issue 1,184</div>"
    assert masthead_dateline(head + edition + tail, None) == "The Harbour Weekly · Friday 3 April 2031 · Issue 1,184"
    named = "<div class=\"mast\">The Harbour Weekly &middot; Friday 3 April 2031</div>"
    assert masthead_dateline(head + named + tail, "The Harbour Weekly") == "The Harbour Weekly · Friday 3 April 2031"
    labelled = "<p class=\"kicker\">Long read | Published 17 November 2031</p>"
    assert masthead_dateline(head + labelled + tail, None) == "Long read | Published 17 November 2031"
    assert masthead_dateline(head + "<div class=\"today\">Friday 3 April 2031</div>" + tail, "The Harbour Weekly") is None


def test_a_columns_sign_off_dates_a_page_that_has_no_other_date() -> None:
    """A column closing "... He writes every fortnight. Korvath, 15 June 2031." is dated by that
    sign-off; a place and a date inside the prose ("the treaty signed in Vienna, 12 May 1955, ...")
    and a sign-off above the headline are not taken."""
    from storyline.ingest.html import signoff_dateline

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    head = "<html><body><article><h1>When did you last open your liferaft?</h1>"
    sign = "<p class=\"signoff\"><em>Ada Brenn is a former racer. She writes every fortnight. Korvath, 15 June 2031.</em></p>"
    tail = "</article></body></html>"
    assert signoff_dateline(head + f"<p>{body}</p>" + sign + tail) == "Korvath, 15 June 2031"
    prose = "<p>The treaty was signed in Vienna, 12 May 1955, by four powers and it still stands today.</p>"
    assert signoff_dateline(head + f"<p>{body}</p>" + prose + tail) is None
    assert signoff_dateline("<html><body><p>Korvath, 15 June 2031.</p><article><h1>T</h1>"
                            f"<p>{body}</p>" + tail) is None


def test_an_explainers_note_of_the_day_it_is_up_to_date_on_dates_a_page_that_has_no_other_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Here is the story so far, as of Wednesday 15 April 2031." or "This guide reflects information
    available on 15 April 2031." dates an undated explainer, and its note says so; an "as of" that
    names no text (a law taking effect) is not its day."""
    from storyline.ingest import ingest
    from storyline.ingest.html import as_of_dateline

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    head = "<html><body><article><h1>The quay closure: what we know</h1>"
    tail = "</article></body></html>"
    intro = "<p>The board has closed its old quay. Here is the story so far, as of Wednesday 15 April 2031.</p>"
    note = "<p><em>This guide reflects information available on 16 April 2031.</em></p>"
    law = "<p>As of 1 January 2032 every quay must be inspected each year, the ministry said.</p>"
    assert as_of_dateline(head + intro + f"<p>{body}</p>" + tail) == "Wednesday 15 April 2031"
    assert as_of_dateline(head + intro + f"<p>{body}</p>" + note + tail) == "16 April 2031"
    assert as_of_dateline(head + f"<p>{body}</p>" + law + tail) is None
    (tmp_path / "a01_guide.html").write_text(head + intro + f"<p>{body}</p><p>{body}</p>" + tail, encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    (guide,) = articles
    assert guide.published.value == "2031-04-15" and "up to date" in (guide.published.note or ""), guide.published


def test_a_page_dated_by_its_masthead_or_its_sign_off_says_where_the_date_stands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The date's evidence note names the masthead or the sign-off it was read from, not "the top
    of the page" (the line is set before the text only to be read as a dateline)."""
    from storyline.ingest import ingest

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    mast = ("<html><body><div class=\"mast\">The Harbour Weekly &middot; Friday 3 April 2031 &middot; Issue 1,184</div>"
            f"<article><h1>Quay closes for repairs</h1><p>{body}</p><p>{body}</p></article></body></html>")
    sign = ("<html><body><article><h1>When did you last open your liferaft?</h1>"
            f"<p>{body}</p><p>{body}</p><p><em>Ada Brenn writes every fortnight. Korvath, 15 June 2031.</em></p>"
            "</article></body></html>")
    (tmp_path / "a01_weekly.html").write_text(mast, encoding="utf-8")
    (tmp_path / "a02_column.html").write_text(sign, encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    by_name = {a.path.rsplit("/", 1)[-1]: a.published for a in articles}
    mast_date, sign_date = by_name["a01_weekly.html"], by_name["a02_column.html"]
    assert mast_date.value == "2031-04-03" and "masthead" in (mast_date.note or ""), mast_date
    assert sign_date.value == "2031-06-15" and "sign-off" in (sign_date.note or ""), sign_date



def test_a_line_ending_in_a_speech_verb_and_colon_is_the_next_quotes_attribution_not_a_label() -> None:
    """"Harbour Master Ilse Brandt said:" over a quoted paragraph introduces the quote: kept in the
    body, where the quote's attribution is read from it; "Background:" is still a label."""
    quote = '"We will not reopen the quay until every crane has been inspected. Safety comes first."'
    article = clean_one("\n".join([LEAD, "Harbour Master Ilse Brandt said:", quote, "Background:", SECOND]))
    assert article.body == page(LEAD, "Harbour Master Ilse Brandt said:", quote, SECOND)


def test_a_weekday_and_the_date_it_falls_on_at_the_top_of_a_page_date_it() -> None:
    """"Issue 418 - Tuesday 28 October 2031" at the top of a trade newsletter's text dates it: a
    weekday that agrees with its full date is how a page prints its day. A weekday that does not
    agree, or a sentence that names the day, dates nothing."""
    assert find_dateline("Issue 418 - Tuesday 28 October 2031") is not None
    assert find_dateline("Saturday 5 April 2031  Lemmis 14C, cloudy") is not None
    assert find_dateline("Friday 5 April 2031  Lemmis 14C, cloudy") is None
    assert find_dateline("On Tuesday 28 October 2031 the talks opened") is None
    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    article = clean_one(page("Issue 418 - Tuesday 28 October 2031", "Quay closes for repairs", body, body))
    assert article.published.value == "2031-10-28", article.published


def test_a_headers_fields_set_apart_are_read_one_by_one() -> None:
    """A print page's header with the paper's name in capitals and the page number ("THE VANTRIX
    GAZETTE - CITY EDITION - Friday 4 September 2026 - Page 11"), or a site's bar of short fields
    set apart by dots, dates the page by its weekday and date; a sentence set off by a dash, or one
    written all in capitals, does not."""
    assert find_dateline("THE VANTRIX GAZETTE - CITY EDITION - Friday 4 September 2026 - Page 11") is not None
    assert find_dateline("Sunday 6 September 2026 · Brisk 12°C, showers · Listen again · Roads") is not None
    assert find_dateline("THE VANTRIX GAZETTE - CITY EDITION - Saturday 4 September 2026 - Page 11") is None
    assert find_dateline("Talks - On Friday 4 September 2026 the talks opened") is None
    assert find_dateline("THE TALKS OPENED ON FRIDAY 4 SEPTEMBER 2026") is None


def test_a_place_and_date_line_ending_in_a_dash_is_a_dateline() -> None:
    """A release's "BRASKVIK, 11 March 2031 -" on a line of its own leads into the text below it."""
    for line in ("BRASKVIK, 11 March 2031 -", "Braskvik, 11 March 2031 —"):
        found = find_dateline(line)
        assert found is not None and found.date == date(2031, 3, 11), line
    assert find_dateline("Braskvik, 11 March 2031 - the talks opened") is None


def test_a_print_stamp_with_its_page_and_a_newsletters_label_date_the_page() -> None:
    """"VANTRIX GAZETTE | PRINT EDITION | 18.03.2031 | NATIONAL | p. 9": the page's "p." is no
    sentence's end; "Members' newsletter | 16 April 2031", "Issue 3 - 16 April 2031": a field naming
    the kind of publication or its issue beside the date. A headline beside a date is neither."""
    stamp = find_dateline("VANTRIX GAZETTE | PRINT EDITION | 18.03.2031 | NATIONAL | p. 9")
    assert stamp is not None and stamp.date == date(2031, 3, 18)
    for line in ("Members' newsletter | 16 April 2031", "Weekly bulletin | 16 April 2031", "Issue 3 - 16 April 2031"):
        found = find_dateline(line)
        assert found is not None and found.date == date(2031, 4, 16), line
    assert find_dateline("Ferry fares rise | 16 April 2031") is None
    assert find_dateline("Chapter 3 - 16 April 2031") is None


def test_a_print_header_laid_out_in_columns_dates_the_page() -> None:
    """A print page's text copy keeps its header's columns apart by wide gaps ("THE LEMMIS ECHO
    <gap> Thursday 16 April 2031 <gap> Page 1"): its fields, read as a dashed header's, date the
    page; a sentence with a wide gap in it stays prose."""
    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    header = "THE LEMMIS ECHO                Thursday 17 April 2031                Page 1"
    article = clean_one(page(header, "QUAY CLOSES FOR REPAIRS", body, body))
    assert article.published.value == "2031-04-17", article.published
    prose = "The board met      on Thursday 17 April 2031 and agreed to close the quay"
    article = clean_one(page(prose, "Quay closes for repairs", body, body))
    assert article.published.value != "2031-04-17", article.published


def test_a_statements_label_beside_its_date_dates_the_release() -> None:
    """"Media statement | 16.03.2031" under a firm's letterhead names the kind of publication beside
    its date, as "Weekly bulletin | ..." does: the release's date."""
    for line in ("Media statement | 16.03.2031", "Press statement | 16 March 2031"):
        found = find_dateline(line)
        assert found is not None and found.date == date(2031, 3, 16), line
    assert find_dateline("Board accepts offer | 16.03.2031") is None
    # a tagline beside an issue's number and the date: a publication's header however long
    found = find_dateline("A weekly letter for the wine trade  |  Issue 214  |  Friday 21 March 2031")
    assert found is not None and found.date == date(2031, 3, 21)
    assert find_dateline("A weekly letter for the wine trade | Friday 21 March 2031") is None
    # an issue numbered within its year ("No. 14/2031")
    found = find_dateline("No. 14/2031 - 16 July 2031")
    assert found is not None and found.date == date(2031, 7, 16)
    assert find_dateline("Chapter 3/2031 - 16 July 2031") is None


def test_a_sites_bar_showing_the_days_date_bounds_a_page_that_has_no_other_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A bar above the headline showing "Saturday 5 April 2031" and the weather is the day the site
    showed the page: the article ran that day or before, so the date is its latest and no earliest;
    a weekday that does not agree with its date is no such bar."""
    from storyline.ingest import ingest

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    tail = f"<article><h1>Quay closes for repairs</h1><p>{body}</p><p>{body}</p></article></body></html>"
    bar = "<html><body><div class=\"topbar\"><span>{}</span> <span>Lemmis 14C, cloudy</span></div>"
    (tmp_path / "a01_site.html").write_text(bar.format("Saturday 5 April 2031") + tail, encoding="utf-8")
    (tmp_path / "a02_site.html").write_text(bar.format("Friday 5 April 2031") + tail.replace("Monday", "Tuesday"),
                                            encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    shown = next(a for a in articles if (a.path or "").endswith("a01_site.html"))
    wrong = next(a for a in articles if (a.path or "").endswith("a02_site.html"))
    assert (shown.published.value, shown.published.earliest, shown.published.latest) == (
        "2031-04-05", None, "2031-04-05"), shown.published
    assert "top bar" in (shown.published.note or ""), shown.published
    assert wrong.published.value is None, wrong.published


def test_a_sites_bar_of_many_short_fields_shows_the_days_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A bar whose links and weather stand beside the day's date, set apart by dots, is read as the
    day's date too: its fields are counted by their words, not by the dots between them."""
    from storyline.ingest import ingest

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    bar = ("<html><body><div class=\"topbar\">Sunday 6 September 2026 · Brisk 12°C, light rain · "
           "<a href=\"/l\">Listen live</a> · <a href=\"/t\">Traffic</a></div>")
    (tmp_path / "a01_site.html").write_text(
        bar + f"<article><h1>Quay closes for repairs</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    assert articles[0].published.latest == "2026-09-06", articles[0].published


def test_a_date_line_under_the_headline_past_a_kicker_and_a_standfirst_dates_the_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A long read: a kicker, the headline, a standfirst, the byline, then "Saturday Magazine,
    Saturday 5 April 2031": the date line the page prints under its headline dates it, however
    many lines stand before it."""
    from storyline.ingest import ingest

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    standfirst = ("Three weeks after the flood, survivors, rescuers and officials piece together the twenty minutes "
                  "that destroyed a harbour town, and the failures that began days earlier")
    html = ("<html><body><main><article><p class=\"kicker\">The Long Read</p><h1>The night the quay gave way</h1>"
            f"<p class=\"standfirst\">{standfirst}</p><p class=\"byline\">By Oda Fenn in Orlen</p>"
            "<p class=\"edition\">Saturday Magazine, Saturday 5 April 2031</p>"
            f"<p>{body}</p><p>{body}</p></article></main></body></html>")
    (tmp_path / "a01_longread.html").write_text(html, encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    (page,) = articles
    assert page.published.value == "2031-04-05", page.published


def test_a_sites_bar_with_a_long_motto_after_the_date_shows_the_days_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A weekly's bar: the day's date, then its frequency and motto, set apart by dots, more words
    than a bar of date and weather holds: its first field is the day's date."""
    from storyline.ingest import ingest

    body = " ".join(["The harbour board met on Monday and agreed to close the old quay for repairs."] * 6)
    bar = ("<html><body><div class=\"topbar\">Thursday 12 March 2026 &middot; Weekly, every Thursday &middot; "
           "Serving the upper dale and its villages since 1921</div>")
    (tmp_path / "a01_site.html").write_text(
        bar + f"<article><h1>Quay closes for repairs</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    assert articles[0].published.latest == "2026-03-12", articles[0].published


def test_a_release_whose_headline_line_opens_with_place_and_date_is_dated_by_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A press release whose place and date open the headline line ("Amberholm, 17 July 2026 -
    Ferry service suspended ...") and whose body opens without them: the release's date."""
    from storyline.ingest import ingest

    text = ("PRESS RELEASE\nLakes Ferry Board\nFor immediate release\n\n"
            "Amberholm, 17 July 2026 - Ferry service suspended on the northern crossing\n\n"
            "The Lakes Ferry Board will suspend all sailings on the northern crossing from 06:00 on Saturday. "
            "The ferry ran aground near the pier on Thursday evening and blocked the channel for several hours.\n\n"
            "The board will review the decision every morning at 09:00 with the harbour master.\n")
    (tmp_path / "a01_release.txt").write_text(text, encoding="utf-8")
    articles, errors = ingest([str(tmp_path)])
    assert not errors, errors
    assert articles[0].published.value == "2026-07-17", articles[0].published


def test_a_wire_or_release_header_dates_its_dateline_or_itself() -> None:
    # a stamp line that opens with its day and clock before labels in capitals
    stamped = clean_one(page("PNA PORTVALE NEWS AGENCY -- DOMESTIC SERVICE", "14 APR 2031 10:12 -- URGENT -- PORTS/SECURITY",
                             "SLUG: HARBOUR-CRANE (first lead)", f"PORTVALE, April 14 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert stamped.value == "2031-04-14"
    # a year standing alone in the service line gives a yearless dateline its year; a founding year does not
    service = clean_one(page("PNA DOMESTIC NEWS SERVICE 2031", "ITEM 0417 | PORTS | PRIORITY: URGENT",
                             f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert (service.value, service.source) == ("2031-04-07", "dateline")
    founded = clean_one(page("PORTVALE NEWS AGENCY SINCE 1921", f"PORTVALE, April 7 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert founded.value is None and founded.month_day == "--04-07"
    # a release's letterhead in capitals and its headline stand above the dated first paragraph
    release = clean_one(page("MINISTRY OF HARBOURS - REPUBLIC OF PORTVALE", "PRESS RELEASE - FOR IMMEDIATE RELEASE",
                             "Minister sets up a fund for the quay's workers",
                             f"PORTVALE, 8 April 2031 - {WIRE_SENTENCE}", SECOND)).published
    assert release.value == "2031-04-08"
    # a print edition's or a newsletter's header
    for header, day in [("HARBOUR WEEKLY - print edition of 24 April 2031 - page 5", "2031-04-24"),
                        ("QUAYSIDE WATCH - members' newsletter - 28.05.2031", "2031-05-28")]:
        published = clean_one(page(header, "A chapter closes on the quay", WIRE_SENTENCE, SECOND)).published
        assert published.value == day, header


def test_an_issues_number_beside_its_date_dates_the_editions_items() -> None:
    """A newsletter's masthead ("Issue 214 | Wednesday 15 April 2031") above its contents list
    dates the edition: the items are written for it, so the page is no portal whose article may be
    older; a date first, then the issue and a tagline set off by dashes, is such a masthead too."""
    contents = ["HARBOUR MONEY WEEKLY", "Issue 214 | Wednesday 15 April 2031", "IN THIS ISSUE",
                "1. Ferry refunds: where things stand", "2. Energy bills: the spring cap explained",
                "3. Reader question: can a bailiff enter my flat?", "1. FERRY REFUNDS: WHERE THINGS STAND"]
    article = clean_one(page(*contents, LEAD, SECOND, THIRD))
    published = article.published
    assert (published.value, published.earliest, published.portal) == ("2031-04-15", "2031-04-15", False), published
    found = find_dateline("Monday 17 March 2031 - Issue 418 - Your city in five minutes")
    assert found is not None and found.date == date(2031, 3, 17)
    assert find_dateline("Monday 17 March 2031 - Ferry fares rise - Your city in five minutes") is None



def test_a_wire_stamps_written_date_gives_the_datelines_year() -> None:
    """"Transmitted 4 Mar 2031 15:42 CET" above "PORTVALE, March 4 (PNA) -": the stamp's day in
    words is the dateline's, so its year is the page's; a stamp of another day leaves it open."""
    for stamp, day in (("Transmitted 4 Mar 2031 15:42 CET", "2031-03-04"), ("Transmitted 5 Mar 2031 15:42 CET", None)):
        published = clean_one(page("PORTVALE NEWS AGENCY - GENERAL SERVICE", stamp, "Slug: HARBOUR-CRANE (UPDATE 2)",
                                   f"PORTVALE, March 4 (PNA) - {WIRE_SENTENCE}", SECOND)).published
        assert published.value == day, (stamp, published)


def test_a_wire_copys_copyright_year_and_a_letters_number_date_the_page() -> None:
    """"Copyright 2031 Portvale News Agency." above "PORTVALE, April 25 (PNA) -" gives the dateline
    its year; "Weekly letter No. 87 | 28.03.2031" is a numbered letter's masthead (a field ending
    with an issue's number), while a headline with a number in it beside a date is not."""
    published = clean_one(page("PNA NEWSWIRE | DOMESTIC | PRIORITY 1",
                               "Copyright 2031 Portvale News Agency. Not for redistribution without licence.",
                               f"PORTVALE, April 25 (PNA) - {WIRE_SENTENCE}", SECOND)).published
    assert published.value == "2031-04-25", published
    found = find_dateline("Weekly letter No. 87 | 28.03.2031")
    assert found is not None and found.date == date(2031, 3, 28)
    assert find_dateline("Ferry fares rise No. 8 today | 28.03.2031") is None


def test_a_releases_deck_of_highlights_does_not_hide_its_place_and_date(tmp_path: Path) -> None:
    """A release page's label, headline and list of highlights stand above its first paragraph,
    which opens with the place in capitals and a full date ("PORTVALE, 8 April 2031 -"): that
    is the release's date, whatever stands above it."""
    from storyline.ingest import ingest

    html = ("<html><head><title>Newsroom</title></head><body><main><article>"
            "<p class='label'>Press release</p>"
            "<h1>Ministry sets up a fund for the quay's workers</h1>"
            "<ul class='highlights'><li>Claims office to open at the harbour gate</li>"
            "<li>Inspectors find a worn cable on the second crane</li>"
            "<li>Ministry asks the port board for its maintenance logs</li></ul>"
            f"<p><strong>PORTVALE, 8 April 2031 &ndash;</strong> {WIRE_SENTENCE}</p><p>{SECOND}</p>"
            "</article></main></body></html>")
    path = tmp_path / "release.html"
    path.write_text(html, encoding="utf-8")
    articles, errors = ingest([str(path)])
    assert not errors and len(articles) == 1, errors
    article = articles[0]
    assert (article.published.value, article.published.source) == ("2031-04-08", "dateline"), article.published


def test_a_correction_notes_stamp_dates_it() -> None:
    """"Correction published 24 April 2031, by the Readers' Editor" under a correction's headline
    is the note's own publication date."""
    found = find_dateline("Correction published 24 April 2031, by the Readers' Editor")
    assert found is not None and found.date == date(2031, 4, 24), found
    article = clean_one(page("Correction: Quay report", "Correction published 24 April 2031, by the Readers' Editor",
                             LEAD, SECOND))
    assert article.published.value == "2031-04-24" and not article.published.portal, article.published


def test_a_mails_date_header_dates_a_newsletter_whose_other_items_it_lists() -> None:
    """A newsletter sent by mail ("Date: Tue, 15 Apr 2031 06:45:00 +0200", "Subject: ...") lists its
    other items above the first: the mail's date is the day its items were written for, not a
    portal's upper bound."""
    text = page("From: Harbour Notes <briefing@harbournotes.example>", "To: Harbour Notes subscribers",
                "Date: Tue, 15 Apr 2031 06:45:00 +0200", "Subject: Harbour Notes #212: The quay in court",
                "HARBOUR NOTES", "The morning briefing on Portvale politics", "Issue #212",
                "View in browser | Forward to a colleague | Manage your subscription",
                "Good morning. Three items today: the quay case, the ferry strike and your diary for the week.",
                "1. THE QUAY IN COURT", LEAD, SECOND, THIRD)
    published = clean_one(text).published
    assert (published.value, published.earliest, published.portal) == ("2031-04-15", "2031-04-15", False), published
