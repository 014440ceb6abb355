"""Read documents given as JSON: `.jsonl` (one per line) and `.json` (one object or a list).

Each object follows the input contract of spec/claims.md: `id` and `text` are required;
`published` (ISO date; a date-time is cut to its date), `publisher`, `url`, `title`
are optional. Other keys (a gold file's `claims`, `aliases`) are ignored, so gold
files can be ingested as they are.

The readers take text, not files, and yield a Document or an IngestError per object:
a bad line costs that line only, and the error names it ("line 3: not valid JSON ...").
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimledger.errors import IngestError
from claimledger.ingest._util import iso_date
from claimledger.models import Document

_OPTIONAL_STRINGS = ("publisher", "url", "title")


def json_lines(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, value, None) for each non-blank line of JSON Lines text, or (line number, None,
    why) for a line that is not JSON."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line), None
        except json.JSONDecodeError as e:
            yield lineno, None, f"not valid JSON ({e.msg} at column {e.colno})"


def read_jsonl(text: str, origin: str) -> Iterator[Document | IngestError]:
    """One document per non-blank line of `text`; `origin` (a path or URL) names the input."""
    for lineno, data, bad in json_lines(text):
        where = f"line {lineno}"
        if bad:
            yield IngestError(origin, f"{where}: {bad}")
            continue
        yield _document(data, origin, where)


def read_json(text: str, origin: str) -> Iterator[Document | IngestError]:
    """A JSON document holding one object, or a list of objects (each checked on its own)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield IngestError(origin, f"line {e.lineno}: not valid JSON ({e.msg} at column {e.colno})")
        return
    if isinstance(data, list):
        for n, item in enumerate(data, start=1):
            yield _document(item, origin, f"item {n}")
    else:
        yield _document(data, origin, "document")


def _document(data: Any, origin: str, where: str) -> Document | IngestError:
    """Check one decoded object against the input contract and build its Document."""
    if not isinstance(data, dict):
        return IngestError(origin, f"{where}: expected a JSON object, got {type(data).__name__}")
    missing = [k for k in ("id", "text") if data.get(k) in (None, "")]
    if missing:
        keys = " and ".join(repr(k) for k in missing)
        return IngestError(origin, f"{where}: missing {keys} (each document needs an id and a text)")
    if not isinstance(data["id"], (str, int)) or isinstance(data["id"], bool):
        return IngestError(origin, f"{where}: 'id' must be a string or an integer")
    if not isinstance(data["text"], str):
        return IngestError(origin, f"{where}: 'text' must be a string")
    for key in _OPTIONAL_STRINGS:
        if data.get(key) is not None and not isinstance(data[key], str):
            return IngestError(origin, f"{where}: {key!r} must be a string")
    published = data.get("published")
    if published not in (None, ""):
        iso = iso_date(published)
        if iso is None:
            return IngestError(origin, f"{where}: 'published' is not a date ({published!r}); use YYYY-MM-DD")
        data = {**data, "published": iso}
    else:
        data = {**data, "published": None}
    return Document.from_dict(data, origin=origin)
