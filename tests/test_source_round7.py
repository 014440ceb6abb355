"""Whose voice, round 7: article-wide relays, publisher-added paragraphs, places that record.

Hand-written reports, one per rule:
- a lead in which the publisher reports what a wire says ("X, citing Y, reports that ...") puts the wire
  in front of every relayed figure, wherever the parse hangs the lead's other attributions and also
  when the lead itself holds no figure;
- a publisher id written with its article ("THE-HARBOUR-GAZETTE") is the outlet named "The Harbour
  Gazette" in the text;
- a paragraph the publisher adds, "Separately, ...", is not covered by the article's relay;
- a common noun of a kind of place ("the region", "the province") that "recorded" cases had them: it is
  no speaker;
- a body a person heads, named only through that person ("his ministry", "the mayor's office", "Ortiz's
  charity"), speaks for itself, under those words: not the person;
- a speaker's name does not reach back across a line break (a heading the parser ran into the sentence
  below it) nor hold the time that opens a live blog's entry.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor
from test_source_general import at  # the first round's report helper

PUBLISHED = "2025-05-14"



def claims_of(extractor: Extractor, text: str, publisher: str) -> list[Claim]:
    """The claims of a report its `publisher` gives: whose relay a lead names depends on who publishes it."""
    title = text.split("\n\n", 1)[0]
    return extractor.extract(Document(id="r7", text=text, published=PUBLISHED, publisher=publisher, title=title))


def test_lead_relay_found_when_an_according_frame_comes_first(extractor: Extractor) -> None:
    text = ("Lithuania to buy more armoured vehicles\n\n"
            "Harbour Gazette, citing Reuters, reports that Lithuania will buy another 40 armoured vehicles "
            "this year, according to two Lithuanian defence officials.\n\n"
            "The officials said that the first 12 of the vehicles had already been inspected.")
    claims = claims_of(extractor, text, "HARBOUR-GAZETTE")
    first = at(claims, "40")
    assert first.via == ["REUTERS"]
    assert first.source != "REUTERS"
    assert at(claims, "12").via == ["REUTERS"]


def test_lead_without_a_figure_still_credits_the_wire(extractor: Extractor) -> None:
    text = ("Fishing fleet stays in port\n\n"
            "The Harbour Gazette, citing AFP, reports that fishermen kept their boats in port for a third day.\n\n"
            "The coastguard said 35 boats had been turned back at the harbour mouth on Tuesday.")
    claims = claims_of(extractor, text, "THE-HARBOUR-GAZETTE")
    boats = at(claims, "35")
    assert boats.via == ["AFP"]
    assert boats.source not in (None, "AFP")


def test_separately_paragraph_is_not_relayed(extractor: Extractor) -> None:
    text = ("Lithuania to buy more armoured vehicles\n\n"
            "Harbour Gazette, citing Reuters, reports that Lithuania will buy another 40 armoured vehicles "
            "this year, according to two Lithuanian defence officials.\n\n"
            "Separately, Latvia's defence ministry said on Monday it had received 18 air defence launchers.")
    claims = claims_of(extractor, text, "HARBOUR-GAZETTE")
    assert at(claims, "40").via == ["REUTERS"]
    assert at(claims, "18").via == []


def test_region_that_recorded_cases_is_no_speaker(extractor: Extractor) -> None:
    text = ("Mumps cases climb\n\n"
            "The regional health bureau warned on Tuesday that mumps was spreading fast among students. "
            "The region recorded 4,300 cases in April, it said.")
    claims = claims_of(extractor, text, "DAILY-NEWS")
    assert at(claims, "4,300").source != "region"



@pytest.mark.parametrize("text, figure, words", [
    pytest.param("Relief fund grows\n\nThe mayor of Tarvel, Ines Ortiz, met donors on Monday. Her office said "
                 "the fund had collected 3,400 pledges.", "3,400", "her office", id="her office"),
    pytest.param("Shelter places\n\nCharity chief Tom Brandt spoke in London. Brandt's charity estimates that "
                 "up to 8,000 people need beds this winter.", "up to 8,000", "brandt's charity",
                 id="a named person's charity"),
])
def test_a_persons_body_speaks_for_itself(extractor: Extractor, text: str, figure: str, words: str) -> None:
    claim = at(claims_of(extractor, text, "DAILY-NEWS"), figure)
    assert claim.source is not None
    assert claim.names.get(claim.source, "").lower() == words
    assert claim.source not in ("ines-ortiz", "tom-brandt")


def test_speaker_name_stops_at_a_line_break(extractor: Extractor) -> None:
    text = ("Port news\n\nVALDORIA: RECORD MONTH\n"
            "Valdoria's customs agency says it has seized 41 tonnes of cocaine so far this year.")
    claim = at(claims_of(extractor, text, "DAILY-NEWS"), "41")
    assert "record" not in (claim.source or "").lower()
    assert "RECORD" not in claim.names.get(claim.source, "")


def test_speaker_name_leaves_out_a_live_blog_time(extractor: Extractor) -> None:
    text = ("Live: storm\n\n09:10 - Heavy rain overnight.\n\n"
            "14:20 - The Coastal Ferry Operators Guild told reporters that 2,300 passengers were stranded.")
    claim = at(claims_of(extractor, text, "DAILY-NEWS"), "2,300")
    assert claim.source is not None and not claim.source[:1].isdigit()
    assert "14" not in claim.names.get(claim.source, "")
