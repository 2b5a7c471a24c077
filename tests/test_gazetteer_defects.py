"""Defects of the sources that the people build repairs (scripts/dict_people.py): words of the
Factbook text glued to a name, one source's slip beside the spelling the others use, and a
Wikidata label a reviewed curated row corrects."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, load_script

import normalize.engine

PEOPLE = ROOT / "dictionaries" / "people.tsv"


@pytest.fixture(scope="module")
def people_script() -> Any:
    scripts = str(ROOT / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)  # the build scripts import each other as top-level modules
    return load_script("dict_people")


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    with open(PEOPLE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def spellings(row: dict[str, str]) -> list[str]:
    return [row["name"]] + [v for v in row["variants"].split("|") if v]


def test_a_party_glued_to_a_name_by_a_missing_parenthesis_is_cut_off(people_script: Any) -> None:
    unglued = people_script._unglued
    excerpt = "percent of vote - Amir Hossein KARIMI Reform and Hope Party) 52.1%, Reza NADERI (Unity) 40%"
    assert unglued("Amir Hossein KARIMI Reform", excerpt, "Iran") == "Amir Hossein KARIMI"
    assert unglued("Rustam NAZAROV APT", "Rustam NAZAROV APT) 7%, other 3%", "Tajikistan") == "Rustam NAZAROV"
    # the parenthesis opened before the name: its words are the name's own
    assert unglued("TUANKU Ahmad FARIS Putra", "(TUANKU Ahmad FARIS Putra) (since 2016)", "Malaysia") == (
        "TUANKU Ahmad FARIS Putra"
    )
    # the word before the parenthesis is outside the name: no name is left without it
    assert unglued("Omar Sidi el HAMADI", "Omar Sidi el HAMADI independent) 12.8%", "Mauritania") == (
        "Omar Sidi el HAMADI"
    )
    # a date is no party
    assert unglued("Ana Maria PEREZ Lopez", "Ana Maria PEREZ Lopez resigned on 9 May 2024)", "Peru") == (
        "Ana Maria PEREZ Lopez"
    )


def test_a_country_glued_before_a_name_is_cut_off(people_script: Any) -> None:
    unglued = people_script._unglued
    assert unglued("Fiji GEORGE III", "King of Fiji GEORGE III (since 1990)", "Fiji") == "GEORGE III"
    assert unglued("Fiji Sitiveni RABUKA", "Fiji Sitiveni RABUKA", "Fiji") == "Sitiveni RABUKA"
    assert unglued("Georgia SMITH", "Governor Georgia SMITH", "Georgia") == "Georgia SMITH"  # two words: her name


def test_a_party_or_a_sentence_taken_for_a_name_is_no_name(people_script: Any) -> None:
    unglued = people_script._unglued
    excerpt = "percent of vote - Ali DIALLO (PNDS) 40%, Musa KANE (MNRD/Tarka Hope) 17.8%, other 3%"
    assert unglued("Musa KANE", excerpt, "Niger") == "Musa KANE"
    assert unglued("Tarka Hope", excerpt, "Niger") == ""
    assert unglued("ACT Fiji", "the coalition includes the ACT Fiji party", "Fiji") == "ACT Fiji"  # two words
    assert unglued("UNITED Party of Fiji", "the UNITED Party of Fiji won", "Fiji") == ""
    assert unglued("PARK Il Son as Eternal", "lists PARK Il Son as Eternal President", "North Korea") == "PARK Il Son"


def test_people_tsv_has_no_party_or_country_glued_to_a_name(people: list[dict[str, str]]) -> None:
    names = {s for r in people for s in spellings(r)}
    assert "Hasan Fereidun Ruhani" in names and "Ismoil Talbakov" in names
    glued = {
        "Hasan Fereidun Ruhani Moderation",
        "Ismoil Talbakov Cpt",
        "Australia Elizabeth II",
        "Kim Jong Il as Eternal",
    }
    parties = {"Fa Lumana Africa", "Rdr Tchanji", "Act New Zealand", "Kpv Lv", "Apb Súmate"}
    assert not names & (glued | parties)


def test_one_slip_of_a_source_beside_a_wikidata_name_or_the_better_attested_one(people_script: Any) -> None:
    def zipf(word: str) -> float:
        return {"stone": 5.0, "stonne": 0.0, "lukas": 2.0}.get(word, 0.0)

    one_slip = people_script._one_slip
    borne = {"obradovic", "stone"}
    # a word no text writes, one slip from a Wikidata name's
    assert one_slip(("ana", "obradovc"), ("ana", "obradovic"), borne, zipf, (2, 1))
    # two spellings only the Factbook has: the one it writes twice as often
    assert one_slip(("ivo", "makrani"), ("ivo", "makarni"), borne, zipf, (1, 2))
    assert not one_slip(("ivo", "makrani"), ("ivo", "makarni"), borne, zipf, (2, 3))
    # text writes the other word ten times as often
    assert one_slip(("jon", "stonne"), ("jon", "stone"), set(), zipf, (1, 1))
    # a German letter written out is no slip (Koestinger, Köstinger)
    assert not one_slip(("eva", "broeckl"), ("eva", "brockl"), {"brockl"}, zipf, (1, 3))
    # a vowel the Factbook writes more often than Wikidata does is a romanization (Droupadi)
    assert not one_slip(("droupadi", "soren"), ("draupadi", "soren"), {"draupadi"}, zipf, (5, 2))


def test_cia_spells_by_a_system_of_its_own(people_script: Any) -> None:
    def zipf(word: str) -> float:
        return {"yitzhak": 2.5}.get(word, 0.0)

    one_slip = people_script._one_slip
    borne = {"massimov", "ardakanian", "little", "isaac", "marwan"}
    assert one_slip(("andrew", "litlle"), ("andrew", "little"), borne, zipf, (1, 3), True)
    assert one_slip(("omar", "marawan"), ("omar", "marwan"), borne, zipf, (1, 3), True)
    assert not one_slip(("karim", "masimov"), ("karim", "massimov"), borne, zipf, (1, 3), True)
    assert not one_slip(("reza", "ardekanian"), ("reza", "ardakanian"), borne, zipf, (1, 3), True)
    # a word the CIA shares with text is its spelling, not a slip
    assert not one_slip(("yitzhak", "katz"), ("yitzchak", "katz"), {"yitzchak"}, zipf, (1, 3), True)


def test_one_person_one_spelling_where_a_source_slipped(people: list[dict[str, str]]) -> None:
    by_name = {s: r for r in people for s in spellings(r)}
    for slip, right in [
        ("Paul Mashsatile", "Paul Mashatile"),
        ("Abdallah Handouk", "Abdallah Hamdouk"),
        ("Andrew Litlle", "Andrew Little"),
        ("Nikos Christodoulids", "Nikos Christodoulidis"),
    ]:
        assert slip not in by_name, slip
        assert right in by_name, right
    # spellings of a system, not slips: both stay
    assert {"Elisabeth Koestinger", "Elisabeth Köstinger", "Droupadi Murmu", "Karim Masimov"} <= by_name.keys()


def test_a_curated_row_corrects_a_wikidata_label_one_slip_off(people: list[dict[str, str]]) -> None:
    (row,) = [r for r in people if r["id"] == "Q77897101"]
    assert row["name"] == "Vinay Mohan Kwatra"
    assert not [s for s in spellings(row) if "Kwarta" in s]
    assert "wikidata" in row["sources"].split("|") and "curated" in row["sources"]


def test_the_corrected_name_is_the_fix() -> None:
    text = "India's Foreign Secretary Vinay Kwarta met the ambassador on Monday.\n"
    report = normalize.engine.default().check(text)
    assert {(f.text, f.replacement) for f in report.findings} == {("Kwarta", "Kwatra")}
    clean = "India's Foreign Secretary Vinay Kwatra met the ambassador on Monday.\n"
    assert normalize.engine.default().check(clean).findings == ()


def test_a_slip_of_the_factbook_is_fixed_not_accepted() -> None:
    text = "South Africa's Deputy President Paul Mashsatile spoke in Pretoria on Monday.\n"
    report = normalize.engine.default().check(text)
    assert [(f.text, f.replacement) for f in report.findings] == [("Mashsatile", "Mashatile")]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([str(Path(__file__))]))
