"""The fast paths of the parse give what the slow ones give.

The Extractor's pipeline applies the model's attribute rules (coarse POS,
morphology, lemma exceptions) by lookup (nlp/attribute_rules.py) instead of
spaCy's Matcher-driven `attribute_ruler`: every token must come out the same,
and so every claim.
"""
from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler

from claimledger import Document, Extractor
from claimledger.nlp.attribute_rules import FAST_RULES, FastAttributeRules, use_fast_attribute_rules
from claimledger.nlp.model import load_english

# Short reports of our own: figures, a dateline, quotes, a list, contractions and odd spacing.
REPORTS = [
    "Flood toll climbs to 31\n\nMANILA (Wire) - At least 31 people have died and some 4,000 families fled "
    "their homes after two days of rain, the disaster agency said on Tuesday. \"We ain't seen water like "
    "this,\" one farmer said. \"It's gonna take months.\"",
    "The ministry said its units had shot down 57 of 80 drones overnight. Her office gave no figure for "
    "the wounded, but hospitals reported treating dozens.\n\n- Deaths: 12\n- Missing:  3",
    "Police arrested 214 protesters in the capital on Saturday, a spokesperson told reporters; about "
    "$2 million of damage was done to shops, according to the city's mayor.",
]


@pytest.fixture(scope="module")
def extractors() -> tuple[Extractor, Extractor]:
    """The Extractor as it runs, and one whose pipeline runs spaCy's own attribute_ruler instead."""
    fast = Extractor()
    slow = Extractor()
    slow.nlp.enable_pipe("attribute_ruler")
    slow.nlp.disable_pipe(FAST_RULES)
    return fast, slow


def test_the_extractor_runs_the_fast_rules_in_place_of_the_ruler(extractors) -> None:
    fast, slow = extractors
    names = fast.nlp.pipe_names
    assert FAST_RULES in names and "attribute_ruler" not in names
    assert names.index(FAST_RULES) < names.index("lemmatizer")
    assert "attribute_ruler" in slow.nlp.pipe_names and FAST_RULES not in slow.nlp.pipe_names


@pytest.mark.parametrize("text", REPORTS)
def test_every_token_gets_the_same_attributes(extractors, text: str) -> None:
    fast, slow = extractors

    def attrs(nlp):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in nlp(text)]

    assert attrs(fast.nlp) == attrs(slow.nlp)


@pytest.mark.parametrize("k", range(len(REPORTS)))
def test_the_claims_are_the_same(extractors, k: int) -> None:
    fast, slow = extractors
    document = Document(id=f"speed-{k}", text=REPORTS[k], published="2025-03-04", publisher="WIRE")
    got = [c.to_dict() for c in fast.extract(document)]
    assert got, "each report holds a figure"
    assert got == [c.to_dict() for c in slow.extract(document)]


def test_a_rule_of_another_kind_leaves_the_ruler_in_place() -> None:
    nlp = load_english()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "hello", "OP": "+"}]], {"LEMMA": "greet"})  # an operator: not a plain token test
    use_fast_attribute_rules(nlp)
    assert "attribute_ruler" in nlp.pipe_names and FAST_RULES not in nlp.component_names


def test_later_rules_win_as_in_the_ruler() -> None:
    nlp = load_english()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "wibble"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "wibble"}]], {"LEMMA": "second"})
    fast = FastAttributeRules(ruler)
    doc = nlp("They wibble daily.")
    doc[1].lemma_ = ""
    assert fast(doc)[1].lemma_ == "second"
