"""Whose voice, round 8: the headings of a digest or a live blog.

Hand-written reports, one per rule:
- a digest's section heading ("MARSHVILLE: 40 HOMES FLOODED" over the section's text, "Lakeside: road
  shut" over it) is no speaker's turn of a transcript, whatever its first word; nor is a title's "Storms:";
- a figure in a heading line with no attribution of its own takes the attribution of the same figure in
  the text it heads, else that of the first sentence below it, as a title's figure takes the body's;
- a body's name goes on past "and" inside a phrase of its name ("the Office on Ports and Harbours").
"""
from __future__ import annotations

import pytest

from claimledger.extract.frames import heading_line, heading_spans
from claimledger.pipeline import Extractor
from test_source_general import at, claims_of  # the first round's report helpers


@pytest.mark.parametrize("text, start, heading", [
    ("MARSHVILLE: 40 HOMES FLOODED\nThe fire service said 40 homes were flooded.", 0, True),
    ("Lakeside: road shut for a week\nPolice said the road would stay shut.", 0, True),
    ("MORENO: We counted 40 homes.\nHOST: Thank you.", 0, False),  # a transcript's turns end as sentences do
    ("Labour 410\nConservatives 131\nThe poll closed at ten.", 0, False),  # a row, over another row
    ("- Dead: 12\nThe toll may rise.", 0, False),  # a list item
])
def test_heading_line(text: str, start: int, heading: bool) -> None:
    assert heading_line(text, start) is heading


def test_heading_spans_reach_over_a_blank_line() -> None:
    text = "Title\n\n09:40 - Seven miners rescued\n\n\"Seven miners are out,\" the operator said."
    assert heading_spans(text, len("Title")) == [(7, 35)]


def test_digest_headings_are_not_transcript_labels(extractor: Extractor) -> None:
    text = ("Storms: the week in brief\n\n"
            "MARSHVILLE: 40 HOMES FLOODED\n"
            "The Red Cross said on Monday that 40 homes had been flooded overnight.\n\n"
            "LAKESIDE: BRIDGE CLOSED\n"
            "Police said 12 drivers had been rescued from the river road. About 30 cars were stuck.")
    claims = claims_of(extractor, text)
    for c in claims:
        assert c.source not in ("marshville", "lakeside", "storms")
    body = [c for c in claims if c.text == "40"][-1]
    assert "red cross" in ((body.names or {}).get(body.source) or body.source).lower().replace("-", " ")


def test_heading_figure_takes_the_attribution_of_the_text_it_heads(extractor: Extractor) -> None:
    text = ("Mine collapse: live\n\n"
            "09:40 - Seven miners brought up\n\n"
            "\"Seven miners have been brought to the surface,\" the mine operator Deepcore said in a statement.\n\n"
            "11:15 - Hospital busy\n\n"
            "The regional hospital said it was treating 23 people from the town.")
    claims = claims_of(extractor, text)
    heading, body = [c for c in claims if c.text.lower() == "seven"]
    assert body.source is not None
    assert heading.source == body.source


def test_a_name_goes_on_past_and_inside_its_phrase(extractor: Extractor) -> None:
    text = ("Port traffic falls\n\n"
            "The Coastal Office on Ports and Harbours estimated that 2,300 ships called at the port last year.")
    c = at(claims_of(extractor, text), "2,300")
    assert (c.names or {}).get(c.source, "").endswith("Ports and Harbours")
