"""Quantities: which claims count the same thing in the world (spec/reconcile.md).

A quantity is one measure of one kind of thing for one side, within one event
or scope, with one time shape. The first four come from the claim's fields;
the event does not: two floods, two attacks, two nights of drones or two
years of crossings read alike field by field. So grouping has two steps:

1. **Blocks.** Claims can only share a quantity when they share measure,
   kind, actor and recipient (``block_key``): a cheap exact key. Money is one
   kind whatever its currency, since "€480m ($500m)" restates one amount;
   people hurt, held or freed are one kind ("300 soldiers killed", "300
   deaths"), the sub-groups among them being parts.
2. **Events inside a block.** Each pair of claims in a block is scored by a
   small linear model (``pair_features``, weights in ``data/quantities.json``)
   on what tells events apart in general: how their times relate (stated
   periods equal, nested or disjoint; days between them; a one-day event
   against a running total), their places (same, nested in one country,
   different), the reports they come from (the same report; the countries
   and the words of the title and lead of each), their time shape (running
   total, addition), their values and currencies. Claims are then joined by
   average linkage while the mean probability between two groups is above
   ``threshold``: a group is one quantity.

The model is trained on the annotated corpus's ``quantity``/``part_of``
labels (``claimledger train --quantities``, claimledger.train), a part
counting as its whole, so a series holds a whole with its parts (``parts``
tells them apart). It is scored leaving out the topic family it is tested on.
"""
from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from claimledger.extract.decide import Features, Linear, read_model
from claimledger.models import Claim, Document
from claimledger.reconcile.originators import originator
from claimledger.reconcile.series import (
    CASUALTY_MEASURES,
    STATE_ID,
    Kinds,
    _default_kinds,
    _load_gazetteer,
    claim_span,
    parse_day,
)

# Words that say nothing about which event a report is about.
_STOP = frozenset("""
about above according across after again against also among another around because been before being
below between both could during each either every from further have having here however into itself
just least less many more most much must near nearly need other over said says same should since some
still such than that their them then there these they this those through under until very were what
when where which while whom will with within without would year years week weeks month months today
yesterday people told news report reports reported report's according official officials monday tuesday
wednesday thursday friday saturday sunday january february march april june july august september
october november december total number figure figures least more than
""".split())
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_LEAD_CHARS = 400


class BlockKey(NamedTuple):
    measure: str
    kind: str
    actor: str | None
    recipient: str | None


def block_key(claim: Claim, kinds: Kinds) -> BlockKey:
    """The exact part of a quantity: claims in different blocks never share one."""
    measure = claim.measure or "other"
    if claim.category == "money":
        kind = "money"
    elif measure in CASUALTY_MEASURES and claim.category in ("casualty", "personnel", "people"):
        kind = "people"
    else:
        kind = kinds.kind(claim.item, claim.category, claim.measure)
    return BlockKey(measure, kind, claim.actor or None, claim.recipient or None)


@dataclass(frozen=True)
class Context:
    """What a claim's report says about its event: the words of its title and lead, the countries
    its claims name, its publication date."""

    words: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def contexts(claims: Iterable[Claim], documents: Iterable[Document] = ()) -> dict[str, Context]:
    """One Context per document the claims come from (documents: for their title and lead)."""
    claims = list(claims)
    places: dict[str, set[str]] = {}
    evidence: dict[str, list[str]] = {}
    for c in claims:
        evidence.setdefault(c.doc, []).append(c.evidence)
        found = places.setdefault(c.doc, set())
        for ent in (c.actor, c.recipient, c.location, c.source):
            country = country_of(ent)
            if country:
                found.add(country)
    leads = {d.id: f"{d.title or ''}\n{d.text[:_LEAD_CHARS]}" for d in documents}
    out = {}
    for doc in places:
        lead = leads.get(doc)
        if lead is None:  # no document given: the claims' own sentences stand in for the lead
            lead = " ".join(evidence[doc])[:_LEAD_CHARS]
        out[doc] = Context(words=content_words(lead), places=frozenset(places[doc]))
    return out


def content_words(text: str) -> frozenset[str]:
    return frozenset(w.strip("'-") for w in _WORD.findall(text.lower()) if w not in _STOP)


