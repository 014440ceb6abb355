"""The ledger: idempotent, transactional ingest, exact round-trips, filters, entity lookups,
exports, and helpful errors, each on a real SQLite file and in a real PostgreSQL database
(the `ledger` fixture; PostgreSQL's runs are skipped when CLAIMLEDGER_TEST_PG is unset)."""
from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import pytest

from claimledger.errors import NotFoundError, StoreError
from claimledger.models import CLAIM_FIELDS, Claim, Document
from claimledger.store import DEFAULT_DB, SCHEMA_VERSION, Store, export_claims, open_store
from claimledger.store.dialect import dialect_for
from claimledger.store.schema import MIGRATIONS

# -- hand-built reports ------------------------------------------------------

SEOUL_TEXT = (
    "Seoul's Joint Chiefs of Staff said on Monday that Pyongyang had sent about 3,000 additional "
    "troops to Russia in January and February. Ukrainian military intelligence said more than 200 "
    "North Korean soldiers were killed in the Kursk region."
)
KYIV_TEXT = (
    "Ukraine's air force said at least 40 Russian drones were shot down overnight. "
    "Officials in Kharkiv said 12 missiles had been fired at the city since Friday."
)
AID_TEXT = ("Berlin approved between 400 and 500 million euros in new aid for Kyiv, "
            "a government spokesman said.")


def sentence_of(text: str, start: int) -> tuple[str, int]:
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return text[begin:end], begin


def make_claim(doc: Document, phrase: str, **fields) -> Claim:
    start = doc.text.index(phrase)
    evidence, evidence_start = sentence_of(doc.text, start)
    fields.setdefault("publisher", doc.publisher)
    fields.setdefault("published", doc.published)
    return Claim(doc=doc.id, start=start, end=start + len(phrase), text=phrase, evidence=evidence,
                 evidence_start=evidence_start, **fields)


def seoul_report() -> tuple[Document, list[Claim]]:
    doc = Document(id="seoul-1", text=SEOUL_TEXT, published="2025-03-10", publisher="DAILY-POST",
                   url="https://example.org/seoul-1", title="Pyongyang sends more troops", origin="feed.xml")
    troops = make_claim(
        doc, "about 3,000", value=3000, approx=True, item="troop", category="personnel", measure="deployed",
        actor="PRK", recipient="RUS", period_start="2025-01-01", period_end="2025-02-28", incremental=True,
        source="KOR-JCS", via=["AP", "yonhap"],
        cues={"measure": "sent", "source": "said", "period": "in January and February", "approx": "about"},
        confidence=0.85,
        names={"PRK": "Pyongyang", "RUS": "Russia", "KOR-JCS": "Seoul's Joint Chiefs of Staff",
               "AP": "the Associated Press", "yonhap": "Yonhap"},
    )
    killed = make_claim(
        doc, "more than 200", value=200, bound=">", item="soldier", category="casualty", measure="killed",
        actor="PRK", location="kursk", source="UKR-GUR", cues={"measure": "killed", "bound": "more than"},
        confidence=0.7, names={"PRK": "North Korean", "UKR-GUR": "Ukrainian military intelligence",
                               "kursk": "the Kursk region"},
    )
    return doc, [troops, killed]


def kyiv_report() -> tuple[Document, list[Claim]]:
    doc = Document(id="kyiv-7", text=KYIV_TEXT, published="2025-02-01", publisher="WIRE-NEWS")
    drones = make_claim(
        doc, "at least 40", value=40, bound=">=", item="drone", category="munition", measure="destroyed",
        actor="RUS", source="UKR-AF", period_start="2025-01-31", period_end="2025-02-01",
        names={"RUS": "Russian", "UKR-AF": "Ukraine's air force"},
    )
    missiles = make_claim(
        doc, "12", value=12, item="missile", category="munition", measure="launched", actor="RUS",
        recipient="UKR", location="kharkiv", source="anonymous", cumulative=True,
        names={"kharkiv": "Kharkiv", "anonymous": "Officials in Kharkiv"},
    )
    return doc, [drones, missiles]


def aid_report() -> tuple[Document, list[Claim]]:
    doc = Document(id="aid-3", text=AID_TEXT, publisher="WIRE-NEWS")  # undated
    aid = make_claim(
        doc, "between 400 and 500 million", low=400_000_000, high=500_000_000, item="euro", category="money",
        measure="pledged", actor="DEU", recipient="UKR", source="DEU",
        names={"DEU": "Berlin", "UKR": "Kyiv"},
    )
    return doc, [aid]


