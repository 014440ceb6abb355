"""Detection, round 10: numbers that label one thing rather than count things. A number right after the
singular noun it modifies names that thing ("Gate 7", "day three", "Congressional District 8"), and so does
a number between "the" and a singular noun ("the 911 hotline"): English puts a counted noun in the plural
after its figure (spec: ranks and names are not claims). A name heading a row of figures still has its
figure counted ("Georgia 33", "Labour 411"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import extract

LABELS = [
    ("On day four of the march, police detained 60 protesters in the capital.", "four"),
    ("Officials certified the results of the recount for Congressional District 6. It covered 4,000 ballots.",
     "6"),
    ("Callers jammed the 911 hotline for hours after the storm flooded 300 homes.", "911"),
]


@pytest.mark.parametrize("text,label", LABELS)
def test_a_number_that_labels_one_thing_is_no_claim(extractor: Extractor, text: str, label: str) -> None:
    texts = [text[c.start:c.end] for c in extract(extractor, text)]
    assert label not in texts
    assert texts  # the counts in the sentence are still found


ROWS = [
    ("Deaths by state: Georgia 33, Florida 19, Tennessee 12.", ["33", "19", "12"]),
    ("Seats won: Labour 411, Conservatives 121.", ["411", "121"]),
    ("The 300 staff were moved out and the 40 aircraft grounded on Monday.", ["300", "40"]),
]


@pytest.mark.parametrize("text,figures", ROWS)
def test_names_heading_rows_and_collective_nouns_keep_their_counts(extractor: Extractor, text: str,
                                                                   figures: list[str]) -> None:
    texts = [text[c.start:c.end] for c in extract(extractor, text)]
    assert all(f in texts for f in figures)
