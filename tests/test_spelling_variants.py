"""Correct spellings of listed names stay: another listed spelling of the same place is no
fix of it without spelling evidence (decide._spelling_evidence), a town beside a place of its
own country is no country one slip away (features.own_place_list), and a romanization one
vowel off a listed one that no text uses is a suggestion (decide._unseen_vowel_romanization)."""

from __future__ import annotations

import normalize
from normalize import features
from normalize.lexicon import load
from normalize.tokenize import words


def _fixes(text: str) -> dict[str, str | None]:
    return {f.text: f.replacement for f in normalize.check(text).findings}


def test_another_listed_spelling_of_the_same_town_is_no_fix() -> None:
    # (the gazetteer's main name: news copy writing Berdyansk does not overrule it)
    assert _fixes("The ferry service from Berdiansk resumed after the storm.").get("Berdiansk") is None
    assert _fixes("Barges loaded with sunflower oil waited at Izmail for a week.").get("Izmail") is None


def test_a_listed_variant_news_copy_never_writes_goes_to_the_main_name() -> None:
    assert _fixes("The council of Mykolayiv voted to repair the bridge.")["Mykolayiv"] == "Mykolaiv"


def test_the_spelling_the_text_uses_elsewhere_is_still_imposed() -> None:
    text = "Shelling hit Mykolayiv again, the governor of Mykolaiv region said."
    assert _fixes(text)["Mykolayiv"] == "Mykolaiv"


def test_a_foreign_spelling_english_writes_far_less_is_still_fixed() -> None:
    assert _fixes("Pilgrims travelled to Jerusalen for Easter.")["Jerusalen"] == "Jerusalem"


def test_a_town_in_a_range_with_a_town_of_its_country_is_no_country() -> None:
    assert _fixes("Holidaymakers drove from Alushta to Sudak along the coast.").get("Sudak") is None


def test_a_town_beside_places_of_other_countries_is_still_read_as_the_country() -> None:
    assert _fixes("Aid convoys crossed from Chad into Sudak last week.")["Sudak"] == "Sudan"


def test_a_range_of_places_pairs_its_two_ends() -> None:
    for text, end in (
        ("They drove from Alushta to Sudak in June.", "Alushta"),
        ("They drove from Sudak to Alushta in June.", "Alushta"),
        ("Ferries ran between Sudak and Yalta all summer.", "Yalta"),
    ):
        found = words(text)
        i = next(k for k, w in enumerate(found) if w.core == "Sudak")
        assert [found[j].core for j in features.range_items(found, i)] == [end], text
    found = words("Exports from Sudak fell in June.")
    assert list(features.range_items(found, 2)) == []


def test_places_share_a_country_by_their_listings() -> None:
    lexicon = load()
    assert features.place_countries("sudak", lexicon) & features.place_countries("alushta", lexicon)
    assert not features.place_countries("irun", lexicon) & features.place_countries("hendaye", lexicon)


def test_a_press_romanization_one_vowel_off_is_a_suggestion() -> None:
    text = "Libyan Prime Minister Abdul Hamid Dbeibah met oil executives in Tripoli on Sunday."
    (finding,) = [f for f in normalize.check(text).findings if f.text == "Dbeibah"]
    assert finding.replacement is None and finding.suggestions[0] == "Dbeibeh"
    assert _fixes("Rice yields rose in Xiengkhouang and Luang Prabang this year.").get("Xiengkhouang") is None


def test_a_vowel_of_its_own_in_a_name_of_a_script_that_writes_vowels_is_a_slip() -> None:
    text = "Farmers in Paro asked Prime Minister Tshering Tobgey about rice prices."
    assert _fixes(text)["Tobgey"] == "Tobgay"
