"""Stored reconciliation (cli_reconcile.py `outputs`, Store.save_reconciled, schema version 6): what
`series`, `conflicts` and `sources` print from the kept outputs is byte for byte what they print when
they rebuild; a kept output is never printed for another ledger state (a new document, a new version, a
review action and its undo, a deletion, another version of the code); a version-5 ledger upgrades. Each
on a SQLite file and in a PostgreSQL schema (skipped when CLAIMLEDGER_TEST_PG is unset).

The ledger is a few reports of my own: one side's dead and its killed-or-wounded told apart by two
originators on one day (conflicts in a series and across measures), the displaced of a flood, and an
aid pledge relayed by a wire.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
from typing import Any

import pytest

import claimledger.cli_reconcile as cr
from claimledger.cli_reconcile import add_commands
from claimledger.models import Claim, Document
from claimledger.reconcile import Names, conflicts_of, find_conflicts, find_series, group_by_source
from claimledger.reconcile.review import resolution
from claimledger.store import SCHEMA_VERSION, open_store
from claimledger.store.schema import MIGRATIONS
from test_migrations import build_before_alembic, execute

KILLED = dict(item="soldier", category="casualty", measure="killed", actor="RUS", cumulative=True)
KOW = dict(KILLED, measure="killed_or_wounded")
FLOOD = dict(item="person", category="people", measure="displaced", location="derna", cumulative=True)
AID = dict(item="dollar", category="money", measure="pledged", actor="USA", recipient="UKR")

# (document id, published, publisher, [(sentence, figure as written, claim fields)])
REPORTS = [
    ("wire-0102", "2025-01-02", "WIRE", [
        ("Kyiv's general staff said 9,000 Russian soldiers had been killed by then.", "9,000",
         dict(value=9000, source="UKR-GS", **KILLED)),
        ("London's defence ministry counted 7,000 Russian soldiers killed by then.", "7,000",
         dict(value=7000, source="GBR-MOD", **KILLED)),
        ("The ministry put Russia's killed or wounded at 5,000 soldiers.", "5,000",
         dict(value=5000, source="GBR-MOD", **KOW)),
    ]),
    ("herald-0103", "2025-01-03", "HERALD", [
        ("Aid workers said the flood had driven 30,000 people from their homes in Derna.", "30,000",
         dict(value=30000, source="IOM", **FLOOD)),
        ("Washington promised 400 million dollars to Kyiv, the wire reported.", "400 million",
         dict(value=4e8, source="USA", via=["WIRE"], **AID)),
    ]),
]
LATE = ("post-0110", "2025-01-10", "POST", [
    ("The UN refugee agency said 35,000 people had fled the Derna flood.", "35,000",
     dict(value=35000, source="UNHCR", **FLOOD)),
])


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_ledger_url")


def report(doc_id: str, published: str, publisher: str, sentences: list[Any]) -> tuple[Document, list[Claim]]:
    text = " ".join(s for s, _q, _f in sentences)
    claims = []
    for sentence, quantity, fields in sentences:
        start = text.index(sentence) + sentence.index(quantity)
        claims.append(Claim(doc=doc_id, start=start, end=start + len(quantity), text=quantity, evidence=sentence,
                            evidence_start=text.index(sentence), published=published, publisher=publisher, **fields))
    return Document(id=doc_id, text=text, published=published, publisher=publisher), claims


@pytest.fixture
def ledger(target) -> str:
    with open_store(target) as store:
        for r in REPORTS:
            assert store.add(*report(*r))
    return target


def run(*argv: str) -> str:
    p = argparse.ArgumentParser(prog="claimledger")
    p.add_argument("--db", default=None)
    add_commands(p.add_subparsers(dest="command", required=True))
    args = p.parse_args(list(argv))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert args.func(args) == 0
    return out.getvalue()


def fresh(db: str, command: str, series: str | None = None, resolved: bool = False) -> str:
    """What the command prints with --json, made from the ledger now as the commands made it before
    outputs were kept."""
    data = cr.load(db, full=False)
    names = Names(data.claims)
    everything = data.series(names)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        if command == "series":
            cr._stream_json(cr.series_dict(s, data.parties, names) for s in everything)
        elif command == "sources":
            cr._stream_json(g.to_dict(names) for g in group_by_source(data.claims, everything, names))
        else:
            found = (conflicts_of(find_series(everything, series), everything, names) if series
                     else find_conflicts(everything, names))
            pairs = [(c, resolution(c, data.reviews)) for c in found]
            cr._stream_json({**c.to_dict(names), "resolved": r.to_dict() if r else None}
                            for c, r in pairs if resolved or r is None)
    return out.getvalue()


CALLS = [("series",), ("sources",), ("conflicts",), ("conflicts", "--all")]


def outputs_now(db: str) -> dict[tuple[str, ...], str]:
    return {call: run(*call, "--db", db, "--json") for call in CALLS}


def fresh_now(db: str) -> dict[tuple[str, ...], str]:
    return {call: fresh(db, call[0], resolved="--all" in call) for call in CALLS}


def kept(db: str) -> bool:
    """Whether the ledger keeps outputs made from its state now."""
    with open_store(db) as store:
        return store.reconciled_from() == cr.made_from(store)


# -- the same bytes ------------------------------------------------------------------

def test_kept_outputs_print_what_a_rebuild_prints(ledger):
    assert not kept(ledger)
    first = outputs_now(ledger)  # rebuilds and keeps
    assert kept(ledger)
    second = outputs_now(ledger)  # reads what was kept
    assert first == second == fresh_now(ledger)
    series = json.loads(first[("series",)])
    assert {s["measure"] for s in series} >= {"killed", "killed_or_wounded", "displaced", "pledged"}
    conflicts = json.loads(first[("conflicts",)])
    assert {c["kind"] for c in conflicts} >= {"disagree"}
    assert json.loads(first[("sources",)])


def test_tables_print_the_same_from_kept_outputs(ledger, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    calls = [("series",), ("sources",), ("conflicts", "--all")]
    first = [run(*call, "--db", ledger) for call in calls]
    assert kept(ledger)
    assert [run(*call, "--db", ledger) for call in calls] == first
    assert "series from 5 claims" in first[0]
    killed = next(s for s in json.loads(run("series", "--db", ledger, "--json")) if s["measure"] == "killed")
    assert killed["id"] in first[0]


@pytest.mark.parametrize("measure", ["killed", "killed_or_wounded", "displaced", "pledged"])
def test_one_series_conflicts_print_what_a_rebuild_prints(ledger, measure):
    """A series that may meet another across measures (killed, killed or wounded) is `conflicts_of`, kept
    apart once made; any other is its part of the whole list."""
    sid = next(s["id"] for s in json.loads(run("series", "--db", ledger, "--json")) if s["measure"] == measure)
    for extra in ((), ("--all",)):
        expected = fresh(ledger, "conflicts", series=sid, resolved=bool(extra))
        assert run("conflicts", "--series", sid, "--db", ledger, "--json", *extra) == expected
        assert run("conflicts", "--series", sid, "--db", ledger, "--json", *extra) == expected
    assert kept(ledger)


def test_reconcile_keeps_them_ahead_of_time(ledger):
    assert run("reconcile", "--db", ledger) == ""
    assert kept(ledger)
    with open_store(ledger) as store:
        state = cr.made_from(store)
        facts, bodies = store.reconciled("series", state) or ({}, iter(()))
        assert facts == {"claims": 5}
        assert [json.loads(b)["id"] for b in bodies] == [s["id"] for s in json.loads(fresh(ledger, "series"))]
        assert store.reconciled("series", "another state") is None


# -- never for another state ---------------------------------------------------------

def changes_and_matches(db: str, before: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """After a change: nothing kept for the new state; the commands print a rebuild of it, then keep it."""
    assert not kept(db)
    now = outputs_now(db)
    assert now == fresh_now(db)
    assert now != before
    assert kept(db)
    assert outputs_now(db) == now
    return now


def test_a_new_document_and_a_new_version_are_reflected(ledger):
    before = outputs_now(ledger)
    with open_store(ledger) as store:
        store.add(*report(*LATE))
    after = changes_and_matches(ledger, before)
    doc, claims = report(*LATE)
    with open_store(ledger) as store:  # the same id, changed: a new version with other claims
        store.add(Document(doc.id, doc.text, "2025-01-11", "POST"), [])
    changes_and_matches(ledger, after)


def test_a_reextraction_and_a_deletion_are_reflected(ledger):
    before = outputs_now(ledger)
    doc, claims = report(*REPORTS[1])
    with open_store(ledger) as store:
        store.replace_claims(doc.id, claims[:1])  # same count of documents; one claim fewer
    after = changes_and_matches(ledger, before)
    with open_store(ledger) as store:
        store.delete(doc.id)
    changes_and_matches(ledger, after)


def test_each_review_action_and_its_undo_are_reflected(ledger):
    original = outputs_now(ledger)
    series = json.loads(original[("series",)])
    killed = next(s for s in series if s["measure"] == "killed")
    flood = next(s for s in series if s["measure"] == "displaced")
    aid = next(s for s in series if s["measure"] == "pledged")
    conflict = json.loads(original[("conflicts",)])[0]
    actions = [
        ("wrong", killed["claims"][0], {}),
        ("resolve", conflict["a"], {"a": conflict["a"], "b": conflict["b"]}),
        ("merge", flood["claims"][0], {"claims": flood["claims"] + aid["claims"]}),
        ("split", killed["claims"][0], {"claims": killed["claims"][:1]}),
        ("correct", flood["claims"][0], {"fields": {"value": 31000}}),
    ]
    for action, target, detail in actions:
        with open_store(ledger) as store:
            rid = store.add_review(action, target, detail, "ana")
        changes_and_matches(ledger, original)
        with open_store(ledger) as store:
            store.add_review("undo", rid, {}, "ana")
        assert not kept(ledger)
        assert outputs_now(ledger) == fresh_now(ledger) == original


def test_a_resolved_conflict_leaves_the_open_list_and_stays_in_all(ledger):
    conflict = json.loads(run("conflicts", "--db", ledger, "--json"))[0]
    with open_store(ledger) as store:
        store.add_review("resolve", conflict["a"], {"a": conflict["a"], "b": conflict["b"], "note": "checked"}, "ana")
    open_now = json.loads(run("conflicts", "--db", ledger, "--json"))
    assert (conflict["a"], conflict["b"]) not in {(c["a"], c["b"]) for c in open_now}
    settled = [c for c in json.loads(run("conflicts", "--all", "--db", ledger, "--json"))
               if (c["a"], c["b"]) == (conflict["a"], conflict["b"])]
    assert settled[0]["resolved"]["detail"]["note"] == "checked"


def test_another_version_of_the_code_rebuilds(ledger, monkeypatch):
    first = outputs_now(ledger)
    assert kept(ledger)
    monkeypatch.setattr(cr, "code_digest", lambda: "another claimledger")
    assert not kept(ledger)
    assert outputs_now(ledger) == first
    assert kept(ledger)


def test_the_code_digest_covers_the_data_files_and_the_reconcile_source():
    assert {"quantities.json", "kinds.yaml", "originators.yaml", "estimates.yaml"} <= set(cr._DATA_FILES)
    assert cr.code_digest() == cr.code_digest()


def test_the_state_changes_with_every_write_through_the_store(ledger):
    with open_store(ledger) as store:
        states = [store.state()]
        doc, claims = report(*LATE)
        store.add(doc, claims)
        states.append(store.state())
        store.add(doc, claims)  # nothing new: the state stays
        assert store.state() == states[-1]
        store.delete(doc.id)
        states.append(store.state())
        store.add(doc, claims)  # back to the same counts and ids, but a later state
        states.append(store.state())
        rid = store.add_review("wrong", claims[0].id, {}, "ana")
        states.append(store.state())
        store.add_review("undo", rid, {}, "ana")
        states.append(store.state())
    assert len(set(states)) == len(states)


# -- the migration ---------------------------------------------------------------------

def test_a_version_5_ledger_upgrades_and_reconciles(target):
    build_before_alembic(target, 5)
    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION == 6
        assert store.reconciled_from() is None
    assert dict(MIGRATIONS)[6]
    assert execute(target, "SELECT count(*) FROM reconciled") == [(0,)]
    series = json.loads(run("series", "--db", target, "--json"))
    assert [s["claims"] for s in series] == [["old#5-8"]]
    assert kept(target)
    assert run("series", "--db", target, "--json") == fresh(target, "series")


# -- the commands that keep them ------------------------------------------------------

def test_ingest_reconcile_keeps_the_outputs_of_the_batch(tmp_path):
    from claimledger.cli import main

    db = tmp_path / "ledger.db"
    report_file = tmp_path / "flood.json"
    report_file.write_text(json.dumps({"id": "flood-1", "published": "2025-01-03", "publisher": "HERALD",
                                       "text": "Aid workers said the flood had driven 30,000 people from their "
                                               "homes in Derna."}), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["--db", str(db), "ingest", str(report_file), "--quiet", "--reconcile"]) == 0
    assert "reconciled: " in err.getvalue()
    assert kept(str(db))
    assert run("series", "--db", str(db), "--json") == fresh(str(db), "series")
    with contextlib.redirect_stderr(err):
        assert main(["--db", str(db), "ingest", str(report_file), "--quiet"]) == 0  # nothing new: still kept
    assert kept(str(db))


def test_the_web_app_reads_the_kept_outputs_and_sees_a_change(ledger):
    from fastapi.testclient import TestClient

    from claimledger.web.app import create_app

    client = TestClient(create_app(ledger))

    def api(path: str) -> Any:
        response = client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    assert api("/api/series?limit=1000")["series"] == json.loads(run("series", "--db", ledger, "--json"))
    assert kept(ledger)
    assert api("/api/sources?limit=1000")["sources"] == json.loads(fresh(ledger, "sources"))
    conflicts = api("/api/conflicts?all=true&limit=1000")["conflicts"]
    assert conflicts == json.loads(fresh(ledger, "conflicts", resolved=True))
    with open_store(ledger) as store:
        store.add_review("resolve", conflicts[0]["a"], {"a": conflicts[0]["a"], "b": conflicts[0]["b"]}, "ana")
    assert api("/api/conflicts?limit=1000")["conflicts"] == json.loads(fresh(ledger, "conflicts"))
    assert len(api("/api/conflicts?limit=1000")["conflicts"]) == len(conflicts) - 1
    assert client.get("/conflicts?all=1").text.count("resolved by ana") == 1
