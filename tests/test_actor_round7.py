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

from test_extract import claim_at, extract

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


# Forces on duty that no one is said to have sent are the forces of the country the report is about; a
# sentence naming another country, or someone merely counting armed men, says nothing of whose they are.
HOME_FORCE_ROWS = [
    ("Wildfires spread across central Portugal on Sunday. Villages near Coimbra were evacuated as the flames "
     "neared. Some 900 firefighters and 40 water bombers have been fighting the blaze since dawn.", "Some 900", "PRT"),
    ("Wildfires spread across central Portugal on Sunday. Villages near Coimbra were evacuated as the flames "
     "neared. Some 900 firefighters and 40 water bombers have been fighting the blaze since dawn.", "40", "PRT"),
    ("Storms flooded towns in eastern Romania this week. About 600 soldiers and police officers were deployed "
     "overnight to reinforce river banks.", "About 600", "ROU"),
]
NO_HOME_FORCE_ROWS = [
    ("Gunmen raided a village in northern Nigeria on Monday. A farmer in Katsina said she counted more than "
     "60 gunmen on motorbikes.", "more than 60"),
]


@pytest.mark.parametrize("text,quote,actor", HOME_FORCE_ROWS)
def test_forces_on_duty_are_the_report_countrys(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor


@pytest.mark.parametrize("text,quote", NO_HOME_FORCE_ROWS)
def test_counted_armed_men_are_no_ones_forces(extractor, text, quote):
    assert claim_at(extract(extractor, text), quote).actor is None


# The dead of a report on an illness or a disaster belong to no side, even where a title counts them as a
# country's ("Zambia cholera deaths pass 300"); people a clause says violence killed keep theirs.
NO_SIDE_ROWS = [
    ("Zambia cholera deaths pass 300 as clinics fill\n\nHealth officials in Zambia said on Friday that the "
     "outbreak had spread to four provinces.", "300"),
    ("Peru quake deaths rise to 45\n\nRescuers dug through rubble in the south of Peru on Sunday after the "
     "earthquake.", "45"),
    ("Measles spreads in Romania\n\nRomania's health ministry said 12 children had died this year, most of "
     "them unvaccinated.", "12"),
]


@pytest.mark.parametrize("text,quote", NO_SIDE_ROWS)
def test_dead_of_an_illness_or_disaster_have_no_side(extractor, text, quote):
    assert claim_at(extract(extractor, text), quote).actor is None


def test_people_violence_killed_keep_their_side_in_an_outbreak_report(extractor):
    text = ("Cholera spreads in Sudan\n\nSudan's health ministry said the outbreak had reached Khartoum. "
            "Rebel shelling killed 14 Sudanese soldiers near the city, the army said.")
    assert claim_at(extract(extractor, text), "14").actor == "SDN"


# A country's body that tends its own people (health, civil defence, emergencies), counting the harmed,
# counts its own country's: not the side the sentence says struck them, nor a country named before.
KEEPER_ROWS = [
    ("Fighting flared again along the border on Monday. Three Syrian soldiers were killed by return fire, "
     "Damascus said. Lebanon's health ministry says the shelling has killed 9 people and wounded 20 since "
     "Sunday.", "9", "LBN"),
    ("Fighting flared again along the border on Monday. Three Syrian soldiers were killed by return fire, "
     "Damascus said. Lebanon's health ministry says the shelling has killed 9 people and wounded 20 since "
     "Sunday.", "20", "LBN"),
]


@pytest.mark.parametrize("text,quote,actor", KEEPER_ROWS)
def test_a_health_ministry_counts_its_own_countrys_harmed(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor


# A clause whose verb is left out has its own subject, named just before its figure: that party, not the
# first clause's subject, gives or offers it.
GAPPED_ROWS = [
    ("Norway has given $8 million to the relief effort and Japan $5 million, officials said.", "$5 million", "JPN"),
    ("Norway has given $8 million to the relief effort and Japan $5 million, officials said.", "$8 million", "NOR"),
    ("Spain offered the most places, 4,000, followed by Italy with 2,500 and Portugal with about 600.",
     "about 600", "PRT"),
]


@pytest.mark.parametrize("text,quote,actor", GAPPED_ROWS)
def test_a_gapped_clause_has_its_own_doer(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor
