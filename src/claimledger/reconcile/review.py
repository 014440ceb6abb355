"""Review: an analyst's corrections to the machine, kept in the ledger and applied on every read.

Each action is a row of the ledger's ``reviews`` table (store.Store.add_review),
with who took it and when; nothing is ever overwritten or deleted, an ``undo``
is an action too. Actions name claims, never series ids: a series id is made
from its claims and may change as reports arrive, while a claim's id (its
document and its span) is fixed, so a review survives re-ingest and new
reports.

- ``wrong``   CLAIM — the claim is not a figure of the world (or hopelessly
  wrong): left out of series, conflicts and estimates; still listed by
  ``claims``.
- ``correct`` CLAIM with ``fields`` — the claim's fields as the analyst reads
  them (measure, actor, value...): applied before grouping.
- ``merge``   — the series holding any of ``claims`` (every claim of the
  series merged, so the merge holds while any of them remains) are one
  quantity.
- ``split``   — ``claims`` leave their series and form a series of their own.
- ``resolve`` — the conflict between the claims ``a`` and ``b`` is settled
  (``note`` says how): listed as resolved, no longer as open.
- ``undo``    ACTION-ID — the action no longer applies.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from claimledger.errors import ConfigError
from claimledger.models import BOUNDS, CATEGORIES, MEASURES, Claim
from claimledger.reconcile.conflicts import Conflict
from claimledger.reconcile.series import Series, sort_claims

ACTIONS = ("wrong", "correct", "merge", "split", "resolve", "undo")
# Fields an analyst may correct, and how a typed value is read.
_NUMBERS = ("value", "low", "high")
_FLAGS = ("approx", "vague", "cumulative", "incremental", "earlier", "projection")
_TEXTS = ("item", "category", "measure", "actor", "recipient", "location", "period_start", "period_end",
          "source", "publisher", "stated", "bound")
CORRECTABLE = _NUMBERS + _FLAGS + _TEXTS + ("via",)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Review:
    """One review action (module docstring)."""

    id: str
    action: str
    target: str  # the claim (or the first claim) the action is about; for undo, the action id
    detail: dict[str, Any] = field(default_factory=dict)
    who: str = ""
    at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action, "target": self.target, "detail": self.detail,
                "who": self.who, "at": self.at}

    @property
    def claims(self) -> list[str]:
        return [str(c) for c in self.detail.get("claims", [self.target])]


def parse_fields(pairs: Iterable[str]) -> dict[str, Any]:
    """``field=value`` words into corrected fields, each checked against the claim record."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or name not in CORRECTABLE:
            raise ConfigError(f"{pair!r}: write FIELD=VALUE with FIELD one of {', '.join(CORRECTABLE)}")
        raw = raw.strip()
        value: Any
        if raw.lower() in ("", "null", "none"):
            value = [] if name == "via" else None
        elif name in _NUMBERS:
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                raise ConfigError(f"{pair!r}: {name} must be a number") from None
            if not math.isfinite(value) or value < 0:
                raise ConfigError(f"{pair!r}: {name} must be a finite number, 0 or more")
        elif name in _FLAGS:
            if raw.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ConfigError(f"{pair!r}: {name} is true or false")
            value = raw.lower() in ("true", "yes", "1")
        elif name == "via":
            value = [v.strip() for v in raw.split(",") if v.strip()]
        elif name in ("period_start", "period_end", "stated") and not _ISO_DATE.fullmatch(raw):
            raise ConfigError(f"{pair!r}: {name} is a date, YYYY-MM-DD")
        else:
            value = raw
        allowed = {"measure": MEASURES, "category": CATEGORIES, "bound": BOUNDS}.get(name)
        if allowed and value not in allowed:
            raise ConfigError(f"{pair!r}: {name} is one of {', '.join(allowed)}")
        out[name] = value
    if not out:
        raise ConfigError("say which fields to correct, as FIELD=VALUE")
    return out


def active(reviews: Iterable[Review]) -> list[Review]:
    """The actions still in force, in the order they were taken (undone ones and undos left out)."""
    reviews = sorted(reviews, key=lambda r: (r.at, r.id))
    # Newest first: an undo in force cancels the (earlier) action it names, which may be an undo too.
    cancelled: set[str] = set()
    for r in reversed(reviews):
        if r.action == "undo" and r.id not in cancelled:
            cancelled.add(r.target)
    return [r for r in reviews if r.action != "undo" and r.id not in cancelled]


def apply_to_claims(claims: Iterable[Claim], reviews: Iterable[Review]) -> list[Claim]:
    """The claims as the analysts read them: wrong ones left out, corrections applied."""
    reviews = active(reviews)
    wrong = {r.target for r in reviews if r.action == "wrong"}
    corrections: dict[str, dict[str, Any]] = {}
    for r in reviews:
        if r.action == "correct":
            corrections.setdefault(r.target, {}).update(r.detail.get("fields", {}))
    known = {f.name for f in fields(Claim)}
    out = []
    for c in claims:
        if c.id in wrong:
            continue
        fix = corrections.get(c.id)
        if fix:
            c = replace(c, **{k: v for k, v in fix.items() if k in known},
                        cues={**c.cues, **{k: "corrected by review" for k in fix}})
        out.append(c)
    return out


def apply_to_series(series: list[Series], reviews: Iterable[Review]) -> list[Series]:
    """Series merged and split as the analysts said, in the order they said it."""
    series = [replace(s, claims=list(s.claims)) for s in series]
    for r in active(reviews):
        if r.action not in ("merge", "split"):
            continue
        holding = {c.id: s for s in series for c in s.claims}
        wanted = list({id(s): s for s in (holding[c] for c in r.claims if c in holding)}.values())
        if r.action == "merge":
            groups = wanted
            if len(groups) < 2:
                continue
            into = groups[0]
            into.claims = sort_claims([c for s in groups for c in s.claims])
            series = [s for s in series if not any(s is g for g in groups[1:])]
        else:
            moving = [c for s in wanted for c in s.claims if c.id in set(r.claims)]
            if not moving or all(c.id in set(r.claims) for s in wanted for c in s.claims):
                continue  # nothing to move, or the whole series: it would only change its name
            for s in wanted:
                s.claims = [c for c in s.claims if c.id not in set(r.claims)]
            base = wanted[0]
            taken = {s.id for s in series}
            n = 1
            while f"{base.id}-split-{n}" in taken:
                n += 1
            series.append(Series(id=f"{base.id}-split-{n}", key=base.key, name=f"{base.name} (split)",
                                 claims=sort_claims(moving)))
            series = [s for s in series if s.claims]
    series.sort(key=lambda s: (-len(s.claims), s.id))
    return series


def resolution(conflict: Conflict, reviews: Iterable[Review]) -> Review | None:
    """The review that settled a conflict, if any: one naming a claim on each side of it."""
    a = {c.id for c in conflict.a_claims} | {conflict.a.id}
    b = {c.id for c in conflict.b_claims} | {conflict.b.id}
    for r in active(reviews):
        if r.action == "resolve":
            x, y = r.detail.get("a"), r.detail.get("b")
            if (x in a and y in b) or (x in b and y in a):
                return r
    return None


def encode(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True)
