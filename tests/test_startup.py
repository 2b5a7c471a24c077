"""What a ``check`` of one plain file loads (issue 13): start-up is most of what a
pre-commit hook spends on a short file, so the parts of other faces and of other
modes (a config file's parser, diffs, the interactive review) are imported only when a run uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."
# Imported only by the runs that use them: a config file, --diff, --interactive, a long text.
LAZY = ("tomllib", "tomli", "difflib", "normalize.review", "hashlib")

RUN = """
import json, sys
from normalize.cli import main
sys.argv = ["normalize", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    code = e.code
print(json.dumps({"exit": code, "loaded": sorted(sys.modules)}))
"""


def _run(folder: Path, *args: str) -> tuple[list[str], dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NORMALIZE_", "XDG_"))}
    env["HOME"] = str(folder)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    *out, last = done.stdout.splitlines()
    return out, json.loads(last)


def _repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # config discovery stops here
    (tmp_path / "news.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    return tmp_path


def test_check_without_a_config_loads_no_parser_diff_or_review(tmp_path: Path) -> None:
    folder = _repository(tmp_path)
    out, run = _run(folder, "check", "news.txt")
    assert out == ["news.txt:1:19: person 'Kmitry' -> 'Dmitry' (0.99)"]
    assert run["exit"] == 1
    assert [m for m in LAZY if m in run["loaded"]] == []  # type: ignore[operator]


def test_a_config_file_and_a_diff_load_what_they_need(tmp_path: Path) -> None:
    folder = _repository(tmp_path)
    (folder / ".normalize.toml").write_text('words = ["Kmitry"]\n', encoding="utf-8")
    out, run = _run(folder, "check", "news.txt")
    assert out == [] and run["exit"] == 0  # the config was read: its word is accepted
    (folder / ".normalize.toml").unlink()
    out, run = _run(folder, "fix", "--diff", "news.txt")
    assert f"+{SENTENCE.replace('Kmitry', 'Dmitry')}" in out
    assert "difflib" in run["loaded"]  # type: ignore[operator]