@dataclass
class Ledger:
    """Where a test's ledger lives (`target`, what open_store takes), and its tables read and written
    past the Store, through the same dialect: `?` placeholders on both engines."""

    kind: str
    target: str

    def execute(self, *statements: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run the statements in order, each committed on its own; the last one's rows."""
        dialect = dialect_for(self.target)
        conn = dialect.connect()
        rows: list[tuple[Any, ...]] = []
        try:
            for statement in statements:
                cursor = conn.execute(dialect.sql(statement), params)
                rows = cursor.fetchall() if cursor.description else []
        finally:
            conn.close()
        return rows

    def count(self, table: str) -> int:
        return self.execute(f"SELECT count(*) FROM {table}")[0][0]

    def tables(self) -> set[str]:
        dialect = dialect_for(self.target)
        conn = dialect.connect()
        try:
            return dialect.table_names(conn)
        finally:
            conn.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request, tmp_path) -> Ledger:
    """A new, empty ledger: a SQLite file, or a schema of its own in the test PostgreSQL database."""
    if request.param == "sqlite":
        return Ledger("sqlite", str(tmp_path / "ledger.db"))
    return Ledger("postgresql", request.getfixturevalue("pg_ledger_url"))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ledger.db"


@pytest.fixture
def store(ledger):
    with open_store(ledger.target) as s:
        yield s


@pytest.fixture
def full(store):
    """A ledger with three reports: Kyiv (Feb), Seoul (Mar), aid (undated)."""
    for doc, claims in (seoul_report(), kyiv_report(), aid_report()):
        assert store.add(doc, claims)
    return store


def all_claims() -> list[Claim]:
    return [c for _, claims in (seoul_report(), kyiv_report(), aid_report()) for c in claims]


def claim_id(phrase: str) -> str:
    (claim,) = [c for c in all_claims() if c.text == phrase]
    return claim.id


# -- opening -------------------------------------------------------------------


def test_new_ledger_gets_schema_and_version(ledger):
    assert ledger.tables() == set()
    with open_store(ledger.target) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.stats() == {"documents": 0, "claims": 0, "entities": 0}
    meta = dict(ledger.execute("SELECT key, value FROM meta"))
    assert {"meta", "documents", "claims", "entities", "claim_entities", "reviews", "document_versions",
            "aliases"} <= ledger.tables()
    assert meta == {"schema_version": str(SCHEMA_VERSION), "application": "claimledger"}


def test_new_sqlite_file_is_created(db_path):
    assert not db_path.exists()
    open_store(db_path).close()
    assert db_path.is_file()


def test_migrations_are_numbered_from_one_without_gaps():
    assert [v for v, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert SCHEMA_VERSION == MIGRATIONS[-1][0]


def test_a_version_1_ledger_is_upgraded_with_its_claims_intact(ledger):
    # A ledger written before statement dates and reviews existed: version 1's statements only.
    ledger.execute(
        *MIGRATIONS[0][1],
        "INSERT INTO meta (key, value) VALUES ('schema_version', '1')",
        "INSERT INTO documents (id, content_hash, text, published, added_at) VALUES "
        "('old', 'h', 'Some 300 were sent.', '2024-01-02', '2024-01-02T00:00:00')",
        "INSERT INTO claims (id, doc, start_char, end_char, quantity, value, approx, bound, vague, "
        "item, category, measure, cumulative, incremental, via, evidence, evidence_start, cues, "
        "confidence, names, search_key) VALUES ('old#5-8', 'old', 5, 8, '300', 300, 0, '=', 0, "
        "'person', 'people', 'deployed', 0, 0, '[]', 'Some 300 were sent.', 0, '{}', 1.0, '{}', "
        "'300')",
    )
    with open_store(ledger.target) as store:
        assert store.schema_version == SCHEMA_VERSION
        (claim,) = store.claims()
        assert (claim.id, claim.value, claim.stated, claim.earlier, claim.projection) == (
            "old#5-8", 300, None, False, False)
        assert store.reviews() == []
        # schema 3: the old document is version 1 of its id, and a changed copy becomes version 2
        old = store.document("old")
        assert [v["version"] for v in store.versions("old")] == [1]
        assert store.add(replace(old, text="Some 400 were sent."), []).outcome == "version"
        assert store.document("old", version=1).text == "Some 300 were sent."
        assert [c.id for c in store.document_claims("old", 1)] == ["old#5-8"]


def test_default_db_is_a_file_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert store.target == DEFAULT_DB
    assert (tmp_path / "claimledger.db").is_file()


def test_sqlite_url_names_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///via-url.db"):
        pass
    assert (tmp_path / "via-url.db").is_file()


def test_reopening_keeps_data_and_does_not_migrate_again(ledger):
    doc, claims = seoul_report()
    with open_store(ledger.target) as store:
        store.add(doc, claims)
    with open_store(ledger.target) as store:
        assert store.stats()["claims"] == 2
        assert store.has(doc.content_hash)
        assert not store.add(doc, claims)


@pytest.mark.parametrize("url", [
    "postgresql://user:secret@127.0.0.1:1/ledger",
    "postgres://user:secret@127.0.0.1:1/ledger",
    "postgresql+psycopg://user:secret@127.0.0.1:1/ledger",
    "postgresql://user@127.0.0.1:1/ledger?sslmode=disable&password=secret",
])
def test_unreachable_postgresql_server_is_a_store_error_without_the_password(url):
    with pytest.raises(StoreError, match="cannot connect to the ledger postgresql://user") as err:
        open_store(url)
    assert "secret" not in str(err.value)
    assert "--db" in str(err.value)


@pytest.mark.parametrize(("portable", "psycopg"), [
    ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
    ("SELECT 1 WHERE x LIKE ? ESCAPE '\\'", "SELECT 1 WHERE x LIKE %s ESCAPE '\\'"),
    ("SELECT '?', '100%', 'it''s ?' || ?", "SELECT '?', '100%%', 'it''s ?' || %s"),
])
def test_postgresql_placeholders(portable, psycopg):
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'psycopg[binary]'")
    assert dialect_for("postgresql://127.0.0.1/x").sql(portable) == psycopg


def test_unknown_url_scheme(tmp_path):
    with pytest.raises(StoreError, match="unknown ledger URL scheme 'mysql'"):
        open_store("mysql://db.example.org/ledger")


def test_corrupt_file_is_a_store_error_naming_the_path(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database, just some notes\n" * 200)
    with pytest.raises(StoreError) as err:
        open_store(bad)
    message = str(err.value)
    assert str(bad) in message
    assert "--db" in message and "backup" in message


def test_other_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="not a claimledger ledger"):
        open_store(other)


def test_other_postgresql_schema_is_refused(pg_ledger_url):
    Ledger("postgresql", pg_ledger_url).execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="not a claimledger ledger"):
        open_store(pg_ledger_url)


