"""Leave-fold-out news counts for scripts/fit_model.py and benchmarks/accuracy.py: the news
features of a dev document read counts that document never contributed to.

dictionaries/news_counts.tsv (scripts/build_news_counts.py) is counted from the dev
documents after the first ``SKIP`` of each corpus: the very documents fit_model.py fits on.
Read with those counts, the features of news copy (``name_context``, ``news_name``,
``news_context``, ``news_triple``, ``news_start``, ``runon_pair_news``, ``news_over_typed``, ``unsupported``:
Bigrams.in_news, in_news_triple, news_zipf, news_count and at_start) are in sample
there (a document's own pairs vouch for its own words) and out of sample on the validation
documents and on real copy, so a fit would pay them more than they earn. Here the counted
documents of each corpus are cut into ``folds`` runs of consecutive documents (neighbouring
press releases share their stories); a document of fold k reads the counts of the other
folds only. The first ``SKIP`` documents (the validation documents) read the full counts,
as the engine does.

``held_out(table)`` swaps Bigrams' five readers of the news counts for ones that read
``table`` (class-wide: runon.py builds its own Bigrams); ``None`` restores the compiled ones.
Their arithmetic is Bigrams'; ``check`` compares both readers on the full counts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

ROOT = Path(__file__).resolve().parents[1]


Triples = Counter[tuple[str, str, str]]


@dataclass
class NewsTable:
    """Word rows (count, distinct followers, distinct preceders), pair counts, and the kept
    triples' counts with how many of them continue and precede each pair, as news_counts.tsv."""

    words: dict[str, tuple[int, int, int]]
    pairs: dict[str, int]
    triples: dict[str, int]
    continued: Counter[str]
    preceded: Counter[str]


def table_of(uni: Counter[str], pairs: Counter[tuple[str, str]], triples: Triples | None = None) -> NewsTable:
    from scripts.build_news_counts import kept_triples, preceders_of

    followers: Counter[str] = Counter(a for (a, _), c in pairs.items() if c > 0)
    preceders = preceders_of(pairs)
    words = {w: (c, followers[w], preceders[w]) for w, c in uni.items() if c > 0}
    kept = kept_triples(triples or Counter())
    continued = Counter(f"{a} {b}" for a, b, _ in kept)
    preceded = Counter(f"{b} {c}" for _, b, c in kept)
    return NewsTable(
        words,
        {f"{a} {b}": c for (a, b), c in pairs.items() if c > 0},
        {" ".join(t): c for t, c in kept.items()},
        continued,
        preceded,
    )


