"""The config's ``exclude`` key: globs of files to leave out, relative to the config's folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SENTENCE, checked_files, write_files

from normalize import config
from normalize.cli import cli

fake = pytest.mark.usefixtures("fake_engine")


def tree(root: Path, names: list[str], settings: str = 'exclude = ["docs/archive/*", "drafts"]\n') -> None:
    (root / ".normalize.toml").write_text(settings)
    write_files(root, names)


def test_the_key_is_read_as_a_tuple_of_globs(tmp_path: Path) -> None:
    (tmp_path / ".normalize.toml").write_text('exclude = ["archive/*", "*.txt"]\n')
    assert config.load(tmp_path / "a.md").exclude == ("archive/*", "*.txt")
    assert config.Config().exclude == ()


@pytest.mark.parametrize("value", ['"archive/*"', '["archive/*", 3]', "{ a = 1 }"])
def test_a_wrong_type_is_a_one_line_error_naming_the_key(runner: CliRunner, tmp_path: Path, value: str) -> None:
    (tmp_path / ".normalize.toml").write_text(f"exclude = {value}\n")
    (tmp_path / "a.md").write_text(SENTENCE)
    r = runner.invoke(cli, ["check", str(tmp_path / "a.md")], catch_exceptions=False)
    assert r.exit_code == 2 and r.stdout == ""
    errors = [line for line in r.stderr.splitlines() if line.startswith("normalize: error: ")]
    assert len(errors) == 1 and errors[0].endswith(
        ': exclude: expected a list of strings, like ["archive/*", "drafts"]'
    )
    assert "Traceback" not in r.stderr


@fake
def test_a_folder_argument_leaves_out_what_the_config_excludes(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, ["docs/a.md", "docs/archive/old.md", "drafts/d.md", "notes/drafts/e.md", "b.md"])
    monkeypatch.chdir(tmp_path)
    assert checked_files(runner, ".") == ["b.md", "docs/a.md"]


@fake
def test_globs_are_relative_to_the_config_not_to_the_folder_named(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/archive/* is the config's folder's docs/archive, whether `check docs` or `check .` is
    # run, from the top or from inside docs/.
    tree(tmp_path, ["docs/a.md", "docs/archive/old.md", "archive/top.md"])
    monkeypatch.chdir(tmp_path)
    assert checked_files(runner, "docs") == ["docs/a.md"]
    assert checked_files(runner, ".") == ["archive/top.md", "docs/a.md"]
    monkeypatch.chdir(tmp_path / "docs")
    assert checked_files(runner, ".") == ["a.md"]


@fake
@pytest.mark.parametrize("named", ["docs/archive/x.md", "./docs/archive/x.md", "docs//archive/./x.md", "ABSOLUTE"])
def test_a_named_file_the_config_excludes_is_left_out_however_its_path_is_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    # pre-commit names every staged file: the config's exclude must hold for them too.
    tree(tmp_path, ["docs/archive/x.md", "docs/y.md"])
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "docs" / "archive" / "x.md") if named == "ABSOLUTE" else named
    r = runner.invoke(cli, ["check", path, "docs/y.md"], catch_exceptions=False)
    assert r.stdout.startswith("docs/y.md:1:19: ") and "archive" not in r.stdout
    assert "1 named file left out by the config's exclude" in r.stderr


@fake
def test_a_named_file_is_matched_from_the_config_folder_whatever_the_current_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, ["docs/archive/x.md", "docs/y.md"])
    monkeypatch.chdir(tmp_path / "docs")
    assert checked_files(runner, "archive/x.md", "y.md") == ["y.md"]
    monkeypatch.chdir(tmp_path / "docs" / "archive")
    r = runner.invoke(cli, ["check", "x.md"], catch_exceptions=False)
    assert (r.exit_code, r.stdout) == (0, "")
    said = (
        "normalize: 0 files checked, 1 named file left out by the config's exclude,"
        " 0 findings, 0 fixable, 0 left to review\n"
    )
    assert r.stderr == said


@fake
def test_an_explicit_config_excludes_relative_to_its_own_folder(runner: CliRunner, tmp_path: Path) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "settings"
    project.mkdir()
    elsewhere.mkdir()
    tree(project, ["archive/x.md", "y.md"], settings="")
    (elsewhere / "normalize.toml").write_text('exclude = ["archive/*"]\n')  # its folder has no archive/
    got = checked_files(runner, "--config", str(elsewhere / "normalize.toml"), str(project))
    assert got == [str(project / "archive" / "x.md"), str(project / "y.md")]
    (elsewhere / "normalize.toml").write_text('exclude = ["x.md"]\n')  # outside its folder: by file name alone
    assert checked_files(runner, "--config", str(elsewhere / "normalize.toml"), str(project)) == [str(project / "y.md")]


@fake
def test_fix_leaves_an_excluded_file_as_it_was(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, ["drafts/d.md", "a.md"])
    monkeypatch.chdir(tmp_path)
    runner.invoke(cli, ["fix", ".", "drafts/d.md"], catch_exceptions=False)
    assert (tmp_path / "drafts" / "d.md").read_text() == SENTENCE
    assert (tmp_path / "a.md").read_text() != SENTENCE


@fake
def test_the_config_exclude_adds_to_the_command_lines(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, ["drafts/d.md", "a.md", "b.md"])
    monkeypatch.chdir(tmp_path)
    assert checked_files(runner, "--exclude", "b.md", ".") == ["a.md"]


@fake
def test_standard_input_is_checked_whatever_its_name(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the way to check an excluded file on purpose, as docs/workflow.md says
    tree(tmp_path, ["drafts/d.md"])
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["check", "--stdin-filename", "drafts/d.md", "-"], input=SENTENCE, catch_exceptions=False)
    assert r.exit_code == 1 and r.stdout.startswith("drafts/d.md:1:19: ")


# -- every face that checks files by path honours it: the shared decision, document.left_out --


def test_left_out_matches_from_the_config_folder_however_the_path_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from normalize import document

    tree(tmp_path, ["docs/archive/x.md", "docs/y.md", "notes/drafts/e.md", "archive/top.md"])
    settings = config.load(tmp_path / "docs")
    monkeypatch.chdir(tmp_path / "docs")
    assert document.left_out("archive/x.md", settings) and document.left_out(tmp_path / "docs/archive/x.md", settings)
    assert document.left_out("../notes/drafts/e.md", settings)  # a glob without "/": any folder's name
    assert not document.left_out("y.md", settings) and not document.left_out("../archive/top.md", settings)
    assert not document.left_out("archive/x.md", config.Config())  # no config file: nothing is left out
    excludes = document.Exclusions()
    assert [excludes(p) for p in ("archive/x.md", "y.md", str(tmp_path / "drafts" / "d.md"))] == [True, False, True]


def test_a_config_that_does_not_load_leaves_nothing_out(tmp_path: Path) -> None:
    from normalize import document

    tree(tmp_path, ["drafts/d.md"], settings='exclude = ["drafts"]\nwords = 3\n')
    assert document.Exclusions()(tmp_path / "drafts" / "d.md") is False  # (its error comes at the check)


@fake
def test_the_batch_runner_leaves_out_what_the_config_excludes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.bag", reason="pip install 'normalize-prose[batch]'")
    from test_batch import _in_process

    from normalize import batch

    tree(tmp_path, ["docs/a.md", "docs/archive/old.md", "drafts/d.md", "b.md"])
    monkeypatch.chdir(tmp_path)
    assert [s.name for s in batch.sources(["docs"])] == ["a.md"]  # docs/archive/*: from the config's folder
    left: set[str] = set()
    assert [s.name for s in batch.sources(["**/*.md"], left)] == ["b.md", "docs/a.md"]  # a glob names files
    assert left == {str(tmp_path / "docs" / "archive" / "old.md"), str(tmp_path / "drafts" / "d.md")}
    monkeypatch.setattr(batch, "_client", _in_process)
    assert batch.main([".", "--out", "out", "--fix"]) == 1
    rows = [json.loads(line) for line in (tmp_path / "out" / batch.FINDINGS).read_text().splitlines()]
    assert [r["path"] for r in rows] == ["b.md", "docs/a.md"]
    assert sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out" / "fixed").rglob("*.md")) == [
        "fixed/b.md",
        "fixed/docs/a.md",
    ]
    said = "2 files, 2 left out by the config's exclude, 2 findings, 2 fixed copies, 0 errors -> "
    assert capsys.readouterr().err == f"{said}{Path('out', batch.FINDINGS)}\n"


@fake
def test_the_language_server_gives_no_diagnostics_for_what_the_config_excludes(tmp_path: Path) -> None:
    pytest.importorskip("pygls", reason="the lsp extra is not installed")
    from test_lsp import _server

    tree(tmp_path, [])
    (tmp_path / ".git").mkdir()
    ls = _server(tmp_path, tmp_path)
    for name, found in (("docs/archive/old.md", []), ("drafts/d.md", []), ("docs/a.md", ["Kmitry"])):
        uri = (tmp_path / name).as_uri()
        assert [f.text for f in ls.check_now(uri, SENTENCE, "markdown").findings] == found, name
    assert [f.text for f in ls.check_now("untitled:Untitled-1", SENTENCE, "text").findings] == ["Kmitry"]
