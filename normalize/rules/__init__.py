"""Rules: pure functions ``rule(text, words, lexicon) -> Iterable[Finding]`` run beside spelling.

Each rule has an id (``Finding.rule``) that config and ``--rules`` name. Rules
that need settings (a house style, project preferences) are built by a factory
that closes over them, so the engine's call stays the same for every rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from normalize.lexicon import Lexicon
from normalize.tokenize import Word
from normalize.types import Finding

Rule = Callable[[str, list[Word], Lexicon], Iterable[Finding]]

# Rule ids, in the order they run (an earlier rule wins where findings overlap).
ORDER = ("mojibake", "nfc", "spaces", "quotes", "lookalike", "style", "consistency")
# style finds nothing unless a style or preferences are set; consistency made 0 fixes to
# correct text on news-dev (1 fix, 2 suggestions, all three genuine typos), so it is on.
DEFAULT_ON = frozenset({"lookalike", "style", "consistency"})
