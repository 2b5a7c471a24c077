"""Run-on words with a capital (normalize/runon.py): one word read as two, weighed by the model."""

from __future__ import annotations

import normalize


def _fixes(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_a_word_run_into_a_name_is_cut_before_the_capital_with_its_evidence() -> None:
    report = normalize.check("Sanctions againstRussia's partners were extended.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement) == ("againstRussia", "against Russia")
    assert {name for name, _, _ in finding.evidence} >= {"runon_word", "runon_camel", "runon_halves"}
    assert report.fixed == "Sanctions against Russia's partners were extended."


def test_a_name_run_into_a_word_needs_the_name_alone_in_the_text() -> None:
    assert _fixes("Moscow hosted it; the envoy left Moscowyesterday.") == [("Moscowyesterday", "Moscow yesterday")]
    assert ("Moscowyesterday", "Moscow yesterday") not in _fixes("The envoy left Moscowyesterday.")


def test_a_fixed_run_on_is_not_also_read_as_a_misspelled_name() -> None:
    report = normalize.check("Oslo hosted it. Talks in Osloon Monday ended.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Osloon", "Oslo on")]


def test_fixing_twice_is_fixing_once() -> None:
    once = normalize.fix("Aid fromGermany and ourPolish partners.").fixed
    assert once == "Aid from Germany and our Polish partners."
    assert normalize.fix(once).fixed == once


def test_brands_particles_and_demonyms_stay() -> None:
    for text in (
        "Shares of BlackRock, TikTok and eBay rose.",
        "Tony deBrum spoke.",
        "Djibouti said Djiboutian territory hosts it.",
        "Qatar said the Qataris agree.",
    ):
        assert normalize.check(text).fixes == (), text
