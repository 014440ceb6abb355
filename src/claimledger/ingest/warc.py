"""Read a web archive: every HTML or plain-text response of a WARC (or ARC) file is a report.

WARC is what crawlers write and what web archives and Common Crawl's news crawl publish: one
file holds thousands of fetched pages, each a `response` record with the HTTP headers and the
body as fetched. A crawl file is read record by record (warcio streams it, gzipped or not), so a
file of any size costs the memory of one record; the size limit applies to each record's body,
not to the file.

What becomes a Document, and how:
- a `response` record (or a `resource` record, as some tools write pages) whose HTTP status is
  2xx and whose body is HTML or plain text by its Content-Type or its first bytes, read exactly
  as a page fetched from its URL would be (`read_html`, `read_text`): the same id from the URL
  (`_util.url_doc_id`), the same metadata from the page, so a page read from an archive gives
  the claims the page gives when fetched or read on its own;
- its `origin` is the archive file and the record's offset in it (`crawl.warc.gz@1234`), so the
  record can be found again.

Everything else is not a report and is passed over without a line: requests, metadata, DNS and
warcinfo records, revisits (a pointer to an earlier copy), redirects and errors, images, scripts
and style sheets. A record that cannot be read (a bad encoding, an empty article) is one
IngestError; a file that is not an archive, or is cut off, is one IngestError naming it and the
offset, and the records before it are kept.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.errors import IngestError
from claimledger.ingest._util import media_type, url_doc_id
from claimledger.ingest.html import read_html
from claimledger.ingest.text import read_text
from claimledger.models import Document

_PAGE_RECORDS = ("response", "resource")
_RECORD_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
                           "continuation"})
_HTML = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Document | IngestError]:
    """Every report in the archive at `path` (module docstring), streamed record by record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as e:
        yield IngestError(origin, f"cannot read the file ({e.strerror or e})")
        return
    with stream:
        records = ArchiveIterator(stream)
        offset = known = 0
        try:
            for record in records:
                if record.format == "arc" and not _arc_header(record):
                    break  # text that only looks like an ARC header line: nothing here is an archive
                known += record.rec_type in _RECORD_TYPES
                fetched = _response(record, max_bytes)
                # the record's offset is known once it has been read (warcio reads to its end for it)
                offset = records.get_record_offset()
                if fetched is not None:
                    yield _page(fetched, f"{origin}@{offset}")
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
            reason = " ".join(str(e).split()) or type(e).__name__
            yield IngestError(origin, f"not a readable web archive after byte {offset:,} ({reason}); the "
                                      "records before it were read")
            return
        if not known:
            yield IngestError(origin, "not a web archive: no WARC or ARC record in it")


@dataclass(frozen=True)
class _Fetched:
    """What one record that may hold a report gave: the page and its kind, or why it cannot be read."""

    url: str
    content_type: str
    body: bytes
    kind: str | None  # "html" or "text" (`_kind`)
    problem: str | None = None


def _response(record: Any, max_bytes: int) -> _Fetched | None:
    """The page of a record that may hold a report (module docstring), at most max_bytes + 1 of its body;
    None for any other record."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri") or ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None  # a redirect or an error page: not the report
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    body = _read_up_to(record.content_stream(), max_bytes + 1)
    kind = _kind(content_type, body)
    if len(body) > max_bytes:
        return _Fetched(url, content_type, body, kind, f"the page is over the limit of {max_bytes:,} bytes for "
                                                       "one document (--max-mb on the command line, max_bytes= "
                                                       "in Python)")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its declared length
        return _Fetched(url, content_type, body, kind, "the record is cut off before its end: a broken web archive")
    return _Fetched(url, content_type, body, kind) if kind is not None else None  # not an image, a script


def _page(fetched: _Fetched, where: str) -> Document | IngestError:
    """The report in one response, read as the page fetched from its URL would be; or why it cannot be."""
    url = fetched.url
    if fetched.problem is not None:
        return IngestError(where, f"{url}: {fetched.problem}")
    try:
        if fetched.kind == "html":
            return read_html(fetched.body, doc_id=url_doc_id(url), url=url or None, origin=where,
                             content_type=fetched.content_type)
        doc = read_text(fetched.body, doc_id=url_doc_id(url), origin=where, content_type=fetched.content_type)
        return doc if doc.url or not url else dataclasses.replace(doc, url=url)
    except IngestError as e:
        return e


def _arc_header(record: Any) -> bool:
    """An ARC record's header line is what it says: a 14-digit date and a byte length."""
    date = record.rec_headers.get_header("archive-date") or ""
    length = record.rec_headers.get_header("length") or ""
    return date.isdigit() and len(date) >= 8 and length.isdigit()


def _read_up_to(stream: Any, limit: int) -> bytes:
    """At most `limit` bytes of a record's body: a read may return less than asked (one decompressed
    chunk), so read until the body ends or the limit is reached."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _kind(content_type: str, body: bytes) -> str | None:
    """"html" or "text" for a page that may be a report; None for anything else (images, scripts)."""
    mt = media_type(content_type)
    if mt in _HTML:
        return "html"
    if mt == "text/plain":
        return "text"
    if not mt:
        head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
    return None
