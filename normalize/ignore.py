"""Inline ignore markers -> skip spans (pure).

Markers may sit in any comment syntax (``<!-- normalize: off -->``,
``# normalize: ignore``, ``.. normalize: ignore-next-line``) or in plain text:

* ``normalize: ignore`` skips the line it is on;
* ``normalize: ignore-next-line`` skips its own line and the next one;
* ``normalize: off`` ... ``normalize: on`` skips both marker lines and all
  between them (to the end of the text when ``on`` never comes);
* ``[sic]`` or ``(sic)`` (also ``[sic!]``) right after a word skips that word
  and the marker.

Spans are half-open ``str`` offsets; a skipped line ends before its line break.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_MARK = re.compile(r"\bnormalize:[ \t]*(ignore-next-line|ignore|off|on)(?![\w-])", re.I)
# The colon that ends "normalize:" in any letter case (the letters _MARK's re.I matches there:
# ASCII, and İ and ı for i): a text without one has no mark. (The colon first, the letters a
# look-behind after it: a pattern is scanned for its first character.)
_MARK_COLON = re.compile(":(?<=[nN][oO][rR][mM][aA][lL][iIİı][zZ][eE]:)")
_SIC = re.compile(r"\[sic!?\]|\(sic!?\)", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_APOSTROPHES = "'’"


def _lines(text: str) -> list[Span]:
    """(start, end) of each line without its break."""
    out: list[Span] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        body = m.group().rstrip("\r\n")
        out.append((m.start(), m.start() + len(body)))
    return out


def ignore_spans(text: str) -> list[Span]:
    # (most texts have no mark: one scan for its colon tells, not one per line)
    spans = _marked(text) if _MARK_COLON.search(text) is not None else []
    for m in _SIC.finditer(text):
        word_start = _word_before(text, m.start())
        if word_start is not None:
            spans.append((word_start, m.end()))
    return sorted(spans)


def _marked(text: str) -> list[Span]:
    """The lines the ``normalize:`` marks ask to ignore."""
    spans: list[Span] = []
    off_from: int | None = None
    skip_next = False
    for start, end in _lines(text):
        marks = [m.group(1).lower() for m in _MARK.finditer(text, start, end)]
        if skip_next:
            spans.append((start, end))
            skip_next = False
        if off_from is not None:
            if "on" in marks:
                spans.append((off_from, end))
                off_from = None
            continue
        if "off" in marks:
            off_from = start
        elif "ignore" in marks:
            spans.append((start, end))
        elif "ignore-next-line" in marks:
            spans.append((start, end))
            skip_next = True
    if off_from is not None:
        spans.append((off_from, len(text)))
    return spans


def _word_before(text: str, end: int) -> int | None:
    """Start of the word (letters, inner apostrophes) that ends before ``end`` and its blanks.

    A scan backwards from the marker: linear, where a pattern tried at every
    letter of a long run would be quadratic.
    """
    i = end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or not _LETTER.match(text, i - 1):
        return None
    while i > 0:
        if _LETTER.match(text, i - 1):
            i -= 1
        elif text[i - 1] in _APOSTROPHES and i >= 2 and _LETTER.match(text, i - 2):
            i -= 1
        else:
            break
    return i
