"""Build the house styles in dictionaries/: style_<name>.tsv, one row per variant.

    python scripts/build_styles.py [--shared ../shared] [--out dictionaries]

``ukrainian`` comes from SpellingUkraine (shared/data/ukraine-style/spelling_ukraine.tsv,
MIT, Oleksii Holub): each row's ``incorrect`` spellings become variants of its
``correct`` one (Kiev -> Kyiv, Kharkov -> Kharkiv, Volodymyr Zelensky -> Volodymyr
Zelenskyy). Person rows also give surname-only variants (Zelensky -> Zelenskyy).
Given names keep only variants that start like the Ukrainian form (Oleksiy ->
Oleksii, never Alexey -> Oleksii: Alexey is the Russian name of other people).
Places also get the ASCII Latin spellings of their Cyrillic ``native`` name under
the translitua schemes used in English copy (BGN/PCGN, BGN 2019, UNGEGN, ALA-LC,
"simple"), e.g. Kyyiv and Mykolayiv. A variant is dropped when it is a preferred
form itself, maps to two preferred forms, or is a very common English word; a
place variant also when it is a given name or surname in people.tsv (Vladimir,
Putin's name) or names a place outside Ukraine at least a fifth as populous as
the Ukrainian one (Podolsk near Moscow; not Odessa, Texas).
Deterministic: sorted rows, no sets iterated unsorted.
"""

from __future__ import annotations

import argparse
import csv
from importlib.metadata import version
from pathlib import Path

import translitua

SCHEMES = ("UkrainianBGN", "UkrainianBGN2019", "UkrainianUNGEGN", "UkrainianALALC", "UkrainianSimple")
PLACES = {"City", "Region", "Settlement", "Town", "Village", "Country"}
SHARE = 0.2  # a place elsewhere this large against the Ukrainian one keeps its own name
COMMON_ZIPF = 4.5  # a very common English word ("Luck" for Lutsk) is never taken for a variant


def rows_of(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def common_words(dictionaries: Path) -> set[str]:
    rows = rows_of(dictionaries / "words.tsv")
    return {r["word"] for r in rows if r["status"] == "word" and float(r["zipf"]) >= COMMON_ZIPF}


def populations(dictionaries: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Largest population per lowercase place name: in Ukraine, and elsewhere."""
    home: dict[str, int] = {}
    away: dict[str, int] = {}
    for r in rows_of(dictionaries / "places.tsv"):
        table = home if r["country"] == "Ukraine" else away
        key = r["name"].lower()
        table[key] = max(table.get(key, 0), int(r["population"] or 0))
    return home, away


def person_names(dictionaries: Path) -> set[str]:
    """Given names and surnames of people: a place variant that is one names someone too."""
    out: set[str] = set()
    for r in rows_of(dictionaries / "people.tsv"):
        parts = r["name"].lower().split()
        if len(parts) > 1:
            out.update((parts[0], parts[-1]))
    return out


def ukrainian(shared: Path, dictionaries: Path) -> list[tuple[str, str, str, str]]:
    common = common_words(dictionaries)
    people = person_names(dictionaries)
    home, away = populations(dictionaries)
    src = "SpellingUkraine (MIT)"
    tl = f"translitua {version('translitua')}"
    found: dict[str, set[tuple[str, str, str]]] = {}

    def add(variant: str, preferred: str, category: str, source: str) -> None:
        variant, preferred = variant.strip(), preferred.strip()
        if variant and preferred and variant != preferred and variant.isascii() == preferred.isascii():
            found.setdefault(variant, set()).add((preferred, category, source))

    for r in rows_of(shared / "data" / "ukraine-style" / "spelling_ukraine.tsv"):
        correct, cat = r["correct"], r["category"]
        for v in filter(None, r["incorrect"].split("|")):
            if cat == "Personal name" and v[:2].casefold() != correct[:2].casefold():
                continue
            add(v, correct, cat, f"{src}: {correct}")
            vp, cp = v.split(), correct.split()
            if cat == "Person" and len(vp) == len(cp) > 1 and vp[-1] != cp[-1]:
                add(vp[-1], cp[-1], "Person (surname)", f"{src}: {correct}")
        if cat in PLACES and " " not in correct:
            for scheme in SCHEMES:
                v = translitua.translit(r["native"], getattr(translitua, scheme))
                if v.isascii():
                    add(v, correct, cat, f"{tl} {scheme} of {r['native']}; {src}: {correct}")
    preferred = {p for options in found.values() for p, _, _ in options}
    out = []
    for variant in sorted(found):
        options = sorted(found[variant])
        if len({p for p, _, _ in options}) > 1 or variant in preferred or variant.lower() in common:
            continue
        low, target = variant.lower(), options[0][0].lower()
        if options[0][1] in PLACES and (low in people or away.get(low, -1) >= SHARE * home.get(target, 0)):
            continue  # Vladimir (a Russian city; Putin), Podolsk (Russia), Romanov; not Odessa (Texas)
        out.append((variant, *options[0]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("dictionaries"))
    args = parser.parse_args()
    rows = ukrainian(args.shared, args.out)
    path = args.out / "style_ukrainian.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("variant\tpreferred\tcategory\tsource\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
