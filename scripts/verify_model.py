"""The whole engine with candidate weights on dev documents, against the hand-set weights: the bar for shipping.

    python scripts/verify_model.py [--weights FILE] [--set FEATURE=WEIGHT,...] [--fix-gap G]
                                   [--corpora press,whitehouse,ungd] [--every 1] [--offset 0] [--typo-docs 0]
                                   [--base hand-set|shipped] [--cost 30] [--wrong 3] [--news-folds 5]
                                   [--workers 2] [--cache-dir DIR] [--golden/--no-golden] [--json FILE]

scripts/fit_model.py scores ``decide`` alone on cached per-word choices; what ships is the
whole engine (case slips, split and run-on words, the consistency rule, the settle passes,
document-level features such as ``repeated`` read over the whole text). This script runs
``Normalizer(model=...)`` exactly as `benchmarks/accuracy.py --tools normalize --parts dev`
does: every dev document (benchmarks/split.py; the held-out split is never read) of each
corpus, or every ``--every``-th from ``--offset`` (a subset for a search), as published and
with the typos `accuracy.py` injects (benchmarks/typo_corpus.corrupt_doc, seed 1, published
mix; with ``--typo-docs N`` only into the first N documents of each corpus, fit_model.py's
validation documents, while every document's clean copy is still checked). The candidate
is the weights of ``--weights`` (a model.json, or a fit record with ``fitted_weights`` and
``fix_gap``, as fit_model.py --record writes), with ``--set`` overrides, else the shipped
ones.

Per corpus it prints typos fixed and wrong for the base weights (the shipped ones, or
``--base hand-set``: model.json's record of the hand-set weights) and the candidate, and
every change of clean copy the candidate makes that the base does not, with its verdict in
benchmarks/results/review_dev.tsv (genuine, false, or unreviewed).

The bar (``PASS``) is issue 12's own objective, the one fit_model.py fits: a false change
costs far more than a miss. Each model scores

    typos fixed - 3 x wrong fixes          (on the documents with injected typos)
    + genuine errors of the source fixed - 30 x false changes   (on the clean copy of every document checked)

(``--wrong``, ``--cost``; with ``--typo-docs N`` the typos are those of fit_model.py's
validation documents, the first N of each corpus, never fitted on; a false change is a change
of clean copy that benchmarks/results/review_dev.tsv does not judge genuine, an unreviewed one
counted as false until it is reviewed). False changes are counted on every document's clean
copy, not on the validation documents' alone: they are a handful in 80 documents a corpus,
and the 6baed7c refit's gain there (3 against 5) vanished on all dev clean copy (17 against
17) while it paid for 27 fewer typos fixed. (The fit's training documents are among them,
so their clean copy is in sample for a fitted candidate; the hand-set weights were set with
sight of all of it too.) The candidate passes when it scores higher than the base, makes no
more false changes on the clean copy of every document checked (dev precision first), fixes
in no corpus more than ``--fixed-slack`` points fewer of the injected typos and makes no more
wrong fixes than the base (the project's "no fewer fixes"), and (with ``--golden``) gets
every one of issue 12's own examples right and loses no golden case that the base passes
(the project's rule: a golden case that passed may not fail; gains are listed). The base's
per-document results are cached in ``--cache-dir`` (keyed by the weights, the fix gap, the
engine's and the benchmark's source), so a search pays for them once.

The dev documents after the first 80 of each corpus are what dictionaries/news_counts.tsv
counts: with ``--news-folds N`` (default 5; 0: the full counts, in sample) each is checked
with the counts less those of its own run of documents (scripts/news_folds.py,
benchmarks/accuracy.py's NewsFolds), so the features that read news counts are out of sample
on every document's clean copy and typos.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

_STATE: dict[str, Any] = {}
COST = 30.0  # a false change costs this many typos fixed (fit_model.py --cost)
WRONG = 3.0  # a wrong fix costs this many (fit_model.py --wrong)
FIXED_SLACK = 0.3  # points of injected typos fixed a corpus may lose against the base (the lead's rule for shipping)
NEWS_FOLDS = 5  # the dev documents news_counts.tsv counts read the counts less their own run (accuracy.py --news-folds)

DocResult = dict[str, Any]  # "changes": [(word, fix)], "typos": [(original, corrupted, result, got)]


def candidate_model(weights_file: Path | None, sets: dict[str, float], fix_gap: float | None) -> tuple[dict, float]:
    """The candidate's weights and fix gap: the shipped ones, those of ``weights_file``, then ``sets``."""
    from normalize.model import default

    shipped = default()
    weights, gap = dict(shipped.weights), shipped.fix_gap
    if weights_file is not None:
        data = json.loads(weights_file.read_text(encoding="utf-8"))
        given = data.get("fitted_weights") or data.get("weights") or {}
        unknown = set(given) - set(weights)
        if unknown:
            raise click.UsageError(f"{weights_file}: no feature {', '.join(sorted(unknown))}")
        weights.update({k: float(v) for k, v in given.items()})
        gap = float(data.get("fix_gap", gap))
    unknown = set(sets) - set(weights)
    if unknown:
        raise click.UsageError(f"--set: no feature {', '.join(sorted(unknown))}")
    weights.update(sets)
    if fix_gap is not None:
        gap = fix_gap
    return weights, gap


