"""Originators the gazetteer does not know, two more false conflicts and rivals the quantity model split
(spec/reconcile.md, "Sources: originators and independence" and "What a conflict is"): small ledgers of
our own.

An official or body missing from the gazetteer speaks for what its words name: a country or an
organisation named beside an office, else the one government the rest of its report quotes. Series are
built with every block kept whole (no learned model), as in test_reconcile.py.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.reconcile import Series, find_conflicts
from claimledger.reconcile.conflicts import conflicts_of
from claimledger.reconcile.originators import default_originators
from claimledger.reconcile.series import SeriesKey
from test_conflicts_round5 import gapped
from test_parts_round3 import claim, dead, kinds  # the third round's ledger helpers


def said(doc: str, sentence: str, quantity: str, value: float, source: str, name: str, **fields) -> Claim:
    """A death toll given by ``source``, named in the report as ``name``."""
    return dead(doc, sentence, quantity, value, source, names={source: name}, **fields)


def view(claims: list[Claim]):
    return default_originators().in_reports(claims)


MINISTRY = "Moldova's interior ministry said 41 people had died in the floods."


# -- an official the gazetteer does not know ----------------------------------------------------------

@pytest.mark.parametrize("sentence, quantity, source, name", [
    pytest.param("Moldovan Interior Minister Ana Vlasceanu put the toll at 58.", "58", "ana-vlasceanu",
                 "Moldovan Interior Minister Ana Vlasceanu", id="a country named in the title"),
    pytest.param("On Friday, government spokesman Ion Ciobanu said 58 had died.", "58", "ion-ciobanu",
                 "Ion Ciobanu", id="a title before the name, the report's government"),
    pytest.param("The health ministry said 58 had died.", "58", "health-ministry", "The health ministry",
                 id="an unnamed ministry, the report's government"),
])
def test_an_official_the_gazetteer_does_not_know_speaks_for_the_government_their_words_name(
        sentence, quantity, source, name):
    """Two figures of one government on one day are its own revision, not two governments disagreeing:
    a minister named with the country, a spokesman whose title stands before his name, an unnamed
    ministry in a report that quotes no other government."""
    claims = [said("a", MINISTRY, "41", 41, "MDA-MOI", "Moldova's interior ministry"),
              said("a", sentence, quantity, 58, source, name)]
    assert view(claims)(claims[1]) == "MDA"
    assert kinds(claims) == []


def test_a_spokesman_titled_once_speaks_for_his_government_in_every_figure():
    """The title is written once ("government spokesman Ion Ciobanu"); a later figure quoting him by
    name alone is the same government's."""
    claims = [said("a", MINISTRY, "41", 41, "MDA-MOI", "Moldova's interior ministry"),
              said("a", "Government spokesman Ion Ciobanu said 41 bodies were recovered.", "41", 41,
                   "ion-ciobanu", "Ion Ciobanu"),
              said("a", "By Sunday, Ciobanu said, 58 had died.", "58", 58, "ion-ciobanu", "Ion Ciobanu")]
    assert {view(claims)(c) for c in claims} == {"MDA"}
    assert kinds(claims) == []


@pytest.mark.parametrize("sentence, source, name", [
    pytest.param("A local doctor, Ion Ciobanu, said 58 had died.", "ion-ciobanu", "Ion Ciobanu",
                 id="a name with no office"),
    pytest.param("Rights groups said 58 had died.", "rights-groups", "Rights groups", id="words naming no office"),
])
def test_a_voice_whose_words_name_no_office_stays_its_own(sentence, source, name):
    """Words that name no office ("a local doctor", "rights groups") are no government's: the two
    figures of one day still disagree."""
    claims = [said("a", MINISTRY, "41", 41, "MDA-MOI", "Moldova's interior ministry"),
              said("a", sentence, "58", 58, source, name)]
    assert view(claims)(claims[1]) == source
    assert kinds(claims) == ["disagree"]


def test_an_unnamed_ministry_in_a_report_quoting_two_governments_alike_stays_its_own():
    """A report quoting Estonia's and Latvia's defence ministries as often gives no government to
    "the health ministry" it also quotes."""
    claims = [said("a", "Estonia's defence ministry said 41 had died.", "41", 41, "EST-MOD", "Estonia's ministry"),
              said("a", "Latvia's defence ministry said 41 had died.", "41", 41, "LVA-MOD", "Latvia's ministry"),
              said("a", "The health ministry said 58 had died.", "58", 58, "health-ministry", "The health ministry")]
    assert view(claims)(claims[2]) == "health-ministry"


