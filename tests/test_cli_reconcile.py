"""The reconcile commands end to end: a small SQLite ledger built with Store.add,
then `series`, `timeline`, `conflicts` and `sources` run through
cli_reconcile's parser and handlers, as cli.py will run them.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from claimledger.cli_reconcile import add_commands
from claimledger.errors import ClaimLedgerError, NotFoundError
from claimledger.models import Claim, Document
from claimledger.nlp.gazetteer import Gazetteer
from claimledger.store import open_store

TROOPS = dict(item="troop", category="personnel", measure="deployed", actor="PRK", recipient="RUS")
CASUALTIES = dict(item="soldier", category="casualty", measure="killed_or_wounded", actor="PRK")

# (document id, published, publisher, [(sentence, quantity, claim fields)])
REPORTS = [
    ("afp-1028", "2024-10-28", "AFP", [
        ("The Pentagon said North Korea has sent 10,000 troops to Russia.", "10,000",
         dict(value=10000, source="USA-DOD", **TROOPS)),
        ("A US official said earlier that 3,000 troops had gone.", "3,000",
         dict(value=3000, source="USA", **TROOPS)),
    ]),
    ("cal-0327", "2025-03-27", "CALIBER-AZ", [
        ("Citing AP, the outlet said the JCS estimates about 11,000 troops were sent.", "about 11,000",
         dict(value=11000, approx=True, cumulative=True, source="KOR-JCS", via=["AP"], **TROOPS)),
        ("About 4,000 of them were killed or wounded, the JCS said.", "About 4,000",
         dict(value=4000, approx=True, source="KOR-JCS", via=["AP"], **CASUALTIES)),
    ]),
    ("yon-0328", "2025-03-28", "YONHAP", [
        ("The JCS said about 11,000 North Korean soldiers are in Russia.", "about 11,000",
         dict(value=11000, approx=True, cumulative=True, source="KOR-JCS", **{**TROOPS, "item": "soldier"})),
    ]),
    ("kyiv-0329", "2025-03-29", "KYIV-INDEPENDENT", [
        ("Reuters, citing the JCS, said some 11,000 troops were deployed.", "some 11,000",
         dict(value=11000, approx=True, cumulative=True, source="KOR-JCS", via=["REUTERS"], **TROOPS)),
    ]),
    ("ap-0430", "2025-04-30", "AP", [
        ("The spy agency said about 15,000 troops have been sent in total.", "about 15,000",
         dict(value=15000, approx=True, cumulative=True, source="KOR-NIS", **TROOPS)),
        ("It said 4,700 soldiers were killed or wounded.", "4,700",
         dict(value=4700, source="KOR-NIS", **CASUALTIES)),
    ]),
]


def build_ledger(path: Path) -> dict[str, Claim]:
    """Store REPORTS in a SQLite ledger at ``path``; return the claims by id."""
    out = {}
    with open_store(path) as store:
        for doc_id, published, publisher, sentences in REPORTS:
            text = " ".join(s for s, _q, _f in sentences)
            claims = []
            for sentence, quantity, fields in sentences:
                start = text.index(sentence) + sentence.index(quantity)
                claims.append(Claim(doc=doc_id, start=start, end=start + len(quantity), text=quantity,
                                    evidence=sentence, evidence_start=text.index(sentence),
                                    published=published, publisher=publisher, **fields))
            assert store.add(Document(id=doc_id, text=text, published=published, publisher=publisher), claims)
            out.update({c.id: c for c in claims})
    return out


@pytest.fixture()
def ledger(tmp_path: Path) -> tuple[str, dict[str, Claim]]:
    db = tmp_path / "ledger.db"
    return str(db), build_ledger(db)


def parser() -> argparse.ArgumentParser:
    """A parser shaped like cli.py's: a global --db, then the subcommands."""
    p = argparse.ArgumentParser(prog="claimledger")
    p.add_argument("--db", default=None)
    add_commands(p.add_subparsers(dest="command", required=True))
    return p


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich wraps tables to 80 columns when not on a terminal; give ids room."""
    monkeypatch.setenv("COLUMNS", "200")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    args = parser().parse_args(argv)
    assert args.func(args) == 0
    return capsys.readouterr().out


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]):
    return json.loads(run([*argv, "--json"], capsys))


# -- series ---------------------------------------------------------------------

def test_series_json(ledger, capsys):
    db, claims = ledger
    series = {s["id"]: s for s in run_json(["series", "--db", db], capsys)}
    assert set(series) == {"prk-rus-troops-deployed", "prk-people-killed-or-wounded"}
    troops = series["prk-rus-troops-deployed"]
    assert set(troops) >= {"id", "name", "measure", "category", "actor", "recipient", "location",
                           "claims", "independent_sources"}
    key = ("measure", "category", "actor", "recipient", "location")
    assert [troops[k] for k in key] == ["deployed", "personnel", "PRK", "RUS", None]
    assert len(troops["claims"]) == 6 and set(troops["claims"]) <= set(claims)
    # USA-DOD, USA, KOR-JCS (relayed by three outlets: one source), KOR-NIS
    assert troops["independent_sources"] == 4
    assert series["prk-people-killed-or-wounded"]["independent_sources"] == 2


def test_series_table(ledger, capsys):
    db, _ = ledger
    out = run(["series", "--db", db], capsys)
    assert "prk-rus-troops-deployed" in out and "2 series from 8 claims" in out


def test_global_db_option_is_kept_when_the_subcommand_has_none(ledger, capsys):
    db, _ = ledger
    assert len(run_json(["--db", db, "series"], capsys)) == 2


# -- timeline -------------------------------------------------------------------

def test_timeline_json_in_date_order(ledger, capsys):
    db, _ = ledger
    data = run_json(["timeline", "prk-rus-troops-deployed", "--db", db], capsys)
    assert data["series"]["id"] == "prk-rus-troops-deployed"
    points = data["points"]
    assert [p["date"] for p in points] == sorted(p["date"] for p in points)
    assert [(p["date"], p["value"], p["source"]) for p in points] == [
        ("2024-10-28", 10000, "USA-DOD"), ("2024-10-28", 3000, "USA"),
        ("2025-03-27", 11000, "KOR-JCS"), ("2025-03-28", 11000, "KOR-JCS"), ("2025-03-29", 11000, "KOR-JCS"),
        ("2025-04-30", 15000, "KOR-NIS"),
    ]
    assert all(p["as_of"] for p in points)
    # Entity fields carry ids; relay_names is the same chain for a reader.
    assert points[2]["relay"] == "KOR-JCS → AP → CALIBER-AZ" and points[2]["via"] == ["AP"]
    assert points[2]["relay_chain"] == ["AP", "CALIBER-AZ"] and points[2]["publisher"] == "CALIBER-AZ"
    gazetteer = Gazetteer.load()
    names = [gazetteer.get(x).name for x in ("KOR-JCS", "AP", "CALIBER-AZ")]
    assert points[2]["relay_names"] == " → ".join(names)
    assert points[2]["independent_sources"] == 1
    assert data["estimate"]["low"] == 3000 and data["estimate"]["high"] == 15000


def test_timeline_table_and_a_unique_part_of_the_id(ledger, capsys):
    db, claims = ledger
    out = run(["timeline", "troops", "--db", db], capsys)
    assert "cal-0327#" in out and "estimate: low 3,000" in out
    assert Gazetteer.load().get("CALIBER-AZ").name in out  # the table shows names, not ids


def test_timeline_unknown_series(ledger):
    db, _ = ledger
    args = parser().parse_args(["timeline", "missiles", "--db", db])
    with pytest.raises(NotFoundError, match="claimledger series"):
        args.func(args)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_timeline_plot(ledger, capsys, tmp_path: Path, suffix):
    db, _ = ledger
    out_file = tmp_path / f"troops{suffix}"
    data = run_json(["timeline", "prk-rus-troops-deployed", "--db", db, "--plot", str(out_file)], capsys)
    assert out_file.stat().st_size > 1000
    # 10,000 (USA-DOD), 3,000 (USA), 11,000 (KOR-JCS, three relays: one mark), 15,000 (KOR-NIS)
    assert data["plot"] == {"file": str(out_file), "marks": 4}


def test_timeline_plot_needs_a_known_format(ledger, tmp_path: Path):
    db, _ = ledger
    args = parser().parse_args(["timeline", "troops", "--db", db, "--plot", str(tmp_path / "t.jpg")])
    with pytest.raises(ClaimLedgerError, match="png"):
        args.func(args)


# -- conflicts and sources ------------------------------------------------------

def test_conflicts_json(ledger, capsys):
    db, claims = ledger
    conflicts = run_json(["conflicts", "--db", db], capsys)
    assert len(conflicts) == 1
    (c,) = conflicts
    assert set(c) >= {"series", "a", "b", "reason"}
    assert c["series"] == "prk-rus-troops-deployed"
    assert {claims[c["a"]].value, claims[c["b"]].value} == {10000, 3000}
    assert {c["a_source"], c["b_source"]} == {"USA-DOD", "USA"}
    gazetteer = Gazetteer.load()
    names = {gazetteer.get("USA-DOD").name, gazetteer.get("USA").name}
    assert {c["a_source_name"], c["b_source_name"]} == names
    assert all(name in c["reason"] for name in names)


def test_conflicts_of_one_series(ledger, capsys):
    db, _ = ledger
    assert run_json(["conflicts", "--db", db, "--series", "prk-people-killed-or-wounded"], capsys) == []
    assert "1 conflicts" in run(["conflicts", "--db", db], capsys)


def test_sources_json(ledger, capsys):
    db, _ = ledger
    sources = {s["source"]: s for s in run_json(["sources", "--db", db], capsys)}
    assert set(sources) == {"USA-DOD", "USA", "KOR-JCS", "KOR-NIS"}
    jcs = sources["KOR-JCS"]
    assert len(jcs["claims"]) == 4
    assert sorted(r["publisher"] for r in jcs["relays"]) == ["CALIBER-AZ", "KYIV-INDEPENDENT", "YONHAP"]
    assert sorted(jcs["series"]) == ["prk-people-killed-or-wounded", "prk-rus-troops-deployed"]
    assert [r["chain"] for r in jcs["relays"] if r["publisher"] == "CALIBER-AZ"] == [["AP", "CALIBER-AZ"]]
    gazetteer = Gazetteer.load()
    assert jcs["name"] == gazetteer.get("KOR-JCS").name
    assert [r["chain_names"] for r in jcs["relays"] if r["publisher"] == "CALIBER-AZ"] == [
        [gazetteer.get("AP").name, gazetteer.get("CALIBER-AZ").name]]


def test_sources_table(ledger, capsys):
    db, _ = ledger
    out = run(["sources", "--db", db], capsys)
    assert "4 primary sources" in out and "KOR-JCS" in out
