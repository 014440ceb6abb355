"""Small helpers the readers share: dates to ISO, ids from names and URLs, decoding bytes."""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimledger.errors import IngestError

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
    return _codec(m.group(1)) if m else None


def _codec(label: str) -> str | None:
    """Python's name for the encoding `label` names ("ISO-8859-1" → "iso8859-1"), None if unknown."""
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def media_type(content_type: str | None) -> str:
    """"text/html; charset=utf-8" → "text/html"."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def decode_text(
    data: bytes, where: str, *, content_type: str | None = None, markup: bool = False, detect: bool = True
) -> tuple[str, str]:
    """Bytes to (text, the name of the encoding used). Raises IngestError when no encoding fits.

    Tried in order, each only when it decodes every byte and gives no NUL character
    (a NUL means binary data, or UTF-16 read as something else):
    1. a byte order mark (UTF-8, UTF-16, UTF-32);
    2. UTF-8. It comes before a declared charset because a single-byte charset decodes
       any bytes, so "it decodes" cannot catch a wrong declaration, while UTF-8 can:
       other text is almost never valid UTF-8, and the usual wrong declaration is a
       server's default ISO-8859-1 on a UTF-8 page;
    3. the declared charset: the Content-Type's, else (`markup`) a <meta charset> or XML
       declaration in the first 2 KB;
    4. unless not `detect`, charset-normalizer's detection, preferring Windows-1252 when
       it fits: English text that is not UTF-8 is nearly always that (or its subset
       Latin-1), and on a short text the detector cannot tell it from other single-byte
       code pages.

    Encoding names are Python's ("utf-8", "cp1252", "utf-16-le").
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is not None:
                return text, encoding
            break
    for encoding in ("utf-8", *_declared(data, content_type, markup)):
        text = _strict(data, encoding)
        if text is not None:
            return text, encoding
    for encoding in _detected(data) if detect else []:
        text = _strict(data, encoding)
        if text is not None:
            return text, encoding
    raise IngestError(where, "not text: no character encoding fits its bytes (a binary file?); save it as UTF-8")


# Byte order marks, UTF-32 before UTF-16 (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _strict(data: bytes, encoding: str) -> str | None:
    """`data` decoded with no error and no NUL character, else None."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if "\x00" in text else text


def _declared(data: bytes, content_type: str | None, markup: bool) -> list[str]:
    """The encodings to try for the declared charset, if any."""
    encoding = charset_of(content_type)
    if encoding is None and markup:
        head = data[:2048].decode("ascii", errors="replace")
        m = re.search(r"<meta[^>]+charset=[\"']?([\w.:-]+)", head, re.I) or re.search(
            r"<\?xml[^>]+encoding=[\"']([\w.:-]+)", head, re.I
        )
        encoding = _codec(m.group(1)) if m else None
        # A page whose declaration reads as ASCII is not UTF-16 or UTF-32, whatever it says.
        if encoding and encoding.startswith(("utf-16", "utf-32")):
            encoding = None
    if encoding in ("iso8859-1", "ascii"):
        # As browsers do (the HTML standard maps these labels to windows-1252): pages that
        # say Latin-1 or ASCII often hold cp1252 quotes, dashes and euro signs.
        return ["cp1252", "iso8859-1"]
    return [encoding] if encoding else []


def _detected(data: bytes) -> list[str]:
    """The encodings charset-normalizer finds plausible for `data`: cp1252 first when it is one of them."""
    matches = _charset_normalizer().from_bytes(data)
    found = ["cp1252"] if any("cp1252" in match.could_be_from_charset for match in matches) else []
    best = matches.best()
    if best:
        found.append(_codec(best.encoding) or best.encoding)
    return found


def _charset_normalizer() -> Any:
    import charset_normalizer  # imported when a text needs detecting, not with the package

    return charset_normalizer


# The file names of web archives (ingest/warc.py), known here so that telling one by its name costs nothing.
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)
