"""Periods that follow the structure of a report: list lines, their lead-in, comparisons, day-first dates,
spans counted over in a sentence about a statement. Sentences written for these tests."""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_extract import claim_at, extract  # the extraction tests' report helpers


def period(extractor: Extractor, text: str, span: str) -> tuple[str | None, str | None]:
    c = claim_at(extract(extractor, text), span)
    return c.period_start, c.period_end


CASES = [
    # a time on one line of a list is that line's, not the next line's
    ("Figures from the agency:\n- Deaths in 2023: 40\n- Injuries: 12", "12", (None, None)),
    ("Figures from the agency:\n- Deaths in 2023: 40\n- Injuries: 12", "40", ("2023-01-01", "2023-12-31")),
    # the line that introduces a list gives its items their period ...
    ("The survey gives these main figures for 2024:\n\n- Deaths: 40\n- Injuries: 12", "12",
     ("2024-01-01", "2024-12-31")),
    ("Stocks were counted as of January 31, 2025. The biggest holders were:\n- Alpha: 3,000\n- Beta: 2,000",
     "2,000", ("2025-01-31", "2025-01-31")),
    # ... but not the day a statement was made
    ("The ministry released its update on Monday. These are the key figures:\n- Deaths: 40\n- Injuries: 12",
     "40", (None, None)),
    # the time of a figure given for comparison belongs to that figure
    ("The party won 240 seats, down from 303 in 2019.", "240", (None, None)),
    ("The party won 240 seats, down from 303 in 2019.", "303", ("2019-01-01", "2019-12-31")),
    ("Arrivals by sea:\n- Spain: 57,000, compared with 31,000 in 2023", "57,000", (None, None)),
    # dates written day first
    ("Police said 40 people were arrested between 1 January and 28 February.", "40",
     ("2025-01-01", "2025-02-28")),
    ("On 3 March, 12 people died when the bridge fell.", "12", ("2025-03-03", "2025-03-03")),
    ("Deadliest wrecks of the year:\n- 9 February, off Crete: 31 bodies recovered", "31",
     ("2025-02-09", "2025-02-09")),
    # a span counted over is never the date of the statement it stands next to
    ("Since the start of the year, the agency says, 300 people have been displaced.", "300",
     ("2025-01-01", "2025-03-27")),
]


@pytest.mark.parametrize("text, span, expected", CASES)
def test_period_follows_the_report(extractor, text, span, expected):
    assert period(extractor, text, span) == expected
