"""The command line: the one place that prints, reads and writes files, and exits.

    normalize check PATH... | -              report findings
    normalize fix PATH... | -                apply the unambiguous fixes in place
    normalize fix --diff PATH... | -         show them as a unified diff, write nothing
    normalize fix --show-diff PATH...        apply them and print the diff of what changed
    normalize fix --interactive PATH...      review each finding: accept, pick, edit, skip

Exit status (EXIT_HELP, shown by ``--help``): 0 when nothing is left for a
human, 1 when findings remain to review, 2 on usage errors or input that cannot
be read or written. What "left" means follows ``--fail-on`` (or the config's
``fail-on``): ``suggest``, the default, counts every finding not written to a
file (``check`` writes none; ``fix`` that wrote every fix exits 0); ``fix``
counts only fixes, written or not, so suggestions are warnings (the pre-commit
fix hook); ``never`` exits 0 unless the input was bad. Ctrl-C ends the run by
SIGINT, quietly (the shell's 130), with no file half written (``Interrupted``).
Bad input gives one line ``normalize: error: PATH: reason`` on stderr and the
other files are still processed.

Findings go to stdout in every mode, one short line each (``--verbose``: with
the reason and sources, as JSON and SARIF always have them), except for ``fix
-``, whose stdout is the corrected text: there they go to stderr (and ``--format
json``/``sarif`` are refused, as with a diff); on an error it is the text as it was read,
unchanged, so that a filter never loses it. Paths are shown in one relative
form in every format. Findings always point into the input as it was read.
Markdown and HTML files are checked as markup and ignore markers are honoured
(``normalize.document``). Every run ends with a one-line summary on stderr,
for one file as for many; it is left out when an error was reported so that bad
input gives exactly one line there.
"""

from __future__ import annotations

import gc

# The command's process keeps what its imports make (the engine's modules, click's, the
# stdlib's) to its end: the cycle collector is off while they are made and they are frozen
# after, so no collection walks them (some 30 collections of a short file's check freed
# nothing and took a twentieth of it; a collection after the imports without the freeze
# walks them all at once). This module is the command's: the library never imports it.
_COLLECTING = gc.isenabled()
gc.disable()
try:
    import enum
    import functools
    import itertools
    import os
    import re
    import signal
    import stat
    import sys
    from collections.abc import Callable, Iterator
    from dataclasses import dataclass, field
    from pathlib import Path
    from typing import NamedTuple

    import click

    from normalize import about, config, discover, document, engine, files, render
    from normalize.errors import DictionaryError, InputError, NormalizeError
    from normalize.gazetteer_cli import gazetteer
    from normalize.interrupt import Interrupted, interrupt, stopped_by_ctrl_c
    from normalize.types import Finding, Report
finally:
    gc.freeze()
    if _COLLECTING:
        gc.enable()

STDIN = "<stdin>"
PROGRESS_AFTER = 20  # files; fewer finish before a bar would be worth drawing
FORMATS = ["text", "json", "sarif", "github"]
COLLECTED = ("json", "sarif")  # printed once at the end, to stdout


class Mode(enum.Enum):
    CHECK = "check"
    DIFF = "diff"
    WRITE = "write"


class Options(NamedTuple):
    """How one run reads, checks, writes and shows its files (from the command line)."""

    mode: Mode
    fmt: str = "text"
    keep: discover.Filter = discover.Filter()
    show_diff: bool = False
    interactive: bool = False
    color: bool | None = None  # None: colour when the stream is a terminal
    config: Path | None = None  # --config: replaces discovery
    style: str | None = None  # --style: overrides the config's house style
    jobs: int = 1  # --jobs: worker processes that check files (1: this process)
    fail_on: str | None = None  # --fail-on: overrides the config's policy
    verbose: bool = False  # the reason and sources on each text finding
    stdin_filename: str | None = None  # --stdin-filename: what '-' is checked and shown as


@dataclass
class Tally:
    """What a run has done so far, for the summary line and the exit status."""

    files: int = 0
    findings: int = 0
    fixed: int = 0
    errors: int = 0
    failed: int = 0  # files whose findings fail the run under their --fail-on policy
    reports: dict[str, Report] = field(default_factory=dict)  # for --format json/sarif
    always: set[str] = field(default_factory=set)  # words accepted for good in this review
    quit: bool = False
    problems: list[str] = field(default_factory=list)  # the errors' messages, for SARIF's invocation
    excluded: int = 0  # files named on the command line that --exclude left out
    config_excluded: int = 0  # files named on the command line that their config's exclude left out
    foreign: int = 0  # files left alone as plainly not English (NotEnglish)
    stdin: bytes | None = None  # what was read from stdin, until `fix -` has written its text to stdout
    bar: bool = False  # a progress bar is drawn on stderr, a terminal

    def fail(self, message: str) -> None:
        """An error: one line on stderr now; counted, and kept for the report."""
        self.errors += 1
        self.problems.append(message)
        self.clear_bar(to_stderr=True)
        _error(message)

    def clear_bar(self, to_stderr: bool = False) -> None:
        """Before output to the progress bar's terminal, its line is cleared: the output went on
        after the bar, "normalize [---]  4%news/a.txt:1:5: ...", and the bar drawn again below."""
        if self.bar and (to_stderr or _stdout_is_terminal()):
            click.echo("\r\x1b[K", nl=False, err=True, color=True)  # (color: never stripped)

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 1 if self.failed else 0


