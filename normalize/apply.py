"""apply(text, findings) -> str: replay fixes on a text (pure).

Findings must not overlap; each replaces ``text[start:end]`` with its
``replacement``. Findings without a replacement are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from normalize.types import Finding


def apply(text: str, findings: Iterable[Finding]) -> str:
    # Appended to in place (CPython grows a string that nothing else refers to where it
    # lies), so that a long text's copy is made once, not as its parts and then as their
    # join: the fixed text of a 10 MB text costs 20 MB, not 40 (UCS-2).
    out = ""
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.replacement is None:
            continue
        if f.start < pos:
            raise ValueError(f"overlapping findings at offset {f.start}")
        out += text[pos : f.start]
        out += f.replacement
        pos = f.end
    out += text[pos:]
    return out
