"""Accuracy of normalize and plain spell checkers on three news corpora, dev and test side by side.

    python benchmarks/accuracy.py [--tools normalize,symspell,hunspell,pyspellchecker] [--corpora press,whitehouse,ungd]
                                  [--docs N] [--peer-docs N] [--seed S] [--mix published|engine] [--parts dev,heldout]
                                  [--news-folds K]
    python benchmarks/accuracy.py --rescore     # the last full run again, with the current review_dev.tsv

For every corpus of benchmarks/split.py and both parts (``dev``, which the
engine is tuned on, and ``heldout``, the frozen test split that only this
script reads) typos are injected with the published error mix
(benchmarks/errors.py; each document seeded by its key, benchmarks/typo_corpus.py),
about one per 40 tokens, into officials' names (``person``), place names
(``place``) and ordinary words (``word``). Every tool corrects the corrupted
texts; each typo is fixed / wrong / missed. Typos whose output some dictionary
already lists ("Russa", "goverment") are also counted apart: the
*already-real* row. Every tool also runs on the clean texts: each change there
is counted per 10,000 words; on dev, normalize's changes are reviewed by hand
(results/review_dev.tsv: genuine errors of the source fixed, or false), so dev
also shows false changes per 10,000 words. Test-split changes are never
reviewed: that would be reading held-out output.

Writes results/accuracy.md and .json, results/calibration.png and
results/threshold.png, and results/unreviewed_dev.tsv (dev changes of normalize
missing from the review, with context). Peers are slow on unknown words: they
run on the first ``--peer-docs`` documents of each part.

dictionaries/news_counts.tsv is counted from the dev documents after the first 80 of
each corpus, so on those documents every feature that reads news counts would see the
document's own words. With ``--news-folds K`` (default 5; 0: the full counts, in sample)
normalize checks each of them with the counts less those of its own run of documents
(scripts/news_folds.py, as scripts/fit_model.py fits): dev figures are out of sample, as
the test split's are with the full counts.
"""

from __future__ import annotations

import csv
import pickle
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report, split, tools  # noqa: E402
from benchmarks.gazetteer import trusted_words  # noqa: E402
from benchmarks.inject import CATEGORIES, SHORT, Injected, select_option  # noqa: E402
from benchmarks.score import collateral, outcome, suggested  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402
from benchmarks.typo_corpus import _tables, corrupt_doc  # noqa: E402

ALL_TOOLS = "normalize,symspell,hunspell,pyspellchecker"
PARTS: tuple[split.Part, ...] = ("dev", "heldout")
REVIEW = report.RESULTS / "review_dev.tsv"
SAVED = report.RESULTS / "accuracy.pickle"  # the last full run, for --rescore (git-ignored: it quotes copy)
ROWS = (*CATEGORIES, "real", "short", "initial")  # also counted in their category: "real", the already-real
# misspellings; "short", typos of a word of 2-3 letters (of either word of a join); "initial", of an ordinary
# word capitalized at the start of a sentence (the last two never drawn before 2026-12-02, --select types)
EXTRA = {"real": "already-real", "short": "short words", "initial": "sentence-initial words"}


def rows_of(inj: Injected) -> list[str]:
    """The report's rows a typo counts in: its category, and the classes apart it belongs to."""
    out = [inj.category]
    if inj.real:
        out.append("real")
    if min(len(w) for w in inj.original.split(" ")) < SHORT:
        out.append("short")
    if inj.category == "word" and inj.original[:1].isupper():
        out.append("initial")
    return out


BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0001)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ").replace("\t", " ")
    right = text[end : end + width].replace("\n", " ").replace("\t", " ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def _words(text: str) -> int:
    return sum(1 for t in tokens(text) if not t.skip)


def load_review() -> dict[tuple[str, str, str, str], str]:
    """(corpus, doc, word, fix) -> genuine / false, from results/review_dev.tsv."""
    if not REVIEW.exists():
        return {}
    with open(REVIEW, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["corpus"], r["doc"], r["word"], r["fix"]): r["verdict"] for r in rows}


