"""Periods: time words that modify a figure, resolved against the publication date.

"in January and February" (published 2025-03-27) → 2025-01-01..2025-02-28;
"last week" → P−7..P; "overnight" → P−1..P; "on Thursday" → that day;
"since October" → 2024-10-01..P; "so far this year" → Jan 1..P. Vague times
("recent weeks", "mid-March") resolve to nothing. Pure functions of the text
and the date.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
# Well-known starting points of wars, used by "since the start of the war" and the like.
WAR_STARTS = {
    "full-scale invasion": date(2022, 2, 24), "invasion": date(2022, 2, 24),
    "october 7": date(2023, 10, 7),
}

_M = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
      r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_D = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_N = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"

Period = tuple[str | None, str | None]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _past_month_year(month: int, pub: date) -> int:
    """The year of the latest `month` not after the publication month."""
    return pub.year if month <= pub.month else pub.year - 1


def _weekday_before(name: str, pub: date) -> date:
    delta = (pub.weekday() - WEEKDAYS[name]) % 7
    return pub - timedelta(days=delta)


def _minus_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 - n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _explicit_date(text: str, pub: date) -> date | None:
    """"October 7, 2023", "7 October 2023", "March 27" (the latest one not after P)."""
    m = re.search(rf"\b{_M}\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", text, re.I)
    if m:
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
    else:
        m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}(?:,?\s+(\d{{4}}))?", text, re.I)
        if not m:
            return None
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], m.group(3)
    y = int(year) if year else _past_month_year(month, pub)
    try:
        d = date(y, month, day)
    except ValueError:
        if year:
            return None
        try:  # "February 29" without a year: the last year that had one
            d = date(y - 1, month, day)
        except ValueError:
            return None
    if not year and d > pub:
        d = date(y - 1, month, day)
    return d


def _point(text: str, pub: date) -> tuple[date, date] | None:
    """A single named time: a date, a month, a year, a weekday."""
    t = text.lower().strip()
    d = _explicit_date(t, pub)
    if d:
        return d, d
    m = re.search(rf"\b{_M}(?:\s+(\d{{4}}))?\b", t)
    if m and not re.search(r"\b(mid|early|late|end of|beginning of|start of)\b", t):
        month = MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else _past_month_year(month, pub)
        return _month_span(year, month)
    years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", t))
    if len(years) > 1:
        return None  # "1950-1953": a span of years names an era, not the period of a figure
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", t)
    if m and not re.search(r"\b(mid|early|late)\b", t):
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    m = re.search(rf"\b{_D}\b", t)
    if m:
        d = _weekday_before(m.group(1), pub)
        return d, d
    return None


def resolve_period(text: str, pub: date | None) -> Period | None:
    """Resolve one time expression; None when it is vague or not a time of events."""
    if pub is None:
        return None
    t = re.sub(r"\s+", " ", text.lower().strip())
    t = re.sub(r"^(?:the|of|in|on|during|over|for|at|by)\s+", "", t)
    m = re.fullmatch(rf"(?:early|late|(?:the )?(?:early|small|late) hours of|early on)\s+{_D}"
                     rf"(?: morning| evening| night)?", t)
    if m:
        d = _weekday_before(m.group(1), pub)
        return _iso(d), _iso(d)
    if re.search(r"\b(recent|coming|next|mid-|mid |early|late|earlier|later|past few|last few|several)\b", t) \
            and not re.search(r"\bsince\b", t):
        return None
    if t in ("overnight", "last night", "overnight into " + t.split(" ")[-1]) or t.startswith("overnight"):
        return _iso(pub - timedelta(days=1)), _iso(pub)
    if re.fullmatch(r"(?:in )?(?:a|one|a single) (?:day|24 hours)|(?:the )?(?:previous|past|last) 24 hours", t):
        return _iso(pub - timedelta(days=1)), _iso(pub)
    if re.fullmatch(r"(?:in )?(?:a|one|a single) week(?: alone)?", t):
        return _iso(pub - timedelta(days=7)), _iso(pub)
    if t in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return _iso(pub), _iso(pub)
    if t == "yesterday":
        d = pub - timedelta(days=1)
        return _iso(d), _iso(d)
    if re.fullmatch(r"(?:so far |thus far )?this year(?: so far)?|so far this year|year to date|"
                    r"since (?:the start of|the beginning of|january)(?: this year| the year)?", t):
        if "so far" in t or "to date" in t or "since" in t:
            return _iso(date(pub.year, 1, 1)), _iso(pub)
        return _iso(date(pub.year, 1, 1)), _iso(date(pub.year, 12, 31))
    if t == "last year":
        return _iso(date(pub.year - 1, 1, 1)), _iso(date(pub.year - 1, 12, 31))
    if t in ("this month",):
        s, e = _month_span(pub.year, pub.month)
        return _iso(s), _iso(e)
    if t == "last month":
        d = _minus_months(pub, 1)
        s, e = _month_span(d.year, d.month)
        return _iso(s), _iso(e)
    m = re.fullmatch(rf"(?:the )?(?:last|past|previous|preceding)(?: {_N})? (day|week|month|year|hour)s?(?: alone)?", t)
    if m:
        n = NUMBER_WORDS.get(m.group(1) or "one") or int(m.group(1) or 1)
        unit = m.group(2)
        if unit == "day":
            start = pub - timedelta(days=n)
        elif unit == "week":
            start = pub - timedelta(days=7 * n)
        elif unit == "month":
            start = _minus_months(pub, n)
        elif unit == "year":
            start = _minus_months(pub, 12 * n)
        else:
            start = pub - timedelta(days=1)
        return _iso(start), _iso(pub)
    if t in ("this week",):
        return _iso(pub - timedelta(days=pub.weekday())), _iso(pub)
    m = re.fullmatch(r"since (.+)", t)
    if m:
        what = m.group(1)
        for key, d in WAR_STARTS.items():
            if key in what and not re.search(r"\d", what.replace(key, "")):
                return _iso(d), _iso(pub)
        p = _point(what, pub)
        if p:
            return _iso(p[0]), _iso(pub)
        return None
    m = re.fullmatch(r"(?:between |from )?(.+?) (?:through|to|until|till|and|-|–) (.+)", t)
    if m and not re.search(r"\b(?:last|past|previous)\b", t):
        a, b = _point(m.group(1), pub), _point(m.group(2), pub)
        if a and b and a[0] <= b[1]:
            return _iso(a[0]), _iso(b[1])
        if a and b and re.fullmatch(_M, m.group(1).strip()):
            # "from November to February": the first month is in the year before
            first = _month_span(b[1].year - 1, MONTHS[m.group(1).strip().rstrip(".")])
            return _iso(first[0]), _iso(b[1])
    m = re.fullmatch(rf"(?:from )?{_M}(?: \d{{4}})? (?:through|to|until|till|and|-|–) {_M}(?: (\d{{4}}))?", t)
    if m:
        m1, m2 = MONTHS[m.group(1)], MONTHS[m.group(2)]
        y2 = int(m.group(3)) if m.group(3) else _past_month_year(m2, pub)
        y1 = y2 if m1 <= m2 else y2 - 1
        return _iso(_month_span(y1, m1)[0]), _iso(_month_span(y2, m2)[1])
    m = re.fullmatch(r"(?:by|until|through|till|to) (?:the end of )?(\d{4})", t)
    if m:
        return None, _iso(date(int(m.group(1)), 12, 31))
    p = _point(t, pub)
    if p:
        return _iso(p[0]), _iso(p[1])
    return None


# Time expressions the NER misses or splits: searched in the raw sentence.
EXTRA_TIME = re.compile(
    rf"\b(?:(?:in |between |from )?{_M}(?: \d{{1,2}})?(?:,? \d{{4}})? (?:through|to|until|and) {_M}(?: \d{{1,2}})?"
    rf"(?:,? \d{{4}})?|"
    rf"(?:between |from |on )?{_D} (?:through|to|until|and) {_D}|"
    rf"(?:in )?the (?:early|small|late) hours of {_D}|(?:early|late) {_D}(?: morning| evening| night)?|"
    rf"since then|(?:(?<=have )|(?<=has )|(?<=had ))since|"
    rf"overnight|last night|yesterday|so far this year|this year|last year|last month|this month|"
    rf"(?:(?:in|over|during) )?the (?:last|past|previous|preceding)(?: {_N})? (?:day|week|month|year)s?(?: alone)?|"
    rf"(?:last|past) (?:week|month|year)|"
    rf"since (?:the (?:start|beginning) of (?:the )?(?:full-scale )?(?:war|invasion|conflict|year)|"
    rf"(?:russia's |the )?(?:full-scale )?invasion(?: (?:began|started|of ukraine|in 2022))?|"
    rf"{_M}(?: \d{{1,2}})?(?:,? \d{{4}})?|\d{{4}}|the war began|the war started)|"

    rf"(?:by|until|through) (?:the end of )?\d{{4}}|"
    rf"(?:on|last) {_D}|in {_M}(?: \d{{4}})?|in (?:1[89]\d\d|20\d\d)|on {_M} \d{{1,2}}(?:,? \d{{4}})?|"
    rf"in (?:a|one|a single) (?:day|week)|(?:the )?(?:previous|past|last) 24 hours)\b",
    re.I,
)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
