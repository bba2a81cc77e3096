"""Bad input: each problem is one line naming the input, and the rest of the batch goes through."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from test_readers import FRENCH, KOREAN, PARAGRAPHS, RUSSIAN, article_html

from storyline.ingest import ingest, read_inputs
from storyline.ingest.base import IngestError, RawDocument


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    """One good file and one of each kind of trouble, written for real."""
    files = {
        "good": tmp_path / "good.txt",
        "binary": tmp_path / "photo.dat",
        "empty": tmp_path / "empty.txt",
        "huge": tmp_path / "huge.txt",
        "cp1251": tmp_path / "ru.txt",
        "euckr": tmp_path / "ko.txt",
        "latin1": tmp_path / "fr.txt",
        "malformed": tmp_path / "broken.html",
        "scripts": tmp_path / "app.html",
        "jsonl": tmp_path / "lines.jsonl",
        "bomb": tmp_path / "bomb.txt.gz",
    }
    files["good"].write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["empty"].write_bytes(b"")
    with files["huge"].open("wb") as fh:  # sparse: 50 MB on paper, nothing written
        fh.truncate(50 * 1024 * 1024)
    files["cp1251"].write_bytes(RUSSIAN.encode("cp1251"))
    files["euckr"].write_bytes(KOREAN.encode("euc-kr"))
    files["latin1"].write_bytes(FRENCH.encode("latin-1"))
    files["malformed"].write_text("<html><head><title>Harbour</title></head><body><div><p>Breakwater to", encoding="utf-8")
    files["scripts"].write_text("<html><head><script>boot()</script></head><body><div id=app></div></body></html>",
                                encoding="utf-8")
    files["jsonl"].write_text(
        json.dumps({"text": PARAGRAPHS[0]}) + "\n{not json}\n" + json.dumps({"text": PARAGRAPHS[1]}) + "\n",
        encoding="utf-8",
    )
    files["bomb"].write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    return files


def test_every_bad_input_is_one_line_naming_it(batch: dict[str, Path], tmp_path: Path) -> None:
    inputs = [str(p) for p in batch.values()] + [str(tmp_path / "missing.txt"), "ftp://files.example/a.txt"]
    items = list(read_inputs(inputs, max_bytes=2 * 1024 * 1024))
    errors = {e.source: e.message for e in items if isinstance(e, IngestError)}
    docs = [d for d in items if isinstance(d, RawDocument)]

    expected = {
        str(batch["binary"]): "binary",
        str(batch["empty"]): "empty file",
        str(batch["huge"]): "over the 2.0 MB limit",
        str(batch["malformed"]): "words of article text",
        str(batch["scripts"]): "no article text",
        f"{batch['jsonl']}:2": "bad JSON line",
        str(batch["bomb"]): "decompresses to more than",
        str(tmp_path / "missing.txt"): "no such file or directory",
        "ftp://files.example/a.txt": "unsupported URL scheme 'ftp'",
    }
    assert set(errors) == set(expected)
    for source, fragment in expected.items():
        assert fragment in errors[source], (source, errors[source])
        assert "\n" not in errors[source]
        line = str(IngestError(source, errors[source]))
        assert line.startswith(source + ": ")

    # Everything else went through, including the non-UTF-8 files, decoded right.
    texts = {d.source: d.text for d in docs}
    assert texts[str(batch["good"])] == "\n\n".join(PARAGRAPHS)
    assert texts[str(batch["cp1251"])] == RUSSIAN
    assert texts[str(batch["euckr"])] == KOREAN
    assert texts[str(batch["latin1"])] == FRENCH
    assert texts[f"{batch['jsonl']}:1"] == PARAGRAPHS[0]
    assert texts[f"{batch['jsonl']}:3"] == PARAGRAPHS[1]


def test_default_cap_refuses_a_50_mb_file_without_reading_it(batch: dict[str, Path]) -> None:
    (err,) = read_inputs([str(batch["huge"])])
    assert isinstance(err, IngestError)
    assert err.message == "file is 50.0 MB, over the 20.0 MB limit"


def test_text_with_control_characters_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"\x01\x02\x03\x04\x05 header \x06\x07\x08" * 200)
    (err,) = read_inputs([str(path)])
    assert isinstance(err, IngestError) and "binary" in err.message


def test_whitespace_only_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    items = list(read_inputs([str(tmp_path / "blank.txt"), str(tmp_path / "nothing")]))
    assert [(type(i).__name__, i.message) for i in items if isinstance(i, IngestError)] == [
        ("IngestError", "no text (only whitespace)"),
        ("IngestError", "folder has no (non-hidden) files"),
    ]


def test_not_a_feed_and_broken_warc(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
                                          encoding="utf-8")
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:20])
    items = list(read_inputs([str(tmp_path / "sitemap.xml"), str(tmp_path / "cut.warc.gz")]))
    assert all(isinstance(i, IngestError) for i in items), items
    assert "not an RSS/Atom feed" in items[0].message  # type: ignore[union-attr]
    # the damaged part is named by its byte offset in the archive
    assert f"{tmp_path / 'cut.warc.gz'}#byte-0" in [i.source for i in items if isinstance(i, IngestError)]


def test_ingest_returns_the_good_articles_and_every_error(batch: dict[str, Path]) -> None:
    (batch["good"].parent / "page.html").write_text(article_html(), encoding="utf-8")
    articles, errors = ingest([str(batch["good"].parent)], max_bytes=2 * 1024 * 1024)
    assert len(errors) >= 7
    paths = {Path(a.path or "").name for a in articles}
    assert {"good.txt", "page.html", "ru.txt", "ko.txt", "fr.txt"} <= paths
    korean = next(a for a in articles if (a.path or "").endswith("ko.txt"))
    assert "방파제" in korean.body
