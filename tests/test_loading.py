"""Start-up: the compiled dictionaries are mapped, once per process, and nothing is written anywhere."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from normalize import lexicon
from normalize.errors import DictionaryError

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Kremlin spokesman Kmitry Peskov said the goverment met.\n"


def _snapshot(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def test_nothing_is_written_to_a_read_only_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    home.chmod(stat.S_IRUSR | stat.S_IXUSR)  # read-only (root may still write: the snapshot tells)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NORMALIZE_"))}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    before = _snapshot(tmp_path)
    try:
        cli = subprocess.run(
            [sys.executable, "-c", "from normalize.cli import main; main()", "check", str(story)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )
        code = f"import normalize; print(normalize.fix({TEXT!r}).fixed)"
        lib = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path
        )
    finally:
        home.chmod(stat.S_IRWXU)
    assert cli.returncode == 1, cli.stderr
    assert "'Kmitry' -> 'Dmitry'" in cli.stdout and "'goverment' -> 'government'" in cli.stdout
    assert lib.stdout == "Kremlin spokesman Dmitry Peskov said the government met.\n\n", lib.stderr
    assert _snapshot(tmp_path) == before  # neither the home directory nor anything beside it changed


def test_eight_threads_load_the_dictionaries_once() -> None:
    code = """
