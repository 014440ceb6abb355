"""Read an RSS or Atom feed: every entry's link is fetched and read as an article page.

A feed carries only teasers, so the article is always read from its page (through
the Fetcher, then the HTML reader). The entry fills what the page lacks: its title,
its published (or updated) date. An entry whose page cannot be fetched or read yields an IngestError
naming the entry's URL; the other entries go on.
"""
from __future__ import annotations

import email.utils
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

import feedparser

from claimledger.errors import IngestError
from claimledger.ingest._util import iso_date, url_doc_id
from claimledger.ingest.fetch import Fetcher
from claimledger.ingest.html import read_html
from claimledger.models import Document


@dataclass
class FeedEntry:
    """What a feed says about one article."""

    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(content: bytes | str, origin: str) -> Feed:
    """Parse RSS 0.9x/1.0/2.0 or Atom. Raises IngestError when `content` is not a feed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    # A stream, never str/bytes: feedparser would treat those as a URL or file name to open.
    # Relative entry links resolve against the feed's own URL (or xml:base), as in a browser;
    # for a feed read from a file, against the site link the feed gives.
    feed_url = origin if origin.startswith(("http://", "https://")) else None
    headers = {"content-location": feed_url} if feed_url else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise IngestError(origin, f"not a readable RSS/Atom feed ({reason})")
    base = feed_url or parsed.feed.get("link")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link and base:
            link = urljoin(base, link)
        title = entry.get("title") or None
        entries.append(FeedEntry(link=link or None, title=title, published=_entry_date(entry)))
    return Feed(title=parsed.feed.get("title") or None, entries=entries)


def read_feed(
    content: bytes | str, *, origin: str, fetcher: Fetcher
) -> Iterator[Document | IngestError]:
    """Yield a Document per entry whose page was read, an IngestError per entry that failed."""
    try:
        feed = parse_feed(content, origin)
    except IngestError as e:
        yield e
        return
    for n, entry in enumerate(feed.entries, start=1):
        if not entry.link:
            yield IngestError(origin, f"entry {n} ({entry.title or 'untitled'}): no link to read")
            continue
        yield read_entry(entry, fetcher=fetcher)


def read_entry(entry: FeedEntry, *, fetcher: Fetcher) -> Document | IngestError:
    """Fetch and read one entry's page; the entry's metadata fills the page's gaps."""
    assert entry.link is not None
    try:
        final_url, content_type, body = fetcher.fetch(entry.link)
        doc = read_html(
            body, doc_id=url_doc_id(entry.link), url=final_url, origin=entry.link, content_type=content_type
        )
    except IngestError as e:
        return IngestError(entry.link, e.reason)
    if not doc.title and entry.title:
        doc = replace(doc, title=entry.title, text=f"{entry.title}\n\n{doc.text}")
    if not doc.published and entry.published:
        doc = replace(doc, published=entry.published)
    return doc


def _entry_date(entry: Any) -> str | None:
    """The entry's calendar date as written (feedparser's parsed dates are shifted to UTC)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        iso = iso_date(raw)
        if iso:
            return iso
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError):
            pass
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None
