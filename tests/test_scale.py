"""Reconciling stays linear in the ledger's size (issue 10), and exact where it is small.

Not timed: the tests count the pairs the quantity model scores and the pairs of assertions the
conflict check compares, on generated ledgers of 1,000 and 4,000 reports (all pairs would grow
16-fold; linear work about 4-fold), and check that the indexed versions give what comparing every
pair gives on ledgers small enough for that. bench/scale.py times the commands themselves.
"""
from __future__ import annotations

import heapq
import random
from collections.abc import Sequence
from datetime import date, timedelta

import pytest

import claimledger.reconcile.conflicts as conflicts_module
from claimledger.models import Claim
from claimledger.reconcile import Names, Series, SeriesKey, build_series, find_conflicts
from claimledger.reconcile.quantities import (
    EXACT_BLOCK,
    WINDOW,
    Context,
    QuantityModel,
    apart,
    candidate_pairs,
    contexts,
    group_block,
    shipped_model,
)

PLACES = ["gaza", "kursk", "valencia", "derna", "goma", "khartoum", "aleppo", "kyiv"]
SOURCES = ["UN", "OHCHR", "MSF", "UKR", "UKR-MOD", "RUS-MOD", "ISR", "PSE", "ICRC", "HRW"]


def ledger(reports: int, seed: int = 1, sided: bool = False) -> list[Claim]:
    """Claims of ``reports`` reports about a few dozen events over three years: running tolls (one per
    place) and flows over stated periods, all of one block ("people killed", no side unless ``sided``)."""
    rng = random.Random(seed)
    first = date(2023, 1, 1)
    events = []
    for _ in range(max(8, reports // 50)):
        start = first + timedelta(days=rng.randrange(1000))
        period = None if rng.random() < 0.6 else (start, start + timedelta(days=rng.choice([6, 30])))
        events.append((rng.choice(PLACES), start, period, rng.uniform(50, 5000)))
    out = []
    for i in range(reports):
        place, start, period, total = rng.choice(events)
        published = start + timedelta(days=rng.randrange(40))
        doc, at = f"r{i:05d}", 0
        for _ in range(rng.choice([1, 1, 2])):
            value = float(round(total * (1 + (published - start).days / 40) * rng.choice([1, 1, 1, 0.5, 2])))
            text = f"{value:,.0f}"
            evidence = f"{rng.choice(SOURCES)} said {text} people were killed in {place}."
            out.append(Claim(
                doc=doc, start=at + evidence.index(text), end=at + evidence.index(text) + len(text), text=text,
                value=value, approx=rng.random() < 0.3, category="casualty", measure="killed", item="person",
                actor="UKR" if sided else None, location=place, cumulative=period is None,
                period_start=period[0].isoformat() if period else None,
                period_end=period[1].isoformat() if period else None,
                source=rng.choice(SOURCES), published=published.isoformat(), publisher="AP",
                evidence=evidence, evidence_start=at))
            at += len(evidence) + 1
    return out


class Counting(QuantityModel):
    """The shipped model, counting the pairs it scores."""

    calls = 0

    def probability(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        Counting.calls += 1
        return super().probability(*args, **kwargs)


def counting_model() -> Counting:
    model = shipped_model()
    assert model is not None
    Counting.calls = 0
    return Counting(pair=model.pair, threshold=model.threshold, veto=model.veto, meta=model.meta)


def scored_pairs(claims: list[Claim]) -> int:
    model = counting_model()
    build_series(claims, quantities=model, names=Names(claims, use_gazetteer=False))
    return Counting.calls


def test_quantity_model_pairs_grow_linearly() -> None:
    small, large = scored_pairs(ledger(1000)), scored_pairs(ledger(4000))
    assert len(ledger(1000)) > EXACT_BLOCK  # the block is large enough to be windowed
    assert 3.0 < large / small < 5.0, (small, large)


def test_conflict_pairs_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    clash = conflicts_module._clash
    monkeypatch.setattr(conflicts_module, "_clash", lambda *a, **k: calls.append(1) or clash(*a, **k))

    def compared(reports: int) -> int:
        calls.clear()
        claims = ledger(reports, seed=2)
        names = Names(claims, use_gazetteer=False)
        # One series per event (the figures' place and period), as the quantity model would make them.
        by_event: dict[tuple[str | None, ...], list[Claim]] = {}
        for c in claims:
            by_event.setdefault((c.location, c.period_start, str(c.cumulative)), []).append(c)
        series = [Series(f"s{k}", SeriesKey("killed", "people", None, None, place), f"s{k}", members)
                  for k, ((place, _, _), members) in enumerate(sorted(by_event.items(), key=lambda x: str(x[0])))]
        find_conflicts(series, names=names)
        return len(calls)

    small, large = compared(1000), compared(4000)
    assert small > 0
    assert large / small < 6.0, (small, large)


# -- the same results as comparing every pair ------------------------------------------------------------

def all_pairs_linkage(claims: Sequence[Claim], ctx: dict[str, Context], model: QuantityModel) -> list[list[Claim]]:
    """group_block as it was before blocking: every pair scored, average linkage over all of them."""
    n = len(claims)
    prob = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            prob[i][j] = prob[j][i] = model.probability(claims[i], claims[j], ctx.get(claims[i].doc),
                                                        ctx.get(claims[j].doc))
            if apart(claims[i], claims[j]):
                prob[i][j] = prob[j][i] = -float(n * n)
    members = {i: [i] for i in range(n)}
    link = {(i, j): prob[i][j] for i in range(n) for j in range(i + 1, n)}
    low = dict(link)
    heap = [(-prob[i][j], i, j) for i in range(n) for j in range(i + 1, n)
            if prob[i][j] > model.threshold and prob[i][j] >= model.veto]
    heapq.heapify(heap)
    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue
        if abs(link[(x, y)] / (len(members[x]) * len(members[y])) + neg) > 1e-12:
            continue
        members[x] += members.pop(y)
        for z in list(members):
            if z == x:
                continue
            xz, yz = (min(x, z), max(x, z)), (min(y, z), max(y, z))
            link[xz] = link.pop(xz, 0.0) + link.pop(yz, 0.0)
            low[xz] = min(low.pop(xz, 1.0), low.pop(yz, 1.0))
            avg = link[xz] / (len(members[x]) * len(members[z]))
            if avg > model.threshold and low[xz] >= model.veto:
                heapq.heappush(heap, (-avg, min(x, z), max(x, z)))
    return [[claims[i] for i in sorted(m)] for m in members.values()]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_block_groups_as_with_every_pair(seed: int) -> None:
    claims = ledger(120, seed=seed)
    assert len(claims) <= EXACT_BLOCK
    model = shipped_model()
    assert model is not None
    ctx = contexts(claims)
    got = [[c.id for c in g] for g in group_block(claims, ctx, model)]
    want = [[c.id for c in g] for g in all_pairs_linkage(claims, ctx, model)]
    assert got == want
    assert 1 < len(got) < len(claims)  # a real grouping, not all apart or all one


def test_candidate_pairs() -> None:
    small = ledger(100)
    n = len(small)
    assert candidate_pairs(small) == [(i, j) for i in range(n) for j in range(i + 1, n)]
    large = ledger(1000)
    pairs = candidate_pairs(large)
    assert len(pairs) <= len(large) * (WINDOW + 1)
    assert all(i < j for i, j in pairs)


@pytest.mark.parametrize("sided", [False, True])
def test_conflicts_as_with_every_pair(monkeypatch: pytest.MonkeyPatch, sided: bool) -> None:
    claims = ledger(600, seed=4, sided=sided)
    names = Names(claims, use_gazetteer=False)
    series = build_series(claims, names=names)
    got = [c.to_dict(names) for c in find_conflicts(series, names)]
    monkeypatch.setattr(conflicts_module, "_meet", lambda units, flows_in_stocks=True: [
        (i, j) for i in range(len(units)) for j in range(i + 1, len(units))])
    want = [c.to_dict(names) for c in find_conflicts(series, names)]
    assert got == want
    assert got, "the ledger should hold some conflicts"
    assert {c["kind"] for c in got} >= {"disagree"}
