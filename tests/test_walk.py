"""Many files: --include/--exclude, .gitignore in git work trees, summary, progress bar."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SENTENCE, checked_files, write_files

import normalize.cli
from normalize import discover
from normalize.cli import cli
from normalize.discover import Filter

fake = pytest.mark.usefixtures("fake_engine")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.mark.parametrize(
    ("include", "exclude", "rel", "wanted"),
    [
        ((), (), "a/b.txt", True),
        ((), ("*.txt",), "a/b.txt", False),
        ((), ("a",), "a/b.txt", False),  # a folder name anywhere in the path
        ((), ("a/*",), "a/b.txt", False),
        ((), ("b/*",), "a/b.txt", True),
        (("*.md",), (), "a/b.txt", False),
        (("*.md",), (), "a/b.md", True),
        (("*.md",), ("drafts",), "drafts/b.md", False),
    ],
)
def test_filter(include: tuple[str, ...], exclude: tuple[str, ...], rel: str, wanted: bool) -> None:
    assert Filter(include, exclude).wants(rel) is wanted


@fake
def test_include_and_exclude_on_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    write_files(tmp_path, ["a.md", "b.txt", "drafts/c.md", "notes/d.md"])
    got = checked_files(runner, "--include", "*.md", "--exclude", "drafts", str(tmp_path))
    assert got == [str(tmp_path / "a.md"), str(tmp_path / "notes" / "d.md")]


@fake
def test_exclude_applies_to_named_files(runner: CliRunner, tmp_path: Path) -> None:
    # pre-commit names every staged file: a hook's --exclude must leave them out (and says so).
    write_files(tmp_path, ["a.md", "b.txt"])
    got = checked_files(runner, "--exclude", "*.txt", str(tmp_path / "a.md"), str(tmp_path / "b.txt"))
    assert got == [str(tmp_path / "a.md")]
    r = runner.invoke(cli, ["check", "--exclude", "*.txt", str(tmp_path / "b.txt")], catch_exceptions=False)
    assert (r.exit_code, r.stdout) == (0, "")
    said = "normalize: 0 files checked, 1 named file left out by --exclude, 0 findings, 0 fixable, 0 left to review\n"
    assert r.stderr == said


@fake
@pytest.mark.parametrize("named", ["docs/archive/x.md", "./docs/archive/x.md", "docs//archive/./x.md", "ABSOLUTE"])
def test_an_exclude_with_a_folder_leaves_out_a_named_file_however_its_path_is_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    # --exclude 'docs/archive/*' left out docs/archive/x.md but checked ./docs/archive/x.md and
    # its absolute path (an editor's or a script's way of naming it), reported as the same
    # docs/archive/x.md: the glob was matched against the argument as it was written.
    write_files(tmp_path, ["docs/archive/x.md", "docs/y.md"])
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "docs" / "archive" / "x.md") if named == "ABSOLUTE" else named
    r = runner.invoke(cli, ["check", "--exclude", "docs/archive/*", path, "docs/y.md"], catch_exceptions=False)
    assert r.stdout.startswith("docs/y.md:1:19: ") and "archive" not in r.stdout
    assert "1 named file left out by --exclude" in r.stderr


@fake
def test_a_file_named_is_checked_whatever_include_says(runner: CliRunner, tmp_path: Path) -> None:
    # `check --include '*.md' s.txt` checked nothing and exited 0: "0 files checked", its typo
    # unreported. --include chooses what a folder stands for; a file asked for by name is checked
    # (as typos, ruff and black check a file named on the command line).
    write_files(tmp_path, ["s.txt", "docs/a.md", "docs/b.txt"])
    s, docs = str(tmp_path / "s.txt"), str(tmp_path / "docs")
    r = runner.invoke(cli, ["check", "--include", "*.md", s], catch_exceptions=False)
    assert r.exit_code == 1 and r.stdout.startswith(f"{s}:1:19: ")
    assert r.stderr.startswith("normalize: 1 file checked, 1 finding")
    assert checked_files(runner, "--include", "*.md", s, docs) == [str(tmp_path / "docs" / "a.md"), s]


@fake
@needs_git
def test_gitignore_is_honoured_in_a_work_tree(runner: CliRunner, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write_files(tmp_path, ["keep.md", "build/out.md", "scratch.md", "sub/keep.txt", ".hidden/x.md"])
    (tmp_path / ".gitignore").write_text("build/\nscratch.md\n")
    got = checked_files(runner, str(tmp_path))
    assert got == [str(tmp_path / "keep.md"), str(tmp_path / "sub" / "keep.txt")]
    # A folder inside the work tree is listed the same way.
    assert checked_files(runner, str(tmp_path / "sub")) == [str(tmp_path / "sub" / "keep.txt")]


@fake
def test_without_git_the_plain_walk_is_used(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=False, capture_output=True)
    write_files(tmp_path, ["keep.md", "build/out.md"])
    (tmp_path / ".gitignore").write_text("build/\n")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))  # git cannot be found
    got = checked_files(runner, str(tmp_path))
    assert got == [str(tmp_path / "build" / "out.md"), str(tmp_path / "keep.md")]


@fake
def test_summary_for_check_of_many_files(runner: CliRunner, tmp_path: Path) -> None:
    write_files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    (tmp_path / "c.txt").write_text("Clean.\n")
    r = runner.invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == ["normalize: 3 files checked, 2 findings, 2 fixable, 0 left to review"]


@fake
def test_no_progress_bar_when_stderr_is_not_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    write_files(tmp_path, [f"f{i:02}.txt" for i in range(25)])
    r = runner.invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    assert r.stderr.splitlines() == ["normalize: 25 files checked, 25 findings, 25 fixable, 0 left to review"]


@fake
def test_progress_bar_on_a_terminal_for_many_files(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(normalize.cli, "_stderr_is_terminal", lambda: True)
    drawn: list[int] = []

    class Bar:
        def __init__(self, length: int, **kwargs: object) -> None:
            drawn.append(length)

        def __enter__(self) -> Bar:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def update(self, n: int) -> None:
            drawn.append(n)

    monkeypatch.setattr(normalize.cli.click, "progressbar", Bar)
    write_files(tmp_path, [f"f{i:02}.txt" for i in range(21)])
    runner.invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    assert drawn == [21] + [1] * 21
    drawn.clear()
    write_files(tmp_path / "few", ["a.txt"])
    runner.invoke(cli, ["check", str(tmp_path / "few")], catch_exceptions=False)
    assert drawn == []  # 20 or fewer: no bar


def test_no_progress_bar_when_stdout_goes_down_a_pipe(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix --diff DIR | less: the pager shares the terminal, the bar would draw over it."""
    monkeypatch.setattr(normalize.cli, "_stderr_is_terminal", lambda: True)
    opts = normalize.cli.Options(normalize.cli.Mode.DIFF)
    monkeypatch.setattr(normalize.cli, "_stdout_is_pipe", lambda: False)
    assert normalize.cli._want_progress(21, opts)
    monkeypatch.setattr(normalize.cli, "_stdout_is_pipe", lambda: True)
    assert not normalize.cli._want_progress(21, opts)
    read, write = os.pipe()
    try:
        assert normalize.cli._is_pipe(read) and normalize.cli._is_pipe(write)
    finally:
        os.close(read)
        os.close(write)
    with open(tmp_path / "out.txt", "w") as f:
        assert not normalize.cli._is_pipe(f.fileno())


