"""CLI commands of the reconcile stage: reconcile, series, timeline, conflicts, sources, review.

Thin, like cli.py: each handler opens the ledger, reads its claims, calls
``claimledger.reconcile`` and prints a rich table, or JSON with ``--json``.
Tables show entities by name (ids where a reader types them back); JSON
carries entity ids in every field that identifies one (``source``, ``via``,
``publisher``, ``relay``, ``actor``...) and the names in display fields
(``name``, ``source_name``, ``relay_names``, ``chain_names``, ``reason``).
Tables print what the ledger holds as typed: every string from it goes
through ``display.text``/``display.clean`` (no markup, control characters
escaped); JSON keeps it exactly.
``add_commands(subparsers)`` adds the four subcommands to cli.py's parser;
each sets ``func`` (a handler taking the parsed arguments and returning an
exit code). Errors (``NotFoundError`` for an unknown series, ``StoreError``)
are raised for cli.py to turn into one-line messages and exit codes.

``--db`` is accepted both before the command (cli.py's global option) and
after it; the subcommand's option only overrides the global one when given.

Stored outputs: rebuilding every series (the quantity model scores pairs of claims) is what a command
costs on a large ledger, so what `series --json`, `conflicts --json --all` and `sources --json` print is
kept in the ledger (``Store.save_reconciled``), each object as the JSON text those print, with the state
it was made from (``made_from``: the ledger's ``Store.state`` and ``code_digest``, the version, data
files and source that reconcile). ``outputs`` hands back the kept text when the state is the ledger's
now, else rebuilds, keeps and hands back the new (``reconcile_ledger``, the `reconcile` command and
``ingest --reconcile``); the commands and the web app (web/views.py) print or parse it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from claimledger.display import clean, text
from claimledger.errors import ClaimLedgerError, NotFoundError, StoreError
from claimledger.models import Claim, Document
from claimledger.reconcile import (
    Names,
    Parties,
    Series,
    build_series,
    conflicts_of,
    count_marks,
    estimate,
    find_conflicts,
    find_series,
    format_figure,
    group_by_source,
    plot_timeline,
    timeline,
)
from claimledger.reconcile.plot import FORMATS
from claimledger.reconcile.review import Review, apply_to_claims, apply_to_series, parse_fields, resolution
from claimledger.reconcile.roles import Role, roles

if TYPE_CHECKING:
    from claimledger.store import Store

COMMANDS = ("reconcile", "series", "timeline", "conflicts", "sources", "review")


def add_commands(subparsers: Any) -> None:
    """Add ``series``, ``timeline``, ``conflicts`` and ``sources`` to an argparse subparsers object."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: without --db here, args.db keeps the global option's value.
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="ledger to read (SQLite file; default claimledger.db)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = subparsers.add_parser("reconcile", help="build the series, conflicts and sources and keep them in the ledger",
                              description="Reconcile the whole ledger (series, estimates, conflicts, sources) and "
                                          "keep the outputs in it, so that `series`, `conflicts`, `sources` and the "
                                          "web app read them instead of rebuilding them. They rebuild by themselves "
                                          "when the ledger or claimledger changed since; this does it ahead of time.")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                   help="ledger to reconcile (SQLite file; default claimledger.db)")
    p.set_defaults(func=cmd_reconcile)

    p = subparsers.add_parser("series", parents=[common], help="list the series of claims about one quantity",
                              description="Group the ledger's claims into series, one per quantity: same "
                                          "measure, kind of thing, actor and recipient, split into events "
                                          "(one flood, one package, one night's drones, a running total) by "
                                          "the quantity model; parts are kept with their whole.")
    p.set_defaults(func=cmd_series)

    p = subparsers.add_parser("timeline", parents=[common], help="one series in time order",
                              description="Show a series in time order: every figure with its statement "
                                          "date and the period it counts, its originator (flagged when a "
                                          "party to the fighting), relays, its role (whole, part, projection, "
                                          "earlier figure), and the estimate with the reason for each bound.")
    p.add_argument("series", metavar="SERIES", help="series id (from `claimledger series`) or a unique part")
    p.add_argument("--plot", metavar="FILE", help="also draw the timeline to FILE.png, FILE.svg or FILE.html")
    p.set_defaults(func=cmd_timeline)

    p = subparsers.add_parser("conflicts", parents=[common],
                              help="figures in one series that cannot both hold",
                              description="List pairs of figures that cannot both hold: one quantity, "
                                          "independent originators, one time, incompatible values; a part "
                                          "larger than its whole; killed above killed-or-wounded. Each says "
                                          "why. Conflicts settled with `review resolve` are left out.")
    p.add_argument("--series", metavar="SERIES", help="only this series")
    p.add_argument("--all", action="store_true", help="also list the conflicts settled by a review")
    p.set_defaults(func=cmd_conflicts)

    p = subparsers.add_parser("sources", parents=[common],
                              help="each primary source with its claims and relays",
                              description="List each primary source with its claims, the series they fall "
                                          "in and the outlets that relayed them.")
    p.set_defaults(func=cmd_sources)

    p = subparsers.add_parser("review", help="correct the ledger: a claim wrong or mis-read, series merged or "
                                             "split, a conflict settled (kept with who and when)",
                              description="Record an analyst's review action. Actions are kept in the ledger "
                                          "for good, survive re-ingest, and apply to every series, timeline, "
                                          "conflict and estimate; `review undo ID` takes one back.")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="ledger (SQLite file)")
    who.add_argument("--who", default=os.environ.get("USER") or "analyst", help="who takes the action")
    who.add_argument("--note", default="", help="why, in a few words")
    a = actions.add_parser("wrong", parents=[who], help="a claim is not a figure of the world, or wrong: leave "
                                                         "it out of series, conflicts and estimates")
    a.add_argument("claim", metavar="CLAIM")
    a = actions.add_parser("correct", parents=[who], help="correct a claim's fields: FIELD=VALUE ...")
    a.add_argument("claim", metavar="CLAIM")
    a.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    a = actions.add_parser("merge", parents=[who], help="two or more series are one quantity")
    a.add_argument("series", nargs="+", metavar="SERIES")
    a = actions.add_parser("split", parents=[who], help="claims leave their series and form one of their own")
    a.add_argument("series", metavar="SERIES")
    a.add_argument("claims", nargs="+", metavar="CLAIM")
    a = actions.add_parser("resolve", parents=[who], help="the conflict between two claims is settled")
    a.add_argument("a", metavar="CLAIM_A")
    a.add_argument("b", metavar="CLAIM_B")
    a = actions.add_parser("undo", parents=[who], help="take back a review action")
    a.add_argument("id", metavar="ID")
    a = actions.add_parser("list", help="every review action, oldest first")
    a.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="ledger (SQLite file)")
    a.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_review)