def hand_set() -> tuple[dict[str, float], float]:
    """The hand-set weights and fix gap (normalize.model.Model.hand_set: model.json keeps them beside fitted ones)."""
    from normalize.model import default

    hand = default().hand_set()
    return dict(hand.weights), hand.fix_gap


def _key(weights: dict[str, float], gap: float) -> str:
    """The cache key of one model on this engine: its weights, its gap, the engine's source, the
    benchmark's (the injector's choice of typos: 659db3d changed it, and a cache made before
    served the old typos' results) and the lexicon."""
    h = hashlib.sha256(json.dumps([sorted(weights.items()), gap]).encode())
    for path in sorted((ROOT / "normalize").glob("*.py")) + sorted((ROOT / "benchmarks").glob("*.py")):
        h.update(path.read_bytes())
    for path in sorted((ROOT / "dictionaries").glob("*.tsv")):  # the lexicon (as its loader checks it: sizes)
        h.update(f"{path.name}:{path.stat().st_size}".encode())
    return h.hexdigest()[:16]


def _init(weights: dict[str, float], gap: float) -> None:
    from normalize.engine import Normalizer, default
    from normalize.model import Model

    base = default()
    engine = _STATE["engine"] = Normalizer(base.lexicon, model=Model(weights, fix_gap=gap), rules=base.rules)
    if "tables" in _STATE:
        from benchmarks.accuracy import NewsFolds

        _STATE["folds"] = NewsFolds(*_STATE["tables"], engine._memo.clear)


def _one(job: tuple[str, Any, bool]) -> tuple[tuple[str, str], DocResult]:
    """One document: the changes of its clean text and (when the job says so) the outcome of each injected typo."""
    from benchmarks.score import outcome
    from benchmarks.tools import Edit
    from benchmarks.typo_corpus import corrupt_doc

    corpus, doc, with_typos = job
    engine = _STATE["engine"]
    if "folds" in _STATE:  # the news counts less those of the document's own run (accuracy.NewsFolds)
        _STATE["folds"].read(corpus, _STATE["positions"][(corpus, doc.link)])

    def edits(text: str) -> list[Any]:
        return [
            Edit(f.start, f.end, f.replacement)
            for f in engine.check(text).findings
            if f.action == "fix" and f.replacement is not None and f.replacement != f.text
        ]

    changes = [(doc.text[e.start : e.end], e.replacement, e.start) for e in edits(doc.text)]
    if not with_typos:
        return (corpus, doc.link), {"changes": changes, "typos": []}
    text, injections = corrupt_doc(doc, 1, "published")
    out = edits(text)
    typos = []
    for inj in injections:
        result, got = outcome(text, inj, out)
        typos.append((inj.original, inj.corrupted, inj.category, result, got))
    return (corpus, doc.link), {"changes": changes, "typos": typos}


Job = tuple[str, Any, bool]  # corpus, document, whether to inject typos (else its clean copy alone)


