"""Replay decide's choice for every dev typo and dev clean-copy finding under other weights, in seconds.

    python scripts/replay_decide.py dump OUT.jsonl [--limit N] [--leave-out 5] [--no-clean]
    python scripts/replay_decide.py replay OUT.jsonl [--set FEATURE=WEIGHT,...] [--constant NAME=VALUE,...]
        [--kinds word,person,place] [--list]

``dump`` checks every dev document (benchmarks/split.py; held-out ones are never read) with
the typos accuracy.py injects (seed 1, published mix), and its clean text, as
``accuracy.py --parts dev`` does by default (``--leave-out K``: the documents after the first
80 of each corpus read news counts less their own run of documents: accuracy.NewsFolds, as
``--news-folds K``), and writes one row per injected typo (its original, category, edit class,
accuracy.py's outcome) and per finding of the clean copy, each with the readings ``decide._finding`` saw:
text, kind, distance, score, margin, whether it is suggest-only, the same entity as the best,
an inflection rival (``decide._inflection``), and every feature's value (``Scored.terms``, rank-
only ones included), the best eight.

``replay`` re-decides each row from those readings with model.json's weights and ``--set``
overrides (a weight of a feature the dump lacks is ignored) and decide's constants and ``--constant``
overrides (MIN_FIX_CONFIDENCE, NEWS_LEAD_FLOOR...: on the new side only; until stop 45 a change of
a constant patched both sides and so always moved nothing), for typos of ``--kinds`` (the reading
meant; word by default), as ``decide._finding`` does (the
gap slacks of decide.gap_slack, the fix bar, MIN_FIX_CONFIDENCE, the
posterior with ``inflection_rival``), and prints per corpus the change in typos fixed and
wrong fixes and in clean-copy fixes, and issue 12's objective (fixed - 3 x wrong - 30 x new
clean changes). What it cannot replay: readings beyond the best eight, features that a change
of the engine would compute anew (edit costs: recompute them from the row), the settle passes
and the consistency rule, the spelling of one entity a fix takes (``decide._preferred_spelling``:
the replay proposes the best-scored one), and which readings are the same entity as the best or
an inflection of it once other weights reorder them (the dump tells them of the shipped best).
On c2f1d4e (findings of 7309f8a; all dev, ``--leave-out 5``) the dump's outcomes are the committed
``accuracy.py --parts dev`` rows to the typo (words fixed 5,691 / 9,835 / 7,991, wrong 31 / 40 / 38;
persons and places likewise), and model.json's weights replay the outcome of 24,514 of 24,516 dev
word typos (``replay`` prints this check first; the other two are confidences at the 0.85 bar,
counted from the best eight readings). Written for prec12 (stop 36).
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

Row = dict[str, Any]
Extra = Callable[[Row, Row], dict[str, float]]  # (the row's record, one reading) -> features to override
READINGS = 8


def _record(ctx: Any, i: int, scored: list[Any], listed: bool, found: Any) -> Row:
    """What ``decide._finding`` saw of the word at ``i``."""
    from normalize import decide

    best, gap, alone = decide.weigh_rivals(ctx, i, scored)
    words = ctx.words

    def tok(j: int) -> str:
        return words[j].token.text if 0 <= j < len(words) else ""

    return {
        "core": words[i].core,
        "ctx": [tok(i - 2), tok(i - 1), tok(i + 1), tok(i + 2)],
        "gap": round(min(gap, 99.0), 3),
        "alone": alone,
        "floor": decide._floor(ctx, i, listed),
        "best": best.candidate.text,
        "action": None if found is None else found.action,
        "scored": [
            {
                "t": s.candidate.text,
                "k": s.candidate.kind,
                "d": s.candidate.distance,
                "s": round(s.candidate.score, 3),
                "m": round(s.margin, 3),
                "so": s.suggest_only,
                "same": decide._same_entity(s.candidate, scored[0].candidate, ctx),
                "infl": s is not scored[0] and decide._inflection(ctx, s, scored[0]),
                "f": {n: round(v, 3) for n, v in s.terms},
            }
            for s in scored[:READINGS]
        ],
    }


def recording(log: list[Row], keep_found: bool = False) -> Callable[..., Any]:
    """``decide._finding``, noting in ``log`` what it saw of each word it weighs (``_record``; with
    ``keep_found``, also the Finding it made, under "found": not for the JSON of a dump)."""
    from normalize import decide

    original = decide._finding

    def finding(ctx: Any, i: int, scored: list[Any], listed: bool) -> Any:
        found = original(ctx, i, scored, listed)
        if scored:
            rec = _record(ctx, i, scored, listed, found)
            log.append(rec | {"found": found} if keep_found else rec)
        return found

    return finding


def _instrument(log: list[Row]) -> None:
    from normalize import decide

    decide._finding = recording(log)  # type: ignore[assignment]


def _rows(corpus: str, n: int, fold: int, doc: Any, log: list[Row], clean: bool) -> Iterator[Row]:
    """The rows of one document: its injected typos, then its clean copy's findings."""
    import normalize
    from benchmarks.score import outcome
    from benchmarks.tools import Edit
    from benchmarks.typo_corpus import corrupt_doc
    from normalize import decide
    from normalize.engine import default

    text, injections = corrupt_doc(doc, 1, "published")
    log.clear()
    edits = [Edit(f.start, f.end, f.replacement) for f in normalize.check(text).findings if f.replacement]
    for inj in injections:
        result, got = outcome(text, inj, edits)
        recs = [r for r in log if r["core"] == inj.corrupted]
        yield {
            "corpus": corpus, "n": n, "fold": fold, "orig": inj.original, "typo": inj.corrupted,
            "cat": inj.category, "edit": inj.edit, "real": inj.real, "result": result, "got": got,
            "ctxt": text[max(0, inj.start - 50) : inj.end + 50].replace("\n", " "),
            "rec": recs[-1] if recs else None,
        }  # fmt: skip
    if not clean:
        return
    default()._memo.pop(decide.DECISIONS, None)  # the clean copy is decided afresh
    log.clear()
    normalize.check(doc.text)
    for rec in [r for r in log if r["action"] is not None]:
        where = " ".join(rec["ctx"][:2]) + " [" + rec["core"] + "] " + " ".join(rec["ctx"][2:])
        yield {"corpus": corpus, "n": n, "fold": fold, "clean": True, "text": rec["core"], "ctxt": where, "rec": rec}


