"""The indexed checks of find_conflicts give what the plain all-pairs checks give (issue 10, "linear
reconciliation").

Not timed (bench/scale.py times the commands): on a small made-up ledger with long series (running totals
restated and relayed for months, some falling, flows, a killed-or-wounded total beside the killed and the
wounded), the pairs of assertions ``_meet`` finds by sweeping are those its definition gives pair by pair,
``_meet_across`` finds every part-above-whole pair the plain check of every part against every whole
finds, ``_Stages.superseded`` by look-up is the scan, ``_close_candidates`` passes over only pairs the
plain loop passes over, and the conflicts of the whole ledger are the same with every pair tried.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from claimledger.models import Claim
from claimledger.reconcile import Names, build_series
from claimledger.reconcile import conflicts as cf
from claimledger.reconcile.originators import default_originators
from claimledger.reconcile.roles import flow_period, statement_date, statement_order

ORIGINATORS = ["UKR", "UKR-MOD", "RUS-MOD", "UN", "OHCHR", "MSF", "ICRC", "USA-DOD", "GBR", None, "anonymous"]
PLACES = [None, None, None, "kursk", "kyiv", "UKR"]


def ledger(seed: int, days: int = 240) -> list[Claim]:
    """Reports of one war's running totals (killed, wounded, killed or wounded of one side: rising, with
    relays of one figure, some falls, hedges, ranges and bounds, counts since a stated day) and of flows
    (one week's or one month's drones launched), stated over ``days`` days."""
    rng = random.Random(seed)
    first = date(2024, 1, 1)
    claims = []
    for r in range(days * 2):
        day = first + timedelta(days=rng.randrange(days))
        doc = f"r{r:04d}"
        at = 0
        for _ in range(rng.choice([1, 1, 2, 3])):
            measure = rng.choice(["killed", "killed", "wounded", "killed_or_wounded", "launched"])
            flow = measure == "launched"
            grown = (day - first).days + 1
            value = float(round(rng.choice([10, 40, 100]) * grown * rng.choice([1, 1, 1, 0.5, 1.3])))
            if flow:
                start = first + timedelta(days=7 * rng.randrange(days // 7))
                end = start + timedelta(days=rng.choice([6, 6, 29]))
                value = float(rng.choice([300, 320, 600, 1000]))
            text = f"{value:,.0f}"
            evidence = f"Officials said {text} were {measure.replace('_', ' ')}."
            low = high = None
            shape = rng.random()
            if shape < 0.1:
                low, high, value = value * 0.8, value * 1.1, None
            source = rng.choice(ORIGINATORS)
            claims.append(Claim(
                doc=doc, start=at + evidence.index(text), end=at + evidence.index(text) + len(text), text=text,
                value=value, low=low, high=high, approx=rng.random() < 0.2,
                bound=rng.choice(["=", "=", "=", ">", "<"]), vague=False, item="soldier" if not flow else "drone",
                category="casualty" if not flow else "munition", measure=measure, actor="RUS",
                location=rng.choice(PLACES), cumulative=not flow,
                period_start=(start.isoformat() if flow else rng.choice([None, None, "2023-12-01"])),
                period_end=end.isoformat() if flow else None,
                source=source, published=day.isoformat(), publisher=rng.choice(["AP", "AFP", "BBC"]),
                stated=(day - timedelta(days=rng.choice([0, 0, 0, 1, 3]))).isoformat(),
                evidence=evidence, evidence_start=at))
            at += len(evidence) + 1
    return claims


def plain_meet(units: list[cf._Assertion], flows_in_stocks: bool = True) -> list[tuple[int, int]]:
    """_meet's definition, pair by pair: two assertions meet when a claim of each, both with ranges that do
    not meet, are stocks at most SAME_TIME_DAYS apart (or up to HISTORY_DAYS when the later one fell,
    ``_fell``), flows whose periods overlap, or (``flows_in_stocks``) a flow and a stock of its end or
    later whose upper end is below the flow's lower end."""
    def meet(x: Claim, y: Claim) -> bool:
        rx, ry = cf.figure_interval(x), cf.figure_interval(y)
        if rx is None or ry is None:
            return False
        fx, fy = flow_period(x), flow_period(y)
        dx, dy = statement_date(x), statement_date(y)
        if fx is None and fy is None:
            if dx is None or dy is None:
                return False
            apart = abs((dx - dy).days)
            return cf._disjoint(rx, ry) and apart <= cf.HISTORY_DAYS and (apart <= cf.SAME_TIME_DAYS or cf._fell(x, y))
        if fx is not None and fy is not None:
            return max(fx[0], fy[0]) <= min(fx[1], fy[1]) and cf._disjoint(rx, ry)
        if not flows_in_stocks:
            return False
        (flow, fr), (stock, sr) = ((x, rx), (y, ry)) if fx is not None else ((y, ry), (x, rx))
        day = statement_date(stock)
        period = flow_period(flow)
        return day is not None and period is not None and day >= period[1] and sr[1] < fr[0]

    return [(i, j) for i in range(len(units)) for j in range(i + 1, len(units))
            if any(meet(x, y) for x in units[i].claims for y in units[j].claims)]


