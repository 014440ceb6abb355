"""Find quantity expressions in raw text: the figure, its hedge, bound and range.

A pattern pass over the text (not the parser), so that "more than $62 billion",
"between 60,000 and 80,000", "a considerable amount", "two dozen",
"twenty-eight thousand six hundred forty-two", "HK$1,200" and "19 cents" are
found as one span each. Spans that are not counts (years and year ranges,
dates, times, ages, calibers, model and index names, scores, percentages,
durations, distances) are dropped here when the surrounding characters tell;
the extractor drops the rest with the parse (a number that modifies no
countable noun).

Money keeps its currency as the word the claim's item takes ("dollar", "pound",
"rand", ...) in `Quantity.currency`, and its ISO 4217 code ("USD", "GBP",
"ZAR", ...) in `Quantity.currency_code`; cents and pence are amounts of their
currency in whole units ("19 cents" → 0.19 dollar, "50p" → 0.5 pound).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.nlp.numbers import DIGITS, LONG_WORD_NUMBER, SCALE_WORD, WORD_NUMBER, parse_number

# Hedge and bound words before a figure: (pattern, approx, bound).
PREFIXES: list[tuple[str, bool, str]] = [
    (r"an estimated", True, "="), (r"approximately", True, "="), (r"approx\.", True, "="),
    (r"roughly", True, "="), (r"around", True, "="), (r"about", True, "="), (r"some", True, "="),
    (r"nearly", True, "="), (r"almost", True, "="), (r"close to", True, "="), (r"circa", True, "="),
    (r"an approximate", True, "="), (r"approaching", True, "="),
    (r"at least", False, ">="), (r"no fewer than", False, ">="), (r"no less than", False, ">="),
    (r"not less than", False, ">="), (r"a minimum of", False, ">="),
    (r"more than", False, ">"), (r"over", False, ">"), (r"upwards of", False, ">"),
    (r"above", False, ">"), (r"in excess of", False, ">"), (r"well over", False, ">"),
    (r"just over", False, ">"), (r"just above", False, ">"), (r"exceeding", False, ">"),
    (r"up to", False, "<="), (r"as many as", False, "<="), (r"as much as", False, "<="),
    (r"at most", False, "<="), (r"no more than", False, "<="), (r"not more than", False, "<="),
    (r"a maximum of", False, "<="),
    (r"fewer than", False, "<"), (r"less than", False, "<"), (r"under", False, "<"),
    (r"below", False, "<"), (r"just under", False, "<"), (r"just below", False, "<"),
]
# Verbs just before a figure that bound it but stay outside the span.
BOUND_VERBS = re.compile(
    r"\b(?:exceed(?:s|ed|ing)?|pass(?:es|ed|ing)?|top(?:s|ped|ping)?|surpass(?:es|ed|ing)?|"
    r"crossed|cross(?:es)?|overtook|outnumber(?:s|ed)?)\s+(?:the\s+)?[\"“]?$",
    re.I,
)


# A figure written right after "PS" or "Y" (a "£" or "¥" some text pipelines turn into letters) or "R" (rand) is money
# only when it looks like an amount: "PS40m", "R1,500", "PS2.50"; never "PS5" or "R2".
_MONEY_SHAPE = (r"(?=\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?[ \u00a0]?(?:bn|mn|mil|m|k|million|billion|trillion)\b"
                r"|\d+\.\d\d\b)")
# Currency signs and codes written before a figure: (pattern, currency word, ISO 4217 code), the more
# specific first ("HK$" before "$"). Parts in (?-i:...) are case-sensitive: "RM3,500", "Rs 500", "USD 5m".
CURRENCY_SIGNS: list[tuple[str, str, str]] = [
    (r"US\$|U\.S\.\s?\$|\$\s?US(?=[ \u00a0]?\d)|(?-i:USD)", "dollar", "USD"),
    (r"A\$|AU\$|\$A(?=\d)|(?-i:AUD)", "dollar", "AUD"),
    (r"C\$|CA\$|Can\$|(?-i:CAD)", "dollar", "CAD"),
    (r"HK\$|(?-i:HKD)", "dollar", "HKD"),
    (r"NZ\$|(?-i:NZD)", "dollar", "NZD"),
    (r"SG?\$|(?-i:SGD)", "dollar", "SGD"),
    (r"NT\$|(?-i:TWD)", "dollar", "TWD"),
    (r"R\$|(?-i:BRL)", "real", "BRL"),
    (r"MX\$|(?-i:MXN)", "peso", "MXN"),
    (r"\$", "dollar", "USD"),
    (r"€|(?-i:EUR)", "euro", "EUR"),
    (rf"£|(?-i:GBP|PS{_MONEY_SHAPE})", "pound", "GBP"),
    (r"CN¥|(?-i:RMB|CNY)", "yuan", "CNY"),
    (rf"¥|(?-i:JPY|Y{_MONEY_SHAPE})", "yen", "JPY"),
    (r"₹|(?-i:INR|Rs\.?(?=[ \u00a0]?\d))", "rupee", "INR"),
    (r"(?-i:PKR)", "rupee", "PKR"),
    (r"(?-i:RM(?=[ \u00a0]?\d)|MYR)", "ringgit", "MYR"),
    (rf"(?-i:ZAR|R{_MONEY_SHAPE})", "rand", "ZAR"),
    (r"₩|(?-i:KRW)", "won", "KRW"),
    (r"₴|(?-i:UAH)", "hryvnia", "UAH"),
    (r"₽|(?-i:RUB)", "rouble", "RUB"),
    (r"₪|(?-i:ILS|NIS)", "shekel", "ILS"),
    (r"₺", "lira", "TRY"),
    (r"₦|(?-i:NGN)", "naira", "NGN"),
    (r"₱", "peso", "PHP"),
    (r"(?-i:CHF|SFr\.?)", "franc", "CHF"),
    (r"(?-i:SEK)", "krona", "SEK"),
    (r"(?-i:NOK)", "krone", "NOK"),
    (r"(?-i:DKK)", "krone", "DKK"),
    (r"(?-i:PLN)", "zloty", "PLN"),
    (r"(?-i:SAR)", "riyal", "SAR"),
    (r"(?-i:AED)", "dirham", "AED"),
    (r"(?-i:EGP)", "pound", "EGP"),
    (r"(?-i:KES)", "shilling", "KES"),
    (r"฿|(?-i:THB)", "baht", "THB"),
    (r"(?-i:IDR|Rp\.?(?=[ \u00a0]?\d))", "rupiah", "IDR"),
    # Signs that are also letters of words or names ("Sh", "Tk", "ZK") count only right before a figure.
    (r"(?-i:USh|Ush|Shs|UGX)(?=[ \u00a0]?\d)", "shilling", "UGX"),
    (r"(?-i:TSh|Tsh|TZS)(?=[ \u00a0]?\d)", "shilling", "TZS"),
    (r"(?-i:KSh|Ksh|Kshs|Sh)(?=[ \u00a0]?\d)", "shilling", "KES"),
    (r"৳|(?-i:Tk\.?|BDT)(?=[ \u00a0]?\d)", "taka", "BDT"),
    (r"(?-i:NPR)", "rupee", "NPR"),
    (r"(?-i:LKR)", "rupee", "LKR"),
    (r"₫|(?-i:VND)", "dong", "VND"),
    (r"₵|GH₵|(?-i:GHS)", "cedi", "GHS"),
    (r"(?-i:ZK|ZMW)(?=[ \u00a0]?\d)", "kwacha", "ZMW"),
    (r"(?-i:MWK)", "kwacha", "MWK"),
    (r"(?-i:ETB|Br)(?=[ \u00a0]?\d)", "birr", "ETB"),
    (r"₸|(?-i:KZT)", "tenge", "KZT"),
    (r"₾|(?-i:GEL)(?=[ \u00a0]?\d)", "lari", "GEL"),
    (r"₼|(?-i:AZN)", "manat", "AZN"),
    (r"֏", "dram", "AMD"),
    (r"₮|(?-i:MNT)", "tugrik", "MNT"),
    (r"(?-i:MMK)", "kyat", "MMK"),
    (r"(?-i:HUF)", "forint", "HUF"),
    (r"(?-i:CZK)", "koruna", "CZK"),
    (r"(?-i:BGN)", "lev", "BGN"),
    (r"(?-i:HTG)", "gourde", "HTG"),
    (r"(?-i:GTQ)", "quetzal", "GTQ"),
    (r"(?-i:E£|LE|EGP)(?=[ \u00a0]?\d)", "pound", "EGP"),
    (r"(?-i:QR|QAR)(?=[ \u00a0]?\d)", "riyal", "QAR"),
    (r"(?-i:SR)(?=[ \u00a0]?\d)", "riyal", "SAR"),
    (r"(?-i:Dhs?|DH)(?=[ \u00a0]?\d)", "dirham", "AED"),
    (r"(?-i:KD|KWD)(?=[ \u00a0]?\d)", "dinar", "KWD"),
    (r"(?-i:JD|JOD)(?=[ \u00a0]?\d)", "dinar", "JOD"),
    (r"(?-i:BD|BHD)(?=[ \u00a0]?\d)", "dinar", "BHD"),
    (r"(?-i:IQD)", "dinar", "IQD"),
    (r"(?-i:IRR)", "rial", "IRR"),
    (r"(?-i:ARS)", "peso", "ARS"),
    (r"(?-i:CLP)", "peso", "CLP"),
]
# The signs in one pattern, each in a group of its own: the first that matches, as when tried one by one
_CURRENCY_SIGN_RE = re.compile("|".join(rf"((?:{p})[ \u00a0]?)" for p, _, _ in CURRENCY_SIGNS), re.I)
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "sterling": "pound", "hryvnia": "hryvnia", "hryvnias": "hryvnia",
    "hryvnas": "hryvnia", "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "yen": "yen", "yuan": "yuan", "renminbi": "yuan", "won": "won", "shekel": "shekel", "shekels": "shekel",
    "rupee": "rupee", "rupees": "rupee", "franc": "franc", "francs": "franc", "lira": "lira",
    "rial": "rial", "rials": "rial", "zloty": "zloty", "zlotys": "zloty", "krone": "krone", "kroner": "krone",
    "kronor": "krona", "krona": "krona",
    "ringgit": "ringgit", "rand": "rand", "reais": "real", "peso": "peso", "pesos": "peso",
    "naira": "naira", "riyal": "riyal", "riyals": "riyal", "dirham": "dirham", "dirhams": "dirham",
    "dinar": "dinar", "dinars": "dinar", "baht": "baht", "rupiah": "rupiah", "taka": "taka", "dong": "dong",
    "shilling": "shilling", "shillings": "shilling", "cedi": "cedi", "cedis": "cedi", "forint": "forint",
    "kuna": "kuna", "lari": "lari", "tenge": "tenge", "manat": "manat",
    "kwacha": "kwacha", "leu": "leu", "lei": "leu", "lev": "lev", "leva": "lev", "gourde": "gourde",
    "gourdes": "gourde", "quetzal": "quetzal", "quetzales": "quetzal", "kyat": "kyat", "kyats": "kyat",
    "tugrik": "tugrik", "tugriks": "tugrik", "togrog": "tugrik", "birr": "birr", "koruna": "koruna",
    "korunas": "koruna", "koruny": "koruna", "lempira": "lempira", "lempiras": "lempira", "cordoba": "cordoba",
    "cordobas": "cordoba", "guarani": "guarani", "guaranis": "guarani", "boliviano": "boliviano",
    "bolivianos": "boliviano", "bolivar": "bolivar", "bolivars": "bolivar", "bolivares": "bolivar",
    "afghani": "afghani", "afghanis": "afghani", "riel": "riel", "riels": "riel", "lek": "lek", "leke": "lek",
    "denar": "denar", "denars": "denar", "dram": "dram", "drams": "dram", "somoni": "somoni", "ariary": "ariary",
    "dalasi": "dalasi", "dalasis": "dalasi", "leone": "leone", "leones": "leone", "ouguiya": "ouguiya",
    "nakfa": "nakfa", "rufiyaa": "rufiyaa", "ngultrum": "ngultrum", "kina": "kina", "pula": "pula",
    "hryvnya": "hryvnia", "tengé": "tenge", "yuans": "yuan",
}
# ISO 4217 code of a currency named after a figure ("21 billion euros"), by default and by nationality.
CURRENCY_CODES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "hryvnia": "UAH", "rouble": "RUB", "yen": "JPY",
    "yuan": "CNY", "shekel": "ILS", "rupee": "INR", "franc": "CHF", "lira": "TRY", "zloty": "PLN",
    "krona": "SEK", "ringgit": "MYR", "rand": "ZAR", "real": "BRL", "naira": "NGN", "baht": "THB",
    "rupiah": "IDR", "taka": "BDT", "dong": "VND", "cedi": "GHS", "forint": "HUF", "kuna": "HRK", "lari": "GEL",
    "tenge": "KZT", "kwacha": "ZMW", "leu": "RON", "lev": "BGN", "gourde": "HTG", "quetzal": "GTQ", "kyat": "MMK",
    "tugrik": "MNT", "birr": "ETB", "koruna": "CZK", "lempira": "HNL", "cordoba": "NIO", "guarani": "PYG",
    "boliviano": "BOB", "bolivar": "VES", "afghani": "AFN", "riel": "KHR", "lek": "ALL", "denar": "MKD",
    "dram": "AMD", "somoni": "TJS", "ariary": "MGA", "dalasi": "GMD", "leone": "SLE", "ouguiya": "MRU",
    "nakfa": "ERN", "rufiyaa": "MVR", "ngultrum": "BTN", "kina": "PGK", "pula": "BWP", "manat": "AZN",
    "won": "KRW",
}
_NATIONAL_CODES = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong kong", "dollar"): "HKD",
    ("new zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD", ("singaporean", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD", ("new taiwan", "dollar"): "TWD", ("zimbabwean", "dollar"): "ZWL",
    ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP", ("syrian", "pound"): "SYP",
    ("sudanese", "pound"): "SDG", ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP",
    ("argentine", "peso"): "ARS", ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP",
    ("danish", "krone"): "DKK", ("norwegian", "krone"): "NOK", ("swedish", "krona"): "SEK",
    ("iranian", "rial"): "IRR", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR",
    ("pakistani", "rupee"): "PKR", ("indian", "rupee"): "INR", ("sri lankan", "rupee"): "LKR",
    ("nepalese", "rupee"): "NPR", ("turkish", "lira"): "TRY", ("swiss", "franc"): "CHF",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS",
    ("somali", "shilling"): "SOS", ("iraqi", "dinar"): "IQD", ("jordanian", "dinar"): "JOD",
    ("kuwaiti", "dinar"): "KWD", ("libyan", "dinar"): "LYD", ("uae", "dirham"): "AED",
    ("emirati", "dirham"): "AED", ("moroccan", "dirham"): "MAD", ("south korean", "won"): "KRW",
    ("korean", "won"): "KRW", ("north korean", "won"): "KPW", ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY", ("russian", "rouble"): "RUB", ("ukrainian", "hryvnia"): "UAH",
    ("israeli", "shekel"): "ILS", ("south african", "rand"): "ZAR", ("brazilian", "real"): "BRL",
    ("malaysian", "ringgit"): "MYR", ("polish", "zloty"): "PLN", ("hungarian", "forint"): "HUF",
    ("zambian", "kwacha"): "ZMW", ("malawian", "kwacha"): "MWK", ("romanian", "leu"): "RON",
    ("moldovan", "leu"): "MDL", ("bulgarian", "lev"): "BGN", ("czech", "koruna"): "CZK",
    ("bangladeshi", "taka"): "BDT", ("vietnamese", "dong"): "VND", ("ghanaian", "cedi"): "GHS",
    ("ethiopian", "birr"): "ETB", ("nigerian", "naira"): "NGN", ("thai", "baht"): "THB",
    ("indonesian", "rupiah"): "IDR", ("kazakh", "tenge"): "KZT", ("georgian", "lari"): "GEL",
    ("azerbaijani", "manat"): "AZN", ("turkmen", "manat"): "TMT", ("armenian", "dram"): "AMD",
    ("mongolian", "tugrik"): "MNT", ("burmese", "kyat"): "MMK", ("myanmar", "kyat"): "MMK",
    ("haitian", "gourde"): "HTG", ("guatemalan", "quetzal"): "GTQ", ("bahraini", "dinar"): "BHD",
    ("algerian", "dinar"): "DZD", ("tunisian", "dinar"): "TND", ("serbian", "dinar"): "RSD",
    ("omani", "rial"): "OMR", ("yemeni", "rial"): "YER",
    ("jamaican", "dollar"): "JMD", ("liberian", "dollar"): "LRD", ("namibian", "dollar"): "NAD",
    ("fijian", "dollar"): "FJD", ("brunei", "dollar"): "BND", ("cuban", "peso"): "CUP",
    ("dominican", "peso"): "DOP", ("uruguayan", "peso"): "UYU", ("peruvian", "sol"): "PEN",
    ("icelandic", "krona"): "ISK", ("uzbek", "sum"): "UZS", ("kyrgyz", "som"): "KGS",
    ("afghan", "afghani"): "AFN", ("cambodian", "riel"): "KHR", ("albanian", "lek"): "ALL",
}
# Signs and ISO codes written after the figure, as much of Europe and Asia writes them: "1,200€", "110 JPY".
_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₴": "UAH", "₽": "RUB", "₪": "ILS",
          "₺": "TRY", "₦": "NGN", "₱": "PHP"}
_CODE_WORDS = {code: word for _, word, code in CURRENCY_SIGNS}
# A code is money only before punctuation, a name or a function word: "2 AED units" counts defibrillators.
_SIGN_AFTER = re.compile(
    rf"[ \u00a0]?([{''.join(map(re.escape, _SIGNS))}])(?!\d)"
    rf"|[ \u00a0]({'|'.join(sorted(_CODE_WORDS))})\b"
    r"(?=[ \u00a0]*(?:$|[^\w\s]|[A-Z]|(?:[a-z]{1,3}|was|were|will|would|have|has|had|each|from|into|with|that|which)"
    r"\b))"
)
_NATIONALITY = "|".join(sorted({re.escape(n) for n, _ in _NATIONAL_CODES}, key=len, reverse=True))
_CURRENCY_AFTER = re.compile(
    rf"[ \u00a0]+(?:of[ \u00a0]+)?(?:({_NATIONALITY})[ \u00a0]+)?"
    rf"({'|'.join(sorted(CURRENCY_WORDS, key=len, reverse=True))})\b(?![ \u00a0]+of\b)",
    re.I,
)

_CUR = "(?:" + "|".join(f"(?:{p})" for p, _, _ in CURRENCY_SIGNS) + r")[ \u00a0]?"
_SCALE = (rf"(?:(?:[ \u00a0]?-?[ \u00a0]?{SCALE_WORD}\b)+|[ \u00a0]?(?:bn|mn|mln|bln|tn|trn)\b|(?:mil|m|k|b)\b)")
# Cents and pence after a bare figure: "19 cents", "10.4 US cents", "50 pence", "50p".
_CENTS = r"(?:[ \u00a0](?:US[ \u00a0]|euro[ \u00a0])?cents?\b|[ \u00a0]?pence\b|(?-i:p)\b)"
_NUM = (
    rf"(?:(?:a|half a|{WORD_NUMBER}|a few|several|\d+)[ \u00a0]dozen\b"
    rf"|(?:half|a quarter|three quarters)(?: of)? an? (?:hundred|thousand|million|billion|trillion)\b"
    rf"|(?:a|{WORD_NUMBER}|\d+) and a half (?:thousand|million|billion|trillion)\b"
    rf"|a (?:hundred|thousand|million|billion|trillion)(?: (?:thousand|million|billion))?\b"
    rf"|(?:{DIGITS}){_SCALE}?"
    rf"|{LONG_WORD_NUMBER})"
)
_AMOUNT = rf"(?:{_CUR}{_NUM}|(?:{DIGITS}|{WORD_NUMBER}){_CENTS}|{_NUM})"
# Not inside a word or a number: "A320", "1.5", "$US55,931,000" read from its comma on.
_LB = r"(?<![\w.])(?<!\d,)"
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES, key=lambda x: -len(x[0]))
_PREFIX = "|".join(p for p, _, _ in _PREFIXES_LONGEST_FIRST)

VAGUE = (
    r"(?:tens|hundreds) of (?:thousands|millions)|hundreds|thousands|millions|billions|dozens|scores"
    r"|several (?:hundred|thousand|million|dozen)|a few (?:hundred|thousand|million|dozen)"
    r"|a few|a handful|a couple|several|a number(?= of\b)"
    r"|a (?:small|large|significant|considerable|substantial|huge|vast|great|limited|"
    r"sizeable|sizable|growing|unknown|undisclosed|unspecified|high|record) (?:number|amount|quantity|quantities)"
    r"|(?:large|significant|considerable|substantial|huge|vast|massive|small|limited|unspecified) "
    r"(?:quantities|amounts|numbers)|numerous|countless"
)

PATTERN = re.compile(
    rf"(?P<prefix>(?:\b(?:{_PREFIX})\s+)*)"
    rf"(?:"
    rf"(?P<between>\bbetween\s+)(?P<lo1>{_AMOUNT})\s+and\s+(?P<hi1>{_AMOUNT})"
    rf"|(?P<from>\bfrom\s+)(?P<lo2>{_AMOUNT})\s+to\s+(?P<hi2>{_AMOUNT})"
    rf"|{_LB}(?P<lo3>{_AMOUNT})(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+)(?P<hi3>{_AMOUNT})"
    rf"|(?P<vague>\b(?:{VAGUE})\b)"
    rf"|(?P<amount>{_LB}(?:{_AMOUNT}))"
    rf")",
    re.I,
)
# One figure with its hedges: where a range turns out to be two figures, the first is read with this.
SINGLE = re.compile(rf"(?P<prefix>(?:\b(?:{_PREFIX})\s+)*)(?P<amount>{_LB}(?:{_AMOUNT}))", re.I)

MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Units of measurement written after a figure: "250ml", "9 liter", "17kHz", "4,500 mAh" measure, not count.
_MEASURE_UNIT = (
    r"(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|km|"
    r"kilomet(?:er|re)s?|metres?|meters?|m\b|miles?|mi\b|feet|ft\b|inch(?:es)?|"
    r"lbs?|pounds? of\b|litres?|liters?|ml|millilit(?:er|re)s?|cl|gallons?|barrels?|mw|gw|kw|megawatts?|"
    r"gigawatts?|kilowatts?|[kmgt]?wh|[kmg]?hz|hertz|mah|[kmgt]b|(?:kilo|mega|giga|tera)bytes?|mph|kph|km/h|rpm|psi|"
    r"mg|milligrams?|ppm|degrees?|°|knots?|hectares?|acres?|sq\b|square\b|calibre|caliber|magnitude)\b"
)
# Units of volume an amount of a liquid is counted in: "130,000 litres of fuel", "some 10 million gallons" are
# amounts in the world (spec: counts or amounts of things), as tonnes are; the same units in a rate ("barrels
# per day") or a size ("20-litre jerrycans") measure, not count. Areas stay with the units that measure.
_AMOUNT_UNIT = r"(?:litres?|liters?|gallons?|barrels?|cubic (?:met(?:er|re)s?|feet))\b"
_MASS_UNIT = r"(?:kg|kgs|kilos?|kilograms?|tonnes?|tons?|grams?|lbs?|pounds?)\b"
_RATE = r"[^.;:\n]{0,40}?\b(?:per|a|an|each|every)\s+(?:day|week|month|year|hour|person|head|capita)\b"
_AMOUNT_NOT_COUNT = re.compile(
    rf"^(?:-{_AMOUNT_UNIT}|\s?{_AMOUNT_UNIT}{_RATE}|\s?{_AMOUNT_UNIT}\s*/\s*(?:day|d|year)\b)", re.I)
# A figure with its unit before the noun it sizes, after the article of that one thing: "a 50 kg bag", "a 20
# tonne truck" describe a kind of thing (spec: sizes are not claims); "a record 13 tonnes" is not a size.
_SIZE_AFTER = re.compile(rf"^[ \u00a0-]?(?:{_MASS_UNIT}|{_AMOUNT_UNIT})[ \u00a0-](?!of\b)[a-z]", re.I)
# The low end of a size range whose high end carries the unit: "the 25- to 30-metre trawler".
_SIZE_RANGE_LOW = re.compile(rf"^-\s+(?:to|or)\s+\d[\d,.]*-(?:{_MEASURE_UNIT}|{_MASS_UNIT})", re.I)
_AFTER_NOT_COUNT = re.compile(
    rf"^(?:\s?%|\s?per ?cent\b|\s?percentage\b|\s?-?(?!{_AMOUNT_UNIT}){_MEASURE_UNIT}"
    r"|\s?-?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?|"
    r"year-old|years-old)\b"
    r"|\s?(?:times|-fold|fold)\b|\s(?:halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?)\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|bst|cet)"
    r"|:\d|/\d|\.\d|\s?(?:st|nd|rd|th)\b|-(?!strong\b)[a-z]"
    rf"|\s(?:{MONTHS})\b"
    r"|\s(?:in|out of) (?:every )?(?!(?:1[5-9]|20)\d\d\b)\d"  # "one in 5", not "4,789 in 2023"
    r"|\s[a-z]+ (?:per|in every|out of every) \d"  # a rate: "two deaths per 10,000 people"
    rf"|\s(?:out of|in every) {WORD_NUMBER}\b"  # "two out of three", not "40 in one day"
    r"|,\s?\d{4}\b"
    r"|\s(?-i:(?:[A-Z][a-z]*|\d+(?:st|nd|rd|th)) ){0,3}(?-i:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Square|"
    r"Drive|Dr|Way|Place|Court|Terrace|Parkway|Rue)\b"
    r"|\s?(?-i:BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.)(?![A-Za-z]))",
    re.I,
)
_BEFORE_NOT_COUNT = re.compile(
    rf"(?:\b(?:{MONTHS})\.?\s*$|[A-Za-z]-\s*$|[A-Za-z]$|\b(?:aged|age|ages|article|articles|resolution|section|"
    r"chapter|clause|rule|phase|stage|unit|route|highway|flight|room|no\.|"
    r"(?<!could )(?<!would )(?<!will )(?<!may )(?<!might )(?<!to )number|paragraph|point|page|"
    r"item|level|grade|category|class|size|version|model|block|building|gate|terminal|platform|"
    r"channel|line|squadron|battalion|regiment|division|corps|covid|g|p|(?-i:Group of)|magnitude|every|per|operation|"
    r"decree|law|bill|order|protocol|convoy|camp|episode|volume|vol\.|tier|pier|berth|hangar|"
    r"exit|junction|interstate|precinct|proposition|prop\.?|amendment|directive|annex)\s*$|[#№]\s*$|"
    r"\b(?:GMT|UTC)\s?[+\-−]$|"  # a time zone's offset, "(GMT+2)"
    r"(?-i:\bA\.D\.|\bAD)\s*(?:\d+\s*(?:and|to|or|[-–])\s*)?$|[A-Za-z][ \u00a0]-$|"
    r"\bone (?:in|out of) (?:every\s+)?$|\bno\s*$|\d[:/]$|\baged?\s+\d+\s*(?:and|or|to|-)\s*$)",
    re.I,
)
# Words and shapes of a name that a number completes: index, product, model, sports and list names
# ("FTSE 100", "Fortune 500", "Boeing 737", "iPhone 11", "S&P 500", "Game 2", "Big 12", "Title 42").
# Case-sensitive, and only with the number right after the word: "told AFP 12 people" or
# "Georgia 33, Florida 19" are counts, so a capitalised word alone does not make a name.
_NAME_BEFORE = re.compile(
    r"(?:\b(?:FTSE|DAX|CAC|IBEX|ASX|MSCI|STOXX|Stoxx|KOSPI|Kospi|TOPIX|Topix|Nikkei|Sensex|SENSEX|Nifty|NIFTY|"
    r"Nasdaq|NASDAQ|Dow|Russell|Fortune|Forbes|Boeing|Airbus|Embraer|Bombardier|Cessna|Tupolev|Ilyushin|"
    r"Antonov|Sukhoi|Apollo|Artemis|Soyuz|Falcon|Galaxy|Pixel|Windows|Xbox|Big|Ligue|Serie|Bundesliga|"
    r"Formula|Game|Match|Round|Season|Episode|Series|Volume|Title|Proposition|Prop|Measure|Amendment|Tier|"
    r"Type|Row|Pier|Berth|Hangar|Suite|Apartment|Exit|Junction|Interstate|Form|Mk|Area)"
    r"|[A-Za-z]*&[A-Za-z]+|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*"
    r")[ \u00a0]$"
)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(s)?$")
# Verbs of a change in every form ("rose", "to rise", "is rising"): "from 100 to 225" after them is the
# figure before and the figure after, not a range.
_CHANGE_VERB = (r"rise|rises|rose|risen|rising|grew|grow|grows|grown|growing|fell|cut|cuts|cutting|"
                r"(?:increas|declin|decreas|rais|reduc|revis|surg|plung|tumbl|doubl|tripl|halv|eas)(?:e|es|ed|ing)|"
                r"(?:climb|jump|lower|soar|boost|expand|narrow|widen|slump|plummet|fall|swell)(?:s|ed|ing|en)?|"
                r"(?:drop|slip|dip)(?:s|ped|ping)?|slid|slide|slides|sliding|shrank|shrink|shrinks|shrunk|up|down")
_SPORT_AFTER = re.compile(r"\s*(?:win|wins|victory|defeat|loss|draw|lead|home win|away win|triumph|rout|scoreline|"
                          r"on aggregate|in the series|at half-?time|at the break)\b", re.I)
_SPORT_BEFORE = re.compile(r"\b(?:won|win|wins|beat|beats|beaten|lost|lose|loses|defeated|drew|draw|tied|"
                           r"trail(?:s|ed|ing)?|led|leads?|leading|edged|thrashed|routed|scored|score|scoreline|"
                           r"finished|ended)\s+(?:by\s+)?$", re.I)
# "one" that counts nothing: "one another", "one thing", "one way or another", "one by one", "one in four"
_ONE_NOT_COUNT = re.compile(
    rf"\s+(?:another|thing|things|way|hand|or another|or the other|by one|on one|and the same|in {WORD_NUMBER})\b",
    re.I)
# "one of the victims" is a count, "one of the best" or "one of Moscow's main suppliers" is not
_ONE_OF_COUNT = re.compile(
    r"\s+of\s+(?:whom|which\b|(?:the|its|their|those|these|our|his|her|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:victims|casualties|dead|injured|wounded|hostages|captives|prisoners|detainees|soldiers|troops|fighters|"
    r"civilians|passengers|survivors|bodies|missiles|drones|rockets|shells|tanks|aircraft|jets|helicopters|"
    r"ships|vessels|boats|crew members)\b)",
)
# The part of a ratio before its whole, written in words or in one or two digits: "two out of", "1 in every"
_RATIO_WHOLE = re.compile(rf"\b(?:{WORD_NUMBER}|\d{{1,2}})\s+(?:out of|in)\s+(?:every\s+)?$", re.I)
# Video resolutions, not pence: "1080p"
_RESOLUTIONS = {240.0, 360.0, 480.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0}
_SCALE_TAIL = re.compile(rf"^(.*?)((?:[ \u00a0]?-?[ \u00a0]?(?:{SCALE_WORD}|bn|mn|mln|bln|tn|trn|mil|m|k|b)\b)+)$",
                         re.I)


@dataclass
class Quantity:
    """A quantity expression found in the text, before the parse gives it a noun."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: str = "="
    vague: bool = False
    currency: str | None = None  # "dollar", "euro", ... when written with a symbol, a code or as cents/pence
    num_start: int = 0  # the figure without its hedge words
    hedge: str = ""  # the hedge/bound words, or the bounding verb outside the span
    word_number: bool = False  # written in words ("three"): needs a noun to count
    # ISO 4217 code ("USD", "HKD", "GBP") of the currency: from the symbol or code before the figure, from
    # cents/pence, or from a currency named right after it ("21 billion euros" → "EUR", `currency` None there)
    currency_code: str | None = None