def fold_of(n: int, skip: int, counted: int, folds: int) -> int:
    """The fold of the ``n``-th dev document of a corpus whose dev documents after the first
    ``skip`` number ``counted``: consecutive runs; -1 for a document the counts never saw."""
    if n < skip or counted <= 0:
        return -1
    return min(folds - 1, (n - skip) * folds // counted)


def fold_tables(folds: int, skip: int) -> tuple[dict[tuple[str, int], int], dict[int, NewsTable], NewsTable]:
    """(corpus, position) -> fold of every counted dev document, each fold's leave-fold-out
    table, and the full table (which must be news_counts.tsv's: ``check``)."""
    from benchmarks import split
    from scripts.build_news_counts import doc_counts

    per_fold: dict[int, tuple[Counter[str], Counter[tuple[str, str]], Triples]] = {
        k: (Counter(), Counter(), Counter()) for k in range(folds)
    }
    where: dict[tuple[str, int], int] = {}
    for corpus in split.CORPORA:
        docs = list(split.load("dev", corpus=corpus))
        counted = len(docs) - skip
        for n, doc in enumerate(docs):
            k = fold_of(n, skip, counted, folds)
            if k < 0:
                continue
            where[(corpus, n)] = k
            one, two, three = doc_counts(doc.text)
            per_fold[k][0].update(one)
            per_fold[k][1].update(two)
            per_fold[k][2].update(three)
    uni, pairs, triples = compiled_counts()
    tables = {k: table_of(uni - one, pairs - two, triples - three) for k, (one, two, three) in per_fold.items()}
    return where, tables, table_of(uni, pairs, triples)


def checked_tables(folds: int, skip: int) -> tuple[dict[tuple[str, int], int], dict[int, NewsTable]]:
    """``fold_tables``' folds and tables, once the full table is seen to give Bigrams' own
    values back (``check``); a one-line error otherwise."""
    where, tables, full = fold_tables(folds, skip)
    if check(full):
        raise click.ClickException("news_folds: the full table does not give Bigrams' values back")
    return where, tables


def compiled_counts() -> tuple[Counter[str], Counter[tuple[str, str]], Triples]:
    """news_counts.tsv's word, pair and triple counts. A fold's table is these less the fold's own
    counts: the tokenizer has moved a little since the file was counted (a few hyphenated
    names), so counting the documents afresh would not give the file's counts back."""
    from normalize.candidates import read_news
    from normalize.lexicon import NEWS_COUNTS

    words, pairs = read_news(ROOT / "dictionaries" / NEWS_COUNTS)
    uni = Counter({w: row[0] for w, row in words.items()})
    two: Counter[tuple[str, str]] = Counter()
    three: Triples = Counter()
    for key, row in pairs.items():
        parts = key.split(" ")
        if len(parts) == 2:
            two[(parts[0], parts[1])] = row[0]
        else:
            three[(parts[0], parts[1], parts[2])] = row[0]
    return uni, two, three


_TABLE: list[NewsTable | None] = [None]


def _given(table: NewsTable, a: str, b: str, key: str, prior: float) -> float:
    """Bigrams._given on ``table``."""
    from normalize.candidates import NEWS_DISCOUNT

    other = b if key == a else a
    row = table.words.get(other)
    if row is None:
        return 0.0
    seen = row[1] if other == a else row[2]
    if not seen:
        return 0.0
    count = table.pairs.get(f"{a} {b}", 0)
    return (max(count - NEWS_DISCOUNT, 0.0) + NEWS_DISCOUNT * seen * prior) / row[0]


def _in_news(self: Any, a: str, b: str, key: str) -> float:
    """Bigrams.in_news on the table in force."""
    table = _TABLE[0]
    assert table is not None
    zipf = self._lexicon.zipf(key)
    given = _given(table, a, b, key, 10 ** (zipf - 9)) if zipf else 0.0
    return float(max(-self.LIMIT, min(self.LIMIT, math.log10(given / 10 ** (zipf - 9))))) if given else 0.0


def _in_news_triple(self: Any, a: str, b: str, c: str, key: str) -> float:
    """Bigrams.in_news_triple on the table in force."""
    from normalize.candidates import NEWS_DISCOUNT

    table = _TABLE[0]
    assert table is not None
    zipf = self._lexicon.zipf(key)
    near = _given(table, b, c, c, 10 ** (zipf - 9)) if key == c else _given(table, a, b, a, 10 ** (zipf - 9))
    if not near:
        return 0.0
    pair = f"{a} {b}" if key == c else f"{b} {c}"
    seen = (table.continued if key == c else table.preceded)[pair]
    if not seen or pair not in table.pairs:
        return 0.0
    count = table.triples.get(f"{a} {b} {c}", 0)
    given = (max(count - NEWS_DISCOUNT, 0.0) + NEWS_DISCOUNT * seen * near) / table.pairs[pair]
    return float(max(-self.LIMIT, min(self.LIMIT, math.log10(given / near))))


def _news_count(self: Any, word: str) -> int:
    """Bigrams.news_count on the table in force."""
    table = _TABLE[0]
    assert table is not None
    row = table.words.get(word)
    return row[0] if row is not None else 0


def _news_pair_count(self: Any, a: str, b: str) -> int:
    """Bigrams.news_pair_count on the table in force."""
    table = _TABLE[0]
    assert table is not None
    return table.pairs.get(f"{a} {b}", 0)


def _news_zipf(self: Any, word: str) -> float:
    """Bigrams.news_zipf on the table in force."""
    table = _TABLE[0]
    assert table is not None
    row, the = table.words.get(word), table.words.get("the")
    if row is None or the is None:
        return 0.0
    return float(self._lexicon.zipf("the") + math.log10(row[0] / the[0]))


def _at_start(self: Any, key: str) -> float:
    """Bigrams.at_start on the table in force."""
    from normalize.candidates import SENTENCE_START

    table = _TABLE[0]
    assert table is not None
    return float(self.in_news(SENTENCE_START, key, key)) if f"{SENTENCE_START} {key}" in table.pairs else 0.0


_COMPILED: dict[str, Any] = {}
# Bigrams' readers of the news counts, and what stands in for each on a table
_READERS: dict[str, Any] = {
    "in_news": _in_news,
    "in_news_triple": _in_news_triple,
    "news_zipf": _news_zipf,
    "news_count": _news_count,
    "news_pair_count": _news_pair_count,
    "at_start": _at_start,
}


def use(table: NewsTable | None) -> None:
    """Bigrams reads ``table`` from now on (None: the compiled counts again)."""
    from normalize.candidates import Bigrams

    if not _COMPILED:
        _COMPILED.update({name: getattr(Bigrams, name) for name in _READERS})
    _TABLE[0] = table
    for name, reader in _READERS.items():
        setattr(Bigrams, name, _COMPILED[name] if table is None else reader)


@contextmanager
def held_out(table: NewsTable | None) -> Iterator[None]:
    use(table)
    try:
        yield
    finally:
        use(None)


def check(full: NewsTable, probes: int = 4000) -> int:
    """How many of ``probes`` pairs of the full table (and their words) the table readers
    value otherwise than the compiled ones (0: the full table is news_counts.tsv's and the
    arithmetic is Bigrams')."""
    from normalize.candidates import Bigrams
    from normalize.engine import default

    bigrams = Bigrams(default().lexicon)
    keys = sorted(full.pairs)[:: max(1, len(full.pairs) // probes)]
    asks = [(a, b, k) for a, _, b in (p.partition(" ") for p in keys) for k in (a, b)]
    asks += [(a, "zzqx", a) for a, _, _ in (p.partition(" ") for p in keys)]
    triples = sorted(full.triples)[:: max(1, len(full.triples) // probes)]
    threes = [(*t.split(" "), k) for t in triples for k in (t.split(" ")[0], t.split(" ")[2])]

    def values() -> list[float]:
        out = [bigrams.in_news(*q) for q in asks] + [bigrams.news_zipf(q[0]) for q in asks]
        out += [bigrams.news_count(q[0]) for q in asks] + [bigrams.news_count(q[1]) for q in asks]
        out += [bigrams.at_start(q[1]) for q in asks] + [bigrams.news_pair_count(q[0], q[1]) for q in asks]
        return out + [bigrams.in_news_triple(*t) for t in threes]

    want = values()
    with held_out(full):
        got = values()
    bad = sum(1 for x, y in zip(want, got, strict=True) if abs(x - y) > 1e-9)
    if len(full.words) != len(bigrams._news_words):
        bad += 1
    return bad
