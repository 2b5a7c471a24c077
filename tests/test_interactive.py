"""fix --interactive, answers fed through CliRunner's input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from normalize.cli import cli

TEXT = "Kremlin spokesman Kmitry Peskov spoke in Mariupl.\nKmitry Peskov left.\n"
fake = pytest.mark.usefixtures("fake_engine")


def review(runner: CliRunner, p: Path, answers: str, *extra: str) -> Result:
    return runner.invoke(cli, ["fix", "--interactive", *extra, str(p)], input=answers, catch_exceptions=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(TEXT)
    return p


@fake
def test_shows_context_reason_and_choices(runner: CliRunner, story: Path) -> None:
    r = review(runner, story, "n\nn\nn\n")
    assert f"{story}:1:19: person, confidence 0.97" in r.stdout
    assert "  Kremlin spokesman Kmitry Peskov spoke in Mariupl." in r.stdout
    assert "  why: stand-in engine" in r.stdout
    assert "  [1] Dmitry" in r.stdout and "  [1] Mariupol" in r.stdout
    assert story.read_text() == TEXT  # all skipped: nothing written
    assert r.exit_code == 0  # a human answered for each finding: none is left


@fake
def test_accept_skip_and_pick(runner: CliRunner, story: Path) -> None:
    r = review(runner, story, "y\n1\nn\n")
    assert r.exit_code == 0
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke in Mariupl", "Dmitry Peskov spoke in Mariupol")
    assert "3 findings, 2 fixed, 1 left to review" in r.stderr


@fake
def test_enter_takes_the_default(runner: CliRunner, story: Path) -> None:
    # Default: accept a fix-level finding, skip a suggestion.
    review(runner, story, "\n\n\n")
    assert story.read_text() == TEXT.replace("Kmitry", "Dmitry")


@fake
def test_type_your_own(runner: CliRunner, story: Path) -> None:
    review(runner, story, "e\nDmitri\nn\nn\n")
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke", "Dmitri Peskov spoke")


@fake
def test_invalid_answer_asks_again(runner: CliRunner, story: Path) -> None:
    r = review(runner, story, "7\nmaybe\ny\nn\nn\n")
    assert r.stdout.count("Answer y, n, a suggestion's number, e,") == 2
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke", "Dmitry Peskov spoke")


@fake
def test_quit_keeps_what_was_accepted_and_stops(runner: CliRunner, tmp_path: Path, story: Path) -> None:
    other = tmp_path / "z-other.txt"
    other.write_text(TEXT)
    r = review(runner, tmp_path, "y\nq\n")
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke", "Dmitry Peskov spoke")
    assert other.read_text() == TEXT  # never reached
    assert "1 file checked" in r.stderr


@fake
def test_end_of_input_is_quit(runner: CliRunner, story: Path) -> None:
    r = review(runner, story, "y\n")
    assert r.exit_code == 1 and "Traceback" not in r.stderr  # quit: the rest is left to review
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke", "Dmitry Peskov spoke")


@fake
def test_always_accept_writes_the_word_to_the_project_config(
    runner: CliRunner, tmp_path: Path, story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = pytest.importorskip("normalize.config")
    if not hasattr(config, "add_word"):
        pytest.skip("normalize.config has no add_word")
    conf = tmp_path / ".normalize.toml"
    conf.write_text('# house words\nwords = ["Zaporizhzhia"]  # keep\n')
    r = review(runner, story, "a\nn\n")
    assert f"'Kmitry' added to the words of {conf}" in r.stdout
    assert conf.read_text() == '# house words\nwords = ["Zaporizhzhia", "Kmitry"]  # keep\n'
    assert r.stdout.count("person, confidence") == 1  # the second Kmitry is not asked about
    assert story.read_text() == TEXT


@pytest.mark.parametrize("args", [["--diff", "x.txt"], ["-"], ["--format", "json", "x.txt"]])
def test_refused_combinations(runner: CliRunner, args: list[str]) -> None:
    r = runner.invoke(cli, ["fix", "--interactive", *args], input="")
    assert r.exit_code == 2 and "--interactive" in r.stderr


@fake
def test_always_accept_writes_a_config_that_governs_the_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a config, './.normalize.toml' was written in the current folder: it governed
    # nothing outside it, so the word was flagged again at the next check of the file.
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    story = tmp_path / "repo" / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text(TEXT)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    r = review(runner, story, "a\nn\n")
    conf = tmp_path / "repo" / ".normalize.toml"
    assert f"'Kmitry' added to the words of {conf}" in r.stdout
    assert conf.read_text() == 'words = ["Kmitry"]\n' and list(elsewhere.iterdir()) == []


@fake
def test_always_accept_writes_nothing_in_the_home_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(TEXT)
    r = review(runner, story, "a\nn\n")
    assert "'Kmitry' accepted for this run: no config governs" in r.stdout
    assert r.stdout.count("person, confidence") == 1  # (accepted for the rest of the run)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


@fake
def test_always_accept_that_cannot_be_written_keeps_the_other_answers(
    runner: CliRunner, story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A config that could not be written (a folder not writable) was an error for the whole
    # file: the fixes already accepted in it were not written.
    from normalize import config

    def refused(path: Path, word: str) -> None:
        raise config.ConfigError(f"{path}: cannot write config (Permission denied)")

    monkeypatch.setattr(config, "add_word", refused)
    r = review(runner, story, "y\na\n")
    assert "'Mariupl' accepted for this run: " in r.stdout and "cannot write config (Permission denied)" in r.stdout
    assert story.read_text() == TEXT.replace("Kmitry Peskov spoke", "Dmitry Peskov spoke")


@fake
def test_always_accept_writes_nothing_in_a_folder_every_user_may_write(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A story in /tmp (no repository, no config): a .normalize.toml there would govern every
    # file under /tmp, other users' included. The word is accepted for this run only.
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    story = shared / "story.txt"
    story.write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    r = review(runner, story, "a\nn\n")
    assert "'Kmitry' accepted for this run: no config governs" in r.stdout
    assert sorted(p.name for p in shared.iterdir()) == ["story.txt"]
