"""The Extractor as a whole: explanations on every field it sets, sentence breaks, documents too long to parse."""

from claimledger.errors import ExtractError
from claimledger.models import Document
from claimledger.pipeline import Extractor


def doc(text: str, doc_id: str = "t") -> Document:
    return Document(id=doc_id, text=text, published="2025-03-27", publisher="REUTERS")


def test_every_field_set_names_the_words_that_set_it(extractor: Extractor) -> None:
    text = "North Korea sent about 3,000 troops to Russia in January, Seoul's spy agency said."
    [claim] = extractor.extract(doc(text))
    assert (claim.actor, claim.recipient, claim.source) == ("PRK", "RUS", "KOR-NIS")
    assert claim.cues["actor"] and claim.cues["recipient"] and claim.cues["source"] and claim.cues["period"]
    assert claim.cues["item"] == "troops" and claim.cues["measure"] == "sent"


def test_a_single_line_break_does_not_end_a_sentence(extractor: Extractor) -> None:
    one_line = extractor.extract(doc("Pyongyang has sent 3,000 troops to Russia, officials said."))
    wrapped = extractor.extract(doc("Pyongyang has sent 3,000\ntroops to Russia, officials said."))
    fields = [(c.value, c.item, c.recipient, c.source) for c in one_line]
    expected = [(3000, "troop", "RUS", "anonymous")]
    assert fields == [(c.value, c.item, c.recipient, c.source) for c in wrapped] == expected


def test_a_blank_line_does(extractor: Extractor) -> None:
    claims = extractor.extract(doc("Russia fires 40 drones at Ukraine\n\nThe air force said 38 were shot down."))
    assert [c.evidence for c in claims] == ["Russia fires 40 drones at Ukraine",
                                            "The air force said 38 were shot down."]


def test_a_document_too_long_to_parse_at_once_is_read_in_pieces_and_the_batch_goes_on() -> None:
    small = Extractor()
    small.nlp.max_length = 200  # the parser's own limit, lowered so that the test stays small
    long_text = "Russia launched 40 drones at Ukraine overnight, the air force said. " * 5
    short = doc("Russia launched 40 drones at Ukraine overnight, the air force said.", "short")
    results = dict((d.id, r) for d, r in small.extract_many([doc(long_text, "long"), short]))
    assert not isinstance(results["long"], ExtractError)
    assert [c.value for c in results["long"]] == [40] * 5
    assert all(long_text[c.start:c.end] == c.text for c in results["long"])  # offsets into the whole text
    assert len({c.start for c in results["long"]}) == 5
    assert [c.value for c in results["short"]] == [40]
    assert [c.start for c in small.extract(doc(long_text, "long"))] == [c.start for c in results["long"]]
