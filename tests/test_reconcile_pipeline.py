"""Reconcile on real extraction output: four short reports of our own go
through the real Extractor (spaCy and the gazetteer) into a SQLite ledger,
and the reconcile stage reads them back as the CLI does.

The reports are written so that extraction is unambiguous ("X said",
"sent N troops to Y"); what is pinned here is reconcile's reading of the
claims, so an extraction change that breaks these sentences shows up first
in the extraction fields checked by ``test_extraction_reads_the_reports``.

On 3 February 2025 South Korea's Joint Chiefs of Staff put the North Korean
troops sent to Russia at 11,000: Yonhap carries it directly, Caliber.Az
through the Associated Press (one source, two outlets). The same day AFP
quotes the Pentagon at 8,000 soldiers, which cannot both hold with 11,000.
Two days later Reuters quotes the National Intelligence Service at 12,000
troops, and 4,000 killed or wounded (a casualty figure: another series).
The JCS and the NIS both speak for South Korea: one originator, whose
latest figure is the NIS's 12,000.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.cli_reconcile import load_claims
from claimledger.models import Claim, Document
from claimledger.reconcile import (
    Series,
    build_series,
    count_marks,
    estimate,
    figures,
    find_conflicts,
    find_series,
    plot_timeline,
    timeline,
)
from claimledger.store import open_store

REPORTS = [
    Document(
        id="yonhap-0203", published="2025-02-03", publisher="YONHAP",
        text="North Korea has sent 11,000 troops to Russia, South Korea's Joint Chiefs of Staff said on "
             "Monday.\n\nThe military did not say where in Russia the soldiers were stationed.",
    ),
    Document(
        id="caliber-0203", published="2025-02-03", publisher="CALIBER-AZ",
        text="South Korea's Joint Chiefs of Staff said North Korea has sent 11,000 troops to Russia, "
             "according to the Associated Press.",
    ),
    Document(
        id="afp-0203", published="2025-02-03", publisher="AFP",
        text="North Korea has sent 8,000 soldiers to Russia, the Pentagon said on Monday.",
    ),
    Document(
        id="reuters-0205", published="2025-02-05", publisher="REUTERS",
        text="South Korea's National Intelligence Service said on Wednesday that North Korea has sent "
             "12,000 troops to Russia.\n\nAbout 4,000 North Korean soldiers have been killed or wounded, "
             "the agency said.",
    ),
]
TROOPS = "prk-rus-troops-deployed"
CASUALTIES = "prk-people-killed-or-wounded"


@pytest.fixture(scope="module")
def extractor():
    """The real extractor, built once: loading spaCy takes about a second."""
    from claimledger.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def ledger(extractor, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite ledger holding REPORTS and the claims the extractor found in them."""
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    with open_store(db) as store:
        for document in REPORTS:
            assert store.add(document, extractor.extract(document))
    return str(db)


@pytest.fixture(scope="module")
def claims(ledger: str) -> list[Claim]:
    return load_claims(ledger)


@pytest.fixture(scope="module")
def series(claims: list[Claim]) -> list[Series]:
    return build_series(claims)


def by_doc(claims: list[Claim]) -> dict[str, list[tuple]]:
    return {d.id: sorted((c.value, c.source, tuple(c.via)) for c in claims if c.doc == d.id) for d in REPORTS}


def test_extraction_reads_the_reports(claims):
    """The premise of the tests below: one claim per figure, with these sources and relays."""
    assert by_doc(claims) == {
        "yonhap-0203": [(11000, "KOR-JCS", ())],
        "caliber-0203": [(11000, "KOR-JCS", ("AP",))],
        "afp-0203": [(8000, "USA-DOD", ())],
        "reuters-0205": [(4000, "KOR-NIS", ()), (12000, "KOR-NIS", ())],
    }


def test_troops_and_soldiers_sent_to_russia_are_one_series(series):
    troops = find_series(series, TROOPS)
    key = (troops.measure, troops.kind, troops.actor, troops.recipient)
    assert key == ("deployed", "troops", "PRK", "RUS")
    assert sorted(c.doc for c in troops.claims) == ["afp-0203", "caliber-0203", "reuters-0205", "yonhap-0203"]
    assert {c.item for c in troops.claims} == {"troop", "soldier"}
    points = timeline(troops).points
    assert [(p.date, p.claim.value) for p in points] == [
        ("2025-02-03", 8000), ("2025-02-03", 11000), ("2025-02-03", 11000), ("2025-02-05", 12000)]


def test_casualties_are_a_series_of_their_own(series):
    assert sorted(s.id for s in series) == [CASUALTIES, TROOPS]
    casualties = find_series(series, CASUALTIES)
    assert [(c.doc, c.value, c.source) for c in casualties.claims] == [("reuters-0205", 4000, "KOR-NIS")]


def test_statement_dates_come_from_the_text(claims):
    """"said on Monday" in a report of Monday 3 February; "said on Wednesday" on Wednesday the 5th."""
    assert {c.doc: c.stated for c in claims if c.value in (8000, 12000)} == {
        "afp-0203": "2025-02-03", "reuters-0205": "2025-02-05"}


def test_one_source_relayed_by_two_outlets_counts_once(series):
    troops = find_series(series, TROOPS)
    assert troops.sources == ["USA", "KOR"]  # the Pentagon; the JCS (two outlets) and the NIS, one government
    assert troops.independent_sources == 2
    (eleven,) = [f for f in figures(troops.claims) if f.figure == "11,000"]
    assert eleven.independent_sources == 1
    (jcs,) = eleven.sources
    assert jcs.source == "KOR-JCS"
    assert sorted(r.chain for r in jcs.relays) == [("AP", "CALIBER-AZ"), ("YONHAP",)]
    assert {p.claim.doc: p.independent_sources for p in timeline(troops).points}["caliber-0203"] == 1
    est = estimate(troops)
    # South Korea's latest figure (the NIS's 12,000) and the Pentagon's 8,000
    assert (est.low, est.best, est.high) == (8000, 10000, 12000)
    assert est.sources == ["KOR", "USA"]
    assert str(est.as_of) == "2025-02-05"


def test_two_originators_on_one_day_conflict_once(series):
    # The NIS's 12,000 two days later may read as the count grown since; the same day's figures cannot.
    (conflict,) = [c for c in find_conflicts(series) if c.a.published == c.b.published == "2025-02-03"]
    assert (conflict.series, conflict.kind) == (TROOPS, "disagree")
    data = conflict.to_dict()
    assert {data["a_source"], data["b_source"]} == {"KOR-JCS", "USA-DOD"}
    # The JCS figure's two relays are one side of one conflict, not two conflicts.
    jcs_side = data["a_claims"] if data["a_source"] == "KOR-JCS" else data["b_claims"]
    assert sorted(x.split("#")[0] for x in jcs_side) == ["caliber-0203", "yonhap-0203"]


def test_timeline_plot_has_one_mark_per_source_and_figure(series, tmp_path: Path):
    troops = find_series(series, TROOPS)
    path = tmp_path / "troops.svg"
    fig = plot_timeline(troops, path)
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    # 11,000 (JCS, two outlets: one mark), 8,000 (Pentagon), 12,000 (NIS)
    assert count_marks(fig) == 3
    assert count_marks(plot_timeline(find_series(series, CASUALTIES))) == 1
