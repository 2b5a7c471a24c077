"""The error model: what it costs, on a log10 scale, to type ``key`` as ``typed``.

A candidate's ``edit_cost`` feature is this price (Norvig's P(w|c)). The constants
below give the shape of the cost (which slips are cheap); the model's weight for
``edit_cost`` scales the whole.
"""

from __future__ import annotations

import re

EDIT_COST = 2.0  # any one insertion, deletion or substitution
TRANSPOSITION_COST = 1.5  # swapped letters, a doubled or undoubled letter: the commonest slips
KEYBOARD_COST = 1.7  # a key beside the right one, or in a name one vowel for another (a word's: VOWEL_COST)
DELETION_COST = 1.6  # a letter left out
SHORT_WORD = 5
SHORT_WORD_EXTRA_COST = 1.0  # per slip beyond the first in a word this short: a different word
FIRST_LETTER_COST = 0.5  # the first letter is rarely the one mistyped
# but one slip of an English word's first letter, left out or replaced, with at least
# FIRST_SLIP_REST letters after it in place (ather: rather, fimely: timely), costs no more than
# the same slip further in: those letters pin the word down (not wre: were or are?). A name's
# first letter keeps its price (Apan, a town, is no slip of Japan). Set on every dev word typo
# (2026-12-01, words10: accuracy.py --parts dev, words fixed +90 with one wrong fix fewer)
FIRST_SLIP_COST = 0.0
FIRST_SLIP_REST = 3
# An English word's one vowel for another (resourse, seperate: a spelling slip, likelier than a
# key struck beside); a name's keeps KEYBOARD_COST. Set on every dev word typo (2026-12-01,
# words10: see the commit)
VOWEL_COST = 1.6
# what any slip costs at least (``slip_cost``'s steps, and edit_cost's prices of one slip)
CHEAPEST_SLIP = min(EDIT_COST, TRANSPOSITION_COST, KEYBOARD_COST, DELETION_COST, VOWEL_COST)
VOWELS = frozenset("aeiouy")
_DOUBLED = re.compile(r"(.)\1+")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Letters beside each letter on a QWERTY keyboard (same row, and the rows above and below).
QWERTY_NEIGHBOURS = {
    c: "".join(
        other
        for r2, row2 in enumerate(_ROWS)
        for j, other in enumerate(row2)
        if abs(r2 - r) <= 1 and abs(j - i) <= 1 and other != c
    )
    for r, row in enumerate(_ROWS)
    for i, c in enumerate(row)
}


def one_slip(word: str) -> set[str]:
    """Every string one insertion, deletion, substitution or transposition of letters a-z from ``word``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out |= {a + c + b[1:] for a, b in cuts if b for c in letters}
    out |= {a + c + b for a, b in cuts for c in letters}
    out.discard(word)
    return out


def undoubled(word: str) -> str:
    """``word`` with every run of one letter written once (comittee, committee -> comite)."""
    return _DOUBLED.sub(r"\1", word)


def neighbour_keys(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ in one letter and the two letters are QWERTY neighbours."""
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    return len(diff) == 1 and diff[0][1] in QWERTY_NEIGHBOURS.get(diff[0][0], "")


