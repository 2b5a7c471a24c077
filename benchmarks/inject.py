"""Turn a clean document into a corrupted one with recorded injections (pure but for the rng).

A ``join`` injection covers two words of the clean text ("that the" -> "thatthe"); its
``original`` is both words with the space between them. A ``split`` one puts a space
inside a word. Either way ``start``/``end`` span the corrupted text that replaced
``original``, so scoring compares that span after a tool's edits with ``original``.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.errors import ErrorModel
from benchmarks.gazetteer import Gazetteer, categorize
from benchmarks.tokens import Tok, tokens

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
    real: bool = False  # an already-real misspelling: listed by some dictionary, not a trusted word


def _following(text: str, toks: list[Tok], i: int) -> str | None:
    """The next word when one space separates it from word ``i`` (which has no possessive)."""
    if i + 1 >= len(toks) or toks[i].core_end != toks[i].end or toks[i + 1].skip:
        return None
    return toks[i + 1].core if text[toks[i].end : toks[i + 1].start] == " " else None


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
    chosen: dict[int, tuple[str, str, str, bool]] = {}  # token index -> (category, corrupted, edit, real)
    while len(chosen) < budget and any(pools.values()):
        for cat in order:
            pool = pools[cat]
            while pool and len(chosen) < budget:
                i = pool.pop()
                if any(abs(i - j) < MIN_GAP for j in chosen):
                    continue
                inj = model.inject(toks[i].core, _following(text, toks, i))
                if inj is None:
                    continue
                chosen[i] = (cat, inj.corrupted, inj.edit, inj.real)
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
