"""Candidates within a few edits of a word (English words, names) and word-pair affinities.

Both lookups return ``(lowercase spelling, edit distance)`` pairs, with the distance
measured the same way (optimal string alignment, rapidfuzz's ``OSA``: a swap of two
neighbouring letters is one edit), so that the scoring step compares like with like.

Candidates come from a deletion index compiled into dictionaries/compiled.bin
(SymSpell's idea): every English word and every name target is filed under the
strings its first ``PREFIX`` letters become with up to ``MAX_DISTANCE`` letters
deleted. A word within ``d`` edits of a listed one shares such a string with it, so
the lookup reads the few buckets of the word's own deletions and measures the
distance to each word found there; nothing is scanned and nothing is built at run
time. Buckets are chosen by CRC-32 of the string and hold word ids only: a collision
adds candidates, which the distance check drops, and never loses one.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Collection, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any
from zlib import crc32

from rapidfuzz import process
from rapidfuzz.distance import OSA

from normalize.forms import fold
from normalize.lexicon import Lexicon
from normalize.mapped import KeyTable, Mapped, Sections, Strings, key_sections, postings_sections, string_sections

MAX_DISTANCE = 2
PREFIX = 7  # letters of a word that its deletions are made from
ENGLISH, TARGET = 1, 2  # what a word of the deletion index is


def max_distance(word: str, short: int = 5) -> int:
    """Words up to ``short`` letters allow one edit, longer ones two."""
    return 1 if len(word) <= short else MAX_DISTANCE


def deletions(word: str, distance: int) -> set[str]:
    """``word``'s first PREFIX letters with up to ``distance`` of them deleted (itself included)."""
    head = word[:PREFIX]
    n = len(head)
    return {"".join(kept) for k in range(max(0, n - distance), n + 1) for kept in combinations(head, k)}


def probes(word: str, limit: int) -> set[str]:
    """The deletions of ``word`` (at most ``limit`` letters of its head deleted) that a lookup
    reads: only the shortest that a listed word within ``limit`` edits can share.

    A string that both heads become by deleting letters stays one when a letter more is
    deleted from it, as long as each side deletes no more than it may (``limit`` for the
    word, MAX_DISTANCE for the listed one). So a word whose head has h letters and a listed
    word whose head has t share a deletion of max(h - limit, t - MAX_DISTANCE) letters if
    they share any: a word of PREFIX letters or more needs only its deletions of
    PREFIX - limit letters (21 strings of 5 letters, not 29 of 5 to 7)."""
    head = word[:PREFIX]
    h, n = len(head), len(word)
    # the heads of listed words within ``limit`` edits: their lengths are within ``limit`` of n
    sizes = {
        max(0, h - limit, t - MAX_DISTANCE) for t in range(min(PREFIX, max(n - limit, 0)), min(PREFIX, n + limit) + 1)
    }
    return {"".join(kept) for k in sizes if h - limit <= k <= h for kept in combinations(head, k)}