def test_newer_schema_is_refused(ledger):
    open_store(ledger.target).close()
    ledger.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", params=(str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="upgrade claimledger"):
        open_store(ledger.target)


def test_missing_directory_is_a_store_error(tmp_path):
    target = tmp_path / "no-such-dir" / "ledger.db"
    with pytest.raises(StoreError, match="no-such-dir"):
        open_store(target)


def test_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_closed_store_says_so(ledger):
    store = open_store(ledger.target)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.claims()


# -- adding --------------------------------------------------------------------


def test_add_then_re_add_is_idempotent(store, ledger):
    doc, claims = seoul_report()
    assert not store.has(doc.content_hash)
    assert store.add(doc, claims).outcome == "new"
    assert store.has(doc.content_hash)
    before = {t: ledger.count(t) for t in ("documents", "claims", "entities", "claim_entities")}
    assert before["documents"] == 1 and before["claims"] == 2

    again_doc, again_claims = seoul_report()
    assert store.add(again_doc, again_claims).outcome == "present"
    assert {t: ledger.count(t) for t in before} == before
    assert store.stats() == {"documents": 1, "claims": 2, "entities": 8}


def test_same_id_with_changed_content_is_a_new_version_and_the_old_one_stays_readable(store):
    """An outlet's correction: the id stays the id, the changed content is version 2 and current, and
    version 1 keeps its text and its claims."""
    doc, claims = seoul_report()
    store.add(doc, claims)
    updated = replace(doc, text=doc.text.replace("on Monday", "on Tuesday"))
    new_claims = [make_claim(updated, c.text, value=c.value, item=c.item, measure=c.measure) for c in claims]

    added = store.add(updated, new_claims)
    assert (added.outcome, added.doc, added.version) == ("version", "seoul-1", 2)
    assert store.document("seoul-1").text == updated.text
    assert [c.id for c in store.claims(doc="seoul-1")] == [c.id for c in new_claims]
    assert store.document("seoul-1", version=1).text == doc.text
    assert [c.to_dict() for c in store.document_claims("seoul-1", 1)] == [c.to_dict() for c in claims]
    assert [(v["version"], v["current"], v["replaced_by"]) for v in store.versions("seoul-1")] == [
        (1, False, "ingest"), (2, True, None)]
    assert store.stats()["documents"] == 1
    assert store.add(updated, new_claims).outcome == "present"  # and it is idempotent too


@pytest.mark.parametrize("change", [
    pytest.param(dict(published="2025-01-14"), id="date"),
    pytest.param(dict(title="Seoul raises its estimate"), id="title"),
    pytest.param(dict(url="https://example.org/seoul-1-corrected"), id="URL alone"),
])
def test_any_changed_content_makes_a_version(store, change):
    doc, claims = seoul_report()
    store.add(doc, claims)
    updated = replace(doc, **change)
    assert store.status(updated) == "changed"
    assert store.add(updated, [replace(c) for c in claims]).outcome == "version"
    assert store.document("seoul-1") == updated


