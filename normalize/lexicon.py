"""Words and gazetteers of dictionaries/ (the only data I/O of the engine).

The TSV files are documented in dictionaries/README.md. ``parse`` reads them into
plain dicts and sets; scripts/compile_dictionaries.py turns that into
dictionaries/compiled.bin (``compile_sections``), which ``load`` maps read-only: a
process parses and builds nothing at start-up, writes nothing, and processes share
the mapped pages. The package build compiles the file (setup.py); a missing one, or
one compiled from other TSVs (other sizes), is an error that names the command.

The Lexicon keeps its attribute names whatever backs them: plain containers (parsed)
or read-only views of the compiled file (``in``, ``get``, ``[]``, iteration).
``copy`` layers writable overlays on top for a project's own words and names.
"""

from __future__ import annotations

import csv
import math
import sys
import threading
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from normalize.errors import DictionaryError
from normalize.forms import fold, plain_apostrophes, unaccented
from normalize.mapped import (
    KeyTable,
    Mapped,
    Postings,
    Sections,
    Strings,
    key_sections,
    postings_sections,
    string_sections,
)
from normalize.tokenize import WORD
from normalize.types import Entry, Kind

NEWS_COUNTS = "news_counts.tsv"  # word and pair counts of dev news copy (scripts/build_news_counts.py)
MISSPELLINGS = "misspellings.tsv"  # codespell's misspellings and their English corrections (scripts/dict_words.py)
# The house style whose table of spellings tells the romanization a text writes its places in
# (context.romanization_lean): its rows of places, compiled (the style rule reads the whole table)
ROMANIZATION_STYLE = "style_ukrainian.tsv"
ROMANIZED_CATEGORIES = frozenset(("City", "Region", "Settlement", "Town", "Village"))
FILES = ("words.tsv", "people.tsv", "places.tsv", "case_usage.tsv", NEWS_COUNTS, MISSPELLINGS, ROMANIZATION_STYLE)
COMPILED = "compiled.bin"  # compiled from FILES
CASE_USAGE = "case_usage.tsv"
FORMAT = 9  # of compiled.bin (and of what parse makes): a file of another format is not used
PLACE_PROMINENCE = {"country": 5.0, "capital": 4.0, "region": 3.0}
PERSON_PROMINENCE = 2.0
LEADER_PROMINENCE = 3.0  # heads of state and government of the news's years: named far more than other officials
LEADER_ROLES = frozenset(
    (
        "President",
        "Prime Minister",
        "Chancellor",
        "Federal Chancellor",
        "Head of government",
        "Chief of state",
        "President of the Government",
        "King",
        "Queen",
        "monarch",
        "Emir",
        "Premier",
        "Taoiseach",
    )
)
LEADER_SINCE = 2015  # a leader whose term ended before this is history, not news
PROMINENT = 3.0  # regions, and cities of about 30,000 people or more
LOCAL_REGION_PROMINENCE = 2.0
PEOPLED_CITY = 4.5  # a city of a million people or more
# a region of 316,000 people or more: as prominent as a capital, not more, for its people live in
# towns whose own names the news writes (Alabama's language's Albaamo stays: no slip of Alabama)
PEOPLED_REGION = PLACE_PROMINENCE["capital"]
# ids of ISO 3166-2 regions and Ukraine's standard list; others are local
FIRST_LEVEL_REGIONS = ("iso:", "spellingukraine:")


class Spelling(NamedTuple):
    """One spelling of a person or place, split into words, and its entity."""

    parts: tuple[str, ...]  # as written in the dictionary ("Oleksii", "Reznikov")
    entry: int  # number of the entity in ``Lexicon.entries``
    prominence: float  # prior weight of the entity (log10 scale, like Zipf)


class EntryRow(NamedTuple):
    """An entity as the lexicon stores it (``Lexicon.name`` turns it into an ``Entry``)."""

    id: str
    name: str
    kind: str  # "person" or "place"
    description: str
    source: str


class Romanizations(NamedTuple):
    """The spellings of places that ROMANIZATION_STYLE prefers (Kyiv, Odesa, Donbas, Kremenchuk),
    their other romanizations that it does not (Kiev, Odessa, Donbass, Kremenchug), as written,
    and for each of them the place's spellings in the other romanization (Kyiv: Kiev)."""

    preferred: frozenset[str]
    variants: frozenset[str]
    rivals: Mapping[str, tuple[str, ...]]


def romanizations(pairs: Iterable[tuple[str, str]]) -> Romanizations:
    """The Romanizations of ``pairs`` (variant, preferred) of ROMANIZATION_STYLE's places."""
    rows = list(pairs)
    preferred = frozenset(p for _, p in rows)
    rivals: dict[str, list[str]] = {}
    for variant, p in rows:
        if variant not in preferred:
            rivals.setdefault(p, []).append(variant)
            rivals.setdefault(variant, []).append(p)
    variants = frozenset(v for v, _ in rows) - preferred
    return Romanizations(preferred, variants, {k: tuple(v) for k, v in rivals.items()})


