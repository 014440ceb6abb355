"""Estimate: the current low / best / high of a quantity, in the manner of UCDP GED and ACLED.

spec/reconcile.md, "Estimates", step by step:

1. Each independent originator (reconcile/originators.py) contributes only its
   latest figure for the whole quantity; for a running total, figures stated
   more than ``history_days`` before the newest one are history, not evidence
   of the current value.
2. Left out: projections, earlier stages, additions and other parts
   (reconcile/roles.py), and flows of other periods than the one estimated
   (the latest period with figures, when the quantity is a flow).
3. Bounds count only on their side: "more than X" is a floor (it may raise
   ``low``, never set ``high`` above its value), "up to X" a cap (it may set
   ``high``, never ``low``).
4. Vague amounts are floors (``data/estimates.yaml``: "dozens" at least 24,
   "thousands" at least 2,000) and never set ``best`` while a number exists.
5. ``low`` is the lowest number or range end (a floor only raises it: it is
   never below the highest floor of an originator that is not a party to the
   fighting, and with only floors it is the highest); ``high`` the highest
   finite upper end (a floor at its value); ``best`` the median of the
   central values (a number, a range's midpoint) of non-party originators,
   else of all, within [low, high]; with only floors, the highest floor.
   ``as_of`` is the newest statement date used, never later.
6. The estimate lists its originators, flags the parties among them, says
   why each bound is what it is, and notes when it rests on one originator
   or on parties alone. Figures whose central values span more than
   ``outlier_ratio`` are not one count (120 guns beside 8 million rounds): no
   numbers, and ``refused`` says why.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from claimledger.models import Claim
from claimledger.reconcile.originators import Originators, Parties, default_originators
from claimledger.reconcile.roles import Role, flow_period, money_unit, roles, statement_date, statement_order
from claimledger.reconcile.series import Names, Series
from claimledger.reconcile.sources import format_figure


@dataclass(frozen=True)
class Rules:
    vague_floors: dict[str, float]
    history_days: int
    outlier_ratio: float

    def floor_of(self, text: str) -> float | None:
        """The least a vague amount can mean, from its words; None when no known words are in it."""
        words = (text or "").lower()
        for phrase in sorted(self.vague_floors, key=len, reverse=True):
            if re.search(rf"\b{re.escape(phrase)}\b", words):
                return self.vague_floors[phrase]
        return None


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    data = yaml.safe_load(resources.files("claimledger").joinpath("data/estimates.yaml").read_text(encoding="utf-8"))
    return Rules({str(k): float(v) for k, v in data["vague_floors"].items()}, int(data["history_days"]),
                 float(data["outlier_ratio"]))


@dataclass
class Figure:
    """One originator's latest figure, read for the estimate."""

    originator: str
    claim: Claim
    lower: float | None  # its lower end; None for a cap
    upper: float | None  # its upper end; a floor counts at its value
    central: float | None  # a number or a range's midpoint; None for a bound or a vague amount
    floor: bool
    party: bool
    when: date | None


def read_figure(c: Claim, originator: str, party: bool, rules: Rules) -> Figure | None:
    bound = c.bound or "="
    when = statement_date(c)
    if c.vague:
        v = c.value if c.value is not None else rules.floor_of(c.text)
        return None if v is None else Figure(originator, c, float(v), float(v), None, True, party, when)
    if c.low is not None and c.high is not None:
        lo, hi = float(min(c.low, c.high)), float(max(c.low, c.high))
        central: float | None = (lo + hi) / 2
    elif c.value is not None:
        lo = hi = float(c.value)
        central = lo
    else:
        return None
    if bound in (">", ">="):
        return Figure(originator, c, lo, lo, None, True, party, when)
    if bound in ("<", "<="):
        return Figure(originator, c, None, hi, None, False, party, when)
    return Figure(originator, c, lo, hi, central, False, party, when)


