"""The natural rates the injector's selection of words is held to (dev copy only).

    python benchmarks/natural_rates.py [--injected]

Prints, for benchmarks/README.md ("Which words carry a typo"):

- the reviewed genuine errors of the dev copy (results/review_dev.tsv, verdict ``genuine``;
  Cyrillic look-alikes and case-only rows left out): how many are of a word under 4 letters,
  alone or in a run-on; how many recur in their document; how many have the correct
  spelling elsewhere in it;
- the lists of real misspellings of ../shared/data/misspellings: the share of intended
  words under 4 letters;
- the dev copy's lowercase English tokens: the share of 2-3-letter words, by token and by letter;
- with ``--injected``: the same shares of the typos each selection draws on all dev documents
  (seed 1, published mix; some minutes).

Only the dev split is read (benchmarks/split.py).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import gazetteer, split  # noqa: E402
from benchmarks.inject import SELECTIONS, SHORT  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402

REVIEW = ROOT / "benchmarks" / "results" / "review_dev.tsv"
LISTS = gazetteer.SHARED / "misspellings"


def _pct(k: int, n: int) -> str:
    return f"{k} of {n} ({100 * k / n:.1f} %)" if n else "0 of 0"


def _dev_texts() -> dict[tuple[str, str], str]:
    return {(c, d.link): d.text for c in split.CORPORA if split.available(c) for d in split.load("dev", corpus=c)}


def real_errors(texts: dict[tuple[str, str], str]) -> None:
    """The reviewed genuine errors of the dev copy: short words, recurrence, correct spelling elsewhere."""
    with open(REVIEW, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r["verdict"] == "genuine"]
    seen: set[tuple[str, str, str]] = set()
    k: Counter[str] = Counter()
    for r in rows:
        word, fix, key = r["word"], r["fix"], (r["corpus"], r["doc"])
        if not word.isascii() or word.lower() == fix.lower() or (*key, word) in seen or key not in texts:
            continue
        seen.add((*key, word))
        cores = [t.core for t in tokens(texts[key]) if not t.skip]
        parts = fix.split()
        kind = "one" if len(parts) == 1 else "runon"
        k[kind] += 1
        k[f"{kind} short"] += min(len(p) for p in parts) < SHORT
        k[f"{kind} short first"] += len(parts[0]) < SHORT
        k["recurs"] += sum(c == word for c in cores) > 1
        if kind == "one":
            right = sum(c.lower() == fix.lower() for c in cores)
        else:
            low = [c.lower() for c in cores]
            right = sum(pair == (parts[0].lower(), parts[1].lower()) for pair in zip(low, low[1:], strict=False))
        k[f"{kind} right elsewhere"] += right > 0
    n = k["one"] + k["runon"]
    click.echo(f"real errors of the dev copy (reviewed genuine): {n}, {k['one']} of one word, {k['runon']} run-ons")
    click.echo(f"  one word, under {SHORT} letters: {_pct(k['one short'], k['one'])}")
    click.echo(f"  run-ons with a word under {SHORT} letters: {_pct(k['runon short'], k['runon'])}")
    click.echo(f"  run-ons starting with one: {_pct(k['runon short first'], k['runon'])}")
    click.echo(f"  recurring in their document: {_pct(k['recurs'], n)}")
    click.echo(f"  one word, spelled right elsewhere in the document: {_pct(k['one right elsewhere'], k['one'])}")
    click.echo(f"  run-ons, written apart elsewhere in the document: {_pct(k['runon right elsewhere'], k['runon'])}")


def _list_pairs() -> dict[str, list[tuple[str, int]]]:
    """(intended word, misspellings of it) per list."""
    out: dict[str, list[tuple[str, int]]] = {}
    for name in ("wikipedia_common_all_batch0.tab", "wikipedia_common_filtered_batch0.tab", "aspell_orig_batch0.tab"):
        lines = (LISTS / name).read_text(encoding="utf-8", errors="replace").splitlines()
        out[name] = [(p[1], 1) for p in (line.split("\t") for line in lines) if len(p) == 2]
    for name in ("spell-testset1.txt", "spell-testset2.txt"):
        lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
        out[name] = [(a, len(b.split())) for a, b in (line.split(":", 1) for line in lines if ":" in line)]
    merged = json.loads((LISTS / "spell_errors.json").read_text(encoding="utf-8"))
    out["spell_errors.json (words)"] = [(w, 1) for w in merged]
    out["spell_errors.json (misspellings)"] = [(w, len(v)) for w, v in merged.items()]
    return out


def lists() -> None:
    click.echo(f"lists of real misspellings: intended words under {SHORT} letters")
    for name, pairs in _list_pairs().items():
        pairs = [(w.strip(), n) for w, n in pairs if w.strip().isalpha()]
        total = sum(n for _, n in pairs)
        click.echo(f"  {name}: {_pct(sum(n for w, n in pairs if len(w) < SHORT), total)}")


def running_text(texts: dict[tuple[str, str], str]) -> None:
    english = gazetteer.english_words()
    n = short = letters = short_letters = 0
    for text in texts.values():
        for t in tokens(text):
            w = t.core
            if t.skip or not (w.islower() and w.isascii() and w in english):
                continue
            n += 1
            letters += len(w)
            if 2 <= len(w) < SHORT:
                short += 1
                short_letters += len(w)
    click.echo(f"dev lowercase English tokens of 2-3 letters: {_pct(short, n)}")
    click.echo(f"  of their letters: {_pct(short_letters, letters)}")


def injected() -> None:
    from benchmarks.typo_corpus import corrupt_doc

    for select in SELECTIONS:
        k: Counter[str] = Counter()
        for corpus in split.CORPORA:
            for doc in split.load("dev", corpus=corpus):
                _, injections = corrupt_doc(doc, 1, "published", select)
                said = Counter(t.core.lower() for t in tokens(doc.text) if not t.skip)
                for inj in injections:
                    parts = inj.original.split(" ")
                    k["all"] += 1
                    k[inj.category] += 1
                    k["initial"] += inj.category == "word" and inj.original[:1].isupper()
                    k["short"] += min(len(p) for p in parts) < SHORT  # accuracy.py's "short words" row
                    if inj.edit == "join":
                        k["runon"] += 1
                        k["runon short first"] += len(parts[0]) < SHORT
                        k["runon short"] += min(len(p) for p in parts) < SHORT
                    else:
                        k["one"] += 1
                        k["one short"] += len(parts[0]) < SHORT
                        k["one elsewhere"] += said[parts[0].lower()] > 1
        click.echo(f"injected, --select {select}: {k['all']} typos ({k['person']} / {k['place']} / {k['word']})")
        click.echo(f"  one word, under {SHORT} letters: {_pct(k['one short'], k['one'])}")
        click.echo(f"  run-ons: {_pct(k['runon'], k['all'])}")
        click.echo(f"  run-ons starting with a short word: {_pct(k['runon short first'], k['runon'])}")
        click.echo(f"  run-ons with a short word: {_pct(k['runon short'], k['runon'])}")
        click.echo(f"  typos of a short word (either word of a run-on): {_pct(k['short'], k['all'])}")
        click.echo(f"  one word, said elsewhere in the document: {_pct(k['one elsewhere'], k['one'])}")
        click.echo(f"  sentence-initial of the word typos: {_pct(k['initial'], k['word'])}")


@click.command()
@click.option("--injected", "with_injected", is_flag=True, help="also the rates of the typos each selection draws")
def main(with_injected: bool) -> None:
    texts = _dev_texts()
    real_errors(texts)
    lists()
    running_text(texts)
    if with_injected:
        injected()


if __name__ == "__main__":
    main()
