"""What claim extraction keeps so as not to do the same work twice (issue 10) changes none of its answers.

Per document: each token's sentence (nlp/entities.py `sentence_reader`, lent to spaCy's `Token.sent` while the
document is read), a sentence's times and datelines (in `doc.user_data`). Per gazetteer: the candidates of
each text asked for. And the quote marks, currency signs and names found in one pass where they were
tried one by one. No timings here: bench/bench_speed.py measures them."""
from __future__ import annotations

import re

import pytest

from claimledger.extract.attribution import _standing_at
from claimledger.extract.claims import extract_claims
from claimledger.models import Document
from claimledger.nlp.entities import sentence_reader
from claimledger.nlp.quantities import _CURRENCY_SIGN_RE, CURRENCY_SIGNS, _currency_of

TEXT = ("KYIV, March 3 (Reuters) - Russia launched 40 drones overnight, the Ukrainian air force said on Monday.\n\n"
        "\"We shot down 35 of them,\" it said. Since January, 1,200 people have fled the region, the UN said.\n\n"
        "The ministry said 12 people were killed in the attack on Sunday.")
OTHER = "Police in Oslo said on Friday that 7 people were arrested. The army said 300 soldiers had left."


def claims(extractor, text: str, doc=None) -> list[dict]:
    doc = doc if doc is not None else extractor.nlp(text)
    document = Document(id="t-speed", text=text, published="2026-03-03")
    return [c.to_dict() for c in extract_claims(doc, document, extractor.resources)]


def test_the_same_document_gives_the_same_claims_twice_and_on_the_same_parse(extractor):
    doc = extractor.nlp(TEXT)
    first = claims(extractor, TEXT, doc)
    assert first
    assert claims(extractor, TEXT, doc) == first  # what the first reading kept in doc.user_data
    assert claims(extractor, TEXT) == first  # a fresh parse


def test_what_one_document_keeps_does_not_reach_another(extractor):
    alone = claims(extractor, OTHER)
    claims(extractor, TEXT)
    assert claims(extractor, OTHER) == alone


def test_the_doc_is_left_with_spacy_s_own_sentences(extractor):
    doc = extractor.nlp(TEXT)
    claims(extractor, TEXT, doc)
    assert "sent" not in doc.user_token_hooks


@pytest.mark.parametrize("text", [TEXT, OTHER, "One.", "- Deaths: 14\n- Injured: 30\n\nThe toll rose to 44."])
def test_the_sentence_reader_answers_as_spacy_does(extractor, text):
    doc = extractor.nlp(text)
    reader = sentence_reader(doc)
    for tok in doc:
        mine, spacys = reader(tok), tok.sent
        assert (mine.start, mine.end) == (spacys.start, spacys.end)


def test_the_gazetteer_keeps_its_answers_and_hands_out_copies(extractor):
    gaz = extractor.resources.gazetteer
    first = gaz.candidates("the Ukrainian air force")
    first.append(None)  # a caller's change to its list is its own
    assert gaz.candidates("the Ukrainian air force") == gaz._candidates("the Ukrainian air force")
    assert gaz.lookup("Russia's Defence Ministry") == gaz._candidates("Russia's Defence Ministry")[0]


@pytest.mark.parametrize("text, words, at", [
    ("the UN said", "UN", 4),
    ("FUNDS and the UN", "UN", 14),  # not inside a word
    ("U.S. officials", "U.S.", 0),
    ("UN_x UN", "UN", 5),  # "_" is a word character, as for \w
    ("ÉUN UN", "UN", 4),
    ("nothing here", "UN", -1),
])
def test_a_name_is_found_where_the_word_bounded_pattern_finds_it(text, words, at):
    assert _standing_at(text, words) == at
    m = re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text)
    assert (m.start() if m else -1) == at


@pytest.mark.parametrize("amount", ["US$5", "U.S. $5", "$US 5", "A$3", "$A3", "HK$1,200", "€40", "EUR 40", "eur 40",
                                    "£2", "R$9", "5", "$ 7", "Can$2"])
def test_the_currency_signs_in_one_pattern_answer_as_tried_in_order(amount):
    expected = (None, None, amount)
    for p, word, code in CURRENCY_SIGNS:
        m = re.compile(rf"(?:{p})[ \u00a0]?", re.I).match(amount)
        if m:
            expected = (word, code, amount[m.end():])
            break
    assert _currency_of(amount) == expected
    assert _CURRENCY_SIGN_RE.groups == len(CURRENCY_SIGNS)  # one group a sign: lastindex names it
