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

Edits the engine's cost model does not have (``PUBLISHED_WEIGHTS`` only):

- ``random_sub``: any letter replaced by any other letter, the first included
- ``random_insert``: any letter inserted anywhere, before the first included
- ``case``: a shift slip in a capitalized word (``RUssia``) or its capital lost (``russia``)
- ``split``: a space typed inside a word (``gover nment``)
- ``join``: the space to the next word lost (``thatthe``; ``ErrorModel.inject`` with ``following``)

Two mixes of them. ``EDIT_WEIGHTS`` is the engine-shaped mix the engine was
tuned on until 2026-11-29. ``PUBLISHED_WEIGHTS`` (the benchmark's default since
then) takes its rates from published counts of real errors:

- Damerau (1964), "A technique for computer detection and correction of spelling
  errors", CACM 7(3): over 80 % of misspellings are one insertion, omission,
  substitution or transposition -> single-letter edits 80 %, two edits 5 %;
- Kukich (1992), "Techniques for automatically correcting words in text", ACM
  Computing Surveys 24(4), reporting her study of typed (TDD) conversations: of
  367 genuine misspelling types, run-on words were 13 % and split words 2 % ->
  ``join`` 13 %, ``split`` 2 %.

No source found here gives the share of non-neighbour letters or of case slips:
``random_sub`` 8, ``random_insert`` 8 and ``case`` 4 (of the 80 single-letter
points) are assumptions; the engine-shaped single edits share the other 60 in
their old proportions. Where a class cannot apply to a word (``two_edits`` on a
short word, ``join`` at the end of a sentence, ``case`` on a lowercase word) it
is left out of that draw, so the realized shares differ a little: the report
counts them by edit.

Rejected outputs: with ``lexicon`` = English words (``gazetteer.english_words``)
only an output that is such a word is redrawn; an
output some dictionary lists all the same (``listed``: "Russa", a surname;
"goverment", a web misspelling) is kept and marked ``real`` so that these are
injected at their natural rate and reported apart. Everything random comes from
one ``random.Random(seed)``, so a seed reproduces a run exactly.
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
_ENGINE_SINGLE = 60.0 / sum(EDIT_WEIGHTS[k] for k in SINGLE_EDITS)
PUBLISHED_WEIGHTS = {
    **{k: round(EDIT_WEIGHTS[k] * _ENGINE_SINGLE, 2) for k in SINGLE_EDITS},  # 60 (Damerau: 80 single)
    "random_sub": 8.0,  # assumption (see above)
    "random_insert": 8.0,  # assumption
    "case": 4.0,  # assumption
    "two_edits": 5.0,  # Damerau: under 20 % are not one edit; less the 15 of word boundaries
    "join": 13.0,  # Kukich 1992: run-ons 13 %
    "split": 2.0,  # Kukich 1992: splits 2 %
}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
TWO_EDITS_MIN_LEN = 8
SPLIT_MIN_LEN = 4
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
    edit: str  # one of PUBLISHED_WEIGHTS
    real: bool = False  # the output is listed by some dictionary though not a trusted word ("Russa")


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
    if edit == "random_sub":
        i = rng.randrange(n)
        return w[:i] + rng.choice(LETTERS.replace(w[i], "")) + w[i + 1 :]
    if edit == "random_insert":
        i = rng.randrange(n + 1)
        return w[:i] + rng.choice(LETTERS) + w[i:]
    if edit == "split":
        if n < SPLIT_MIN_LEN:
            return None
        i = rng.randrange(2, n - 1)  # both halves of 2+ letters
        return w[:i] + " " + w[i:]
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


def _title_case(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word[1:].islower()


def case_slip(rng: random.Random, word: str) -> str | None:
    """``Russia`` -> ``RUssia`` (shift held a key too long) or ``russia`` (shift missed)."""
    if not _title_case(word):
        return None
    return word[:2].upper() + word[2:] if rng.random() < 0.5 else word.lower()


Known = Collection[str] | Callable[[str], bool]


def _lookup(words: Known | None) -> Callable[[str], bool]:
    if words is None:
        return lambda w: False
    return words if callable(words) else words.__contains__


class ErrorModel:
    """Draws typos for words.

    ``lexicon``: lowercase words an output must never be (it is redrawn): pass the
    trusted words for the published mix, or every listed word for the old one.
    ``listed``: words some dictionary has; an output among them is kept but marked ``real``.
    ``weights``: the mix of edits (``EDIT_WEIGHTS`` by default, as before).
    """

    def __init__(
        self,
        lexicon: Known,
        seed: int = 0,
        *,
        listed: Known | None = None,
        weights: dict[str, float] | None = None,
    ) -> None:
        self.rng = random.Random(seed)
        self._known = _lookup(lexicon)
        self._listed = _lookup(listed)
        self.weights = weights or EDIT_WEIGHTS

    def _applies(self, edit: str, word: str, following: str | None) -> bool:
        if edit == "two_edits":
            return len(word) >= TWO_EDITS_MIN_LEN
        if edit == "join":
            return following is not None and following.isalpha()
        if edit == "case":
            return _title_case(word)
        if edit == "split":
            return len(word) >= SPLIT_MIN_LEN
        return True

    def inject(
        self, word: str, following: str | None = None, weights: dict[str, float] | None = None
    ) -> Injection | None:
        """A misspelling of ``word`` (letters only, 2+), or None if none was found.

        ``following``: the next word when a single space separates them (``join`` then applies;
        the injection's original is then ``"word following"``). ``weights``: this draw's mix
        instead of the model's."""
        low = word.lower()
        if len(low) < 2 or not low.isalpha():
            return None
        mix = weights or self.weights
        kinds = [k for k in mix if self._applies(k, word, following)]
        shares = [mix[k] for k in kinds]  # (not ``weights``, the argument: a dict, not this list)
        for _ in range(MAX_TRIES if kinds else 0):
            edit = self.rng.choices(kinds, shares)[0]
            if edit == "case":
                return Injection(word, case_slip(self.rng, word) or word, edit)
            if edit == "join":
                joined = word + (following or "")
                if self._known(joined.lower()):
                    continue
                return Injection(f"{word} {following}", joined, edit, self._listed(joined.lower()))
            out = edit_once(self.rng, low, edit)
            if not out or len(out) < 2 or out == low:
                continue
            parts = out.split(" ")
            if all(self._known(p) for p in parts):
                continue
            return Injection(word, case_like(out, word), edit, self._listed(out))
        return None