def dump(out: Path, limit: int, leave_out: int, clean: bool) -> None:
    """Each dev document read as ``accuracy.py --parts dev`` reads it (``--news-folds``:
    accuracy.NewsFolds puts its fold's counts in force), its rows written to ``out``."""
    from benchmarks import split
    from benchmarks.accuracy import NewsFolds
    from normalize.engine import default

    log: list[Row] = []
    _instrument(log)
    folds = NewsFolds.build(leave_out, default()._memo.clear) if leave_out else None
    with open(out, "w", encoding="utf-8") as fh:
        for corpus in split.CORPORA:
            docs = split.load("dev", corpus=corpus)
            for n, doc in enumerate(docs[:limit] if limit else docs):
                if folds is not None:
                    folds.read(corpus, n)
                for row in _rows(corpus, n, folds.fold if folds else -1, doc, log, clean):
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            if folds is not None:
                folds.read(corpus, -1)  # the compiled counts again
            click.echo(f"{corpus}: {min(limit or len(docs), len(docs))} documents", err=True)


class Weighed(NamedTuple):
    """decide.weigh_rivals's reading of one word at some weights (``weigh``)."""

    top: int  # the best-scored reading: decide reads its margin, floor and suggest_only
    best: int  # the reading proposed (decide._preferred_spelling: top, or a spelling of its entity)
    rivals: list[int]  # the readings of another entity or word, best first
    gap: float  # the proposed reading's score over the first rival's, with decide's slack


def weigh(
    score: Sequence[Any],
    dist: Sequence[int],
    texts: Sequence[str],
    same: Sequence[Sequence[bool]],
    lower: bool,
    kinds: Sequence[str],
    spelling: tuple[Sequence[Any], Sequence[Any]] | None = None,
    initial: Sequence[bool] = (),
) -> Weighed:
    """decide.weigh_rivals on one word's readings, scored at some weights (``score``: indexed as
    ``dist``, ``texts`` and ``kinds``), the one replay of it that this script's ``redecide`` and
    scripts/fit_model.py's ``replay`` share: the readings ranked as decide ranks them (score, then
    distance, then text; a text once), the top one, the spelling decide._preferred_spelling proposes
    (``spelling``: each reading's usage key and spelling score, the score without the news
    features; None: the top one), the readings of another entity or word than the top's
    (``same[j][k]``: readings j and k are one entity's spellings) and the gap with decide's slack
    (decide.gap_slack: for lowercase words and readings that carry initial_word, ``initial[j]``,
    and for places)."""
    from normalize.decide import SAME_ENTITY_SLACK, gap_slack

    seen: set[str] = set()
    ranked = sorted(range(len(texts)), key=lambda j: (-score[j], dist[j], texts[j]))
    order = [j for j in ranked if not (texts[j] in seen or seen.add(texts[j]))]  # type: ignore[func-returns-value]
    top = best = order[0]
    if spelling is not None:
        usage, plain = spelling
        near = [
            j
            for j in order
            if (j == top or same[j][top]) and max(score[top] - score[j], plain[top] - plain[j]) <= SAME_ENTITY_SLACK
        ]
        used = max(near, key=lambda j: usage[j])
        best = used if usage[used] > usage[top] else top
    rivals = [j for j in order if j != top and not same[j][top]]
    gap = score[best] - score[rivals[0]] if rivals else math.inf
    gap += gap_slack(lower, bool(initial and initial[best]), kinds[best] if kinds else "")
    return Weighed(top, best, rivals, gap)


