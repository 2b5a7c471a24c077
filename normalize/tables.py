"""A fix in a Markdown pipe table keeps the table's columns where the cell's padding allows (pure).

An aligned table (each row's pipes at the columns of the delimiter row's, as editors and
formatters lay one out) lost its alignment when a fix changed a word's length: Kmitry ->
Dmitry keeps it, Oleskii -> Oleksii too, but Kiev -> Kyiv does, Mariupl -> Mariupol
shifts every pipe after the word by one. The table stays valid either way (GFM needs no
alignment); what a careful writer expects is the cell re-padded so the rest of the row stays
where it was:

* a shorter word gives the cell as many spaces more, a longer one takes them from the
  cell's padding, keeping one space between the text and the pipe; the padding is the one
  before the closing pipe, or after the opening one in a right-aligned column (``---:``);
* only where that pipe stands at the column of the delimiter row's: a table written
  without alignment (``| a | b |``) is not padded into a half-aligned one;
* a cell without room (one space of padding) is left as the fix made it: the row is a
  little longer, the table still valid. Other rows are never rewritten, so a diff shows
  the fixed lines alone.

``edits(text, replacements)`` gives the fixes' replacements and these padding edits,
``splice`` applies them. The findings are unchanged: the padding is not theirs, it is how a Markdown
file takes them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable

from normalize import markup

Edit = tuple[int, int, str]  # replace text[start:end] with the string

_PIPE = re.compile(r"(?<!\\)\|")  # a cell's border (an escaped pipe, \|, is text; GFM splits code spans too)


def width(s: str) -> int:
    """Columns ``s`` takes in a fixed-width font: wide East Asian characters two, combining marks none."""
    if s.isascii():
        return len(s)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def edits(text: str, replacements: Iterable[Edit]) -> list[Edit]:
    """The replacements, sorted, and the padding edits that keep an aligned table's columns."""
    out = sorted(replacements)
    starts = [0] + [m.end() for m in markup.LINE_BREAK.finditer(text)]
    rows: dict[int, list[Edit]] = {}  # line -> its fixes, for the lines that hold a pipe
    for e in out:
        rows.setdefault(bisect_right(starts, e[0]) - 1, []).append(e)
    rows = {r: row for r, row in rows.items() if "|" in text[starts[r] : _line_end(text, starts, r)]}
    if not rows:
        return out
    padding: list[Edit] = []
    for first, end in markup.table_lines(text):
        for r in (first, *range(first + 2, end)):  # the header row and the body (first + 1: the delimiter row)
            if r in rows:  # (a client's edit of the padding itself, the review page's: the cell keeps it)
                padding += [p for p in _row_padding(text, starts, r, first + 1, rows[r]) if _apart(p, rows[r])]
    return sorted(out + padding)


def _apart(pad: Edit, fixes: list[Edit]) -> bool:
    """The padding edit ``pad`` touches none of ``fixes`` (an insertion may stand at an edit's end)."""
    return all(pad[1] <= s or e <= pad[0] for s, e, _ in fixes)


def splice(text: str, changes: list[Edit]) -> str:
    """``text`` with the sorted, non-overlapping ``changes`` made."""
    out = ""
    pos = 0
    for start, end, new in changes:
        if start < pos:
            raise ValueError(f"overlapping edits at offset {start}")
        out += text[pos:start]
        out += new
        pos = end
    return out + text[pos:]


def _line_end(text: str, starts: list[int], row: int) -> int:
    end = starts[row + 1] if row + 1 < len(starts) else len(text)
    return len(text[starts[row] : end].rstrip("\r\n")) + starts[row]


def _row_padding(text: str, starts: list[int], row: int, delim: int, fixes: list[Edit]) -> list[Edit]:
    """The padding edits of one row's cells that hold fixes (offsets into ``text``)."""
    line_start, delim_start = starts[row], starts[delim]
    line = text[line_start : _line_end(text, starts, row)]
    rule = text[delim_start : _line_end(text, starts, delim)]
    pipes = [m.start() for m in _PIPE.finditer(line)]
    rule_pipes = [m.start() for m in _PIPE.finditer(rule)]
    out: list[Edit] = []
    for k in range(len(pipes)):  # cell k ends at pipes[k]; it begins after pipes[k - 1], or at the line's start
        lo = pipes[k - 1] + 1 if k else 0
        inside = [(s - line_start, e - line_start, new) for s, e, new in fixes if lo <= s - line_start < pipes[k]]
        if not inside:
            continue
        if any(e > pipes[k] for _, e, _ in inside) or k >= len(rule_pipes):
            continue  # a fix across a border; a row with more cells than the delimiter row
        if width(line[: pipes[k]]) != width(rule[: rule_pipes[k]]):
            continue  # not aligned here: nothing to keep
        grow = sum(width(new) - width(line[s:e]) for s, e, new in inside)
        right = k > 0 and rule[rule_pipes[k - 1] + 1 : rule_pipes[k]].strip().endswith(":")
        right = right and not rule[rule_pipes[k - 1] + 1 : rule_pipes[k]].strip().startswith(":")
        edit = _pad(line, lo, pipes[k], grow, leading=right)
        if edit is not None:
            out.append((edit[0] + line_start, edit[1] + line_start, edit[2]))
    return out


def _pad(line: str, lo: int, hi: int, grow: int, leading: bool) -> Edit | None:
    """The edit of cell ``line[lo:hi]``'s padding that takes up ``grow`` columns (gives them
    back when negative); None when its padding cannot (it keeps one space)."""
    cell = line[lo:hi]
    if leading:
        run = len(cell) - len(cell.lstrip(" "))
        at = lo  # spaces are added or taken just after the opening pipe
    else:
        run = len(cell) - len(cell.rstrip(" "))
        at = hi - max(grow, 0)  # just before the closing pipe
    if grow == 0 or not cell.strip():
        return None
    if grow < 0:
        return (at, at, " " * -grow)
    if run - grow < 1:
        return None
    return (at, at + grow, "")