# -- reading the ledger -------------------------------------------------------

@dataclass
class LedgerData:
    """What the reconcile commands read from a ledger: its claims and their documents."""

    claims: list[Claim]
    documents: list[Document]
    reviews: list[Review] = field(default_factory=list)

    def series(self, names: Names | None = None) -> list[Series]:
        built = build_series(self.claims, names=names or Names(self.claims), documents=self.documents)
        return apply_to_series(built, self.reviews) if self.reviews else built

    @cached_property
    def parties(self) -> Parties:
        return Parties(self.claims)


def load(db: str | None, *, full: bool = True) -> LedgerData:
    """Every claim in the ledger, with its document's date and publisher filled in where missing.

    ``full=False`` reads the documents light (`Store.document_leads`: id, date, publisher, title and the
    lead of the text the quantity model reads), which is all series, timelines, conflicts and sources
    use; the export (analytics.py) needs them whole. Claims keep their cues either way: a review's
    correction adds to them (reconcile/review.py)."""
    from claimledger.store import open_store  # the store stage; imported when a command runs

    with open_store(db) as store:
        return read_ledger(store, full=full)


def read_ledger(store: Store, *, full: bool = True) -> LedgerData:
    """`load`, from a ledger already open."""
    from claimledger.reconcile.quantities import _LEAD_CHARS

    claims = store.claims()
    documents = store.documents() if full else store.document_leads(_LEAD_CHARS)
    reviews = [Review(**r) for r in store.reviews()]
    docs = {d.id: d for d in documents}
    claims = [
        replace(c, published=c.published or docs[c.doc].published,
                publisher=c.publisher or docs[c.doc].publisher)
        if c.doc in docs and not (c.published and c.publisher) else c  # a copy only where one is missing
        for c in claims
    ]
    return LedgerData(apply_to_claims(claims, reviews), documents, reviews)


