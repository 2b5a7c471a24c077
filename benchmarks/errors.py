"""A seeded model of typing errors, for injecting typos into clean text.

Edit types (applied to the lowercase letters of a word, then the word's case
pattern is put back: ``Putin`` -> ``Ptuin``, never ``ptuin``; ``NATO`` stays
upper case):

- ``keyboard``: a letter replaced by a QWERTY neighbour (not the first letter)
- ``vowel``: a vowel replaced by another vowel
- ``double``: a letter doubled
- ``drop``: a letter dropped (not the first)
- ``insert``: a neighbour of a letter inserted next to it (not before the first)
- ``transpose``: two adjacent, different letters swapped
- ``first_sub``: the first letter replaced by a QWERTY neighbour
- ``first_drop``: the first letter dropped
- ``two_edits``: two of the above at different places, only in words of 8+ letters

An injection never yields a real word: outputs in the ``lexicon`` passed in
(case-insensitive) are rejected and another edit is drawn. Everything random
comes from one ``random.Random(seed)``, so a seed reproduces a run exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection
from dataclasses import dataclass

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = "aeiou"
EDIT_WEIGHTS = {
    "keyboard": 3.0,
    "vowel": 2.0,
    "double": 1.5,
    "drop": 2.0,
    "insert": 1.5,
    "transpose": 2.0,
    "first_sub": 0.75,
    "first_drop": 0.5,
    "two_edits": 1.5,
}
SINGLE_EDITS = [k for k in EDIT_WEIGHTS if k != "two_edits"]
TWO_EDITS_MIN_LEN = 8
MAX_TRIES = 30


def _neighbours() -> dict[str, str]:
    """Letters next to each key: same row left/right; the staggered rows above and below."""
    out: dict[str, str] = {}
    for r, row in enumerate(ROWS):
        for c, ch in enumerate(row):
            near = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
            if r > 0:  # the row above sits half a key to the left
                near += [ROWS[r - 1][c : c + 2]]
            if r + 1 < len(ROWS):
                near += [ROWS[r + 1][max(c - 1, 0) : c + 1]]
            out[ch] = "".join(sorted(set("".join(near))))
    return out


NEIGHBOURS = _neighbours()


@dataclass(frozen=True, slots=True)
class Injection:
    original: str
    corrupted: str
    edit: str  # one of EDIT_WEIGHTS


def case_like(word: str, like: str) -> str:
    """``word`` (lowercase) in the case pattern of ``like``."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like.islower():
        return word
    if like[0].isupper() and like[1:].islower():
        return word[:1].upper() + word[1:]
    # mixed case ("McDonald"): keep case by position, first letter upper
    mask = [c.isupper() for c in like] + [False] * len(word)
    out = "".join(ch.upper() if up else ch for ch, up in zip(word, mask, strict=False))
    return out[:1].upper() + out[1:]


def _neighbour(rng: random.Random, ch: str) -> str:
    return rng.choice(NEIGHBOURS.get(ch) or "etaoinshr")


def edit_once(rng: random.Random, w: str, edit: str) -> str | None:
    """One edit of lowercase ``w``; None when the edit does not apply to it."""
    n = len(w)
    if edit == "keyboard":
        i = rng.randrange(1, n)
        return w[:i] + _neighbour(rng, w[i]) + w[i + 1 :] if w[i] in NEIGHBOURS else None
    if edit == "vowel":
        spots = [i for i, c in enumerate(w) if c in VOWELS]
        if not spots:
            return None
        i = rng.choice(spots)
        return w[:i] + rng.choice(VOWELS.replace(w[i], "")) + w[i + 1 :]
    if edit == "double":
        i = rng.randrange(n)
        return w[: i + 1] + w[i] + w[i + 1 :]
    if edit == "drop":
        i = rng.randrange(1, n)
        return w[:i] + w[i + 1 :]
    if edit == "insert":
        i = rng.randrange(1, n + 1)
        return w[:i] + _neighbour(rng, w[i - 1]) + w[i:]
    if edit == "transpose":
        spots = [i for i in range(n - 1) if w[i] != w[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if edit == "first_sub":
        return _neighbour(rng, w[0]) + w[1:] if w[0] in NEIGHBOURS else None
    if edit == "first_drop":
        return w[1:]
    if edit == "two_edits":
        if n < TWO_EDITS_MIN_LEN:
            return None
        # edit one half, then the other, so the two edits are apart
        mid = n // 2
        first = edit_once(rng, w[:mid], rng.choice(SINGLE_EDITS))
        second = edit_once(rng, w[mid:], rng.choice(["keyboard", "vowel", "double", "drop", "insert", "transpose"]))
        if first is None or second is None:
            return None
        return first + second
    raise ValueError(f"unknown edit type {edit!r}")


class ErrorModel:
    """Draws typos for words; ``lexicon`` holds the lowercase words to never produce."""

    def __init__(self, lexicon: Collection[str] | Callable[[str], bool], seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self._known = lexicon if callable(lexicon) else lexicon.__contains__

    def inject(self, word: str) -> Injection | None:
        """A misspelling of ``word`` (letters only, 2+), or None if none was found."""
        low = word.lower()
        if len(low) < 2 or not low.isalpha():
            return None
        kinds = [k for k in EDIT_WEIGHTS if k != "two_edits" or len(low) >= TWO_EDITS_MIN_LEN]
        weights = [EDIT_WEIGHTS[k] for k in kinds]
        for _ in range(MAX_TRIES):
            edit = self.rng.choices(kinds, weights)[0]
            out = edit_once(self.rng, low, edit)
            if not out or len(out) < 2 or out == low or self._known(out):
                continue
            return Injection(word, case_like(out, word), edit)
        return None
