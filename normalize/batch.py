"""Check an archive on Dask: directories or globs of files -> JSON-lines findings, and fixed copies.

    python -m normalize.batch ARCHIVE/ 'more/**/*.md' --out results/ [--fix]
                              [--workers N | --scheduler tcp://host:8786]

Each file goes through the document pipeline of ``normalize check`` (``files.read_text``,
``document.settings_for``, ``document.check_document``) on a Dask worker, as a
``dask.bag`` of file paths. ``--workers N`` starts a ``distributed.LocalCluster`` of N
single-threaded worker processes (default, and at most: one per core); ``--scheduler ADDRESS`` uses a
running cluster instead, unchanged. Workers read the inputs and write the fixed copies
themselves, so on a remote cluster the inputs and ``--out`` must be on storage that every
worker sees under the same paths.

A file that the ``exclude`` of its config leaves out (as ``normalize check`` leaves it out) is
not checked and has no line; the summary on stderr counts them.

Output, in the order of the inputs (each argument's files sorted; a file named twice
counts once):

- ``OUT/findings.jsonl``: one line a file, ``{"path": ..., "findings": [...]}`` with the
  rows of ``normalize check --format json``, or ``{"path": ..., "error": ...}``, or
  ``{"path": ..., "skipped": ...}`` for a binary file; first, ``{"path": ARGUMENT, "error":
  "FOLDER: reason, not checked"}`` for each folder of a directory argument that could not be
  listed (unreadable, or a repository git refuses to list). ``path`` is relative to its
  argument (a directory, or the part of a glob before its first wildcard); with several
  arguments, to the folder they have in common, so that no two files share a name.
- with ``--fix``: ``OUT/fixed/PATH``, the corrected bytes of every file a fix changed
  (encoding, BOM and line endings as in the original), and ``"fixed": "fixed/PATH"`` on
  its line. The originals are never written, and a later run never reads OUT/fixed as input.

The results are those of a serial run, whatever the cluster (tests/test_batch.py). The exit
status is ``EXIT_STATUS``'s.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from normalize import discover, document, files, render
from normalize.errors import InputError, NormalizeError
from normalize.interrupt import stopped_by_ctrl_c

EXIT_STATUS = (
    "Exit status: 0 no findings, 1 findings (in OUT/findings.jsonl), 2 a file or folder that could not be"
    " checked (its error line) or bad input, 130 stopped by Ctrl-C (findings.jsonl is not written)."
)
FINDINGS = "findings.jsonl"
FIXED = "fixed"
PER_PARTITION = 16  # files a Dask task checks; enough to hide the task overhead


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as the worker opens it
    name: str  # relative to its argument: the ``path`` of its output line
    error: str = ""  # a folder of a directory argument that could not be listed: why, and not checked


def sources(arguments: Sequence[str], left_out: set[str] | None = None) -> list[Source]:
    """The files of each directory (its prose files, as ``normalize check DIR`` lists them) or glob,
    in order; an argument that names no file raises InputError (before any cluster starts). A
    folder that cannot be listed (unreadable, or a repository git refuses to list: its
    git-ignored files were checked) is an error line of its argument, before the files' lines;
    the others are checked, as by the CLI. A file that the ``exclude`` of its config leaves out
    (``document.Exclusions``, as the CLI's) is no source: its real path goes to ``left_out``."""
    excludes = document.Exclusions()
    found: dict[str, str] = {}  # realpath -> the path as given
    unlisted: dict[str, str] = {}  # why a folder was not listed -> its argument
    roots: list[str] = []
    for arg in arguments:
        if os.path.isdir(arg):
            roots.append(arg)
            unreadable: list[str] = []
            listed = list(discover.expand(arg, discover.Filter(), unreadable=unreadable))
            unlisted.update((f"{message}, not checked", arg) for message in unreadable)
        else:
            roots.append(_glob_root(arg))
            listed = [p for p in sorted(glob.glob(arg, recursive=True)) if os.path.isfile(p)]
            if not listed:
                raise InputError(f"{arg}: {'no file matches' if glob.has_magic(arg) else 'no such file or directory'}")
        for path in listed:
            if excludes(path):
                if left_out is not None:
                    left_out.add(os.path.realpath(path))
                continue
            found.setdefault(os.path.realpath(path), path)
    # Names are relative to the arguments' common folder, so that two arguments' files of
    # the same name (a/x.txt, b/x.txt) keep apart, in findings.jsonl and under fixed/.
    base = os.path.commonpath([os.path.abspath(r) for r in roots]) if roots else "."

    def source(path: str, error: str = "") -> Source:
        return Source(os.path.abspath(path), os.path.relpath(path, base).replace(os.sep, "/"), error)

    return [source(arg, error) for error, arg in unlisted.items()] + [source(p) for p in found.values()]


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    for n, part in enumerate(parts):
        if glob.has_magic(part):
            return str(Path(*parts[:n])) if n else "."
    return str(Path(pattern).parent)


def check_file(source: Source, out: str | None = None, fix: bool = False) -> dict[str, Any]:
    """One file's output line; with ``fix``, its corrected copy written under ``out``/fixed."""
    if source.error:
        return {"path": source.name, "error": source.error}
    try:
        doc = files.read_text(source.path)
        report = document.check_english_document(doc.text, path=source.path, config=document.settings_for(source.path))
        if report is None:
            return {"path": source.name, "skipped": f"{source.path}: not English, left alone"}  # (as `fix` does)
    except files.BinaryFileError as e:
        return {"path": source.name, "skipped": str(e)}
    except NormalizeError as e:
        return {"path": source.name, "error": str(e)}
    except (OSError, UnicodeError) as e:
        return {"path": source.name, "error": f"{source.path}: {e}"}
    row: dict[str, Any] = {"path": source.name, "findings": render.finding_rows(source.name, report)}
    if fix and out is not None:
        fixed = document.fixed_text(doc.text, report.fixes, path=source.path)
        if fixed != doc.text:
            mode = os.stat(source.path).st_mode & 0o777  # (as cp gives a copy: never more open)
            _write(Path(out) / FIXED / source.name, files.encode(doc, fixed), mode)
            row["fixed"] = f"{FIXED}/{source.name}"
    return row


def _write(dest: Path, data: bytes, mode: int = 0o666) -> None:
    """``data`` to ``dest`` whole, with ``mode`` less the umask, as any new file gets it: the
    copies and findings.jsonl were 0600 (mkstemp's), unreadable to the team that reads them."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), mode & ~_umask())
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    """This process's umask: from /proc (reading it with os.umask means setting it, a moment
    in which another thread's new file would get the wrong mode), else as os.umask gives it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    errors: int
    fixed: int
    left_out: int = 0  # files the config's exclude left out (no line in findings.jsonl)

    def line(self, written: Path) -> str:
        """The run's one line on stderr."""
        files, findings = render.count(self.files, "file"), render.count(self.findings, "finding")
        fixed, errors = render.count(self.fixed, "fixed copy", "fixed copies"), render.count(self.errors, "error")
        excluded = f", {self.left_out} left out by the config's exclude" if self.left_out else ""
        return f"{files}{excluded}, {findings}, {fixed}, {errors} -> {written}"


def run(
    arguments: Sequence[str],
    out: Path,
    *,
    fix: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Summary:
    """Check every file of ``arguments`` on Dask and write ``out``/findings.jsonl (and fixed copies)."""
    import dask.bag as db

    # The fixed copies a run wrote are never inputs: a second run over the archive that holds
    # --out checked them (its findings named results/fixed/story.txt; with --fix, copies of copies).
    written = (out / FIXED).resolve()
    left_out: set[str] = set()
    items = [s for s in sources(arguments, left_out) if not Path(s.path).resolve().is_relative_to(written)]
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a folder (--out names the folder that findings.jsonl goes to)")
    out.mkdir(parents=True, exist_ok=True)
    target = str(out.resolve())
    bag = db.from_sequence(items, partition_size=PER_PARTITION) if items else db.from_sequence([], npartitions=1)
    with _client(scheduler, workers) as client:
        rows: list[dict[str, Any]] = client.compute(bag.map(check_file, target, fix)).result()
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    _write(out / FINDINGS, render.utf8(lines))
    return Summary(
        files=sum(not s.error for s in items),
        findings=sum(len(r.get("findings", ())) for r in rows),
        errors=sum("error" in r for r in rows),
        fixed=sum("fixed" in r for r in rows),
        left_out=len(left_out),
    )


@contextmanager
def _no_ctrl_c() -> Iterator[None]:
    """Inside: the worker processes a local cluster starts ignore Ctrl-C (an ignored signal stays
    ignored in a new process), which reaches every process of the terminal's group: this one
    alone stops the run, and closes the cluster, instead of each worker printing its traceback."""
    import signal

    try:
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # (not the main thread: as it is)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        try:
            # Not the process's default client: the run computes on it by name. A default one that
            # failed to connect stayed registered (and dask's scheduler set to it) until the cycle
            # collector freed it; a later dask compute in the process (a library caller's, the next
            # test's) then raised KeyError: 0, 1... from distributed's table of global clients.
            client = Client(scheduler, set_as_default=False)
        except ValueError as e:  # a malformed address ('missing port number in address ...')
            raise InputError(f"--scheduler {scheduler}: {e}") from None
        with client:
            yield client
        return
    from normalize.fanout import cores

    n = min(workers or cores(), cores())  # (more would take turns on the cores, each with its engine's memory)
    with _no_ctrl_c():  # (while its workers start)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
    log = logging.getLogger("distributed")
    level = log.level
    try:
        with cluster, Client(cluster) as client:
            client.run(_quiet_cancellations)
            try:
                yield client
            except KeyboardInterrupt:  # the cluster closes mid-task: that is expected, not news
                log.setLevel(logging.ERROR + 1)
                raise
    finally:  # (once it has closed: not for the rest of the process, a library caller's next run)
        log.setLevel(level)


def _quiet_cancellations() -> None:
    """In a worker: the tasks a Ctrl-C cancels are not news ('Async instruction for <Task
    cancelled ...> ended with CancelledError', a WARNING of each worker on the terminal)."""
    import logging

    logging.getLogger("distributed.worker.state_machine").setLevel(logging.ERROR)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers (1 or more)")
    return int(value)


def _said(e: Exception) -> str:
    """An error as the CLI says one, "PATH: reason" ('--out' a file said "[Errno 17] File exists: 'x'")."""
    return files.said(e) if isinstance(e, OSError) else str(e)


class _Parser(argparse.ArgumentParser):
    """argparse's, but a usage error is one line, as the CLI says one (argparse printed its usage
    lines before the error)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"normalize: error: {render.printable(message)} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="python -m normalize.batch", description=__doc__.splitlines()[0], epilog=EXIT_STATUS)
    parser.add_argument("inputs", nargs="+", help="directories or globs (quote them: 'news/**/*.txt')")
    parser.add_argument("--out", type=Path, required=True, help="output folder (findings.jsonl, fixed/)")
    parser.add_argument("--fix", action="store_true", help="also write corrected copies to OUT/fixed/")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", type=_positive, help="local cluster of N worker processes (default and most: one per core)"
    )
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    args = parser.parse_args(argv)
    try:
        summary = run(args.inputs, args.out, fix=args.fix, scheduler=args.scheduler, workers=args.workers)
    except ImportError as e:
        print(f"normalize: error: {e.name} is not installed: pip install 'normalize-prose[batch]'", file=sys.stderr)
        return 2
    except (OSError, NormalizeError) as e:
        print(f"normalize: error: {render.printable(_said(e))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: quietly, as `normalize check` stops (findings.jsonl is not written)
        stopped_by_ctrl_c()
        return 130
    except Exception as e:  # noqa: BLE001 - a bug must still be one line, exit 2 (as the CLI's)
        print(f"normalize: error: {render.printable(f'internal error: {type(e).__name__}: {e}')}", file=sys.stderr)
        return 2
    print(render.printable(summary.line(args.out / FINDINGS)), file=sys.stderr)
    return 2 if summary.errors else 1 if summary.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
