"""Shared fixtures: the extractor, loaded once, a local HTTP server for network tests, the path to the dev
evaluation set, and a PostgreSQL ledger of its own for each test that wants one.

Tests never reach the internet: anything fetched is served from a directory on
127.0.0.1 by `http_server`.
"""
from __future__ import annotations

import functools
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from claimledger.pipeline import Extractor

DATA_DIR = Path(__file__).parent / "data"
# The shared evaluation set sits next to the repository (see the Makefile's `eval`
# target); CLAIMLEDGER_EVAL_DIR points elsewhere.
EVAL_DIR = Path(
    os.environ.get("CLAIMLEDGER_EVAL_DIR") or Path(__file__).resolve().parents[2] / "shared" / "eval"
)


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve files with the media types feeds and JSON Lines need, without request logs."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".jsonl": "application/x-ndjson",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".md": "text/plain; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        pass


@pytest.fixture(scope="session")
def http_server() -> Iterator[Callable[[str | os.PathLike[str]], str]]:
    """`http_server(directory) -> base_url`: serve `directory` on 127.0.0.1, a free port.

    One ThreadingHTTPServer per directory, in a daemon thread, started on first use and
    shut down at the end of the session. Files are read at request time, so a test may
    write into the directory after the server started. The base URL has no trailing
    slash: f"{base}/page.html".
    """
    servers: dict[Path, tuple[ThreadingHTTPServer, threading.Thread, str]] = {}

    def serve(directory: str | os.PathLike[str]) -> str:
        root = Path(directory).resolve()
        if root not in servers:
            handler = functools.partial(_QuietHandler, directory=str(root))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            thread = threading.Thread(target=server.serve_forever, name=f"http:{root.name}", daemon=True)
            thread.start()
            host, port = server.server_address[:2]
            servers[root] = (server, thread, f"http://{host}:{port}")
        return servers[root][2]

    yield serve
    for server, thread, _ in servers.values():
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor as `claimledger extract` builds it, loaded once for the whole run (the spaCy model
    takes about a second to load); a test that needs another kind builds its own."""
    from claimledger.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def eval_dev_dir() -> Path:
    """The dev evaluation set (gold.jsonl, html/); the test is skipped when it is absent."""
    path = EVAL_DIR / "dev"
    if not (path / "gold.jsonl").exists():
        pytest.skip(f"evaluation set not found at {path} (set CLAIMLEDGER_EVAL_DIR)")
    return path


# A real PostgreSQL server for the ledger tests: .ci/postgres.sh starts one and prints this URL.
PG_ENV = "CLAIMLEDGER_TEST_PG"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The URL of the test PostgreSQL database (CLAIMLEDGER_TEST_PG), reachable; skipped when unset,
    except in CI (CI=true), where a missing or unreachable server fails the test."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set in CI: .ci/run starts PostgreSQL with .ci/postgres.sh")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV}, e.g. {PG_ENV}=$(bash .ci/postgres.sh)")
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'psycopg[binary]'")
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as e:
        pytest.fail(f"{PG_ENV} is set but its server does not answer: {e}")
    return url


@pytest.fixture
def pg_ledger_url(pg_url: str) -> Iterator[str]:
    """A URL for a ledger of this test's own: a new, empty schema of the test database, first on the
    search_path; dropped with all it holds when the test ends."""
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_url else "?"
    yield f"{pg_url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
