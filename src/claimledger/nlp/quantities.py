"""Find quantity expressions in raw text: the figure, its hedge, bound and range.

A pattern pass over the text (not the parser), so that "more than $62 billion",
"between 60,000 and 80,000", "a considerable amount" and "two dozen" are found
as one span each. Spans that are not counts (years, dates, times, ages,
calibers, model numbers, percentages, durations, distances) are dropped here
when the surrounding characters tell; the extractor drops the rest with the
parse (a number that modifies no countable noun).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.nlp.numbers import DIGITS, WORD_NUMBER, parse_number

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

CURRENCY_SYMBOLS = {
    "us$": "dollar", "u.s.$": "dollar", "$": "dollar", "a$": "dollar", "c$": "dollar", "hk$": "dollar",
    "€": "euro", "£": "pound", "¥": "yen", "₴": "hryvnia", "₽": "rouble", "₹": "rupee", "₪": "shekel",
    "usd": "dollar", "eur": "euro", "gbp": "pound", "uah": "hryvnia", "rub": "rouble", "jpy": "yen",
    "cny": "yuan", "chf": "franc", "inr": "rupee", "ils": "shekel",
}
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "sterling": "pound", "hryvnia": "hryvnia", "hryvnias": "hryvnia",
    "hryvnas": "hryvnia", "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "yen": "yen", "yuan": "yuan", "renminbi": "yuan", "won": "won", "shekel": "shekel", "shekels": "shekel",
    "rupee": "rupee", "rupees": "rupee", "franc": "franc", "francs": "franc", "lira": "lira",
    "rial": "rial", "rials": "rial", "zloty": "zloty", "zlotys": "zloty", "krone": "krone", "kroner": "krone",
    "kronor": "krona", "krona": "krona",
}

_CUR = r"(?:US\$|U\.S\.\s?\$|A\$|C\$|HK\$|\$|€|£|¥|₴|₽|₹|₪|(?:USD|EUR|GBP|UAH|RUB|JPY|CNY|CHF|INR|ILS)\s?)"
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|m|k|tn|trn|b)\b)"
_NUM = (
    rf"(?:(?:{DIGITS}){_SCALE}?"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) dozen\b"
    rf"|half a (?:million|billion)\b"
    rf"|a (?:hundred|thousand|million|billion|trillion)\b"
    rf"|(?:{WORD_NUMBER})(?: (?:hundred|thousand|million|billion|trillion)\b)?)"
)
_AMOUNT = rf"(?:{_CUR})?{_NUM}"
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES, key=lambda x: -len(x[0]))
_PREFIX = "|".join(p for p, _, _ in _PREFIXES_LONGEST_FIRST)

VAGUE = (
    r"(?:tens|hundreds) of (?:thousands|millions)|hundreds|thousands|millions|billions|dozens|scores"
    r"|several (?:hundred|thousand|million|dozen)|a few (?:hundred|thousand|million|dozen)"
    r"|a few|a handful|a couple|a (?:small|large|significant|considerable|substantial|huge|vast|great|limited|"
    r"sizeable|sizable|growing|unknown|undisclosed|unspecified|high|record) (?:number|amount|quantity|quantities)"
    r"|(?:large|significant|considerable|substantial|huge|vast|massive|small|limited|unspecified) "
    r"(?:quantities|amounts|numbers)|numerous|countless"
)

PATTERN = re.compile(
    rf"(?P<prefix>(?:\b(?:{_PREFIX})\s+)*)"
    rf"(?:"
    rf"(?P<between>\bbetween\s+)(?P<lo1>{_AMOUNT})\s+and\s+(?P<hi1>{_AMOUNT})"
    rf"|(?P<from>\bfrom\s+)(?P<lo2>{_AMOUNT})\s+to\s+(?P<hi2>{_AMOUNT})"
    rf"|(?P<lo3>{_AMOUNT})(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+)(?P<hi3>{_AMOUNT})"
    rf"|(?P<vague>\b(?:{VAGUE})\b)"
    rf"|(?P<amount>(?<![\w.])(?:{_AMOUNT}))"
    rf")",
    re.I,
)

MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_AFTER_NOT_COUNT = re.compile(
    r"^(?:\s?%|\s?per ?cent\b|\s?percentage\b|\s?-?(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|km|"
    r"kilomet(?:er|re)s?|metres?|meters?|m\b|miles?|mi\b|feet|ft\b|inch(?:es)?|kg|kilos?|kilograms?|grams?|"
    r"tonnes?|tons?|lbs?|pounds? of\b|litres?|liters?|gallons?|barrels?|mw|gw|kw|megawatts?|gigawatts?|"
    r"kilowatts?|degrees?|°|knots?|hectares?|acres?|sq\b|square\b|calibre|caliber|magnitude)\b"
    r"|\s?-?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?|"
    r"year-old|years-old)\b"
    r"|\s?(?:times|-fold|fold)\b|\s(?:quarters?|thirds?|fifths?|tenths?|halves)\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|bst|cet)"
    r"|:\d|/\d|\.\d|\s?(?:st|nd|rd|th)\b|-[a-z]"
    rf"|\s(?:{MONTHS})\b"
    r"|\s(?:in|out of) (?:every )?\d"
    r"|,\s?\d{4}\b"
    r"|\s(?:[A-Z][a-z]+ )?(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Lane|Square)\b)",
    re.I,
)
_BEFORE_NOT_COUNT = re.compile(
    rf"(?:\b(?:{MONTHS})\.?\s*$|[A-Za-z]-\s*$|[A-Za-z]$|\b(?:aged|age|ages|article|articles|resolution|section|"
    r"chapter|clause|rule|phase|stage|unit|route|highway|flight|room|no\.|number|paragraph|point|page|"
    r"item|level|grade|category|class|size|version|model|block|building|gate|terminal|platform|"
    r"channel|line|squadron|battalion|regiment|division|corps|covid|g|p|group of|magnitude|every|per|operation|"
    r"decree|law|bill|order|protocol|convoy|camp)\s*$|[#№]\s*$|"
    r"\bone in (?:every\s+)?$|\bno\s*$|\d[:/]\s*$|\baged?\s+\d+\s*(?:and|or|to|-)\s*$)",
    re.I,
)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(s)?$")


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
    currency: str | None = None  # "dollar", "euro", ... when written with a symbol or code
    num_start: int = 0  # the figure without its hedge words
    hedge: str = ""  # the hedge/bound words, or the bounding verb outside the span
    word_number: bool = False  # written in words ("three"): needs a noun to count


def _currency_of(amount: str) -> tuple[str | None, str]:
    m = re.match(_CUR, amount, re.I)
    if not m:
        return None, amount
    sym = m.group(0).strip().lower().replace(" ", "")
    return CURRENCY_SYMBOLS.get(sym), amount[m.end():]


def _value(amount: str) -> tuple[float | None, str | None]:
    currency, rest = _currency_of(amount)
    return parse_number(rest), currency


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
    for m in PATTERN.finditer(text):
        q = _build(m, text)
        if q is not None:
            out.append(q)
    return out


def _build(m: re.Match[str], text: str) -> Quantity | None:
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
            return None
        if word in {"a few", "a couple", "a handful"} and not re.match(r"\s+(?:of\s+)?[a-z]", after, re.I):
            return None
        if word in {"a few", "a couple"} and re.match(
                r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|times|more|other|of them|of the)\b", after, re.I):
            return None
        return Quantity(start=m.start(), end=m.end(), text=text[m.start():m.end()], value=None,
                        approx=False, bound="=", vague=True, num_start=core_start, hedge=prefix.strip())
    lo_s = m.group("lo1") or m.group("lo2") or m.group("lo3")
    if lo_s:
        hi_s = m.group("hi1") or m.group("hi2") or m.group("hi3")
        lo, cur_lo = _value(lo_s)
        hi, cur_hi = _value(hi_s)
        if lo is None or hi is None:
            return _single(m, text, lo_s, prefix, approx, bound)
        if m.group("lo3"):
            sep = text[m.start("lo3") + len(lo_s):m.start("hi3")]
            # "1950-1953" and "2022 to 2024" are years; "from 100 to 225" after a rise is a change.
            if _YEAR.match(lo_s.strip()) and _YEAR.match(hi_s.strip()):
                return None
            if "-" in sep or "–" in sep or "—" in sep:
                # "10,000-12,000", "$1-2 billion"; not "Su-34" or a list
                lo_bare, hi_bare = _currency_of(lo_s)[1].strip(), _currency_of(hi_s)[1].strip()
                if not (re.fullmatch(DIGITS, lo_bare) and re.fullmatch(DIGITS + _SCALE + "?", hi_bare)):
                    return _single(m, text, lo_s, prefix, approx, bound)
        if m.group("from") and re.search(r"\b(?:rose|risen|rising|rises|increased|climbed|jumped|grew|"
                                         r"fell|dropped|declined|raised|up|down|lowered|revised)\s*$",
                                         text[max(0, m.start() - 25):m.start() + len(prefix)], re.I):
            return _single(m, text, lo_s, prefix, approx, bound, offset=m.start("lo2"))
        # "1.5 to 2 million": the scale of the high end applies to the low end.
        scale = re.search(r"(hundred|thousand|million|billion|trillion|bn|mn|m|k)\s*$", hi_s, re.I)
        if scale and not re.search(r"[a-z]\s*$", lo_s, re.I) and lo < 1000 and hi >= 1000:
            # "1.5 to 2 million": the low end shares the high end's scale, when it is a mantissa of it
            mantissa = parse_number(re.sub(r"\s*(hundred|thousand|million|billion|trillion|bn|mn|m|k)\s*$", "",
                                           _currency_of(hi_s)[1], flags=re.I))
            if mantissa and lo <= mantissa:
                lo = lo * (hi / mantissa)
        if _AFTER_NOT_COUNT.match(after) or _BEFORE_NOT_COUNT.search(before):
            return None
        if lo > hi:
            return None
        core = m.start("between") if m.group("between") else (m.start("from") if m.group("from") else core_start)
        word_number = bool(re.fullmatch(WORD_NUMBER, lo_s.strip(), re.I))
        return Quantity(start=m.start(), end=m.end(), text=text[m.start():m.end()], value=None, low=lo, high=hi,
                        approx=approx, bound=bound, currency=cur_lo or cur_hi, num_start=core,
                        hedge=prefix.strip(), word_number=word_number)
    return _single(m, text, m.group("amount"), prefix, approx, bound)


# "handed over 24 bodies", "took over 3 towns": "over" is the verb's particle, not a bound.
_PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|"
                            r"pass|passed|passing|give|gave|given|carry|carried|win|won|hold|held|sign|signed)\s+$",
                            re.I)


def _single(m: re.Match[str], text: str, amount: str, prefix: str, approx: bool, bound: str,
            offset: int | None = None) -> Quantity | None:
    start = m.start() if offset is None else offset
    if offset is None and prefix.strip().lower() == "over" and _PARTICLE_VERB.search(text[max(0, start - 12):start]):
        offset = start = start + len(prefix)

    if offset is not None:
        prefix, approx, bound = "", False, "="
    core_start = start + len(prefix)
    end = core_start + len(amount)
    after = text[end:end + 40]
    before = text[max(0, core_start - 30):core_start]
    value, currency = _value(amount)
    if value is None:
        return None
    bare = amount.strip()
    if re.fullmatch(r"\d+", bare) and len(bare) > 1 and bare.startswith("0"):
        return None
    if _YEAR.match(bare) and currency is None:
        return None
    if _AFTER_NOT_COUNT.match(after) or _BEFORE_NOT_COUNT.search(before):
        return None
    if currency is None and re.match(r"\s?(?:[-–]\s?)?\d", after):
        return None
    word_number = bool(re.fullmatch(WORD_NUMBER, bare, re.I))
    if word_number and re.match(r"[a-z]", after, re.I):
        return None  # "ones", "someone"
    if word_number and re.match(r"\s+of\s", after, re.I) and value == 1:
        return None  # "one of Moscow's main suppliers"
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
    return Quantity(start=start, end=end, text=text[start:end], value=value, approx=approx, bound=bound,
                    currency=currency, num_start=core_start, hedge=prefix_cue, word_number=word_number)