@fake
def test_a_directory_stands_for_its_prose_files(runner: CliRunner, tmp_path: Path) -> None:
    write_files(tmp_path, ["a.md", "b.txt", "c.py", "d.json", "e.rst", "f.HTML", "g.adoc", "Makefile"])
    got = checked_files(runner, str(tmp_path))
    assert got == [str(tmp_path / n) for n in ("a.md", "b.txt", "e.rst", "f.HTML", "g.adoc")]
    # --include replaces the list; a file named on the command line is always checked.
    assert checked_files(runner, "--include", "*.py", str(tmp_path)) == [str(tmp_path / "c.py")]
    assert checked_files(runner, str(tmp_path / "c.py")) == [str(tmp_path / "c.py")]


@fake
def test_a_directory_without_prose_files_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    write_files(tmp_path, ["script.py"])
    r = runner.invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 2
    reason = "no prose files found (.txt, .md, .rst, .html...; --include GLOB checks others)"
    assert r.stderr == f"normalize: error: {tmp_path}: {reason}\n"


def test_a_folder_in_no_repository_is_walked_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if any((p / ".git").exists() or (p / "objects").is_dir() for p in (tmp_path, *tmp_path.parents)):
        pytest.skip("the temporary folder is inside a git repository")
    write_files(tmp_path, ["b.md", "a.txt", "sub/c.txt", "code.py"])

    def no_git(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"git started: {args}")

    monkeypatch.setattr(subprocess, "run", no_git)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    got = list(discover.expand(str(tmp_path), Filter()))
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b.md"), str(tmp_path / "sub" / "c.txt")]


