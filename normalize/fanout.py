"""Work mapped over forked worker processes that share this process's memory.

engine.py reads a long text's blocks and pieces this way when asked for more than one
worker (``normalize check --jobs`` on one file): the workers are forked once the
whole-text counts are made, so each reads the text, the dictionaries and the counts
without a copy being sent (copy-on-write), and the results come back in order, so the
output is the same as with one process. Where processes cannot be forked (no "fork"
start method), or there is one item or one worker, the work runs in this process.

``shared`` maps the CLI's runs of files (``normalize check --jobs`` on many files) over this
process and forked helpers that take the next run when free: this process works too, rather
than wait on a pool.

A forked worker maps every page of this process's heap, so its resident set starts where
this one's is: before the workers fork, the heap's free pages are given back to the system
(``trim``), and a worker gives back its own between the runs it reads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator, Iterator
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
        with multiprocessing.get_context("fork").Pool(min(workers, count), _ignore_interrupt) as pool:
            yield from pool.imap(_call, range(count), chunk)
    finally:
        _WORK.clear()


def _ignore_interrupt() -> None:
    """A pool worker leaves Ctrl-C to its parent, which ends the pool (a worker's own
    KeyboardInterrupt printed its traceback on the terminal, one per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


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


def cores() -> int:
    """The cores this process may run on (fewer than the machine's under taskset or a
    container's CPU set), as Python 3.13's os.process_cpu_count counts them: more workers
    than these only take turns on them, each with its own memory."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # (no sched_getaffinity: macOS, Windows)
        return os.cpu_count() or 1


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


def shared(work: Callable[[int], R], count: int, workers: int, lost: Callable[[int], R]) -> Generator[R, None, None]:
    """``work(k)`` for each ``k`` in ``range(count)``, in that order, on this process and
    ``workers - 1`` forked helpers: each takes the next ``k`` when free (from a pipe that
    holds them all), so that this process works rather than waits and no pool is started.
    A helper's results come back pickled, an error raised in its turn; for a ``k`` whose
    helper ended without answering (killed?), ``lost(k)``."""
    if workers <= 1 or count <= 1 or not hasattr(os, "fork"):
        for k in range(count):
            yield work(k)
        return
    import threading

    taken, put = os.pipe()
    os.write(put, b"".join(k.to_bytes(4, "little") for k in range(count)))  # (a pipe holds 16,384)
    os.close(put)
    for stream in (sys.stdout, sys.stderr):  # what is buffered is written once, not again by a helper
        if stream is not None:
            stream.flush()
    helpers = [_helper(work, taken) for _ in range(min(workers, count) - 1)]  # (forked before any thread starts)
    got: dict[int, tuple[bool, Any]] = {}
    changed = threading.Condition()
    ended: list[int] = []
    listeners = [threading.Thread(target=_listen, args=(fd, got, changed, ended), daemon=True) for _, fd in helpers]
    for listener in listeners:
        listener.start()
    read = 0
    try:
        for head in range(count):
            ok, value = _answer(head, work, taken, got, changed, lambda: len(ended) == len(helpers))
            if ok is None:
                value = lost(head)
            elif not ok:
                raise value
            yield value
            read += 1
    finally:
        os.close(taken)
        for pid, _ in helpers:
            _end(pid, read < count)
        for listener in listeners:
            listener.join()


def _helper(work: Callable[[int], Any], taken: int) -> tuple[int, int]:
    """A forked helper, and the pipe its results come from: it takes the next ``k`` from
    ``taken`` until none is left and sends ``(k, ok, result or error)`` for each."""
    out, into = os.pipe()
    pid = os.fork()
    if pid:
        os.close(into)
        return pid, out
    try:  # (the helper: it never returns)
        import pickle

        os.close(out)
        while len(b := os.read(taken, 4)) == 4:
            k = int.from_bytes(b, "little")
            try:
                data = pickle.dumps((k, True, work(k)))
            except Exception as e:  # noqa: BLE001 - raised in its turn, by the caller's process
                data = pickle.dumps((k, False, picklable(e)))
            view = memoryview(len(data).to_bytes(8, "little") + data)
            while view:
                view = view[os.write(into, view) :]
    except BaseException:  # noqa: BLE001 - its answers missing, the caller says so
        os._exit(1)
    os._exit(0)


def _listen(fd: int, got: dict[int, tuple[bool, Any]], changed: Any, ended: list[int]) -> None:
    """A thread of the caller's process that reads a helper's answers as they come."""
    import pickle

    with os.fdopen(fd, "rb") as f:
        while len(size := f.read(8)) == 8:
            k, ok, value = pickle.loads(f.read(int.from_bytes(size, "little")))
            with changed:
                got[k] = (ok, value)
                changed.notify_all()
    with changed:
        ended.append(fd)
        changed.notify_all()


def _answer(
    head: int, work: Callable[[int], Any], taken: int, got: dict[int, tuple[bool, Any]], changed: Any, over: Any
) -> tuple[bool | None, Any]:
    """``head``'s answer: this process does the next ``k`` left while it has not come; ``ok``
    None when every helper has ended and it never came."""
    while True:
        with changed:
            if head in got:
                return got.pop(head)
        b = os.read(taken, 4)
        if len(b) < 4:
            break
        k = int.from_bytes(b, "little")
        try:
            answer: tuple[bool, Any] = (True, work(k))
        except Exception as e:  # noqa: BLE001 - raised in its turn
            answer = (False, e)
        with changed:
            got[k] = answer
    with changed:
        while head not in got and not over():
            changed.wait()
        return got.pop(head) if head in got else (None, None)


def _end(pid: int, early: bool) -> None:
    """Wait for a helper to end (stopped first when its answers are no longer wanted)."""
    import signal

    if early:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def picklable(e: Exception) -> Exception:
    """``e``, or one that says the same and can be sent back from a helper (or a worker)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(e))
    except Exception:  # noqa: BLE001 - any failure to pickle
        return RuntimeError(f"{type(e).__name__}: {e}")
    return e
