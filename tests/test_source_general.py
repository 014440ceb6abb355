"""Source attribution that follows the grammar and the layout, not one report's wording.

Hand-written reports, one row per behaviour:

- a speaker goes on through the later sentences of a paragraph that opens on
  their figures, and stops at the publisher's narration of events;
- a paragraph ending in a colon lends its subject to the quote or list after it,
  whatever its verb;
- the body the text names inside a larger one speaks, not the parent;
- a quote's closing speech verb belongs to the quote's own paragraph;
- "the statement said" is the statement of the body last named.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor

PUBLISHED = "2025-05-14"



def claims_of(extractor: Extractor, text: str) -> list[Claim]:
    title = text.split("\n\n", 1)[0]
    return extractor.extract(Document(id="s", text=text, published=PUBLISHED, publisher="DAILY-NEWS", title=title))


def at(claims: list[Claim], words: str) -> Claim:
    for c in claims:
        if c.text == words:
            return c
    raise AssertionError(f"no claim at {words!r}: {[c.text for c in claims]}")


def source_words(c: Claim) -> str:
    """The source as a reader names it: its words as written, with its id."""
    return f"{c.names.get(c.source or '', '')} {c.source or ''}".lower().replace("-", " ")


# (report, figure, words that must name the source; "" for the publisher's own voice)
REPORTS = [
    pytest.param(
        "Herders leave the dry plateau\n\n"
        "Figures released by the IOM showed that 84,000 herders had left the plateau by Friday. "
        "More than a third of them, 31,500, had reached the coast. "
        "About 9,000 had gone north.\n\n"
        "Rain is forecast next week.",
        "About 9,000", "iom", id="the speaker goes on through the paragraph"),
    pytest.param(
        "Bank counts its costs\n\n"
        "Northbank said its losses from the outage came to $40 million. "
        "It also lent $12 million to small traders whose payments stalled.\n\n"
        "Shares fell.",
        "$12 million", "northbank", id="a subject pronoun points back to the speaker"),
    pytest.param(
        "Relief operation widens\n\n"
        "The regional disaster agency said 3,100 homes had been flooded. "
        "The navy sent 400 sailors to help with the evacuation.\n\n"
        "Roads remain closed.",
        "400", "", id="the publisher's narration in the simple past is nobody's"),
    pytest.param(
        "Mayor sets out a plan\n\n"
        "The mayor, Lena Voss, said she wanted a new bridge by spring. "
        "A second crossing would carry 20,000 cars a day.\n\n"
        "Work has not begun.",
        "20,000", "", id="a paragraph that opens without a figure lends no voice"),
    pytest.param(
        "Agency details the raids\n\n"
        "The Coastal Crime Agency announced the end of a two-year inquiry on Tuesday.\n\n"
        "In a long statement, the agency set out what its officers had done:\n\n"
        "\"Our teams searched 18 addresses in three cities and seized 7 vehicles.\"\n\n"
        "The raids drew little notice.",
        "18", "agency", id="a colon paragraph lends its subject whatever the verb"),
    pytest.param(
        "Peacekeeping in numbers\n\n"
        "Figures published by the UN Department of Field Support showed about 4,300 civilian staff "
        "serving in nine missions.",
        "about 4,300", "department of field support", id="the body named inside the UN speaks"),
    pytest.param(
        "Refugee agency gives new totals\n\n"
        "\"More than 60,000 people have crossed this week,\" the agency said.\n\n"
        "\"Border towns have taken in 22,000 of them. Shelters are full.\"\n\n"
        "Its director, Amal Haddad, warned that the numbers would rise.",
        "22,000", "agency", id="a speech verb in the next paragraph does not close a quote"),
]


@pytest.mark.parametrize("text, figure, speaker", REPORTS)
def test_source_follows_the_structure(extractor, text, figure, speaker):
    c = at(claims_of(extractor, text), figure)
    if speaker:
        assert speaker in source_words(c), (
            f"{figure!r}: source {c.source!r} named {c.names.get(c.source or '')!r}, cue {c.cues.get('source')!r}")
    else:
        assert c.source is None, f"{figure!r}: source {c.source!r}, cue {c.cues.get('source')!r}"


def test_the_statement_is_the_last_named_body(extractor):
    text = ("Transport office orders checks\n\n"
            "In a notice issued on Monday, the Civil Aviation Office said:\n\n"
            "\"Inspectors will examine 64 aircraft this week. The first 12 checks are complete,\" "
            "the statement said.")
    c = at(claims_of(extractor, text), "64")
    assert "civil aviation office" in source_words(c), (c.source, c.names)
