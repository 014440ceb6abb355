"""Timeline: one series in time order, every point a claim with its provenance.

Each point carries the figure (value, range or bound, hedge), its two dates
(``stated``: when the figure was current, the date the text gives for the
statement or else the publication date; and the period counted, if any), the
date it is placed at (a flow at its period's end, anything else at its
statement date), its role in the quantity (the whole, or a part and why;
a projection; an earlier stage: reconcile/roles.py), whether it is
cumulative or incremental, the primary source and its independent
originator (flagged when a party to the fighting), the relay chain and the
publisher, the evidence sentence and the claim id (``claimledger show ID``
opens it).

In JSON, fields that identify an entity (``source``, ``via``, ``publisher``,
``relay``, ``relay_chain``, the series' ``actor`` and ``recipient``) carry
entity ids, stable and machine-readable; the readable names are in display
fields next to them (``source_name``, ``publisher_name``, ``relay_names``,
the series ``name``), which change when the gazetteer does.

Next to the points the timeline carries what the points alone hide: the
assertions (one per source and figure, relays folded in; what a plot marks),
the figures with the independent sources behind each, the conflicts, and the
current low / best / high estimate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile.conflicts import Conflict, series_conflicts
from claimledger.reconcile.estimate import Estimate, estimate, party_originators
from claimledger.reconcile.originators import Parties, originator
from claimledger.reconcile.plot import mark_date
from claimledger.reconcile.roles import Role, roles, statement_date
from claimledger.reconcile.series import Names, Series, primary_source
from claimledger.reconcile.sources import (
    Assertion,
    FigureGroup,
    assertions,
    figure_key,
    figures,
    format_figure,
    relay_of,
    relay_text,
)


@dataclass
class TimelinePoint:
    """One claim on a timeline."""

    claim: Claim
    source: str
    source_name: str
    relay: str  # "KOR-JCS → AP → CALIBER-AZ": entity ids, source first
    relay_names: str  # the same chain for a reader: "South Korean Joint Chiefs of Staff → ... → Caliber.Az"
    independent_sources: int  # primary sources in the series stating this same figure
    publisher_name: str = ""
    location_name: str = ""
    originator: str = ""
    originator_name: str = ""
    party: bool = False
    role: Role = field(default_factory=Role)
    superseded: bool = False  # its originator stated the same quantity again later

    @property
    def date(self) -> str | None:
        d = mark_date(self.claim)
        return d.isoformat() if d else None

    @property
    def stated(self) -> str | None:
        d = statement_date(self.claim)
        return d.isoformat() if d else None

    @property
    def as_of(self) -> bool:
        """True when the point sits at its statement date (a stock), False at its period's end (a flow)."""
        return self.date == self.stated

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        numbers = c.to_dict()  # integers stay integers in JSON
        return {
            "claim": c.id,
            "date": self.date,
            "as_of": self.as_of,
            "stated": self.stated,
            "stated_in_text": c.stated is not None,
            "period_start": c.period_start,
            "period_end": c.period_end,
            "published": c.published,
            "figure": format_figure(c),
            "text": c.text,
            "value": numbers["value"], "low": numbers["low"], "high": numbers["high"],
            "bound": c.bound, "approx": c.approx, "vague": c.vague,
            "item": c.item,
            "location": c.location,  # a place: the figure is a part of the series' whole
            "location_name": self.location_name,
            "cumulative": c.cumulative,
            "incremental": c.incremental,
            "source": self.source,
            "source_name": self.source_name,
            "via": list(c.via or []),
            "publisher": c.publisher,
            "publisher_name": self.publisher_name,
            "relay": self.relay,
            "relay_chain": list(relay_of(c)),
            "relay_names": self.relay_names,
            "independent_sources": self.independent_sources,
            "originator": self.originator,
            "originator_name": self.originator_name,
            "party": self.party,
            "part": self.role.label or None,
            "projection": self.role.projection,
            "earlier": self.role.earlier,
            "superseded": self.superseded,
            "doc": c.doc,
            "evidence": c.evidence,
        }


@dataclass
class Timeline:
    series: Series
    points: list[TimelinePoint]
    assertions: list[Assertion]
    figures: list[FigureGroup]
    conflicts: list[Conflict] = field(default_factory=list)
    estimate: Estimate | None = None
    names: Names | None = None

    def to_dict(self) -> dict[str, Any]:
        s = self.series
        return {
            "series": {
                "id": s.id, "name": s.name, "measure": s.measure, "kind": s.kind, "category": s.category,
                "actor": s.actor, "recipient": s.recipient, "location": s.location,
                "locations": s.locations,
                "independent_sources": s.independent_sources,
            },
            "points": [p.to_dict() for p in self.points],
            "assertions": [a.to_dict(self.names) for a in self.assertions],
            "figures": [f.to_dict(self.names) for f in self.figures],
            "conflicts": [c.to_dict(self.names) for c in self.conflicts],
            "estimate": self.estimate.to_dict() if self.estimate else None,
        }


def _superseded(claim: Claim, role: Role, latest: dict[tuple[str, str], date]) -> bool:
    """A figure its originator replaced by a later statement about the same quantity (and part)."""
    when = statement_date(claim)
    return when is not None and when < latest.get((originator(claim), role.label), date.min)


def timeline(series: Series, names: Names | None = None, parties: Parties | None = None,
             conflicts: list[Conflict] | None = None) -> Timeline:
    """The series in time order with its assertions, figures, conflicts and estimate.

    ``parties``: who fights whom in the whole ledger (originators.Parties), to flag parties.
    ``conflicts``: the series' conflicts found across the whole ledger (some cross two series: killed
    against killed-or-wounded); without them, those inside the series.
    """
    names = names or Names(series.claims)
    est = estimate(series, parties=parties, names=names)
    party = party_originators(series, parties)
    role = roles(series.claims)
    latest: dict[tuple[str, str], date] = {}  # (originator, part) -> its latest statement date
    for c in series.claims:
        when = statement_date(c)
        key = (originator(c), role[c.id].label)
        if when is not None and role[c.id].usable and when > latest.get(key, date.min):
            latest[key] = when
    figs = figures(series.claims, names)
    count = {(f.key, f.incremental): f.independent_sources for f in figs}
    points = [
        TimelinePoint(
            claim=c,
            source=primary_source(c),
            source_name=names(primary_source(c)),
            relay=relay_text(c),
            relay_names=relay_text(c, names),
            independent_sources=count[figure_key(c), bool(c.incremental)],
            publisher_name=names(c.publisher),
            location_name=names(c.location),
            originator=originator(c),
            originator_name=names(originator(c)),
            party=originator(c) in party,
            role=role[c.id],
            superseded=_superseded(c, role[c.id], latest),
        )
        for c in sorted(series.claims, key=lambda c: (mark_date(c) or date.min, c.doc, c.start))
    ]
    return Timeline(
        series=series,
        points=points,
        assertions=assertions(series.claims),
        figures=figs,
        conflicts=conflicts if conflicts is not None else series_conflicts(series, names),
        estimate=est,
        names=names,
    )
