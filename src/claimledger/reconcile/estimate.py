"""Estimate: the current low / best / high of a series across independent sources.

In the manner of UCDP's low/best/high: every independent primary source
contributes its *latest* figure (the assertion with the latest date, relays
counted once), and

- low  = the smallest of those figures (a range contributes its low end),
- high = the largest (a range contributes its high end),
- best = the median of the figures (a range counts as its midpoint); with
  one source, its figure; with an even count, the mean of the middle two.

Bounds are taken at their stated number: "more than 10,000" is 10,000 in
all three columns (a floor says nothing about how far above it the truth
lies, and inventing a margin would move the high). Hedges are ignored here:
"about 11,000" is 11,000. Incremental figures (additions, not totals) and
vague amounts do not enter. Each of low, best and high comes with the claims
that set it (every relay of the assertion), so the number can be traced.

The estimate is of the whole series: figures counted in one place ("3,000
in Kursk", a part, see ``series``) enter only when the series has no figure
for the whole and all its figures name one place (then that place is the
whole the figures speak of); parts of several places give no estimate, as
no one of them is the total.
"""
from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile.series import Series
from claimledger.reconcile.sources import Assertion, assertions


def figure_points(claim: Claim) -> tuple[float, float, float] | None:
    """(low end, point, high end) of a figure for the estimate, or None if it has no number."""
    if claim.vague:
        return None
    if claim.low is not None and claim.high is not None:
        lo, hi = float(min(claim.low, claim.high)), float(max(claim.low, claim.high))
        return lo, (lo + hi) / 2, hi
    if claim.value is not None:
        v = float(claim.value)
        return v, v, v
    return None


@dataclass
class Estimate:
    """Low / best / high of one series, as of the latest figure used."""

    series: str
    low: float
    best: float
    high: float
    as_of: date | None
    sources: list[str]
    low_claims: list[Claim] = field(default_factory=list)
    best_claims: list[Claim] = field(default_factory=list)
    high_claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def num(v: float) -> float | int:
            return int(v) if float(v).is_integer() else v

        return {
            "series": self.series,
            "low": num(self.low), "best": num(self.best), "high": num(self.high),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "independent_sources": len(self.sources),
            "sources": list(self.sources),
            "low_claims": [c.id for c in self.low_claims],
            "best_claims": [c.id for c in self.best_claims],
            "high_claims": [c.id for c in self.high_claims],
        }


def latest_by_source(claims: Iterable[Claim]) -> dict[str, Assertion]:
    """Each primary source's latest usable assertion (ties: the later first report wins)."""
    latest: dict[str, Assertion] = {}
    for a in assertions(claims):
        if a.claim.incremental or figure_points(a.claim) is None or a.last is None:
            continue
        seen = latest.get(a.source)
        if seen is None or (a.last, a.first or date.min) >= (seen.last or date.min, seen.first or date.min):
            latest[a.source] = a
    return latest


def whole_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that count the whole series: those with no place, else one place's, else none."""
    claims = list(claims)
    whole = [c for c in claims if not c.location]
    if whole:
        return whole
    return claims if len({c.location for c in claims}) == 1 else []


def estimate(series: Series) -> Estimate | None:
    """The series' current low / best / high; None when no source gives a usable figure for the whole."""
    latest = latest_by_source(whole_claims(series.claims))
    if not latest:
        return None
    pts: dict[str, tuple[float, float, float]] = {}
    for src, a in latest.items():
        p = figure_points(a.claim)
        if p is not None:  # always, by latest_by_source; the test narrows the type
            pts[src] = p
    low = min(p[0] for p in pts.values())
    high = max(p[2] for p in pts.values())
    mids = sorted(p[1] for p in pts.values())
    best = statistics.median(mids)
    if len(mids) % 2 == 0:
        middle = set(mids[len(mids) // 2 - 1: len(mids) // 2 + 1])
    else:
        middle = {best}

    def claims_where(test: Any) -> list[Claim]:
        return [c for src, a in latest.items() if test(pts[src]) for c in a.claims]

    return Estimate(
        series=series.id,
        low=low, best=best, high=high,
        as_of=max((a.last for a in latest.values() if a.last), default=None),
        sources=sorted(latest),
        low_claims=claims_where(lambda p: p[0] == low),
        best_claims=claims_where(lambda p: p[1] in middle),
        high_claims=claims_where(lambda p: p[2] == high),
    )

