"""Actor on hand-written reports, round 7: whom "the government" stands for.

Each row is a short report written for these tests and one claim of it, found by its quantity expression.
The rows pin: "the government" with no country named in its own sentence or the one before stands for the
country the report is about, not for a country named in passing paragraphs earlier (spec: a country's
government in general is the country); a country named close by still wins; and a pronoun in a clause
reported by "the government" ("the government said it would ...") stands for that government, also when
the reporting verb shares its subject with a verb before it ("declared ... and said it would pay").
"""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


PERU_FLOOD = ("Floods in northern Peru have destroyed hundreds of homes in Piura, Peru's civil defence agency said. "
              "Rescuers in Piura and Tumbes worked through the night, and Peru's army sent boats to the coast.\n\n"
              "A tourist from Uruguay was among those rescued from a roof.\n\n"
              "Officials said the water had reached the second floor of some houses and that roads north of the "
              "city were closed.\n\n"
              "The government has promised each family 3,000 soles for repairs.")

ACTOR_ROWS = [
    # a country named paragraphs before, in passing, is not the government's country
    (PERU_FLOOD, "3,000", "PER"),
    # a country named in the sentence before is
    ("Chile's parliament met on Monday to debate the storm damage. The government has pledged 40 billion "
     "pesos for rebuilding.", "40 billion", "CHL"),
    # "it" in what the government said is the government
    ("Heavy rain flooded parts of Ghana this week. Officials in Accra met aid groups on Tuesday. Engineers "
     "inspected two bridges. The government said it would send 50 trucks of food to the north.", "50", "GHA"),
    ("A fire swept through a market in Senegal on Friday. Traders counted their losses. Firefighters worked "
     "for hours. The government declared a day of mourning and said it would pay 200,000 CFA francs to each "
     "trader.", "200,000", "SEN"),
]


@pytest.mark.parametrize("text,quote,actor", ACTOR_ROWS)
def test_the_government_stands_for_the_report_country(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor
