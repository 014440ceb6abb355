"""The annotated corpus: drafts in, gold documents, a manifest and agreement figures out.

A draft is one report as its annotator wrote it (spec/claims.md's fields, the
quantity expression named by its words, `quote`, and `occurrence` when the
same words come more than once). `build_document` turns it into the gold form
that `claimledger eval` and `claimledger train` read: character offsets,
defaults filled, every vocabulary checked. Each document also keeps its topic
`family` and its `form` (wire, liveblog, transcript, ...), which the
leave-one-family-out evaluation groups by.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from claimledger.models import BOUNDS, CATEGORIES, MEASURES

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULTS: dict[str, Any] = {
    "value": None, "low": None, "high": None, "approx": False, "bound": "=", "vague": False,
    "actor": None, "recipient": None, "location": None, "period_start": None, "period_end": None,
    "cumulative": False, "incremental": False, "source": None, "via": [],
}
DOC_FIELDS = ("id", "published", "publisher", "title", "url", "text", "family", "form")


class DraftError(ValueError):
    """A draft that does not build; the message names the document and the claim."""


def _locate(text: str, quote: str, occurrence: int) -> int | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos


def _check(claim: dict[str, Any], where: str) -> list[str]:
    errors = []
    if claim.get("category") not in CATEGORIES:
        errors.append(f"{where}: category {claim.get('category')!r}")
    if claim.get("measure") not in MEASURES:
        errors.append(f"{where}: measure {claim.get('measure')!r}")
    if claim["bound"] not in BOUNDS:
        errors.append(f"{where}: bound {claim['bound']!r}")
    if not claim.get("item"):
        errors.append(f"{where}: no item")
    if claim["value"] is None and claim["low"] is None and not claim["vague"]:
        errors.append(f"{where}: no value, no range and not vague")
    if (claim["low"] is None) != (claim["high"] is None):
        errors.append(f"{where}: a range needs both low and high")
    for k in ("period_start", "period_end"):
        if claim[k] is not None and not DATE.match(str(claim[k])):
            errors.append(f"{where}: {k} {claim[k]!r} is not YYYY-MM-DD")
    for k in ("quantity", "part_of"):
        if k in claim and not (isinstance(claim[k], str) and SLUG.match(claim[k])):
            errors.append(f"{where}: {k} {claim[k]!r} is not a lowercase slug")
    return errors


def build_document(draft: dict[str, Any]) -> dict[str, Any]:
    """One draft as a gold document; DraftError listing every problem found."""
    text = draft["text"]
    errors: list[str] = []
    used: set[str] = set()
    claims = []
    for n, c in enumerate(draft.get("claims", []), 1):
        where = f"{draft['id']} claim {n} ({c.get('quote')!r})"
        start = _locate(text, c["quote"], int(c.get("occurrence", 1)))
        if start is None:
            errors.append(f"{where}: quote not found")
            continue
        claim = dict(DEFAULTS)
        claim.update({k: v for k, v in c.items() if k not in ("quote", "occurrence")})
        claim["start"], claim["end"] = start, start + len(c["quote"])
        claim.setdefault("publisher", draft["publisher"])
        errors.extend(_check(claim, where))
        used.update(e for e in (claim["actor"], claim["recipient"], claim["location"], claim["source"]) if e)
        used.update(claim["via"])
        claims.append(claim)
    aliases = draft.get("aliases", {})
    missing = sorted(e for e in used if e not in aliases and e != draft["publisher"])
    if missing:
        errors.append(f"{draft['id']}: no aliases for {missing}")
    if errors:
        raise DraftError("\n".join(errors))
    doc = {k: draft[k] for k in DOC_FIELDS if k in draft}
    doc["aliases"] = aliases
    doc["claims"] = sorted(claims, key=lambda c: (c["start"], c["end"]))
    return doc


def load_drafts(folder: str | Path) -> list[dict[str, Any]]:
    """Every draft under a folder (one file per report, in family folders), in path order."""
    out = []
    for path in sorted(Path(folder).rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for d in data if isinstance(data, list) else [data]:
            d.setdefault("family", path.parent.name)
            out.append(d)
    return out


def build(folder: str | Path) -> tuple[list[dict[str, Any]], list[str]]:
    """All drafts of a folder as gold documents, and the errors of those that did not build."""
    docs, errors = [], []
    seen = set()
    for draft in load_drafts(folder):
        if draft["id"] in seen:
            errors.append(f"{draft['id']}: duplicate document id")
            continue
        seen.add(draft["id"])
        try:
            docs.append(build_document(draft))
        except DraftError as exc:
            errors.append(str(exc))
    return docs, errors


def manifest_rows(docs: list[dict[str, Any]], double: set[str]) -> list[dict[str, Any]]:
    return [{"id": d["id"], "family": d.get("family", ""), "annotator": d.get("annotator", ""),
             "form": d.get("form", ""),
             "publisher": d.get("publisher", ""), "published": d.get("published", ""),
             "words": len(d["text"].split()), "claims": len(d["claims"]),
             "double": "yes" if d["id"] in double else "no"} for d in docs]


def families(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        out.setdefault(d.get("family") or "unknown", []).append(d)
    return out


def score_by_family(gold_docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The scorer's summary for each topic family of a gold set, in family order."""
    from claimledger.evaluate import score

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in preds:
        by_doc.setdefault(str(c.get("doc")), []).append(c)
    return {fam: score(docs, [c for d in docs for c in by_doc.get(d["id"], [])]).summary()
            for fam, docs in sorted(families(gold_docs).items())}


def as_predictions(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A second annotation in the form `score` reads as predictions, with its aliases as `names`."""
    out = []
    for d in docs:
        for c in d["claims"]:
            names = {e: list(words) for e, words in d.get("aliases", {}).items()}
            out.append({**c, "doc": d["id"], "names": names})
    return out
