"""The command line: the one place that prints, reads and writes files, and exits.

    normalize check PATH... | -        report findings
    normalize fix PATH... | -          apply the unambiguous fixes in place
    normalize fix --diff PATH... | -   show them as a unified diff, write nothing

Exit status, the same in every mode: 0 when the input is clean, 1 when there
were findings (``fix`` that changed a file or left suggestions also exits 1,
the pre-commit convention), 2 on usage errors or input that cannot be read or
written. Bad input gives one line ``normalize: error: PATH: reason`` on stderr
and the other files are still processed.

Reports go to stdout, except where stdout carries the corrected text
(``fix -``) or a diff: then the text report goes to stderr (and ``--format
json`` is refused). Findings always point into the input as it was read. ``fix``
ends with a one-line summary on stderr, left out when an error was reported so
that bad input gives exactly one line there.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import click

import normalize
from normalize import files, render
from normalize.errors import DictionaryError, InputError, NormalizeError
from normalize.types import Report

STDIN = "<stdin>"


class Mode(enum.Enum):
    CHECK = "check"
    DIFF = "diff"
    WRITE = "write"


@dataclass
class Tally:
    files: int = 0
    findings: int = 0
    fixed: int = 0
    errors: int = 0
    reports: dict[str, Report] = field(default_factory=dict)  # for --format json

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 1 if self.findings else 0


def _error(message: str) -> None:
    click.echo(f"normalize: error: {message}", err=True)


def _documents(paths: tuple[str, ...], tally: Tally) -> Iterator[files.Document]:
    """Each readable text document; errors and skips are reported as they come."""
    for arg in paths:
        try:
            if arg == "-":
                try:
                    with click.open_file("-", "rb") as stdin:  # bytes: decoded by our rules
                        data = stdin.read()
                except RuntimeError:  # stdin is closed
                    raise InputError(f"{STDIN}: no standard input to read") from None
                yield files.decode(data, STDIN)
            elif os.path.isdir(arg):
                found = 0
                for p in files.walk(arg):
                    try:
                        doc = files.read_text(p)
                    except files.BinaryFileError as e:
                        click.echo(f"normalize: skipped: {e}", err=True)
                        continue
                    found += 1
                    yield doc
                if not found:
                    raise InputError(f"{arg}: no text files found")
            else:
                yield files.read_text(arg)
        except NormalizeError as e:
            tally.errors += 1
            _error(str(e))
        except (OSError, UnicodeError) as e:
            tally.errors += 1
            _error(f"{arg}: {e}")
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            tally.errors += 1
            _error(f"{STDIN if arg == '-' else arg}: internal error: {type(e).__name__}: {e}")


def _process(doc: files.Document, mode: Mode, tally: Tally) -> Report:
    # The engine keeps one Normalizer per process, loaded on first use.
    report = normalize.check(doc.text) if doc.text else Report(doc.text)
    tally.files += 1
    tally.findings += len(report.findings)
    fixed = report.fixed
    if mode is Mode.WRITE and doc.path == STDIN:
        click.echo(files.encode(doc, fixed), nl=False)
    elif fixed != doc.text:
        if mode is Mode.DIFF:
            click.echo(render.unified_diff(doc.text, fixed, doc.path), nl=False)
        elif mode is Mode.WRITE:
            files.write_text_atomic(doc.path, doc, fixed)
    tally.fixed += len(report.fixes)
    return report


def _summary(mode: Mode, t: Tally) -> str:
    def n(k: int, word: str) -> str:
        return f"{k} {word}{'' if k == 1 else 's'}"

    done = "would be fixed" if mode is Mode.DIFF else "fixed"
    left = t.findings - t.fixed
    return (
        f"normalize: {n(t.files, 'file')} checked, {n(t.findings, 'finding')}, "
        f"{t.fixed} {done}, {left} left to review"
    )


def run(mode: Mode, paths: tuple[str, ...], fmt: str) -> int:
    if paths.count("-") > 1:
        raise click.UsageError("'-' (stdin) may be given only once")
    if fmt == "json" and mode is Mode.DIFF:
        raise click.UsageError("--diff and --format json cannot be combined")
    if fmt == "json" and mode is Mode.WRITE and "-" in paths:
        raise click.UsageError("'fix -' writes the text to stdout; use 'check --format json -'")
    # Text reports share stdout only with other reports.
    report_to_stderr = mode is Mode.DIFF or (mode is Mode.WRITE and "-" in paths)
    tally = Tally()

    for doc in _documents(paths, tally):
        try:
            report = _process(doc, mode, tally)
        except DictionaryError as e:  # the same for every file: say it once and stop
            _error(str(e))
            return 2
        except NormalizeError as e:
            tally.errors += 1
            _error(str(e))
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            tally.errors += 1
            _error(f"{doc.path}: internal error: {type(e).__name__}: {e}")
        else:
            if fmt == "json" and report.findings:
                tally.reports[doc.path] = report
            elif fmt == "text":
                click.echo(render.render_text({doc.path: report}), nl=False, err=report_to_stderr)
    if fmt == "json":
        click.echo(render.render_json(tally.reports).encode("utf-8"), nl=False)
    if mode is not Mode.CHECK and not tally.errors:
        click.echo(_summary(mode, tally), err=True)
    return tally.exit_code


_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
_format = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Report format (json goes to stdout).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="normalize", prog_name="normalize")
def cli() -> None:
    """Find and fix misspelled names of officials and places, and typos, in English prose."""


@cli.command()
@_paths
@_format
def check(paths: tuple[str, ...], fmt: str) -> None:
    """Report findings in PATHS (files, directories, or - for stdin)."""
    sys.exit(run(Mode.CHECK, paths, fmt))


@cli.command()
@_paths
@_format
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
def fix(paths: tuple[str, ...], fmt: str, diff: bool) -> None:
    """Apply the unambiguous fixes in place (for -: print the corrected text)."""
    sys.exit(run(Mode.DIFF if diff else Mode.WRITE, paths, fmt))


def main() -> None:
    try:
        cli(prog_name="normalize")  # click itself turns a broken stdout pipe into exit 1
    except Exception as e:  # noqa: BLE001 - a bug must still be one line, exit 2
        _error(f"internal error: {type(e).__name__}: {e}")
        sys.exit(2)
