"""One small error tree. Every message names the input and says what to do next."""
from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class IngestError(ClaimLedgerError):
    """An input could not be read into a Document. The batch goes on without it."""

    def __init__(self, origin: str, reason: str):
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")

    def __reduce__(self) -> tuple:
        return type(self), (self.origin, self.reason)  # a worker process sends it back whole


class FetchError(IngestError):
    """A URL could not be fetched (network error, HTTP status, wrong content)."""


class ExtractError(ClaimLedgerError):
    """Extraction failed on one document (a defect to report); the batch goes on without it."""

    def __init__(self, doc_id: str, reason: str):
        self.doc_id = doc_id
        self.reason = reason
        super().__init__(f"{doc_id}: extraction failed ({reason}); please report this document")

    def __reduce__(self) -> tuple:
        return type(self), (self.doc_id, self.reason)


class TooLongError(ExtractError):
    """A document too long to extract: a known limit, not a defect (README, Limits).

    The Extractor no longer raises it: a document longer than the parser takes at once is read in pieces
    (pipeline.py). Kept for code that catches it."""

    def __init__(self, doc_id: str, reason: str):
        self.doc_id = doc_id
        self.reason = reason
        ClaimLedgerError.__init__(self, f"{doc_id}: {reason}")


class ModelNotFoundError(ClaimLedgerError):
    """No English spaCy pipeline is installed."""


class StoreError(ClaimLedgerError):
    """The ledger could not be opened or written."""


class NotFoundError(ClaimLedgerError):
    """A document, claim or series id that the ledger does not hold."""


class ConfigError(ClaimLedgerError):
    """A settings or gazetteer file is malformed."""
