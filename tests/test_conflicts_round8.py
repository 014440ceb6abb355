"""Rivals across two reports that grouping split, and a country's armed forces as its government
(spec/reconcile.md, "What a conflict is", "Originators"): small ledgers of our own.

Grouping weighs each figure against a whole group, so a running total whose figures sit beside one week's
count can end in two series of one block. Two governments' figures for it, stated days apart, are still one
count they disagree on when the quantity model reads that pair as one quantity almost surely. The quantity
model here is a real one with weights we set (test_conflicts_round7.leaning).
"""
from __future__ import annotations

import pytest

from claimledger.reconcile import find_conflicts
from claimledger.reconcile.conflicts import CLOSE_PROBABILITY, conflicts_of
from claimledger.reconcile.originators import default_originators
from claimledger.reconcile.series import SeriesKey
from test_conflicts_round7 import leaning, two_series
from test_parts_round3 import claim

HURT = dict(item="soldier", category="casualty", measure="killed_or_wounded", actor="PRK")
KEY = SeriesKey("killed_or_wounded", "people", "PRK", None, None)


def tally(kyiv_value: float = 3_000, seoul_published: str = "2024-12-26", kyiv_place: str | None = None,
          **seoul_fields):
    kyiv = claim("kyiv", "Ukraine's president said more than 3,000 North Korean soldiers had been killed or wounded.",
                 "3,000", value=kyiv_value, bound=">", source="volodymyr-zelensky", published="2024-12-23",
                 location=kyiv_place, **HURT)
    seoul = claim("seoul", "Seoul's joint chiefs put the North's killed and wounded at about 1,100.", "1,100",
                  **{**HURT, "value": 1_100, "approx": True, "source": "KOR-JCS", "published": seoul_published,
                     **seoul_fields})
    return two_series([kyiv], [seoul], KEY)


def test_two_governments_tallies_split_by_grouping_disagree_when_the_model_is_almost_sure():
    series = tally()
    model = leaning(CLOSE_PROBABILITY + 0.05)
    found = find_conflicts(series, quantities=model)
    assert [c.kind for c in found] == ["disagree"]
    assert "do not meet" in found[0].reason
    assert [c.kind for c in conflicts_of(series[1], series, quantities=model)] == ["disagree"]


@pytest.mark.parametrize("series, model", [
    pytest.param(tally(), leaning(CLOSE_PROBABILITY - 0.05), id="the model less than almost sure"),
    pytest.param(tally(), None, id="no model"),
    pytest.param(tally(seoul_published="2025-01-20"), leaning(0.99), id="stated four weeks apart"),
    pytest.param(tally(kyiv_value=1_150), leaning(0.99), id="figures that can both hold"),
    pytest.param(tally(source="UKR-MOD"), leaning(0.99), id="one government's two bodies"),
    pytest.param(tally(location="kursk", kyiv_place="donetsk"), leaning(0.99), id="two places"),
])
def test_the_split_stands(series, model):
    assert find_conflicts(series, quantities=model) == []


@pytest.mark.parametrize("words, country", [
    ("the South African National Defence Force", "ZAF"),
    ("the Israel Defense Forces", "ISR"),
    ("the Philippine Coast Guard", "PHL"),
    ("Ukraine's border guard service", "UKR"),
])
def test_a_countrys_armed_forces_and_guards_speak_for_its_government(words, country):
    """A force the gazetteer does not know, named with its country, is that country's originator: its toll
    and the government's are one originator's, never rivals."""
    c = claim("r", f"{words} said 14 soldiers had died.", "14", value=14, source="defence-force",
              names={"defence-force": words}, **{**HURT, "actor": country})
    assert default_originators().in_reports([c])(c) == country
