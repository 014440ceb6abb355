"""Alembic's environment for the ledger: the migrations run on the connection `upgrade` hands over.

There is no alembic.ini and no engine made here: claimledger's ``Store`` opens the ledger, takes its
write lock and calls ``claimledger.store.migrations.upgrade``, which puts its connection, already in
a transaction, in the configuration. Alembic sees that transaction as external and leaves committing
it to the caller, so the whole upgrade commits or rolls back as one.
"""
from __future__ import annotations

from alembic import context

config = context.config
connection = config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("the ledger's migrations run when claimledger opens a ledger (open_store, or any "
                       "claimledger command with --db); they are not run with the alembic command")
context.configure(connection=connection, version_table=config.attributes["version_table"],
                  version_table_schema=config.attributes.get("version_table_schema"), transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
