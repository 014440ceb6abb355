"""Measures, round 7: a count that is what a verb of its own acts on does not take the measure of a verb
joined to it that acts on other things ("logged 3,200 blazes and detained 40 people": the blazes were not
detained). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


OWN_VERB = [
    # the count is the object of its own verb; the joined measure verb has its own object
    ("Investigators opened 22 fraud files and detained 9 officials in the capital.", "22", "other"),
    ("Inspectors visited 120 warehouses in March and seized 3 tonnes of counterfeit medicine.", "120", "other"),
    # the passive subject of its own verb, beside a clause whose verb ships other things
    ("The port authority said six tankers had been stranded and that the terminal had shipped 40 million "
     "tonnes of grain last year.", "six", "other"),
    # the joined verb's own object keeps its measure
    ("Investigators opened 22 fraud files and detained 9 officials in the capital.", "9", "captured"),
    ("Inspectors visited 120 warehouses in March and seized 3 tonnes of counterfeit medicine.", "3", "captured"),
]


@pytest.mark.parametrize("text,span,measure", OWN_VERB)
def test_a_joined_verb_tells_of_its_own_object(extractor: Extractor, text: str, span: str,
                                               measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


def test_a_count_with_no_verb_of_its_own_still_takes_the_nearest_measure(extractor: Extractor) -> None:
    # nothing governs "some 30" but the measure verb: it still tells what happened to them
    c = claim_at(extract(extractor, "Police said on Monday that some 30 protesters, many of them students, "
                                    "had been arrested."), "some 30")
    assert c.measure == "captured"
