"""normalize: find and fix misspelled names of officials and places, and typos.

    >>> import normalize
    >>> report = normalize.check("Kremlin spokesman Kmitry Peskov said so.")
    >>> [(f.text, f.replacement) for f in report.findings]
    [('Kmitry', 'Dmitry')]
    >>> report = normalize.check_document("`Kmitry` Kmitry Peskov", format="markdown")
    >>> [f.start for f in report.findings]
    [9]

The library never prints or touches files; ``normalize.cli`` does that.
"""

from __future__ import annotations

from normalize.document import check_document
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
    "check_document",
    "fix",
]
