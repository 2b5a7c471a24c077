"""Work mapped over forked worker processes that share this process's memory.

engine.py reads a long text's blocks and pieces this way when asked for more than one
worker (``normalize check --jobs`` on one file): the workers are forked once the
whole-text counts are made, so each reads the text, the dictionaries and the counts
without a copy being sent (copy-on-write), and the results come back in order, so the
output is the same as with one process. Where processes cannot be forked (no "fork"
start method), or there is one item or one worker, the work runs in this process.

A forked worker maps every page of this process's heap, so its resident set starts where
this one's is: before the workers fork, the heap's free pages are given back to the system
(``trim``), and a worker gives back its own between the runs it reads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

S = TypeVar("S")
R = TypeVar("R")
T = TypeVar("T")

_WORK: list[Any] = []  # the work and its state, for the forked workers (set before they fork)
CHUNKS_PER_WORKER = 32  # at least: items are sent in chunks of count / (workers x this), or one by one


def ordered(work: Callable[[S, int], R], state: S, count: int, workers: int) -> Iterator[R]:
    """``work(state, k)`` for each ``k`` in ``range(count)``, in that order; on up to
    ``workers`` forked processes when more than one."""
    if workers <= 1 or count <= 1 or not _forks():
        for k in range(count):
            yield work(state, k)
        return
    import multiprocessing

    _WORK[:] = [work, state]
    trim()  # (what the steps before freed is not mapped into every worker)
    for stream in (sys.stdout, sys.stderr):  # what is buffered is written once, not again by each worker
        if stream is not None:
            stream.flush()
    # Many short items go out a few at a time: a message each costs the parent as much as a short item.
    chunk = max(1, count // (workers * CHUNKS_PER_WORKER))
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, count)) as pool:
            yield from pool.imap(_call, range(count), chunk)
    finally:
        _WORK.clear()


def guided(items: list[T], workers: int, share: int, least: int) -> list[list[T]]:
    """``items`` in consecutive runs for ``workers``: each a ``1 / (share * workers)`` share of
    all at most, and of what is left, so that they shorten towards the end (to ``least``
    items), where a long run would keep one worker busy while the others idle."""
    most = max(1, len(items) // (share * workers))
    runs: list[list[T]] = []
    at = 0
    while at < len(items):
        size = max(least, min(most, (len(items) - at) // (share * workers)))
        runs.append(items[at : at + size])
        at += size
    return runs


def in_worker() -> bool:
    """Whether this process is a worker forked by ``ordered``."""
    if not _WORK:
        return False
    import multiprocessing  # (imported already: ``ordered`` set _WORK)

    return multiprocessing.parent_process() is not None


def trim() -> None:
    """Give the free pages of the C heap back to the system (glibc's ``malloc_trim``): the
    objects a step frees leave their pages resident, scattered among live ones, unless told
    to go. Elsewhere (no glibc) nothing happens."""
    if not _TRIM:
        try:
            import ctypes

            _TRIM.append(ctypes.CDLL(None).malloc_trim)
        except (OSError, AttributeError):  # no C library to load, or not glibc
            _TRIM.append(None)
    if _TRIM[0] is not None:
        _TRIM[0](0)


_TRIM: list[Any] = []  # malloc_trim, once looked up (None: there is none)


def _forks() -> bool:
    import multiprocessing  # (imported when needed, not at start-up: it imports pickle, socket and more)

    return "fork" in multiprocessing.get_all_start_methods()


def _call(k: int) -> Any:
    work, state = _WORK
    return work(state, k)
