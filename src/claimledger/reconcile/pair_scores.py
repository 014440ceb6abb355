"""Pair scores of one block at once: ``QuantityModel.probability`` for many pairs, vectorised with numpy.

``group_block`` (reconcile/quantities.py) scores up to n(n-1)/2 pairs of a block; one Python call per
pair (``pair_features`` builds a dict of named features, the model looks each name up) was most of the
time of reconciling a large ledger. Here each claim is read once into arrays, and each feature of
``pair_features`` is a *slot*: for every pair, the weight its feature gets (0 where the pair has no such
feature, or the model no weight for it) times its value. The score is the model's bias plus the slots in
the order ``pair_features`` inserts its features, added one slot at a time over all pairs, so every
pair's sum is the same float as ``QuantityModel.probability``'s term-by-term sum (adding 0.0 changes no
float); the logistic and the ratio's logarithm use the same ``math`` functions. A test pins the
equality pair for pair (tests/test_reconcile_speed.py); ``pair_features`` stays the definition (the
trainer and conflicts read it).

Sets of words and places are compared as bit rows (one bit per word of the block): a pair's
intersection is a popcount, its Jaccard the same integer division as ``_jaccard``'s.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import product
from typing import Any

import numpy as np

from claimledger.models import Claim
from claimledger.reconcile.quantities import (
    ClaimInfo,
    Context,
    QuantityModel,
    _currency,
    _exact,
    _marked,
    _place,
    claim_span,
)

_REL = ("equal", "unknown", "disjoint", "nested", "overlap", "both_none", "one_none")
_EQUAL, _UNKNOWN, _DISJOINT, _NESTED, _OVERLAP, _BOTH_NONE, _ONE_NONE = range(len(_REL))
_SIDE = ("noside", "side")
_WHERE = ("docs", "doc")
_NONE = -(1 << 40)  # an undated end of a span, as an ordinal no date has


def _bins(edges: Sequence[float], name: str) -> list[str]:
    """The names ``_bin`` gives, by bin index (``np.searchsorted(edges, x)``: the first edge x is at or below)."""
    return [f"{name}<={e:g}" for e in edges] + [f"{name}>{edges[-1]:g}"]


def _bin_index(x: np.ndarray, edges: Sequence[float]) -> np.ndarray:
    return np.searchsorted(np.asarray(edges, dtype=float), x, side="left")


class _Codes:
    """Small integer codes for hashable values, in first-seen order."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self.index: dict[Any, int] = {}

    def __call__(self, value: Any) -> int:
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.values)
            self.values.append(value)
        return code

    def array(self, values: Sequence[Any]) -> np.ndarray:
        return np.fromiter((self(v) for v in values), dtype=np.int64, count=len(values))


