"""The ledger's tables, and the migrations that build them version by version.

The DDL is portable SQL that SQLite and PostgreSQL both accept: TEXT, INTEGER
and DOUBLE PRECISION columns, booleans as 0/1 integers with a CHECK, lists and
dicts as JSON text. Nothing here may depend on one engine; what does lives in
dialect.py.

Column names avoid SQL keywords (``end`` is reserved), so a claim's ``start``
and ``end`` are stored as ``start_char`` and ``end_char`` and its quantity
``text`` as ``quantity``.

To change the schema, append a migration: ``(next version, [statements])``.
A ledger file records the last version applied in ``meta.schema_version`` and
``Store`` applies the missing ones, each in its own transaction, when it opens
the file. Never edit a migration that has shipped: old files were built by it.
"""
from __future__ import annotations

from claimledger.models import BOUNDS


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _flag(column: str) -> str:
    return f"{column} INTEGER NOT NULL CHECK ({column} IN (0, 1))"


_V1 = [
    # key/value facts about the file itself: schema_version, application.
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        published TEXT,
        publisher TEXT,
        url TEXT,
        title TEXT,
        origin TEXT,
        added_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL CHECK (start_char >= 0),
        end_char INTEGER NOT NULL,
        quantity TEXT NOT NULL,
        value DOUBLE PRECISION,
        low DOUBLE PRECISION,
        high DOUBLE PRECISION,
        {_flag("approx")},
        bound TEXT NOT NULL CHECK (bound IN ({_in(BOUNDS)})),
        {_flag("vague")},
        item TEXT NOT NULL,
        category TEXT NOT NULL,
        measure TEXT NOT NULL,
        actor TEXT,
        recipient TEXT,
        location TEXT,
        period_start TEXT,
        period_end TEXT,
        {_flag("cumulative")},
        {_flag("incremental")},
        source TEXT,
        via TEXT NOT NULL,
        publisher TEXT,
        evidence TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        cues TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        published TEXT,
        names TEXT NOT NULL,
        search_key TEXT NOT NULL,
        CHECK (end_char >= start_char),
        UNIQUE (doc, start_char, end_char)
    )""",
    # One row per entity id any claim uses; a place for canonical names later.
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY
    )""",
    # Which entity a claim uses in which role, with the name as written there.
    # role: actor, recipient, location, source, via, publisher, or named (an
    # id that appears only in the claim's names).
    """CREATE TABLE claim_entities (
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities (id),
        name TEXT,
        name_key TEXT,
        PRIMARY KEY (claim_id, role, entity_id)
    )""",
    "CREATE INDEX claims_doc ON claims (doc, start_char)",
    "CREATE INDEX claims_measure ON claims (measure)",
    "CREATE INDEX claims_category ON claims (category)",
    "CREATE INDEX claims_item ON claims (item)",
    "CREATE INDEX claims_actor ON claims (actor)",
    "CREATE INDEX claims_source ON claims (source)",
    "CREATE INDEX documents_published ON documents (published)",
    "CREATE INDEX claim_entities_entity ON claim_entities (entity_id, role)",
    "CREATE INDEX claim_entities_name ON claim_entities (name_key)",
]

# Version 2: the statement date and the earlier/projection flags of a claim
# (models.Claim), and the analysts' review actions (reconcile/review.py):
# each row one action, kept for ever, applied in order when the ledger is read.
_V2 = [
    "ALTER TABLE claims ADD COLUMN stated TEXT",
    f"ALTER TABLE claims ADD COLUMN {_flag('earlier')} DEFAULT 0",
    f"ALTER TABLE claims ADD COLUMN {_flag('projection')} DEFAULT 0",
    """CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        who TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX reviews_target ON reviews (target)",
]

# Version 3: the ledger as a record (the document's id stays its id).
# - documents.version counts the contents stored under the id; each ingest of
#   changed text, date, title, outlet or URL, and each re-extraction, makes a
#   new current version, and the one it replaces goes, with its claims as JSON,
#   to document_versions, readable for ever.
# - text_hash is Document.content_hash (what the report says); content_hash
#   becomes the hash of the id with it, unique per stored row as before, so
#   two ids may hold one text (a new version that equals another report).
# - aliases: another id under which identical content was ingested.
# - encoding and language of the text as read; extracted_with on documents and
#   claims says which extractor, gazetteer, lexicon and model made the claims.
_V3 = [
    "ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE documents ADD COLUMN text_hash TEXT",
    "UPDATE documents SET text_hash = content_hash",
    "ALTER TABLE documents ADD COLUMN encoding TEXT",
    "ALTER TABLE documents ADD COLUMN language TEXT",
    "ALTER TABLE documents ADD COLUMN extracted_with TEXT",
    "ALTER TABLE claims ADD COLUMN extracted_with TEXT",
    "CREATE INDEX documents_text_hash ON documents (text_hash)",
    """CREATE TABLE document_versions (
        doc TEXT NOT NULL,
        version INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        published TEXT,
        publisher TEXT,
        url TEXT,
        title TEXT,
        origin TEXT,
        encoding TEXT,
        language TEXT,
        extracted_with TEXT,
        claims TEXT NOT NULL,
        added_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by TEXT NOT NULL,
        PRIMARY KEY (doc, version)
    )""",
    """CREATE TABLE aliases (
        alias TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        origin TEXT,
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX aliases_doc ON aliases (doc)",
]

# Version 4: the order in which documents and claims are read (by publication
# date, undated last, then id) served by an index instead of a sort of the whole
# ledger: with this on documents and the (doc, start_char, end_char) key on
# claims, `Store.claims()` walks the documents in order and each one's claims
# in order. The expression is the one the queries' ORDER BY writes.
_V4 = [
    "CREATE INDEX documents_order ON documents ((CASE WHEN published IS NULL THEN 1 ELSE 0 END), published, id)",
]

# (version, statements), in order. Version N's statements turn a version N-1
# file into a version N file; version 1 builds the schema from nothing.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]

# The tables a version-1-or-later ledger always has; used to tell a ledger
# from some other SQLite file.
LEDGER_TABLES = frozenset({"meta", "documents", "claims", "entities", "claim_entities"})
