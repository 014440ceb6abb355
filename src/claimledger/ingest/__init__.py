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
  ``.warc[.gz]`` ``.arc[.gz]`` a web archive: each HTML or text response (`warc.py`)
  ===========================  ============================================

Document ids: the object's own `id` for JSON; the file stem for text and HTML
files; for a URL, a slug of its path plus 8 hex digits of its sha1.

Before anything is read or parsed, a file must be a regular file (a named pipe would
block the batch forever) and no larger than `max_bytes` (by its size on disk); a web
archive is streamed, and the limit holds for each of its pages instead. Bytes
are decoded by `_util.decode_text` (byte order mark, UTF-8, declared charset, then
detection), and each Document records the encoding in `encoding`.

Only English reports are handed on: with ``language="auto"`` (the default) each
Document's text is checked (`language.py`) and one that reads as another language is
reported as an IngestError in its place; ``language="en"`` takes every text as English
without checking.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimledger.errors import FetchError, IngestError
from claimledger.ingest._util import is_archive, media_type, url_doc_id
from claimledger.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher
from claimledger.ingest.jsonl import read_json, read_jsonl
from claimledger.ingest.text import read_text
from claimledger.models import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FILE_KINDS",
    "LANGUAGES",
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

# The values of `language`: "auto" checks that each text reads as English, "en" takes it as English.
LANGUAGES = ("auto", "en")

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


def _read_html(*args: Any, **kwargs: Any) -> Document:
    # html.py imports trafilatura and lxml, feed.py feedparser: imported on first use, so that
    # `claimledger --help` and the commands that read no page do not pay for them.
    from claimledger.ingest.html import read_html

    return read_html(*args, **kwargs)


def _read_feed(*args: Any, **kwargs: Any) -> Iterator[Result]:
    from claimledger.ingest.feed import read_feed

    return read_feed(*args, **kwargs)


def __getattr__(name: str) -> Any:
    """`read_html` and `read_feed` of the package's API, imported when first asked for."""
    if name == "read_html":
        from claimledger.ingest.html import read_html

        return read_html
    if name == "read_feed":
        from claimledger.ingest.feed import read_feed

        return read_feed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def iter_documents(
    sources: Iterable[str],
    *,
    fetcher: Fetcher | None = None,
    language: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Yield a Document for every document read from `sources`, an IngestError for every failure.

    `fetcher` is used for URLs and feed entries; by default a `Fetcher(max_bytes=max_bytes)`.
    `language`: "auto" skips, with an IngestError, a document whose text does not read as
    English; "en" takes every text as English. `max_bytes`: the largest file read.
    """
    _check_language(language)
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    for source in sources:
        source = str(source)
        if _is_url(source):
            yield from _in_language(_read_url(source, fetcher), language)
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path):
                yield from _in_language(_read_file(file, fetcher, explicit=False, max_bytes=max_bytes), language)
        elif path.exists():
            yield from _in_language(_read_file(path, fetcher, explicit=True, max_bytes=max_bytes), language)
        else:
            yield IngestError(source, "no such file or directory")


def read_file(
    path: str | os.PathLike[str],
    *,
    fetcher: Fetcher | None = None,
    language: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Read one file by its extension (see the module docstring); arguments as for `iter_documents`."""
    _check_language(language)
    results = _read_file(Path(path), fetcher or Fetcher(max_bytes=max_bytes), explicit=True, max_bytes=max_bytes)
    yield from _in_language(results, language)


def read_url(url: str, *, fetcher: Fetcher | None = None, language: str = "auto") -> Iterator[Result]:
    """Fetch `url` and read it as the kind of content it turns out to be."""
    _check_language(language)
    yield from _in_language(_read_url(url, fetcher or Fetcher()), language)


def _read_url(url: str, fetcher: Fetcher) -> Iterator[Result]:
    try:
        final_url, content_type, body = fetcher.fetch(url)
    except FetchError as e:
        yield e
        return
    kind = sniff_kind(content_type, body, url)
    doc_id = url_doc_id(url)
    try:
        if kind == "html":
            yield _read_html(body, doc_id=doc_id, url=final_url, origin=url, content_type=content_type)
        elif kind == "feed":
            yield from _read_feed(body, origin=url, fetcher=fetcher)
        elif kind == "json":
            yield from read_json(body, url, content_type=content_type)
        elif kind == "jsonl":
            yield from read_jsonl(body, url, content_type=content_type)
        elif kind == "text":
            doc = read_text(body, doc_id=doc_id, origin=url, content_type=content_type)
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


def _read_file(path: Path, fetcher: Fetcher, *, explicit: bool, max_bytes: int) -> Iterator[Result]:
    origin = str(path)
    if is_archive(path):
        # A web archive is streamed record by record: its size is no limit, each page's is (warc.py).
        from claimledger.ingest.warc import read_warc

        yield from read_warc(path, max_bytes=max_bytes)
        return
    kind = FILE_KINDS.get(path.suffix.lower())
    if kind is None:
        if explicit:
            known = ", ".join(sorted(FILE_KINDS))
            suffix = path.suffix or "(none)"
            yield IngestError(origin, f"unsupported file type {suffix!r}; expected one of {known}")
        return
    # What the file is and how big, from os.stat, before it is opened: opening a named
    # pipe waits for a writer, and a huge file should cost nothing to refuse.
    try:
        info = os.stat(path)
    except OSError as e:
        yield IngestError(origin, f"cannot read the file ({e.strerror or e})")
        return
    if not stat.S_ISREG(info.st_mode):
        yield IngestError(origin, f"not a regular file ({_file_type(info.st_mode)}): skipped")
        return
    if info.st_size > max_bytes:
        yield IngestError(origin, _too_big(info.st_size, max_bytes))
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(origin, f"cannot read the file ({e.strerror or e})")
        return
    try:
        if kind == "html":
            yield _read_html(data, doc_id=path.stem, origin=origin)
        elif kind == "feed":
            yield from _read_feed(data, origin=origin, fetcher=fetcher)
        elif kind == "jsonl":
            yield from read_jsonl(data, origin)
        elif kind == "json":
            yield from read_json(data, origin)
        else:
            yield read_text(data, doc_id=path.stem, origin=origin)
    except IngestError as e:
        yield e


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"{_megabytes(size)} ({size:,} bytes), over the limit of {_megabytes(max_bytes)} for one file; "
        "split it, or raise the limit (--max-mb on the command line, max_bytes= in Python)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


# A folder's own papers, not reports: README.md, LICENSE.txt, CHANGELOG.md ... (a file named on the
# command line is read whatever its name).
NOT_REPORTS = re.compile(r"^(?:readme|licen[cs]e|copying|changelog|changes|contributing|notice|authors)(?:\.|$)",
                         re.I)


def _walk(root: Path) -> list[Path]:
    """Files under `root` with a known extension, sorted by relative path; hidden ones and a folder's own
    papers (`NOT_REPORTS`) skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or NOT_REPORTS.match(name):
                continue
            p = Path(dirpath, name)
            if p.suffix.lower() in FILE_KINDS or is_archive(p):
                found.append(p)
            else:
                log.debug("skipping %s: not a known input type", p)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


# ---------------------------------------------------------------- language


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")


def _in_language(results: Iterable[Result], language: str) -> Iterator[Result]:
    """`results`, with each Document checked to read as English unless `language` is "en"."""
    for item in results:
        if language == "auto" and isinstance(item, Document):
            from claimledger.ingest.language import check_english

            yield check_english(item)
        else:
            yield item


# ---------------------------------------------------------------- helpers


def _is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.I))