def load_claims(db: str | None) -> list[Claim]:
    return load(db).claims


def _db(args: argparse.Namespace) -> str | None:
    return getattr(args, "db", None)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _stream_json(items: Iterable[Any]) -> None:
    """A JSON list, item by item as the items are made, byte for byte what ``_print_json(list(items))``
    prints: a ledger's series or conflicts need not all sit in memory as dicts and one string at once."""
    out = sys.stdout
    first = True
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def _console() -> Any:
    from rich.console import Console

    # Created per call so it writes to the current sys.stdout. Piped output
    # (no terminal to measure, no COLUMNS) gets 120 columns rather than rich's
    # 80, which would crop the tables' right-hand columns.
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=120)
    return console


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"


def _short(v: float | None) -> str:
    """Compact figures for narrow tables: 15,000 · 725m · 62bn."""
    if v is None:
        return "–"
    for size, unit in ((1e9, "bn"), (1e6, "m")):
        if abs(v) >= size:
            return f"{v / size:,.3g}{unit}" if v / size < 1000 else f"{v / size:,.0f}{unit}"
    return _num(round(v) if abs(v) >= 100 else v)


def series_dict(s: Series, parties: Parties | None = None, names: Names | None = None,
                role: dict[str, Role] | None = None) -> dict[str, Any]:
    """The JSON object of one series (``series --json``); ``role``: its claims' roles, where made already."""
    est = estimate(s, parties=parties, names=names, role=role)
    return {
        "id": s.id,
        "name": s.name,
        "measure": s.measure,
        "kind": s.kind,
        "category": s.category,
        "actor": s.actor,
        "recipient": s.recipient,
        "location": s.location,
        "scope": s.key.scope,
        "locations": s.locations,
        "claims": [c.id for c in s.claims],
        "independent_sources": s.independent_sources,
        "sources": s.sources,
        "estimate": est.to_dict() if est else None,
    }


# -- stored outputs -------------------------------------------------------------

# What reconciling reads besides the ledger: the data files and the code that turn claims into series,
# conflicts and sources. Their digest is part of the state outputs are kept for.
_DATA_FILES = ("quantities.json", "kinds.yaml", "originators.yaml", "estimates.yaml", "gazetteer.yaml")
# The measures whose series take part in conflicts across measures (reconcile/conflicts.py
# `_cross_measure`: killed or wounded above the same side's killed-or-wounded): `conflicts --series` on one
# of those is `conflicts_of`, which weighs its pairs apart from the rest, not a part of the whole list.
_CROSS_MEASURES = ("killed", "wounded", "killed_or_wounded")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The version, the data files and the source of reconcile/ and of this module, as one digest."""
    from claimledger import __version__

    digest = hashlib.sha256(__version__.encode())
    package = resources.files("claimledger")
    for name in _DATA_FILES:
        digest.update(b"\0" + name.encode() + b"\0" + package.joinpath("data", name).read_bytes())
    here = Path(__file__).resolve().parent
    for path in sorted((here / "reconcile").glob("*.py")) + [Path(__file__).resolve()]:
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def made_from(store: Store) -> str:
    """The state reconciled outputs are kept for: the ledger's (`Store.state`) and the code's."""
    return hashlib.sha256(f"{code_digest()}\0{store.state()}".encode()).hexdigest()


def _body(item: Any) -> str:
    """One object of a JSON list as `_stream_json` writes it (indented one level): kept as it is printed.
    The text of ``json.dumps(item, ensure_ascii=False, indent=2)``, made by ``_indented``: json's own
    encoder indents in pure Python, a generator step per token, and a rebuild writes a hundred thousand
    objects."""
    try:
        text = _indented(item, "\n")
    except _NotPlain:
        text = json.dumps(item, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n  ")


class _NotPlain(Exception):
    """A value ``_indented`` leaves to json itself (a key that is no string, a type of its own)."""


_STRING = json.encoder.encode_basestring  # json's own escaping with ensure_ascii=False (in C where built)


def _indented(o: Any, newline: str) -> str:
    """``json.dumps(o, ensure_ascii=False, indent=2)`` for strings, numbers, booleans, None, lists, tuples
    and dicts with string keys, ``newline`` being the line break and indent o starts at; anything else
    raises _NotPlain."""
    if isinstance(o, str):
        return _STRING(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        if o in (math.inf, -math.inf):
            return "Infinity" if o > 0 else "-Infinity"
        return float.__repr__(o)
    inner = newline + "  "
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        return "[" + inner + ("," + inner).join(_indented(x, inner) for x in o) + newline + "]"
    if isinstance(o, dict):
        if not o:
            return "{}"
        if not all(type(k) is str for k in o):
            raise _NotPlain
        return "{" + inner + ("," + inner).join(f"{_STRING(k)}: {_indented(v, inner)}" for k, v in o.items()) \
            + newline + "}"
    raise _NotPlain


@dataclass
class Built:
    """What one reconciling of a ledger made: rows (ref, settled, body) per kind, and the ledger's data."""

    rows: dict[str, list[tuple[str, bool, str]]]
    facts: dict[str, Any]
    data: LedgerData
    names: Names
    series: list[Series]

    def read(self, kind: str, ref: str | None = None, open_only: bool = False) -> tuple[dict[str, Any], Iterator[str]]:
        rows = [r for r in self.rows[kind] if (ref is None or r[0] == ref) and not (open_only and r[1])]
        return dict(self.facts), (body for _, _, body in rows)


