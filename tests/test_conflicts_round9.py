"""Round 9 of reconciliation (spec/reconcile.md, "What a conflict is"): small ledgers of our own.

- A figure its originator had replaced is an earlier stage, also where a later sentence restates it beside
  a rival count ("whether it is 40 or 150"): it is current from the first time it was given, not from the
  restatement's date, so it is set against nothing.
- Two counts for one place in one sentence are rivals, though one of them is a part (a place) of the
  series that also counts the whole.
- Two one-day events' counts of different days are two events, whatever day each was stated.
- A figure retold without its bound ("150" for the rights group's "at least 150") keeps the bound.
- A running total counted from one start that is lower weeks after a rival's higher figure: a count of
  what happened does not fall, so the two disagree while the earlier figure is not yet history.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.reconcile import find_conflicts
from claimledger.reconcile.series import Series, SeriesKey
from test_parts_round3 import claim

DEAD = dict(item="villager", category="casualty", measure="killed", actor="XAA")
KEY = SeriesKey("killed", "people", "XAA", None, None)
RECAP = "For the families, whether it is 40 or 150, the grief is the same."


def _at(c: Claim, offset: int) -> Claim:
    """The claim placed ``offset`` characters into its report, its sentence starting there."""
    c.start += offset
    c.end += offset
    c.evidence_start = offset
    return c


def recap_ledger() -> list[Series]:
    """The government first says about 40 dead, then 310; a rights group counts 150; a closing sentence
    restates the government's first figure beside the rights group's. Grouping put the government's
    figures and the rights group's in two series."""
    first = claim("r", "On Monday the interior ministry said about 40 villagers had been killed.", "40",
                  value=40, approx=True, source="XAA", stated="2031-05-01", published="2031-05-08", **DEAD)
    raised = _at(claim("r", "On Thursday the ministry raised its toll to 310.", "310", value=310, source="XAA",
                       stated="2031-05-04", published="2031-05-08", **DEAD), 100)
    rights = _at(claim("r", "A rights group has counted 150 dead.", "150", value=150,
                       source="rights-watch-xa", published="2031-05-08", **DEAD), 200)
    recap = [_at(claim("r", RECAP, figure, value=float(figure), source=who, published="2031-05-08", **DEAD), 300)
             for figure, who in (("40", "XAA"), ("150", "rights-watch-xa"))]
    return [Series("one", KEY, "one", [first, raised, recap[0]]),
            Series("two", KEY, "two", [rights, recap[1]])]


def test_a_replaced_figure_restated_beside_its_rival_is_an_earlier_stage():
    assert [c.reason for c in find_conflicts(recap_ledger(), quantities=None)] == []


def test_a_current_figure_restated_beside_its_rival_still_disagrees():
    ledger = recap_ledger()
    ledger[0].claims.remove(ledger[0].claims[1])  # the government never raised its toll
    assert [c.kind for c in find_conflicts(ledger, quantities=None)] == ["disagree"]


# -- rivals for one place, split from a series that counts the whole -----------------------------------

MARCH = dict(item="marcher", category="people", measure="other", period_start="2031-03-07",
             period_end="2031-03-07", published="2031-03-08")
CROWD = SeriesKey("other", "marchers", None, None, "XAA")
PARIS = "The union counted 650,000 marchers in the capital, the interior ministry 90,000."


def capital_ledger(union_place: str | None = "xaa-capital") -> list[Series]:
    """The ministry's nationwide count and its count for the capital in one series, the union's count for
    the capital in another: the union's and the ministry's capital figures sit in one sentence."""
    nationwide = claim("m", "The interior ministry counted 1.3 million marchers across the country.",
                       "1.3 million", value=1_300_000, source="XAA-MOI", location="XAA", **MARCH)
    ministry = _at(claim("m", PARIS, "90,000", value=90_000, source="XAA-MOI", location="xaa-capital", **MARCH), 100)
    union = _at(claim("m", PARIS, "650,000", value=650_000, source="union-xa", location=union_place, **MARCH), 100)
    return [Series("one", CROWD, "one", [nationwide, ministry]), Series("two", CROWD, "two", [union])]


def test_two_counts_for_one_place_in_one_sentence_disagree_though_one_is_a_part_of_its_series():
    found = find_conflicts(capital_ledger(), quantities=None)
    assert [(c.kind, sorted((c.a.value, c.b.value))) for c in found] == [("disagree", [90_000, 650_000])]


def test_a_count_for_no_place_is_no_rival_of_a_part_for_one_place():
    assert find_conflicts(capital_ledger(union_place=None), quantities=None) == []


# -- one-day events of other days -----------------------------------------------------------------------

def test_crowds_of_two_days_read_out_in_one_report_are_two_events():
    """A march's count and another march's a month before, both stated the day after the later one."""
    later = claim("d", "The ministry counted 1.3 million marchers on Tuesday.", "1.3 million", value=1_300_000,
                  source="XAA-MOI", location="XAA", **MARCH)
    earlier = _at(claim("d", "The union had counted 2.9 million on 31 January.", "2.9 million", value=2_900_000,
                        source="union-xa", location="XAA", **{**MARCH, "period_start": "2031-01-31",
                                                              "period_end": "2031-01-31"}), 100)
    assert find_conflicts([Series("one", CROWD, "one", [later, earlier])], quantities=None) == []


# -- a bound left out in the retelling ---------------------------------------------------------------------

