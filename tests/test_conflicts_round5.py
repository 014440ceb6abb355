"""Conflict precision on extracted claims (spec/reconcile.md, "What a conflict is"): small ledgers of our
own, each pinning one rule that keeps an extractor's guess or a breakdown from being asserted as a
conflict, beside the rival figures that still are one.

Series are built with every block kept whole (no learned model), as in test_reconcile.py.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.reconcile import roles
from claimledger.reconcile.conflicts import asserted
from test_parts_round3 import claim, dead, kinds  # the third round's ledger helpers


def gapped(name: str) -> dict[str, str]:
    """The cue the extractor gives a speaker read through a verb gapped in a list."""
    return {"source": f"{name} (the verb of 'officials reported' gapped)"}


# -- a figure that borrowed what it counts ---------------------------------------------------------------

LIST = "South Carolina officials have reported 49, Georgia 33, Florida 19."


@pytest.mark.parametrize("cues, expected", [
    pytest.param({"measure": "deaths", "item": "deaths"}, ["disagree"], id="its own words: a rival"),
    pytest.param({"measure": "(as for the figure before)"}, [], id="measure from the figure before"),
    pytest.param({"item": "(as for the figure before) death"}, [], id="item from the figure before"),
    pytest.param({"measure": "(as for the whole it is part of)"}, [], id="measure from its whole"),
    pytest.param({"measure": "(the whole of a part)"}, [], id="measure from its part"),
])
def test_a_figure_that_borrowed_what_it_counts_is_not_asserted(cues, expected):
    """"49" says neither what it counts nor of what: the extractor took "deaths" from the figure before
    it. It stays in the series, but is set against no figure: a list like this one breaks a total down
    (three states' dead) as often as it names rivals."""
    listed = dead("a", LIST, "49", 49, "south-carolina-officials", cues=cues)
    claims = [dead("b", "The state's health department has confirmed 115 storm-related deaths.", "115", 115,
                   "USA-HHS"), listed]
    assert asserted(listed) == (expected != [])
    assert kinds(claims) == expected


# -- a breakdown under one gapped verb ---------------------------------------------------------------

def test_three_speakers_under_one_gapped_verb_are_a_breakdown_not_rivals():
    """"South Carolina has reported 36 deaths, Georgia 25 and Florida 14": three states' dead, each state
    read as a speaker. The two gapped ones are a breakdown: no conflict among them or with the first."""
    sentence = "South Carolina has reported 36 deaths, Georgia 25 and Florida 14, according to the outlet."
    claims = [dead("a", sentence, "36", 36, "south-carolina"),
              dead("a", sentence, "25", 25, "GEO", cues=gapped("Georgia")),
              dead("a", sentence, "14", 14, "florida", cues=gapped("Florida"))]
    assert kinds(claims) == []


def test_two_speakers_under_one_gapped_verb_are_rivals():
    """"The ministry spoke of 1.1 million, the union of 3.5 million": two speakers under one verb are the
    rivals a report sets side by side; the gapped one is still asserted."""
    sentence = "The ministry spoke of 1.1 million marchers, the union of 3.5 million."
    crowd = dict(item="person", category="people", measure="other")
    claims = [claim("a", sentence, "1.1 million", value=1_100_000, source="FRA-MININT", **crowd),
              claim("a", sentence, "3.5 million", value=3_500_000, source="CGT", cues=gapped("the union"),
                    **crowd)]
    assert kinds(claims) == ["disagree"]


# -- those buried among the dead ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, quantity, value", [
    pytest.param("He said he had helped bury 11 people.", "11", 11, id="a witness who helped bury"),
    pytest.param("He said 3,283 bodies had been buried so far.", "3,283", 3283, id="bodies buried"),
])
def test_those_buried_are_a_part_of_the_dead(sentence, quantity, value):
    """Those buried are the bodies recovered and laid to rest so far, or the ones one witness buried: a
    part of the dead, below the UN's 13,100 without contradicting it."""
    buried = dead("a", sentence, quantity, value, "witness-x")
    whole = dead("b", "The UN said at least 13,100 people were killed.", "13,100", 13100, "UN", bound=">=")
    assert roles([buried, whole])[buried.id].part == "buried only"
    assert kinds([buried, whole]) == []


def test_more_buried_than_another_body_counts_dead_is_a_conflict():
    """A part above its whole still clashes: a witness who buried 11 where the rebels said 8 died."""
    buried = dead("a", "He said he had helped bury 11 people.", "11", 11, "witness-x")
    whole = dead("b", "The rebels said eight civilians had died.", "eight", 8, "rebels-x")
    assert kinds([buried, whole]) == ["part_exceeds_whole"]


def test_a_share_of_the_dead_that_was_buried_stays_a_share():
    """"3,190 of the dead had already been buried": a share of a named group, as before."""
    share = dead("a", "He said 3,190 of the dead had already been buried.", "3,190", 3190, "x")
    assert roles([share])[share.id].part == "a sub-count"


# -- a live report's untimed figure is its latest ---------------------------------------------------------

def live(value: int, source: str, stated: str | None, sentence: str) -> Claim:
    return dead("live", sentence, str(value), value, source, published="2023-08-12", stated=stated)


@pytest.mark.parametrize("title, expected", [
    pytest.param(89, [], id="the title higher: the toll grew"),
    pytest.param(70, ["disagree"], id="the title lower: a count does not fall"),
])
def test_a_live_reports_untimed_figure_comes_after_its_stamped_entries(title, expected):
    """A live report's entry stamped 11:00 puts Maui's toll at 80; its title, with no stamp, says 89: the
    title speaks for the report's last update, so 89 is the toll grown since 11:00, not a rival."""
    claims = [live(80, "USA-HI", "2023-08-12T11:00", "11:00 - The governor put the toll at 80."),
              live(title, "AP-X", None, f"Maui fire toll rises to {title}")]
    assert kinds(claims) == expected


def test_an_untimed_figure_of_another_report_is_not_ordered_by_a_time_stamp():
    """Another report's figure of the same day has no place among this report's entries: 89 from a
    second report against 80 at 11:00 stays a disagreement (one day, nothing orders the two)."""
    claims = [live(80, "USA-HI", "2023-08-12T11:00", "11:00 - The governor put the toll at 80."),
              dead("other", "Maui fire toll rises to 89", "89", 89, "AP-X", published="2023-08-12")]
    assert kinds(claims) == ["disagree"]