def _bitrows(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """One row of 64-bit words per set (bit k: the block's k-th word), and each set's size."""
    vocab: dict[str, int] = {}
    at = [(r, vocab.setdefault(w, len(vocab))) for r, s in enumerate(sets) for w in s]
    rows = np.zeros((len(sets), max(1, (len(vocab) + 63) // 64)), dtype=np.uint64)
    if at:
        r, k = np.array(at, dtype=np.int64).T
        np.bitwise_or.at(rows, (r, k >> 6), np.left_shift(np.uint64(1), (k & 63).astype(np.uint64)))
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    return rows, sizes


def _jaccards(sets: Sequence[frozenset[str]], i: np.ndarray, j: np.ndarray,
              chunk: int = 1 << 16) -> tuple[np.ndarray, np.ndarray]:
    """``_jaccard`` of every pair (i[k], j[k]) of ``sets``, and the size of each intersection."""
    rows, sizes = _bitrows(sets)
    common = np.empty(len(i), dtype=np.int64)
    step = max(1, chunk // rows.shape[1])
    for lo in range(0, len(i), step):
        hi = lo + step
        common[lo:hi] = np.bitwise_count(rows[i[lo:hi]] & rows[j[lo:hi]]).sum(axis=1, dtype=np.int64)
    union = sizes[i] + sizes[j] - common
    both = (sizes[i] > 0) & (sizes[j] > 0)
    out = np.zeros(len(i), dtype=float)
    out[both] = common[both] / union[both]
    return out, common


def _pairwise(codes: _Codes, fn: Callable[[Any, Any], int], ci: np.ndarray, cj: np.ndarray) -> np.ndarray:
    """fn(value of ci[k], value of cj[k]) for every k, worked out once per combination of codes that occurs."""
    combo = ci * len(codes.values) + cj
    seen, back = np.unique(combo, return_inverse=True)
    out = np.fromiter((fn(codes.values[c // len(codes.values)], codes.values[c % len(codes.values)])
                       for c in seen.tolist()), dtype=np.int64, count=len(seen))
    return out[back.reshape(-1)]


def _flags(values: Iterable[Any], n: int) -> np.ndarray:
    return np.fromiter(values, dtype=bool, count=n)


def _ints(values: Iterable[int], n: int) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64, count=n)


class _Score:
    """The running sum of one block's pair scores, slot by slot in ``pair_features``' order."""

    def __init__(self, model: QuantityModel, pairs: int):
        self.weights = {k: w[0] for k, w in model.pair.weights.items()}
        self.total = np.full(pairs, model.pair.bias[0], dtype=float)

    def add(self, names: Sequence[str], index: np.ndarray | int, where: np.ndarray | None = None,
            x: np.ndarray | None = None) -> None:
        """One slot: the feature ``names[index]`` of each pair (only where ``where``), with value x (else 1)."""
        table = np.array([self.weights.get(name, 0.0) for name in names], dtype=float)
        if not table.any():
            return
        w = table[index] if isinstance(index, np.ndarray) else np.full(len(self.total), table[index])
        term = w * x if x is not None else w
        if where is not None:
            term = np.where(where, term, 0.0)
        self.total += term

    def add_named(self, name_of: Callable[..., str], shape: Sequence[int], index: tuple[np.ndarray, ...],
                  where: np.ndarray | None = None) -> None:
        """A slot whose feature name combines several codes (``f"t:{rel}&{side}"``)."""
        names = [name_of(*combo) for combo in product(*(range(k) for k in shape))]
        flat = np.ravel_multi_index(index, tuple(shape)) if len(index) > 1 else index[0]
        self.add(names, flat, where)


def _span_ordinals(spans: Sequence[tuple[date | None, date | None]]) -> tuple[np.ndarray, np.ndarray]:
    start = np.fromiter((s.toordinal() if s else _NONE for s, _ in spans), dtype=np.int64, count=len(spans))
    end = np.fromiter((e.toordinal() if e else _NONE for _, e in spans), dtype=np.int64, count=len(spans))
    return start, end


def pair_probabilities(claims: Sequence[Claim], i: np.ndarray, j: np.ndarray, context: Sequence[Context | None],
                       info: Sequence[ClaimInfo], model: QuantityModel) -> list[float]:
    """``model.probability(claims[i], claims[j], context[i], context[j], info[i], info[j])`` for every
    pair (i[k], j[k]), in order (module docstring)."""
    n_pairs = len(i)
    if n_pairs == 0:
        return []
    ctx = [c or Context() for c in context]
    score = _Score(model, n_pairs)
    n = len(claims)

    # bias; doc or docs; same sentence, near
    score.add(["bias"], 0)
    doc = _Codes().array([c.doc for c in claims])
    same_doc = doc[i] == doc[j]
    where = same_doc.astype(np.int64)
    score.add(_WHERE, where)
    evstart = _ints((c.evidence_start for c in claims), n)
    start = _ints((c.start for c in claims), n)
    has_ev = _flags((bool(c.evidence) for c in claims), n)
    sentence = same_doc & (evstart[i] == evstart[j]) & has_ev[i]
    score.add(["sentence"], 0, same_doc, sentence.astype(float))
    near = np.abs(start[i] - start[j]) < 300
    score.add(["near"], 0, same_doc, near.astype(float))

    # time: how the spans relate, and the days between them
    side_of = _flags((bool(c.actor or c.recipient) for c in claims), n)
    side = side_of[i].astype(np.int64)  # pair_features reads the first claim's sides
    has_period = _flags((bool(c.period_start or c.period_end) for c in claims), n)
    s0, s1 = _span_ordinals([x.span for x in info])
    a0, a1, b0, b1 = s0[i], s1[i], s0[j], s1[j]
    dated = (a0 != _NONE) & (a1 != _NONE) & (b0 != _NONE) & (b1 != _NONE)
    gap = np.where(a1 < b0, b0 - a1, np.where(b1 < a0, a0 - b1, 0)).astype(float)
    rel = np.full(n_pairs, _OVERLAP, dtype=np.int64)
    nested = ((a0 <= b0) & (b1 <= a1)) | ((b0 <= a0) & (a1 <= b1))
    rel[nested] = _NESTED
    rel[gap > 0] = _DISJOINT
    rel[~dated] = _UNKNOWN
    rel[(a0 == b0) & (a1 == b1)] = _EQUAL
    pa, pb = has_period[i], has_period[j]
    rel[~(pa | pb)] = _BOTH_NONE
    rel[pa ^ pb] = _ONE_NONE
    score.add_named(lambda r: f"t:{_REL[r]}", (len(_REL),), (rel,))
    score.add_named(lambda r, s: f"t:{_REL[r]}&{_SIDE[s]}", (len(_REL), 2), (rel, side))
    score.add_named(lambda r, w: f"t:{_REL[r]}&{_WHERE[w]}", (len(_REL), 2), (rel, where))
    gap_edges = (0, 3, 10, 40, 200, 400)
    gap_names = _bins(gap_edges, "gap")
    g = _bin_index(gap, gap_edges)
    score.add_named(lambda b: gap_names[b], (len(gap_names),), (g,), dated)
    score.add_named(lambda b, r: f"{gap_names[b]}&{_REL[r]}", (len(gap_names), len(_REL)), (g, rel), dated)
    score.add_named(lambda b, s: f"{gap_names[b]}&{_SIDE[s]}", (len(gap_names), 2), (g, side), dated)

    # the shapes of the periods, and running totals
    lengths = _Codes()
    length = lengths.array([x.length for x in info])
    la, lb = length[i], length[j]
    rank = np.array([sorted(lengths.values).index(v) for v in lengths.values], dtype=np.int64)
    lo_len = np.where(rank[la] <= rank[lb], la, lb)  # sorted((ia.length, ib.length))
    hi_len = np.where(lo_len == la, lb, la)
    nl = len(lengths.values)
    cumulative = _ints((int(bool(c.cumulative)) for c in claims), n)
    cum = cumulative[i] + cumulative[j]
    len_name = lambda x, y: f"len:{lengths.values[x]}-{lengths.values[y]}"  # noqa: E731
    score.add_named(len_name, (nl, nl), (lo_len, hi_len))
    score.add_named(lambda x, y, k: f"{len_name(x, y)}&cum:{k}", (nl, nl, 3), (lo_len, hi_len, cum))

    # the years the sentences name
    years = _Codes()
    year = years.array([x.years for x in info])
    kinds = ("", "years:same", "years:overlap", "years:differ", "years:one")

    def year_kind(x: frozenset[str], y: frozenset[str]) -> int:
        if x and y:
            return 1 if x == y else 2 if x & y else 3
        return 4 if (x or y) else 0

    yk = _pairwise(years, year_kind, year[i], year[j])
    score.add(kinds, yk, yk > 0)

    # publication dates of two reports
    pub = _ints((x.published.toordinal() if x.published else _NONE for x in info), n)
    has_pub = (pub[i] != _NONE) & (pub[j] != _NONE) & ~same_doc
    pub_edges = (1, 7, 31, 120, 400)
    pub_names = _bins(pub_edges, "pub")
    p = _bin_index(np.abs(pub[i] - pub[j]).astype(float), pub_edges)
    score.add_named(lambda b: pub_names[b], (len(pub_names),), (p,), has_pub)
    score.add_named(lambda b, s: f"{pub_names[b]}&{_SIDE[s]}", (len(pub_names), 2), (p, side), has_pub)
    score.add_named(lambda b, r: f"{pub_names[b]}&{_REL[r]}", (len(pub_names), len(_REL)), (p, rel), has_pub)

    # places
    places = _Codes()
    location = places.array([c.location or None for c in claims])
    place_names = _Codes()

    def place_code(x: str | None, y: str | None) -> int:
        return place_names(_place(_Located(x), _Located(y)))  # type: ignore[arg-type]

    pk = _pairwise(places, place_code, location[i], location[j])
    score.add_named(lambda k: f"loc:{place_names.values[k]}", (len(place_names.values),), (pk,))
    score.add_named(lambda k, s: f"loc:{place_names.values[k]}&{_SIDE[s]}", (len(place_names.values), 2), (pk, side))

    # the reports' countries and leads (two reports only)
    jp, common_places = _jaccards([c.places for c in ctx], i, j)
    score.add(["docplaces"], 0, ~same_doc, jp)
    has_places = _flags((bool(c.places) for c in ctx), n)
    disjoint = ~same_doc & has_places[i] & has_places[j] & (common_places == 0)
    score.add_named(lambda s: f"docplaces:disjoint&{_SIDE[s]}", (2,), (side,), disjoint)
    jw, _ = _jaccards([c.words for c in ctx], i, j)
    score.add(["leadwords"], 0, ~same_doc, jw)
    lead_edges = (0.02, 0.06, 0.12, 0.25)
    score.add(_bins(lead_edges, "leadwords"), _bin_index(jw, lead_edges), ~same_doc)

    # the words of the sentences, and around the figures
    ew, _ = _jaccards([x.evwords for x in info], i, j)
    score.add(["evwords"], 0, None, ew)
    lw, _ = _jaccards([x.nearwords for x in info], i, j)
    score.add(["nearwords"], 0, None, lw)
    near_edges = (0.0, 0.1, 0.25, 0.5)
    lwb = _bin_index(lw, near_edges)
    near_names = [_bins(near_edges, f"nearwords&{w}") for w in _WHERE]
    score.add_named(lambda w, b: near_names[w][b], (2, len(near_edges) + 1), (where, lwb))
    other = _flags((c.measure == "other" for c in claims), n)[i]
    score.add(_bins(near_edges, "nearwords&other"), lwb, other)

    # the thing counted, running totals, increments, the voice
    item = _Codes().array([x.item for x in info])
    score.add(["item:differ", "item:same"], (item[i] == item[j]).astype(np.int64))
    score.add_named(lambda k: f"cum:{k}", (3,), (cum,))
    incremental = _flags((bool(c.incremental) for c in claims), n)
    score.add(["incremental"], 0, incremental[i] | incremental[j])
    voice = _Codes().array([x.originator for x in info])
    score.add_named(lambda w: f"same_originator&{_WHERE[w]}", (2,), (where,), voice[i] == voice[j])

    # the values, and vague amounts
    values = [x.value for x in info]
    usable = _flags((bool(v and v > 0 and math.isfinite(v)) for v in values), n)
    both = usable[i] & usable[j]
    ratio_edges = (0.05, 0.3, 1.0, 2.0)
    ratio_names = _bins(ratio_edges, "ratio")
    ratio = np.zeros(n_pairs, dtype=np.int64)
    picked = np.flatnonzero(both)
    if len(picked):
        # math.log10, as pair_features: numpy's may differ in the last bit, and a ratio of 100 sits on an edge
        # (once per two values that occur: figures repeat)
        value_codes = _Codes()
        code = value_codes.array([v if u else None for v, u in zip(values, usable.tolist(), strict=True)])

        def ratio_bin(a: float, b: float) -> int:
            x = abs(math.log10(a / b))
            return next((k for k, e in enumerate(ratio_edges) if x <= e), len(ratio_edges))

        ratio[picked] = _pairwise(value_codes, ratio_bin, code[i[picked]], code[j[picked]])
    score.add(ratio_names, ratio, both)
    score.add_named(lambda b: f"sentence&{ratio_names[b]}", (len(ratio_names),), (ratio,), both & sentence)
    vague = _flags((bool(c.vague) for c in claims), n)
    score.add(["vague"], 0, ~both & (vague[i] | vague[j]))

    # money: currencies, and a conversion in one breath
    money = _flags((c.category == "money" for c in claims), n)
    both_money = money[i] & money[j]
    currency = _Codes().array([_currency(c) for c in claims])
    same_currency = currency[i] == currency[j]
    score.add(["money:other_currency", "money:same_currency"], same_currency.astype(np.int64), both_money)
    conversion = both_money & ~same_currency & same_doc & (np.abs(start[i] - start[j]) < 60)
    score.add(["money:conversion"], 0, conversion)

    # the measure and how the times relate
    measures = _Codes()
    measure = measures.array([str(c.measure) for c in claims])
    score.add_named(lambda m, r: f"m:{measures.values[m]}&{_REL[r]}", (len(measures.values), len(_REL)),
                    (measure[i], rel))

    # The logistic once per distinct score: pairs that read alike score alike.
    distinct, back = np.unique(score.total, return_inverse=True)
    logistic = np.array([1.0 / (1.0 + math.exp(-s)) if s > -50 else 0.0 for s in distinct.tolist()])
    return logistic[back.reshape(-1)].tolist()  # type: ignore[no-any-return]


class _Located:
    """A stand-in claim for ``_place``, which reads only the location."""

    def __init__(self, location: str | None):
        self.location = location


def apart_pairs(claims: Sequence[Claim], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``apart(claims[i], claims[j])`` for every pair (i[k], j[k])."""
    n = len(claims)
    # same_voice_rivals: one report, one sentence, one voice, item and place, two different exact figures
    doc = _Codes().array([c.doc for c in claims])
    evstart = np.fromiter((c.evidence_start for c in claims), dtype=np.int64, count=n)
    voice = _Codes().array([c.source or c.publisher for c in claims])
    item = _Codes().array([c.item for c in claims])
    place = _Codes().array([c.location for c in claims])
    has_ev = _flags((bool(c.evidence) for c in claims), n)
    plain = _flags((not _marked(c) and _exact(c) for c in claims), n)
    value = np.array([c.value if c.value is not None else math.nan for c in claims], dtype=float)
    rivals = (has_ev[i] & plain[i] & plain[j] & (doc[i] == doc[j]) & (evstart[i] == evstart[j]) & (voice[i] == voice[j])
              & (item[i] == item[j]) & (place[i] == place[j]) & (value[i] != value[j]))
    # two flows over stated periods that do not meet
    flow = _flags((not c.cumulative and bool(c.period_start and c.period_end) for c in claims), n)
    s0, s1 = _span_ordinals([claim_span(c) for c in claims])
    a0, a1, b0, b1 = s0[i], s1[i], s0[j], s1[j]
    dated = (a0 != _NONE) & (a1 != _NONE) & (b0 != _NONE) & (b1 != _NONE)
    disjoint = dated & ((a1 < b0) | (b1 < a0))
    return rivals | (flow[i] & flow[j] & disjoint)
