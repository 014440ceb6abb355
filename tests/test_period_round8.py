"""Periods round 8: a "since" that measures a record, and a cut-off month that names no day.

Sentences written for these tests. The publication date is a Thursday, 2025-03-27, so "on Wednesday" is
2025-03-26.
"""
from __future__ import annotations

from datetime import date

import pytest

from claimledger.nlp.times import resolve_period
from test_period_round4 import extract, period_of  # the fourth round's report helpers

# -- a "since" after a superlative measures a record; it opens no span the figure counts -----------------

@pytest.mark.parametrize("sentence, figure, period", [
    # the record's "since" beside the day does not turn the day into a span
    ("The border guard on Wednesday returned 214 detainees in the largest swap since the start of the war, "
     "officials said.", "214", ("2025-03-26", "2025-03-26")),
    ("Officials said 87 ships docked on Wednesday in the busiest day for the harbour since 2019.",
     "87", ("2025-03-26", "2025-03-26")),
    # the record's own year dates nothing
    ("Turnout fell sharply and about 41 million votes were cast, the lowest since 1997.",
     "about 41 million", (None, None)),
])
def test_a_record_since_dates_no_span(extractor, sentence, figure, period):
    assert period_of(extract(extractor, sentence), figure) == period


def test_a_running_count_since_a_date_still_spans_to_the_publication(extractor):
    claims = extract(extractor, "The agency said at least 140 deaths have been recorded in the district since "
                                "January.")
    assert period_of(claims, "at least 140") == ("2025-01-01", "2025-03-27")


def test_a_part_of_a_count_over_a_year_takes_the_year(extractor):
    # a list item: "including" gives a part of what the verb counts over the year, beside a record's "since"
    claims = extract(extractor, "Drownings by region:\n\n"
                                "- The health office recorded 61 drownings in 2024, including 9 children, the "
                                "fewest since records began in 1990.\n")
    assert period_of(claims, "9") == ("2024-01-01", "2024-12-31")


def test_a_list_lead_in_that_counts_over_a_year_dates_its_rows(extractor):
    text = ("Measles cases in 2024\n\n"
            "Health officials said on Monday that the region recorded 52,300 cases in 2024, the highest since "
            "2001. The main figures by country:\n\n"
            "| Country | Cases |\n"
            "| Ruritania | 18,240 |\n"
            "| Freedonia | 9,115 |\n")
    claims = extract(extractor, text)
    assert period_of(claims, "18,240") == ("2024-01-01", "2024-12-31")


# -- "by" a month is a cut-off that names no day --------------------------------------------------------

@pytest.mark.parametrize("phrase, period", [
    ("by December", None),
    ("by June 2026", None),
    ("by the end of March", None),
    ("by 2030", (None, "2030-12-31")),
    ("by Wednesday", ("2025-03-26", "2025-03-26")),
])
def test_a_cut_off_month_resolves_to_nothing(phrase, period):
    assert resolve_period(phrase, date(2025, 3, 27)) == period


def test_a_plan_by_a_month_has_no_period(extractor):
    claims = extract(extractor, "The charity plans to open 14 more clinics by December, its director said.")
    assert period_of(claims, "14") == (None, None)
    claims = extract(extractor, "By February only 2.4 million had been paid out to farmers, the ministry said.")
    assert period_of(claims, "2.4 million") == (None, None)
