"""Unicode hygiene, each rule opt-in: ``mojibake``, ``nfc``, ``spaces``, ``quotes``.

``mojibake`` repairs text decoded with the wrong encoding ("cafÃ©" -> "café") with
ftfy's ``fix_encoding``, one whitespace-separated run at a time so that offsets stay
exact; only runs that ftfy's badness heuristic flags are touched.

``nfc`` fixes words not in Unicode normalization form C (a decomposed "é");
``spaces`` fixes doubled spaces and non-breaking spaces between words;
``quotes`` fixes straight double quotes to typographic ones, in pairs per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from normalize.lexicon import Lexicon
from normalize.rules import Rule
from normalize.tokenize import Word
from normalize.types import Finding

_SPACES = re.compile(r"(?<=\S)(?: {2,}|[\u00a0\u202f]+)(?=\S)")
_WORDISH = re.compile(r"\S*[^\W\d_]\S*")  # runs that hold letters, accents included
_QUOTES = re.compile(r'"([^"\n]+)"')
_RUN = re.compile(r"\S+")


def _finding(rule: str, start: int, end: int, text: str, fixed: str, why: str) -> Finding:
    return Finding(start, end, text, fixed, (fixed,), 0.99, "word", "fix", f"rule {rule}: {why}", rule=rule)


def mojibake(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    from ftfy import fix_encoding  # imported here: most runs never need it
    from ftfy.badness import is_bad

    for m in _RUN.finditer(text):
        run = m.group()
        if run.isascii() or not is_bad(run):
            continue
        fixed = fix_encoding(run)
        if fixed != run:
            why = "text decoded with the wrong encoding (source: ftfy)"
            yield _finding("mojibake", m.start(), m.end(), run, fixed, why)


def nfc(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    if unicodedata.is_normalized("NFC", text):
        return
    for m in _WORDISH.finditer(text):
        fixed = unicodedata.normalize("NFC", m.group())
        if fixed != m.group():
            why = "not in Unicode normalization form C (source: Unicode UAX #15)"
            yield _finding("nfc", m.start(), m.end(), m.group(), fixed, why)


def spaces(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    for m in _SPACES.finditer(text):
        what = "doubled space" if m.group().startswith(" ") else "non-breaking space between words"
        yield _finding("spaces", m.start(), m.end(), m.group(), " ", f"{what} (source: house typography)")


def quotes(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    for m in _QUOTES.finditer(text):
        for pos, mark in ((m.start(), "\u201c"), (m.end() - 1, "\u201d")):
            why = "straight quote; typographic quotes (source: house typography)"
            yield _finding("quotes", pos, pos + 1, '"', mark, why)


RULES: dict[str, Rule] = {"mojibake": mojibake, "nfc": nfc, "spaces": spaces, "quotes": quotes}
