"""Build dictionaries/news_counts.tsv: word and word-pair counts of DEV news copy.

Source: the three news files of ../shared/data/news-dev (Kremlin and Ukrainian presidency
press releases 2021-22, CC BY 4.0; White House statements 2021-25, public domain; UN
General Debate speeches 2015-22, CC0; shared/data/SOURCES.md), only the documents that
benchmarks/split.py puts in dev, and of those only the ones after the first ``SKIP`` of
each corpus: `benchmarks/accuracy.py --docs 80` and scripts/fit_model.py (``--skip 80``)
score those first documents, so the counts never saw the copy they are measured on, and
the frozen held-out split is never read.

The words are normalize's own tokens (normalize.tokenize.words), lowercased, of letters
with inner apostrophes or hyphens; a pair is two such words with only a space between
them (``adjacent``), a triple three such words in a row (within two weeks), kept where news
copy writes it at least ``MIN_TRIPLE`` times (after absolute discounting a triple seen once
keeps a quarter of its count: little more than an unseen one gets). A sentence's first word
(``Word.sentence_start``) is also counted after ``BOUNDARY``, as a pair ``<s> word``, so that
news copy tells which words open sentences (Bigrams.at_start); the boundary is no word's
preceder (``preceders``), so every other word's row is what it would be without it. Rows, sorted:

    word<TAB>count<TAB>followers<TAB>preceders   (how many distinct words follow / precede it)
    word word<TAB>count<TAB>followers<TAB>preceders   (how many kept triples continue / precede the pair; blank: none)
    word word word<TAB>count<TAB><TAB>

Deterministic: the same files give the same bytes.

    python scripts/build_news_counts.py [--out dictionaries]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from normalize.candidates import SENTENCE_START as BOUNDARY  # noqa: E402

SKIP = 80  # the first dev documents of each corpus, which the dev benchmark scores
MIN_TRIPLE = 2  # a triple news copy writes fewer times is left out (92k of 513k kept)
WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
HEADER = "key\tcount\tfollowers\tpreceders"

Pairs = Counter[tuple[str, str]]
Triples = Counter[tuple[str, str, str]]


def counts(skip: int = SKIP) -> tuple[Counter[str], Pairs, Triples]:
    from benchmarks import split

    uni: Counter[str] = Counter()
    pairs: Pairs = Counter()
    triples: Triples = Counter()
    for corpus in split.CORPORA:
        for n, doc in enumerate(split.load("dev", corpus=corpus)):
            if n >= skip:
                one, two, three = doc_counts(doc.text)
                uni.update(one)
                pairs.update(two)
                triples.update(three)
    return uni, pairs, triples


def doc_counts(text: str) -> tuple[Counter[str], Pairs, Triples]:
    """The word, pair and triple counts of one document."""
    from normalize.context import adjacent
    from normalize.tokenize import words

    uni: Counter[str] = Counter()
    pairs: Pairs = Counter()
    triples: Triples = Counter()
    toks = words(text, ())
    prev = before = ""
    for j, w in enumerate(toks):
        low = w.token.text.lower()
        if w.skip or not WORD.fullmatch(low):
            prev = before = ""
            continue
        uni[low] += 1
        if w.sentence_start:
            uni[BOUNDARY] += 1
            pairs[(BOUNDARY, low)] += 1
        if prev and adjacent(toks, j - 1, j):
            pairs[(prev, low)] += 1
            if before:
                triples[(before, prev, low)] += 1
        else:
            prev = ""
        before, prev = prev, low
    return uni, pairs, triples


def preceders_of(pairs: Counter[tuple[str, str]]) -> Counter[str]:
    """How many distinct words precede each word (the boundary is none: ``BOUNDARY``)."""
    return Counter(b for (a, b), c in pairs.items() if c > 0 and a != BOUNDARY)


def kept_triples(triples: Triples) -> Triples:
    return Counter({k: c for k, c in triples.items() if c >= MIN_TRIPLE})


def rows(uni: Counter[str], pairs: Pairs, triples: Triples) -> list[str]:
    followers: Counter[str] = Counter(a for a, _ in pairs)
    preceders = preceders_of(pairs)
    kept = kept_triples(triples)
    continued: Counter[tuple[str, str]] = Counter((a, b) for a, b, _ in kept)
    preceded: Counter[tuple[str, str]] = Counter((b, c) for _, b, c in kept)
    out = [f"{w}\t{c}\t{followers[w]}\t{preceders[w]}" for w, c in uni.items()]
    out += [f"{a} {b}\t{c}\t{continued[a, b] or ''}\t{preceded[a, b] or ''}" for (a, b), c in pairs.items()]
    out += [f"{a} {b} {c}\t{n}\t\t" for (a, b, c), n in kept.items()]
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dictionaries")
    args = parser.parse_args(argv)
    uni, pairs, triples = counts()
    lines = rows(uni, pairs, triples)
    target = args.out / "news_counts.tsv"
    target.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    kept = len(kept_triples(triples))
    tokens = sum(uni.values()) - uni[BOUNDARY]
    print(f"{target}: {len(uni)} words, {len(pairs)} pairs, {kept} triples, {tokens} tokens, {uni[BOUNDARY]} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
