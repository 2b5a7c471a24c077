"""scripts/near_threshold.py's leave-out folds and scripts/build_news_counts.py's counts of one document."""

from __future__ import annotations

import pytest
from conftest import load_script


def test_folds_read_the_first_documents_with_the_shipped_counts_and_part_the_rest() -> None:
    near = load_script("near_threshold")
    docs = {"a": list(range(83)), "b": list(range(90))}
    order = near._folds(docs, 3)
    assert order[0] == (-1, [*(("a", n) for n in range(80)), *(("b", n) for n in range(80))])
    rest = [key for fold, keys in order[1:] for key in keys]
    assert sorted(rest) == sorted([("a", n) for n in range(80, 83)] + [("b", n) for n in range(80, 90)])
    assert all(n % 3 == fold for fold, keys in order[1:] for _, n in keys)


def test_keys_find_as_a_key_table_does() -> None:
    near = load_script("near_threshold")
    keys = near._Keys(["of the", "the war"])
    assert (keys.find("the war"), keys.find("of the"), keys.find("war of")) == (1, 0, -1)


def test_doc_counts_count_words_and_the_pairs_only_a_space_parts() -> None:
    counts = load_script("build_news_counts")
    uni, pairs, triples = counts.doc_counts("The talks went on. The talks, in Geneva, ended 2 days later.")
    assert uni["talks"] == 2 and uni["the"] == 2
    assert pairs[("the", "talks")] == 2
    assert ("talks", "in") not in pairs  # a comma parts them
    assert ("ended", "days") not in pairs  # a number stands between
    assert triples == {("the", "talks", "went"): 1, ("talks", "went", "on"): 1}  # three words in a row


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