def test_identical_content_under_another_id_is_an_alias(store):
    doc, claims = seoul_report()
    store.add(doc, claims)
    copy = replace(doc, id="seoul-copy", origin="mirror.jsonl")
    assert store.status(copy) == "alias"
    added = store.add(copy, [])
    assert (added.outcome, added.doc, bool(added)) == ("alias", "seoul-1", False)
    assert store.aliases() == {"seoul-1": ["seoul-copy"]}
    assert store.document("seoul-copy") == doc  # the alias reads as the document it names
    assert store.add(copy, []).outcome == "present"
    assert store.stats()["documents"] == 1


def test_a_new_version_may_equal_another_documents_content(store):
    """Two ids may come to hold one text: report B's correction repeats report A word for word."""
    doc, claims = seoul_report()
    store.add(doc, claims)
    other = replace(doc, id="other", text="Something else entirely was reported.")
    store.add(other, [])
    assert store.add(replace(doc, id="other"), [replace(c, doc="other") for c in claims]).outcome == "version"
    assert store.document("other").text == doc.text == store.document("seoul-1").text


def test_delete_removes_every_version_claim_and_alias(store, ledger):
    doc, claims = seoul_report()
    store.add(doc, claims)
    store.add(replace(doc, title="corrected"), [replace(c) for c in claims])
    store.add(replace(doc, id="copy", title="corrected"), [])
    assert store.delete("seoul-1") == {"claims": 2, "versions": 2, "aliases": 1}
    assert store.stats()["documents"] == 0
    assert {t: ledger.count(t) for t in ("claims", "claim_entities", "document_versions", "aliases")} == {
        "claims": 0, "claim_entities": 0, "document_versions": 0, "aliases": 0}


def test_add_with_no_claims_stores_the_document(store):
    doc = Document(id="quiet", text="Nothing was counted today.", published="2025-01-02")
    assert store.add(doc, [])
    assert store.document("quiet") == doc
    assert store.claims(doc="quiet") == []


def test_claim_from_another_document_is_refused(store):
    doc, claims = seoul_report()
    stray = replace(claims[0], doc="elsewhere")
    with pytest.raises(StoreError, match="elsewhere"):
        store.add(doc, [stray])
    assert store.stats()["documents"] == 0


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda claims: claims + [replace(claims[0], value=1)], id="two claims with one span"),
    pytest.param(lambda claims: [claims[0], replace(claims[1], bound="~")], id="bound outside the spec"),
    pytest.param(lambda claims: [claims[0], replace(claims[1], end=claims[1].start - 1)],
                 id="end before start"),
    pytest.param(lambda claims: [claims[0], replace(claims[1], value="many")], id="value not a number"),
])
def test_failing_add_rolls_back_everything(store, ledger, spoil):
    doc, claims = seoul_report()
    with pytest.raises(StoreError) as err:
        store.add(doc, spoil(claims))
    assert "seoul-1" in str(err.value) or claims[1].id in str(err.value)
    for table in ("documents", "claims", "entities", "claim_entities"):
        assert ledger.count(table) == 0, table
    assert not store.has(doc.content_hash)
    assert store.add(doc, claims)  # the fixed document goes in afterwards


# -- round trips ---------------------------------------------------------------


def test_every_claim_field_round_trips(full):
    for original in all_claims():
        stored = full.claim(original.id)
        assert stored == original
        assert stored.to_dict() == original.to_dict()
        assert isinstance(stored.via, list)
        assert isinstance(stored.cues, dict) and isinstance(stored.names, dict)
        for name in ("approx", "vague", "cumulative", "incremental"):
            assert type(getattr(stored, name)) is bool


def test_non_default_values_in_every_field_round_trip(store):
    doc = Document(id="odd é", text="Près de 1 500 réfugiés ont fui.", published="2024-12-31",
                   publisher="LE-JOURNAL")
    claim = Claim(
        doc=doc.id, start=0, end=12, text="Près de 1 500", value=1500.5, low=1400.25, high=1600.75,
        approx=True, bound="<=", vague=True, item="réfugié", category="people", measure="displaced",
        actor="x", recipient="y", location="z", period_start="2024-01-01", period_end="2024-12-31",
        cumulative=True, incremental=True, source="s", via=["a", "b", "a"], publisher="p",
        evidence=doc.text, evidence_start=0, cues={"approx": "Près de", "measure": "ont fui"},
        confidence=0.123456789, published="2024-12-30", names={"x": "X-land", "s": "l'agence"},
    )
    store.add(doc, [claim])
    (stored,) = store.claims()
    assert stored == claim
    assert [getattr(stored, f) for f in claim.__dataclass_fields__] == \
        [getattr(claim, f) for f in claim.__dataclass_fields__]


