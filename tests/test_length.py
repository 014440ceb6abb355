"""Long documents (project issue 10): read in pieces past the parser's limit, with offsets into the whole
text and the document's head lent to every piece; work that grows linearly with the text."""
from __future__ import annotations

import pytest

import claimledger.extract.claims as claims_module
from claimledger.models import Document
from claimledger.pipeline import Extractor, pieces

COUNTRIES = [("Russia", "Ukraine"), ("Ukraine", "Russia"), ("Israel", "Lebanon"), ("Iran", "Israel")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def paragraph(k: int) -> str:
    """A paragraph that says everything about its figure itself: who, to whom, when, who says so."""
    actor, target = COUNTRIES[k % len(COUNTRIES)]
    return f"{actor} launched {k + 11} drones at {target} on {DAYS[k % 7]}, the United Nations said."


def doc(text: str, doc_id: str = "long") -> Document:
    return Document(id=doc_id, text=text, published="2025-03-27", publisher="REUTERS")


@pytest.fixture(scope="module")
def small() -> Extractor:
    """An extractor whose parser takes 600 characters at once: pieces of 300, context of 150."""
    ex = Extractor()
    ex.nlp.max_length = 600
    return ex


FIELDS = ("start", "end", "text", "value", "item", "measure", "category", "actor", "recipient", "source", "via",
          "period_start", "period_end", "evidence", "evidence_start")


def fields(claims, shift: int = 0) -> list[tuple]:
    return [tuple(getattr(c, f) + shift if f in ("start", "end", "evidence_start") else getattr(c, f)
                  for f in FIELDS) for c in claims]


# -- cutting ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, size, cuts", [
    ("aaaa\n\nbbbb\n\ncccc", 12, [0, 12]),           # after the last blank line that fits
    ("One two. Three four. Five six.", 12, [0, 9, 21]),  # no blank line: after sentences
    ("one two three four", 9, [0, 8, 14]),           # no sentence end: after spaces
    ("abcdefghij", 4, [0, 4, 8]),                    # nothing at all: anywhere
    ("short", 100, [0]),
])
def test_pieces_cut_where_the_text_allows_and_cover_it_exactly(text: str, size: int, cuts: list[int]) -> None:
    found = pieces(text, size, 0)
    assert [p.start for p in found] == cuts
    assert "".join(text[p.start:p.end] for p in found) == text
    assert all(p.end - p.start <= size for p in found)


def test_later_pieces_get_the_head_and_the_paragraphs_before_them() -> None:
    paras = [f"Paragraph {k} says {k + 10} people died." for k in range(12)]
    text = "\n\n".join(paras)
    found = pieces(text, 120, 60)
    assert len(found) > 3 and found[0].context == ""
    for p in found[1:]:
        assert p.context.startswith(paras[0] + "\n\n")  # the head
        assert text[:p.start].endswith(p.context[len(paras[0]) + 2:])  # then the text right before the piece
        assert len(p.context) <= 120


# -- long documents -----------------------------------------------------------------------------------

def test_a_document_over_the_limit_is_extracted_in_pieces_with_offsets_into_the_whole_text(small: Extractor) -> None:
    paras = [paragraph(k) for k in range(20)]
    text = "\n\n".join(paras)
    assert len(text) > 2 * small.nlp.max_length
    claims = small.extract(doc(text))
    assert [c.value for c in claims] == [k + 11 for k in range(20)]
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert text[c.evidence_start:c.evidence_start + len(c.evidence)] == c.evidence


def test_the_pieces_make_the_claims_the_paragraphs_make_one_by_one(small: Extractor) -> None:
    paras = [paragraph(k) for k in range(20)]
    text = "\n\n".join(paras)
    expected, at = [], 0
    for p in paras:
        expected += fields(small.extract(doc(p, "long")), shift=at)
        at += len(p) + 2
    assert fields(small.extract(doc(text))) == expected


