"""Adapters around symspellpy (English words) and rapidfuzz (names) -> plain tuples.

Both return ``(lowercase spelling, edit distance)`` pairs, with the distance
measured the same way (optimal string alignment: a swap of two neighbouring
letters is one edit), so that the scoring step compares like with like.
The symspell index is built once and cached on disk, keyed by the content of
the word list, because building it takes seconds and a pre-commit hook must not.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from symspellpy import SymSpell, Verbosity

from normalize.lexicon import Lexicon, cache_root, prune

MAX_DISTANCE = 2
PREFIX_LENGTH = 5


def max_distance(word: str) -> int:
    """Short words allow one edit, longer ones two."""
    return 1 if len(word) <= 5 else MAX_DISTANCE


class Speller:
    """English word candidates from symspellpy over the trusted lexicon."""

    def __init__(self, lexicon: Lexicon, cache_dir: Path | None = None) -> None:
        self._lexicon = lexicon
        self._cache_dir = cache_dir
        self._sym: SymSpell | None = None

    def lookup(self, word: str) -> list[tuple[str, int]]:
        sym = self._index()
        low = word.lower()
        items = sym.lookup(low, Verbosity.ALL, max_edit_distance=max_distance(low))
        return [(item.term, OSA.distance(low, item.term)) for item in items if item.term != low]

    def _index(self) -> SymSpell:
        if self._sym is None:
            self._sym = _load_or_build(self._lexicon, self._cache_dir)
        return self._sym


class NameMatcher:
    """Name and place words within a few edits, from rapidfuzz over the gazetteer's targets.

    Words are bucketed by length so a lookup only scans words that could be
    within reach.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self._by_length: dict[int, list[str]] = {}
        for key in sorted(lexicon.targets):
            self._by_length.setdefault(len(key), []).append(key)

    def lookup(self, word: str) -> list[tuple[str, int]]:
        low = word.lower()
        limit = max_distance(low)
        out: list[tuple[str, int]] = []
        for length in range(len(low) - limit, len(low) + limit + 1):
            keys = self._by_length.get(length)
            if keys:
                hits = process.extract(low, keys, scorer=OSA.distance, score_cutoff=limit, limit=None)
                out.extend((key, int(dist)) for key, dist, _ in hits if key != low)
        return out


def _load_or_build(lexicon: Lexicon, cache_dir: Path | None) -> SymSpell:
    sym = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX_LENGTH)
    name = f"symspell-{lexicon.key or len(lexicon.words)}-d{MAX_DISTANCE}p{PREFIX_LENGTH}.pickle"
    cache = cache_root(cache_dir) / name
    if cache.exists():
        try:
            if sym.load_pickle(cache, compressed=False):
                return sym
        except Exception:  # a corrupt cache is rebuilt, never fatal
            sym = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX_LENGTH)
    for word, zipf in lexicon.words.items():
        sym.create_dictionary_entry(word, max(1, int(10**zipf)))
    _save(sym, cache)
    return sym


def _save(sym: SymSpell, path: Path) -> None:
    """Write the cache atomically; a read-only home just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        sym.save_pickle(Path(tmp), compressed=False)
        os.replace(tmp, path)
        prune(path)
    except OSError:
        pass
