"""Scoring extracted claims against an annotated file in the spec's gold form.

The same metrics as the project's evaluation: claims are matched one to one
by character overlap (largest first); detect P/R/F1 counts matches, full
P/R/F1 counts matches whose value, category, measure and source are all
right; field accuracy is over matched claims. Entity fields accept the gold
id or a slug of any alias the gold lists for it.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.errors import IngestError
from claimledger.nlp.entities import slug as _slug

ENTITY_FIELDS = ("actor", "recipient", "location", "source", "publisher")
PLAIN_FIELDS = ("item", "category", "measure", "cumulative", "incremental")
CORE_FIELDS = ("value", "category", "measure", "source")


def slug(s: Any) -> str | None:
    return None if s is None else (_slug(str(s)) or None)


@dataclass
class Report:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    full: int = 0
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    def summary(self) -> dict[str, Any]:
        return {
            "docs": self.docs, "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "detect": self._prf(self.matched, self.predicted, self.gold),
            "full": {**self._prf(self.full, self.predicted, self.gold), "core_fields": list(CORE_FIELDS)},
            "field_accuracy": {k: v / self.matched if self.matched else 0.0 for k, v in sorted(self.correct.items())},
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    docs = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise IngestError(f"{path}", f"cannot read the gold file ({exc.strerror})") from exc
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"{path}", f"line {n}: not valid JSON ({exc.msg})") from exc
            if "claims" not in d or "text" not in d or "id" not in d:
                raise IngestError(f"{path}", f"line {n}: a gold document needs id, text and claims")
            docs.append(d)
    return docs


def _same_entity(pred: Any, gold: Any, aliases: dict[str, list[str]], surface: Any = None) -> bool:
    """The gold id, or a slug of one of its aliases, either as the predicted id or as the words the
    prediction's `names` map gives for it (spec v1.3); a second annotation may give several words."""
    if gold is None or pred is None:
        return pred is None and gold is None
    names = {slug(gold)} | {slug(a) for a in aliases.get(gold, [])}
    words = surface if isinstance(surface, list) else [surface] if surface else []
    return slug(pred) in names or any(slug(w) in names for w in words)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def field_checks(p: dict[str, Any], g: dict[str, Any], aliases: dict[str, list[str]]) -> dict[str, bool]:
    checks = {
        "value": all(_same_number(p.get(k), g.get(k)) for k in ("value", "low", "high"))
        and (p.get("bound") or "=") == (g.get("bound") or "=") and bool(p.get("vague")) == bool(g.get("vague")),
        "approx": bool(p.get("approx")) == bool(g.get("approx")),
    }
    for f in PLAIN_FIELDS:
        gv, pv = g.get(f), p.get(f)
        if isinstance(gv, str):
            checks[f] = isinstance(pv, str) and pv.strip().lower() == gv.lower()
        else:
            checks[f] = bool(pv) == bool(gv)
    names = p.get("names") or {}
    for f in ENTITY_FIELDS:
        checks[f] = _same_entity(p.get(f), g.get(f), aliases, names.get(p.get(f)) if p.get(f) else None)
    gvia, pvia = g.get("via") or [], p.get("via") or []
    checks["via"] = len(gvia) == len(pvia) and all(_same_entity(a, b, aliases, names.get(a))
                                                   for a, b in zip(pvia, gvia, strict=True))
    checks["period"] = ((p.get("period_start") or None) == (g.get("period_start") or None)
                        and (p.get("period_end") or None) == (g.get("period_end") or None))
    return checks


