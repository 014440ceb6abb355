"""Periods of one-day events: which day a figure takes, and when it takes none.

Sentences written for these tests. The publication date is a Thursday, 2025-03-27, so "on Tuesday" is
2025-03-25 and "on Monday" 2025-03-24.
"""
from __future__ import annotations

from datetime import date

import pytest

from claimledger.models import Claim, Document
from claimledger.nlp.times import resolve_period
from claimledger.pipeline import Extractor

PUBLISHED = "2025-03-27"



def extract(extractor: Extractor, text: str) -> list[Claim]:
    title = text.split("\n\n", 1)[0] if "\n\n" in text else None
    return extractor.extract(Document(id="t", text=text, published=PUBLISHED, publisher="AP", title=title))


def period_of(claims: list[Claim], text: str) -> tuple[str | None, str | None]:
    claim = next(c for c in claims if c.text == text)
    return claim.period_start, claim.period_end


def test_a_dateline_dates_the_report_not_its_figures(extractor):
    claims = extract(extractor, "Dinghy sinks off Dover\n\n"
                                "DOVER, England, March 26 (Reuters) - Rescuers pulled 40 people from a sinking "
                                "dinghy off Dover, officials said.")
    assert period_of(claims, "40") == (None, None)
    claims = extract(extractor, "Drones hit Kharkiv\n\n"
                                "KHARKIV, Ukraine, Mar 26, 2025 (AFP) - Russian drones hit a power plant in "
                                "Kharkiv and wounded 7 workers, the governor said.")
    assert period_of(claims, "7") == (None, None)


def test_a_day_given_far_below_the_lead_dates_only_its_paragraph(extractor):
    claims = extract(extractor, "Border region sees more fighting\n\n"
                                "Fighting has flared along the border for months, officials said.\n\n"
                                "Talks between the two governments have stalled.\n\n"
                                "Aid groups have asked for access to the area.\n\n"
                                "On Monday, a drone strike killed 4 people in a market.\n\n"
                                "The army said 9 soldiers were wounded in clashes near the river.")
    assert period_of(claims, "4") == ("2025-03-24", "2025-03-24")
    assert period_of(claims, "9") == (None, None)


def test_the_time_of_a_clause_still_to_come_dates_no_figure(extractor):
    claims = extract(extractor, "Of the 40 victims, 31 have been identified, and the rest are expected to be "
                                "named this week.")
    assert period_of(claims, "31") == (None, None)


def test_a_participle_of_the_event_takes_its_day(extractor):
    claims = extract(extractor, "A ferry sank off Pemba on Tuesday, killing 12 people, the navy said.")
    assert period_of(claims, "12") == ("2025-03-25", "2025-03-25")


def test_a_participle_that_sums_up_keeps_apart_from_other_times(extractor):
    claims = extract(extractor, "The ministry adds 20 companies to its list, bringing the total to 310, and bans "
                                "their imports from January 2027.")
    assert period_of(claims, "310") == (None, None)


def test_that_day_is_the_day_named_above(extractor):
    claims = extract(extractor, "Ferry sinks off Pemba\n\n"
                                "A ferry sank off Pemba on Tuesday, killing 12 people, the navy said.\n\n"
                                "The navy said it had also pulled 40 passengers from another boat that day.")
    assert period_of(claims, "40") == ("2025-03-25", "2025-03-25")


@pytest.mark.parametrize("words, start, end", [
    # the first end of a span takes the year its second end names
    ("between May 30 and September 4, 2022", "2022-05-30", "2022-09-04"),
    ("from November 20 to January 5, 2024", "2023-11-20", "2024-01-05"),
    # a deadline ends a period and starts none
    ("by 2030", None, "2030-12-31"),
    ("by the end of 2025", None, "2025-12-31"),
    ("by Monday", "2025-03-24", "2025-03-24"),
])
def test_resolves(words, start, end):
    assert resolve_period(words, date(2025, 3, 27)) == (start, end)
