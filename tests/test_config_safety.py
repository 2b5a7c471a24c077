"""A repository's config cannot read files outside it, hang, or leak content (issue 15,
items 12 and 13); bad values are one line naming the key."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from normalize import config as cfg
from normalize.config import ConfigError
from normalize.gazetteer import read

SECRET = "tok_9f8e7d6c5b4a3f2e1d0c"  # planted in the environment of every run below


def _repo(tmp_path: Path, gazetteer: str) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".normalize.toml").write_text(f"gazetteers = [{gazetteer!r}]\n")
    (repo / "story.txt").write_text("Kremlin spokesman Kmitry Peskov said.\n")
    return repo


def _outside_csv(tmp_path: Path) -> str:
    p = tmp_path / "elsewhere.csv"
    p.write_text(f"name,description\nAnatoly {SECRET},private row\n")
    return str(p)


def _fifo(tmp_path: Path) -> str:
    p = tmp_path / "pipe"
    os.mkfifo(p)
    return str(p)


_OPENS: list[list[tuple[str, int]]] = []  # while a block listens: the (real path, flags) of each open
_FORBIDDEN: set[str] = set()  # real paths the block must not open
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not _OPENS or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path, flags = os.path.realpath(os.fsdecode(args[0])), args[2] or 0
    _OPENS[-1].append((path, flags))
    if path in _FORBIDDEN:  # (raised in the opener: the test fails rather than waits or reads forever)
        raise AssertionError(f"opened {path}")
    if os.path.exists(path) and stat.S_ISFIFO(os.stat(path).st_mode) and not flags & os.O_NONBLOCK:
        raise AssertionError(f"opened the pipe {path} to wait for a writer")


@contextmanager
def _opens(forbidden: str | None = None) -> Iterator[list[tuple[str, int]]]:
    """Each file the block opens, through any of Python's ways to open one (the "open" audit
    event of open, io.open and os.open): a refusal is checked by what it opens, not by how
    long it takes (a busy machine made a limit of a second fail)."""
    if not _HOOKED:
        sys.addaudithook(_audit)  # (for the rest of the session: a hook cannot be removed)
        _HOOKED.append(True)
    _OPENS.append([])
    _FORBIDDEN.update([os.path.realpath(forbidden)] if forbidden else [])
    try:
        yield _OPENS[-1]
    finally:
        _OPENS.pop()
        _FORBIDDEN.clear()


TARGETS = {
    "environ": lambda tmp: "/proc/self/environ",
    "passwd": lambda tmp: "/etc/passwd",
    "zero": lambda tmp: "/dev/zero",
    "fifo": _fifo,
    "outside": _outside_csv,
}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_a_discovered_config_names_only_files_inside_its_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Refused before the file is opened (a fifo would wait for a writer, /dev/zero never end)."""
    monkeypatch.setenv("NORMALIZE_TEST_TOKEN", SECRET)
    target = TARGETS[name](tmp_path)
    repo = _repo(tmp_path, target)
    with pytest.raises(ConfigError) as e, _opens(forbidden=target) as opened:
        cfg.load(repo / "story.txt")
    assert os.path.realpath(target) not in [path for path, _ in opened]
    message = str(e.value)
    assert "\n" not in message and "is outside the repository" in message and SECRET not in message


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_the_cli_refuses_in_one_line_without_the_secret(tmp_path: Path, name: str) -> None:
    """The whole process, the secret in its environment: one line, exit 2, no hang."""
    repo = _repo(tmp_path, TARGETS[name](tmp_path))
    env = {**os.environ, "NORMALIZE_TEST_TOKEN": SECRET}
    done = subprocess.run(
        [sys.executable, "-c", "from normalize.cli import main; main()", "check", "story.txt"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert SECRET not in done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("normalize: error: ") and "outside the repository" in lines[0]


@pytest.mark.parametrize("name", ["environ", "passwd", "zero", "fifo"])
def test_an_explicit_gazetteer_is_still_refused_without_quoting_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """--config vouches for files outside the repository, not for devices, pipes or content."""
    monkeypatch.setenv("NORMALIZE_TEST_TOKEN", SECRET)
    path = Path(TARGETS[name](tmp_path))
    with pytest.raises(ConfigError) as e, _opens() as opened:
        read(path)
    # Opened without waiting for a writer, and a device or pipe is refused before any read.
    flags = [f for p, f in opened if p == os.path.realpath(path)]
    assert flags and all(f & os.O_NONBLOCK for f in flags)
    if name in ("zero", "fifo"):
        assert str(e.value) == f"{path}: a gazetteer must be a regular file"
    message = str(e.value)
    assert "\n" not in message and SECRET not in message and "root:" not in message


def test_an_explicit_config_may_name_a_file_outside(tmp_path: Path) -> None:
    outside = _outside_csv(tmp_path)
    repo = _repo(tmp_path, outside)
    config = cfg.load(repo / "story.txt", explicit=repo / ".normalize.toml")
    assert config.gazetteers == (Path(outside),)
    assert [e.name for _, e in read(Path(outside))] == [f"Anatoly {SECRET}"]


def test_a_symlink_out_of_the_repository_is_outside(tmp_path: Path) -> None:
    outside = _outside_csv(tmp_path)
    repo = _repo(tmp_path, "people.csv")
    (repo / "people.csv").symlink_to(outside)
    with pytest.raises(ConfigError, match="is outside the repository"):
        cfg.load(repo / "story.txt")


def test_a_gazetteer_inside_the_repository_is_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "lists/people.csv")
    (repo / "lists").mkdir()
    (repo / "lists" / "people.csv").write_text("name\nOleksii Reznikov\n")
    assert cfg.load(repo / "story.txt").gazetteers == (repo / "lists" / "people.csv",)


def test_an_oversized_gazetteer_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("normalize.gazetteer.GAZETTEER_MAX_BYTES", 100)
    p = tmp_path / "big.csv"
    p.write_text("name\n" + "Reznikov\n" * 20)
    with pytest.raises(ConfigError, match=r"big.csv: gazetteer larger than"):
        read(p)


def test_an_endless_config_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --config /dev/zero read until memory ran out (SIGKILL, or 'internal error: MemoryError').
    story = tmp_path / "story.txt"
    story.write_text("Kremlin spokesman Kmitry Peskov said.\n")

    def limited() -> None:  # (so that a regression fails, and takes no other process down)
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "normalize", "check", "--config", "/dev/zero", str(story)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
    )
    said = "normalize: error: /dev/zero: config larger than 10 MB; is it the right file?\n"
    assert (done.returncode, done.stdout, done.stderr) == (2, "", said)
    monkeypatch.setattr(cfg, "CONFIG_MAX_BYTES", 100)
    big = tmp_path / "pyproject.toml"
    big.write_text("[tool.normalize]\nwords = [" + ", ".join(['"Kmitry"'] * 20) + "]\n")
    with pytest.raises(ConfigError, match="pyproject.toml: config larger than 0 MB"):
        cfg.from_file(big)
    assert cfg.load(explicit=Path("/dev/null")) == cfg.Config(path=Path("/dev/null"))  # (no config at all)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("people = [{ name = 'X', aliases = [1, 2] }]", r"people\[0\]\.aliases: expected a list of strings"),
        ("people = [{ name = 'X', aliases = { a = 'b' } }]", r"people\[0\]\.aliases: expected a list of strings"),
        ("places = ['']", r"places\[0\]: a name cannot be empty"),
        ("people = [{ name = '  ' }]", r"people\[0\]: a name cannot be empty"),
        ("people = [{ name = 'X', aliases = [''] }]", r"people\[0\]\.aliases: a name cannot be empty"),
        ("people = [{ name = 'X', description = 5 }]", r"people\[0\]\.description: expected a string"),
        ("rules = [1]", r"rules: expected a list of rule ids"),
        ("words = " + "[" * 5000 + "]" * 5000, r"nested too deeply"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / ".normalize.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as e:
        cfg.from_file(path)
    assert str(e.value).startswith(f"{path}: ") and "\n" not in str(e.value)


@pytest.mark.parametrize("text", ['[tool]\nnormalize = "x"\n', 'tool = "normalize"\n', "[tool]\nnormalize = [1]\n"])
def test_a_tool_normalize_that_is_no_table(tmp_path: Path, text: str) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    found = cfg.discover(tmp_path)
    if found is not None:
        with pytest.raises(ConfigError, match=r"tool\.normalize: expected a table"):
            cfg.from_file(found)
    with pytest.raises(ConfigError, match=r"tool\.normalize: expected a table"):
        cfg.from_file(path)


def test_a_gazetteer_that_is_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "people.csv"
    p.write_bytes("name\nMüller\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"people.csv: gazetteer is not valid UTF-8 \(at byte 6\); convert it$"):
        read(p)


def test_gazetteer_errors_quote_no_content(tmp_path: Path) -> None:
    p = tmp_path / "people.csv"
    p.write_text(f"{SECRET},other\nx,y\n")
    with pytest.raises(ConfigError) as e:
        read(p)
    assert SECRET not in str(e.value)
    p.write_text(f"name,kind\nX,{SECRET}\n")
    with pytest.raises(ConfigError, match=r"people.csv:2: kind must be") as e:
        read(p)
    assert SECRET not in str(e.value)


def test_a_gazetteer_that_is_a_folder_is_a_config_error(tmp_path: Path) -> None:
    # os.fdopen refused the folder before the regular-file test: "internal error: IsADirectoryError".
    folder = tmp_path / "people.tsv"
    folder.mkdir()
    with pytest.raises(ConfigError) as e:
        read(folder)
    assert str(e.value) == f"{folder}: a gazetteer must be a regular file"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('name,aliases,description\nDmitry Peskov,,"Kremlin spokesman\nOleksii Reznikov,,minister\n', 2),
        ('name\tkind\n\nZorya Bay\tplace\n"Vasyl Zorkovych\tperson\nOleksii Reznikov\tperson\n', 4),
        ('"name,aliases\nDmitry Peskov,\n', 1),
    ],
)
def test_a_lone_quote_in_a_gazetteer_names_its_line(tmp_path: Path, text: str, line: int) -> None:
    # The quote opened a field that took every later line into it: those people were lost
    # without a word ('gazetteer import' said "1 entries").
    p = tmp_path / "people.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        read(p)
    assert str(e.value) == (
        f'{p}:{line}: a quote (") opens a field that runs past the end of the line; '
        'close it, or write a quote inside a field as ""'
    )


