"""`storyline add` and `storyline stories`: stories kept in a store and brought up to date.

Registered on the main app by ``storyline.cli.main``; imports nothing heavy until a command runs.
"""

# no `from __future__ import annotations`: Typer reads these annotations, which name `cli`, a local

from typing import Annotated

import typer

from storyline.cli.scale import DaskAddress, Jobs, Workers, executor_for
from storyline.store.errors import StoreError

StoryName = Annotated[str, typer.Option("--story", "-s", help="The story's name (created on first use).",
                                        show_default=False)]


def register(app: typer.Typer) -> None:
    from storyline.cli import main as cli

    @app.command()
    def add(
        inputs: cli.Inputs,
        story: StoryName,
        db: cli.Db = None,
        allow_private: cli.AllowPrivate = False,
        jobs: Jobs = 1,
        dask: DaskAddress = None,
        workers: Workers = None,
    ) -> None:
        """Add articles to a story and bring its analysis up to date; print what changed."""
        from storyline.stories import add as add_to_story

        store = cli.open_store(db)
        try:
            with cli._status() as say, executor_for(jobs, dask, workers, cli.fail, say):
                update = add_to_story(store, story, list(inputs), allow_private=allow_private, progress=say)
        except StoreError as exc:
            cli.fail(str(exc))
        finally:
            store.close()
        for error in update.errors:
            cli._echo_error(error)
        for article_id in update.already:
            typer.echo(f"{article_id}: already in story {cli.safe(update.story)!s}; not added again", err=True)
        for line in update.describe():
            typer.echo(cli.safe(line))
        if update.errors:
            raise typer.Exit(1)

    @app.command()
    def stories(db: cli.Db = None, as_json: cli.Json = False) -> None:
        """List the stories in the store: articles, the span of their dates, last update."""
        from rich.table import Table

        store = cli.open_store(db)
        try:
            found = store.stories()
        except StoreError as exc:
            cli.fail(str(exc))
        finally:
            store.close()
        if as_json:
            cli._print_json([
                {"name": s.name, "articles": s.articles, "first": s.first, "last": s.last,
                 "updated_at": s.updated_at.isoformat() if s.updated_at else None}
                for s in found
            ])
            return
        out = cli.stdout()
        if not found:
            out.print("no stories yet; start one with `storyline add PATH|URL... --story NAME`", markup=False)
            return
        table = Table(pad_edge=False)
        for column in ("story", "articles", "dates", "last update"):
            table.add_column(column, overflow="fold")
        for s in found:
            dates = f"{s.first or '?'} .. {s.last or '?'}" if s.first or s.last else "undated"
            when = s.updated_at.strftime("%Y-%m-%d %H:%M") if s.updated_at else "never"
            table.add_row(cli.escape(cli.safe(s.name)), str(s.articles), dates, when)
        out.print(table)
        out.print(f"{len(found)} story(ies)", markup=False)
