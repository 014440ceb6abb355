"""Measures, round 5: when nothing above a figure says what befell it, the sentence's nearest measure
verb is taken only if it shares the figure's clause (a purpose, adverbial or complement clause tells of
its own things), and a list item's label may end in a date ("... in June 2024: 85"). Sentences written
for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

OTHER_CLAUSE = [
    # an infinitive of purpose or degree: the shooting is not what the counted rounds underwent
    ("The depot has 600 mortar rounds, enough to shoot for three days.", "600", "round"),
    # an adverbial clause with a subject of its own
    ("Inspectors counted 45 bridges in the valley after the retreating troops had destroyed the main road.",
     "45", "bridge"),
    ("The battery has four guns, since the enemy destroyed the rest in May.", "four", "gun"),
    # a clause inside such a clause: "to show how the war was fought"
    ("The museum owns 30 tanks, to show visitors how the war was fought.", "30", "tank"),
]


@pytest.mark.parametrize("text,span,item", OTHER_CLAUSE)
def test_a_verb_of_another_clause_sets_no_measure(extractor: Extractor, text: str, span: str, item: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.item, c.measure) == (item, "other")


SAME_CLAUSE = [
    # the figure's own verb still sets the measure
    ("Russia fired 40 missiles at Kyiv overnight.", "40", "launched"),
    ("The navy intercepted 12 drones, and the army shot down eight more.", "eight", "destroyed"),
    ("Rebels seized 14 armoured vehicles in the raid.", "14", "captured"),
]


@pytest.mark.parametrize("text,span,measure", SAME_CLAUSE)
def test_the_figures_own_verb_still_counts(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


LIST = ("The conflict in figures, as the ministry gave them:\n\n"
        "- Soldiers killed near the border in January 2025: 14\n"
        "- Soldiers wounded in the same clashes: 31\n"
        "- Villages burned in the offensive of 2023: 120\n")


@pytest.mark.parametrize("span,item,measure", [
    ("14", "soldier", "killed"),  # not the next line's "wounded"
    ("31", "soldier", "wounded"),
    ("120", "village", "destroyed"),
])
def test_a_label_ending_in_a_date_still_labels(extractor: Extractor, span: str, item: str, measure: str) -> None:
    c = claim_at(extract(extractor, LIST), span)
    assert (c.item, c.measure) == (item, measure)