class Name(NamedTuple):
    """One spelling of a person or place, split into words."""

    parts: tuple[str, ...]  # as written in the dictionary ("Oleksii", "Reznikov")
    entry: Entry
    prominence: float  # prior weight of the entity (log10 scale, like Zipf)


@dataclass(slots=True)
class Lexicon:
    """English words and the names of people and places, with what the engine asks of them."""

    words: Mapping[str, float] = field(default_factory=dict)  # trusted English words -> Zipf
    seen: Mapping[str, float] = field(default_factory=dict)  # other words seen in real text -> Zipf
    typos: Set[str] = field(default_factory=set)  # seen words that codespell lists as misspellings
    spellings: Sequence[Spelling] = field(default_factory=list)
    entries: Sequence[EntryRow] = field(default_factory=list)
    # lowercase name word -> numbers of the spellings that contain it
    name_index: Mapping[str, list[int]] = field(default_factory=dict)
    # lowercase name word -> its usual spelling ("mcdonald" -> "McDonald")
    display: Mapping[str, str] = field(default_factory=dict)
    # lowercase name word -> (best prominence of an entity it names, that entity's kind)
    name_prior: Mapping[str, tuple[float, str]] = field(default_factory=dict)
    folded: Set[str] = field(default_factory=set)  # name words without accents ("mourao")
    # name words worth correcting to: every person's, and the main names of places (not
    # the thousands of foreign alternate names, which are accepted but never proposed)
    targets: Set[str] = field(default_factory=set)
    # lowercase one-word main names of countries, regions, big cities ("chad", "jordan")
    prominent: Set[str] = field(default_factory=set)
    # lowercase last words of people's main names ("putin", "modi")
    surnames: Set[str] = field(default_factory=set)
    # letter triples ("^ru", "uss", "ia$") -> how many trusted words and target names have them
    trigrams: Mapping[str, int] = field(default_factory=dict)
    countries: Sequence[str] = field(default_factory=list)  # entry number -> its country ("" if none)
    # lowercase first words of people's main names ("mariya", "denys"): given names
    given_names: Set[str] = field(default_factory=set)
    extra_words: Set[str] = field(default_factory=set)  # user words: always accepted
    key: str = ""  # identifies the dictionary data this was built from
    compiled: Mapped | None = None  # the mapped file behind the views (None when parsed)
    # (listed people, word -> how many people's descriptions have it), compiled; None where
    # the entries may differ from the compiled ones (parsed or extended): ``person_words`` counts
    person_counts: tuple[int, Mapping[str, int]] | None = None
    # lowercase name word -> log10 of how much more often English writes it capitalized than
    # lowercase (case_usage.tsv: germany 1.02, china 0.88; none for turkey)
    capitalized: Mapping[str, float] = field(default_factory=dict)
    # lowercase name words that English writes in capitals (case_usage.tsv's upper: uk, usa, dprk):
    # acronyms, whose frequency measures the acronym, not a name written with one capital
    acronyms: Set[str] = field(default_factory=set)
    # misspelling that codespell lists -> its English corrections, "|"-separated, likeliest
    # first (misspellings.tsv: teh -> the, thay -> they|that)
    misspellings: Mapping[str, str] = field(default_factory=dict)
    # (prefix -> solid words it heads, suffix -> solid words it ends): ``solid_counts``,
    # compiled; None where parsed (counted on first use) or compiled without it
    solid: tuple[Mapping[str, int], Mapping[str, int]] | None = None
    # (variant, preferred) rows of ROMANIZATION_STYLE's places, as written (Kiev, Kyiv)
    romanized: Sequence[tuple[str, str]] = ()
    romanized_sets: Romanizations | None = None  # ``romanizations``, made on first use
    # the accented name words (not ASCII) of name_index, folded ("lajcak": Lajčák is listed):
    # the forms whose other accents are a slip of a listed spelling (decide.accent_slip)
    accented: Set[str] = field(default_factory=set)

    def person_words(self) -> tuple[int, Mapping[str, int]]:
        """How many listed people there are, and for each word of their descriptions how many
        of them it describes ("chancellor": the people who were or are chancellors)."""
        return self.person_counts if self.person_counts is not None else person_words(self.entries)

    def solid_counts(self) -> tuple[Mapping[str, int], Mapping[str, int]]:
        """How many trusted words each string begins, and ends, as one word joined to another
        (``solid_counts``); compiled, or counted once for a parsed lexicon."""
        if self.solid is None:
            self.solid = solid_counts(self.words)
        return self.solid

    def romanizations(self) -> Romanizations:
        """The ``romanized`` rows as sets (``romanizations``), made once."""
        if self.romanized_sets is None:
            self.romanized_sets = romanizations(self.romanized)
        return self.romanized_sets

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
            self.words,
            self.seen,
            self.typos,
            _Layered.of(self.spellings),
            _Layered.of(self.entries),
            _LayeredMap.of(self.name_index),
            _LayeredMap.of(self.display),
            _LayeredMap.of(self.name_prior),
            _LayeredSet.of(self.folded),
            _LayeredSet.of(self.targets),
            _LayeredSet.of(self.prominent),
            _LayeredSet.of(self.surnames),
            _LayeredMap.of(self.trigrams),
            _Layered.of(self.countries),
            _LayeredSet.of(self.given_names),
            set(self.extra_words),
            self.key,
            self.compiled,
            capitalized=self.capitalized,
            acronyms=self.acronyms,
            misspellings=self.misspellings,
            solid=self.solid,
            romanized=self.romanized,
            romanized_sets=self.romanized_sets,
            accented=_LayeredSet.of(self.accented),
        )

    def add_entity(
        self, spellings: list[str], entry: tuple[str, str, str, str, str], prominence: float, country: str = ""
    ) -> None:
        """Index a person or place: ``spellings`` (the preferred one first), its entry, its prior, its country.
        Only on a ``copy()``: the shared lexicon is never changed."""
        row = {"name": spellings[0], "variants": "|".join(spellings[1:]), "country": country}
        _add_entity(self, row, EntryRow(*entry), prominence)
        parts = [plain_apostrophes(p.lower()) for s in spellings for p in WORD.findall(s)]
        _count_trigrams(self.trigrams, parts)
        self.folded.update(fold(p) for p in parts)  # type: ignore[attr-defined]

    def added_targets(self) -> Set[str]:
        """Targets indexed since the compiled data (a project's own names), which its index lacks."""
        return self.targets.over if isinstance(self.targets, _LayeredSet) else frozenset()

    def name(self, number: int) -> Name:
        parts, entry, prominence = self.spellings[number]
        ident, name, kind, description, source = self.entries[entry]
        return Name(parts, Entry(ident, name, _kind(kind), description, source), prominence)

    # A scan of every spelling with a name word ("de": 9,630, "al": 2,523) reads these instead of
    # ``spellings[i]`` and ``entries[e]``: the same values, without making the rows and keeping
    # them, which would push the rows that the text asks for again out of their store (``_Made``).

    def spelling_rows(self, ids: Iterable[int]) -> Iterator[Spelling]:
        """``spellings[i]`` for each of ``ids``, not kept once made."""
        spellings = self.spellings
        base, over = _layers(spellings)
        if not isinstance(base, _Spellings):
            return (spellings[i] for i in ids)
        return (base.row(i) if i < base._size else over[i - base._size] for i in ids)

    def spelling_texts(self, ids: Sequence[int]) -> list[str]:
        """``" ".join(spellings[i].parts)`` for each of ``ids`` (the parts hold no space)."""
        spellings = self.spellings
        base, over = _layers(spellings)
        if not isinstance(base, _Spellings):
            return [" ".join(spellings[i][0]) for i in ids]
        n = base._size
        if not over or all(i < n for i in ids):
            return base._parts.pick(ids)
        return [base._parts[i] if i < n else " ".join(over[i - n][0]) for i in ids]

    def spelling_entities(self, ids: Iterable[int]) -> Iterator[int]:
        """``spellings[i].entry`` for each of ``ids``."""
        spellings = self.spellings
        base, over = _layers(spellings)
        if not isinstance(base, _Spellings):
            return (spellings[i][1] for i in ids)
        entry, n = base._entry, base._size
        return (entry[i] if i < n else over[i - n][1] for i in ids)

    def spelling_prominences(self, ids: Iterable[int]) -> Iterator[float]:
        """``spellings[i].prominence`` for each of ``ids``."""
        spellings = self.spellings
        base, over = _layers(spellings)
        if not isinstance(base, _Spellings):
            return (spellings[i][2] for i in ids)
        entry, prominence, n = base._entry, base._prominence, base._size
        return (prominence[entry[i]] if i < n else over[i - n][2] for i in ids)

    def entity_kinds(self, entities: Iterable[int]) -> Iterator[str]:
        """``entries[e].kind`` ("person" or "place") for each of ``entities``."""
        rows = self.entries
        base, over = _layers(rows)
        if not isinstance(base, _Entries):
            return (rows[e][2] for e in entities)
        kind, n = base._kind, base._size
        return (KINDS[kind[e]] if e < n else over[e - n][2] for e in entities)

    def entity_descriptions(self, entities: Iterable[int]) -> Iterator[str]:
        """``entries[e].description`` for each of ``entities``, not kept once read."""
        rows = self.entries
        base, over = _layers(rows)
        if not isinstance(base, _Entries):
            return (rows[e][3] for e in entities)
        descriptions, n = base._descriptions, base._size
        return (descriptions[e] if e < n else over[e - n][3] for e in entities)

    def spelling_kinds(self, ids: Iterable[int]) -> Iterator[str]:
        """``entries[spellings[i].entry].kind`` for each of ``ids``."""
        return self.entity_kinds(self.spelling_entities(ids))


