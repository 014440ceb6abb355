"""The Fetcher against hostile servers: the deadline, redirects, private addresses, malformed feeds.

Every server here is real: an http.server on 127.0.0.1 in a thread, answering
the way a slow, misconfigured or malicious site would. Since 127.0.0.1 is itself
an address the Fetcher refuses, the tests that mean to reach it opt in with
`allow_private=True` (or `allow_networks`), as a user would with --allow-private-urls.
"""
from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from claimledger.cli import main
from claimledger.errors import FetchError, IngestError
from claimledger.ingest import iter_documents
from claimledger.ingest.feed import parse_feed
from claimledger.ingest.fetch import Fetcher, _CheckedHTTPConnection, address_kind
from claimledger.models import Document

PAGE = (b"<html><head><title>Flood update</title></head><body><article><p>Officials said 12 people "
        b"were hurt in the floods on Monday, and 300 homes were damaged.</p></article></body></html>")
TRICKLE_BYTES = 40  # at 0.5 s a byte: 20 s, far past the test deadlines


class _HostileHandler(BaseHTTPRequestHandler):
    """One server, many bad habits, chosen by the path. Every request's path is recorded in `hits`."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.hits.append(self.path)
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        step = path.rsplit("/", 1)[-1]
        try:
            if path == "/page":
                self._answer(200, PAGE, "text/html; charset=utf-8")
            elif path == "/host":
                self._answer(200, (self.headers.get("Host") or "").encode(), "text/plain")
            elif path == "/trickle-body":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(TRICKLE_BYTES))
                self.end_headers()
                self._trickle(b"x" * TRICKLE_BYTES)
            elif path == "/trickle-headers":
                self._trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
            elif path == "/redirect":
                self._redirect(query["to"][0])
            elif path == "/loop":
                self._redirect("/loop")
            elif path.startswith("/endless/"):
                self._redirect(f"/endless/{int(step) + 1}")
            elif path.startswith("/slow/"):
                time.sleep(0.5)
                self._redirect(f"/slow/{int(step) + 1}")
            elif path.startswith("/chain/"):
                if int(step) == 0:
                    self._answer(200, b"arrived", "text/plain")
                else:
                    self._redirect(f"/chain/{int(step) - 1}")
            else:
                self._answer(404, b"", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up: that is what the deadline tests want

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _trickle(self, data: bytes) -> None:
        for i in range(len(data)):
            self.wfile.write(data[i:i + 1])
            self.wfile.flush()
            time.sleep(0.5)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        pass


def _start(server: ThreadingHTTPServer) -> threading.Thread:
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The hostile server's base URL, http://127.0.0.1:PORT."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _HostileHandler)
    thread = _start(httpd)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


LOCAL = Fetcher(allow_private=True, timeout=5)


def fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    """The FetchError fetching `url` raises; it must name `url` and be one line."""
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    error = info.value
    assert error.origin == url
    assert str(error) == f"{url}: {error.reason}"
    assert "\n" not in str(error) and "\r" not in str(error)
    return error


# ---------------------------------------------------------------- 1. one deadline for the whole fetch


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_server_trickling_one_byte_every_half_second_is_cut_off_at_the_deadline(server, path):
    # Each byte comes well within the 5 s read timeout, so only the 2 s deadline can stop it.
    fetcher = Fetcher(deadline=2, timeout=5, allow_private=True)
    start = time.monotonic()
    error = fetch_error(fetcher, f"{server}{path}")
    elapsed = time.monotonic() - start
    assert error.reason.startswith("took longer than 2 s"), error.reason
    assert 1.5 < elapsed < 4.5, elapsed


def test_the_deadline_covers_the_redirects_not_each_hop(server):
    # Every hop answers in 0.5 s, far inside the timeout; together they pass the deadline
    # long before the tenth redirect would stop them.
    fetcher = Fetcher(deadline=2, timeout=5, allow_private=True)
    start = time.monotonic()
    error = fetch_error(fetcher, f"{server}/slow/0")
    assert error.reason.startswith("took longer than 2 s"), error.reason
    assert time.monotonic() - start < 4


def test_a_prompt_server_is_read_well_within_the_deadline(server):
    final_url, content_type, body = Fetcher(deadline=2, allow_private=True).fetch(f"{server}/page")
    assert (final_url, content_type, body) == (f"{server}/page", "text/html; charset=utf-8", PAGE)


# ---------------------------------------------------------------- 2. redirects


def test_redirects_are_followed_to_the_final_url(server):
    final_url, _, body = LOCAL.fetch(f"{server}/chain/3")
    assert (final_url, body) == (f"{server}/chain/0", b"arrived")


@pytest.mark.parametrize(
    "target, scheme",
    [
        ("file:///etc/passwd", "file"),
        ("ftp://files.example/report.html", "ftp"),
        ("data:text/html,<p>12 killed</p>", "data"),
        ("gopher://old.example/1/news", "gopher"),
        ("javascript:alert(1)", "javascript"),
    ],
)
def test_a_redirect_to_another_scheme_is_refused(server, target, scheme):
    error = fetch_error(LOCAL, f"{server}/redirect?to={quote(target, safe='')}")
    assert error.reason.startswith(f"refused a redirect to a '{scheme}' URL"), error.reason
    assert "only http and https" in error.reason


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/loop", "redirect loop"),
        ("/endless/0", "more than 10 redirects"),
    ],
)
def test_redirect_loops_and_endless_redirects_are_one_line_errors(server, path, reason):
    error = fetch_error(LOCAL, f"{server}{path}")
    assert error.reason.startswith(reason), error.reason


def test_the_redirect_limit_is_a_setting(server):
    fetcher = Fetcher(max_redirects=2, allow_private=True)
    assert fetcher.fetch(f"{server}/chain/2")[2] == b"arrived"
    assert fetch_error(fetcher, f"{server}/chain/3").reason.startswith("more than 2 redirects")


# ---------------------------------------------------------------- 3. private addresses


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "a loopback"),
        ("127.9.9.9", "a loopback"),
        ("::1", "a loopback"),
        ("::ffff:127.0.0.1", "a loopback"),  # IPv4-mapped: judged by the IPv4 address
        ("10.1.2.3", "a private"),
        ("172.16.0.1", "a private"),
        ("172.31.255.254", "a private"),
        ("192.168.1.1", "a private"),
        ("fc00::1", "a private"),
        ("fd12:3456::1", "a private"),
        ("169.254.169.254", "a link-local"),  # cloud metadata services live here
        ("fe80::1", "a link-local"),
        ("0.0.0.0", "an unspecified"),
        ("::", "an unspecified"),
        ("224.0.0.1", "a multicast"),
        ("ff02::1", "a multicast"),
        ("240.0.0.1", "a reserved"),
        ("100.64.0.1", "a non-public"),  # carrier-grade NAT
        ("2002:7f00:1::1", "a loopback"),  # 6to4 wrapping 127.0.0.1
        # public addresses
        ("8.8.8.8", None),
        ("93.184.216.34", None),
        ("172.32.0.1", None),  # just past 172.16.0.0/12
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_kinds(address, kind):
    assert address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1:{port}/page", "a loopback"),
        ("http://localhost:{port}/page", "a loopback"),  # a name: refused for what it resolves to
        ("http://0.0.0.0:{port}/page", "an unspecified"),  # would reach the test server if let through
        ("http://[::ffff:127.0.0.1]:{port}/page", "a loopback"),
        ("http://[::1]/", "a loopback"),
        ("http://10.0.0.7/", "a private"),
        ("http://172.16.4.1/", "a private"),
        ("http://192.168.1.1/admin", "a private"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local"),
        ("http://[fd00::1]/", "a private"),
        ("https://224.0.0.1/", "a multicast"),
    ],
)
def test_private_addresses_are_refused_by_default_before_connecting(server, url, kind):
    url = url.format(port=urlsplit(server).port)
    before = len(_HostileHandler.hits)
    error = fetch_error(Fetcher(timeout=5), url)
    assert error.reason.startswith("refused: "), error.reason
    assert f"is {kind} address" in error.reason
    assert "--allow-private-urls" in error.reason and "allow_private=True" in error.reason
    assert len(_HostileHandler.hits) == before, "the server was contacted"


def test_every_redirect_hop_is_checked(server):
    # 127.0.0.1 is allowed here, as a public address would be; the redirect to
    # 127.0.0.2 (loopback too, and not allowed) must be refused at that hop.
    fetcher = Fetcher(allow_networks=["127.0.0.1/32"], timeout=5)
    assert fetcher.fetch(f"{server}/page")[2] == PAGE
    port = urlsplit(server).port
    error = fetch_error(fetcher, f"{server}/redirect?to={quote(f'http://127.0.0.2:{port}/page', safe='')}")
    assert error.reason.startswith(f"redirected to http://127.0.0.2:{port}/page: refused: "), error.reason
    assert "a loopback address" in error.reason and "--allow-private-urls" in error.reason


def test_allow_private_lets_loopback_through(server):
    assert Fetcher(allow_private=True).fetch(f"{server}/page")[2] == PAGE


def test_the_host_header_names_the_host_while_the_connection_goes_to_its_checked_address(server):
    port = urlsplit(server).port
    assert LOCAL.fetch(f"http://localhost:{port}/host")[2] == f"localhost:{port}".encode()
    # The connection is made to the addresses given (those that were checked), never to a
    # second look-up of the name: a name that cannot resolve at all still reaches them.
    conn = _CheckedHTTPConnection("never-resolved.invalid", port, timeout=5,
                                  addresses=[(socket.AF_INET, ("127.0.0.1", port))])
    try:
        conn.request("GET", "/host")
        assert conn.getresponse().read() == f"never-resolved.invalid:{port}".encode()
    finally:
        conn.close()


def test_a_feed_entry_linking_to_a_loopback_address_is_refused(server, tmp_path):
    feed = tmp_path / "local.rss"
    feed.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Floods</title><link>{server}/page</link></item>
</channel></rss>""",
        encoding="utf-8",
    )
    before = len(_HostileHandler.hits)
    [error] = list(iter_documents([str(feed)]))
    assert isinstance(error, IngestError)
    assert error.origin == f"{server}/page"
    assert error.reason.startswith("refused: 127.0.0.1 is a loopback address")
    assert "--allow-private-urls" in error.reason
    assert len(_HostileHandler.hits) == before
    # ... and read when asked for
    [doc] = list(iter_documents([str(feed)], fetcher=LOCAL))
    assert isinstance(doc, Document) and "12 people" in doc.text


