"""The FastAPI application over one ledger, and the uvicorn server that `claimledger serve` runs.

What every response gets, whatever route made it:

- security headers: a Content-Security-Policy that lets the pages run only the scripts and styles this
  server sends from ``/static`` (no inline script, no other origin: report text that holds ``<script>``
  could run nothing even if it were ever written unescaped), no framing, no sniffing, no referrer;
- a body limit: a request whose body is larger than ``max_mb`` is refused with 413 before it is read;
- one error shape: ``{"error": MESSAGE, "status": CODE}`` for the API (an HTML page for the pages), a
  4xx with a message for anything the client got wrong (a bad parameter is 400, never a 500), 401 for
  a write without the token, 404 for an unknown document, claim or series, 503 for a ledger that cannot
  be read or written.
"""
from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimledger import __version__
from claimledger.errors import (
    ClaimLedgerError,
    ConfigError,
    IngestError,
    ModelNotFoundError,
    NotFoundError,
    StoreError,
)
from claimledger.settings import Settings
from claimledger.web.actions import Extraction

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
DEFAULT_MAX_MB = 10


@dataclass
class WebConfig:
    """What the routes need to know about the server: its ledger, its token and its limits."""

    db: str
    token: str | None
    allow_private_urls: bool
    max_bytes: int
    extraction: Extraction


class ApiError(Exception):
    """A refusal with its HTTP status and a message for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class SecurityHeaders:
    """Add SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse, with 413, a request body larger than ``max_bytes``: by its Content-Length before the
    application sees it, or, sent in chunks, as soon as it runs past the limit (the application then sees
    the client go). A refused body is read and thrown away, up to ``DRAIN`` times the limit, before the
    answer, so that a client that sends its whole body before it reads (urllib, many scripts) gets the 413
    rather than a broken connection; nothing of it is kept."""

    DRAIN = 4

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, receive: Receive, send: Send, received: int, more: bool) -> None:
        while more and received <= self.max_bytes * self.DRAIN:
            message = await receive()
            if message["type"] != "http.request":
                break
            received += len(message.get("body", b""))
            more = message.get("more_body", False)
        body = JSONResponse({"error": f"the request body is larger than {self.max_bytes:,} bytes", "status": 413},
                            status_code=413)
        await send({"type": "http.response.start", "status": 413, "headers": body.raw_headers})
        await send({"type": "http.response.body", "body": body.body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(receive, send, 0, length.isdigit())
            return
        received = 0
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refused = True
                    await self._refuse(receive, send, received, message.get("more_body", False))
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:  # once refused, the application's own answer is dropped
                await send(message)

        await self.app(scope, limited_receive, guarded_send)


def _wants_json(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    from claimledger.web.pages import templates

    context = {"status": status, "message": message, "writable": bool(request.app.state.web.token)}
    return templates.TemplateResponse(request, "error.html", context,
                                      status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """Pydantic's findings as one line a person can act on: which parameter, what is wrong, what was sent."""
    parts = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        if e.get("type") == "json_invalid":
            parts.append(f"the request body is not valid JSON ({e.get('ctx', {}).get('error', 'malformed')})")
            continue
        where = {"query": "query parameter", "path": "path parameter", "body": "body field",
                 "header": "header"}.get(loc[0], loc[0]) if loc else "request"
        name = ".".join(loc[1:])
        if loc == ["body"]:
            parts.append("the request needs a JSON object as its body" if e.get("type") == "missing"
                         else f"the request body: {e.get('msg')}")
            continue
        got = e.get("input")
        shown = f" (got {str(got)[:80]!r})" if isinstance(got, (str, int, float)) and e.get("type") != "missing" else ""
        parts.append(f"{where} {name}: {e.get('msg', 'invalid')}{shown}".replace("  ", " "))
    return "; ".join(parts) or "the request is not valid"


def _add_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(request, exc.status, exc.message, exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}: see /api/openapi.json for the API, / for the pages"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 400, _validation_message(exc))

    def ledger_error(status: int) -> Any:
        async def handle(request: Request, exc: Exception) -> Response:
            return error_response(request, status, str(exc))
        return handle

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    # Most specific first in meaning; Starlette picks the handler by the error's class hierarchy.
    for kind, status in ((NotFoundError, 404), (StoreError, 503), (ModelNotFoundError, 503), (ConfigError, 400),
                         (IngestError, 400), (ClaimLedgerError, 400)):
        app.add_exception_handler(kind, ledger_error(status))


def create_app(db: str, *, settings: Settings | None = None, token: str | None = None,
               allow_private_urls: bool = False, max_mb: int = DEFAULT_MAX_MB) -> FastAPI:
    """The application over the ledger ``db`` (a SQLite path or a PostgreSQL URL).

    ``token``: the secret a write (ingest, review) must carry as ``Authorization: Bearer TOKEN``; without
    one, every write is refused (401) and the server only reads. ``allow_private_urls``: URL ingest may
    fetch from loopback and private addresses (refused by default, as by `claimledger ingest`).
    ``max_mb``: the largest request body, and the largest page a URL ingest reads.
    """
    from claimledger.web import api, pages

    app = FastAPI(
        title="claimledger",
        version=__version__,
        description="A sourced ledger of figures from news reports: claims, documents, series, timelines, "
                    "estimates, conflicts, sources and review actions. Reading is open; ingest and review "
                    "need the server's token as `Authorization: Bearer TOKEN`.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's interactive docs load their scripts from a CDN: not offline, not under our CSP
        redoc_url=None,
    )
    app.state.web = WebConfig(db=db, token=token or None, allow_private_urls=allow_private_urls,
                              max_bytes=max_mb * 1024 * 1024, extraction=Extraction(settings or Settings()))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_mb * 1024 * 1024)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so the 413 gets the headers too
    return app


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port; ConfigError (one line) when it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family, backlog=128)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror or exc}): choose another --port "
                          "or --host") from exc


def serve(db: str, *, settings: Settings | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, allow_private_urls: bool = False, max_mb: int = DEFAULT_MAX_MB) -> None:
    """Serve the ledger until interrupted (Ctrl-C)."""
    import uvicorn

    from claimledger.store import open_store

    with open_store(db) as store:  # a ledger that cannot be read is refused before anything listens
        stats = store.stats()
    app = create_app(db, settings=settings, token=token, allow_private_urls=allow_private_urls, max_mb=max_mb)
    sock = listen(host, port)
    bound = sock.getsockname()
    where = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    writing = "ingest and review need the token" if token else "read only (no --token or CLAIMLEDGER_TOKEN)"
    print(f"claimledger: serving {stats['documents']} documents, {stats['claims']} claims on "
          f"http://{where}:{bound[1]}/ ({writing}); Ctrl-C stops", file=sys.stderr)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"claimledger: warning: listening on {host}: anyone who can reach it can read the ledger",
              file=sys.stderr)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])
