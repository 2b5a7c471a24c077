"""Accuracy of normalize and plain spell checkers on injected typos in held-out news.

    python benchmarks/accuracy.py [--tools normalize,symspell,hunspell,pyspellchecker] [--docs N] [--seed S]
                                  [--local-regions]

For each held-out document (headline, blank line, body) one typo is injected
per ~40 tokens into officials' names (``person``), place names (``place``) and
ordinary words (``word``); every tool then corrects the corrupted text and each
typo is scored fixed / wrong / missed. Every tool also runs on the clean texts:
each change there is a false change (listed, with context, in
results/false_changes_<tool>.txt; the injected typos a tool got wrong or
missed go to results/wrong_fixes_<tool>.txt and missed_<tool>.txt; none of
these is committed: they quote held-out data). A "false change" of a word that
is not a known word may well be a real typo of the source, fixed: the JSON
splits false changes into known and unknown words.
Writes results/accuracy.md and .json, and rebuilds results/latest.md.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import gazetteer, report, split, tools  # noqa: E402
from benchmarks.errors import ErrorModel  # noqa: E402
from benchmarks.inject import CATEGORIES, Injected, corrupt  # noqa: E402
from benchmarks.score import collateral, outcome, suggested  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402

ALL_TOOLS = "normalize,symspell,hunspell,pyspellchecker"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def _words(text: str) -> list[str]:
    return [t.core for t in tokens(text) if not t.skip]


def run_tool(
    name: str, docs: list[split.Doc], corrupted: list[tuple[str, list[Injected]]], known_words: set[str]
) -> dict:
    t0 = time.perf_counter()
    tool = tools.make(name)
    load_s = time.perf_counter() - t0
    clean_texts = [d.text for d in docs]
    n_words = sum(len(_words(t)) for t in clean_texts)

    t0 = time.perf_counter()
    tool.warm(w for t in clean_texts for w in _words(t))
    clean_out = [tool.run(t) for t in clean_texts]
    clean_s = time.perf_counter() - t0
    false_lines = []
    n_false = 0
    kinds: Counter[str] = Counter()
    for doc, text, out in zip(docs, clean_texts, clean_out, strict=False):
        for ed in out.edits:
            n_false += 1
            original = text[ed.start : ed.end]
            known = "known" if original.lower() in known_words else "unknown"
            kinds[("capitalized " if original[:1].isupper() else "lowercase ") + known] += 1
            false_lines.append(f"{original}\t{ed.replacement}\t{known}\t{doc.link}\t{_context(text, ed.start, ed.end)}")
    calibration: dict[str, Counter[str]] = defaultdict(Counter)
    for out in clean_out:  # every finding on clean text is a false alarm, or a real typo of the source
        for s in out.suggestions:
            if s.confidence is not None:
                calibration[_bucket(s.confidence)]["findings"] += 1
    report.RESULTS.mkdir(exist_ok=True)
    (report.RESULTS / f"false_changes_{name}.txt").write_text(
        "original\treplacement\tknown word?\tlink\tcontext\n" + "\n".join(false_lines) + "\n", encoding="utf-8"
    )

    tool.warm(w for t, _ in corrupted for w in _words(t))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    by_edit: dict[str, Counter[str]] = defaultdict(Counter)
    wrong_lines, missed_lines = [], []
    n_collateral = 0
    for doc, (text, injections) in zip(docs, corrupted, strict=False):
        out = tool.run(text)
        n_collateral += len(collateral(out.edits, injections))
        for inj in injections:
            result, got = outcome(text, inj, out.edits)
            counts[inj.category][result] += 1
            by_edit[inj.edit][result] += 1
            top1 = result == "fixed" or suggested(text, inj, out.suggestions)
            over = [s for s in out.suggestions if s.start < inj.end and inj.start < s.end and s.confidence is not None]
            if over:
                calibration[_bucket(over[0].confidence)]["findings"] += 1
                calibration[_bucket(over[0].confidence)]["right"] += top1
            if top1:
                counts[inj.category]["top1"] += 1
            line = f"{inj.category}\t{inj.edit}\t{inj.original}\t{inj.corrupted}\t{got}\t{top1}\t{doc.link}"
            if result == "wrong":
                wrong_lines.append(line)
            elif result == "missed":
                missed_lines.append(line)
    head = "category\tedit\toriginal\tcorrupted\tgot\tright top-1 suggestion\tlink\n"
    (report.RESULTS / f"wrong_fixes_{name}.txt").write_text(head + "\n".join(wrong_lines) + "\n", encoding="utf-8")
    (report.RESULTS / f"missed_{name}.txt").write_text(head + "\n".join(missed_lines) + "\n", encoding="utf-8")
    return {
        "tool": name,
        "note": tool.note,
        "load_seconds": round(load_s, 2),
        "clean_seconds": round(clean_s, 2),
        "words": n_words,
        "words_per_second": round(n_words / clean_s) if clean_s else None,
        "false_changes": n_false,
        "false_changes_per_10k_words": round(10_000 * n_false / n_words, 1) if n_words else None,
        "false_changes_by_case": dict(kinds),
        "collateral_changes_in_corrupted": n_collateral,
        "categories": {c: dict(counts[c]) for c in CATEGORIES},
        "edits": {e: dict(v) for e, v in sorted(by_edit.items())},
        "calibration": {b: dict(calibration[b]) for b in BUCKETS if b in calibration},
    }


# Confidence ranges for the calibration table; normalize fixes from 0.909 up (a margin of 1.0).
BUCKETS = ("0.00-0.50", "0.50-0.70", "0.70-0.90", "0.90-0.95", "0.95-1.00")


def _bucket(confidence: float) -> str:
    return next((b for b in BUCKETS[:-1] if confidence < float(b.split("-")[1])), BUCKETS[-1])


def markdown(results: list[dict], meta: dict) -> str:
    head = ["tool"] + [f"{c} fixed / wrong / missed %" for c in CATEGORIES] + [
        "all fixed %", "top-1 suggested %", "false changes / 10k words (clean)", "changes elsewhere (corrupted)",
        "words/s"]
    rows = []
    for r in results:
        row = [r["tool"]]
        tot = Counter()
        for c in CATEGORIES:
            k = Counter(r["categories"][c])
            n = k["fixed"] + k["wrong"] + k["missed"]
            tot.update(k)
            row.append(f"{report.pct(k['fixed'], n)} / {report.pct(k['wrong'], n)} / {report.pct(k['missed'], n)}")
        n = tot["fixed"] + tot["wrong"] + tot["missed"]
        row += [report.pct(tot["fixed"], n), report.pct(tot["top1"], n), r["false_changes_per_10k_words"],
                r["collateral_changes_in_corrupted"], f"{r['words_per_second']:,}"]
        rows.append(row)
    edits = sorted({e for r in results for e in r["edits"]})
    erows = []
    for r in results:
        row = [r["tool"]]
        for e in edits:
            k = Counter(r["edits"].get(e, {}))
            row.append(report.pct(k["fixed"], k["fixed"] + k["wrong"] + k["missed"]))
        erows.append(row)
    crows = []
    for r in results:
        for b, k in r.get("calibration", {}).items():
            crows.append([r["tool"], b, k.get("findings", 0), report.pct(k.get("right", 0), k.get("findings", 0))])
    calibration = ""
    if crows:
        calibration = (
            "Calibration: findings by the tool's confidence, on the typos and on the clean texts\n"
            "(a finding on clean text counts as not right, though some are real typos of the source):\n\n"
            + report.table(["tool", "confidence", "findings", "top suggestion right %"], crows)
            + "\n"
        )
    inj = meta["injections"]
    notes = "\n".join(f"- **{r['tool']}**: {r['note']}" for r in results)
    return f"""## Accuracy on injected typos (held-out news)

