"""Issue 9, readers: every hostile input is one error naming it (and the record inside it), and
the rest of the input and of the batch still goes through. Each test here failed before the fix."""

from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest

from hostile_inputs import (
    damaged_warc_gz,
    damaged_warc_plain,
    first_sentence,
    hostile_server,
    rss,
    rss_item,
    short_length_warc,
    story_html,
    story_text,
    warc_record,
)
from storyline.ingest import ingest, read_inputs
from storyline.ingest import url as url_reader
from storyline.ingest.base import IngestError, RawDocument


def split(items: list[RawDocument | IngestError]) -> tuple[list[RawDocument], dict[str, str]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = {i.source: i.message for i in items if isinstance(i, IngestError)}
    for source, message in errors.items():
        assert "\n" not in str(IngestError(source, message)), (source, message)
    return docs, errors


def test_jsonl_lone_surrogate_and_deep_nesting_cost_only_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(
        '{"text": "broken \\ud800 pair"}\n' + "[" * 5000 + "]" * 5000 + "\n"
        + json.dumps({"text": story_text(0)}) + "\n",
        encoding="utf-8",
    )
    docs, errors = split(list(read_inputs([str(path)])))
    assert "lone surrogate (\\ud800 at character 7)" in errors[f"{path}:1"]
    assert "nested too deeply" in errors[f"{path}:2"]
    assert [d.source for d in docs] == [f"{path}:3"]
    articles, _ = ingest([str(path)])  # hashing the good line works: nothing reached content_hash
    assert len(articles) == 1


def test_feed_entry_with_a_surrogate_reference_costs_only_that_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        rss([rss_item(0, link="http://harbour.test/a", extra=" &#xD800;"), rss_item(1, link="http://harbour.test/b"),
             rss_item(2, link="http://harbour.test/c", extra=" &#1114112; &#0;")]),
        encoding="utf-8",
    )
    docs, errors = split(list(read_inputs([str(path)])))
    assert "character reference" in errors["http://harbour.test/a"]
    assert "character reference" in errors["http://harbour.test/c"]
    assert [d.url for d in docs] == ["http://harbour.test/b"]


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:99999/", "http://example.test:abc/", "http://[::1/", "https://[v1.x]:80/"]
)
def test_malformed_url_argument_is_one_error(url: str) -> None:
    docs, errors = split(list(read_inputs([url, "http://[::1/"], allow_private=True)))
    assert not docs
    assert "malformed URL" in errors[url]


def test_feed_entry_links_with_bad_ports_cost_only_their_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    short = "<item><title>t</title><link>{}</link><description>Short.</description></item>"
    path.write_text(
        rss([short.format("http://harbour.test:99999/x"), short.format("http://harbour.test:abc/y"),
             short.format("http://[::1/z"), rss_item(1, link="http://harbour.test/ok")]),
        encoding="utf-8",
    )
    docs, errors = split(list(read_inputs([str(path)])))
    assert len(errors) == 3 and all("malformed URL" in m for m in errors.values()), errors
    assert [d.url for d in docs] == ["http://harbour.test/ok"]


def test_malformed_redirect_location_is_one_error() -> None:
    with hostile_server() as base:
        docs, errors = split(list(read_inputs([f"{base}/bad-redirect", f"{base}/good.html"], allow_private=True)))
    assert list(errors) == [f"{base}/bad-redirect"]
    assert "URL" in errors[f"{base}/bad-redirect"]
    assert [d.source for d in docs] == [f"{base}/good.html"]


def test_the_download_limit_covers_trickling_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(url_reader, "TOTAL_SECONDS", 1.5)
    with hostile_server() as base:
        started = time.monotonic()
        docs, errors = split(list(read_inputs([f"{base}/trickle", f"{base}/good.html"], allow_private=True)))
        elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed  # the server would trickle for over 100 s
    assert "limit for the whole download" in errors[f"{base}/trickle"]
    assert len(docs) == 1


def test_file_name_that_is_not_utf8_is_read_and_named_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt")).write_bytes(story_text(0).encode())
    (folder / "empty.txt").write_bytes(b"")
    Path(os.fsdecode(bytes(folder) + b"/vide\xe9.txt")).write_bytes(b"")
    articles, errors = ingest([str(folder)])
    assert [a.path for a in articles] == [f"{folder}/caf\\xe9.txt"]
    assert {e.source for e in errors} == {f"{folder}/empty.txt", f"{folder}/vide\\xe9.txt"}
    from storyline.store import Store

    with Store(tmp_path / "s.db") as store:  # the name is valid text: SQLite takes it
        assert store.add_articles(articles).added == [articles[0].id]


