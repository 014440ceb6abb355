"""How fast claimledger extracts, measured against the spaCy parse it is built on.

usage: .venv/bin/python bench/bench_speed.py [--gold ../shared/eval/dev/gold.jsonl] [--repeat 5]

Why: most of claimledger's time could be spaCy's parse, which no rule tuning
can change; the ratio of `Extractor.extract` to a plain `nlp.pipe` over the
same texts shows how much claimledger adds on top of parsing.

What is timed, all warm (models loaded, one untimed pass over every document
first), each the median of --repeat passes over the documents' texts:

- baseline: the plain English model (`load_english()`, no claimledger
  components) with `nlp.pipe(texts)`, spaCy's default batching;
- the same model called once per document, `nlp(text)`, since `extract` parses
  one document at a time (so batching and claimledger's own cost are apart);
- `Extractor().nlp.pipe(texts)`: claimledger's pipeline (the model plus its
  paragraph component, its attribute rules applied by lookup), parse only;
- the same with spaCy's own `attribute_ruler` in place of the lookup
  (nlp/attribute_rules.py), to show what that saves in the same run;
- `Extractor.extract(document)` per document: parse plus claim extraction,
  the number this script is for;
- `Extractor.extract_many(documents)`: the batched path `claimledger extract` uses;
- claimledger's extraction alone: `extract_claims` over documents parsed
  beforehand (what `extract` adds to the parse, measured directly).

Prints one Markdown table (documents/s, claims/s, ms per document, time ×
baseline), the quality of the claims `extract_many` made in the same run (when
the documents come with gold claims) and the process's peak memory, and writes
them to bench/out/speed.md.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_GOLD = BENCH.parent.parent / "shared" / "eval" / "dev" / "gold.jsonl"


def timed(runs: list[tuple[str, Callable[[], int]]], repeat: int) -> list[tuple[str, float, int]]:
    """(name, median seconds, claims) for each run: one untimed warm-up call each, then `repeat` rounds.

    The rounds interleave the runs (a, b, c, a, b, c, ...), so that drift in the
    machine's load or clock speed falls on every run alike rather than on one.
    """
    claims = {}
    for name, fn in runs:
        print(f"warm-up: {name}", file=sys.stderr)
        claims[name] = fn()
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for r in range(repeat):
        print(f"round {r + 1}/{repeat}", file=sys.stderr)
        for name, fn in runs:
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return [(name, statistics.median(times[name]), claims[name]) for name, _ in runs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="documents as JSON Lines (default: ../shared/eval/dev/gold.jsonl)")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over the documents (default 5)")
    ap.add_argument("--out", type=Path, default=BENCH / "out", help="output folder (default: bench/out)")
    a = ap.parse_args(argv)

    from claimledger.evaluate import load_gold
    from claimledger.extract.claims import extract_claims
    from claimledger.models import Document
    from claimledger.nlp.attribute_rules import FAST_RULES
    from claimledger.nlp.model import load_english
    from claimledger.pipeline import Extractor

    gold = load_gold(a.gold)
    documents = [Document.from_dict(g) for g in gold]
    texts = [d.text for d in documents]
    nchars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    plain = load_english()
    t1 = time.perf_counter()
    extractor = Extractor()
    t2 = time.perf_counter()
    parsed = list(extractor.nlp.pipe(texts))  # for the last row: extraction without the parse
    ruled = Extractor(nlp=load_english())  # the same pipeline with spaCy's own attribute_ruler
    ruled.nlp.enable_pipe("attribute_ruler")
    ruled.nlp.disable_pipe(FAST_RULES)

    def consume(docs) -> int:
        for _ in docs:
            pass
        return 0

    runs: list[tuple[str, Callable[[], int]]] = [
        ("spaCy `nlp.pipe` (plain model) — baseline", lambda: consume(plain.pipe(texts))),
        ("spaCy `nlp(text)` per document (plain model)", lambda: consume(plain(t) for t in texts)),
        ("claimledger pipeline `Extractor().nlp.pipe`, parse only",
         lambda: consume(extractor.nlp.pipe(texts))),
        ("the same with spaCy's `attribute_ruler` in place of the lookup, parse only",
         lambda: consume(ruled.nlp.pipe(texts))),
        ("`Extractor.extract` per document", lambda: sum(len(extractor.extract(d)) for d in documents)),
        ("`Extractor.extract_many` (batched, as `claimledger extract`)",
         lambda: sum(len(c) for _, c in extractor.extract_many(documents))),
        ("claim extraction alone (`extract_claims` on parsed docs)",
         lambda: sum(len(extract_claims(p, d, extractor.resources))
                     for p, d in zip(parsed, documents, strict=True))),
    ]
    rows = timed(runs, a.repeat)
    quality = _quality(gold, extractor, documents)

    base = rows[0][1]
    import spacy

    lines = [
        f"{len(documents)} documents ({nchars:,} characters) from `{a.gold}`; spaCy {spacy.__version__}, "
        f"model {plain.meta.get('name')} {plain.meta.get('version')}; "
        f"median of {a.repeat} interleaved warm passes. "
        f"Load: model {t1 - t0:.1f} s, Extractor {t2 - t1:.1f} s.", "",
        "| what | documents/s | claims/s | ms per document | time × baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, seconds, claims in rows:
        cps = f"{claims / seconds:,.0f}" if claims else "—"
        ms = 1000 * seconds / len(documents)
        dps = len(documents) / seconds
        lines.append(f"| {name} | {dps:,.1f} | {cps} | {ms:,.1f} | {seconds / base:.2f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    lines += ["", f"Quality of `extract_many` in the same run: {quality}. Peak memory (RSS): {peak:,.0f} MB."]
    table = "\n".join(lines) + "\n"
    print(table)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "speed.md").write_text(table, encoding="utf-8")
    return 0


def _quality(gold: list[dict], extractor, documents) -> str:
    """Detection and full F1 of the extractor's claims against the documents' gold claims ("no gold claims"
    when the file has none)."""
    from claimledger.evaluate import score

    if not any(g.get("claims") for g in gold):
        return "no gold claims"
    predicted = [c.to_dict() for _, claims in extractor.extract_many(documents) if isinstance(claims, list)
                 for c in claims]
    summary = score(gold, predicted).summary()
    return f"detect F1 {summary['detect']['f1']:.3f}, full F1 {summary['full']['f1']:.3f}"


if __name__ == "__main__":
    sys.exit(main())
