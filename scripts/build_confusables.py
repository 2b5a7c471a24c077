"""Build dictionaries/confusables.tsv: Cyrillic and Greek letters that look like ASCII Latin letters.

Source: the ``confusables.json`` data file of confusable-homoglyphs 3.3.1 (MIT),
generated from Unicode's ``confusables.txt`` (UTS #39; Unicode licence). There a
character maps to its prototype (``а`` -> ``a``, ``І`` -> ``l``) and a prototype
to every character that maps to it, so the confusables of a letter are its
prototype's class. A row pairs a Cyrillic or Greek letter with the ASCII letter
of the same class and the same case (``І`` -> ``I``, not the prototype ``l``);
letters with no same-case ASCII partner are left out. Deterministic: rows are
sorted by code point.

    pip install confusable-homoglyphs==3.3.1
    python scripts/build_confusables.py [--out dictionaries]
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from importlib import resources
from importlib.metadata import version
from pathlib import Path

SCRIPTS = ("CYRILLIC", "GREEK")


def script(ch: str) -> str:
    return unicodedata.name(ch, "?").split()[0]


def pairs(data: dict[str, list[dict[str, str]]]) -> list[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for ch, targets in data.items():
        if len(ch) != 1 or script(ch) not in SCRIPTS or not ch.isalpha():
            continue
        for t in targets:
            proto = t["c"]
            klass = {proto, *(e["c"] for e in data.get(proto, []))}
            for latin in klass:
                if len(latin) == 1 and latin.isascii() and latin.isalpha() and latin.isupper() == ch.isupper():
                    out.add((ch, latin))
    return sorted(out, key=lambda p: (ord(p[0]), p[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("dictionaries"))
    args = parser.parse_args()
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    rows = pairs(json.loads(raw))
    source = f"Unicode confusables.txt via confusable-homoglyphs {version('confusable-homoglyphs')}"
    path = args.out / "confusables.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("char\tcodepoint\tlatin\tname\tsource\n")
        for ch, latin in rows:
            fh.write(f"{ch}\tU+{ord(ch):04X}\t{latin}\t{unicodedata.name(ch)}\t{source}\n")
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
