"""Quality on text the extractor was not built on, in one run: the README's quality table.

usage: .venv/bin/python bench/quality.py [--shared ../shared] [--model] [--out bench/out/quality.md]

Rows, each scored with the project's scorer (claimledger.evaluate, the same
metrics as ../shared/eval/score.py):

- corpus, by topic family: the 150 reports of corpus/ (30 families). The
  default extractor is the rules, which are trained on nothing, so every family
  is one it was not built on; the per-family table shows the spread.
- with --model: the decision model (extract/decide.py) trained without the
  family it is scored on (leave one family out) and without the annotator of
  the reports it is scored on (leave one annotator out). Slow (trains 36 models).
- our own sets: the held-out set (written blind after the rules of 2026-12-06, never
  read to tune them), the examples and the blind-written set (tests/data/), and the
  shared dev set (../shared/eval/dev), the set the rules were first built on.
- the anchors, text nobody here wrote (../shared/anchors, evaluation only):
  PolNeAR's test split (source accuracy on figures inside speech
  attributions; its dev split is the one to develop on) and NewsQuant (value
  F1 on counts and money). Each is run through its own scorer as a subprocess.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from _report import write_report  # noqa: E402  (bench/ scripts run as files, not as a package)

ROOT = BENCH.parent
CLAIMLEDGER = Path(sys.executable).with_name("claimledger")


def summary_row(name: str, s: dict) -> str:
    fa = s["field_accuracy"]
    return (f"| {name} | {s['docs']} | {s['gold']} | {s['detect']['f1']:.3f} | {s['full']['f1']:.3f} | "
            f"{fa.get('source', 0):.3f} | {fa.get('measure', 0):.3f} | {fa.get('category', 0):.3f} | "
            f"{fa.get('actor', 0):.3f} | {fa.get('period', 0):.3f} |")


HEADER = ("| set | reports | claims | detect F1 | full F1 | source | measure | category | actor | period |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def polnear(shared: Path, split: str) -> str:
    script = shared / "anchors" / "polnear" / "score_attribution.py"
    if not script.exists():
        return f"PolNeAR {split}: not found at {script}"
    out = subprocess.run([sys.executable, str(script), "--split", split, "--cmd", f"{CLAIMLEDGER} extract"],
                         capture_output=True, text=True, cwd=script.parent, check=False).stdout
    row = next((ln for ln in out.splitlines() if ln.startswith("speech cues")), "")
    nums = row.split()
    # columns: figs found claims correct partial wrong null unverif nosrc acc acc_len prec
    return (f"PolNeAR {split}, speech cues: source accuracy {nums[-3]} (acc_len {nums[-2]}, "
            f"precision {nums[-1]})") if len(nums) >= 12 else f"PolNeAR {split}: {out[-300:]}"


def newsquant(shared: Path) -> str:
    script = shared / "anchors" / "newsquant" / "score_newsquant.py"
    if not script.exists():
        return f"NewsQuant: not found at {script}"
    out = subprocess.run([sys.executable, str(script), "--cmd", f"{CLAIMLEDGER} extract"],
                         capture_output=True, text=True, cwd=shared, check=False).stdout
    row = next((ln for ln in out.splitlines() if re.match(r"claimledger\s+subset", ln)), "")
    parts = row.split("|")
    return f"NewsQuant counts and money (subset): value P/R/F1 {parts[2].strip()}" if len(parts) > 2 else \
        f"NewsQuant: {out[-300:]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (eval, anchors)")
    ap.add_argument("--model", action="store_true", help="also score the decision model on unseen groups")
    ap.add_argument("--out", default=str(BENCH / "out" / "quality.md"))
    a = ap.parse_args(argv)
    shared = Path(a.shared)

    from claimledger.evaluate import load_gold, score
    from claimledger.models import Document
    from claimledger.pipeline import Extractor
    from claimledger.train import parse_all, rules_scores, unseen_families

    started = time.time()
    rules = Extractor(decisions="rules")
    lines = [f"Measured {time.strftime('%Y-%m-%d')} with `bench/quality.py`.", "", HEADER]
    parsed = parse_all(rules, load_gold(ROOT / "corpus" / "gold.jsonl"))
    pooled, per_family = rules_scores(rules, parsed)
    lines.append(summary_row("corpus, 30 topic families, its misses read (rules, the default)", pooled))
    if a.model:
        lines.append(summary_row("corpus, decision model, leave one family out",
                                 unseen_families(rules, parsed)[0]))
        lines.append(summary_row("corpus, decision model, leave one annotator out",
                                 unseen_families(rules, parsed, key="annotator")[0]))
    held_out: dict[str, tuple[list, list]] = {}
    for name, path in (("**held-out set (tests/data/heldout), 6 new families, written blind**",
                        ROOT / "tests/data/heldout/gold.jsonl"),
                       ("**second held-out set (tests/data/heldout2), 8 new families, written blind**",
                        ROOT / "tests/data/heldout2/gold.jsonl"),
                       ("**third held-out set (tests/data/heldout3), 8 more families, written blind**",
                        ROOT / "tests/data/heldout3/gold.jsonl"),
                       ("**fourth held-out set (tests/data/heldout4), 8 more families, written blind**",
                        ROOT / "tests/data/heldout4/gold.jsonl"),
                       ("**fifth held-out set (tests/data/heldout5), 8 more families, written blind**",
                        ROOT / "tests/data/heldout5/gold.jsonl"),
                       ("**sixth held-out set (tests/data/heldout6), 8 more families, written blind**",
                        ROOT / "tests/data/heldout6/gold.jsonl"),
                       ("examples (tests/data/examples)", ROOT / "tests/data/examples/gold.jsonl"),
                       ("blind-written set (tests/data/blind)", ROOT / "tests/data/blind/gold.jsonl"),
                       ("dev set (../shared/eval/dev), built on", shared / "eval/dev/gold.jsonl")):
        if not path.exists():
            continue
        gold = load_gold(path)
        preds = [c.to_dict() for d in gold for c in rules.extract(Document.from_dict(d))]
        lines.append(summary_row(name, score(gold, preds).summary()))
        if path.parent.name.startswith("heldout"):
            held_out[path.parent.name] = (gold, preds)
    for name, sets in (("**held-out sets pooled**", sorted(held_out)),
                       ("**unsteered held-out sets pooled (third to sixth: nothing read off them)**",
                        [s for s in ("heldout3", "heldout4", "heldout5", "heldout6") if s in held_out])):
        if len(sets) > 1:
            gold = [d for s in sets for d in held_out[s][0]]
            preds = [p for s in sets for p in held_out[s][1]]
            lines.append(summary_row(name, score(gold, preds).summary()))
    lines += ["", polnear(shared, "test"), "", polnear(shared, "dev"), "", newsquant(shared), "",
              "Per topic family of the corpus (rules):", "", HEADER]
    lines += [summary_row(fam, s) for fam, s in per_family.items()]
    write_report(lines, started, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
