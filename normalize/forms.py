"""Spelling forms of a word (pure): letter case shape, accent folding, transliteration skeleton.

Two spellings with the same skeleton differ only in ways that transliteration
schemes and accents differ (Oleksiy/Oleksii, Qassim/Qasim, Mourao/Mourão,
Zelensky/Zelenskyy): they are variants of one name, not typos of each other.
"""

from __future__ import annotations

import re
import unicodedata

# Spelling differences between romanizations of the same name, applied in order.
_TRANSLIT = (("kh", "h"), ("ph", "f"), ("ye", "e"), ("w", "v"), ("y", "i"), ("ou", "u"), ("ck", "k"))
# j romanizes the glide й, which always has a vowel beside it (Kyjiv, Jevhen, Andrij);
# a j between consonants or before one is a slip of the keyboard (Danjlov, Jryna).
_GLIDE_J = re.compile(r"(?<=[aeiouy])j|j(?=[aeiouy])")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_II = re.compile(r"ii$")  # -yi, -iy, -yy, -ii endings of Slavic names, all romanized -y


def shape(word: str) -> str:
    """'lower', 'upper' (ALL CAPS), 'title' (Capitalized) or 'mixed'."""
    letters = [c for c in word if c.isalpha()]
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "mixed"


def recase(spelling: str, typed: str) -> str:
    """Give ``spelling`` the letter case of ``typed``: ALL CAPS, Capitalized or lower."""
    kind = shape(typed)
    if kind == "upper":
        return spelling.upper()
    if kind == "lower":
        return spelling.lower()
    if spelling[:1].islower():
        return spelling[:1].upper() + spelling[1:]
    return spelling


def fold(word: str) -> str:
    """Lowercase without accents: 'Mourão' -> 'mourao'."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def skeleton(word: str) -> str:
    """What is left of a name when romanization differences are ignored."""
    return _DOUBLED.sub(r"\1", _transliterated(word))


def romanization_variant(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only by accents or romanization choices (y/i,
    kh/h, w/v...) letter for letter; a doubled or extra letter is a slip of the keyboard."""
    return a.lower() != b.lower() and _romanized(a) == _romanized(b)


def _romanized(word: str) -> str:
    return _FINAL_II.sub("i", _transliterated(word))  # Monastyrsky, Monastyrskyi, Monastyrskyy


def _transliterated(word: str) -> str:
    """``word`` folded, without apostrophes, with each romanization choice made one way."""
    out = _GLIDE_J.sub("i", fold(word).replace("'", "").replace("’", ""))
    for old, new in _TRANSLIT:
        out = out.replace(old, new)
    return out