def _fold_tables(news_folds: int) -> None:
    """The leave-fold-out news tables (scripts/news_folds.py) and each dev document's position in
    its corpus, in _STATE for _init and _one (none with ``news_folds`` 0)."""
    if not news_folds:
        _STATE.pop("tables", None)
        return
    if _STATE.get("tables_of") == news_folds:
        return
    from benchmarks import split
    from scripts import news_folds as nf
    from scripts.build_news_counts import SKIP

    _STATE["tables"], _STATE["tables_of"] = nf.checked_tables(news_folds, SKIP), news_folds
    _STATE["positions"] = {
        (corpus, doc.link): n
        for corpus in split.CORPORA
        if split.available(corpus)
        for n, doc in enumerate(split.load("dev", corpus=corpus))
    }


def run(
    weights: dict[str, float],
    gap: float,
    jobs: list[Job],
    workers: int,
    cache: Path | None,
    news_folds: int = NEWS_FOLDS,
) -> dict[tuple[str, str], DocResult]:
    """Each job's result with these weights; cached per document when ``cache`` is given. With
    ``news_folds`` the dev documents that dictionaries/news_counts.tsv counts are checked with the
    counts less those of their own run of documents (benchmarks/accuracy.py --news-folds)."""
    stored: dict[tuple[str, str], DocResult] = {}
    typo_docs = sum(j[2] for j in jobs)
    path = cache / f"verify-{_key(weights, gap)}-{typo_docs}-folds{news_folds}.pickle" if cache else None
    if path is not None and path.exists():
        stored = pickle.loads(path.read_bytes())
    todo = [j for j in jobs if (j[0], j[1].link) not in stored]
    if todo:
        from normalize.engine import default

        default()  # loaded once, before the workers fork
        _fold_tables(news_folds)  # built once too
        if workers > 1:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers, initializer=_init, initargs=(weights, gap)) as pool:
                for n, (key, result) in enumerate(pool.imap_unordered(_one, todo, chunksize=4), 1):
                    stored[key] = result
                    if n % 100 == 0:
                        click.echo(f"  {n} of {len(todo)} documents", err=True)
        else:
            _init(weights, gap)
            try:
                stored.update(map(_one, todo))
            finally:
                _STATE.pop("folds", None)
                from scripts import news_folds as nf

                nf.use(None)  # the compiled counts again
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(stored))
    return {(c, d.link): stored[(c, d.link)] for c, d, _ in jobs}


def summary(results: dict[tuple[str, str], DocResult]) -> dict[str, Counter[str]]:
    per: dict[str, Counter[str]] = {}
    for (corpus, _doc), r in results.items():
        row = per.setdefault(corpus, Counter())
        row["docs"] += 1
        row["changes"] += len(r["changes"])
        for _orig, _bad, _cat, result, _got in r["typos"]:
            row[result] += 1
            row["typos"] += 1
    return per


def compare(
    base: dict[tuple[str, str], DocResult], cand: dict[tuple[str, str], DocResult]
) -> tuple[dict[str, Any], list[dict[str, str]], list[dict[str, str]]]:
    """Per corpus figures of both, the candidate's new clean changes (with their verdicts) and
    the typos whose outcome moved."""
    from benchmarks.accuracy import load_review

    review = load_review()
    b, c = summary(base), summary(cand)
    figures: dict[str, Any] = {}
    new: list[dict[str, str]] = []
    moved: list[dict[str, str]] = []
    for key in cand:
        corpus, doc = key
        had = Counter((w, f) for w, f, _ in base[key]["changes"])
        for w, f, start in cand[key]["changes"]:
            if had[(w, f)] > 0:
                had[(w, f)] -= 1
                continue
            verdict = review.get((corpus, doc, w, f), "unreviewed")
            new.append({"corpus": corpus, "doc": doc, "word": w, "fix": f, "verdict": verdict, "at": str(start)})
        for (orig, bad, cat, r0, g0), (_, _, _, r1, g1) in zip(base[key]["typos"], cand[key]["typos"], strict=True):
            if (r0, g0) != (r1, g1):
                moved.append({"corpus": corpus, "doc": doc, "typo": f"{orig} -> {bad} ({cat})", "was": f"{r0} {g0}",
                              "now": f"{r1} {g1}"})  # fmt: skip
    for corpus in b:
        rows = {}
        for name, s in (("base", b[corpus]), ("candidate", c[corpus])):
            n = max(1, s["typos"])
            rows[name] = {
                "docs": s["docs"], "typos": s["typos"], "fixed": s["fixed"], "wrong": s["wrong"],
                "fixed_pct": round(100 * s["fixed"] / n, 2), "wrong_pct": round(100 * s["wrong"] / n, 2),
                "clean_changes": s["changes"],
            }  # fmt: skip
        rows["new_clean_changes"] = dict(Counter(x["verdict"] for x in new if x["corpus"] == corpus))
        figures[corpus] = rows
    return figures, new, moved


