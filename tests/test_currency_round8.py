"""Currencies of any country, by sign, ISO code or name, normalised to ISO 4217 codes (spec "value": money's
currency). Signs that are also letters of words ("Sh", "Tk", "Br") count only right before a figure."""
from __future__ import annotations

import pytest

from claimledger.nlp.quantities import find_quantities


@pytest.mark.parametrize("sentence, span, currency, code", [
    ("The county spent KSh 2.7 billion on clinics.", "KSh 2.7 billion", "shilling", "KES"),
    ("Kampala set aside USh 40 billion for roads.", "USh 40 billion", "shilling", "UGX"),
    ("The ministry paid Tk 100 crore to families.", "Tk 100 crore", "taka", "BDT"),
    ("A litre of fuel costs ₦ 700 there.", "₦ 700", "naira", "NGN"),
    ("Tickets sold for QR 250 each.", "QR 250", "riyal", "QAR"),
])
def test_a_currency_of_any_country_is_read_with_its_code(sentence, span, currency, code):
    q = next(q for q in find_quantities(sentence) if q.text == span)
    assert (q.currency, q.currency_code) == (currency, code)


@pytest.mark.parametrize("sentence, span, code", [
    # a currency named after the figure: the amount is the figure, its code the currency's
    ("Lusaka will borrow 500 million kwacha.", "500 million", "ZMW"),
    ("Farmers got 12 million Romanian lei.", "12 million", "RON"),
    ("Chisinau paid 12 million Moldovan lei.", "12 million", "MDL"),
    ("The fine was 3,000 quetzales.", "3,000", "GTQ"),
])
def test_a_currency_named_after_the_figure_gives_its_code(sentence, span, code):
    q = next(q for q in find_quantities(sentence) if q.text == span)
    assert q.currency_code == code


@pytest.mark.parametrize("sentence, value", [
    ("Sh Ali counted 40 boats.", 40),
    ("Br Thomas said 12 monks stayed.", 12),
])
def test_letters_of_a_name_are_no_currency_sign(sentence, value):
    q = next(q for q in find_quantities(sentence) if q.value == value)
    assert q.currency is None
