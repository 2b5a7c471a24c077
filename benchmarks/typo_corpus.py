"""The injected-typo corpus of the DEV documents, for fitting and tuning.

    python benchmarks/typo_corpus.py [--corpus press|whitehouse|ungd|all] [--limit N] [--seed S]
                                      [--mix published|engine] [--rows]

writes one JSON object a line to stdout: ``corpus``, ``doc`` (the document's
key), ``clean`` (the text as published), ``text`` (the corrupted text) and
``injections`` (``start``/``end`` in ``text``, ``original``, ``corrupted``,
``category`` person/place/word, ``edit``, ``real``: an already-real misspelling).
With ``--rows``, one line per finding of the engine instead (``finding_rows``:
its features from ``Finding.evidence``, confidence, action, and a label right /
wrong / false), on the corrupted and on the clean text. From Python::

    from benchmarks.typo_corpus import samples
    for s in samples("press", limit=50):
        s.text, s.injections          # truth: text[i.start:i.end] should become i.original

Only the dev split is served (benchmarks/split.py): the held-out split is for
the report. Each document's typos come from ``random.Random(f"{seed}:{key}")``,
so they do not depend on which other documents are read or in what order. The
mix is the published one (benchmarks/errors.py: PUBLISHED_WEIGHTS; outputs that
are trusted words redrawn, listed misspellings kept and marked ``real``);
``--mix engine`` gives the engine-shaped mix used until 2026-11-29.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import gazetteer, split  # noqa: E402
from benchmarks.errors import EDIT_WEIGHTS, PUBLISHED_WEIGHTS, ErrorModel  # noqa: E402
from benchmarks.inject import Injected, corrupt  # noqa: E402


@dataclass(frozen=True, slots=True)
class Sample:
    corpus: str
    doc: str  # the document's key in its corpus
    clean: str
    text: str  # with the typos
    injections: tuple[Injected, ...]


@lru_cache(maxsize=1)
def _tables() -> tuple[gazetteer.Gazetteer, frozenset[str], frozenset[str]]:
    """The gazetteer, the English words an injection is redrawn from, every listed word."""
    gaz = gazetteer.load()
    return gaz, frozenset(gazetteer.english_words()), frozenset(gazetteer.broad_lexicon())


def error_model(seed: int | str, mix: str = "published") -> ErrorModel:
    """The benchmark's error model for one document: the published mix redraws only trusted
    words; the engine mix (until 2026-11-29) redraws every listed one."""
    _, trusted, listed = _tables()
    if mix == "engine":
        return ErrorModel(listed, seed)  # type: ignore[arg-type]
    return ErrorModel(trusted, seed, listed=listed, weights=PUBLISHED_WEIGHTS)  # type: ignore[arg-type]


def corrupt_doc(
    doc: split.Doc, seed: int = 1, mix: str = "published", select: str = "natural"
) -> tuple[str, list[Injected]]:
    """The corrupted text of one document and its injections (the same for every caller)."""
    gaz, _, _ = _tables()
    return corrupt(doc.text, gaz, error_model(f"{seed}:{doc.link}", mix), select)


def samples(corpus: str = "press", *, limit: int = 0, seed: int = 1, mix: str = "published") -> Iterator[Sample]:
    """Dev documents of one corpus with typos injected (``limit``: the first N only)."""
    docs = split.load("dev", corpus=corpus)
    for doc in docs[:limit] if limit else docs:
        text, injections = corrupt_doc(doc, seed, mix)
        yield Sample(corpus, doc.link, doc.text, text, tuple(injections))


def finding_rows(sample: Sample, check: Any = None) -> Iterator[dict[str, Any]]:
    """One row per finding of the engine on the corrupted and on the clean text: its features
    (``Finding.evidence``: name -> value), confidence, action and a label: ``right`` (its top
    suggestion restores an injected typo), ``wrong`` (over a typo, not restoring it) or
    ``false`` (no typo there: a finding on a correct word, or a real error of the source)."""
    if check is None:
        import normalize

        check = normalize.check
    for where, text, injections in (("typos", sample.text, sample.injections), ("clean", sample.clean, ())):
        for f in check(text).findings:
            top = f.replacement or (f.suggestions[0] if f.suggestions else None)
            over = [i for i in injections if f.start < i.end and i.start < f.end]
            label = "false"
            if over:
                i = over[0]
                fixed = text[i.start : f.start] + (top or "") + text[f.end : i.end] if f.start >= i.start else None
                label = "right" if fixed == i.original else "wrong"
            yield {
                "corpus": sample.corpus, "doc": sample.doc, "where": where, "start": f.start, "end": f.end,
                "text": f.text, "top": top, "action": f.action, "kind": f.kind, "confidence": f.confidence,
                "features": {name: value for name, value, _ in getattr(f, "evidence", ())}, "label": label,
            }  # fmt: skip


def as_json(sample: Sample) -> str:
    obj = dataclasses.asdict(sample)
    return json.dumps(obj, ensure_ascii=False)


@click.command()
@click.option("--corpus", type=click.Choice([*split.CORPORA, "all"]), default="all", show_default=True)
@click.option("--limit", type=int, default=0, help="the first N dev documents of each corpus (0: all)")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--mix", type=click.Choice(["published", "engine"]), default="published", show_default=True)
@click.option("--rows", is_flag=True, help="one line per finding (features, label), not per document")
def main(corpus: str, limit: int, seed: int, mix: str, rows: bool) -> None:
    assert set(EDIT_WEIGHTS) <= set(PUBLISHED_WEIGHTS)
    for name in split.CORPORA if corpus == "all" else [corpus]:
        for sample in samples(name, limit=limit, seed=seed, mix=mix):
            if rows:
                for row in finding_rows(sample):
                    click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(as_json(sample))


if __name__ == "__main__":
    main()