WITNESS = "Whether the dead number 150 or 310, a survivor said, nobody has come to help."


def retold_ledger(rights_bound: str = ">=") -> list[Series]:
    """A rights group counts "at least 150" dead; a survivor retells it as 150 beside the government's 310."""
    rights = claim("w", "A rights group said at least 150 villagers had been killed.", "150", value=150,
                   bound=rights_bound, source="rights-watch-xa", published="2031-05-08", **DEAD)
    retold = _at(claim("w", WITNESS, "150", value=150, source="rights-watch-xa", published="2031-05-08",
                       **DEAD), 100)
    government = _at(claim("w", WITNESS, "310", value=310, source="XAA", published="2031-05-08", **DEAD), 100)
    return [Series("one", KEY, "one", [rights, retold]), Series("two", KEY, "two", [government])]


def test_a_figure_retold_without_its_bound_keeps_the_bound_its_originator_gave():
    assert [c.reason for c in find_conflicts(retold_ledger(), quantities=None)] == []


def test_an_exact_figure_retold_stays_exact():
    found = find_conflicts(retold_ledger(rights_bound="="), quantities=None)
    assert [(c.kind, sorted((c.a.value, c.b.value))) for c in found] == [("disagree", [150, 310])]


# -- a running total that fell -------------------------------------------------------------------------------

ARRIVALS = dict(item="refugee", category="people", measure="displaced", actor="XAA", recipient="XBB",
                cumulative=True, period_start="2030-04-15")


def arrivals(host_value: float, agency_value: float, agency_stated: str) -> list[Series]:
    """The host government's and a UN agency's counts of arrivals since the war began, weeks apart."""
    host = claim("h", "The host government says 1.2 million have arrived since the war began.", "1.2 million",
                 value=host_value, source="XBB", stated="2031-03-15", period_end="2031-03-15",
                 published="2031-03-16", **ARRIVALS)
    agency = claim("u", "The agency has registered 500,000 arrivals since the war began.", "500,000",
                   value=agency_value, source="UNHCR", published=agency_stated, period_end=agency_stated,
                   **ARRIVALS)
    return [Series("one", SeriesKey("displaced", "refugees", "XAA", "XBB", None), "one", [host, agency])]


def test_a_running_total_lower_weeks_after_a_rivals_higher_one_disagrees():
    assert [c.kind for c in find_conflicts(arrivals(1_200_000, 500_000, "2031-04-10"), quantities=None)] \
        == ["disagree"]


@pytest.mark.parametrize("host_value, agency_value, agency_stated", [
    pytest.param(500_000, 1_200_000, "2031-04-10", id="the later figure higher: the count grew"),
    pytest.param(1_200_000, 500_000, "2031-05-20", id="more than a month apart: history"),
])
def test_running_totals_weeks_apart_that_a_rising_count_reconciles(host_value, agency_value, agency_stated):
    assert find_conflicts(arrivals(host_value, agency_value, agency_stated), quantities=None) == []


# -- a part restated on its own ---------------------------------------------------------------------------------

HELD = dict(item="person", category="casualty", measure="captured")


def detained(court_value: float = 4) -> list[Series]:
    """The security service's 11 detained, four of them the gunmen; a later report's four men in court."""
    service = claim("s", "The security service said 11 people had been detained, four of them the gunmen.", "11",
                    value=11, source="XAA-FSS", published="2031-03-23", **HELD)
    gunmen = claim("s", "The security service said 11 people had been detained, four of them the gunmen.", "four",
                   value=4, source="XAA-FSS", published="2031-03-23", **HELD)
    court = claim("c", "Four men appeared in court on Sunday.", "Four", value=court_value, published="2031-03-24",
                  publisher="the-daily-xa", **HELD)
    return [Series("one", SeriesKey("captured", "people", None, None, None), "one", [service, gunmen, court])]


def test_a_figure_someone_gives_as_a_part_is_that_part_when_another_restates_it():
    assert find_conflicts(detained(), quantities=None) == []


def test_a_smaller_figure_that_is_no_part_given_still_disagrees():
    assert [c.kind for c in find_conflicts(detained(court_value=5), quantities=None)] == ["disagree"]


def retold_floor(teller: str = "XAA") -> list[Series]:
    """The ministry's "at least 700 killed since 26 January" (a part: a count from a stated start, beside
    the UN's count with none), retold bare as "700" in a report the UN's 2,900 is in."""
    since = dict(DEAD, cumulative=True, period_start="2031-01-26", period_end="2031-01-30")
    ministry = claim("g", "The ministry said at least 700 had been killed since 26 January.", "700", value=700,
                     bound=">=", source="XAA", published="2031-01-30", **since)
    retold = claim("u", "The government had spoken of 700 dead.", "700", value=700, source=teller,
                   published="2031-02-04", **DEAD)
    un = _at(claim("u", "Our teams have documented 2,900 deaths.", "2,900", value=2_900, source="UN",
                   published="2031-02-04", **DEAD), 100)
    return [Series("one", KEY, "one", [ministry, retold, un])]


def test_an_originators_floor_for_a_part_retold_bare_is_that_floor():
    assert find_conflicts(retold_floor(), quantities=None) == []


def test_another_originators_bare_figure_is_not_the_floor():
    assert [c.kind for c in find_conflicts(retold_floor(teller="rights-watch-xa"), quantities=None)] == ["disagree"]
