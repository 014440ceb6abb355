"""`ingest --annotated`: reports whose claims a person coded go into the ledger as coded.

The reports here are our own sentences; the claims are coded the way
spec/claims.md's gold form codes them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.cli import EXIT_INPUTS_FAILED, main
from claimledger.ingest.annotated import align, read_annotated, sentence_around
from claimledger.models import Claim
from claimledger.store import open_store

TEXT = ("Flood toll in Valmora rises to 41\n\n"
        "The regional civil protection agency said on Monday that 41 people had died in the floods, "
        "up from 12 on Saturday. Officials said the toll could reach 60.")


def coded(text: str, quantity: str, occurrence: int = 0, **fields) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quantity, start + 1)
    return {"start": start, "end": start + len(quantity), "value": None, "low": None, "high": None,
            "approx": False, "bound": "=", "vague": False, "item": "person", "category": "casualty",
            "measure": "killed", "actor": None, "recipient": None, "location": "valmora", "period_start": None,
            "period_end": None, "cumulative": True, "incremental": False, "source": "valmora-civil-protection",
            "via": [], "quantity": "valmora-flood-deaths", "part_of": None, **fields}


def report(**extra) -> dict:
    return {"id": "flood-1", "published": "2026-03-10", "publisher": "EXAMPLE-WIRE", "title": TEXT.split("\n")[0],
            "text": TEXT, "aliases": {"valmora-civil-protection": ["regional civil protection agency"],
                                      "valmora": ["Valmora"]},
            "claims": [coded(TEXT, "41", 1, value=41), coded(TEXT, "12", value=12),
                       coded(TEXT, "60", value=60, cumulative=False)], **extra}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "coded.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_coded_claims_are_kept_as_coded_and_the_rest_is_filled_in(tmp_path, capsys):
    path = write(tmp_path, json.dumps(report()))
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "ingest", "--quiet", "--annotated", str(path)]) == 0
    with open_store(db) as store:
        claims = {c.text: c for c in store.claims()}
    assert set(claims) == {"41", "12", "60"}
    c = claims["41"]
    # as coded, even where the extractor would read otherwise
    assert (c.value, c.measure, c.location, c.source, c.cumulative) == (41, "killed", "valmora",
                                                                       "valmora-civil-protection", True)
    assert c.publisher == "EXAMPLE-WIRE" and c.published == "2026-03-10"
    assert c.evidence.startswith("The regional civil protection agency said on Monday")
    assert c.names["valmora-civil-protection"] == "regional civil protection agency"
    assert c.cues == {"annotated": "coded by hand"}
    # what coders do not mark comes from the extractor's reading of the same words
    assert c.stated == "2026-03-09"
    assert claims["12"].earlier is True
    assert claims["60"].projection is True
    assert "1 new, 0 new versions (3 claims)" in capsys.readouterr().err


def test_a_second_ingest_stores_nothing_new(tmp_path, capsys):
    path = write(tmp_path, json.dumps(report()))
    db = str(tmp_path / "l.db")
    main(["--db", db, "ingest", "--quiet", "--annotated", str(path)])
    capsys.readouterr()
    assert main(["--db", db, "ingest", "--quiet", "--annotated", str(path)]) == 0
    assert "1 already in the ledger" in capsys.readouterr().err


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not valid JSON"),
    (json.dumps({"id": "x"}), "needs an `id` and a `text`"),
    (json.dumps({**report(id="bad-span"), "claims": [{"start": 5, "end": 9999}]}), "claim 1: `start` and `end`"),
    (json.dumps({**report(id="bad-bound"), "claims": [{**coded(TEXT, "41", 1), "bound": "about"}]}),
     "bound 'about'"),
    (json.dumps({**report(id="bad-measure"), "claims": [{**coded(TEXT, "41", 1), "measure": "slain"}]}),
     "measure 'slain'"),
    (json.dumps({**report(id="bad-aliases"), "aliases": ["Valmora"]}), "`aliases` maps each id"),
    (json.dumps({**report(id="bad-claims"), "claims": [95]}), "`claims` is a list of claim objects"),
    (json.dumps({**report(id="bad-via"), "claims": [{**coded(TEXT, "41", 1), "via": "AP"}]}), "`via` is a list"),
    (json.dumps({**report(id="bad-value"), "claims": [{**coded(TEXT, "41", 1), "value": 1}]}).replace(
        '"value": 1,', '"value": 1e400,'), "not a finite number"),
])
def test_a_bad_line_is_named_and_the_rest_goes_on(tmp_path, capsys, line, reason):
    path = write(tmp_path, line, json.dumps(report()))
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "ingest", "--quiet", "--annotated", str(path)]) == EXIT_INPUTS_FAILED  # one input failed
    err = capsys.readouterr().err
    assert f"{path}:1" in err and reason in err
    with open_store(db) as store:
        assert len(store.claims()) == 3  # the good report went in whole


def test_an_empty_file_says_so(tmp_path, capsys):
    path = write(tmp_path, "")
    assert main(["--db", str(tmp_path / "l.db"), "ingest", "--quiet", "--annotated", str(path)]) == EXIT_INPUTS_FAILED
    assert "no reports in the file" in capsys.readouterr().err


def test_the_reconciliation_labels_are_not_read(tmp_path):
    # The ledger makes its own series: a coded `quantity` must not decide them.
    items = list(read_annotated(write(tmp_path, json.dumps(report()))))
    _doc, claims = items[0]
    assert all(not hasattr(c, "quantity") and "quantity" not in c.cues for c in claims)


@pytest.mark.parametrize("text, span, sentence", [
    ("One. Two killed here. Three.", "Two", "Two killed here."),
    ("Title line\n\nBody says 5 died", "5", "Body says 5 died"),
    ("He said \"12 died.\" Then left.", "12", "He said \"12 died.\""),
])
def test_sentence_around(text, span, sentence):
    start = text.index(span)
    s, e = sentence_around(text, start, start + len(span))
    assert text[s:e] == sentence


def test_align_takes_a_day_read_as_the_period_for_the_statement_date():
    coded_claim = Claim(doc="d", start=10, end=15, text="3,000")
    extracted = Claim(doc="d", start=5, end=15, text="more than 3,000", period_start="2024-12-23",
                      period_end="2024-12-23")
    assert align([coded_claim], [extracted])[0].stated == "2024-12-23"
    coded_with_period = Claim(doc="d", start=10, end=15, text="3,000", period_start="2024-12-23",
                              period_end="2024-12-23")
    assert align([coded_with_period], [extracted])[0].stated is None


def test_reextract_leaves_an_analysts_coded_claims_alone_unless_named(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "ingest", "--quiet", "--annotated", str(write(tmp_path, json.dumps(report())))]) == 0
    with open_store(db) as store:
        coded = [c.to_dict() for c in store.claims()]
    for which in ("--stale", "--all"):
        assert main(["--db", db, "reextract", which]) == 0
        assert "left alone" in capsys.readouterr().err
        with open_store(db) as store:
            assert [c.to_dict() for c in store.claims()] == coded and len(store.versions("flood-1")) == 1
    assert main(["--db", db, "reextract", "--doc", "flood-1"]) == 0  # named: extracted, the coded kept as v1
    with open_store(db) as store:
        assert len(store.versions("flood-1")) == 2
        assert [c.to_dict() for c in store.document_claims("flood-1", 1)] == coded
