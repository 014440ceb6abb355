"""Quantity expressions: the figure, hedge, bound, range and vague amounts, and what is not a count."""
import pytest

from claimledger.nlp.numbers import parse_number
from claimledger.nlp.quantities import find_quantities


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, value", [
    ("3,000", 3000), ("1.5 million", 1_500_000), ("two dozen", 24), ("a dozen", 12), ("a thousand", 1000),
    ("twenty-five", 25), ("seven", 7), ("45,100", 45100), ("2bn", 2e9), ("480m", 480e6), ("half a million", 5e5),
    ("three hundred", 300), ("12", 12),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence, span, value, approx, bound", [
    ("Seoul says roughly 3,000 more troops went north.", "roughly 3,000", 3000, True, "="),
    ("The ministry counted about 220 launchers.", "about 220", 220, True, "="),
    ("Officials said at least 100 soldiers died.", "at least 100", 100, False, ">="),
    ("More than 600,000 soldiers were hurt.", "More than 600,000", 600000, False, ">"),
    ("Up to 400,000 residents fled the camp.", "Up to 400,000", 400000, False, "<="),
    ("As many as 400,000 people left.", "As many as 400,000", 400000, False, "<="),
    ("Fewer than 50 families returned.", "Fewer than 50", 50, False, "<"),
    ("Nearly 3,000 people died in the city.", "Nearly 3,000", 3000, True, "="),
    ("An estimated 13 million people are displaced.", "An estimated 13 million", 13_000_000, True, "="),
    ("The army sent close to 2,000 engineers.", "close to 2,000", 2000, True, "="),
    ("Losses had already exceeded 200 troops.", "200", 200, False, ">"),
    ("The toll passes 50,000, the ministry says.", "50,000", 50000, False, ">"),
    ("Allies committed over 21 billion euros.", "over 21 billion", 21e9, False, ">"),
    ("Some 40 countries attended.", "Some 40", 40, True, "="),
    ("Gaza truce: 20 hostages home", "20", 20, False, "="),
])
def test_hedges_and_bounds(sentence, span, value, approx, bound):
    q = one(sentence)
    assert (q.text, q.value, q.approx, q.bound) == (span, value, approx, bound)


@pytest.mark.parametrize("sentence, span, low, high, approx", [
    ("The Pentagon put the force at some 11,000 to 12,000 troops.", "some 11,000 to 12,000", 11000, 12000, True),
    ("Between 60,000 and 80,000 households fled.", "Between 60,000 and 80,000", 60000, 80000, False),
    ("Estimates ran from 5,000 to 7,000 soldiers.", "from 5,000 to 7,000", 5000, 7000, False),
    ("A force of 10,000-12,000 troops is ready.", "10,000-12,000", 10000, 12000, False),
    ("Aid of 1.5 to 2 million dollars was sent.", "1.5 to 2 million", 1_500_000, 2_000_000, False),
    ("Two or three drones got through.", "Two or three", 2, 3, False),
    ("Between 500 and 1 million people fled.", "Between 500 and 1 million", 500, 1_000_000, False),
    ("Estimates run from 500 to a million.", "from 500 to a million", 500, 1_000_000, False),
    ("The fund needs $1-2 billion a year.", "$1-2 billion", 1e9, 2e9, False),
])
def test_ranges(sentence, span, low, high, approx):
    q = one(sentence)
    assert (q.text, q.value, q.low, q.high, q.approx) == (span, None, low, high, approx)


@pytest.mark.parametrize("sentence, span", [
    ("Pyongyang shipped a considerable amount of shells.", "a considerable amount"),
    ("Hundreds of thousands of drones will be bought.", "Hundreds of thousands"),
    ("Thousands of people gathered in the square.", "Thousands"),
    ("Several hundred soldiers were hurt.", "Several hundred"),
    ("Kyiv captured a few soldiers.", "a few"),
    ("A small number of missiles fell short.", "A small number"),
    ("Large quantities of ammunition went north.", "Large quantities"),
    ("Dozens of homes burned.", "Dozens"),
    ("Scores were wounded.", "Scores"),
    ("Tens of thousands of people fled.", "Tens of thousands"),
])
def test_vague_amounts(sentence, span):
    q = one(sentence)
    assert q.text == span and q.vague and q.value is None


@pytest.mark.parametrize("sentence, span, value, currency", [
    ("Washington unveiled a $988 million package.", "$988 million", 988e6, "dollar"),
    ("The deal is worth up to £1.6bn.", "up to £1.6bn", 1.6e9, "pound"),
    ("Berlin added €480m for air defence.", "€480m", 480e6, "euro"),
    ("Treasury paid out $20 billion on Tuesday.", "$20 billion", 20e9, "dollar"),
    ("The fund holds roughly $2.21 billion.", "roughly $2.21 billion", 2.21e9, "dollar"),
    ("Kyiv got US$1.2bn in grants.", "US$1.2bn", 1.2e9, "dollar"),
])
def test_money(sentence, span, value, currency):
    q = one(sentence)
    assert (q.text, q.value, q.currency) == (span, value, currency)


def test_currency_conversion_gives_two_figures():
    qs = find_quantities("a package of €480m ($500m) for drones")
    assert [(q.text, q.currency) for q in qs] == [("€480m", "euro"), ("$500m", "dollar")]


@pytest.mark.parametrize("sentence", [
    "It was the first war since the 1950-1953 Korean War.",
    "The assessment was published on March 27.",
    "He met the envoy on 27 March in Seoul.",
    "The strike came at 10:30 local time.",
    "A soldier aged 19 was among them.",
    "The 19-year-old was captured.",
    "They fired 155mm shells and 240-mm rockets.",
    "Its 170 millimeter howitzers are old.",
    "The Su-34 jet and a KN-23 were seen.",
    "Turnout was 40% this year.",
    "Prices rose 12 percent.",
    "After three years of war the front is quiet.",
    "The range is 300 km.",
    "One in every 67 residents is displaced.",
    "Output rose 1.5 times.",
    "The office at 12 Baker Street closed.",
    "Article 4 talks were called.",
    "It struck in 2024.",
    "The magnitude 7.7 quake hit at noon.",
    "The 3rd Brigade moved.",
    "Hostages Romi Gonen, 24, and Emily Damari, 28, were freed.",
    "North Korea is already one of Moscow's main suppliers.",
    "Three quarters, or 3/4 of the city, lost power.",
    "Patrols run 24/7 along the border.",
    "The soldiers, aged 20 and 26, were captured in January.",
])
def test_not_counts(sentence):
    assert find_quantities(sentence) == []