def build(store: Store) -> Built:
    """Reconcile the ledger open in ``store``: the series, conflicts (settled ones too) and sources exactly
    as `series --json`, `conflicts --json --all` and `sources --json` print them."""
    data = read_ledger(store, full=False)
    names = Names(data.claims)
    series = data.series(names)
    role_of = {s.id: roles(s.claims) for s in series}  # once for the estimates and the conflicts both
    rows: dict[str, list[tuple[str, bool, str]]] = {
        "series": [(s.id, False, _body(series_dict(s, data.parties, names, role_of[s.id]))) for s in series]}
    rows["conflict"] = [(c.series, r is not None, _body(conflict_dict(c, r, names)))
                        for c, r in ((c, resolution(c, data.reviews))
                                     for c in find_conflicts(series, names, roles_of=role_of))]
    rows["source"] = [(g.source, False, _body(g.to_dict(names)))
                      for g in group_by_source(data.claims, series, names)]
    return Built(rows, {"claims": len(data.claims)}, data, names, series)


def conflict_dict(c: Any, r: Review | None, names: Names) -> dict[str, Any]:
    """The JSON object of one conflict (``conflicts --json``), with the review that settled it."""
    return {**c.to_dict(names), "resolved": r.to_dict() if r else None}


def _rebuild(store: Store, state: str) -> Built:
    """Reconcile and keep the outputs (a ledger that cannot be written keeps none and is rebuilt each time)."""
    built = build(store)
    try:
        store.save_reconciled(state, built.rows, built.facts)
    except StoreError:
        if store.writable():
            raise
    return built


def reconcile_ledger(db: str | None) -> dict[str, int]:
    """Reconcile the ledger ``db`` and keep the outputs in it (`claimledger reconcile`): how many of each."""
    from claimledger.store import open_store

    with open_store(db) as store:
        store.check_writable()
        state = made_from(store)
        built = build(store)
        store.save_reconciled(state, built.rows, built.facts)
    return {kind: len(rows) for kind, rows in built.rows.items()}


@contextmanager
def outputs(db: str | None, kind: str, *, ref: str | None = None,
            open_only: bool = False) -> Iterator[tuple[dict[str, Any], Iterator[str]]]:
    """The reconciled outputs of one kind ('series', 'conflict', 'source') for the ledger as it is now:
    (facts, each object's JSON text in order, read while the context is open). Kept ones when they were
    made from the ledger's state, else rebuilt and kept. ``ref``: one series' own conflicts (or, with kind
    'focus', every conflict it takes part in); ``open_only``: leave out the conflicts a review settled."""
    from claimledger.store import open_store

    with open_store(db) as store:
        state = made_from(store)
        found = store.reconciled(kind, state, ref=ref, open_only=open_only)
        if found is None:
            found = _rebuild(store, state).read(kind, ref, open_only)
        yield found


def stored_series(db: str | None) -> list[dict[str, Any]]:
    """Every series as `series --json` prints it."""
    with outputs(db, "series") as (_, bodies):
        return [json.loads(b) for b in bodies]


