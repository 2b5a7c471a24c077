"""House style: accepted variants become findings fixed to the preferred form ("Kiev" -> "Kyiv").

Nothing happens in the default mode: the rule only knows the variants of the
selected style (dictionaries/style_<name>.tsv, built by scripts/build_styles.py)
and the project's own ``prefer`` table, which wins over the style. Matching is
by whole words, case-insensitive, but a capitalized variant never matches a
lowercase word ("kiev"); a possessive stays ("Kiev's" -> "Kyiv's"). A given
name alone is ambiguous ("Dmitry" is Dmytro only for a Ukrainian): style rows
of the category "Personal name" apply only before the surname of a person the
gazetteer lists with a role in Ukraine.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from normalize.lexicon import Lexicon, dictionaries_dir
from normalize.rules import Rule
from normalize.tokenize import Word
from normalize.types import Entry, Finding

RULE = "style"
GIVEN_NAME = "Personal name"


class Preference(NamedTuple):
    """One row of a house style: write ``preferred`` for ``variant``."""

    variant: str
    preferred: str
    category: str
    source: str


def available() -> tuple[str, ...]:
    return tuple(sorted(p.stem.removeprefix("style_") for p in dictionaries_dir().glob("style_*.tsv")))


@lru_cache(maxsize=8)
def load_style(name: str) -> tuple[Preference, ...]:
    path: Path = dictionaries_dir() / f"style_{name}.tsv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(Preference(r["variant"], r["preferred"], r["category"], r["source"]) for r in rows)


def style_rule(style: str | None, prefer: tuple[tuple[str, str], ...] = (), origin: str = "project config") -> Rule:
    """The rule for a style and project preferences; finds nothing when both are empty."""
    table: dict[tuple[str, ...], Preference] = {}
    for p in load_style(style) if style else ():
        table[_key(p.variant)] = p
    for variant, preferred in prefer:
        table[_key(variant)] = Preference(variant, preferred, "project preference", f"prefer in {origin}")
    longest = max((len(k) for k in table), default=0)
    label = f"house style '{style}'" if style else "project preferences"

    def rule(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
        i = 0
        while i < len(words):
            hit = _match(text, words, i, table, longest, lexicon)
            if hit is None:
                i += 1
                continue
            n, pref = hit
            start, end = words[i].token.start, words[i + n - 1].token.start + len(words[i + n - 1].core)
            typed = text[start:end]
            fixed = pref.preferred.upper() if typed.isupper() and len(typed) > 1 else pref.preferred
            if fixed != typed:
                yield _finding(typed, start, end, fixed, pref, label)
            i += n

    return rule


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _match(
    text: str, words: list[Word], i: int, table: dict[tuple[str, ...], Preference], longest: int, lexicon: Lexicon
) -> tuple[int, Preference] | None:
    for n in range(min(longest, len(words) - i), 0, -1):
        span = words[i : i + n]
        if any(w.skip for w in span) or any(len(a.core) != len(a.token.text) for a in span[:-1]):
            continue
        if any(text[a.token.end : b.token.start] != " " for a, b in zip(span, span[1:], strict=False)):
            continue
        pref = table.get(tuple(w.core.lower() for w in span))
        if pref is None:
            continue
        if pref.variant[:1].isupper() and not span[0].core[:1].isupper():
            continue
        if pref.category == GIVEN_NAME and not _before_ukrainian_surname(words, i + n, lexicon):
            continue
        return n, pref
    return None


def _before_ukrainian_surname(words: list[Word], j: int, lexicon: Lexicon) -> bool:
    if j >= len(words):
        return False
    low = words[j].core.lower()
    for idx in lexicon.name_index.get(low, ()):
        parts, entry, _ = lexicon.spellings[idx]
        ident, name, kind, description, source = lexicon.entries[entry]
        if kind == "person" and parts[-1].lower() == low and "Ukraine" in description:
            return True
    return False


def _finding(typed: str, start: int, end: int, fixed: str, pref: Preference, label: str) -> Finding:
    if pref.category == "project preference":
        label = "the project"
    entry = Entry(f"style:{pref.variant}", pref.preferred, "style", pref.category, pref.source)
    return Finding(
        start=start,
        end=end,
        text=typed,
        replacement=fixed,
        suggestions=(fixed,),
        confidence=0.95,
        kind="style",
        action="fix",
        reason=(
            f"rule style: {label} prefers {pref.preferred} to {pref.variant} ({pref.category}; source: {pref.source})"
        ),
        rule=RULE,
        entry=entry,
    )