def golden(weights: dict[str, float], gap: float) -> dict[str, Any]:
    """The golden tally (tests/cases/tally.py's count of engine_v2.json) and issue 12's own examples lost."""
    from normalize.engine import Normalizer, default
    from normalize.model import Model

    base = default()
    engine = Normalizer(base.lexicon, model=Model(weights, fix_gap=gap), rules=base.rules)
    cases = json.loads((ROOT / "tests" / "cases" / "engine_v2.json").read_text(encoding="utf-8"))["cases"]
    passed, lost, gained, issue_wrong = 0, [], [], []
    for case in cases:
        report = engine.fix(case["input"])
        ok = report.fixed == case.get("output", case["input"]) and ("output" in case or not report.fixes)
        passed += ok
        if not ok and not case.get("open"):
            lost.append(case["input"])
        if ok and case.get("open"):
            gained.append(case["input"])
        if not ok and str(case.get("why", "")).startswith("issue") and not case.get("open"):
            issue_wrong.append(case["input"])
    return {"passed": passed, "of": len(cases), "lost": lost, "gained": gained, "issue_examples_wrong": issue_wrong}


def objective(
    results: dict[tuple[str, str], DocResult], review: dict[Any, str], cost: float = COST, wrong: float = WRONG
) -> dict[str, Any]:
    """Issue 12's objective for one model: typos fixed on the documents with injected typos
    (the validation documents), less ``wrong`` per wrong fix there, plus the genuine errors of
    the source fixed and less ``cost`` per false change (a change the review does not judge
    genuine; unreviewed ones count as false) on the clean copy of EVERY document checked.
    Clean copy is counted over every document, not the validation documents alone: false
    changes are rare (a handful in 80 documents a corpus), and a gain of two there vanished on
    all dev clean copy (17 against 17, the 6baed7c refit) while it paid for 27 fewer typos
    fixed. The validation documents' own clean-copy figures are still given."""
    val: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for (corpus, doc), r in results.items():
        verdicts = Counter(review.get((corpus, doc, w, f), "unreviewed") for w, f, _ in r["changes"])
        every.update(verdicts)
        if not r["typos"]:
            continue
        val["docs"] += 1
        val.update(verdicts)
        for _orig, _bad, _cat, result, _got in r["typos"]:
            val["typos"] += 1
            val[result] += 1
    false = every["false"] + every["unreviewed"]
    score = val["fixed"] - wrong * val["wrong"] + every["genuine"] - cost * false
    return {
        "validation": {
            "docs": val["docs"], "typos": val["typos"], "fixed": val["fixed"], "wrong": val["wrong"],
            "fixed_pct": round(100 * val["fixed"] / max(1, val["typos"]), 2), "genuine": val["genuine"],
            "false": val["false"], "unreviewed": val["unreviewed"],
        },
        "all_clean_copy": {"docs": len(results), "genuine": every["genuine"], "false": every["false"],
                           "unreviewed": every["unreviewed"]},
        "objective": round(score, 1),
    }  # fmt: skip


