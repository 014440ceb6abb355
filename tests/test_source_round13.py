"""Source, round 13: a body the report names with an acronym of its own speaks under that acronym.

A body no list knows, named with the acronym the text gives it ("the Office for Coastal Surveys in
Maravia (OCSM)", "Maravia's water authority, MWA,"), takes that acronym as its id (spec: the plain acronym,
or <ISO3>-<ACRONYM> for a state body); its long name stays the words that name it in the claim, so that
either the acronym or the long name can match how an annotator knows it. The acronym ends the name: the
words before it, however long, and a place inside them ("... in Eastern Provinces (CFRPEP)") are its long
name.
"""
from __future__ import annotations

import pytest

from claimledger.models import Document
from claimledger.pipeline import Extractor


def _claims(extractor: Extractor, text: str) -> dict[str, dict]:
    doc = Document.from_dict({"id": "r13", "text": text, "published": "2025-03-01", "publisher": "Daily Ledger"})
    return {text[c.start:c.end]: c.to_dict() for c in extractor.extract(doc)}


@pytest.mark.parametrize("text, figure, source", [
    pytest.param("Heavy rain fell for a week. The Center for Flood Research and Planning in Eastern Provinces "
                 "(CFRPEP) recorded 412 flooded homes by Friday.", "412", "CFRPEP",
                 id="a long name with a place and its acronym in brackets"),
    pytest.param("Voting ended at noon. Counting of the 2.1 million ballots began at once, the Central Vote "
                 "Board (CVB) said.", "2.1 million", "CVB",
                 id="an unknown body's acronym after its name"),
])
def test_a_body_takes_the_acronym_the_text_gives_it(extractor: Extractor, text: str, figure: str,
                                                      source: str) -> None:
    claim = _claims(extractor, text)[figure]
    assert claim["source"] == source
    assert source not in claim["names"][source]  # named by its long name


def test_a_state_body_takes_its_acronym_after_a_comma(extractor: Extractor) -> None:
    text = ("Demining went on along the border. Cambodia's demining office, CDO, recorded 73 casualties in "
            "2024, the lowest in years.")
    assert _claims(extractor, text)["73"]["source"] == "KHM-CDO"
