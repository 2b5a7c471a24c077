"""Spelling forms of a word (pure): letter case shape, accent folding, transliteration skeleton.

Two spellings with the same skeleton differ only in ways that transliteration
schemes and accents differ (Oleksiy/Oleksii, Qassim/Qasim, Miqati/Mikati, Mourao/Mourão,
Zelensky/Zelenskyy): they are variants of one name, not typos of each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spelling differences between romanizations of the same name, applied in order.
_TRANSLIT = (("kh", "h"), ("ph", "f"), ("ye", "e"), ("w", "v"), ("y", "i"), ("ou", "u"), ("ck", "k"), ("q", "k"))
# j romanizes the glide й, which always has a vowel beside it (Kyjiv, Jevhen, Andrij);
# a j between consonants or before one is a slip of the keyboard (Danjlov, Jryna).
_GLIDE_J = re.compile(r"(?<=[aeiouy])j|j(?=[aeiouy])")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_II = re.compile(r"ii$")  # -yi, -iy, -yy, -ii endings of Slavic names, all romanized -y


def shape(word: str) -> str:
    """'lower', 'upper' (ALL CAPS), 'title' (Capitalized) or 'mixed'."""
    if word.isascii():  # the string methods answer at once (every ASCII letter is cased)
        if word.islower():
            return "lower"
        if word.isupper():
            return "upper"
        if word[:1].isupper() and word[1:].islower():
            return "title"
    return _shape(word)


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
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


# Letters that Unicode does not decompose into a base letter and an accent, as English copy
# writes them (Erdoğan's ı, Łukasz, Bjørn, Đilas, Straße, Hækkerup, Guðni, Þórður).
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h", "ŧ": "t"}
)
# Marks of romanized names that English copy may leave out, like accents: Sana'a/Sanaa,
# Hawaiʻi/Hawaii, Oʻzbekiston. Folding drops them.
_MARKS = str.maketrans("", "", "'’‘ʼʻ")
# Marks that stand for an apostrophe inside a word (We’re, Côte d’Ivoire, Kyivʼs); not the
# okina ʻ, a letter of Hawaiian.
APOSTROPHES = "'’‘ʼ"
_PLAIN_APOSTROPHE = str.maketrans({a: "'" for a in APOSTROPHES})


def fold(word: str) -> str:
    """Lowercase without accents, letter variants or apostrophes: 'Mourão' -> 'mourao',
    'Bozkır' -> 'bozkir', "Sana'a" -> 'sanaa'."""
    return unaccented(word.lower().translate(_MARKS))


def unaccented(text: str) -> str:
    """``text`` as English copy writes it without accents, letter case kept: 'Radosław' -> 'Radoslaw'."""
    if text.isascii():
        return text
    out = []
    for i, c in enumerate(text):
        plain = c.lower().translate(_UNDECOMPOSED)
        if plain != c.lower():
            caps = c.isupper() and (len(plain) == 1 or text[i + 1 : i + 2].isupper())  # Æ in ÆRØ, not in Ærø
            out.append(plain.upper() if caps else plain.capitalize() if c.isupper() else plain)
        else:
            out.extend(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
    return "".join(out)


def plain_apostrophes(word: str) -> str:
    """The word with each apostrophe as ASCII ': how it is looked up ('We’re' -> "We're")."""
    return word.translate(_PLAIN_APOSTROPHE)


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """What is left of a name when romanization differences are ignored."""
    return _DOUBLED.sub(r"\1", _transliterated(word))


def romanization_variant(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only by accents or romanization choices (y/i,
    kh/h, w/v...) letter for letter; a doubled or extra letter is a slip of the keyboard."""
    return a.lower() != b.lower() and _romanized(a) == _romanized(b)


def slavic_g_variant(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are romanization variants once the Slavic letter г, which
    Ukrainian romanizes h and Russian g, is written one way (Sergii, Serhii; Olga, Olha)."""
    a, b = a.lower(), b.lower()
    return a != b and _romanized(a.replace("g", "h")) == _romanized(b.replace("g", "h"))


@lru_cache(maxsize=1 << 16)
def _romanized(word: str) -> str:
    return _FINAL_II.sub("i", _transliterated(word))  # Monastyrsky, Monastyrskyi, Monastyrskyy


def _transliterated(word: str) -> str:
    """``word`` folded, without apostrophes, with each romanization choice made one way."""
    out = _GLIDE_J.sub("i", fold(word))
    for old, new in _TRANSLIT:
        out = out.replace(old, new)
    return out
