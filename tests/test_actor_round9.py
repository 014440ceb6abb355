"""Actor on hand-written reports, round 9: who pays a sum that values a thing; things destroyed by no side.

Each row is a short report written for these tests and one claim of it, found by its quantity expression.
The rows pin: a sum that values a deal, a contract, an offer or a package ("worth", "valued at") is paid
by the party that acquires the thing, the subject of the nearest clause above it that has one (a dateline
the parser takes for a subject names no one), else the owner its possessive names ("the government's
offer"); and where its own sentence names no buyer, by the party that acquires the goods counted in this
sentence or the one before. Things a doer that is no side destroyed or damaged ("rioters", "floods",
"clearance teams") take no owner from the figures before, while things a side shot down stay with the side
that fired them.
"""
from __future__ import annotations

import pytest

from test_extract import claim_at, extract

PAYER_ROWS = [
    # the subject of the clause the valued deal hangs on
    ("Chile first ordered 12 frigates in 2021 in a deal valued at $2.4 billion, officials said.",
     "$2.4 billion", "CHL"),
    # the subject of a verb above a participle with none of its own
    ("Kenya's navy already operates 10 patrol boats bought under a 2019 agreement worth around "
     "90 million euros.", "around 90 million", "KEN"),
    # a dateline the parser takes for a subject is passed over for the real one
    ("LIMA, May 3 (Reuters) - Peru signed an agreement with Spain on Monday to buy 8 helicopters in a deal "
     "valued at about 400 million euros, the defence ministry said.", "about 400 million", "PER"),
    # no clause names a buyer: the owner the possessive names
    ("Teachers across Britain walked out again on Tuesday. The minister repeated the government's offer: a pay "
     "rise of 5% from April, worth a total of GBP 300 million over two years.", "GBP 300 million", "GBR"),
    # no buyer in its own sentence: who acquires the goods counted in the sentence before
    ("Norway has agreed to buy 14 more patrol aircraft from Brazil, its defence ministry said on Monday. "
     "The new contract is worth about 900 million euros, according to officials.", "about 900 million", "NOR"),
]


@pytest.mark.parametrize("text,quote,actor", PAYER_ROWS)
def test_the_payer_of_a_sum_that_values_a_thing(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor


NO_OWNER_ROWS = [
    # a doer that is no side (rioters, floods, clearance teams) says nothing of whose the things were
    ("France deployed 4,000 police officers on Friday night. Rioters set fire to 300 cars and damaged 40 shops, "
     "officials said.", "40"),
    ("The government sent 200 soldiers to the flooded towns of Chad. Floods have affected 30,000 people, "
     "destroying 4,000 homes.", "4,000"),
    ("Serbia sent 300 soldiers to the border region on Monday. Clearance teams have destroyed 80,000 items of "
     "old ordnance there since 2010, the army said.", "80,000"),
]


@pytest.mark.parametrize("text,quote", NO_OWNER_ROWS)
def test_things_destroyed_by_no_side_have_no_owner_from_context(extractor, text, quote):
    assert claim_at(extract(extractor, text), quote).actor is None


def test_things_shot_down_by_a_side_stay_with_the_side_that_fired_them(extractor):
    text = "Russia launched 90 drones at Ukraine overnight. Ukrainian air defences destroyed 70 drones."
    assert claim_at(extract(extractor, text), "70").actor == "RUS"