@lru_cache(maxsize=4096)
def country_of(ent: str | None) -> str | None:
    """The country an entity id belongs to: its own code, a state body's prefix, else the gazetteer's."""
    if not ent:
        return None
    m = STATE_ID.match(ent)
    if m:
        return m.group(1)
    gaz = _load_gazetteer()
    try:
        found = gaz.get(ent) if gaz is not None else None
    except LookupError:
        found = None
    return getattr(found, "country", None)


# -- pair features -------------------------------------------------------------

def _bin(x: float, edges: Sequence[float], name: str) -> str:
    for e in edges:
        if x <= e:
            return f"{name}<={e:g}"
    return f"{name}>{edges[-1]:g}"


def _length(claim: Claim) -> str:
    """The shape of a claim's stated period: none, a day, a week, a month, a year, longer."""
    if not (claim.period_start or claim.period_end):
        return "none"
    if not (claim.period_start and claim.period_end):
        return "open"
    s, e = parse_day(claim.period_start), parse_day(claim.period_end)
    if s is None or e is None:
        return "none"
    return _bin((e - s).days, (2, 8, 32, 370), "len")


def _gap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> float | None:
    """Days between two spans (0 when they touch or overlap), None when either is undated."""
    if None in a or None in b:
        return None
    assert a[0] and a[1] and b[0] and b[1]
    if a[1] < b[0]:
        return float((b[0] - a[1]).days)
    if b[1] < a[0]:
        return float((a[0] - b[1]).days)
    return 0.0


def _time(a: Claim, b: Claim, sa: tuple[date | None, date | None] | None = None,
          sb: tuple[date | None, date | None] | None = None) -> tuple[str, float | None]:
    pa, pb = bool(a.period_start or a.period_end), bool(b.period_start or b.period_end)
    sa, sb = sa or claim_span(a), sb or claim_span(b)
    gap = _gap(sa, sb)
    if pa and pb:
        if sa == sb:
            rel = "equal"
        elif gap is None:
            rel = "unknown"
        elif gap > 0:
            rel = "disjoint"
        elif (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1]):  # type: ignore[operator]
            rel = "nested"
        else:
            rel = "overlap"
    else:
        rel = "both_none" if not (pa or pb) else "one_none"
    return rel, gap


def _place(a: Claim, b: Claim) -> str:
    la, lb = a.location or None, b.location or None
    if la == lb:
        return "same" if la else "none"
    if not la or not lb:
        other = la or lb
        return "one_country" if country_of(other) == other else "one"
    ca, cb = country_of(la), country_of(lb)
    if ca and cb and ca == cb and (ca in (la, lb)):
        return "nested"  # Valencia within Spain
    return "same_country" if ca and ca == cb else "different"


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def years_around(claim: Claim) -> frozenset[str]:
    """The years its sentence names, outside the figure itself: "the 2022 contract", "in 2016"."""
    ev, at = claim.evidence or "", claim.start - claim.evidence_start
    rest = ev[:max(at, 0)] + " " + ev[max(at, 0) + len(claim.text or ""):] if 0 <= at <= len(ev) else ev
    return frozenset(_YEAR.findall(rest))


_NEAR_CHARS = 60


def words_near(claim: Claim) -> frozenset[str]:
    """The content words right around the figure in its sentence: what it counts and what happened to it
    ("survivors", "aboard", "voted against", "left homeless")."""
    ev, at = claim.evidence or "", claim.start - claim.evidence_start
    if not 0 <= at <= len(ev):
        return frozenset()
    end = at + len(claim.text or "")
    return content_words(ev[max(0, at - _NEAR_CHARS):at] + " " + ev[end:end + _NEAR_CHARS])


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _currency(claim: Claim) -> str:
    return (claim.item or "").lower()


def _value(claim: Claim) -> float | None:
    if claim.value is not None:
        return float(claim.value)
    if claim.low is not None and claim.high is not None:
        return (float(claim.low) + float(claim.high)) / 2
    return None


class ClaimInfo(NamedTuple):
    """What pair_features reads of one claim on its own, worked out once per claim rather than once per
    pair (a block of n claims has n(n-1)/2 pairs)."""

    span: tuple[date | None, date | None]
    length: str
    years: frozenset[str]
    published: date | None
    evwords: frozenset[str]
    nearwords: frozenset[str]
    item: str
    originator: str
    value: float | None


