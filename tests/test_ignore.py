"""Inline ignore markers: ignore, ignore-next-line, off/on blocks, [sic]."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from normalize.cli import cli
from normalize.ignore import ignore_spans

fake = pytest.mark.usefixtures("fake_engine")


def skipped(text: str) -> list[str]:
    return [text[s:e] for s, e in ignore_spans(text)]


def test_ignore_skips_its_own_line_only() -> None:
    text = "Kmitry said so. # normalize: ignore\nKmitry again.\n"
    assert skipped(text) == ["Kmitry said so. # normalize: ignore"]


def test_ignore_next_line() -> None:
    text = "<!-- normalize: ignore-next-line -->\r\nKmitry is a quote.\r\nKmitry is not.\r\n"
    assert skipped(text) == ["<!-- normalize: ignore-next-line -->", "Kmitry is a quote."]


def test_off_on_block_in_any_comment_syntax() -> None:
    text = "a\n<!-- normalize: off -->\nKmitry\n# Normalize: ON\nb Kmitry\n.. normalize: off\nMariupl"
    assert skipped(text) == [
        "<!-- normalize: off -->\nKmitry\n# Normalize: ON",
        ".. normalize: off\nMariupl",  # never turned back on: to the end
    ]


def test_sic_skips_the_word_before_it() -> None:
    text = "He wrote “Kmitry [sic]” and Mariupl (sic!) but Kmitry elsewhere."
    assert skipped(text) == ["Kmitry [sic]", "Mariupl (sic!)"]


@pytest.mark.parametrize("text", ["normalize: ignored", "normalize:ignore-next", "denormalize off", "sic transit"])
def test_near_misses_are_not_markers(text: str) -> None:
    assert ignore_spans(text) == []


@fake
def test_cli_honours_markers(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "story.md"
    p.write_text(
        "Kmitry one.\n"
        "Kmitry two. <!-- normalize: ignore -->\n"
        "<!-- normalize: off -->\nKmitry three.\n<!-- normalize: on -->\n"
        "He signed it Kmitry [sic].\n"
        "Kmitry four.\n"
    )
    r = runner.invoke(cli, ["fix", str(p)], catch_exceptions=False)
    assert r.exit_code == 0  # every fix written
    assert p.read_text() == (
        "Dmitry one.\n"
        "Kmitry two. <!-- normalize: ignore -->\n"
        "<!-- normalize: off -->\nKmitry three.\n<!-- normalize: on -->\n"
        "He signed it Kmitry [sic].\n"
        "Dmitry four.\n"
    )
    assert "2 findings, 2 fixed" in r.stderr
