"""Case slips (normalize/casing.py): readings in the lexicon's casing, weighed by the model."""

from __future__ import annotations

import normalize
from normalize.casing import readings
from normalize.lexicon import load
from normalize.tokenize import words


def _fixes(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_a_shift_slip_is_fixed_with_its_evidence() -> None:
    report = normalize.check("Trade with RUssia grew.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement, finding.kind) == ("RUssia", "Russia", "place")
    assert [name for name, _, _ in finding.evidence] == ["case_shift"]


def test_an_english_word_keeps_the_capital_that_was_meant() -> None:
    assert _fixes("THe vote passed.") == [("THe", "The")]
    assert _fixes("Plural acronyms: IDs, TVs and CEOs.") == []


def test_a_lowercase_name_needs_the_texts_own_evidence() -> None:
    # the text writes Russia, and a preposition of place calls for a place: fixed
    assert _fixes("Russia said so; grain left russia by sea.") == []  # 'left' is no cue: suggested only
    assert _fixes("Russia said so; grain came from russia by sea.") == [("russia", "Russia")]
    # no such evidence: nothing at all
    assert normalize.check("grain came from russia by sea.").fixes == ()


def test_a_lowercase_word_the_text_repeats_is_deliberate() -> None:
    text = "Turkey hosted it. We ate turkey in Turkey, and turkey again, and turkey once more."
    assert _fixes(text) == []


def test_words_that_are_not_prose_are_not_read() -> None:
    lexicon = load()
    text = "See https://example.org/russia and @ukraine, in Russia."
    assert [r.text for r in readings(words(text), lexicon)] == []


def test_a_lowercase_first_word_of_a_name_is_read_with_the_rest_of_it() -> None:
    assert _fixes("Talks with north Korea stalled.") == [("north", "North")]
    assert _fixes("Talks with the north stalled.") == []
