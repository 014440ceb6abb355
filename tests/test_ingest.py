"""Ingest: every kind of source in, Documents (or IngestErrors, never exceptions) out."""
from __future__ import annotations

import json
import os
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.errors import FetchError, IngestError
from claimledger.ingest import (
    Fetcher,
    iter_documents,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff_kind,
)
from claimledger.ingest._util import iso_date, url_doc_id
from claimledger.ingest.feed import parse_feed
from claimledger.ingest.html import _is_furniture
from claimledger.models import Document

DATA = Path(__file__).parent / "data" / "ingest"
EVAL_DIR = Path(
    os.environ.get("CLAIMLEDGER_EVAL_DIR") or Path(__file__).resolve().parents[2] / "shared" / "eval"
)
DEV_HTML = EVAL_DIR / "dev" / "html"


def docs_and_errors(results):
    results = list(results)
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, IngestError)]
    assert len(docs) + len(errors) == len(results)
    return docs, errors


# ---------------------------------------------------------------- JSON and JSON Lines


def test_jsonl_bad_lines_fail_alone():
    origin = str(DATA / "docs.jsonl")
    docs, errors = docs_and_errors(iter_documents([origin]))

    assert [d.id for d in docs] == ["jl-1", "jl-2", "5"]
    assert docs[0].title == "Border province reports 1,200 evacuated"
    assert docs[0].url == "https://news.example/jl-1"
    assert docs[0].text.startswith("Officials in the border province said 1,200 residents")
    assert docs[1].published == "2025-02-10"  # a date-time is cut to its date
    assert docs[1].publisher == "AFP"
    assert docs[2].published is None
    assert all(d.origin == origin for d in docs)

    assert [e.origin for e in errors] == [origin, origin]
    assert re.match(r"line 3: not valid JSON \(Expecting ',' delimiter", errors[0].reason)
    assert str(errors[0]).startswith(f"{origin}: line 3: not valid JSON")
    assert errors[1].reason.startswith("line 4: missing 'text'")


@pytest.mark.parametrize(
    "line, reason",
    [
        ('["a list"]', "line 1: expected a JSON object, got list"),
        ('{"text": "no id here"}', "line 1: missing 'id'"),
        ('{"id": "x", "text": 42}', "line 1: 'text' must be a string"),
        ('{"id": "x", "text": "t", "published": "last spring"}', "line 1: 'published' is not a date"),
        ('{"id": "x", "text": "t", "title": ["a"]}', "line 1: 'title' must be a string"),
    ],
)
def test_jsonl_rejects_objects_outside_the_contract(line, reason):
    [error] = list(read_jsonl(line, "mem.jsonl"))
    assert isinstance(error, IngestError)
    assert error.reason.startswith(reason)


def test_json_single_object():
    [doc] = list(iter_documents([str(DATA / "one.json")]))
    assert doc == Document(
        id="single-report",
        text="Navy says 3 patrol boats were damaged in the storm\n\n"
        "The navy said on Tuesday that three patrol boats were damaged when the storm hit the harbour.",
        published="2024-11-05",
        publisher="Harbour Gazette",
        title="Navy says 3 patrol boats were damaged in the storm",
        origin=str(DATA / "one.json"),
        encoding="utf-8",
        language="en",
    )


def test_json_list():
    docs = list(iter_documents([str(DATA / "list.json")]))
    assert [(d.id, d.published, d.publisher, d.url) for d in docs] == [
        ("list-a", "2025-01-20", "UN", None),
        ("list-b", "2025-03-02", "UKR-MOD", "https://mod.example/list-b"),
    ]
    assert docs[1].text == "The defence ministry said it had delivered 12 howitzers so far this year."


def test_json_errors_name_the_line_or_item():
    [bad] = list(read_json('{\n  "id": "a",\n  "text": "b"\n  "publisher": "c"\n}', "x.json"))
    assert str(bad) == "x.json: line 4: not valid JSON (Expecting ',' delimiter at column 3)"
    results = list(read_json('[{"id": "a", "text": "ok"}, {"id": "b"}]', "y.json"))
    assert isinstance(results[0], Document)
    assert str(results[1]).startswith("y.json: item 2: missing 'text'")


def test_gold_files_can_be_ingested_as_they_are(eval_dev_dir):
    results = list(iter_documents([str(eval_dev_dir / "gold.jsonl")]))
    docs, errors = docs_and_errors(results)
    assert errors == []
    assert len(docs) == 25
    assert docs[0].id == "dev-001" and docs[0].publisher == "CALIBER-AZ"


# ---------------------------------------------------------------- plain text


