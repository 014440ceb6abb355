"""claimledger: news reports in, a sourced ledger of figures out.

The public API. Nothing heavy happens at import: the spaCy pipeline is loaded
when an Extractor is built.
"""
from claimledger.errors import (
    ClaimLedgerError,
    ConfigError,
    ExtractError,
    FetchError,
    IngestError,
    ModelNotFoundError,
    NotFoundError,
    StoreError,
)
from claimledger.ingest import iter_documents
from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor
from claimledger.store import open_store

__all__ = [
    "Claim",
    "ClaimLedgerError",
    "ConfigError",
    "Document",
    "ExtractError",
    "Extractor",
    "FetchError",
    "IngestError",
    "ModelNotFoundError",
    "NotFoundError",
    "StoreError",
    "__version__",
    "iter_documents",
    "open_store",
]
__version__ = "0.1.0"
