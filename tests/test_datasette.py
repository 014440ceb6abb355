"""The ledger's views (schema version 5) served by Datasette, and the same views on PostgreSQL.

A ledger is built by ingesting the example reports (real extraction), with one review action; Datasette
runs as a real server process on a free 127.0.0.1 port with the shipped metadata, and each view's JSON
is checked row by row against what the Store itself says about the same claims and documents. On
PostgreSQL (skipped when CLAIMLEDGER_TEST_PG is unset) the views, read with plain SQL, give the very
rows they give on SQLite.
"""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimledger.cli import main
from claimledger.store import open_store
from claimledger.store.dialect import dialect_for
from claimledger.store.schema import VIEWS

pytest.importorskip("datasette", reason="Datasette is in the dev extra: pip install -e '.[dev]'")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
METADATA = files("claimledger") / "data" / "datasette.yaml"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    """The example reports ingested into claimledger.db (Datasette's database "claimledger"), and one
    review action naming the first claim."""
    db = tmp_path_factory.mktemp("datasette") / "claimledger.db"
    assert main(["--db", str(db), "ingest", "--quiet", str(EXAMPLES)]) == 0
    with open_store(db) as store:
        store.add_review("wrong", store.claims(limit=1)[0].id, {"why": "a test"}, "ana")
    return db


def rows(target: str, view: str) -> list[dict[str, Any]]:
    """Every row of a view, read with plain SQL through the ledger's own dialect."""
    dialect = dialect_for(target)
    conn = dialect.connect()
    try:
        cursor = conn.execute(f"SELECT * FROM {view}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read().decode("utf-8")
    return json.loads(body) if "json" in url.split("?")[0] else body


@pytest.fixture(scope="module")
def datasette(ledger: Path) -> Iterator[str]:
    """`datasette serve` over the ledger with the shipped metadata, as its own process; its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(ledger), "--metadata", str(METADATA),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    pytest.fail(f"datasette exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
                if time.monotonic() > deadline:
                    pytest.fail("datasette did not answer within 60 s")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def served(base: str, view: str) -> list[dict[str, Any]]:
    """A view's rows as Datasette serves them, every page."""
    out: list[dict[str, Any]] = []
    url: str | None = f"{base}/claimledger/{view}.json?_shape=objects&_size=max"
    while url:
        page = get(url)
        out += page["rows"]
        url = page.get("next_url")
    return out


def test_every_view_has_a_title_and_description_and_nothing_else_is_described():
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = meta["databases"]["claimledger"]["tables"]
    for view in VIEWS:
        assert tables[view]["title"] and len(tables[view]["description"]) > 40, view
    known = set(VIEWS) | {"claims", "documents", "reviews"}
    assert set(tables) <= known


def test_the_readme_command_names_the_shipped_metadata():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^datasette claimledger\.db --metadata (\S+)", readme, re.M)
    assert command, "the README shows no `datasette claimledger.db --metadata FILE` command"
    assert (ROOT / command.group(1)).resolve() == Path(str(METADATA)).resolve()


def test_the_ledger_has_the_views(ledger):
    with sqlite3.connect(ledger) as conn:
        found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert found == set(VIEWS)


def test_datasette_serves_every_view_as_the_ledger_holds_it(datasette, ledger):
    for view in VIEWS:
        got = served(datasette, view)
        assert got, f"{view} is empty"
        assert got == rows(str(ledger), view), view


def test_datasette_shows_the_views_titles_and_descriptions(datasette):
    assert set(get(f"{datasette}/-/metadata.json")["databases"]["claimledger"]["tables"]) >= set(VIEWS)
    page = get(f"{datasette}/claimledger/sources_summary")
    assert "Sources" in page and "One row per source" in page


def test_claims_readable_is_each_claim_with_its_report_and_names(datasette, ledger):
    with open_store(ledger) as store:
        claims = store.claims()
        docs = {d.id: d for d in store.documents()}
        reviewed = store.reviews()[0]["target"]
    got = served(datasette, "claims_readable")
    assert [r["id"] for r in got] == [c.id for c in claims]  # the ledger's order: date, report, position
    for row, claim in zip(got, claims, strict=True):
        doc = docs[claim.doc]
        assert (row["title"], row["publisher"], row["published"]) == (doc.title, doc.publisher, doc.published)
        assert (row["quantity"], row["value"], row["measure"], row["source"]) == (
            claim.text, claim.value, claim.measure, claim.source)
        assert row["source_name"] == (claim.names.get(claim.source) if claim.source else None)
        assert row["actor_name"] == (claim.names.get(claim.actor) if claim.actor else None)
        assert row["reviews"] == (1 if claim.id == reviewed else 0)
    assert any(r["source_name"] for r in got) and any(r["actor_name"] for r in got)


def test_the_summaries_count_what_the_claims_say(datasette, ledger):
    with open_store(ledger) as store:
        claims = store.claims()
        docs = store.documents()
    published = {d.id: d.published for d in docs}

    sources = {r["source"]: r for r in served(datasette, "sources_summary")}
    assert {s: r["claims"] for s, r in sources.items()} == Counter(c.source for c in claims if c.source)
    for s, r in sources.items():
        cited = [c for c in claims if c.source == s]
        assert r["documents"] == len({c.doc for c in cited})
        assert r["first_published"] == min((published[c.doc] for c in cited if published[c.doc]), default=None)
        assert r["name"] in {c.names.get(s) for c in cited}

    counts = [r["claims"] for r in served(datasette, "sources_summary")]
    assert counts == sorted(counts, reverse=True)  # most cited first

    per_doc = Counter(c.doc for c in claims)
    assert {r["id"]: r["claims"] for r in served(datasette, "documents_readable")} == {d.id: per_doc[d.id]
                                                                                     for d in docs}
    assert {r["publisher"]: r["documents"] for r in served(datasette, "publishers_summary")} == Counter(
        d.publisher for d in docs)
    assert {(r["category"], r["measure"], r["item"]): r["claims"] for r in served(datasette, "measures_summary")
            } == Counter((c.category, c.measure, c.item) for c in claims)
    assert {(r["month"], r["category"], r["measure"]): r["claims"] for r in served(datasette, "claims_by_month")
            } == Counter((published[c.doc][:7], c.category, c.measure) for c in claims if published[c.doc])


def test_the_views_give_the_same_rows_on_postgresql(ledger, pg_ledger_url):
    with open_store(ledger) as sqlite_store, open_store(pg_ledger_url) as pg_store:
        for doc in sqlite_store.documents():
            assert pg_store.add(doc, sqlite_store.claims(doc=doc.id))
        review = sqlite_store.reviews()[0]
        pg_store.add_review(review["action"], review["target"], review["detail"], review["who"])
    for view in VIEWS:
        expected = rows(str(ledger), view)
        got = rows(pg_ledger_url, view)
        if view == "documents_readable":  # when each was stored differs
            for r in expected + got:
                del r["added_at"]
        assert got == expected, view
