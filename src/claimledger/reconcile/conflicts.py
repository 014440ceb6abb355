"""Conflicts: pairs of claims in one series whose figures cannot both hold.

Each figure is read as an interval of the values it allows (``figure_interval``):

- a plain figure is the point ``[v, v]``; a hedged one ("about", "some",
  "nearly") is widened by ``APPROX_TOLERANCE`` (10%) each side, the margin
  reporters use when they round (11,000 for 10,400 or 11,600);
- a range is ``[low, high]`` (widened too when hedged);
- "more than" / "at least" is ``[v, ∞)``, "up to" / "fewer than" ``[0, v]``.
  Bounds are closed: "more than 1 million" and "1 million" from two sources
  are one round figure said two ways, not a contradiction;
- vague amounts ("thousands") have no interval and never conflict.

Two figures conflict when their intervals do not intersect *and* they speak
of the same time. What "the same time" means depends on what is counted:

1. **Running totals** (both ``cumulative``) are compared at their as-of dates
   (period end, else publication date). On one date, totals counted from the
   same start (a stated "since X", else the beginning) must agree; a total
   from a later start ("673 since 18 March") is part of the whole toll and
   may not exceed it. Totals of different dates are not rivals, a toll
   grows; but a total that falls below an earlier total *from the same
   source* counted from the same or an earlier start is flagged
   (``cumulative_drop``). Across sources, a later lower total is left alone:
   sources count differently, and only a source's own drop is a
   contradiction in its own terms.
2. **Figures with no stated period** (not cumulative) are as of their
   publication date: figures on the same day must agree (``disagree``).
3. **Figures for stated periods** (not cumulative) must agree when the
   periods are equal; when one period lies inside the other, the part may
   not exceed the whole (``part_exceeds_whole``); periods that merely overlap
   allow any two counts, so are not compared.
4. A figure with a stated period is not compared with one without: "3,000 in
   January and February" is a flow, "10,000 troops" as of March a stock.
   Nor are cumulative and non-cumulative figures compared with each other.

Place works like time. A figure counted in one place ("3,000 in Kursk",
``location`` set) is a part of the series' figure with no place (the whole:
the series of a side is that side's quantity wherever it is, see
``series``): when the part's time lies within the whole's (or is the same
date), the part may not exceed the whole (``part_exceeds_whole``), but
may be any smaller number. Figures for two different places are not
compared; figures for one place follow rules 1-4.

Never compared: incremental figures (an addition is not a rival of a total),
vague figures, undated claims, and two claims of one source in one document
(a report recounting a source's earlier figure next to its latest is history,
not contradiction; the drop rule covers a source across reports).

Relays of one assertion would make a conflict many times over; conflicts are
reported once per pair of assertions (``sources.assertions``), naming the
first report of each and listing all the claims behind both.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile.series import Names, Series, claim_date, claim_span, has_period, primary_source
from claimledger.reconcile.sources import Assertion, assertions, format_figure

APPROX_TOLERANCE = 0.10


def figure_interval(claim: Claim, tolerance: float = APPROX_TOLERANCE) -> tuple[float, float] | None:
    """The values a figure allows, or None for a vague or empty figure (see the module docstring)."""
    if claim.vague:
        return None
    if claim.low is not None and claim.high is not None:
        lo, hi = float(min(claim.low, claim.high)), float(max(claim.low, claim.high))
    elif claim.value is not None:
        lo = hi = float(claim.value)
    else:
        return None
    if claim.approx:
        lo, hi = lo * (1 - tolerance), hi * (1 + tolerance)
    bound = claim.bound or "="
    if bound in (">", ">="):
        hi = math.inf
    elif bound in ("<", "<="):
        lo = 0.0
    return lo, hi


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


@dataclass
class Conflict:
    """Two claims of one series that cannot both hold (``a`` is the earlier)."""

    series: str
    a: Claim
    b: Claim
    kind: str  # disagree | part_exceeds_whole | cumulative_drop
    reason: str
    a_claims: list[Claim] = field(default_factory=list)
    b_claims: list[Claim] = field(default_factory=list)

    @property
    def a_source(self) -> str:
        return primary_source(self.a)

    @property
    def b_source(self) -> str:
        return primary_source(self.b)

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        """``a_source`` and ``b_source`` are entity ids; ``reason`` and ``*_name`` are for reading."""
        names = names or Names(self.a_claims + self.b_claims)
        return {
            "series": self.series,
            "a": self.a.id,
            "b": self.b.id,
            "kind": self.kind,
            "reason": self.reason,
            "a_source": self.a_source,
            "a_source_name": names(self.a_source),
            "b_source": self.b_source,
            "b_source_name": names(self.b_source),
            "a_claims": [c.id for c in self.a_claims],
            "b_claims": [c.id for c in self.b_claims],
        }


def _says(a: Assertion, names: Names) -> str:
    c = a.claim
    when = claim_date(c)
    period = f"{c.period_start or '…'}..{c.period_end or '…'}" if has_period(c) else f"as of {when}"
    where = f" in {names(c.location)}" if c.location else ""
    return f"{names(a.source)} says {format_figure(c)}{where} ({period})"


def _wider(part: Assertion, whole: Assertion) -> str:
    """How the whole is wider than the part: "for a longer period", "overall", or both."""
    longer = _time_relation(part, whole) != "same_date"
    overall = bool(part.claim.location) and not whole.claim.location
    if longer and overall:
        return "overall and for a longer period"
    return "overall" if overall else "for a longer period"


def _total_start(claim: Claim) -> date:
    """When a running total starts counting: its stated start, else the beginning (date.min).

    "50,000 killed" with no start is the whole toll; "673 killed since 18 March"
    is a total over a part of it, so the two are part and whole, not rivals.
    """
    start = claim_span(claim)[0] if claim.period_start else None
    return start or date.min


def _comparable(a: Assertion, b: Assertion) -> str | None:
    """Which rule applies to the pair, or None when the two do not speak of the same time and place.

    "same_date": both count the same thing, so must agree; "a_in_b" / "b_in_a": the first
    named counts a part (in time, place or both) of what the other counts.
    """
    when = _time_relation(a, b)
    la, lb = a.claim.location or None, b.claim.location or None
    if when is None or la == lb:
        return when
    if la is not None and lb is not None:
        return None  # two places: neither is part of the other
    # One figure is for a place, the other for the whole: a part, if its time is a part too.
    part_first = la is not None
    if when == "same_date" or when == ("a_in_b" if part_first else "b_in_a"):
        return "a_in_b" if part_first else "b_in_a"
    return None  # a longer time in one place against a shorter time everywhere


def _time_relation(a: Assertion, b: Assertion) -> str | None:
    """Rules 1-4 of the module docstring, on time alone."""
    ca, cb = a.claim, b.claim
    if ca.incremental or cb.incremental or bool(ca.cumulative) != bool(cb.cumulative):
        return None
    if a.source == b.source and {c.doc for c in a.claims} & {c.doc for c in b.claims}:
        return None
    if ca.cumulative:
        if claim_date(ca) != claim_date(cb):
            return None
        ta, tb = _total_start(ca), _total_start(cb)
        if ta == tb:
            return "same_date"
        return "b_in_a" if ta < tb else "a_in_b"
    if has_period(ca) != has_period(cb):
        return None
    sa, sb = claim_span(ca), claim_span(cb)
    if not has_period(ca):
        return "same_date" if sa[1] == sb[1] else None
    if sa == sb:
        return "same_date"
    assert sa[0] is not None and sa[1] is not None and sb[0] is not None and sb[1] is not None
    if sb[0] <= sa[0] and sa[1] <= sb[1]:
        return "a_in_b"
    if sa[0] <= sb[0] and sb[1] <= sa[1]:
        return "b_in_a"
    return None


def series_conflicts(series: Series, names: Names | None = None) -> list[Conflict]:
    """The conflicts inside one series, in time order of the later claim."""
    names = names or Names(series.claims)
    usable = [
        a for a in assertions(series.claims)
        if figure_interval(a.claim) is not None and claim_date(a.claim) is not None
    ]
    found: list[Conflict] = []
    for i, a in enumerate(usable):
        ia = figure_interval(a.claim)
        assert ia is not None
        for b in usable[i + 1:]:
            ib = figure_interval(b.claim)
            assert ib is not None
            rule = _comparable(a, b)
            if rule == "same_date" and _disjoint(ia, ib):
                found.append(_conflict(series, a, b, "disagree",
                                       f"{_says(a, names)}; {_says(b, names)}: both cannot hold", names))
            elif rule == "a_in_b" and ia[0] > ib[1]:
                found.append(_conflict(series, a, b, "part_exceeds_whole",
                                       f"{_says(a, names)}, more than {_says(b, names)} {_wider(a, b)}",
                                       names))
            elif rule == "b_in_a" and ib[0] > ia[1]:
                found.append(_conflict(series, b, a, "part_exceeds_whole",
                                       f"{_says(b, names)}, more than {_says(a, names)} {_wider(b, a)}",
                                       names))
    found.extend(_cumulative_drops(series, usable, names))
    found.sort(key=lambda c: (claim_date(c.b) or date.min, c.a.id, c.b.id))
    return found


def _cumulative_drops(series: Series, usable: list[Assertion], names: Names) -> list[Conflict]:
    """A source's running total below its own earlier total for the same place: one conflict per drop.

    Each later total is paired with the earlier total of the same source that
    it falls furthest below (the highest earlier floor), so a source that says
    300, 200, 100 yields two drops, not three.
    """
    out = []
    by_source: dict[tuple[str, str], list[tuple[date, tuple[float, float], Assertion]]] = {}
    for a in usable:
        when, interval = claim_date(a.claim), figure_interval(a.claim)
        if a.claim.cumulative and not a.claim.incremental and when is not None and interval is not None:
            by_source.setdefault((a.source, a.claim.location or ""), []).append((when, interval, a))
    for totals in by_source.values():
        totals.sort(key=lambda t: t[0])
        for when, (_lo, hi), later in totals:
            start = _total_start(later.claim)
            earlier = [t for t in totals if t[0] < when and start <= _total_start(t[2].claim)]
            if not earlier:
                continue
            _d, (floor, _h), worst = max(earlier, key=lambda t: t[1][0])
            if hi < floor:
                out.append(_conflict(
                    series, worst, later, "cumulative_drop",
                    f"{_says(later, names)}, below its own earlier total: {_says(worst, names)}", names))
    return out


def _conflict(series: Series, a: Assertion, b: Assertion, kind: str, reason: str, names: Names) -> Conflict:
    return Conflict(series.id, a.claim, b.claim, kind, reason, list(a.claims), list(b.claims))


def find_conflicts(series: Series | Iterable[Series], names: Names | None = None) -> list[Conflict]:
    """Conflicts across one series or many, series by series."""
    if isinstance(series, Series):
        return series_conflicts(series, names)
    out: list[Conflict] = []
    for s in series:
        out.extend(series_conflicts(s, names))
    return out