def _error(message: str) -> None:
    """One line on stderr, whatever the file names in it hold (render.printable)."""
    click.echo(f"normalize: error: {render.printable(message)}", err=True)


Plan = list[tuple[str, "list[str] | None"]]  # (argument, files of a directory or None)


def _plan(paths: tuple[str, ...], keep: discover.Filter, tally: Tally, explicit: Path | None = None) -> Plan:
    """What each argument stands for; a directory is listed here so the total is known
    (a folder in it that cannot be listed is an error, reported here). A file named twice
    (again, through a symlink or a hard link, or in a folder also named) is checked once: a
    second fix of it found it changed by the first."""
    plan: Plan = []
    seen: set[object] = set()
    config_excludes = document.Exclusions(explicit)  # (the config's exclude, as every face honours it)

    def first(p: str) -> bool:
        key = _identity(p)
        if key in seen:
            return False
        seen.add(key)
        return True

    for arg in paths:
        if not arg:  # (as an unset variable in `normalize check "$FILE"` gives)
            tally.fail("'': an empty path names no file")
        elif arg != "-" and os.path.isdir(arg):
            unreadable: list[str] = []
            listed = list(discover.expand(arg, keep, unreadable=unreadable))
            listed = [p for p in listed if not config_excludes(p)]
            for message in unreadable:
                tally.fail(f"{message}, not checked")
            kept = [p for p in listed if first(p)]
            if kept or not (listed or unreadable):
                plan.append((arg, kept))
        elif arg != "-" and keep.excludes(shown(arg)):  # (as reports name it: ./a.md is a.md)
            tally.excluded += 1
        elif arg != "-" and config_excludes(arg):
            tally.config_excluded += 1
        elif arg == "-" or first(arg):
            plan.append((arg, None))
    return plan


def _identity(path: str) -> object:
    """What tells a file from the others: its device and inode, which a hard link or a symlink
    shares, else its real path: where it cannot be read (that is reported when it is read), and
    on a file system that gives every file inode 0 (some FUSE, network and Windows mounts),
    where (device, 0) made every file after the first a copy of it, left out without a word."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def _documents(plan: Plan, tally: Tally) -> Iterator[files.Document]:
    """Each readable text document; errors and skips are reported as they come."""
    for arg, listed in plan:
        try:
            if arg == "-":
                try:
                    with click.open_file("-", "rb") as stdin:  # bytes: decoded by our rules
                        data = stdin.read()
                except RuntimeError:  # stdin is closed
                    raise InputError(f"{STDIN}: no standard input to read") from None
                tally.stdin = data
                yield files.decode(data, STDIN)
            elif listed is not None:
                yield from _folder_documents(arg, listed, tally)
            else:
                yield files.read_text(arg)
        except NormalizeError as e:
            tally.fail(str(e))
        except (OSError, UnicodeError) as e:
            tally.fail(f"{arg}: {e}")
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            tally.fail(f"{STDIN if arg == '-' else arg}: internal error: {type(e).__name__}: {e}")


def _folder_documents(arg: str, listed: list[str], tally: Tally) -> Iterator[files.Document]:
    """A folder's readable files: a binary one is skipped without a word, as typos and codespell
    skip them (a line for each, at every run of a hook, was noise); one that cannot be read is
    reported; neither stops the folder's other files. (A binary file named on the command line
    is an error.)"""
    text_files = binary = 0
    for p in listed:
        try:
            doc = files.read_text(p)
        except files.BinaryFileError:
            binary += 1
            continue
        except NormalizeError as e:
            text_files += 1
            tally.fail(str(e))
            continue
        text_files += 1
        yield doc
    if binary and not text_files:
        raise InputError(f"{arg}: no text files found, only {render.count(binary, 'binary file')}")
    if not text_files:
        raise InputError(f"{arg}: no prose files found (.txt, .md, .rst, .html...; --include GLOB checks others)")


def _check(doc: files.Document, opts: Options) -> tuple[Report, str]:
    """The report and the --fail-on policy that governs this file."""
    if not doc.text:  # before config discovery: an empty file is clean whatever the config
        return Report(doc.text), opts.fail_on or config.Config().fail_on
    overrides = {"style": opts.style} if opts.style else {}
    named = _named(doc, opts)
    start = None if named == STDIN else named
    settings = document.settings_for(start, opts.config, overrides)  # one discovery per file
    policy = opts.fail_on or settings.fail_on
    report = document.check_english_document(doc.text, path=named, config=settings)
    if report is None:
        raise NotEnglish(f"{named}: not English, left alone")
    return report, policy


class NotEnglish(NormalizeError):
    """A file whose prose is plainly not English (document.check_english_document): left alone,
    and counted in the summary. A folder of translations was read as misspelt English: `fix
    docs/` wrote sagte -> sage into the German page."""


def _named(doc: files.Document, opts: Options) -> str:
    """The path a document is checked as (its format, its config) and shown as: standard input's
    is --stdin-filename's when given (an editor's filter, `fix -`, of a Markdown buffer checked
    its code as prose, and fixed it)."""
    return opts.stdin_filename if doc.path == STDIN and opts.stdin_filename else doc.path


def fails(policy: str, written: tuple[Finding, ...], left: tuple[Finding, ...]) -> bool:
    """Whether a file's findings fail the run: ``written`` went into the file, ``left`` did not."""
    if policy == "suggest":
        return bool(left)
    if policy == "fix":
        return bool(written) or any(f.action == "fix" for f in left)
    return False