@dataclass
class Estimate:
    """Low / best / high of one quantity, as of the newest statement used, with the reason for each."""

    series: str
    low: float | None
    best: float | None
    high: float | None
    as_of: date | None
    sources: list[str]  # the originators whose figures were used
    parties: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    refused: str | None = None
    low_claims: list[Claim] = field(default_factory=list)
    best_claims: list[Claim] = field(default_factory=list)
    high_claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def num(v: float | None) -> float | int | None:
            return None if v is None else int(v) if float(v).is_integer() else v

        return {
            "series": self.series,
            "low": num(self.low), "best": num(self.best), "high": num(self.high),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "independent_sources": len(self.sources),
            "sources": list(self.sources),
            "parties": list(self.parties),
            "reasons": dict(self.reasons),
            "notes": list(self.notes),
            "refused": self.refused,
            "low_claims": [c.id for c in self.low_claims],
            "best_claims": [c.id for c in self.best_claims],
            "high_claims": [c.id for c in self.high_claims],
            "figures": [{"originator": f.originator, "claim": f.claim.id, "figure": format_figure(f.claim),
                         "as_of": f.when.isoformat() if f.when else None, "party": f.party} for f in self.figures],
        }


def _says(f: Figure, names: Names) -> str:
    return f"{names(f.originator)}'s {format_figure(f.claim)} ({f.when})"


def estimate(series: Series, parties: Parties | None = None, originators: Originators | None = None,
             names: Names | None = None, rules: Rules | None = None,
             role: dict[str, Role] | None = None) -> Estimate | None:
    """The quantity's current low / best / high (module docstring); None when no figure can be used.

    ``parties``: who fights whom in the whole ledger (originators.Parties); without it no originator is
    flagged as a party. ``role``: the claims' ``roles`` where the caller has them already.
    """
    origin = originators or default_originators()
    rules = rules or default_rules()
    names = names or Names(series.claims)
    role = role if role is not None else roles(series.claims)
    usable = [c for c in series.claims if role[c.id].whole and role[c.id].usable and statement_date(c)]
    flows = [c for c in usable if flow_period(c) is not None]
    if flows and len(flows) == len(usable):  # a flow: the latest period with figures
        period = max((flow_period(c) for c in flows), key=lambda p: (p[1], p[0]) if p else (date.min, date.min))
        usable = [c for c in flows if flow_period(c) == period]
    elif flows:
        usable = [c for c in usable if flow_period(c) is None]
    units = Counter(money_unit(c) for c in usable)
    unit = max(units, key=lambda u: (units[u], u)) if units else ""
    usable = [c for c in usable if money_unit(c) == unit]  # one currency: amounts are never mixed
    fighting = parties.fighting([series.actor, series.recipient]) if parties else set()
    latest: dict[str, Figure] = {}
    for c in sorted(usable, key=lambda c: (*statement_order(c), c.published or "", c.doc, c.start)):
        who = origin(c)
        fig = read_figure(c, who, _is_party(who, origin, fighting), rules)
        if fig is not None:
            latest[who] = fig  # sorted by time: the last one seen is the latest
    if not latest:
        return None
    newest = max((f.when for f in latest.values() if f.when), default=None)
    figs = list(latest.values())
    if newest is not None and flow_period(figs[0].claim) is None:
        cutoff = newest - timedelta(days=rules.history_days)
        figs = [f for f in figs if f.when is None or f.when >= cutoff]
    figs.sort(key=lambda f: (f.originator, f.claim.id))
    est = Estimate(series=series.id, low=None, best=None, high=None, as_of=newest,
                   sources=[f.originator for f in figs], parties=[f.originator for f in figs if f.party],
                   figures=figs)
    centrals = [f.central for f in figs if f.central is not None and f.central > 0]
    if centrals and max(centrals) / min(centrals) > rules.outlier_ratio:
        est.refused = (f"the figures differ more than {rules.outlier_ratio:g}-fold ({min(centrals):,.0f} to "
                       f"{max(centrals):,.0f}): they count different things or one is an outlier; check the series")
        return est
    _bounds(est, figs, names)
    if len(units) > 1:
        est.notes.append(f"in {unit}, the currency most of its figures use; the others are left out")
    if len(figs) == 1:
        est.notes.append(f"rests on one originator, {names(figs[0].originator)}")
    if figs and all(f.party for f in figs):
        est.notes.append("rests on parties to the fighting alone")
    return est


