"""Exit codes, --fail-on, the short finding line and one path form (issue 15, items 1-3, 6)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from normalize.cli import cli

SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."
FIXED = SENTENCE.replace("Kmitry", "Dmitry")
fake = pytest.mark.usefixtures("fake_engine")  # Kmitry: a fix; Mariupl: a suggestion


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args), catch_exceptions=False)


def _story(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


@fake
@pytest.mark.parametrize(
    ("command", "text", "code"),
    [
        (["fix"], SENTENCE, 0),  # every finding fixed and written: nothing left
        (["fix"], f"{SENTENCE} In Mariupl.", 1),  # a suggestion left to review
        (["fix"], "All good.", 0),
        (["fix", "--diff"], SENTENCE, 1),  # nothing written: the fix is left
        (["check"], SENTENCE, 1),
        (["check"], "All good.", 0),
        (["fix", "--fail-on", "fix"], SENTENCE, 1),  # the hook: it changed a file
        (["fix", "--fail-on", "fix"], "In Mariupl.", 0),  # a suggestion alone is a warning
        (["check", "--fail-on", "fix"], "In Mariupl.", 0),
        (["check", "--fail-on", "fix"], SENTENCE, 1),
        (["check", "--fail-on", "never"], f"{SENTENCE} In Mariupl.", 0),
        (["fix", "--fail-on", "suggest"], "In Mariupl.", 1),
    ],
)
def test_exit_codes(runner: CliRunner, tmp_path: Path, command: list[str], text: str, code: int) -> None:
    p = _story(tmp_path, text)
    r = run(runner, *command, str(p))
    assert r.exit_code == code, r.stdout + r.stderr


@fake
def test_fail_on_from_the_config_and_the_command_line_wins(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".normalize.toml").write_text('fail-on = "fix"\n')
    p = _story(tmp_path, "In Mariupl.")
    assert run(runner, "check", str(p)).exit_code == 0
    assert run(runner, "check", "--fail-on", "suggest", str(p)).exit_code == 1
    (tmp_path / ".normalize.toml").write_text('fail-on = "sometimes"\n')
    r = run(runner, "check", str(p))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"normalize: error: {tmp_path / '.normalize.toml'}: fail-on: expected one of 'suggest', 'fix', 'never'"
    ]


@fake
def test_suggestions_are_warnings_when_they_do_not_fail(runner: CliRunner, tmp_path: Path) -> None:
    p = _story(tmp_path, f"{SENTENCE} In Mariupl.")
    r = run(runner, "fix", "--show-diff", "--fail-on", "fix", str(p))
    assert f"{p}:1:52: warning: place 'Mariupl' -> 'Mariupol'? (0.50)" in r.stdout.splitlines()
    assert f"{p}:1:19: person 'Kmitry' -> 'Dmitry' (0.97)" in r.stdout.splitlines()
    assert r.exit_code == 1  # it changed the file
    again = run(runner, "fix", "--show-diff", "--fail-on", "fix", str(p))
    assert again.exit_code == 0 and "warning: place 'Mariupl'" in again.stdout


def test_help_documents_the_exit_codes(runner: CliRunner) -> None:
    for args in ([], ["check"], ["fix"]):
        out = run(runner, *args, "--help").stdout
        assert "Exit" in out and "0" in out and "1" in out and "2" in out
    assert "--fail-on [suggest|fix|never]" in run(runner, "fix", "--help").stdout
    # what test_exit_codes checks: with --fail-on fix, fix exits 1 when it wrote a fix
    said = " ".join(run(runner, "fix", "--help").stdout.split())
    assert "with --fail-on fix: when a fix was written (a hook fails when it changed a file) or is left" in said
    assert "1 when findings remain (with --fail-on fix: fixes; with never: not)" in " ".join(
        run(runner, "check", "--help").stdout.split()
    )


@fake
def test_findings_go_to_stdout_in_every_mode(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["check"], ["fix"], ["fix", "--diff"], ["fix", "--show-diff"]):
        p = _story(tmp_path, f"{SENTENCE} In Mariupl.")
        r = run(runner, *command, str(p))
        assert "'Mariupl' -> 'Mariupol'?" in r.stdout, command
        assert "Mariupl" not in r.stderr, command


@fake
def test_short_line_and_verbose_reason(runner: CliRunner, tmp_path: Path) -> None:
    p = _story(tmp_path, f"{SENTENCE} In Mariupl.")
    short = run(runner, "check", str(p)).stdout.splitlines()
    assert short == [
        f"{p}:1:19: person 'Kmitry' -> 'Dmitry' (0.97)",
        f"{p}:1:52: place 'Mariupl' -> 'Mariupol'? (0.50)",
    ]
    verbose = run(runner, "check", "--verbose", str(p)).stdout
    assert verbose.count("stand-in engine") == 2  # the reason
    rows = json.loads(run(runner, "check", "--format", "json", str(p)).stdout)["findings"]
    assert [row["reason"] for row in rows] == ["stand-in engine"] * 2


@fake
def test_the_summary_is_the_same_for_one_file_and_many(runner: CliRunner, tmp_path: Path) -> None:
    one = _story(tmp_path, SENTENCE, "one.txt")
    _story(tmp_path, "All good.", "two.txt")
    assert run(runner, "check", str(one)).stderr == (
        "normalize: 1 file checked, 1 finding, 1 fixable, 0 left to review\n"
    )
    assert run(runner, "check", str(tmp_path)).stderr == (
        "normalize: 2 files checked, 1 finding, 1 fixable, 0 left to review\n"
    )


@fake
def test_one_relative_path_form(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 6: github and SARIF name './my story.md' alike (SARIF URI-encodes it)."""
    monkeypatch.chdir(tmp_path)
    _story(tmp_path, SENTENCE, "my story.md")
    github = run(runner, "check", "--format", "github", "./my story.md").stdout
    assert "file=my story.md," in github
    sarif = json.loads(run(runner, "check", "--format", "sarif", "./my story.md").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "my%20story.md"
    text = run(runner, "check", f"{tmp_path}/./my story.md").stdout
    assert text.startswith("my story.md:1:19: ")
    rows = json.loads(run(runner, "check", "--format", "json", "./my story.md").stdout)["findings"]
    assert rows[0]["path"] == "my story.md"


def test_a_new_config_gets_the_umask_mode(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 6: gazetteer import writes .normalize.toml and its copy with the umask's mode."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    source = tmp_path / "people.csv"
    source.write_text("name,description\nMarta Quillfeather,mayor\n")
    old = os.umask(0o027)
    try:
        r = run(runner, "gazetteer", "import", str(source))
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.stderr
    assert stat.S_IMODE((tmp_path / ".normalize.toml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / ".normalize" / "gazetteer.tsv").stat().st_mode) == 0o640
