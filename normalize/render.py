"""Renderers: findings and fixes -> text, JSON or a unified diff (pure, never prints).

Findings carry half-open character offsets into the decoded text; line and
column (1-based, in characters) are computed here, at the edge. ``\\r\\n``,
``\\r`` and ``\\n`` each count as one line break.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from normalize.types import Entry, Finding, Report

_BREAK = re.compile(r"\r\n|\r|\n")
_NO_NEWLINE = "\\ No newline at end of file\n"


class LineIndex:
    """Offset -> (line, column) for one text; built once, queried per finding."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def count(k: int, word: str, plural: str | None = None) -> str:
    """``1 file``, ``2 files``, ``0 entries`` (``plural``: when it is not ``word`` + s)."""
    return f"{k} {word if k == 1 else plural or word + 's'}"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[offset]``."""
    return LineIndex(text).line_col(offset)


def _diff_lines(text: str) -> list[str]:
    # Split on "\n" only, as git and patch do: a "\r\n" line keeps its "\r".
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


_QUOTED = {c: "\\" + e for c, e in zip('\a\b\t\n\v\f\r"\\', 'abtnvfr"\\', strict=True)}  # git's C-style escapes


def _diff_name(side: str, path: str) -> str:
    """A diff header's name as git writes it, for git apply and patch: one with a quote, a
    backslash, a control character (a line break broke the header in two) or a byte that is not
    UTF-8 is quoted, C-style; one with a space ends in a tab (else patch reads it up to the space)."""
    name = f"{side}/{path.lstrip('/')}"
    if not any(c in '"\\' or _unprintable(c) for c in name):
        return name + ("\t" if " " in name else "")
    return '"' + "".join(_QUOTED.get(c) or _octal(c) for c in name) + '"'


def _octal(c: str) -> str:
    """A control character, or a byte of a name that is not UTF-8 (caf\\xe9.txt, read as a lone
    surrogate), as git writes it in a quoted name: its byte in octal; any other character as it is."""
    if "\udc80" <= c <= "\udcff":
        return f"\\{ord(c) - 0xDC00:03o}"
    return f"\\{ord(c):03o}" if _unprintable(c) else c


def _unprintable(c: str) -> bool:
    """A control character, or a byte of a name that is not UTF-8 (a lone surrogate): git quotes a name with one."""
    return c < " " or c == "\x7f" or "\udc80" <= c <= "\udcff"


def unified_diff(old: str, new: str, path: str) -> str:
    """A git-style unified diff of ``old`` -> ``new``; "" when they are equal."""
    if old == new:
        return ""
    import difflib  # imported for a diff only: a check prints none

    out: list[str] = []
    for line in difflib.unified_diff(_diff_lines(old), _diff_lines(new), _diff_name("a", path), _diff_name("b", path)):
        out.append(line)
        if not line.endswith("\n"):  # the last line of a side, without a newline
            out.append("\n" + _NO_NEWLINE)
    return "".join(out)


def unified_diff_bytes(old: bytes, new: bytes, path: str) -> bytes:
    """``unified_diff`` of a file's bytes, split at b"\\n" as git apply and patch split them: the
    diff of a UTF-16 file, which applies where one of its text, in UTF-8, did not (on a
    terminal its NUL bytes show as nothing); b"" when they are equal."""
    if old == new:
        return b""
    import difflib

    a, b = (_diff_name(side, path).encode("utf-8", "surrogateescape") for side in "ab")
    out: list[bytes] = []
    for line in difflib.diff_bytes(difflib.unified_diff, _byte_lines(old), _byte_lines(new), a, b):
        out.append(line)
        if not line.endswith(b"\n"):  # the last line of a side, without a newline
            out.append(b"\n" + _NO_NEWLINE.encode())
    return b"".join(out)


def _byte_lines(data: bytes) -> list[bytes]:
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


# Shown escaped on a terminal: control characters (C0, DEL, C1), bidirectional controls, and the
# bytes of a name that is not UTF-8 (read as lone surrogates).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def printable(s: str) -> str:
    """``s`` (a file name, a message that holds one) safe to show on a terminal, on one line: a
    control character (an escape sequence in a name recoloured, retitled or cleared the
    terminal; a line break made two lines of one), a bidirectional control (which showed a
    name backwards) or a byte of a name that is not UTF-8 is written as Python writes it in a
    string: \\x1b, \\n, \\u202e, \\xe9. Anything else, a backslash too, is left as it is."""
    return _UNSAFE.sub(_escaped, s) if _UNSAFE.search(s) else s


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    if c >= "\udc80":
        return f"\\x{ord(c) - 0xDC00:02x}"
    return c.encode("unicode_escape").decode("ascii")


def _one_line(s: str) -> str:
    return " ".join(s.split())


Paint = Callable[[str, str], str]  # (role, text) -> text, e.g. with terminal colours


def _plain(role: str, s: str) -> str:
    return s


def _format(path: str, index: LineIndex, f: Finding, paint: Paint = _plain) -> str:
    line, col = index.line_col(f.start)
    if f.replacement is not None:
        change = f"{paint('old', repr(f.text))} -> {paint('new', repr(f.replacement))}"
    else:
        shown = ", ".join(f.suggestions) or "(none)"
        change = f"{paint('old', repr(f.text))} suggestions: {paint('suggest', shown)}"
    reason = _one_line(f.reason)
    tail = f" {reason}" if reason else ""
    where = paint("where", f"{path}:{line}:{col}:")
    return f"{where} {f.kind}: {change} (confidence {f.confidence:.2f}){tail}"


SHOWN_SUGGESTIONS = 3


def _short(path: str, index: LineIndex, f: Finding, paint: Paint, warn: bool) -> str:
    line, col = index.line_col(f.start)
    where = paint("where", f"{path}:{line}:{col}:")
    if f.replacement is not None:
        change = f"{paint('old', repr(f.text))} -> {paint('new', repr(f.replacement))}"
    else:
        options = " or ".join(repr(s) for s in f.suggestions[:SHOWN_SUGGESTIONS])
        change = f"{paint('old', repr(f.text))} -> {paint('suggest', options or '?')}?"
    level = "warning: " if warn and f.replacement is None else ""
    return f"{where} {level}{f.kind} {change} ({f.confidence:.2f})"


def render_short(findings_by_path: Mapping[str, Report], paint: Paint = _plain, warn: bool = False) -> str:
    """One short line per finding: ``path:line:col: kind 'typed' -> 'fix' (confidence)``;
    a suggestion ends in "?" and lists up to three readings. ``warn`` marks suggestions
    "warning:" (when they do not fail the run). The reason is in ``render_text``."""
    lines: list[str] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            lines.append(_short(path, index, f, paint, warn) + "\n")
    return "".join(lines)


def render_text(findings_by_path: Mapping[str, Report], paint: Paint = _plain) -> str:
    """One line per finding, in path then offset order; "" when there are none.

    ``paint(role, text)`` may decorate the parts: roles are "where", "old",
    "new" and "suggest"; the default leaves them plain.
    """
    lines: list[str] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            lines.append(_format(path, index, f, paint) + "\n")
    return "".join(lines)


def _entry(e: Entry | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "description": e.description,
        "source": e.source,
    }


def _finding_dict(path: str, index: LineIndex, f: Finding) -> dict[str, Any]:
    line, col = index.line_col(f.start)
    return {
        "path": path,
        "line": line,
        "column": col,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "replacement": f.replacement,
        "suggestions": list(f.suggestions),
        "confidence": f.confidence,
        "kind": f.kind,
        "action": f.action,
        "reason": f.reason,
        "rule": f.rule,
        "entry": _entry(f.entry),
        "evidence": [{"feature": n, "value": v, "weight": w} for n, v, w in f.evidence],
    }


def finding_rows(path: str, report: Report) -> list[dict[str, Any]]:
    """The findings of one report as JSON objects (the rows of ``render_json``), in text order."""
    index = LineIndex(report.text)
    return [_finding_dict(path, index, f) for f in sorted(report.findings, key=lambda f: (f.start, f.end))]


def utf8(report: str) -> bytes:
    """A JSON report as UTF-8. A file name whose bytes are not UTF-8 comes from the OS with
    them as surrogate escapes, which UTF-8 cannot encode: they become U+FFFD (a SARIF
    ``uri`` keeps the bytes themselves, percent-encoded)."""
    return report.encode("utf-8", "surrogateescape").decode("utf-8", "replace").encode("utf-8")


def render_json(findings_by_path: Mapping[str, Report], errors: Sequence[str] = ()) -> str:
    """``{"findings": [...]}`` with one object per finding, and ``"errors": [...]`` (each a
    "PATH: reason" line, as stderr has it) when a file could not be read or written, as SARIF's
    invocation says them: a tool reading the JSON saw an empty list, as for a clean file. Ends
    with a newline."""
    rows: list[dict[str, Any]] = []
    for path, report in findings_by_path.items():
        rows.extend(finding_rows(path, report))
    value: dict[str, Any] = {"findings": rows}
    if errors:
        value["errors"] = list(errors)
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# -- CI formats ----------------------------------------------------------------------------


def _message(f: Finding) -> str:
    if f.replacement is not None:
        head = f"{f.text!r} -> {f.replacement!r}"
    else:
        head = f"{f.text!r}: did you mean {', '.join(f.suggestions) or '(no suggestion)'}?"
    reason = _one_line(f.reason)
    return f"{head} ({f.kind}, confidence {f.confidence:.2f}){': ' + reason if reason else ''}"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(findings_by_path: Mapping[str, Report]) -> str:
    """GitHub Actions workflow commands: ``::error`` for fixes, ``::warning`` for suggestions.

    ``col`` is the first character's column and ``endColumn`` the column just
    after the last one (both 1-based characters, like SARIF's region).
    """
    lines: list[str] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            line, col = index.line_col(f.start)
            end_line, end_col = index.line_col(f.end)
            level = "error" if f.action == "fix" else "warning"
            props = [f"file={_gh_property(path)}", f"line={line}", f"col={col}"]
            if end_line != line:
                props.append(f"endLine={end_line}")
            props.append(f"endColumn={end_col}")
            props.append(f"title={_gh_property(f'normalize {f.rule}/{f.kind}')}")
            lines.append(f"::{level} {','.join(props)}::{_gh_data(_message(f))}\n")
    return "".join(lines)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RULE_HELP = {
    "person": "A name of a person, most often an official, looks misspelled.",
    "place": "A place name looks misspelled.",
    "word": "An English word looks misspelled.",
}


def _uri(path: str) -> str:
    import os
    from pathlib import PurePath, PurePosixPath
    from urllib.parse import quote

    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri()
    # The name's own bytes, percent-encoded: a name that is not UTF-8 (caf\xe9.txt) is caf%E9.txt.
    return quote(os.fsencode(PurePosixPath(*p.parts).as_posix() if p.parts else path))


def _region(index: LineIndex, start: int, end: int) -> dict[str, int]:
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _sarif_result(f: Finding, rule_index: int, region: dict[str, int], uri: str) -> dict[str, Any]:
    """One SARIF result: the finding's location, message and properties, and its fix if it has one."""
    rule_id = f"{f.rule}/{f.kind}"
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": "error" if f.action == "fix" else "warning",
        "message": {"text": _message(f)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "properties": {
            "confidence": f.confidence,
            "suggestions": list(f.suggestions),
            **({"entry": _entry(f.entry)} if f.entry else {}),
        },
    }
    if f.replacement is not None:
        result["fixes"] = [
            {
                "description": {"text": f"Replace {f.text!r} with {f.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.replacement}}],
                    }
                ],
            }
        ]
    return result


