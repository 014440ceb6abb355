"""Error types of the extractor on gold sets, as counts only: no text, no values, no ids.

A held-out set is there to score, not to tune on, so its texts and claims are never opened. What may be
read off it is what a score already says, in a little more detail: how the wrong claims are wrong. For
each set this prints, over the claims the scorer matches,

- for actor, source, recipient and location: how many are missing (predicted null), extra (gold null) or
  another party;
- for measure: whether the extractor found a word for it at all, and which side says `other`; the
  confusions, as pairs of labels (predicted, gold);
- for category: how many are wrong with the measure right, and the confusions;
- for source: the kind of id predicted and annotated (country, state body, organisation, slug, anonymous,
  null), and whether the gold source speaks for other figures of the same report (a frame chosen wrongly)
  or is a relay of the predicted one;
- for period: the kind of period predicted and annotated (none, the publication day, another day, a range
  with one or two ends).

    .venv/bin/python bench/error_types.py tests/data/heldout/gold.jsonl corpus/gold.jsonl

The third held-out set (tests/data/heldout3) was kept out of this on 2026-12-07, so that one set stays
unused in any way; run it there only to report, never to choose work.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from claimledger.evaluate import _match, field_checks, load_gold
from claimledger.models import Document
from claimledger.pipeline import Extractor

PARTIES = ("actor", "source", "recipient", "location")


def id_kind(eid: str | None) -> str:
    """The kind of an entity id by its form (spec: Entity ids)."""
    if not eid:
        return "null"
    if eid == "anonymous":
        return "anonymous"
    if re.fullmatch(r"[A-Z]{3}", eid):
        return "country"
    if re.fullmatch(r"[A-Z]{3}-[A-Z0-9-]+", eid):
        return "state body"
    return "organisation" if eid.upper() == eid else "slug"


def period_kind(start: str | None, end: str | None, published: str) -> str:
    if not start and not end:
        return "none"
    if start == end:
        return "publication day" if start == published else "another day"
    if not start:
        return "until"
    return "from" if not end else "range"


def party_error(field: str, p: dict[str, Any], g: dict[str, Any]) -> str:
    if not p.get(field):
        return "missing"
    return "extra" if not g.get(field) else "another"


def source_error(p: dict[str, Any], g: dict[str, Any], doc: dict[str, Any]) -> tuple[str, str, str]:
    ps, gs = p.get("source"), g.get("source")
    if gs and gs in (p.get("via") or []):
        relation = "gold source is a predicted relay"
    elif ps and ps in (g.get("via") or []):
        relation = "predicted source is a gold relay"
    elif gs and any(o.get("source") == gs for o in doc["claims"] if o is not g):
        relation = "gold source speaks elsewhere in the report"
    else:
        relation = "-"
    return id_kind(ps), id_kind(gs), relation


def error_types(extractor: Extractor, path: Path) -> dict[str, Counter]:
    gold = load_gold(path)
    by_id = {d["id"]: d for d in gold}
    counts: dict[str, Counter] = {k: Counter() for k in (
        "matched", "parties", "measure", "measure pairs", "category", "category pairs", "source", "period")}
    for document, claims in extractor.extract_many([Document.from_dict(d) for d in gold]):
        doc = by_id[document.id]
        published = (doc.get("published") or "")[:10]
        for p, g in _match([c.to_dict() for c in claims], doc["claims"]):
            counts["matched"]["claims"] += 1
            ok = field_checks(p, g, doc.get("aliases", {}))
            for f in PARTIES:
                if not ok[f]:
                    counts["parties"][(f, party_error(f, p, g))] += 1
            if not ok["measure"]:
                cue = "a word found" if "measure" in (p.get("cues") or {}) else "no word found"
                side = ("predicted other" if p.get("measure") == "other" else
                        "gold other" if g.get("measure") == "other" else "both named")
                counts["measure"][(cue, side)] += 1
                counts["measure pairs"][(p.get("measure"), g.get("measure"))] += 1
            if not ok["category"]:
                counts["category"]["measure right" if ok["measure"] else "measure wrong"] += 1
                counts["category pairs"][(p.get("category"), g.get("category"))] += 1
            if not ok["source"]:
                counts["source"][source_error(p, g, doc)] += 1
            if not ok["period"]:
                counts["period"][(period_kind(p.get("period_start"), p.get("period_end"), published),
                                  period_kind(g.get("period_start"), g.get("period_end"), published))] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path, help="gold sets in the spec's form (JSON Lines)")
    ap.add_argument("--most", type=int, default=12, help="rows per table (default 12)")
    a = ap.parse_args(argv)
    extractor = Extractor()
    for path in a.gold:
        counts = error_types(extractor, path)
        print(f"== {path}: {counts.pop('matched')['claims']} matched claims")
        for name, table in counts.items():
            print(f"  {name}:")
            for key, n in table.most_common(a.most):
                print(f"    {n:4d}  {' / '.join(str(k) for k in key) if isinstance(key, tuple) else key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
