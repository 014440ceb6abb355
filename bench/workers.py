"""Whole-process throughput of `claimledger extract`, one process against `--workers N`, beside the
floor: spaCy's full en_core_web_sm `nlp.pipe` over the same texts, also as a whole process.

usage: .venv/bin/python bench/workers.py [--reports corpus/gold.jsonl] [--times 2] [--workers 2]

Each command runs as its own process (model loading included, as a user sees it) over the reports'
texts repeated --times times, with distinct ids so nothing is skipped; the table gives wall-clock
seconds, documents per second and each one's speed as a multiple of the floor's (above 1: faster).
A benchmark, not a test: the numbers depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CLAIMLEDGER = Path(sys.executable).with_name("claimledger")

FLOOR = """
import json, sys
from claimledger.nlp.model import load_english
nlp = load_english()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts):
    pass
"""


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", default=str(ROOT / "corpus" / "gold.jsonl"))
    ap.add_argument("--times", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    reports = [json.loads(line) for line in open(args.reports, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "reports.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for k in range(args.times):
                for r in reports:
                    f.write(json.dumps({"id": f"{r['id']}-{k}", "text": r["text"], "published": r.get("published"),
                                        "publisher": r.get("publisher")}) + "\n")
        n = len(reports) * args.times
        floor_run = timed([sys.executable, "-c", FLOOR, str(source)])
        rows = [("spaCy `nlp.pipe`, full en_core_web_sm (the floor)", floor_run),
                ("`claimledger extract`", timed([str(CLAIMLEDGER), "extract", str(source), "--lang", "en"])),
                (f"`claimledger extract --workers {args.workers}`",
                 timed([str(CLAIMLEDGER), "extract", str(source), "--lang", "en", "--workers", str(args.workers)]))]
    floor = rows[0][1]
    print(f"{n} reports, whole processes (model loading included)\n")
    print("| command | seconds | documents/s | speed × the floor |")
    print("|---|---:|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} | {n / seconds:.1f} | {floor / seconds:.2f} |")


if __name__ == "__main__":
    main()
