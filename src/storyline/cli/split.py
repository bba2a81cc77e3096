"""`storyline split PATH|URL... [--out FILE.json]`: the stories in a mixed pile of articles.

Inputs are read and cleaned as `storyline ingest` reads them (nothing is stored); the articles
are grouped by :func:`storyline.follow.split.split` and each group is printed with its name and
its articles, largest group first. Heavy imports happen inside the command, so that
``storyline --help`` stays light.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from storyline.follow.split import Story
    from storyline.model import Article


def _as_json(stories: list[Story], by_id: dict[str, Article]) -> dict[str, object]:
    return {
        "stories": [
            {
                "name": story.name,
                "entities": list(story.entities),
                "words": list(story.words),
                "articles": [
                    {
                        "id": i,
                        "title": by_id[i].title,
                        "published": by_id[i].published.value,
                        "url": by_id[i].url,
                        "path": by_id[i].path,
                    }
                    for i in story.article_ids
                ],
            }
            for story in stories
        ]
    }


def split(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="PATH|URL...", help="Files, folders, URLs, feeds, WARC or JSONL files.",
                       show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Also write the stories to this JSON file.", show_default=False),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Merge less (higher) or more (lower); default: the tuned one.",
                     show_default=False),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching URLs on loopback or private networks.")
    ] = False,
) -> None:
    """Group articles about many stories into stories, and name each one."""
    from dataclasses import replace

    from storyline.cli.main import _echo_error, fail, safe
    from storyline.follow.split import DEFAULT
    from storyline.follow.split import split as find_stories
    from storyline.ingest import ingest as read_and_clean
    from storyline.pipeline import _unique

    if out is not None and out.is_dir():
        fail(f"{out}: is a directory")
    articles, errors = read_and_clean(list(inputs), allow_private=allow_private)
    for error in errors:
        _echo_error(error)
    articles = _unique(articles)
    weights = DEFAULT if threshold is None else replace(DEFAULT, threshold=threshold)
    stories = find_stories(articles, weights=weights)
    by_id = {a.id: a for a in articles}
    for number, story in enumerate(stories, start=1):
        typer.echo(f"story {number}: {safe(story.name)} ({len(story.article_ids)} article(s))")
        for i in story.article_ids:
            a = by_id[i]
            typer.echo(f"  {i}  {safe(a.title or a.url or a.path or '(no title)')}")
    if out is not None:
        try:
            out.write_text(json.dumps(_as_json(stories, by_id), ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror or exc}")
        typer.echo(safe(str(out)))
    typer.echo(f"{len(articles)} article(s) in {len(stories)} story(ies); {len(errors)} input(s) failed",
               err=True)
    if errors:
        raise typer.Exit(1)
