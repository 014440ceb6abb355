"""Measures, categories and items, round 4: firms are no military units, messages received are no
supplies, a verb that only gives a figure ("a count of 31 given by ...") or a participle that only
describes ("on a given day") is no measure, and a bare figure after things counted goes on counting
those things. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.extract.wordclasses import WordClasses
from claimledger.pipeline import Extractor
from test_measure_general import claim  # the first round's report helper

FIELDS = [
    # a company is a firm unless the text says it is a military unit: not personnel sent
    ("Inspectors visited 14 companies in the port last month.", "14", "company", "other", "other"),
    ("The ministry said more than 60 companies had asked for state loans.", "more than 60", "company", "other",
     "other"),
    # messages received (WordNet: calls, claims, reports, requests) are not transferred
    ("The hotline received more than 900 calls on its first night.", "more than 900", "call", "other", "other"),
    ("The insurer has received 2,300 claims since the storm.", "2,300", "claim", "other", "other"),
    ("Embassies received 480 requests for help last week.", "480", "request", "other", "other"),
    # ... while things handed over still are
    ("The clinic received 5,000 vaccines from the donor.", "5,000", "vaccine", "other", "transferred"),
    ("The brigade received about 200 shells last week.", "about 200", "shell", "munition", "transferred"),
]


@pytest.mark.parametrize("text,span,item,category,measure", FIELDS)
def test_fields(extractor: Extractor, text: str, span: str, item: str, category: str, measure: str) -> None:
    c = claim(extractor, text, span)
    assert (c.item, c.category, c.measure) == (item, category, measure)


NOT_GIVEN = [
    # a verb that gives the figure on a report noun's figure says who counted, not what befell
    ("At least 52 people drowned when the ferry capsized, officials said, revising an earlier count of 40 "
     "given by the coastguard.", "40"),
    # a participle that describes another noun ("a given day") is no event of the things counted
    ("The fleet has 25 trucks, but on a given day only 15 are running.", "15"),
]


@pytest.mark.parametrize("text,span", NOT_GIVEN)
def test_giving_a_figure_is_no_transfer(extractor: Extractor, text: str, span: str) -> None:
    assert claim(extractor, text, span).measure != "transferred"


def test_a_bare_figure_after_things_counts_those_things(extractor: Extractor) -> None:
    text = ("The navy keeps about 400 torpedoes in its depots. Of that stock, some 120 are deployed on "
            "submarines at sea.")
    c = claim(extractor, text, "some 120")
    assert (c.item, c.category) == ("torpedo", "munition")


def test_a_bare_figure_after_people_still_counts_people(extractor: Extractor) -> None:
    c = claim(extractor, "Some 300 soldiers crossed the river. Of those, 120 were deployed near the town.", "120")
    assert c.category == "personnel"


@pytest.mark.parametrize("word,message", [("call", True), ("claim", True), ("request", True), ("report", True),
                                          ("visa", False), ("ticket", False), ("permit", False),
                                          ("dose", False), ("shell", False), ("payment", False)])
def test_wordnet_messages(word: str, message: bool) -> None:
    assert WordClasses.load().is_message(word) is message


CUT_OFF = [
    # a bracket after the figure holds who counted it, not what it counts: the row's label says that
    ("Gains claimed by the rebels:\n\n- Towns seized in the valley: about 30 (rebel statements)\n"
     "- Soldiers captured since June: over 90 (rebel sources)", "over 90", "soldier"),
    # a title's figure does not count a noun of the next line
    ("Storm toll climbs to 45\nThe regional government's latest report gave no breakdown.", "45", "person"),
]


@pytest.mark.parametrize("text,span,item", CUT_OFF)
def test_counted_noun_is_not_across_a_bracket_or_a_line(extractor: Extractor, text: str, span: str,
                                                        item: str) -> None:
    assert claim(extractor, text, span).item == item


def test_counted_noun_is_not_behind_a_preposition(extractor: Extractor) -> None:
    c = claim(extractor, "The toll from the storm has risen to at least 75 across four provinces.", "at least 75")
    assert c.item != "province" and c.category == "casualty"


def test_a_capitalised_plural_label_is_what_the_row_counts(extractor: Extractor) -> None:
    text = "Damage so far:\n\n- Villages flooded in the delta: about 30\n- Roads cut: 12"
    assert claim(extractor, text, "about 30").item == "village"


@pytest.mark.parametrize("text,span,item", [
    # a plural in -es keeps the -e of its singular where WordNet has that noun ("doses", not "dos")
    ("The clinic has given out 2,000 doses since Monday.", "2,000", "dose"),
    ("Villagers dug 35 graves on the hillside.", "35", "grave"),
    # ... and no -e where WordNet has none ("buses", "crises")
    ("The city bought 40 buses last year.", "40", "bus"),
    # the plural of a designation
    ("The air force ordered 24 F-35s in March.", "24", "f-35"),
])
def test_plural_items(extractor: Extractor, text: str, span: str, item: str) -> None:
    assert claim(extractor, text, span).item == item
