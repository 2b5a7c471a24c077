"""scripts/near_threshold.py's leave-out folds (accuracy.py's) and build_news_counts.py's counts of one document."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import load_script


def test_leave_out_reads_accuracy_s_news_folds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """--leave-out K puts in force, before each document, the table accuracy.NewsFolds gives it (the
    folds of accuracy.py --news-folds K), rows carry that fold, and the compiled counts come back."""
    import json

    from click.testing import CliRunner

    from benchmarks import accuracy
    from benchmarks.split import Doc
    from scripts import news_folds

    near = load_script("near_threshold")
    docs = [Doc(f"d{n}", "", "", "", "The goverment met on Monday.", "ungd") for n in range(3)]
    monkeypatch.setattr(near.split, "load", lambda part, corpus: docs)
    where = {("ungd", 1): 0, ("ungd", 2): 1}  # sentences written here; folds as news_folds.fold_tables gives them
    built: list[int] = []

    def build(folds: int, forget: Any) -> accuracy.NewsFolds:
        built.append(folds)
        return accuracy.NewsFolds(where, {0: "table 0", 1: "table 1"}, forget)

    used: list[Any] = []
    monkeypatch.setattr(accuracy.NewsFolds, "build", build)
    monkeypatch.setattr(news_folds, "use", used.append)
    out = tmp_path / "near.jsonl"
    result = CliRunner().invoke(near.main, [str(out), "--corpora", "ungd", "--leave-out", "2", "--clean-only"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert built == [2]
    assert [(r["n"], r["fold"], r["text"]) for r in rows] == [
        (0, -1, "goverment"),
        (1, 0, "goverment"),
        (2, 1, "goverment"),
    ]
    assert used == ["table 0", "table 1", None]


def test_doc_counts_count_words_and_the_pairs_only_a_space_parts() -> None:
    counts = load_script("build_news_counts")
    uni, pairs, triples = counts.doc_counts("The talks went on. The talks, in Geneva, ended 2 days later.")
    assert uni["talks"] == 2 and uni["the"] == 2
    assert pairs[("the", "talks")] == 2
    assert ("talks", "in") not in pairs  # a comma parts them
    assert ("ended", "days") not in pairs  # a number stands between
    assert triples == {("the", "talks", "went"): 1, ("talks", "went", "on"): 1}  # three words in a row


def test_doc_counts_count_each_sentences_first_word_after_the_boundary_which_precedes_no_word() -> None:
    counts = load_script("build_news_counts")
    uni, pairs, _ = counts.doc_counts("Yes, the talks went on. Then the talks ended.")
    assert uni["<s>"] == 2 and pairs[("<s>", "yes")] == 1 and pairs[("<s>", "then")] == 1
    assert ("<s>", "the") not in pairs and ("on", "then") not in pairs  # a full stop parts them
    rows = counts.rows(uni, pairs, Counter())
    assert "<s>\t2\t2\t0" in rows and "<s> yes\t1\t\t" in rows
    assert "yes\t1\t0\t0" in rows  # the boundary is no word's preceder: the other rows are as before


def test_rows_keep_triples_seen_twice_and_count_them_per_pair() -> None:
    counts = load_script("build_news_counts")
    rows = counts.rows(*counts.doc_counts("within two weeks; within two weeks; with two weeks"))
    assert "within two weeks\t2\t\t" in rows
    assert not any(r.startswith("with two weeks\t") for r in rows)  # seen once: left out
    assert "within two\t2\t1\t" in rows and "two weeks\t3\t\t1" in rows and "with two\t1\t\t" in rows


def test_near_bar_counts_clean_suggestions_that_nearly_reach_the_bar(capsys: pytest.CaptureFixture[str]) -> None:
    wrong = load_script("wrong_fixes")

    def row(where: str, action: str, sure: float, only: float = 0.0) -> dict[str, object]:
        features = {"~sure": sure, "~suggest_only": only}
        head = {"corpus": "lee", "where": where, "action": action, "features": features, "kind": "person"}
        return {
            **head,
            "text": "Klim",
            "top": "Kim",
            "n": 0,
            "confidence": 0.7,
            "weights": {},
            "before": "",
            "after": "",
        }

    rows = [
        row("clean", "suggest", 0.6),  # near the bar: counted
        row("clean", "suggest", 0.2),  # far below it
        row("clean", "suggest", 3.0, only=1.0),  # a compound or variant: never a fix
        row("typos", "suggest", 0.9),  # a typo's finding, not clean copy
        row("clean", "fix", 1.2),  # a change, counted above
    ]
    wrong._near_bar(rows, False)
    out = capsys.readouterr().out
    assert "not suggest-only): 1" in out
    assert "lee: 1; kind {'person/capital': 1}" in out
