"""Bounded, thread-safe memos of what reconciliation computes per article.

Bringing a story up to date after one more article reconciles every article again; most of
what the conflict checks compute per article (the capital phrases of its body, the ages and
sizes beside its names, its durations) depends on that article alone and is the same as last
time. A ``Memo`` keeps such results in this process by a digest of everything they are computed
from (``digest``), so that an equal input finds its result and another input never does. The
values kept are immutable (tuples of frozen records and plain values): a caller cannot change
what the next caller gets. Each memo holds at most ``most`` entries (least recently used ones go
first) and takes a lock around its dictionary (the web app's jobs reconcile in threads).
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from typing import Generic, ParamSpec, TypeVar

V = TypeVar("V")
P = ParamSpec("P")

ARTICLES = 8192
"""Entries a per-article memo keeps: a story of a few thousand articles, twice over."""

_CLEARS: list[Callable[[], None]] = []


_forgetting: ContextVar[bool] = ContextVar("storyline_memo_forgetting", default=False)


def on_clear(forget: Callable[[], None]) -> None:
    """Have ``clear_all`` call ``forget`` too."""
    _CLEARS.append(forget)


@contextmanager
def forgetting() -> Iterator[None]:
    """Inside the block (this thread or task only) every memo computes afresh and keeps nothing:
    what the tests compare the remembered results against, and what a one-off analysis wants
    (nothing it would keep is asked for again; keeping it only costs memory)."""
    token = _forgetting.set(True)
    try:
        yield
    finally:
        _forgetting.reset(token)


def remembering() -> bool:
    """False inside ``forgetting``."""
    return not _forgetting.get()


def pure(most: int) -> Callable[[Callable[P, V]], Callable[P, V]]:
    """``functools.lru_cache`` (bounded, thread-safe) for a pure function of hashable values,
    registered with ``clear_all`` and ``forgetting``. Its values must be immutable."""
    def wrap(fn: Callable[P, V]) -> Callable[P, V]:
        kept = lru_cache(maxsize=most)(fn)
        on_clear(kept.cache_clear)

        @wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> V:
            return fn(*args, **kwargs) if _forgetting.get() else kept(*args, **kwargs)  # type: ignore[arg-type]
        return call
    return wrap


class Memo(Generic[V]):
    def __init__(self, most: int = ARTICLES) -> None:
        self.most = most
        self.items: OrderedDict[Hashable, V] = OrderedDict()
        self.lock = threading.Lock()
        on_clear(self.clear)

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value kept under ``key``, else ``compute()`` (outside the lock), kept."""
        if _forgetting.get():
            return compute()
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.most:
                self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()

    def __len__(self) -> int:
        return len(self.items)


def clear_all() -> None:
    """Forget every per-article memo (a new process's state; tests and ``bench --cold``)."""
    for forget in _CLEARS:
        forget()


def digest(*parts: object) -> bytes:
    """A digest of values: equal pickles are equal values (shared objects included), so a key
    can never stand for other inputs; equal values pickled differently only cost a miss."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=20).digest()
