"""Categories, round 11: a figure with no noun that a definite word marks as one given before ("the 120",
"those 9,000", "all 14") or that is a part of such a figure or of a definite noun ("Of the 300, 200 ...",
"Of the jets, 8 ..."), counts what that figure or noun counted; an amount in millions or billions with no
noun, just after money or in a heading over money, is money. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


def _last_at(claims: list[Claim], text: str) -> Claim:
    """The last claim whose quantity expression is `text`: the figure restated, not its first mention."""
    return [c for c in claims if c.text == text][-1]


@pytest.mark.parametrize("text,span,item,category", [
    # a figure restated with a definite word: what it counted where the report first gave it
    ("Norway ordered 120 armoured vehicles in May, the ministry said. The deal is worth $900 million.\n\n"
     "Of the 120, 70 will be built locally.", "70", "vehicle", "vehicle"),
    ("Norway ordered 120 armoured vehicles in May, the ministry said. The deal is worth $900 million.\n\n"
     "Of the 120, 70 will be built locally.", "120", "vehicle", "vehicle"),
    ("The navy bought 14 patrol jets in 2021 for $2 billion.\n\nThe minister said he expects all 14 to fly by June.",
     "14", "jet", "aircraft"),
    # people held stay casualties when the report comes back to them
    ("Police arrested 45 people in the raids. A spokesman said 30 of the 45 were charged.", "30", "person",
     "casualty"),
    # a part of a definite noun counts that noun
    ("Radar tracked 30 jets and 9 ships. Of the jets, 8 crossed the line.", "8", "jet", "aircraft"),
])
def test_a_restated_figure_counts_what_it_counted_before(extractor: Extractor, text: str, span: str, item: str,
                                                          category: str) -> None:
    claim = _last_at(extract(extractor, text), span)
    assert (claim.item, claim.category) == (item, category)


@pytest.mark.parametrize("text,span", [
    ("The state pledged 9 billion pesos for new roads. By March only 2.5 billion had been spent.", "2.5 billion"),
    ("Port strike strands 'billions' in cargo\n\nThe closure holds up goods worth $2 billion a day, traders say.",
     "billions"),
])
def test_an_amount_that_names_nothing_near_money_is_money(extractor: Extractor, text: str, span: str) -> None:
    assert claim_at(extract(extractor, text), span).category == "money"


def test_an_amount_far_from_money_stays_uncounted_money(extractor: Extractor) -> None:
    text = "The war has displaced 9 million people, including almost 3 million who left the country."
    assert claim_at(extract(extractor, text), "almost 3 million").category != "money"
