"""str -> words with offsets (pure).

A word is a run of letters with inner apostrophes ("Russia's", "O'Brien").
Hyphens separate words, so "Kassym-Jomart" is two words and a fix to one
part keeps the hyphen. Words inside URLs, e-mail addresses, file paths,
hashtags, dotted identifiers ("kremlin.ru", "U.S.") or glued to digits
("COVID19") are marked ``skip``: they are not prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalize.types import Token

WORD = re.compile(r"[^\W\d_]+(?:['’‘ʼʻ][^\W\d_]+)*", re.UNICODE)
NOT_PROSE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?<!\w)[#@][\w-]+"  # hashtags, handles
    r"|\S*[/\\_]\S*",  # paths, snake_case, a/b
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"[.!?:…•]|\n\s*[-*>|#]|\n\s*\n")
POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class Word:
    """A token plus what the steps after tokenizing need to know about it."""

    token: Token
    core: str  # the word without a possessive suffix
    skip: bool  # not prose: never checked
    sentence_start: bool
    pause_after: bool = False  # punctuation follows right after it (, ; : . ! ? ))


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), i) for i, m in enumerate(WORD.finditer(text))]


PAUSES = frozenset(",;:.!?)")


def words(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Word]:
    """Words of ``text``; those inside ``skip`` spans or not prose are marked ``skip``."""
    blocked = _not_prose_mask(text)
    for start, end in skip:
        blocked[start:end] = b"\x01" * (min(end, len(text)) - start)
    out: list[Word] = []
    prev_end = 0
    for tok in tokenize(text):
        core = tok.text
        for suffix in POSSESSIVE:
            if core.endswith(suffix) and len(core) > len(suffix) + 1:
                core = core[: -len(suffix)]
                break
        not_prose = any(blocked[tok.start : tok.end]) or _glued(text, tok)
        start = not out or bool(SENTENCE_BREAK.search(text[prev_end : tok.start]))
        out.append(Word(tok, core, not_prose, start, text[tok.end : tok.end + 1] in PAUSES))
        prev_end = tok.end
    return out


def _glued(text: str, tok: Token) -> bool:
    """True when the word touches digits or sits inside a dotted identifier."""
    before = text[tok.start - 1] if tok.start else ""
    after = text[tok.end] if tok.end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
        return True
    if before == "." and tok.start >= 2 and text[tok.start - 2].isalnum():
        return True
    return False


def _not_prose_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in NOT_PROSE.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask
