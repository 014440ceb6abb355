"""The ledger stage: keep documents and their claims, query them, export them.

A ledger is a SQLite file by default (``claimledger.db`` in the current
directory); the same ``Store`` interface is meant to front PostgreSQL later,
which is why the SQL is portable and engine specifics live in dialect.py.
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
    """Open the ledger ``db`` names, creating a new SQLite file with its schema if needed.

    ``None`` is ``DEFAULT_DB`` in the current directory; a path (or
    ``sqlite:///path``) is a SQLite file; a ``postgresql://`` URL raises
    ``StoreError`` until that backend exists.
    """
    target = DEFAULT_DB if db is None else os.fspath(db)
    return Store(dialect_for(target))
