"""Which tokens of a text are officials' names, place names and plain words.

Names come from ``dictionaries/people.tsv`` and ``dictionaries/places.tsv``
(formats in dictionaries/README.md: ``name`` plus ``|``-separated ``variants``;
places also carry a ``kind``). Until those files exist the harness falls back
to the raw shared data (every-politician labels; SpellingUkraine places and the
countries of the every-politician export) so it can be developed, and says so.

Also here: the broad lexicon the error model uses to reject injections that
would be real words (symspellpy's 82,765-word frequency list plus every token
of dictionaries/*.tsv).
"""

from __future__ import annotations

import csv
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.tokens import Tok
from normalize.lexicon import FIRST_LEVEL_REGIONS

ROOT = Path(__file__).resolve().parents[1]
DICTS = ROOT / "dictionaries"
SHARED = Path(os.environ.get("NORMALIZE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
NAME_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
PLACE_KINDS = {"country", "capital", "region", "city"}
CITY_MIN_POPULATION = 100_000
COMMON_WORD_COUNT = 12_000_000  # one-word regions and cities this frequent in English are skipped ("Central", "Nice")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def symspell_dictionary() -> Path:
    import symspellpy

    return Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"


def english_counts() -> dict[str, int]:
    """symspellpy's frequency list: lowercase word -> corpus count."""
    counts: dict[str, int] = {}
    with open(symspell_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                counts[parts[0]] = int(parts[1])
    return counts


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _spellings(row: dict[str, str]) -> list[str]:
    out = [row.get("name") or ""]
    out += [v for v in (row.get("variants") or "").split("|") if v]
    return [s for s in out if s]


def broad_lexicon() -> set[str]:
    """Lowercase words an injected error must never equal."""
    words = set(english_counts())
    for name in ("words.tsv", "people.tsv", "places.tsv"):
        path = DICTS / name
        if not path.exists():
            continue
        for row in _rows(path):
            if name == "words.tsv":
                words.add((row.get("word") or "").lower())
            else:
                for s in _spellings(row):
                    words.update(p.lower() for p in NAME_PART.findall(s))
    words.discard("")
    return words


def english_words() -> set[str]:
    """Lowercase English words no typo should become: symspellpy's list and the ``word`` rows
    of words.tsv. Name parts are not among them: "Russa" (a surname) is a real misspelling."""
    words = set(english_counts())
    if (DICTS / "words.tsv").exists():
        words.update(r["word"].lower() for r in _rows(DICTS / "words.tsv") if r.get("status") == "word")
    return words


def trusted_words(gaz: Gazetteer) -> set[str]:
    """Lowercase words and name parts a change is surely false on: symspellpy's list,
    words.tsv rows of status ``word``, and name parts of people and places."""
    words = set(english_counts())
    if (DICTS / "words.tsv").exists():
        words.update(r["word"].lower() for r in _rows(DICTS / "words.tsv") if r.get("status") == "word")
    for index in (gaz.people, gaz.places):
        words.update(p for names in index.values() for parts in names for p in parts)
    return words


@dataclass
class Gazetteer:
    people: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first part -> names
    places: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    english: dict[str, int] = field(default_factory=dict)
    source: str = "dictionaries/"

    def add(self, index: dict[str, list[tuple[str, ...]]], spelling: str, min_parts: int) -> None:
        parts = tuple(p.lower() for p in NAME_PART.findall(spelling))
        if len(parts) >= min_parts:
            bucket = index.setdefault(parts[0], [])
            if parts not in bucket:
                bucket.append(parts)


def load(local_regions: bool = False) -> Gazetteer:
    """Names to draw typos from. ``local_regions`` also counts GeoNames' districts and
    counties below the ISO 3166-2 level as places (the definition before 2026-11-27)."""
    gaz = Gazetteer(english=english_counts())
    if (DICTS / "people.tsv").exists() and (DICTS / "places.tsv").exists():
        for row in _rows(DICTS / "people.tsv"):
            for s in _spellings(row):
                gaz.add(gaz.people, s, 2)
        person_parts = {p for names in gaz.people.values() for parts in names for p in parts}
        for row in _rows(DICTS / "places.tsv"):
            kind = row.get("kind") or ""
            if kind not in PLACE_KINDS:
                continue
            if kind == "city" and int(row.get("population") or 0) < CITY_MIN_POPULATION:
                continue
            if kind == "region" and not local_regions and not row["id"].startswith(FIRST_LEVEL_REGIONS):
                # Districts and counties below ISO 3166-2 are named like anything: "Friendship",
                # "Crescent", "Empress", "Elton". Counted, they made "Treaty of Friendshio" and
                # "Pink Tloyd" place typos.
                continue
            for s in _spellings(row):
                parts = NAME_PART.findall(s)
                common = gaz.english.get(s.lower(), 0) > COMMON_WORD_COUNT
                if kind in ("city", "region") and len(parts) == 1 and (common or s.lower() in person_parts):
                    continue
                gaz.add(gaz.places, s, 1)
        return gaz
    gaz.source = "fallback: raw shared data (dictionaries/ not built yet)"
    for row in _rows(SHARED / "officials/everypolitician_cabinets.tsv"):
        gaz.add(gaz.people, row.get("name_wikidata_label") or "", 2)
        gaz.add(gaz.places, row.get("country") or "", 1)
    for row in _rows(SHARED / "ukraine-style/spelling_ukraine.tsv"):
        if row.get("category") in ("City", "Country", "Region"):
            gaz.add(gaz.places, row.get("correct") or "", 1)
    return gaz


def _capitalized(tok: Tok) -> bool:
    return tok.core[:1].isupper()


def _joinable(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 2 and all(c in " -\u00a0" for c in gap)


def _match(text: str, toks: list[Tok], index: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, int]]:
    """Longest non-overlapping matches of capitalized token sequences: (first, last+1)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        best = 0
        if _capitalized(toks[i]) and not toks[i].skip:
            for parts in index.get(toks[i].core.lower(), ()):
                n = len(parts)
                if n <= best or i + n > len(toks):
                    continue
                seq = toks[i : i + n]
                if all(
                    t.core.lower() == p and _capitalized(t) and not t.skip for t, p in zip(seq, parts, strict=False)
                ) and all(_joinable(text, a, b) for a, b in zip(seq, seq[1:], strict=False)):
                    best = n
        if best:
            out.append((i, i + best))
            i += best
        else:
            i += 1
    return out


def sentence_initial(text: str, tok: Tok) -> bool:
    """The token opens a sentence, a line or the text (quotes and brackets before it aside)."""
    j = tok.start
    while j and text[j - 1] in " \t\u00a0\"'“‘([":
        j -= 1
    return not j or text[j - 1] in ".!?:\n"


def categorize(
    text: str, toks: list[Tok], gaz: Gazetteer, *, min_len: int = 4, initial: bool = False
) -> dict[str, list[int]]:
    """Token indexes per category: ``person``, ``place``, ``word``.

    person: tokens of an official's full name (two or more parts) matched in the
    text, plus later lone mentions of a matched surname; place: tokens of a
    matched country, capital, region or city name (one-word regions and cities
    that are common English words or parts of officials' names left out); word: lowercase alphabetic
    English words, and with ``initial`` also such a word capitalized at the start of a sentence
    ("However"). Only ASCII letters, ``min_len`` or more (4 until 2026-12-02; the injector's natural
    selection passes 2).
    """
    person: set[int] = set()
    surnames: set[str] = set()
    for a, b in _match(text, toks, gaz.people):
        person.update(range(a, b))
        surnames.add(toks[b - 1].core)
    for t in toks:
        if t.core in surnames and not t.skip:
            person.add(t.index)
    place: set[int] = set()
    for a, b in _match(text, toks, gaz.places):
        place.update(i for i in range(a, b) if i not in person)
    word = {
        t.index for t in toks if not t.skip and t.core.islower() and t.index not in person and t.core in gaz.english
    }
    if initial:
        word |= {
            t.index for t in toks
            if not t.skip and t.core[:1].isupper() and t.core[1:].islower() and t.index not in person
            and t.index not in place and t.core.lower() in gaz.english and sentence_initial(text, t)
        }  # fmt: skip

    def ok(i: int) -> bool:
        core = toks[i].core
        return len(core) >= min_len and core.isascii() and core.isalpha() and not toks[i].skip

    return {
        "person": sorted(i for i in person if ok(i)),
        "place": sorted(i for i in place if ok(i)),
        "word": sorted(i for i in word if ok(i)),
    }
