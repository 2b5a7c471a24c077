"""``normalize lsp``: the document pipeline as a language server on stdio (pygls).

* Markdown, HTML, plain-text, reStructuredText, AsciiDoc and Org documents (the
  files ``normalize check`` reads in a folder) are checked as they open and change (a
  short pause after the last keystroke); each finding becomes a diagnostic
  (a fix: warning, a suggestion: information) with its reason.
* A quick fix per finding replaces the word (the fix is the preferred one); "Fix all"
  (``source.fixAll.normalize``, an editor's fix on save) makes every fix as ``normalize
  fix`` does (a Markdown table keeps its columns); and
  "Add 'X' to words" writes X into the workspace's ``.normalize.toml`` (the
  config file that governs the document, else one at the workspace root) and
  checks the open documents again. It writes nothing outside the workspace folder
  that holds the document: without one, it says so in a message.
* The config is the one that governs the document's file, as for the CLI;
  a document without a file (untitled) takes the workspace root's. The editor is
  asked to watch the configs (and .normalize/ gazetteers): when one changes, the
  open documents are checked again. Under a broken config a document's diagnostics
  are one error at its start that says why (and a message, once), not the findings
  of its last sound check. A file that the config's ``exclude`` leaves out gets no
  diagnostics, as ``normalize check`` leaves it out.

Positions are converted only here, at the edge: str offsets <-> LSP line and
character in the encoding the client chose (UTF-16 unless it offered another).
Documents are synced whole, so the text checked is exactly the client's.
"""

from __future__ import annotations

import asyncio
import re
from bisect import bisect_right
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol.language_server import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import PositionCodec

from normalize import config as _config
from normalize import document, tables
from normalize.about import version
from normalize.errors import NormalizeError
from normalize.types import Finding, Report

# languageId -> format: the documents `normalize check` reads (discover.PROSE), as it reads them
# (HTML and Markdown as markup; reStructuredText, AsciiDoc and Org without their code blocks and
# literals; plain text as it is); an HTML or reStructuredText file open in
# the editor got no diagnostics, though the command line checked it.
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
LANGUAGES |= {"restructuredtext": "rst", "rst": "rst", "asciidoc": "asciidoc", "org": "org"}  # (rst: Neovim's)
PAUSE = 0.25  # seconds after the last change before checking
ADD_WORD = "normalize.addWord"
SOURCE = "normalize"
_BREAK = re.compile(r"\r\n|\r|\n")  # the LSP's line breaks, no others
WATCHED = ("**/.normalize.toml", "**/pyproject.toml", "**/.normalize/**")  # what settings come from
WATCHED_ID = "normalize.configs"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"  # source.fixAll.normalize (editors' fix on save)


