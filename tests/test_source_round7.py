"""Whose voice, round 7: article-wide relays, publisher-added paragraphs, places that record.

Hand-written reports, one per rule:
- a lead in which the publisher reports what a wire says ("X, citing Y, reports that ...") puts the wire
  in front of every relayed figure, wherever the parse hangs the lead's other attributions and also
  when the lead itself holds no figure;
- a publisher id written with its article ("THE-HARBOUR-GAZETTE") is the outlet named "The Harbour
  Gazette" in the text;
- a paragraph the publisher adds, "Separately, ...", is not covered by the article's relay;
- a common noun of a kind of place ("the region", "the province") that "recorded" cases had them: it is
  no speaker.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor
from test_source_general import at  # the first round's report helper

PUBLISHED = "2025-05-14"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


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