class _Index:
    """The compiled deletion index: vocabulary, what each word is, and the buckets."""

    def __init__(self, compiled: Mapped) -> None:
        self.source = compiled
        self.vocab = Strings(compiled, "deletions.vocab")
        # (copied: 150 kB each, read for every word a lookup finds, faster as bytes than as views)
        self.kind = bytes(compiled["deletions.kind"])
        self.length = bytes(compiled["deletions.length"])
        self.start = compiled["deletions.buckets.start"]
        self.ids = compiled["deletions.buckets.ids"]
        self.mask = len(self.start) - 2

    def lookup(self, low: str, limit: int, kind: int) -> list[tuple[str, int]]:
        found = self._buckets(low, limit)
        n, kinds, lengths = len(low), self.kind, self.length
        shortest, longest = n - limit, n + limit
        # (in no order: the answer is sorted, and the vocabulary holds each word once)
        ids = [i for i in found if kinds[i] & kind and shortest <= lengths[i] <= longest]
        if not low.isascii():
            near = self.vocab.pick(ids)
            hits = process.extract(low, near, scorer=OSA.distance, score_cutoff=limit, limit=None)
            return sorted((word, int(dist)) for word, dist, _ in hits if word != low)
        # (an ASCII word's letters are the codes of its bytes: those of ASCII words are measured
        # undecoded, and only the few within reach decoded)
        near_codes: list[Any] = self.vocab.pick_ascii(ids)
        coded = process.extract(low, near_codes, scorer=OSA.distance, score_cutoff=limit, limit=None)
        words = ((word if isinstance(word, str) else word.decode("ascii"), int(dist)) for word, dist, _ in coded)
        return sorted((word, dist) for word, dist in words if word != low)

    def _buckets(self, low: str, limit: int) -> frozenset[int]:
        """The ids in the buckets of ``low``'s deletions (``probes``). The last word's are kept
        for the next lookup, in this index or another of the same map: a capitalized word is
        looked up as a name and then as an English word."""
        last = _LAST[0]
        if last is not None and last[0] is self.source and last[1] == low and last[2] == limit:
            return last[3]
        start, ids, mask = self.start, self.ids, self.mask
        found: set[int] = set()
        for d in probes(low, limit):
            b = crc32(d.encode("utf-8", "surrogatepass")) & mask
            found.update(ids[start[b] : start[b + 1]])
        out = frozenset(found)
        _LAST[0] = (self.source, low, limit, out)
        return out


# (the map, the word, its limit, the ids of its buckets): one tuple, replaced whole (threads)
_LAST: list[tuple[Mapped, str, int, frozenset[int]] | None] = [None]


def _index(lexicon: Lexicon) -> _Index:
    if lexicon.compiled is None:
        raise ValueError("candidates need a compiled lexicon (lexicon.load)")
    return _Index(lexicon.compiled)


