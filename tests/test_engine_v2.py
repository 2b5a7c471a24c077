"""Golden cases of issue 12, by class of failure on unseen copy (tests/cases/engine_v2.json).

A case without ``output`` is correct copy: no fix, the text unchanged. A case with
``output`` is misspelled: the fixed text must equal it. Cases marked ``open`` are
not passed yet; they run as strict xfails, so one that starts passing fails here
until its mark is removed. ``python tests/cases/tally.py`` prints the score per class.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import normalize

GOLDEN = json.loads((Path(__file__).parent / "cases" / "engine_v2.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = GOLDEN["cases"]


def _param(case: dict[str, Any]) -> Any:
    kind = "typo" if "output" in case else "control"
    marks = [pytest.mark.xfail(strict=True, reason="open: not passed yet")] if case.get("open") else []
    return pytest.param(case, id=f"{case['class']}-{kind}-{case['input'][:40]}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    report = normalize.fix(case["input"])
    if "output" in case:
        assert report.fixed == case["output"]
    else:
        assert [(f.text, f.replacement) for f in report.fixes] == []
        assert report.fixed == case["input"]


def test_every_class_has_ten_controls_and_ten_typos() -> None:
    for cls in GOLDEN["classes"]:
        of_class = [c for c in CASES if str(c["class"]) == cls]
        assert sum("output" not in c for c in of_class) >= 10, cls
        assert sum("output" in c for c in of_class) >= 10, cls


def test_cases_are_unique_and_typos_change_something() -> None:
    inputs = [c["input"] for c in CASES]
    assert len(inputs) == len(set(inputs))
    assert all(c["output"] != c["input"] for c in CASES if "output" in c)


@pytest.mark.parametrize("sentence", ["You’re", "We’re", "It’ll", "you’ve", "Hawai’i", "secur- ity"])
def test_issue_examples_are_in_the_golden_file(sentence: str) -> None:
    assert any(sentence in c["input"] for c in CASES)
