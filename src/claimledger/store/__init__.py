"""The ledger stage: keep documents and their claims, query them, export them.

A ledger is a SQLite file by default (``claimledger.db`` in the current
directory) or a PostgreSQL database (a ``postgresql://`` URL); one ``Store``
interface fronts both, which is why the SQL is portable and engine specifics
live in dialect.py.
"""
from __future__ import annotations

import os

from claimledger.store.dialect import dialect_for
from claimledger.store.export import EXPORT_FORMATS, export_claims
from claimledger.store.ledger import Added, Store
from claimledger.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "Added", "EXPORT_FORMATS", "SCHEMA_VERSION", "Store", "export_claims", "open_store"]

DEFAULT_DB = "claimledger.db"


def open_store(db: str | os.PathLike[str] | None = None) -> Store:
    """Open the ledger ``db`` names, creating its schema (a new SQLite file, or the tables in a
    PostgreSQL schema) if needed and applying any migration it lacks.

    ``None`` is ``DEFAULT_DB`` in the current directory; a path (or
    ``sqlite:///path``) is a SQLite file; a ``postgresql://`` URL is a
    PostgreSQL database, the ledger's tables in its current schema.
    """
    target = DEFAULT_DB if db is None else os.fspath(db)
    return Store(dialect_for(target))
