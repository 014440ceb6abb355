"""Measures, round 10: a clause of its own keeps its measure to itself. A verb joined to the figure's verb
with things of its own ("cheated 9,000 people ... and arrested 40 suspects") lends the figure nothing, and
a figure in a relative clause takes no measure from the words above that clause ("demanded the release of
the sailors, who include 14 nationals"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

OWN_CLAUSE = [
    # a conjoined verb with an object of its own is no sibling of the figure's verb
    ("Police said the gang had cheated some 9,000 people out of their savings, and arrested 40 suspects.",
     "some 9,000", "other"),
    # a figure in a relative clause: the noun above it tells of the whole group, not of the part counted
    ("Officials demanded the release of the sailors, who include 14 Filipino nationals.", "14", "other"),
]


@pytest.mark.parametrize("text,span,measure", OWN_CLAUSE)
def test_a_clause_of_its_own_lends_no_measure(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


def test_the_joined_verb_keeps_its_own_measure(extractor: Extractor) -> None:
    text = "Police said the gang had cheated some 9,000 people out of their savings, and arrested 40 suspects."
    assert claim_at(extract(extractor, text), "40").measure == "captured"