class Positions:
    """str offset <-> LSP Position for one text, in the client's code units."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> types.Position:
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line, self.codec.client_num_units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, pos: types.Position) -> int:
        if pos.line >= len(self.starts):
            return len(self.text)
        at = self.starts[pos.line]
        stop = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        units = 0
        while at < stop and units < pos.character and self.text[at] not in "\r\n":
            units += self.codec.client_num_units(self.text[at])
            at += 1
        return at


@dataclass
class Checked:
    version: int | None
    report: Report
    positions: Positions
    format: str = "text"


def message(f: Finding) -> str:
    if f.replacement is not None:
        head = f"'{f.text}' -> '{f.replacement}'"
    else:
        head = f"'{f.text}': did you mean {', '.join(f.suggestions[:3]) or 'something else'}?"
    reason = " ".join(f.reason.split())
    return f"{head} ({f.kind}, confidence {f.confidence:.2f}){': ' + reason if reason else ''}"


def diagnostic(f: Finding, where: Positions) -> types.Diagnostic:
    severity = types.DiagnosticSeverity.Warning if f.action == "fix" else types.DiagnosticSeverity.Information
    return types.Diagnostic(
        range=where.range(f.start, f.end),
        message=message(f),
        severity=severity,
        source=SOURCE,
        code=f"{f.rule}:{f.kind}",
        data={"start": f.start, "end": f.end, "text": f.text},
    )


class Protocol(LanguageServerProtocol):
    """pygls's protocol, except that a change with a range, which a client may send though the
    server asks for whole documents, is applied here to the text it was made to (LSP lines,
    the client's code units): pygls took its new text for the whole document, so the checked
    text was the few characters typed, and a quick fix's range pointed into the wrong text."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        if params.text_document.uri not in self.workspace.text_documents:
            # A change after its document was closed (an editor's race): pygls read the file
            # from disk to apply it to, and a file that is not there was an error box.
            return
        text = self.workspace.get_text_document(params.text_document.uri).source
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                where = Positions(text, self.workspace.position_codec)
                text = text[: where.offset(change.range.start)] + change.text + text[where.offset(change.range.end) :]
            else:
                text = change.text
        whole = [types.TextDocumentContentChangeWholeDocument(text=text)]
        yield from super().lsp_text_document__did_change(types.DidChangeTextDocumentParams(params.text_document, whole))


class NormalizeServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "normalize", version(), text_document_sync_kind=types.TextDocumentSyncKind.Full, protocol_cls=Protocol
        )
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="normalize-check")
        self.said: dict[str, str] = {}  # uri -> the last error shown for it (a broken config), until a check succeeds

    # -- where a document's settings come from ---------------------------------------------

    def root(self) -> Path | None:
        root = self.workspace.root_path
        return Path(root) if root else None

    def doc_path(self, uri: str) -> Path | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Path(path) if path else None

    def settings(self, uri: str) -> _config.Config:
        path = self.doc_path(uri)
        start = path if path is not None else self.root()
        return document.settings_for(start)

    def folder_of(self, path: Path | None) -> Path | None:
        """The open workspace folder that holds the document's file (the innermost); for a
        document without a file, the workspace root; None when there is none."""
        # (doc_path: a folder's URI with no path is none, not Path(""), the server's working folder)
        folders = [p for f in self.workspace.folders.values() if (p := self.doc_path(f.uri)) is not None]
        root = self.root()
        roots = [r.resolve() for r in ([root] if root else []) + folders]
        if path is None:
            return roots[0] if roots else None
        holding = [r for r in roots if path.resolve().is_relative_to(r)]
        return max(holding, key=lambda r: len(r.parts)) if holding else None

    def config_file(self, uri: str) -> Path:
        """Where "add to words" writes: the config file that governs the document, else a
        .normalize.toml where discovery will find it (the document's repository, else the
        workspace folder). Never outside the workspace folder that holds the document: an
        untitled document with no folder open wrote one in the server's working folder (the
        home folder, often), which governed nothing. ConfigError says why not."""
        path = self.doc_path(uri)
        folder = self.folder_of(path)
        what = "an untitled document" if path is None else str(path)
        if folder is None:
            raise _config.ConfigError(
                f"{what} is in no open workspace folder: open its folder to add words (nothing written)"
            )
        found = _config.discover(path if path is not None else folder)
        if found is not None:
            if not found.resolve().is_relative_to(folder):
                raise _config.ConfigError(
                    f"{found} governs {what} but lies outside the workspace folder {folder}: add the word there by hand"
                )
            return found
        repo = _config.repository_root(path.parent) if path is not None else folder
        return (repo if repo.is_relative_to(folder) and (repo / ".git").exists() else folder) / ".normalize.toml"

    # -- checking ------------------------------------------------------------------------------

    def check_now(self, uri: str, text: str, fmt: str) -> Report:
        """The document's findings; none for a file its config's ``exclude`` leaves out
        (``document.left_out``, as ``normalize check`` leaves it out) or one plainly not English."""
        settings, path = self.settings(uri), self.doc_path(uri)
        if path is not None and document.left_out(path, settings):
            return Report(text)
        report = document.check_english_document(text, format=fmt, config=settings)
        return Report(text) if report is None else report  # (left alone, as `normalize check` leaves a translation)

    async def check(self, uri: str, pause: float = PAUSE) -> None:
        if pause:
            await asyncio.sleep(pause)
        doc = self.workspace.get_text_document(uri)
        fmt = LANGUAGES.get(doc.language_id or "")
        if fmt is None:
            return
        text, version = doc.source, doc.version
        loop = asyncio.get_running_loop()
        try:
            report = await loop.run_in_executor(self.executor, self.check_now, uri, text, fmt)
        except NormalizeError as e:  # a broken config: say so, keep serving
            self.broken(uri, version, str(e))
            return
        except Exception as e:  # noqa: BLE001 - a bug: said in one line, as the CLI says it, and serving goes on
            # (it ended the check's task: asyncio logged a traceback, the old findings stayed)
            self.broken(uri, version, f"internal error: {type(e).__name__}: {e}")
            return
        self.said.pop(uri, None)
        if self.workspace.get_text_document(uri).version != version:
            return  # changed meanwhile; the newer check will publish
        where = Positions(text, self.workspace.position_codec)
        self.checked[uri] = Checked(version, report, where, fmt)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[diagnostic(f, where) for f in report.findings]
            )
        )

    def broken(self, uri: str, version: int | None, error: str) -> None:
        """A document that cannot be checked (its config is broken): its diagnostics become one
        error at its first character that says why, and its quick fixes go. The findings of the
        last check under the sound config stayed, and their quick fixes pointed into text typed
        since. The message box says it once: not again at every pause in typing, nor when the
        check of another document, under a sound config, succeeded between two of this one's,
        nor for each of the documents the same config governs (an editor that reopens ten of them
        showed ten boxes of one error)."""
        self.checked.pop(uri, None)
        if self.said.get(uri) != error:
            shown = error in self.said.values()  # (by another document, which still cannot be checked)
            self.said[uri] = error
            if not shown:
                self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"normalize: {error}"))
        if self.workspace.get_text_document(uri).version != version:
            return  # changed meanwhile; the newer check will publish
        at = types.Range(types.Position(0, 0), types.Position(0, 0))
        said = types.Diagnostic(
            range=at,
            message=f"not checked: {error}",
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
            code="config",
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[said])
        )

    def schedule(self, uri: str, pause: float = PAUSE) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self.check(uri, pause))

    def close(self, uri: str) -> None:
        """A document closed: its pending check is cancelled, what was kept of it dropped, and its
        diagnostics cleared."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.checked.pop(uri, None)
        self.said.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- code actions ---------------------------------------------------------------------------

    def actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        checked = self.checked.get(uri)
        # Not from a check of an older text (the user typed, the next check is still to come):
        # its ranges point into that text, and an editor applied the quick fix there, to the
        # wrong characters of the new one.
        if checked is None or checked.version != self.workspace.get_text_document(uri).version:
            return []
        lo, hi = checked.positions.offset(wanted.start), checked.positions.offset(wanted.end)
        out: list[types.CodeAction] = []
        try:
            where_words = f" ({self.config_file(uri).name})"
        except NormalizeError:  # offered still: running it says why it cannot be done
            where_words = ""
        for f in checked.report.findings:
            if f.end < lo or f.start > hi:
                continue
            diag = diagnostic(f, checked.positions)
            options = ([f.replacement] if f.replacement else []) + [s for s in f.suggestions if s != f.replacement]
            for n, option in enumerate(options[:3]):
                out.append(
                    types.CodeAction(
                        title=f"Replace '{f.text}' with '{option}'",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=f.action == "fix" and n == 0,
                        edit=types.WorkspaceEdit(changes={uri: self.edits(checked, f, option)}),
                    )
                )
            out.append(
                types.CodeAction(
                    title=f"Add '{f.text}' to words{where_words}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title="Add to words", command=ADD_WORD, arguments=[uri, f.text]),
                )
            )
        return out

    @staticmethod
    def edits(checked: Checked, f: Finding, option: str) -> list[types.TextEdit]:
        """The word replaced, and in a Markdown table the cell's padding that keeps its columns
        (as ``normalize fix`` writes it)."""
        if checked.format == "markdown":
            made = tables.edits(checked.report.text, [(f.start, f.end, option)])
        else:
            made = [(f.start, f.end, option)]
        return [types.TextEdit(range=checked.positions.range(s, e), new_text=new) for s, e, new in made]

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """The quick fixes of the findings in the range, and fix all, as far as ``only`` asks for them."""
        only = params.context.only
        out: list[types.CodeAction] = []
        if only is None or _wanted(types.CodeActionKind.QuickFix, only):
            out += self.actions(params.text_document.uri, params.range)
        if only is None or _wanted(FIX_ALL, only):
            out += self.fix_all(params.text_document.uri)
        return out

    def fix_all(self, uri: str) -> list[types.CodeAction]:
        """Every fix of the document at once, as ``normalize fix`` writes them (an editor's
        "fix all" and fix on save: ``"editor.codeActionsOnSave": {"source.fixAll": "explicit"}``);
        none when the document holds no fix, or changed since its check."""
        checked = self.checked.get(uri)
        if checked is None or checked.version != self.workspace.get_text_document(uri).version:
            return []
        fixes = checked.report.fixes
        if not fixes:
            return []
        made = [(f.start, f.end, f.replacement or "") for f in fixes]
        if checked.format == "markdown":
            made = tables.edits(checked.report.text, made)
        edits = [types.TextEdit(range=checked.positions.range(s, e), new_text=new) for s, e, new in made]
        title = f"Fix all: normalize ({len(fixes)} fix{'es' if len(fixes) > 1 else ''})"
        return [types.CodeAction(title=title, kind=FIX_ALL, edit=types.WorkspaceEdit(changes={uri: edits}))]

    def add_word(self, uri: str, word: str) -> str:
        where = self.config_file(uri)
        _config.add_word(where, word)
        return str(where)


def create_server() -> NormalizeServer:
    ls = NormalizeServer()

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NormalizeServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, pause=0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NormalizeServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NormalizeServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, pause=0)

    @ls.feature(types.INITIALIZED)
    def initialized(ls: NormalizeServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:  # (the editor watches: the server reads no folders)
            watchers = [types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(WATCHED_ID, types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            ls.client_register_capability(types.RegistrationParams([registration]))

    @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def configs_changed(ls: NormalizeServer, params: types.DidChangeWatchedFilesParams) -> None:
        """A config (or a gazetteer) written by hand, or by git: the open documents are checked
        again under it; they kept the findings of the old one until each was next changed."""
        for uri in list(ls.workspace.text_documents):
            ls.schedule(uri, pause=0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NormalizeServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: NormalizeServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @ls.command(ADD_WORD)
    async def add_word(ls: NormalizeServer, uri: Any, word: Any) -> str | None:
        # (Any: pygls made a str of anything typed str, so [5, null] wrote words = ["None"])
        if not (isinstance(uri, str) and isinstance(word, str)):
            raise JsonRpcInvalidParams(f"{ADD_WORD} takes a document's URI and a word (two strings)")
        try:
            written = ls.add_word(uri, word)
        except NormalizeError as e:  # nowhere to write it, a broken config: say so, write nothing
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"normalize: {e}"))
            return None
        for open_uri in list(ls.workspace.text_documents):
            await ls.check(open_uri, pause=0)
        return written

    return ls


def _wanted(kind: str | types.CodeActionKind, only: Sequence[str | types.CodeActionKind]) -> bool:
    """Whether a code action of ``kind`` is among those asked for: ``only`` names kinds or their
    parents ("source" takes "source.fixAll.normalize")."""
    name = kind.value if isinstance(kind, types.CodeActionKind) else kind
    asked = [k.value if isinstance(k, types.CodeActionKind) else k for k in only]
    return any(name == k or name.startswith(f"{k}.") for k in asked)


def main() -> None:
    create_server().start_io()
