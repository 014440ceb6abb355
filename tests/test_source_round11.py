"""Source, round 11: a thing of the story inside a speaker's words is no speaker.

A speech frame that stands in another speaker's reported clause ("The governor said the port had put ...") and
whose subject is no one the report names, only a place, a thing or an event ("the port", "the closure", "the
new centre"), does not state the figure: the speaker of the outer clause does. A body the report
names, and a noun for people or for a body ("investigators", "the agency"), keep their frame: the speaker
passes their figure on.
"""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_source_round9 import _claims


@pytest.mark.parametrize("text, figure, speaker", [
    pytest.param("Heavy rain flooded the valley overnight. Governor Lina Cordell said the port had put 35 "
                 "field tents at the rail depot.", "35", "lina-cordell",
                 id="a place inside a person's words"),
    pytest.param("Cholera spread through the camps this week. Health minister Ana Ruiz said the new centre in "
                 "Tarvo had admitted 52 patients since it opened.", "52", "ana-ruiz",
                 id="a building inside a person's words"),
    pytest.param("The canal stayed shut for a third day. The Freight Shippers Council said the closure had put "
                 "up to 12,000 jobs at risk in the region.", "up to 12,000", "freight-shippers-council",
                 id="an event inside a body's words"),
])
def test_a_thing_in_a_speakers_clause_is_not_the_source(extractor: Extractor, text: str, figure: str,
                                                        speaker: str) -> None:
    claim = _claims(extractor, text)[figure]
    assert claim["source"] == speaker, claim


def test_people_in_a_speakers_clause_keep_their_frame(extractor: Extractor) -> None:
    text = ("Police raided a warehouse in the port on Monday. Investigators believe the gang moved about 300 "
            "cars abroad, the agency said.")
    claim = _claims(extractor, text)["about 300"]
    assert claim["source"] != "agency" or claim["via"] == [], claim
    assert (claim["names"] or {}).get(claim["source"]) == "Investigators", claim
