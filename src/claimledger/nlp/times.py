"""Periods: time words that modify a figure, resolved against the publication date.

"in January and February" (published 2025-03-27) → 2025-01-01..2025-02-28;
"last week" → P−7..P; "overnight" → P−1..P; "on Thursday" → that day;
"since October" → 2024-10-01..P; "so far this year" → Jan 1..P. Vague times
("recent weeks", "mid-March") resolve to nothing. Pure functions of the text
and the date.

A statement's date is one day, not a span (`statement_day`, for
extract/statement.py): "said on Monday" → that Monday, "in late December" →
December 25, "in November" → November 15, "last week" → P−7.
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
    # "by" stays: "by 2030" is a deadline, which ends a period and starts none
    t = re.sub(r"^(?:the|of|in|on|during|over|for|at)\s+", "", t)
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
        first = _since_start(what, pub)
        return (_iso(first), _iso(pub)) if first else None
    days = _day_range(t, pub)
    if days:
        return _iso(days[0]), _iso(days[1])
    m = re.fullmatch(rf"(?:the )?{_N} months (?:to|through|until|ending(?: in)?) {_M}(?: (\d{{4}}))?", t)
    if m:  # "the 12 months to August": the twelve months that end with August
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        month = MONTHS[m.group(2)]
        year = int(m.group(3)) if m.group(3) else _past_month_year(month, pub)
        end = _month_span(year, month)[1]
        return _iso(_minus_months(end.replace(day=1), n - 1)), _iso(end)
    m = re.fullmatch(r"(?:between |from )?(.+?) (?:through|to|until|till|and|-|–) (.+)", t)
    if m and not re.search(r"\b(?:last|past|previous)\b", t):
        a, b = _point(m.group(1), pub), _point(m.group(2), pub)
        if a and b and a[0] > b[1] and not re.search(r"\d{4}", m.group(1)):
            # "between May 30 and September 4, 2022": the first end is of the year the second names
            a = _point(m.group(1), b[1])
        if a and b and a[0] <= b[1]:
            return _iso(a[0]), _iso(b[1])
        if a and b and re.fullmatch(_M, m.group(1).strip()):
            # "from November to February": the first month is in the year before
            months = _month_span(b[1].year - 1, MONTHS[m.group(1).strip().rstrip(".")])
            return _iso(months[0]), _iso(b[1])
    m = re.fullmatch(rf"(?:from )?{_M}(?: \d{{4}})? (?:through|to|until|till|and|-|–) {_M}(?: (\d{{4}}))?", t)
    if m:
        m1, m2 = MONTHS[m.group(1)], MONTHS[m.group(2)]
        y2 = int(m.group(3)) if m.group(3) else _past_month_year(m2, pub)
        y1 = y2 if m1 <= m2 else y2 - 1
        return _iso(_month_span(y1, m1)[0]), _iso(_month_span(y2, m2)[1])
    m = re.fullmatch(r"(?:by|until|through|till|to) (?:the end of )?(\d{4})", t)
    if m:
        return None, _iso(date(int(m.group(1)), 12, 31))
    if re.fullmatch(rf"by (?:the (?:end|start|beginning) of )?{_M}(?:,? \d{{4}})?", t):
        return None  # "by December": a cut-off no day of which is named, so no time of the count's
    # (a cut-off day dates the count then: "had fallen to 80,000 by Wednesday")
    p = _point(t, pub)
    if p:
        return _iso(p[0]), _iso(p[1])
    return None


_DAYS_FROM = r"(?:between |from |on )?"
_DAYS_TO = r"(?:and|to|through|until|-|–)"


def _day_range(t: str, pub: date) -> tuple[date, date] | None:
    """Days of one month named once: "between 27 and 29 May", "November 29 and 30", "March 3 to 5, 2024"."""
    m = re.fullmatch(rf"{_DAYS_FROM}(\d{{1,2}}) {_DAYS_TO} (\d{{1,2}}) {_M}(?:,? (\d{{4}}))?", t)
    if m:
        first, last, month, year = m.group(1), m.group(2), m.group(3), m.group(4)
    else:
        m = re.fullmatch(rf"{_DAYS_FROM}{_M} (\d{{1,2}}) {_DAYS_TO} (\d{{1,2}})(?:,? (\d{{4}}))?", t)
        if not m:
            return None
        month, first, last, year = m.group(1), m.group(2), m.group(3), m.group(4)
    end = _explicit_date(f"{month} {last}" + (f", {year}" if year else ""), pub)
    if end is None or not 1 <= int(first) <= end.day:
        return None
    return end.replace(day=int(first)), end


def _since_start(what: str, pub: date) -> date | None:
    """Where "since <what>" starts: "since March 3" → March 3; "since the start of last year" → its
    January 1; "since the end of November" → November 30; "since ... a week ago" → P−7."""
    edge = re.fullmatch(r"(?:the )?(start|beginning|end) of (?:the )?(.+)", what)
    if edge:
        whole = resolve_period("this year" if edge.group(2) == "year" else edge.group(2), pub)
        if whole is None or whole[0] is None or whole[1] is None:
            return None
        return date.fromisoformat(whole[1] if edge.group(1) == "end" else whole[0])
    m = re.fullmatch(rf"{_N} (day|week|month|year)s? ago", what)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit in ("month", "year"):
            return _minus_months(pub, n * (12 if unit == "year" else 1))
        return pub - timedelta(days=n * (7 if unit == "week" else 1))
    p = _point(what, pub)
    return p[0] if p else None


# Time expressions the NER misses or splits: searched in the raw sentence.
EXTRA_TIME = re.compile(
    rf"\b(?:(?:in |between |from )?{_M}(?: \d{{1,2}})?(?:,? \d{{4}})? (?:through|to|until|and) {_M}(?: \d{{1,2}})?"
    rf"(?:,? \d{{4}})?|"
    rf"(?:between |from |on )?{_D} (?:through|to|until|and) {_D}|"
    rf"(?:between |from )?\d{{1,2}} {_M}(?:,? \d{{4}})? (?:through|to|until|and|-|–) \d{{1,2}} {_M}(?:,? \d{{4}})?|"
    rf"(?:between |from |on )?(?:\d{{1,2}} (?:and|to|through|until|-|–) \d{{1,2}} {_M}|"
    rf"{_M} \d{{1,2}} (?:and|to|through|until|-|–) \d{{1,2}})(?:,? \d{{4}})?|"
    rf"(?:in |over |during )?the {_N} months (?:to|through|until|ending(?: in)?) {_M}(?: \d{{4}})?|"
    rf"(?:on )?\d{{1,2}} {_M}(?:,? \d{{4}})?|"
    rf"(?:in )?the (?:early|small|late) hours of {_D}|(?:early|late) {_D}(?: morning| evening| night)?|"
    rf"since then|(?:(?<=have )|(?<=has )|(?<=had ))since|"
    rf"overnight|last night|yesterday|so far this year|this year|last year|last month|this month|"
    rf"(?:(?:in|over|during) )?the (?:last|past|previous|preceding)(?: {_N})? (?:day|week|month|year)s?(?: alone)?|"
    rf"(?:last|past) (?:week|month|year)|"
    rf"since (?:the (?:start|beginning) of (?:the )?(?:full-scale )?(?:war|invasion|conflict|year)|"
    rf"the (?:start|beginning|end) of (?:(?:last|this) (?:year|month)|{_M}(?: \d{{4}})?|\d{{4}})|"
    rf"(?:russia's |the )?(?:full-scale )?invasion(?: (?:began|started|of ukraine|in 2022))?|"
    rf"{_M}(?: \d{{1,2}})?(?:,? \d{{4}})?|\d{{4}}|the war began|the war started)|"

    rf"(?:by|until|through) (?:the end of )?\d{{4}}|"
    rf"(?:on|last) {_D}|in {_M}(?: \d{{4}})?|in (?:1[89]\d\d|20\d\d)|on {_M} \d{{1,2}}(?:,? \d{{4}})?|"
    rf"in (?:a|one|a single) (?:day|week)|(?:the )?(?:previous|past|last) 24 hours)\b",
    re.I,
)


# One day for a time that dates a statement (spec/reconcile.md compares the times at which figures were
# current, within 7 days, so a statement needs a day, not a span). A vague part of a month is one
# representative day of it: its 1st for its beginning, the 5th early in it, the 15th in the middle, the
# 25th late in it, its last day at its end (0). Parts of a year likewise: (month, day).
MONTH_PARTS = {"beginning": 1, "start": 1, "early": 5, "mid": 15, "middle": 15, "late": 25, "end": 0}
YEAR_PARTS = {"beginning": (1, 1), "start": (1, 1), "early": (2, 15), "mid": (7, 1), "middle": (7, 1),
              "late": (11, 15), "end": (12, 31)}
_PART = r"(beginning|start|early|mid|middle|late|end)"
# The words a time that dates a statement is made of; any other word makes it something else.
_DAY_WORDS = set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS) | set(MONTH_PARTS) | {
    "the", "of", "on", "in", "at", "by", "as", "this", "last", "week", "month", "year", "day", "days", "weeks",
    "months", "ago", "earlier", "before", "today", "yesterday", "tonight", "overnight", "morning", "afternoon",
    "evening", "night", "hours", "small"}

# Statement times the NER misses or splits: parts of months and years, "earlier this week", "two days ago".
STATEMENT_TIME = re.compile(
    rf"\b(?:(?:the )?{_PART}(?:-| of | )(?:(?:this|last) (?:month|year)|{_M}(?: \d{{4}})?|\d{{4}})|"
    rf"earlier (?:this|in the) (?:week|month|year)|earlier today|"
    rf"{_N} (?:days?|weeks?|months?) (?:ago|earlier|before))\b",
    re.I,
)


def statement_day(text: str, pub: date | None) -> str | None:
    """The one day a time expression puts a statement on (ISO), never after the publication date.

    "on Monday", "March 27", "yesterday" → that day; "late December" → the 25th, "mid-March" → the
    15th (MONTH_PARTS); "in November", "last month" → the month's 15th; "in 2024" → 1 July; "last week"
    → P−7, and any span that runs up to the publication ("this week", "overnight") → its first day;
    "earlier this month" → halfway from the 1st to P; "two days ago", "two days earlier" → P−2. Spans
    counted over ("since October", "between Sunday and Wednesday", "in the past 24 hours") date no
    statement: None.
    """
    if pub is None:
        return None
    t = re.sub(r"\s+", " ", text.lower().strip())
    t = re.sub(r"^(?:(?:as )?of|on|in|at|by|during|the) ", "", t)
    t = re.sub(r"['’]s\b", "", t)  # "yesterday's", "last month's"
    if re.search(r"\b(?:since|so far|to date|past|previous|preceding|between|through|until|till|from|coming|next)\b"
                 r"|\b(?:and|to)\b|[-–]\s*\d", t):
        return None
    words = re.findall(r"[a-z']+|\d+\w*", t)
    if any(w not in _DAY_WORDS and not re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", w) for w in words):
        return None  # "the first three months of 2024", "two years of war": not one time of a statement
    day = _part_day(t, pub)
    if day is None:
        day = _relative_day(t, pub)
    if day is None:
        p = resolve_period(t, pub)
        if p is None or p[0] is None or p[1] is None:
            return None
        start, end = date.fromisoformat(p[0]), date.fromisoformat(p[1])
        if (start.day, start.month, end.day, end.month) == (1, 1, 31, 12) and start.year == end.year:
            day = date(start.year, 7, 1)  # a year: its middle
        elif start.day == 1 and end == _month_span(start.year, start.month)[1]:
            day = start.replace(day=15)  # a month: its 15th
        else:
            day = start  # one day, or a span running up to the publication: where it starts
        if day > pub and start <= pub:
            day = start + (pub - start) / 2  # this month's or this year's middle still to come: halfway to P
    return _iso(day) if day <= pub else None


def _part_day(t: str, pub: date) -> date | None:
    """"late December", "mid-March 2024", "the end of last month", "early this year", "late 2023"."""
    m = re.fullmatch(rf"(?:the )?{_PART}(?:-| of | )(?:(this|last) (month|year)|{_M}(?: (\d{{4}}))?|(\d{{4}}))", t)
    if not m:
        return None
    part, which, unit, month_word, month_year, year_word = m.groups()
    if unit == "year" or year_word:
        year = int(year_word) if year_word else pub.year - (which == "last")
        month, day = YEAR_PARTS[part]
        return date(year, month, day)
    if unit == "month":
        ref = _minus_months(pub, 1) if which == "last" else pub
        year, month = ref.year, ref.month
    else:
        month = MONTHS[month_word.rstrip(".")]
        year = int(month_year) if month_year else _past_month_year(month, pub)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, MONTH_PARTS[part] or last)


def _relative_day(t: str, pub: date) -> date | None:
    """"earlier this week" (halfway to P from the week's Monday), "two days ago", "last Thursday"."""
    m = re.fullmatch(r"earlier (?:this|in the) (week|month|year)|earlier today", t)
    if m:
        firsts = {None: pub, "week": pub - timedelta(days=pub.weekday()), "month": pub.replace(day=1),
                  "year": date(pub.year, 1, 1)}
        first = firsts[m.group(1)]
        return first + (pub - first) / 2
    # "a week earlier" is counted from the statement that says it; the publication date stands in for it
    m = re.fullmatch(rf"{_N} (day|week|month)s? (?:ago|earlier|before)", t)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        return _minus_months(pub, n) if unit == "month" else pub - timedelta(days=n * (7 if unit == "week" else 1))
    m = re.fullmatch(rf"last {_D}(?: morning| afternoon| evening| night)?", t)
    if m:
        d = _weekday_before(m.group(1), pub)
        return d - timedelta(days=7) if d == pub else d  # "last Thursday" on a Thursday is a week back
    return None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