def test_text_with_headers():
    [doc] = list(iter_documents([str(DATA / "report.txt")]))
    assert doc.id == "report"
    assert doc.published == "2025-03-27"
    assert doc.publisher == "Reuters"
    assert doc.url == "https://www.reuters.example/world/seoul-troops-2025-03-27/"
    assert doc.title == "Seoul says North Korea sent 3,000 more troops to Russia"
    assert doc.text == (
        "Seoul says North Korea sent 3,000 more troops to Russia\n\n"
        "South Korea's military said on Thursday that North Korea had sent about 3,000 additional "
        "soldiers to Russia in January and February.\n\n"
        "The Joint Chiefs of Staff put the total deployed since last autumn at roughly 11,000."
    )


@pytest.mark.parametrize(
    "raw, title, text",
    [
        # no headers, no title: one paragraph is all body
        ("Police said 40 people were arrested.\n", None, "Police said 40 people were arrested."),
        # a Markdown heading as title
        ("# Quake toll rises to 90\n\nRescuers found 90 bodies.\n", "Quake toll rises to 90",
         "Quake toll rises to 90\n\nRescuers found 90 bodies."),
        # a first line not followed by a blank line is body, not title
        ("Officials said 3 ships\nwere hit.\n\nNo one was hurt.", None,
         "Officials said 3 ships were hit.\n\nNo one was hurt."),
        # headers are case-insensitive; a header-looking line after the title stays in the text
        ("publisher: AP\n\nTitle here\n\nURL: kept as text\n", "Title here",
         "Title here\n\nURL: kept as text"),
    ],
)
def test_text_layouts(raw, title, text):
    doc = read_text(raw, doc_id="t")
    assert (doc.title, doc.text) == (title, text)


def test_text_bad_published_header_is_an_error():
    with pytest.raises(IngestError, match=r"notes.txt: Published header is not a date \('soon'\)"):
        read_text("Published: soon\n\nBody.", doc_id="notes", origin="notes.txt")


def test_text_spelled_out_date_is_accepted():
    assert read_text("Published: 27 March 2025\n\nBody.", doc_id="n").published == "2025-03-27"


# ---------------------------------------------------------------- HTML


def test_html_file_title_date_site_and_clean_text():
    path = DATA / "article.html"
    [doc] = list(iter_documents([str(path)]))
    assert doc.id == "article"
    assert doc.origin == str(path)
    assert doc.title == "Kyiv says 1,350 Russian soldiers lost in a single day"
    assert doc.published == "2024-11-21"  # published, not modified
    assert doc.publisher == "Northern Ledger"
    assert doc.url == "https://www.northernledger.example/war/kyiv-says-1350-lost"
    assert doc.text == "\n\n".join(
        [
            "Kyiv says 1,350 Russian soldiers lost in a single day",
            "Ukraine's General Staff said on Thursday that Russia had lost 1,350 soldiers killed or wounded "
            "over the previous 24 hours, one of the highest daily figures it has reported since the start "
            "of the full-scale invasion.",
            "The General Staff said its forces had also destroyed 14 tanks and 32 artillery systems during "
            "the same period, most of them along the eastern front near Pokrovsk.",
            "The figures could not be independently verified. Moscow does not publish its own losses and "
            "has dismissed Kyiv's daily tallies as propaganda.",
            "Western intelligence estimates released earlier this month put total Russian casualties at "
            "more than 600,000 since February 2022.",
        ]
    )
    # none of the figures from captions, boxes, comments, banners or lists got in
    for junk in ("40 vehicles", "600 tonnes", "90,000", "2,000", "300 wounded", "212 partners", "900 trains",
                 "Marta Quill", "Read more"):
        assert junk not in doc.text


_PROSE = [
    "Authorities said on Monday that 2,300 people had been moved to temporary shelters after the dam burst.",
    "The regional governor said a further 800 homes were still without electricity and drinking water.",
    "Engineers expected to finish repairs to the main embankment by the end of the week, officials added.",
]


def _page(body: str, head: str = "") -> str:
    title = "<title>Dam burst forces 2,300 from homes</title>"
    return f"<html><head>{title}{head}</head><body>{body}</body></html>"


def test_html_drops_furniture_paragraphs_without_class_names():
    body = "<div>" + "".join(
        f"<p>{p}</p>"
        for p in ["Dam burst forces 2,300 from homes", "By Nadia Orlov, Regional correspondent",
                  "Published 4 June 2025", _PROSE[0], "Photo: Emergency services handout", _PROSE[1],
                  "Related: Floods in 2019 displaced 10,000", _PROSE[2], "© 2025 Valley Times"]
    ) + "</div>"
    doc = read_html(_page(body), doc_id="dam")
    assert doc.text == "\n\n".join(["Dam burst forces 2,300 from homes", *_PROSE])


