"""Round 11 of reconciliation (spec/reconcile.md, "What a conflict is"): stronger evidence before two figures
are called a conflict, each rule pinned by a small ledger of our own.

- A figure whose words name another side's nationals than the side it is filed under counts that side.
- "Two of them", "of the 21 in the crew, four", "the first consignment, some 100,000": shares and batches
  are parts, and a share of a group only another sentence names is set against nothing.
- A body a report gives to a country in the possessive speaks for that country's government.
- A crowd is counted on its day: a crowd of weeks before is no rival of a turnout stated today.
- One report's own figure beside a source's in one sentence, two lines of one fact box, and one voice's
  several figures of one measure in one breath are a whole and its parts, not rivals.
"""
from __future__ import annotations

from claimledger.models import Claim
from claimledger.reconcile import find_conflicts
from claimledger.reconcile.originators import Originators
from claimledger.reconcile.roles import SUB_COUNT, roles
from claimledger.reconcile.series import Series, SeriesKey


def claim(doc: str, sentence: str, quantity: str, *, at: int = 0, **fields) -> Claim:
    """A claim whose quantity expression is ``quantity`` in ``sentence``, the sentence ``at`` characters
    into report ``doc``."""
    start = at + sentence.index(quantity)
    fields.setdefault("publisher", "AP")
    fields.setdefault("published", "2031-05-08")
    return Claim(doc=doc, start=start, end=start + len(quantity), text=quantity, evidence=sentence,
                 evidence_start=at, **fields)


def one(claims: list[Claim], key: SeriesKey) -> list[Series]:
    return [Series("s", key, "s", claims)]


def found(ledger: list[Series]) -> list[tuple[str, list[float]]]:
    return [(c.kind, sorted((c.a.value or 0.0, c.b.value or 0.0))) for c in find_conflicts(ledger, quantities=None)]


# -- another side's nationals ---------------------------------------------------------------------------

KILLED = dict(category="casualty", measure="killed", actor="NER")
KILLED_KEY = SeriesKey("killed", "people", "NER", None, None)


def test_a_figure_naming_another_sides_nationals_is_no_part_of_this_sides_dead():
    """An armed group claims 50 Russians killed; the extractor filed them under the army's side."""
    army = claim("a", "The army said 20 fighters had been killed in the clashes.", "20", value=20, item="fighter",
                 source="NER", **KILLED)
    group = claim("a", "The group claimed it had killed 50 Russians in an ambush.", "50", at=100, value=50,
                  item="russian", source="armed-group-xa", **KILLED)
    assert found(one([army, group], KILLED_KEY)) == []


# -- shares, batches ------------------------------------------------------------------------------------

FREED = dict(item="person", category="casualty", measure="released", actor="BLR")
FREED_KEY = SeriesKey("released", "people", "BLR", None, None)


def test_two_of_them_is_a_share_of_the_group_before_it():
    swap = claim("s", "Twenty-six people, two of them minors, were exchanged on Thursday, the agency said.", "two",
                 value=2, source="agency-xa", **FREED)
    freed = claim("s", "Among the 16 freed were two journalists, the spokesman said.", "16", at=100, value=16,
                  source="spokesman-xb", **FREED)
    assert roles([swap, freed])[swap.id].part == SUB_COUNT
    assert found(one([swap, freed], FREED_KEY)) == []


def test_a_share_after_the_group_it_is_taken_from_is_a_sub_count():
    rescued = claim("r", "The ministry said that of the 21 sailors in the crew, four had been rescued.", "four",
                    value=4, item="sailor", category="casualty", measure="other", source="ministry-xa")
    assert roles([rescued])[rescued.id].part == SUB_COUNT


def test_a_share_of_a_group_another_sentence_names_is_set_against_nothing():
    """"227,000 of them": the group is the previous sentence's; the fields' guess of what it counts is no
    ground for a conflict with the agency's dead."""
    agency = claim("q", "The agency says 50,399 people died in the quakes.", "50,399", value=50_399,
                   source="agency-xa", **KILLED)
    share = claim("q", "It says about 227,000 of them collapsed or must be pulled down.", "about 227,000", at=100,
                  value=227_000, approx=True, source="ministry-xb", **KILLED)
    assert found(one([agency, share], KILLED_KEY)) == []


DOSES = dict(item="dose", category="other", measure="transferred", actor="EU", recipient="COD")
DOSES_KEY = SeriesKey("transferred", "doses", "EU", "COD", None)