def test_documents_round_trip_in_date_order(full):
    docs = full.documents()
    assert [d.id for d in docs] == ["kyiv-7", "seoul-1", "aid-3"]  # undated last
    assert full.document("seoul-1") == seoul_report()[0]
    assert full.document("aid-3") == aid_report()[0]


# -- queries -------------------------------------------------------------------


def test_claims_are_ordered_by_publication_then_doc_then_start(full):
    assert [c.text for c in full.claims()] == [
        "at least 40", "12",  # 2025-02-01
        "about 3,000", "more than 200",  # 2025-03-10
        "between 400 and 500 million",  # undated
    ]


@pytest.mark.parametrize(("filters", "expected"), [
    pytest.param({"doc": "kyiv-7"}, ["at least 40", "12"], id="doc"),
    pytest.param({"measure": "killed"}, ["more than 200"], id="measure"),
    pytest.param({"measure": "Deployed"}, ["about 3,000"], id="measure any case"),
    pytest.param({"category": "munition"}, ["at least 40", "12"], id="category"),
    pytest.param({"item": "euro"}, ["between 400 and 500 million"], id="item"),
    pytest.param({"actor": "RUS"}, ["at least 40", "12"], id="actor id"),
    pytest.param({"actor": "prk"}, ["about 3,000", "more than 200"], id="actor id any case"),
    pytest.param({"actor": "North Korean"}, ["about 3,000", "more than 200"], id="actor by a name"),
    pytest.param({"actor": "pyongyang"}, ["about 3,000", "more than 200"], id="actor by another name"),
    pytest.param({"actor": "Berlin"}, ["between 400 and 500 million"], id="actor name any case"),
    pytest.param({"source": "kor-jcs"}, ["about 3,000"], id="source id"),
    pytest.param({"source": "ukrainian  MILITARY intelligence"}, ["more than 200"], id="source by name"),
    pytest.param({"source": "Officials in Kharkiv"}, ["12"], id="anonymous source by name"),
    pytest.param({"source": "AP"}, [], id="a relay is not the source"),
    pytest.param({"actor": "Kharkiv"}, [], id="a place name is not an actor"),
    pytest.param({"measure": "wounded"}, [], id="nothing"),
    pytest.param({"category": "munition", "actor": "RUS", "measure": "launched"}, ["12"], id="combined"),
    pytest.param({"category": "munition", "doc": "seoul-1"}, [], id="combined, disjoint"),
    pytest.param({"actor": "PRK", "source": "UKR-GUR", "category": "casualty"}, ["more than 200"],
                 id="combined entities"),
    pytest.param({"actor": "PRK", "limit": 1}, ["about 3,000"], id="limit"),
    pytest.param({"limit": 0}, [], id="limit zero"),
])
def test_claim_filters(full, filters, expected):
    assert [c.text for c in full.claims(**filters)] == expected


@pytest.mark.parametrize(("search", "expected"), [
    pytest.param("kursk", ["more than 200"], id="evidence, any case"),
    pytest.param("SHOT DOWN", ["at least 40"], id="evidence, upper case"),
    pytest.param("3,000", ["about 3,000"], id="quantity text"),
    pytest.param("between 400", ["between 400 and 500 million"], id="quantity phrase"),
    pytest.param("said", ["at least 40", "12", "about 3,000", "more than 200", "between 400 and 500 million"],
                 id="every sentence"),
    pytest.param("%", [], id="percent is literal"),
    pytest.param("_", [], id="underscore is literal"),
    pytest.param("tanks", [], id="absent"),
])
def test_search(full, search, expected):
    assert [c.text for c in full.claims(search=search)] == expected


def test_search_combines_with_filters(full):
    assert [c.text for c in full.claims(search="said", measure="destroyed")] == ["at least 40"]
    assert full.claims(search="Kursk", actor="RUS") == []


def shuffled_ledger(store, seed: int = 7) -> list[Claim]:
    """Forty reports, some undated and many on one day, several claims each, added in random order."""
    rng = random.Random(seed)
    docs = list(range(40))
    rng.shuffle(docs)
    added: list[Claim] = []
    for n in docs:
        published = None if n % 7 == 0 else f"2025-0{1 + n % 3}-0{1 + n % 2}"
        doc = Document(id=f"r{n:03d}", text=f"Report {n}: 10 killed, 20 wounded, 30 missing.", published=published)
        spans = [(10, 12), (10, 19), (21, 23), (34, 36)]
        rng.shuffle(spans)
        claims = [Claim(doc=doc.id, start=a, end=b, text=doc.text[a:b], value=float(n + a),
                        via=["AP"] if a == 21 else [], cues={"value": "killed"} if b == 19 else {},
                        names={"AP": "the AP"} if a == 21 else {}) for a, b in spans]
        assert store.add(doc, claims)
        added += claims
    return added