{meta['docs']} held-out documents, {meta['words']:,} words, seed {meta['seed']}; injected typos:
{', '.join(f"{c} {inj.get(c, 0)}" for c in CATEGORIES)} (gazetteer: {meta['gazetteer']}).

{report.table(head, rows)}

Fixed % by edit type:

{report.table(["tool"] + edits, erows)}

{calibration}
{notes}
"""


@click.command()
@click.option("--tools", "tool_names", default=ALL_TOOLS, show_default=True, help="comma-separated tools")
@click.option("--docs", type=int, default=0, help="use only the first N held-out documents (0: all)")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--local-regions",
    is_flag=True,
    help="also count districts below ISO 3166-2 as places, as stops before 2026-11-27 did (prints, writes no results)",
)
def main(tool_names: str, docs: int, seed: int, local_regions: bool) -> None:
    heldout = split.load("heldout")
    if docs:
        heldout = heldout[:docs]
    gaz = gazetteer.load(local_regions=local_regions)
    model = ErrorModel(gazetteer.broad_lexicon(), seed)
    corrupted = [corrupt(d.text, gaz, model) for d in heldout]
    known_words = gazetteer.trusted_words(gaz)
    injections = Counter(i.category for _, inj in corrupted for i in inj)
    meta = {
        "docs": len(heldout), "seed": seed, "gazetteer": gaz.source,
        "words": sum(len(_words(d.text)) for d in heldout), "injections": dict(injections),
    }
    click.echo(f"{meta['docs']} docs, {meta['words']} words, injections {dict(injections)} ({gaz.source})", err=True)
    results = []
    for name in tool_names.split(","):
        t0 = time.perf_counter()
        try:
            results.append(run_tool(name.strip(), heldout, corrupted, known_words))
        except Exception as exc:  # noqa: BLE001 - a tool that cannot run is reported, not fatal
            click.echo(f"{name}: skipped ({type(exc).__name__}: {exc})", err=True)
            continue
        click.echo(f"{name}: {time.perf_counter() - t0:.1f}s", err=True)
    md = markdown(results, meta)
    click.echo(md)
    if not local_regions:
        report.write_section("accuracy", md, {"meta": meta, "tools": results})


if __name__ == "__main__":
    main()
