"""Fix until nothing changes, so that fixing twice equals fixing once (pure).

A fix can make the text vouch for another: once "Voloddymyr" is "Volodymyr",
the exact first name makes "Zlensky" a clear slip of Zelensky, which alone it
was not. ``settle`` checks the fixed text again and adds the fixes that only
appear then, until a pass adds none (at most ``MAX_PASSES``). The Report it
returns is in the input's own offsets: a later fix is carried back through the
earlier ones and replaces whatever finding the earlier pass had at its place (a
suggestion for the same word); where it overlaps an earlier fix the two compose
into one finding over both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from normalize.types import Finding, Report

Span = tuple[int, int]
Check = Callable[[str, Sequence[Span]], Report]
MAX_PASSES = 16  # a guard against a cycle of fixes; a real chain stops earlier, when a pass adds nothing


def settle(report: Report, check: Check, skip: Sequence[Span] = ()) -> Report:
    """``report`` plus the fixes that further passes over the fixed text find."""
    for _ in range(MAX_PASSES - 1):
        fixes = sorted(report.fixes, key=lambda f: f.start)
        if not fixes:
            return report
        fixed = report.fixed
        later = [back(f, fixes, report.text, fixed) for f in check(fixed, [forward(s, fixes) for s in skip]).fixes]
        if not later or any(f is None for f in later):
            return report
        report = _merged(report, [f for f in later if f is not None])
    return report


def forward(span: Span, fixes: Sequence[Finding]) -> Span:
    """Where a span that no fix touches lies in the fixed text."""
    shift = sum(len(f.replacement or "") - (f.end - f.start) for f in fixes if f.end <= span[0])
    return span[0] + shift, span[1] + shift


def back(finding: Finding, fixes: Sequence[Finding], text: str, fixed: str) -> Finding | None:
    """``finding``, made in ``fixed`` (``text`` with ``fixes`` applied), in the offsets of ``text``.

    Where it overlaps what a fix wrote, the two compose into one finding over both
    ("RuΑsia's" -> "RuAsia's", then "RuAsia" -> "Russia", is "RuΑsia's" -> "Russia's").
    """
    a, b = finding.start, finding.end
    shift = 0
    for f in fixes:  # widen to whole replacements that the finding overlaps
        new_start = f.start + shift
        new_end = new_start + len(f.replacement or "")
        if new_start < finding.end and finding.start < new_end:
            a, b = min(a, new_start), max(b, new_end)
        shift += len(f.replacement or "") - (f.end - f.start)
    start, end = _before(a, fixes, True), _before(b, fixes, False)
    if start is None or end is None or end <= start or finding.replacement is None:
        return None
    replacement = fixed[a : finding.start] + finding.replacement + fixed[finding.end : b]
    return replace(finding, start=start, end=end, text=text[start:end], replacement=replacement)


def _before(pos: int, fixes: Sequence[Finding], is_start: bool) -> int | None:
    shift = 0
    for f in fixes:
        new_start = f.start + shift
        new_end = new_start + len(f.replacement or "")
        if pos < new_start:
            break
        if new_start == new_end == pos:  # a deletion: the finding lies beside it, not over it
            return f.end if is_start else f.start
        if pos == new_start:
            return f.start
        if pos < new_end:
            return None
        if pos == new_end:
            return f.end
        shift += len(f.replacement or "") - (f.end - f.start)
    return pos - shift


def _merged(report: Report, later: list[Finding]) -> Report:
    kept = [f for f in report.findings if all(f.end <= g.start or f.start >= g.end for g in later)]
    return Report(report.text, tuple(sorted(kept + later, key=lambda f: f.start)))