@pytest.mark.parametrize(
    "paragraph, furniture",
    [
        ("By Nadia Orlov, Regional correspondent", True),
        ("Published 4 June 2025", True),
        ("Photo: Emergency services handout", True),
        ("Related: Floods in 2019 displaced 10,000", True),
        ("Read more » How the front line moved", True),
        ("Advertisement", True),
        ("© 2025 Valley Times", True),
        # prose that merely starts like furniture stays
        ("By Thursday, 300 people had fled the town.", False),
        ("Updated figures from the ministry show 4,000 killed.", False),
        ("Related talks in Geneva ended without agreement on 2,000 prisoners.", False),
        ("Sources said 40 soldiers died in the attack.", False),
        ("Watchdog groups said 300 people died.", False),
    ],
)
def test_furniture_paragraphs(paragraph, furniture):
    assert _is_furniture(paragraph, title=None) is furniture


def test_html_line_break_inside_a_paragraph_is_a_space_and_list_items_are_paragraphs():
    items = ["Shelters in the north hold 1,400 people.", "Schools in the south hold 900."]
    body = (
        f"<article><p>{_PROSE[0][:44]}<br>{_PROSE[0][45:]}</p><p>{_PROSE[1]}</p>"
        f"<ul><li>{items[0]}</li><li>{items[1]}</li></ul><p>{_PROSE[2]}</p></article>"
    )
    doc = read_html(_page(body), doc_id="dam")
    assert doc.text.split("\n\n")[1:] == [_PROSE[0], _PROSE[1], *items, _PROSE[2]]


def test_html_prefers_a_complete_json_ld_article_body():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Dam burst forces 2,300 from homes", "datePublished": "2025-06-04",
          "publisher": {"@type": "Organization", "name": "Valley Times"}, "articleBody": "\n\n".join(_PROSE)}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    # the page shows a cut-off article (the rest behind a paywall); JSON-LD has all of it
    body = "<article>" + "".join(f"<p>{p}</p>" for p in _PROSE[:2]) + "<div class='gate'>...</div></article>"
    doc = read_html(_page(body, head), doc_id="dam")
    assert doc.text == "\n\n".join(["Dam burst forces 2,300 from homes", *_PROSE])
    assert (doc.published, doc.publisher) == ("2025-06-04", "Valley Times")


def test_html_without_article_text_is_an_error():
    # a single-page app: the text would come from a script, the HTML holds none
    page = b"<html><head><title>Loading</title><script>start()</script></head><body><div id=app></div></body>"
    with pytest.raises(IngestError, match="app.html: no article text found"):
        read_html(page, doc_id="app", origin="app.html")