def _match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0:
                pairs.append((overlap, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((preds[i], golds[j]))
    return out


def score(gold_docs: list[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> Report:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in predicted:
        by_doc[str(c.get("doc"))].append(c)
    rep = Report(docs=len(gold_docs))
    for d in gold_docs:
        aliases = d.get("aliases", {})
        preds = [p for p in by_doc[d["id"]] if isinstance(p.get("start"), int) and isinstance(p.get("end"), int)]
        rep.predicted += len(preds)
        rep.gold += len(d["claims"])
        matched = _match(preds, d["claims"])
        rep.matched += len(matched)
        hit_g = {id(g) for _, g in matched}
        hit_p = {id(p) for p, _ in matched}
        for p, g in matched:
            checks = field_checks(p, g, aliases)
            for k, ok in checks.items():
                rep.correct[k] += ok
            if all(checks[k] for k in CORE_FIELDS):
                rep.full += 1
            else:
                wrong = {k: [p.get(k), g.get(k)] for k, ok in checks.items() if not ok}
                rep.misses.append({"doc": d["id"], "kind": "wrong", "text": d["text"][g["start"]:g["end"]],
                                   "fields": wrong})
        for g in d["claims"]:
            if id(g) not in hit_g:
                rep.misses.append({"doc": d["id"], "kind": "missed", "text": d["text"][g["start"]:g["end"]]})
        for p in preds:
            if id(p) not in hit_p:
                rep.misses.append({"doc": d["id"], "kind": "spurious", "text": d["text"][p["start"]:p["end"]]})
    return rep


# -- reconciliation (spec/reconcile.md, "Scores") ------------------------------------

_STATE_BODY = re.compile(r"^([A-Z]{3})(?:-[A-Z0-9-]+)?$")


def claim_key(doc: str, start: int, end: int) -> str:
    return f"{doc}#{start}-{end}"


class GoldQuantities:
    """The gold claims of a set with their quantities, each part counted as the top of its `part_of` chain."""

    def __init__(self, gold_docs: list[dict[str, Any]]):
        self.docs = {d["id"]: d for d in gold_docs}
        self.claims: dict[str, dict[str, Any]] = {}
        parents: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for d in gold_docs:
            for c in d["claims"]:
                self.claims[claim_key(d["id"], c["start"], c["end"])] = dict(c, doc=d["id"])
                if c.get("quantity") and c.get("part_of"):
                    parents[c["quantity"]][c["part_of"]] += 1
        self.parent = {q: max(ps, key=lambda p: ps[p]) for q, ps in parents.items()}

    def root(self, q: str) -> str:
        seen = set()
        while q in self.parent and q not in seen:
            seen.add(q)
            q = self.parent[q]
        return q

    def whole(self, gid: str) -> str | None:
        c = self.claims[gid]
        q = c.get("part_of") or c.get("quantity")
        return self.root(q) if q else None

    def assertion(self, gid: str) -> tuple[Any, ...]:
        """One originator's one figure for one quantity (bodies of one government are one originator)."""
        c = self.claims[gid]
        src = str(c.get("source") or c.get("publisher") or "?")
        m = _STATE_BODY.match(src)
        src = m.group(1) if m else f"anonymous@{c['doc']}" if src == "anonymous" else src
        return (c.get("quantity"), src, c.get("value"), c.get("low"), c.get("high"), c.get("bound") or "=",
                bool(c.get("vague")))

    def to_gold(self, ids: Iterable[str]) -> dict[str, str]:
        """Predicted claim id -> gold claim id, one to one by character overlap within each document."""
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for cid in set(ids):
            doc, _, span = cid.rpartition("#")
            start, _, end = span.partition("-")
            if doc in self.docs and start.isdigit() and end.isdigit():
                by_doc[doc].append({"id": cid, "start": int(start), "end": int(end)})
        out = {}
        for doc, preds in by_doc.items():
            golds = [dict(c, gid=claim_key(doc, c["start"], c["end"])) for c in self.docs[doc]["claims"]]
            for p, g in _match(sorted(preds, key=lambda x: x["id"]), golds):
                out[p["id"]] = g["gid"]
        return out


def reconcile_scores(gold_docs: list[dict[str, Any]], series: list[list[str]],
                     conflicts: list[tuple[list[str], list[str]]] | None = None,
                     gold_conflicts: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """Series purity and quantity completeness, and conflict precision and recall (spec/reconcile.md).

    ``series``: each predicted series as its claim ids. ``conflicts``: each predicted conflict as the
    claim ids behind its two sides. ``gold_conflicts``: the set's true pairs ``{"a": id, "b": id}``.
    """
    gold = GoldQuantities(gold_docs)
    ids = [c for s in series for c in s] + [c for a, b in conflicts or [] for c in a + b]
    to_gold = gold.to_gold(ids)
    member: dict[str, int] = {}
    judged = pure = 0
    impure = []
    for i, s in enumerate(series):
        gids = list(dict.fromkeys(to_gold[c] for c in s if c in to_gold))
        for g in gids:
            member.setdefault(g, i)
        wholes = [w for w in (gold.whole(g) for g in gids) if w]
        if len(wholes) < 2:
            continue
        judged += 1
        if len(set(wholes)) == 1:
            pure += 1
        else:
            impure.append(i)
    by_quantity: dict[str, list[str]] = defaultdict(list)
    for gid, c in gold.claims.items():
        if c.get("quantity"):
            by_quantity[c["quantity"]].append(gid)
    shares = []
    for gids in by_quantity.values():
        found = [g for g in gids if g in member]
        if len(gids) >= 2 and len(found) >= 2:
            counts: dict[int, int] = defaultdict(int)
            for g in found:
                counts[member[g]] += 1
            shares.append(max(counts.values()) / len(found))
    out: dict[str, Any] = {
        "series_judged": judged, "purity": pure / judged if judged else 0.0,
        "quantities_judged": len(shares), "completeness": sum(shares) / len(shares) if shares else 0.0,
        "impure_series": impure,
    }
    if conflicts is not None and gold_conflicts is not None:
        claims_of: dict[tuple[Any, ...], set[str]] = defaultdict(set)
        for gid in gold.claims:
            claims_of[gold.assertion(gid)].add(gid)
        disagreements = {frozenset((gold.assertion(g["a"]), gold.assertion(g["b"])))
                         for g in gold_conflicts if g.get("a") in gold.claims and g.get("b") in gold.claims}
        found_d: set[frozenset] = set()
        correct = 0
        for a_ids, b_ids in conflicts:
            sa = {to_gold[c] for c in a_ids if c in to_gold}
            sb = {to_gold[c] for c in b_ids if c in to_gold}
            hits = set()
            for d in disagreements:
                x, y = tuple(d) if len(d) == 2 else (next(iter(d)),) * 2
                mx, my = claims_of[x], claims_of[y]
                if (sa & mx and sb & my) or (sa & my and sb & mx):
                    hits.add(d)
            correct += bool(hits)
            found_d |= hits
        p = correct / len(conflicts) if conflicts else 0.0
        r = len(found_d) / len(disagreements) if disagreements else 0.0
        out.update({"conflicts_predicted": len(conflicts), "conflicts_correct": correct, "precision": p,
                    "disagreements": len(disagreements), "found": len(found_d), "recall": r})
    return out
