"""`claimledger export --format parquet -o DIR` (analytics.py): the ledger's claims, documents and series
as Parquet files that another tool reads back exactly (pyarrow here; DuckDB, pandas and Spark read the
same files)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.store import open_store
from test_cli import cli, error_lines, plain_environment

pq = pytest.importorskip("pyarrow.parquet")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(autouse=True)
def _plain(tmp_path: Path) -> Iterator[None]:
    with plain_environment(tmp_path):
        yield


def test_parquet_export_holds_the_ledger(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    assert cli(capsys, "--db", db, "ingest", EXAMPLES).code == 0
    r = cli(capsys, "--db", db, "export", "--format", "parquet", "-o", tmp_path / "out")
    assert r.code == 0, r.err
    read = {n: pq.read_table(tmp_path / "out" / f"{n}.parquet").to_pylist()
            for n in ("claims", "documents", "series", "series_claims")}
    with open_store(db) as store:
        claims = {c.id: c for c in store.claims()}
        documents = store.documents()
    assert {row["id"] for row in read["claims"]} == set(claims)
    for row in read["claims"]:
        c = claims[row["id"]]
        assert (row["value"], row["measure"], row["source"], row["via"], row["start"], row["end"]) == (
            c.value, c.measure, c.source, c.via, c.start, c.end)
        assert json.loads(row["names"]) == c.names
    assert sorted(d["id"] for d in read["documents"]) == sorted(d.id for d in documents)
    # every claim is in exactly one series, and every series row counts its claims
    members = [row["claim_id"] for row in read["series_claims"]]
    assert sorted(members) == sorted(claims)
    per_series = {s["id"]: s["claims"] for s in read["series"]}
    assert sum(per_series.values()) == len(claims)
    assert all(row["series_id"] in per_series for row in read["series_claims"])
    # the series agree with `series --json`
    listed = json.loads(cli(capsys, "--db", db, "series", "--json").out)
    assert {s["id"]: len(s["claims"]) for s in listed} == per_series


def test_parquet_needs_a_directory(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", EXAMPLES / "09-houthis-sink-eternity-c.txt")
    r = cli(capsys, "--db", db, "export", "--format", "parquet")
    assert r.code == 2 and len(error_lines(r.err)) == 1 and "-o DIR" in r.err
