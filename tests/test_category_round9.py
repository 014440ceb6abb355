"""Categories, round 9: people "released" who were only sent back or flown home (deportees and evacuees in
a report about people fleeing) are people, not freed captives, unless their own words name them as held
or harmed. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

FLIGHT = ("Tens of thousands of refugees have fled the fighting since June, and many more are expected to flee "
          "as the evacuation of the border towns goes on. ")


@pytest.mark.parametrize("text,span,category", [
    # sent back or flown home in a report about flight: no captives
    (FLIGHT + "The ministry said 2,300 people were returned to their home country in March.", "2,300", "people"),
    (FLIGHT + "Manila has repatriated 460 of its workers so far.", "460", "people"),
    # named as held, they stay captives
    (FLIGHT + "The ministry said 2,300 prisoners were returned to their home country in March.", "2,300",
     "casualty"),
    # in a report with no flight, people freed are the captives
    ("The ministry said 2,300 people were returned to their home country in March after the exchange.", "2,300",
     "casualty"),
])
def test_people_sent_back_in_a_report_about_flight(extractor: Extractor, text: str, span: str,
                                                   category: str) -> None:
    assert claim_at(extract(extractor, text), span).category == category
