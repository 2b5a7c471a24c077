"""The tuning harness: the accuracy benchmark's error model on the *dev* split only.

    python benchmarks/tune.py [--docs N] [--set NAME=VALUE ...] [--workers 2] [--select natural]

Every weight of the model (dictionaries/model.json: same_name, edit_cost...) and
every constant of the decision modules (decide, features, context, edits, derive:
FIX_MARGIN, NULL_CAPITALIZED...) can be overridden with ``--set`` to measure a
change before making it. Prints fixed /
wrong / missed per category, the wrong fixes over all injected typos, and every
change made to the clean dev texts (to be read: some are real typos of the
source). Each document gets its own seed (7 + its index), so runs compare
typo for typo; ``--select`` chooses the words that carry them, as accuracy.py's does
(natural, its default, or types). The held-out split is never read here; benchmarks/accuracy.py
is the one to report.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import gazetteer, split  # noqa: E402
from benchmarks.errors import ErrorModel  # noqa: E402
from benchmarks.inject import CATEGORIES, corrupt, select_option  # noqa: E402

_STATE: dict = {}


MODULES = ("decide", "features", "context", "edits", "derive")


def _init(overrides: dict[str, float], local_regions: bool = False) -> None:
    import importlib

    from normalize import model as model_module
    from normalize.engine import Normalizer

    model = model_module.default()
    weights = dict(model.weights)
    for name, value in overrides.items():
        if name in weights:
            weights[name] = value
            continue
        for module in MODULES:  # a constant is read where it is defined
            mod = importlib.import_module(f"normalize.{module}")
            if hasattr(mod, name):
                setattr(mod, name, value)
    tuned = model_module.Model(weights, {"method": "tune.py overrides"})
    _STATE.update(
        normalizer=Normalizer(model=tuned), gaz=gazetteer.load(local_regions), words=gazetteer.broad_lexicon()
    )


def _one(job: tuple[int, str, str]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(category, outcome, detail) per injected typo, and (original, replacement) per clean-text change."""
    k, text, select = job
    normalizer = _STATE["normalizer"]
    clean = [(f.text, f.replacement or "") for f in normalizer.check(text).fixes]
    corrupted, injections = corrupt(text, _STATE["gaz"], ErrorModel(_STATE["words"], 7 + k), select)
    findings = {(f.start, f.end): f for f in normalizer.check(corrupted).findings}
    outcomes = []
    for inj in injections:
        f = findings.get((inj.start, inj.end))
        got = f.replacement if f is not None else None
        outcome = "missed" if got is None else "fixed" if got == inj.original else "wrong"
        seen = f"{'/'.join(f.suggestions[:3])} {f.confidence:.2f}" if f is not None else "-"
        around = corrupted[max(0, inj.start - 40) : inj.end + 30].replace("\n", " ")
        outcomes.append((inj.category, outcome, f"{inj.original} -> {inj.corrupted} ({inj.edit}): {seen}  | {around}"))
    return outcomes, clean


def _override(values: tuple[str, ...]) -> dict[str, float]:
    import importlib

    from normalize import model

    out = {}
    for item in values:
        name, _, value = item.partition("=")
        known = name in model.default().weights or any(
            hasattr(importlib.import_module(f"normalize.{m}"), name) for m in MODULES
        )
        if not known:
            raise click.BadParameter(f"no model weight or decision constant {name!r}", param_hint="--set")
        out[name] = float(value)
    return out


@click.command()
@click.option("--docs", type=int, default=0, help="use only the first N dev documents (0: all)")
@click.option(
    "--set", "sets", multiple=True, metavar="NAME=VALUE", help="override a model weight or a decision constant"
)
@click.option("--workers", type=int, default=2, show_default=True)
@click.option(
    "--show",
    multiple=True,
    metavar="CATEGORY:OUTCOME",
    help="list the typos of one outcome, with the top suggestions and confidence (place:missed, word:wrong...)",
)
@click.option("--local-regions", is_flag=True, help="count districts below ISO 3166-2 as places (the old definition)")
@select_option()
def main(
    docs: int, sets: tuple[str, ...], workers: int, show: tuple[str, ...], local_regions: bool, select: str
) -> None:
    overrides = _override(sets)
    dev = split.load("dev")
    if docs:
        dev = dev[:docs]
    jobs = [(k, d.text, select) for k, d in enumerate(dev)]
    with multiprocessing.Pool(workers, initializer=_init, initargs=(overrides, local_regions)) as pool:
        results = pool.map(_one, jobs, chunksize=4)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    changes: list[tuple[str, str]] = []
    shown: list[str] = []
    for outcomes, clean in results:
        for category, outcome, detail in outcomes:
            counts[category][outcome] += 1
            if f"{category}:{outcome}" in show:
                shown.append(f"  {category}:{outcome} {detail}")
        changes.extend(clean)
    words = sum(len(d.text.split()) for d in dev)
    total = Counter()
    for category in CATEGORIES:
        k = counts[category]
        n = sum(k.values()) or 1
        total.update(k)
        fixed, wrong, missed = (100 * k[o] / n for o in ("fixed", "wrong", "missed"))
        click.echo(f"{category:7} {n:5}  fixed {fixed:5.1f}  wrong {wrong:4.1f}  missed {missed:5.1f}")
    click.echo(f"wrong fixes: {100 * total['wrong'] / (sum(total.values()) or 1):.2f}% of all injected typos")
    per10k = 10_000 * len(changes) / words
    click.echo(f"changes to clean text: {len(changes)} in {words:,} words ({per10k:.2f} per 10k)")
    for original, replacement in changes:
        click.echo(f"  {original} -> {replacement}")
    for line in shown:
        click.echo(line)


if __name__ == "__main__":
    main()