class _Remembered:
    """Lookup answers per lowercase word: the words with candidates, up to ``CACHE_SIZE``,
    and apart the many without (names no list has), up to ``FAR_SIZE``; each set is
    forgotten at once when full."""

    CACHE_SIZE = 20_000  # about 1 kB a word: 20 MB at most
    FAR_SIZE = 200_000  # a word alone: about 20 MB at most

    def __init__(self) -> None:
        self._seen: dict[str, list[tuple[str, int]]] = {}
        self._far: set[str] = set()

    def get(self, low: str) -> list[tuple[str, int]] | None:
        """A copy of the answer for ``low``, None when there is none."""
        out = self._seen.get(low)
        if out is not None:
            return list(out)
        return [] if low in self._far else None

    def keep(self, low: str, out: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """``out`` remembered for ``low``, and a copy of it to return."""
        if out:
            if len(self._seen) >= self.CACHE_SIZE:
                self._seen.clear()
            self._seen[low] = out
        else:
            if len(self._far) >= self.FAR_SIZE:
                self._far.clear()
            self._far.add(low)
        return list(out)


class Speller:
    """English words within one edit (words up to 3 letters) or two, most frequent first."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._index = _index(lexicon)
        self._answers = _Remembered()

    def lookup(self, word: str) -> list[tuple[str, int]]:
        low = word.lower()
        out = self._answers.get(low)
        if out is None:
            hits = self._index.lookup(low, max_distance(low, short=3), ENGLISH)
            zipf = self._lexicon.words
            out = self._answers.keep(low, sorted(hits, key=lambda h: (h[1], -zipf[h[0]], h[0])))
        return out


OWN_HITS = 20_000  # words whose own names ``NameMatcher`` keeps (forgotten at once when full)


def _with_folded(hits: list[tuple[str, int]], index: _Index, low: str, limit: int) -> list[tuple[str, int]]:
    """``hits`` for a word with accents, and the targets within reach of its letters without them
    (``fold``), at the nearer distance: a letter dropped from an accented name is one slip
    (Reykavík: Reykjavik, listed without its accents), not two; ``decide.accents_kept`` gives the
    fix the typed accents back. A target its letters spell exactly is no hit (an accent variant:
    ``Lexicon.knows_folded``)."""
    plain = fold(low)
    if low.isascii() or plain == low or not plain.isascii():
        return hits
    near = dict(hits)
    for key, dist in index.lookup(plain, limit, TARGET):
        if dist < near.get(key, limit + 1):
            near[key] = dist
    return sorted(near.items())


class NameMatcher:
    """Name and place words within a few edits (one up to 5 letters, else two).

    A project's own names (added to a copy of the lexicon) are not in the compiled
    index: they are few, and measured one by one. The same unknown words recur from
    text to text (names no list has), so answers are remembered (``_Remembered``).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self._index = _index(lexicon)
        self._added = sorted(lexicon.added_targets())
        self._answers = _Remembered()
        # The words of a text's own names within reach of each word asked about, for the last
        # set of them asked with (a frozenset: one document's, read in many windows of each word)
        self._own: tuple[Collection[str], dict[str, list[tuple[str, int]]]] = (frozenset(), {})

    def lookup(self, word: str, also: Collection[str] = ()) -> list[tuple[str, int]]:
        """Targets within reach of ``word``, and words of ``also`` (a text's own names) too."""
        low = word.lower()
        limit = max_distance(low)
        out = self._answers.get(low)
        if out is None:
            out = _with_folded(self._index.lookup(low, limit, TARGET), self._index, low, limit)
            if self._added:
                known = {k for k, _ in out}
                out.extend(h for h in _scan(low, self._added, limit) if h[0] not in known)
            out = self._answers.keep(low, out)
        if also:
            out.extend(self._own_hits(low, also, limit))
        return out

    def near(self, word: str, names: Collection[str]) -> tuple[str, ...]:
        """The words of ``names`` that ``lookup(word, names)`` would add."""
        low = word.lower()
        return tuple(sorted(k for k, _ in self._own_hits(low, names, max_distance(low)))) if names else ()

    def _own_hits(self, low: str, names: Collection[str], limit: int) -> list[tuple[str, int]]:
        """``_scan`` of ``names`` for ``low``, remembered while the same frozenset is asked about
        (the answer for another set, or a collection that may change, is worked out anew)."""
        if not isinstance(names, frozenset):
            return _scan(low, list(names), limit)
        kept = self._own  # (one read: another thread may start another set meanwhile)
        if kept[0] is not names:
            kept = self._own = (names, {})
        hits = kept[1].get(low)
        if hits is None:
            if len(kept[1]) >= OWN_HITS:
                kept[1].clear()
            hits = kept[1][low] = _scan(low, list(names), limit)
        return hits


def _scan(low: str, keys: list[str], limit: int) -> list[tuple[str, int]]:
    hits = process.extract(low, keys, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return [(key, int(dist)) for key, dist, _ in hits if key != low]


NEWS_DISCOUNT = 0.75  # absolute discounting's usual constant (Ney, Essen and Kneser 1994)
SENTENCE_START = "<s>"  # news_counts.tsv's word before a sentence's first word (no word has "<")


class Bigrams:
    """How much a neighbour favours a word, from Norvig's English bigram and word counts
    of the Google web corpus, as wordsegment ships them (compiled with the lexicon).

    ``affinity(a, b)`` is the pointwise mutual information log10 P(a b) / (P(a) P(b)),
    clamped to [-LIMIT, LIMIT]. The list keeps only frequent bigrams, so a missing pair
    counts as if it had the smallest listed count: an upper bound, capped at 0.
    (symspellpy's bigram list holds the same counts times 58.9, which puts 1.77 on every
    PMI computed with its word counts; these counts need no such correction.)
    """

    LIMIT = 4.0

    def __init__(self, lexicon: Lexicon, memo: int = KeyTable.MEMO) -> None:
        compiled = lexicon.compiled
        if compiled is None:
            raise ValueError("bigrams need a compiled lexicon (lexicon.load)")
        self._pairs, self._pair_count = KeyTable(compiled, "bigrams", memo), compiled["bigrams.count"]
        self._words, self._word_count = KeyTable(compiled, "unigrams", memo), compiled["unigrams.count"]
        total, floor = compiled["bigrams.stats"]
        self._total, self._floor = float(total), floor
        self._lexicon = lexicon
        self._news_pairs, self._news_pair_count = KeyTable(compiled, "news.pairs", memo), compiled["news.pairs.count"]
        self._news_words = KeyTable(compiled, "news.words", memo)
        self._news_count, self._followers = compiled["news.words.count"], compiled["news.words.followers"]
        self._preceders = compiled["news.words.preceders"]
        self._continued, self._preceded = compiled["news.pairs.followers"], compiled["news.pairs.preceders"]

    def affinity(self, a: str, b: str) -> float:
        i, j = self._words.find(a), self._words.find(b)
        if i < 0 or j < 0:
            return 0.0
        ua, ub = self._word_count[i], self._word_count[j]
        k = self._pairs.find(f"{a} {b}")
        pmi = math.log10((self._pair_count[k] if k >= 0 else self._floor) * self._total / (ua * ub))
        if k < 0:
            pmi = min(pmi, 0.0)
        return max(-self.LIMIT, min(self.LIMIT, pmi))

    def on_the_web(self, a: str, b: str) -> bool:
        """Whether Norvig's bigram list (the web's frequent pairs) has the pair ``a b``."""
        return self._pairs.find(f"{a} {b}") >= 0

    def in_news(self, a: str, b: str, key: str) -> float:
        """How much the news copy of dictionaries/news_counts.tsv favours the English word
        ``key`` beside its neighbour, ``key`` being ``a`` or ``b``: log10 P(key | neighbour) /
        P(key), P(key | neighbour) by absolute discounting (the neighbour's count less
        ``NEWS_DISCOUNT`` for each word seen beside it, shared out in proportion to P(key)),
        P(key) the lexicon's word frequency. A pair news copy never writes gets the same value
        for every word beside one neighbour (what the discount left for unseen pairs), so
        among the readings of a word only pairs it writes rank one above another; 0 where the
        neighbour is not in it or the word has no frequency."""
        zipf = self._lexicon.zipf(key)
        given = self._given(a, b, key, 10 ** (zipf - 9)) if zipf else 0.0
        return max(-self.LIMIT, min(self.LIMIT, math.log10(given / 10 ** (zipf - 9)))) if given else 0.0

    def _given(self, a: str, b: str, key: str, prior: float) -> float:
        """P(key | neighbour) of ``in_news`` (``key`` being ``a`` or ``b``), 0.0 where news copy
        has no pair with the neighbour."""
        other = b if key == a else a
        n = self._news_words.find(other)
        if n < 0:
            return 0.0
        seen = (self._followers if other == a else self._preceders)[n]
        if not seen:
            return 0.0
        k = self._news_pairs.find(f"{a} {b}")
        count = self._news_pair_count[k] if k >= 0 else 0
        return (max(count - NEWS_DISCOUNT, 0.0) + NEWS_DISCOUNT * seen * prior) / self._news_count[n]

    def at_start(self, key: str) -> float:
        """How much news copy favours the English word ``key`` as a sentence's first word: its
        ``in_news`` after SENTENCE_START (log10 P(key | a sentence starts) / P(key); Yes, This
        and Let open sentences far more often than Us, The or Lot), where news copy opens a
        sentence with it at all: 0 for one it never does (Almond), as most words are too rare
        for its 64,000 sentences to say (the discount's share would rank every one of them down)."""
        if self._news_pairs.find(f"{SENTENCE_START} {key}") < 0:
            return 0.0
        return self.in_news(SENTENCE_START, key, key)

    def in_news_triple(self, a: str, b: str, c: str, key: str) -> float:
        """How much more the news copy of dictionaries/news_counts.tsv favours the English word
        ``key`` (``a`` or ``c``) beside the two words on one side of it than beside the nearer
        of them alone: log10 P(key | both) / P(key | nearer) (within [two weeks]: by "weeks" as
        well as "two"), P(key | both) by absolute discounting of the triples it keeps, backing off
        to ``in_news``'s P(key | nearer); 0 where news copy keeps no triple with the two words
        (only triples it writes rank one reading above another) or no pair of the nearer one."""
        prior = 10 ** (self._lexicon.zipf(key) - 9)
        near = self._given(b, c, c, prior) if key == c else self._given(a, b, a, prior)
        if not near:
            return 0.0
        k = self._news_pairs.find(f"{a} {b}" if key == c else f"{b} {c}")
        seen = (self._continued if key == c else self._preceded)[k] if k >= 0 else 0
        if not seen:
            return 0.0
        t = self._news_pairs.find(f"{a} {b} {c}")
        count = self._news_pair_count[t] if t >= 0 else 0
        given = (max(count - NEWS_DISCOUNT, 0.0) + NEWS_DISCOUNT * seen * near) / self._news_pair_count[k]
        return max(-self.LIMIT, min(self.LIMIT, math.log10(given / near)))

    def news_zipf(self, word: str) -> float:
        """How often the news copy of dictionaries/news_counts.tsv writes ``word`` (lowercase), on
        the Zipf scale of the lexicon: its count against that of "the", whose Zipf the lexicon
        gives. 0.0 for a word news copy never writes."""
        n, the = self._news_words.find(word), self._news_words.find("the")
        if n < 0 or the < 0:
            return 0.0
        return self._lexicon.zipf("the") + math.log10(self._news_count[n] / self._news_count[the])

    def news_count(self, word: str) -> int:
        """How many times the news copy of dictionaries/news_counts.tsv writes ``word`` (lowercase)."""
        n = self._news_words.find(word)
        return int(self._news_count[n]) if n >= 0 else 0

    def news_pair_count(self, a: str, b: str) -> int:
        """How many times the news copy of dictionaries/news_counts.tsv writes the pair ``a b``."""
        k = self._news_pairs.find(f"{a} {b}")
        return int(self._news_pair_count[k]) if k >= 0 else 0

    def zipf(self, a: str, b: str) -> float:
        """How often the web corpus writes ``a b`` on the Zipf scale (log10 per billion words);
        0.0 for a pair the list does not keep."""
        k = self._pairs.find(f"{a} {b}")
        return math.log10(self._pair_count[k] * 1e9 / self._total) if k >= 0 else 0.0


# The last lexicon asked about and its Bigrams: one tuple, replaced whole (threads).
_BIGRAMS: list[tuple[Lexicon, Bigrams] | None] = [None]
# Keys each table of ``bigrams_of``'s remembers at most: its askers (split and run-on words) ask
# few words again, and the engine's own Bigrams remembers what decisions ask.
SHARED_MEMO = 1_000


def bigrams_of(lexicon: Lexicon) -> Bigrams:
    """A ``Bigrams`` of ``lexicon``, one for the last lexicon asked about (their answers are
    pure): made once, where one made per question (a split word's, a run-on word's) made its
    four tables each time (10 MB of news: 12,218 made by ``spacing._apart_context``)."""
    last = _BIGRAMS[0]
    if last is None or last[0] is not lexicon:
        last = _BIGRAMS[0] = (lexicon, Bigrams(lexicon, SHARED_MEMO))
    return last[1]


# -- the compile step (scripts/compile_dictionaries.py) ----------------------------------


def index_sections(lexicon: Lexicon, news: Path | None = None) -> Sections:
    """The deletion index of a parsed lexicon's English words and name targets, the bigrams,
    and the counts of news copy (``news``: news_counts.tsv)."""
    sections = {**deletion_sections(lexicon.words, lexicon.targets), **bigram_sections(*read_counts())}
    return {**sections, **news_sections(*read_news(news))} if news else sections


def news_sections(words: dict[str, tuple[int, int, int]], pairs: dict[str, tuple[int, int, int]]) -> Sections:
    word_keys, pair_keys = sorted(words), sorted(pairs)
    return {
        **key_sections("news.words", word_keys),
        "news.words.count": array("I", [words[k][0] for k in word_keys]),
        "news.words.followers": array("I", [words[k][1] for k in word_keys]),
        "news.words.preceders": array("I", [words[k][2] for k in word_keys]),
        **key_sections("news.pairs", pair_keys),
        "news.pairs.count": array("I", [pairs[k][0] for k in pair_keys]),
        "news.pairs.followers": array("I", [pairs[k][1] for k in pair_keys]),
        "news.pairs.preceders": array("I", [pairs[k][2] for k in pair_keys]),
    }


def read_news(path: Path) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple[int, int, int]]]:
    """news_counts.tsv (scripts/build_news_counts.py): word rows, and pair and triple rows (a
    triple's followers and preceders 0)."""
    words: dict[str, tuple[int, int, int]] = {}
    pairs: dict[str, tuple[int, int, int]] = {}
    with path.open(encoding="utf-8") as fh:
        next(fh)  # the header
        for line in fh:
            key, count, followers, preceders = line.rstrip("\n").split("\t")
            row = (int(count), int(followers or 0), int(preceders or 0))
            (pairs if " " in key else words)[key] = row
    return words, pairs