def test_a_body_named_with_an_organisation_speaks_for_it_in_every_report():
    """"The EU border mission" is one of the EU's units: the EU, in this report and in another that
    names the mission otherwise."""
    claims = [said("a", "The EU border mission said 41 had died.", "41", 41, "eu-border-mission",
                   "The EU border mission"),
              said("b", "The mission said 41 had died.", "41", 41, "eu-border-mission", "The mission")]
    assert {view(claims)(c) for c in claims} == {"EU"}


@pytest.mark.parametrize("sentence, source, name, expected", [
    pytest.param("AGRA's spokeswoman, Olga Marin, said 58 had died.", "olga-marin", "Olga Marin",
                 "MDA", id="the agency whose id the title names"),
    pytest.param("The Hamas-run health ministry said 58 had died.", "rebel-ministry",
                 "The Hamas-run health ministry", "hamas", id="a ministry run by a movement"),
    pytest.param("The Moldovan Liberation Army said 58 had died.", "MLA", "The Moldovan Liberation Army", "MLA",
                 id="an armed group named after a country"),
    pytest.param("The World Bank, the UN and the EU said 58 had died.", "joint-team",
                 "The World Bank, the UN and the EU", "joint-team", id="three bodies together"),
])
def test_what_the_words_of_an_unknown_body_name(sentence, source, name, expected):
    """A title naming a body of the ledger speaks for it ("AGRA's spokeswoman": Moldova's AGRA); a
    ministry run by a movement speaks for the movement; a body with an acronym of its own, named after
    a country, and a joint statement of several bodies speak for no one else."""
    claims = [said("a", MINISTRY, "41", 41, "MDA-MOI", "Moldova's interior ministry"),
              said("a", "The agency AGRA said 41 had died.", "41", 41, "MDA-AGRA", "AGRA"),
              said("a", sentence, "58", 58, source, name)]
    assert view(claims)(claims[2]) == expected


def test_one_unnamed_ministry_id_in_two_reports_is_two_ministries():
    """"The health ministry" of a report on Moldova and "the rebel-run health ministry" of another are
    two bodies under one extracted id: each report's words say whose it is."""
    claims = [said("a", MINISTRY, "41", 41, "MDA-MOI", "Moldova's interior ministry"),
              said("a", "The health ministry said 58 had died.", "58", 58, "health-ministry", "The health ministry"),
              said("b", "The Hamas-run health ministry said 58 had died.", "58", 58, "health-ministry",
                   "The Hamas-run health ministry")]
    assert [view(claims)(c) for c in claims[1:]] == ["MDA", "hamas"]


# -- a year's flow beside a running total since a later start ------------------------------------------

def test_a_flow_before_a_running_totals_start_is_no_part_of_it():
    """110 tonnes seized in one year and 40 tonnes seized "so far this year", two years on: the total
    counts from its own start, so the earlier year is no part of it and may be larger."""
    seized = dict(item="tonne", category="other", measure="captured", location="NLD")
    year = claim("a", "Customs seized 110 tonnes of cocaine in 2022.", "110 tonnes", value=110, source="EUDA",
                 period_start="2022-01-01", period_end="2022-12-31", **seized)
    so_far = claim("a", "Customs have seized about 40 tonnes so far this year, its head said.", "40 tonnes",
                   value=40, approx=True, source="NLD-CUSTOMS", published="2024-10-15", cumulative=True,
                   period_start="2024-01-01", period_end="2024-10-15", **seized)
    assert kinds([year, so_far]) == []


# -- the first item of a breakdown under one gapped verb -------------------------------------------------

def test_the_first_item_of_a_gapped_breakdown_is_no_rival_of_a_total():
    """"Oregon has reported 40 deaths, Idaho 12 and Utah 9": the first state's figure, the one whose verb
    the others share, is an item of the breakdown, as they are; it is set against no total."""
    sentence = "Oregon has reported 40 deaths, Idaho 12 and Utah 9, the broadcaster said."
    verb = {"source": "according to broadcaster; Oregon reported"}
    shared = {"source": "{} (the verb of 'Oregon reported' gapped)"}
    claims = [dead("a", "Officials across the region counted 30 deaths.", "30", 30, "officials-x"),
              dead("a", sentence, "40", 40, "oregon", cues=verb),
              dead("a", sentence, "12", 12, "idaho", cues={"source": shared["source"].format("Idaho")}),
              dead("a", sentence, "9", 9, "utah", cues={"source": shared["source"].format("Utah")})]
    assert kinds(claims) == []


