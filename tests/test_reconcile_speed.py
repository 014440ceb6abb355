"""The fast paths of reconciling give what the plain ones give (issue 10, "linear reconciliation").

Not timed (bench/scale.py times the commands): on small made-up blocks, the vectorised pair scores are
the very floats ``QuantityModel.probability`` gives pair by pair, ``apart_pairs`` is ``apart``, the
array linkage of a small block merges as the edge-by-edge one does, the windowed candidate pairs are
the ones a set of tuples gives, and series built through the fast paths are the series built pair by
pair.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest

from claimledger.models import Claim, Document
from claimledger.reconcile import Names, build_series
from claimledger.reconcile.pair_scores import apart_pairs, pair_probabilities
from claimledger.reconcile.quantities import (
    EXACT_BLOCK,
    WINDOW,
    QuantityModel,
    _link_all_pairs,
    _link_scored_pairs,
    apart,
    candidate_pairs,
    claim_info,
    claim_span,
    contexts,
    country_of,
    group_block,
    shipped_model,
)

PLACES = [None, "gaza", "kursk", "valencia", "ESP", "UKR", "kyiv", "derna"]
SOURCES = [None, "UN", "UKR", "UKR-MOD", "RUS-MOD", "MSF", "ICRC"]
ITEMS = ["person", "soldier", "troop", "dollar", "euro"]


def made_up(reports: int, seed: int) -> tuple[list[Claim], list[Document]]:
    """Claims of one block's worth of reports, with every field pair_features reads varied: one or two
    reports' sentences, stated periods open, closed or none, places with and without a country, sides,
    money in two currencies side by side, hedged, vague and missing values, increments and earlier
    figures, years named in the sentence."""
    rng = random.Random(seed)
    first = date(2024, 1, 1)
    claims, docs = [], []
    for r in range(reports):
        published = first + timedelta(days=rng.randrange(500))
        doc = f"d{r:04d}"
        sentences, at = [], 0
        for _ in range(rng.choice([1, 1, 2, 3])):
            value = rng.choice([None, 0.0, 12.0, 100.0, 1000.0, 1250.0, 1e6, rng.uniform(1, 5000)])
            text = "many" if value is None else f"{value:,.0f}"
            year = rng.choice(["", " since 2022", " in 2024", " in 2016 and 2024"])
            evidence = f"{rng.choice(SOURCES) or 'Officials'} said {text} were hit{year}."
            start = rng.choice([first + timedelta(days=rng.randrange(500)), None])
            end = start + timedelta(days=rng.choice([0, 1, 6, 30, 400])) if start and rng.random() < 0.8 else None
            if rng.random() < 0.1:
                start, end = None, published  # open at the start
            item = rng.choice(ITEMS)
            claims.append(Claim(
                doc=doc, start=at + evidence.index(text), end=at + evidence.index(text) + len(text), text=text,
                value=value, low=rng.choice([None, 5.0]) if value is None else None,
                high=rng.choice([None, 15.0]) if value is None else None,
                approx=rng.random() < 0.3, bound=rng.choice(["=", "=", ">"]), vague=value is None,
                category="money" if item in ("dollar", "euro") else rng.choice(["casualty", "people"]),
                measure=rng.choice(["killed", "other"]), item=item,
                actor=rng.choice([None, None, "UKR"]), recipient=rng.choice([None, "RUS"]),
                location=rng.choice(PLACES), cumulative=rng.random() < 0.5,
                period_start=start.isoformat() if start else None, period_end=end.isoformat() if end else None,
                incremental=rng.random() < 0.05, earlier=rng.random() < 0.05,
                source=rng.choice(SOURCES), published=published.isoformat(), publisher=rng.choice(["AP", "AFP"]),
                evidence=evidence if rng.random() < 0.97 else "", evidence_start=at))
            sentences.append(evidence)
            at += len(evidence) + 1 if rng.random() < 0.7 else 0  # sometimes two figures of one sentence
        docs.append(Document(id=doc, text=" ".join(sentences), published=published.isoformat(), publisher="AP",
                             title=rng.choice(["Strikes on Kyiv", "Floods in Valencia", "Aid to Ukraine"])))
    return claims, docs


def every_pair(n: int) -> tuple[np.ndarray, np.ndarray]:
    first, second = np.triu_indices(n, 1)
    return first, second


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_pair_scores_are_the_model_probabilities(seed: int) -> None:
    claims, docs = made_up(60, seed)
    model = shipped_model()
    assert model is not None
    ctx = contexts(claims, docs if seed % 2 else ())
    info = [claim_info(c) for c in claims]
    context = [ctx.get(c.doc) for c in claims]
    first, second = every_pair(len(claims))
    got = pair_probabilities(claims, first, second, context, info, model)
    want = [model.probability(claims[i], claims[j], context[i], context[j], info[i], info[j])
            for i, j in zip(first.tolist(), second.tolist(), strict=True)]
    assert got == want  # the same floats, not merely close ones
    assert len(set(want)) > 50  # the pairs differ in many features


def test_pair_scores_of_a_model_without_weights() -> None:
    claims, _ = made_up(10, 5)
    model = QuantityModel(pair=type(shipped_model().pair)(classes=["same"], weights={}, bias=[0.3]))  # type: ignore[union-attr]
    first, second = every_pair(len(claims))
    got = pair_probabilities(claims, first, second, [None] * len(claims), [claim_info(c) for c in claims], model)
    assert got == [model.probability(claims[i], claims[j], None, None)
                   for i, j in zip(first.tolist(), second.tolist(), strict=True)]


@pytest.mark.parametrize("seed", [1, 2])
def test_apart_pairs_is_apart(seed: int) -> None:
    claims, _ = made_up(80, seed)
    first, second = every_pair(len(claims))
    got = apart_pairs(claims, first, second).tolist()
    want = [apart(claims[i], claims[j]) for i, j in zip(first.tolist(), second.tolist(), strict=True)]
    assert got == want
    assert any(want) and not all(want)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_array_linkage_merges_as_edge_by_edge(seed: int) -> None:
    rng = random.Random(seed)
    n = 40
    model = QuantityModel(pair=shipped_model().pair, threshold=0.5, veto=0.1)  # type: ignore[union-attr]
    first, second = every_pair(n)
    # Few distinct values, so that ties and stale entries of equal value occur; some pairs never one.
    probs = np.array([rng.choice([0.95, 0.9, 0.8, 0.6, 0.55, 0.3, 0.05, -float(n * n)])
                      for _ in range(len(first))])
    dense = _link_all_pairs(n, first, second, probs, model)
    plain = _link_scored_pairs(n, first.tolist(), second.tolist(), probs.tolist(), model)
    assert list(dense.items()) == list(plain.items())
    assert 1 < len(dense) < n


def test_windowed_candidate_pairs_are_the_set_of_pairs() -> None:
    claims, _ = made_up(EXACT_BLOCK, 7)
    assert len(claims) > EXACT_BLOCK
    n = len(claims)

    def order(i: int) -> tuple[Any, ...]:
        c = claims[i]
        place = "" if (c.actor or c.recipient) else (country_of(c.location) or c.location or "")
        end = claim_span(c)[1]
        return place, end is None, end or date.min, c.doc, c.start

    ranked = sorted(range(n), key=order)
    want = {(min(x, y), max(x, y)) for k, x in enumerate(ranked) for y in ranked[k + 1:k + 1 + WINDOW]}
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(i)
    want.update((x, y) for same in by_doc.values() for k, x in enumerate(same) for y in same[k + 1:])
    assert candidate_pairs(claims) == sorted(want)


class PairByPair(QuantityModel):
    """The shipped model, scoring pair by pair: group_block calls a probability of a model's own."""

    def probability(self, *args: Any, **kwargs: Any) -> float:
        return super().probability(*args, **kwargs)


@pytest.mark.parametrize("reports", [40, 2 * EXACT_BLOCK])  # one block whole, and one windowed
def test_fast_grouping_gives_the_same_series(reports: int) -> None:
    claims, docs = made_up(reports, 11)
    # one block, as build_series would make it: people killed, no side
    claims = [replace(c, actor=None, recipient=None, measure="killed", category="casualty", item="person")
              for c in claims]
    shipped = shipped_model()
    assert shipped is not None
    slow = PairByPair(pair=shipped.pair, threshold=shipped.threshold, veto=shipped.veto, meta=shipped.meta)
    ctx = contexts(claims, docs)
    got = [[c.id for c in g] for g in group_block(claims, ctx, shipped)]
    want = [[c.id for c in g] for g in group_block(claims, ctx, slow)]
    assert got == want
    assert 1 < len(got) < len(claims)
    names = Names(claims, use_gazetteer=False)
    fast_series = build_series(claims, names=names, documents=docs)
    slow_series = build_series(claims, names=names, documents=docs, quantities=slow)
    assert [(s.id, [c.id for c in s.claims]) for s in fast_series] == \
        [(s.id, [c.id for c in s.claims]) for s in slow_series]
