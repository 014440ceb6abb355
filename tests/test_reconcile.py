"""The reconcile stage on small hand-built ledgers: series, originators,
timelines, independence, conflicts, estimates and plots (spec/reconcile.md).

Every claim is built from a sentence of our own, with the fields an extractor
would give it; ``claim()`` finds the quantity's offsets in the sentence.

Tests about what a quantity's block is (measure, kind, sides) and everything
downstream of grouping build series with ``blocks()``, which keeps each block
whole, so that they do not depend on the shipped quantity model; only
``TestEvents`` runs the model, on cases that are clear-cut.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.collections import LineCollection

from claimledger.errors import ClaimLedgerError, NotFoundError
from claimledger.models import Claim
from claimledger.nlp.gazetteer import Gazetteer
from claimledger.reconcile import (
    Kinds,
    Names,
    Parties,
    Series,
    assertions,
    block_key,
    build_series,
    count_marks,
    estimate,
    figure_interval,
    figures,
    find_conflicts,
    find_series,
    group_by_source,
    originator,
    plot_timeline,
    roles,
    timeline,
)

TROOPS = dict(item="troop", category="personnel", measure="deployed", actor="PRK", recipient="RUS")
KILLED = dict(item="soldier", category="casualty", measure="killed", actor="PRK")
DRONES = dict(item="drone", category="munition", measure="launched", actor="RUS", recipient="UKR")


def gazetteer_name(entity_id: str) -> str:
    """The display name the packaged gazetteer gives an entity id."""
    entity = Gazetteer.load().get(entity_id)
    assert entity is not None, entity_id
    return entity.name


def claim(doc: str, sentence: str, quantity: str, *, published: str = "2025-01-10", **fields) -> Claim:
    """A claim whose quantity expression is ``quantity`` inside ``sentence`` (document ``doc``)."""
    start = sentence.index(quantity)
    fields.setdefault("publisher", "YONHAP")
    return Claim(doc=doc, start=start, end=start + len(quantity), text=quantity, evidence=sentence,
                 published=published, **fields)


def troops(doc: str, value: float | None, source: str | None, *, published: str = "2025-01-10",
           **fields) -> Claim:
    """'<source> said North Korea sent <value> troops to Russia.' with TROOPS fields."""
    words = f"{int(value):,}" if value is not None else "thousands of"
    sentence = f"{source or 'The paper'} said North Korea has sent {words} troops to Russia."
    return claim(doc, sentence, words, published=published, value=value, source=source,
                 **{**TROOPS, **fields})


def blocks(claims: list[Claim], **kw: Any) -> list[Series]:
    """Series with each block (measure, kind, sides) kept whole: no learned model in the way."""
    return build_series(claims, quantities=None, **kw)


def only(series):
    assert len(series) == 1, [s.id for s in series]
    return series[0]



# Who fights whom, as a ledger's claims show it: North Korea sends troops to
# Russia, Russia launches drones at Ukraine. North Korea, Russia and Ukraine
# are parties; South Korea, the US and the UN are not.
WAR = [
    claim("w1", "Pyongyang has sent 11,000 troops to Russia.", "11,000", value=11000, source="KOR", **TROOPS),
    claim("w2", "Russia fired 90 drones at Ukraine overnight.", "90", value=90, source="UKR-AF", **DRONES),
]


# -- series: blocks of measure, kind and sides -----------------------------------

class TestSeries:
    def test_troops_soldiers_personnel_and_forces_are_one_series(self):
        claims = [
            claim("d1", "Seoul says 10,000 troops were sent to Russia.", "10,000", value=10000,
                  source="KOR", **TROOPS),
            claim("d2", "Kyiv says 11,000 soldiers were sent to Russia.", "11,000", value=11000,
                  source="UKR", **{**TROOPS, "item": "soldier"}),
            claim("d3", "About 12,000 military personnel have gone.", "About 12,000", value=12000,
                  approx=True, source="USA", **{**TROOPS, "item": "personnel"}),
            claim("d4", "Some 11,500 North Korean forces are in Russia.", "Some 11,500", value=11500,
                  approx=True, source="GBR", **{**TROOPS, "item": "force"}),
        ]
        s = only(blocks(claims, names=Names(claims, use_gazetteer=False)))
        assert s.id == "prk-rus-troops-deployed"
        assert s.name == "North Korea → Russia · troops deployed"
        assert s.independent_sources == 4
        assert s.category == "personnel"

    @pytest.mark.parametrize(
        "a, b",
        [
            pytest.param(dict(item="missile"), dict(item="shell"), id="missiles vs shells"),
            pytest.param(dict(item="missile"), dict(item="drone"), id="missiles vs drones"),
            pytest.param(dict(item="launcher"), dict(item="howitzer"), id="launchers vs howitzers"),
            pytest.param(dict(item="household", category="people", measure="displaced"),
                         dict(item="person", category="people", measure="displaced"),
                         id="households vs people"),
            pytest.param(dict(measure="transferred"), dict(measure="pledged"), id="measure splits"),
            pytest.param(dict(actor="PRK"), dict(actor="IRN"), id="actor splits"),
            pytest.param(dict(recipient="RUS"), dict(recipient="UKR"), id="recipient splits"),
        ],
    )
    def test_different_blocks_are_different_series(self, a, b):
        base = dict(item="missile", category="munition", measure="transferred", actor="PRK", recipient="RUS")
        sentence = "Pyongyang shipped 100 of them to Moscow."
        claims = [claim("d1", sentence, "100", value=100, source="KOR", **{**base, **a}),
                  claim("d2", sentence, "100", value=100, source="KOR", **{**base, **b})]
        assert len(blocks(claims)) == 2

    @pytest.mark.parametrize("measure", ["killed", "wounded", "killed_or_wounded"])
    def test_casualty_words_are_one_series_per_measure(self, measure):
        claims = [
            claim("d1", "At least 300 soldiers were killed, Seoul said.", "300", value=300, source="KOR",
                  **{**KILLED, "measure": measure}),
            claim("d2", "Some 300 North Korean deaths were counted.", "Some 300", value=300, approx=True,
                  source="UKR", **{**KILLED, "item": "death", "measure": measure}),
            claim("d3", "Casualties reached 300.", "300", value=300, source="USA",
                  **{**KILLED, "item": "casualty", "measure": measure}),
            # An extractor that put soldiers killed under personnel still lands here.
            claim("d4", "300 troops died in Kursk, officials said.", "300", value=300, source="anonymous",
                  **{**KILLED, "item": "troop", "category": "personnel", "measure": measure}),
        ]
        s = only(blocks(claims))
        assert s.kind == "people"
        assert s.measure == measure

    def test_killed_wounded_and_killed_or_wounded_stay_apart(self):
        claims = [claim("d1", "300 soldiers were killed and 2,700 wounded.", q, value=v, source="KOR",
                        **{**KILLED, "measure": m})
                  for q, v, m in (("300", 300, "killed"), ("2,700", 2700, "wounded"))]
        claims.append(claim("d2", "About 3,000 killed or wounded.", "About 3,000", value=3000, approx=True,
                            source="KOR", **{**KILLED, "measure": "killed_or_wounded"}))
        ids = sorted(s.id for s in blocks(claims))
        assert ids == ["prk-people-killed", "prk-people-killed-or-wounded", "prk-people-wounded"]

    def conversion(self) -> list[Claim]:
        money = dict(category="money", measure="pledged", actor="DEU", recipient="UKR", source="DEU")
        sentence = "Berlin pledged €760 million ($830 million) for air defence."
        return [claim("d1", sentence, "€760 million", value=760e6, item="euro", **money),
                claim("d1", sentence, "$830 million", value=830e6, item="dollar", **money)]

    def test_a_currency_conversion_is_one_series(self):
        s = only(blocks(self.conversion()))
        assert (s.measure, s.actor, s.recipient, len(s.claims)) == ("pledged", "DEU", "UKR", 2)

    def test_a_currency_conversion_is_one_amount_not_a_part(self):
        s = only(blocks(self.conversion()))
        assert {c.text: roles(s.claims)[c.id].part for c in s.claims} == {"€760 million": "", "$830 million": ""}

    def test_ids_read_the_key(self):
        launched = claim("d1", "Russia launched 728 drones at Ukraine.", "728", value=728, item="drone",
                         category="munition", measure="launched", actor=None, recipient="UKR",
                         source="UKR-AF")
        flood = claim("d2", "The floods killed 217 people in Valencia.", "217", value=217, item="person",
                      category="casualty", measure="killed", location="valencia", source="ESP")
        names = Names(use_gazetteer=False)  # the built-in country names, slugs spelled out
        assert {s.id: s.name for s in blocks([launched, flood], names=names)} == {
            "to-ukr-drones-launched": "→ Ukraine · drones launched",
            "people-killed-in-valencia": "people killed · Valencia",
        }

    def test_a_flow_of_at_most_a_year_is_dated_in_its_id(self):
        one_night = claim("d1", "Russia launched 310 drones overnight.", "310", value=310, source="UKR-AF",
                          period_start="2025-07-08", period_end="2025-07-09", **DRONES)
        one_month = claim("d2", "Russia launched 5,100 drones in July.", "5,100", value=5100, source="UKR-AF",
                          period_start="2025-07-01", period_end="2025-07-31", **{**DRONES, "actor": "IRN"})
        assert sorted(s.id for s in blocks([one_night, one_month])) == [
            "irn-ukr-drones-launched-2025-07", "rus-ukr-drones-launched-2025-07-08"]

    def test_names_come_from_the_claims_when_not_built_in(self):
        c = claim("d1", "Atlantis sent 50 troops to Lemuria.", "50", value=50, source="ATL",
                  **{**TROOPS, "actor": "ATL", "recipient": "LEM"})
        c.names = {"ATL": "Atlantis", "LEM": "Lemuria"}
        s = only(blocks([c], names=Names([c], use_gazetteer=False)))
        assert s.name == "Atlantis → Lemuria · troops deployed"

    def test_user_kinds_file_extends_the_packaged_one(self, tmp_path: Path):
        extra = tmp_path / "kinds.yaml"
        extra.write_text("munition:\n  glide-bomb: bombs\nany:\n  shell: ammunition\n", encoding="utf-8")
        kinds = Kinds.load(extra)
        glide = claim("d1", "Russia dropped 500 glide bombs.", "500", value=500, source="UKR-AF",
                      item="glide-bomb", category="munition", measure="launched", actor="RUS")
        assert block_key(glide, kinds).kind == "bombs"
        assert block_key(glide, Kinds.load()).kind == "glide-bombs"  # unknown to the packaged table: its own kind
        assert kinds.kind("shell", "munition") == "ammunition"
        assert kinds.kind("missile", "munition") == "missiles"

    @pytest.mark.parametrize("location", ["kursk", "russian-far-east"])
    def test_a_sides_figure_in_one_place_is_a_part_of_its_series(self, location):
        claims = [troops("d1", 11000, "KOR-JCS"),
                  claim("d2", "About 3,000 North Korean soldiers are training there.", "About 3,000",
                        value=3000, approx=True, source="UKR", location=location, **TROOPS)]
        s = only(blocks(claims))
        assert s.id == "prk-rus-troops-deployed" and s.location is None
        assert s.locations == [location]
        assert s.independent_sources == 2
        assert {c.doc: r.label for c in s.claims for r in [roles(s.claims)[c.id]]} == {
            "d1": "", "d2": f"in {location} only"}

    def test_without_a_model_a_block_is_one_series_whatever_its_places(self):
        # With no side named, telling the Kursk figure's event from the Donetsk one's is the model's job.
        sentence = "The strikes killed 14 people there."
        claims = [claim(d, sentence, "14", value=14, item="person", category="casualty", measure="killed",
                        location=place, source="UN")
                  for d, place in (("d1", "kursk"), ("d2", "donetsk"), ("d3", "kursk"))]
        s = only(blocks(claims))
        assert s.id == "people-killed-in-kursk"  # named after the place most of its claims give

    def test_a_place_alone_keeps_its_series_id_and_name(self):
        flood = [claim(d, "The floods killed 217 people in Valencia.", "217", value=217, item="person",
                       category="casualty", measure="killed", location="valencia", source=src)
                 for d, src in (("d1", "ESP"), ("d2", "anonymous"))]
        s = only(blocks(flood, names=Names(flood, use_gazetteer=False)))
        assert (s.id, s.name, s.location, s.locations) == (
            "people-killed-in-valencia", "people killed · Valencia", "valencia", ["valencia"])
        assert estimate(s).best == 217  # every figure names the one place: they count the whole

    def test_find_series(self):
        claims = [troops("d1", 10000, "KOR"),
                  troops("d2", 10000, "KOR", **{"measure": "planned"})]
        series = blocks(claims)
        assert find_series(series, "prk-rus-troops-deployed").measure == "deployed"
        assert find_series(series, "PLANNED").measure == "planned"  # a unique part, any case
        with pytest.raises(NotFoundError, match="ambiguous"):
            find_series(series, "prk-rus")
        with pytest.raises(NotFoundError, match="claimledger series"):
            find_series(series, "missiles")


# -- events inside a block: the shipped model, on clear-cut cases only -------------

def night(doc: str, value: int, start: str, end: str, *, source: str = "UKR-AF",
          publisher: str = "UKRINFORM") -> Claim:
    """'Russia launched <value> drones at Ukraine overnight', a flow over one night."""
    sentence = f"Russia launched {value:,} drones at Ukraine overnight, the air force said."
    return claim(doc, sentence, f"{value:,}", value=value, period_start=start, period_end=end, published=end,
                 source=source, publisher=publisher, **DRONES)


def running_total(doc: str, value: int, source: str, published: str, publisher: str) -> Claim:
    """'<source> said North Korea has sent <value> troops to Russia so far', a running total."""
    sentence = f"{source} said North Korea has sent {value:,} troops to Russia so far."
    return claim(doc, sentence, f"{value:,}", value=value, source=source, published=published,
                 publisher=publisher, cumulative=True, **TROOPS)


class TestEvents:
    def test_two_nights_of_drones_are_two_quantities(self):
        claims = [night("n1a", 412, "2025-06-01", "2025-06-02"),
                  night("n1b", 412, "2025-06-01", "2025-06-02", source="UKR", publisher="REUTERS"),
                  night("n2a", 275, "2025-06-09", "2025-06-10"),
                  night("n2b", 280, "2025-06-09", "2025-06-10", publisher="AFP")]
        got = {s.id: sorted(c.doc for c in s.claims) for s in build_series(claims)}
        assert got == {"rus-ukr-drones-launched-2025-06-01": ["n1a", "n1b"],
                       "rus-ukr-drones-launched-2025-06-09": ["n2a", "n2b"]}

    def test_a_running_total_restated_across_reports_is_one_quantity(self):
        claims = [running_total("t1", 11000, "KOR-JCS", "2025-03-01", "YONHAP"),
                  running_total("t2", 12000, "KOR-NIS", "2025-03-20", "AP"),
                  running_total("t3", 11500, "USA-DOD", "2025-04-02", "AFP"),
                  running_total("t4", 14000, "UKR-GUR", "2025-05-10", "KYIV-INDEPENDENT")]
        s = only(build_series(claims))
        assert s.id == "prk-rus-troops-deployed" and [c.doc for c in s.claims] == ["t1", "t2", "t3", "t4"]

    def test_the_model_and_no_model_agree_on_one_block_of_one_quantity(self):
        claims = [running_total("t1", 11000, "KOR-JCS", "2025-03-01", "YONHAP"),
                  running_total("t2", 12000, "KOR-NIS", "2025-03-20", "AP")]
        assert [s.id for s in build_series(claims)] == [s.id for s in blocks(claims)]


# -- originators: who independently stands behind a figure -----------------------

class TestOriginatorsAreNotGovernmentsByTheirShape:
    def test_three_capitals_that_are_no_country_are_no_government(self):
        from claimledger.reconcile import Originators

        origin = Originators.load()
        assert [origin.country(x) for x in ("ESP", "MSF", "AFP", "HRW")] == ["ESP", None, None, None]

    def test_an_outlet_or_ngo_abroad_is_not_counting_its_nationals(self):
        flood = dict(item="person", category="casualty", measure="killed", location="valencia")
        claims = [claim("d1", "Spain said 200 people died in the floods.", "200", value=200, source="ESP", **flood),
                  claim("d2", "MSF said 220 people died in the floods.", "220", value=220, source="MSF", **flood)]
        assert {c.doc: r.label for c in claims for r in [roles(claims)[c.id]]} == {"d1": "", "d2": ""}


class TestNationality:
    @pytest.mark.parametrize("sentence, figure, part", [
        ("The heat killed 49 Tunisian pilgrims.", "49", "Tunisian only"),
        ("At least 50 people died in the floods, Spanish officials said.", "50", ""),
        ("The Libyan Red Crescent said 900 bodies were found.", "900", ""),
    ])
    def test_a_nationality_names_a_part_only_when_it_says_who_is_counted(self, sentence, figure, part):
        c = claim("d1", sentence, figure, value=float(figure.replace(",", "")), item="person",
                  category="casualty", measure="killed", source="UN")
        whole = claim("d0", "The toll is 1,301.", "1,301", value=1301, item="person", category="casualty",
                      measure="killed", source="UN")
        assert roles([whole, c])[c.id].label == part


class TestOriginators:
    @pytest.mark.parametrize(
        "source, expected",
        [
            pytest.param("KOR", "KOR", id="the government"),
            pytest.param("KOR-NIS", "KOR", id="its spy agency"),
            pytest.param("KOR-JCS", "KOR", id="its military"),
            pytest.param("ahn-gyu-back", "KOR", id="its defence minister"),
            pytest.param("USA-DOD", "USA", id="another government's body"),
            pytest.param("UN", "UN", id="the UN"),
            pytest.param("OHCHR", "UN", id="a UN office"),
            pytest.param("WFP", "UN", id="a UN agency"),
        ],
    )
    def test_one_government_or_organisation_is_one_originator(self, source, expected):
        assert originator(troops("d", 11000, source)) == expected

    def test_a_governments_bodies_and_minister_count_as_one_independent_source(self):
        claims = [troops("a", 11000, "KOR-JCS"), troops("b", 11000, "KOR-NIS", publisher="AP"),
                  troops("c", 11000, "KOR", publisher="AFP"), troops("d", 11000, "ahn-gyu-back")]
        s = only(blocks(claims))
        assert (s.sources, s.independent_sources) == (["KOR"], 1)

    def test_a_relay_never_adds_an_originator(self):
        claims = [troops("a", 11000, "KOR-JCS", via=["AP"], publisher="CALIBER-AZ"),
                  troops("b", 11000, "KOR-JCS", via=["REUTERS", "AP"], publisher="KYIV-INDEPENDENT"),
                  troops("c", 11000, "KOR-JCS", via=["USA-DOD"], publisher="AFP")]
        s = only(blocks(claims))
        assert {originator(c) for c in claims} == {"KOR"}
        assert s.independent_sources == 1

    @pytest.mark.parametrize(
        "docs, count",
        [
            pytest.param(("d1", "d1"), 1, id="two unnamed officials in one report"),
            pytest.param(("d1", "d2"), 2, id="unnamed officials in two reports"),
        ],
    )
    def test_anonymous_is_one_originator_per_report(self, docs, count):
        claims = [claim(docs[0], "An official said 11,000 troops were sent.", "11,000", value=11000,
                        source="anonymous", **TROOPS),
                  claim(docs[1], "Another official, unnamed, put the troops at 12,000.", "12,000", value=12000,
                        source="anonymous", **TROOPS)]
        assert only(blocks(claims)).independent_sources == count
        assert originator(claims[0]) == "anonymous@d1"

    def test_a_publisher_in_its_own_voice_is_the_originator(self):
        assert originator(troops("a", 11000, None, publisher="AP")) == "AP"

    def test_parties_are_those_the_claims_show_fighting(self):
        parties = Parties(WAR)
        assert parties.fighting(["PRK", "RUS"]) == {"PRK", "RUS", "UKR"}  # through an ally, too
        assert parties.fighting(["UKR"]) == {"PRK", "RUS", "UKR"}
        assert Parties([]).fighting(["PRK", None]) == {"PRK"}  # no claims, no known fight
        assert "KOR" not in parties.fighting(["PRK"])


# -- timeline -------------------------------------------------------------------

class TestTimeline:
    def test_points_in_date_order_with_as_of_and_period_dates(self):
        claims = [
            troops("late", 15000, "KOR-NIS", published="2025-04-30"),
            claim("period", "Pyongyang sent 3,000 more troops in January and February.", "3,000",
                  published="2025-03-27", value=3000, incremental=True, source="KOR-JCS",
                  period_start="2025-01-01", period_end="2025-02-28", via=["AP"], publisher="CALIBER-AZ",
                  **TROOPS),
            troops("early", 10000, "USA-DOD", published="2024-10-28", publisher="AFP"),
        ]
        tl = timeline(only(blocks(claims)))
        got = [(p.claim.doc, p.date, p.as_of) for p in tl.points]
        assert got == [
            ("early", "2024-10-28", True),   # no period: as of publication
            ("period", "2025-02-28", False),  # a period: placed at its end, not at publication
            ("late", "2025-04-30", True),
        ]
        period = tl.points[1].to_dict()
        # Fields that identify entities carry ids; the names are for display only.
        assert (period["source"], period["via"], period["publisher"]) == ("KOR-JCS", ["AP"], "CALIBER-AZ")
        assert period["relay"] == "KOR-JCS → AP → CALIBER-AZ"
        assert period["relay_chain"] == ["AP", "CALIBER-AZ"]
        assert period["relay_names"] == " → ".join(gazetteer_name(x) for x in ("KOR-JCS", "AP", "CALIBER-AZ"))
        assert period["source_name"] == gazetteer_name("KOR-JCS")
        assert period["publisher_name"] == gazetteer_name("CALIBER-AZ")
        assert period["incremental"] is True and period["figure"] == "+3,000"
        assert period["evidence"].startswith("Pyongyang sent")
        assert period["claim"] == "period#15-20"

    def test_a_figure_its_originator_stated_again_later_is_marked_superseded(self):
        claims = [troops("jan", 10000, "KOR-NIS", published="2025-01-10"),
                  troops("mar", 11000, "KOR-JCS", published="2025-03-10"),  # one government: it replaces jan
                  troops("feb", 9000, "USA", published="2025-02-10")]
        points = {p.claim.doc: p.to_dict()["superseded"] for p in timeline(only(blocks(claims))).points}
        assert points == {"jan": True, "feb": False, "mar": False}

    def test_to_dict_carries_series_estimate_and_figures(self):
        tl = timeline(only(blocks([troops("d1", 10000, "KOR"), troops("d2", 12000, "USA")])))
        data = tl.to_dict()
        assert data["series"]["id"] == "prk-rus-troops-deployed"
        assert [p["value"] for p in data["points"]] == [10000, 12000]
        assert data["estimate"]["low"] == 10000 and data["estimate"]["high"] == 12000
        assert {f["figure"] for f in data["figures"]} == {"10,000", "12,000"}

    def roles_ledger(self) -> list[Claim]:
        """One figure of each role, each stated in early March 2025."""
        return [
            troops("stated", 11000, "KOR-JCS", published="2025-03-06", stated="2025-03-03"),
            claim("added", "It said 1,500 more troops went in February.", "1,500", published="2025-03-06",
                  value=1500, incremental=True, source="KOR-JCS", period_start="2025-02-01",
                  period_end="2025-02-28", **TROOPS),
            troops("kursk", 4000, "UKR-GUR", published="2025-03-04", location="kursk"),
            troops("guess", 20000, "USA", published="2025-03-05", projection=True),
            troops("before", 8000, "USA-DOD", published="2025-03-05", earlier=True),
            troops("spy", 12000, "UKR-GUR", published="2025-03-05"),
        ]

    def test_points_carry_statement_period_originator_party_and_role(self):
        tl = timeline(only(blocks(self.roles_ledger())), parties=Parties(WAR))
        points = {p.claim.doc: p.to_dict() for p in tl.points}
        pick = ("stated", "stated_in_text", "date", "period_start", "period_end", "originator", "party",
                "part", "projection", "earlier")
        got = {doc: tuple(p[k] for k in pick) for doc, p in points.items()}
        assert got == {
            # the date the text gives for the statement, not the day it was published
            "stated": ("2025-03-03", True, "2025-03-03", None, None, "KOR", False, None, False, False),
            "added": ("2025-03-06", False, "2025-02-28", "2025-02-01", "2025-02-28", "KOR", False,
                      "an addition to the total", False, False),
            "kursk": ("2025-03-04", False, "2025-03-04", None, None, "UKR", True, "in kursk only", False, False),
            "guess": ("2025-03-05", False, "2025-03-05", None, None, "USA", False, None, True, False),
            "before": ("2025-03-05", False, "2025-03-05", None, None, "USA", False, None, False, True),
            "spy": ("2025-03-05", False, "2025-03-05", None, None, "UKR", True, None, False, False),
        }
        assert points["stated"]["originator_name"] == gazetteer_name("KOR")

    def test_a_party_is_flagged_even_where_its_figure_is_not_estimated(self):
        claims = [troops("kor", 11000, "KOR"),
                  troops("ukr", 30000, "UKR-GUR", projection=True)]  # a projection: never estimated
        tl = timeline(only(blocks(claims)), parties=Parties(WAR))
        assert {p.claim.doc: p.party for p in tl.points} == {"kor": False, "ukr": True}


# -- independence: primary sources and their relays --------------------------------

class TestIndependence:
    def relayed(self):
        """KOR-JCS's 11,000 relayed by three outlets on three days, and KOR-NIS's 12,000 directly."""
        return [
            troops("a", 11000, "KOR-JCS", published="2025-03-27", via=["AP"], publisher="CALIBER-AZ"),
            troops("b", 11000, "KOR-JCS", published="2025-03-28", publisher="YONHAP"),
            troops("c", 11000, "KOR-JCS", published="2025-03-29", via=["REUTERS"],
                   publisher="KYIV-INDEPENDENT"),
            troops("d", 12000, "KOR-NIS", published="2025-03-29", publisher="KOR-NIS"),
        ]

    def test_one_source_relayed_by_three_outlets_is_one_source(self):
        s = only(blocks(self.relayed()))
        assert s.independent_sources == 1  # the JCS and the NIS both speak for South Korea
        eleven = [f for f in figures(s.claims) if f.figure == "11,000"][0]
        assert eleven.independent_sources == 1
        (jcs,) = eleven.sources
        assert sorted(r.chain for r in jcs.relays) == [("AP", "CALIBER-AZ"), ("REUTERS", "KYIV-INDEPENDENT"),
                                                       ("YONHAP",)]
        points = {p.claim.doc: p.independent_sources for p in timeline(s).points}
        assert points == {"a": 1, "b": 1, "c": 1, "d": 1}

    def test_a_relayed_figure_is_one_assertion(self):
        found = assertions(self.relayed())
        assert [(a.source, len(a.claims), str(a.first)) for a in found] == [
            ("KOR-JCS", 3, "2025-03-27"), ("KOR-NIS", 1, "2025-03-29")]
        # The source publishing in its own voice has no relay.
        assert found[1].relays[0].chain == ()

    def test_same_figure_from_two_originators_counts_two(self):
        claims = [troops("a", 11000, "KOR-JCS"), troops("b", 11000, "USA-DOD")]
        assert figures(claims)[0].independent_sources == 2

    def test_same_figure_from_one_government_counts_one(self):
        claims = [troops("a", 11000, "KOR-JCS"), troops("b", 11000, "KOR-NIS")]
        assert figures(claims)[0].independent_sources == 1

    def test_a_source_changing_its_figure_makes_new_assertions(self):
        claims = [troops("a", 10000, "KOR", published="2024-11-01"),
                  troops("b", 11000, "KOR", published="2024-12-01"),
                  troops("c", 10000, "KOR", published="2025-01-01")]
        assert [a.claim.value for a in assertions(claims)] == [10000, 11000, 10000]

    def test_publisher_in_its_own_voice_is_the_source(self):
        own = troops("a", 10000, None, publisher="AP")
        cited = troops("b", 10000, "AP", publisher="YONHAP")
        groups = group_by_source([own, cited])
        assert [(g.source, len(g.claims)) for g in groups] == [("AP", 2)]
        assert sorted(r.chain for r in groups[0].relays) == [(), ("YONHAP",)]

    def test_group_by_source_lists_series(self):
        claims = self.relayed() + [claim("e", "KOR-JCS counted 300 dead.", "300", value=300, source="KOR-JCS",
                                         **KILLED)]
        groups = {g.source: g for g in group_by_source(claims, blocks(claims))}
        assert sorted(groups["KOR-JCS"].series) == ["prk-people-killed", "prk-rus-troops-deployed"]
        assert len(groups["KOR-JCS"].claims) == 4


# -- conflicts ------------------------------------------------------------------

@pytest.mark.parametrize(
    "fields, interval",
    [
        (dict(value=1000), (1000, 1000)),
        (dict(value=1000, approx=True), (900, 1100)),
        (dict(value=1000, bound=">"), (1000, float("inf"))),
        (dict(value=1000, bound=">="), (1000, float("inf"))),
        (dict(value=1000, bound="<="), (0, 1000)),
        (dict(value=1000, bound="<"), (0, 1000)),
        (dict(low=1000, high=1200), (1000, 1200)),
        (dict(low=1000, high=1200, approx=True), (900, 1320)),
        (dict(vague=True), None),
    ],
)
def test_figure_interval(fields, interval):
    c = claim("d", "Some figure of 1,000 here.", "1,000", **fields)
    got = figure_interval(c)
    assert got == (pytest.approx(interval) if interval else None)


def pair(a: dict, b: dict, *, base: dict | None = None) -> list[Claim]:
    """Two claims of one series, by default from two independent originators on one day."""
    base = {**TROOPS, **(base or {})}
    out = []
    for i, fields in enumerate((a, b)):
        fields = {"source": ("KOR-JCS", "USA-DOD")[i], "published": "2025-01-10", **fields}
        doc = fields.pop("doc", f"d{i}")
        out.append(claim(doc, "Officials put the number at 1,000 troops.", "1,000", **{**base, **fields}))
    return out




@pytest.mark.parametrize(
    "a, b, kind",
    [
        # Values, each read as an interval; disjoint intervals conflict
        pytest.param(dict(value=10000), dict(value=3000), "disagree", id="exact figures apart"),
        pytest.param(dict(value=10000), dict(value=10000), None, id="same figure"),
        pytest.param(dict(value=10000), dict(value=11000, approx=True), None, id="approx reaches"),
        pytest.param(dict(value=10000), dict(value=12000, approx=True), "disagree", id="approx too far"),
        pytest.param(dict(value=9000, approx=True), dict(value=10000), "disagree", id="approx widened 10% only"),
        pytest.param(dict(low=11000, high=12000), dict(value=11500), None, id="figure in range"),
        pytest.param(dict(low=11000, high=12000), dict(value=12500), "disagree", id="figure past range"),
        pytest.param(dict(low=11000, high=12000), dict(value=12500, approx=True), None,
                     id="approx reaches range"),
        pytest.param(dict(value=10000, vague=True), dict(value=3000), None, id="vague never conflicts"),
        # Bounds are closed
        pytest.param(dict(value=10000, bound=">"), dict(value=12000), None, id="floor below figure"),
        pytest.param(dict(value=1_000_000, bound=">"), dict(value=1_000_000), None,
                     id="more than a million vs a million"),
        pytest.param(dict(value=10000, bound=">"), dict(value=8000), "disagree", id="figure under floor"),
        pytest.param(dict(value=5000, bound="<="), dict(value=5000), None, id="up to X vs X"),
        pytest.param(dict(value=5000, bound="<="), dict(value=8000), "disagree", id="figure over ceiling"),
        # Time: stocks at their statement dates, at most 7 days apart; flows for the same period
        pytest.param(dict(value=10000, published="2025-01-10"), dict(value=3000, published="2025-01-11"),
                     "disagree", id="statements a day apart"),
        pytest.param(dict(value=10000, published="2025-01-10"), dict(value=3000, published="2025-01-17"),
                     "disagree", id="statements 7 days apart"),
        pytest.param(dict(value=10000, published="2025-01-10"), dict(value=3000, published="2025-01-18"),
                     None, id="statements 8 days apart"),
        pytest.param(dict(value=10000, published="2025-01-10", stated="2024-12-20"),
                     dict(value=3000, published="2025-01-10"), None, id="stated date wins over publication"),
        pytest.param(dict(value=10000, published="2025-01-30", stated="2025-01-09"),
                     dict(value=3000, published="2025-01-10"), "disagree", id="stated on the same day"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=9000, period_start="2025-01-01", period_end="2025-01-31"), "disagree",
                     id="same period apart"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=9000, period_start="2025-01-15", period_end="2025-02-15"), None,
                     id="periods overlap partly"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=9000, period_start="2025-02-01", period_end="2025-02-28"), None,
                     id="two periods"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-10"),
                     dict(value=9000), None, id="flow vs running total"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-02-28"),
            dict(value=9000, period_start="2025-01-01", period_end="2025-01-31"), "part_exceeds_whole",
            id="shorter period exceeds longer"),
        pytest.param(dict(value=9000, period_start="2025-01-01", period_end="2025-02-28"),
                     dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"), None,
                     id="shorter period within longer"),
        # Roles: earlier stages and projections never; a part only when larger than its whole
        pytest.param(dict(value=10000, earlier=True), dict(value=3000), None, id="earlier never"),
        pytest.param(dict(value=10000), dict(value=3000, projection=True), None, id="projection never"),
        pytest.param(dict(value=3000, incremental=True), dict(value=10000), None, id="addition below total"),
        pytest.param(dict(value=10000, incremental=True), dict(value=3000), "part_exceeds_whole",
                     id="addition above total"),
        pytest.param(dict(value=10000, cumulative=True), dict(value=3000), "disagree",
                     id="marked total vs unmarked figure"),
        # Originators: one government's bodies, the same originator's reports, relays
        pytest.param(dict(value=10000, doc="same"), dict(value=3000, doc="same", source="KOR-JCS"), None,
                     id="one source in one report recounting"),
        pytest.param(dict(value=10000, doc="one"), dict(value=3000, doc="two", source="KOR-JCS"), None,
                     id="one source in two reports is an update"),
        pytest.param(dict(value=10000), dict(value=3000, source="KOR-NIS"), None, id="two bodies of one government"),
        pytest.param(dict(value=10000), dict(value=3000, source="ahn-gyu-back"), None,
                     id="a body and its minister"),
        pytest.param(dict(value=10000, source="UN"), dict(value=3000, source="OHCHR"), None,
                     id="the UN and its office"),
        pytest.param(dict(value=10000), dict(value=3000, source="KOR-NIS", via=["USA-DOD"]), None,
                     id="a relay is not an originator"),
        pytest.param(dict(value=10000, source="anonymous", doc="one"),
                     dict(value=3000, source="anonymous", doc="two"), "disagree",
                     id="anonymous in two reports"),
        pytest.param(dict(value=10000, source="anonymous", doc="one"),
                     dict(value=3000, source="anonymous", doc="one"), None, id="anonymous in one report"),
    ],
)
def test_conflict_rules(a, b, kind):
    series = blocks(pair(a, b))
    found = find_conflicts(series)
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind:
        c = found[0]
        assert {c.a.id, c.b.id} == {x.id for x in pair(a, b)}
        assert c.series == only(series).id


@pytest.mark.parametrize(
    "a, b, kind",
    [
        pytest.param(dict(value=3000, location="kursk"), dict(value=11000), None, id="place below whole"),
        pytest.param(dict(value=12000, location="kursk"), dict(value=11000), "part_exceeds_whole",
                     id="place above whole"),
        pytest.param(dict(value=11000), dict(value=12000, location="kursk"), "part_exceeds_whole",
                     id="place above whole, part second"),
        pytest.param(dict(value=3000, location="kursk"), dict(value=9000, location="kursk"), "disagree",
                     id="one place apart"),
        pytest.param(dict(value=3000, location="kursk"), dict(value=9000, location="donetsk"), None,
                     id="two places"),
        pytest.param(dict(value=9000, location="kursk", period_start="2025-01-01", period_end="2025-02-28"),
                     dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"), None,
                     id="longer time in one place vs shorter time everywhere"),
        pytest.param(dict(value=9000, location="kursk", period_start="2025-01-01", period_end="2025-01-31"),
            dict(value=3000, period_start="2025-01-01", period_end="2025-02-28"), "part_exceeds_whole",
            id="part in time and place"),
    ],
)
def test_conflicts_of_a_place_and_the_whole(a, b, kind):
    found = find_conflicts(blocks(pair(a, b)))
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind == "part_exceeds_whole":
        part, whole = found[0].a, found[0].b
        assert part.location == "kursk" and not whole.location
        assert " in Kursk " in found[0].reason and "more than the whole" in found[0].reason


def death_toll(doc: str, value: int, item: str, *, source: str = "OCHA", published: str = "2025-05-12",
               **fields) -> Claim:
    """'The strike killed <value> <item>s', no side named, stated on 12 May 2025 by default."""
    return claim(doc, f"Officials said the strike killed {value} {item}s.", str(value), value=value, item=item,
                 category="casualty", measure="killed", source=source, published=published, **fields)


@pytest.mark.parametrize(
    "part, kind",
    [
        pytest.param(death_toll("p", 9, "child", source="msf"), None, id="sub-kind below the whole"),
        pytest.param(death_toll("p", 60, "child", source="msf"), "part_exceeds_whole",
                     id="sub-kind above the whole"),
        pytest.param(death_toll("p", 60, "child", source="UNICEF"), None,
                     id="sub-kind from the same originator (UNICEF and OCHA are the UN)"),
        pytest.param(death_toll("p", 60, "child", source="msf", published="2025-06-12"), None,
                     id="sub-kind a month later"),
    ],
)
def test_conflicts_of_a_sub_kind_and_the_whole(part, kind):
    # The whole, stated twice, makes "people" the series' kind; the children are among them.
    wholes = [death_toll("w1", 41, "person"), death_toll("w2", 41, "person", publisher="AFP")]
    s = only(blocks([*wholes, part]))
    assert roles(s.claims)[part.id].part == "children among the people"
    found = find_conflicts(s)
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind:
        assert found[0].a.id == part.id and "more than the whole" in found[0].reason




@pytest.mark.parametrize(
    "part, kind",
    [
        pytest.param(dict(value=2500, period_start="2025-01-01", period_end="2025-01-31"), None,
                     id="a month's flow below the total"),
        pytest.param(dict(value=14000, period_start="2025-01-01", period_end="2025-01-31"),
            "part_exceeds_whole", id="a month's flow above the total"),
        pytest.param(dict(value=900, cumulative=True, period_start="2025-01-20", period_end="2025-02-02"),
            None, id="a total since a later start, below"),
        pytest.param(dict(value=14000, cumulative=True, period_start="2025-01-20", period_end="2025-02-02"),
            "part_exceeds_whole", id="a total since a later start, above"),
    ],
)
def test_conflicts_of_a_period_and_the_running_total(part, kind):
    total = troops("total", 11000, "KOR-JCS", published="2025-02-02", cumulative=True)
    words = f"{int(part['value']):,}"
    piece = claim("piece", f"The Pentagon counted {words} North Korean troops arriving.", words,
                  published="2025-02-02", source="USA-DOD", **{**TROOPS, **part})
    found = find_conflicts(blocks([total, piece]))
    assert [c.kind for c in found] == ([kind] if kind else [])


def casualties(doc: str, value: int, measure: str, source: str, published: str, actor: str = "RUS") -> Claim:
    sentence = f"The count of Russian soldiers {measure.replace('_', ' ')} stands at {value:,}."
    return claim(doc, sentence, f"{value:,}", value=value, approx=True, source=source, published=published,
                 **{**KILLED, "actor": actor, "measure": measure})


@pytest.mark.parametrize(
    "part, kind",
    [
        pytest.param(casualties("k", 6000, "killed", "GBR", "2025-08-12"), "exceeds_killed_or_wounded",
                     id="killed above killed or wounded"),
        pytest.param(casualties("k", 6000, "wounded", "GBR", "2025-08-12"), "exceeds_killed_or_wounded",
                     id="wounded above killed or wounded"),
        pytest.param(casualties("k", 900, "killed", "GBR", "2025-08-12"), None, id="killed below"),
        pytest.param(casualties("k", 6000, "killed", "RUS", "2025-08-12"), None, id="one originator"),
        pytest.param(casualties("k", 6000, "killed", "GBR", "2025-09-30"), None, id="another time"),
        pytest.param(casualties("k", 6000, "killed", "GBR", "2025-08-12", actor="UKR"), None,
                     id="another side"),
    ],
)
def test_killed_or_wounded_is_at_least_either(part, kind):
    whole = casualties("kw", 1200, "killed_or_wounded", "RUS-MOD", "2025-08-10")
    found = find_conflicts(blocks([whole, part]))
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind:
        (c,) = found
        assert (c.a, c.b) == (part, whole)
        assert gazetteer_name("GBR") in c.reason and gazetteer_name("RUS") in c.reason


def test_a_place_and_the_whole_are_different_figures_and_the_estimate_is_of_the_whole():
    claims = [troops("a", 11000, "KOR-JCS"),
              troops("b", 11000, "KOR-NIS", location="kursk"),
              troops("c", 3000, "UKR", location="kursk"),
              troops("d", 12000, "USA")]
    s = only(blocks(claims))
    groups = {(f.figure, f.location): f.independent_sources for f in figures(s.claims)}
    assert groups == {("11,000", None): 1, ("11,000", "kursk"): 1, ("3,000", "kursk"): 1, ("12,000", None): 1}
    est = estimate(s)
    assert (est.low, est.best, est.high) == (11000, 11500, 12000)
    assert est.sources == ["KOR", "USA"]
    points = {p.claim.doc: p.to_dict() for p in timeline(s).points}
    assert points["c"]["location"] == "kursk" and points["a"]["location"] is None
    assert estimate(only(blocks(claims[1:3]))).sources == ["KOR", "UKR"]  # one place, no whole: it is the whole


def test_a_place_does_not_break_a_sources_run():
    claims = [troops("a", 11000, "KOR-JCS", published="2025-03-01"),
              troops("b", 3000, "KOR-JCS", published="2025-03-02", location="kursk"),
              troops("c", 11000, "KOR-JCS", published="2025-03-03")]
    found = assertions(claims)
    assert [(a.claim.value, a.claim.location, len(a.claims)) for a in found] == [
        (11000, None, 2), (3000, "kursk", 1)]


def test_conflict_names_both_originators():
    (c,) = find_conflicts(blocks(pair(dict(value=10000), dict(value=3000))))
    # The reason is for a reader: it names both originators as the gazetteer spells them.
    assert c.reason.startswith(f"{gazetteer_name('KOR')} says 10,000 (as of 2025-01-10)")
    assert f"{gazetteer_name('USA')} says 3,000 (as of 2025-01-10)" in c.reason
    data = c.to_dict()
    assert set(data) >= {"series", "a", "b", "kind", "reason"}
    # The sources as data are the primary sources' entity ids, with their names next to them.
    assert (data["a_source"], data["b_source"]) == ("KOR-JCS", "USA-DOD")
    assert data["a_source_name"] == gazetteer_name("KOR-JCS")
    assert data["b_source_name"] == gazetteer_name("USA-DOD")


def test_conflict_reason_without_a_gazetteer_falls_back_to_ids():
    claims = pair(dict(value=10000, source="ATL-MOD"), dict(value=3000, source="LEM-MOD"))
    names = Names(claims, use_gazetteer=False)
    (c,) = find_conflicts(blocks(claims, names=names), names)
    assert "ATL says 10,000" in c.reason and "LEM says 3,000" in c.reason


def test_a_relayed_conflict_is_reported_once():
    claims = [troops("a1", 10000, "KOR", publisher="YONHAP"), troops("a2", 10000, "KOR-JCS", publisher="AP"),
              troops("b1", 3000, "USA", publisher="AFP"), troops("b2", 3000, "USA-DOD", publisher="REUTERS")]
    (c,) = find_conflicts(blocks(claims))
    assert len(c.a_claims) == 2 and len(c.b_claims) == 2


def tolls(*figures: tuple[str, str, float, str]) -> list[Claim]:
    """Running death tolls: (doc, source, value, published)."""
    return [claim(doc, f"The toll has risen to {int(value):,}, officials said.", f"{int(value):,}",
                  published=published, value=value, cumulative=True, source=source, item="person",
                  category="casualty", measure="killed", location="atlantis")
            for doc, source, value, published in figures]


@pytest.mark.parametrize(
    "figures, kinds",
    [
        pytest.param([("a", "ATL-MOH", 450, "2025-01-15"), ("b", "ATL-MOH", 470, "2025-02-15")], [],
                     id="total grows"),
        pytest.param([("a", "ATL-MOH", 470, "2025-01-15"), ("b", "ATL-MOH", 450, "2025-01-16")], [],
                     id="one originator revises its total down"),
        pytest.param([("a", "ATL-MOH", 470, "2025-01-15"), ("b", "ATL", 450, "2025-01-16")], [],
                     id="one government revises its ministry's total"),
        pytest.param([("a", "ATL-MOH", 470, "2025-01-15"), ("b", "ATL-MOH", 470, "2025-02-15")], [],
                     id="total restated"),
        pytest.param([("a", "ATL-MOH", 470, "2025-01-15"), ("b", "UN", 450, "2025-02-15")], [],
                     id="another originator lower a month later"),
        pytest.param([("a", "ATL-MOH", 470, "2025-01-15"), ("b", "UN", 450, "2025-01-19")], ["disagree"],
                     id="another originator lower the same week"),
        pytest.param([("a", "ATL-MOH", 450, "2025-01-15"), ("b", "UN", 470, "2025-01-18")], [],
                     id="another originator higher days later: the toll rose"),
    ],
)
def test_a_running_total_conflicts_only_across_originators_at_one_time(figures, kinds):
    found = find_conflicts(blocks(tolls(*figures)))
    assert [c.kind for c in found] == kinds


def live_entry(c: Claim, i: int, at: str | None) -> None:
    """Make c the i-th entry of a live report, stamped at `at` ("HH:MM") on its publication day."""
    c.stated = f"{c.published}T{at}" if at else None
    c.start, c.end = c.start + 1000 * i, c.end + 1000 * i


@pytest.mark.parametrize("first, second, kinds", [
    pytest.param(("ATL-MOH", 33, "10:05"), ("UN", 59, "18:45"), [], id="a live report's toll rises through the day"),
    pytest.param(("ATL-MOH", 59, "10:05"), ("UN", 33, "18:45"), ["disagree"], id="and a later lower figure clashes"),
    pytest.param(("ATL-MOH", 33, None), ("UN", 59, None), ["disagree"], id="one day and no times: no order"),
])
def test_a_live_reports_stamps_order_one_days_statements(first, second, kinds):
    claims = tolls(("live", first[0], first[1], "2025-01-15"), ("live", second[0], second[1], "2025-01-15"))
    for i, (c, at) in enumerate(zip(claims, (first[2], second[2]), strict=True)):
        live_entry(c, i, at)
    found = find_conflicts(blocks(claims))
    assert [c.kind for c in found] == kinds
    if kinds:
        assert "18:45" in found[0].reason or first[2] is None


def test_a_higher_count_of_the_missing_later_in_the_day_is_still_a_disagreement():
    """The missing are found as much as new ones are reported: a later, higher figure is no stage of a
    count that grew, and two originators' 16 and 17 at one time cannot both hold."""
    claims = [claim("live", f"The {who} said {n} crew members were missing.", str(n), published="2025-07-09",
                    value=n, item="crew member", category="people", measure="missing", source=who)
              for who, n in (("GRC-COASTGUARD", 16), ("PHL", 17))]
    for i, (c, at) in enumerate(zip(claims, ("16:30", "19:05"), strict=True)):
        live_entry(c, i, at)
    assert [c.kind for c in find_conflicts(blocks(claims))] == ["disagree"]


