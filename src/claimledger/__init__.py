"""claimledger: news reports in, a sourced ledger of figures out."""
from claimledger.errors import ClaimLedgerError, IngestError
from claimledger.models import Claim, Document

__all__ = ["Claim", "ClaimLedgerError", "Document", "IngestError", "__version__"]
__version__ = "0.1.0"
