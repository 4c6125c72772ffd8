"""Values worked out once while one page is put together, then forgotten.

The start page asks eight apps for their to-do items, and most of them need the same
"open cases this user works on". Inside ``memoised()`` such a value is computed on
first use and shared; outside it (a test calling one app directly, a command) every
call computes afresh, so nothing stale can outlive the page.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_store: ContextVar[dict[Hashable, Any] | None] = ContextVar("lotse_memo", default=None)


@contextmanager
def memoised() -> Iterator[None]:
    """Share values inside the block; inside an outer block, the outer block's."""
    if _store.get() is not None:
        yield
        return
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def memo[T](key: Hashable, compute: Callable[[], T]) -> T:
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]