def _dev_pages():
    index = DEV_HTML / "index.json"
    if not index.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no dev set at {DEV_HTML}"))]
    return [pytest.param(entry, id=entry["id"]) for entry in json.loads(index.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def dev_gold(eval_dev_dir):
    with open(eval_dev_dir / "gold.jsonl", encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


# Pages whose extracted text is known to differ from the gold text, with the reason.
# Empty: all 25 dev pages are extracted exactly. Add `"dev-0NN": "why"` for a known miss.
DEV_TEXT_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("entry", _dev_pages())
def test_dev_page_metadata_matches_index(entry):
    doc = read_html((DEV_HTML / entry["file"]).read_bytes(), doc_id=entry["id"])
    expected = (entry["title"], entry["published"], entry["site_name"])
    assert (doc.title, doc.published, doc.publisher) == expected


@pytest.mark.parametrize("entry", _dev_pages())
def test_dev_page_text_equals_gold(entry, dev_gold, request):
    if entry["id"] in DEV_TEXT_MISSES:
        request.applymarker(pytest.mark.xfail(reason=DEV_TEXT_MISSES[entry["id"]], strict=True))
    doc = read_html((DEV_HTML / entry["file"]).read_bytes(), doc_id=entry["id"])
    assert doc.text == dev_gold[entry["id"]]["text"]


# ---------------------------------------------------------------- directories and paths


def test_directory_walk_sorted_by_path_known_types_only():
    root = DATA / "tree"
    docs, errors = docs_and_errors(iter_documents([str(root)]))
    assert [(d.id, Path(d.origin).relative_to(root).as_posix()) for d in docs] == [
        ("jl-1", "a-first.jsonl"),
        ("jl-2", "a-first.jsonl"),
        ("5", "a-first.jsonl"),
        ("b-notes", "b-notes.txt"),
        ("c-page", "nested/c-page.html"),
    ]
    # the two bad lines of a-first.jsonl; skip.csv and hidden files are not read at all
    assert [e.reason.split(":")[0] for e in errors] == ["line 3", "line 4"]
    assert docs[3].text.startswith("Relief agency counts 5,400 displaced\n\nPublisher: not a header")
    assert docs[4].publisher == "Relief Monitor"


def test_missing_path_and_unsupported_file_are_errors_and_the_batch_goes_on(tmp_path):
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(b"%PDF-1.4")
    results = list(iter_documents([str(tmp_path / "nowhere.txt"), str(odd), str(DATA / "one.json")]))
    assert [type(r) for r in results] == [IngestError, IngestError, Document]
    assert str(results[0]) == f"{tmp_path / 'nowhere.txt'}: no such file or directory"
    assert results[1].origin == str(odd) and "unsupported file type '.pdf'" in results[1].reason
    assert results[2].id == "single-report"


# ---------------------------------------------------------------- URLs and feeds


@pytest.fixture(scope="module")
def site(http_server, tmp_path_factory):
    """tests/data/ingest/site served locally; {BASE} in the feeds becomes the server's URL."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(DATA / "site", root, dirs_exist_ok=True)
    base = http_server(root)
    for feed in root.glob("news.*"):
        feed.write_text(feed.read_text(encoding="utf-8").replace("{BASE}", base), encoding="utf-8")
    return base


# The test servers listen on 127.0.0.1, an address the Fetcher refuses unless asked.
LOCAL = Fetcher(allow_private=True)


def test_url_html_page(site):
    url = f"{site}/strike.html"
    [doc] = list(iter_documents([url], fetcher=LOCAL))
    assert isinstance(doc, Document)
    assert doc.id == url_doc_id(url)
    assert re.fullmatch(r"strike-[0-9a-f]{8}", doc.id)
    assert (doc.url, doc.origin) == (url, url)
    assert doc.title == "Drone strike hits fuel depot; governor says 2 injured"
    assert doc.published == "2025-01-14"
    assert doc.publisher == "Eastern Wire"
    assert doc.text.split("\n\n") == [
        "Drone strike hits fuel depot; governor says 2 injured",
        "A drone attack set a fuel depot on fire in the south of the region early on Tuesday, injuring "
        "two workers, the regional governor said on his messaging channel.",
        "The governor said air defences had intercepted 19 drones over the region overnight and that "
        "firefighters had contained the blaze by mid-morning.",
        "The defence ministry in Moscow said separately that its forces had downed 61 Ukrainian drones "
        "across seven regions.",
    ]


def test_url_404_is_an_error_naming_the_url(site):
    url = f"{site}/no-such-page.html"
    [error] = list(iter_documents([url], fetcher=LOCAL))
    assert isinstance(error, FetchError)
    assert error.origin == url
    assert str(error).startswith(f"{url}: HTTP 404")


def test_url_jsonl_is_dispatched_by_content_type(site):
    docs = list(iter_documents([f"{site}/reports.jsonl"], fetcher=LOCAL))
    assert [(d.id, d.publisher, d.origin) for d in docs] == [
        ("remote-1", "AP", f"{site}/reports.jsonl"),
        ("remote-2", "AP", f"{site}/reports.jsonl"),
    ]


def test_url_plain_text_is_read_with_the_text_reader(site):
    url = f"{site}/brief.txt"
    [doc] = list(iter_documents([url], fetcher=LOCAL))
    assert (doc.title, doc.publisher) == ("Guards turn back 12 at crossing", "Border Desk")
    assert (doc.url, doc.origin) == (url, url)
    assert doc.text.endswith("turned back 12 people at official crossing points this week.")


def test_rss_feed_entries_are_fetched_and_a_broken_link_fails_alone(site):
    docs, errors = docs_and_errors(iter_documents([f"{site}/news.rss"], fetcher=LOCAL))
    assert [d.origin for d in docs] == [f"{site}/strike.html", f"{site}/convoy.html"]
    assert [(d.title, d.published, d.publisher) for d in docs] == [
        ("Drone strike hits fuel depot; governor says 2 injured", "2025-01-14", "Eastern Wire"),
        ("UN convoy delivers food for 25,000 people in besieged town", "2025-02-03", "Relief Monitor"),
    ]
    assert "A convoy of 18 trucks reached the besieged town" in docs[1].text
    assert "Only 18 trucks" not in docs[1].text  # a reader comment
    [error] = errors
    assert error.origin == f"{site}/gone.html"
    assert error.reason.startswith("HTTP 404")


def test_atom_feed_fills_title_and_date_the_page_lacks(site):
    docs, errors = docs_and_errors(iter_documents([f"{site}/news.atom"], fetcher=LOCAL))
    assert [d.origin for d in docs] == [f"{site}/bare.html", f"{site}/convoy.html"]
    bare = docs[0]
    # the page has no title and no date: both come from the entry (the date as written, not UTC)
    assert bare.title == "Border guards detain 37 at river crossing"
    assert bare.published == "2025-03-09"
    assert bare.text.startswith(
        "Border guards detain 37 at river crossing\n\nBorder guards said they had detained 37"
    )
    # the page's own date wins over the entry's
    assert docs[1].published == "2025-02-03"
    [error] = errors
    assert str(error).startswith(f"{site}/archive/missing.html: HTTP 404")


def test_feed_file_on_disk_resolves_links_and_reports_every_entry(site, tmp_path):
    feed = tmp_path / "saved.rss"
    feed.write_text((DATA / "site" / "news.rss").read_text(encoding="utf-8").replace("{BASE}", site),
                    encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents([str(feed)], fetcher=LOCAL))
    assert len(docs) == 2 and len(errors) == 1


def test_not_a_feed_is_an_error():
    with pytest.raises(IngestError, match="not a readable RSS/Atom feed"):
        parse_feed(b"just some words", "words.xml")


# ---------------------------------------------------------------- Fetcher


class _EchoHandler(BaseHTTPRequestHandler):
    """Answers every GET with the request's User-Agent, or a body of ?size bytes."""

    def do_GET(self):  # noqa: N802 - http.server naming
        if self.path.startswith("/big"):
            body = b"x" * 5000
        else:
            body = (self.headers.get("User-Agent") or "").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="module")
def echo_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetcher_sends_user_agent_and_returns_type_and_bytes(echo_server):
    final_url, content_type, body = LOCAL.fetch(f"{echo_server}/ua")
    assert final_url == f"{echo_server}/ua"
    assert content_type == "text/plain; charset=utf-8"
    assert body == b"claimledger/0.1"


def test_fetcher_refuses_bodies_over_max_bytes(echo_server):
    with pytest.raises(FetchError, match=r"/big: larger than 1000 bytes"):
        Fetcher(max_bytes=1000, allow_private=True).fetch(f"{echo_server}/big")


@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://files.example/a.html", "unsupported URL scheme 'ftp'"),
        ("http://127.0.0.1:9/closed", "cannot connect"),
    ],
)
def test_fetcher_errors_are_one_line(url, reason):
    with pytest.raises(FetchError) as info:
        Fetcher(timeout=5, allow_private=True).fetch(url)
    assert info.value.origin == url
    assert info.value.reason.startswith(reason)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- dispatch and helpers


