"""The document pipeline that every face calls: markup and ignore markers -> skip spans,
config -> engine, check -> Report.

    report = check_document(text, path="story.md")            # Markdown by the extension
    report = check_document(text, format="html", config=cfg)   # or say the format

The CLI, the HTTP server, the language server and batch runs all go through
``check_document``, so each face only reads its input and renders the Report.
Findings are in the document's own offsets (half-open ``str`` indexes into
``text`` as given): markup, ignore markers and a caller's extra ``skip`` spans
only hide parts of the text, they never move it. Nothing here prints or writes;
``settings_for`` is the one step that reads (the config file that governs a path).

Which files are checked at all is decided here too, for every face that checks files by
path (the CLI, the language server, the batch runner): ``left_out`` says whether the
config's ``exclude`` leaves a file out, ``Exclusions`` asks it of many files, reading each
folder's config once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from normalize import config as _config
from normalize import discover, engine, ignore, shape
from normalize.errors import InputError, NormalizeError
from normalize.types import Finding, Report

if TYPE_CHECKING:
    from normalize import tables

Format = Literal["text", "markdown", "html", "rst", "asciidoc", "org"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "rst", "asciidoc", "org")
Span = tuple[int, int]


def format_of(path: str | None, format: str | None = None) -> Format:
    """The document's format: the one named, else the one its path's extension implies."""
    if format is not None:
        if format not in FORMATS:
            raise InputError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
        return format  # type: ignore[return-value]
    ext = Path(path).suffix.lower() if path else ""
    if ext in discover.MARKDOWN:
        return "markdown"
    if ext in discover.HTML:
        return "html"
    return discover.LITERAL_FORMATS.get(ext, "text")  # type: ignore[return-value]


def skip_spans(text: str, *, path: str | None = None, format: str | None = None) -> list[Span]:
    """What the engine must not check: markup that is not prose, and ignored text."""
    kind = format_of(path, format)
    if kind == "text":  # (markup's parsers, html's entities and their patterns: not imported for it)
        return ignore.ignore_spans(text)
    from normalize import markup

    if kind == "markdown":
        spans = markup.markdown_spans(text)
    elif kind == "html":
        spans = markup.page_spans(text)
    else:
        spans = markup.literal_spans(text, kind)
    return spans + ignore.ignore_spans(text)


def settings_for(
    path: str | Path | None,
    explicit: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> _config.Config:
    """The Config that governs a document at ``path`` (None: the current folder).

    ``explicit`` replaces discovery (``--config``); ``overrides`` (``{"style": ...}``)
    win over both, as the command line does.
    """
    try:
        start: Path | None = Path.cwd() if path is None else Path(path)
    except FileNotFoundError:  # (the current folder was removed: there is none to discover from)
        start = None
    return _config.load(start, explicit, dict(overrides or {}))


def left_out(path: str | Path, settings: _config.Config) -> bool:
    """Whether ``settings.exclude`` (of the config that governs the file at ``path``) leaves the
    file out. Its globs match the path from the config file's folder, as --exclude's match it
    from the folder named (``docs/archive/*`` is the repository's docs/archive however the file
    is reached: a folder argument, ``./docs/archive/x.md``, an absolute path, an editor's URI);
    a file outside that folder (a ``--config`` kept elsewhere) by its name alone."""
    if not settings.exclude or settings.path is None:
        return False
    try:
        resolved = Path(path).resolve()
        rel = os.path.relpath(resolved, settings.path.resolve().parent)
    except (OSError, RuntimeError, ValueError):  # (a symlink loop; another drive)
        return False
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = resolved.name
    return discover.Filter((), settings.exclude).excludes(rel)


class Exclusions:
    """``left_out`` of many files, each under the config that governs it (``explicit``'s, else the
    one discovered from its folder), read once a folder. A config that does not load leaves
    nothing out: its one-line error comes when the file is checked."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = explicit
        self.configs: dict[Path, _config.Config | None] = {}

    def __call__(self, path: str | Path) -> bool:
        try:
            folder = Path(path).resolve().parent
        except (OSError, RuntimeError):
            return False
        if folder not in self.configs:
            try:
                self.configs[folder] = _config.load(folder, self.explicit)
            except NormalizeError:
                self.configs[folder] = None
        settings = self.configs[folder]
        return settings is not None and left_out(path, settings)


# A text is taken for English unless it has at least ENGLISH_MIN_WORDS lowercase words and fewer
# than ENGLISH_SHARE of them are common English words (Zipf >= COMMON_ZIPF). English prose measures
# 0.89-1.0 (the 1 MB sample's 278 paragraphs of 8 words or more; the seed article 0.98), German,
# French, Spanish, Italian, Dutch and Portuguese news sentences 0.33-0.53 (they share de, in, a, die).
ENGLISH_MIN_WORDS = 8
ENGLISH_SHARE = 0.65
COMMON_ZIPF = 3.0
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str, config: _config.Config | None = None) -> bool:
    """Whether ``text`` may be English prose, for a face asked to guess the language (LanguageTool's
    ``language=auto``): English words would be read into another language's (sagte -> sage, agir
    -> air). Too short to tell: True. Names are not counted (a capital letter), nor digits."""
    words = [w for w in _WORD.findall(text) if w[0].islower()]
    if len(words) < ENGLISH_MIN_WORDS:
        return True
    settings = config if config is not None else _config.Config()
    zipf = engine.for_config(settings).lexicon.words
    common = sum(1 for w in words if zipf.get(w.lower(), 0.0) >= COMMON_ZIPF)
    return common >= ENGLISH_SHARE * len(words)


ENGLISH_SAMPLE = 100_000  # characters a file's language is told by (all of a 10 MB file took 1.8 s)


def prose_looks_english(
    text: str, *, path: str | None = None, format: str | None = None, config: _config.Config | None = None
) -> bool:
    """``looks_english`` of a document's prose, in its first ``ENGLISH_SAMPLE`` characters: its
    markup, code and ignored text are no words of its language (a Markdown page's code, URLs
    and ``normalize: ignore`` markers, counted, made an English page look foreign)."""
    sample = text[:ENGLISH_SAMPLE]
    prose, at = [], 0
    for start, end in sorted(skip_spans(sample, path=path, format=format)):
        prose.append(sample[at:start])
        at = max(at, end)
    prose.append(sample[at:])
    return looks_english(" ".join(prose), config)


def check_english_document(
    text: str, *, path: str | None = None, format: str | None = None, config: _config.Config | None = None
) -> Report | None:
    """``check_document`` of a document whose prose looks English (``prose_looks_english``); None
    for one that plainly is not, which is left alone: the CLI, the language server and the batch
    runner check a folder's files this way (`fix docs/` wrote sagte -> sage into a German page).
    The library's ``check_document`` and the LanguageTool API, whose caller names the language,
    check what they are given."""
    if not prose_looks_english(text, path=path, format=format, config=config):
        return None
    return check_document(text, path=path, format=format, config=config)


def fixed_text(text: str, fixes: Iterable[Finding], *, path: str | None = None, format: str | None = None) -> str:
    """``text`` with ``fixes`` made, as a file of its format takes them (``edited_text``)."""
    return edited_text(
        text, [(f.start, f.end, f.replacement) for f in fixes if f.replacement is not None], path=path, format=format
    )


def edited_text(text: str, edits: Sequence[tables.Edit], *, path: str | None = None, format: str | None = None) -> str:
    """``text`` with each ``(start, end, replacement)`` made (sorted, not overlapping), as a file of
    its format takes them: in Markdown, a fix in an aligned pipe table keeps the columns where its
    cell's padding allows (``normalize.tables``); elsewhere, exactly the replacements."""
    from normalize import tables  # (it imports markup: a check of plain text needs neither)

    if format_of(path, format) != "markdown":
        return tables.splice(text, sorted(edits))
    return tables.splice(text, tables.edits(text, edits))


def check_document(
    text: str,
    *,
    path: str | None = None,
    format: str | None = None,
    config: _config.Config | None = None,
    skip: Sequence[Span] = (),
) -> Report:
    """Findings for a whole document, in its own offsets; ``Report.fixed`` is the corrected text.
    A fix on a line that is not prose-shaped (``normalize.shape``: a config file, a shell
    command) is a suggestion.

    ``format`` ("text", "markdown", "html", "rst", "asciidoc", "org") defaults to what ``path``'s extension says;
    ``config`` defaults to the default Config (no discovery: see ``settings_for``);
    ``skip`` adds spans the caller knows are not prose (an editor's markup).
    """
    engine.must_be_text(text)
    kind = format_of(path, format)
    if not text:
        return Report(text)
    settings = config if config is not None else _config.Config()
    # The engine keeps one Normalizer per configuration; the default one is shared.
    normalizer = engine.default() if settings == _config.Config() else engine.for_config(settings)
    with engine.collector_paused():  # markup parsers make many small objects too
        spans = sorted(skip_spans(text, format=kind) + list(skip))
        report = normalizer.check(text, skip=spans)
        # A fix on a line that is not prose (a config file's, a shell command's) is only suggested.
        if not report.fixes:
            return report
        return shape.suggested_only(report, shape.unshaped(text, spans, at=[f.start for f in report.fixes]))