def _kind(kind: str) -> Kind:
    return "person" if kind == "person" else "place"


def dictionaries_dir() -> Path:
    """The shipped dictionaries: inside the installed package, or dictionaries/ in a checkout."""
    for here in (Path(__file__).parent / "dictionaries", Path(__file__).parents[1] / "dictionaries"):
        if (here / "words.tsv").exists():  # a wheel's normalize/dictionaries; a checkout's (importlib is slow)
            return here
    from importlib import resources  # slow to import: only for unusual installs

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


_LOCK = threading.Lock()
_LOADED: dict[Path, Lexicon] = {}


def load(directory: Path | None = None) -> Lexicon:
    """The lexicon of ``directory`` (default: the shipped one), mapped from its compiled file.

    Loaded once per process and directory, under a lock, whatever the number of threads
    asking; the result is shared read-only (``copy`` it to extend it)."""
    directory = (directory or dictionaries_dir()).resolve()
    with _LOCK:
        lex = _LOADED.get(directory)
        if lex is None:
            lex = _LOADED[directory] = _open(directory)
    return lex


def _open(directory: Path) -> Lexicon:
    path = directory / COMPILED
    if not path.exists():
        raise DictionaryError(f"{path} not found (it is built with the package): {_rebuild(directory)}")
    compiled = Mapped(path)
    if not current(compiled, directory):
        raise DictionaryError(f"{path} was compiled from other TSVs: {_rebuild(directory)}")
    return mapped(compiled)