def test_every_claim_read_in_ledger_order(store):
    """The whole ledger (read in index order) and a filtered read (sorted) agree with the order spelled out."""
    added = shuffled_ledger(store)
    published = {c.doc: store.document(c.doc).published for c in added}
    expected = sorted(added, key=lambda c: (published[c.doc] is None, published[c.doc] or "", c.doc, c.start, c.end))
    assert store.claims() == expected
    assert store.claims(search="") == expected  # through the filtered query
    assert store.claims(limit=5) == expected[:5]


def test_claims_without_cues(store):
    added = shuffled_ledger(store)
    assert any(c.cues for c in added)
    light = store.claims(cues=False)
    assert all(c.cues == {} for c in light)
    assert [replace(c, cues={}) for c in store.claims()] == light
    assert store.claims(cues=False, doc="r001") == [replace(c, cues={}) for c in store.claims(doc="r001")]


def test_empty_lists_and_dicts_are_each_claims_own(store):
    shuffled_ledger(store)
    a, b = store.claims(doc="r001")[:2]
    assert a.via == b.via == [] and a.names == b.names == {}
    a.via.append("X")
    a.names["X"] = "x"
    assert b.via == [] and b.names == {}


@pytest.mark.parametrize("chars", [0, 5, 400])
def test_document_leads_are_documents_cut_short(full, chars):
    store = full
    store.add(Document(id="odd é", text="Près de 1 500 réfugiés ont fui — 😀 " * 20, published="2025-02-01",
                       publisher="LE-JOURNAL", url="https://example.org/x", title="Réfugiés", origin="x.html",
                       encoding="utf-8", language="fr"), [])
    docs = store.documents()
    assert store.document_leads(chars) == [Document(d.id, d.text[:chars], d.published, d.publisher, None, d.title)
                                           for d in docs]


def test_document_leads_refuse_a_bad_length(full):
    with pytest.raises(ValueError, match="chars"):
        full.document_leads(-1)


def test_ledger_order_index_exists(ledger):
    with open_store(ledger.target):
        pass
    if ledger.kind == "sqlite":
        rows = ledger.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'documents_order'")
    else:
        rows = ledger.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                              "AND indexname = 'documents_order'")
    assert rows == [("documents_order",)]


def test_whole_ledger_read_is_served_by_the_index(db_path):
    """SQLite walks documents_order and each document's claims by their key: no sort of the whole ledger."""
    with open_store(db_path) as store:
        shuffled_ledger(store)
        seen: list[str] = []
        store._conn.set_trace_callback(seen.append)
        store.claims()
        store._conn.set_trace_callback(None)
        plan = " ".join(str(row) for row in store._conn.execute("EXPLAIN QUERY PLAN " + seen[-1]).fetchall())
    assert "documents_order" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan  # at most a sort of one document's claims ("RIGHT PART")


def test_bad_limit_is_refused(full):
    with pytest.raises(ValueError, match="limit"):
        full.claims(limit=-1)


def test_entities_with_names_and_counts(full):
    entities = {e["id"]: e for e in full.entities()}
    assert entities["PRK"]["claims"] == 2 and entities["PRK"]["as_actor"] == 2
    assert entities["PRK"]["name"] in {"Pyongyang", "North Korean"}
    assert entities["DEU"] == {"id": "DEU", "name": "Berlin", "claims": 1, "as_source": 1, "as_actor": 1}
    assert entities["AP"] == {"id": "AP", "name": "the Associated Press", "claims": 0, "as_source": 0,
                              "as_actor": 0}
    assert entities["WIRE-NEWS"]["name"] is None  # a publisher with no name as written
    ranked = [e["claims"] for e in full.entities()]
    assert ranked == sorted(ranked, reverse=True)


def test_most_frequent_name_wins(store):
    doc, claims = kyiv_report()
    more = [replace(c, names={**c.names, "RUS": "Moscow"}) for c in claims]
    more[0] = replace(more[0], names={**claims[0].names, "RUS": "Russian"})
    store.add(doc, more)  # RUS written "Russian" once and "Moscow" once
    other = Document(id="moscow-2", text="Moscow said 5 more drones were downed.", published="2025-02-03")
    store.add(other, [make_claim(other, "5", value=5, actor="RUS", names={"RUS": "Moscow"})])
    (rus,) = [e for e in store.entities() if e["id"] == "RUS"]
    assert rus["name"] == "Moscow"
    assert rus["claims"] == 3


# -- not found -----------------------------------------------------------------


def test_unknown_document_message(full):
    with pytest.raises(NotFoundError) as err:
        full.document("paris-9")
    assert "'paris-9'" in str(err.value) and "ingest it first" in str(err.value)


