"""Claims out of the ledger into files other tools read: CSV for spreadsheets, JSON Lines for programs.

CSV has the spec's fields in the spec's order (``via`` joined with ``;``,
booleans as ``true``/``false``, whole numbers without ``.0``), then the claim
``id``, its quantity ``text`` and its ``evidence`` sentence. JSON Lines has one ``Claim.to_dict()``
per line, every field included.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from claimledger.models import CLAIM_FIELDS, Claim

EXPORT_FORMATS = ("csv", "jsonl")
# The quantity text goes with the evidence: start/end alone mean nothing in a spreadsheet.
CSV_COLUMNS = (*CLAIM_FIELDS, "id", "text", "evidence")


def export_claims(claims: Iterable[Claim], fmt: str, out: TextIO) -> int:
    """Write ``claims`` to ``out`` as ``fmt`` ("csv" or "jsonl"); return how many were written."""
    kind = fmt.strip().lower()
    if kind not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    n = 0
    if kind == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for claim in claims:
            d = claim.to_dict()
            writer.writerow([_cell(column, d[column]) for column in CSV_COLUMNS])
            n += 1
    else:
        for claim in claims:
            out.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "via":
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
