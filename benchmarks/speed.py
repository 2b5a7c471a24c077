"""How fast normalize is, beside codespell and typos, in the same run (issue 13's figures).

    python benchmarks/speed.py [--repeat 5] [--big-repeat 3] [--files 200] [--sentences 2000]
    python benchmarks/speed.py --cases big          # only the 10 MB case (the others: not measured)
    python benchmarks/speed.py --write-news FILE    # only write the 10 MB file, to profile on

Every figure is a whole process under ``/usr/bin/time`` (wall time and peak RSS), run
with an empty home directory (no cache can help), each tool in turn so that a busy
machine slows them alike; medians are reported, with each tool's ratio to codespell.
The peak RSS counts the pages of mapped files (normalize's compiled.bin) that the process
touched, which depends on the page cache's state as much as on the program: so the peaks of
its program data (``RssAnon``) and of its mapped files' pages (``RssFile``) are also given
apart, from ``/proc/PID/status`` read every ``SAMPLE`` seconds while it runs (the largest of
any one of its processes, as the peak RSS is; Linux only, else "-"; a peak shorter than a
sample can be missed).

1. start-up: ``check`` of the seed article (../shared/seed/article.txt), by the
   ``normalize`` beside this Python and by the one of a real pre-commit environment:
   pre-commit installs this checkout's HEAD (a commit: not the working tree) as
   .pre-commit-hooks.yaml says, with pip into its own virtualenv in a temporary
   PRE_COMMIT_HOME, as a user's hook gets it (``--no-pre-commit``: skip; it needs the
   network once, for pip);
2. 10 MB of news: dev documents of the three news-dev files (benchmarks/split.py's
   rule on the link, url, or title and date), repeated until 10 MB, in one file;
3. many small files: ``--files`` dev documents, one a file, in one folder; normalize
   with ``--jobs 1`` and ``--jobs 2``;
4. the library: a fresh process imports normalize and times its first ``check``, then
   ``--sentences`` dev sentences one call each (p50, p99, max).

codespell, typos and pre-commit come from the `bench` extra (all on PyPI). normalize is the
``normalize`` command beside this Python, else ``python -c 'from normalize.cli import main; main()'``.
Writes results/speed.md and .json and the README's latest results.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report, split  # noqa: E402

SHARED = Path(os.environ.get("NORMALIZE_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = SHARED.parent / "seed" / "article.txt"
TIME = "/usr/bin/time"
BIG = 10_000_000  # bytes of news
CASES = ("seed", "library", "files", "big")


def _dev_texts() -> Iterator[str]:
    """Dev documents of the three news-dev files, in file order, split as the accuracy benchmark
    splits them (``split.load``: held-out documents are for accuracy reports only)."""
    for corpus in split.CORPORA:
        for doc in split.load(part="dev", corpus=corpus):
            yield doc.text


def news_file(path: Path, texts: list[str], megabytes: float) -> None:
    """The one-file case's text: the dev documents, repeated until ``megabytes`` MB, in one file."""
    with open(path, "w", encoding="utf-8") as fh:
        written = 0
        while written < megabytes * 1e6:
            for text in texts:
                fh.write(text + "\n\n")
                written += len(text.encode("utf-8")) + 2
                if written >= megabytes * 1e6:
                    break


