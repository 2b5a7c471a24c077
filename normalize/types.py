"""Values that flow through the engine: Token -> Candidate -> Finding -> Report.

All offsets are half-open indexes into the original ``str`` (characters, not
bytes). Every type is frozen so a step can never change what an earlier step
produced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["person", "place", "word", "style", "lookalike", "consistency"]
Action = Literal["fix", "suggest"]


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: letters, with inner apostrophes, hyphens or periods."""

    text: str
    start: int
    end: int
    index: int  # position in the token sequence


@dataclass(frozen=True, slots=True)
class Entry:
    """The dictionary entry that backs a candidate: what it is and where it comes from."""

    id: str  # Wikidata QID, geonames:ID, iso:CC, word:WORD, curated:SLUG ...
    name: str  # preferred spelling of the whole entry ("Dmitry Peskov")
    kind: Kind
    description: str  # role or place type ("Press Secretary of the President of Russia")
    source: str  # where the entry comes from ("Wikidata Q...", "GeoNames", "curated: ...")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible correction of a span of tokens."""

    text: str  # replacement for the span, already in the span's letter case
    kind: Kind
    distance: int  # edit distance (optimal string alignment) from the span
    score: float  # higher is better; comparable only within one span
    entry: Entry | None = None
    evidence: str = ""  # the context that supports it ("surname Peskov matches exactly")


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in the text and what to do about it."""

    start: int
    end: int
    text: str
    replacement: str | None  # the fix; None when only suggested
    suggestions: tuple[str, ...]
    confidence: float  # 0..1
    kind: Kind
    action: Action
    reason: str
    rule: str = "spelling"
    entry: Entry | None = None
    # what decided it: (feature, value, weight) terms of the model's margin (normalize/model.py)
    evidence: tuple[tuple[str, float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """The findings for one text; applying the ``fix`` findings gives ``fixed``."""

    text: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def fixes(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.action == "fix")

    @property
    def fixed(self) -> str:
        from normalize.apply import apply

        return apply(self.text, self.fixes)

    def diff(self, path: str = "text") -> str:
        from normalize.render import unified_diff

        return unified_diff(self.text, self.fixed, path)


def merged_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The positions ``spans`` (start, end) cover, as sorted spans that neither overlap nor touch;
    empty ones dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
