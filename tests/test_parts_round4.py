"""Conflict recall (spec/reconcile.md, "Parts", "What a conflict is" and "Sources"): small ledgers of our
own, each pinning one rule of reconcile/roles.py, reconcile/conflicts.py or reconcile/originators.py.

Series are built with every block kept whole (no learned model), as in test_reconcile.py.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.reconcile import build_series, find_conflicts, roles
from claimledger.reconcile.originators import originator
from test_parts_round3 import DEAD, claim, dead, kinds  # the third round's ledger helpers

CROWD = dict(item="person", category="people", measure="other")


def places(claims: list[Claim]) -> list[str]:
    role = roles(claims)
    return [role[c.id].place for c in claims]


# -- places: a part only beside another place ---------------------------------------------------------

def test_the_one_place_a_series_names_is_the_events_place_not_a_part():
    """A massacre "in Kishishe" and the same toll with no place: one place named, so it is where the
    event happened, and eight dead in Kishishe is a rival of 131 dead, not a part of them."""
    claims = [dead("a", "The rebels said eight civilians had died in Kishishe.", "eight", 8, "rebels-x",
                   location="kishishe"),
              dead("b", "The UN said at least 131 civilians were killed.", "131", 131, "UN", bound=">=")]
    assert places(claims) == ["", ""]
    assert kinds(claims) == ["disagree"]


def test_a_place_beside_another_is_a_part_and_its_country_the_whole():
    """Kharkiv's dead within Ukraine's: Kharkiv and Kyiv are parts, Ukraine the whole they are compared
    with."""
    claims = [dead("a", "The governor said 22 died in Kharkiv.", "22", 22, "kharkiv-governor", location="kharkiv"),
              dead("b", "Ukraine said 30 people died.", "30", 30, "UKR", location="UKR"),
              dead("c", "The mayor said 12 died in Kyiv.", "12", 12, "kyiv-mayor", location="kyiv")]
    assert places(claims) == ["kharkiv", "", "kyiv"]
    assert kinds(claims) == []
    claims[0] = dead("a", "The governor said 40 died in Kharkiv.", "40", 40, "kharkiv-governor", location="kharkiv")
    assert kinds(claims) == ["part_exceeds_whole"]


def test_two_places_of_one_series_are_not_rivals():
    """Drones downed over Kursk and over Bryansk on one night: two places, neither the whole."""
    downed = dict(item="drone", category="munition", measure="destroyed")
    claims = [claim("a", "The ministry said 126 drones were downed over Kursk.", "126", value=126,
                    source="RUS", location="kursk", **downed),
              claim("b", "The governor said 20 drones were downed over Bryansk.", "20", value=20,
                    source="bryansk-governor", location="bryansk", **downed)]
    assert places(claims) == ["kursk", "bryansk"]
    assert kinds(claims) == []


# -- one event's crowd does not grow like a toll -------------------------------------------------------

@pytest.mark.parametrize("fields, expected", [
    pytest.param(CROWD, ["disagree"], id="a ceremony's attendance: rival estimates"),
    pytest.param(DEAD, [], id="the strike's toll: a count that grew"),
])
def test_a_later_higher_count_of_one_moment_is_a_rival_not_a_grown_count(fields, expected):
    """About 150 at the ceremony on the day after, 300-400 a week later: a crowd is not found bit by bit
    as a toll is, so the two estimates disagree."""
    day = dict(period_start="2023-04-11", period_end="2023-04-11")
    claims = [claim("a", "An eyewitness said about 150 people had gathered.", "about 150", value=150, approx=True,
                    source="anonymous", published="2023-04-12", **day, **fields),
              claim("b", "Residents said 300 to 400 people were there.", "300 to 400", low=300, high=400,
                    source="anonymous", published="2023-04-18", **day, **fields)]
    assert kinds(claims) == expected


# -- originators: a movement's spokesman speaks for the movement ---------------------------------------

@pytest.mark.parametrize("person, body", [
    pytest.param("lawrence-kanyuka", "m23", id="the M23 spokesman: the movement, not Congo"),
    pytest.param("yahya-saree", "houthis", id="the Houthi military spokesman: the movement, not Yemen"),
    pytest.param("mark-rutte", "NATO", id="NATO's secretary general: NATO, not the Netherlands"),
    pytest.param("william-burns", "USA", id="the CIA director: a US official"),
])
def test_a_person_speaks_for_the_organisation_their_role_names(person, body):
    c = dead("a", "He said 8 people died.", "8", 8, person)
    assert originator(c) == body


# -- sub-counts ----------------------------------------------------------------------------------------

def test_a_figure_said_to_be_among_a_group_is_a_sub_count():
    """"438 of its members were among those notified": a share of the 2,199 layoffs, not a rival."""
    cut = dict(item="position", category="people", measure="planned", location="washington-state")
    claims = [claim("a", "The company listed 2,199 layoffs in Washington.", "2,199", value=2199, source="BOEING",
                    **cut),
              claim("b", "The union said 438 of its members were among those notified.", "438", value=438,
                    source="SPEEA", **cut)]
    assert [roles(claims)[c.id].part for c in claims] == ["", "a sub-count"]
    assert kinds(claims) == []



# -- one country's nationals against everyone --------------------------------------------------------

@pytest.mark.parametrize("words, value, expected", [
    pytest.param("17 Filipino crew", 17, ["part_exceeds_whole"], id="more nationals than people in all"),
    pytest.param("12 Filipino crew", 12, [], id="fewer: a part"),
    pytest.param("17 crew", 17, [], id="no nationality named: the side's count is no sub-population"),
])
def test_a_countrys_nationals_cannot_exceed_everyone_counted_with_no_side(words, value, expected):
    """Manila's 17 Filipino crew missing and the naval mission's 16 people missing in all, that day."""
    missing = dict(category="casualty", measure="missing", published="2025-07-09")
    claims = [claim("a", f"Manila said {words} of the ship were missing after the attack.", words.split()[0],
                    value=value, source="PHL", actor="PHL", item="seafarer", **missing),
              claim("a", "The naval mission said 16 people from the ship were missing after the attack.", "16",
                    value=16, source="EUNAVFOR-ASPIDES", item="person", **missing)]
    series = build_series(claims, quantities=None)
    assert len(series) == 2
    assert [c.kind for c in find_conflicts(series)] == expected


@pytest.mark.parametrize("items, relation", [
    (("troop", "soldier"), "item:same"),  # the kinds table lists both as troops: one contingent, two words
    (("Leopard", "Gepard"), "item:differ"),  # two weapons the table does not list: two things
])
def test_pairs_compare_items_through_the_kinds_table(items, relation):
    from claimledger.reconcile.quantities import pair_features

    category = "personnel" if items[0] == "troop" else "weapon"
    a, b = (claim(f"d{k}", f"They sent 40 {item}s.", "40", value=40, item=item, category=category,
                  measure="transferred", actor="DEU") for k, item in enumerate(items))
    assert relation in pair_features(a, b)
