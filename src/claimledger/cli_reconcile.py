"""CLI commands of the reconcile stage: series, timeline, conflicts, sources.

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
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from rich.table import Table
from rich.text import Text

from claimledger.display import clean, text
from claimledger.errors import ClaimLedgerError, NotFoundError
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

COMMANDS = ("series", "timeline", "conflicts", "sources", "review")


def add_commands(subparsers: Any) -> None:
    """Add ``series``, ``timeline``, ``conflicts`` and ``sources`` to an argparse subparsers object."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: without --db here, args.db keeps the global option's value.
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="ledger to read (SQLite file; default claimledger.db)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

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
    from claimledger.reconcile.quantities import _LEAD_CHARS
    from claimledger.store import open_store  # the store stage; imported when a command runs

    with open_store(db) as store:
        claims = store.claims()
        documents = store.documents() if full else store.document_leads(_LEAD_CHARS)
        reviews = [Review(**r) for r in store.reviews()]
    docs = {d.id: d for d in documents}
    claims = [
        replace(c, published=c.published or docs[c.doc].published,
                publisher=c.publisher or docs[c.doc].publisher) if c.doc in docs else c
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


def series_dict(s: Series, parties: Parties | None = None, names: Names | None = None) -> dict[str, Any]:
    """The JSON object of one series (``series --json``)."""
    est = estimate(s, parties=parties, names=names)
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


# -- handlers -----------------------------------------------------------------

def cmd_series(args: argparse.Namespace) -> int:
    data = load(_db(args), full=False)
    claims = data.claims
    names = Names(claims)
    series = data.series(names)
    if args.json:
        _stream_json(series_dict(s, data.parties, names) for s in series)
        return 0

    table = Table(title=f"{len(series)} series from {len(claims)} claims")
    # The id never wraps (it is typed back as `timeline SERIES`); the name wraps under it.
    table.add_column("series id / name", min_width=min(max((len(s.id) for s in series), default=6), 32),
                     overflow="fold")
    for col in ("claims", "indep.", "low", "best", "high"):
        table.add_column(col, justify="right")
    for s in series:
        est = estimate(s, parties=data.parties, names=names)
        low, best, high = (_short(est.low), _short(est.best), _short(est.high)) if est else ("", "", "")
        label = text(s.id, style="bold")
        label.append("\n" + clean(s.name), style="dim")
        table.add_row(label, str(len(s.claims)), str(s.independent_sources), low, best, high)
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
    data = load(_db(args), full=False)
    names = Names(data.claims)
    series = data.series(names)
    if args.series:  # its own conflicts and those it has with another series (killed vs casualties)
        conflicts = conflicts_of(find_series(series, args.series), series, names)
    else:
        conflicts = find_conflicts(series, names)
    found = [(c, resolution(c, data.reviews)) for c in conflicts]
    if not args.all:
        found = [(c, r) for c, r in found if r is None]
    if args.json:
        _stream_json({**c.to_dict(names), "resolved": r.to_dict() if r else None} for c, r in found)
        return 0

    table = Table(title=f"{len(found)} conflicts")
    table.add_column("series · claims a, b", no_wrap=True)
    table.add_column("reason")
    for c, r in found:
        label = text(c.series, style="bold")
        label.append(clean(f"\n{c.a.id}\n{c.b.id}\n{c.kind.replace('_', ' ')}"), style="dim")
        reason = text(c.reason)
        if r is not None:
            reason.append(clean(f"\nresolved by {r.who} on {r.at[:10]}: {r.detail.get('note') or '(no note)'}"),
                          style="green")
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
    everything = load(db, full=False).series()
    if action == "merge":
        chosen = [find_series(everything, ref) for ref in series]
        if len({s.id for s in chosen}) < 2:
            raise ClaimLedgerError("name two or more different series to merge")
        # Every claim of each: the merge holds while any of them is still in the ledger.
        detail["claims"] = [c.id for s in chosen for c in s.claims]
    else:
        source = find_series(everything, series)
        held = {c.id for c in source.claims}
        wanted = list(claims or [])
        missing = [c for c in wanted if c not in held]
        if missing:
            raise NotFoundError(f"{', '.join(missing)}: not in series {source.id}"
                                + claims_hint.format(series=source.id))
        if set(wanted) >= held:
            raise ClaimLedgerError(f"those are all the claims of {source.id}: a split needs some to stay")
        detail["claims"] = wanted
    return detail["claims"][0], detail


def cmd_sources(args: argparse.Namespace) -> int:
    data = load(_db(args), full=False)
    claims = data.claims
    names = Names(claims)
    groups = group_by_source(claims, data.series(names), names)
    if args.json:
        _stream_json(g.to_dict(names) for g in groups)
        return 0

    table = Table(title=f"{len(groups)} primary sources")
    table.add_column("source id / name", min_width=min(max((len(g.source) for g in groups), default=6), 24),
                     overflow="fold")
    table.add_column("claims", justify="right")
    table.add_column("series", justify="right")
    table.add_column("relays: who passed its figures on")
    for g in groups:
        label = text(g.source, style="bold")
        if g.name != g.source:
            label.append("\n" + clean(g.name), style="dim")
        relays = "\n".join(" → ".join(names(x) for x in r.chain) or "(directly)" for r in g.relays)
        table.add_row(label, str(len(g.claims)), str(len(g.series)), text(relays))
    _console().print(table)
    return 0
