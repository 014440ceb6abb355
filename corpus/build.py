#!/usr/bin/env python3
"""Build the corpus: drafts/ → gold.jsonl and manifest.tsv; double/ → double.jsonl and agreement.md.

usage: python corpus/build.py            (from the repository root, with claimledger installed)

A draft that does not build is reported with its reason and left out; the exit
code is the number of such drafts.
"""
import json
import sys
from pathlib import Path

from claimledger.corpus import DraftError, as_predictions, build, build_document, families, load_drafts, manifest_rows
from claimledger.evaluate import score

HERE = Path(__file__).resolve().parent


def write_jsonl(path: Path, docs: list) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def agreement(first: list, second: list) -> str:
    """The second annotation scored against the first with the project's scorer, overall and per family."""
    by_id = {d["id"]: d for d in first}
    pairs = [(by_id[d["id"]], d) for d in second if d["id"] in by_id]
    gold = [g for g, _ in pairs]
    rep = score(gold, as_predictions([s for _, s in pairs])).summary()
    fa = rep["field_accuracy"]
    lines = [
        f"Second annotation of {len(pairs)} reports scored against the first with `claimledger.evaluate.score`",
        "(the project's scorer; the second annotator's aliases count as the names of its ids).",
        "",
        "| | value |", "|---|---:|",
        f"| claims, first / second | {rep['gold']} / {rep['predicted']} |",
        f"| detect F1 | {rep['detect']['f1']:.3f} |",
        f"| full F1 | {rep['full']['f1']:.3f} |",
    ]
    for k in ("value", "item", "category", "measure", "source", "via", "actor", "recipient", "location", "period",
              "cumulative", "incremental"):
        lines.append(f"| {k} | {fa.get(k, 0.0):.3f} |")
    return "\n".join(lines) + "\n"


def build_double(folder: Path, first: dict) -> tuple[list, list]:
    """The second annotations, each laid on the first's text: they name their figures by quote, and two
    second annotators copied a text with a word more or less, which would shift every later offset."""
    if not folder.is_dir():
        return [], []
    docs, errors = [], []
    for draft in load_drafts(folder):
        if draft["id"] in first:
            draft["text"] = first[draft["id"]]["text"]
        try:
            docs.append(build_document(draft))
        except DraftError as exc:
            errors.append(f"second annotation: {exc}")
    return docs, errors


def main() -> int:
    docs, errors = build(HERE / "drafts")
    annotators = {}
    for line in (HERE / "annotators.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        family, who = line.split("\t")
        annotators[family] = who
    for d in docs:
        d["annotator"] = annotators.get(d["family"], "")
    second, errors2 = build_double(HERE / "double", {d["id"]: d for d in docs})
    for e in errors + errors2:
        print(e, file=sys.stderr)
    write_jsonl(HERE / "gold.jsonl", docs)
    double = {d["id"] for d in second}
    rows = manifest_rows(docs, double)
    with open(HERE / "manifest.tsv", "w", encoding="utf-8") as fh:
        cols = list(rows[0]) if rows else []
        fh.write("\t".join(cols) + "\n")
        for r in rows:
            fh.write("\t".join(str(r[c]) for c in cols) + "\n")
    if second:
        write_jsonl(HERE / "double.jsonl", second)
        (HERE / "agreement.md").write_text(agreement(docs, second), encoding="utf-8")
    fams = families(docs)
    print(f"{len(docs)} reports, {sum(len(d['claims']) for d in docs)} claims, {len(fams)} families, "
          f"{len(second)} annotated twice", file=sys.stderr)
    return len(errors) + len(errors2)


if __name__ == "__main__":
    sys.exit(main())
