"""``normalize serve``: the document pipeline over HTTP (Starlette, run by uvicorn).

    POST /v2/check       LanguageTool's API (``text`` or annotated ``data``, ``language``)
    GET  /v2/languages   the English variants it answers for
    GET  /v2/healthcheck 200 when ready
    POST /check          normalize's own findings: ``{"text", "format"}`` -> findings, fixed, diff
    POST /diff           ``{"text", "fixes" | "fixed", "path"}`` -> the fixed text and its diff (the review page)
    GET  /               the review page (``normalize/web``)

Why Starlette and uvicorn: the server needs routing, request and response
objects and static files, and nothing more (no ORM, templates or validation
layer), and Starlette is exactly that, small, typed and well kept; uvicorn is
the ASGI server it is tested with, and it already does what a service needs
(graceful shutdown on SIGINT/SIGTERM, h11 without C extensions).

Every request shares one engine, loaded before the first request is accepted.
Checks run one at a time on a worker thread (the engine is CPU-bound Python:
more threads would only share the GIL), so the event loop stays free to read,
reject and answer other requests. A body over ``max_body`` bytes gets 413, a
malformed request 400: under /v2/ with LanguageTool's plain "Error: ..." body, elsewhere
with a JSON ``{"error": ...}``. A client that hangs up before its body is sent (an editor's
plug-in drops a check it no longer needs) is no error: nothing is logged.
"""

from __future__ import annotations

import logging
import socket
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from normalize import about, document, languagetool, render
from normalize import config as _config
from normalize.errors import InputError, NormalizeError
from normalize.types import Report

MAX_BODY = 1_000_000  # bytes: LanguageTool servers refuse long texts too (its maxTextLength)
DIFF_ROOM = 64_000  # bytes beyond two texts in a /diff body: its path, fixes longer than their words
CLIENT_CLOSED = 499  # the status a proxy (nginx) logs for a request its client hung up on
DRAIN = 64_000_000  # a too-large body is read (and dropped) up to this, so the client sees the 413
WEB = Path(str(resources.files("normalize") / "web"))
T = TypeVar("T")
log = logging.getLogger("normalize.server")


class TooLarge(Exception):
    pass


class Checker:
    """The one shared engine and the one thread that runs it."""

    def __init__(self, settings: _config.Config) -> None:
        self.settings = settings
        self._limiter: anyio.CapacityLimiter | None = None

    def load(self) -> None:
        document.check_document("Loading.", config=self.settings)  # loads the dictionaries

    async def run(self, fn: Callable[[], T], request: Request | None = None) -> T:
        """``fn`` on the engine's thread, in its turn; a check whose client has hung up by the
        time its turn comes is not made (ClientDisconnect): an editor's plug-in drops each check
        the user typed past, and each was made ahead of the one the user waits for."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        if request is not None:
            # (asked now too: uvicorn reads no more of a connection whose request it holds
            # until it is asked, and so would not see the hang-up while the check waits)
            await request.is_disconnected()
        async with self._limiter:
            if request is not None and await request.is_disconnected():
                raise ClientDisconnect
            return await anyio.to_thread.run_sync(fn)


def _error(request: Request, status: int, message: str) -> Response:
    """A refusal: under /v2/, as LanguageTool words one (text, "Error: MESSAGE"), which its
    clients read (language_tool_python raises LanguageToolError with it, where a JSON body
    made it fail on a KeyError); elsewhere JSON ``{"error": MESSAGE}``, which the review page reads."""
    if request.url.path.startswith("/v2/"):
        return PlainTextResponse(f"Error: {message}", status_code=status)
    return JSONResponse({"error": message}, status_code=status)


async def _body(request: Request, limit: int) -> bytes:
    drain = max(DRAIN, limit)  # (a limit above DRAIN: a body under it is read, not refused unread)
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > drain):
        raise TooLarge if declared.isdigit() else InputError("bad Content-Length header")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > drain:
            raise TooLarge
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise TooLarge
    return b"".join(chunks)


def _form(request: Request, body: bytes) -> dict[str, str]:
    """Query string and url-encoded body (LanguageTool's clients send both) -> one value per field."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if body and kind not in ("", "application/x-www-form-urlencoded"):
        raise InputError(f"send the fields as application/x-www-form-urlencoded, not {kind}")
    fields = dict(request.query_params)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the body is not UTF-8") from None
    try:
        # Lenient about "&&" and a trailing "&", as LanguageTool is; strict about the encoding.
        fields.update(urllib.parse.parse_qsl(text, keep_blank_values=True, errors="strict"))
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(f"the body is not a url-encoded form: {e}") from None
    return fields


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = languagetool.json_value(body)
    except (ValueError, RecursionError) as e:
        raise InputError(f"the body is not valid JSON: {e}") from None
    if not isinstance(value, dict):
        raise InputError("send a JSON object")
    return value


def create_app(
    settings: _config.Config | None = None, *, max_body: int = MAX_BODY, load: bool = True, url: str = ""
) -> Starlette:
    """The ASGI app; ``settings`` is the Config every check uses (default: the defaults).

    ``url`` is logged once the engine is loaded, when the server is ready.
    """
    checker = Checker(settings if settings is not None else _config.Config())
    handlers = _Handlers(checker, max_body, about.version())
    routes = [
        Route("/v2/check", partial(handlers.guarded, handler=handlers.v2_check), methods=["GET", "POST"]),
        Route("/v2/languages", _languages, methods=["GET"]),
        Route("/v2/healthcheck", _healthcheck, methods=["GET"]),
        Route("/check", partial(handlers.guarded, handler=handlers.own_check), methods=["POST"]),
        # A diff's body holds the text twice (as checked, and corrected): twice the limit.
        Route("/diff", partial(handlers.guarded, handler=_diff, copies=2), methods=["POST"]),
        Route("/", _page, methods=["GET"]),
        Mount("/static", StaticFiles(directory=WEB), name="static"),
    ]
    # Editor plug-ins call from their own origins (as they call LanguageTool); the
    # server only reads what is posted and answers, so any origin may ask.
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])
    return Starlette(
        routes=routes,
        middleware=[cors],
        lifespan=_lifespan(checker, load, url),
        exception_handlers={HTTPException: _not_found, Exception: _crashed},
    )


