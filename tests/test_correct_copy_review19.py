"""Correct copy written by stop 42's reviewer (review19; none copied from any corpus).

tests/cases/correct_copy_review19.txt, one sentence a line: obituaries, weather and climate, courts and
police, local government and elections, farming, medicine and drugs, religion, arts reviews, travel,
recipes and world food, technology and product names, officials and places of Asia, Africa, Latin America
and the Middle East as the press writes them, past leaders and their other press spellings, old names and
exonyms of places, numbers, en-GB spellings, typographic quotes and apostrophes, rare surnames, firms and
small towns at a sentence's start, foreign phrases, dialect, farm, trade and church words, new compounds
(robotaxis, sportswashing).

tests/cases/correct_copy_review19_texts.txt, one short text a line (mostly two sentences), where a name or word
of one sentence is a letter or two from a rare name or word of the other (Kim Jong Un and Dong Jun, Burna
Boy and Burma, Osh and Oh): the text's own words must not pull the rare one towards them.

Each must come back unchanged, as tests/test_correct_copy.py asks of review17's and review18's copy.
Those that main changed at the review (tests/cases/correct_copy_review19_changed.tsv: the line, a tab, the
fixes made and the sha) run as strict xfails, so one that starts passing fails here until its row is
removed; every other line is a control."""

from __future__ import annotations

from pathlib import Path

import pytest

import normalize

CASES = Path(__file__).parent / "cases"
SENTENCES = (CASES / "correct_copy_review19.txt").read_text(encoding="utf-8").splitlines()
TEXTS = (CASES / "correct_copy_review19_texts.txt").read_text(encoding="utf-8").splitlines()
_ROWS = (CASES / "correct_copy_review19_changed.tsv").read_text(encoding="utf-8").splitlines()
CHANGED19 = dict(row.split("\t") for row in _ROWS if row)


def _param(text: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"review19 defect: {CHANGED19[text]}")] if text in CHANGED19 else []
    return pytest.param(text, id=text[:50], marks=marks)


def test_every_changed_line_is_in_a_cases_file() -> None:
    assert set(CHANGED19) <= set(SENTENCES) | set(TEXTS)
    assert len(SENTENCES) == len(set(SENTENCES)) >= 2200
    assert len(TEXTS) == len(set(TEXTS)) >= 120


@pytest.mark.parametrize("text", [_param(line) for line in SENTENCES + TEXTS])
def test_correct_copy_is_unchanged(text: str) -> None:
    report = normalize.fix(text)
    assert [(f.text, f.replacement) for f in report.fixes] == []
    assert report.fixed == text
