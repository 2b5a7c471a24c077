"""The pipeline: tokenize -> known? -> candidates -> decide -> Report.

``Normalizer`` loads the dictionaries once; ``check``/``fix`` use one shared
instance so that a process pays the loading cost a single time.

Besides spelling, a Normalizer runs *rules*: pure functions
``rule(text, words, lexicon) -> Iterable[Finding]`` (look-alike letters, house
style, document consistency...). Findings are merged by position; where two
overlap, the earlier rule in the list wins and spelling comes last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.decide import decide
from normalize.lexicon import Lexicon, load
from normalize.tokenize import Word, words
from normalize.types import Finding, Report

Rule = Callable[[str, list[Word], Lexicon], Iterable[Finding]]


class Normalizer:
    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        cache_dir: Path | None = None,
        rules: Sequence[Rule] = (),
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else load(cache_dir=cache_dir)
        self.rules = tuple(rules)
        self._speller = Speller(self.lexicon, cache_dir)
        self._names = NameMatcher(self.lexicon)
        self._bigrams = Bigrams()

    def check(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Findings for ``text``; words inside the ``skip`` spans (code, URLs, ignored lines) are not checked."""
        tokens = words(text, skip)
        found: list[Finding] = []
        for rule in self.rules:
            found.extend(rule(text, tokens, self.lexicon))
        found.extend(decide(tokens, self.lexicon, self._speller, self._names, self._bigrams))
        return Report(text, _without_overlaps(found))

    def fix(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Same findings as ``check``; ``Report.fixed`` holds the corrected text."""
        return self.check(text, skip=skip)


def _without_overlaps(findings: list[Finding]) -> tuple[Finding, ...]:
    """Keep the first finding of each overlapping group (rules before spelling)."""
    kept: list[Finding] = []
    for f in findings:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return tuple(sorted(kept, key=lambda f: f.start))


@lru_cache(maxsize=1)
def default() -> Normalizer:
    return Normalizer()


def check(text: str) -> Report:
    """Find misspelled names, places and words in ``text``."""
    return default().check(text)


def fix(text: str) -> Report:
    """Like ``check``; read the corrected text from ``Report.fixed``."""
    return default().fix(text)