def test_one_batch_of_a_delivery_is_a_part_of_the_total():
    total = claim("v", "The bloc has donated 215,000 doses, the commission said.", "215,000", value=215_000,
                  source="EU")
    batch = claim("v", "The first consignment, some 100,000 doses, landed in the capital.", "some 100,000",
                  at=100, value=100_000, approx=True, **DOSES)
    total = Claim(**{**total.__dict__, **DOSES})
    assert roles([total, batch])[batch.id].part == SUB_COUNT
    assert found(one([total, batch], DOSES_KEY)) == []


# -- a country's own body -------------------------------------------------------------------------------

def test_a_body_given_to_a_country_in_the_possessive_speaks_for_its_government():
    title = claim("t", "Quake deaths pass 11,000", "11,000", value=11_000, bound=">", source="TUR", **KILLED)
    agency = claim("t", "Turkey's disaster agency XDA said 9,057 people had died.", "9,057", at=100, value=9_057,
                   source="XDA", names={"XDA": "Turkey's disaster agency XDA"}, **KILLED)
    assert Originators.load().in_reports([title, agency])(agency) == "TUR"
    assert found(one([title, agency], KILLED_KEY)) == []


# -- a crowd of weeks before ----------------------------------------------------------------------------

CROWD = dict(item="person", category="people", measure="other", published="2031-03-08")
CROWD_KEY = SeriesKey("other", "people", None, None, None)


def test_a_crowd_counted_weeks_before_is_no_rival_of_a_turnout_stated_today():
    today = claim("c", "The ministry put national turnout at 1.28 million.", "1.28 million", value=1_280_000,
                  source="XAA-MOI", **CROWD)
    before = claim("c", "That beat the 1.27 million the union counted on 31 January.", "1.27 million", at=100,
                   value=1_270_000, source="union-xa", period_start="2031-01-31", period_end="2031-01-31", **CROWD)
    assert found(one([today, before], CROWD_KEY)) == []


# -- a whole and its parts in one report ----------------------------------------------------------------

TROOPS = dict(item="soldier", category="casualty", measure="killed", actor="MWI")
TROOPS_KEY = SeriesKey("killed", "soldiers", "MWI", None, None)
SUM = ("Three soldiers from Malawi have been killed, their governments said, which by our count brings the "
       "foreign troops killed to at least 17.")


def test_the_reports_own_sum_beside_a_sources_part_in_one_sentence_is_no_rival():
    part = claim("p", SUM, "Three", value=3, source="MWI", **TROOPS)
    total = claim("p", SUM, "at least 17", value=17, bound=">=", **TROOPS)
    assert found(one([part, total], TROOPS_KEY)) == []


def test_two_speakers_in_one_sentence_still_disagree():
    said = "The army said three soldiers had been killed, while the rebels said 17."
    army = claim("p", said, "three", value=3, source="MWI", **TROOPS)
    rebels = claim("p", said, "17", value=17, source="rebels-xa", **TROOPS)
    assert found(one([army, rebels], TROOPS_KEY)) == [("disagree", [3, 17])]


FIRE = dict(item="death", category="casualty", measure="killed")
FIRE_KEY = SeriesKey("killed", "people", None, None, None)


def test_two_lines_of_one_fact_box_are_items_not_rivals():
    one_fire = claim("f", "East fire\n- Acres burned: 14,000\n- Deaths: 17 (coroner)", "17", value=17,
                     source="coroner-xa", **FIRE)
    both = claim("f", "Both fires\n- Total deaths: 29 (county office)", "29", at=200, value=29,
                 source="county-office-xa", **FIRE)
    assert found(one([one_fire, both], FIRE_KEY)) == []


HEAT = "Italy had the most heat deaths, 12,743, followed by Spain with 8,352 and Germany with 6,376, the study said."


def test_one_voices_several_figures_of_one_measure_in_one_breath_are_a_breakdown():
    study = [claim("h", HEAT, figure, value=float(figure.replace(",", "")), source="study-xa", **FIRE)
             for figure in ("12,743", "8,352", "6,376")]
    agency = claim("h", "The health agency counted 2,985 excess deaths.", "2,985", at=200, value=2_985,
                   source="agency-xb", **FIRE)
    assert found(one([*study, agency], FIRE_KEY)) == []
