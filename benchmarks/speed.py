"""How fast normalize is: a whole CLI process, and in-process throughput.

    python benchmarks/speed.py [--file FILE] [--repeat 5] [--docs N]

1. ``normalize check FILE`` (default: the seed article) as a fresh process
   under ``/usr/bin/time -v``, repeated; the median wall time and maximum RSS
   are reported. It includes interpreter start and dictionary loading. The
   installed ``normalize`` command is used when it is on PATH next to this
   Python, else ``python -c 'from normalize.cli import main; main()'`` on the
   checkout. Exit status 0 or 1 (findings) both count as a run.
2. In process: the time to build the default ``Normalizer`` (dictionary
   loading), then words per second of ``normalize.check`` over held-out docs.
Writes results/speed.md and .json and rebuilds results/latest.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report, split  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
TIME = "/usr/bin/time"


def _command(path: Path) -> tuple[list[str], str]:
    exe = Path(sys.executable).parent / "normalize"
    if exe.exists():
        return [str(exe), "check", str(path)], "normalize check (installed entry point)"
    if shutil.which("normalize") and os.environ.get("BENCH_USE_PATH_NORMALIZE"):
        return ["normalize", "check", str(path)], "normalize check (from PATH)"
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from normalize.cli import main; main()"
    return [sys.executable, "-c", code, "check", str(path)], "python -c 'from normalize.cli import main; main()' check"


def _is_report(stdout: str) -> bool:
    """Exit 1 also means a crash at import: only a JSON report proves the check ran."""
    try:
        return "findings" in json.loads(stdout)
    except ValueError:
        return False


def _parse_time_v(stderr: str) -> tuple[float, int]:
    wall = re.search(r"Elapsed \(wall clock\) time.*?: (?:(\d+):)?(\d+):([\d.]+)", stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if not wall or not rss:
        raise RuntimeError("could not read /usr/bin/time -v output")
    h, m, s = wall.groups()
    return int(h or 0) * 3600 + int(m) * 60 + float(s), int(rss.group(1))


def process_timing(path: Path, repeat: int) -> dict:
    if not Path(TIME).exists():
        return {"error": f"{TIME} not found (apt-get install time)"}
    cmd, label = _command(path)
    walls, rsss = [], []
    for _ in range(repeat):
        proc = subprocess.run([TIME, "-v", *cmd, "--format", "json"], capture_output=True, text=True)
        if proc.returncode not in (0, 1) or not _is_report(proc.stdout):
            tail = proc.stderr.strip().splitlines()[-12:-11] or proc.stderr.strip().splitlines()[:1]
            return {"error": f"exit {proc.returncode}: {' '.join(tail)[:300]}", "command": label}
        wall, rss = _parse_time_v(proc.stderr)
        walls.append(wall)
        rsss.append(rss)
    return {
        "command": label, "file": str(path), "repeat": repeat,
        "median_wall_seconds": round(statistics.median(walls), 3),
        "median_max_rss_mib": round(statistics.median(rsss) / 1024, 1),
    }


def in_process(docs: int) -> dict:
    try:
        import normalize

        t0 = time.perf_counter()
        checker = normalize.Normalizer()
        load = time.perf_counter() - t0
    except Exception as exc:  # noqa: BLE001 - report an engine that cannot start
        return {"error": f"{type(exc).__name__}: {exc}"}
    texts = [d.text for d in split.load("heldout")]
    if docs:
        texts = texts[:docs]
    words = sum(1 for t in texts for tok in tokens(t) if not tok.skip)
    t0 = time.perf_counter()
    for t in texts:
        checker.check(t)
    spent = time.perf_counter() - t0
    return {"load_seconds": round(load, 2), "docs": len(texts), "words": words,
            "seconds": round(spent, 2), "words_per_second": round(words / spent)}


@click.command()
@click.option("--file", "path", type=click.Path(exists=True, path_type=Path), default=SEED, show_default=True)
@click.option("--repeat", type=int, default=5, show_default=True)
@click.option("--docs", type=int, default=0, help="held-out docs for throughput (0: all)")
def main(path: Path, repeat: int, docs: int) -> None:
    proc = process_timing(path, repeat)
    inproc = in_process(docs)
    words = len([t for t in tokens(path.read_text(encoding="utf-8")) if not t.skip])
    if "error" in proc:
        line1 = f"not measured: {proc['error']}"
    else:
        line1 = (f"`{proc['command']}` on {path.name} ({words} words), median of {repeat}: "
                 f"**{proc['median_wall_seconds']} s** wall, **{proc['median_max_rss_mib']} MiB** max RSS")
    if "error" in inproc:
        line2 = f"not measured: {inproc['error']}"
    else:
        line2 = (f"dictionary load {inproc['load_seconds']} s; `check` on {inproc['docs']} held-out docs "
                 f"({inproc['words']:,} words) in {inproc['seconds']} s: **{inproc['words_per_second']:,} words/s**")
    md = f"""## Speed of normalize

- Whole process: {line1}.
- In process: {line2}.
"""
    click.echo(md)
    report.write_section("speed", md, {"process": proc, "in_process": inproc})


if __name__ == "__main__":
    main()
