"""Items, round 10: a part of a group counted before, said to be people of a kind ("40 of them nurses",
"Of these, 12 are students"), counts those people; a bare figure after such a part goes on counting the
whole, not the part. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


@pytest.mark.parametrize("text,span,item", [
    # the part's own noun, after the figure or after a copula
    ("The ferry carried 210 passengers, 40 of them nurses.", "40", "nurse"),
    ("Rescuers say 52 people were hurt in the fire, and 9 of them are firefighters.", "9", "firefighter"),
    ("The agency said it had evacuated 300 people. Of these, 85 are students from Chile.", "85", "student"),
    # no noun of people: the group counted before, as until now
    ("Rescuers say 52 people were hurt in the fire, 9 of them seriously.", "9", "person"),
])
def test_a_named_part_counts_its_own_people(extractor: Extractor, text: str, span: str, item: str) -> None:
    assert claim_at(extract(extractor, text), span).item == item


def test_a_figure_after_a_named_part_counts_the_whole(extractor: Extractor) -> None:
    text = "The rebels freed 30 prisoners, 4 of them teenagers, on Monday, and 12 were taken to the capital."
    claims = extract(extractor, text)
    assert claim_at(claims, "4").item == "teenager"
    assert claim_at(claims, "12").item == "prisoner"
