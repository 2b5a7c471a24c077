"""Renderers: findings and fixes -> text, JSON or a unified diff (pure, never prints).

Findings carry half-open character offsets into the decoded text; line and
column (1-based, in characters) are computed here, at the edge. ``\\r\\n``,
``\\r`` and ``\\n`` each count as one line break.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from normalize.types import Entry, Finding, Report

_BREAK = re.compile(r"\r\n|\r|\n")
_NO_NEWLINE = "\\ No newline at end of file\n"


class LineIndex:
    """Offset -> (line, column) for one text; built once, queried per finding."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[offset]``."""
    return LineIndex(text).line_col(offset)


def _diff_lines(text: str) -> list[str]:
    # Split on "\n" only, as git and patch do: a "\r\n" line keeps its "\r".
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(old: str, new: str, path: str) -> str:
    """A git-style unified diff of ``old`` -> ``new``; "" when they are equal."""
    if old == new:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(
        _diff_lines(old), _diff_lines(new), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
    ):
        out.append(line)
        if not line.endswith("\n"):  # the last line of a side, without a newline
            out.append("\n" + _NO_NEWLINE)
    return "".join(out)


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _format(path: str, index: LineIndex, f: Finding) -> str:
    line, col = index.line_col(f.start)
    if f.replacement is not None:
        change = f"{f.text!r} -> {f.replacement!r}"
    else:
        change = f"{f.text!r} suggestions: {', '.join(f.suggestions) or '(none)'}"
    reason = _one_line(f.reason)
    tail = f" {reason}" if reason else ""
    return f"{path}:{line}:{col}: {f.kind}: {change} (confidence {f.confidence:.2f}){tail}"


def render_text(findings_by_path: Mapping[str, Report]) -> str:
    """One line per finding, in path then offset order; "" when there are none."""
    lines: list[str] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            lines.append(_format(path, index, f) + "\n")
    return "".join(lines)


def _entry(e: Entry | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "description": e.description,
        "source": e.source,
    }


def _finding_dict(path: str, index: LineIndex, f: Finding) -> dict[str, Any]:
    line, col = index.line_col(f.start)
    return {
        "path": path,
        "line": line,
        "column": col,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "replacement": f.replacement,
        "suggestions": list(f.suggestions),
        "confidence": f.confidence,
        "kind": f.kind,
        "action": f.action,
        "reason": f.reason,
        "rule": f.rule,
        "entry": _entry(f.entry),
    }


def render_json(findings_by_path: Mapping[str, Report]) -> str:
    """``{"findings": [...]}`` with one object per finding; ends with a newline."""
    rows: list[dict[str, Any]] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            rows.append(_finding_dict(path, index, f))
    return json.dumps({"findings": rows}, ensure_ascii=False, indent=2) + "\n"