def pick_series(everything: list[dict[str, Any]], ref: str) -> dict[str, Any]:
    """`find_series` over the series' JSON: the one with id ``ref``, else the one whose id or name contains
    it; the same NotFoundError when none or several do."""
    # find_series reads only .id and .name
    stand_ins: list[Any] = [SimpleNamespace(id=s["id"], name=s["name"], d=s) for s in everything]
    found: dict[str, Any] = find_series(stand_ins, ref).d  # type: ignore[attr-defined]
    return found


@contextmanager
def series_conflicts(db: str | None, ref: str, *, open_only: bool = False,
                     everything: list[dict[str, Any]] | None = None
                     ) -> Iterator[tuple[dict[str, Any], Iterator[str]]]:
    """The conflicts one series (id or unique part, as `find_series`; among ``everything``, the series'
    JSON, when given) takes part in, as `conflicts --series` prints them: its own, kept with the whole
    list; for a series that may meet another across measures, `conflicts_of` (kept as the series' focus
    rows once made). Whatever is not kept for the ledger's state now is rebuilt, once."""
    from claimledger.store import open_store

    with open_store(db) as store:
        state = made_from(store)
        built: Built | None = None
        if everything is None:
            kept = store.reconciled("series", state)
            if kept is None:
                built = _rebuild(store, state)
                kept = built.read("series")
            everything = [json.loads(b) for b in kept[1]]
        chosen = pick_series(everything, ref)
        if not (chosen["measure"] in _CROSS_MEASURES and chosen["actor"]):
            found = store.reconciled("conflict", state, ref=chosen["id"], open_only=open_only)
            if found is None:
                built = built or _rebuild(store, state)
                found = built.read("conflict", chosen["id"], open_only)
            yield found
            return
        found = store.reconciled("focus", state, ref=chosen["id"], open_only=open_only)
        if found is not None:
            yield found
            return
        if built is None and store.reconciled_from() != state:
            built = _rebuild(store, state)
        data = built.data if built else read_ledger(store, full=False)
        names = built.names if built else Names(data.claims)
        series = built.series if built else data.series(names)
        one = find_series(series, chosen["id"])
        rows = [(r is not None, _body(conflict_dict(c, r, names)))
                for c, r in ((c, resolution(c, data.reviews)) for c in conflicts_of(one, series, names))]
        try:
            store.save_focus(state, one.id, rows)
        except StoreError:
            if store.writable():
                raise
        yield {}, (body for settled, body in rows if not (open_only and settled))


def _stream_bodies(bodies: Iterable[str]) -> None:
    """A JSON list of objects kept as `_body` writes them: what `_stream_json` prints of the objects."""
    out = sys.stdout
    first = True
    for body in bodies:
        out.write("[\n  " if first else ",\n  ")
        out.write(body)
        first = False
    out.write("[]\n" if first else "\n]\n")


# -- handlers -----------------------------------------------------------------

def cmd_reconcile(args: argparse.Namespace) -> int:
    made = reconcile_ledger(_db(args))
    print(f"reconciled: {made['series']} series, {made['conflict']} conflicts, {made['source']} primary sources; "
          "kept in the ledger", file=sys.stderr)
    return 0


def _print_or_read(found: Any, as_json: bool) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """Stored outputs (a context manager of `outputs` or `series_conflicts`): streamed as the JSON list
    with ``--json`` (None), else read as objects for a table."""
    with found as (facts, bodies):
        if as_json:
            _stream_bodies(bodies)
            return None
        return facts, [json.loads(b) for b in bodies]


