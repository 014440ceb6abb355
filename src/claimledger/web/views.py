"""What the API and the pages read, computed by the functions the CLI uses.

- ``ClaimFilter`` and ``ClaimIndex``: the ledger's claims as the analysts read them (a review's
  corrections applied; a claim marked wrong still listed, flagged, as `claimledger claims` lists it),
  filtered by measure, category, item, actor, recipient, source, publisher, document, statement date,
  period and text, with facet counts. Entity filters match as the store's do: an entity id in any case,
  or any name the ledger wrote that entity as.
- ``Reconciled``: series, timelines, estimates, conflicts and sources, exactly as `claimledger series`,
  `timeline`, `conflicts` and `sources` make them (reviews applied), so the pages and the commands never
  disagree: the series, conflicts and sources as the JSON the ledger keeps for its state now
  (``cli_reconcile.outputs``, rebuilt and kept when the ledger changed), and what needs the objects (a
  timeline) built by ``cli_reconcile.load`` and ``claimledger.reconcile`` as the commands build them.
- ``claim_json``, ``document_view``: the JSON shapes both hand on.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from claimledger.cli import explain
from claimledger.cli_reconcile import LedgerData, load, outputs, pick_series, series_conflicts, stored_series
from claimledger.errors import ConfigError
from claimledger.models import CATEGORIES, MEASURES, Claim
from claimledger.reconcile import (
    Names,
    Series,
    Timeline,
    conflicts_of,
    estimate,
    find_series,
    format_figure,
    statement_date,
    timeline,
)
from claimledger.reconcile.estimate import Estimate
from claimledger.reconcile.review import Review, active, apply_to_claims
from claimledger.store import Store

ENTITY_ROLES = ("actor", "recipient", "source", "publisher")
FACETS = ("measure", "category", "actor", "source", "publisher")
FACET_SIZE = 30  # values listed per facet, most claims first


def _fold(text: str) -> str:
    """Case- and whitespace-insensitive, as the store compares names and searches text."""
    return " ".join(text.casefold().split())


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ClaimFilter:
    """What a reader asks of the claims; every field given must hold."""

    measure: str | None = None
    category: str | None = None
    item: str | None = None
    actor: str | None = None
    recipient: str | None = None
    source: str | None = None
    publisher: str | None = None
    doc: str | None = None
    q: str | None = None
    stated_from: date | None = None
    stated_to: date | None = None
    period_from: date | None = None
    period_to: date | None = None

    def __post_init__(self) -> None:
        for name in ("measure", "category", "item", "actor", "recipient", "source", "publisher", "doc", "q"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                object.__setattr__(self, name, None)  # an empty box in a form filters nothing
        for name, allowed in (("measure", MEASURES), ("category", CATEGORIES)):
            value = getattr(self, name)
            if value is not None and value.strip().lower() not in allowed:
                raise ConfigError(f"{name} {value!r} is not one of {', '.join(allowed)}")
        for what in ("stated", "period"):
            start, end = getattr(self, f"{what}_from"), getattr(self, f"{what}_to")
            if start and end and start > end:
                raise ConfigError(f"{what}_from {start} is after {what}_to {end}: give the earlier date first")

    def params(self, **change: Any) -> dict[str, str]:
        """The filter as query parameters (for links), with ``change`` applied; None drops a parameter."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(change)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


@dataclass
class ClaimIndex:
    """Every claim of the ledger with its reviews: corrections applied, wrong claims flagged."""

    claims: list[Claim]
    wrong: set[str]
    reviews_of: dict[str, list[Review]]
    names: Names

    @classmethod
    def read(cls, store: Store, doc: str | None = None) -> ClaimIndex:
        raw = store.claims(doc=doc)
        # As `cli_reconcile.load` does: a claim without its own date or publisher has its document's.
        leads = {d.id: d for d in store.document_leads(0)}
        raw = [replace(c, published=c.published or leads[c.doc].published,
                       publisher=c.publisher or leads[c.doc].publisher) if c.doc in leads else c for c in raw]
        reviews = active(Review(**r) for r in store.reviews())
        claims = apply_to_claims(raw, [r for r in reviews if r.action == "correct"])
        reviews_of: dict[str, list[Review]] = {}
        for r in reviews:
            named = [r.detail.get("a"), r.detail.get("b")] if r.action == "resolve" else r.claims
            for cid in dict.fromkeys(str(x) for x in named if x):
                reviews_of.setdefault(cid, []).append(r)
        return cls(claims, {r.target for r in reviews if r.action == "wrong"}, reviews_of, Names(claims))

    def select(self, f: ClaimFilter) -> list[Claim]:
        wanted = {role: self._entities(getattr(f, role)) for role in ENTITY_ROLES if getattr(f, role)}
        needle = _fold(f.q) if f.q else None
        out = []
        for c in self.claims:
            if f.doc is not None and c.doc != f.doc:
                continue
            if any(getattr(f, k) is not None and getattr(c, k) != getattr(f, k).strip().lower()
                   for k in ("measure", "category", "item")):
                continue
            if any(getattr(c, role) not in ids for role, ids in wanted.items()):
                continue
            if needle is not None and needle not in _fold(c.text) + "\n" + _fold(c.evidence):
                continue
            if (f.stated_from or f.stated_to) and not _within(statement_date(c), f.stated_from, f.stated_to):
                continue
            if (f.period_from or f.period_to) and not _overlaps(c, f.period_from, f.period_to):
                continue
            out.append(c)
        return out

    def _entities(self, wanted: str) -> set[str]:
        """The entity ids a reader's word names: an id in any case, or any name the ledger wrote one as."""
        key = _fold(wanted)
        ids = set()
        for c in self.claims:
            for role in ENTITY_ROLES:
                ent = getattr(c, role)
                if ent and (ent.lower() == wanted.strip().lower() or _fold(c.names.get(ent, "")) == key):
                    ids.add(ent)
        return ids

    def facets(self, claims: list[Claim]) -> dict[str, list[dict[str, Any]]]:
        """For each facet, its values among ``claims`` with their counts, most first."""
        out: dict[str, list[dict[str, Any]]] = {}
        for facet in FACETS:
            counts = Counter(getattr(c, facet) for c in claims if getattr(c, facet))
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
            out[facet] = [{"value": v, "label": v if facet in ("measure", "category") else self.names(v),
                           "count": n} for v, n in ranked]
        return out

    def state(self, claim_id: str) -> dict[str, Any]:
        """The reviews a claim has: wrong, the fields corrected, every action in force that names it."""
        actions = self.reviews_of.get(claim_id, [])
        corrected = sorted({k for r in actions if r.action == "correct" for k in r.detail.get("fields", {})})
        return {"wrong": claim_id in self.wrong, "corrected": corrected, "actions": [r.to_dict() for r in actions]}

    def to_json(self, c: Claim) -> dict[str, Any]:
        return claim_json(c, self.names, self.state(c.id))


