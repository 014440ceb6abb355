"""The one way claimledger reaches the network: fetch a URL, get its bytes.

Every reader that needs a page (a URL source, a feed's entry links) goes through a
`Fetcher`, so timeouts, the User-Agent, the size cap and the error messages are set
in one place, and tests or callers can pass their own fetcher (a cache, a crawler,
a stub) with the same `fetch(url) -> (final_url, content_type, body)` method.
"""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from claimledger.errors import FetchError

USER_AGENT = "claimledger/0.1"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_CHUNK = 64 * 1024


class Fetcher:
    """Fetch http(s) URLs with urllib: a timeout, a User-Agent, a maximum body size.

    Redirects are followed; the final URL is returned. Any failure raises `FetchError`
    whose origin is the URL asked for and whose reason is one line ("HTTP 404 Not Found",
    "timed out after 20 s", "larger than 10485760 bytes").
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = USER_AGENT,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent

    def fetch(self, url: str) -> tuple[str, str, bytes]:
        """Return (final_url, content_type, body). content_type is the raw header, maybe ""."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(url, f"unsupported URL scheme {scheme or '(none)'!r}: use http or https")
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": _ACCEPT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                final_url = response.geturl() or url
                content_type = response.headers.get("Content-Type", "") or ""
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(url, f"larger than {self.max_bytes} bytes ({length} announced)")
                body = self._read_capped(response, url)
        except FetchError:
            raise
        except urllib.error.HTTPError as e:
            reason = f" {e.reason}" if e.reason else ""
            raise FetchError(url, f"HTTP {e.code}{reason}") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                raise FetchError(url, f"timed out after {self.timeout:g} s") from e
            raise FetchError(url, f"cannot connect ({e.reason})") from e
        except TimeoutError as e:
            raise FetchError(url, f"timed out after {self.timeout:g} s") from e
        except (http.client.HTTPException, OSError, ValueError) as e:
            raise FetchError(url, f"fetch failed ({type(e).__name__}: {e})") from e
        return final_url, content_type, body

    def _read_capped(self, response: http.client.HTTPResponse, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than {self.max_bytes} bytes: raise Fetcher(max_bytes=...)")
            chunks.append(chunk)
