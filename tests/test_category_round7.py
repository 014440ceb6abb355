"""Categories, round 7: an amount in a currency the quantity reader does not know is money when WordNet
files its unit under monetary units, whatever its plural ("quetzales", a lower-case word the tagger took
for a name); a counted noun with no category of its own takes the one its modifiers name (a compound
WordNet knows, an adjective of a kind of thing); a model counted by its name takes the category of the
noun the report names it with. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract

CURRENCIES = [
    # a currency word after the figure that the quantity reader has no sign or word for
    ("The relatives paid 80,000 gourdes to get him back.", "80,000", "gourde"),
    ("The mayor pledged 40,000 quetzales to each household.", "40,000", "quetzal"),
    ("Bread now sells for up to 9,000 kwacha a loaf in the north.", "up to 9,000", "kwacha"),
]


@pytest.mark.parametrize("text,span,item", CURRENCIES)
def test_an_unknown_currency_is_money(extractor: Extractor, text: str, span: str, item: str) -> None:
    c = claim_at(extract(extractor, text), span)
    assert (c.category, c.item) == ("money", item)


def test_a_plural_in_es_keeps_the_noun_its_lemma_names(extractor: Extractor) -> None:
    # "miles" is the plural of "mile", not of a currency's subunit "mil": a distance, no claim
    assert not [c for c in extract(extractor, "The boat sank about 30 nautical miles off the coast.")
                if c.text.endswith("30")]


PHRASES = [
    # the compound WordNet names gives a head with no category of its own its category
    ("The brigade sent 40 fire engines to the valley.", "40", "vehicle"),
    ("Police defused four explosive devices near the bridge.", "four", "munition"),
    # an adjective says what the thing is
    ("Sappers removed 2,300 explosive items from the fields last year.", "2,300", "munition"),
    ("The contractor will bring 9 armoured clearance machines.", "9", "vehicle"),
]


@pytest.mark.parametrize("text,span,category", PHRASES)
def test_a_classless_head_takes_the_category_its_modifiers_name(extractor: Extractor, text: str, span: str,
                                                                 category: str) -> None:
    assert claim_at(extract(extractor, text), span).category == category


def test_a_noun_before_the_head_names_what_it_serves_not_what_it_is(extractor: Extractor) -> None:
    # silos hold missiles, they are none
    assert claim_at(extract(extractor, "The survey found 120 new missile silos in the desert."),
                    "120").category == "other"


MODELS = [
    # a model counted by its name takes the category of the noun the same name modifies elsewhere
    ("The air force flies Kestrel-7 fighter jets. It took delivery of 12 Kestrel-7s in March.", "12", "aircraft"),
    ("The army fields Warthog-2 armoured vehicles. Another 40 Warthog-2s were delivered in May.", "40", "vehicle"),
    # or of the noun it shares with the names joined to it
    ("The militia said it had fired dozens of Burkan-2 and Burkan-3 missiles at the port.", "dozens", "munition"),
]


@pytest.mark.parametrize("text,span,category", MODELS)
def test_a_model_counted_by_its_name_takes_the_category_of_its_kind(extractor: Extractor, text: str, span: str,
                                                                     category: str) -> None:
    assert claim_at(extract(extractor, text), span).category == category
