"""Periods, third round: running counts from the start of a span or from an event the report dates,
the day of a report's event carried to its outcome, counts a verb of record states over a year, and
the time of a clause that describes the figure. Sentences written for these tests; published on
Thursday 2025-03-27 (test_extract.PUBLISHED)."""
from __future__ import annotations

import pytest

from claimledger.nlp.times import resolve_period
from claimledger.pipeline import Extractor
from test_period_general import period  # the first round's helper

P = "2025-03-27"

CASES = [
    # a verb of record is no report noun: the span it counts over is the figure's
    ("So far this year the agency has reported 1,200 cases of the disease.", "1,200", ("2025-01-01", P)),
    ("The agency has recorded 800 deaths since the start of the year.", "800", ("2025-01-01", P)),
    # "since" runs from the start or the end of a named span
    ("Clinics have treated 5,000 patients since the start of last year.", "5,000", ("2024-01-01", P)),
    ("Volunteers have planted 2,000 trees since the end of November.", "2,000", ("2024-11-30", P)),
    # a time inside the clause that "since" opens starts the count, even on a verb of declaring
    ("The clinic has treated 45 patients since the outbreak was declared on Monday.", "45", ("2025-03-24", P)),
    ("Inspectors closed 31 workshops between 10 and 14 March.", "31", ("2025-03-10", "2025-03-14")),
    # a verb of record that states the figure as its object counts over a year or a month ...
    ("The monitor recorded 580 casualties in 2024.", "580", ("2024-01-01", "2024-12-31")),
    ("The port handled 14,000 containers in February, the authority said.", "14,000", ("2025-02-01", "2025-02-28")),
    # ... but a day dates the statement, and so does the month of an estimate it puts at a figure
    ("The ministry reported 49 deaths on Monday.", "49", (None, None)),
    ("In January, the agency had put the toll at around 600.", "around 600", (None, None)),
    # the clause that describes the figure dates it, unless it describes an estimate
    ("Only a few of the 4,100 homes destroyed in 2022 have been rebuilt.", "4,100", ("2022-01-01", "2022-12-31")),
    ("Officials doubled the estimate of 2,000 troops that they gave last week.", "2,000", (None, None)),
]


@pytest.mark.parametrize("text,span,expected", CASES)
def test_period(extractor: Extractor, text: str, span: str, expected: tuple[str | None, str | None]) -> None:
    assert period(extractor, text, span) == expected


# The lead of a report dates its event: the outcome figures that follow take its day.
QUAKE = ("Quake hits mountain towns\n\n"
         "A strong earthquake struck the mountain towns on Wednesday night, the geological service said.\n\n"
         "The interior ministry says the earthquake has killed 85 people and injured 240.")


def test_outcome_of_the_lead_event_takes_its_day(extractor: Extractor) -> None:
    assert period(extractor, QUAKE, "85") == ("2025-03-26", "2025-03-26")
    assert period(extractor, QUAKE, "240") == ("2025-03-26", "2025-03-26")


def test_a_tally_weeks_after_the_event_has_no_day(extractor: Extractor) -> None:
    later = QUAKE.replace("on Wednesday night", "on March 2")
    assert period(extractor, later, "85") == (None, None)


def test_a_future_event_dates_nothing(extractor: Extractor) -> None:
    text = ("Prisoners return home\n\n"
            "Officials expect the exchange to continue on Saturday, the ministry said.\n\n"
            "On Thursday, 120 prisoners were freed. Of them, 30 were wounded soldiers.")
    assert period(extractor, text, "120") == (P, P)


# "since <the event>": the running count starts on the day the report gives the event.
ATTACK = ("Security tightened after concert attack\n\n"
          "Gunmen opened fire at a concert hall near the capital; the attack on Sunday left the building in ruins.\n\n"
          "Police said they had detained more than 300 people since the attack.")


def test_since_the_event_runs_from_its_day(extractor: Extractor) -> None:
    assert period(extractor, ATTACK, "more than 300") == ("2025-03-23", P)


@pytest.mark.parametrize("phrase,expected", [
    ("since the start of last year", ("2024-01-01", P)),
    ("since the beginning of 2023", ("2023-01-01", P)),
    ("since the end of last month", ("2025-02-28", P)),
    ("since three days ago", ("2025-03-24", P)),
    ("since the start of the war", None),  # which war: not a date the words give
    # days of one month named once
    ("between 4 and 6 March", ("2025-03-04", "2025-03-06")),
    ("on February 10 and 11", ("2025-02-10", "2025-02-11")),
    # a span of months that ends with a named month
    ("in the 12 months to January", ("2024-02-01", "2025-01-31")),
    ("the six months to December 2024", ("2024-07-01", "2024-12-31")),
])
def test_resolves_the_edges_of_spans(phrase: str, expected: tuple[str, str] | None) -> None:
    from datetime import date
    assert resolve_period(phrase, date(2025, 3, 27)) == expected
