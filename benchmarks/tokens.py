"""The one tokenization every tool in the harness works on.

It mirrors ``normalize/tokenize.py`` (kept as a copy so the harness runs, and
the peers can be measured, without the engine): a word is a run of letters with
inner apostrophes; words in URLs, e-mail addresses, paths, hashtags, dotted
identifiers or glued to digits are not prose and are never checked. A
possessive suffix is split off: tools check the ``core`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
NOT_PROSE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<!\w)[#@][\w-]+"
    r"|\S*[/\\_]\S*",
    re.IGNORECASE,
)
POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str  # the whole token ("Russia's")
    start: int
    end: int
    core_end: int  # end of the core ("Russia"): start..core_end
    skip: bool  # not prose
    index: int

    @property
    def core(self) -> str:
        return self.text[: self.core_end - self.start]


def tokens(text: str) -> list[Tok]:
    mask = bytearray(len(text))
    for m in NOT_PROSE.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    out: list[Tok] = []
    for i, m in enumerate(WORD.finditer(text)):
        word, start, end = m.group(), m.start(), m.end()
        core_end = end
        for suffix in POSSESSIVE:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                core_end = end - len(suffix)
                break
        skip = any(mask[start:end]) or _glued(text, start, end)
        out.append(Tok(word, start, end, core_end, skip, i))
    return out


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    return before == "." and start >= 2 and text[start - 2].isalnum()


def recase(word: str, like: str) -> str:
    """``word`` in the letter case of ``like`` (for tools that answer in lowercase)."""
    if not word or word == like:
        return word
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word
