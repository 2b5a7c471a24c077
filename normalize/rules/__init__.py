"""Rules: pure functions ``rule(text, words, lexicon) -> Iterable[Finding]`` run beside spelling.

Each rule has an id (``Finding.rule``) that config and ``--rules`` name. Rules
that need settings (a house style, project preferences) are built by a factory
that closes over them, so the engine's call stays the same for every rule.

A rule reads the words it is given and the text near them; one that counts words over
the whole document (``consistency``) is bound to the document's counts by
``for_document`` when a long text is checked a piece at a time.
"""

from __future__ import annotations

from collections import Counter
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


def for_document(rule: Rule, written: Counter[str], lexicon: Lexicon) -> Rule:
    """``rule`` for the pieces of a document that writes its words as often as ``written``
    says (the cores of the words not ``skip``, in the order the document first writes them)."""
    from normalize.rules import consistency

    if rule is consistency.consistency:
        return consistency.for_document(written, lexicon)
    return rule
