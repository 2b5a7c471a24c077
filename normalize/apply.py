"""apply(text, findings) -> str: replay fixes on a text (pure).

Findings must not overlap; each replaces ``text[start:end]`` with its
``replacement``. Findings without a replacement are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from normalize.types import Finding


def apply(text: str, findings: Iterable[Finding]) -> str:
    parts: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.replacement is None:
            continue
        if f.start < pos:
            raise ValueError(f"overlapping findings at offset {f.start}")
        parts.append(text[pos : f.start])
        parts.append(f.replacement)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