def test_the_cli_refuses_loopback_urls_unless_allow_private_urls(server, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no claimledger.toml
    url = f"{server}/page"
    assert main(["extract", url]) != 0
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("claimledger: error: ")]
    assert len(errors) == 1 and url in errors[0] and "--allow-private-urls" in errors[0], errors
    assert main(["extract", "--allow-private-urls", url]) == 0
    assert '"value": 12' in capsys.readouterr().out


# ---------------------------------------------------------------- TLS to a checked address


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for localhost: (base URL, cert file)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    work = tmp_path_factory.mktemp("tls")
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _HostileHandler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = _start(httpd)
    yield f"https://localhost:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_https_verifies_the_certificate_against_the_host_name(tls_server, monkeypatch):
    base, cert = tls_server
    error = fetch_error(LOCAL, f"{base}/page")
    assert error.reason.startswith("cannot connect") and "certificate verify failed" in error.reason
    # trusted, the same certificate is accepted for its host name
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    assert LOCAL.fetch(f"{base}/page")[2] == PAGE


# ---------------------------------------------------------------- 4. malformed feeds


def _rss(items: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://wire.example/</link>{items}</channel></rss>").encode()


def test_a_malformed_feed_with_no_entries_is_one_error_naming_the_feed(tmp_path):
    feed = tmp_path / "broken.rss"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</titl></channel></rss>')
    [error] = list(iter_documents([str(feed)]))
    assert isinstance(error, IngestError)
    assert error.origin == str(feed)
    assert error.reason.startswith("malformed feed, no entries could be read (XML error at line 1"), error.reason
    assert "mismatched tag" in error.reason and "\n" not in str(error)


def test_a_malformed_feed_with_entries_reads_them_and_reports_the_fault(server, tmp_path):
    feed = tmp_path / "entity.rss"
    # &nbsp; is not an XML entity: the feed is malformed, yet feedparser reads both entries
    feed.write_bytes(_rss(f"<item><title>Floods&nbsp;update</title><link>{server}/page</link></item>"
                          f"<item><title>Gone</title><link>{server}/gone</link></item>"))
    results = list(iter_documents([str(feed)], fetcher=LOCAL))
    assert [type(r) for r in results] == [IngestError, Document, IngestError]
    fault, doc, gone = results
    assert fault.origin == str(feed)
    assert fault.reason.startswith("malformed feed (XML error at line 2"), fault.reason
    assert "undefined entity" in fault.reason and "2 entries" in fault.reason
    assert doc.origin == f"{server}/page"
    assert (gone.origin, gone.reason) == (f"{server}/gone", "HTTP 404 Not Found")


def test_an_entry_without_a_link_is_an_error_naming_the_feed_and_the_entry(server, tmp_path):
    feed = tmp_path / "linkless.rss"
    feed.write_bytes(_rss(f"<item><title>Floods</title><link>{server}/page</link></item>"
                          "<item><title>Ceasefire\n  talks</title><description>No link here</description></item>"))
    results = list(iter_documents([str(feed)], fetcher=LOCAL))
    assert [type(r) for r in results] == [Document, IngestError]
    assert str(results[1]) == f"{feed}: entry 2 (Ceasefire talks): no link to read"


def test_a_well_formed_feed_read_from_a_file_reports_no_fault():
    # feedparser flags a feed without a Content-Type as "bozo"; that loses nothing and is not reported
    feed = parse_feed(_rss("<item><title>Floods</title><link>https://wire.example/a</link></item>"), "saved.rss")
    assert feed.problem is None and [e.link for e in feed.entries] == ["https://wire.example/a"]