def test_damaged_warc_gz_keeps_every_intact_record_and_names_the_damaged_one(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(damaged_warc_gz([1, 2, 3], damaged_after=0))
    docs, errors = split(list(read_inputs([str(path)])))
    offset = len(gzip.compress(warc_record("http://harbour.test/1", story_html(1))))
    assert list(errors) == [f"{path}#byte-{offset}"]
    assert "damaged gzip member" in errors[f"{path}#byte-{offset}"]
    assert [d.url for d in docs] == [f"http://harbour.test/{n}" for n in (1, 2, 3)]
    for doc, n in zip(docs, (1, 2, 3), strict=True):  # no garbage glued into a body
        assert first_sentence(n) in (doc.text or "") and len(doc.text or "") < 600
    assert capfd.readouterr().err == ""  # no unlabelled zlib or warcio lines


def test_damaged_plain_warc_record_is_named_and_reading_resumes(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(damaged_warc_plain([1, 2, 3]))
    docs, errors = split(list(read_inputs([str(path)])))
    assert len(errors) == 1 and all(k.startswith(f"{path}#") for k in errors), errors
    assert "damaged WARC" in next(iter(errors.values()))
    assert [d.url for d in docs] == [f"http://harbour.test/plain-{n}" for n in (1, 2, 3)]
    assert capfd.readouterr().err == ""


def test_warcio_warnings_name_the_short_record_instead_of_reaching_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "short.warc"
    path.write_bytes(short_length_warc([1, 2, 3]))
    docs, errors = split(list(read_inputs([str(path)])))
    assert list(errors) == [f"{path}#http://harbour.test/short-2"]
    assert "Content-Length" in errors[f"{path}#http://harbour.test/short-2"]
    assert [d.url for d in docs] == ["http://harbour.test/short-1", "http://harbour.test/short-3"]
    assert capfd.readouterr().err == ""


def test_ascii_with_a_few_invalid_bytes_is_utf8_with_a_note(tmp_path: Path) -> None:
    text = story_text(0).encode()
    path = tmp_path / "stray.txt"
    path.write_bytes(text[:60] + b"\xff\xfe" + text[60:120] + b"\x9d" + text[120:])
    articles, errors = ingest([str(path)])
    assert not errors
    (article,) = articles
    assert "\ufffd" in article.body  # not cp775 mojibake
    assert any("3 invalid UTF-8 byte sequence(s) replaced" in p.reason for p in article.removed)


def test_utf16_without_bom_is_text_not_binary(tmp_path: Path) -> None:
    (tmp_path / "le.txt").write_bytes(story_text(0).encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(story_text(1).encode("utf-16-be"))
    docs, errors = split(list(read_inputs([str(tmp_path / "le.txt"), str(tmp_path / "be.txt")])))
    assert not errors
    assert [d.text for d in docs] == [story_text(0).strip(), story_text(1).strip()]


def test_symlinked_subfolder_is_reported_not_skipped(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text(story_text(0), encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "b.txt").write_text(story_text(1), encoding="utf-8")
    (root / "link").symlink_to(elsewhere, target_is_directory=True)
    docs, errors = split(list(read_inputs([str(root)])))
    assert [d.source for d in docs] == [str(root / "b.txt")]
    assert "symbolic link to a folder" in errors[str(root / "link")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text(story_text(0), encoding="utf-8")
    (root / "b.txt").write_text(story_text(1), encoding="utf-8")
    (root / "locked").chmod(0)
    try:
        docs, errors = split(list(read_inputs([str(root)])))
    finally:
        (root / "locked").chmod(0o755)
    assert [d.source for d in docs] == [str(root / "b.txt")]
    assert "cannot read folder" in errors[str(root / "locked")]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as the test above for root, who reads any folder: the listing itself is made to
    fail, as permissions would make it for anyone else."""
    root = tmp_path / "root"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text(story_text(0), encoding="utf-8")
    (root / "b.txt").write_text(story_text(1), encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == str(root / "locked"):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = split(list(read_inputs([str(root)])))
    assert [d.source for d in docs] == [str(root / "b.txt")]
    assert errors == {str(root / "locked"): "cannot read folder (Permission denied)"}


def test_a_reader_bug_costs_one_input_not_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last line of defence: an exception no reader handles becomes that input's error."""
    from storyline.ingest import text as text_reader

    def broken(source: str, data: bytes, ctx: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")
        yield  # a generator, like the real readers

    (tmp_path / "a.txt").write_text(story_text(0), encoding="utf-8")
    (tmp_path / "b.html").write_text(story_html(1), encoding="utf-8")
    monkeypatch.setattr(text_reader, "read", broken)
    docs, errors = split(list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.html")])))
    assert "could not be read (RecursionError" in errors[str(tmp_path / "a.txt")]
    assert [d.source for d in docs] == [str(tmp_path / "b.html")]


def test_error_lines_escape_control_characters() -> None:
    line = str(IngestError("evil\x1b[2J\nerror: forged.txt", "bad\u202etxt.exe\r\nmore"))
    assert "\x1b" not in line and "\n" not in line and "\r" not in line and "\u202e" not in line
    assert line == "evil\\x1b[2J\\nerror: forged.txt: bad\\u202etxt.exe more"
