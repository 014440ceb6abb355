"""Measures and categories, round 6: what harms a body (WordNet's injuries and illnesses) tells a treated
person's wound from a patient's illness and makes harmed people casualties; a list label's capitalised
plural is the noun it counts; "made available" is providing; money frozen under WordNet's asset sense of
freeze, block and immobilise is seized; a noun said to be "planned" makes its figure a plan. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


TREATED = [
    # treated for an illness: cared for, not wounded; still harmed, so a casualty
    ("Nurses at the camp treated 3,000 children for cholera last month.", "3,000", "other", "casualty"),
    ("Field doctors treated 500 villagers for typhoid after the floods.", "500", "other", "casualty"),
    # treated for an injury: wounded
    ("Paramedics treated 90 residents for burns after the blast.", "90", "wounded", "casualty"),
    ("About 70 passengers were treated for injuries, the operator said.", "About 70", "wounded", "casualty"),
]


@pytest.mark.parametrize("text,span,measure,category", TREATED)
def test_treated_for_an_illness_is_no_wound(extractor: Extractor, text: str, span: str, measure: str,
                                            category: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.measure, c.category) == (measure, category)


def test_people_admitted_with_an_illness_are_casualties(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "The ward took in 35 infants with severe malnutrition on Monday."), "35")
    assert c.category == "casualty"


def test_people_who_will_suffer_an_illness_are_not_yet_casualties(extractor: Extractor) -> None:
    text = "The agency expects that 900,000 children will suffer from acute hunger next year."
    assert claim_at(extract(extractor, text), "900,000").category == "people"


def test_people_without_an_ailment_stay_people(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "Some 4,000 residents with shovels cleared the streets."), "Some 4,000")
    assert c.category == "people"


LABELS = "The ministry gave these figures for the week:\n\n- Troops sent to the border: 4,000\n" \
         "- Families displaced by the fighting: 12,500\n- People still missing: 37\n"


@pytest.mark.parametrize("span,item,measure,category", [
    ("4,000", "troop", "deployed", "personnel"),
    ("12,500", "family", "displaced", "people"),
    ("37", "person", "missing", "casualty"),
])
def test_a_capitalised_plural_opening_a_label_is_its_noun(extractor: Extractor, span: str, item: str,
                                                          measure: str, category: str) -> None:
    c = claim_at(extract(extractor, LABELS), span)
    assert (c.item, c.measure, c.category) == (item, measure, category)


MADE_AVAILABLE = [
    ("The bloc has made available €900 million for the new grid, the commission said.", "€900 million"),
    ("Norway made $40 million available to the fund this spring.", "$40 million"),
]


@pytest.mark.parametrize("text,span", MADE_AVAILABLE)
def test_made_available_is_provided(extractor: Extractor, text: str, span: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.category, c.measure) == ("money", "transferred")


def test_making_things_is_still_no_transfer(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "The plant made 300 engines last year."), "300")
    assert c.measure == "other"


FROZEN = [
    ("About $80bn of the bank's reserves has been immobilised since the invasion.", "About $80bn"),
    ("About €40bn of the fund's assets were blocked under the sanctions.", "About €40bn"),
]


@pytest.mark.parametrize("text,span", FROZEN)
def test_money_frozen_is_seized(extractor: Extractor, text: str, span: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.category, c.measure) == ("money", "captured")


def test_money_whose_passage_is_blocked_is_not_seized(extractor: Extractor) -> None:
    c = claim_at(extract(extractor, "Opposition senators blocked $30bn in aid for the region."), "$30bn")
    assert c.measure != "captured"


def test_a_planned_noun_makes_its_figure_a_plan(extractor: Extractor) -> None:
    text = "The force was set up in May with a planned strength of 3,200 personnel."
    c = claim_at(extract(extractor, text), "3,200")
    assert (c.measure, c.category) == ("planned", "personnel")


def test_rescue_workers_are_personnel(extractor: Extractor) -> None:
    # spec: rescue teams acting in that role are personnel; WordNet's first sense of "rescuer" (a saviour)
    # would make them people
    c = claim_at(extract(extractor, "Another 140 rescuers reached the flooded valley on Friday."), "140")
    assert (c.item, c.category, c.measure) == ("rescuer", "personnel", "deployed")
