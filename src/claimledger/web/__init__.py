"""The web stage: an HTTP API and pages over a ledger, served by `claimledger serve`.

The same reads as the CLI, over HTTP: claims (filtered and paged), documents
with their versions, series with their timelines and estimates, conflicts and
sources, all computed by ``claimledger.store`` and ``claimledger.reconcile``
exactly as the commands compute them; and the two writes, ingest and review,
kept in the ledger as the CLI keeps them, so that each side sees what the
other did.

- ``app.py``      the FastAPI application: settings, security headers, body limit, one JSON error shape;
- ``api.py``      the JSON routes under ``/api`` (OpenAPI at ``/api/openapi.json``);
- ``pages.py``    the HTML pages (Jinja templates, scripts and styles served from ``static/``);
- ``views.py``    what both read: filtered claims, facets, reconciled series, conflicts, sources;
- ``actions.py``  what both write: ingest a document or a URL, record a review action;
- ``report.py``   a report's text as HTML with its claims, frames and relay words marked;
- ``chart.py``    a series' timeline as inline SVG, one mark per claim.

FastAPI and uvicorn are imported when a server is made, never by ``claimledger --help``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """The application over one ledger (``app.create_app``)."""
    from claimledger.web.app import create_app as make

    return make(*args, **kwargs)


def serve(*args: Any, **kwargs: Any) -> None:
    """Serve the application with uvicorn until interrupted (``app.serve``)."""
    from claimledger.web.app import serve as run

    run(*args, **kwargs)
