"""Batch work without the cyclic garbage collector running through it.

A batch of 10,000 applications builds about a million small objects (parsed facts, results,
explanation lines, the JSON-shaped result) and keeps them all alive until it returns. Each
time enough of them have been allocated, CPython's collector walks every live container,
and the walks grow with the batch: on the issue-8 benchmark they were a third of the time
(docs/PERFORMANCE.md). None of these objects form reference cycles, so reference counting
frees them all anyway; the collector is paused for the batch and restored after it, as mypy
does for its own build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block; nested and failing blocks restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
