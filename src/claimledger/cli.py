"""The `claimledger` command: parse arguments, call the library, map errors to messages and exit codes.

Exit codes: 0 success; for ingest and extract, the number of inputs that
failed (at most 100); 2 for usage and configuration errors; 3 when the
ledger cannot be opened; 4 for an unknown document, claim or series.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from claimledger import __version__
from claimledger.errors import ClaimLedgerError, ConfigError, IngestError, NotFoundError, StoreError
from claimledger.models import Claim
from claimledger.settings import Settings

MAX_FAILURE_EXIT = 100
# The exit code of each kind of error, most specific first.
EXIT_CODES = ((ConfigError, 2), (StoreError, 3), (NotFoundError, 4), (ClaimLedgerError, 1))


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return n


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other error (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"claimledger: error: {self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="claimledger", description="News reports in, a sourced ledger of figures out.")
    p.add_argument("--version", action="version", version=f"claimledger {__version__}")
    p.add_argument("--db", default=None, help="ledger: an SQLite file path (default: claimledger.db here)")
    p.add_argument("--config", default=None, help="a TOML settings file (default: ./claimledger.toml if present)")
    p.add_argument("--gazetteer", action="append", default=None, metavar="FILE",
                   help="your own YAML gazetteer file, extending the packaged one (repeatable)")
    p.add_argument("--decisions", default=None, metavar="rules|model|FILE",
                   help="who decides measure, category and unattributed sources: the rules (default), the trained "
                        "decision model shipped in the package, or a model file made by `claimledger train`")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser("ingest", help="read sources into the ledger: files, directories, URLs, feeds")
    s.add_argument("sources", nargs="+", help="files (.jsonl .json .txt .md .html), directories, http(s) URLs, feeds")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--annotated", action="store_true",
                   help="the sources are JSON Lines of reports whose claims are already coded (the gold form of "
                        "spec/claims.md): keep those claims as they are instead of extracting")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("claims", help="list the claims in the ledger")
    s.add_argument("--measure")
    s.add_argument("--category")
    s.add_argument("--actor", help="entity id or name")
    s.add_argument("--source", help="entity id or name")
    s.add_argument("--item")
    s.add_argument("--doc")
    s.add_argument("--search", help="text search in the evidence sentence")
    s.add_argument("--limit", type=_positive_int, help="at most N claims")
    s.add_argument("--json", action="store_true", help="print a JSON list of claim objects")
    s.set_defaults(func=cmd_claims)

    s = sub.add_parser("show", help="one document with its claims highlighted and explained, and its attribution "
                                    "frames (who speaks over which text)")
    s.add_argument("doc")
    s.add_argument("--json", action="store_true")
    s.add_argument("--no-frames", action="store_true", help="skip the attribution frames (no re-parse of the text)")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("extract",
                       help="documents in (JSON Lines or any ingest source), claims out as JSON Lines; no ledger")
    s.add_argument("sources", nargs="+")
    s.add_argument("-o", "--output", help="write here instead of standard output")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("export", help="export the ledger's claims")
    s.add_argument("--format", choices=("csv", "jsonl"), default="jsonl")
    s.add_argument("-o", "--output", help="write here instead of standard output")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("eval", help="score extraction on an annotated gold file (the spec's gold form)")
    s.add_argument("gold")
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    s.add_argument("--misses", action="store_true", help="list every missed, spurious or wrong claim")
    s.add_argument("--by-family", action="store_true",
                   help="also score each topic family of the gold file (its documents' `family` field)")
    s.add_argument("--rules-only", action="store_true", help="extract with the rules alone, whatever --decisions says")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("train", help="train the decision model on annotated reports and print its unseen-family "
                                     "scores (leave one topic family out)")
    s.add_argument("gold", nargs="+", help="gold files in the spec's form; documents carry a `family`")
    s.add_argument("-o", "--output", help="model file to write (default: the package's data/decisions.json)")
    s.add_argument("--no-unseen", action="store_true", help="skip the leave-one-family-out evaluation")
    s.add_argument("--json", action="store_true", help="print the scores as JSON")
    s.add_argument("--quantities", action="store_true",
                   help="train the quantity model instead (which claims count one quantity, from the gold's "
                        "`quantity` and `part_of` labels; default file data/quantities.json)")
    s.set_defaults(func=cmd_train)

    from claimledger.cli_reconcile import add_commands

    add_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors, --help, --version: return the code to in-process callers too
        return exc.code if isinstance(exc.code, int) else 2
    try:
        args.settings = Settings.resolve(args)
        if getattr(args, "db", None) is None:
            args.db = args.settings.db
        return int(args.func(args) or 0)
    except ClaimLedgerError as exc:
        _err(str(exc))
        return next(code for kind, code in EXIT_CODES if isinstance(exc, kind))
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _err(msg: str) -> None:
    print(f"claimledger: error: {msg}", file=sys.stderr)


def _console(stderr: bool = False):
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not console.is_terminal:
        # piped or captured: wide enough that the table stays readable
        console = Console(stderr=stderr, highlight=False, soft_wrap=False, width=200)
    return console


def _extractor(settings: Settings, decisions: str | bool | None = None):
    from claimledger.pipeline import Extractor

    return Extractor(gazetteer=settings.gazetteer, lexicon=settings.lexicon, model=settings.model,
                     decisions=settings.decisions if decisions is None else decisions)


# -- commands ---------------------------------------------------------------------

def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from claimledger.ingest import iter_documents
    from claimledger.ingest.annotated import align
    from claimledger.store import open_store

    settings: Settings = args.settings
    extractor = _extractor(settings)
    failed = added = seen = present = nclaims = 0
    console = _console(stderr=True)
    with open_store(args.db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=console,
        disable=args.quiet or not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=None, name="")
        items = _annotated(args.sources) if args.annotated else iter_documents(args.sources)
        for item in items:
            coded = None
            if isinstance(item, tuple):
                item, coded = item
            if isinstance(item, IngestError):
                failed += 1
                progress.console.print(f"claimledger: error: {item}", markup=False, highlight=False, soft_wrap=True)
                continue
            seen += 1
            progress.update(task, advance=1, name=item.id)
            if store.has(item.content_hash):
                present += 1
                continue
            try:
                claims = extractor.extract(item)
                if coded is not None:
                    claims = align(coded, claims)
                if store.add(item, claims):
                    added += 1
                    nclaims += len(claims)
            except (ClaimLedgerError, ValueError) as exc:
                failed += 1
                progress.console.print(f"claimledger: error: {item.origin or item.id}: {exc}", markup=False,
                                       highlight=False, soft_wrap=True)
    print(f"{seen} documents read: {added} new ({nclaims} claims), {present} already in the ledger; {failed} failed",
          file=sys.stderr)
    return min(failed, MAX_FAILURE_EXIT)


def _annotated(paths: Sequence[str]) -> Iterator[Any]:
    from claimledger.ingest.annotated import read_annotated

    for path in paths:
        yield from read_annotated(path)


def _fmt_num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"


def claim_figure(c: Claim) -> str:
    """A claim's figure for people: "> 10,000", "~3,000", "60,000–80,000", "dozens"."""
    if c.vague:
        return c.text
    if c.low is not None and c.high is not None:
        fig = f"{_fmt_num(c.low)}–{_fmt_num(c.high)}"
    else:
        fig = _fmt_num(c.value)
    prefix = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(c.bound, "")
    return f"{prefix}{'~' if c.approx else ''}{fig}"


def _claims_table(claims: list[Claim], title: str | None = None):
    from rich.table import Table

    t = Table(title=title, show_lines=False, expand=False)
    for col in ("doc", "figure", "item", "category", "measure", "actor → recipient", "where", "period", "source",
                "via"):
        t.add_column(col, overflow="fold")
    for c in claims:
        period = ""
        if c.period_start or c.period_end:
            period = f"{c.period_start or '…'}..{c.period_end or '…'}"
        flags = ("Σ " if c.cumulative else "") + ("+ " if c.incremental else "")
        t.add_row(c.doc, flags + claim_figure(c), c.item, c.category, c.measure,
                  f"{c.actor or '?'} → {c.recipient or '–'}", c.location or "", period, c.source or "(publisher)",
                  " ← ".join(c.via))
    return t


def cmd_claims(args: argparse.Namespace) -> int:
    from claimledger.store import open_store

    with open_store(args.db) as store:
        claims = store.claims(doc=args.doc, measure=args.measure, category=args.category, actor=args.actor,
                              source=args.source, item=args.item, search=args.search, limit=args.limit)
    if args.json:
        json.dump([c.to_dict() for c in claims], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    console = _console()
    console.print(_claims_table(claims, title=f"{len(claims)} claims"))
    return 0


def explain(c: Claim) -> dict[str, Any]:
    """Each field with the words that set it."""
    fields: dict[str, Any] = {}
    for name in ("value", "item", "category", "measure", "actor", "recipient", "location", "period", "cumulative",
                 "incremental", "source"):
        if name == "value":
            val: Any = claim_figure(c)
        elif name == "period":
            val = f"{c.period_start}..{c.period_end}" if (c.period_start or c.period_end) else None
        elif name == "source":
            val = {"source": c.source, "via": c.via}
        else:
            val = getattr(c, name)
        fields[name] = {"value": val, "cue": c.cues.get(name, "")}
    return fields


def cmd_show(args: argparse.Namespace) -> int:
    from rich.text import Text

    from claimledger.store import open_store

    with open_store(args.db) as store:
        document = store.document(args.doc)
        claims = store.claims(doc=document.id)
    frames = [] if args.no_frames else _extractor(args.settings).frames(document)
    if args.json:
        out = {"document": document.to_dict(), "frames": frames,
               "claims": [{**c.to_dict(), "explain": explain(c)} for c in claims]}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    console = _console()
    console.rule(Text(f"{document.id}  {document.publisher or ''}  {document.published or ''}", style="bold"))
    text = Text(document.text)
    for c in claims:
        text.stylize("bold black on yellow", c.start, c.end)
    marks = Text()
    last = 0
    for n, c in enumerate(sorted(claims, key=lambda c: c.start), 1):
        marks.append_text(text[last:c.end])
        marks.append(f"[{n}]", style="bold cyan")
        last = c.end
    marks.append_text(text[last:])
    console.print(marks)
    if frames:
        console.rule("attribution frames")
        for f in frames:
            who = f["source"] or "(no source named)"
            if f["names"].get(f["source"]):
                who += f" \"{f['names'][f['source']]}\""
            row = Text(f"  {f['kind']:8s} {who}")
            if f["via"]:
                row.append("  via " + " ← ".join(f["via"]))
            row.append(f"   ← {f['cue']}", style="dim")
            covered = document.text[f["start"]:f["end"]].strip().replace("\n", " ")
            row.append(f"\n           over: {covered[:90]}{'…' if len(covered) > 90 else ''}", style="dim")
            console.print(row, highlight=False)
    console.rule("claims")
    for n, c in enumerate(sorted(claims, key=lambda c: c.start), 1):
        line = Text(f"[{n}] ", style="bold cyan")
        line.append(c.text, style="bold")
        line.append(f"  ({c.id})")
        console.print(line, highlight=False)
        for name, info in explain(c).items():
            val = info["value"]
            if name == "source":
                val = (val["source"] or "(publisher's own voice)") + (
                    "  via " + " ← ".join(val["via"]) if val["via"] else "")
            row = Text(f"    {name:12s} {val}")
            if info["cue"]:
                row.append(f"   ← {info['cue']}", style="dim")
            console.print(row, highlight=False)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from claimledger.ingest import iter_documents

    extractor = _extractor(args.settings)
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        raise ConfigError(f"{args.output}: cannot write the claims ({exc.strerror})") from exc
    failed = 0
    try:
        docs = []
        for item in iter_documents(args.sources):
            if isinstance(item, IngestError):
                failed += 1
                _err(str(item))
            else:
                docs.append(item)
        for _document, claims in extractor.extract_many(docs):
            if isinstance(claims, ClaimLedgerError):
                failed += 1
                _err(str(claims))
                continue
            for c in claims:
                out.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return min(failed, MAX_FAILURE_EXIT)


def cmd_export(args: argparse.Namespace) -> int:
    from claimledger.store import export_claims, open_store

    with open_store(args.db) as store:
        claims = store.claims()
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as exc:
        raise ConfigError(f"{args.output}: cannot write the export ({exc.strerror})") from exc
    try:
        n = export_claims(claims, args.format, out)
    finally:
        if args.output:
            out.close()
    print(f"{n} claims exported", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from claimledger.evaluate import load_gold, score
    from claimledger.models import Document

    gold = load_gold(args.gold)
    extractor = _extractor(args.settings, decisions=False if args.rules_only else None)
    docs = [Document.from_dict(d) for d in gold]
    preds: list[dict[str, Any]] = []
    for _d, claims in extractor.extract_many(docs):
        if isinstance(claims, ClaimLedgerError):
            _err(str(claims))
            continue
        preds.extend(c.to_dict() for c in claims)
    report = score(gold, preds)
    summary = report.summary()
    if args.by_family:
        from claimledger.corpus import score_by_family

        summary["families"] = score_by_family(gold, preds)
    if args.misses:
        for m in report.misses:
            print(json.dumps(m, ensure_ascii=False))
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"docs {summary['docs']}  gold {summary['gold']}  predicted {summary['predicted']}  "
          f"matched {summary['matched']}")
    for k in ("detect", "full"):
        s = summary[k]
        print(f"{k:7s} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")
    print("field accuracy on matched claims:")
    for k, v in summary["field_accuracy"].items():
        print(f"  {k:12s} {v:.3f}")
    if args.by_family:
        print()
        _family_table(summary["families"])
    return 0


def _family_table(families: dict[str, dict[str, Any]]) -> None:
    print(f"{'family':34s} {'docs':>4s} {'gold':>5s} {'detect':>7s} {'full':>6s} {'source':>7s} {'measure':>8s} "
          f"{'category':>9s} {'actor':>6s}")
    for fam, s in families.items():
        fa = s["field_accuracy"]
        print(f"{fam:34s} {s['docs']:4d} {s['gold']:5d} {s['detect']['f1']:7.3f} {s['full']['f1']:6.3f} "
              f"{fa.get('source', 0):7.3f} {fa.get('measure', 0):8.3f} {fa.get('category', 0):9.3f} "
              f"{fa.get('actor', 0):6.3f}")


def cmd_train(args: argparse.Namespace) -> int:
    from importlib import resources

    from claimledger.evaluate import load_gold
    from claimledger.train import fit, parse_all, rules_scores, unseen_families

    gold = [d for path in args.gold for d in load_gold(path)]
    if args.quantities:
        return _train_quantities(gold, args)
    extractor = _extractor(args.settings, decisions=False)
    print(f"parsing {len(gold)} reports ...", file=sys.stderr)
    parsed = parse_all(extractor, gold)
    model = fit(parsed)
    out = args.output or str(resources.files("claimledger.data").joinpath("decisions.json"))
    model.save(out)
    print(f"model written to {out} ({model.meta['samples']})", file=sys.stderr)
    if args.no_unseen:
        return 0
    rules, rules_family = rules_scores(extractor, parsed)
    pooled, per_family = unseen_families(extractor, parsed)
    by_annotator = unseen_families(extractor, parsed, key="annotator")[0] if all(
        p.gold.get("annotator") for p in parsed) else None
    if args.json:
        print(json.dumps({"rules": rules, "rules_families": rules_family, "unseen": pooled,
                          "families": per_family, "unseen_annotators": by_annotator}, indent=2))
        return 0
    rows = [("rules alone (nothing trained)", rules), ("model, leave one family out", pooled)]
    if by_annotator:
        rows.append(("model, leave one annotator out", by_annotator))
    print(f"{'':34s} {'detect':>7s} {'full':>6s} {'source':>7s} {'measure':>8s} {'category':>9s} {'actor':>6s}")
    for name, s in rows:
        fa = s["field_accuracy"]
        print(f"{name:34s} {s['detect']['f1']:7.3f} {s['full']['f1']:6.3f} {fa.get('source', 0):7.3f} "
              f"{fa.get('measure', 0):8.3f} {fa.get('category', 0):9.3f} {fa.get('actor', 0):6.3f}")
    print("\nper family, the model trained without it:")
    _family_table(per_family)
    return 0


def _train_quantities(gold: list[dict[str, Any]], args: argparse.Namespace) -> int:
    from importlib import resources

    from claimledger.train import QUANTITY_THRESHOLD, coded_and_extracted, fit_quantities, unseen_quantities

    extractor = _extractor(args.settings, decisions=False)
    print(f"reading {len(gold)} reports ...", file=sys.stderr)
    coded, extracted = coded_and_extracted(gold, extractor)
    model = fit_quantities(gold, QUANTITY_THRESHOLD, coded=coded, extracted=extracted)
    out = args.output or str(resources.files("claimledger.data").joinpath("quantities.json"))
    model.save(out)
    print(f"quantity model written to {out} ({model.meta['pairs']} pairs)", file=sys.stderr)
    if args.no_unseen:
        return 0
    pooled, per_family = unseen_quantities(gold, threshold=QUANTITY_THRESHOLD, coded=coded, extracted=extracted)
    if args.json:
        print(json.dumps({"unseen": pooled, "families": per_family}, indent=2))
        return 0
    print(f"{'':34s} {'purity':>7s} {'complete':>9s} {'series':>7s} {'quantities':>11s}")
    for name, s in [("leave one family out", pooled)] + sorted(per_family.items()):
        print(f"{name:34s} {s['purity']:7.3f} {s['completeness']:9.3f} {s['series_judged']:7d} "
              f"{s['quantities_judged']:11d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
