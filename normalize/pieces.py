"""Where a long text is cut to be checked a piece at a time (pure).

A piece is a run of whole paragraphs of about ``size`` characters (its *body*), read
together with whole paragraphs on either side (its *margins*) that hold at least
``margin`` words each, or reach the text's ends. Cuts lie right after a line break
that a blank line follows: nothing about a word looks across a blank line when the
text is tokenized (``tokenize._words_in``), no finding spans one, and every step that
reads a word's neighbours reads fewer than ``margin`` of them on either side
(``MARGIN_WORDS``). So the findings in a piece's body, read with its margins, are
those of the whole text there, given what the steps count over the whole text
(engine.py gathers that first). A text without blank lines is one piece.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from normalize.tokenize import WORD

# A blank line: a cut is right after its first line break (\r\n line ends too).
BLANK = re.compile(r"\n[ \t\r]*\n")
# More words than any step reads beside the word it decides: decide's window (8 before,
# 5 after), look-alike letters (6), the longest listed name (14 words), a house-style phrase;
# and whether a neighbour is skipped in a run of unlisted words reads 20 more (tokenize.UNLISTED_REACH).
MARGIN_WORDS = 64
# Characters of a block that tally.py counts: a fix reads its block again (some 700 words), and
# each block keeps its distinct words (about 12 bytes each, some 10 MB for 10 MB of text).
BLOCK = 4_000

Span = tuple[int, int]


class Piece(NamedTuple):
    """``text[start:end]`` is the body; ``text[before:after]`` is read (body and margins)."""

    before: int
    start: int
    end: int
    after: int


def pieces(text: str, size: int, margin: int = MARGIN_WORDS) -> list[Piece]:
    """The pieces of ``text``, bodies in order and together the whole text."""
    at = cuts(text, size)
    return [
        Piece(_margin_before(text, a, margin), a, b, _margin_after(text, b, margin))
        for a, b in zip(at, at[1:], strict=False)
    ]


def cuts(text: str, size: int) -> list[int]:
    """0, the cuts between runs of whole paragraphs of about ``size`` characters, and the text's end."""
    at = [0]
    while (found := BLANK.search(text, at[-1] + size)) is not None:
        at.append(found.start() + 1)
    at.append(len(text))
    if len(at) > 2 and at[-1] - at[-2] < size // 2:
        del at[-2]  # a short last run joins the one before
    return at


def _margin_before(text: str, start: int, margin: int) -> int:
    """The latest cut before ``start`` with at least ``margin`` words between (else 0)."""
    if start == 0:
        return 0
    reach = 4 * margin
    while True:
        lo = max(0, start - reach)
        cuts = [m.start() + 1 for m in BLANK.finditer(text, lo, start)]
        for cut in reversed(cuts):
            if cut < start and _words(text, cut, start, margin) >= margin:
                return cut
        if lo == 0:
            return 0
        reach *= 4


def _margin_after(text: str, end: int, margin: int) -> int:
    """The earliest cut after ``end`` with at least ``margin`` words between (else the text's end)."""
    n = len(text)
    if end == n:
        return n
    pos = end
    while (found := BLANK.search(text, pos)) is not None:
        cut = found.start() + 1
        if cut > end and _words(text, end, cut, margin) >= margin:
            return cut
        pos = found.end() - 1  # the blank line's last line break may start the next one
    return n


def _words(text: str, start: int, end: int, enough: int) -> int:
    """Words in ``text[start:end]``, counted up to ``enough``."""
    count = 0
    for _ in WORD.finditer(text, start, end):
        count += 1
        if count >= enough:
            break
    return count


def clipped(spans: Sequence[Span], starts: Sequence[int], longest: int, a: int, b: int) -> list[Span]:
    """The ``spans`` (sorted by start; ``starts`` their starts, ``longest`` the longest) that
    reach into ``[a, b)``, cut to it and in its offsets."""
    out = []
    for k in range(bisect_left(starts, a - longest), bisect_left(starts, b)):
        start, end = spans[k]
        if end > a:
            out.append((max(start, a) - a, min(end, b) - a))
    return out


# A later settle pass (engine.py) reads again stretches of text that need not be whole
# paragraphs: they are cut right after a space, and read with margins of ``MARGIN_WORDS``
# words, so that a word cut off at a margin's edge, or read there as starting a sentence, is
# farther from the body than any step reads.
LOOSE_MARGIN = MARGIN_WORDS
_FAR = 4_000  # characters: a run of non-spaces this long has no cut in it worth looking for


def loose(text: str, start: int, end: int, margin: int = LOOSE_MARGIN) -> Piece:
    """The piece whose body is ``text[start:end]`` (cut right after spaces, or at the text's
    ends), read with at least ``margin`` words on either side, also cut right after spaces."""
    return Piece(words_before(text, start, margin), start, end, words_after(text, end, margin))


def tightened(text: str, piece: Piece, margin: int = LOOSE_MARGIN) -> Piece:
    """``piece`` with margins of ``margin`` words cut right after spaces (``loose``'s), where its
    whole paragraphs reach farther: for words read from blocks that kept them (tally.unpack),
    so that the margins need hold only the words the steps read beside the body's, not
    those that tokenizing reads."""
    before = words_before(text, piece.start, margin) if piece.before < piece.start else piece.before
    after = words_after(text, piece.end, margin) if piece.after > piece.end else piece.after
    return Piece(max(piece.before, before), piece.start, piece.end, min(piece.after, after))


def words_before(text: str, pos: int, count: int) -> int:
    """The latest cut at or before ``pos`` (right after a space, or 0) with ``count`` words between."""
    span = 16 * count + 64
    while True:
        lo = max(0, pos - span)
        found = [m.start() for m in WORD.finditer(text, lo, pos)]
        if len(found) > count:
            return space_before(text, found[-count - 1])
        if lo == 0:
            return 0
        span *= 4


def words_after(text: str, pos: int, count: int) -> int:
    """The earliest cut at or after ``pos`` (right after a space, or the text's end) with ``count`` words between."""
    seen = 0
    for m in WORD.finditer(text, pos):
        seen += 1
        if seen > count and (cut := space_before(text, m.start())) > pos:
            return cut
    return len(text)


def space_before(text: str, pos: int) -> int:
    """The cut at or before ``pos``: right after the last space before it (0: none near)."""
    k = pos - 1
    stop = max(-1, pos - _FAR)
    while k > stop and not text[k].isspace():
        k -= 1
    return k + 1 if k > stop else 0


def space_after(text: str, pos: int) -> int:
    """The cut at or after ``pos``: right after the first space from it (the text's end: none near)."""
    found = _SPACE.search(text, pos, pos + _FAR)
    return found.end() if found is not None else len(text)


_SPACE = re.compile(r"\s")