def _currency_of(amount: str) -> tuple[str | None, str | None, str]:
    """The currency word and ISO code written before the figure, and the figure without them."""
    m = _CURRENCY_SIGN_RE.match(amount)
    if m and m.lastindex:
        _, word, code = CURRENCY_SIGNS[m.lastindex - 1]
        return word, code, amount[m.end():]
    return None, None, amount


def _cents_of(amount: str) -> tuple[str, str | None, str | None]:
    """ "19 cents" → ("19", "dollar", "USD"), "50p" → ("50", "pound", "GBP"); other amounts unchanged."""
    m = re.search(rf"{_CENTS}$", amount, re.I)
    if not m or not re.search(r"[\dA-Za-z]", amount[:m.start()]):
        return amount, None, None
    unit = m.group(0).strip().lower()
    if unit.startswith("euro"):
        return amount[:m.start()], "euro", "EUR"
    if unit.startswith("pence") or unit == "p":
        return amount[:m.start()], "pound", "GBP"
    return amount[:m.start()], "dollar", "USD"


def _value(amount: str) -> tuple[float | None, str | None, str | None]:
    """Value in whole units, currency word and ISO code of one amount ("HK$1,200", "19 cents")."""
    currency, code, rest = _currency_of(amount)
    if currency is None:
        rest, currency, code = _cents_of(amount)
        if currency is not None:
            cents = parse_number(rest)
            return (None if cents is None else round(cents / 100, 10)), currency, code
    return parse_number(rest), currency, code


