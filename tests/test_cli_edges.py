"""The command line at its edges, as a demanding user meets them: more jobs than cores, a
binary file named on the command line, a filter's text on error, UTF-16 diffs, names with
terminal escapes, file systems without inode numbers, Ctrl-C's exit handlers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import normalize.cli
import normalize.engine
import normalize.fanout
from normalize.cli import cli

SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."
FIXED = SENTENCE.replace("Kmitry", "Dmitry")

fake = pytest.mark.usefixtures("fake_engine")


def run(runner: CliRunner, *args: str, input: bytes | None = None) -> Result:
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def _spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[Any, ...]]:
    """Record each call's arguments of ``owner.name``, which still runs."""
    calls: list[tuple[Any, ...]] = []
    real: Callable[..., Any] = getattr(owner, name)

    def spy(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(owner, name, spy)
    return calls


@fake
def test_jobs_are_at_most_the_cores(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --jobs 64 on two cores forked 63 helpers for 64 files (and 64 workers for one long file):
    # they only took turns on the two cores, each with its own memory.
    monkeypatch.setattr(normalize.cli, "_cores", lambda: 2, raising=False)
    for k in range(10):
        (tmp_path / f"{k}.txt").write_text(SENTENCE)
    shared = _spy(monkeypatch, normalize.fanout, "shared")
    r = run(runner, "check", "--jobs", "64", str(tmp_path))
    assert r.exit_code == 1
    assert {args[2] for args in shared} == {2}  # (work, count, workers, lost)
    workers = _spy(monkeypatch, normalize.engine, "use_workers")
    monkeypatch.setattr(normalize.engine, "_WORKERS", [1])  # (use_workers sets it for the process)
    assert run(runner, "check", "--jobs", "64", str(tmp_path / "0.txt")).exit_code == 1
    assert workers == [(2,)]


@fake
def test_a_file_system_without_inode_numbers_loses_no_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where every file has inode 0 (some FUSE, network and Windows mounts), (device, inode)
    # made every file after the first a copy of it, left out without a word.
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SENTENCE)
    real = os.stat

    def no_inode(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        st = real(path, *args, **kwargs)
        if not str(path).startswith(str(tmp_path)):
            return st
        return os.stat_result((st.st_mode, 0, *tuple(st)[2:]))

    monkeypatch.setattr(os, "stat", no_inode)
    r = run(runner, "check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))
    assert (r.exit_code, r.stdout.count("Kmitry")) == (1, 2)
    assert r.stderr.splitlines()[-1].startswith("normalize: 2 files checked")


def test_ctrl_c_runs_the_exit_handlers(tmp_path: Path) -> None:
    # stopped_by_ctrl_c ended the process by SIGINT without the atexit handlers, which Python
    # runs before it does the same for a KeyboardInterrupt left unhandled (multiprocessing's
    # ends a pool's workers that are still alive).
    ran = tmp_path / "ran"
    code = (
        "import atexit, pathlib, sys\n"
        "from normalize.interrupt import stopped_by_ctrl_c\n"
        f"atexit.register(pathlib.Path({str(ran)!r}).write_text, 'yes')\n"
        "stopped_by_ctrl_c()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(normalize.cli.__file__).parents[1]))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert (done.returncode, done.stderr) == (-signal.SIGINT, b"")
    assert ran.read_text() == "yes"


@fake
@pytest.mark.parametrize(
    "data",
    [
        f"Caf\u00e9: {SENTENCE}\n".encode("latin-1"),  # not UTF-8
        b"\x89PNG\r\n\x1a\n\x00\x00Kmitry",  # binary
        b"\xff\xfe\x00\x00K\x00\x00\x00",  # UTF-32
    ],
)
def test_fix_stdin_gives_back_the_text_as_read_on_error(runner: CliRunner, data: bytes) -> None:
    # `fix -` is a filter (vim's :%!normalize fix -, a pipeline to a file): on an error its
    # stdout was empty, which took the place of the user's text.
    r = run(runner, "fix", "-", input=data)
    assert (r.exit_code, r.stdout_bytes, len(r.stderr.splitlines())) == (2, data, 1)
    assert r.stderr.startswith("normalize: error: <stdin>: ")
    assert run(runner, "fix", "--diff", "-", input=data).stdout_bytes == b""  # (a diff is no text)


@fake
def test_fix_stdin_gives_back_the_text_when_its_config_is_broken(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".normalize.toml").write_text("wordz = []\n")
    monkeypatch.chdir(tmp_path)
    data = f"{SENTENCE}\r\n".encode()
    r = run(runner, "fix", "--config", ".normalize.toml", "-", input=data)
    assert (r.exit_code, r.stdout_bytes) == (2, data)
    assert "unknown key 'wordz'" in r.stderr
    (tmp_path / ".normalize.toml").unlink()
    good = run(runner, "fix", "-", input=data)  # (and only the text, once, when all is well)
    assert (good.exit_code, good.stdout_bytes) == (0, data.replace(b"Kmitry", b"Dmitry"))


@fake
@pytest.mark.parametrize("tool", [["git", "apply"], ["patch", "-p1", "--quiet"]])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_the_diff_of_a_utf16_file_applies(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: list[str], encoding: str
) -> None:
    # The diff was of the text, in UTF-8: neither git apply nor patch found its lines in the
    # file's bytes ("patch does not apply"; "Hunk #1 FAILED ... (different line endings)").
    if shutil.which(tool[0]) is None:
        pytest.skip(f"{tool[0]} not installed")
    old = {"crlf.txt": f"Head.\r\n{SENTENCE}\r\nEnd.\r\n", "last.txt": f"x\n\n{SENTENCE}"}
    for name, text in old.items():
        (tmp_path / name).write_bytes(("\ufeff" + text).encode(encoding))
    monkeypatch.chdir(tmp_path)
    r = run(runner, "fix", "--diff", *old)
    assert r.exit_code == 1
    assert r.stdout_bytes.count(b"\n+++ b/") == 2
    (tmp_path / "fix.patch").write_bytes(r.stdout_bytes)
    done = subprocess.run([*tool], stdin=(tmp_path / "fix.patch").open("rb"), capture_output=True)
    assert done.returncode == 0, (r.stdout_bytes, done.stdout, done.stderr)
    for name, text in old.items():
        assert (tmp_path / name).read_bytes() == ("\ufeff" + text.replace("Kmitry", "Dmitry")).encode(encoding)


@fake
@pytest.mark.parametrize("color", [[], ["--color", "never"], ["--color", "always"]])
def test_the_diff_keeps_the_escape_sequences_of_the_text(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, color: list[str]
) -> None:
    # click took ANSI sequences out of what it printed to a pipe (or with --color never): those
    # of the file's own lines too (a log pasted with its colours, a form feed's ESC [ 2 J), so
    # the diff's lines were not the file's and it did not apply ('patch does not apply').
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    text = f"Log: \x1b[31mred\x1b[0m and \x1b[2J.\n{SENTENCE}\n"
    (tmp_path / "log.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run(runner, "fix", "--diff", "log.txt", *color)
    assert r.exit_code == 1
    assert "\n Log: \x1b[31mred\x1b[0m and \x1b[2J.\n" in r.stdout
    painted = "\x1b[31m-" + SENTENCE + "\x1b[0m\n" if color == ["--color", "always"] else "\n-" + SENTENCE + "\n"
    assert painted in r.stdout
    if color != ["--color", "always"]:
        (tmp_path / "fix.patch").write_text(r.stdout, encoding="utf-8")
        done = subprocess.run(["git", "apply", "fix.patch"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "log.txt").read_text(encoding="utf-8") == text.replace("Kmitry", "Dmitry")


@fake
def test_file_names_reach_the_terminal_escaped(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name's escape sequence recoloured, retitled or cleared the terminal of whoever checked
    # the folder, and a line break made two lines of one finding (or of one error).
    monkeypatch.chdir(tmp_path)
    names = ["red\x1b[31mX.txt", "two\nlines.txt", "back\u202etxt.md"]
    for name in names:
        Path(name).write_text(SENTENCE)
    r = run(runner, "check", *names, "gone\x1b]0;pwned\a.txt", "--color", "never")
    assert r.stdout.splitlines() == [
        "red\\x1b[31mX.txt:1:19: person 'Kmitry' -> 'Dmitry' (0.97)",
        "two\\nlines.txt:1:19: person 'Kmitry' -> 'Dmitry' (0.97)",
        "back\\u202etxt.md:1:19: person 'Kmitry' -> 'Dmitry' (0.97)",
    ]
    assert r.stderr.splitlines() == ["normalize: error: gone\\x1b]0;pwned\\x07.txt: no such file or directory"]
    assert "Kmitry' -> 'Dmitry' (confidence" in run(runner, "check", "--verbose", names[0]).stdout
    assert "red\\x1b[31mX.txt:1:19:" in run(runner, "check", "--verbose", names[0]).stdout
    # JSON (and SARIF) keep the name as it is: a program reads them, and JSON escapes it.
    found = json.loads(run(runner, "check", "--format", "json", *names).stdout)["findings"]
    assert [f["path"] for f in found] == names


@fake
def test_a_removed_current_folder_is_no_internal_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A terminal left in a folder another command removed: every check failed with
    # "internal error: FileNotFoundError" (the path shown relative to it, stdin's config
    # discovered from it).
    story = tmp_path / "story.txt"
    story.write_text(SENTENCE)
    (tmp_path / "gone").mkdir()
    monkeypatch.chdir(tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    r = run(runner, "check", str(story))
    assert (r.exit_code, r.stdout) == (1, f"{story}:1:19: person 'Kmitry' -> 'Dmitry' (0.97)\n")
    r = run(runner, "fix", "-", input=SENTENCE.encode())
    assert (r.exit_code, r.stdout) == (0, FIXED)


@fake
@pytest.mark.parametrize("stdout_is_terminal", [True, False])
def test_the_progress_bar_line_is_cleared_before_output_on_its_terminal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stdout_is_terminal: bool
) -> None:
    # On a terminal the findings went on after the bar: "normalize  [---]  0%a.txt:1:19: ...".
    monkeypatch.setattr(normalize.cli, "_stderr_is_terminal", lambda: True)
    monkeypatch.setattr(normalize.cli, "_stdout_is_terminal", lambda: stdout_is_terminal, raising=False)
    for k in range(25):
        (tmp_path / f"{k:02}.txt").write_text(SENTENCE if k % 5 else "Nothing to see.")
    (tmp_path / "zz.txt").write_bytes(b"\xff\xfe\x00\x00")  # an error: on the bar's own stream
    r = run(runner, "check", "--jobs", "1", str(tmp_path))
    assert r.stdout.count("Kmitry") == 20
    cleared = r.stderr.count("\r\x1b[K")
    assert cleared == (20 if stdout_is_terminal else 0) + 1
    assert "\r\x1b[Knormalize: error: " in r.stderr


@fake
def test_the_review_shows_a_text_s_control_characters_escaped(runner: CliRunner, tmp_path: Path) -> None:
    # A log's or a capture's escape sequences around a word reached the terminal as they were.
    p = tmp_path / "log.txt"
    p.write_text(f"\x1b[2J{SENTENCE}\x1b]0;title\a\n")
    r = run(runner, "fix", "--interactive", "--color", "always", str(p), input=b"n\n")
    assert "\x1b[2J" not in r.stdout and "\x1b]0" not in r.stdout
    assert "\\x1b[2JKremlin spokesman " in r.stdout and "\\x1b]0;title\\x07" in r.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    # A full disk under stdout: "internal error: OSError: [Errno 28] ...", and for fix - twice
    # (the fixed text, then the text as read, which failed the same way).
    env = dict(os.environ, PYTHONPATH=str(Path(normalize.cli.__file__).parents[1]))
    command = [sys.executable, "-c", "import sys; import normalize.cli as c; sys.exit(c.main())", "fix", "-"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command, input=b"\xff\xfe\x00\x00", stdout=full, stderr=subprocess.PIPE, env=env)
    said = done.stderr.decode().splitlines()
    assert (done.returncode, said[-1]) == (2, "normalize: error: no space left on device")
    assert len(said) == 2 and said[0].startswith("normalize: error: <stdin>: UTF-32")


@pytest.mark.parametrize("mode", ["check", "fix"])
def test_a_closed_stdout_is_one_line_and_nothing_is_written(tmp_path: Path, mode: str) -> None:
    # check >&-: the findings were lost without a word and the run exited 1 as if reported; fix
    # also rewrote the files with no report of what changed. Now nothing is done, exit 2.
    story = tmp_path / "story.txt"
    story.write_text(SENTENCE)
    env = dict(os.environ, PYTHONPATH=str(Path(normalize.cli.__file__).parents[1]))
    command = [sys.executable, "-c", "import sys; import normalize.cli as c; sys.exit(c.main())", mode, str(story)]
    done = subprocess.run(command, stderr=subprocess.PIPE, env=env, preexec_fn=lambda: os.close(1))  # noqa: PLW1509
    assert (done.returncode, done.stderr.decode()) == (
        2,
        "normalize: error: stdout is closed: findings could not be reported\n",
    )
    assert story.read_text() == SENTENCE


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_a_fix_is_written_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    # SIGTERM (timeout, a CI job cancelled) while the temporary copy was written or fsynced
    # killed the run there: the copy, '.story.txt.normalize-PID-XXXX.tmp', stayed in the
    # user's folder until a later fix there. Now the file is swapped whole first.
    story = tmp_path / "story.txt"
    story.write_text(SENTENCE)
    code = (
        "import os, signal, sys\n"
        "from normalize import files\n"
        "from normalize.interrupt import interrupt\n"
        "signal.signal(signal.SIGINT, interrupt)\n"
        "fill = files._fill_temp\n"
        f"files._fill_temp = lambda *a: (os.kill(os.getpid(), {int(signum)}), fill(*a))[1]\n"
        f"doc = files.read_text({str(story)!r})\n"
        f"files.write_text_atomic(doc.path, doc, {FIXED!r})\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(normalize.cli.__file__).parents[1]))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert done.returncode == (-signum if signum == signal.SIGTERM else 1), done.stderr
    assert os.listdir(tmp_path) == ["story.txt"]
    assert story.read_text() == FIXED  # (the copy was whole: it is the file now)


@fake
def test_utf16_without_a_byte_order_mark_is_an_error_not_a_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    # Its NUL bytes made it a binary file, which a folder's walk skips without a word: a text
    # file left unchecked in silence.
    (tmp_path / "le.txt").write_bytes(f"{SENTENCE}\r\n".encode("utf-16-le"))
    (tmp_path / "be.md").write_bytes(f"{SENTENCE}\n".encode("utf-16-be"))
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)  # binary
    (tmp_path / "short.txt").write_bytes("ab".encode("utf-16-le"))  # too short to tell: binary
    r = run(runner, "check", str(tmp_path))
    assert (r.exit_code, r.stdout) == (2, "")
    advice = "without a byte order mark; add one, or convert the file to UTF-8"
    assert r.stderr.splitlines() == [
        f"normalize: error: {tmp_path / 'be.md'}: UTF-16 BE {advice}",
        f"normalize: error: {tmp_path / 'le.txt'}: UTF-16 LE {advice}",
    ]


@fake
def test_jobs_leave_the_cycle_collector_as_they_found_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --jobs > 1 froze every object the process held (gc.freeze, for the helpers' copy-on-write)
    # and never thawed them: a program or a test session that runs the command in its own
    # process kept all of it, cycles included, uncollected for good.
    import gc

    monkeypatch.setattr(normalize.cli, "_cores", lambda: 2, raising=False)
    for k in range(4):
        (tmp_path / f"{k}.txt").write_text(SENTENCE)
    gc.unfreeze()
    assert run(runner, "check", "--jobs", "2", str(tmp_path)).exit_code == 1
    assert gc.get_freeze_count() == 0


GERMAN = (
    "Die Minister haben gestern in der Hauptstadt lange über die neuen Gesetze gesprochen,"
    " sagte ein Sprecher der Regierung.\n"
)
FRENCH = (
    "Le ministre a déclaré hier que les négociations vont reprendre la semaine prochaine,"
    " a-t-il ajouté devant la presse.\n"
)


def test_a_file_that_is_not_english_is_left_alone(runner: CliRunner, tmp_path: Path) -> None:
    # A folder of translations was read as misspelt English: `fix docs/` wrote sagte -> sage
    # (0.92) into the German page, and check asked about haben, gestern, semaine, prochaine...
    # (the server already answered LanguageTool's language=auto so: document.looks_english).
    (tmp_path / "de.md").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.md").write_text(SENTENCE + "\n", encoding="utf-8")
    r = run(runner, "fix", str(tmp_path))
    assert (tmp_path / "de.md").read_text(encoding="utf-8") == GERMAN
    assert (tmp_path / "fr.txt").read_text(encoding="utf-8") == FRENCH
    assert (tmp_path / "en.md").read_text(encoding="utf-8") == FIXED + "\n"
    assert (r.exit_code, r.stderr) == (
        0,
        "normalize: 1 file checked, 2 not English (left alone), 1 finding, 1 fixed, 0 left to review\n",
    )
    r = run(runner, "check", "--format", "json", str(tmp_path / "de.md"))
    assert (r.exit_code, json.loads(r.stdout)) == (0, {"findings": []})
    assert "1 not English (left alone)" in r.stderr
    r = run(runner, "fix", "-", input=GERMAN.encode())
    assert (r.exit_code, r.stdout) == (0, GERMAN)
    # Only prose tells: an English page's code is no sign of another language.
    code = "```\nfor x in range(n): zeige(x, nicht, gleich, oder, dann, wenn, aber, weil, denn)\n```\n"
    (tmp_path / "code.md").write_text(f"{SENTENCE}\n\n{code}", encoding="utf-8")
    r = run(runner, "check", str(tmp_path / "code.md"))
    assert r.exit_code == 1 and "'Kmitry' -> 'Dmitry'" in r.stdout
