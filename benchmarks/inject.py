"""Turn a clean document into a corrupted one with recorded injections (pure but for the rng).

A ``join`` injection covers two words of the clean text ("that the" -> "thatthe"); its
``original`` is both words with the space between them. A ``split`` one puts a space
inside a word. Either way ``start``/``end`` span the corrupted text that replaced
``original``, so scoring compares that span after a tool's edits with ``original``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any

import click

from benchmarks.errors import ErrorModel
from benchmarks.gazetteer import Gazetteer, categorize
from benchmarks.tokens import Tok, tokens

TOKENS_PER_INJECTION = 40  # at most one injection per this many tokens of a document
MIN_GAP = 8  # injected tokens are at least this many tokens apart
CATEGORIES = ("person", "place", "word")
SELECTIONS = ("natural", "types")


def select_option() -> Callable[[Any], Any]:
    """The ``--select`` option of every script that injects typos (accuracy.py, tune.py,
    scripts/snapshot_findings.py): one choice, one default, one wording."""
    return click.option(
        "--select",
        type=click.Choice(SELECTIONS),
        default="natural",
        show_default=True,
        help="which words carry typos: natural (since 2026-12-02: words of 2+ letters and sentence-initial ones) "
        "or types (4+ letters, lowercase words: the figures until stop 37)",
    )


# The natural selection (benchmarks/README.md, "Which words carry a typo", has the sources):
SHORT = 4  # words of 2-3 letters are "short": the old selection never drew them
SHORT_JOIN = 0.5  # the share of lost spaces (join) in the edit mix of a short word that has a next word


@dataclass(frozen=True, slots=True)
class Injected:
    start: int  # span of the corrupted word in the corrupted text
    end: int
    original: str
    corrupted: str
    category: str
    edit: str
    real: bool = False  # an already-real misspelling: listed by some dictionary, not a trusted word


def _following(text: str, toks: list[Tok], i: int) -> str | None:
    """The next word when one space separates it from word ``i`` (which has no possessive)."""
    if i + 1 >= len(toks) or toks[i].core_end != toks[i].end or toks[i + 1].skip:
        return None
    return toks[i + 1].core if text[toks[i].end : toks[i + 1].start] == " " else None


def _pools(toks: list[Tok], cats: dict[str, list[int]], rng: Random) -> dict[str, list[int]]:
    """One random occurrence per distinct word, every distinct word equally likely ("Russia" said
    ten times weighs as much as a word said once): in real copy 43 % of misspelled words are spelled
    right elsewhere in their document, in these draws 40-42 %; drawing occurrences gave 62 % (README)."""
    pools: dict[str, list[int]] = {}
    for c in CATEGORIES:
        by_word: dict[str, list[int]] = {}
        for i in cats[c]:
            by_word.setdefault(toks[i].core.lower(), []).append(i)
        pools[c] = [rng.choice(found) for _, found in sorted(by_word.items())]
        rng.shuffle(pools[c])
    return pools


def _short_mix(model: ErrorModel) -> dict[str, float]:
    """The edit mix of a short word: lost spaces ``SHORT_JOIN`` of it, the other edits in proportion."""
    rest = sum(w for k, w in model.weights.items() if k != "join")
    return {**model.weights, "join": rest * SHORT_JOIN / (1 - SHORT_JOIN)} if "join" in model.weights else model.weights


def corrupt(text: str, gaz: Gazetteer, model: ErrorModel, select: str = "natural") -> tuple[str, list[Injected]]:
    """Inject about one typo per 40 tokens, mixing categories round-robin, at most one per distinct
    word. ``select``: ``natural`` (the benchmark's since 2026-12-02: words of 2+ letters, short ones
    joined to the next word more often, and capitalized sentence-initial words) or ``types`` (4+
    letters, lowercase words only: the selection until then, reproduced exactly)."""
    toks = tokens(text)
    if select not in SELECTIONS:  # (a misspelt one drew the old selection without a word)
        raise ValueError(f"select: {select!r} is none of {', '.join(SELECTIONS)}")
    natural = select == "natural"
    cats = categorize(text, toks, gaz, min_len=2, initial=True) if natural else categorize(text, toks, gaz)
    budget = max(1, len(toks) // TOKENS_PER_INJECTION)
    rng = model.rng
    pools = _pools(toks, cats, rng)
    order = list(CATEGORIES)
    rng.shuffle(order)
    chosen: dict[int, tuple[str, str, str, bool]] = {}  # token index -> (category, corrupted, edit, real)
    words: set[str] = set()  # one typo per distinct word: real copy repeats none (README)
    while len(chosen) < budget and any(pools.values()):
        for cat in order:
            pool = pools[cat]
            while pool and len(chosen) < budget:
                i = pool.pop()
                word = toks[i].core
                if any(abs(i - j) < MIN_GAP for j in chosen) or (natural and word.lower() in words):
                    continue
                mix = _short_mix(model) if natural and len(word) < SHORT else None
                inj = model.inject(word, _following(text, toks, i), weights=mix)
                if inj is None:
                    continue
                chosen[i] = (cat, inj.corrupted, inj.edit, inj.real)
                words.add(word.lower())
                break
    out: list[str] = []
    records: list[Injected] = []
    pos = 0
    length = 0
    for i in sorted(chosen):
        tok = toks[i]
        cat, bad, edit, real = chosen[i]
        end = toks[i + 1].core_end if edit == "join" else tok.core_end
        out.append(text[pos : tok.start])
        length += tok.start - pos
        records.append(Injected(length, length + len(bad), text[tok.start : end], bad, cat, edit, real))
        out.append(bad)
        length += len(bad)
        pos = end
    out.append(text[pos:])
    return "".join(out), records
