"""A worker's memo goes back to what it was forked with every few pieces (engine._memo_as_forked)."""

from __future__ import annotations

from normalize import engine


def test_a_workers_memo_drops_what_it_added_every_few_pieces() -> None:
    forked = {("cost",): {"kyiv": 1.0}, ("name",): "kept"}
    memo: dict = {("cost",): dict(forked[("cost",)]), ("name",): "kept"}  # type: ignore[call-overload]
    for piece in range(1, engine.WORKER_MEMO_PIECES + 1):
        engine._memo_as_forked(memo)  # (before each piece, as _in_piece calls it)
        if piece == engine.WORKER_MEMO_PIECES:
            assert memo == forked
        else:
            assert len(memo[("cost",)]) == piece  # what the pieces before added is kept
        memo[("cost",)][f"word{piece}"] = float(piece)
        memo[("new", piece)] = piece
    engine._FORKED.pop(id(memo))
