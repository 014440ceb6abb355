"""Shared plumbing for the bench runners: read documents, write claims, forbid downloads.

The runners run inside their own virtual environments (bench/.venv-*), with
other Python versions than the project's, so this module uses the standard
library only and nothing from claimledger. Each runner calls `main(extract)`
with a function `extract(doc: dict) -> list[dict]` that returns claims in the
form of spec/claims.md (built with `claim()`).
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def forbid_network() -> None:
    """Make any socket connection fail, so a tool that tries to download data fails loudly.

    The benchmark must measure what the packages ship: no model, dictionary or
    word list fetched at run time.
    """

    def deny(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("bench runner: network access is disabled (the tool tried to download something)")

    socket.socket.connect = deny  # type: ignore[method-assign]
    socket.socket.connect_ex = deny  # type: ignore[method-assign]
    socket.create_connection = deny  # type: ignore[assignment]
    socket.getaddrinfo = deny  # type: ignore[assignment]


def read_documents(path: str) -> Iterator[dict[str, Any]]:
    """Documents of the spec's input form, one JSON object a line, from a file or "-" (stdin)."""
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for line in fh:
            if line.strip():
                yield json.loads(line)
    finally:
        if fh is not sys.stdin:
            fh.close()


def claim(doc: dict[str, Any], start: int, end: int, **fields: Any) -> dict[str, Any]:
    """A claim record with every field of the spec; what a tool does not know stays at the spec's default."""
    record: dict[str, Any] = {
        "doc": doc["id"], "start": start, "end": end, "text": doc["text"][start:end],
        "value": None, "low": None, "high": None, "approx": False, "bound": "=", "vague": False,
        "item": None, "category": "other", "measure": "other",
        "actor": None, "recipient": None, "location": None, "period_start": None, "period_end": None,
        "cumulative": False, "incremental": False,
        "source": None, "via": [], "publisher": doc.get("publisher"),
    }
    unknown = set(fields) - set(record)
    record.update(fields)
    # Extra fields (the tool's own labels) are allowed by the spec and ignored by the scorer.
    if unknown:
        record["tool"] = {k: record.pop(k) for k in unknown}
    return record


def main(extract: Callable[[dict[str, Any]], Iterable[dict[str, Any]]],
         tool_meta: Callable[[], dict[str, Any]], description: str) -> int:
    """Command line shared by the runners: `runner.py [GOLD.jsonl|-] [--meta META.json]`."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("documents", nargs="?", default="-", help="documents as JSON Lines (default: stdin)")
    ap.add_argument("--meta", help="write the tool's name, version and timings here as JSON")
    args = ap.parse_args()
    forbid_network()
    docs = list(read_documents(args.documents))
    t0 = time.perf_counter()
    meta = tool_meta()  # imports and loads the tool's resources
    t1 = time.perf_counter()
    n = 0
    out = sys.stdout
    for doc in docs:
        for c in extract(doc):
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
            n += 1
    t2 = time.perf_counter()
    meta.update({"python": sys.version.split()[0], "documents": len(docs), "claims": n,
                 "load_seconds": round(t1 - t0, 3), "extract_seconds": round(t2 - t1, 3)})
    if args.meta:
        with open(args.meta, "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=1)
    return 0
