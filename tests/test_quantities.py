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
    ("4 hundred million", 4e8), ("27-hundred", 2700), ("twenty-seven hundred", 2700),
    ("thirty-one thousand four hundred seventy-six", 31476), ("one hundred and twenty", 120),
    ("nine thousand and fifty", 9050), ("a hundred thousand", 100_000), ("half a dozen", 6),
    ("a quarter of a million", 250_000), ("one and a half million", 1_500_000), ("500 crore", 5e9),
    ("3.5 lakh", 350_000), ("3,12,450", 312_450), ("1.2 bln", 1.2e9),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["a few dozen", "two three", "twenty eleven", "hundred", "3 apples"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("sentence, span, value", [
    ("Police estimated 6 hundred thousand marchers.", "6 hundred thousand", 600_000),
    ("Officials counted thirty-one thousand four hundred seventy-six ballots.",
     "thirty-one thousand four hundred seventy-six", 31476),
    ("Roughly 38-hundred officers are on duty.", "Roughly 38-hundred", 3800),
    ("Some forty-three hundred families were moved.", "Some forty-three hundred", 4300),
    ("A dozen ambulances waited outside.", "A dozen", 12),
    ("Three dozen tents went up overnight.", "Three dozen", 36),
    ("Half a million leaflets were printed.", "Half a million", 500_000),
    ("Forty-seven soldiers were decorated.", "Forty-seven", 47),
    ("The candidate won by 3,12,450 votes.", "3,12,450", 312_450),
    ("Nine hundred and twelve households signed.", "Nine hundred and twelve", 912),
    ("A 1,500-strong battalion arrived.", "1,500", 1500),
    ("About a dozen\n14 March: talks resumed", "About a dozen", 12),
])
def test_numbers_in_words_and_scales(sentence, span, value):
    q = one(sentence)
    assert (q.text, q.value) == (span, value)


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
    ("The port handles three to four thousand trucks daily.", "three to four thousand", 3000, 4000, False),
    ("The agency listed 1,200 to 1,500 people as missing.", "1,200 to 1,500", 1200, 1500, False),
    ("Between 1500 and 2000 troops crossed.", "Between 1500 and 2000", 1500, 2000, False),
    ("One or two boats may have sunk.", "One or two", 1, 2, False),
    ("It would take one to two hundred engineers.", "one to two hundred", 100, 200, False),
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
    ("Several villages were cut off.", "Several"),
    ("A number of reporters were held overnight.", "A number"),
])
def test_vague_amounts(sentence, span):
    q = one(sentence)
    assert q.text == span and q.vague and q.value is None


@pytest.mark.parametrize("sentence, span, value, currency, code", [
    ("Washington unveiled a $988 million package.", "$988 million", 988e6, "dollar", "USD"),
    ("The deal is worth up to £1.6bn.", "up to £1.6bn", 1.6e9, "pound", "GBP"),
    ("Berlin added €480m for air defence.", "€480m", 480e6, "euro", "EUR"),
    ("Treasury paid out $20 billion on Tuesday.", "$20 billion", 20e9, "dollar", "USD"),
    ("The fund holds roughly $2.21 billion.", "roughly $2.21 billion", 2.21e9, "dollar", "USD"),
    ("Kyiv got US$1.2bn in grants.", "US$1.2bn", 1.2e9, "dollar", "USD"),
    # thousands commas after a sign or code
    ("The carrier booked a loss of $US48,210,000 last year.", "$US48,210,000", 48_210_000, "dollar", "USD"),
    ("Shareholders got US$3,450,500 in dividends.", "US$3,450,500", 3_450_500, "dollar", "USD"),
    ("Ferry tickets cost HK$1,480 each.", "HK$1,480", 1480, "dollar", "HKD"),
    ("Each family received RM2,750 in aid.", "RM2,750", 2750, "ringgit", "MYR"),
    ("Canberra set aside A$3.8 million for the bridge.", "A$3.8 million", 3.8e6, "dollar", "AUD"),
    ("Ottawa committed C$4bn to defence.", "C$4bn", 4e9, "dollar", "CAD"),
    ("Wellington pledged NZ$65 million for the clean-up.", "NZ$65 million", 65e6, "dollar", "NZD"),
    ("Singapore set aside S$120 million.", "S$120 million", 120e6, "dollar", "SGD"),
    ("The fine was R2,300 per vehicle.", "R2,300", 2300, "rand", "ZAR"),
    ("A boxed lunch sells for ¥1,250 at the station.", "¥1,250", 1250, "yen", "JPY"),
    ("The state approved ₹750 crore for roads.", "₹750 crore", 7.5e9, "rupee", "INR"),
    ("Delhi approved Rs 2,400 crore for the scheme.", "Rs 2,400 crore", 2.4e10, "rupee", "INR"),
    ("The club agreed a PS35m transfer fee.", "PS35m", 35e6, "pound", "GBP"),
    ("The airline lost €1.7bn in the quarter.", "€1.7bn", 1.7e9, "euro", "EUR"),
    ("The council owes £640m to lenders.", "£640m", 640e6, "pound", "GBP"),
    ("The grant was worth SEK 40 million.", "SEK 40 million", 40e6, "krona", "SEK"),
    ("Donors sent more than US$ 9.5 million.", "more than US$ 9.5 million", 9.5e6, "dollar", "USD"),
    # cents and pence are their currency in whole units
    ("Shares closed 23 cents higher.", "23 cents", 0.23, "dollar", "USD"),
    ("Profit came to 12.6 cents a share.", "12.6 cents", 0.126, "dollar", "USD"),
    ("Bus fares went up by 40p on Monday.", "40p", 0.4, "pound", "GBP"),
    ("A stamp now costs 85 pence.", "85 pence", 0.85, "pound", "GBP"),
    ("Coins of 5 euro cents are being withdrawn.", "5 euro cents", 0.05, "euro", "EUR"),
])
def test_money(sentence, span, value, currency, code):
    q = one(sentence)
    assert (q.text, q.value, q.currency, q.currency_code) == (span, value, currency, code)