def made(seed: int) -> tuple[list[Any], Names, cf._Units]:
    claims = ledger(seed)
    names = Names(claims)
    series = build_series(claims, names=names, quantities=None)
    origin = default_originators().in_reports(claims)
    return series, names, cf._Units(origin, claims)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_meet_is_its_definition(seed: int) -> None:
    series, _, units = made(seed)
    tried = 0
    for s in series:
        mine = cf._as_parts_given(units(s))
        for flows_in_stocks in (True, False):
            got = cf._meet(mine, flows_in_stocks)
            assert got == plain_meet(mine, flows_in_stocks), s.id
            tried += len(got)
    assert tried > 100  # long series, many of whose assertions meet


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_parts_above_their_sum_as_with_every_pair(seed: int) -> None:
    series, _, units = made(seed)
    wholes = [a for s in series if s.measure == "killed_or_wounded" for a in units(s) if not a.part]
    parts = [a for s in series if s.measure in ("killed", "wounded") for a in units(s) if not a.part]
    assert len(parts) > 20 and len(wholes) > 20
    joined = parts + wholes
    found = cf._meet_across(cf._Timeline(parts), cf._Timeline(wholes), len(parts))
    assert all(i < len(parts) <= j for i, j in found)

    def exceeding(pairs: list[tuple[int, int]]) -> list[tuple[int, int, Any]]:
        return [(i, j, hit) for i, j in pairs
                if (hit := cf._exceeds(joined[i], joined[j], {}, None, lambda p, w: w)) is not None]

    every = [(i, j) for i in range(len(parts)) for j in range(len(parts), len(joined))]
    want = exceeding(every)
    assert exceeding(found) == want
    assert want  # the made-up sums are exceeded now and then


@pytest.mark.parametrize("seed", [1, 2])
def test_superseded_by_look_up_is_the_scan(seed: int) -> None:
    series, _, units = made(seed)
    for s in series[:3]:
        mine = units(s)
        stages = cf._Stages(mine)
        told: dict[Any, list[tuple[Any, int]]] = {}
        for u, a in enumerate(mine):
            if a.part not in cf.UNNAMED_PARTS:
                for c in a.claims:
                    if flow_period(c) is None:
                        told.setdefault(stages._scope(a), []).append((statement_order(c), u))
        rng = random.Random(seed)
        for _ in range(300):
            u, a = rng.choice(list(enumerate(mine)))
            c, by = rng.choice(a.claims), rng.choice(rng.choice(mine).claims)
            start = min((statement_order(x) for x in a.claims if flow_period(x) is None),
                        default=statement_order(c))
            until = statement_order(by)
            want = any(start < t <= until and v != u for t, v in told.get(stages._scope(a), ()))
            assert stages.superseded(c, a, by) == want


@pytest.mark.parametrize("seed", [1, 2])
def test_close_candidates_keep_every_pair_the_loop_could_weigh(seed: int) -> None:
    series, _, units = made(seed)
    items = []
    for s in series:
        for a in units(s):
            items.extend((statement_date(c), s, a, c, None) for c in a.claims if statement_date(c) is not None)
    # as if the series were two of one block: split each series' items by their report's parity
    items = [(d, s if int(c.doc[1:]) % 2 else series[-1], a, c, f) for d, s, a, c, f in items]
    items.sort(key=lambda x: (x[0], x[3].doc, x[3].start))
    want = []
    for i, (da, sa, a, ca, _) in enumerate(items):
        for j in range(i + 1, len(items)):
            db, sb, b, cb, _ = items[j]
            if (db - da).days > cf.SAME_TIME_DAYS:
                break
            ia, ib = cf.figure_interval(ca), cf.figure_interval(cb)
            if sa.id == sb.id or ca.doc == cb.doc or a.originator == b.originator or a.unit != b.unit \
                    or (ca.location and cb.location and ca.location != cb.location) \
                    or not (ia and ib and cf._disjoint(ia, ib)):
                continue
            want.append((i, j))
    assert list(cf._close_candidates(items)) == want
    assert want


@pytest.mark.parametrize("seed", [1, 2])
def test_conflicts_are_those_of_every_pair(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = ledger(seed, days=150)
    names = Names(claims)
    series = build_series(claims, names=names, quantities=None)
    fast = [c.to_dict(names) for c in cf.find_conflicts(series, names, quantities=None)]

    def every_pair(units: list[cf._Assertion], flows_in_stocks: bool = True) -> list[tuple[int, int]]:
        return [(i, j) for i in range(len(units)) for j in range(i + 1, len(units))]

    def every_part_and_whole(parts: cf._Timeline, wholes: cf._Timeline, offset: int) -> list[tuple[int, int]]:
        stocks = {u for _, u, _, _ in wholes.stocks} | {u for _, _, u, _ in wholes.flows}
        mine = {u for _, u, _, _ in parts.stocks} | {u for _, _, u, _ in parts.flows}
        return [(i, offset + j) for i in sorted(mine) for j in sorted(stocks)]

    monkeypatch.setattr(cf, "_meet", every_pair)
    monkeypatch.setattr(cf, "_meet_across", every_part_and_whole)
    plain = [c.to_dict(names) for c in cf.find_conflicts(series, names, quantities=None)]
    assert fast == plain
    assert {c["kind"] for c in fast} >= {"disagree", "exceeds_killed_or_wounded"}


@pytest.mark.parametrize("item", [
    {}, [], {"id": "a", "claims": [], "estimate": None, "sources": {}},
    {"s": 'quote " slash \\ line\nbreak é \u2028 \x01', "n": [0, -3, 10 ** 30, True, False, None]},
    {"f": [1.5, -0.0, 1e300, 1e-7, float("inf"), float("-inf"), float("nan")], "t": ("x", [1, {"k": []}])},
    {1: "a key that is no string"},
])
def test_kept_json_is_what_json_writes(item: Any) -> None:
    import json

    from claimledger.cli_reconcile import _body

    assert _body(item) == json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
