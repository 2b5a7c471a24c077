"""House-style, confusables and case-usage data tested like code: sorted, unique, NFC, traceable, never circular."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from normalize.rules.style import available

DICT = Path(__file__).resolve().parents[1] / "dictionaries"


def rows(name: str) -> list[dict[str, str]]:
    with open(DICT / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_ukrainian_style_is_shipped() -> None:
    assert "ukrainian" in available()


@pytest.mark.parametrize("name", ["style_ukrainian.tsv"])
def test_style_rows(name: str) -> None:
    data = rows(name)
    variants = [r["variant"] for r in data]
    assert variants == sorted(variants) and len(set(variants)) == len(variants)
    preferred = {r["preferred"] for r in data}
    for r in data:
        assert r["variant"] != r["preferred"] and r["variant"] not in preferred
        assert r["source"] and r["category"]
        assert all(unicodedata.is_normalized("NFC", v) for v in r.values())
    by_variant = {r["variant"]: r["preferred"] for r in data}
    assert by_variant["Kiev"] == "Kyiv" and by_variant["Kharkov"] == "Kharkiv"
    assert by_variant["Zelensky"] == "Zelenskyy" and by_variant["Oleksiy"] == "Oleksii"
    assert "Vladimir" not in by_variant and "Alexey" not in by_variant and "Luck" not in by_variant


def test_confusables_rows() -> None:
    data = rows("confusables.tsv")
    chars = [r["char"] for r in data]
    assert chars == sorted(chars, key=ord) and len(set(chars)) == len(chars)
    for r in data:
        assert r["latin"].isascii() and r["latin"].isupper() == r["char"].isupper()
        assert unicodedata.name(r["char"]) == r["name"] and "confusables" in r["source"]
    assert {r["char"]: r["latin"] for r in data}["\u0441"] == "c"


def test_case_usage_rows() -> None:
    data = rows("case_usage.tsv")
    words = [r["word"] for r in data]
    assert words == sorted(words) and len(set(words)) == len(words)
    assert all(w.islower() and unicodedata.is_normalized("NFC", w) for w in words)
    assert all(r["capitalized"] or r["upper"] for r in data)  # each row has one column or both
    odds = {r["word"]: float(r["capitalized"]) for r in data if r["capitalized"]}
    # names English writes only capitalized, against words English writes lowercase too
    assert min(odds["germany"], odds["ukraine"], odds["moscow"], odds["biden"]) > 1.0
    assert min(odds.values()) > 0.5  # English writes each capitalized more than three times in four
    assert not {"turkey", "may", "bill", "march"} & odds.keys()  # English words as often lowercase
    assert odds["china"] < odds["germany"]
    # acronyms: English writes them in capitals ten times as often as otherwise (UK, DPRK; not Xi, Un)
    upper = {r["word"]: float(r["upper"]) for r in data if r["upper"]}
    assert min(upper.values()) > 1.0 and upper["uk"] > 1.0 and upper["dprk"] > 1.0
    assert not {"xi", "un", "us", "germany"} & upper.keys()


def test_the_compiled_romanizations_are_the_style_tables_places() -> None:
    """The engine reads the romanization a text writes its places in (context.romanization_lean)
    from the compiled file, not from the style's TSV: the rows compiled are those of the places of
    style_ukrainian.tsv, as the style rule reads them, in their order."""
    from normalize.context import romanizations
    from normalize.lexicon import ROMANIZED_CATEGORIES, load
    from normalize.rules.style import load_style

    places = [(p.variant, p.preferred) for p in load_style("ukrainian") if p.category in ROMANIZED_CATEGORIES]
    compiled = load()
    assert list(compiled.romanized) == places
    assert len(compiled.romanized) == len(places) and compiled.romanized[0] == places[0]
    preferred, variants = romanizations(compiled)
    assert {"Kyiv", "Kharkiv", "Odesa"} <= preferred and {"Kiev", "Kharkov", "Odessa"} <= variants
    assert not preferred & variants and "Zelensky" not in variants  # (a person's name: not a place)
    assert romanizations(compiled.copy()) == (preferred, variants)
