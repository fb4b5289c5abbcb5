"""The build's one process pool: per-plan enrichment, page rendering and PDFs run here, and MkDocs' shares
(mkdocs_build.py) are counted by it too. Results come in input order, so a parallel build is byte-identical
to a serial one.

``BUILD_WORKERS=n`` sets the number of workers everywhere, never more than the cores this process may run
on (more processes than cores only add memory and switching); ``BUILD_WORKERS=1`` runs everything in this
process (for a debugger or a profile); unset, one worker per core. Work items and results travel between
processes by pickling: worth it only for work that costs much more than its results (rendering a plan's
pages or a PDF, not parsing a plan).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
VARIABLE = "BUILD_WORKERS"


def cores() -> int:
    """The cores this process may run on (its affinity, which a container or ``taskset`` may narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count() -> int:
    """``BUILD_WORKERS`` (at least 1), capped at the cores there are; unset or not a number, every core."""
    configured = os.environ.get(VARIABLE, "").strip()
    wanted = max(1, int(configured)) if configured.isdigit() else cores()
    return min(wanted, cores())


_SHARED: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def _call_shared(item: Any) -> Any:
    assert _SHARED is not None
    function, context = _SHARED
    return function(item, *context)


def _ignore_interrupt() -> None:
    """In each worker: Ctrl-C reaches the whole process group, and only the build itself answers it (one line,
    no traceback per worker); the workers end when the pool is shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def shared_with_workers(
    function: Callable[..., Result], items: Sequence[Item], context: tuple[Any, ...]
) -> Iterator[Result]:
    """``function(item, *context)`` for each item, in order, the context handed over without pickling.

    The workers are forked after the context is set, so they see it in the memory they inherit (the
    whole edition costs nothing to send); only the items go to them and the results come back. Without
    fork (not Linux) or with one worker, it runs here. Items go out one at a time, so put the costliest first.
    """
    global _SHARED
    workers = min(worker_count(), len(items))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (function(item, *context) for item in items)
        return
    _SHARED = (function, context)
    # Out of the collector's reach while the workers run: a collection in a worker would write to every
    # inherited object's header and so copy the whole edition's memory pages into each worker.
    gc.freeze()
    try:
        context_fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context_fork, initializer=_ignore_interrupt) as pool:
            yield from pool.map(_call_shared, items, chunksize=1)
    finally:
        _SHARED = None
        gc.unfreeze()
