"""Everything that differs between database engines, in one place.

``Store`` writes portable SQL with ``?`` placeholders and talks to the engine
only through a ``Dialect``: how to connect, how to start a write transaction,
how to list tables, how to spell placeholders, and which driver exceptions mean
"a constraint was violated" or "this is not a database". ``SQLiteDialect``
keeps a ledger in one file; ``PostgresDialect`` in the current schema (the
first of the connection's search_path) of a PostgreSQL database, through
psycopg 3. The schema and the queries are the same for both.
"""
from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from claimledger.errors import StoreError

if TYPE_CHECKING:
    import psycopg


class Dialect(Protocol):
    name: str
    target: str  # what the user passed, for messages: a path or a URL
    integrity_errors: tuple[type[Exception], ...]
    database_errors: tuple[type[Exception], ...]

    def connect(self) -> Any: ...

    def sql(self, query: str) -> str: ...

    def begin(self, conn: Any) -> None: ...

    def table_names(self, conn: Any) -> set[str]: ...

    def read_only_hint(self) -> str: ...


class SQLiteDialect:
    """A ledger in one SQLite file (or ``:memory:``)."""

    name = "sqlite"
    integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
    database_errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.target = self.path

    def connect(self) -> sqlite3.Connection:
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(f"{self.path} is a directory, not a ledger file: pass a file path such as "
                             f"{Path(self.path) / 'claimledger.db'}")
        try:
            # isolation_level=None: no implicit transactions; Store opens and
            # closes each one itself, so a failed add rolls back as one unit.
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the ledger {self.path}: {e}. Check that its directory exists "
                             f"and is readable and writable, or pass another path with --db.") from e
        return conn

    def sql(self, query: str) -> str:
        return query  # sqlite3 takes ? placeholders as written

    def begin(self, conn: sqlite3.Connection) -> None:
        # IMMEDIATE takes the write lock up front, so two processes ingesting
        # into one file wait for each other instead of failing on upgrade.
        conn.execute("BEGIN IMMEDIATE")

    def table_names(self, conn: sqlite3.Connection) -> set[str]:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {r[0] for r in rows}

    def read_only_hint(self) -> str:
        return "make the file and its directory writable"


class PostgresDialect:
    """A ledger in a PostgreSQL database: its tables live in the connection's current schema.

    The URL is libpq's (``postgresql://user:password@host:port/database?options=...``), so
    ``options=-csearch_path%3Dname`` puts a ledger in a schema of its own. Connections run in
    autocommit mode and ``Store`` brackets each write in an explicit ``BEGIN`` ... ``COMMIT``,
    as it does with SQLite: a read is a statement of its own, a write one transaction.
    """

    name = "postgresql"

    def __init__(self, url: str):
        import psycopg  # only a PostgreSQL ledger needs the driver

        self._psycopg = psycopg
        self.url = url
        self.target = _redact(url)
        self.integrity_errors: tuple[type[Exception], ...] = (psycopg.IntegrityError,)
        self.database_errors: tuple[type[Exception], ...] = (psycopg.Error,)

    def connect(self) -> psycopg.Connection[Any]:
        try:
            return self._psycopg.connect(self.url, autocommit=True)
        except self._psycopg.Error as e:
            raise StoreError(f"cannot connect to the ledger {self.target}: {_first_line(e)}. Check that the "
                             "server is running and the URL's host, port, user and database, or pass another "
                             "--db.") from e

    def sql(self, query: str) -> str:
        return _pyformat(query)

    def begin(self, conn: psycopg.Connection[Any]) -> None:
        # Writers of one ledger take turns, as BEGIN IMMEDIATE makes them do on SQLite: the lock is held to
        # the end of the transaction, and each statement after it sees what the writer before committed,
        # so two processes adding one document store it once and neither fails.
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('claimledger:' || current_schema()))")

    def table_names(self, conn: psycopg.Connection[Any]) -> set[str]:
        rows = conn.execute("SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = current_schema()").fetchall()
        return {r[0] for r in rows}

    def read_only_hint(self) -> str:
        return "connect as a role that may write its tables, in a session that is not read-only"


def dialect_for(db: str) -> Dialect:
    """Pick the engine from what the user passed: a URL scheme, else a SQLite path."""
    scheme, sep, rest = db.partition("://")
    if not sep or "/" in scheme or "\\" in scheme:
        return SQLiteDialect(db)
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        # postgresql+psycopg://, as SQLAlchemy spells it, is the same URL to libpq.
        try:
            return PostgresDialect("postgresql://" + rest)
        except ImportError as e:
            raise StoreError(f"a PostgreSQL ledger ({_redact(db)}) needs the psycopg package: "
                             "pip install 'psycopg[binary]'.") from e
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them.
        path = rest[1:] if rest.startswith("/") else rest
        if not path:
            raise StoreError(f"{db} names no file: write sqlite:///ledger.db or just the path ledger.db.")
        return SQLiteDialect(path)
    raise StoreError(f"unknown ledger URL scheme {scheme!r} in {_redact(db)}: pass a SQLite file path "
                     "or a postgresql:// URL.")


def _redact(url: str) -> str:
    """Drop a password from a URL before it goes into a message: user:password@ and ?password=."""
    url = _PASSWORD_PARAM.sub(r"\1***", url)
    scheme, _, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


_PASSWORD_PARAM = re.compile(r"([?&]password=)[^&]*", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def _pyformat(query: str) -> str:
    """``?`` placeholders as psycopg's ``%s``, and a literal ``%`` as ``%%`` (outside string literals
    a ``?`` is a placeholder; inside one it is text)."""
    out: list[str] = []
    quoted = False
    for ch in query:
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
