"""Detection, round 9: figures with a unit of measure. An amount of a liquid counted in litres, gallons or
barrels is a claim, as an amount counted in tonnes is (spec: counts or amounts of things); the same units in
a rate ("barrels per day") or in a size ("20-litre cans"), and any unit that sizes one thing ("a 25 kg sack",
"the 12- to 15-metre boat"), measure and are no claims (spec: sizes that describe a kind of thing).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.nlp.quantities import find_quantities
from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

AMOUNTS = [
    ("Customs officers seized 48,000 litres of smuggled diesel at the border on Monday.", "48,000", 48000, "litre"),
    ("The leak spilled about 2,300 barrels of oil into the bay, the coast guard said.", "about 2,300", 2300,
     "barrel"),
    ("Firefighters used some 3 million gallons of water to put out the blaze.", "some 3 million", 3000000,
     "gallon"),
]


@pytest.mark.parametrize("text,span,value,item", AMOUNTS)
def test_an_amount_in_units_of_volume_is_a_claim(extractor: Extractor, text: str, span: str, value: float,
                                                  item: str) -> None:
    claim = claim_at(extract(extractor, text), span)
    assert (claim.value, claim.item) == (value, item)


MEASURES = [
    # a rate of flow or of use
    ("The refinery can process 90,000 barrels per day, the company said.", "90,000"),
    ("Exports of about 60,000 barrels a day have stopped since the strike began.", "60,000"),
    ("Each family receives 15 litres of water per person per day at the camp.", "15"),
    # a size of one thing or of a kind of thing
    ("Volunteers handed out 20-litre jugs at the clinic.", "20"),
    ("A 25 kg sack of maize now costs twice what it did in March.", "25"),
    ("The migrants were packed onto the 12- to 15-metre boat before dawn.", "12"),
]


@pytest.mark.parametrize("text,figure", MEASURES)
def test_a_unit_that_measures_gives_no_quantity(text: str, figure: str) -> None:
    found = [q.text for q in find_quantities(text)]
    assert not any(f.endswith(figure) for f in found), found


def test_a_record_amount_in_tonnes_is_no_size(extractor: Extractor) -> None:
    """The article before "record" belongs to "record", not to a thing the figure would size."""
    assert claim_at(extract(extractor, "Police seized a record 14 tonnes of cannabis at the port."), "14")
