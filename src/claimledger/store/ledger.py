"""The ledger: documents, their claims and the entities the claims name.

``Store`` is the one interface the rest of claimledger uses to keep and query
claims. It writes portable SQL (schema.py) and leaves engine differences to a
``Dialect`` (dialect.py), so that a SQLite file and a PostgreSQL database sit
behind the same methods. It hands on ``Document`` and ``Claim`` objects exactly as they went in.

Ingest is idempotent and transactional per document: ``add`` writes a document,
its claims and their entity links in one transaction, skips a document whose
content hash is already stored, and leaves nothing behind when it fails.

It also keeps what reconciling made (``save_reconciled``, ``reconciled``: JSON
text the reconcile commands print, made by cli_reconcile.py) with the ledger
``state`` it was made from, and hands it back only for that state.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from claimledger.errors import NotFoundError, StoreError
from claimledger.models import Claim, Document
from claimledger.store.dialect import Dialect
from claimledger.store.schema import LEDGER_TABLES, SCHEMA_VERSION

_DOC_COLUMNS = ("id", "text", "published", "publisher", "url", "title", "origin", "encoding", "language")

# Claim table columns, in order; the dataclass field each one holds is the
# same name except for these (SQL keywords and the quantity text).
_CLAIM_COLUMNS = (
    "id", "doc", "start_char", "end_char", "quantity", "value", "low", "high", "approx", "bound", "vague",
    "item", "category", "measure", "actor", "recipient", "location", "period_start", "period_end",
    "cumulative", "incremental", "source", "via", "publisher", "evidence", "evidence_start", "cues",
    "confidence", "published", "names", "search_key", "stated", "earlier", "projection", "extracted_with",
)
_CLAIM_FIELDS = frozenset(f.name for f in fields(Claim))
_BOOL_FIELDS = ("approx", "vague", "cumulative", "incremental", "earlier", "projection")
_FLOAT_FIELDS = ("value", "low", "high")
_JSON_FIELDS = ("via", "cues", "names")
_SINGLE_ROLES = ("actor", "recipient", "location", "source", "publisher")

# The columns a Claim is read from, one per dataclass field in the field order, so that a row builds the
# Claim positionally (the claims of a whole ledger are read at once: no dict per row).
_COLUMN_OF = {"start": "start_char", "end": "end_char", "text": "quantity"}
_READ_COLUMNS = tuple(_COLUMN_OF.get(f.name, f.name) for f in fields(Claim))
_BOOL_AT = tuple(_READ_COLUMNS.index(name) for name in _BOOL_FIELDS)
_JSON_AT = tuple(_READ_COLUMNS.index(name) for name in _JSON_FIELDS)

# What every read of documents or claims sorts by: publication date (undated last), then id. Index
# documents_order (schema version 4) holds exactly this, so the database reads it in order.
_DOC_ORDER = "CASE WHEN {d}published IS NULL THEN 1 ELSE 0 END, {d}published, {d}id"


@dataclass(frozen=True)
class Added:
    """What `Store.add` did with a document: "new", "version" (a new version of its id), "alias" (its
    content is another id's, recorded as an alias of it) or "present" (nothing new). True when it stored
    new content."""

    outcome: str
    doc: str  # the id the content is stored under (the other id, for an alias)
    version: int

    def __bool__(self) -> bool:
        return self.outcome in ("new", "version")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row_hash(doc_id: str, text_hash: str, version: int) -> str:
    """The unique key of one stored row: the id, the version and what the report says."""
    return hashlib.sha256(f"{doc_id}\x00{version}\x00{text_hash}".encode()).hexdigest()


def _fold(text: str) -> str:
    """Case- and whitespace-insensitive form used for names and text search."""
    return " ".join(text.casefold().split())


def _name_key(text: str) -> str:
    """The key a name is found by: folded, without a leading article ("the Agency" = "agency")."""
    return re.sub(r"^(?:the|a|an) ", "", _fold(text))


def _escape_like(text: str) -> str:
    """Make % and _ literal in a LIKE pattern written with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_pattern(text: str) -> str:
    return f"%{_escape_like(_fold(text))}%"


class Store:
    """A ledger of claims. Get one with ``open_store``; use it as a context manager."""

    def __init__(self, dialect: Dialect):
        self._dialect = dialect
        self.target = dialect.target
        self._conn: Any = dialect.connect()
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self._dialect.name} {self.target!r}>"

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def schema_version(self) -> int:
        row = self._query("SELECT value FROM meta WHERE key = ?", ("schema_version",)).fetchone()
        return int(row[0])

    # -- writing -----------------------------------------------------------

    def status(self, doc: Document) -> str:
        """What `add` would do with the document, without extracting it first: "present" (this id already
        holds this content), "alias" (another id holds it), "changed" (a new version of this id) or "new"."""
        row = self._query("SELECT text_hash, url FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None:
            return "present" if (row[0], row[1]) == (doc.content_hash, doc.url) else "changed"
        if self._alias_target(doc.id, doc.content_hash) is not None:
            return "present"
        if self._exists("SELECT 1 FROM documents WHERE text_hash = ?", doc.content_hash):
            return "alias"
        return "new"

    def add(self, doc: Document, claims: Sequence[Claim]) -> Added:
        """Store a document and its claims in one transaction; nothing is ever overwritten.

        - an id not in the ledger: stored as version 1 ("new"); but when another id already holds the same
          content, the id is recorded as an alias of that document and nothing else is written ("alias");
        - an id in the ledger with other content (text, date, title, outlet or URL): the content becomes the
          id's new current version, with these claims; the version it replaces stays readable, with its
          claims (`versions`, `document(id, version=N)`) ("version");
        - the same id with the same content: nothing is written ("present").

        The result is true when something new was stored ("new" or "version").
        """
        for claim in claims:
            if claim.doc != doc.id:
                raise StoreError(f"claim {claim.id} says it is from document {claim.doc!r} but was added "
                                 f"with document {doc.id!r}: set each claim's doc to its document's id.")
        current: Claim | None = None
        try:
            with self._transaction():
                outcome = self.status(doc)
                if outcome == "present":
                    return Added("present", doc.id, self._version(doc.id))
                if outcome == "alias":
                    target = self._query("SELECT id FROM documents WHERE text_hash = ? ORDER BY id",
                                         (doc.content_hash,)).fetchone()[0]
                    self._query("INSERT INTO aliases (alias, doc, origin, added_at) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (alias) DO UPDATE SET doc = excluded.doc, origin = excluded.origin, "
                                "added_at = excluded.added_at", (doc.id, target, doc.origin, _now()))
                    return Added("alias", target, self._version(target))
                version = 1
                if outcome == "changed":
                    version = self._retire(doc.id, "ingest") + 1
                    self._query("DELETE FROM documents WHERE id = ?", (doc.id,))
                self._insert_document(doc, version, claims)
                for claim in claims:
                    current = claim
                    self._insert_claim(claim)
                self._changed()
        except self._dialect.integrity_errors as e:
            where = f" at claim {current.id}" if current is not None else ""
            raise StoreError(f"document {doc.id!r} ({doc.origin or 'no origin'}) was not stored: the "
                             f"ledger refused it{where} ({e}). Nothing from it was written; fix the claim "
                             "(two claims with one span, or a field outside the spec) and add it again."
                             ) from e
        return Added("new" if version == 1 else "version", doc.id, version)

    def replace_claims(self, doc_id: str, claims: Sequence[Claim], why: str = "reextract") -> int:
        """Give the current version of a document new claims (a re-extraction) as a new version of it, the
        old claims kept with the version it replaces. Returns the new version number."""
        doc = self.document(doc_id)
        with self._transaction():
            version = self._retire(doc.id, why) + 1
            self._query("DELETE FROM documents WHERE id = ?", (doc.id,))
            self._insert_document(doc, version, claims)
            for claim in claims:
                self._insert_claim(claim)
            self._changed()
        return version

    def _insert_document(self, doc: Document, version: int, claims: Sequence[Claim]) -> None:
        made_by = next((c.extracted_with for c in claims if c.extracted_with), None)
        self._query(
            f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, version, text_hash, content_hash, extracted_with, "
            f"added_at) VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 5))})",
            (doc.id, doc.text, doc.published, doc.publisher, doc.url, doc.title, doc.origin, doc.encoding,
             doc.language, version, doc.content_hash, _row_hash(doc.id, doc.content_hash, version), made_by,
             _now()),
        )

    def _insert_claim(self, claim: Claim) -> None:
        self._query(f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES ({', '.join('?' * len(_CLAIM_COLUMNS))})",
                    _claim_row(claim))
        self._add_entities(claim)

    def _retire(self, doc_id: str, why: str) -> int:
        """Copy the current version of a document, with its claims, to document_versions, and drop its
        claims (the caller stores the new version); returns the retired version's number."""
        row = self._query(f"SELECT {', '.join(_DOC_COLUMNS)}, version, text_hash, extracted_with, added_at "
                          "FROM documents WHERE id = ?", (doc_id,)).fetchone()
        version = int(row[len(_DOC_COLUMNS)])
        claims = [c.to_dict() for c in self.claims(doc=doc_id)]
        self._query(
            "INSERT INTO document_versions (doc, version, text_hash, text, published, publisher, url, title, "
            "origin, encoding, language, extracted_with, claims, added_at, replaced_at, replaced_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, version, row[len(_DOC_COLUMNS) + 1], *row[1:len(_DOC_COLUMNS)], row[len(_DOC_COLUMNS) + 2],
             json.dumps(claims, ensure_ascii=False), row[len(_DOC_COLUMNS) + 3], _now(), why),
        )
        self._query("DELETE FROM claims WHERE doc = ?", (doc_id,))
        return version

    def _version(self, doc_id: str) -> int:
        row = self._query("SELECT version FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return int(row[0]) if row is not None else 0

    def _alias_target(self, alias: str, text_hash: str | None = None) -> str | None:
        """The document an alias names (only while that document holds `text_hash`, when given)."""
        row = self._query("SELECT a.doc, d.text_hash FROM aliases a JOIN documents d ON d.id = a.doc "
                          "WHERE a.alias = ?", (alias,)).fetchone()
        if row is None or (text_hash is not None and row[1] != text_hash):
            return None
        return str(row[0])

    def _add_entities(self, claim: Claim) -> None:
        links: dict[tuple[str, str], None] = {}
        for role in _SINGLE_ROLES:
            entity = getattr(claim, role)
            if entity:
                links[(role, entity)] = None
        for entity in claim.via:
            links[("via", entity)] = None
        used = {entity for _, entity in links}
        for entity in claim.names:
            if entity not in used:
                links[("named", entity)] = None
        if not links:
            return
        entities = sorted({entity for _, entity in links})
        self._many("INSERT INTO entities (id) VALUES (?) ON CONFLICT (id) DO NOTHING",
                   [(e,) for e in entities])
        rows = []
        for role, entity in links:
            name = claim.names.get(entity)
            rows.append((claim.id, role, entity, name, _name_key(name) if name else None))
        self._many("INSERT INTO claim_entities (claim_id, role, entity_id, name, name_key)"
                   " VALUES (?, ?, ?, ?, ?)", rows)

    def check_writable(self) -> None:
        """Refuse, before any work, a ledger that cannot be written (a read-only file or directory, a
        read-only database role): StoreError with one line saying so."""
        if not self.writable():
            raise StoreError(f"the ledger {self.target} is read-only: {self._dialect.read_only_hint()}, "
                             "or pass another --db; nothing was read or extracted.")

    def writable(self) -> bool:
        """Whether a write to the ledger would go through: one is tried, then rolled back."""
        conn = self._connection()
        try:
            self._dialect.begin(conn)
            conn.execute(self._dialect.sql("UPDATE meta SET value = value WHERE key = ?"), ("schema_version",))
        except self._dialect.database_errors:
            return False
        finally:
            conn.rollback()
        return True

    # -- reviews -----------------------------------------------------------

    def add_review(self, action: str, target: str, detail: dict[str, Any], who: str) -> str:
        """Keep one review action (reconcile/review.py); returns its id. Nothing is ever overwritten."""
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        rid = "r" + hashlib.sha1(f"{at}|{action}|{target}|{who}".encode()).hexdigest()[:10]
        with self._transaction():
            self._query("INSERT INTO reviews (id, action, target, detail, who, at) VALUES (?, ?, ?, ?, ?, ?)",
                        (rid, action, target, json.dumps(detail, ensure_ascii=False, sort_keys=True), who, at))
            self._changed()
        return rid

    def reviews(self) -> list[dict[str, Any]]:
        """Every review action, oldest first, as dicts (id, action, target, detail, who, at)."""
        rows = self._query("SELECT id, action, target, detail, who, at FROM reviews ORDER BY at, id").fetchall()
        return [{"id": r[0], "action": r[1], "target": r[2], "detail": json.loads(r[3]), "who": r[4], "at": r[5]}
                for r in rows]

    # -- documents ---------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether a document with this content (Document.content_hash) is stored under any id."""
        return self._exists("SELECT 1 FROM documents WHERE text_hash = ?", content_hash)

    def document(self, doc_id: str, version: int | None = None) -> Document:
        """The current version of a document (or version N of it); an alias gives the document it names."""
        if version is not None:
            return self._old_version(doc_id, version)[0]
        query = f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?"
        row = self._query(query, (doc_id,)).fetchone()
        if row is None and (target := self._alias_target(doc_id)) is not None:
            row = self._query(query, (target,)).fetchone()
        if row is None:
            # ids that start with the one asked for: a shortened id, or the <id>~<hash> that versions
            # before schema 3 stored a changed document under.
            similar = [r[0] for r in self._query(
                "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 5",
                (_escape_like(doc_id) + "%",),
            ).fetchall()]
            hint = (f"did you mean {', '.join(repr(s) for s in similar)}?" if similar
                    else "ingest it first, or see `claimledger documents` for the ids in the ledger")
            raise NotFoundError(f"no document {doc_id!r} in the ledger {self.target}: {hint}.")
        return Document(*row)

    def document_claims(self, doc_id: str, version: int) -> list[Claim]:
        """The claims version N of a document had (the current version's are `claims(doc=...)`)."""
        return self._old_version(doc_id, version)[1]

    def _old_version(self, doc_id: str, version: int) -> tuple[Document, list[Claim]]:
        doc = self.document(doc_id)
        if version == self._version(doc.id):
            return doc, self.claims(doc=doc.id)
        row = self._query(f"SELECT {', '.join(_DOC_COLUMNS[1:])}, claims FROM document_versions "
                          "WHERE doc = ? AND version = ?", (doc.id, version)).fetchone()
        if row is None:
            raise NotFoundError(f"document {doc.id!r} has no version {version}: its versions are "
                                f"1 to {self._version(doc.id)}.")
        claims = [_claim_from_dict(d) for d in json.loads(row[-1])]
        return Document(doc.id, *row[:-1]), claims

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Every version of a document, oldest first: version, added_at, replaced_at, why it was replaced
        ("ingest": changed content came in; "reextract"), what it holds and what made its claims."""
        doc = self.document(doc_id)
        out = []
        rows = self._query("SELECT version, added_at, replaced_at, replaced_by, text_hash, published, url, origin, "
                           "extracted_with, claims FROM document_versions WHERE doc = ? ORDER BY version",
                           (doc.id,)).fetchall()
        for r in rows:
            out.append({"version": r[0], "added_at": r[1], "replaced_at": r[2], "replaced_by": r[3],
                        "text_hash": r[4], "published": r[5], "url": r[6], "origin": r[7], "extracted_with": r[8],
                        "claims": len(json.loads(r[9])), "current": False})
        r = self._query("SELECT version, added_at, text_hash, published, url, origin, extracted_with, "
                        "(SELECT count(*) FROM claims c WHERE c.doc = d.id) FROM documents d WHERE id = ?",
                        (doc.id,)).fetchone()
        out.append({"version": r[0], "added_at": r[1], "replaced_at": None, "replaced_by": None, "text_hash": r[2],
                    "published": r[3], "url": r[4], "origin": r[5], "extracted_with": r[6], "claims": r[7],
                    "current": True})
        return out

    def aliases(self, doc_id: str | None = None) -> dict[str, list[str]]:
        """The other ids under which each document's content was ingested: {document id: [alias, ...]}."""
        query = "SELECT doc, alias FROM aliases" + (" WHERE doc = ?" if doc_id else "") + " ORDER BY doc, alias"
        out: dict[str, list[str]] = {}
        for d, a in self._query(query, (doc_id,) if doc_id else ()).fetchall():
            out.setdefault(d, []).append(a)
        return out

    def document_index(self) -> list[dict[str, Any]]:
        """One row per document: id, version, published, publisher, title, origin, url, claims, encoding,
        language, extracted_with, aliases; by publication date (undated last), then id."""
        rows = self._query(
            "SELECT d.id, d.version, d.published, d.publisher, d.title, d.origin, d.url, d.encoding, d.language, "
            "d.extracted_with, (SELECT count(*) FROM claims c WHERE c.doc = d.id) FROM documents d "
            "ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, d.id"
        ).fetchall()
        aliases = self.aliases()
        keys = ("id", "version", "published", "publisher", "title", "origin", "url", "encoding", "language",
                "extracted_with", "claims")
        return [{**dict(zip(keys, r, strict=True)), "aliases": aliases.get(r[0], [])} for r in rows]

    def documents(self) -> list[Document]:
        """Every stored document (its current version), by publication date (undated last), then id."""
        rows = self._query(
            f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents ORDER BY {_DOC_ORDER.format(d='')}"
        ).fetchall()
        return [Document(*row) for row in rows]

    def document_leads(self, chars: int) -> list[Document]:
        """Every stored document as `documents()` gives it, in the same order, but light: its id, published,
        publisher and title, and only the first ``chars`` characters of its text (url, origin, encoding and
        language None). What reconciling reads (reconcile/quantities.py `contexts`), without the full texts."""
        if isinstance(chars, bool) or not isinstance(chars, int) or chars < 0:
            raise ValueError(f"chars must be a whole number of characters, 0 or more, not {chars!r}")
        rows = self._query(
            f"SELECT id, substr(text, 1, CAST(? AS INTEGER)), published, publisher, title FROM documents "
            f"ORDER BY {_DOC_ORDER.format(d='')}", (chars,)
        ).fetchall()
        return [Document(i, t, p, pub, None, title) for i, t, p, pub, title in rows]

    def delete(self, doc_id: str) -> dict[str, int]:
        """Remove a document for good: its current version and claims, its earlier versions and its aliases.
        The CLI asks for --force first. Returns what was removed, by kind."""
        doc = self.document(doc_id)
        with self._transaction():
            removed = {
                "claims": self._query("SELECT count(*) FROM claims WHERE doc = ?", (doc.id,)).fetchone()[0],
                "versions": self._version(doc.id),
                "aliases": self._query("SELECT count(*) FROM aliases WHERE doc = ?", (doc.id,)).fetchone()[0],
            }
            self._query("DELETE FROM claims WHERE doc = ?", (doc.id,))
            self._query("DELETE FROM document_versions WHERE doc = ?", (doc.id,))
            self._query("DELETE FROM aliases WHERE doc = ?", (doc.id,))
            self._query("DELETE FROM documents WHERE id = ?", (doc.id,))
            self._changed()
        return removed

    def stats(self) -> dict[str, int]:
        return {table: self._query(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "claims", "entities")}

    # -- claims ------------------------------------------------------------

    def claims(
        self,
        *,
        doc: str | None = None,
        measure: str | None = None,
        category: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        item: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        cues: bool = True,
    ) -> list[Claim]:
        """Claims matching every filter given, by publication date, then document, then position.

        ``cues=False`` leaves each claim's ``cues`` empty instead of reading them, for callers that do
        not use them.

        ``measure``, ``category`` and ``item`` match the spec's lowercase
        values; ``actor`` and ``source`` match an entity id (any case) or any
        name that entity was written as; ``search`` finds text, in any case,
        in the evidence sentence or the quantity expression.
        """
        where: list[str] = []
        params: list[Any] = []
        if doc is not None:
            where.append("c.doc = ?")
            params.append(doc)
        for column, value in (("measure", measure), ("category", category), ("item", item)):
            if value is not None:
                where.append(f"c.{column} = ?")
                params.append(value.strip().lower())
        for column, value in (("actor", actor), ("source", source)):
            if value is not None:
                where.append(f"(lower(c.{column}) = ? OR c.{column} IN "
                             "(SELECT ce.entity_id FROM claim_entities ce WHERE ce.name_key IN (?, ?)))")
                # keys written before the article was dropped keep it
                params += [value.strip().lower(), _name_key(value), _fold(value)]
        if search is not None:
            where.append("c.search_key LIKE ? ESCAPE '\\'")
            params.append(_like_pattern(search))
        columns = ", ".join("'{}'" if col == "cues" and not cues else "c." + col for col in _READ_COLUMNS)
        if where:
            query = (f"SELECT {columns} FROM claims c JOIN documents d ON d.id = c.doc"
                     " WHERE " + " AND ".join(where))
        else:
            # Every claim: documents first, in their order (index documents_order), then each one's claims
            # by the (doc, start_char, end_char) key, so no sort of the whole ledger. SQLite joins in the
            # order a CROSS JOIN names the tables; PostgreSQL plans it as any join.
            query = f"SELECT {columns} FROM documents d CROSS JOIN claims c WHERE c.doc = d.id"
        # c.doc = d.id: the same order as by d.id, which lets the database take it from the index.
        query += f" ORDER BY {_DOC_ORDER.format(d='d.')}, c.start_char, c.end_char"
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise ValueError(f"limit must be a whole number of claims, 0 or more, not {limit!r}")
            query += " LIMIT ?"
            params.append(limit)
        return [_row_claim(row) for row in self._query(query, params).fetchall()]

    def claim(self, claim_id: str) -> Claim:
        query = f"SELECT {', '.join(_READ_COLUMNS)} FROM claims WHERE id = ?"
        row = self._query(query, (claim_id,)).fetchone()
        if row is not None:
            return _row_claim(row)
        doc_id, sep, _ = claim_id.rpartition("#")
        if not sep:
            hint = "claim ids look like '<document id>#<start>-<end>'"
        elif self._exists("SELECT 1 FROM documents WHERE id = ?", doc_id):
            n = self._query("SELECT count(*) FROM claims WHERE doc = ?", (doc_id,)).fetchone()[0]
            hint = (f"document {doc_id!r} is stored, with {n} claim{'s' if n != 1 else ''}, but none spans "
                    "those offsets; list them with claims(doc=...)")
        else:
            hint = f"its document {doc_id!r} is not in the ledger either"
        raise NotFoundError(f"no claim {claim_id!r} in the ledger {self.target}: {hint}.")

    # -- entities ----------------------------------------------------------

    def entities(self) -> list[dict[str, Any]]:
        """Every entity the claims name: id, its most frequent name as written (or
        None), and how many claims have it as source or actor.

        Also ``as_source`` and ``as_actor``, the two counts apart. Sorted by
        ``claims``, most first, then id.
        """
        rows = self._query(
            "SELECT e.id,"
            " count(DISTINCT CASE WHEN ce.role IN ('source', 'actor') THEN ce.claim_id END),"
            " sum(CASE WHEN ce.role = 'source' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN ce.role = 'actor' THEN 1 ELSE 0 END)"
            " FROM entities e LEFT JOIN claim_entities ce ON ce.entity_id = e.id GROUP BY e.id"
        ).fetchall()
        names: dict[str, tuple[int, str]] = {}
        for entity, name, n in self._query(
            "SELECT entity_id, name, count(DISTINCT claim_id) FROM claim_entities"
            " WHERE name IS NOT NULL GROUP BY entity_id, name"
        ).fetchall():
            best = names.get(entity)
            # most frequent; ties go to the alphabetically first, so the answer is stable
            if best is None or n > best[0] or (n == best[0] and name < best[1]):
                names[entity] = (n, name)
        result = [
            {"id": entity, "name": names[entity][1] if entity in names else None,
             "claims": claims, "as_source": as_source or 0, "as_actor": as_actor or 0}
            for entity, claims, as_source, as_actor in rows
        ]
        result.sort(key=lambda e: (-e["claims"], e["id"]))
        return result

    # -- reconciled outputs ------------------------------------------------

    def state(self) -> str:
        """The ledger's state as far as reconciling goes, in a few numbers that change whenever its documents,
        claims or reviews do: the rows each table holds and its largest id (both read from an index, never
        the rows), and meta 'changes', which every write through the Store adds one to (a delete and an add
        in one go leave the counts as they were). What reconciled outputs are made from (cli_reconcile.py)."""
        row = self._query(
            "SELECT (SELECT count(*) FROM documents), (SELECT max(id) FROM documents), "
            "(SELECT count(*) FROM document_versions), (SELECT count(*) FROM claims), (SELECT max(id) FROM claims), "
            "(SELECT count(*) FROM reviews), (SELECT max(id) FROM reviews), "
            "(SELECT value FROM meta WHERE key = 'changes')").fetchone()
        return json.dumps(list(row), ensure_ascii=False)

    def _changed(self) -> None:
        """Count one more write to documents, claims or reviews (`state`), in the caller's transaction."""
        self._query("INSERT INTO meta (key, value) VALUES ('changes', '1') ON CONFLICT (key) "
                    "DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")

    def save_reconciled(self, made_from: str, rows: Mapping[str, Iterable[tuple[str, bool, str]]],
                        facts: Mapping[str, Any] | None = None) -> None:
        """Keep what reconciling made, in place of everything kept before (focus rows too), in one
        transaction: for each kind ('series', 'conflict', 'source') its rows in order, each (ref, settled,
        body), under a header saying they were made from ``made_from``, with ``facts`` (JSON values)."""
        header = json.dumps({**(facts or {}), "made_from": made_from}, ensure_ascii=False)
        with self._transaction():
            self._query("DELETE FROM reconciled")
            for kind, found in rows.items():
                self._put_reconciled(kind, "", header, [(ref, settled, body) for ref, settled, body in found])

    def save_focus(self, made_from: str, series: str, rows: Iterable[tuple[bool, str]]) -> bool:
        """Keep the conflicts one series takes part in (kind 'focus'), only while the outputs kept are made
        from ``made_from`` too (else another state came in meanwhile: nothing is written). Whether kept."""
        header = json.dumps({"made_from": made_from}, ensure_ascii=False)
        with self._transaction():
            if self.reconciled_from() != made_from:
                return False
            self._query("DELETE FROM reconciled WHERE kind = 'focus' AND ref = ?", (series,))
            self._put_reconciled("focus", series, header, [(series, settled, body) for settled, body in rows])
        return True

    def _put_reconciled(self, kind: str, ref: str, header: str, rows: list[tuple[str, bool, str]]) -> None:
        self._many("INSERT INTO reconciled (kind, ref, position, settled, body) VALUES (?, ?, ?, ?, ?)",
                   [(kind, ref, -1, 0, header)]
                   + [(kind, r, i, int(bool(settled)), body) for i, (r, settled, body) in enumerate(rows)])

    def reconciled_from(self, kind: str = "series", ref: str = "") -> str | None:
        """The state the kept outputs of a kind were made from; None when none are kept."""
        row = self._query("SELECT body FROM reconciled WHERE kind = ? AND ref = ? AND position = -1",
                          (kind, ref)).fetchone()
        return None if row is None else str(json.loads(row[0])["made_from"])

    def reconciled(self, kind: str, made_from: str, *, ref: str | None = None,
                   open_only: bool = False) -> tuple[dict[str, Any], Iterator[str]] | None:
        """The outputs of one kind kept from state ``made_from``: (the header's facts, the bodies in order,
        read as they are iterated); None when none are kept for that state. ``ref``: only the rows of that
        ref (a series' own conflicts; the focus rows of a series); ``open_only``: only rows not settled.
        The header is read in the statement that reads the rows, so the rows are the header's."""
        where = "kind = ?"
        params: list[Any] = [kind]
        if kind == "focus":
            where += " AND ref = ?"
            params.append(ref)
        elif ref is not None:
            where += " AND ref IN ('', ?)"
            params.append(ref)
        if open_only:
            where += " AND settled = 0"  # headers are never settled
        cursor = self._query(f"SELECT position, body FROM reconciled WHERE {where} ORDER BY position", params)
        first = cursor.fetchone()
        if first is None or first[0] != -1:
            return None
        facts = json.loads(first[1])
        if facts.pop("made_from") != made_from:
            return None
        return facts, (body for _, body in cursor)

    # -- plumbing ----------------------------------------------------------

    def _prepare(self) -> None:
        """Check that the file is a ledger, and bring its schema up to date."""
        try:
            tables = self._dialect.table_names(self._conn)
        except self._dialect.database_errors as e:
            raise StoreError(f"{self.target} is not a readable claimledger ledger ({e}). If it is some "
                             "other file, pass another path with --db; if it is a damaged ledger, restore it "
                             "from a backup or move it away and ingest again into a new file.") from e
        if tables and not {"meta"} <= tables:
            raise StoreError(f"{self.target} is a database but not a claimledger ledger (it has no meta "
                             "table): pass another path with --db, or move the file away.")
        if tables and not LEDGER_TABLES <= tables:
            missing = ", ".join(sorted(LEDGER_TABLES - tables))
            raise StoreError(f"the ledger {self.target} is incomplete (missing tables: {missing}): restore "
                             "it from a backup, or move it away and ingest again into a new file.")
        version = self._read_version() if tables else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"the ledger {self.target} has schema version {version}, newer than this "
                             f"claimledger understands ({SCHEMA_VERSION}): upgrade claimledger.")
        if version < SCHEMA_VERSION:
            self._migrate()

    def _read_version(self) -> int:
        row = self._query("SELECT value FROM meta WHERE key = ?", ("schema_version",)).fetchone()
        try:
            return int(row[0]) if row is not None else -1
        except ValueError:
            return -1

    def _migrate(self) -> None:
        # Alembic and SQLAlchemy are imported only here: an up-to-date ledger opens without them.
        from claimledger.store.migrations import upgrade

        upgrade(self._connection(), self._dialect)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        conn = self._connection()
        try:
            self._dialect.begin(conn)
        except self._dialect.database_errors as e:
            raise StoreError(f"cannot write to the ledger {self.target}: {e}. Another process may hold it; "
                             "try again, or check the file's permissions.") from e
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def _connection(self) -> Any:
        if self._conn is None:
            raise StoreError(f"the ledger {self.target} is closed: open it again with open_store().")
        return self._conn

    def _query(self, query: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._connection().execute(self._dialect.sql(query), params)
        except self._dialect.integrity_errors:
            raise  # add() turns these into a message about the document
        except self._dialect.database_errors as e:
            raise StoreError(f"the ledger {self.target} could not be read or written: {e}. If the file is "
                             "damaged, restore it from a backup or ingest again into a new file.") from e

    def _many(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            # a cursor's: psycopg's connections have execute() but no executemany()
            self._connection().cursor().executemany(self._dialect.sql(query), rows)
        except self._dialect.integrity_errors:
            raise
        except self._dialect.database_errors as e:
            raise StoreError(f"the ledger {self.target} could not be written: {e}.") from e

    def _exists(self, query: str, *params: Any) -> bool:
        return self._query(query, params).fetchone() is not None


def _claim_row(claim: Claim) -> tuple[Any, ...]:
    try:
        values: dict[str, Any] = {
            "id": claim.id, "doc": claim.doc, "start_char": int(claim.start), "end_char": int(claim.end),
            "quantity": claim.text,
            "search_key": _fold(claim.text) + "\n" + _fold(claim.evidence),
            "evidence_start": int(claim.evidence_start), "confidence": float(claim.confidence),
        }
        for name in _FLOAT_FIELDS:
            v = getattr(claim, name)
            values[name] = None if v is None else float(v)
        for name in _BOOL_FIELDS:
            values[name] = int(bool(getattr(claim, name)))
        for name in _JSON_FIELDS:
            values[name] = json.dumps(getattr(claim, name), ensure_ascii=False)
        for name in _CLAIM_COLUMNS:
            if name not in values:
                values[name] = getattr(claim, name)
    except (TypeError, ValueError) as e:
        raise StoreError(f"claim {claim.id} cannot be stored: {e}. Check its numeric fields.") from e
    return tuple(values[name] for name in _CLAIM_COLUMNS)


def _claim_from_dict(d: dict[str, Any]) -> Claim:
    """A claim as `Claim.to_dict` wrote it (an earlier version's, kept as JSON)."""
    data = {k: v for k, v in d.items() if k in _CLAIM_FIELDS}
    data["via"] = list(data.get("via") or [])
    return Claim(**data)


def _row_claim(row: Sequence[Any]) -> Claim:
    """A Claim from a row of _READ_COLUMNS."""
    values = list(row)
    for i in _BOOL_AT:
        values[i] = bool(values[i])
    for i in _JSON_AT:
        values[i] = _loads(values[i])
    return Claim(*values)


def _loads(text: str) -> Any:
    """json.loads, but most claims' via, cues and names are empty, and those need no parser (a new
    list or dict each time: a claim's lists are its own)."""
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return json.loads(text)
