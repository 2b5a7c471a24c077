"""``[tool.normalize]`` in pyproject.toml or a ``.normalize.toml`` -> one frozen Config.

Discovery starts at the checked file's folder and walks up; it stops at the
first folder with a ``.normalize.toml`` or a pyproject.toml that has a
``[tool.normalize]`` table, and it never leaves a repository (a folder holding
``.git`` is the last one looked at). Precedence: command line, then an explicit
``--config`` file (which replaces discovery), then the discovered file, then
the defaults below. Unknown keys are an error naming the closest valid key;
every bad value is a one-line ConfigError naming the file and the key.

A discovered config is the repository's, not the user's: its ``gazetteers``
must be regular files inside the repository (the folder holding ``.git`` above
it, else its own folder). Files named by an explicit ``--config`` may lie
anywhere, but never be devices, pipes or over ``GAZETTEER_MAX_BYTES``.
Messages never quote a file's content.
``exclude`` holds globs of files every face that checks files by path leaves out
(document.left_out: the CLI, the language server, the batch runner), matched
from the config file's folder; it does not change how a file is checked.
``add_word`` edits the file as text so the user's formatting and comments stay.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from normalize.errors import NormalizeError
from normalize.rules import DEFAULT_ON, ORDER

FILES = (".normalize.toml", "pyproject.toml")
ENTITY_KEYS = ("name", "aliases", "description", "id")


class ConfigError(NormalizeError):
    """The configuration file is malformed or names something unknown."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or place the project adds: its preferred name and accepted other spellings."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    id: str = ""


@dataclass(frozen=True, slots=True)
class Config:
    """One project's settings: the defaults, then a discovered or named file, then the command line."""

    words: tuple[str, ...] = ()  # accepted as correct
    ignore: tuple[str, ...] = ()  # never a finding of any rule
    people: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    prefer: tuple[tuple[str, str], ...] = ()  # (variant, preferred): "Kiev" -> "Kyiv"
    style: str | None = None  # a house style shipped in dictionaries/ ("ukrainian")
    rules: frozenset[str] = DEFAULT_ON  # ids of the rules that run besides spelling
    gazetteers: tuple[Path, ...] = ()  # CSV/TSV files of people and places (absolute)
    # Globs of files `check`/`fix`, the language server and the batch runner leave out, relative
    # to the config's folder (as --exclude's; document.left_out).
    # Not compared: they choose files, not how a file is checked.
    exclude: tuple[str, ...] = field(default=(), compare=False)
    # What makes `check`/`fix` exit 1: "suggest", "fix" or "never". Not compared: configs that
    # differ only here check alike and share one engine.
    fail_on: str = field(default="suggest", compare=False)
    path: Path | None = field(default=None, compare=False)  # the file this came from


KEYS = tuple(f.name.replace("_", "-") for f in fields(Config) if f.name != "path")  # as written in TOML
FAIL_ON = ("suggest", "fix", "never")
GAZETTEER_MAX_BYTES = 20_000_000  # a newsroom's list of people and places is far smaller
CONFIG_MAX_BYTES = 10_000_000  # a config (a pyproject.toml with its words) is far smaller: not /dev/zero


def _has_table(data: dict[str, Any]) -> bool:
    tool = data.get("tool")
    return isinstance(tool, dict) and "normalize" in tool