def _mantissa(amount: str) -> tuple[float | None, float]:
    """The number before an amount's scale words and what they multiply it by: "five thousand" → (5, 1000),
    "$2 billion" → (2, 1e9), "20 cents" → (20, 0.01), "four" → (4, 1)."""
    _, _, rest = _currency_of(amount)
    bare, cur, _ = _cents_of(rest)
    if cur is not None:
        return parse_number(bare), 0.01
    m = _SCALE_TAIL.match(rest.strip())
    if m and m.group(1).strip():
        head = m.group(1).strip()
        mant = 1.0 if head.lower() == "a" else parse_number(head)
        full = parse_number(rest)
        if mant and full:
            return mant, full / mant
    return parse_number(rest), 1.0


def _currency_after(after: str) -> str | None:
    """ISO code of a currency named right after the figure: "21 billion euros", "5m Australian dollars"."""
    m = _CURRENCY_AFTER.match(after)
    if not m:
        return None
    word = CURRENCY_WORDS[m.group(2).lower()]
    if m.group(1):
        return _NATIONAL_CODES.get((m.group(1).lower(), word), CURRENCY_CODES.get(word))
    return CURRENCY_CODES.get(word)


def _sign_after(q: Quantity, text: str) -> Quantity:
    """A figure with its currency sign or code written after it ("1,200€", "110 JPY") is money, the sign
    part of the expression, as "$" is before a figure."""
    m = _SIGN_AFTER.match(text, q.end) if q.currency is None else None
    if m is None:
        return q
    code = _SIGNS[m.group(1)] if m.group(1) else m.group(2)
    q.currency, q.currency_code = _CODE_WORDS[code], code
    q.end, q.text = m.end(), text[q.start:m.end()]
    return q


