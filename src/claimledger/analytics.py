"""The ledger as Parquet, for DuckDB, pandas, Spark and the like: `claimledger export --format parquet -o DIR`.

Four files in DIR, one row per record, columns named as in the spec and the ledger:

- `claims.parquet`: every current claim (spec/claims.md fields, plus id, evidence, published,
  stated, earlier, projection, extracted_with); `via` is a list of ids, `names` and `cues` JSON text;
- `documents.parquet`: every document's current version (id, version, text, published,
  publisher, url, title, origin, encoding, language);
- `series.parquet`: every series (spec/reconcile.md), with its estimate (low, best, high, as_of)
  and its independent sources;
- `series_claims.parquet`: which claim is in which series (series_id, claim_id), to join the two.

The review actions are applied first, as for every other read of the ledger. Values are typed
(numbers as doubles, flags as booleans, dates as ISO text, as in the ledger), so that a query
needs no parsing.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimledger.errors import ConfigError
from claimledger.models import CLAIM_FIELDS, Claim, Document

FILES = ("claims", "documents", "series", "series_claims")
_EXTRA_CLAIM = ("evidence", "evidence_start", "confidence", "published", "stated", "earlier", "projection",
                "extracted_with")


def claim_row(c: Claim) -> dict[str, Any]:
    d = c.to_dict()
    row = {"id": c.id, **{k: d.get(k) for k in CLAIM_FIELDS}, **{k: d.get(k) for k in _EXTRA_CLAIM}}
    row["value"], row["low"], row["high"] = _number(c.value), _number(c.low), _number(c.high)
    row["via"] = list(c.via)
    row["names"] = json.dumps(c.names, ensure_ascii=False)
    row["cues"] = json.dumps(c.cues, ensure_ascii=False)
    return row


def document_row(d: Document, version: int) -> dict[str, Any]:
    return {"id": d.id, "version": version, "text": d.text, "published": d.published, "publisher": d.publisher,
            "url": d.url, "title": d.title, "origin": d.origin, "encoding": d.encoding, "language": d.language}


def write_parquet(directory: str | Path, db: str | None) -> dict[str, int]:
    """Write the four files of the ledger `db` into `directory` (made if missing); rows per file."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(f"--format parquet needs pyarrow: pip install 'claimledger[analytics]' ({exc})") from exc
    from claimledger.cli_reconcile import load
    from claimledger.reconcile import Names, estimate
    from claimledger.store import open_store

    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot write the Parquet files there ({exc.strerror or exc})") from exc
    data = load(db)
    with open_store(db) as store:
        versions = {d["id"]: d["version"] for d in store.document_index()}
    names = Names(data.claims)
    series = data.series(names)
    tables: dict[str, list[dict[str, Any]]] = {
        "claims": [claim_row(c) for c in data.claims],
        "documents": [document_row(d, versions.get(d.id, 1)) for d in data.documents],
        "series": [],
        "series_claims": [],
    }
    for s in series:
        est = estimate(s, parties=data.parties, names=names)
        tables["series"].append({
            "id": s.id, "name": s.name, "measure": s.measure, "kind": s.kind, "category": s.category,
            "actor": s.actor, "recipient": s.recipient, "location": s.location, "claims": len(s.claims),
            "independent_sources": s.independent_sources, "sources": list(s.sources),
            "low": _number(est.low if est else None), "best": _number(est.best if est else None),
            "high": _number(est.high if est else None),
            "as_of": est.as_of.isoformat() if est and est.as_of else None,
            "estimate_refused": est.refused if est else None,
        })
        tables["series_claims"] += [{"series_id": s.id, "claim_id": c.id} for c in s.claims]
    counts = {}
    for name in FILES:
        rows = tables[name]
        table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
        try:
            pq.write_table(table, out / f"{name}.parquet")
        except OSError as exc:
            raise ConfigError(f"{out / (name + '.parquet')}: cannot write it ({exc})") from exc
        counts[name] = len(rows)
    return counts


def _number(v: float | None) -> float | None:
    return None if v is None else float(v)
