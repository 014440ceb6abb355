"""The ledger: documents, their claims and the entities the claims name.

``Store`` is the one interface the rest of claimledger uses to keep and query
claims. It writes portable SQL (schema.py) and leaves engine differences to a
``Dialect`` (dialect.py), so that a PostgreSQL ledger can sit behind the same
methods. It hands on ``Document`` and ``Claim`` objects exactly as they went in.

Ingest is idempotent and transactional per document: ``add`` writes a document,
its claims and their entity links in one transaction, skips a document whose
content hash is already stored, and leaves nothing behind when it fails.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from claimledger.errors import NotFoundError, StoreError
from claimledger.models import Claim, Document
from claimledger.store.dialect import Dialect
from claimledger.store.schema import LEDGER_TABLES, MIGRATIONS, SCHEMA_VERSION

APPLICATION = "claimledger"

_DOC_COLUMNS = ("id", "text", "published", "publisher", "url", "title", "origin")

# Claim table columns, in order; the dataclass field each one holds is the
# same name except for these (SQL keywords and the quantity text).
_CLAIM_COLUMNS = (
    "id", "doc", "start_char", "end_char", "quantity", "value", "low", "high", "approx", "bound", "vague",
    "item", "category", "measure", "actor", "recipient", "location", "period_start", "period_end",
    "cumulative", "incremental", "source", "via", "publisher", "evidence", "evidence_start", "cues",
    "confidence", "published", "names", "search_key", "stated", "earlier", "projection",
)
_BOOL_FIELDS = ("approx", "vague", "cumulative", "incremental", "earlier", "projection")
_FLOAT_FIELDS = ("value", "low", "high")
_JSON_FIELDS = ("via", "cues", "names")
_SINGLE_ROLES = ("actor", "recipient", "location", "source", "publisher")


def _fold(text: str) -> str:
    """Case- and whitespace-insensitive form used for names and text search."""
    return " ".join(text.casefold().split())


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

    def add(self, doc: Document, claims: Sequence[Claim]) -> bool:
        """Store a document and its claims in one transaction.

        Returns False, writing nothing, when a document with the same content
        hash is already stored. A different document under an id already in
        use is stored as ``<id>~<first 8 hex digits of its hash>``, and its
        claims' ``doc`` with it (the objects passed in are not modified).
        """
        for claim in claims:
            if claim.doc != doc.id:
                raise StoreError(f"claim {claim.id} says it is from document {claim.doc!r} but was added "
                                 f"with document {doc.id!r}: set each claim's doc to its document's id.")
        content_hash = doc.content_hash
        current: Claim | None = None
        try:
            with self._transaction():
                if self._exists("SELECT 1 FROM documents WHERE content_hash = ?", content_hash):
                    return False
                doc_id = self._free_id(doc.id, content_hash)
                self._query(
                    f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, content_hash, added_at) "
                    f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 2))})",
                    (doc_id, doc.text, doc.published, doc.publisher, doc.url, doc.title, doc.origin,
                     content_hash, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                insert_claim = (f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) "
                                f"VALUES ({', '.join('?' * len(_CLAIM_COLUMNS))})")
                for claim in claims:
                    current = replace(claim, doc=doc_id) if doc_id != doc.id else claim
                    self._query(insert_claim, _claim_row(current))
                    self._add_entities(current)
        except self._dialect.integrity_errors as e:
            where = f" at claim {current.id}" if current is not None else ""
            raise StoreError(f"document {doc.id!r} ({doc.origin or 'no origin'}) was not stored: the "
                             f"ledger refused it{where} ({e}). Nothing from it was written; fix the claim "
                             "(two claims with one span, or a field outside the spec) and add it again."
                             ) from e
        return True

    def _free_id(self, doc_id: str, content_hash: str) -> str:
        """The document's own id, or a suffixed one if another document has it."""
        for candidate in (doc_id, f"{doc_id}~{content_hash[:8]}", f"{doc_id}~{content_hash}"):
            if not self._exists("SELECT 1 FROM documents WHERE id = ?", candidate):
                return candidate
        raise StoreError(f"document id {doc_id!r} and its suffixed forms are all taken in {self.target}; "
                         "give the document another id.")

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
            rows.append((claim.id, role, entity, name, _fold(name) if name else None))
        self._many("INSERT INTO claim_entities (claim_id, role, entity_id, name, name_key)"
                   " VALUES (?, ?, ?, ?, ?)", rows)

    # -- reviews -----------------------------------------------------------

    def add_review(self, action: str, target: str, detail: dict[str, Any], who: str) -> str:
        """Keep one review action (reconcile/review.py); returns its id. Nothing is ever overwritten."""
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        rid = "r" + hashlib.sha1(f"{at}|{action}|{target}|{who}".encode()).hexdigest()[:10]
        with self._transaction():
            self._query("INSERT INTO reviews (id, action, target, detail, who, at) VALUES (?, ?, ?, ?, ?, ?)",
                        (rid, action, target, json.dumps(detail, ensure_ascii=False, sort_keys=True), who, at))
        return rid

    def reviews(self) -> list[dict[str, Any]]:
        """Every review action, oldest first, as dicts (id, action, target, detail, who, at)."""
        rows = self._query("SELECT id, action, target, detail, who, at FROM reviews ORDER BY at, id").fetchall()
        return [{"id": r[0], "action": r[1], "target": r[2], "detail": json.loads(r[3]), "who": r[4], "at": r[5]}
                for r in rows]

    # -- documents ---------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored."""
        return self._exists("SELECT 1 FROM documents WHERE content_hash = ?", content_hash)

    def document(self, doc_id: str) -> Document:
        query = f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?"
        row = self._query(query, (doc_id,)).fetchone()
        if row is None:
            # ids that start with the one asked for: a shortened id, or the
            # <id>~<hash> a second version of the document was stored under.
            similar = [r[0] for r in self._query(
                "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 5",
                (_escape_like(doc_id) + "%",),
            ).fetchall()]
            hint = (f"did you mean {', '.join(repr(s) for s in similar)}?" if similar
                    else "ingest it first, or check the id against the ledger's list of documents")
            raise NotFoundError(f"no document {doc_id!r} in the ledger {self.target}: {hint}.")
        return Document(*row)

    def documents(self) -> list[Document]:
        """Every stored document, by publication date (undated last), then id."""
        rows = self._query(
            f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents "
            "ORDER BY CASE WHEN published IS NULL THEN 1 ELSE 0 END, published, id"
        ).fetchall()
        return [Document(*row) for row in rows]

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
    ) -> list[Claim]:
        """Claims matching every filter given, by publication date, then document, then position.

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
                             "(SELECT ce.entity_id FROM claim_entities ce WHERE ce.name_key = ?))")
                params += [value.strip().lower(), _fold(value)]
        if search is not None:
            where.append("c.search_key LIKE ? ESCAPE '\\'")
            params.append(_like_pattern(search))
        query = (f"SELECT {', '.join('c.' + col for col in _CLAIM_COLUMNS)} "
                 "FROM claims c JOIN documents d ON d.id = c.doc")
        if where:
            query += " WHERE " + " AND ".join(where)
        query += (" ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published,"
                  " c.doc, c.start_char, c.end_char")
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise ValueError(f"limit must be a whole number of claims, 0 or more, not {limit!r}")
            query += " LIMIT ?"
            params.append(limit)
        return [_row_claim(row) for row in self._query(query, params).fetchall()]

    def claim(self, claim_id: str) -> Claim:
        query = f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims WHERE id = ?"
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
        with self._transaction():
            # Read again under the write lock: another process may have just done it.
            tables = self._dialect.table_names(self._conn)
            version = self._read_version() if "meta" in tables else 0
            if version < 0:
                raise StoreError(f"the ledger {self.target} has no valid schema_version in its meta table: "
                                 "restore it from a backup, or move it away and ingest again.")
            for target, statements in MIGRATIONS:
                if target <= version:
                    continue
                for statement in statements:
                    self._query(statement)
                self._query("INSERT INTO meta (key, value) VALUES (?, ?)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            ("schema_version", str(target)))
            self._query("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                        ("application", APPLICATION))

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
            self._connection().executemany(self._dialect.sql(query), rows)
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


def _row_claim(row: Sequence[Any]) -> Claim:
    data = dict(zip(_CLAIM_COLUMNS, row, strict=True))
    del data["id"], data["search_key"]
    data["start"] = data.pop("start_char")
    data["end"] = data.pop("end_char")
    data["text"] = data.pop("quantity")
    for name in _BOOL_FIELDS:
        data[name] = bool(data[name])
    for name in _JSON_FIELDS:
        data[name] = json.loads(data[name])
    return Claim(**data)
