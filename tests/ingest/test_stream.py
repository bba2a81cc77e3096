"""Streaming ingest (two passes over a spool) gives what the in-memory batch ingest gives,
including lines removed because other pages of the same folder repeat them."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import ingest
from storyline.ingest.base import IngestError
from storyline.ingest.stream import ingest_stream
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPHS = [
    "Flood water reached the lower town of Portvale on Tuesday night after the river broke its banks.",
    "The council said 40 homes were evacuated and two schools would stay closed until Friday.",
    "Engineers from the regional water board began pumping the streets dry on Wednesday morning.",
    "A second storm is expected on Thursday, forecasters said, with strong gusts along the shore.",
]


def _split(inputs: list[str]) -> tuple[list[Article], list[str]]:
    items = list(ingest_stream(inputs))
    return ([x for x in items if isinstance(x, Article)], [x.source for x in items if isinstance(x, IngestError)])


def test_streaming_ingest_equals_batch_ingest_with_site_repeats(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for n in range(4):
        own = [f"{text[:-1]} (update {n}, item {i})." for i, text in enumerate(PARAGRAPHS)]  # distinct pages
        lines = [own[n], *own[:n], *own[n + 1:], "Harbour Street newsroom, Portvale desk"]
        (folder / f"p{n}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    inputs = [str(folder), str(tmp_path / "missing.txt"), str(ROOT / "examples" / "corpus")]
    articles, errors = ingest(inputs)
    streamed, stream_errors = _split(inputs)
    assert streamed == articles and len(articles) > 4
    assert stream_errors == [e.source for e in errors] and len(errors) == 1
    repeated = [p.text for p in streamed[0].removed if p.reason.startswith("repeated on")]
    assert "Harbour Street newsroom, Portvale desk" in repeated  # the cross-page evidence survived the streaming
