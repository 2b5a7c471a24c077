"""Acronym slips (normalize/acronym.py): an acronym in parentheses after the name it abbreviates."""

from __future__ import annotations

import normalize
from normalize.acronym import _name_before, explained, initials
from normalize.lexicon import load
from normalize.tokenize import words


def _fixes(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_an_acronym_one_slip_from_its_names_initials_is_fixed() -> None:
    assert _fixes("Funds went to the Food and Agriculture Organization (FAOI) for soil maps.") == [("FAOI", "FAO")]
    text = "She sat on the board of the Global Partnership for Forest Research (GPRF). GPFR funds labs."
    assert _fixes(text) == []  # its initials in another order: a liberty real acronyms take, never read as a slip
    text = "She sat on the board of the Coastal Science Research Institute (CSKI), which CSRI runs."
    (finding,) = normalize.check(text).fixes
    assert (finding.text, finding.replacement) == ("CSKI", "CSRI")
    assert "acronym_in_document" in [name for name, _, _ in finding.evidence]


def test_acronyms_that_take_liberties_with_the_initials_are_kept() -> None:
    text = (
        "The U.S. Agency for International Development (USAID), the President's Emergency Plan for AIDS "
        "Relief (PEPFAR), the Association of Southeast Asian Nations (ASEAN), the Centers for Disease "
        "Control and Prevention (CDC), the Fissile Material Cut-Off Treaty (FMCT) and the Nexus of Food, "
        "Water, and Energy (NWFE) met."
    )
    assert [f for f in normalize.check(text).findings if f.text.isupper()] == []


def test_an_acronym_real_text_uses_or_the_text_repeats_is_not_changed() -> None:
    # IFAD is a word of real text: the name before it may be spelled out wrongly
    assert _fixes("Grants of the International Fund for International Development (IFAD) rose.") == []
    # the text's own acronym, used again and again
    assert _fixes("The Coastal Science Research Institute (CSKI) grew; CSKI hired, and CSKI built labs.") == []


def test_the_name_before_the_parenthesis_and_its_readings() -> None:
    lexicon = load()
    text = "the Board on Science, Technology and Economic Policy (STEP) met"
    found = words(text)
    i = next(k for k, w in enumerate(found) if w.core == "STEP")
    name = _name_before(text, found, i)
    assert [unit for unit, _ in name][0] == "Board"
    assert "STEP" in initials(name)
    assert explained("STEP", name, lexicon)
    assert not explained("STPE", name, lexicon)
