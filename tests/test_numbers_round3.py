"""Figures measured on news sentences of every topic (round 3): scale suffixes, a count before a measured
figure, ratios and fractions in words, the pronoun "one", numbers inside names, street addresses, seasons,
far-future years, figures grown into words, the scale shared across a change, and plural nouns a
headline-verb or a name rule used to drop. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.models import Document
from claimledger.nlp.quantities import find_quantities
from claimledger.pipeline import Extractor


def claims_of(extractor: Extractor, text: str):
    return extractor.extract(Document(id="t", text=text, published="2024-05-02", publisher="X"))


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


@pytest.mark.parametrize("sentence, span, value", [
    # "mil" written onto the figure, as Malaysian and Singaporean papers do
    ("The syndicate moved RM4.2mil through mule accounts.", "RM4.2mil", 4_200_000),
    ("A court froze S$2mil of the couple's assets.", "S$2mil", 2_000_000),
    # a count before a figure with a unit: the unit measures the thing counted, not the count
    ("The plant will fill three million 500ml cans of water.", "three million", 3_000_000),
    ("The brewer shipped 1.4 million 20 litre kegs last year.", "1.4 million", 1_400_000),
])
def test_figure_and_value(sentence, span, value):
    found = {q.text: q.value for q in find_quantities(sentence)}
    assert found.get(span) == value, found


@pytest.mark.parametrize("sentence, span", [
    # measured, not counted
    ("The cans hold 330ml each.", "330"),
    ("Hearing fades above 16kHz in older adults.", "16"),
    ("The tablet carries a 7,000 mAh battery.", "7,000"),
    # ratios and fractions in words
    ("Two out of five tenants say rent is too high.", "Two"),
    ("Two out of five tenants say rent is too high.", "five"),
    ("One in four pupils walks to school.", "One"),
    ("One fifth of the forest burned.", "One"),
    # "one" as a pronoun
    ("The firm must sign ten clients for each one it loses.", "one"),
    ("Pick any password but never reuse the same one twice.", "one"),
    # seasons, eras, far-future years
    ("The 2019-20 campaign ended early.", "20"),
    ("The fort was held between A.D. 900 and 1140 by the same family.", "1140"),
    ("Coastal towns could be under water by 2150, the study warns.", "2150"),
    # a figure grown into a word, a negative sign, a postal code
    ("The 76ers signed a guard on Monday.", "76"),
    ("Mills in the 30318 ZIP code closed.", "30318"),
    ("Labs ran out of COVID -19 swabs.", "19"),
    # street addresses, the street word first or last, ordinal street names
    ("Her office at 7 W 44th St was searched.", "7"),
    ("The villa at 41 Rue Lepic was sold.", "41"),
    ("The farmhouse at 18 Old Mill Way burned down.", "18"),
])
def test_not_a_count(sentence, span):
    start = sentence.index(span)
    assert [q.text for q in find_quantities(sentence) if q.start < start + len(span) and start < q.end] == []


@pytest.mark.parametrize("sentence, first, second", [
    # a change: the figure before it shares the scale written once after the figure after it
    ("Subscribers grew from 1.2 to 1.8 million in a year.", 1_200_000, 1_800_000),
    ("Its debt is forecast to fall from $4 to $3.5 billion.", 4e9, 3.5e9),
    # ... when the two are of one size
    ("Visitors climbed from 800 to 3 million after the bridge opened.", 800, 3_000_000),
])
def test_a_change_is_two_figures_with_one_scale(sentence, first, second):
    assert [q.value for q in find_quantities(sentence)] == [first, second]


def test_a_change_in_the_infinitive_is_two_figures():
    qs = find_quantities("Fares are set to rise from 40 to 55 dollars.")
    assert [(q.value, q.low) for q in qs] == [(40, None), (55, None)]


@pytest.mark.parametrize("sentence, span", [
    # a number inside a product or project name: a singular noun, capitalised words beside the figure
    ("The carrier's first 380 Voyager was grounded after a fire.", "380"),
    ("Delivery of the new 900 Cruiser was delayed by fires.", "900"),
    ("Volunteers joined the Comet 7 sky survey project.", "7"),
    ("Reviewers praised the Phone 14 Ultra for its camera.", "14"),
    ("Its new HPV 3 vaccine schedule looks promising.", "3"),
])
def test_a_number_inside_a_name_is_not_a_claim(extractor, sentence, span):
    start = sentence.index(span)
    hits = [c.text for c in claims_of(extractor, sentence) if c.start < start + len(span) and start < c.end]
    assert hits == []


@pytest.mark.parametrize("sentence, span, item", [
    # plurals and invariant plurals stay counts
    ("The army flew in 20 aircraft and 300 personnel.", "20", "aircraft"),
    ("The ministry said 140 Russian servicemen were returned.", "140", "serviceman"),
    ("Germany pledged 14 HIMARS to the coalition.", "14", "himars"),
    ("Paris will send 12 Caesar howitzers next month.", "12", "howitzer"),
    # a title-case headline is no name
    ("Kyiv Says 45 Drone Attacks Repelled Overnight", "45", "attack"),
    # a place labelling a row is no model name: the collective noun after the figure is counted
    ("Trainers by country: Poland 300 staff, Lithuania 120 staff.", "300", "staff"),
    # a plural noun that is also a verb of the lexicon is the thing counted, not a headline verb
    ("The air force carried out 16 strikes on the depot.", "16", "strike"),
    # a plural name after the figure is the thing counted
    ("She has played in six straight Olympic Games.", "six", "game"),
])
def test_the_noun_after_the_figure_is_counted(extractor, sentence, span, item):
    claims = [c for c in claims_of(extractor, sentence) if c.text == span]
    assert [c.item for c in claims] == [item]


def test_one_in_a_ratio_or_as_a_pronoun_is_no_claim_but_one_of_the_dead_is(extractor):
    assert texts("Officials said that one of the wounded had died.") == ["one"]


@pytest.mark.parametrize("sentence, span, currency, code", [
    # a sign or an ISO code written after the figure is part of the amount
    ("The laptop cost 950€ in the sale.", "950€", "euro", "EUR"),
    ("Rent is 80,000 JPY a month.", "80,000 JPY", "yen", "JPY"),
    ("Fees of 300-400 € were charged.", "300-400 €", "euro", "EUR"),
    ("The fund manages 2.5 billion SEK.", "2.5 billion SEK", "krona", "SEK"),
])
def test_currency_written_after_the_figure(sentence, span, currency, code):
    q = next(q for q in find_quantities(sentence) if q.text == span)
    assert (q.currency, q.currency_code) == (currency, code)


def test_a_code_before_a_noun_is_no_currency():
    q = next(q for q in find_quantities("The gym installed 3 AED units.") if q.value == 3)
    assert (q.text, q.currency) == ("3", None)
