"""Renderers: line/column at the edge, text and JSON reports, git-style diffs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import fake_check
from hypothesis import given
from hypothesis import strategies as st

from normalize.render import line_col, render_json, render_text, unified_diff


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),  # CRLF is one break
        ("a\rb", 2, (2, 1)),  # so is a lone CR
        ("a\r\n\r\n\nb", 6, (4, 1)),
        ("éé\r\nßü Kmitry", 8, (2, 5)),  # columns count characters, not bytes
        ("abc\n", 4, (2, 1)),  # end of text after a final newline
    ],
)
def test_line_col(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_col(text, offset) == expected


def _naive_line_col(text: str, offset: int) -> tuple[int, int]:
    line, col, i = 1, 1, 0
    while i < offset:
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n" and i + 1 < offset:
            i += 2
            line, col = line + 1, 1
        elif text[i] in "\r\n":
            i += 1
            line, col = line + 1, 1
        else:
            i += 1
            col += 1
    return line, col


@given(st.text(alphabet="ab\r\né", max_size=30), st.data())
def test_line_col_matches_a_naive_count(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1 : offset + 1] == "\r\n":
        return  # inside a CRLF: no character starts there
    assert line_col(text, offset) == _naive_line_col(text, offset)


def test_diff_of_equal_texts_is_empty() -> None:
    assert unified_diff("same\n", "same\n", "x.txt") == ""


def test_diff_headers_and_hunk() -> None:
    d = unified_diff("one\nKmitry two\nthree\n", "one\nDmitry two\nthree\n", "doc.txt")
    assert d == ("--- a/doc.txt\n+++ b/doc.txt\n@@ -1,3 +1,3 @@\n one\n-Kmitry two\n+Dmitry two\n three\n")


def test_diff_keeps_crlf_and_marks_missing_final_newline() -> None:
    d = unified_diff("a\r\nKmitry", "a\r\nDmitry", "doc.txt")
    assert d.endswith(" a\r\n-Kmitry\n\\ No newline at end of file\n+Dmitry\n\\ No newline at end of file\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
@pytest.mark.parametrize(
    "old",
    ["x\r\nKmitry said\r\ny\r\n", "x\nKmitry said", "Kmitry\rsaid\r\nmixed\n", "é Kmitry\n"],
)
def test_git_apply_accepts_the_diff(tmp_path: Path, old: str) -> None:
    new = old.replace("Kmitry", "Dmitry")
    (tmp_path / "doc.txt").write_bytes(old.encode())
    (tmp_path / "fix.patch").write_bytes(unified_diff(old, new, "doc.txt").encode())
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    assert (tmp_path / "doc.txt").read_bytes() == new.encode()


def test_render_text_fix_and_suggest_lines() -> None:
    text = "In Mariupl,\r\nKremlin spokesman Kmitry Peskov said on Monday.\n"
    out = render_text({"news.txt": fake_check(text)})
    assert out == (
        "news.txt:1:4: place: 'Mariupl' suggestions: Mariupol (confidence 0.50) stand-in engine\n"
        "news.txt:2:19: person: 'Kmitry' -> 'Dmitry' (confidence 0.97) stand-in engine\n"
    )


def test_render_text_is_empty_without_findings() -> None:
    assert render_text({"a.txt": fake_check("Nothing wrong here.\n")}) == ""


def test_render_json_schema() -> None:
    text = "Ünïcödé\r\n«Мир» Kmitry Peskov; Mariupl\n"
    data = json.loads(render_json({"news.txt": fake_check(text)}))
    assert list(data) == ["findings"]
    fix, suggest = data["findings"]
    assert fix == {
        "path": "news.txt",
        "line": 2,
        "column": 7,
        "start": 15,
        "end": 21,
        "text": "Kmitry",
        "replacement": "Dmitry",
        "suggestions": ["Dmitry"],
        "confidence": 0.97,
        "kind": "person",
        "action": "fix",
        "reason": "stand-in engine",
        "rule": "spelling",
        "entry": {
            "id": "curated:dmitry-peskov",
            "name": "Dmitry Peskov",
            "kind": "person",
            "description": "Kremlin spokesman",
            "source": "curated: test",
        },
        "evidence": [],
    }
    assert text[fix["start"] : fix["end"]] == "Kmitry"
    assert (suggest["replacement"], suggest["action"], suggest["entry"]) == (None, "suggest", None)
    assert (suggest["line"], suggest["column"]) == (2, 22)


def test_render_json_without_findings() -> None:
    assert json.loads(render_json({})) == {"findings": []}


def test_diff_of_a_name_with_a_space_ends_it_with_a_tab() -> None:
    d = unified_diff("Kmitry\n", "Dmitry\n", "my story.txt")
    assert d.startswith("--- a/my story.txt\t\n+++ b/my story.txt\t\n@@")  # as git writes it, for patch


@pytest.mark.parametrize("tool", [["git", "apply"], ["patch", "-p1", "--quiet"]])
def test_diff_names_with_line_breaks_quotes_and_bytes_apply(tmp_path: Path, tool: list[str]) -> None:
    # A name with a line break broke the header in two ('patch fragment without header');
    # such names, and ones with quotes, backslashes, tabs or a byte that is not UTF-8, are
    # quoted as git quotes them.
    if shutil.which(tool[0]) is None:
        pytest.skip(f"{tool[0]} not installed")
    names = [b"a\nb.txt", b'q"x.txt', b"b\\s.txt", b"t\tab.txt", b"caf\xe9.txt", b"my story.txt"]
    patch = ""
    for raw in names:
        (tmp_path / os.fsdecode(raw)).write_bytes(b"Kmitry said.\n")
        patch += unified_diff("Kmitry said.\n", "Dmitry said.\n", os.fsdecode(raw))
    assert patch.count('--- "a/') == 5
    (tmp_path / "fix.patch").write_bytes(patch.encode("utf-8", "surrogateescape"))
    done = subprocess.run([*tool], stdin=(tmp_path / "fix.patch").open("rb"), cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / os.fsdecode(raw)).read_bytes() == b"Dmitry said.\n" for raw in names)
