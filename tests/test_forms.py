"""Spelling forms: folding of letters Unicode does not decompose, and romanization skeletons."""

from __future__ import annotations

import pytest

import normalize
from normalize.forms import fold, plain_apostrophes, shape, skeleton, unaccented
from normalize.lexicon import load


@pytest.mark.parametrize(
    "written, folded",
    [
        ("Erdoğan", "erdogan"),
        ("Bozkır", "bozkir"),
        ("Łukasz", "lukasz"),
        ("Bjørn", "bjorn"),
        ("Đilas", "dilas"),
        ("Dušan", "dusan"),
        ("Straße", "strasse"),
        ("Hækkerup", "haekkerup"),
        ("Guðni", "gudni"),
        ("Þór", "thor"),
        ("İstanbul", "istanbul"),
        ("Mourão", "mourao"),
        ("Sana’a", "sanaa"),
        ("Hawaiʻi", "hawaii"),
    ],
)
def test_fold_removes_accents_and_letter_variants(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_unaccented_keeps_letter_case_and_apostrophes() -> None:
    assert unaccented("Sana’a Łódź") == "Sana’a Lodz"
    written = ("Radosław", "ŁUKASZ", "STRAẞE", "Ærø", "Kyiv")
    assert [unaccented(w) for w in written] == ["Radoslaw", "LUKASZ", "STRASSE", "Aero", "Kyiv"]


def test_plain_apostrophes_keep_the_okina() -> None:
    assert plain_apostrophes("We’re d‘Ivoire Kyivʼs Hawaiʻi") == "We're d'Ivoire Kyiv's Hawaiʻi"


def test_q_and_k_are_romanizations_of_one_letter() -> None:
    assert skeleton("Miqati") == skeleton("Mikati")


def test_a_persons_name_is_listed_without_its_accents_too() -> None:
    lexicon = load()
    assert {"radoslaw", "bozkir", "husoy"} <= lexicon.name_index.keys()
    assert "radosław" in lexicon.name_index


@pytest.mark.parametrize(
    "text",
    [
        "Polish Foreign Minister Radoslaw Sikorski arrived in Kyiv.",
        "Volkan Bozkir, President of the General Assembly, opened the session.",
        "Norwegian State Secretary Kari Husoy joined Dan Jorgensen on the call.",
        "Serbian opposition leader Dragan Dilas met Knut Vollebaek.",
    ],
)
def test_a_name_written_without_its_letters_is_accepted(text: str) -> None:
    assert normalize.fix(text).fixes == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("putin", "lower"),
        ("3rd", "lower"),
        ("1990", "lower"),
        ("", "lower"),
        ("NATO", "upper"),
        ("G7", "upper"),
        ("Putin", "title"),
        ("O'Neill", "mixed"),
        ("'Abc", "title"),
        ("McFaul", "mixed"),
        ("iPhone", "mixed"),
        ("Zelenskyy's", "title"),
        ("Łukasz", "title"),
        ("ÆRØ", "upper"),
        ("ǅuro", "mixed"),
        ("漢字", "mixed"),
    ],
)
def test_shape_reads_the_letters_only(word: str, expected: str) -> None:
    """ASCII words are answered by str methods, others letter by letter: the same rule."""
    assert shape(word) == expected