def _rebuild(directory: Path) -> str:
    """The command that builds the compiled file: in a checkout, the compiler; else a reinstall."""
    script = directory.parent / "scripts" / "compile_dictionaries.py"
    if script.exists():
        return f"run pip install -e {directory.parent} (or python {script} with the build extra)"
    return "reinstall normalize-prose (pip install builds it)"


def meta(directory: Path) -> dict[str, Any]:
    """What a compiled file records of its sources: the format and each TSV's size."""
    sizes = {}
    for name in FILES:
        try:
            sizes[name] = (directory / name).stat().st_size
        except OSError as exc:
            raise DictionaryError(f"{directory / name}: cannot read dictionary ({exc.strerror})") from None
    return {"format": FORMAT, "sizes": sizes}


def current(compiled: Mapped, directory: Path) -> bool:
    return compiled.meta == meta(directory)


def parse(directory: Path) -> Lexicon:
    """The lexicon of the TSVs in ``directory``, in plain containers (seconds: the compile step's input)."""
    words: dict[str, float] = {}
    seen: dict[str, float] = {}
    typos: set[str] = set()
    for row in _rows(directory / "words.tsv", ("word", "zipf", "status")):
        (words if row["status"] == "word" else seen)[row["word"]] = float(row["zipf"])
        if row["status"] == "typo":
            typos.add(row["word"])
    lex = Lexicon(words=words, seen=seen, typos=typos, spellings=[], entries=[])
    usage = _rows(directory / CASE_USAGE, ("word", "capitalized", "upper"))
    lex.capitalized = {r["word"]: float(r["capitalized"]) for r in usage if r["capitalized"]}
    lex.acronyms = {r["word"] for r in usage if r["upper"]}
    lex.misspellings = {r["typo"]: r["fixes"] for r in _rows(directory / MISSPELLINGS, ("typo", "fixes"))}
    style = _rows(directory / ROMANIZATION_STYLE, ("variant", "preferred", "category", "source"))
    lex.romanized = [(r["variant"], r["preferred"]) for r in style if r["category"] in ROMANIZED_CATEGORIES]
    for row in _rows(directory / "people.tsv", ("id", "name", "variants", "roles", "country", "sources")):
        role = row["roles"].split("|")[0] if row["roles"] else "official"
        source = row["sources"].replace("|", ", ")
        if row["id"].startswith("Q"):
            source = f"Wikidata {row['id']}; {source}"
        prominence = LEADER_PROMINENCE if any(_leads(r) for r in row["roles"].split("|")) else PERSON_PROMINENCE
        _add_entity(lex, row, EntryRow(row["id"], row["name"], "person", role, source), prominence)
    header = ("id", "name", "variants", "kind", "country", "population", "sources")
    for row in _rows(directory / "places.tsv", header):
        kind = row["kind"]
        population = int(row["population"] or 0)
        desc = f"{kind}, {row['country']}" if row["country"] else kind
        source = f"{row['id']}; {row['sources'].replace('|', ', ')}"
        prominence = PLACE_PROMINENCE.get(kind, 0.0)
        if kind == "region" and not row["id"].startswith(FIRST_LEVEL_REGIONS):
            prominence = LOCAL_REGION_PROMINENCE  # districts below the ISO 3166-2 level
        # (a region's population counts its towns' people, as places.tsv gives it; a region one of
        # whose names is English words keeps a region's prominence: ``_worded``)
        if population and not (kind == "region" and _worded(lex, row)):
            most = PEOPLED_REGION if kind == "region" else PEOPLED_CITY
            prominence = max(prominence, min(most, math.log10(population) - 1.5))
        _add_entity(lex, row, EntryRow(row["id"], row["name"], "place", desc, source), prominence)
    _count_trigrams(lex.trigrams, set(lex.words) | lex.targets)
    lex.folded = lex.folded | {fold(t) for t in lex.targets}
    return lex


