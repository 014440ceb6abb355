"""Source, round 10: a speaker named by a common noun and where it is.

A speaker with no name of its own ("an official", "a nurse", "rights groups") is named by its whole phrase,
with the words that place it ("an official in the border province", "a nurse at the field hospital", "rights
groups based abroad"): the claim's `names` gives them all. The place in that phrase says where the speaker is,
not who speaks: it is not the source, also where the phrase is set off from its verb by an aside in commas
("An official in X province, where ..., told ...").
"""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_source_round9 import _claims


@pytest.mark.parametrize("text, figure, words", [
    pytest.param("Floods swept the north on Monday. A nurse at the field hospital told us 14 children were "
                 "treated overnight.", "14", "A nurse at the field hospital",
                 id="a person placed by 'at'"),
    pytest.param("Storms closed the harbour on Friday. Officials at the port of Ruvo said 9 containers were "
                 "lost overboard.", "9", "Officials at the port of Ruvo",
                 id="officials placed by 'at'"),
    pytest.param("The amnesty freed hundreds of inmates. Rights groups based in Norway say up to 300 of them were "
                 "detained again.", "up to 300", "Rights groups based in Norway",
                 id="groups placed by a participle"),
])
def test_a_common_noun_speaker_is_named_with_its_place(extractor: Extractor, text: str, figure: str,
                                                        words: str) -> None:
    claim = _claims(extractor, text)[figure]
    assert claim["source"] is not None
    assert claim["names"][claim["source"]] == words


def test_the_place_of_a_speaker_set_off_by_an_aside_is_not_the_source(extractor: Extractor) -> None:
    text = ("A landslide buried a mountain village on Sunday. A doctor at the clinic in Tarvo town, who asked "
            "not to be named, said it had treated about 40 people.")
    claim = _claims(extractor, text)["about 40"]
    assert claim["source"] != "tarvo"
    assert claim["names"][claim["source"]] == "A doctor at the clinic in Tarvo town"
