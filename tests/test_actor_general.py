"""Actor and recipient on hand-written reports: whose people, things and results a figure counts.

Each row is a short report written for these tests and the actor (and recipient) of one of its
claims, found by its quantity expression. The rows pin the general rules of spec/claims.md lines
51-52 and corpus/CLARIFICATIONS.md C16-C20: the dead of disasters and accidents have no side, nor
do suspects the police arrest; who counts a figure is its source, not its actor; a list, a table
or a run of names and figures gives each figure the party it is set against; a pronoun or "the
government" stands for the party named before; refugees go with the people who fled, and a host
that takes them in is their recipient.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.pipeline import Extractor
from test_extract import extract  # the extraction tests' report helper


def claim_at(extractor: Extractor, text: str, quote: str, nth: int = 0) -> Claim:
    """The `nth` claim (in text order) whose quantity expression is `quote` (the extraction tests' report:
    a first paragraph followed by a blank line is its title)."""
    claims = extract(extractor, text)
    found = [c for c in claims if c.text == quote]
    assert len(found) > nth, f"no claim {quote!r} in {[c.text for c in claims]}"
    return found[nth]


SHIPWRECK = ("Forty dead off the coast of Crete\n\nForty migrants died on Monday after their overloaded dinghy "
             "capsized in rough seas, the coastguard said. Survivors said the boat began to sink within minutes, "
             "and several children drowned. Among the dead were 12 Afghans.")
CRASH = ("Airliner goes down near Lima\n\nA passenger jet went down shortly after take-off on Sunday. The crash "
         "killed 131 people, among them 52 Chilean passengers, the airline said.")
RAID = ("Police break up cocaine ring\n\nPolice arrested 14 people in dawn raids on a cocaine smuggling network, "
        "officers said. Investigators seized drugs and cash, and prosecutors said the suspects would face "
        "trafficking charges.")
MARKET = ("Gunmen kill 20 at market\n\nGunmen attacked a crowded market in northern Mali on Friday, killing 20 "
          "people, the army said. Security forces later detained nine suspects in connection with the attack. "
          "Soldiers and militants clashed again on Saturday.")

NO_SIDE = [
    # a shipwreck report whose title names no disaster: its words of sinking and drowning outvote violence
    (SHIPWRECK, "Forty", 0, None),
    # the dead of a disaster have no side, whatever nationality the text gives them (C8, line 51)
    (SHIPWRECK, "12", 0, None),
    (CRASH, "52", 0, None),
    # suspects arrested in police work belong to no opposing side (C16)
    (RAID, "14", 0, None),
    # nor do suspects detained after an attack, though the attack's dead do have a side
    (MARKET, "nine", 0, None),
    (MARKET, "20", 0, "MLI"),
]


@pytest.mark.parametrize("text,quote,nth,actor", NO_SIDE)
def test_harm_without_a_side(extractor, text, quote, nth, actor):
    assert claim_at(extractor, text, quote, nth).actor == actor


PARTIES = [
    # who counts or assesses things does nothing to them: the figure's source, not its actor (C18)
    ("The housing ministry has assessed 4,000 buildings in the quake zone.", "4,000", None),
    # a run of names and figures in brackets, a table's first column, a list item's label
    ("The biggest contributors of troops were Chile (about 3,100) and Peru (about 2,400).", "about 3,100", "CHL"),
    ("The biggest contributors of troops were Chile (about 3,100) and Peru (about 2,400).", "about 2,400", "PER"),
    ("Country | Warheads\nFrance | 290\nIndia | 180", "180", "IND"),
    ("Rescue teams sent from abroad:\n\n- Norway: 40 rescuers\n- Japan: 65 rescuers", "65", "JPN"),
    # a title's speaker before a colon is a source, not a label: the dead take the country they died in
    ("UN: 300 killed in Sudan clashes\n\nFighting between the army and rebels in Sudan has killed 300 people, "
     "the UN said.", "300", "SDN"),
    # the noun a relative clause hangs on; "the government" is the country named last
    ("Chile, which has about 900 troops in the mission, condemned the attack.", "about 900", "CHL"),
    ("Speaking in Santiago, the minister said the government would earmark 2 billion pesos for rebuilding "
     "Chile.", "2 billion", "CHL"),
    # a party the gazetteer does not know, named by the subject's proper noun
    ("The Conservatives won 12 seats.", "12", "conservatives"),
]


@pytest.mark.parametrize("text,quote,actor", PARTIES)
def test_party_named_by_structure(extractor, text, quote, actor):
    assert claim_at(extractor, text, quote).actor == actor


def test_host_that_takes_refugees_in_is_the_recipient(extractor):
    c = claim_at(extractor, "Hungary has taken in 50,000 refugees from Ukraine.", "50,000")
    assert (c.actor, c.recipient) == ("UKR", "HUN")


def test_list_by_country_of_arrival_gives_the_host(extractor):
    text = "Arrivals of refugees by country:\n\n- Chad: 40,000\n- Niger: 12,000"
    first = claim_at(extractor, text, "40,000")
    assert first.recipient == "TCD" and first.actor is None  # counted only by the host: no side named
    assert claim_at(extractor, text, "12,000").recipient == "NER"


def test_people_who_fled_follow_the_people_who_fled_before(extractor):
    text = ("Fighting in the east has displaced 80,000 Congolese this month, and shelling killed 12 Rwandan "
            "soldiers near the border. In the last week, some 3,000 refugees crossed into Burundi.")
    assert claim_at(extractor, text, "some 3,000").actor == "COD"