class NewsFolds:
    """Leave-fold-out news counts for the dev documents that dictionaries/news_counts.tsv
    counts (scripts/news_folds.py): ``read(corpus, n)`` before the ``n``-th dev document of
    ``corpus`` is checked puts its fold's table in force (the full counts for a document the
    counts never saw) and, when the table changes, ``forget``s the engine's memo, whose answers
    read the counts that were in force."""

    def __init__(self, where: dict[tuple[str, int], int], tables: dict[int, Any], forget: Callable[[], None]) -> None:
        self.where, self.tables, self.forget = where, tables, forget
        self.fold = -1  # the table in force: -1, the compiled counts

    @classmethod
    def build(cls, folds: int, forget: Callable[[], None]) -> NewsFolds:
        from scripts import news_folds as nf
        from scripts.build_news_counts import SKIP

        return cls(*nf.checked_tables(folds, SKIP), forget)

    def read(self, corpus: str, n: int) -> None:
        from scripts import news_folds as nf

        fold = self.where.get((corpus, n), -1)
        if fold != self.fold:
            nf.use(self.tables[fold] if fold >= 0 else None)
            self.forget()
            self.fold = fold


def evaluate(
    tool: Any,
    corpus: str,
    docs: list[split.Doc],
    corrupted: list[tuple[str, list[Injected]]],
    trusted: set[str],
    before: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """One tool on one part of one corpus: outcomes per category, clean changes, curve points.
    ``before(n)`` is called before the tool reads the ``n``-th document (NewsFolds.read)."""
    words = sum(_words(d.text) for d in docs)
    tool.warm(t.core for d in docs for t in tokens(d.text) if not t.skip)
    at = before or (lambda n: None)
    t0 = time.perf_counter()
    clean_out = []
    for n, doc in enumerate(docs):
        at(n)
        clean_out.append(tool.run(doc.text))
    seconds = time.perf_counter() - t0
    changes = []
    clean_conf: list[float] = []  # confidence of every finding on clean text (a change at some threshold)
    for doc, out in zip(docs, clean_out, strict=True):
        for ed in out.edits:
            word = doc.text[ed.start : ed.end]
            changes.append({
                "corpus": corpus, "doc": doc.link, "word": word, "fix": ed.replacement,
                "trusted": word.lower() in trusted, "context": _context(doc.text, ed.start, ed.end),
            })  # fmt: skip
        clean_conf += [s.confidence for s in out.suggestions if s.confidence is not None]

    tool.warm(t.core for text, _ in corrupted for t in tokens(text) if not t.skip)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    by_edit: dict[str, Counter[str]] = defaultdict(Counter)
    typo_points: list[tuple[float, bool]] = []  # (confidence, top suggestion right) per typo a finding covers
    n_collateral = 0
    for n, (text, injections) in enumerate(corrupted):
        at(n)
        out = tool.run(text)
        n_collateral += len(collateral(out.edits, injections))
        for inj in injections:
            result, _ = outcome(text, inj, out.edits)
            rows = rows_of(inj)
            right = result == "fixed" or suggested(text, inj, out.suggestions)
            for row in rows:
                counts[row][result] += 1
                counts[row]["top1"] += right
            by_edit[inj.edit][result] += 1
            over = sorted(
                (s for s in out.suggestions if s.start < inj.end and inj.start < s.end), key=lambda s: s.start
            )
            if over and over[0].confidence is not None:
                typo_points.append((over[0].confidence, right))
    return {
        "words": words,
        "docs": len(docs),
        "words_per_second": round(words / seconds) if seconds else None,
        "counts": {r: dict(counts[r]) for r in ROWS},
        "edits": {e: dict(v) for e, v in sorted(by_edit.items())},
        "changes": changes,
        "changes_elsewhere": n_collateral,
        "clean_confidences": sorted(clean_conf),
        "typo_points": typo_points,
    }


def _fwm(k: dict[str, int]) -> str:
    n = k.get("fixed", 0) + k.get("wrong", 0) + k.get("missed", 0)
    if not n:
        return "–"
    return " / ".join(report.pct(k.get(o, 0), n) for o in ("fixed", "wrong", "missed"))


def summarize(r: dict[str, Any], part: str, review: dict[tuple[str, str, str, str], str]) -> dict[str, Any]:
    """The figures of one row of the table (and of the JSON)."""
    total = Counter[str]()
    for c in CATEGORIES:
        total.update(r["counts"][c])
    n = total["fixed"] + total["wrong"] + total["missed"]
    per10k = 10_000 / r["words"] if r["words"] else 0.0
    out = {
        "docs": r["docs"], "words": r["words"], "typos": n,
        "fixed_percent": round(100 * total["fixed"] / n, 2) if n else None,
        "wrong_percent": round(100 * total["wrong"] / n, 2) if n else None,
        "changes_per_10k": round(len(r["changes"]) * per10k, 2),
        "trusted_word_changes_per_10k": round(sum(c["trusted"] for c in r["changes"]) * per10k, 2),
    }  # fmt: skip
    if part == "dev" and review:
        verdicts = Counter(review.get((c["corpus"], c["doc"], c["word"], c["fix"]), "unreviewed") for c in r["changes"])
        out["reviewed"] = dict(verdicts)
        out["false_per_10k"] = round(verdicts["false"] * per10k, 2)
    return out


def corpus_table(corpus: str, results: dict[tuple[str, str], dict[str, Any]], review: dict) -> str:
    head = ["tool", "split", "docs", "words"] + [f"{EXTRA.get(c, c)} fixed / wrong / missed %" for c in ROWS] + [
        "wrong % of typos", "clean changes / 10k",
        "of trusted words / 10k", "false / 10k (reviewed)"]  # fmt: skip
    rows = []
    for (tool, part), r in results.items():
        s = summarize(r, part, review if tool == "normalize" else {})
        false = "–"
        if "false_per_10k" in s:
            unrev = s["reviewed"].get("unreviewed", 0)
            false = f"{s['false_per_10k']}" + (f" (+{unrev} unreviewed)" if unrev else "")
        rows.append(
            [tool, "test" if part == "heldout" else "dev", r["docs"], f"{r['words']:,}"]
            + [_fwm(r["counts"].get(c, {})) for c in ROWS]
            + [s["wrong_percent"], s["changes_per_10k"], s["trusted_word_changes_per_10k"], false]
        )
    return report.table(head, rows)


def threshold_curve(r: dict[str, Any], thresholds: list[float]) -> list[tuple[float, float, float]]:
    """(threshold, % of typos fixed, changes per 10k clean words) applying every finding's top
    suggestion whose confidence reaches the threshold."""
    n = sum(r["counts"][c].get(k, 0) for c in CATEGORIES for k in ("fixed", "wrong", "missed"))
    out = []
    for t in thresholds:
        fixed = sum(1 for conf, right in r["typo_points"] if conf >= t and right)
        false = sum(1 for conf in r["clean_confidences"] if conf >= t)
        out.append((t, 100 * fixed / n if n else 0.0, 10_000 * false / r["words"] if r["words"] else 0.0))
    return out


def calibration(r: dict[str, Any]) -> list[tuple[str, int, float]]:
    """Findings per confidence bin and the share whose top suggestion was right: right when it
    restores an injected typo; every finding on clean text counts as not right."""
    found: Counter[int] = Counter()
    right: Counter[int] = Counter()
    points = list(r["typo_points"]) + [(c, False) for c in r["clean_confidences"]]
    for conf, ok in points:
        b = next(i for i in range(len(BINS) - 1) if conf < BINS[i + 1])
        found[b] += 1
        right[b] += ok
    return [(f"{BINS[b]:.2f}-{min(BINS[b + 1], 1.0):.2f}", found[b], right[b] / found[b]) for b in sorted(found)]


def plots(results: dict[tuple[str, str, str], dict[str, Any]]) -> list[str]:
    """results/calibration.png and results/threshold.png (dev and test, all corpora pooled)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        click.echo("matplotlib not installed (pip install -e '.[bench]'): no plots", err=True)
        return []
    pooled: dict[tuple[str, str], dict[str, Any]] = {}
    for (_, tool, part), r in results.items():
        p = pooled.setdefault((tool, part), {"typo_points": [], "clean_confidences": [], "words": 0,
                                             "counts": {c: Counter() for c in CATEGORIES}, "changes": []})  # fmt: skip
        p["typo_points"] += r["typo_points"]
        p["clean_confidences"] += r["clean_confidences"]
        p["words"] += r["words"]
        p["changes"] += r["changes"]
        for c in CATEGORIES:
            p["counts"][c].update(r["counts"][c])
    colours = {"normalize": "tab:blue", "symspell": "tab:orange", "hunspell": "tab:green", "pyspellchecker": "tab:red"}
    styles = {"dev": "--", "heldout": "-"}

    fig, ax = plt.subplots(figsize=(6, 5))
    ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8, label="perfect calibration")
    for (tool, part), p in sorted(pooled.items()):
        cal = calibration(p)
        if not cal:
            continue
        mids = [(float(b.split("-")[0]) + float(b.split("-")[1])) / 2 for b, _, _ in cal]
        ax.plot(mids, [share for _, _, share in cal], styles[part], marker="o", color=colours.get(tool),
                label=f"{tool} ({'test' if part == 'heldout' else 'dev'})")  # fmt: skip
    ax.set_xlabel("confidence of the finding (bin middle)")
    ax.set_ylabel("observed precision of its top suggestion")
    ax.set_title("Calibration (all three corpora; clean-copy findings count as wrong)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(report.RESULTS / "calibration.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6.5, 5))
    thresholds = [x / 100 for x in range(30, 100)] + [0.995, 0.999]
    for (tool, part), p in sorted(pooled.items()):
        label = f"{tool} ({'test' if part == 'heldout' else 'dev'})"
        n = sum(p["counts"][c].get(k, 0) for c in CATEGORIES for k in ("fixed", "wrong", "missed"))
        if p["typo_points"] and any(p["clean_confidences"]) and tool == "normalize":
            curve = threshold_curve(p, thresholds)
            ax.plot([c[2] for c in curve], [c[1] for c in curve], styles[part], color=colours.get(tool), label=label)
        fixed = sum(p["counts"][c].get("fixed", 0) for c in CATEGORIES)
        ax.plot([10_000 * len(p["changes"]) / p["words"]], [100 * fixed / n if n else 0], "o" if part == "heldout"
                else "s", color=colours.get(tool), label=f"{label}: as shipped")  # fmt: skip
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlabel("changes to clean copy per 10,000 words (log)")
    ax.set_ylabel("% of injected typos fixed")
    ax.set_title("Typos fixed vs changes to clean copy as the fix threshold moves")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(report.RESULTS / "threshold.png", dpi=110)
    plt.close(fig)
    return ["calibration.png", "threshold.png"]


def _news_note(meta: dict[str, Any]) -> str:
    """How normalize's dev documents read dictionaries/news_counts.tsv (counted from the dev
    documents after the first 80 of each corpus) in this run."""
    k = meta.get("news_folds", 0)
    if k:
        return (
            f"Dev is out of sample: each dev document the news counts count was checked with the counts less "
            f"those of its own run of documents ({k} runs a corpus, `--news-folds {k}`); test reads the full counts."
        )
    return (
        "Dev after the first 80 documents of each corpus is **in sample** for the news-count features "
        "(`--news-folds 0`: each document read counts of its own words)."
    )


def markdown(results: dict[tuple[str, str, str], dict[str, Any]], meta: dict[str, Any], review: dict) -> str:
    parts = [
        "## Accuracy on injected typos, three corpora, dev and test\n",
        f"Seed {meta['seed']}, mix `{meta['mix']}`, selection `{meta.get('select', 'types')}`; dev = the split the "
        "engine is tuned on, test = the frozen "
        "held-out split (read only by this report). Columns: % of injected typos fixed / wrong / missed per kind; "
        "*already-real* = typos whose misspelling some dictionary already lists, *short words* = typos of a word "
        "of 2-3 letters (either word of a join), *sentence-initial words* = typos of an ordinary word capitalized "
        "at the start of a sentence (each also in their kind's column); "
        "clean changes = changes to the unaltered copy; *of trusted words* = changes of a word the lexicon "
        "trusts (surely false); *false (reviewed)* = dev changes reviewed by hand (results/review_dev.tsv) and "
        "judged false. Peers ran on the first "
        f"{meta['peer_docs']} documents of each part. {_news_note(meta)}\n",
    ]
    for corpus in meta["corpora"]:
        sub = {(t, p): r for (c, t, p), r in results.items() if c == corpus}
        if not sub:
            continue
        parts.append(f"### {corpus}: {split.CORPORA[corpus].kind}\n\n{corpus_table(corpus, sub, review)}\n")
    edits = sorted({e for r in results.values() for e in r["edits"]})
    erows = []
    for tool in meta["tools"]:
        for part in PARTS:
            k: dict[str, Counter[str]] = defaultdict(Counter)
            for (_, t, p), r in results.items():
                if t == tool and p == part:
                    for e, v in r["edits"].items():
                        k[e].update(v)
            if k:
                row = [tool, "test" if part == "heldout" else "dev"]
                row += [report.pct(k[e]["fixed"], sum(k[e].values())) for e in edits]
                erows.append(row)
    parts.append("Fixed % by edit type (all corpora):\n\n" + report.table(["tool", "split"] + edits, erows) + "\n")
    parts.append("![calibration](results/calibration.png) ![threshold](results/threshold.png)\n")
    return "\n".join(parts)


@click.command()
@click.option("--tools", "tool_names", default=ALL_TOOLS, show_default=True, help="comma-separated tools")
@click.option("--corpora", default=",".join(split.CORPORA), show_default=True)
@click.option("--parts", default="dev,heldout", show_default=True)
@click.option("--docs", type=int, default=0, help="the first N documents of each part (0: all)")
@click.option("--peer-docs", type=int, default=40, show_default=True, help="peers: the first N documents of each part")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--mix", type=click.Choice(["published", "engine"]), default="published", show_default=True)
@select_option()
@click.option(
    "--weights",
    type=click.Choice(["shipped", "hand-set", "fitted"]),
    default="shipped",
    show_default=True,
    help="normalize's weights: the shipped ones, the hand-set ones model.json keeps beside fitted ones, or those "
    "of the last fit it records, shipped or not (to compare; with hand-set or fitted no result file is rewritten)",
)
@click.option("--set", "sets", default="", help="normalize: comma-separated FEATURE=WEIGHT over --weights (to compare)")
@click.option(
    "--news-folds",
    type=int,
    default=5,
    show_default=True,
    help="dev documents that dictionaries/news_counts.tsv counts are checked by normalize with the counts less "
    "those of their own run of documents, one of K a corpus (scripts/news_folds.py; 0: the full counts, in sample)",
)
@click.option("--rescore", is_flag=True, help="re-render the last full run (results/accuracy.pickle) with the review")
def main(
    tool_names: str,
    corpora: str,
    parts: str,
    docs: int,
    peer_docs: int,
    seed: int,
    mix: str,
    select: str,
    weights: str,
    sets: str,
    news_folds: int,
    rescore: bool,
) -> None:
    review = load_review()
    if rescore:
        with open(SAVED, "rb") as fh:
            saved_results, saved_meta = pickle.load(fh)
        _write(saved_results, saved_meta, review)
        return
    corpus_names = [c for c in corpora.split(",") if split.available(c)]
    if not corpus_names:  # an empty table and no error hid a wrong data path
        raise SystemExit(f"accuracy.py: none of {corpora!r} in {split.data_dir()}: set NORMALIZE_NEWS_DIR")
    gaz, _, _ = _tables()
    trusted = trusted_words(gaz)  # a change of one of these is surely false
    names = [t.strip() for t in tool_names.split(",")]
    results: dict[tuple[str, str, str], dict[str, Any]] = {}
    made: dict[str, Any] = {}
    for name in names:
        try:
            made[name] = tools.make(name, weights, _sets(sets))
        except Exception as exc:  # noqa: BLE001 - a tool that cannot run is reported, not fatal
            click.echo(f"{name}: skipped ({type(exc).__name__}: {exc})", err=True)
    from scripts.build_news_counts import SKIP

    folds = None
    if news_folds and "normalize" in made and "dev" in parts.split(",") and (not docs or docs > SKIP):
        folds = NewsFolds.build(news_folds, made["normalize"].forget)
    for corpus in corpus_names:
        for part in parts.split(","):
            all_docs = split.load(part, corpus=corpus)  # type: ignore[arg-type]
            all_docs = all_docs[:docs] if docs else all_docs
            corrupted_all = [corrupt_doc(d, seed, mix, select) for d in all_docs]
            for name, tool in made.items():
                n = len(all_docs) if name == "normalize" else min(peer_docs, len(all_docs))
                before = partial(folds.read, corpus) if folds and name == "normalize" and part == "dev" else None
                t0 = time.perf_counter()
                try:
                    r = evaluate(tool, corpus, all_docs[:n], corrupted_all[:n], set(trusted), before)
                except Exception as exc:  # noqa: BLE001
                    click.echo(f"{name} on {corpus}/{part}: failed ({type(exc).__name__}: {exc})", err=True)
                    continue
                finally:
                    if before:
                        before(-1)  # the compiled counts again
                results[(corpus, name, part)] = r
                s = summarize(r, part, review if name == "normalize" else {})
                click.echo(f"{corpus}/{part} {name}: {time.perf_counter() - t0:.0f}s {s}", err=True)
    meta = {
        "seed": seed, "mix": mix, "select": select, "docs": docs, "peer_docs": peer_docs, "corpora": corpus_names,
        "tools": [t for t in made if any(k[1] == t for k in results)], "weights": weights, "set": sets,
        "news_folds": news_folds if folds else 0,
    }  # fmt: skip
    if docs or weights != "shipped" or sets:
        click.echo(markdown(results, meta, review))
        click.echo("(--docs, --weights or --set given: no result file rewritten)", err=True)
        return
    with open(SAVED, "wb") as fh:
        pickle.dump((results, meta), fh)
    _write(results, meta, review)


def _sets(sets: str) -> dict[str, float]:
    """``--set``'s FEATURE=WEIGHT pairs."""
    pairs = [p.split("=") for p in sets.split(",") if p.strip()]
    return {name.strip(): float(weight) for name, weight in pairs}


