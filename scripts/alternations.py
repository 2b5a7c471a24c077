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
Germany's 32. ``romanizing`` keeps the countries at least ``MIN_SHARE`` of whose people are
(decide.ROMANIZING: a person of another country is spelt as listed: Ursula von der Lyen is a slip).

    python scripts/alternations.py [--people dictionaries/people.tsv]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from normalize.edits import alternation  # noqa: E402
from normalize.forms import fold  # noqa: E402

MIN_PAIRS = 3  # pairs of spellings of one person that show a kind of difference (c/k: 2, d/t: 7)
MIN_LETTERS = 3
MIN_SHARE = 0.02  # of a country's people spelt two ways (Iran 0.031, Thailand 0.035; Spain 0.007)


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


def romanizing(people: Path) -> frozenset[str]:
    """The countries at least MIN_SHARE of whose people the sources spell two ways (in one place of
    a word: ``edits.alternation``)."""
    listed: Counter[str] = Counter()
    varied: Counter[str] = Counter()
    for country, words in _people(people):
        listed[country] += 1
        varied[country] += bool(_kinds(words))
    return frozenset(c for c in listed if c and varied[c] >= MIN_SHARE * listed[c] and varied[c])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=Path, default=ROOT / "dictionaries" / "people.tsv")
    args = parser.parse_args()
    for kind, n in counts(args.people).most_common():
        print(f"{n}\t{kind}\t{'kept' if n >= MIN_PAIRS else ''}")
    print("romanizing:", ", ".join(sorted(romanizing(args.people))))


if __name__ == "__main__":
    main()