def test_git_is_asked_wherever_it_could_find_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    (tmp_path / "repo" / ".git").mkdir(parents=True)  # a work tree's folder
    (tmp_path / "repo" / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / ".git").write_text("gitdir: ../repo/.git/worktrees/linked\n")  # a linked worktree's file
    (tmp_path / "bare.git" / "objects").mkdir(parents=True)
    (tmp_path / "bare.git" / "sub").mkdir()
    (tmp_path / "outside").symlink_to(tmp_path / "repo" / "docs")
    for inside in ("repo", "repo/docs/deep", "linked", "bare.git/sub", "outside"):
        assert discover._may_be_in_git(str(tmp_path / inside)), inside
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "repo" / ".git"))
    assert discover._may_be_in_git(str(tmp_path / "bare.git" / ".."))


def test_a_folder_git_cannot_open_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # In a work tree, git warns about a folder it cannot open and lists the rest: that folder's
    # files went unchecked without a word. (Faked: tests run as root, who can open any folder.)
    (tmp_path / ".git").mkdir()
    write_files(tmp_path, ["locked/x.txt", "open/y.txt"])

    def git(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        assert args[:3] == ["git", "-C", str(tmp_path)] and kwargs["env"]["LC_ALL"] == "C"  # type: ignore[index]
        warning = b"warning: could not open directory 'locked/': Permission denied\n"
        return subprocess.CompletedProcess(args, 0, b"open/y.txt\0", warning)

    monkeypatch.setattr(subprocess, "run", git)
    unreadable: list[str] = []
    got = list(discover.expand(str(tmp_path), Filter(), unreadable=unreadable))
    assert got == [str(tmp_path / "open" / "y.txt")]
    assert unreadable == [f"{tmp_path / 'locked'}: permission denied"]


@fake
@needs_git
def test_a_submodule_or_a_repository_inside_is_walked(runner: CliRunner, tmp_path: Path) -> None:
    # git ls-files names a submodule (or an untracked repository inside) as one folder: its
    # files were left out without a word.
    def git(*args: str, cwd: Path) -> None:
        subprocess.run(
            ["git", "-c", "user.email=a@b", "-c", "user.name=n", *args], cwd=cwd, check=True, capture_output=True
        )

    (tmp_path / "lib").mkdir()
    git("init", "-q", cwd=tmp_path / "lib")
    write_files(tmp_path / "lib", ["lib.md", "skip/out.md"])
    (tmp_path / "lib" / ".gitignore").write_text("skip/\n")
    git("add", "-A", cwd=tmp_path / "lib")
    git("commit", "-qm", "lib", cwd=tmp_path / "lib")
    git("init", "-q", cwd=tmp_path)
    write_files(tmp_path, ["top.md", "notes/more.md"])
    git("-c", "protocol.file.allow=always", "submodule", "add", "-q", "./lib", "lib", cwd=tmp_path)
    (tmp_path / "scratch").mkdir()
    git("init", "-q", cwd=tmp_path / "scratch")  # an untracked repository inside, never added
    write_files(tmp_path / "scratch", ["draft.md"])
    r = runner.invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    listed = [line.split(":")[0] for line in r.stdout.splitlines()]
    assert listed == [str(tmp_path / p) for p in ("lib/lib.md", "notes/more.md", "scratch/draft.md", "top.md")]


@fake
def test_a_repository_git_refuses_to_list_is_an_error_not_a_walk(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A checkout owned by another user (root in a CI container): git refuses it (safe.directory),
    # the folder was walked instead, and its git-ignored files were checked, and fixed. (Faked:
    # the refusal needs a repository of another owner.)
    (tmp_path / ".git").mkdir()
    write_files(tmp_path, ["build/ignored.txt", "kept.txt"])
    said = f"fatal: detected dubious ownership in repository at '{tmp_path}'\nTo add an exception...\n"

    def git(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(args, 128, b"", said.encode())

    monkeypatch.setattr(subprocess, "run", git)
    r = runner.invoke(cli, ["fix", str(tmp_path)], catch_exceptions=False)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.splitlines() == [
        f"normalize: error: {tmp_path}: git refused to list it (detected dubious ownership in repository at"
        f" '{tmp_path}'; see git config safe.directory), so its .gitignore cannot be honoured, not checked"
    ]
    assert (tmp_path / "build" / "ignored.txt").read_text() == SENTENCE
    # Any other failure (no repository after all) walks the folder, as before.
    monkeypatch.setattr(subprocess, "run", lambda args, **_: subprocess.CompletedProcess(args, 128, b"", b"fatal: x"))
    assert runner.invoke(cli, ["check", str(tmp_path)]).exit_code == 1