def _lifespan(checker: Checker, load: bool, url: str) -> Callable[[Starlette], Any]:
    """Load the engine before the first request is accepted (``load``), then say where the server is."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if load:
            await checker.run(checker.load)
        if url:
            logging.getLogger("uvicorn.error").info(
                "normalize serve: ready on %s (LanguageTool API at %sv2, review page at %s)", url, url, url
            )
        yield

    return lifespan


Handler = Callable[[Request, bytes], Awaitable[Response]]


class _Handlers:
    """The routes that read a body or check text: the app's one engine, its body limit and
    the version its LanguageTool answers give."""

    def __init__(self, checker: Checker, max_body: int, version: str) -> None:
        self.checker, self.max_body, self.version = checker, max_body, version

    async def guarded(self, request: Request, handler: Handler, copies: int = 1) -> Response:
        """``handler`` on the request's body, read up to ``max_body`` bytes for each copy of a
        text it holds (and room for the rest); a bad request is a JSON error."""
        limit = self.max_body if copies == 1 else copies * self.max_body + DIFF_ROOM
        try:
            body = await _body(request, limit)
            return await handler(request, body)
        except ClientDisconnect:  # (a check the client no longer wants: nobody reads the answer)
            return Response(status_code=CLIENT_CLOSED)
        except TooLarge:
            return _error(request, 413, f"request body over {render.count(limit, 'byte')}; send a shorter text")
        except InputError as e:
            return _error(request, 400, str(e))
        except NormalizeError as e:
            return _error(request, 500, str(e))
        except Exception as e:  # noqa: BLE001 - a bug: answered here, inside CORS, so a browser reads it
            return _crash(request, e)

    async def v2_check(self, request: Request, body: bytes) -> Response:
        """LanguageTool's /v2/check: ``text`` or annotated ``data`` in a form."""
        fields = _form(request, body)
        languagetool.refuse_auto_only(fields)
        lang = languagetool.language(fields.get("language"), fields.get("preferredVariants"))
        selection = languagetool.Selection.of(fields)
        if "data" in fields and "text" in fields:
            raise InputError("Set only 'text' or 'data' parameter, not both")  # (LanguageTool's words)
        if "data" in fields:
            doc = languagetool.annotated(fields["data"])
        elif "text" in fields:
            doc = languagetool.plain(fields["text"])
        else:
            raise InputError("Missing 'text' or 'data' parameter")  # (LanguageTool's words)
        checker = self.checker
        auto = languagetool.is_auto(fields.get("language"))

        def check() -> Report | None:  # None: asked to detect the language, and it is not English
            if auto and not document.looks_english(doc.text, checker.settings):
                return None
            return document.check_document(doc.text, config=checker.settings)

        report = await checker.run(check, request)
        if report is None:
            lang, report = languagetool.noop_language(), Report(doc.text)
        return JSONResponse(languagetool.response(doc, report, lang, self.version, selection))

    async def own_check(self, request: Request, body: bytes) -> Response:
        """normalize's /check: ``{"text", "format"}`` -> findings, fixed text and diff."""
        value = _json(body)
        if not isinstance(value.get("text"), str):
            raise InputError('send a JSON object {"text": "...", "format": "text|markdown|html"}')
        fmt = value.get("format")
        if fmt is not None and not isinstance(fmt, str):
            raise InputError("'format' must be a string")
        text: str = value["text"]
        checker = self.checker
        check = partial(document.check_document, text, format=fmt or "text", config=checker.settings)
        report = await checker.run(check, request)
        fixed = document.fixed_text(text, report.fixes, format=fmt or "text")
        return JSONResponse(
            {
                "findings": render.finding_rows("text", report),
                "fixed": fixed,
                "diff": render.unified_diff(text, fixed, "text"),
            }
        )


