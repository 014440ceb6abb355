"""Categories, round 8: a bare figure that gives the value of a count ("the number of X", "the X count",
"a toll") counts what that count counts: the "of" object or the noun that modifies the count; a toll
counts the dead, whatever caused them. In a report about captives, people counted with no word for what
befell them, and who do nothing themselves, are the captives (casualties). Sentences written for these
tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

VALUED_COUNTS = [
    # the figure completes a verb whose subject or object is a count of something
    ("The teachers' union put the number of colleges closed on Monday at 1,450.", "1,450", "college", "other"),
    ("Insurers expect the claim count to exceed 90,000 by the weekend.", "90,000", "claim", "other"),
    ("Inspectors put the number of warheads kept at the base at 240.", "240", "warhead", "munition"),
    # a toll counts the dead, also when a word before it names what killed them
    ("Officials said the storm toll had climbed to 41 by Sunday.", "41", "person", "casualty"),
    ("Floods killed 30 people in nine districts, raising an earlier toll of 17.", "17", "person", "casualty"),
]


@pytest.mark.parametrize("text,span,item,category", VALUED_COUNTS)
def test_a_figure_counts_what_its_count_counts(extractor: Extractor, text: str, span: str, item: str,
                                               category: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.item, c.category) == (item, category)


NOT_COUNTS = [
    # a verb of counting is no count: what the figure counts is still unsaid
    ("Police estimated the crowd at 3,000 on Saturday.", "3,000", "people"),
]


@pytest.mark.parametrize("text,span,category", NOT_COUNTS)
def test_a_verb_of_counting_names_no_counted_thing(extractor: Extractor, text: str, span: str,
                                                   category: str) -> None:
    assert claim_at(extract(extractor, text), span).category == category


CAPTIVES = ("The two sides freed 40 prisoners and 12 hostages on Monday in the third exchange this year. "
            "The mediators said 55 women are still on the list. Thousands of people gathered in the square "
            "to greet them.")


@pytest.mark.parametrize("text,span,category", [
    (CAPTIVES, "55", "casualty"),  # people no word says anything of, in a report about captives
    (CAPTIVES, "Thousands", "people"),  # a crowd that does something is no captive
    ("The river rose overnight and the mediators said 55 women are still on the list.", "55", "people"),
])
def test_uncounted_people_in_a_report_about_captives(extractor: Extractor, text: str, span: str,
                                                     category: str) -> None:
    assert claim_at(extract(extractor, text), span).category == category
