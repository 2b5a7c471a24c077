"""Words and gazetteers loaded from dictionaries/ (the only data I/O of the engine).

The TSV files are documented in dictionaries/README.md. Loading builds plain
dicts keyed by lowercase word so that lookups in the hot loop are one hash.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from normalize.errors import DictionaryError
from normalize.forms import fold
from normalize.tokenize import WORD
from normalize.types import Entry

PLACE_PROMINENCE = {"country": 5.0, "capital": 4.0, "region": 3.0}


@dataclass(slots=True)
class Name:
    """One spelling of a person or place, split into words."""

    parts: tuple[str, ...]  # as written in the dictionary ("Oleksii", "Reznikov")
    entry: Entry
    prominence: float  # prior weight of the entity (log10 scale, like Zipf)


@dataclass(slots=True)
class Lexicon:
    words: dict[str, float] = field(default_factory=dict)  # trusted English words -> Zipf
    seen: dict[str, float] = field(default_factory=dict)  # other words seen in text -> Zipf
    names: list[Name] = field(default_factory=list)
    # lowercase name word -> indexes into ``names`` of the spellings that contain it
    name_index: dict[str, list[int]] = field(default_factory=dict)
    # lowercase name word -> its usual spelling ("mcdonald" -> "McDonald")
    display: dict[str, str] = field(default_factory=dict)
    # lowercase name word -> best prominence of an entity it belongs to, and that kind
    name_prior: dict[str, tuple[float, str]] = field(default_factory=dict)
    folded: set[str] = field(default_factory=set)  # name words without accents ("mourao")
    extra_words: set[str] = field(default_factory=set)  # user words: always accepted

    def zipf(self, word: str) -> float:
        low = word.lower()
        return self.words.get(low) or self.seen.get(low) or 0.0

    def is_word(self, word: str) -> bool:
        return word.lower() in self.words

    def is_name_part(self, word: str) -> bool:
        return word.lower() in self.name_index

    def knows(self, word: str) -> bool:
        low = word.lower()
        return low in self.words or low in self.name_index or low in self.extra_words

    def knows_folded(self, word: str) -> bool:
        """True for a name written without its accents ("Mourao" for "Mourão")."""
        return fold(word) in self.folded


def dictionaries_dir() -> Path:
    """The shipped dictionaries: inside the installed package, or dictionaries/ in a checkout."""
    try:
        path = Path(str(resources.files("normalize.dictionaries")))
        if (path / "words.tsv").exists():
            return path
    except ModuleNotFoundError:
        pass
    here = Path(__file__).resolve().parents[1] / "dictionaries"
    if (here / "words.tsv").exists():
        return here
    raise DictionaryError("shipped dictionaries not found: reinstall normalize")


def load(directory: Path | None = None) -> Lexicon:
    directory = directory or dictionaries_dir()
    lex = Lexicon()
    for row in _rows(directory / "words.tsv", ("word", "zipf", "status")):
        target = lex.words if row["status"] == "word" else lex.seen
        target[row["word"]] = float(row["zipf"])
    for row in _rows(directory / "people.tsv", ("id", "name", "variants", "roles", "country", "sources")):
        roles = row["roles"].split("|")[0] if row["roles"] else "official"
        entry = Entry(row["id"], row["name"], "person", roles, _person_source(row))
        for spelling in _spellings(row):
            _add_name(lex, spelling, entry, 2.0)
    for row in _rows(directory / "places.tsv", ("id", "name", "variants", "kind", "country", "population", "sources")):
        kind = row["kind"]
        population = int(row["population"] or 0)
        desc = kind if not row["country"] else f"{kind}, {row['country']}"
        entry = Entry(row["id"], row["name"], "place", desc, _place_source(row))
        prominence = PLACE_PROMINENCE.get(kind, 0.0)
        if population:
            prominence = max(prominence, min(4.5, math.log10(population) - 1.5))
        for spelling in _spellings(row):
            _add_name(lex, spelling, entry, prominence)
    return lex


def _add_name(lex: Lexicon, spelling: str, entry: Entry, prominence: float) -> None:
    parts = tuple(WORD.findall(spelling))
    if not parts:
        return
    idx = len(lex.names)
    lex.names.append(Name(parts, entry, prominence))
    # A part of a longer place name ("General" of "General Santos") is not itself prominent.
    part_prior = prominence if len(parts) == 1 or entry.kind == "person" else min(prominence, 2.0)
    for part in set(parts):
        low = part.lower()
        lex.folded.add(fold(low))
        lex.name_index.setdefault(low, []).append(idx)
        if low not in lex.display or (part[0].isupper() and not lex.display[low][0].isupper()):
            lex.display[low] = part
        best = lex.name_prior.get(low)
        if best is None or part_prior > best[0]:
            lex.name_prior[low] = (part_prior, entry.kind)


def _spellings(row: dict[str, str]) -> list[str]:
    out = [row["name"]]
    if row["variants"]:
        out.extend(v for v in row["variants"].split("|") if v)
    return out


def _person_source(row: dict[str, str]) -> str:
    sources = row["sources"].replace("|", ", ")
    if row["id"].startswith("Q"):
        return f"Wikidata {row['id']} ({sources})"
    return sources


def _place_source(row: dict[str, str]) -> str:
    sources = row["sources"].replace("|", ", ")
    return f"{row['id']} ({sources})"


def _rows(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if tuple(reader.fieldnames or ()) != header:
                raise DictionaryError(f"{path.name}: unexpected header {reader.fieldnames}, expected {header}")
            return list(reader)
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read dictionary ({exc.strerror})") from None


csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
