"""Independence: who asserts a figure, and who only passes it on.

Five outlets relaying the Joint Chiefs of Staff's figure are one assertion,
not five confirmations. Everything here counts *primary sources*: the claim's
``source``, or its publisher when the publisher speaks in its own voice
(``source`` null). The outlets and people between them (``via``, then the
publisher) are the *relay*, shown under the source and never counted.

- ``group_by_source`` — each primary source with its claims and its relays
  (the distinct chains ``via... → publisher``).
- ``assertions`` — one primary source stating one figure for one period: the
  unit that a timeline plots as one mark and that an estimate counts once.
  Relays of it on other days are folded in (see ``assertions``).
- ``figures`` — each distinct figure of a series with the independent
  sources behind it and the relays under each.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile.originators import originator
from claimledger.reconcile.series import (
    Names,
    Series,
    claim_date,
    claim_span,
    has_period,
    primary_source,
    sort_claims,
)

# A figure as stated, without the hedge: "about 3,000" relayed as "3,000" by
# another outlet is the same assertion. Bound, range and vagueness stay, and
# the place it is counted in ("" for the whole): "3,000 in Kursk" is not a
# confirmation of "3,000".
FigureKey = tuple[float | None, float | None, float | None, str, bool, str]


def figure_key(claim: Claim) -> FigureKey:
    return (claim.value, claim.low, claim.high, claim.bound or "=", bool(claim.vague), claim.location or "")


def _number(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


BOUND_SIGNS = {"=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}


def format_figure(claim: Claim) -> str:
    """The figure for a person: "≈ 11,000", "> 10,000", "11,000–12,000", "+3,000" (an
    addition), or the vague words as written."""
    if claim.low is not None and claim.high is not None:
        body = f"{_number(claim.low)}–{_number(claim.high)}"
    elif claim.value is not None:
        body = _number(claim.value)
    else:
        return claim.text or "(vague)"
    sign = BOUND_SIGNS.get(claim.bound or "=", "")
    return f"{'+' if claim.incremental else ''}{sign}{'≈ ' if claim.approx else ''}{body}"


def relay_of(claim: Claim) -> tuple[str, ...]:
    """The relay from the source outwards: reversed ``via`` then the publisher.

    Empty when the publisher is itself the source (a wire in its own voice).
    """
    chain = [v for v in reversed(claim.via or []) if v]
    if claim.publisher and (chain or claim.publisher != primary_source(claim)):
        chain.append(claim.publisher)
    return tuple(chain)


def relay_text(claim: Claim, names: Names | None = None) -> str:
    """"KOR-JCS → AP → CALIBER-AZ" (ids, or names when ``names`` is given)."""
    label = names or (lambda x: x)
    return " → ".join(label(x) for x in (primary_source(claim), *relay_of(claim)))


@dataclass
class Relay:
    """One distinct way a source's figures reached the reader."""

    chain: tuple[str, ...]
    claims: list[Claim] = field(default_factory=list)

    @property
    def publisher(self) -> str | None:
        return self.chain[-1] if self.chain else None

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        """Entity ids in ``chain``, ``via`` and ``publisher``; with ``names``, ``chain_names`` for display."""
        data: dict[str, Any] = {
            "chain": list(self.chain),
            "via": list(reversed(self.chain[:-1])),  # nearest the publisher first, as in claims
            "publisher": self.publisher,
            "claims": [c.id for c in self.claims],
        }
        if names is not None:
            data["chain_names"] = [names(x) for x in self.chain]
        return data


def _relays(claims: Iterable[Claim]) -> list[Relay]:
    by_chain: dict[tuple[str, ...], Relay] = {}
    for c in claims:
        chain = relay_of(c)
        by_chain.setdefault(chain, Relay(chain)).claims.append(c)
    return list(by_chain.values())


@dataclass
class SourceGroup:
    """A primary source with every claim it asserts and the relays that carried them."""

    source: str
    name: str
    claims: list[Claim] = field(default_factory=list)
    relays: list[Relay] = field(default_factory=list)
    series: list[str] = field(default_factory=list)

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        return {
            "source": self.source,
            "name": self.name,
            "claims": [c.id for c in self.claims],
            "relays": [r.to_dict(names) for r in self.relays],
            "series": list(self.series),
        }


def group_by_source(
    claims: Iterable[Claim], series: Iterable[Series] = (), names: Names | None = None
) -> list[SourceGroup]:
    """Each primary source with its claims (time order) and relays; most claims first, ties by id.

    With ``series``, each group also lists the ids of the series its claims fall in.
    """
    claims = list(claims)
    names = names or Names(claims)
    series_of: dict[str, str] = {}
    for s in series:
        for c in s.claims:
            series_of[c.id] = s.id
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(primary_source(c), []).append(c)
    out = []
    for src, members in groups.items():
        members = sort_claims(members)
        ids = list(dict.fromkeys(series_of[c.id] for c in members if c.id in series_of))
        out.append(SourceGroup(src, names(src), members, _relays(members), ids))
    out.sort(key=lambda g: (-len(g.claims), g.source))
    return out