def test_a_first_item_that_shares_no_verb_with_a_list_stays_asserted():
    """A figure of the same sentence whose own verb is not the one the list gaps is no item of it."""
    sentence = "Oregon has reported 40 deaths, while officials counted Idaho 12 and Utah 9."
    claims = [dead("a", "Officials across the region counted 30 deaths.", "30", 30, "officials-x"),
              dead("a", sentence, "40", 40, "oregon", cues={"source": "Oregon reported"}),
              dead("a", sentence, "12", 12, "idaho", cues=gapped("Idaho")),
              dead("a", sentence, "9", 9, "utah", cues=gapped("Utah"))]
    assert kinds(claims) == ["disagree"]


# -- rivals of one sentence that the quantity model split ------------------------------------------------

CROWD = dict(item="person", category="people", measure="other")


def two_series(first: list[Claim], second: list[Claim]) -> list[Series]:
    """The claims split in two series of one block, as the quantity model may split them."""
    key = SeriesKey("other", "people", None, None, None)
    return [Series("marchers", key, "marchers", first), Series("marchers-2", key, "marchers (2)", second)]


def test_two_speakers_set_side_by_side_in_one_sentence_conflict_across_series():
    """"The ministry counted 1.1 million marchers, the union 3.5 million": two speakers' words for one
    crowd, set side by side; a model that puts them in two series does not hide the disagreement."""
    sentence = "The ministry counted 1.1 million marchers on Tuesday, the union 3.5 million."
    ministry = claim("a", sentence, "1.1 million", value=1_100_000, source="FRA-MOI", **CROWD)
    union = claim("a", sentence, "3.5 million", value=3_500_000, source="CGT", cues=gapped("the union"), **CROWD)
    series = two_series([ministry], [union])
    assert [c.kind for c in find_conflicts(series)] == ["disagree"]
    assert [c.kind for c in conflicts_of(series[1], series)] == ["disagree"]


@pytest.mark.parametrize("sentence, union_source", [
    pytest.param("The ministry counted 1.1 million marchers on Tuesday; 3.5 million marched in 2019.", None,
                 id="the report's own figure"),
    pytest.param("The ministry counted 1.1 million marchers on Tuesday, and the union 3.5 million.", "FRA-MOI",
                 id="one originator's two figures"),
])
def test_figures_of_one_sentence_in_two_series_that_are_no_two_speakers_rivals(sentence, union_source):
    """A figure in the report's own voice, or a second figure of the same originator, beside another in
    one sentence: the model's two series stand."""
    ministry = claim("a", sentence, "1.1 million", value=1_100_000, source="FRA-MOI", **CROWD)
    other = claim("a", sentence, "3.5 million", value=3_500_000, source=union_source, **CROWD)
    assert find_conflicts(two_series([ministry], [other])) == []


def test_rivals_of_two_sentences_in_two_series_are_left_to_the_model():
    """Only one sentence sets two figures side by side as rivals; across sentences a report tells of
    other days and other crowds, and the model's split stands."""
    ministry = claim("a", "The ministry counted 1.1 million marchers.", "1.1 million", value=1_100_000,
                     source="FRA-MOI", **CROWD)
    union = claim("a", "The union said 3.5 million had marched.", "3.5 million", value=3_500_000, source="CGT",
                  evidence_start=44, **CROWD)
    assert find_conflicts(two_series([ministry], [union])) == []


def test_the_lines_of_a_fact_box_are_items_not_rivals():
    """A fact box lists one thing a line ("- seats won by the ruling party: 240", "- by the alliance: 293"):
    two speakers' figures in it, in two series, are two things, not two counts of one."""
    box = "- Seats won by the ruling party: 240 (electoral board)\n- Seats won by its alliance: 293 (the commission)"
    seats = dict(item="seat", category="other", measure="other")
    party = claim("a", box, "240", value=240, source="electoral-board", **seats)
    alliance = claim("a", box, "293", value=293, source="election-commission", **seats)
    assert find_conflicts(two_series([party], [alliance])) == []
