"""The ledger's tables, and the migrations that build them version by version.

The DDL is portable SQL that SQLite and PostgreSQL both accept: TEXT, INTEGER
and DOUBLE PRECISION columns, booleans as 0/1 integers with a CHECK, lists and
dicts as JSON text. Nothing here may depend on one engine; what does lives in
dialect.py.

Column names avoid SQL keywords (``end`` is reserved), so a claim's ``start``
and ``end`` are stored as ``start_char`` and ``end_char`` and its quantity
``text`` as ``quantity``.

To change the schema, append a migration: ``(next version, [statements])``,
and its Alembic revision in migrations/versions/ (migrations/__init__.py says
how). A ledger records the last version applied in ``meta.schema_version`` (and
Alembic its revision); when it is behind, ``Store`` has Alembic apply the
missing versions, all in one transaction, as it opens the ledger. Never edit a
migration that has shipped: old ledgers were built by it.
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

# Version 5: views for browsing the ledger in Datasette (or psql, or any SQL client): the claims with
# their document's title, outlet and date and their source's and actor's names as written; one row per
# document, per source, per outlet, per (category, measure, item) and per month. They show the ledger as
# extracted: review actions (reviews) are applied in Python on every read and cannot be in a view (an undo
# may undo an undo), so claims_readable counts the actions that name each claim instead. Their titles and
# descriptions for Datasette are in data/datasette.yaml. Portable SQL like the tables; a view's columns are
# fixed when it is made, so a later migration that changes a column a view shows drops and remakes the view.
_SOURCE_NAME = """(SELECT ce.name FROM claim_entities ce
            WHERE ce.entity_id = c.source AND ce.role = 'source' AND ce.name IS NOT NULL
            GROUP BY ce.name ORDER BY count(*) DESC, ce.name LIMIT 1)"""
_V5_VIEWS = {
    "claims_readable": """
        SELECT c.id, c.doc, d.title, d.publisher, d.published, c.stated, c.quantity, c.value, c.low, c.high,
            c.approx, c.bound, c.item, c.category, c.measure, c.actor, actor.name AS actor_name, c.recipient,
            c.location, c.period_start, c.period_end, c.cumulative, c.incremental, c.earlier, c.projection,
            c.vague, c.source, source.name AS source_name, c.via, c.evidence, c.confidence, d.url,
            (SELECT count(*) FROM reviews r WHERE r.target = c.id) AS reviews
        FROM claims c
        JOIN documents d ON d.id = c.doc
        LEFT JOIN claim_entities source
            ON source.claim_id = c.id AND source.role = 'source' AND source.entity_id = c.source
        LEFT JOIN claim_entities actor
            ON actor.claim_id = c.id AND actor.role = 'actor' AND actor.entity_id = c.actor
        ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, d.id, c.start_char, c.end_char""",
    "documents_readable": """
        SELECT d.id, d.title, d.publisher, d.published, d.url, d.language, d.version,
            (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims,
            (SELECT count(DISTINCT c.source) FROM claims c WHERE c.doc = d.id) AS sources,
            (SELECT count(*) FROM aliases a WHERE a.doc = d.id) AS aliases,
            d.origin, d.added_at
        FROM documents d
        ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, d.id""",
    "sources_summary": f"""
        SELECT c.source, {_SOURCE_NAME} AS name,
            count(*) AS claims, count(DISTINCT c.doc) AS documents, count(DISTINCT d.publisher) AS publishers,
            count(DISTINCT c.measure) AS measures, min(d.published) AS first_published,
            max(d.published) AS last_published
        FROM claims c
        JOIN documents d ON d.id = c.doc
        WHERE c.source IS NOT NULL
        GROUP BY c.source
        ORDER BY count(*) DESC, c.source""",
    "publishers_summary": """
        SELECT d.publisher, count(DISTINCT d.id) AS documents, count(c.id) AS claims,
            count(DISTINCT c.source) AS sources, min(d.published) AS first_published,
            max(d.published) AS last_published
        FROM documents d
        LEFT JOIN claims c ON c.doc = d.id
        GROUP BY d.publisher
        ORDER BY count(DISTINCT d.id) DESC, CASE WHEN d.publisher IS NULL THEN 1 ELSE 0 END, d.publisher""",
    "measures_summary": """
        SELECT c.category, c.measure, c.item, count(*) AS claims, count(DISTINCT c.doc) AS documents,
            count(DISTINCT c.source) AS sources, min(c.value) AS smallest, max(c.value) AS largest,
            min(d.published) AS first_published, max(d.published) AS last_published
        FROM claims c
        JOIN documents d ON d.id = c.doc
        GROUP BY c.category, c.measure, c.item
        ORDER BY count(*) DESC, c.category, c.measure, c.item""",
    "claims_by_month": """
        SELECT substr(d.published, 1, 7) AS month, c.category, c.measure, count(*) AS claims,
            count(DISTINCT c.doc) AS documents, count(DISTINCT c.source) AS sources
        FROM claims c
        JOIN documents d ON d.id = c.doc
        WHERE d.published IS NOT NULL
        GROUP BY substr(d.published, 1, 7), c.category, c.measure
        ORDER BY substr(d.published, 1, 7), c.category, c.measure""",
}
_V5 = [f"CREATE VIEW {name} AS{query}" for name, query in _V5_VIEWS.items()]

# The views of the current schema, by name.
VIEWS = tuple(_V5_VIEWS)

# Version 6: what reconciling made, kept so that `series`, `conflicts`, `sources` and the web app read it
# instead of rebuilding every series on every call (cli_reconcile.py `Outputs`). One row per series,
# conflict and source, in the order the commands print them (position), each its JSON object as
# `--json` prints it inside the list (body); kind 'focus' holds the conflicts one series takes part in
# (`conflicts --series`), ref naming the series. Each kind (and each focus series) has a header row at
# position -1 whose body says which ledger state the rows were made from: a reader checks it in the
# same statement that reads the rows, so it never serves rows of another state. Rebuilt as a whole
# (Store.save_reconciled); meta 'changes' counts the Store's writes, part of that state.
_V6 = [
    f"""CREATE TABLE reconciled (
        kind TEXT NOT NULL CHECK (kind IN ('series', 'conflict', 'source', 'focus')),
        ref TEXT NOT NULL,
        position INTEGER NOT NULL,
        {_flag("settled")} DEFAULT 0,
        body TEXT NOT NULL,
        PRIMARY KEY (kind, ref, position)
    )""",
    "CREATE INDEX reconciled_order ON reconciled (kind, position)",
]

# (version, statements), in order. Version N's statements turn a version N-1
# file into a version N file; version 1 builds the schema from nothing.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]

# The tables a version-1-or-later ledger always has; used to tell a ledger
# from some other SQLite file.
LEDGER_TABLES = frozenset({"meta", "documents", "claims", "entities", "claim_entities"})