@pytest.mark.parametrize(
    "content_type, body, url, kind",
    [
        ("text/html; charset=utf-8", b"<p>hi</p>", "", "html"),
        ("application/rss+xml", b"<rss/>", "", "feed"),
        ("application/atom+xml", b"<feed/>", "", "feed"),
        ("application/json", b"{}", "", "json"),
        ("application/x-ndjson", b"{}\n{}", "", "jsonl"),
        ("text/xml", b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', "", "feed"),
        ("application/xml", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "", "feed"),
        ("application/octet-stream", b"\xef\xbb\xbf<!DOCTYPE html><html>", "", "html"),
        ("", b'  {"id": 1}\n{"id": 2}', "http://x.example/dump.jsonl", "jsonl"),
        ("text/plain", b"[1, 2]", "http://x.example/a", "json"),
        ("text/plain", b"Officials said 9 were hurt.", "", "text"),
        ("image/png", b"\x89PNG", "", None),
    ],
)
def test_sniff_kind(content_type, body, url, kind):
    assert sniff_kind(content_type, body, url) == kind


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2025-03-27", "2025-03-27"),
        ("2025-03-27T23:30:00-05:00", "2025-03-27"),
        ("27 March 2025", "2025-03-27"),
        ("March 27, 2025", "2025-03-27"),
        ("2025-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value, iso):
    assert iso_date(value) == iso


def test_url_doc_id_is_readable_and_unique():
    a = url_doc_id("https://a.example/world/2025/03/27/troops-sent.html")
    b = url_doc_id("https://b.example/world/2025/03/27/troops-sent.html")
    assert re.fullmatch(r"world-2025-03-27-troops-sent-[0-9a-f]{8}", a)
    assert a != b and a[:-8] == b[:-8]
    assert re.fullmatch(r"a-example-[0-9a-f]{8}", url_doc_id("https://a.example/"))
