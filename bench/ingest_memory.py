"""Wall time and peak memory of `claimledger ingest` against the number of reports (issue 10).

usage: .venv/bin/python bench/ingest_memory.py [--sizes 2000,20000] [--workers 1] [--keep DIR]

Why: ingest streams its input (one document read, extracted and written at a time), so its peak
memory should stay flat as the input grows; a list of every document or claim kept somewhere would
make it grow with the corpus and fail on a large one.

What it does, for each size N:

1. writes N generated reports as JSON Lines (id, text, published, publisher, title), a thousand to a
   file in one folder: the reports of bench/scale.py's ``make_report`` (seeded), so several figures
   from governments, agencies and outlets about a few hundred events over three years;
2. runs ``claimledger --db FRESH.db ingest FOLDER --quiet [--workers N]`` as a whole process into a
   new SQLite ledger, and takes its wall time and its peak resident size (ru_maxrss of that one
   process, read with os.wait4; with --workers above 1 the workers are its children, and the kernel
   reports the largest of it and them);
3. prints one Markdown table and writes it to bench/out/ingest_memory.md.

The generated reports and ledgers go to a temporary folder (or --keep DIR) and are never part of the
repository. A benchmark, not a test: the times depend on the machine and its load; the memory much less.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from _report import write_report  # noqa: E402  (bench/ scripts run as files, not as a package)
from scale import make_events, make_report  # noqa: E402

ROOT = BENCH.parent
CLI = Path(sys.executable).with_name("claimledger")
PER_FILE = 1000  # reports per JSON Lines file: each file is read whole, so none grows with N


def write_reports(folder: Path, reports: int, seed: int = 0) -> int:
    """``reports`` generated reports as JSON Lines files in ``folder``; returns the bytes written."""
    rng = random.Random(seed)
    events = make_events(rng, max(50, reports // 40), date(2023, 1, 1), 3)
    weights = [e.weight for e in events]
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for lo in range(0, reports, PER_FILE):
        path = folder / f"reports-{lo // PER_FILE:04d}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(lo, min(lo + PER_FILE, reports)):
                doc, _ = make_report(rng, i, events, weights)
                f.write(json.dumps({"id": doc.id, "text": doc.text, "published": doc.published,
                                    "publisher": doc.publisher, "title": doc.title}, ensure_ascii=False) + "\n")
        size += path.stat().st_size
    return size


def ingest(folder: Path, db: Path, workers: int) -> tuple[float, float, str]:
    """Seconds, peak memory (MB) and the summary line of one whole `claimledger ingest` run."""
    argv = [str(CLI), "--db", str(db), "ingest", str(folder), "--quiet"]
    if workers > 1:
        argv += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        err.seek(0)
        summary = err.read().decode("utf-8", "replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"claimledger ingest failed with exit code {code}: {' / '.join(summary[-3:])}")
    return seconds, usage.ru_maxrss / 1024, summary[-1] if summary else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,20000", help="comma-separated numbers of reports (default 2000,20000)")
    ap.add_argument("--workers", type=int, default=1, help="ingest --workers (default 1: extraction in-process)")
    ap.add_argument("--keep", type=Path, help="write the reports and ledgers here and keep them")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(BENCH / "out" / "ingest_memory.md"))
    a = ap.parse_args(argv)
    sizes = sorted(int(s) for s in a.sizes.split(","))
    started = time.time()
    command = "claimledger --db FRESH.db ingest FOLDER --quiet" + (f" --workers {a.workers}" if a.workers > 1 else "")
    lines = [f"Measured {time.strftime('%Y-%m-%d')} with `bench/ingest_memory.py` (seed {a.seed}): one whole "
             f"`{command}` process per size, into a new SQLite ledger.", "",
             "| reports | input MB | claims | seconds | reports/s | peak memory MB | ledger MB |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        base = a.keep or Path(tmp)
        for n in sizes:
            folder, db = base / f"reports-{n}", base / f"ingest-{n}.db"
            for stale in (db, db.with_name(db.name + "-journal")):
                stale.unlink(missing_ok=True)
            if not folder.exists():
                size = write_reports(folder, n, a.seed)
            else:
                size = sum(p.stat().st_size for p in folder.glob("*.jsonl"))
            seconds, mb, summary = ingest(folder, db, a.workers)
            # A generated text may repeat an earlier one word for word: stored once, the other id an alias.
            found = re.search(r"(\d+) documents read: .*?\((\d+) claims\).*; 0 failed$", summary)
            if not found or int(found.group(1)) != n:
                raise SystemExit(f"ingest of {n:,} reports did not read them all: {summary}")
            claims = int(found.group(2))
            print(f"{n:,} reports: {seconds:.0f} s, {mb:.0f} MB peak ({summary})", file=sys.stderr)
            lines.append(f"| {n:,} | {size / 1e6:.1f} | {claims:,} | {seconds:.0f} | {n / seconds:.0f} | {mb:.0f} "
                         f"| {db.stat().st_size / 1e6:.1f} |")
    lines += ["", "Peak memory is the ingest process's peak resident size (ru_maxrss), model loading included."]
    write_report(lines, started, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
