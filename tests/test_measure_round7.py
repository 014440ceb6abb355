"""Measures, round 7: a count that is what a verb of its own acts on does not take the measure of a verb
joined to it that acts on other things ("logged 3,200 blazes and detained 40 people": the blazes were not
detained); people who could be driven out and things to be done away with are a plan; money an announcement
names is pledged. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

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


# -- round 7b: what will or could be done to people and things is a plan (spec v1.3) ---------------------

TO_COME = [
    # people who could or will be driven out, and things to be done away with: planned
    ("Aid agencies warn that up to 50,000 villagers could flee across the border.", "up to 50,000", "planned"),
    ("The ministry plans to resettle 2,000 refugees next year.", "2,000", "planned"),
    ("The carmaker will eliminate 4,000 jobs by 2030.", "4,000", "planned"),
    # a toll that could rise still counts the dead, and money that could be lost is no plan
    ("Officials fear that 300 people could die in the floods.", "300", "killed"),
    ("Farmers could lose $12 million a week.", "$12 million", "other"),
    # done already: the measure of the act
    ("Some 50,000 villagers fled across the border last week.", "Some 50,000", "displaced"),
]


@pytest.mark.parametrize("text,span,measure", TO_COME)
def test_what_is_still_to_be_done_is_a_plan(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


# -- round 7c: money an announcement makes public is pledged, however its noun phrase is built -----------

ANNOUNCED = [
    # in the noun phrase the verb takes as its object
    ("The governor announced compensation of 200,000 rupees for each family.", "200,000", "pledged"),
    # the object of a gapped clause joined to the announcing verb
    ("Spain announced 8 million euros last week, and Britain GBP 3 million.", "GBP 3 million", "pledged"),
    # what an announced package is worth
    ("The ministry sent its first package in March and announced a second, worth $300 million, on Friday.",
     "$300 million", "pledged"),
    # the value of a deal, and money lost, are no pledge
    ("The firm announced a deal worth $3 billion.", "$3 billion", "other"),
    ("The company announced losses of $2 billion.", "$2 billion", "other"),
]


@pytest.mark.parametrize("text,span,measure", ANNOUNCED)
def test_money_announced_is_pledged(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure
