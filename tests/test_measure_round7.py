"""Measures, round 7: things that arrive somewhere (the subject of "arrive", "reach", "land", "enter")
are their delivery seen from where they arrive, so transferred, while people and munitions that arrive
keep their own readings; things a blow landed on (the object of "hit", "strike", "shell", "bomb") are
damaged, while things only "attacked" or "targeted" are not said to be; "should" makes an event expected;
feeding (WordNet's feed and its kinds, "malnourished") is no handing over of supplies.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


ARRIVALS = [
    ("The first 20,000 vaccine doses arrived in Goma on Tuesday.", "20,000", "transferred"),
    ("Around 60 armoured vehicles have reached the brigade since June.", "Around 60", "transferred"),
    ("Some 300 lorries of flour entered the enclave last week.", "Some 300", "transferred"),
    ("The 40 generators landed in Beirut aboard two cargo planes.", "40", "transferred"),
]


@pytest.mark.parametrize("text,span,measure", ARRIVALS)
def test_things_that_arrive_were_delivered(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


def test_soldiers_who_arrive_are_still_deployed(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "About 2,500 marines arrived at the port on Sunday."), "About 2,500")
    assert c.measure == "deployed"


def test_a_toll_that_reaches_a_level_is_no_delivery(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "The death toll from the storm reached 58 on Friday."), "58")
    assert c.measure == "killed"


def test_things_expected_to_arrive_are_planned(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "Under the truce, 500 lorries a day should be entering the region."), "500")
    assert c.measure == "planned"


STRUCK = [
    ("Warplanes struck more than 400 targets in the north, the army said.", "more than 400", "damaged", "other"),
    ("The shelling hit 14 clinics and 9 schools in the district.", "14", "damaged", "other"),
    ("The shelling hit 14 clinics and 9 schools in the district.", "9", "damaged", "other"),
    ("About 30 warehouses were bombed overnight.", "About 30", "damaged", "other"),
]


@pytest.mark.parametrize("text,span,measure,category", STRUCK)
def test_things_struck_are_damaged(extractor: Extractor, text: str, span: str, measure: str,
                                   category: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.measure, c.category) == (measure, category)


def test_things_only_attacked_are_not_said_to_be_damaged(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "Pirates attacked 35 cargo ships off the coast last year."), "35")
    assert c.measure == "other"


def test_munitions_fired_stay_launched(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "The battery fired 120 rockets at the airfield."), "120")
    assert c.measure == "launched"


FED = [
    # the people fed or underfed are counted, nothing handed over: not transferred, so not "released"
    ("Volunteers fed 12,000 people in the old town last week.", "12,000"),
    ("Doctors counted 900 malnourished infants in the district.", "900"),
]


@pytest.mark.parametrize("text,span", FED)
def test_people_fed_are_not_a_delivery(extractor: Extractor, text: str, span: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == "other"
