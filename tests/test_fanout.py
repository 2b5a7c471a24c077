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
