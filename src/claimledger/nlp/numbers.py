"""Numbers as written in news text: digits, words and scale words to floats.

"3,000" → 3000, "1.5 million" → 1500000, "$2bn" → 2e9, "two dozen" → 24,
"a thousand" → 1000, "twenty-five" → 25. Pure functions, no spaCy.
"""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
SPECIAL = {"a dozen": 12, "dozen": 12, "half a million": 500_000, "half a billion": 500_000_000,
           "a hundred": 100, "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
           "a trillion": 1_000_000_000_000}

# Longer words first: "seventeen" must not match as "seven".
WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve"
    r"|one|two|three|four|five|six|seven|eight|nine|ten)"
)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_digits_re = re.compile(DIGITS)


def parse_number(text: str) -> float | None:
    """Value of one number expression without hedges or currency ("1.5 million", "two dozen")."""
    t = text.strip().lower().replace("\u2011", "-").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t)
    if t in SPECIAL:
        return float(SPECIAL[t])
    m = re.fullmatch(rf"({DIGITS})\s*-?\s*([a-z]+)?", t)
    if m:
        base = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale is None:
            return base
        if scale in SCALES:
            return base * SCALES[scale]
        return None
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) dozens?", t)
    if m:
        head = m.group(1)
        n = 1 if head == "a" else UNITS.get(head)
        return None if n is None else float(n * 12)
    m = re.fullmatch(rf"(a|{WORD_NUMBER}) (hundred|thousand|million|billion|trillion)", t)
    if m:
        head = 1.0 if m.group(1) == "a" else parse_words(m.group(1))
        return None if head is None else head * SCALES[m.group(2)]
    return parse_words(t)


def parse_words(t: str) -> float | None:
    t = t.strip().lower()
    if t in UNITS:
        return float(UNITS[t])
    if t in TENS:
        return float(TENS[t])
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", t)
    if m and m.group(1) in TENS and m.group(2) in UNITS and 0 < UNITS[m.group(2)] < 10:
        return float(TENS[m.group(1)] + UNITS[m.group(2)])
    return None