def claim_info(claim: Claim) -> ClaimInfo:
    return ClaimInfo(claim_span(claim), _length(claim), years_around(claim), parse_day(claim.published),
                     content_words(claim.evidence), words_near(claim), _item_word(claim),
                     originator(claim), _value(claim))


def _item_word(claim: Claim) -> str:
    """The counted thing as pairs compare it: words the kinds table lists as one kind are one word
    ("troop" and "soldier": a report names one contingent by both); any other item stays itself
    ("Leopard" and "Gepard" are two things of the weapons table's default kind)."""
    item = (claim.item or "").lower()
    return _default_kinds().listed(item, claim.category, claim.measure) or item


def pair_features(a: Claim, b: Claim, ca: Context | None = None, cb: Context | None = None,
                  ia: ClaimInfo | None = None, ib: ClaimInfo | None = None) -> Features:
    """What tells two claims of one block apart as events (see the module docstring); ``ia`` and ``ib``
    are the claims' ``claim_info`` where the caller keeps them."""
    ia, ib = ia or claim_info(a), ib or claim_info(b)
    ca, cb = ca or Context(), cb or Context()
    f: Features = {"bias": 1.0}
    side = "side" if (a.actor or a.recipient) else "noside"
    same_doc = a.doc == b.doc
    where = "doc" if same_doc else "docs"
    f[where] = 1.0
    if same_doc:
        f["sentence"] = float(a.evidence_start == b.evidence_start and bool(a.evidence))
        f["near"] = float(abs(a.start - b.start) < 300)
    rel, gap = _time(a, b, ia.span, ib.span)
    f[f"t:{rel}"] = 1.0
    f[f"t:{rel}&{side}"] = 1.0
    f[f"t:{rel}&{where}"] = 1.0
    if gap is not None:
        g = _bin(gap, (0, 3, 10, 40, 200, 400), "gap")
        f[g] = 1.0
        f[f"{g}&{rel}"] = 1.0
        f[f"{g}&{side}"] = 1.0
    la, lb = sorted((ia.length, ib.length))
    cum = int(bool(a.cumulative)) + int(bool(b.cumulative))
    f[f"len:{la}-{lb}"] = 1.0
    f[f"len:{la}-{lb}&cum:{cum}"] = 1.0
    ya, yb = ia.years, ib.years
    if ya and yb:
        f["years:same" if ya == yb else "years:overlap" if ya & yb else "years:differ"] = 1.0
    elif ya or yb:
        f["years:one"] = 1.0
    pub_a, pub_b = ia.published, ib.published
    if pub_a and pub_b and not same_doc:
        p = _bin(abs((pub_a - pub_b).days), (1, 7, 31, 120, 400), "pub")
        f[p] = 1.0
        f[f"{p}&{side}"] = 1.0
        f[f"{p}&{rel}"] = 1.0
    place = _place(a, b)
    f[f"loc:{place}"] = 1.0
    f[f"loc:{place}&{side}"] = 1.0
    if not same_doc:
        jp = _jaccard(ca.places, cb.places)
        f["docplaces"] = jp
        if ca.places and cb.places and not ca.places & cb.places:
            f[f"docplaces:disjoint&{side}"] = 1.0
        jw = _jaccard(ca.words, cb.words)
        f["leadwords"] = jw
        f[_bin(jw, (0.02, 0.06, 0.12, 0.25), "leadwords")] = 1.0
    ew = _jaccard(ia.evwords, ib.evwords)
    f["evwords"] = ew
    lw = _jaccard(ia.nearwords, ib.nearwords)
    f["nearwords"] = lw
    f[_bin(lw, (0.0, 0.1, 0.25, 0.5), f"nearwords&{where}")] = 1.0
    if a.measure == "other":
        f[_bin(lw, (0.0, 0.1, 0.25, 0.5), "nearwords&other")] = 1.0
    f["item:same" if ia.item == ib.item else "item:differ"] = 1.0
    f[f"cum:{cum}"] = 1.0
    if a.incremental or b.incremental:
        f["incremental"] = 1.0
    if ia.originator == ib.originator:
        f[f"same_originator&{where}"] = 1.0
    va, vb = ia.value, ib.value
    if va and vb and va > 0 and vb > 0 and math.isfinite(va) and math.isfinite(vb):
        r = _bin(abs(math.log10(va / vb)), (0.05, 0.3, 1.0, 2.0), "ratio")
        f[r] = 1.0
        if same_doc and f.get("sentence"):
            f[f"sentence&{r}"] = 1.0
    elif a.vague or b.vague:
        f["vague"] = 1.0
    if a.category == "money" and b.category == "money":
        same_cur = _currency(a) == _currency(b)
        f["money:same_currency" if same_cur else "money:other_currency"] = 1.0
        if not same_cur and same_doc and abs(a.start - b.start) < 60:
            f["money:conversion"] = 1.0
    f[f"m:{a.measure}&{rel}"] = 1.0
    return f