def cmd_series(args: argparse.Namespace) -> int:
    read = _print_or_read(outputs(_db(args), "series"), args.json)
    if read is None:
        return 0
    facts, series = read

    table = Table(title=f"{len(series)} series from {facts['claims']} claims")
    # The id never wraps (it is typed back as `timeline SERIES`); the name wraps under it.
    table.add_column("series id / name", min_width=min(max((len(s["id"]) for s in series), default=6), 32),
                     overflow="fold")
    for col in ("claims", "indep.", "low", "best", "high"):
        table.add_column(col, justify="right")
    for s in series:
        est = s["estimate"]
        low, best, high = (_short(est["low"]), _short(est["best"]), _short(est["high"])) if est else ("", "", "")
        label = text(s["id"], style="bold")
        label.append("\n" + clean(s["name"]), style="dim")
        table.add_row(label, str(len(s["claims"])), str(s["independent_sources"]), low, best, high)
    _console().print(table)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    if args.plot and not args.plot.lower().endswith(FORMATS):
        raise ClaimLedgerError(f"{args.plot}: cannot tell the plot format; name the file .png, .svg or .html")
    data = load(_db(args), full=False)
    names = Names(data.claims)
    everything = data.series(names)
    series = find_series(everything, args.series)
    tl = timeline(series, names, data.parties, conflicts=conflicts_of(series, everything, names))
    marks = None
    if args.plot:
        marks = count_marks(plot_timeline(series, args.plot, names, tl.estimate))
    if args.json:
        out = tl.to_dict()
        if args.plot:
            out["plot"] = {"file": args.plot, "marks": marks}
        _print_json(out)
        return 0
    console = _console()
    table = Table(title=text(f"{series.name}  [{series.id}]"))
    table.add_column("stated", no_wrap=True)
    table.add_column("period counted", no_wrap=True)
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("originator · source → relays → publisher")
    table.add_column("claim", no_wrap=True)
    # The whole's figures first, in time order; then each part under its own heading, nested.
    sections: dict[str, list[Any]] = {"": []}
    for p in tl.points:
        sections.setdefault(p.role.label, []).append(p)
    for part, points in sections.items():
        if part:
            table.add_row(text(f"part: {part}", style="bold"), "", "", "", "", end_section=False)
        for p in points:
            c = p.claim
            stated = text(p.stated or "undated")
            if not c.stated:
                stated.append("\npublished", style="dim")
            period = f"{c.period_start or '…'}..{c.period_end or '…'}" if (c.period_start or c.period_end) else ""
            figure = text(("  " if part else "") + format_figure(c))
            for flag, on in (("total", c.cumulative), ("projection", p.role.projection),
                             ("earlier figure", p.role.earlier), ("superseded", p.superseded)):
                if on:
                    figure.append(f"\n{flag}", style="dim")
            who = text(p.originator_name + (" (party)" if p.party else ""), style="bold")
            who.append("\n" + clean(p.relay_names), style="dim")
            table.add_row(stated, text(period), figure, who, text(c.id))
    console.print(table)
    if tl.estimate:
        e = tl.estimate
        if e.refused:
            console.print(text(f"no estimate: {e.refused}"))
        else:
            console.print(text(f"estimate: low {_num(e.low)} · best {_num(e.best)} · high {_num(e.high)} "
                               f"from {len(e.sources)} independent originator{'s' if len(e.sources) != 1 else ''}"
                               f" (as of {e.as_of})"))
            for bound in ("low", "best", "high"):
                if bound in e.reasons:
                    console.print(text(f"  {bound}: {e.reasons[bound]}", style="dim"))
        if e.parties:
            console.print(text("  parties to the fighting: " + ", ".join(names(x) for x in e.parties), style="dim"))
        for note in e.notes:
            console.print(text(f"  note: {note}", style="dim"))
    for conflict in tl.conflicts:
        line = Text("conflict ", style="red")
        line.append(clean(f"{conflict.a.id} vs {conflict.b.id}: {conflict.reason}"))
        console.print(line)
    if args.plot:
        print(f"wrote {args.plot} ({marks} marks)", file=sys.stderr)
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    db = _db(args)
    # --series: its own conflicts and those it has with another series (killed vs casualties)
    chosen = (series_conflicts(db, args.series, open_only=not args.all) if args.series
              else outputs(db, "conflict", open_only=not args.all))
    read = _print_or_read(chosen, args.json)
    if read is None:
        return 0
    conflicts = read[1]

    table = Table(title=f"{len(conflicts)} conflicts")
    table.add_column("series · claims a, b", no_wrap=True)
    table.add_column("reason")
    for c in conflicts:
        label = text(c["series"], style="bold")
        label.append(clean(f"\n{c['a']}\n{c['b']}\n{c['kind'].replace('_', ' ')}"), style="dim")
        reason = text(c["reason"])
        r = c["resolved"]
        if r is not None:
            reason.append(clean(f"\nresolved by {r['who']} on {r['at'][:10]}: "
                                f"{r['detail'].get('note') or '(no note)'}"), style="green")
        table.add_row(label, reason)
    _console().print(table)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from claimledger.store import open_store

    with open_store(_db(args)) as store:
        if args.action == "list":
            reviews = store.reviews()
            if args.json:
                _print_json(reviews)
                return 0
            table = Table(title=f"{len(reviews)} review actions")
            for col in ("id", "when", "who", "action", "about"):
                table.add_column(col, overflow="fold")
            for r in reviews:
                about = r["target"] + (" " + json.dumps(r["detail"], ensure_ascii=False) if r["detail"] else "")
                table.add_row(text(r["id"]), text(r["at"][:19]), text(r["who"]), text(r["action"]), text(about))
            _console().print(table)
            return 0
        # each action's parser has only its own arguments
        target, detail = check_review(
            store, _db(args), args.action, claim=getattr(args, "claim", None), fields=getattr(args, "fields", None),
            a=getattr(args, "a", None), b=getattr(args, "b", None), series=getattr(args, "series", None),
            claims=getattr(args, "claims", None), review_id=getattr(args, "id", None), note=args.note)
        rid = store.add_review(args.action, target, detail, args.who)
    print(clean(f"review {rid}: {args.action} {target} (by {args.who})"), file=sys.stderr)  # ids from reports
    return 0


