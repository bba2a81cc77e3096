"""``-j``, ``--dask`` and ``--workers``: where ``analyze`` and ``add`` run the per-article stage.

Dask is imported only when one of its options is given, so ``--help`` stays light.
"""

# no `from __future__ import annotations`: Typer reads the annotations below

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Local processes for the per-article stage.")]
DaskAddress = Annotated[
    str | None,
    typer.Option("--dask", metavar="tcp://HOST:8786", envvar="STORYLINE_DASK", show_default=False,
                 help="Run the per-article stage on this Dask scheduler's workers (the client writes the store)."),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", min=1, show_default=False,
                 help="Start a local Dask cluster of N worker processes for the per-article stage."),
]


@contextmanager
def executor_for(jobs: int, dask: str | None, workers: int | None,
                 fail: Callable[[str], None], say: Callable[[str], None]) -> Iterator[None]:
    """The per-article stage of the block runs where the options say; workers stop at the end."""
    from storyline import executor

    try:
        chosen = executor.make(jobs, dask=dask, workers=workers, on_start=say)
    except ValueError as exc:
        fail(str(exc))
        raise
    except ImportError:
        fail("--dask and --workers need Dask: pip install 'storyline[dask]'")
        raise
    except (OSError, TimeoutError) as exc:
        fail(f"cannot use the Dask cluster at {dask or 'localhost'}: {' '.join(str(exc).split()) or type(exc).__name__}")
        raise
    try:
        with executor.using(chosen):
            yield
    except executor.VersionMismatch as exc:
        fail(str(exc))
    finally:
        chosen.close()
