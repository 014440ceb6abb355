"""Everything that differs between database engines, in one place.

``Store`` writes portable SQL with ``?`` placeholders and talks to the engine
only through a ``Dialect``: how to connect, how to start a write transaction,
how to list tables, how to spell placeholders, and which driver exceptions mean
"a constraint was violated" or "this is not a database". A PostgreSQL backend
is a second class here with the same methods (psycopg, ``%s`` placeholders,
plain ``BEGIN``); the schema and the queries stay as they are.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

from claimledger.errors import StoreError


class Dialect(Protocol):
    name: str
    target: str  # what the user passed, for messages: a path or a URL
    integrity_errors: tuple[type[Exception], ...]
    database_errors: tuple[type[Exception], ...]

    def connect(self) -> Any: ...

    def sql(self, query: str) -> str: ...

    def begin(self, conn: Any) -> None: ...

    def table_names(self, conn: Any) -> set[str]: ...


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


def dialect_for(db: str) -> Dialect:
    """Pick the engine from what the user passed: a URL scheme, else a SQLite path."""
    scheme, sep, rest = db.partition("://")
    if not sep or "/" in scheme or "\\" in scheme:
        return SQLiteDialect(db)
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        raise StoreError(f"PostgreSQL ledgers are not supported yet: {_redact(db)}. "
                         "Use a SQLite file path instead, e.g. --db claimledger.db.")
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them.
        path = rest[1:] if rest.startswith("/") else rest
        if not path:
            raise StoreError(f"{db} names no file: write sqlite:///ledger.db or just the path ledger.db.")
        return SQLiteDialect(path)
    raise StoreError(f"unknown ledger URL scheme {scheme!r} in {_redact(db)}: pass a SQLite file path "
                     "(PostgreSQL URLs will be supported later).")


def _redact(url: str) -> str:
    """Drop a password from a URL before it goes into a message."""
    scheme, _, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
