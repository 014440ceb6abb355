"""Source attribution, third round: cues the grammar marks, whatever the verb or the topic.

Hand-written reports, one row per behaviour:

- a verb of communication (WordNet's class, beyond the hand list of reporting
  verbs) that takes a clause opened by "that" states the clause: "contends
  that", "boasted that";
- a report noun with a "that" clause holds the clause, and the name written
  before the noun made it: "a Reuters report that ...";
- of the names inside a report's phrase, the body the preposition governs
  speaks, not the possessor that qualifies it nor a nationality: "a count by
  the UN's migration agency", "a tally by the Spanish news agency EFE";
- a name written in capitals is not a pronoun: "the WHO said";
- a quote that opens a paragraph with no speech verb of its own is in the
  voice of the last speaker of the paragraph before;
- "he" is the last person named outside a quote, not one the quote names;
- inside a quote, a thing the speaker talks of is not a source ("this hall
  tells the story of ..."), but a body the speaker cites still is;
- a dateline that gives the day as well as the place still credits its wire
  for the whole article.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of, source_words  # the first round's report helpers

# (report, figure, words that must name the source, words that must not)
REPORTS = [
    pytest.param(
        "Pressure on the charity\n\n"
        "Senator Ray Molina contends that foreign donors gave millions of dollars to the charity.\n\n"
        "The charity denies it.",
        "millions", "ray molina", "",
        id="a verb of communication with a that-clause states it"),
    pytest.param(
        "Rally\n\n"
        "The mayor boasted that 20,000 people came to the rally on Saturday.\n\n"
        "Critics scoffed.",
        "20,000", "mayor", "",
        id="a verb the hand list lacks still has its speaker"),
    pytest.param(
        "Storm\n\n"
        "The mayor pointed to a Reuters report that 3,000 homes were lost in the storm.\n\n"
        "Repairs began.",
        "3,000", "reuters", "mayor",
        id="a report noun with a that-clause holds it; the name before the noun made it"),
    pytest.param(
        "Boats\n\n"
        "At least 31 people have died trying to make the crossing this year, according to a count by the "
        "UN's International Organization for Migration.\n\n"
        "Rescuers searched.",
        "At least 31", "international organization for migration", "",
        id="the body the preposition governs, not its possessor"),
    pytest.param(
        "Tally\n\n"
        "More than 12,000 people had reached the island by Friday, according to a tally by the Spanish news "
        "agency EFE.\n\n"
        "Arrivals rose.",
        "More than 12,000", "efe", "",
        id="a named body before a nationality"),
    pytest.param(
        "Outbreak\n\n"
        "\"The count is still rising,\" the WHO said in a statement on Sunday. \"At least 400 people have died "
        "in the region and 900 are in hospital.\"\n\n"
        "Clinics are full.",
        "900", "who", "",
        id="a name in capitals is not a relative pronoun"),
    pytest.param(
        "Camps\n\n"
        "The International Organization for Migration said in a statement on Monday that the camps in the "
        "north were full.\n\n"
        "\"Around 20,000 people now sleep in schools and churches. Another 15 sites opened in May.\"\n\n"
        "Aid is short.",
        "Around 20,000", "international organization for migration", "",
        id="a quote opening the next paragraph is the last speaker's"),
    pytest.param(
        "Party\n\n"
        "Ray Dunn went on: \"The left keeps saying Anna Kovac is honest.\"\n\n"
        "He added that 300 donors had left the party since June.\n\n"
        "The vote is in May.",
        "300", "ray dunn", "kovac",
        id="he is not a person the quote names"),
    pytest.param(
        "Museum\n\n"
        "\"This hall tells the story of the 3,000 miners who died here,\" Ms. Varga declared.\n\n"
        "Visitors wept.",
        "3,000", "varga", "hall",
        id="a thing a quote speaks of is not its source"),
    pytest.param(
        "Quake\n\n"
        "\"The Interior Ministry told us that 500 people died,\" Governor Lena Hart said on Monday.\n\n"
        "Rescue work continued.",
        "500", "interior ministry", "",
        id="a body a quote cites is still the source"),
]


def check_source(extractor, report: str, figure: str, words: str, not_words: str) -> None:
    """The figure's source and relays name `words` and, when given, not `not_words`."""
    said = source_words(at(claims_of(extractor, report), figure))
    assert words in said, said
    if not_words:
        assert not_words not in said, said


@pytest.mark.parametrize("report,figure,words,not_words", REPORTS)
def test_source(extractor, report, figure, words, not_words):
    check_source(extractor, report, figure, words, not_words)


def test_a_relative_clause_keeps_its_antecedent(extractor):
    """'that' in a relative clause is a pronoun, not a mark: the report the ministry published is the
    ministry's, and a verb whose relative subject is "which" still speaks for its antecedent."""
    claim = at(claims_of(extractor, "Floods\n\nThe coastguard, which has reported 48 deaths this month, sent "
                                    "two more boats.\n\nThe rain stopped."), "48")
    assert "coastguard" in source_words(claim)


@pytest.mark.parametrize("opening,wire", [
    ("LYON, France, March 3, 2024 (AFP) - ", "AFP"),
    ("March 3 (Reuters) - ", "REUTERS"),
])
def test_a_dated_dateline_credits_its_wire(extractor, opening, wire):
    """The wire in a dateline with a date is in `via` of every figure the article relays."""
    report = (f"Bus overturns\n\n{opening}At least 12 people were hurt when a bus overturned on a motorway, "
              "the fire service said.\n\nTraffic was halted.")
    claim = at(claims_of(extractor, report), "At least 12")
    assert claim.via == [wire] and "fire service" in source_words(claim)