import threading
import normalize, normalize.lexicon as lexicon, normalize.engine as engine
opened, built = [], []
real_open, real_build = lexicon._open, engine.Normalizer.from_config
lexicon._open = lambda d: opened.append(d) or real_open(d)
engine.Normalizer.from_config = classmethod(lambda cls, c: built.append(c) or real_build(c))
results, start = [], threading.Barrier(8)
def work():
    start.wait()
    results.append(normalize.check("Kremlin spokesman Kmitry Peskov said so.").findings)
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(opened), len(built), len(results), len({repr(r) for r in results}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.stdout.split() == ["1", "1", "8", "1"], out.stderr


def test_the_dictionaries_are_mapped_not_parsed() -> None:
    import normalize.engine

    lexicon = normalize.engine.default().lexicon
    assert lexicon.compiled is not None
    assert type(lexicon.words).__name__ == "_Values"  # a view of the mapped file, not a dict


def test_a_checkout_without_the_compiled_file_says_how_to_build_it(tmp_path: Path) -> None:
    """A source checkout used without installing: one line naming the command, exit 2, no traceback."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "normalize", checkout / "normalize", ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / "dictionaries").mkdir()
    for source in (ROOT / "dictionaries").iterdir():
        if source.suffix in (".tsv", ".json"):
            (checkout / "dictionaries" / source.name).symlink_to(source)
    (checkout / "scripts").mkdir()
    (checkout / "scripts" / "compile_dictionaries.py").touch()
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", "from normalize.cli import main; main()", "check", str(story)],
        env={**os.environ, "PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert out.returncode == 2, out.stderr
    (line,) = out.stderr.splitlines()
    assert "compiled.bin not found" in line and f"pip install -e {checkout}" in line, line


def test_a_compiled_file_of_other_dictionaries_is_not_used(tmp_path: Path) -> None:
    for name in (*lexicon.FILES, lexicon.COMPILED):
        (tmp_path / name).symlink_to(ROOT / "dictionaries" / name)
    (tmp_path / "words.tsv").unlink()
    words = (ROOT / "dictionaries" / "words.tsv").read_text(encoding="utf-8")
    (tmp_path / "words.tsv").write_text(words + "zzyzx\t1.00\trare\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="compiled from other TSVs: reinstall normalize-prose"):
        lexicon.load(tmp_path)


def test_a_peek_answers_as_membership_and_is_not_remembered() -> None:
    import normalize.engine

    words = normalize.engine.default().lexicon.words
    for key in ("government", "gover", "governmentsaid", "the"):
        remembered = key in words._memo  # type: ignore[attr-defined]
        assert lexicon.peek(words, key) == (key in {"government", "the"})
        if not remembered:
            assert key not in words._memo  # type: ignore[attr-defined]
    assert lexicon.peek({"a": 1}, "a") and not lexicon.peek({"a": 1}, "b")


def test_rows_made_past_the_limit_are_made_again_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import normalize.engine

    spellings = normalize.engine.default().lexicon.spellings
    monkeypatch.setattr(type(spellings), "LIMIT", 10)
    rows = range(5_000, 5_050)
    assert [spellings[i] for i in rows] == [spellings._make(i) for i in rows]  # type: ignore[attr-defined]
    assert len(spellings._made) <= 10  # type: ignore[attr-defined]
    assert [spellings[i] for i in rows] == [spellings._make(i) for i in rows]  # type: ignore[attr-defined]


def test_checking_a_short_file_starts_no_process_machinery(tmp_path: Path) -> None:
    """multiprocessing (with pickle, socket, selectors) is imported only where workers are
    forked: a pre-commit hook's check of a short file pays nothing for it at start-up."""
    story = tmp_path / "story.txt"
    story.write_text("The goverment agreed.\n", encoding="utf-8")
    code = (
        f"import sys\nfrom normalize.cli import main\nsys.argv = ['normalize', 'check', {str(story)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('multiprocessing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False"


FORGET = """
import json, sys
from pathlib import Path
from normalize import lexicon
from normalize.mapped import Mapped

path = Path(sys.argv[1])

def resident():  # KiB of the file's mappings resident in this process
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if not line.split(":")[0].isalpha():  # a mapping's first line: "addr-addr perms offset dev inode path"
            inside = line.endswith(str(path))
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total

compiled = Mapped(path)
keys = ("government", "the", "kyiv", "gover", "zzyzx", "minister")
words = lexicon.mapped(compiled).words
before = [(key in words, words.get(key)) for key in keys]
offsets = compiled["words.offsets"]
sum(offsets[k] for k in range(0, len(offsets), 256))  # touch the pages of one section
touched = resident()
compiled.forget()
forgotten = resident()
words = lexicon.mapped(compiled).words  # (new views: nothing remembered)
print(json.dumps([touched, forgotten, before == [(key in words, words.get(key)) for key in keys]]))
"""


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="needs Linux's /proc/self/smaps")
def test_forgotten_pages_leave_the_resident_set_and_answers_stay() -> None:
    """A long text's passes and pieces forget the dictionary pages they read (engine.py):
    the process's resident set loses them, and what is looked up after is the same."""
    path = ROOT / "dictionaries" / lexicon.COMPILED
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", FORGET, str(path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    touched, forgotten, same = json.loads(done.stdout)
    assert touched >= 512 and forgotten < touched // 4, (touched, forgotten)
    assert same


def test_a_key_table_finds_its_keys_and_only_them_with_or_without_its_filter() -> None:
    """mapped.KeyTable's bit filter (``.seen``) answers a string that is no key without a
    probe; it never turns a key away, and a file compiled before it (no ``.seen``) answers alike."""
    from normalize.mapped import KeyTable, Mapped, key_sections, pack

    keys = [f"word{i}" for i in range(3000)] + ["Kyiv", "Zelenskyy", "naïve", "\udcff"]
    others = [f"word{i}" for i in range(3000, 9000)] + ["kyiv", "Kyiv ", "", "naive"]
    sections = key_sections("t", keys)
    bare = {n: s for n, s in sections.items() if not n.endswith(".seen")}
    for table in (KeyTable(Mapped.of_bytes(pack(s, {})), "t") for s in (sections, bare)):
        assert [table.probe(k) for k in keys] == list(range(len(keys)))
        assert all(table.probe(k) == -1 for k in others)
    filtered = KeyTable(Mapped.of_bytes(pack(sections, {})), "t")
    seen = filtered._seen
    assert seen is not None
    assert 0 < sum(bin(b).count("1") for b in seen) <= len(keys)


TRIM = """
import json
from normalize import engine, fanout

def anon():  # KiB of this process's anonymous memory resident
    return int(next(line for line in open("/proc/self/status") if line.startswith("RssAnon")).split()[1])

held = [bytearray(1000) for _ in range(100_000)]  # C heap, not Python's small-object arenas
kept = held[::50]  # one in 50 stays: the freed ones' pages lie among live ones
del held
before = anon()
fanout.trim()
after = anon()
trims = []
fanout.trim = lambda: trims.append(1)
for _ in range(10):
    engine._forget_pages(engine.default().lexicon, engine.PIECE // 4)  # a trim each fourth short part
print(json.dumps([before, after, len(trims), len(kept)]))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc/self/status")
def test_a_trim_gives_freed_heap_pages_back_and_workers_trim_once_a_piece() -> None:
    """Before a long text's workers fork, and in a worker once it has read about a piece,
    the heap's free pages leave the resident set (fanout.trim): a forked worker maps every
    resident page of the process it forks from."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", TRIM], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before, after, trims, _ = json.loads(done.stdout)
    import platform

    if platform.libc_ver()[0] == "glibc":
        assert after < before - 50_000, (before, after)  # some 100 MB freed, 2 MB kept
    assert trims == 2


def test_the_accented_name_words_are_compiled_and_a_projects_own_are_layered_over_them() -> None:
    """decide.accent_slip reads the folded accented name words from the file (format 9: no table
    built at run time); a name a copy adds is found too, and the shared lexicon does not change."""
    from normalize import decide
    from normalize.forms import fold

    lex = lexicon.load()
    assert type(lex.accented).__name__ == "_Keys"  # a view of the mapped file
    assert set(lex.accented) == {fold(w) for w in lex.name_index if not w.isascii()}
    assert decide.accent_slip("Lajčak", lex) and not decide.accent_slip("Lajčák", lex)
    own = lex.copy()
    own.add_entity(["Vrđoňák Płeska"], ("own-1", "Vrđoňák Płeska", "person", "an invented person", "test"), 2.0)
    assert "vrdonak" in own.accented and "vrdonak" not in lex.accented
    assert decide.accent_slip("Vrđonák", own) and not decide.accent_slip("Vrđonák", lex)
