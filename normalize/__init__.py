"""normalize: find and fix misspelled names of officials and places, and typos.

    >>> import normalize
    >>> report = normalize.check("Kremlin spokesman Kmitry Peskov said so.")
    >>> [(f.text, f.replacement) for f in report.findings]
    [('Kmitry', 'Dmitry')]

The library never prints or touches files; ``normalize.cli`` does that.
"""

from __future__ import annotations

from normalize.engine import Normalizer, check, fix
from normalize.errors import DictionaryError, InputError, NormalizeError
from normalize.types import Candidate, Entry, Finding, Report, Token

__all__ = [
    "Candidate",
    "DictionaryError",
    "Entry",
    "Finding",
    "InputError",
    "NormalizeError",
    "Normalizer",
    "Report",
    "Token",
    "check",
    "fix",
]