def vowel_for_vowel(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ in one letter and both letters are vowels (seperate)."""
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS


def omitted(typed: str, key: str) -> bool:
    """True when ``typed`` is ``key`` with one letter left out, not one of a doubled pair
    (undoubling is a slip of its own): resurgnt for resurgent, goverment for government."""
    low = typed.lower()
    if len(low) + 1 != len(key) or undoubled(low) == undoubled(key):
        return False
    j = next((j for j, (a, b) in enumerate(zip(low, key, strict=False)) if a != b), len(low))
    return low[j:] == key[j + 1 :]


def swapped(typed: str, key: str) -> bool:
    """True when ``typed`` is ``key`` with two letters side by side swapped (talsk for talks)."""
    low = typed.lower()
    if len(low) != len(key):
        return False
    diff = [j for j, (a, b) in enumerate(zip(low, key, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and low[diff[0]] == key[diff[1]] and low[diff[1]] == key[diff[0]]


def struck_beside(typed: str, key: str) -> bool:
    """True when ``typed`` is ``key`` with one letter added next to a QWERTY neighbour of it."""
    for j in range(len(typed)):
        if typed[:j] + typed[j + 1 :] == key:
            extra = typed[j]
            around = typed[j - 1 : j] + typed[j + 1 : j + 2]
            if any(extra in QWERTY_NEIGHBOURS.get(c, "") for c in around):
                return True
    return False


def slip_cost(typed: str, key: str) -> float:
    """The cheapest sequence of slips turning ``key`` into ``typed``, each priced as in
    ``edit_cost`` (a key beside the right one, a doubled or dropped letter, swapped
    letters): a weighted Damerau-Levenshtein distance."""
    n, m = len(typed), len(key)
    # a letter typed that the key lacks: doubled, struck with its neighbour, or stray
    extra = []
    for i, t in enumerate(typed):
        around = typed[i - 1 : i] + typed[i + 1 : i + 2]
        if t in around:
            extra.append(TRANSPOSITION_COST)
        elif any(t in QWERTY_NEIGHBOURS.get(c, "") for c in around):
            extra.append(KEYBOARD_COST)
        else:
            extra.append(EDIT_COST)
    # a letter of the key left out: undoubled, or dropped
    lost = [
        TRANSPOSITION_COST if key[j - 1 : j] == k or key[j + 1 : j + 2] == k else DELETION_COST
        for j, k in enumerate(key)
    ]
    prev2: list[float] = []
    prev = [EDIT_COST * j for j in range(m + 1)]
    for i in range(1, n + 1):
        t = typed[i - 1]
        near_t = QWERTY_NEIGHBOURS.get(t, "")
        row = [EDIT_COST * i] + [0.0] * m
        for j in range(1, m + 1):
            k = key[j - 1]
            if t == k:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + (KEYBOARD_COST if k in near_t or (t in VOWELS and k in VOWELS) else EDIT_COST)
            best = min(best, prev[j] + extra[i - 1], row[j - 1] + lost[j - 1])
            if i > 1 and j > 1 and t == key[j - 2] and typed[i - 2] == k:
                best = min(best, prev2[j - 2] + TRANSPOSITION_COST)
            row[j] = best
        prev2, prev = prev, row
    return prev[m]


def cost_floor(typed: str, key: str, dist: int) -> float:
    """At most ``edit_cost(typed, key, dist)``, with or without ``slips``: ``dist`` slips at
    the cheapest price (an OSA distance of ``dist`` takes that many), and the first letter's
    (an English word's, the cheaper)."""
    cost = CHEAPEST_SLIP * dist
    if dist > 1 and len(typed) <= SHORT_WORD:
        cost += SHORT_WORD_EXTRA_COST * (dist - 1)
    return cost + (_first_cost(typed.lower(), key, dist) if typed[:1].lower() != key[:1] else 0.0)


def _first_cost(low: str, key: str, dist: int) -> float:
    """An English word's price of a first letter that differs from the key's: less where the one
    edit is the first letter left out (ather: rather) or replaced (fimely: timely) and at least
    FIRST_SLIP_REST letters follow it."""
    rest = key[1:]
    if dist == 1 and len(rest) >= FIRST_SLIP_REST and rest in (low, low[1:]):
        return FIRST_SLIP_COST
    return FIRST_LETTER_COST


def edit_cost(typed: str, key: str, dist: int, *, slips: bool = False) -> float:
    cost = EDIT_COST * dist
    if dist == 2 and slips:
        # Two slips of a name are priced as two slips ("Braatispava": a doubled letter and
        # a neighbouring key). Not for English words: so many of them lie two edits from
        # any typo that the discount favours far rivals (measured on dev: words -0.4).
        cost = min(cost, slip_cost(typed.lower(), key))
    if dist > 1 and len(typed) <= SHORT_WORD:
        cost += SHORT_WORD_EXTRA_COST * (dist - 1)  # two slips in a short word: a different word
    low = typed.lower()
    if dist == 1 and len(low) == len(key) and neighbour_keys(low, key):
        cost = KEYBOARD_COST  # one key struck for the one beside it
    elif dist == 1 and len(low) == len(key) and vowel_for_vowel(low, key):
        cost = KEYBOARD_COST if slips else VOWEL_COST  # or one vowel for another
        # (a vowel that is another romanization, Daniil for Danyil, is only suggested: see _score)
    elif dist == 1 and len(low) == len(key) + 1 and struck_beside(low, key):
        cost = KEYBOARD_COST  # an extra key struck with its neighbour ("Rusdsia")
    elif dist == 1 and len(low) == len(key) and sorted(low) == sorted(key):
        cost = TRANSPOSITION_COST  # the commonest slips of the keyboard: swapped letters,
    elif dist == 1 and undoubled(low) == undoubled(key):
        cost = TRANSPOSITION_COST  # and a letter doubled or undoubled
    elif dist == 1 and len(low) + 1 == len(key):
        cost = DELETION_COST  # a letter left out: one way to do it, where a slip to another key has several
    if low[:1] != key[:1]:
        cost += FIRST_LETTER_COST if slips else _first_cost(low, key, dist)
    return cost


def alternation(typed: str, listed: str) -> str:
    """The kind of the one difference between two spellings of a name, as a romanization makes it
    (lowercase): ``doubled`` (a letter written once or twice: Sissi, Sisi), ``vowel`` (one vowel
    for another: Dbeibah, Dbeibeh), ``vowel_added`` (a vowel added or left out: Rohani, Rouhani;
    Afewerki, Afwerki), ``h_added`` (an h after a consonant: Prayuth, Prayut) or ``letter:xy`` (one
    consonant for another, the two in alphabetical order: Nicos, Nikos is ``letter:ck``); "" for
    spellings that differ in more than one place, in the first letter, or otherwise.
    ``TRANSLITERATIONS`` (decide.py) keeps the kinds that spellings of one person in the
    gazetteer show (scripts/alternations.py)."""
    a, b = typed.lower(), listed.lower()
    n = min(len(a), len(b))
    p = next((k for k in range(n) if a[k] != b[k]), n)
    s = next((k for k in range(n - p) if a[-1 - k] != b[-1 - k]), n - p)
    x, y = b[p : len(b) - s], a[p : len(a) - s]
    if p == 0 or a == b:
        return ""
    if len(x) == len(y) == 1:
        return "vowel" if x in VOWELS and y in VOWELS else "letter:" + "".join(sorted(x + y))
    added = x or y
    if len(added) != 1 or (x and y):
        return ""
    if added in (b[p - 1], b[p + len(x) : p + len(x) + 1]):  # (the letters beside it in the listed spelling)
        return "doubled"
    if added in VOWELS:
        return "vowel_added"
    return "h_added" if added == "h" and b[p - 1] not in VOWELS else ""