def check_review(store: Any, db: str | None, action: str, *, claim: str | None = None, fields: list[str] | None = None,
                 a: str | None = None, b: str | None = None, series: Any = None, claims: list[str] | None = None,
                 review_id: str | None = None, note: str | None = None,
                 list_hint: str = "`review list` shows them",
                 claims_hint: str = "; `claimledger timeline {series}` lists its claims") -> tuple[str, dict[str, Any]]:
    """What a review action names, checked against the ledger before it is kept (by `review ACTION` and by
    the web app alike): its target and its detail. NotFoundError for a claim, series or review action the
    ledger does not hold; ClaimLedgerError for an action that cannot hold. `series` is one reference for a
    split, several for a merge; the hints end the messages that say where to look."""
    detail: dict[str, Any] = {"note": note} if note else {}
    if action == "undo":
        if not any(r["id"] == review_id for r in store.reviews()):
            raise NotFoundError(f"no review action {review_id!r} in the ledger; {list_hint}")
        return str(review_id), detail
    if action in ("wrong", "correct"):
        target = store.claim(claim).id  # NotFoundError for an unknown claim
        if action == "correct":
            detail["fields"] = parse_fields(fields or [])
        return target, detail
    if action == "resolve":
        target = store.claim(a).id
        other = store.claim(b).id
        if other == target:
            raise ClaimLedgerError("a conflict is between two different claims; name both")
        detail.update(a=target, b=other)
        return target, detail
    everything = stored_series(db)  # each series' JSON: its id, name and claim ids
    if action == "merge":
        chosen = [pick_series(everything, ref) for ref in series]
        if len({s["id"] for s in chosen}) < 2:
            raise ClaimLedgerError("name two or more different series to merge")
        # Every claim of each: the merge holds while any of them is still in the ledger.
        detail["claims"] = [c for s in chosen for c in s["claims"]]
    else:
        source = pick_series(everything, series)
        held = set(source["claims"])
        wanted = list(claims or [])
        missing = [c for c in wanted if c not in held]
        if missing:
            raise NotFoundError(f"{', '.join(missing)}: not in series {source['id']}"
                                + claims_hint.format(series=source["id"]))
        if set(wanted) >= held:
            raise ClaimLedgerError(f"those are all the claims of {source['id']}: a split needs some to stay")
        detail["claims"] = wanted
    return detail["claims"][0], detail


def cmd_sources(args: argparse.Namespace) -> int:
    read = _print_or_read(outputs(_db(args), "source"), args.json)
    if read is None:
        return 0
    groups = read[1]

    table = Table(title=f"{len(groups)} primary sources")
    table.add_column("source id / name", min_width=min(max((len(g["source"]) for g in groups), default=6), 24),
                     overflow="fold")
    table.add_column("claims", justify="right")
    table.add_column("series", justify="right")
    table.add_column("relays: who passed its figures on")
    for g in groups:
        label = text(g["source"], style="bold")
        if g["name"] != g["source"]:
            label.append("\n" + clean(g["name"]), style="dim")
        relays = "\n".join(" → ".join(r["chain_names"]) or "(directly)" for r in g["relays"])
        table.add_row(label, str(len(g["claims"])), str(len(g["series"])), text(relays))
    _console().print(table)
    return 0