def _worded(lex: Lexicon, row: dict[str, str]) -> bool:
    """One of the entity's names is words that real text writes (words.tsv) and English does not
    write capitalized three times in four (case_usage.tsv): Western, Free State, Rivers, Poi (a
    name of Tibet); not Crimea, Sahel, Tigray. Text that writes them means the words, whatever the
    number of people of a region so named."""
    names = (n.lower().split() for n in (row["name"], *row["variants"].split("|")) if n)
    return any(all(lex.words.get(w, 0.0) > 0 and w not in lex.capitalized for w in name) for name in names)


def trigrams(word: str) -> list[str]:
    """The letter triples of a lowercase word, with ^ and $ marking its ends."""
    padded = f"^{word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _count_trigrams(counts: Any, words: Iterable[str]) -> None:
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


def _add_entity(lexicon: Lexicon, row: dict[str, str], entry: EntryRow, prominence: float) -> None:
    lex: Any = lexicon  # plain containers (parse) or writable layers (a copy)
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
        if len(parts) == 1 and row.get("kind") == "country" and not spelling.isascii():
            # English copy writes a country's own name without its accents (Turkiye for
            # Türkiye): that spelling is known, never corrected to the English name
            lex.folded.add(fold(parts[0]))
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


def _add_spelling(lex: Any, parts: tuple[str, ...], entry: int, kind: str, prominence: float) -> None:
    idx = len(lex.spellings)
    lex.spellings.append(Spelling(parts, entry, prominence))
    # A part of a longer place name ("General" of "General Santos") is not itself prominent.
    part_prior = prominence if len(parts) == 1 or kind == "person" else min(prominence, PERSON_PROMINENCE)
    for part in set(parts):
        low = part.lower()
        lex.name_index.setdefault(low, []).append(idx)
        if not low.isascii():
            lex.accented.add(fold(low))  # (Lajčák: lajcak)
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


# -- the compiled form ------------------------------------------------------------------

IS_WORD, IS_RARE, IS_TYPO = 0, 1, 2  # status of a word of words.tsv
TARGET, PROMINENT_NAME, SURNAME, GIVEN = 1, 2, 4, 8  # flags of a name word
KINDS = ("person", "place")


def compile_sections(lex: Lexicon) -> Sections:
    """The arrays of a parsed lexicon, keyed for ``mapped``: ids are positions in sorted key lists."""
    tris = sorted(lex.trigrams)
    folded = sorted(lex.folded)
    people, holders = person_words(lex.entries)
    described = sorted(holders)
    capitalized = sorted(lex.capitalized)
    misspelt = sorted(lex.misspellings)
    heads, tails = solid_counts(lex.words)
    return {
        **_word_sections(lex),
        **_name_sections(lex),
        **_entry_sections(lex),
        **key_sections("trigrams", tris),
        "trigrams.count": array("I", [lex.trigrams[t] for t in tris]),
        **key_sections("person_words", described),
        "person_words.count": array("I", [holders[w] for w in described]),
        "people": array("I", [people]),
        **key_sections("folded", folded),
        **key_sections("accented", sorted(lex.accented)),
        **key_sections("capitalized", capitalized),
        "capitalized.odds": array("d", [lex.capitalized[w] for w in capitalized]),
        **key_sections("acronyms", sorted(lex.acronyms)),
        **key_sections("misspellings", misspelt),
        **string_sections("misspellings.fixes", [lex.misspellings[w] for w in misspelt]),
        **_count_sections("solid.heads", heads),
        **_count_sections("solid.tails", tails),
        **string_sections("romanized.variant", [v for v, _ in lex.romanized]),
        **string_sections("romanized.preferred", [p for _, p in lex.romanized]),
    }


def _word_sections(lex: Lexicon) -> Sections:
    """Words of words.tsv and words seen in news: status and Zipf frequency in hundredths."""
    words = sorted({*lex.words, *lex.seen})
    status = [IS_WORD if w in lex.words else IS_TYPO if w in lex.typos else IS_RARE for w in words]
    zipf = [lex.words[w] if s == IS_WORD else lex.seen[w] for w, s in zip(words, status, strict=True)]
    centi = [round(z * 100) for z in zipf]  # words.tsv has two decimals: c / 100 is that very float
    assert all(c / 100 == z for c, z in zip(centi, zipf, strict=True))
    return {**key_sections("words", words), "words.status": array("B", status), "words.zipf": array("H", centi)}


def _name_sections(lex: Lexicon) -> Sections:
    """Name words: flags, prior and kind, display form, and the spellings that hold each."""
    names = sorted(lex.name_index)
    flags = []
    for n in names:
        flags.append(
            (TARGET if n in lex.targets else 0)
            | (PROMINENT_NAME if n in lex.prominent else 0)
            | (SURNAME if n in lex.surnames else 0)
            | (GIVEN if n in lex.given_names else 0)
        )
    for subset in (lex.targets, lex.prominent, lex.surnames, lex.given_names):
        assert all(n in lex.name_index for n in subset)
    return {
        **key_sections("names", names),
        "names.flags": array("B", flags),
        "names.prior": array("d", [lex.name_prior[n][0] for n in names]),
        "names.kind": array("B", [KINDS.index(lex.name_prior[n][1]) for n in names]),
        **string_sections("names.display", [lex.display[n] for n in names]),
        **postings_sections("names.spellings", [lex.name_index[n] for n in names]),
    }


