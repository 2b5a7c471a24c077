"""Turn a clean document into a corrupted one with recorded injections (pure but for the rng)."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.errors import ErrorModel
from benchmarks.gazetteer import Gazetteer, categorize
from benchmarks.tokens import tokens

TOKENS_PER_INJECTION = 40  # at most one injection per this many tokens of a document
MIN_GAP = 8  # injected tokens are at least this many tokens apart
CATEGORIES = ("person", "place", "word")


@dataclass(frozen=True, slots=True)
class Injected:
    start: int  # span of the corrupted word in the corrupted text
    end: int
    original: str
    corrupted: str
    category: str
    edit: str


def corrupt(text: str, gaz: Gazetteer, model: ErrorModel) -> tuple[str, list[Injected]]:
    """Inject about one typo per 40 tokens, mixing categories round-robin."""
    toks = tokens(text)
    cats = categorize(text, toks, gaz)
    budget = max(1, len(toks) // TOKENS_PER_INJECTION)
    rng = model.rng
    pools: dict[str, list[int]] = {}
    for c in CATEGORIES:  # one random occurrence per distinct word, so "Russia" is not drawn ten times
        by_word: dict[str, list[int]] = {}
        for i in cats[c]:
            by_word.setdefault(toks[i].core.lower(), []).append(i)
        pools[c] = [rng.choice(found) for _, found in sorted(by_word.items())]
        rng.shuffle(pools[c])
    order = list(CATEGORIES)
    rng.shuffle(order)
    chosen: dict[int, tuple[str, str, str]] = {}  # token index -> (category, corrupted, edit)
    while len(chosen) < budget and any(pools.values()):
        for cat in order:
            pool = pools[cat]
            while pool and len(chosen) < budget:
                i = pool.pop()
                if any(abs(i - j) < MIN_GAP for j in chosen):
                    continue
                inj = model.inject(toks[i].core)
                if inj is None:
                    continue
                chosen[i] = (cat, inj.corrupted, inj.edit)
                break
    out: list[str] = []
    records: list[Injected] = []
    pos = 0
    length = 0
    for i in sorted(chosen):
        tok = toks[i]
        cat, bad, edit = chosen[i]
        out.append(text[pos : tok.start])
        length += tok.start - pos
        records.append(Injected(length, length + len(bad), tok.core, bad, cat, edit))
        out.append(bad)
        length += len(bad)
        pos = tok.core_end
    out.append(text[pos:])
    return "".join(out), records
