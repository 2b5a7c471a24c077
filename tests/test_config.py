"""Config discovery, validation, precedence, add_word's text edits, and user gazetteers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from normalize import config as cfg
from normalize.engine import Normalizer
from normalize.gazetteer import parse
from normalize.gazetteer_cli import gazetteer


def test_defaults_and_discovery(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.normalize]\nstyle = "ukrainian"\nwords = ["Zorya"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.md").write_text("text")
    c = cfg.load(sub / "x.md")
    assert c.style == "ukrainian" and c.words == ("Zorya",) and c.path == tmp_path / "pyproject.toml"
    (sub / ".normalize.toml").write_text("ignore = ['Foo']\n")
    assert cfg.load(sub / "x.md").ignore == ("Foo",)  # the nearest file wins, whole
    assert cfg.load(sub / "x.md").style is None
    assert cfg.load(None) == cfg.Config()


def test_discovery_stops_at_git(tmp_path: Path) -> None:
    (tmp_path / ".normalize.toml").write_text("words = ['Outer']\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert cfg.discover(repo) is None


def test_precedence(tmp_path: Path) -> None:
    found = tmp_path / ".normalize.toml"
    found.write_text("style = 'ukrainian'\nwords = ['A']\n")
    explicit = tmp_path / "other.toml"
    explicit.write_text("words = ['B']\n")
    assert cfg.load(tmp_path, explicit).words == ("B",)  # --config replaces discovery
    assert cfg.load(tmp_path, explicit).style is None
    assert cfg.load(tmp_path, None, {"style": "none"}).style is None  # command line last
    assert cfg.load(tmp_path).rules == cfg.DEFAULT_ON


@pytest.mark.parametrize(
    "text,message",
    [
        ("wrods = []", "did you mean 'words'"),
        ("style = 'ukranian'", "did you mean 'ukrainian'"),
        ("rules = { consistncy = true }", "did you mean 'consistency'"),
        ("people = [{ name = 'X', alias = ['Y'] }]", "did you mean 'aliases'"),
        ("words = 'Kyiv'", "list of strings"),
        ("prefer = ['Kyiv']", 'variant = "preferred"'),
    ],
)
def test_errors_name_the_closest_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / ".normalize.toml"
    path.write_text(text + "\n")
    with pytest.raises(cfg.ConfigError, match=message.replace("(", r"\(")):
        cfg.from_file(path)


def test_rules_table_and_list(tmp_path: Path) -> None:
    path = tmp_path / ".normalize.toml"
    path.write_text("rules = { consistency = false, lookalike = false, nfc = true }\n")
    assert cfg.from_file(path).rules == frozenset({"nfc", "style"})
    path.write_text("rules = ['spaces']\n")
    assert cfg.from_file(path).rules == cfg.DEFAULT_ON | {"spaces"}


@pytest.mark.parametrize(
    "before,after",
    [
        ("", '[tool.normalize]\nwords = ["Zorya"]\n'),
        ('[project]\nname = "x"\n', '[project]\nname = "x"\n\n[tool.normalize]\nwords = ["Zorya"]\n'),
        (
            '[tool.normalize]\n# keep me\nstyle = "ukrainian"\n',
            '[tool.normalize]\nwords = ["Zorya"]\n# keep me\nstyle = "ukrainian"\n',
        ),
        ('[tool.normalize]\nwords = ["A"]  # ours\n[x]\n', '[tool.normalize]\nwords = ["A", "Zorya"]  # ours\n[x]\n'),
        ('[tool.normalize]\nwords = [\n    "A",\n]\n', '[tool.normalize]\nwords = [\n    "A",\n    "Zorya",\n]\n'),
        ("[tool.normalize]\nwords = []\n", '[tool.normalize]\nwords = ["Zorya"]\n'),
    ],
)
def test_add_word_edits_text(tmp_path: Path, before: str, after: str) -> None:
    path = tmp_path / "pyproject.toml"
    if before:
        path.write_text(before)
    cfg.add_word(path, "Zorya")
    assert path.read_text() == after
    cfg.add_word(path, "Zorya")  # twice is once
    assert path.read_text() == after


def test_add_word_dot_file(tmp_path: Path) -> None:
    path = tmp_path / ".normalize.toml"
    path.write_text('style = "ukrainian"\n\n[prefer]\nKiev = "Kyiv"\n')
    cfg.add_word(path, "Zorya")
    assert cfg.from_file(path).words == ("Zorya",) and cfg.from_file(path).prefer == (("Kiev", "Kyiv"),)


def test_a_config_not_in_utf8_is_a_config_error(tmp_path: Path) -> None:
    # TOML is UTF-8: a Latin-1 config was an "internal error: UnicodeDecodeError".
    path = tmp_path / ".normalize.toml"
    path.write_bytes('words = ["Caf\u00e9"]\n'.encode("latin-1"))
    message = f"{path}: not valid TOML (not UTF-8: byte 0xe9 at offset 13)"
    with pytest.raises(cfg.ConfigError) as e:
        cfg.from_file(path)
    assert str(e.value) == message
    with pytest.raises(cfg.ConfigError) as e:
        cfg.add_word(path, "Zorya")
    assert str(e.value) == message
    assert path.read_bytes() == 'words = ["Caf\u00e9"]\n'.encode("latin-1")


def test_add_word_writes_through_a_symlinked_config(tmp_path: Path) -> None:
    shared = tmp_path / "team" / "normalize.toml"
    shared.parent.mkdir()
    shared.write_text('words = ["A"]\n')
    link = tmp_path / "repo" / ".normalize.toml"
    link.parent.mkdir()
    link.symlink_to(shared)
    cfg.add_word(link, "Zorya")
    assert link.is_symlink()  # the link stays a link ...
    assert shared.read_text() == 'words = ["A", "Zorya"]\n'  # ... and its target gets the word
    assert sorted(p.name for p in link.parent.iterdir()) == [".normalize.toml"]


def test_a_config_that_cannot_be_written_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An OSError (a folder not writable, a full disk) was 'internal error: PermissionError' in
    # fix --interactive and a traceback in the language server; the temporary file stayed.
    import os

    afile = tmp_path / "notes.txt"
    afile.write_text("x\n")
    with pytest.raises(cfg.ConfigError, match=r"notes\.txt/\.normalize\.toml: cannot write config \("):
        cfg.add_word(afile / ".normalize.toml", "Zorya")
    path = tmp_path / ".normalize.toml"
    path.write_text('words = ["A"]\n')

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(cfg.ConfigError) as e:
        cfg.add_word(path, "Zorya")
    assert str(e.value) == f"{path}: cannot write config (No space left on device)"
    assert path.read_text() == 'words = ["A"]\n' and sorted(os.listdir(tmp_path)) == [".normalize.toml", "notes.txt"]


def test_user_names_reach_the_engine_without_touching_the_default(tmp_path: Path) -> None:
    from normalize.engine import default

    base = default()
    before = len(base.lexicon.entries)
    c = cfg.Config(people=(cfg.Entity("Vasyl Zorkovych", ("Wasyl Zorkowycz",), "Mayor of Testville", "Q1"),))
    n = Normalizer.from_config(c)
    assert n.lexicon.knows("Zorkovych") and not base.lexicon.knows("Zorkovych")
    assert len(base.lexicon.entries) == before
    fixed = n.fix("Mayor Vasyl Zorkovyh said Vasyl Zorkovych agreed.").fixed
    assert fixed == "Mayor Vasyl Zorkovych said Vasyl Zorkovych agreed."


def test_gazetteer_parse_csv_and_tsv() -> None:
    csv = "name,aliases,description,id\nVasyl Zorkovych,Wasyl Zorkowycz|W. Z.,Mayor,http://www.wikidata.org/entity/Q1\n"
    rows = parse(csv, "t")
    ((kind, e),) = rows
    assert kind == "person" and e.aliases == ("Wasyl Zorkowycz", "W. Z.") and e.id == "Q1"
    ((kind, e),) = parse("name\tkind\nZorya Bay\tplace\n", "t")
    assert kind == "place" and e.name == "Zorya Bay"
    with pytest.raises(cfg.ConfigError, match="header"):
        parse("who,what\n", "t")


def test_gazetteer_import_registers_in_config(tmp_path: Path) -> None:
    src = tmp_path / "officials.csv"
    src.write_text("name,aliases,description,id\nVasyl Zorkovych,,Mayor,Q1\n")
    conf = tmp_path / ".normalize.toml"
    result = CliRunner().invoke(gazetteer, ["import", str(src), "--config", str(conf)])
    assert result.exit_code == 0, result.output
    dest = tmp_path / ".normalize" / "gazetteer.tsv"
    assert result.stderr == f"normalize: {dest}: 1 entry, registered in {conf}\n"  # not "1 entries"
    c = cfg.from_file(conf)
    assert c.gazetteers == ((tmp_path / ".normalize" / "gazetteer.tsv").resolve(),)
    assert "Vasyl Zorkovych" in (tmp_path / ".normalize" / "gazetteer.tsv").read_text()
    assert Normalizer.from_config(c).lexicon.knows("Zorkovych")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # a Windows user's pyproject.toml came back with LF throughout: a diff of every line
            b'[project]\r\nname = "x"\r\n\r\n[tool.normalize]\r\nwords = ["Foo"]\r\n',
            b'[project]\r\nname = "x"\r\n\r\n[tool.normalize]\r\nwords = ["Foo", "Zorya"]\r\n',
        ),
        (  # a new table, in the file's line endings
            b'[project]\r\nname = "x"\r\n',
            b'[project]\r\nname = "x"\r\n\r\n[tool.normalize]\r\nwords = ["Zorya"]\r\n',
        ),
        (  # mixed: each old line as it was, the new one as most of them
            b'# notes\n[tool.normalize]\nwords = [\r\n    "Foo",\r\n]\r\nstyle = "ukrainian"\r\n',
            b'# notes\n[tool.normalize]\nwords = [\r\n    "Foo",\r\n    "Zorya",\r\n]\r\nstyle = "ukrainian"\r\n',
        ),
        (  # a byte order mark (some Windows editors write one) stays, and the file loads
            b'\xef\xbb\xbf[tool.normalize]\r\nwords = ["Foo"]\r\n',
            b'\xef\xbb\xbf[tool.normalize]\r\nwords = ["Foo", "Zorya"]\r\n',
        ),
    ],
)
def test_add_word_keeps_line_endings_and_byte_order_mark(tmp_path: Path, before: bytes, after: bytes) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(before)
    cfg.add_word(path, "Zorya")
    assert path.read_bytes() == after
    assert cfg.from_file(path).words[-1] == "Zorya"


def test_a_config_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    # tomllib took the mark for a statement: "not valid TOML (Invalid statement (at line 1, column 1))".
    (tmp_path / ".git").mkdir()
    (tmp_path / ".normalize.toml").write_bytes(b'\xef\xbb\xbfwords = ["Zorya"]\r\n')
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.normalize]\nstyle = "ukrainian"\n')
    assert cfg.load(tmp_path / "x.md").words == ("Zorya",)
    (tmp_path / ".normalize.toml").unlink()
    assert cfg.load(tmp_path / "x.md").style == "ukrainian"
