"""Schema migrations through Alembic (store/migrations/): one revision per schema version, ledgers built
by the migrations before Alembic stamped and upgraded, an upgrade that fails leaving the ledger as it
was, and Alembic never loaded to open an up-to-date ledger. Each on a SQLite file and in a PostgreSQL
schema (skipped when CLAIMLEDGER_TEST_PG is unset)."""
from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from claimledger.errors import StoreError
from claimledger.store import SCHEMA_VERSION, open_store
from claimledger.store.dialect import dialect_for
from claimledger.store.migrations import HERE, VERSION_TABLE, revision
from claimledger.store.schema import MIGRATIONS, VIEWS


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> str:
    """Where a new, empty ledger goes: a SQLite file, or a schema of its own in the test database."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_ledger_url")


def execute(target: str, *statements: str) -> list[tuple[Any, ...]]:
    """Run statements past the Store, each committed on its own; the last one's rows."""
    dialect = dialect_for(target)
    conn = dialect.connect()
    rows: list[tuple[Any, ...]] = []
    try:
        for statement in statements:
            cursor = conn.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
    finally:
        conn.close()
    return rows


def tables(target: str) -> set[str]:
    dialect = dialect_for(target)
    conn = dialect.connect()
    try:
        return dialect.table_names(conn)
    finally:
        conn.close()


def build_before_alembic(target: str, version: int) -> None:
    """A ledger as the migrations before Alembic left it at ``version``: the statements of versions 1 to
    ``version``, meta.schema_version, no Alembic version table; one report with one claim in it."""
    statements = [s for v, batch in MIGRATIONS if v <= version for s in batch]
    execute(target, *statements,
            f"INSERT INTO meta (key, value) VALUES ('schema_version', '{version}'), ('application', 'claimledger')",
            "INSERT INTO documents (id, content_hash, text, published, publisher, title, added_at) VALUES "
            "('old', 'h', 'Some 300 were sent.', '2024-01-02', 'AFP', 'Old report', '2024-01-02T00:00:00')",
            "INSERT INTO claims (id, doc, start_char, end_char, quantity, value, approx, bound, vague, item, "
            "category, measure, cumulative, incremental, source, via, evidence, evidence_start, cues, confidence, "
            "names, search_key) VALUES ('old#5-8', 'old', 5, 8, '300', 300, 0, '=', 0, 'person', 'people', "
            "'deployed', 0, 0, 'UN', '[]', 'Some 300 were sent.', 0, '{}', 1.0, '{\"UN\": \"the UN\"}', '300')",
            "INSERT INTO entities (id) VALUES ('UN')",
            "INSERT INTO claim_entities (claim_id, role, entity_id, name, name_key) "
            "VALUES ('old#5-8', 'source', 'UN', 'the UN', 'un')")


def meta_version(target: str) -> str:
    return execute(target, "SELECT value FROM meta WHERE key = 'schema_version'")[0][0]


def test_one_revision_per_schema_version_in_a_chain():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(HERE))
    chain = [s.revision for s in script.walk_revisions("base", "heads")][::-1]
    assert chain == [revision(v) for v, _ in MIGRATIONS]
    assert script.get_current_head() == revision(SCHEMA_VERSION)


def test_a_new_ledger_is_built_by_alembic_to_the_head(target):
    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION
    assert execute(target, f"SELECT version_num FROM {VERSION_TABLE}") == [(revision(SCHEMA_VERSION),)]
    assert "alembic_version" not in tables(target)  # the usual name is left to applications sharing the database
    for view in VIEWS:
        assert execute(target, f"SELECT count(*) FROM {view}") == [(0,)]


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_ledger_from_before_alembic_is_stamped_and_upgraded(target, version):
    build_before_alembic(target, version)
    assert VERSION_TABLE not in tables(target)
    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION
        (claim,) = store.claims()
        assert (claim.id, claim.value, claim.source, claim.earlier) == ("old#5-8", 300, "UN", False)
        assert [v["version"] for v in store.versions("old")] == [1]
    assert execute(target, f"SELECT version_num FROM {VERSION_TABLE}") == [(revision(SCHEMA_VERSION),)]
    assert execute(target, "SELECT id, title, source_name FROM claims_readable") == [
        ("old#5-8", "Old report", "the UN")]
    assert execute(target, "SELECT count(*) FROM reconciled") == [(0,)]  # version 6: none kept yet
    assert meta_version(target) == str(SCHEMA_VERSION)


def test_an_upgraded_ledger_opens_again_without_migrating(target):
    build_before_alembic(target, 2)
    open_store(target).close()
    execute(target, "INSERT INTO reviews (id, action, target, detail, who, at) "
                    "VALUES ('r1', 'wrong', 'old#5-8', '{}', 'ana', '2025-01-01')")
    with open_store(target) as store:
        assert [r["id"] for r in store.reviews()] == ["r1"]
    assert execute(target, "SELECT reviews FROM claims_readable") == [(1,)]


def test_a_failed_upgrade_leaves_the_ledger_as_it_was(target):
    """Version 5 makes a view named claims_readable: a table of that name makes it fail, and neither the
    stamp nor any statement of the upgrade stays."""
    build_before_alembic(target, 4)
    execute(target, "CREATE TABLE claims_readable (x INTEGER)")
    with pytest.raises(StoreError, match="could not be upgraded to schema version"):
        open_store(target)
    assert meta_version(target) == "4"
    assert VERSION_TABLE not in tables(target)
    execute(target, "DROP TABLE claims_readable")
    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_an_old_ledger_in_a_read_only_session_is_refused_and_left_alone(pg_ledger_url):
    build_before_alembic(pg_ledger_url, 3)
    with pytest.raises(StoreError, match="could not be upgraded"):
        open_store(pg_ledger_url + "%20-cdefault_transaction_read_only%3Don")
    assert meta_version(pg_ledger_url) == "3"


def test_a_newer_alembic_ledger_is_refused(target):
    open_store(target).close()
    execute(target, f"UPDATE meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'",
            f"UPDATE {VERSION_TABLE} SET version_num = '{revision(SCHEMA_VERSION + 1)}'")
    with pytest.raises(StoreError, match="upgrade claimledger"):
        open_store(target)


def test_opening_an_up_to_date_ledger_does_not_load_alembic(tmp_path):
    db = tmp_path / "ledger.db"
    open_store(db).close()
    code = ("import sys; from claimledger.store import open_store; import claimledger.cli; "
            f"open_store({str(db)!r}).close(); "
            "print(sorted(m for m in ('alembic', 'sqlalchemy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
