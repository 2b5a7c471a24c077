"""Text helpers shared by the dictionary build: cleaning, script checks, folding, TSV output.

Everything here is pure and deterministic: the same input string always gives the
same output, independent of locale, hash seed or platform.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

# Cyrillic and Greek letters that look like Latin ones. Sources (and real news copy)
# contain Latin words with such letters typed in by mistake: "Defenсe" with a Cyrillic с.
CONFUSABLES = {
    # Cyrillic lower / upper
    "а": "a",
    "в": "b",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ԛ": "q",
    "ԝ": "w",
    "к": "k",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Һ": "H",
    "Ӏ": "I",
    # Greek lower / upper
    "ο": "o",
    "ν": "v",
    "α": "a",
    "ι": "i",
    "κ": "k",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}

# Letters that NFKD does not decompose but that have an obvious ASCII fold.
_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "n",
        "Ŋ": "N",
        "ſ": "s",
    }
)

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

_WS = re.compile(r"\s+")


def clean_field(value: str | None) -> str:
    """NFC, no tabs or newlines, single spaces, stripped."""
    if not value:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", value)).strip()


def _letter_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def is_latin_letter(ch: str) -> bool:
    """A letter in a Latin Unicode block (modifier letters such as the okina count)."""
    if not ch.isalpha():
        return True
    if "\u02b0" <= ch <= "\u02ff":  # spacing modifier letters: ʻ ʼ ʹ
        return True
    return _letter_script(ch) == "LATIN"


def is_latin(text: str) -> bool:
    """True when every letter of text is Latin and there is at least one letter."""
    return any(c.isalpha() for c in text) and all(is_latin_letter(c) for c in text)


def fix_confusables(text: str) -> str:
    """Map Cyrillic/Greek look-alikes to Latin inside words that are otherwise Latin.

    A word written wholly in Cyrillic or Greek is left alone: only mixed words are fixed.
    """

    def fix_word(match: re.Match[str]) -> str:
        word = match.group(0)
        has_latin = any(c.isalpha() and _letter_script(c) == "LATIN" for c in word)
        if not has_latin:
            return word
        foreign = [c for c in word if c.isalpha() and not is_latin_letter(c)]
        if foreign and all(c in CONFUSABLES for c in foreign):
            return "".join(CONFUSABLES.get(c, c) for c in word)
        return word

    return re.sub(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", fix_word, text)


def strip_marks(text: str) -> str:
    """Remove diacritics (NFKD minus combining marks) and fold special letters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """ASCII-ish comparison key: no diacritics, lower case, apostrophes dropped,
    hyphens and dots as spaces."""
    s = strip_marks(text.translate(APOSTROPHES)).lower()
    s = s.replace("'", "").replace("ʻ", "").replace("ʼ", "")
    s = re.sub(r"[-.‐‑–]", " ", s)
    return _WS.sub(" ", s).strip()


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text))
    return s.strip("-") or "x"


def is_ascii(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write an NFC, LF-terminated, unquoted TSV. Rows must already be sorted."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            fields = [clean_field(str(f)).replace("\t", " ") for f in row]
            if len(fields) != len(header):
                raise ValueError(f"{path.name}: row has {len(fields)} fields: {fields}")
            out.write("\t".join(fields) + "\n")
            count += 1
    return count


def join_multi(values: Iterable[str]) -> str:
    """Join a multi-valued field with '|' (values must not contain '|')."""
    return "|".join(v.replace("|", "/") for v in values)
