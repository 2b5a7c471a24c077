"""Slips in officials' names as copy writes them: a leader listed only in full written short
(first word and surname), and a fix that keeps the accents the writer uses. Sentences written
for these tests (names45), none copied from any corpus."""

from __future__ import annotations

import pytest

from normalize import document
from normalize.context import short_names


def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


@pytest.mark.parametrize(
    ("parts", "short"),
    [
        (["Javier", "Gerardo", "Milei"], [["javier", "milei"]]),
        (["Luiz", "Inácio", "Lula", "da", "Silva"], [["luiz", "da", "silva"], ["luiz", "lula"]]),
        (["Nayib", "Armando", "Bukele", "Ortez"], [["nayib", "ortez"], ["nayib", "bukele"]]),
        (["Ursula", "von", "der", "Leyen"], []),  # only particles between: the name in full
        (["Joe", "Biden"], []),
        (["Moon", "Jae", "in"], []),  # the words of Moon Jae-in
        (["Benigno", "Aquino", "III"], []),
        (["Philippe", "I", "of", "Belgium"], []),
    ],
)
def test_a_short_name_keeps_the_first_word_and_a_surname(parts: list[str], short: list[list[str]]) -> None:
    assert short_names(parts) == short


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (
            "Argentine voters backed Javier Mieli in the runoff, official results showed.",
            "Argentine voters backed Javier Milei in the runoff, official results showed.",
        ),
        (
            "Ghana's president, John Mahmaa, opened the new port in Tema on Monday.",
            "Ghana's president, John Mahama, opened the new port in Tema on Monday.",
        ),
        (
            "El Salvador's president, Nayib Bukeel, spoke at the summit in San Salvador.",
            "El Salvador's president, Nayib Bukele, spoke at the summit in San Salvador.",
        ),
    ],
)
def test_a_slip_in_a_name_written_short_is_fixed(typed: str, meant: str) -> None:
    assert fixed(typed) == meant


def test_a_name_written_short_stays_as_written() -> None:
    text = "Javier Milei met John Mahama and Bola Tinubu in Accra to talk about trade."
    assert fixed(text) == text


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
