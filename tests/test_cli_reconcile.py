"""The reconcile commands end to end: a small SQLite ledger built with Store.add,
then `series`, `timeline`, `conflicts` and `sources` run through
cli_reconcile's parser and handlers, as cli.py will run them.

The commands group claims with the shipped quantity model, so the ledger is
kept clear-cut: one side's running total restated across reports, with its
addition, beside a casualty count and a night of drones (other blocks).
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
TOTAL = dict(TROOPS, cumulative=True)
CASUALTIES = dict(item="soldier", category="casualty", measure="killed_or_wounded", actor="PRK")
DRONES = dict(item="drone", category="munition", measure="launched", actor="RUS", recipient="UKR")

# (document id, published, publisher, [(sentence, quantity, claim fields)])
# North Korea's troops in Russia, a running total restated across reports: the US and Ukraine disagree
# on 20 March; South Korea's JCS (relayed three times) and later its spy agency (stated on Monday
# 14 April, published the next day) speak for one originator; February's addition is a part of the
# total. Russia's drones at Ukraine show that Ukraine is a party to the fighting. Ukraine's figure comes in a
# report of its own: the quantity model rebuilt at the sixth stop of 2026-12-07 reads two sources' running
# totals set apart in one report as two scopes more often than not, and splits them (README, Reconciliation).
REPORTS = [
    ("afp-0320", "2025-03-20", "AFP", [
        ("The Pentagon said North Korea has sent about 10,000 troops to Russia so far.", "about 10,000",
         dict(value=10000, approx=True, source="USA-DOD", **TOTAL)),
        ("Russia launched 120 drones at Ukraine overnight, the air force said.", "120",
         dict(value=120, source="UKR-AF", **DRONES)),
    ]),
    ("ukr-0320", "2025-03-20", "UKRINFORM", [
        ("Ukraine's military intelligence put the total of North Korean troops in Russia at 12,000.", "12,000",
         dict(value=12000, source="UKR-GUR", **TOTAL)),
    ]),
    ("cal-0327", "2025-03-27", "CALIBER-AZ", [
        ("Citing AP, the outlet said the JCS estimates about 11,000 troops were sent in total.", "about 11,000",
         dict(value=11000, approx=True, source="KOR-JCS", via=["AP"], **TOTAL)),
        ("Pyongyang sent another 2,500 troops in February, the JCS said.", "another 2,500",
         dict(value=2500, incremental=True, period_start="2025-02-01", period_end="2025-02-28",
              source="KOR-JCS", via=["AP"], **TROOPS)),
        ("About 4,000 of them were killed or wounded, the JCS said.", "About 4,000",
         dict(value=4000, approx=True, source="KOR-JCS", via=["AP"], **CASUALTIES)),
    ]),
    ("yon-0328", "2025-03-28", "YONHAP", [
        ("The JCS said about 11,000 North Korean soldiers have been sent to Russia so far.", "about 11,000",
         dict(value=11000, approx=True, source="KOR-JCS", **{**TOTAL, "item": "soldier"})),
    ]),
    ("kyiv-0329", "2025-03-29", "KYIV-INDEPENDENT", [
        ("Reuters, citing the JCS, said some 11,000 troops had been deployed to date.", "some 11,000",
         dict(value=11000, approx=True, source="KOR-JCS", via=["REUTERS"], **TOTAL)),
    ]),
    ("ap-0415", "2025-04-15", "AP", [
        ("The spy agency said on Monday that about 15,000 troops have been sent in total.", "about 15,000",
         dict(value=15000, approx=True, stated="2025-04-14", source="KOR-NIS", **TOTAL)),
        ("It said 4,700 soldiers were killed or wounded.", "4,700",
         dict(value=4700, source="KOR-NIS", **CASUALTIES)),
    ]),
]
SERIES = {"prk-rus-troops-deployed", "prk-people-killed-or-wounded", "rus-ukr-drones-launched"}


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
    assert set(series) == SERIES
    troops = series["prk-rus-troops-deployed"]
    assert set(troops) >= {"id", "name", "measure", "category", "actor", "recipient", "location", "scope",
                           "claims", "independent_sources", "sources", "estimate"}
    key = ("measure", "category", "actor", "recipient", "location", "scope")
    assert [troops[k] for k in key] == ["deployed", "personnel", "PRK", "RUS", None, None]
    assert len(troops["claims"]) == 7 and set(troops["claims"]) <= set(claims)
    # The US, Ukraine and South Korea (the JCS, relayed by three outlets, and the NIS: one government)
    assert (troops["independent_sources"], troops["sources"]) == (3, ["KOR", "USA", "UKR"])
    est = troops["estimate"]
    # The best is the median of the non-parties' latest figures (10,000 and 15,000); Ukraine is a party.
    assert (est["low"], est["best"], est["high"]) == (10000, 12500, 15000)
    assert (est["sources"], est["parties"], est["as_of"]) == (["KOR", "UKR", "USA"], ["UKR"], "2025-04-14")
    assert set(est["reasons"]) == {"low", "best", "high"}
    casualties = series["prk-people-killed-or-wounded"]
    assert (casualties["independent_sources"], casualties["sources"]) == (1, ["KOR"])
    assert casualties["estimate"]["notes"] == ["rests on one originator, South Korea"]


def test_series_table(ledger, capsys):
    db, _ = ledger
    out = run(["series", "--db", db], capsys)
    assert "prk-rus-troops-deployed" in out and "3 series from 10 claims" in out
    assert "12,500" in out  # the troops' best estimate


def test_global_db_option_is_kept_when_the_subcommand_has_none(ledger, capsys):
    db, _ = ledger
    assert len(run_json(["--db", db, "series"], capsys)) == 3


# -- timeline -------------------------------------------------------------------

def test_timeline_json_in_date_order(ledger, capsys):
    db, _ = ledger
    data = run_json(["timeline", "prk-rus-troops-deployed", "--db", db], capsys)
    assert data["series"]["id"] == "prk-rus-troops-deployed"
    points = data["points"]
    assert [p["date"] for p in points] == sorted(p["date"] for p in points)
    assert [(p["date"], p["value"], p["source"]) for p in points] == [
        ("2025-02-28", 2500, "KOR-JCS"),  # an addition over February: at its period's end
        ("2025-03-20", 10000, "USA-DOD"), ("2025-03-20", 12000, "UKR-GUR"),
        ("2025-03-27", 11000, "KOR-JCS"), ("2025-03-28", 11000, "KOR-JCS"), ("2025-03-29", 11000, "KOR-JCS"),
        ("2025-04-14", 15000, "KOR-NIS"),  # the day the text gives, not the day it was published
    ]
    assert [p["as_of"] for p in points] == [False] + [True] * 6
    # Entity fields carry ids; relay_names is the same chain for a reader.
    jcs = points[3]
    assert jcs["relay"] == "KOR-JCS → AP → CALIBER-AZ" and jcs["via"] == ["AP"]
    assert jcs["relay_chain"] == ["AP", "CALIBER-AZ"] and jcs["publisher"] == "CALIBER-AZ"
    gazetteer = Gazetteer.load()
    names = [gazetteer.get(x).name for x in ("KOR-JCS", "AP", "CALIBER-AZ")]
    assert jcs["relay_names"] == " → ".join(names)
    assert jcs["independent_sources"] == 1
    pick = ("stated", "stated_in_text", "period_start", "period_end", "originator", "party", "part",
            "projection", "earlier")
    assert {p["claim"].split("#")[0] + f" {p['value']}": tuple(p[k] for k in pick) for p in points} == {
        "cal-0327 2500": ("2025-03-27", False, "2025-02-01", "2025-02-28", "KOR", False,
                          "an addition to the total", False, False),
        "afp-0320 10000": ("2025-03-20", False, None, None, "USA", False, None, False, False),
        "ukr-0320 12000": ("2025-03-20", False, None, None, "UKR", True, None, False, False),
        "cal-0327 11000": ("2025-03-27", False, None, None, "KOR", False, None, False, False),
        "yon-0328 11000": ("2025-03-28", False, None, None, "KOR", False, None, False, False),
        "kyiv-0329 11000": ("2025-03-29", False, None, None, "KOR", False, None, False, False),
        "ap-0415 15000": ("2025-04-14", True, None, None, "KOR", False, None, False, False),
    }
    est = data["estimate"]
    assert (est["low"], est["best"], est["high"], est["as_of"]) == (10000, 12500, 15000, "2025-04-14")
    assert [(c["a_source"], c["b_source"]) for c in data["conflicts"]] == [("USA-DOD", "UKR-GUR")]


def test_timeline_table_shows_parts_estimate_reasons_and_conflicts(ledger, capsys):
    db, _ = ledger
    out = run(["timeline", "troops", "--db", db], capsys)  # a unique part of the id
    lines = [line.strip(" │┃") for line in out.splitlines()]
    assert "cal-0327#" in out
    assert Gazetteer.load().get("CALIBER-AZ").name in out  # the table shows names, not ids
    # The whole's figures first; the addition under its own heading after them.
    heading = next(i for i, line in enumerate(lines) if line.startswith("part: an addition to the total"))
    assert heading > max(i for i, line in enumerate(lines) if "ap-0415#" in line)
    assert heading < next(i for i, line in enumerate(lines) if "+2,500" in line)
    assert "Ukraine (party)" in out
    assert "estimate: low 10,000 · best 12,500 · high 15,000 from 3 independent originators (as of 2025-04-14)" in lines
    assert "low: the lowest figure, United States's ≈ 10,000 (2025-03-20)" in lines
    assert "best: the median of 2 figures of non-party originators" in lines
    assert "high: the highest figure: South Korea's ≈ 15,000 (2025-04-14)" in lines
    assert "parties to the fighting: Ukraine" in lines
    assert any(line.startswith("conflict afp-0320#") and "United States says ≈ 10,000" in line for line in lines)


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
    # +2,500 and 11,000 (KOR-JCS, the 11,000 relayed three times: one mark), 10,000 (USA-DOD),
    # 12,000 (UKR-GUR), 15,000 (KOR-NIS)
    assert data["plot"] == {"file": str(out_file), "marks": 5}


def test_timeline_plot_needs_a_known_format(ledger, tmp_path: Path):
    db, _ = ledger
    args = parser().parse_args(["timeline", "troops", "--db", db, "--plot", str(tmp_path / "t.jpg")])
    with pytest.raises(ClaimLedgerError, match="png"):
        args.func(args)


# -- conflicts and sources ------------------------------------------------------

def test_conflicts_json(ledger, capsys):
    db, claims = ledger
    conflicts = run_json(["conflicts", "--db", db], capsys)
    # South Korea's figures are one originator's updates; only the US and Ukraine clash, on one day.
    assert len(conflicts) == 1
    (c,) = conflicts
    assert set(c) >= {"series", "a", "b", "kind", "reason"}
    assert (c["series"], c["kind"]) == ("prk-rus-troops-deployed", "disagree")
    assert (claims[c["a"]].value, claims[c["b"]].value) == (10000, 12000)
    assert (c["a_source"], c["b_source"]) == ("USA-DOD", "UKR-GUR")
    gazetteer = Gazetteer.load()
    assert (c["a_source_name"], c["b_source_name"]) == (gazetteer.get("USA-DOD").name, gazetteer.get("UKR-GUR").name)
    # The reason names the originators behind the sources.
    assert c["reason"].startswith(f"{gazetteer.get('USA').name} says ≈ 10,000 (as of 2025-03-20); "
                                  f"{gazetteer.get('UKR').name} says 12,000 (as of 2025-03-20)")


def test_conflicts_of_one_series(ledger, capsys):
    db, _ = ledger
    assert run_json(["conflicts", "--db", db, "--series", "prk-people-killed-or-wounded"], capsys) == []
    out = run(["conflicts", "--db", db], capsys)
    assert "1 conflicts" in out and "disagree" in out


def test_sources_json(ledger, capsys):
    db, _ = ledger
    sources = {s["source"]: s for s in run_json(["sources", "--db", db], capsys)}
    # Primary sources, as stated: the originators they speak for are the series' business.
    assert set(sources) == {"USA-DOD", "UKR-GUR", "UKR-AF", "KOR-JCS", "KOR-NIS"}
    jcs = sources["KOR-JCS"]
    assert len(jcs["claims"]) == 5
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
    assert "5 primary sources" in out and "KOR-JCS" in out
