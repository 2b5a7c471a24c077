"""The command line through click's CliRunner, plus one real subprocess run.

Most tests use the stand-in engine (``fake_engine``) so they state exactly what
the front end does; the tests at the end run the real engine.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import FakeNormalizer

import normalize
from normalize.cli import cli
from normalize.errors import DictionaryError

SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."
FIXED = SENTENCE.replace("Kmitry", "Dmitry")
SHARED = Path(__file__).resolve().parents[2] / "shared"

fake = pytest.mark.usefixtures("fake_engine")


def run(runner: CliRunner, *args: str, input: bytes | None = None) -> Result:
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# -- check ------------------------------------------------------------------


@fake
def test_check_clean_file_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "clean.txt"
    p.write_text("Nothing to see here.\n")
    r = run(runner, "check", str(p))
    assert (r.exit_code, r.stdout) == (0, "")
    assert stderr_lines(r) == ["normalize: 1 file checked, 0 findings, 0 fixable, 0 left to review"]


@fake
def test_check_reports_findings_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_text(f"Headline\n\n{SENTENCE} In Mariupl.\n")
    r = run(runner, "check", str(p))
    assert r.exit_code == 1
    assert r.stdout == (
        f"{p}:3:19: person 'Kmitry' -> 'Dmitry' (0.97)\n{p}:3:52: place 'Mariupl' -> 'Mariupol'? (0.50)\n"
    )
    # the same summary line for one file as for many
    assert stderr_lines(r) == ["normalize: 1 file checked, 2 findings, 1 fixable, 1 left to review"]
    verbose = run(runner, "check", "--verbose", str(p))
    assert verbose.stdout == (
        f"{p}:3:19: person: 'Kmitry' -> 'Dmitry' (confidence 0.97) stand-in engine\n"
        f"{p}:3:52: place: 'Mariupl' suggestions: Mariupol (confidence 0.50) stand-in engine\n"
    )
    assert p.read_text() == f"Headline\n\n{SENTENCE} In Mariupl.\n"


@fake
def test_check_json_counts_lines_and_columns_in_characters(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_bytes("Ünïcödé «Мир»\r\nsecond\r\nÀ Kmitry Peskov\r\n".encode())
    r = run(runner, "check", "--format", "json", str(p))
    assert r.exit_code == 1
    (f,) = json.loads(r.stdout)["findings"]
    assert (f["path"], f["line"], f["column"], f["start"], f["end"]) == (str(p), 3, 3, 25, 31)
    assert set(f) == {
        "path", "line", "column", "start", "end", "text", "replacement", "suggestions",
        "confidence", "kind", "action", "reason", "rule", "entry", "evidence",
    }  # fmt: skip
    assert set(f["entry"]) == {"id", "name", "kind", "description", "source"}
    assert all(set(term) == {"feature", "value", "weight"} for term in f["evidence"])


@fake
def test_check_stdin(runner: CliRunner) -> None:
    r = run(runner, "check", "-", input=SENTENCE.encode())
    assert r.exit_code == 1
    assert r.stdout.startswith("<stdin>:1:19: person 'Kmitry' -> 'Dmitry'")


@fake
def test_check_directory_skips_binary_and_hidden(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00Kmitry")
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00Kmitry")  # prose by name only
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "COMMIT_EDITMSG").write_text(SENTENCE)
    r = run(runner, "check", str(tmp_path))
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0].startswith(f"{tmp_path / 'a.txt'}:1:19:")
    assert len(r.stdout.splitlines()) == 1
    # logo.png is no prose file: left out without a word; scan.txt is read and skipped, without
    # a word too, as typos and codespell skip binary files (a line for each was noise).
    assert stderr_lines(r) == ["normalize: 1 file checked, 1 finding, 1 fixable, 0 left to review"]
    (tmp_path / "a.txt").unlink()
    r = run(runner, "check", str(tmp_path))
    only_binary = f"normalize: error: {tmp_path}: no text files found, only 1 binary file"
    assert (r.exit_code, stderr_lines(r)) == (2, [only_binary])


# -- bad input: one line on stderr, exit 2, nothing touched --------------------


def _bad(tmp_path: Path, case: str) -> tuple[Path, str]:
    """Make a bad input; return its path and the reason the CLI must give."""
    p = tmp_path / case
    if case == "missing":
        return p, "no such file or directory"
    if case == "empty-dir":
        p.mkdir()
        (p / ".hidden").write_text(SENTENCE)
        return p, "no prose files found (.txt, .md, .rst, .html...; --include GLOB checks others)"
    if case == "binary":
        p.write_bytes(b"Kmitry\x00\x01\x02")
        return p, "binary file, skipped"
    if case == "latin-1":
        p.write_bytes(f"Café: {SENTENCE}".encode("latin-1"))
        return p, "not valid UTF-8 (byte 0xe9 at offset 3); convert the file to UTF-8"
    raise AssertionError(case)


@fake
@pytest.mark.parametrize("command", [["check"], ["fix"], ["fix", "--diff"]])
@pytest.mark.parametrize("case", ["missing", "empty-dir", "binary", "latin-1"])
def test_bad_input(runner: CliRunner, tmp_path: Path, command: list[str], case: str) -> None:
    p, reason = _bad(tmp_path, case)
    before = {q: q.read_bytes() for q in tmp_path.rglob("*") if q.is_file()}
    r = run(runner, *command, str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {p}: {reason}"]
    assert r.stdout == ""
    assert {q: q.read_bytes() for q in tmp_path.rglob("*") if q.is_file()} == before


@fake
def test_bad_input_does_not_stop_the_other_files(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE)
    r = run(runner, "fix", str(tmp_path / "missing.txt"), str(good))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {tmp_path / 'missing.txt'}: no such file or directory"]
    assert good.read_text() == FIXED


@fake
@pytest.mark.parametrize("command", [["check"], ["fix"]])
def test_a_bad_file_in_a_folder_does_not_stop_the_folder(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    # Files are taken in sorted order: the Latin-1 file comes first, the good ones after it.
    (tmp_path / "a-latin1.txt").write_bytes(f"Caf\u00e9. {SENTENCE}".encode("latin-1"))
    (tmp_path / "b.txt").write_text(SENTENCE)
    (tmp_path / "c.md").write_text(SENTENCE)
    r = run(runner, *command, str(tmp_path))
    assert r.exit_code == 2
    reason = "not valid UTF-8 (byte 0xe9 at offset 3); convert the file to UTF-8"
    assert stderr_lines(r) == [f"normalize: error: {tmp_path / 'a-latin1.txt'}: {reason}"]
    if command == ["fix"]:
        assert (tmp_path / "b.txt").read_text() == FIXED and (tmp_path / "c.md").read_text() == FIXED
    else:
        assert [line.split(":")[0] for line in r.stdout.splitlines()] == [
            str(tmp_path / "b.txt"),
            str(tmp_path / "c.md"),
        ]


@fake
def test_a_folder_that_cannot_be_listed_is_an_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop listing: fake the refusal (without git).
    locked = tmp_path / "a-locked"
    locked.mkdir()
    (locked / "x.txt").write_text(SENTENCE)
    (tmp_path / "b.txt").write_text(SENTENCE)
    scandir = os.scandir

    def refuse(path: str) -> object:
        if os.path.basename(path) == "a-locked":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr("normalize.discover._git_listing", lambda root, unreadable=None: None)
    monkeypatch.setattr(os, "scandir", refuse)
    r = run(runner, "check", str(tmp_path))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {locked}: permission denied, not checked"]
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [str(tmp_path / "b.txt")]
    r = run(runner, "check", str(locked))  # the folder itself: one line, no "no prose files found"
    assert (r.exit_code, stderr_lines(r)) == (2, [f"normalize: error: {locked}: permission denied, not checked"])


@fake
def test_unreadable_path_is_one_line_not_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # click's own readability test answered with its usage block; the read itself reports it.
    p = tmp_path / "secret.txt"
    p.write_text(SENTENCE)
    access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if str(path) == str(p) else access(path, mode, **kw)
    )

    def refuse(path: str, mode: str = "r") -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("normalize.files.open", refuse, raising=False)
    r = run(runner, "check", str(p))
    assert (r.exit_code, stderr_lines(r)) == (2, [f"normalize: error: {p}: permission denied"])


@fake
@pytest.mark.parametrize("command", [["check"], ["fix"]])
def test_empty_file_is_fine(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    mtime = p.stat().st_mtime_ns
    r = run(runner, *command, str(p))
    assert r.exit_code == 0 and r.stdout == ""
    assert p.read_bytes() == b"" and p.stat().st_mtime_ns == mtime


@fake
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read mode 000 files")
def test_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(SENTENCE)
    p.chmod(0)
    r = run(runner, "check", str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {p}: permission denied"]


@fake
def test_unreadable_file_faked(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root in CI, where chmod 000 does not stop reading: fake the refusal.
    p = tmp_path / "secret.txt"
    p.write_text(SENTENCE)

    def refuse(path: str, mode: str = "r") -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("normalize.files.open", refuse, raising=False)
    r = run(runner, "check", str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {p}: permission denied"]


@fake
def test_read_only_file_on_fix(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "ro.txt"
    p.write_text(SENTENCE)
    p.chmod(0o444)
    r = run(runner, "fix", str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {p}: read-only file, not modified"]
    assert p.read_text() == SENTENCE
    assert sorted(os.listdir(tmp_path)) == ["ro.txt"]


@fake
def test_engine_crash_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str) -> None:
        raise ValueError("overlapping findings at offset 3")

    monkeypatch.setattr(normalize.engine, "default", lambda: FakeNormalizer(boom))  # type: ignore[arg-type]
    p = tmp_path / "a.txt"
    p.write_text(SENTENCE)
    r = run(runner, "fix", str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [f"normalize: error: {p}: internal error: ValueError: overlapping findings at offset 3"]
    assert p.read_text() == SENTENCE


def test_dictionary_error_is_reported_once(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(text: str) -> None:
        raise DictionaryError("shipped dictionaries not found: reinstall normalize")

    monkeypatch.setattr(normalize.engine, "default", lambda: FakeNormalizer(missing))  # type: ignore[arg-type]
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(SENTENCE)
    r = run(runner, "check", str(tmp_path))
    assert r.exit_code == 2
    assert stderr_lines(r) == ["normalize: error: shipped dictionaries not found: reinstall normalize"]


# -- usage errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["fix", "--diff", "--format", "json", "x.txt"],
        ["fix", "--format", "json", "-"],
        ["check", "-", "-"],
        ["check", "--format", "xml", "x.txt"],
        ["frobnicate", "x.txt"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    r = run(runner, *args, input=b"")
    assert r.exit_code == 2
    assert "Error:" in r.stderr and "Traceback" not in r.stderr


def test_version(runner: CliRunner) -> None:
    r = run(runner, "--version")
    assert r.exit_code == 0
    assert r.stdout.startswith("normalize, version ")


# -- fix ----------------------------------------------------------------------


@fake
def test_fix_writes_and_summarizes(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_text(f"{SENTENCE} In Mariupl.\n")
    r = run(runner, "fix", str(p))
    assert r.exit_code == 1  # a suggestion is left for a human
    assert p.read_text() == f"{FIXED} In Mariupl.\n"
    assert "'Mariupl' -> 'Mariupol'?" in r.stdout
    assert stderr_lines(r) == ["normalize: 1 file checked, 2 findings, 1 fixed, 1 left to review"]


@fake
def test_fix_clean_file_exits_0_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "clean.txt"
    p.write_text("All good.\n")
    p.chmod(0o444)  # a clean read-only file is no error: nothing to write
    r = run(runner, "fix", str(p))
    assert r.exit_code == 0 and r.stdout == ""
    assert stderr_lines(r) == ["normalize: 1 file checked, 0 findings, 0 fixed, 0 left to review"]


@fake
@pytest.mark.parametrize(
    "before",
    [
        b"\xef\xbb\xbf" + f"Title\r\n{SENTENCE}\r\n".encode(),  # UTF-8 with BOM, CRLF
        b"\xff\xfe" + f"Title\r\n{SENTENCE}\r\n".encode("utf-16-le"),
        b"\xfe\xff" + f"Title\n{SENTENCE}".encode("utf-16-be"),
        f"a\r\nb\rc\n{SENTENCE}\r\rend".encode(),  # mixed line endings, no final newline
        f"«Мир» — {SENTENCE}\n\n\n".encode(),
    ],
)
def test_fix_changes_only_the_fixed_span(runner: CliRunner, tmp_path: Path, before: bytes) -> None:
    p = tmp_path / "news.txt"
    p.write_bytes(before)
    r = run(runner, "fix", str(p))
    assert r.exit_code == 0, r.stderr  # every finding was a fix, and it was written
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        if "Kmitry".encode(enc) in before:
            assert p.read_bytes() == before.replace("Kmitry".encode(enc), "Dmitry".encode(enc))
            break
    else:
        raise AssertionError("test input lacks the misspelling")


@fake
def test_fix_keeps_mode_and_symlink(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text(SENTENCE)
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    r = run(runner, "fix", str(link))
    assert r.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text() == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "target.txt"]


@fake
def test_fix_diff_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_text(f"Title\n{SENTENCE}\n")
    mtime = p.stat().st_mtime_ns
    r = run(runner, "fix", "--diff", str(p))
    assert r.exit_code == 1
    assert r.stdout == (
        f"--- a/{str(p).lstrip('/')}\n+++ b/{str(p).lstrip('/')}\n@@ -1,2 +1,2 @@\n"
        f" Title\n-{SENTENCE}\n+{FIXED}\n"
        f"{p}:2:19: person 'Kmitry' -> 'Dmitry' (0.97)\n"  # findings on stdout in every mode
    )
    assert p.read_text() == f"Title\n{SENTENCE}\n" and p.stat().st_mtime_ns == mtime
    assert stderr_lines(r)[-1] == "normalize: 1 file checked, 1 finding, 1 would be fixed, 0 left to review"


@fake
def test_fix_stdin_writes_corrected_bytes_to_stdout(runner: CliRunner) -> None:
    data = b"\xff\xfe" + f"{SENTENCE}\r\nIn Mariupl.".encode("utf-16-le")
    r = run(runner, "fix", "-", input=data)
    assert r.exit_code == 1  # the suggestion is left
    assert r.stdout_bytes == data.replace("Kmitry".encode("utf-16-le"), "Dmitry".encode("utf-16-le"))
    assert "<stdin>:2:4: place 'Mariupl' -> 'Mariupol'?" in r.stderr  # stdout is the text


@fake
def test_fix_show_diff_on_stdin_prints_the_diff_to_stderr(runner: CliRunner) -> None:
    # stdout carries the corrected text; the diff asked for was dropped without a word.
    r = run(runner, "fix", "--show-diff", "--color", "never", "-", input=f"{SENTENCE}\n".encode())
    assert r.stdout == f"{FIXED}\n"
    assert f"-{SENTENCE}\n+{FIXED}\n" in r.stderr and r.stderr.startswith("--- a/<stdin>\n+++ b/<stdin>\n")


@fake
def test_fix_stdin_clean_text_is_echoed(runner: CliRunner) -> None:
    r = run(runner, "fix", "-", input=b"All good.\n")
    assert (r.exit_code, r.stdout_bytes) == (0, b"All good.\n")


# -- the real engine -------------------------------------------------------------

PARAGRAPH = (
    "Kremlin spokesman Kmitry Peskov said on Monday that talks would resume.\r\n"
    "The minister spoke in Kyiv and later went to Lviv.\r\n"
)


def test_real_engine_fixes_the_sentence(runner: CliRunner) -> None:
    r = run(runner, "fix", "-", input=SENTENCE.encode())
    assert (r.exit_code, r.stdout) == (0, FIXED), r.stderr


def test_fixing_twice_equals_fixing_once(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "news.txt"
    p.write_bytes(PARAGRAPH.encode())
    first = run(runner, "fix", str(p))
    assert first.exit_code == 0, first.stderr
    once = p.read_bytes()
    assert once == PARAGRAPH.replace("Kmitry", "Dmitry").encode()
    again = run(runner, "fix", "--diff", str(p))
    assert (again.exit_code, again.stdout) == (0, ""), again.stderr
    run(runner, "fix", str(p))
    assert p.read_bytes() == once


def test_seed_article_gets_exactly_three_fixes(runner: CliRunner, tmp_path: Path) -> None:
    seed = SHARED / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"../shared not present: {seed}")
    r = run(runner, "check", "--format", "json", str(seed))
    assert r.exit_code == 1, r.stderr
    fixes = [f for f in json.loads(r.stdout)["findings"] if f["action"] == "fix"]
    assert sorted((f["text"], f["replacement"]) for f in fixes) == [
        ("Kmitry", "Dmitry"),
        ("Oleskii", "Oleksii"),
        ("Russa", "Russia"),
    ]
    # `fix` writes exactly those three replacements and nothing else.
    expected = seed.read_bytes().decode("utf-8")
    for f in sorted(fixes, key=lambda f: f["start"], reverse=True):
        expected = expected[: f["start"]] + f["replacement"] + expected[f["end"] :]
    copy = tmp_path / "article.txt"
    copy.write_bytes(seed.read_bytes())
    run(runner, "fix", str(copy))
    assert copy.read_bytes() == expected.encode("utf-8")


def test_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("normalize")
    if not exe.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    p = tmp_path / "news.txt"
    p.write_text(SENTENCE + "\n")
    done = subprocess.run(
        [str(exe), "fix", "--diff", str(p)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1, done.stderr
    assert f"-{SENTENCE}\n+{FIXED}\n" in done.stdout
    assert p.read_text() == SENTENCE + "\n"


def test_readme_try_it_command_fixes_the_example_and_exits_0(tmp_path: Path) -> None:
    """The README's first set-up command, from `.venv/bin/normalize` on, run as a user pastes it:
    it must print the corrected example and exit 0 (issue 15, item 1: under `set -e` a 1 reads as failure)."""
    exe = Path(sys.executable).with_name("normalize")
    if not exe.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    root = Path(__file__).resolve().parents[1]
    block = (root / "README.md").read_text(encoding="utf-8").split("```sh\n", 1)[1].split("```", 1)[0]
    command = block.strip().split(" && ")[-1]
    assert command.startswith(".venv/bin/normalize "), command
    done = subprocess.run(
        command.replace(".venv/bin/normalize", str(exe), 1),
        shell=True,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    example = (root / "examples" / "article.txt").read_text(encoding="utf-8")
    assert "Kmitry" in example and "Kmitry" not in done.stdout and "Dmitry Peskov" in done.stdout
    assert "0 left to review" in done.stderr


@fake
def test_a_file_named_twice_is_checked_and_fixed_once(runner: CliRunner, tmp_path: Path) -> None:
    # `fix a.txt a.txt`, a symlink beside its target, or a folder and a file in it: the second
    # pass found the file changed by the first ("changed while being checked", exit 2).
    story = tmp_path / "docs" / "story.txt"
    story.parent.mkdir()
    story.write_text(SENTENCE)
    (tmp_path / "link.txt").symlink_to(story)
    r = run(runner, "fix", str(story), str(story), str(tmp_path / "link.txt"), str(story.parent))
    assert (r.exit_code, stderr_lines(r)) == (0, ["normalize: 1 file checked, 1 finding, 1 fixed, 0 left to review"])
    assert story.read_text() == FIXED and (tmp_path / "link.txt").is_symlink()
    story.write_text(SENTENCE)
    r = run(runner, "check", str(story.parent), str(story))
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [str(story)]


def test_ctrl_c_exits_130_quietly_and_writes_nothing(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT) stops a run as the shell's 130 and with nothing on stderr: click turned it
    into 'Aborted!' and exit 1 (here, at --interactive's prompt, a 'quit' that went on)."""
    import signal

    p = tmp_path / "news.txt"
    p.write_text(SENTENCE + "\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "normalize", "fix", "--interactive", str(p)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
        # As from a terminal: a suite run in the background (`pytest &`, nohup) ignores SIGINT,
        # an ignored signal stays ignored in a new process, and normalize rightly leaves it so.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    shown = b""
    while b"quit [q]" not in shown:  # the prompt: the run is waiting for an answer
        chunk = os.read(proc.stdout.fileno(), 4096)
        assert chunk, proc.communicate()
        shown += chunk
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    # Ended by SIGINT itself, once unwound: a shell says 130 and stops a loop around it.
    assert (proc.returncode, err) == (-signal.SIGINT, b"")
    assert p.read_text() == SENTENCE + "\n"
    assert os.listdir(tmp_path) == ["news.txt"]


@fake
@pytest.mark.parametrize("tool", [["git", "apply"], ["patch", "-p1", "--quiet"]])
def test_the_diff_applies_to_a_file_with_a_bom_and_a_name_with_a_space(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: list[str]
) -> None:
    # The diff left out the UTF-8 byte order mark, so its first hunk did not apply, and patch
    # read 'my story.txt' as 'my' (git ends such a name with a tab).
    import shutil

    if shutil.which(tool[0]) is None:
        pytest.skip(f"{tool[0]} not installed")
    files = {"bom.txt": b"\xef\xbb\xbf" + SENTENCE.encode() + b"\r\n", "my story.txt": f"x\n\n{SENTENCE}\n".encode()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    r = run(runner, "fix", "--diff", *files)
    assert r.exit_code == 1
    # The folder gives the same diff: its files were './bom.txt', which git apply refuses.
    assert run(runner, "fix", "--diff", ".").stdout_bytes == r.stdout_bytes
    (tmp_path / "fix.patch").write_bytes(r.stdout_bytes)  # (.stdout turns \r\n into \n)
    done = subprocess.run([*tool], stdin=(tmp_path / "fix.patch").open("rb"), capture_output=True)
    assert done.returncode == 0, (r.stdout, done.stdout, done.stderr)
    for name, data in files.items():
        assert (tmp_path / name).read_bytes() == data.replace(b"Kmitry", b"Dmitry")


@fake
def test_a_file_named_again_through_a_hard_link_is_fixed_once(runner: CliRunner, tmp_path: Path) -> None:
    # The second name read the file the first fix had rewritten in place: 'changed while being
    # checked', exit 2 (with --jobs, both are read before either is fixed).
    story = tmp_path / "story.txt"
    story.write_text(SENTENCE)
    os.link(story, tmp_path / "again.txt")
    for jobs in ("1", "2"):
        story.write_text(SENTENCE)
        r = run(runner, "fix", "--jobs", jobs, str(story), str(tmp_path / "again.txt"))
        assert (r.exit_code, stderr_lines(r)) == (
            0,
            ["normalize: 1 file checked, 1 finding, 1 fixed, 0 left to review"],
        )
        assert (tmp_path / "again.txt").read_text() == FIXED


@fake
def test_an_empty_path_is_said_to_be_one(runner: CliRunner, tmp_path: Path) -> None:
    # 'normalize: error: : no such file or directory', as `check "$UNSET"` gave.
    p = tmp_path / "clean.txt"
    p.write_text("Nothing to see here.\n")
    r = run(runner, "check", "", str(p))
    assert (r.exit_code, stderr_lines(r)) == (2, ["normalize: error: '': an empty path names no file"])


def test_a_usage_error_is_one_line() -> None:
    # As the help's exit status promises: click printed four lines (usage, hint, blank, error).
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONDONTWRITEBYTECODE": "1"}

    def normalize_(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "normalize", *args], capture_output=True, text=True, env=env, timeout=120
        )
        return done.returncode, done.stdout, done.stderr

    assert normalize_("check", "--format", "xml", "a.txt") == (
        2,
        "",
        "normalize: error: check: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'sarif',"
        " 'github' (see normalize check --help)\n",
    )
    assert normalize_("chek") == (
        2,
        "",
        "normalize: error: No such command 'chek'. Did you mean 'check'? (see normalize --help)\n",
    )
    code, out, err = normalize_("--version")
    assert (code, err) == (0, "") and out.startswith("normalize, version ")
    code, out, err = normalize_()  # alone: the help, as before
    assert code == 2 and "Commands:" in err + out


def test_stdin_is_checked_as_the_file_stdin_filename_names(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor's filter of a Markdown buffer (`fix -`) read it as plain text: its code block and
    # inline code were prose, and fixed (goverment = Ukrane() -> government = Ukraine()).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".normalize.toml").write_text('words = ["Kmitry"]\n', encoding="utf-8")
    text = "# Notes\n\n```python\ngoverment = Ukrane()\n```\n\nThe goverment met `Ukrane` and Kmitry.\n"
    r = runner.invoke(cli, ["fix", "--stdin-filename", "docs/notes.md", "-"], input=text)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == text.replace("The goverment", "The government")  # code kept; Kmitry: the config's word
    assert r.stderr.startswith("docs/notes.md:7:5: word 'goverment' -> 'government'")
    r = runner.invoke(cli, ["fix", "--diff", "--stdin-filename", "docs/notes.md", "-"], input=text)
    assert r.stdout.startswith("--- a/docs/notes.md\n+++ b/docs/notes.md\n")
    r = runner.invoke(cli, ["check", "--stdin-filename", "docs/notes.md", "story.md"])
    assert r.exit_code == 2 and "--stdin-filename names what '-' (stdin) reads" in r.stderr
    for folder in ("docs", ""):  # a folder's name (it was shown as "." or "docs") or none is no file's
        r = runner.invoke(cli, ["check", "--stdin-filename", folder, "-"], input=text)
        assert r.exit_code == 2 and f"--stdin-filename {folder!r} is no file's name" in r.stderr, r.stderr
