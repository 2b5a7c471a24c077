"""Which files a directory argument stands for: git's view when there is one, globs.

Inside a git work tree a directory is listed with ``git ls-files --cached
--others --exclude-standard``, so ``.gitignore`` (and .git/info/exclude, and
the global excludes file) is honoured; without git, or outside a work tree,
``files.walk`` lists it. Either way hidden files and folders and symlinks are
left out, and paths come sorted.

A directory stands for its prose files only (``PROSE``: plain text, Markdown,
reStructuredText, HTML, AsciiDoc, Org), as Vale and LanguageTool read documents
and not code; ``--include`` names others. A file named on the command line is
checked whatever its extension or ``--include`` (as typos, ruff and black check a
file asked for by name), unless ``--exclude`` matches it: pre-commit names every
staged file, and a hook's ``--exclude`` must leave them out (typos' and ruff's
``--force-exclude``). The config's ``exclude`` key does the same from the config's
folder (document.left_out).

Globs (``--include``/``--exclude``) use ``fnmatch``: a pattern with a "/" is
matched against the path relative to the directory argument (``*`` crosses
"/"), one without against the file name alone.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from typing import NamedTuple

from normalize import files

# The extensions of each format the checker reads (document.format_of; markup parses them)
MARKDOWN = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
HTML = (".html", ".htm", ".xhtml")
# Formats whose program text (blocks, inline literals) is skipped, by extension
LITERAL_FORMATS = {".rst": "rst", ".adoc": "asciidoc", ".asciidoc": "asciidoc", ".org": "org"}

# The extensions of the files a directory stands for when no --include says otherwise
# (compared in lower case: README.TXT is prose too).
PROSE = frozenset((".txt", ".text", *MARKDOWN, *HTML, *LITERAL_FORMATS))


class Filter(NamedTuple):
    """Which files of a folder are checked: ``--include`` and ``--exclude`` glob patterns."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, rel: str) -> bool:
        """``rel``: a path relative to its directory argument."""
        if self.excludes(rel):
            return False
        return not self.include or any(_match(rel.replace(os.sep, "/"), p) for p in self.include)

    def excludes(self, rel: str) -> bool:
        """Whether --exclude leaves ``rel`` out: a path under a directory argument, or a file
        named on the command line (which --include does not filter: it was asked for by name)."""
        rel = rel.replace(os.sep, "/")
        return any(_match(rel, p) for p in self.exclude)


def _match(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if "/" in pattern:
        return fnmatch.fnmatchcase(rel, pattern.lstrip("/")) or fnmatch.fnmatchcase(rel, pattern.lstrip("/") + "/*")
    return any(fnmatch.fnmatchcase(part, pattern) for part in rel.split("/"))


_UNREADABLE = re.compile(r"^warning: could not open directory '(.+)': (.+)$", re.M)


def _git_listing(root: str, unreadable: list[str] | None = None) -> list[str] | None:
    """Files under ``root`` as git sees them, or None when git cannot say; the folders git
    could not open (it warns and goes on) are noted in ``unreadable``."""
    if not _may_be_in_git(root):
        return None  # (git would only fail: starting it took 5 ms, walking 200 files takes 2)
    import subprocess  # here: a check of single files never starts git

    try:
        done = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            capture_output=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C"},  # its warnings are read below
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:  # not a work tree: walk instead
        return _refused(root, done.stderr, unreadable)
    if unreadable is not None:
        for m in _UNREADABLE.finditer(done.stderr.decode("utf-8", "surrogateescape")):
            folder = os.path.normpath(os.path.join(root, m.group(1)))
            unreadable.append(f"{folder}: {m.group(2).lower()}")
    return [p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


_DUBIOUS = re.compile(r"^fatal: (detected dubious ownership in repository at '.*')$", re.M)


def _refused(root: str, said: bytes, unreadable: list[str] | None) -> list[str] | None:
    """None (walk the folder instead), unless git refused to list a repository owned by another
    user (safe.directory: root in a container, over a checkout): walked, its git-ignored files
    were checked, and fixed. Then nothing is listed, and ``unreadable`` says why."""
    m = _DUBIOUS.search(said.decode("utf-8", "surrogateescape"))
    if m is None or unreadable is None:
        return None
    unreadable.append(
        f"{root}: git refused to list it ({m.group(1)}; see git config safe.directory),"
        " so its .gitignore cannot be honoured"
    )
    return []


def _may_be_in_git(root: str) -> bool:
    """Whether git could find a repository for ``root``: a ``.git`` (a folder, or a file as a
    linked worktree's) or a bare repository in it or a folder above it, as its path is written
    or resolved, or one named by ``GIT_DIR`` or ``GIT_WORK_TREE``. Without any, ``git ls-files``
    fails, and the folder is walked."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    for start in {os.path.abspath(root), os.path.realpath(root)}:
        here = start
        while True:
            if os.path.lexists(os.path.join(here, ".git")) or os.path.isdir(os.path.join(here, "objects")):
                return True  # (a folder with objects/ may be a bare repository, which git also finds)
            up = os.path.dirname(here)
            if up == here:
                break
            here = up
    return False


def walk(root: str, use_git: bool = True, unreadable: list[str] | None = None) -> Iterator[str]:
    """Regular, non-hidden, non-symlinked files under ``root``, sorted; folders that
    cannot be listed are noted in ``unreadable``. A submodule or a repository inside,
    which git lists as one folder, is walked as its own git sees it (its files were
    left out without a word)."""
    listed = _git_listing(root, unreadable) if use_git else None
    if listed is None:
        yield from files.walk(root, unreadable)
        return
    found = []
    for rel in set(listed):
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        p = os.path.join(root, rel)
        if os.path.islink(p):
            continue
        if os.path.isfile(p):  # (a deleted but tracked file is gone)
            found.append(p)
        elif os.path.isdir(p):  # a submodule or a repository inside: git names the folder, not its files
            found.extend(walk(p.rstrip("/"), use_git, unreadable))
    yield from sorted(found)


def expand(root: str, keep: Filter, use_git: bool = True, unreadable: list[str] | None = None) -> Iterator[str]:
    """The files under ``root`` that ``keep`` wants; without --include, its prose files."""
    for p in walk(root, use_git, unreadable):
        if not keep.include and os.path.splitext(p)[1].lower() not in PROSE:
            continue
        if keep.wants(os.path.relpath(p, root)):
            yield p