def _entry_sections(lex: Lexicon) -> Sections:
    """Spellings and the gazetteer entries they name, with each entry's country."""
    prominence = [0.0] * len(lex.entries)
    for sp in lex.spellings:
        prominence[sp.entry] = sp.prominence
    assert all(prominence[sp.entry] == sp.prominence for sp in lex.spellings)
    countries = sorted(set(lex.countries))
    country_ids = {c: i for i, c in enumerate(countries)}
    return {
        **string_sections("spellings.parts", [" ".join(s.parts) for s in lex.spellings]),
        "spellings.entry": array("I", [s.entry for s in lex.spellings]),
        "entries.prominence": array("d", prominence),
        **string_sections("entries.id", [e[0] for e in lex.entries]),
        **string_sections("entries.name", [e[1] for e in lex.entries]),
        "entries.kind": array("B", [KINDS.index(e[2]) for e in lex.entries]),
        **string_sections("entries.description", [e[3] for e in lex.entries]),
        **string_sections("entries.source", [e[4] for e in lex.entries]),
        "entries.country": array("H", [country_ids[c] for c in lex.countries]),
        **string_sections("countries", countries),
    }


def _count_sections(name: str, counts: Mapping[str, int]) -> Sections:
    keys = sorted(counts)
    return {**key_sections(name, keys), f"{name}.count": array("I", [counts[k] for k in keys])}


SOLID_PART = 3  # letters of the rest of a solid word at least (not cyber+s, re+d)


def solid_counts(words: Iterable[str]) -> tuple[dict[str, int], dict[str, int]]:
    """For each string, how many of ``words`` (4+ letters) begin with it and go on with another
    of 3+ letters (safeguard: safe+guard), and how many end with it after another of 3+ letters:
    how readily English writes the string as the head or the tail of a solid word."""
    known = set(words)
    heads: dict[str, int] = {}
    tails: dict[str, int] = {}
    for word in known:
        if len(word) <= SOLID_PART:
            continue
        for i in range(1, len(word)):
            head, tail = word[:i], word[i:]
            if len(tail) >= SOLID_PART and tail in known:
                heads[head] = heads.get(head, 0) + 1
            if len(head) >= SOLID_PART and head in known:
                tails[tail] = tails.get(tail, 0) + 1
    return heads, tails


def mapped(compiled: Mapped) -> Lexicon:
    """The Lexicon whose containers are views of a compiled file."""
    words, names = KeyTable(compiled, "words"), KeyTable(compiled, "names")
    status, flags = compiled["words.status"], compiled["names.flags"]
    centi = compiled["words.zipf"]
    zipf = lambda i: centi[i] / 100  # noqa: E731
    return Lexicon(
        words=_Values(words, zipf, lambda i: status[i] == IS_WORD),
        seen=_Values(words, zipf, lambda i: status[i] != IS_WORD),
        typos=_Keys(words, lambda i: status[i] == IS_TYPO),
        spellings=_Spellings(compiled),
        entries=_Entries(compiled),
        name_index=_Values(names, Postings(compiled, "names.spellings").__getitem__),
        display=_Values(names, Strings(compiled, "names.display").__getitem__),
        name_prior=_Values(names, _prior(compiled)),
        folded=_Keys(KeyTable(compiled, "folded")),
        accented=_Keys(KeyTable(compiled, "accented")),
        targets=_Keys(names, lambda i: bool(flags[i] & TARGET)),
        prominent=_Keys(names, lambda i: bool(flags[i] & PROMINENT_NAME)),
        surnames=_Keys(names, lambda i: bool(flags[i] & SURNAME)),
        trigrams=_Values(KeyTable(compiled, "trigrams"), compiled["trigrams.count"].__getitem__),
        countries=_Countries(compiled),
        given_names=_Keys(names, lambda i: bool(flags[i] & GIVEN)),
        key=f"compiled-{compiled.meta['format']}-{sum(compiled.meta['sizes'].values())}",
        compiled=compiled,
        person_counts=(
            compiled["people"][0],
            _Values(KeyTable(compiled, "person_words"), compiled["person_words.count"].__getitem__),
        ),
        capitalized=_Values(KeyTable(compiled, "capitalized"), compiled["capitalized.odds"].__getitem__),
        acronyms=_Keys(KeyTable(compiled, "acronyms")),
        misspellings=_Values(KeyTable(compiled, "misspellings"), Strings(compiled, "misspellings.fixes").__getitem__),
        solid=_solid(compiled),
        romanized=_Pairs(Strings(compiled, "romanized.variant"), Strings(compiled, "romanized.preferred")),
    )


def _solid(compiled: Mapped) -> tuple[Mapping[str, int], Mapping[str, int]] | None:
    """The compiled ``solid_counts``; None for a file compiled before they were (counted then)."""
    if "solid.heads.count" not in compiled:
        return None
    heads, tails = (KeyTable(compiled, "solid.heads"), KeyTable(compiled, "solid.tails"))
    return (
        _Values(heads, compiled["solid.heads.count"].__getitem__),
        _Values(tails, compiled["solid.tails.count"].__getitem__),
    )