def test_a_relay_named_at_the_top_covers_figures_in_later_pieces(small: Extractor) -> None:
    lead = "KYIV, Ukraine (AP) — Russia launched 40 drones at Ukraine overnight, Ukraine's air force said."
    later = [f"The air force said {k + 3} drones were shot down over the Kharkiv region." for k in range(12)]
    text = "\n\n".join([lead, *later])
    claims = small.extract(doc(text))
    assert len(pieces(text, 300, 150)) > 2
    assert [c.value for c in claims] == [40] + [k + 3 for k in range(12)]
    assert all(c.via == ["AP"] and c.source == "UKR-AF" for c in claims)
    assert claims[-1].start > 2 * 300  # in the third piece or later


def test_a_quote_running_on_into_the_next_piece_keeps_its_speaker(small: Extractor,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    said = ('"We shot down 40 drones overnight," the air force commander, Oleh Petrenko, said. '
            '"Our crews worked all night.')
    goes_on = '"They also jammed 12 more drones near the border."'  # the quote of the paragraph before, going on
    text = "\n\n".join(["KYIV, Ukraine (AP) — Russia launched 90 drones at Ukraine on Monday.",
                         *[f"Officials said {k + 3} houses were damaged in the Odesa region." for k in range(2)],
                         said, goes_on,
                         *[f"Officials said {k + 5} cars were damaged in the Lviv region." for k in range(6)]])
    assert text.index(goes_on) in [p.start for p in pieces(text, 300, 150)]  # a piece starts with it
    claims = {c.value: c for c in small.extract(doc(text))}
    assert (claims[12].source, claims[12].via) == ("oleh-petrenko", ["AP"])
    monkeypatch.setattr(small.nlp, "max_length", 1_000_000)
    whole = small.extract(doc(text))
    # who says so, for every figure, as when the whole text is parsed at once
    assert [(c.start, c.source, c.via) for c in whole] == [(c.start, c.source, c.via) for c in claims.values()]


def test_frames_of_a_long_document_point_into_the_whole_text(small: Extractor) -> None:
    lead = "KYIV, Ukraine (AP) — Russia launched 40 drones at Ukraine overnight, Ukraine's air force said."
    later = [f"The air force said {k + 3} drones were shot down over the Kharkiv region." for k in range(12)]
    text = "\n\n".join([lead, *later])
    frames = small.frames(doc(text))
    assert frames[0]["kind"] == "report" and frames[0]["end"] == len(text)
    speech = [f for f in frames if f["kind"] == "speech"]
    assert len(speech) == 13
    assert all("said" in text[f["start"]:f["end"]] for f in speech)


def test_a_long_document_in_a_batch_is_extracted_and_the_batch_goes_on(small: Extractor) -> None:
    text = "\n\n".join(paragraph(k) for k in range(20))
    results = dict((d.id, r) for d, r in small.extract_many([doc(text, "long"), doc(paragraph(3), "short")]))
    assert isinstance(results["long"], list) and len(results["long"]) == 20
    assert [c.value for c in results["short"]] == [14]


# -- linear work --------------------------------------------------------------------------------------

def test_work_per_claim_does_not_grow_with_the_document(small: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The names of a claim's entities were looked up over every mention of the document for every claim:
    four times the paragraphs made sixteen times the lookups. Now each claim looks up its own few."""
    calls = 0
    original = claims_module._proper_name

    def counted(*args):
        nonlocal calls
        calls += 1
        return original(*args)

    monkeypatch.setattr(claims_module, "_proper_name", counted)
    monkeypatch.setattr(small.nlp, "max_length", 1_000_000)  # one parse of the whole text, no pieces
    counts = []
    for n in (10, 40):
        calls = 0
        text = "\n\n".join(paragraph(k) for k in range(n))
        claims_module.extract_claims(small.nlp(text), doc(text), small.resources)
        counts.append(calls)
    assert counts[0] >= 10 and counts[1] <= 4 * counts[0] + 4
