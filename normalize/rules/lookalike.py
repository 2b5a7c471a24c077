"""Look-alike letters: Cyrillic or Greek letters inside Latin words ("Defenсe"), and the reverse.

The pairs come from Unicode's confusables data (dictionaries/confusables.tsv,
built by scripts/build_confusables.py), never from a hand-typed table. The
script a word should be in is decided by its neighbours: in English prose a
mixed word becomes all Latin, in a Cyrillic sentence all Cyrillic. A word made
only of Cyrillic look-alikes in English prose is fixed when it is a code glued
to digits ("Т-34" with a Cyrillic Т) or its Latin form is a known word. Greek
letters standing alone ("α-particles", "ν") are symbols, never findings. A mixed
word with a letter that has no look-alike partner (the Greek μ of "μm") is left.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from operator import attrgetter

from normalize.lexicon import Lexicon, dictionaries_dir
from normalize.tokenize import LONGEST_WORD, Word, not_prose_mask
from normalize.types import Entry, Finding

RULE = "lookalike"
CONTEXT = 6  # words on each side that decide which script a mixed word belongs to
NATIVE = ("CYRILLIC", "GREEK")
BASIC = {"CYRILLIC": (0x0400, 0x045F), "GREEK": (0x0370, 0x03FF)}  # letters of the living alphabets


class Table:
    """Look-alike -> Latin letter, and Latin letter -> look-alike per script."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.to_latin = {r["char"]: r["latin"] for r in rows}
        self.names = {r["char"]: r["name"] for r in rows}
        self.source = rows[0]["source"] if rows else "Unicode confusables"
        self.to_native: dict[tuple[str, str], str] = {}
        for r in sorted(rows, key=lambda r: ord(r["char"])):  # ties: the lowest code point (ο, not σ)
            ch, scr = r["char"], script(r["char"])
            low, high = BASIC.get(scr, (0, -1))
            if low <= ord(ch) <= high and unicodedata.category(ch) in ("Lu", "Ll"):
                self.to_native.setdefault((r["latin"], scr), ch)


@lru_cache(maxsize=1)
def table() -> Table:
    with open(dictionaries_dir() / "confusables.tsv", encoding="utf-8", newline="") as fh:
        return Table(list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)))


@lru_cache(maxsize=4096)
def script(ch: str) -> str:
    return unicodedata.name(ch, "?").split()[0] if ch.isalpha() else ""


def word_script(text: str) -> str:
    """LATIN, CYRILLIC, GREEK, MIXED or OTHER."""
    found = {script(c) for c in text if c.isalpha()}
    if len(found) == 1:
        return found.pop()
    return "MIXED" if found <= {"LATIN", *NATIVE} else "OTHER"


# A letter outside ASCII: only a word with one can be in another script than Latin, or mixed.
_OTHER_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_START = attrgetter("token.start")


def lookalike(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    if text.isascii():
        return  # no letter of another script: most texts, looked at in one pass of C
    # (only the words with a letter outside ASCII, found in one pass of C: most hold none, and
    # the curly quotes of published copy are no letters)
    first = _START
    at = sorted({bisect_right(words, m.start(), key=first) - 1 for m in _OTHER_LETTER.finditer(text)} - {-1})
    if not at:
        return
    tab = table()
    prose: list[bytearray] = []  # where the text is a URL, e-mail, path or handle: made when first needed
    known: dict[str, str] = {}  # the script of each distinct word, worked out once

    def script_at(j: int) -> str:
        t = words[j].token.text
        found = known.get(t)
        if found is None:
            # A run of letters longer than any word is no word (tokenize.LONGEST_WORD): not looked at.
            found = known[t] = word_script(t) if len(t) <= LONGEST_WORD else "OTHER"
        return found

    for i in at:
        w = words[i]
        tok = w.token
        if tok.text.isascii():
            continue  # Latin letters only: most words
        kind = script_at(i)
        if kind not in ("MIXED", "CYRILLIC"):
            continue  # nothing to change, so the neighbours are counted only when needed
        if w.skip and (_not_prose(text, prose, tok.start, tok.end) or not _glued_to_digit(text, tok.start, tok.end)):
            continue
        near = [script_at(j) for j in range(max(0, i - CONTEXT), min(len(words), i + 1 + CONTEXT)) if j != i]
        target = _context(near)
        fixed: str | None = None
        if kind == "MIXED":
            fixed = _to_latin(tok.text, tab) if target != "CYRILLIC" else _to_native(tok.text, "CYRILLIC", tab)
            if fixed is None and target == "GREEK":
                fixed = _to_native(tok.text, "GREEK", tab)
        elif kind == "CYRILLIC" and target == "LATIN":
            latin = _to_latin(tok.text, tab)
            if latin and (_glued_to_digit(text, tok.start, tok.end) or (len(latin) > 1 and lexicon.knows(latin))):
                fixed = latin
        if fixed and fixed != tok.text:
            yield _finding(tok.text, tok.start, tok.end, fixed, tab)


def _context(near: list[str]) -> str:
    """The script most of the neighbouring words (``near``) are written in (LATIN on a tie or none)."""
    counts = {s: near.count(s) for s in ("LATIN", *NATIVE)}
    best = max(counts, key=lambda s: (counts[s], s == "LATIN"))
    return best if counts[best] else "LATIN"


def _to_latin(word: str, tab: Table) -> str | None:
    out = []
    for c in word:
        if script(c) in NATIVE:
            if c not in tab.to_latin:
                return None
            c = tab.to_latin[c]
        out.append(c)
    return "".join(out)


def _to_native(word: str, target: str, tab: Table) -> str | None:
    out = []
    for c in word:
        s = script(c)
        if s == "LATIN":
            native = tab.to_native.get((c, target))
            if native is None:
                return None
            c = native
        elif s and s != target:
            return None
        out.append(c)
    return "".join(out)


def _finding(typed: str, start: int, end: int, fixed: str, tab: Table) -> Finding:
    changed = [(a, b) for a, b in zip(typed, fixed, strict=False) if a != b]
    letters = ", ".join(f"{a} U+{ord(a):04X} {_name(a, tab)} -> {b}" for a, b in changed)
    first = changed[0][0]
    entry = Entry(
        id=f"unicode:U+{ord(first):04X}",
        name=fixed,
        kind="lookalike",
        description=f"{_name(first, tab)} looks like {changed[0][1]}",
        source=tab.source,
    )
    return Finding(
        start=start,
        end=end,
        text=typed,
        replacement=fixed,
        suggestions=(fixed,),
        confidence=0.99,
        kind="lookalike",
        action="fix",
        reason=f"rule lookalike: letters of another script that look alike ({letters}); source: {tab.source}",
        rule=RULE,
        entry=entry,
    )


def _name(ch: str, tab: Table) -> str:
    return tab.names.get(ch) or unicodedata.name(ch, "?") or "?"


def _glued_to_digit(text: str, start: int, end: int) -> bool:
    """A code such as "Т-34", "Т-90М" or "М-11": digits right beside, or across one hyphen."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (
        (before[-1:].isdigit() or after[:1].isdigit())
        or (after[:1] in "-‑" and after[1:2].isdigit() and after != "")
        or (before[-1:] in "-‑" and before[:1].isdigit() and before != "")
    )


def _not_prose(text: str, mask: list[bytearray], start: int, end: int) -> bool:
    """True when the span is part of a URL, e-mail, path or handle (never rewritten: homographs
    there are not typos). ``mask`` holds the text's mask once a word has asked for it."""
    if not mask:
        mask.append(not_prose_mask(text))
    return mask[0].find(1, start, end) >= 0