BATCH = 512  # files read before they are checked on --jobs processes (at most: a folder's texts are not all held)
RUNS_PER_WORKER = 4  # a task is a run of files: about this many runs a worker, of what is left
RUN_MAX = 16  # files, at most, in one run
WARM_UP = "The Kremlin said Kmitry Peskov met the goverment in Kyiv."  # touches every step once

Checked = tuple[Report | None, str, BaseException | None]  # a worker's answer for one file


def _checks(
    docs: Iterator[files.Document], opts: Options
) -> Iterator[tuple[files.Document, Callable[[], tuple[Report, str]]]]:
    """Each document and a call that gives its report, in input order. With ``jobs`` > 1 the
    checks run in this process and ``jobs - 1`` forked ones (fanout.shared), which share the
    dictionaries mapped here; everything else (writing, printing, counting) stays in this
    process, in order.

    The files are read a batch at a time and handed out in runs of consecutive files
    (``_run_size``: long runs first, single files at the end, so that no process idles while
    another finishes a long run): neighbouring files ask many of the same questions, which a
    process then answers from its memo (engine.Normalizer), and one message carries a
    helper's findings of a run back. This process works too, rather than wait on a pool: on
    200 small files and two cores, that took about 4 % less CPU in all."""
    if opts.jobs <= 1:
        for doc in docs:
            yield doc, functools.partial(_check, doc, opts)
        return
    try:
        # Mapped, built and used once before the helpers fork, so what is made on first use
        # (the candidate indexes, the model, the rules' tables) is shared, not made per helper.
        engine.default().check(WARM_UP)
    except NormalizeError:
        pass  # each file reports it
    # What exists now is not collected while the helpers run: their collections do not walk
    # it, and so do not copy every page that holds it (copy-on-write). Thawed after, unless
    # the process had frozen objects of its own (gc.unfreeze would thaw those too).
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield from _fanned(docs, opts)
    finally:
        if thaw:
            gc.unfreeze()


def _fanned(
    docs: Iterator[files.Document], opts: Options
) -> Iterator[tuple[files.Document, Callable[[], tuple[Report, str]]]]:
    """``_checks`` with ``jobs`` > 1: a batch of files at a time, in runs, on the helpers."""
    from normalize import fanout

    while batch := list(itertools.islice(docs, BATCH)):
        runs, at = [], 0
        while at < len(batch):
            runs.append(batch[at : at + _run_size(len(batch) - at, opts.jobs)])
            at += len(runs[-1])
        answers = fanout.shared(
            functools.partial(_run_at, runs, opts), len(runs), opts.jobs, functools.partial(_lost, runs)
        )
        try:
            for run, answer in zip(runs, answers, strict=True):
                for doc, checked in zip(run, answer, strict=True):
                    yield doc, functools.partial(_answered, doc, checked)
        finally:
            answers.close()  # (a reader that stops early ends the helpers)