def discover(start: Path) -> Path | None:
    """The config file that governs ``start`` (a file or folder), or None."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        dot = folder / ".normalize.toml"
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file() and _has_table(_read(py)):
            return py
        if (folder / ".git").exists():
            return None
    return None


def load(start: Path | None = None, explicit: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """The Config for a file at ``start``: ``explicit`` file or discovered one, then ``overrides``."""
    path = explicit if explicit is not None else (discover(start) if start is not None else None)
    config = from_file(path, confined=explicit is None) if path is not None else Config()
    return apply(config, overrides or {}, "command line")


def from_file(path: Path, confined: bool = True) -> Config:
    """The Config of a file; ``confined``: its gazetteers must lie inside its repository."""
    data = _settings(path, _read(path))
    config = replace(apply(Config(), data, str(path), base=path.parent), path=path)
    if confined:
        root = repository_root(path.parent)
        for g in config.gazetteers:
            if not g.is_relative_to(root):
                raise ConfigError(
                    f"{path}: gazetteers: {g} is outside the repository ({root}); "
                    "copy it in, or name this config with --config to vouch for it"
                )
    return config


def repository_root(folder: Path) -> Path:
    """The folder holding ``.git`` at or above ``folder``, else ``folder`` itself."""
    here = folder.resolve()
    for f in (here, *here.parents):
        if (f / ".git").exists():
            return f
    return here


def _settings(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The settings table of a parsed file: all of it, or ``[tool.normalize]`` of pyproject.toml."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    table = tool.get("normalize", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.normalize: expected a table, like [tool.normalize]")
    return table


def apply(config: Config, data: dict[str, Any], origin: str, base: Path | None = None) -> Config:
    """``config`` with the keys of ``data`` (TOML values) set; unknown keys raise ConfigError."""
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{origin}: unknown key {key!r}{_closest(key, KEYS)}")
        changes[key.replace("-", "_")] = _PARSE[key](value, f"{origin}: {key}", base or Path.cwd())
    return replace(config, **changes)


def _strings(value: Any, where: str, base: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: expected a list of strings, like ["Reznikov"]')
    return tuple(value)


def _globs(value: Any, where: str, base: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: expected a list of strings, like ["archive/*", "drafts"]')
    return tuple(value)


def _entities(value: Any, where: str, base: Path) -> tuple[Entity, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of names or of tables with {', '.join(ENTITY_KEYS)}")
    out = []
    for n, item in enumerate(value):
        at = f"{where}[{n}]"
        if isinstance(item, str):
            out.append(Entity(_name(item, at)))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ConfigError(f'{at}: each entry needs a name, e.g. {{ name = "Oleksii Reznikov" }}')
        for k in item:
            if k not in ENTITY_KEYS:
                raise ConfigError(f"{at}: unknown key {k!r}{_closest(k, ENTITY_KEYS)}")
        aliases = item.get("aliases", [])
        aliases = [aliases] if isinstance(aliases, str) else aliases
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f'{at}.aliases: expected a list of strings, like ["Reznikov"]')
        for k in ("description", "id"):
            if not isinstance(item.get(k, ""), str):
                raise ConfigError(f"{at}.{k}: expected a string")
        out.append(
            Entity(
                _name(item["name"], at),
                tuple(_name(a, f"{at}.aliases") for a in aliases),
                item.get("description", ""),
                item.get("id", ""),
            )
        )
    return tuple(out)


def _name(value: str, where: str) -> str:
    if not value.strip():
        raise ConfigError(f"{where}: a name cannot be empty")
    return value


def _prefer(value: Any, where: str, base: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f'{where}: expected a table of variant = "preferred", like {{ Kiev = "Kyiv" }}')
    return tuple(sorted(value.items()))


def _style(value: Any, where: str, base: Path) -> str | None:
    from normalize.rules.style import available

    if value in (None, "", "none"):
        return None
    names = available()
    if not isinstance(value, str) or value not in names:
        raise ConfigError(f"{where}: unknown style {value!r}{_closest(str(value), names)}; styles: {', '.join(names)}")
    return value


def _rules(value: Any, where: str, base: Path) -> frozenset[str]:
    """A table {id = true/false} changes the defaults; a list turns those rules on as well."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = {v: True for v in value}
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise ConfigError(f"{where}: expected a list of rule ids or a table like {{ consistency = true }}")
    for rule in value:
        if rule not in ORDER:
            raise ConfigError(f"{where}: unknown rule {rule!r}{_closest(rule, ORDER)}; rules: {', '.join(ORDER)}")
    return frozenset(r for r in ORDER if value.get(r, r in DEFAULT_ON))


def _paths(value: Any, where: str, base: Path) -> tuple[Path, ...]:
    return tuple((base / _name(p, where)).resolve() for p in _strings(value, where, base))


def _fail_on(value: Any, where: str, base: Path) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"{where}: expected one of {', '.join(map(repr, FAIL_ON))}")
    return str(value)


_PARSE = {
    "fail-on": _fail_on,
    "words": _strings,
    "ignore": _strings,
    "people": _entities,
    "places": _entities,
    "prefer": _prefer,
    "style": _style,
    "rules": _rules,
    "gazetteers": _paths,
    "exclude": _globs,
}