def person_words(entries: Iterable[EntryRow]) -> tuple[int, dict[str, int]]:
    """Listed people, and for each lowercase word of their descriptions how many it describes."""
    holders: dict[str, int] = {}
    people = 0
    for _, _, kind, description, _ in entries:
        if kind == "person":
            people += 1
            for w in set(description.lower().split()):
                holders[w] = holders.get(w, 0) + 1
    return people, holders


def peek(m: Mapping[str, Any], key: str) -> bool:
    """``key in m``, not remembered where ``m`` remembers its answers: for a string asked about
    once (two words joined), whose answer would only take room from those about the text's words."""
    if isinstance(m, _Values):
        return m.peek(key)
    if isinstance(m, _LayeredMap):
        return key in m.over or peek(m.base, key)
    return key in m


class Screen(NamedTuple):
    """A table's filter (``screen``): a string may be a key when the bit of its CRC-32 is set
    (``holds``) or it is one of the keys held beside the table (a config's own words)."""

    seen: memoryview  # a bit per CRC-32 value, modulo ``mask + 1``
    mask: int
    over: Collection[str]

    def holds(self, key: str, crc: int) -> bool:
        """False only when the table surely does not hold ``key`` (``crc``: its CRC-32)."""
        bit = crc & self.mask
        return bool(self.seen[bit >> 3] >> (bit & 7) & 1) or key in self.over


def screen(m: Collection[str]) -> Screen | None:
    """For a caller that asks about many strings that ``m`` mostly does not hold (two words
    joined): a test of a string and the CRC-32 of its UTF-8 (``zlib.crc32(key.encode("utf-8",
    "surrogatepass"))``) that is False only when ``m`` surely does not hold it, by the compiled
    table's filter (mapped.KeyTable.filter), remembering nothing; None when ``m`` has no filter.
    A caller that asks about very many strings reads the bits itself, as ``Screen.holds`` does."""
    if isinstance(m, _LayeredMap):
        base = screen(m.base)
        if base is None:
            return None
        return base._replace(over=m.over if not base.over else {**dict.fromkeys(base.over), **m.over})
    found = m._table.filter() if isinstance(m, _Keys) else None
    if found is None:
        return None
    return Screen(found[0], found[1], ())


def _prior(compiled: Mapped) -> Callable[[int], tuple[float, str]]:
    prior, kind = compiled["names.prior"], compiled["names.kind"]
    return lambda i: (prior[i], KINDS[kind[i]])


_ABSENT = object()


class _Keys(Set[str]):
    """The keys of a table that pass ``test`` (by id), as a read-only set."""

    def __init__(self, table: KeyTable, test: Callable[[int], bool] | None = None) -> None:
        self._table, self._test = table, test

    def __contains__(self, key: object) -> bool:
        if key.__class__ is not str:
            return False
        i = self._table.find(key)
        return i >= 0 and (self._test is None or self._test(i))

    def _ids(self) -> Iterator[int]:
        return (i for i in range(len(self._table)) if self._test is None or self._test(i))

    def __iter__(self) -> Iterator[str]:
        keys = self._table.keys
        return (keys[i] for i in self._ids())

    def __len__(self) -> int:
        return sum(1 for _ in self._ids())


class _Values(_Keys, Mapping[str, Any]):
    """A read-only mapping: a table's keys that pass ``test``, to ``value(id)`` (remembered)."""

    def __init__(self, table: KeyTable, value: Callable[[int], Any], test: Callable[[int], bool] | None = None) -> None:
        super().__init__(table, test)
        self._value = value
        self._memo: dict[str, Any] = {}

    def _lookup(self, key: str) -> Any:
        i = self._table.probe(key)  # remembered here, not twice
        found = _ABSENT if i < 0 or (self._test is not None and not self._test(i)) else self._value(i)
        if len(self._memo) >= KeyTable.MEMO:
            self._memo.clear()
        self._memo[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        found = self._memo.get(key, None)  # type: ignore[call-overload]
        if found is None:
            if key.__class__ is not str:
                return False
            found = self._lookup(key)
        return found is not _ABSENT

    def __getitem__(self, key: str) -> Any:
        found = self._memo.get(key)
        if found is None:
            found = self._lookup(key)
        if found is _ABSENT:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._memo.get(key)
        if found is None:
            found = self._lookup(key)
        return default if found is _ABSENT else found

    def peek(self, key: str) -> bool:
        """Whether ``key`` is here, without remembering the answer (a key asked about once)."""
        found = self._memo.get(key)
        if found is not None:
            return found is not _ABSENT
        i = self._table.probe(key)
        return i >= 0 and (self._test is None or self._test(i))

    def __eq__(self, other: object) -> bool:
        return Mapping.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]


_Row = TypeVar("_Row")


