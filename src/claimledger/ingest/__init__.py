"""Ingest: turn sources (files, directories, URLs, feeds) into Documents.

The first stage of the pipeline. It hands on `Document`s (main text, title,
publication date, publisher, URL, origin) and, for every input that could not be
read, an `IngestError` *yielded in place of the document*, so one bad file, line,
page or feed entry never stops a batch; the caller logs or reports it.

Sources, decided in this order:
- an ``http://`` or ``https://`` URL: fetched with the `Fetcher`; the Content-Type
  (or, when it is generic, the first bytes) decides between HTML page, RSS/Atom
  feed, JSON/JSON Lines and plain text;
- a directory: walked recursively, files in sorted path order, hidden files and
  files with other extensions skipped;
- a file, read by its extension:

  ===========================  ============================================
  ``.jsonl`` ``.ndjson``       one document object per line (`jsonl.py`)
  ``.json``                    one object or a list of them (`jsonl.py`)
  ``.txt`` ``.md``             plain text with optional headers (`text.py`)
  ``.html`` ``.htm``           a web page, main text extracted (`html.py`)
  ``.xml`` ``.rss`` ``.atom``  a feed whose entry links are fetched (`feed.py`)
  ===========================  ============================================

Document ids: the object's own `id` for JSON; the file stem for text and HTML
files; for a URL, a slug of its path plus 8 hex digits of its sha1.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.errors import FetchError, IngestError
from claimledger.ingest._util import decode_bytes, media_type, url_doc_id
from claimledger.ingest.feed import read_feed
from claimledger.ingest.fetch import Fetcher
from claimledger.ingest.html import read_html
from claimledger.ingest.jsonl import read_json, read_jsonl
from claimledger.ingest.text import read_text
from claimledger.models import Document

__all__ = [
    "FILE_KINDS",
    "Fetcher",
    "FetchError",
    "IngestError",
    "iter_documents",
    "read_feed",
    "read_file",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_text",
    "read_url",
    "sniff_kind",
]

log = logging.getLogger(__name__)

Result = Document | IngestError

# File extension → kind of input.
FILE_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_MEDIA_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/x-jsonlines": "jsonl",
}


def iter_documents(sources: Iterable[str], *, fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Yield a Document for every document read from `sources`, an IngestError for every failure.

    `fetcher` is used for URLs and feed entries; by default a `Fetcher()` with its defaults.
    """
    fetcher = fetcher or Fetcher()
    for source in sources:
        source = str(source)
        if _is_url(source):
            yield from read_url(source, fetcher=fetcher)
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, fetcher, explicit=False)
        elif path.exists():
            yield from _read_file(path, fetcher, explicit=True)
        else:
            yield IngestError(source, "no such file or directory")


def read_file(path: str | os.PathLike[str], *, fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Read one file by its extension (see the module docstring)."""
    yield from _read_file(Path(path), fetcher or Fetcher(), explicit=True)


def read_url(url: str, *, fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Fetch `url` and read it as the kind of content it turns out to be."""
    fetcher = fetcher or Fetcher()
    try:
        final_url, content_type, body = fetcher.fetch(url)
    except FetchError as e:
        yield e
        return
    kind = sniff_kind(content_type, body, url)
    doc_id = url_doc_id(url)
    try:
        if kind == "html":
            yield read_html(body, doc_id=doc_id, url=final_url, origin=url, content_type=content_type)
        elif kind == "feed":
            yield from read_feed(body, origin=url, fetcher=fetcher)
        elif kind == "json":
            yield from read_json(decode_bytes(body, content_type), url)
        elif kind == "jsonl":
            yield from read_jsonl(decode_bytes(body, content_type), url)
        elif kind == "text":
            doc = read_text(decode_bytes(body, content_type), doc_id=doc_id, origin=url)
            yield doc if doc.url else dataclasses.replace(doc, url=final_url)
        else:
            yield IngestError(url, f"unsupported content type {media_type(content_type) or '(none)'!r}")
    except IngestError as e:
        yield e


def sniff_kind(content_type: str | None, body: bytes, url: str = "") -> str | None:
    """"html", "feed", "json", "jsonl", "text" or None, from the media type, else the first bytes."""
    mt = media_type(content_type)
    if mt in _MEDIA_KINDS:
        return _MEDIA_KINDS[mt]
    if mt.endswith("+json"):
        return "json"
    ext = os.path.splitext(url.split("?", 1)[0].split("#", 1)[0])[1].lower()
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "jsonl" if FILE_KINDS.get(ext) == "jsonl" else "json"
    if head.startswith(b"<"):
        # Comments and the XML declaration come before the root element.
        markup = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S).lstrip()
        if re.match(rb"<(rss|feed|rdf:rdf)\b", markup):
            return "feed"
        if re.match(rb"<(!doctype html|html|head|body)\b", markup) or b"<html" in head:
            return "html"
        return None
    if mt.startswith("text/") or not mt:
        return "text"
    return None


# ---------------------------------------------------------------- files


def _read_file(path: Path, fetcher: Fetcher, *, explicit: bool) -> Iterator[Result]:
    origin = str(path)
    kind = FILE_KINDS.get(path.suffix.lower())
    if kind is None:
        if explicit:
            known = ", ".join(sorted(FILE_KINDS))
            suffix = path.suffix or "(none)"
            yield IngestError(origin, f"unsupported file type {suffix!r}; expected one of {known}")
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(origin, f"cannot read the file ({e.strerror or e})")
        return
    try:
        if kind == "html":
            yield read_html(data, doc_id=path.stem, origin=origin)
        elif kind == "feed":
            yield from read_feed(data, origin=origin, fetcher=fetcher)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as e:
                yield IngestError(origin, f"not UTF-8 text (byte {data[e.start]:#04x} at offset {e.start})")
                return
            if kind == "jsonl":
                yield from read_jsonl(text, origin)
            elif kind == "json":
                yield from read_json(text, origin)
            else:
                yield read_text(text, doc_id=path.stem, origin=origin)
    except IngestError as e:
        yield e


def _walk(root: Path) -> list[Path]:
    """Files under `root` with a known extension, sorted by relative path; hidden ones skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath, name)
            if p.suffix.lower() in FILE_KINDS:
                found.append(p)
            else:
                log.debug("skipping %s: not a known input type", p)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


# ---------------------------------------------------------------- helpers


def _is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.I))

