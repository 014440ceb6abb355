"""Source attribution, fourth round: who a speaker's words stand for, read from the grammar.

Hand-written reports, one row per behaviour:

- a name written right after a common noun, with no comma, is the speaker the noun introduces: "the
  Dutch broadcaster NOS", "a count by the Spanish newspaper El Pais" (not the nationality plus the noun);
- a definite description that repeats the last words of a speaker named before is that speaker: "the
  returning officer" after "the Federal Returning Officer" (not the last person named);
- a noun owned by a pronoun speaks for whom the pronoun stands: "her team estimates" is the researcher's,
  "its staff said" the body's (a role keeps its own: "his spokesman" is someone else);
- an explainer's lead that names the maker of the figures it goes on to give, in a sentence with no
  figure of its own ("Here is what the figures released by X tell us"), lends X to the body's figures
  that no one else speaks for;
- a speaker whose quote or transcript turn names the body a figure comes from passes it on: the body is
  the source, the speaker in `via` ("Ruiz said. \"The Red Cross says 40 shelters are open.\""), but not
  a body the figure itself counts ("four agencies have reported cases");
- a question's label ("Q:") ends the turn of the one who answered before it.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of, source_words  # the first round's report helpers
from test_source_round3 import check_source  # the third round's check of one row

# (report, figure, words that must name the source, words that must not)
REPORTS = [
    pytest.param(
        "Fires\n\nThe Dutch broadcaster NOS said 12 people were hurt in the blaze.\n\nFiremen left at dawn.",
        "12", "nos", "nld",
        id="a name right after the noun that introduces it"),
    pytest.param(
        "Seizure\n\nA count by the Spanish newspaper El Pais put the haul at 30 tonnes.\n\nThe port reopened.",
        "30", "el pais", "esp",
        id="the maker a report's preposition governs, named after its noun"),
    pytest.param(
        "Count\n\nMore than 4,000 people have crossed the pass this year, according to a tally by the Swiss "
        "news agency SDA.\n\nSnow closed the road.",
        "More than 4,000", "sda", "che",
        id="a tally by a news agency named after the noun"),
    pytest.param(
        "Vote\n\nThe Federal Returning Officer said on Monday that turnout was high. Chancellor Ida "
        "Brandt conceded.\n\nAccording to the returning officer, 23 winners will not get a seat.\n\nTalks begin.",
        "23", "returning officer", "brandt",
        id="a description that repeats a speaker's name is that speaker"),
    pytest.param(
        "Arsenal\n\nThe count is rising, researcher Anna Berg said on Monday.\n\nHer team estimates that the "
        "country has about 320 warheads.\n\nTalks stalled.",
        "about 320", "anna berg", "team",
        id="her team speaks for her"),
    pytest.param(
        "Clinic\n\nThe charity Oxfam opened a clinic in the town. Its staff said 40 people were treated on the "
        "first day.\n\nMore are expected.",
        "40", "oxfam", "staff",
        id="its staff speak for the body"),
    pytest.param(
        "Storm season in numbers\n\nThe storms are over. Here is what the figures released by the Weather "
        "Bureau tell us.\n\nSome 40 storms hit the coast. About 300 homes were lost.\n\n"
        "\"We lost 12 boats,\" a fisherman, Tom Reed, said.",
        "About 300", "weather bureau", "",
        id="an explainer's lead names the maker of its figures"),
]


@pytest.mark.parametrize("report,figure,words,not_words", REPORTS)
def test_source(extractor, report, figure, words, not_words):
    check_source(extractor, report, figure, words, not_words)


def test_the_explainer_lead_does_not_take_a_quoted_speaker(extractor):
    """A figure with a speaker of its own keeps it: the lead lends its maker only to the others."""
    report = ("Storm season in numbers\n\nThe storms are over. Here is what the figures released by the Weather "
              "Bureau tell us.\n\nSome 40 storms hit the coast.\n\n\"We lost 12 boats,\" a fisherman, Tom Reed, "
              "said.")
    assert "tom reed" in source_words(at(claims_of(extractor, report), "12"))


def test_a_lead_with_figures_of_its_own_lends_nothing(extractor):
    """A lead sentence that gives figures is a statement, not an introduction of the data."""
    report = ("Storms\n\nThe figures released by the Weather Bureau show 40 storms this year.\n\n"
              "About 300 homes were lost in the town.\n\nRebuilding began.")
    assert "weather bureau" not in source_words(at(claims_of(extractor, report), "About 300"))


@pytest.mark.parametrize("report,figure,source,via", [
    pytest.param(
        "Flood\n\nGovernor Lena Hart spoke on Monday. \"The roads are gone,\" she said. \"The Red Cross says "
        "40 shelters are open. We have 300 trucks on the road.\"\n\nRain fell.",
        "40", "red cross", "lena-hart", id="a quote that names the body passes its figure on"),
    pytest.param(
        "Flood\n\nGovernor Lena Hart spoke on Monday. \"The roads are gone,\" she said. \"The Red Cross says "
        "40 shelters are open. We have 300 trucks on the road.\"\n\nRain fell.",
        "300", "lena hart", None, id="the speaker's own figure in the same quote is hers"),
    pytest.param(
        "Briefing\n\nHarbour chief Tom Wells spoke to reporters.\n\nWELLS: The coastguard told us that 12 "
        "people died.\n\nHOST: And the boats?\n\nWELLS: We sent 30 boats.",
        "12", "coastguard", "tom-wells", id="a transcript turn that names the body passes its figure on"),
])
def test_a_speaker_passes_on_a_body_s_figure(extractor, report, figure, source, via):
    claim = at(claims_of(extractor, report), figure)
    assert source in source_words(claim), source_words(claim)
    assert claim.via == ([via] if via else []), claim.via


def test_a_quote_counting_the_speakers_keeps_its_own_speaker(extractor):
    """"Four agencies have reported cases" counts the agencies: the quote's speaker states it."""
    report = ("Outbreak\n\nThe WHO said in a statement on Monday that cases keep rising.\n\n\"Four agencies, the "
              "Red Cross among them, have reported new cases this week.\"\n\nClinics are full.")
    claim = at(claims_of(extractor, report), "Four")
    assert "red cross" not in source_words(claim) and claim.via == [], (source_words(claim), claim.via)


def test_a_question_label_ends_the_answer(extractor):
    """"Q: Reports said the price was 900 million" is the question's, not the last answerer's."""
    report = ("Briefing\n\nRAY COLE: The deal is signed.\n\nQ: Sir, reports said the price was more than 900 "
              "million dollars. Is that right?\n\nRAY COLE: I will not discuss the price.")
    claim = at(claims_of(extractor, report), "more than 900 million")
    assert "ray-cole" not in [claim.source, *claim.via], (claim.source, claim.via)
