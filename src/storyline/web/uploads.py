"""What a submission (files, URLs, pasted text) becomes before the job: files on disk, URLs
checked, caps applied. Refused inputs are listed with their reasons; the rest goes through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from starlette.datastructures import UploadFile

from storyline.ingest.base import is_url
from storyline.web.jobs import new_workdir, text_input

MAX_FILES = 50
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_URLS = 100
MAX_TEXT_CHARS = 500_000
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Submission:
    inputs: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    workdir: Path | None = None

    def dir(self) -> Path:
        if self.workdir is None:
            self.workdir = new_workdir()
        return self.workdir


async def add_files(sub: Submission, files: list[UploadFile]) -> None:
    total = 0
    for n, f in enumerate(files):
        name = f.filename or f"upload-{n}"
        if n >= MAX_FILES:
            sub.refused.append((name, f"more than {MAX_FILES} files in one request"))
            continue
        data = await f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            sub.refused.append((name, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"))
            continue
        if total + len(data) > MAX_TOTAL_BYTES:
            sub.refused.append((name, f"the request is over {MAX_TOTAL_BYTES // (1024 * 1024)} MB in all"))
            continue
        total += len(data)
        # the reader picks the format by extension, so the name is kept (made safe), one folder each
        safe = (_UNSAFE_NAME.sub("_", Path(name).name).strip("._") or "upload")[-100:]
        folder = sub.dir() / f"{n:03d}"
        folder.mkdir()
        path = folder / safe
        path.write_bytes(data)
        sub.inputs.append(str(path))


def add_urls(sub: Submission, urls: list[str]) -> None:
    for n, raw in enumerate(urls):
        url = raw.strip()
        if not url:
            continue
        if n >= MAX_URLS:
            sub.refused.append((url[:200], f"more than {MAX_URLS} URLs in one request"))
        elif not (is_url(url) and url.lower().startswith(("http://", "https://"))):
            sub.refused.append((url[:200], "not an http(s) URL"))
        else:
            sub.inputs.append(url)  # fetched by the job through the private-address guard


def add_text(sub: Submission, text: str, title: str | None, published: str | None) -> None:
    if not text.strip():
        sub.refused.append(("pasted text", "empty"))
    elif len(text) > MAX_TEXT_CHARS:
        sub.refused.append(("pasted text", f"longer than {MAX_TEXT_CHARS:,} characters"))
    else:
        sub.inputs.append(text_input(sub.dir(), text, title, published))
