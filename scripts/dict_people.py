"""Build dictionaries/people.tsv from the three officials files and curated_people.tsv.

One row per person. Wikidata persons (everypolitician rows with a QID) come first;
everypolitician rows without a QID, CIA 2019 and Factbook names are merged into a
Wikidata person when the country (ISO code) matches and the folded first given name
plus surname match exactly one person; otherwise CIA and Factbook names of the same
country and key are merged with each other into their own row.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import wordfreq
from dict_geo import country_code, country_display
from dict_names import ParsedName, match_keys_loose, match_keys_strict, parse_name
from dict_text import clean_field, fix_confusables, fold, is_latin, join_multi, slug, write_tsv
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from normalize.forms import romanization_variant, slavic_g_variant  # noqa: E402  (the engine's own rule)

HEADER = ("id", "name", "variants", "roles", "country", "sources")
CURATED_HEADER = ("name", "variants", "role", "country", "source")
MAX_ROLES = 6
LAST_FACTBOOK_SNAPSHOT = "2026-05-17"
MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}

# Name priority: lower is preferred.
P_WIKIDATA, P_LABEL, P_OFFICIAL, P_FACTBOOK, P_CIA, P_CURATED = 0, 1, 2, 3, 4, 5

ELECTION_RANK = 5  # a Factbook line on election results: the weakest evidence of a role
# A Factbook spelling one slip from another spelling of the person that text writes this
# much more often (Zipf: ten times) is the Factbook's own typo (Netanyhu, Issac Herzog).
SLIP_RARITY = 1.0
SENTENCE_WORDS = {"as", "and", "of", "the", "for", "was", "is", "in"}  # never inside a Factbook name
CIA_SLIP_ZIPF = 2.0  # a CIA 2019 word text writes this often is a spelling, not a slip (Yisrael)
SLIP_MIN_LETTERS = 4  # shorter words are one letter from too many others (Kim Jong Un, In)


@dataclass
class Role:
    position: str
    country: str
    start: str
    end: str
    rank: int  # lower = preferred when two rows describe the same role

    def text(self) -> str:
        return f"{self.position} ({self.country}, {self.start}–{self.end})"


@dataclass
class Person:
    pid: str
    spellings: Counter = field(default_factory=Counter)  # (priority, display) -> weight
    roles: list[Role] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    keys: set[tuple[str, str, str]] = field(default_factory=set)

    def add_spelling(self, display: str, priority: int, weight: int = 1) -> None:
        if display and is_latin(display):
            self.spellings[(priority, display)] += weight


def _read(path: Path, quoting: int) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(f, delimiter="\t", quoting=quoting)]


def _date(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    m = re.match(r"(\d{4})", value)
    return m.group(1) if m else ""


def _position(value: str) -> str:
    p = clean_field(fix_confusables(value)).replace("|", "/")
    if p and " " not in p and ("/" in p or "-" in p):  # slugs like federal-subjects/moscow-oblast
        p = p.rsplit("/", 1)[-1].replace("-", " ")
        p = p[:1].upper() + p[1:]
    return p


def _country_key(name: str) -> str:
    return country_code(name) or "?" + fold(country_display(name))


class PeopleBuilder:
    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.index: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.by_surname: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self.stats: Counter = Counter()
        self.slips: list[tuple[str, str, str]] = []  # (dropped spelling, its person, the rival person)

    def _index(self, person: Person, ckey: str, display: str) -> None:
        for k in match_keys_loose(display):
            key = (ckey, k[0], k[1])
            self.index[key].add(person.pid)
            self.index[("*", k[0], k[1])].add(person.pid)
            person.keys.add(key)
            if " " not in k[1]:
                self.by_surname[(ckey, k[1])].add((k[0], person.pid))

    def _find(self, ckey: str, parsed: ParsedName) -> str | None:
        keys = match_keys_strict(parsed)
        if ckey.startswith("?"):
            # No ISO country (European Union, "world"): accept a unique match anywhere.
            for k in keys:
                hits = self.index.get(("*", k[0], k[1]))
                if hits and len(hits) == 1:
                    self.stats["no_country_merge"] += 1
                    return next(iter(hits))
        for k in keys:
            hits = self.index.get((ckey, k[0], k[1]))
            if hits:
                if len(hits) == 1:
                    return next(iter(hits))
                self.stats["ambiguous_key"] += 1
                return None
        # Transliteration drift in the first name only (Aleksandr/Alexander,
        # Kasym/Kassym): same surname, similar first name, exactly one candidate.
        for first, surname in keys:
            if " " in surname:
                continue
            cands = {
                pid
                for f, pid in self.by_surname.get((ckey, surname), ())
                if f[:1] == first[:1] and fuzz.ratio(f, first) >= 75
            }
            if len(cands) == 1:
                self.stats["fuzzy_first_name_merge"] += 1
                return next(iter(cands))
            if cands:
                self.stats["ambiguous_key"] += 1
                return None
        return None

    # -- everypolitician -------------------------------------------------------
    def add_everypolitician(self, path: Path) -> None:
        rows = _read(path, csv.QUOTE_NONE)
        no_qid: list[dict[str, str]] = []
        for row in rows:
            qid = row["wikidata_id"].strip()
            if not qid:
                no_qid.append(row)
                continue
            person = self.people.setdefault(qid, Person(qid))
            self._add_ep_row(person, row)
        for person in self.people.values():
            for _, display in person.spellings:
                for ckey in person.countries:
                    self._index(person, _country_key(ckey), display)
        for row in no_qid:
            names = [parse_name(row["name_wikidata_label"]), parse_name(row["name_official_site"])]
            parsed = next((p for p in names if p), None)
            if not parsed:
                self.stats["ep_junk"] += 1
                continue
            ckey = _country_key(row["country"])
            pid = self._find(ckey, parsed)
            if pid is None:
                pid = f"everypolitician:{slug(row['country'])}:{slug(parsed.display)}"
                self.stats["ep_own_row"] += 1
            else:
                self.stats["ep_merged"] += 1
            person = self.people.setdefault(pid, Person(pid))
            self._add_ep_row(person, row)
            self._index(person, ckey, parsed.display)

    def _add_ep_row(self, person: Person, row: dict[str, str]) -> None:
        wikidata_row = row["row_kind"].startswith("wikidata_")
        label = parse_name(row["name_wikidata_label"])
        official = parse_name(row["name_official_site"])
        if label:
            person.add_spelling(label.display, P_WIKIDATA if wikidata_row else P_LABEL)
            for extra in label.extras:
                person.add_spelling(extra, P_LABEL + 10)
        if official:
            person.add_spelling(official.display, P_OFFICIAL)
            for extra in official.extras:
                person.add_spelling(extra, P_OFFICIAL + 10)
        if not label and not official:
            self.stats["ep_rows_no_latin_name"] += 1
        country = row["country"]
        person.countries[country] += 1
        if wikidata_row or row["wikidata_id"]:
            person.sources.add("wikidata")
        person.sources.add("everypolitician:" + row["source_repo"].split("/")[-1])
        position = _position(row["position"])
        if position:
            rank = 0 if wikidata_row else 1
            person.roles.append(
                Role(position, country_display(country), _date(row["start_date"]), _date(row["end_date"]), rank)
            )

    # -- CIA and Factbook ------------------------------------------------------
    def _add_other(
        self, parsed: ParsedName, country: str, prefix: str, priority: int, weight: int, role: Role | None, source: str
    ) -> None:
        ckey = _country_key(country)
        pid = self._find(ckey, parsed)
        if pid is not None and not pid.startswith(("cia:", "factbook:")):
            self.stats[f"{source}_merged_wikidata"] += 1
        elif pid is None:
            pid = f"{prefix}:{slug(country_display(country))}:{slug(parsed.display)}"
            if pid not in self.people:
                self.stats[f"{source}_own_row"] += 1
        person = self.people.setdefault(pid, Person(pid))
        person.add_spelling(parsed.display, priority, weight)
        for extra in parsed.extras:
            person.add_spelling(extra, priority + 10, weight)
        person.countries[country] += weight
        person.sources.add(source)
        if role:
            person.roles.append(role)
        if pid.startswith(("cia:", "factbook:")):
            for k in match_keys_strict(parsed):
                key = (ckey, k[0], k[1])
                self.index[key].add(pid)
                if not ckey.startswith("?"):
                    self.index[("*", k[0], k[1])].add(pid)
                person.keys.add(key)
                if " " not in k[1]:
                    self.by_surname[(ckey, k[1])].add((k[0], pid))

    def add_cia(self, path: Path) -> None:
        for row in _read(path, csv.QUOTE_MINIMAL):
            parsed = parse_name(row["person"])
            if not parsed:
                self.stats["cia_junk"] += 1
                continue
            role = Role(_position(row["title"]), country_display(row["country"]), "2019", "2019", 3)
            self._add_other(parsed, row["country"], "cia", P_CIA, 1, role, "cia2019")

    def add_factbook(self, path: Path) -> None:
        rows = _read(path, csv.QUOTE_NONE)
        rows.sort(
            key=lambda r: (
                r["country"],
                r["first_seen"],
                r["person_name_as_written"],
                r["field"],
                r["raw_field_excerpt"],
            )
        )
        for row in rows:
            written = _unglued(row["person_name_as_written"], row["raw_field_excerpt"], row["country"])
            if written != row["person_name_as_written"]:
                self.stats["factbook_glued_word_dropped"] += 1
            parsed = parse_name(written)
            if not parsed:
                self.stats["factbook_junk"] += 1
                continue
            role = self._factbook_role(row, parsed)
            weight = int(row["n_snapshots"] or 1)
            self._add_other(parsed, row["country"], "factbook", P_FACTBOOK, weight, role, "factbook")

    def _factbook_role(self, row: dict[str, str], parsed: ParsedName) -> Role | None:
        raw = clean_field(row["raw_field_excerpt"])
        written = row["person_name_as_written"]
        country = country_display(row["country"])
        end = "" if row["last_seen"] >= LAST_FACTBOOK_SNAPSHOT else row["last_seen"][:4]
        idx = raw.find(written)
        m = re.match(r"\s*\(since (\d{1,2} )?([A-Za-z]+ )?(\d{4})\)", raw[idx + len(written) :]) if idx >= 0 else None
        if m:
            title = raw[:idx].strip()
            title = re.sub(r"(?i)^(note:?|note -|represented by|chief of state:|head of government:)\s*", "", title)
            title = re.sub(r"(?i)^(note:?|represented by)\s*", "", title).strip(" ;,:-")
            if title and len(title) <= 60 and title[:1].isalpha() and not re.search(r"\d|[;:%]", title):
                day, month, year = m.group(1), m.group(2), m.group(3)
                start = year
                if day and month and month.strip().lower() in MONTHS:
                    start = f"{year}-{MONTHS[month.strip().lower()]:02d}-{int(day):02d}"
                title = title[:1].upper() + title[1:]
                return Role(title, country, start, end, 2)
        if row["field"] in ("chief_of_state", "head_of_government"):
            label = "Chief of state" if row["field"] == "chief_of_state" else "Head of government"
            return Role(label, country, row["first_seen"][:4], end, 4)
        if re.search(r"(?i)\belected\b|percent of vote|results", raw):
            return Role("Election candidate", country, row["first_seen"][:4], row["last_seen"][:4], ELECTION_RANK)
        return None

    # -- curated and SpellingUkraine ---------------------------------------------
    def add_curated(self, path: Path) -> None:
        """Merge the hand-written rows: into a known person when the name or one of the
        variants matches, else a new `curated:` row. The curated spelling is preferred
        over CIA/Factbook spellings but not over a Wikidata label."""
        for row in _read(path, csv.QUOTE_NONE):
            parsed = parse_name(row["name"])
            if not parsed:
                raise ValueError(f"curated_people.tsv: unusable name {row['name']!r}")
            ckey = _country_key(row["country"])
            variants = [clean_field(v) for v in row["variants"].split("|") if v.strip()]
            pid = None
            for candidate in [parsed] + [parse_name(v) for v in variants]:
                if candidate and pid is None:
                    pid = self._find(ckey, candidate)
            corrected: list[tuple[int, str]] = []
            if pid is None:
                pid, corrected = self._misspelt(ckey, parsed)
            if pid is None:
                pid = f"curated:{slug(parsed.display)}"
                self.stats["curated_new"] += 1
            else:
                self.stats["curated_merged"] += 1
            person = self.people.setdefault(pid, Person(pid))
            for spelling in corrected:
                del person.spellings[spelling]
                self.stats["curated_corrected"] += 1
            priority = P_CURATED if pid.startswith("Q") else P_WIKIDATA
            person.add_spelling(parsed.display, priority, 1000)
            for variant in variants:
                person.add_spelling(variant, P_CURATED)
            person.countries[row["country"]] += 1000
            person.sources.add("curated: " + row["source"].replace("|", ";"))
            m = re.fullmatch(r"(.*) \((.*), (\d{4}(?:-\d\d-\d\d)?)?–(\d{4}(?:-\d\d-\d\d)?)?\)", row["role"])
            if m:
                person.roles.append(Role(m.group(1), m.group(2), m.group(3) or "", m.group(4) or "", 0))
            elif row["role"]:
                person.roles.append(Role(row["role"], country_display(row["country"]), "", "", 0))
            self._index(person, ckey, parsed.display)

    def _misspelt(self, ckey: str, parsed: ParsedName) -> tuple[str | None, list[tuple[int, str]]]:
        """The one person of the country whose sources spell the curated name with one slip in
        one word (Wikidata's Vinay Mohan Kwarta for Kwatra), and those spellings: the curated
        row corrects them. A romanization choice is no slip."""
        words = fold(parsed.display).split()
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for pid, person in self.people.items():
            if not any(_country_key(c) == ckey for c in person.countries):
                continue
            for spelling in person.spellings:
                other = fold(spelling[1]).split()
                if len(other) != len(words):
                    continue
                diff = [(a, b) for a, b in zip(other, words, strict=True) if a != b]
                if (
                    len(diff) == 1
                    and min(len(diff[0][0]), len(diff[0][1])) >= SLIP_MIN_LETTERS
                    and OSA.distance(*diff[0]) == 1
                    and not romanization_variant(*diff[0])
                    and not slavic_g_variant(*diff[0])
                ):
                    found[pid].append(spelling)
        if len(found) != 1:
            return None, []
        pid, spellings = next(iter(found.items()))
        return pid, sorted(spellings)

    def add_spellingukraine_people(self, rows: list[dict[str, str]]) -> None:
        """Add SpellingUkraine's Latin spellings of people already known (Zelenskyy)."""
        by_name: dict[str, set[str]] = defaultdict(set)
        for pid, person in self.people.items():
            for _, display in person.spellings:
                by_name[fold(display)].add(pid)
        for row in rows:
            if row["category"] != "Person":
                continue
            hits = by_name.get(fold(row["correct"]), set())
            if len(hits) != 1:
                self.stats["spellingukraine_person_unmatched"] += 1
                continue
            person = self.people[next(iter(hits))]
            for field_name in ("correct", "incorrect", "related"):
                for value in row[field_name].split("|"):
                    value = clean_field(value)
                    if value and is_latin(value) and len(value.split()) >= 2:
                        person.add_spelling(value, P_CURATED + 1)
            person.sources.add("spellingukraine")
            self.stats["spellingukraine_person_merged"] += 1

    # -- the Factbook's own typos -------------------------------------------------
    def drop_source_slips(self, zipf: Callable[[str], float]) -> None:
        """Drop each Factbook or CIA spelling that is one slip of the keyboard from another
        spelling of the same person, or of a person of the same country, in one word that no
        Wikidata or official-site name bears, when text writes the other word ten times as
        often (``zipf``) and the sources spell the other name at least as often (Benjamin
        Netanyhu, Issac Herzog, Theresea May, Teodoro Obiang Nguema Mgasogo), or when text
        never writes the word and a Wikidata name bears the other one or the sources spell
        the other name twice as often (Paul Mashsatile, Abdallah Handouk): see ``_one_slip``.
        A romanization choice (Davit, Leanid, Dukanovic, Koestinger) is no slip. A row left
        with no spelling is merged into the person it misspells."""
        borne = {
            w for p in self.people.values() for (pr, d) in p.spellings if pr <= P_OFFICIAL for w in fold(d).split()
        }
        by_country: dict[str, list[tuple[str, tuple[str, ...], int]]] = defaultdict(list)
        for pid, person in self.people.items():
            support: Counter = Counter()
            for (_, display), weight in person.spellings.items():
                support[fold(display)] += weight
            for key, weight in support.items():
                for country in person.countries:
                    by_country[_country_key(country)].append((pid, tuple(key.split()), weight))
        drops: list[tuple[str, tuple[int, str], str]] = []
        for pid, person in sorted(self.people.items()):
            for spelling in sorted(person.spellings):
                if spelling[0] not in (P_FACTBOOK, P_FACTBOOK + 10, P_CIA, P_CIA + 10):
                    continue
                words = tuple(fold(spelling[1]).split())
                own = sum(w for (_, d), w in person.spellings.items() if fold(d) == fold(spelling[1]))
                rivals = {r for c in person.countries for r in by_country[_country_key(c)]}
                for other, other_words, weight in sorted(rivals):
                    cia = spelling[0] in (P_CIA, P_CIA + 10)
                    if _one_slip(words, other_words, borne, zipf, (own, weight), cia):
                        drops.append((pid, spelling, other))
                        break
        for pid, spelling, other in drops:
            self.slips.append((spelling[1], pid, other))
            person = self.people[pid]
            del person.spellings[spelling]
            self.stats["source_slip_dropped"] += 1
            if not person.spellings and other != pid and other in self.people:
                target = self.people[other]
                target.roles += person.roles
                target.countries.update(person.countries)
                target.sources |= person.sources
                del self.people[pid]
                self.stats["source_slip_row_merged"] += 1

    # -- output ------------------------------------------------------------------
    def rows(self) -> list[tuple[str, ...]]:
        out = []
        for pid in sorted(self.people):
            person = self.people[pid]
            if not person.spellings:
                self.stats["no_latin_name"] += 1
                continue
            ranked = sorted(person.spellings.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
            name = ranked[0][0][1]
            variants: list[str] = []
            seen = {name.casefold()}
            for (_, display), _w in ranked:
                if display.casefold() not in seen:
                    seen.add(display.casefold())
                    variants.append(display)
            countries = Counter({country_display(c): n for c, n in person.countries.items()})
            real = [(n, c) for c, n in countries.items() if country_code(c)]
            pool = real or [(n, c) for c, n in countries.items()]
            country = sorted(pool, key=lambda nc: (-nc[0], nc[1]))[0][1]
            out.append(
                (
                    pid,
                    name,
                    join_multi(variants),
                    join_multi(self._roles(person.roles)),
                    country,
                    join_multi(sorted(person.sources)),
                )
            )
        return out

    @staticmethod
    def _roles(roles: list[Role]) -> list[str]:
        """Deduplicate roles: the same post seen in several exports, or a CIA/Factbook
        observation (rank >= 3) already covered by a dated Wikidata role."""
        kept: list[Role] = []
        for role in sorted(roles, key=lambda r: (r.rank, r.start == "", r.position, r.start, r.end)):
            duplicate = False
            for i, other in enumerate(kept):
                if other.country != role.country:
                    continue
                if fuzz.token_set_ratio(fold(other.position), fold(role.position)) < 85:
                    continue
                if other.start[:4] == role.start[:4]:
                    duplicate = True
                    if not other.end and role.end:  # keep the better-dated copy
                        kept[i] = Role(other.position, other.country, other.start, role.end, other.rank)
                    break
                if (
                    role.rank >= 3
                    and other.start[:4] <= role.start[:4]
                    and (not other.end or other.end[:4] >= (role.end[:4] or "9999"))
                ):
                    duplicate = True
                    break
                if role.rank >= 3 and other.rank >= 3 and other.position == role.position:
                    start = min(other.start, role.start)
                    end = "" if not other.end or not role.end else max(other.end, role.end)
                    kept[i] = Role(other.position, other.country, start, end, other.rank)
                    duplicate = True
                    break
            if not duplicate:
                kept.append(role)
        # Latest first; an office before a mere candidacy, which describes nobody's post.
        kept.sort(key=lambda r: (r.rank < ELECTION_RANK, r.start or "0000", r.end or "9999", r.position), reverse=True)
        texts: list[str] = []
        for role in kept:
            t = role.text()
            if t not in texts:
                texts.append(t)
        return texts[:MAX_ROLES]


def _unglued(written: str, raw: str, country: str) -> str:
    """The Factbook name without a word of the text around it that its parse glued on: the
    first word of a party whose opening parenthesis the excerpt lacks ("Hasan Fereidun
    RUHANI Moderation and Development Party) 50.7%", "Ismoil TALBAKOV CPT) 5%"), the
    country of a title ("Queen of Australia ELIZABETH II"), the words of the sentence after
    the name ("KIM Jong Il as Eternal President"); empty for a party taken for a name (in
    the parenthesis before a candidate's vote, "(MODEN/FA Lumana Africa) 17.8%", or named
    after its country, "ACT New Zealand")."""
    tokens = written.split()
    if len(tokens) > 2 and written.startswith(country + " ") and any(_is_caps(t) for t in tokens[1:]):
        return written[len(country) + 1 :]
    if len(tokens) > 2 and written.endswith(" " + country):
        return ""  # a party named after its country ("the ACT New Zealand party")
    cut = next((i for i, t in enumerate(tokens) if t in SENTENCE_WORDS), len(tokens))
    if 2 <= cut < len(tokens):  # "KIM Jong Il as Eternal President"
        return " ".join(tokens[:cut])
    at = raw.find(written)
    if at < 0:
        return written
    before = raw[:at]
    if before.count("(") > before.count(")") and re.match(r"\)\s*\d", raw[at + len(written) :]):
        return ""  # the party of a candidate, before the vote: "Hama AMADOU (MODEN/FA Lumana Africa) 17.8%"
    if len(tokens) < 3:
        return written
    closes = re.match(r"[^(),;%\d]*\)", raw[at + len(written) :])
    if closes and before.count("(") <= before.count(")") and any(_is_caps(t) for t in tokens[:-1]):
        return " ".join(tokens[:-1])
    return written


def _is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _one_slip(
    words: tuple[str, ...],
    other: tuple[str, ...],
    borne: set[str],
    zipf: Callable[[str], float],
    weights: tuple[int, int],
    cia: bool = False,
) -> bool:
    """``words`` and ``other`` differ in one word, by one slip of the keyboard, and text
    writes the other word ten times as often; the typed word is no Wikidata name's. A
    word text never writes is a slip too when a Wikidata or official-site name bears the
    other word (Mashsatile; unless the sources spell this name more often and the words
    differ by a vowel or a doubled letter: Droupadi), or the sources spell the other name
    twice as often (``weights``: this spelling's and the other's; Handouk, Satokhi); else
    the sources must spell the other name at least as often. A German letter written out (Koestinger for
    Köstinger) is no slip. CIA 2019 spells by a system of its own (Masimov, Ardekanian,
    Yisrael): only a word text writes rarely (Zipf below 2), one slip from a Wikidata
    name's, other than a vowel for a vowel or a doubled letter, is its slip (Litlle,
    Marawan, Dalong)."""
    if len(words) != len(other):
        return False
    diff = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    if min(len(a), len(b)) < SLIP_MIN_LETTERS or a in borne or OSA.distance(a, b) != 1:
        return False
    if romanization_variant(a, b) or slavic_g_variant(a, b) or _digraph(a, b):
        return False
    if _umlaut(a, b):
        return False
    if cia:
        return zipf(a) < CIA_SLIP_ZIPF and b in borne and not _vowel_or_double(a, b)
    own, weight = weights
    if zipf(a) == 0 and (weight >= 2 * own or (b in borne and (weight >= own or not _vowel_or_double(a, b)))):
        return True
    return weight >= own and zipf(b) - zipf(a) >= SLIP_RARITY


def _umlaut(a: str, b: str) -> bool:
    """One spelling writes a German or Nordic letter out (oe, ae, ue for ö, ä, ü: Koestinger, Loekke)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(
        longer[i] == "e" and longer[i - 1] in "aou" and longer[:i] + longer[i + 1 :] == shorter
        for i in range(1, len(longer))
    )


def _vowel_or_double(a: str, b: str) -> bool:
    """The words differ by a vowel for a vowel (Ardakanian, Ardekanian; w for u: Kukharaw) or a
    doubled letter (Masimov)."""
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and diff[0][0] in "aeiouyw" and diff[0][1] in "aeiouyw"
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[i] == longer[i - 1] and longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer)))


def _digraph(a: str, b: str) -> bool:
    """One spelling adds an h or j after a consonant: a digraph of transliteration (Djukanovic)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1:
        return False
    for i in range(1, len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return longer[i] in "hj" and longer[i - 1] not in "aeiouy"
    return False


def _zipf(word: str) -> float:
    return float(wordfreq.zipf_frequency(word, "en"))


def build_people(shared: Path, curated: Path, out: Path, spelling_rows: list[dict[str, str]]) -> tuple[int, Counter]:
    b = PeopleBuilder()
    officials = shared / "data" / "officials"
    b.add_everypolitician(officials / "everypolitician_cabinets.tsv")
    b.add_cia(officials / "cia_world_leaders_2019.tsv")
    b.add_factbook(officials / "factbook_leaders_by_year.tsv")
    if curated.exists():
        b.add_curated(curated)
    b.add_spellingukraine_people(spelling_rows)
    b.drop_source_slips(_zipf)
    n = write_tsv(out / "people.tsv", HEADER, b.rows())
    return n, b.stats
