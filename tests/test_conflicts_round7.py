"""Rivals one report sets apart in two sentences, and plans that do not grow (spec/reconcile.md, "What a
conflict is"): small ledgers of our own.

A report that quotes two independent sources' figures for one whole nobody counts bit by bit (a plan, the
crowd at one day's rally) sets them side by side to compare them, in one sentence or in two paragraphs.
When the quantity model splits such a pair into two series, it is still weighed as a conflict if the model
reads it as one quantity more likely than not. Two tolls in two paragraphs are not: they often count two
scopes their fields do not tell apart. The quantity model here is a real one with weights we set, so that
the test says which reading of the pair it stands for.
"""
from __future__ import annotations

import math

import pytest

from claimledger.extract.decide import Linear
from claimledger.models import Claim
from claimledger.reconcile import Series, find_conflicts
from claimledger.reconcile.conflicts import RIVAL_PROBABILITY, conflicts_of
from claimledger.reconcile.quantities import QuantityModel
from claimledger.reconcile.series import SeriesKey
from test_parts_round3 import claim, kinds

PLAN = dict(item="soldier", category="personnel", measure="planned", actor="PRK", recipient="RUS")
SEOUL = "Seoul's spy agency said the North would send 12,000 soldiers to help Russia."
KYIV = "A day earlier, Ukraine's president said the North was readying 10,000 soldiers."


def leaning(probability: float) -> QuantityModel:
    """A quantity model that reads every pair of one block as one quantity with this probability."""
    return QuantityModel(pair=Linear(classes=["same"], weights={},
                                     bias=[math.log(probability / (1 - probability))]))


def two_series(first: list[Claim], second: list[Claim], key: SeriesKey) -> list[Series]:
    """The claims in two series of one block, as the quantity model may split them."""
    return [Series("one", key, "one", first), Series("two", key, "two", second)]


def plans(kyiv_start: int = 200, **kyiv_fields) -> list[Series]:
    seoul = claim("a", SEOUL, "12,000", value=12_000, source="KOR-NIS", **PLAN)
    kyiv = claim("a", KYIV, "10,000", value=10_000, source="volodymyr-zelensky", evidence_start=kyiv_start,
                 **{**PLAN, **kyiv_fields})
    kyiv.start += kyiv_start
    kyiv.end += kyiv_start
    return two_series([seoul], [kyiv], SeriesKey("planned", "troops", "PRK", "RUS", None))


def test_two_governments_plans_in_two_paragraphs_are_rivals_when_the_model_reads_one_quantity():
    """Seoul's 12,000 troops to be sent and Kyiv's 10,000 being readied, in two paragraphs of one report,
    split by a model that still leans to one quantity: a disagreement, for the whole list and for each
    series' own."""
    series = plans()
    model = leaning(RIVAL_PROBABILITY + 0.05)
    assert [c.kind for c in find_conflicts(series, quantities=model)] == ["disagree"]
    assert [c.kind for c in conflicts_of(series[1], series, quantities=model)] == ["disagree"]


@pytest.mark.parametrize("model", [pytest.param(leaning(RIVAL_PROBABILITY - 0.05), id="a model that leans apart"),
                                   pytest.param(None, id="no model")])
def test_the_models_split_stands_when_it_leans_to_two_quantities(model):
    assert find_conflicts(plans(), quantities=model) == []


def test_a_plan_with_a_place_beside_one_without_is_no_rival():
    """"10,000 soldiers to Kursk" beside 12,000 in all: a part and its whole, not two readings of one plan."""
    assert find_conflicts(plans(location="kursk"), quantities=leaning(0.9)) == []


def test_two_tolls_in_two_paragraphs_are_left_to_the_model():
    """Two death tolls from two bodies in two paragraphs often count two scopes (one town, the region; one
    day, the week): unless the model puts them in one series, they are not weighed against each other."""
    dead = dict(item="person", category="casualty", measure="killed")
    ministry = claim("a", "The ministry said 41 people had died.", "41", value=41, source="MDA-MOI", **dead)
    rescuers = claim("a", "Red Cross teams counted 90 dead.", "90", value=90, source="red-cross",
                     evidence_start=120, **dead)
    rescuers.start += 120
    rescuers.end += 120
    series = two_series([ministry], [rescuers], SeriesKey("killed", "people", None, None, None))
    assert find_conflicts(series, quantities=leaning(0.9)) == []


def test_the_crowd_of_one_days_rally_in_two_paragraphs_is_one_whole():
    """Police put one day's rally at 80,000 and the organisers, four paragraphs on, at 300,000: one crowd
    two sides estimate."""
    crowd = dict(item="person", category="people", measure="other", period_start="2025-03-15",
                 period_end="2025-03-15")
    police = claim("a", "Police put Saturday's crowd at 80,000.", "80,000", value=80_000, source="SRB-MUP", **crowd)
    organisers = claim("a", "Organisers said 300,000 had marched.", "300,000", value=300_000,
                       source="student-organisers", evidence_start=400, **crowd)
    organisers.start += 400
    organisers.end += 400
    series = two_series([police], [organisers], SeriesKey("other", "people", None, None, None))
    assert [c.kind for c in find_conflicts(series, quantities=leaning(0.6))] == ["disagree"]


def test_a_plan_restated_higher_the_next_day_by_another_government_is_a_rival_not_a_grown_count():
    """A toll rising through a disaster's first days is one count's stages; a plan is stated whole, so
    Kyiv's 10,000 on Thursday and Seoul's 12,000 on Friday, in one series, disagree."""
    kyiv = claim("a", KYIV, "10,000", value=10_000, source="volodymyr-zelensky", published="2024-10-17", **PLAN)
    seoul = claim("b", SEOUL, "12,000", value=12_000, source="KOR-NIS", published="2024-10-18", **PLAN)
    assert kinds([kyiv, seoul]) == ["disagree"]


def test_a_toll_restated_higher_the_next_day_by_another_body_is_still_a_grown_count():
    """The same two days and bodies for a disaster's dead: the count grew, no conflict."""
    dead = dict(item="person", category="casualty", measure="killed")
    first = claim("a", "The ministry said 41 people had died.", "41", value=41, source="MDA-MOI",
                  published="2024-10-17", **dead)
    later = claim("b", "Red Cross teams counted 90 dead.", "90", value=90, source="red-cross",
                  published="2024-10-18", **dead)
    assert kinds([first, later]) == []