def test_a_live_reports_batches_stay_parts_of_the_days_count():
    """7 released at 09:40 and 13 at 11:05 under the same originator's 20 of the day are sub-counts of it,
    whatever their time of day; another originator's 20 agrees with the whole."""
    claims = tolls(("live", "ATL-MOH", 7, "2025-01-15"), ("live", "ATL-MOH", 13, "2025-01-15"),
                   ("live", "ATL-MOH", 20, "2025-01-15"), ("wire", "UN", 20, "2025-01-15"))
    for i, (c, at) in enumerate(zip(claims, ("09:40", "11:05", None, None), strict=True)):
        live_entry(c, i, at)
    series = blocks(claims)
    role = roles(only(series).claims)
    assert [role[c.id].whole for c in only(series).claims if c.doc == "live"] == [False, False, True]
    assert find_conflicts(series) == []


# -- estimate -------------------------------------------------------------------

def figure(doc: str, source: str, published: str = "2025-03-10", value: float | None = None, **fields) -> Claim:
    """A troop figure from ``source``; fields as an extractor gives them (value, bound, low/high, vague...)."""
    words = fields.pop("words", None) or (f"{int(value):,}" if value is not None else
                                           f"{int(fields['low']):,} to {int(fields['high']):,}")
    sentence = f"{source} put the number of North Korean troops in Russia at {words}."
    return claim(doc, sentence, words, published=published, value=value, source=source, **{**TROOPS, **fields})


