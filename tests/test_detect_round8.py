"""Detection, round 8: figures that count nothing in the world (spec, "What is a claim"): the age of one
person ("he was 71"), the speakers of a statement ("two officials told AFP"), and "one" that picks out a
single thing or stands for a noun ("in one case", "the last one").
Beside each, a sentence whose figure stays a count. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

NOT_COUNTS = [
    # the age of one person: predicated of them, set off by commas, compared, or in a phrase of age
    ("Her brother was 52 when the militia took him from the market, neighbours said.", "52"),
    ("The oldest of the released prisoners is 66, the ministry said.", "66"),
    ("A cyclist, 23, was hurt when the bridge gave way, and 14 cars fell into the river.", "23"),
    ("About 900 pupils were evacuated, some as young as six, the school board said.", "six"),
    ("Two years ago, at 35, she led 40 volunteers into the flooded town.", "35"),
    # the speakers of a statement
    ("Three aid workers told Reuters that 200 families had fled the village overnight.", "Three"),
    ("Kyiv will receive 30 more howitzers, according to two defence officials.", "two"),
    ("Most of the 5,000 recruits left within a year, said one instructor at the base.", "one"),
    # "one" that picks out a single thing or stands for a noun
    ("In one district, rescuers pulled 40 people from the mud on Sunday.", "one"),
    ("Only three ferries have arrived this week, and the last one carried 600 tonnes of grain.", "one"),
    ("The army destroyed 12 boats, including one owned by a local smuggler.", "one"),
]


@pytest.mark.parametrize("text,span", NOT_COUNTS)
def test_a_figure_that_counts_nothing_is_no_claim(extractor: Extractor, text: str, span: str) -> None:
    claims = extract(extractor, text)
    assert span not in [c.text for c in claims], [c.text for c in claims]


STILL_COUNTS = [
    # a figure predicated of a toll or set off after a plural noun is a count
    ("The toll was 71 on Friday, up from 40 a day earlier, officials said.", "71"),
    ("The floods killed three men, a farmer and two fishermen, police said.", "three"),
    # the speakers' statement, and what a reporting verb's subject did
    ("Three aid workers told Reuters that 200 families had fled the village overnight.", "200"),
    ("A record 52,000 people claimed asylum in the first half of the year, officials said.", "52,000"),
    # "one" that counts
    ("The agency received a report of one incident in which an ambulance was hit.", "one"),
    ("Two soldiers were killed and one is still missing, the army said.", "one"),
    ("Three tanks were destroyed and one more was damaged, the army said.", "one"),
]


@pytest.mark.parametrize("text,span", STILL_COUNTS)
def test_a_figure_that_counts_stays_a_claim(extractor: Extractor, text: str, span: str) -> None:
    assert claim_at(extract(extractor, text), span)