def _run_size(left: int, jobs: int) -> int:
    """How many files the next run takes when ``left`` are left to hand out (guided
    self-scheduling: a share of what is left, so the last runs are single files)."""
    return max(1, min(RUN_MAX, left // (RUNS_PER_WORKER * jobs)))


def _run_at(runs: list[list[files.Document]], opts: Options, k: int) -> list[Checked]:
    return _check_run(runs[k], opts)


def _lost(runs: list[list[files.Document]], k: int) -> list[Checked]:
    """The answers of a run whose process ended before it answered (killed?): each file says so."""
    return [(None, "", RuntimeError("a worker process ended before it answered"))] * len(runs[k])


def _check_run(run: list[files.Document], opts: Options) -> list[Checked]:
    """``_check`` of each file of a run, in a worker; a file's error is returned, to be raised
    in its turn. The report's text is the file's, which the parent holds: it is not sent back."""
    out: list[Checked] = []
    for doc in run:
        try:
            report, policy = _check(doc, opts)
        except Exception as e:  # noqa: BLE001 - raised again by _answered, in order
            from normalize.fanout import picklable

            out.append((None, "", picklable(e)))
        else:
            same = report.text == doc.text
            out.append((Report("", report.findings) if same else report, policy, None))
    return out


def _answered(doc: files.Document, answer: Checked) -> tuple[Report, str]:
    report, policy, error = answer
    if error is not None:
        raise error
    assert report is not None
    return (Report(doc.text, report.findings) if report.text == "" and doc.text else report), policy


def _process(
    doc: files.Document, opts: Options, tally: Tally, checked: Callable[[], tuple[Report, str]]
) -> tuple[Report, str]:
    report, policy = checked()
    tally.files += 1
    tally.findings += len(report.findings)
    fixes = report.fixes
    if opts.interactive and report.findings:
        fixes = _review(doc, report, opts, tally)
    # The fixed text is made only when it is written or shown (a long text's copy is not small).
    wanted = opts.mode is not Mode.CHECK or opts.show_diff
    fixed = document.fixed_text(doc.text, fixes, path=_named(doc, opts)) if wanted else doc.text
    if opts.mode is Mode.WRITE and doc.path == STDIN:
        click.echo(files.encode(doc, fixed), nl=False)
        tally.stdin = None
        if opts.show_diff and fixed != doc.text:  # stdout carries the text: the diff goes with the findings
            _show_diff(_diff(doc, fixed, _named(doc, opts)), opts, err=True)
    elif fixed != doc.text:
        if opts.mode is Mode.WRITE:
            files.write_text_atomic(doc.path, doc, fixed)
        if opts.mode is Mode.DIFF or opts.show_diff:
            tally.clear_bar()
            _show_diff(_diff(doc, fixed, _named(doc, opts)), opts)
    tally.fixed += len(fixes)
    written = fixes if opts.mode is Mode.WRITE else ()
    left = tuple(f for f in report.findings if f not in written)
    if opts.interactive and not tally.quit:  # a human has answered for each one
        left = ()
    tally.failed += fails(policy, written, left)
    return report, policy


def _diff(doc: files.Document, fixed: str, name: str) -> str | bytes:
    """The diff of a file's fix, a byte order mark included as git shows it: without it, the
    first hunk of a file with one did not apply (git apply, patch). A UTF-16 file's is of its
    bytes, as git apply and patch read the file: its text, in UTF-8, did not apply."""
    if doc.encoding != "utf-8":
        return render.unified_diff_bytes(files.encode(doc, doc.text), files.encode(doc, fixed), shown(name))
    mark = "\ufeff" if doc.bom else ""
    # The path as every report shows it: git apply refused 'a/./story.md' (fix --diff .: "invalid path").
    return render.unified_diff(mark + doc.text, mark + fixed, shown(name))


# -- colour ------------------------------------------------------------------------------

_STYLES: dict[str, dict[str, object]] = {
    "where": {"bold": True},
    "old": {"fg": "red"},
    "new": {"fg": "green"},
    "suggest": {"fg": "yellow"},
}


def _paint(role: str, s: str) -> str:
    return click.style(s, **_STYLES.get(role, {}))  # type: ignore[arg-type]


def _show_diff(diff: str | bytes, opts: Options, err: bool = False) -> None:
    """The diff as it is, painted on a terminal (or with --color always). Never through click's
    colour stripping: it took the escape sequences of the file's own lines out of the diff (a
    log's ESC [ 2 J), which then did not apply (git apply: 'patch does not apply')."""
    color = opts.color if opts.color is not None else (sys.stderr if err else sys.stdout).isatty()
    if isinstance(diff, str):
        click.echo(_paint_diff(diff) if color else diff, nl=False, err=err, color=True)
        return
    click.echo(_paint_diff(diff.decode("latin-1")).encode("latin-1") if color else diff, nl=False, err=err)


def _paint_diff(diff: str) -> str:
    out = []
    for line in re.findall(r"[^\n]*\n|[^\n]+", diff):  # (lines as the diff has them: not at a lone "\r")
        body, end = line.rstrip("\n"), line[len(line.rstrip("\n")) :]
        if line.startswith(("---", "+++")):
            body = click.style(body, bold=True)
        elif line.startswith("@@"):
            body = click.style(body, fg="cyan")
        elif line.startswith("-"):
            body = click.style(body, fg="red")
        elif line.startswith("+"):
            body = click.style(body, fg="green")
        out.append(body + end)
    return "".join(out)


def _color(choice: str) -> bool | None:
    """--color: always/never; auto colours a terminal unless NO_COLOR is set (no-color.org)."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return None


# -- interactive review -------------------------------------------------------------------

_PROMPT = "Accept [y], skip [n], pick [1-9], edit [e], {always}quit [q]"


def _config_path(doc: files.Document, opts: Options) -> Path | None:
    """Where "always accept" writes: --config, else the config file that governs the file, else
    a new .normalize.toml where discovery from the file finds it (its repository's root, else
    its folder; ./.normalize.toml, written before, governed only the files under the current
    folder). None when that folder is the home directory, or one every user may write (/tmp):
    a config there would govern every file below it, other people's included."""
    if opts.config is not None:
        return opts.config
    found = config.discover(Path(doc.path))
    if found is not None:
        return found
    folder = config.repository_root(Path(doc.path).resolve().parent)
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError):  # no home directory to keep clean
        home = None
    if folder == home or _shared(folder):
        return None
    return folder / ".normalize.toml"


def _shared(folder: Path) -> bool:
    try:
        return bool(folder.stat().st_mode & stat.S_IWOTH)
    except OSError:
        return False


def _always(doc: files.Document, f: Finding, opts: Options, tally: Tally) -> str:
    """Accept ``f``'s word for good: in the project's config, or for this run when there is
    none to write; what to tell the user."""
    where = _config_path(doc, opts)
    tally.always.add(f.text)
    if where is None:
        return (
            f"  {f.text!r} accepted for this run: no config governs {doc.path}, and none is made"
            " in the home folder or in a folder every user may write"
        )
    try:
        config.add_word(where, f.text)
    except config.ConfigError as e:  # (not writable, a config it cannot edit: the other answers stand)
        return f"  {f.text!r} accepted for this run: {e}"
    return f"  {f.text!r} added to the words of {where}"


def _review(doc: files.Document, report: Report, opts: Options, tally: Tally) -> tuple[Finding, ...]:
    """Ask about each finding; the ones accepted (or edited) are the fixes to write."""
    from normalize import review  # only --interactive asks a human

    prompt = _PROMPT.format(always="always accept the word [a], ")
    index = render.LineIndex(doc.text)
    chosen: list[Finding] = []
    for f in report.findings:
        if tally.quit:
            break
        if f.text in tally.always:
            continue
        line, col = index.line_col(f.start)
        before, word, after = (render.printable(s) for s in review.context(doc.text, f))  # (a log's colour codes)

        def echo(s: str = "") -> None:
            click.echo(s, color=opts.color)

        echo()
        where = render.printable(f"{doc.path}:{line}:{col}:")
        echo(f"{_paint('where', where)} {f.kind}, confidence {f.confidence:.2f}")
        echo(f"  {before}{click.style(word, fg='red', bold=True, underline=True)}{after}")
        if f.reason:
            echo(f"  why: {' '.join(f.reason.split())}")
        for i, option in enumerate(review.choices(f), 1):
            echo(f"  [{i}] {_paint('new', option)}")
        while True:
            try:
                answer = click.prompt(prompt, default="y" if f.action == "fix" else "n")
            except click.Abort:  # end of input: stop as if "q"
                answer = "q"
            decision = review.decide(answer, f, can_always=True)
            if decision.verb != "invalid":
                break
            echo("  Answer y, n, a suggestion's number, e, a, or q.")
        if decision.verb == "accept" and decision.replacement is not None:
            chosen.append(review.accepted(f, decision.replacement))
        elif decision.verb == "edit":
            try:
                typed = click.prompt("  Replace with", default=word)
            except click.Abort:
                typed = word
            if typed != word:
                chosen.append(review.accepted(f, typed))
        elif decision.verb == "always":
            echo(render.printable(_always(doc, f, opts, tally)))
        elif decision.verb == "quit":
            tally.quit = True
    return tuple(chosen)


# -- the run --------------------------------------------------------------------------------


def _summary(mode: Mode, t: Tally) -> str:
    n = render.count
    done = {Mode.DIFF: "would be fixed", Mode.CHECK: "fixable"}.get(mode, "fixed")
    left = t.findings - t.fixed
    # (a run that checked nothing because --exclude matched every file named said only "0 files")
    excluded = f", {n(t.excluded, 'named file')} left out by --exclude" if t.excluded else ""
    if t.config_excluded:
        excluded += f", {n(t.config_excluded, 'named file')} left out by the config's exclude"
    foreign = f", {t.foreign} not English (left alone)" if t.foreign else ""
    return (
        f"normalize: {n(t.files, 'file')} checked{excluded}{foreign}, {n(t.findings, 'finding')}, {t.fixed} {done},"
        f" {left} left to review"
    )


def shown(path: str) -> str:
    """The one form a path takes in every report: relative to the current folder when under
    it, normalized, with "/" ("./my story.md" and "my story.md" are both "my story.md")."""
    if path == STDIN:
        return path
    p = os.path.normpath(path)
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
        except OSError:  # (the current folder was removed: there is nothing to be relative to)
            rel = ".."
        p = p if rel.startswith("..") else rel
    return p.replace(os.sep, "/")


def _want_progress(total: int, opts: Options) -> bool:
    """A bar on stderr's terminal for many files, unless stdout goes down a pipe: its reader may be
    a pager on the same terminal (fix --diff DIR | less), which the bar would draw over."""
    return total > PROGRESS_AFTER and not opts.interactive and _stderr_is_terminal() and not _stdout_is_pipe()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _stdout_is_pipe() -> bool:
    try:
        return _is_pipe(sys.stdout.fileno())
    except (OSError, ValueError):  # (no file descriptor: a library's or a test's stream)
        return False


def _is_pipe(fd: int) -> bool:
    return stat.S_ISFIFO(os.fstat(fd).st_mode)


def _validate(opts: Options, paths: tuple[str, ...]) -> None:
    if paths.count("-") > 1:
        raise click.UsageError("'-' (stdin) may be given only once")
    if opts.stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names what '-' (stdin) reads: give '-' too")
    if opts.stdin_filename is not None and (not opts.stdin_filename or os.path.isdir(opts.stdin_filename)):
        raise click.UsageError(f"--stdin-filename {opts.stdin_filename!r} is no file's name (a folder, or empty)")
    fmt, mode = opts.fmt, opts.mode
    if fmt in COLLECTED and (mode is Mode.DIFF or opts.show_diff):
        raise click.UsageError(f"--diff and --format {fmt} cannot be combined")
    if fmt in COLLECTED and mode is Mode.WRITE and "-" in paths:
        raise click.UsageError(f"'fix -' writes the text to stdout; use 'check --format {fmt} -'")
    if opts.interactive:
        if mode is not Mode.WRITE:
            raise click.UsageError("--interactive cannot be combined with --diff")
        if "-" in paths:
            raise click.UsageError("--interactive reads answers from stdin; give file paths")
        if fmt != "text":
            raise click.UsageError("--interactive shows findings itself; drop --format")


def run(mode: Mode, paths: tuple[str, ...], fmt: str, **options: object) -> int:
    opts = Options(mode, fmt, **options)  # type: ignore[arg-type]
    _validate(opts, paths)
    if sys.stdout is None:  # started with stdout closed (check >&-): findings, a diff or text lost unsaid
        _error("stdout is closed: findings could not be reported")
        return 2
    # Findings go to stdout, unless stdout carries the corrected text.
    report_to_stderr = mode is Mode.WRITE and "-" in paths
    tally = Tally()
    plan = _plan(paths, opts.keep, tally, opts.config)
    total = sum(1 if listed is None else len(listed) for _, listed in plan)
    # 0: one per core; more would only take turns on the cores, each with its own memory.
    cores = _cores()
    jobs = min(opts.jobs or cores, cores)
    if total == 1 and not opts.interactive:  # one file: a long one is read on the workers a piece at a time
        engine.use_workers(jobs)
    opts = opts._replace(jobs=1 if opts.interactive else min(jobs, total))
    docs = _documents(plan, tally)
    if _want_progress(total, opts):
        with click.progressbar(length=total, label="normalize", file=sys.stderr) as bar:
            tally.bar = True
            code = _run_docs(_ticking(docs, bar), opts, tally, report_to_stderr)
    else:
        code = _run_docs(docs, opts, tally, report_to_stderr)
    if mode is Mode.WRITE and tally.stdin is not None:
        # `fix -` is a filter (an editor's, a pipeline's): on an error its output is the text
        # as it came, byte for byte, not nothing, which took the place of the user's text.
        click.echo(tally.stdin, nl=False)
    if code is not None:
        return code
    if fmt == "json":
        click.echo(render.utf8(render.render_json(tally.reports, tally.problems)), nl=False)
    elif fmt == "sarif":
        version = about.version()
        click.echo(render.utf8(render.render_sarif(tally.reports, version, tally.problems)), nl=False)
    if not tally.errors:
        click.echo(_summary(mode, tally), err=True)
    return tally.exit_code


def _cores() -> int:
    from normalize.fanout import cores  # (fanout imports nothing heavy until it forks)

    return cores()


def _ticking(docs: Iterator[files.Document], bar: object) -> Iterator[files.Document]:
    for doc in docs:
        yield doc
        bar.update(1)  # type: ignore[attr-defined]


def _run_docs(docs: Iterator[files.Document], opts: Options, tally: Tally, report_to_stderr: bool) -> int | None:
    for doc, checked in _checks(docs, opts):
        try:
            report, policy = _process(doc, opts, tally, checked)
        except DictionaryError as e:  # the same for every file: say it once and stop
            _error(str(e))
            return 2
        except NotEnglish:
            tally.foreign += 1
        except NormalizeError as e:
            tally.fail(str(e))
        except OSError:  # the output (the files' errors are InputErrors): the next file's fails too
            raise
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            tally.fail(f"{doc.path}: internal error: {type(e).__name__}: {e}")
        else:
            path = shown(_named(doc, opts))
            if report.findings and opts.fmt not in COLLECTED:
                tally.clear_bar(report_to_stderr)
            if opts.fmt in COLLECTED:
                if report.findings:
                    tally.reports[path] = report
            elif opts.interactive:
                pass  # the review showed every finding
            elif opts.fmt == "github":  # (the path as it is: an annotation names the file)
                click.echo(render.render_github({path: report}), nl=False, err=report_to_stderr)
            elif opts.verbose:  # (a terminal's: the name's escapes are not the terminal's to obey)
                text = render.render_text({render.printable(path): report}, _paint)
                click.echo(text, nl=False, err=report_to_stderr, color=opts.color)
            else:
                text = render.render_short({render.printable(path): report}, _paint, warn=policy != "suggest")
                click.echo(text, nl=False, err=report_to_stderr, color=opts.color)
        if tally.quit:
            break
    return None


# readable=False: an unreadable file or folder is reported in one line as it comes, not by click's usage error.
_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, readable=False))
_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format: text, json or sarif (to stdout), github (workflow commands).",
)
_include = click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="In a directory, check files matching GLOB instead of its prose files"
    " (repeatable; with '/': the path under the directory). Files named are checked whatever it says.",
)
_exclude = click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files matching GLOB, in directories and among the files named (repeatable;"
    " adds to the config's exclude).",
)
_config_opt = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Read settings from this file instead of the discovered .normalize.toml / pyproject.toml.",
)
_style_opt = click.option(
    "--style",
    metavar="NAME",
    help="House style whose preferred spellings become fixes (e.g. ukrainian).",
)
_jobs_opt = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default="0: one per core",
    help="Check files (or one long file's pieces) in N worker processes, at most one per core;"
    " output is the same, in order, as with 1.",
)
_fail_on_opt = click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(config.FAIL_ON),
    default=None,
    help="Exit 1 on: suggest = any finding not written (default), fix = fixes only "
    "(suggestions are warnings), never. Overrides the config's fail-on.",
)
_stdin_filename_opt = click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Check what '-' reads as the file PATH: its format (by extension), its config, and its name"
    " in reports (an editor's filter of a Markdown buffer).",
)
_verbose_opt = click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Give each finding's reason and sources (JSON and SARIF always do).",
)
_color_opt = click.option(
    "--color",
    "color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text and diffs (auto: on a terminal, unless NO_COLOR is set).",
)


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version, read only when asked (an install of the source before its renaming included)."""
    if value and not ctx.resilient_parsing:
        click.echo(f"normalize, version {about.version()}")
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """Find and fix misspelled names of officials and places, and typos, in English prose.

    \b
    Exit status:
      0    nothing is left for a human (fix wrote every fix, or there was nothing to find)
      1    findings remain to review (with --fail-on fix: fixes only; never: none)
      2    bad input or usage: one line on stderr
      130  stopped by Ctrl-C (no file is left half written)
    """


@cli.command()
@_paths
@_format
@_include
@_exclude
@_color_opt
@_config_opt
@_style_opt
@_jobs_opt
@_fail_on_opt
@_verbose_opt
@_stdin_filename_opt
def check(
    paths: tuple[str, ...],
    fmt: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    color: str,
    config_path: Path | None,
    style: str | None,
    jobs: int,
    fail_on: str | None,
    verbose: bool,
    stdin_filename: str | None,
) -> None:
    """Report findings in PATHS (files, directories, or - for stdin).

    \b
    Exits
      0  when there is nothing to report
      1  when findings remain (with --fail-on fix: fixes; with never: not)
      2  on bad input
    """
    keep = discover.Filter(include, exclude)
    sys.exit(
        run(
            Mode.CHECK,
            paths,
            fmt,
            keep=keep,
            color=_color(color),
            config=config_path,
            style=style,
            jobs=jobs,
            fail_on=fail_on,
            verbose=verbose,
            stdin_filename=stdin_filename,
        )
    )


@cli.command()
@_paths
@_format
@_include
@_exclude
@_color_opt
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
@click.option("--show-diff", is_flag=True, help="Write the fixes and print the diff of what changed.")
@click.option("--interactive", "-i", is_flag=True, help="Review each finding before writing.")
@_config_opt
@_style_opt
@_jobs_opt
@_fail_on_opt
@_verbose_opt
@_stdin_filename_opt
def fix(
    paths: tuple[str, ...],
    fmt: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    color: str,
    diff: bool,
    show_diff: bool,
    interactive: bool,
    config_path: Path | None,
    style: str | None,
    jobs: int,
    fail_on: str | None,
    verbose: bool,
    stdin_filename: str | None,
) -> None:
    """Apply the unambiguous fixes in place (for -: print the corrected text, the findings to stderr).

    \b
    Exits
      0  when every finding was a fix and was written
      1  when suggestions (with --diff: fixes too) remain to review; with
         --fail-on fix: when a fix was written (a hook fails when it changed
         a file) or is left; with never: not
      2  on bad input
    """
    if diff and show_diff:
        raise click.UsageError("--diff writes nothing and --show-diff writes: choose one")
    keep = discover.Filter(include, exclude)
    mode = Mode.DIFF if diff else Mode.WRITE
    sys.exit(
        run(
            mode,
            paths,
            fmt,
            keep=keep,
            show_diff=show_diff,
            interactive=interactive,
            color=_color(color),
            config=config_path,
            style=style,
            jobs=jobs,
            fail_on=fail_on,
            verbose=verbose,
            stdin_filename=stdin_filename,
        )
    )


class ByteSize(click.ParamType[int]):
    """'1000000', '1MB', '512k', '1.5MB' -> bytes (k, M, G: powers of 1000; KiB, MiB, GiB: of 1024)."""

    name = "size"
    UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "kib": 2**10, "m": 10**6, "mb": 10**6, "mib": 2**20}
    UNITS |= {"g": 10**9, "gb": 10**9, "gib": 2**30}

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        import fractions

        m = re.fullmatch(r"(\d+(?:\.\d+)?) ?([a-z]*)", str(value).strip().lower())
        if m is None or m.group(2) not in self.UNITS:
            self.fail(f"{value!r} is not a size like 1000000, 500k or 2MB", param, ctx)
        size = int(fractions.Fraction(m.group(1)) * self.UNITS[m.group(2)])
        if size < 1:
            self.fail(
                f"{value!r}: a limit of 0 bytes would refuse every request; give a size like 1MB or 500k", param, ctx
            )
        return size


def _face(module: str, extra: str) -> object:
    """Import a face whose dependencies are an extra; tell how to install them when missing."""
    import importlib

    try:
        return importlib.import_module(f"normalize.{module}")
    except ImportError as e:
        _error(f"{e.name or module} is not installed: pip install 'normalize-prose[{extra}]'")
        sys.exit(2)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (all interfaces: 0.0.0.0).")
@click.option(
    "--port",
    default=8081,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port (8081 is LanguageTool's, so its clients' defaults work).",
)
@click.option(
    "--max-body",
    default="1MB",
    show_default=True,
    type=ByteSize(),
    metavar="SIZE",
    help="Larger request bodies get 413 (bytes, or with k/M/G/KiB/MiB/GiB).",
)
@_config_opt
@_style_opt
def serve(host: str, port: int, max_body: int, config_path: Path | None, style: str | None) -> None:
    """Serve LanguageTool's HTTP API (/v2/check), normalize's /check and a review page at /."""
    server = _face("server", "server")
    try:
        settings = document.settings_for(None, config_path, {"style": style} if style else {})
        server.run(host, port, settings, max_body=max_body)  # type: ignore[attr-defined]
    except NormalizeError as e:  # a bad config, a busy port
        _error(str(e))
        sys.exit(2)


@cli.command()
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server on stdio: diagnostics, quick fixes, "fix all", "add to words"."""
    server = _face("lsp", "lsp")
    server.main()  # type: ignore[attr-defined]