def _within(day: date | None, start: date | None, end: date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _overlaps(c: Claim, start: date | None, end: date | None) -> bool:
    """Whether the period a claim counts meets [start, end]; a claim that counts no period never does."""
    first, last = _day(c.period_start), _day(c.period_end)
    lo, hi = first or last, last or first  # a period open at one end counts from (or to) its one date
    if lo is None or hi is None:
        return False
    return (start is None or hi >= start) and (end is None or lo <= end)


def claim_json(c: Claim, names: Names, state: dict[str, Any] | None = None) -> dict[str, Any]:
    """The claim record (spec/claims.md, as ``claims --json`` prints it) with what a reader needs next to
    it: the figure as written for people, the statement date, display names, each field's cue words, and
    its reviews."""
    stated = statement_date(c)
    return {
        **c.to_dict(),
        "figure": format_figure(c),
        "stated_date": stated.isoformat() if stated else None,
        **{f"{role}_name": names(getattr(c, role)) for role in ("actor", "recipient", "location", "source",
                                                                   "publisher")},
        "via_names": [names(v) for v in c.via or []],
        "explain": explain(c),
        "review": state or {"wrong": False, "corrected": [], "actions": []},
    }


# -- documents -------------------------------------------------------------------

def document_view(store: Store, doc_id: str, version: int | None = None) -> dict[str, Any]:
    """One document (its current version, or version N) with its claims, versions and aliases."""
    document = store.document(doc_id, version)
    versions = store.versions(document.id)
    current = versions[-1]["version"]
    shown = version or current
    index = ClaimIndex.read(store, doc=document.id)
    if shown == current:
        claims = index.claims
    else:
        claims = store.document_claims(document.id, shown)  # an earlier version's, as it had them
    return {
        "document": document.to_dict(),
        "version": shown,
        "current": shown == current,
        "versions": versions,
        "aliases": store.aliases(document.id).get(document.id, []),
        "claims": [claim_json(c, index.names, index.state(c.id) if shown == current else None) for c in claims],
    }


# -- reconciliation ----------------------------------------------------------------

class Reconciled:
    """The ledger's series, conflicts and sources, as the reconcile commands make them. The JSON of each
    (``series_rows``, ``conflict_rows``, ``source_rows``) is what the ledger keeps; the claims and the
    series as objects are read and built only when asked for (``data``, ``series``)."""

    def __init__(self, db: str):
        self.db = db

    @cached_property
    def data(self) -> LedgerData:
        return load(self.db, full=False)

    @cached_property
    def names(self) -> Names:
        return Names(self.data.claims)

    @cached_property
    def series(self) -> list[Series]:
        return self.data.series(self.names)

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.data.claims}

    @cached_property
    def series_rows(self) -> list[dict[str, Any]]:
        """Every series as `series --json` prints it, with its estimate."""
        return stored_series(self.db)

    def find_row(self, ref: str) -> dict[str, Any]:
        """One series' JSON, found as `find_series` finds it (NotFoundError when none or several)."""
        return pick_series(self.series_rows, ref)

    def conflict_rows(self, series: str | None = None, resolved: bool = False) -> list[dict[str, Any]]:
        """The conflicts as `conflicts --json` prints them: open ones (``resolved``: settled ones too), of
        one series (id or unique part) when given."""
        if series is not None:
            with series_conflicts(self.db, series, open_only=not resolved, everything=self.series_rows) as found:
                return [json.loads(b) for b in found[1]]
        with outputs(self.db, "conflict", open_only=not resolved) as found:
            return [json.loads(b) for b in found[1]]

    def source_rows(self) -> list[dict[str, Any]]:
        """Each primary source as `sources --json` prints it."""
        with outputs(self.db, "source") as found:
            return [json.loads(b) for b in found[1]]

    def conflicts(self, series: Series | None = None, resolved: bool = False) -> list[tuple[Any, Review | None]]:
        """`conflict_rows` as the pages show them: each conflict (its JSON fields, with its two claims as
        ``a`` and ``b``) and the review that settled it."""
        rows = self.conflict_rows(series.id if series is not None else None, resolved=resolved)
        return [(SimpleNamespace(**{**c, "a": self.claims[c["a"]], "b": self.claims[c["b"]]}),
                 Review(**c["resolved"]) if c["resolved"] else None) for c in rows]

    def sources(self) -> list[Any]:
        """`source_rows` as the sources page shows them: each group's JSON fields, with its claims."""
        return [SimpleNamespace(**{**g, "claims": [self.claims[c] for c in g["claims"]]}) for g in self.source_rows()]

    def find(self, ref: str) -> Series:
        return find_series(self.series, ref)

    def estimate(self, s: Series) -> Estimate | None:
        return estimate(s, parties=self.data.parties, names=self.names)

    def timeline(self, s: Series) -> Timeline:
        return timeline(s, self.names, self.data.parties, conflicts=conflicts_of(s, self.series, self.names))

    def series_of(self) -> dict[str, str]:
        """Which series each claim is in."""
        return {c.id: s.id for s in self.series for c in s.claims}
