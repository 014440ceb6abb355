"""Periods resolved against the publication date (spec: period_start/period_end)."""
from datetime import date

import pytest

from claimledger.nlp.times import resolve_period, statement_day

P = date(2025, 3, 27)  # a Thursday


@pytest.mark.parametrize("words, start, end", [
    ("in January and February", "2025-01-01", "2025-02-28"),
    ("from January through March", "2025-01-01", "2025-03-31"),
    ("in 2024", "2024-01-01", "2024-12-31"),
    ("last year", "2024-01-01", "2024-12-31"),
    ("this year", "2025-01-01", "2025-12-31"),
    ("so far this year", "2025-01-01", "2025-03-27"),
    ("on Thursday", "2025-03-27", "2025-03-27"),
    ("on Monday", "2025-03-24", "2025-03-24"),
    ("yesterday", "2025-03-26", "2025-03-26"),
    ("overnight", "2025-03-26", "2025-03-27"),
    ("last week", "2025-03-20", "2025-03-27"),
    ("the past week", "2025-03-20", "2025-03-27"),
    ("in the past seven days", "2025-03-20", "2025-03-27"),
    ("the past three months", "2024-12-27", "2025-03-27"),
    ("since October", "2024-10-01", "2025-03-27"),
    ("since the full-scale invasion", "2022-02-24", "2025-03-27"),
    ("since October 7, 2023", "2023-10-07", "2025-03-27"),
    ("in September", "2024-09-01", "2024-09-30"),
    ("on March 18", "2025-03-18", "2025-03-18"),
    ("on October 7, 2023", "2023-10-07", "2023-10-07"),
    ("through 2029", None, "2029-12-31"),
    ("last month", "2025-02-01", "2025-02-28"),
])
def test_resolves(words, start, end):
    assert resolve_period(words, P) == (start, end)


@pytest.mark.parametrize("words", ["recent weeks", "mid-March", "early this year", "in the coming months",
                                   "later this year", "the past few days"])
def test_vague_times_resolve_to_nothing(words):
    assert resolve_period(words, P) is None


def test_no_publication_date_no_period():
    assert resolve_period("last week", None) is None


@pytest.mark.parametrize("words, day", [
    ("on Monday", "2025-03-24"),
    ("yesterday", "2025-03-26"),
    ("March 3", "2025-03-03"),
    ("last week", "2025-03-20"),           # P − 7
    ("last Thursday", "2025-03-20"),       # on a Thursday, the one before
    ("two days ago", "2025-03-25"),
    ("early January", "2025-01-05"),       # a part of a month is one day of it
    ("mid-February", "2025-02-15"),
    ("late December", "2024-12-25"),
    ("the end of April", "2024-04-30"),    # a month not yet come this year is last year's
    ("in November", "2024-11-15"),         # a bare month: its 15th
    ("last month", "2025-02-15"),
    ("earlier this month", "2025-03-14"),  # halfway from the 1st to P
    ("in 2024", "2024-07-01"),             # a year: 1 July
    ("this year", "2025-02-12"),           # its middle is still to come: halfway from 1 January to P
])
def test_statement_day(words, day):
    assert statement_day(words, P) == day


@pytest.mark.parametrize("words", ["since October", "in the past 24 hours", "between Sunday and Wednesday",
                                   "the first three months of 2024", "in the coming weeks", "a year earlier",
                                   "next month", "March 28, 2025"])
def test_no_statement_day(words):
    assert statement_day(words, P) is None  # spans counted over, vague or future times, a day after P
