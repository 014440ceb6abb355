"""Series: the claims of a ledger that speak of one quantity (spec/reconcile.md).

``build_series`` groups claims in two steps (reconcile/quantities.py):

- **blocks**, by measure, kind and sides: ``measure`` as extracted (killed,
  wounded and killed_or_wounded stay apart); the kind of thing counted, from
  the item lemma and the category through ``data/kinds.yaml`` (troops,
  soldiers, personnel and forces are one kind; missiles and shells are not;
  money is one kind, since a conversion restates one amount; people hurt,
  held or freed are one kind, their sub-groups being parts); ``actor`` and
  ``recipient`` as extracted;
- **events** inside a block, by the shipped quantity model: two floods, two
  nights of drones, two aid packages become two series; a side's running
  total restated over time stays one, with its parts (a place, a period, a
  sub-group: reconcile/roles.py) inside it.

A series' key (``SeriesKey``) is its block, the kind most of its claims name,
the place most of its claims give when no side is named, and the ``scope``
of a one-off event or flow (its earliest day, month or year). The id is a
readable slug of the key ("prk-rus-troops-deployed",
"people-killed-in-valencia-2024-10-29"), with "-2", "-3" for other events of
the same key in a stable order; ids can change as reports arrive, so reviews
(reconcile/review.py) name claims, not series. The name spells the countries
out ("North Korea → Russia · troops deployed").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from claimledger.errors import ClaimLedgerError, ConfigError, NotFoundError
from claimledger.models import Claim, Document

# A state body's id starts with its country's code: KOR-NIS, USA-DOD (and the country itself: KOR).
STATE_ID = re.compile(r"^([A-Z]{3})(?:-[A-Z0-9-]+)?$")

# Measures that count people hurt or held: on personnel or people claims they
# read the casualty table, so "soldiers killed" is a count of people.
CASUALTY_MEASURES = frozenset({"killed", "wounded", "killed_or_wounded", "captured", "missing", "released"})

# Fallback names for the countries the ledger meets most; the gazetteer (when
# installed) and the names as written in the claims come after this list only
# because "Pyongyang" or "North Korea's" read worse in a series name.
COUNTRY_NAMES = {
    "PRK": "North Korea", "KOR": "South Korea", "RUS": "Russia", "UKR": "Ukraine", "USA": "United States",
    "CHN": "China", "JPN": "Japan", "GBR": "United Kingdom", "DEU": "Germany", "FRA": "France",
    "ISR": "Israel", "PSE": "Palestine", "IRN": "Iran", "SYR": "Syria", "LBN": "Lebanon", "YEM": "Yemen",
    "SDN": "Sudan", "COD": "DR Congo", "MMR": "Myanmar", "BLR": "Belarus", "POL": "Poland", "TUR": "Turkey",
    "IND": "India", "PAK": "Pakistan", "ESP": "Spain", "ITA": "Italy", "CAN": "Canada", "AUS": "Australia",
    "EU": "European Union", "UN": "United Nations", "NATO": "NATO",
}


class Kinds:
    """Item lemma → kind of thing, per category (data/kinds.yaml plus the user's file)."""

    def __init__(self, tables: dict[str, dict[str, str]]):
        self.tables = tables

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Kinds:
        """The packaged table, with the entries of ``extra`` (same YAML shape) on top."""
        tables = {k: dict(v) for k, v in _packaged_tables().items()}
        if extra is not None:
            text = Path(extra).read_text(encoding="utf-8")
            for category, entries in _read_tables(text, str(extra)).items():
                tables.setdefault(category, {}).update(entries)
        return cls(tables)

    def kind(self, item: str | None, category: str | None, measure: str | None = None) -> str:
        """The kind of thing a claim counts; see the module docstring for the lookup order."""
        listed = self.listed(item, category, measure)
        if listed is not None:
            return listed
        table = self.tables.get(self._table_name(category, measure), {})
        if "default" in table:
            return table["default"]
        return _plural((item or "person").strip().lower())

    def listed(self, item: str | None, category: str | None, measure: str | None = None) -> str | None:
        """The kind the tables give this very item ("soldier" and "troop": troops), or None where the item
        is not in them and only a table's default or its own plural stands for it."""
        item = (item or "person").strip().lower()
        table = self.tables.get(self._table_name(category, measure), {})
        if item in table:
            return table[item]
        return self.tables.get("any", {}).get(item)

    @staticmethod
    def _table_name(category: str | None, measure: str | None) -> str:
        table_name = category or "other"
        if measure in CASUALTY_MEASURES and table_name in ("personnel", "people", "other"):
            return "casualty"
        return table_name


def _read_tables(text: str, origin: str) -> dict[str, dict[str, str]]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML ({exc}); fix the file or leave it out") from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f"{origin}: expected a mapping of category → {{item: kind}}; see data/kinds.yaml")
    return {str(cat): {str(k).lower(): str(v) for k, v in entries.items()} for cat, entries in data.items()}


@lru_cache(maxsize=1)
def _packaged_tables() -> dict[str, dict[str, str]]:
    text = resources.files("claimledger").joinpath("data/kinds.yaml").read_text(encoding="utf-8")
    return _read_tables(text, "claimledger/data/kinds.yaml")


@lru_cache(maxsize=1)
def _default_kinds() -> Kinds:
    return Kinds.load()


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@lru_cache(maxsize=1 << 16)  # a ledger's dates repeat: every pair, role and conflict check reads them again
def parse_day(text: str | None) -> date | None:
    """The day an ISO date or timestamp names ("2024-03-08", "2024-03-08T10:00"), None when there is none."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def claim_span(claim: Claim) -> tuple[date | None, date | None]:
    """The time a claim's figure covers: its stated period, else its publication date as-of.

    A period open at one end ("by 2029" has no start) is closed with the
    publication date when that lies on the open side, else with its other end.
    """
    start, end = parse_day(claim.period_start), parse_day(claim.period_end)
    published = parse_day(claim.published)
    if start is None and end is None:
        return published, published
    if end is None:
        end = published if published is not None and start is not None and published >= start else start
    if start is None:
        start = published if published is not None and end is not None and published <= end else end
    return start, end


def has_period(claim: Claim) -> bool:
    """Whether the report states a period for the figure (else it is as of the publication date)."""
    return bool(claim.period_start or claim.period_end)


def claim_date(claim: Claim) -> date | None:
    """The date a figure is placed at on a timeline: the end of its period, else its publication date.

    A count over a period is known at the period's end ("3,000 in January and
    February" is the figure as of 28 February); a running total "since 2022"
    is as of the report. None when the claim has neither.
    """
    return claim_span(claim)[1]


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Time order: timeline date, then publication date, then claim id; undated claims last."""
    def key(c: Claim) -> tuple[Any, ...]:
        d = claim_date(c)
        p = parse_day(c.published)
        return (d is None, d or date.min, p or date.min, c.doc, c.start, c.end)

    return sorted(claims, key=key)


class SeriesKey(NamedTuple):
    measure: str
    kind: str
    actor: str | None
    recipient: str | None
    location: str | None
    scope: str | None = None  # the time of a one-off event or a flow (see build_series)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def series_id(key: SeriesKey) -> str:
    """Readable, stable slug of a key.

    ``actor-recipient-kind-measure[-in-location]``; a missing recipient is left
    out, a missing actor too (a recipient alone reads ``to-rus-...``), so that
    the id of a series does not depend on which other series the ledger holds.
    """
    parts: list[str] = []
    if key.actor:
        parts.append(_slug(key.actor))
        if key.recipient:
            parts.append(_slug(key.recipient))
    elif key.recipient:
        parts += ["to", _slug(key.recipient)]
    parts += [_slug(key.kind), _slug(key.measure)]
    if key.location:
        parts += ["in", _slug(key.location)]
    if key.scope:
        parts.append(key.scope)
    return "-".join(p for p in parts if p)


class Names:
    """Display names for entity ids: gazetteer, built-in countries, names as written, the id.

    The gazetteer is optional (it lives in the nlp stage, which may not be
    installed or may not know the id): names are cosmetic, so a missing or
    unreadable gazetteer falls back rather than failing a ledger listing.
    """

    def __init__(self, claims: Iterable[Claim] = (), gazetteer: Any = None, use_gazetteer: bool = True):
        written: dict[str, Counter[str]] = {}
        for c in claims:
            for ent, name in (c.names or {}).items():
                if name:
                    written.setdefault(ent, Counter())[name] += 1
        self.written = {ent: names.most_common(1)[0][0] for ent, names in written.items()}
        if gazetteer is None and use_gazetteer:
            gazetteer = _load_gazetteer()
        self.gazetteer = gazetteer

    def __call__(self, ent: str | None) -> str:
        if not ent:
            return ""
        getter = getattr(self.gazetteer, "get", None)
        if getter is not None:
            try:
                found = getter(ent)
            except LookupError:
                found = None
            name = getattr(found, "name", None)
            if name:
                return str(name)
        if ent in COUNTRY_NAMES:
            return COUNTRY_NAMES[ent]
        if ent in self.written:
            return self.written[ent]
        if ent.islower():  # a slug: kursk, moscow-region, kyrylo-budanov
            return ent.replace("-", " ").title()
        return ent


@lru_cache(maxsize=1)
def _load_gazetteer() -> Any:
    try:
        from claimledger.nlp.gazetteer import Gazetteer  # optional: built by the nlp stage
    except ImportError:
        return None
    try:
        return Gazetteer.load()
    except (ClaimLedgerError, OSError, AttributeError, TypeError):
        return None


@dataclass
class Series:
    """Claims about one quantity, in time order (see ``timeline.claim_date``)."""

    id: str
    key: SeriesKey
    name: str
    claims: list[Claim] = field(default_factory=list)

    @property
    def measure(self) -> str:
        return self.key.measure

    @property
    def kind(self) -> str:
        return self.key.kind

    @property
    def actor(self) -> str | None:
        return self.key.actor

    @property
    def recipient(self) -> str | None:
        return self.key.recipient

    @property
    def location(self) -> str | None:
        return self.key.location

    @property
    def locations(self) -> list[str]:
        """The places that located figures (parts of the whole) name, in first-seen order."""
        return list(dict.fromkeys(c.location for c in self.claims if c.location))

    @property
    def category(self) -> str:
        """The category most of the claims carry (ties: the one seen first in time order)."""
        counts = Counter(c.category for c in self.claims)
        return max(counts, key=lambda cat: counts[cat]) if counts else "other"

    @property
    def sources(self) -> list[str]:
        """The distinct independent originators (reconcile/originators.py: one government, one
        organisation; the publisher where a claim has no source), in first-seen order."""
        from claimledger.reconcile.originators import originator  # originators reads this module

        return list(dict.fromkeys(originator(c) for c in self.claims))

    @property
    def independent_sources(self) -> int:
        return len(self.sources)


def primary_source(claim: Claim) -> str:
    """Who asserts the figure: the source, else the publisher speaking in its own voice."""
    return claim.source or claim.publisher or "unknown"


def series_name(key: SeriesKey, names: Names) -> str:
    """"North Korea → Russia · troops deployed · Kursk"."""
    who = ""
    if key.actor and key.recipient:
        who = f"{names(key.actor)} → {names(key.recipient)}"
    elif key.actor:
        who = names(key.actor)
    elif key.recipient:
        who = f"→ {names(key.recipient)}"
    what = f"{key.kind} {key.measure.replace('_', ' ')}" if key.measure != "other" else f"{key.kind} (other)"
    parts = [p for p in (who, what, names(key.location) if key.location else "", key.scope or "") if p]
    return " · ".join(parts)


def build_series(
    claims: Iterable[Claim], kinds: Kinds | None = None, names: Names | None = None,
    documents: Iterable[Document] = (), quantities: Any = "shipped",
) -> list[Series]:
    """Group claims into series, one per quantity, largest first (ties by id); claims inside in time order.

    Claims are blocked by measure, kind and sides, and each block is split into
    its events by the quantity model (reconcile/quantities.py): ``quantities``
    is a QuantityModel, "shipped" for the one in the package, or None to keep
    each block whole. ``documents`` (the claims' reports) give the model their
    titles and leads; without them the claims' sentences stand in.
    """
    from claimledger.reconcile.quantities import block_key, contexts, group_block, quantity_model

    claims = list(claims)
    kinds = kinds or _default_kinds()
    names = names or Names(claims)
    model = quantity_model(quantities)
    ctx = contexts(claims, documents)
    blocks: dict[Any, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.doc, c.start, c.end)):
        blocks.setdefault(block_key(c, kinds), []).append(c)
    groups: list[tuple[SeriesKey, list[Claim]]] = []
    for block in sorted(blocks, key=lambda k: tuple(x or "" for x in k)):
        for members in group_block(blocks[block], ctx, model):
            groups.append((_key_of(block, members, kinds), members))
    out: list[Series] = []
    used: set[str] = set()
    for key, members in sorted(groups, key=lambda g: (tuple(x or "" for x in g[0]), min(c.id for c in g[1]))):
        sid = base = series_id(key)
        n = 1
        while sid in used:
            n += 1
            sid = f"{base}-{n}"
        used.add(sid)
        out.append(Series(id=sid, key=key, name=series_name(key, names), claims=sort_claims(members)))
    out.sort(key=lambda s: (-len(s.claims), s.id))
    return out


