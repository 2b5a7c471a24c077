"""Slips in officials' names as copy writes them: a fix that keeps the accents the writer uses.
Sentences written for these tests (names45), none copied from any corpus."""

from __future__ import annotations

from normalize import document


def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


def test_a_fix_keeps_the_accents_the_text_writes() -> None:
    text = (
        "Viktor Orbán flew to Brussels on Monday. Officials said Viktor Orbna would meet the "
        "commission's president, and Orbán later called the talks useful."
    )
    assert fixed(text) == text.replace("Orbna", "Orbán")


def test_a_plain_fix_where_the_text_writes_the_name_plain() -> None:
    text = "Viktor Orban flew to Brussels on Monday. Officials said Viktor Orbna would meet them."
    assert fixed(text) == text.replace("Orbna", "Orban")


def test_a_fix_keeps_the_accents_of_the_typed_word() -> None:
    text = "Lithuania's prime minister, Inga Ruginienėe, said the budget would pass."
    assert fixed(text) == text.replace("Ruginienėe", "Ruginienė")