def deletion_sections(english: Iterable[str], targets: Iterable[str]) -> Sections:
    kinds: dict[str, int] = {}
    for w in english:
        kinds[w] = kinds.get(w, 0) | ENGLISH
    for w in targets:
        kinds[w] = kinds.get(w, 0) | TARGET
    vocab = sorted(kinds)
    keys: dict[str, list[int]] = {}
    for i, word in enumerate(vocab):
        for d in deletions(word, MAX_DISTANCE):
            keys.setdefault(d, []).append(i)
    size = 1
    while size < len(keys) // 2:  # two strings a bucket on average
        size *= 2
    buckets: list[set[int]] = [set() for _ in range(size)]
    for d, ids in keys.items():
        buckets[crc32(d.encode("utf-8", "surrogatepass")) & (size - 1)].update(ids)
    postings = postings_sections("deletions.buckets", [sorted(b) for b in buckets])
    return {
        **string_sections("deletions.vocab", vocab),
        "deletions.kind": array("B", [kinds[w] for w in vocab]),
        "deletions.length": array("B", [min(len(w), 255) for w in vocab]),
        **postings,
    }


def bigram_sections(pairs: dict[str, int], unigrams: dict[str, int], total: int) -> Sections:
    pair_keys, word_keys = sorted(pairs), sorted(unigrams)
    return {
        **key_sections("bigrams", pair_keys),
        "bigrams.count": array("I", [pairs[k] for k in pair_keys]),
        "bigrams.stats": array("q", [total, min(pairs.values())]),
        **key_sections("unigrams", word_keys),
        "unigrams.count": array("q", [unigrams[k] for k in word_keys]),
    }


def read_counts() -> tuple[dict[str, int], dict[str, int], int]:
    """wordsegment's bigram and word counts (a build dependency, not a run-time one)."""
    from importlib import resources

    try:
        data = resources.files("wordsegment")
    except ModuleNotFoundError:
        from normalize.errors import DictionaryError

        raise DictionaryError(
            "compiling the dictionaries needs wordsegment: pip install 'normalize-prose[build]'"
        ) from None
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
