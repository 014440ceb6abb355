"""Attribution, sixth round: figures with no cue of their own, and titles' labels.

Hand-written reports, one row per behaviour:

- a sentence whose subject is a bare figure ("More than 900 were hurt",
  "Another 14 were found later") or more of the same ("A further 200 people
  ...") counts what the sentence before counted, so the speaker of that
  sentence goes on speaking in the same paragraph; "the last one" has an
  article of its own and is no bare figure;
- the words before a title's colon name a speaker only when they are a name or
  a noun for one; a genre label ("Explainer:", "Analysis:"), a name found in
  the title alone, or the story's topic ("Valley dam collapse:") says nobody.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of, source_words  # the first round's report helpers

# (report, figure, words that must name the source; "" for the publisher's own voice)
REPORTS = [
    pytest.param(
        "Quake in the hills\n\n"
        "Rain fell for three days. Across the region at least 310 people have died since Monday, "
        "according to the Civil Defence Agency. "
        "More than 900 have been hurt.\n\n"
        "Schools stay closed.",
        "More than 900", "civil defence agency",
        id="a bare figure goes on with the speaker before it"),
    pytest.param(
        "Drones over the coast\n\n"
        "The attack came from the sea. In the night 60 drones were shot down over the coast, the navy said. "
        "Another 14 were destroyed over the port.\n\n"
        "Ferries run again.",
        "14", "navy",
        id="another figure goes on with the speaker before it"),
    pytest.param(
        "Hunger in the south\n\n"
        "Aid groups met on Monday. The review panel put the number facing famine at about 80,000, "
        "the panel said. A further 210,000 people are one step below it.\n\n"
        "Talks go on.",
        "210,000", "panel",
        id="a further figure goes on with the speaker before it"),
    pytest.param(
        "Explainer: why the harbour fund costs 40 million\n\n"
        "The harbour fund was set up last year.\n\n"
        "Its board meets in spring.",
        "40 million", "",
        id="a genre label before the title's colon is nobody"),
    pytest.param(
        "Valley dam collapse: 12 villages flooded\n\n"
        "Water reached the valley on Sunday.\n\n"
        "Repairs will take months.",
        "12", "",
        id="a title's topic before its colon is nobody"),
    pytest.param(
        "Delta Rescue Service: 45 sailors rescued off the cape\n\n"
        "The Delta Rescue Service sent three boats through the night.\n\n"
        "Two ships remain in port.",
        "45", "delta rescue service",
        id="a name the body gives before the title's colon speaks"),
]


@pytest.mark.parametrize("report,figure,words", REPORTS)
def test_source(extractor, report, figure, words):
    c = at(claims_of(extractor, report), figure)
    if words:
        assert words in source_words(c), source_words(c)
    else:
        assert c.source is None, c.source


def test_a_subject_of_its_own_does_not_go_on(extractor):
    # "the last one" is a pronoun with an article, not a bare figure: the sentence is the publisher's own
    report = ("Treaties\n\n"
              "The talks began in March. The arsenal held about 5,000 warheads in 1990, according to the Arms "
              "Survey. The last one still in force caps each side at 300 launchers.\n\n"
              "Talks resume in May.")
    assert at(claims_of(extractor, report), "300").source is None
