"""Schema migrations through Alembic: one revision per schema version, run when a ledger is opened.

``versions/`` holds one Alembic revision per schema version, "0001" to "0006" in a chain; each runs
that version's statements from schema.py (``MIGRATIONS``, the portable DDL both engines take) with
``op.execute`` and records the version in ``meta.schema_version`` too, where older claimledgers look
for it (so that they refuse a newer ledger instead of misreading it). Alembic keeps its own record
in the table ``claimledger_alembic_version`` (not the usual ``alembic_version``, which an
application sharing the database may own).

``upgrade`` is what ``Store`` calls when a ledger's ``meta.schema_version`` is behind: it takes the
ledger's write lock on the Store's own connection (SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory
lock), reads the version again under it, stamps a ledger that the migrations before Alembic built at
its version, and upgrades it to the head, all in that one transaction: a failure leaves the ledger
as it was. No alembic.ini: the configuration is built here. Alembic and SQLAlchemy are imported only
here, so opening an up-to-date ledger never loads them.

To change the schema: append ``(N, [statements])`` to schema.MIGRATIONS and copy the last revision
file in ``versions/`` to one for N (revision ``f"{N:04d}"``, down_revision the one before);
tests/test_migrations.py checks that the two agree.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.errors import StoreError
from claimledger.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from claimledger.store.dialect import Dialect

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "claimledger_alembic_version"
APPLICATION = "claimledger"
# SQLAlchemy picks its dialect from these; the connection itself is the Store's.
_ENGINE_URLS = {"sqlite": "sqlite://", "postgresql": "postgresql+psycopg://"}
# Alembic's `op` and `context` are module-wide proxies set while a command runs: one migration at a
# time in this process, whatever the ledger (different threads may open different ledgers).
_RUNNING = threading.Lock()


def revision(version: int) -> str:
    """The Alembic revision id of a schema version."""
    return f"{version:04d}"


def apply(version: int) -> None:
    """What revision ``revision(version)`` does: that version's statements, then its number in meta.
    Called from the revision files, inside Alembic's ``upgrade``."""
    from alembic import op

    for statement in dict(MIGRATIONS)[version]:
        op.execute(statement)
    op.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '" + str(version) + "') "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def refuse_downgrade() -> None:
    raise StoreError("a ledger is never downgraded: keep a copy of the ledger before upgrading claimledger, "
                     "and restore that copy to go back.")


def upgrade(conn: Any, dialect: Dialect) -> None:
    """Bring the ledger on the Store's connection ``conn`` to schema version SCHEMA_VERSION (module
    docstring). StoreError when it cannot be locked, read or written."""
    from sqlalchemy import create_engine, event, exc
    from sqlalchemy.pool import StaticPool

    # The engine hands out the Store's connection and never closes it (StaticPool, not disposed); its
    # transaction is the dialect's own write transaction, begun when SQLAlchemy begins one.
    engine = create_engine(_ENGINE_URLS[dialect.name], creator=lambda: conn, poolclass=StaticPool,
                           pool_reset_on_return=None)
    event.listen(engine, "begin", lambda _: dialect.begin(conn))
    with _RUNNING:
        try:
            with engine.connect() as connection:
                try:
                    transaction = connection.begin()
                except dialect.database_errors as e:
                    raise StoreError(f"cannot write to the ledger {dialect.target}: {e}. Another process may "
                                     "hold it; try again, or check the file's permissions.") from e
                with transaction:
                    _upgrade_locked(connection, conn, dialect)
        except exc.DBAPIError as e:
            raise StoreError(f"the ledger {dialect.target} could not be upgraded to schema version "
                             f"{SCHEMA_VERSION}: {e.orig}. Nothing was changed; if the file is damaged, restore "
                             "it from a backup or ingest again into a new file.") from e


def _upgrade_locked(connection: Any, conn: Any, dialect: Dialect) -> None:
    """Stamp and upgrade, on SQLAlchemy's ``connection`` to the Store's ``conn``, under the write lock."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    config.attributes["version_table"] = VERSION_TABLE
    if dialect.name == "postgresql":
        # the version table next to the ledger's own tables, never one of that name further down the path
        config.attributes["version_table_schema"] = connection.exec_driver_sql("SELECT current_schema()").scalar()
    # Read again under the write lock: another process may have just upgraded the ledger.
    tables = dialect.table_names(conn)
    version = _meta_version(connection) if "meta" in tables else 0
    if version < 0:
        raise StoreError(f"the ledger {dialect.target} has no valid schema_version in its meta table: "
                         "restore it from a backup, or move it away and ingest again.")
    if version > SCHEMA_VERSION:
        raise StoreError(f"the ledger {dialect.target} has schema version {version}, newer than this "
                         f"claimledger understands ({SCHEMA_VERSION}): upgrade claimledger.")
    if version >= 1 and VERSION_TABLE not in tables:
        command.stamp(config, revision(version))  # built by the migrations before Alembic
    command.upgrade(config, "head")
    connection.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('application', '" + APPLICATION + "') "
                               "ON CONFLICT (key) DO NOTHING")


def _meta_version(connection: Any) -> int:
    value = connection.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").scalar()
    try:
        return int(value) if value is not None else -1
    except ValueError:
        return -1