cli.add_command(gazetteer)


def main() -> None:
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # (not when ignored: nohup, `&`)
        signal.signal(signal.SIGINT, interrupt)
    try:
        # Not standalone: a usage error is ours to say, in one line (click itself still turns
        # a broken stdout pipe into exit 1); a command ends by sys.exit, --help and --version
        # by the code returned.
        code = cli.main(prog_name="normalize", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as e:  # `normalize` alone: the help
        e.show()
        sys.exit(e.exit_code)
    except click.ClickException as e:
        _error(_usage_error(e))
        sys.exit(e.exit_code)
    except click.exceptions.Abort:  # (a prompt's end of input, where no answer was read)
        sys.exit(1)
    except Interrupted:  # quietly, as Ctrl-C of grep or rg: the shell shows the prompt again
        stopped_by_ctrl_c()
    except OSError as e:  # the output, as a rule (a full disk; a closed pipe is click's, exit 1)
        _error(files.said(e))
        sys.exit(2)
    except Exception as e:  # noqa: BLE001 - a bug must still be one line, exit 2
        _error(f"internal error: {type(e).__name__}: {e}")
        sys.exit(2)
    finally:
        # What is left goes with the process: frozen, it is not walked again by the cycle
        # collections of the interpreter's shutdown (a twentieth of a short file's check).
        gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)


def _usage_error(e: click.ClickException) -> str:
    """A usage error in one line, as the help's exit status promises ("check: Invalid value for
    '--format': ..."), and where the usage is; click wrote four lines (usage, hint, blank, error)."""
    ctx = e.ctx if isinstance(e, click.UsageError) else None
    command = ctx.command_path.split(" ", 1)[1:] if ctx is not None else []  # ("check", "gazetteer import")
    hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    return "".join(f"{c}: " for c in command) + e.format_message().rstrip(".") + hint