def test_unknown_document_message_suggests_longer_ids(full):
    doc, _ = seoul_report()
    full.add(replace(doc, id="seoul-10", text="Another Seoul report."), [])
    with pytest.raises(NotFoundError) as err:
        full.document("seoul")
    assert "did you mean 'seoul-1', 'seoul-10'?" in str(err.value)


def test_unknown_version_names_the_versions_there_are(full):
    with pytest.raises(NotFoundError, match="has no version 4: its versions are 1 to 1"):
        full.document("seoul-1", version=4)


def test_unknown_document_wildcards_are_literal(full):
    with pytest.raises(NotFoundError, match="ingest it first"):
        full.document("%")


@pytest.mark.parametrize(("wanted", "hint"), [
    ("seoul-1#0-3", "document 'seoul-1' is stored, with 2 claims"),
    ("paris-9#0-3", "its document 'paris-9' is not in the ledger either"),
    ("about 3,000", "claim ids look like '<document id>#<start>-<end>'"),
])
def test_unknown_claim_messages(full, wanted, hint):
    with pytest.raises(NotFoundError) as err:
        full.claim(wanted)
    assert hint in str(err.value)
    assert repr(wanted) in str(err.value)


# -- export --------------------------------------------------------------------


def test_export_csv_parses_back(full):
    out = io.StringIO()
    claims = full.claims()
    assert export_claims(claims, "csv", out) == len(claims) == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [*CLAIM_FIELDS, "id", "text", "evidence"]
    by_id = {r["id"]: r for r in rows}
    troops = by_id[claim_id("about 3,000")]
    assert troops["value"] == "3000" and troops["low"] == ""
    assert troops["approx"] == "true" and troops["vague"] == "false"
    assert troops["via"] == "AP;yonhap"
    assert troops["actor"] == "PRK" and troops["source"] == "KOR-JCS" and troops["publisher"] == "DAILY-POST"
    assert troops["evidence"].startswith("Seoul's Joint Chiefs") and troops["text"] == "about 3,000"
    aid = by_id[claim_id("between 400 and 500 million")]
    assert aid["value"] == "" and aid["low"] == "400000000" and aid["high"] == "500000000"
    assert aid["period_start"] == "" and aid["via"] == ""


def test_export_jsonl_is_one_claim_per_line(full):
    out = io.StringIO()
    claims = full.claims()
    assert export_claims(iter(claims), "JSONL", out) == 5
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    assert [Claim.from_dict(json.loads(line)) for line in lines] == claims
    assert json.loads(lines[0])["id"] == claims[0].id


def test_export_nothing(full):
    out = io.StringIO()
    assert export_claims([], "jsonl", out) == 0 and out.getvalue() == ""
    assert export_claims([], "csv", out) == 0 and out.getvalue().count("\n") == 1  # just the header


def test_export_unknown_format_lists_the_allowed_ones(full):
    with pytest.raises(ValueError, match="'xlsx'.*csv, jsonl"):
        export_claims(full.claims(), "xlsx", io.StringIO())


def test_store_is_a_context_manager(ledger):
    with open_store(ledger.target) as store:
        assert isinstance(store, Store)
    with pytest.raises(StoreError):
        store.stats()


def test_search_folds_case_beyond_ascii_and_whitespace(store):
    doc = Document(id="geneve-2", text="Selon l'ONU, PRÈS DE 2 000 réfugiés ont fui\nvers le sud.",
                   published="2025-01-05")
    store.add(doc, [make_claim(doc, "PRÈS DE 2 000", value=2000, approx=True, item="réfugié")])
    assert [c.text for c in store.claims(search="près de 2 000")] == ["PRÈS DE 2 000"]
    assert [c.text for c in store.claims(search="ONT FUI VERS")] == ["PRÈS DE 2 000"]


# -- concurrent writers and read-only ledgers ------------------------------------------


