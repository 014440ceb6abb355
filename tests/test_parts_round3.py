"""Parts, earlier stages and false conflicts (spec/reconcile.md, "Parts" and "What a conflict is"): small
ledgers of our own, each pinning one rule of reconcile/roles.py or reconcile/conflicts.py.

Series are built with every block kept whole (no learned model), as in test_reconcile.py.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim
from claimledger.reconcile import Series, build_series, find_conflicts, roles

DEAD = dict(item="person", category="casualty", measure="killed")


def claim(doc: str, sentence: str, quantity: str, *, published: str = "2025-01-10", **fields) -> Claim:
    """A claim whose quantity expression is ``quantity`` inside ``sentence`` (document ``doc``)."""
    start = sentence.index(quantity)
    fields.setdefault("publisher", "AP")
    return Claim(doc=doc, start=start, end=start + len(quantity), text=quantity, evidence=sentence,
                 published=published, **fields)


def dead(doc: str, sentence: str, quantity: str, value: float, source: str, **fields) -> Claim:
    return claim(doc, sentence, quantity, value=value, source=source, **{**DEAD, **fields})


def one_series(claims: list[Claim]) -> Series:
    series = build_series(claims, quantities=None)
    assert len(series) == 1, [s.id for s in series]
    return series[0]


def parts(claims: list[Claim]) -> list[str]:
    role = roles(claims)
    return [role[c.id].part for c in claims]


def kinds(claims: list[Claim]) -> list[str]:
    return [c.kind for c in find_conflicts(one_series(claims))]


# -- parts the words around a figure make ---------------------------------------------------------

@pytest.mark.parametrize("sentence, quantity, value, part", [
    pytest.param("He said 3,190 of the dead had already been buried.", "3,190", 3190, "a sub-count",
                 id="a share of a stated group"),
    pytest.param("The airline said 241 of the 242 people aboard were killed.", "241", 241, "aboard only",
                 id="a share aboard"),
    pytest.param("The airline said 241 people aboard the jet were killed.", "241", 241, "aboard only",
                 id="those aboard among all the dead"),
    pytest.param("The prefecture put the number who died at sea at 53.", "53", 53, "at sea only",
                 id="the dead at sea among all who died crossing"),
    pytest.param("The sheriff said five have been formally identified.", "five", 5, "identified only",
                 id="the victims identified so far"),
    pytest.param("Rescuers said the remaining 13 were found in the hills.", "13", 13, "a sub-count",
                 id="the rest of a group"),
    pytest.param("Among the dead were four students, the union said.", "four", 4, "a sub-count",
                 id="among the dead were"),
    pytest.param("Among the dead on the ground were four students.", "four", 4, "on the ground only",
                 id="the dead on the ground"),
    pytest.param("OCHA said 11,300 died in the city, with a further 170 deaths elsewhere.", "170", 170,
                 "an addition to the total", id="a further figure beside another"),
])
def test_the_words_around_a_figure_make_it_a_part(sentence, quantity, value, part):
    whole = dead("w", "The ministry said 300 people were killed.", "300", 300, "ATL-MOH")
    c = dead("p", sentence, quantity, value, "UN")
    assert parts([whole, c]) == ["", part]


@pytest.mark.parametrize("sentence, quantity", [
    pytest.param("Sheriff, how many of the 24 victims have been identified?", "24", id="the group a share is of"),
    pytest.param("Our colleagues on the ground have now documented 2,900 deaths.", "2,900",
                 id="words that place the speaker"),
])
def test_words_that_do_not_narrow_the_figure_leave_it_whole(sentence, quantity):
    c = dead("p", sentence, quantity, float(quantity.replace(",", "")), "UN")
    assert parts([c]) == [""]


def test_a_scope_part_is_no_rival_of_the_whole():
    """241 aboard and 265 bodies at the hospital, counting those killed on the ground too: a part and its
    whole, not a disagreement."""
    claims = [dead("a", "The airline said 241 people aboard the jet were killed.", "241", 241, "AIRLINE"),
              dead("b", "A hospital official said 265 bodies had been brought in.", "265", 265, "ATL-MOH")]
    assert kinds(claims) == []


# -- sub-counts ------------------------------------------------------------------------------------

def test_two_reports_sub_counts_are_not_one_part():
    """Each report's smaller figure is a sub-count of its own largest: a sub-count names no sub-group, so
    the two are not compared as one."""
    first = "The ministry said 1,968 people were freed, among 2,000 held."
    second = "The society said 250 were freed from 2,000 held."
    claims = [dead("a", first, "1,968", 1968, "ATL", measure="released"),
              dead("a", first, "2,000", 2000, "ATL", measure="released"),
              dead("b", second, "250", 250, "UN", measure="released"),
              dead("b", second, "2,000", 2000, "UN", measure="released")]
    assert parts(claims) == ["a sub-count", "", "a sub-count", ""]
    assert kinds(claims) == []


def test_a_sub_count_in_a_place_is_still_a_sub_count():
    """7 and 13 received in Gaza under the same originator's 20 received there: sub-counts, placed or not."""
    sentence = "Our teams received 20 hostages in Gaza: 7 in the north and 13 in the south."
    claims = [dead("icrc", sentence, q, v, "ICRC", measure="released", location="gaza", item="hostage")
              for q, v in (("20", 20), ("7", 7), ("13", 13))]
    claims.append(dead("wire", "Officials said 20 hostages were freed.", "20", 20, "ATL", measure="released",
                       item="hostage"))
    assert parts(claims) == ["", "a sub-count", "a sub-count", ""]


