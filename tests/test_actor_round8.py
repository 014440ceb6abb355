"""Actor on hand-written reports, round 8: a government named only by a noun of its office.

Each row is a short report written for these tests and one claim of it, found by its quantity expression.
The rows pin: a definite noun of a state's government whose other words only say its level, branch or
owner ("the federal government", "his government", "the defence ministry") stands for the country, as
"the government" does (spec: a country's government in general is the country); a ministry the report
named before is that ministry's country; a noun of a government below the state ("the region", "the
provincial government") stands for the place named last before it, not for the country; and words that
name some states rather than one ("member states") stand for no government at all.
"""
from __future__ import annotations

import pytest

from test_extract import claim_at, extract

ACTOR_ROWS = [
    # a level of government before the noun: the country, as for "the government"
    ("A hurricane tore through southern Mexico last week. Officials said the federal government would spend "
     "20 billion pesos on new roads.", "20 billion", "MEX"),
    # a possessive pronoun before it
    ("Drought has hit Zambia's maize harvest. President Hakainde Hichilema said his government had already "
     "handed out 9,000 tonnes of grain.", "9,000", "ZMB"),
    # a branch of government: the ministry of the country the report is about
    ("Recruitment has slowed in Lithuania this year. The defence ministry has budgeted 40 million euros for "
     "bonuses and advertising.", "40 million", "LTU"),
    # a government below the state: the place named last before it
    ("Floods hit the Moscow region on Monday. Later, the regional governor said the region would pay 100,000 "
     "roubles to each family that lost its home.", "100,000", "moscow-region"),
]


@pytest.mark.parametrize("text,quote,actor", ACTOR_ROWS)
def test_a_government_named_by_its_office(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor


NOT_ONE_STATE_ROWS = [
    # some states, not one government: the report's country is not their actor
    ("A vaccine drive began in Kenya this month. Donors gave 300,000 doses, and member states pledged "
     "another 200,000.", "200,000", "KEN"),
]


@pytest.mark.parametrize("text,quote,not_actor", NOT_ONE_STATE_ROWS)
def test_some_states_are_no_government(extractor, text, quote, not_actor):
    assert claim_at(extract(extractor, text), quote).actor != not_actor
