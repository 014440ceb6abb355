"""The one way claimledger reaches the network: fetch a URL, get its bytes.

Every reader that needs a page (a URL source, a feed's entry links) goes through a
`Fetcher`, so timeouts, the User-Agent, the size cap and the error messages are set
in one place, and tests or callers can pass their own fetcher (a cache, a crawler,
a stub) with the same `fetch(url) -> (final_url, content_type, body)` method.

The servers on the other end are not trusted. A page or a feed names the URLs that
are fetched next, so the Fetcher guards what a hostile server could otherwise do
with them: hold a batch for ever by answering a byte at a time (a deadline for the
whole fetch), send claimledger to a local file or another protocol (redirects are
followed to http and https only, and only so many times), or make it probe the
machine and the private network it runs in (loopback, private, link-local and other
non-public addresses are refused unless asked for).
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

from claimledger.errors import FetchError

USER_AGENT = "claimledger/0.1"
DEFAULT_TIMEOUT = 20.0
DEFAULT_DEADLINE = 60.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 10
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_CHUNK = 64 * 1024
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_ALLOW_HINT = "pass --allow-private-urls (CLI) or allow_private=True (API) if it is meant"

# (family, socket address) pairs a host name resolved to, each checked before use; the socket
# address is (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6.
Addresses = list[tuple[socket.AddressFamily, tuple[Any, ...]]]


class Fetcher:
    """Fetch http(s) URLs: a deadline, a timeout, a User-Agent, a maximum body size, safe redirects.

    - `deadline` bounds the whole fetch, redirects and body included; `timeout` bounds
      each connect and each read. A server that sends a byte every second never trips
      the timeout, so only the deadline stops it.
    - Redirects are followed, at most `max_redirects` of them, and only to http and
      https URLs; the final URL is returned.
    - Every host name, the first URL's and each redirect's, is resolved and refused
      when any address it resolves to is loopback, private, link-local, multicast,
      reserved or unspecified (IPv4 or IPv6), unless `allow_private=True`, or the
      address is in one of `allow_networks` (e.g. ``["10.20.0.0/16"]`` for an
      intranet mirror). The connection is then made to an address that was checked,
      not to a second look-up of the name, so a name that resolves to a public
      address for the check and to 127.0.0.1 for the connection (DNS rebinding) is
      not let through.

    Any failure raises `FetchError` whose origin is the URL asked for and whose reason is
    one line ("HTTP 404 Not Found", "timed out after 20 s", "larger than 10485760 bytes").

    Limits: the name look-up itself is bounded by the system resolver's own timeouts,
    not by the deadline (it cannot be interrupted); proxies set in the environment
    (HTTP_PROXY, ...) are not used, since checking addresses needs a direct connection.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        allow_private: bool = False,
        allow_networks: Iterable[str] = (),
    ):
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self.allow_private = allow_private
        self.allow_networks = [ipaddress.ip_network(n, strict=False) for n in allow_networks]

    def fetch(self, url: str) -> tuple[str, str, bytes]:
        """Return (final_url, content_type, body). content_type is the raw header, maybe ""."""
        clock = _Deadline(self.deadline)
        try:
            return self._follow(url, clock)
        except FetchError:
            raise
        except (http.client.HTTPException, OSError, ValueError) as e:
            # Whatever the stage, an error after the deadline is the deadline's doing:
            # the watchdog shut the socket, or the last read ran out of time.
            if clock.expired:
                raise self._too_long(url) from e
            if isinstance(e, TimeoutError):
                raise _error(url, f"timed out after {self.timeout:g} s") from e
            raise _error(url, f"fetch failed ({type(e).__name__}: {e})") from e
        finally:
            clock.stop()

    def _follow(self, url: str, clock: _Deadline) -> tuple[str, str, bytes]:
        """Fetch `url`, following redirects; each hop is checked like the first URL."""
        current = url
        visited = [url]
        while True:
            if clock.expired:
                raise self._too_long(url)
            conn, response = self._open(url, current, clock)
            try:
                location = response.getheader("Location") if response.status in _REDIRECT_CODES else None
                if location is None:
                    if not 200 <= response.status < 300:
                        raise _error(url, f"HTTP {response.status} {response.reason or ''}")
                    content_type = response.getheader("Content-Type", "") or ""
                    body = self._read_capped(response, url)
                    if clock.expired:  # the watchdog cut the body short
                        raise self._too_long(url)
                    return current, content_type, body
            finally:
                conn.close()
            target = urljoin(current, location.strip())
            if target in visited:
                raise _error(url, f"redirect loop: {_short(current)} redirects back to {_short(target)}")
            if len(visited) > self.max_redirects:
                raise _error(url, f"more than {self.max_redirects} redirects (the last to {_short(target)})")
            visited.append(target)
            current = target

    def _open(
        self, url: str, current: str, clock: _Deadline
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        """Check `current` (the URL asked for or a redirect's target), connect, send the request."""
        hop = "" if current == url else f"redirected to {_short(current)}: "
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            if hop:
                raise _error(url, f"refused a redirect to a {scheme or '(none)'!r} URL ({_short(current)}): "
                                  f"only http and https are followed")
            raise _error(url, f"unsupported URL scheme {scheme or '(none)'!r}: use http or https")
        host = parts.hostname
        if not host:
            raise _error(url, f"{hop}no host name in the URL")
        port = parts.port or (443 if scheme == "https" else 80)
        addresses = self._checked_addresses(url, hop, host, port)

        timeout = max(0.001, min(self.timeout, clock.remaining()))
        conn: http.client.HTTPConnection
        if scheme == "https":
            conn = _CheckedHTTPSConnection(host, port, addresses=addresses, timeout=timeout)
        else:
            conn = _CheckedHTTPConnection(host, port, addresses=addresses, timeout=timeout)
        try:
            try:
                conn.connect()
            except OSError as e:
                if isinstance(e, TimeoutError) or clock.expired:
                    raise
                raise _error(url, f"{hop}cannot connect ({e.strerror or e})") from e
            clock.watch(conn.sock)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", target, headers={"User-Agent": self.user_agent, "Accept": _ACCEPT})
            return conn, conn.getresponse()
        except BaseException:
            conn.close()
            raise

    def _checked_addresses(self, url: str, hop: str, host: str, port: int) -> Addresses:
        """Resolve `host`; refuse it when any of its addresses is not public (and not allowed)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as e:
            raise _error(url, f"{hop}cannot connect (cannot resolve {host}: {e.strerror or e})") from e
        addresses: Addresses = []
        for family, _type, _proto, _name, sockaddr in infos:
            address = ipaddress.ip_address(sockaddr[0])
            kind = address_kind(address)
            if kind and not self._allowed(address):
                named = host if host == sockaddr[0] else f"{host} resolves to {address}, which"
                raise _error(url, f"{hop}refused: {named} is {kind} address; {_ALLOW_HINT}")
            addresses.append((family, sockaddr))
        return addresses

    def _allowed(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return self.allow_private or any(address in network for network in self.allow_networks)

    def _too_long(self, url: str) -> FetchError:
        return _error(url, f"took longer than {self.deadline:g} s (the whole fetch, redirects included): "
                           f"raise Fetcher(deadline=...) if the server is slow but honest")

    def _read_capped(self, response: http.client.HTTPResponse, url: str) -> bytes:
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise _error(url, f"larger than {self.max_bytes} bytes ({length} announced)")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise _error(url, f"larger than {self.max_bytes} bytes: raise Fetcher(max_bytes=...)")
            chunks.append(chunk)


def address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why `address` is not a public one ("a loopback", "a private", ...), or None when it is public.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ``::ffff:127.0.0.1``, 6to4)
    is judged by the IPv4 address, which is where the packets end up.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            address = embedded
    # Most specific first: 127.0.0.1 is also "private" to the ipaddress module, ::1 also "reserved".
    if address.is_unspecified:
        return "an unspecified"
    if address.is_loopback:
        return "a loopback"
    if address.is_link_local:
        return "a link-local"
    if address.is_multicast:
        return "a multicast"
    if address.is_reserved:
        return "a reserved"
    if address.is_private:
        return "a private"
    if not address.is_global:  # e.g. 100.64.0.0/10, carrier-grade NAT
        return "a non-public"
    return None


# ---------------------------------------------------------------- the deadline


class _Deadline:
    """The time left for one fetch, and a watchdog that shuts its socket when it runs out.

    A socket timeout bounds one read, not the fetch: a server that sends one byte a
    second never trips it, whether it trickles the status line, the headers or the body.
    Shutting the socket from a timer thread wakes the read blocked in the fetching
    thread (it sees the connection end), whatever stage it is in.
    """

    def __init__(self, seconds: float):
        self._end = time.monotonic() + seconds
        self._fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    @property
    def expired(self) -> bool:
        return self._fired or time.monotonic() >= self._end

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def watch(self, sock: socket.socket | None) -> None:
        """Shut `sock` (the current hop's connection) when the time runs out."""
        with self._lock:
            self._sock = sock
            if self._fired:
                _shut(sock)

    def stop(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self._fired = True
            _shut(self._sock)


def _shut(sock: socket.socket | None) -> None:
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # already closed: the hop ended on its own
        pass


# ---------------------------------------------------------------- connections to checked addresses


def _connect(addresses: Addresses, timeout: float | None) -> socket.socket:
    """A TCP connection to the first of `addresses` that answers (all were checked)."""
    error: OSError = OSError("no address to connect to")
    for family, sockaddr in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as e:
            sock.close()
            error = e
    raise error


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to `host` made to the addresses already checked, never to a new look-up."""

    def __init__(self, host: str, port: int, *, addresses: Addresses, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.timeout)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    """As `_CheckedHTTPConnection`, with TLS: the certificate is verified against the host name."""

    def __init__(self, host: str, port: int, *, addresses: Addresses, timeout: float):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = self.tls.wrap_socket(_connect(self.addresses, self.timeout), server_hostname=self.host)


# ---------------------------------------------------------------- messages


def _error(url: str, reason: str) -> FetchError:
    """A FetchError whose reason is one line, whatever a server or the OS put in it."""
    return FetchError(url, " ".join(reason.split()))


def _short(url: str, limit: int = 200) -> str:
    """`url` cut to `limit` characters for a message (a redirect may point at a long data: URL)."""
    return url if len(url) <= limit else url[: limit - 1] + "…"
