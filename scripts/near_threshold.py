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

``--leave-out K``: the documents after the first 80 of each corpus read the news counts
(dictionaries/news_counts.tsv, which scripts/build_news_counts.py builds from exactly those
documents) less those of their own fold, the folds of ``accuracy.py --news-folds K``
(accuracy.NewsFolds: K runs of consecutive documents a corpus, scripts/news_folds.py), so that
``news_context`` and ``name_context`` never saw any document they score: copy nobody read, as
the first 80 are, and the figures are accuracy.py's. Rows carry ``"fold"`` (-1: the shipped
counts); a change to clean copy that only such a run makes is what the counts hid on dev.
(Before 2026-12-02 the folds were documents n % K, counted afresh: not accuracy.py's.)

``--lee``: also the Lee corpus (benchmarks/other_news.py: ABC news of 2001 from gensim's test
data, never in the news counts, and no rule tuned on its clean copy since 2026-11-27), clean
only, as corpus ``lee`` (one story a document, all counted as "first", with the shipped counts):
clean copy of another region and era, the proxy for copy nobody read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
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
        rivals = [s for s in scored[1:] if not decide._same_entity(s.candidate, scored[0].candidate, ctx)]
        runner = tuple(
            ("~runner:" + s.candidate.text, round(best.candidate.score - s.candidate.score, 3), 0.0) for s in rivals[:1]
        )  # the runner-up of another entity or word, and how far below the proposed reading it scores
        return replace(found, evidence=found.evidence + extra + terms + runner)

    decide._finding = finding  # type: ignore[assignment]


LEE = "lee"


def _lee_docs() -> list[Any]:
    """The Lee corpus's stories as documents (key: lee:N), read where benchmarks/other_news.py reads them."""
    from benchmarks.other_news import FILES, corpus_dir, stories

    directory = corpus_dir()
    if directory is None or not all((directory / f).exists() for f in FILES):
        raise SystemExit("Lee corpus not found: pip install gensim==4.4.0, or set NORMALIZE_LEE_DIR")
    return [split.Doc(f"lee:{n}", "lee", "", "", text, LEE) for n, text in enumerate(stories(directory))]


def _context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    return text[max(0, start - width) : start], text[end : end + width]


def _findings(text: str, injections: list[Any]) -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """Each spelling finding of ``text`` with its label (clean, right, wrong), its evidence and
    its context; and the typo it overlaps (its original, category and edit class), if any."""
    import normalize

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
        yield {
            "label": label, "text": f.text, "top": top, "action": f.action, "rule": f.rule,
            "kind": f.kind, "confidence": f.confidence, "features": ev, "weights": weights,
            "before": before, "after": after,
        }, typo  # fmt: skip


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, default=0, help="the first N dev documents of each corpus (0: all)")
@click.option("--corpora", default=",".join(split.CORPORA), show_default=True)
@click.option("--clean-only", is_flag=True, help="only the clean texts")
@click.option("--leave-out", type=int, default=0, help="K: the documents after the first 80 read the news counts "
              "less their fold's, as accuracy.py --news-folds K (0: the shipped counts)")  # fmt: skip
@click.option("--lee", is_flag=True, help="also the Lee corpus (gensim's test data), clean copy only")
def main(out: str, limit: int, corpora: str, clean_only: bool, leave_out: int, lee: bool) -> None:
    from benchmarks.accuracy import NewsFolds
    from normalize.engine import default

    _instrument()
    docs = {LEE: _lee_docs()} if lee else {}  # first: with the shipped counts
    docs |= {c: split.load("dev", corpus=c) for c in corpora.split(",")}
    docs = {c: ds[:limit] if limit and c != LEE else ds for c, ds in docs.items()}
    folds = NewsFolds.build(leave_out, default()._memo.clear) if leave_out else None
    with open(out, "w", encoding="utf-8") as fh:
        for corpus, ds in docs.items():
            for n, doc in enumerate(ds):
                if folds is not None:
                    folds.read(corpus, n)  # (the Lee corpus and the first 80: the shipped counts)
                texts = [("clean", doc.text, [])]
                if not clean_only and corpus != LEE:
                    texts.append(("typos", *corrupt_doc(doc, 1, "published")))
                head = {"corpus": corpus, "n": n, "first": n < FIRST or corpus == LEE, "doc": doc.link}
                for where, text, injections in texts:
                    for found, typo in _findings(text, injections):
                        row = {**head, "where": where, **found, "fold": folds.fold if folds else -1, **typo}
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                if n % 50 == 0:
                    click.echo(f"{corpus} {n}", err=True)
            if folds is not None:
                folds.read(corpus, -1)  # the compiled counts again


if __name__ == "__main__":
    main()