def _closest(word: str, valid: tuple[str, ...]) -> str:
    import difflib  # (imported here, as tomllib in _toml: a run without a config needs neither)

    close = difflib.get_close_matches(word, valid, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _toml() -> Any:
    """The TOML parser, imported when a file is read (a folder without a config needs none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def _read(path: Path) -> dict[str, Any]:
    tomllib = _toml()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(CONFIG_MAX_BYTES + 1)  # (--config /dev/zero read until memory ran out)
        if len(raw) > CONFIG_MAX_BYTES:
            raise ConfigError(f"{path}: config larger than {CONFIG_MAX_BYTES // 1_000_000} MB; is it the right file?")
        # A byte order mark, as some Windows editors write, is no TOML statement: read past it.
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8-sig"))
        return data
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config ({e.strerror})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except UnicodeDecodeError as e:
        raise ConfigError(_not_utf8(path, e)) from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML (arrays or tables nested too deeply)") from None


def _not_utf8(path: Path, e: UnicodeDecodeError) -> str:
    return f"{path}: not valid TOML (not UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start})"


# --- add_word: a text edit, so comments and layout survive -------------------------------

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\n]+?)[ \t]*\]\]?[ \t]*(?:#[^\n]*)?$", re.M)


def add_word(config_path: Path, word: str) -> None:
    """Append ``word`` to the ``words`` list of the project config (created when missing)."""
    add_to_list(config_path, "words", word)


def add_to_list(config_path: Path, key: str, value: str) -> None:
    """Append ``value`` to the list ``key`` of the config file, editing it as text."""
    if "\n" in value or '"' in value or "\\" in value or not value.strip():
        raise ConfigError(f"cannot add {value!r}: it must have no quotes, backslashes or line breaks")
    try:
        raw = config_path.read_bytes().decode("utf-8") if config_path.exists() else ""
    except UnicodeDecodeError as e:
        raise ConfigError(_not_utf8(config_path, e)) from None
    except OSError as e:
        raise ConfigError(f"{config_path}: cannot read config ({e.strerror})") from None
    mark = raw[:1] if raw.startswith("\ufeff") else ""
    text = raw[len(mark) :].replace("\r\n", "\n")
    if value in _raw_list(config_path, text, key):
        return
    new = _with_item(text, key, value, "tool.normalize" if config_path.name == "pyproject.toml" else None)
    if value not in _raw_list(config_path, new, key):  # never write a file that lost its meaning
        raise ConfigError(f"{config_path}: could not add {value!r} to {key!r}; add it by hand")
    from_text(config_path, new)  # and never one that no longer loads
    _write(config_path, mark + _line_ends_kept(raw[len(mark) :], text, new))


def _line_ends_kept(raw: str, text: str, new: str) -> str:
    """``new``, which is ``text`` (``raw`` read with its CRLFs as LFs) with one insertion, with
    ``raw``'s line endings: every old line's as it was, and the new lines' CRLF when most of the
    file's are (a Windows user's pyproject.toml came back with LF throughout: a diff of every line)."""
    if "\r\n" not in raw:
        return new
    at = len(os.path.commonprefix([text, new]))
    added = new[at : at + len(new) - len(text)]
    if new[at + len(added) :] != text[at:]:  # (not one insertion: _with_item makes no other)
        return new.replace("\n", "\r\n")
    start = 0  # where, in raw, the line that holds the insertion starts
    for _ in range(text.count("\n", 0, at)):
        start = raw.index("\n", start) + 1
    raw_at = start + at - (text.rfind("\n", 0, at) + 1)
    ending = "\r\n" if 2 * raw.count("\r\n") >= raw.count("\n") else "\n"
    return raw[:raw_at] + added.replace("\n", ending) + raw[raw_at:]


def _table(path: Path, text: str) -> dict[str, Any]:
    """The settings table of a config file's text: all of it, or [tool.normalize] of pyproject.toml."""
    tomllib = _toml()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML (arrays or tables nested too deeply)") from None
    return _settings(path, data)


def _raw_list(path: Path, text: str, key: str) -> list[Any]:
    value = _table(path, text).get(key, [])
    return value if isinstance(value, list) else []


def from_text(path: Path, text: str) -> Config:
    return apply(Config(), _table(path, text), str(path), base=path.parent)


def _with_item(text: str, key: str, word: str, table: str | None) -> str:
    start, end = _section(text, table)
    if start < 0:
        sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        return f'{text}{sep}[{table}]\n{key} = ["{word}"]\n'
    m = re.compile(rf"^(\s*{key}\s*=\s*\[)(.*?)(\])", re.M | re.S).search(text, start, end)
    if m is None:
        return f'{text[:start]}{key} = ["{word}"]\n{text[start:]}'
    inner = m.group(2)
    body = inner.rstrip()
    comma = "" if not body.strip() or body.endswith(",") else ","
    if "\n" in inner:  # a list written one item a line: add a line the same way
        indent = re.findall(r"\n([ \t]*)\S", inner)
        pad = indent[-1] if indent else "    "
        return f'{text[: m.start(2)]}{body}{comma}\n{pad}"{word}",{inner[len(body) :]}{text[m.end(2) :]}'
    space = " " if body.strip() else ""
    return f'{text[: m.start(2)]}{body}{comma}{space}"{word}"{inner[len(body) :]}{text[m.end(2) :]}'


def _section(text: str, table: str | None) -> tuple[int, int]:
    """Where the body of ``table`` (None: the top level) starts and ends; (-1, -1) if absent."""
    headers = list(_HEADER.finditer(text))
    if table is None:
        return 0, headers[0].start() if headers else len(text)
    for i, h in enumerate(headers):
        if h.group(1).replace(" ", "").replace('"', "") == table:
            end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
            return h.end() + 1 if h.end() < len(text) else h.end(), end
    return -1, -1


def _write(path: Path, text: str) -> None:
    """Replace the config file with ``text``; ConfigError when it cannot be written (a folder
    not writable, a full disk), the file as it was and no temporary file left."""
    import tempfile  # here: its imports cost every start-up, and few runs write a config

    path = Path(os.path.realpath(path))  # a symlinked config: write its target, keep the link
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:  # a new file gets the mode any new file would get (mkstemp's is 0600)
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise ConfigError(f"{path}: cannot write config ({e.strerror or e})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask
