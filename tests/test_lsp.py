"""`normalize lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

The client opens a document, receives the diagnostics, asks for the code
actions, applies the preferred quick fix itself (as an editor would, positions in
UTF-16) and sends the corrected text back; "add to words" writes the
workspace's .normalize.toml.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Union

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")
from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

TEXT = "😀 Café: Kremlin spokesman Kmitry Peskov declined to comment.\n\nIn code: `Kmitry`.\n"
WAIT = 180  # seconds: the server loads the dictionaries on the first check
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


def make_client() -> LanguageClient:
    """pytest-lsp's test client, which also keeps the version of the last diagnostics published
    for each document (``client.published``): a test waits for those of the text it sent."""
    client = LanguageClient(converter_factory=default_converter)
    published: dict[str, int | None] = {}

    def publish(params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        published[params.uri] = params.version

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: publish})
    client.published = published  # type: ignore[attr-defined]
    return client


async def until(client: LanguageClient, done: Callable[[], bool]) -> None:
    """Waits for diagnostics to be published until ``done()``. The waiter is registered before
    ``done()`` is asked, so none published in between is missed; and a test asks ``done()`` of
    what was published, not "the next one after now": the client may have read a check's
    diagnostics together with the answer to a request sent before them (a loaded machine),
    and then waited for diagnostics that had come already, for ever."""
    while True:
        waiter = client.protocol.wait_for_notification_async(PUBLISH)  # type: ignore[attr-defined]
        if done():
            return
        await asyncio.wait_for(waiter, WAIT)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # config discovery stops here
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "normalize", "lsp", "--stdio"], client_factory=make_client
    ),
)
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    # lsprotocol reads any result with a "command" key as a bare Command, though a
    # CodeAction's command is an object, not a string (editors tell them apart so):
    converter = lsp_client.protocol._converter

    def action(obj: dict, _: object) -> types.Command | types.CodeAction:  # type: ignore[type-arg]
        return converter.structure(obj, types.Command if isinstance(obj.get("command"), str) else types.CodeAction)

    # the very key lsprotocol registers its hook under (typing.Union, not X | Y)
    converter.register_structure_hook(Union[types.Command, types.CodeAction], action)  # noqa: UP007
    registered: list[types.RegistrationParams] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # as an editor does: it watches the files
        registered.append(params)

    lsp_client.registered = registered  # type: ignore[attr-defined]
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="news")],
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def offset(text: str, pos: types.Position) -> int:
    """An LSP position (UTF-16 code units) -> str index, as an editor computes it."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    units = lines[pos.line].encode("utf-16-le")[: 2 * pos.character].decode("utf-16-le")
    return start + len(units)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(text, e.range.start)] + e.new_text + text[offset(text, e.range.end) :]
    return text


