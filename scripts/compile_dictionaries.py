"""Compile dictionaries/*.tsv into dictionaries/compiled.bin, the file normalize maps at start-up.

    python scripts/compile_dictionaries.py [--dictionaries dictionaries] [--out dictionaries/compiled.bin]

Reads words.tsv, people.tsv and places.tsv (``normalize.lexicon.parse``),
wordsegment's bigram counts (the `build` extra) and news_counts.tsv, and writes the
lexicon's tables, the deletion index of English words and name targets, and the bigram counts
(normalize/mapped.py documents the layout). Deterministic: the same inputs give the
same bytes, which tests/test_dictionaries.py checks.

The package build runs it (setup.py: ``pip install .`` puts the file in the wheel,
``pip install -e .`` writes it into dictionaries/, git-ignored); run it by hand after a
change to the TSVs or to how normalize/lexicon.py or normalize/candidates.py compile
them, in a checkout installed in editable mode.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
if "normalize" not in sys.modules:
    # Only the modules that compile, not the package's __init__ and the document and
    # command-line stack behind it: a build environment has wordsegment and rapidfuzz, no more.
    package = types.ModuleType("normalize")
    package.__path__ = [str(REPO / "normalize")]
    sys.modules["normalize"] = package

from normalize.candidates import index_sections  # noqa: E402
from normalize.lexicon import COMPILED, NEWS_COUNTS, compile_sections, meta, parse  # noqa: E402
from normalize.mapped import pack  # noqa: E402


def compile_dictionaries(directory: Path) -> bytes:
    lex = parse(directory)
    return pack({**compile_sections(lex), **index_sections(lex, directory / NEWS_COUNTS)}, meta(directory))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=Path, default=REPO / "dictionaries", help="folder of the TSVs")
    parser.add_argument("--out", type=Path, help="output file (default: compiled.bin in that folder)")
    args = parser.parse_args(argv)
    out = args.out or args.dictionaries / COMPILED
    started = time.monotonic()
    data = compile_dictionaries(args.dictionaries)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    print(f"{out}: {len(data) / 1e6:.1f} MB in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
