"""Periods resolved against the publication date (spec: period_start/period_end)."""
from datetime import date

import pytest

from claimledger.nlp.times import resolve_period

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
