"""What the API writes: a document or a URL ingested, a review action recorded.

Both write the records the CLI writes, through the same functions: ``ingest`` reads a posted document
with the JSON reader `claimledger ingest` uses for ``.json`` files (the same input contract), or fetches a
URL with the same ``Fetcher`` and its private-address rule, checks the language, extracts and calls
``Store.add``; ``record_review`` checks an action as `claimledger review` does and keeps it with
``Store.add_review``, so `claimledger review list`, `series` and `conflicts` see it.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from claimledger.errors import ClaimLedgerError, ConfigError, IngestError
from claimledger.models import Document
from claimledger.reconcile.review import ACTIONS
from claimledger.settings import Settings
from claimledger.store import Store

DOCUMENT_KEYS = ("id", "text", "published", "publisher", "title", "url")


class Extraction:
    """One extractor for the server's life, made on first use (loading spaCy takes seconds); parses are
    taken one at a time, since a spaCy pipeline is not made to be shared by threads."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._extractor: Any = None
        self._frames: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def _get(self) -> Any:
        if self._extractor is None:
            from claimledger.pipeline import Extractor

            s = self.settings
            self._extractor = Extractor(gazetteer=s.gazetteer, lexicon=s.lexicon, model=s.model,
                                        decisions=s.decisions)
        return self._extractor

    def extract(self, document: Document) -> list[Any]:
        with self._lock:
            return list(self._get().extract(document))

    def frames(self, document: Document) -> list[dict[str, Any]]:
        """The document's attribution frames (`claimledger show`), kept for the text they were read from."""
        key = (document.id, document.content_hash)
        with self._lock:
            if key not in self._frames:
                if len(self._frames) > 256:
                    self._frames.clear()
                self._frames[key] = self._get().frames(document)
            return self._frames[key]


@dataclass
class Ingested:
    """What one POST stored, document by document, and what it could not read."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return any(d["outcome"] in ("new", "version") for d in self.documents)


def ingest(store: Store, extraction: Extraction, body: dict[str, Any], *, allow_private_urls: bool,
           max_bytes: int) -> Ingested:
    """Ingest the posted document, or the page or feed at its ``url`` when it has no ``text``."""
    from claimledger.ingest import Fetcher, read_json, read_url
    from claimledger.ingest.language import check_english

    language = body.get("lang") or "auto"
    store.check_writable()
    items: list[Document | IngestError]
    if body.get("text") is None:
        url = body.get("url")
        if not url:
            raise ConfigError("post a document (id and text) or a url to fetch")
        if not re.match(r"^https?://", url, re.I):
            raise ConfigError(f"url {url[:200]!r} is not an http or https URL")
        fetcher = Fetcher(allow_private=allow_private_urls, max_bytes=max_bytes)
        items = list(read_url(url, fetcher=fetcher, language=language))
    else:
        raw = {k: body[k] for k in DOCUMENT_KEYS if body.get(k) is not None}
        items = [d if isinstance(d, IngestError) or language == "en" else check_english(d)
                 for d in read_json(json.dumps(raw, ensure_ascii=False), "POST /api/documents")]
    done = Ingested()
    for item in items:
        if isinstance(item, IngestError):
            done.errors.append(str(item))
            continue
        try:
            claims = [] if store.status(item) in ("present", "alias") else extraction.extract(item)
            added = store.add(item, claims)
        except (ClaimLedgerError, ValueError) as exc:
            done.errors.append(f"{item.origin or item.id}: {exc}")
            continue
        done.documents.append({"id": added.doc, "posted_id": item.id, "outcome": added.outcome,
                               "version": added.version, "claims": len(claims) if added else 0})
    return done


def _field_words(fields: dict[str, Any]) -> list[str]:
    """Corrected fields as `review correct` takes them (FIELD=VALUE), so that they are read by the same rules."""
    words = []
    for name, value in fields.items():
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = ",".join(str(v) for v in value)
        elif value is None:
            text = "null"
        else:
            text = str(value)
        words.append(f"{name}={text}")
    return words


def _needs(body: dict[str, Any], *names: str) -> None:
    missing = [n for n in names if not body.get(n)]
    if missing:
        raise ConfigError(f"action {body['action']!r} needs {' and '.join(repr(n) for n in missing)}")


def record_review(store: Store, db: str, body: dict[str, Any]) -> dict[str, Any]:
    """Check one review action as `claimledger review ACTION` does and keep it; returns the stored record."""
    from claimledger.cli_reconcile import check_review

    action = body.get("action")
    if action not in ACTIONS:
        raise ConfigError(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    who = (body.get("who") or "").strip() or "web"
    store.check_writable()
    needed = {"undo": ("id",), "wrong": ("claim",), "correct": ("claim", "fields"), "resolve": ("a", "b"),
              "merge": ("series",), "split": ("series", "claims")}[action]
    _needs(body, *needed)
    refs: Any = body.get("series")
    if action == "split" and not isinstance(refs, str):
        if len(refs) != 1:
            raise ConfigError("a split takes claims out of one series: name that one")
        refs = refs[0]
    target, detail = check_review(
        store, db, action, claim=body.get("claim"), a=body.get("a"), b=body.get("b"), series=refs,
        fields=_field_words(body["fields"]) if action == "correct" else None,
        claims=list(dict.fromkeys(body["claims"])) if action == "split" else None,
        review_id=body.get("id"), note=body.get("note") or None,
        list_hint="GET /api/reviews lists them", claims_hint="")
    rid = store.add_review(action, target, detail, who)
    return next(r for r in store.reviews() if r["id"] == rid)
