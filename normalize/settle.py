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

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from normalize.types import Finding, Report

Span = tuple[int, int]
Check = Callable[[str, Sequence[Span]], Report]
MAX_PASSES = 16  # a guard against a cycle of fixes; a real chain stops earlier, when a pass adds nothing


def settle(report: Report, check: Check, skip: Sequence[Span] = ()) -> Report:
    """``report`` plus the fixes that further passes over the fixed text find. Where a later
    fix undoes an earlier one (composed back, it writes what the input has: the Open Hands
    Initiative (OHI), fixed to Ohio by a text that writes Ohio often, then back by its
    initials), the two readings disagree: the input is kept as written there, with no finding,
    and later passes leave that stretch alone (else the two would take turns, pass after pass)."""
    undone: list[Span] = []
    for _ in range(MAX_PASSES - 1):
        fixes = sorted(report.fixes, key=lambda f: f.start)
        if not fixes:
            return report
        fixed = report.fixed
        moves = Moves(fixes)
        found = check(fixed, [moves.forward(s) for s in skip]).fixes
        later = [moves.back(f, report.text, fixed) for f in found]
        del fixed  # before the next pass's fixed text is made: one long text fewer held at once
        if not later or any(f is None for f in later):
            return report
        kept = [f for f in later if f is not None and not _within(f, undone)]
        if not kept:
            return report
        report = _merged(report, kept)
        noop = [f for f in kept if f.replacement == f.text]
        if noop:
            undone.extend((f.start, f.end) for f in noop)
            report = Report(report.text, tuple(f for f in report.findings if f not in noop))
    return report


def _within(finding: Finding, spans: Sequence[Span]) -> bool:
    """The finding overlaps one of ``spans`` (a few at most: a linear look)."""
    return any(finding.start < end and start < finding.end for start, end in spans)


class Moves:
    """Where the text moves when ``fixes`` (sorted by start, not overlapping) are applied:
    each question is a binary search, so a pass costs time linear in the findings however
    many fixes and spans a text has."""

    def __init__(self, fixes: Sequence[Finding]) -> None:
        self.fixes = fixes
        self.ends = [f.end for f in fixes]  # in the text before the fixes
        self.shifts = [0]  # shifts[k]: how far the fixes before the k-th move what follows them
        self.new_starts: list[int] = []  # each fix's replacement, in the fixed text
        self.new_ends: list[int] = []
        for f in fixes:
            start = f.start + self.shifts[-1]
            self.new_starts.append(start)
            self.new_ends.append(start + len(f.replacement or ""))
            self.shifts.append(self.shifts[-1] + len(f.replacement or "") - (f.end - f.start))

        # Fixes of one report never overlap; were some to, the searches below would not hold.
        self.searchable = all(f.end <= g.start for f, g in zip(fixes, fixes[1:], strict=False))

    def forward(self, span: Span) -> Span:
        """Where a span that no fix touches lies in the fixed text."""
        if self.searchable:
            shift = self.shifts[bisect_right(self.ends, span[0])]
        else:
            shift = sum(len(f.replacement or "") - (f.end - f.start) for f in self.fixes if f.end <= span[0])
        return span[0] + shift, span[1] + shift

    def back(self, finding: Finding, text: str, fixed: str) -> Finding | None:
        """``finding``, made in ``fixed`` (``text`` with the fixes applied), in the offsets of ``text``.

        Where it overlaps what a fix wrote, the two compose into one finding over both
        ("RuΑsia's" -> "RuAsia's", then "RuAsia" -> "Russia", is "RuΑsia's" -> "Russia's").
        """
        a, b = finding.start, finding.end
        if self.searchable:  # the replacements it overlaps: ending after its start, starting before its end
            first, last = bisect_right(self.new_ends, a), bisect_left(self.new_starts, b)
            over = range(first, last)
        else:
            over = range(len(self.fixes))
        for k in over:  # widen to the whole replacements
            if self.new_starts[k] < finding.end and finding.start < self.new_ends[k]:
                a, b = min(a, self.new_starts[k]), max(b, self.new_ends[k])
        start, end = self._before(a, True), self._before(b, False)
        if start is None or end is None or end <= start or finding.replacement is None:
            return None
        replacement = fixed[a : finding.start] + finding.replacement + fixed[finding.end : b]
        return replace(finding, start=start, end=end, text=text[start:end], replacement=replacement)

    def _before(self, pos: int, is_start: bool) -> int | None:
        """Where ``pos`` of the fixed text was before the fixes (None: inside a replacement)."""
        if self.searchable:
            stop = bisect_right(self.new_starts, pos)  # the fixes whose replacement starts at or before pos
            k = bisect_left(self.new_ends, pos, 0, stop)  # the first of them that ends at or after it
        else:
            stop = next((k for k, start in enumerate(self.new_starts) if pos < start), len(self.fixes))
            k = next((k for k in range(stop) if self.new_ends[k] >= pos), stop)
        if k == stop:
            return pos - self.shifts[stop]
        f, new_start, new_end = self.fixes[k], self.new_starts[k], self.new_ends[k]
        if new_start == new_end == pos:  # a deletion: the finding lies beside it, not over it
            return f.end if is_start else f.start
        if pos == new_start:
            return f.start
        if pos < new_end:
            return None
        return f.end  # pos == new_end


def forward(span: Span, fixes: Sequence[Finding]) -> Span:
    """Where a span that no fix touches lies in the fixed text."""
    return Moves(fixes).forward(span)


def back(finding: Finding, fixes: Sequence[Finding], text: str, fixed: str) -> Finding | None:
    """``finding``, made in ``fixed`` (``text`` with ``fixes`` applied), in the offsets of ``text``."""
    return Moves(fixes).back(finding, text, fixed)


def _merged(report: Report, later: list[Finding]) -> Report:
    """``report``'s findings that no later one overlaps, and the later ones."""
    union: list[list[int]] = []  # the later findings' spans, overlapping ones joined, by start
    for g in sorted(later, key=lambda g: (g.start, g.end)):
        if union and g.start < union[-1][1]:
            union[-1][1] = max(union[-1][1], g.end)
        else:
            union.append([g.start, g.end])
    starts = [u[0] for u in union]

    def clear(f: Finding) -> bool:
        k = bisect_left(starts, f.end) - 1  # the last joined span starting before f ends
        return k < 0 or union[k][1] <= f.start

    kept = [f for f in report.findings if clear(f)]
    return Report(report.text, tuple(sorted(kept + later, key=lambda f: f.start)))
