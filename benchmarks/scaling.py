"""CPU time of one ``normalize.check`` call on n and 4n characters of dev news (growth check).

    python benchmarks/scaling.py [--chars 400000] [--profile]

The text is the dev documents of the three news-dev files (benchmarks/split.py), joined
by blank lines and repeated until long enough, cut at a paragraph break. Linear work
gives a ratio near 4 between the two sizes; held-out documents are never read.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

import normalize  # noqa: E402
from benchmarks import split  # noqa: E402


def dev_text(chars: int) -> str:
    docs = [d for corpus in split.CORPORA if split.available(corpus) for d in split.load("dev", corpus=corpus)]
    text = "\n\n".join(d.text for d in docs)
    while len(text) < chars:
        text += "\n\n" + text
    return text[: text.rfind("\n\n", 0, chars)]


@click.command()
@click.option("--chars", default=400_000, show_default=True, help="the smaller size; the larger is 4x")
@click.option("--profile", is_flag=True, help="print a cProfile of the larger size instead")
def main(chars: int, profile: bool) -> None:
    normalize.check("The dictionaries load before timing starts.")
    if profile:
        text = dev_text(4 * chars)
        prof = cProfile.Profile()
        prof.runcall(normalize.check, text)
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        return
    times = []
    for size in (chars, 4 * chars):
        text = dev_text(size)
        start = time.process_time()
        found = normalize.check(text)
        times.append(time.process_time() - start)
        print(f"{len(text):>9} chars  {times[-1]:6.2f} s CPU  {len(found.findings)} findings")
    print(f"ratio {times[1] / times[0]:.2f} (4.00 is linear)")


if __name__ == "__main__":
    main()