def _is_name(before: str) -> bool:
    """A number completing a name: "FTSE 100", "iPhone 11", "Day 3" (not "Victory Day 300")."""
    if _NAME_BEFORE.search(before):
        return True
    return bool(re.search(r"\bDay[ \u00a0]$", before)) and not re.search(
        r"(?<![\w'’.])(?!(?:On|In|By|Since|Until|From|Of|For|At|After|Before|The|Each|Every)\b)"
        r"[A-Z][\w'’.]*[ \u00a0]+Day[ \u00a0]$", before)


def _year_or_label(bare: str, before: str, after: str) -> bool:
    """A bare figure that is a year or a label, not a count: the end of a season or fiscal year
    ("2014-15"), a year of the next century after a time preposition ("by 2120"), a figure grown into a
    word ("49ers", "5G"; not "100kg", a mass counted as an amount), or a postal code ("90049 ZIP code")."""
    if re.fullmatch(r"\d\d", bare) and re.search(r"\b(?:1[5-9]|20)\d\d[-–]$", before):
        return True
    if re.fullmatch(r"21\d\d", bare) and re.search(r"\b(?:by|until|till|before|after|in|through|since)\s+$",
                                                   before, re.I):
        return True
    if re.match(r"[A-Za-z]", after) and not re.match(r"(?:kgs?|kilos?|t|tonnes?|tons?|g|grams?)\b", after, re.I):
        return True
    return bool(re.match(r"\s(?:zip|postal|post|area)\s?codes?\b", after, re.I))


