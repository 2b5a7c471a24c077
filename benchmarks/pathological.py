"""Whole-process time of `normalize check` on pathological inputs of 1 MB (issue 15, items 7, 14).

    python benchmarks/pathological.py                 # every shape, 1 MB, table to stdout
    python benchmarks/pathological.py --write         # and into benchmarks/README.md
    python benchmarks/pathological.py --size 250000 --shapes letters.txt,brackets.md

    python benchmarks/pathological.py --grow          # no-stops.txt at 62,500 and 250,000 characters
    python benchmarks/pathological.py --grow no-stops.txt,sentences.txt --grow-size 100000 --write

Each shape (the ones tests/test_pathological.py counts the work of at n, 2n and 4n) is written to a
temporary file with its extension (which picks Markdown, HTML or plain text) and
checked by a fresh process, as a pre-commit hook or CI would run it; the time
includes start-up. A run over the budget is stopped at --timeout seconds.

``--grow`` measures how the time grows with the text instead (issue 13): each shape at
n and 4n characters, and empty (start-up), and the ratio of the CPU time less start-up
(4 is linear, 16 quadratic). The tests count the work of such copy (no-stops.txt: a
transcript or a list without full stops, one sentence and one paragraph, which the engine
weighs a word at a time); its time is measured here.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from test_pathological import SHAPES  # noqa: E402  (the shapes live with their tests)

BUDGET = 5.0  # seconds, the bound for 1 MB
SECTION = "## Pathological inputs (`pathological.py`)"
GROWTH = "## Time that grows with the text (`pathological.py --grow`)"


Run = tuple[float | None, float | None, int | None, int]


def run(name: str, size: int, timeout: float) -> Run:
    """(wall seconds or None on timeout, CPU seconds, exit code, bytes) of `normalize check` on
    the shape. CPU is the process's user and system time: on a machine shared with other work
    the wall time also counts the waits for a core."""
    text = SHAPES[name](size)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-c", "from normalize.cli import main; main()", "check", str(path)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            return None, None, None, path.stat().st_size
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        return wall, cpu, done.returncode, path.stat().st_size


def table(rows: list[tuple[str, int, float | None, float | None, int | None]], timeout: float) -> str:
    lines = ["| shape | bytes | seconds | CPU seconds | exit | under 5 s |", "|---|---:|---:|---:|---:|---|"]
    for name, size, seconds, cpu, code in rows:
        shown = f"> {timeout:.0f}" if seconds is None else f"{seconds:.2f}"
        # exit 2 is an error (a missing compiled dictionary, a crash): fast, but no check was made
        ok = "yes" if seconds is not None and seconds < BUDGET and code in (0, 1) else "**no**"
        used = "" if cpu is None else f"{cpu:.2f}"
        lines.append(f"| `{name}` | {size:,} | {shown} | {used} | {'' if code is None else code} | {ok} |")
    load = os.getloadavg()
    return (
        "\n".join(lines) + f"\n\nLoad average (1, 5, 15 min) at the end: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}.\n"
    )


def section(body: str, size: int) -> str:
    return (
        f"{SECTION}\n\n"
        f"`normalize check FILE` as a whole process (start-up included) on each shape of\n"
        f"`tests/test_pathological.py` scaled to {size:,} characters; {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores shared with other work. Reproduce with\n"
        f"`python benchmarks/pathological.py --write`. The tests count the work (calls and lines run)\n"
        f"at n, 2n and 4n and assert that it grows linearly; this table is the time.\n\n{body}"
    )


def growth(names: list[str], n: int, timeout: float) -> str:
    """The section of ``--grow``: each shape empty, at ``n`` and at ``4n`` characters."""
    lines = [
        "| shape | bytes at n | CPU s at n | bytes at 4n | CPU s at 4n | start-up CPU s | ratio less start-up |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        runs = [run(name, size, timeout) for size in (0, n, 4 * n)]
        cpu = [r[1] for r in runs]
        ratio = "" if None in cpu else f"{(cpu[2] - cpu[0]) / max(cpu[1] - cpu[0], 1e-9):.2f}"  # type: ignore[operator]
        shown = ["timeout" if c is None else f"{c:.2f}" for c in cpu]
        lines.append(f"| `{name}` | {runs[1][3]:,} | {shown[1]} | {runs[2][3]:,} | {shown[2]} | {shown[0]} | {ratio} |")
        print(f"{name}: CPU {shown} s at 0, {n}, {4 * n} characters; ratio {ratio}", file=sys.stderr)
    load = os.getloadavg()
    return (
        f"{GROWTH}\n\n`normalize check FILE` as a whole process on each shape of `tests/test_pathological.py`\n"
        f"empty, at n and at 4n characters; {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores shared with other work. The ratio is that of the CPU times less\n"
        f"start-up (the empty file's): 4 is linear, 16 quadratic. Reproduce with\n"
        f"`python benchmarks/pathological.py --grow {','.join(names)} --grow-size {n} --write`.\n\n"
        + "\n".join(lines)
        + f"\n\nLoad average (1, 5, 15 min) at the end: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}.\n"
    )


def write_readme(text: str, heading: str = SECTION) -> None:
    """Put ``text`` in benchmarks/README.md in place of the section under ``heading`` (or at its end)."""
    readme = HERE / "README.md"
    old = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    readme.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--write", action="store_true", help="put the table into benchmarks/README.md")
    ap.add_argument("--grow", nargs="?", const="no-stops.txt", help="shapes to time at n and 4n instead")
    ap.add_argument("--grow-size", type=int, default=62_500, help="n of --grow, in characters")
    args = ap.parse_args()
    if args.grow:
        out = growth(args.grow.split(","), args.grow_size, args.timeout)
        print(out)
        if args.write:
            write_readme(out, GROWTH)
        return
    rows = []
    for name in args.shapes.split(","):
        seconds, cpu, code, size = run(name, args.size, args.timeout)
        rows.append((name, size, seconds, cpu, code))
        shown = "timeout" if seconds is None else f"{seconds:.2f} s ({cpu:.2f} s CPU)"
        print(f"{name}: {size} bytes, {shown}, exit {code}", file=sys.stderr)
    out = section(table(rows, args.timeout), args.size)
    print(out)
    if args.write:
        write_readme(out)


if __name__ == "__main__":
    main()
