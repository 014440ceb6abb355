"""Source, fifteenth round: the words a claim's `names` gives for its source.

A speaker's phrase that a clause closes ends before the clause's first word:
"the trade councils that organised the walkout" is named "the trade councils",
not "the trade councils that"; a clause with no pronoun ends it at its verb. And a
one-word outlet after "The" ("The National") is not read in that word in lowercase.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of

# (report, figure, the words `names` must give for the source)
CASES = [
    pytest.param(
        "Strike ends at the mills\n\n"
        "Workers went back on Monday. More than 40 plants reopened this week, according to the trade "
        "councils that organised the walkout.\n\n"
        "Talks go on.",
        "More than 40", "the trade councils",
        id="a relative clause's pronoun is not part of the speaker's name"),
    pytest.param(
        "Floods in the valley\n\n"
        "At least 12 villages were cut off, said the relief committee which runs the shelters.\n\n"
        "Roads reopen next week.",
        "At least 12", "the relief committee",
        id="nor is 'which'"),
]


@pytest.mark.parametrize(("text", "figure", "words"), CASES)
def test_names_stop_before_a_relative_pronoun(extractor, text, figure, words):
    claim = at(claims_of(extractor, text), figure)
    assert claim.names.get(claim.source or "") == words


@pytest.mark.parametrize(("text", "outlet"), [
    ("Some 40,000 jobs went in March, the national statistics office said.", "THE-NATIONAL"),
    ("At least 30 people died, the independent monitor said.", "THE-INDEPENDENT"),
])
def test_a_lowercase_adjective_is_no_outlet(extractor, text, outlet):
    """An outlet named by one word after "The" ("The National", "The Independent") is not found in that word
    written in lowercase, where it is an adjective of some other body."""
    claim = claims_of(extractor, text)[0]
    assert claim.source != outlet
    assert outlet not in claim.names


def test_an_outlet_written_with_its_capital_is_still_found(extractor):
    claim = claims_of(extractor, "Some 40,000 jobs went in March, The National reported.")[0]
    assert claim.source == "THE-NATIONAL"