def _invocation(problems: Sequence[str]) -> dict[str, Any]:
    notes = [{"level": "error", "message": {"text": p}} for p in problems]
    return {"executionSuccessful": not problems, **({"toolExecutionNotifications": notes} if notes else {})}


def render_sarif(findings_by_path: Mapping[str, Report], version: str, problems: Sequence[str] = ()) -> str:
    """A SARIF 2.1.0 log with one run; fix-level findings carry their fix.

    Columns count Unicode code points (``columnKind``), as every offset here does. The run's
    invocation says whether it succeeded; ``problems`` (input that could not be read or
    written) are its error notifications: a run with none of its files checked is no clean log.
    """
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for path, report in findings_by_path.items():
        index = LineIndex(report.text)
        uri = _uri(path)
        for f in sorted(report.findings, key=lambda f: (f.start, f.end)):
            rule_id = f"{f.rule}/{f.kind}"
            if rule_id not in rules:
                rules[rule_id] = {
                    "id": rule_id,
                    "name": f"{f.rule}-{f.kind}",
                    "shortDescription": {"text": _RULE_HELP.get(f.kind, f"{f.rule} ({f.kind})")},
                }
            results.append(_sarif_result(f, list(rules).index(rule_id), _region(index, f.start, f.end), uri))
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "normalize",
                        "version": version,
                        "rules": list(rules.values()),
                    }
                },
                "invocations": [_invocation(problems)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
