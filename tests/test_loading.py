"""Start-up: the compiled dictionaries are mapped, once per process, and nothing is written anywhere."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

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
