"""Claims out of the ledger into files other tools read: CSV for spreadsheets, JSON Lines for programs.

CSV has the spec's fields in the spec's order (``via`` joined with ``;``,
booleans as ``true``/``false``, whole numbers without ``.0``), then the claim
``id``, its quantity ``text`` and its ``evidence`` sentence. JSON Lines has one ``Claim.to_dict()``
per line, every field included.

Report text is untrusted, and a spreadsheet runs a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula (CSV injection: ``=cmd|' /C calc'!A0``).
Such cells, and those starting with a tab or carriage return, get a leading
apostrophe, the OWASP rule, which spreadsheets show as text; a plain number
(``-5``, ``+3.2``) is left as it is. A carriage return inside a cell becomes a
line break: the csv module quotes cells holding its line terminator ("\n") but
not a lone "\r", which readers take for the end of the row. JSON Lines keeps
every value exactly.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from claimledger.models import CLAIM_FIELDS, Claim

EXPORT_FORMATS = ("csv", "jsonl")
# The quantity text goes with the evidence: start/end alone mean nothing in a spreadsheet.
CSV_COLUMNS = (*CLAIM_FIELDS, "id", "text", "evidence")
# The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


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
        return _one_cell(neutralise(";".join(value)))
    if isinstance(value, bool):
        return "true" if value else "false"
    return _one_cell(neutralise(str(value)))


def _one_cell(cell: str) -> str:
    """Line breaks as "\n", which the writer quotes; a bare "\r" would split the row."""
    return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell


def neutralise(cell: str) -> str:
    """``cell`` with a leading apostrophe when a spreadsheet would run it as a formula; numbers stay numbers."""
    if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