def verdict(scores: dict[str, dict[str, Any]], figures: dict[str, Any] | None = None,
            slack: float = FIXED_SLACK) -> list[str]:  # fmt: skip
    """What keeps the candidate from the bar (empty: it passes on these documents): a lower
    objective, more false changes of clean copy, or (``figures``: compare's per corpus) in any
    corpus more than ``slack`` points fewer typos fixed or more wrong fixes."""
    short = []
    b, c = scores["base"], scores["candidate"]
    if c["objective"] <= b["objective"]:
        short.append(f"objective {c['objective']} <= {b['objective']} (base)")
    false_b = b["all_clean_copy"]["false"] + b["all_clean_copy"]["unreviewed"]
    false_c = c["all_clean_copy"]["false"] + c["all_clean_copy"]["unreviewed"]
    if false_c > false_b:
        short.append(
            f"false changes of clean copy {false_c} > {false_b} (base; unreviewed: {c['all_clean_copy']['unreviewed']})"
        )
    for corpus, rows in (figures or {}).items():
        fb, fc = rows["base"], rows["candidate"]
        if fc["fixed_pct"] < fb["fixed_pct"] - slack:
            short.append(f"{corpus}: fixed {fc['fixed_pct']} < {fb['fixed_pct']} - {slack:g} % (base)")
        if fc["wrong"] > fb["wrong"]:
            short.append(f"{corpus}: wrong fixes {fc['wrong']} > {fb['wrong']} (base)")
    return short


def golden_verdict(golden: dict[str, Any]) -> list[str]:
    """What the golden file holds against the candidate: a case the base passes that it loses
    (no golden case that passed may fail), and any of issue 12's own examples it gets wrong."""
    short = []
    if golden["lost"]:
        short.append(f"golden cases lost: {len(golden['lost'])} ({'; '.join(golden['lost'][:3])})")
    if golden["issue_examples_wrong"]:
        short.append(f"issue 12's own examples wrong: {golden['issue_examples_wrong']}")
    return short


def weight_settings(text: str) -> dict[str, float]:
    """--set's FEATURE=WEIGHT,... as a dict (fit_model.py's --set reads the same)."""
    out = {}
    for item in filter(None, text.split(",")):
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise click.UsageError(f"--set: {item!r} is not FEATURE=WEIGHT") from None
    return out


def dev_jobs(corpora: str, every: int, offset: int, typo_docs: int = 0) -> list[Job]:
    """Every ``every``-th dev document of each corpus from ``offset``; typos are injected into
    the first ``typo_docs`` of each corpus (0: into all), the others are checked as published."""
    from benchmarks import split

    return [
        (corpus, doc, not typo_docs or n < typo_docs)
        for corpus in corpora.split(",")
        if split.available(corpus)
        for n, doc in enumerate(split.load("dev", corpus=corpus))
        if n % every == offset
    ]


def verify(
    weights: dict[str, float],
    gap: float,
    jobs: list[Job],
    workers: int,
    cache: Path | None,
    with_golden: bool,
    base: tuple[dict[str, float], float] | None = None,
    cost: float = COST,
    wrong: float = WRONG,
    slack: float = FIXED_SLACK,
    news_folds: int = NEWS_FOLDS,
) -> dict[str, Any]:
    """The whole comparison of a candidate with ``base`` (weights, fix gap; default: the shipped ones) on ``jobs``."""
    from benchmarks.accuracy import load_review
    from normalize.model import default

    if base is None:
        shipped = default()
        base = dict(shipped.weights), shipped.fix_gap
    base_results = run(base[0], base[1], jobs, workers, cache, news_folds)
    same = weights == base[0] and gap == base[1]
    cand = base_results if same else run(weights, gap, jobs, workers, cache, news_folds)
    figures, new, moved = compare(base_results, cand)
    review = load_review()
    scores = {"base": objective(base_results, review, cost, wrong), "candidate": objective(cand, review, cost, wrong)}
    short = verdict(scores, figures, slack)
    out: dict[str, Any] = {"figures": figures, "objective": scores, "new_clean_changes": new, "moved": len(moved)}
    if with_golden:
        g_base, g_cand = golden(*base), golden(weights, gap)
        out["golden"] = {"base": g_base["passed"], "candidate": g_cand["passed"], "of": g_cand["of"],
                         "lost": sorted(set(g_cand["lost"]) - set(g_base["lost"])),
                         "gained": sorted(set(g_cand["gained"]) - set(g_base["gained"])),
                         "issue_examples_wrong": g_cand["issue_examples_wrong"]}  # fmt: skip
        short += golden_verdict(out["golden"])
    out["short"] = short
    out["moved_typos"] = moved
    return out


