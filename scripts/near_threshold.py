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

``--leave-out K``: the documents after the first 80 of each corpus are read in K folds, each
with the news counts (dictionaries/news_counts.tsv, which scripts/build_news_counts.py builds
from exactly those documents) rebuilt without the fold's own documents, so that
``news_context`` and ``name_context`` never saw any document they score: copy nobody read, as
the first 80 are. Rows carry ``"fold"``; a change to clean copy that only such a run makes is
what the counts hid on dev.

``--lee``: also the Lee corpus (benchmarks/other_news.py: ABC news of 2001 from gensim's test
data, never in the news counts, and no rule tuned on its clean copy since 2026-11-27), clean
only, as corpus ``lee`` (one story a document, all counted as "first", with the shipped counts):
clean copy of another region and era, the proxy for copy nobody read.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
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


class _Keys:
    """A KeyTable's ``find`` over a sorted list of keys (Bigrams reads no more of it)."""

    def __init__(self, keys: list[str]) -> None:
        self._at = {k: i for i, k in enumerate(keys)}

    def find(self, key: str) -> int:
        return self._at.get(key, -1)


def _install(uni: Counter[str], pairs: Counter[tuple[str, str]], triples: Counter[tuple[str, str, str]]) -> None:
    """The default engine's Bigrams read these news counts (as news_counts.tsv would give
    them); its memo forgets answers read from the others."""
    from normalize.engine import default
    from scripts.build_news_counts import kept_triples

    engine = default()
    bigrams = engine._bigrams
    words = sorted(uni)
    kept = kept_triples(triples)
    followers = Counter(a for a, _ in pairs)
    preceders = Counter(b for _, b in pairs)
    continued = Counter(f"{a} {b}" for a, b, _ in kept)
    preceded = Counter(f"{b} {c}" for _, b, c in kept)
    counted = {f"{a} {b}": c for (a, b), c in pairs.items()} | {" ".join(t): c for t, c in kept.items()}
    keys = sorted(counted)
    bigrams._news_words = _Keys(words)  # type: ignore[assignment]
    bigrams._news_count = [uni[w] for w in words]  # type: ignore[assignment]
    bigrams._followers = [followers[w] for w in words]  # type: ignore[assignment]
    bigrams._preceders = [preceders[w] for w in words]  # type: ignore[assignment]
    bigrams._news_pairs = _Keys(keys)  # type: ignore[assignment]
    bigrams._news_pair_count = [counted[k] for k in keys]  # type: ignore[assignment]
    bigrams._continued = [continued[k] for k in keys]  # type: ignore[assignment]
    bigrams._preceded = [preceded[k] for k in keys]  # type: ignore[assignment]
    engine._memo.clear()


def _folds(docs: dict[str, list[Any]], k: int) -> list[tuple[int, list[tuple[str, int]]]]:
    """The order to read the documents in: the first 80 of each corpus with the shipped
    counts (fold -1), then each of ``k`` folds of the rest (document n in fold n % k)."""
    order = [(-1, [(c, n) for c, ds in docs.items() for n in range(min(FIRST, len(ds)))])]
    for f in range(k):
        order.append((f, [(c, n) for c, ds in docs.items() for n in range(FIRST, len(ds)) if n % k == f]))
    return order


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


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, default=0, help="the first N dev documents of each corpus (0: all)")
@click.option("--corpora", default=",".join(split.CORPORA), show_default=True)
@click.option("--clean-only", is_flag=True, help="only the clean texts")
@click.option("--leave-out", type=int, default=0, help="K: read the documents after the first 80 in K folds, "
              "each with news counts built without it (0: the shipped counts)")  # fmt: skip
@click.option("--lee", is_flag=True, help="also the Lee corpus (gensim's test data), clean copy only")
def main(out: str, limit: int, corpora: str, clean_only: bool, leave_out: int, lee: bool) -> None:
    _instrument()
    import normalize
    from scripts.build_news_counts import doc_counts

    docs = {c: split.load("dev", corpus=c) for c in corpora.split(",")}
    docs = {c: ds[:limit] if limit else ds for c, ds in docs.items()}
    order = _folds(docs, leave_out) if leave_out else [(-1, [(c, n) for c, ds in docs.items() for n in range(len(ds))])]
    if lee:
        docs[LEE] = _lee_docs()
        order.insert(0, (-1, [(LEE, n) for n in range(len(docs[LEE]))]))  # first: with the shipped counts
    if leave_out:
        every = [split.load("dev", corpus=c) for c in split.CORPORA]  # all the counts' documents, whatever is read
        own = {
            (c, n): doc_counts(d.text)
            for c, ds in zip(split.CORPORA, every, strict=True)
            for n, d in enumerate(ds)
            if n >= FIRST
        }
    with open(out, "w", encoding="utf-8") as fh:
        for fold, chosen in order:
            if fold >= 0:
                uni: Counter[str] = Counter()
                pairs: Counter[tuple[str, str]] = Counter()
                triples: Counter[tuple[str, str, str]] = Counter()
                for (c, n), (one, two, three) in own.items():
                    if n % leave_out != fold or c not in docs:
                        uni.update(one)
                        pairs.update(two)
                        triples.update(three)
                _install(uni, pairs, triples)
                click.echo(f"fold {fold}: {len(chosen)} documents", err=True)
            for corpus, n in chosen:
                doc = docs[corpus][n]
                texts = [("clean", doc.text, [])]
                if not clean_only and corpus != LEE:
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
                            "corpus": corpus, "n": n, "first": n < FIRST or corpus == LEE, "doc": doc.link,
                            "where": where,
                            "label": label, "text": f.text, "top": top, "action": f.action, "rule": f.rule,
                            "kind": f.kind, "confidence": f.confidence, "features": ev, "weights": weights,
                            "before": before, "after": after, "fold": fold, **typo,
                        }  # fmt: skip
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                if n % 50 == 0:
                    click.echo(f"{corpus} {n}", err=True)


if __name__ == "__main__":
    main()
