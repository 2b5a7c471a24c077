"""Build dictionaries/case_usage.tsv: how much more often English writes a name's word capitalized.

Source: the ``en_lexeme_prob`` table of spacy-lookups-data 1.0.5 (MIT, Explosion):
case-sensitive word probabilities, Good-Turing smoothed counts of a large corpus of
Reddit comments (one million word forms; "Germany" and "germany" are two entries).
Informal text: about one use in twenty of a proper noun there is typed lowercase, so
a name that is nothing else (Germany, Ukraine, Moscow) sits at about +1.0 to +1.5,
while a word that English also writes lowercase sits lower: china +0.88, march +0.40,
turkey -0.03, may -1.18 (polish -0.31 in the source, but no listed name has it).

A row for each word of a listed person's or place's name (people.tsv, places.tsv: names
and variants) written with one leading capital ("Germany", not "McDonald" or "USA") whose
capitalized form the table has: the word in lowercase and log10 of P(Capitalized) /
P(lowercase) (a lowercase form the table lacks counts at its out-of-vocabulary
probability), two decimals; only words above ``FLOOR`` (English writes them capitalized
more than three times in four: the engine reads nothing into the case of the others, and
a smaller table is read faster). Column ``upper``: for each word of two letters or more of a
listed name (any case: uk of Wang Chang-uk), log10 of P(CAPITALS) / (P(lowercase) +
P(Capitalized)) where above ``UPPER_FLOOR``: words English writes as acronyms (uk 1.26, usa
1.33, dprk 1.79; not xi, un, us), whose frequency measures the acronym, not the name. A row
has either column or both (the other empty). Deterministic: rows sorted by word.

    pip install spacy-lookups-data==1.0.5
    python scripts/build_case_usage.py [--out dictionaries]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
from collections.abc import Iterator
from importlib import resources
from importlib.metadata import version
from pathlib import Path

PACKAGE = "spacy_lookups_data"
TABLE = "en_lexeme_prob.json.gz"
SETTINGS = "en_lexeme_settings.json.gz"
FLOOR = 0.5  # normalize/casing.py's CAPITALIZED_FROM
# English writes the word in capitals ten times as often as in lowercase and capitalized
# together (uk: UK 1.26, usa 1.33, dprk; not xi 0.49, un, us): an acronym, whatever name has it
UPPER_FLOOR = 1.0


def _spelled_words(dictionaries: Path) -> Iterator[str]:
    """Each word of two letters or more, letters only, of every listed spelling (name and
    variants) of people.tsv and places.tsv, as written; a hyphen parts words (Chang-uk)."""
    for name in ("people.tsv", "places.tsv"):
        with open(dictionaries / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                for spelling in [row["name"], *row["variants"].split("|")]:
                    yield from (w for w in spelling.replace("-", " ").split() if len(w) > 1 and w.isalpha())


def name_words(dictionaries: Path) -> set[str]:
    """Words of listed names with one leading capital, as written ("Germany", "Kyiv")."""
    return {w for w in _spelled_words(dictionaries) if w[0].isupper() and w[1:].islower()}


def all_name_words(dictionaries: Path) -> set[str]:
    """Words of listed names of two letters or more, in lowercase (uk of Wang Chang-uk)."""
    return {w.lower() for w in _spelled_words(dictionaries)}


def _table() -> tuple[dict[str, float], float]:
    data = resources.files(PACKAGE).joinpath("data")
    with gzip.open(str(data.joinpath(TABLE)), "rt", encoding="utf-8") as fh:
        prob: dict[str, float] = json.load(fh)
    with gzip.open(str(data.joinpath(SETTINGS)), "rt", encoding="utf-8") as fh:
        unseen = float(json.load(fh)["oov_prob"])
    return prob, unseen


def upper_odds(words: set[str]) -> dict[str, float]:
    """Lowercase word -> log10 of how much more often English writes it in capitals than in
    lowercase and capitalized together, for those above ``UPPER_FLOOR``."""
    prob, unseen = _table()
    out = {}
    for word in words:
        upper = prob.get(word.upper())
        if upper is None or word.upper() == word.capitalize() or word.upper().lower() != word:
            continue  # (a letter such as ß has no capital of its own)
        other = math.exp(prob.get(word, unseen)) + math.exp(prob.get(word.capitalize(), unseen))
        odds = round((upper - math.log(other)) / math.log(10), 2)
        if odds > UPPER_FLOOR:
            out[word] = odds
    return out


def odds(words: set[str]) -> dict[str, float]:
    prob, unseen = _table()
    out = {}
    for word in words:
        capital = prob.get(word)
        if capital is None:
            continue
        odds = round((capital - prob.get(word.lower(), unseen)) / math.log(10), 2)
        if odds > FLOOR:
            out[word.lower()] = odds
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "dictionaries")
    args = parser.parse_args(argv)
    table = odds(name_words(args.out))
    upper = upper_odds(all_name_words(args.out))
    path = args.out / "case_usage.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tcapitalized\tupper\n")
        for word in sorted(table.keys() | upper.keys()):
            capital = f"{table[word]:.2f}" if word in table else ""
            caps = f"{upper[word]:.2f}" if word in upper else ""
            fh.write(f"{word}\t{capital}\t{caps}\n")
    rows = len(table.keys() | upper.keys())
    print(f"{path}: {rows} rows, {len(upper)} acronyms (spacy-lookups-data {version('spacy-lookups-data')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