def _plural_noun_follows(after: str) -> bool:
    """ "1500 to 2000 troops": a count, where "from 2018 to 2020," is a period."""
    m = re.match(r"\s+(?:[a-z]+\s+)?([a-z]{3,}s)\b", after)
    return m is not None and m.group(1) not in {"was", "has", "its", "this", "years", "decades", "centuries", "thus",
                                            "plus", "his", "hers", "ours", "yours", "theirs", "whereas", "unless"}


def _prefix_semantics(prefix: str) -> tuple[bool, str]:
    approx, bound = False, "="
    words = prefix.strip().lower()
    while words:
        for pat, ap, bd in _PREFIXES_LONGEST_FIRST:
            m = re.match(rf"{pat}\b\s*", words)
            if m:
                approx = approx or ap
                if bd != "=":
                    bound = bd
                words = words[m.end():]
                break
        else:
            break
    return approx, bound


def find_quantities(text: str) -> list[Quantity]:
    """Every candidate quantity expression in `text`, left to right, not overlapping."""
    out: list[Quantity] = []
    pos = 0
    while True:
        m = PATTERN.search(text, pos)
        if m is None:
            return out
        q, nxt = _build(m, text)
        if q is not None and not _clock_heading(text, q):
            out.append(q)
        pos = max(nxt, m.start() + 1)


CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:h][0-5]\d")


def _clock_heading(text: str, q: Quantity) -> bool:
    """A live blog's time stamp with a dot ("08.35" alone on its line, or before a dash), not a figure."""
    if not CLOCK.fullmatch(q.text) or (q.start > 0 and text[q.start - 1] != "\n"):
        return False
    return bool(re.match(r"[ \t]*(?:$|\n|[-–—|])", text[q.end:q.end + 3]))


def _single_at(text: str, pos: int) -> tuple[Quantity | None, int]:
    """The one figure (with its hedges) that starts at `pos`, and where reading goes on."""
    m = SINGLE.match(text, pos)
    if m is None:
        return None, pos + 1
    prefix = m.group("prefix") or ""
    approx, bound = _prefix_semantics(prefix)
    return _single(text, m.start(), prefix, m.group("amount"), approx, bound), m.end()


def _build(m: re.Match[str], text: str) -> tuple[Quantity | None, int]:
    """The quantity of one pattern match (or None), and the offset where the search goes on."""
    prefix = m.group("prefix") or ""
    core_start = m.start() + len(prefix)
    # "some" and "over" are hedges only before a figure: "some 11,000", never "some say".
    approx, bound = _prefix_semantics(prefix)
    after = text[m.end():m.end() + 40]
    before = text[max(0, core_start - 30):core_start]
    if m.group("vague"):
        word = m.group("vague").lower()
        if word in {"hundreds", "thousands", "millions", "dozens", "scores", "billions"} and re.match(
                r"\s+of\s+(?:years|miles|kilomet|metres|meters|feet|hours|days|times)", after, re.I):
            return None, m.end()
        if word in {"a few", "a couple", "a handful"} and not re.match(r"\s+(?:of\s+)?[a-z]", after, re.I):
            return None, m.end()
        if word in {"a few", "a couple"} and re.match(
                r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|times|more|other|of them|of the)\b", after, re.I):
            return None, m.end()
        if word == "several" and re.match(r"\s+(?:more\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|"
                                          r"seconds?|decades?|times)\b", after, re.I):
            return None, m.end()  # "for several hours": a duration
        return Quantity(start=m.start(), end=m.end(), text=text[m.start():m.end()], value=None,
                        approx=False, bound="=", vague=True, num_start=core_start, hedge=prefix.strip()), m.end()
    key = next((k for k in ("1", "2", "3") if m.group("lo" + k)), None)
    if key is None:
        return _single(text, m.start(), prefix, m.group("amount"), approx, bound), m.end()
    lo_s, hi_s = m.group("lo" + key), m.group("hi" + key)
    # Where the range is two figures (or a year and a figure), the first is read alone and the search
    # goes on after it, so that the second is found in its own right.
    split_at = m.start() if key == "3" else m.start("lo" + key)
    lo, cur_lo, code_lo = _value(lo_s)
    hi, cur_hi, code_hi = _value(hi_s)
    if lo is None or hi is None:
        return _single_at(text, split_at)
    lo_bare, hi_bare = _currency_of(lo_s)[2].strip(), _currency_of(hi_s)[2].strip()
    lo_year = bool(_YEAR.match(lo_bare)) and cur_lo is None
    hi_year = bool(_YEAR.match(hi_bare)) and cur_hi is None
    if lo_year and hi_year and not _plural_noun_follows(after):
        return None, m.end()  # "1950-1953", "from 2018 to 2020", "between 1600 and 1900": a period
    if lo_year and not hi_year:
        return _single_at(text, split_at)  # "rose 60% in 2018 to 3.9 million"
    sep = text[m.end("lo3"):m.start("hi3")] if key == "3" else ""
    hyphen = bool(re.search(r"[-–—]", sep))
    if hyphen:
        # "10,000-12,000", "$1-2 billion"; not "Su-34", "twenty-five" or a score ("2-2", "won 3-1")
        if not (re.fullmatch(DIGITS, lo_bare) and re.fullmatch(DIGITS + _SCALE + "?", hi_bare)):
            return _single_at(text, split_at)
        sport = _SPORT_AFTER.match(after) or _SPORT_BEFORE.search(text[max(0, core_start - 20):core_start])
        if re.fullmatch(r"\d{1,2}", lo_bare) and re.fullmatch(r"\d{1,2}", hi_bare) and (lo >= hi or sport):
            return None, m.end()
    change_before = text[max(0, m.start() - 30):m.start()]
    if key == "2" and re.search(rf"\b(?:{_CHANGE_VERB})\s*$", text[max(0, m.start() - 25):m.start() + len(prefix)],
                                re.I):
        q, nxt = _single_at(text, split_at)  # "rose from 100 to 225": the figure before and after the change
        return _shared_scale(q, hi_s), nxt
    # "scale": "1.5 to 2 million" and "four to five thousand": the low end shares the high end's scale,
    # when it is a mantissa of it; "10 to 20 cents" the same
    lo_mant, lo_factor = _mantissa(lo_s)
    hi_mant, hi_factor = _mantissa(hi_s)
    if lo_factor == 1 and hi_factor != 1 and hi_mant and lo <= hi_mant and (hi_factor > 1 or cur_lo is None):
        lo = round(lo * hi_factor, 10)
    if key == "3" and re.search(r"\bto\b", sep) and hi > 2 * lo and re.search(
            rf"\b(?:(?:{_CHANGE_VERB})(?:\s+by)?|by)\s+$", change_before, re.I):
        return _single_at(text, split_at)  # "increased by $43.6 billion to $419.2 billion": a change and a total
    if _AFTER_NOT_COUNT.match(after) or _BEFORE_NOT_COUNT.search(before) or _is_name(before) \
            or _measures(before, after):
        if key == "3" and re.fullmatch(r"\s+[-–—]\s+", sep):
            return None, m.start("hi3")  # "12:30 - 1,037 dead": a dash between, the second is read alone
        return None, m.end()
    if lo > hi or (lo == hi and hyphen):
        return (None, m.end()) if hyphen else _single_at(text, split_at)
    core = m.start("between") if m.group("between") else (m.start("from") if m.group("from") else core_start)
    word_number = bool(re.fullmatch(WORD_NUMBER, lo_s.strip(), re.I))
    q = Quantity(start=m.start(), end=m.end(), text=text[m.start():m.end()], value=None, low=lo, high=hi,
                 approx=approx, bound=bound, currency=cur_lo or cur_hi, num_start=core,
                 hedge=prefix.strip(), word_number=word_number,
                 currency_code=code_lo or code_hi or _currency_after(after))
    return _sign_after(q, text), m.end()


