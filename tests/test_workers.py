"""`--workers N`: extraction in worker processes writes the same ledger, and prints the same claims, as
extraction in one process (parallel.py). Real processes, real model, real SQLite."""
from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.errors import ClaimLedgerError, ExtractError, FetchError, IngestError, TooLongError
from claimledger.store import open_store
from test_cli import cli, plain_environment

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(autouse=True)
def _plain(tmp_path: Path) -> Iterator[None]:
    with plain_environment(tmp_path):
        yield


def ledger(db: Path) -> tuple[list[dict], list[str]]:
    with open_store(db) as store:
        return [c.to_dict() for c in store.claims()], [d.id for d in store.documents()]


def no_extractor_here(*args: object, **kwargs: object) -> None:
    raise AssertionError("with --workers the parent process builds no Extractor")


def test_ingest_with_workers_writes_the_ledger_one_process_writes(tmp_path: Path, capsys, monkeypatch) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert cli(capsys, "--db", one, "ingest", EXAMPLES).code == 0
    monkeypatch.setattr("claimledger.pipeline.Extractor.__init__", no_extractor_here)  # workers are spawned
    r = cli(capsys, "--db", two, "ingest", EXAMPLES, "--workers", "2")
    assert r.code == 0, r.err
    claims, docs = ledger(two)
    assert claims and (claims, docs) == ledger(one)
    # and again: nothing is sent to the workers twice
    r = cli(capsys, "--db", two, "ingest", EXAMPLES, "--workers", "2")
    assert "0 new, 0 new versions (0 claims)" in r.err and ledger(two) == (claims, docs)


def test_extract_with_workers_prints_the_same_claims_in_the_same_order(tmp_path: Path, capsys,
                                                                       monkeypatch) -> None:
    one = cli(capsys, "extract", EXAMPLES)
    monkeypatch.setattr("claimledger.pipeline.Extractor.__init__", no_extractor_here)
    two = cli(capsys, "extract", EXAMPLES, "--workers", "2")
    assert one.code == two.code == 0, two.err
    assert [json.loads(line) for line in two.out.splitlines()] == [json.loads(line) for line in one.out.splitlines()]
    assert one.out


def test_ingest_on_a_dask_cluster_writes_the_ledger_one_process_writes(tmp_path: Path, capsys, monkeypatch) -> None:
    """`--engine dask`: a LocalCluster of 2 worker processes extracts; the claims are exactly the single
    process run's, and the parent builds no Extractor."""
    pytest.importorskip("distributed")
    one, dask = tmp_path / "one.db", tmp_path / "dask.db"
    assert cli(capsys, "--db", one, "ingest", EXAMPLES).code == 0
    monkeypatch.setattr("claimledger.pipeline.Extractor.__init__", no_extractor_here)
    r = cli(capsys, "--db", dask, "ingest", EXAMPLES, "--engine", "dask", "--workers", "2")
    assert r.code == 0, r.err
    claims, docs = ledger(dask)
    assert claims and (claims, docs) == ledger(one)


def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path: Path, capsys) -> None:
    pytest.importorskip("distributed")
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", EXAMPLES, "--engine", "dask", "--scheduler",
            "tcp://127.0.0.1:9")
    assert r.code == 2
    (line,) = r.err.strip().splitlines()
    assert "tcp://127.0.0.1:9" in line and "scheduler" in line


@pytest.mark.parametrize("error", [ExtractError("doc-1", "a defect"), TooLongError("doc-1", "too long"),
                                   IngestError("file.txt", "not text"), FetchError("http://x/", "HTTP 404")])
def test_errors_cross_process_boundaries_whole(error: ClaimLedgerError) -> None:
    """A worker returns a document's error to the parent: it must arrive as the same error, message and
    fields, not as a failure to unpickle."""
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error) and vars(back) == vars(error)
