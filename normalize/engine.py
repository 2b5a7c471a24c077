"""The pipeline: tokenize -> known? -> candidates -> decide -> Report.

``Normalizer`` loads the dictionaries once; ``check``/``fix`` use one shared
instance so that a process pays the loading cost a single time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from normalize.candidates import NameMatcher, Speller
from normalize.decide import decide
from normalize.lexicon import Lexicon, load
from normalize.tokenize import words
from normalize.types import Report


class Normalizer:
    def __init__(self, lexicon: Lexicon | None = None, *, cache_dir: Path | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load(cache_dir=cache_dir)
        self._speller = Speller(self.lexicon, cache_dir)
        self._names = NameMatcher(self.lexicon)

    def check(self, text: str) -> Report:
        findings = decide(words(text), self.lexicon, self._speller, self._names)
        return Report(text, tuple(sorted(findings, key=lambda f: f.start)))

    def fix(self, text: str) -> Report:
        """Same findings as ``check``; ``Report.fixed`` holds the corrected text."""
        return self.check(text)


@lru_cache(maxsize=1)
def default() -> Normalizer:
    return Normalizer()


def check(text: str) -> Report:
    """Find misspelled names, places and words in ``text``."""
    return default().check(text)


def fix(text: str) -> Report:
    """Like ``check``; read the corrected text from ``Report.fixed``."""
    return default().fix(text)
