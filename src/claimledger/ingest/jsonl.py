"""Read documents given as JSON: `.jsonl` (one per line) and `.json` (one object or a list).

Each object follows the input contract of spec/claims.md: `id` and `text` are required;
`published` (ISO date; a date-time is cut to its date), `publisher`, `url`, `title`
are optional. Other keys (a gold file's `claims`, `aliases`) are ignored, so gold
files can be ingested as they are.

The readers take bytes or text, not files, and yield a Document or an IngestError per
object: a bad line costs that line only, and the error names it ("line 3: not valid
JSON ..."). An input with no document in it is one IngestError ("no documents in it").
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimledger.errors import IngestError
from claimledger.ingest._util import decode_text, iso_date
from claimledger.models import Document

_OPTIONAL_STRINGS = ("publisher", "url", "title", "encoding", "language")


def json_lines(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, value, None) for each non-blank line of JSON Lines text, or (line number, None,
    why) for a line that is not JSON."""
    for lineno, line in _lines(text):
        try:
            yield lineno, json.loads(line), None
        except json.JSONDecodeError as e:
            yield lineno, None, _not_json(e)


def read_jsonl(
    content: bytes | str, origin: str, *, content_type: str | None = None
) -> Iterator[Document | IngestError]:
    """One document per non-blank line of `content`; `origin` (a path or URL) names the input."""
    try:
        lines = _decoded_lines(content, origin, content_type)
    except IngestError as e:
        yield e
        return
    if not lines:
        yield IngestError(origin, "no documents in it")
    for lineno, line, encoding in lines:
        where = f"line {lineno}"
        if isinstance(line, IngestError):
            yield IngestError(origin, f"{where}: {line.reason}")
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(origin, f"{where}: {_not_json(e)}")
            continue
        yield _document(data, origin, where, encoding)


def read_json(
    content: bytes | str, origin: str, *, content_type: str | None = None
) -> Iterator[Document | IngestError]:
    """A JSON document holding one object, or a list of objects (each checked on its own)."""
    encoding = None
    if isinstance(content, bytes):
        try:
            text, encoding = decode_text(content, origin, content_type=content_type)
        except IngestError as e:
            yield e
            return
    else:
        text = content
    if not text.strip():
        yield IngestError(origin, "no documents in it")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield IngestError(origin, f"line {e.lineno}: {_not_json(e)}")
        return
    if data == []:
        yield IngestError(origin, "no documents in it")
    elif isinstance(data, list):
        for n, item in enumerate(data, start=1):
            yield _document(item, origin, f"item {n}", encoding)
    else:
        yield _document(data, origin, "document", encoding)


DecodedLine = tuple[int, str | IngestError, str | None]  # line number, text (or why not), encoding


def _decoded_lines(content: bytes | str, origin: str, content_type: str | None) -> list[DecodedLine]:
    """The non-blank lines of `content`, each with the encoding it was decoded from (None for text).

    Bytes are decoded as a whole when they are UTF-8, carry a byte order mark or fit their
    declared charset. Otherwise line by line: a file pasted together from files in
    different encodings would be garbled by any one encoding, and a damaged line must
    cost that line only.
    """
    if isinstance(content, str):
        return [(n, line, None) for n, line in _lines(content)]
    try:
        text, encoding = decode_text(content, origin, content_type=content_type, detect=False)
    except IngestError:
        return _decoded_line_by_line(content, origin)
    return [(n, line, encoding) for n, line in _lines(text)]


def _decoded_line_by_line(content: bytes, origin: str) -> list[DecodedLine]:
    """UTF-8 lines as UTF-8; the others in the encoding detected on all of them together, as
    a longer sample tells better than one line (else each line on its own). Raises
    IngestError when no line is UTF-8 and no encoding fits the rest: the file is not text."""
    lines = [(n, raw) for n, raw in enumerate(content.split(b"\n"), start=1) if raw.strip()]
    others = [raw for _, raw in lines if not _is_utf8(raw)]
    try:
        _, encoding = decode_text(b"\n".join(others), origin)
        declared: str | None = f"charset={encoding}"
    except IngestError:
        if len(others) == len(lines):
            raise
        declared = None
    decoded: list[DecodedLine] = []
    for n, raw in lines:
        try:
            decoded.append((n, *decode_text(raw, origin, content_type=declared)))
        except IngestError as e:
            decoded.append((n, e, None))
    return decoded


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of `text`, numbered from 1.

    Lines end at a newline only: str.splitlines() would also break at U+2028, U+0085 or a
    form feed, which JSON allows unescaped inside a string (and news text carries).
    """
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _is_utf8(raw: bytes) -> bool:
    try:
        decode_text(raw, "", detect=False)
    except IngestError:
        return False
    return True


def _not_json(e: json.JSONDecodeError) -> str:
    # Some of json's messages end in "at" ("Unterminated string starting at").
    return f"not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno})"


def _document(data: Any, origin: str, where: str, encoding: str | None) -> Document | IngestError:
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
    if encoding:
        data = {**data, "encoding": encoding}
    return Document.from_dict(data, origin=origin)
