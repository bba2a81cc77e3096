"""`storyline eval ...`: score Storyline's stages on public benchmarks.

Each command is a thin shell over ``storyline.evaluation.<name>.main``, which prints the figures
(the headline figure on the last line) and returns the exit status.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(help="Score Storyline on public evaluation sets.", no_args_is_help=True)

DirArg = Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Folder of the evaluation set.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Per-document figures and errors.")]


@eval_app.command("extraction")
def extraction(
    directory: DirArg,
    verbose: Verbose = False,
    predictions: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="Score this benchmark output file instead of our extractor."),
    ] = None,
) -> None:
    """Article-body extraction on a folder laid out like the article-extraction benchmark."""
    from storyline.evaluation import extraction as ev

    raise typer.Exit(ev.main(directory, verbose=verbose, predictions=predictions))


@eval_app.command("timeml")
def timeml(directory: DirArg, verbose: Verbose = False) -> None:
    """TempEval-3 Task A (time expressions) on a folder of TimeML files."""
    from storyline.evaluation import timeml as ev

    raise typer.Exit(ev.main(directory, verbose=verbose))


@eval_app.command("ecb")
def ecb(
    directory: DirArg,
    what: Annotated[
        str,
        typer.Option(help="events (cross-document event coreference), entities, or topics (documents "
                          "into stories)."),
    ] = "events",
    topics: Annotated[str | None, typer.Option(help="Topic numbers, e.g. '36-45' (default: the test split).")] = None,
    verbose: Verbose = False,
) -> None:
    """Cross-document coreference CoNLL F1 on ECB+; with --what topics, B-cubed F1 and ARI of
    the stories found in one pile of all the topics' documents."""
    if what == "events":
        from storyline.evaluation import ecb as ev

        raise typer.Exit(ev.main(directory, topics=topics, verbose=verbose))
    if what == "entities":
        from storyline.evaluation import ecb_entities as ev_entities

        raise typer.Exit(ev_entities.main(directory, topics=topics, verbose=verbose))
    if what == "topics":
        from storyline.evaluation import ecb_topics as ev_topics

        raise typer.Exit(ev_topics.main(directory, topics=topics, verbose=verbose))
    raise typer.BadParameter(f"--what must be 'events', 'entities' or 'topics', not {what!r}")


@eval_app.command("stories")
def stories(
    directory: DirArg,
    verbose: Verbose = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Stories analysed at once, one process each.")] = 1,
    reports: Annotated[Path | None, typer.Option("--reports", file_okay=False, show_default=False,
                                                 help="Keep each story's JSON report as DIR/<story>/report.json.")] = None,
) -> None:
    """Every story under DIR (each with corpus/ and gold.json): checks and timeline figures.

    Exit status 1 when a must check fails or a figure misses its bar (recall >= 0.85,
    fragmentation <= 1.3, merge >= 0.75, size <= 2.5).
    """
    from storyline.evaluation import stories as ev

    raise typer.Exit(ev.main(directory, verbose=verbose, jobs=jobs, reports=reports))
