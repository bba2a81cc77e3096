"""The per-article stage as Dask distributed tasks: a cluster's scheduler, or a local cluster.

Imported only for ``--dask``/``--workers`` (Dask is the ``dask`` extra). Every worker gets the
``ModelLoader`` plugin, which loads the model and the gazetteer when the worker starts (and on
workers that join later), so tasks, which are batches of articles, find them loaded. Run
workers with one thread each (``dask worker --nthreads 1``, more processes for more cores):
spaCy parses one batch at a time per process (``storyline.executor`` holds a lock), so extra
threads would only wait.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from storyline.executor import BatchResult, Executor, run_batch, warm
from storyline.model import Article

CONNECT_TIMEOUT = float(os.environ.get("STORYLINE_DASK_TIMEOUT", "30"))
"""Seconds to reach the scheduler, and again to see a first worker."""


class ModelLoader(WorkerPlugin):
    """Loads the model once per worker process, off the worker's event loop."""

    name = "storyline-model"

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(warm)


class DaskExecutor(Executor):
    """Tasks on the cluster at ``address`` (``tcp://HOST:8786``), or on a ``LocalCluster`` of
    ``workers`` single-threaded processes started here and stopped by ``close``."""

    def __init__(self, address: str | None = None, *, workers: int | None = None,
                 on_start: Callable[[str], None] | None = None) -> None:
        say = on_start or (lambda _msg: None)
        self.cluster: LocalCluster | None = None
        if address:
            say(f"connecting to the Dask scheduler at {address}")
            self.client = Client(address, timeout=CONNECT_TIMEOUT)
            self.name = f"Dask at {address}"
        else:
            n = workers or 1
            say(f"starting a local Dask cluster of {n} worker(s)")
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0",
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            self.name = f"local Dask cluster of {n} worker(s)"
        try:
            say("loading the model on the workers")
            self.client.register_plugin(ModelLoader(), name=ModelLoader.name)
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except BaseException:
            self.close()
            raise

    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, batch: list[Article]) -> Future:
        future: Future = self.client.submit(run_batch, batch, pure=False)
        return future

    def worker_stats(self) -> dict[str, dict[str, float]]:
        """Per worker: batches, articles and CPU seconds it ran (``storyline.executor.STATS``),
        and how many times it loaded the model (once, if the plugin did its work)."""
        return self.client.run(_stats)  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _stats() -> dict[str, float]:
    from storyline.executor import STATS
    from storyline.nlp import load_nlp

    return {**STATS, "model_loads": load_nlp.cache_info().misses}


__all__ = ["BatchResult", "DaskExecutor", "ModelLoader"]