def rival_odds(
    score: Sequence[Any],
    top: int,
    rivals: Sequence[int],
    inflected: Collection[tuple[int, int]],
    share: float,
    odds: Any = 0.0,
) -> Any:
    """decide.posterior's odds: ``odds`` (that of "leave it", 10^-margin) plus every rival's,
    10^(its score - the top's), at the model's ``inflection_rival`` ``share`` for another form of the
    proposed word (``inflected``: the pairs (rival, top) where decide._inflection holds), else 1."""
    for j in rivals:
        odds += (share if (j, top) in inflected else 1.0) * 10.0 ** min(score[j] - score[top], 300.0)
    return odds


def redecide(
    rec: Row, weights: dict[str, float], extra: Extra | None = None, fix_gap: float | None = None
) -> tuple[str, bool, float]:
    """The reading ``decide._finding`` would propose from the row's readings, whether it fixes, its
    confidence. ``fix_gap``: the gap a fix needs over the runner-up (None: model.json's). (The row
    tells which readings are the same entity as, or an inflection of, the shipped best.)"""
    from normalize import decide
    from normalize.model import FIX_MARGIN, MARGIN_ONLY, MAX_CONFIDENCE, RANK_ONLY, default

    bar = default().fix_gap if fix_gap is None else fix_gap
    readings = rec["scored"]
    score, margins = [], []
    for s in readings:
        f = dict(s["f"]) | (extra(rec, s) if extra else {})
        score.append(math.fsum(weights.get(k, 0.0) * v for k, v in f.items() if k not in MARGIN_ONLY))
        margins.append(math.fsum(weights.get(k, 0.0) * v for k, v in f.items() if k not in RANK_ONLY))
    texts, kinds = [s["t"] for s in readings], [s["k"] for s in readings]
    same = [[s["same"]] * len(readings) for s in readings]  # (as the row tells: the same entity as the shipped best)
    initial = [bool(s["f"].get("initial_word")) for s in readings]
    weighed = weigh(score, [s["d"] for s in readings], texts, same, rec["core"].islower(), kinds, initial=initial)
    top, margin = weighed.top, margins[weighed.top]
    if margin < rec["floor"]:  # (the best reading's own margin, before ``alone``, as decide._finding)
        return texts[top], False, 0.0
    if rec["alone"] and not weighed.rivals:
        margin += weights.get(rec["alone"], 0.0)
    margin += weights.get("news_lead", 0.0) * news_lead(rec, readings, top)
    sure = min(margin, weighed.gap + FIX_MARGIN - bar)
    if readings[top]["so"]:
        sure = min(sure, FIX_MARGIN - 0.01)
    inflected = {(j, 0) for j, s in enumerate(readings) if s["infl"]}  # (of the shipped best, as the row tells)
    share = weights["inflection_rival"] if inflected else 1.0
    odds = rival_odds(score, top, weighed.rivals, inflected, share, math.pow(10.0, -min(margin, 300.0)))
    confidence = min(MAX_CONFIDENCE, round(1.0 / (1.0 + odds), 3))
    return texts[top], round(sure, 9) >= FIX_MARGIN and confidence >= decide.MIN_FIX_CONFIDENCE, confidence


def news_lead(rec: Row, readings: Sequence[Row], top: int) -> float:
    """decide.news_lead of the reading ``top`` among the row's readings (the best eight)."""
    from normalize.decide import NEWS_LEAD_FLOOR, NEWS_LEAD_MAX

    best = readings[top]
    if best["k"] != "word" or best["d"] > 1 or not rec["core"].islower():
        return 0.0
    others = [s["f"].get("news_context", 0.0) for s in readings if s["k"] == "word" and s["t"] != best["t"]]
    return min(NEWS_LEAD_MAX, max(0.0, best["f"].get("news_context", 0.0) - max([0.0, *others]) - NEWS_LEAD_FLOOR))


def _outcome(row: Row, weights: dict[str, float], extra: Extra | None) -> str:
    text, fix, _ = redecide(row["rec"], weights, extra)
    return "missed" if not fix else "fixed" if text == row["orig"] else "wrong"