def _write(results: dict[tuple[str, str, str], dict[str, Any]], meta: dict[str, Any], review: dict) -> None:
    """The report of a full run: unreviewed dev changes, plots, results/accuracy.md and .json."""
    unreviewed = [
        c for (corpus, name, part), r in results.items() if name == "normalize" and part == "dev"
        for c in r["changes"] if (c["corpus"], c["doc"], c["word"], c["fix"]) not in review
    ]  # fmt: skip
    report.RESULTS.mkdir(exist_ok=True)
    with open(report.RESULTS / "unreviewed_dev.tsv", "w", encoding="utf-8") as fh:
        fh.write("corpus\tdoc\tword\tfix\tverdict\tcontext\n")
        fh.writelines(f"{c['corpus']}\t{c['doc']}\t{c['word']}\t{c['fix']}\t\t{c['context']}\n" for c in unreviewed)
    pngs = plots(results)
    md = markdown(results, meta, review)
    click.echo(md)
    data = {
        "meta": {**meta, "plots": pngs},
        "results": [
            {"corpus": c, "tool": t, "split": "test" if p == "heldout" else "dev",
             **summarize(r, p, review if t == "normalize" else {}),
             "counts": r["counts"], "edits": r["edits"], "words_per_second": r["words_per_second"],
             "changes_elsewhere": r["changes_elsewhere"],
             "threshold": threshold_curve(r, [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99]),
             "calibration": calibration(r)}
            for (c, t, p), r in results.items()
        ],
    }  # fmt: skip
    report.write_section("accuracy", md, data)


if __name__ == "__main__":
    main()
