"""Why the engine misses injected typos of names: a tally of the DEV misses by cause.

    python benchmarks/misses.py [--corpus press|whitehouse|ungd|all] [--limit 80]
                                [--categories person,place] [--list] [--news-folds 5]

For every injected typo of the chosen categories that the engine does not fix (the first
``--limit`` dev documents of each corpus, benchmarks/typo_corpus.py's injections), the
cause, read from the engine's own steps on the corrupted text:

- ``wrong``: fixed to something else;
- ``suggested``: a finding with the right top suggestion, under the fix threshold
  (``suggested/variant`` when the reading is a variant, never fixed; ``suggested/gap``
  when a rival reading lies too close; ``suggested/margin`` otherwise);
- ``suggested-other``: a finding whose top suggestion is another word;
- ``case/suggested``, ``case/margin``, ``case/no-reading``: a case slip (normalize/casing.py)
  only suggested, read but too unlikely for a finding, or not read at all (with its features);
- ``join`` / ``split``: edit classes the word-by-word decision does not see;
- ``not-checked/known``: the typo is a word the lexicon knows (an English word, a
  frequent name); ``not-checked/name-part``: a listed name part beside its own name;
  ``not-checked/other``: skipped for another reason (derived, folded, acronym shape);
- ``no-candidate``: checked, the right spelling is not among the readings
  (``/not-found``: the candidate lookup does not return it; ``/gated``: a gate drops it);
- ``ranked-second``: the right spelling is a reading, another one scores higher;
- ``under-floor``: the right reading is best but its margin is below the suggestion floor.

Only the dev split is read. As ``accuracy.py --parts dev`` (``--news-folds``, default 5; 0 for the
compiled counts), a dev document that dictionaries/news_counts.tsv counts reads the news counts
less its own run of documents (accuracy.NewsFolds), so that the tally is out of sample as the
benchmark's figures are (until stop 45 it read the full counts: 345 press word misses where
accuracy.py counted 476).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import split  # noqa: E402
from benchmarks.inject import Injected  # noqa: E402
from benchmarks.typo_corpus import samples  # noqa: E402


def _word_at(words: Any, inj: Injected) -> int | None:
    for i, w in enumerate(words):
        if w.token.start < inj.end and inj.start < w.token.end:
            return i
    return None


def cause(norm: Any, text: str, inj: Injected, findings: Any) -> tuple[str, str]:
    """The outcome of one typo (``fixed`` or a cause of a miss) and a note."""
    from benchmarks.score import outcome
    from benchmarks.tools import Edit
    from normalize import decide as d
    from normalize.context import Context
    from normalize.tokenize import join_broken, words

    edits = [Edit(f.start, f.end, f.replacement) for f in findings if f.replacement is not None]
    result, got = outcome(text, inj, edits)
    if result != "missed":
        return result, "" if result == "fixed" else f"-> {got}"
    over = sorted((f for f in findings if f.start < inj.end and inj.start < f.end), key=lambda f: f.start)
    if inj.edit == "case":
        return _case(norm, text, inj, bool(over))
    if inj.edit in ("join", "split"):
        return inj.edit, ""
    toks = join_broken(text, words(text, ()), norm.lexicon.knows)
    i = _word_at(toks, inj)
    if i is None:
        return "no-token", ""
    ctx = Context.of(toks, norm.lexicon, norm._speller, norm._names, norm._bigrams, norm.model, {})
    want = inj.original.lower()
    if over:
        f = over[0]
        top = f.suggestions[0] if f.suggestions else None
        if top is None or top.lower() != want:
            return "suggested-other", f"top {top}"
        scored = d._score(ctx, i, toks[i].core.lower() in norm.lexicon.name_index)
        best = next((s for s in scored if s.candidate.text.lower() == want), None)
        if best is not None and best.suggest_only:
            return "suggested/variant", f"conf {f.confidence}"
        if best is not None:
            _, gap, _ = d.weigh_rivals(ctx, i, scored)
            if gap < d.FIX_MARGIN and best.margin >= d.FIX_MARGIN:
                rival = next((s for s in scored if s is not best), None)
                who = f" rival {rival.candidate.text} ({_terms(rival)})" if rival else ""
                return "suggested/gap", f"margin {best.margin:.2f} gap {gap:.2f} ({_terms(best)}){who}"
            return "suggested/margin", f"margin {best.margin:.2f} " + _terms(best)
        return "suggested/margin", f"conf {f.confidence}"
    core = toks[i].core
    if not d.checkable(ctx, i):
        low = core.lower()
        if low in norm.lexicon.words or norm.lexicon.zipf(core) >= 3.0:
            return "not-checked/known", f"zipf {norm.lexicon.zipf(core):.1f}"
        if low in norm.lexicon.name_index:
            return "not-checked/name-part", ""
        return "not-checked/other", ""
    listed = core.lower() in norm.lexicon.name_index
    scored = d._score(ctx, i, listed)
    texts = [s.candidate.text.lower() for s in scored]
    if want not in texts:
        raw = {k for k, _ in ctx.names.lookup(core, ctx.own_names)} | {k for k, _ in ctx.speller.lookup(core)}
        if want in raw:
            return "no-candidate/gated", _gate(d, ctx, i, want)
        return "no-candidate/not-found", f"{len(scored)} readings"
    if texts[0] != want:
        return "ranked-second", f"top {scored[0].candidate.text} {scored[0].margin:.2f}"
    return "under-floor", f"margin {scored[0].margin:.2f} " + _terms(scored[0])


def _case(norm: Any, text: str, inj: Injected, found: bool) -> tuple[str, str]:
    """A case slip missed: ``case/suggested`` (a finding under the fix threshold), ``case/margin``
    (a reading too unlikely for a finding), ``case/no-reading`` (casing.py does not read it)."""
    from normalize.casing import readings
    from normalize.tokenize import join_broken, words

    toks = join_broken(text, words(text, ()), norm.lexicon.knows)
    i = _word_at(toks, inj)
    reading = next((r for r in readings(toks, norm.lexicon) if r.i == i), None)
    if reading is None:
        return "case/no-reading", ""
    terms = " ".join(f"{n}={v:g}" for n, v in reading.features.items())
    return f"case/{'suggested' if found else 'margin'}", f"margin {norm.model.margin(reading.features, {}):.2f} {terms}"


def _gate(d: Any, ctx: Any, i: int, want: str) -> str:
    """Which gate of decide.py drops the right reading (its steps, asked again)."""
    from normalize.context import own_entities, typed_zipf
    from normalize.forms import skeleton

    core = ctx.words[i].core
    low = core.lower()
    if core.islower():
        return "lowercase"
    own = own_entities(low, ctx.lexicon)
    official = any(ctx.lexicon.entries[e][2] == "person" for e in own)
    hits, _, partners = d._name_hits(ctx, i, own, official)
    keys = {k for k, _ in hits}
    typed = typed_zipf(core, ctx.lexicon)
    variants = [k for k in keys if skeleton(k) == skeleton(low)]
    if typed >= d.VARIANT_ZIPF and variants and want in keys:
        return f"variant-of {','.join(sorted(variants))[:40]} (typed zipf {typed:.2f})"
    if want in keys:
        return "other"
    if own and own.keys() & d._entities(want, ctx):
        return "own-entity (the typo is listed as the entity's name)"
    if official:
        return "official (a word of a listed official's name)"
    return "filtered (derived, foreign phrase, name_worthy, after a given name)"


def _terms(s: Any) -> str:
    return " ".join(f"{n}={v:g}" for n, v in s.terms if v)


@click.command()
@click.option("--corpus", type=click.Choice([*split.CORPORA, "all"]), default="all", show_default=True)
@click.option("--limit", type=int, default=80, show_default=True, help="the first N dev documents of each corpus")
@click.option("--categories", default="person,place", show_default=True)
@click.option("--list", "listing", is_flag=True, help="one line per miss")
@click.option("--context", type=int, default=0, help="with --list: this many characters of text either side")
@click.option("--news-folds", type=int, default=5, show_default=True, help="as accuracy.py's (0: compiled counts)")
def main(corpus: str, limit: int, categories: str, listing: bool, context: int, news_folds: int) -> None:
    from benchmarks.accuracy import NewsFolds
    from normalize.engine import default

    norm = default()
    folds = NewsFolds.build(news_folds, norm._memo.clear) if news_folds else None
    wanted = set(categories.split(","))
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    edits: dict[str, Counter[str]] = defaultdict(Counter)
    for name in split.CORPORA if corpus == "all" else [corpus]:
        for n, sample in enumerate(samples(name, limit=limit)):
            if folds is not None:
                folds.read(name, n)
            findings = norm.check(sample.text).findings
            for inj in sample.injections:
                if inj.category not in wanted:
                    continue
                why, note = cause(norm, sample.text, inj, findings)
                tally[f"{name}/{inj.category}"][why] += 1
                tally[inj.category][why] += 1
                if why != "fixed":
                    edits[inj.category][inj.edit] += 1
                if listing and why != "fixed":
                    click.echo(f"{name}\t{inj.category}\t{inj.edit}\t{why}\t{inj.original}\t{inj.corrupted}\t{note}")
                    if context:
                        text = sample.text
                        around = text[max(0, inj.start - context) : inj.start] + "[" + text[inj.start : inj.end]
                        around += "]" + text[inj.end : inj.end + context]
                        click.echo("\t" + " ".join(around.split()))
    for key in sorted(tally):
        c = tally[key]
        n = sum(c.values())
        parts = ", ".join(f"{k} {v}" for k, v in c.most_common())
        click.echo(f"{key}: {n} typos, fixed {100 * c['fixed'] / n:.1f} %: {parts}")
    for cat, c in sorted(edits.items()):
        click.echo(f"{cat} misses by edit: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
