"""Round 10 of grouping (spec/reconcile.md, "What a quantity is"): small ledgers of our own.

- Two different plain figures that one originator gives in one sentence for the same item and place count
  two things (two outcomes, two packages, two sub-groups), never one quantity, however alike the model
  finds them: one voice does not contradict itself in one breath. Hedged figures, bounds, earlier stages
  and figures of two places are left to the model.
- Such a figure is one item of a list, so it is no rival for a figure another sentence gives for a plan
  or a one-day crowd (``_split_rivals``).
"""
from __future__ import annotations

import math

from claimledger.extract.decide import Linear
from claimledger.reconcile import Series, find_conflicts
from claimledger.reconcile.quantities import QuantityModel, same_voice_rivals
from claimledger.reconcile.series import SeriesKey, build_series
from test_parts_round3 import claim

WRECKED = dict(category="infrastructure", measure="destroyed", published="2031-04-02")
CLINICS = "The health agency counted six clinics wrecked beyond repair and 41 damaged after the storm."


def sure() -> QuantityModel:
    """A quantity model that reads every pair of one block as one quantity almost surely."""
    return QuantityModel(pair=Linear(classes=["same"], weights={}, bias=[math.log(0.95 / 0.05)]))


def clinics(**second) -> list:
    wrecked = claim("r", CLINICS, "six", value=6, item="clinic", source="XHA", **WRECKED)
    damaged = claim("r", CLINICS, "41", value=41, **{**WRECKED, "item": "clinic", "source": "XHA", **second})
    return [wrecked, damaged]


def test_two_figures_one_voice_gives_in_one_sentence_are_two_quantities():
    series = build_series(clinics(), quantities=sure())
    assert sorted(len(s.claims) for s in series) == [1, 1]


def test_the_same_voice_rule_leaves_hedged_figures_and_other_voices_to_the_model():
    assert same_voice_rivals(*clinics())
    assert not same_voice_rivals(*clinics(approx=True))
    assert not same_voice_rivals(*clinics(bound=">="))
    assert not same_voice_rivals(*clinics(earlier=True))
    assert not same_voice_rivals(*clinics(source="XHA-RELIEF"))
    assert not same_voice_rivals(*clinics(location="xha-coast"))
    assert len(build_series(clinics(approx=True), quantities=sure())) == 1


# -- an item of a list is no rival for a figure of another sentence -----------------------------------

PLAN = dict(item="dollar", category="money", measure="planned", actor="XAA", recipient="XBB",
            published="2031-06-11")
PACKAGES = "The ministry will fund a first package worth $900 million and a second worth $250 million."
TOTAL = "The opposition said the whole programme would cost $7 billion."


def package_ledger() -> list[Series]:
    """The ministry's two packages in one sentence, each a series of its own, and an opposition party's
    total in a later sentence, in a third."""
    first = claim("p", PACKAGES, "$900 million", value=900e6, source="XAA", **PLAN)
    second = claim("p", PACKAGES, "$250 million", value=250e6, source="XAA", **PLAN)
    total = claim("p", TOTAL, "$7 billion", value=7e9, source="xaa-opposition", **PLAN)
    total.start += 200
    total.end += 200
    total.evidence_start = 200
    key = SeriesKey("planned", "money", "XAA", "XBB", None)
    return [Series("one", key, "one", [first]), Series("two", key, "two", [second]),
            Series("three", key, "three", [total])]


def test_an_item_of_a_list_is_no_rival_for_another_sentence():
    assert find_conflicts(package_ledger(), quantities=sure()) == []


def test_a_lone_figure_is_still_weighed_against_another_sentence():
    ledger = package_ledger()
    del ledger[0]  # the ministry gives one figure only
    assert [c.kind for c in find_conflicts(ledger, quantities=sure())] == ["disagree"]