@dataclass
class Assertion:
    """One primary source stating one figure (for one stated period), with every relay of it."""

    source: str
    claims: list[Claim]

    @property
    def claim(self) -> Claim:
        """The first report of it: its figure and date stand for the assertion."""
        return self.claims[0]

    @property
    def first(self) -> date | None:
        return claim_date(self.claims[0])

    @property
    def last(self) -> date | None:
        return claim_date(self.claims[-1])

    @property
    def relays(self) -> list[Relay]:
        return _relays(self.claims)

    @property
    def approx(self) -> bool:
        return any(c.approx for c in self.claims)

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        c = self.claim
        return {
            "source": self.source,
            "source_name": names(self.source) if names else self.source,
            "figure": format_figure(c),
            "value": c.value, "low": c.low, "high": c.high, "bound": c.bound,
            "approx": self.approx, "vague": c.vague,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "period_start": c.period_start, "period_end": c.period_end,
            "location": c.location,
            "cumulative": c.cumulative, "incremental": c.incremental,
            "claims": [x.id for x in self.claims],
            "relays": [r.to_dict(names) for r in self.relays],
        }


def assertions(claims: Iterable[Claim]) -> list[Assertion]:
    """Fold the claims of one series into assertions, in time order of their first report.

    Claims are one assertion when they have the same primary source, the same
    figure (``figure_key``: value, range, bound, vagueness, location; not the
    hedge), the same cumulative and incremental flags, and:

    - with a stated period, the same period: a figure for January is one
      fact however many outlets relay it, whenever they do;
    - without one (dated as of publication), an unbroken run: the source says
      the same figure in report after report until it says another. So a
      figure relayed on three successive days is one mark at its first report,
      and a source that says 10,000, then 11,000, then 10,000 again makes three.
      Runs are per place: a figure for Kursk between two national figures
      does not break their run.
    """
    by_source: dict[tuple[Any, ...], list[Claim]] = {}
    for c in sort_claims(claims):
        key = (primary_source(c), bool(c.cumulative), bool(c.incremental), c.location or "")
        by_source.setdefault(key, []).append(c)
    out: list[Assertion] = []
    for (src, _cum, _inc, _loc), members in by_source.items():
        periods: dict[tuple[Any, ...], list[Claim]] = {}
        running: list[Claim] = []
        # Same-day claims of one source go figure by figure, so two figures
        # stated in one report do not break each other's runs.
        undated = [c for c in members if not has_period(c)]
        undated.sort(key=lambda c: (claim_date(c) or date.min, _sortable(figure_key(c))))
        for c in members:
            if has_period(c):
                periods.setdefault((figure_key(c), claim_span(c)), []).append(c)
        for c in undated:
            if running and figure_key(running[-1]) != figure_key(c):
                out.append(Assertion(src, running))
                running = []
            running.append(c)
        if running:
            out.append(Assertion(src, running))
        out.extend(Assertion(src, group) for group in periods.values())
    out.sort(key=lambda a: (a.first is None, a.first or date.min, a.source, _sortable(figure_key(a.claim))))
    return out


def _sortable(key: FigureKey) -> tuple[Any, ...]:
    return tuple((x is None, x if x is not None else 0) for x in key[:3]) + key[3:]


@dataclass
class FigureGroup:
    """One figure of a series and the independent sources behind it."""

    figure: str
    key: FigureKey
    incremental: bool  # "3,000 more" is not a confirmation of "3,000"
    sources: list[SourceGroup]

    @property
    def independent_sources(self) -> int:
        """Distinct originators among its sources: KOR-JCS and KOR-NIS stating one figure are one."""
        return len({originator(c) for g in self.sources for c in g.claims})

    @property
    def location(self) -> str | None:
        """The place the figure counts in (a part of the series), None for the whole."""
        return self.key[5] or None

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "location": self.location,
            "incremental": self.incremental,
            "independent_sources": self.independent_sources,
            "sources": [
                {"source": g.source, "name": g.name, "claims": [c.id for c in g.claims],
                 "relays": [r.to_dict(names) for r in g.relays]}
                for g in self.sources
            ],
        }


def figures(claims: Iterable[Claim], names: Names | None = None) -> list[FigureGroup]:
    """Each distinct figure (``figure_key``, additions apart) with its sources, most sources first.

    This is the confirmation count the issue asks for: how many primary
    sources, not how many reports, stand behind "11,000 troops".
    """
    claims = list(claims)
    names = names or Names(claims)
    by_figure: dict[tuple[FigureKey, bool], list[Claim]] = {}
    for c in sort_claims(claims):
        by_figure.setdefault((figure_key(c), bool(c.incremental)), []).append(c)
    out = [FigureGroup(format_figure(members[0]), key, incremental, group_by_source(members, names=names))
           for (key, incremental), members in by_figure.items()]
    out.sort(key=lambda f: (-f.independent_sources, _sortable(f.key)))
    return out
