"""Attribution, fourth round: which of a report's speakers covers a figure.

Hand-written reports, one row per behaviour:

- a role and the name in apposition to it, in commas before the verb ("the
  harbour master of Brest, Yannick Le Gall, told ..."): the name speaks, not
  the place the role is of; a hyphen inside a name joins its parts;
- a government below the country's ("the Kerala government", "the Lyon
  region authorities") is the region's own body, not the country's, and "the
  regional government" after it is that body again;
- in a transcript, "Of those, ..." refers back only within the speaker's own
  turn: an answer's "about 30 of them" is the answering speaker's, whatever
  body the question named;
- a live blog's time-stamped heading on a line of its own is a sentence of its
  own: its words do not become the subject of the entry's first sentence, and
  a figure in it takes the attribution of that first sentence;
- "the county" after "Maui County" is that county's authority, not the body
  that spoke last.
"""
from __future__ import annotations

import pytest

from test_source_round3 import check_source  # the third round's check of one row

# (report, figure, words that must name the source, words that must not)
REPORTS = [
    pytest.param(
        "Ferry sinks\n\n"
        "The harbour master of Brest, Yannick Le Gall, told a local radio station on Monday that 14 sailors "
        "were still missing.\n\n"
        "Divers went down again.",
        "14", "yannick le gall", "brest",
        id="the name in apposition to a role speaks, not the role's place"),
    pytest.param(
        "Storm\n\n"
        "The mayor of Tarbes, Jean-Luc Ferrand, said on Friday that 230 homes had been flooded.\n\n"
        "The river fell.",
        "230", "jean luc ferrand", "tarbes",
        id="a hyphen inside a name joins it"),
    pytest.param(
        "Monsoon\n\n"
        "The Kerala government said on Sunday that 61 people had died in landslides.\n\n"
        "Roads are closed.",
        "61", "kerala government", "ind",
        id="a state's government is the state's own body"),
    pytest.param(
        "Fire\n\n"
        "On Tuesday the Lyon region authorities spoke of 12 injured. "
        "By Friday, the regional government said, 300 families had been rehoused.\n\n"
        "Schools reopen.",
        "300", "lyon region authorities", "fra",
        id="the regional government after a named one is that one again"),
    pytest.param(
        "Briefing on the floods\n\n"
        "QUESTION: The governor's office said today that 900 soldiers are deployed. How many are with you?\n\n"
        "MARA QUINN: About 30 of them are working with our crews in the valley.\n\n"
        "QUESTION: Thank you.",
        "About 30", "mara quinn", "office",
        id="an answer's part of a figure is the answering speaker's"),
    pytest.param(
        "Live: floods in the valley\n\n"
        "09:10 - Rescue boats deployed\n"
        "The Pell County sheriff's office said 40 boats were searching the river.\n\n"
        "10:45 - More than 120 evacuated\n"
        "The sheriff's office said more than 120 people had left their homes.",
        "40", "pell county", "rescue boats",
        id="a heading line is not the subject of the entry below it"),
    pytest.param(
        "Live: floods in the valley\n\n"
        "09:10 - Dam breached\n"
        "The river authority said the old dam gave way before dawn.\n\n"
        "10:45 - 120 evacuated\n"
        "The river authority said 120 people had left their homes.",
        "120", "river authority", "",
        id="a heading's figure takes the entry's attribution"),
    pytest.param(
        "Blaze: the count goes up\n\n"
        "Maui County said on Tuesday that 12 homes had burned. The Federal Emergency Management Agency "
        "expects that about 900 people will need beds.\n\n"
        "14:30 - Count goes up again\n"
        "The county's latest bulletin put the number of burned homes at 31, up from 12 on Tuesday.",
        "31", "maui county", "emergency",
        id="the county is the county named before"),
]


@pytest.mark.parametrize("report,figure,words,not_words", REPORTS)
def test_source(extractor, report, figure, words, not_words):
    check_source(extractor, report, figure, words, not_words)
