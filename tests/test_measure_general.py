"""Measures that follow the grammar and WordNet rather than the words of one report: the whole a part is
taken from, places and states people are kept in, places where things happened, people lost or left
homeless, the doer of an act, people given to. Sentences written for these tests."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from claimledger.models import Claim
from claimledger.pipeline import Extractor
from test_extract import claim_at, extract  # the extraction tests' report helpers


def claim(extractor: Extractor, text: str, span: str) -> Claim:
    return claim_at(extract(extractor, text), span)


CASES = [
    # the whole a part is taken from: the verb tells what befell the part only
    ("The bus overturned, killing 31 of the 40 passengers on board.", "40", "other"),
    ("The bus overturned, killing 31 of the 40 passengers on board.", "31", "killed"),
    ("Nine of the 26 climbers were injured in the fall.", "26", "other"),
    ("Donors have paid only 8% of the $3 billion the agency requested.", "$3 billion", "other"),
    # where people are kept says what befell them (WordNet: confinement, prisons, shelters, hospitals)
    ("The commission said some 2,300 activists remain in custody.", "some 2,300", "captured"),
    ("About 640 dissidents are still in state prisons, the group said.", "About 640", "captured"),
    ("Roughly 900 residents spent Tuesday night in public shelters.", "Roughly 900", "displaced"),
    ("Nearly 12,000 households remain under evacuation orders.", "Nearly 12,000", "displaced"),
    ("Eighteen miners were taken to hospital after the blast.", "Eighteen", "wounded"),
    # ... but not people who are there in their role, nor the dead, nor a verb that says more
    ("The clinic says 85 patients were reported killed at the hospital.", "85", "killed"),
    # people left in a state, or not yet found
    ("Officials said 4,500 villagers were left homeless by the landslide.", "4,500", "displaced"),
    ("Six of the fishermen have not been accounted for.", "Six", "missing"),
    ("Police were still trying to locate 23 hikers on Sunday.", "23", "missing"),
    ("About 3,000 families lost their homes in the fire.", "About 3,000", "displaced"),
    # people lost or eliminated are killed, not destroyed
    ("The battalion lost 17 soldiers in the ambush.", "17", "killed"),
    # places where something happened are counted, not harmed
    ("The storm caused at least 90 deaths in seven provinces.", "seven", "other"),
    ("Police raided homes across four states.", "four", "other"),
    # "hold" detains people; anything else held is owned
    ("Rebels still hold 40 hostages in the hills.", "40", "captured"),
    ("The institute estimates the navy holds 300 torpedoes.", "300", "other"),
    # the doer of an act, and people something is given to
    ("The motion was approved by 212 votes.", "212", "other"),
    ("The ministry approved $4 million in grants to 1,200 farmers.", "1,200", "other"),
    # people rescued from a wreck were never held; hostages rescued were freed
    ("Coastguards rescued 57 people from the sinking ferry.", "57", "other"),
    ("Special forces rescued 12 hostages in a night raid.", "12", "released"),
]


@pytest.mark.parametrize(("text", "span", "measure"), CASES)
def test_measure(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim(extractor, text, span).measure == measure


def test_the_wordnet_tables_name_places_and_states() -> None:
    """data/wordclasses.json carries the kinds of place and the places of confinement, shelter and care."""
    data = json.loads(resources.files("claimledger.data").joinpath("wordclasses.json").read_text("utf-8"))
    assert {"country", "state", "province", "district"} <= set(data["places"])
    assert "paris" not in data["places"]  # a named place is not a kind of place
    assert data["states"]["custody"] == data["states"]["penitentiary"] == "captured"
    assert data["states"]["shelter"] == data["states"]["tent"] == "displaced"
    assert data["states"]["infirmary"] == "wounded"
    assert data["verbs"]["rescue"] == "rescued"


def test_people_kept_somewhere_are_not_dated_by_an_event(extractor: Extractor) -> None:
    """A count of people in custody is a state at a time: it does not take the day of the release before it."""
    text = "Guerrillas freed 14 captives on Monday.\n\nAbout 350 others remain in custody, the monitors said."
    kept = claim(extractor, text, "About 350")
    assert kept.measure == "captured"
    assert (kept.period_start, kept.period_end) == (None, None)