def bounds(est) -> tuple[float | None, float | None, float | None]:
    return est.low, est.best, est.high


class TestCurrencies:
    def test_one_amount_in_two_currencies_is_no_conflict_and_the_estimate_keeps_one_currency(self):
        money = dict(category="money", measure="pledged", actor="DEU", recipient="UKR")
        sentence = "Berlin pledged €480m ($500m) in new aid."
        claims = [claim("d1", sentence, "€480m", value=480e6, item="euro", source="DEU", **money),
                  claim("d1", sentence, "$500m", value=500e6, item="dollar", source="DEU", **money),
                  claim("d2", "The institute counts €480m.", "€480m", value=480e6, item="euro", source="kiel",
                        **money)]
        s = only(blocks(claims))
        assert find_conflicts(s) == []
        est = estimate(s)
        assert est is not None and (est.low, est.high) == (480e6, 480e6)


class TestEstimate:
    def test_a_floor_below_every_number_never_lowers_the_low(self):
        claims = [troops("nis", 12000, "KOR-NIS", published="2025-01-13"),
                  troops("dod", 10000, "USA-DOD", published="2025-01-12"),
                  troops("gur", 1000, "UKR-GUR", published="2025-01-12", bound=">=")]
        est = estimate(only(blocks(claims)))
        assert est is not None and est.low == 10000 and "lowest figure" in est.reasons["low"]

    def test_with_only_floors_the_low_is_the_highest_floor(self):
        claims = [troops("a", 1000, "UKR", published="2025-01-12", bound=">"),
                  troops("b", 3000, "KOR", published="2025-01-12", bound=">=")]
        est = estimate(only(blocks(claims)))
        assert est is not None and (est.low, est.best) == (3000, 3000)

    def test_low_best_high_from_each_originators_latest_figure(self):
        claims = [
            troops("old", 3000, "KOR-NIS", published="2024-12-20"),  # superseded by its 12,000
            troops("nis", 12000, "KOR-NIS", published="2025-01-13"),
            troops("dod", 10000, "USA-DOD", published="2025-01-02"),
            claim("gur", "Kyiv puts the force at 11,000 to 13,000 troops.", "11,000 to 13,000",
                  published="2025-01-05", low=11000, high=13000, source="UKR-GUR", **TROOPS),
        ]
        est = estimate(only(blocks(claims)))
        assert bounds(est) == (10000, 12000, 13000)
        assert [c.doc for c in est.low_claims] == ["dod"]
        assert [c.doc for c in est.best_claims] == ["nis", "gur"]  # 12,000 and the range's midpoint
        assert [c.doc for c in est.high_claims] == ["gur"]
        assert est.sources == ["KOR", "UKR", "USA"]
        assert str(est.as_of) == "2025-01-13"
        assert set(est.reasons) == {"low", "best", "high"}
        assert gazetteer_name("USA") in est.reasons["low"] and gazetteer_name("UKR") in est.reasons["high"]
        assert "median" in est.reasons["best"]
        assert est.notes == [] and est.refused is None

    def test_one_government_gives_its_latest_figure_once(self):
        claims = [figure("jcs", "KOR-JCS", "2025-03-01", 11000), figure("nis", "KOR-NIS", "2025-03-05", 12500),
                  figure("dod", "USA-DOD", "2025-03-03", 10000)]
        est = estimate(only(blocks(claims)))
        assert est.sources == ["KOR", "USA"]
        assert bounds(est) == (10000, 11250, 12500)  # the JCS's 11,000 is South Korea's older figure

    def test_relays_count_once_and_even_counts_take_the_mean(self):
        claims = [troops(d, 20000, "KOR-JCS", publisher=p)
                  for d, p in (("a", "AP"), ("b", "AFP"), ("c", "YONHAP"))]
        claims.append(troops("d", 10000, "USA"))
        est = estimate(only(blocks(claims)))
        assert bounds(est) == (10000, 15000, 20000)
        assert est.sources == ["KOR", "USA"]
        assert len(est.best_claims) == 2 and {c.source for c in est.best_claims} == {"KOR-JCS", "USA"}

    @pytest.mark.parametrize(
        "days, sources",
        [
            pytest.param(30, ["KOR", "USA"], id="30 days older: evidence"),
            pytest.param(31, ["KOR"], id="31 days older: history"),
        ],
    )
    def test_figures_more_than_30_days_older_than_the_newest_are_history(self, days, sources):
        from datetime import date, timedelta

        older = (date(2025, 3, 31) - timedelta(days=days)).isoformat()
        claims = [figure("new", "KOR-NIS", "2025-03-31", 12000), figure("old", "USA-DOD", older, 8000)]
        est = estimate(only(blocks(claims)))
        assert est.sources == sources
        assert str(est.as_of) == "2025-03-31"

    @pytest.mark.parametrize(
        "claims, expected",
        [
            # "more than X" is a floor: it may raise the low, and is a high only at its value
            pytest.param([figure("a", "KOR", value=11000), figure("b", "USA", value=14000),
                          figure("c", "UN", value=12000, bound=">", words="more than 12,000")],
                         (12000, 12500, 14000), id="a floor raises the low"),
            pytest.param([figure("a", "KOR", value=11000),
                          figure("c", "UN", value=20000, bound=">", words="more than 20,000")],
                         (20000, 20000, 20000), id="a floor above every figure is the high at its value"),
            pytest.param([figure("c", "UN", value=5000, bound=">=", words="at least 5,000")],
                         (5000, 5000, 5000), id="only a floor"),
            # "up to X" is a cap: it may set the high, never the low
            pytest.param([figure("a", "KOR", value=11000),
                          figure("c", "UN", value=15000, bound="<=", words="up to 15,000")],
                         (11000, 11000, 15000), id="a cap sets the high"),
            pytest.param([figure("c", "UN", value=15000, bound="<=", words="up to 15,000")],
                         (None, None, 15000), id="only a cap: no low"),
            # vague amounts are floors
            pytest.param([figure("v", "UN", value=None, vague=True, words="dozens")], (24, 24, 24),
                         id="only a vague amount"),
            pytest.param([figure("a", "KOR", value=20), figure("v", "UN", value=None, vague=True, words="dozens")],
                         (24, 24, 24), id="a vague floor above the number raises the low"),
        ],
    )
    def test_bounds_count_only_on_their_side(self, claims, expected):
        est = estimate(only(blocks(claims)))
        assert bounds(est) == expected

    @pytest.mark.parametrize(
        "words, floor",
        [("a few", 2), ("several", 3), ("dozens of", 24), ("hundreds of", 200), ("several hundred", 300),
         ("thousands of", 2000), ("tens of thousands of", 20000)],
    )
    def test_vague_amounts_are_floors(self, words, floor):
        est = estimate(only(blocks([figure("v", "UN", value=None, vague=True, words=words)])))
        assert bounds(est) == (floor, floor, floor)
        assert est.reasons["best"].startswith("only floors")

    @pytest.mark.parametrize("vague", ["dozens", "hundreds of", "thousands of"])
    def test_a_vague_amount_never_sets_the_best_beside_a_number(self, vague):
        claims = [figure("a", "KOR", value=11000), figure("b", "USA", value=13000),
                  figure("v", "UN", value=None, vague=True, words=vague)]
        est = estimate(only(blocks(claims)))
        assert (est.best, est.high) == (12000, 13000)
        assert "UN" not in {f.originator for f in est.figures if f.central is not None}

    def test_best_is_the_median_of_non_party_originators(self):
        claims = [figure("kor", "KOR-NIS", value=11000), figure("usa", "USA-DOD", value=12000),
                  figure("ukr", "UKR-GUR", value=20000)]
        s = only(blocks(claims))
        est = estimate(s, parties=Parties(WAR))
        assert bounds(est) == (11000, 11500, 20000)  # Ukraine's figure bounds, but does not set the best
        assert (est.sources, est.parties) == (["KOR", "UKR", "USA"], ["UKR"])
        assert "non-party" in est.reasons["best"]
        assert bounds(estimate(s)) == (11000, 12000, 20000)  # who fights whom unknown: everyone counts

    def test_a_partys_floor_does_not_raise_the_low(self):
        claims = [figure("kor", "KOR", value=11000),
                  figure("ukr", "UKR-GUR", value=20000, bound=">", words="more than 20,000")]
        s = only(blocks(claims))
        assert bounds(estimate(s, parties=Parties(WAR))) == (11000, 11000, 20000)
        assert bounds(estimate(s)) == (20000, 20000, 20000)

    def test_parties_alone_make_the_best_and_say_so(self):
        claims = [figure("ukr", "UKR-GUR", value=20000), figure("rus", "RUS-MOD", value=5000)]
        est = estimate(only(blocks(claims)), parties=Parties(WAR))
        assert bounds(est) == (5000, 12500, 20000)
        assert est.parties == ["RUS", "UKR"]
        assert est.notes == ["rests on parties to the fighting alone"]

    def test_one_party_alone_is_noted_as_a_party(self):
        est = estimate(only(blocks([figure("ukr", "UKR-GUR", value=20000)])), parties=Parties(WAR))
        assert "rests on parties to the fighting alone" in est.notes

    def test_one_originator_is_noted(self):
        claims = [troops(d, 11000, "KOR-JCS", publisher=p) for d, p in (("a", "AP"), ("b", "YONHAP"))]
        claims.append(troops("c", 11000, "KOR-NIS"))
        est = estimate(only(blocks(claims)))
        assert bounds(est) == (11000, 11000, 11000)
        assert est.notes == [f"rests on one originator, {gazetteer_name('KOR')}"]

    def test_projections_earlier_figures_additions_and_parts_are_left_out(self):
        claims = [
            figure("count", "KOR-JCS", value=11000),
            figure("guess", "USA", value=25000, projection=True, words="could reach 25,000"),
            figure("before", "UN", value=6000, earlier=True),
            figure("more", "KOR-NIS", value=2000, incremental=True, words="another 2,000"),
            figure("kursk", "anonymous", value=4000, location="kursk"),
        ]
        est = estimate(only(blocks(claims)))
        assert bounds(est) == (11000, 11000, 11000)
        assert est.sources == ["KOR"]
        assert [f.claim.doc for f in est.figures] == ["count"]

    def test_parts_or_projections_alone_make_no_estimate(self):
        claims = [figure("more", "KOR-JCS", value=3000, incremental=True, words="another 3,000"),
                  figure("guess", "USA", value=25000, projection=True, words="could reach 25,000")]
        assert estimate(only(blocks(claims))) is None

    def test_a_flow_is_estimated_for_its_latest_period(self):
        claims = [night("n1", 412, "2025-06-01", "2025-06-02"), night("n2", 275, "2025-06-09", "2025-06-10"),
                  night("n3", 290, "2025-06-09", "2025-06-10", source="GBR", publisher="AFP")]
        est = estimate(only(blocks(claims)))
        assert bounds(est) == (275, 282.5, 290)

    @pytest.mark.parametrize(
        "values, refused",
        [
            pytest.param((150, 15000), False, id="100-fold apart"),
            pytest.param((120, 15000), True, id="more than 100-fold apart"),
        ],
    )
    def test_outliers_are_refused_with_a_reason(self, values, refused):
        claims = [figure("a", "KOR", value=values[0]), figure("b", "USA", value=values[1])]
        est = estimate(only(blocks(claims)))
        if refused:
            assert bounds(est) == (None, None, None)
            assert "100-fold" in est.refused and "120" in est.refused and "15,000" in est.refused
        else:
            assert est.refused is None and bounds(est) == (150, 7575, 15000)

    def test_as_of_is_the_newest_statement_never_the_publication(self):
        claims = [figure("a", "KOR-NIS", "2025-03-10", 12000, stated="2025-03-03"),
                  figure("b", "USA-DOD", "2025-03-05", 11000)]
        est = estimate(only(blocks(claims)))
        assert str(est.as_of) == "2025-03-05"
        assert est.to_dict()["as_of"] == "2025-03-05"


