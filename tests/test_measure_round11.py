"""Measures, round 11: a clause with no tense of its own shares the time of the clause it hangs on. A
participle or an infinitive under a verb with "will" or "would" ("will run 20 sailings, using 35 relief
staff", "would need $5 million to feed 40,000 families") tells of the same future: what it counts is
planned (spec v1.3: any count announced as intended or expected). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

FRAMED = [
    # a participle under a future verb
    ("The ferry line will run 20 sailings on Sunday, using 35 relief staff from the mainland.", "35", "planned"),
    # an infinitive of purpose under a future verb
    ("The charity said it would need $5 million over the winter to feed 40,000 families in the valley.",
     "40,000", "planned"),
    # an infinitive under an infinitive under a future verb
    ("The old rifles will be collected to be melted down into four statues.", "four", "planned"),
]


@pytest.mark.parametrize("text,span,measure", FRAMED)
def test_a_clause_without_tense_shares_the_future_above(extractor: Extractor, text: str, span: str,
                                                        measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


TENSED = [
    # the clause above is past: the participle tells of the past
    ("The ferry line ran 20 sailings on Sunday, using 35 relief staff from the mainland.", "35", "other"),
    # a clause with a tense of its own keeps its own time ("until ... is paid")
    ("The charity needed $5 million last winter and fed 40,000 families in the valley.", "40,000", "other"),
    # a perfect participle tells of a time before the future it hangs on
    ("The convoy will leave the city on Friday, having delivered 300 tonnes of flour.", "300",
     "transferred"),
]


@pytest.mark.parametrize("text,span,measure", TENSED)
def test_a_past_frame_makes_no_plan(extractor: Extractor, text: str, span: str, measure: str) -> None:
    assert claim_at(extract(extractor, text), span).measure == measure


def test_money_in_a_future_frame_keeps_its_default(extractor: Extractor) -> None:
    # a total a future gift brings the aid to is still the aid announced, not money asked for
    text = ("The envoy said Norland would give a further $40 million, bringing its aid for the region to "
            "$300 million.")
    assert claim_at(extract(extractor, text), "$300 million").measure == "pledged"