@click.command()
@click.option("--weights", "weights_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--set", "sets", default="", help="comma-separated FEATURE=WEIGHT over the candidate's")
@click.option("--fix-gap", type=float, help="the candidate's runner-up gap (default: the file's, else shipped)")
@click.option("--corpora", default="press,whitehouse,ungd", show_default=True)
@click.option("--every", default=1, show_default=True, help="every N-th dev document of each corpus")
@click.option("--offset", default=0, show_default=True, help="... starting at this index")
@click.option(
    "--typo-docs",
    default=0,
    show_default=True,
    help="inject typos into the first N dev documents of each corpus only (the validation documents of "
    "fit_model.py --validate N); every document's clean copy is checked (0: typos into all)",
)
@click.option(
    "--base",
    type=click.Choice(["shipped", "hand-set"]),
    default="hand-set",
    show_default=True,
    help="the weights the candidate is judged against: the shipped ones, or the hand-set ones model.json records",
)
@click.option("--cost", default=COST, show_default=True, help="a false change costs this many typos fixed")
@click.option("--wrong", default=WRONG, show_default=True, help="a wrong fix costs this many typos fixed")
@click.option(
    "--fixed-slack", default=FIXED_SLACK, show_default=True, help="points of typos fixed a corpus may lose (the bar)"
)
@click.option("--workers", default=2, show_default=True)
@click.option(
    "--news-folds",
    default=NEWS_FOLDS,
    show_default=True,
    help="documents that dictionaries/news_counts.tsv counts read the counts less their own run of documents, "
    "one of N a corpus (benchmarks/accuracy.py --news-folds; 0: the full counts, in sample)",
)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="cache the results here")
@click.option("--golden/--no-golden", "with_golden", default=True, show_default=True)
@click.option("--json", "json_to", type=click.Path(dir_okay=False, path_type=Path), help="write the comparison here")
@click.option("--list-moved", is_flag=True, help="print each typo whose outcome moved")
def main(
    weights_file: Path | None,
    sets: str,
    fix_gap: float | None,
    corpora: str,
    every: int,
    offset: int,
    typo_docs: int,
    base: str,
    cost: float,
    wrong: float,
    fixed_slack: float,
    workers: int,
    news_folds: int,
    cache_dir: Path | None,
    with_golden: bool,
    json_to: Path | None,
    list_moved: bool,
) -> None:
    t0 = time.perf_counter()
    weights, gap = candidate_model(weights_file, weight_settings(sets), fix_gap)
    jobs = dev_jobs(corpora, every, offset, typo_docs)
    out = verify(weights, gap, jobs, workers, cache_dir, with_golden, hand_set() if base == "hand-set" else None, cost,
                 wrong, fixed_slack, news_folds)  # fmt: skip
    for corpus, rows in out["figures"].items():
        s, c = rows["base"], rows["candidate"]
        click.echo(
            f"{corpus}: {s['docs']} docs, {s['typos']} typos; fixed {s['fixed']} -> {c['fixed']} "
            f"({s['fixed_pct']} -> {c['fixed_pct']} %), wrong {s['wrong']} -> {c['wrong']} "
            f"({s['wrong_pct']} -> {c['wrong_pct']} %), clean changes {s['clean_changes']} -> {c['clean_changes']}, "
            f"new: {rows['new_clean_changes']}"
        )
    for x in out["new_clean_changes"]:
        click.echo(f"  new clean change [{x['verdict']}] {x['corpus']} {x['word']} -> {x['fix']}  ({x['doc']})")
    if list_moved:
        for m in out["moved_typos"]:
            click.echo(f"  moved {m['corpus']} {m['typo']}: {m['was']} -> {m['now']}")
    for name, score in out["objective"].items():
        click.echo(f"{name}: {json.dumps(score)}")
    if "golden" in out:
        click.echo(f"golden: {out['golden']}")
    click.echo(f"verdict: {'PASS' if not out['short'] else 'FAIL: ' + '; '.join(out['short'])}")
    click.echo(f"({time.perf_counter() - t0:.0f} s)", err=True)
    if json_to:
        json_to.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
