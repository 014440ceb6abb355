"""Detection, round 7: figures that count nothing in the world (spec, "What is a claim"): the age of the
people a count is about ("pupils under ten"), a capacity ("the arena can hold 9,000 fans"), the parts of
a ratio or a rate ("3 in 5 farms", "four deaths per 10,000 people"), and a number that completes a name
("the Sea Star 4", "GMT+3").
Beside each, a sentence whose figure stays a count. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

NOT_COUNTS = [
    # an age qualifying people: a bound figure with no noun of its own after a noun of people
    ("The charity said 8,000 pupils under ten had been vaccinated in the district.", "under ten"),
    ("Officials said 300 residents over 75 were moved to shelters before the storm.", "over 75"),
    ("Police said at least four boys aged under 14 were among those detained.", "under 14"),
    # a capacity: a modal of ability, "enough to", or a generic subject in the present
    ("The arena, which was damaged in the blast, can hold 9,000 fans, officials said.", "9,000"),
    ("The agency delivered 500 tonnes of flour, enough to feed 60,000 people for two weeks.", "60,000"),
    ("Aid groups say a single barge carries about 300 tonnes, far more than a plane.", "about 300"),
    ("The new hall, opened in 2010, seats 4,500, the council said.", "4,500"),
    # the parts of a ratio and of a rate
    ("A survey found that 3 in 5 farms had lost livestock to the drought.", "5"),
    ("The death rate passed four deaths per 10,000 people a day, the agency said.", "four"),
    # a number that completes a name
    ("The trawler, the Sea Star 4, was towed to port with 20 crew aboard, the coast guard said.", "4"),
    ("All times are local (GMT+3). Rescuers pulled 12 people from the rubble on Monday.", "3"),
]


@pytest.mark.parametrize("text,span", NOT_COUNTS)
def test_a_figure_that_counts_nothing_is_no_claim(extractor: Extractor, text: str, span: str) -> None:
    claims = extract(extractor, text)
    assert span not in [c.text for c in claims], [c.text for c in claims]


STILL_COUNTS = [
    # a bound figure that counts its own noun, after a noun of people
    ("Officials said children under 500 grams at birth were given special care, and 30 infants were "
     "moved.", "30"),
    ("The ministry said more than 600 people were evacuated, and under 50 remained in the village.", "under 50"),
    # what was held or carried on one occasion, not a capacity
    ("The plane was carrying 180 passengers when it crashed, the airline said.", "180"),
    ("Two ferries carry 1,200 evacuees to the mainland on Friday, officials said.", "1,200"),
    ("The rebels, who hold 400 prisoners in the north, said they would free them.", "400"),
    # a country labelling a row is no name
    ("The health ministry reported 40 deaths in Kenya, Uganda 12 and Rwanda three.", "12"),
]


@pytest.mark.parametrize("text,span", STILL_COUNTS)
def test_a_figure_that_counts_stays_a_claim(extractor: Extractor, text: str, span: str) -> None:
    assert claim_at(extract(extractor, text), span)
