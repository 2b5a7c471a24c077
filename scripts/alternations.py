"""How the spellings of one person differ in the gazetteer: the evidence for decide.TRANSLITERATIONS.

For every person of dictionaries/people.tsv, every two words of three letters or more among the
words of the main name and the variants (accents folded, hyphens as spaces: Rouhani, Rohani) that
differ in one place are counted by the kind of that difference (``edits.alternation``: a letter
doubled, one vowel for another, a vowel or an h added, one consonant for another). Wikidata,
the official sites, the Factbook and the CIA's list spell one person in different romanizations,
so these are the differences romanization makes; a kind counted at least ``MIN_PAIRS`` times is
one (``transliterations``), the rarer ones are mostly the sources' own slips (Salih, Salim;
Litlle). decide.TRANSLITERATIONS is this script's answer on the shipped people.tsv (a test checks it).

Names are romanized only where they are written in another script: the sources spell 43 of
Russia's 416 people and 13 of Egypt's 143 two ways so, 1 of the United States' 1,423 and none of
Germany's 32. But the sources' count is thin where a country has few listed people or one source
(Afghanistan 0 of 51, Libya 0 of 28, while the press writes Dostum and Dbeibah), so ``romanizing``
asks the country's script instead: the script of its most used language (CLDR's likely subtags,
through langcodes: und-AF is fa-Arab-AF, und-DE de-Latn-DE), anything but Latin
(decide.ROMANIZING: a person of another country is spelt as listed: Ursula von der Lyen is a slip).

    python scripts/alternations.py [--people dictionaries/people.tsv]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import countrynames
import langcodes

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from normalize.edits import alternation  # noqa: E402
from normalize.forms import fold  # noqa: E402

MIN_PAIRS = 3  # pairs of spellings of one person that show a kind of difference (c/k: 2, d/t: 7)
MIN_LETTERS = 3
LATIN = "Latn"


def _people(people: Path) -> list[tuple[str, list[str]]]:
    """Each person's country and the distinct words of their spellings (folded)."""
    csv.field_size_limit(1 << 30)
    out = []
    with people.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            names = [row["name"], *(v for v in row["variants"].split("|") if v)]
            words = sorted({w for n in names for w in fold(n).replace("-", " ").split() if len(w) >= MIN_LETTERS})
            out.append((row["country"], words))
    return out


def _kinds(words: list[str]) -> list[str]:
    return [k for i, a in enumerate(words) for b in words[i + 1 :] if (k := alternation(a, b))]


def counts(people: Path) -> Counter[str]:
    """Each kind of difference with the number of word pairs of one person's spellings that show it."""
    return Counter(k for _, words in _people(people) for k in _kinds(words))


def transliterations(people: Path) -> frozenset[str]:
    return frozenset(k for k, n in counts(people).items() if n >= MIN_PAIRS)


def script(country: str) -> str | None:
    """The ISO 15924 script of the country's most used language (CLDR likely subtags); None for
    a name countrynames reads as no ISO 3166 country (Somaliland, Transnistria, Akrotiri)."""
    code = countrynames.to_code(country) if country else None
    if code is None or len(code) != 2:
        return None
    return str(langcodes.Language.get(f"und-{code}").maximize().script)


def romanizing(people: Path) -> frozenset[str]:
    """The countries of listed people whose names are written in a script other than the Latin."""
    countries = {country for country, _ in _people(people)}
    return frozenset(c for c in countries if (s := script(c)) is not None and s != LATIN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=Path, default=ROOT / "dictionaries" / "people.tsv")
    args = parser.parse_args()
    for kind, n in counts(args.people).most_common():
        print(f"{n}\t{kind}\t{'kept' if n >= MIN_PAIRS else ''}")
    print("romanizing:", ", ".join(f"{c} ({script(c)})" for c in sorted(romanizing(args.people))))


if __name__ == "__main__":
    main()
