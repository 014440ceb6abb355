"""Small helpers the readers share: dates to ISO, ids from names and URLs, decoding bytes."""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from datetime import date, datetime
from urllib.parse import urlsplit

# Formats tried after ISO 8601, for dates people type into headers ("27 March 2025").
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d", "%d.%m.%Y")


def iso_date(value: object) -> str | None:
    """`value` as YYYY-MM-DD, or None when it is empty or not a date.

    Accepts ISO dates and date-times ("2025-03-27T12:35:00+00:00" → "2025-03-27": the
    calendar date as written, not converted to UTC) and a few spelled-out forms.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])", s)
    if m:
        try:
            return date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def slugify(text: str, max_len: int = 60) -> str:
    """Lowercase ASCII words joined by hyphens: "Seoul: 3,000 more" → "seoul-3-000-more"."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s[:max_len].rstrip("-")


def url_doc_id(url: str) -> str:
    """Document id for a URL: a slug of its path plus 8 hex chars of the URL's sha1.

    The hash keeps ids unique when two sites use the same path; the slug keeps them readable.
    """
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    path = urlsplit(url).path
    slug = slugify(path.rsplit(".", 1)[0] if re.search(r"\.\w{1,5}$", path) else path)
    if not slug:
        slug = slugify(urlsplit(url).hostname or "") or "page"
    return f"{slug}-{digest}"


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def media_type(content_type: str | None) -> str:
    """"text/html; charset=utf-8" → "text/html"."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Bytes to text: BOM, then the header's charset, then a <meta charset> or XML
    declaration in the first 2 KB, then UTF-8 (undecodable bytes replaced, never fatal)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    enc = charset_of(content_type)
    if enc is None:
        head = data[:2048].decode("ascii", errors="replace")
        m = re.search(r"<meta[^>]+charset=[\"']?([\w.:-]+)", head, re.I) or re.search(
            r"<\?xml[^>]+encoding=[\"']([\w.:-]+)", head, re.I
        )
        if m:
            try:
                enc = codecs.lookup(m.group(1)).name
            except LookupError:
                enc = None
    return data.decode(enc or "utf-8", errors="replace")