class _Made(Sequence[_Row]):
    """Rows made from the compiled arrays when first asked for, then kept (up to ``LIMIT``
    rows, then forgotten at once: a long text asks for many rows once each)."""

    LIMIT = 8_000

    def __init__(self, size: int) -> None:
        self._size = size
        self._made: dict[int, _Row] = {}

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> _Row:  # type: ignore[override]
        made = self._made.get(i)  # (not a KeyError caught: a third of the rows asked for are not made yet)
        if made is not None:
            return made
        if i < 0:
            i += self._size
        made = self._made.get(i)
        if made is None:
            if len(self._made) >= self.LIMIT:
                self._made.clear()
            made = self._made[i] = self._make(i)
        return made

    def _make(self, i: int) -> _Row:
        raise NotImplementedError


class _Spellings(_Made[Spelling]):
    def __init__(self, compiled: Mapped) -> None:
        self._parts = Strings(compiled, "spellings.parts")
        self._entry, self._prominence = compiled["spellings.entry"], compiled["entries.prominence"]
        super().__init__(len(self._entry))

    def _make(self, i: int) -> Spelling:
        entry = self._entry[i]
        return Spelling(tuple(self._parts[i].split(" ")), entry, self._prominence[entry])

    def row(self, i: int) -> Spelling:
        """``self[i]`` (0 <= i < len), made if it is not kept, and not kept then."""
        made = self._made.get(i)
        return made if made is not None else self._make(i)


class _Entries(_Made[EntryRow]):
    def __init__(self, compiled: Mapped) -> None:
        self._ids, self._names, self._descriptions, self._sources = (
            Strings(compiled, f"entries.{f}") for f in ("id", "name", "description", "source")
        )
        self._kind = compiled["entries.kind"]
        super().__init__(len(self._kind))

    def _make(self, i: int) -> EntryRow:
        return EntryRow(self._ids[i], self._names[i], KINDS[self._kind[i]], self._descriptions[i], self._sources[i])


class _Countries(Sequence[str]):
    def __init__(self, compiled: Mapped) -> None:
        self._names, self._ids = Strings(compiled, "countries"), compiled["entries.country"]

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self._names[self._ids[i]]


class _Pairs(Sequence[tuple[str, str]]):
    """The i-th strings of two tables of a compiled file, as a pair (read when asked)."""

    def __init__(self, first: Strings, second: Strings) -> None:
        self._first, self._second = first, second

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, i: int) -> tuple[str, str]:  # type: ignore[override]
        return self._first[i], self._second[i]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return zip(self._first, self._second, strict=True)


# -- writable layers over shared data (a project's own names) ----------------------------


class _Layered(Sequence[Any]):
    """A sequence that appends to a list of its own above a shared one."""

    def __init__(self, base: Sequence[Any], over: list[Any]) -> None:
        self.base, self.over = base, over

    @classmethod
    def of(cls, seq: Sequence[Any]) -> _Layered:
        return cls(seq.base, list(seq.over)) if isinstance(seq, _Layered) else cls(seq, [])

    def __len__(self) -> int:
        return len(self.base) + len(self.over)

    def __getitem__(self, i: int) -> Any:  # type: ignore[override]
        n = len(self.base)
        if i < 0:
            i += n + len(self.over)
        return self.base[i] if i < n else self.over[i - n]

    def append(self, value: Any) -> None:
        self.over.append(value)


def _layers(seq: Sequence[Any]) -> tuple[Sequence[Any], Sequence[Any]]:
    """The shared rows of ``seq`` and the rows of its own above them (none unless layered)."""
    return (seq.base, seq.over) if isinstance(seq, _Layered) else (seq, [])


class _Layers:
    """Keys of a shared ``base`` and of this copy's own ``over``, each counted once."""

    base: Collection[str]
    over: Collection[str]

    def __contains__(self, key: object) -> bool:
        return key in self.over or key in self.base

    def __iter__(self) -> Iterator[str]:
        yield from self.base
        yield from (k for k in self.over if k not in self.base)

    def __len__(self) -> int:
        return len(self.base) + sum(1 for k in self.over if k not in self.base)


class _LayeredMap(_Layers, Mapping[str, Any]):
    """A mapping whose own entries hide the shared one's; lists are copied before they change."""

    base: Mapping[str, Any]
    over: dict[str, Any]

    def __init__(self, base: Mapping[str, Any], over: dict[str, Any]) -> None:
        self.base, self.over = base, over

    @classmethod
    def of(cls, m: Mapping[str, Any]) -> _LayeredMap:
        if isinstance(m, _LayeredMap):
            return cls(m.base, {k: list(v) if isinstance(v, list) else v for k, v in m.over.items()})
        return cls(m, {})

    def __getitem__(self, key: str) -> Any:
        return self.over[key] if key in self.over else self.base[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.over[key] if key in self.over else self.base.get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self.over[key] = value

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self.over:
            old = self.base.get(key)
            self.over[key] = default if old is None else list(old) if isinstance(old, list) else old
        return self.over[key]


class _LayeredSet(_Layers, Set[str]):
    base: Set[str]
    over: set[str]

    def __init__(self, base: Set[str], over: set[str]) -> None:
        self.base, self.over = base, over

    @classmethod
    def of(cls, s: Set[str]) -> _LayeredSet:
        return cls(s.base, set(s.over)) if isinstance(s, _LayeredSet) else cls(s, set())

    def add(self, key: str) -> None:
        if key not in self.base:
            self.over.add(key)

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)


csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
