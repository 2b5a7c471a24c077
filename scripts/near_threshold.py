"""The would-be false changes: findings on dev copy that lie near the fix bar, with how near.

    python scripts/near_threshold.py OUT.jsonl [--limit N] [--corpora press,whitehouse,ungd]

For every dev document (benchmarks/split.py; held-out ones are never read) of each corpus,
the engine checks the clean text and the text with typos injected as accuracy.py injects
them (seed 1, published mix). Each spelling finding is written with the two quantities the
fix decision reads (``sure``: the margin, capped by the gap to the runner-up, against
FIX_MARGIN; ``confidence``: the posterior, against MIN_FIX_CONFIDENCE), its evidence and
its context, labelled ``clean`` (no typo there: a correct word, or a genuine error of the
source), ``right`` (its top reading restores an injected typo) or ``wrong`` (a typo's finding
also names the typo: its original, category and edit class). Findings of a
clean text that a slightly lower bar would have fixed are the population the tuned model
only just avoids changing: count them before and after a change to the engine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import split  # noqa: E402
from benchmarks.typo_corpus import corrupt_doc  # noqa: E402

FIRST = 80  # the first 80 dev documents of a corpus are out of sample for news_context


def _instrument() -> None:
    """decide._finding records ``sure``, the margin and the gap in the finding's evidence
    (weight 0: for this script only)."""
    from dataclasses import replace

    from normalize import decide

    original = decide._finding

    def finding(ctx: Any, i: int, scored: list[Any], listed: bool) -> Any:
        found = original(ctx, i, scored, listed)
        if found is None or not scored:
            return found
        best, gap, alone = decide.weigh_rivals(ctx, i, scored)
        margin = best.margin + (ctx.model.weights[alone] if alone else 0.0)
        sure = min(margin, gap + decide.FIX_MARGIN - ctx.model.fix_gap)
        extra = (
            ("~sure", round(min(sure, 99.0), 3), 0.0),
            ("~margin", round(margin, 3), 0.0),
            ("~gap", round(min(gap, 99.0), 3), 0.0),
            ("~suggest_only", float(best.suggest_only), 0.0),
            ("~distance", float(best.candidate.distance), 0.0),
            ("~rivals", float(len(scored)), 0.0),
        )
        terms = tuple(("~t:" + n, round(v, 3), 0.0) for n, v in best.terms)
        return replace(found, evidence=found.evidence + extra + terms)

    decide._finding = finding  # type: ignore[assignment]


def _context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    return text[max(0, start - width) : start], text[end : end + width]


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, default=0, help="the first N dev documents of each corpus (0: all)")
@click.option("--corpora", default=",".join(split.CORPORA), show_default=True)
@click.option("--clean-only", is_flag=True, help="only the clean texts")
def main(out: str, limit: int, corpora: str, clean_only: bool) -> None:
    _instrument()
    import normalize

    with open(out, "w", encoding="utf-8") as fh:
        for corpus in corpora.split(","):
            docs = split.load("dev", corpus=corpus)
            for n, doc in enumerate(docs[:limit] if limit else docs):
                texts = [("clean", doc.text, [])]
                if not clean_only:
                    texts.append(("typos", *corrupt_doc(doc, 1, "published")))
                for where, text, injections in texts:
                    for f in normalize.check(text).findings:
                        top = f.replacement or (f.suggestions[0] if f.suggestions else None)
                        over = [i for i in injections if f.start < i.end and i.start < f.end]
                        label = "clean"
                        typo: dict[str, str] = {}
                        if over:
                            i = over[0]
                            fixed = text[i.start : f.start] + (top or "") + text[f.end : i.end]
                            label = "right" if f.start >= i.start and fixed == i.original else "wrong"
                            typo = {"original": i.original, "category": i.category, "edit": i.edit}
                        ev = {name: value for name, value, _ in f.evidence}
                        weights = {name: w for name, _, w in f.evidence if not name.startswith("~")}
                        before, after = _context(text, f.start, f.end)
                        row = {
                            "corpus": corpus, "n": n, "first": n < FIRST, "doc": doc.link, "where": where,
                            "label": label, "text": f.text, "top": top, "action": f.action, "rule": f.rule,
                            "kind": f.kind, "confidence": f.confidence, "features": ev, "weights": weights,
                            "before": before, "after": after, **typo,
                        }  # fmt: skip
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                if n % 50 == 0:
                    click.echo(f"{corpus} {n}", err=True)


if __name__ == "__main__":
    main()
