"""The `claimledger` command: parse arguments, call the library, map errors to messages and exit codes.

Exit codes (the README's "Guarantees" lists them too):
  0  success
  1  any other error
  2  usage and configuration errors
  3  the ledger cannot be opened, read or written (missing, read-only, not a ledger)
  4  an unknown document, version, claim or series
  5  ingest, extract or reextract: some inputs failed (each named on a line; the rest went on, and
     the closing line counts them)
  130 interrupted
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NoReturn

from claimledger import __version__
from claimledger.errors import ClaimLedgerError, ConfigError, IngestError, NotFoundError, StoreError
from claimledger.models import CATEGORIES, MEASURES, Claim, Document
from claimledger.settings import Settings

EXIT_INPUTS_FAILED = 5
# What made an analyst's coded claims (ingest --annotated), in place of an extractor's version.
CODED = "coded by an analyst (ingest --annotated)"
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
        command = self.prog.removeprefix("claimledger").strip()  # "claimledger review wrong" → "review wrong"
        where = f"{command}: " if command else ""
        self.exit(2, f"claimledger: error: {where}{message} (see {self.prog} --help)\n")


# Options of the whole program, accepted before the command or after it ("claimledger ingest x --db l.db").
GLOBAL_OPTIONS: list[tuple[str, dict[str, Any]]] = [
    ("--db", dict(default=None, help="ledger: an SQLite file path (default: claimledger.db here)")),
    ("--config", dict(default=None, help="a TOML settings file (default: ./claimledger.toml if present)")),
    ("--gazetteer", dict(action="append", default=None, metavar="FILE",
                         help="your own YAML gazetteer file, extending the packaged one (repeatable)")),
    ("--decisions", dict(default=None, metavar="rules|model|FILE",
                         help="who decides measure, category and unattributed sources: the rules (default), the "
                              "trained decision model shipped in the package, or a model file made by "
                              "`claimledger train`")),
]
# Commands that read or write no ledger; `ingest` makes one; every other command needs an existing one.
NO_LEDGER = frozenset({"extract", "eval", "train"})


def _add_global_options(parser: argparse.ArgumentParser, after_command: bool) -> None:
    """The global options on a parser; after the command they default to nothing, so that a value given
    before the command stands unless the user gives it again after."""
    for flag, kw in GLOBAL_OPTIONS:
        if flag not in parser._option_string_actions:  # a command may have it already, from a shared parent
            parser.add_argument(flag, **({**kw, "default": argparse.SUPPRESS} if after_command else kw))


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command's parser under parser, nested ones ("review wrong") included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield sub
                yield from _subparsers(sub)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="claimledger", description="News reports in, a sourced ledger of figures out.")
    p.add_argument("--version", action="version", version=f"claimledger {__version__}")
    _add_global_options(p, after_command=False)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser("ingest", help="read sources into the ledger: files, directories, URLs, feeds")
    s.add_argument("sources", nargs="+",
                   help="files (.jsonl .json .txt .md .html .warc[.gz] .arc[.gz]), directories, http(s) URLs, feeds")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--annotated", action="store_true",
                   help="the sources are JSON Lines of reports whose claims are already coded (the gold form of "
                        "spec/claims.md): keep those claims as they are instead of extracting")
    s.add_argument("--reconcile", action="store_true",
                   help="at the end, reconcile the ledger and keep the outputs (as `claimledger reconcile`), so "
                        "that the next `series`, `conflicts` or `sources` reads them; worth it after a large batch")
    _add_input_options(s)
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("claims", help="list the claims in the ledger")
    s.add_argument("--measure", choices=MEASURES)
    s.add_argument("--category", choices=CATEGORIES)
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
    s.add_argument("--version", type=_positive_int, metavar="N",
                   help="an earlier version of the document, with the claims it had (default: the current one)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--no-frames", action="store_true", help="skip the attribution frames (no re-parse of the text)")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("extract",
                       help="documents in (JSON Lines or any ingest source), claims out as JSON Lines; no ledger")
    s.add_argument("sources", nargs="+")
    s.add_argument("-o", "--output", help="write here instead of standard output")
    _add_input_options(s)
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("export", help="export the ledger's claims")
    s.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="jsonl",
                   help="csv or jsonl: the claims; parquet: claims, documents, series and which claim is in which "
                        "series, four files in the directory -o names (analytics.py)")
    s.add_argument("-o", "--output", help="write here instead of standard output (for parquet: a directory)")
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

    s = sub.add_parser("documents", help="list the ledger's documents: ids, versions, aliases, origins; or one "
                                         "document's versions; or remove one for good (--delete ID --force)")
    s.add_argument("doc", nargs="?", help="one document: list its versions")
    s.add_argument("--json", action="store_true")
    s.add_argument("--delete", metavar="ID", help="remove this document, its versions, claims and aliases")
    s.add_argument("--force", action="store_true", help="really remove (--delete refuses without it)")
    s.set_defaults(func=cmd_documents)

    s = sub.add_parser("reextract", help="run extraction again on stored documents (after an upgrade of claimledger, "
                                         "its gazetteer or lexicon): each gets a new version, the old claims kept")
    which = s.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every document")
    which.add_argument("--stale", action="store_true",
                       help="documents whose claims were made by another extractor, gazetteer, lexicon or model")
    which.add_argument("--doc", action="append", metavar="ID", help="this document (repeatable)")
    s.add_argument("--dry-run", action="store_true", help="only list the documents that would be re-extracted")
    s.set_defaults(func=cmd_reextract)

    s = sub.add_parser("serve", help="the web app and HTTP API over the ledger (reading open; ingest and review "
                                     "need --token)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=_positive_int, default=8000, help="port to listen on (default 8000)")
    s.add_argument("--token", default=None,
                   help="the secret that ingest and review requests must carry (Authorization: Bearer TOKEN; "
                        "default: the CLAIMLEDGER_TOKEN environment variable); without one the server only reads")
    s.add_argument("--allow-private-urls", action="store_true",
                   help="URL ingest may fetch from loopback and private network addresses (refused by default)")
    s.add_argument("--max-mb", type=_positive_int, default=10, metavar="N",
                   help="the largest request body and fetched page, in megabytes (default 10)")
    s.set_defaults(func=cmd_serve)

    from claimledger.cli_reconcile import add_commands

    add_commands(sub)
    for command in _subparsers(p):
        _add_global_options(command, after_command=True)
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
        if args.command not in NO_LEDGER and args.command != "ingest":
            _ledger_must_exist(args.db)
        return int(args.func(args) or 0)
    except ClaimLedgerError as exc:
        _err(str(exc))
        return next(code for kind, code in EXIT_CODES if isinstance(exc, kind))
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _add_input_options(s: argparse.ArgumentParser) -> None:
    """What `ingest` and `extract` read, and what they refuse."""
    from claimledger.ingest import LANGUAGES

    s.add_argument("--allow-private-urls", action="store_true",
                   help="fetch from loopback and private network addresses too (refused by default)")
    s.add_argument("--lang", choices=LANGUAGES, default="auto",
                   help="auto (default): skip, with a line, a document that does not read as English; en: take "
                        "every text as English")
    s.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                   help="extract in N worker processes (default 1: in this one); the ledger is written in the "
                        "order the documents are read, as with one")
    s.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local (default): this machine's processes; dask: a Dask distributed cluster (a "
                        "LocalCluster of --workers processes, at least 2, unless --scheduler is given)")
    s.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler to use, e.g. tcp://10.0.0.5:8786")
    s.add_argument("--max-mb", type=_positive_int, default=10, metavar="N",
                   help="the largest file or page read, in megabytes (default 10); a larger one is refused before "
                        "it is read")


def _documents(args: argparse.Namespace) -> Iterator[Any]:
    from claimledger.ingest import iter_documents
    from claimledger.ingest.fetch import Fetcher

    limit = args.max_mb * 1024 * 1024
    return iter_documents(args.sources, fetcher=Fetcher(allow_private=args.allow_private_urls, max_bytes=limit),
                          language=args.lang, max_bytes=limit)


def _ledger_must_exist(db: str | None) -> None:
    """Read commands never make a ledger: a mistyped --db must not answer "0 claims" from a new empty file."""
    from pathlib import Path

    from claimledger.store import DEFAULT_DB
    from claimledger.store.dialect import SQLiteDialect, dialect_for

    dialect = dialect_for(db or DEFAULT_DB)  # a server's database says itself whether it exists
    if isinstance(dialect, SQLiteDialect) and dialect.path != ":memory:" and not Path(dialect.path).exists():
        raise StoreError(f"no ledger at {dialect.path}: check --db (or db in the settings file), or ingest into "
                         "it first; read commands never create one.")


def _err(msg: str) -> None:
    from claimledger.display import clean

    print(f"claimledger: error: {clean(msg)}", file=sys.stderr)  # ids and origins come from untrusted input


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
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from claimledger.display import clean
    from claimledger.ingest.annotated import align
    from claimledger.store import open_store

    count = dict.fromkeys(("new", "version", "alias", "present"), 0)
    failed = seen = nclaims = 0
    console = _console(stderr=True)
    with open_store(args.db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=console,
        disable=args.quiet or not console.is_terminal,
    ) as progress, _extraction(args) as extraction:
        store.check_writable()  # a read-only ledger is refused before anything is extracted
        task = progress.add_task("ingest", total=None, name="")

        def report(what: str) -> None:
            progress.console.print(f"claimledger: error: {clean(what)}", markup=False, highlight=False, soft_wrap=True)

        def write(batch: list[tuple[Document, Any]]) -> None:
            nonlocal failed, nclaims
            for (item, coded), (_, claims) in zip(batch, extraction.extract([d for d, _ in batch]), strict=True):
                try:
                    if isinstance(claims, ClaimLedgerError):
                        raise claims
                    if coded is not None:
                        claims = align(coded, claims)
                        for c in claims:
                            c.extracted_with = CODED  # an analyst's claims: `reextract` leaves them alone
                    added = store.add(item, claims)
                    count[added.outcome] += 1
                    nclaims += len(claims) if added else 0
                except (ClaimLedgerError, ValueError) as exc:
                    failed += 1
                    report(f"{item.origin or item.id}: {exc}")

        pending: list[tuple[Document, Any]] = []
        for item in _annotated(args.sources) if args.annotated else _documents(args):
            coded = None
            if isinstance(item, tuple):
                item, coded = item
            if isinstance(item, IngestError):
                failed += 1
                report(str(item))
                continue
            seen += 1
            progress.update(task, advance=1, name=escape(clean(item.id)))
            if store.status(item) in ("present", "alias"):
                count[store.add(item, []).outcome] += 1  # nothing to extract: the content is stored already
                continue
            pending.append((item, coded))
            if len(pending) >= extraction.batch:
                write(pending)
                pending = []
        write(pending)
    print(f"{seen} documents read: {count['new']} new, {count['version']} new versions ({nclaims} claims), "
          f"{count['alias']} aliases of stored documents, {count['present']} already in the ledger; "
          f"{failed} failed", file=sys.stderr)
    if args.reconcile:
        from claimledger.cli_reconcile import cmd_reconcile

        cmd_reconcile(args)
    return EXIT_INPUTS_FAILED if failed else 0


class _OneProcess:
    """Extraction in this process, one document at a time (`--workers 1`): the same interface as
    parallel.Workers."""

    batch = 1

    def __init__(self, settings: Settings):
        self._extractor = _extractor(settings)

    def __enter__(self) -> _OneProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def extract(self, documents: Sequence[Document]) -> Iterator[tuple[Document, Any]]:
        for d in documents:
            try:
                yield d, self._extractor.extract(d)
            except ClaimLedgerError as exc:
                yield d, exc


def _extraction(args: argparse.Namespace) -> Any:
    """Where extraction runs: here, or in `--workers N` processes (parallel.py)."""
    settings: Settings = args.settings
    options = dict(gazetteer=settings.gazetteer, lexicon=settings.lexicon, model=settings.model,
                   decisions=settings.decisions)
    engine = getattr(args, "engine", "local")
    if engine == "dask":
        from claimledger.parallel import DaskWorkers

        try:
            return DaskWorkers(max(args.workers, 2) if not args.scheduler else args.workers, options,
                               scheduler=args.scheduler)
        except ImportError as exc:
            raise ConfigError(f"--engine dask needs Dask: pip install 'claimledger[dask]' ({exc})") from exc
        except OSError as exc:
            raise ConfigError(f"--scheduler {args.scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    if args.scheduler:
        raise ConfigError("--scheduler is for --engine dask")
    if getattr(args, "workers", 1) <= 1:
        return _OneProcess(settings)
    from claimledger.parallel import Workers

    return Workers(args.workers, options)


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


# The claims table's columns, and the ones kept when the terminal is too narrow for all of them.
CLAIM_COLUMNS = ("doc", "figure", "item", "category", "measure", "actor → recipient", "where", "period", "source",
                 "via")
NARROW_COLUMNS = ("doc", "figure", "item", "measure", "actor → recipient", "source")
NARROW_WIDTH = 140


def _claims_table(claims: list[Claim], title: str | None = None, width: int | None = None):
    """The claims as a table; under NARROW_WIDTH columns only the essential fields, each cell whole
    (a figure is never split across lines), rather than every field folded a letter a line."""
    from rich.table import Table

    from claimledger.display import text

    columns = NARROW_COLUMNS if width is not None and width < NARROW_WIDTH else CLAIM_COLUMNS
    if columns is NARROW_COLUMNS:
        title = f"{title or ''} (narrow terminal: --json or a wider one shows every field)".strip()
    t = Table(title=title, show_lines=False, expand=False)
    for col in columns:
        t.add_column(col, overflow="fold", no_wrap=col == "figure")
    for c in claims:
        period = ""
        if c.period_start or c.period_end:
            period = f"{c.period_start or '…'}..{c.period_end or '…'}"
        flags = ("Σ " if c.cumulative else "") + ("+ " if c.incremental else "")
        # Every cell comes from a report: Text (never markup) with control characters escaped (display.py).
        cells = dict(zip(CLAIM_COLUMNS, (c.doc, flags + claim_figure(c), c.item, c.category, c.measure,
                                         f"{c.actor or '?'} → {c.recipient or '–'}", c.location, period,
                                         c.source or "(publisher)", " ← ".join(c.via)), strict=True))
        t.add_row(*(text(cells[col]) for col in columns))
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
    console.print(_claims_table(claims, title=f"{len(claims)} claims", width=console.width))
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

    from claimledger.display import clean, clean_with_offsets
    from claimledger.store import open_store

    with open_store(args.db) as store:
        document = store.document(args.doc, args.version)
        claims = store.document_claims(document.id, args.version) if args.version else store.claims(doc=document.id)
    frames = [] if args.no_frames else _extractor(args.settings).frames(document)
    if args.json:
        out = {"document": document.to_dict(), "frames": frames,
               "claims": [{**c.to_dict(), "explain": explain(c)} for c in claims]}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    # Everything below comes from the report: Text objects (never markup), control characters escaped.
    console = _console()
    console.rule(Text(clean(f"{document.id}  {document.publisher or ''}  {document.published or ''}"),
                      style="bold"))
    # Claims point into the raw text; escapes are longer than what they replace, so the offsets move with them.
    shown, at = clean_with_offsets(document.text)

    def pos(offset: int) -> int:
        return at[min(max(offset, 0), len(document.text))]

    text = Text(shown)
    for c in claims:
        text.stylize("bold black on yellow", pos(c.start), pos(c.end))
    marks = Text()
    last = 0
    for n, c in enumerate(sorted(claims, key=lambda c: c.start), 1):
        marks.append_text(text[last:pos(c.end)])
        marks.append(f"[{n}]", style="bold cyan")
        last = pos(c.end)
    marks.append_text(text[last:])
    console.print(marks)
    if frames:
        console.rule("attribution frames")
        for f in frames:
            who = f["source"] or "(no source named)"
            if f["names"].get(f["source"]):
                who += f" \"{f['names'][f['source']]}\""
            row = Text(clean(f"  {f['kind']:8s} {who}"))
            if f["via"]:
                row.append(clean("  via " + " ← ".join(f["via"])))
            row.append(clean(f"   ← {f['cue']}"), style="dim")
            covered = document.text[f["start"]:f["end"]].strip().replace("\n", " ")
            row.append(clean(f"\n           over: {covered[:90]}{'…' if len(covered) > 90 else ''}"), style="dim")
            console.print(row, highlight=False)
    console.rule("claims")
    for n, c in enumerate(sorted(claims, key=lambda c: c.start), 1):
        line = Text(f"[{n}] ", style="bold cyan")
        line.append(clean(c.text), style="bold")
        line.append(clean(f"  ({c.id})"))
        console.print(line, highlight=False)
        for name, info in explain(c).items():
            val = info["value"]
            if name == "source":
                val = (val["source"] or "(publisher's own voice)") + (
                    "  via " + " ← ".join(val["via"]) if val["via"] else "")
            row = Text(clean(f"    {name:12s} {val}"))
            if info["cue"]:
                row.append(clean(f"   ← {info['cue']}"), style="dim")
            console.print(row, highlight=False)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        raise ConfigError(f"{args.output}: cannot write the claims ({exc.strerror})") from exc
    failed = nclaims = 0
    try:
        docs = []
        for item in _documents(args):
            if isinstance(item, IngestError):
                failed += 1
                _err(str(item))
            else:
                docs.append(item)

        def emit(results: Iterable[tuple[Document, Any]]) -> None:
            nonlocal failed, nclaims
            for _document, claims in results:
                if isinstance(claims, ClaimLedgerError):
                    failed += 1
                    _err(str(claims))
                    continue
                nclaims += len(claims)
                for c in claims:
                    out.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")

        if args.workers > 1 or args.engine == "dask":
            with _extraction(args) as workers:
                emit(workers.extract(docs))
        else:
            emit(_extractor(args.settings).extract_many(docs))  # one process: nlp.pipe's batches
    finally:
        if args.output:
            out.close()
    print(f"{len(docs)} documents read: {nclaims} claims; {failed} failed", file=sys.stderr)
    return EXIT_INPUTS_FAILED if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from claimledger.store import export_claims, open_store

    if args.format == "parquet":
        from claimledger.analytics import write_parquet

        if not args.output:
            raise ConfigError("--format parquet writes four files: name their directory with -o DIR")
        counts = write_parquet(args.output, args.db)
        print(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()) + f" written to {args.output}",
              file=sys.stderr)
        return 0

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


FIELD_COLUMNS = ("source", "measure", "category", "actor", "recipient")


def _score_cells(s: dict[str, Any]) -> str:
    fa = s["field_accuracy"]
    return f"{s['detect']['f1']:7.3f} {s['full']['f1']:6.3f} " + " ".join(
        f"{fa.get(f, 0):{max(len(f), 6)}.3f}" for f in FIELD_COLUMNS)


def _score_header() -> str:
    return f"{'detect':>7s} {'full':>6s} " + " ".join(f"{f:>{max(len(f), 6)}s}" for f in FIELD_COLUMNS)


def _family_table(families: dict[str, dict[str, Any]]) -> None:
    print(f"{'family':34s} {'docs':>4s} {'gold':>5s} {_score_header()}")
    for fam, s in families.items():
        print(f"{fam:34s} {s['docs']:4d} {s['gold']:5d} {_score_cells(s)}")


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
    print(f"{'':34s} {_score_header()}")
    for name, s in rows:
        print(f"{name:34s} {_score_cells(s)}")
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


def cmd_documents(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from claimledger.store import open_store

    with open_store(args.db) as store:
        if args.delete:
            doc = store.document(args.delete)
            if not args.force:
                versions = store.versions(doc.id)
                raise ConfigError(f"--delete {args.delete} removes the document {doc.id!r} for good: its "
                                  f"{len(versions)} versions, {versions[-1]['claims']} current claims and its "
                                  "aliases; add --force to do it")
            removed = store.delete(doc.id)
            print(f"removed {doc.id}: {removed['versions']} versions, {removed['claims']} claims, "
                  f"{removed['aliases']} aliases", file=sys.stderr)
            return 0
        if args.doc:
            doc = store.document(args.doc)
            rows = store.versions(doc.id)
            if args.json:
                print(json.dumps({"id": doc.id, "aliases": store.aliases(doc.id).get(doc.id, []), "versions": rows},
                                 ensure_ascii=False, indent=1))
                return 0
            table = Table(title=Text(f"{doc.id}: {len(rows)} versions"))
            for col in ("version", "added", "replaced", "why", "published", "claims", "origin", "made by"):
                table.add_column(col, overflow="fold")
            for r in rows:
                table.add_row(str(r["version"]) + (" (current)" if r["current"] else ""), r["added_at"],
                              r["replaced_at"] or "", r["replaced_by"] or "", r["published"] or "", str(r["claims"]),
                              Text(r["origin"] or r["url"] or ""), Text(r["extracted_with"] or ""))
            _console().print(table)
            return 0
        index = store.document_index()
    if args.json:
        print(json.dumps(index, ensure_ascii=False, indent=1))
        return 0
    table = Table(title=Text(f"{len(index)} documents"))
    for col in ("id", "version", "published", "publisher", "claims", "origin", "aliases"):
        table.add_column(col, overflow="fold")
    for d in index:
        table.add_row(Text(d["id"]), str(d["version"]), d["published"] or "", Text(d["publisher"] or ""),
                      str(d["claims"]), Text(d["origin"] or d["url"] or ""), Text(", ".join(d["aliases"])))
    _console().print(table)
    return 0


def cmd_reextract(args: argparse.Namespace) -> int:
    """Extraction again over stored documents, each a new version whose old claims stay readable."""
    from claimledger.store import open_store

    extractor = _extractor(args.settings)
    failed = done = same = 0
    with open_store(args.db) as store:
        if args.doc:
            chosen = [store.document(d).id for d in args.doc]  # named: even an analyst's coded claims
        else:
            index = store.document_index()
            coded = sum(d["extracted_with"] == CODED for d in index)
            if coded:
                print(f"{coded} documents with an analyst's coded claims (ingest --annotated) left alone; name "
                      "one with --doc to extract it", file=sys.stderr)
            chosen = [d["id"] for d in index if d["extracted_with"] != CODED
                      and (args.all or d["extracted_with"] != extractor.version)]
        if args.dry_run:
            for doc_id in chosen:
                print(doc_id)
            print(f"{len(chosen)} documents would be re-extracted with {extractor.version}", file=sys.stderr)
            return 0
        store.check_writable()
        for doc_id in chosen:
            document = store.document(doc_id)
            try:
                claims = extractor.extract(document)
                if [c.to_dict() for c in claims] == [c.to_dict() for c in store.claims(doc=doc_id)]:
                    same += 1  # the same claims by the same extractor: no new version
                    continue
                version = store.replace_claims(doc_id, claims)
                done += 1
                print(f"{doc_id}: version {version}", file=sys.stderr)
            except ClaimLedgerError as exc:
                if isinstance(exc, StoreError) and not store.writable():
                    raise
                failed += 1
                _err(f"{doc_id}: {exc}")
    print(f"{done} documents re-extracted with {extractor.version}, {same} unchanged; {failed} failed",
          file=sys.stderr)
    return EXIT_INPUTS_FAILED if failed else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """The web app and HTTP API (web/); FastAPI is imported only here."""
    import os

    if args.port > 65535:
        raise ConfigError(f"--port {args.port}: a port is 1 to 65535")
    try:
        from claimledger.web.app import serve
    except ImportError as exc:
        raise ConfigError(f"serve needs FastAPI and uvicorn: pip install claimledger ({exc})") from exc
    serve(args.db, settings=args.settings, host=args.host, port=args.port,
          token=args.token or os.environ.get("CLAIMLEDGER_TOKEN"), allow_private_urls=args.allow_private_urls,
          max_mb=args.max_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
