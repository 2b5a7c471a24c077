"""User gazetteers: a newsroom's own people and places, from config or CSV/TSV files.

A gazetteer file has a header with at least ``name``; ``aliases`` (separated by
``|`` or ``;``), ``description``, ``id`` and ``kind`` (``person``, the default,
or ``place``) are optional. ``extend`` returns a new Lexicon with the project's
words, people and places: the default Lexicon is cached and shared, so every
container that changes is copied first (the ``name_index`` lists included).
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from normalize import lexicon as lexmod
from normalize.config import GAZETTEER_MAX_BYTES, Config, ConfigError, Entity
from normalize.forms import plain_apostrophes
from normalize.lexicon import Lexicon

PLACE_PROMINENCE = 3.0  # a place a newsroom lists is as worth correcting to as a region
COLUMNS = ("name", "aliases", "description", "id", "kind")
_SPLIT = re.compile(r"\s*[|;]\s*")


def extend(lex: Lexicon, config: Config) -> Lexicon:
    """``lex`` plus the config's words, people, places and gazetteer files (``lex`` is not changed)."""
    people = list(config.people)
    places = list(config.places)
    for path in config.gazetteers:
        for kind, entity in read(path):
            (places if kind == "place" else people).append(entity)
    extra = {plain_apostrophes(w.lower()) for w in (*config.words, *config.ignore)}
    if not (people or places):
        return replace(lex, extra_words=lex.extra_words | extra) if extra else lex
    new = lex.copy()
    new.extra_words |= extra
    origin = str(config.path) if config.path else "config"
    for e in people:
        _add(new, e, "person", lexmod.PERSON_PROMINENCE, origin)
    for e in places:
        _add(new, e, "place", PLACE_PROMINENCE, origin)
    return new


def _add(lex: Lexicon, e: Entity, kind: str, prominence: float, origin: str) -> None:
    ident = e.id or f"user:{e.name}"
    entry = (ident, e.name, kind, e.description or f"{kind} listed by the project", f"user gazetteer: {origin}")
    lex.add_entity([e.name, *e.aliases], entry, prominence)


def read(path: Path) -> list[tuple[str, Entity]]:
    """(kind, entity) rows of a CSV or TSV gazetteer file (a regular file, size-capped).

    Errors name the file and the row, never its content: a config may point
    anywhere, and the messages end up in CI logs.
    """
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read gazetteer ({(e.strerror or str(e)).lower()})") from None
    try:  # (the fd is looked at before fdopen, which refuses a directory with IsADirectoryError)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ConfigError(f"{path}: a gazetteer must be a regular file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(GAZETTEER_MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > GAZETTEER_MAX_BYTES:
        raise ConfigError(f"{path}: gazetteer larger than {GAZETTEER_MAX_BYTES // 1_000_000} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: gazetteer is not valid UTF-8 (at byte {e.start}); convert it") from None
    return parse(text, str(path))


def parse(text: str, origin: str) -> list[tuple[str, Entity]]:
    try:
        return _rows(text, origin)
    except csv.Error as e:
        raise ConfigError(f"{origin}: not a CSV or TSV gazetteer ({e})") from None


def _rows(text: str, origin: str) -> list[tuple[str, Entity]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    records = _records(text, delimiter, origin)
    names = [h.strip().lower() for h in records[0][1]] if records else []
    if "name" not in names:
        optional = ", ".join(COLUMNS[1:])
        raise ConfigError(f"{origin}: a gazetteer needs a header row with at least 'name' (optional: {optional})")
    out = []
    for n, record in records[1:]:
        row = {k: v.strip() for k, v in zip(names, record, strict=False) if k}  # (short rows: the rest is "")
        if not row.get("name"):
            if any(row.values()):  # (a row with nothing in it, a spreadsheet's ",,,", is passed over)
                raise ConfigError(f"{origin}:{n}: a row with no name; give it one, or delete the row")
            continue
        kind = row.get("kind", "") or "person"
        if kind not in ("person", "place"):
            raise ConfigError(f"{origin}:{n}: kind must be 'person' or 'place'")
        aliases = tuple(a for a in _SPLIT.split(row.get("aliases", "")) if a)
        out.append((kind, Entity(row["name"], aliases, row.get("description", ""), _qid(row.get("id", "")))))
    return out


def _records(text: str, delimiter: str, origin: str) -> list[tuple[int, list[str]]]:
    """The header and rows, each with the line it starts on; blank lines are skipped. A field
    that runs over a line break is refused: in a list of names it is a lone quote (``"``),
    which opened a field that took every later line into it, and those entries were lost."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    out, start = [], 1
    for record in reader:
        if any("\n" in v or "\r" in v for v in record):
            raise ConfigError(
                f'{origin}:{start}: a quote (") opens a field that runs past the end of the line; '
                'close it, or write a quote inside a field as ""'
            )
        if record:
            out.append((start, record))
        start = reader.line_num + 1
    return out


def _qid(ident: str) -> str:
    """Wikidata exports give ids as entity URLs: keep the QID."""
    return ident.rsplit("/", 1)[-1] if ident.startswith("http") else ident


def to_tsv(rows: list[tuple[str, Entity]]) -> str:
    """The normalized project copy: one header, tab-separated, sorted by name."""
    lines = ["\t".join(COLUMNS)]
    for kind, e in sorted(rows, key=lambda r: (r[1].name, r[1].id)):
        fields = (e.name, "|".join(e.aliases), e.description, e.id, kind)
        lines.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
    return "\n".join(lines) + "\n"


def import_file(source: Path, config_path: Path) -> tuple[Path, int]:
    """Copy ``source`` into ``.normalize/gazetteer.tsv`` beside the config, merged, and register it.

    Returns the project copy and how many rows it now holds. Rows already there
    with the same id (or the same name when there is no id) are replaced.
    """
    from normalize.config import add_to_list

    rows = read(source)
    dest = config_path.parent / ".normalize" / "gazetteer.tsv"
    old = read(dest) if dest.exists() else []
    keys = {(e.id or e.name) for _, e in rows}
    merged = [r for r in old if (r[1].id or r[1].name) not in keys] + rows
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(to_tsv(merged), encoding="utf-8", newline="\n")
    add_to_list(config_path, "gazetteers", dest.relative_to(config_path.parent).as_posix())
    return dest, len(merged)
