"""Measures and categories, round 3: constructions and WordNet classes rather than the words of one
report. Money an announcement makes public, figures after "by" (a margin, not what the verb acts on),
a state named as a verb's object ("took refuge"), people a headline brings "home", groups of workers
from WordNet, and nouns whose first sense has no class. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.extract.wordclasses import WordClasses
from claimledger.pipeline import Extractor
from test_measure_general import claim  # the first round's report helper

MEASURES = [
    # money an announcement makes public is pledged (spec: "announced aid not yet delivered")
    ("Norway announced $45 million for the relief effort on Monday.", "$45 million", "pledged"),
    ("The ministry unveiled €80 million in new spending for the region.", "€80 million", "pledged"),
    # ... but money only estimated or asked for is not
    ("Analysts estimated $45 million in losses for the quarter.", "$45 million", "other"),
    # a figure after "by" is a margin, not what the verb acts on
    ("The senate approved the budget by 61 votes to 38.", "61", "other"),
    ("The challenger defeated the mayor by 1,200 votes.", "1,200", "other"),
    # ... while the verb still tells of its object
    ("The senate approved $4 billion for the dams.", "$4 billion", "pledged"),
    # the state people are in as the object of a verb that says nothing more (WordNet: shelter, refuge)
    ("About 20,000 villagers have taken shelter in schools.", "About 20,000", "displaced"),
    ("Some 5,000 families took refuge in the capital.", "Some 5,000", "displaced"),
    # a headline with no verb that brings people home: released
    ("Yemen: 140 sailors and 12 passengers back home after talks", "140", "released"),
    ("Yemen: 140 sailors and 12 passengers back home after talks", "12", "released"),
    ("Nine detainees home as rebels free prisoners", "Nine", "released"),
    # ... but not people at home, nor a noun that "home" modifies
    ("Up to 40,000 displaced at home and abroad", "Up to 40,000", "displaced"),
]


@pytest.mark.parametrize("text,span,measure", MEASURES)
def test_measure(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim(extractor, text, span).measure == measure


CATEGORIES = [
    # groups of people at work, from WordNet (personnel: force, team): personnel sent or on the ground
    ("The charity has 12 demining teams in the province.", "12", "personnel", "deployed"),
    ("The agency has about 300 staff on the ground in the region.", "about 300", "personnel", "deployed"),
]


@pytest.mark.parametrize("text,span,category,measure", CATEGORIES)
def test_category(extractor: Extractor, text: str, span: str, category: str, measure: str) -> None:
    c = claim(extractor, text, span)
    assert (c.category, c.measure) == (category, measure)


def test_a_noun_whose_first_sense_has_no_class_takes_no_class_from_a_rarer_one() -> None:
    classes = WordClasses.load()
    assert classes.category("computer") is None  # a machine first; a person who computes only second
    assert classes.category("soldier") == "personnel"  # a first sense still decides
    assert classes.category("staff") == "personnel" and classes.category("team") == "personnel"
