"""Reconciliation quality in one run: the README's reconciliation table.

usage: .venv/bin/python bench/reconcile.py [--shared ../shared] [--out bench/out/reconcile.md]

Series purity, quantity completeness and conflict precision and recall
(spec/reconcile.md, "Scores"; claimledger.evaluate.reconcile_scores, the same
metrics as ../shared/eval/score_reconcile.py), each for a ledger built

- from the gold's coded claims (perfect input, as `ingest --annotated`), and
- from the extractor's claims of the same texts (as `ingest`),

on the shared dev set (the quantity model, trained on the corpus, never saw
it) and on the corpus with each topic family's series made by a model trained
without that family (leave one family out); its true conflicts are
corpus/conflicts/*.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from _report import write_report  # noqa: E402  (bench/ scripts run as files, not as a package)

ROOT = BENCH.parent

HEADER = ("| ledger built from | series purity | quantity completeness | conflict precision | conflict recall |\n"
          "|---|---:|---:|---:|---:|")


def row(name: str, s: dict) -> str:
    return (f"| {name} | {s['purity']:.3f} ({s['series_judged']}) | {s['completeness']:.3f} "
            f"({s['quantities_judged']}) | {s['precision']:.3f} ({s['conflicts_correct']}/{s['conflicts_predicted']})"
            f" | {s['recall']:.3f} ({s['found']}/{s['disagreements']}) |")


def corpus_conflicts() -> list[dict]:
    out: list[dict] = []
    for path in sorted((ROOT / "corpus" / "conflicts").glob("*.json")):
        out += json.loads(path.read_text(encoding="utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (eval)")
    ap.add_argument("--out", default=str(BENCH / "out" / "reconcile.md"))
    a = ap.parse_args(argv)

    from claimledger.evaluate import load_gold
    from claimledger.pipeline import Extractor
    from claimledger.reconcile.quantities import shipped_model
    from claimledger.train import coded_and_extracted, reconcile_run, unseen_reconcile

    started = time.time()
    extractor = Extractor()
    lines = [f"Measured {time.strftime('%Y-%m-%d')} with `bench/reconcile.py`.", "", HEADER]
    dev_gold = Path(a.shared) / "eval" / "dev" / "gold.jsonl"
    if dev_gold.exists():
        dev = load_gold(dev_gold)
        conflicts = json.loads((dev_gold.parent / "conflicts.json").read_text(encoding="utf-8"))
        for name, claims in zip(("dev set, annotated claims (perfect input)", "dev set, extractor's claims"),
                                coded_and_extracted(dev, extractor), strict=True):
            lines.append(row(name, reconcile_run(dev, claims, shipped_model(), conflicts)))
    corpus = load_gold(ROOT / "corpus" / "gold.jsonl")
    conflicts = corpus_conflicts()
    per_family = {}
    coded, extracted = coded_and_extracted(corpus, extractor)
    both = {True: coded, False: extracted}
    for name, coded in (("corpus, annotated claims, leave one family out", True),
                        ("corpus, extractor's claims, leave one family out", False)):
        pooled, families = unseen_reconcile(corpus, conflicts, both[coded], coded=both[True], extracted=both[False])
        lines.append(row(name, pooled))
        per_family.setdefault(name, families)
    lines += ["", "Per topic family of the corpus (annotated claims, leave one family out):", "", HEADER]
    first = next(iter(per_family.values()))
    lines += [row(fam, s) for fam, s in first.items()]
    write_report(lines, started, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
