"""The dev findings that cost precision, tallied by cause: wrong fixes of injected typos and
changes to clean copy, from scripts/near_threshold.py's output.

    python scripts/near_threshold.py OUT.jsonl
    python scripts/wrong_fixes.py OUT.jsonl [--list] [--first-only]

For each corpus, split into the first 80 dev documents (out of sample for the news counts
that ``news_context`` and ``name_context`` read) and the rest: wrong fixes by kind (person,
place, word, consistency...), letter case, rule and the injected typo's edit class; clean-copy
fixes (of the clean texts) by kind and by the verdict of benchmarks/results/review_dev.tsv
(genuine: an error of the source fixed; false; unreviewed); and the feature that added most to the wrong reading's
margin (its largest positive term: what pushed it over). ``--list`` prints every one with its
terms and context. Only dev output is read (near_threshold.py reads dev documents only; with
``--lee`` the Lee corpus too, corpus ``lee``).

Then the **near-bar suggestions of clean copy**: findings on clean texts that stay suggestions
although their ``sure`` (margin capped by the gap) reaches NEAR of the fix bar and nothing marks
them suggest-only: the population a shift of the weights, or copy a little different from the
tuned-on copy, turns into false changes (the dev review loop drove dev clean copy's changes
down, not these). Counted per corpus and kind; a feature that lowers them, with no typo fix lost,
generalises to copy nobody read.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

REVIEW = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "review_dev.tsv"


def _review() -> dict[tuple[str, str, str, str], str]:
    """(corpus, doc, word, fix) -> genuine / false: the hand review of dev clean-copy changes."""
    if not REVIEW.exists():
        return {}
    csv.field_size_limit(sys.maxsize)
    with open(REVIEW, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["corpus"], r["doc"], r["word"], r["fix"]): r["verdict"] for r in rows}


FIRST = 80
NEAR = 0.5  # of the fix bar (FIX_MARGIN 1.0): a clean-copy suggestion this sure is "near the bar"


def _push(row: dict[str, Any]) -> str:
    """The term that added most to the finding's margin (feature x weight), or the rule."""
    terms = [(row["weights"][k] * v, k) for k, v in row["features"].items() if k in row.get("weights", {})]
    terms = [t for t in terms if t[0] > 0 and t[1] not in ("name_prior", "word_prior")]
    return max(terms)[1] if terms else row["rule"]


def _line(row: dict[str, Any]) -> str:
    terms = " ".join(
        f"{k}={v:g}x{row['weights'][k]:g}" for k, v in row["features"].items() if k in row.get("weights", {})
    )
    where = f"{row['before'][-35:]}[[{row['text']}]]{row['after'][:25]}".replace("\n", " ")
    typo = f" (typed for {row['original']}, {row['edit']})" if "original" in row else ""
    head = f"  {row['corpus']} {row['n']} {row['kind']} {row['text']} -> {row['top']}{typo}"
    return f"{head} c={row['confidence']} | {terms} | {where}"


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "listing", is_flag=True, help="every wrong fix and clean-copy fix, with its terms")
@click.option("--first-only", is_flag=True, help="only the first 80 dev documents of each corpus")
def main(path: str, listing: bool, first_only: bool) -> None:
    with open(path, encoding="utf-8") as fh:
        everything = [json.loads(line) for line in fh]
    rows = [r for r in everything if r["action"] == "fix" and (r["first"] or not first_only)]
    wrong = [r for r in rows if r["where"] == "typos" and r["label"] == "wrong"]
    review = _review()
    clean = [r for r in rows if r["where"] == "clean"]
    for r in clean:
        r["kind"] += "/" + review.get((r["corpus"], r["doc"], r["text"], r["top"]), "unreviewed")
    for title, chosen in (("wrong fixes of injected typos", wrong), ("changes to clean copy", clean)):
        click.echo(f"== {title}: {len(chosen)}")
        for corpus in sorted({r["corpus"] for r in chosen}):
            for part, test in (("first 80", True), ("rest", False)):
                sub = [r for r in chosen if r["corpus"] == corpus and r["first"] == test]
                if not sub:
                    continue
                kinds = Counter(f"{r['kind']}/{'lower' if r['text'].islower() else 'capital'}" for r in sub)
                edits = Counter(r.get("edit", "-") for r in sub)
                pushes = Counter(_push(r) for r in sub)
                click.echo(f"{corpus} {part}: {len(sub)}; kind {dict(kinds.most_common())}")
                if title.startswith("wrong"):
                    click.echo(f"  edit {dict(edits.most_common())}")
                click.echo(f"  pushed by {dict(pushes.most_common(8))}")
                if listing:
                    for r in sub:
                        click.echo(_line(r))
    _near_bar([r for r in everything if r["first"] or not first_only], listing)


def _near_bar(rows: list[dict[str, Any]], listing: bool) -> None:
    near = [
        r
        for r in rows
        if r["where"] == "clean"
        and r["action"] == "suggest"
        and r["features"].get("~sure", -99.0) >= NEAR
        and not r["features"].get("~suggest_only")
    ]
    click.echo(f"== near-bar suggestions of clean copy (sure >= {NEAR}, not suggest-only): {len(near)}")
    for corpus in sorted({r["corpus"] for r in near}):
        sub = [r for r in near if r["corpus"] == corpus]
        kinds = Counter(f"{r['kind']}/{'lower' if r['text'].islower() else 'capital'}" for r in sub)
        click.echo(f"{corpus}: {len(sub)}; kind {dict(kinds.most_common())}")
        if listing:
            for r in sub:
                click.echo(_line(r))


if __name__ == "__main__":
    main()
