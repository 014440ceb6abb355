"""Roles: what each claim of a series is to the quantity — the whole, a part of it, an addition, a
projection, an earlier stage — and the time it speaks for (spec/reconcile.md).

Conflicts and estimates read claims through these roles, never their raw
fields, so both agree on what a figure is:

- **Time.** A figure has two dates: the *statement* (``stated`` where the text
  dates it, else the publication date: the day the figure was current) and
  the *period counted*. A figure over a stated period of more than two days
  that is not a running total is a **flow** ("1,000 in the past week",
  "crossings in 2024"), compared only with flows of the same period. Every
  other figure — a running total, a toll, a one-day event's count, a figure
  with no period — is a **stock** compared at its statement date.
- **Parts** (``part``: why it is one, "" for the whole): an addition
  (``incremental``); a figure for a place below the whole's ("in Kursk" in a
  series that also has figures for no place, or for the place's country); a
  flow inside a running total or inside a longer period of the series; a
  sub-kind of the series' kind ("women" among "hostages"; money is exempt:
  "€480m ($500m)" is one amount in two currencies).
- **Projections** and **earlier stages** (the claim's own flags) are shown,
  never compared and never estimated.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from claimledger.models import Claim
from claimledger.reconcile.quantities import country_of
from claimledger.reconcile.series import Kinds, _default_kinds, _parse_date, claim_span

FLOW_MIN_DAYS = 2


def statement_date(claim: Claim) -> date | None:
    """When the figure was current: the date the text gives for the statement, else the publication date."""
    return _parse_date(claim.stated) or _parse_date(claim.published)


def flow_period(claim: Claim) -> tuple[date, date] | None:
    """The period of a flow (module docstring), None for a stock."""
    if claim.cumulative:
        return None
    start, end = _parse_date(claim.period_start), _parse_date(claim.period_end)
    if start is None or end is None or (end - start).days <= FLOW_MIN_DAYS:
        return None
    return start, end


@dataclass(frozen=True)
class Role:
    """A claim's role in its series."""

    part: str = ""  # why the claim counts a part of the quantity; "" when it counts the whole
    projection: bool = False
    earlier: bool = False

    @property
    def whole(self) -> bool:
        return not self.part

    @property
    def usable(self) -> bool:
        """Whether the figure may enter a conflict or an estimate as a current count."""
        return not (self.projection or self.earlier)


def roles(claims: Iterable[Claim], kinds: Kinds | None = None) -> dict[str, Role]:
    """Each claim's role, by claim id (module docstring)."""
    claims = list(claims)
    kinds = kinds or _default_kinds()
    unplaced = any(not c.location for c in claims)
    places = {c.location for c in claims if c.location}
    kind_of = {c.id: kinds.kind(c.item, c.category, c.measure) for c in claims}
    main_kind = Counter(kind_of[c.id] for c in claims if not c.incremental).most_common(1)
    main = main_kind[0][0] if main_kind else None
    stocks = any(flow_period(c) is None and not c.incremental for c in claims)
    spans = [claim_span(c) for c in claims if c.period_start and c.period_end]
    out = {}
    for c in claims:
        part = ""
        if c.incremental:
            part = "an addition to the total"
        elif c.location and (unplaced or any(p != c.location and p == country_of(c.location) for p in places)):
            part = f"in {c.location} only"
        elif (period := flow_period(c)) is not None and (stocks or _inside(period, spans)):
            part = f"for {period[0].isoformat()}..{period[1].isoformat()} only"
        elif c.category != "money" and main and kind_of[c.id] != main:
            part = f"{kind_of[c.id]} among the {main}"
        out[c.id] = Role(part=part, projection=bool(c.projection), earlier=bool(c.earlier))
    return out


def _inside(period: tuple[date, date], spans: list[tuple[date | None, date | None]]) -> bool:
    """Whether a longer stated period of the series holds this one."""
    return any(s is not None and e is not None and s <= period[0] and period[1] <= e and (s, e) != period
               for s, e in spans)
