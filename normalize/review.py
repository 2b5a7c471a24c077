"""Interactive review, the pure half: what to show for a finding, what an answer means.

The CLI prompts; this module turns a finding into the lines shown and the
writer's answer into a ``Decision``. Accepted decisions become fix-level
findings, so ``apply`` writes them like any other fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from normalize.types import Finding

Verb = Literal["accept", "skip", "edit", "always", "quit", "invalid"]
_BREAK = re.compile(r"\r\n|\r|\n")
WIDTH = 60  # characters of context kept on each side of the word


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer answered about one finding."""

    verb: Verb
    replacement: str | None = None


def context(text: str, f: Finding, width: int = WIDTH) -> tuple[str, str, str]:
    """(before, word, after) on the finding's line, cut to ``width`` characters a side."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text, 0, f.start)]
    line_start = starts[-1]
    m = _BREAK.search(text, f.end)
    line_end = m.start() if m else len(text)
    before = text[line_start : f.start]
    after = text[f.end : line_end]
    if len(before) > width:
        before = "…" + before[-width:]
    if len(after) > width:
        after = after[:width] + "…"
    return before, text[f.start : f.end], after


def choices(f: Finding) -> tuple[str, ...]:
    """The numbered options: the fix first, then the other suggestions (at most 9)."""
    seen: list[str] = []
    for s in ((f.replacement,) if f.replacement else ()) + f.suggestions:
        if s not in seen and s != f.text:
            seen.append(s)
    return tuple(seen[:9])


def decide(answer: str, f: Finding, can_always: bool = True) -> Decision:
    """y accept the first choice, n skip, 1-9 pick, e type your own, a always accept, q quit."""
    a = answer.strip().lower()
    options = choices(f)
    if a in ("y", "yes"):
        return Decision("accept", options[0]) if options else Decision("invalid")
    if a in ("n", "no", ""):
        return Decision("skip")
    if a.isdigit() and 1 <= int(a) <= len(options):
        return Decision("accept", options[int(a) - 1])
    if a == "e":
        return Decision("edit")
    if a == "a" and can_always:
        return Decision("always")
    if a == "q":
        return Decision("quit")
    return Decision("invalid")


def accepted(f: Finding, replacement: str) -> Finding:
    """``f`` as a fix to ``replacement`` chosen by the writer."""
    return replace(f, replacement=replacement, action="fix", reason=f"{f.reason} (chosen in review)".strip())
