"""Measures, round 13: a figure that counts the place, the means or the origin of an act ("on 12 flights",
"from nine villages", "in four clinics") is no count of the things the act befalls: a verb that has things
of its own (its object or its passive subject) lends it no measure, nor does a verb after a phrase the
figure only places ("medics in six towns have treated 80 people"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

CIRCUMSTANCES = [
    # the means of an evacuation
    ("The ministry said it had evacuated 900 citizens from the port on 12 flights since Tuesday.", "12"),
    # the place people were moved out of
    ("Officials said about 1,500 residents had been evacuated from nine villages overnight.", "nine"),
    # the place of care
    ("Six people died and 31 are being treated in four clinics, the mayor said.", "four"),
    # the origin of things bought
    ("The navy has decided to buy patrol boats from two foreign shipyards.", "two"),
    # a figure that places the doers of the verb after it
    ("Police in seven countries have arrested 40 suspects in a joint operation.", "seven"),
]


@pytest.mark.parametrize("text,span", CIRCUMSTANCES)
def test_a_figure_of_place_or_means_takes_no_measure(extractor: Extractor, text: str, span: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == "other"


PARTICIPANTS = [
    # the counted things are the verb's own: its measure holds
    ("The ministry said it had evacuated 900 citizens from the port on 12 flights since Tuesday.", "900",
     "displaced"),
    ("Police in seven countries have arrested 40 suspects in a joint operation.", "40", "captured"),
    # with no object of its own, a verb still tells of the figure in its phrase ("put the number ... at")
    ("Officials put the number of people killed in the attack at 14.", "14", "killed"),
    # "with" names what the act is done with: the munitions of an attack
    ("Moscow attacked the city overnight with 40 drones, the air force said.", "40", "launched"),
]


@pytest.mark.parametrize("text,span,measure", PARTICIPANTS)
def test_the_things_an_act_befalls_keep_its_measure(extractor: Extractor, text: str, span: str,
                                                    measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure
