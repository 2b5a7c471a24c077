"""fanout.py: work on forked workers comes back complete and in order, however it is cut."""

from __future__ import annotations

from normalize import fanout


def _square(state: list[int], k: int) -> tuple[int, int]:
    return k, state[k] * state[k]


def test_many_items_on_two_workers_come_back_in_order() -> None:
    """Sent a chunk at a time (more items than CHUNKS_PER_WORKER a worker), answered in order."""
    items = list(range(1_000))
    assert 1_000 > 2 * fanout.CHUNKS_PER_WORKER
    assert list(fanout.ordered(_square, items, len(items), 2)) == [(k, k * k) for k in items]


def test_guided_runs_cover_the_items_in_order_and_shorten_towards_the_end() -> None:
    items = list(range(2_500))
    runs = fanout.guided(items, 2, 4, 8)
    assert [x for run in runs for x in run] == items
    sizes = [len(run) for run in runs]
    assert sizes[0] == 2_500 // 8 and sizes[:-1] == sorted(sizes[:-1], reverse=True)
    assert min(sizes[:-1]) == 8 and sizes[-1] <= 8  # the end: short runs, so no worker waits long on another
    assert fanout.guided([1, 2, 3], 2, 4, 8) == [[1, 2, 3]]
    assert fanout.guided([], 2, 4, 8) == []


def _where(k: int) -> tuple[int, int]:
    """``(k, pid)``: each process tells its pipe of ``_told`` that it has taken an item, then
    waits until the other has too, so that both work however slowly either starts."""
    import os
    import select

    mine, theirs = _told if os.getpid() == fanout_parent[0] else _told[::-1]
    os.write(mine[1], b"k")
    select.select([theirs[0]], [], [], 60)  # (a guard: one that never starts fails the test)
    return k, os.getpid()


def _here(k: int) -> tuple[int, int]:
    import os

    return k, os.getpid()


def _gone(k: int) -> tuple[int, int]:
    return k, -1


_told: list[tuple[int, int]] = []  # pipes: this process's, the helper's


def test_shared_items_come_back_in_order_from_this_process_and_its_helper() -> None:
    """The process that forks the helper works too."""
    import os

    fanout_parent[:] = [os.getpid()]
    _told[:] = [os.pipe(), os.pipe()]
    try:
        answers = list(fanout.shared(_where, 300, 2, _gone))
    finally:
        for fd in (*_told[0], *_told[1]):
            os.close(fd)
    assert [k for k, _ in answers] == list(range(300))
    pids = {pid for _, pid in answers}
    assert os.getpid() in pids and len(pids) == 2
    assert list(fanout.shared(_here, 3, 1, _gone)) == [(k, os.getpid()) for k in range(3)]


def _fails_at(k: int) -> int:
    import time

    time.sleep(0.001)
    if k in (7, 150):
        raise ValueError(f"item {k}")
    return k


def test_shared_raises_an_error_in_its_turn() -> None:
    import pytest

    got: list[int] = []
    with pytest.raises(ValueError, match="item 7"):
        for k in fanout.shared(_fails_at, 200, 2, _gone):
            got.append(k)
    assert got == list(range(7))


def _dies_at(k: int) -> tuple[int, int]:
    import os
    import time

    time.sleep(0.002)
    if k == 40 and fanout_parent[0] != os.getpid():
        os._exit(9)  # a helper killed while it works on 40
    return k, 0


fanout_parent: list[int] = []


def test_shared_says_what_a_dead_helper_never_answered_and_leaves_no_helper() -> None:
    import os

    fanout_parent[:] = [os.getpid()]
    answers = list(fanout.shared(_dies_at, 100, 2, _gone))
    assert [k for k, _ in answers] == list(range(100))
    assert all(v == 0 for k, v in answers if k < 40)
    assert all(v in (0, -1) for _, v in answers)
    part = fanout.shared(_here, 300, 2, _gone)
    assert next(part)[0] == 0
    part.close()  # (the helper is stopped and waited for)