# -- the model and the grouping --------------------------------------------------

@dataclass
class QuantityModel:
    """P(two claims of one block count one quantity), and the linkage threshold."""

    pair: Linear
    threshold: float = 0.5
    veto: float = 0.0  # no two groups merge while any pair between them is below this
    meta: dict[str, Any] = field(default_factory=dict)
    _flat: tuple[Linear, dict[str, float]] | None = field(default=None, init=False, repr=False, compare=False)

    def probability(self, a: Claim, b: Claim, ca: Context | None, cb: Context | None,
                    ia: ClaimInfo | None = None, ib: ClaimInfo | None = None) -> float:
        # Linear.probability's sum, term by term in the same order (so the same float), over one flat
        # row of weights: this runs once per pair of a block.
        flat = self._flat
        if flat is None or flat[0] is not self.pair:
            flat = self._flat = (self.pair, {k: w[0] for k, w in self.pair.weights.items()})
        weights = flat[1]
        score = self.pair.bias[0]
        for name, x in pair_features(a, b, ca, cb, ia, ib).items():
            w = weights.get(name)
            if w is not None:
                score += w * x
        return 1.0 / (1.0 + math.exp(-score)) if score > -50 else 0.0

    @classmethod
    def load(cls, path: str | Path | None = None) -> QuantityModel | None:
        """The shipped model (or the file given); None when there is none."""
        d = read_model("quantities.json", path)
        if d is None:
            return None
        return cls(pair=Linear.from_dict(d["pair"]), threshold=float(d.get("threshold", 0.5)),
                   veto=float(d.get("veto", 0.0)), meta=d.get("meta", {}))

    def save(self, path: str | Path) -> None:
        d = {"meta": self.meta, "threshold": self.threshold, "veto": self.veto, "pair": self.pair.to_dict()}
        Path(path).write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def shipped_model() -> QuantityModel | None:
    return QuantityModel.load()


def quantity_model(quantities: QuantityModel | str | None) -> QuantityModel | None:
    """The model a caller names: a QuantityModel, "shipped" for the one in the package, or None."""
    return shipped_model() if quantities == "shipped" else quantities  # type: ignore[return-value]


def apart(a: Claim, b: Claim) -> bool:
    """Never one quantity: two flows over stated periods that do not meet (two nights of drones, two
    years of crossings, two weeks of casualties), whatever else they share; or two different figures
    one voice gives in one breath for one thing and place (``same_voice_rivals``)."""
    if same_voice_rivals(a, b):
        return True
    if a.cumulative or b.cumulative:
        return False
    if not (a.period_start and a.period_end and b.period_start and b.period_end):
        return False
    gap = _gap(claim_span(a), claim_span(b))
    return gap is not None and gap > 0


def same_voice_rivals(a: Claim, b: Claim) -> bool:
    """Two exact, different figures that one originator gives in one sentence of one report for the same
    item and place, neither an earlier stage, a projection or an increment: "four hospitals destroyed and
    32 damaged", "a first package of $1 billion and a second of $400 million". A voice does not contradict
    itself in one breath, and an update says which figure came first; such figures count two things (two
    outcomes, two events, two sub-groups), so they are never one quantity. Hedged figures, bounds and
    ranges are left to the model: "at least 100, perhaps 150" is one count said two ways."""
    if a.doc != b.doc or a.evidence_start != b.evidence_start or not a.evidence:
        return False
    if (a.source or a.publisher) != (b.source or b.publisher) or a.item != b.item or a.location != b.location:
        return False
    if any(_marked(c) or not _exact(c) for c in (a, b)):
        return False
    return a.value != b.value