# -- plot -----------------------------------------------------------------------

def plotted_series():
    """Six claims, four marks: a figure relayed twice (one mark), a range, a floor, an
    addition; the vague amount has no place on the axes."""
    claims = [
        troops("a", 11000, "KOR-JCS", published="2025-03-27", via=["AP"], publisher="CALIBER-AZ"),
        troops("b", 11000, "KOR-JCS", published="2025-03-27", publisher="YONHAP"),
        claim("c", "The Pentagon says 11,000 to 12,000 troops are there.", "11,000 to 12,000",
              published="2025-01-23", low=11000, high=12000, source="USA-DOD", **TROOPS),
        troops("d", 10000, "KOR", published="2024-12-19", bound=">"),
        claim("e", "Another 3,000 troops went in January.", "3,000", published="2025-02-10", value=3000,
              incremental=True, source="KOR-JCS", period_start="2025-01-01", period_end="2025-01-31",
              **TROOPS),
        troops("f", None, "UKR", published="2025-02-01", vague=True),
    ]
    return only(blocks(claims))


@pytest.mark.parametrize(
    "suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".html", b"<!DOCTYPE html")])
def test_plot_is_written_with_one_mark_per_assertion(tmp_path: Path, suffix, magic):
    s = plotted_series()
    path = tmp_path / f"timeline{suffix}"
    fig = plot_timeline(s, path)
    assert path.exists() and path.stat().st_size > 1000
    assert path.read_bytes().startswith(magic)
    assert count_marks(fig) == 4
    if suffix == ".html":
        text = path.read_text(encoding="utf-8")
        assert "<svg" in text and s.name in text


def test_plot_colours_originators_and_marks_ranges_and_relays():
    s = plotted_series()
    fig = plot_timeline(s, names=Names(s.claims, use_gazetteer=False))
    (ax,) = fig.axes
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    # One colour per originator: the JCS's and the government's figures are South Korea's.
    assert legend == ["South Korea (4 reports)", "United States (1 report)"]
    texts = [t.get_text() for t in ax.texts]
    assert any("11,000\nvia AP → CALIBER-AZ; via YONHAP" in t for t in texts)
    bars = [seg for coll in ax.collections if isinstance(coll, LineCollection) for seg in coll.get_segments()]
    assert [(seg[0][1], seg[1][1]) for seg in bars] == [(11000, 12000)]


def test_plot_rejects_an_unknown_format(tmp_path: Path):
    with pytest.raises(ClaimLedgerError, match=r"\.png, \.svg or \.html"):
        plot_timeline(plotted_series(), tmp_path / "timeline.pdf")


def test_a_series_conflicts_are_those_it_has_in_the_whole_list():
    """`conflicts SERIES` and `conflicts` judge a pair alike: every conflict one series takes part in, across
    measures too, is in the whole list (the corpus's coded claims: many sides with killed, wounded and
    killed or wounded of several reports)."""
    import json
    from pathlib import Path

    from claimledger.reconcile import build_series, conflicts_of, find_conflicts
    from claimledger.train import coded_reports

    path = Path(__file__).resolve().parents[1] / "corpus" / "gold.jsonl"
    golds = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reports = coded_reports(golds)
    series = build_series([c for _, cs in reports for c in cs], documents=[d for d, _ in reports])
    everything = {(c.a.id, c.b.id, c.kind) for c in find_conflicts(series)}
    casualties = [s for s in series if s.measure in ("killed", "wounded", "killed_or_wounded") and s.actor]
    assert casualties
    for s in casualties:
        assert {(c.a.id, c.b.id, c.kind) for c in conflicts_of(s, series)} <= everything, s.id



def test_one_series_conflicts_read_the_reports_as_the_whole_list_does(monkeypatch):
    """The reports' contexts the cross-measure check weighs events with are the same whether it looks at one
    series or at all: a series' conflicts cannot then differ from those the whole list gives it (at 10,000
    generated reports two series did, when the contexts were made from the one series' pairs alone)."""
    from claimledger.reconcile import build_series, conflicts_of, find_conflicts
    from claimledger.reconcile import conflicts as module

    def claim(doc: str, measure: str, value: int, text: str) -> Claim:
        return Claim(doc=doc, start=0, end=len(str(value)), text=str(value), value=value, item="soldier",
                     category="casualty", measure=measure, actor="PRK", source="UKR", published="2025-01-10",
                     evidence=text, evidence_start=0)

    claims = [claim("d1", "killed", 300, "Kyiv says 300 North Korean soldiers were killed in Kursk."),
              claim("d2", "wounded", 2700, "Some 2,700 North Korean soldiers were wounded, the army said."),
              claim("d1", "killed_or_wounded", 3000, "North Korean losses reached 3,000 killed or wounded.")]
    series = build_series(claims, quantities=None)
    seen: list[set[str]] = []
    real = module.contexts
    monkeypatch.setattr(module, "contexts", lambda cs, *a: seen.append({c.id for c in cs}) or real(cs, *a))
    find_conflicts(series)
    killed = next(s for s in series if s.measure == "killed")
    conflicts_of(killed, series)
    assert len(seen) == 2 and seen[0] == seen[1] == {c.id for c in claims}
