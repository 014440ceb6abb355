"""Numbers as written in news text: digits, words and scale words to floats.

"3,000" → 3000, "1.5 million" → 1500000, "$2bn" → 2e9, "RM3mil" → 3e6, "two dozen" → 24,
"a thousand" → 1000, "twenty-five" → 25, "4 hundred million" → 4e8,
"27-hundred" → 2700, "twenty-eight thousand six hundred forty-two" → 28642,
"half a million" → 5e5, "500 crore" → 5e9. Pure functions, no spaCy.
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
# Scale words that multiply what comes before them ("hundred" also inside a word number).
BIG_SCALES = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
SCALES = {
    "hundred": 100, **BIG_SCALES, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "mil": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25, "three quarters": 0.75}
SPECIAL = {"a dozen": 12, "dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000,
           "a million": 1_000_000, "a billion": 1_000_000_000, "a trillion": 1_000_000_000_000}

# 1 to 99 in one word or two. Longer words first: "seventeen" must not match as "seven".
WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve"
    r"|one|two|three|four|five|six|seven|eight|nine|ten)"
)
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|crores?|lakhs?)"
# Up to 9,999 in words: "six hundred forty-two", "one hundred and twenty", "twenty-seven hundred".
_WORD_GROUP = rf"(?:{WORD_NUMBER}\b(?:[- ]hundred\b(?:(?: and)? {WORD_NUMBER}\b)?)?)"
# Any number in words: groups joined by scale words, "twenty-eight thousand six hundred forty-two",
# "four hundred million", "one million, two hundred thousand".
LONG_WORD_NUMBER = (
    rf"(?:{_WORD_GROUP}(?:[- ](?:thousand|million|billion|trillion|crores?|lakhs?)\b"
    rf"(?:(?:, | and | ){_WORD_GROUP})?)*)"
)
# "3,000", "1.5", and the Indian grouping "2,18,674" (218,674)
DIGITS = r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_digits_re = re.compile(DIGITS)


def parse_number(text: str) -> float | None:
    """Value of one number expression without hedges or currency ("1.5 million", "two dozen")."""
    t = text.strip().lower().replace("\u2011", "-").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t)
    if t in SPECIAL:
        return float(SPECIAL[t])
    # "3,000", "1.5 million", "27-hundred", "4 hundred million", "2bn"
    m = re.fullmatch(rf"({DIGITS})((?:\s*-?\s*[a-z]+)*)", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        for word in re.findall(r"[a-z]+", m.group(2)):
            if word not in SCALES:
                return None
            value *= SCALES[word]
        return value
    # "two dozen", "a few dozen" (vague: no value)
    m = re.fullmatch(r"(.+?) dozens?", t)
    if m:
        head = parse_number(m.group(1)) if m.group(1) not in ("a", "one") else 1.0
        return None if head is None else head * 12
    # "half a million", "a quarter of a billion", "three quarters of a million"
    m = re.fullmatch(r"(half|a half|a quarter|quarter|three quarters) (?:of )?an? ([a-z]+)", t)
    if m and m.group(2) in SCALES:
        return FRACTIONS[m.group(1)] * SCALES[m.group(2)]
    # "one and a half million", "two and a half thousand"
    m = re.fullmatch(r"(.+?) and a half ([a-z]+)", t)
    if m and m.group(2) in SCALES:
        head = 1.0 if m.group(1) == "a" else parse_number(m.group(1))
        return None if head is None else (head + 0.5) * SCALES[m.group(2)]
    return parse_words(t)


def parse_words(t: str) -> float | None:
    """A number written in words: "twenty-five", "a hundred thousand", "six hundred and forty-two"."""
    words = [w for w in re.split(r"[\s,-]+", t.strip().lower()) if w]
    if words[:1] == ["a"] and len(words) > 1:
        words[0] = "one"
    words = [w for w in words if w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    last = ""  # "units", "tens", "hundred", "big": what a word may follow
    for w in words:
        if w in UNITS:
            if last in ("units",) or (last == "tens" and (UNITS[w] == 0 or UNITS[w] >= 10)):
                return None  # "two three", "twenty eleven"
            current += UNITS[w]
            last = "units"
        elif w in TENS:
            if last in ("units", "tens"):
                return None
            current += TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in ("units", "tens") or current >= 100:
                return None
            current *= 100
            last = "hundred"
        elif w in BIG_SCALES:
            if last not in ("units", "tens", "hundred"):
                return None
            total += current * BIG_SCALES[w]
            current = 0.0
            last = "big"
        else:
            return None
    return float(total + current)