def _run_together(target: str, work, writers: int) -> list[Any]:
    """`work(store, n)` in `writers` threads at once, each with its own Store (opened at the same moment,
    so they race on the migrations of a new ledger too); each thread's result, or the first error."""
    results: list[Any] = [None] * writers
    errors: list[BaseException] = []
    barrier = threading.Barrier(writers)

    def run(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            with open_store(target) as store:
                results[n] = work(store, n)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread, which raises it
            errors.append(e)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def test_concurrent_writers_store_each_document_once(ledger):
    """Writers adding overlapping reports at once: no error, nothing lost, nothing twice."""
    reports = [seoul_report(), kyiv_report(), aid_report()]

    def work(store: Store, n: int) -> list[tuple[str, str]]:
        own = Document(id=f"own-{n}", text=f"Writer {n} saw 7 drones.", published="2025-01-01")
        mine = [*reports, (own, [make_claim(own, "7", value=7, item="drone", actor="RUS")])]
        random.Random(n).shuffle(mine)
        return [(doc.id, store.add(doc, claims).outcome) for doc, claims in mine]

    writers = 6
    outcomes = Counter(pair for result in _run_together(ledger.target, work, writers) for pair in result)
    for doc, _ in reports:
        assert outcomes[(doc.id, "new")] == 1
        assert outcomes[(doc.id, "present")] == writers - 1
    assert all(outcomes[(f"own-{n}", "new")] == 1 for n in range(writers))
    with open_store(ledger.target) as store:
        assert store.stats() == {"documents": 3 + writers, "claims": 5 + writers, "entities": 14}
        assert store.claims(doc="seoul-1") == seoul_report()[1]
        assert store.schema_version == SCHEMA_VERSION
    with open_store(":memory:") as alone:  # the same reports added by one writer
        for doc, claims in reports:
            alone.add(doc, claims)
        links = alone._query("SELECT count(*) FROM claim_entities").fetchone()[0]
    assert ledger.count("claim_entities") == links + writers  # each writer's own claim names one actor
    assert ledger.count("document_versions") == 0 and ledger.count("aliases") == 0
    assert ledger.execute("SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_concurrent_writers_of_one_id_make_versions_in_turn(ledger):
    """Two outlets' texts under one id at once: one is version 1, the other version 2, neither fails."""
    doc, claims = seoul_report()
    texts = [doc.text, doc.text.replace("on Monday", "on Tuesday")]

    def work(store: Store, n: int) -> Any:
        version = replace(doc, text=texts[n])
        return store.add(version, [make_claim(version, c.text, value=c.value) for c in claims])

    added = _run_together(ledger.target, work, 2)
    assert sorted((a.outcome, a.version) for a in added) == [("new", 1), ("version", 2)]
    with open_store(ledger.target) as store:
        assert [v["version"] for v in store.versions("seoul-1")] == [1, 2]
        assert store.stats()["documents"] == 1 and store.stats()["claims"] == 2


def test_a_failed_add_leaves_the_connection_usable(store, ledger):
    """PostgreSQL aborts the whole transaction on an error: the Store rolls it back and goes on."""
    doc, claims = seoul_report()
    with pytest.raises(StoreError, match="two claims with one span"):
        store.add(doc, claims + [replace(claims[0], value=1)])
    assert store.status(doc) == "new"
    assert store.add(kyiv_report()[0], kyiv_report()[1]).outcome == "new"
    assert store.add_review("accept", claims[0].id, {"why": "checked"}, "ana")
    assert [r["action"] for r in store.reviews()] == ["accept"]
    assert ledger.count("documents") == 1


def test_reviews_round_trip(store):
    first = store.add_review("reject", "seoul-1#0-3", {"why": "double count", "n": 2}, "ana")
    second = store.add_review("merge", "seoul-1#0-3", {"with": ["kyiv-7#1-2"]}, "ben")
    reviews = store.reviews()
    assert [r["id"] for r in reviews] == [first, second]
    assert reviews[0]["detail"] == {"why": "double count", "n": 2} and reviews[1]["who"] == "ben"


def test_a_writable_ledger_says_so(store):
    assert store.writable()
    store.check_writable()


def test_read_only_postgresql_session_is_refused_before_any_work(pg_ledger_url):
    open_store(pg_ledger_url).close()
    read_only = pg_ledger_url + "%20-cdefault_transaction_read_only%3Don"
    with open_store(read_only) as store:
        assert store.stats()["documents"] == 0  # reading works
        assert not store.writable()
        with pytest.raises(StoreError, match="is read-only: connect as a role that may write"):
            store.check_writable()
        assert store.writable() is False  # and asking again leaves no transaction open


def test_read_only_postgresql_role_is_refused(pg_ledger_url, pg_url):
    """A role that may read the ledger's tables but not write them (the test role needs CREATEROLE)."""
    import psycopg

    open_store(pg_ledger_url).close()
    schema = pg_ledger_url.rsplit("%3D", 1)[1]
    role = f"reader_{schema}"
    with psycopg.connect(pg_ledger_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role}")
        conn.execute(f"GRANT {role} TO current_user")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
    try:
        with open_store(pg_ledger_url + f"%20-crole%3D{role}") as store:
            assert store.stats()["documents"] == 0
            assert not store.writable()
            with pytest.raises(StoreError, match="read-only"):
                store.check_writable()
    finally:
        with psycopg.connect(pg_ledger_url, autocommit=True) as conn:
            conn.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}")
            conn.execute(f"REVOKE ALL ON SCHEMA {schema} FROM {role}")
            conn.execute(f"DROP ROLE {role}")
