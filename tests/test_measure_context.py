"""Measure from the document for a figure with no cue of its own (`_measure_from_earlier_figure`).

A figure that no word explains takes the measure of an earlier figure it refers back to: the same figure
repeated ("Of the 230, ..."), or the value of a noun that names a figure ("the figure rose to 71"). Figures
whose own clause says what happened, figures in the title and figures stated later lend nothing. Sentences
are written for these tests.
"""
from __future__ import annotations

import pytest

from test_extract import extract


def nth_claim(claims, text: str, n: int):
    """The n-th claim (from 0) whose quantity expression is `text`."""
    found = [c for c in claims if c.text == text]
    assert len(found) > n, f"fewer than {n + 1} claims at {text!r}: {[c.text for c in claims]}"
    return found[n]


@pytest.mark.parametrize("text, span, n, measure, category", [
    # the same figure again, with no verb of its own or only a verb of being with the figure as attribute
    ("Floods killed 230 people in the north last week. Of the 230, most were farmers.",
     "230", 1, "killed", "casualty"),
    ("Officials say the floods killed 64 villagers. If it is 64, it is the worst flood in a decade.",
     "64", 1, "killed", "casualty"),
    # a definite figure points back even through a verb that says nothing of what befell the things
    ("Police arrested 38 protesters in the capital. The 38 appeared in court on Friday.",
     "38", 1, "captured", "casualty"),
    ("Rebels shot dead 45 villagers on Monday. The families of the 45 gathered at the church.",
     "45", 1, "killed", "casualty"),
    # the value of a noun that names a figure
    ("The storm killed 64 people, officials said on Thursday. By Friday the figure had risen to 71.",
     "71", 0, "killed", "casualty"),
    ("The ministry said 3,400 people had died in the floods. That was lower than the toll of 5,200 given by "
     "the governor.", "5,200", 0, "killed", "casualty"),
    # a noun of people harmed says their fate with no verb: the victims identified are the dead
    ("Forensic teams have identified 62 of the victims so far. By Sunday the figure was 70.",
     "70", 0, "killed", "casualty"),
])
def test_figure_takes_measure_of_earlier_figure(extractor, text, span, n, measure, category):
    claim = nth_claim(extract(extractor, text), span, n)
    assert (claim.measure, claim.category) == (measure, category)
    assert claim.cues["measure"].startswith("(as for ")


@pytest.mark.parametrize("text, span, n", [
    # a title opens the report: it refers back to nothing
    ("Ferry drama: 120 passengers\n\nThe coastguard evacuated 120 passengers from a stricken ferry on Sunday.",
     "120", 0),
    # a later figure lends nothing to an earlier one
    ("There were 75 passengers on the bus, police said. Later, 75 passengers were injured in a second crash.",
     "75", 0),
    # another bound is another figure
    ("Police detained more than 40 protesters on Saturday. Around 40 were students.", "Around 40", 0),
    # the figure's own verb says what it counts, though no measure
    ("Rescuers evacuated 80 people from the island on Monday. Later, 80 people queued at the port for buses.",
     "80", 1),
    ("Gunmen abducted 17 pupils from a school. Police said 17 pupils were in the school at the time.", "17", 1),
    # small counts recur by chance
    ("Troops killed two fighters near the border. Two lorries were seen on the road.", "Two", 0),
    # a speaker who puts a figure at a value is no figure noun of its own
    ("A report by the bank put the cost of rebuilding at $90 billion. Donors pledged $90 billion in March.",
     "$90 billion", 0),
])
def test_figure_keeps_other(extractor, text, span, n):
    claim = nth_claim(extract(extractor, text), span, n)
    assert claim.measure == "other"
    assert "measure" not in claim.cues
