"""The reconcile stage on small hand-built ledgers: series, timelines,
independence, conflicts, estimates and plots.

Every claim is built from a sentence of our own, with the fields an extractor
would give it; ``claim()`` finds the quantity's offsets in the sentence.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.collections import LineCollection

from claimledger.errors import ClaimLedgerError, NotFoundError
from claimledger.models import Claim
from claimledger.nlp.gazetteer import Gazetteer
from claimledger.reconcile import (
    Kinds,
    Names,
    assertions,
    build_series,
    count_marks,
    estimate,
    figure_interval,
    figures,
    find_conflicts,
    find_series,
    group_by_source,
    plot_timeline,
    series_key,
    timeline,
)

TROOPS = dict(item="troop", category="personnel", measure="deployed", actor="PRK", recipient="RUS")
KILLED = dict(item="soldier", category="casualty", measure="killed", actor="PRK")


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


def only(series):
    assert len(series) == 1, [s.id for s in series]
    return series[0]


# -- series ---------------------------------------------------------------------

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
        s = only(build_series(claims, names=Names(claims, use_gazetteer=False)))
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
            # With no side named, the place tells one event from another.
            pytest.param(dict(actor=None, recipient=None, location="kursk"),
                         dict(actor=None, recipient=None, location=None), id="place splits with no side"),
            pytest.param(dict(actor=None, recipient=None, location="kursk"),
                         dict(actor=None, recipient=None, location="donetsk"), id="two places with no side"),
            pytest.param(dict(measure="transferred"), dict(measure="pledged"), id="measure splits"),
            pytest.param(dict(actor="PRK"), dict(actor="IRN"), id="actor splits"),
            pytest.param(dict(recipient="RUS"), dict(recipient="UKR"), id="recipient splits"),
        ],
    )
    def test_different_quantities_are_different_series(self, a, b):
        base = dict(item="missile", category="munition", measure="transferred", actor="PRK", recipient="RUS")
        sentence = "Pyongyang shipped 100 of them to Moscow."
        claims = [claim("d1", sentence, "100", value=100, source="KOR", **{**base, **a}),
                  claim("d2", sentence, "100", value=100, source="KOR", **{**base, **b})]
        assert len(build_series(claims)) == 2

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
        s = only(build_series(claims))
        assert s.kind == "people"
        assert s.measure == measure

    def test_killed_wounded_and_killed_or_wounded_stay_apart(self):
        claims = [claim("d1", "300 soldiers were killed and 2,700 wounded.", q, value=v, source="KOR",
                        **{**KILLED, "measure": m})
                  for q, v, m in (("300", 300, "killed"), ("2,700", 2700, "wounded"))]
        claims.append(claim("d2", "About 3,000 killed or wounded.", "About 3,000", value=3000, approx=True,
                            source="KOR", **{**KILLED, "measure": "killed_or_wounded"}))
        ids = sorted(s.id for s in build_series(claims))
        assert ids == ["prk-people-killed", "prk-people-killed-or-wounded", "prk-people-wounded"]

    def test_money_is_split_by_currency(self):
        money = dict(category="money", measure="pledged", actor="DEU", recipient="UKR")
        claims = [claim("d1", "Berlin pledged $3 billion.", "$3 billion", value=3e9, item="dollar",
                        source="DEU", **money),
                  claim("d2", "Berlin pledged €3 billion.", "€3 billion", value=3e9, item="euro",
                        source="DEU", **money)]
        assert sorted(s.id for s in build_series(claims)) == ["deu-ukr-eur-pledged", "deu-ukr-usd-pledged"]

    def test_ids_read_the_key(self):
        launched = claim("d1", "Russia launched 728 drones at Ukraine.", "728", value=728, item="drone",
                         category="munition", measure="launched", actor=None, recipient="UKR",
                         source="UKR-AF")
        flood = claim("d2", "The floods killed 217 people in Valencia.", "217", value=217, item="person",
                      category="casualty", measure="killed", location="valencia", source="ESP")
        names = Names(use_gazetteer=False)  # the built-in country names, slugs spelled out
        assert {s.id: s.name for s in build_series([launched, flood], names=names)} == {
            "to-ukr-drones-launched": "→ Ukraine · drones launched",
            "people-killed-in-valencia": "people killed · Valencia",
        }

    def test_names_come_from_the_claims_when_not_built_in(self):
        c = claim("d1", "Atlantis sent 50 troops to Lemuria.", "50", value=50, source="ATL",
                  **{**TROOPS, "actor": "ATL", "recipient": "LEM"})
        c.names = {"ATL": "Atlantis", "LEM": "Lemuria"}
        s = only(build_series([c], names=Names([c], use_gazetteer=False)))
        assert s.name == "Atlantis → Lemuria · troops deployed"

    def test_user_kinds_file_extends_the_packaged_one(self, tmp_path: Path):
        extra = tmp_path / "kinds.yaml"
        extra.write_text("munition:\n  glide-bomb: bombs\nany:\n  shell: ammunition\n", encoding="utf-8")
        kinds = Kinds.load(extra)
        glide = claim("d1", "Russia dropped 500 glide bombs.", "500", value=500, source="UKR-AF",
                      item="glide-bomb", category="munition", measure="launched", actor="RUS")
        assert series_key(glide, kinds).kind == "bombs"
        assert series_key(glide).kind == "glide-bombs"  # unknown to the packaged table: its own kind
        assert kinds.kind("shell", "munition") == "ammunition"
        assert kinds.kind("missile", "munition") == "missiles"

    @pytest.mark.parametrize("location", ["kursk", "russian-far-east"])
    def test_a_sides_figure_in_one_place_is_part_of_its_series(self, location):
        claims = [troops("d1", 11000, "KOR-JCS"),
                  claim("d2", "About 3,000 North Korean soldiers are training there.", "About 3,000",
                        value=3000, approx=True, source="UKR", location=location, **TROOPS)]
        s = only(build_series(claims))
        assert s.id == "prk-rus-troops-deployed" and s.location is None
        assert s.locations == [location]
        assert s.independent_sources == 2

    def test_a_place_in_no_one_country_keeps_a_series_of_its_own(self):
        # "40,000 US troops in the Middle East" may be wider than the US troops sent to Israel.
        claims = [claim("d1", "The US has sent 95 troops to Israel.", "95", value=95, source="USA",
                        **{**TROOPS, "actor": "USA", "recipient": "ISR"}),
                  claim("d2", "More than 40,000 US troops are in the Middle East.", "More than 40,000",
                        value=40000, bound=">", source="USA", location="middle-east",
                        **{**TROOPS, "actor": "USA", "recipient": "ISR"})]
        assert sorted(s.id for s in build_series(claims)) == [
            "usa-isr-troops-deployed", "usa-isr-troops-deployed-in-middle-east"]
        assert find_conflicts(build_series(claims)) == []

    def test_a_place_alone_keeps_its_series_id_and_name(self):
        flood = [claim(d, "The floods killed 217 people in Valencia.", "217", value=217, item="person",
                       category="casualty", measure="killed", location="valencia", source=src)
                 for d, src in (("d1", "ESP"), ("d2", "anonymous"))]
        s = only(build_series(flood, names=Names(flood, use_gazetteer=False)))
        assert (s.id, s.name, s.location, s.locations) == (
            "people-killed-in-valencia", "people killed · Valencia", "valencia", ["valencia"])
        assert estimate(s).best == 217  # every figure names the one place: they count the whole

    def test_find_series(self):
        claims = [troops("d1", 10000, "KOR"),
                  troops("d2", 10000, "KOR", **{"measure": "planned"})]
        series = build_series(claims)
        assert find_series(series, "prk-rus-troops-deployed").measure == "deployed"
        assert find_series(series, "PLANNED").measure == "planned"  # a unique part, any case
        with pytest.raises(NotFoundError, match="ambiguous"):
            find_series(series, "prk-rus")
        with pytest.raises(NotFoundError, match="claimledger series"):
            find_series(series, "missiles")


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
        tl = timeline(only(build_series(claims)))
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

    def test_to_dict_carries_series_estimate_and_figures(self):
        tl = timeline(only(build_series([troops("d1", 10000, "KOR"), troops("d2", 12000, "USA")])))
        data = tl.to_dict()
        assert data["series"]["id"] == "prk-rus-troops-deployed"
        assert [p["value"] for p in data["points"]] == [10000, 12000]
        assert data["estimate"]["low"] == 10000 and data["estimate"]["high"] == 12000
        assert {f["figure"] for f in data["figures"]} == {"10,000", "12,000"}


# -- independence ---------------------------------------------------------------

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
        s = only(build_series(self.relayed()))
        assert s.independent_sources == 2
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

    def test_same_figure_from_two_sources_counts_two(self):
        claims = [troops("a", 11000, "KOR-JCS"), troops("b", 11000, "USA-DOD")]
        assert figures(claims)[0].independent_sources == 2

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
        groups = {g.source: g for g in group_by_source(claims, build_series(claims))}
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
    """Two claims of one series, by default from two sources on one day."""
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
        # Two point figures on one day
        pytest.param(dict(value=10000), dict(value=3000), "disagree", id="exact figures apart"),
        pytest.param(dict(value=10000), dict(value=10000), None, id="same figure"),
        pytest.param(dict(value=10000), dict(value=11000, approx=True), None, id="approx reaches"),
        pytest.param(dict(value=10000), dict(value=12000, approx=True), "disagree", id="approx too far"),
        pytest.param(dict(value=10000, bound=">"), dict(value=12000), None, id="floor below figure"),
        pytest.param(dict(value=10000, bound=">"), dict(value=10000), None, id="floor equal figure"),
        pytest.param(dict(value=10000, bound=">"), dict(value=8000), "disagree", id="figure under floor"),
        pytest.param(dict(value=5000, bound="<="), dict(value=8000), "disagree", id="figure over ceiling"),
        pytest.param(dict(low=11000, high=12000), dict(value=11500), None, id="figure in range"),
        pytest.param(dict(low=11000, high=12000), dict(value=12500), "disagree", id="figure past range"),
        pytest.param(dict(low=11000, high=12000), dict(value=12500, approx=True), None,
                     id="approx reaches range"),
        pytest.param(dict(value=10000, vague=True), dict(value=3000), None, id="vague never conflicts"),
        pytest.param(dict(value=10000, incremental=True), dict(value=3000), None, id="incremental never"),
        pytest.param(dict(value=10000, cumulative=True), dict(value=3000), None, id="total vs non-total"),
        # Time
        pytest.param(dict(value=10000, published="2025-01-10"),
                     dict(value=3000, published="2025-01-11"), None,
                     id="different as-of dates"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=9000, period_start="2025-01-01", period_end="2025-01-31"), "disagree",
                     id="same period apart"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=9000, period_start="2025-01-15", period_end="2025-02-15"), None,
                     id="periods overlap partly"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-02-28"),
                     dict(value=9000, period_start="2025-01-01", period_end="2025-01-31"),
                     "part_exceeds_whole",
                     id="part exceeds whole"),
        pytest.param(dict(value=9000, period_start="2025-01-01", period_end="2025-02-28"),
                     dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"), None,
                     id="part within whole"),
        pytest.param(dict(value=3000, period_start="2025-01-01", period_end="2025-01-10"),
                     dict(value=9000), None, id="period vs as-of"),
        # Sources
        pytest.param(dict(value=10000, doc="same"), dict(value=3000, doc="same", source="KOR-JCS"), None,
                     id="one source in one report recounting"),
        pytest.param(dict(value=10000, doc="one"), dict(value=3000, doc="two", source="KOR-JCS"), "disagree",
                     id="one source in two reports same day"),
    ],
)
def test_conflict_rules(a, b, kind):
    found = find_conflicts(build_series(pair(a, b)))
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind:
        c = found[0]
        assert {c.a.id, c.b.id} == {x.id for x in pair(a, b)}
        assert c.series == "prk-rus-troops-deployed"


@pytest.mark.parametrize(
    "a, b, kind",
    [
        pytest.param(dict(value=3000, location="kursk"), dict(value=11000), None, id="part below whole"),
        pytest.param(dict(value=12000, location="kursk"), dict(value=11000), "part_exceeds_whole",
                     id="part above whole"),
        pytest.param(dict(value=11000), dict(value=12000, location="kursk"), "part_exceeds_whole",
                     id="part above whole, part second"),
        pytest.param(dict(value=3000, location="kursk"), dict(value=9000, location="kursk"), "disagree",
                     id="one place apart"),
        pytest.param(dict(value=3000, location="kursk"), dict(value=9000, location="donetsk"), None,
                     id="two places"),
        pytest.param(dict(value=9000, location="kursk", period_start="2025-01-01", period_end="2025-02-28"),
                     dict(value=3000, period_start="2025-01-01", period_end="2025-01-31"), None,
                     id="longer time in one place vs shorter time everywhere"),
        pytest.param(dict(value=9000, location="kursk", period_start="2025-01-01", period_end="2025-01-31"),
                     dict(value=3000, period_start="2025-01-01", period_end="2025-02-28"),
                     "part_exceeds_whole", id="part in time and place"),
    ],
)
def test_conflicts_of_a_place_and_the_whole(a, b, kind):
    found = find_conflicts(build_series(pair(a, b)))
    assert [c.kind for c in found] == ([kind] if kind else [])
    if kind == "part_exceeds_whole":
        part, whole = found[0].a, found[0].b
        assert part.location == "kursk" and not whole.location
        assert " in Kursk " in found[0].reason and "overall" in found[0].reason


def test_a_place_and_the_whole_are_different_figures_and_the_estimate_is_of_the_whole():
    claims = [troops("a", 11000, "KOR-JCS"),
              troops("b", 11000, "KOR-NIS", location="kursk"),
              troops("c", 3000, "UKR", location="kursk"),
              troops("d", 12000, "USA")]
    s = only(build_series(claims))
    groups = {(f.figure, f.location): f.independent_sources for f in figures(s.claims)}
    assert groups == {("11,000", None): 1, ("11,000", "kursk"): 1, ("3,000", "kursk"): 1, ("12,000", None): 1}
    est = estimate(s)
    assert (est.low, est.best, est.high) == (11000, 11500, 12000)
    assert est.sources == ["KOR-JCS", "USA"]
    points = {p.claim.doc: p.to_dict() for p in timeline(s).points}
    assert points["c"]["location"] == "kursk" and points["a"]["location"] is None
    assert estimate(only(build_series(claims[1:3]))).sources == ["KOR-NIS", "UKR"]  # one place, no whole
    parts_only = [troops("e", 500, "UKR", location="kursk"), troops("f", 700, "UKR", location="donetsk")]
    assert estimate(only(build_series(parts_only))) is None  # no one place is the whole


def test_a_place_does_not_break_a_sources_run():
    claims = [troops("a", 11000, "KOR-JCS", published="2025-03-01"),
              troops("b", 3000, "KOR-JCS", published="2025-03-02", location="kursk"),
              troops("c", 11000, "KOR-JCS", published="2025-03-03")]
    found = assertions(claims)
    assert [(a.claim.value, a.claim.location, len(a.claims)) for a in found] == [
        (11000, None, 2), (3000, "kursk", 1)]


def test_conflict_names_both_sources():
    found = find_conflicts(build_series(pair(dict(value=10000), dict(value=3000))))
    (c,) = found
    # The reason is for a reader: it names both sources as the gazetteer spells them.
    assert gazetteer_name("KOR-JCS") in c.reason and gazetteer_name("USA-DOD") in c.reason
    data = c.to_dict()
    assert set(data) >= {"series", "a", "b", "reason"}
    # The sources as data are entity ids, with their names next to them.
    assert (data["a_source"], data["b_source"]) == ("KOR-JCS", "USA-DOD")
    assert data["a_source_name"] == gazetteer_name("KOR-JCS")
    assert data["b_source_name"] == gazetteer_name("USA-DOD")


def test_conflict_reason_without_a_gazetteer_falls_back_to_ids():
    claims = pair(dict(value=10000), dict(value=3000))
    names = Names(claims, use_gazetteer=False)
    (c,) = find_conflicts(build_series(claims, names=names), names)
    assert "KOR-JCS says 10,000" in c.reason and "USA-DOD says 3,000" in c.reason


def test_a_relayed_conflict_is_reported_once():
    claims = [troops("a1", 10000, "KOR", publisher="YONHAP"), troops("a2", 10000, "KOR", publisher="AP"),
              troops("b1", 3000, "USA", publisher="AFP"), troops("b2", 3000, "USA", publisher="REUTERS")]
    (c,) = find_conflicts(build_series(claims))
    assert len(c.a_claims) == 2 and len(c.b_claims) == 2


def totals(*figures: tuple[str, str, float, str | None]) -> list[Claim]:
    """Running death tolls: (doc, source, value, period_start) published on successive months."""
    out = []
    for i, (doc, source, value, start) in enumerate(figures):
        out.append(claim(doc, f"The toll has risen to {int(value):,}, officials said.", f"{int(value):,}",
                         published=f"2025-0{i + 1}-15", value=value, cumulative=True, source=source,
                         period_start=start, period_end=f"2025-0{i + 1}-15" if start else None,
                         item="person", category="casualty", measure="killed", actor="PSE", location="gaza"))
    return out


@pytest.mark.parametrize(
    "figures, kinds",
    [
        pytest.param([("a", "MOH", 45000, None), ("b", "MOH", 47000, None)], [], id="total grows"),
        pytest.param([("a", "MOH", 47000, None), ("b", "MOH", 45000, None)], ["cumulative_drop"],
                     id="total drops"),
        pytest.param([("a", "MOH", 47000, None), ("b", "MOH", 47000, None)], [], id="total restated"),
        pytest.param([("a", "MOH", 47000, None), ("b", "IDF", 45000, None)], [], id="another source lower"),
        pytest.param([("a", "MOH", 47000, "2023-10-07"), ("b", "MOH", 673, "2025-02-01")], [],
                     id="later total counts from a later start"),
        pytest.param([("a", "MOH", 47000, None), ("b", "MOH", 45000, None), ("c", "MOH", 40000, None)],
                     ["cumulative_drop", "cumulative_drop"], id="two drops, once each"),
    ],
)
def test_cumulative_drop_from_the_same_source(figures, kinds):
    found = find_conflicts(build_series(totals(*figures)))
    assert [c.kind for c in found] == kinds
    if kinds:
        assert found[0].a.doc == "a" and "below its own earlier total" in found[0].reason


def test_totals_of_one_day_from_a_later_start_are_part_of_the_whole():
    whole = claim("a", "The toll passed 50,000.", "50,000", published="2025-03-23", value=50000, bound=">",
                  cumulative=True, source="CD", item="death", category="casualty", measure="killed",
                  actor="PSE")
    part = claim("a", "673 have been killed since March 18.", "673", published="2025-03-23", value=673,
                 cumulative=True, source="MOH", period_start="2025-03-18", period_end="2025-03-23",
                 item="person", category="casualty", measure="killed", actor="PSE")
    assert find_conflicts(build_series([whole, part])) == []
    too_big = claim("b", "60,000 have been killed since March 18.", "60,000", published="2025-03-23",
                    value=60000, cumulative=True, source="MOH", period_start="2025-03-18",
                    period_end="2025-03-23", item="person", category="casualty", measure="killed",
                    actor="PSE")
    whole_exact = claim("c", "The toll is 50,000.", "50,000", published="2025-03-23", value=50000,
                        cumulative=True, source="CD", item="death", category="casualty", measure="killed",
                        actor="PSE")
    assert [c.kind for c in find_conflicts(build_series([whole_exact, too_big]))] == ["part_exceeds_whole"]


# -- estimate -------------------------------------------------------------------

class TestEstimate:
    def test_low_best_high_from_each_sources_latest_figure(self):
        claims = [
            troops("old", 3000, "KOR-NIS", published="2024-10-18"),  # superseded by its 12,000
            troops("nis", 12000, "KOR-NIS", published="2025-01-13"),
            troops("dod", 10000, "USA-DOD", published="2024-12-01"),
            claim("gur", "Kyiv puts the force at 11,000 to 13,000 troops.", "11,000 to 13,000",
                  published="2025-01-05", low=11000, high=13000, source="UKR-GUR", **TROOPS),
        ]
        est = estimate(only(build_series(claims)))
        assert (est.low, est.best, est.high) == (10000, 12000, 13000)
        assert [c.doc for c in est.low_claims] == ["dod"]
        assert [c.doc for c in est.best_claims] == ["nis", "gur"]  # 12,000 and the range's midpoint
        assert [c.doc for c in est.high_claims] == ["gur"]
        assert est.sources == ["KOR-NIS", "UKR-GUR", "USA-DOD"]
        assert str(est.as_of) == "2025-01-13"

    def test_relays_count_once_and_even_counts_take_the_mean(self):
        claims = [troops(d, 20000, "KOR-JCS", publisher=p)
                  for d, p in (("a", "AP"), ("b", "AFP"), ("c", "YONHAP"))]
        claims.append(troops("d", 10000, "USA"))
        est = estimate(only(build_series(claims)))
        assert (est.low, est.best, est.high) == (10000, 15000, 20000)
        assert sorted(c.doc for c in est.best_claims) == ["a", "b", "c", "d"]

    def test_one_source_sets_all_three(self):
        est = estimate(only(build_series([troops("a", 11000, "KOR-JCS", approx=True)])))
        assert (est.low, est.best, est.high) == (11000, 11000, 11000)

    def test_additions_and_vague_amounts_do_not_count(self):
        claims = [troops("a", 3000, "KOR-JCS", incremental=True), troops("b", None, "UKR", vague=True)]
        assert estimate(only(build_series(claims))) is None
        claims.append(troops("c", 11000, "KOR-JCS"))
        est = estimate(only(build_series(claims)))
        assert (est.low, est.best, est.high) == (11000, 11000, 11000)


# -- plot -----------------------------------------------------------------------

def plotted_series():
    """Five claims, four marks: a figure relayed twice (one mark), a range, a floor, an
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
    return only(build_series(claims))


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


def test_plot_marks_sources_ranges_and_relays():
    s = plotted_series()
    fig = plot_timeline(s, names=Names(s.claims, use_gazetteer=False))
    (ax,) = fig.axes
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["South Korea (1 report)", "USA-DOD (1 report)", "KOR-JCS (3 reports)"]
    texts = [t.get_text() for t in ax.texts]
    assert any("11,000\nvia AP → CALIBER-AZ; via YONHAP" in t for t in texts)
    bars = [seg for coll in ax.collections if isinstance(coll, LineCollection) for seg in coll.get_segments()]
    assert [(seg[0][1], seg[1][1]) for seg in bars] == [(11000, 12000)]


def test_plot_rejects_an_unknown_format(tmp_path: Path):
    with pytest.raises(ClaimLedgerError, match=r"\.png, \.svg or \.html"):
        plot_timeline(plotted_series(), tmp_path / "timeline.pdf")
