"""Rules of the code that the suite can check: the project keeps every function of normalize/
at 60 lines or fewer, and its value types (normalize/types.py) import nothing of the package
when loaded."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "normalize"
MAX_LINES = 60


def test_every_function_of_the_package_has_at_most_60_lines() -> None:
    """Two grew past it unnoticed in one stop (features.word_features 62, lsp.create_server 63)."""
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}: {lines} lines")
    assert not long


def test_the_value_types_import_nothing_of_the_package_when_loaded() -> None:
    """(Report.fixed and Report.diff import apply and render when called, as the front ends do.)"""
    tree = ast.parse((PACKAGE / "types.py").read_text(encoding="utf-8"))
    modules = [node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)]
    modules += [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]
    assert "dataclasses" in modules and not [m for m in modules if m.split(".")[0] == "normalize"]