async def diagnostics_for(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics the server published for ``version`` of the document (the version it
    publishes them for is that of the text it checked)."""
    await until(client, lambda: client.published.get(uri) == version)  # type: ignore[attr-defined]
    return list(client.diagnostics[uri])


async def open_doc(client: LanguageClient, uri: str, text: str, language: str) -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text)))
    await until(client, lambda: uri in client.diagnostics)
    return list(client.diagnostics[uri])


@pytest.mark.asyncio
async def test_diagnostics_quick_fix_and_corrected_text(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "story.md").as_uri()
    found = await open_doc(client, uri, TEXT, "markdown")
    assert len(found) == 1  # the code span is not prose
    diag = found[0]
    assert TEXT[offset(TEXT, diag.range.start) : offset(TEXT, diag.range.end)] == "Kmitry"
    assert diag.range.start == types.Position(0, len("😀 Café: Kremlin spokesman ".encode("utf-16-le")) // 2)
    assert diag.severity == types.DiagnosticSeverity.Warning and diag.source == "normalize"
    assert "'Kmitry' -> 'Dmitry'" in diag.message and "Peskov" in diag.message

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    assert actions is not None
    preferred = [a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred]
    assert [a.title for a in preferred] == ["Replace 'Kmitry' with 'Dmitry'"]
    assert preferred[0].edit is not None and preferred[0].edit.changes is not None
    fixed = apply(TEXT, list(preferred[0].edit.changes[uri]))
    assert fixed == TEXT.replace("Kmitry Peskov", "Dmitry Peskov")

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    assert await diagnostics_for(client, uri, 2) == []


@pytest.mark.asyncio
async def test_add_to_words_writes_the_workspace_config(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "notes" / "draft.txt").as_uri()
    (workspace / "notes").mkdir()
    found = await open_doc(client, uri, "Spokesman Kmitry Peskov said so.\n", "plaintext")
    assert [d.range.start.character for d in found] == [10]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found))
    )
    add = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.command is not None]
    assert [a.title for a in add] == ["Add 'Kmitry' to words (.normalize.toml)"]
    command = add[0].command
    assert command is not None
    client.diagnostics.pop(uri, None)
    written = await asyncio.wait_for(
        client.workspace_execute_command_async(types.ExecuteCommandParams(command.command, command.arguments)),
        WAIT,
    )
    config = workspace / ".normalize.toml"
    assert written == str(config)
    assert config.read_text(encoding="utf-8") == 'words = ["Kmitry"]\n'
    mask = os.umask(0o022)
    os.umask(mask)
    assert config.stat().st_mode & 0o777 == 0o666 & ~mask
    await until(client, lambda: uri in client.diagnostics)  # the open document is checked again with the new words
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_settings_come_from_the_workspace(client: LanguageClient, workspace: Path) -> None:
    (workspace / ".normalize.toml").write_text('words = ["Kmitry"]\n', encoding="utf-8")
    text = "Spokesman Kmitry Peskov met Defence Minister Oleskii Reznikov.\n"
    found = await open_doc(client, (workspace / "a.md").as_uri(), text, "markdown")
    assert [d.message.split(" ->")[0] for d in found] == ["'Oleskii'"]
    untitled = await open_doc(client, "untitled:Untitled-1", text, "plaintext")  # no file: the root's config
    assert [d.message.split(" ->")[0] for d in untitled] == ["'Oleskii'"]


@pytest.mark.asyncio
async def test_add_to_words_writes_nothing_outside_the_workspace(
    client: LanguageClient, workspace: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A document in no open workspace folder: the command says why in a message and writes
    nothing (its folder's .normalize.toml was written, outside what the user opened)."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    uri = (elsewhere / "draft.txt").as_uri()
    found = await open_doc(client, uri, "Spokesman Kmitry Peskov said so.\n", "plaintext")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(found))
    )
    add = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.command is not None]
    assert [a.title for a in add] == ["Add 'Kmitry' to words"]
    command = add[0].command
    assert command is not None
    written = await asyncio.wait_for(
        client.workspace_execute_command_async(types.ExecuteCommandParams(command.command, command.arguments)),
        WAIT,
    )
    assert written is None
    assert "is in no open workspace folder" in client.messages[-1].message
    assert sorted(os.listdir(elsewhere)) == [] and not (workspace / ".normalize.toml").exists()


def _server(root: Path | None, *folders: Path):  # type: ignore[no-untyped-def]
    from pygls.workspace import Workspace

    from normalize.lsp import NormalizeServer

    ls = NormalizeServer()
    ls.protocol._workspace = Workspace(
        root.as_uri() if root else None,
        workspace_folders=[types.WorkspaceFolder(f.as_uri(), f.name) for f in folders],
    )
    return ls


def test_a_document_that_is_not_english_gets_no_diagnostics(tmp_path: Path) -> None:
    # As `normalize check` leaves it: an editor's German page was underlined as misspelt English
    # (sagte -> sage, gestern -> western), its quick fixes ready to apply.
    ls = _server(tmp_path, tmp_path)
    german = "Die Minister haben gestern lange über die neuen Gesetze gesprochen, sagte ein Sprecher der Regierung.\n"
    assert ls.check_now((tmp_path / "de.md").as_uri(), german, "markdown").findings == ()
    english = (
        "Kremlin spokesman Kmitry Peskov said so.\n\n```\nzeige(nicht, gleich, oder, dann, wenn, aber, weil)\n```\n"
    )
    assert [f.text for f in ls.check_now((tmp_path / "en.md").as_uri(), english, "markdown").findings] == ["Kmitry"]


def test_untitled_with_no_folder_open_adds_no_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The server's working folder (often the home folder) got a .normalize.toml.
    from normalize.config import ConfigError

    monkeypatch.chdir(tmp_path)
    ls = _server(None)
    with pytest.raises(ConfigError, match="an untitled document is in no open workspace folder"):
        ls.add_word("untitled:Untitled-1", "Kmitry")
    assert os.listdir(tmp_path) == []


def test_a_workspace_folder_uri_without_a_path_is_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 'file://' was read as Path(""), the server's working folder: a file there got its .normalize.toml.
    from pygls.workspace import Workspace

    from normalize.config import ConfigError

    monkeypatch.chdir(tmp_path)
    ls = _server(None)
    ls.protocol._workspace = Workspace(None, workspace_folders=[types.WorkspaceFolder("file://", "odd")])
    with pytest.raises(ConfigError, match="is in no open workspace folder"):
        ls.add_word((tmp_path / "draft.txt").as_uri(), "Kmitry")
    assert os.listdir(tmp_path) == []


def test_add_to_words_stays_in_the_folder_that_holds_the_document(tmp_path: Path) -> None:
    from normalize.config import ConfigError

    outer, news, wire = tmp_path / "outer", tmp_path / "outer" / "news", tmp_path / "wire"
    (news / "desk" / ".git").mkdir(parents=True)
    (wire / ".git").mkdir(parents=True)
    ls = _server(news, news, wire)
    # a nested repository's own config, where discovery from its files stops
    assert ls.config_file((news / "desk" / "a.md").as_uri()) == news / "desk" / ".normalize.toml"
    assert ls.config_file((news / "b.md").as_uri()) == news / ".normalize.toml"
    assert ls.config_file((wire / "c.md").as_uri()) == wire / ".normalize.toml"  # a second folder: its own
    assert ls.config_file("untitled:Untitled-1") == news / ".normalize.toml"
    (outer / ".normalize.toml").write_text('words = ["Oleskii"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lies outside the workspace folder"):
        ls.config_file((news / "b.md").as_uri())  # (governed from above the folder: not shadowed, not written)
    assert ls.config_file((news / "desk" / "a.md").as_uri()) == news / "desk" / ".normalize.toml"


def test_add_to_words_writes_the_pyproject_that_governs_the_document(tmp_path: Path) -> None:
    # As the README says: the config that governs the file, whichever it is, not a new
    # .normalize.toml beside a pyproject.toml whose [tool.normalize] would still govern.
    (tmp_path / ".git").mkdir()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "desk"\n\n[tool.normalize]\nwords = ["Reznikov"]\n', encoding="utf-8")
    ls = _server(tmp_path, tmp_path)
    assert ls.add_word((tmp_path / "docs" / "a.md").as_uri(), "Kmitry") == str(pyproject)
    assert pyproject.read_text(encoding="utf-8") == (
        '[project]\nname = "desk"\n\n[tool.normalize]\nwords = ["Reznikov", "Kmitry"]\n'
    )
    assert not (tmp_path / ".normalize.toml").exists()


@pytest.mark.asyncio
async def test_a_change_with_a_range_is_applied_where_it_was_made(client: LanguageClient, workspace: Path) -> None:
    """A client may send ranges though the server asks for whole documents: pygls took the
    typed characters for the whole new text (no diagnostics left; a quick fix's range then
    pointed into other text). Ranges count UTF-16 units: each emoji is two."""
    uri = (workspace / "emoji.md").as_uri()
    text = "😀😀 x\nKremlin spokesman Kmitry Peskov said.\n"
    await open_doc(client, uri, text, "markdown")
    edits = [((0, 5), (0, 6), "Today,"), ((1, 0), (1, 7), "The Kremlin's")]  # "😀😀 " is 5 units
    at = types.Position
    changes = [types.TextDocumentContentChangePartial(types.Range(at(*a), at(*b)), t) for a, b, t in edits]
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=2, uri=uri), list(changes))
    )
    await until(client, lambda: uri in client.diagnostics)
    new = "😀😀 Today,\nThe Kremlin's spokesman Kmitry Peskov said.\n"
    (diag,) = client.diagnostics[uri]
    assert new[offset(new, diag.range.start) : offset(new, diag.range.end)] == "Kmitry"


async def checked_so_far(client: LanguageClient, uri: str, version: int) -> None:
    """Once it returns, the server has checked every change sent before: a change of ``uri`` (a
    document under a sound config) is sent now, and its diagnostics come after every check that
    was due before it (one check at a time, each a pause after its change, in order). Sleeping
    for a while instead was a guess that a loaded machine lost: the checks had not yet run, or
    two changes made one check."""
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=f"Kmitry Peskov said so {version}.\n")],
        )
    )
    await until(client, lambda: uri in client.diagnostics)


@pytest.mark.asyncio
@pytest.mark.parametrize(("broken", "sound"), [(".", "sound"), ("old", ".")])
async def test_a_broken_config_is_said_once(client: LanguageClient, workspace: Path, broken: str, sound: str) -> None:
    # Every check of every change (a pause in typing) showed the same error message again; and
    # what was said was remembered per server: the check of a document under a sound config,
    # between two changes of one under a broken config, made the error be said again.
    for folder, config in ((broken, "wordz = []\n"), (sound, "")):
        (workspace / folder).mkdir(exist_ok=True)
        (workspace / folder / ".normalize.toml").write_text(config, encoding="utf-8")
    good, uri = (workspace / sound / "b.md").as_uri(), (workspace / broken / "a.md").as_uri()
    await open_doc(client, good, "Kmitry Peskov said so.\n", "markdown")
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, "Kmitry")))
    await checked_so_far(client, good, 2)  # the broken one checked, then the sound one
    for version in (2, 3):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=f"Kmitry {version}")],
            )
        )
        await checked_so_far(client, good, version + 1)
    said = [m.message for m in client.messages if "unknown key 'wordz'" in m.message]
    assert len(said) == 1, said


@pytest.mark.asyncio
async def test_a_change_to_a_document_that_is_not_open_is_passed_over(client: LanguageClient, workspace: Path) -> None:
    # A change that comes after its document was closed (an editor's race, an untitled buffer's
    # last keystroke) made the server read the file from disk to apply it to: for a file that
    # is not there, a message box "Error in server: FileNotFoundError ...".
    sound = (workspace / "b.md").as_uri()
    await open_doc(client, sound, "Kmitry Peskov said so.\n", "markdown")
    gone = (workspace / "closed.md").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(gone, "markdown", 1, "x")))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(gone)))
    for change in (
        types.TextDocumentContentChangeWholeDocument(text="Kmitry Peskov"),
        types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(0, 0), types.Position(0, 1)), text="Kmitry"
        ),
    ):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=2, uri=gone), [change])
        )
    await checked_so_far(client, sound, 2)
    assert [m.message for m in client.messages] == []
    assert not client.diagnostics.get(gone)  # (cleared at its close, and so it stays)


@pytest.mark.asyncio
async def test_no_quick_fix_from_a_check_of_an_older_text(client: LanguageClient, workspace: Path) -> None:
    # Asked for right after a change, before its check: the quick fix's range was the old
    # text's, and the editor replaced the wrong characters of the new one.
    uri = (workspace / "story.md").as_uri()
    (diag,) = await open_doc(client, uri, "Kremlin spokesman Kmitry Peskov said.\n", "markdown")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text="On Monday, Kremlin spokesman Kmitry Peskov said.\n")],
        )
    )
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), diag.range, types.CodeActionContext([diag]))
    assert not await client.text_document_code_action_async(params)
    (new,) = await diagnostics_for(client, uri, 2)  # once checked, the new text's ranges
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), new.range, types.CodeActionContext([new]))
    )
    replaced = [a.edit.changes[uri][0] for a in actions or [] if isinstance(a, types.CodeAction) and a.edit]
    assert replaced and {e.range.start.character for e in replaced} == {len("On Monday, Kremlin spokesman ")}


async def config_written(client: LanguageClient, workspace: Path, text: str, uri: str) -> None:
    """.normalize.toml written by hand (as git or an editor would), the editor told, and ``uri``'s
    diagnostics published again."""
    config = workspace / ".normalize.toml"
    config.write_text(text, encoding="utf-8")
    client.diagnostics.pop(uri, None)
    change = types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
    await until(client, lambda: uri in client.diagnostics)


@pytest.mark.asyncio
async def test_open_documents_are_checked_again_when_a_config_changes(client: LanguageClient, workspace: Path) -> None:
    # A word added to .normalize.toml by hand (or by git) changed nothing in the open documents
    # until each was next edited.
    uri = (workspace / "a.md").as_uri()
    assert len(await open_doc(client, uri, "Spokesman Kmitry Peskov said so.\n", "markdown")) == 1
    (watched,) = [r for params in client.registered for r in params.registrations]  # type: ignore[attr-defined]
    assert watched.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    await config_written(client, workspace, 'words = ["Kmitry"]\n', uri)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_a_file_the_config_excludes_loses_its_diagnostics(client: LanguageClient, workspace: Path) -> None:
    # The config's exclude held for `normalize check` only: an archived page open in the editor
    # was underlined, its quick fixes ready. Once excluded (a config written by hand), it has none.
    uri = (workspace / "archive" / "old.md").as_uri()
    assert len(await open_doc(client, uri, "Spokesman Kmitry Peskov said so.\n", "markdown")) == 1
    await config_written(client, workspace, 'exclude = ["archive/*"]\n', uri)
    assert list(client.diagnostics[uri]) == []
    kept = await open_doc(client, (workspace / "a.md").as_uri(), "Spokesman Kmitry Peskov said so.\n", "markdown")
    assert len(kept) == 1


@pytest.mark.asyncio
async def test_html_and_restructuredtext_documents_are_checked(client: LanguageClient, workspace: Path) -> None:
    # The command line checks them (a folder's prose files); the editor gave them no diagnostics.
    html = '<p title="Kmitry">Spokesman Kmitry Peskov said so.</p>\n'
    (found,) = await open_doc(client, (workspace / "a.html").as_uri(), html, "html")
    assert found.range.start.character == html.index("Kmitry P")  # (the attribute is no prose)
    rst = "Title\n=====\n\nSpokesman Kmitry Peskov said so.\n"
    assert len(await open_doc(client, (workspace / "b.rst").as_uri(), rst, "restructuredtext")) == 1


@pytest.mark.asyncio
async def test_add_to_words_with_arguments_that_are_not_strings_writes_nothing(
    client: LanguageClient, workspace: Path
) -> None:
    # pygls made a str of each argument: [5, null] wrote words = ["None"] into the workspace's config.
    from pygls.exceptions import JsonRpcInvalidParams

    for arguments in ([5, None], [(workspace / "a.md").as_uri(), None], [None, "Kmitry"]):
        with pytest.raises(JsonRpcInvalidParams, match="takes a document's URI and a word"):
            await asyncio.wait_for(
                client.workspace_execute_command_async(types.ExecuteCommandParams("normalize.addWord", arguments)),
                WAIT,
            )
    assert not (workspace / ".normalize.toml").exists()


@pytest.mark.asyncio
async def test_a_config_that_breaks_replaces_the_diagnostics_with_one_error(
    client: LanguageClient, workspace: Path
) -> None:
    # The findings of the last check under the sound config stayed on screen, with their quick
    # fixes, though nothing was checked any more (the message box said so once, and went).
    uri = (workspace / "a.md").as_uri()
    (found,) = await open_doc(client, uri, "Spokesman Kmitry Peskov said so.\n", "markdown")
    config = workspace / ".normalize.toml"
    events = [types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]

    async def config_says(text: str) -> list[types.Diagnostic]:
        config.write_text(text, encoding="utf-8")
        client.diagnostics.pop(uri, None)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=events))
        await until(client, lambda: uri in client.diagnostics)
        return list(client.diagnostics[uri])

    (error,) = await config_says('wordz = ["Peskov"]\n')
    assert error.severity == types.DiagnosticSeverity.Error and error.source == "normalize"
    assert error.range == types.Range(types.Position(0, 0), types.Position(0, 0))
    assert "not checked" in error.message and "unknown key 'wordz'" in error.message
    assert str(config) in error.message
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), found.range, types.CodeActionContext([found]))
    assert not await client.text_document_code_action_async(params)  # no quick fix of the old findings
    assert [m.message for m in client.messages if "unknown key 'wordz'" in m.message] != []
    (again,) = await config_says('words = ["Spokesman"]\n')  # mended: the findings come back
    assert again.message.startswith("'Kmitry' -> 'Dmitry'")


@pytest.mark.asyncio
async def test_a_bug_in_a_check_is_one_error_diagnostic_not_stale_findings(tmp_path: Path) -> None:
    # A check that raised ended its task (asyncio logged a traceback on stderr) and left the
    # findings of the last check, with their quick fixes, on the changed text.
    ls = _server(tmp_path, tmp_path)
    uri = (tmp_path / "a.md").as_uri()
    ls.workspace.put_text_document(types.TextDocumentItem(uri, "markdown", 1, "Kmitry Peskov said so.\n"))
    published: list[types.PublishDiagnosticsParams] = []
    ls.text_document_publish_diagnostics = published.append  # type: ignore[method-assign]
    ls.window_show_message = lambda params: None  # type: ignore[method-assign]

    def crash(uri: str, text: str, fmt: str) -> None:
        raise KeyError("boom")

    ls.check_now = crash  # type: ignore[method-assign]
    await ls.check(uri, pause=0)
    (said,) = published[-1].diagnostics
    assert (
        said.severity == types.DiagnosticSeverity.Error
        and said.message == "not checked: internal error: KeyError: 'boom'"
    )
    assert uri not in ls.checked


TABLE = (
    "The goverment met on Monday.\n\n"
    "| Official            | Role                  |\n"
    "|---------------------|-----------------------|\n"
    "| Volodymyr Zelenskyy | President of Ukrane   |\n"
)
IN_TABLE = TABLE.replace("Ukrane   |", "Ukraine  |")  # (the cell keeps its width)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("only", "want"),
    [
        (None, IN_TABLE),  # an editor's light bulb: the preferred quick fix of the table's finding
        ([types.CodeActionKind.QuickFix], IN_TABLE),
        ([types.CodeActionKind.SourceFixAll], IN_TABLE.replace("goverment", "government")),
        ([types.CodeActionKind.Source], IN_TABLE.replace("goverment", "government")),
    ],
)
async def test_a_fix_in_a_markdown_table_keeps_its_columns(
    client: LanguageClient, workspace: Path, only: list[types.CodeActionKind] | None, want: str
) -> None:
    # The quick fix replaced the word alone: every pipe after a longer name moved one column right.
    # Each fix was a quick fix of its own: no "fix all", and so no fix on save
    # ("editor.codeActionsOnSave": {"source.fixAll": ...}), which editors ask of a linter; it
    # writes what `normalize fix` writes.
    uri = (workspace / "who.md").as_uri()
    found = await open_doc(client, uri, TABLE, "markdown")
    assert len(found) == 2
    fix_all = only is not None and types.CodeActionKind.QuickFix not in only
    where = types.Range(types.Position(0, 0), types.Position(5, 0)) if fix_all else found[1].range
    context = types.CodeActionContext([] if fix_all else found[1:], only=only)
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), where, context)
    actions = [a for a in await client.text_document_code_action_async(params) or [] if isinstance(a, types.CodeAction)]
    if only is not None:  # (asked for one kind, the editor gets that kind alone)
        assert {a.kind for a in actions} == {"source.fixAll.normalize" if fix_all else types.CodeActionKind.QuickFix}
    (action,) = actions if fix_all else [a for a in actions if a.is_preferred]
    assert action.title == ("Fix all: normalize (2 fixes)" if fix_all else "Replace 'Ukrane' with 'Ukraine'")
    assert action.edit is not None and action.edit.changes is not None
    assert apply(TABLE, list(action.edit.changes[uri])) == want


@pytest.mark.asyncio
async def test_one_broken_config_is_said_once_for_all_the_documents_it_governs(
    client: LanguageClient, workspace: Path
) -> None:
    # An editor that reopened three documents under one broken config showed three message boxes
    # of one error; each document's diagnostic still says it.
    (workspace / ".normalize.toml").write_text("wordz = []\n", encoding="utf-8")
    (workspace / "sound").mkdir()
    (workspace / "sound" / ".normalize.toml").write_text("", encoding="utf-8")
    sound = (workspace / "sound" / "b.md").as_uri()
    await open_doc(client, sound, "Kmitry Peskov said so.\n", "markdown")
    uris = [(workspace / f"{name}.md").as_uri() for name in ("a", "c", "d")]
    for uri in uris:
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, "x")))
    await checked_so_far(client, sound, 2)
    said = [m.message for m in client.messages if "unknown key 'wordz'" in m.message]
    assert len(said) == 1, said
    for uri in uris:
        (error,) = client.diagnostics[uri]
        assert "unknown key 'wordz'" in error.message


@pytest.mark.asyncio
async def test_diagnostics_read_with_an_answer_are_not_waited_for_again(
    client: LanguageClient, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests' own waiting: on a loaded machine the client read a check's diagnostics together
    # with the answer to the request sent before them, then waited for the next ones, for ever
    # (test_no_quick_fix_from_a_check_of_an_older_text, beside test_batch at load 16-23). The
    # client is held here, blocking, while the server answers and then checks the change.
    import time

    uri = (workspace / "story.md").as_uri()
    (diag,) = await open_doc(client, uri, "Kremlin spokesman Kmitry Peskov said.\n", "markdown")
    monkeypatch.setattr(sys.modules[__name__], "WAIT", 30)  # (the dictionaries are loaded)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text="On Monday, Kremlin spokesman Kmitry Peskov said.\n")],
        )
    )
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), diag.range, types.CodeActionContext([diag]))
    asked = asyncio.ensure_future(client.text_document_code_action_async(params))
    await asyncio.sleep(0.05)  # (sent)
    time.sleep(1.5)  # longer than the server's pause (0.25 s) and check
    assert not await asked
    (new,) = await diagnostics_for(client, uri, 2)
    assert new.range.start.character == len("On Monday, Kremlin spokesman ")