def _measures(before: str, after: str) -> bool:
    """A figure with a unit that measures rather than counts: an amount unit in a rate or a compound
    ("450,000 barrels per day", "20-litre jerrycans"), or any unit sizing one thing ("a 50 kg bag", "the 25-
    to 30-metre trawler")."""
    if _AMOUNT_NOT_COUNT.match(after) or _SIZE_RANGE_LOW.match(after):
        return True
    return bool(re.search(r"\b(?:a|an)\s+$", before, re.I)) and bool(_SIZE_AFTER.match(after))


def _shared_scale(q: Quantity | None, after_change: str) -> Quantity | None:
    """The figure before a change, written without the scale it shares with the figure after it: "rose from
    1.5 to 2 million" is 1.5 million, when the two are of one size ("from 500 to 2 million" stays 500)."""
    if q is None or q.value is None:
        return q
    _, factor = _mantissa(_amount_text(q))
    after_mant, after_factor = _mantissa(after_change)
    if factor == 1 and after_factor > 1 and after_mant and 0.1 <= q.value / after_mant <= 10:
        q.value = round(q.value * after_factor, 10)
    return q


def _amount_text(q: Quantity) -> str:
    """The figure of a quantity as written, without its hedge words ("$1.5" of "about $1.5")."""
    return q.text[q.num_start - q.start:]


