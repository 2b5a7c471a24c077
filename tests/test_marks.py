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
