"""Web archives (ingest/warc.py): a WARC file's HTML responses are reports, read as the same pages are
when fetched one by one; everything else in the archive is passed over; a broken archive is one line.

The archives are written here with warcio from pages of our own (tests/data/cli/site, examples/), and
the same pages are served over real HTTP on 127.0.0.1 for the comparison.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.cli import EXIT_INPUTS_FAILED
from claimledger.errors import IngestError
from claimledger.ingest import iter_documents
from claimledger.models import Document
from test_cli import cli, error_lines, plain_environment

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "tests" / "data" / "cli" / "site"
PAGES = ["ceasefire.html", "story-a.html", "story-b.html"]


@pytest.fixture(autouse=True)
def _plain(tmp_path: Path):
    with plain_environment(tmp_path):
        yield


def response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def archive(path: Path, base: str, *, gz: bool = True) -> Path:
    """A crawl of the site: its three pages, and what a crawl also holds (requests, a redirect, an image,
    a script, a revisit, a warcinfo record) that is not a report."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "a test crawler"}))
        for page in PAGES:
            url = f"{base}/{page}"
            req = StatusAndHeaders(f"GET /{page} HTTP/1.1", [("Host", base.split("//")[1])], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            response(writer, url, (SITE / page).read_bytes())
        response(writer, f"{base}/old-story.html", b"", status="301 Moved Permanently",
                 extra=[("Location", f"{base}/story-a.html")])
        response(writer, f"{base}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
        response(writer, f"{base}/app.js", b"var toll = 40;", content_type="application/javascript")
        response(writer, f"{base}/gone.html", b"<html><body>Not found</body></html>", status="404 Not Found")
        writer.write_record(writer.create_revisit_record(f"{base}/story-a.html", digest="sha1:AAAA",
                                                         refers_to_uri=f"{base}/story-a.html",
                                                         refers_to_date="2025-01-01T00:00:00Z"))
    return path


def claims_of(capsys, *argv: object) -> list[dict]:
    r = cli(capsys, "extract", "--allow-private-urls", *argv)
    assert r.code == 0, r.err
    out = [json.loads(line) for line in r.out.splitlines()]
    return sorted(out, key=lambda c: (c["doc"], c["start"]))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_an_archive_gives_the_claims_of_its_pages_fetched_one_by_one(tmp_path: Path, capsys, http_server,
                                                                      gz: bool) -> None:
    base = http_server(SITE)
    warc = archive(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), base, gz=gz)
    from_archive = claims_of(capsys, warc)
    one_by_one = claims_of(capsys, *(f"{base}/{page}" for page in PAGES))
    assert from_archive and from_archive == one_by_one
    assert len({c["doc"] for c in from_archive}) == len(PAGES)


def test_only_successful_html_and_text_responses_are_reports(tmp_path: Path, http_server) -> None:
    base = http_server(SITE)
    docs = list(iter_documents([str(archive(tmp_path / "crawl.warc.gz", base))]))
    assert all(isinstance(d, Document) for d in docs), docs
    assert sorted(d.url for d in docs) == sorted(f"{base}/{p}" for p in PAGES)
    for d in docs:  # each names the archive and the record's offset, to be found again
        assert isinstance(d, Document) and d.origin and d.origin.startswith(f"{tmp_path / 'crawl.warc.gz'}@")


def test_an_archive_larger_than_the_file_limit_is_streamed_and_each_page_limited(tmp_path: Path,
                                                                                 http_server) -> None:
    base = http_server(SITE)
    warc = archive(tmp_path / "crawl.warc.gz", base)
    size = warc.stat().st_size
    docs = list(iter_documents([str(warc)], max_bytes=size // 2))  # the archive is over the limit; its pages not
    assert [type(d) for d in docs] == [Document] * len(PAGES)
    small = list(iter_documents([str(warc)], max_bytes=200))  # now every page is over it
    assert small and all(isinstance(d, IngestError) and "over the limit" in d.reason for d in small)


def test_a_cut_off_archive_keeps_the_records_before_the_break(tmp_path: Path, capsys, http_server) -> None:
    base = http_server(SITE)
    whole = archive(tmp_path / "crawl.warc", base, gz=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: int(len(whole) * 0.6)] + b"\x00garbage")
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", "--quiet", cut)
    assert r.code == EXIT_INPUTS_FAILED
    (line,) = error_lines(r.err)
    assert str(cut) in line and "web archive" in line
    assert "1 new" in r.err or "2 new" in r.err


def test_a_file_that_is_not_an_archive_is_one_line(tmp_path: Path, capsys) -> None:
    fake = tmp_path / "notes.warc.gz"
    fake.write_bytes(gzip.compress(b"these are my notes, not a web archive\n"))
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", "--quiet", fake)
    assert r.code == EXIT_INPUTS_FAILED
    (line,) = error_lines(r.err)
    assert str(fake) in line and "web archive" in line


def test_an_arc_file_is_read_too(tmp_path: Path, capsys, http_server) -> None:
    """ARC, the older archive format: a version block, then one line of URL, address, date, type and
    length before each fetched response."""
    base = http_server(SITE)
    page = (SITE / "story-a.html").read_bytes()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    version = b"1 0 test crawler\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://crawl.arc 0.0.0.0 20250101000000 text/plain %d\n" % len(version)
    record = b"%s/story-a.html 127.0.0.1 20250101000000 text/html %d\n" % (base.encode(), len(http))
    arc = tmp_path / "crawl.arc"
    arc.write_bytes(head + version + b"\n" + record + http + b"\n")
    assert claims_of(capsys, arc) == claims_of(capsys, f"{base}/story-a.html") != []