def _bin(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _tools() -> dict[str, list[str]]:
    normalize = _bin("normalize")
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from normalize.cli import main; main()"
    tools = {"normalize": [normalize, "check"] if normalize else [sys.executable, "-c", code, "check"]}
    for peer in ("codespell", "typos"):
        found = _bin(peer)
        if found:
            tools[peer] = [found]
    return tools


def _precommit_tool(work: Path) -> tuple[list[str] | None, str]:
    """The ``normalize check`` of a pre-commit environment made for this checkout's HEAD,
    and what went wrong when there is none."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if rev.returncode != 0:
        return None, "not a git checkout"
    repo, store = work / "hooked", work / "pre-commit-home"
    repo.mkdir()
    hook = f"repos:\n- repo: {ROOT}\n  rev: {rev.stdout.strip()}\n  hooks:\n  - id: normalize-check\n"
    (repo / ".pre-commit-config.yaml").write_text(hook, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NORMALIZE_", "PRE_COMMIT"))}
    env.update(HOME=str(work / "install-home"), PRE_COMMIT_HOME=str(store))
    for cmd in (["git", "init", "-q"], [sys.executable, "-m", "pre_commit", "install-hooks"]):
        done = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            return None, f"{' '.join(cmd[-2:])} failed: {(done.stdout + done.stderr).strip()[-200:]}"
    found = sorted(store.glob("repo*/py_env-*/bin/normalize"))
    return ([str(found[0]), "check"], "") if found else (None, "no normalize in the pre-commit environment")


SAMPLE = 0.01  # seconds between two reads of a running process's RssAnon and RssFile
RESCAN = 10  # samples between two looks for new processes in its tree (a look reads all of /proc)


class _Peaks:
    """The peak ``RssAnon`` and ``RssFile`` (KiB) of any one process of the tree under ``root``,
    sampled on a thread until ``stop``."""

    def __init__(self, root: int) -> None:
        self.root, self.anon, self.file = root, 0, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        tree: set[int] = {self.root}
        tick = 0
        while not self._done.is_set():
            if tick % RESCAN == 0 or tick < RESCAN:  # (often at first: a short process)
                tree |= _descendants(self.root)
            for pid in list(tree):
                rss = _rss(pid)
                if rss is None:
                    tree.discard(pid)
                    continue
                self.anon, self.file = max(self.anon, rss[0]), max(self.file, rss[1])
            tick += 1
            self._done.wait(SAMPLE)


def _rss(pid: int) -> tuple[int, int] | None:
    """(RssAnon, RssFile) of a process, in KiB; None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            fields = dict(line.split(":", 1) for line in fh if line.startswith(("RssAnon", "RssFile")))
    except OSError:
        return None
    try:
        return int(fields["RssAnon"].split()[0]), int(fields["RssFile"].split()[0])
    except (KeyError, ValueError):
        return None


def _descendants(root: int) -> set[int]:
    """The processes under ``root`` (its children, theirs...), from each one's parent in /proc."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    parents[int(name)] = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, new = set(), {root}
    while new:
        new = {pid for pid, parent in parents.items() if parent in new and pid not in found}
        found |= new
    return found


def _run(cmd: list[str], home: Path, cwd: Path) -> tuple[float, int, int | None, int | None]:
    """(wall seconds, peak RSS, peak RssAnon, peak RssFile in MiB; the last two None where /proc
    does not tell) of one process; exit status 0, or one that says it found something."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NORMALIZE_"))}
        env["HOME"] = str(home)
        proc = subprocess.Popen(
            [TIME, "-o", out.name, "-f", "%e %M", *cmd],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        peaks = _Peaks(proc.pid) if Path("/proc/self/status").exists() else None
        _, stderr = proc.communicate()
        if peaks is not None:
            peaks.stop()
        if proc.returncode not in (0, 1, 2, 65):  # 65: codespell found typos
            raise RuntimeError(f"{' '.join(cmd[:3])}: exit {proc.returncode}: {stderr.strip()[-300:]}")
        wall, rss = out.read().split()[-2:]
    if peaks is None or not peaks.anon:  # (no sample: not Linux, or a process too short)
        return float(wall), int(rss) // 1024, None, None
    return float(wall), int(rss) // 1024, peaks.anon // 1024, peaks.file // 1024


def _median_runs(cmds: dict[str, list[str]], repeat: int, home: Path, cwd: Path) -> dict[str, dict[str, Any]]:
    runs: dict[str, list[tuple[float, int, int | None, int | None]]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():  # interleaved: a busy machine slows every tool alike
            runs[name].append(_run(cmd, home, cwd))
    return {
        name: {
            "wall": round(statistics.median(r[0] for r in rs), 3),
            "rss": statistics.median(r[1] for r in rs),
            "rss_anon": _median_of(r[2] for r in rs),
            "rss_file": _median_of(r[3] for r in rs),
            "runs": len(rs),
        }
        for name, rs in runs.items()
    }


def _median_of(values: Iterable[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def _library(sentences: int, home: Path) -> dict[str, Any]:
    texts = []
    for text in _dev_texts():
        texts += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.replace("\n", " ")) if len(s.split()) >= 4]
        if len(texts) >= sentences:
            break
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
sentences = json.loads(sys.stdin.read())
t0 = time.perf_counter()
import normalize
t1 = time.perf_counter()
normalize.check(sentences[0])
t2 = time.perf_counter()
times = []
for s in sentences[1:]:
    t = time.perf_counter()
    normalize.check(s)
    times.append(time.perf_counter() - t)
print(json.dumps({{"import": t1 - t0, "first": t2 - t1, "times": times}}))
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NORMALIZE_"))}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts[: sentences + 1]),
        text=True,
        capture_output=True,
        env={**env, "HOME": str(home)},
        check=True,
    )
    data = json.loads(proc.stdout)
    times = sorted(data["times"])
    return {
        "import_s": round(data["import"], 3),
        "first_call_s": round(data["first"], 3),
        "sentences": len(times),
        "p50_ms": round(1000 * times[len(times) // 2], 2),
        "p99_ms": round(1000 * times[int(len(times) * 0.99)], 2),
        "max_ms": round(1000 * times[-1], 1),
        "over_100ms": sum(t > 0.1 for t in times),
    }


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}×" if base else "-"


@click.command()
@click.option("--repeat", type=int, default=5, show_default=True, help="runs of the start-up and small-file cases")
@click.option("--big-repeat", type=int, default=3, show_default=True, help="runs of the 10 MB case")
@click.option("--files", "n_files", type=int, default=200, show_default=True)
@click.option("--sentences", type=int, default=2000, show_default=True)
@click.option("--big-mb", type=float, default=BIG / 1e6, show_default=True, help="size of the one-file case")
@click.option(
    "--pre-commit/--no-pre-commit", "pre_commit", default=True, help="also time a pre-commit environment's start-up"
)
@click.option(
    "--cases",
    default=",".join(CASES),
    show_default=True,
    help="the cases to measure, comma-separated (the others are reported as not measured)",
)
@click.option(
    "--write-news",
    type=click.Path(dir_okay=False, path_type=Path),
    help="only write the one-file case's text (--big-mb MB) to this file, and measure nothing",
)
def main(
    repeat: int,
    big_repeat: int,
    n_files: int,
    sentences: int,
    big_mb: float,
    pre_commit: bool,
    cases: str,
    write_news: Path | None,
) -> None:
    wanted = {c.strip() for c in cases.split(",") if c.strip()}
    if not wanted <= set(CASES):
        raise click.UsageError(f"--cases: unknown {', '.join(sorted(wanted - set(CASES)))} (known: {', '.join(CASES)})")
    if write_news is not None:
        news_file(write_news, list(_dev_texts()), big_mb)
        return
    if not Path(TIME).exists():
        raise SystemExit(f"{TIME} not found: apt-get install time")
    tools = _tools()
    # Bytecode as an installed package has it (a checkout run with PYTHONDONTWRITEBYTECODE has none):
    # this checkout's, and that of the package the `normalize` command imports (an editable
    # install of another checkout has its own, possibly stale, bytecode).
    installed = "import compileall, os, normalize; compileall.compile_dir(os.path.dirname(normalize.__file__), quiet=1)"
    for cmd, cwd in (
        ([sys.executable, "-m", "compileall", "-q", str(ROOT / "normalize")], None),
        ([sys.executable, "-c", installed], tempfile.gettempdir()),
    ):
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=cwd)
    with tempfile.TemporaryDirectory() as tmp:
        work, home = Path(tmp), Path(tmp) / "home"
        home.mkdir()
        big, texts = work / "news.txt", list(_dev_texts())
        news_file(big, texts, big_mb)
        folder = work / "files"
        folder.mkdir()
        for i, text in enumerate(texts[:n_files]):
            (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        words_big = len(big.read_text(encoding="utf-8").split())
        words_files = sum(len(t.split()) for t in texts[:n_files])

        data: dict[str, Any] = {
            "seed": {},
            "big": {},
            "files": {},
            "library": {},
            "big_mb": big_mb,
            "big_words": words_big,
            "n_files": n_files,
            "files_words": words_files,
        }

        def write() -> None:  # after each case: a long run that is stopped keeps what it measured
            data["load_average"] = os.getloadavg()
            md = _markdown(data, repeat, big_repeat)
            if wanted == set(CASES):  # (a partial run leaves results/ and the README as they are)
                report.write_section("speed", md, data)
            click.echo(md)

        if "seed" in wanted:
            starting = dict(tools)
            if pre_commit:
                hooked, why = _precommit_tool(work)
                if hooked is not None:
                    starting["normalize (pre-commit env)"] = hooked
                data["pre_commit"] = why or "measured"
            data["seed"] = _median_runs({n: [*c, str(SEED)] for n, c in starting.items()}, repeat, home, work)
        if "library" in wanted:
            data["library"] = _library(sentences, home)
        write()
        if "files" in wanted:
            many = {n: [*c, "files"] for n, c in tools.items() if n != "normalize"}
            many["normalize --jobs 1"] = [*tools["normalize"], "--jobs", "1", "files"]
            many["normalize --jobs 2"] = [*tools["normalize"], "--jobs", "2", "files"]
            data["files"] = _median_runs(many, repeat, home, work)
            write()
        if "big" in wanted:
            data["big"] = _median_runs({n: [*c, "news.txt"] for n, c in tools.items()}, big_repeat, home, work)
            write()


def _markdown(d: dict[str, Any], repeat: int, big_repeat: int) -> str:
    rows = []
    cases = (
        ("seed", f"start-up: `check` of the seed article (median of {repeat})"),
        ("big", f"{d['big_mb']} MB of news in one file, {d['big_words']:,} words (median of {big_repeat})"),
        ("files", f"{d['n_files']} files of news, {d['files_words']:,} words (median of {repeat})"),
    )
    for case, label in cases:
        if not d[case]:
            rows.append([label, "(not measured)", "", "", "", "", "", ""])
            continue
        base = d[case].get("codespell", {}).get("wall")
        base_rss = d[case].get("codespell", {}).get("rss")
        for tool, r in d[case].items():
            rows.append(
                [
                    label,
                    tool,
                    f"{r['wall']:.2f}",
                    _ratio(r["wall"], base),
                    f"{r['rss']:.0f}",
                    _ratio(r["rss"], base_rss),
                    _mib(r.get("rss_anon")),
                    _mib(r.get("rss_file")),
                ]
            )
            label = ""
    one, two = d["files"].get("normalize --jobs 1"), d["files"].get("normalize --jobs 2")
    speedup = f"{one['wall'] / two['wall']:.2f}×" if one and two else "-"
    lib = d["library"] or {
        k: "-" for k in ("import_s", "first_call_s", "sentences", "p50_ms", "p99_ms", "max_ms", "over_100ms")
    }
    load = ", ".join(f"{x:.1f}" for x in d["load_average"])
    hooked = d.get("pre_commit", "not asked for (--no-pre-commit)")
    if hooked != "measured":
        rows.insert(
            len(d["seed"]) if d["seed"] else 1, ["", f"normalize (pre-commit env): {hooked}", "", "", "", "", "", ""]
        )
    table = report.table(
        ["case", "tool", "wall s", "× codespell", "peak MiB", "× codespell", "data MiB", "mapped MiB"], rows
    )
    return f"""## Speed: normalize beside codespell and typos

Whole processes under `/usr/bin/time`, empty home directory, tools interleaved, medians;
peak MiB is the peak RSS, data MiB the peak of the program's own data (RssAnon), mapped MiB
the peak of its mapped files' pages (RssFile: libraries, and normalize's compiled.bin as the page cache has it);
"pre-commit env" is the `normalize` that pre-commit installs from .pre-commit-hooks.yaml (pip, its own virtualenv)
(load average when written: {load}; the machine's 2 cores are shared).

{table}

- Many files: `--jobs 2` is **{speedup}** as fast as `--jobs 1`.
- Library (a fresh process): `import normalize` {lib["import_s"]} s; first `check` **{lib["first_call_s"]} s**;
  then {lib["sentences"]} dev sentences one call each: p50 {lib["p50_ms"]} ms, **p99 {lib["p99_ms"]} ms**,
  max {lib["max_ms"]} ms, {lib["over_100ms"]} calls over 100 ms.
"""


if __name__ == "__main__":
    main()