# "handed over 24 bodies", "took over 3 towns": "over" is the verb's particle, not a bound.
_PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|"
                            r"pass|passed|passing|give|gave|given|carry|carried|win|won|hold|held|sign|signed)\s+$",
                            re.I)


def _single(text: str, start: int, prefix: str, amount: str, approx: bool, bound: str) -> Quantity | None:
    if prefix.strip().lower() == "over" and _PARTICLE_VERB.search(text[max(0, start - 12):start]):
        start, prefix, approx, bound = start + len(prefix), "", False, "="
    core_start = start + len(prefix)
    end = core_start + len(amount)
    after = text[end:end + 40]
    before = text[max(0, core_start - 30):core_start]
    value, currency, code = _value(amount)
    if value is None:
        return None
    bare = _currency_of(amount)[2].strip()
    if re.fullmatch(r"\d+", bare) and len(bare) > 1 and bare.startswith("0"):
        return None
    if _YEAR.match(bare) and currency is None:
        return None
    if currency is None and _year_or_label(bare, before, after):
        return None
    if _AFTER_NOT_COUNT.match(after) or _BEFORE_NOT_COUNT.search(before) or _is_name(before) \
            or _measures(before, after):
        return None
    if currency is None and re.match(r"[ \u00a0]?(?:[-–]\s?)?\d", after) and not re.match(
            rf"\s\d[\d,.]*(?:-[a-z]|[ \u00a0]?-?{_MEASURE_UNIT})", after, re.I):
        return None  # "1 2", "3-4"; not "two 500-pound bombs" or "two million 330ml cans"
    if code == "GBP" and re.fullmatch(r"\d+p", bare) and value * 100 in _RESOLUTIONS:
        return None  # "1080p"
    word_number = bool(re.fullmatch(WORD_NUMBER, bare, re.I))
    if word_number and re.match(r"[a-z]", after, re.I):
        return None  # "ones", "someone"
    if word_number and value == 1 and _ONE_NOT_COUNT.match(after):
        return None  # "one another", "one thing"
    if word_number and value == 1 and re.search(r"\b(?:each|every|any|no|this|which|same|the)\s+$", before, re.I):
        return None  # the pronoun: "each one they lose", "the same one", "which one"
    if _RATIO_WHOLE.search(before):
        return None  # the whole of a ratio: "two out of three voters", "one in five homes", "7 in 10"
    if word_number and value == 1 and re.match(r"\s+of\s", after, re.I) and not _ONE_OF_COUNT.match(after):
        return None  # "one of Moscow's main suppliers", "one of the best"; not "one of the victims"
    if word_number and value == 1 and re.match(r"\s+\w+\s+(?:for|in)\s+(?:every|each)\b", after, re.I):
        return None  # "one interpreter for every 30 soldiers"
    if value < 120 and re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*[,)]", after) and currency is None:
        return None  # an age after a name: "Romi Gonen, 24,"
    if not prefix:
        vm = BOUND_VERBS.search(text[max(0, core_start - 30):core_start])
        if vm:
            bound = ">"
            prefix_cue = vm.group(0).strip()
        else:
            prefix_cue = ""
    else:
        prefix_cue = prefix.strip()
    q = Quantity(start=start, end=end, text=text[start:end], value=value, approx=approx, bound=bound,
                 currency=currency, num_start=core_start, hedge=prefix_cue, word_number=word_number,
                 currency_code=code or _currency_after(after))
    return _sign_after(q, text)