# -- governments counting their nationals -----------------------------------------------------------

def test_once_one_government_counts_its_nationals_another_governments_bare_figure_is_its_own():
    """At a pilgrimage abroad, "Jordan said 99 of its citizens had died, and Tunisia has reported 49":
    Tunisia's 49 are Tunisians, no rival of the 1,301 in all."""
    sentence = "Jordan's foreign ministry said 99 of its citizens had died, and Tunisia has reported 49."
    claims = [dead("a", sentence, "99", 99, "JOR"), dead("a", sentence, "49", 49, "TUN"),
              dead("b", "At least 1,301 people died during the pilgrimage.", "1,301", 1301, "hajj-authority",
                   bound=">=")]
    assert parts(claims) == ["JOR's nationals only", "TUN's nationals only", ""]
    assert kinds(claims) == []


# -- time: days, flows and stages ---------------------------------------------------------------------

def test_a_days_count_inside_a_running_total_that_began_before_it_is_a_part():
    """One missile on 31 October beside "more than 30 so far this year": a part, not a rival."""
    fired = dict(item="missile", category="munition", measure="launched", actor="PRK")
    claims = [claim("a", "The JCS said one missile was fired on Thursday.", "one", value=1, source="KOR",
                    period_start="2024-10-31", period_end="2024-10-31", published="2024-10-31", **fired),
              claim("b", "More than 30 missiles have been fired so far this year.", "More than 30", value=30,
                    bound=">", source="YONHAP", cumulative=True, period_start="2024-01-01",
                    period_end="2024-10-31", published="2024-10-31", **fired)]
    assert parts(claims) == ["for 2024-10-31..2024-10-31 only", ""]
    assert kinds(claims) == []


def test_a_one_day_events_toll_counted_from_that_day_stays_the_whole():
    claims = [dead("a", "The crash on Thursday killed 241.", "241", 241, "AIRLINE", period_start="2025-06-12",
                   period_end="2025-06-12", published="2025-06-13"),
              dead("b", "Since the crash, 270 deaths have been recorded.", "270", 270, "ATL-MOH",
                   cumulative=True, period_start="2025-06-12", period_end="2025-06-14", published="2025-06-14")]
    assert parts(claims) == ["", ""]


def test_a_flow_still_running_after_a_totals_day_is_not_inside_it():
    """13 killed by 30 January, and 14 killed in January said a month later: the total was not yet final."""
    claims = [dead("a", "The army said 13 soldiers had been killed.", "13", 13, "ZAF", cumulative=True,
                   published="2025-01-30", item="soldier", actor="ZAF"),
              dead("b", "South Africa lost 14 soldiers in January.", "14", 14, None, period_start="2025-01-01",
                   period_end="2025-01-31", published="2025-02-24", item="soldier", actor="ZAF")]
    assert kinds(claims) == []


@pytest.mark.parametrize("later_by_first, expected", [
    pytest.param("2025-01-18", [], id="replaced before the rival's figure: an earlier stage"),
    pytest.param("2025-01-22", ["disagree"], id="still current when the rival spoke"),
])
def test_an_originators_figure_is_an_earlier_stage_once_it_gives_another(later_by_first, expected):
    """A rights body's "22 killed", then its 39; the president's 19 set against whichever was current."""
    claims = [dead("a", "The commission said 22 people were killed.", "22", 22, "ATL-NCHR", published="2025-01-15"),
              dead("b", "The commission said 39 people were killed.", "39", 39, "ATL-NCHR",
                   published=later_by_first),
              dead("c", "The president said 19 people had died.", "19", 19, "president-x", published="2025-01-20")]
    assert [sorted((k.a.doc, k.b.doc)) for k in find_conflicts(one_series(claims))
            if k.kind == "disagree" and "a" in (k.a.doc, k.b.doc)] == [["a", "c"]] * len(expected)


def test_counts_of_the_missing_on_different_days_are_not_compared():
    """92 missing on Tuesday and 37 six days later: the missing are found by the day."""
    missing = dict(item="person", category="people", measure="missing", location="county")
    claims = [claim("a", "The sheriff said 92 people were missing.", "92", value=92, source="sheriff",
                    published="2024-10-08", **missing),
              claim("b", "The county said 37 people were missing.", "37", value=37, source="county",
                    published="2024-10-14", **missing)]
    assert kinds(claims) == []