def _marked(claim: Claim) -> bool:
    """Whether a figure says it is not the current count: an earlier stage, a projection, an increment."""
    return claim.earlier or claim.projection or claim.incremental


def _exact(claim: Claim) -> bool:
    """Whether a figure is one plain number: no hedge, bound, range or vague amount."""
    return claim.value is not None and claim.low is None and claim.high is None and not claim.approx \
        and not claim.vague and claim.bound == "="


# Blocks up to this size compare every pair of claims; a larger one (every "people killed" claim with no
# side, at 100,000 reports) compares each claim with its ``WINDOW`` neighbours in order of place (with no
# side) and time only, so that the cost grows with n, not n²; a group of a running total still grows
# over the years through its neighbours (group_block).
EXACT_BLOCK = 300
WINDOW = 10


def candidate_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """The pairs (i < j) of a block that the model scores: all of a small block; in a large one each
    claim with the ``WINDOW`` claims after it in order of place (with no side) and time, and with the
    other claims of its report."""
    n = len(claims)
    if n <= EXACT_BLOCK:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]

    def order(i: int) -> tuple[Any, ...]:
        c = claims[i]
        place = "" if (c.actor or c.recipient) else (country_of(c.location) or c.location or "")
        end = claim_span(c)[1]
        return place, end is None, end or date.min, c.doc, c.start

    import numpy as np  # read when a large block is grouped, not when the module loads

    ranked = np.array(sorted(range(n), key=order), dtype=np.int64)
    parts = []
    for step in range(1, WINDOW + 1):  # each claim and the claim ``step`` places after it in that order
        x, y = ranked[:-step], ranked[step:]
        parts.append(np.minimum(x, y) * n + np.maximum(x, y))
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(i)
    parts.append(np.array([x * n + y for same in by_doc.values() for k, x in enumerate(same) for y in same[k + 1:]],
                          dtype=np.int64))
    pairs = np.unique(np.concatenate(parts))  # sorted, as (i, j) tuples sort
    return list(zip((pairs // n).tolist(), (pairs % n).tolist(), strict=True))


def group_block(claims: Sequence[Claim], ctx: dict[str, Context], model: QuantityModel | None) -> list[list[Claim]]:
    """The quantities of one block: average linkage over pair probabilities (module docstring).

    Only ``candidate_pairs`` are scored, and the linkage between two groups is the mean over their pairs
    that were scored (a small block scores every pair, so there it is the all-pairs average linkage):
    in a large block a running total's figures join through the neighbours in time that each has,
    while one pair that can never be one quantity (``apart``) among those scored still keeps two
    groups apart. Without a model every claim of the block is one quantity (the old behaviour).
    """
    n = len(claims)
    if n < 2 or model is None:
        return [list(claims)]
    import numpy as np  # read when a block is grouped, not when the module loads

    from claimledger.reconcile.pair_scores import apart_pairs, pair_probabilities  # it reads this module

    info = [claim_info(c) for c in claims]
    context = [ctx.get(c.doc) for c in claims]
    never = -float(n * n)  # one such pair keeps two groups apart for good
    if n <= EXACT_BLOCK:
        first, second = np.triu_indices(n, 1)  # candidate_pairs' order: (0, 1), (0, 2), ... (1, 2), ...
    else:
        first, second = np.array(candidate_pairs(claims), dtype=np.int64).reshape(-1, 2).T
    # A pair that is never one quantity is not scored (its probability would not be read); the others
    # are scored all at once, each the same float as model.probability gives it (reconcile/pair_scores.py).
    never_one = apart_pairs(claims, first, second)
    scored = np.flatnonzero(~never_one)
    probs = np.full(len(first), never)
    if type(model).probability is QuantityModel.probability:
        probs[scored] = pair_probabilities(claims, first[scored], second[scored], context, info, model)
    else:  # a model of its own making: its own probability, pair by pair
        probs[scored] = [model.probability(claims[i], claims[j], context[i], context[j], info[i], info[j])
                         for i, j in zip(first[scored].tolist(), second[scored].tolist(), strict=True)]
    if n <= EXACT_BLOCK:
        members = _link_all_pairs(n, first, second, probs, model)
    else:
        members = _link_scored_pairs(n, first.tolist(), second.tolist(), probs.tolist(), model)
    return [[claims[i] for i in sorted(m)] for m in members.values()]


def _link_scored_pairs(n: int, first: list[int], second: list[int], probs: list[float],
                       model: QuantityModel) -> dict[int, list[int]]:
    """Average linkage over the scored pairs (first[k], second[k]) of n claims: the groups, each named by
    its first claim. A merge adds y's sums to x's edge by edge, so that a mean is over the pairs scored."""
    # edges[x][z] = [sum of pair probabilities between groups x and z, pairs scored, the least of them]
    edges: dict[int, dict[int, list[float]]] = {i: {} for i in range(n)}
    heap = []
    threshold, veto = model.threshold, model.veto
    for i, j, p in zip(first, second, probs, strict=True):
        edges[i][j] = edges[j][i] = [p, 1.0, p]
        if p > threshold and p >= veto:
            heap.append((-p, i, j))
    heapq.heapify(heap)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue
        avg = edges[x][y][0] / edges[x][y][1]
        if abs(avg + neg) > 1e-12:  # stale entry: the groups changed since it was pushed
            continue
        members[x] += members.pop(y)
        ex, ey = edges[x], edges.pop(y)
        del ex[y], ey[x]
        for z, (s_yz, k_yz, low_yz) in ey.items():
            edge = ex.get(z)
            if edge is None:
                ex[z] = edges[z][x] = [s_yz, k_yz, low_yz]
            else:
                edge[0] += s_yz
                edge[1] += k_yz
                edge[2] = min(edge[2], low_yz)
            del edges[z][y]
        for z in ey:  # the mean to any other group is unchanged unless y had scored pairs with it
            edge = ex[z]
            avg = edge[0] / edge[1]
            if avg > threshold and edge[2] >= veto:
                heapq.heappush(heap, (-avg, min(x, z), max(x, z)))
    return members


def _link_all_pairs(n: int, first: Any, second: Any, probs: Any, model: QuantityModel) -> dict[int, list[int]]:
    """``_link_scored_pairs`` where every pair of the n claims was scored, with the edges as n×n arrays:
    the same merges in the same order, each sum the same float (y's row is added to x's element by
    element, as the edges are one by one there), in one numpy step per merge rather than one Python
    step per other group."""
    import numpy as np

    total = np.zeros((n, n))
    total[first, second] = total[second, first] = probs
    scored = np.ones((n, n))
    low = total.copy()
    alive = bytearray(b"\x01" * n)  # read once per pop: a bytearray reads faster than a numpy array
    threshold, veto = model.threshold, model.veto
    pick = np.flatnonzero((probs > threshold) & (probs >= veto))
    heap = list(zip((-probs[pick]).tolist(), first[pick].tolist(), second[pick].tolist(), strict=True))
    heapq.heapify(heap)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    merged = 0
    while heap:
        neg, x, y = heapq.heappop(heap)
        if not (alive[x] and alive[y]):
            continue
        if merged * 4 > len(members):
            # Drop the entries of groups merged away: they would only be popped and passed over, and
            # most of a block's entries end so; what remains pops in the same order.
            heap = [e for e in heap if alive[e[1]] and alive[e[2]]]
            heapq.heapify(heap)
            merged = 0
        avg = total[x, y] / scored[x, y]
        if abs(avg + neg) > 1e-12:  # stale entry: the groups changed since it was pushed
            continue
        members[x] += members.pop(y)
        alive[y] = 0
        merged += 1
        total[x] += total[y]
        total[:, x] = total[x]
        scored[x] += scored[y]
        scored[:, x] = scored[x]
        np.minimum(low[x], low[y], out=low[x])
        low[:, x] = low[x]
        others = np.flatnonzero(np.frombuffer(alive, dtype=np.uint8))
        others = others[others != x]
        means = total[x, others] / scored[x, others]
        ok = (means > threshold) & (low[x, others] >= veto)
        for z, mean in zip(others[ok].tolist(), means[ok].tolist(), strict=True):
            heapq.heappush(heap, (-mean, min(x, z), max(x, z)))
    return members