async def _diff(request: Request, body: bytes) -> Response:
    """/diff: ``{"text", "fixed", "path"}`` -> the unified diff; or ``{"text", "fixes", "format",
    "path"}`` (the review page's accepted replacements, ``[start, end, replacement]`` in ``str``
    indexes) -> the text fixed as ``normalize fix`` writes it (a Markdown table keeps its columns)
    and its diff."""
    value = _json(body)
    text, path = value.get("text"), value.get("path", "text")
    fixed: Any = value.get("fixed")
    if isinstance(text, str) and "fixes" in value:
        fmt = value.get("format") or "text"
        if not isinstance(fmt, str):
            raise InputError("'format' must be a string")
        fixed = document.edited_text(text, _edits(value["fixes"], len(text)), format=fmt)
    if not (isinstance(text, str) and isinstance(fixed, str) and isinstance(path, str)):
        raise InputError('send a JSON object {"text": "...", "fixed": "...", "path": "name"}')
    return JSONResponse({"diff": render.unified_diff(text, fixed, path or "text"), "fixed": fixed})


def _edits(value: Any, length: int) -> list[tuple[int, int, str]]:
    """``fixes`` of a /diff body: replacements in order, none overlapping, within the text."""
    bad = InputError("'fixes' must be a list of [start, end, replacement], in order, within the text")
    if not isinstance(value, list):
        raise bad
    out: list[tuple[int, int, str]] = []
    at = 0
    for item in value:
        if not (isinstance(item, list) and len(item) == 3):
            raise bad
        start, end, new = item
        if not (type(start) is int and type(end) is int and isinstance(new, str) and at <= start <= end <= length):
            raise bad
        out.append((start, end, new))
        at = end
    return out


async def _languages(request: Request) -> Response:
    return JSONResponse(languagetool.languages())


async def _healthcheck(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _page(request: Request) -> Response:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")


async def _not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    return _error(request, status, str(detail))


async def _crashed(request: Request, exc: Exception) -> Response:
    return _crash(request, exc)


def _crash(request: Request, exc: Exception) -> Response:
    """A bug's answer: logged with its traceback, 500 with its name alone. (The app's handler of
    last resort answers outside the CORS middleware: a browser's extension, on another origin,
    could not read a 500 from /v2/check, only a network error.)"""
    log.error("%s %s: %s", request.method, request.url.path, exc, exc_info=exc)
    return _error(request, 500, f"internal error: {type(exc).__name__}")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, before anything is loaded: a busy port is a one-line error."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port}: {(e.strerror or str(e)).lower()}") from None
    return sock


def run(host: str, port: int, settings: _config.Config, max_body: int = MAX_BODY) -> None:
    """Serve until SIGINT or SIGTERM; then finish the requests in flight and stop."""
    import uvicorn

    sock = listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    app = create_app(settings, max_body=max_body, url=f"http://{shown}:{port}/")
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=host,
            port=port,
            access_log=False,
            log_level="info",
            lifespan="on",
            timeout_graceful_shutdown=10,
            server_header=False,
        )
    )
    server.run(sockets=[sock])


__all__ = ["MAX_BODY", "create_app", "run"]
