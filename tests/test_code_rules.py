"""Rules of the code that the suite can check: the project keeps every function of normalize/
at 60 lines or fewer, its value types (normalize/types.py) import nothing of the package
when loaded, and the decision core imports nothing of the layers above it."""

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


# The decision core: the lexicon, the candidates and what decides between them. It takes its
# data from the compiled lexicon and the model, never from the rules, the engine, the
# configuration or the front ends above it (context.romanization_lean read the house style's
# TSV through rules/style.py, at run time, until the rows were compiled).
CORE = frozenset(
    "bound candidates casing context decide derive edits errors features forms lexicon mapped model"
    " pieces runon settle shape spacing tally tokenize types".split()
)


def test_the_decision_core_imports_nothing_above_it() -> None:
    """(Imports inside functions too: a late import is still a dependency.)"""
    above = []
    for name in sorted(CORE - {"types"}):  # (whose Report imports apply and render when called)
        for node in ast.walk(ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "normalize":
                modules = [f"normalize.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            above += [f"{name}: {m}" for m in modules if m.split(".")[0] == "normalize" and m.split(".")[1] not in CORE]
    assert not above
