"""Project configuration through the command line: discovery, --config, --style, gazetteer import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from normalize.cli import cli


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _json(output: str) -> list[dict]:
    return json.loads(output)["findings"]


def test_style_turns_variants_into_fixes(runner: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The delegation flew from Kiev to Kharkov on Monday.\n", encoding="utf-8")
    plain = runner.invoke(cli, ["check", str(story)])
    assert plain.exit_code == 0, plain.output
    styled = runner.invoke(cli, ["check", "--style", "ukrainian", "--format", "json", str(story)])
    assert styled.exit_code == 1
    found = {(f["text"], f["replacement"], f["kind"]) for f in _json(styled.stdout)}
    assert {("Kiev", "Kyiv", "style"), ("Kharkov", "Kharkiv", "style")} <= found


def test_discovered_config_ignores_words(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".normalize.toml").write_text('ignore = ["Kmitry"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Kremlin spokesman Kmitry Peskov said so.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(story)])
    assert result.exit_code == 0, result.output


def test_unknown_config_key_is_one_line_naming_the_closest_key(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('styel = "ukrainian"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Kremlin spokesman Kmitry Peskov said so.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "--config", str(bad), str(story)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("normalize: error")]
    assert len(lines) == 1 and "styel" in lines[0] and "style" in lines[0]


def test_project_words_are_accepted(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.normalize]\nwords = ["goverment"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The goverment met on Tuesday.\n", encoding="utf-8")
    assert runner.invoke(cli, ["check", str(story)]).exit_code == 0
    story.write_text("The governmnet met on Tuesday.\n", encoding="utf-8")
    assert runner.invoke(cli, ["check", str(story)]).exit_code == 1


def test_imported_gazetteer_names_are_known_and_fixed(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "people.csv"
    source.write_text(
        "name,aliases,description,id\nMarta Quillfeather,,Mayor of Northbridge,local:1\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["gazetteer", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".normalize.toml").exists()
    story = tmp_path / "story.txt"
    story.write_text("Mayor Marta Quillfeathr opened the bridge.\n", encoding="utf-8")
    result = runner.invoke(cli, ["fix", "--diff", str(story)])
    assert "+Mayor Marta Quillfeather opened the bridge." in result.output


def test_opt_in_rule_from_config(runner: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The caf\u00c3\u00a9 reopened on Monday.\n", encoding="utf-8")
    assert runner.invoke(cli, ["check", str(story)]).exit_code == 0
    (tmp_path / ".normalize.toml").write_text('rules = ["mojibake"]\n', encoding="utf-8")
    result = runner.invoke(cli, ["fix", str(story)])
    assert result.exit_code == 0  # the one finding was a fix, and it was written
    assert story.read_text(encoding="utf-8") == "The caf\u00e9 reopened on Monday.\n"
