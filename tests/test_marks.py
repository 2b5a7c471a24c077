"""The suite's own marks: a mark on a helper marks nothing."""

from __future__ import annotations

import ast
from pathlib import Path


def test_marks_decorate_tests() -> None:
    """``@pytest.mark.slow`` above a helper is silently ignored: b9477d3 put a helper between
    the mark and its test, and test_jobs_give_the_output_of_one_job ran in the quick tier."""
    misplaced = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("test"):
                marks = [ast.unparse(d) for d in node.decorator_list if ast.unparse(d).startswith("pytest.mark.")]
                misplaced += [f"{path.name}:{node.lineno} {node.name}: {m}" for m in marks]
    assert not misplaced


def test_ci_runs_the_readme_test_command_with_what_it_needs() -> None:
    """.ci/run runs the README's test command (a clean clone, nothing installed by hand), and the
    plugin its ``-n auto`` asks for is a test extra: without pytest-xdist, pytest stops at once."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8").split("```sh\n")
    command = readme[2].split("```", 1)[0].strip()  # the second block: "Run the tests"
    assert "-m pytest" in command and command in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    if " -n " in f"{command} ":
        assert any(d.startswith("pytest-xdist") for d in extras["test"])