def compare(
    rows: list[Row],
    weights: dict[str, float],
    extra: Extra | None = None,
    constants: dict[str, float] | None = None,
    kinds: Collection[str] = ("word",),
) -> tuple[Counter[Any], list[Any]]:
    """Typos of ``kinds`` (the reading meant: word, person, place) and clean-copy findings whose
    outcome moves from model.json's weights and decide's constants to ``weights`` and decide's
    ``constants`` (MIN_FIX_CONFIDENCE, NEWS_LEAD_FLOOR...: set on the new side only)."""
    from normalize.model import default

    base = dict(default().weights)
    moved: Counter[Any] = Counter()
    cases: list[Any] = []
    for row in rows:
        rec = row["rec"]
        if rec is None or not rec["scored"] or not (row.get("clean") or row["cat"] in kinds):
            continue
        if row.get("clean"):
            a = redecide(rec, base)[1]
            with patched(constants):
                text, b, _ = redecide(rec, weights, extra)
            if a != b:
                moved[(row["corpus"], "clean", "+" if b else "-")] += 1
                cases.append(("clean", row["corpus"], row["ctxt"], text))
            continue
        a = _outcome(row, base, None)
        with patched(constants):
            b, text = _outcome(row, weights, extra), redecide(rec, weights, extra)[0]
        if a != b:
            moved[(row["corpus"], a, b)] += 1
            cases.append((a, b, row["corpus"], row["typo"], row["orig"], text))
    return moved, cases


@contextmanager
def patched(constants: dict[str, float] | None) -> Iterator[None]:
    """decide's module constants set to ``constants`` while the block runs (redecide, weigh and
    news_lead read them at each call), and set back after."""
    from normalize import decide

    old = {name: getattr(decide, name) for name in constants or {}}
    for name, value in (constants or {}).items():
        setattr(decide, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(decide, name, value)


def constant_settings(text: str) -> dict[str, float]:
    """``NAME=VALUE,...`` of decide's module constants (a name decide does not have is an error)."""
    from normalize import decide

    out: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        if not hasattr(decide, name) or not isinstance(getattr(decide, name), float | int):
            raise click.BadParameter(f"decide has no number {name!r}", param_hint="--constant")
        out[name] = float(value)
    return out


def summary(moved: Counter[Any]) -> tuple[dict[str, tuple[int, int, int]], float]:
    """Per corpus (word typos fixed, wrong fixes, clean-copy fixes) moved, and issue 12's objective."""
    out: dict[str, list[int]] = {}
    for (corpus, a, b), n in moved.items():
        got = out.setdefault(corpus, [0, 0, 0])
        if a == "clean":
            got[2] += n if b == "+" else -n
            continue
        got[0] += n * ((b == "fixed") - (a == "fixed"))
        got[1] += n * ((b == "wrong") - (a == "wrong"))
    objective = sum(f - 3 * w - 30 * max(c, 0) for f, w, c in out.values())
    return {c: (v[0], v[1], v[2]) for c, v in sorted(out.items())}, objective


@click.group()
def main() -> None:
    pass


@main.command("dump")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", default=0, show_default=True, help="the first N dev documents of each corpus (0: all)")
@click.option("--leave-out", default=5, show_default=True, help="news-count folds, as accuracy.py --news-folds")
@click.option("--clean/--no-clean", default=True, show_default=True, help="also the clean copy's findings")
def dump_command(out: Path, limit: int, leave_out: int, clean: bool) -> None:
    dump(out, limit, leave_out, clean)


@main.command("replay")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--set", "sets", default="", help="comma-separated FEATURE=WEIGHT over model.json's")
@click.option("--constant", "constants", default="", help="comma-separated NAME=VALUE of decide's constants")
@click.option("--kinds", default="word", show_default=True, help="typos of these kinds (word,person,place)")
@click.option("--list", "listing", is_flag=True, help="every moved typo and clean finding")
def replay_command(path: Path, sets: str, constants: str, kinds: str, listing: bool) -> None:
    from normalize.model import default
    from scripts.verify_model import weight_settings

    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    base = dict(default().weights)
    weights = base | weight_settings(sets)
    chosen = tuple(k.strip() for k in kinds.split(",") if k.strip())
    typos = [r for r in rows if not r.get("clean") and r["cat"] in chosen and r["rec"] and r["rec"]["scored"]]
    same = sum(_outcome(r, base, None) == r["result"] for r in typos)
    click.echo(f"model.json's weights replay accuracy.py's outcome of {same} of {len(typos)} typos ({kinds})")
    moved, cases = compare(rows, weights, constants=constant_settings(constants), kinds=chosen)
    per_corpus, objective = summary(moved)
    click.echo(f"(fixed, wrong, clean fixes) moved: {per_corpus}; objective {objective:+g}")
    for case in cases if listing else ():
        click.echo(f"  {case}")


if __name__ == "__main__":
    main()
