"""Read plain-text reports (`.txt`, `.md`) into a Document.

The file layout, all parts optional::

    Published: 2025-03-27
    Publisher: Reuters
    URL: https://example.com/story

    North Korea sent 3,000 more troops, Seoul says

    First paragraph of the body, which may be
    wrapped over several lines.

    Second paragraph.

- Header lines come first, one `Key: value` per line, for the keys `Published`
  (a date, ISO or spelled out, stored as YYYY-MM-DD), `Publisher` and `URL`
  (case-insensitive). They are removed from the text.
- The title is the first line after the headers when a blank line follows it; a
  Markdown heading mark (`# `) is dropped from it.
- Paragraphs are separated by blank lines; the lines of one paragraph are joined
  with single spaces.
- The document text is the title, a blank line, then the paragraphs separated by
  blank lines (the same shape as the HTML reader's output), so offsets are into
  this normalised text, not the file.
"""
from __future__ import annotations

import re

from claimledger.errors import IngestError
from claimledger.ingest._util import decode_text, iso_date
from claimledger.models import Document

_HEADER = re.compile(r"^(published|publisher|url)\s*:\s*(.*?)\s*$", re.I)


def read_text(
    content: bytes | str, *, doc_id: str, origin: str | None = None, content_type: str | None = None
) -> Document:
    """Parse `content` as laid out in the module docstring. Raises IngestError when it is empty or not text.

    Bytes are decoded as `_util.decode_text` says (`content_type` is the HTTP header, if
    any), and the encoding is kept in the Document.
    """
    where = origin or doc_id
    encoding = None
    if isinstance(content, bytes):
        text, encoding = decode_text(content, where, content_type=content_type)
    else:
        text = content
    if not text.strip():
        raise IngestError(where, "no text in it")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)

    headers: dict[str, str] = {}
    while lines:
        m = _HEADER.match(lines[0])
        if not m:
            break
        headers[m.group(1).lower()] = m.group(2)
        lines.pop(0)

    published = None
    if headers.get("published"):
        published = iso_date(headers["published"])
        if published is None:
            value = headers["published"]
            raise IngestError(where, f"Published header is not a date ({value!r}); use YYYY-MM-DD")

    paragraphs = _paragraphs(lines)
    title = None
    first = _first_block(lines)
    if first is not None and len(first) == 1 and len(paragraphs) > 1:
        title = re.sub(r"^#+\s*", "", paragraphs.pop(0)).strip() or None
    if not paragraphs and title is None:
        raise IngestError(where, "no text after the header lines")

    body = "\n\n".join(paragraphs)
    full = f"{title}\n\n{body}" if title else body
    return Document(
        id=doc_id,
        text=full,
        published=published,
        publisher=headers.get("publisher") or None,
        url=headers.get("url") or None,
        title=title,
        origin=origin,
        encoding=encoding,
    )


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _first_block(lines: list[str]) -> list[str] | None:
    blocks = _blocks(lines)
    return blocks[0] if blocks else None


def _paragraphs(lines: list[str]) -> list[str]:
    return [re.sub(r"\s+", " ", " ".join(block)) for block in _blocks(lines)]
