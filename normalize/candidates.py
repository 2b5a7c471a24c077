"""Adapters around symspellpy (English words) and rapidfuzz (names) -> plain tuples.

Both return ``(lowercase spelling, edit distance)`` pairs, with the distance
measured the same way (optimal string alignment: a swap of two neighbouring
letters is one edit), so that the scoring step compares like with like.
The symspell index is built once and cached on disk, keyed by the content of
the word list, because building it takes seconds and a pre-commit hook must not.
"""

from __future__ import annotations

import gc
import marshal
import math
from collections.abc import Collection
from importlib import resources
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from symspellpy import SymSpell, Verbosity

from normalize.lexicon import Lexicon, cache_root, unmarshal, write_cache

MAX_DISTANCE = 2
PREFIX_LENGTH = 5


def max_distance(word: str, short: int = 5) -> int:
    """Words up to ``short`` letters allow one edit, longer ones two."""
    return 1 if len(word) <= short else MAX_DISTANCE


class Speller:
    """English word candidates from symspellpy over the trusted lexicon."""

    def __init__(self, lexicon: Lexicon, cache_dir: Path | None = None) -> None:
        self._lexicon = lexicon
        self._cache_dir = cache_dir
        self._sym: SymSpell | None = None

    def lookup(self, word: str) -> list[tuple[str, int]]:
        sym = self._index()
        low = word.lower()
        items = sym.lookup(low, Verbosity.ALL, max_edit_distance=max_distance(low, short=3))
        return [(item.term, OSA.distance(low, item.term)) for item in items if item.term != low]

    def _index(self) -> SymSpell:
        if self._sym is None:
            self._sym = _load_or_build(self._lexicon, self._cache_dir)
        return self._sym


class NameMatcher:
    """Name and place words within a few edits, from rapidfuzz over the gazetteer's targets.

    Words are bucketed by length so a lookup only scans words that could be
    within reach. The same unknown words recur from text to text (names no list
    has), so answers are remembered, up to ``CACHE_SIZE`` words.
    """

    CACHE_SIZE = 20_000  # about 1 kB a word: 20 MB at most

    def __init__(self, lexicon: Lexicon) -> None:
        self._by_length: dict[int, list[str]] = {}
        for key in lexicon.targets:
            self._by_length.setdefault(len(key), []).append(key)
        self._seen: dict[str, list[tuple[str, int]]] = {}

    def lookup(self, word: str, also: Collection[str] = ()) -> list[tuple[str, int]]:
        """Targets within reach of ``word``, and words of ``also`` (a text's own names) too."""
        low = word.lower()
        limit = max_distance(low)
        out = self._seen.get(low)
        if out is None:
            out = []
            for length in range(len(low) - limit, len(low) + limit + 1):
                keys = self._by_length.get(length)
                if keys:
                    hits = process.extract(low, keys, scorer=OSA.distance, score_cutoff=limit, limit=None)
                    out.extend((key, int(dist)) for key, dist, _ in hits if key != low)
            if len(self._seen) >= self.CACHE_SIZE:
                self._seen.clear()
            self._seen[low] = out
        out = list(out)  # the caller's copy: the remembered answer stays as it was
        if also:
            hits = process.extract(low, list(also), scorer=OSA.distance, score_cutoff=limit, limit=None)
            out.extend((key, int(dist)) for key, dist, _ in hits if key != low)
        return out


def _load_or_build(lexicon: Lexicon, cache_dir: Path | None) -> SymSpell:
    sym = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX_LENGTH)
    name = f"symspell-{lexicon.key or len(lexicon.words)}-d{MAX_DISTANCE}p{PREFIX_LENGTH}.pickle"
    cache = cache_root(cache_dir) / name
    if cache.exists():
        try:
            enabled = gc.isenabled()
            gc.disable()  # see lexicon.unmarshal
            try:
                loaded = sym.load_pickle(cache, compressed=False)
            finally:
                if enabled:
                    gc.enable()
            if loaded:
                return sym
        except Exception:  # a corrupt cache is rebuilt, never fatal
            sym = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX_LENGTH)
    for word, zipf in lexicon.words.items():
        sym.create_dictionary_entry(word, max(1, int(10**zipf)))
    data = sym.save_pickle(to_bytes=True, compressed=False)
    if isinstance(data, bytes):
        write_cache(cache, data)
    return sym


class Bigrams:
    """How much a neighbour favours a word, from Norvig's English bigram and word counts
    of the Google web corpus, as wordsegment ships them.

    ``affinity(a, b)`` is the pointwise mutual information log10 P(a b) / (P(a) P(b)),
    clamped to [-LIMIT, LIMIT]. The list keeps only frequent bigrams, so a missing pair
    counts as if it had the smallest listed count: an upper bound, capped at 0.
    (symspellpy's bigram list holds the same counts times 58.9, which puts 1.77 on every
    PMI computed with its word counts; these counts need no such correction.)
    """

    LIMIT = 4.0

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._cache_dir = cache_dir
        self._pairs: dict[str, int] | None = None
        self._unigrams: dict[str, int] = {}
        self._total = 1.0
        self._floor = 1

    def affinity(self, a: str, b: str) -> float:
        pairs = self._load()
        ua, ub = self._unigrams.get(a), self._unigrams.get(b)
        if not ua or not ub:
            return 0.0
        count = pairs.get(f"{a} {b}")
        pmi = math.log10((count or self._floor) * self._total / (ua * ub))
        if count is None:
            pmi = min(pmi, 0.0)
        return max(-self.LIMIT, min(self.LIMIT, pmi))

    def _load(self) -> dict[str, int]:
        if self._pairs is None:
            cache = cache_root(self._cache_dir) / f"bigrams-wordsegment-{_version()}-2.marshal"
            try:
                self._pairs, self._unigrams, total = unmarshal(cache.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                self._pairs, self._unigrams, total = _read_counts()
                write_cache(cache, marshal.dumps((self._pairs, self._unigrams, total)))
            self._total = float(total)
            self._floor = min(self._pairs.values())
        return self._pairs


def _read_counts() -> tuple[dict[str, int], dict[str, int], int]:
    data = resources.files("wordsegment")
    pairs: dict[str, int] = {}
    unigrams: dict[str, int] = {}
    with (data / "bigrams.txt").open(encoding="utf-8") as fh:
        for line in fh:
            pair, _, count = line.rstrip("\n").partition("\t")
            if pair.count(" ") == 1:
                pairs[pair] = int(count)
    paired = {w for pair in pairs for w in pair.split(" ")}
    total = 0
    with (data / "unigrams.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, _, count = line.rstrip("\n").partition("\t")
            total += int(count)
            if word in paired:  # a word in no listed pair is rare: its bound would be 0 anyway
                unigrams[word] = int(count)
    return pairs, unigrams, total


def _version() -> str:
    import wordsegment  # its __init__ reads no data; importlib.metadata would cost 20 ms

    return str(wordsegment.__version__)