def _key_of(block: Any, members: list[Claim], kinds: Kinds) -> SeriesKey:
    """A readable key for one quantity: its block, the kind most of its claims name, and its scope.

    The scope tells the quantity from others of its block: with no side named,
    the place most of its claims name; a flow or one-off event (every claim with
    a stated period of at most a year) is dated by its earliest start, to the day,
    month or year as the periods allow.
    """
    kind = Counter(kinds.kind(c.item, c.category, c.measure) for c in members).most_common(1)[0][0]
    place = None
    if not (block.actor or block.recipient):
        located = Counter(c.location for c in members if c.location)
        place = located.most_common(1)[0][0] if located else None
    return SeriesKey(measure=block.measure, kind=kind, actor=block.actor, recipient=block.recipient,
                     location=place, scope=_scope(members))


def _scope(members: list[Claim]) -> str | None:
    spans = [(parse_day(c.period_start), parse_day(c.period_end)) for c in members]
    if not spans or any(s is None or e is None for s, e in spans):
        return None
    start = min(s for s, _ in spans if s is not None)
    end = max(e for _, e in spans if e is not None)
    days = (end - start).days
    if days > 370:
        return None
    if days <= 2:
        return start.isoformat()
    return start.isoformat()[:7] if days <= 32 else str(start.year)


def find_series(series: Iterable[Series], ref: str) -> Series:
    """The series whose id is ``ref``; else the one series whose id or name contains it (any case)."""
    series = list(series)
    for s in series:
        if s.id == ref:
            return s
    needle = ref.lower()
    matches = [s for s in series if needle in s.id or needle in s.name.lower()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(s.id for s in matches[:8])
        raise NotFoundError(f"series {ref!r} is ambiguous: it matches {listed}; give the full id")
    raise NotFoundError(f"no series {ref!r} in the ledger; run `claimledger series` to list the ids")
