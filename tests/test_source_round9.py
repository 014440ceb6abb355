"""Source, round 9: the claim's `names` gives the words that name the source where it states the figure.

The scorer accepts a source by the words the claim's `names` map gives for its id (spec v1.3). A speaker
the report first names one way and then quotes under another ("Kenya" and then "Amnesty International
Kenya said ..."; "Poland's defence ministry" and then "the ministry said ...") is named in each claim by
the words of the frame that states that claim's figure: its whole noun phrase, a name's own words or a
description ("Interior Ministry officials told reporters ..."). A report or a document that holds the
figures ("the key figures below are from the agency") names what is said, not who says it, and leaves the
name as it was. A name is found in the text as a word, not inside another ("UN" in "FUNDS").
"""
from __future__ import annotations

import pytest

from claimledger.models import Document
from claimledger.pipeline import Extractor


def _claims(extractor: Extractor, text: str, title: str = "") -> dict[str, dict]:
    body = f"{title}\n\n{text}" if title else text
    doc = Document.from_dict({"id": "r9", "text": body, "published": "2025-03-01", "publisher": "Daily Ledger",
                              "title": title or None})
    return {body[c.start:c.end]: c.to_dict() for c in extractor.extract(doc)}


@pytest.mark.parametrize("text, figure, words", [
    pytest.param("Protests spread across Kenya on Tuesday. Amnesty International Kenya said police had shot at "
                 "least 12 protesters.", "at least 12", "Amnesty International Kenya",
                 id="a name that holds a country's, where it speaks"),
    pytest.param("Poland's defence ministry said 60 tanks would be sent by December. The ministry said a further "
                 "14 were ready to ship.", "14", "The ministry",
                 id="a body named again by a description"),
    pytest.param("Officials in Nairobi spoke on Tuesday. Interior Ministry officials told reporters that about "
                 "1,200 more police officers had been deployed.", "about 1,200", "Interior Ministry officials",
                 id="the officials of a body"),
    pytest.param("PORTS: FUNDS RUN SHORT FOR SCANNERS\nThe UN Office on Drugs and Crime estimated that cocaine "
                 "production reached 2,700 tonnes in 2022.", "2,700", "The UN Office on Drugs and Crime",
                 id="a name found as a word, not inside another"),
])
def test_the_source_is_named_where_it_states_the_figure(extractor: Extractor, text: str, figure: str,
                                                         words: str) -> None:
    claim = _claims(extractor, text)[figure]
    assert claim["source"] is not None
    assert claim["names"][claim["source"]] == words


def test_a_report_of_figures_does_not_name_their_source(extractor: Extractor) -> None:
    text = ("The Asylum Agency of the Union (AAU) published its annual report on Tuesday. The key figures below "
            "are all from the agency unless stated otherwise:\n\n- Applications: about 1 million, down from "
            "1.2 million.\n- Returns: about 110,000 people were returned.")
    claim = _claims(extractor, text)["about 110,000"]
    assert claim["names"][claim["source"]] == "The Asylum Agency of the Union"
