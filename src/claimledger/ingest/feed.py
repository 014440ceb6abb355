"""Read an RSS or Atom feed: every entry's link is fetched and read as an article page.

A feed carries only teasers, so the article is always read from its page (through
the Fetcher, then the HTML reader). The entry fills what the page lacks: its title,
its published (or updated) date. An entry whose page cannot be fetched or read yields an IngestError
naming the entry's URL; the other entries go on.

Nothing in a feed is dropped silently: an entry without a link yields an IngestError
naming the feed and the entry, and a malformed feed yields one IngestError naming the
feed and the fault, besides whatever entries could still be read from it (feedparser
reads on past many faults, so some entries may be missing and the user should know).
"""
from __future__ import annotations

import email.utils
import io
import time
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

import feedparser
from feedparser.exceptions import ThingsNobodyCaresAboutButMe

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
    # What was wrong with the feed's XML, when entries were read from it all the same.
    problem: str | None = None


def parse_feed(content: bytes | str, origin: str) -> Feed:
    """Parse RSS 0.9x/1.0/2.0 or Atom. Raises IngestError when `content` is not a feed.

    A malformed feed (feedparser's "bozo") with no entries read raises IngestError with
    the fault; one with entries is returned with the fault in `Feed.problem`.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    # A stream, never str/bytes: feedparser would treat those as a URL or file name to open.
    # Relative entry links resolve against the feed's own URL (or xml:base), as in a browser;
    # for a feed read from a file, against the site link the feed gives.
    feed_url = origin if origin.startswith(("http://", "https://")) else None
    headers = {"content-location": feed_url} if feed_url else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    problem = _fault(parsed)
    if not parsed.entries:
        if not parsed.get("version"):
            reason = problem or "no RSS or Atom root element"
            raise IngestError(origin, f"not a readable RSS/Atom feed ({reason})")
        if problem:
            raise IngestError(origin, f"malformed feed, no entries could be read ({problem})")
    base = feed_url or parsed.feed.get("link")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link and base:
            link = urljoin(base, link)
        title = entry.get("title") or None
        entries.append(FeedEntry(link=link or None, title=title, published=_entry_date(entry)))
    return Feed(title=parsed.feed.get("title") or None, entries=entries, problem=problem)


def read_feed(
    content: bytes | str, *, origin: str, fetcher: Fetcher
) -> Iterator[Document | IngestError]:
    """Yield a Document per entry whose page was read, an IngestError per entry that failed."""
    try:
        feed = parse_feed(content, origin)
    except IngestError as e:
        yield e
        return
    if feed.problem:
        yield IngestError(origin, f"malformed feed ({feed.problem}): read the {len(feed.entries)} entries found "
                                  f"despite it, others may be missing")
    for n, entry in enumerate(feed.entries, start=1):
        if not entry.link:
            title = " ".join((entry.title or "untitled").split())
            yield IngestError(origin, f"entry {n} ({title}): no link to read")
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


def _fault(parsed: Any) -> str | None:
    """What is wrong with the feed feedparser read, as one line, or None when nothing that matters is.

    feedparser sets "bozo" for faults that lose nothing too: a declared encoding it had to
    override, a missing or non-XML Content-Type (a feed read from a file has none). Its own
    name for them is `ThingsNobodyCaresAboutButMe`; those are not reported.
    """
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, ThingsNobodyCaresAboutButMe):
        return None
    if isinstance(exc, xml.sax.SAXParseException):
        text = f"XML error at line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    else:
        text = str(exc or "") or type(exc).__name__
    return " ".join(text.split())


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
