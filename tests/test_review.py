"""`claimledger review`: an analyst's corrections, kept in the ledger with who and when, applied on
every read and surviving re-ingest. Real SQLite ledgers, built from coded reports of our own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.cli import main
from claimledger.store import open_store

DEPLOY = ("Sources differ on troops sent to Mali\n\n"
          "France's defence ministry said 1,200 soldiers had been sent to Mali. "
          "A monitoring group put the number at 4,000.")
WEEKS = ("Weekly tolls from the north\n\n"
         "In the first week of April, 35 civilians were killed in the northern province, monitors said. "
         "In the last week of April, 52 civilians were killed there, they said.")


def coded(text: str, quantity: str, **fields) -> dict:
    start = text.index(quantity)
    base = {"value": None, "low": None, "high": None, "approx": False, "bound": "=", "vague": False,
            "item": "soldier", "category": "personnel", "measure": "deployed", "actor": "FRA", "recipient": "MLI",
            "location": None, "period_start": None, "period_end": None, "cumulative": False,
            "incremental": False, "source": None, "via": []}
    return {**base, "start": start, "end": start + len(quantity), **fields}


KILLED = dict(item="civilian", category="casualty", measure="killed", actor="MLI", recipient=None,
              source="monitors")
REPORTS = [
    {"id": "deploy", "published": "2026-05-02", "publisher": "EXAMPLE-WIRE", "text": DEPLOY,
     "claims": [coded(DEPLOY, "1,200", value=1200, source="FRA-MOD"),
                coded(DEPLOY, "4,000", value=4000, source="monitoring-group")]},
    {"id": "weeks", "published": "2026-05-03", "publisher": "EXAMPLE-WIRE", "text": WEEKS,
     "claims": [coded(WEEKS, "35", value=35, period_start="2026-04-01", period_end="2026-04-07", **KILLED),
                coded(WEEKS, "52", value=52, period_start="2026-04-24", period_end="2026-04-30", **KILLED)]},
]
def claim_id(doc: str, text: str, quantity: str) -> str:
    start = text.index(quantity)
    return f"{doc}#{start}-{start + len(quantity)}"


A, B = claim_id("deploy", DEPLOY, "1,200"), claim_id("deploy", DEPLOY, "4,000")
W1, W2 = claim_id("weeks", WEEKS, "35"), claim_id("weeks", WEEKS, "52")


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    path = tmp_path / "coded.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    assert main(["--db", db, "ingest", "--quiet", "--annotated", str(path)]) == 0
    return db


def cli_json(db: str, capsys, *argv: str):
    capsys.readouterr()
    assert main(["--db", db, *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def series_of(db: str, capsys) -> dict[str, list[str]]:
    return {s["id"]: s["claims"] for s in cli_json(db, capsys, "series")}


def holding(series: dict[str, list[str]], claim: str) -> str:
    return next(sid for sid, claims in series.items() if claim in claims)


def test_a_conflict_resolved_leaves_the_list_and_comes_back_when_undone(ledger, capsys):
    open_pairs = cli_json(ledger, capsys, "conflicts")
    assert [{c["a"], c["b"]} for c in open_pairs] == [{A, B}]
    assert main(["--db", ledger, "review", "resolve", A, B, "--note", "the group counts contractors",
                 "--who", "kim"]) == 0
    assert cli_json(ledger, capsys, "conflicts") == []
    settled = cli_json(ledger, capsys, "conflicts", "--all")
    assert settled[0]["resolved"]["who"] == "kim"
    assert settled[0]["resolved"]["detail"]["note"] == "the group counts contractors"
    rid = settled[0]["resolved"]["id"]
    assert main(["--db", ledger, "review", "undo", rid]) == 0
    assert len(cli_json(ledger, capsys, "conflicts")) == 1


def test_a_claim_marked_wrong_leaves_series_and_conflicts_but_stays_listed(ledger, capsys):
    assert main(["--db", ledger, "review", "wrong", B, "--note", "a misreading"]) == 0
    assert all(B not in claims for claims in series_of(ledger, capsys).values())
    assert cli_json(ledger, capsys, "conflicts") == []
    assert B in {c["id"] for c in cli_json(ledger, capsys, "claims")}


def test_a_correction_applies_to_the_series(ledger, capsys):
    assert main(["--db", ledger, "review", "correct", B, "value=1300", "source=FRA"]) == 0
    (sid,) = [s for s in cli_json(ledger, capsys, "series") if B in s["claims"]]
    assert sid["estimate"]["high"] == 1300
    # the ministry and the government are one originator, so nothing conflicts any more
    assert cli_json(ledger, capsys, "conflicts") == []


def test_merge_and_split_survive_a_new_report_and_a_re_ingest(ledger, capsys, tmp_path):
    series = series_of(ledger, capsys)
    s1, s2 = holding(series, W1), holding(series, W2)
    assert s1 != s2  # two weeks: two flows, two quantities
    assert main(["--db", ledger, "review", "merge", s1, s2, "--note", "one month's toll"]) == 0
    merged = series_of(ledger, capsys)
    assert holding(merged, W1) == holding(merged, W2)

    more = tmp_path / "more.jsonl"
    text = "Elsewhere\n\nSeparately, the ministry said 900 soldiers had been sent to Mali."
    more.write_text(json.dumps({"id": "more", "published": "2026-05-04", "publisher": "EXAMPLE-WIRE",
                                "text": text, "claims": [coded(text, "900", value=900, source="FRA")]}) + "\n")
    assert main(["--db", ledger, "ingest", "--quiet", "--annotated", str(more)]) == 0
    again = tmp_path / "coded.jsonl"
    assert main(["--db", ledger, "ingest", "--quiet", "--annotated", str(again)]) == 0
    after = series_of(ledger, capsys)
    assert holding(after, W1) == holding(after, W2)

    assert main(["--db", ledger, "review", "split", holding(after, W1), W2]) == 0
    split = series_of(ledger, capsys)
    assert holding(split, W1) != holding(split, W2)
    assert holding(split, W2).endswith("-split-1")


def test_undoing_an_undo_applies_the_action_again(ledger, capsys):
    main(["--db", ledger, "review", "wrong", B])
    first = cli_json(ledger, capsys, "review", "list")[-1]["id"]
    main(["--db", ledger, "review", "undo", first])
    assert any(B in claims for claims in series_of(ledger, capsys).values())
    undo = cli_json(ledger, capsys, "review", "list")[-1]["id"]
    main(["--db", ledger, "review", "undo", undo])
    assert all(B not in claims for claims in series_of(ledger, capsys).values())


def test_markup_in_what_an_analyst_types_is_shown_as_typed(ledger, capsys):
    assert main(["--db", ledger, "review", "wrong", B, "--who", "[/]ana[bold]"]) == 0
    capsys.readouterr()
    assert main(["--db", ledger, "review", "list"]) == 0
    assert "[/]ana[bold]" in capsys.readouterr().out


@pytest.mark.parametrize("argv, code, message", [
    (["review", "wrong", "deploy#1-2"], 4, "no claim 'deploy#1-2'"),
    (["review", "correct", A, "value=inf"], 2, "finite number"),
    (["review", "correct", A, "period_start=yesterday"], 2, "YYYY-MM-DD"),
    (["review", "resolve", A, A], 1, "two different claims"),
    (["review", "split", "fra-mli-troops-deployed", A, B], 1, "a split needs some to stay"),
    (["review", "correct", A, "measure=flying"], 2, "measure is one of"),
    (["review", "correct", A, "colour=red"], 2, "FIELD=VALUE"),
    (["review", "undo", "r000"], 4, "no review action 'r000'"),
    (["review", "merge", "no-such-series", "another"], 4, "no series"),
])
def test_bad_review_requests_get_one_clear_line(ledger, capsys, argv, code, message):
    capsys.readouterr()
    assert main(["--db", ledger, *argv]) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_every_action_is_kept_with_who_and_when(ledger, capsys):
    main(["--db", ledger, "review", "wrong", B, "--who", "ana"])
    main(["--db", ledger, "review", "resolve", A, B, "--who", "ben"])
    actions = cli_json(ledger, capsys, "review", "list")
    assert [(a["action"], a["who"]) for a in actions] == [("wrong", "ana"), ("resolve", "ben")]
    assert all(a["at"] and a["id"] for a in actions)
    with open_store(ledger) as store:
        assert len(store.reviews()) == 2