def test_gazetteer_quotes_that_close_are_read(tmp_path: Path) -> None:
    p = tmp_path / "people.csv"
    p.write_text('name,description\n"Peskov, Dmitry","the ""Kremlin"" spokesman"\n\nZorkovych,Kyiv "mayor\n')
    assert [(e.name, e.description) for _, e in read(p)] == [
        ("Peskov, Dmitry", 'the "Kremlin" spokesman'),
        ("Zorkovych", 'Kyiv "mayor'),
    ]
    p.write_text("name,kind\nX,\n\nY,town\n")
    with pytest.raises(ConfigError, match=r"people.csv:4: kind must be"):  # the line, blank ones counted
        read(p)


def test_a_gazetteer_row_with_no_name_names_its_line(tmp_path: Path) -> None:
    # A row whose name was left empty (the alias typed one column early) was dropped without a
    # word: 'gazetteer import' said "1 entry" and Zelenskyy's alias was never known. A row with
    # nothing in it (a spreadsheet's trailing ",,,") is still passed over.
    p = tmp_path / "people.csv"
    p.write_text("name,aliases,description\nDmitry Peskov,,spokesman\n,Zelensky,President of Ukraine\n,,\n")
    with pytest.raises(ConfigError) as e:
        read(p)
    assert str(e.value) == f"{p}:3: a row with no name; give it one, or delete the row"
    p.write_text("name,aliases,description\nDmitry Peskov,,spokesman\n, ,\n")
    assert [e.name for _, e in read(p)] == ["Dmitry Peskov"]
