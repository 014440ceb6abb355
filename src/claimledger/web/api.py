"""The JSON API under ``/api``: what the CLI's read commands print with ``--json``, and its two writes.

Lists answer ``{"<things>": [...], "total": N}`` with ``limit`` and ``offset``. Reading is open; a write
(``POST /api/documents``, ``POST /api/reviews``) needs the server's token as ``Authorization: Bearer
TOKEN`` and is refused with 401 without it. Each route opens the ledger for its own request, so that
several requests run at once and a write by the CLI is seen by the next request.
"""
from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from claimledger.store import Store, open_store
from claimledger.web.actions import ingest, record_review
from claimledger.web.app import ApiError, WebConfig
from claimledger.web.views import ClaimFilter, ClaimIndex, Reconciled, document_view

router = APIRouter(prefix="/api")
MAX_LIMIT = 1000

bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="the token `claimledger serve` was given (--token or CLAIMLEDGER_TOKEN)")


def web(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.web
    return config


def ledger(config: WebConfig) -> Store:
    """The ledger, opened for one request. Opened and closed inside the route's own function (not by a
    dependency, which FastAPI may run in another thread): a SQLite connection stays in its thread."""
    return open_store(config.db)


Config = Annotated[WebConfig, Depends(web)]


def writer(config: Config,
           credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Let a write through only with the server's token (compared in constant time)."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if not config.token:
        raise ApiError(401, "writing is off: this server was started without a token (claimledger serve "
                            "--token, or CLAIMLEDGER_TOKEN)", challenge)
    if credentials is None:
        raise ApiError(401, "writing needs the server's token: send the header Authorization: Bearer TOKEN",
                       challenge)
    if not hmac.compare_digest(credentials.credentials.encode(), config.token.encode()):
        raise ApiError(401, "that is not this server's token", challenge)


def claim_filter(
    measure: str | None = Query(None, description="one of the spec's measures: killed, deployed, ..."),
    category: str | None = Query(None, description="personnel, casualty, weapon, munition, ..."),
    item: str | None = Query(None, description="the kind of thing counted: soldier, drone, ..."),
    actor: str | None = Query(None, description="entity id (any case) or any name it was written as"),
    recipient: str | None = Query(None, description="entity id or name"),
    source: str | None = Query(None, description="the primary source: entity id or name"),
    publisher: str | None = Query(None, description="the outlet: entity id or name"),
    doc: str | None = Query(None, description="one document's claims"),
    q: str | None = Query(None, max_length=500, description="text in the figure or its sentence, any case"),
    stated_from: str | None = Query(None, description="statement date on or after (YYYY-MM-DD)"),
    stated_to: str | None = Query(None, description="statement date on or before"),
    period_from: str | None = Query(None, description="the period counted ends on or after this date"),
    period_to: str | None = Query(None, description="the period counted starts on or before this date"),
) -> ClaimFilter:
    """The claim filters, shared by the API and the explorer page. An empty value filters nothing (a form's
    empty box)."""
    return ClaimFilter(measure=measure, category=category, item=item, actor=actor, recipient=recipient,
                       source=source, publisher=publisher, doc=doc, q=q, stated_from=_date("stated_from", stated_from),
                       stated_to=_date("stated_to", stated_to), period_from=_date("period_from", period_from),
                       period_to=_date("period_to", period_to))


def _date(name: str, text: str | None) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ApiError(400, f"query parameter {name}: {text[:40]!r} is not a date; write YYYY-MM-DD") from None


Filter = Annotated[ClaimFilter, Depends(claim_filter)]
Limit = Query(50, ge=0, le=MAX_LIMIT, description=f"at most this many (0 to {MAX_LIMIT})")
Offset = Query(0, ge=0, description="skip this many first")


class DocumentIn(BaseModel):
    """A report to ingest (the input contract of a ``.json`` file: ``id`` and ``text``, the rest optional),
    or only a ``url`` to fetch, a page or a feed."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=1000)
    text: str | None = None
    url: str | None = Field(None, max_length=4000)
    published: str | None = Field(None, description="YYYY-MM-DD")
    publisher: str | None = Field(None, max_length=1000)
    title: str | None = Field(None, max_length=10000)
    lang: Literal["auto", "en"] = Field("auto", description="auto: skip a text that does not read as English")


class ReviewIn(BaseModel):
    """One review action, as `claimledger review ACTION` takes it."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["wrong", "correct", "merge", "split", "resolve", "undo"]
    claim: str | None = Field(None, description="wrong, correct: the claim id")
    fields: dict[str, str | int | float | bool | list[str] | None] | None = Field(
        None, description="correct: {field: value}, e.g. {\"value\": 1300, \"source\": \"FRA\"}")
    series: list[str] | str | None = Field(None, description="merge: two or more series; split: the one series")
    claims: list[str] | None = Field(None, description="split: the claims that leave the series")
    a: str | None = Field(None, description="resolve: one claim of the conflict")
    b: str | None = Field(None, description="resolve: the other claim")
    id: str | None = Field(None, description="undo: the review action to take back")
    who: str = Field("web", max_length=100, description="who takes the action")
    note: str = Field("", max_length=2000, description="why, in a few words")


@router.get("", summary="The service: version, ledger size, whether writing is on")
def index(config: Config) -> dict[str, Any]:
    from claimledger import __version__

    with ledger(config) as store:
        stats = store.stats()
    return {"name": "claimledger", "version": __version__, **stats, "writable": bool(config.token),
            "openapi": "/api/openapi.json"}


@router.get("/claims", summary="Claims, filtered and paged")
def claims(f: Filter, config: Config, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    with ledger(config) as store:
        found = ClaimIndex.read(store)
    chosen = found.select(f)
    return {"claims": [found.to_json(c) for c in chosen[offset:offset + limit]], "total": len(chosen),
            "limit": limit, "offset": offset}


@router.get("/facets", summary="For each facet (measure, category, actor, source, publisher), its values' counts")
def facets(f: Filter, config: Config) -> dict[str, Any]:
    with ledger(config) as store:
        found = ClaimIndex.read(store)
    chosen = found.select(f)
    return {"facets": found.facets(chosen), "total": len(chosen)}


@router.get("/claims/{claim_id:path}", summary="One claim, with its fields' cue words and its reviews")
def claim(claim_id: str, config: Config) -> dict[str, Any]:
    with ledger(config) as store:
        stored = store.claim(claim_id)  # NotFoundError: 404
        found = ClaimIndex.read(store, doc=stored.doc)
    return next(found.to_json(c) for c in found.claims if c.id == stored.id)


@router.get("/documents", summary="Documents: id, current version, date, outlet, claims, origin, aliases")
def documents(config: Config, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    with ledger(config) as store:
        index = store.document_index()
    return {"documents": index[offset:offset + limit], "total": len(index), "limit": limit, "offset": offset}


@router.get("/documents/{doc_id:path}", summary="One document (or version N) with its claims and versions")
def document(doc_id: str, config: Config,
             version: int | None = Query(None, ge=1, description="an earlier version"),
             frames: bool = Query(False, description="also the attribution frames (parses the text)"),
             ) -> dict[str, Any]:
    with ledger(config) as store:
        out = document_view(store, doc_id, version)
        document = store.document(out["document"]["id"], version)
    if frames:
        out["frames"] = config.extraction.frames(document)
    return out


@router.post("/documents", status_code=201, dependencies=[Depends(writer)],
             summary="Ingest a document, or the page or feed at a URL (needs the token)")
def post_document(body: DocumentIn, config: Config) -> Any:
    with ledger(config) as store:
        done = ingest(store, config.extraction, body.model_dump(), allow_private_urls=config.allow_private_urls,
                      max_bytes=config.max_bytes)
    if not done.documents:
        raise ApiError(400, "; ".join(done.errors) or "nothing to ingest")
    return JSONResponse({"documents": done.documents, "errors": done.errors}, status_code=201 if done.stored else 200)


@router.get("/series", summary="Series: the claims about one quantity, each with its estimate")
def series(config: Config, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    rows = Reconciled(config.db).series_rows
    return {"series": rows[offset:offset + limit], "total": len(rows), "limit": limit, "offset": offset}


@router.get("/series/{series_id}", summary="One series")
def one_series(series_id: str, config: Config) -> dict[str, Any]:
    return Reconciled(config.db).find_row(series_id)


@router.get("/series/{series_id}/timeline", summary="A series in time order, with conflicts and estimate")
def series_timeline(series_id: str, config: Config) -> dict[str, Any]:
    r = Reconciled(config.db)
    return r.timeline(r.find(series_id)).to_dict()


@router.get("/series/{series_id}/estimate", summary="A series' low / best / high, with the reason for each")
def series_estimate(series_id: str, config: Config) -> dict[str, Any]:
    s = Reconciled(config.db).find_row(series_id)
    return {"series": s["id"], "estimate": s["estimate"]}


@router.get("/conflicts", summary="Pairs of figures that cannot both hold, each saying why")
def conflicts(config: Config, series: str | None = Query(None, description="only this series' conflicts"),
              all: bool = Query(False, description="also those settled by a review"),
              limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    found = Reconciled(config.db).conflict_rows(series, resolved=all)
    return {"conflicts": found[offset:offset + limit], "total": len(found), "limit": limit, "offset": offset}


@router.get("/sources", summary="Each primary source with its claims and who relayed them")
def sources(config: Config, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    groups = Reconciled(config.db).source_rows()
    return {"sources": groups[offset:offset + limit], "total": len(groups), "limit": limit, "offset": offset}


@router.get("/reviews", summary="Every review action, oldest first, with who and when")
def reviews(config: Config) -> dict[str, Any]:
    with ledger(config) as store:
        found = store.reviews()
    return {"reviews": found, "total": len(found)}


@router.post("/reviews", status_code=201, dependencies=[Depends(writer)],
             summary="Record a review action: wrong, correct, merge, split, resolve, undo (needs the token)")
def post_review(body: ReviewIn, config: Config) -> dict[str, Any]:
    with ledger(config) as store:
        return {"review": record_review(store, config.db, body.model_dump())}
