"""Source, round 14: which frame covers a figure in a sentence with no attribution of its own.

A paragraph that opens on a speaker's figures goes on in that speaker's voice (`_goes_on`). A live blog's
entry opens with its time stamp, which the parser may cut off as a sentence of its own ("09:10 The fire
service says ..."): the sentence after the stamp still opens the entry. And a paragraph whose opening
sentence closes on its speaker ("..., the ministry said.") lends that voice to the next sentence even when
it tells of past events ("Some 3,000 were housed in tents"); a speaker named earlier, or not at the end of
its sentence, does not reach past events, which are the publisher's to tell.

"Our correspondent", "our teams" outside a quote are people of the voice the text is told in: the
publisher's own (source null), or in a transcript the speaker whose turn it is; "our colleagues at" a named
body leave that body to speak.
"""
from __future__ import annotations

import pytest

from claimledger.models import Document
from claimledger.pipeline import Extractor


def _claims(extractor: Extractor, text: str) -> dict[str, dict]:
    doc = Document.from_dict({"id": "r14", "text": text, "published": "2025-03-01", "publisher": "Daily Ledger"})
    return {text[c.start:c.end]: c.to_dict() for c in extractor.extract(doc)}


@pytest.mark.parametrize("stamp", ["10:15", "10:15 CET", "10.15 -"])
def test_an_entry_opening_past_its_time_stamp_goes_on(extractor: Extractor, stamp: str) -> None:
    text = ("Live: floods in the north\n\n"
            f"{stamp} The river has burst its banks in four places, the regional water board says. "
            "Some 120 soldiers are helping to fill sandbags.\n\n"
            "11:00 Rain is expected to ease by the evening.")
    claim = _claims(extractor, text)["Some 120"]
    assert claim["source"] is not None and "water" in claim["source"].lower()


def test_past_events_go_on_in_the_voice_that_closes_the_opening_sentence(extractor: Extractor) -> None:
    text = ("Shelter report\n\n"
            "More than 9,000 people sought shelter in the capital last month, the housing agency said. "
            "Some 3,000 families were housed in school gyms at the end of the month.")
    claim = _claims(extractor, text)["Some 3,000"]
    assert claim["source"] is not None and "housing" in claim["source"].lower()


@pytest.mark.parametrize("text", [
    pytest.param("Shelter report\n\nThe housing agency said more than 9,000 people sought shelter in the capital "
                 "last month. Some 3,000 volunteers handed out blankets in the old market.",
                 id="the speaker opens its sentence"),
    pytest.param("Shelter report\n\nThe capital had a cold month. More than 9,000 people sought shelter there, the "
                 "housing agency said. Some 3,000 volunteers handed out blankets in the old market.",
                 id="the speaker's sentence does not open the paragraph"),
])
def test_past_events_stay_the_publishers_otherwise(extractor: Extractor, text: str) -> None:
    assert _claims(extractor, text)["Some 3,000"]["source"] is None


def test_the_publishers_own_staff_speak_in_its_voice(extractor: Extractor) -> None:
    text = ("Border queues grow\n\n"
            "Our correspondent at the crossing counted about 40 lorries waiting on Tuesday morning.")
    assert _claims(extractor, text)["about 40"]["source"] is None


def test_our_people_in_a_speakers_turn_are_the_speakers(extractor: Extractor) -> None:
    text = ("Transcript: the storm on the coast\n\n"
            "HOST: Thank you for joining us. What have you seen?\n\n"
            "MARLOWE: Our own crews have counted about 300 homes with their roofs torn off.")
    assert _claims(extractor, text)["about 300"]["source"] == "marlowe"


def test_our_colleagues_at_a_named_body_are_that_body(extractor: Extractor) -> None:
    text = ("Clinics under strain\n\n"
            "Our colleagues at the World Health Organization say at least 60 clinics have closed.")
    assert _claims(extractor, text)["at least 60"]["source"] == "WHO"
