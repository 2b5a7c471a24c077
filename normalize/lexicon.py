"""Words and gazetteers loaded from dictionaries/ (the only data I/O of the engine).

The TSV files are documented in dictionaries/README.md. Loading builds plain
dicts keyed by lowercase word so that a lookup in the hot loop is one hash.
Parsing the TSVs takes about a second, too slow for a pre-commit hook, so the
built tables are kept in a ``marshal`` cache keyed by the files' size and
modification time; a missing or stale cache is rebuilt, never an error.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import marshal
import math
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from normalize.errors import DictionaryError
from normalize.forms import fold, plain_apostrophes, unaccented
from normalize.tokenize import WORD
from normalize.types import Entry, Kind

FILES = ("words.tsv", "people.tsv", "places.tsv")
PLACE_PROMINENCE = {"country": 5.0, "capital": 4.0, "region": 3.0}
PERSON_PROMINENCE = 2.0
LEADER_PROMINENCE = 3.0  # heads of state and government of the news's years: named far more than other officials
LEADER_ROLES = frozenset(
    ("President", "Prime Minister", "Chancellor", "Federal Chancellor", "Head of government", "Chief of state",
     "President of the Government", "King", "Queen", "monarch", "Emir", "Premier", "Taoiseach")
)
LEADER_SINCE = 2015  # a leader whose term ended before this is history, not news
PROMINENT = 3.0  # regions, and cities of about 30,000 people or more
LOCAL_REGION_PROMINENCE = 2.0
# ids of ISO 3166-2 regions and Ukraine's standard list; others are local
FIRST_LEVEL_REGIONS = ("iso:", "spellingukraine:")
# 14: fold() folds ı ł ø đ ß æ and apostrophes; name parts have plain apostrophes; persons' unaccented names
CACHE_FORMAT = 14


@dataclass(frozen=True, slots=True)
class Name:
    """One spelling of a person or place, split into words."""

    parts: tuple[str, ...]  # as written in the dictionary ("Oleksii", "Reznikov")
    entry: Entry
    prominence: float  # prior weight of the entity (log10 scale, like Zipf)


@dataclass(slots=True)
class Lexicon:
    words: dict[str, float] = field(default_factory=dict)  # trusted English words -> Zipf
    seen: dict[str, float] = field(default_factory=dict)  # other words seen in real text -> Zipf
    typos: set[str] = field(default_factory=set)  # seen words that codespell lists as misspellings
    # spellings: (parts, entry number, prominence); entries: (id, name, kind, description, source)
    spellings: list[tuple[tuple[str, ...], int, float]] = field(default_factory=list)
    entries: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # lowercase name word -> numbers of the spellings that contain it
    name_index: dict[str, list[int]] = field(default_factory=dict)
    # lowercase name word -> its usual spelling ("mcdonald" -> "McDonald")
    display: dict[str, str] = field(default_factory=dict)
    # lowercase name word -> (best prominence of an entity it names, that entity's kind)
    name_prior: dict[str, tuple[float, str]] = field(default_factory=dict)
    folded: set[str] = field(default_factory=set)  # name words without accents ("mourao")
    # name words worth correcting to: every person's, and the main names of places (not
    # the thousands of foreign alternate names, which are accepted but never proposed)
    targets: set[str] = field(default_factory=set)
    # lowercase one-word main names of countries, regions, big cities ("chad", "jordan")
    prominent: set[str] = field(default_factory=set)
    # lowercase last words of people's main names ("putin", "modi")
    surnames: set[str] = field(default_factory=set)
    # letter triples ("^ru", "uss", "ia$") -> how many trusted words and target names have them
    trigrams: dict[str, int] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)  # entry number -> its country ("" if none)
    # lowercase first words of people's main names ("mariya", "denys"): given names
    given_names: set[str] = field(default_factory=set)
    extra_words: set[str] = field(default_factory=set)  # user words: always accepted
    key: str = ""  # identifies the dictionary files this was built from (for caches)

    def zipf(self, word: str) -> float:
        low = word.lower()
        return self.words.get(low) or self.seen.get(low) or 0.0

    def knows(self, word: str) -> bool:
        low = word.lower()
        return low in self.words or low in self.name_index or low in self.extra_words

    def knows_folded(self, word: str) -> bool:
        """True for a name written without its accents ("Mourao" for "Mourão")."""
        return fold(word) in self.folded

    def copy(self) -> Lexicon:
        """A copy whose containers may be extended (with ``add_entity``) without touching this one."""
        return Lexicon(
            dict(self.words), dict(self.seen), set(self.typos), list(self.spellings), list(self.entries),
            {k: list(v) for k, v in self.name_index.items()}, dict(self.display), dict(self.name_prior),
            set(self.folded), set(self.targets), set(self.prominent), set(self.surnames),
            dict(self.trigrams), list(self.countries), set(self.given_names), set(self.extra_words), self.key,
        )

    def add_entity(
        self, spellings: list[str], entry: tuple[str, str, str, str, str], prominence: float, country: str = ""
    ) -> None:
        """Index a person or place: ``spellings`` (the preferred one first), its entry, its prior, its country."""
        row = {"name": spellings[0], "variants": "|".join(spellings[1:]), "country": country}
        _add_entity(self, row, entry, prominence)
        parts = [plain_apostrophes(p.lower()) for s in spellings for p in WORD.findall(s)]
        _count_trigrams(self.trigrams, parts)
        self.folded.update(fold(p) for p in parts)

    def name(self, number: int) -> Name:
        parts, entry, prominence = self.spellings[number]
        ident, name, kind, description, source = self.entries[entry]
        return Name(parts, Entry(ident, name, _kind(kind), description, source), prominence)


def _kind(kind: str) -> Kind:
    return "person" if kind == "person" else "place"


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


def load(directory: Path | None = None, cache_dir: Path | None = None) -> Lexicon:
    """The lexicon of the TSVs in ``directory``, from the cache when it is current."""
    directory = directory or dictionaries_dir()
    key = _files_key(directory)
    cache = cache_root(cache_dir) / f"lexicon-{key}.marshal"
    try:
        lex = Lexicon(*unmarshal(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):  # no cache yet, or a stale one
        lex = parse(directory)
        _write_cache(cache, lex)
    lex.key = key
    return lex


def unmarshal(data: bytes) -> Any:
    """``marshal.loads`` without the cyclic garbage collector, which would walk every new
    tuple and container several times over (a third of the start-up time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = marshal.loads(data)
        gc.freeze()  # and keep later collections from walking them: they live as long as the process
        return loaded
    finally:
        if enabled:
            gc.enable()


def parse(directory: Path) -> Lexicon:
    lex = Lexicon()
    for row in _rows(directory / "words.tsv", ("word", "zipf", "status")):
        target = lex.words if row["status"] == "word" else lex.seen
        target[row["word"]] = float(row["zipf"])
        if row["status"] == "typo":
            lex.typos.add(row["word"])
    for row in _rows(directory / "people.tsv", ("id", "name", "variants", "roles", "country", "sources")):
        role = row["roles"].split("|")[0] if row["roles"] else "official"
        source = row["sources"].replace("|", ", ")
        if row["id"].startswith("Q"):
            source = f"Wikidata {row['id']}; {source}"
        prominence = LEADER_PROMINENCE if any(_leads(r) for r in row["roles"].split("|")) else PERSON_PROMINENCE
        _add_entity(lex, row, (row["id"], row["name"], "person", role, source), prominence)
    header = ("id", "name", "variants", "kind", "country", "population", "sources")
    for row in _rows(directory / "places.tsv", header):
        kind = row["kind"]
        population = int(row["population"] or 0)
        desc = f"{kind}, {row['country']}" if row["country"] else kind
        source = f"{row['id']}; {row['sources'].replace('|', ', ')}"
        prominence = PLACE_PROMINENCE.get(kind, 0.0)
        if kind == "region" and not row["id"].startswith(FIRST_LEVEL_REGIONS):
            prominence = LOCAL_REGION_PROMINENCE  # districts below the ISO 3166-2 level
        if population:
            prominence = max(prominence, min(4.5, math.log10(population) - 1.5))
        _add_entity(lex, row, (row["id"], row["name"], "place", desc, source), prominence)
    _count_trigrams(lex.trigrams, set(lex.words) | lex.targets)
    lex.folded = {fold(t) for t in lex.targets}
    return lex


def trigrams(word: str) -> list[str]:
    """The letter triples of a lowercase word, with ^ and $ marking its ends."""
    padded = f"^{word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _count_trigrams(counts: dict[str, int], words: Iterable[str]) -> None:
    for word in words:
        for tri in trigrams(word):
            counts[tri] = counts.get(tri, 0) + 1


def _leads(role: str) -> bool:
    """A head of state or government in office in or after LEADER_SINCE: "President (Ukraine,
    2019-05-20–)", "Chancellor (Germany, 2005-11-22–2020)"; not "President (Ukraine, 2005–2010)"."""
    title, _, rest = role.partition(" (")
    if title not in LEADER_ROLES:
        return False
    period = rest.rstrip(")").rsplit(", ", 1)[-1]
    if "–" not in period:
        return True  # no dates: the factbook's current leaders
    end = period.split("–", 1)[1][:4]
    return not end.isdigit() or int(end) >= LEADER_SINCE  # open-ended, or ended lately


def _add_entity(lex: Lexicon, row: dict[str, str], entry: tuple[str, str, str, str, str], prominence: float) -> None:
    number = len(lex.entries)
    lex.entries.append(entry)
    lex.countries.append(row.get("country", ""))
    spellings = [row["name"]] + [v for v in row["variants"].split("|") if v]
    if entry[2] == "person":
        # English copy writes a person's name without its accents and letters such as ı ł ø
        # (Radoslaw Sikorski, Recep Tayyip Erdogan): that spelling is listed too.
        spellings += [s for s in dict.fromkeys(unaccented(s) for s in spellings) if s not in spellings]
    for n, spelling in enumerate(spellings):
        parts = tuple(plain_apostrophes(p) for p in WORD.findall(spelling))  # looked up as tokenize.Word.core
        if not parts:
            continue
        _add_spelling(lex, parts, number, entry[2], prominence)
        # An alternate name is worth correcting to only if real text uses it (Kiev, not Irkutk).
        used = all(lex.zipf(p) > 0 for p in parts)
        if entry[2] == "person" or (spelling.isascii() and (n == 0 or (prominence >= 3.0 and used))):
            lex.targets.update(p.lower() for p in parts)
        # Cities' alternate names include common words ("She" for a Chinese city): only their
        # main name counts; regions and countries are known by their listed names too (Crimea).
        if len(parts) == 1 and entry[2] == "place" and (n == 0 or row.get("kind") != "city"):
            if prominence >= PROMINENT and spelling.isascii():
                lex.prominent.add(parts[0].lower())
        if n == 0 and entry[2] == "person" and len(parts) > 1:
            lex.surnames.add(parts[-1].lower())
            lex.given_names.add(parts[0].lower())


def _add_spelling(lex: Lexicon, parts: tuple[str, ...], entry: int, kind: str, prominence: float) -> None:
    idx = len(lex.spellings)
    lex.spellings.append((parts, entry, prominence))
    # A part of a longer place name ("General" of "General Santos") is not itself prominent.
    part_prior = prominence if len(parts) == 1 or kind == "person" else min(prominence, PERSON_PROMINENCE)
    for part in set(parts):
        low = part.lower()
        lex.name_index.setdefault(low, []).append(idx)
        if low not in lex.display or (part[0].isupper() and not lex.display[low][0].isupper()):
            lex.display[low] = part
        best = lex.name_prior.get(low)
        if best is None or part_prior > best[0]:
            lex.name_prior[low] = (part_prior, kind)


def _rows(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if tuple(reader.fieldnames or ()) != header:
                raise DictionaryError(f"{path.name}: unexpected header {reader.fieldnames}, expected {header}")
            return list(reader)
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read dictionary ({exc.strerror})") from None


def cache_root(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    base = os.environ.get("NORMALIZE_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "normalize"


def _files_key(directory: Path) -> str:
    """Changes whenever a dictionary file, the Python version or the cache format changes."""
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version} {directory.resolve()}".encode())
    for name in FILES:
        try:
            stat = (directory / name).stat()
        except OSError as exc:
            raise DictionaryError(f"{directory / name}: cannot read dictionary ({exc.strerror})") from None
        digest.update(f" {name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def prune(path: Path) -> None:
    """Remove older caches of the same kind as ``path`` (``lexicon-*``, ``symspell-*``)."""
    kind = path.name.split("-")[0]
    for old in path.parent.glob(f"{kind}-*"):
        if old != path:
            old.unlink(missing_ok=True)


def _write_cache(path: Path, lex: Lexicon) -> None:
    data = marshal.dumps(
        (
            lex.words,
            lex.seen,
            lex.typos,
            lex.spellings,
            lex.entries,
            lex.name_index,
            lex.display,
            lex.name_prior,
            lex.folded,
            lex.targets,
            lex.prominent,
            lex.surnames,
            lex.trigrams,
            lex.countries,
            lex.given_names,
        )
    )
    write_cache(path, data)


def write_cache(path: Path, data: bytes) -> None:
    """Write a cache file atomically and drop older ones of its kind; a read-only home just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        prune(path)
    except OSError:
        pass


csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