def party_originators(series: Series, parties: Parties | None, originators: Originators | None = None) -> set[str]:
    """The originators among the series' claims that are parties to the fighting its sides are in."""
    if parties is None:
        return set()
    origin = originators or default_originators()
    fighting = parties.fighting([series.actor, series.recipient])
    return {who for c in series.claims if _is_party(who := origin(c), origin, fighting)}


def _is_party(who: str, origin: Originators, fighting: set[str]) -> bool:
    country = origin.country(who)
    return country is not None and country in fighting


def _bounds(est: Estimate, figs: list[Figure], names: Names) -> None:
    lowers = [f for f in figs if f.lower is not None]
    uppers = [f for f in figs if f.upper is not None]
    neutral_floors = [f for f in figs if f.floor and not f.party]

    def claims_of(pick: Callable[[Figure], bool]) -> list[Claim]:
        return [f.claim for f in figs if pick(f)]

    # A floor only ever raises the low: the low is the lowest number or range given, and floors count
    # only when nothing else gives a lower end ("more than 1,000" beside "15,000" says nothing about
    # how low the count may be).
    numbers = [f for f in lowers if not f.floor]
    if numbers:
        low_fig = min(numbers, key=lambda f: f.lower or 0.0)
        est.low = low_fig.lower
        est.reasons["low"] = f"the lowest figure, {_says(low_fig, names)}"
    elif lowers:
        low_fig = max(lowers, key=lambda f: f.lower or 0.0)
        est.low = low_fig.lower
        est.reasons["low"] = f"only floors: the highest, {_says(low_fig, names)}"
    if lowers:
        if neutral_floors:
            top = max(neutral_floors, key=lambda f: f.lower or 0.0)
            if top.lower is not None and est.low is not None and top.lower > est.low:
                est.low = top.lower
                est.reasons["low"] = f"raised to the floor of a non-party, {_says(top, names)}"
        est.low_claims = claims_of(lambda f: f.lower == est.low)
    if uppers:
        high_fig = max(uppers, key=lambda f: f.upper or 0.0)
        est.high = high_fig.upper
        what = ("a floor, at its value" if high_fig.floor else "a cap" if high_fig.lower is None
                else "the highest figure")
        est.reasons["high"] = f"{what}: {_says(high_fig, names)}"
        est.high_claims = claims_of(lambda f: f.upper == est.high)
    pool = [f for f in figs if f.central is not None and not f.party] or [f for f in figs if f.central is not None]
    if pool:
        mids = sorted(f.central for f in pool if f.central is not None)
        best = statistics.median(mids)
        who = "non-party originators" if not pool[0].party else "originators, all of them parties"
        est.reasons["best"] = f"the median of {len(mids)} figure{'s' if len(mids) != 1 else ''} of {who}"
        middle = set(mids[(len(mids) - 1) // 2: len(mids) // 2 + 1])
        est.best_claims = [f.claim for f in pool if f.central in middle]
    elif any(f.floor for f in figs):
        top = max((f for f in figs if f.floor), key=lambda f: f.lower or 0.0)
        best = top.lower or 0.0
        est.reasons["best"] = f"only floors: the highest, {_says(top, names)}"
        est.best_claims = [top.claim]
    else:
        return
    if est.low is not None and best < est.low:
        best, est.reasons["best"] = est.low, est.reasons["best"] + ", raised to the low"
    if est.high is not None and best > est.high:
        best, est.reasons["best"] = est.high, est.reasons["best"] + ", lowered to the high"
    est.best = best