@pytest.mark.parametrize("sentence, span, code", [
    ("The budget adds 3 billion Canadian dollars for ships.", "3 billion", "CAD"),
    ("The firm paid 40 million euros in fines.", "40 million", "EUR"),
    ("Households got 12,000 rupees each.", "12,000", "INR"),
    ("The bank lent 2 billion Egyptian pounds.", "2 billion", "EGP"),
    ("The army sent 3,000 troops.", "3,000", None),
    ("The cabinet weighed two real options.", "two", None),
])
def test_currency_named_after_the_figure_gives_only_the_code(sentence, span, code):
    q = one(sentence)
    assert (q.text, q.currency, q.currency_code) == (span, None, code)


def test_money_range_in_cents():
    q = one("Analysts expect a dividend of 10 to 15 cents.")
    assert (q.text, q.low, q.high, q.currency, q.currency_code) == ("10 to 15 cents", 0.1, 0.15, "dollar", "USD")


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
    "Results by the hour\n\n08.35\n\nThe prime minister arrived in Downing Street.",
    "Live updates\n\n14.10 - The polls have closed.",
])
def test_not_counts(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize("sentence, span, value", [
    # an amount weighed is an amount of things (spec: counts or amounts); a distance is not
    ("Police seized 13 tonnes of cocaine at the port.", "13", 13),
    ("Officers found more than 200 kilograms of drugs.", "more than 200", 200),
])
def test_amounts_weighed(sentence, span, value):
    q = one(sentence)
    assert (q.text, q.value if q.value is not None else q.low) == (span, value)


@pytest.mark.parametrize("sentence, spans", [
    # a change and a total are two figures, not a range
    ("Reserves increased by $12.5 billion to $310.4 billion in March.", ["$12.5 billion", "$310.4 billion"]),
    ("The toll climbed from 140 to 390 overnight.", ["140", "390"]),
    ("Arrivals fell by 300 to 2,100 this week.", ["300", "2,100"]),
    ("Debt grew by about $2.1 billion to $40.3 billion.", ["about $2.1 billion", "$40.3 billion"]),
    # a year before "to" is a date, not the low end of a range
    ("Sales rose 8% in 2021 to 4.2 million units.", ["4.2 million"]),
    ("The total was 4,100 in 2022 and 5,600 in 2023.", ["4,100", "5,600"]),
    # a dash or a colon after a time or a date does not swallow the figure after it
    ("12:45 - 230 people rescued", ["230"]),
    ("The region counted 57 deaths in 2023: 31 men and 26 women.", ["57", "31", "26"]),
    # a place name before a figure in a list of counts is no name of a thing
    ("Officials confirmed 61 deaths: Ohio 27, Indiana 20, Kentucky 14.", ["61", "27", "20", "14"]),
    ("The agency has reported 80, Texas 41, Oklahoma 22 and Kansas nine.", ["80", "41", "22", "nine"]),
    ("Jets dropped two 500-pound bombs.", ["two"]),
    ("Police said one of the victims was a teenager.", ["one"]),
    ("Four ships were hit, one of which sank.", ["Four", "one"]),
    ("On Victory Day 300 veterans marched.", ["300"]),
    ("This season 40 players were injured.", ["40"]),
    ("The aid agency told AFP 12 people had died.", ["12"]),
])
def test_figures_in_context(sentence, spans):
    assert [q.text for q in find_quantities(sentence)] == spans


@pytest.mark.parametrize("sentence", [
    "The neighbours helped one another through the winter.",
    "One thing is certain: the talks will resume.",
    "She is one of the most decorated pilots in the fleet.",
    "The dynasty ruled between 1600 and 1900.",
    "Prices climbed steadily from 2018 to 2020.",
    "The temple was built around A.D. 1000.",
    "The city was founded in 500 BC.",
    "The FTSE 100 closed lower.",
    "The S&P 500 hit a record.",
    "The firm joined the Fortune 500 list.",
    "The iPhone 11 went on sale.",
    "Boston won Game 2 at home.",
    "The Big 12 title is at stake.",
    "Fans in Row 21 stood up.",
    "Under Section 427 the fund is frozen.",
    "A Boeing 737 landed safely.",
    "The match ended 2-2.",
    "City won 3-1 on Saturday.",
    "Rovers sealed a 2-0 win.",
    "On Day 3 of the offensive, the lines held.",
    "The trailer was filmed in 1080p.",
    "PS5 sales slowed.",
    "They waited for several hours.",
    "The R2 unit was repaired.",
])
def test_not_counts_names_years_scores(sentence):
    assert find_quantities(sentence) == []
