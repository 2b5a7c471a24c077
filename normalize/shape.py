"""Which lines of a document read as prose: a step of the document pipeline, after the check.

A line of a config file, a shell script or a listing (``tmpfs /tmp tmpfs defaults,noatime 0 0``,
``passwd = /etc/passwd``, ``sudo fsck -y /dev/sda1``) holds words that no English text uses
(fsck, passwd, noatime), and the engine reads them as slips of English ones (fuck, passed).
Such a line is not prose-shaped: it has chunks of code (a path, ``key=value``, a flag, an
identifier with ``_`` or ``$``, an INI ``[section]``, a YAML key) and either they are a third of its
chunks or it has no closed-class word at all (``context.CLOSED_READINGS``: the, of, on, if,
you...); a line that ends as a sentence does (``.``, ``!``, ``?``) and has closed-class words
is prose whatever its code. A block (lines between blank lines) or a whole document most of
whose lines are not prose-shaped is read as not prose throughout: the comments of a config
file (``# run fsck on boot``) are its lines too. Lines the markup step skips (a Markdown code
block) are not counted, and skipped text is not measured.

On a line that is not prose a fix is made a suggestion (``suggested_only``): a typo in a
config file is still reported, never written. Measured: no line of news is unshaped, of the
1,336 dev documents of the three corpora (20,964 lines) nor of the 1 MB and 10 MB samples
(``normalize check`` gives them the same findings as before); the config files, fstab and
shell script of tests/test_shape.py are unshaped throughout. Reading the lines costs some 0.1 s
of 10 MB (only the blocks that hold a fix are read line by line).
Pure: text in, spans and findings out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from normalize.context import CLOSED_READINGS
from normalize.types import Finding, Report, merged_spans

Span = tuple[int, int]

CODE_SHARE = 1 / 3  # a line whose chunks are this much code is not prose, closed-class words or not
# A chunk of code: key=value or a lone "=", an identifier with _ \ { } < > | ^ ` (no prose word
# has them), a variable ($HOME, ${x}: not $255M), a path with a letter in it (/etc, ~/.ssh,
# ./run, a/b/c: not 7/14/2021), a command-line flag (-y, --force: not -Mexico); and a YAML key
# that opens a line (restart: always), _KEY.
_CODE = re.compile(r"[=_\\{}<>|^`]|\$[A-Za-z{(]|^(?:~|\.\.?)?/.*[A-Za-z]|[A-Za-z].*/.*/|/.*/.*[A-Za-z]|^--?[a-z]")
# A character of code in a line (most lines of prose have none, and are read no further; one
# character class: a scan of 10 MB takes 0.05 s, where the alternatives of _CODE took 0.5 s)
_ANY_CODE = re.compile(r"[=_\\{}<>|^`$/]")
_FLAG = re.compile(r" --?[a-z]")  # (a literal start: sre finds " -" fast)
_KEY = re.compile(r"(?:-\s+)?[a-z_][\w.-]*:(?:\s|$)")  # a line that opens with a YAML key (restart: always)
_START = re.compile(r"[ \t]*(?:\[|--?[a-z]|(?:-\s+)?[a-z_][\w.-]*:(?:\s|$))")  # a line that opens with code
_URL = re.compile(r"^\W*(?:https?://|www\.)", re.I)  # a link is neither prose nor code: not counted
_RULE = re.compile(r"^(?:[|+:-]+|[=~^*#_`.-]{3,})$")  # a table's border, an underline: not counted either
_EMPHASIS = "*_~"  # Markdown's, around a word (_Kyiv_): not an identifier's
_SECTION = re.compile(r"^\s*\[\[?[\w.:-]+\]\]?\s*$")  # an INI or TOML table: [server], [tool.normalize]
_PUNCT = "\"'()“”‘’«»,;:.!?*#"
_NOT_BREAK = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # (str.splitlines' breaks are kept)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


@dataclass(frozen=True, slots=True)
class LineShape:
    """What a line's shape is read from: its whitespace-separated chunks (links not counted),
    those that are code, the closed-class words among them (prose punctuation stripped), and
    whether it ends as a sentence does."""

    chunks: int
    code: int
    closed: int
    sentence_end: bool

    @property
    def prose(self) -> bool:
        if self.code == 0:
            return True
        if self.sentence_end and self.closed:
            return True
        return self.code < CODE_SHARE * self.chunks and self.closed > 0


SAMPLE = 64  # chunks a line's shape is read from: a config line has fewer, a paragraph's first 64 tell


def line_shape(line: str) -> LineShape:
    """The measures of one line (without its line break), from its first ``SAMPLE`` chunks."""
    if _SECTION.match(line):
        return LineShape(1, 1, 0, False)
    chunks = [c for c in line.split(maxsplit=SAMPLE)[:SAMPLE] if not (_URL.match(c) or _RULE.match(c))]
    code = sum(1 for c in chunks if _CODE.search(c.strip(_EMPHASIS))) + bool(_KEY.match(line))
    closed = sum(1 for c in chunks if c.strip(_PUNCT).lower() in CLOSED_READINGS)
    return LineShape(len(chunks), code, closed, bool(_SENTENCE_END.search(line)))


def unshaped(text: str, skip: Sequence[Span] = (), at: Sequence[int] | None = None) -> list[Span]:
    """The spans of ``text`` that are not prose: each line that is not prose-shaped, and every
    line of a block, or of the whole text, most of whose measured lines are not. ``skip``
    (markup, ignored text) is left out of the measure; a line wholly inside it is not counted.
    With ``at`` (the offsets of fixes), only the blocks that hold one are read line by line."""
    lines = _Lines(text, _merged(skip, len(text)))
    if not lines.spans:
        return []
    if lines.mostly_unshaped(range(len(lines.spans))):
        return [(0, len(text))]
    blocks = lines.blocks()
    if at is not None:
        first = [block[0] for block in blocks]
        blocks = [blocks[b] for b in sorted({bisect_right(first, lines.index(a)) - 1 for a in at} - {-1})]
    out: list[Span] = []
    for block in blocks:
        if lines.mostly_unshaped(block):
            out.append((lines.spans[block[0]][0], lines.spans[block[-1]][1]))
        else:
            out += [lines.spans[i] for i in block if i in lines.unsure and not lines.prose(i)]
    return out


def _merged(skip: Sequence[Span], size: int) -> list[Span]:
    """The positions ``skip`` covers (within ``size``), as sorted spans that do not overlap."""
    return merged_spans((max(s, 0), min(e, size)) for s, e in skip)


def _masked(text: str, skip: Sequence[Span]) -> str:
    """``text`` with what ``skip`` covers made spaces, its line breaks kept (same offsets)."""
    if not skip:
        return text
    parts, at = [], 0
    for s, e in skip:
        s = max(s, at)
        if e <= s:
            continue
        parts.append(text[at:s])
        parts.append(_NOT_BREAK.sub(" ", text[s:e]))
        at = e
    parts.append(text[at:])
    return "".join(parts)


class _Lines:
    """A text's lines that have something left to measure once skipped text is masked: their
    spans, their blocks (a blank line of the text, not one that only skipped text filled, ends
    one), and those with a character of code (``unsure``: the others are prose, unread).

    The masked text is not made whole (a second copy of a long text): masking keeps every line
    break, so the lines are the text's, and only the lines that ``skip`` (merged) touches are
    masked, each on its own."""

    def __init__(self, text: str, skip: list[Span]) -> None:
        self.text, self.skip = text, skip
        self.skip_starts = [s for s, _ in skip]
        self.spans: list[Span] = []
        self.block: list[int] = []
        self.touched: list[Span] = []  # the lines (blank ones too) that skipped text touches
        block = start = 0
        for raw in text.splitlines(keepends=True):
            end = start + len(raw)
            line = raw
            if self._touches(start, end):
                self.touched.append((start, end))
                line = self.masked(start, end)
            if not line.isspace():
                self.spans.append((start, end))
                self.block.append(block)
            elif raw.isspace():
                block += 1
            start = end
        self.starts = [s for s, _ in self.spans]
        self.unsure = self._unsure()
        self._prose: dict[int, bool] = {}

    def _touches(self, start: int, end: int) -> bool:
        """Whether skipped text lies in ``start``..``end``."""
        k = bisect_right(self.skip_starts, end - 1) - 1
        return k >= 0 and self.skip[k][1] > start

    def masked(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` with what ``skip`` covers made spaces."""
        if not self._touches(start, end):
            return self.text[start:end]
        skip = [(max(s, start) - start, min(e, end) - start) for s, e in self.skip if s < end and e > start]
        return _masked(self.text[start:end], skip)

    def _unsure(self) -> set[int]:
        """The lines with a character of code: found by scans of the whole text (a line at a time
        took 0.1 s of 10 MB of news), a line's start matched where it starts. A match lies in one
        line: in the lines skipped text touches, the masked line is scanned instead."""
        text, starts = self.text, self.starts
        touched = [s for s, _ in self.touched]

        def clear(at: int) -> bool:
            k = bisect_right(touched, at) - 1
            return k < 0 or at >= self.touched[k][1]

        found = {m.start() for m in _ANY_CODE.finditer(text)} | {m.start() + 1 for m in _FLAG.finditer(text)}
        found = {at for at in found if clear(at)}
        for start, end in self.touched:
            line = self.masked(start, end)
            found |= {start + m.start() for m in _ANY_CODE.finditer(line)}
            found |= {start + m.start() + 1 for m in _FLAG.finditer(line)}
        lines = {bisect_right(starts, at) - 1 for at in found}
        return lines | {i for i, at in enumerate(starts) if self._starts_with_code(i, at)}

    def _starts_with_code(self, i: int, at: int) -> bool:
        """Whether line ``i`` opens with code: a match reads at most to the end of the next line
        (past blank ones), so where skipped text lies there that stretch is masked and read."""
        end = self.spans[i + 1][1] if i + 1 < len(self.spans) else len(self.text)
        if not self._touches(at, end):
            return bool(_START.match(self.text, at))
        return bool(_START.match(self.masked(at, end)))

    def index(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def prose(self, i: int) -> bool:
        if i not in self._prose:
            start, end = self.spans[i]
            self._prose[i] = line_shape(self.masked(start, end).strip()).prose
        return self._prose[i]

    def mostly_unshaped(self, lines: Sequence[int]) -> bool:
        """Whether most of ``lines`` are not prose-shaped (only the unsure ones are read)."""
        unsure = [i for i in lines if i in self.unsure]
        return 2 * len(unsure) > len(lines) and 2 * sum(not self.prose(i) for i in unsure) > len(lines)

    def blocks(self) -> list[list[int]]:
        out: list[list[int]] = []
        for i, block in enumerate(self.block):
            if out and self.block[out[-1][-1]] == block:
                out[-1].append(i)
            else:
                out.append([i])
        return out


def suggested_only(report: Report, spans: Sequence[Span]) -> Report:
    """``report`` with each fix that starts in ``spans`` (``unshaped``'s: sorted, not overlapping)
    made a suggestion of its replacement."""
    if not spans or not report.fixes:
        return report
    starts = [s for s, _ in spans]
    findings = tuple(_suggested(f) if _within(f.start, spans, starts) else f for f in report.findings)
    return Report(report.text, findings)


def _within(at: int, spans: Sequence[Span], starts: list[int]) -> bool:
    """Whether ``at`` lies in one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and at < spans[i][1]


def _suggested(f: Finding) -> Finding:
    if f.action != "fix" or f.replacement is None:
        return f
    suggestions = (f.replacement, *(s for s in f.suggestions if s != f.replacement))
    reason = f"{f.reason}; suggested only: the line is not prose (code, paths, key=value)"
    return replace(f, action="suggest", replacement=None, suggestions=suggestions, reason=reason.lstrip("; "))
