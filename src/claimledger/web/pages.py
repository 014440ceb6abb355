"""The HTML pages: a claims explorer, series and their timelines, documents, conflicts and sources.

Rendered on the server from the same views as the API (views.py), with Jinja's autoescaping on; the
only markup made outside a template is the timeline's SVG (chart.py) and a report's marked text
(report.py), both escaping every string they take from the ledger. The pages work without a script;
``static/app.js`` adds the hovers, the claim panel and the review buttons, which post to the API with the
token the reader types into the page (kept in the browser tab's session storage, never in a cookie).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from claimledger.errors import ClaimLedgerError
from claimledger.reconcile import format_figure
from claimledger.reconcile.review import CORRECTABLE
from claimledger.web.api import Config, Filter, Limit, Offset, ledger
from claimledger.web.app import WebConfig
from claimledger.web.chart import number, timeline_svg
from claimledger.web.report import claim_summary, render_text
from claimledger.web.views import FACETS, ClaimIndex, Reconciled, document_view

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(
    doc_url=lambda doc_id, **q: f"/documents/{quote(doc_id, safe='')}" + (f"?{urlencode(q)}" if q else ""),
    series_url=lambda sid: f"/series/{quote(sid, safe='')}",
    number=number,
    figure=format_figure,
)
router = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, config: WebConfig, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"writable": bool(config.token), **context})


@router.get("/", response_class=HTMLResponse)
def explorer(request: Request, f: Filter, config: Config, limit: int = Limit, offset: int = Offset) -> Response:
    with ledger(config) as store:
        found = ClaimIndex.read(store)
    chosen = found.select(f)
    shown = chosen[offset:offset + limit]

    def link(**change: Any) -> str:
        return "/?" + urlencode(f.params(**change))

    return _page(request, "explorer.html", config, filter=f, facets=found.facets(chosen), facet_names=FACETS,
                 claims=[(c, found.state(c.id)) for c in shown], total=len(chosen), limit=limit, offset=offset,
                 names=found.names, link=link,
                 previous="/?" + urlencode({**f.params(), "offset": max(offset - limit, 0), "limit": limit}),
                 next="/?" + urlencode({**f.params(), "offset": offset + limit, "limit": limit}))


@router.get("/series", response_class=HTMLResponse)
def series_list(request: Request, config: Config) -> Response:
    # each series' JSON with its estimate's, as the ledger keeps them (the template reads either)
    rows = [(s, s["estimate"]) for s in Reconciled(config.db).series_rows]
    return _page(request, "series_list.html", config, rows=rows)


@router.get("/series/{series_id}", response_class=HTMLResponse)
def series_page(request: Request, series_id: str, config: Config) -> Response:
    r = Reconciled(config.db)
    s = r.find(series_id)
    tl = r.timeline(s)
    sections: dict[str, list[Any]] = {"": []}
    for p in tl.points:  # the whole's figures first, then each part under its own heading
        sections.setdefault(p.role.label, []).append(p)
    conflicts = [(c, rv) for c, rv in r.conflicts(s, resolved=True)]
    return _page(request, "series.html", config, series=s, tl=tl, chart=timeline_svg(tl), sections=sections,
                 conflicts=conflicts, names=r.names, others=[x for x in r.series if x.id != s.id])


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, config: Config) -> Response:
    with ledger(config) as store:
        index = store.document_index()
    return _page(request, "documents.html", config, documents=index)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, config: Config,
                  version: int | None = Query(None, ge=1)) -> Response:
    with ledger(config) as store:
        view = document_view(store, doc_id, version)
        document = store.document(view["document"]["id"], version)
        index = ClaimIndex.read(store, doc=document.id)
        claims = index.claims if view["current"] else store.document_claims(document.id, view["version"])
    try:
        frames = config.extraction.frames(document)
        frames_error = None
    except (ClaimLedgerError, ValueError) as exc:  # no parser here: the page still shows the text and claims
        frames, frames_error = [], str(exc)
    text = render_text(document.text, claims, frames, index.names, wrong=index.wrong if view["current"] else ())
    by_id = {c["id"]: c for c in view["claims"]}
    return _page(request, "document.html", config, view=view, document=document, text=text, frames=frames,
                 frames_error=frames_error, names=index.names, claims=sorted(claims, key=lambda c: c.start),
                 by_id=by_id, summary=claim_summary, correctable=CORRECTABLE)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, config: Config,
                   all: bool = Query(False)) -> Response:
    r = Reconciled(config.db)
    return _page(request, "conflicts.html", config, conflicts=r.conflicts(resolved=all), claims=r.claims,
                 names=r.names, show_all=all)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, config: Config) -> Response:
    r = Reconciled(config.db)
    return _page(request, "sources.html", config, groups=r.sources(), names=r.names)
