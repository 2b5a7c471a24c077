"""Top-1 accuracy on standard lists of real misspellings, one isolated word at a time.

    python benchmarks/misspellings.py [--tools normalize,symspell,hunspell,pyspellchecker] [--sample N] [--seed S]

Sets (in the shared data folder, misspellings/): the Wikipedia list of common
misspellings (all, and the harder filtered subset), Aspell's original test
set, Peter Norvig's two test sets, and a seeded sample of the noisy Birkbeck /
Holbrook / Aspell / Wikipedia merge (spell_errors.json; children's errors,
many several edits away). Each misspelling is lowercased and checked alone;
the answer is the tool's replacement (for normalize: the fix, else its first
suggestion), or the word itself when the tool does nothing. Correct means the
answer equals the right spelling, lowercased.
Writes results/misspellings.md and .json and rebuilds results/latest.md.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report, tools  # noqa: E402
from benchmarks.gazetteer import SHARED  # noqa: E402

DATA = SHARED / "misspellings"
ALL_TOOLS = "normalize,symspell,hunspell,pyspellchecker"
Pair = tuple[str, str]  # (misspelling, right)


def _tab(name: str) -> list[Pair]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            out.append((parts[0].strip().lower(), parts[1].strip().lower()))
    return out


def _norvig(name: str) -> list[Pair]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if ":" in line:
            right, wrongs = line.split(":", 1)
            out += [(w.lower(), right.strip().lower()) for w in wrongs.split()]
    return out


def _birkbeck(sample: int, seed: int) -> list[Pair]:
    data = json.loads((DATA / "spell_errors.json").read_text(encoding="utf-8"))
    pairs = sorted(
        (w.lower(), right.lower())
        for right, wrongs in data.items()
        for w in wrongs
        if w.isalpha() and right.isalpha() and w.lower() != right.lower()
    )
    pairs = sorted(set(pairs))
    return random.Random(seed).sample(pairs, min(sample, len(pairs)))


def load_sets(sample: int, seed: int) -> dict[str, list[Pair]]:
    return {
        "wikipedia common (all)": _tab("wikipedia_common_all_batch0.tab"),
        "wikipedia common (filtered, harder)": _tab("wikipedia_common_filtered_batch0.tab"),
        "aspell original": _tab("aspell_orig_batch0.tab"),
        "norvig 1": _norvig("spell-testset1.txt"),
        "norvig 2": _norvig("spell-testset2.txt"),
        f"birkbeck+ sample of {sample} (noisy)": _birkbeck(sample, seed),
    }


def answers(tool: object, words: list[str]) -> dict[str, str]:
    if isinstance(tool, tools.Normalize):
        out = {}
        for w in set(words):
            report_ = tool.normalize.check(w)
            fix = next((f.replacement for f in report_.findings if f.action == "fix" and f.replacement), None)
            sugg = next((f.suggestions[0] for f in report_.findings if f.suggestions), None)
            out[w] = fix or sugg or w
        return out
    assert isinstance(tool, tools.Peer)
    tool.warm(words)
    return {w: tool.cache.get(w) or w for w in set(words)}


@click.command()
@click.option("--tools", "tool_names", default=ALL_TOOLS, show_default=True)
@click.option("--sample", type=int, default=2000, show_default=True, help="pairs drawn from spell_errors.json")
@click.option("--seed", type=int, default=1, show_default=True)
def main(tool_names: str, sample: int, seed: int) -> None:
    sets = load_sets(sample, seed)
    words = sorted({w for pairs in sets.values() for w, _ in pairs})
    results: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    for name in tool_names.split(","):
        t0 = time.perf_counter()
        try:
            tool = tools.make(name.strip())
            got = answers(tool, words)
        except Exception as exc:  # noqa: BLE001 - a tool that cannot run is reported, not fatal
            click.echo(f"{name}: skipped ({type(exc).__name__}: {exc})", err=True)
            continue
        seconds[name] = round(time.perf_counter() - t0, 1)
        results[name] = {
            s: round(100 * sum(got[w].lower() == r for w, r in pairs) / len(pairs), 1) for s, pairs in sets.items()
        }
        click.echo(f"{name}: {seconds[name]}s", err=True)
    head = ["set", "pairs"] + list(results)
    rows = [[s, len(pairs)] + [results[t][s] for t in results] for s, pairs in sets.items()]
    md = f"""## Top-1 accuracy on lists of real misspellings (isolated lowercase words, %)

{report.table(head, rows)}

Tools as in the accuracy table; run time (s): {", ".join(f"{t} {s}" for t, s in seconds.items())}.
"""
    click.echo(md)
    sizes = {s: len(p) for s, p in sets.items()}
    report.write_section("misspellings", md, {"sets": sizes, "top1_percent": results, "seconds": seconds})


if __name__ == "__main__":
    main()
