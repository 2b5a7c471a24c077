"""Score a tool's output against recorded injections (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from benchmarks.inject import Injected
from benchmarks.tools import Edit, Suggestion

Outcome = Literal["fixed", "wrong", "missed"]


def _overlaps(start: int, end: int, s: int, e: int) -> bool:
    if start == end:  # an insertion
        return s <= start <= e
    return start < e and end > s


def _region_after(text: str, lo: int, hi: int, edits: Sequence[Edit]) -> str:
    out, pos = [], lo
    for ed in sorted(edits, key=lambda x: (x.start, x.end)):
        out.append(text[pos : ed.start])
        out.append(ed.replacement)
        pos = ed.end
    out.append(text[pos:hi])
    return "".join(out)


def outcome(text: str, inj: Injected, edits: Sequence[Edit]) -> tuple[Outcome, str]:
    """fixed / wrong / missed, and the text the tool left in place of the typo."""
    near = [ed for ed in edits if _overlaps(ed.start, ed.end, inj.start, inj.end)]
    if not near:
        return "missed", inj.corrupted
    lo = min([inj.start] + [ed.start for ed in near])
    hi = max([inj.end] + [ed.end for ed in near])
    got = _region_after(text, lo, hi, near)
    expected = text[lo : inj.start] + inj.original + text[inj.end : hi]
    return ("fixed" if got == expected else "wrong"), got


def suggested(text: str, inj: Injected, suggestions: Sequence[Suggestion]) -> bool:
    """True if the first suggestion over the typo restores the original."""
    near = sorted((s for s in suggestions if _overlaps(s.start, s.end, inj.start, inj.end)), key=lambda s: s.start)
    if not near:
        return False
    s = near[0]
    return outcome(text, inj, [Edit(s.start, s.end, s.top)])[0] == "fixed"


def collateral(edits: Sequence[Edit], injections: Sequence[Injected]) -> list[Edit]:
    """Edits that touch no injected typo."""
    return [ed for ed in edits if not any(_overlaps(ed.start, ed.end, i.start, i.end) for i in injections)]
