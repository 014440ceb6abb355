"""Attribution, fifth round: grammar of attribution the frames missed.

Hand-written reports, one row per behaviour:

- a body's written name is its whole noun phrase: a plural possessor ("The
  Bahamas' Department of ..."), a hyphenated modifier of a common noun ("the
  militia-run health ministry") and the articles inside it stay in it, a name
  goes on with "on" and a proper name ("... Council on Water Safety"), but a
  participle that describes a proper name's body ("the donor-backed Valdoria
  Council") is not part of the name, nor is a body the place it is "for";
- a figure a past participle's "by" agent gave ("the 15 announced by the
  mayor") is the agent's, whoever tells of it;
- "according to the same data" is the voice of the attribution before it;
- a list line's source in brackets holds before a semicolon too ("about 900
  (regional defence office); the militia ...");
- in a transcript, the outlet in "QUESTION (Reuters):" passes on the question's
  figures, and a question's figure with no attribution of its own is the
  answering speaker's.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of, source_words  # the first round's report helpers
from test_source_round3 import check_source  # the third round's check of one row

# (report, figure, words that must name the source, words that must not)
REPORTS = [
    pytest.param(
        "Boats lost\n\n"
        "The Bahamas' Department of Fisheries said 40 boats sank in the storm.\n\n"
        "The harbour is closed.",
        "40", "bahamas' department of fisheries", "",
        id="a plural possessor stays in the body's name"),
    pytest.param(
        "Wells\n\n"
        "The donor-backed Valdoria Council on Water Safety said 17 wells had been poisoned.\n\n"
        "Tests go on.",
        "17", "valdoria council on water safety", "donor",
        id="a participle describing a named body is not its name"),
    pytest.param(
        "Raid\n\n"
        "The militia-run health ministry said 23 people were hurt in the raid.\n\n"
        "The market reopened.",
        "23", "militia run health ministry", "",
        id="a hyphenated modifier of a common noun stays in the name"),
    pytest.param(
        "Search\n\n"
        "Police said the 15 announced by the mayor on Monday had all been found alive.\n\n"
        "The search is over.",
        "15", "mayor", "police",
        id="a participle's by-agent gave the figure"),
    pytest.param(
        "Storm damage\n\n"
        "The civil protection agency said 50 houses collapsed on Monday. "
        "According to the same data, 12 bridges were washed away.\n\n"
        "Roads are closed.",
        "12", "civil protection agency", "data",
        id="the same data is the earlier speaker's"),
    pytest.param(
        "Who is fighting\n\n"
        "The forces in the valley, by the numbers:\n\n"
        "- Militia fighters in the hills: about 900 (regional defence office); the militia gives no figure\n"
        "- Police officers sent to the border: 250 (interior ministry)\n\n"
        "Talks resume next week.",
        "about 900", "regional defence office", "militia",
        id="a list line's bracketed source before a semicolon"),
]


def test_a_body_for_a_place_is_the_body(extractor):
    # the place a body is "for" is its remit, not its name; the name keeps its inner articles
    c = at(claims_of(extractor, "Storm at sea\n\nThe coastal prefecture for the Western Isles and the Outer Banks gave "
                                "this account in a statement:\n\n\"Crews pulled 30 people from the water.\"\n\n"
                                "Ferries are suspended."), "30")
    assert "prefecture" in c.source, c.source
    assert "prefecture for the western isles and the outer banks" in source_words(c), source_words(c)


@pytest.mark.parametrize("report,figure,words,not_words", REPORTS)
def test_source(extractor, report, figure, words, not_words):
    check_source(extractor, report, figure, words, not_words)


BRIEFING = (
    "Briefing on the floods\n\n"
    "MODERATOR: Welcome to the briefing.\n\n"
    "NORA BLAKE: We have counted 1,200 families without shelter in the delta.\n\n"
    "QUESTION (Reuters): The provincial government spoke of 900 families yesterday. "
    "Does your figure of 1,200 include them?\n\n"
    "NORA BLAKE: It does.")


def test_a_question_turn_passes_on_through_its_outlet(extractor):
    claims = [c for c in claims_of(extractor, BRIEFING) if c.start > BRIEFING.index("QUESTION")]
    spoke_of = at(claims, "900")
    assert "provincial government" in source_words(spoke_of)
    assert spoke_of.via == ["REUTERS"]


def test_a_question_figure_of_its_own_is_the_answering_speakers(extractor):
    claims = [c for c in claims_of(extractor, BRIEFING) if c.start > BRIEFING.index("QUESTION")]
    repeated = at(claims, "1,200")
    assert repeated.source == "nora-blake"
    assert repeated.via == ["REUTERS"]
