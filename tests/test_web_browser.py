"""The web app's pages in a real headless Chromium (Debian's `chromium`, driven by Playwright), served by
uvicorn on a free loopback port over the test ledger of test_web_api.py.

What it pins: the explorer's facets and search narrow to exactly the right claims; the series page draws
one mark per claim, coloured by originator, with relays and dates on hover; the document page highlights
every claim and shows its fields on click; a review action taken with the page's buttons survives a
reload and a re-ingest; a report whose text holds `<script>` runs nothing on any page. It also takes the
README's two screenshots (docs/web-series.png, docs/web-document.png).

Where no browser can be had the tests are skipped, except in CI (CI=true), where a missing browser fails
them: .ci/run installs Debian's chromium and `make` installs Playwright.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web_api import SERIES, TOKEN, build_ledger, call, claim_id, ids, report_documents, running

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs"
CHROMIUM = (os.environ.get("CLAIMLEDGER_CHROMIUM"), "/usr/lib/chromium/chromium", shutil.which("chromium"),
            shutil.which("chromium-browser"))


def _missing(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{why}; in CI the browser tests must run (.ci/run installs Debian's chromium, `make` "
                    "installs Playwright)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed: pip install -e '.[dev]'")
    path = next((p for p in CHROMIUM if p and os.path.isfile(p) and os.access(p, os.X_OK)), None)
    if path is None:
        _missing("no Chromium here: apt-get install chromium (or set CLAIMLEDGER_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


class Watched:
    """A page, with what it said on its console, the errors its scripts raised and the dialogs it opened."""

    def __init__(self, page: Any):
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))


@pytest.fixture
def page(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    watched = Watched(context.new_page())
    yield watched
    context.close()


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "ledger.db"
    build_ledger(db)
    return db


@pytest.fixture(scope="module")
def base(ledger_db: Path) -> Iterator[str]:
    with running(ledger_db, token=TOKEN) as url:
        yield url


def shown_claims(page: Any, selector: str) -> set[str]:
    return set(page.eval_on_selector_all(selector, "els => els.map(e => e.dataset.claim)"))


def test_the_explorer_filters_to_the_right_claims(base: str, page: Watched) -> None:
    p = page.page
    p.goto(f"{base}/")
    rows = "table#claims tbody tr[data-claim]"
    assert shown_claims(p, rows) == ids(call(f"{base}/api/claims"))

    p.click('section.facet[data-facet="measure"] a[data-value="deployed"]')
    p.wait_for_url("**measure=deployed**")
    assert shown_claims(p, rows) == ids(call(f"{base}/api/claims?measure=deployed"))
    assert p.text_content("#total") == "6"

    p.click('section.facet[data-facet="source"] a[data-value="KOR-MND"]')
    p.wait_for_url("**source=KOR-MND**")
    assert shown_claims(p, rows) == {claim_id("wire-0310", "some 11,000"), claim_id("daily-0312", "about 11,000")}

    p.click('section.facet[data-facet="measure"] a.chosen')  # clear the measure: the source stays
    p.wait_for_url(lambda url: "measure" not in url)
    assert shown_claims(p, rows) == {claim_id("wire-0310", "some 11,000"), claim_id("daily-0312", "about 11,000")}

    p.goto(f"{base}/")
    p.fill('input[name="q"]', "hillside")
    p.click('form.search button[type="submit"]')
    p.wait_for_url("**q=hillside**")
    assert shown_claims(p, rows) == {claim_id("landslide", "Twelve")}

    p.goto(f"{base}/")
    p.click('section.facet[data-facet="publisher"] a[data-value="EXAMPLE-WIRE"]')
    p.wait_for_url("**publisher=EXAMPLE-WIRE**")
    assert shown_claims(p, rows) == ids(call(f"{base}/api/claims?publisher=EXAMPLE-WIRE"))
    assert len(shown_claims(p, rows)) == 3
    assert page.problems == []


def test_the_series_page_draws_one_mark_per_claim(base: str, page: Watched) -> None:
    p = page.page
    series = call(f"{base}/api/series/{SERIES}").json()
    p.goto(f"{base}/series/{SERIES}")
    marks = "svg.timeline g.mark"
    assert p.locator(marks).count() == len(series["claims"]) >= 3
    assert shown_claims(p, marks) == set(series["claims"])
    # one colour per independent originator: South Korea (twice, once relayed), the United States (and
    # Ukraine, when the quantity model puts its range in this series)
    assert p.locator(".legend li").count() == series["independent_sources"] >= 2
    colours = p.eval_on_selector_all(f"{marks} .shape", "els => els.map(e => e.getAttribute('stroke'))")
    assert len(set(colours)) == series["independent_sources"]
    # bounds drawn as such: the floor is a ▲ (a path), not a dot
    floor = claim_id("post-0320", "more than 10,000")
    assert p.locator(f'g.mark[data-claim="{floor}"] path.shape').count() == 1
    SHOTS.mkdir(exist_ok=True)
    p.screenshot(path=str(SHOTS / "web-series.png"))
    # relays and statement dates on hover: the mark's title, and its row lit
    relayed = claim_id("daily-0312", "about 11,000")
    hover = p.text_content(f'g.mark[data-claim="{relayed}"] title') or ""
    assert "Example Wire" in hover and "NORTH-DAILY" in hover and "stated: 2025-03-12" in hover
    p.hover(f'g.mark[data-claim="{relayed}"]')
    assert "lit" in (p.get_attribute(f'tr.point[data-claim="{relayed}"]', "class") or "")
    # the estimate, with the reason for each bound
    for bound in ("low", "best", "high"):
        assert p.text_content(f".estimate .bound.{bound} dd.reason")
    # a range has its bar, in whichever series holds it
    ranged = claim_id("post-0320", "between 12,000 and 14,000")
    holding = next(s["id"] for s in call(f"{base}/api/series?limit=1000").json()["series"] if ranged in s["claims"])
    p.goto(f"{base}/series/{holding}")
    assert p.locator(f'g.mark[data-claim="{ranged}"] line.range').count() == 1
    assert page.problems == []


@pytest.mark.parametrize("doc", ["post-0320", "engineers", "landslide", "hostile"])
def test_the_document_page_highlights_every_claim(base: str, page: Watched, doc: str) -> None:
    p = page.page
    p.goto(f"{base}/documents/{doc}")
    expected = {c["id"] for c in call(f"{base}/api/documents/{doc}").json()["claims"]}
    assert expected and shown_claims(p, "#report mark.claim") == expected
    first = sorted(expected)[-1]
    p.click(f'#report mark.claim[data-claim="{first}"]')
    assert p.is_visible("#claim-panel")
    fields = p.text_content("#panel-fields") or ""
    assert "measure" in fields and "source" in fields and first in fields
    assert p.locator(f'#report mark.claim.selected[data-claim="{first}"]').count() >= 1
    if doc == "post-0320":
        assert p.locator(".frames li[data-frame]").count() >= 1  # the attribution frames, from the parser
        assert p.locator("#report .who").count() >= 1
        p.evaluate("window.scrollTo(0, 0)")
        SHOTS.mkdir(exist_ok=True)
        p.screenshot(path=str(SHOTS / "web-document.png"))
        p.hover(".frames li[data-frame]")
        assert p.locator("#report .lit").count() >= 1
    assert page.problems == []


def _reingest(url: str) -> None:
    for document, _claims in report_documents():
        body = {k: v for k, v in document.to_dict().items() if k in ("id", "text", "published", "publisher", "title")}
        answer = call(f"{url}/api/documents", "POST", {**body, "lang": "en"}, token=TOKEN)
        assert answer.status == 200 and answer.json()["documents"][0]["outcome"] == "present", answer.body


def test_a_review_survives_a_reload_and_a_re_ingest(ledger_db: Path, tmp_path: Path, page: Watched) -> None:
    db = tmp_path / "review.db"
    shutil.copy(ledger_db, db)
    p = page.page
    with running(db, token=TOKEN) as url:
        p.goto(f"{url}/conflicts")
        assert p.locator("li.conflict.open").count() == 1
        p.fill("#token", TOKEN)
        p.fill("#who", "kim")
        p.fill("li.conflict .note", "the group counts contractors")
        with p.expect_navigation():
            p.click("li.conflict button.review")
        assert "resolve" in (p.text_content("#status") or "")
        assert p.locator("li.conflict").count() == 0
        p.reload()
        assert p.locator("li.conflict").count() == 0

        wrong = claim_id("post-0320", "more than 10,000")
        p.goto(f"{url}/documents/post-0320")
        p.click(f'#report mark.claim[data-claim="{wrong}"]')
        p.fill("#claim-note", "a misreading")
        with p.expect_navigation():
            p.click("#mark-wrong")
        assert "wrong" in (p.get_attribute(f'#report mark.claim[data-claim="{wrong}"]', "class") or "")

        _reingest(url)
        p.reload()
        assert "wrong" in (p.get_attribute(f'#report mark.claim[data-claim="{wrong}"]', "class") or "")
        p.click(f'#report mark.claim[data-claim="{wrong}"]')
        assert "wrong by kim" in (p.text_content("#panel-reviews") or "")
        p.goto(f"{url}/conflicts")
        assert p.locator("li.conflict").count() == 0
        p.goto(f"{url}/conflicts?all=1")
        settled = p.text_content("li.conflict.resolved") or ""
        assert "resolved by kim" in settled and "the group counts contractors" in settled
        p.goto(f"{url}/series/{SERIES}")
        assert p.locator("svg.timeline g.mark").count() == 3  # the wrong claim left the series
    assert page.problems == []


def test_a_report_holding_script_runs_nothing(base: str, page: Watched) -> None:
    p = page.page
    hostile = next(s["id"] for s in call(f"{base}/api/series").json()["series"]
                   if claim_id("hostile", "30") in s["claims"])
    for path in ("/documents/hostile", "/?q=captured", "/", "/documents", "/sources", f"/series/{hostile}",
                 "/series", "/conflicts?all=1", "/?publisher=%3Ci%3EEvil%20Outlet%3C/i%3E"):
        response = p.goto(base + path)
        assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
        assert p.evaluate("window.__pwned") is None, path
        assert p.locator("#report script, main script:not([type='application/json']), main img, "
                         "main svg[onload]").count() == 0, path
    p.goto(f"{base}/documents/hostile")
    report = p.text_content("#report") or ""
    assert "<script>window.__pwned = 'text'</script>" in report and "<b>30</b>" in report
    assert "<script>" in (p.text_content("h1") or "")
    p.click("#report mark.claim")
    assert "<svg onload" in (p.text_content("#panel-fields") or "")  # the name, shown as typed
    assert p.evaluate("window.__pwned") is None
    assert page.problems == []

