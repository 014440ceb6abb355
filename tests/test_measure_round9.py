"""Measures, round 9: a count with a predicate of its own, other than being, does not borrow the measure
of a verb that stands outside that predicate, in another clause or in a conjunct with a subject of its
own ("400 homes were destroyed, and about 2,000 bales of hay remain in the barns": the bales were not
destroyed). A measure word among the predicate's own participants, or a verb joined to it that shares its
subject, still tells of the counted things. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

OWN_PREDICATE = [
    # the count's own verb says nothing of a measure; the measure verb is in another clause
    ("Officials said 400 homes were destroyed in the storm, and that about 2,000 bales of hay remain in the "
     "barns.", "about 2,000", "other"),
    ("A check of 9,000 permits found that the council received 4,600 complaints.", "9,000", "other"),
    # the other clause's own count keeps its measure
    ("Officials said 400 homes were destroyed in the storm, and that about 2,000 bales of hay remain in the "
     "barns.", "400", "destroyed"),
]


@pytest.mark.parametrize("text,span,measure", OWN_PREDICATE)
def test_a_count_with_a_predicate_of_its_own_borrows_no_measure(extractor: Extractor, text: str, span: str,
                                                                measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


STILL_TOLD = [
    # a measure word inside one of the predicate's own participants
    ("The count of sailors killed in the collision has climbed to 30, the navy said.", "30", "killed"),
    # a verb joined to the count's own verb that shares its subject
    ("Border guards said the remaining eleven were interviewed and freed.", "eleven", "released"),
]


@pytest.mark.parametrize("text,span,measure", STILL_TOLD)
def test_a_measure_within_the_counts_own_predicate_still_counts(extractor: Extractor, text: str, span: str,
                                                                measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure
