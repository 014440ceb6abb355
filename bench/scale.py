"""How `series`, `conflicts` and `sources` scale with the ledger (issue 10).

usage: .venv/bin/python bench/scale.py [--reports 100000] [--sizes 10000,100000] [--keep DIR] [--one-build]

Why: reconciling must stay linear in the ledger's size; a command that is
quadratic anywhere (all pairs of a block, all pairs of a series' assertions)
is fine on the corpus's 150 reports and hopeless at 100,000.

What it does, for each size N (default: a tenth of --reports, and --reports):

1. writes a synthetic ledger of N reports (``make_ledger``, seeded): a few
   hundred events over three years — wars' running totals for many sides,
   disasters and attacks with no side (their place tells them apart), nights
   of drones and weeks of crossings (flows), aid packages in several
   currencies — each reported by several originators (governments and their
   bodies, UN agencies, NGOs) through relays, with noise, earlier figures,
   projections and disagreements. Reports go straight into a SQLite ledger
   through the store's own insert path, many to a transaction;
2. runs `claimledger series --json`, `conflicts --json` and `sources --json`
   on it, each a whole process (start-up, reading the ledger, printing), and
   takes the wall time and the child's peak memory (ru_maxrss); each command
   twice: first with no reconciled outputs kept in the ledger (they are
   cleared before it: the call rebuilds series, conflicts and sources and keeps
   them, as the first call after any change does), then again (it prints the
   kept outputs). One rebuild makes what all three print, so ``--one-build``
   clears them only before the first command and times the others' stored
   calls alone (a third of the time on a large ledger);
3. prints one Markdown table and the time ratio of the largest size to the
   smallest (linear: about the ratio of the sizes), and writes it to
   bench/out/scale.md.

Generated ledgers go to a temporary folder (or --keep DIR) and are never
part of the repository.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from _report import write_report  # noqa: E402  (bench/ scripts run as files, not as a package)

ROOT = BENCH.parent
# The command of the environment running this script (the repository's .venv when run as the README says).
CLI = Path(sys.executable).parent / "claimledger"
COMMANDS = ("series", "conflicts", "sources")

SIDES = ["RUS", "UKR", "PRK", "KOR", "USA", "ISR", "PSE", "LBN", "IRN", "SYR", "YEM", "SDN", "COD", "MMR",
         "DEU", "FRA", "GBR", "POL", "TUR", "IND", "PAK", "CHN", "JPN", "ESP", "ITA", "CAN", "AUS", "BLR"]
PLACES = ["kursk", "kharkiv", "donetsk", "gaza", "khan-younis", "beirut", "valencia", "derna", "aleppo",
          "goma", "khartoum", "el-fasher", "mandalay", "sanaa", "kyiv", "odesa", "rafah", "jenin", "idlib",
          "tyre", "herat", "sylhet", "kerala", "sichuan", "hokkaido", "murcia", "calabria", "manitoba",
          "queensland", "minsk"]
OUTLETS = ["REUTERS", "AP", "AFP", "BBC", "CNN", "ALJAZEERA", "YONHAP", "TASS", "KYIV-INDEPENDENT",
           "GUARDIAN", "NYT", "WAPO", "DW", "FRANCE24", "NHK", "ANADOLU", "TIMES-OF-ISRAEL", "EFE", "ANSA",
           "CBC", "ABC-AU", "DAWN", "HINDU", "XINHUA"]
AGENCIES = ["UN", "OHCHR", "OCHA", "UNHCR", "WHO", "IOM", "UNICEF", "MSF", "ICRC", "HRW", "AMNESTY",
            "ACLED", "ISW", "IISS"]
BODIES = ["MOD", "MFA", "JCS", "NIS", "DOD", "GENERAL-STAFF", "HEALTH-MINISTRY", "INTERIOR-MINISTRY"]


@dataclass
class Event:
    """One quantity in the world that reports speak of."""

    measure: str
    category: str
    item: str
    actor: str | None
    recipient: str | None
    place: str | None
    start: date
    days: int  # how long it stays in the news
    cumulative: bool  # a running total; else a flow over [period_start, period_end]
    period: tuple[date, date] | None
    total: float  # the true value at its end
    originators: list[str] = field(default_factory=list)
    weight: float = 1.0

    def value_at(self, day: date) -> float:
        if not self.cumulative:
            return self.total
        done = min(max((day - self.start).days + 1, 1), self.days) / self.days
        return max(1.0, round(self.total * done ** 0.7))


KINDS = [  # measure, category, item, has a side, cumulative, scale
    ("killed", "casualty", "soldier", True, True, 20000),
    ("wounded", "casualty", "soldier", True, True, 40000),
    ("killed_or_wounded", "casualty", "soldier", True, True, 60000),
    ("deployed", "personnel", "troop", True, True, 12000),
    ("captured", "casualty", "soldier", True, True, 3000),
    ("launched", "munition", "drone", True, False, 300),
    ("launched", "munition", "missile", True, False, 60),
    ("destroyed", "vehicle", "tank", True, True, 4000),
    ("pledged", "money", "dollar", True, False, 5e8),
    ("transferred", "money", "euro", True, False, 2e8),
    ("killed", "casualty", "person", False, True, 400),
    ("wounded", "casualty", "person", False, True, 900),
    ("displaced", "people", "person", False, True, 150000),
    ("missing", "casualty", "person", False, True, 200),
    ("other", "people", "migrant", False, False, 2500),
]


def make_events(rng: random.Random, n_events: int, first: date, years: int) -> list[Event]:
    events = []
    span = 365 * years
    for _ in range(n_events):
        measure, category, item, sided, cumulative, scale = rng.choice(KINDS)
        start = first + timedelta(days=rng.randrange(span))
        actor = recipient = place = None
        if sided:
            actor = rng.choice(SIDES)
            if measure in ("deployed", "pledged", "transferred", "launched"):
                recipient = rng.choice([s for s in SIDES if s != actor])
            place = rng.choice(PLACES) if rng.random() < 0.3 else None
        else:
            place = rng.choice(PLACES)
        if cumulative:
            days = rng.choice([3, 10, 60, 400, 900]) if sided else rng.choice([2, 5, 14, 40])
            period = None
        else:
            length = rng.choice([0, 0, 6, 30, 364])
            days = rng.choice([2, 7, 20])
            period = (start, start + timedelta(days=length))
        total = scale * rng.uniform(0.2, 3.0)
        country = (actor or rng.choice(SIDES))
        pool = [country, f"{country}-{rng.choice(BODIES)}", f"{country}-{rng.choice(BODIES)}",
                rng.choice(AGENCIES), rng.choice(AGENCIES), rng.choice(SIDES)]
        if recipient:
            pool.append(f"{recipient}-{rng.choice(BODIES)}")
        events.append(Event(measure, category, item, actor, recipient, place, start, days, cumulative, period,
                            total, list(dict.fromkeys(pool)), weight=rng.paretovariate(1.2)))
    return events


WORDS = {"killed": "killed", "wounded": "wounded", "killed_or_wounded": "killed or wounded",
         "deployed": "deployed", "captured": "captured", "launched": "launched", "destroyed": "destroyed",
         "pledged": "pledged", "transferred": "sent", "displaced": "displaced", "missing": "missing",
         "other": "crossed"}


def make_report(rng: random.Random, i: int, events: list[Event], weights: list[float]) -> tuple:
    """One Document and its claims: one to four figures from one or two events."""
    from claimledger.models import Claim, Document

    chosen = rng.choices(events, weights=weights, k=rng.choice([1, 1, 2]))
    ev0 = chosen[0]
    published = ev0.start + timedelta(days=rng.randrange(ev0.days))
    doc_id = f"scale-{i:07d}"
    publisher = rng.choice(OUTLETS)
    where = ev0.place or ev0.recipient or ev0.actor or ""
    title = f"{WORDS[ev0.measure].capitalize()} {ev0.item}s in {where}: officials give new figures"
    sentences: list[tuple[str, dict]] = []
    for ev in chosen:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            day = published - timedelta(days=rng.choice([0, 0, 0, 1, 2, 9]))
            src = rng.choice(ev.originators)
            # Most reports relay the count current at the time; some originators have their own.
            value = ev.value_at(day)
            noise = rng.random()
            if noise < 0.02:
                value *= rng.choice([0.3, 2.5])  # a rival count
            elif noise < 0.12:
                value *= rng.uniform(0.9, 1.1)
            value = float(max(1, round(value, -2 if value > 5000 else 0)))
            claim_place = ev.place if rng.random() < 0.8 else rng.choice(PLACES)
            sentence = (f"{src} said {value:,.0f} {ev.item}s were {WORDS[ev.measure]}"
                        f"{' in ' + claim_place if claim_place else ''} as of {day.isoformat()}.")
            fields = dict(value=value, approx=rng.random() < 0.4, bound=rng.choice(["=", "=", "=", ">"]),
                          item=ev.item, category=ev.category, measure=ev.measure, actor=ev.actor,
                          recipient=ev.recipient, location=claim_place, cumulative=ev.cumulative,
                          period_start=ev.period[0].isoformat() if ev.period else None,
                          period_end=ev.period[1].isoformat() if ev.period else None,
                          source=None if rng.random() < 0.05 else src,
                          via=[rng.choice(OUTLETS)] if rng.random() < 0.3 else [],
                          stated=day.isoformat() if day != published else None,
                          earlier=rng.random() < 0.03, projection=rng.random() < 0.02,
                          incremental=rng.random() < 0.03, vague=False)
            sentences.append((sentence, fields))
    text = title + ". " + " ".join(s for s, _ in sentences)
    doc = Document(id=doc_id, text=text, published=published.isoformat(), publisher=publisher, title=title)
    claims, at = [], len(title) + 2
    for sentence, fields in sentences:
        figure = sentence.split(" said ", 1)[1].split(" ", 1)[0]
        start = at + sentence.index(" said ") + 6
        claims.append(Claim(doc=doc_id, start=start, end=start + len(figure), text=figure, evidence=sentence,
                            evidence_start=at, published=doc.published, publisher=publisher, **fields))
        at += len(sentence) + 1
    return doc, claims


def make_ledger(path: Path, reports: int, seed: int = 0) -> int:
    """A synthetic ledger of ``reports`` reports at ``path``; returns the number of claims written."""
    from claimledger.store import open_store

    rng = random.Random(seed)
    events = make_events(rng, max(50, reports // 40), date(2023, 1, 1), 3)
    weights = [e.weight for e in events]
    written = 0
    with open_store(path) as store:
        batch = 5000
        for lo in range(0, reports, batch):
            # The store's own insert path, many reports to one transaction: add() commits each alone.
            with store._transaction():
                for i in range(lo, min(lo + batch, reports)):
                    doc, claims = make_report(rng, i, events, weights)
                    store._insert_document(doc, 1, claims)
                    for c in claims:
                        store._insert_claim(c)
                    written += len(claims)
    return written


def forget_reconciled(db: Path) -> None:
    """Clear the reconciled outputs a ledger keeps, so that the next command rebuilds them."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reconciled'").fetchone():
            conn.execute("DELETE FROM reconciled")
            conn.commit()
    finally:
        conn.close()


def run(command: str, db: Path) -> tuple[float, float, int]:
    """Seconds, peak memory (MB) and bytes of output of one whole CLI run.

    The peak is the child's own ru_maxrss, read with os.wait4 for that one process (getrusage of
    RUSAGE_CHILDREN would give the largest of all children so far).
    """
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(CLI), command, "--db", str(db), "--json"], stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"claimledger {command} failed with exit code {proc.returncode}")
        size = out.tell()
    return seconds, usage.ru_maxrss / 1024, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000, help="the largest ledger (default 100,000 reports)")
    ap.add_argument("--sizes", help="comma-separated sizes (default: a tenth of --reports, and --reports)")
    ap.add_argument("--keep", type=Path, help="write the ledgers here and keep them (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--one-build", action="store_true",
                    help="rebuild the kept outputs once per size, before the first command (module docstring)")
    ap.add_argument("--out", default=str(BENCH / "out" / "scale.md"))
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")] if a.sizes else [a.reports // 10, a.reports]
    started = time.time()
    lines = [f"Measured {time.strftime('%Y-%m-%d')} with `bench/scale.py` (seed {a.seed}); each command is one "
             "whole `claimledger COMMAND --json` process.", "",
             "First call: no reconciled outputs kept (it rebuilds and keeps them); stored: the call after it.", "",
             "| reports | claims | " + " | ".join(f"{c} s | {c} MB | {c} stored s | {c} stored MB" for c in COMMANDS)
             + " |",
             "|---:|---:|" + "---:|---:|---:|---:|" * len(COMMANDS)]
    times: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = a.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in sorted(sizes):
            db = folder / f"scale-{n}.db"
            if not db.exists():
                t0 = time.perf_counter()
                claims = make_ledger(db, n, a.seed)
                print(f"wrote {n:,} reports, {claims:,} claims in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            else:
                from claimledger.store import open_store

                with open_store(db) as store:
                    claims = store.stats()["claims"]
            cells = []
            times[n] = {}
            for command in COMMANDS:
                if a.one_build and command != COMMANDS[0]:
                    cells += ["–", "–"]
                    calls: tuple[str, ...] = ("stored",)
                else:
                    forget_reconciled(db)
                    calls = ("first", "stored")
                for call in calls:
                    seconds, mb, size = run(command, db)
                    print(f"{n:,} reports: {command} ({call}) {seconds:.1f} s, {mb:.0f} MB, {size:,} bytes",
                          file=sys.stderr)
                    times[n][command if call == "first" else f"{command} stored"] = seconds
                    cells += [f"{seconds:.1f}", f"{mb:.0f}"]
            lines.append(f"| {n:,} | {claims:,} | " + " | ".join(cells) + " |")
    if len(sizes) > 1:
        lo, hi = min(sizes), max(sizes)
        ratios = ", ".join(f"{c} {times[hi][c] / times[lo][c]:.1f}" for c in times[hi] if c in times[lo])
        lines += ["", f"Time ratio {hi:,} / {lo:,} reports (linear ≈ {hi / lo:.0f}): {ratios}.",
                  "Memory is each process's peak resident size (ru_maxrss)."]
    write_report(lines, started, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
